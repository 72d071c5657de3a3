package xlsx

import (
	"strconv"
	"testing"
)

// BenchmarkRender writes the tracker of a generated project with 5,000
// tasks and 1,000 issues over a year (a weekly Gantt grid).
func BenchmarkRender(b *testing.B) {
	d := generated(spec{tasks: 5000, issues: 1000, risks: 200, start: day0(), days: 365, lang: "ja", seed: 42})
	b.ReportAllocs()
	var size int
	for b.Loop() {
		data, err := Render(d)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

// BenchmarkRenderWBS writes trackers whose WBS has 5,000 and 50,000 tasks
// (a few issues and risks beside), the tracker half of `pmo convert`.
func BenchmarkRenderWBS(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			d := generated(spec{tasks: n, issues: 50, risks: 20, start: day0(), days: 365, lang: "ja", seed: 42})
			b.ReportAllocs()
			var size int
			for b.Loop() {
				data, err := Render(d)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.ReportMetric(float64(size)/1e6, "MB/file")
		})
	}
}

// BenchmarkRenderProject writes the tracker of a project the size of the
// batch benchmark's (1,000 tasks, 300 issues): the cost a batch pays per
// project for its tracker.
func BenchmarkRenderProject(b *testing.B) {
	d := generated(spec{tasks: 1000, issues: 300, risks: 30, start: day0(), days: 365, lang: "ja", seed: 42})
	b.ReportAllocs()
	var size int
	for b.Loop() {
		data, err := Render(d)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/1e6, "MB/file")
}
