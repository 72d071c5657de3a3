package pdf

import (
	"math"
	"slices"
	"strconv"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
)

// series is one line of a cumulative chart.
type series struct {
	label string
	c     rgb
	pts   []seriesPoint
}

type seriesPoint struct {
	d date.Date
	v float64
}

// testDefectPage draws the テスト消化曲線 and the 不具合収束曲線 side by side
// with their figures below, when the project has a test source or a
// defect list.
func (w *writer) testDefectPage() {
	a := w.d.A
	if a.Tests == nil && a.Defects == nil {
		return
	}
	w.newPage()
	const chartH = 78.0
	halfW := (contentW - 8) / 2
	top := w.y
	x := marginX
	if t := a.Tests; t != nil {
		w.headingAt(x, top, halfW, w.L("section.tests"))
		hh := w.headingHeight(halfW, w.L("section.tests"))
		w.cumulativeChart(x, top+hh, halfW, chartH, w.testSeries(t))
		y := top + hh + chartH + 2
		w.setFont(9, false)
		w.color(black)
		line := report.Fill(w.L("tests.summary"), "p", num0(t.Planned), "e", num0(t.Executed), "ok", num0(t.Passed),
			"ng", num0(t.Failed), "bl", strconv.Itoa(t.Blocked))
		y += w.para(x, y, halfW, line, diag.Pos{})
		for _, dim := range w.d.RAG.Dimensions {
			if dim.Key == "tests" {
				strong, _, _ := levelColors(dim.Level)
				w.setFont(9, true)
				w.color(darker(strong))
				p := w.punct()
				y += w.para(x, y, halfW, dim.Label+p.colon+w.levelWord(dim.Level)+p.gap+dim.Reason, diag.Pos{})
				w.color(black)
			}
		}
		w.y = max(w.y, y)
		x += halfW + 8
	}
	if d := a.Defects; d != nil {
		w.headingAt(x, top, halfW, w.L("section.defects"))
		hh := w.headingHeight(halfW, w.L("section.defects"))
		var found, fixed []seriesPoint
		for _, wk := range d.Weeks {
			found = append(found, seriesPoint{wk.End, float64(wk.FoundTotal)})
			fixed = append(fixed, seriesPoint{wk.End, float64(wk.FixedTotal)})
		}
		w.cumulativeChart(x, top+hh, halfW, chartH, []series{
			{label: w.L("series.found"), c: todayRed, pts: found},
			{label: w.L("series.fixed"), c: green, pts: fixed},
		})
		y := top + hh + chartH + 2
		w.setFont(9, false)
		w.color(black)
		y += w.para(x, y, halfW, report.Fill(w.L("defects.summary"), "total", strconv.Itoa(d.Total), "open", strconv.Itoa(d.Open)), diag.Pos{})
		n := strconv.Itoa(analyze.DefectWeeks)
		verdict, c := w.L("defects.too_short"), grey
		if d.Converging != nil {
			p := w.punct()
			verdict, c = w.L("defects.not_converging")+p.open+w.L("defects.found_falling")+p.colon+yesNo(d.FoundFalling)+p.comma+
				w.L("defects.fixed_keeps_up")+p.colon+yesNo(d.FixedKeepsUp)+p.close, darker(amber)
			if *d.Converging {
				verdict, c = w.L("defects.converging"), green
			}
		}
		w.setFont(9, true)
		w.color(c)
		y += w.para(x, y, halfW, report.Fill(verdict, "n", n), diag.Pos{})
		w.color(black)
		if len(d.OpenBySeverity) > 0 {
			t := &table{size: 8, cols: []column{{label: w.L("defects.by_severity")}, {label: w.L("quality.records"), width: 20, align: 'R'}}}
			keys := make([]string, 0, len(d.OpenBySeverity))
			for k := range d.OpenBySeverity {
				keys = append(keys, k)
			}
			slices.SortFunc(keys, func(p, q string) int { return severityRank(p) - severityRank(q) })
			for _, k := range keys {
				t.rows = append(t.rows, []cell{{text: w.severityName(k)}, {text: strconv.Itoa(d.OpenBySeverity[k])}})
			}
			w.y = y + 1
			w.table(t, x, halfW*0.6)
			y = w.y
		}
		w.y = max(w.y, y)
	}
	w.y += 5
}

// testSeries are the test curve's planned, executed and passed lines;
// executed and passed stop at the status date.
func (w *writer) testSeries(t *analyze.TestStats) []series {
	var planned, executed, passed []seriesPoint
	for _, p := range t.Curve {
		planned = append(planned, seriesPoint{p.Day, p.Planned})
		if p.Day <= w.d.AsOf {
			executed = append(executed, seriesPoint{p.Day, p.Executed})
			passed = append(passed, seriesPoint{p.Day, p.Passed})
		}
	}
	return []series{
		{label: w.L("series.t_planned"), c: doneBlue, pts: planned},
		{label: w.L("series.t_executed"), c: actualOr, pts: executed},
		{label: w.L("series.t_passed"), c: green, pts: passed},
	}
}

