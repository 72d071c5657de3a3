package sheet_test

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// CSV files as teams and tools export them, and the header words of
// INPUTS.md read from CSV tables.

// utf8CSV is the reference CSV every encoding variant must read the same.
const utf8CSV = "No,タスク名,担当者,開始日,終了日,進捗率,先行タスク\n" +
	"1,設計,山田,2026/4/1,2026/4/3,100%,\n" +
	"2,実装,\"佐藤,鈴木\",2026/4/6,2026/4/10,50%,1\n" +
	"3,テスト,鈴木,2026/4/13,2026/4/17,0%,\"1,2\"\n"

// tsv is utf8CSV saved as tab-separated text.
const tsv = "No\tタスク名\t担当者\t開始日\t終了日\t進捗率\t先行タスク\n" +
	"1\t設計\t山田\t2026/4/1\t2026/4/3\t100%\t\n" +
	"2\t実装\t佐藤,鈴木\t2026/4/6\t2026/4/10\t50%\t1\n" +
	"3\tテスト\t鈴木\t2026/4/13\t2026/4/17\t0%\t\"1,2\"\n"

var csvWant = []string{
	"[1] L1 設計 plan=2026-04-01..2026-04-03 p=100 who=山田",
	"[2] L1 実装 plan=2026-04-06..2026-04-10 p=50 who=佐藤,鈴木 pred=1",
	"[3] L1 テスト plan=2026-04-13..2026-04-17 p=0 who=鈴木 pred=1,2",
}

const csvMap = "A=wbs_id B=name C=assignee D=planned_start E=planned_finish F=progress G=predecessors"

