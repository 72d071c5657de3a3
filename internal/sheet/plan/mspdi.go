package plan

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// MS Project XML, the Microsoft Project Data Interchange schema
// (mspdi_pj12.xsd; the same elements since Project 2003), as saved by MS
// Project ("File → Save As → XML") and ProjectLibre.

// mspdiElems are the task elements positions can name, in Col order.
const mspdiElems = "UID,ID,Name,WBS,OutlineNumber,OutlineLevel,Start,Finish,ActualStart,ActualFinish,PercentComplete,Work,ActualWork,Milestone,Summary,PredecessorLink,Assignment,Notes,Baseline"

// mspdiColumns maps the elements to fields, in the order inspect shows them.
var mspdiColumns = []Column{
	{"WBS", "wbs_id"}, {"OutlineLevel", "level"}, {"Name", "name"}, {"Assignment", "assignee"},
	{"Start", "planned_start"}, {"Finish", "planned_finish"}, {"ActualStart", "actual_start"}, {"ActualFinish", "actual_finish"},
	{"Work", "planned_effort"}, {"ActualWork", "actual_effort"}, {"PercentComplete", "progress"},
	{"Milestone", "milestone"}, {"PredecessorLink", "predecessors"}, {"Notes", "notes"},
}

func mspdiCol(elem string) int { return elemCol(mspdiElems, elem) }

type mspdiTask struct {
	UID             string
	ID              string
	Name            string
	WBS             string
	OutlineNumber   string
	OutlineLevel    string
	Start           string
	Finish          string
	ActualStart     string
	ActualFinish    string
	PercentComplete string
	Work            string
	ActualWork      string
	Milestone       string
	Summary         string
	IsNull          string
	Active          string
	Notes           string
	PredecessorLink []struct {
		PredecessorUID string
		Type           string
		LinkLag        string
	}
	Baseline []struct {
		Number string
		Start  string
		Finish string
		Work   string
	}
}

type mspdiResource struct {
	UID  string
	Name string
}

type mspdiAssignment struct {
	TaskUID     string
	ResourceUID string
}

// parseMSPDI streams the file: tasks, resources and assignments are each
// decoded one element at a time.
func parseMSPDI(name string, data []byte) (*Plan, error) {
	d := decoder(data)
	var (
		tasks       []mspdiTask
		resources   = map[string]string{}
		assignments []mspdiAssignment
		minutes     = 480.0
		path        []string
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
			if len(path) >= maxDepth {
				return nil, diag.Errorf(diag.Pos{File: name}, "XML nested more than %d elements deep", maxDepth)
			}
			el := t.Name.Local
			parent := strings.Join(path, "/")
			switch {
			case parent == "Project/Tasks" && el == "Task":
				var tk mspdiTask
				if err := d.DecodeElement(&tk, &t); err != nil {
					return nil, xmlError(name, d, err)
				}
				if len(tasks) >= maxTasks {
					return nil, diag.Errorf(diag.Pos{File: name}, "the plan holds more than %d tasks", maxTasks)
				}
				if len(tk.Name) > limits.CellTextBytes || len(tk.Notes) > limits.CellTextBytes {
					return nil, limits.Over(diag.Pos{File: name}, diag.Phrase{EN: "the text of one task", JA: "1 つのタスクの文字列"}, limits.CellTextBytes, true)
				}
				tasks = append(tasks, tk)
				continue
			case parent == "Project/Resources" && el == "Resource":
				var r mspdiResource
				if err := d.DecodeElement(&r, &t); err != nil {
					return nil, xmlError(name, d, err)
				}
				resources[strings.TrimSpace(r.UID)] = strings.TrimSpace(r.Name)
				continue
			case parent == "Project/Assignments" && el == "Assignment":
				var a mspdiAssignment
				if err := d.DecodeElement(&a, &t); err != nil {
					return nil, xmlError(name, d, err)
				}
				assignments = append(assignments, a)
				continue
			case parent == "Project" && el == "MinutesPerDay":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, xmlError(name, d, err)
				}
				if n, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && n > 0 && n <= 1440 {
					minutes = n
				}
				continue
			}
			path = append(path, el)
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
	p := &Plan{Format: "MSPDI", Element: "Tasks/Task", Columns: slices.Clone(mspdiColumns)}
	m := mspdiReader{name: name, minutes: minutes, findings: &p.Findings}
	wbsOf := map[string]string{}
	for _, tk := range tasks {
		wbsOf[strings.TrimSpace(tk.UID)] = cmpOr(tk.WBS, tk.OutlineNumber, tk.ID)
	}
	who := map[string][]string{}
	for _, a := range assignments {
		n := resources[strings.TrimSpace(a.ResourceUID)]
		uid := strings.TrimSpace(a.TaskUID)
		if n == "" || slices.Contains(who[uid], n) {
			continue // unassigned (ResourceUID -65535) or listed twice
		}
		who[uid] = append(who[uid], n)
	}
	seq := 0
	for _, tk := range tasks {
		uid := strings.TrimSpace(tk.UID)
		level, _ := strconv.Atoi(strings.TrimSpace(tk.OutlineLevel))
		// UID 0 / outline level 0 is the project summary row MS Project
		// adds; a null task is a blank line in the plan.
		if uid == "0" || (strings.TrimSpace(tk.OutlineLevel) != "" && level == 0) || isTrue(tk.IsNull) {
			continue
		}
		seq++
		p.Tasks = append(p.Tasks, m.task(tk, seq, level, who[uid], wbsOf))
	}
	return p, nil
}

