package sheet_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// The .xls, .ods and plan readers on damaged input: every byte flip,
// truncation and splice of a valid file either reads or gives a one-line
// error naming the file — never a panic, a hang or a stray position.

// mutants returns n damaged copies of data: bytes overwritten, records
// cut short, lengths changed.
func mutants(data []byte, n int, seed uint64) [][]byte {
	rnd := rand.New(rand.NewPCG(seed, 7))
	out := make([][]byte, 0, n)
	for range n {
		m := append([]byte{}, data...)
		switch rnd.IntN(3) {
		case 0: // a few bytes overwritten
			for range 1 + rnd.IntN(8) {
				m[rnd.IntN(len(m))] = byte(rnd.UintN(256))
			}
		case 1: // cut
			m = m[:rnd.IntN(len(m))]
		default: // a 16-bit length or count set to an extreme
			i := rnd.IntN(len(m) - 1)
			v := [][2]byte{{0xFF, 0xFF}, {0, 0}, {0xFF, 0x7F}, {1, 0}}[rnd.IntN(4)]
			m[i], m[i+1] = v[0], v[1]
		}
		out = append(out, m)
	}
	return out
}

func TestDamagedFormats(t *testing.T) {
	t.Parallel()
	plan := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("plan", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"hand.xls", handXLS(t, false)},
		{"team.ods", odsFile(t, odsHead+`<office:body><office:spreadsheet><table:table table:name="WBS"><table:table-row><table:table-cell office:value-type="string"><text:p>タスク名</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>開始日</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>設計</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-04-01"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`, "")},
		{"plan.xml", plan("plan.xml")},
		{"plan.gan", plan("plan.gan")},
	}
	for _, c := range cases {
		checkRead(t, c.name, c.data, sheet.Options{})
		for i, m := range mutants(c.data, 400, uint64(len(c.name))) {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s mutant %d: panic %v", c.name, i, r)
					}
				}()
				checkRead(t, c.name, m, sheet.Options{})
			}()
		}
	}
}
