package analyze_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// twoRuns is the same project a week apart:
//
//	1.1 11-2..11-6   4 pd  done              (both runs)
//	1.2 11-9..11-13  6 pd  50 %  -> 80 %     (late in run 2)
//	1.3 11-16..11-20 10 pd  0 %  -> 50 %
//
// Run 1 (11-13): PV 4+6 = 10, EV 4+3 = 7: planned 50 %, actual 35 %, SPI 0.7.
// Run 2 (11-20): PV 20, EV 4+4.8+5 = 13.8: actual 69 %, SPI 0.69.
// Issues: Q-1 open -> closed, Q-2 open, Q-3 closed before; new.
// Milestone 設計完了 moves from 11-20 to 11-27.
type twoRuns struct{ first, second analyze.Input }

func newTwoRuns() twoRuns {
	tasks := func(p2, p3 float64) []project.Task {
		t1 := span("1.1", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(4))
		t1.Status = project.Done
		t2 := span("1.2", day(2026, 11, 9), day(2026, 11, 13), project.NumOf(6))
		t2.Progress = project.NumOf(p2)
		t3 := span("1.3", day(2026, 11, 16), day(2026, 11, 20), project.NumOf(10))
		t3.Progress = project.NumOf(p3)
		return []project.Task{t1, t2, t3}
	}
	src := diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題"}
	issue := func(id string, st project.ItemStatus) project.Issue {
		return project.Issue{ID: id, Title: "課題 " + id, Status: st, Cells: project.SourceAt(src)}
	}
	cfg := func(ms date.Date) *config.Project {
		c := newConfig()
		c.Milestones = []config.Milestone{{Name: "設計完了", Date: ms}}
		return c
	}
	return twoRuns{
		first: analyze.Input{Config: cfg(day(2026, 11, 20)), AsOf: day(2026, 11, 13), Tasks: tasks(50, 0),
			Issues: []project.Issue{issue("Q-1", project.Open), issue("Q-2", project.Open), issue("Q-3", project.Closed)}},
		second: analyze.Input{Config: cfg(day(2026, 11, 27)), AsOf: day(2026, 11, 20), Tasks: tasks(80, 50),
			Issues: []project.Issue{issue("Q-1", project.Closed), issue("Q-2", project.Open), issue("Q-3", project.Closed),
				issue("Q-4", project.Open), issue("Q-5", project.ItemWorking)}},
	}
}

// snapshot is what a report run stores after analysing in.
func snapshot(in analyze.Input, r *analyze.Result) *analyze.Snapshot {
	keys := map[string]bool{}
	for i := range in.Issues {
		keys[analyze.IssueKey(&in.Issues[i])] = in.Issues[i].Status.IsOpen()
	}
	return r.Snapshot(keys, in.Previous)
}

func TestChanges(t *testing.T) {
	t.Parallel()
	runs := newTwoRuns()
	r1 := analyze.Analyze(runs.first)
	if r1.Changes != nil {
		t.Errorf("changes %+v without a previous run", r1.Changes)
	}
	checkFloat(t, "run 1 actual %", r1.Progress.Actual, 35)
	checkFloat(t, "run 1 planned %", r1.Progress.Planned, 50)
	prev := snapshot(runs.first, r1)

	// The snapshot is stored as JSON; compare with what comes back.
	b, err := json.Marshal(prev)
	if err != nil {
		t.Fatal(err)
	}
	var stored analyze.Snapshot
	if err := json.Unmarshal(b, &stored); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*analyze.Snapshot{"in memory": prev, "from JSON": &stored} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := runs.second
			in.Previous = p
			r := analyze.Analyze(in)
			c := r.Changes
			if c == nil {
				t.Fatal("no changes with a previous run")
			}
			if c.Since != day(2026, 11, 13) {
				t.Errorf("since %s, want 2026-11-13", c.Since)
			}
			checkFloat(t, "progress delta", c.ProgressDelta, 69-35)
			checkRatio(t, "SPI delta", c.SPIDelta, num(0.69-0.7))
			if c.NewIssues != 2 || c.ClosedIssues != 1 {
				t.Errorf("new %d closed %d issues, want 2 (Q-4, Q-5), 1 (Q-1)", c.NewIssues, c.ClosedIssues)
			}
			if !slices.Equal(c.NewlyLate, []string{"1.2"}) {
				t.Errorf("newly late %v, want [1.2]", c.NewlyLate)
			}
			want := []analyze.MilestoneMove{{Name: "設計完了", From: day(2026, 11, 20), To: day(2026, 11, 27)}}
			if !slices.Equal(c.MilestoneMoves, want) {
				t.Errorf("milestones moved %+v, want %+v", c.MilestoneMoves, want)
			}
		})
	}
}

