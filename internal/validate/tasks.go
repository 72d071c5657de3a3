package validate

import (
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

func leaves(in *Input, fn func(t *project.Task)) {
	for i := range in.Tasks {
		if !in.Tasks[i].Summary {
			fn(&in.Tasks[i])
		}
	}
}

func taskNameMissing(in *Input, r *Rule, fs *diag.Findings) {
	for i := range in.Tasks {
		t := &in.Tasks[i]
		if t.Name == "" {
			r.add(fs, t.Source(), "task %s has no name", orRow(t.WBSID))
		}
	}
}

func orRow(id string) string {
	if id == "" {
		return "on this row"
	}
	return id
}

func taskUnscheduled(in *Input, r *Rule, fs *diag.Findings) {
	leaves(in, func(t *project.Task) {
		if t.Status == project.Cancelled {
			return
		}
		switch {
		case t.PlannedStart.IsZero() && t.PlannedFinish.IsZero():
			r.add(fs, t.Source(), "task %q has no planned dates; it is left out of progress figures", t.Name)
		case t.PlannedStart.IsZero():
			r.add(fs, t.Cell("planned_finish"), "task %q has a planned finish but no planned start", t.Name)
		case t.PlannedFinish.IsZero():
			r.add(fs, t.Cell("planned_start"), "task %q has a planned start but no planned finish", t.Name)
		}
	})
}

func finishBeforeStart(in *Input, r *Rule, fs *diag.Findings) {
	for i := range in.Tasks {
		t := &in.Tasks[i]
		if !t.PlannedStart.IsZero() && !t.PlannedFinish.IsZero() && t.PlannedFinish < t.PlannedStart {
			r.add(fs, t.Cell("planned_finish"), "task %q: planned finish %s is before planned start %s", t.Name, t.PlannedFinish, t.PlannedStart)
		}
		if !t.ActualStart.IsZero() && !t.ActualFinish.IsZero() && t.ActualFinish < t.ActualStart {
			r.add(fs, t.Cell("actual_finish"), "task %q: actual finish %s is before actual start %s", t.Name, t.ActualFinish, t.ActualStart)
		}
	}
	for i := range in.Issues {
		is := &in.Issues[i]
		if !is.RaisedOn.IsZero() && !is.ClosedOn.IsZero() && is.ClosedOn < is.RaisedOn {
			r.add(fs, is.Cell("closed_on"), "issue %s: closed %s before it was raised %s", label(is.ID, is.Title), is.ClosedOn, is.RaisedOn)
		}
	}
}

func label(id, title string) string {
	if id != "" {
		return id
	}
	return "\"" + title + "\""
}

func progressRange(in *Input, r *Rule, fs *diag.Findings) {
	for i := range in.Tasks {
		t := &in.Tasks[i]
		if t.Progress.OK() && (t.Progress.Val() < 0 || t.Progress.Val() > 100) {
			r.add(fs, t.Cell("progress"), "task %q: progress %s %% is outside 0-100", t.Name, value.ShowNumber(t.Progress.Val()))
		}
	}
}

func doneNot100(in *Input, r *Rule, fs *diag.Findings) {
	leaves(in, func(t *project.Task) {
		if t.Status == project.Done && t.Progress.OK() && t.Progress.Val() < 100 {
			r.add(fs, t.Cell("progress"), "task %q is %s but progress is %s %%", t.Name, quoteRaw(t.StatusRaw, "done"), value.ShowNumber(t.Progress.Val()))
		}
	})
}

func quoteRaw(raw, norm string) string {
	if raw == "" {
		return norm
	}
	return "\"" + raw + "\""
}

func fullNotDone(in *Input, r *Rule, fs *diag.Findings) {
	leaves(in, func(t *project.Task) {
		if t.Progress.OK() && t.Progress.Val() >= 100 && t.Status != project.NoTaskStatus && t.Status != project.Done && t.Status != project.Cancelled {
			r.add(fs, t.Cell("status"), "task %q is at 100 %% but its status is %s", t.Name, quoteRaw(t.StatusRaw, t.Status.String()))
		}
	})
}

func actualInFuture(in *Input, r *Rule, fs *diag.Findings) {
	if in.AsOf.IsZero() {
		return
	}
	for i := range in.Tasks {
		t := &in.Tasks[i]
		if t.ActualStart > in.AsOf {
			r.add(fs, t.Cell("actual_start"), "task %q: actual start %s is after the status date %s", t.Name, t.ActualStart, in.AsOf)
		}
		if t.ActualFinish > in.AsOf {
			r.add(fs, t.Cell("actual_finish"), "task %q: actual finish %s is after the status date %s", t.Name, t.ActualFinish, in.AsOf)
		}
	}
}

func outsideWindow(in *Input, r *Rule, fs *diag.Findings) {
	p := in.Config.Project
	if p.Start.IsZero() || p.End.IsZero() {
		return
	}
	leaves(in, func(t *project.Task) {
		switch {
		case !t.PlannedStart.IsZero() && t.PlannedStart < p.Start:
			r.add(fs, t.Cell("planned_start"), "task %q starts %s, before the project starts (%s)", t.Name, t.PlannedStart, p.Start)
		case !t.PlannedFinish.IsZero() && t.PlannedFinish > p.End:
			r.add(fs, t.Cell("planned_finish"), "task %q finishes %s, after the project ends (%s)", t.Name, t.PlannedFinish, p.End)
		}
	})
}

func duplicateIDs(in *Input, r *Rule, fs *diag.Findings) {
	// IDs are unique per sheet: two teams may both number from 1.
	// Records come sheet by sheet, so each sheet's IDs get a map of their
	// own, found again only when the sheet changes; the map keeps the
	// first record's position in its list, and its cell is looked up only
	// for the message of a duplicate.
	type sheetKey struct{ what, sheet string }
	sheets := map[sheetKey]map[string]int{}
	check := func(what string, n int, rec func(i int) (id string, src diag.Pos), cell func(i int) diag.Pos) {
		var (
			lastSrc diag.Pos
			seen    map[string]int
		)
		for i := range n {
			id, src := rec(i)
			if id == "" {
				continue
			}
			if seen == nil || src.File != lastSrc.File || src.Sheet != lastSrc.Sheet {
				k := sheetKey{what, src.File + "!" + src.Sheet}
				seen = sheets[k]
				if seen == nil {
					seen = map[string]int{}
					sheets[k] = seen
				}
				lastSrc = src
			}
			if first, ok := seen[id]; ok {
				r.add(fs, cell(i), "%s ID %s is used again (first at %s)", what, id, cell(first))
				continue
			}
			seen[id] = i
		}
	}
	check("WBS", len(in.Tasks), func(i int) (string, diag.Pos) { return in.Tasks[i].WBSID, in.Tasks[i].Source() },
		func(i int) diag.Pos { return in.Tasks[i].Cell("wbs_id") })
	check("issue", len(in.Issues), func(i int) (string, diag.Pos) { return in.Issues[i].ID, in.Issues[i].Source() },
		func(i int) diag.Pos { return in.Issues[i].Cell("id") })
	check("risk", len(in.Risks), func(i int) (string, diag.Pos) { return in.Risks[i].ID, in.Risks[i].Source() },
		func(i int) diag.Pos { return in.Risks[i].Cell("id") })
}
