package scaffold

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/xlsxcheck"
)

// TestSheetsExcelSafe checks the blank team sheets pmo init writes for
// the causes of Excel's repair prompt (see internal/xlsxcheck), in both
// languages and with a project name that sheet names could not hold.
func TestSheetsExcelSafe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var written []string
	for i, o := range []Options{
		{ID: "crm", Name: "顧客管理システム刷新", Start: date.Of(2026, 4, 1)},
		{ID: "crm", Name: "CRM", Lang: "en", Start: date.Of(2026, 4, 1), AsOf: date.Of(2026, 11, 20)},
		{ID: "x", Name: strings.Repeat("[案件]:*?/\\'", 20), Start: date.Of(2026, 4, 1)},
	} {
		n := 0
		for _, f := range files(t, o) {
			if !strings.HasSuffix(f.Path, ".xlsx") {
				continue
			}
			n++
			ps, err := xlsxcheck.Bytes(f.Data)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			for _, p := range ps {
				t.Errorf("%s (%s): %s", f.Path, o.Lang, p)
			}
			path := filepath.Join(dir, strconv.Itoa(i)+"-"+filepath.Base(f.Path))
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, path)
		}
		if n < 3 {
			t.Errorf("%d workbooks, want at least the WBS, issue and risk sheets", n)
		}
	}
	// SheetJS and ExcelJS open them too.
	xlsxcheck.CheckWithNode(t, written...)
}
