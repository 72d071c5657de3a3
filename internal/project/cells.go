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

// Layout is where the fields of one table are: a column per field, shared
// by every record read from the table, so a record keeps only its row and
// the fields read from elsewhere (a merged cell's first cell). A 50,000-row
// sheet of 18 fields otherwise keeps 900,000 cell references.
//
// It also holds what every record of the table shares of its position,
// the file and sheet, so a record's Source is its Layout's and its row:
// 16 bytes of Cells instead of a 72-byte diag.Pos in every record.
//
// A record with cells of its own (a merge, a 予定/実績 pair) has a Layout
// of its own too, which points at its table's and adds those cells.
type Layout struct {
	t   *table
	own []CellRef // the record's own cells; nil in a table's layout
}

// table is what every record of one table shares.
type table struct {
	refs []CellRef // Row unused
	at   diag.Pos  // the table's file and sheet; Row and Col unused
	// exact marks a layout made for one record's position (SetSource),
	// which at holds whole.
	exact bool
}

// NewLayout returns the layout of fields (standard field names; others are
// left out) at the given columns of the table at (its file and sheet, or
// for a CSV file its name; at's row and column are not used).
func NewLayout(at diag.Pos, fields []string, cols []int) *Layout {
	t := &table{at: at}
	t.at.Row, t.at.Col = 0, 0
	for i, f := range fields {
		if n := fieldNumber(f); n >= 0 {
			t.refs = append(t.refs, CellRef{Field: uint8(n), Col: int32(cols[i])})
		}
	}
	return &Layout{t: t}
}

// Cells returns the cells of a record on row that read every field from
// the layout's column.
func (l *Layout) Cells(row int) Cells { return Cells{layout: l, row: int32(row)} }

// Bare returns a layout of the same table without its fields, for the
// records that read none from its columns (a summary task made up of a
// name column): their Cells know their source and only the cells set on
// them.
func (l *Layout) Bare() *Layout { return &Layout{t: &table{at: l.t.at}} }

// col returns the table's column for the field numbered field; ok is
// false when the layout has none (or there is no layout).
func (l *Layout) col(field uint8) (int32, bool) {
	if l == nil || l.t == nil {
		return 0, false
	}
	for _, r := range l.t.refs {
		if r.Field == field {
			return r.Col, true
		}
	}
	return 0, false
}

// Cells says where a record's fields were read from: its row and its
// table's Layout, and for each field read from another cell (or set
// later) that cell. The zero value knows no cell.
//
// It is one pointer and the row, 16 bytes: few records have cells of
// their own, and those that do have a Layout of their own holding them
// rather than a second pointer every record would carry. Set never
// changes a Layout another copy of the Cells may share; it makes a new
// one.
type Cells struct {
	layout *Layout
	row    int32
}

// refs returns the cells of the record's own.
func (c Cells) refs() []CellRef {
	if c.layout == nil {
		return nil
	}
	return c.layout.own
}

// SourceAt returns the Cells of a record read at p that knows no cell of
// its own: Source gives p, and every field's Cell p too.
func SourceAt(p diag.Pos) Cells {
	var c Cells
	c.setSource(p)
	return c
}

// source returns the position of the record: its table's and its row,
// or the one SetSource gave it; the zero Pos when it has neither.
func (c Cells) source() diag.Pos {
	if c.layout == nil || c.layout.t == nil {
		return diag.Pos{}
	}
	p := c.layout.t.at
	if !c.layout.t.exact {
		p.Row = int(c.row)
	}
	return p
}

// setSource makes p the record's position, keeping where its fields were
// read from.
func (c *Cells) setSource(p diag.Pos) {
	t := &table{at: p, exact: true}
	l := &Layout{t: t}
	if c.layout != nil {
		l.own = c.layout.own
		if c.layout.t != nil {
			t.refs = c.layout.t.refs
		}
	}
	c.layout = l
}

// Set records that field came from row, col, replacing an earlier entry.
func (c *Cells) Set(field string, row, col int) {
	n := fieldNumber(field)
	if n < 0 {
		return
	}
	c.SetIndex(n, row, col)
}

// SetIndex is Set for the field numbered n (FieldIndex); a reader looks
// the number up once per column.
func (c *Cells) SetIndex(n, row, col int) {
	if n < 0 || n > 255 {
		return
	}
	if l, ok := c.layout.col(uint8(n)); ok && int(c.row) == row && int(l) == col && !c.hasOwn(uint8(n)) {
		return // what the layout says already
	}
	old := c.refs()
	own := make([]CellRef, len(old), len(old)+1)
	copy(own, old)
	l := &Layout{own: own}
	if c.layout != nil {
		l.t = c.layout.t
	}
	c.layout = l
	for i := range own {
		if int(own[i].Field) == n {
			own[i].Row, own[i].Col = int32(row), int32(col)
			return
		}
	}
	l.own = append(own, CellRef{Field: uint8(n), Row: int32(row), Col: int32(col)})
}

func (c Cells) hasOwn(n uint8) bool {
	for _, r := range c.refs() {
		if r.Field == n {
			return true
		}
	}
	return false
}

// Find returns the cell field was read from.
func (c Cells) Find(field string) (row, col int, ok bool) {
	n := fieldNumber(field)
	if n < 0 {
		return 0, 0, false
	}
	for _, r := range c.refs() {
		if int(r.Field) == n {
			return int(r.Row), int(r.Col), true
		}
	}
	if l, ok := c.layout.col(uint8(n)); ok {
		return int(c.row), int(l), true
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
