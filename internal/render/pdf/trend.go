package pdf

import (
	"fmt"
	"math"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/value"
)

// timeItems are page 1's lines about time: the forecast finish against the
// planned end, re-planning (計画変更) and sheets possibly not updated
// (未更新) since the last run, and the variance against the baseline.
func (w *writer) timeItems(width float64) []item {
	a := w.d.A
	var lines []string
	add := func(key, v string) { lines = append(lines, w.L(key)+"："+v) }
	f := a.Forecast
	if !f.Finish.IsZero() {
		v := fmt.Sprintf("%s（%s %s", f.Finish, w.L("time.planned_end"), f.PlannedFinish)
		if f.SlipDays != nil {
			v += fmt.Sprintf("、%+d %s", *f.SlipDays, w.L("time.wd"))
		}
		add("time.forecast", v+"）")
	}
	if rp := a.Replan; rp != nil {
		if n := rp.MovedCount; n > 0 && len(rp.Moved) > 0 {
			most := rp.Moved[0]
			for _, m := range rp.Moved {
				if abs(m.Days) > abs(most.Days) {
					most = m
				}
			}
			add("time.replanned", fmt.Sprintf("%d %s（%s %s %+d %s）", n, w.L("time.tasks"), w.L("time.max"), most.Name, most.Days, w.L("time.wd")))
		}
		for _, s := range rp.StaleSource {
			add("time.stale", fmt.Sprintf("%s（%d %s）", s.File, s.Runs, w.L("time.runs")))
		}
		if n := rp.BackwardsCount; n > 0 {
			add("time.backwards", fmt.Sprintf("%d %s", n, w.L("time.tasks")))
		}
		if n := rp.VanishedCount; n > 0 {
			add("time.vanished", fmt.Sprintf("%d %s", n, w.L("time.tasks")))
		}
	}
	if b := a.Baseline; b != nil {
		name := or(b.Name, w.L("time.first_run")) + " " + b.AsOf.String()
		if b.Name == analyze.SourceBaselineName {
			name = w.L("time.source_baseline")
		}
		v := fmt.Sprintf("%s：%+d %s", name, b.FinishVariance, w.L("time.wd"))
		if b.BACBefore > 0 {
			v += fmt.Sprintf("、%s %s → %s", w.L("time.bac"), num1(b.BACBefore), num1(b.BACNow))
		}
		add("time.baseline", v)
	}
	if len(lines) == 0 {
		return nil
	}
	return append([]item{gapItem(2.5), w.headingItem(w.L("section.time"), width)}, w.bulletItems(lines, width, textStyle{size: 9})...)
}

