package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Action-item sheets in several layouts: Japanese and English headers, a
// title line above, the kind inferred from the sheet's name or a meeting
// column. Every field maps.
func TestActionSheets(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, sheet string
		header      []any
		row         []any
		cols        string
	}{
		{"japanese", "アクションアイテム",
			[]any{"No", "アクション", "担当者", "期限", "ステータス", "起票日", "会議", "完了日", "備考"},
			[]any{"AI-1", "性能試験の環境を手配", "山田", apr(10), "対応中", apr(1), "第3回定例 2026/04/01", "", "ベンダー回答待ち"},
			"A=id B=title C=owner D=due E=status F=raised_on G=meeting H=closed_on I=notes"},
		{"宿題一覧", "宿題一覧",
			[]any{"項番", "宿題内容", "担当", "期日", "状況", "登録日", "定例", "対応完了日", "コメント"},
			[]any{"1", "性能試験の環境を手配", "山田", apr(10), "対応中", apr(1), "2026-04-01", "", "ベンダー回答待ち"},
			"A=id B=title C=owner D=due E=status F=raised_on G=meeting H=closed_on I=notes"},
		{"english", "Action items",
			[]any{"ID", "Action item", "Owner", "Due date", "Status", "Raised on", "Meeting", "Completed on", "Notes"},
			[]any{"AI-1", "性能試験の環境を手配", "山田", apr(10), "In progress", apr(1), "2026-04-01", "", "ベンダー回答待ち"},
			"A=id B=title C=owner D=due E=status F=raised_on G=meeting H=closed_on I=notes"},
		{"meeting column names the kind", "Sheet1",
			[]any{"No", "内容", "担当者", "期限", "状態", "起票日", "会議名", "完了日", "備考"},
			[]any{"1", "性能試験の環境を手配", "山田", apr(10), "対応中", apr(1), "第3回定例 2026/04/01", "", "ベンダー回答待ち"},
			"A=id B=title C=owner D=due E=status F=raised_on G=meeting H=closed_on I=notes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := newBook(t, tc.sheet)
			b.rows(tc.sheet, "A1", []any{"アクションアイテム一覧"}, tc.header, tc.row,
				[]any{"2", "議事録の配布", "", "", "完了", apr(1), "2026-04-01", apr(2), ""})
			tb := oneTable(t, b.read(sheet.Options{Near: serialDate(2026, 4, 15)}))
			checkTable(t, tb, project.KindActions, []int{2}, tc.cols)
			if len(tb.Actions) != 2 {
				t.Fatalf("%d actions, want 2", len(tb.Actions))
			}
			a := tb.Actions[0]
			if a.Title != "性能試験の環境を手配" || len(a.Owner) != 1 || a.Owner[0] != "山田" || a.Due != serialDate(2026, 4, 10) ||
				a.Status != project.ItemWorking || a.RaisedOn != serialDate(2026, 4, 1) || a.MeetingDate != serialDate(2026, 4, 1) ||
				a.Notes != "ベンダー回答待ち" || !a.IsOpen() {
				t.Errorf("action 1 = %+v", a)
			}
			if c := tb.Actions[1]; c.IsOpen() || c.ClosedOn != serialDate(2026, 4, 2) {
				t.Errorf("action 2 = %+v, want closed on 4/2", c)
			}
		})
	}
}

// An issue list stays an issue list: the new kinds do not take it over.
func TestIssueListStaysIssues(t *testing.T) {
	t.Parallel()
	b := newBook(t, "課題管理表")
	b.rows("課題管理表", "A1", []any{"No", "課題", "担当者", "期限", "状況", "起票日"},
		[]any{"1", "性能要件が未確定", "山田", apr(10), "対応中", apr(1)})
	tb := oneTable(t, b.read(sheet.Options{}))
	if tb.Kind != project.KindIssues {
		t.Errorf("kind %s, want issues", tb.Kind)
	}
}

