package sheet

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestTextsShared checks that repeated inline texts share one entry of the
// grid's text, decoded once, and that texts past the table's bounds are
// still decoded and stored, each on its own.
func TestTextsShared(t *testing.T) {
	t.Parallel()
	g := &Grid{}
	tx := texts{g: g}
	a := tx.get([]byte("完了"), 1)
	ia := tx.last
	b := tx.get([]byte("完了"), 1)
	if a != "完了" || b != a || tx.last != ia || g.text.len() != 1 {
		t.Fatalf("repeated text: %q %q at %d, %d texts", a, b, tx.last, g.text.len())
	}
	if s := tx.get([]byte("R&amp;D_x0041_"), 1); s != "R&DA" || g.text.at(tx.last) != s {
		t.Errorf("escaped text read as %q", s)
	}
	if s := tx.get([]byte("R&amp;D_x0041_"), 1); s != "R&DA" || g.text.len() != 2 {
		t.Errorf("escaped text again: %q, %d texts", s, g.text.len())
	}
	long := make([]byte, maxTextLen+1)
	for i := range long {
		long[i] = 'x'
	}
	tx.get(long, 1)
	tx.get(long, 1)
	if g.text.len() != 4 {
		t.Errorf("a text over maxTextLen is not shared: want 4 texts, have %d", g.text.len())
	}
	for i := range maxTexts + 10 {
		raw := []byte(strconv.Itoa(i) + "件")
		if s := tx.get(raw, 2+i%3); s != string(raw) || g.text.at(tx.last) != s {
			t.Fatalf("text %d read as %q", i, s)
		}
	}
	if len(tx.m) > maxTexts {
		t.Errorf("table holds %d texts, over %d", len(tx.m), maxTexts)
	}
	// Columns 2-4 never repeated: only their first texts were shared.
	if len(tx.m) > 3+3*tryTexts {
		t.Errorf("table holds %d texts; columns without repeats should stop adding after %d", len(tx.m), tryTexts)
	}
	// A column of repeats keeps sharing.
	n := g.text.len()
	for i := range 10 * tryTexts {
		tx.get([]byte(strconv.Itoa(i%8)+"番"), 9)
	}
	if g.text.len() != n+8 {
		t.Errorf("a column of 8 texts repeated added %d texts, want 8", g.text.len()-n)
	}
}

// TestStoredCellRoundTrip checks that every kind of cell reads back from
// the compact store as it was given, numbers bit for bit.
func TestStoredCellRoundTrip(t *testing.T) {
	t.Parallel()
	sst := &sharedStrings{}
	sst.add([]byte("共有"))
	g := &Grid{sst: sst}
	cells := []Cell{
		{Col: 1, Kind: Number, Num: 46113, Style: 3},
		{Col: 2, Kind: Number, Num: math.Copysign(0, -1)},
		{Col: 3, Kind: Number, Num: 0.1 + 0.2, Formula: true},
		{Col: 4, Kind: Bool, Num: 1},
		{Col: 5, Kind: String, Str: "タスク"},
		{Col: 16384, Kind: ErrorValue, Str: "#N/A", Formula: true, Style: 65535},
	}
	for _, c := range cells {
		got := g.view(g.store(c))
		if got != c || math.Signbit(got.Num) != math.Signbit(c.Num) {
			t.Errorf("stored %+v, read back %+v", c, got)
		}
	}
	if got := g.view(cell{v: sstCell | 0, col: 7, kind: String}); got.Str != "共有" || got.Col != 7 {
		t.Errorf("shared string read as %+v", got)
	}
}

// TestTextStoreBlocks adds texts of every length up to past longText,
// as bytes and as strings, across many blocks, and reads each back: the
// text at its place, and the string add returned, unchanged by all the
// texts added after it.
func TestTextStoreBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	var ts textStore
	var at []uint64
	var got, want []string
	for i := range 20000 {
		n := rnd.IntN(200)
		if i%50 == 0 {
			n = longText - 2 + rnd.IntN(5) // around the long-text threshold
		}
		b := make([]byte, n)
		for j := range b {
			b[j] = byte(rnd.IntN(256))
		}
		var p uint64
		var s string
		if i%2 == 0 {
			p, s = add(&ts, b)
		} else {
			p, s = add(&ts, string(b))
		}
		at, got, want = append(at, p), append(got, s), append(want, string(b))
	}
	for i := range at {
		if ts.at(at[i]) != want[i] || got[i] != want[i] {
			t.Fatalf("text %d (%d bytes) read back wrong", i, len(want[i]))
		}
	}
	if ts.len() != len(want) || len(ts.blocks) < 50 {
		t.Errorf("%d texts in %d blocks", ts.len(), len(ts.blocks))
	}
}
