package cli

import (
	"fmt"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// followUpRows are the status lines of the action items, tests and
// defects, each only when the project has such a source.
func followUpRows(r *analyze.Result, lang string) [][]string {
	l := map[string]string{"actions": "アクション", "open": "未完了", "overdue": "期限超過", "carried": "持ち越し", "noowner": "担当者なし",
		"tests": "テスト", "planned": "予定", "executed": "消化", "passed": "合格", "failed": "NG",
		"defects": "不具合", "found": "検出", "closed": "完了", "converging": "収束傾向", "notyet": "未収束", "short": "収束判定なし"}
	if lang == "en" {
		l = map[string]string{"actions": "Actions", "open": "open", "overdue": "overdue", "carried": "carried over", "noowner": "no owner",
			"tests": "Tests", "planned": "planned", "executed": "executed", "passed": "passed", "failed": "failed",
			"defects": "Defects", "found": "found", "closed": "closed", "converging": "converging", "notyet": "not converging", "short": "too few weeks to judge"}
	}
	var rows [][]string
	if a := r.Actions; a.HasSource {
		rows = append(rows, []string{l["actions"], fmt.Sprintf("%s %d", l["open"], a.Open),
			fmt.Sprintf("%s %d  %s %d", l["overdue"], a.Overdue, l["carried"], a.CarriedOver), fmt.Sprintf("%s %d", l["noowner"], a.NoOwner)})
	}
	if t := r.Tests; t != nil {
		pct := "-"
		if t.Progress != nil {
			pct = fmt.Sprintf("%.0f%%", *t.Progress*100)
		}
		rows = append(rows, []string{l["tests"], fmt.Sprintf("%s %g  %s %g (%s)", l["planned"], t.Planned, l["executed"], t.Executed, pct),
			fmt.Sprintf("%s %g  %s %g", l["passed"], t.Passed, l["failed"], t.Failed), ""})
	}
	if d := r.Defects; d != nil {
		verdict := l["short"]
		if d.Converging != nil {
			verdict = l["notyet"]
			if *d.Converging {
				verdict = l["converging"]
			}
		}
		rows = append(rows, []string{l["defects"], fmt.Sprintf("%s %d", l["open"], d.Open), fmt.Sprintf("%s %d  %s %d", l["found"], d.Total, l["closed"], d.Total-d.Open), verdict})
	}
	return rows
}

// followUpSample is inspect's line for record i of an action or test
// table.
func followUpSample(t *sheet.Table, i int) []string {
	switch {
	case t.Kind == project.KindActions:
		a := t.Actions[i]
		return []string{a.Source.String(), a.ID, clip(a.Title, 36), status(a.Status.String(), a.StatusRaw), strings.Join(a.Owner, "・"), a.Due.String(), a.Meeting}
	case len(t.TestDays) > 0:
		d := t.TestDays[i]
		return []string{d.Source.String(), d.Day.String(), "予定 " + num(d.Planned), "消化 " + num(d.Executed), "OK " + num(d.Passed), "NG " + num(d.Failed)}
	}
	c := t.Tests[i]
	return []string{c.Source.String(), c.ID, clip(c.Title, 36), c.PlannedOn.String(), c.ExecutedOn.String(), status(string(c.Result), c.ResultRaw), strings.Join(c.Tester, "・"), c.Defect}
}
