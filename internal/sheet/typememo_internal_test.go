package sheet

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/date"
)

// TestTypeMemoReadsAsAfresh reads tables whose cells repeat — among them
// values that make a finding (dates that are not dates, error values, odd
// progress scales, a date where a name belongs) and periods in one cell —
// with and without the typing memo, piped and in turn: records, counts
// and findings, in their order, must be the same.
func TestTypeMemoReadsAsAfresh(t *testing.T) {
	t.Parallel()
	csvOf := func(rows [][]any) []byte {
		var b []byte
		for _, r := range rows {
			for i, v := range r {
				if i > 0 {
					b = append(b, ',')
				}
				if v != nil {
					b = append(b, fmt.Sprint(v)...)
				}
			}
			b = append(b, '\n')
		}
		return b
	}
	opt := Options{From: date.Of(2026, 1, 5), To: date.Of(2026, 12, 25), Near: date.Of(2026, 6, 1)}
	for _, n := range []int{40, 900, pipeFrom + pipeChunk + 5} {
		for _, tc := range []struct {
			name string
			rows [][]any
		}{
			{"wbs.csv", wbsRows(n)},
			{"pairs.csv", pairRows(n)},
			{"issues.csv", issueRows(n)},
		} {
			t.Run(fmt.Sprint(tc.name, n), func(t *testing.T) {
				read := func(noMemo bool) *Result {
					b, err := Parse(tc.name, csvOf(tc.rows), OpenOptions{})
					if err != nil {
						t.Fatal(err)
					}
					o := opt
					o.noMemo = noMemo
					res, err := Read(b, o)
					if err != nil {
						t.Fatal(err)
					}
					return res
				}
				memo, afresh := read(false), read(true)
				if len(afresh.Findings) < n/30 {
					t.Errorf("only %d findings: the rows should say more", len(afresh.Findings))
				}
				sameRead(t, memo, afresh, "with the memo", "without")
			})
		}
	}
}

// TestTypeMemoBounded gives a memo a cell in every column of tables from
// one to 20,000 columns wide: its entries stay within memoEntries, and
// the columns past them get no table.
func TestTypeMemoBounded(t *testing.T) {
	for _, tc := range []struct{ width, rows int }{{1, 10}, {18, 50000}, {40, 1 << 20}, {20000, 1100}, {20000, 5000}} {
		m := newTypeMemo(tc.width, tc.rows)
		withTable := 0
		for k := range tc.width {
			if m.slot(k, cell{kind: Number, v: 42}) != nil {
				withTable++
			}
		}
		total := 0
		for _, t := range m.cols {
			total += len(t)
		}
		if total > memoEntries || total != memoEntries-m.left {
			t.Errorf("%d columns, %d rows: %d entries (%d left), at most %d", tc.width, tc.rows, total, m.left, memoEntries)
		}
		if size := 1 << (64 - m.shift); withTable != min(tc.width, memoEntries/size) {
			t.Errorf("%d columns, %d rows: %d columns memoised at %d entries each", tc.width, tc.rows, withTable, size)
		}
	}
}
