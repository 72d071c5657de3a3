package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Printing. A tracker is read on paper at the 定例, so every sheet prints
// at a fixed scale chosen from its column widths rather than "fit to one
// page wide": fitting a 20-column table and a year of Gantt weeks into one
// page width gave 3-point text. The scale fits the widest printed block
// to the page but never drops the smallest font below minPrintPt; a block
// still wider then continues on the next page with its key columns
// repeated. Excel ignores manual page breaks under fit-to-page, which is
// one more reason for a fixed scale.
const (
	// paperWidthMM and paperHeightMM are A3 landscape, the size the
	// trackers are laid out for; on A4 the same scale gives more pages,
	// never smaller text.
	paperWidthMM  = 420.0
	paperHeightMM = 297.0
	marginIn      = 0.4 // left, right, top and bottom
	headerIn      = 0.2 // header and footer
	// minPrintPt is the smallest printed font size, in points at 100 %.
	minPrintPt = 7.0
	// bodyPt is the size of the workbook's body text, the smallest font a
	// data sheet uses.
	bodyPt = 11.0
)

// printableMM is the width and height inside the margins.
func printableMM() (w, h float64) {
	m := marginIn * 25.4
	return paperWidthMM - 2*m, paperHeightMM - 2*m
}

// maxDigitPx is the width in pixels of a digit in the workbook's font at
// 11 pt, the unit of Excel's column widths. For Calibri, Excel rounds it
// to 7, but LibreOffice measures with Carlito, Calibri's metric twin that
// it ships and Debian installs beside it, unrounded: 1038/2048 em, 7.43
// pixels, so a table estimated at 7 ran a column or two onto a second
// page there (the examples' English WBS printed 4 pages where the
// Japanese printed 2). A LibreOffice with neither font falls back to
// DejaVu Sans (9.3 pixels) and prints more pages still; that is the
// machine's missing font, not a width to plan for, as a real LibreOffice
// has Carlito. For 游ゴシック: 8 in Excel (its default column, 8.38
// characters, is 72 pixels) but about 9.3 in LibreOffice, which never has
// the font and measures with its Latin fallback (DejaVu Sans). The scale
// is chosen for the wider, so the table fits the page in both.
func maxDigitPx(lang string) float64 {
	if lang == "en" {
		return 7.5
	}
	return 9.5
}

// columnMM is how wide a column of Excel width w prints at 100 %.
func columnMM(w, mdw float64) float64 {
	px := math.Trunc((256*w+math.Trunc(128/mdw))/256*mdw) + 0 // Excel's own rounding
	return px * 25.4 / 96
}

// lowestScale is the smallest print scale, the one that keeps body text
// at minPrintPt.
func lowestScale() int { return int(math.Ceil(minPrintPt / bodyPt * 100)) }

// printScale is the percentage that fits a block of widthMM into the
// page width, within [lowest, 100], where lowest keeps body text at
// minPrintPt.
func printScale(widthMM float64) int {
	pw, _ := printableMM()
	if widthMM <= 0 {
		return 100
	}
	s := int(math.Floor(pw / widthMM * 100))
	return min(max(s, lowestScale()), 100)
}

// printSpec is how one sheet prints.
type printSpec struct {
	headerRow int      // rows 1..headerRow repeat on every page; 0 none
	titleCols int      // columns 1..titleCols repeat on every page; 0 none
	blocks    [][2]int // column ranges printed, each from a new page; nil: the used range
	lastRow   int      // last row of the blocks
	breaks    []int    // rows that start a new page
	// fitCols are the columns whose widths set the scale (the first block
	// when nil).
	fitCols [2]int
	// onePage asks for rows 1..lastRow on one page tall as well, when the
	// smallest font allows: a cover sheet whose last lines would spill onto
	// a nearly empty second page.
	onePage bool
	// widestMM is the printed width at 100 % of another page's content
	// (the WBS's Gantt grid with its repeated columns) the scale must fit
	// as well.
	widestMM float64
	// fitWide fits the one block to one page wide, as a sheet printed
	// whole is: the portfolio's committee columns.
	fitWide bool
}

// colWidth is the width a sheet's column was given, or Excel's default.
func (b *book) colWidth(sheet string, c int) float64 {
	if w, ok := b.widths[sheet][c]; ok {
		return w
	}
	return defaultColWidth
}

// defaultColWidth is excelize's width of a column never sized.
const defaultColWidth = 9.140625

// blockMM is the printed width at 100 % of columns c1..c2.
func (b *book) blockMM(sheet string, c1, c2 int) float64 {
	mdw := maxDigitPx(b.d.Lang)
	w := 0.0
	for c := c1; c <= c2; c++ {
		w += columnMM(b.colWidth(sheet, c), mdw)
	}
	return w
}

