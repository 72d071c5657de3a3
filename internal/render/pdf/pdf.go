// Package pdf renders the backend-neutral report document as the PDF
// status report a steering committee reads: an A4 landscape one-page
// summary (RAG with reasons, KPI tiles, the PM's words, top issues,
// changes), then the evidence — progress curve, milestones, a phase Gantt
// with the progress line (イナズマ線), late tasks, issues, the risk heat map
// and workload.
//
// Text is laid out here, not by fpdf: fpdf's MultiCell and SplitText drop
// kanji at line breaks and a character outside the BMP aborts the whole
// document. Every string is cleaned against the font's own cmap (missing
// characters become 〓 and a warning finding) and broken into lines by
// wrap, which measures each character and follows kinsoku rules. Charts are
// vector drawings. The output is deterministic: dates come from the status
// date and the catalog is sorted, so the same document gives the same bytes.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
	"github.com/pmokit/pmo/templates"
)

// Options are the renderer's settings.
type Options struct {
	// Font is a TrueType font (glyf outlines, Unicode cmap) to draw every
	// text with; nil means the embedded IPAexGothic.
	Font []byte
}

// Render draws d as a PDF. Characters the font cannot draw are shown as 〓
// and reported as warning findings; an error means the font is unusable or
// the PDF could not be written.
func Render(d *report.Document, opt Options) ([]byte, diag.Findings, error) {
	return render(d, opt, nil)
}

// textRun is one line of text as drawn, for tests: its page, its box in
// millimetres and the text.
type textRun struct {
	page         int
	x, top, w, h float64
	s            string
}

// render is Render that also records every line it draws into rec when
// rec is not nil.
func render(d *report.Document, opt Options, rec *[]textRun) ([]byte, diag.Findings, error) {
	if d == nil || d.A == nil {
		return nil, nil, errors.New("no report document to render")
	}
	return draw(d, opt, rec, func(w *writer) {
		w.summary()
		w.progress()
		w.lateTasks()
		w.trends()
		w.testDefectPage()
		w.gantt()
		w.issueTable()
		w.actionsSection()
		w.risks()
		w.workload()
	})
}

// draw makes a writer whose metadata, language and dates come from d,
// lets body draw the pages and returns the PDF with the findings drawing
// made.
func draw(d *report.Document, opt Options, rec *[]textRun, body func(w *writer)) (out []byte, fs diag.Findings, err error) {
	return drawParts(d, opt, rec, 0, body)
}

// drawParts is draw with the pages drawn as documents of at most size
// pages each, merged into one file (see merge.go); size 0 draws one
// document.
func drawParts(d *report.Document, opt Options, rec *[]textRun, size int, body func(w *writer)) (out []byte, fs diag.Findings, err error) {
	font := opt.Font
	if font == nil {
		font = templates.Font()
	}
	m, err := parseMetrics(font)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the font: %w", err)
	}
	// fpdf indexes its font tables without bounds checks; a font that
	// passes parseMetrics but is odd elsewhere must not take pmo down.
	defer func() {
		if r := recover(); r != nil {
			if pf, ok := r.(partFailed); ok {
				out, fs, err = nil, nil, fmt.Errorf("writing the PDF: %w", pf.err)
				return
			}
			out, fs, err = nil, nil, fmt.Errorf("writing the PDF: %v", r)
		}
	}()
	w := newWriter(d, m)
	w.rec = rec
	if size > 0 {
		mg, err := newMerger(0)
		if err != nil {
			return nil, nil, fmt.Errorf("writing the PDF: %w", err)
		}
		w.parts = &parts{size: size, m: mg}
	}
	body(w)
	var buf sink
	total := 0
	if w.parts != nil {
		w.endPart()
		total = w.parts.before
	} else if err := w.pdf.Output(&buf); err != nil {
		return nil, nil, fmt.Errorf("writing the PDF: %w", err)
	} else {
		total = w.pdf.PageNo()
	}
	pages := strconv.Itoa(total)
	// Only the file is needed from here on: the collector may take the
	// pages while the file is finished.
	w.pdf = nil
	for _, r := range pages {
		w.used.add(r)
	}
	fin := finish{alias: utf16(nil, pageAlias), pages: utf16(nil, pages), font: m.font, m: m, used: &w.used}
	if w.parts != nil {
		err = w.parts.err
		if err == nil {
			out, err = w.parts.m.finish(w.parts.nums, fin)
		}
	} else {
		out, err = finishPDF(buf.b, fin)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("writing the PDF: %w", err)
	}
	w.findings.Sort()
	return out, w.findings, nil
}

// sink takes fpdf's finished file without copying it: Output hands its
// whole buffer over in one Write, and the Fpdf is dropped right after, so
// keeping the slice (which a Writer normally must not) is safe here.
type sink struct{ b []byte }

func (s *sink) Write(p []byte) (int, error) {
	if s.b == nil {
		s.b = p
	} else {
		s.b = append(s.b, p...)
	}
	return len(p), nil
}

// pageAlias stands for the page count in the footers until it is known.
const pageAlias = "{nb}"

