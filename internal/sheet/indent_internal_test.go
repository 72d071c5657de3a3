package sheet

import (
	"testing"

	"github.com/pmokit/pmo/internal/project"
)

// indentGrid is n tasks whose names each carry their own cell indent, in
// reverse order: n distinct indents, the worst case of the old ranking
// (30,000 took 8.5 s, quadratic).
func indentGrid(n int) (*Grid, []project.Task) {
	g := &Grid{Name: "WBS", Styles: make([]Style, n)}
	ts := make([]project.Task, n)
	for i := range n {
		g.Styles[i] = Style{Indent: n - i}
		g.staged = append(g.staged, stagedRow{Num: i + 1, cells: []cell{g.store(Cell{Col: 1, Kind: String, Str: "t", Style: uint16(i)})}})
		ts[i].Cells.Set("name", i+1, 1)
	}
	g.pack()
	return g, ts
}

func TestIndentLevelsRank(t *testing.T) {
	g, ts := indentGrid(5)
	got := indentLevels(g, ts)
	for i, want := range []int{5, 4, 3, 2, 1} {
		if got[i] != want {
			t.Fatalf("levels %v, want 5 4 3 2 1", got)
		}
	}
	// Equal indents share a level; gaps close up.
	g.Styles[1].Indent, g.Styles[3].Indent = 5, 9
	if got := indentLevels(g, ts); got[0] != got[1] || got[3] != 4 {
		t.Errorf("levels %v", got)
	}
}

// BenchmarkIndentLevels ranks 30,000 distinct indents (uint16 styles
// allow 65,536).
func BenchmarkIndentLevels(b *testing.B) {
	g, ts := indentGrid(30_000)
	b.ResetTimer()
	for b.Loop() {
		indentLevels(g, ts)
	}
}