// cumulativeChart draws count series as step-free lines over a date axis
// from 0 to a round maximum, with the status date marked.
func (w *writer) cumulativeChart(x, top, width, height float64, ss []series) {
	var first, last date.Date
	hi := 0.0
	for _, s := range ss {
		for _, p := range s.pts {
			if first.IsZero() || p.d < first {
				first = p.d
			}
			last = max(last, p.d)
			hi = max(hi, p.v)
		}
	}
	if first.IsZero() {
		w.setFont(9, false)
		w.color(grey)
		w.textAt(x, top+2, w.L("none"), diag.Pos{})
		w.color(black)
		return
	}
	last = max(last, w.d.AsOf)
	if last == first {
		last = first.AddDays(1)
	}
	step := niceStep(hi)
	hi = math.Max(step, math.Ceil(hi/step)*step)
	px, py := x+11, top+6
	pw, ph := width-14, height-15
	ax := axisFor(first, last, px, pw)
	yOf := func(v float64) float64 { return py + ph*(1-v/hi) }
	f := w.pdf
	w.setFont(7, false)
	w.color(grey)
	w.lineWidth(0.15)
	for v := 0.0; v <= hi+1e-9; v += step {
		w.stroke(gridLine)
		w.line(px, yOf(v), px+pw, yOf(v))
		s := num0(v)
		w.textAt(px-1.2-w.width(s), yOf(v)-w.lineH()/2, s, diag.Pos{})
	}
	for _, t := range dateTicks(first, last, pw, w.width("12/28")+3) {
		w.stroke(gridLine)
		w.line(ax.x(t), py, ax.x(t), py+ph)
		w.textAt(ax.x(t)+0.6, py+ph+0.8, monthDay(t), diag.Pos{})
	}
	w.stroke(grey)
	w.lineWidth(0.3)
	w.line(px, py+ph, px+pw, py+ph)
	w.line(px, py, px, py+ph)
	for _, s := range ss {
		if len(s.pts) == 0 {
			continue
		}
		w.stroke(s.c)
		w.lineWidth(0.6)
		for i, p := range s.pts {
			if i == 0 {
				f.MoveTo(ax.x(p.d), yOf(p.v))
			} else {
				f.LineTo(ax.x(p.d), yOf(p.v))
			}
		}
		f.DrawPath("D")
	}
	sx := ax.x(w.d.AsOf)
	w.stroke(todayRed)
	w.lineWidth(0.3)
	f.SetDashPattern([]float64{1.2, 0.8}, 0)
	w.line(sx, py, sx, py+ph)
	f.SetDashPattern(nil, 0)
	// legend above the plot
	w.setFont(7.5, false)
	lx := px
	for _, s := range ss {
		w.stroke(s.c)
		w.lineWidth(0.6)
		w.line(lx, py-2.6, lx+6, py-2.6)
		w.color(black)
		w.textAt(lx+7, py-4.2, s.label, diag.Pos{})
		lx += 10 + w.width(s.label)
	}
	w.color(black)
}

// dateTicks are the axis's labelled days: Mondays, every week or every
// few weeks so the labels do not touch, for a span of up to half a year;
// else the first of every month or every few months.
func dateTicks(first, last date.Date, width, labelW float64) []date.Date {
	span := float64(last - first)
	if span <= 0 {
		return nil
	}
	perDay := width / span
	var out []date.Date
	if span <= 183 {
		step := 7
		for float64(step)*perDay < labelW {
			step += 7
		}
		d := first.AddDays((8 - int(first.Weekday())) % 7) // the first Monday on or after first
		for ; d <= last; d = d.AddDays(step) {
			out = append(out, d)
		}
		return out
	}
	months := 1
	for float64(30*months)*perDay < labelW {
		months++
	}
	for d, i := monthStart(first), 0; d <= last; d, i = monthStart(monthEnd(d).AddDays(1)), i+1 {
		if d >= first && i%months == 0 {
			out = append(out, d)
		}
	}
	return out
}

// niceStep is a grid step of 1, 2 or 5 × 10ⁿ giving about five lines.
func niceStep(hi float64) float64 {
	if hi <= 5 {
		return 1
	}
	raw := hi / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func num0(v float64) string { return strconv.FormatFloat(math.Round(v), 'f', 0, 64) }

func yesNo(b bool) string {
	if b {
		return "○"
	}
	return "×"
}

// severityRank orders severities high, medium, low, then written words,
// then none.
func severityRank(s string) int {
	switch s {
	case "high":
		return 0
	case "medium":
		return 1
	case "low":
		return 2
	case "none":
		return 9
	}
	return 5
}

// severityName shows a severity key: a normalised priority in the
// document's language, else the sheet's word.
func (w *writer) severityName(k string) string {
	switch k {
	case "high", "medium", "low":
		p, _ := project.ParsePriority(k)
		return w.d.Priority(p)
	case "none":
		return "-"
	}
	return k
}
