package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
)

// generated runs the generator into a fresh directory and returns every
// file it wrote, keyed by slash path relative to that directory.
func generated(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	if err := run(dir); err != nil {
		t.Fatalf("run: %v", err)
	}
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, a := generated(t)
	_, b := generated(t)
	if len(a) != len(b) || len(a) != 11 {
		t.Fatalf("runs wrote %d and %d files, want 11 each", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}

// TestCommittedUpToDate fails when the generator changed but the files in
// examples/ were not regenerated (go run ./examples/gen).
func TestCommittedUpToDate(t *testing.T) {
	t.Parallel()
	_, files := generated(t)
	for name, data := range files {
		committed, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(committed, data) {
			t.Errorf("examples/%s is stale: run go run ./examples/gen", name)
		}
	}
}

func TestSmall(t *testing.T) {
	t.Parallel()
	_, files := generated(t)
	for name, data := range files {
		if len(data) >= 60<<10 {
			t.Errorf("%s is %d bytes, want < 60 KB", name, len(data))
		}
	}
}

// TestPlanted pins the cells that examples/README.md lists as planted
// mistakes, so the README cannot drift from the files.
func TestPlanted(t *testing.T) {
	t.Parallel()
	dir, _ := generated(t)
	cases := []struct {
		name, file, sheet, cell, want string
		isError                       bool
	}{
		{"done at 50%: status", "kikan/teams/基盤/WBS.xlsx", "WBS", "N20", "完了", false},
		{"done at 50%: progress", "kikan/teams/基盤/WBS.xlsx", "WBS", "M20", "0.5", false},
		{"ref error", "kikan/teams/基盤/WBS.xlsx", "WBS", "L24", "#REF!", true},
		{"not in roster", "kikan/teams/基盤/WBS.xlsx", "WBS", "F28", "佐々木", false},
		{"finish before start: start", "kikan/teams/基盤/WBS.xlsx", "WBS", "G29", "46370", false},
		{"finish before start: finish", "kikan/teams/基盤/WBS.xlsx", "WBS", "H29", "46360", false},
		{"after project end", "kikan/teams/基盤/WBS.xlsx", "WBS", "H37", "46486", false},
		{"built-in format 56", "kikan/teams/基盤/WBS.xlsx", "WBS", "J7", "46171", false},
		{"year-less date", "kikan/teams/課題管理表.xlsx", "課題管理表", "E11", "10/20", false},
		{"unparseable due", "kikan/teams/課題管理表.xlsx", "課題管理表", "AD15", "来週", false},
		{"several owners", "kikan/teams/課題管理表.xlsx", "課題管理表", "Z6", "井上・木村", false},
		{"open issue without owner: status", "ec/teams/issues.xlsx", "Issues", "F8", "Open", false},
		{"open issue without owner", "ec/teams/issues.xlsx", "Issues", "H8", "", false},
		{"open issue without due: status", "network/teams/課題.xlsx", "課題一覧", "F12", "未対応", false},
		{"open issue without due", "network/teams/課題.xlsx", "課題一覧", "I12", "", false},
		{"prepared formula row", "network/teams/WBS.xlsx", "WBS", "A534", "533", false},
		{"hidden holiday sheet", "kikan/teams/業務/進捗管理表.xlsx", "祝日", "B14", "勤労感謝の日", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := excelize.OpenFile(filepath.Join(dir, filepath.FromSlash(c.file)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("%s!%s!%s = %q, want %q", c.file, c.sheet, c.cell, got, c.want)
			}
			// excelize answers for any cell of a merge; a finding must
			// point at the merge's first cell, where the value really is.
			merges, err := f.GetMergeCells(c.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range merges {
				if inRange(t, c.cell, m.GetStartAxis(), m.GetEndAxis()) && m.GetStartAxis() != c.cell {
					t.Errorf("%s is inside merge %s:%s but not its first cell", c.cell, m.GetStartAxis(), m.GetEndAxis())
				}
			}
			typ, err := f.GetCellType(c.sheet, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			if (typ == excelize.CellTypeError) != c.isError {
				t.Errorf("%s!%s type %v, want error=%v", c.file, c.cell, typ, c.isError)
			}
		})
	}
}

func inRange(t *testing.T, cell, from, to string) bool {
	t.Helper()
	var xy [3][2]int
	for i, ref := range []string{cell, from, to} {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		xy[i] = [2]int{c, r}
	}
	return xy[0][0] >= xy[1][0] && xy[0][0] <= xy[2][0] && xy[0][1] >= xy[1][1] && xy[0][1] <= xy[2][1]
}

func TestScheduleCSV(t *testing.T) {
	t.Parallel()
	_, files := generated(t)
	raw := files["ec/teams/WBS.csv"]
	if bytes.Count(raw, []byte("\r\n")) != bytes.Count(raw, []byte("\n")) {
		t.Error("not every line ends in CRLF")
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\r\n")
	for _, c := range []struct {
		line   int
		prefix string
	}{
		{1, "ECサイト構築 スケジュール"},
		{3, "WBS番号,タスク名,担当者,開始予定日"},
		{23, "4.2.1,商品API,清水,2026/10/13,2026/10/30,2026/10/19,2026/11/13,120,完了"},
		{26, "4.2.4,在庫連携バッチ"},
		{27, "4.2.4,配送業者連携"},
	} {
		if got := lines[c.line-1]; !strings.HasPrefix(got, c.prefix) {
			t.Errorf("line %d = %q, want prefix %q", c.line, got, c.prefix)
		}
	}
	if lines[1] != "" {
		t.Errorf("line 2 = %q, want blank", lines[1])
	}
	if !strings.Contains(string(text), "①～③") {
		t.Error("CP932 characters ①～③ did not round-trip")
	}
}
