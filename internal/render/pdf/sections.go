package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// maxRows caps the evidence tables: the report is read in minutes, the
// tracker holds the rest, and the note under the table says so.
const maxRows = 60

// progress draws the S-curve with the milestone table beside it, or
// below it when the table is too long for the space.
func (w *writer) progress() {
	w.newPage()
	const chartW, chartH = 150.0, 100.0
	top := w.y
	w.headingAt(marginX, top, chartW, w.L("chart.scurve"))
	hh := w.headingHeight(chartW, w.L("chart.scurve"))
	w.scurve(marginX, top+hh, chartW, chartH)
	chartEnd := top + hh + chartH

	mt := w.milestoneTable(rightW)
	if mt == nil {
		w.headingAt(rightX, top, rightW, w.L("section.milestones"))
		w.setFont(9, false)
		w.color(grey)
		w.textAt(rightX, top+hh, w.L("none"), diag.Pos{})
		w.y = chartEnd + 5
		return
	}
	mh := w.headingHeight(rightW, w.L("section.milestones"))
	if top+mh+w.tableHeight(mt, rightW) <= bottom {
		w.headingAt(rightX, top, rightW, w.L("section.milestones"))
		w.y = top + mh
		w.table(mt, rightX, rightW)
		w.y = max(w.y, chartEnd) + 5
		return
	}
	w.y = chartEnd + 5
	mt = w.milestoneTable(contentW)
	w.heading(w.L("section.milestones"), w.tableStart(mt, contentW))
	w.table(mt, marginX, contentW)
	w.y += 5
}

// milestoneTable lists every milestone with its status; nil when there
// are none.
func (w *writer) milestoneTable(width float64) *table {
	ms := w.d.A.Milestones
	if len(ms) == 0 {
		return nil
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("section.milestones")},
		{label: w.L("col.date"), width: 19, align: 'C'},
		{label: w.L("col.ms_status"), width: 15, align: 'C'},
		{label: w.L("col.days_left"), width: 14, align: 'R'},
		{label: w.L("col.reason"), width: width * 0.3},
	}}
	for _, m := range ms {
		strong, tint, _ := levelColors(m.Status.Level())
		status := cell{text: w.d.Milestone(m.Status), bg: tint, fg: darker(strong), bold: true}
		days := ""
		if !m.Date.IsZero() && m.Status != analyze.MilestoneDone {
			days = strconv.Itoa(m.DaysLeft)
		}
		t.rows = append(t.rows, []cell{
			{text: m.Name, pos: m.Source}, {text: dateStr(m.Date)}, status, {text: days}, {text: m.Reason, pos: m.Source},
		})
	}
	return t
}

// darker returns a colour readable as text on its own tint (amber is not).
func darker(c rgb) rgb {
	if c == amber {
		return rgb(0x8a5a00)
	}
	return c
}

// lateTasks lists late tasks, then behind ones that are not late.
func (w *writer) lateTasks() {
	ts := w.d.A.Tasks
	type row struct {
		r    analyze.TaskRef
		late bool
	}
	var rows []row
	late := map[diag.Pos]bool{}
	for _, r := range ts.LateTasks {
		rows = append(rows, row{r, true})
		late[r.Source] = true
	}
	for _, r := range ts.BehindTasks {
		if !late[r.Source] {
			rows = append(rows, row{r, false})
		}
	}
	if len(rows) == 0 {
		w.heading(w.L("section.late"), 8)
		w.noneLine()
		return
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("col.kind"), width: 15, align: 'C'},
		{label: w.L("col.wbs_id"), width: 16},
		{label: w.L("col.name")},
		{label: w.L("col.team"), width: 20},
		{label: w.L("col.assignee"), width: 26},
		{label: w.L("col.planned_finish"), width: 20, align: 'C'},
		{label: w.L("col.planned_pct"), width: 19, align: 'R'},
		{label: w.L("col.progress"), width: 16, align: 'R'},
		{label: w.L("col.days_late"), width: 16, align: 'R'},
	}}
	for _, x := range rows[:min(len(rows), maxRows)] {
		r := x.r
		kind := cell{text: w.L("kind.behind"), fg: darker(amber), bg: amberTint, bold: true}
		days := ""
		if x.late {
			kind = cell{text: w.L("kind.late"), fg: red, bg: redTint, bold: true}
			days = strconv.Itoa(r.DaysLate)
		}
		t.rows = append(t.rows, []cell{
			kind, {text: r.WBSID, pos: r.Source}, {text: r.Name, pos: r.Source}, {text: r.Team, pos: r.Source},
			{text: strings.Join(r.Assignee, "・"), pos: r.Source}, {text: dateStr(r.PlannedFinish)},
			{text: pct(r.PlannedPct)}, {text: pct(r.Progress)}, {text: days, fg: red, bold: true},
		})
	}
	t.dropEmpty(3) // team
	w.heading(w.L("section.late"), w.tableStart(t, contentW))
	w.table(t, marginX, contentW)
	w.moreLine(len(rows) - maxRows)
	w.y += 5
}

