package analyze_test

import (
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// TestCoverageSources pins the per-source figures and which source is to
// be checked first: an unreadable one, else the lowest usable share, else
// the most errors; a readable file with no table counts as 0 % usable.
func TestCoverageSources(t *testing.T) {
	t.Parallel()
	at := func(file string, row int) diag.Pos { return diag.Pos{File: file, Sheet: "S", Row: row} }
	task := func(file string, row int, scheduled bool) project.Task {
		tk := project.Task{Name: "t", Level: 1, Cells: project.SourceAt(at(file, row))}
		if scheduled {
			tk.PlannedStart, tk.PlannedFinish = day(2026, 11, 2), day(2026, 11, 6)
		}
		return tk
	}
	wbs := analyze.TableInput{Sheet: "S", Kind: project.KindWBS, Fields: []string{"name", "planned_start", "planned_finish", "progress"}}
	thin := analyze.TableInput{Sheet: "S", Kind: project.KindWBS, Fields: []string{"name", "planned_start"}, Unmapped: []string{"完了予定"}}
	base := func() analyze.Input {
		return analyze.Input{Config: newConfig(), AsOf: day(2026, 11, 20),
			Tasks: []project.Task{task("a.xlsx", 2, true), task("a.xlsx", 3, true), task("b.xlsx", 2, true), task("b.xlsx", 3, false)},
			Sources: []analyze.SourceInput{
				{Name: "a.xlsx", Key: "a.xlsx", Kind: project.KindWBS, Tables: []analyze.TableInput{wbs}},
				{Name: "b.xlsx", Key: "b.xlsx", Kind: project.KindWBS, Tables: []analyze.TableInput{thin}},
			}}
	}
	worst := func(in analyze.Input, fs diag.Findings) analyze.Coverage {
		c := analyze.Analyze(in).Coverage
		keys := map[string]int{}
		for i, s := range in.Sources {
			keys[s.Key] = i
		}
		c.CountFindings(fs, keys)
		return c
	}

	c := worst(base(), nil)
	if c.LeafTasks != 4 || c.Scheduled != 3 || *c.ScheduledShare != 75 {
		t.Errorf("project: %d/%d scheduled (%v), want 3/4 = 75 %%", c.Scheduled, c.LeafTasks, *c.ScheduledShare)
	}
	b := c.Sources[1]
	if b.Records != 2 || b.Usable != 1 || *b.UsableShare != 50 || !slices.Equal(b.Missing, []string{"planned_finish", "progress"}) || !slices.Equal(b.Unmapped, []string{"完了予定"}) {
		t.Errorf("b.xlsx: %+v", b)
	}
	if c.Worst != "b.xlsx" {
		t.Errorf("worst %q, want b.xlsx (50 %% usable, fields missing)", c.Worst)
	}

	// With a's 3 errors and b made whole, a is the one to check.
	in := base()
	in.Sources[1].Tables = []analyze.TableInput{wbs}
	in.Tasks[3] = task("b.xlsx", 3, true)
	errs := diag.Findings{{Severity: diag.Error, Pos: at("a.xlsx", 2)}, {Severity: diag.Error, Pos: at("a.xlsx", 3)}, {Severity: diag.Error, Pos: at("a.xlsx", 3)}, {Severity: diag.Warning, Pos: at("b.xlsx", 2)}}
	c = worst(in, errs)
	if c.Worst != "a.xlsx" || c.Sources[0].Errors != 3 || c.Sources[1].Warnings != 1 || c.Errors != 3 || c.Warnings != 1 {
		t.Errorf("worst %q, counts %+v / %+v", c.Worst, c.Sources[0], c.Sources[1])
	}
	// Nothing wrong anywhere: no source named.
	if c = worst(in, nil); c.Worst != "" {
		t.Errorf("worst %q of clean sources", c.Worst)
	}

	// An unreadable source beats everything; a readable file with no table
	// comes next, before a thin one.
	in = base()
	in.Sources = append(in.Sources, analyze.SourceInput{Name: "c.xlsx", Key: "c.xlsx", Kind: project.KindWBS})
	if c = worst(in, nil); c.Worst != "c.xlsx" || *c.Sources[2].UsableShare != 0 || len(c.Sources[2].Missing) != 4 {
		t.Errorf("no-table source: worst %q, %+v", c.Worst, c.Sources[2])
	}
	in.Sources = append(in.Sources, analyze.SourceInput{Name: "d.xlsx", Key: "d.xlsx", Kind: project.KindIssues, Err: "not a workbook"})
	c = worst(in, nil)
	if c.Worst != "d.xlsx" || c.Sources[3].Read {
		t.Errorf("unreadable source: worst %q", c.Worst)
	}
	if c.HasIssues || !c.HasWBS {
		t.Errorf("registers: wbs %v issues %v; an unreadable issue list is not one", c.HasWBS, c.HasIssues)
	}
}
