package sheet_test

import (
	"path/filepath"
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
