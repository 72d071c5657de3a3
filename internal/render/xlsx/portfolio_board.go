package xlsx

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

// boardSheets are the label keys of the portfolio's own sheets.
func boardSheets(b *portfolio.Board) []string {
	names := []string{"sheet.people", "sheet.items", "sheet.board_milestones", "sheet.board_trend", "sheet.quality"}
	if b.GroupBy != "" {
		names = append(names, "sheet.groups")
	}
	return names
}

// board writes the portfolio's own sheets.
func (b *book) board(pf *report.Portfolio) {
	bd := pf.Board
	b.people(bd)
	b.items(bd)
	b.dueMilestones(bd)
	b.boardTrend(bd)
	b.quality2(bd)
	if bd.GroupBy != "" {
		b.groups(pf)
	}
}

// peopleRow is one row of the 要員 sheet: a person's total, or one
// project's share of it (project set).
type peopleRow struct {
	p       *portfolio.PersonLoad
	project string
	load    []float64
}

// people writes the 要員 sheet: person × week, each person's total (red
// above capacity, yellow from 80 %) with each project's share below it,
// then the over-allocation findings.
func (b *book) people(bd *portfolio.Board) {
	sheet := b.label("sheet.people")
	v := bd.People
	var rows []peopleRow
	var weeks int
	if v != nil {
		weeks = len(v.Weeks)
		for i := range v.Rows {
			p := &v.Rows[i]
			rows = append(rows, peopleRow{p: p, load: p.Load})
			if len(p.Projects) < 2 {
				continue
			}
			for _, pl := range p.Projects {
				rows = append(rows, peopleRow{p: p, project: pl.Project, load: pl.Load})
			}
		}
	}
	cols := []column{
		{key: "person", label: b.label("board.col.person"), kind: report.Text},
		{key: "project", label: b.label("board.col.project"), kind: report.Text},
		{key: "company", label: b.label("board.col.company"), kind: report.Text},
		{key: "capacity", label: b.label("board.col.capacity"), kind: report.Number, fmt: fmtLoad},
		{key: "peak", label: b.label("board.col.peak"), kind: report.Percent, fmt: fmtPercent},
	}
	for j := range weeks {
		cols = append(cols, column{key: "w" + strconv.Itoa(j), head: v.Weeks[j], kind: report.Number, fmt: fmtLoad})
	}
	week := func(key string) int {
		if len(key) < 2 || key[0] != 'w' {
			return -1
		}
		j, err := strconv.Atoi(key[1:])
		if err != nil {
			return -1
		}
		return j
	}
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("board.people"), cols: cols, n: len(rows), empty: "board.no_people",
		row: func(i int) rowLook {
			if rows[i].project == "" {
				return rowLook{bold: true}
			}
			return rowLook{indent: 1}
		},
		indent: "project",
		value: func(i int, key string) report.Value {
			r := rows[i]
			total := r.project == ""
			switch key {
			case "person":
				return txt(r.p.Name)
			case "project":
				if total {
					return txt(b.label("board.total"))
				}
				return txt(r.project)
			case "company":
				return txt(r.p.Company)
			case "capacity":
				if !total || len(r.p.Capacity) == 0 {
					return report.Value{Empty: true}
				}
				return number(slices.Max(r.p.Capacity))
			case "peak":
				if !total {
					return report.Value{Empty: true}
				}
				return number(r.p.Peak * 100)
			}
			if j := week(key); j >= 0 && j < len(r.load) && r.load[j] > 0 {
				return number(r.load[j])
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			r := rows[i]
			j := week(key)
			if j < 0 {
				return look{}, false
			}
			switch {
			case r.project != "":
				return look{numFmt: fmtLoad, color: "595959", vAlign: "center", grid: true}, true
			case r.p.Over(j):
				return look{numFmt: fmtLoad, fill: colBadFill, color: colBadText, bold: true, vAlign: "center", grid: true}, true
			case j < len(r.p.Capacity) && r.p.Capacity[j] > 0 && r.load[j] >= 0.8*r.p.Capacity[j]:
				return look{numFmt: fmtLoad, fill: colWarnFill, color: colWarnText, bold: true, vAlign: "center", grid: true}, true
			}
			return look{numFmt: fmtLoad, bold: true, vAlign: "center", grid: true}, true
		},
	})
	// Half a year of weeks at 0.0 person-days needs no more than this.
	for j := range weeks {
		b.width(sheet, p.at["w"+strconv.Itoa(j)], 5.5)
	}
	// The findings in words, below the grid: who, which weeks, each
	// project's share.
	r := max(p.last, firstRow) + 2
	if len(bd.Findings) > 0 {
		b.text(sheet, 1, r, b.label("board.over_findings"), look{bold: true, color: colBadText})
		for i, f := range bd.Findings {
			b.text(sheet, 1, r+1+i, f.Text(b.d.Lang), look{color: colBadText})
		}
		r += len(bd.Findings) + 2
	}
	if len(bd.Missing) > 0 {
		b.text(sheet, 1, r, fmt.Sprintf(b.label("board.missing"), strings.Join(bd.Missing, ", ")), look{bold: true, color: colBadText})
		r += 2
	}
	b.text(sheet, 1, r, b.label("board.people_note"), look{italic: true, color: "595959"})
	// Half a year of weeks prints on two A3 pages, names repeated.
	b.finishPrint(sheet, headerRow, 3, false, printSpec{headerRow: headerRow, titleCols: 2})
}

