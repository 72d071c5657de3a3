package analyze

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// TaskStats counts tasks as of the status date.
type TaskStats struct {
	Total       int       `json:"total"`
	Leaf        int       `json:"leaf"`
	Done        int       `json:"done"`
	InProgress  int       `json:"in_progress"`
	NotStarted  int       `json:"not_started"`
	Cancelled   int       `json:"cancelled"`
	Late        int       `json:"late"`
	Behind      int       `json:"behind"`
	Unscheduled int       `json:"unscheduled"`
	LateIDs     []string  `json:"late_ids"`
	LateTasks   []TaskRef `json:"late_tasks"`
	BehindTasks []TaskRef `json:"behind_tasks"`
}

// TaskRef is a task as lists of late or behind work show it.
type TaskRef struct {
	WBSID         string    `json:"wbs_id,omitempty"`
	Name          string    `json:"name"`
	Team          string    `json:"team,omitempty"`
	Assignee      []string  `json:"assignee,omitempty"`
	PlannedFinish date.Date `json:"planned_finish,omitzero"`
	Progress      float64   `json:"progress"`
	PlannedPct    float64   `json:"planned_progress"`
	DaysLate      int       `json:"days_late,omitempty"` // working days
	Source        diag.Pos  `json:"source"`
}

// key identifies a task across runs: its WBS ID, else its name.
func taskKey(t *project.Task) string { return cmp.Or(t.WBSID, t.Name) }

func taskStats(all []project.Task, leaves []leaf, behindPoints float64) TaskStats {
	s := TaskStats{Total: len(all), LateIDs: []string{}, LateTasks: []TaskRef{}, BehindTasks: []TaskRef{}}
	for i := range all {
		t := &all[i]
		if t.Summary || t.Milestone {
			continue
		}
		s.Leaf++
		switch {
		case t.Status == project.Cancelled:
			s.Cancelled++
		case t.Complete():
			s.Done++
		case progressOf(t) > 0 || t.Status == project.InProgress || !t.ActualStart.IsZero():
			s.InProgress++
		default:
			s.NotStarted++
		}
	}
	for i := range leaves {
		l := &leaves[i]
		if l.late {
			s.Late++
			s.LateIDs = append(s.LateIDs, taskKey(l.t))
			s.LateTasks = append(s.LateTasks, ref(l))
		}
		if !l.scheduled {
			s.Unscheduled++
			continue
		}
		if !l.t.Complete() && l.progress < l.plannedFrac*100-behindPoints {
			l.behind = true
			s.Behind++
			s.BehindTasks = append(s.BehindTasks, ref(l))
		}
	}
	// Most late first; ties in outline order.
	slices.SortStableFunc(s.LateTasks, func(a, b TaskRef) int { return b.DaysLate - a.DaysLate })
	slices.SortStableFunc(s.BehindTasks, func(a, b TaskRef) int {
		return cmp.Compare(b.PlannedPct-b.Progress, a.PlannedPct-a.Progress)
	})
	return s
}

func ref(l *leaf) TaskRef {
	return TaskRef{WBSID: l.t.WBSID, Name: l.t.Name, Team: l.t.Team, Assignee: l.t.Assignee,
		PlannedFinish: l.t.PlannedFinish, Progress: l.progress, PlannedPct: l.plannedFrac * 100,
		DaysLate: l.daysLate, Source: l.t.Source}
}

// MilestoneStatus is where a milestone stands.
type MilestoneStatus string

// Milestone statuses.
const (
	MilestoneDone    MilestoneStatus = "done"
	MilestoneOnTrack MilestoneStatus = "on_track"
	MilestoneAtRisk  MilestoneStatus = "at_risk"
	MilestoneMissed  MilestoneStatus = "missed"
)

// Level is the RAG colour a milestone shows: a missed milestone is red, one
// at risk amber, any other green.
func (s MilestoneStatus) Level() Level {
	switch s {
	case MilestoneMissed:
		return Red
	case MilestoneAtRisk:
		return Amber
	}
	return Green
}

// Milestone is a milestone from the YAML or a milestone row of the WBS.
type Milestone struct {
	Name     string          `json:"name"`
	Date     date.Date       `json:"date"`
	Status   MilestoneStatus `json:"status"`
	DaysLeft int             `json:"days_left"` // calendar days from the status date; negative when past
	Reason   string          `json:"reason,omitempty"`
	Source   diag.Pos        `json:"source"`
}

