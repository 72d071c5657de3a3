package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/golden"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/templates"
	"golang.org/x/image/font/gofont/goregular"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func load(tb testing.TB, example, lang string) *report.Document {
	tb.Helper()
	p, err := pipeline.Load(context.Background(), filepath.Join("..", "..", "..", "examples", example, "project.yaml"), pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p.Document(lang)
}

func renderRec(t *testing.T, d *report.Document) ([]byte, diag.Findings, []textRun) {
	t.Helper()
	var runs []textRun
	b, fs, err := render(d, Options{}, &runs)
	if err != nil {
		t.Fatal(err)
	}
	return b, fs, runs
}

// shownTitles are the task, issue and risk titles the report shows, by
// the same selection the renderer makes.
func shownTitles(d *report.Document) []string {
	var out []string
	for _, t := range d.Tasks {
		if t.Level <= 2 {
			out = append(out, t.Name)
		}
	}
	lt := append(append([]analyze.TaskRef{}, d.A.Tasks.LateTasks...), d.A.Tasks.BehindTasks...)
	for _, t := range lt[:min(len(lt), maxRows)] {
		out = append(out, t.Name)
	}
	top := d.A.Issues.Top
	for _, is := range top[:min(len(top), topIssueCount)] {
		out = append(out, is.Title)
	}
	n := 0
	for _, is := range top {
		if (is.Overdue || is.Priority == project.High.String()) && n < maxRows {
			out = append(out, is.Title)
			n++
		}
	}
	for _, r := range d.A.Risks.Top[:min(len(d.A.Risks.Top), topRiskCount)] {
		out = append(out, r.Title)
	}
	return out
}

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, s)
}

// allText is the text of the page bodies in drawing order, without the
// running headers and footers that would split a text crossing a page.
func allText(runs []textRun) string {
	var b strings.Builder
	for _, r := range runs {
		if r.page > 1 && r.top < topRest-2 || r.top > bottom {
			continue
		}
		b.WriteString(r.s)
	}
	return b.String()
}

// checkRuns fails when a line of text leaves the page's printable area.
func checkRuns(t *testing.T, runs []textRun) {
	t.Helper()
	const eps = 0.01
	for _, r := range runs {
		if r.x < marginX-eps || r.x+r.w > pageW-marginX+eps || r.top < 0 || r.top+r.h > pageH-5 {
			t.Errorf("page %d: %q at (%.1f, %.1f) width %.1f leaves the page", r.page, r.s, r.x, r.top, r.w)
		}
	}
}

func dump(runs []textRun, pages int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", pages)
	page := 0
	for _, r := range runs {
		if r.page != page {
			page = r.page
			fmt.Fprintf(&b, "--- page %d\n", page)
		}
		b.WriteString(r.s + "\n")
	}
	return b.String()
}

// tool returns the path of a command-line tool, skipping the test when it
// is missing — or failing it under CI, which installs qpdf and poppler.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(tool(t, name), args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String()
}

