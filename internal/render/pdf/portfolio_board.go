package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

// steering draws portfolio page 1 for the steering committee: projects
// by RAG with the change since the last run, the SPI × CPI quadrant, each
// project's move (worst first), the milestones of the coming weeks as a
// calendar strip, and every decision and escalation of every project.
func (w *writer) steering(pf *report.Portfolio) {
	b := pf.Board
	w.startPage(false)
	w.steeringHeader(pf)
	top := w.y
	const chartW, chartH, gap = 100.0, 76.0, 6.0
	w.quadrant(b, marginX, top, chartW, chartH)
	w.y = top
	w.changeTable(b, marginX+chartW+gap, contentW-chartW-gap, top+chartH)
	w.y = top + chartH + 3
	w.missingLine(b)
	w.milestoneStrip(b, marginX, w.y, contentW)
	w.items(b)
}

// steeringHeader is the title block with one tile per RAG level: the
// number of projects now and, below, at their previous run.
func (w *writer) steeringHeader(pf *report.Portfolio) {
	b := pf.Board
	const tileW, tileH, gap = 22.0, 19.0, 2.0
	failed := 0
	for _, r := range pf.Rows {
		if r.Status == "failed" {
			failed++
		}
	}
	counts := slices.DeleteFunc(slices.Clone(b.Counts), func(c portfolio.LevelCount) bool {
		return c.Level == analyze.Unknown && c.Now == 0 && c.Before == 0
	})
	hasPrev := slices.ContainsFunc(b.Changes, func(c portfolio.Change) bool { return c.HasPrevious() })
	n := len(counts)
	if failed > 0 {
		n++
	}
	tilesW := float64(n)*(tileW+gap) - gap
	textW := contentW - tilesW - 6
	y := w.titleBlock(pf, w.L("title.portfolio")+"　"+w.L("board.title"), textW)
	x := pageW - marginX - tilesW
	tile := func(label string, now string, note string, bg, fg rgb) {
		w.fill(bg)
		w.pdf.RoundedRect(x, topFirst, tileW, tileH, 2, "1234", "F")
		w.color(fg)
		w.setFont(8, false)
		w.centered(x, topFirst+1.2, tileW, label)
		w.setFont(17, true)
		w.centered(x, topFirst+5.2, tileW, now)
		w.setFont(7, false)
		w.centered(x, topFirst+13.6, tileW, note)
		x += tileW + gap
	}
	for _, c := range counts {
		strong, _, on := levelColors(c.Level)
		note := ""
		if hasPrev {
			note = fmt.Sprintf("%s %d (%s)", w.L("board.before"), c.Before, signed(c.Now-c.Before))
		}
		tile(w.levelWord(c.Level), strconv.Itoa(c.Now), note, strong, on)
	}
	if failed > 0 {
		tile(w.L("portfolio.failed"), strconv.Itoa(failed), "", redTint, red)
	}
	w.y = max(y, topFirst+tileH) + 2
	w.stroke(rule)
	w.lineWidth(0.3)
	w.line(marginX, w.y, pageW-marginX, w.y)
	w.y += 3
	w.color(black)
}

// titleBlock draws a portfolio page's title, the portfolio's name and its
// date and number of projects, textW wide, and returns where it ends.
func (w *writer) titleBlock(pf *report.Portfolio, title string, textW float64) float64 {
	y := topFirst
	w.setFont(9, false)
	w.color(grey)
	y += w.para(marginX, y, textW, title, diag.Pos{})
	w.setFont(18, true)
	w.color(navy)
	y += w.para(marginX, y, textW, pf.Name, diag.Pos{}) + 0.5
	var facts []string
	if !pf.AsOf.IsZero() {
		facts = append(facts, w.L("project.status_date")+" "+pf.AsOf.String())
	}
	facts = append(facts, w.L("portfolio.projects")+" "+strconv.Itoa(len(pf.Rows)))
	w.setFont(9.5, false)
	w.color(black)
	return y + w.para(marginX, y, textW, strings.Join(facts, "　｜　"), diag.Pos{})
}

