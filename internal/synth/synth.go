// Package synth builds large, deterministic synthetic projects for the
// benchmarks of the analysis, validation and report stages, so that each
// stage can be measured (and superlinear code exposed) without reading a
// workbook first. Nothing outside tests uses it.
package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// Project is a project's definition and records as the reader would hand
// them over.
type Project struct {
	Config *config.Project
	AsOf   date.Date
	Tasks  []project.Task
	Issues []project.Issue
	Risks  []project.Risk
}

func day(y int, m time.Month, d int) date.Date { return date.Of(y, m, d) }

func num(f float64) project.Num { return project.NumOf(f) }

// Programme is a large programme: 40 phases × groups work groups × 49
// leaves over about two years, 60 people in 6 teams, 500 issues and 30
// risks per group, as of a status date halfway through. Programme(10) is
// 20,040 tasks, 5,000 issues and 300 risks; Programme(100) 200,400 tasks.
// The same groups give the same project.
func Programme(groups int) *Project {
	rng := rand.New(rand.NewPCG(1, 2))
	start := day(2026, 4, 1)
	asOf := day(2027, 4, 2)
	cfg := &config.Project{
		Project: config.Info{ID: "crm", Name: "顧客管理システム刷新", Start: start,
			End: day(2028, 3, 31), CostPerDay: 60000},
		Calendar:   config.Calendar{Holidays: "jp"},
		Thresholds: config.DefaultThresholds(),
	}
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
	statuses := []project.TaskStatus{project.NoTaskStatus, project.NotStarted, project.InProgress, project.OnHold}
	tasks := make([]project.Task, 0, 40*(1+groups*50))
	src := diag.Pos{File: "teams/WBS.xlsx", Sheet: "WBS"}
	for p := range 40 {
		phaseStart := start.AddDays(p * 17)
		phase := fmt.Sprintf("フェーズ%02d", p+1)
		tasks = append(tasks, project.Task{WBSID: fmt.Sprint(p + 1), Level: 1, Name: phase, Summary: true})
		if p%4 == 0 {
			cfg.Milestones = append(cfg.Milestones, config.Milestone{Name: phase + "完了", Date: phaseStart.AddDays(120)})
		}
		for g := range groups {
			tasks = append(tasks, project.Task{WBSID: fmt.Sprintf("%d.%d", p+1, g+1), Level: 2, Name: fmt.Sprintf("%s 作業群%d", phase, g+1), Summary: true})
			for k := range 49 {
				s := phaseStart.AddDays(g%10*7 + k%12)
				t := project.Task{
					WBSID: fmt.Sprintf("%d.%d.%d", p+1, g+1, k+1), Level: 3, Name: fmt.Sprintf("作業 %d-%d-%d", p+1, g+1, k+1),
					Team: cfg.Teams[(p+g)%6].Name, PlannedStart: s, PlannedFinish: s.AddDays(rng.IntN(20)),
					Assignee: project.NamesOf([]string{people[rng.IntN(60)]}), Milestone: k == 48,
				}
				pos := src
				pos.Row = len(tasks) + 2
				t.SetSource(pos)
				if k%3 == 0 {
					t.Assignee = t.Assignee.With(people[rng.IntN(60)])
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
	prios := []project.Priority{project.NoPriority, project.High, project.Medium, project.Low}
	itemStatuses := []project.ItemStatus{project.NoItemStatus, project.Open, project.ItemWorking, project.Resolved, project.Closed, project.ItemOnHold}
	issues := make([]project.Issue, 500*groups)
	for i := range issues {
		raised := start.AddDays(rng.IntN(365))
		issues[i] = project.Issue{ID: fmt.Sprintf("Q-%04d", i+1), Title: fmt.Sprintf("課題 %d", i+1), Priority: prios[rng.IntN(4)],
			Status: itemStatuses[rng.IntN(len(itemStatuses))], RaisedOn: raised, Due: raised.AddDays(rng.IntN(60)),
			Owner: []string{people[rng.IntN(60)]}}
		issues[i].SetSource(diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題", Row: i + 2})
		if i%20 == 0 {
			issues[i].Owner, issues[i].Due = nil, 0
		}
	}
	risks := make([]project.Risk, 30*groups)
	for i := range risks {
		risks[i] = project.Risk{ID: fmt.Sprintf("R-%03d", i+1), Title: fmt.Sprintf("リスク %d", i+1),
			Probability: num(float64(1 + rng.IntN(5))), Impact: num(float64(1 + rng.IntN(5))),
			Status: itemStatuses[rng.IntN(len(itemStatuses))]}
	}
	return &Project{Config: cfg, AsOf: asOf, Tasks: tasks, Issues: issues, Risks: risks}
}

// WBSFields are the columns of the flat sheet WBS makes, in order, as the
// reader maps them (Task.Cells). Only read.
var WBSFields = []string{"wbs_id", "level", "name", "team", "assignee", "planned_start", "planned_finish",
	"actual_start", "actual_finish", "planned_effort", "actual_effort", "progress", "status", "predecessors",
	"deliverable", "notes", "milestone"}

// WBS is the flat sheet tools/genwbs writes (rows tasks of 18 columns, all
// at level 3, dates over ten months of 2026, a third of them done) as
// pmo convert sees it: the project window is the span of its dates, the
// calendar Japanese, the thresholds the defaults, the status date
// 2026-11-20.
func WBS(rows int) *Project {
	asOf := day(2026, 11, 20)
	src := diag.Pos{File: "wbs.xlsx", Sheet: "Sheet1"}
	st := []project.TaskStatus{project.NotStarted, project.InProgress, project.Done}
	raw := []string{"未着手", "作業中", "完了"}
	base := day(2026, 4, 1) // serial 46113
	tasks := make([]project.Task, rows)
	for i := range tasks {
		b := base.AddDays(i % 300)
		t := project.Task{
			WBSID: fmt.Sprintf("%d.%d.%d", i/1000+1, (i/50)%20+1, i%50+1), Level: 3, Name: fmt.Sprintf("タスク%d 設計書作成", i),
			Team: "基盤", Assignee: project.NamesOf([]string{fmt.Sprintf("担当%d", i%40)}),
			PlannedStart: b, PlannedFinish: b.AddDays(10), ActualStart: b.AddDays(1), ActualFinish: b.AddDays(12),
			PlannedEffort: num(5.5), ActualEffort: num(6), Progress: num(float64(i % 101)),
			Status: st[i%3], StatusRaw: raw[i%3], Predecessors: fmt.Sprintf("%d.%d.%d", i/1000+1, (i/50)%20+1, i%50),
			Deliverable: "設計書", Notes: "備考テキスト",
		}
		pos := src
		pos.Row = i + 2
		t.SetSource(pos)
		for c, f := range WBSFields {
			t.Cells.Set(f, i+2, c+1)
		}
		tasks[i] = t
	}
	first, last := base, base.AddDays(299+12)
	cfg := &config.Project{
		Path: "wbs.xlsx", Version: 1,
		Project:    config.Info{ID: "wbs", Name: "wbs", Currency: "JPY", StatusDate: asOf, Start: first, End: last},
		Calendar:   config.Calendar{Holidays: "jp"},
		Thresholds: config.DefaultThresholds(),
		Sources:    []config.Source{{File: "wbs.xlsx", Path: "wbs.xlsx"}},
	}
	return &Project{Config: cfg, AsOf: asOf, Tasks: tasks}
}
