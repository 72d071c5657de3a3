package analyze

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/calendar"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Replan is what the plan did between the previous run and this one: a
// team that moves its dates, grows its scope or stops updating its sheet
// leaves a trace here instead of quietly resetting its SPI.
type Replan struct {
	Since       date.Date   `json:"since"`
	Moved       []TaskMove  `json:"moved"`      // planned finish (or start) moved
	Backwards   []TaskMove  `json:"backwards"`  // progress went down
	Vanished    []TaskRef   `json:"vanished"`   // in the previous run, not in this one
	Added       int         `json:"added"`      // tasks new since the previous run
	BACBefore   float64     `json:"bac_before"` // person-days
	BACNow      float64     `json:"bac_now"`    //
	StaleSource []StaleFile `json:"stale_sources"`
	// The counts of Moved, Backwards and Vanished, which a one-page
	// summary keeps when it drops the lists.
	MovedCount     int `json:"moved_count"`
	BackwardsCount int `json:"backwards_count"`
	VanishedCount  int `json:"vanished_count"`
}

// summary is rp for a one-page summary: the counts, the stale sheets and
// only the largest move.
func (rp *Replan) summary() *Replan {
	if rp == nil {
		return nil
	}
	c := *rp
	c.Backwards, c.Vanished, c.Moved = nil, nil, nil
	if len(rp.Moved) > 0 {
		most := rp.Moved[0]
		for _, m := range rp.Moved {
			if abs(m.Days) > abs(most.Days) {
				most = m
			}
		}
		c.Moved = []TaskMove{most}
	}
	return &c
}

// summary is d without the per-task list.
func (d *BaselineDiff) summary() *BaselineDiff {
	if d == nil {
		return nil
	}
	c := *d
	c.Slipped = nil
	return &c
}

// TaskMove is one task whose plan or progress changed.
type TaskMove struct {
	Key  string    `json:"key"`
	ID   string    `json:"id,omitempty"`
	Name string    `json:"name"`
	From date.Date `json:"from,omitzero"`
	To   date.Date `json:"to,omitzero"`
	// Days is the move in working days (positive: later), or for progress
	// the change in points.
	Days         int      `json:"days,omitempty"`
	FromProgress *float64 `json:"from_progress,omitempty"`
	ToProgress   *float64 `json:"to_progress,omitempty"`
	Source       diag.Pos `json:"source"`
}

// StaleFile is a source whose records did not change while it has tasks
// that should be moving.
type StaleFile struct {
	File    string `json:"file"`
	Runs    int    `json:"runs"`    // runs in a row without a change, this one included
	Running int    `json:"running"` // tasks planned to be under way or late
}

// BaselineDiff compares this run with the baseline run.
type BaselineDiff struct {
	Name      string     `json:"name"`
	AsOf      date.Date  `json:"as_of"`
	BACBefore float64    `json:"bac_before"`
	BACNow    float64    `json:"bac_now"`
	Added     int        `json:"added"`
	Removed   *int       `json:"removed"` // null when the baseline cannot tell (a source's own)
	Slipped   []TaskMove `json:"slipped"` // planned finish later or earlier than the baseline, most first
	// FinishVariance is the last planned finish against the baseline's, in
	// working days.
	FinishBefore   date.Date `json:"finish_before,omitzero"`
	FinishNow      date.Date `json:"finish_now,omitzero"`
	FinishVariance int       `json:"finish_variance"`
}

// maxListed bounds the per-task findings of one kind and source: a
// re-planned sheet of 2,000 rows gives the count and the first few, not
// 2,000 lines.
const maxListed = 10

