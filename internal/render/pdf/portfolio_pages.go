package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

// boardPages draws the portfolio's own pages after the project table:
// people across projects, the trend, data quality by team and, when
// asked, the groups.
func (w *writer) boardPages(pf *report.Portfolio) {
	b := pf.Board
	w.peoplePage(b)
	w.trendPage(b)
	w.qualityPage(b)
	if b.GroupBy != "" {
		w.groupPages(pf)
	}
}

// peopleWeeks is how many weeks the people page shows: a quarter fits an
// A4 landscape page at a legible size; the workbook has the rest.
const peopleWeeks = 13

// peoplePage is the person × week grid across projects: each person's
// total (red above capacity) and, below, each project's share, after the
// over-allocation findings in words.
func (w *writer) peoplePage(b *portfolio.Board) {
	w.newPage()
	w.heading(w.L("board.people"), 10)
	v := b.People
	w.setFont(7.5, false)
	w.color(grey)
	w.y += w.para(marginX, w.y, contentW, w.L("board.people_note"), diag.Pos{}) + 1
	w.missingLine(b)
	if v == nil || len(v.Rows) == 0 {
		w.absentLine(w.L("board.no_people"))
		return
	}
	if len(b.Findings) > 0 {
		w.setFont(9, true)
		w.color(red)
		w.textAt(marginX, w.y, w.L("board.over_findings")+"（"+strconv.Itoa(len(b.Findings))+"）", diag.Pos{})
		w.y += 5
		var lines []string
		for _, f := range b.Findings {
			lines = append(lines, f.Text(w.d.Lang))
		}
		w.setFont(8, false)
		w.color(black)
		for _, l := range lines {
			h := w.paraHeight(contentW-4, l)
			w.need(h)
			w.textAt(marginX, w.y, "•", diag.Pos{})
			w.y += w.para(marginX+3, w.y, contentW-4, l, diag.Pos{}) + 0.6
		}
		w.y += 2
	}
	n := min(len(v.Weeks), peopleWeeks)
	t := &table{size: 7.5, cols: []column{{label: w.L("board.col.person")}, {label: w.L("board.col.company"), width: 22}, {label: w.L("board.col.capacity"), width: 14, align: 'R'}}}
	for _, wk := range v.Weeks[:n] {
		_, m, d := wk.YMD()
		t.cols = append(t.cols, column{label: fmt.Sprintf("%d/%d", int(m), d), width: 13, align: 'R'})
	}
	// Drawn row by row: with a thousand projects each person has
	// hundreds of rows of shares, tens of megabytes as one table.
	d := w.beginTable(t, marginX, contentW)
	for _, r := range v.Rows {
		row := []cell{{text: r.Name, bold: true}, {text: r.Company}, {text: portfolio.Days(weekly(r))}}
		for j := range n {
			c := cell{}
			if r.Load[j] > 0 {
				c.text = portfolio.Days(r.Load[j])
				c.bold = true
				if r.Over(j) {
					c.bg, c.fg = overTint, red
				} else if r.Capacity[j] > 0 && r.Load[j] >= 0.8*r.Capacity[j] {
					c.bg = amberTint
				}
			}
			row = append(row, c)
		}
		d.add(row)
		if len(r.Projects) < 2 {
			continue
		}
		for _, pl := range r.Projects {
			sub := []cell{{text: "　└ " + pl.Project, fg: grey}, {}, {}}
			for j := range n {
				c := cell{fg: grey}
				if pl.Load[j] > 0 {
					c.text = portfolio.Days(pl.Load[j])
				}
				sub = append(sub, c)
			}
			d.add(sub)
		}
	}
	d.end()
	if len(v.Weeks) > n {
		w.setFont(7.5, false)
		w.color(grey)
		w.y += w.para(marginX, w.y+0.5, contentW, fmt.Sprintf("%s〜%s: portfolio.xlsx", v.Weeks[n], v.Weeks[len(v.Weeks)-1]), diag.Pos{}) + 1
	}
	w.color(black)
}

// weekly is a person's capacity in a full working week: the most of any
// week shown, since holidays only take from it.
func weekly(r portfolio.PersonLoad) float64 {
	return slices.Max(r.Capacity)
}