func TestChangesNothingMoved(t *testing.T) {
	t.Parallel()
	runs := newTwoRuns()
	r1 := analyze.Analyze(runs.first)
	in := runs.first
	in.Previous = snapshot(runs.first, r1)
	c := analyze.Analyze(in).Changes
	if c == nil {
		t.Fatal("no changes with a previous run")
	}
	if c.ProgressDelta != 0 || c.NewIssues != 0 || c.ClosedIssues != 0 || len(c.NewlyLate) != 0 || len(c.MilestoneMoves) != 0 {
		t.Errorf("same inputs twice give changes %+v", c)
	}
}

// TestJSONShape checks the keys of the public `pmo status --json` output.
func TestJSONShape(t *testing.T) {
	t.Parallel()
	runs := newTwoRuns()
	r1 := analyze.Analyze(runs.first)
	in := runs.second
	in.Previous = snapshot(runs.first, r1)
	shape := map[string][]string{
		"project":  {"id", "name"},
		"progress": {"planned", "actual"},
		"evm":      {"bac", "pv", "ev", "ac", "spi", "cpi"},
		"tasks":    {"total", "leaf", "done", "late", "behind", "unscheduled", "late_ids"},
		"issues":   {"open", "overdue", "open_by_priority"},
		"risks":    {"open", "high"},
		"rag":      {"overall", "dimensions", "reasons"},
		"changes":  {"since", "progress_delta", "new_issues", "closed_issues"},
	}
	decode := func(t *testing.T, r *analyze.Result) map[string]any {
		t.Helper()
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	r := analyze.Analyze(in)
	m := decode(t, r)
	for obj, keys := range shape {
		o, ok := m[obj].(map[string]any)
		if !ok {
			t.Errorf("%s is %T, want an object", obj, m[obj])
			continue
		}
		for _, k := range keys {
			if _, ok := o[k]; !ok {
				t.Errorf("%s.%s missing", obj, k)
			}
		}
	}
	if m["as_of"] != "2026-11-20" {
		t.Errorf("as_of = %v, want \"2026-11-20\"", m["as_of"])
	}
	byPrio, _ := m["issues"].(map[string]any)["open_by_priority"].(map[string]any)
	for _, k := range []string{"high", "medium", "low"} {
		if _, ok := byPrio[k]; !ok {
			t.Errorf("issues.open_by_priority.%s missing", k)
		}
	}
	ms, _ := m["milestones"].([]any)
	if len(ms) != 1 {
		t.Fatalf("milestones = %v, want one", m["milestones"])
	}
	for _, k := range []string{"name", "date", "status"} {
		if _, ok := ms[0].(map[string]any)[k]; !ok {
			t.Errorf("milestones[0].%s missing", k)
		}
	}
	if ids, ok := m["tasks"].(map[string]any)["late_ids"].([]any); !ok || len(ids) != 1 || ids[0] != "1.2" {
		t.Errorf("tasks.late_ids = %v, want [\"1.2\"]", m["tasks"].(map[string]any)["late_ids"])
	}
	// Unrounded: SPI 13.8 / 20 and actual 69 % exactly as computed.
	if spi, _ := m["evm"].(map[string]any)["spi"].(float64); r.EVM.SPI == nil || spi != *r.EVM.SPI || !near(spi, 0.69) {
		t.Errorf("evm.spi = %v, want %v unrounded", spi, deref(r.EVM.SPI))
	}
	if a, _ := m["progress"].(map[string]any)["actual"].(float64); a != r.Progress.Actual || !near(a, 69) {
		t.Errorf("progress.actual = %v, want %v unrounded", a, r.Progress.Actual)
	}

	t.Run("without a previous run", func(t *testing.T) {
		t.Parallel()
		// A project with no work planned yet and no actuals: null ratios,
		// null changes, empty lists rather than null.
		cfg := newConfig()
		m := decode(t, run(cfg, day(2026, 10, 1), span("1", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(3))))
		if v, ok := m["changes"]; !ok || v != nil {
			t.Errorf("changes = %v (present %v), want null", v, ok)
		}
		evm := m["evm"].(map[string]any)
		for _, k := range []string{"spi", "cpi"} {
			if v, ok := evm[k]; !ok || v != nil {
				t.Errorf("evm.%s = %v (present %v), want null", k, v, ok)
			}
		}
		if ids, ok := m["tasks"].(map[string]any)["late_ids"].([]any); !ok || len(ids) != 0 {
			t.Errorf("tasks.late_ids = %#v, want []", m["tasks"].(map[string]any)["late_ids"])
		}
		if ms, ok := m["milestones"].([]any); !ok || len(ms) != 0 {
			t.Errorf("milestones = %#v, want []", m["milestones"])
		}
	})
}
