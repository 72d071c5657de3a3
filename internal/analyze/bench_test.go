package analyze_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// bigProject is a large programme: 40 phases × 10 groups × 49 leaves
// (20,040 tasks) over two years, 60 people in 6 teams, 5,000 issues and
// 300 risks, as of a status date halfway through, with the previous
// week's snapshot. Deterministic.
func bigProject() analyze.Input {
	rng := rand.New(rand.NewPCG(1, 2))
	start := day(2026, 4, 1)
	asOf := day(2027, 4, 2)
	cfg := newConfig()
	cfg.Project.End = day(2028, 3, 31)
	cfg.Project.CostPerDay = 60000
	cfg.Calendar.DaysOff = []config.DateRange{{From: day(2026, 12, 29), To: day(2027, 1, 3)}, {From: day(2027, 12, 29), To: day(2028, 1, 3)}}
	var people []string
	for t := range 6 {
		team := config.Team{Name: fmt.Sprintf("チーム%d", t+1)}
		for m := range 10 {
			name := fmt.Sprintf("担当者%02d", t*10+m+1)
			people = append(people, name)
			team.Members = append(team.Members, config.Member{Name: name, Capacity: float64(3 + m%3)})
		}
		cfg.Teams = append(cfg.Teams, team)
	}
	statuses := []project.TaskStatus{"", project.NotStarted, project.InProgress, project.OnHold}
	var tasks []project.Task
	src := diag.Pos{File: "teams/WBS.xlsx", Sheet: "WBS"}
	for p := range 40 {
		phaseStart := start.AddDays(p * 17)
		phase := fmt.Sprintf("フェーズ%02d", p+1)
		tasks = append(tasks, project.Task{WBSID: fmt.Sprint(p + 1), Level: 1, Name: phase, Summary: true})
		if p%4 == 0 {
			cfg.Milestones = append(cfg.Milestones, config.Milestone{Name: phase + "完了", Date: phaseStart.AddDays(120)})
		}
		for g := range 10 {
			tasks = append(tasks, project.Task{WBSID: fmt.Sprintf("%d.%d", p+1, g+1), Level: 2, Name: fmt.Sprintf("%s 作業群%d", phase, g+1), Summary: true})
			for k := range 49 {
				s := phaseStart.AddDays(g*7 + k%12)
				t := project.Task{
					WBSID: fmt.Sprintf("%d.%d.%d", p+1, g+1, k+1), Level: 3, Name: fmt.Sprintf("作業 %d-%d-%d", p+1, g+1, k+1),
					Team: cfg.Teams[(p+g)%6].Name, PlannedStart: s, PlannedFinish: s.AddDays(rng.IntN(20)),
					Assignee: []string{people[rng.IntN(60)]}, Milestone: k == 48,
				}
				t.Source, t.Source.Row = src, len(tasks)+2
				if k%3 == 0 {
					t.Assignee = append(t.Assignee, people[rng.IntN(60)])
				}
				if rng.IntN(10) > 0 {
					t.PlannedEffort = num(float64(1+rng.IntN(20)) / 2)
				}
				switch {
				case rng.IntN(200) == 0:
					t.PlannedStart = 0 // unscheduled
				case rng.IntN(100) == 0:
					t.Status = project.Cancelled
				case t.PlannedFinish < asOf && rng.IntN(10) > 0:
					t.Status, t.Progress, t.ActualEffort = project.Done, num(100), num(float64(rng.IntN(25))/2)
				case t.PlannedStart < asOf:
					t.Status, t.Progress, t.ActualEffort = project.InProgress, num(float64(rng.IntN(100))), num(float64(rng.IntN(15))/2)
				default:
					t.Status = statuses[rng.IntN(len(statuses))]
				}
				tasks = append(tasks, t)
			}
		}
	}
	prios := []project.Priority{"", project.High, project.Medium, project.Low}
	itemStatuses := []project.ItemStatus{"", project.Open, project.ItemWorking, project.Resolved, project.Closed, project.ItemOnHold}
	issues := make([]project.Issue, 5000)
	for i := range issues {
		raised := start.AddDays(rng.IntN(365))
		issues[i] = project.Issue{ID: fmt.Sprintf("Q-%04d", i+1), Title: fmt.Sprintf("課題 %d", i+1), Priority: prios[rng.IntN(4)],
			Status: itemStatuses[rng.IntN(len(itemStatuses))], RaisedOn: raised, Due: raised.AddDays(rng.IntN(60)),
			Owner: []string{people[rng.IntN(60)]}, Source: diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題", Row: i + 2}}
		if i%20 == 0 {
			issues[i].Owner, issues[i].Due = nil, 0
		}
	}
	risks := make([]project.Risk, 300)
	for i := range risks {
		risks[i] = project.Risk{ID: fmt.Sprintf("R-%03d", i+1), Title: fmt.Sprintf("リスク %d", i+1),
			Probability: num(float64(1 + rng.IntN(5))), Impact: num(float64(1 + rng.IntN(5))),
			Status: itemStatuses[rng.IntN(len(itemStatuses))]}
	}
	in := analyze.Input{Config: cfg, AsOf: asOf.AddDays(-7), Tasks: tasks, Issues: issues, Risks: risks}
	prev := snapshot(in, analyze.Analyze(in))
	in.AsOf, in.Previous = asOf, prev
	return in
}

func BenchmarkAnalyze(b *testing.B) {
	in := bigProject()
	r := analyze.Analyze(in)
	b.Logf("%d tasks (%d leaves, %d late, %d behind, %d unscheduled), %d issues, %d risks, %d people × %d weeks, %d milestones",
		r.Tasks.Total, r.Tasks.Leaf, r.Tasks.Late, r.Tasks.Behind, r.Tasks.Unscheduled, len(in.Issues), len(in.Risks),
		len(r.Workload.People), len(r.Workload.Weeks), len(r.Milestones))
	b.ReportAllocs()
	for b.Loop() {
		analyze.Analyze(in)
	}
}
