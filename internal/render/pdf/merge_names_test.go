package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestPortfolioPartsTakeAnyName: names are the users' own text, and the
// merger reads fpdf's objects as text (merge.go refuses a dictionary it
// does not expect rather than write a wrong file). Names made of PDF
// syntax — brackets, backslashes, references, dictionary and stream
// keywords, a line break — in the portfolio's name (the document
// information and every page's header) and the projects' (the rows, the
// failed projects' errors) must still give a valid file, in parts as in
// one document, that reads back the names.
func TestPortfolioPartsTakeAnyName(t *testing.T) {
	t.Parallel()
	const odd = `(1 0 R) \ ) ( <</Type /Page>> endobj stream 2 0 obj`
	pf := handPortfolio(t, "ja", 40)
	pf.Name = "案件群 " + odd + "\nendstream"
	for i := range pf.Rows {
		pf.Rows[i].Name = fmt.Sprintf("名前%d %s", i, odd)
		if pf.Rows[i].Error != "" {
			pf.Rows[i].Error += " " + odd
		}
	}
	one, _, err := renderPortfolioParts(pf, Options{}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, partPages} {
		got, _, err := renderPortfolioParts(pf, Options{}, nil, size)
		if err != nil {
			t.Fatalf("parts of %d: %v", size, err)
		}
		pages, _, _ := drawnPages(t, got)
		want, _, _ := drawnPages(t, one)
		if len(pages) != len(want) || len(pages) < 2 {
			t.Fatalf("parts of %d: %d pages, one document %d", size, len(pages), len(want))
		}
		for i := range pages {
			if !bytes.Equal(pages[i], want[i]) {
				t.Fatalf("parts of %d: page %d draws differently", size, i+1)
			}
		}
		path := filepath.Join(t.TempDir(), "portfolio.pdf")
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		run(t, "qpdf", "--check", path)
		text := run(t, "pdftotext", "-layout", path, "-")
		for _, s := range []string{"名前0 (1 0 R)", "名前39 (1 0 R)", `<</Type /Page>> endobj stream 2 0 obj`} {
			if !strings.Contains(text, s) {
				t.Errorf("parts of %d: %q not in the text", size, s)
			}
		}
		if info := run(t, "pdfinfo", path); !strings.Contains(info, "案件群 (1 0 R)") {
			t.Errorf("parts of %d: the title is not the portfolio's name:\n%s", size, info)
		}
	}
}

// TestMergerRefusesWhatItDoesNotKnow: the merger reads fpdf's output as
// fpdf writes it for our pages; a part it does not know how to take apart
// (a page with a link, compressed contents, a page of another size) is
// refused with errLayout, never merged into a file that reads wrong, and
// page numbers that do not match the pages are refused at the end.
func TestMergerRefusesWhatItDoesNotKnow(t *testing.T) {
	t.Parallel()
	part := func(edit func(f *fpdf.Fpdf)) []byte {
		f := fpdf.New("L", "mm", "A4", "")
		f.SetCompression(false)
		f.SetFont("Helvetica", "", 9)
		f.AddPage()
		f.Text(10, 10, "page")
		edit(f)
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	plain := part(func(*fpdf.Fpdf) {})
	for name, b := range map[string][]byte{
		"link":       part(func(f *fpdf.Fpdf) { f.LinkString(10, 10, 20, 5, "https://example.com/") }),
		"compressed": part(func(f *fpdf.Fpdf) { f.SetCompression(true) }),
		"page size":  part(func(f *fpdf.Fpdf) { f.AddPageFormat("P", fpdf.SizeType{Wd: 100, Ht: 100}) }),
		"cut short":  plain[:len(plain)/2],
	} {
		m, err := newMerger(0)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.add(plain); err != nil {
			t.Fatalf("%s: the plain part: %v", name, err)
		}
		err = m.add(b)
		if err == nil {
			t.Errorf("%s: merged", name)
		} else if !errors.Is(err, errLayout) {
			t.Errorf("%s: %v, want errLayout", name, err)
		}
	}
	m, err := newMerger(0)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.add(plain); err != nil {
		t.Fatal(err)
	}
	if _, err := m.finish(nil, finish{}); !errors.Is(err, errLayout) {
		t.Errorf("a page without its page number: %v, want errLayout", err)
	}
}