// withTimeItems adds the time lines to page 1 in the column that has room
// for them, the right one first. Page 1 stays one page: when neither has
// room they are left to the trends page, which shows them too.
func (w *writer) withTimeItems(left, right []item, room float64) ([]item, []item) {
	if ti := w.timeItems(rightW); ti != nil && itemsHeight(right)+itemsHeight(ti) <= room {
		return left, append(right, ti...)
	}
	if ti := w.timeItems(leftW); ti != nil && itemsHeight(left)+itemsHeight(ti) <= room {
		return append(left, ti...), right
	}
	return left, right
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func num1(v float64) string { return value.ShowNumber(math.Round(v*10) / 10) }

// trends draws the page of trends: SPI, CPI and SPI(t) run by run, 課題推移,
// the forecast figures and the tasks re-planned since the last run.
func (w *writer) trends() {
	w.newPage()
	const chartH = 72.0
	halfW := (contentW - 8) / 2
	top := w.y
	w.headingAt(marginX, top, halfW, w.L("chart.indices"))
	w.headingAt(marginX+halfW+8, top, halfW, w.L("chart.issue_trend"))
	hh := w.headingHeight(halfW, w.L("chart.indices"))
	w.indexChart(marginX, top+hh, halfW, chartH)
	w.issueChart(marginX+halfW+8, top+hh, halfW, chartH)
	w.y = top + hh + chartH + 4

	t := w.forecastTable()
	w.heading(w.L("section.forecast"), w.tableStart(t, halfW))
	start := w.y
	w.table(t, marginX, halfW)
	left := w.y
	if mt := w.movedTable(); mt != nil {
		w.y = start
		w.setFont(9, true)
		w.color(navy)
		w.textAt(marginX+halfW+8, w.y, w.L("time.replanned"), diag.Pos{})
		w.color(black)
		w.y += w.lineH() + 0.5
		w.table(mt, marginX+halfW+8, halfW)
	}
	w.y = max(w.y, left) + 5
}

// runSeries is the trend with at least one run (this one).
func (w *writer) runSeries() []analyze.RunPoint { return w.d.A.Trend }

// indexChart draws SPI, CPI and SPI(t) of every recorded run against a
// line at 1.0.
func (w *writer) indexChart(x, top, width, height float64) {
	pts := w.runSeries()
	f := w.pdf
	px, py := x+10, top+3
	pw, ph := width-13, height-12
	lo, hi := 0.5, 1.3
	for _, p := range pts {
		for _, v := range []*float64{p.SPI, p.CPI, p.SPIt} {
			if v != nil && !math.IsInf(*v, 0) {
				lo, hi = math.Min(lo, math.Floor(*v*10)/10), math.Max(hi, math.Ceil(*v*10)/10)
			}
		}
	}
	hi = math.Min(hi, 3)
	lo = math.Max(lo, 0)
	yOf := func(v float64) float64 { return py + ph*(1-(clamp(v, lo, hi)-lo)/(hi-lo)) }
	// Runs are evenly spaced: a weekly series reads as one, and a gap in
	// the runs shows in the dates below.
	slot := pw / float64(len(pts))
	xOf := func(i int) float64 { return px + slot*(float64(i)+0.5) }
	w.setFont(7, false)
	w.color(grey)
	w.lineWidth(0.15)
	for v := math.Ceil(lo*10) / 10; v <= hi+1e-9; v += 0.1 {
		if math.Mod(math.Round(v*10), 2) != 0 && hi-lo > 0.8 {
			continue
		}
		w.stroke(gridLine)
		w.line(px, yOf(v), px+pw, yOf(v))
		s := strconv.FormatFloat(v, 'f', 1, 64)
		w.textAt(px-1.2-w.width(s), yOf(v)-w.lineH()/2, s, diag.Pos{})
	}
	w.stroke(grey)
	w.lineWidth(0.4)
	w.line(px, yOf(1), px+pw, yOf(1))
	w.line(px, py+ph, px+pw, py+ph)
	w.runAxis(pts, xOf, py+ph)
	series := []struct {
		key string
		c   rgb
		get func(analyze.RunPoint) *float64
	}{
		{"series.spi", doneBlue, func(p analyze.RunPoint) *float64 { return p.SPI }},
		{"series.cpi", green, func(p analyze.RunPoint) *float64 { return p.CPI }},
		{"series.spit", actualOr, func(p analyze.RunPoint) *float64 { return p.SPIt }},
	}
	lx := px + 2
	for _, s := range series {
		var line []fpdf.PointType
		w.stroke(s.c)
		w.fill(s.c)
		w.lineWidth(0.5)
		for i, p := range pts {
			v := s.get(p)
			if v == nil {
				// A run without the figure breaks the line: it is unknown,
				// not zero.
				polyline(f, line)
				line = nil
				continue
			}
			line = append(line, fpdf.PointType{X: xOf(i), Y: yOf(*v)})
			w.circle(xOf(i), yOf(*v), 0.7, "F")
		}
		polyline(f, line)
		w.setFont(7.5, false)
		w.line(lx, py+1.6, lx+5, py+1.6)
		w.color(black)
		w.textAt(lx+6, py, w.L(s.key), diag.Pos{})
		lx += 9 + w.width(w.L(s.key))
	}
}

// runAxis labels the run dates under a chart, as many as fit.
func (w *writer) runAxis(pts []analyze.RunPoint, xOf func(int) float64, y float64) {
	w.setFont(6.5, false)
	w.color(grey)
	lw := w.width("12/31") + 1.5
	lastX := -1e9
	for i, p := range pts {
		x := xOf(i)
		if x-lastX < lw {
			continue
		}
		s := monthDay(p.AsOf)
		w.textAt(x-w.width(s)/2, y+0.8, s, diag.Pos{})
		lastX = x
	}
	w.color(black)
}

// issueChart draws 課題推移: raised and closed per week as bars and the open
// count as a line — from the recorded runs when there are two or more,
// else from the issues' own raised and closed dates.
func (w *writer) issueChart(x, top, width, height float64) {
	a := w.d.A
	type bar struct {
		d              date.Date
		raised, closed int
		open           int
		known          bool
	}
	var bars []bar
	note := w.L("time.issue_dates")
	if len(a.Trend) >= 2 {
		note = w.L("time.issue_runs")
		for _, p := range a.Trend {
			b := bar{d: p.AsOf, open: p.OpenIssues, known: p.Raised != nil}
			if p.Raised != nil {
				b.raised, b.closed = *p.Raised, *p.Closed
			}
			bars = append(bars, b)
		}
	} else {
		for _, wk := range a.IssueTrend.Weeks {
			bars = append(bars, bar{d: wk.WeekEnd, raised: wk.Raised, closed: wk.Closed, open: wk.Open, known: true})
		}
		if a.IssueTrend.Undated > 0 {
			note += fmt.Sprintf("（%d %s）", a.IssueTrend.Undated, w.L("time.undated"))
		}
	}
	f := w.pdf
	w.setFont(7, false)
	w.color(grey)
	w.textAt(x, top+height-4, w.clip(note, width), diag.Pos{})
	if len(bars) == 0 {
		w.textAt(x, top+3, w.L("none"), diag.Pos{})
		return
	}
	px, py := x+10, top+7
	pw, ph := width-13, height-16
	hi := 1
	for _, b := range bars {
		hi = max(hi, b.open, b.raised, b.closed)
	}
	step := max(1, int(math.Ceil(float64(hi)/5)))
	hi = step * (hi/step + 1) // headroom above the highest value for the legend
	yOf := func(v int) float64 { return py + ph*(1-float64(v)/float64(hi)) }
	w.lineWidth(0.15)
	for v := 0; v <= hi; v += step {
		w.stroke(gridLine)
		w.line(px, yOf(v), px+pw, yOf(v))
		s := strconv.Itoa(v)
		w.textAt(px-1.2-w.width(s), yOf(v)-w.lineH()/2, s, diag.Pos{})
	}
	slot := pw / float64(len(bars))
	bw := math.Min(slot*0.35, 4)
	var line []fpdf.PointType
	for i, b := range bars {
		cx := px + slot*(float64(i)+0.5)
		if b.known {
			w.fill(todayRed)
			w.rect(cx-bw, yOf(b.raised), bw, yOf(0)-yOf(b.raised), "F")
			w.fill(green)
			w.rect(cx, yOf(b.closed), bw, yOf(0)-yOf(b.closed), "F")
		}
		line = append(line, fpdf.PointType{X: cx, Y: yOf(b.open)})
	}
	w.stroke(navy)
	w.lineWidth(0.5)
	polyline(f, line)
	w.fill(navy)
	for _, p := range line {
		w.circle(p.X, p.Y, 0.6, "F")
	}
	w.stroke(grey)
	w.lineWidth(0.3)
	w.line(px, py+ph, px+pw, py+ph)
	// dates under the bars, as many as fit
	w.setFont(6.5, false)
	w.color(grey)
	lw := w.width("12/31") + 1.5
	lastX := -1e9
	for i, b := range bars {
		cx := px + slot*(float64(i)+0.5)
		if cx-lastX < lw {
			continue
		}
		s := monthDay(b.d)
		w.textAt(cx-w.width(s)/2, py+ph+0.8, s, diag.Pos{})
		lastX = cx
	}
	// legend
	w.setFont(7.5, false)
	lx := px + 2
	for _, s := range []struct {
		key  string
		c    rgb
		line bool
	}{{"series.raised", todayRed, false}, {"series.closed", green, false}, {"series.open", navy, true}} {
		w.fill(s.c)
		w.stroke(s.c)
		if s.line {
			w.line(lx, py-2.4, lx+5, py-2.4)
		} else {
			w.rect(lx, py-3.6, 3, 2.4, "F")
		}
		w.color(black)
		w.textAt(lx+6, py-4.2, w.L(s.key), diag.Pos{})
		lx += 9 + w.width(w.L(s.key))
	}
}

// forecastTable lists the variances, forecasts and Earned Schedule; a
// figure that cannot be computed shows as "-", never 0.
func (w *writer) forecastTable() *table {
	fc := w.d.A.Forecast
	t := &table{size: 8, cols: []column{{label: w.L("fc.item")}, {label: w.L("fc.value"), width: 28, align: 'R'}, {label: w.L("fc.money"), width: 32, align: 'R'}}}
	v := func(p *float64, prec int) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'f', prec, 64)
	}
	money := func(p *float64) string {
		if fc.Money == nil || p == nil {
			return ""
		}
		return grouped(math.Round(*p)) + " " + fc.Money.Currency
	}
	var m moneyView
	if fc.Money != nil {
		m = moneyView{&fc.Money.SV, fc.Money.CV, fc.Money.ETC, fc.Money.EAC, fc.Money.VAC}
	}
	sv := fc.SV
	es := fc.ES
	at, pd := float64(fc.AT), float64(fc.PD)
	rows := [][3]string{
		{w.L("fc.sv"), v(&sv, 1), money(m.sv)},
		{w.L("fc.cv"), v(fc.CV, 1), money(m.cv)},
		{w.L("fc.etc"), v(fc.ETC, 1), money(m.etc)},
		{w.L("fc.eac"), v(fc.EAC, 1), money(m.eac)},
		{w.L("fc.vac"), v(fc.VAC, 1), money(m.vac)},
		{w.L("fc.tcpi"), v(fc.TCPI, 2), ""},
		{w.L("fc.pd"), v(&pd, 0), ""},
		{w.L("fc.at"), v(&at, 0), ""},
		{w.L("fc.es"), v(es, 1), ""},
		{w.L("fc.spit"), v(fc.SPIt, 2), ""},
		{w.L("fc.svt"), v(fc.SVt, 1), ""},
		{w.L("fc.ieact"), v(fc.IEACt, 1), ""},
	}
	finish := "-"
	if !fc.Finish.IsZero() {
		finish = fc.Finish.String()
		if fc.SlipDays != nil {
			finish += fmt.Sprintf(" (%+d)", *fc.SlipDays)
		}
	}
	rows = append(rows, [3]string{w.L("fc.finish"), finish, w.L("time.planned_end") + " " + dateOrDash(fc.PlannedFinish)})
	for _, r := range rows {
		t.rows = append(t.rows, []cell{{text: r[0]}, {text: r[1]}, {text: r[2]}})
	}
	return t
}

