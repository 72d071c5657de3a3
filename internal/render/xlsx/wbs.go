package xlsx

import (
	"fmt"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/report"
)

// maxOutline is Excel's deepest row outline level.
const maxOutline = 7

// wbs writes the task table with its outline, the late-row highlight and
// the Gantt grid to the right.
func (b *book) wbs() {
	d := b.d
	sheet := b.label("sheet.wbs")
	cols := d.TaskColumns()
	sp, hasGantt := b.ganttSpan()
	if hasGantt {
		// The status-date line is a column style, set before any row
		// exists: styling the cells instead would make excelize fill every
		// row out to that column.
		if c := ganttCol(len(cols)) + sp.index(d.AsOf); c >= ganttCol(len(cols)) && b.err == nil {
			id, err := b.st.cell(look{dateLine: true})
			b.fail(err)
			b.colStyle(sheet, c, id)
		}
	}
	p := b.table(&table{
		sheet: sheet,
		title: b.sheetTitle("sheet.wbs"),
		cols:  columnsOf(cols),
		n:     len(d.Tasks),
		value: d.TaskValue,
		row: func(i int) rowLook {
			t := &d.Tasks[i]
			return rowLook{bold: t.Summary, indent: min(max(t.Level-1, 0), 15)}
		},
		indent:  "name",
		outline: func(i int) int { return min(max(d.Tasks[i].Level-1, 0), maxOutline) },
		// The WBS prints at a fixed scale (its page breaks fall between
		// phases, which fit-to-page would drop): its text columns are
		// narrowed only as far as it takes to print it at all legibly.
		fitAt:     lowestScale(),
		unprinted: wbsUnprinted(cols),
	})
	if c, ok := p.at["days_late"]; ok {
		b.cond(sheet, b.dataRef(p, 1, p.ncol), fmt.Sprintf("$%s%d>0", b.col(c), p.first), look{fill: colLate})
	}
	b.band(p)
	if hasGantt {
		b.gantt(p, sp)
		b.wrapGanttTitle(p, b.sheetTitle("sheet.wbs"))
	}
	freeze := 1
	if c, ok := p.at["name"]; ok {
		freeze = c + 1
	}
	b.finishPrint(sheet, headerRow, freeze, true, b.wbsPrint(p, sp, hasGantt))
}

// wbsUnprinted is the key of the WBS column left out of its print area:
// the source, when it is the last column (see wbsPrint).
func wbsUnprinted(cols []report.Column) string {
	if n := len(cols); n > 1 && cols[n-1].Key == "source" {
		return "source"
	}
	return ""
}

// wbsPrint lays the WBS out for paper: the task table on its own pages
// (without the source column, a file position nobody reads at a 定例),
// then the Gantt grid on its own pages with the columns up to the task
// name repeated at the left, and page breaks before a phase (top-level
// task) that would not fit on the rest of a page.
func (b *book) wbsPrint(p *placed, sp span, hasGantt bool) printSpec {
	last := p.ncol
	if c, ok := p.at["source"]; ok && c == last && last > 1 {
		last--
	}
	ps := printSpec{blocks: [][2]int{{1, last}}, lastRow: max(p.last, headerRow)}
	if hasGantt {
		c0 := ganttCol(p.ncol)
		ps.blocks = append(ps.blocks, [2]int{c0, c0 + sp.n - 1})
		// The grid's pages hold the repeated columns too: the scale fits
		// both (down to the legible floor, past which the grid runs on).
		ps.widestMM = b.blockMM(p.sheet, 1, b.ganttTitleCols(p)) + b.blockMM(p.sheet, c0, c0+sp.n-1)
	}
	if len(p.heights) == 0 {
		return ps
	}
	phase := make([]bool, len(p.heights))
	for i := range phase {
		phase[i] = i < len(b.d.Tasks) && b.d.Tasks[i].Level <= 1
	}
	scale := printScale(max(b.blockMM(p.sheet, 1, last), ps.widestMM))
	for _, i := range phaseBreaks(p.heights, phase, pageRows(scale, titleRowPt+b.headerHeight())) {
		ps.breaks = append(ps.breaks, p.first+i)
	}
	return ps
}

// titleRowPt is the height of a sheet's title row, in points.
const titleRowPt = 24

