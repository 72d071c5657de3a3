package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Tool exports saved as .xlsx rather than CSV: the same columns, but
// dates are date cells (or text, as the tool wrote them), percentages
// numbers, and the sheet carries the tool's table name.

// MS Project's Export Wizard to Excel ("Default task information" map
// plus outline, work and % complete) writes Task_Table1 with the field
// names joined by underscores.
func TestExportXLSXMSProjectWizard(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Task_Table1")
	b.rows("Task_Table1", "A1",
		[]any{"ID", "Name", "Duration", "Start_Date", "Finish_Date", "Predecessors", "Resource_Names", "Outline_Level", "Work", "Percent_Complete"},
		[]any{1, "Design", "3 days", apr(1), apr(3), "", "Yamada", 1, "24 hrs", 100},
		[]any{2, "Screens", "2 days", apr(1), apr(2), "", "Yamada", 2, "16 hrs", 100},
		[]any{3, "Build", "5 days", apr(6), apr(10), "1", "Sato,Suzuki", 1, "80 hrs", 20},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "MS Project" {
		t.Errorf("tool %q, want MS Project", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1},
		"A=wbs_id B=name D=planned_start E=planned_finish F=predecessors G=assignee H=level I=planned_effort J=progress")
	wantTasks(t, tb,
		"[1] L1 sum Design plan=2026-04-01..2026-04-03 p=100 eff=3 who=Yamada",
		"[2] L2 Screens plan=2026-04-01..2026-04-02 p=100 eff=2 who=Yamada",
		"[3] L1 Build plan=2026-04-06..2026-04-10 p=20 eff=10 who=Sato,Suzuki pred=1",
	)
}

// MS Project (Japanese UI) saved as an Excel workbook from its task sheet
// view: the view's column titles, dates as date cells, 期間 (duration) not
// read as effort, 作業時間 (work) in hours.
func TestExportXLSXMSProjectJapanese(t *testing.T) {
	t.Parallel()
	b := newBook(t, "タスク_テーブル1")
	b.rows("タスク_テーブル1", "A1",
		[]any{"ID", "アウトライン番号", "タスク名", "期間", "開始日", "終了日", "先行タスク", "リソース名", "達成率", "作業時間", "アウトライン レベル"},
		[]any{1, "1", "要件定義", "5 日", apr(1), apr(7), "", "山田", xc{v: 1.0, numFmt: 9}, "40 時間", 1},
		[]any{2, "1.1", "ヒアリング", "3 日", apr(1), apr(3), "", "山田,佐藤", xc{v: 1.0, numFmt: 9}, "48 時間", 2},
		[]any{3, "2", "設計", "5 日", apr(8), apr(14), "1", "佐藤", xc{v: 0.4, numFmt: 9}, "40 時間", 1},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "MS Project" {
		t.Errorf("tool %q, want MS Project", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1},
		"B=wbs_id C=name E=planned_start F=planned_finish G=predecessors H=assignee I=progress J=planned_effort K=level")
	wantTasks(t, tb,
		"[1] L1 sum 要件定義 plan=2026-04-01..2026-04-07 p=100 eff=5 who=山田",
		"[1.1] L2 ヒアリング plan=2026-04-01..2026-04-03 p=100 eff=6 who=山田,佐藤",
		"[2] L1 設計 plan=2026-04-08..2026-04-14 p=40 eff=5 who=佐藤 pred=1",
	)
}

// GanttProject's spreadsheet export: its CSV columns in a workbook, the
// outline number carrying the hierarchy, duration not read as effort;
// dates once as date cells and once as the text GanttProject writes.
func TestExportXLSXGanttProject(t *testing.T) {
	t.Parallel()
	for _, textDates := range []bool{false, true} {
		name := "date-cells"
		if textDates {
			name = "text-dates"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := func(n int) any {
				if textDates {
					return "4/" + map[int]string{1: "1", 2: "2", 3: "3", 6: "6", 10: "10"}[n] + "/26"
				}
				return apr(n)
			}
			b := newBook(t, "Tasks")
			b.rows("Tasks", "A1",
				[]any{"ID", "Name", "Begin date", "End date", "Duration", "Completion", "Cost", "Coordinator", "Predecessors", "Outline number", "Resources", "Assignments", "Task color", "Web Link", "Notes"},
				[]any{0, "Design", d(1), d(3), 3, 100, 0, "", "", "1", "Yamada", "", "#8cb6ce", "", ""},
				[]any{1, "Screens", d(1), d(2), 2, 50, 0, "", "", "1.1", "Yamada;Sato", "", "#8cb6ce", "", "mockups first"},
				[]any{2, "Build", d(6), d(10), 5, 0, 0, "Sato", "0", "2", "Sato", "", "#8cb6ce", "", ""},
			)
			res := b.read(sheet.Options{})
			tb := oneTable(t, res)
			if tb.Tool != "GanttProject" {
				t.Errorf("tool %q, want GanttProject", tb.Tool)
			}
			checkTable(t, tb, project.KindWBS, []int{1},
				"B=name C=planned_start D=planned_finish F=progress H=assignee I=predecessors J=wbs_id K=assignee O=notes")
			wantTasks(t, tb,
				"[1] L1 sum Design plan=2026-04-01..2026-04-03 p=100 who=Yamada",
				"[1.1] L2 Screens plan=2026-04-01..2026-04-02 p=50 who=Yamada,Sato notes=mockups first",
				"[2] L1 Build plan=2026-04-06..2026-04-10 p=0 who=Sato pred=0",
			)
		})
	}
}