// trendPage shows per project the RAG of its last runs as coloured
// squares and the SPI as a sparkline, newest on the right.
func (w *writer) trendPage(b *portfolio.Board) {
	w.newPage()
	w.heading(fmt.Sprintf(w.L("board.trend"), portfolio.TrendRuns), 10)
	if len(b.Trend) == 0 {
		w.absentLine(w.L("none"))
		return
	}
	const rowH, nameW, sq, sparkW = 8.0, 80.0, 4.2, 70.0
	ragX := marginX + nameW
	sparkX := ragX + float64(portfolio.TrendRuns)*(sq+1.2) + 8
	head := func() {
		w.setFont(7.5, true)
		w.color(grey)
		w.textAt(marginX, w.y, w.L("board.col.project"), diag.Pos{})
		w.textAt(ragX, w.y, w.L("col.rag"), diag.Pos{})
		w.textAt(sparkX, w.y, "SPI", diag.Pos{})
		w.textAt(sparkX+sparkW+6, w.y, w.L("board.col.spi"), diag.Pos{})
		w.y += 4.5
	}
	head()
	for i, r := range b.Trend {
		if w.need(rowH) {
			head()
		}
		// Taken after the page break: a portfolio's next page may be in
		// a new fpdf document (see chunks.go).
		f := w.pdf
		if i%2 == 1 {
			w.fill(stripe)
			w.rect(marginX, w.y-0.6, contentW, rowH, "F")
		}
		w.setFont(8, true)
		w.color(black)
		w.textAt(marginX+1, w.y+0.6, w.clip(r.Project+"　"+r.Name, nameW-3), diag.Pos{})
		off := portfolio.TrendRuns - len(r.Points)
		for k, p := range r.Points {
			strong, _, _ := levelColors(p.RAG)
			w.fill(strong)
			w.rect(ragX+float64(off+k)*(sq+1.2), w.y+0.4, sq, sq, "F")
		}
		// The sparkline spans the row's own SPIs (at least 0.2 wide, so
		// noise stays flat), with a grey line at 1.0 when it is in range.
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range r.Points {
			if p.SPI != nil {
				lo, hi = min(lo, *p.SPI), max(hi, *p.SPI)
			}
		}
		if mid := (lo + hi) / 2; hi-lo < 0.2 {
			lo, hi = mid-0.1, mid+0.1
		}
		yOf := func(v float64) float64 { return w.y + rowH - 1.4 - (rowH-2.4)*clamp((v-lo)/(hi-lo), 0, 1) }
		if lo <= 1 && 1 <= hi {
			w.stroke(gridLine)
			w.lineWidth(0.2)
			w.line(sparkX, yOf(1), sparkX+sparkW, yOf(1))
		}
		xOf := func(k int) float64 {
			return sparkX + sparkW*float64(off+k)/float64(max(1, portfolio.TrendRuns-1))
		}
		w.stroke(doneBlue)
		w.lineWidth(0.45)
		started := false
		for k, p := range r.Points {
			if p.SPI == nil {
				started = false
				continue
			}
			if started {
				f.LineTo(xOf(k), yOf(*p.SPI))
			} else {
				if k > 0 {
					f.DrawPath("D")
				}
				f.MoveTo(xOf(k), yOf(*p.SPI))
				started = true
			}
		}
		f.DrawPath("D")
		for k, p := range r.Points {
			if p.SPI != nil {
				w.fill(doneBlue)
				w.circle(xOf(k), yOf(*p.SPI), 0.6, "F")
			}
		}
		w.setFont(8, false)
		w.color(black)
		s := "-"
		if n := len(r.Points); n > 0 {
			last := r.Points[n-1]
			s = ratio(last.SPI)
			if n > 1 {
				s = ratio(r.Points[n-2].SPI) + " → " + s
			}
		}
		w.textAt(sparkX+sparkW+6, w.y+0.6, s, diag.Pos{})
		w.y += rowH
	}
	w.y += 3
}

