package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
)

// Page 1 columns: RAG reasons and the PM's words on the left, top issues
// and changes on the right.
const (
	leftW  = 136.0
	gutter = 7.0
	rightX = marginX + leftW + gutter
	rightW = contentW - leftW - gutter
)

// summary draws the one-page summary: header with the overall RAG badge,
// KPI tiles, then two columns. When the columns do not fit on the page
// (a very long comment), they flow one after the other instead.
func (w *writer) summary() {
	w.startPage(false)
	w.header()
	w.kpiTiles()
	w.y = place(w.qualityItems(contentW), marginX, w.y) + 1
	if money := w.moneyItems(contentW); money != nil {
		w.y = place(money, marginX, w.y) + 1
	}
	w.y += 2
	left := w.leftColumn()
	right := w.rightColumn()
	top := w.y
	left, right = w.withActionItems(left, right, bottom-top)
	left, right = w.withTimeItems(left, right, bottom-top)
	if top+itemsHeight(left) <= bottom && top+itemsHeight(right) <= bottom {
		end := max(place(left, marginX, top), place(right, rightX, top))
		w.y = end
		return
	}
	// Too long for one page: both columns start side by side, and what
	// does not fit continues on the next page, left column first, so
	// page 1 keeps the top issues beside the ratings.
	nl, nr := fitting(left, bottom-top), fitting(right, bottom-top)
	place(left[:nl], marginX, top)
	place(right[:nr], rightX, top)
	w.y = bottom
	if nl < len(left) || nr < len(right) {
		w.newPage()
		w.flowItems(left[nl:], marginX)
		w.flowItems(right[nr:], marginX)
	}
}

// fitting is how many of items, from the first, fit in height h without
// ending on a heading. A table counts only when it fits whole: placed, it
// must not break the page itself.
func fitting(items []item, h float64) int {
	n, y := 0, 0.0
	for i, it := range items {
		if y+it.h > h {
			break
		}
		y += it.h
		if !it.keep {
			n = i + 1
		}
	}
	return n
}

// header draws the title block and the overall RAG badge.
func (w *writer) header() {
	d := w.d
	const badgeW, badgeH = 46.0, 21.0
	textW := contentW - badgeW - 6
	y := topFirst
	w.setFont(9, false)
	w.color(grey)
	y += w.para(marginX, y, textW, d.Title, diag.Pos{})
	w.setFont(18, true)
	w.color(navy)
	y += w.para(marginX, y, textW, d.Project.Name, diag.Pos{}) + 0.5
	var facts []string
	add := func(key, v string) {
		if v != "" {
			facts = append(facts, w.L(key)+" "+v)
		}
	}
	add("project.pm", d.Project.PM)
	add("project.sponsor", d.Project.Sponsor)
	if !d.Project.Start.IsZero() || !d.Project.End.IsZero() {
		add("project.period", dateStr(d.Project.Start)+" 〜 "+dateStr(d.Project.End))
	}
	add("project.status_date", d.AsOf.String())
	w.setFont(9.5, false)
	w.color(black)
	y += w.para(marginX, y, textW, strings.Join(facts, "　｜　"), diag.Pos{})

	strong, _, on := levelColors(d.RAG.Overall)
	bx := pageW - marginX - badgeW
	w.fill(strong)
	w.pdf.RoundedRect(bx, topFirst, badgeW, badgeH, 2, "1234", "F")
	w.color(on)
	w.setFont(8.5, false)
	w.centered(bx, topFirst+2, badgeW, w.L("rag.overall"))
	w.setFont(20, true)
	w.centered(bx, topFirst+7.5, badgeW, w.levelWord(d.RAG.Overall))

	w.y = max(y, topFirst+badgeH) + 2
	w.stroke(rule)
	w.lineWidth(0.3)
	w.line(marginX, w.y, pageW-marginX, w.y)
	w.y += 3
}

// levelWord is a RAG level in the document's language; "-" for none.
func (w *writer) levelWord(l analyze.Level) string {
	if l == "" {
		return "-"
	}
	return w.d.Level(l)
}

// centered draws s centred in [x, x+width), wrapped if it must be.
func (w *writer) centered(x, top, width float64, s string) float64 {
	ls := w.lines(s, width-2, diag.Pos{})
	for i, l := range ls {
		w.textAt(x+(width-w.width(l))/2, top+float64(i)*w.lineH(), l, diag.Pos{})
	}
	return float64(len(ls)) * w.lineH()
}

// tile is one KPI tile, laid out.
type tile struct {
	k      report.KPI
	units  float64
	value  string
	note   string
	bar    *float64 // a 0-100 bar under the value
	vsize  float64
	labelL []string
	valueL []string
	noteL  []string
}

