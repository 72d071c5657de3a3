package xlsx

import (
	"cmp"
	"math"

	"github.com/pmokit/pmo/internal/project"
	"github.com/xuri/excelize/v2"
)

// Chart colours: plan in grey-blue, actual in orange; issue statuses from
// red (open) to green (closed); task states green / blue / grey.
const (
	colPlanned    = "5B9BD5"
	colActual     = "ED7D31"
	colOpen       = "E06666"
	colWorking    = "F6B26B"
	colOnHold     = "BFBFBF"
	colResolved   = "93C47D"
	colClosed     = "38761D"
	colDone       = "70AD47"
	colInProgress = "4472C4"
	colNotStarted = "D9D9D9"
)

// charts writes the charts' data from column O and the three charts from
// column E; it returns the last row the charts cover.
func (b *book) charts(sheet string) int {
	b.text(sheet, chartData, 1, b.label("chart.data"), look{bold: true, color: colTitle})
	at, col := firstRow, chartData
	next := func(width int) {
		at += chartRows
		col += width + 1
	}
	if w := b.curveChart(sheet, col, at); w > 0 {
		next(w)
	}
	if w := b.issueChart(sheet, col, at); w > 0 {
		next(w)
	}
	if w := b.teamChart(sheet, col, at); w > 0 {
		next(w)
	}
	return at
}

// dataHeader writes the heading row of one chart-data block.
func (b *book) dataHeader(sheet string, col int, labels ...string) {
	for i, l := range labels {
		b.text(sheet, col+i, headerRow, l, headerLook())
		b.width(sheet, col+i, max(10, textWidth(l)*1.1+2))
	}
}

func (b *book) addChart(sheet string, row int, c *excelize.Chart) {
	if b.err != nil {
		return
	}
	c.Dimension = excelize.ChartDimension{Width: chartW, Height: chartH}
	axis := excelize.Font{Color: "404040", Size: 9}
	c.XAxis.Font, c.YAxis.Font = axis, axis
	c.Legend = excelize.ChartLegend{Position: "bottom"}
	b.chart(sheet, chartCol, row, c)
}

func chartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Bold: true, Size: 12}}}}
}

func solid(rgb string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
}

// curveChart is planned vs actual progress over time on a date axis: the
// planned S-curve as a line, the measured points (earlier runs' and
// today's) as markers joined across the weeks between them.
func (b *book) curveChart(sheet string, col, at int) int {
	pts := b.a.Curve
	if len(pts) == 0 {
		return 0
	}
	b.dataHeader(sheet, col, b.label("col.date"), b.label("series.planned"), b.label("series.actual"))
	for i, p := range pts {
		r := firstRow + i
		b.date(sheet, col, r, p.Date)
		b.num(sheet, col+1, r, p.Planned/100)
		if p.Actual != nil {
			b.num(sheet, col+2, r, *p.Actual/100)
		}
	}
	last := firstRow + len(pts) - 1
	b.styleRange(sheet, col, firstRow, col, last, look{numFmt: fmtDate, grid: true})
	b.styleRange(sheet, col+1, firstRow, col+2, last, look{numFmt: fmtPct1, grid: true})
	xs := b.absRange(sheet, col, firstRow, col, last)
	zero, one := 0.0, 1.0
	first, end := float64(pts[0].Date), float64(pts[len(pts)-1].Date)
	b.addChart(sheet, at, &excelize.Chart{
		Type:  excelize.Scatter,
		Title: chartTitle(b.label("chart.scurve")),
		Series: []excelize.ChartSeries{
			{Name: b.absRange(sheet, col+1, headerRow, col+1, headerRow), Categories: xs,
				Values: b.absRange(sheet, col+1, firstRow, col+1, last),
				Fill:   solid(colPlanned), Line: excelize.LineOptions{Type: excelize.LineSolid, Width: 2.25}, Marker: excelize.ChartMarker{Symbol: "none"}},
			{Name: b.absRange(sheet, col+2, headerRow, col+2, headerRow), Categories: xs,
				Values: b.absRange(sheet, col+2, firstRow, col+2, last),
				Fill:   solid(colActual), Line: excelize.LineOptions{Type: excelize.LineSolid, Width: 2.25},
				Marker: excelize.ChartMarker{Symbol: "circle", Size: 7, Fill: solid(colActual)}},
		},
		XAxis: excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "yyyy/m"}, Minimum: &first, Maximum: &end,
			MajorUnit: math.Max(7, math.Round((end-first)/6/7)*7)},
		YAxis:        excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Maximum: &one, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		ShowBlanksAs: "span",
	})
	return 3
}

