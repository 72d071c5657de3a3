package sheet

import "slices"

func sortRows(g *Grid) {
	slices.SortStableFunc(g.staged, func(a, b stagedRow) int { return a.Num - b.Num })
	// Merge duplicate row elements, which some writers emit.
	out := g.staged[:0]
	for _, r := range g.staged {
		if n := len(out); n > 0 && out[n-1].Num == r.Num {
			out[n-1].cells = append(out[n-1].cells, r.cells...)
			out[n-1].wide = append(out[n-1].wide, r.wide...)
			continue
		}
		out = append(out, r)
	}
	g.staged = out
}

func sortCells(cs []Cell) { slices.SortStableFunc(cs, byCol) }

func byCol(a, b Cell) int { return int(a.Col) - int(b.Col) }

func sortStored(cs []cell) {
	slices.SortStableFunc(cs, func(a, b cell) int { return int(a.col) - int(b.col) })
}
