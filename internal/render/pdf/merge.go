package pdf

import (
	"bytes"
	"fmt"
	"hash/adler32"
	"math"
	"slices"
	"strconv"
)

// A portfolio of a thousand projects has some 1,500 pages, and fpdf keeps
// every page uncompressed until the whole file is written, then writes
// it once more: the portfolio step's peak memory grew with the pages
// (86 MB live under RenderPortfolio at 1,000 projects). So the portfolio
// is drawn as a run of fpdf documents of at most a few dozen pages each
// (see chunks.go), and each one, as soon as it is done, is taken apart
// here: its page contents compressed into the one file being written,
// its other objects renumbered into it. What stays held is the file so
// far and the current part, not every page.
//
// Two things are only known at the end and written then: the page count
// of the footers ("3 / {nb}"), drawn by each page's last operator; and the
// report font, subset to every character of every part, which each
// part's resources name in place of fpdf's placeholder. A page's content
// is compressed when its part is done, up to that last operator, as the
// start of a zlib stream (flushed, not closed: see pageStart); the end
// adds the operator with the count as a stored deflate block and the
// checksum of the whole, so that each page has one content stream that
// reads exactly as the one-document renderer's.

// merger writes one PDF from the fpdf documents of a portfolio's parts.
type merger struct {
	p        *finisher
	version  byte   // the highest of the parts' "%PDF-1.x"
	root     int    // the page tree's object number
	font     int    // the report font's object number
	header   []byte // the first part's, kept for the version
	mediaBox []byte
	pages    []mergedPage
	// The first part's document information and catalog: every part has
	// the same, from the same metadata.
	info, catalog int
	infoBody      []byte
	catalogBody   []byte
}

// mergedPage is a page of the merged file: its object number, its
// content stream's, its part's resources, and its content as compressed
// so far with the checksum of what that holds.
type mergedPage struct {
	num, contents, res int
	start              []byte
	adler              uint32
}

// newMerger starts a file of about size bytes.
func newMerger(size int) (*merger, error) {
	p, err := newFinisher(size, 1)
	if err != nil {
		return nil, err
	}
	m := &merger{p: p}
	m.root, m.font = p.reserve(), p.reserve()
	return m, nil
}

// add takes one part: fpdf's uncompressed output of a document whose
// pages come after those added before.
func (m *merger) add(b []byte) error {
	f, err := parsePDF(b)
	if err != nil {
		return err
	}
	if len(f.header) < 9 || !bytes.HasPrefix(f.header, []byte("%PDF-1.")) {
		return fmt.Errorf("%w: header", errLayout)
	}
	first := len(m.pages) == 0
	if first {
		// Copies, here and below: the part's buffer is dropped after.
		m.header = bytes.Clone(f.header)
		m.p.out.Write(f.header)
	} else if !bytes.Equal(f.header[8:], m.header[8:]) {
		return fmt.Errorf("%w: header", errLayout)
	}
	m.version = max(m.version, f.header[7])
	root, info, err := trailerRefs(f.trailer)
	if err != nil {
		return err
	}
	bodies := make(map[int][]byte, len(f.objects))
	for _, o := range f.objects {
		bodies[o.num] = o.body
	}
	kids, box, err := pageTree(bodies[1])
	if err != nil {
		return err
	}
	if first {
		m.mediaBox = bytes.Clone(box)
	} else if !bytes.Equal(box, m.mediaBox) {
		return fmt.Errorf("%w: page size", errLayout)
	}

	// Every object of the part gets its number in the file; the page
	// tree, the placeholder font and the later parts' information and
	// catalog become the file's own.
	renum := map[int]int{1: m.root}
	skip := map[int]bool{1: true, root: true, info: true}
	if first {
		m.catalog, m.info = m.p.reserve(), m.p.reserve()
		renum[root], renum[info] = m.catalog, m.info
		m.catalogBody, m.infoBody = bodies[root], bodies[info]
	}
	type page struct{ num, contents, res int }
	var pages []page
	for _, k := range kids {
		c, res, ok := pageObject(k, bodies[k])
		if !ok {
			return fmt.Errorf("%w: page object %d", errLayout, k)
		}
		if _, _, ok := plainStream(bodies[c]); !ok || skip[c] {
			return fmt.Errorf("%w: page contents %d", errLayout, c)
		}
		skip[k], skip[c] = true, true
		renum[k], renum[c] = m.p.reserve(), m.p.reserve()
		pages = append(pages, page{k, c, res})
	}
	var rest []pdfObject
	for _, o := range f.objects {
		switch {
		case skip[o.num]:
		case bytes.HasSuffix(o.body, []byte(placeholder)) && len(o.body) == len(strconv.Itoa(o.num))+len(" 0 obj\n"+placeholder):
			renum[o.num] = m.font
		default:
			if _, _, ok := plainStream(o.body); ok || bytes.Contains(o.body, []byte("stream\n")) {
				return fmt.Errorf("%w: stream %d", errLayout, o.num)
			}
			renum[o.num] = m.p.reserve()
			rest = append(rest, o)
		}
	}

	for _, pg := range pages {
		_, data, _ := plainStream(bodies[pg.contents])
		res, ok := renum[pg.res]
		if !ok {
			return fmt.Errorf("%w: page %d resources", errLayout, pg.num)
		}
		m.pages = append(m.pages, mergedPage{renum[pg.num], renum[pg.contents], res, m.p.pageStart(data), adler32.Checksum(data)})
	}
	for _, o := range rest {
		nl := bytes.IndexByte(o.body, '\n')
		body, err := renumber(o.body[nl+1:], renum)
		if err != nil {
			return err
		}
		n := renum[o.num]
		m.p.begin(n)
		m.p.out.Write(body)
	}
	if first {
		// The catalog's one reference is the page tree; the information
		// holds only strings.
		before, after, ok := bytes.Cut(withoutObjLine(m.catalogBody), []byte("\n/Pages 1 0 R\n"))
		if !ok || bytes.Contains(after, []byte(" 0 R")) || bytes.Contains(before, []byte(" 0 R")) {
			return fmt.Errorf("%w: catalog", errLayout)
		}
		m.catalogBody = slices.Concat(before, []byte("\n/Pages "+strconv.Itoa(m.root)+" 0 R\n"), after)
		m.infoBody = bytes.Clone(withoutObjLine(m.infoBody))
	}
	return m.p.err
}

