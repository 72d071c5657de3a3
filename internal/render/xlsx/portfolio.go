package xlsx

import (
	"cmp"
	"errors"
	"math"

	"github.com/pmokit/pmo/internal/report"
	"github.com/xuri/excelize/v2"
)

// Hyperlinks look as Excel draws them by default.
const colLink = "0563C1"

// RenderPortfolio builds the portfolio workbook: one row per project in
// pf.Rows order (worst first) with its RAG, figures, run status and a link
// to its tracker, then every project's findings. The same portfolio
// always gives the same bytes: the document properties carry pf.AsOf, or
// excelize's fixed template date when the projects' dates differ.
func RenderPortfolio(pf *report.Portfolio) ([]byte, error) {
	if pf == nil {
		return nil, errors.New("no portfolio to render")
	}
	lang := cmp.Or(pf.Lang, "ja")
	l := pf.L
	if l == nil {
		l = report.LabelsFor(lang)
	}
	// The sheet helpers take their language, name and status date from a
	// document; the portfolio's stands in for one.
	d := &report.Document{Lang: lang, L: l, Title: l.Get("title.portfolio"), Project: report.Facts{Name: pf.Name}, AsOf: pf.AsOf}
	f := excelize.NewFile()
	defer f.Close()
	b := newBook(f, d)
	b.titleKey = "title.portfolio"
	sheets := []string{"sheet.portfolio", "sheet.all_findings"}
	if pf.Board != nil {
		sheets = append(sheets, boardSheets(pf.Board)...)
	}
	b.setup(sheets...)
	b.portfolio(pf)
	b.allFindings(pf)
	if pf.Board != nil {
		b.board(pf)
	}
	return b.bytes()
}

// portfolioColumns are the columns of the portfolio sheet, in two parts:
// first what the steering committee reads on paper (the project, its
// schedule, issues and risks, next milestone, money and whether its run
// failed, as the portfolio PDF's table shows them), then the PMO's own
// working columns (data quality, re-planning, the tracker's link), which
// stay on screen: printed is how many columns the page holds. A
// status-date column is added when the projects were not all taken on
// one date.
func (b *book) portfolioColumns(pf *report.Portfolio) (cols []column, printed int) {
	c := func(key, label string, kind report.Kind, format string) column {
		return column{key: key, label: b.label(label), kind: kind, fmt: format}
	}
	// A figure's header breaks onto its two lines at a word, so that
	// the column is as narrow as its figures.
	f := func(key, label string, kind report.Kind, format string) column {
		col := c(key, label, kind, format)
		col.brk = true
		return col
	}
	cols = []column{
		c("rag", "col.rag", report.Text, ""),
		c("id", "project.id", report.Text, ""),
		c("name", "col.project", report.Text, ""),
		c("pm", "project.pm", report.Text, ""),
		c("reason", "col.main_reason", report.Text, ""),
		f("spi", "col.spi", report.Number, fmtRatio),
		f("cpi", "col.cpi", report.Number, fmtRatio),
		f("planned", "col.planned", report.Percent, fmtPct1),
		f("actual", "col.actual", report.Percent, fmtPct1),
		f("change", "col.change", report.Number, fmtDelta),
		f("late", "col.late", report.Integer, ""),
		f("forecast", "time.forecast", report.Date, ""),
		f("open", "col.open_issues", report.Integer, ""),
		f("overdue", "col.overdue_issues", report.Integer, ""),
		f("high", "col.high_risks", report.Integer, ""),
		c("milestone", "col.next_milestone", report.Text, ""),
		c("ms_date", "col.ms_date", report.Date, ""),
	}
	if pf.AsOf.IsZero() {
		cols = append(cols, c("as_of", "project.status_date", report.Date, ""))
	}
	// Money when some project has it: budget and forecast cost at
	// completion, in the projects' currency (a plain number when they
	// differ).
	if cur, ok := portfolioCurrency(pf); ok {
		m := moneyFmt(cur, b.d.Lang)
		cols = append(cols, c("budget", "money.budget", report.Number, m), f("eac", "money.eac", report.Number, m))
	}
	cols = append(cols,
		f("status", "col.run_status", report.Text, ""),
		c("error", "col.error", report.Text, ""),
	)
	printed = len(cols)
	return append(cols,
		f("errors", "col.errors", report.Integer, ""),
		f("warnings", "col.warnings", report.Integer, ""),
		f("scheduled", "col.scheduled", report.Percent, fmtPct1),
		c("check_first", "col.check_first", report.Text, ""),
		f("replanned", "time.replanned", report.Integer, ""),
		f("stale", "time.stale", report.Integer, ""),
		c("tracker", "col.tracker", report.Text, ""),
	), printed
}

