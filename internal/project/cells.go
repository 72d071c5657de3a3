package project

import "github.com/pmokit/pmo/internal/diag"

// fieldNames numbers every standard field so a record can say compactly
// which cell each field came from.
var fieldNames = [...]string{
	"wbs_id", "level", "name", "team", "assignee", "planned_start", "planned_finish",
	"actual_start", "actual_finish", "planned_effort", "actual_effort", "progress",
	"status", "milestone", "predecessors", "deliverable", "notes",
	"id", "title", "description", "category", "priority", "raised_on", "raised_by",
	"owner", "due", "closed_on", "resolution", "related_task",
	"probability", "impact", "score", "mitigation",
	"meeting", "planned_on", "executed_on", "result", "tester", "defect",
	"day", "planned_count", "executed_count", "passed_count", "failed_count",
}

func fieldNumber(name string) int {
	for i, f := range fieldNames {
		if f == name {
			return i
		}
	}
	return -1
}

// FieldIndex returns the number CellRef.Field gives field, or -1 for a
// field that is not a standard one; a reader looks it up once per column
// rather than once per record.
func FieldIndex(field string) int { return fieldNumber(field) }

// CellRef says which cell of the record's sheet a field was read from.
type CellRef struct {
	Field    uint8
	Row, Col int32
}

// Cells lists where a record's fields were read from: a few bytes per
// field, since a 50,000-row sheet keeps one per field per record.
type Cells []CellRef

// Set records that field came from row, col, replacing an earlier entry.
func (c *Cells) Set(field string, row, col int) {
	n := fieldNumber(field)
	if n < 0 {
		return
	}
	for i := range *c {
		if int((*c)[i].Field) == n {
			(*c)[i].Row, (*c)[i].Col = int32(row), int32(col)
			return
		}
	}
	*c = append(*c, CellRef{Field: uint8(n), Row: int32(row), Col: int32(col)})
}

// Find returns the cell field was read from.
func (c Cells) Find(field string) (row, col int, ok bool) {
	n := fieldNumber(field)
	for _, r := range c {
		if int(r.Field) == n {
			return int(r.Row), int(r.Col), true
		}
	}
	return 0, 0, false
}

// Has reports whether the record's sheet has a column for field.
func (c Cells) Has(field string) bool {
	_, _, ok := c.Find(field)
	return ok
}

// cell returns the position of field's cell, or the record's row when the
// field was not read from a cell of its own.
func cell(cells Cells, src diag.Pos, field string) diag.Pos {
	if row, col, ok := cells.Find(field); ok {
		p := src
		p.Row, p.Col = row, col // for CSV, Row already holds the line
		return p
	}
	return src
}
