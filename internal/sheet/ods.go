package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// The .ods reader: OpenDocument spreadsheets (LibreOffice, Google Sheets,
// public bodies' templates), read by streaming content.xml once. Runs of
// repeated empty rows and cells (table:number-rows-repeated="1048000") only
// move the position; repeated cells with a value are written out, within
// the sheet bounds and the book's cell budget (limits.Cells).
//
// Reference: OpenDocument v1.3 part 3 (schema), §9 Tables and §19 attributes.

// odsStyle is what pmo keeps of an OpenDocument cell style.
type odsStyle struct {
	parent string
	data   string // data style name
	indent int
	fill   string // background colour, when it can mark a cell
	hidden bool   // a table style with table:display="false"
}

// odsBook collects styles and sheets while content.xml is scanned.
type odsBook struct {
	wb         *workbook
	styles     map[string]odsStyle // cell and table styles
	dataStyles map[string]byte     // data style name -> 'd' date, 't' time, 'p' percent, 'n' other
	codes      map[string]string   // number style name -> its literal text as a format code
	index      map[odsStyleKey]uint16
	grid       []Style           // Grid.Styles, shared by every sheet
	fills      map[string]uint16 // background colour -> Style.Fill
	date1904   bool              // table:null-date is 1904-01-01: numbers shown as dates count from there
}

type odsStyleKey struct {
	name      string
	valueType byte
}

// isODS tells an OpenDocument package from an OOXML one: by the mimetype
// entry, which OpenDocument puts first and uncompressed, or else by a
// content.xml without an xl/workbook.xml.
func isODS(data []byte) bool {
	if len(data) > 38 && string(data[30:38]) == "mimetype" {
		return isODSHead(data)
	}
	zr, err := openZip(bytes.NewReader(data), int64(len(data)), diag.Pos{})
	if err != nil {
		return false
	}
	return isODSZip(zr)
}

// isODSHead is isODS by the mimetype entry the package starts with
// (data holds at least its first 120 bytes).
func isODSHead(data []byte) bool {
	return len(data) > 38 && string(data[30:38]) == "mimetype" && bytes.Contains(data[38:min(len(data), 120)], []byte("application/vnd.oasis.opendocument"))
}

// isODSZip is isODS for a package without a mimetype entry first.
func isODSZip(zr *zip.Reader) bool {
	wb := &workbook{zr: zr}
	return wb.find("content.xml") != nil && wb.find("xl/workbook.xml") == nil
}

func parseODS(name string, data []byte) (*Book, error) {
	zr, err := openZip(bytes.NewReader(data), int64(len(data)), diag.Pos{File: name})
	if ie, ok := err.(*diag.InputError); ok {
		return nil, ie
	}
	if err != nil && zipCutShort(data) {
		return nil, diag.Errorf(diag.Pos{File: name}, "not a valid .ods file: it is cut short (the zip directory at its end is missing); copy it again, or save it again from LibreOffice")
	}
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "not a valid .ods file (the zip container is damaged): %v", err)
	}
	wb := &workbook{file: name, zr: zr, ods: true}
	if wb.find("mimetype") != nil {
		rc, err := wb.open("mimetype")
		if err == nil && rc != nil {
			mt, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			if m := string(bytes.TrimSpace(mt)); m != "" && !strings.HasPrefix(m, "application/vnd.oasis.opendocument.spreadsheet") {
				return nil, diag.Errorf(diag.Pos{File: name}, "an OpenDocument file that is not a spreadsheet (%q)", m)
			}
		}
	}
	if wb.find("content.xml") == nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "not an OpenDocument spreadsheet (no content.xml inside)")
	}
	// A password-protected document keeps its parts encrypted and says so
	// in the manifest; reading content.xml would only give garbage.
	encrypted := false
	if err := wb.scan("META-INF/manifest.xml", func(t token) error {
		if t.kind == tokStart && string(t.name) == "encryption-data" {
			encrypted = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if encrypted {
		return nil, diag.Errorf(diag.Pos{File: name}, "the .ods file is password-protected, which pmo cannot open; save it again in LibreOffice without a password")
	}
	ob := &odsBook{wb: wb, styles: map[string]odsStyle{}, dataStyles: map[string]byte{}, index: map[odsStyleKey]uint16{}, grid: []Style{{}}, fills: map[string]uint16{}, codes: map[string]string{}}
	// Common styles live in styles.xml, automatic ones at the top of
	// content.xml; both come before any cell that uses them.
	if err := wb.scan("styles.xml", ob.styleToken()); err != nil {
		return nil, err
	}
	b := &Book{File: name}
	if err := ob.readContent(b); err != nil {
		return nil, err
	}
	for _, g := range b.Sheets {
		g.Styles = ob.grid
	}
	if len(b.Sheets) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name}, "workbook has no worksheets")
	}
	return b, nil
}