// utf16 appends s as UTF-16BE code units, the encoding of the pages'
// text (Identity-H with CIDs equal to the characters); s holds BMP
// characters only, as clean leaves it.
func utf16(b []byte, s string) []byte {
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// Page geometry in millimetres (A4 landscape).
const (
	pageW, pageH = 297.0, 210.0
	marginX      = 12.0
	contentW     = pageW - 2*marginX
	topFirst     = 10.0  // page 1 has no running header
	topRest      = 18.0  // below the running header
	bottom       = 196.0 // the footer sits below
	ptMM         = 25.4 / 72
)

// writer is one PDF being drawn: the fpdf document, the font's metrics,
// the flow position on the current page and the findings so far.
type writer struct {
	pdf *fpdf.Fpdf
	m   *metrics
	d   *report.Document // the document being drawn
	// meta is the document whose metadata the PDF carries: d's first
	// value, before a portfolio moves on to its projects.
	meta *report.Document
	// parts is the portfolio's run of documents (see chunks.go); nil
	// for a report, drawn as one document.
	parts *parts
	// onPage is the document of the current page. fpdf draws a page's
	// footer when the next page starts, after a portfolio has switched d
	// to the next project.
	onPage   *report.Document
	repl     rune
	y        float64 // flow position on the current page
	size     float64 // current font size in points
	bold     bool
	findings diag.Findings
	reported map[string]bool // finding keys already recorded
	used     runeSet         // characters drawn, for the font subset
	text     []byte          // textAt's buffer for the encoded text
	op       []byte          // the operator being written (see ops.go)
	rd       bytes.Reader    // hands op to fpdf
	rec      *[]textRun      // tests only
}

func newWriter(d *report.Document, m *metrics) *writer {
	w := &writer{m: m, d: d, meta: d, repl: replacement, reported: map[string]bool{}}
	if !m.has(replacement) {
		w.repl = '?'
	}
	w.pdf = w.newFpdf()
	w.size = 9
	return w
}

// newFpdf makes an fpdf document with the metadata of w.meta.
func (w *writer) newFpdf() *fpdf.Fpdf {
	d := w.meta
	f := fpdf.New("L", "mm", "A4", "")
	// Pages are compressed, the page count put in and the font embedded
	// after fpdf is done (see finishPDF); fpdf draws with a placeholder.
	f.SetCompression(false)
	f.SetCatalogSort(true)
	t := d.AsOf.Time()
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetFont("Helvetica", "", 9)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginX, topFirst, marginX)
	f.SetTitle(w.plainText(d.Project.Name+" "+d.Title), true)
	f.SetAuthor(w.plainText(d.Project.PM), true)
	f.SetSubject(w.plainText(d.Title), true)
	f.SetCreator("pmo", false)
	if d.Lang == "en" {
		f.SetLang("en")
	} else {
		f.SetLang("ja")
	}
	f.SetFooterFunc(w.footer)
	return f
}

// plainText cleans s for metadata, which is not drawn with the font but
// must not carry characters fpdf cannot encode either.
func (w *writer) plainText(s string) string {
	c, _ := w.m.clean(s, w.repl)
	return strings.ReplaceAll(c, "\n", " ")
}

// L returns a label of the document's language.
func (w *writer) L(key string) string { return w.d.L.Get(key) }

// newPage starts a page; pages after the first carry a running header.
func (w *writer) newPage() { w.startPage(w.pageNo() > 0) }

// pageNo is the number of the current page in the whole PDF.
func (w *writer) pageNo() int {
	n := w.pdf.PageNo()
	if w.parts != nil {
		n += w.parts.before
	}
	return n
}

// startPage starts a page of the current document, with the running
// header or without it (a page that opens with its own title block).
func (w *writer) startPage(header bool) {
	if w.parts != nil {
		w.checkPart()
		if w.pdf.PageNo() >= w.parts.size {
			w.nextPart()
		}
	}
	w.pdf.AddPage()
	w.onPage = w.d
	w.y = topFirst
	if !header {
		return
	}
	w.setFont(8, false)
	w.color(grey)
	w.textAt(marginX, 9, w.clip(w.d.Project.Name+"　"+w.d.Title, contentW), diag.Pos{})
	w.stroke(rule)
	w.lineWidth(0.2)
	w.line(marginX, 14, pageW-marginX, 14)
	w.y = topRest
}

// need starts a new page unless h millimetres still fit on this one, and
// reports whether it did.
func (w *writer) need(h float64) bool {
	if w.y+h <= bottom {
		return false
	}
	w.newPage()
	return true
}

func (w *writer) footer() {
	d := w.onPage
	w.stroke(rule)
	w.lineWidth(0.2)
	w.line(marginX, 199, pageW-marginX, 199)
	w.setFont(7.5, false)
	w.color(grey)
	base := 199.0 + 1.2
	w.textAt(marginX, base, w.clip(d.Project.ID, footLeftW), diag.Pos{})
	if !d.AsOf.IsZero() {
		date := d.L.Get("project.status_date") + " " + d.AsOf.String()
		w.textAt((pageW-w.width(date))/2, base, date, diag.Pos{})
	}
	// "{nb}" is replaced after layout, so the page number is set from a
	// fixed left edge wide enough for "999 / 999".
	page := strconv.Itoa(w.pageNo()) + " / " + pageAlias
	if w.parts != nil {
		// The page's last operator: drawn into a stream of its own (see
		// merge.go).
		w.parts.aside = true
		defer w.parts.pageNumberDone()
	}
	w.textAt(pageW-marginX-w.width("999 / 999"), base, page, diag.Pos{})
}

