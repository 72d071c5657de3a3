package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// fill colours cells of a range with a solid fill.
func (b *book) fill(sh, from, to, rgb string) {
	b.tb.Helper()
	id, err := b.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}})
	b.check(err)
	b.check(b.f.SetCellStyle(sh, from, to, id))
}

// A WBS drawn only in its calendar: day numbers under a month merged
// across them, 予定/実績 row pairs, bars as ■/●/〇 marks and as solid fills,
// a Sunday shaded on every row (not a mark) and white fills (the sheet's
// background, not a mark).
func TestCalendarOnlyDayColumns(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"開発スケジュール"})
	b.rows(sh, "A2", []any{"No", "タスク名", "担当", "区分", "2026年4月"})
	b.merge(sh, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:R2")
	for d := 1; d <= 14; d++ {
		cell, _ := excelize.CoordinatesToCellName(4+d, 3)
		b.set(sh, cell, d)
	}
	b.rows(sh, "A4",
		[]any{"1", "要件定義", "山田", "予定", "■", "■", "■"},
		[]any{"", "", "", "実績", "●", "●", "●", "●"},
		[]any{"2", "基本設計", "佐藤", "予定"},
		[]any{"", "", "", "実績"},
		[]any{"3", "詳細設計", "鈴木", "予定"},
		[]any{"", "", "", "実績"},
	)
	b.merge(sh, "A4:A5", "B4:B5", "C4:C5", "A6:A7", "B6:B7", "C6:C7", "A8:A9", "B8:B9", "C8:C9")
	b.fill(sh, "I6", "M6", "FFFF00") // 4/5..4/9 planned
	b.fill(sh, "J7", "K7", "00B050") // 4/6..4/7 actual so far
	b.fill(sh, "P4", "P9", "D9D9D9") // Sunday 4/12 shaded on every row
	b.fill(sh, "E9", "R9", "FFFFFF") // white: the background
	for _, c := range []string{"N8", "O8", "P8", "Q8", "R8"} {
		b.set(sh, c, "〇") // 4/10..4/14, across the shaded Sunday
	}
	res := b.read(sheet.Options{From: serialDate(2026, 4, 1), To: serialDate(2026, 6, 30)})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{2, 3}, "A=wbs_id B=name C=assignee")
	if tb.Calendar != "E:R" {
		t.Errorf("calendar %q, want E:R", tb.Calendar)
	}
	wantTasks(t, tb,
		"[1] L1 要件定義 plan=2026-04-01..2026-04-03 act=2026-04-01..2026-04-04 who=山田",
		"[2] L1 基本設計 plan=2026-04-05..2026-04-09 act=2026-04-06..2026-04-07 who=佐藤",
		"[3] L1 詳細設計 plan=2026-04-10..2026-04-14 who=鈴木",
	)
	for i, tk := range tb.Tasks {
		if tk.PlannedStartFrom != project.FromCalendar || tk.PlannedFinishFrom != project.FromCalendar {
			t.Errorf("task %d: planned from %q/%q, want calendar", i, tk.PlannedStartFrom, tk.PlannedFinishFrom)
		}
	}
	if tk := tb.Tasks[0]; tk.ActualStartFrom != project.FromCalendar || tk.ActualFinishFrom != project.FromCalendar {
		t.Errorf("task 1: actual from %q/%q, want calendar", tk.ActualStartFrom, tk.ActualFinishFrom)
	}
	if tk := tb.Tasks[2]; tk.ActualStartFrom != project.FromColumn || !tk.ActualStart.IsZero() {
		t.Errorf("task 3 has an actual start %s from %q; its 実績 row is unmarked", tk.ActualStart, tk.ActualStartFrom)
	}
}

// Week columns headed by their Mondays (date serials): a bar over three
// weeks runs from the first Monday to the last Sunday. Where the table's
// own columns say otherwise, they win and a finding says so.
func TestCalendarWeekColumns(t *testing.T) {
	t.Parallel()
	b := newBook(t, "ガント")
	sh := "ガント"
	header := []any{"WBS", "作業項目", "開始日", "終了日"}
	for w := 0; w < 8; w++ {
		header = append(header, xc{v: serial(2026, 4, 6) + float64(7*w), code: "m/d"})
	}
	b.rows(sh, "A1", header,
		[]any{"1", "設計", "", "", "", "■", "■", "■"},
		[]any{"2", "実装", apr(27), "", "", "", "", "■", "■", "■"},
		[]any{"3", "試験", serial(2026, 6, 1), serial(2026, 6, 5)},
	)
	b.set(sh, "C4", day(2026, 5, 4))
	b.set(sh, "D4", day(2026, 5, 8))
	b.fill(sh, "L4", "L4", "4472C4") // week of 5/25 — the columns say 5/4..5/8
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=planned_start D=planned_finish")
	wantTasks(t, tb,
		"[1] L1 設計 plan=2026-04-13..2026-05-03",
		"[2] L1 実装 plan=2026-04-27..2026-05-17",
		"[3] L1 試験 plan=2026-05-04..2026-05-08",
	)
	if tk := tb.Tasks[1]; tk.PlannedStartFrom != project.FromColumn || tk.PlannedFinishFrom != project.FromCalendar {
		t.Errorf("task 2: from %q/%q, want column/calendar", tk.PlannedStartFrom, tk.PlannedFinishFrom)
	}
	wantFinding(t, res, diag.Info, "calendar-disagrees", "book.xlsx!ガント!E4")
}

// Half-day columns: each date merged over its AM and PM columns.
func TestCalendarHalfDays(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	sh := "WBS"
	b.rows(sh, "A1", []any{"タスク名", "担当者"})
	b.rows(sh, "A2", []any{"", "", "午前", "午後", "午前", "午後", "午前", "午後", "午前", "午後"})
	for i, c := range []string{"C1", "E1", "G1", "I1"} {
		b.set(sh, c, apr(6+i))
	}
	b.merge(sh, "C1:D1", "E1:F1", "G1:H1", "I1:J1", "A1:A2", "B1:B2")
	b.rows(sh, "A3",
		[]any{"打合せ準備", "山田", "", "■", "■"},
		[]any{"レビュー", "佐藤", "", "", "", "", "■", "■", "■"},
	)
	res := b.read(sheet.Options{})
	tb := oneTable(t, res)
	if tb.Calendar == "" {
		t.Fatalf("no calendar found; mapping %s", mapping(tb))
	}
	wantTasks(t, tb,
		"L1 打合せ準備 plan=2026-04-06..2026-04-07 who=山田",
		"L1 レビュー plan=2026-04-08..2026-04-09 who=佐藤",
	)
}