// odsSheet is the state of the table being read.
type odsSheet struct {
	g        *Grid
	row      int // 1-based number of the current row
	col      int // next column
	repeat   int // rows the current table-row stands for
	hidden   bool
	outline  int
	merged   int64 // cells covered by indexed merges
	colStyle []odsColStyle
	colNext  int
	cells    []Cell     // of the row being read
	fills    []FillCell // of the row being read
}

type odsColStyle struct {
	first, last int
	style       string
}

func (sh *odsSheet) defaultStyle(col int) string {
	for _, c := range sh.colStyle {
		if col >= c.first && col <= c.last {
			return c.style
		}
	}
	return ""
}

// styleRuns calls fn for the runs of columns lo..hi that share a style:
// style itself when the cell names one, else each column's default.
func (sh *odsSheet) styleRuns(style string, lo, hi int, fn func(lo, hi int, style string) error) error {
	if style != "" {
		return fn(lo, hi, style)
	}
	for _, c := range sh.colStyle {
		a, b := max(lo, c.first), min(hi, c.last)
		if a <= b && c.style != "" {
			if err := fn(a, b, c.style); err != nil {
				return err
			}
		}
	}
	return nil
}

// odsCell is the cell being read.
type odsCell struct {
	cell      Cell
	valueType byte
	style     string
	repeat    int
	rowSpan   int
	colSpan   int
	text      []byte
	paras     int
	isError   bool
}

