package sheet

import (
	"cmp"
	"strings"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// record is one logical record: one row, or a 予定/実績 pair of rows.
type record struct {
	row    int
	vals   rowValues
	actual rowValues // the 実績 row of a pair; ps nil otherwise
	// actualRow is the 実績 row's number; 0 when there is none.
	actualRow int
}

// records passes each row below the header that holds data to emit,
// folding plan/actual pairs and continuation rows into the record before.
// Only one record is held at a time, so memory does not grow with the sheet.
func (rr *rowReader) records(emit func(record)) {
	first := rr.h.rows[len(rr.h.rows)-1] + 1
	pairCol := rr.pairColumn(first)
	rr.slotFields()
	// One record is held at a time, in held: a record made anew for
	// each row was 112 bytes of garbage a row.
	var pending, held *record = nil, &record{}
	flush := func() {
		if pending != nil {
			before := len(*rr.findings)
			emit(*pending) // a record's own findings are capped too
			rr.capTail(before)
			rr.recycle(pending.vals)
			rr.recycle(pending.actual)
			pending = nil
		}
	}
	// On a rowPipe the values are the chunk's until it is typed over:
	// before that, the record held moves them to buffers of its own.
	hold := func() {
		if pending != nil {
			pending.vals, pending.actual = rr.keep(pending.vals), rr.keep(pending.actual)
		}
	}
	rows := rr.h.dataRows(rr.g)
	next, done := rr.typedRows(rows, hold)
	defer done()
	for {
		n, vals, ok := next()
		if !ok {
			break
		}
		if pairCol > 0 && pairWord(rr.g.Value(n, pairCol)) == "actual" &&
			pending != nil && pending.actual.ps == nil && pending.row >= n-2 {
			pending.actual, pending.actualRow = vals, n
			continue
		}
		if !vals.hasContent() {
			rr.recycle(vals)
			continue
		}
		if rr.notRecord(n, vals) {
			flush()
			rr.recycle(vals)
			continue
		}
		if pending != nil && vals.onlyContinuation() {
			appendText(pending.vals, vals)
			rr.recycle(vals)
			continue
		}
		flush()
		*held = record{row: n, vals: vals}
		pending = held
	}
	flush()
}

// typedRows returns each row below the header band typed (rowReader.values)
// in turn: on a rowPipe for a large table, calling hold before the values
// of a chunk are typed over, else here. done ends the typing; records
// calls it however it ends.
func (rr *rowReader) typedRows(rows []Row, hold func()) (next func() (int, rowValues, bool), done func()) {
	if len(rows) >= pipeFrom && !rr.opt.sequential {
		p := newRowPipe(rr, rows)
		p.hold = hold
		return p.next, func() { close(p.stop); rr.capped.Finish(*rr.findings) }
	}
	i := 0
	return func() (int, rowValues, bool) {
		for ; i < len(rows); i++ {
			if n := rows[i].Num; n > rr.bandEnd {
				i++
				before := len(*rr.findings)
				v := rr.values(n)
				rr.capTail(before) // as a chunk's findings are (rowPipe.next)
				return n, v, true
			}
		}
		return 0, rowValues{}, false
	}, func() { rr.capped.Finish(*rr.findings) }
}

// capTail passes the findings added to rr's since the list held before
// through the per-rule cap (diag.RuleCap). Each is read before a kept one
// is written over it, at the same index or below.
func (rr *rowReader) capTail(before int) {
	added := (*rr.findings)[before:]
	*rr.findings = (*rr.findings)[:before]
	for _, f := range added {
		rr.capped.Keep(rr.findings, f)
	}
}

// notRecord reports, and counts, a row that is not a record: a total
// (合計, 小計, 計, Total), an example row (例, 記入例, サンプル, 例: …) or a
// legend, named so in its ID or name column.
func (rr *rowReader) notRecord(n int, v rowValues) bool {
	if rr.keyFields == nil {
		rr.keyFields = []string{} // looked up once: the map costs per row
		for _, f := range [...]string{"name", "title", "wbs_id", "id"} {
			if _, ok := rr.slotOf[f]; ok {
				rr.keyFields = append(rr.keyFields, f)
			}
		}
	}
	for _, f := range rr.keyFields {
		p, ok := v.first(f)
		if !ok || !isNonRecordWord(p.text) {
			continue
		}
		if rr.skipped == 0 {
			rr.skippedFirst, rr.skippedText = n, p.text
		}
		rr.skipped++
		return true
	}
	return false
}

var nonRecordWords = map[string]bool{
	"合計": true, "小計": true, "総計": true, "計": true, "総合計": true, "合計工数": true,
	"total": true, "subtotal": true, "grandtotal": true, "sum": true, "totals": true,
	"例": true, "記入例": true, "入力例": true, "サンプル": true, "sample": true, "example": true,
	"凡例": true, "legend": true,
}

func isNonRecordWord(s string) bool {
	// Every word and prefix above starts with one of these; looking at the
	// first character keeps the ordinary name of every row from being
	// normalised for nothing.
	if len(s) > 40 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \t　"))
	switch r {
	case '合', '小', '総', '計', '例', '記', '入', 'サ', '凡', 't', 'T', 's', 'S', 'g', 'G', 'e', 'E', 'l', 'L', '(', '（', '【', '[':
	default:
		return false
	}
	t := value.Text(s)
	for _, p := range [...]string{"例:", "例：", "(例)", "（例）", "【例】", "例)", "例）", "[例]", "e.g.", "【記入例】", "(記入例)", "（記入例）"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return nonRecordWords[value.Key(t)]
}

// estimate is how many records the table's rows can hold at most (one a
// row), to size result slices once: a table beside or above others in
// its sheet is not sized for the whole sheet.
func (rr *rowReader) estimate() int {
	return len(rr.h.dataRows(rr.g))
}

func appendText(dst, src rowValues) {
	for _, s := range src.rr.slots {
		from, to := src.of(s.field), dst.of(s.field)
		for i := range from {
			if !from[i].set {
				continue
			}
			if !to[i].set {
				to[i] = from[i]
				continue
			}
			to[i].text += "\n" + from[i].text
		}
	}
}

// pairColumn finds a column saying 予定/実績 (計画/実績, 予定/実施) on
// alternating rows; 0 when the sheet has one row per task.
func (rr *rowReader) pairColumn(first int) int {
	counts := make([][2]int, rr.g.MaxCol()+1) // col -> (pair words, other non-empty)
	rows := rr.h.dataRows(rr.g)
	for i := range rows {
		cc := rr.g.cursor(&rows[i])
		for sc, ok := cc.skim(); ok; sc, ok = cc.skim() {
			col := int(sc.col)
			if col < rr.h.area.Col1 || rr.h.area.Col2 > 0 && col > rr.h.area.Col2 {
				continue // another table beside this one
			}
			if rr.h.calendar.Col1 > 0 && col >= rr.h.calendar.Col1 && col <= rr.h.calendar.Col2 {
				continue
			}
			n := &counts[col]
			// Only a text is a pair word: the other cells are looked at no further.
			if sc.kind == String && pairWord(rr.g.view(sc)) != "" {
				n[0]++
			} else {
				n[1]++
			}
		}
	}
	best, bestN := 0, 0
	for col, n := range counts {
		if n[0] >= 2 && n[0] >= 3*n[1] && (n[0] > bestN || n[0] == bestN && col < best) {
			best, bestN = col, n[0]
		}
	}
	if best > 0 {
		// The pair column is not a field, whatever its header said.
		for f, cols := range rr.fields {
			for i, c := range cols {
				if c == best {
					rr.fields[f] = append(cols[:i:i], cols[i+1:]...)
				}
			}
			if len(rr.fields[f]) == 0 {
				delete(rr.fields, f)
			}
		}
	}
	return best
}

// notPairWord reports a text that cannot normalise (value.Key) to a pair
// word, without normalising it: one holding a digit, an ASCII letter that
// no pair word has, or a kana or kanji other than those of 予定, 計画,
// 実績 and 実施. Key keeps all of those as they are, so the answer is the
// one pairWord would give; texts it cannot judge go to Key.
func notPairWord(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if '0' <= r && r <= '9' {
				return true
			}
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' && !strings.ContainsRune("planedbsictu", r) {
				return true
			}
		case '\u3041' <= r && r <= '\u30ff' && r != '・', '\u4e00' <= r && r <= '\u9fff':
			switch r {
			case '予', '定', '計', '画', '実', '績', '施':
			default:
				return true
			}
		}
	}
	return false
}

