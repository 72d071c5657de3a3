package report

// Labels are the words of generated documents in one language. Column
// headers of the tracker are also what pmo's reader maps back to fields,
// so a tracker read again gives the same records.
type Labels map[string]string

// Get returns the label for key, or key itself so a missing label shows
// instead of an empty cell.
func (l Labels) Get(key string) string {
	if v, ok := l[key]; ok {
		return v
	}
	return key
}

// LabelsFor returns the catalogue for "ja" (the default) or "en".
func LabelsFor(lang string) Labels {
	l := japanese()
	if lang == "en" {
		l = english()
	}
	for k, v := range timeLabels(lang) {
		l[k] = v
	}
	for k, v := range meetingLabels(lang) {
		l[k] = v
	}
	for k, v := range boardLabels(lang) {
		l[k] = v
	}
	return l
}

func japanese() Labels {
	return Labels{
		// sheets and sections
		"sheet.summary": "概要", "sheet.wbs": "WBS", "sheet.issues": "課題", "sheet.risks": "リスク",
		"sheet.milestones": "マイルストーン", "sheet.workload": "負荷", "sheet.findings": "指摘", "sheet.changes": "変更",
		"title.report": "プロジェクト状況報告", "title.tracker": "プロジェクト管理表",
		// project facts
		"project.id": "案件ID", "project.name": "案件名", "project.pm": "PM", "project.sponsor": "スポンサー",
		"project.period": "期間", "project.status_date": "基準日", "project.budget": "予算",
		// RAG
		"rag.overall": "総合評価", "rag.green": "緑", "rag.amber": "黄", "rag.red": "赤", "rag.unknown": "判定不能",
		"none.issues": "課題管理表なし", "not_provided": "未提供",
		"money.title": "予算・着地見込", "money.budget": "予算", "money.bac": "計画総額 (BAC)", "money.ev": "出来高 (EV)", "money.ac": "実績 (AC)", "money.eac": "着地見込 (EAC)", "money.vac": "差異見込 (VAC)", "none.risks": "リスク台帳なし",
		"quality.title": "データ品質", "quality.scheduled": "予定日あり", "quality.progress": "進捗あり", "quality.worst": "要確認",
		"quality.unreadable": "読めないソース", "quality.sources": "ソース別の読み取り状況", "quality.missing": "未対応の必須項目",
		"quality.unmapped": "未対応の列", "quality.records": "件数", "quality.usable": "利用可",
		"dim.schedule": "スケジュール", "dim.milestones": "マイルストーン", "dim.issues": "課題", "dim.cost": "コスト", "dim.risks": "リスク",
		// KPIs
		"kpi.planned": "計画進捗", "kpi.actual": "実績進捗", "kpi.spi": "SPI", "kpi.cpi": "CPI",
		"kpi.late": "遅延タスク", "kpi.behind": "遅れ気味タスク", "kpi.open_issues": "未完了課題", "kpi.overdue_issues": "期限超過課題",
		"kpi.high_risks": "高リスク", "kpi.next_milestone": "次のマイルストーン", "kpi.days_left": "残り日数",
		"kpi.bac": "BAC", "kpi.pv": "PV", "kpi.ev": "EV", "kpi.ac": "AC",
		"comment": "PM コメント", "decisions": "意思決定事項", "escalations": "エスカレーション",
		// task columns (must map back to fields when read)
		"col.wbs_id": "WBS番号", "col.level": "レベル", "col.name": "タスク名", "col.team": "チーム", "col.assignee": "担当者",
		"col.planned_start": "予定開始日", "col.planned_finish": "予定終了日", "col.actual_start": "実績開始日", "col.actual_finish": "実績終了日",
		"col.planned_effort": "予定工数", "col.actual_effort": "実績工数", "col.progress": "進捗率", "col.status": "ステータス",
		"col.milestone": "マイルストーン", "col.predecessors": "先行タスク", "col.deliverable": "成果物", "col.notes": "備考",
		"col.planned_pct": "計画進捗率", "col.days_late": "遅延日数", "col.source": "出典",
		// issue and risk columns
		"col.id": "管理番号", "col.title": "件名", "col.description": "詳細", "col.category": "分類", "col.priority": "優先度",
		"col.raised_on": "起票日", "col.raised_by": "起票者", "col.owner": "担当者", "col.due": "期限", "col.closed_on": "完了日",
		"col.resolution": "対応内容", "col.related_task": "関連タスク", "col.age": "経過日数", "col.overdue": "期限超過",
		"col.probability": "発生確率", "col.impact": "影響度", "col.score": "スコア", "col.mitigation": "対応策",
		// milestones, workload, findings, changes
		"col.date": "日付", "col.ms_status": "状況", "col.days_left": "残り日数", "col.person": "担当者", "col.week": "週",
		"col.severity": "重要度", "col.rule": "ルール", "col.position": "位置", "col.message": "内容",
		"col.item": "項目", "col.before": "前回", "col.after": "今回",
		// values
		"status.not_started": "未着手", "status.in_progress": "進行中", "status.done": "完了", "status.on_hold": "保留", "status.cancelled": "中止",
		"istatus.open": "未対応", "istatus.in_progress": "対応中", "istatus.resolved": "解決済", "istatus.closed": "完了", "istatus.on_hold": "保留",
		"priority.high": "高", "priority.medium": "中", "priority.low": "低",
		"ms.done": "完了", "ms.on_track": "順調", "ms.at_risk": "要注意", "ms.missed": "未達",
		"severity.error": "エラー", "severity.warning": "警告", "severity.info": "情報",
		"yes": "○", "no": "",
		// charts
		"chart.scurve": "進捗推移（計画・実績）", "chart.issues": "課題（優先度×状況）", "chart.teams": "チーム別タスク状況",
		"chart.heatmap": "リスク ヒートマップ（発生確率×影響度）", "chart.gantt": "フェーズ別ガント（イナズマ線）",
		"series.planned": "計画", "series.actual": "実績",
		// sections of the PDF
		"section.late": "遅延・遅れ気味のタスク", "section.top_issues": "主要課題", "section.top_risks": "主要リスク",
		"section.changes": "前回からの変化", "section.workload": "担当者別の残作業（人日／週）", "section.milestones": "マイルストーン",
		"none": "なし", "page": "ページ", "person_days": "人日",
		"change.progress": "実績進捗", "change.spi": "SPI", "change.new_issues": "新規課題", "change.closed_issues": "完了課題",
		"change.newly_late": "新たに遅延したタスク", "change.milestone_moved": "マイルストーン日付変更", "change.rag": "総合評価",
		// PDF report
		"rag.by_dimension": "観点別の評価", "section.high_issues": "優先度「高」・期限超過の課題",
		"changes.none": "前回の報告はありません", "changes.since": "前回報告", "change.no_longer_late": "遅延が解消したタスク",
		"kind.late": "遅延", "kind.behind": "遅れ気味", "col.kind": "区分", "col.days_overdue": "超過日数", "col.reason": "理由",
		"more_rows": "ほか {n} 件（管理表を参照）", "legend.progress": "進捗", "legend.progress_line": "イナズマ線",
		"legend.over_capacity": "容量超過", "workload.note": "未完了タスクの残工数（人日）を基準日の翌日から予定終了日までの稼働日に按分。予定終了日を過ぎたタスクの残りは基準日の週に「超過」として計上。週の容量を超えるセルを赤で示す。", "col.overdue_load": "うち期限超過", "workload.overdue": "超過",
		// tracker workbook
		"section.facts": "プロジェクト概要", "section.rag": "評価（RAG）", "section.kpi": "主要指標", "chart.data": "グラフ用データ",
		"col.ms_name":  "マイルストーン名",
		"change.since": "比較した基準日", "change.planned": "計画進捗",
		"title.portfolio": "ポートフォリオ状況一覧", "sheet.portfolio": "一覧", "sheet.all_findings": "全指摘",
		"col.project": "案件", "col.rag": "評価", "col.main_reason": "主な理由", "col.planned": "計画進捗", "col.actual": "実績進捗",
		"col.spi": "SPI", "col.cpi": "CPI", "col.late": "遅延タスク", "col.open_issues": "未完了課題", "col.overdue_issues": "期限超過課題",
		"col.high_risks": "高リスク", "col.next_milestone": "次のマイルストーン", "col.change": "前回比", "col.tracker": "管理表",
		"col.run_status": "実行結果", "run.ok": "作成", "run.reused": "再利用", "run.failed": "失敗",
		"col.ms_date": "予定日", "col.error": "エラー内容", "portfolio.projects": "案件数", "portfolio.failed": "失敗",
		// two-line headers of the portfolio PDF's narrow columns
		"head.planned": "計画\n進捗", "head.actual": "実績\n進捗", "head.late": "遅延\nタスク", "head.open_issues": "未完了\n課題",
		"head.overdue_issues": "期限超過\n課題", "head.high_risks": "高\nリスク", "head.errors": "エラー", "head.scheduled": "予定日\nあり", "col.errors": "エラー", "col.warnings": "警告", "col.scheduled": "予定日あり率", "col.check_first": "要確認ソース", "head.run_status": "実行\n結果",
	}
}

