package sheet_test

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// The layouts of INPUTS.md "Layout": where the header is, how tall it is,
// what sits around the table, and how the hierarchy is shown.

func TestLayoutHeaderPlacement(t *testing.T) {
	t.Parallel()
	header := []any{"No", "タスク名", "担当者", "開始予定日", "終了予定日", "進捗率", "ステータス"}
	data := [][]any{
		{"1", "要件定義", "山田", apr(1), apr(3), 100, "完了"},
		{"2", "基本設計", "佐藤", apr(6), apr(10), 50, "対応中"},
		{"3", "詳細設計", "鈴木", apr(13), apr(17), 0, "未着手"},
	}
	wantMap := "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress G=status"
	want := []string{
		"[1] L1 要件定義 plan=2026-04-01..2026-04-03 p=100 who=山田 st=done/完了",
		"[2] L1 基本設計 plan=2026-04-06..2026-04-10 p=50 who=佐藤 st=in_progress/対応中",
		"[3] L1 詳細設計 plan=2026-04-13..2026-04-17 p=0 who=鈴木 st=not_started/未着手",
	}
	t.Run("title-then-header-row-2", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.set("Sheet1", "A1", "○○プロジェクト WBS")
		b.rows("Sheet1", "A2", append([][]any{header}, data...)...)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{2}, wantMap)
		wantTasks(t, tb, want...)
	})
	t.Run("meta-legend-instructions-blank-then-header-row-7", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"WBS(2026/1/21)"},
			[]any{"作成者", "山田", "", "Project Name:", "販売管理システム刷新"},
			[]any{"更新日", apr(1), "", "Date:", apr(1)},
			[]any{"", "", "", "", "", "凡例", "未着手\n対応中\n完了"},
			[]any{"記入方法：開始予定日・終了予定日は yyyy/m/d で入力してください。進捗率は 0〜100 で入力し、終わったらステータスを「完了」にしてください。"},
		)
		b.merge("Sheet1", "A5:G5")
		b.rows("Sheet1", "A7", append([][]any{header}, data...)...)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{7}, wantMap)
		wantTasks(t, tb, want...)
		wantNoFindings(t, res)
	})
	t.Run("table-starts-at-column-B", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.set("Sheet1", "B1", "開発スケジュール")
		b.rows("Sheet1", "B3",
			[]any{"No", "作業名", "担当", "開始日", "終了日"},
			[]any{"1", "画面設計", "山田", apr(1), apr(3)},
			[]any{"2", "帳票設計", "佐藤", apr(6), "来週"},
		)
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{3}, "B=wbs_id C=name D=assignee E=planned_start F=planned_finish")
		wantTasks(t, tb,
			"[1] L1 画面設計 plan=2026-04-01..2026-04-03 who=山田",
			"[2] L1 帳票設計 plan=2026-04-06.. who=佐藤",
		)
		wantFinding(t, res, diag.Error, "date-unparseable", "book.xlsx!Sheet1!F5")
		if len(tb.Tasks) == 2 && tb.Tasks[1].Source().String() != "book.xlsx!Sheet1!5" {
			t.Errorf("source of task 2: got %s, want book.xlsx!Sheet1!5", tb.Tasks[1].Source())
		}
	})
}

