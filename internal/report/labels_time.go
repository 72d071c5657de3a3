package report

// timeLabels are the words of the history, forecast and trend sections,
// kept beside the main catalogue so each stays readable.
func timeLabels(lang string) Labels {
	if lang == "en" {
		return Labels{
			"section.trends": "Trends and forecast", "section.time": "Re-planning and forecast",
			"chart.indices": "SPI / CPI / SPI(t) by run", "chart.issue_trend": "Issues raised and closed per week",
			"series.spi": "SPI", "series.cpi": "CPI", "series.spit": "SPI(t)", "series.raised": "Raised", "series.closed": "Closed", "series.open": "Open",
			"time.forecast": "Forecast finish", "time.planned_end": "planned", "time.wd": "working days",
			"time.replanned": "Re-planned", "time.tasks": "tasks", "time.max": "largest",
			"time.stale": "Possibly not updated", "time.runs": "runs unchanged",
			"time.backwards": "Progress went back", "time.vanished": "Tasks gone", "time.bac": "BAC",
			"time.baseline": "Against baseline", "time.none": "No earlier run recorded yet: trends start with the next run.",
			"time.issue_dates": "From the issues' raised and closed dates", "time.issue_runs": "From the recorded runs",
			"time.undated": "issues without dates not shown",
			"fc.item":      "Figure", "fc.value": "Value", "fc.meaning": "Meaning",
			"fc.sv": "SV = EV − PV (pd)", "fc.cv": "CV = EV − AC (pd)", "fc.etc": "ETC = (BAC − EV) ÷ CPI (pd)", "fc.eac": "EAC = AC + ETC (pd)",
			"fc.vac": "VAC = BAC − EAC (pd)", "fc.tcpi": "TCPI = (BAC − EV) ÷ (BAC − AC)", "fc.es": "ES, earned schedule (wd)",
			"fc.at": "AT, actual time (wd)", "fc.pd": "PD, planned duration (wd)", "fc.spit": "SPI(t) = ES ÷ AT", "fc.svt": "SV(t) = ES − AT (wd)",
			"fc.ieact": "IEAC(t) = PD ÷ SPI(t) (wd)", "fc.finish": "Forecast finish", "fc.money": "in money",
			"col.moved_from": "Was", "col.moved_to": "Now", "col.shift": "Shift (wd)", "col.task": "Task",
			"sheet.trend": "Trends", "trend.run": "Run", "section.forecast": "Forecast (EVM and Earned Schedule)", "time.first_run": "first run", "time.replanned_short": "replanned", "time.stale_short": "stale", "time.source_baseline": "the source's saved baseline",
		}
	}
	return Labels{
		"section.trends": "推移と予測", "section.time": "計画変更と予測",
		"chart.indices": "SPI・CPI・SPI(t) の推移", "chart.issue_trend": "課題推移（週ごとの起票・完了と未完了数）",
		"series.spi": "SPI", "series.cpi": "CPI", "series.spit": "SPI(t)", "series.raised": "起票", "series.closed": "完了", "series.open": "未完了",
		"time.forecast": "予測完了日", "time.planned_end": "計画", "time.wd": "営業日",
		"time.replanned": "計画変更", "time.tasks": "件", "time.max": "最大",
		"time.stale": "未更新の可能性", "time.runs": "回連続で変化なし",
		"time.backwards": "進捗の後退", "time.vanished": "消えたタスク", "time.bac": "BAC",
		"time.baseline": "ベースライン比", "time.none": "過去の実行がまだ記録されていません。推移は次回の実行から表示されます。",
		"time.issue_dates": "課題の起票日・完了日から", "time.issue_runs": "記録された実行から",
		"time.undated": "件は日付がないため表示していません",
		"fc.item":      "指標", "fc.value": "値", "fc.meaning": "意味",
		"fc.sv": "SV = EV − PV（人日）", "fc.cv": "CV = EV − AC（人日）", "fc.etc": "ETC = (BAC − EV) ÷ CPI（人日）", "fc.eac": "EAC = AC + ETC（人日）",
		"fc.vac": "VAC = BAC − EAC（人日）", "fc.tcpi": "TCPI = (BAC − EV) ÷ (BAC − AC)", "fc.es": "ES 出来高スケジュール（営業日）",
		"fc.at": "AT 経過（営業日）", "fc.pd": "PD 計画期間（営業日）", "fc.spit": "SPI(t) = ES ÷ AT", "fc.svt": "SV(t) = ES − AT（営業日）",
		"fc.ieact": "IEAC(t) = PD ÷ SPI(t)（営業日）", "fc.finish": "予測完了日", "fc.money": "金額",
		"col.moved_from": "変更前", "col.moved_to": "変更後", "col.shift": "差（営業日）", "col.task": "タスク",
		"sheet.trend": "推移", "trend.run": "実行", "section.forecast": "予測（EVM・Earned Schedule）", "time.first_run": "初回", "time.replanned_short": "計画変更", "time.stale_short": "未更新", "time.source_baseline": "ソースの基準計画（MS Project 等）",
	}
}
