package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/xuri/excelize/v2"
)

// TestBatchOverAllocation runs pmo batch on a portfolio in which 山本 太郎
// works on two projects in the same weeks beyond capacity: the warning
// names both projects and their person-days, the 要員 sheet shows the
// total over capacity with both projects' shares, and the people page of
// portfolio.pdf says it in words; --group-by prints the subtotals.
func TestBatchOverAllocation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := batchtest.SharedPeople(t, dir, 40, 40)
	out := filepath.Join(dir, "out")
	code, stdout, errOut := run(t, "batch", yaml, "-o", out, "--as-of", "2026-11-20", "--group-by", "department", "--lang", "ja")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, errOut)
	}
	want := "山本 太郎 は 2026-11-30 の週に 9.3 人日の予定で、容量 4.0 人日を超えています（233 %）：alpha 4.7、beta 4.7"
	if !strings.Contains(errOut, want) || !strings.Contains(errOut, "[portfolio.over-allocated]") {
		t.Errorf("stderr lacks the over-allocation warning:\n%s", errOut)
	}
	if !strings.Contains(stdout, "DEPARTMENT") || !strings.Contains(stdout, "営業本部") || !strings.Contains(stdout, "管理本部") {
		t.Errorf("no group subtotals:\n%s", stdout)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("要員")
	if err != nil {
		t.Fatal(err)
	}
	header := rows[1]
	// Week headings are dates shown m/d.
	col := slices.Index(header, "11/30")
	if col < 0 || len(rows) < 5 {
		t.Fatalf("要員: no week of 11/30 in %q", header)
	}
	total, a, b := rows[2], rows[3], rows[4]
	if total[0] != "山本 太郎" || a[1] != "alpha" || b[1] != "beta" || total[col] != "9.3" || a[col] != "4.7" || b[col] != "4.7" {
		t.Errorf("要員 rows = %q / %q / %q", total, a, b)
	}
	ref, _ := excelize.CoordinatesToCellName(col+1, 3)
	id, _ := f.GetCellStyle("要員", ref)
	if st, _ := f.GetStyle(id); st == nil || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], "FFC7CE") {
		t.Errorf("the over-capacity week %s is not red", ref)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && strings.HasPrefix(r[0], want) }) {
		t.Error("the 要員 sheet does not state the finding")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	text, err := exec.Command("pdftotext", "-raw", filepath.Join(out, "portfolio.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(text)), "")
	i := strings.Index(doc, "案件横断の要員負荷")
	if i < 0 || !strings.Contains(doc[i:], strings.Join(strings.Fields(want), "")) || !strings.Contains(doc[i:], "└alpha") || !strings.Contains(doc[i:], "└beta") {
		t.Error("the people page of portfolio.pdf does not show the over-allocation with both projects")
	}
	for _, s := range []string{"alphaの判断事項", "betaの判断事項", "部門:営業本部"} {
		if !strings.Contains(doc, s) {
			t.Errorf("portfolio.pdf lacks %q", s)
		}
	}
}
