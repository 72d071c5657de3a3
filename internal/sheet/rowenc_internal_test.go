package sheet

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// TestRowEncoding stores rows of every kind of cell and value (numbers
// that are integers, decimals, neither, -0, NaN, infinities; texts by
// either table; duplicate and far-apart columns; fills) and reads them
// back: every cell and fill must come back bit for bit, and find must
// pick the cell findCell picks in the decoded row.
func TestRowEncoding(t *testing.T) {
	nums := []float64{0, math.Copysign(0, -1), 1, -1, 46000, -46000, 0.5, 0.35, 1.25, 12.3456, 1e-5, 1e15, 1 << 53, -(1 << 53), 1<<53 + 2, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0x7ff8000000000001), 0.1 + 0.2, 3.14159, 123456.789, math.SmallestNonzeroFloat64}
	rnd := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		var cs []cell
		col := uint16(0)
		for range rnd.IntN(30) {
			col = nextCol(rnd, col, 3000)
			c := cell{col: max(col, 1), style: uint16(rnd.IntN(3) * rnd.IntN(70000)), formula: rnd.IntN(5) == 0}
			switch rnd.IntN(7) {
			case 0, 1:
				c.kind, c.v = Number, math.Float64bits(nums[rnd.IntN(len(nums))])
			case 2:
				c.kind, c.v = Number, rnd.Uint64()
			case 3:
				c.kind, c.v = String, uint64(rnd.IntN(1<<20))
			case 4:
				c.kind, c.v = String, sstCell|uint64(rnd.IntN(1<<24))
			case 5:
				c.kind, c.v = ErrorValue, uint64(rnd.IntN(3))|uint64(rnd.IntN(2))<<63
			default:
				c.kind, c.v = Bool, math.Float64bits(float64(rnd.IntN(2)))
			}
			cs = append(cs, c)
		}
		slices.SortStableFunc(cs, func(a, b cell) int { return int(a.col) - int(b.col) })
		var fills []FillCell
		for range rnd.IntN(4) {
			fills = append(fills, FillCell{Col: uint16(1 + rnd.IntN(16384)), Fill: uint16(1 + rnd.IntN(60000))})
		}
		slices.SortFunc(fills, byFillCol)
		g := &Grid{}
		g.staged = []stagedRow{{Num: 7, Outline: 3, Hidden: true, cells: cs, Fills: fills}}
		g.pack()
		r := &g.Rows[0]
		if r.Num != 7 || r.Outline != 3 || !r.Hidden {
			t.Fatalf("trial %d: row %+v", trial, r)
		}
		if got := g.decoded(r, nil); !slices.Equal(got, cs) && len(cs) > 0 {
			t.Fatalf("trial %d: cells\n got %+v\nwant %+v", trial, got, cs)
		}
		if got := g.fillsOf(r); !slices.Equal(got, fills) {
			t.Fatalf("trial %d: fills %+v, want %+v", trial, got, fills)
		}
		for probe := 0; probe <= int(col)+2 && probe < 20000; probe += 1 + rnd.IntN(40) {
			i, ok := findCell(cs, probe)
			got, gotOK := g.find(r, probe)
			if ok != gotOK || ok && got != cs[i] {
				t.Fatalf("trial %d: find(%d) = %+v %v, findCell %d %v in %+v", trial, probe, got, gotOK, i, ok, cs)
			}
		}
		if n := len(cs); n > 0 && g.MaxCol() != int(cs[n-1].col) {
			t.Fatalf("trial %d: MaxCol %d, want %d", trial, g.MaxCol(), cs[n-1].col)
		}
	}
}

// TestFindDuplicateColumns pins which cell a row with a column written
// twice gives: the one at index col-1 when it is there (as a row with
// every column filled holds column c), else the first.
func TestFindDuplicateColumns(t *testing.T) {
	cs := []cell{{col: 1, kind: Number, v: 1}, {col: 3, kind: Number, v: 2}, {col: 3, kind: Number, v: 3}, {col: 5, kind: Number, v: 4}, {col: 5, kind: Number, v: 5}}
	g := &Grid{staged: []stagedRow{{Num: 1, cells: cs}}}
	g.pack()
	for col, want := range map[int]uint64{1: 1, 3: 3, 5: 5} {
		if c, ok := g.find(&g.Rows[0], col); !ok || c.v != want {
			t.Errorf("find(%d) = %+v %v, want v %d", col, c, ok, want)
		}
	}
}

// TestRowSize pins a stored row at 16 bytes without a pointer: a sheet
// filled to Excel's last row holds a million of them.
func TestRowSize(t *testing.T) {
	if n := unsafe.Sizeof(Row{}); n != 16 {
		t.Errorf("Row is %d bytes, want 16", n)
	}
}

// TestArenaRefs stores rows of every size, from one byte to several
// chunks, and reads each back by its ref.
func TestArenaRefs(t *testing.T) {
	var a rowArena
	rnd := rand.New(rand.NewPCG(5, 6))
	var refs []uint32
	var want [][]byte
	for i := range 3000 {
		n := 1 + rnd.IntN(300)
		if i%100 == 0 {
			n = bigRow - 1 + rnd.IntN(3*arenaChunk)
		}
		b := make([]byte, n)
		for j := range b {
			b[j] = byte(rnd.IntN(256))
		}
		refs, want = append(refs, a.store(b)), append(want, b)
	}
	for i, r := range refs {
		if got := a.bytes(r); len(got) < len(want[i]) || !slices.Equal(got[:len(want[i])], want[i]) {
			t.Fatalf("row %d (%d bytes) read back wrong", i, len(want[i]))
		}
	}
	if a.store(nil) != noRef || a.bytes(noRef) != nil {
		t.Error("an empty row must be stored as noRef")
	}
}

// nextCol returns the column of a random row's next cell after col: the
// next one, col itself again (a column written twice), or up to gap on.
func nextCol(rnd *rand.Rand, col uint16, gap int) uint16 {
	switch rnd.IntN(4) {
	case 0:
		return col + 1
	case 1:
		return col
	}
	return col + uint16(1+rnd.IntN(gap))
}