// issueTable lists open issues that are high priority or overdue.
func (w *writer) issueTable() {
	var rows []analyze.IssueRef
	for _, is := range w.d.A.Issues.Top {
		if is.Overdue || is.Priority == project.High.String() {
			rows = append(rows, is)
		}
	}
	if s := w.noRegister("issues"); s != "" {
		w.heading(w.L("section.high_issues"), 8)
		w.absentLine(s)
		return
	}
	if len(rows) == 0 {
		w.heading(w.L("section.high_issues"), 8)
		w.noneLine()
		return
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("col.id"), width: 16},
		{label: w.L("col.title")},
		{label: w.L("col.priority"), width: 16, align: 'C'},
		{label: w.L("col.status"), width: 20},
		{label: w.L("col.owner"), width: 26},
		{label: w.L("col.due"), width: 20, align: 'C'},
		{label: w.L("col.days_overdue"), width: 16, align: 'R'},
		{label: w.L("col.team"), width: 22},
	}}
	for _, is := range rows[:min(len(rows), maxRows)] {
		t.rows = append(t.rows, w.issueCells(is, true))
	}
	t.dropEmpty(7) // team: issue lists often have none
	w.heading(w.L("section.high_issues"), w.tableStart(t, contentW))
	w.table(t, marginX, contentW)
	w.moreLine(len(rows) - maxRows)
	w.y += 5
}

// topRiskCount is how many risks the report lists beside the heat map.
const topRiskCount = 10

// risks draws the heat map with the top risks beside it.
func (w *writer) risks() {
	rs := w.d.A.Risks
	if s := w.noRegister("risks"); s != "" {
		w.heading(w.L("section.top_risks"), 8)
		w.absentLine(s)
		return
	}
	if rs.Total == 0 {
		w.heading(w.L("section.top_risks"), 8)
		w.noneLine()
		return
	}
	const mapW = 92.0
	mapH := heatmapHeight
	w.need(w.headingHeight(mapW, w.L("chart.heatmap")) + mapH)
	top := w.y
	w.headingAt(marginX, top, mapW, w.L("chart.heatmap"))
	hh := w.headingHeight(mapW, w.L("chart.heatmap"))
	w.heatmap(marginX, top+hh, rs.HeatMap)
	mapEnd := top + hh + mapH

	tx := marginX + mapW + gutter
	tw := contentW - mapW - gutter
	w.headingAt(tx, top, tw, w.L("section.top_risks"))
	top10 := rs.Top[:min(len(rs.Top), topRiskCount)]
	if len(top10) == 0 {
		w.setFont(9, false)
		w.color(grey)
		w.textAt(tx, top+hh, w.L("none"), diag.Pos{})
		w.y = mapEnd + 5
		return
	}
	t := &table{size: 8, cols: []column{
		{label: w.L("col.id"), width: 15},
		{label: w.L("col.title")},
		{label: w.L("col.probability"), width: 15, align: 'C'},
		{label: w.L("col.impact"), width: 15, align: 'C'},
		{label: w.L("col.score"), width: 13, align: 'C'},
		{label: w.L("col.owner"), width: 18},
		{label: w.L("col.mitigation"), width: 46},
	}}
	for _, r := range top10 {
		sc := cell{}
		if r.Score != nil {
			sc = cell{text: value.ShowNumber(*r.Score), bold: true, bg: scoreColor(*r.Score)}
		}
		t.rows = append(t.rows, []cell{
			{text: r.ID, pos: r.Source}, {text: r.Title, pos: r.Source}, {text: intStr(r.Probability)},
			{text: intStr(r.Impact)}, sc, {text: strings.Join(r.Owner, "・"), pos: r.Source},
			{text: r.Mitigation, pos: r.Source},
		})
	}
	w.y = top + hh
	if top+hh+w.tableHeight(t, tw) > bottom {
		// Too long to sit beside the map: below it, full width.
		w.y = mapEnd + 3
		w.table(t, marginX, contentW)
	} else {
		w.table(t, tx, tw)
		w.y = max(w.y, mapEnd)
	}
	w.moreLine(len(rs.Top) - len(top10))
	w.y += 5
}

