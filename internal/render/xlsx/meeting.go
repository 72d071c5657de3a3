package xlsx

import (
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/report"
)

// followUp writes the meeting follow-up and quality sheets, each only when
// the project has what it shows: アクション (the open actions, then the
// closed ones), 決定ログ (the decisions and escalations
// that are decided or withdrawn, and the pending ones with their age),
// テスト消化 and 不具合.
func (b *book) followUp() {
	if b.a.Actions.HasSource {
		b.actionsSheet()
	}
	if slices.ContainsFunc(b.a.Decisions, isRecord) {
		b.decisionsSheet()
	}
	if b.a.Tests != nil {
		b.testsSheet()
	}
	if b.a.Defects != nil {
		b.defectsSheet()
	}
}

// isRecord reports whether a decision was written as a record: the log is
// for those; a project that lists plain texts keeps them on the summary.
func isRecord(d analyze.DecisionState) bool {
	return d.Status != "pending" || !d.RaisedOn.IsZero() || !d.Due.IsZero() || d.Owner != ""
}

// newSheet adds a sheet named by a label key, after the others.
func (b *book) newSheet(key string) string {
	name := b.label(key)
	if b.err == nil {
		_, err := b.f.NewSheet(name)
		b.fail(err)
	}
	return name
}

func (b *book) actionsSheet() {
	st := b.a.Actions
	rows := append(append([]analyze.ActionRef{}, st.Items...), st.Done...)
	sheet := b.newSheet("sheet.actions")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.actions"),
		cols: []column{b.col1("id", report.Text), b.col1("action", report.Text), b.col1("owner", report.Text),
			b.col1("due", report.Date), b.col1("status", report.Text), b.col1("raised", report.Date),
			b.col1("meeting", report.Text), b.col1("meetings", report.Integer), b.col1("days_overdue", report.Integer),
			b.col1("a_closed_on", report.Date), b.col1("source", report.Text)},
		n:     len(rows),
		empty: "none",
		value: func(i int, key string) report.Value {
			a := &rows[i]
			switch key {
			case "id":
				return txt(a.ID)
			case "action":
				return txt(a.Title)
			case "owner":
				return txt(strings.Join(a.Owner, "・"))
			case "due":
				return day(a.Due)
			case "status":
				return txt(a.Status)
			case "raised":
				return day(a.Raised)
			case "meeting":
				return txt(a.Meeting)
			case "meetings":
				if a.Meetings == nil {
					return report.Value{Empty: true}
				}
				return number(float64(*a.Meetings))
			case "days_overdue":
				if !a.Overdue {
					return report.Value{Empty: true}
				}
				return number(float64(a.DaysOverdue))
			case "a_closed_on":
				return day(a.ClosedOn)
			case "source":
				return txt(a.Source.String())
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			a := &rows[i]
			switch {
			case key == "due" && a.Overdue:
				fill, color := levelTint(analyze.Red)
				return look{fill: fill, color: color, bold: true, numFmt: fmtDate, hAlign: "center", grid: true}, true
			case key == "meetings" && a.Meetings != nil && *a.Meetings >= analyze.CarriedOverMeetings:
				fill, color := levelTint(analyze.Amber)
				return look{fill: fill, color: color, bold: true, numFmt: fmtInt, grid: true}, true
			}
			return look{}, false
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, 3, false)
}

func (b *book) decisionsSheet() {
	ds := b.a.Decisions
	sheet := b.newSheet("sheet.decisions")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.decisions"),
		cols: []column{b.col1("dkind", report.Text), b.col1("decision", report.Text), b.col1("decision_status", report.Text),
			b.col1("owner", report.Text), b.col1("raised", report.Date), b.col1("due", report.Date),
			b.col1("decided_on", report.Date), b.col1("dage", report.Integer)},
		n: len(ds),
		value: func(i int, key string) report.Value {
			d := &ds[i]
			switch key {
			case "dkind":
				return txt(b.label("kind." + d.Kind))
			case "decision":
				return txt(d.Text)
			case "decision_status":
				return txt(b.d.DecisionStatus(d.Status))
			case "owner":
				return txt(d.Owner)
			case "raised":
				return day(d.RaisedOn)
			case "due":
				return day(d.Due)
			case "decided_on":
				return day(d.DecidedOn)
			case "dage":
				if d.AgeDays == nil {
					return report.Value{Empty: true}
				}
				return number(float64(*d.AgeDays))
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			d := &ds[i]
			if key == "decision_status" && d.Status == "pending" {
				fill, color := levelTint(analyze.Amber)
				return look{fill: fill, color: color, bold: true, hAlign: "center", grid: true}, true
			}
			if key == "due" && d.Overdue {
				fill, color := levelTint(analyze.Red)
				return look{fill: fill, color: color, bold: true, numFmt: fmtDate, hAlign: "center", grid: true}, true
			}
			return look{}, false
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, 3, false)
}
