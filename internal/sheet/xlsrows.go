package sheet

// Rows of the .xls reader: cells collected into the sheet grid.

import (
	"encoding/binary"
	"slices"

	"github.com/pmokit/pmo/internal/diag"
)

// sheetBuilder collects cells into rows. BIFF writes cells row by row, so
// appending is the normal case; anything out of order is sorted at the end.
type sheetBuilder struct {
	g      *Grid
	attrs  map[int]rowAttr // rows with hidden or outline set, by row number
	budget *budget
	pos    diag.Pos // the sheet, for errors
	err    error    // the first limit passed
}

type rowAttr struct {
	hidden  bool
	outline int
}

func (sb *sheetBuilder) rowAttrs(row int, hidden bool, outline int) {
	if !hidden && outline == 0 {
		return
	}
	if sb.attrs == nil {
		sb.attrs = map[int]rowAttr{}
	}
	sb.attrs[row] = rowAttr{hidden, outline}
}

// add places c at the row, column and format given by the first six bytes
// of a cell record; it returns the stored cell for a value still to come.
func (sb *sheetBuilder) add(rec []byte, c Cell) *Cell {
	c.Style = binary.LittleEndian.Uint16(rec[4:])
	return sb.put(int(binary.LittleEndian.Uint16(rec)), int(binary.LittleEndian.Uint16(rec[2:])), c)
}

// put stores c at the 0-based row and col.
func (sb *sheetBuilder) put(row, col int, c Cell) *Cell {
	if col >= maxXLSCols || (c.Kind == String && c.Str == "" && !c.Formula) || sb.err != nil {
		return nil
	}
	at := sb.pos
	at.Row, at.Col = row+1, col+1
	if err := sb.budget.cell(at); err != nil {
		sb.err = err
		return nil
	}
	if c.Kind == String && c.Str != "" {
		if err := sb.budget.addText(at, len(c.Str)); err != nil {
			sb.err = err
			return nil
		}
	}
	c.Col = uint16(col + 1)
	r := sb.row(row + 1)
	r.wide = append(r.wide, c)
	return &r.wide[len(r.wide)-1]
}

// fill records an empty cell whose format has a marking fill (a Gantt
// bar drawn by colouring cells) at the 0-based row and col.
func (sb *sheetBuilder) fill(row, col int, xf uint16) {
	g := sb.g
	if col >= maxXLSCols || int(xf) >= len(g.Styles) || g.Styles[xf].Fill == 0 || sb.err != nil {
		return
	}
	at := sb.pos
	at.Row, at.Col = row+1, col+1
	if err := sb.budget.cell(at); err != nil {
		sb.err = err
		return
	}
	r := sb.row(row + 1)
	r.Fills = append(r.Fills, FillCell{Col: uint16(col + 1), Fill: g.Styles[xf].Fill})
}

// row returns the last stored row if it is number n, else a new one.
func (sb *sheetBuilder) row(n int) *stagedRow {
	g := sb.g
	k := len(g.staged)
	if k == 0 || g.staged[k-1].Num != n {
		var cells []Cell
		if k > 0 {
			cells = make([]Cell, 0, len(g.staged[k-1].wide))
		}
		g.staged = append(g.staged, stagedRow{Num: n, wide: cells})
		k++
	}
	return &g.staged[k-1]
}

// finish merges rows that came out of order, drops formula cells whose
// text stayed empty and sets row attributes.
func (sb *sheetBuilder) finish() {
	g := sb.g
	for i := range g.staged {
		cs := g.staged[i].wide[:0]
		for _, c := range g.staged[i].wide {
			if c.Kind == String && c.Str == "" {
				continue
			}
			cs = append(cs, c)
		}
		g.staged[i].wide = cs
	}
	seen := map[int]bool{}
	for _, r := range g.staged {
		seen[r.Num] = true
	}
	for num, a := range sb.attrs {
		if !seen[num] && a.outline > 0 {
			g.staged = append(g.staged, stagedRow{Num: num})
		}
	}
	sortRows(g)
	// Rows written twice (a cell out of row order) become one.
	out := g.staged[:0]
	for _, r := range g.staged {
		if k := len(out); k > 0 && out[k-1].Num == r.Num {
			out[k-1].wide = append(out[k-1].wide, r.wide...)
			out[k-1].Fills = append(out[k-1].Fills, r.Fills...)
			continue
		}
		out = append(out, r)
	}
	g.staged = out
	for i := range g.staged {
		r := &g.staged[i]
		if a, ok := sb.attrs[r.Num]; ok {
			r.Hidden, r.Outline = a.hidden, a.outline
		}
	}
	kept := g.staged[:0]
	for _, r := range g.staged {
		if len(r.wide) > 0 || len(r.Fills) > 0 || r.Outline > 0 {
			if !slices.IsSortedFunc(r.Fills, byFillCol) {
				slices.SortStableFunc(r.Fills, byFillCol)
			}
			kept = append(kept, r)
		}
	}
	g.staged = kept
	for i := range g.staged {
		if cs := g.staged[i].wide; !slices.IsSortedFunc(cs, byCol) {
			sortCells(cs)
		}
	}
	// A cell written twice keeps its last value, as Excel would show it.
	for i := range g.staged {
		cs := g.staged[i].wide
		out := cs[:0]
		for _, c := range cs {
			if k := len(out); k > 0 && out[k-1].Col == c.Col {
				out[k-1] = c
				continue
			}
			out = append(out, c)
		}
		g.staged[i].wide = out
	}
	g.pack()
}
