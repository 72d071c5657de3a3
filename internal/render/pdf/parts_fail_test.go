package pdf

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
)

// TestPartFailureStopsTheDrawing: once a part of a PDF drawn in parts
// cannot be made — fpdf failed on one of its pages, or the merger refuses
// it — the file cannot be made either, so the drawing stops there with
// the part's error and no bytes, instead of drawing every page after it
// (before: all 500 pages were drawn, and the error came at the end).
func TestPartFailureStopsTheDrawing(t *testing.T) {
	t.Parallel()
	doc := &report.Document{Lang: "ja", L: report.LabelsFor("ja"), Title: "ポートフォリオ", Project: report.Facts{ID: "p", Name: "案件群"}}
	for _, c := range []struct {
		name     string
		fail     func(w *writer)
		stopsAt  int // the last page drawn
		contains string
	}{
		// fpdf's error is seen when the next page starts.
		{"fpdf fails on page 60", func(w *writer) { w.pdf.SetErrorf("image %q cannot be read", "logo.png") }, 60, `image "logo.png" cannot be read`},
		// A link makes the merger refuse the part, when the part (pages
		// 49–96) is done.
		{"the merger refuses the part of page 60", func(w *writer) { w.pdf.LinkString(10, 10, 10, 10, "https://example.com") }, 2 * partPages, "layout"},
	} {
		drawn := 0
		out, fs, err := drawParts(doc, Options{}, nil, partPages, func(w *writer) {
			for i := range 500 {
				w.startPage(i > 0)
				drawn++
				w.setFont(9, false)
				w.textAt(marginX, 30, "page", diag.Pos{})
				if drawn == 60 {
					c.fail(w)
				}
			}
		})
		if err == nil || !strings.Contains(err.Error(), "writing the PDF") || !strings.Contains(err.Error(), c.contains) {
			t.Errorf("%s: error %v, want one writing the PDF with %q", c.name, err, c.contains)
		}
		if out != nil || fs != nil {
			t.Errorf("%s: %d bytes and %d findings besides the error, want none", c.name, len(out), len(fs))
		}
		if drawn != c.stopsAt {
			t.Errorf("%s: %d pages drawn, want the drawing to stop at page %d", c.name, drawn, c.stopsAt)
		}
	}
}