func TestLayoutMultiRowHeaders(t *testing.T) {
	t.Parallel()
	t.Run("two-rows-plan-actual-groups", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1", []any{"○○システム開発 WBS"}, []any{"作成者", "山田"})
		b.rows("Sheet1", "A5",
			[]any{"No", "タスク名", "予定", "", "実績", "", "担当者", "進捗率"},
			[]any{"", "", "開始日", "終了日", "開始日", "終了日"},
			[]any{"1", "設計", apr(1), apr(3), apr(2), apr(4), "山田", 100},
			[]any{"2", "実装", apr(6), apr(10), apr(7), "", "佐藤", 40},
		)
		b.merge("Sheet1", "A5:A6", "B5:B6", "C5:D5", "E5:F5", "G5:G6", "H5:H6")
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{5, 6},
			"A=wbs_id B=name C=planned_start D=planned_finish E=actual_start F=actual_finish G=assignee H=progress")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 act=2026-04-02..2026-04-04 p=100 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 act=2026-04-07.. p=40 who=佐藤",
		)
		wantNoFindings(t, res)
	})
	t.Run("three-rows", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.set("Sheet1", "A1", "工程表")
		b.rows("Sheet1", "A3",
			[]any{"No", "作業項目", "スケジュール", "", "", "", "担当", "作業工数"},
			[]any{"", "", "予定", "", "実績", "", "", "予定", "実績"},
			[]any{"", "", "開始", "終了", "開始", "終了"},
			[]any{"1", "設計", apr(1), apr(3), apr(1), apr(3), "山田", 3, 3},
			[]any{"2", "実装", apr(6), apr(10), apr(7), "", "佐藤", 5, 2},
		)
		b.merge("Sheet1", "A3:A5", "B3:B5", "C3:F3", "G3:G5", "H3:I3", "C4:D4", "E4:F4", "H4:H5", "I4:I5")
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{3, 4, 5},
			"A=wbs_id B=name C=planned_start D=planned_finish E=actual_start F=actual_finish G=assignee H=planned_effort I=actual_effort")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 act=2026-04-01..2026-04-03 eff=3 aeff=3 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 act=2026-04-07.. eff=5 aeff=2 who=佐藤",
		)
	})
	t.Run("progress-前回-今回", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "タスク名", "開始日", "終了日", "進捗率", ""},
			[]any{"", "", "", "", "前回", "今回"},
			[]any{"1", "設計", apr(1), apr(3), "80%", "100%"},
			[]any{"2", "実装", apr(6), apr(10), "0%", "30%"},
		)
		b.merge("Sheet1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1")
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1, 2}, "A=wbs_id B=name C=planned_start D=planned_finish F=progress")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 p=100",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 p=30",
		)
	})
	t.Run("タスク情報-over-親タスク-子タスク", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"タスク情報", "", "予定日", ""},
			[]any{"親タスク", "子タスク", "開始", "終了"},
			[]any{"設計"},
			[]any{"", "画面設計", apr(1), apr(3)},
			[]any{"", "帳票設計", apr(6), apr(8)},
			[]any{"開発"},
			[]any{"", "実装", apr(9), apr(15)},
		)
		b.merge("Sheet1", "A1:B1", "C1:D1")
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1, 2}, "A=name B=name C=planned_start D=planned_finish")
		wantTasks(t, tb,
			"L1 sum 設計",
			"L2 画面設計 plan=2026-04-01..2026-04-03",
			"L2 帳票設計 plan=2026-04-06..2026-04-08",
			"L1 sum 開発",
			"L2 実装 plan=2026-04-09..2026-04-15",
		)
	})
	t.Run("gantt-calendar-right-of-table", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		sh := "Sheet1"
		b.set(sh, "A1", "ガントチャート")
		b.rows(sh, "A2", []any{"No", "タスク", "担当者", "開始日", "終了日", "進捗"})
		b.merge(sh, "A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:F4")
		// G..T: 2026-04-01..14; year/month row, day serials shown as "d",
		// weekdays typed as text.
		b.set(sh, "G2", "2026年4月")
		b.merge(sh, "G2:T2")
		weekdays := []string{"水", "木", "金", "土", "日", "月", "火"}
		for i := range 14 {
			col := 7 + i
			b.set(sh, cellName(col, 3), xc{v: serial(2026, 4, 1+i), code: "d"})
			b.set(sh, cellName(col, 4), weekdays[i%7])
		}
		b.rows(sh, "A5",
			[]any{"1", "設計", "山田", apr(1), apr(3), 1.0},
			[]any{"2", "実装", "佐藤", apr(6), apr(10), 0.5},
			[]any{"3", "テスト", "鈴木", apr(13), apr(14), 0},
		)
		for r, days := range map[int][2]int{5: {1, 3}, 6: {6, 10}, 7: {13, 14}} {
			for d := days[0]; d <= days[1]; d++ {
				b.set(sh, cellName(6+d, r), "■")
			}
		}
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{2, 3, 4},
			"A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress")
		if tb.Calendar != "G:T" {
			t.Errorf("calendar: got %q, want G:T", tb.Calendar)
		}
		for _, c := range append(tb.Columns, tb.Unmapped...) {
			if c.Col >= 7 {
				t.Errorf("calendar column %s (%q) reported as a table column", c.Letter, c.Header)
			}
		}
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 p=100 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 p=50 who=佐藤",
			"[3] L1 テスト plan=2026-04-13..2026-04-14 p=0 who=鈴木",
		)
		wantNoFindings(t, res)
	})
	t.Run("plan-actual-row-pairs", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		sh := "Sheet1"
		b.rows(sh, "A1",
			[]any{"No", "タスク名", "区分", "開始日", "終了日", "担当者", "進捗率"},
			[]any{"1", "設計", "予定", apr(1), apr(3), "山田"},
			[]any{"", "", "実績", apr(2), apr(4), "", 100},
			[]any{"2", "実装", "予定", apr(6), apr(10), "佐藤"},
			[]any{"", "", "実績", apr(7), "", "", 50},
			[]any{"3", "テスト", "予定", apr(13), apr(17), "鈴木"},
			[]any{"", "", "実績"},
		)
		b.merge(sh, "A2:A3", "B2:B3", "F2:F3", "A4:A5", "B4:B5", "F4:F5", "A6:A7", "B6:B7", "F6:F7")
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1},
			"A=wbs_id B=name D=planned_start E=planned_finish F=assignee G=progress")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 act=2026-04-02..2026-04-04 p=100 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 act=2026-04-07.. p=50 who=佐藤",
			"[3] L1 テスト plan=2026-04-13..2026-04-17 who=鈴木",
		)
		wantNoFindings(t, res)
	})
}

