package xlsx

import (
	"fmt"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// spareRows is how far below the records the drop-downs reach, so a team
// adding issues in the tracker gets them too.
const spareRows = 200

// issues writes the 課題 sheet: drop-downs for status and priority, overdue
// rows and high-priority rows highlighted by rules on the row's own cells.
func (b *book) issues() {
	d := b.d
	sheet := b.label("sheet.issues")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.issues"),
		cols: columnsOf(d.IssueColumns()), n: len(d.Issues), value: d.IssueValue,
	})
	var statuses, prios []string
	for _, s := range []project.ItemStatus{project.Open, project.ItemWorking, project.ItemOnHold, project.Resolved, project.Closed} {
		statuses = append(statuses, d.ItemStatus(s))
	}
	for _, pr := range []project.Priority{project.High, project.Medium, project.Low} {
		prios = append(prios, d.Priority(pr))
	}
	last := max(p.last, p.first) + spareRows
	b.dropDown(sheet, p.at["status"], last, b.label("col.status"), statuses)
	b.dropDown(sheet, p.at["priority"], last, b.label("col.priority"), prios)
	all := b.dataRef(p, 1, p.ncol)
	cell := func(key string) string {
		return fmt.Sprintf("$%s%d", b.col(p.at[key]), p.first)
	}
	// Neither rule stops the next: Excel then shows an overdue high issue
	// with both the fill and the bold font. LibreOffice applies only the
	// first rule that holds, so the overdue one comes first.
	_, hasDue := p.at["due"]
	_, hasStatus := p.at["status"]
	if hasDue && hasStatus && !d.AsOf.IsZero() {
		// Open and past due, as the analysis counts it: a user who closes
		// the issue or moves its due date sees the highlight go.
		st := cell("status")
		b.rule(sheet, all, fmt.Sprintf(`AND(ISNUMBER(%s),%s<%s,%s<>"%s",%s<>"%s")`,
			cell("due"), cell("due"), excelDate(d.AsOf), st, d.ItemStatus(project.Resolved), st, d.ItemStatus(project.Closed)),
			look{fill: colBadFill, color: colBadText}, false)
	}
	if _, ok := p.at["priority"]; ok {
		f := fmt.Sprintf(`%s="%s"`, cell("priority"), d.Priority(project.High))
		if hasStatus {
			st := cell("status")
			f = fmt.Sprintf(`AND(%s,%s<>"%s",%s<>"%s")`, f, st, d.ItemStatus(project.Resolved), st, d.ItemStatus(project.Closed))
		}
		b.rule(sheet, all, f, look{bold: true, color: colHigh}, false)
	}
	b.band(p)
	freeze := 1
	if c, ok := p.at["title"]; ok {
		freeze = c + 1
	}
	b.finish(sheet, headerRow, freeze, false)
}

// dropDown offers the given values in column c from the first record row
// down to row last. Other values are warned about, not refused: a team may
// have a reason, and pmo's reader understands more words than the list.
func (b *book) dropDown(sheet string, c, last int, title string, values []string) {
	if c == 0 || b.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = b.ref(c, firstRow) + ":" + b.ref(c, last)
	b.fail(dv.SetDropList(values))
	dv.SetError(excelize.DataValidationErrorStyleWarning, title, "")
	b.fail(b.f.AddDataValidation(sheet, dv))
}

// risks writes the リスク sheet and the probability × impact heat map of
// open risks beside it.
func (b *book) risks() {
	d := b.d
	sheet := b.label("sheet.risks")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.risks"),
		cols: columnsOf(d.RiskColumns()), n: len(d.Risks), value: d.RiskValue,
		besideMM: b.heatMapMM(),
	})
	if c, ok := p.at["score"]; ok {
		b.cond(sheet, b.dataRef(p, 1, p.ncol), fmt.Sprintf("$%s%d>=%d", b.col(c), p.first, analyze.HighRiskScore), look{fill: colBadFill, color: colBadText})
	}
	b.band(p)
	b.heatMap(sheet, p)
	freeze := 1
	if c, ok := p.at["title"]; ok {
		freeze = c + 1
	}
	b.finish(sheet, headerRow, freeze, false)
}

// heatMap draws the 5 × 5 grid from column c0, probability 5 at the top
// and impact 1 at the left, each cell the count of open risks there and
// coloured by its score. It starts below the header row so pmo's reader
// does not take its labels for columns of the table.
func (b *book) heatMap(sheet string, p *placed) {
	hm := b.a.Risks.HeatMap
	c0 := p.ncol + 2
	top := firstRow + 1
	// One height for the grid's rows, tall enough for any risk row beside
	// it that wraps: the cells stay even squares.
	h := 24.0
	for r := top + 1; r <= top+6; r++ {
		if i := r - p.first; i >= 0 && i < len(p.heights) {
			h = max(h, p.heights[i])
		}
	}
	b.width(sheet, c0-1, heatGapW)
	b.text(sheet, c0, top, b.label("chart.heatmap"), look{bold: true, color: colTitle})
	corner := b.heatCorner()
	b.text(sheet, c0, top+1, corner, headerLook())
	if b.err == nil {
		b.rowHeight(sheet, top+1, h)
	}
	b.width(sheet, c0, heatCornerW(corner))
	for i := range 5 {
		b.num(sheet, c0+1+i, top+1, float64(i+1))
		b.style(sheet, c0+1+i, top+1, headerLook())
		b.width(sheet, c0+1+i, heatCellW)
	}
	for row := range 5 {
		prob := 5 - row
		r := top + 2 + row
		b.num(sheet, c0, r, float64(prob))
		b.style(sheet, c0, r, headerLook())
		for i := range 5 {
			impact := i + 1
			n := hm[prob-1][impact-1]
			if n > 0 {
				b.num(sheet, c0+1+i, r, float64(n))
			}
			fill, color := heatColour(prob * impact)
			b.style(sheet, c0+1+i, r, look{numFmt: fmtInt, fill: fill, color: color, bold: n > 0, hAlign: "center", grid: true})
		}
		if b.err == nil {
			b.rowHeight(sheet, r, h)
		}
	}
}

// The heat map's columns: a gap after the table, the probability labels
// (under the corner heading), five impact columns.
const (
	heatGapW  = 2
	heatCellW = 7
)

func (b *book) heatCorner() string {
	return b.label("col.probability") + " ＼ " + b.label("col.impact")
}

func heatCornerW(corner string) float64 { return max(14, textWidth(corner)*0.6) }

// heatMapMM is the heat map's printed width at 100 %, gap included: it
// shares the risk table's page.
func (b *book) heatMapMM() float64 {
	mdw := maxDigitPx(b.d.Lang)
	return columnMM(heatGapW, mdw) + columnMM(heatCornerW(b.heatCorner()), mdw) + 5*columnMM(heatCellW, mdw)
}

// heatColour is a heat-map cell's tone, as the PDF's (report.HeatTone).
func heatColour(score int) (fill, color string) {
	t := report.HeatTone(float64(score))
	return t.Fill, t.Text
}
