package xlsx

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// tricky are values whose XML takes care: white space at either end,
// line breaks and tabs, characters XML cannot hold, bytes that are not
// UTF-8, markup, _xHHHH_ escapes (a lone surrogate among them), text past
// Excel's cell limit with a character of two UTF-16 units at the cut, and
// numbers that are not finite.
var tricky = []any{
	"plain", " lead", "trail ", "\tTab", "line\nbreak\n", "cr\r\nlf", "a\x01b\x1fc", "bad\xffutf8\xc3",
	`<&>"'`, "=HYPERLINK(\"http://example.com\")", "_x0041_", "_x005F_x0041_", "_x005F_", "a_xD800_b", "_x12", "x_x00e9_y_X0041_",
	"\uFFFE\uFFFF\U0001F600", strings.Repeat("あ", 32766) + "\U0001F600tail", strings.Repeat("b", 40000), "",
	0.1, -2.5e-7, 1e21, 46332.0, math.NaN(), math.Inf(1), math.Inf(-1), int64(46332), int64(-7),
}

// TestSheetXMLLikeStreamWriter: the rows pmo writes itself are the XML
// excelize's StreamWriter wrote for the same cells, byte for byte, so no
// reader sees a difference.
func TestSheetXMLLikeStreamWriter(t *testing.T) {
	t.Parallel()
	type row struct {
		cells []xcell
		opts  rowOpts
	}
	var rows []row
	for i, v := range tricky {
		c := xcell{style: i % 3}
		switch x := v.(type) {
		case string:
			c.kind, c.text = cellText, x
		case float64:
			c.kind, c.num = cellFloat, x
		case int64:
			c.kind, c.i = cellInt, x
		}
		// A gap, the value, a styled empty cell.
		rows = append(rows, row{cells: []xcell{{}, c, {kind: cellEmpty, style: 1}}, opts: rowOpts{height: float64(i % 4 * 7), outline: i % 8}})
	}
	rows = append(rows, row{opts: rowOpts{height: 40.5}}) // a row with a height only

	f := excelize.NewFile()
	defer f.Close()
	// A column style, which cells without a style of their own take.
	id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetColStyle("Sheet1", "C", id); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	b := &book{}
	for r, rw := range rows {
		vals := make([]any, len(rw.cells))
		for j, c := range rw.cells {
			switch c.kind {
			case cellGap:
				continue
			case cellEmpty:
				vals[j] = excelize.Cell{StyleID: c.style}
			case cellText:
				vals[j] = excelize.Cell{StyleID: c.style, Value: c.text}
			case cellFloat:
				vals[j] = excelize.Cell{StyleID: c.style, Value: c.num}
			case cellInt:
				vals[j] = excelize.Cell{StyleID: c.style, Value: c.i}
			}
		}
		if err := sw.SetRow(b.ref(1, r+1), vals, excelize.RowOpts{Height: rw.opts.height, OutlineLevel: rw.opts.outline}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?s)<sheetData>.*</sheetData>`).FindString(readPart(t, buf.Bytes(), "xl/worksheets/sheet1.xml"))

	var got bytes.Buffer
	x := &sheetXML{w: &got, cols: b.col, styles: func(c int) int {
		if c == 3 {
			return id
		}
		return 0
	}}
	x.buf = append(x.buf, "<sheetData>"...)
	for r, rw := range rows {
		x.row(r+1, rw.cells, rw.opts)
	}
	x.buf = append(x.buf, "</sheetData>"...)
	x.flush()
	if x.err != nil {
		t.Fatal(x.err)
	}
	if got.String() != want {
		g, w := got.String(), want
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		t.Errorf("rows differ from the StreamWriter's at byte %d:\n got %q\nwant %q", i, g[max(0, i-80):min(len(g), i+120)], w[max(0, i-80):min(len(w), i+120)])
	}
}

// TestRowLimits: a row beyond Excel's height or outline limits is an
// error, not a file Excel repairs.
func TestRowLimits(t *testing.T) {
	t.Parallel()
	b := &book{}
	for _, o := range []rowOpts{{height: 409.5}, {outline: 8}} {
		var out bytes.Buffer
		x := &sheetXML{w: &out, cols: b.col}
		x.row(1, []xcell{{kind: cellText, text: "x"}}, o)
		if x.err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

// TestRestyleLikeExcelize: the style sheet written again after the
// streamed sheets made styles is the one excelize itself writes.
func TestRestyleLikeExcelize(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f, fontFamily("ja"))
	if _, err := st.cell(look{bold: true, grid: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.cond(look{fill: colBand}); err != nil {
		t.Fatal(err)
	}
	before, err := collect(f)
	if err != nil {
		t.Fatal(err)
	}
	n := styleCount(f)
	for _, l := range []look{{numFmt: fmtDate, grid: true}, {indent: 3, wrap: true, vAlign: "center"}, {color: colHigh, fill: colLate, underline: true}} {
		if _, err := st.cell(l); err != nil {
			t.Fatal(err)
		}
	}
	if styleCount(f) != n+3 {
		t.Fatalf("style count %d, want %d", styleCount(f), n+3)
	}
	got, err := restyle(f, before[stylesPart])
	if err != nil {
		t.Fatal(err)
	}
	after, err := collect(f)
	if err != nil {
		t.Fatal(err)
	}
	if want := after[stylesPart].String(); string(got) != want {
		t.Errorf("restyled:\n%s\nexcelize:\n%s", got, want)
	}
}

// TestStreamedDimension: every sheet of a tracker is streamed, and its
// dimension is the range its cells cover (readers such as openpyxl's
// read-only mode size a sheet by it), where excelize left A1.
func TestStreamedDimension(t *testing.T) {
	t.Parallel()
	data := render(t, exampleDoc(t, "kikan", "ja"))
	f := open(t, data)
	cellRef := regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)
	b := &book{}
	checked := 0
	for i, sheet := range f.GetSheetList() {
		part := readPart(t, data, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")
		c1, r1, c2, r2 := 0, 0, 0, 0
		for _, m := range cellRef.FindAllStringSubmatch(part, -1) {
			c, _ := excelize.ColumnNameToNumber(m[1])
			r, _ := strconv.Atoi(m[2])
			if c1 == 0 || c < c1 {
				c1 = c
			}
			if r1 == 0 || r < r1 {
				r1 = r
			}
			c2, r2 = max(c2, c), max(r2, r)
		}
		want := b.ref(c1, r1) + ":" + b.ref(c2, r2)
		if !strings.Contains(part, `<dimension ref="`+want+`"`) {
			t.Errorf("%s: dimension is not %s", sheet, want)
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d streamed sheets", checked)
	}
}

// TestRuneWidthShortcuts: the ranges runeWidth answers itself are
// answered as the Unicode East Asian Width table does.
func TestRuneWidthShortcuts(t *testing.T) {
	t.Parallel()
	slow := func(r rune) float64 {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			return 2
		}
		return 1
	}
	for _, rg := range [][2]rune{{' ', 0x7E}, {0x4E00, 0x9FFF}, {0x3041, 0x3096}, {0x30A1, 0x30FA}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if got, want := runeWidth(r), slow(r); got != want {
				t.Errorf("U+%04X: %v, the table says %v", r, got, want)
			}
		}
	}
}