func pairWord(c Cell) string {
	if c.Kind != String || notPairWord(c.Str) {
		return ""
	}
	switch value.Key(c.Str) {
	case "予定", "計画", "予", "計", "plan", "planned", "baseline":
		return "plan"
	case "実績", "実施", "実", "actual", "actuals":
		return "actual"
	}
	return ""
}

// date returns field's date, giving a year to 4/1 from the project
// window and the dates above it in the same column.
func (rr *rowReader) date(v rowValues, field string) date.Date {
	slot := rr.slotIndex(field)
	p, ok := firstSet(v.at(slot))
	if !ok {
		return 0
	}
	near := &rr.nearBy[slot] // the field's last full date; zero before one
	if !p.date.IsZero() {
		*near = p.date
		return p.date
	}
	ref := cmp.Or(*near, rr.opt.Near, rr.opt.From)
	d := value.InferYear(int(p.month), int(p.day), rr.opt.From, rr.opt.To, ref)
	if d.IsZero() {
		rr.findings.Add(diag.Error, "date-unparseable", rr.pos(p), "%s %q is not a date", field, p.text)
		return 0
	}
	rr.findings.Add(diag.Warning, "date-year-inferred", rr.pos(p), "%s %q has no year; read as %s", field, p.text, d)
	*near = d
	return d
}