// kpiTiles draws the KPI tiles in one row; the next milestone takes two
// widths because its value is a name.
func (w *writer) kpiTiles() {
	const gap = 2.0
	tiles := make([]tile, 0, len(w.d.KPIs))
	units := 0.0
	for _, k := range w.d.KPIs {
		t := tile{k: k, units: 1, value: k.Value, note: k.Note, vsize: 15}
		switch k.Key {
		case "planned", "actual":
			t.bar = k.Num
		case "next_milestone":
			t.units, t.vsize = 2, 11
			if k.Num != nil {
				t.note = w.msDate() + "　" + w.L("kpi.days_left") + " " + strconv.Itoa(int(*k.Num))
			}
		}
		if k.Value != "" && k.Num == nil && k.Key != "next_milestone" {
			t.vsize = 13
		}
		units += t.units
		tiles = append(tiles, t)
	}
	if len(tiles) == 0 {
		return
	}
	unit := (contentW - gap*float64(len(tiles)-1)) / units
	// Labels first: values start at the same height in every tile.
	labelLines := 1
	for i := range tiles {
		t := &tiles[i]
		w.setFont(7.5, false)
		t.labelL = w.lines(t.k.Label, unit*t.units-gap-3, diag.Pos{})
		labelLines = max(labelLines, len(t.labelL))
	}
	h := 0.0
	for i := range tiles {
		t := &tiles[i]
		inner := unit*t.units - gap - 3
		w.setFont(7.5, false)
		hh := float64(labelLines) * w.lineH()
		w.setFont(t.vsize, true)
		t.valueL = w.lines(t.value, inner, diag.Pos{})
		hh += float64(len(t.valueL)) * w.lineH()
		w.setFont(7, false)
		t.noteL = w.lines(t.note, inner, diag.Pos{})
		hh += float64(len(t.noteL)) * w.lineH()
		if t.bar != nil {
			hh += 2.5
		}
		h = max(h, hh+3)
	}
	x := marginX
	for _, t := range tiles {
		tw := unit * t.units
		if t.units > 1 {
			tw += gap * (t.units - 1)
		}
		strong, tint, _ := levelColors(t.k.Level)
		w.fill(tint)
		w.rect(x, w.y, tw, h, "F")
		w.fill(strong)
		w.rect(x, w.y, 1.3, h, "F")
		ix, y := x+3, w.y+1.2
		w.setFont(7.5, false)
		w.color(grey)
		for k, l := range t.labelL {
			w.textAt(ix, y+float64(k)*w.lineH(), l, diag.Pos{})
		}
		y += float64(labelLines) * w.lineH()
		w.setFont(t.vsize, true)
		w.color(black)
		for _, l := range t.valueL {
			w.textAt(ix, y, l, diag.Pos{})
			y += w.lineH()
		}
		if t.bar != nil {
			bw := tw - 6
			w.fill(white)
			w.rect(ix, y+0.3, bw, 1.6, "F")
			w.fill(doneBlue)
			w.rect(ix, y+0.3, bw*clamp(*t.bar/100, 0, 1), 1.6, "F")
			y += 2.5
		}
		w.setFont(7, false)
		w.color(grey)
		for _, l := range t.noteL {
			w.textAt(ix, y, l, diag.Pos{})
			y += w.lineH()
		}
		x += tw + gap
	}
	w.color(black)
	w.y += h + 4
}

// msDate is the next milestone's date, or "".
func (w *writer) msDate() string {
	if m := report.NextMilestone(w.d.A); m != nil {
		return dateStr(m.Date)
	}
	return ""
}

// leftColumn: RAG per dimension, the PM's comment, decisions needed and
// escalations.
func (w *writer) leftColumn() []item {
	d := w.d
	items := []item{w.headingItem(w.L("rag.by_dimension"), leftW)}
	for _, dim := range d.RAG.Dimensions {
		items = append(items, w.dimensionItem(dim))
	}
	if len(d.RAG.Dimensions) == 0 {
		items = append(items, w.paraItems(w.L("none"), leftW, textStyle{size: 9}, diag.Pos{})...)
	}
	items = append(items, gapItem(2.5), w.headingItem(w.L("comment"), leftW))
	items = append(items, w.paraItems(or(d.Comment, w.L("none")), leftW, textStyle{size: 10}, diag.Pos{})...)
	items = append(items, gapItem(2.5), w.headingItem(w.L("decisions"), leftW))
	items = append(items, w.listItems(d.Decisions, leftW, amberTint)...)
	items = append(items, gapItem(2.5), w.headingItem(w.L("escalations"), leftW))
	items = append(items, w.listItems(d.Escalations, leftW, redTint)...)
	return items
}