func (ob *odsBook) readContent(b *Book) error {
	handle := ob.styleToken()
	var (
		sh         *odsSheet
		cell       *odsCell
		inBody     bool
		annotation int
		groups     int
		// depth counts the open elements of the body; rowDepth is the
		// depth of the table-row being read (0 outside one): text directly
		// in a row, between its cells, is damage (damage.go).
		depth, rowDepth int
	)
	file := ob.wb.file
	err := ob.wb.scan("content.xml", func(t token) error {
		name := string(t.name)
		if !inBody {
			if t.kind == tokStart && name == "body" {
				inBody = true
				return nil
			}
			return handle(t)
		}
		switch {
		case t.kind == tokStart && !t.self:
			depth++
		case t.kind == tokEnd:
			if depth == rowDepth {
				rowDepth = 0
			}
			depth--
		}
		if sh != nil && (t.kind == tokStart && !isXMLName(t.name) || t.kind == tokText && rowDepth > 0 && depth == rowDepth && !isBlank(t.text)) {
			return odsNoise(sh)
		}
		switch t.kind {
		case tokStart:
			if annotation > 0 {
				if name == "annotation" && !t.self {
					annotation++
				}
				return nil
			}
			switch name {
			case "null-date":
				ob.date1904 = string(attrOr(t.attrs, "table:date-value")) == "1904-01-01"
			case "table":
				nm, _ := attr(t.attrs, "table:name")
				ts, _ := attr(t.attrs, "table:style-name")
				g := &Grid{File: file, Name: unescapeXML(nm, false), Hidden: ob.styles[unescapeXML(ts, false)].hidden, Date1904: ob.date1904}
				sh = &odsSheet{g: g, row: 1}
				groups = 0
			case "table-column":
				if sh == nil {
					return nil
				}
				n := max(attrInt(t.attrs, "table:number-columns-repeated"), 1)
				first := sh.colNext + 1
				last := min(first+n-1, maxCols)
				sh.colNext = last
				if v := string(attrOr(t.attrs, "table:visibility")); v == "collapse" || v == "filter" {
					if sh.g.HiddenCols == nil {
						sh.g.HiddenCols = map[int]bool{}
					}
					for c := first; c <= last && c <= first+1000; c++ {
						sh.g.HiddenCols[c] = true
					}
				}
				if ds, ok := attr(t.attrs, "table:default-cell-style-name"); ok && len(sh.colStyle) < 4096 {
					sh.colStyle = append(sh.colStyle, odsColStyle{first, last, unescapeXML(ds, false)})
				}
			case "table-row-group":
				if !t.self {
					groups++
				}
			case "table-row":
				if sh == nil {
					return nil
				}
				sh.col = 1
				sh.repeat = max(attrInt(t.attrs, "table:number-rows-repeated"), 1)
				v := string(attrOr(t.attrs, "table:visibility"))
				sh.hidden = v == "collapse" || v == "filter"
				sh.outline = min(groups, 7)
				if !t.self {
					rowDepth = depth
				}
				if t.self {
					if err := ob.endRow(sh); err != nil {
						return err
					}
				}
			case "table-cell", "covered-table-cell":
				if sh == nil {
					return nil
				}
				c := &odsCell{repeat: 1}
				if name == "table-cell" {
					ob.startCell(c, t.attrs)
					if (c.rowSpan > 1 || c.colSpan > 1) && sh.row <= maxRows && sh.col <= maxCols {
						r := Range{Row1: sh.row, Col1: sh.col, Row2: min(sh.row+max(c.rowSpan, 1)-1, maxRows), Col2: min(sh.col+max(c.colSpan, 1)-1, maxCols)}
						at := diag.Pos{File: file, Sheet: sh.g.Name, Row: sh.row, Col: sh.col}
						if len(sh.g.Merges) >= limits.Merges {
							return limits.Over(at, overMerges, limits.Merges, false)
						}
						if a := r.area(); a <= limits.MergeArea {
							if sh.merged += a; sh.merged > limits.MergedCells {
								return limits.Over(at, overMergedCells, limits.MergedCells, false)
							}
						}
						sh.g.Merges = append(sh.g.Merges, r)
					}
				} else {
					c.repeat = max(attrInt(t.attrs, "table:number-columns-repeated"), 1)
				}
				if t.self {
					return ob.endCell(sh, c)
				}
				cell = c
			case "annotation":
				if !t.self {
					annotation = 1
				}
			case "p", "h":
				if cell != nil {
					if cell.paras > 0 {
						cell.text = append(cell.text, '\n')
					}
					cell.paras++
				}
			case "s":
				if cell != nil {
					cell.text = append(cell.text, strings.Repeat(" ", min(max(attrInt(t.attrs, "text:c"), 1), 1000))...)
				}
			case "tab":
				if cell != nil {
					cell.text = append(cell.text, '\t')
				}
			case "line-break":
				if cell != nil {
					cell.text = append(cell.text, '\n')
				}
			}
		case tokEnd:
			if annotation > 0 {
				if name == "annotation" {
					annotation--
				}
				return nil
			}
			switch name {
			case "table-cell", "covered-table-cell":
				if cell != nil && sh != nil {
					c := cell
					cell = nil
					return ob.endCell(sh, c)
				}
			case "table-row":
				if sh != nil {
					if err := ob.endRow(sh); err != nil {
						return err
					}
				}
			case "table-row-group":
				groups--
			case "table":
				if sh != nil {
					sh.g.normalise()
					b.Sheets = append(b.Sheets, sh.g)
					sh = nil
				}
			}
		case tokText:
			if cell != nil && annotation == 0 && cell.paras > 0 {
				cell.text = append(cell.text, t.text...)
			}
		}
		return nil
	})
	return err
}

