package plan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// GanttProject's .gan file (GanttProject 2.x-3.x): nested <task> elements
// with a start date and a duration in working days of the file's calendar,
// resources and allocations, and <depend> links written on the predecessor.

// ganElems are the task attributes and children positions can name.
const ganElems = "id,name,start,duration,complete,meeting,depend,allocation,notes"

var ganColumns = []Column{
	{"name", "name"}, {"allocation", "assignee"}, {"start", "planned_start"}, {"duration", "planned_finish"},
	{"complete", "progress"}, {"meeting", "milestone"}, {"depend", "predecessors"}, {"notes", "notes"},
}

func ganCol(elem string) int { return elemCol(ganElems, elem) }

// ganTask is a task as read, before its finish is worked out.
type ganTask struct {
	id, name, start, duration, complete string
	meeting                             bool
	notes                               string
	level                               int
	outline                             string
	hasChildren                         bool
}

type ganDep struct {
	pred, typ, lag string
}

// ganCalendar says which days are working days.
type ganCalendar struct {
	weekend  [7]bool
	holidays map[date.Date]bool // a dated holiday
	yearly   map[[2]int]bool    // month, day of a holiday every year
	working  map[date.Date]bool // a weekend day made a working day
	steps    int                // days walked so far, bounded by maxCalendarSteps
}

// maxCalendarSteps bounds the days walked to schedule every task: ten
// thousand tasks of a hundred days are a million; a hostile file of a
// million tasks a thousand years long is refused instead of computed.
const maxCalendarSteps = 5_000_000

func (c *ganCalendar) works(d date.Date) bool {
	if c.working[d] {
		return true
	}
	_, m, day := d.YMD()
	return !c.weekend[d.Weekday()] && !c.holidays[d] && !c.yearly[[2]int{int(m), day}]
}

// finish is the last working day of a task of n working days starting on
// start; a task starting on a day off starts on the next working day, as
// GanttProject schedules it.
func (c *ganCalendar) finish(start date.Date, n int) (date.Date, bool) {
	if n <= 0 {
		return start, true
	}
	if c.steps += n; c.steps > maxCalendarSteps {
		return 0, false
	}
	allOff := true
	for _, w := range c.weekend {
		allOff = allOff && w
	}
	d := start
	// A year of days off in a row is no calendar: count every day then.
	for off := 0; !c.works(d) && !allOff && off < 366; off++ {
		d++
	}
	for left, off := n-1, 0; left > 0 && off < 366; {
		d++
		if allOff || c.works(d) {
			left--
			off = 0
		} else {
			off++
		}
	}
	return d, true
}

func parseGAN(name string, data []byte) (*Plan, error) {
	d := decoder(data)
	cal := &ganCalendar{holidays: map[date.Date]bool{}, yearly: map[[2]int]bool{}, working: map[date.Date]bool{}}
	cal.weekend[time.Saturday], cal.weekend[time.Sunday] = true, true
	var (
		tasks     []ganTask
		stack     []int // indices of the open <task> elements
		counters  = []int{0}
		deps      = map[string][]ganDep{} // successor id -> its predecessors
		resources = map[string]string{}
		alloc     = map[string][]string{} // task id -> resource ids
		baseline  = map[string][2]string{}
		inBase    = 0 // 0 before, 1 inside, 2 after the first <previous-tasks>
		inNotes   = false
		notes     strings.Builder
		depth     = 0
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(name, d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, diag.Errorf(diag.Pos{File: name}, "XML nested more than %d elements deep", maxDepth)
			}
			a := func(k string) string { return attrOf(t, k) }
			switch t.Name.Local {
			case "default-week":
				for i, k := range []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
					if v := a(k); v != "" {
						cal.weekend[i] = v == "1"
					}
				}
			case "date":
				y, _ := strconv.Atoi(a("year"))
				m, _ := strconv.Atoi(a("month"))
				dd, _ := strconv.Atoi(a("date"))
				if m < 1 || m > 12 || dd < 1 || dd > 31 {
					break
				}
				typ := a("type")
				switch {
				case y == 0 && typ != "WORKING_DAY":
					cal.yearly[[2]int{m, dd}] = true
				case y > 0 && date.Valid(y, time.Month(m), dd) && typ == "WORKING_DAY":
					cal.working[date.Of(y, time.Month(m), dd)] = true
				case y > 0 && date.Valid(y, time.Month(m), dd):
					cal.holidays[date.Of(y, time.Month(m), dd)] = true
				}
			case "task":
				if len(tasks) >= maxTasks {
					return nil, diag.Errorf(diag.Pos{File: name}, "the plan holds more than %d tasks", maxTasks)
				}
				counters[len(counters)-1]++
				outline := ""
				for i, n := range counters {
					if i > 0 {
						outline += "."
					}
					outline += strconv.Itoa(n)
				}
				if len(stack) > 0 {
					tasks[stack[len(stack)-1]].hasChildren = true
				}
				tasks = append(tasks, ganTask{
					id: a("id"), name: a("name"), start: a("start"), duration: a("duration"), complete: a("complete"),
					meeting: a("meeting") == "true", level: len(stack) + 1, outline: outline,
				})
				stack = append(stack, len(tasks)-1)
				counters = append(counters, 0)
			case "depend":
				if len(stack) > 0 {
					pred := tasks[stack[len(stack)-1]].id
					deps[a("id")] = append(deps[a("id")], ganDep{pred: pred, typ: a("type"), lag: a("difference")})
				}
			case "notes":
				if len(stack) > 0 {
					inNotes = true
					notes.Reset()
				}
			case "resource":
				resources[a("id")] = strings.TrimSpace(a("name"))
			case "allocation":
				id := a("task-id")
				alloc[id] = append(alloc[id], a("resource-id"))
			case "previous-tasks":
				if inBase == 0 {
					inBase = 1
				}
			case "previous-task":
				if inBase == 1 {
					baseline[a("id")] = [2]string{a("start"), a("duration")}
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "task":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
					counters = counters[:len(counters)-1]
				}
			case "notes":
				if inNotes && len(stack) > 0 {
					tasks[stack[len(stack)-1]].notes = strings.TrimSpace(notes.String())
				}
				inNotes = false
			case "previous-tasks":
				if inBase == 1 {
					inBase = 2
				}
			}
		case xml.CharData:
			if inNotes && notes.Len() < 1<<20 {
				notes.Write(t)
			}
		}
	}
	p := &Plan{Format: "GanttProject", Element: "tasks/task", Columns: slices.Clone(ganColumns)}
	outlineOf := map[string]string{}
	for _, gt := range tasks {
		outlineOf[gt.id] = gt.outline
	}
	g := ganReader{name: name, cal: cal, findings: &p.Findings}
	for i, gt := range tasks {
		t := g.task(gt, i+1)
		for _, rid := range alloc[gt.id] {
			if n := resources[rid]; n != "" && !slices.Contains(t.Assignee.List(), n) {
				t.Assignee = t.Assignee.With(n)
			}
		}
		if len(t.Assignee.List()) > 0 {
			t.Cells.Set("assignee", i+1, ganCol("allocation"))
		}
		var preds []string
		for _, dp := range deps[gt.id] {
			if id := outlineOf[dp.pred]; id != "" {
				preds = append(preds, id+ganLinkSuffix(dp.typ, dp.lag))
			}
		}
		if len(preds) > 0 {
			t.Predecessors = strings.Join(preds, ",")
			t.Cells.Set("predecessors", i+1, ganCol("depend"))
		}
		if b, ok := baseline[gt.id]; ok {
			if s, ok := isoDate(b[0]); ok {
				n, _ := strconv.Atoi(strings.TrimSpace(b[1]))
				if f, ok := cal.finish(s, min(n, 100000)); ok {
					t.Baseline = &project.Baseline{Start: s, Finish: f}
				}
			}
		}
		if g.tooLong {
			return nil, diag.Errorf(diag.Pos{File: name}, "the tasks' durations add up to more than %d days; is the file damaged?", maxCalendarSteps)
		}
		p.Tasks = append(p.Tasks, t)
	}
	return p, nil
}