// listItems sets entries as bullets on a tinted band, or "none".
func (w *writer) listItems(entries []string, width float64, bg rgb) []item {
	if len(entries) == 0 {
		return w.paraItems(w.L("none"), width, textStyle{size: 9.5, fg: grey}, diag.Pos{})
	}
	out := []item{{h: 1, draw: func(x, top float64) { w.fill(bg); w.rect(x, top, width, 1, "F") }}}
	out = append(out, w.bulletItems(entries, width, textStyle{size: 9.5, bg: bg})...)
	return append(out, item{h: 1, draw: func(x, top float64) { w.fill(bg); w.rect(x, top, width, 1, "F") }})
}

// dimensionItem is one RAG dimension: a coloured badge, its name and the
// reason.
func (w *writer) dimensionItem(dim report.Dimension) item {
	const badgeW, nameW = 13.0, 27.0
	reasonW := leftW - badgeW - nameW - 3
	w.setFont(9.5, false)
	reason := w.lines(dim.Reason, reasonW, diag.Pos{})
	w.setFont(9.5, true)
	name := w.lines(dim.Label, nameW-1, diag.Pos{})
	lh := w.lineH()
	h := float64(max(len(reason), len(name), 1))*lh + 1.4
	return item{h: h, draw: func(x, top float64) {
		strong, _, on := levelColors(dim.Level)
		w.fill(strong)
		w.pdf.RoundedRect(x, top+0.3, badgeW, lh, 1, "1234", "F")
		w.color(on)
		word := w.levelWord(dim.Level)
		// 判定不能 and "Unknown" are longer than 赤 or "Red": smaller type
		// keeps them inside the badge.
		for size := 8.0; ; size -= 0.5 {
			w.setFont(size, true)
			if w.width(word) <= badgeW-1.5 || size <= 5.5 {
				break
			}
		}
		w.textAt(x+(badgeW-w.width(word))/2, top+0.3, word, diag.Pos{})
		w.setFont(9.5, true)
		w.color(black)
		for i, l := range name {
			w.textAt(x+badgeW+2, top+0.3+float64(i)*lh, l, diag.Pos{})
		}
		w.setFont(9.5, false)
		for i, l := range reason {
			w.textAt(x+badgeW+2+nameW, top+0.3+float64(i)*lh, l, diag.Pos{})
		}
	}}
}

// topIssueCount is how many issues page 1 lists.
const topIssueCount = 5

// rightColumn: the most pressing open issues and the changes since the
// last report.
func (w *writer) rightColumn() []item {
	a := w.d.A
	items := []item{w.headingItem(w.L("section.top_issues"), rightW)}
	top := a.Issues.Top[:min(len(a.Issues.Top), topIssueCount)]
	if s := w.noRegister("issues"); s != "" {
		items = append(items, w.paraItems(s, rightW, textStyle{size: 9, fg: grey}, diag.Pos{})...)
	} else if len(top) == 0 {
		items = append(items, w.paraItems(w.L("none"), rightW, textStyle{size: 9, fg: grey}, diag.Pos{})...)
	} else {
		t := &table{size: 8, cols: []column{
			{label: w.L("col.id"), width: 15},
			{label: w.L("col.title")},
			{label: w.L("col.priority"), width: 15, align: 'C'},
			{label: w.L("col.owner"), width: 18},
			{label: w.L("col.due"), width: 20, align: 'C'},
		}}
		for _, is := range top {
			t.rows = append(t.rows, w.issueCells(is, false))
		}
		h := w.tableHeight(t, rightW)
		items = append(items, item{h: h, flows: true, draw: func(x, top float64) {
			w.y = top
			w.table(t, x, rightW)
		}})
		if n := len(a.Issues.Top) - len(top) + a.Issues.MoreOpen; n > 0 {
			items = append(items, w.paraItems(w.more(n), rightW, textStyle{size: 7.5, fg: grey}, diag.Pos{})...)
		}
	}
	items = append(items, gapItem(2.5), w.headingItem(w.L("section.changes"), rightW))
	items = append(items, w.changeItems()...)
	if len(a.Teams) > 0 {
		t := w.teamTable()
		items = append(items, gapItem(2.5), w.headingItem(w.L("chart.teams"), rightW), item{h: w.tableHeight(t, rightW), flows: true, draw: func(x, top float64) {
			w.y = top
			w.table(t, x, rightW)
		}})
	}
	return items
}