type mspdiReader struct {
	name     string
	minutes  float64 // per working day
	findings *diag.Findings
}

func (m *mspdiReader) task(tk mspdiTask, seq, level int, who []string, wbsOf map[string]string) project.Task {
	uid := strings.TrimSpace(tk.UID)
	t := project.Task{
		Name:      strings.TrimSpace(tk.Name),
		Level:     max(level, 1),
		Milestone: isTrue(tk.Milestone),
		Summary:   isTrue(tk.Summary),
		Notes:     strings.TrimSpace(tk.Notes),
		Assignee:  project.NamesOf(who),
	}
	t.SetSource(diag.Pos{File: m.name, Path: diag.XMLPath("Task[UID="+uid+"]", mspdiElems), Row: seq})
	set := func(field, elem string) { t.Cells.Set(field, seq, mspdiCol(elem)) }
	at := func(elem string) diag.Pos { p := t.Source(); p.Col = mspdiCol(elem); return p }
	switch {
	case strings.TrimSpace(tk.WBS) != "":
		t.WBSID = strings.TrimSpace(tk.WBS)
		set("wbs_id", "WBS")
	case strings.TrimSpace(tk.OutlineNumber) != "":
		t.WBSID = strings.TrimSpace(tk.OutlineNumber)
		set("wbs_id", "OutlineNumber")
	}
	for _, f := range []struct {
		field, elem string
		v           string
		dst         *date.Date
	}{
		{"planned_start", "Start", tk.Start, &t.PlannedStart},
		{"planned_finish", "Finish", tk.Finish, &t.PlannedFinish},
		{"actual_start", "ActualStart", tk.ActualStart, &t.ActualStart},
		{"actual_finish", "ActualFinish", tk.ActualFinish, &t.ActualFinish},
	} {
		if strings.TrimSpace(f.v) == "" {
			continue
		}
		set(f.field, f.elem)
		d, ok := isoDate(f.v)
		if !ok {
			m.findings.Add(diag.Error, "date-unparseable", at(f.elem), "%s %q is not a date", f.field, strings.TrimSpace(f.v))
			continue
		}
		*f.dst = d
	}
	if v := strings.TrimSpace(tk.PercentComplete); v != "" {
		set("progress", "PercentComplete")
		if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 && n <= 100 {
			t.Progress = project.NumOf(n)
		} else {
			m.findings.Add(diag.Error, "progress-unparseable", at("PercentComplete"), "progress %q is not a percentage", v)
		}
	}
	t.PlannedEffort = m.work(&t, "planned_effort", "Work", tk.Work)
	t.ActualEffort = m.work(&t, "actual_effort", "ActualWork", tk.ActualWork)
	if t.PlannedEffort.OK() && t.PlannedEffort.Val() == 0 && !t.ActualEffort.OK() {
		// MS Project writes PT0H0M0S for tasks nobody estimated in work
		// (no resource assigned): that is "not provided", not zero.
		t.PlannedEffort = project.Num{}
	}
	if len(who) > 0 {
		set("assignee", "Assignment")
	}
	if v := strings.TrimSpace(tk.Active); v == "0" || strings.EqualFold(v, "false") {
		// An inactive task (Project 2010+) stays in the plan, struck
		// through, and no longer counts: it was cancelled.
		t.Status, t.StatusRaw = project.Cancelled, "Active=0"
	}
	if tk.Milestone != "" {
		set("milestone", "Milestone")
	}
	if t.Notes != "" {
		set("notes", "Notes")
	}
	var preds []string
	for _, l := range tk.PredecessorLink {
		id := wbsOf[strings.TrimSpace(l.PredecessorUID)]
		if id == "" {
			continue
		}
		preds = append(preds, id+m.linkSuffix(l.Type, l.LinkLag))
	}
	if len(preds) > 0 {
		t.Predecessors = strings.Join(preds, ",")
		set("predecessors", "PredecessorLink")
	}
	for _, b := range tk.Baseline {
		if n := strings.TrimSpace(b.Number); n != "" && n != "0" {
			continue // baselines 1-10 are snapshots; 0 is the baseline
		}
		bl := &project.Baseline{}
		bl.Start, _ = isoDate(b.Start)
		bl.Finish, _ = isoDate(b.Finish)
		if h, ok := value.ISODurationHours(b.Work); ok && h > 0 {
			bl.Effort = ptr(round(h * 60 / m.minutes))
		}
		if !bl.Start.IsZero() || !bl.Finish.IsZero() || bl.Effort != nil {
			t.Baseline = bl
		}
		break
	}
	return t
}