// printSetup gives a sheet A3 landscape at a fixed scale, the print
// titles, the print area (when blocks are given), manual page breaks and
// the header and footer: the tracker's title and status date on top,
// the sheet name and page n / N below.
func (b *book) printSetup(sheet string, ps printSpec) {
	if b.err != nil {
		return
	}
	fit := ps.fitCols
	if fit[1] == 0 && len(ps.blocks) > 0 {
		fit = ps.blocks[0]
	}
	if fit[1] == 0 {
		// Every column the sheet sized: a table's, a heat map's.
		fit[0] = 1
		for c := range b.widths[sheet] {
			fit[1] = max(fit[1], c)
		}
	}
	spec := scaleSpec{sheet: sheet, fit: fit, all: ps.fitCols[1] == 0 && len(ps.blocks) == 0, widestMM: ps.widestMM, fitWide: ps.fitWide && len(ps.blocks) == 1}
	if ps.onePage {
		spec.rows = ps.lastRow
	}
	b.scales = append(b.scales, spec)
	m, hm := marginIn, headerIn
	b.fail(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m, Header: &hm, Footer: &hm}))
	var titles []string
	if ps.titleCols > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(sheet), b.col(ps.titleCols)))
	}
	if ps.headerRow > 0 {
		titles = append(titles, fmt.Sprintf("%s!$1:$%d", quoteSheet(sheet), ps.headerRow))
	}
	if len(titles) > 0 {
		b.fail(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(titles, ","), Scope: sheet}))
	}
	if len(ps.blocks) > 0 {
		var areas []string
		for _, bl := range ps.blocks {
			areas = append(areas, b.absRange(sheet, bl[0], 1, bl[1], max(ps.lastRow, 1)))
		}
		b.fail(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: strings.Join(areas, ","), Scope: sheet}))
	}
	for _, r := range ps.breaks {
		if r > 1 && b.err == nil {
			b.fail(b.f.InsertPageBreak(sheet, b.ref(1, r)))
		}
	}
	head := headerFooterText(b.title())
	asOf := ""
	if !b.d.AsOf.IsZero() {
		asOf = headerFooterText(b.label("project.status_date") + " " + b.d.AsOf.Time().Format("2006/01/02"))
	}
	b.fail(b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + head + "&R" + asOf,
		OddFooter: "&L" + headerFooterText(sheet) + "&C&P / &N",
	}))
}

// printReach is what a sheet draws besides its sized columns: the last
// column any cell is styled in (a legend beside a heat map) and the
// charts anchored beside its table. A sheet printed whole is scaled to
// hold them too, or they spill onto pages of their own.
type printReach struct {
	lastCol int
	charts  []chartBox
}

// chartBox is a chart's anchor column and its width in pixels.
type chartBox struct{ col, px int }

func (b *book) reachOf(sheet string) *printReach {
	r := b.reach[sheet]
	if r == nil {
		r = &printReach{}
		b.reach[sheet] = r
	}
	return r
}

// chart anchors ch (with any combo charts) at column c, row r, and notes
// its width for the print scale.
func (b *book) chart(sheet string, c, r int, ch *excelize.Chart, combo ...*excelize.Chart) {
	if b.err != nil {
		return
	}
	b.fail(b.f.AddChart(sheet, b.ref(c, r), ch, combo...))
	px := int(ch.Dimension.Width)
	if px == 0 {
		px = 480 // excelize's default chart width
	}
	reach := b.reachOf(sheet)
	reach.charts = append(reach.charts, chartBox{c, px})
}

// chartRightMM is where chart c ends on paper at 100 %. The file anchors
// a chart to the cells it covers, which excelize counts in its own pixels
// (8 per unit of column width); a client whose columns come out wider
// stretches the chart with them, so the covered columns are measured as
// every other column is, up to the right edge of the last one.
func (b *book) chartRightMM(sheet string, c chartBox) float64 {
	mdw := maxDigitPx(b.d.Lang)
	right := b.blockMM(sheet, 1, c.col-1)
	px := float64(c.px)
	for col := c.col; col <= 16384; col++ {
		w := b.colWidth(sheet, col)
		cpx := math.Floor(w*8 + 0.5)
		if cpx <= 0 {
			continue
		}
		if px < cpx {
			// Pages break between columns: the column the chart ends in
			// prints whole or moves to the next page.
			return right + columnMM(w, mdw)
		}
		px -= cpx
		right += columnMM(w, mdw)
	}
	return right
}

// scaleSpec is the print scale a sheet is waiting for: fit are the
// columns that set it; all says the sheet prints whole, so its charts and
// outlying cells count as well.
type scaleSpec struct {
	sheet string
	fit   [2]int
	all   bool
	rows  int // rows 1..rows fit one page tall; 0 leaves the height to pagination
	// widestMM is another printed width to fit (printSpec.widestMM).
	widestMM float64
	fitWide  bool // printSpec.fitWide
}

// applyScales sets each sheet's paper, orientation and fixed scale, once
// every cell and chart is placed.
func (b *book) applyScales() {
	for _, s := range b.scales {
		b.applyScale(s)
	}
	b.scales = nil
}