// cellName returns the A1 name of a column and row.
func cellName(col, row int) string { return fmt.Sprintf("%s%d", diag.ColumnName(col), row) }

func TestLayoutSheets(t *testing.T) {
	t.Parallel()
	t.Run("方眼紙-every-field-merged-over-4-columns", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		sh := "Sheet1"
		b.set(sh, "A1", "作業計画書")
		b.merge(sh, "A1:T1")
		rows := [][]any{
			{"No", "タスク名", "担当者", "開始日", "終了日"},
			{"1", "画面設計", "山田", apr(1), apr(3)},
			{"2", "帳票設計", "佐藤", apr(6), apr(8)},
		}
		for i, r := range rows {
			row := 3 + i
			for j, v := range r {
				c := 1 + 4*j
				b.set(sh, cellName(c, row), v)
				b.merge(sh, cellName(c, row)+":"+cellName(c+3, row))
			}
		}
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{3}, "A=wbs_id E=name I=assignee M=planned_start Q=planned_finish")
		wantTasks(t, tb,
			"[1] L1 画面設計 plan=2026-04-01..2026-04-03 who=山田",
			"[2] L1 帳票設計 plan=2026-04-06..2026-04-08 who=佐藤",
		)
	})
	t.Run("cover-hidden-and-empty-sheets", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "表紙")
		b.rows("表紙", "A1", []any{"○○プロジェクト"}, []any{}, []any{"作成者", "山田"}, []any{"版数", "1.0"})
		b.sheet("祝日")
		b.rows("祝日", "A1", []any{"日付", "祝日名"}, []any{day(2026, 4, 29), "昭和の日"}, []any{day(2026, 5, 3), "憲法記念日"})
		b.check(b.f.SetSheetVisible("祝日", false))
		b.sheet("Sheet2")
		b.sheet("WBS")
		b.rows("WBS", "A1",
			[]any{"No", "タスク名", "担当者", "開始日", "終了日"},
			[]any{"1", "設計", "山田", apr(1), apr(3)},
		)
		b.sheet("旧WBS")
		b.rows("旧WBS", "A1",
			[]any{"No", "タスク名", "担当者", "開始日", "終了日"},
			[]any{"1", "古い設計", "山田", day(2025, 4, 1), day(2025, 4, 3)},
		)
		b.check(b.f.SetSheetVisible("旧WBS", false))
		bk, err := sheet.Parse("book.xlsx", b.bytes(), sheet.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, g := range bk.Sheets {
			names = append(names, fmt.Sprintf("%s hidden=%v", g.Name, g.Hidden))
		}
		wantLines(t, "sheets", names, []string{"表紙 hidden=false", "祝日 hidden=true", "Sheet2 hidden=false", "WBS hidden=false", "旧WBS hidden=true"})
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		tb := oneTable(t, res)
		if tb.Sheet != "WBS" {
			t.Errorf("table found on sheet %q, want WBS", tb.Sheet)
		}
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish")
		wantTasks(t, tb, "[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田")
	})
	t.Run("one-sheet-per-team", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "チームA")
		b.sheet("チームB")
		for i, sh := range []string{"チームA", "チームB"} {
			b.rows(sh, "A1",
				[]any{"WBS", "作業内容", "担当者", "予定開始日", "予定終了日", "進捗率"},
				[]any{"1", sh + "設計", "山田", apr(1 + i), apr(3 + i), "100%"},
				[]any{"2", sh + "実装", "佐藤", apr(6 + i), apr(8 + i), "20%"},
			)
		}
		res := b.read(sheet.Options{})
		if len(res.Tables) != 2 {
			t.Fatalf("want 2 tables, got %d", len(res.Tables))
		}
		for i, sh := range []string{"チームA", "チームB"} {
			tb := res.Tables[i]
			if tb.Sheet != sh {
				t.Errorf("table %d on sheet %q, want %q", i, tb.Sheet, sh)
			}
			checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress")
			wantTasks(t, tb,
				fmt.Sprintf("[1] L1 %s設計 plan=%s..%s p=100 who=山田", sh, iso(1+i), iso(3+i)),
				fmt.Sprintf("[2] L1 %s実装 plan=%s..%s p=20 who=佐藤", sh, iso(6+i), iso(8+i)),
			)
		}
	})
	t.Run("wbs-and-issue-sheets-in-one-book", func(t *testing.T) {
		t.Parallel()
		// pmo's own tracker, and many team workbooks, keep WBS, 課題 and
		// リスク on separate sheets of one file.
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"WBS", "タスク名", "担当者", "開始日", "終了日", "進捗率"},
			[]any{"1", "設計", "山田", apr(1), apr(3), "100%"},
		)
		b.sheet("課題")
		b.rows("課題", "A1",
			[]any{"No", "件名", "担当者", "期限", "ステータス", "優先度"},
			[]any{"1", "仕様未確定", "佐藤", apr(10), "対応中", "高"},
		)
		b.sheet("リスク")
		b.rows("リスク", "A1",
			[]any{"No", "リスク", "発生確率", "影響度", "対策", "担当者"},
			[]any{"1", "要員不足", 3, 4, "増員を打診", "山田"},
		)
		data := b.bytes()
		wantWBS := "[1] L1 設計 plan=2026-04-01..2026-04-03 p=100 who=山田"
		wantIssue := "[1] 仕様未確定 owner=佐藤 due=2026-04-10 st=in_progress/対応中 pri=high/高"
		wantRisk := "[1] 要員不足 prob=3 imp=4 owner=山田 mit=増員を打診"
		t.Run("kind-inferred-per-sheet", func(t *testing.T) {
			res := readBytes(t, "tracker.xlsx", data, sheet.Options{})
			var got []string
			for _, tb := range res.Tables {
				got = append(got, tb.Sheet+":"+string(tb.Kind))
			}
			wantLines(t, "tables", got, []string{"WBS:wbs", "課題:issues", "リスク:risks"})
			if len(res.Tables) == 3 {
				wantTasks(t, res.Tables[0], wantWBS)
				wantIssues(t, res.Tables[1], wantIssue)
				wantRisks(t, res.Tables[2], wantRisk)
			}
		})
		t.Run("kind-wbs-reads-only-the-wbs-sheet", func(t *testing.T) {
			res := readBytes(t, "tracker.xlsx", data, sheet.Options{Kind: project.KindWBS})
			wantTasks(t, oneTable(t, res), wantWBS)
		})
		t.Run("kind-issues-reads-only-the-issue-sheet", func(t *testing.T) {
			res := readBytes(t, "tracker.xlsx", data, sheet.Options{Kind: project.KindIssues})
			wantIssues(t, oneTable(t, res), wantIssue)
		})
	})
	t.Run("excel-table-listobject", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"ID", "Task Name", "Owner", "Start", "Finish", "% Complete"},
			[]any{"1", "Design", "Yamada", apr(1), apr(3), xc{v: 1, numFmt: 9}},
			[]any{"2", "Build", "Sato", apr(6), apr(10), xc{v: 0.25, numFmt: 9}},
		)
		b.check(b.f.AddTable("Sheet1", &excelize.Table{Range: "A1:F3", Name: "Tasks"}))
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress")
		wantTasks(t, tb,
			"[1] L1 Design plan=2026-04-01..2026-04-03 p=100 who=Yamada",
			"[2] L1 Build plan=2026-04-06..2026-04-10 p=25 who=Sato",
		)
	})
	t.Run("xlsm-with-panes-filter-comment-hidden-column", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "WBS")
		b.rows("WBS", "A1",
			[]any{"No", "タスク名", "作業用", "担当者", "開始日", "終了日"},
			[]any{"1", "設計", "x", "山田", apr(1), apr(3)},
			[]any{"2", "実装", "y", "佐藤", apr(6), apr(10)},
		)
		b.check(b.f.SetPanes("WBS", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		b.check(b.f.AutoFilter("WBS", "A1:F3", nil))
		b.check(b.f.AddComment("WBS", excelize.Comment{Cell: "B2", Author: "PMO", Text: "要確認"}))
		b.check(b.f.SetColVisible("WBS", "C", false))
		tb := oneTable(t, readBytes(t, "macro.xlsm", b.bytes(), sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name D=assignee E=planned_start F=planned_finish")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 who=佐藤",
		)
	})
	t.Run("continuation-row-of-notes", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "タスク名", "担当者", "開始日", "終了日", "備考"},
			[]any{"1", "設計", "山田", apr(1), apr(3), "顧客レビューは4/3午後。"},
			[]any{"", "", "", "", "", "指摘があれば翌週に反映する。"},
			[]any{"2", "実装", "佐藤", apr(6), apr(10), "特になし"},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=notes")
		wantTasks(t, tb,
			`[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田 notes=顧客レビューは4/3午後。\n指摘があれば翌週に反映する。`,
			"[2] L1 実装 plan=2026-04-06..2026-04-10 who=佐藤 notes=特になし",
		)
	})
	t.Run("500-formula-rows-prepared-below", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		sh := "Sheet1"
		b.set(sh, "A1", "WBS")
		b.rows(sh, "A3",
			[]any{"No", "タスク名", "担当者", "開始日", "終了日", "工数"},
			[]any{xc{v: 1, formula: "ROW()-3"}, "設計", "山田", apr(1), apr(3), 3},
			[]any{xc{v: 2, formula: "ROW()-3"}, "実装", "佐藤", apr(6), apr(10), 5},
			[]any{xc{v: 3, formula: "ROW()-3"}, "テスト", "鈴木", apr(13), apr(17), 4},
		)
		for r := 7; r < 507; r++ {
			b.set(sh, cellName(1, r), xc{v: r - 3, formula: "ROW()-3"})
			b.set(sh, cellName(6, r), xc{formula: `IFERROR(VLOOKUP(B` + fmt.Sprint(r) + `,Master!A:B,2,FALSE),"")`})
		}
		res := b.read(sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{3}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=planned_effort")
		wantTasks(t, tb,
			"[1] L1 設計 plan=2026-04-01..2026-04-03 eff=3 who=山田",
			"[2] L1 実装 plan=2026-04-06..2026-04-10 eff=5 who=佐藤",
			"[3] L1 テスト plan=2026-04-13..2026-04-17 eff=4 who=鈴木",
		)
		wantNoFindings(t, res)
	})
}