// work converts an ISO duration of work to person-days by the file's
// minutes per day.
func (m *mspdiReader) work(t *project.Task, field, elem, v string) project.Num {
	v = strings.TrimSpace(v)
	if v == "" {
		return project.Num{}
	}
	t.Cells.Set(field, t.Source().Row, mspdiCol(elem))
	h, ok := value.ISODurationHours(v)
	if !ok || h < 0 {
		p := t.Source()
		p.Col = mspdiCol(elem)
		m.findings.Add(diag.Error, "effort-unparseable", p, "%s %q is not an ISO 8601 duration (such as PT16H0M0S)", field, v)
		return project.Num{}
	}
	return project.NumOf(round(h * 60 / m.minutes))
}

// linkSuffix writes a dependency the way MS Project shows it: FS is the
// default and left out, lag in days (LinkLag is in tenths of a minute).
func (m *mspdiReader) linkSuffix(typ, lag string) string {
	s := ""
	switch strings.TrimSpace(typ) {
	case "0":
		s = "FF"
	case "2":
		s = "SF"
	case "3":
		s = "SS"
	}
	if n, err := strconv.ParseFloat(strings.TrimSpace(lag), 64); err == nil && n != 0 {
		days := round(n / 10 / m.minutes)
		if s == "" {
			s = "FS"
		}
		s += fmt.Sprintf("%+gd", days)
	}
	return s
}

// round keeps two decimals: 7.5 hours of a 480-minute day is 0.9375 days,
// shown as 0.94.
func round(f float64) float64 { return math.Round(f*100) / 100 }

func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
