package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/value"
)

// Limits on what a workbook may inflate to. Real team sheets are a few MB;
// the limits exist so a zip bomb is refused instead of filling memory.
const (
	maxPartSize  = 512 << 20 // one XML part
	maxTotalSize = 2 << 30   // all parts read
)

// workbook is an opened .xlsx/.xlsm package.
type workbook struct {
	file     string
	zr       *zip.Reader
	sheets   []sheetRef
	date1904 bool
	styles   []Style
	strings  []string
	inflated int64
}

type sheetRef struct {
	name   string
	hidden bool
	part   string // zip path of the worksheet part
}

func openWorkbook(file string, data []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: file}, "not a valid .xlsx file (the zip container is damaged): %v", err)
	}
	wb := &workbook{file: file, zr: zr}
	if wb.find("word/document.xml") != nil {
		return nil, diag.Errorf(diag.Pos{File: file}, "this is a Word document, not an Excel workbook")
	}
	if wb.find("ppt/presentation.xml") != nil {
		return nil, diag.Errorf(diag.Pos{File: file}, "this is a PowerPoint file, not an Excel workbook")
	}
	wbPart := "xl/workbook.xml"
	if wb.find(wbPart) == nil {
		return nil, diag.Errorf(diag.Pos{File: file}, "not an Excel workbook (no xl/workbook.xml inside)")
	}
	rels, err := wb.rels("xl/_rels/workbook.xml.rels", "xl")
	if err != nil {
		return nil, err
	}
	if err := wb.readWorkbook(wbPart, rels); err != nil {
		return nil, err
	}
	styles := rels.target("styles")
	if styles == "" {
		styles = "xl/styles.xml"
	}
	if err := wb.readStyles(styles); err != nil {
		return nil, err
	}
	sst := rels.target("sharedStrings")
	if sst == "" {
		sst = "xl/sharedStrings.xml"
	}
	if err := wb.readSharedStrings(sst); err != nil {
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) find(name string) *zip.File {
	for _, f := range wb.zr.File {
		if f.Name == name {
			return f
		}
	}
	// Some writers use different case or backslashes.
	for _, f := range wb.zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

// open returns a reader over a part that refuses to inflate past the limits.
func (wb *workbook) open(name string) (io.ReadCloser, error) {
	f := wb.find(name)
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPartSize || wb.inflated+int64(f.UncompressedSize64) > maxTotalSize {
		return nil, diag.Errorf(diag.Pos{File: wb.file}, "refusing to read: part %s would inflate to %d MB (zip bomb?)", name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: wb.file}, "cannot read %s inside the workbook: %v", name, err)
	}
	// Declared sizes can lie; count what is really inflated.
	limit := int64(f.UncompressedSize64)
	wb.inflated += limit
	return &limitedReadCloser{r: io.LimitReader(rc, limit+1), c: rc, limit: limit, file: wb.file, part: name}, nil
}

type limitedReadCloser struct {
	r     io.Reader
	c     io.Closer
	n     int64
	limit int64
	file  string
	part  string
}

func (l *limitedReadCloser) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.limit {
		return n, diag.Errorf(diag.Pos{File: l.file}, "refusing to read: part %s inflates past its declared size (zip bomb?)", l.part)
	}
	return n, err
}

func (l *limitedReadCloser) Close() error { return l.c.Close() }

type relations map[string]relation

type relation struct{ typ, target string }

// target returns the target of the first relation whose type ends in kind.
func (r relations) target(kind string) string {
	best := ""
	for _, rel := range r {
		if strings.HasSuffix(rel.typ, "/"+kind) && (best == "" || rel.target < best) {
			best = rel.target
		}
	}
	return best
}

func (wb *workbook) rels(name, base string) (relations, error) {
	out := relations{}
	err := wb.scan(name, func(t token) error {
		if t.kind == tokStart && string(t.name) == "Relationship" {
			id, _ := attr(t.attrs, "Id")
			typ, _ := attr(t.attrs, "Type")
			target, _ := attr(t.attrs, "Target")
			tg := unescape(target)
			if strings.HasPrefix(tg, "/") {
				tg = strings.TrimPrefix(tg, "/")
			} else {
				tg = path.Join(base, tg)
			}
			out[string(id)] = relation{typ: string(typ), target: tg}
		}
		return nil
	})
	return out, err
}

