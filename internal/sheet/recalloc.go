package sheet

import (
	"slices"

	"github.com/pmokit/pmo/internal/project"
)

// How a table's records hold their values: the names lists and numbers
// the records of one table share or draw from one place, instead of an
// allocation of their own for each (a 50,000-row WBS has 150,000
// numbers). project.Cells and project.Layout do the same for cell
// references and positions.

func (v rowValues) people(field string) []string {
	ps := v.of(field)
	if len(ps) == 1 {
		return v.rr.names.share(ps[0])
	}
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

// num returns field's number for a record's *float64 field; nil when the
// row has none. The numbers come from the reader's slab.
func (v rowValues) num(field string) *float64 {
	n, ok := v.number(field)
	if !ok {
		return nil
	}
	return v.rr.nums.put(n)
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
type nameLists map[string][]string

const maxShared = 4096

func (n *nameLists) share(p parsed) []string {
	if len(p.people) == 0 {
		return p.people
	}
	if l, ok := (*n)[p.text]; ok {
		return l
	}
	if *n == nil {
		*n = nameLists{}
	}
	l := slices.Clip(p.people)
	if len(*n) < maxShared {
		(*n)[p.text] = l
	}
	return l
}

// numSlab hands out the numbers of a table's records from shared chunks:
// a task has up to three (efforts and progress), and an allocation of
// its own for each is 150,000 allocations in a 50,000-row sheet. Each
// number still has its own slot, so the records share no value.
type numSlab struct {
	free []float64
	next int // the size of the next chunk
}

func (s *numSlab) put(n float64) *float64 {
	if len(s.free) == 0 {
		// Chunks grow from 16 numbers, so a small table keeps little
		// unused, to 4,096 (32 KiB).
		s.next = min(max(2*s.next, 16), 4096)
		s.free = make([]float64, s.next)
	}
	p := &s.free[0]
	*p, s.free = n, s.free[1:]
	return p
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
