package sheet

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// A Gantt calendar area is a run of columns, one per day, half-day or
// week, whose header rows say the date. Many schedules are drawn only
// there: a task's plan is the run of cells marked (■, 〇, ●, hours, a
// label) or coloured in its row, and on a 実績 row of a 予定/実績 pair its
// actual. The reader derives those dates when the table's own columns
// leave them empty, and records where each came from.

// calDay is one calendar column: the first day it stands for and how many
// days it covers (1, or 7 for a week column).
type calDay struct {
	col  int
	day  date.Date
	span int
}

// calendarDays resolves the date of every column of the calendar area.
// Per column, the lowest header cell that tells wins: a date (serial or
// text) in a cell of its own; else a day number 1–31 under a month (a
// month label or a date merged across the month's columns, 2026年4月, 4月)
// or, without one, in the month of the project's start, moving to the next
// month when the numbers fall back (30, 31, 1). Columns it cannot date
// are left out.
func calendarDays(g *Grid, h *header, from date.Date) []calDay {
	cal := h.calendar
	if cal.Col1 == 0 {
		return nil
	}
	var out []calDay
	year, month := 0, 0
	if !from.IsZero() {
		y, m, _ := from.YMD()
		year, month = y, int(m)
	}
	prevDay := 0
	for c := cal.Col1; c <= cal.Col2; c++ {
		var day date.Date
		dayNum, my, mm := 0, 0, 0
		for r := cal.Row2; r >= cal.Row1 && day.IsZero(); r-- {
			cell := g.Value(r, c)
			// A date merged across a month's or a week's columns names the
			// month; across two or three (AM/PM half-days) it is the day.
			m, merged := g.MergeOf(r, c)
			wide := merged && m.Col2-m.Col1 >= 3
			d, md := cellDate(g, cell)
			switch {
			case !d.IsZero() && !wide && dayNum == 0:
				day = d
			case !d.IsZero():
				if mm == 0 {
					y, mo, _ := d.YMD()
					my, mm = y, int(mo)
				}
			case md[0] > 0 && dayNum == 0 && !wide:
				mm, dayNum = md[0], md[1]
			case dayNum == 0 && dayNumber(cell) > 0:
				dayNum = dayNumber(cell)
			default:
				if y, mo := monthLabel(cell); mo > 0 && mm == 0 {
					my, mm = y, mo
				}
			}
		}
		if day.IsZero() && dayNum > 0 {
			switch {
			case mm > 0:
				month = mm
				if my > 0 {
					year = my
				}
			case prevDay > 0 && dayNum < prevDay:
				month++
				if month > 12 {
					month, year = 1, year+1
				}
			}
			if year > 0 && month > 0 {
				day = date.Of(year, time.Month(month), dayNum)
			}
			prevDay = dayNum
		}
		if !day.IsZero() {
			out = append(out, calDay{col: c, day: day, span: 1})
		}
	}
	// Week columns: consecutive columns mostly seven days apart.
	weeks, steps := 0, 0
	for i := 1; i < len(out); i++ {
		if d := out[i].day - out[i-1].day; d > 0 {
			steps++
			if d == 7 {
				weeks++
			}
		}
	}
	if steps > 0 && weeks*10 >= steps*8 {
		for i := range out {
			out[i].span = 7
		}
	}
	return out
}

// cellDate reads a header cell as a full date, or as a month and day
// (4/6) in md.
func cellDate(g *Grid, c Cell) (date.Date, [2]int) {
	switch c.Kind {
	case Number:
		if g.style(c).Date {
			if d, ok := value.FromSerial(c.Num, g.Date1904); ok {
				return d, [2]int{}
			}
		}
	case String:
		t := strings.TrimSuffix(strings.TrimSuffix(value.Text(c.Str), "週"), "~")
		if dt, ok := value.ParseDate(t); ok && !dt.Placeholder {
			if !dt.Date.IsZero() {
				return dt.Date, [2]int{}
			}
			return 0, [2]int{dt.Month, dt.Day}
		}
	}
	return 0, [2]int{}
}

