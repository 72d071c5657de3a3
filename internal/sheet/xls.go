package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/value"
	"github.com/richardlehane/mscfb"
)

// The .xls reader: Excel 97-2003 (BIFF8) workbooks, read record by record
// from the "Workbook" stream of the compound file. It reads the values the
// file stores — cached formula results included — and never recalculates,
// so a TODAY() cell keeps the day the team last saved it.
//
// References: [MS-XLS] (Excel Binary File Format) and [MS-CFB]; the record
// numbers below are the ones the specification gives.

// BIFF record types read by pmo.
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recDateMode   = 0x0022
	recContinue   = 0x003C
	recCodePage   = 0x0042
	recColInfo    = 0x007D
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recRString    = 0x00D6
	recXF         = 0x00E0
	recMergeCells = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRow        = 0x0208
	recRK         = 0x027E
	recFormat     = 0x041E
	recBOF        = 0x0809
	recBlank      = 0x0201
	recMulBlank   = 0x00BE
	recPalette    = 0x0092
	recShrFmla    = 0x04BC
	recArray      = 0x0221
	recTable      = 0x0236
)

// BIFF8 sheets are at most 65,536 rows by 256 columns.
const (
	maxXLSRows = 1 << 16
	maxXLSCols = 256
)

// xlsBook is the workbook globals of a BIFF8 stream.
type xlsBook struct {
	file     string
	stream   []byte
	date1904 bool
	codePage int
	styles   []Style
	sst      []string
	sheets   []xlsSheetRef
	budget   budget
	walked   int // stream bytes read by sheets so far
}

type xlsSheetRef struct {
	name   string
	hidden bool
	offset int // of the sheet's BOF record in the stream
}

// parseXLS reads a legacy Excel workbook from its compound file.
func parseXLS(name string, data []byte) (*Book, error) {
	pos := diag.Pos{File: name}
	stream, err := workbookStream(data)
	if err != nil && cfbCutShort(data) {
		return nil, cfbCutShortError(pos)
	}
	if err != nil {
		return nil, diag.Errorf(pos, "damaged Excel 97-2003 (.xls) workbook: the compound file cannot be read; open it in Excel or LibreOffice and save it again")
	}
	if stream == nil && cfbCutShort(data) {
		return nil, cfbCutShortError(pos)
	}
	if stream == nil {
		return nil, diag.Errorf(pos, "an OLE compound file that is not an Excel workbook")
	}
	wb := &xlsBook{file: name, stream: stream}
	if err := wb.readGlobals(); err != nil {
		return nil, err
	}
	b := &Book{File: name}
	seen := map[int]bool{}
	for _, ref := range wb.sheets {
		// Sheets pointing at the same data are one sheet: a damaged (or
		// hostile) BOUNDSHEET list must not make the stream read over and over.
		if seen[ref.offset] {
			continue
		}
		seen[ref.offset] = true
		g, err := wb.readSheet(ref)
		if err != nil {
			return nil, err
		}
		if g != nil {
			b.Sheets = append(b.Sheets, g)
		}
	}
	if len(b.Sheets) == 0 {
		return nil, diag.Errorf(pos, "workbook has no worksheets")
	}
	return b, nil
}

// workbookStream returns the BIFF stream of a compound file: "Workbook"
// for BIFF8, "Book" for BIFF5 (refused with its own message); nil when the
// file holds neither.
func workbookStream(data []byte) ([]byte, error) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, errXLSDamaged
	}
	var book []byte
	for {
		f, err := doc.Next()
		if err != nil {
			break
		}
		// Some writers spell the stream WORKBOOK; directory names compare
		// without case in [MS-CFB] anyway.
		if len(f.Path) != 0 || (!strings.EqualFold(f.Name, "Workbook") && !strings.EqualFold(f.Name, "Book")) {
			continue
		}
		// A stream can never be longer than the file holding it; a damaged
		// sector chain must not make it so.
		if f.Size <= 0 || f.Size > int64(len(data)) {
			return nil, errXLSDamaged
		}
		buf, err := io.ReadAll(io.LimitReader(f, f.Size))
		if err != nil {
			return nil, errXLSDamaged
		}
		if strings.EqualFold(f.Name, "Workbook") {
			return buf, nil
		}
		book = buf
	}
	return book, nil
}

var errXLSDamaged = errors.New("damaged")

// biffReader walks the records of a BIFF stream.
type biffReader struct {
	b   []byte
	off int
}

// next returns the next record; ok is false at the end or at a record
// running past the stream.
func (r *biffReader) next() (typ uint16, data []byte, ok bool) {
	if r.off+4 > len(r.b) {
		return 0, nil, false
	}
	typ = binary.LittleEndian.Uint16(r.b[r.off:])
	n := int(binary.LittleEndian.Uint16(r.b[r.off+2:]))
	if r.off+4+n > len(r.b) {
		return 0, nil, false
	}
	data = r.b[r.off+4 : r.off+4+n]
	r.off += 4 + n
	return typ, data, true
}

