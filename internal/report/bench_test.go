package report_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/internal/synth"
)

// benchDocument builds the document of p and reads every cell of its
// task, issue and risk tables, as the tracker writer does.
func benchDocument(b *testing.B, p *synth.Project) {
	a := analyze.Analyze(analyze.Input{Config: p.Config, AsOf: p.AsOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks})
	in := report.Input{Lang: "ja", Facts: report.Facts{ID: p.Config.Project.ID, Name: p.Config.Project.Name},
		Issues: p.Issues, Risks: p.Risks, Findings: a.Findings, Analysis: a, Config: p.Config}
	b.ReportAllocs()
	defer synth.ReportCPU(b)()
	for b.Loop() {
		d := report.Build(in)
		n := 0
		tc, ic, rc := d.TaskColumns(), d.IssueColumns(), d.RiskColumns()
		for i := range d.Tasks {
			for _, c := range tc {
				if !d.TaskValue(i, c.Key).Empty {
					n++
				}
			}
		}
		for i := range d.Issues {
			for _, c := range ic {
				if !d.IssueValue(i, c.Key).Empty {
					n++
				}
			}
		}
		for i := range d.Risks {
			for _, c := range rc {
				if !d.RiskValue(i, c.Key).Empty {
					n++
				}
			}
		}
		if n == 0 {
			b.Fatal("no cells")
		}
	}
}

// BenchmarkDocumentWBS50k is the document of pmo convert on the
// 50,000-row sheet of tools/genwbs; BenchmarkDocument200k a programme of
// 200,040 tasks and 50,000 issues, whose time per row should be that of
// the 50k.
func BenchmarkDocumentWBS50k(b *testing.B) { benchDocument(b, synth.WBS(50000)) }
func BenchmarkDocument200k(b *testing.B)   { benchDocument(b, synth.Programme(100)) }
