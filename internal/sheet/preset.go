package sheet

import (
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
	"github.com/pmokit/pmo/templates"
	"go.yaml.in/yaml/v3"
)

// preset describes one tool's export (templates/presets/*.yaml): the
// header words that identify it and the field each of its columns is.
type preset struct {
	Tool       string                             `yaml:"tool"`
	Require    []string                           `yaml:"require"`
	Signature  []string                           `yaml:"signature"`
	Match      int                                `yaml:"match"`
	Schedule   []string                           `yaml:"schedule_when"`
	Ignore     []string                           `yaml:"ignore"`
	EffortUnit string                             `yaml:"effort_unit"`
	WBS        map[string][]string                `yaml:"wbs"`
	Issues     map[string][]string                `yaml:"issues"`
	Risks      map[string][]string                `yaml:"risks"`
	fields     map[project.Kind]map[string]string // kind -> header key -> field
}

// loadPresets parses the embedded preset files once; they are constant
// data of the binary, so a broken one is a build mistake the tests catch.
var loadPresets = sync.OnceValues(func() ([]*preset, error) {
	fsys := templates.Presets()
	names, err := fs.Glob(fsys, "presets/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []*preset
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		p := &preset{}
		if err := yaml.Unmarshal(data, p); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := p.index(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, p)
	}
	return out, nil
})

// index normalises the preset's words the way headers are normalised and
// checks that every field is one the reader knows.
func (p *preset) index() error {
	if p.Tool == "" || p.Match < 1 {
		return fmt.Errorf("tool and match are required")
	}
	for i, w := range p.Require {
		p.Require[i] = value.Key(w)
	}
	for i, w := range p.Signature {
		p.Signature[i] = value.Key(w)
	}
	for i, w := range p.Ignore {
		p.Ignore[i] = value.Key(w)
	}
	p.fields = map[project.Kind]map[string]string{}
	for kind, m := range map[project.Kind]map[string][]string{project.KindWBS: p.WBS, project.KindIssues: p.Issues, project.KindRisks: p.Risks} {
		if len(m) == 0 {
			continue
		}
		known := fieldsOf(kind)
		idx := map[string]string{}
		for field, words := range m {
			if !slices.Contains(known, field) {
				return fmt.Errorf("%s: unknown field %q", kind, field)
			}
			for _, w := range words {
				idx[value.Key(w)] = field
			}
		}
		p.fields[kind] = idx
	}
	for _, f := range p.Schedule {
		if !slices.Contains(fieldsOf(project.KindWBS), f) {
			return fmt.Errorf("schedule_when: unknown field %q", f)
		}
	}
	switch p.EffortUnit {
	case "", "days", "hours", "seconds":
	default:
		return fmt.Errorf("effort_unit %q: use days, hours or seconds", p.EffortUnit)
	}
	return nil
}

// daysPer is how many of the preset's effort units make a person-day.
func (p *preset) daysPer() float64 {
	switch p.EffortUnit {
	case "hours":
		return 8
	case "seconds":
		return 8 * 3600
	}
	return 1
}

// matches reports whether a header row with these column keys is the
// preset's tool.
func (p *preset) matches(keys map[string]bool) bool {
	if !slices.ContainsFunc(p.Require, func(w string) bool { return keys[w] }) {
		return false
	}
	n := 0
	for _, w := range p.Signature {
		if keys[w] {
			n++
		}
	}
	return n >= p.Match
}

// kindFor picks the kind an export reads as: a schedule when every
// schedule_when field has a column filled on at least half the rows (an
// export always has the columns; whether the team plans with them shows in
// the values), else an issue list (or the only kind the preset knows).
func (p *preset) kindFor(g *Grid, row int, cols []Column) project.Kind {
	if wbs := p.fields[project.KindWBS]; wbs != nil && len(p.Schedule) > 0 {
		h := &header{rows: []int{row}}
		rows := 0
		for i := range g.Rows {
			if n := g.Rows[i].Num; n > row && n <= row+profileRows {
				rows++
			}
		}
		planned := len(p.Schedule) > 0
		for _, f := range p.Schedule {
			i := slices.IndexFunc(cols, func(c Column) bool { return wbs[c.key] == f })
			if i < 0 || 2*filled(g, h, cols[i].Col) < rows {
				planned = false
			}
		}
		if planned {
			return project.KindWBS
		}
	}
	for _, k := range []project.Kind{project.KindIssues, project.KindWBS, project.KindRisks} {
		if p.fields[k] != nil {
			return k
		}
	}
	return ""
}

// presetHeader looks for a tool export's header row in the first rows of
// g and maps it by the tool's preset: the preset's columns are fixed, the
// others are scored as usual. It returns nil when no preset matches.
func presetHeader(g *Grid, kind project.Kind, sc scorer, area Range) *header {
	ps, err := loadPresets()
	if err != nil || len(ps) == 0 {
		return nil
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		if r.Num < area.Row1 {
			continue
		}
		if r.Num > area.Row2 {
			break
		}
		if stringCells(g, r) < 3 {
			continue
		}
		keys := map[string]bool{}
		for c := range g.cellsOf(r) {
			if c.Kind == String {
				keys[value.Key(c.Str)] = true
			}
		}
		for _, p := range ps {
			if !p.matches(keys) {
				continue
			}
			cols := labelsFor(g, r.Num, 1, area.Col1, area.Col2)
			k := kind
			if k == "" {
				k = p.kindFor(g, r.Num, cols)
			}
			idx := p.fields[k]
			if idx == nil {
				continue
			}
			fixed := map[int]string{}
			taken := map[string]bool{}
			for _, c := range cols {
				// A repeated column name (Jira's Sprint, Sprint) maps once.
				if f, ok := idx[c.key]; ok && (!taken[f] || multiFields[f]) {
					fixed[c.Col] = f
					taken[f] = true
				}
			}
			// Columns the tool fills with something else than the field of
			// the same name (Backlog's マイルストーン is a version) stay out.
			cols = slices.DeleteFunc(cols, func(c Column) bool { return slices.Contains(p.Ignore, c.key) && fixed[c.Col] == "" })
			_, mapped := assign(sc, k, cols, fixed)
			if !hasKeyField(mapped) {
				continue
			}
			return &header{kind: k, rows: []int{r.Num}, cols: mapped, score: float64(len(fixed)), tool: p.Tool, effortDays: p.daysPer(), area: area}
		}
	}
	return nil
}
