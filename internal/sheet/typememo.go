package sheet

// Typing a cell (rowReader.readAs) depends on nothing but the stored cell
// and its column: the same status, team, assignee, effort or date serial
// typed on thousands of rows parses the same every time. typeMemo keeps,
// for each column a rowReader types, the cells it typed last by their
// stored form (value bits or text index, style, kind), so a repeat is
// copied instead of trimmed, normalised and parsed again.
//
// Only what readAs gives back alone is kept: a cell whose typing made a
// finding is typed again each time it occurs, so every finding is still
// made at its own cell and in its order; an empty cell (read through a
// merge) is never kept. Equal stored cells view as equal Cells (a text
// index names one string), so a hit is the value readAs would return.
type typeMemo struct {
	cols  [][]memoEntry // by position in a rowValues (slot.start+i); empty: not memoised
	left  int           // entries the columns not yet given a table may still take
	shift uint8         // 64 - log2 of a column's entries
}

// memoEntry is one typed cell: the stored cell and what readAs made of
// it, at its own row and column; ranged is readAs having set sawRange.
type memoEntry struct {
	c      cell
	p      parsed
	ranged bool
}

// memoBits bounds a column's entries (1<<memoBits, about 45 KB): enough
// for the few hundred date serials of a year's plan, and a table of a
// few rows allocates a few entries rather than that.
const memoBits = 9

// memoEntries bounds the entries of one memo, whatever the table's width
// (a field such as notes takes every one of thousands of columns): 16 K
// entries of about 90 bytes, 1.5 MB. The 32 columns first typed at the
// full size get tables — an 18-column WBS takes about 9 K entries — and
// the columns after those are typed without a memo. A table read holds
// one memo at a time (the rowPipe's worker's, or its own).
const memoEntries = 1 << 14

// newTypeMemo sizes the memo for width columns of a table of rows rows:
// a quarter of an entry a row, from 8 to 1<<memoBits entries a column.
func newTypeMemo(width, rows int) typeMemo {
	bits := 3
	for bits < memoBits && 4<<bits < rows {
		bits++
	}
	return typeMemo{cols: make([][]memoEntry, width), left: memoEntries, shift: uint8(64 - bits)}
}

// slot returns the entry c takes in column k's table; nil when the
// column has none, the memo's entries being given to other columns.
func (m *typeMemo) slot(k int, c cell) *memoEntry {
	t := m.cols[k]
	if t == nil {
		if n := 1 << (64 - m.shift); n <= m.left {
			t, m.left = make([]memoEntry, n), m.left-n
		} else {
			t = []memoEntry{} // no table: not asked again
		}
		m.cols[k] = t
	}
	if len(t) == 0 {
		return nil
	}
	h := (c.v ^ uint64(c.style)<<48 ^ uint64(c.kind)<<40) * 0x9e3779b97f4a7c15
	return &t[h>>m.shift]
}

// readMemo is readAs for the value at position k of a row's values,
// through the memo.
func (rr *rowReader) readMemo(k int, cs []cell, row, col int, s *slot) parsed {
	i, ok := findCell(cs, col)
	if !ok || cs[i].kind == Empty || rr.findings == nil || rr.opt.noMemo {
		return rr.readAs(cs, row, col, s.field, s.typ)
	}
	c := cs[i]
	e := rr.memo.slot(k, c)
	if e == nil {
		return rr.readAs(cs, row, col, s.field, s.typ)
	}
	if e.c == c {
		p := e.p
		p.row, p.col = int32(row), int32(col)
		rr.sawRange = rr.sawRange || e.ranged
		return p
	}
	nf, saw := len(*rr.findings), rr.sawRange
	rr.sawRange = false
	p := rr.readAs(cs, row, col, s.field, s.typ)
	ranged := rr.sawRange
	rr.sawRange = saw || ranged
	if len(*rr.findings) == nf {
		*e = memoEntry{c: c, p: p, ranged: ranged}
	}
	return p
}