func TestLayoutKindInference(t *testing.T) {
	t.Parallel()
	t.Run("wbs", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "作業", "担当者", "開始日", "終了日", "進捗率"},
			[]any{"1", "設計", "山田", apr(1), apr(3), "50%"},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindWBS, []int{1}, "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress")
		wantTasks(t, tb, "[1] L1 設計 plan=2026-04-01..2026-04-03 p=50 who=山田")
	})
	t.Run("issues", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "課題", "起票日", "起票者", "担当者", "期限", "ステータス", "対応内容"},
			[]any{"1", "ログイン画面の仕様未確定", apr(1), "山田", "佐藤", apr(10), "対応中", "顧客に確認中"},
			[]any{"2", "帳票レイアウト", apr(2), "鈴木", "山田", apr(8), "完了", "承認済み"},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=raised_on D=raised_by E=owner F=due G=status H=resolution")
		wantIssues(t, tb,
			"[1] ログイン画面の仕様未確定 raised=2026-04-01 by=山田 owner=佐藤 due=2026-04-10 st=in_progress/対応中 res=顧客に確認中",
			"[2] 帳票レイアウト raised=2026-04-02 by=鈴木 owner=山田 due=2026-04-08 st=closed/完了 res=承認済み",
		)
	})
	t.Run("risks", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "リスク", "発生確率", "影響度", "対策", "担当者", "ステータス"},
			[]any{"1", "要員の離脱", "中", "高", "引継ぎ資料を整備", "山田", "対応中"},
			[]any{"2", "仕様変更", 4, 5, "変更管理の徹底", "佐藤", "未対応"},
		)
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindRisks, []int{1}, "A=id B=title C=probability D=impact E=mitigation F=owner G=status")
		wantRisks(t, tb,
			"[1] 要員の離脱 prob=3 imp=4 owner=山田 mit=引継ぎ資料を整備 st=in_progress/対応中",
			"[2] 仕様変更 prob=4 imp=5 owner=佐藤 mit=変更管理の徹底 st=open/未対応",
		)
	})
}

