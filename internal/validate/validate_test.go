package validate

import (
	"slices"
	"testing"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

func cfg() *config.Project {
	return &config.Project{
		Project: config.Info{ID: "t", Start: date.Of(2026, 4, 1), End: date.Of(2026, 12, 25)},
		Teams:   []config.Team{{Name: "基盤", Members: []config.Member{{Name: "山田 太郎"}, {Name: "佐藤"}}}},
		Milestones: []config.Milestone{
			{Name: "設計完了", Date: date.Of(2026, 6, 30)},
		},
	}
}

func src(row int) diag.Pos { return diag.Pos{File: "w.xlsx", Sheet: "WBS", Row: row} }

func rulesOf(fs diag.Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestEachRuleFires(t *testing.T) {
	t.Parallel()
	asOf := date.Of(2026, 11, 20)
	clean := project.Task{WBSID: "1", Name: "設計", Assignee: project.NamesOf([]string{"山田"}), PlannedStart: date.Of(2026, 4, 1), PlannedFinish: date.Of(2026, 6, 30), Progress: project.NumOf(100), Status: project.Done, Cells: project.SourceAt(src(2))}
	cases := []struct {
		name   string
		tasks  []project.Task
		issues []project.Issue
		ms     []config.Milestone
		want   string
	}{
		{"finish before start", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 5, 10), PlannedFinish: date.Of(2026, 5, 1), Cells: project.SourceAt(src(3))}}, nil, nil, "finish-before-start"},
		{"progress over 100", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), Progress: project.NumOf(120), Cells: project.SourceAt(src(3))}}, nil, nil, "progress-range"},
		{"done at 50", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), Progress: project.NumOf(50), Status: project.Done, Cells: project.SourceAt(src(3))}}, nil, nil, "done-not-100"},
		{"100 not done", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), Progress: project.NumOf(100), Status: project.InProgress, Cells: project.SourceAt(src(3))}}, nil, nil, "100-not-done"},
		{"duplicate wbs id", []project.Task{clean, clean}, nil, nil, "duplicate-id"},
		{"not in roster", []project.Task{{Name: "a", Assignee: project.NamesOf([]string{"鈴木"}), PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), Cells: project.SourceAt(src(3))}}, nil, nil, "assignee-not-in-roster"},
		{"outside window", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 12, 1), PlannedFinish: date.Of(2027, 1, 15), Cells: project.SourceAt(src(3))}}, nil, nil, "task-outside-project"},
		{"unscheduled", []project.Task{{Name: "a", Cells: project.SourceAt(src(3))}}, nil, nil, "task-unscheduled"},
		{"actual in future", []project.Task{{Name: "a", PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), ActualStart: date.Of(2026, 12, 1), Cells: project.SourceAt(src(3))}}, nil, nil, "actual-in-future"},
		{"task without name", []project.Task{{WBSID: "9", PlannedStart: date.Of(2026, 5, 1), PlannedFinish: date.Of(2026, 5, 2), Cells: project.SourceAt(src(3))}}, nil, nil, "task-name-missing"},
		{"issue without owner", nil, []project.Issue{{ID: "1", Title: "x", Due: date.Of(2026, 12, 1), Cells: project.SourceAt(src(3))}}, nil, "issue-no-owner"},
		{"issue without due", nil, []project.Issue{{ID: "1", Title: "x", Owner: []string{"佐藤"}, Cells: project.SourceAt(src(3))}}, nil, "issue-no-due"},
		{"issue overdue", nil, []project.Issue{{ID: "1", Title: "x", Owner: []string{"佐藤"}, Due: date.Of(2026, 11, 1), Status: project.ItemWorking, Cells: project.SourceAt(src(3))}}, nil, "issue-overdue"},
		{"issue without title", nil, []project.Issue{{ID: "1", Owner: []string{"佐藤"}, Due: date.Of(2026, 12, 1), Cells: project.SourceAt(src(3))}}, nil, "issue-title-missing"},
		{"milestone outside", []project.Task{clean}, nil, []config.Milestone{{Name: "x", Date: date.Of(2027, 2, 1)}}, "milestone-outside-project"},
		{"milestone missed", []project.Task{clean}, nil, []config.Milestone{{Name: "試験完了", Date: date.Of(2026, 10, 1)}}, "milestone-missed"},
		{"milestone task missing", []project.Task{clean}, nil, []config.Milestone{{Name: "x", Date: date.Of(2026, 10, 1), WBSID: "7"}}, "milestone-task-missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cf := cfg()
			if c.ms != nil {
				cf.Milestones = c.ms
			}
			got := rulesOf(Check(Input{Config: cf, AsOf: asOf, Tasks: c.tasks, Issues: c.issues}))
			if !slices.Contains(got, c.want) {
				t.Errorf("rules %v, want %s among them", got, c.want)
			}
		})
	}
	// The clean project raises nothing: the milestone 設計完了 is reached
	// through the task named 設計, and 山田 matches 山田 太郎 in the roster.
	if fs := Check(Input{Config: cfg(), AsOf: asOf, Tasks: []project.Task{clean}}); len(fs) != 0 {
		t.Errorf("clean project: %v", fs)
	}
}

func TestRulesHaveUniqueIDsAndDescriptions(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Description == "" {
			t.Errorf("rule %q duplicated or undescribed", r.ID)
		}
		seen[r.ID] = true
	}
	for _, r := range SourceRules() {
		if seen[r[0]] {
			t.Errorf("rule %q duplicated", r[0])
		}
		seen[r[0]] = true
	}
}

// TestCalendarOutOfRange: a project outside 1980–2099 is told that pmo has
// no Japanese holidays there, unless it uses no holiday calendar at all.
func TestCalendarOutOfRange(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name       string
		start, end date.Date
		holidays   string
		want       bool
	}{
		{"inside", date.Of(2026, 4, 1), date.Of(2027, 3, 31), "jp", false},
		{"typo year", date.Of(2026, 4, 1), date.Of(2206, 3, 31), "jp", true},
		{"before 1980", date.Of(1979, 4, 1), date.Of(1980, 3, 31), "", true},
		{"no holidays", date.Of(2026, 4, 1), date.Of(2206, 3, 31), "none", false},
	} {
		cf := cfg()
		cf.Project.Start, cf.Project.End, cf.Calendar.Holidays = c.start, c.end, c.holidays
		got := slices.Contains(rulesOf(Check(Input{Config: cf, AsOf: date.Of(2026, 11, 20)})), "calendar-out-of-range")
		if got != c.want {
			t.Errorf("%s: calendar-out-of-range %v, want %v", c.name, got, c.want)
		}
	}
}
