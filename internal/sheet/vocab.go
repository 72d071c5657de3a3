package sheet

import (
	"strings"

	"github.com/pmokit/pmo/internal/project"
)

// fieldWords lists, per kind and field, header words already normalised
// the way value.Key normalises a header (NFKC, lower case, no spaces or
// brackets). They seed the scorer; they are not an exact lookup table.
var fieldWords = map[project.Kind][]fieldWord{
	project.KindWBS: {
		{"wbs_id", []string{"wbs", "wbs番号", "wbsid", "wbsコード", "wbsno", "id", "outlinenumber", "タスクid", "タスクno", "タスク番号", "コード", "タスクコード", "no", "no.", "#", "番号", "項番", "管理番号"}},
		{"level", []string{"lv", "lv.", "レベル", "階層", "level", "outlinelevel", "階層レベル"}},
		{"name", []string{"タスク", "タスク名", "作業", "作業名", "作業項目", "作業内容", "項目", "項目名", "内容", "工程", "工程名", "大項目", "中項目", "小項目", "機能", "機能名", "task", "taskname", "name", "description", "activity", "件名", "タイトル", "title", "subject", "summary", "名称", "親タスク", "子タスク", "作業タスク", "wbs名", "フェーズ"}},
		{"team", []string{"チーム", "チーム名", "担当チーム", "部署", "部門", "team", "グループ", "担当部署", "所属"}},
		{"assignee", []string{"担当", "担当者", "担当者名", "メンバ", "メンバー", "実施者", "対応者", "作業者", "owner", "resourcenames", "coordinator", "assignee", "assignedto", "担当者1", "resource", "resources", "pic", "責任者", "担当者(正)"}},
		{"planned_effort", []string{"予定工数", "工数", "工数日", "見積工数", "計画工数", "見積", "予定人日", "duration", "work", "effort", "plannedeffort", "estimate", "見積もり"}},
		{"actual_effort", []string{"実績工数", "実稼働", "実工数", "actualwork", "actualeffort", "実績人日", "消化工数"}},
		{"progress", []string{"進捗", "進捗率", "進捗%", "達成率", "完了率", "%complete", "percentcomplete", "completion", "progress", "進捗度", "進ちょく", "進ちょく率", "done%", "%done"}},
		{"status", []string{"ステータス", "状態", "状況", "対応状況", "完了フラグ", "status", "issuestatus", "進捗状況", "作業状況", "state"}},
		{"milestone", []string{"マイルストーン", "milestone", "ms", "マイルストン"}},
		{"parent", []string{"親チケット", "親課題キー", "親課題", "親id", "親番号", "親wbs", "parenttask", "parentissuekey", "parentkey", "parent", "parentid"}},
		{"predecessors", []string{"先行タスク", "先行", "依存関係", "predecessors", "先行タスクid", "前提タスク", "dependencies", "dependson"}},
		{"deliverable", []string{"成果物", "deliverable", "deliverables", "アウトプット", "output", "成果物名"}},
		{"notes", []string{"備考", "メモ", "コメント", "notes", "note", "remarks", "comments", "comment", "特記事項", "補足", "詳細", "概要", "説明"}},
	},
	project.KindIssues: {
		{"id", []string{"no", "no.", "課題no", "課題番号", "管理番号", "id", "issueid", "id#", "#", "番号", "項番", "key", "issuekey", "チケット番号", "課題id", "不具合no", "不具合番号", "qano", "q&ano", "キー", "課題キー", "チケットid", "bugid", "bugno", "defectid", "defectno", "障害番号", "障害no", "バグid", "バグno", "バグ番号"}},
		{"title", []string{"課題", "件名", "タイトル", "課題内容", "指摘内容", "疑問点", "内容", "title", "summary", "subject", "課題名", "事象", "質問", "質問内容", "問題", "不具合内容", "現象", "issue", "概要", "題名", "問合せ内容"}},
		{"description", []string{"詳細", "課題詳細", "内容詳細", "description", "query", "詳細内容", "説明", "背景", "原因", "details"}},
		{"category", []string{"分類", "種別", "カテゴリ", "カテゴリー", "対象", "作業区分", "category", "issuetype", "type", "区分", "トラッカー", "tracker", "対象機能", "機能"}},
		{"priority", []string{"優先度", "重要度", "緊急度", "priority", "rank", "severity", "優先順位", "ランク", "重大度", "影響度"}},
		{"status", []string{"ステータス", "状態", "状況", "対応状況", "status", "issuestatus", "進捗", "完了フラグ", "state", "対応状態"}},
		{"raised_on", []string{"起票日", "記帳日", "登録日", "入力日", "発生日", "dateraised", "作成日", "起案日", "報告日", "発見日", "created", "createdon", "opened", "登録日時", "作成日時", "起票日時", "質問日", "検出日", "foundon", "founddate", "detectedon", "datefound"}},
		{"raised_by", []string{"起票者", "記帳者", "記載者", "入力者", "依頼者名", "報告者", "依頼者", "作成者", "登録者", "発見者", "起案者", "raisedby", "reporter", "author", "createdby", "質問者"}},
		{"owner", []string{"担当", "担当者", "対応者", "回答者名", "宛先", "owner", "riskowner", "assignee", "assignedto", "回答者", "対応担当", "責任者", "担当者名", "対応担当者", "調査対応者"}},
		{"due", []string{"期限", "期日", "対応期限", "回答期限", "対応予定日", "回答希望日", "完了予定日", "due", "duedate", "期限日", "完了期限", "解決期限", "目標日", "回答予定日", "対応期日"}},
		{"closed_on", []string{"完了日", "回答日", "解決日", "完了確認日", "completiondate", "closedon", "closed", "resolved", "クローズ日", "対応完了日", "対応日", "resolveddate", "closeddate", "修正日", "修正完了日", "fixedon", "fixeddate", "datefixed"}},
		{"resolution", []string{"対応内容", "対応策", "回答", "回答内容", "解決策", "actions", "countermeasures", "potentialresponses", "results", "resolution", "対応", "対処", "対策", "対応詳細", "対応方針", "処置内容", "answer", "対応結果"}},
		{"related_task", []string{"関連タスク", "関連wbs", "relatedtask", "wbs", "wbs番号", "関連"}},
	},
	project.KindRisks: {
		{"id", []string{"no", "no.", "リスクno", "リスク番号", "管理番号", "id", "riskid", "id#", "#", "番号", "項番"}},
		{"title", []string{"リスク", "リスク名", "リスク内容", "件名", "タイトル", "内容", "risk", "title", "summary", "riskdescription", "事象", "概要", "想定リスク", "リスク事象"}},
		{"description", []string{"詳細", "リスク詳細", "description", "原因", "影響内容", "説明", "cause", "details"}},
		{"category", []string{"分類", "種別", "カテゴリ", "カテゴリー", "category", "区分", "type", "リスク分類"}},
		{"probability", []string{"発生確率", "発生可能性", "確率", "probability", "likelihood", "発生頻度", "可能性", "発生度"}},
		{"impact", []string{"影響度", "影響", "impact", "severity", "重大度", "影響の大きさ"}},
		{"score", []string{"スコア", "score", "リスク値", "リスクスコア", "評価", "重要度", "riskscore", "優先度", "rating", "リスクレベル", "総合評価"}},
		{"owner", []string{"担当", "担当者", "owner", "riskowner", "責任者", "対応者", "オーナー", "リスクオーナー", "assignee"}},
		{"mitigation", []string{"対応策", "対策", "軽減策", "回避策", "mitigation", "response", "countermeasures", "potentialresponses", "actions", "対応方針", "対応内容", "予防策", "コンティンジェンシープラン", "contingency"}},
		{"status", []string{"ステータス", "状態", "状況", "対応状況", "status", "state"}},
		{"due", []string{"期限", "期日", "対応期限", "due", "duedate", "完了予定日", "目標日"}},
	},
	project.KindActions: {
		{"id", []string{"no", "no.", "id", "#", "番号", "項番", "管理番号", "aino", "ai番号", "アクションno", "アクション番号", "宿題no", "宿題番号", "todono", "actionid", "key"}},
		{"title", []string{"アクション", "アクションアイテム", "アクション内容", "宿題", "宿題内容", "todo", "to-do", "やること", "実施事項", "対応事項", "内容", "件名", "タイトル", "項目", "action", "actionitem", "title", "summary", "subject", "description", "task", "item", "概要", "依頼事項", "課題・宿題"}},
		{"owner", []string{"担当", "担当者", "担当者名", "対応者", "実施者", "責任者", "owner", "assignee", "assignedto", "who", "pic", "responsible", "宛先", "対応担当"}},
		{"due", []string{"期限", "期日", "対応期限", "完了期限", "完了予定日", "回答期限", "due", "duedate", "deadline", "by", "when", "目標日", "期限日", "締切", "締め切り"}},
		{"status", []string{"ステータス", "状態", "状況", "対応状況", "進捗", "status", "state", "完了フラグ"}},
		{"raised_on", []string{"起票日", "登録日", "発生日", "記載日", "作成日", "起案日", "依頼日", "指示日", "raisedon", "dateraised", "created", "createdon", "opened", "opendate"}},
		{"meeting", []string{"会議", "会議名", "会議体", "打合せ", "打ち合わせ", "定例", "定例会", "開催回", "回", "発生会議", "議事録", "meeting", "source", "出典", "発生元", "会議日", "meetingdate"}},
		{"closed_on", []string{"完了日", "対応完了日", "クローズ日", "終了日", "実施日", "closedon", "closed", "completed", "completedon", "donedate", "completiondate", "resolved"}},
		{"notes", []string{"備考", "メモ", "コメント", "notes", "note", "remarks", "comments", "comment", "補足", "対応内容", "結果", "経過"}},
	},
	project.KindTests: {
		{"id", []string{"no", "no.", "id", "#", "番号", "項番", "管理番号", "テストid", "テストno", "テスト番号", "ケースid", "ケースno", "テストケースid", "テストケース番号", "試験番号", "試験no", "testid", "caseid", "testcaseid", "tcid", "項目番号", "項目no"}},
		{"title", []string{"テスト項目", "テストケース", "テストケース名", "テスト内容", "テスト名", "試験項目", "試験内容", "確認項目", "確認内容", "項目", "項目名", "内容", "件名", "観点", "テスト観点", "シナリオ", "testcase", "testcasename", "test", "testname", "title", "summary", "scenario", "description", "case", "手順", "確認観点"}},
		{"planned_on", []string{"予定日", "実施予定日", "消化予定日", "テスト予定日", "試験予定日", "計画日", "plannedon", "planneddate", "plandate", "scheduled", "scheduleddate", "予定"}},
		{"executed_on", []string{"実施日", "消化日", "実行日", "テスト日", "試験日", "テスト実施日", "試験実施日", "確認日", "実績日", "実施日付", "executedon", "executiondate", "executed", "rundate", "testedon", "testdate", "dateexecuted", "lastrun"}},
		{"result", []string{"結果", "判定", "テスト結果", "試験結果", "確認結果", "合否", "判定結果", "実施結果", "ok/ng", "okng", "result", "status", "outcome", "verdict", "passfail", "ステータス", "状態"}},
		{"tester", []string{"実施者", "テスト実施者", "試験者", "テスター", "確認者", "担当", "担当者", "tester", "executedby", "testedby", "assignee", "owner"}},
		{"defect", []string{"不具合", "不具合no", "不具合番号", "不具合id", "関連不具合", "障害no", "障害番号", "バグid", "バグno", "チケット", "チケット番号", "起票番号", "defect", "defectid", "bug", "bugid", "issue", "issueid", "linkeddefect"}},
		{"day", []string{"日付", "日", "年月日", "実施日", "消化日", "date", "day"}},
		{"planned_count", []string{"予定件数", "予定数", "計画件数", "計画数", "消化予定", "消化予定件数", "予定項目数", "予定", "計画", "planned", "plan", "plannedcount", "予定累計", "累計予定", "plannedcumulative", "cumulativeplanned", "plannedtotal"}},
		{"executed_count", []string{"消化件数", "消化数", "実施件数", "実施数", "実績件数", "実績数", "消化", "実績", "executed", "actual", "executedcount", "done", "消化累計", "累計消化", "実施累計", "executedcumulative", "cumulativeexecuted", "executedtotal"}},
		{"passed_count", []string{"ok件数", "ok数", "合格件数", "合格数", "ok", "passed", "pass", "passedcount", "ok累計", "passedcumulative", "cumulativepassed", "passedtotal"}},
		{"failed_count", []string{"ng件数", "ng数", "不合格件数", "不合格数", "ng", "failed", "fail", "failedcount", "ng累計", "不具合件数", "failedcumulative", "cumulativefailed", "failedtotal"}},
	},
}

