package config

import (
	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Person is one entry of a portfolio's people: someone who may work in
// several projects. The portfolio adds their load up across projects and
// compares it with Capacity.
type Person struct {
	Name     string
	Capacity float64  // person-days per week; 0 means the portfolio's default capacity
	Aliases  []string // other spellings the projects' sheets use
	Company  string   // employer (自社, a partner company), for the 要員 view
	Pos      diag.Pos
}

// Groups are the labels a portfolio gives one project, for subtotals
// (pmo batch --group-by).
type Groups struct {
	Department string
	Program    string
	Tags       []string
}

// Group returns the project's value for a grouping key (department,
// program or tag); a project has several tags, so it returns a list.
func (g Groups) Group(key string) []string {
	switch key {
	case "department":
		if g.Department != "" {
			return []string{g.Department}
		}
	case "program":
		if g.Program != "" {
			return []string{g.Program}
		}
	case "tag", "tags":
		return g.Tags
	}
	return nil
}

// GroupKeys are the values --group-by accepts.
var GroupKeys = []string{"department", "program", "tags"}

// people decodes the portfolio's people: list.
func (d *decoder) people(n *yaml.Node, s *shape) []Person {
	var out []Person
	seen := project.People[int]{}
	for _, item := range d.list(n, "people") {
		p := Person{Pos: d.pos(item)}
		switch item.Kind {
		case yaml.ScalarNode:
			if name, ok := d.str(item, "people"); ok {
				p.Name = name
			}
		case yaml.MappingNode:
			f := d.mapping(item, "people", s)
			d.required(f, "name", diag.Error)
			d.textKey(f, "name", &p.Name)
			d.numberKey(f, "capacity", &p.Capacity, perWeek)
			d.textKey(f, "company", &p.Company)
			if v := f.get("aliases"); v != nil {
				p.Aliases = d.texts(v, "people.aliases")
			}
		default:
			d.errorf(RuleWrongType, item, "people entries must be a name or a mapping with name, capacity, aliases and company, got %s", describe(item))
		}
		if p.Name == "" {
			continue
		}
		if line, dup := seen[project.NameKey(p.Name)]; dup {
			d.found.Add(diag.Error, RuleDuplicateKey, p.Pos, "people: %q is listed twice (first at line %d)", clip(p.Name, 40), line)
			continue
		}
		seen.Add(p.Name, p.Pos.Row)
		out = append(out, p)
	}
	return out
}

// projectEntry decodes one entry of projects: a path or glob, or a
// mapping with path and the project's groups.
func (d *decoder) projectEntry(item *yaml.Node, s *shape) (Pattern, bool) {
	pat := Pattern{Pos: d.pos(item)}
	if item.Kind == yaml.MappingNode {
		f := d.mapping(item, "projects", s)
		if d.required(f, "path", diag.Error) == nil {
			return pat, false
		}
		d.textKey(f, "path", &pat.Text)
		d.textKey(f, "department", &pat.Groups.Department)
		d.textKey(f, "program", &pat.Groups.Program)
		if v := f.get("tags"); v != nil {
			pat.Groups.Tags = d.texts(v, "projects.tags")
		}
		return pat, pat.Text != ""
	}
	t, ok := d.str(item, "projects")
	pat.Text = t
	return pat, ok && t != ""
}
