package sheet

import (
	"errors"
	"math"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// Worksheet XML is nearly all <row> and <c><v>…</v></c>: a 50,000-row
// sheet has close to a million cells. readSheet therefore reads it in one
// loop of its own rather than through scan's token callback: the
// attributes of <row> and <c> are split in one pass over their bytes, and
// a cell written the usual way (<c …><v>text</v></c>) is read straight
// from the scanner's buffer without making a token of each part. Anything
// else — inline strings, formulas, phonetic runs, comments, CDATA — goes
// through the ordinary tokens, so every file reads exactly as before.

// cellKind is the t attribute of <c>, as setCell reads it.
type cellKind uint8

const (
	cellNumber cellKind = iota // no t, "n", "d" and anything unknown
	cellShared                 // "s"
	cellText                   // "str", "inlineStr"
	cellBool                   // "b"
	cellError                  // "e"
)

func cellKindOf(t []byte) cellKind {
	switch string(t) {
	case "s":
		return cellShared
	case "str", "inlineStr":
		return cellText
	case "b":
		return cellBool
	case "e":
		return cellError
	}
	return cellNumber
}

// sheetReader is the state of one worksheet read.
type sheetReader struct {
	wb       *workbook
	g        *Grid
	row      *stagedRow // the row being read: cur, or nil outside a row
	cur      stagedRow  // the last row begun, until it is stored
	pending  bool       // cur is begun and not yet stored
	enc      []byte     // scratch for encoding a row
	partSize uint64     // the part's inflated size, as the zip says
	cell     Cell
	inCell   bool
	inV, inT bool
	inIS     bool
	inPh     int
	text     []byte
	nextRow  int
	nextCol  int
	kind     cellKind
	hasValue bool
	texts    texts // the sheet's inline strings
	merged   int64 // cells covered by indexed merges
	// dataDepth is the depth of <sheetData> while inside it, else 0:
	// text directly in it, its rows or their cells is damage (damage.go).
	dataDepth int
}

// at is where the reader is, for an error: the row, and the cell while
// inside one (a cell's text over a limit names that cell).
func (sr *sheetReader) at() diag.Pos {
	p := diag.Pos{File: sr.wb.file, Sheet: sr.g.Name}
	if sr.row != nil {
		p.Row = sr.row.Num
		if sr.inCell { // a cell's text or its charge: the cell is named
			p.Col = int(sr.cell.Col)
		}
	}
	return p
}

// readSheet reads one worksheet into a Grid.
func (wb *workbook) readSheet(ref sheetRef) (*Grid, error) {
	g := &Grid{File: wb.file, Name: ref.name, Hidden: ref.hidden, Date1904: wb.date1904, Styles: wb.styles, sst: wb.strings}
	rc, err := wb.open(ref.part)
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, wb.missingPart(ref.part)
	}
	if f := wb.find(ref.part); f != nil && f.UncompressedSize64 >= aheadFrom {
		rc = newReadAhead(rc)
	}
	defer rc.Close()
	sr := &sheetReader{wb: wb, g: g, nextRow: 1, nextCol: 1, texts: texts{g: g}}
	if f := wb.find(ref.part); f != nil {
		sr.partSize = f.UncompressedSize64
	}
	s := newScanner(rc)
	depth, opened := 0, false
	for {
		t, err := s.next()
		if errors.Is(err, errCutShort) {
			return nil, sr.cutShort()
		}
		if err != nil {
			err = wb.partError(ref.part, err)
			if ie, ok := err.(*diag.InputError); ok && ie.Pos.Sheet == "" {
				// Name the sheet too: a book has several.
				ie.Pos.Sheet = g.Name
			}
			return nil, err
		}
		switch t.kind {
		case tokEOF:
			if depth > 0 || !opened {
				// The part ends inside its elements (or before its
				// first): the file was cut short, and the rows after it
				// are missing, not empty.
				return nil, sr.cutShort()
			}
			if sr.pending {
				sr.store()
			}
			g.normalise()
			return g, nil
		case tokStart:
			if !opened && string(t.name) != "worksheet" {
				return nil, wb.notWorksheet(ref.part, t.name)
			}
			opened = true
			if !t.self {
				depth++
			}
			if depth > limits.XMLDepth {
				return nil, limits.Over(diag.Pos{File: wb.file}, overXMLDepth, limits.XMLDepth, false)
			}
			if sr.dataDepth > 0 && !isXMLName(t.name) {
				return nil, sr.noise()
			}
			if !t.self && sr.dataDepth == 0 && string(t.name) == "sheetData" {
				sr.dataDepth = depth
			}
			if err := sr.start(t); err != nil {
				return nil, err
			}
			if err := sr.cells(s, &depth); err != nil {
				return nil, err
			}
		case tokEnd:
			if depth == sr.dataDepth {
				sr.dataDepth = 0
			}
			depth--
			if err := sr.end(t); err != nil {
				return nil, err
			}
			if err := sr.cells(s, &depth); err != nil {
				return nil, err
			}
		case tokText:
			if (sr.inV || sr.inT) && sr.inPh == 0 {
				if err := sr.addText(t.text); err != nil {
					return nil, err
				}
			} else if sr.inData(depth) && !isBlank(t.text) {
				return nil, sr.noise()
			}
		}
	}
}

