package sheet_test

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// Exports built from each tool's documented CSV column set, in the order
// the tool writes them. A person would map every column listed in want.

const redmineJA = `#,プロジェクト,トラッカー,親チケット,ステータス,優先度,題名,作成者,担当者,更新日,カテゴリ,対象バージョン,開始日,期日,予定工数,作業時間,進捗率,作成日,終了日,関連するチケット,説明
101,基幹刷新,機能,,進行中,高め,ログイン画面の実装,山田 太郎,佐藤 花子,2026/04/10 10:00,画面,v1.0,2026/04/01,2026/04/10,16.00,8.50,50,2026/03/25 09:00,,,認証方式はSSO
102,基幹刷新,バグ,101,新規,今すぐ,パスワード再設定が失敗する,佐藤 花子,鈴木 一郎,2026/04/11 10:00,画面,v1.0,2026/04/06,2026/04/08,4.00,,0,2026/04/05 11:00,,,
103,基幹刷新,サポート,,終了,低め,帳票レイアウト確認,山田 太郎,山田 太郎,2026/04/09 10:00,帳票,,2026/04/02,2026/04/03,2.00,2.00,100,2026/03/30 09:00,2026/04/03 17:00,,
`

func TestPresetRedmineShiftJIS(t *testing.T) {
	t.Parallel()
	sjis, err := shiftJIS(redmineJA)
	if err != nil {
		t.Fatal(err)
	}
	res := readBytes(t, "issues.csv", []byte(sjis), sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "Redmine" {
		t.Errorf("tool %q, want Redmine", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1},
		"A=wbs_id D=parent E=status G=name I=assignee M=planned_start N=planned_finish O=planned_effort P=actual_effort Q=progress S=actual_finish U=notes")
	// 102's parent ticket is 101: a level below it, whatever the row order.
	wantTasks(t, tb,
		"[101] L1 sum ログイン画面の実装 plan=2026-04-01..2026-04-10 p=50 eff=2 aeff=1.0625 who=佐藤 花子 st=in_progress/進行中 notes=認証方式はSSO",
		"[102] L2 パスワード再設定が失敗する plan=2026-04-06..2026-04-08 p=0 eff=0.5 who=鈴木 一郎 st=not_started/新規",
		"[103] L1 帳票レイアウト確認 plan=2026-04-02..2026-04-03 act=..2026-04-03 p=100 eff=0.25 aeff=0.25 who=山田 太郎 st=done/終了",
	)
	wantNoFindings(t, res)
}

func TestPresetRedmineEnglishAsIssues(t *testing.T) {
	t.Parallel()
	text := `#,Project,Tracker,Parent task,Status,Priority,Subject,Author,Assignee,Updated,Category,Target version,Start date,Due date,Estimated time,Spent time,% Done,Created,Closed,Related issues,Description
7,Core,Bug,,Feedback,Immediate,Crash on save,Ann Lee,Bob Ray,2026-04-10 10:00,,,2026-04-01,2026-04-10,3.00,,20,2026-03-30 09:00,,,Steps in the attachment
8,Core,Feature,,Closed,Low,Export to PDF,Ann Lee,,2026-04-10 10:00,,,2026-04-02,2026-04-09,8.00,8.00,100,2026-03-30 09:00,2026-04-09 17:00,,
`
	res := csvRead(t, "redmine.csv", text, sheet.Options{Kind: project.KindIssues})
	tb := oneTable(t, res)
	if tb.Tool != "Redmine" {
		t.Errorf("tool %q, want Redmine", tb.Tool)
	}
	checkTable(t, tb, project.KindIssues, []int{1},
		"A=id C=category E=status F=priority G=title H=raised_by I=owner N=due R=raised_on S=closed_on U=description")
	wantIssues(t, tb,
		"[7] Crash on save cat=Bug raised=2026-03-30 by=Ann Lee owner=Bob Ray due=2026-04-10 st=on_hold/Feedback pri=high/Immediate",
		"[8] Export to PDF cat=Feature raised=2026-03-30 by=Ann Lee due=2026-04-09 closed=2026-04-09 st=closed/Closed pri=low/Low",
	)
}

func TestPresetRedmineWithoutDatesIsAnIssueList(t *testing.T) {
	t.Parallel()
	text := "#,トラッカー,ステータス,優先度,題名,担当者,期日\n1,バグ,新規,急いで,画面が固まる,山田,2026/04/10\n2,バグ,解決,通常,文言の誤り,佐藤,2026/04/12\n"
	res := csvRead(t, "redmine.csv", text, sheet.Options{})
	tb := oneTable(t, res)
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=category C=status D=priority E=title F=owner G=due")
	wantIssues(t, tb,
		"[1] 画面が固まる cat=バグ owner=山田 due=2026-04-10 st=open/新規 pri=high/急いで",
		"[2] 文言の誤り cat=バグ owner=佐藤 due=2026-04-12 st=resolved/解決 pri=medium/通常",
	)
}

func TestPresetBacklog(t *testing.T) {
	t.Parallel()
	t.Run("ja", func(t *testing.T) {
		t.Parallel()
		text := `ID,プロジェクトID,プロジェクト名,キーID,キー,種別ID,種別,カテゴリー名,バージョンID,発生バージョン,マイルストーンID,マイルストーン,件名,詳細,状態ID,状態,完了理由ID,完了理由,優先度ID,優先度,担当者ID,担当者,登録者ID,登録者,登録日,開始日,期限日,予定時間,実績時間,更新者ID,更新者,更新日,親課題キー
9001,55,基幹刷新,1,KIKAN-1,1,タスク,,,,,,要件定義書の作成,章立てから,2,処理中,,,3,中,77,山田,78,佐藤,2026/03/25 09:00:00,2026/04/01,2026/04/10,40,12.5,78,佐藤,2026/04/05 09:00:00,
9002,55,基幹刷新,2,KIKAN-2,1,タスク,,,,,,画面設計,,4,完了,0,対応済み,2,高,78,佐藤,77,山田,2026/03/26 09:00:00,2026/04/06,2026/04/15,24,24,77,山田,2026/04/15 18:00:00,KIKAN-1
`
		res := csvRead(t, "backlog.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		if tb.Tool != "Backlog" {
			t.Errorf("tool %q, want Backlog", tb.Tool)
		}
		checkTable(t, tb, project.KindWBS, []int{1},
			"E=wbs_id M=name N=notes P=status V=assignee Z=planned_start AA=planned_finish AB=planned_effort AC=actual_effort AG=parent")
		wantTasks(t, tb,
			"[KIKAN-1] L1 sum 要件定義書の作成 plan=2026-04-01..2026-04-10 eff=5 aeff=1.5625 who=山田 st=in_progress/処理中 notes=章立てから",
			"[KIKAN-2] L2 画面設計 plan=2026-04-06..2026-04-15 eff=3 aeff=3 who=佐藤 st=done/完了",
		)
	})
	t.Run("en-issues", func(t *testing.T) {
		t.Parallel()
		text := `ID,Project ID,Project Name,Key ID,Key,Issue Type ID,Issue Type,Category Name,Version ID,Version,Milestone ID,Milestone,Subject,Description,Status ID,Status,Resolution ID,Resolution,Priority ID,Priority,Assignee ID,Assignee,Created User ID,Created User,Created,Start Date,Due Date,Estimated Hours,Actual Hours,Updated User ID,Updated User,Updated,Parent Issue Key
9101,55,Core,3,CORE-3,2,Bug,,,,,,Login fails on Safari,,1,Open,,,2,High,80,Ken Ito,81,Mia Sato,"Apr. 15, 2026",,"Apr. 20, 2026",,,80,Ken Ito,"Apr. 16, 2026",
`
		res := csvRead(t, "backlog.csv", text, sheet.Options{})
		tb := oneTable(t, res)
		checkTable(t, tb, project.KindIssues, []int{1},
			"E=id G=category M=title N=description P=status R=resolution T=priority V=owner X=raised_by Y=raised_on AA=due")
		wantIssues(t, tb, "[CORE-3] Login fails on Safari cat=Bug raised=2026-04-15 by=Mia Sato owner=Ken Ito due=2026-04-20 st=open/Open pri=high/High")
	})
}

func TestPresetJira(t *testing.T) {
	t.Parallel()
	text := `Summary,Issue key,Issue id,Issue Type,Status,Project key,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Due date,Original Estimate,Remaining Estimate,Time Spent,Sprint,Sprint,Description,Custom field (Start date)
Payment API timeout,PAY-12,10012,Story,In Progress,PAY,Highest,,Aiko Mori,Jun Ono,15/Feb/26 4:37 PM,20/Feb/26 9:00 AM,,06/Mar/26,57600,28800,28800,Sprint 3,Sprint 4,Retry with backoff,01/Mar/26
Receipt layout,PAY-13,10013,Task,Done,PAY,Low,Done,Jun Ono,Jun Ono,16/Feb/26 10:00 AM,02/Mar/26 6:00 PM,02/Mar/26 6:00 PM,03/Mar/26,14400,0,14400,Sprint 3,,,02/Mar/26
`
	res := csvRead(t, "jira.csv", text, sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "Jira" {
		t.Errorf("tool %q, want Jira", tb.Tool)
	}
	checkTable(t, tb, project.KindWBS, []int{1},
		"A=name B=wbs_id E=status I=assignee M=actual_finish N=planned_finish O=planned_effort Q=actual_effort T=notes U=planned_start")
	wantTasks(t, tb,
		"[PAY-12] L1 Payment API timeout plan=2026-03-01..2026-03-06 eff=2 aeff=1 who=Aiko Mori st=in_progress/In Progress notes=Retry with backoff",
		"[PAY-13] L1 Receipt layout plan=2026-03-02..2026-03-03 act=..2026-03-02 eff=0.5 aeff=0.5 who=Jun Ono st=done/Done",
	)
	// Asked for issues, the same export is an issue list.
	res = csvRead(t, "jira.csv", text, sheet.Options{Kind: project.KindIssues})
	tb = oneTable(t, res)
	checkTable(t, tb, project.KindIssues, []int{1},
		"A=title B=id D=category E=status G=priority H=resolution I=owner J=raised_by K=raised_on M=closed_on N=due T=description")
}

// A generic Japanese issue list that shares words with Redmine (ステータス,
// 優先度, 担当者) is not taken for a Redmine export.
func TestPresetNeedsTheToolsOwnWords(t *testing.T) {
	t.Parallel()
	text := "No,件名,ステータス,優先度,担当者,期日,進捗率\n1,画面が固まる,対応中,高,山田,2026/04/10,50%\n"
	res := csvRead(t, "list.csv", text, sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "" {
		t.Errorf("tool %q, want none", tb.Tool)
	}
	if !strings.Contains(mapping(tb), "B=") {
		t.Errorf("mapping %s", mapping(tb))
	}
}

// A GitHub issue list (gh issue list --json … written as CSV).
func TestPresetGitHub(t *testing.T) {
	t.Parallel()
	text := "number,title,state,assignees,labels,author,createdAt,closedAt,milestone,url\n" +
		"41,Crash when the sheet is empty,OPEN,kenito,bug,miasato,2026-04-02T09:00:00Z,,v1.0,https://github.com/o/r/issues/41\n" +
		"42,Document the presets,CLOSED,miasato,docs,kenito,2026-04-03T10:00:00Z,2026-04-05T18:00:00Z,v1.0,https://github.com/o/r/issues/42\n"
	res := csvRead(t, "issues.csv", text, sheet.Options{})
	tb := oneTable(t, res)
	if tb.Tool != "GitHub" {
		t.Errorf("tool %q, want GitHub", tb.Tool)
	}
	checkTable(t, tb, project.KindIssues, []int{1}, "A=id B=title C=status D=owner E=category F=raised_by G=raised_on H=closed_on")
	wantIssues(t, tb,
		"[41] Crash when the sheet is empty cat=bug raised=2026-04-02 by=miasato owner=kenito st=open/OPEN",
		"[42] Document the presets cat=docs raised=2026-04-03 by=kenito owner=miasato closed=2026-04-05 st=closed/CLOSED",
	)
}
