package report

// meetingLabels are the words of the meeting follow-up and quality
// sections: action items, the decision log, test progress and defects.
func meetingLabels(lang string) Labels {
	if lang == "en" {
		return Labels{
			"section.actions": "Actions from last meeting", "sheet.actions": "Actions", "sheet.decisions": "Decision log",
			"sheet.tests": "Test progress", "sheet.defects": "Defects",
			"none.actions": "no action list", "actions.summary": "open {open} · overdue {overdue} · carried over {carried}+ meetings {co}",
			"col.action": "Action", "col.meeting": "Meeting", "col.raised": "Raised", "col.meetings": "Meetings carried", "col.a_closed_on": "Closed",
			"col.dkind": "Kind", "col.decision": "Decision / escalation", "col.decision_status": "State", "col.decided_on": "Decided on", "col.dage": "Age (days)",
			"kind.decision": "Decision", "kind.escalation": "Escalation",
			"dstatus.pending": "pending", "dstatus.decided": "decided", "dstatus.withdrawn": "withdrawn",
			"age.days": "{n} days", "age.overdue": "overdue",
			"dim.tests": "Tests", "section.tests": "Test progress (planned / executed / passed, cumulative)",
			"section.defects":  "Defect convergence (found / fixed, cumulative)",
			"series.t_planned": "Planned", "series.t_executed": "Executed", "series.t_passed": "Passed",
			"series.found": "Found", "series.fixed": "Fixed",
			"col.day": "Date", "col.t_planned": "Planned (cum.)", "col.t_executed": "Executed (cum.)", "col.t_passed": "Passed (cum.)",
			"col.week_end": "Week ending", "col.found": "Found", "col.fixed": "Fixed", "col.found_total": "Found (cum.)", "col.fixed_total": "Fixed (cum.)",
			"tests.summary":   "planned {p} · executed {e} · passed {ok} · failed {ng} · blocked {bl} (to date)",
			"defects.summary": "defects {total} · open {open}", "defects.by_severity": "Open by severity",
			"defects.converging":     "Converging: found per week falling and fixed ≥ found in each of the last {n} weeks",
			"defects.not_converging": "Not converging yet", "defects.too_short": "Fewer than {n} weeks of defects: convergence not judged",
			"defects.found_falling": "found falling", "defects.fixed_keeps_up": "fixed ≥ found",
			"title.meeting": "Weekly meeting pack", "meeting.status": "Status per project", "meeting.new_actions": "New actions",
			"meeting.overdue_actions": "Overdue actions", "meeting.pending": "Pending decisions and escalations", "meeting.changes": "Changes since last meeting",
			"meeting.project": "Project", "meeting.rag": "RAG", "meeting.line": "Status",
			"meeting.closed_actions": "actions closed", "meeting.decided": "decisions made",
			"col.test_id": "Test ID", "col.test_title": "Test case", "col.planned_on": "Planned date", "col.executed_on": "Executed on",
			"col.result": "Result", "col.tester": "Tester", "col.defect": "Defect ID",
			"result.blocked": "Blocked", "result.not_run": "Not run",
		}
	}
	return Labels{
		"section.actions": "前回からの宿題", "sheet.actions": "アクション", "sheet.decisions": "決定ログ",
		"sheet.tests": "テスト消化", "sheet.defects": "不具合",
		"none.actions": "アクション一覧なし", "actions.summary": "未完了 {open} 件・期限超過 {overdue} 件・{carried} 回以上持ち越し {co} 件",
		"col.action": "アクション", "col.meeting": "会議", "col.raised": "起票日", "col.meetings": "持ち越し回数", "col.a_closed_on": "完了日",
		"col.dkind": "種別", "col.decision": "決定事項・エスカレーション", "col.decision_status": "状態", "col.decided_on": "決定日", "col.dage": "経過日数",
		"kind.decision": "意思決定", "kind.escalation": "エスカレーション",
		"dstatus.pending": "未決", "dstatus.decided": "決定", "dstatus.withdrawn": "取り下げ",
		"age.days": "{n}日経過", "age.overdue": "期限超過",
		"dim.tests": "テスト", "section.tests": "テスト消化曲線（予定・消化・合格の累計）",
		"section.defects":  "不具合収束曲線（検出・修正の累計）",
		"series.t_planned": "予定", "series.t_executed": "消化", "series.t_passed": "合格",
		"series.found": "検出", "series.fixed": "修正",
		"col.day": "日付", "col.t_planned": "予定累計", "col.t_executed": "消化累計", "col.t_passed": "合格累計",
		"col.week_end": "週末日", "col.found": "検出", "col.fixed": "修正", "col.found_total": "検出累計", "col.fixed_total": "修正累計",
		"tests.summary":   "予定 {p}・消化 {e}・合格 {ok}・NG {ng}・保留 {bl}（基準日まで）",
		"defects.summary": "不具合 {total} 件・未完了 {open} 件", "defects.by_severity": "重要度別の未完了",
		"defects.converging":     "収束傾向：直近 {n} 週、週ごとの検出数が減少し、修正数が検出数以上",
		"defects.not_converging": "まだ収束していません", "defects.too_short": "不具合の記録が {n} 週未満のため収束は判定しません",
		"defects.found_falling": "検出数の減少", "defects.fixed_keeps_up": "修正数 ≥ 検出数",
		"title.meeting": "定例会議資料", "meeting.status": "案件別の状況", "meeting.new_actions": "新規アクション",
		"meeting.overdue_actions": "期限超過のアクション", "meeting.pending": "未決の意思決定・エスカレーション", "meeting.changes": "前回からの変化",
		"meeting.project": "案件", "meeting.rag": "評価", "meeting.line": "状況",
		"meeting.closed_actions": "完了アクション", "meeting.decided": "決定した事項",
		"col.test_id": "テストID", "col.test_title": "テスト項目", "col.planned_on": "実施予定日", "col.executed_on": "実施日",
		"col.result": "結果", "col.tester": "実施者", "col.defect": "不具合No",
		"result.blocked": "保留", "result.not_run": "未実施",
	}
}
