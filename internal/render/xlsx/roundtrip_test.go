package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/sheet"
)

// TestRoundTrip reads a rendered tracker with pmo's own reader: the WBS
// and issue sheets map every standard column with no findings, the Gantt
// area is seen as a calendar, and the records equal the document's.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		doc  func(t *testing.T) *report.Document
	}{
		{"kikan-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "ja") }},
		{"kikan-en", func(t *testing.T) *report.Document { return exampleDoc(t, "kikan", "en") }},
		{"network-ja", func(t *testing.T) *report.Document { return exampleDoc(t, "network", "ja") }},
		{"ec-en", func(t *testing.T) *report.Document { return exampleDoc(t, "ec", "en") }},
		{"generated-daily", func(*testing.T) *report.Document { return generated(smallSpec("ja")) }},
		{"generated-weekly", func(*testing.T) *report.Document {
			return generated(spec{tasks: 120, issues: 40, risks: 10, start: day0(), days: 300, lang: "en", seed: 9})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := c.doc(t)
			book, err := sheet.Parse("tracker.xlsx", render(t, d), sheet.OpenOptions{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(d.Tasks) > 0 {
				tb := readTable(t, book, sheet.Options{Kind: project.KindWBS, Sheet: d.L.Get("sheet.wbs")}, d.TaskColumns(), "planned_pct", "days_late", "source")
				if tb.Calendar == "" {
					t.Error("the Gantt grid was not recognised as a calendar area")
				}
				compareTasks(t, d, tb.Tasks)
			}
			if len(d.Issues) > 0 {
				tb := readTable(t, book, sheet.Options{Kind: project.KindIssues, Sheet: d.L.Get("sheet.issues")}, d.IssueColumns(), "age", "overdue", "source")
				compareIssues(t, d, tb.Issues)
			}
			if len(d.Risks) > 0 {
				tb := readTable(t, book, sheet.Options{Kind: project.KindRisks, Sheet: d.L.Get("sheet.risks")}, d.RiskColumns(), "source")
				compareRisks(t, d, tb.Risks)
			}
		})
	}
}

// readTable reads one sheet and checks that every standard column maps to
// its own field and that reading found nothing to complain about.
func readTable(t *testing.T, book *sheet.Book, opt sheet.Options, cols []report.Column, computed ...string) *sheet.Table {
	t.Helper()
	res, err := sheet.Read(book, opt)
	if err != nil {
		t.Fatalf("Read %s: %v", opt.Sheet, err)
	}
	if len(res.Tables) != 1 {
		t.Fatalf("%s: %d tables", opt.Sheet, len(res.Tables))
	}
	for _, f := range res.Findings {
		t.Errorf("%s: finding %v", opt.Sheet, f)
	}
	tb := res.Tables[0]
	mapped := map[string]string{}
	for _, c := range tb.Columns {
		mapped[c.Header] = c.Field
	}
	for _, c := range cols {
		if slices.Contains(computed, c.Key) {
			continue
		}
		if got := mapped[c.Label]; got != c.Key {
			t.Errorf("%s: column %q maps to %q, want %q", opt.Sheet, c.Label, got, c.Key)
		}
	}
	return tb
}

func compareTasks(t *testing.T, d *report.Document, got []project.Task) {
	t.Helper()
	if len(got) != len(d.Tasks) {
		t.Fatalf("read %d tasks, rendered %d", len(got), len(d.Tasks))
	}
	for i := range got {
		w, g := &d.Tasks[i], &got[i]
		want := fmt.Sprintf("%s|%d|%s|%s|%s|%v|%v|%v|%v|%s|%s|%s|%s|%v|%s|%s|%s|%v",
			w.WBSID, max(w.Level, 1), w.Name, w.Team, strings.Join(w.Assignee.List(), ","), w.PlannedStart, w.PlannedFinish, w.ActualStart, w.ActualFinish,
			num(w.PlannedEffort), num(w.ActualEffort), num(w.Progress), w.Status, w.Milestone, w.Predecessors, w.Deliverable, w.Notes, w.Summary)
		have := fmt.Sprintf("%s|%d|%s|%s|%s|%v|%v|%v|%v|%s|%s|%s|%s|%v|%s|%s|%s|%v",
			g.WBSID, g.Level, g.Name, g.Team, strings.Join(g.Assignee.List(), ","), g.PlannedStart, g.PlannedFinish, g.ActualStart, g.ActualFinish,
			num(g.PlannedEffort), num(g.ActualEffort), num(g.Progress), g.Status, g.Milestone, g.Predecessors, g.Deliverable, g.Notes, g.Summary)
		if have != want {
			t.Errorf("task %d:\n read     %s\n rendered %s", i, have, want)
		}
	}
}

func compareIssues(t *testing.T, d *report.Document, got []project.Issue) {
	t.Helper()
	if len(got) != len(d.Issues) {
		t.Fatalf("read %d issues, rendered %d", len(got), len(d.Issues))
	}
	for i := range got {
		w, g := &d.Issues[i], &got[i]
		want := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%v|%s|%s|%v|%v|%s|%s",
			w.ID, w.Title, w.Description, w.Category, w.Priority, w.Status, w.RaisedOn, w.RaisedBy, strings.Join(w.Owner, ","), w.Due, w.ClosedOn, w.Resolution, w.RelatedTask)
		have := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%v|%s|%s|%v|%v|%s|%s",
			g.ID, g.Title, g.Description, g.Category, g.Priority, g.Status, g.RaisedOn, g.RaisedBy, strings.Join(g.Owner, ","), g.Due, g.ClosedOn, g.Resolution, g.RelatedTask)
		if have != want {
			t.Errorf("issue %d:\n read     %s\n rendered %s", i, have, want)
		}
	}
}

func compareRisks(t *testing.T, d *report.Document, got []project.Risk) {
	t.Helper()
	if len(got) != len(d.Risks) {
		t.Fatalf("read %d risks, rendered %d", len(got), len(d.Risks))
	}
	for i := range got {
		w, g := &d.Risks[i], &got[i]
		want := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s|%v", w.ID, w.Title, num(w.Probability), num(w.Impact), strings.Join(w.Owner, ","), w.Mitigation, w.Status, w.Category, w.Due)
		have := fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s|%v", g.ID, g.Title, num(g.Probability), num(g.Impact), strings.Join(g.Owner, ","), g.Mitigation, g.Status, g.Category, g.Due)
		if have != want {
			t.Errorf("risk %d:\n read     %s\n rendered %s", i, have, want)
		}
	}
}

// num shows an optional number to 1e-9, so 56.4 read back as
// 0.564 × 100 compares equal.
func num(n project.Num) string {
	p, ok := n.Get()
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.6f", math.Round(p*1e9)/1e9)
}
