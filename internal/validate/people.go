package validate

import (
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"golang.org/x/text/unicode/norm"
)

// roster is every name the YAML gives for team members, normalised so
// that 山田太郎, 山田 太郎 and 山田　太郎 are one person.
type roster map[string]bool

func personKey(s string) string {
	s = norm.NFKC.String(s)
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

func newRoster(in *Input) roster {
	r := roster{}
	for _, t := range in.Config.Teams {
		if t.Lead != "" {
			r[personKey(t.Lead)] = true
		}
		for _, m := range t.Members {
			r[personKey(m.Name)] = true
			for _, a := range m.Aliases {
				r[personKey(a)] = true
			}
		}
	}
	if pm := in.Config.Project.PM; pm != "" {
		r[personKey(pm)] = true
	}
	return r
}

// has also accepts a surname alone when exactly one member has it: sheets
// often say 山田 where the roster says 山田 太郎.
func (r roster) has(name string) bool {
	k := personKey(name)
	if r[k] {
		return true
	}
	n := 0
	for full := range r {
		if strings.HasPrefix(full, k) && len(k) >= 3 {
			n++
		}
	}
	return n == 1
}

// members counts the members, leads and PM listed.
func (r roster) members() int { return len(r) }

func notInRoster(in *Input, r *Rule, fs *diag.Findings) {
	ros := newRoster(in)
	hasMembers := false
	for _, t := range in.Config.Teams {
		if len(t.Members) > 0 {
			hasMembers = true
		}
	}
	if !hasMembers || ros.members() == 0 {
		return
	}
	for i := range in.Tasks {
		t := &in.Tasks[i]
		for _, p := range t.Assignee {
			if !ros.has(p) {
				r.add(fs, t.Cell("assignee"), "assignee %q of task %q is not in the team roster", p, t.Name)
			}
		}
	}
	for i := range in.Issues {
		is := &in.Issues[i]
		for _, p := range is.Owner {
			if !ros.has(p) {
				r.add(fs, is.Cell("owner"), "owner %q of issue %s is not in the team roster", p, label(is.ID, is.Title))
			}
		}
	}
}
