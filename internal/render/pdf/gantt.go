package pdf

import (
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Gantt geometry: a label column (WBS ID and name), team, progress, then
// the bars. The label and team columns share ganttLabelW + ganttTeamW: the
// team column is as wide as its widest name on one line (see teamWidth),
// the label takes the rest.
const (
	ganttLabelW = 80.0
	ganttTeamW  = 18.0
	// ganttTeamMax is the widest the team column gets: a longer team name
	// wraps rather than squeezing the task names.
	ganttTeamMax = 40.0
	ganttPctW    = 11.0
	ganttBarX    = marginX + ganttLabelW + ganttTeamW + ganttPctW
	ganttBarW    = pageW - marginX - ganttBarX
	ganttHeadH   = 8.0
	ganttLegend  = 7.0
	ganttSize    = 7.5
)

// ganttRow is one phase or task row, laid out.
type ganttRow struct {
	t     *project.Task
	label []string
	team  []string
	h     float64
}

// gantt draws level-1 and level-2 tasks as bars by planned dates, with
// progress shaded, the status-date line and the progress line (イナズマ
// 線) through each row's progress point. Rows continue on further pages
// under a repeated date header.
func (w *writer) gantt() {
	var rows []ganttRow
	var from, to date.Date
	w.setFont(ganttSize, false)
	lh := w.lineH()
	teamW := w.teamWidth()
	labelW := ganttLabelW + ganttTeamW - teamW
	for i := range w.d.Tasks {
		t := &w.d.Tasks[i]
		if t.Level > 2 {
			continue
		}
		label := t.Name
		if t.WBSID != "" {
			label = t.WBSID + " " + t.Name
		}
		indent := float64(max(t.Level-1, 0)) * 3
		w.setFont(ganttSize, t.Level <= 1)
		r := ganttRow{t: t, label: w.lines(label, labelW-2*cellPadX-indent, t.Source())}
		w.setFont(ganttSize, false)
		r.team = w.lines(t.Team, teamW-2*cellPadX, t.Source())
		r.h = float64(max(len(r.label), len(r.team), 1))*lh + 1.6
		rows = append(rows, r)
		if scheduled(t) {
			from = minDate(from, t.PlannedStart)
			to = max(to, t.PlannedFinish)
		}
	}
	// The whole chart on one page where it fits: here, or on a new page.
	total := w.headingHeight(contentW, w.L("chart.gantt")) + ganttHeadH + ganttLegend
	for _, r := range rows {
		total += r.h
	}
	if w.y+total > bottom {
		w.newPage()
	}
	w.heading(w.L("chart.gantt"), ganttHeadH+10)
	if len(rows) == 0 || from.IsZero() {
		w.noneLine()
		return
	}
	ax := axisFor(minDate(from, w.d.AsOf), max(to, w.d.AsOf), ganttBarX, ganttBarW)
	for start := 0; start < len(rows); {
		if w.y+ganttHeadH+rows[start].h+ganttLegend > bottom {
			w.newPage()
		}
		top := w.y
		w.ganttHeader(ax, top, labelW, teamW)
		y := top + ganttHeadH
		end := start
		for end < len(rows) && y+rows[end].h+ganttLegend <= bottom {
			y += rows[end].h
			end++
		}
		if end == start { // a row taller than a page: draw it anyway
			y += rows[end].h
			end++
		}
		w.ganttRows(ax, rows[start:end], top+ganttHeadH, y, labelW)
		w.ganttLegend(y + 1.5)
		w.y = y + ganttLegend
		start = end
	}
	w.y += 3
}

// teamWidth is the team column's width: the widest team name of the
// rows drawn, or the column title, on one line at the chart's size, within
// ganttTeamMax; 0 when no row has a team (the label takes the room).
func (w *writer) teamWidth() float64 {
	widest := 0.0
	w.setFont(ganttSize, false)
	for i := range w.d.Tasks {
		if t := &w.d.Tasks[i]; t.Level <= 2 && t.Team != "" {
			widest = max(widest, w.width(w.clean(t.Team, t.Source())))
		}
	}
	if widest == 0 {
		return 0
	}
	w.setFont(7.5, true)
	widest = max(widest, w.width(w.L("col.team")))
	w.setFont(ganttSize, false)
	return min(widest+2*cellPadX+0.5, ganttTeamMax)
}

func scheduled(t *project.Task) bool {
	return !t.PlannedStart.IsZero() && !t.PlannedFinish.IsZero() && t.PlannedFinish >= t.PlannedStart
}

// minDate is the earlier of two dates, ignoring a missing one.
func minDate(a, b date.Date) date.Date {
	if a.IsZero() || !b.IsZero() && b < a {
		return b
	}
	return a
}

// ganttHeader draws the column titles and the year and month bands.
func (w *writer) ganttHeader(ax timeAxis, top, labelW, teamW float64) {
	w.fill(headBg)
	w.rect(marginX, top, contentW, ganttHeadH, "F")
	w.setFont(7.5, true)
	w.color(white)
	mid := top + (ganttHeadH-w.lineH())/2
	w.textAt(marginX+cellPadX, mid, w.L("col.name"), diag.Pos{})
	if teamW > 0 {
		w.textAt(marginX+labelW+cellPadX, mid, w.L("col.team"), diag.Pos{})
	}
	w.textAt(marginX+ganttLabelW+ganttTeamW+cellPadX, mid, "%", diag.Pos{})
	ms := ax.months()
	w.setFont(6.5, false)
	step := monthStep(ax.w, len(ms), w.width("12")+1.5)
	half := ganttHeadH / 2
	w.stroke(white)
	w.lineWidth(0.15)
	for i, m := range ms {
		x := ax.x(m)
		y, mon, _ := m.YMD()
		if i == 0 || mon == 1 {
			w.line(x, top, x, top+ganttHeadH)
			w.textAt(x+0.8, top+(half-w.lineH())/2, strconv.Itoa(y), diag.Pos{})
		} else {
			w.line(x, top+half, x, top+ganttHeadH)
		}
		if i%step == 0 {
			s := strconv.Itoa(int(mon))
			next := ax.x(ax.to + 1)
			if i+1 < len(ms) {
				next = ax.x(ms[i+1])
			}
			w.textAt(x+(next-x-w.width(s))/2, top+half+(half-w.lineH())/2, s, diag.Pos{})
		}
	}
	w.line(ax.x0, top+half, ax.x0+ax.w, top+half)
	w.color(black)
}

// ganttRows draws one page's rows between top and end.
func (w *writer) ganttRows(ax timeAxis, rows []ganttRow, top, end, labelW float64) {
	f := w.pdf
	asOf := w.d.AsOf
	sx := ax.x(asOf)
	// phase bands and month grid first, so bars and lines sit on top
	y := top
	for _, r := range rows {
		if r.t.Level <= 1 {
			w.fill(currentCol)
			w.rect(marginX, y, contentW, r.h, "F")
		}
		y += r.h
	}
	w.stroke(gridLine)
	w.lineWidth(0.15)
	for _, m := range ax.months() {
		w.line(ax.x(m), top, ax.x(m), end)
	}
	inazuma := []fpdf.PointType{{X: sx, Y: top}}
	y = top
	lh := w.lineH()
	for _, r := range rows {
		t := r.t
		indent := float64(max(t.Level-1, 0)) * 3
		w.setFont(ganttSize, t.Level <= 1)
		w.color(black)
		for i, l := range r.label {
			w.textAt(marginX+cellPadX+indent, y+0.8+float64(i)*lh, l, t.Source())
		}
		w.setFont(ganttSize, false)
		for i, l := range r.team {
			w.textAt(marginX+labelW+cellPadX, y+0.8+float64(i)*lh, l, t.Source())
		}
		p := 0.0
		if t.Progress.OK() {
			p = clamp(t.Progress.Val(), 0, 100)
		}
		ps := pct(p)
		w.textAt(ganttBarX-cellPadX-w.width(ps), y+0.8, ps, diag.Pos{})
		mid := y + min(r.h, lh+1.6)/2
		px := sx
		if scheduled(t) {
			px = w.ganttBar(ax, t, p, mid)
		}
		inazuma = append(inazuma, fpdf.PointType{X: px, Y: mid})
		w.stroke(gridLine)
		w.lineWidth(0.1)
		w.line(marginX, y+r.h, pageW-marginX, y+r.h)
		y += r.h
	}
	inazuma = append(inazuma, fpdf.PointType{X: sx, Y: end})

	w.stroke(todayRed)
	w.lineWidth(0.3)
	f.SetDashPattern([]float64{1.2, 0.8}, 0)
	w.line(sx, top, sx, end)
	f.SetDashPattern(nil, 0)
	w.lineWidth(0.55)
	f.SetLineJoinStyle("round")
	polyline(f, inazuma)
	f.SetLineJoinStyle("miter")
	w.fill(todayRed)
	for _, p := range inazuma[1 : len(inazuma)-1] {
		w.circle(p.X, p.Y, 0.55, "F")
	}
}

// ganttBar draws t's planned bar with its progress and returns the x of
// its progress point: where the work done reaches on the bar, or the
// status date for work that is neither behind nor ahead (finished in the
// past, or not started and not due to).
func (w *writer) ganttBar(ax timeAxis, t *project.Task, p, mid float64) float64 {
	f := w.pdf
	asOf := w.d.AsOf
	x1, x2 := ax.x(t.PlannedStart), ax.x(t.PlannedFinish+1)
	sx := ax.x(asOf)
	late := t.PlannedFinish < asOf && p < 100
	bh := 2.2
	if t.Level <= 1 {
		bh = 3
	}
	if t.Milestone || t.PlannedStart == t.PlannedFinish && t.Level > 1 {
		c := (x1 + x2) / 2
		w.fill(navy)
		if p >= 100 {
			w.fill(doneBlue)
		}
		f.Polygon([]fpdf.PointType{{X: c, Y: mid - 1.8}, {X: c + 1.8, Y: mid}, {X: c, Y: mid + 1.8}, {X: c - 1.8, Y: mid}}, "F")
	} else {
		w.fill(planBlue)
		w.rect(x1, mid-bh/2, max(x2-x1, 0.4), bh, "F")
		if p > 0 {
			w.fill(doneBlue)
			w.rect(x1, mid-bh/2, max((x2-x1)*p/100, 0.3), bh, "F")
		}
		if late {
			w.stroke(todayRed)
			w.lineWidth(0.3)
			w.rect(x1, mid-bh/2, max(x2-x1, 0.4), bh, "D")
		}
	}
	px := x1 + (x2-x1)*p/100
	switch {
	case p >= 100:
		return max(px, sx)
	case p == 0 && x1 >= sx:
		return sx
	}
	return px
}

// ganttLegend explains the marks under the chart.
func (w *writer) ganttLegend(top float64) {
	f := w.pdf
	w.setFont(7, false)
	w.color(grey)
	x := marginX
	lh := w.lineH()
	mid := top + lh/2
	w.fill(planBlue)
	w.rect(x, mid-1, 6, 2, "F")
	w.textAt(x+7, top, w.L("series.planned"), diag.Pos{})
	x += 10 + w.width(w.L("series.planned"))
	w.fill(doneBlue)
	w.rect(x, mid-1, 6, 2, "F")
	w.textAt(x+7, top, w.L("legend.progress"), diag.Pos{})
	x += 10 + w.width(w.L("legend.progress"))
	w.stroke(todayRed)
	w.lineWidth(0.3)
	f.SetDashPattern([]float64{1.2, 0.8}, 0)
	w.line(x+2, top, x+2, top+lh)
	f.SetDashPattern(nil, 0)
	s := w.L("project.status_date") + " " + w.d.AsOf.String()
	w.textAt(x+4, top, s, diag.Pos{})
	x += 7 + w.width(s)
	w.lineWidth(0.55)
	polyline(f, []fpdf.PointType{{X: x, Y: top + 0.3}, {X: x + 2.5, Y: mid}, {X: x + 1, Y: mid}, {X: x + 3.5, Y: top + lh - 0.3}})
	w.textAt(x+5, top, w.L("legend.progress_line"), diag.Pos{})
	w.color(black)
}
