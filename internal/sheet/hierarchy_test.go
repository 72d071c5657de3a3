package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Hierarchy as INPUTS.md "Layout" lists it: WBS codes, an Lv column, names
// split over columns, indentation, row outline, merged or repeated parents
// and section rows.

// The same six tasks, outlined in each way a sheet shows a hierarchy.
var outlineWant = []string{
	"L1 sum 設計",
	"L2 sum 基本設計",
	"L3 画面設計 plan=2026-04-01..2026-04-03",
	"L3 帳票設計 plan=2026-04-06..2026-04-08",
	"L1 sum 開発",
	"L2 実装 plan=2026-04-09..2026-04-15",
}

type outlineRow struct {
	level      int
	name       string
	start, end int // days of April; 0 = none
}

var outlineRows = []outlineRow{
	{1, "設計", 0, 0}, {2, "基本設計", 0, 0}, {3, "画面設計", 1, 3}, {3, "帳票設計", 6, 8},
	{1, "開発", 0, 0}, {2, "実装", 9, 15},
}

func (r outlineRow) dates() (any, any) {
	if r.start == 0 {
		return "", ""
	}
	return apr(r.start), apr(r.end)
}

func TestLayoutHierarchy(t *testing.T) {
	t.Parallel()
	t.Run("wbs-codes", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"WBS", "タスク名", "開始日", "終了日"})
		codes := []string{"1", "1.1", "1.1.1", "1.1.2", "2", "2.1"}
		for i, r := range outlineRows {
			s, e := r.dates()
			b.rows("Sheet1", cellName(1, i+2), []any{codes[i], r.name, s, e})
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=planned_start D=planned_finish")
		want := make([]string, len(outlineWant))
		for i, w := range outlineWant {
			want[i] = "[" + codes[i] + "] " + w
		}
		wantTasks(t, tb, want...)
	})
	t.Run("wbs-codes-with-hyphens", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"No", "作業項目", "開始日", "終了日"})
		codes := []string{"1", "1-1", "1-1-1", "1-1-2", "2", "2-1"}
		for i, r := range outlineRows {
			s, e := r.dates()
			b.rows("Sheet1", cellName(1, i+2), []any{codes[i], r.name, s, e})
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=planned_start D=planned_finish")
		want := make([]string, len(outlineWant))
		for i, w := range outlineWant {
			want[i] = "[" + codes[i] + "] " + w
		}
		wantTasks(t, tb, want...)
	})
	t.Run("lv-column", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"Lv", "タスク名", "開始日", "終了日"})
		for i, r := range outlineRows {
			s, e := r.dates()
			b.rows("Sheet1", cellName(1, i+2), []any{r.level, r.name, s, e})
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=level B=name C=planned_start D=planned_finish")
		wantTasks(t, tb, outlineWant...)
	})
	t.Run("name-columns-大項目-中項目-小項目", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"大項目", "中項目", "小項目", "開始日", "終了日", "担当者"},
			[]any{"設計", "基本設計", "画面設計", apr(1), apr(3), "山田"},
			[]any{"", "", "帳票設計", apr(6), apr(8), "佐藤"},
			[]any{"", "詳細設計"},
			[]any{"", "", "DB設計", apr(6), apr(8), "山田"},
			[]any{"開発"},
			[]any{"", "実装", "", apr(9), apr(15), "鈴木"},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=name C=name D=planned_start E=planned_finish F=assignee")
		wantTasks(t, tb,
			"L1 sum 設計",
			"L2 sum 基本設計",
			"L3 画面設計 plan=2026-04-01..2026-04-03 who=山田",
			"L3 帳票設計 plan=2026-04-06..2026-04-08 who=佐藤",
			"L2 sum 詳細設計",
			"L3 DB設計 plan=2026-04-06..2026-04-08 who=山田",
			"L1 sum 開発",
			"L2 実装 plan=2026-04-09..2026-04-15 who=鈴木",
		)
	})
	t.Run("leading-full-width-spaces", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"タスク名", "開始日", "終了日"})
		for i, r := range outlineRows {
			s, e := r.dates()
			name := r.name
			for range r.level - 1 {
				name = "　" + name
			}
			b.rows("Sheet1", cellName(1, i+2), []any{name, s, e})
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish")
		wantTasks(t, tb, outlineWant...)
	})
	t.Run("row-outline-levels", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"タスク名", "開始日", "終了日"})
		for i, r := range outlineRows {
			s, e := r.dates()
			b.rows("Sheet1", cellName(1, i+2), []any{r.name, s, e})
			if r.level > 1 {
				b.check(b.f.SetRowOutlineLevel("Sheet1", i+2, uint8(r.level-1)))
			}
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish")
		wantTasks(t, tb, outlineWant...)
	})
	t.Run("cell-indent", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"タスク名", "開始日", "終了日"})
		for i, r := range outlineRows {
			s, e := r.dates()
			b.rows("Sheet1", cellName(1, i+2), []any{xc{v: r.name, indent: r.level - 1}, s, e})
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish")
		wantTasks(t, tb, outlineWant...)
	})
	merged := func(t *testing.T, parentHeader, childHeader string) {
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{parentHeader, childHeader, "開始日", "終了日"},
			[]any{"設計", "画面設計", apr(1), apr(3)},
			[]any{"", "帳票設計", apr(6), apr(8)},
			[]any{"", "DB設計", apr(6), apr(8)},
			[]any{"開発", "実装", apr(9), apr(15)},
			[]any{"", "単体テスト", apr(16), apr(17)},
		)
		b.merge("Sheet1", "A2:A4", "A5:A6")
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=name C=planned_start D=planned_finish")
		wantTasks(t, tb,
			"L1 sum 設計",
			"L2 画面設計 plan=2026-04-01..2026-04-03",
			"L2 帳票設計 plan=2026-04-06..2026-04-08",
			"L2 DB設計 plan=2026-04-06..2026-04-08",
			"L1 sum 開発",
			"L2 実装 plan=2026-04-09..2026-04-15",
			"L2 単体テスト plan=2026-04-16..2026-04-17",
		)
	}
	t.Run("vertically-merged-parent-大項目-小項目", func(t *testing.T) {
		t.Parallel()
		merged(t, "大項目", "小項目")
	})
	t.Run("vertically-merged-parent-工程-タスク名", func(t *testing.T) {
		t.Parallel()
		merged(t, "工程", "タスク名")
	})
	t.Run("parent-repeated-on-every-row", func(t *testing.T) {
		t.Parallel()
		// Real sheets repeat the parent on each child row and hide the
		// repeats with conditional formatting; the parent is one task.
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"大項目", "小項目", "開始日", "終了日"},
			[]any{"設計", "画面設計", apr(1), apr(3)},
			[]any{"設計", "帳票設計", apr(6), apr(8)},
			[]any{"開発", "実装", apr(9), apr(15)},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=name C=planned_start D=planned_finish")
		wantTasks(t, tb,
			"L1 sum 設計",
			"L2 画面設計 plan=2026-04-01..2026-04-03",
			"L2 帳票設計 plan=2026-04-06..2026-04-08",
			"L1 sum 開発",
			"L2 実装 plan=2026-04-09..2026-04-15",
		)
	})
	t.Run("section-rows-without-dates", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"タスク名", "開始日", "終了日", "担当者"},
			[]any{"企画 - 準備"},
			[]any{"調査", apr(1), apr(3), "山田"},
			[]any{"計画", apr(6), apr(8), "佐藤"},
			[]any{"企画 - 検証", "-", "-"},
			[]any{"レビュー", apr(9), apr(10), "鈴木"},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1}, "A=name B=planned_start C=planned_finish D=assignee")
		wantTasks(t, tb,
			"L1 sum 企画 - 準備",
			"L2 調査 plan=2026-04-01..2026-04-03 who=山田",
			"L2 計画 plan=2026-04-06..2026-04-08 who=佐藤",
			"L1 sum 企画 - 検証",
			"L2 レビュー plan=2026-04-09..2026-04-10 who=鈴木",
		)
		wantNoFindings(t, res)
	})
}