func english() Labels {
	return Labels{
		"sheet.summary": "Summary", "sheet.wbs": "WBS", "sheet.issues": "Issues", "sheet.risks": "Risks",
		"sheet.milestones": "Milestones", "sheet.workload": "Workload", "sheet.findings": "Findings", "sheet.changes": "Changes",
		"title.report": "Project Status Report", "title.tracker": "Project Tracker",
		"project.id": "Project ID", "project.name": "Project", "project.pm": "PM", "project.sponsor": "Sponsor",
		"project.period": "Period", "project.status_date": "Status date", "project.budget": "Budget",
		"rag.overall": "Overall", "rag.green": "Green", "rag.amber": "Amber", "rag.red": "Red", "rag.unknown": "Unknown",
		"none.issues": "no issue list", "not_provided": "n/a",
		"money.title": "Budget and forecast", "money.budget": "Budget", "money.bac": "BAC", "money.ev": "EV", "money.ac": "AC", "money.eac": "EAC", "money.vac": "VAC", "none.risks": "no risk register",
		"quality.title": "Data quality", "quality.scheduled": "Scheduled", "quality.progress": "With progress", "quality.worst": "Check first",
		"quality.unreadable": "Unreadable source", "quality.sources": "What was read, per source", "quality.missing": "Required fields not found",
		"quality.unmapped": "Unmapped columns", "quality.records": "Records", "quality.usable": "Usable",
		"dim.schedule": "Schedule", "dim.milestones": "Milestones", "dim.issues": "Issues", "dim.cost": "Cost", "dim.risks": "Risks",
		"kpi.planned": "Planned progress", "kpi.actual": "Actual progress", "kpi.spi": "SPI", "kpi.cpi": "CPI",
		"kpi.late": "Late tasks", "kpi.behind": "Behind tasks", "kpi.open_issues": "Open issues", "kpi.overdue_issues": "Overdue issues",
		"kpi.high_risks": "High risks", "kpi.next_milestone": "Next milestone", "kpi.days_left": "Days left",
		"kpi.bac": "BAC", "kpi.pv": "PV", "kpi.ev": "EV", "kpi.ac": "AC",
		"comment": "PM's comment", "decisions": "Decisions needed", "escalations": "Escalations",
		"col.wbs_id": "WBS ID", "col.level": "Level", "col.name": "Task Name", "col.team": "Team", "col.assignee": "Assignee",
		"col.planned_start": "Planned Start", "col.planned_finish": "Planned Finish", "col.actual_start": "Actual Start", "col.actual_finish": "Actual Finish",
		"col.planned_effort": "Planned Effort", "col.actual_effort": "Actual Effort", "col.progress": "% Complete", "col.status": "Status",
		"col.milestone": "Milestone", "col.predecessors": "Predecessors", "col.deliverable": "Deliverable", "col.notes": "Notes",
		"col.planned_pct": "Planned %", "col.days_late": "Days Late", "col.source": "Source",
		"col.id": "ID", "col.title": "Title", "col.description": "Description", "col.category": "Category", "col.priority": "Priority",
		"col.raised_on": "Date Raised", "col.raised_by": "Raised By", "col.owner": "Owner", "col.due": "Due", "col.closed_on": "Completion Date",
		"col.resolution": "Resolution", "col.related_task": "Related Task", "col.age": "Age (days)", "col.overdue": "Overdue",
		"col.probability": "Probability", "col.impact": "Impact", "col.score": "Score", "col.mitigation": "Mitigation",
		"col.date": "Date", "col.ms_status": "Status", "col.days_left": "Days Left", "col.person": "Person", "col.week": "Week",
		"col.severity": "Severity", "col.rule": "Rule", "col.position": "Position", "col.message": "Message",
		"col.item": "Item", "col.before": "Before", "col.after": "Now",
		"status.not_started": "Not started", "status.in_progress": "In progress", "status.done": "Done", "status.on_hold": "On hold", "status.cancelled": "Cancelled",
		"istatus.open": "Open", "istatus.in_progress": "In progress", "istatus.resolved": "Resolved", "istatus.closed": "Closed", "istatus.on_hold": "On hold",
		"priority.high": "High", "priority.medium": "Medium", "priority.low": "Low",
		"ms.done": "Done", "ms.on_track": "On track", "ms.at_risk": "At risk", "ms.missed": "Missed",
		"severity.error": "Error", "severity.warning": "Warning", "severity.info": "Info",
		"yes": "Yes", "no": "",
		"chart.scurve": "Progress (planned vs actual)", "chart.issues": "Issues by priority and status", "chart.teams": "Tasks by status per team",
		"chart.heatmap": "Risk heat map (probability × impact)", "chart.gantt": "Phase Gantt with progress line",
		"series.planned": "Planned", "series.actual": "Actual",
		"section.late": "Late and behind tasks", "section.top_issues": "Top issues", "section.top_risks": "Top risks",
		"section.changes": "Changes since last report", "section.workload": "Remaining work per person (person-days per week)", "section.milestones": "Milestones",
		"none": "None", "page": "Page", "person_days": "person-days",
		"change.progress": "Actual progress", "change.spi": "SPI", "change.new_issues": "New issues", "change.closed_issues": "Closed issues",
		"change.newly_late": "Newly late tasks", "change.milestone_moved": "Milestone dates moved", "change.rag": "Overall RAG",
		"rag.by_dimension": "RAG by dimension", "section.high_issues": "High-priority and overdue issues",
		"changes.none": "No previous report", "changes.since": "Previous report", "change.no_longer_late": "No longer late",
		"kind.late": "Late", "kind.behind": "Behind", "col.kind": "Type", "col.days_overdue": "Days overdue", "col.reason": "Reason",
		"more_rows": "{n} more (see the tracker)", "legend.progress": "Progress", "legend.progress_line": "Progress line",
		"legend.over_capacity": "Over capacity", "workload.note": "Remaining person-days of unfinished tasks, spread over the working days after the status date up to each planned finish; what is left of tasks past their finish counts in the status week as overdue. Red cells exceed the week's capacity.", "col.overdue_load": "of which overdue", "workload.overdue": "overdue",
		"section.facts": "Project", "section.rag": "RAG status", "section.kpi": "Key figures", "chart.data": "Chart data",
		"col.ms_name":  "Milestone",
		"change.since": "Compared with status date", "change.planned": "Planned progress",
		"title.portfolio": "Portfolio Status", "sheet.portfolio": "Portfolio", "sheet.all_findings": "All findings",
		"col.project": "Project", "col.rag": "RAG", "col.main_reason": "Main reason", "col.planned": "Planned %", "col.actual": "Actual %",
		"col.spi": "SPI", "col.cpi": "CPI", "col.late": "Late tasks", "col.open_issues": "Open issues", "col.overdue_issues": "Overdue issues",
		"col.high_risks": "High risks", "col.next_milestone": "Next milestone", "col.change": "Change", "col.tracker": "Tracker",
		"col.run_status": "Run", "run.ok": "built", "run.reused": "reused", "run.failed": "failed",
		"col.ms_date": "Milestone date", "col.error": "Error", "portfolio.projects": "Projects", "portfolio.failed": "Failed",
		"head.planned": "Planned %", "head.actual": "Actual %", "head.late": "Late tasks", "head.open_issues": "Open issues",
		"head.overdue_issues": "Overdue issues", "head.high_risks": "High risks", "head.errors": "Errors", "head.scheduled": "Sched.\n%", "col.errors": "Errors", "col.warnings": "Warnings", "col.scheduled": "Scheduled %", "col.check_first": "Check first", "head.run_status": "Run",
	}
}
