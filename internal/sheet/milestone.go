package sheet

import (
	"strings"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// A milestone band is a few rows between a Gantt sheet's header and its
// first task where the project's milestones are drawn: ◆ (◇ ▲ ★ …) marks
// in the calendar, their labels in the mark's cell, beside it or on a row
// of their own, and at most a word like マイルストーン in the table's own
// columns. Those rows are no tasks; each mark is a milestone on its day.

// maxBandRows bounds the band: real sheets draw one mark row and one label
// row, sometimes two of each.
const maxBandRows = 4

// milestoneWords name a band row in the table's own columns.
var milestoneWords = map[string]bool{
	"マイルストーン": true, "マイルストン": true, "milestone": true, "milestones": true, "ms": true,
	"節目": true, "イベント": true, "主要イベント": true, "主要マイルストーン": true, "keymilestones": true, "events": true,
}

// isMilestoneMark reports whether a text starts with a milestone symbol,
// and returns what follows it (the label written in the same cell).
func isMilestoneMark(s string) (string, bool) {
	t := strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(t)
	switch r {
	case '◆', '◇', '♦', '▲', '△', '▼', '▽', '★', '☆':
		return strings.TrimSpace(strings.Trim(strings.TrimSpace(t[n:]), "◆◇♦▲△▼▽★☆")), true
	}
	return "", false
}

// bandMark is one milestone mark found in the band.
type bandMark struct {
	row, col int
	day      date.Date
	label    string
}

// bandLabel is a text in the band's calendar cells that is not a mark.
type bandLabel struct {
	row, col int
	text     string
	used     bool
}

// milestoneBand looks for a band at the top of the table's data rows. It
// returns the band's last row (0 when there is none) and its milestones.
func (rr *rowReader) milestoneBand() (int, []project.Task) {
	if len(rr.cal) == 0 {
		return 0, nil
	}
	cal := rr.h.calendar
	g := rr.g
	rows := rr.h.dataRows(g)
	var marks []bandMark
	var labels []bandLabel
	last, names := 0, ""
	for i := 0; i < len(rows) && i < maxBandRows; i++ {
		r := &rows[i]
		var rowMarks []bandMark
		var rowLabels []bandLabel
		rowName, other := "", false
		for c := range g.cellsOf(r) {
			col := int(c.Col)
			if col >= cal.Col1 && col <= cal.Col2 {
				if c.Kind != String {
					if c.Kind != Empty {
						other = true
					}
					continue
				}
				if label, ok := isMilestoneMark(c.Str); ok {
					d := rr.calDate(col)
					if d.IsZero() {
						other = true
						continue
					}
					rowMarks = append(rowMarks, bandMark{row: r.Num, col: col, day: d, label: label})
				} else if t := value.Text(c.Str); t != "" {
					rowLabels = append(rowLabels, bandLabel{row: r.Num, col: col, text: t})
				}
				continue
			}
			if !rr.inTable(col) || c.Kind == Empty {
				continue
			}
			if c.Kind == String && milestoneWords[value.Key(c.Str)] {
				rowName = value.Text(c.Str)
				continue
			}
			if c.Kind == String {
				if _, ok := isMilestoneMark(c.Str); ok {
					continue
				}
			}
			other = true
		}
		if other || len(rowMarks) == 0 && (rowName != "" || len(rowLabels) == 0) {
			break
		}
		marks = append(marks, rowMarks...)
		labels = append(labels, rowLabels...)
		if rowName != "" && names == "" {
			names = rowName
		}
		last = r.Num
	}
	if len(marks) == 0 {
		return 0, nil
	}
	out := make([]project.Task, 0, len(marks))
	for _, m := range marks {
		name := m.label
		if name == "" {
			name = nearestLabel(labels, m.col)
		}
		if name == "" {
			name = names
		}
		if name == "" {
			name = "◆"
		}
		t := project.Task{
			Level: 1, Name: name, Milestone: true,
			PlannedStart: m.day, PlannedFinish: m.day,
			PlannedStartFrom: project.FromCalendar, PlannedFinishFrom: project.FromCalendar,
		}
		t.SetSource(rr.g.Pos(m.row, m.col)) // the mark's cell: few, so each has its own
		out = append(out, t)
	}
	first := rows[0].Num
	rr.findings.Add(diag.Info, "milestone-band", rr.g.Pos(first, cal.Col1), "rows %d–%d between the header and the first task are a milestone band: %d milestones read from its marks", rr.g.Pos(first, 0).Row, rr.g.Pos(last, 0).Row, len(out))
	return last, out
}

// nearestLabel takes, for a mark in column col, the unused label in the
// same column, else the nearest one up to two columns to its right (a
// label written after its ◆), else up to two to its left.
func nearestLabel(labels []bandLabel, col int) string {
	for _, d := range [...]int{0, 1, 2, -1, -2} {
		for i := range labels {
			if l := &labels[i]; !l.used && l.col == col+d {
				l.used = true
				return l.text
			}
		}
	}
	return ""
}

// calDate returns the first day of calendar column col, or zero.
func (rr *rowReader) calDate(col int) date.Date {
	for _, d := range rr.cal {
		if d.col == col {
			return d.day
		}
	}
	return 0
}

// inTable reports whether column col is one of the table's labelled
// columns.
func (rr *rowReader) inTable(col int) bool {
	for _, c := range rr.h.cols {
		if c.Col == col {
			return true
		}
	}
	return false
}
