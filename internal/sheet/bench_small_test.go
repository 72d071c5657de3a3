package sheet_test

import (
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkReadFullHeight opens a WBS filled to Excel's last row
// (1,048,575 tasks under a header, 18 columns: `go run ./tools/genwbs
// -rows 1048575`), whose sheet XML inflates to some 900 MB. Such a sheet
// is past limits.SourceBytes, so what it measures today is the refusal:
// a one-line error before anything is inflated, in milliseconds and a few
// MB. Should the limits ever admit it, it measures the read. The file
// takes half a minute to generate, so the benchmark runs only when
// PMO_BENCH_FULL names it.
func BenchmarkReadFullHeight(b *testing.B) {
	path := os.Getenv("PMO_BENCH_FULL")
	if path == "" {
		b.Skip("set PMO_BENCH_FULL to a workbook from `go run ./tools/genwbs -rows 1048575`")
	}
	b.ReportAllocs()
	refused := 0.0
	for b.Loop() {
		bk, err := sheet.Open(path, sheet.OpenOptions{})
		if err == nil {
			var res *sheet.Result
			if res, err = sheet.Read(bk, sheet.Options{}); err == nil && res.Tables[0].Count < 1_000_000 {
				b.Fatalf("read %d records of a full-height sheet", res.Tables[0].Count)
			}
		}
		if err != nil {
			if !strings.Contains(err.Error(), "limit") {
				b.Fatalf("not refused by a limit: %v", err)
			}
			refused = 1
		}
	}
	b.ReportMetric(refused, "refused")
}
