package sheet

import (
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/value"
)

// Before the first record, typing asks two things of whole columns: the
// scale of each progress column (fractions or percents) and which date
// columns are written day first. scanColumns answers both in one walk
// over the table's rows, each row decoded once up to the last column
// asked about, instead of looking each column up in each row anew (a
// lookup steps over every cell before the column: at 50,000 rows the
// five lookups a row cost more than typing the row).

// scanColumns sets rr.scale for the progress columns (scaleCount) and
// rr.dayFirst for the date columns written day first (the rule is in
// dayfirst.go), saying so of each in a finding at its header.
func (rr *rowReader) scanColumns() {
	progress := rr.fields["progress"]
	var dates []dayFirstScan // one per date column of the header
	for i, c := range rr.h.cols {
		if fieldTypes[c.Field] == dateField {
			dates = append(dates, dayFirstScan{col: i})
		}
	}
	// cols are the columns asked about, ascending and each once; at[k]
	// is the cell of cols[k] in the row walked.
	cols := slices.Clone(progress)
	for _, d := range dates {
		cols = append(cols, rr.h.cols[d.col].Col)
	}
	slices.Sort(cols)
	cols = slices.Compact(cols)
	index := func(col int) int { i, _ := slices.BinarySearch(cols, col); return i }
	counts := make([]scaleCount, len(progress))
	for k, col := range progress {
		counts[k].at = index(col)
	}
	open := 0 // date columns not yet found month first
	for i := range dates {
		dates[i].at = index(rr.h.cols[dates[i].col].Col)
		open++
	}
	if len(cols) > 0 {
		at, seen := make([]cell, len(cols)), make([]bool, len(cols))
		rows := rr.h.dataRows(rr.g)
		for i := range rows {
			rr.g.cellsAt(&rows[i], cols, at, seen)
			for k := range counts {
				counts[k].add(rr.g, at[counts[k].at])
			}
			if open == 0 {
				continue
			}
			for k := range dates {
				if d := &dates[k]; !d.monthFirst && d.add(rr.g, at[d.at]) {
					open--
				}
			}
		}
	}
	for k, col := range progress {
		rr.scale[col] = counts[k].scale()
	}
	for _, d := range dates {
		if !d.dayFirst || d.monthFirst {
			continue
		}
		c := rr.h.cols[d.col]
		if rr.dayFirst == nil {
			rr.dayFirst = map[int]bool{}
		}
		rr.dayFirst[c.Col] = true
		row := rr.h.rows[len(rr.h.rows)-1]
		rr.findings.Add(diag.Info, "dates-day-first", rr.g.Pos(row, c.Col), "column %q writes dates day first (%q: there is no month %d): its dates are read as day/month", c.Header, d.example, d.first)
	}
}

// scaleCount decides whether a progress column holds fractions (0.5) or
// percents (50), by majority of the values that tell (above 1.5, or
// strictly between 0 and 1), so that one stray value does not flip it.
type scaleCount struct {
	at                  int // the column's place in the walk
	percents, fractions int
}

// add counts the column's cell of the next row.
func (s *scaleCount) add(g *Grid, sc cell) {
	if sc.kind != Number && sc.kind != String {
		return
	}
	c := g.view(sc)
	var n float64
	switch c.Kind {
	case Number:
		if g.style(c).Percent {
			return
		}
		n = c.Num
	case String:
		var ok bool
		if n, ok = value.ParseNumber(c.Str); !ok || strings.ContainsAny(c.Str, "%％") {
			return
		}
	default:
		return
	}
	switch {
	case n > 1.5:
		s.percents++
	case n > 0 && n < 1:
		s.fractions++
	}
}

// scale is 100 when the column holds percents, else 1.
func (s *scaleCount) scale() int {
	if s.percents > 0 && s.percents >= s.fractions {
		return 100
	}
	return 1
}

// dayFirstScan is what the day-first rule (dayfirst.go) has seen of one
// date column, row by row until a cell shows it month first.
type dayFirstScan struct {
	col, at              int // the column's index in the header; its place in the walk
	dayFirst, monthFirst bool
	example              string // the first day-first cell, and its day
	first                int
}

// add looks at the column's cell of the next row; true when the cell
// shows the column month first, which ends the column's scan.
func (d *dayFirstScan) add(g *Grid, sc cell) bool {
	if sc.kind != String {
		return false
	}
	c := g.view(sc)
	if strings.IndexByte(c.Str, '/') < 0 {
		return false
	}
	slashPairs(c.Str, func(a, b, _, _ int) {
		if a > 12 && a <= 31 && b >= 1 && b <= 12 {
			if !d.dayFirst {
				d.example, d.first = c.Str, a
			}
			d.dayFirst = true
		}
		if b > 12 {
			d.monthFirst = true
		}
	})
	return d.monthFirst
}

// cellsAt sets at[k] to the stored cell of r at cols[k] (ascending,
// distinct), the one cellIn views — kind Empty where there is none —
// decoding r once and only up to its last column asked about. seen is
// scratch of len(cols). The cells stay stored (no pointer): viewing
// them here would write a string into at for every cell.
func (g *Grid) cellsAt(r *Row, cols []int, at []cell, seen []bool) {
	clear(at)
	clear(seen)
	last := cols[len(cols)-1]
	k := 0 // cols[k] is the first column not yet passed
	cc := g.cursor(r)
	for i := 0; ; i++ {
		c, ok := cc.next()
		if !ok || int(c.col) > last {
			return
		}
		for k < len(cols) && cols[k] < int(c.col) {
			k++
		}
		if k == len(cols) || cols[k] != int(c.col) {
			continue
		}
		// As findCell picks: the cell at index col-1 when it is at col,
		// else the first at col.
		if !seen[k] || i == int(c.col)-1 {
			at[k], seen[k] = c, true
		}
	}
}
