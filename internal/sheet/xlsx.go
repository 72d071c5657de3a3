package sheet

import (
	"archive/zip"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/value"
)

// workbook is an opened .xlsx/.xlsm package.
type workbook struct {
	file     string
	zr       *zip.Reader
	sheets   []sheetRef
	date1904 bool
	styles   []Style
	strings  *sharedStrings
	inflated int64
	budget   budget
	// ods marks an OpenDocument file's container: its damage is told in
	// the words of an .ods and LibreOffice, not of Excel.
	ods bool
}

type sheetRef struct {
	name   string
	hidden bool
	part   string // zip path of the worksheet part
}

// zipError is the error for a workbook whose zip directory cannot be
// read: cut short (the end record is missing or runs past the end, see
// zipCutShort), else damaged.
func zipError(file string, err error, cutShort bool) error {
	if cutShort {
		return diag.Errorf(diag.Pos{File: file}, "not a valid .xlsx file: it is cut short (the zip directory at its end is missing); copy it again, or save it again from Excel")
	}
	return diag.Errorf(diag.Pos{File: file}, "not a valid .xlsx file (the zip container is damaged): %v", err)
}

func openWorkbook(file string, zr *zip.Reader) (*workbook, error) {
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
	wb.budget.tableLoaded(wb.strings.len())
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
	if f.UncompressedSize64 > limits.PartBytes || wb.inflated+int64(f.UncompressedSize64) > limits.InflatedBytes {
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
	depth, opened := 0, false
	for {
		t, err := s.next()
		if err != nil {
			return wb.partError(name, err)
		}
		switch t.kind {
		case tokEOF:
			if depth > 0 || !opened {
				// Cut short (or empty, without even its root element):
				// what is missing (shared strings, styles) would read as
				// empty cells, not as damage.
				return wb.partError(name, errCutShort)
			}
			return nil
		case tokStart:
			opened = true
			if !t.self {
				depth++
			}
			if depth > limits.XMLDepth {
				return limits.Over(diag.Pos{File: wb.file}, overXMLDepth, limits.XMLDepth, false)
			}
		case tokEnd:
			depth--
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
	if errors.Is(err, errTokenTooLong) {
		return limits.Over(diag.Pos{File: wb.file}, overXMLToken, limits.XMLTokenBytes, true)
	}
	if errors.Is(inflateDamage(err), errPartDamaged) {
		if wb.ods {
			return diag.Errorf(diag.Pos{File: wb.file}, "%s inside the .ods file does not inflate (its compressed data stops early or is corrupt): the file is cut short or damaged; save it again from LibreOffice", name)
		}
		return diag.Errorf(diag.Pos{File: wb.file}, "%s inside the workbook does not inflate (its compressed data stops early or is corrupt): the workbook is cut short or damaged; save it again from Excel", name)
	}
	if errors.Is(err, errCutShort) {
		if wb.ods {
			return diag.Errorf(diag.Pos{File: wb.file}, "%s inside the .ods file ends before its XML is closed: the file is cut short or damaged; save it again from LibreOffice", name)
		}
		return diag.Errorf(diag.Pos{File: wb.file}, "%s inside the workbook ends before its XML is closed: the workbook is cut short or damaged; save it again from Excel", name)
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
			id := relID(t.attrs)
			rel, ok := rels[string(id)]
			if !ok {
				return wb.missingRel(unescape(n), string(id), name)
			}
			if !strings.HasSuffix(rel.typ, "/worksheet") {
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
	var fills []bool // per fill: can it mark a cell
	inFills, inPattern := false, false
	err := wb.scan(name, func(t token) error {
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "fills":
				inFills = !t.self
			case "fill":
				if inFills && len(fills) < 65535 {
					fills = append(fills, false)
				}
			case "patternFill":
				if inFills && len(fills) > 0 {
					pt, _ := attr(t.attrs, "patternType")
					inPattern = !t.self && len(pt) > 0 && string(pt) != "none" && string(pt) != "gray125"
				}
			case "fgColor":
				if inPattern {
					fills[len(fills)-1] = !whiteColor(t.attrs)
				}
			case "gradientFill":
				if inFills && len(fills) > 0 {
					fills[len(fills)-1] = true
				}
			case "numFmt":
				if len(codes) >= limits.Styles {
					return limits.Over(diag.Pos{File: wb.file}, overStyles, limits.Styles, false)
				}
				code, _ := attr(t.attrs, "formatCode")
				codes[attrInt(t.attrs, "numFmtId")] = unescape(code)
			case "cellXfs":
				inXfs = !t.self
			case "xf":
				if inXfs {
					if len(wb.styles) >= limits.Styles {
						return limits.Over(diag.Pos{File: wb.file}, overStyles, limits.Styles, false)
					}
					id := attrInt(t.attrs, "numFmtId")
					st := Style{NumFmt: id, Code: codes[id]}
					if f := attrInt(t.attrs, "fillId"); f >= 0 && f < len(fills) && fills[f] {
						st.Fill = uint16(f + 1)
					}
					wb.styles = append(wb.styles, st)
				}
			case "alignment":
				if inXfs && len(wb.styles) > 0 {
					wb.styles[len(wb.styles)-1].Indent = min(attrInt(t.attrs, "indent"), maxIndent)
					if h, _ := attr(t.attrs, "horizontal"); string(h) == "centerContinuous" {
						wb.styles[len(wb.styles)-1].CenterAcross = true
					}
				}
			}
		case tokEnd:
			switch string(t.name) {
			case "cellXfs":
				inXfs = false
			case "fills":
				inFills = false
			case "patternFill":
				inPattern = false
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
	pos := diag.Pos{File: wb.file}
	wb.strings = &sharedStrings{}
	add := func(raw []byte) error {
		if wb.strings.len() >= limits.SharedStrings {
			return limits.Over(pos, overSharedStrings, limits.SharedStrings, false)
		}
		return wb.budget.addText(pos, len(wb.strings.add(raw)))
	}
	return wb.scan(name, func(t token) error {
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case "si":
				inSI, cur = true, cur[:0]
				if t.self {
					inSI = false
					return add(nil)
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
				inSI = false
				return add(cur)
			case "t":
				inT = false
			case "rPh", "phoneticPr":
				inPh--
			}
		case tokText:
			if inSI && inT && inPh == 0 {
				if len(cur)+len(t.text) > limits.CellTextBytes {
					return limits.Over(pos, overCellText, limits.CellTextBytes, true)
				}
				cur = append(cur, t.text...)
			}
		}
		return nil
	})
}

// Largest outline level and indent Excel writes; larger values are damage
// and are clamped so level arithmetic cannot overflow.
const (
	maxOutline = 7
	maxIndent  = 250
)

// normalise sorts rows and cells and stores the rows a reader built in
// place; writers almost always emit rows and cells in order, so this is
// a check more than a sort. The xlsx reader stores each row as it ends,
// its cells sorted (sheetReader.endRow); rows out of order go back to be
// staged and sorted here, as every row was before.
func (g *Grid) normalise() {
	g.flushRows()
	if g.unsorted {
		g.unpack()
	}
	if g.staged == nil {
		return
	}
	sorted := true
	for i := 1; i < len(g.staged); i++ {
		if g.staged[i].Num <= g.staged[i-1].Num {
			sorted = false
			break
		}
	}
	if !sorted {
		sortRows(g)
	}
	for i := range g.staged {
		sortIfNeeded(g.staged[i].cells)
	}
	g.pack()
}

// sortIfNeeded sorts cells by column when they are not in order.
func sortIfNeeded(cs []cell) {
	for j := 1; j < len(cs); j++ {
		if cs[j].col <= cs[j-1].col {
			sortStored(cs)
			return
		}
	}
}

// colOf returns the column number of a cell reference like "AB12";
// anything past XFD comes back as maxCols+1, never as a wrapped number.
func colOf(ref []byte) int {
	col, _ := colPrefix(ref)
	return col
}

// colPrefix returns the column number of ref's leading letters, as colOf,
// and where they end; past XFD it stops at the letter that overflowed.
func colPrefix(ref []byte) (col, end int) {
	for ; end < len(ref); end++ {
		switch b := ref[end]; {
		case b >= 'A' && b <= 'Z':
			col = col*26 + int(b-'A'+1)
		case b >= 'a' && b <= 'z':
			col = col*26 + int(b-'a'+1)
		default:
			return col, end
		}
		if col > maxCols {
			return maxCols + 1, end
		}
	}
	return col, end
}

// parseCellRef splits "AB12" into row 12, column 28.
func parseCellRef(s string) (row, col int, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	col = diag.ColumnNumber(s[:i])
	r, err := strconv.Atoi(s[i:])
	if col == 0 || err != nil || r <= 0 || r > maxRows {
		return 0, 0, false // outside Excel's grid: damage, not a cell
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

// whiteColor reports whether a fill colour is white, the sheet's own
// background: rgb FFFFFF, indexed 9 or 64 (system background), or theme
// colour 0 (lt1) without a tint.
func whiteColor(attrs []byte) bool {
	if rgb, ok := attr(attrs, "rgb"); ok {
		s := strings.ToUpper(string(rgb))
		return strings.HasSuffix(s, "FFFFFF") && (len(s) == 6 || len(s) == 8)
	}
	if ix, ok := attr(attrs, "indexed"); ok {
		return string(ix) == "9" || string(ix) == "64"
	}
	if th, ok := attr(attrs, "theme"); ok {
		tint, _ := attr(attrs, "tint")
		return string(th) == "0" && (len(tint) == 0 || string(tint) == "0")
	}
	return false
}
