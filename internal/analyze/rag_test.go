package analyze_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// ragCase is a project whose SPI, CPI, overdue high issues and milestones
// are set by hand.
type ragCase struct {
	spi, cpi    float64 // as progress points of a 100-pd task; 0 leaves it out
	overdueHigh int
	milestone   analyze.MilestoneStatus // "" (none defined), on_track, missed or at_risk
	highRisks   int                     // open risks scored 4 × 4; -1 leaves the register out
}

// build makes the records for c, as of 2026-11-06:
//   - SPI: task S, 11-2..11-6, 100 pd, finished by plan: PV 100, EV = spi;
//   - CPI: task C, 12-1..12-4 (not yet planned, PV 0), 100 pd spent,
//     EV = cpi: CPI = cpi / 100;
//   - overdue high issues due 11-1, plus an overdue medium one and a high
//     one due on the status date, which do not count;
//   - a missed milestone (11-5) or one at risk (11-30, task L late).
func (c ragCase) build() analyze.Input {
	asOf := day(2026, 11, 6)
	cfg := newConfig()
	var tasks []project.Task
	if c.spi > 0 {
		s := span("S", day(2026, 11, 2), day(2026, 11, 6), project.NumOf(100))
		s.Progress = project.NumOf(c.spi)
		tasks = append(tasks, s)
	}
	if c.cpi > 0 {
		s := span("C", day(2026, 12, 1), day(2026, 12, 4), project.NumOf(100))
		s.Progress, s.ActualEffort = project.NumOf(c.cpi), project.NumOf(100)
		tasks = append(tasks, s)
	}
	switch c.milestone {
	case analyze.MilestoneMissed:
		cfg.Milestones = []config.Milestone{{Name: "MS", Date: day(2026, 11, 5)}}
	case analyze.MilestoneOnTrack:
		cfg.Milestones = []config.Milestone{{Name: "MS", Date: day(2026, 12, 25)}}
	case analyze.MilestoneAtRisk:
		l := span("L", day(2026, 10, 26), day(2026, 10, 30), project.NumOf(1)) // late: 0 % after its finish
		tasks = append(tasks, l)
		cfg.Milestones = []config.Milestone{{Name: "MS", Date: day(2026, 11, 30)}}
	}
	issues := []project.Issue{
		{ID: "M", Title: "medium", Priority: project.Medium, Status: project.Open, Due: day(2026, 11, 1)},
		{ID: "T", Title: "due today", Priority: project.High, Status: project.Open, Due: asOf},
	}
	for i := range c.overdueHigh {
		issues = append(issues, project.Issue{ID: fmt.Sprint("H", i), Title: "high", Priority: project.High, Status: project.Open, Due: day(2026, 11, 1)})
	}
	var risks []project.Risk
	if c.highRisks >= 0 {
		risks = append(risks, project.Risk{ID: "R-low", Title: "low", Probability: project.NumOf(1), Impact: project.NumOf(2), Status: project.Open})
	}
	for i := range max(c.highRisks, 0) {
		risks = append(risks, project.Risk{ID: fmt.Sprint("R", i), Title: "high", Probability: project.NumOf(4), Impact: project.NumOf(4), Status: project.Open})
	}
	return analyze.Input{Config: cfg, AsOf: asOf, Tasks: tasks, Issues: issues, Risks: risks}
}

