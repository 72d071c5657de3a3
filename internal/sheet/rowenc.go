package sheet

import (
	"encoding/binary"
	"iter"
	"math"
)

// A stored row keeps its cells encoded in a few bytes each rather than as
// 16-byte cells: a 1,048,575-row sheet of 18 columns holds 19 M cells,
// which as cells cost 300 MB before the first record is made. Every cell
// is one header byte, then its column, style and value only where they
// cannot be told from the cell before:
//
//	bits 0-2  what it is: encNumber … encFill (below)
//	bit 3     a formula cell
//	bit 4     the column is the previous cell's + 1 (else a uvarint follows)
//	bit 5     the style is the previous cell's (else a uvarint follows)
//	bits 6-7  how the value is written: 0 zero; 1 an integer (a number's
//	          value as a zigzag varint, a text's index as a uvarint);
//	          2 a decimal (a number k / 10^d: a byte d, then k zigzag);
//	          3 the value's 8 bytes
//
// A number is written short only when decoding gives back exactly its
// bits, so a row reads back as the cells it was made of (TestRowEncoding).
// The fills of a row's empty cells follow its cells, as encFill entries
// whose style is the fill.
const (
	encNumber = iota
	encBool
	encText   // String, v in Grid.text
	encShared // String, v in the shared strings
	encErrText
	encErrShared
	encEmpty
	encFill

	encFormula  = 1 << 3
	encNextCol  = 1 << 4
	encStyle    = 1 << 5
	encValShift = 6
)

const (
	valZero = iota
	valInt
	valDecimal
	valRaw
)

var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// encTag returns how c is tagged.
func encTag(c cell) byte {
	shared := c.v&sstCell != 0
	switch c.kind {
	case Number:
		return encNumber
	case Bool:
		return encBool
	case String:
		if shared {
			return encShared
		}
		return encText
	case ErrorValue:
		if shared {
			return encErrShared
		}
		return encErrText
	}
	return encEmpty
}