func TestRenderExamples(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ example, lang string }{
		{"kikan", "ja"}, {"ec", "ja"}, {"network", "ja"}, {"kikan", "en"},
	} {
		name := c.example + "-" + c.lang
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := load(t, c.example, c.lang)
			b, fs, runs := renderRec(t, d)
			if len(fs) > 0 {
				t.Errorf("findings for an example: %v", fs)
			}
			checkRuns(t, runs)
			pages := runs[len(runs)-1].page
			golden.Check(t, *update, filepath.Join("testdata", name+".golden"), []byte(dump(runs, pages)))
			text := squash(allText(runs))
			for _, title := range shownTitles(d) {
				if !strings.Contains(text, squash(title)) {
					t.Errorf("title %q is not drawn whole", title)
				}
			}

			path := filepath.Join(t.TempDir(), name+".pdf")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run("qpdf", func(t *testing.T) {
				run(t, "qpdf", "--check", path)
				if n := strings.TrimSpace(run(t, "qpdf", "--show-npages", path)); n != fmt.Sprint(pages) {
					t.Errorf("qpdf counts %s pages, the renderer drew %d", n, pages)
				}
			})
			t.Run("pdftotext", func(t *testing.T) {
				// -raw keeps content-stream order, in which every cell's
				// lines are consecutive: a title wrapped over lines must
				// come back whole, not a character dropped at a break.
				raw := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
				// -layout interleaves the columns of a table row, so there
				// each title's characters are counted instead.
				layout := squash(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
				have := map[rune]int{}
				for _, r := range layout {
					have[r]++
				}
				need := map[rune]int{}
				for _, title := range shownTitles(d) {
					if !strings.Contains(raw, squash(title)) {
						t.Errorf("pdftotext -raw does not return %q whole", title)
					}
					for _, r := range squash(title) {
						need[r] = max(need[r], strings.Count(squash(title), string(r)))
					}
				}
				for r, n := range need {
					if have[r] < n {
						t.Errorf("pdftotext -layout returns %q %d times, a title has it %d times", r, have[r], n)
					}
				}
				if !strings.Contains(layout, squash(d.Project.Name)) || !strings.Contains(raw, squash(d.Comment)) {
					t.Errorf("project name or PM comment missing from the extracted text")
				}
			})
		})
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	d := load(t, "ec", "ja")
	// The embedded font is shared by every render: none may change it.
	font := sha256.Sum256(templates.Font())
	defer func() {
		if sha256.Sum256(templates.Font()) != font {
			t.Errorf("rendering modified the embedded font")
		}
	}()
	first, _, err := Render(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		again, _, err := Render(load(t, "ec", "ja"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20261120")) {
		t.Errorf("creation date is not the status date")
	}
}

func TestMissingGlyphs(t *testing.T) {
	t.Parallel()
	d := load(t, "kikan", "ja")
	d.Tasks[0].Name = "𠮷野家の要件定義"
	d.Comment = "顧客𠮷田様と合意⚠"
	b, fs, runs := renderRec(t, d)
	if len(b) == 0 {
		t.Fatal("no PDF")
	}
	text := allText(runs)
	if !strings.Contains(text, "〓野家の要件定義") || !strings.Contains(text, "顧客〓田様と合意〓") {
		t.Errorf("missing characters are not shown as 〓")
	}
	want := map[string]bool{}
	for _, f := range fs {
		if f.Severity != diag.Warning || f.Rule != "pdf-missing-glyph" {
			t.Errorf("unexpected finding %v", f)
		}
		want[f.Pos.String()+" "+f.Message[:strings.Index(f.Message, " cannot")]] = true
	}
	for _, k := range []string{
		d.Tasks[0].Source().String() + ` character U+20BB7 "𠮷"`,
		` character U+20BB7 "𠮷"`,
		` character U+26A0 "⚠"`,
	} {
		if !want[k] {
			t.Errorf("no finding %q among %v", k, fs)
		}
	}
}

func TestLongText(t *testing.T) {
	t.Parallel()
	d := load(t, "ec", "ja")
	long := strings.Repeat("決済代行会社の仕様変更（第２版）により、API連携の再設計が必要となった。", 60)
	d.Comment = long
	d.A.Issues.Top[0].Title = strings.Repeat("配送業者の仕様書が未提出のため、送り状発行機能の製造に着手できない。", 90)
	d.A.Issues.Top[0].Priority = project.High.String()
	_, _, runs := renderRec(t, d)
	checkRuns(t, runs)
	if !strings.Contains(squash(allText(runs)), squash(long)) {
		t.Errorf("a comment of %d characters is not drawn whole", len([]rune(long)))
	}
	// A row split over pages interleaves its other cells and the repeated
	// header with the title's lines: read the title's column alone.
	title := d.A.Issues.Top[0].Title
	tables := 0
	for _, x := range titleColumns(runs, title) {
		var col []textRun
		for _, r := range runs {
			if math.Abs(r.x-x) < 0.01 && r.s != d.L.Get("col.title") {
				col = append(col, r)
			}
		}
		if strings.Contains(squash(allText(col)), squash(title)) {
			tables++
		}
	}
	if tables != 2 {
		t.Errorf("a title of %d characters is drawn whole in %d tables, want 2", len([]rune(title)), tables)
	}
	// The comment no longer fits beside the issues: page 1 flows on.
	if first := runs[len(runs)-1].page; first < 8 {
		t.Errorf("only %d pages for text that needs more", first)
	}
}

// titleColumns returns the x of every line that starts title.
func titleColumns(runs []textRun, title string) []float64 {
	var xs []float64
	for _, r := range runs {
		if len(r.s) > 6 && strings.HasPrefix(title, r.s) && !slices.Contains(xs, r.x) {
			xs = append(xs, r.x)
		}
	}
	return xs
}

func TestChanges(t *testing.T) {
	t.Parallel()
	d := load(t, "kikan", "ja")
	spi := 0.03
	d.A.Changes = &analyze.Changes{Since: date.Of(2026, 11, 13), ProgressDelta: 4.2, SPIDelta: &spi, NewIssues: 2, ClosedIssues: 1,
		NewlyLate: []string{"1.3"}, MilestoneMoves: []analyze.MilestoneMove{{Name: "本番稼働", From: date.Of(2027, 3, 1), To: date.Of(2027, 3, 15)}},
		RAGBefore: analyze.Amber}
	_, _, runs := renderRec(t, d)
	text := allText(runs)
	for _, s := range []string{"前回報告：2026-11-13", "実績進捗：+4.2pt", "SPI：+0.03", "新規課題：2", "完了課題：1",
		"総合評価：黄 → 赤", "新たに遅延したタスク：1.3", "本番稼働 2027-03-01 → 2027-03-15"} {
		if !strings.Contains(text, s) {
			t.Errorf("changes: %q not drawn", s)
		}
	}
	if strings.Contains(text, d.L.Get("changes.none")) {
		t.Errorf("says there is no previous report")
	}
}

// FuzzRenderText puts arbitrary text where users write free text — the
// PM's comment, a task name, an issue title — and checks the report still
// renders and draws all of it (as cleaned: 〓 for what the font lacks).
func FuzzRenderText(f *testing.F) {
	base := load(f, "network", "ja")
	m := fontMetrics(f)
	for _, s := range []string{"", "𠮷野家", "（注）ーー。。", strings.Repeat("長い件名", 200), "a\r\n\tb\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := *base
		d.Comment = s
		d.Tasks = append([]project.Task(nil), base.Tasks...)
		d.Tasks[0].Name = s
		var runs []textRun
		if _, _, err := render(&d, Options{}, &runs); err != nil {
			t.Fatal(err)
		}
		checkRuns(t, runs)
		clean, _ := m.clean(s, replacement)
		if strings.TrimSpace(s) != "" && !strings.Contains(squash(allText(runs)), squash(clean)) {
			t.Fatalf("comment %q not drawn whole", s)
		}
	})
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	d := load(t, "network", "ja")
	tests := []struct {
		name string
		d    *report.Document
		opt  Options
	}{
		{"no document", nil, Options{}},
		{"no analysis", &report.Document{}, Options{}},
		{"not a font", d, Options{Font: []byte("not a font")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if b, _, err := Render(tt.d, tt.opt); err == nil || b != nil {
				t.Errorf("Render = %d bytes, %v; want an error", len(b), err)
			}
		})
	}
}

