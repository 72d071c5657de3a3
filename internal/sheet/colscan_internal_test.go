package sheet

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCellsAtFinds walks random rows — columns far apart, adjacent and
// written twice or more — for random sets of columns: cellsAt must give
// each column the cell Row.find gives it.
func TestCellsAtFinds(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for trial := range 3000 {
		var cs []cell
		col := uint16(0)
		for range rnd.IntN(25) {
			col = nextCol(rnd, col, 6)
			cs = append(cs, cell{col: max(col, 1), kind: Number, v: uint64(len(cs) + 1)})
		}
		g := &Grid{staged: []stagedRow{{Num: 1, cells: cs}}}
		g.pack()
		var cols []int
		for c := 1; c <= int(col)+3; c++ {
			if rnd.IntN(3) == 0 {
				cols = append(cols, c)
			}
		}
		if len(cols) == 0 {
			continue
		}
		at, seen := make([]cell, len(cols)), make([]bool, len(cols))
		for k := range at {
			at[k] = cell{kind: String, v: 99} // cellsAt must clear what a row before left
		}
		g.cellsAt(&g.Rows[0], cols, at, seen)
		for k, c := range cols {
			want, ok := g.find(&g.Rows[0], c)
			if !ok {
				want = cell{}
			}
			if at[k] != want {
				t.Fatalf("trial %d: column %d: %+v, find gives %+v (row %+v, columns %v)", trial, c, at[k], want, cs, cols)
			}
		}
		if !slices.IsSorted(cols) {
			t.Fatal("columns out of order")
		}
	}
}