// signed writes a count's change with its sign; ±0 when none.
func signed(n int) string {
	if n == 0 {
		return "±0"
	}
	return fmt.Sprintf("%+d", n)
}

// quadrant draws the SPI × CPI chart: one bubble per project, its area
// proportional to its BAC, coloured by RAG, with the 1.0 lines splitting
// the four quadrants.
func (w *writer) quadrant(b *portfolio.Board, x, top, width, height float64) {
	w.setFont(9.5, true)
	w.color(navy)
	w.textAt(x, top, w.L("board.quadrant"), diag.Pos{})
	lo, hi := 0.8, 1.2
	maxBAC := 0.0
	for _, p := range b.Quadrant {
		lo, hi = min(lo, p.SPI, p.CPI), max(hi, p.SPI, p.CPI)
		maxBAC = max(maxBAC, p.BAC)
	}
	// Round out to a tenth, and keep 1.0 inside with room around it; a
	// typo-sized value (CPI 40) is clamped to the edge, not scaled to.
	lo, hi = math.Max(0, math.Floor(lo*10-0.5)/10), math.Min(2, math.Ceil(hi*10+0.5)/10)
	px, py := x+9, top+10
	pw, ph := width-11, height-20
	xOf := func(v float64) float64 { return px + pw*clamp((v-lo)/(hi-lo), 0, 1) }
	yOf := func(v float64) float64 { return py + ph*(1-clamp((v-lo)/(hi-lo), 0, 1)) }
	f := w.pdf
	// The late-and-over quadrant is tinted: it is where attention goes.
	w.fill(redTint)
	w.rect(px, yOf(1), xOf(1)-px, py+ph-yOf(1), "F")
	w.fill(greenTint)
	w.rect(xOf(1), py, px+pw-xOf(1), yOf(1)-py, "F")
	w.setFont(6.5, false)
	w.color(grey)
	w.lineWidth(0.15)
	step := 0.1
	if hi-lo > 0.8 {
		step = 0.2
	}
	for v := math.Ceil(lo/step-1e-9) * step; v <= hi+1e-9; v += step {
		w.stroke(gridLine)
		w.line(px, yOf(v), px+pw, yOf(v))
		w.line(xOf(v), py, xOf(v), py+ph)
		s := strconv.FormatFloat(v, 'f', 1, 64)
		w.textAt(px-1-w.width(s), yOf(v)-w.lineH()/2, s, diag.Pos{})
		w.textAt(xOf(v)-w.width(s)/2, py+ph+0.5, s, diag.Pos{})
	}
	w.stroke(grey)
	w.lineWidth(0.4)
	w.line(xOf(1), py, xOf(1), py+ph)
	w.line(px, yOf(1), px+pw, yOf(1))
	w.lineWidth(0.3)
	w.rect(px, py, pw, ph, "D")
	w.setFont(7, false)
	w.textAt(px+pw-w.width("SPI →"), py+ph+3.6, "SPI →", diag.Pos{})
	w.textAt(px-8.5, py-3.6, "CPI ↑", diag.Pos{})
	w.setFont(6.5, false)
	w.color(grey)
	corner := func(key string, right, upper bool) {
		s := w.L(key)
		cx, cy := px+1, py+0.8
		if right {
			cx = px + pw - 1 - w.width(s)
		}
		if !upper {
			cy = py + ph - 0.8 - w.lineH()
		}
		w.textAt(cx, cy, s, diag.Pos{})
	}
	corner("board.q.late_under", false, true)
	corner("board.q.ahead_under", true, true)
	corner("board.q.late_over", false, false)
	corner("board.q.ahead_over", true, false)
	// Largest first, so a small project's bubble is drawn over a big one.
	pts := slices.Clone(b.Quadrant)
	slices.SortStableFunc(pts, func(a, c portfolio.Point) int { return cmp.Compare(c.BAC, a.BAC) })
	radius := func(p portfolio.Point) float64 {
		if maxBAC > 0 {
			return 1.6 + 6.4*math.Sqrt(p.BAC/maxBAC)
		}
		return 1.6
	}
	for _, p := range pts {
		strong, _, _ := levelColors(p.RAG)
		w.fill(strong)
		w.stroke(white)
		w.lineWidth(0.4)
		f.SetAlpha(0.75, "Normal")
		w.circle(xOf(p.SPI), yOf(p.CPI), radius(p), "FD")
		f.SetAlpha(1, "Normal")
	}
	// Labels where they overlap no other label: right of the bubble, else
	// left, above or below; a project whose label finds no room is still
	// in the table beside the chart.
	type box struct{ x0, y0, x1, y1 float64 }
	var taken []box
	w.setFont(7, true)
	w.color(black)
	lh := w.lineH()
	for _, p := range pts {
		cx, cy, r := xOf(p.SPI), yOf(p.CPI), radius(p)
		label := w.clip(p.Project, 30)
		lw := w.width(label)
		for _, c := range [][2]float64{{cx + r + 0.8, cy - lh/2}, {cx - r - 0.8 - lw, cy - lh/2}, {cx - lw/2, cy - r - lh}, {cx - lw/2, cy + r}} {
			bx := box{c[0], c[1], c[0] + lw, c[1] + lh}
			if bx.x0 < px || bx.x1 > px+pw || bx.y0 < py || bx.y1 > py+ph ||
				slices.ContainsFunc(taken, func(o box) bool { return bx.x0 < o.x1 && o.x0 < bx.x1 && bx.y0 < o.y1 && o.y0 < bx.y1 }) {
				continue
			}
			taken = append(taken, bx)
			w.textAt(bx.x0, bx.y0, label, diag.Pos{})
			break
		}
	}
	// Projects with no SPI or CPI are named, not left out silently.
	var missing []string
	for _, c := range b.Changes {
		if !slices.ContainsFunc(b.Quadrant, func(p portfolio.Point) bool { return p.Project == c.Project }) {
			missing = append(missing, c.Project)
		}
	}
	if len(missing) > 0 {
		w.setFont(7, false)
		w.color(grey)
		w.para(x, py+ph+7, width, w.L("board.not_plotted")+": "+strings.Join(missing, ", "), diag.Pos{})
	}
	w.color(black)
}