// replan compares the previous run's task states with this run's and adds
// the findings. prev must carry task states (Detailed).
func replan(prev *Snapshot, now []TaskState, rolled []project.Task, leaves []leaf, srcs []SourceState, names sourceNames, bac float64, cal *calendar.Calendar, asOf date.Date, fs *diag.Findings) *Replan {
	rp := &Replan{Since: prev.AsOf, Moved: []TaskMove{}, Backwards: []TaskMove{}, Vanished: []TaskRef{}, StaleSource: []StaleFile{},
		BACBefore: prev.BAC, BACNow: bac}
	was := make(map[string]*TaskState, len(prev.Tasks))
	for i := range prev.Tasks {
		was[prev.Tasks[i].Key] = &prev.Tasks[i]
	}
	here := make(map[string]bool, len(now))
	listed := map[string]int{}
	list := func(rule, file string) bool {
		listed[rule+"\x00"+file]++
		return listed[rule+"\x00"+file] <= maxListed
	}
	for i, t := range now {
		here[t.Key] = true
		p, ok := was[t.Key]
		if !ok {
			rp.Added++
			continue
		}
		task := &rolled[i]
		if t.Summary || t.Status == project.Cancelled {
			continue
		}
		mv := TaskMove{Key: t.Key, ID: t.WBSID, Name: t.Name}
		switch {
		case !p.PlannedFinish.IsZero() && !t.PlannedFinish.IsZero() && p.PlannedFinish != t.PlannedFinish:
			mv.From, mv.To, mv.Days, mv.Source = p.PlannedFinish, t.PlannedFinish, workdayShift(cal, p.PlannedFinish, t.PlannedFinish), task.Cell("planned_finish")
			rp.Moved = append(rp.Moved, mv)
			if list("plan-moved", t.Source) {
				fs.Add(diag.Warning, "plan-moved", mv.Source, "planned finish of %q moved from %s to %s (%+d working days) since the run of %s",
					t.Name, mv.From, mv.To, mv.Days, prev.AsOf)
			}
		case !p.PlannedStart.IsZero() && !t.PlannedStart.IsZero() && p.PlannedStart != t.PlannedStart:
			mv.From, mv.To, mv.Days, mv.Source = p.PlannedStart, t.PlannedStart, workdayShift(cal, p.PlannedStart, t.PlannedStart), task.Cell("planned_start")
			rp.Moved = append(rp.Moved, mv)
			if list("plan-moved", t.Source) {
				fs.Add(diag.Warning, "plan-moved", mv.Source, "planned start of %q moved from %s to %s (%+d working days) since the run of %s",
					t.Name, mv.From, mv.To, mv.Days, prev.AsOf)
			}
		}
		if p.Progress != nil && t.Progress != nil && *t.Progress < *p.Progress {
			back := TaskMove{Key: t.Key, ID: t.WBSID, Name: t.Name, FromProgress: p.Progress, ToProgress: t.Progress,
				Days: int(math.Round(*t.Progress - *p.Progress)), Source: task.Cell("progress")}
			rp.Backwards = append(rp.Backwards, back)
			if list("progress-backwards", t.Source) {
				fs.Add(diag.Warning, "progress-backwards", back.Source, "progress of %q went back from %s to %s since the run of %s",
					t.Name, pct(*p.Progress), pct(*t.Progress), prev.AsOf)
			}
		}
	}
	for _, p := range prev.Tasks {
		if here[p.Key] || p.Summary {
			continue
		}
		rp.Vanished = append(rp.Vanished, TaskRef{WBSID: p.WBSID, Name: p.Name, PlannedFinish: p.PlannedFinish})
		if list("task-vanished", p.Source) {
			file, sheet, _ := strings.Cut(p.Source, "!")
			fs.Add(diag.Warning, "task-vanished", diag.Pos{File: names.path(file), Sheet: sheet}, "task %q (%s) of the run of %s is no longer in the sheet",
				p.Name, cmp.Or(p.WBSID, "no WBS id"), prev.AsOf)
		}
	}
	for key, n := range listed {
		if n > maxListed {
			rule, file, _ := strings.Cut(key, "\x00")
			f, sheet, _ := strings.Cut(file, "!")
			fs.Add(diag.Warning, rule, diag.Pos{File: names.path(f), Sheet: sheet}, "%d more tasks of this sheet with the same finding are not listed one by one", n-maxListed)
		}
	}
	if prev.BAC > 0 && math.Abs(bac-prev.BAC) >= 0.05 && math.Abs(bac-prev.BAC)/prev.BAC >= 0.001 {
		fs.Add(diag.Warning, "bac-changed", diag.Pos{}, "the planned total (BAC) changed from %s to %s person-days (%+.1f%%) since the run of %s",
			days1(prev.BAC), days1(bac), (bac-prev.BAC)/prev.BAC*100, prev.AsOf)
	}
	rp.StaleSource = staleSources(prev, srcs, leaves, names, fs)
	rp.MovedCount, rp.BackwardsCount, rp.VanishedCount = len(rp.Moved), len(rp.Backwards), len(rp.Vanished)
	return rp
}