// cells reads, inside a row, the cells written the usual way straight
// from the buffer: each <c …> tag is split here rather than by the
// scanner, and its <v>…</v></c> by plainValue. It stops at anything else
// (the row's end, an inline string, a formula), which the tokens take.
func (sr *sheetReader) cells(s *scanner, depth *int) error {
	for sr.row != nil {
		if sr.inCell {
			if *depth >= limits.XMLDepth || sr.inPh > 0 {
				return nil
			}
			done, err := sr.plainValue(s, *depth)
			if err != nil || !done {
				return err
			}
			*depth-- // the cell's </c> was read with its value
			continue
		}
		if !s.has(3) {
			return nil
		}
		b := s.buf[s.pos:]
		if b[0] != '<' || b[1] != 'c' || !isXMLSpace(b[2]) && b[2] != '>' && b[2] != '/' {
			return nil
		}
		gt := s.indexFrom(2, '>')
		if gt < 0 {
			return nil // damage: the scanner reports it
		}
		tag := s.buf[s.pos+1 : s.pos+gt] // as scanner.next splits it
		self := tag[len(tag)-1] == '/'
		if self {
			tag = tag[:len(tag)-1]
		}
		attrs := tag[1:]
		s.pos += gt + 1
		if !self {
			*depth++
		}
		if *depth > limits.XMLDepth {
			return limits.Over(diag.Pos{File: sr.wb.file}, overXMLDepth, limits.XMLDepth, false)
		}
		sr.beginCell(attrs, self) // as start does for a <c>; sr.row is set
	}
	return nil
}

func (sr *sheetReader) addText(b []byte) error {
	if len(sr.text)+len(b) > limits.CellTextBytes {
		return limits.Over(sr.at(), overCellText, limits.CellTextBytes, true)
	}
	sr.text = append(sr.text, b...)
	sr.hasValue = true
	return nil
}

// The parts of a cell written the usual way. They are compared as
// constant strings, which the compiler turns into a load and a compare
// or two: plainValue runs for every cell.
const (
	openV           = "<v>"
	closeV          = "</v>"
	closeC          = "</c>"
	openIST         = "<is><t>"
	openISTPreserve = `<is><t xml:space="preserve">`
	closeIST        = "</t></is>"
)

// plainValue reads a cell's <v>text</v> and the </c> after it straight
// from the buffer, just after <c …> was read. It reads nothing and returns
// false when the input there is written any other way, for the tokens to
// take; done reports that the cell was read to its end.
func (sr *sheetReader) plainValue(s *scanner, depth int) (done bool, err error) {
	if !s.has(len(openV)) {
		return false, nil
	}
	open, inline := len(openV), false
	if string(s.buf[s.pos:s.pos+len(openV)]) != openV {
		// An inline string, <is><t>text</t></is>: two elements deeper.
		if depth+2 > limits.XMLDepth {
			return false, nil
		}
		switch {
		case s.has(len(openIST)) && string(s.buf[s.pos:s.pos+len(openIST)]) == openIST:
			open, inline = len(openIST), true
		case s.has(len(openISTPreserve)) && string(s.buf[s.pos:s.pos+len(openISTPreserve)]) == openISTPreserve:
			open, inline = len(openISTPreserve), true
		default:
			return false, nil
		}
	}
	end := len(closeV)
	if inline {
		end = len(closeIST)
	}
	lt := s.indexFrom(open, '<')
	if lt < 0 || !s.has(lt+end+len(closeC)) {
		return false, nil
	}
	b := s.buf[s.pos:] // after has: the buffer may have moved
	if inline && string(b[lt:lt+len(closeIST)]) != closeIST || !inline && string(b[lt:lt+len(closeV)]) != closeV {
		return false, nil // CDATA, a comment, a rich-text run or damage: the tokens say
	}
	after := lt + end
	whole := string(b[after:after+len(closeC)]) == closeC
	if !whole && inline {
		return false, nil // more after an inline string: all of it by tokens
	}
	if lt > open {
		if err := sr.addText(b[open:lt]); err != nil {
			return false, err
		}
	}
	if !whole {
		s.pos += after // the value is read; the rest of the cell goes by tokens
		return false, nil
	}
	s.pos += after + len(closeC)
	return true, sr.endCell()
}

