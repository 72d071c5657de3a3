package pdf

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/value"
)

// RenderPortfolio draws the portfolio PDF a steering committee reads
// first: page 1 lists every project in pf.Rows order (worst first) with
// its RAG, the headline reason and the key figures; then each built
// project's one-page summary, the same page its own report opens with.
// Projects without a document (failed or reused) have only their row.
// The same portfolio gives the same bytes: the PDF's dates are pf.AsOf,
// or a fixed date when the projects' dates differ.
//
// The pages are drawn in parts of a few dozen pages, each compressed as
// soon as it is done (see merge.go), so that a portfolio of a thousand
// projects takes no more memory to draw than one of fifty.
func RenderPortfolio(pf *report.Portfolio, opt Options) ([]byte, diag.Findings, error) {
	return renderPortfolio(pf, opt, nil)
}

func renderPortfolio(pf *report.Portfolio, opt Options, rec *[]textRun) ([]byte, diag.Findings, error) {
	return renderPortfolioParts(pf, opt, rec, partPages)
}

// renderPortfolioParts draws the portfolio in documents of at most size
// pages; 0 draws one document, as a project's report is drawn.
func renderPortfolioParts(pf *report.Portfolio, opt Options, rec *[]textRun, size int) ([]byte, diag.Findings, error) {
	if pf == nil {
		return nil, nil, errors.New("no portfolio to render")
	}
	lang := cmp.Or(pf.Lang, "ja")
	l := pf.L
	if l == nil {
		l = report.LabelsFor(lang)
	}
	// The portfolio pages take their metadata, running header and footer
	// from a document of their own, the portfolio's name where a project
	// shows its id and name.
	cover := &report.Document{Lang: lang, L: l, Title: l.Get("title.portfolio"), AsOf: pf.AsOf,
		Project: report.Facts{ID: pf.Name, Name: pf.Name}}
	var pageErr error
	out, fs, err := drawParts(cover, opt, rec, size, func(w *writer) {
		if pf.AsOf.IsZero() {
			// Projects of different status dates: a fixed date rather
			// than the clock's.
			undated := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			w.pdf.SetCreationDate(undated)
			w.pdf.SetModificationDate(undated)
		}
		if pf.Board != nil {
			w.steering(pf)
		}
		w.portfolio(pf)
		if pf.Board != nil {
			w.boardPages(pf)
		}
		for i := range max(len(pf.Documents), len(pf.Rows)) {
			// A failed run's document shows what could be read as if it
			// were the project; its row says what went wrong instead.
			if i < len(pf.Rows) && pf.Rows[i].Status == "failed" {
				continue
			}
			// Fetched one at a time: a batch keeps them on disk.
			d, err := pf.Page(i)
			if err != nil {
				pageErr = err
				return
			}
			if d == nil {
				continue
			}
			if d.A == nil {
				// A document built by hand may have no analysis; the
				// summary reads its figures from one.
				dc := *d
				dc.A = &analyze.Result{AsOf: d.AsOf}
				d = &dc
			}
			w.d = d
			w.summary()
		}
	})
	if pageErr != nil {
		return nil, nil, pageErr
	}
	return out, fs, err
}

// portfolio draws the title block and the table of projects.
func (w *writer) portfolio(pf *report.Portfolio) {
	w.startPage(false)
	w.portfolioHeader(pf)
	w.portfolioTable(pf)
}

// portfolioHeader draws the title, the portfolio's name and date, and
// one tile per RAG level with its number of projects (failed runs apart).
func (w *writer) portfolioHeader(pf *report.Portfolio) {
	const tileW, tileH, gap = 20.0, 17.0, 2.0
	type count struct {
		label  string
		n      int
		bg, fg rgb
	}
	var counts []count
	failed := 0
	byLevel := map[analyze.Level]int{}
	for _, r := range pf.Rows {
		if r.Status == "failed" {
			failed++
			continue
		}
		byLevel[r.RAG]++
	}
	for _, lv := range analyze.Levels {
		if lv == analyze.Unknown && byLevel[lv] == 0 {
			continue // a grey tile only when some project could not be judged
		}
		strong, _, on := levelColors(lv)
		counts = append(counts, count{label: w.levelWord(lv), n: byLevel[lv], bg: strong, fg: on})
	}
	if failed > 0 {
		counts = append(counts, count{label: w.L("portfolio.failed"), n: failed, bg: redTint, fg: red})
	}
	tilesW := float64(len(counts))*(tileW+gap) - gap
	textW := contentW - tilesW - 6

	y := w.titleBlock(pf, w.d.Title, textW)

	x := pageW - marginX - tilesW
	for _, c := range counts {
		w.fill(c.bg)
		w.pdf.RoundedRect(x, topFirst, tileW, tileH, 2, "1234", "F")
		w.color(c.fg)
		w.setFont(8, false)
		w.centered(x, topFirst+1.5, tileW, c.label)
		w.setFont(18, true)
		w.centered(x, topFirst+6.5, tileW, strconv.Itoa(c.n))
		x += tileW + gap
	}
	w.y = max(y, topFirst+tileH) + 2
	w.stroke(rule)
	w.lineWidth(0.3)
	w.line(marginX, w.y, pageW-marginX, w.y)
	w.y += 3
	w.color(black)
}