// startCell reads a cell's attributes: value type, value, style, spans.
func (ob *odsBook) startCell(c *odsCell, attrs []byte) {
	// One pass over the attributes: a sheet has a cell tag per value, and
	// looking each attribute up separately was most of the read.
	var vt, calc, value, dateValue, timeValue, boolValue, strValue []byte
	hasStr := false
	eachAttr(attrs, func(k, v []byte) {
		switch string(k) {
		case "table:style-name":
			c.style = unescapeXML(v, false)
		case "table:number-rows-spanned":
			c.rowSpan, _ = strconv.Atoi(string(v))
		case "table:number-columns-spanned":
			c.colSpan, _ = strconv.Atoi(string(v))
		case "table:number-columns-repeated":
			if n, err := strconv.Atoi(string(v)); err == nil && n > 1 {
				c.repeat = n
			}
		case "table:formula":
			c.cell.Formula = true
		case "office:value-type":
			vt = v
		case "calcext:value-type":
			calc = v
		case "office:value":
			value = v
		case "office:date-value":
			dateValue = v
		case "office:time-value":
			timeValue = v
		case "office:boolean-value":
			boolValue = v
		case "office:string-value":
			strValue, hasStr = v, true
		}
	})
	if string(calc) == "error" {
		// LibreOffice keeps a formula error as an empty string value and
		// shows the error as the cell's text.
		c.valueType, c.isError = 's', true
		return
	}
	switch string(vt) {
	case "float", "currency":
		c.valueType = 'f'
		c.setNumber(value)
	case "percentage":
		c.valueType = 'p'
		c.setNumber(value)
	case "date":
		c.valueType = 'd'
		if n, ok := odsDate(string(dateValue)); ok {
			if ob.date1904 {
				n -= 1462 // the same day as a serial of the 1904 system
			}
			c.cell.Kind, c.cell.Num = Number, n
		}
	case "time":
		c.valueType = 't'
		if n, ok := odsDuration(string(timeValue)); ok {
			c.cell.Kind, c.cell.Num = Number, n
		}
	case "boolean":
		c.valueType = 'b'
		c.cell.Kind = Bool
		if string(boolValue) == "true" {
			c.cell.Num = 1
		}
	case "string":
		c.valueType = 's'
		if hasStr {
			c.cell.Kind, c.cell.Str = String, unescapeXML(strValue, false)
		}
	}
}

// eachAttr calls fn with each attribute's name and raw value.
func eachAttr(attrs []byte, fn func(k, v []byte)) {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return
		}
		key := bytes.TrimSpace(attrs[:eq])
		rest := attrs[eq+1:]
		for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n') {
			rest = rest[1:]
		}
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return
		}
		fn(key, rest[1:1+end])
		attrs = rest[end+2:]
	}
}

func (c *odsCell) setNumber(v []byte) {
	if f, err := strconv.ParseFloat(string(v), 64); err == nil {
		c.cell.Kind, c.cell.Num = Number, f
	}
}