func milestones(cfg *config.Project, tasks []project.Task, leaves []leaf, asOf date.Date) []Milestone {
	out := []Milestone{}
	seen := map[string]bool{}
	finder := newTaskFinder(tasks)
	for _, m := range cfg.Milestones {
		i := finder.find(m.WBSID, m.Name)
		out = append(out, milestoneStatus(m.Name, m.Date, m.Done, i, cfg, tasks, leaves, asOf, m.Pos))
		if i >= 0 {
			seen[taskKey(&tasks[i])] = true
		}
	}
	for i := range tasks {
		t := &tasks[i]
		if !t.Milestone || seen[taskKey(t)] {
			continue
		}
		d := cmp.Or(t.PlannedFinish, t.PlannedStart)
		out = append(out, milestoneStatus(t.Name, d, false, i, cfg, tasks, leaves, asOf, t.Source))
	}
	// By date; undated milestones last.
	slices.SortStableFunc(out, func(a, b Milestone) int { return cmp.Compare(dueOrFar(a.Date), dueOrFar(b.Date)) })
	return out
}

func milestoneStatus(name string, d date.Date, done bool, task int, cfg *config.Project, tasks []project.Task, leaves []leaf, asOf date.Date, pos diag.Pos) Milestone {
	m := Milestone{Name: name, Date: d, Source: pos}
	if !d.IsZero() {
		m.DaysLeft = int(d - asOf)
	}
	if !done && task >= 0 {
		done = project.SubtreeComplete(tasks, task)
	}
	switch {
	case done:
		m.Status = MilestoneDone
	case d.IsZero():
		m.Status = MilestoneOnTrack
	case int(asOf-d) > cfg.Thresholds.MilestoneSlipDays:
		m.Status = MilestoneMissed
	default:
		m.Status = MilestoneOnTrack
		for _, l := range leaves {
			if l.late && l.t.PlannedFinish <= d {
				m.Status = MilestoneAtRisk
				m.Reason = strings.TrimSpace(l.t.WBSID + " " + l.t.Name)
				break
			}
		}
	}
	return m
}

// MilestoneTask finds the task that completes a milestone: the task with
// its WBS ID; else the task or phase it is named after (要件定義完了 is
// reached when 要件定義 is), preferring an exact name, then the shallowest
// task whose name starts or ends with it. -1 when there is none.
func MilestoneTask(tasks []project.Task, wbsID, name string) int {
	return newTaskFinder(tasks).find(wbsID, name)
}

// taskFinder matches milestones to tasks, normalising each task name once.
type taskFinder struct {
	tasks []project.Task
	keys  []string
}

func newTaskFinder(tasks []project.Task) *taskFinder {
	f := &taskFinder{tasks: tasks, keys: make([]string, len(tasks))}
	for i := range tasks {
		f.keys[i] = project.NameKey(tasks[i].Name)
	}
	return f
}

func (f *taskFinder) find(wbsID, name string) int {
	tasks := f.tasks
	if wbsID != "" {
		for i := range tasks {
			if tasks[i].WBSID == wbsID {
				return i
			}
		}
		return -1
	}
	full := project.NameKey(name)
	stem := full
	for _, suffix := range []string{"完了", "終了", "完", "済", "done", "complete", "completed", "finished"} {
		if s, ok := strings.CutSuffix(stem, suffix); ok && s != "" {
			stem = s
			break
		}
	}
	best := -1
	for i, k := range f.keys {
		if k == full || k == stem {
			return i
		}
		if len(stem) >= 6 && (strings.HasPrefix(k, stem) || strings.HasSuffix(k, stem)) && (best < 0 || tasks[i].Level < tasks[best].Level) {
			best = i
		}
	}
	return best
}

// TeamStats is progress per team.
type TeamStats struct {
	Team       string   `json:"team"`
	Leaf       int      `json:"leaf"`
	Done       int      `json:"done"`
	InProgress int      `json:"in_progress"`
	NotStarted int      `json:"not_started"`
	Late       int      `json:"late"`
	Behind     int      `json:"behind"`
	Planned    float64  `json:"planned"`
	Actual     float64  `json:"actual"`
	SPI        *float64 `json:"spi"`
}

func teamStats(leaves []leaf) []TeamStats {
	byTeam := map[string]*TeamStats{}
	var bac, pv, ev = map[string]float64{}, map[string]float64{}, map[string]float64{}
	for _, l := range leaves {
		name := cmp.Or(l.t.Team, "-")
		s := byTeam[name]
		if s == nil {
			s = &TeamStats{Team: name}
			byTeam[name] = s
		}
		s.Leaf++
		switch {
		case l.t.Complete():
			s.Done++
		case l.progress > 0 || !l.t.ActualStart.IsZero():
			s.InProgress++
		default:
			s.NotStarted++
		}
		if l.late {
			s.Late++
		}
		if l.behind {
			s.Behind++
		}
		if l.scheduled {
			bac[name] += l.weight
			pv[name] += l.weight * l.plannedFrac
			ev[name] += l.weight * l.progress / 100
		}
	}
	out := make([]TeamStats, 0, len(byTeam))
	for name, s := range byTeam {
		if bac[name] > 0 {
			s.Planned, s.Actual = pv[name]/bac[name]*100, ev[name]/bac[name]*100
		}
		s.SPI = ratio(ev[name], pv[name])
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b TeamStats) int { return strings.Compare(a.Team, b.Team) })
	return out
}