type ganReader struct {
	name     string
	cal      *ganCalendar
	findings *diag.Findings
	tooLong  bool // the durations passed maxCalendarSteps
}

func (g *ganReader) task(gt ganTask, seq int) project.Task {
	t := project.Task{
		WBSID:     gt.outline,
		Level:     gt.level,
		Name:      strings.TrimSpace(gt.name),
		Milestone: gt.meeting,
		Summary:   gt.hasChildren,
		Notes:     gt.notes,
	}
	t.SetSource(diag.Pos{File: g.name, Path: diag.XMLPath("task[id="+gt.id+"]", ganElems), Row: seq})
	at := func(elem string) diag.Pos { p := t.Source(); p.Col = ganCol(elem); return p }
	t.Cells.Set("name", seq, ganCol("name"))
	t.Cells.Set("milestone", seq, ganCol("meeting"))
	if t.Notes != "" {
		t.Cells.Set("notes", seq, ganCol("notes"))
	}
	if s := strings.TrimSpace(gt.start); s != "" {
		t.Cells.Set("planned_start", seq, ganCol("start"))
		if d, ok := isoDate(s); ok {
			t.PlannedStart = d
		} else {
			g.findings.Add(diag.Error, "date-unparseable", at("start"), "%s %q is not a date", "planned_start", s)
		}
	}
	if s := strings.TrimSpace(gt.duration); s != "" && !t.PlannedStart.IsZero() {
		t.Cells.Set("planned_finish", seq, ganCol("duration"))
		n, err := strconv.Atoi(s)
		switch {
		case err != nil || n < 0 || n > 100000:
			g.findings.Add(diag.Error, "duration-unparseable", at("duration"), "duration %q is not a number of working days", s)
		default:
			f, ok := g.cal.finish(t.PlannedStart, n)
			if !ok {
				g.tooLong = true
			}
			t.PlannedFinish = f
		}
	}
	if s := strings.TrimSpace(gt.complete); s != "" {
		t.Cells.Set("progress", seq, ganCol("complete"))
		if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 0 && n <= 100 {
			t.Progress = project.NumOf(n)
		} else {
			g.findings.Add(diag.Error, "progress-unparseable", at("complete"), "progress %q is not a percentage", s)
		}
	}
	return t
}

// ganLinkSuffix writes a GanttProject dependency as MS Project shows one:
// type 2 (finish-start) is the default; 1 start-start, 3 finish-finish,
// 4 start-finish; the lag ("difference") is in days.
func ganLinkSuffix(typ, lag string) string {
	s := ""
	switch strings.TrimSpace(typ) {
	case "1":
		s = "SS"
	case "3":
		s = "FF"
	case "4":
		s = "SF"
	}
	if n, err := strconv.Atoi(strings.TrimSpace(lag)); err == nil && n != 0 {
		if s == "" {
			s = "FS"
		}
		s += fmt.Sprintf("%+dd", n)
	}
	return s
}

func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