// teamTable is progress per team: planned and actual %, SPI, late and
// behind tasks.
func (w *writer) teamTable() *table {
	t := &table{size: 8, cols: []column{
		{label: w.L("col.team")},
		{label: w.L("kpi.planned"), width: 17, align: 'R'},
		{label: w.L("kpi.actual"), width: 17, align: 'R'},
		{label: w.L("kpi.spi"), width: 13, align: 'R'},
		{label: w.L("kpi.late"), width: 18, align: 'R'},
		{label: w.L("kpi.behind"), width: 22, align: 'R'},
	}}
	for _, tm := range w.d.A.Teams {
		spi := cell{text: "-"}
		if tm.SPI != nil {
			spi.text = strconv.FormatFloat(*tm.SPI, 'f', 2, 64)
		}
		late := cell{text: strconv.Itoa(tm.Late)}
		if tm.Late > 0 {
			late.fg, late.bold = red, true
		}
		t.rows = append(t.rows, []cell{{text: tm.Team}, {text: fmt.Sprintf("%.1f%%", tm.Planned)},
			{text: fmt.Sprintf("%.1f%%", tm.Actual)}, spi, late, {text: strconv.Itoa(tm.Behind)}})
	}
	return t
}

// more is the "N more (see the tracker)" note under a shortened list.
func (w *writer) more(n int) string {
	return strings.ReplaceAll(w.L("more_rows"), "{n}", strconv.Itoa(n))
}

// issueCells is an issue row: overdue due dates in red, high priority in
// bold; wide adds status and days overdue.
func (w *writer) issueCells(is analyze.IssueRef, wide bool) []cell {
	p, _ := project.ParsePriority(is.Priority) // a normalised name, or ""
	pri := cell{text: w.d.Priority(p)}
	if is.Priority == project.High.String() {
		pri.bold, pri.fg = true, red
	}
	due := cell{text: dateStr(is.Due)}
	if is.Overdue {
		due.fg, due.bold, due.bg = red, true, redTint
	}
	cells := []cell{{text: is.ID, pos: is.Source}, {text: is.Title, pos: is.Source}, pri}
	if wide {
		cells = append(cells, cell{text: w.issueStatus(is), pos: is.Source})
	}
	cells = append(cells, cell{text: strings.Join(is.Owner, "・"), pos: is.Source}, due)
	if wide {
		od := cell{}
		if is.Overdue {
			od = cell{text: strconv.Itoa(is.DaysOverdue), fg: red, bold: true}
		}
		cells = append(cells, od, cell{text: is.Team, pos: is.Source})
	}
	return cells
}

// issueStatus is the issue's normalised status in the document's
// language (the reference carries the team's own wording), or that
// wording when the issue is not found.
func (w *writer) issueStatus(ref analyze.IssueRef) string {
	for i := range w.d.Issues {
		is := &w.d.Issues[i]
		if is.Source() == ref.Source && is.Title == ref.Title && is.Status != project.NoItemStatus {
			return w.d.ItemStatus(is.Status)
		}
	}
	return ref.Status
}

// changeItems lists what moved since the previous report.
func (w *writer) changeItems() []item {
	c := w.d.A.Changes
	st := textStyle{size: 9}
	if c == nil {
		return w.paraItems(w.L("changes.none"), rightW, textStyle{size: 9, fg: grey}, diag.Pos{})
	}
	var lines []string
	add := func(key, v string) { lines = append(lines, w.L(key)+"："+v) }
	add("changes.since", dateStr(c.Since))
	add("change.progress", fmt.Sprintf("%+.1fpt", c.ProgressDelta))
	if c.SPIDelta != nil {
		add("change.spi", fmt.Sprintf("%+.2f", *c.SPIDelta))
	}
	add("change.new_issues", strconv.Itoa(c.NewIssues))
	add("change.closed_issues", strconv.Itoa(c.ClosedIssues))
	if c.RAGBefore != "" && c.RAGBefore != w.d.RAG.Overall {
		add("change.rag", w.levelWord(c.RAGBefore)+" → "+w.levelWord(w.d.RAG.Overall))
	}
	if len(c.NewlyLate) > 0 {
		add("change.newly_late", strings.Join(c.NewlyLate, "、"))
	}
	if len(c.NoLongerLate) > 0 {
		add("change.no_longer_late", strings.Join(c.NoLongerLate, "、"))
	}
	for _, m := range c.MilestoneMoves {
		add("change.milestone_moved", m.Name+" "+dateStr(m.From)+" → "+dateStr(m.To))
	}
	return w.bulletItems(lines, rightW, st)
}

// dateStr is d as ISO 8601, or "" for no date.
func dateStr(d date.Date) string { return d.String() }

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func clamp(v, lo, hi float64) float64 { return max(lo, min(hi, v)) }