// moneyView holds the money forecasts for the table (nil: not known).
type moneyView struct{ sv, cv, etc, eac, vac *float64 }

func monthDay(d date.Date) string {
	_, m, day := d.YMD()
	return fmt.Sprintf("%d/%d", m, day)
}

// grouped writes a whole number with thousands separators.
func grouped(v float64) string { return diag.Grouped(int64(math.Round(v))) }

func dateOrDash(d date.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

// movedTable lists the tasks whose plan moved since the last run, the
// largest moves first; nil when none did.
func (w *writer) movedTable() *table {
	rp := w.d.A.Replan
	if rp == nil || len(rp.Moved) == 0 {
		return nil
	}
	t := &table{size: 8, cols: []column{{label: w.L("col.wbs_id"), width: 16}, {label: w.L("col.task")},
		{label: w.L("col.moved_from"), width: 20, align: 'C'}, {label: w.L("col.moved_to"), width: 20, align: 'C'}, {label: w.L("col.shift"), width: 18, align: 'R'}}}
	moved := append([]analyze.TaskMove(nil), rp.Moved...)
	for i := 1; i < len(moved); i++ { // insertion sort by |days|, stable
		for j := i; j > 0 && abs(moved[j].Days) > abs(moved[j-1].Days); j-- {
			moved[j], moved[j-1] = moved[j-1], moved[j]
		}
	}
	for i, m := range moved {
		if i == 20 {
			t.rows = append(t.rows, []cell{{text: ""}, {text: w.more(len(moved) - 20), fg: grey}, {}, {}, {}})
			break
		}
		t.rows = append(t.rows, []cell{{text: m.ID}, {text: m.Name, pos: m.Source}, {text: m.From.String()}, {text: m.To.String()}, {text: fmt.Sprintf("%+d", m.Days)}})
	}
	return t
}

// timeNote adds to a portfolio row's change cell the tasks re-planned and
// the sheets possibly not updated since the last run, when there are any.
func (w *writer) timeNote(r *report.PortfolioRow) string {
	s := ""
	if r.Replanned != nil && *r.Replanned > 0 {
		s += fmt.Sprintf(" %s %d", w.L("time.replanned_short"), *r.Replanned)
	}
	if r.StaleSheets != nil && *r.StaleSheets > 0 {
		s += fmt.Sprintf(" %s %d", w.L("time.stale_short"), *r.StaleSheets)
	}
	return s
}