// staleSources finds the sources whose records are exactly as they were
// while some of their tasks are planned to be under way or are late: the
// team probably did not update the sheet ("未更新の可能性").
func staleSources(prev *Snapshot, srcs []SourceState, leaves []leaf, names sourceNames, fs *diag.Findings) []StaleFile {
	running := map[string]int{}
	for _, l := range leaves {
		if l.t.Complete() || !l.scheduled || l.plannedFrac == 0 {
			continue
		}
		running[names.of(l.t.Source().File)]++
	}
	was := map[string]bool{}
	for _, s := range prev.Sources {
		was[s.File] = true
	}
	out := []StaleFile{}
	for _, s := range srcs {
		n := running[s.File]
		if s.Unchanged == 0 || n == 0 || !was[s.File] {
			continue
		}
		sf := StaleFile{File: s.File, Runs: s.Unchanged + 1, Running: n}
		out = append(out, sf)
		fs.Add(diag.Warning, "source-stale", diag.Pos{File: names.path(s.File)}, "no record of this sheet changed over the last %d runs although %d of its tasks are planned to be under way: it may not have been updated",
			sf.Runs, sf.Running)
	}
	return out
}

// workdayShift is the move from a to b in working days: positive when b
// is later. A move between two days off counts the calendar days' sign.
func workdayShift(cal *calendar.Calendar, a, b date.Date) int {
	switch {
	case b > a:
		return max(cal.WorkdaysBetween(a.AddDays(1), b), 1)
	case b < a:
		return -max(cal.WorkdaysBetween(b.AddDays(1), a), 1)
	}
	return 0
}

// baselineDiff compares this run's tasks with the baseline's.
func baselineDiff(base *Snapshot, name string, now []TaskState, rolled []project.Task, bac float64, cal *calendar.Calendar) *BaselineDiff {
	d := &BaselineDiff{Name: name, AsOf: base.AsOf, BACBefore: base.BAC, BACNow: bac, Slipped: []TaskMove{}}
	was := make(map[string]*TaskState, len(base.Tasks))
	for i := range base.Tasks {
		was[base.Tasks[i].Key] = &base.Tasks[i]
		if !base.Tasks[i].Summary {
			d.FinishBefore = maxDate(d.FinishBefore, base.Tasks[i].PlannedFinish)
		}
	}
	here := map[string]bool{}
	for i, t := range now {
		here[t.Key] = true
		if !t.Summary {
			d.FinishNow = maxDate(d.FinishNow, t.PlannedFinish)
		}
		p, ok := was[t.Key]
		if !ok {
			if !t.Summary {
				d.Added++
			}
			continue
		}
		if !t.Summary && !p.PlannedFinish.IsZero() && !t.PlannedFinish.IsZero() && p.PlannedFinish != t.PlannedFinish {
			d.Slipped = append(d.Slipped, TaskMove{Key: t.Key, ID: t.WBSID, Name: t.Name, From: p.PlannedFinish, To: t.PlannedFinish,
				Days: workdayShift(cal, p.PlannedFinish, t.PlannedFinish), Source: rolled[i].Cell("planned_finish")})
		}
	}
	removed := 0
	for _, p := range base.Tasks {
		if !here[p.Key] && !p.Summary {
			removed++
		}
	}
	d.Removed = &removed
	if !d.FinishBefore.IsZero() && !d.FinishNow.IsZero() {
		d.FinishVariance = workdayShift(cal, d.FinishBefore, d.FinishNow)
	}
	slices.SortStableFunc(d.Slipped, func(a, b TaskMove) int { return cmp.Compare(abs(b.Days), abs(a.Days)) })
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// days1 formats person-days with at most one decimal.
func days1(v float64) string { return strconv.FormatFloat(round1(v), 'f', -1, 64) }

// SourceBaselineName names the baseline a source file saved itself.
const SourceBaselineName = "source"

// sourceBaseline builds a baseline from the plans the sources saved
// themselves (project.Task.Baseline), or nil when no task has one. Its BAC
// is the saved baseline work when every baselined leaf has it, else
// unknown (0).
func sourceBaseline(states []TaskState, rolled []project.Task, leaves []leaf) *Snapshot {
	var s *Snapshot
	for i := range rolled {
		bl := rolled[i].Baseline
		if bl == nil {
			continue
		}
		if s == nil {
			s = &Snapshot{Detailed: true}
		}
		t := states[i]
		t.PlannedStart, t.PlannedFinish, t.PlannedEffort = bl.Start, bl.Finish, bl.Effort
		s.Tasks = append(s.Tasks, t)
	}
	if s == nil {
		return nil
	}
	bac, known := 0.0, true
	for _, l := range leaves {
		bl := l.t.Baseline
		if bl == nil || bl.Effort == nil {
			known = known && bl == nil
			continue
		}
		bac += *bl.Effort
	}
	if known {
		s.BAC = bac
	}
	return s
}
