package sheet

// rowWalk reads one row's cells in column order for a scan that asks for
// columns left to right: the whole row costs one decode of its cells.
// Grid.Value decodes an encoded row from its first cell on each lookup
// (Row.find), so a header scan over every column of a 16,384-column row
// did that 16,384 times per row and height tried: a 26 KB sheet of 30
// such rows took over two minutes of CPU, against 6 s before rows were
// encoded.
type rowWalk struct {
	g    *Grid
	row  int
	cc   cellCursor
	next cell
	ok   bool
	// left is the last cell passed, the nearest to the left of the column
	// last asked (hasLeft when there is one).
	left    cell
	hasLeft bool
}

// walk starts a rowWalk over row n (an absent row has no cells).
func (g *Grid) walk(n int) *rowWalk {
	w := &rowWalk{g: g, row: n}
	if r := g.row(n); r != nil {
		w.cc = g.cursor(r)
		w.next, w.ok = w.cc.next()
	}
	return w
}

// value is g.Value(w.row, col) for col no smaller than the last asked.
func (w *rowWalk) value(col int) Cell {
	for w.ok && int(w.next.col) < col {
		w.left, w.hasLeft = w.next, true
		w.next, w.ok = w.cc.next()
	}
	var c Cell
	if w.ok && int(w.next.col) == col {
		c = w.g.view(w.next) // the first cell at col, as Row.find picks
	}
	if c.Kind != Empty {
		return c
	}
	if m, ok := w.g.MergeOf(w.row, col); ok {
		return w.g.Cell(m.Row1, m.Col1)
	}
	return c
}

// centeredAcross returns the group label shown over the empty cell at
// col by "center across selection" (進捗率 centred over 前回/今回 without
// a merge): the nearest cell to the left in the same row, when it is
// centred across and every cell between is empty. Excel draws such a
// label up to the next non-empty cell; pmo looks at most 12 columns back.
// It must follow value(col) and not be merged: the
// walk then knows the cell to the left without decoding the row again
// (doing that for each empty column of a row with a cell in every other
// of 16,384 columns did not end).
func (w *rowWalk) centeredAcross(col int) Cell {
	if !w.hasLeft {
		return Cell{}
	}
	left := w.g.view(w.left)
	if int(left.Col) < col-12 || left.Kind != String || !w.g.style(left).CenterAcross {
		return Cell{}
	}
	if _, merged := w.g.MergeOf(w.row, col); merged {
		return Cell{}
	}
	return left
}
