package pdf

import (
	"bytes"
	"fmt"
	"hash/adler32"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/report"
)

// grownBoard is the examples' portfolio with its board, its rows and
// summary pages repeated n times under new ids and its trend rows n
// times, so that the table and the trend page run over several pages.
func grownBoard(t testing.TB, lang string, n int) *report.Portfolio {
	t.Helper()
	ex := batchtest.ExampleBoard(t, "../../../examples/portfolio.yaml", lang, "")
	pf := *ex
	b := *ex.Board
	pf.Board = &b
	pf.Rows, pf.Documents, b.Trend = nil, nil, nil
	for i := range n {
		for k, r := range ex.Rows {
			r.ID = fmt.Sprintf("%s-%03d", r.ID, i)
			pf.Rows = append(pf.Rows, r)
			pf.Documents = append(pf.Documents, ex.Documents[k])
		}
		for _, r := range ex.Board.Trend {
			r.Project = fmt.Sprintf("%s-%03d", r.Project, i)
			b.Trend = append(b.Trend, r)
		}
	}
	return &pf
}

// drawnPages reads a PDF of ours page by page: what each page draws (its
// content streams, decompressed, one after another) and the transparency
// states its operators name, by name.
func drawnPages(t *testing.T, b []byte) (pages [][]byte, states []map[string]string, others [][]byte) {
	t.Helper()
	f, err := parsePDF(b)
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[int][]byte{}
	for _, o := range f.objects {
		bodies[o.num] = o.body
	}
	streams := inflated(t, b)
	refs := regexp.MustCompile(`(\d+) 0 R`)
	var tree []byte
	for _, o := range f.objects {
		if bytes.Contains(o.body, []byte("<</Type /Pages\n")) {
			if tree != nil {
				t.Fatal("two page trees")
			}
			tree = o.body
		}
	}
	kids := bytes.SplitN(bytes.SplitN(tree, []byte("/Kids ["), 2)[1], []byte("]"), 2)[0]
	used := map[int]bool{}
	for _, k := range refs.FindAllSubmatch(kids, -1) {
		n, _ := strconv.Atoi(string(k[1]))
		page := bodies[n]
		contents := bytes.SplitN(page, []byte("/Contents "), 2)[1]
		var data []byte
		for _, c := range refs.FindAllSubmatch(contents, -1) {
			cn, _ := strconv.Atoi(string(c[1]))
			s, ok := streams[cn]
			if !ok {
				t.Fatalf("page %d: contents %d is not a stream", n, cn)
			}
			used[cn] = true
			data = append(data, s...)
		}
		pages = append(pages, data)
		// The page's ExtGState entries, resolved.
		res := regexp.MustCompile(`/Resources (\d+) 0 R`).FindSubmatch(page)
		rn, _ := strconv.Atoi(string(res[1]))
		gs := map[string]string{}
		if d := bytes.SplitN(bodies[rn], []byte("/ExtGState <<"), 2); len(d) == 2 {
			for _, e := range regexp.MustCompile(`/(GS\d+) (\d+) 0 R`).FindAllSubmatch(bytes.SplitN(d[1], []byte(">>"), 2)[0], -1) {
				on, _ := strconv.Atoi(string(e[2]))
				gs[string(e[1])] = string(withoutObjLine(bodies[on]))
			}
		}
		states = append(states, gs)
	}
	for n, s := range streams {
		if !used[n] {
			others = append(others, s)
		}
	}
	slices.SortFunc(others, bytes.Compare)
	return pages, states, others
}

// TestPortfolioPartsDrawTheSame draws portfolios in parts of a few pages
// — every page break a new fpdf document at size 1 — and in one
// document: every page draws the same operators with the same
// transparency states, and the font subset is the same file.
func TestPortfolioPartsDrawTheSame(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			pfs := map[string]*report.Portfolio{"examples": examplePortfolio(t, lang), "board": grownBoard(t, lang, 22), "hand": handPortfolio(t, lang, 9)}
			for name, pf := range pfs {
				var wantRuns []textRun
				one, wantFs, err := renderPortfolioParts(pf, Options{}, &wantRuns, 0)
				if err != nil {
					t.Fatal(err)
				}
				want, wantStates, wantOthers := drawnPages(t, one)
				if name == "board" && (len(want) < 3*partPages/2 || !bytes.Contains(bytes.Join(want, nil), []byte("/GS1 gs"))) {
					t.Fatalf("%s: %d pages; want more than a part and a half, and transparency", name, len(want))
				}
				for _, size := range []int{1, 2, 7, partPages} {
					var runs []textRun
					got, fs, err := renderPortfolioParts(pf, Options{}, &runs, size)
					if err != nil {
						t.Fatalf("%s, parts of %d: %v", name, size, err)
					}
					pages, states, others := drawnPages(t, got)
					if len(pages) != len(want) {
						t.Fatalf("%s, parts of %d: %d pages, want %d", name, size, len(pages), len(want))
					}
					for i := range pages {
						if !bytes.Equal(pages[i], want[i]) {
							t.Errorf("%s, parts of %d: page %d draws differently:\n%s\nwant\n%s", name, size, i+1, pages[i], want[i])
							break
						}
						for gs, v := range states[i] {
							if bytes.Contains(pages[i], []byte("/"+gs+" gs")) && wantStates[i][gs] != v {
								t.Errorf("%s, parts of %d: page %d: /%s is %q, want %q", name, size, i+1, gs, v, wantStates[i][gs])
							}
						}
					}
					if !slices.EqualFunc(others, wantOthers, bytes.Equal) {
						t.Errorf("%s, parts of %d: the font's streams differ", name, size)
					}
					if !slices.Equal(runs, wantRuns) || !slices.Equal(fs, wantFs) {
						t.Errorf("%s, parts of %d: other text runs or findings", name, size)
					}
					if again, _, _ := renderPortfolioParts(pf, Options{}, nil, size); !bytes.Equal(again, got) {
						t.Errorf("%s, parts of %d: not the same bytes twice", name, size)
					}
					if size == 1 || size == partPages {
						path := filepath.Join(t.TempDir(), "portfolio.pdf")
						if err := os.WriteFile(path, got, 0o644); err != nil {
							t.Fatal(err)
						}
						run(t, "qpdf", "--check", path)
					}
				}
			}
		})
	}
}

func TestAdlerMore(t *testing.T) {
	t.Parallel()
	data := bytes.Repeat([]byte("\xff\x00BT 771.72 19.98 Td (\x001\x00 \x00/) Tj ET\n"), 3000)
	for _, cut := range []int{0, 1, 5551, 5552, 5553, len(data) / 2, len(data) - 1, len(data)} {
		if got, want := adlerMore(adler32.Checksum(data[:cut]), data[cut:]), adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}