// qualityPage ranks each project's teams by their sheets' data quality.
func (w *writer) qualityPage(b *portfolio.Board) {
	w.y += 4
	w.heading(w.L("board.quality"), 30)
	w.setFont(7.5, false)
	w.color(grey)
	w.y += w.para(marginX, w.y, contentW, w.L("board.quality_note"), diag.Pos{}) + 1
	if len(b.Quality) == 0 {
		w.absentLine(w.L("none"))
		return
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("board.col.project"), width: 40}, {label: w.L("board.col.team")},
		{label: w.L("board.col.sources"), width: 16, align: 'R'}, {label: w.L("board.col.unread"), width: 16, align: 'R'},
		{label: w.L("board.col.records"), width: 16, align: 'R'}, {label: w.L("board.col.findings"), width: 16, align: 'R'},
		{label: w.L("board.col.per100"), width: 20, align: 'R'}, {label: w.L("board.col.unmapped"), width: 20, align: 'R'},
		{label: w.L("board.col.overrides"), width: 22, align: 'R'}, {label: w.L("board.col.stale"), width: 16, align: 'R'},
	}}
	alert := func(n int) cell {
		c := cell{text: strconv.Itoa(n)}
		if n > 0 {
			c.fg, c.bold = red, true
		}
		return c
	}
	for _, q := range b.Quality {
		team := cell{text: q.Team}
		if q.Team == "" {
			team = cell{text: w.L("board.no_team"), fg: grey}
		}
		per := cell{text: "-", fg: grey}
		if q.Per100 != nil {
			per = cell{text: strconv.FormatFloat(*q.Per100, 'f', 1, 64), bold: true}
			if *q.Per100 >= 10 {
				per.fg, per.bg = red, redTint
			}
		}
		t.rows = append(t.rows, []cell{{text: q.Project, bold: true}, team, {text: strconv.Itoa(q.Sources)}, alert(q.Unread),
			{text: strconv.Itoa(q.Records)}, {text: strconv.Itoa(q.Findings)}, per, alert(q.Unmapped), {text: strconv.Itoa(q.Overrides)}, alert(q.Stale)})
	}
	w.table(t, marginX, contentW)
}

// groupPages gives the subtotals by group, then a section per group with
// its projects.
func (w *writer) groupPages(pf *report.Portfolio) {
	b := pf.Board
	w.newPage()
	key := w.L("board.group." + b.GroupBy)
	w.heading(fmt.Sprintf(w.L("board.groups"), key), 10)
	t := &table{size: 8, cols: []column{{label: w.L("board.col.group")}, {label: w.L("board.col.projects"), width: 16, align: 'R'}}}
	for _, lv := range analyze.Levels {
		t.cols = append(t.cols, column{label: w.levelWord(lv), width: 13, align: 'R'})
	}
	t.cols = append(t.cols, column{label: w.L("board.failed"), width: 13, align: 'R'}, column{label: w.L("board.col.bac"), width: 22, align: 'R'},
		column{label: w.L("col.spi"), width: 14, align: 'R'}, column{label: w.L("head.late"), width: 16, align: 'R'},
		column{label: w.L("head.overdue_issues"), width: 18, align: 'R'}, column{label: w.L("head.high_risks"), width: 16, align: 'R'})
	name := func(g portfolio.Group) string { return cmp.Or(g.Name, w.L("board.no_group")) }
	for _, g := range b.Groups {
		row := []cell{{text: name(g), bold: true}, {text: strconv.Itoa(len(g.Projects))}}
		for _, lv := range analyze.Levels {
			c := cell{text: strconv.Itoa(g.Counts[string(lv)])}
			if g.Counts[string(lv)] > 0 {
				_, c.bg, _ = levelColors(lv)
			}
			row = append(row, c)
		}
		overdue, high := cell{text: strconv.Itoa(g.OverdueIssues)}, cell{text: strconv.Itoa(g.HighRisks)}
		if !g.IssuesKnown() {
			overdue = cell{text: w.L("not_provided"), fg: grey}
		}
		if !g.RisksKnown() {
			high = cell{text: w.L("not_provided"), fg: grey}
		}
		row = append(row, cell{text: strconv.Itoa(g.Counts["failed"])}, cell{text: diag.Grouped(int64(g.BAC + 0.5))}, cell{text: ratio(g.SPI)},
			cell{text: strconv.Itoa(g.LateTasks)}, overdue, high)
		t.rows = append(t.rows, row)
	}
	w.table(t, marginX, contentW)
	w.y += 4
	for _, g := range b.Groups {
		sub := &report.Portfolio{Name: pf.Name, AsOf: pf.AsOf}
		for _, r := range pf.Rows {
			if slices.Contains(g.Projects, cmp.Or(r.ID, r.Name)) {
				sub.Rows = append(sub.Rows, r)
			}
		}
		w.heading(key+": "+name(g), 20)
		w.portfolioTable(sub)
		w.y += 4
	}
}

// missingLine names the projects the board could not take in, so that a
// failed project's people are not read as free.
func (w *writer) missingLine(b *portfolio.Board) {
	if len(b.Missing) == 0 {
		return
	}
	w.setFont(8, true)
	w.color(red)
	w.y += w.para(marginX, w.y, contentW, fmt.Sprintf(w.L("board.missing"), strings.Join(b.Missing, ", ")), diag.Pos{}) + 1
	w.color(black)
}
