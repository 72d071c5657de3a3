package project

import (
	"testing"

	"github.com/pmokit/pmo/internal/diag"
)

// TestCellsLayout checks that a record's cells read through its table's
// layout, that Set overrides the layout and earlier Sets, and that the
// zero value and fields outside the layout behave as a plain list would.
func TestCellsLayout(t *testing.T) {
	t.Parallel()
	l := NewLayout(diag.Pos{}, []string{"name", "not_a_field", "due", "owner"}, []int{2, 3, 7, 5})
	c := l.Cells(12)
	find := func(field string) [3]any {
		r, col, ok := c.Find(field)
		return [3]any{r, col, ok}
	}
	for _, tc := range []struct {
		field string
		want  [3]any
	}{{"name", [3]any{12, 2, true}}, {"due", [3]any{12, 7, true}}, {"owner", [3]any{12, 5, true}}, {"status", [3]any{0, 0, false}}, {"not_a_field", [3]any{0, 0, false}}} {
		if got := find(tc.field); got != tc.want {
			t.Errorf("layout: Find(%s) = %v, want %v", tc.field, got, tc.want)
		}
	}
	c.Set("due", 10, 7) // a merge's first cell
	c.Set("status", 12, 9)
	c.Set("name", 12, 2) // what the layout says: nothing kept
	if len(c.refs()) != 2 {
		t.Errorf("own entries %v, want due and status only", c.refs())
	}
	c.Set("due", 11, 8)
	if got, want := find("due"), [3]any{11, 8, true}; got != want {
		t.Errorf("after Set: Find(due) = %v, want %v", got, want)
	}
	c.Set("due", 12, 7) // back to the layout's cell, still said
	if got, want := find("due"), [3]any{12, 7, true}; got != want {
		t.Errorf("after Set back: Find(due) = %v, want %v", got, want)
	}
	if got, want := find("status"), [3]any{12, 9, true}; got != want || !c.Has("status") || c.Has("impact") {
		t.Errorf("Find(status) = %v, want %v; Has(status) %v, Has(impact) %v", got, want, c.Has("status"), c.Has("impact"))
	}
	var z Cells
	if z.Has("name") {
		t.Error("the zero value has a name cell")
	}
	z.Set("name", 3, 4)
	z.Set("bogus", 1, 1)
	if r, col, ok := z.Find("name"); r != 3 || col != 4 || !ok || z.Has("bogus") {
		t.Errorf("zero value after Set: Find(name) = %d, %d, %v", r, col, ok)
	}
	task := Task{Cells: c}
	task.SetSource(diag.Pos{File: "f.xlsx", Sheet: "WBS", Row: 12})
	if p := task.Cell("owner"); p.Row != 12 || p.Col != 5 || p.File != "f.xlsx" {
		t.Errorf("Task.Cell(owner) = %+v", p)
	}
}

// TestSourceFromCells checks that a record's Source is its table's file
// and sheet with its own row, that SetSource replaces it whole while the
// field cells stay, and that a bare layout's records know no column.
func TestSourceFromCells(t *testing.T) {
	at := diag.Pos{File: "f.xlsx", Sheet: "WBS", Row: 99, Col: 9} // row and column are not the table's
	l := NewLayout(at, []string{"name", "due"}, []int{2, 7})
	task := Task{Cells: l.Cells(12)}
	if got, want := task.Source(), (diag.Pos{File: "f.xlsx", Sheet: "WBS", Row: 12}); got != want {
		t.Errorf("Source() = %+v, want %+v", got, want)
	}
	csv := Task{Cells: NewLayout(diag.Pos{File: "p.csv", CSV: true}, []string{"name"}, []int{1}).Cells(6)}
	if got := csv.Source().String(); got != "p.csv:6" {
		t.Errorf("CSV Source() = %s", got)
	}
	task.Cells.Set("due", 13, 8)
	xml := diag.Pos{File: "p.xml", Path: diag.XMLPath("Task[UID=3]", "Name,Start"), Row: 4}
	task.SetSource(xml)
	if task.Source() != xml {
		t.Errorf("after SetSource: Source() = %+v", task.Source())
	}
	if p := task.Cell("due"); p.Row != 13 || p.Col != 8 || p.File != "p.xml" {
		t.Errorf("after SetSource: Cell(due) = %+v", p)
	}
	if p := task.Cell("name"); p.Row != 12 || p.Col != 2 {
		t.Errorf("after SetSource: Cell(name) = %+v, want the layout's cell", p)
	}
	bare := Task{Cells: l.Bare().Cells(20)}
	if bare.Cells.Has("name") || bare.Source().Row != 20 || bare.Source().Sheet != "WBS" {
		t.Errorf("bare layout: Has(name) %v, Source %+v", bare.Cells.Has("name"), bare.Source())
	}
	if (Task{}).Cells.source() != (diag.Pos{}) || (&Issue{Cells: SourceAt(xml)}).Source() != xml {
		t.Error("zero Cells or SourceAt give the wrong Source")
	}
}