// dayNumber reads 1..31 typed as a number or as text (1, 1日).
func dayNumber(c Cell) int {
	var n float64
	switch c.Kind {
	case Number:
		n = c.Num
	case String:
		v, err := strconv.Atoi(strings.TrimSuffix(value.Text(c.Str), "日"))
		if err != nil {
			return 0
		}
		n = float64(v)
	default:
		return 0
	}
	if n >= 1 && n <= 31 && n == float64(int(n)) {
		return int(n)
	}
	return 0
}

// monthLabel reads 2026年4月, 4月, 2026/4 or April as a year (0 when not
// given) and month.
func monthLabel(c Cell) (int, int) {
	if c.Kind != String {
		return 0, 0
	}
	t := value.Key(c.Str)
	y := 0
	if i := strings.Index(t, "年"); i > 0 {
		y, _ = strconv.Atoi(t[:i])
		t = t[i+len("年"):]
	} else if a, b, ok := strings.Cut(t, "/"); ok && len(a) == 4 {
		y, _ = strconv.Atoi(a)
		t = b
	}
	t = strings.TrimSuffix(t, "月")
	if m, err := strconv.Atoi(t); err == nil && m >= 1 && m <= 12 {
		return y, m
	}
	for i, name := range [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(t, name) {
			return y, i + 1
		}
	}
	return 0, 0
}

// calendarMarks finds, for the calendar of a table, which fills are
// shading rather than marks: a fill that colours nearly every data row of
// a column (weekends, holidays, a today line).
func calendarShading(g *Grid, h *header) map[[2]uint16]bool {
	counts := map[[2]uint16]int{}
	data := h.dataRows(g)
	rows := 0
	for i := range data {
		r := &data[i]
		rows++
		for f := range g.fills(r) {
			if int(f.Col) >= h.calendar.Col1 && int(f.Col) <= h.calendar.Col2 {
				counts[[2]uint16{f.Col, f.Fill}]++
			}
		}
		for c := range g.cellsOf(r) {
			if int(c.Col) >= h.calendar.Col1 && int(c.Col) <= h.calendar.Col2 {
				if st := g.style(c); st.Fill != 0 {
					counts[[2]uint16{c.Col, st.Fill}]++
				}
			}
		}
	}
	out := map[[2]uint16]bool{}
	for k, n := range counts {
		if rows >= 4 && n*10 >= rows*8 {
			out[k] = true
		}
	}
	return out
}

// span returns the first and last day marked in row n of the calendar, or
// zeros when nothing is marked.
func (rr *rowReader) calendarSpan(n int) (date.Date, date.Date) {
	r := rr.g.row(n)
	if r == nil || len(rr.cal) == 0 {
		return 0, 0
	}
	lo, hi := -1, -1
	mark := func(col int) {
		i, ok := slices.BinarySearchFunc(rr.cal, col, func(d calDay, c int) int { return d.col - c })
		if !ok {
			return
		}
		if lo < 0 || i < lo {
			lo = i
		}
		hi = max(hi, i)
	}
	for c := range rr.g.cellsOf(r) {
		col := int(c.Col)
		if col < rr.h.calendar.Col1 || col > rr.h.calendar.Col2 {
			continue
		}
		if isMarkCell(c) {
			mark(col)
			if m, ok := rr.g.MergeOf(n, col); ok && m.Col1 == col {
				mark(min(m.Col2, rr.h.calendar.Col2)) // a label drawn across its days
			}
			continue
		}
		if st := rr.g.style(c); st.Fill != 0 && !rr.shading[[2]uint16{c.Col, st.Fill}] {
			mark(col)
		}
	}
	for f := range rr.g.fills(r) {
		if int(f.Col) >= rr.h.calendar.Col1 && int(f.Col) <= rr.h.calendar.Col2 && !rr.shading[[2]uint16{f.Col, f.Fill}] {
			mark(int(f.Col))
		}
	}
	if lo < 0 {
		return 0, 0
	}
	return rr.cal[lo].day, rr.cal[hi].day.AddDays(rr.cal[hi].span - 1)
}