func TestCSV(t *testing.T) {
	t.Parallel()
	sjis := func(s string) string {
		out, err := shiftJIS(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	cases := []struct {
		name, text string
		header     int
		enc        string
	}{
		{"utf8", utf8CSV, 1, "utf-8"},
		{"utf8-bom", "\ufeff" + utf8CSV, 1, "utf-8"},
		{"shift-jis", sjis(utf8CSV), 1, "shift_jis"},
		{"crlf", strings.ReplaceAll(utf8CSV, "\n", "\r\n"), 1, "utf-8"},
		{"no-final-newline", strings.TrimSuffix(utf8CSV, "\n"), 1, "utf-8"},
		{"title-and-blank-line-first", "開発WBS 2026/4/1時点\n\n" + utf8CSV, 3, "utf-8"},
		{"trailing-empty-rows", utf8CSV + ",,,,,,\n,,,,,,\n\n", 1, "utf-8"},
		{"tab-separated", tsv, 1, "utf-8"},
		{"shift-jis-crlf-bom-less-with-title", sjis("進捗表\r\n\r\n" + strings.ReplaceAll(utf8CSV, "\n", "\r\n")), 3, "shift_jis"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			bk, err := sheet.Parse("plan.csv", []byte(c.text), sheet.OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if bk.Encoding != c.enc {
				t.Errorf("encoding: got %q, want %q", bk.Encoding, c.enc)
			}
			res, err := sheet.Read(bk, sheet.Options{})
			if err != nil {
				t.Fatal(err)
			}
			tb := oneTable(t, res)
			checkTable(t, tb, project.KindWBS, []int{c.header}, csvMap)
			wantTasks(t, tb, csvWant...)
			wantNoFindings(t, res)
		})
	}
	t.Run("finding-positions-are-file-lines", func(t *testing.T) {
		t.Parallel()
		text := "WBS\n\nNo,タスク名,開始日,終了日,備考\n" +
			"1,設計,2026/4/1,2026/4/3,\"長い備考\n2行目\"\n" +
			"2,実装,来週,2026/4/10,\n"
		res := csvRead(t, "plan.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{3}, "A=wbs_id B=name C=planned_start D=planned_finish E=notes")
		wantFinding(t, res, diag.Error, "date-unparseable", "plan.csv:6!C")
		if len(tb.Tasks) == 2 {
			if got := tb.Tasks[1].Source().String(); got != "plan.csv:6" {
				t.Errorf("source of task 2: got %s, want plan.csv:6", got)
			}
		}
	})
	t.Run("ganttproject-export", func(t *testing.T) {
		t.Parallel()
		text := "ID,Name,Begin date,End date,Resources,Duration,Completion,Web Link,Outline number\n" +
			"1,Design,4/1/26,4/3/26,Yamada,3,100,,1\n" +
			"2,Screens,4/1/26,4/2/26,Yamada;Sato,2,50,,1.1\n" +
			"3,Build,4/6/26,4/10/26,Sato,5,0,,2\n"
		res := csvRead(t, "export.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		// ID is GanttProject's internal number; the outline number is the
		// WBS code and carries the hierarchy. Duration is elapsed days, not
		// work: it is not read as effort.
		checkTable(t, tb, project.KindWBS, []int{1},
			"B=name C=planned_start D=planned_finish E=assignee G=progress I=wbs_id")
		if tb.Tool != "GanttProject" {
			t.Errorf("tool %q, want GanttProject", tb.Tool)
		}
		wantTasks(t, tb,
			"[1] L1 sum Design plan=2026-04-01..2026-04-03 p=100 who=Yamada",
			"[1.1] L2 Screens plan=2026-04-01..2026-04-02 p=50 who=Yamada,Sato",
			"[2] L1 Build plan=2026-04-06..2026-04-10 p=0 who=Sato",
		)
	})
	t.Run("ms-project-export", func(t *testing.T) {
		t.Parallel()
		text := "ID,Outline Level,Name,Duration,Start,Finish,Predecessors,Resource Names,% Complete\n" +
			"1,1,Design,3 days,Wed 4/1/26,Fri 4/3/26,,Yamada,100%\n" +
			"2,2,Screens,2 days,Wed 4/1/26,Thu 4/2/26,,Yamada,100%\n" +
			"3,1,Build,5 days,Mon 4/6/26,Fri 4/10/26,1,Sato,0%\n"
		res := csvRead(t, "msp.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindWBS, []int{1},
			"A=wbs_id B=level C=name E=planned_start F=planned_finish G=predecessors H=assignee I=progress")
		// Duration is elapsed working time; only Work would be effort.
		wantTasks(t, tb,
			"[1] L1 sum Design plan=2026-04-01..2026-04-03 p=100 who=Yamada",
			"[2] L2 Screens plan=2026-04-01..2026-04-02 p=100 who=Yamada",
			"[3] L1 Build plan=2026-04-06..2026-04-10 p=0 who=Sato pred=1",
		)
		wantNoFindings(t, res)
	})
	t.Run("jira-export", func(t *testing.T) {
		t.Parallel()
		text := "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Due date,Resolved\n" +
			"Login fails,PMO-12,10012,Bug,In Progress,High,Yamada,Sato,01/Apr/26 10:15 AM,10/Apr/26,\n" +
			"Update manual,PMO-13,10013,Task,Done,Low,Sato,Sato,02/Apr/26 9:00 AM,03/Apr/26,03/Apr/26 5:30 PM\n"
		res := csvRead(t, "jira.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{1},
			"A=title B=id D=category E=status F=priority G=owner H=raised_by I=raised_on J=due K=closed_on")
		wantIssues(t, tb,
			"[PMO-12] Login fails cat=Bug raised=2026-04-01 by=Sato owner=Yamada due=2026-04-10 st=in_progress/In Progress pri=high/High",
			"[PMO-13] Update manual cat=Task raised=2026-04-02 by=Sato owner=Sato due=2026-04-03 closed=2026-04-03 st=closed/Done pri=low/Low",
		)
		wantNoFindings(t, res)
	})
	t.Run("backlog-export-shift-jis", func(t *testing.T) {
		t.Parallel()
		text, err := shiftJIS("キー,種別,件名,詳細,状態,優先度,担当者,期限日,登録者,登録日\r\n" +
			"PRJ-1,タスク,要件確認,\"顧客と要件を確認する\r\n議事録を残す\",処理中,高,山田,2026/04/10,佐藤,2026/04/01\r\n" +
			"PRJ-2,バグ,表示崩れ,一覧画面,完了,中,鈴木,2026/04/05,山田,2026/04/02\r\n")
		if err != nil {
			t.Fatal(err)
		}
		res := csvRead(t, "backlog.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{1},
			"A=id B=category C=title D=description E=status F=priority G=owner H=due I=raised_by J=raised_on")
		wantIssues(t, tb,
			"[PRJ-1] 要件確認 cat=タスク raised=2026-04-01 by=佐藤 owner=山田 due=2026-04-10 st=in_progress/処理中 pri=high/高",
			"[PRJ-2] 表示崩れ cat=バグ raised=2026-04-02 by=山田 owner=鈴木 due=2026-04-05 st=closed/完了 pri=medium/中",
		)
		if len(tb.Issues) == 2 && tb.Issues[0].Description != "顧客と要件を確認する\n議事録を残す" {
			t.Errorf("description: %q", tb.Issues[0].Description)
		}
		wantNoFindings(t, res)
	})
	t.Run("redmine-export", func(t *testing.T) {
		t.Parallel()
		text := "#,Tracker,Status,Subject,Assignee,Due date\n" +
			"133,Bug,New,Login fails on Safari,Yamada,2026-04-10\n" +
			"134,Support,Closed,Update the manual,Sato,2026-04-03\n"
		res := csvRead(t, "issues.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=category C=status D=title E=owner F=due")
		wantIssues(t, tb,
			"[133] Login fails on Safari cat=Bug owner=Yamada due=2026-04-10 st=open/New",
			"[134] Update the manual cat=Support owner=Sato due=2026-04-03 st=closed/Closed",
		)
	})
}

// headerWords are the header words of INPUTS.md, per kind and field.
var headerWords = []struct {
	kind  project.Kind
	field string
	words []string
}{
	{project.KindWBS, "wbs_id", []string{"WBS", "WBS番号", "WBS ID", "WBSコード", "No", "No.", "NO", "#", "番号", "ID", "Outline number", "タスクID"}},
	{project.KindWBS, "level", []string{"Lv", "レベル", "階層", "Level"}},
	{project.KindWBS, "name", []string{"タスク", "タスク名", "作業", "作業名", "作業項目", "作業内容", "項目", "内容", "工程名", "大項目", "機能", "Task", "Task Name", "Name", "Description"}},
	{project.KindWBS, "team", []string{"チーム", "チーム名", "担当チーム", "部署", "Team"}},
	{project.KindWBS, "assignee", []string{"担当", "担当者", "担当者名", "担当者1", "メンバ", "実施者", "対応者", "Owner", "Resource Names", "Coordinator", "Assignee"}},
	{project.KindWBS, "planned_start", []string{"予定開始", "予定開始日", "開始予定", "開始予定日", "開始日(予定)", "始予定", "計画開始", "目標開始日", "予定開始日時", "Start", "Begin date", "Planned Start"}},
	{project.KindWBS, "planned_finish", []string{"予定終了", "予定終了日", "終了予定日", "完了予定日", "終予定", "終了日(予定)", "目標完了日", "予定完了日時", "Finish", "End", "End date"}},
	{project.KindWBS, "actual_start", []string{"実績開始", "実績開始日", "開始日(実績)", "着工日", "実開始日", "実際の開始日", "実績開始日時", "Actual Start"}},
	{project.KindWBS, "actual_finish", []string{"実績終了", "実績終了日", "完了日", "終了日(実績)", "最終日", "実完了日", "実際の終了日", "実績完了日時", "Actual Finish"}},
	{project.KindWBS, "planned_effort", []string{"予定工数", "工数", "工数(日)", "見積工数", "Duration", "Work"}},
	{project.KindWBS, "actual_effort", []string{"実績工数", "実稼働"}},
	{project.KindWBS, "progress", []string{"進捗", "進捗率", "進捗(%)", "達成率", "完了率", "% Complete", "Completion", "Progress"}},
	{project.KindWBS, "status", []string{"ステータス", "状態", "状況", "対応状況", "完了フラグ", "Status", "Issue Status"}},
	{project.KindWBS, "predecessors", []string{"先行タスク", "先行", "依存関係", "Predecessors"}},
	{project.KindWBS, "deliverable", []string{"成果物", "Deliverable"}},
	{project.KindWBS, "notes", []string{"備考", "メモ", "コメント", "Notes", "Remarks", "Comments"}},
	{project.KindIssues, "id", []string{"No", "No.", "課題No", "課題番号", "管理番号", "ID", "Issue ID", "ID #"}},
	{project.KindIssues, "title", []string{"課題", "件名", "タイトル", "課題内容", "指摘内容", "疑問点", "内容", "Title", "Summary"}},
	{project.KindIssues, "description", []string{"詳細", "課題詳細", "内容詳細", "Description", "Query"}},
	{project.KindIssues, "category", []string{"分類", "種別", "カテゴリ", "対象", "作業区分", "Category", "Issue Type"}},
	{project.KindIssues, "priority", []string{"優先度", "重要度", "緊急度", "Priority", "Rank"}},
	{project.KindIssues, "status", []string{"ステータス", "状態", "状況", "対応状況", "完了フラグ", "Status", "Issue Status"}},
	{project.KindIssues, "raised_on", []string{"起票日", "記帳日", "登録日", "入力日", "発生日", "Date raised"}},
	{project.KindIssues, "raised_by", []string{"起票者", "記帳者", "記載者", "入力者", "依頼者名", "報告者"}},
	{project.KindIssues, "owner", []string{"担当", "担当者", "対応者", "回答者名", "宛先", "Owner"}},
	{project.KindIssues, "due", []string{"期限", "期日", "対応期限", "回答期限", "対応予定日", "回答希望日", "完了予定日", "Due"}},
	{project.KindIssues, "closed_on", []string{"完了日", "回答日", "解決日", "完了確認日", "Completion Date"}},
	{project.KindIssues, "resolution", []string{"対応内容", "対応策", "回答", "回答内容", "解決策", "Actions", "Countermeasures", "Potential Responses", "Results"}},
	{project.KindRisks, "title", []string{"Risk"}},
	{project.KindRisks, "probability", []string{"発生確率", "発生可能性", "確率", "Probability"}},
	{project.KindRisks, "impact", []string{"影響度", "影響", "Impact"}},
	{project.KindRisks, "owner", []string{"Risk Owner", "担当者", "Owner"}},
	{project.KindRisks, "mitigation", []string{"対応策", "Countermeasures", "Potential Responses", "Actions"}},
}

// TestHeaderVocabulary puts each header word of INPUTS.md into a small
// table of its kind, beside columns that take the other key fields, and
// checks the column it heads.
func TestHeaderVocabulary(t *testing.T) {
	t.Parallel()
	base := map[project.Kind][]struct{ field, word string }{
		project.KindWBS:    {{"name", "タスク名"}, {"planned_start", "予定開始日"}, {"planned_finish", "予定終了日"}},
		project.KindIssues: {{"id", "管理番号"}, {"title", "件名"}},
		project.KindRisks:  {{"id", "No"}, {"title", "リスク内容"}},
	}
	for _, hw := range headerWords {
		for _, w := range hw.words {
			t.Run(string(hw.kind)+"/"+hw.field+"/"+w, func(t *testing.T) {
				t.Parallel()
				var header []string
				col := 0
				for _, b := range base[hw.kind] {
					if b.field == hw.field {
						continue
					}
					header = append(header, b.word)
				}
				// The word goes where its field usually sits: IDs first,
				// names and titles next, everything else after them.
				switch hw.field {
				case "wbs_id", "id":
					header = append([]string{w}, header...)
					col = 1
				case "name", "title":
					if hw.kind == project.KindWBS {
						header = append([]string{w}, header...)
						col = 1
					} else {
						header = append(header[:1], append([]string{w}, header[1:]...)...)
						col = 2
					}
				default:
					header = append(header, w)
					col = len(header)
				}
				row := make([]string, len(header))
				for i := range row {
					row[i] = "x"
				}
				text := strings.Join(header, ",") + "\n" + strings.Join(row, ",") + "\n"
				bk, err := sheet.Parse("h.csv", []byte(text), sheet.OpenOptions{})
				if err != nil {
					t.Fatal(err)
				}
				res, err := sheet.Read(bk, sheet.Options{Kind: hw.kind})
				if err != nil {
					t.Fatalf("%q: %v", header, err)
				}
				tb := oneTable(t, res)
				got := ""
				for _, c := range tb.Columns {
					if c.Col == col {
						got = c.Field
					}
				}
				if got != hw.field {
					t.Errorf("header %q in %q: column maps to %q, want %q (mapping %s)", w, strings.Join(header, ","), got, hw.field, mapping(tb))
				}
			})
		}
	}
}
