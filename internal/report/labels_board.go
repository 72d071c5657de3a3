package report

// boardLabels are the words of the portfolio's own pages (steering page,
// people across projects, trend, data quality, groups), kept beside the
// main catalogue so each stays readable.
func boardLabels(lang string) Labels {
	if lang == "en" {
		return Labels{
			"board.title": "Steering committee overview", "board.before": "last run", "board.quadrant": "SPI × CPI (bubble size = BAC)",
			"board.q.late_over": "Late, over cost", "board.q.late_under": "Late, under cost", "board.q.ahead_over": "Ahead, over cost", "board.q.ahead_under": "Ahead, under cost",
			"board.not_plotted": "Not plotted (no SPI or CPI)", "board.changes": "Change since the last run (worst movers first)",
			"board.col.move": "Move", "board.col.rag": "RAG last → now", "board.col.spi": "SPI last → now", "board.col.dspi": "ΔSPI",
			"board.first_run": "new", "board.no_history": "No earlier run in the history yet: changes show from the next run.",
			"board.milestones": "Milestones due by %s (open, missed included)", "board.no_milestones": "No open milestone is due in this period.",
			"board.items": "Decisions needed, escalations and overdue actions, all projects", "board.col.kind": "Kind", "board.col.project": "Project",
			"board.col.text": "What is asked", "board.col.age": "Age (days)", "board.decision": "Decision", "board.escalation": "Escalation",
			"board.no_items": "No project asks for a decision or escalates.", "board.more": "+%d more",
			"board.people": "People across projects (remaining person-days per week)", "sheet.people": "People",
			"board.col.person": "Person", "board.col.company": "Company", "board.col.capacity": "Capacity/wk", "board.col.peak": "Peak",
			"board.people_note": "Each person's remaining work of every project, summed per ISO week (Monday dates); red: above capacity. The rows under a person are each project's share.",
			"board.no_people":   "No project plans work with assignees in the coming weeks.", "board.over_findings": "Over-allocated across projects",
			"board.trend": "Portfolio trend (RAG and SPI of the last %d runs)", "sheet.board_trend": "Portfolio trend",
			"board.quality": "Data quality by team (worst first)", "sheet.quality": "Data quality",
			"board.col.team": "Team", "board.col.sources": "Sources", "board.col.unread": "Unreadable", "board.col.records": "Records",
			"board.col.findings": "Findings", "board.col.per100": "per 100 records", "board.col.unmapped": "Unmapped columns",
			"board.col.overrides": "Mapped by hand", "board.col.stale": "Not updated", "board.no_team": "(no team)",
			"board.quality_note": "Findings are the readers' and validator's errors and warnings on each team's sheets. Not updated: the sheet did not change since the last run while work was planned.",
			"board.groups":       "By %s", "sheet.groups": "Groups", "board.group.department": "department", "board.group.program": "program", "board.group.tags": "tag",
			"board.col.group": "Group", "board.col.projects": "Projects", "board.col.bac": "BAC (pd)", "board.no_group": "(none)",
			"board.col.week": "Week of", "board.col.load": "Load", "board.failed": "failed", "board.now": "now", "sheet.board_milestones": "Milestones due", "board.milestones_soon": "Milestones due soon", "board.missing": "Not included (could not be built): %s", "board.week_from": "week of %s", "board.col.over": "Days overdue", "board.action": "Overdue action", "board.days_over": "%d days over", "board.total": "all projects", "board.portfolio_row": "(portfolio)", "sheet.items": "Decisions",
		}
	}
	return Labels{
		"board.title": "運営委員会向けサマリー", "board.before": "前回", "board.quadrant": "SPI × CPI（円の大きさ = BAC）",
		"board.q.late_over": "遅れ・コスト超過", "board.q.late_under": "遅れ・コスト内", "board.q.ahead_over": "前倒し・コスト超過", "board.q.ahead_under": "前倒し・コスト内",
		"board.not_plotted": "図にない案件（SPI・CPI 不明）", "board.changes": "前回からの変化（悪化した案件から）",
		"board.col.move": "変化", "board.col.rag": "評価 前回→今回", "board.col.spi": "SPI 前回→今回", "board.col.dspi": "SPI 増減",
		"board.first_run": "初回", "board.no_history": "履歴に前回の実行がまだありません。次回から変化を表示します。",
		"board.milestones": "%s までのマイルストーン（未完了。期限超過を含む）", "board.no_milestones": "この期間に期限を迎える未完了のマイルストーンはありません。",
		"board.items": "判断が必要な事項・エスカレーション・期限超過アクション（全案件）", "board.col.kind": "種別", "board.col.project": "案件",
		"board.col.text": "内容", "board.col.age": "経過日数", "board.decision": "判断依頼", "board.escalation": "エスカレーション",
		"board.no_items": "判断依頼・エスカレーションのある案件はありません。", "board.more": "ほか %d 件",
		"board.people": "案件横断の要員負荷（週ごとの残工数・人日）", "sheet.people": "要員",
		"board.col.person": "要員", "board.col.company": "所属", "board.col.capacity": "週容量", "board.col.peak": "最大負荷率",
		"board.people_note": "全案件の未完了タスクの残工数を要員ごと・ISO 週（月曜日付）ごとに合計。赤は容量超過。要員の下の行は案件ごとの内訳。",
		"board.no_people":   "今後の週に担当者付きの作業を予定している案件はありません。", "board.over_findings": "複数案件での容量超過",
		"board.trend": "ポートフォリオ推移（直近 %d 回の評価と SPI）", "sheet.board_trend": "推移一覧",
		"board.quality": "チーム別データ品質（悪い順）", "sheet.quality": "データ品質",
		"board.col.team": "チーム", "board.col.sources": "ソース数", "board.col.unread": "読めない", "board.col.records": "件数",
		"board.col.findings": "指摘", "board.col.per100": "100件あたり", "board.col.unmapped": "未対応の列",
		"board.col.overrides": "手動対応付け", "board.col.stale": "未更新", "board.no_team": "（チーム指定なし）",
		"board.quality_note": "指摘は各チームのシートに対する読み取り・検証のエラーと警告。未更新は、作業が予定されているのに前回から変わっていないシート。",
		"board.groups":       "%s別", "sheet.groups": "グループ別", "board.group.department": "部門", "board.group.program": "プログラム", "board.group.tags": "タグ",
		"board.col.group": "グループ", "board.col.projects": "案件数", "board.col.bac": "BAC（人日）", "board.no_group": "（未設定）",
		"board.col.week": "週", "board.col.load": "負荷", "board.failed": "失敗", "board.now": "今回", "sheet.board_milestones": "期限の近いMS", "board.milestones_soon": "期限の近いマイルストーン", "board.missing": "集計に含まれない案件（作成できなかった案件）: %s", "board.week_from": "%s〜", "board.col.over": "超過日数", "board.action": "期限超過アクション", "board.days_over": "%d日超過", "board.total": "全案件計", "board.portfolio_row": "（ポートフォリオ）", "sheet.items": "判断事項",
	}
}