func TestRAGThresholds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		c    ragCase
		dim  string
		want analyze.Level
	}{
		{"SPI 1.00", ragCase{spi: 100}, "schedule", analyze.Green},
		{"SPI 0.95 green", ragCase{spi: 95}, "schedule", analyze.Green},
		{"SPI 0.9499 amber", ragCase{spi: 94.99}, "schedule", analyze.Amber},
		{"SPI 0.85 amber", ragCase{spi: 85}, "schedule", analyze.Amber},
		{"SPI 0.8499 red", ragCase{spi: 84.99}, "schedule", analyze.Red},
		{"SPI null unknown", ragCase{}, "schedule", analyze.Unknown},
		{"CPI null unknown", ragCase{spi: 100}, "cost", analyze.Unknown},
		{"CPI 0.95 green", ragCase{cpi: 95}, "cost", analyze.Green},
		{"CPI 0.9499 amber", ragCase{cpi: 94.99}, "cost", analyze.Amber},
		{"CPI 0.85 amber", ragCase{cpi: 85}, "cost", analyze.Amber},
		{"CPI 0.8499 red", ragCase{cpi: 84.99}, "cost", analyze.Red},
		{"0 overdue high green", ragCase{}, "issues", analyze.Green},
		{"1 overdue high amber", ragCase{overdueHigh: 1}, "issues", analyze.Amber},
		{"2 overdue high amber", ragCase{overdueHigh: 2}, "issues", analyze.Amber},
		{"3 overdue high red", ragCase{overdueHigh: 3}, "issues", analyze.Red},
		{"milestones on track", ragCase{milestone: analyze.MilestoneOnTrack}, "milestones", analyze.Green},
		{"no milestones unknown", ragCase{}, "milestones", analyze.Unknown},
		{"0 high risks green", ragCase{}, "risks", analyze.Green},
		{"1 high risk amber", ragCase{highRisks: 1}, "risks", analyze.Amber},
		{"3 high risks red", ragCase{highRisks: 3}, "risks", analyze.Red},
		{"no risk register unknown", ragCase{highRisks: -1}, "risks", analyze.Unknown},
		{"milestone at risk amber", ragCase{milestone: analyze.MilestoneAtRisk}, "milestones", analyze.Amber},
		{"milestone missed red", ragCase{milestone: analyze.MilestoneMissed}, "milestones", analyze.Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := analyze.Analyze(tt.c.build())
			got, ok := r.RAG.Dimensions[tt.dim]
			if !ok {
				t.Fatalf("no %s dimension in %v", tt.dim, r.RAG.Dimensions)
			}
			if got != tt.want {
				t.Errorf("%s = %s, want %s (SPI %v CPI %v, overdue high %d; reasons %q)",
					tt.dim, got, tt.want, deref(r.EVM.SPI), deref(r.EVM.CPI), r.Issues.OverdueHigh, r.RAG.Reasons)
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

func TestRAGOverallAndReasons(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		c    ragCase
		want analyze.Level
	}{
		{"all green", ragCase{spi: 100}, analyze.Green},
		{"schedule amber only", ragCase{spi: 90}, analyze.Amber},
		{"schedule amber, issues red", ragCase{spi: 90, overdueHigh: 3}, analyze.Red},
		{"milestone at risk, rest green", ragCase{spi: 100, milestone: analyze.MilestoneAtRisk}, analyze.Amber},
		{"cost red, rest green", ragCase{spi: 100, cpi: 50}, analyze.Red},
		{"no work planned yet", ragCase{}, analyze.Unknown},
		{"no risk register, rest green", ragCase{spi: 100, highRisks: -1}, analyze.Green},
		{"high risks red", ragCase{spi: 100, highRisks: 3}, analyze.Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := analyze.Analyze(tt.c.build())
			rag := r.RAG
			if rag.Overall != tt.want {
				t.Errorf("overall %s, want %s (%v)", rag.Overall, tt.want, rag.Dimensions)
			}
			// Overall is the worst known dimension, and unknown whenever
			// the schedule is.
			worst := analyze.Green
			for _, l := range rag.Dimensions {
				if l == analyze.Red || l == analyze.Amber && worst == analyze.Green {
					worst = l
				}
			}
			if rag.Dimensions["schedule"] == analyze.Unknown {
				worst = analyze.Unknown
			}
			if rag.Overall != worst {
				t.Errorf("overall %s is not the worst of %v", rag.Overall, rag.Dimensions)
			}
			// Cost is unknown exactly when CPI is.
			if (rag.Dimensions["cost"] == analyze.Unknown) != (r.EVM.CPI == nil) {
				t.Errorf("cost %s with CPI %v", rag.Dimensions["cost"], deref(r.EVM.CPI))
			}
			// A written reason per dimension, in English and Japanese.
			if len(rag.Reasons) != len(rag.Dimensions) || len(rag.ReasonsJA) != len(rag.Dimensions) {
				t.Errorf("%d dimensions, %d reasons, %d in Japanese", len(rag.Dimensions), len(rag.Reasons), len(rag.ReasonsJA))
			}
			for i, s := range append(slices.Clone(rag.Reasons), rag.ReasonsJA...) {
				if strings.TrimSpace(s) == "" {
					t.Errorf("reason %d is empty", i)
				}
			}
		})
	}
}

func TestRAGReasonText(t *testing.T) {
	t.Parallel()
	t.Run("SPI 0.82 < 0.85", func(t *testing.T) {
		t.Parallel()
		r := analyze.Analyze(ragCase{spi: 82}.build())
		if !slices.Contains(r.RAG.Reasons, "SPI 0.82 < 0.85") {
			t.Errorf("reasons %q lack %q", r.RAG.Reasons, "SPI 0.82 < 0.85")
		}
	})
	t.Run("zero PV: schedule unknown with a reason", func(t *testing.T) {
		t.Parallel()
		in := ragCase{}.build()
		in.Tasks = []project.Task{span("F", day(2026, 12, 1), day(2026, 12, 4), project.NumOf(5))}
		r := analyze.Analyze(in)
		if r.EVM.SPI != nil || r.RAG.Dimensions["schedule"] != analyze.Unknown || r.RAG.Overall != analyze.Unknown {
			t.Fatalf("SPI %v, schedule %s, overall %s; want null, unknown, unknown", deref(r.EVM.SPI), r.RAG.Dimensions["schedule"], r.RAG.Overall)
		}
		if !slices.ContainsFunc(r.RAG.Reasons, func(s string) bool { return strings.Contains(s, "SPI") }) {
			t.Errorf("no SPI reason in %q", r.RAG.Reasons)
		}
	})
	// A red or amber reason compares the figure with its threshold; at two
	// decimals 0.8499 must not read "0.85 < 0.85".
	for _, p := range []float64{84.99, 94.99, 84.999} {
		t.Run(fmt.Sprintf("EV %g of PV 100 reads as below", p), func(t *testing.T) {
			t.Parallel()
			r := analyze.Analyze(ragCase{spi: p}.build())
			for _, s := range r.RAG.Reasons {
				if strings.Contains(s, "0.85 < 0.85") || strings.Contains(s, "0.95 < 0.95") {
					t.Errorf("reason %q contradicts itself", s)
				}
			}
		})
	}
}

// TestRAGCustomThresholds checks the thresholds come from the YAML.
func TestRAGCustomThresholds(t *testing.T) {
	t.Parallel()
	in := ragCase{spi: 92, overdueHigh: 2}.build()
	in.Config.Thresholds.SPI = config.RatioBand{Amber: 0.9, Red: 0.8}
	in.Config.Thresholds.OverdueHighIssues = config.CountBand{Amber: 3, Red: 5}
	r := analyze.Analyze(in)
	if r.RAG.Dimensions["schedule"] != analyze.Green || r.RAG.Dimensions["issues"] != analyze.Green {
		t.Errorf("SPI 0.92 vs amber 0.9 and 2 issues vs amber 3: %v, want both green", r.RAG.Dimensions)
	}
}

// The issue and risk figures the issues dimension and the report rest on.

func TestIssues(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	src := diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題", Row: 4}
	issues := []project.Issue{
		{ID: "Q-1", Priority: project.High, Status: project.Open, Due: day(2026, 11, 10), Owner: []string{"佐藤"}, RaisedOn: day(2026, 11, 1)}, // overdue high, age 19
		{ID: "Q-2", Priority: project.High, Status: project.ItemWorking, Due: asOf, Owner: []string{"鈴木"}, RaisedOn: day(2026, 11, 15)},      // due today: not overdue, age 5
		{ID: "Q-3", Priority: project.Medium, Due: day(2026, 11, 19)},                                                                        // no status = open; overdue; no owner
		{ID: "Q-4", Priority: project.Low, Status: project.Resolved, Due: day(2026, 11, 1)},                                                  // not open
		{ID: "Q-5", Priority: project.High, Status: project.Closed, Due: day(2026, 11, 1), Owner: []string{"佐藤"}},                            // not open
		{ID: "Q-6", Priority: project.Low, Status: project.ItemOnHold, Owner: []string{"佐藤"}},                                                // open, no due
		{ID: "Q-7", Status: project.Open, Due: day(2026, 12, 1), Owner: []string{"佐藤"}},                                                      // open, no priority
	}
	for i := range issues {
		issues[i].Title = "課題 " + issues[i].ID
		issues[i].SetSource(src)
	}
	r := analyze.Analyze(analyze.Input{Config: newConfig(), AsOf: asOf, Issues: issues})
	s := r.Issues
	if s.Open != 5 || s.Overdue != 2 || s.OverdueHigh != 1 || s.NoOwner != 1 || s.NoDue != 1 {
		t.Errorf("open %d overdue %d overdue high %d no owner %d no due %d, want 5 2 1 1 1",
			s.Open, s.Overdue, s.OverdueHigh, s.NoOwner, s.NoDue)
	}
	for p, n := range map[string]int{"high": 2, "medium": 1, "low": 1} {
		if s.OpenByPriority[p] != n {
			t.Errorf("open %s = %d, want %d (%v)", p, s.OpenByPriority[p], n, s.OpenByPriority)
		}
	}
	// Age = days since raised_on: 19 and 5.
	if s.AvgAgeDays == nil || !near(*s.AvgAgeDays, 12) || s.MaxAgeDays != 19 {
		t.Errorf("age avg %v max %d, want 12, 19", deref(s.AvgAgeDays), s.MaxAgeDays)
	}
	i := slices.IndexFunc(s.Top, func(x analyze.IssueRef) bool { return x.ID == "Q-1" })
	if i < 0 || s.Top[i].AgeDays == nil || *s.Top[i].AgeDays != 19 || !s.Top[i].Overdue {
		t.Errorf("Q-1 in top issues: %+v, want overdue, age 19", s.Top)
	}
	t.Run("no issues: priorities still listed", func(t *testing.T) {
		t.Parallel()
		r := analyze.Analyze(analyze.Input{Config: newConfig(), AsOf: asOf})
		for _, p := range []string{"high", "medium", "low"} {
			if n, ok := r.Issues.OpenByPriority[p]; !ok || n != 0 {
				t.Errorf("open_by_priority[%s] = %d, %v; want 0, present", p, n, ok)
			}
		}
	})
}

func TestRisks(t *testing.T) {
	t.Parallel()
	risk := func(id string, p, i float64, st project.ItemStatus) project.Risk {
		return project.Risk{ID: id, Title: "リスク " + id, Probability: project.NumOf(p), Impact: project.NumOf(i), Status: st}
	}
	risks := []project.Risk{
		risk("R1", 3, 4, project.Open),         // 12: high
		risk("R2", 4, 3, project.ItemWorking),  // 12: high
		risk("R3", 2, 5, project.Open),         // 10
		risk("R4", 5, 5, project.Open),         // 25: high
		risk("R5", 3, 4, project.Open),         // 12: high, same cell as R1
		risk("R6", 1, 1, project.Closed),       // not open: not on the heat map
		risk("R7", 2, 2, project.NoItemStatus), // no status = open; 4
	}
	r := analyze.Analyze(analyze.Input{Config: newConfig(), AsOf: day(2026, 11, 20), Risks: risks})
	s := r.Risks
	if s.Open != 6 || s.High != 4 {
		t.Errorf("open %d high %d, want 6, 4", s.Open, s.High)
	}
	var want [5][5]int // [probability-1][impact-1]
	want[2][3], want[3][2], want[1][4], want[4][4], want[1][1] = 2, 1, 1, 1, 1
	if s.HeatMap != want {
		t.Errorf("heat map %v, want %v", s.HeatMap, want)
	}
	scores := map[string]float64{"R1": 12, "R2": 12, "R3": 10, "R4": 25, "R5": 12, "R7": 4}
	for _, x := range s.Top {
		if w, ok := scores[x.ID]; !ok || x.Score == nil || *x.Score != w {
			t.Errorf("%s score %v, want %v (listed: %v)", x.ID, deref(x.Score), w, ok)
		}
	}
}
