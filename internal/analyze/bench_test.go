package analyze_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/synth"
)

// programme is synth.Programme(groups) (Programme(10): 20,040 tasks, 5,000
// issues, 300 risks) with the previous week's snapshot, so the changes,
// re-plan and source digests are computed too.
func programme(groups int) analyze.Input {
	p := synth.Programme(groups)
	in := analyze.Input{Config: p.Config, AsOf: p.AsOf.AddDays(-7), Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks}
	prev := snapshot(in, analyze.Analyze(in))
	in.AsOf, in.Previous = p.AsOf, prev
	return in
}

func bigProject() analyze.Input { return programme(10) }

func benchAnalyze(b *testing.B, in analyze.Input) {
	r := analyze.Analyze(in)
	b.Logf("%d tasks (%d leaves, %d late, %d behind, %d unscheduled), %d issues, %d risks, %d people × %d weeks, %d milestones, %d findings",
		r.Tasks.Total, r.Tasks.Leaf, r.Tasks.Late, r.Tasks.Behind, r.Tasks.Unscheduled, len(in.Issues), len(in.Risks),
		len(r.Workload.People), len(r.Workload.Weeks), len(r.Milestones), len(r.Findings))
	b.ReportAllocs()
	defer synth.ReportCPU(b)()
	for b.Loop() {
		analyze.Analyze(in)
	}
}

func BenchmarkAnalyze(b *testing.B) { benchAnalyze(b, bigProject()) }

// BenchmarkAnalyze200k is BenchmarkAnalyze at ten times the size: its time
// per task should be about the same, or something is superlinear.
func BenchmarkAnalyze200k(b *testing.B) { benchAnalyze(b, programme(100)) }

// BenchmarkAnalyzeWBS50k is the analysis of pmo convert on the 50,000-row
// sheet of tools/genwbs.
func BenchmarkAnalyzeWBS50k(b *testing.B) {
	p := synth.WBS(50000)
	benchAnalyze(b, analyze.Input{Config: p.Config, AsOf: p.AsOf, Tasks: p.Tasks,
		Sources: []analyze.SourceInput{{Name: "wbs.xlsx", Key: "wbs.xlsx", Tables: []analyze.TableInput{
			{Sheet: "Sheet1", Kind: project.KindWBS, Fields: synth.WBSFields, Records: len(p.Tasks)}}}}})
}

// BenchmarkAnalyzeSmall is one project of a batch: 2,040 tasks, 500
// issues, 30 risks, the calendar shared between projects as a batch shares
// it, so what remains is the per-project cost.
func BenchmarkAnalyzeSmall(b *testing.B) {
	in := programme(1)
	in.Calendars = analyze.NewCalendars()
	benchAnalyze(b, in)
}