// continued returns data followed by the CONTINUE records after it, as
// segments: strings split across them restart with a flags byte.
func (r *biffReader) continued(data []byte) [][]byte {
	segs := [][]byte{data}
	for {
		save := r.off
		typ, d, ok := r.next()
		if !ok || typ != recContinue {
			r.off = save
			return segs
		}
		segs = append(segs, d)
	}
}

func (wb *xlsBook) readGlobals() error {
	r := &biffReader{b: wb.stream}
	typ, data, ok := r.next()
	if !ok || (typ&0xFF) != 0x09 {
		return diag.Errorf(diag.Pos{File: wb.file}, "not an Excel workbook: the workbook stream does not start with a BOF record")
	}
	if typ != recBOF || len(data) < 4 || binary.LittleEndian.Uint16(data) != 0x0600 {
		return diag.Errorf(diag.Pos{File: wb.file}, "Excel 5.0/95 or older workbook (BIFF5 or earlier): pmo reads Excel 97-2003 and later; open it in Excel or LibreOffice and save it as .xlsx")
	}
	codes := map[int]string{}
	type xf struct {
		fmt, indent int
		fill        xlsFill
	}
	var xfs []xf
	palette := map[int]uint32{} // colour index -> RGB, from a PALETTE record
	for {
		typ, data, ok := r.next()
		if !ok {
			return diag.Errorf(diag.Pos{File: wb.file}, "the workbook stream ends before its EOF record; the file is damaged")
		}
		switch typ {
		case recEOF:
			fills := map[xlsFill]uint16{}
			for _, x := range xfs {
				s := Style{NumFmt: x.fmt, Code: codes[x.fmt], Indent: x.indent}
				if x.fill.marks(palette) {
					if _, ok := fills[x.fill]; !ok {
						fills[x.fill] = uint16(len(fills) + 1)
					}
					s.Fill = fills[x.fill]
				}
				s.Date = value.IsDateFormat(s.NumFmt, s.Code)
				s.Percent = value.IsPercentFormat(s.NumFmt, s.Code)
				wb.styles = append(wb.styles, s)
			}
			return nil
		case recFilePass:
			return diag.Errorf(diag.Pos{File: wb.file}, "workbook is password-protected with .xls encryption, which pmo cannot open; in Excel save it as .xlsx (and set password_env if it keeps a password)")
		case recDateMode:
			wb.date1904 = len(data) >= 2 && binary.LittleEndian.Uint16(data) == 1
		case recCodePage:
			if len(data) >= 2 {
				wb.codePage = int(binary.LittleEndian.Uint16(data))
			}
		case recFormat:
			if len(data) >= 2 {
				sr := newSegReader(r.continued(data[2:]))
				if s, ok := sr.xlString(wb.codePage, 2); ok {
					codes[int(binary.LittleEndian.Uint16(data))] = s
				}
			}
		case recXF:
			if len(xfs) >= limits.Styles {
				return limits.Over(diag.Pos{File: wb.file}, overStyles, limits.Styles, false)
			}
			if len(data) >= 20 {
				colours := binary.LittleEndian.Uint16(data[18:])
				xfs = append(xfs, xf{
					fmt: int(binary.LittleEndian.Uint16(data[2:])), indent: int(data[8] & 0x0F),
					fill: xlsFill{pattern: byte(binary.LittleEndian.Uint32(data[14:]) >> 26), fore: colours & 0x7F, back: colours >> 7 & 0x7F},
				})
			}
		case recPalette:
			if len(data) >= 2 {
				for i := 0; i < int(binary.LittleEndian.Uint16(data)) && 2+4*i+4 <= len(data); i++ {
					c := data[2+4*i:]
					palette[8+i] = uint32(c[0])<<16 | uint32(c[1])<<8 | uint32(c[2])
				}
			}
		case recBoundSheet:
			if len(data) < 8 {
				continue
			}
			// Type 0 is a worksheet; macro sheets, charts and VB modules
			// hold no team data.
			if data[5] != 0 {
				continue
			}
			sr := newSegReader([][]byte{data[6:]})
			nm, ok := sr.xlString(wb.codePage, 1)
			if !ok {
				return diag.Errorf(diag.Pos{File: wb.file}, "a sheet name in the workbook is damaged")
			}
			wb.sheets = append(wb.sheets, xlsSheetRef{name: nm, hidden: data[4]&3 != 0, offset: int(binary.LittleEndian.Uint32(data))})
		case recSST:
			if len(data) < 8 {
				continue
			}
			if err := wb.readSST(r.continued(data[8:]), int(binary.LittleEndian.Uint32(data[4:]))); err != nil {
				return err
			}
		}
	}
}