// setNear gives field's dates without a year d as their reference; a
// field without a column has no dates to give one to.
func (rr *rowReader) setNear(field string, d date.Date) {
	if i := rr.slotIndex(field); i >= 0 {
		rr.nearBy[i] = d
	}
}

func (rr *rowReader) tasks() []project.Task {
	multiName := len(rr.fields["name"]) > 1
	out := make([]project.Task, 0, rr.estimate())
	var band []project.Task
	rr.bandEnd, band = rr.milestoneBand()
	rr.records(func(rec record) {
		v := rec.vals
		ps := rr.date(v, "planned_start")
		as := rr.date(v, "actual_start")
		// A finish typed without a year takes the year nearest its own
		// row's start (12/20 → 1/10 crosses into the next year).
		if !ps.IsZero() {
			rr.setNear("planned_finish", ps)
		}
		if !as.IsZero() {
			rr.setNear("actual_finish", as)
		}
		t := project.Task{
			WBSID:         v.text("wbs_id"),
			Team:          cmp.Or(v.text("team"), rr.opt.Team),
			Assignee:      v.names("assignee"),
			PlannedStart:  ps,
			PlannedFinish: rr.date(v, "planned_finish"),
			ActualStart:   as,
			ActualFinish:  rr.date(v, "actual_finish"),
			PlannedEffort: v.num("planned_effort"),
			ActualEffort:  v.num("actual_effort"),
			Progress:      v.num("progress"),
			Predecessors:  v.text("predecessors"),
			Parent:        strings.TrimPrefix(v.text("parent"), "#"),
			Deliverable:   v.text("deliverable"),
			Notes:         v.text("notes"),
			Cells:         v.cells(), // and the Source, rr.g.RowPos(rec.row)
		}
		if lv, ok := v.number("level"); ok && lv >= 1 && lv <= 20 {
			t.Level = int(lv)
		}
		if m, ok := v.first("milestone"); ok {
			t.Milestone = isFlag(m.text)
		}
		rr.taskStatus(&t, v)
		rr.rangeEnds(&t, v)
		if rec.actual.ps != nil {
			rr.foldActual(&t, rec.actual)
		}
		rr.calendarDates(&t, rec)
		if multiName {
			out = rr.namedByColumn(out, t, v)
			return
		}
		t.Name = v.text("name")
		out = append(out, t)
	})
	setLevels(rr.g, out, multiName, rr.levelSources())
	if len(band) > 0 {
		out = append(band, out...)
	}
	return out
}

