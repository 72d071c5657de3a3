package sheet

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
)

// TestFindingsCappedPerRule: a table whose every row breaks the same rules
// lists diag.FindingsPerRule findings of each rule, in position order, then
// one finding per rule saying how many more there are (at the first one
// left out), in ja and en; the totals still count every one; a merged cell's
// repeats are not counted; the piped and in-turn reads agree.
func TestFindingsCappedPerRule(t *testing.T) {
	t.Parallel()
	const n = 3000
	var b strings.Builder
	b.WriteString("WBS,タスク名,開始日,終了日,進捗率\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,作業%d,いつか,そのうち,半分\n", i+1, i)
	}
	read := func(sequential bool) *Result {
		bk, err := Parse("w.csv", []byte(b.String()), OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Read(bk, Options{sequential: sequential})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	piped, inTurn := read(false), read(true)
	if !reflect.DeepEqual(piped.Findings, inTurn.Findings) {
		t.Fatalf("piped and in-turn reads differ: %d and %d findings", len(piped.Findings), len(inTurn.Findings))
	}
	fs := piped.Findings
	perRule := map[string]int{}
	summaries := map[string]diag.Finding{}
	for _, f := range fs {
		if f.More > 0 {
			summaries[f.Rule] = f
			continue
		}
		perRule[f.Rule]++
	}
	for _, rule := range []string{"date-unparseable", "progress-unparseable"} {
		want := n // one a row (dates: two a row)
		if rule == "date-unparseable" {
			want = 2 * n
		}
		if perRule[rule] != diag.FindingsPerRule {
			t.Errorf("%s: %d listed, want %d", rule, perRule[rule], diag.FindingsPerRule)
		}
		s, ok := summaries[rule]
		if !ok {
			t.Errorf("%s: no summary finding", rule)
			continue
		}
		if s.More != want-diag.FindingsPerRule {
			t.Errorf("%s: summary stands for %d, want %d", rule, s.More, want-diag.FindingsPerRule)
		}
		more := fmt.Sprint(want - diag.FindingsPerRule)
		if !strings.Contains(s.Message, more+" more findings like this") || !strings.Contains(s.MessageJA, "ほかに "+more+" 件") {
			t.Errorf("%s: summary %q / %q", rule, s.Message, s.MessageJA)
		}
	}
	if got, want := fs.Count(diag.Error), 3*n; got != want {
		t.Errorf("Count(error) = %d, want %d (every row's findings)", got, want)
	}
	if fs.Total() < 3*n || len(fs) > 3*diag.FindingsPerRule+10 {
		t.Errorf("Total %d over %d listed; want at least %d over at most %d", fs.Total(), len(fs), 3*n, 3*diag.FindingsPerRule+10)
	}
}
