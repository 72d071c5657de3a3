package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// calendarOnlyWBS writes a WBS whose schedule is drawn only in a week
// calendar: 予定/実績 row pairs, bars as ■ marks and as solid fills, a
// shaded holiday week that is not a mark.
func calendarOnlyWBS(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName(sh, "ガントチャート"))
	sh = "ガントチャート"
	weekFmt := "m/d"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &weekFmt})
	must(err)
	bar, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"5B9BD5"}}})
	must(err)
	shade, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"BFBFBF"}}})
	must(err)
	row := func(r int, vals ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		must(f.SetSheetRow(sh, cell, &vals))
	}
	row(1, "工程表（週単位）")
	row(2, "No", "作業項目", "担当", "区分")
	// Week columns E..L, Mondays from 2026-04-06, as date serials.
	for w := 0; w < 8; w++ {
		cell, _ := excelize.CoordinatesToCellName(5+w, 2)
		must(f.SetCellValue(sh, cell, 46118+7*w)) // 46118 = 2026-04-06
		must(f.SetCellStyle(sh, cell, cell, dateStyle))
	}
	row(3, "1", "要件定義", "山田", "予定", "■", "■")
	row(4, "", "", "", "実績", "■", "■", "■")
	row(5, "2", "基本設計", "佐藤", "予定")
	row(6, "", "", "", "実績")
	row(7, "3", "詳細設計", "鈴木", "予定")
	row(8, "", "", "", "実績")
	must(f.SetCellStyle(sh, "G5", "I5", bar)) // 4/20..5/10 planned
	must(f.SetCellStyle(sh, "H6", "H6", bar)) // started the week of 4/27
	must(f.SetCellStyle(sh, "J3", "J8", shade))
	must(f.SetCellValue(sh, "J7", "■"))
	must(f.SetCellValue(sh, "K7", "■")) // 5/11..5/24 planned: the mark in the shaded week counts
	for _, m := range []string{"A3:A4", "B3:B4", "C3:C4", "A5:A6", "B5:B6", "C5:C6", "A7:A8", "B7:B8", "C7:C8"} {
		a, b, _ := strings.Cut(m, ":")
		must(f.MergeCell(sh, a, b))
	}
	path := filepath.Join(t.TempDir(), "ガント.xlsx")
	must(f.SaveAs(path))
	return path
}

func TestInspectCalendarOnlyWBS(t *testing.T) {
	t.Parallel()
	path := calendarOnlyWBS(t)
	code, out, errs := run(t, "inspect", path, "--as-of", "2026-05-01", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	t.Log(out)
	for _, want := range []string{
		"calendar (Gantt) area E:L: dates its columns leave empty are read from its marks (shown with *)",
		"1  要件定義  2026-04-06*→2026-04-19*  実績 2026-04-06*→2026-04-26*",
		"2  基本設計  2026-04-20*→2026-05-10*  実績 2026-04-27*→2026-05-03*",
		"3  詳細設計  2026-05-11*→2026-05-24*  実績 -",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect output lacks %q", want)
		}
	}
	_, js, _ := run(t, "inspect", path, "--as-of", "2026-05-01", "--json")
	for _, want := range []string{`"planned_start_from": "calendar"`, `"actual_finish_from": "calendar"`} {
		if !strings.Contains(js, want) {
			t.Errorf("inspect --json lacks %s", want)
		}
	}
}
