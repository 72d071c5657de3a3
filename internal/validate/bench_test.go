package validate_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/synth"
	"github.com/pmokit/pmo/internal/validate"
)

func benchCheck(b *testing.B, p *synth.Project) {
	in := validate.Input{Config: p.Config, AsOf: p.AsOf, Tasks: p.Tasks, Issues: p.Issues, Risks: p.Risks}
	b.Logf("%d tasks, %d issues, %d risks: %d findings", len(p.Tasks), len(p.Issues), len(p.Risks), len(validate.Check(in)))
	b.ReportAllocs()
	defer synth.ReportCPU(b)()
	for b.Loop() {
		validate.Check(in)
	}
}

// BenchmarkCheckWBS50k is the validation of pmo convert on the 50,000-row
// sheet of tools/genwbs, where most rows have a finding.
func BenchmarkCheckWBS50k(b *testing.B) { benchCheck(b, synth.WBS(50000)) }

// BenchmarkCheck is a programme of 20,040 tasks, 5,000 issues and 300
// risks with a roster; BenchmarkCheck200k the same at ten times the size,
// whose time per record should be about the same.
func BenchmarkCheck(b *testing.B)     { benchCheck(b, synth.Programme(10)) }
func BenchmarkCheck200k(b *testing.B) { benchCheck(b, synth.Programme(100)) }