// appendCell appends c, written after prev, to b.
func appendCell(b []byte, c, prev cell, tag byte) []byte {
	h := tag
	if c.formula {
		h |= encFormula
	}
	if c.col == prev.col+1 {
		h |= encNextCol
	}
	if c.style == prev.style {
		h |= encStyle
	}
	v := c.v
	if tag == encShared || tag == encErrShared {
		v &^= sstCell
	}
	form, k, d := valRaw, uint64(0), byte(0)
	switch {
	case v == 0:
		form = valZero
	case tag == encNumber || tag == encBool:
		f := math.Float64frombits(v)
		if f > -1<<53 && f < 1<<53 && f == math.Trunc(f) && math.Float64bits(float64(int64(f))) == v {
			i := int64(f)
			form, k = valInt, zigzag(i)
			break
		}
		if math.Abs(f) < 1<<40 {
			for dd := 1; dd < len(pow10); dd++ {
				i := int64(math.Round(f * pow10[dd]))
				if math.Float64bits(float64(i)/pow10[dd]) == v {
					form, k, d = valDecimal, zigzag(i), byte(dd)
					break
				}
			}
		}
	default:
		form, k = valInt, v
	}
	h |= byte(form) << encValShift
	b = append(b, h)
	if h&encNextCol == 0 {
		b = binary.AppendUvarint(b, uint64(c.col))
	}
	if h&encStyle == 0 {
		b = binary.AppendUvarint(b, uint64(c.style))
	}
	switch form {
	case valInt:
		b = binary.AppendUvarint(b, k)
	case valDecimal:
		b = append(b, d)
		b = binary.AppendUvarint(b, k)
	case valRaw:
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

func zigzag(i int64) uint64   { return uint64(i<<1) ^ uint64(i>>63) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// decodeCell reads the entry at the start of b, written after prev; it
// returns the cell (a fill as a cell of kind Empty whose style is the
// fill), whether it is a fill, and the bytes read.
func decodeCell(b []byte, prev cell) (c cell, fill bool, n int) {
	h := b[0]
	n = 1
	tag := h & 7
	c.formula = h&encFormula != 0
	if h&encNextCol != 0 {
		c.col = prev.col + 1
	} else {
		u, k := uvarint(b[n:])
		c.col, n = uint16(u), n+k
	}
	if h&encStyle != 0 {
		c.style = prev.style
	} else {
		u, k := uvarint(b[n:])
		c.style, n = uint16(u), n+k
	}
	number := tag == encNumber || tag == encBool
	switch h >> encValShift {
	case valInt:
		u, k := uvarint(b[n:])
		n += k
		if number {
			c.v = math.Float64bits(float64(unzigzag(u)))
		} else {
			c.v = u
		}
	case valDecimal:
		d := b[n]
		u, k := uvarint(b[n+1:])
		n += 1 + k
		c.v = math.Float64bits(float64(unzigzag(u)) / pow10[d])
	case valRaw:
		c.v = binary.LittleEndian.Uint64(b[n:])
		n += 8
	}
	switch tag {
	case encNumber:
		c.kind = Number
	case encBool:
		c.kind = Bool
	case encText:
		c.kind = String
	case encShared:
		c.kind, c.v = String, c.v|sstCell
	case encErrText:
		c.kind = ErrorValue
	case encErrShared:
		c.kind, c.v = ErrorValue, c.v|sstCell
	case encFill:
		fill = true
	}
	return c, fill, n
}

// encodeRow appends the encoding of a row to b: the number of its cells
// (a uvarint) and the cells (sorted by column), then, when it has any,
// the number of fills and the fills. A row of neither is no bytes.
func encodeRow(b []byte, cells []cell, fills []FillCell) []byte {
	if len(cells) == 0 && len(fills) == 0 {
		return b
	}
	b = binary.AppendUvarint(b, uint64(len(cells)))
	var prev cell
	for _, c := range cells {
		b = appendCell(b, c, prev, encTag(c))
		prev = c
	}
	if len(fills) > 0 {
		b = binary.AppendUvarint(b, uint64(len(fills)))
	}
	for _, f := range fills {
		c := cell{col: f.Col, style: f.Fill}
		b = appendCell(b, c, prev, encFill)
		prev = c
	}
	return b
}

// rowArena holds the bytes of encoded rows in chunks: one allocation for
// many rows, memory the collector need not scan, and a Row that names
// its bytes by a 32-bit ref instead of a slice (16 bytes a row, not 40).
// A chunk is never grown, so what is stored stays where it is. The chunks
// start small and double up to arenaChunk, so that a book of many small
// sheets does not hold a large chunk for each.
//
// A ref is chunk<<16 | offset. A row longer than bigRow has an
// allocation of its own in big, its ref bigRef | index. The chunk index
// has 15 bits, 32,767 chunks of 64 KB: 2 GB of encoded rows, past what
// limits.GridCells lets a book hold (24 M cells of at most 16 bytes and
// their rows, under 400 MB); store puts a row in big should it come to
// that.
type rowArena struct {
	chunks [][]byte
	big    [][]byte
	next   int // capacity of the next chunk
}

const (
	arenaChunk = 64 << 10
	bigRow     = arenaChunk / 8
	bigRef     = 1 << 31
	// noRef is the ref of a row without cells or fills.
	noRef = math.MaxUint32
)

// store keeps a copy of enc and returns its ref.
func (a *rowArena) store(enc []byte) uint32 {
	n := len(enc)
	if n == 0 {
		return noRef
	}
	k := len(a.chunks) - 1
	if n <= bigRow && (k < 0 || len(a.chunks[k])+n > cap(a.chunks[k])) && len(a.chunks) < bigRef>>16 {
		a.next = min(max(2*a.next, 4<<10), arenaChunk)
		a.chunks = append(a.chunks, make([]byte, 0, a.next))
		k++
	}
	if n > bigRow || k < 0 || len(a.chunks[k])+n > cap(a.chunks[k]) {
		a.big = append(a.big, append([]byte(nil), enc...))
		return bigRef | uint32(len(a.big)-1)
	}
	off := len(a.chunks[k])
	a.chunks[k] = append(a.chunks[k], enc...)
	return uint32(k)<<16 | uint32(off)
}

// bytes returns the stored bytes from ref on.
func (a *rowArena) bytes(ref uint32) []byte {
	if ref == noRef {
		return nil
	}
	if ref&bigRef != 0 {
		return a.big[ref&^bigRef]
	}
	return a.chunks[ref>>16][ref&0xffff:]
}

// enc returns the bytes of r.
func (g *Grid) enc(r *Row) []byte { return g.rows.bytes(r.ref) }

// cellCursor reads the cells of a row in turn.
type cellCursor struct {
	b    []byte
	prev cell
	left uint32 // cells not yet read
}

// cursor returns a cursor at the first cell of r.
func (g *Grid) cursor(r *Row) cellCursor {
	b := g.enc(r)
	if len(b) == 0 {
		return cellCursor{}
	}
	n, k := uvarint(b)
	return cellCursor{b: b[k:], left: uint32(n)}
}

// next returns the next cell, or false after the last.
func (cc *cellCursor) next() (cell, bool) {
	if cc.left == 0 {
		return cell{}, false
	}
	c, _, n := decodeCell(cc.b, cc.prev)
	cc.b, cc.prev, cc.left = cc.b[n:], c, cc.left-1
	return c, true
}

// skim returns the next cell's column and, for a text (kind String), the
// cell with its value; other cells come back with kind Empty, their
// values stepped over. ok is false after the last.
func (cc *cellCursor) skim() (c cell, ok bool) {
	if cc.left == 0 {
		return cell{}, false
	}
	b := cc.b
	h := b[0]
	n := 1
	c.col = cc.prev.col + 1
	if h&encNextCol == 0 {
		u, k := uvarint(b[n:])
		c.col, n = uint16(u), n+k
	}
	c.style = cc.prev.style
	if h&encStyle == 0 {
		u, k := uvarint(b[n:])
		c.style, n = uint16(u), n+k
	}
	var v uint64
	switch h >> encValShift {
	case valInt:
		u, k := uvarint(b[n:])
		v, n = u, n+k
	case valDecimal:
		_, k := uvarint(b[n+1:])
		n += 1 + k
	case valRaw:
		v = binary.LittleEndian.Uint64(b[n:])
		n += 8
	}
	switch h & 7 {
	case encText:
		c.kind, c.v = String, v
	case encShared:
		c.kind, c.v = String, v|sstCell
	}
	cc.b, cc.prev, cc.left = b[n:], c, cc.left-1
	return c, true
}

// stored yields the stored cells of r in column order.
func (g *Grid) stored(r *Row) iter.Seq[cell] {
	return func(yield func(cell) bool) {
		cc := g.cursor(r)
		for c, ok := cc.next(); ok; c, ok = cc.next() {
			if !yield(c) {
				return
			}
		}
	}
}

// cellCount returns how many cells r holds.
func (g *Grid) cellCount(r *Row) int { return int(g.cursor(r).left) }

// find returns the stored cell of r at col: the cell findCell picks
// in the decoded row, also where a column is written twice. It steps
// over the cells before col reading only their columns and styles.
func (g *Grid) find(r *Row, col int) (cell, bool) {
	cc := g.cursor(r)
	b, left := cc.b, cc.left
	var prev cell // col and style of the cell before b
	i := 0
	for ; left > 0; left-- {
		h := b[0]
		n := 1
		c := prev.col + 1
		if h&encNextCol == 0 {
			u, k := uvarint(b[n:])
			c, n = uint16(u), n+k
		}
		if int(c) >= col {
			break
		}
		if h&encStyle == 0 {
			u, k := uvarint(b[n:])
			prev.style, n = uint16(u), n+k
		}
		switch h >> encValShift {
		case valInt:
			n += varintLen(b[n:])
		case valDecimal:
			n += 1 + varintLen(b[n+1:])
		case valRaw:
			n += 8
		}
		prev.col, b = c, b[n:]
		i++
	}
	if left == 0 {
		return cell{}, false
	}
	c, _, n := decodeCell(b, prev)
	if int(c.col) != col {
		return cell{}, false
	}
	// findCell takes the cell at index col-1 when it is at col; the cells
	// from here to there then all are.
	first := c
	for left--; i < col-1; i++ {
		if left == 0 {
			return first, true
		}
		b = b[n:]
		next, _, k := decodeCell(b, c)
		if int(next.col) != col {
			return first, true
		}
		c, n, left = next, k, left-1
	}
	return c, true
}

// uvarint is binary.Uvarint for the values of up to three bytes that
// nearly every column, style, index and date serial takes, inlined.
func uvarint(b []byte) (uint64, int) {
	if b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	if len(b) > 1 && b[1] < 0x80 {
		return uint64(b[0]&0x7f) | uint64(b[1])<<7, 2
	}
	if len(b) > 2 && b[2] < 0x80 {
		return uint64(b[0]&0x7f) | uint64(b[1]&0x7f)<<7 | uint64(b[2])<<14, 3
	}
	return binary.Uvarint(b)
}

// varintLen is the length of the uvarint at the start of b (written by
// appendCell, so complete).
func varintLen(b []byte) int {
	n := 0
	for b[n] >= 0x80 {
		n++
	}
	return n + 1
}

// fills yields the marking fills of r's empty cells, by column.
func (g *Grid) fills(r *Row) iter.Seq[FillCell] {
	return func(yield func(FillCell) bool) {
		if !r.hasFills {
			return
		}
		cc := g.cursor(r)
		for _, ok := cc.next(); ok; _, ok = cc.next() {
		}
		b, prev := cc.b, cc.prev
		n, k := uvarint(b)
		b = b[k:]
		for ; n > 0; n-- {
			c, _, k := decodeCell(b, prev)
			b, prev = b[k:], c
			if !yield(FillCell{Col: c.col, Fill: c.style}) {
				return
			}
		}
	}
}

// RowFills returns the marking fills of the empty cells of the i-th
// stored row, by column.
func (g *Grid) RowFills(i int) []FillCell { return g.fillsOf(&g.Rows[i]) }

func (g *Grid) fillsOf(r *Row) []FillCell {
	var out []FillCell
	for f := range g.fills(r) {
		out = append(out, f)
	}
	return out
}

// decoded returns the cells of r, in dst's storage.
func (g *Grid) decoded(r *Row, dst []cell) []cell {
	dst = dst[:0]
	cc := g.cursor(r)
	for c, ok := cc.next(); ok; c, ok = cc.next() {
		dst = append(dst, c)
	}
	return dst
}
