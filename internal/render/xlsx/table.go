package xlsx

import (
	"cmp"
	"math"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/report"
	"golang.org/x/text/width"
)

// Layout of every data sheet: a title in row 1, the header in row 2, the
// records from row 3. pmo's reader skips a lone title line above a header.
const (
	titleRow  = 1
	headerRow = 2
	firstRow  = 3
)

// Column widths, in Excel's character units.
const (
	minWidth = 6
	maxWidth = 60
)

// column is one column of a data sheet.
type column struct {
	key   string
	label string
	kind  report.Kind
	head  date.Date // a date heading instead of the label (workload weeks)
	fmt   string    // number format overriding the kind's
	// brk breaks the header label onto its two lines at a word, so that
	// a column of figures is as narrow as its figures rather than its
	// label (期限／超過課題): a many-column table then prints legibly.
	brk bool
}

func columnsOf(cs []report.Column) []column {
	out := make([]column, len(cs))
	for i, c := range cs {
		out[i] = column{key: c.Key, label: c.Label, kind: c.Kind}
	}
	return out
}

// numFmt is the number format of a column's values.
func (c column) numFmt() string {
	if c.fmt != "" {
		return c.fmt
	}
	switch c.kind {
	case report.Date:
		return fmtDate
	case report.Percent:
		return fmtPercent
	case report.Number:
		return fmtEffort
	case report.Integer:
		return fmtInt
	}
	return ""
}

// rowLook says how one record row stands out: bold (a summary task) and
// the indent of its name cell.
type rowLook struct {
	bold   bool
	indent int
}

// table is what a data sheet shows.
type table struct {
	sheet  string
	title  string
	cols   []column
	n      int
	value  func(i int, key string) report.Value
	row    func(i int) rowLook // nil: every row plain
	indent string              // key of the column the indent applies to
	// cell, when set, gives a cell its own look over the column's (a
	// coloured status, a number format in a text column); ok false keeps
	// the column's.
	cell func(i int, key string) (l look, ok bool)
	// empty is the label key of the line shown when there are no records.
	empty string
	// outline, when set, is record i's row outline level (0 none).
	outline func(i int) int
	// besideMM is the printed width at 100 % of what the sheet puts to
	// the right of the table (a heat map), which shares its page.
	besideMM float64
	// fitAt is the scale the table's widths are fitted to (fitWidths):
	// prefScale when 0.
	fitAt int
	// unprinted is the key of a column left out of the print area (the
	// WBS's source), which takes no room on the page.
	unprinted string
	// printCols, when set, is how many columns from the first the print
	// area holds; the rest take no room on the page.
	printCols int
	// floor, when set, replaces wrapFloor: how far the table's text
	// columns may be narrowed.
	floor func(key string) float64
}

// placed is where a table landed.
type placed struct {
	sheet       string
	first, last int // record rows; last < first when there are none
	ncol        int
	at          map[string]int // column key -> column number
	own         map[int]bool   // columns with cells filled by the sheet
	heights     []float64      // each record row's height in points
}

// dataRef is the range of the records in columns c1..c2, or "" when
// there are no records.
func (b *book) dataRef(p *placed, c1, c2 int) string {
	if p.last < p.first {
		return ""
	}
	return b.ref(c1, p.first) + ":" + b.ref(c2, p.last)
}

// headerLook is a table's header cell: white on dark blue, centred at
// the top of its two-line row (see headerWidth).
func headerLook() look {
	return look{bold: true, color: colHeaderText, fill: colHeader, hAlign: "center", vAlign: "top", wrap: true, grid: true}
}

// headerHeight is the height of a table's header row: two lines, so a
// label can break at a word and the filter button sits under a one-line
// label instead of over its end.
func (b *book) headerHeight() float64 { return rowHeight(2, b.lineHeight()) + 2 }

// brokenHeader is a figure column's header label broken onto its two
// lines at a word, and the width the column needs for it, at least
// figureWidth. Japanese wraps at any character (遅れ気味タス／ク), so the
// break is written into the label; a client wraps Latin text at its
// spaces by itself.
func brokenHeader(label string) (string, float64) {
	w := textWidth(label) + 3 // one line
	if strings.Contains(label, " ") {
		w = 0
		for word := range strings.FieldsSeq(label) {
			w = max(w, textWidth(word)+3)
		}
	} else if l1, l2, ok := headerBreak(label); ok {
		label = l1 + "\n" + l2
		w = max(textWidth(l1)+1, textWidth(l2)+3)
	}
	return label, math.Ceil(max(w, figureWidth))
}

// figureWidth is the narrowest column of figures: an SPI, a percentage
// or a count of four digits with room for the filter button.
const figureWidth = 9

// headerWidth is the width a header label needs: its text on one line.
// The header row is two lines tall with the label at the top, so the
// filter button sits below the label rather than over its end, and needs
// no room of its own. Labels are never broken by pmo: other tools find
// the columns by their exact text.
func headerWidth(label string) float64 { return textWidth(label) }

