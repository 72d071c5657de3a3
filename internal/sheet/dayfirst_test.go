package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// A period column written day first: 15/4〜20/4 can only be day/month, so
// the whole column is read so, 1/4 - 2/4 included, and a finding says so.
func TestDayFirstRangesByColumn(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"タスク名", "担当者", "期間"},
		[]any{"要件定義", "山田", "1/4 - 2/4"},
		[]any{"基本設計", "佐藤", "15/4〜20/4"},
		[]any{"詳細設計", "鈴木", "27/4～8/5"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 9, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=assignee C=planned_start")
	wantTasks(t, tb,
		"L1 要件定義 plan=2026-04-01..2026-04-02 who=山田",
		"L1 基本設計 plan=2026-04-15..2026-04-20 who=佐藤",
		"L1 詳細設計 plan=2026-04-27..2026-05-08 who=鈴木",
	)
	wantFinding(t, res, diag.Info, "dates-day-first", "book.xlsx!WBS!C1")
}

// Single dates with the year last: 15/04/2026 makes the column day-first,
// so 01/04/2026 is April 1st; the other column, which says nothing either
// way, keeps the month-first default.
func TestDayFirstYearLastDates(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"タスク名", "開始日", "終了日"},
		[]any{"要件定義", "01/04/2026", "4/3"},
		[]any{"基本設計", "15/04/2026", "4/24"},
		[]any{"詳細設計", "2026/4/27", "5/8"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 9, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish")
	wantTasks(t, tb,
		"L1 要件定義 plan=2026-04-01..2026-04-03",
		"L1 基本設計 plan=2026-04-15..2026-04-24",
		"L1 詳細設計 plan=2026-04-27..2026-05-08",
	)
	wantFinding(t, res, diag.Info, "dates-day-first", "book.xlsx!WBS!B1")
	for _, f := range res.Findings {
		if f.Rule == "dates-day-first" && f.Pos.Col != 2 {
			t.Errorf("unexpected %s", f)
		}
	}
}

// Ambiguous or contradicting columns stay month-first (the Japanese
// habit): 1/4 - 2/4 alone is January, and a column holding both 13/4 and
// 4/13 is not day-first, so 13/4 is an unreadable date, not a guess.
func TestDayFirstNotInferred(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1",
		[]any{"タスク名", "開始日", "終了日"},
		[]any{"要件定義", "1/4", "2/4"},
		[]any{"基本設計", "13/4", "4/13"},
		[]any{"詳細設計", "4/20", "4/30"},
	)
	res := b.read(sheet.Options{From: serialDate(2026, 1, 1), To: serialDate(2026, 12, 31)})
	tb := oneTable(t, res)
	wantTasks(t, tb,
		"L1 要件定義 plan=2026-01-04..2026-02-04",
		"L1 基本設計 plan=..2026-04-13",
		"L1 詳細設計 plan=2026-04-20..2026-04-30",
	)
	for _, f := range res.Findings {
		if f.Rule == "dates-day-first" {
			t.Errorf("unexpected %s", f)
		}
	}
	wantFinding(t, res, diag.Error, "date-unparseable", "book.xlsx!WBS!B3")
}
