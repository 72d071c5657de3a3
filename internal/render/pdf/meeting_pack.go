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
)

// RenderMeeting draws the 定例 agenda pack a PMO prints before walking into
// the room: the status of each project in one line, the actions raised
// since the last meeting and those overdue, the pending decisions and
// escalations with their age, and what changed since the last meeting.
// docs are the projects in the order to list them (one, for a project's
// own report). The same documents give the same bytes.
func RenderMeeting(title string, docs []*report.Document, opt Options) ([]byte, diag.Findings, error) {
	if len(docs) == 0 || docs[0] == nil || docs[0].A == nil {
		return nil, nil, errors.New("no project for the meeting pack")
	}
	first := docs[0]
	asOf := first.AsOf
	for _, d := range docs[1:] {
		if d.AsOf != asOf {
			asOf = 0 // projects of different dates: each line says its own
		}
	}
	l := first.L
	cover := &report.Document{Lang: first.Lang, L: l, Title: l.Get("title.meeting"), AsOf: asOf,
		Project: report.Facts{ID: cmp.Or(title, first.Project.ID), Name: cmp.Or(title, first.Project.Name)}}
	return draw(cover, opt, nil, func(w *writer) {
		if asOf.IsZero() {
			undated := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			w.pdf.SetCreationDate(undated)
			w.pdf.SetModificationDate(undated)
		}
		w.meetingPack(docs)
	})
}

// meetingPack draws the agenda's sections in the order a 定例 takes them.
func (w *writer) meetingPack(docs []*report.Document) {
	w.startPage(false)
	w.setFont(16, true)
	w.color(navy)
	p := w.punct()
	head := w.L("title.meeting") + p.dash + w.d.Project.Name
	if !w.d.AsOf.IsZero() {
		head += p.open + w.L("project.status_date") + " " + w.d.AsOf.String() + p.close
	}
	w.y += w.para(marginX, w.y, contentW, head, diag.Pos{}) + 3
	w.color(black)

	// 1. status per project
	st := &table{size: 8.5, cols: []column{
		{label: w.L("meeting.project"), width: 52},
		{label: w.L("meeting.rag"), width: 18, align: 'C'},
		{label: w.L("kpi.actual"), width: 30, align: 'R'},
		{label: w.L("kpi.spi"), width: 14, align: 'R'},
		{label: w.L("meeting.line")},
	}}
	for _, d := range docs {
		a := d.A
		strong, _, on := levelColors(a.RAG.Overall)
		// The headline is the first reason: the worst dimension's.
		line := ""
		if len(d.RAG.Dimensions) > 0 {
			line = d.RAG.Dimensions[0].Label + p.colon + d.RAG.Dimensions[0].Reason
		}
		spi := "-"
		if a.EVM.SPI != nil {
			spi = strconv.FormatFloat(*a.EVM.SPI, 'f', 2, 64)
		}
		name := d.Project.Name
		if w.d.AsOf.IsZero() {
			name += p.open + d.AsOf.String() + p.close
		}
		st.rows = append(st.rows, []cell{{text: name}, {text: w.levelWord(a.RAG.Overall), bg: strong, fg: on, bold: true},
			{text: fmt.Sprintf("%.1f%%%s%+.1fpt%s", a.Progress.Actual, p.open, a.Progress.Actual-a.Progress.Planned, p.close)}, {text: spi}, {text: line}})
	}
	w.heading(w.L("meeting.status"), w.tableStart(st, contentW))
	w.table(st, marginX, contentW)
	w.y += 4

	// 2. actions: overdue, then new since the last meeting
	multi := len(docs) > 1
	actionRows := func(pick func(analyze.ActionRef) bool) *table {
		t := &table{size: 8, cols: []column{{label: w.L("col.action")}, {label: w.L("col.owner"), width: 24},
			{label: w.L("col.due"), width: 22, align: 'C'}, {label: w.L("col.days_overdue"), width: 16, align: 'R'},
			{label: w.L("col.meetings"), width: 18, align: 'R'}}}
		if multi {
			t.cols = append([]column{{label: w.L("meeting.project"), width: 40}}, t.cols...)
		}
		for _, d := range docs {
			for _, a := range d.A.Actions.Items {
				if !pick(a) {
					continue
				}
				due := cell{text: dateStr(a.Due)}
				od := cell{}
				if a.Overdue {
					due.fg, due.bold, due.bg = red, true, redTint
					od = cell{text: strconv.Itoa(a.DaysOverdue), fg: red, bold: true}
				}
				owner := cell{text: strings.Join(a.Owner, "・")}
				if owner.text == "" {
					owner = cell{text: "-", fg: red}
				}
				row := []cell{{text: a.Title, pos: a.Source}, owner, due, od, {text: intStr(a.Meetings)}}
				if multi {
					row = append([]cell{{text: d.Project.Name}}, row...)
				}
				t.rows = append(t.rows, row)
			}
		}
		return t
	}
	for _, sec := range []struct {
		key  string
		pick func(analyze.ActionRef) bool
	}{
		{"meeting.overdue_actions", func(a analyze.ActionRef) bool { return a.Overdue }},
		{"meeting.new_actions", func(a analyze.ActionRef) bool { return a.New && !a.Overdue }},
	} {
		t := actionRows(sec.pick)
		if len(t.rows) == 0 {
			w.heading(w.L(sec.key), 8)
			w.absentLine(w.noActionsText(docs))
			continue
		}
		w.heading(w.L(sec.key), w.tableStart(t, contentW))
		w.table(t, marginX, contentW)
		w.y += 4
	}

	// 3. pending decisions and escalations
	dt := &table{size: 8, cols: []column{{label: w.L("col.dkind"), width: 26}, {label: w.L("col.decision")},
		{label: w.L("col.owner"), width: 24}, {label: w.L("col.raised"), width: 22, align: 'C'},
		{label: w.L("col.due"), width: 22, align: 'C'}, {label: w.L("col.dage"), width: 16, align: 'R'}}}
	if multi {
		dt.cols = append([]column{{label: w.L("meeting.project"), width: 40}}, dt.cols...)
	}
	for _, d := range docs {
		for _, x := range d.A.Decisions {
			if x.Status != "pending" {
				continue
			}
			due := cell{text: dateStr(x.Due)}
			if x.Overdue {
				due.fg, due.bold, due.bg = red, true, redTint
			}
			row := []cell{{text: w.L("kind." + x.Kind)}, {text: x.Text}, {text: x.Owner}, {text: dateStr(x.RaisedOn)}, due, {text: intStr(x.AgeDays)}}
			if multi {
				row = append([]cell{{text: d.Project.Name}}, row...)
			}
			dt.rows = append(dt.rows, row)
		}
	}
	if len(dt.rows) == 0 {
		w.heading(w.L("meeting.pending"), 8)
		w.noneLine()
	} else {
		w.heading(w.L("meeting.pending"), w.tableStart(dt, contentW))
		w.table(dt, marginX, contentW)
		w.y += 4
	}

	// 4. changes since the last meeting
	var lines []string
	for _, d := range docs {
		lines = append(lines, w.changeLine(d, multi))
	}
	w.heading(w.L("meeting.changes"), 8)
	w.setFont(9, false)
	for _, s := range lines {
		h := w.paraHeight(contentW-4, "・"+s)
		w.need(h)
		w.y += w.para(marginX+1, w.y, contentW-2, "・"+s, diag.Pos{})
	}
}

