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
	"github.com/xuri/excelize/v2"
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
	write := func(base string, data []byte) {
		name := filepath.Join(dir, fmt.Sprintf("%02d_%s", len(files), base))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	for _, src := range sources {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Base(src), data)
	}
	write("formats.xlsx", formatsBook(t).bytes())
	write("fills.xlsx", fillsBook(t).bytes())
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
				recs := compareReads(t, f, converted)
				// The fixtures must exercise what they are for: dates
				// from fills, and the Japanese date formats.
				switch {
				case strings.HasSuffix(base, "_fills") && strings.Count(strings.Join(recs, "\n"), `"planned_start_from":"calendar"`) != 2:
					t.Errorf("fills.xlsx: want 2 tasks dated by their fills, got %q", recs)
				case strings.HasSuffix(base, "_formats") && !strings.Contains(strings.Join(recs, "\n"), `"planned_effort":10,"planned_finish":"2026-04-30","planned_start":"2026-04-01","progress":50`):
					t.Errorf("formats.xlsx: Japanese date formats or hours not read: %q", recs)
				}
			})
		}
	}
}

// compareReads reads both files and compares tables, records and
// findings, with the file name taken out of positions.
func compareReads(t *testing.T, orig, conv string) []string {
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
	return wr
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
		for i, r := range g.Rows {
			for _, c := range g.RowCells(i) {
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

// formatsBook holds what the readers must carry over from formats: the
// built-in Japanese date formats (31 yyyy"年"m"月"d"日", 57/58 the era
// ones), a custom date, percentages, indents as the hierarchy, a hidden
// sheet and a cover sheet that is skipped.
func formatsBook(t *testing.T) *book {
	b := newBook(t, "表紙")
	b.rows("表紙", "A1", []any{"基幹刷新 WBS"})
	sh := b.sheet("WBS")
	b.rows(sh, "A1", []any{"タスク名", "担当", "開始日", "終了日", "進捗率", "工数"})
	b.rows(sh, "A2",
		[]any{"要件定義", "", xc{v: serial(2026, 4, 1), numFmt: 31}, xc{v: serial(2026, 4, 30), numFmt: 57}, xc{v: 0.5, numFmt: 9}, hours(80)},
		[]any{xc{v: "業務調査", indent: 1}, "佐藤", xc{v: serial(2026, 4, 1), numFmt: 14}, xc{v: serial(2026, 4, 10), numFmt: 58}, xc{v: 1, numFmt: 9}, hours(32)},
		[]any{xc{v: "要件定義書", indent: 1}, "鈴木", apr(13), apr(30), xc{v: 0.25, numFmt: 10}, hours(48)},
		[]any{"設計", "", day(2026, 5, 7), day(2026, 6, 30), xc{v: 0, numFmt: 9}, hours(160)},
	)
	hidden := b.sheet("旧WBS")
	b.rows(hidden, "A1", []any{"タスク名", "開始日", "終了日"}, []any{"旧", apr(1), apr(2)})
	b.check(b.f.SetSheetVisible(hidden, false))
	return b
}

// hours is an effort typed in hours, as the format says.
func hours(h float64) xc { return xc{v: h, code: `0"時間"`} }

// fillsBook is a WBS drawn as a Gantt chart in its calendar: day columns,
// bars of solid fills on 予定/実績 rows, a shaded Sunday column and white
// fills that are the background.
func fillsBook(t *testing.T) *book {
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"No", "タスク名", "担当", "区分", "2026年4月"})
	b.merge(sh, "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:R1")
	for d := 1; d <= 14; d++ {
		cell, _ := excelize.CoordinatesToCellName(4+d, 2)
		b.set(sh, cell, d)
	}
	b.rows(sh, "A3",
		[]any{"1", "要件定義", "山田", "予定"}, []any{"", "", "", "実績"},
		[]any{"2", "基本設計", "佐藤", "予定"}, []any{"", "", "", "実績"},
	)
	b.merge(sh, "A3:A4", "B3:B4", "C3:C4", "A5:A6", "B5:B6", "C5:C6")
	b.fill(sh, "E3", "G3", "4472C4")
	b.fill(sh, "E4", "H4", "ED7D31")
	b.fill(sh, "I5", "M5", "4472C4")
	b.fill(sh, "J6", "K6", "ED7D31")
	b.fill(sh, "P3", "P6", "D9D9D9") // Sunday 4/12
	b.fill(sh, "E2", "R2", "FFFFFF")
	return b
}