// readSST reads the shared string table, which Excel splits over CONTINUE
// records every 8,224 bytes — often in the middle of a string.
func (wb *xlsBook) readSST(segs [][]byte, unique int) error {
	total := 0
	for _, s := range segs {
		total += len(s)
	}
	pos := diag.Pos{File: wb.file}
	if unique > limits.SharedStrings {
		return limits.Over(pos, overSharedStrings, limits.SharedStrings, false)
	}
	// Each string takes at least three bytes: a lying count must not
	// allocate more than the data could hold.
	wb.sst = make([]string, 0, min(max(unique, 0), total/3))
	sr := newSegReader(segs)
	for i := 0; i < unique; i++ {
		s, ok := sr.richString(wb.codePage)
		if !ok {
			return diag.Errorf(pos, "the shared string table is damaged (string %d of %d)", i+1, unique)
		}
		if err := wb.budget.addText(pos, len(s)); err != nil {
			return err
		}
		wb.sst = append(wb.sst, s)
	}
	return nil
}

// readSheet reads one worksheet substream; nil for a substream that is not
// a worksheet after all (a chart or macro sheet mislabelled in BOUNDSHEET).
func (wb *xlsBook) readSheet(ref xlsSheetRef) (*Grid, error) {
	pos := diag.Pos{File: wb.file, Sheet: ref.name}
	if ref.offset < 0 || ref.offset >= len(wb.stream) {
		return nil, diag.Errorf(pos, "the sheet's data lies outside the workbook stream; the file is damaged")
	}
	r := &biffReader{b: wb.stream, off: ref.offset}
	typ, data, ok := r.next()
	if !ok || typ != recBOF || len(data) < 4 {
		return nil, diag.Errorf(pos, "the sheet does not start with a BOF record; the file is damaged")
	}
	if dt := binary.LittleEndian.Uint16(data[2:]); dt != 0x0010 {
		return nil, nil
	}
	g := &Grid{File: wb.file, Name: ref.name, Hidden: ref.hidden, Date1904: wb.date1904, Styles: wb.styles}
	sb := sheetBuilder{g: g, budget: &wb.budget, pos: pos}
	var merged int64 // cells covered by indexed merges
	// A FORMULA whose result is text is followed by a STRING record.
	var pending *Cell
	depth := 0 // embedded chart substreams nest BOF … EOF
	start := r.off
	defer func() { wb.walked += r.off - start }()
	for {
		typ, data, ok := r.next()
		if !ok {
			return nil, diag.Errorf(pos, "the sheet ends before its EOF record; the file is damaged")
		}
		// Sheets overlapping each other (offsets into one another's data)
		// would read the stream many times; real sheets read it once.
		if wb.walked+r.off-start > 2*len(wb.stream) {
			return nil, diag.Errorf(pos, "the sheets' data overlap; the file is damaged")
		}
		if sb.err != nil {
			return nil, sb.err
		}
		// A shared, array or table formula's definition comes between the
		// FORMULA and its STRING.
		if typ != recString && typ != recContinue && typ != recShrFmla && typ != recArray && typ != recTable {
			pending = nil
		}
		switch typ {
		case recBOF:
			depth++
		case recEOF:
			if depth == 0 {
				sb.finish()
				return g, nil
			}
			depth--
		}
		if depth > 0 {
			continue
		}
		switch typ {
		case recRow:
			if len(data) >= 16 {
				flags := binary.LittleEndian.Uint16(data[12:])
				sb.rowAttrs(int(binary.LittleEndian.Uint16(data))+1, flags&0x20 != 0, int(flags&7))
			}
		case recColInfo:
			if len(data) >= 10 && binary.LittleEndian.Uint16(data[8:])&1 != 0 {
				lo, hi := int(binary.LittleEndian.Uint16(data))+1, int(binary.LittleEndian.Uint16(data[2:]))+1
				if g.HiddenCols == nil {
					g.HiddenCols = map[int]bool{}
				}
				for c := lo; c <= hi && c <= maxXLSCols; c++ {
					g.HiddenCols[c] = true
				}
			}
		case recMergeCells:
			if len(data) < 2 {
				continue
			}
			n := int(binary.LittleEndian.Uint16(data))
			for i := 0; i < n && 2+8*i+8 <= len(data); i++ {
				d := data[2+8*i:]
				u := func(k int) int { return int(binary.LittleEndian.Uint16(d[2*k:])) + 1 }
				m := Range{Row1: u(0), Row2: u(1), Col1: u(2), Col2: u(3)}
				if m.Row2 < m.Row1 || m.Col2 < m.Col1 {
					continue
				}
				if len(g.Merges) >= limits.Merges {
					return nil, limits.Over(pos, overMerges, limits.Merges, false)
				}
				if a := m.area(); a <= limits.MergeArea {
					if merged += a; merged > limits.MergedCells {
						return nil, limits.Over(pos, overMergedCells, limits.MergedCells, false)
					}
				}
				g.Merges = append(g.Merges, m)
			}
		case recBlank:
			if len(data) >= 6 {
				sb.fill(int(binary.LittleEndian.Uint16(data)), int(binary.LittleEndian.Uint16(data[2:])), binary.LittleEndian.Uint16(data[4:]))
			}
		case recMulBlank:
			if len(data) < 6 {
				continue
			}
			row, col := int(binary.LittleEndian.Uint16(data)), int(binary.LittleEndian.Uint16(data[2:]))
			for i := 4; i+2 <= len(data)-2; i += 2 {
				sb.fill(row, col, binary.LittleEndian.Uint16(data[i:]))
				col++
			}
		case recNumber:
			if len(data) >= 14 {
				sb.add(data, Cell{Kind: Number, Num: math.Float64frombits(binary.LittleEndian.Uint64(data[6:]))})
			}
		case recRK:
			if len(data) >= 10 {
				sb.add(data, Cell{Kind: Number, Num: rkValue(binary.LittleEndian.Uint32(data[6:]))})
			}
		case recMulRK:
			if len(data) < 6 {
				continue
			}
			row := int(binary.LittleEndian.Uint16(data))
			col := int(binary.LittleEndian.Uint16(data[2:]))
			for i := 4; i+6 <= len(data)-2; i += 6 {
				sb.put(row, col, Cell{Kind: Number, Style: binary.LittleEndian.Uint16(data[i:]), Num: rkValue(binary.LittleEndian.Uint32(data[i+2:]))})
				col++
			}
		case recLabelSST:
			if len(data) >= 10 {
				i := int(binary.LittleEndian.Uint32(data[6:]))
				if i >= len(wb.sst) {
					// The text is lost: an empty cell would say it was
					// never there (damage.go).
					return nil, xlsBadSharedIndex(pos, data, i, len(wb.sst))
				}
				sb.add(data, Cell{Kind: String, Str: wb.sst[i]})
			}
		case recLabel, recRString:
			if len(data) >= 8 {
				sr := newSegReader(r.continued(data[6:]))
				if s, ok := sr.xlString(wb.codePage, 2); ok {
					sb.add(data, Cell{Kind: String, Str: s})
				}
			}
		case recBoolErr:
			if len(data) >= 8 {
				if data[7] == 0 {
					sb.add(data, Cell{Kind: Bool, Num: float64(data[6] & 1)})
				} else {
					sb.add(data, Cell{Kind: ErrorValue, Str: xlsError(data[6])})
				}
			}
		case recFormula:
			if len(data) < 20 {
				continue
			}
			c := Cell{Formula: true}
			v := data[6:14]
			if binary.LittleEndian.Uint16(v[6:]) != 0xFFFF {
				c.Kind, c.Num = Number, math.Float64frombits(binary.LittleEndian.Uint64(v))
				sb.add(data, c)
				continue
			}
			switch v[0] {
			case 0: // text: the value follows in a STRING record
				c.Kind = String
				pending = sb.add(data, c)
			case 1:
				c.Kind, c.Num = Bool, float64(v[2]&1)
				sb.add(data, c)
			case 2:
				c.Kind, c.Str = ErrorValue, xlsError(v[2])
				sb.add(data, c)
			}
		case recString:
			if pending != nil {
				sr := newSegReader(r.continued(data))
				if s, ok := sr.xlString(wb.codePage, 2); ok {
					pending.Str = s
					if value.IsErrorValue(s) {
						pending.Kind = ErrorValue
					}
				}
				pending = nil
			}
		}
	}
}

// xlsFill is an XF's fill: pattern (0 none, 1 solid, 2-18 patterns) and
// its foreground and background colour indexes.
type xlsFill struct {
	pattern    byte
	fore, back uint16
}

// marks reports whether the fill can mark a cell: any pattern whose
// colour is not white, the sheet's background. Colour 64 is the system
// foreground (black text colour) and 65 the system background.
func (f xlsFill) marks(palette map[int]uint32) bool {
	if f.pattern == 0 {
		return false
	}
	c := f.fore
	white := c == 1 || c == 65
	if rgb, ok := palette[int(c)]; ok {
		white = rgb == 0xFFFFFF
	} else if c == 9 {
		white = true // the default palette's white
	}
	return !white
}

// rkValue decodes Excel's compressed RK number: a 30-bit integer or the top
// of a double, optionally divided by 100.
func rkValue(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// xlsError names a BIFF error code as Excel shows it.
func xlsError(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#ERROR!"
}

func byFillCol(a, b FillCell) int { return int(a.Col) - int(b.Col) }
