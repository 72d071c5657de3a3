package xlsx

import (
	"fmt"
	"strconv"

	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// trend writes the 推移 sheet: one row per recorded run (this one last) —
// planned and actual %, SPI, CPI, SPI(t), EAC, the forecast finish, open
// issues and the issues raised and closed since the run before — with two
// native charts beside it: the indices over the runs, and 課題推移.
// Figures a run could not give are empty cells, never 0.
func (b *book) trend() {
	sheet := b.label("sheet.trend")
	runs := b.a.Trend
	c := func(key, label string, kind report.Kind, fmt string) column {
		return column{key: key, label: label, kind: kind, fmt: fmt}
	}
	cols := []column{
		c("as_of", b.label("project.status_date"), report.Date, ""),
		c("planned", b.label("series.planned"), report.Number, fmtPct1),
		c("actual", b.label("series.actual"), report.Number, fmtPct1),
		c("spi", b.label("series.spi"), report.Number, fmtRatio),
		c("cpi", b.label("series.cpi"), report.Number, fmtRatio),
		c("spit", b.label("series.spit"), report.Number, fmtRatio),
		c("eac", "EAC", report.Number, fmtEffort),
		c("finish", b.label("time.forecast"), report.Date, ""),
		c("open", b.label("series.open"), report.Integer, fmtInt),
		c("raised", b.label("series.raised"), report.Integer, fmtInt),
		c("closed", b.label("series.closed"), report.Integer, fmtInt),
		c("rag", b.label("rag.overall"), report.Text, ""),
		// The charts' categories: the run dates as text, so Excel spaces
		// the runs evenly instead of drawing a day-by-day date axis.
		c("run", b.label("trend.run"), report.Text, ""),
	}
	intP := func(p *int) report.Value {
		if p == nil {
			return report.Value{Empty: true}
		}
		return number(float64(*p))
	}
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.trend"), cols: cols, n: len(runs), empty: "time.none",
		value: func(i int, key string) report.Value {
			r := runs[i]
			switch key {
			case "as_of":
				return day(r.AsOf)
			case "planned":
				return number(r.Planned / 100)
			case "actual":
				return number(r.Actual / 100)
			case "spi":
				return numberP(r.SPI)
			case "cpi":
				return numberP(r.CPI)
			case "spit":
				return numberP(r.SPIt)
			case "eac":
				return numberP(r.EAC)
			case "finish":
				return day(r.Finish)
			case "open":
				return number(float64(r.OpenIssues))
			case "raised":
				return intP(r.Raised)
			case "closed":
				return intP(r.Closed)
			case "rag":
				return txt(b.ragText(r.RAG))
			case "run":
				_, m, d := r.AsOf.YMD()
				return txt(strconv.Itoa(int(m)) + "/" + strconv.Itoa(d))
			}
			return report.Value{Empty: true}
		},
	})
	b.finish(sheet, headerRow, 2, false)
	if b.err != nil || p.last < p.first {
		return
	}
	at := func(key string) int { return p.at[key] }
	cats := b.absRange(sheet, at("run"), p.first, at("run"), p.last)
	series := func(key, color string) excelize.ChartSeries {
		return excelize.ChartSeries{Name: b.absRange(sheet, at(key), headerRow, at(key), headerRow), Categories: cats,
			Values: b.absRange(sheet, at(key), p.first, at(key), p.last), Fill: solid(color),
			Line: excelize.LineOptions{Type: excelize.LineSolid, Width: 2}, Marker: excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: solid(color)}}
	}
	chartAt := p.ncol + 2
	size := excelize.ChartDimension{Width: chartW, Height: chartH}
	axis := excelize.Font{Color: "404040", Size: 9}
	b.chart(sheet, chartAt, headerRow, &excelize.Chart{
		Type: excelize.Line, Title: chartTitle(b.label("chart.indices")), Dimension: size,
		Series: []excelize.ChartSeries{series("spi", colInProgress), series("cpi", colDone), series("spit", colActual)},
		XAxis:  excelize.ChartAxis{Font: axis},
		YAxis:  excelize.ChartAxis{Font: axis, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
		Legend: excelize.ChartLegend{Position: "bottom"}, ShowBlanksAs: "gap",
	})
	bar := func(key, color string) excelize.ChartSeries {
		return excelize.ChartSeries{Name: b.absRange(sheet, at(key), headerRow, at(key), headerRow), Categories: cats,
			Values: b.absRange(sheet, at(key), p.first, at(key), p.last), Fill: solid(color)}
	}
	open := series("open", colTitle)
	b.chart(sheet, chartAt, headerRow+chartRows, &excelize.Chart{
		Type: excelize.Col, Title: chartTitle(b.label("chart.issue_trend")), Dimension: size,
		Series: []excelize.ChartSeries{bar("raised", colOpen), bar("closed", colClosed)},
		XAxis:  excelize.ChartAxis{Font: axis},
		YAxis:  excelize.ChartAxis{Font: axis, MajorGridLines: true},
		Legend: excelize.ChartLegend{Position: "bottom"},
	}, &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{open}})
}

// replanRows are the 変更 sheet's lines about re-planning since the last
// run: each task whose plan moved, sheets possibly not updated, and the
// forecast finish.
func (b *book) replanRows() []change {
	a := b.a
	var out []change
	if f := a.Forecast; !f.Finish.IsZero() {
		out = append(out, change{item: b.label("time.forecast"), before: day(f.PlannedFinish), after: day(f.Finish), fmt: fmtDate})
	}
	rp := a.Replan
	if rp == nil {
		return out
	}
	for _, m := range rp.Moved {
		name := m.Name
		if m.ID != "" {
			name = m.ID + " " + name
		}
		out = append(out, change{item: fmt.Sprintf("%s：%s（%+d %s）", b.label("time.replanned"), name, m.Days, b.label("time.wd")),
			before: day(m.From), after: day(m.To), fmt: fmtDate})
	}
	for _, s := range rp.StaleSource {
		out = append(out, change{item: b.label("time.stale") + "：" + s.File, after: txt(fmt.Sprintf("%d %s", s.Runs, b.label("time.runs")))})
	}
	if rp.BACBefore != rp.BACNow {
		out = append(out, change{item: b.label("time.bac"), before: number(rp.BACBefore), after: number(rp.BACNow), fmt: fmtEffort})
	}
	return out
}
