package sheet_test

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// milestones prints the milestone tasks of a table with their source cells.
func milestones(tb *sheet.Table) []string {
	var out []string
	for _, t := range tb.Tasks {
		if t.Milestone {
			out = append(out, fmt.Sprintf("%s %s %s from=%d", t.Name, span(t.PlannedStart, t.PlannedFinish), diag.ColumnName(t.Source().Col)+fmt.Sprint(t.Source().Row), t.PlannedStartFrom))
		}
	}
	return out
}

// A milestone band under a dated calendar header: a row of ◆ marks named
// マイルストーン and a row of labels under them (one label a column to the
// right of its mark). The band rows are no tasks and no header; each mark
// is a milestone on its day.
func TestMilestoneBandUnderDateHeader(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"No", "タスク名", "担当", "開始日", "終了日"})
	for d := 1; d <= 14; d++ {
		cell, _ := excelize.CoordinatesToCellName(5+d, 1)
		b.set(sh, cell, apr(d))
	}
	b.rows(sh, "A2", []any{"", "マイルストーン", "", "", "", "", "", "◆", "", "", "", "", "", "", "◇"})
	b.rows(sh, "A3", []any{"", "", "", "", "", "", "", "設計完了", "", "", "", "", "", "", "", "レビュー"})
	b.rows(sh, "A4",
		[]any{"1", "要件定義", "山田", apr(1), apr(3)},
		[]any{"2", "基本設計", "佐藤", apr(6), apr(10)},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 6, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
	wantTasks(t, tb,
		"L1 設計完了 plan=2026-04-03..2026-04-03",
		"L1 レビュー plan=2026-04-10..2026-04-10",
		"[1] L1 要件定義 plan=2026-04-01..2026-04-03 who=山田",
		"[2] L1 基本設計 plan=2026-04-06..2026-04-10 who=佐藤",
	)
	wantLines(t, "milestones", milestones(tb), []string{
		fmt.Sprintf("設計完了 2026-04-03..2026-04-03 H2 from=%d", project.FromCalendar),
		fmt.Sprintf("レビュー 2026-04-10..2026-04-10 O2 from=%d", project.FromCalendar),
	})
	wantFinding(t, res, diag.Info, "milestone-band", "book.xlsx!WBS!F2")
}

// A calendar-only WBS (month merged over day numbers) whose band writes
// each label in the mark's own cell, and a task row that is itself a
// milestone keeps being a task.
func TestMilestoneBandInlineLabels(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"WBS", "作業項目", "担当者", "2026年4月"})
	b.merge(sh, "A1:A2", "B1:B2", "C1:C2", "D1:Q1")
	for d := 1; d <= 14; d++ {
		cell, _ := excelize.CoordinatesToCellName(3+d, 2)
		b.set(sh, cell, d)
	}
	b.rows(sh, "A3", []any{"", "", "", "", "", "", "", "▲キックオフ"})
	b.rows(sh, "A4", []any{"", "", "", "", "", "", "", "", "", "", "", "", "", "★ 設計承認"})
	b.rows(sh, "A5",
		[]any{"1", "要件定義", "山田", "■", "■", "■"},
		[]any{"2", "基本設計", "佐藤", "", "", "", "", "■", "■", "■"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 6, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1, 2}, "A=wbs_id B=name C=assignee")
	wantTasks(t, tb,
		"L1 キックオフ plan=2026-04-05..2026-04-05",
		"L1 設計承認 plan=2026-04-11..2026-04-11",
		"[1] L1 要件定義 plan=2026-04-01..2026-04-03 who=山田",
		"[2] L1 基本設計 plan=2026-04-05..2026-04-07 who=佐藤",
	)
	if got := len(milestones(tb)); got != 2 {
		t.Errorf("%d milestones, want 2", got)
	}
	wantFinding(t, res, diag.Info, "milestone-band", "book.xlsx!WBS!D3")
}

// A first row that is a task holding a ◆ is no band: a sheet without a
// band reads as before.
func TestNoMilestoneBandForTaskRows(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"No", "タスク名", "担当"})
	for d := 1; d <= 7; d++ {
		cell, _ := excelize.CoordinatesToCellName(3+d, 1)
		b.set(sh, cell, apr(d))
	}
	b.rows(sh, "A2",
		[]any{"1", "設計レビュー", "山田", "", "◆"},
		[]any{"2", "実装", "佐藤", "", "", "■", "■"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 6, 30)})
	tb := oneTable(t, res)
	wantTasks(t, tb,
		"[1] L1 設計レビュー plan=2026-04-02..2026-04-02 who=山田",
		"[2] L1 実装 plan=2026-04-03..2026-04-04 who=佐藤",
	)
	for _, f := range res.Findings {
		if f.Rule == "milestone-band" {
			t.Errorf("unexpected %s", f)
		}
	}
}