// table writes the title, the header and the typed records, sizes the
// columns from their content and sets the auto-filter.
func (b *book) table(t *table) *placed {
	p := &placed{sheet: t.sheet, first: firstRow, last: firstRow + t.n - 1, ncol: len(t.cols), at: map[string]int{}, own: map[int]bool{}}
	b.streamed(t.sheet)
	b.text(t.sheet, 1, titleRow, t.title, look{bold: true, size: 14, color: colTitle})
	widths := make([]float64, len(t.cols))
	// Measure first: a long text column wraps, and the column's base style
	// must say so before the cells are written.
	for i := range t.n {
		for j, c := range t.cols {
			if w := valueWidth(c, t.value(i, c.key)); w > widths[j] {
				widths[j] = w
			}
		}
	}
	heads := make([]float64, len(t.cols)) // each column's narrowest: its header on one line
	for j, c := range t.cols {
		col := j + 1
		p.at[c.key] = col
		if c.brk {
			label, w := brokenHeader(c.label)
			b.text(t.sheet, col, headerRow, label, headerLook())
			heads[j] = w
			widths[j] = max(widths[j]*1.1+1, w)
		} else if c.head.IsZero() {
			b.text(t.sheet, col, headerRow, c.label, headerLook())
			heads[j] = headerWidth(c.label)*1.1 + 1
			widths[j] = max(widths[j], headerWidth(c.label))
		} else {
			b.date(t.sheet, col, headerRow, c.head)
			h := headerLook()
			h.numFmt = "m/d"
			b.style(t.sheet, col, headerRow, h)
			widths[j] = max(widths[j], 6)
		}
	}
	if len(t.cols) > 0 {
		b.rowHeight(t.sheet, headerRow, b.headerHeight())
	}
	wide := make([]bool, len(t.cols))
	base := make([]int, len(t.cols))       // each column's style id
	floors := make([]float64, len(t.cols)) // how far a text column may be narrowed (wrapFloor)
	for j, c := range t.cols {
		if !c.brk {
			widths[j] = widths[j]*1.1 + 1 // a broken header's is final
		}
		// References (a source cell, a finding's position) stay on one
		// line: wrapped, a path is harder to read, not easier.
		if c.kind == report.Text {
			floors[j] = wrapFloor(c.key)
			if t.floor != nil {
				floors[j] = t.floor(c.key)
			}
		}
		wide[j] = floors[j] > 0 && widths[j] > maxWidth
		widths[j] = math.Round(min(max(widths[j], minWidth), maxWidth)*4) / 4
	}
	printed := make([]bool, len(t.cols))
	for j, c := range t.cols {
		printed[j] = (c.key != t.unprinted || c.key == "") && (t.printCols == 0 || j < t.printCols)
	}
	widths, narrowed := fitWidths(widths, heads, floors, printed, t.besideMM, cmp.Or(t.fitAt, prefScale), b.d.Lang)
	for j, c := range t.cols {
		wide[j] = wide[j] || narrowed[j]
		b.width(t.sheet, j+1, widths[j])
		id, err := b.st.cell(cellLook(c, false, 0, wide[j]))
		b.fail(err)
		base[j] = id
	}
	// The rows' heights (for page breaks and what stands beside the table)
	// and the columns whose cells carry their own fill (left out of the
	// banding) are known before the rows are written.
	line := b.lineHeight()
	p.heights = make([]float64, t.n)
	for i := range t.n {
		lines := 1
		for j, c := range t.cols {
			if c.kind == report.Text {
				v := t.value(i, c.key)
				if wide[j] || v.Num == nil && v.Date.IsZero() && strings.Contains(v.Text, "\n") {
					lines = max(lines, linesIn(v.Text, widths[j]))
				}
			}
			if t.cell != nil && !p.own[j+1] {
				if cl, ok := t.cell(i, c.key); ok && cl.fill != "" {
					p.own[j+1] = true
				}
			}
		}
		p.heights[i] = line
		if lines > 1 {
			p.heights[i] = rowHeight(lines, line)
		}
	}
	b.tablePt[t.sheet] = titleRowPt + b.headerHeight() + max(sumPt(p.heights), line)
	if sb := b.buffer(t.sheet); sb != nil && t.n > 0 {
		sb.rec = &records{first: p.first, n: t.n, ncol: len(t.cols), row: func(i int, cells []xcell) ([]xcell, rowOpts) {
			return b.record(t, p, i, wide, base, cells)
		}}
	}
	if t.n == 0 {
		b.text(t.sheet, 1, firstRow, b.label(cmp.Or(t.empty, "none")), look{italic: true, color: "595959"})
	}
	if len(t.cols) > 0 && b.err == nil {
		b.fail(b.f.AutoFilter(t.sheet, b.ref(1, headerRow)+":"+b.ref(len(t.cols), max(p.last, headerRow+1)), nil))
	}
	return p
}