// isMarkCell reports whether a calendar cell's value marks a day: a
// symbol, a label, or a positive number of hours or pieces. A cross or a
// dash says the day is not worked; a zero is nothing.
func isMarkCell(c Cell) bool {
	switch c.Kind {
	case Number:
		return c.Num > 0
	case String:
		t := value.Text(c.Str)
		switch t {
		case "", "×", "✕", "✗", "x", "X", "-", "－", "ー", "0", "休", "祝", "土", "日":
			return false
		}
		return true
	}
	return false
}

// calendarDates fills the dates a task's columns leave empty from its
// calendar marks, and says so in the task's *From fields; where both
// exist and disagree, the column wins and a finding says so.
func (rr *rowReader) calendarDates(t *project.Task, rec record) {
	if len(rr.cal) == 0 {
		return
	}
	ps, pf := rr.calendarSpan(rec.row)
	rr.fromCalendar(rec.row, ps, pf, &t.PlannedStart, &t.PlannedFinish, &t.PlannedStartFrom, &t.PlannedFinishFrom, diag.Phrase{EN: "planned", JA: "予定"})
	if rec.actualRow > 0 {
		as, af := rr.calendarSpan(rec.actualRow)
		if unfinished(t) {
			af = 0 // the 実績 bar of a task still running ends at the last day worked, not at a finish
		}
		rr.fromCalendar(rec.actualRow, as, af, &t.ActualStart, &t.ActualFinish, &t.ActualStartFrom, &t.ActualFinishFrom, diag.Phrase{EN: "actual", JA: "実績"})
	}
}

// unfinished reports whether the task says it is not done yet: progress
// under 100 or a status other than done. A task that says nothing is taken
// as drawn.
func unfinished(t *project.Task) bool {
	if t.Progress.OK() && t.Progress.Val() < 100 {
		return true
	}
	return t.Status != project.NoTaskStatus && t.Status != project.Done && t.Status != project.Cancelled
}

// fromCalendar sets a start and finish the columns left empty from the
// calendar's marks, and checks those the columns gave. A column date
// outside the calendar's days is no disagreement: many sheets draw only
// the weeks around the status date.
func (rr *rowReader) fromCalendar(row int, cs, cf date.Date, start, finish *date.Date, startFrom, finishFrom *project.DateSource, what diag.Phrase) {
	if cs.IsZero() {
		return
	}
	pos := rr.g.Pos(row, rr.h.calendar.Col1)
	tol := rr.cal[0].span - 1 // a week column says only the week
	first, last := rr.cal[0].day, rr.cal[len(rr.cal)-1].day.AddDays(rr.cal[len(rr.cal)-1].span-1)
	inside := func(d date.Date) bool { return d >= first && d <= last }
	if start.IsZero() {
		*start, *startFrom = cs, project.FromCalendar
	} else if inside(*start) && (*start < cs.AddDays(-tol) || *start > cs.AddDays(tol)) {
		rr.findings.Add(diag.Info, "calendar-disagrees", pos, "%s start %s in its column, but the calendar is marked from %s; the column is used", what, *start, cs)
	}
	switch {
	case cf.IsZero():
	case finish.IsZero():
		*finish, *finishFrom = cf, project.FromCalendar
	case inside(*finish) && (*finish < cf.AddDays(-tol) || *finish > cf.AddDays(tol)):
		rr.findings.Add(diag.Info, "calendar-disagrees", pos, "%s finish %s in its column, but the calendar is marked up to %s; the column is used", what, *finish, cf)
	}
}