func (sr *sheetReader) start(t token) error {
	wb, g := sr.wb, sr.g
	switch string(t.name) {
	case "row":
		n, hidden, outline := rowAttrs(t.attrs)
		if n <= 0 {
			n = sr.nextRow
		}
		if n > maxRows {
			return diag.Errorf(diag.Pos{File: wb.file, Sheet: g.Name}, "row %d is past Excel's last row %d; the sheet is damaged", n, maxRows)
		}
		sr.nextRow, sr.nextCol = n+1, 1
		if t.self {
			sr.row = nil // an empty row element
			return nil
		}
		if sr.pending {
			sr.store() // the row before was not closed: kept as it is
		}
		sr.cur = stagedRow{Num: n, Hidden: hidden, Outline: min(outline, maxOutline), cells: sr.cur.cells[:0], Fills: sr.cur.Fills[:0]}
		sr.row, sr.pending = &sr.cur, true
		if err := sr.wb.budget.row(sr.at()); err != nil {
			return err
		}
		return sr.chargeCell()
	case "c":
		if sr.row == nil {
			return nil
		}
		sr.beginCell(t.attrs, t.self)
	case "f":
		if sr.inCell {
			sr.cell.Formula = true
		}
	case "v":
		sr.inV = sr.inCell && !t.self
	case "is":
		sr.inIS = sr.inCell && !t.self
	case "t":
		sr.inT = sr.inIS && !t.self
	case "rPh":
		if !t.self {
			sr.inPh++
		}
	case "dimension":
		if r, ok := attr(t.attrs, "ref"); ok {
			sr.sizeRows(r)
		}
	case "mergeCell":
		if r, ok := attr(t.attrs, "ref"); ok {
			if m, ok := parseRange(string(r)); ok {
				if len(g.Merges) >= limits.Merges {
					return limits.Over(sr.at(), overMerges, limits.Merges, false)
				}
				if a := m.area(); a <= limits.MergeArea {
					if sr.merged += a; sr.merged > limits.MergedCells {
						return limits.Over(sr.at(), overMergedCells, limits.MergedCells, false)
					}
				}
				g.Merges = append(g.Merges, m)
			}
		}
	case "col":
		if attrTrue(t.attrs, "hidden") {
			// Clamped to the grid: a max of MaxInt64 must not wrap the loop.
			lo, hi := max(attrInt(t.attrs, "min"), 1), min(attrInt(t.attrs, "max"), maxCols)
			if g.HiddenCols == nil && lo <= hi {
				g.HiddenCols = map[int]bool{}
			}
			for c := lo; c <= hi; c++ {
				g.HiddenCols[c] = true
			}
		}
	}
	return nil
}

// beginCell starts the cell of a <c> tag, its attributes attrs, inside
// a row.
func (sr *sheetReader) beginCell(attrs []byte, self bool) {
	col, style, kind, ok := plainCellTag(attrs)
	if !ok {
		var ref, typ []byte
		ref, style, typ = cellAttrs(attrs)
		col, kind = 0, cellKindOf(typ)
		if ref != nil {
			col = colOf(ref)
		}
	}
	if col <= 0 {
		col = sr.nextCol
	}
	sr.nextCol = min(col, maxCols) + 1
	sr.kind = kind
	if col > maxCols {
		return // beyond XFD: not a real cell
	}
	sr.cell = Cell{Col: uint16(col), Style: uint16(min(style, 65535))}
	sr.inCell, sr.hasValue, sr.text = !self, false, sr.text[:0]
}

func (sr *sheetReader) end(t token) error {
	switch string(t.name) {
	case "v":
		sr.inV = false
	case "t":
		sr.inT = false
	case "is":
		sr.inIS = false
	case "rPh":
		sr.inPh--
	case "c":
		return sr.endCell()
	case "row":
		// Rows with no value (formatting only, or a zip bomb of <row/>)
		// cost memory and say nothing. As ever, this looks at the last
		// row begun, which may be stored already.
		g := sr.g
		switch {
		case sr.pending && len(sr.cur.cells) == 0 && len(sr.cur.Fills) == 0 && sr.cur.Outline == 0:
			sr.pending = false
			sr.wb.budget.cells--
			sr.wb.budget.rows--
		case sr.pending:
			sr.store()
		case g.dropLastRow():
			sr.wb.budget.cells--
			sr.wb.budget.rows--
		}
		sr.row = nil
	}
	return nil
}

