package sheet

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestProfileOfDecodedRows checks that profileOf, which decodes each row
// once for all its columns, counts what looking each column up in the row
// (Grid.cellIn) gives: on random rows with gaps, every kind of cell and
// columns written twice, and past profileRows rows.
func TestProfileOfDecodedRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 7))
	for trial := range 20 {
		g := &Grid{Styles: []Style{{}, {Date: true}, {Percent: true}}}
		texts := []uint64{g.text.add("設計"), g.text.add("レビューと修正の依頼を担当者に送り、返事を待ってから次の工程に進む"), g.text.add("2026/4/1")}
		var staged []stagedRow
		for n := 1; n <= profileRows+50; n++ {
			var cs []cell
			for col := 1; col <= 12; col++ {
				for range rng.IntN(3) - (col % 2) { // 0, 1 or 2 cells at col
					c := cell{col: uint16(col), style: uint16(rng.IntN(3))}
					switch rng.IntN(4) {
					case 0:
						c.kind, c.v = Number, math.Float64bits(float64(rng.IntN(200)))
					case 1:
						c.kind, c.v = String, texts[rng.IntN(3)]
					case 2:
						c.kind, c.v = Bool, math.Float64bits(1)
					}
					cs = append(cs, c)
				}
			}
			staged = append(staged, stagedRow{Num: n, cells: cs})
		}
		g.staged = staged
		g.pack()
		h := &header{rows: []int{1}}
		cols := []int{1, 2, 3, 5, 8, 12, 13}
		want := map[int]profile{}
		rows := h.dataRows(g)
		for i := range rows[:min(len(rows), profileRows)] {
			for _, c := range cols {
				if cell := g.cellIn(&rows[i], c); cell.Kind != Empty {
					p := want[c]
					p.add(g, cell)
					want[c] = p
				}
			}
		}
		if got := profileOf(g, h, cols); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: profileOf = %+v, want %+v", trial, got, want)
		}
	}
}

// BenchmarkProfileWide profiles a table of 4,000 mapped columns (a 備考
// column repeated): once quadratic in the width, now linear.
func BenchmarkProfileWide(b *testing.B) {
	const width = 4000
	g := &Grid{}
	cols := make([]int, width)
	for i := range cols {
		cols[i] = i + 1
	}
	for n := 2; n <= profileRows+1; n++ {
		cs := make([]cell, width)
		for i := range cs {
			cs[i] = cell{col: uint16(i + 1), kind: Number, v: math.Float64bits(float64(i % 7))}
		}
		g.staged = append(g.staged, stagedRow{Num: n, cells: cs})
	}
	g.pack()
	h := &header{rows: []int{1}}
	b.ResetTimer()
	for b.Loop() {
		profileOf(g, h, cols)
	}
}
