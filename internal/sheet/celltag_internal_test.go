package sheet

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPlainCellTagReadsAsCellAttrs builds <c> attribute texts from the
// pieces writers and damaged files write — r, s and t in any order,
// repeated, empty, with odd values, other attributes, other spacing —
// and checks that wherever plainCellTag reads one, it reads what
// cellAttrs, colOf and cellKindOf read.
func TestPlainCellTagReadsAsCellAttrs(t *testing.T) {
	refs := []string{"A1", "B2426", "XFD1048576", "XFE1", "AAAA1", "a3", "1", "", "A", "A1B", "Ω1", "ZZZZZZZZZZ9"}
	styles := []string{"0", "1", "12", "999999999", "1000000000", "", "-1", "1e3", " 1", "x"}
	types := []string{"s", "str", "inlineStr", "b", "e", "n", "d", "", "S", "inlinestr"}
	rnd := rand.New(rand.NewPCG(5, 6))
	read := 0
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(5) {
			sp := " "
			if rnd.IntN(20) == 0 {
				sp = []string{"", "  ", "\t", "\n"}[rnd.IntN(4)]
			}
			b.WriteString(sp)
			q := `"`
			if rnd.IntN(30) == 0 {
				q = "'"
			}
			switch rnd.IntN(8) {
			case 0, 1:
				b.WriteString("r=" + q + refs[rnd.IntN(len(refs))] + q)
			case 2, 3:
				b.WriteString("s=" + q + styles[rnd.IntN(len(styles))] + q)
			case 4, 5:
				b.WriteString("t=" + q + types[rnd.IntN(len(types))] + q)
			case 6:
				b.WriteString([]string{`vm="1"`, `cm="2"`, `r = "C3"`, `x14ac:dyDescent="0.25"`, `t="s`, `s=`}[rnd.IntN(6)])
			}
		}
		if rnd.IntN(10) == 0 {
			b.WriteString(" ")
		}
		a := []byte(b.String())
		col, style, kind, ok := plainCellTag(a)
		if !ok {
			continue
		}
		read++
		ref, wantStyle, typ := cellAttrs(a)
		wantCol := 0
		if ref != nil {
			wantCol = colOf(ref)
		}
		if col != wantCol || style != wantStyle || kind != cellKindOf(typ) {
			t.Fatalf("%q: plainCellTag %d %d %d, cellAttrs %d %d %d", a, col, style, kind, wantCol, wantStyle, cellKindOf(typ))
		}
	}
	if read < 2000 {
		t.Fatalf("plainCellTag read only %d of the tags", read)
	}
}