// portfolioFloor is how far the portfolio's text columns may narrow
// (see wrapFloor): a project's name, the main reason, the milestone and
// a failed run's error wrap at eight kanji a line, so that the
// committee's columns print one page wide; the source to check and the
// tracker's path are references, never broken.
func portfolioFloor(key string) float64 {
	switch key {
	case "check_first", "tracker":
		return 0
	}
	return portfolioWrapMin
}

// portfolioWrapMin is the narrowest a text column of the portfolio sheet
// gets: eight kanji, or two English words, a line.
const portfolioWrapMin = 16.0

// portfolioValue is one cell of the portfolio sheet.
func (b *book) portfolioValue(r *report.PortfolioRow, key string) report.Value {
	switch key {
	case "id":
		return txt(r.ID)
	case "name":
		return txt(r.Name)
	case "pm":
		return txt(r.PM)
	case "as_of":
		return day(r.AsOf)
	case "status":
		if r.Status == "" {
			return report.Value{Empty: true}
		}
		return txt(b.label("run." + r.Status))
	case "error":
		return txt(r.Error)
	case "tracker":
		return txt(r.Tracker)
	}
	if !hasFigures(r) {
		if key == "rag" {
			return txt("-")
		}
		return report.Value{Empty: true}
	}
	switch key {
	case "rag":
		return txt(b.ragText(r.RAG))
	case "reason":
		return txt(r.Reason)
	case "spi":
		return numberP(r.SPI)
	case "cpi":
		return numberP(r.CPI)
	case "planned":
		return number(r.Planned)
	case "actual":
		return number(r.Actual)
	case "late":
		return number(float64(r.LateTasks))
	case "open", "overdue":
		if r.NoIssueList {
			return txt(b.label("not_provided")) // no issue list is not zero issues
		}
		if key == "open" {
			return number(float64(r.OpenIssues))
		}
		return number(float64(r.OverdueIssues))
	case "high":
		if r.NoRiskRegister {
			return txt(b.label("not_provided"))
		}
		return number(float64(r.HighRisks))
	case "errors":
		return number(float64(r.Errors))
	case "warnings":
		return number(float64(r.Warnings))
	case "scheduled":
		return numberP(r.ScheduledShare)
	case "check_first":
		return txt(r.CheckFirst)
	case "milestone":
		if r.NextMilestone == nil {
			return report.Value{Empty: true}
		}
		return txt(r.NextMilestone.Name)
	case "ms_date":
		if r.NextMilestone == nil {
			return report.Value{Empty: true}
		}
		return day(r.NextMilestone.Date)
	case "change":
		return numberP(r.ProgressDelta)
	case "replanned", "stale":
		p := r.Replanned
		if key == "stale" {
			p = r.StaleSheets
		}
		if p == nil {
			return report.Value{Empty: true}
		}
		return number(float64(*p))
	case "forecast":
		return day(r.ForecastFinish)
	case "budget", "eac":
		// A project without a budget, or whose cost cannot be
		// forecast (no actual effort, no cost per day), beside others
		// that have them: not provided, not zero and not a blank that
		// reads as nothing to worry about.
		v := r.Budget
		if key == "eac" {
			v = r.EAC
		}
		if v == nil {
			return txt(b.label("not_provided"))
		}
		return numberP(roundP(v))
	}
	return report.Value{Empty: true}
}

