package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/report"
)

// TestTableNoWidow draws tables of 1 to 80 rows, some of two lines, below
// a heading of varying height: every row is drawn once and in order, and
// a table over more than one page never ends with its last row alone on a
// page (a widow) when the row before it could have gone there with it.
// Before, 18 projects left the 18th alone on the portfolio's third page.
func TestTableNoWidow(t *testing.T) {
	t.Parallel()
	d := &report.Document{Lang: "ja", L: report.LabelsFor("ja")}
	widows := 0
	for n := 1; n <= 80; n++ {
		for _, above := range []float64{0, 37, 101} {
			var runs []textRun
			_, _, err := draw(d, Options{}, &runs, func(w *writer) {
				w.newPage()
				w.y += above
				tb := &table{cols: []column{{label: "No", width: 20}, {label: "内容"}}}
				for i := range n {
					text := "一行"
					if i%3 == 1 {
						text = strings.Repeat("二行になる長さの説明文です。", 12)
					}
					tb.rows = append(tb.rows, []cell{{text: fmt.Sprintf("row-%d", i)}, {text: text}})
				}
				w.table(tb, marginX, contentW)
			})
			if err != nil {
				t.Fatal(err)
			}
			perPage := map[int]int{}
			next, last := 0, 0
			for _, r := range runs {
				if rest, ok := strings.CutPrefix(r.s, "row-"); ok {
					if rest != fmt.Sprint(next) {
						t.Fatalf("%d rows, %.0f mm down: row-%s drawn where row-%d was due", n, above, rest, next)
					}
					next++
					perPage[r.page]++
					last = max(last, r.page)
				}
			}
			if next != n {
				t.Fatalf("%d rows, %.0f mm down: %d drawn", n, above, next)
			}
			if n > 1 && len(perPage) > 1 && perPage[last] == 1 {
				widows++
				t.Errorf("%d rows, %.0f mm down: the last row is alone on page %d (%v)", n, above, last, perPage)
			}
		}
	}
	t.Logf("%d widows", widows)
}