// items writes every decision needed and escalation with its project,
// then the overdue action items.
func (b *book) items(bd *portfolio.Board) {
	sheet := b.label("sheet.items")
	cols := []column{
		{key: "kind", label: b.label("board.col.kind"), kind: report.Text},
		{key: "project", label: b.label("board.col.project"), kind: report.Text},
		{key: "text", label: b.label("board.col.text"), kind: report.Text},
		{key: "owner", label: b.label("col.owner"), kind: report.Text},
		{key: "due", label: b.label("col.due"), kind: report.Date},
		{key: "age", label: b.label("board.col.age"), kind: report.Integer},
		{key: "over", label: b.label("board.col.over"), kind: report.Integer},
	}
	n := len(bd.Items)
	b.table(&table{
		sheet: sheet, title: b.sheetTitle("board.items"), cols: cols, n: n + len(bd.OverdueActions), empty: "board.no_items",
		value: func(i int, key string) report.Value {
			if i >= n {
				a := bd.OverdueActions[i-n]
				switch key {
				case "kind":
					return txt(b.label("board.action"))
				case "project":
					return txt(a.Project)
				case "text":
					return txt(strings.TrimSpace(a.ID + " " + a.Title))
				case "owner":
					return txt(strings.Join(a.Owner, "、"))
				case "due":
					return day(a.Due)
				case "over":
					return number(float64(a.DaysOverdue))
				}
				return report.Value{Empty: true}
			}
			it := bd.Items[i]
			switch key {
			case "kind":
				return txt(b.label("board." + it.Kind))
			case "project":
				return txt(it.Project)
			case "text":
				return txt(it.Text)
			case "owner":
				return txt(it.Owner)
			case "due":
				return day(it.Due)
			case "age":
				if it.Age == nil {
					return report.Value{Empty: true}
				}
				return number(float64(*it.Age))
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			red := i >= n || bd.Items[i].Kind == portfolio.KindEscalation
			if key == "kind" && red {
				return look{color: colBadText, bold: true, vAlign: "center", grid: true}, true
			}
			if key == "due" && (i >= n || bd.Items[i].Overdue) {
				return look{numFmt: fmtDate, fill: colBadFill, color: colBadText, bold: true, vAlign: "center", grid: true}, true
			}
			return look{}, false
		},
	})
	b.finish(sheet, headerRow, 3, false)
}

// dueMilestones writes the open milestones of every project due before
// the strip's end, the missed ones included, in date order.
func (b *book) dueMilestones(bd *portfolio.Board) {
	sheet := b.label("sheet.board_milestones")
	cols := []column{
		{key: "date", label: b.label("col.ms_date"), kind: report.Date},
		{key: "project", label: b.label("board.col.project"), kind: report.Text},
		{key: "name", label: b.label("sheet.milestones"), kind: report.Text},
		{key: "status", label: b.label("col.status"), kind: report.Text},
	}
	ms := bd.Milestones
	b.table(&table{
		sheet: sheet, title: b.sheetTitle("board.milestones_soon"), cols: cols, n: len(ms), empty: "board.no_milestones",
		value: func(i int, key string) report.Value {
			switch key {
			case "date":
				return day(ms[i].Date)
			case "project":
				return txt(ms[i].Project)
			case "name":
				return txt(ms[i].Name)
			case "status":
				return txt(b.label("ms." + string(ms[i].Status)))
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			if key != "status" {
				return look{}, false
			}
			switch ms[i].Status {
			case analyze.MilestoneMissed:
				return look{fill: colBadFill, color: colBadText, bold: true, vAlign: "center", grid: true}, true
			case analyze.MilestoneAtRisk:
				return look{fill: colWarnFill, color: colWarnText, bold: true, vAlign: "center", grid: true}, true
			}
			return look{}, false
		},
	})
	if !bd.MilestoneUntil.IsZero() {
		b.text(sheet, 1, firstRow+max(len(ms), 1)+1, fmt.Sprintf(b.label("board.milestones"), bd.MilestoneUntil), look{italic: true, color: "595959"})
	}
	b.finish(sheet, headerRow, 3, false)
}

// boardTrend writes per project the RAG and SPI of its last runs, oldest
// on the left, with an SPI sparkline.
func (b *book) boardTrend(bd *portfolio.Board) {
	sheet := b.label("sheet.board_trend")
	n := portfolio.TrendRuns
	cols := []column{
		{key: "project", label: b.label("board.col.project"), kind: report.Text},
		{key: "name", label: b.label("project.name"), kind: report.Text},
		{key: "spark", label: "SPI", kind: report.Text},
	}
	runLabel := func(k int) string {
		if k == n-1 {
			return b.label("board.now")
		}
		return "-" + strconv.Itoa(n-1-k)
	}
	for k := range n {
		cols = append(cols, column{key: "rag" + strconv.Itoa(k), label: b.label("col.rag") + " " + runLabel(k), kind: report.Text})
	}
	for k := range n {
		cols = append(cols, column{key: "spi" + strconv.Itoa(k), label: "SPI " + runLabel(k), kind: report.Number, fmt: fmtRatio})
	}
	point := func(i int, key, prefix string) (portfolio.TrendPoint, bool) {
		if len(key) <= len(prefix) || key[:len(prefix)] != prefix {
			return portfolio.TrendPoint{}, false
		}
		k, err := strconv.Atoi(key[len(prefix):])
		pts := bd.Trend[i].Points
		off := n - len(pts)
		if err != nil || k < off {
			return portfolio.TrendPoint{}, false
		}
		return pts[k-off], true
	}
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.board_trend"), cols: cols, n: len(bd.Trend),
		value: func(i int, key string) report.Value {
			switch key {
			case "project":
				return txt(bd.Trend[i].Project)
			case "name":
				return txt(bd.Trend[i].Name)
			}
			if pt, ok := point(i, key, "rag"); ok && pt.RAG != "" {
				return txt(b.ragText(pt.RAG))
			}
			if pt, ok := point(i, key, "spi"); ok {
				return numberP(pt.SPI)
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			if pt, ok := point(i, key, "rag"); ok && pt.RAG != "" {
				return ragLook(pt.RAG), true
			}
			return look{}, false
		},
	})
	// Eight runs twice over fit one printed page only narrow.
	for k := range n {
		b.width(sheet, p.at["rag"+strconv.Itoa(k)], 7)
		b.width(sheet, p.at["spi"+strconv.Itoa(k)], 7)
	}
	if c := p.at["spark"]; c > 0 && p.last >= p.first && b.err == nil {
		first := p.at["spi0"]
		var loc, rng []string
		for r := p.first; r <= p.last; r++ {
			loc = append(loc, b.ref(c, r))
			rng = append(rng, sheetRef(sheet)+"!"+b.ref(first, r)+":"+b.ref(first+n-1, r))
		}
		b.addSparkline(sheet, &excelize.SparklineOptions{Location: loc, Range: rng, Markers: true, Style: 18})
		b.width(sheet, c, 16)
	}
	b.finish(sheet, headerRow, 3, false)
}

// sheetRef quotes a sheet name for a formula or range.
func sheetRef(name string) string { return "'" + name + "'" }

// quality2 writes data quality by project and team, worst first.
func (b *book) quality2(bd *portfolio.Board) {
	sheet := b.label("sheet.quality")
	c := func(key, label string, kind report.Kind, format string) column {
		return column{key: key, label: b.label(label), kind: kind, fmt: format}
	}
	cols := []column{
		c("project", "board.col.project", report.Text, ""), c("team", "board.col.team", report.Text, ""),
		c("sources", "board.col.sources", report.Integer, ""), c("unread", "board.col.unread", report.Integer, ""),
		c("records", "board.col.records", report.Integer, ""), c("findings", "board.col.findings", report.Integer, ""),
		c("per100", "board.col.per100", report.Number, fmtLoad), c("unmapped", "board.col.unmapped", report.Integer, ""),
		c("overrides", "board.col.overrides", report.Integer, ""), c("stale", "board.col.stale", report.Integer, ""),
	}
	rows := bd.Quality
	b.table(&table{
		sheet: sheet, title: b.sheetTitle("board.quality"), cols: cols, n: len(rows),
		value: func(i int, key string) report.Value {
			q := rows[i]
			switch key {
			case "project":
				return txt(q.Project)
			case "team":
				return txt(cmp.Or(q.Team, b.label("board.no_team")))
			case "per100":
				return numberP(q.Per100)
			}
			n := map[string]int{"sources": q.Sources, "unread": q.Unread, "records": q.Records, "findings": q.Findings,
				"unmapped": q.Unmapped, "overrides": q.Overrides, "stale": q.Stale}[key]
			return number(float64(n))
		},
		cell: func(i int, key string) (look, bool) {
			q := rows[i]
			bad := key == "per100" && q.Per100 != nil && *q.Per100 >= 10 ||
				key == "unread" && q.Unread > 0 || key == "stale" && q.Stale > 0 || key == "unmapped" && q.Unmapped > 0
			if !bad {
				return look{}, false
			}
			f := fmtInt
			if key == "per100" {
				f = fmtLoad
			}
			return look{numFmt: f, fill: colBadFill, color: colBadText, bold: true, vAlign: "center", grid: true}, true
		},
	})
	b.text(sheet, 1, firstRow+max(len(rows), 1)+1, b.label("board.quality_note"), look{italic: true, color: "595959"})
	b.finish(sheet, headerRow, 3, false)
}

// groupRow is a group's subtotal, or one of its projects (row set).
type groupRow struct {
	g   *portfolio.Group
	row *report.PortfolioRow
}

// groups writes the subtotals per group, each followed by its projects.
func (b *book) groups(pf *report.Portfolio) {
	bd := pf.Board
	sheet := b.label("sheet.groups")
	var rows []groupRow
	for i := range bd.Groups {
		g := &bd.Groups[i]
		rows = append(rows, groupRow{g: g})
		for j := range pf.Rows {
			if slices.Contains(g.Projects, cmp.Or(pf.Rows[j].ID, pf.Rows[j].Name)) {
				rows = append(rows, groupRow{g: g, row: &pf.Rows[j]})
			}
		}
	}
	c := func(key, label string, kind report.Kind, format string) column {
		return column{key: key, label: b.label(label), kind: kind, fmt: format}
	}
	cols := []column{
		{key: "group", label: b.label("board.group." + bd.GroupBy), kind: report.Text},
		c("project", "board.col.project", report.Text, ""),
		c("rag", "col.rag", report.Text, ""),
		c("projects", "board.col.projects", report.Integer, ""),
	}
	for _, lv := range analyze.Levels {
		cols = append(cols, column{key: "n_" + string(lv), label: b.ragText(lv), kind: report.Integer})
	}
	cols = append(cols, c("n_failed", "board.failed", report.Integer, ""), c("bac", "board.col.bac", report.Number, ""),
		c("spi", "col.spi", report.Number, fmtRatio), c("late", "col.late", report.Integer, ""),
		c("overdue", "col.overdue_issues", report.Integer, ""), c("high", "col.high_risks", report.Integer, ""))
	b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.groups"), cols: cols, n: len(rows),
		row: func(i int) rowLook {
			if rows[i].row == nil {
				return rowLook{bold: true}
			}
			return rowLook{indent: 1}
		},
		indent: "project",
		value: func(i int, key string) report.Value {
			g, r := rows[i].g, rows[i].row
			if key == "group" {
				return txt(cmp.Or(g.Name, b.label("board.no_group")))
			}
			if r != nil {
				return b.groupProjectValue(r, key)
			}
			switch key {
			case "projects":
				return number(float64(len(g.Projects)))
			case "bac":
				return number(g.BAC)
			case "spi":
				return numberP(g.SPI)
			case "late":
				return number(float64(g.LateTasks))
			case "overdue":
				if !g.IssuesKnown() {
					return txt(b.label("not_provided"))
				}
				return number(float64(g.OverdueIssues))
			case "high":
				if !g.RisksKnown() {
					return txt(b.label("not_provided"))
				}
				return number(float64(g.HighRisks))
			}
			if len(key) > 2 && key[:2] == "n_" {
				return number(float64(g.Counts[key[2:]]))
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			if r := rows[i].row; r != nil && key == "rag" {
				if !hasFigures(r) {
					return ragLook(""), true
				}
				return ragLook(r.RAG), true
			}
			return look{}, false
		},
	})
	b.finish(sheet, headerRow, 2, false)
}

// groupProjectValue is one project's cell in the groups sheet.
func (b *book) groupProjectValue(r *report.PortfolioRow, key string) report.Value {
	switch key {
	case "project":
		return txt(cmp.Or(r.ID, r.Name) + "　" + r.Name)
	case "rag", "spi", "late", "overdue", "high":
		return b.portfolioValue(r, key)
	}
	return report.Value{Empty: true}
}