// hasFigures reports whether a row's figures mean something. A failed
// run's come from whatever could be read, or from nothing at all: a
// project whose WBS is unreadable would show as green with no late tasks,
// so its figures are left blank and its error shown instead.
func hasFigures(r *report.PortfolioRow) bool { return r.RAG != "" && r.Status != "failed" }

// portfolioLook colours what needs the committee's eye: the RAG, a failed
// run, late tasks, overdue issues and high risks; links look like links.
func portfolioLook(r *report.PortfolioRow, key string) (look, bool) {
	alert := func(n int) (look, bool) {
		if n <= 0 || !hasFigures(r) {
			return look{}, false
		}
		return look{numFmt: fmtInt, color: colBadText, bold: true, vAlign: "center", grid: true}, true
	}
	switch key {
	case "rag":
		if !hasFigures(r) {
			return ragLook(""), true
		}
		return ragLook(r.RAG), true
	case "status":
		switch r.Status {
		case "failed":
			return look{fill: colBadFill, color: colBadText, bold: true, hAlign: "center", vAlign: "center", grid: true}, true
		case "reused":
			return look{color: "595959", hAlign: "center", vAlign: "center", grid: true}, true
		}
		return look{hAlign: "center", vAlign: "center", grid: true}, true
	case "error":
		if r.Error == "" {
			return look{}, false
		}
		return look{color: colBadText, wrap: true, vAlign: "center", grid: true}, true
	case "late":
		return alert(r.LateTasks)
	case "overdue":
		return alert(r.OverdueIssues)
	case "high":
		return alert(r.HighRisks)
	case "tracker":
		if r.Tracker == "" {
			return look{}, false
		}
		return look{color: colLink, underline: true, vAlign: "center", grid: true}, true
	}
	return look{}, false
}

// portfolio writes the 一覧 sheet.
func (b *book) portfolio(pf *report.Portfolio) {
	rows := pf.Rows
	sheet := b.label("sheet.portfolio")
	cols, printed := b.portfolioColumns(pf)
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("title.portfolio"), cols: cols, n: len(rows),
		value:     func(i int, key string) report.Value { return b.portfolioValue(&rows[i], key) },
		cell:      func(i int, key string) (look, bool) { return portfolioLook(&rows[i], key) },
		printCols: printed, floor: portfolioFloor,
	})
	// The link's target is the tracker's path relative to the portfolio
	// workbook, which sits in the same output folder: the link keeps
	// working when the folder is copied or shared as a whole.
	if c := p.at["tracker"]; c > 0 {
		for i := range rows {
			if rows[i].Tracker != "" && b.err == nil {
				b.fail(b.f.SetCellHyperLink(sheet, b.ref(c, p.first+i), rows[i].Tracker, "External"))
			}
		}
	}
	b.band(p)
	// The committee's columns print one page wide, as many tall as the
	// projects take, the title and header repeated on each page.
	b.finishPrint(sheet, headerRow, p.at["name"]+1, false, printSpec{
		blocks: [][2]int{{1, printed}}, lastRow: max(p.last, headerRow), fitWide: true})
}

// portfolioCurrency is the currency of the projects' money, "" when they
// use several; ok is false when no project has money.
func portfolioCurrency(pf *report.Portfolio) (cur string, ok bool) {
	for _, r := range pf.Rows {
		if r.Budget == nil && r.EAC == nil {
			continue
		}
		if ok && r.Currency != cur {
			return "", true
		}
		cur, ok = r.Currency, true
	}
	return cur, ok
}

func roundP(v *float64) *float64 {
	if v == nil {
		return nil
	}
	r := math.Round(*v)
	return &r
}