// noActionsText says "none", or that no project keeps an action list.
func (w *writer) noActionsText(docs []*report.Document) string {
	for _, d := range docs {
		if d.A.Actions.HasSource {
			return w.L("none")
		}
	}
	return w.L("none.actions")
}

// changeLine is one project's movement since the last meeting: RAG and
// progress against the previous run, issues raised and closed, actions
// raised and closed, decisions made.
func (w *writer) changeLine(d *report.Document, multi bool) string {
	a := d.A
	p := w.punct()
	var parts []string
	if c := a.Changes; c != nil {
		parts = append(parts, fmt.Sprintf("%s %s%s%s %s → %s%s%s %+.1fpt", w.L("changes.since"), c.Since, p.colon,
			w.L("rag.overall"), w.levelWord(c.RAGBefore), w.levelWord(a.RAG.Overall), p.comma, w.L("kpi.actual"), c.ProgressDelta))
		parts = append(parts, fmt.Sprintf("%s %d%s%s %d", w.L("change.new_issues"), c.NewIssues, p.comma, w.L("change.closed_issues"), c.ClosedIssues))
	} else {
		parts = append(parts, w.L("changes.none"))
	}
	if a.Actions.HasSource {
		parts = append(parts, fmt.Sprintf("%s %d%s%s %d", w.L("meeting.new_actions"), a.Actions.New, p.comma, w.L("meeting.closed_actions"), len(a.Actions.Closed)))
	}
	decided := 0
	for _, x := range a.Decisions {
		if x.New {
			decided++
		}
	}
	if decided > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", w.L("meeting.decided"), decided))
	}
	s := strings.Join(parts, p.gap)
	if multi {
		s = d.Project.Name + p.colon + s
	}
	return s
}

// punctuation is the document language's: full-width for Japanese.
type punctuation struct{ colon, comma, gap, dash, open, close string }

func (w *writer) punct() punctuation {
	if w.d.Lang == "en" {
		return punctuation{": ", ", ", "; ", " — ", " (", ")"}
	}
	return punctuation{"：", "、", "　", "　", "（", "）"}
}
