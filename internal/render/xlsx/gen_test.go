package xlsx

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
)

// exampleDoc loads one of the examples' projects as a document.
func exampleDoc(t testing.TB, name, lang string) *report.Document {
	t.Helper()
	p, err := pipeline.Load(context.Background(), "../../../examples/"+name+"/project.yaml", pipeline.Options{})
	if err != nil {
		t.Fatalf("loading example %s: %v", name, err)
	}
	return p.Document(lang)
}

func ptr[T any](v T) *T { return &v }

// spec describes a generated project.
type spec struct {
	tasks, issues, risks int
	start                date.Date
	days                 int // the span the tasks are spread over
	lang                 string
	previous             bool // compare with an earlier run
	seed                 uint64
}

// generated builds a document the way the pipeline does: records, then
// analyze.Analyze with a hand-made project definition, then report.Build.
func generated(s spec) *report.Document {
	rng := rand.New(rand.NewPCG(s.seed, 7))
	asOf := s.start.AddDays(s.days / 2)
	cfg := &config.Project{
		Version: 1,
		Project: config.Info{ID: "gen", Name: "生成プロジェクト R&D", PM: "山田 太郎", Sponsor: "中村 浩二",
			Start: s.start, End: s.start.AddDays(s.days), Budget: 50_000_000, CostPerDay: 60_000, Currency: "JPY", StatusDate: asOf},
		Teams: []config.Team{
			{Name: "基盤", Members: []config.Member{{Name: "鈴木"}, {Name: "田中", Capacity: 3}}},
			{Name: "業務", Members: []config.Member{{Name: "小林"}, {Name: "加藤"}}},
		},
		Calendar:   config.Calendar{Holidays: "jp", DaysOff: []config.DateRange{{From: s.start.AddDays(20), To: s.start.AddDays(20)}}},
		Milestones: []config.Milestone{{Name: "設計完了", Date: s.start.AddDays(s.days / 3)}, {Name: "本番稼働", Date: s.start.AddDays(s.days)}},
		Thresholds: config.DefaultThresholds(),
		Report:     config.Report{Lang: s.lang, Comment: "計画どおり。\n一部の課題は期限超過。", Decisions: []string{"=HYPERLINK(\"http://example.com\",\"承認\")"}},
	}
	people := []string{"鈴木", "田中", "小林", "加藤", "佐々木"}
	teams := []string{"基盤", "業務"}
	var tasks []project.Task
	phase, group := 0, 0
	for i := 0; len(tasks) < s.tasks; i++ {
		switch {
		case i%25 == 0:
			phase++
			group = 0
			tasks = append(tasks, project.Task{WBSID: fmt.Sprint(phase), Level: 1, Name: fmt.Sprintf("フェーズ%d", phase), Team: teams[phase%2]})
		case i%6 == 1:
			group++
			tasks = append(tasks, project.Task{WBSID: fmt.Sprintf("%d.%d", phase, group), Level: 2, Name: fmt.Sprintf("作業グループ%d-%d", phase, group), Team: teams[phase%2]})
		default:
			st := s.start.AddDays(rng.IntN(max(1, s.days-10)))
			fin := st.AddDays(rng.IntN(20))
			t := project.Task{WBSID: fmt.Sprintf("%d.%d.%d", phase, group, i), Level: 3,
				Name: fmt.Sprintf("タスク%d 詳細設計・レビュー", i), Team: teams[phase%2],
				Assignee: project.NamesOf([]string{people[rng.IntN(len(people))]}), PlannedStart: st, PlannedFinish: fin,
				PlannedEffort: project.NumOf(float64(1 + rng.IntN(10))), Notes: notes(rng, i)}
			switch {
			case fin < asOf:
				t.Progress, t.Status, t.ActualStart = project.NumOf(float64(100-rng.IntN(2)*40)), project.Done, st
				t.ActualFinish = fin
				if t.Progress.Val() < 100 {
					t.Status, t.ActualFinish = project.InProgress, 0
				}
			case st < asOf:
				t.Progress, t.Status, t.ActualStart = project.NumOf(float64(rng.IntN(9)*10)), project.InProgress, st
			default:
				t.Progress, t.Status = project.NumOf(0.0), project.NotStarted
			}
			if i%17 == 0 {
				t.Milestone, t.PlannedStart = true, fin
			}
			tasks = append(tasks, t)
		}
		if n := len(tasks); n > 0 {
			tasks[n-1].SetSource(diag.Pos{File: "teams/WBS.xlsx", Sheet: "WBS", Row: n + 5})
		}
	}
	markSummaries(tasks)
	prios := []project.Priority{project.High, project.Medium, project.Low, project.NoPriority}
	stats := []project.ItemStatus{project.Open, project.ItemWorking, project.ItemOnHold, project.Resolved, project.Closed}
	var issues []project.Issue
	for i := range s.issues {
		raised := s.start.AddDays(rng.IntN(max(1, s.days/2)))
		is := project.Issue{ID: fmt.Sprint(i + 1), Title: issueTitle(i), Category: "仕様", Priority: prios[rng.IntN(4)],
			Status: stats[rng.IntN(5)], RaisedOn: raised, RaisedBy: people[rng.IntN(5)], Owner: []string{people[rng.IntN(5)]},
			Due: raised.AddDays(5 + rng.IntN(40)), Resolution: "対応中", Team: teams[i%2],
			Cells: project.SourceAt(diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題", Row: i + 4})}
		if !is.Status.IsOpen() {
			is.ClosedOn = is.Due
		}
		issues = append(issues, is)
	}
	var risks []project.Risk
	for i := range s.risks {
		risks = append(risks, project.Risk{ID: fmt.Sprintf("R%d", i+1), Title: fmt.Sprintf("リスク%d", i+1),
			Probability: project.NumOf(float64(1 + rng.IntN(5))), Impact: project.NumOf(float64(1 + rng.IntN(5))), Owner: []string{people[i%5]},
			Mitigation: "代替案を準備", Status: stats[rng.IntN(3)], Due: asOf.AddDays(14),
			Cells: project.SourceAt(diag.Pos{File: "teams/リスク.xlsx", Sheet: "リスク", Row: i + 3})})
	}
	var prev *analyze.Snapshot
	if s.previous {
		prev = &analyze.Snapshot{Version: 1, Project: "gen", AsOf: asOf.AddDays(-7), Progress: analyze.Progress{Planned: 40, Actual: 35},
			SPI: ptr(0.9), Issues: map[string]bool{"teams/課題管理表.xlsx!課題#1": true}, Late: []string{"1.1.2"},
			Milestones: map[string]date.Date{"設計完了": s.start.AddDays(s.days/3 - 7)}, RAG: analyze.Amber,
			Trend: []analyze.CurvePoint{{Date: asOf.AddDays(-7), Planned: 40, Actual: ptr(35.0)}}}
	}
	a := analyze.Analyze(analyze.Input{Config: cfg, AsOf: asOf, Tasks: tasks, Issues: issues, Risks: risks, Previous: prev})
	fs := diag.Findings{
		{Severity: diag.Error, Rule: "finish-before-start", Pos: diag.Pos{File: "teams/WBS.xlsx", Sheet: "WBS", Row: 7, Col: 8}, Message: "planned finish is before planned start"},
		{Severity: diag.Warning, Rule: "issue-overdue", Pos: diag.Pos{File: "teams/課題管理表.xlsx", Sheet: "課題", Row: 5, Col: 10}, Message: "issue 2 is overdue"},
		{Severity: diag.Info, Rule: "date-year-inferred", Pos: diag.Pos{File: "project.yaml", Row: 3, Col: 5}, Message: "raised_on \"4/1\" has no year"},
	}
	return report.Build(report.Input{
		Lang: s.lang, Facts: report.Facts{ID: cfg.Project.ID, Name: cfg.Project.Name, PM: cfg.Project.PM, Sponsor: cfg.Project.Sponsor,
			Start: cfg.Project.Start, End: cfg.Project.End, Budget: cfg.Project.Budget, Currency: cfg.Project.Currency},
		Comment: cfg.Report.Comment, Decisions: cfg.Report.Decisions,
		Issues: issues, Risks: risks, Findings: append(fs, a.Findings...), Analysis: a, Config: cfg,
	})
}

// markSummaries flags every task followed by a deeper one, as the reader
// does for an outline.
func markSummaries(ts []project.Task) {
	for i := range ts {
		ts[i].Summary = i+1 < len(ts) && ts[i+1].Level > ts[i].Level
	}
}

// Texts a team might type: formulas, at-signs, signs, line breaks, and a
// long run-on log.
func issueTitle(i int) string {
	switch i % 7 {
	case 0:
		return `=HYPERLINK("http://example.com","見る")`
	case 1:
		return "@SUM(A1:A3)"
	case 2:
		return "+81-3-1234-5678 へ連絡"
	case 3:
		return "-（未定）"
	case 4:
		return "帳票レイアウトの確定遅れ\n（ベンダー回答待ち）"
	}
	return fmt.Sprintf("課題%d 現行システムとの差異の確認", i+1)
}

func notes(rng *rand.Rand, i int) string {
	if i%11 != 0 {
		return ""
	}
	s := ""
	for range 1 + rng.IntN(6) {
		s += "・2026-01-01 田中：関係部署と調整中。回答待ち。"
	}
	return s
}

func day0() date.Date { return date.Of(2026, time.April, 1) }