// finish writes what only the whole file knows: each page with its
// footer's page number (num holds, page by page, the operator that draws
// it, the page count as alias), the page tree and the report font.
func (m *merger) finish(num [][]byte, fin finish) ([]byte, error) {
	if len(m.pages) == 0 || len(num) != len(m.pages) {
		return nil, fmt.Errorf("%w: %d pages, %d page numbers", errLayout, len(m.pages), len(num))
	}
	p := &m.p.out
	group := ""
	if m.version > '3' {
		// fpdf gives every page a transparency group once any page has
		// transparency.
		group = "/Group <</Type /Group /S /Transparency /CS /DeviceRGB>>\n"
	}
	size := 0
	for i, pg := range m.pages {
		size += len(pg.start) + len(num[i]) + 200
	}
	p.Grow(size)
	for i, pg := range m.pages {
		op := bytes.ReplaceAll(num[i], fin.alias, fin.pages)
		if len(op) > math.MaxUint16 {
			return nil, fmt.Errorf("%w: page number operator of %d bytes", errLayout, len(op))
		}
		m.pageEnd(pg, op)
		m.pages[i].start = nil
		m.p.object(pg.num, "<</Type /Page\n/Parent "+strconv.Itoa(m.root)+" 0 R\n/Resources "+strconv.Itoa(pg.res)+" 0 R\n"+group+"/Contents "+strconv.Itoa(pg.contents)+" 0 R>>")
	}
	m.p.begin(m.root)
	p.WriteString("<</Type /Pages\n/Kids [")
	for _, pg := range m.pages {
		p.WriteString(strconv.Itoa(pg.num))
		p.WriteString(" 0 R ")
	}
	p.WriteString("]\n/Count ")
	p.WriteString(strconv.Itoa(len(m.pages)))
	p.WriteString("\n")
	p.Write(m.mediaBox)
	p.WriteString(">>\nendobj\n")
	fin.font.writeFont(m.p, fin.m, fin.used, m.font)
	m.p.begin(m.info)
	p.Write(m.infoBody)
	m.p.begin(m.catalog)
	p.Write(m.catalogBody)
	if m.p.err != nil {
		return nil, m.p.err
	}
	m.p.out.Bytes()[7] = m.version
	trailer := "trailer\n<<\n/Size " + strconv.Itoa(len(m.p.offsets)) + "\n/Root " + strconv.Itoa(m.catalog) + " 0 R\n/Info " + strconv.Itoa(m.info) + " 0 R\n>>\n"
	writeXref(p, m.p.offsets, []byte(trailer))
	return p.Bytes(), nil
}

// pageStart compresses a page's content but for its last operator: a
// zlib stream flushed to a byte boundary (a sync flush, ending in an
// empty stored block) without its final block and checksum.
func (p *finisher) pageStart(data []byte) []byte {
	p.z.Reset()
	p.zw.Reset(&p.z)
	if _, err := p.zw.Write(data); err != nil {
		p.fail(err)
	}
	if err := p.zw.Flush(); err != nil {
		p.fail(err)
	}
	return bytes.Clone(p.z.Bytes())
}

// pageEnd writes a page's content stream: its start, then op (less than
// 64 KB) as the stream's final block, stored, and the zlib checksum of
// the content and op.
func (m *merger) pageEnd(pg mergedPage, op []byte) {
	p := &m.p.out
	m.p.begin(pg.contents)
	p.WriteString("<</Filter /FlateDecode /Length ")
	p.WriteString(strconv.Itoa(len(pg.start) + 5 + len(op) + 4))
	p.WriteString(">>\nstream\n")
	p.Write(pg.start)
	n := uint16(len(op))
	// BFINAL 1, BTYPE 00 (stored); LEN and NLEN little-endian.
	p.Write([]byte{1, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)})
	p.Write(op)
	sum := adlerMore(pg.adler, op)
	p.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
	p.WriteString("\nendstream\nendobj\n")
}