// workloadWeeks is the window of the workload table: two weeks before
// the status date's week and nine after.
const weeksBefore, weeksAfter = 2, 9

// workload draws planned person-days per person and week around the
// status date, over-capacity cells in red.
func (w *writer) workload() {
	wl := w.d.A.Workload
	cur := monday(w.d.AsOf)
	idx := map[date.Date]int{}
	for j, wk := range wl.Weeks {
		idx[wk] = j
	}
	var weeks []date.Date
	// The workload looks forward: it starts in the status week.
	for k := 0; k <= weeksBefore+weeksAfter; k++ {
		weeks = append(weeks, cur.AddDays(7*k))
	}
	t := &table{size: 8, cols: []column{{label: w.L("col.person")}}}
	for _, wk := range weeks {
		_, m, d := wk.YMD()
		t.cols = append(t.cols, column{label: fmt.Sprintf("%d/%d", int(m), d), width: 17, align: 'R'})
	}
	for i, p := range wl.People {
		cells := []cell{{text: p}}
		any := false
		for _, wk := range weeks {
			c := cell{}
			if wk == cur {
				c.bg = currentCol
			}
			if j, ok := idx[wk]; ok && i < len(wl.Load) && j < len(wl.Load[i]) && wl.Load[i][j] > 0 {
				any = true
				c.text = strconv.FormatFloat(wl.Load[i][j], 'f', 1, 64)
				if wk == cur && i < len(wl.Overdue) && wl.Overdue[i] > 0 {
					// The overdue part of the status week, on a line of its own.
					c.text += "\n" + w.L("workload.overdue") + " " + strconv.FormatFloat(wl.Overdue[i], 'f', 1, 64)
				}
				if i < len(wl.Capacity) && wl.Load[i][j] > wl.Capacity[i][j]+1e-9 {
					c.bg, c.fg, c.bold = overTint, red, true
				}
			}
			cells = append(cells, c)
		}
		if any {
			t.rows = append(t.rows, cells)
		}
	}
	if len(t.rows) == 0 {
		w.heading(w.L("section.workload"), 8)
		w.noneLine()
		return
	}
	// A person-by-week grid is read whole: start a page rather than split
	// it, when it fits on one.
	w.setFont(7.5, false)
	noteH := w.paraHeight(contentW, w.L("workload.note")) + 1
	if h := w.headingHeight(contentW, w.L("section.workload")) + noteH + w.tableHeight(t, contentW); w.y+h > bottom && h <= bottom-topRest {
		w.newPage()
	}
	w.heading(w.L("section.workload"), 14)
	w.setFont(7.5, false)
	w.color(grey)
	w.y += w.para(marginX, w.y, contentW, w.L("workload.note"), diag.Pos{}) + 1
	w.table(t, marginX, contentW)
	w.y += 5
}

// monday returns the Monday of d's ISO week.
func monday(d date.Date) date.Date { return d.AddDays(-(int(d.Weekday()+6) % 7)) }

func (w *writer) noneLine() { w.absentLine(w.L("none")) }

// moreLine notes n rows left out of a table, if any.
func (w *writer) moreLine(n int) {
	if n <= 0 {
		return
	}
	w.setFont(7.5, false)
	w.need(w.lineH())
	w.color(grey)
	w.y += w.para(marginX, w.y+0.5, contentW, w.more(n), diag.Pos{}) + 0.5
	w.color(black)
}

func pct(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + "%" }

func intStr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}
