package pdf

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/batch/synth"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
)

// BenchmarkRenderPortfolio draws the example portfolio: the table, the
// summary and each built project's page one, as pmo batch does last.
func BenchmarkRenderPortfolio(b *testing.B) {
	pf := examplePortfolio(b, "ja")
	size := 0
	for b.Loop() {
		out, _, err := RenderPortfolio(pf, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/portfolio")
}

// BenchmarkRenderBatchProject draws the report of one project of the
// batch benchmark's size (1,000 WBS rows, 300 issues; see package synth),
// the PDF that pmo batch writes once per project.
func BenchmarkRenderBatchProject(b *testing.B) {
	d := synthProject(b, 1000, 300)
	size := 0
	for b.Loop() {
		out, _, err := Render(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/report")
}

// synthProject loads the first project of a synthetic portfolio with the
// given sizes.
func synthProject(tb testing.TB, tasks, issues int) *report.Document {
	tb.Helper()
	dir := tb.TempDir()
	if err := synth.Portfolio(dir, 1, tasks, issues); err != nil {
		tb.Fatal(err)
	}
	p, err := pipeline.Load(context.Background(), filepath.Join(dir, "p000", "project.yaml"), pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p.Document("ja")
}

// BenchmarkRenderPortfolio100 draws a portfolio of 100 projects: the
// example portfolio's rows and summary pages repeated under new ids, the
// size of the batch benchmark.
func BenchmarkRenderPortfolio100(b *testing.B) { benchmarkPortfolio(b, 100) }

// BenchmarkRenderPortfolio1000 is BenchmarkRenderPortfolio100 at 1,000
// projects (813 pages): drawn in parts, what it allocates grows
// with the pages but what it holds does not.
func BenchmarkRenderPortfolio1000(b *testing.B) { benchmarkPortfolio(b, 1000) }

func benchmarkPortfolio(b *testing.B, n int) {
	ex := examplePortfolio(b, "ja")
	pf := *ex
	pf.Rows, pf.Documents = nil, nil
	for i := range n {
		k := i % len(ex.Rows)
		r := ex.Rows[k]
		r.ID = fmt.Sprintf("%s-%03d", r.ID, i)
		pf.Rows = append(pf.Rows, r)
		var d *report.Document
		if k < len(ex.Documents) {
			d = ex.Documents[k]
		}
		pf.Documents = append(pf.Documents, d)
	}
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		out, _, err := RenderPortfolio(&pf, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/portfolio")
}
