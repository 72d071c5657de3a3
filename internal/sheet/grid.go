package sheet

import (
	"iter"
	"math"
	"slices"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// Excel's last column (XFD) and row.
const (
	maxCols = limits.Cols
	maxRows = limits.Rows
)

// CellKind says what a cell holds.
type CellKind uint8

// Cell kinds.
const (
	Empty CellKind = iota
	Number
	String
	Bool
	ErrorValue // #REF!, #N/A …: Str holds the error text
)

// Cell is one non-empty cell as stored in the file: the raw value, never
// the formatted text.
type Cell struct {
	Num     float64
	Str     string
	Col     uint16 // 1..16384
	Style   uint16 // index into Grid.Styles (Excel allows 64,000 formats)
	Kind    CellKind
	Formula bool
}

// Style is the part of a cell format the reader cares about.
type Style struct {
	NumFmt  int    // number format id
	Code    string // number format code; "" for built-ins
	Indent  int
	Date    bool // the format shows a date
	Percent bool
	// Fill is 1 + the index of the cell's fill when that fill can mark a
	// cell (a solid or patterned colour other than white); 0 otherwise.
	Fill uint16
	// CenterAcross is Excel's "center across selection": a group label
	// shown over the empty cells to its right without a merge.
	CenterAcross bool
}

// FillCell is an empty cell that carries a marking fill: a Gantt bar drawn
// by colouring cells.
type FillCell struct {
	Col  uint16
	Fill uint16 // Style.Fill of the cell
}

// cell is how a Row stores a Cell: 16 bytes and no pointer, so the
// million cells of a large sheet cost half of what Cell would and the
// garbage collector never scans them. v holds a number's or a bool's
// bits, or for text the index of the string (sstCell set: in the
// workbook's shared strings, else in Grid.text).
type cell struct {
	v       uint64
	col     uint16
	style   uint16
	kind    CellKind
	formula bool
}

// sstCell marks a text cell whose v indexes the shared-string table.
const sstCell = 1 << 63

// Row is one stored row. Its cells are sorted by column and encoded in
// the grid's arena (rowenc.go); read them with Grid.Cell, Grid.RowCells
// or Grid.cellsOf. It holds no pointer, so the rows of a large sheet
// cost 16 bytes each and the collector never scans them.
type Row struct {
	Num      int
	ref      uint32 // the cells, then the fills, in Grid.rows (rowenc.go)
	Hidden   bool
	Outline  uint8 // 0..7
	hasFills bool
}

// stagedRow is a row as a reader builds it in place (.xls, .ods, CSV, or
// xlsx rows that came out of order) until Grid.pack encodes it.
type stagedRow struct {
	Num     int
	Hidden  bool
	Outline int
	cells   []cell
	wide    []Cell     // cells not yet stored (Grid.store)
	Fills   []FillCell // empty cells with a marking fill, by column
}

// Range is a rectangle of cells, 1-based and inclusive.
type Range struct{ Row1, Col1, Row2, Col2 int }

// Grid is one sheet (or a CSV file) as a sparse table of raw cells.
type Grid struct {
	File       string // name used in positions
	Name       string // sheet name; "" for CSV
	Hidden     bool   // hidden or very hidden sheet
	Date1904   bool
	Rows       []Row // sorted by Num
	Merges     []Range
	Styles     []Style // shared by every sheet of a workbook
	HiddenCols map[int]bool

	// lines maps a CSV record (row number) to its first line in the file.
	lines []int
	// text holds the strings of text and error cells (those of shared
	// strings are in sst, the workbook's table).
	text textStore
	sst  *sharedStrings

	covered map[uint64]int32 // every cell of a merge (cellKey) -> index in Merges, built lazily

	// staged holds the rows of a reader that builds them in place, until
	// pack encodes them into Rows; rows holds the encoded bytes.
	staged []stagedRow
	rows   rowArena
	// more holds the rows added past Rows' capacity, in blocks, until
	// flushRows puts them into Rows: an append would copy all the rows
	// of a large sheet again and again as it grows them (some 5 times
	// their final size allocated, for sheets without a <dimension>).
	more [][]Row
	// maxCol is the last column holding a value, kept by addRow.
	maxCol int
	// unsorted says that rows were added out of order: normalise sorts.
	unsorted bool
}

// Pos returns the position of a cell for findings.
func (g *Grid) Pos(row, col int) diag.Pos {
	if g.lines != nil {
		line := row
		if row > 0 && row <= len(g.lines) {
			line = g.lines[row-1]
		}
		return diag.Pos{File: g.File, Row: line, Col: col, CSV: true}
	}
	return diag.Pos{File: g.File, Sheet: g.Name, Row: row, Col: col}
}

// posRow is Pos(row, col).Row: the row, or for CSV its line.
func (g *Grid) posRow(row int) int {
	if g.lines != nil && row > 0 && row <= len(g.lines) {
		return g.lines[row-1]
	}
	return row
}

// RowPos returns the position of a whole row.
func (g *Grid) RowPos(row int) diag.Pos { return g.Pos(row, 0) }

// IsCSV reports whether the grid came from a CSV file.
func (g *Grid) IsCSV() bool { return g.lines != nil }

// MaxRow returns the last stored row number.
func (g *Grid) MaxRow() int {
	if len(g.Rows) == 0 {
		return 0
	}
	return g.Rows[len(g.Rows)-1].Num
}

// MaxCol returns the last column holding a value.
func (g *Grid) MaxCol() int { return g.maxCol }

// row returns the stored row with number n, or nil.
func (g *Grid) row(n int) *Row {
	rows := g.Rows
	// Tables store nearly every row: try the row's place in a dense run
	// before searching.
	if len(rows) > 0 {
		if i := n - rows[0].Num; i >= 0 && i < len(rows) && rows[i].Num == n {
			return &rows[i]
		}
	}
	lo, hi := 0, len(rows)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rows[m].Num < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(rows) && rows[lo].Num == n {
		return &rows[lo]
	}
	return nil
}

// Cell returns the cell at row, col; a zero Cell when empty.
func (g *Grid) Cell(row, col int) Cell {
	r := g.row(row)
	if r == nil {
		return Cell{}
	}
	return g.cellIn(r, col)
}

// cellIn returns the cell of r at col; a zero Cell when empty.
func (g *Grid) cellIn(r *Row, col int) Cell {
	if c, ok := g.find(r, col); ok {
		return g.view(c)
	}
	return Cell{}
}

// findCell returns the index of the cell at col in cs (sorted by
// column): where a row with every column filled holds it, else the first
// cell at col. Row.find gives the same cell.
func findCell(cs []cell, col int) (int, bool) {
	if i := col - 1; i >= 0 && i < len(cs) && int(cs[i].col) == col {
		return i, true
	}
	lo, hi := 0, len(cs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(cs[m].col) < col {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(cs) && int(cs[lo].col) == col
}

// view turns a stored cell into a Cell.
func (g *Grid) view(c cell) Cell {
	out := Cell{Col: c.col, Style: c.style, Kind: c.kind, Formula: c.formula}
	switch c.kind {
	case Number, Bool:
		out.Num = math.Float64frombits(c.v)
	case String, ErrorValue:
		if c.v&sstCell != 0 {
			out.Str = g.sst.get(int(c.v &^ sstCell))
		} else {
			out.Str = g.text.at(c.v)
		}
	}
	return out
}

// store turns a Cell into a stored cell, adding its text to g.text.
func (g *Grid) store(c Cell) cell {
	out := cell{col: c.Col, style: c.Style, kind: c.Kind, formula: c.Formula}
	switch c.Kind {
	case Number, Bool:
		out.v = math.Float64bits(c.Num)
	case String, ErrorValue:
		out.v = g.text.add(c.Str)
	}
	return out
}

// cellsOf yields the cells of r in column order.
func (g *Grid) cellsOf(r *Row) iter.Seq[Cell] {
	return func(yield func(Cell) bool) {
		cc := g.cursor(r)
		for c, ok := cc.next(); ok; c, ok = cc.next() {
			if !yield(g.view(c)) {
				return
			}
		}
	}
}

// RowCells returns the cells of the i-th stored row, in column order.
func (g *Grid) RowCells(i int) []Cell {
	r := &g.Rows[i]
	out := make([]Cell, 0, g.cellCount(r))
	for c := range g.cellsOf(r) {
		out = append(out, c)
	}
	return out
}

// pack encodes the rows a reader built in place, in their order, and
// leaves them as the grid's rows.
func (g *Grid) pack() {
	g.Rows = slices.Grow(g.Rows[:0], len(g.staged))
	var buf []byte
	for i := range g.staged {
		r := &g.staged[i]
		cs := r.cells
		if r.wide != nil {
			cs = make([]cell, len(r.wide))
			for j, c := range r.wide {
				cs[j] = g.store(c)
			}
		}
		buf = g.addRow(buf, r.Num, r.Hidden, r.Outline, cs, r.Fills)
	}
	g.staged = nil
	g.flushRows()
}

// addRow encodes a row (cells sorted by column) after the rows stored,
// with buf as scratch, which it returns.
func (g *Grid) addRow(buf []byte, num int, hidden bool, outline int, cs []cell, fills []FillCell) []byte {
	buf = encodeRow(buf[:0], cs, fills)
	if last := g.lastRow(); last != nil && last.Num >= num {
		g.unsorted = true
	}
	r := Row{Num: num, ref: g.rows.store(buf), Hidden: hidden, Outline: uint8(outline), hasFills: len(fills) > 0}
	if len(g.Rows) < cap(g.Rows) && g.more == nil {
		g.Rows = append(g.Rows, r)
	} else {
		if k := len(g.more) - 1; k < 0 || len(g.more[k]) == cap(g.more[k]) {
			g.more = append(g.more, make([]Row, 0, moreRows))
		}
		k := len(g.more) - 1
		g.more[k] = append(g.more[k], r)
	}
	if n := len(cs); n > 0 && int(cs[n-1].col) > g.maxCol {
		g.maxCol = int(cs[n-1].col)
	}
	return buf
}

// moreRows is the size of a block of Grid.more.
const moreRows = 4096

// lastRow returns the row added last, or nil.
func (g *Grid) lastRow() *Row {
	if k := len(g.more) - 1; k >= 0 {
		return &g.more[k][len(g.more[k])-1]
	}
	if n := len(g.Rows); n > 0 {
		return &g.Rows[n-1]
	}
	return nil
}

// dropLastRow forgets the row added last when it holds nothing: no
// cell, no fill and no outline level. It reports whether it did.
func (g *Grid) dropLastRow() bool {
	r := g.lastRow()
	if r == nil || r.ref != noRef || r.Outline != 0 {
		return false
	}
	if k := len(g.more) - 1; k >= 0 {
		if g.more[k] = g.more[k][:len(g.more[k])-1]; len(g.more[k]) == 0 {
			g.more = g.more[:k]
		}
		return true
	}
	g.Rows = g.Rows[:len(g.Rows)-1]
	return true
}

// flushRows puts the rows added past Rows' capacity into Rows, which is
// then made once at its final size. A reader calls it when its rows
// are all added.
func (g *Grid) flushRows() {
	if g.more == nil {
		return
	}
	n := len(g.Rows)
	for _, m := range g.more {
		n += len(m)
	}
	rows := make([]Row, len(g.Rows), n)
	copy(rows, g.Rows)
	for _, m := range g.more {
		rows = append(rows, m...)
	}
	g.Rows, g.more = rows, nil
}

// unpack turns the stored rows back into staged rows, for sorting.
func (g *Grid) unpack() {
	g.flushRows()
	g.staged = make([]stagedRow, len(g.Rows))
	for i := range g.Rows {
		r := &g.Rows[i]
		g.staged[i] = stagedRow{Num: r.Num, Hidden: r.Hidden, Outline: int(r.Outline), cells: g.decoded(r, nil), Fills: g.fillsOf(r)}
	}
	g.Rows, g.rows, g.maxCol, g.unsorted = nil, rowArena{}, 0, false
}

// Value returns the cell at row, col, looking through merges: a cell
// covered by a merge returns the merge's top-left value.
func (g *Grid) Value(row, col int) Cell {
	c := g.Cell(row, col)
	if c.Kind != Empty {
		return c
	}
	if m, ok := g.MergeOf(row, col); ok {
		return g.Cell(m.Row1, m.Col1)
	}
	return c
}

func (g *Grid) indexMerges() {
	if g.covered != nil {
		return
	}
	g.covered = make(map[uint64]int32)
	for i, m := range g.Merges {
		// Whole-column or huge merges would blow up the index; they carry no
		// table structure, so leave them out. The reader bounds the rest
		// (limits.MergedCells).
		if m.area() > limits.MergeArea {
			continue
		}
		for r := m.Row1; r <= m.Row2; r++ {
			for c := m.Col1; c <= m.Col2; c++ {
				g.covered[cellKey(r, c)] = int32(i)
			}
		}
	}
}

// cellKey packs a row and column into one map key.
func cellKey(row, col int) uint64 { return uint64(row)<<16 | uint64(col)&0xffff }

// MergeOf returns the merge containing row, col.
func (g *Grid) MergeOf(row, col int) (Range, bool) {
	g.indexMerges()
	i, ok := g.covered[cellKey(row, col)]
	if !ok {
		return Range{}, false
	}
	return g.Merges[i], true
}

// style returns the style of c.
func (g *Grid) style(c Cell) Style {
	if int(c.Style) < len(g.Styles) {
		return g.Styles[c.Style]
	}
	return Style{}
}