// Test sheets per case (Japanese and English) and as daily tallies (per
// day and running totals).
func TestTestSheets(t *testing.T) {
	t.Parallel()
	t.Run("cases ja", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "テスト仕様書")
		b.rows("テスト仕様書", "A1",
			[]any{"テストID", "テスト項目", "実施予定日", "実施日", "結果", "実施者", "不具合No"},
			[]any{"T-1", "ログインできる", apr(6), apr(6), "OK", "佐藤", ""},
			[]any{"T-2", "パスワード誤りで拒否", apr(6), apr(7), "NG", "佐藤", "BUG-3"},
			[]any{"T-3", "ロック解除", apr(7), "", "保留", "", ""},
			[]any{"T-4", "ログアウト", apr(8), "", "未実施", "", ""})
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindTests, []int{1}, "A=id B=title C=planned_on D=executed_on E=result F=tester G=defect")
		want := []project.TestResult{project.TestPass, project.TestFail, project.TestBlocked, project.TestNotRun}
		if len(tb.Tests) != 4 {
			t.Fatalf("%d cases", len(tb.Tests))
		}
		for i, c := range tb.Tests {
			if c.Result != want[i] {
				t.Errorf("case %d result %q, want %q", i+1, c.Result, want[i])
			}
		}
		if c := tb.Tests[1]; c.Defect != "BUG-3" || c.ExecutedOn != serialDate(2026, 4, 7) || c.Tester[0] != "佐藤" {
			t.Errorf("case 2 = %+v", c)
		}
	})
	t.Run("cases en", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Test cases")
		b.rows("Test cases", "A1",
			[]any{"Test case ID", "Test case", "Planned date", "Executed on", "Result", "Tester", "Defect ID"},
			[]any{"T-1", "Login works", apr(6), apr(6), "Pass", "Sato", ""},
			[]any{"T-2", "Wrong password refused", apr(6), apr(7), "Failed", "Sato", "BUG-3"},
			[]any{"T-3", "Unlock", apr(7), "", "Blocked", "", ""},
			[]any{"T-4", "Logout", apr(8), "", "Not run", "", ""})
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindTests, []int{1}, "A=id B=title C=planned_on D=executed_on E=result F=tester G=defect")
		want := []project.TestResult{project.TestPass, project.TestFail, project.TestBlocked, project.TestNotRun}
		for i, c := range tb.Tests {
			if c.Result != want[i] {
				t.Errorf("case %d result %q, want %q", i+1, c.Result, want[i])
			}
		}
	})
	t.Run("tally per day", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "テスト消化表")
		b.rows("テスト消化表", "A1",
			[]any{"日付", "予定件数", "消化件数", "OK件数", "NG件数"},
			[]any{apr(6), 10, 8, 7, 1},
			[]any{apr(7), 10, 12, 10, 2},
			[]any{apr(8), 10, "", "", ""},
			[]any{"合計", 30, 20, 17, 3})
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindTests, []int{1}, "A=day B=planned_count C=executed_count D=passed_count E=failed_count")
		if len(tb.TestDays) != 3 || tb.TestDays[0].Cumulative || *tb.TestDays[1].Executed != 12 || tb.TestDays[2].Executed != nil {
			t.Errorf("days = %+v", tb.TestDays)
		}
	})
	t.Run("tally cumulative en", func(t *testing.T) {
		t.Parallel()
		b := newBook(t, "Test progress")
		b.rows("Test progress", "A1",
			[]any{"Date", "Planned (cumulative)", "Executed (cumulative)", "Failed (cumulative)"},
			[]any{apr(6), 10, 8, 1},
			[]any{apr(7), 20, 20, 3})
		tb := oneTable(t, b.read(sheet.Options{}))
		checkTable(t, tb, project.KindTests, []int{1}, "A=day B=planned_count C=executed_count D=failed_count")
		if len(tb.TestDays) != 2 || !tb.TestDays[0].Cumulative {
			t.Errorf("days = %+v", tb.TestDays)
		}
	})
}

// A 不具合一覧 is read as issues with every field; the pipeline then
// treats it as a defect list by its name.
func TestDefectSheet(t *testing.T) {
	t.Parallel()
	b := newBook(t, "不具合管理表")
	b.rows("不具合管理表", "A1",
		[]any{"不具合No", "不具合内容", "重要度", "状態", "発見日", "担当者", "完了日"},
		[]any{"B-1", "ログイン画面が崩れる", "高", "完了", apr(6), "鈴木", apr(8)},
		[]any{"B-2", "CSV出力が文字化け", "中", "対応中", apr(7), "鈴木", ""})
	tb := oneTable(t, b.read(sheet.Options{}))
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=priority D=status E=raised_on F=owner G=closed_on")
	if len(tb.Issues) != 2 || tb.Issues[0].ClosedOn != serialDate(2026, 4, 8) || tb.Issues[1].Priority != project.Medium {
		t.Errorf("issues = %+v", tb.Issues)
	}
}

// An English bug list and an action list kept as a CSV read with every
// field mapped.
func TestFollowUpMoreLayouts(t *testing.T) {
	t.Parallel()
	b := newBook(t, "Bugs")
	b.rows("Bugs", "A1",
		[]any{"Bug ID", "Summary", "Severity", "Status", "Found on", "Assignee", "Fixed on"},
		[]any{"BUG-1", "Login page layout breaks", "Major", "Closed", apr(6), "Suzuki", apr(8)},
		[]any{"BUG-2", "CSV export garbles text", "Minor", "Open", apr(7), "Suzuki", ""})
	tb := oneTable(t, b.read(sheet.Options{}))
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=priority D=status E=raised_on F=owner G=closed_on")
	if len(tb.Issues) != 2 || tb.Issues[0].Priority != project.High || tb.Issues[1].Priority != project.Low || tb.Issues[0].ClosedOn != serialDate(2026, 4, 8) {
		t.Errorf("bugs %+v", tb.Issues)
	}

	csv := "No,ToDo,担当者,期限,状況,起票日,定例,完了日,備考\n1,議事録の配布,佐藤,2026/04/10,完了,2026/04/08,第3回定例 2026/04/08,2026/04/09,\n2,見積の再取得,,2026/04/15,未着手,2026/04/08,第3回定例 2026/04/08,,ベンダー待ち\n"
	res := readBytes(t, "todo.csv", []byte(csv), sheet.Options{})
	ct := oneTable(t, res)
	checkTable(t, ct, project.KindActions, []int{1}, "A=id B=title C=owner D=due E=status F=raised_on G=meeting H=closed_on I=notes")
	if len(ct.Actions) != 2 || ct.Actions[0].IsOpen() || !ct.Actions[1].IsOpen() || len(ct.Actions[1].Owner) != 0 || ct.Actions[1].MeetingDate != serialDate(2026, 4, 8) {
		t.Errorf("actions %+v", ct.Actions)
	}
}