// scan runs fn over every token of a part; a missing part is not an error.
func (wb *workbook) scan(name string, fn func(token) error) error {
	rc, err := wb.open(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	s := newScanner(rc)
	for {
		t, err := s.next()
		if err != nil {
			return wb.partError(name, err)
		}
		if t.kind == tokEOF {
			return nil
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

func (wb *workbook) partError(name string, err error) error {
	var de *diag.InputError
	if errors.As(err, &de) {
		return de
	}
	return diag.Errorf(diag.Pos{File: wb.file}, "cannot read %s inside the workbook: %v", name, err)
}

func (wb *workbook) readWorkbook(name string, rels relations) error {
	return wb.scan(name, func(t token) error {
		if t.kind != tokStart {
			return nil
		}
		switch string(t.name) {
		case "workbookPr":
			wb.date1904 = attrTrue(t.attrs, "date1904")
		case "sheet":
			n, _ := attr(t.attrs, "name")
			state, _ := attr(t.attrs, "state")
			id, _ := attr(t.attrs, "r:id")
			rel, ok := rels[string(id)]
			if !ok || !strings.HasSuffix(rel.typ, "/worksheet") {
				return nil // chart sheets, dialog sheets, macro sheets
			}
			wb.sheets = append(wb.sheets, sheetRef{name: unescape(n), hidden: len(state) > 0 && string(state) != "visible", part: rel.target})
		}
		return nil
	})
}

func (wb *workbook) readStyles(name string) error {
	codes := map[int]string{}
	inXfs := false
	err := wb.scan(name, func(t token) error {
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "numFmt":
				code, _ := attr(t.attrs, "formatCode")
				codes[attrInt(t.attrs, "numFmtId")] = unescape(code)
			case "cellXfs":
				inXfs = !t.self
			case "xf":
				if inXfs {
					id := attrInt(t.attrs, "numFmtId")
					wb.styles = append(wb.styles, Style{NumFmt: id, Code: codes[id]})
				}
			case "alignment":
				if inXfs && len(wb.styles) > 0 {
					wb.styles[len(wb.styles)-1].Indent = attrInt(t.attrs, "indent")
				}
			}
		case tokEnd:
			if string(t.name) == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
	for i := range wb.styles {
		s := &wb.styles[i]
		s.Date = value.IsDateFormat(s.NumFmt, s.Code)
		s.Percent = value.IsPercentFormat(s.NumFmt, s.Code)
	}
	return err
}

// readSharedStrings collects the string table, leaving out phonetic
// (furigana) runs so they never leak into values.
func (wb *workbook) readSharedStrings(name string) error {
	var cur []byte
	inSI, inT, inPh := false, false, 0
	return wb.scan(name, func(t token) error {
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "si":
				inSI, cur = true, cur[:0]
				if t.self {
					wb.strings = append(wb.strings, "")
					inSI = false
				}
			case "t":
				inT = !t.self
			case "rPh", "phoneticPr":
				if !t.self {
					inPh++
				}
			}
		case tokEnd:
			switch string(t.name) {
			case "si":
				wb.strings = append(wb.strings, unescape(cur))
				inSI = false
			case "t":
				inT = false
			case "rPh", "phoneticPr":
				inPh--
			}
		case tokText:
			if inSI && inT && inPh == 0 {
				cur = append(cur, t.text...)
			}
		}
		return nil
	})
}

// readSheet reads one worksheet into a Grid.
func (wb *workbook) readSheet(ref sheetRef) (*Grid, error) {
	g := &Grid{File: wb.file, Name: ref.name, Hidden: ref.hidden, Date1904: wb.date1904, Styles: wb.styles}
	var (
		row      *Row
		cell     Cell
		inCell   bool
		inV, inT bool
		inIS     bool
		inPh     int
		text     []byte
		nextRow  = 1
		nextCol  = 1
		cellType string
		hasValue bool
	)
	err := wb.scan(ref.part, func(t token) error {
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "row":
				n := attrInt(t.attrs, "r")
				if n <= 0 {
					n = nextRow
				}
				if n > maxRows {
					return diag.Errorf(diag.Pos{File: wb.file, Sheet: ref.name}, "row %d is past Excel's last row %d; the sheet is damaged", n, maxRows)
				}
				nextRow, nextCol = n+1, 1
				// Rows of a table have about as many cells as the row before:
				// sizing for that avoids append's doubling waste.
				var cells []Cell
				if k := len(g.Rows); k > 0 {
					cells = make([]Cell, 0, len(g.Rows[k-1].Cells))
				}
				if t.self {
					row = nil // an empty row element
					return nil
				}
				g.Rows = append(g.Rows, Row{Num: n, Hidden: attrTrue(t.attrs, "hidden"), Outline: attrInt(t.attrs, "outlineLevel"), Cells: cells})
				row = &g.Rows[len(g.Rows)-1]
			case "c":
				if row == nil {
					return nil
				}
				col := nextCol
				if r, ok := attr(t.attrs, "r"); ok {
					if c := colOf(r); c > 0 {
						col = c
					}
				}
				nextCol = col + 1
				typ, _ := attr(t.attrs, "t")
				cellType = string(typ)
				if col > maxCols {
					return nil // beyond XFD: not a real cell
				}
				cell = Cell{Col: uint16(col), Style: uint16(min(attrInt(t.attrs, "s"), 65535))}
				inCell, hasValue, text = !t.self, false, text[:0]
			case "f":
				if inCell {
					cell.Formula = true
				}
			case "v":
				inV = inCell && !t.self
			case "is":
				inIS = inCell && !t.self
			case "t":
				inT = inIS && !t.self
			case "rPh":
				if !t.self {
					inPh++
				}
			case "mergeCell":
				if r, ok := attr(t.attrs, "ref"); ok {
					if m, ok := parseRange(string(r)); ok {
						g.Merges = append(g.Merges, m)
					}
				}
			case "col":
				if attrTrue(t.attrs, "hidden") {
					lo, hi := attrInt(t.attrs, "min"), attrInt(t.attrs, "max")
					if g.HiddenCols == nil {
						g.HiddenCols = map[int]bool{}
					}
					for c := lo; c <= hi && c <= lo+1000; c++ {
						g.HiddenCols[c] = true
					}
				}
			}
		case tokEnd:
			switch string(t.name) {
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				inPh--
			case "c":
				if inCell && row != nil {
					if setCell(&cell, cellType, text, hasValue, wb.strings) {
						row.Cells = append(row.Cells, cell)
					}
				}
				inCell = false
			case "row":
				// Rows with no value (formatting only, or a zip bomb of
				// <row/>) cost memory and say nothing.
				if n := len(g.Rows); n > 0 && len(g.Rows[n-1].Cells) == 0 && g.Rows[n-1].Outline == 0 {
					g.Rows = g.Rows[:n-1]
				}
				row = nil
			}
		case tokText:
			if (inV || inT) && inPh == 0 {
				text = append(text, t.text...)
				hasValue = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.normalise()
	return g, nil
}

// setCell decodes the cell's text by type; false when the cell is empty.
func setCell(c *Cell, typ string, text []byte, hasValue bool, sst []string) bool {
	if !hasValue {
		return false
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(text))
		if err != nil || i < 0 || i >= len(sst) {
			return false
		}
		c.Kind, c.Str = String, sst[i]
	case "str", "inlineStr":
		c.Kind, c.Str = String, unescape(text)
	case "b":
		c.Kind = Bool
		if string(text) == "1" {
			c.Num = 1
		}
	case "e":
		c.Kind, c.Str = ErrorValue, unescape(text)
	default:
		f, err := strconv.ParseFloat(string(bytes.TrimSpace(text)), 64)
		if err != nil {
			c.Kind, c.Str = String, unescape(text)
		} else {
			c.Kind, c.Num = Number, f
		}
	}
	if c.Kind == String && c.Str == "" {
		return false
	}
	if c.Kind == String && value.IsErrorValue(c.Str) && c.Formula {
		c.Kind = ErrorValue
	}
	return true
}

// normalise sorts rows and cells; writers almost always emit them in order,
// so this is a check more than a sort.
func (g *Grid) normalise() {
	sorted := true
	for i := 1; i < len(g.Rows); i++ {
		if g.Rows[i].Num <= g.Rows[i-1].Num {
			sorted = false
			break
		}
	}
	if !sorted {
		sortRows(g)
	}
	for i := range g.Rows {
		cs := g.Rows[i].Cells
		for j := 1; j < len(cs); j++ {
			if cs[j].Col <= cs[j-1].Col {
				sortCells(cs)
				break
			}
		}
	}
}

// colOf returns the column number of a cell reference like "AB12".
func colOf(ref []byte) int {
	n := 0
	for _, b := range ref {
		switch {
		case b >= 'A' && b <= 'Z':
			n = n*26 + int(b-'A'+1)
		case b >= 'a' && b <= 'z':
			n = n*26 + int(b-'a'+1)
		default:
			return n
		}
	}
	return n
}

// parseCellRef splits "AB12" into row 12, column 28.
func parseCellRef(s string) (row, col int, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	col = diag.ColumnNumber(s[:i])
	r, err := strconv.Atoi(s[i:])
	if col == 0 || err != nil || r <= 0 {
		return 0, 0, false
	}
	return r, col, true
}

func parseRange(s string) (Range, bool) {
	a, b, found := strings.Cut(strings.ReplaceAll(s, "$", ""), ":")
	r1, c1, ok1 := parseCellRef(a)
	if !found {
		return Range{r1, c1, r1, c1}, ok1
	}
	r2, c2, ok2 := parseCellRef(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}, true
}