// issueChart counts issues by priority (categories) and status (stacked
// series).
func (b *book) issueChart(sheet string, col, at int) int {
	d := b.d
	if len(d.Issues) == 0 {
		return 0
	}
	prios := []project.Priority{project.High, project.Medium, project.Low, project.NoPriority}
	// Statuses in the order a reader scans them: what needs work first.
	issueStatuses := []project.ItemStatus{project.Open, project.ItemWorking, project.ItemOnHold, project.Resolved, project.Closed}
	issueStatusColours := []string{colOpen, colWorking, colOnHold, colResolved, colClosed}
	var counts [4][5]int
	for i := range d.Issues {
		is := &d.Issues[i]
		p := 3
		switch is.Priority {
		case project.High:
			p = 0
		case project.Medium:
			p = 1
		case project.Low:
			p = 2
		}
		s := 0
		for j, st := range issueStatuses {
			if cmp.Or(is.Status, project.Open) == st {
				s = j
			}
		}
		counts[p][s]++
	}
	rows := 3
	for _, n := range counts[3] {
		if n > 0 {
			rows = 4
		}
	}
	labels := []string{b.label("col.priority")}
	for _, st := range issueStatuses {
		labels = append(labels, d.ItemStatus(st))
	}
	b.dataHeader(sheet, col, labels...)
	for i := range rows {
		r := firstRow + i
		name := d.Priority(prios[i])
		if prios[i] == project.NoPriority {
			name = b.label("none")
		}
		b.text(sheet, col, r, name, look{grid: true})
		for j := range issueStatuses {
			b.num(sheet, col+1+j, r, float64(counts[i][j]))
			b.style(sheet, col+1+j, r, look{numFmt: fmtInt, grid: true})
		}
	}
	last := firstRow + rows - 1
	var series []excelize.ChartSeries
	for j := range issueStatuses {
		series = append(series, excelize.ChartSeries{
			Name:       b.absRange(sheet, col+1+j, headerRow, col+1+j, headerRow),
			Categories: b.absRange(sheet, col, firstRow, col, last),
			Values:     b.absRange(sheet, col+1+j, firstRow, col+1+j, last),
			Fill:       solid(issueStatusColours[j]),
		})
	}
	b.addChart(sheet, at, &excelize.Chart{
		Type: excelize.ColStacked, Title: chartTitle(b.label("chart.issues")), Series: series,
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
	})
	return len(labels)
}

// teamChart shows each team's leaf tasks by state.
func (b *book) teamChart(sheet string, col, at int) int {
	teams := b.a.Teams
	if len(teams) == 0 {
		return 0
	}
	d := b.d
	b.dataHeader(sheet, col, b.label("col.team"), d.TaskStatus(project.Done), d.TaskStatus(project.InProgress), d.TaskStatus(project.NotStarted))
	for i, t := range teams {
		r := firstRow + i
		b.text(sheet, col, r, t.Team, look{grid: true})
		for j, n := range []int{t.Done, t.InProgress, t.NotStarted} {
			b.num(sheet, col+1+j, r, float64(n))
			b.style(sheet, col+1+j, r, look{numFmt: fmtInt, grid: true})
		}
	}
	last := firstRow + len(teams) - 1
	var series []excelize.ChartSeries
	for j, c := range []string{colDone, colInProgress, colNotStarted} {
		series = append(series, excelize.ChartSeries{
			Name:       b.absRange(sheet, col+1+j, headerRow, col+1+j, headerRow),
			Categories: b.absRange(sheet, col, firstRow, col, last),
			Values:     b.absRange(sheet, col+1+j, firstRow, col+1+j, last),
			Fill:       solid(c),
		})
	}
	b.addChart(sheet, at, &excelize.Chart{
		Type: excelize.BarStacked, Title: chartTitle(b.label("chart.teams")), Series: series,
		XAxis: excelize.ChartAxis{ReverseOrder: true},
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
	})
	return 4
}