// arrow is a project's RAG move: ↑ better, ↓ worse, → the same.
func arrow(c portfolio.Change) (string, rgb) {
	switch {
	case !c.HasPrevious():
		return "", grey
	case c.Arrow > 0:
		return "↑", green
	case c.Arrow < 0:
		return "↓", red
	}
	return "→", grey
}

// changeTable lists each project's move since its previous run: the
// worst movers first, then the rest in portfolio order, as many as fit
// above bottomY.
func (w *writer) changeTable(b *portfolio.Board, x, width, bottomY float64) {
	w.setFont(9.5, true)
	w.color(navy)
	w.textAt(x, w.y, w.L("board.changes"), diag.Pos{})
	w.y += 5.5
	rows := slices.Clone(b.Movers)
	for _, c := range b.Changes {
		if !slices.ContainsFunc(rows, func(m portfolio.Change) bool { return m.Project == c.Project }) {
			rows = append(rows, c)
		}
	}
	if !slices.ContainsFunc(rows, func(c portfolio.Change) bool { return c.HasPrevious() }) {
		w.setFont(8, false)
		w.color(grey)
		w.y += w.para(x, w.y, width, w.L("board.no_history"), diag.Pos{}) + 1
	}
	if len(rows) == 0 {
		return // the note above says why; no empty table under it
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("board.col.move"), width: 12, align: 'C'},
		{label: w.L("board.col.project")},
		{label: w.L("board.col.rag"), width: 28, align: 'C'},
		{label: w.L("board.col.spi"), width: 28, align: 'C'},
		{label: w.L("board.col.dspi"), width: 16, align: 'R'},
	}}
	for _, c := range rows {
		a, ac := arrow(c)
		ragText := w.levelWord(c.RAG)
		spi := ratio(c.SPI)
		if c.HasPrevious() {
			ragText = w.levelWord(c.Prev) + " → " + ragText
			spi = ratio(c.PrevSPI) + " → " + spi
		} else {
			a = w.L("board.first_run")
		}
		d := cell{}
		if v := c.SPIDelta(); v != nil {
			d.text = fmt.Sprintf("%+.2f", *v)
			if *v <= -0.005 {
				d.fg, d.bold = red, true
			}
		}
		_, tint, _ := levelColors(c.RAG)
		t.rows = append(t.rows, []cell{{text: a, fg: ac, bold: true}, {text: c.Project + "　" + c.Name, bold: c.Arrow < 0},
			{text: ragText, bg: tint}, {text: spi}, d})
	}
	// As many rows as fit above bottomY (never more than a page holds),
	// with a line for the rest.
	t.rows = t.rows[:min(len(t.rows), 30)]
	for len(t.rows) > 1 && w.y+w.tableHeight(t, width)+4 > bottomY {
		t.rows = t.rows[:len(t.rows)-1]
	}
	shown := rows[:len(t.rows)]
	w.table(t, x, width)
	if len(shown) < len(rows) {
		w.setFont(7.5, false)
		w.color(grey)
		w.textAt(x, w.y+0.5, fmt.Sprintf(w.L("board.more"), len(rows)-len(shown)), diag.Pos{})
	}
	w.color(black)
}