func TestLayoutOverrides(t *testing.T) {
	t.Parallel()
	build := func(t *testing.T) *book {
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"チーム内メモ"},
			[]any{"更新", apr(1)},
			[]any{},
			[]any{"管理キー", "やること", "いつから", "いつまで", ""},
			[]any{"K-1", "設計", apr(1), apr(3), "山田"},
			[]any{"K-2", "実装", apr(6), apr(10), "佐藤"},
		)
		return b
	}
	want := []string{
		"[K-1] L1 設計 plan=2026-04-01..2026-04-03 who=山田",
		"[K-2] L1 実装 plan=2026-04-06..2026-04-10 who=佐藤",
	}
	t.Run("columns-by-header-text-and-number", func(t *testing.T) {
		t.Parallel()
		res := build(t).read(sheet.Options{
			Kind: project.KindWBS,
			Columns: []sheet.Override{
				{Field: "wbs_id", Header: "管理キー"},
				{Field: "name", Header: " やること　"}, // spacing differs from the sheet
				{Field: "planned_start", Header: "いつから"},
				{Field: "planned_finish", Col: 4},
				{Field: "assignee", Col: 5}, // a column with no header at all
			},
		})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{4}, "A=wbs_id B=name C=planned_start D=planned_finish E=assignee")
		wantTasks(t, tb, want...)
	})
	t.Run("header-rows-fixed", func(t *testing.T) {
		t.Parallel()
		res := build(t).read(sheet.Options{
			Kind:       project.KindWBS,
			HeaderRows: []int{4},
			Columns: []sheet.Override{
				{Field: "wbs_id", Header: "管理キー"},
				{Field: "name", Header: "やること"},
				{Field: "planned_start", Header: "いつから"},
				{Field: "planned_finish", Header: "いつまで"},
				{Field: "assignee", Col: 5},
			},
		})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{4}, "A=wbs_id B=name C=planned_start D=planned_finish E=assignee")
		wantTasks(t, tb, want...)
	})
	t.Run("header-rows-fixed-two-rows", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Sheet1")
		b.rows("Sheet1", "A1",
			[]any{"No", "タスク名", "予定", "", "担当者"},
			[]any{"", "", "開始日", "終了日"},
			[]any{"1", "設計", apr(1), apr(3), "山田"},
		)
		res := b.read(sheet.Options{HeaderRows: []int{1, 2}})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1, 2}, "A=wbs_id B=name C=planned_start D=planned_finish E=assignee")
		wantTasks(t, tb, "[1] L1 設計 plan=2026-04-01..2026-04-03 who=山田")
	})
	t.Run("header-text-not-found", func(t *testing.T) {
		t.Parallel()
		bk, err := sheet.Parse("book.xlsx", build(t).bytes(), sheet.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = sheet.Read(bk, sheet.Options{Columns: []sheet.Override{{Field: "name", Header: "存在しない見出し", Pos: diag.Pos{File: "pmo.yaml", Row: 12, Col: 9}}}})
		wantInputError(t, err, "pmo.yaml", "存在しない見出し")
	})
	t.Run("nothing-recognisable-without-overrides", func(t *testing.T) {
		t.Parallel()
		bk, err := sheet.Parse("book.xlsx", build(t).bytes(), sheet.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = sheet.Read(bk, sheet.Options{})
		wantInputError(t, err, "book.xlsx")
	})
}
