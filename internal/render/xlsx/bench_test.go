package xlsx

import "testing"

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