// milestoneStrip is a calendar strip of the coming weeks: one column per
// week, each open milestone as a diamond at its day, coloured by status,
// labelled with its project and name; missed ones sit left of the strip.
func (w *writer) milestoneStrip(b *portfolio.Board, x, top, width float64) {
	w.setFont(9.5, true)
	w.color(navy)
	title := w.L("board.milestones_soon") // no status date: no end of the strip
	if !b.MilestoneUntil.IsZero() {
		title = fmt.Sprintf(w.L("board.milestones"), b.MilestoneUntil)
	}
	w.textAt(x, top, title, diag.Pos{})
	top += 5.5
	if len(b.Milestones) == 0 || b.AsOf.IsZero() && b.MilestoneUntil.IsZero() {
		w.setFont(8, false)
		w.color(grey)
		w.textAt(x, top, w.L("board.no_milestones"), diag.Pos{})
		w.y = top + 6
		return
	}
	asOf := b.AsOf
	if asOf.IsZero() {
		asOf = b.MilestoneUntil.AddDays(-7*portfolio.DefaultMilestoneWeeks + 1)
	}
	from := monday(asOf)
	until := b.MilestoneUntil
	const pastW = 30.0 // the column of missed milestones
	ax := timeAxis{from: from, to: until, x0: x + pastW, w: width - pastW}
	f := w.pdf
	// Lanes: labels on one lane must not overlap; a milestone takes the
	// first lane free at its x.
	w.setFont(7, false)
	type placed struct {
		m      portfolio.DueMilestone
		x, end float64
		lane   int
	}
	var laneEnd []float64
	var marks []placed
	for _, m := range b.Milestones {
		mx := ax.x(m.Date)
		if m.Date < from {
			mx = x + 2
		}
		label := w.clip(m.Project+" "+m.Name, 60)
		end := mx + 2.5 + w.width(label) + 2
		lane := slices.IndexFunc(laneEnd, func(e float64) bool { return e <= mx })
		if lane < 0 {
			lane = len(laneEnd)
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[lane] = end
		marks = append(marks, placed{m, mx, end, lane})
	}
	lanes := min(len(laneEnd), 6)
	const laneH = 4.2
	h := 6 + float64(lanes)*laneH + 1
	// Week columns with their Monday dates; today's line.
	w.fill(neutralBg)
	w.rect(x, top, pastW-1, h, "F")
	w.setFont(7, true)
	w.color(red)
	w.textAt(x+1, top+0.6, w.L("ms.missed"), diag.Pos{})
	for d := from; d <= until; d = d.AddDays(7) {
		i := int(d-from) / 7
		if i%2 == 0 {
			w.fill(stripe)
			w.rect(ax.x(d), top, ax.x(min(d.AddDays(7), until+1))-ax.x(d), h, "F")
		}
		w.setFont(7, false)
		w.color(grey)
		_, m, day := d.YMD()
		w.textAt(ax.x(d)+0.8, top+0.6, fmt.Sprintf(w.L("board.week_from"), fmt.Sprintf("%d/%d", int(m), day)), diag.Pos{})
	}
	w.stroke(todayRed)
	w.lineWidth(0.4)
	w.line(ax.x(asOf), top, ax.x(asOf), top+h)
	for _, p := range marks {
		if p.lane >= lanes {
			continue
		}
		cy := top + 6 + float64(p.lane)*laneH + laneH/2
		c := green
		switch p.m.Status {
		case analyze.MilestoneAtRisk:
			c = amber
		case analyze.MilestoneMissed:
			c = red
		}
		w.fill(c)
		f.Polygon([]fpdf.PointType{{X: p.x, Y: cy - 1.6}, {X: p.x + 1.6, Y: cy}, {X: p.x, Y: cy + 1.6}, {X: p.x - 1.6, Y: cy}}, "F")
		w.setFont(7, p.m.Status != analyze.MilestoneOnTrack)
		w.color(black)
		w.textAt(p.x+2.5, cy-w.lineH()/2, w.clip(p.m.Project+" "+p.m.Name+" "+p.m.Date.String()[5:], 60), diag.Pos{})
	}
	hidden := 0
	for _, p := range marks {
		if p.lane >= lanes {
			hidden++
		}
	}
	w.y = top + h + 1
	if hidden > 0 {
		w.setFont(7, false)
		w.color(grey)
		w.textAt(x, w.y, fmt.Sprintf(w.L("board.more"), hidden), diag.Pos{})
		w.y += 3.5
	}
	w.y += 2
	w.color(black)
}

// items lists every decision needed and escalation of every project, in
// full (pdftotext finds each), then the overdue action items, continuing
// on the next page when long.
func (w *writer) items(b *portfolio.Board) {
	w.setFont(9.5, true)
	w.need(12)
	w.color(navy)
	w.textAt(marginX, w.y, w.L("board.items"), diag.Pos{})
	w.y += 5.5
	if len(b.Items) == 0 && len(b.OverdueActions) == 0 {
		w.setFont(8, false)
		w.color(grey)
		w.textAt(marginX, w.y, w.L("board.no_items"), diag.Pos{})
		w.y += 5
		w.color(black)
		return
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("board.col.kind"), width: 30},
		{label: w.L("board.col.project"), width: 22},
		{label: w.L("board.col.text")},
		{label: w.L("col.owner"), width: 26},
		{label: w.L("col.due"), width: 20, align: 'C'},
		{label: w.L("board.col.age"), width: 18, align: 'R'},
	}}
	for _, it := range b.Items {
		kind := cell{text: w.L("board." + it.Kind), bold: true, fg: navy}
		if it.Kind == portfolio.KindEscalation {
			kind.fg = red
		}
		age := cell{text: "-", fg: grey}
		if it.Age != nil {
			age = cell{text: strconv.Itoa(*it.Age)}
		}
		due := cell{}
		if !it.Due.IsZero() {
			due.text = it.Due.String()
			if it.Overdue {
				due.fg, due.bold = red, true
			}
		}
		t.rows = append(t.rows, []cell{kind, {text: it.Project}, {text: it.Text}, {text: it.Owner}, due, age})
	}
	for _, a := range b.OverdueActions {
		title := a.Title
		if a.ID != "" {
			title = a.ID + " " + title
		}
		t.rows = append(t.rows, []cell{{text: w.L("board.action"), bold: true, fg: red}, {text: a.Project}, {text: title},
			{text: strings.Join(a.Owner, "、")}, {text: a.Due.String(), fg: red, bold: true},
			{text: fmt.Sprintf(w.L("board.days_over"), a.DaysOverdue), fg: red}})
	}
	w.table(t, marginX, contentW)
	if b.MoreActions > 0 {
		w.setFont(7.5, false)
		w.color(grey)
		w.textAt(marginX, w.y+0.5, fmt.Sprintf(w.L("board.more"), b.MoreActions), diag.Pos{})
		w.y += 4
	}
	w.color(black)
}