// endCell adds the finished cell, repeated across as the file says, to the
// row being read.
func (ob *odsBook) endCell(sh *odsSheet, c *odsCell) error {
	col := sh.col
	sh.col = min(sh.col+c.repeat, maxCols+1)
	if c.cell.Kind == Empty && (c.valueType == 's' || c.valueType == 0) && len(c.text) > 0 {
		c.cell.Kind, c.cell.Str = String, unescapeXML(c.text, false)
	}
	if c.isError && c.cell.Kind == String {
		c.cell.Kind = ErrorValue
	}
	switch c.cell.Kind {
	case Empty:
		return ob.emptyCell(sh, c, col)
	case String:
		if c.cell.Str == "" {
			return nil
		}
		if c.cell.Formula && isErrorText(c.cell.Str) {
			c.cell.Kind = ErrorValue
		}
	}
	if sh.row > maxRows || col > maxCols {
		return nil
	}
	style := c.style
	if style == "" {
		style = sh.defaultStyle(col)
	}
	c.cell.Style = ob.style(style, c.valueType)
	last := min(col+c.repeat-1, maxCols)
	rows := min(sh.repeat, maxRows-sh.row+1)
	at := diag.Pos{File: sh.g.File, Sheet: sh.g.Name, Row: sh.row, Col: col}
	// A value repeated over a million rows is refused before it is written
	// out: the cost is known from the counts.
	if cost := int64(last-col+1) * int64(rows); ob.wb.budget.cells+cost > limits.Cells {
		return limits.Over(at, overCells, limits.Cells, false)
	}
	for k := 0; k < last-col+1; k++ {
		if err := ob.wb.budget.cell(at); err != nil {
			return err
		}
		if c.cell.Kind == String {
			if err := ob.wb.budget.addText(at, len(c.cell.Str)); err != nil {
				return err
			}
		}
	}
	for k := col; k <= last; k++ {
		cc := c.cell
		cc.Col = uint16(k)
		sh.cells = append(sh.cells, cc)
	}
	return nil
}

// emptyCell keeps an empty cell whose style has a marking fill: a Gantt
// bar drawn by colouring cells, often one cell repeated across the bar.
func (ob *odsBook) emptyCell(sh *odsSheet, c *odsCell, col int) error {
	if sh.row > maxRows || col > maxCols {
		return nil
	}
	last := min(col+c.repeat-1, maxCols)
	return sh.styleRuns(c.style, col, last, func(lo, hi int, style string) error {
		fill := ob.grid[ob.style(style, 0)].Fill
		if fill == 0 {
			return nil
		}
		at := diag.Pos{File: sh.g.File, Sheet: sh.g.Name, Row: sh.row, Col: lo}
		if cost := int64(hi-lo+1) * int64(min(sh.repeat, maxRows-sh.row+1)); ob.wb.budget.cells+cost > limits.Cells {
			return limits.Over(at, overCells, limits.Cells, false)
		}
		for k := lo; k <= hi; k++ {
			if err := ob.wb.budget.cell(at); err != nil {
				return err
			}
			sh.fills = append(sh.fills, FillCell{Col: uint16(k), Fill: fill})
		}
		return nil
	})
}

// endRow stores the row just read, as many times as it is repeated.
func (ob *odsBook) endRow(sh *odsSheet) error {
	g := sh.g
	rows := min(sh.repeat, maxRows-sh.row+1)
	if len(sh.cells) > 0 || len(sh.fills) > 0 || (sh.outline > 0 && rows <= 1000) {
		// Stored once: the copies of a repeated row share the strings,
		// but each copy's text is read again, so charged again (refs.go).
		cells := make([]cell, len(sh.cells))
		text := 0
		for i, c := range sh.cells {
			cells[i] = g.store(c)
			if c.Kind == String {
				text += len(c.Str) + 1
			}
		}
		if rows > 1 && text > 0 {
			if err := ob.wb.budget.repeatedText(diag.Pos{File: g.File, Sheet: g.Name, Row: sh.row}, text-1, rows-1); err != nil {
				return err
			}
		}
		for r := sh.row; r < sh.row+rows; r++ {
			row := stagedRow{Num: r, Hidden: sh.hidden, Outline: sh.outline, cells: slices.Clone(cells), Fills: slices.Clone(sh.fills)}
			if r > sh.row {
				// The first copy was charged cell by cell as it was read.
				for range len(row.cells) + len(row.Fills) {
					if err := ob.wb.budget.cell(diag.Pos{File: g.File, Sheet: g.Name, Row: r}); err != nil {
						return err
					}
				}
			}
			g.staged = append(g.staged, row)
		}
	}
	sh.cells, sh.fills = sh.cells[:0], sh.fills[:0]
	sh.row = min(sh.row+sh.repeat, maxRows+1)
	return nil
}
