package sheet_test

// The repository's own example workbooks and the real public sheets,
// converted by LibreOffice to .xls and .ods, must read as the same records
// as the .xlsx they came from.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/sheet"
)

// soffice returns LibreOffice's command, skipping the test without it
// (failing in CI, which installs it).
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("soffice is not installed; .ci/run installs libreoffice-calc")
	}
	t.Skip("soffice (LibreOffice) is not installed: the .xls/.ods conversion tests need it")
	return ""
}

// convertAll converts every file with one LibreOffice run per format, in
// a private profile so concurrent runs do not share one.
func convertAll(t *testing.T, bin, dir string, files []string, format string) {
	t.Helper()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--convert-to", format, "--outdir", filepath.Join(dir, format)}
	out, err := exec.Command(bin, append(args, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
	}
}

func TestConvertedFormats(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	var sources []string
	for _, pattern := range []string{"../../examples/*/teams/*.xlsx", "../../examples/*/teams/*/*.xlsx"} {
		m, _ := filepath.Glob(pattern)
		sources = append(sources, m...)
	}
	real, _ := filepath.Glob(filepath.Join(realDir, "*.xlsx"))
	if len(real) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s holds no workbooks; CI must run with shared/ beside the repository", realDir)
		}
		t.Logf("%s not found: converting the examples only", realDir)
	}
	sources = append(sources, real...)
	if len(sources) < 8 {
		t.Fatalf("found only %d workbooks to convert", len(sources))
	}
	// Copy under unique names: the examples repeat WBS.xlsx.
	var files []string
	for i, src := range sources {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprintf("%02d_%s", i, filepath.Base(src)))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	for _, format := range []string{"xls", "ods"} {
		convertAll(t, bin, dir, files, format)
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".xlsx")
		for _, format := range []string{"xls", "ods"} {
			t.Run(base+"."+format, func(t *testing.T) {
				converted := filepath.Join(dir, format, base+"."+format)
				if _, err := os.Stat(converted); errors.Is(err, fs.ErrNotExist) {
					t.Fatalf("soffice wrote no %s", converted)
				}
				compareReads(t, f, converted)
			})
		}
	}
}

// compareReads reads both files and compares tables, records and
// findings, with the file name taken out of positions.
func compareReads(t *testing.T, orig, conv string) {
	t.Helper()
	ob, want := openAndRead(t, orig)
	cb, got := openAndRead(t, conv)
	// LibreOffice's BIFF export writes the cached result of a shared
	// formula whose value is text as the number 0 (Excel recalculates on
	// open and never shows it; pmo reads what is stored). Those cells are
	// found from the two grids and left out of the comparison.
	skip := zeroedFormulaText(ob, cb)
	if len(skip) > 0 {
		t.Logf("%d formula cells with a text result that LibreOffice stored as 0 in the .xls", len(skip))
	}
	if w, g := tableShape(want), tableShape(got); w != g {
		t.Errorf("tables differ:\n.xlsx %s\nconv  %s", w, g)
	}
	wr, gr := records(want, skip), records(got, skip)
	if len(wr) != len(gr) {
		t.Fatalf("%d records from the .xlsx, %d from %s", len(wr), len(gr), filepath.Base(conv))
	}
	for i := range wr {
		if wr[i] != gr[i] {
			t.Errorf("record %d:\n.xlsx %s\nconv  %s", i+1, wr[i], gr[i])
		}
	}
	if w, g := findingList(want, skip), findingList(got, skip); !slices.Equal(w, g) {
		t.Errorf("findings differ:\n.xlsx %q\nconv  %q", w, g)
	}
}

func openAndRead(t *testing.T, path string) (*sheet.Book, *sheet.Result) {
	t.Helper()
	bk, err := sheet.Open(path, sheet.OpenOptions{Name: "book"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sheet.Read(bk, sheet.Options{Near: serialDate(2026, 4, 1)})
	if err != nil {
		t.Fatal(err)
	}
	return bk, res
}

type cellKey struct {
	sheet    string
	row, col int
}

func zeroedFormulaText(orig, conv *sheet.Book) map[cellKey]bool {
	out := map[cellKey]bool{}
	for _, g := range orig.Sheets {
		cg, err := conv.Sheet(g.Name)
		if err != nil {
			continue
		}
		for _, r := range g.Rows {
			for _, c := range r.Cells {
				if c.Formula && c.Kind == sheet.String {
					if cc := cg.Cell(r.Num, int(c.Col)); cc.Formula && cc.Kind == sheet.Number && cc.Num == 0 {
						out[cellKey{g.Name, r.Num, int(c.Col)}] = true
					}
				}
			}
		}
	}
	return out
}

func tableShape(res *sheet.Result) string {
	var b strings.Builder
	for _, tb := range res.Tables {
		j, _ := json.Marshal(tb)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// records lists every record as JSON without the fields read from a
// skipped cell.
func records(res *sheet.Result, skip map[cellKey]bool) []string {
	var out []string
	add := func(v any, cell func(string) diag.Pos) {
		j, _ := json.Marshal(v)
		var m map[string]any
		_ = json.Unmarshal(j, &m)
		for k := range m {
			p := cell(k)
			if skip[cellKey{p.Sheet, p.Row, p.Col}] {
				delete(m, k)
			}
		}
		j, _ = json.Marshal(m)
		out = append(out, string(j))
	}
	for _, tb := range res.Tables {
		for i := range tb.Tasks {
			add(tb.Tasks[i], tb.Tasks[i].Cell)
		}
		for i := range tb.Issues {
			add(tb.Issues[i], tb.Issues[i].Cell)
		}
		for i := range tb.Risks {
			add(tb.Risks[i], tb.Risks[i].Cell)
		}
	}
	return out
}

func findingList(res *sheet.Result, skip map[cellKey]bool) []string {
	var out []string
	for _, f := range res.Findings {
		if !skip[cellKey{f.Pos.Sheet, f.Pos.Row, f.Pos.Col}] {
			out = append(out, f.String())
		}
	}
	return out
}
