package diag

import "testing"

// TestRuleCapKeepsSeverities checks that past the cap a rule's errors and
// warnings are counted apart: a summary of warnings that took in errors
// would show a sheet with errors as one with warnings only.
func TestRuleCapKeepsSeverities(t *testing.T) {
	t.Parallel()
	var c RuleCap
	var fs Findings
	n := FindingsPerRule + 40
	for i := range n {
		p := Pos{File: "wbs.xlsx", Sheet: "WBS", Row: i + 2, Col: 3}
		c.Keep(&fs, Finding{Severity: Warning, Rule: "date-unparseable", Pos: p, Message: "w"})
		c.Keep(&fs, Finding{Severity: Error, Rule: "date-unparseable", Pos: p, Message: "e"})
	}
	c.Finish(fs)
	if got := fs.Count(Error); got != n {
		t.Errorf("errors counted %d, want %d", got, n)
	}
	if got := fs.Count(Warning); got != n {
		t.Errorf("warnings counted %d, want %d", got, n)
	}
	if got, want := len(fs), 2*FindingsPerRule+2; got != want {
		t.Errorf("%d findings listed, want %d (the cap for each severity and one summary each)", got, want)
	}
}