func TestOtherFont(t *testing.T) {
	t.Parallel()
	// Go Regular has no kana, no kanji and no 〓: every Japanese character
	// becomes "?" with a finding, and the report still renders.
	d := load(t, "network", "en")
	b, fs, err := Render(d, Options{Font: goregular.TTF})
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 || len(fs) == 0 {
		t.Fatalf("%d bytes, %d findings; want a PDF and findings", len(b), len(fs))
	}
	for _, f := range fs {
		if f.Rule != "pdf-missing-glyph" || !strings.HasSuffix(f.Message, "shows ? instead") {
			t.Errorf("unexpected finding %v", f)
		}
	}
	if !bytes.Contains(b, []byte("/FontFile2")) {
		t.Errorf("font not embedded")
	}
}

func TestLargeProjectSize(t *testing.T) {
	t.Parallel()
	d := largeProject(t, t.TempDir())
	b, fs, runs := renderRec(t, d)
	if len(fs) > 0 {
		t.Errorf("findings: %v", fs)
	}
	checkRuns(t, runs)
	const limit = 300 << 10
	if len(b) >= limit {
		t.Errorf("report for 310 tasks and 100 issues is %d bytes, limit %d", len(b), limit)
	}
	t.Logf("%d bytes, %d pages", len(b), runs[len(runs)-1].page)
}

func BenchmarkRender(b *testing.B) {
	for _, c := range []struct {
		name string
		d    func() *report.Document
	}{
		{"kikan", func() *report.Document { return load(b, "kikan", "ja") }},
		{"large", func() *report.Document { return largeProject(b, b.TempDir()) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			d := c.d()
			size := 0
			for b.Loop() {
				out, _, err := Render(d, Options{})
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/report")
		})
	}
}
