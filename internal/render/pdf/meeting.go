package pdf

import (
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
)

// pageOneActions is how many open actions page 1 lists under 前回からの宿題.
const pageOneActions = 5

// withActionItems adds "前回からの宿題" to page 1 in the column that has
// room, the right one first, with as many of the first pageOneActions
// rows as fit. Page 1 stays one page: what does not fit is left to the
// actions section, which lists every action.
func (w *writer) withActionItems(left, right []item, room float64) ([]item, []item) {
	if !w.d.A.Actions.HasSource {
		return left, right
	}
	for rows := pageOneActions; rows >= 0; rows-- {
		if ai := w.actionItems(rightW, rows); itemsHeight(right)+itemsHeight(ai) <= room {
			return left, append(right, ai...)
		}
		if ai := w.actionItems(leftW, rows); itemsHeight(left)+itemsHeight(ai) <= room {
			return append(left, ai...), right
		}
	}
	return left, right
}

// actionItems is page 1's "前回からの宿題": the first rows open actions,
// overdue first and oldest first, under a summary line; nothing when the
// project keeps no action list.
func (w *writer) actionItems(width float64, rows int) []item {
	st := w.d.A.Actions
	if !st.HasSource {
		return nil
	}
	items := []item{gapItem(2.5), w.headingItem(w.L("section.actions"), width)}
	summary := report.Fill(w.L("actions.summary"), "open", strconv.Itoa(st.Open), "overdue", strconv.Itoa(st.Overdue),
		"carried", strconv.Itoa(analyze.CarriedOverMeetings), "co", strconv.Itoa(st.CarriedOver))
	items = append(items, w.paraItems(summary, width, textStyle{size: 8.5, fg: grey}, diag.Pos{})...)
	if len(st.Items) == 0 {
		return append(items, w.paraItems(w.L("none"), width, textStyle{size: 9, fg: grey}, diag.Pos{})...)
	}
	if rows == 0 {
		return items
	}
	t := w.actionTable(st.Items[:min(len(st.Items), rows)], false)
	items = append(items, item{h: w.tableHeight(t, width), flows: true, draw: func(x, top float64) {
		w.y = top
		w.table(t, x, width)
	}})
	if n := len(st.Items) - rows; n > 0 {
		items = append(items, w.paraItems(w.more(n), width, textStyle{size: 7.5, fg: grey}, diag.Pos{})...)
	}
	return items
}

// actionTable lays out actions: title, owner, due (red when overdue or
// missing) and the meetings carried over; wide adds the ID and the meeting.
func (w *writer) actionTable(rows []analyze.ActionRef, wide bool) *table {
	t := &table{size: 8, cols: []column{
		{label: w.L("col.action")},
		{label: w.L("col.owner"), width: 20},
		{label: w.L("col.due"), width: 20, align: 'C'},
		{label: w.L("col.meetings"), width: 17, align: 'R'},
	}}
	if wide {
		t.cols = append([]column{{label: w.L("col.id"), width: 14}}, t.cols...)
		t.cols = append(t.cols, column{label: w.L("col.meeting"), width: 30})
	}
	for _, a := range rows {
		due := cell{text: dateStr(a.Due)}
		if a.Due.IsZero() {
			due = cell{text: "-", fg: red}
		}
		if a.Overdue {
			due.fg, due.bold, due.bg = red, true, redTint
		}
		owner := cell{text: strings.Join(a.Owner, "・"), pos: a.Source}
		if len(a.Owner) == 0 {
			owner = cell{text: "-", fg: red}
		}
		meetings := cell{text: intStr(a.Meetings)}
		if a.Meetings != nil && *a.Meetings >= analyze.CarriedOverMeetings {
			meetings.fg, meetings.bold = red, true
		}
		row := []cell{{text: a.Title, pos: a.Source}, owner, due, meetings}
		if wide {
			row = append([]cell{{text: a.ID, pos: a.Source}}, row...)
			row = append(row, cell{text: a.Meeting, pos: a.Source})
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// actionsSection lists every action: the open ones (overdue first, then
// oldest), then the closed ones, most recently closed first.
func (w *writer) actionsSection() {
	st := w.d.A.Actions
	if !st.HasSource {
		return
	}
	rows := append(append([]analyze.ActionRef{}, st.Items...), st.Done...)
	if len(rows) == 0 {
		w.heading(w.L("sheet.actions"), 8)
		w.noneLine()
		return
	}
	t := w.actionTable(rows, true)
	status := column{label: w.L("col.status"), width: 24}
	w.setFont(t.fontSize(), false)
	for i, a := range rows {
		c := cell{text: a.Status, pos: a.Source}
		if !a.ClosedOn.IsZero() {
			c.text += "（" + dateStr(a.ClosedOn) + "）"
			c.fg = grey
		}
		// As wide as its widest status on one line (完了（2026-11-18）
		// broke as 完了／（2026-11-1／8）), up to 40 mm.
		status.width = max(status.width, min(w.width(c.text)+2*cellPadX+0.2, 40))
		t.rows[i] = append(t.rows[i], c)
	}
	t.cols = append(t.cols, status)
	w.heading(w.L("sheet.actions"), w.tableStart(t, contentW))
	w.table(t, marginX, contentW)
	w.y += 5
}
