package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/batch/synth"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/render/pdf"
	"github.com/pmokit/pmo/internal/render/xlsx"
	"github.com/pmokit/pmo/internal/report"
)

// benchSize is the synthetic portfolio the batch benchmarks run:
// PMO_BENCH_BATCH=PROJECTSxTASKSxISSUES, small by default so that a plain
// go test -bench stays short; tools/bench-batch.sh measures the big ones
// (100 and 1,000 projects) with the real command.
func benchSize(b *testing.B) (projects, tasks, issues int) {
	projects, tasks, issues = 6, 300, 90
	if v := os.Getenv("PMO_BENCH_BATCH"); v != "" {
		parts := strings.Split(v, "x")
		n := make([]int, len(parts))
		for i, p := range parts {
			var err error
			if n[i], err = strconv.Atoi(p); err != nil || n[i] <= 0 || len(parts) != 3 {
				b.Fatalf("PMO_BENCH_BATCH=%q: want PROJECTSxTASKSxISSUES", v)
			}
		}
		projects, tasks, issues = n[0], n[1], n[2]
	}
	return
}

// render is what pmo batch renders: the tracker and the PDF report.
func render(_ *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error) {
	t, err := xlsx.Render(d)
	if err != nil {
		return nil, nil, err
	}
	p, fs, err := pdf.Render(d, pdf.Options{})
	if err != nil {
		return nil, nil, err
	}
	return map[string][]byte{"tracker.xlsx": t, "status.pdf": p}, fs, nil
}

// BenchmarkBatch runs a generated portfolio through the batch and writes
// its portfolio workbook and summary: "full" into an empty output folder
// each time, "rerun" again over unchanged inputs (every project reused).
func BenchmarkBatch(b *testing.B) {
	projects, tasks, issues := benchSize(b)
	dir := b.TempDir()
	if err := synth.Portfolio(dir, projects, tasks, issues); err != nil {
		b.Fatal(err)
	}
	plan, err := batch.Discover(filepath.Join(dir, "portfolio.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	once := func(out string) *batch.Result {
		res := batch.Run(context.Background(), plan, batch.Options{Out: out, Render: render, Outputs: []string{"tracker.xlsx", "status.pdf"}})
		if res.Failed() > 0 {
			b.Fatalf("%d projects failed", res.Failed())
		}
		if _, err := xlsx.RenderPortfolio(res.Overview("ja")); err != nil {
			b.Fatal(err)
		}
		if err := batch.WriteSummary(out, res); err != nil {
			b.Fatal(err)
		}
		return res
	}
	name := fmt.Sprintf("%dx%dx%d", projects, tasks, issues)
	b.Run("full/"+name, func(b *testing.B) {
		n := 0
		for b.Loop() {
			once(filepath.Join(b.TempDir(), strconv.Itoa(n)))
			n++
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(n*projects), "ms/project")
	})
	b.Run("rerun/"+name, func(b *testing.B) {
		out := b.TempDir()
		once(out)
		n := 0
		for b.Loop() {
			res := once(out)
			if res.Projects[0].Status != batch.StatusReused {
				b.Fatalf("status %s on an unchanged rerun", res.Projects[0].Status)
			}
			n++
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n*projects)/1000, "ms/project")
	})
}
