package portfolio

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
)

// TestOverloadInOneProjectIsNotThePortfolios: a person planned beyond
// capacity by one project alone is that project's own workload finding
// (its tracker's 負荷 sheet), not the portfolio's; the portfolio speaks
// when a second project's work lands in a week already over capacity,
// naming the person, both projects and that week only.
func TestOverloadInOneProjectIsNotThePortfolios(t *testing.T) {
	t.Parallel()
	w1, w2 := date.Of(2026, 11, 30), date.Of(2026, 12, 7) // Mondays
	entry := func(id string, cells ...LoadCell) Entry {
		return Entry{ID: id, Status: "ok", RAG: analyze.Green, Summary: &Summary{Start: w1, Workdays: []int{5, 5}, Load: cells}}
	}
	in := &Input{File: "portfolio.yaml", DefaultCapacity: 5}
	// a overloads 中村 in w1 on its own; b plans 中村 only in w2, within capacity.
	alone := []Entry{entry("a", LoadCell{"中村", w1, 8}), entry("b", LoadCell{"中村", w2, 2})}
	v, fs := people(in, alone)
	if len(fs) != 0 {
		t.Errorf("one project's overload became a portfolio finding: %v", fs)
	}
	if len(v.Rows) != 1 || !v.Rows[0].Over(0) || v.Rows[0].OverWeeks != 0 {
		t.Errorf("the 要員 row still shows the week over capacity, counted for no finding: %+v", v.Rows)
	}
	// b's work in w1 as well: over capacity with two projects.
	both := []Entry{entry("a", LoadCell{"中村", w1, 4}), entry("b", LoadCell{"中村", w1, 3}, LoadCell{"中村", w2, 2})}
	_, fs = people(in, both)
	if len(fs) != 1 {
		t.Fatalf("findings = %v", fs)
	}
	f := fs[0]
	for _, want := range []string{"中村", "2026-11-30", "a 4.0", "b 3.0", "7.0", "1 week(s)"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
	if strings.Contains(f.Message, "2026-12-07") || f.Severity.String() != "warning" || f.Rule != RuleOverAllocated || f.MessageJA == "" {
		t.Errorf("finding = %+v", f)
	}
}
