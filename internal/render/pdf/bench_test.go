package pdf

import "testing"

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
