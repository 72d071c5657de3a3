package xlsx

import (
	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// testsSheet writes テスト消化: the cumulative test curve, one row per day.
func (b *book) testsSheet() {
	pts := b.a.Tests.Curve
	sheet := b.newSheet("sheet.tests")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.tests"),
		cols: []column{b.col1("day", report.Date), b.col1("t_planned", report.Integer),
			b.col1("t_executed", report.Integer), b.col1("t_passed", report.Integer)},
		n:     len(pts),
		empty: "none",
		value: func(i int, key string) report.Value {
			pt := &pts[i]
			switch key {
			case "day":
				return day(pt.Day)
			case "t_planned":
				return number(pt.Planned)
			case "t_executed":
				if pt.Day > b.a.AsOf {
					return report.Value{Empty: true}
				}
				return number(pt.Executed)
			case "t_passed":
				if pt.Day > b.a.AsOf {
					return report.Value{Empty: true}
				}
				return number(pt.Passed)
			}
			return report.Value{Empty: true}
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, 2, false)
	b.lineChart(sheet, p, b.label("section.tests"), []string{"t_planned", "t_executed", "t_passed"})
}

// defectsSheet writes 不具合: found and fixed per week ending on the status
// date, with the running totals the convergence chart draws.
func (b *book) defectsSheet() {
	ws := b.a.Defects.Weeks
	sheet := b.newSheet("sheet.defects")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.defects"),
		cols: []column{b.col1("week_end", report.Date), b.col1("found", report.Integer), b.col1("fixed", report.Integer),
			b.col1("found_total", report.Integer), b.col1("fixed_total", report.Integer)},
		n:     len(ws),
		empty: "none",
		value: func(i int, key string) report.Value {
			w := &ws[i]
			switch key {
			case "week_end":
				return day(w.End)
			case "found":
				return number(float64(w.Found))
			case "fixed":
				return number(float64(w.Fixed))
			case "found_total":
				return number(float64(w.FoundTotal))
			case "fixed_total":
				return number(float64(w.FixedTotal))
			}
			return report.Value{Empty: true}
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, 2, false)
	b.lineChart(sheet, p, b.label("section.defects"), []string{"found_total", "fixed_total"})
}

// lineChart draws the columns keys of a placed table against its first
// (date) column, to the right of the table.
func (b *book) lineChart(sheet string, p *placed, title string, keys []string) {
	if p.last < p.first || b.err != nil {
		return
	}
	xs := b.absRange(sheet, 1, p.first, 1, p.last)
	colours := []string{colPlanned, colActual, "2E7D32"}
	var series []excelize.ChartSeries
	for i, k := range keys {
		c := p.at[k]
		series = append(series, excelize.ChartSeries{
			Name: b.absRange(sheet, c, headerRow, c, headerRow), Categories: xs,
			Values: b.absRange(sheet, c, p.first, c, p.last),
			Fill:   solid(colours[i%len(colours)]), Line: excelize.LineOptions{Type: excelize.LineSolid, Width: 2},
			Marker: excelize.ChartMarker{Symbol: "none"},
		})
	}
	c := &excelize.Chart{
		Type: excelize.Scatter, Title: chartTitle(title), Series: series,
		XAxis:        excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "m/d"}},
		YAxis:        excelize.ChartAxis{MajorGridLines: true},
		ShowBlanksAs: "gap",
	}
	c.Dimension = excelize.ChartDimension{Width: chartW, Height: chartH}
	c.Legend = excelize.ChartLegend{Position: "bottom"}
	b.chart(sheet, p.ncol+2, headerRow, c)
}
