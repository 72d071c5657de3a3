package validate

import (
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
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
	for _, m := range in.Config.Milestones {
		if m.Done || m.Date.IsZero() || m.Date >= in.AsOf {
			continue
		}
		if i := MilestoneTask(in.Tasks, m.WBSID, m.Name); i >= 0 && project.SubtreeComplete(in.Tasks, i) {
			continue
		}
		r.add(fs, m.DatePos, "milestone %q was due %s and is not marked done", m.Name, m.Date)
	}
}

// MilestoneTask finds the task that completes a milestone: the task with
// its WBS ID; else the task or phase it is named after (要件定義完了 is
// reached when 要件定義 is), preferring an exact name, then the shallowest
// task whose name starts or ends with it. -1 when there is none.
func MilestoneTask(tasks []project.Task, wbsID, name string) int {
	if wbsID != "" {
		for i := range tasks {
			if tasks[i].WBSID == wbsID {
				return i
			}
		}
		return -1
	}
	full := value.Key(name)
	stem := full
	for _, suffix := range []string{"完了", "終了", "完", "済", "done", "complete", "completed", "finished"} {
		if s, ok := strings.CutSuffix(stem, suffix); ok && s != "" {
			stem = s
			break
		}
	}
	best := -1
	for i := range tasks {
		k := value.Key(tasks[i].Name)
		if k == full || k == stem {
			return i
		}
		if len(stem) >= 6 && (strings.HasPrefix(k, stem) || strings.HasSuffix(k, stem)) && (best < 0 || tasks[i].Level < tasks[best].Level) {
			best = i
		}
	}
	return best
}

func milestoneTask(in *Input, r *Rule, fs *diag.Findings) {
	if len(in.Tasks) == 0 {
		return
	}
	ids := map[string]bool{}
	for i := range in.Tasks {
		ids[in.Tasks[i].WBSID] = true
	}
	for _, m := range in.Config.Milestones {
		if m.WBSID != "" && !ids[m.WBSID] {
			r.add(fs, m.Pos, "milestone %q names WBS ID %s, which no task has", m.Name, m.WBSID)
		}
	}
}
