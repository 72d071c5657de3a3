package validate

import (
	"slices"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

func milestoneOutside(in *Input, r *Rule, fs *diag.Findings) {
	p := in.Config.Project
	if p.Start.IsZero() || p.End.IsZero() {
		return
	}
	for _, m := range in.Config.Milestones {
		if !m.Date.IsZero() && (m.Date < p.Start || m.Date > p.End) {
			r.add(fs, m.DatePos, "milestone %q on %s is outside the project (%s to %s)", m.Name, m.Date, p.Start, p.End)
		}
	}
}

func milestoneMissed(in *Input, r *Rule, fs *diag.Findings) {
	if in.AsOf.IsZero() {
		return
	}
	finder := analyze.NewMilestoneFinder(in.Tasks)
	for _, m := range in.Config.Milestones {
		if m.Done || m.Date.IsZero() || m.Date >= in.AsOf {
			continue
		}
		if i := finder.Find(m.WBSID, m.Name); i >= 0 && project.SubtreeComplete(in.Tasks, i) {
			continue
		}
		r.add(fs, m.DatePos, "milestone %q was due %s and is not marked done", m.Name, m.Date)
	}
}

func milestoneTask(in *Input, r *Rule, fs *diag.Findings) {
	if len(in.Tasks) == 0 || !slices.ContainsFunc(in.Config.Milestones, func(m config.Milestone) bool { return m.WBSID != "" }) {
		return
	}
	ids := make(map[string]bool, len(in.Tasks))
	for i := range in.Tasks {
		ids[in.Tasks[i].WBSID] = true
	}
	for _, m := range in.Config.Milestones {
		if m.WBSID != "" && !ids[m.WBSID] {
			r.add(fs, m.Pos, "milestone %q names WBS ID %s, which no task has", m.Name, m.WBSID)
		}
	}
}