// scaleNow applies sheet's print scale at once, for a sheet about to be
// streamed by its own writer, after which its settings cannot change.
func (b *book) scaleNow(sheet string) {
	i := slices.IndexFunc(b.scales, func(s scaleSpec) bool { return s.sheet == sheet })
	if i >= 0 {
		b.applyScale(b.scales[i])
		b.scales = slices.Delete(b.scales, i, i+1)
	}
}

func (b *book) applyScale(s scaleSpec) {
	if b.err != nil {
		return
	}
	width := 0.0
	if s.fit[1] >= s.fit[0] && s.fit[1] > 0 {
		width = b.blockMM(s.sheet, s.fit[0], s.fit[1])
	}
	width = max(width, s.widestMM)
	if r := b.reach[s.sheet]; s.all && r != nil {
		if r.lastCol > 0 {
			width = max(width, b.blockMM(s.sheet, 1, r.lastCol))
		}
		for _, c := range r.charts {
			width = max(width, b.chartRightMM(s.sheet, c))
		}
	}
	scale := uint(100)
	if width > 0 {
		scale = uint(printScale(width))
	}
	size, orient := 8, "landscape"
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}
	if (s.all || s.fitWide) && s.rows == 0 && fitsWide(width) {
		// Printed whole: fitted to one page wide, as many tall as it
		// takes, so every column of a row is on the same page in any
		// client; the widths were chosen (fitWidths) so that the fit
		// keeps the text at minPrintPt or more. The scale above is the
		// estimate, which the fit replaces.
		one, tall := 1, 0
		layout.FitToWidth, layout.FitToHeight = &one, &tall
		if h, ok := b.tablePt[s.sheet]; ok {
			titles := titleRowPt + b.headerHeight()
			orient = orientation(width, h, titles)
			tall = shortLastPage(width, h, titles, orient)
		}
		fit := true
		b.fail(b.f.SetSheetProps(s.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	}
	if s.rows > 0 {
		if t, ok := tallScale(b.rowsPt(s.sheet, s.rows)); ok {
			// One page: fit to 1 × 1 rather than only the scale computed
			// here, so that a client whose rows come out taller (Excel's
			// 游ゴシック lines) still prints one page, where its own rows
			// need no smaller text than minPrintPt (the estimate says so).
			scale = min(scale, uint(t))
			one := 1
			layout.FitToWidth, layout.FitToHeight = &one, &one
			fit := true
			b.fail(b.f.SetSheetProps(s.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
		}
	}
	b.fail(b.f.SetPageLayout(s.sheet, layout))
}

// rowsPt is the height in points of rows 1..n: those given a height, the
// rest one line of body text.
func (b *book) rowsPt(sheet string, n int) float64 {
	h := 0.0
	for r := 1; r <= n; r++ {
		if v, ok := b.heights[sheet][r]; ok {
			h += v
		} else {
			h += b.lineHeight()
		}
	}
	return h
}

// tallScale is the percentage, at most 100, that fits heightPt of rows
// into the page height, a twentieth kept spare for clients whose rows
// come out taller; false when that would take the text under minPrintPt,
// and the rows had better run onto a second page at a readable size.
func tallScale(heightPt float64) (int, bool) {
	_, ph := printableMM()
	if heightPt <= 0 {
		return 100, true
	}
	s := int(math.Floor((ph - 2*headerIn*25.4) / 25.4 * 72 / heightPt * 95))
	return min(s, 100), s >= lowestScale()
}

// pageRows is how many points of rows one printed page holds at scale
// (percent) below the repeated rows of titleHeight points.
func pageRows(scale int, titleHeight float64) float64 {
	_, ph := printableMM()
	return ph/25.4*72*100/float64(scale) - titleHeight
}

// phaseBreaks chooses page breaks at phase boundaries: rows holds the
// height of each record row, phase whether a row starts a phase (a
// top-level task). A phase that would run over the page end starts the
// next page instead, when the page is at least half full; the rest of the
// pagination is left to the spreadsheet. It returns the indexes of the
// rows that start a page. capacity is in the same unit as the heights; a
// tenth is kept spare for the difference between clients' row heights.
func phaseBreaks(heights []float64, phase []bool, capacity float64) []int {
	capacity *= 0.9
	if capacity <= 0 {
		return nil
	}
	// end[i] is the height of the phase from row i to the next phase start.
	run := make([]float64, len(heights))
	acc := 0.0
	for i := len(heights) - 1; i >= 0; i-- {
		acc += heights[i]
		run[i] = acc
		if phase[i] {
			acc = 0
		}
	}
	var out []int
	used := 0.0
	for i, h := range heights {
		if phase[i] && used > 0 && used+run[i] > capacity && used >= capacity/2 {
			out = append(out, i)
			used = 0
		}
		if used+h > capacity {
			used = 0 // the spreadsheet's own break
		}
		used += h
	}
	return out
}
