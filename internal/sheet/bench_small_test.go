package sheet_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/pmokit/pmo/internal/batch/synth"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/sheet"
)

// BenchmarkReadBatchProject reads one project of the batch benchmark (a
// 1,000-task WBS with two header rows and a 300-issue 課題管理表 under a
// title row, internal/batch/synth): in a batch of many small projects,
// finding the header costs as much as typing the rows, so this is the
// figure that moves with header detection.
func BenchmarkReadBatchProject(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Portfolio(dir, 1, 1000, 300); err != nil {
		b.Fatal(err)
	}
	files := []struct {
		name string
		kind project.Kind
	}{{"WBS.xlsx", project.KindWBS}, {"課題管理表.xlsx", project.KindIssues}}
	for _, f := range files {
		path := filepath.Join(dir, "p000", f.name)
		b.Run(string(f.kind), func(b *testing.B) {
			b.Run("open+read", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					bk, err := sheet.Open(path, sheet.OpenOptions{})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := sheet.Read(bk, sheet.Options{Kind: f.kind}); err != nil {
						b.Fatal(err)
					}
				}
			})
			// Read alone, on a book opened once: header detection and
			// typing the records.
			b.Run("read", func(b *testing.B) {
				bk, err := sheet.Open(path, sheet.OpenOptions{})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := sheet.Read(bk, sheet.Options{Kind: f.kind}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkReadFullHeight reads a WBS filled to Excel's last row
// (1,048,575 tasks under a header, 18 columns: `go run ./tools/genwbs
// -rows 1048575`), an 84 MB workbook whose sheet XML inflates to some
// 900 MB: Open and Read, as `pmo inspect` does. Besides time and
// allocations it reports the heap still live once the records are read,
// with the book (live-MB): what the grid and the records hold. The file
// takes half a minute to generate, so the benchmark runs only when
// PMO_BENCH_FULL names it.
func BenchmarkReadFullHeight(b *testing.B) {
	path := os.Getenv("PMO_BENCH_FULL")
	if path == "" {
		b.Skip("set PMO_BENCH_FULL to a workbook from `go run ./tools/genwbs -rows 1048575`")
	}
	b.ReportAllocs()
	var live uint64
	for b.Loop() {
		bk, err := sheet.Open(path, sheet.OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := sheet.Read(bk, sheet.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := res.Tables[0].Count; n != 1_048_575 {
			b.Fatalf("read %d records of a full-height sheet, want 1,048,575", n)
		}
		b.StopTimer()
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		live = max(live, m.HeapAlloc)
		runtime.KeepAlive(bk)
		runtime.KeepAlive(res)
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/(1<<20), "live-MB")
}