// sheetTitle is the row-1 title of a data sheet: the sheet, the project
// and the status date.
func (b *book) sheetTitle(key string) string {
	t := b.label(key)
	sep, lp, rp := "　", "（", "）"
	if b.d.Lang == "en" {
		sep, lp, rp = " — ", " (", ")"
	}
	if b.d.Project.Name != "" {
		t += sep + b.d.Project.Name
	}
	if !b.d.AsOf.IsZero() {
		t += lp + b.label("project.status_date") + " " + slashDate(b.d.AsOf) + rp
	}
	return t
}

// Gantt grid limits: daily columns up to about six months, weekly
// beyond, and never more than five years of weeks, so a task dated 2099
// by a typo cannot blow the sheet up.
const (
	maxDailySpan = 186
	maxWeeks     = 260
)

// span is the Gantt grid's time axis.
type span struct {
	start date.Date // first column's date (a Monday when weekly)
	step  int       // 1 (days) or 7 (weeks)
	n     int       // columns
}

func (s span) at(i int) date.Date { return s.start.AddDays(i * s.step) }

// index is the column (0-based) holding day x, or -1 when x is outside
// the grid or unset.
func (s span) index(x date.Date) int {
	if x.IsZero() || x < s.start {
		return -1
	}
	if i := int(x-s.start) / s.step; i < s.n {
		return i
	}
	return -1
}

// ganttCol is the grid's first column: one narrow gap after the table.
func ganttCol(ncol int) int { return ncol + 2 }

