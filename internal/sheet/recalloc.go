package sheet

import (
	"slices"

	"github.com/pmokit/pmo/internal/project"
)

// How a table's records hold their values: the names lists the records
// of one table share, instead of an allocation of their own for each.
// project.Cells and project.Layout do the same for cell references and
// positions; numbers are values (project.Num), with no allocation at all.

func (v rowValues) people(field string) []string {
	ps := v.of(field)
	if len(ps) == 1 {
		return v.rr.names.share(ps[0]).list
	}
	return mergePeople(ps)
}

// names is people for a project.Names field (a task's assignees): the
// list a single column's text gives is shared with its Names, so the
// records naming the same people hold one pointer to one list.
func (v rowValues) names(field string) project.Names {
	ps := v.of(field)
	if len(ps) == 1 {
		return v.rr.names.share(ps[0]).names
	}
	return project.NamesOf(mergePeople(ps))
}

// mergePeople returns the names of ps's columns, each once, in order.
func mergePeople(ps []parsed) []string {
	var out []string
	for _, p := range ps {
		for _, n := range p.people {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// num returns field's number for a record's project.Num field; not
// given when the row has none.
func (v rowValues) num(field string) project.Num {
	n, ok := v.number(field)
	if !ok {
		return project.Num{}
	}
	return project.NumOf(n)
}

// number returns field's number; ok is false when the row has none.
func (v rowValues) number(field string) (float64, bool) {
	p, ok := v.first(field)
	return p.num, ok && p.hasNum
}

// nameLists shares the names lists of a table's records: a team's sheet
// names the same few people on thousands of rows, and a list of its own
// for each is 16 bytes or more a record. Only what reads the same text
// shares, and a shared list is clipped, so appending to one record's
// names never changes another's. It keeps at most maxShared texts.
type nameLists map[string]sharedNames

// sharedNames is one text's names, as a list and as the project.Names
// that points at it.
type sharedNames struct {
	list  []string
	names project.Names
}

const maxShared = 4096

func (n *nameLists) share(p parsed) sharedNames {
	if len(p.people) == 0 {
		return sharedNames{list: p.people}
	}
	if l, ok := (*n)[p.text]; ok {
		return l
	}
	if *n == nil {
		*n = nameLists{}
	}
	l := slices.Clip(p.people)
	sh := sharedNames{list: l, names: project.NamesOf(l)}
	if len(*n) < maxShared {
		(*n)[p.text] = sh
	}
	return sh
}

// cells says where each field was read from: the filled cell, or the
// first (empty) column of the field, so a finding about a missing owner
// or due date can point at the cell to fill in. Most fields come from
// the record's own row at the field's first column, which the table's
// layout already says; only the others are kept per record.
func (v rowValues) cells() project.Cells {
	g := v.rr.g
	base := g.posRow(v.row) // for CSV, the line
	out := v.rr.layout.Cells(base)
	for _, s := range v.rr.slots {
		if s.index < 0 {
			continue
		}
		// Slots are distinct fields, so each is set once; the field number
		// was looked up once per column.
		ps := v.ps[s.start : s.start+len(s.cols)]
		p := ps[0]
		for _, q := range ps {
			if q.set {
				p = q
				break
			}
		}
		// As rr.pos(p) gives it, without building a diag.Pos per field.
		if row, col := g.posRow(int(p.row)), int(p.col); row != base || col != s.cols[0] {
			out.SetIndex(s.index, row, col) // not where the layout says
		}
	}
	return out
}
