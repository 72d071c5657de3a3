package sheet

import (
	"slices"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// readPlan turns the tasks of an MS Project XML or GanttProject file into
// one table, shaped like a table read from a sheet: the "sheet" is the task
// element and each column names the element a field comes from.
func readPlan(b *Book, opt Options) (*Result, error) {
	p := b.plan
	at := diag.Pos{File: b.File}
	if opt.Kind != "" && opt.Kind != project.KindWBS {
		return nil, diag.Errorf(at, "a project plan holds tasks (wbs), not %s", opt.Kind)
	}
	if len(opt.Columns) > 0 || len(opt.HeaderRows) > 0 {
		return nil, diag.Errorf(at, "columns and header_rows do not apply to a project plan file; its fields are fixed by its format")
	}
	t := &Table{Sheet: p.Element, Kind: project.KindWBS, HeaderRows: []int{}, Count: len(p.Tasks)}
	for i, c := range p.Columns {
		t.Columns = append(t.Columns, Column{Col: i + 1, Letter: c.Element, Header: c.Element, Field: c.Field})
	}
	t.Tasks = slices.Clone(p.Tasks)
	for i := range t.Tasks {
		t.Tasks[i].Team = opt.Team
	}
	return &Result{File: b.File, Tables: []*Table{t}, Findings: slices.Clone(p.Findings)}, nil
}
