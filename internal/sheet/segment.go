package sheet

import (
	"slices"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// A sheet may hold several tables: side by side (a WBS and, to its right,
// a block prepared for a Redmine import) or stacked (a WBS with a daily
// log under it). The first header is found as on any sheet; then its
// columns are split where whole columns are empty, and below each table
// a new header after a blank row starts the next table.

// Limits that keep segmentation cheap on large sheets.
const (
	segmentProbeRows = 50  // data rows looked at to tell a used column
	maxStackProbes   = 200 // candidate header rows tried below a table
)

// tablesOf returns the headers of every table of g, top to bottom and left
// to right. With a fixed header or YAML columns the sheet is one table.
// skipped collects headers found and left out (work logs, other kinds).
func tablesOf(g *Grid, kind project.Kind, fixedRows []int, overrides map[int]string, skipped *[]*header) []*header {
	h, ok := detectHeader(g, kind, fixedRows, overrides)
	if !ok {
		return nil
	}
	if len(fixedRows) > 0 || len(overrides) > 0 {
		return []*header{h}
	}
	var out []*header
	for _, t := range sideBySide(g, kind, h) {
		out = append(out, stacked(g, kind, t, skipped)...)
	}
	return out
}

// sideBySide splits h into the tables of its column blocks when empty
// columns separate blocks that each read as a table of their own.
func sideBySide(g *Grid, kind project.Kind, h *header) []*header {
	blocks := columnBlocks(g, h)
	if len(blocks) < 2 {
		return []*header{h}
	}
	var out []*header
	for _, b := range blocks {
		area := Range{Row1: h.area.Row1, Col1: b[0], Row2: h.area.Row2, Col2: b[1]}
		t, ok := detectIn(g, kind, nil, nil, area)
		if !ok {
			continue
		}
		out = append(out, t)
	}
	if len(out) < 2 {
		return []*header{h}
	}
	return out
}

// columnBlocks returns the runs of used columns of h's area: a column is
// used when a header cell or one of the first data rows holds a value or
// lies under a merge. The calendar area counts as used.
func columnBlocks(g *Grid, h *header) [][2]int {
	used := map[int]bool{}
	mark := func(r *Row) {
		for c := range g.stored(r) {
			used[int(c.col)] = true
		}
	}
	for _, n := range h.rows {
		if r := g.row(n); r != nil {
			mark(r)
		}
	}
	data := h.dataRows(g)
	for i := range data[:min(len(data), segmentProbeRows)] {
		mark(&data[i])
	}
	for _, m := range g.Merges {
		if m.Row2 >= h.rows[0] && m.Row1 <= h.rows[len(h.rows)-1]+segmentProbeRows && (m.Col2-m.Col1) < 1000 {
			for c := m.Col1; c <= m.Col2; c++ {
				used[c] = true
			}
		}
	}
	if h.calendar.Col1 > 0 {
		for c := h.calendar.Col1; c <= h.calendar.Col2; c++ {
			used[c] = true
		}
	}
	cols := make([]int, 0, len(used))
	for c := range used {
		if c >= h.area.Col1 && c <= h.area.Col2 {
			cols = append(cols, c)
		}
	}
	slices.Sort(cols)
	var out [][2]int
	for _, c := range cols {
		if n := len(out); n > 0 && out[n-1][1] == c-1 {
			out[n-1][1] = c
			continue
		}
		out = append(out, [2]int{c, c})
	}
	return out
}

// stacked looks below h for the header of another table: a row after a
// blank row (or after a title line that follows one) that reads as a
// header. h then ends above it, and the search goes on from the new table.
func stacked(g *Grid, kind project.Kind, h *header, skipped *[]*header) []*header {
	out := []*header{h}
	cur := h
	probes := 0
	for probes < maxStackProbes {
		next, at := nextHeader(g, kind, cur, &probes)
		if next == nil {
			break
		}
		cur.lastRow = at - 1
		if isWorkLog(next) || kind != "" && next.kind != kind {
			*skipped = append(*skipped, next)
		} else {
			out = append(out, next)
		}
		cur = next
	}
	return out
}

// nextHeader finds the first header below cur's band within cur's columns;
// at is the first row that no longer belongs to cur (the title or blank
// row above the new header).
func nextHeader(g *Grid, kind project.Kind, cur *header, probes *int) (*header, int) {
	data := cur.dataRows(g)
	prev := cur.rows[len(cur.rows)-1]
	title := 0 // a lone text line after a blank row
	for i := range data {
		r := &data[i]
		if g.cellCount(r) == 0 {
			continue
		}
		gap := r.Num > prev+1
		prev = r.Num
		if !gap && title != r.Num-1 {
			continue // most rows: the table goes on; nothing to count
		}
		strs, nums := cellsIn(g, r, cur.area)
		if strs+nums == 0 {
			continue
		}
		switch {
		case gap && strs == 1 && nums == 0:
			title = r.Num
			continue
		case (gap || title == r.Num-1) && strs >= 2 && nums == 0:
			*probes++
			if *probes > maxStackProbes {
				return nil, 0
			}
			area := Range{Row1: r.Num, Col1: cur.area.Col1, Row2: r.Num, Col2: cur.area.Col2}
			if t, ok := detectIn(g, "", nil, nil, area); ok && t.score >= 2 {
				if kind != "" && t.kind != kind {
					if tk, ok := detectIn(g, kind, nil, nil, area); ok && tk.score >= t.score-0.5 {
						t = tk
					}
				}
				at := r.Num
				if title == r.Num-1 {
					at = title
				}
				return t, at
			}
		}
		title = 0
	}
	return nil, 0
}

// cellsIn counts the text and other cells of r within area's columns.
func cellsIn(g *Grid, r *Row, area Range) (strs, others int) {
	for c := range g.cellsOf(r) {
		if int(c.Col) < area.Col1 || int(c.Col) > area.Col2 {
			continue
		}
		switch c.Kind {
		case String:
			if value.Text(c.Str) != "" {
				strs++
			}
		case Empty:
		default:
			others++
		}
	}
	return strs, others
}

// isWorkLog recognises a daily work log (日付 / 作業内容 / 時間): a table
// with a plain date column and no start, finish or due date. pmo reads
// schedules, issues and risks; a log is none of them.
func isWorkLog(h *header) bool {
	plainDate := false
	for _, c := range h.cols {
		switch c.Field {
		case "planned_start", "planned_finish", "actual_start", "actual_finish", "due", "raised_on", "closed_on":
			return false
		}
		switch c.key {
		case "日付", "date", "作業日", "実施日", "年月日", "日時", "月日":
			plainDate = true
		}
	}
	return plainDate
}