// footLeftW is the room for the footer's left text, clear of the status
// date in the middle.
const footLeftW = 100.0

// clip cleans s and shortens it with "…" to fit width at the current
// size: running headers and footers have one line.
func (w *writer) clip(s string, width float64) string {
	s = strings.ReplaceAll(w.clean(s, diag.Pos{}), "\n", " ")
	if w.width(s) <= width {
		return s
	}
	x, room := 0.0, width-w.measure('…')
	for i, r := range s {
		if x += w.measure(r); x > room {
			return s[:i] + "…"
		}
	}
	return s
}

// setFont selects the size (points) and weight of the following text.
func (w *writer) setFont(size float64, bold bool) {
	if size != w.size {
		w.pdf.SetFontSize(size)
		w.size = size
	}
	w.bold = bold
}

// lineH is the line height of the current size, in millimetres.
func (w *writer) lineH() float64 { return w.size * ptMM * 1.32 }

// measure returns the width of r at the current size, in millimetres.
func (w *writer) measure(r rune) float64 { return w.m.width(r) * w.size * ptMM }

// width returns the width of clean text s at the current size.
func (w *writer) width(s string) float64 {
	x := 0.0
	for _, r := range s {
		x += w.measure(r)
	}
	return x
}

// clean replaces what the font cannot draw, recording one warning per
// character and position; pos says where the text came from, when known.
func (w *writer) clean(s string, pos diag.Pos) string {
	c, missing := w.m.clean(s, w.repl)
	for _, r := range missing {
		key := fmt.Sprintf("%s\x00%d", pos, r)
		if w.reported[key] {
			continue
		}
		w.reported[key] = true
		w.findings.Add(diag.Warning, "pdf-missing-glyph", pos,
			"character %U %q cannot be drawn with the report font; the PDF shows %c instead", r, string(r), w.repl)
	}
	return c
}

// lines cleans s and breaks it into lines of at most width millimetres at
// the current size.
func (w *writer) lines(s string, width float64, pos diag.Pos) []string {
	return wrap(w.clean(s, pos), width, w.measure)
}

// textAt draws one line with its top-left corner at (x, top). s must fit:
// it is cleaned here but not broken.
func (w *writer) textAt(x, top float64, s string, pos diag.Pos) {
	s = w.clean(s, pos)
	if s == "" {
		return
	}
	if w.rec != nil {
		*w.rec = append(*w.rec, textRun{page: w.pageNo(), x: x, top: top, w: w.width(s), h: w.lineH(), s: s})
	}
	// Centre the glyphs' ascent and descent in the line box.
	em := w.size * ptMM
	base := top + (w.lineH()-(w.m.ascent+w.m.descent)*em)/2 + w.m.ascent*em
	for _, r := range s {
		w.used.add(r)
	}
	w.text = utf16(w.text[:0], s)
	f := w.pdf
	if w.bold {
		// IPAexGothic has one weight: stroking the outline as well as
		// filling it gives a bold face that stays searchable text.
		f.SetTextRenderingMode(2)
		w.lineWidth(w.size * 0.012)
		r, g, b := f.GetTextColor()
		f.SetDrawColor(r, g, b)
		w.textOp(x, base, w.text)
		f.SetTextRenderingMode(0)
		return
	}
	w.textOp(x, base, w.text)
}

// para draws s wrapped to width from (x, top) and returns its height.
func (w *writer) para(x, top, width float64, s string, pos diag.Pos) float64 {
	ls := w.lines(s, width, pos)
	for i, l := range ls {
		w.textAt(x, top+float64(i)*w.lineH(), l, pos)
	}
	return float64(len(ls)) * w.lineH()
}

// paraHeight is the height para would take.
func (w *writer) paraHeight(width float64, s string) float64 {
	return float64(len(wrap(w.clean(s, diag.Pos{}), width, w.measure))) * w.lineH()
}

// heading draws a section title in the flow, keeping at least minBody
// millimetres below it on the same page.
func (w *writer) heading(s string, minBody float64) {
	h := w.headingHeight(contentW, s)
	w.need(h + minBody)
	w.headingAt(marginX, w.y, contentW, s)
	w.y += h
}

func (w *writer) headingHeight(width float64, s string) float64 {
	w.setFont(11, true)
	return w.paraHeight(width-3, s) + 2.5
}

func (w *writer) headingAt(x, top, width float64, s string) {
	w.fill(navy)
	w.rect(x, top+0.6, 1.2, 4.6, "F")
	w.setFont(11, true)
	w.color(navy)
	w.para(x+3, top, width-3, s, diag.Pos{})
	w.color(black)
}