// record appends the cells of record i of a table, from column 1, and
// gives its row's height and outline level.
func (b *book) record(t *table, p *placed, i int, wide []bool, base []int, cells []xcell) ([]xcell, rowOpts) {
	var rl rowLook
	if t.row != nil {
		rl = t.row(i)
	}
	var opts rowOpts
	if h := p.heights[i]; h != b.lineHeight() {
		opts.height = h
	}
	if t.outline != nil {
		opts.outline = t.outline(i)
	}
	for j, c := range t.cols {
		v := t.value(i, c.key)
		indent := 0
		if c.key == t.indent {
			indent = rl.indent
		}
		// Text with line breaks wraps wherever it is, or Excel shows it
		// on one line and LibreOffice draws the lines over each other.
		breaks := v.Num == nil && v.Date.IsZero() && strings.Contains(v.Text, "\n")
		id := base[j]
		var l look
		own := rl.bold || indent > 0 || breaks && !wide[j]
		if own {
			l = cellLook(c, rl.bold, indent, wide[j] || breaks)
		}
		if t.cell != nil {
			if cl, ok := t.cell(i, c.key); ok {
				l, own = cl, true
			}
		}
		if own {
			var err error
			id, err = b.st.cell(l)
			b.fail(err)
		}
		cell := cellValue(c, v)
		cell.style = id
		cells = append(cells, cell)
	}
	return cells, opts
}

// lineHeight is the height in points of one line of 11-point text in the
// workbook's font.
func (b *book) lineHeight() float64 {
	if b.d.Lang == "en" {
		return 15
	}
	return 18
}

// rowHeight is the height of a row of n lines, within Excel's 409 points.
func rowHeight(n int, line float64) float64 { return min(float64(n)*line+3, 409) }

// linesIn is how many lines s takes in a wrapped cell w characters wide.
func linesIn(s string, w float64) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n += max(1, int(math.Ceil(textWidth(line)/max(w, 1))))
	}
	return n
}

func cellLook(c column, bold bool, indent int, wrap bool) look {
	return look{numFmt: c.numFmt(), bold: bold, indent: indent, grid: true, wrap: wrap, vAlign: "center"}
}

// cellValue is one typed value as a streamed cell: dates as date
// serials, percentages as fractions under a percent format, text always
// as text (an empty cell for none).
func cellValue(col column, v report.Value) xcell {
	if v.Empty {
		return xcell{kind: cellEmpty}
	}
	text := func() xcell {
		if v.Text == "" {
			return xcell{kind: cellEmpty}
		}
		return xcell{kind: cellText, text: v.Text}
	}
	switch col.kind {
	case report.Date:
		if v.Date.IsZero() {
			return xcell{kind: cellEmpty}
		}
		return xcell{kind: cellInt, i: int64(v.Date)}
	case report.Percent:
		if v.Num != nil {
			return xcell{kind: cellFloat, num: *v.Num / 100}
		}
		return text() // "not provided" in a figures column
	case report.Number, report.Integer:
		if v.Num != nil {
			return xcell{kind: cellFloat, num: *v.Num}
		}
		return text()
	}
	// A text column may carry a typed value in some rows (the changes
	// sheet's before / after).
	switch {
	case !v.Date.IsZero():
		return xcell{kind: cellInt, i: int64(v.Date)}
	case v.Num != nil:
		return xcell{kind: cellFloat, num: *v.Num}
	}
	return text()
}

// band shades every other record row; added after a sheet's own rules so
// that highlights win over it. Columns whose cells carry their own colour
// (a severity, a status) are left out: a rule's fill would hide theirs.
func (b *book) band(p *placed) {
	if p.last < p.first {
		return
	}
	var cols []int
	for c := 1; c <= p.ncol; c++ {
		if !p.own[c] {
			cols = append(cols, c)
		}
	}
	b.cond(p.sheet, b.columnRuns(cols, p.first, p.last), "MOD(ROW(),2)=0", look{fill: colBand})
}

// valueWidth is how wide a value shows, in half-width characters.
func valueWidth(c column, v report.Value) float64 {
	if v.Empty {
		return 0
	}
	if !v.Date.IsZero() {
		return 10
	}
	if c.kind == report.Text && v.Num != nil {
		c.kind = report.Number
	}
	switch c.kind {
	case report.Date:
		return 10
	case report.Percent:
		return 5
	case report.Number, report.Integer:
		if v.Num == nil {
			return 0
		}
		prec := 1
		if c.kind == report.Integer || c.fmt == fmtInt {
			prec = 0
		}
		n := len(strconv.FormatFloat(math.Abs(*v.Num), 'f', prec, 64))
		return float64(n + n/4)
	}
	return textWidth(v.Text)
}

// textWidth is the width of the widest line of s in half-width
// characters: East Asian wide and ambiguous characters count double.
func textWidth(s string) float64 {
	w, best := 0.0, 0.0
	for _, r := range s {
		switch {
		case r == '\n':
			best, w = max(best, w), 0
		case r < ' ':
		default:
			w += runeWidth(r)
		}
	}
	return max(best, w)
}

// runeWidth is 2 for an East Asian wide, fullwidth or ambiguous
// character, else 1. ASCII, kana and the common kanji, most of what a
// sheet holds, are answered without the Unicode table
// (TestRuneWidthShortcuts).
func runeWidth(r rune) float64 {
	switch {
	case r < 0x7F:
		return 1
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
		return 2
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}
