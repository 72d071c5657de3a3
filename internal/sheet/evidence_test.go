package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Columns whose values contradict their header words: the values win, and
// a finding at the header cell says so.
func TestEvidenceOverridesHeader(t *testing.T) {
	t.Parallel()
	t.Run("duration-holding-dates", func(t *testing.T) {
		t.Parallel()
		// 期間 over two date columns, the second without a label of its own
		// (only 期間 is written, merged across): not an effort.
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"タスク名", "担当者", "期間", "", "進捗"},
			[]any{"要件定義", "山田", apr(1), apr(3), xc{v: 1.0, numFmt: 9}},
			[]any{"基本設計", "佐藤", apr(6), apr(10), xc{v: 0.5, numFmt: 9}},
			[]any{"詳細設計", "鈴木", apr(13), apr(17), xc{v: 0.0, numFmt: 9}},
		)
		b.merge("WBS", "C1:D1")
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start D=planned_finish E=progress")
		wantTasks(t, tb,
			"L1 要件定義 plan=2026-04-01..2026-04-03 p=100 who=山田",
			"L1 基本設計 plan=2026-04-06..2026-04-10 p=50 who=佐藤",
			"L1 詳細設計 plan=2026-04-13..2026-04-17 p=0 who=鈴木",
		)
		wantFinding(t, res, diag.Warning, "column-by-values", "book.xlsx!WBS!C1")
	})
	t.Run("effort-word-holding-dates", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"タスク名", "担当者", "工数(開始)", "工数(終了)", "進捗率"},
			[]any{"要件定義", "山田", apr(1), apr(3), "100%"},
			[]any{"基本設計", "佐藤", apr(6), apr(10), "50%"},
			[]any{"詳細設計", "鈴木", apr(13), apr(17), "0%"},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start D=planned_finish E=progress")
		wantTasks(t, tb,
			"L1 要件定義 plan=2026-04-01..2026-04-03 p=100 who=山田",
			"L1 基本設計 plan=2026-04-06..2026-04-10 p=50 who=佐藤",
			"L1 詳細設計 plan=2026-04-13..2026-04-17 p=0 who=鈴木",
		)
		wantFinding(t, res, diag.Warning, "column-by-values", "book.xlsx!WBS!C1")
		wantFinding(t, res, diag.Warning, "column-by-values", "book.xlsx!WBS!D1")
	})
	t.Run("completion-rate-is-not-a-date", func(t *testing.T) {
		t.Parallel()
		// 完了 reads as a finish date by its word; the cells are percentages.
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"タスク名", "開始日", "終了日", "完了"},
			[]any{"要件定義", apr(1), apr(3), xc{v: 1.0, numFmt: 9}},
			[]any{"基本設計", apr(6), apr(10), xc{v: 0.5, numFmt: 9}},
			[]any{"詳細設計", apr(13), apr(17), xc{v: 0.25, numFmt: 9}},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish D=progress")
		if p := tb.Tasks[2].Progress; !p.OK() || p.Val() != 25 {
			t.Errorf("progress of row 4: %v, want 25", p)
		}
	})
	t.Run("bare-completion-date-on-a-plan", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"No", "作業", "開始日", "完了日"},
			[]any{"1", "調査", apr(1), apr(3)},
			[]any{"2", "設計", apr(6), apr(10)},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=planned_start D=planned_finish")
		wantFinding(t, res, diag.Info, "column-paired", "book.xlsx!WBS!D1")
	})
	t.Run("numeric-rating-is-not-a-title", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "課題")
		b.rows("課題", "A1",
			[]any{"No", "課題", "内容", "担当者", "期限"},
			[]any{"1", 3, "ログイン画面の文言が仕様と違う", "山田", apr(10)},
			[]any{"2", 5, "帳票の出力が遅い", "佐藤", apr(12)},
			[]any{"3", 1, "テスト環境の証明書が切れている", "鈴木", apr(15)},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{1}, "A=id C=title D=owner E=due")
		wantIssues(t, tb,
			"[1] ログイン画面の文言が仕様と違う owner=山田 due=2026-04-10",
			"[2] 帳票の出力が遅い owner=佐藤 due=2026-04-12",
			"[3] テスト環境の証明書が切れている owner=鈴木 due=2026-04-15",
		)
		wantFinding(t, res, diag.Warning, "column-by-values", "book.xlsx!課題!B1")
	})
	t.Run("text-under-a-date-word-stays", func(t *testing.T) {
		t.Parallel()
		// Words are not evidence against a date column: the cells are
		// reported one by one instead.
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"タスク名", "開始日", "終了日"},
			[]any{"要件定義", "来週", "未定"},
			[]any{"基本設計", "調整中", "調整中"},
			[]any{"詳細設計", "来月", "来月"},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish")
		wantFinding(t, res, diag.Error, "date-unparseable", "book.xlsx!WBS!B2")
	})
}

// A period typed in one cell gives both ends.
func TestEvidenceDateRangeCell(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"タスク名", "担当者", "期間"},
		[]any{"要件定義", "山田、佐藤", "4/1〜4/10"},
		[]any{"基本設計", "鈴木\n高橋", "2026/4/13 - 2026/4/24"},
		[]any{"詳細設計", "田中", "4/27～5/8"},
		[]any{"結合試験", "田中", "2026/2/30"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 9, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start")
	wantTasks(t, tb,
		"L1 要件定義 plan=2026-04-01..2026-04-10 who=山田,佐藤",
		"L1 基本設計 plan=2026-04-13..2026-04-24 who=鈴木,高橋",
		"L1 詳細設計 plan=2026-04-27..2026-05-08 who=田中",
		"L1 結合試験 who=田中",
	)
	// An impossible date is a finding at its cell, not a guess.
	wantFinding(t, res, diag.Error, "date-unparseable", "book.xlsx!WBS!C5")
}