// adlerMore is the Adler-32 checksum of data that follows data whose
// checksum is sum.
func adlerMore(sum uint32, data []byte) uint32 {
	const mod = 65521
	a, b := sum&0xffff, sum>>16
	for _, c := range data {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}

// trailerRefs reads the catalog's and the document information's object
// numbers from fpdf's trailer.
func trailerRefs(t []byte) (root, info int, err error) {
	var size int
	_, err = fmt.Sscanf(string(t), "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\n", &size, &root, &info)
	if err != nil || root <= 0 || info <= 0 {
		return 0, 0, fmt.Errorf("%w: trailer", errLayout)
	}
	return root, info, nil
}

// pageTree reads fpdf's page tree (object 1): its kids in order and its
// MediaBox line.
func pageTree(body []byte) (kids []int, box []byte, err error) {
	const head = "1 0 obj\n<</Type /Pages\n/Kids ["
	rest, ok := bytes.CutPrefix(body, []byte(head))
	end := bytes.Index(rest, []byte("]\n/Count "))
	if !ok || end < 0 {
		return nil, nil, fmt.Errorf("%w: page tree", errLayout)
	}
	for _, f := range bytes.Fields(rest[:end]) {
		if string(f) == "0" || string(f) == "R" {
			continue
		}
		n, err := strconv.Atoi(string(f))
		if err != nil || n <= 0 {
			return nil, nil, fmt.Errorf("%w: page tree", errLayout)
		}
		kids = append(kids, n)
	}
	rest = rest[end+len("]\n/Count "):]
	nl := bytes.IndexByte(rest, '\n')
	if n, err := strconv.Atoi(string(rest[:max(nl, 0)])); err != nil || n != len(kids) || n == 0 {
		return nil, nil, fmt.Errorf("%w: page count", errLayout)
	}
	box, ok = bytes.CutSuffix(rest[nl+1:], []byte(">>\nendobj\n"))
	if !ok || !bytes.HasPrefix(box, []byte("/MediaBox [")) || bytes.Count(box, []byte("\n")) != 1 {
		return nil, nil, fmt.Errorf("%w: page tree", errLayout)
	}
	return kids, box, nil
}

// pageObject reads a page as fpdf writes it when it has no links, page
// boxes or size of its own: its contents and its resources.
func pageObject(n int, body []byte) (contents, res int, ok bool) {
	rest, ok := bytes.CutPrefix(body, []byte(strconv.Itoa(n)+" 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources "))
	if !ok {
		return 0, 0, false
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return 0, 0, false
	}
	res, ok = ref(rest[:nl])
	rest = rest[nl+1:]
	rest, _ = bytes.CutPrefix(rest, []byte("/Group <</Type /Group /S /Transparency /CS /DeviceRGB>>\n"))
	rest, ok2 := bytes.CutPrefix(rest, []byte("/Contents "))
	rest, ok3 := bytes.CutSuffix(rest, []byte(">>\nendobj\n"))
	contents, ok4 := ref(rest)
	return contents, res, ok && ok2 && ok3 && ok4
}

// ref reads "N 0 R".
func ref(b []byte) (int, bool) {
	num, ok := bytes.CutSuffix(b, []byte(" 0 R"))
	n, err := strconv.Atoi(string(num))
	return n, ok && err == nil && n > 0
}

// withoutObjLine drops an object's "N 0 obj" line.
func withoutObjLine(body []byte) []byte {
	return body[bytes.IndexByte(body, '\n')+1:]
}

// renumber rewrites every reference "N 0 R" of a dictionary by renum; a
// reference to an object it does not know is refused. fpdf's dictionaries
// other than the document information hold no strings, so every "N 0 R"
// is a reference.
func renumber(body []byte, renum map[int]int) ([]byte, error) {
	if bytes.IndexByte(body, '(') >= 0 {
		return nil, fmt.Errorf("%w: a string in a dictionary", errLayout)
	}
	out := make([]byte, 0, len(body)+8)
	for {
		i := bytes.Index(body, []byte(" 0 R"))
		if i < 0 {
			return append(out, body...), nil
		}
		start := i
		for start > 0 && body[start-1] >= '0' && body[start-1] <= '9' {
			start--
		}
		n, err := strconv.Atoi(string(body[start:i]))
		if err != nil || start == 0 || !bytes.ContainsRune([]byte(" \n[<"), rune(body[start-1])) {
			return nil, fmt.Errorf("%w: reference", errLayout)
		}
		to, ok := renum[n]
		if !ok {
			return nil, fmt.Errorf("%w: reference to object %d", errLayout, n)
		}
		out = append(out, body[:start]...)
		out = strconv.AppendInt(out, int64(to), 10)
		out = append(out, " 0 R"...)
		body = body[i+len(" 0 R"):]
	}
}