func (rr *rowReader) taskStatus(t *project.Task, v rowValues) {
	p, ok := v.first("status")
	if !ok {
		return
	}
	t.StatusRaw = p.text
	s, ok := value.TaskStatus(p.text)
	if !ok {
		rr.findings.Add(diag.Warning, "status-unknown", rr.pos(p), "status %q is not a known task status; kept as written", p.text)
		return
	}
	t.Status = s
}

// foldActual merges the 実績 row of a pair into its task: the dates under
// the shared 開始/終了 columns are the actual dates there.
func (rr *rowReader) foldActual(t *project.Task, a rowValues) {
	for _, f := range [][2]string{{"planned_start", "actual_start"}, {"planned_finish", "actual_finish"}, {"actual_start", "actual_start"}, {"actual_finish", "actual_finish"}} {
		if d := rr.date(a, f[0]); !d.IsZero() {
			if f[1] == "actual_start" {
				t.ActualStart = d
			} else {
				t.ActualFinish = d
			}
		}
	}
	if n := cmpNum(a.num("actual_effort"), a.num("planned_effort")); n.OK() {
		t.ActualEffort = n
	}
	if n := a.num("progress"); n.OK() {
		t.Progress = n
	}
	if t.Status == project.NoTaskStatus {
		rr.taskStatus(t, a)
	}
	// Point each field at the 実績 row's cell when that is where it came from.
	renamed := map[string]string{"planned_start": "actual_start", "planned_finish": "actual_finish", "planned_effort": "actual_effort"}
	for _, s := range rr.slots {
		p, ok := a.first(s.field)
		if !ok {
			continue
		}
		pos := rr.pos(p)
		t.Cells.Set(cmp.Or(renamed[s.field], s.field), pos.Row, pos.Col)
	}
}

// rangeEnds fills a start or finish the sheet has no value for from the
// other end of a period typed in one cell (期間 4/1〜4/10).
func (rr *rowReader) rangeEnds(t *project.Task, v rowValues) {
	if !rr.sawRange {
		return // no period seen yet: nothing to fill, and no cost per row
	}
	// The field names apart from the task's dates: a name goes into the
	// reader's slot cache, and the dates with it would move every task to
	// the heap.
	for i, field := range [...]string{"planned_start", "planned_finish", "actual_start", "actual_finish"} {
		f := struct{ start, fin *date.Date }{&t.PlannedStart, &t.PlannedFinish}
		if i >= 2 {
			f.start, f.fin = &t.ActualStart, &t.ActualFinish
		}
		p, ok := v.first(field)
		if !ok || !p.hasNum {
			continue
		}
		from, to, ok := value.ParseDateRange(rr.dateText(p))
		if !ok {
			continue
		}
		ref := cmp.Or(*f.start, *f.fin, rr.opt.Near, rr.opt.From)
		if f.start.IsZero() {
			*f.start = rangeEnd(from, rr.opt.From, rr.opt.To, ref)
		}
		if f.fin.IsZero() {
			*f.fin = rangeEnd(to, rr.opt.From, rr.opt.To, cmp.Or(*f.start, ref))
		}
	}
}

func rangeEnd(d value.DateText, from, to, near date.Date) date.Date {
	if !d.Date.IsZero() {
		return d.Date
	}
	return value.InferYear(d.Month, d.Day, from, to, near)
}

// cmpNum returns the first given number of ns; none when none is.
func cmpNum(ns ...project.Num) project.Num {
	for _, n := range ns {
		if n.OK() {
			return n
		}
	}
	return project.Num{}
}

// namedByColumn handles names split over 大項目/中項目/小項目 columns: a
// value in a shallower column opens a parent (summary) task, the deepest
// value names the row's own task.
func (rr *rowReader) namedByColumn(out []project.Task, t project.Task, v rowValues) []project.Task {
	names := v.of("name")
	deepest := -1
	for i, p := range names {
		if p.set {
			deepest = i
		}
	}
	if deepest < 0 {
		return out
	}
	if len(rr.parents) < len(names) {
		rr.parents = make([]string, len(names))
	}
	for i := 0; i < deepest; i++ {
		// A parent repeated on every row (hidden by conditional formatting)
		// opens its summary once.
		if !names[i].set || names[i].text == rr.parents[i] {
			continue
		}
		rr.parents[i] = names[i].text
		clear(rr.parents[i+1:])
		pos := rr.pos(names[i])
		parent := project.Task{Name: names[i].text, Level: i + 1, Summary: true, Team: t.Team, Cells: rr.bare.Cells(t.Source().Row)}
		parent.Cells.Set("name", pos.Row, pos.Col)
		out = append(out, parent)
	}
	clear(rr.parents[deepest:])
	pos := rr.pos(names[deepest])
	t.Name = names[deepest].text
	t.Level = deepest + 1
	t.Cells.Set("name", pos.Row, pos.Col)
	return append(out, t)
}

