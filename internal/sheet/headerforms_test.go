package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// Group labels written with "center across selection" (no merge) reach
// the columns under them: 実績 over 開始日/終了日 makes actual dates.
func TestHeaderCenterAcrossSelection(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1",
		[]any{"WBS", "タスク名", "予定", "", "実績", ""},
		[]any{"", "", "開始日", "終了日", "開始日", "終了日"},
		[]any{"1", "設計", apr(1), apr(10), apr(2), apr(9)},
		[]any{"2", "実装", apr(13), apr(24), apr(13), ""},
	)
	b.merge(sh, "A1:A2", "B1:B2")
	id, err := b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "centerContinuous"}})
	b.check(err)
	b.check(b.f.SetCellStyle(sh, "C1", "F1", id))
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1, 2}, "A=wbs_id B=name C=planned_start D=planned_finish E=actual_start F=actual_finish")
	wantTasks(t, tb,
		"[1] L1 設計 plan=2026-04-01..2026-04-10 act=2026-04-02..2026-04-09",
		"[2] L1 実装 plan=2026-04-13..2026-04-24 act=2026-04-13..",
	)
}

// Multi-line header cells (a field name and a line of instructions) and
// レベル1/2/3 name columns.
func TestHeaderMultiLineAndLevelColumns(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"レベル1", "レベル2", "レベル3", "担当者\n(姓のみ)", "開始日\n(yyyy/mm/dd)", "終了日\n(yyyy/mm/dd)"},
		[]any{"設計", "", "", "", apr(1), apr(10)},
		[]any{"", "画面設計", "", "山田", apr(1), apr(5)},
		[]any{"", "", "ログイン画面", "山田", apr(1), apr(2)},
		[]any{"", "DB設計", "", "佐藤", apr(6), apr(10)},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=name C=name D=assignee E=planned_start F=planned_finish")
	wantTasks(t, tb,
		"L1 sum 設計 plan=2026-04-01..2026-04-10",
		"L2 sum 画面設計 plan=2026-04-01..2026-04-05 who=山田",
		"L3 ログイン画面 plan=2026-04-01..2026-04-02 who=山田",
		"L2 DB設計 plan=2026-04-06..2026-04-10 who=佐藤",
	)
}

// Totals, example rows and legends are left out and counted.
func TestNonRecordRows(t *testing.T) {
	t.Parallel()
	b := newBook(t, "課題")
	b.rows("課題", "A1",
		[]any{"No", "件名", "担当者", "期限", "状況"},
		[]any{"例", "（例）ログインできない", "山田", apr(1), "対応中"},
		[]any{"1", "帳票が出ない", "佐藤", apr(10), "未対応"},
		[]any{"2", "画面が遅い", "鈴木", apr(12), "完了"},
		[]any{"", "合計", "", "", ""},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=owner D=due E=status")
	wantIssues(t, tb,
		"[1] 帳票が出ない owner=佐藤 due=2026-04-10 st=open/未対応",
		"[2] 画面が遅い owner=鈴木 due=2026-04-12 st=closed/完了",
	)
	if tb.NonRecords != 2 {
		t.Errorf("non-record rows %d, want 2", tb.NonRecords)
	}
	wantFinding(t, res, diag.Info, "rows-not-records", "book.xlsx!課題!2")
}

// A first data row of numbers typed as text (a CSV) is not a second header
// row, even when it sits under a two-row header's sub-labels.
func TestHeaderNumericFirstRowIsData(t *testing.T) {
	t.Parallel()
	text := "No,作業,担当,工数,進捗\n1,設計,山田,3,50\n2,実装,佐藤,5,0\n"
	res := csvRead(t, "wbs.csv", text, sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_effort E=progress")
	wantTasks(t, tb,
		"[1] L1 設計 p=50 eff=3 who=山田",
		"[2] L1 実装 p=0 eff=5 who=佐藤",
	)
}

// A schedule with no header text at all is mapped from its values when
// they leave no doubt, with a warning; a table of unclear values is not.
func TestHeaderNoneMappedByValues(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1",
		[]any{"1", "要件定義", "山田", apr(1), apr(10), xc{v: 1.0, numFmt: 9}},
		[]any{"1.1", "業務フロー作成", "山田", apr(1), apr(5), xc{v: 1.0, numFmt: 9}},
		[]any{"1.2", "要件定義書レビュー", "佐藤", apr(6), apr(10), xc{v: 0.5, numFmt: 9}},
		[]any{"2", "基本設計", "佐藤", apr(13), apr(30), xc{v: 0.0, numFmt: 9}},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress")
	wantTasks(t, tb,
		"[1] L1 sum 要件定義 plan=2026-04-01..2026-04-10 p=100 who=山田",
		"[1.1] L2 業務フロー作成 plan=2026-04-01..2026-04-05 p=100 who=山田",
		"[1.2] L2 要件定義書レビュー plan=2026-04-06..2026-04-10 p=50 who=佐藤",
		"[2] L1 基本設計 plan=2026-04-13..2026-04-30 p=0 who=佐藤",
	)
	wantFinding(t, res, diag.Warning, "no-header", "book.xlsx!Sheet1!1")

	// One date column and repeated words: nothing is guessed.
	b = newBook(t, "Sheet1")
	b.rows("Sheet1", "A1",
		[]any{"A", "済", apr(1)},
		[]any{"B", "済", apr(2)},
		[]any{"C", "未", apr(3)},
	)
	bk, err := sheet.Parse("book.xlsx", b.bytes(), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = sheet.Read(bk, sheet.Options{})
	wantInputError(t, err, "book.xlsx", "cannot find a table")
}
