package validate

import (
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// newRoster lists every member, lead and the PM the YAML names.
func newRoster(in *Input) project.People[bool] {
	r := project.People[bool]{}
	for _, t := range in.Config.Teams {
		if t.Lead != "" {
			r.Add(t.Lead, true)
		}
		for _, m := range t.Members {
			r.Add(m.Name, true)
			for _, a := range m.Aliases {
				r.Add(a, true)
			}
		}
	}
	if pm := in.Config.Project.PM; pm != "" {
		r.Add(pm, true)
	}
	return r
}

func notInRoster(in *Input, r *Rule, fs *diag.Findings) {
	ros := newRoster(in)
	hasMembers := false
	for _, t := range in.Config.Teams {
		if len(t.Members) > 0 {
			hasMembers = true
		}
	}
	if !hasMembers || len(ros) == 0 {
		return
	}
	// The same few people are named on thousands of rows: look each
	// spelling up once.
	known := map[string]bool{}
	listed := func(p string) bool {
		ok, seen := known[p]
		if !seen {
			_, ok = ros.Find(p)
			known[p] = ok
		}
		return ok
	}
	for i := range in.Tasks {
		t := &in.Tasks[i]
		for _, p := range t.Assignee.List() {
			if !listed(p) {
				r.add(fs, t.Cell("assignee"), "assignee %q of task %q is not in the team roster", p, t.Name)
			}
		}
	}
	for i := range in.Issues {
		is := &in.Issues[i]
		for _, p := range is.Owner {
			if !listed(p) {
				r.add(fs, is.Cell("owner"), "owner %q of issue %s is not in the team roster", p, label(is.ID, is.Title))
			}
		}
	}
}
