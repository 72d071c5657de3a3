package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/project"
	"github.com/xuri/excelize/v2"
)

// writeWBS writes a small WBS workbook whose dates are serials in the 1900
// or the 1904 date system.
func writeWBS(t *testing.T, path string, date1904 bool) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	offset := 0
	if date1904 {
		offset = 1462 // days between the two systems' day zero
	}
	rows := [][]any{
		{"WBS", "タスク名", "予定開始日", "予定終了日", "進捗率", "予定工数"},
		{"1", "設計", 46113 - offset, 46119 - offset, 100, 5}, // 2026-04-01..04-07
		{"2", "製造", 46120 - offset, 46140 - offset, 40, 15}, // 2026-04-08..04-28
		{"3", "試験", 46146 - offset, 46164 - offset, 0, 10},  // 2026-05-04..05-22, across Golden Week
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			f.SetCellStyle("Sheet1", "C"+cell[1:], "D"+cell[1:], style)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestDate1904GivesTheSameFigures pins that a workbook saved in the 1904
// date system (old Mac Excel) reads and measures exactly like the same
// workbook in the 1900 system.
func TestDate1904GivesTheSameFigures(t *testing.T) {
	t.Parallel()
	var results []*Project
	for _, sys := range []bool{false, true} {
		dir := t.TempDir()
		writeWBS(t, filepath.Join(dir, "WBS.xlsx"), sys)
		yaml := "version: 1\nproject:\n  id: t\n  name: T\n  pm: P\n  start: 2026-04-01\n  end: 2026-06-30\n  status_date: 2026-04-20\nsources:\n  - file: WBS.xlsx\n    kind: wbs\n"
		if err := os.WriteFile(filepath.Join(dir, "project.yaml"), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := Load(context.Background(), filepath.Join(dir, "project.yaml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, p)
	}
	a, b := results[0], results[1]
	for i := range a.Tasks {
		if a.Tasks[i].PlannedStart != b.Tasks[i].PlannedStart || a.Tasks[i].PlannedFinish != b.Tasks[i].PlannedFinish {
			t.Errorf("task %d: 1900 %s..%s, 1904 %s..%s", i, a.Tasks[i].PlannedStart, a.Tasks[i].PlannedFinish, b.Tasks[i].PlannedStart, b.Tasks[i].PlannedFinish)
		}
	}
	if got := a.Tasks[2].PlannedStart.String(); got != "2026-05-04" {
		t.Errorf("1900 system read %s, want 2026-05-04", got)
	}
	ea, eb := a.Analysis.EVM, b.Analysis.EVM
	if ea.BAC != eb.BAC || ea.PV != eb.PV || ea.EV != eb.EV {
		t.Errorf("EVM differs: 1900 %+v, 1904 %+v", ea, eb)
	}
	// BAC = 5 + 15 + 10 = 30; EV = 5 + 15×40% + 0 = 11; PV = 5 + 15 × 9/15 = 14
	// (製造 has 15 working days, 4/8..4/28; 9 of them fall by the status date 4/20).
	if ea.BAC != 30 || ea.EV != 11 || ea.PV != 14 {
		t.Errorf("EVM = BAC %g PV %g EV %g, want 30 14 11", ea.BAC, ea.PV, ea.EV)
	}
}

// TestFromFileYearsFromTheSheet pins that convert gives 4/1 the year the
// sheet's other dates suggest, not the one nearest the status date.
func TestFromFileYearsFromTheSheet(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "wbs.csv")
	csv := "WBS,タスク名,開始予定日,終了予定日,進捗\n1,設計,4/1,4/30,100\n2,製造,2026/5/1,2026/7/31,50\n3,試験,2026/8/1,2026/9/30,0\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := FromFile(path, FileOptions{}, Options{AsOf: date.Of(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Tasks[0].PlannedStart.String(); got != "2026-04-01" {
		t.Errorf("4/1 read as %s, want 2026-04-01", got)
	}
	if got := p.Config.Project.Start.String(); got != "2026-04-01" {
		t.Errorf("project window starts %s, want 2026-04-01", got)
	}
}

// TestFromFileNoYearsAtAll pins that a sheet with no year anywhere reads
// in the fiscal year of the status date, and a finish stays after its start.
func TestFromFileNoYearsAtAll(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "wbs.csv")
	csv := "WBS,タスク名,開始予定日,終了予定日\n1,設計,4/1,4/30\n2,製造,12/20,1/10\n3,試験,1/10,3/20\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := FromFile(path, FileOptions{}, Options{AsOf: date.Of(2026, 10, 1)})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"2026-04-01", "2026-04-30"}, {"2026-12-20", "2027-01-10"}, {"2027-01-10", "2027-03-20"}}
	for i, w := range want {
		if got := [2]string{p.Tasks[i].PlannedStart.String(), p.Tasks[i].PlannedFinish.String()}; got != w {
			t.Errorf("%s: %v, want %v", p.Tasks[i].Name, got, w)
		}
	}
}

// TestRosterTeams checks that a task with no team column takes its
// assignee's YAML team (surname matching as the roster check does), and
// that a team from the sheet is never overwritten.
func TestRosterTeams(t *testing.T) {
	t.Parallel()
	cfg := &config.Project{Teams: []config.Team{
		{Name: "基盤", Members: []config.Member{{Name: "山田 太郎"}}},
		{Name: "業務", Members: []config.Member{{Name: "佐藤 花子", Aliases: []string{"hsato"}}}},
	}}
	tasks := []project.Task{
		{Name: "a", Assignee: project.NamesOf([]string{"山田"})},
		{Name: "b", Assignee: project.NamesOf([]string{"外部", "hsato"})},
		{Name: "c", Assignee: project.NamesOf([]string{"山田"}), Team: "シートの班"},
		{Name: "d", Assignee: project.NamesOf([]string{"誰か"})},
	}
	issues := []project.Issue{{Title: "x", Owner: []string{"佐藤花子"}}}
	rosterTeams(cfg, tasks, issues)
	for i, want := range []string{"基盤", "業務", "シートの班", ""} {
		if tasks[i].Team != want {
			t.Errorf("task %s: team %q, want %q", tasks[i].Name, tasks[i].Team, want)
		}
	}
	if issues[0].Team != "業務" {
		t.Errorf("issue team %q, want 業務", issues[0].Team)
	}
}
