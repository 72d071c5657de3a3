package pdf

// partPages is the most pages of one fpdf document when a portfolio is
// drawn in parts (see merge.go): what a part holds uncompressed while it
// is drawn, some 2–3 MB, against 86 MB for a 1,000-project portfolio in
// one document.
const partPages = 48

// parts is the state of a PDF drawn as a run of fpdf documents: the
// file written so far, the pages of the finished parts and each page's
// page-number operator, drawn aside.
type parts struct {
	size   int // pages of a part
	before int // pages in the finished parts
	m      *merger
	nums   [][]byte // each page's page-number operator
	cur    []byte   // the current page's
	aside  bool     // the footer is drawing the page number
	err    error
}

// setAside keeps the page-number operator op (as fpdf would write it,
// ending in a newline) for the current page.
func (p *parts) setAside(op []byte) {
	p.cur = append(p.cur, op...)
	p.cur = append(p.cur, '\n')
}

// pageNumberDone ends the current page's page number.
func (p *parts) pageNumberDone() {
	p.aside = false
	p.nums = append(p.nums, p.cur)
	p.cur = nil
}

// nextPart finishes the current document and starts the next one in the
// state fpdf would carry over to the next page: the font size, line width
// and colours as they were before the footer, which AddPage restores.
func (w *writer) nextPart() {
	f := w.pdf
	size, _ := f.GetFontSize()
	lw := f.GetLineWidth()
	dr, dg, db := f.GetDrawColor()
	fr, fg, fb := f.GetFillColor()
	tr, tg, tb := f.GetTextColor()
	w.endPart()
	next := w.newFpdf()
	next.SetFontSize(size)
	next.SetLineWidth(lw)
	next.SetDrawColor(dr, dg, db)
	next.SetFillColor(fr, fg, fb)
	next.SetTextColor(tr, tg, tb)
	w.pdf = next
}

// endPart writes the current document (its last footer included) and
// adds it to the file.
func (w *writer) endPart() {
	p := w.parts
	var buf sink
	err := w.pdf.Output(&buf)
	p.before += w.pdf.PageNo()
	if err == nil && p.err == nil {
		err = p.m.add(buf.b)
	}
	if err != nil && p.err == nil {
		p.err = err
	}
	if p.err != nil {
		panic(partFailed{p.err})
	}
}

// partFailed carries the error of a part that could not be made out of
// the drawing, to drawParts: the file cannot be made without the part, so
// nothing more is drawn — the pages after it could be a thousand
// projects' worth of work for nothing, and a long wait for the error.
type partFailed struct{ err error }

// checkPart stops the drawing as soon as fpdf has failed in the current
// part: fpdf then ignores every further call, and would say so only when
// the part is written out, up to partPages pages later.
func (w *writer) checkPart() {
	if err := w.pdf.Error(); err != nil {
		panic(partFailed{err})
	}
}
