package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// A WBS with a daily work log under it: the log is not read as tasks.
func TestSegmentWBSWithLogBelow(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"WBS", "タスク名", "担当者", "開始日", "終了日"},
		[]any{"1", "設計", "山田", apr(1), apr(10)},
		[]any{"2", "実装", "佐藤", apr(13), apr(24)},
		[]any{},
		[]any{"作業日誌"},
		[]any{"日付", "作業内容", "担当", "時間"},
		[]any{apr(1), "設計レビュー", "山田", 2},
		[]any{apr(2), "設計書修正", "山田", 3},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
	wantTasks(t, tb,
		"[1] L1 設計 plan=2026-04-01..2026-04-10 who=山田",
		"[2] L1 実装 plan=2026-04-13..2026-04-24 who=佐藤",
	)
	wantFinding(t, res, diag.Info, "table-not-read", "book.xlsx!WBS!A6")
}

// A WBS and an issue list stacked on one sheet: two tables, two kinds.
func TestSegmentStackedKinds(t *testing.T) {
	t.Parallel()
	b := newBook(t, "管理表")
	b.rows("管理表", "A1",
		[]any{"WBS", "タスク名", "担当者", "開始日", "終了日"},
		[]any{"1", "設計", "山田", apr(1), apr(10)},
		[]any{"2", "実装", "佐藤", apr(13), apr(24)},
		[]any{},
		[]any{},
		[]any{"No", "課題", "担当者", "期限", "状況"},
		[]any{"1", "性能要件が未確定", "鈴木", apr(15), "対応中"},
	)
	res := b.read(sheet.Options{})
	if len(res.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(res.Tables))
	}
	checkTable(t, res.Tables[0], project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
	if res.Tables[0].Count != 2 {
		t.Errorf("wbs: %d records, want 2", res.Tables[0].Count)
	}
	checkTable(t, res.Tables[1], project.KindIssues, []int{6}, "A=id B=title C=owner D=due E=status")
	wantIssues(t, res.Tables[1], "[1] 性能要件が未確定 owner=鈴木 due=2026-04-15 st=in_progress/対応中")

	// Asked for issues only, the WBS above is not read.
	res = b.read(sheet.Options{Kind: project.KindIssues})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindIssues, []int{6}, "A=id B=title C=owner D=due E=status")
}

// Two tables side by side, an empty column between them.
func TestSegmentSideBySide(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1",
		[]any{"WBS", "タスク名", "担当者", "開始日", "終了日", "", "No", "課題", "担当者", "期限", "状況"},
		[]any{"1", "設計", "山田", apr(1), apr(10), "", "1", "性能要件が未確定", "鈴木", apr(15), "対応中"},
		[]any{"2", "実装", "佐藤", apr(13), apr(24), "", "2", "帳票の様式待ち", "山田", apr(20), "未対応"},
		[]any{"3", "試験", "鈴木", apr(27), apr(30)},
	)
	res := b.read(sheet.Options{})
	if len(res.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(res.Tables))
	}
	checkTable(t, res.Tables[0], project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
	wantTasks(t, res.Tables[0],
		"[1] L1 設計 plan=2026-04-01..2026-04-10 who=山田",
		"[2] L1 実装 plan=2026-04-13..2026-04-24 who=佐藤",
		"[3] L1 試験 plan=2026-04-27..2026-04-30 who=鈴木",
	)
	checkTable(t, res.Tables[1], project.KindIssues, []int{1}, "G=id H=title I=owner J=due K=status")
	wantIssues(t, res.Tables[1],
		"[1] 性能要件が未確定 owner=鈴木 due=2026-04-15 st=in_progress/対応中",
		"[2] 帳票の様式待ち owner=山田 due=2026-04-20 st=open/未対応",
	)
}
