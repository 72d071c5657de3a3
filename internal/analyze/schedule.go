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
	s := TaskStats{Total: len(all), LateIDs: []string{}}
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
	var late, behind []int32 // positions in leaves
	for i := range leaves {
		l := &leaves[i]
		if l.late {
			s.Late++
			s.LateIDs = append(s.LateIDs, taskKey(l.t))
			late = append(late, int32(i))
		}
		if !l.scheduled {
			s.Unscheduled++
			continue
		}
		if !l.t.Complete() && l.progress < l.plannedFrac*100-behindPoints {
			l.behind = true
			s.Behind++
			behind = append(behind, int32(i))
		}
	}
	// Most late first; ties in outline order. The positions are sorted,
	// not the refs, and each ref made once in its place.
	s.LateTasks = refsBy(leaves, late, func(l *leaf) int { return l.daysLate })
	s.BehindTasks = refsBy(leaves, behind, func(l *leaf) float64 { return l.plannedFrac*100 - l.progress })
	return s
}

// refsBy returns the refs of leaves[idx] by key, largest first, ties in
// idx order.
func refsBy[K cmp.Ordered](leaves []leaf, idx []int32, key func(*leaf) K) []TaskRef {
	type keyed struct {
		k K
		i int32
	}
	ks := make([]keyed, len(idx))
	for n, i := range idx {
		ks[n] = keyed{key(&leaves[i]), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(b.k, a.k), cmp.Compare(a.i, b.i)) })
	out := make([]TaskRef, len(ks))
	for n, x := range ks {
		out[n] = ref(&leaves[x.i])
	}
	return out
}

// stableSorted returns xs stably sorted by order. It sorts their
// positions and moves each element once: a stable sort of the elements
// themselves (refs of a dozen fields) moves them O(n log² n) times.
func stableSorted[T any](xs []T, order func(a, b *T) int) []T {
	idx := make([]int32, len(xs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int { return cmp.Or(order(&xs[i], &xs[j]), cmp.Compare(i, j)) })
	out := make([]T, len(xs))
	for k, i := range idx {
		out[k] = xs[i]
	}
	return out
}

func ref(l *leaf) TaskRef {
	return TaskRef{WBSID: l.t.WBSID, Name: l.t.Name, Team: l.t.Team, Assignee: l.t.Assignee.List(),
		PlannedFinish: l.t.PlannedFinish, Progress: l.progress, PlannedPct: l.plannedFrac * 100,
		DaysLate: l.daysLate, Source: l.t.Source()}
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
	finder := NewMilestoneFinder(tasks)
	late := newLateIndex(leaves)
	for _, m := range cfg.Milestones {
		i := finder.Find(m.WBSID, m.Name)
		out = append(out, milestoneStatus(m.Name, m.Date, m.Done, i, cfg, tasks, late, asOf, m.Pos))
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
		out = append(out, milestoneStatus(t.Name, d, false, i, cfg, tasks, late, asOf, t.Source()))
	}
	// By date; undated milestones last.
	slices.SortStableFunc(out, func(a, b Milestone) int { return cmp.Compare(dueOrFar(a.Date), dueOrFar(b.Date)) })
	return out
}

func milestoneStatus(name string, d date.Date, done bool, task int, cfg *config.Project, tasks []project.Task, late *lateIndex, asOf date.Date, pos diag.Pos) Milestone {
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
		if l := late.firstDueBy(d); l != nil {
			m.Status = MilestoneAtRisk
			m.Reason = strings.TrimSpace(l.t.WBSID + " " + l.t.Name)
		}
	}
	return m
}

// lateIndex answers "which late task, first in outline order, was due on
// or before d" in O(log n), so that thousands of milestone rows do not
// each scan every task.
type lateIndex struct {
	leaves []leaf
	due    []date.Date // the late leaves' planned finishes, ascending
	first  []int       // first[k]: the smallest leaf index among due[:k+1]
}

func newLateIndex(leaves []leaf) *lateIndex {
	x := &lateIndex{leaves: leaves}
	var idx []int
	for i := range leaves {
		if leaves[i].late {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(leaves[a].t.PlannedFinish, leaves[b].t.PlannedFinish), cmp.Compare(a, b))
	})
	x.due, x.first = make([]date.Date, len(idx)), make([]int, len(idx))
	for k, i := range idx {
		x.due[k] = leaves[i].t.PlannedFinish
		x.first[k] = i
		if k > 0 {
			x.first[k] = min(i, x.first[k-1])
		}
	}
	return x
}

// firstDueBy returns the first late leaf (in leaf order) whose planned
// finish is on or before d, nil when there is none.
func (x *lateIndex) firstDueBy(d date.Date) *leaf {
	n, _ := slices.BinarySearchFunc(x.due, d, func(e, d date.Date) int {
		if e <= d {
			return -1
		}
		return 1
	}) // due[:n] <= d
	if n == 0 {
		return nil
	}
	return &x.leaves[x.first[n-1]]
}

// MilestoneFinder finds the task that completes a milestone: the task with
// its WBS ID; else the task or phase it is named after (要件定義完了 is
// reached when 要件定義 is), preferring an exact name, then the shallowest
// task whose name starts or ends with it. It normalises each task name at
// most once however many milestones it looks up, and only as far down the
// list as a lookup has to go.
type MilestoneFinder struct {
	tasks []project.Task
	keys  []string // NameKey of tasks[:len(keys)]
}

// NewMilestoneFinder returns a finder over tasks, which must not change
// while it is used.
func NewMilestoneFinder(tasks []project.Task) *MilestoneFinder {
	return &MilestoneFinder{tasks: tasks}
}

// key is the normalised name of task i.
func (f *MilestoneFinder) key(i int) string {
	for len(f.keys) <= i {
		f.keys = append(f.keys, project.NameKey(f.tasks[len(f.keys)].Name))
	}
	return f.keys[i]
}

// Find returns the task completing the milestone with wbsID (when not
// "") or name, -1 when there is none.
func (f *MilestoneFinder) Find(wbsID, name string) int {
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
	for i := range tasks {
		k := f.key(i)
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