// ganttSpan covers every planned and actual date of the tasks, and the
// status date, kept within a year around the project's own period.
func (b *book) ganttSpan() (span, bool) {
	d := b.d
	var lo, hi date.Date
	widen := func(x date.Date) {
		if x.IsZero() {
			return
		}
		if lo.IsZero() || x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	for i := range d.Tasks {
		t := &d.Tasks[i]
		widen(t.PlannedStart)
		widen(t.PlannedFinish)
		widen(t.ActualStart)
		widen(t.ActualFinish)
	}
	if lo.IsZero() {
		return span{}, false
	}
	widen(d.AsOf)
	if ps := d.Project.Start; !ps.IsZero() && lo < ps.AddDays(-366) {
		lo = ps.AddDays(-366)
	}
	if pe := d.Project.End; !pe.IsZero() && hi > pe.AddDays(366) {
		hi = pe.AddDays(366)
	}
	if hi < lo {
		return span{}, false
	}
	if int(hi-lo)+1 <= maxDailySpan {
		return span{start: lo, step: 1, n: int(hi-lo) + 1}, true
	}
	mon := lo.AddDays(-(int(lo.Weekday()) + 6) % 7)
	return span{start: mon, step: 7, n: min(int(hi-mon)/7+1, maxWeeks)}, true
}

// workday reports whether x is a working day of the project's calendar
// (weekends only when the document has none).
func (b *book) workday(x date.Date) bool {
	if b.d.Cal != nil {
		return b.d.Cal.IsWorkday(x)
	}
	wd := x.Weekday()
	return wd != 0 && wd != 6
}

// gantt draws the date grid to the right of the task table. The bars are
// conditional formats over the row's own planned start, finish and
// progress cells, so a user who edits a date sees the bar move.
func (b *book) gantt(p *placed, sp span) {
	if b.err != nil {
		return
	}
	sheet := p.sheet
	c0 := ganttCol(p.ncol)
	b.width(sheet, p.ncol+1, 1.5)
	colW := b.ganttWidth(p, sp)
	headFmt := "d"
	if sp.step == 7 && colW >= weekColW {
		// A week's Monday as m/d where it fits; in narrower columns its
		// day, under the month band.
		headFmt = "m/d"
	}
	b.widthRange(sheet, c0, c0+sp.n-1, colW)
	monthFmt := `yyyy"年"m"月"`
	if b.d.Lang == "en" {
		monthFmt = "mmm yyyy"
	}
	var offCols []int
	monthStart := c0
	for i := range sp.n {
		c, x := c0+i, sp.at(i)
		b.date(sheet, c, headerRow, x)
		h := look{numFmt: headFmt, bold: true, fill: colSection, hAlign: "center", vAlign: "center", grid: true}
		if sp.step == 1 && !b.workday(x) {
			h.color = colSunday
			if x.Weekday() == 6 {
				if _, holiday := b.holiday(x); !holiday {
					h.color = colSaturday
				}
			}
			offCols = append(offCols, c)
		}
		if i == sp.index(b.d.AsOf) {
			h.fill, h.color = colStatusDate, "FFFFFF"
		}
		b.style(sheet, c, headerRow, h)
		// The month band: one merged cell per month, holding that month's
		// first date of the grid under a month format.
		_, m, _ := x.YMD()
		last := i == sp.n-1
		if !last {
			if _, nm, _ := sp.at(i + 1).YMD(); nm == m {
				continue
			}
		}
		// A month too narrow for its label (the grid's first or last few
		// days) stays blank rather than showing ###.
		if float64(c-monthStart+1)*colW >= 11 {
			b.date(sheet, monthStart, titleRow, sp.at(monthStart-c0))
		}
		b.styleRange(sheet, monthStart, titleRow, c, titleRow, look{numFmt: monthFmt, bold: true, hAlign: "left", grid: true, fill: colSection})
		b.merge(sheet, monthStart, titleRow, c, titleRow)
		monthStart = c + 1
	}
	if p.last < p.first {
		return
	}
	grid := b.ref(c0, p.first) + ":" + b.ref(c0+sp.n-1, p.last)
	cell := func(key string) string {
		if c, ok := p.at[key]; ok {
			return fmt.Sprintf("$%s%d", b.col(c), p.first)
		}
		return ""
	}
	s, f, pr, ms := cell("planned_start"), cell("planned_finish"), cell("progress"), cell("milestone")
	if s == "" || f == "" {
		return
	}
	h := fmt.Sprintf("%s$%d", b.col(c0), headerRow)
	end := h // the last day a column covers
	if sp.step > 1 {
		end = fmt.Sprintf("%s+%d", h, sp.step-1)
	}
	dated := fmt.Sprintf("ISNUMBER(%s),ISNUMBER(%s)", s, f)
	if ms != "" {
		b.cond(sheet, grid, fmt.Sprintf(`AND(%s="%s",%s,%s<=%s,%s>=%s)`, ms, b.label("yes"), dated, h, f, end, f), look{fill: colHigh})
	}
	if pr != "" {
		b.cond(sheet, grid, fmt.Sprintf("AND(%s,ISNUMBER(%s),%s>=%s,%s<=%s,%s<%s+(%s-%s+1)*%s)", dated, pr, end, s, h, f, h, s, f, s, pr), look{fill: colProgress})
	}
	b.cond(sheet, grid, fmt.Sprintf("AND(%s,%s>=%s,%s<=%s)", dated, end, s, h, f), look{fill: colBar})
	if len(offCols) > 0 {
		b.cond(sheet, b.columnRuns(offCols, p.first, p.last), "TRUE", look{fill: colOffDay})
	}
}

// Gantt column widths (Excel units): the width a day or week column is
// given when the grid fits its page, and the narrowest it is made so that
// it does, where its heading (the day of the month in bold, under the
// month band) still shows whole.
const (
	dayColW, dayColMin   = 3.0, 2.75
	weekColW, weekColMin = 5.5, 3.0
)

// ganttWidth is the width of the grid's columns: the widest up to the
// usual one at which the grid, with the columns repeated at its left,
// fits one page at the task table's scale, so the last weeks do not spill
// onto a page of their own; the narrowest when none does (the sheet's
// scale then gives what it can: see wbsPrint).
func (b *book) ganttWidth(p *placed, sp span) float64 {
	w, lo := dayColW, dayColMin
	if sp.step == 7 {
		w, lo = weekColW, weekColMin
	}
	last := p.ncol
	if c, ok := p.at["source"]; ok && c == last && last > 1 {
		last--
	}
	pw, _ := printableMM()
	avail := pw*100/float64(printScale(b.blockMM(p.sheet, 1, last))) - b.blockMM(p.sheet, 1, b.ganttTitleCols(p))
	mdw := maxDigitPx(b.d.Lang)
	for w > lo && float64(sp.n)*columnMM(w, mdw) > avail {
		w -= 0.25
	}
	return w
}

// ganttTitleCols is the last column repeated at the left of the Gantt
// pages: up to the task name.
func (b *book) ganttTitleCols(p *placed) int {
	if c, ok := p.at["name"]; ok {
		return c
	}
	return 0
}

func (b *book) holiday(x date.Date) (string, bool) {
	if b.d.Cal == nil {
		return "", false
	}
	return b.d.Cal.HolidayName(x)
}

// columnRuns is the given columns (ascending) over rows r1..r2 as one
// multi-range reference, neighbours (a Saturday and its Sunday) merged.
func (b *book) columnRuns(cols []int, r1, r2 int) string {
	out := ""
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1] == cols[j]+1 {
			j++
		}
		if out != "" {
			out += " "
		}
		out += b.ref(cols[i], r1) + ":" + b.ref(cols[j], r2)
		i = j + 1
	}
	return out
}