// portfolioTable draws one row per project, row by row (a thousand
// projects are some thirty pages). A failed run shows its error in red
// where the reason goes; a project that failed before it was analysed
// (no RAG) shows no figures rather than zeros.
func (w *writer) portfolioTable(pf *report.Portfolio) {
	cols := []column{
		{label: w.L("col.rag"), width: 11, align: 'C'},
		{label: w.L("col.project"), width: 33},
		{label: w.L("project.pm"), width: 17},
		{label: w.L("col.main_reason")},
		{label: w.L("col.spi"), width: 10, align: 'R'},
		{label: w.L("col.cpi"), width: 10, align: 'R'},
		{label: w.L("head.planned"), width: 13, align: 'R'},
		{label: w.L("head.actual"), width: 13, align: 'R'},
		{label: w.L("head.late"), width: 11, align: 'R'},
		{label: w.L("head.open_issues"), width: 11, align: 'R'},
		{label: w.L("head.overdue_issues"), width: 14, align: 'R'},
		{label: w.L("head.high_risks"), width: 11, align: 'R'},
		{label: w.L("head.scheduled"), width: 11, align: 'R'},
		{label: w.L("col.next_milestone"), width: 30},
	}
	dated := pf.AsOf.IsZero()
	if dated {
		cols = append(cols, column{label: w.L("project.status_date"), width: 20, align: 'C'})
	}
	cols = append(cols,
		column{label: w.L("col.change"), width: 13, align: 'R'},
		column{label: w.L("head.run_status"), width: 13, align: 'C'},
	)
	d := w.beginTable(&table{size: 8, cols: cols}, marginX, contentW)
	for i := range pf.Rows {
		d.add(w.portfolioRow(&pf.Rows[i], dated))
	}
	d.end()
}

// portfolioRow is a project's row of the table; dated adds its status
// date.
func (w *writer) portfolioRow(r *report.PortfolioRow, dated bool) []cell {
	level := r.RAG
	if !hasFigures(r) {
		level = ""
	}
	strong, _, on := levelColors(level)
	row := []cell{{text: w.levelWord(level), bg: strong, fg: on, bold: true}, {text: r.Name, bold: true}, {text: r.PM}}
	if hasFigures(r) {
		row = append(row, w.figureCells(r)...)
	} else {
		row = append(row, cell{text: r.Error, fg: red})
		row = append(row, make([]cell, 10)...) // the figures' columns
	}
	if dated {
		row = append(row, cell{text: dateStr(r.AsOf)})
	}
	change := cell{}
	if r.ProgressDelta != nil && hasFigures(r) {
		change.text = fmt.Sprintf("%+.1fpt", *r.ProgressDelta) + w.timeNote(r)
	}
	return append(row, change, w.runCell(r.Status))
}

// hasFigures reports whether a row's figures mean something. A failed
// run's come from whatever could be read, or from nothing at all: a
// project whose WBS is unreadable would show as green with no late tasks,
// so its error takes the reason's place and the figures are left blank.
func hasFigures(r *report.PortfolioRow) bool { return r.RAG != "" && r.Status != "failed" }

// figureCells are a row's reason, SPI, CPI, progress, counts and next
// milestone; counts of trouble above zero are red.
func (w *writer) figureCells(r *report.PortfolioRow) []cell {
	alert := func(n int) cell {
		c := cell{text: strconv.Itoa(n)}
		if n > 0 {
			c.fg, c.bold = red, true
		}
		return c
	}
	ms := cell{}
	if m := r.NextMilestone; m != nil {
		ms.text = strings.TrimSpace(m.Name + "\n" + dateStr(m.Date))
	}
	// An absent register is not an empty one.
	absent := cell{text: w.L("not_provided"), fg: grey}
	open, overdue, high := cell{text: strconv.Itoa(r.OpenIssues)}, alert(r.OverdueIssues), alert(r.HighRisks)
	if r.NoIssueList {
		open, overdue = absent, absent
	}
	if r.NoRiskRegister {
		high = absent
	}
	sched := cell{text: "-", fg: grey}
	if r.ScheduledShare != nil {
		sched = cell{text: fmt.Sprintf("%.0f%%", *r.ScheduledShare)}
		if *r.ScheduledShare < 80 {
			sched.fg, sched.bold = red, true
		}
	}
	return []cell{
		{text: r.Reason}, {text: ratio(r.SPI)}, {text: ratio(r.CPI)},
		{text: fmt.Sprintf("%.1f%%", r.Planned)}, {text: fmt.Sprintf("%.1f%%", r.Actual)},
		alert(r.LateTasks), open, overdue, high, sched,
		ms,
	}
}

// runCell is the run's outcome: failed in red, reused in grey.
func (w *writer) runCell(status string) cell {
	if status == "" {
		return cell{}
	}
	c := cell{text: w.L("run." + status)}
	switch status {
	case "failed":
		c.bg, c.fg, c.bold = redTint, red, true
	case "reused":
		c.fg = grey
	}
	return c
}

// ratio is an SPI or CPI with two decimals, "-" when there is none.
func ratio(v *float64) string {
	if v == nil {
		return "-"
	}
	return value.ShowFixed(*v, 2)
}
