package sheet

import "testing"

// Every preset file parses, names known fields, and has a signature it can
// meet.
func TestPresetsLoad(t *testing.T) {
	ps, err := loadPresets()
	if err != nil {
		t.Fatal(err)
	}
	tools := map[string]bool{}
	for _, p := range ps {
		tools[p.Tool] = true
		if p.Match > len(p.Signature) {
			t.Errorf("%s: match %d but only %d signature words", p.Tool, p.Match, len(p.Signature))
		}
		if len(p.fields) == 0 {
			t.Errorf("%s: no field mapping", p.Tool)
		}
	}
	for _, want := range []string{"Redmine", "Backlog", "Jira", "GitHub", "GanttProject", "MS Project"} {
		if !tools[want] {
			t.Errorf("no preset for %s", want)
		}
	}
}