// endCell stores the cell just read: its value, or the fill of an empty
// coloured cell.
func (sr *sheetReader) endCell() error {
	wb := sr.wb
	if sr.inCell && sr.row != nil {
		cell := &sr.cell
		sr.texts.used = false
		if setCellKind(cell, sr.kind, sr.text, sr.hasValue, wb.strings, &sr.texts) {
			if err := sr.chargeCell(); err != nil {
				return err
			}
			if sr.kind != cellShared && cell.Kind != Number && cell.Kind != Bool {
				if err := sr.chargeText(len(cell.Str)); err != nil {
					return err
				}
			} else if sr.kind == cellShared {
				i, _ := smallIndex(sr.text) // setCellKind checked it
				if !wb.budget.sharedRef(i, len(cell.Str)) {
					return limits.Over(sr.at(), overText, limits.TextBytes, true)
				}
			}
			sr.row.cells = append(sr.row.cells, sr.stored(cell))
		} else if sr.kind == cellShared && sr.hasValue && !sharedIndexOK(sr.text, wb.strings.len()) {
			return sr.badSharedIndex() // the text is lost, not empty (damage.go)
		} else if int(cell.Style) < len(wb.styles) && wb.styles[cell.Style].Fill != 0 {
			// An empty coloured cell: a Gantt bar drawn by fills.
			if err := sr.chargeCell(); err != nil {
				return err
			}
			sr.row.Fills = append(sr.row.Fills, FillCell{Col: cell.Col, Fill: wb.styles[cell.Style].Fill})
		}
	}
	sr.inCell = false
	return nil
}

// chargeCell is budget.gridCell at the current row, with the position made
// only for the error: it runs for every cell of the sheet.
func (sr *sheetReader) chargeCell() error {
	if b := &sr.wb.budget; b.cells < limits.GridCells {
		b.cells++
		return nil
	}
	return sr.overCell()
}

// overCell is chargeCell past the limit, apart so that chargeCell inlines.
func (sr *sheetReader) overCell() error { return sr.wb.budget.gridCell(sr.at()) }

// chargeText is budget.addText at the current row, as chargeCell is cell.
func (sr *sheetReader) chargeText(n int) error {
	if b, cost := &sr.wb.budget, int64(n)+1; n <= limits.CellTextBytes && b.text+cost <= limits.TextBytes {
		b.text += cost
		return nil
	}
	return sr.overText(n)
}

// overText is chargeText past a limit.
func (sr *sheetReader) overText(n int) error { return sr.wb.budget.addText(sr.at(), n) }

// stored turns the cell just decoded into a stored cell: a shared string
// by its index in the table, an inline string by its place in the grid's
// text (shared by texts).
func (sr *sheetReader) stored(c *Cell) cell {
	out := cell{col: c.Col, style: c.Style, kind: c.Kind, formula: c.Formula}
	switch {
	case c.Kind == Number || c.Kind == Bool:
		out.v = math.Float64bits(c.Num)
	case sr.kind == cellShared:
		i, _ := smallIndex(sr.text) // setCellKind checked it
		out.v = sstCell | uint64(i)
	case sr.texts.used:
		out.v = sr.texts.last
	default:
		out.v = sr.g.text.add(c.Str)
	}
	return out
}

// store encodes the row begun last into the grid, its cells sorted.
func (sr *sheetReader) store() {
	r := &sr.cur
	sortIfNeeded(r.cells)
	sr.enc = sr.g.addRow(sr.enc, r.Num, r.Hidden, r.Outline, r.cells, r.Fills)
	sr.pending = false
}

// sizeRows makes room for the rows the sheet's dimension (ref, "A1:R50001")
// says it spans, so that append does not copy the rows of a large sheet
// as they grow. A row takes at least 20 bytes of XML
// (<row r="1"><c><v>1</v></c></row> and more), so a dimension larger than
// the part can hold is not believed that far; and the rows made room for
// in all sheets of a book together stay within limits.BookRows, the rows
// it may keep (16 bytes each, 19 MB): white space compresses a
// thousandfold, so a 2 MB file of sheets padded to hold a full-height
// dimension would otherwise reserve 42 MB each, 4 GB for the 95 that
// InflatedBytes admits.
func (sr *sheetReader) sizeRows(ref []byte) {
	m, ok := parseRange(string(ref))
	if !ok || len(sr.g.Rows) > 0 || cap(sr.g.Rows) > 0 {
		return
	}
	b := &sr.wb.budget
	n := min(int64(m.Row2), int64(min(sr.partSize/20, limits.BookRows)), limits.BookRows-b.reserved)
	if n <= 0 {
		return
	}
	b.reserved += n
	sr.g.Rows = make([]Row, 0, n)
}