// weakWords identify a field only by position in the table: a bare "No"
// is often just a row counter, so a column saying タスクID or WBS wins.
var weakWords = map[string]float64{"no": 0.8, "no.": 0.8, "#": 0.75, "番号": 0.8, "項番": 0.75, "管理番号": 0.85, "id": 0.9}

type fieldWord struct {
	field string
	words []string
}

// multiFields may take several columns: a name split over 大項目/中項目/小項目
// columns, or people over 担当者1…担当者N.
var multiFields = map[string]bool{"name": true, "assignee": true, "owner": true, "notes": true}

// contains reports whether key contains any of subs.
func containsAny(key string, subs ...string) bool {
	for _, s := range subs {
		if strings.Contains(key, s) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// dateConcepts reads the plan/actual and start/finish words out of a header.
type concepts struct {
	plan, actual, start, finish, effort bool
}

func conceptsOf(key string) concepts {
	var c concepts
	c.plan = containsAny(key, "予定", "計画", "plan", "目標", "見積", "baseline", "予")
	c.actual = containsAny(key, "実績", "実際", "actual", "実施", "実開始", "実完了", "実終了", "着工")
	c.start = containsAny(key, "開始", "start", "begin", "着手", "始", "着工", "from")
	c.finish = containsAny(key, "終了", "完了", "finish", "end", "終", "締切", "to", "最終日")
	c.effort = containsAny(key, "工数", "effort", "work", "人日", "人月", "duration", "期間", "稼働", "時間", "見積")
	return c
}

// wbsConceptScore maps combinations like 予定+開始日 or 実績+工数 to fields,
// which a word list alone cannot do for every order and spelling.
func wbsConceptScore(field, key string, c concepts) float64 {
	switch field {
	case "planned_start":
		if c.start && !c.actual && !c.effort && !c.finish {
			if c.plan {
				return 0.95
			}
			return 0.85
		}
	case "actual_start":
		if c.start && c.actual && !c.effort && !c.finish {
			return 0.95
		}
	case "planned_finish":
		if c.finish && !c.actual && !c.effort && !c.start {
			if c.plan {
				return 0.95
			}
			if containsAny(key, "完了日", "最終日") {
				return 0.6 // a bare 完了日 is more often the actual date
			}
			return 0.85
		}
	case "actual_finish":
		if c.finish && !c.effort && !c.start {
			if c.actual {
				return 0.95
			}
			if !c.plan && containsAny(key, "完了日", "最終日") {
				return 0.8
			}
		}
	case "planned_effort":
		if c.effort && !c.actual {
			return 0.9
		}
	case "actual_effort":
		if c.effort && c.actual {
			return 0.95
		}
	}
	return 0
}

// numberedLevel reports whether a header is a numbered level: レベル1,
// Level 2, Lv3, 階層1.
func numberedLevel(key string) bool {
	base := strings.TrimRight(key, "0123456789")
	if base == key {
		return false
	}
	switch base {
	case "レベル", "level", "lv", "lv.", "階層":
		return true
	}
	return false
}

// fieldsOf returns the fields of kind in vocabulary order; the slice is
// shared, not to be changed.
func fieldsOf(kind project.Kind) []string {
	if kv := vocab.kinds[kind]; kv != nil {
		return kv.fields
	}
	return nil
}

// vocabFields lists the fields of kind in vocabulary order: the fields of
// its words, and for a schedule the date fields, which are scored by
// their concepts (wbsConceptScore).
func vocabFields(kind project.Kind) []string {
	ws := fieldWords[kind]
	out := make([]string, 0, len(ws)+6)
	for _, fw := range ws {
		out = append(out, fw.field)
		if fw.field == "assignee" {
			out = append(out, "planned_start", "planned_finish", "actual_start", "actual_finish")
		}
	}
	return out
}
