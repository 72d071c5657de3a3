package xlsx

import (
	"cmp"
	"errors"
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
)

// allFindings writes the 全指摘 sheet: the portfolio's own findings first
// (its file's, a person over-allocated across projects), under a project
// column that says so, then every project's findings, projects in the
// portfolio's order, each project's findings in its own order. It
// looks like the tracker's 指摘 sheet with a project column in front, but
// its rows are streamed: a portfolio of a thousand projects holds a few
// hundred thousand findings, which excelize's cell API would keep in
// memory several times over. Each project's findings are fetched twice
// (once to size the columns, once to write them) and dropped after use.
func (b *book) allFindings(pf *report.Portfolio) {
	if b.err != nil {
		return
	}
	sheet := b.label("sheet.all_findings")
	cols := []column{
		{key: "project", label: b.label("project.id"), kind: report.Text},
		b.col1("severity", report.Text), b.col1("rule", report.Text), b.col1("position", report.Text), b.col1("message", report.Text),
	}
	const sevCol = 1 // index of the severity column
	own := &report.PortfolioRow{ID: b.label("board.portfolio_row")}
	values := func(row *report.PortfolioRow, f *diag.Finding) [5]string {
		return [5]string{cmp.Or(row.ID, row.Name), b.label("severity." + f.Severity.String()), f.Rule, f.Pos.String(), f.Text(b.d.Lang)}
	}
	each := func(do func(row *report.PortfolioRow, f *diag.Finding)) {
		for j := range pf.Findings {
			do(own, &pf.Findings[j])
		}
		for i := range pf.Rows {
			if b.err != nil {
				return
			}
			fs, err := pf.RowFindings(i)
			if err != nil {
				b.fail(err)
				return
			}
			for j := range fs {
				do(&pf.Rows[i], &fs[j])
			}
		}
	}

	// First pass: the columns' widths, the number of rows and whether a
	// severity cell is coloured (the band then leaves that column alone).
	widths := make([]float64, len(cols))
	for j, c := range cols {
		widths[j] = headerWidth(c.label)
	}
	n, sevFilled := 0, false
	each(func(row *report.PortfolioRow, f *diag.Finding) {
		n++
		sevFilled = sevFilled || severityLook(f.Severity).fill != ""
		for j, v := range values(row, f) {
			widths[j] = max(widths[j], valueWidth(cols[j], txt(v)))
		}
	})
	if b.err != nil {
		return
	}
	p := &placed{sheet: sheet, first: firstRow, last: firstRow + n - 1, ncol: len(cols), at: map[string]int{}, own: map[int]bool{sevCol + 1: sevFilled}}
	wide := make([]bool, len(cols))
	base := make([]int, len(cols))
	for j, c := range cols {
		p.at[c.key] = j + 1
		widths[j] = widths[j]*1.1 + 1
		// A finding's position stays on one line, as on the tracker.
		wide[j] = widths[j] > maxWidth && c.key != "position"
		widths[j] = math.Round(min(max(widths[j], minWidth), maxWidth)*4) / 4
		b.width(sheet, j+1, widths[j])
		base[j] = b.styleID(cellLook(c, false, 0, wide[j]))
	}

	// The rows are written when the zip is (stream.go): the title and
	// header from the sheet's buffer, the findings as its records, each
	// project's fetched again when its first row is made.
	sb := b.streamed(sheet)
	b.fail(b.f.AutoFilter(sheet, b.ref(1, headerRow)+":"+b.ref(len(cols), max(p.last, headerRow+1)), nil))
	b.band(p)
	b.finish(sheet, headerRow, 2, false)
	b.scaleNow(sheet)
	if b.err != nil {
		return
	}
	b.text(sheet, 1, titleRow, b.sheetTitle("sheet.all_findings"), look{bold: true, size: 14, color: colTitle})
	for j, c := range cols {
		b.text(sheet, j+1, headerRow, c.label, headerLook())
	}
	sb.heights[headerRow] = b.headerHeight()
	if n == 0 {
		b.text(sheet, 1, firstRow, b.label("none"), look{italic: true, color: "595959"})
		return
	}
	// The records are made in order (sheetBuf.rows): the portfolio's own
	// findings, then those of one project after another, each project's
	// fetched when its first row is.
	project, next := -1, 0 // the project whose findings are in fs (-1 the portfolio's), and the next of them
	fs := pf.Findings
	sb.rec = &records{first: firstRow, n: n, ncol: len(cols), row: func(_ int, cells []xcell) ([]xcell, rowOpts) {
		for next == len(fs) && b.err == nil {
			if project, next = project+1, 0; project == len(pf.Rows) {
				b.fail(errors.New("the findings changed while the portfolio was written"))
				break
			}
			var err error
			fs, err = pf.RowFindings(project)
			b.fail(err)
		}
		if b.err != nil {
			return cells, rowOpts{} // the workbook is not written
		}
		row, f := own, &fs[next]
		if project >= 0 {
			row = &pf.Rows[project]
		}
		next++
		lines := 1
		for j, v := range values(row, f) {
			style := base[j]
			// Text with line breaks wraps wherever it is, as on the tracker.
			breaks := strings.Contains(v, "\n")
			if wide[j] || breaks {
				lines = max(lines, linesIn(v, widths[j]))
			}
			switch {
			case j == sevCol:
				style = b.styleID(severityLook(f.Severity))
			case breaks && !wide[j]:
				style = b.styleID(cellLook(cols[j], false, 0, true))
			}
			c := xcell{style: style, kind: cellEmpty}
			if v != "" {
				c.kind, c.text = cellText, v
			}
			cells = append(cells, c)
		}
		var opts rowOpts
		if lines > 1 {
			opts.height = rowHeight(lines, b.lineHeight())
		}
		return cells, opts
	}}
}

// styleID is the workbook's style for l, made on first use.
func (b *book) styleID(l look) int {
	id, err := b.st.cell(l)
	b.fail(err)
	return id
}
