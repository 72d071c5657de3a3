package scaffold

import (
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
)

// actionSheet is the blank アクション sheet: the 定例's action items with
// the meeting each came from, one example raised on the status date.
func (p *plan) actionSheet(d *report.Document, itemStatus []string) blank {
	w := p.w
	return blank{
		name: w.Sheets[3], cols: actionColumns(d), freeze: "title",
		lists: map[string][]string{"status": itemStatus},
		rows: []map[string]any{{
			"id": "1", "title": w.Action, "owner": w.Members[0], "due": p.within(p.cal.AddWorkdays(p.AsOf, 5)),
			"status": d.ItemStatus(project.Open), "raised_on": p.AsOf, "meeting": w.Meeting, "notes": w.Example,
		}},
	}
}

// actionColumns are the standard action-item columns, as the reader maps
// them back.
func actionColumns(d *report.Document) []report.Column {
	return []report.Column{
		{Key: "id", Label: d.L.Get("col.id"), Kind: report.Text},
		{Key: "title", Label: d.L.Get("col.action"), Kind: report.Text},
		{Key: "owner", Label: d.L.Get("col.owner"), Kind: report.Text},
		{Key: "due", Label: d.L.Get("col.due"), Kind: report.Date},
		{Key: "status", Label: d.L.Get("col.status"), Kind: report.Text},
		{Key: "raised_on", Label: d.L.Get("col.raised_on"), Kind: report.Date},
		{Key: "meeting", Label: d.L.Get("col.meeting"), Kind: report.Text},
		{Key: "closed_on", Label: d.L.Get("col.closed_on"), Kind: report.Date},
		{Key: "notes", Label: d.L.Get("col.notes"), Kind: report.Text},
	}
}

// testSheet is the blank テスト仕様書: one row per test case with its
// planned and executed dates and result, one example planned for the
// status date.
func (p *plan) testSheet(d *report.Document) blank {
	w := p.w
	results := []string{"OK", "NG", d.L.Get("result.blocked"), d.L.Get("result.not_run")}
	return blank{
		name: w.Sheets[4], cols: testColumns(d), freeze: "title",
		lists: map[string][]string{"result": results},
		rows: []map[string]any{{
			"id": "T-001", "title": w.Test, "planned_on": p.within(p.cal.AddWorkdays(p.AsOf, 5)),
			"result": d.L.Get("result.not_run"), "tester": w.Members[1],
		}},
	}
}

// testColumns are the standard test-case columns.
func testColumns(d *report.Document) []report.Column {
	return []report.Column{
		{Key: "id", Label: d.L.Get("col.test_id"), Kind: report.Text},
		{Key: "title", Label: d.L.Get("col.test_title"), Kind: report.Text},
		{Key: "planned_on", Label: d.L.Get("col.planned_on"), Kind: report.Date},
		{Key: "executed_on", Label: d.L.Get("col.executed_on"), Kind: report.Date},
		{Key: "result", Label: d.L.Get("col.result"), Kind: report.Text},
		{Key: "tester", Label: d.L.Get("col.tester"), Kind: report.Text},
		{Key: "defect", Label: d.L.Get("col.defect"), Kind: report.Text},
	}
}