func isFlag(s string) bool {
	switch value.Key(s) {
	case "○", "〇", "◯", "◆", "◇", "★", "●", "yes", "y", "true", "1", "ms", "milestone", "マイルストーン", "✓", "x":
		return true
	}
	return false
}

func (rr *rowReader) issues() []project.Issue {
	out := make([]project.Issue, 0, rr.estimate())
	rr.records(func(rec record) {
		v := rec.vals
		is := project.Issue{
			ID:          v.text("id"),
			Title:       v.text("title"),
			Description: v.text("description"),
			Category:    v.text("category"),
			RaisedOn:    rr.date(v, "raised_on"),
			RaisedBy:    strings.Join(v.people("raised_by"), "・"),
			Owner:       v.people("owner"),
			Due:         rr.date(v, "due"),
			ClosedOn:    rr.date(v, "closed_on"),
			Resolution:  v.text("resolution"),
			RelatedTask: v.text("related_task"),
			Team:        rr.opt.Team,
			Cells:       v.cells(), // and the Source, rr.g.RowPos(rec.row)
		}
		if is.RaisedBy == "" {
			is.RaisedBy = v.text("raised_by")
		}
		if is.Title == "" {
			is.Title = firstLine(is.Description)
		}
		if is.Status, is.StatusRaw = rr.itemStatus(v, diag.Phrase{EN: "issue", JA: "課題"}); is.StatusRaw == "" && !is.ClosedOn.IsZero() {
			is.Status = project.Closed // a completion date with no status column
		}
		if p, ok := v.first("priority"); ok {
			is.PriorityRaw = p.text
			if pr, ok := value.Priority(p.text); ok {
				is.Priority = pr
			} else {
				rr.findings.Add(diag.Warning, "priority-unknown", rr.pos(p), "priority %q is not high/medium/low; kept as written", p.text)
			}
		}
		out = append(out, is)
	})
	return out
}

func (rr *rowReader) risks() []project.Risk {
	out := make([]project.Risk, 0, rr.estimate())
	rr.records(func(rec record) {
		v := rec.vals
		r := project.Risk{
			ID:          v.text("id"),
			Title:       v.text("title"),
			Description: v.text("description"),
			Category:    v.text("category"),
			Probability: v.num("probability"),
			Impact:      v.num("impact"),
			Score:       v.num("score"),
			Owner:       v.people("owner"),
			Mitigation:  v.text("mitigation"),
			Due:         rr.date(v, "due"),
			Team:        rr.opt.Team,
			Cells:       v.cells(), // and the Source, rr.g.RowPos(rec.row)
		}
		if p, ok := v.first("probability"); ok {
			r.ProbabilityRaw = p.text
		}
		if p, ok := v.first("impact"); ok {
			r.ImpactRaw = p.text
		}
		if r.Title == "" {
			r.Title = firstLine(r.Description)
		}
		r.Status, r.StatusRaw = rr.itemStatus(v, diag.Phrase{EN: "risk", JA: "リスク"})
		out = append(out, r)
	})
	return out
}

// itemStatus reads an issue's or risk's status: the normalised value and
// the wording as written.
func (rr *rowReader) itemStatus(v rowValues, what diag.Phrase) (project.ItemStatus, string) {
	p, ok := v.first("status")
	if !ok {
		return project.NoItemStatus, ""
	}
	s, ok := value.ItemStatus(p.text)
	if !ok {
		rr.findings.Add(diag.Warning, "status-unknown", rr.pos(p), "status %q is not a known %s status; kept as written", p.text, what)
	}
	return s, p.text
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
