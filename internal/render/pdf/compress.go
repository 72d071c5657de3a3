package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// fpdf compresses each stream with a zlib writer of its own, and a new
// writer costs as much as compressing a page: most of a report's time went
// into setting writers up. fpdf v0.12.0 takes no compressor from outside,
// so it writes the pages uncompressed and finishPDF compresses them with
// one writer, reset between streams; the same pass puts in the page count
// and embeds the font (embed.go). It reads fpdf's own output — one object
// after another, an xref table of fixed-width lines, a trailer — and
// refuses anything else rather than guessing.

// pdfObject is one indirect object: its number and its bytes from
// "N 0 obj" up to the next object or the xref table.
type pdfObject struct {
	num  int
	body []byte
}

// pdfFile is a PDF as fpdf writes it: the header before the first object,
// the objects in file order and the trailer dictionary.
type pdfFile struct {
	header  []byte
	objects []pdfObject
	trailer []byte // from "trailer" up to "startxref"
}

var errLayout = errors.New("unexpected PDF layout")

// parsePDF splits fpdf's output into its objects by the xref table.
func parsePDF(b []byte) (*pdfFile, error) {
	sx := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("%w: no startxref", errLayout)
	}
	rest := b[sx+len("\nstartxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, fmt.Errorf("%w: startxref", errLayout)
	}
	xref, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xref <= 0 || xref >= sx {
		return nil, fmt.Errorf("%w: startxref %q", errLayout, rest[:end])
	}
	t := b[xref:sx]
	if !bytes.HasPrefix(t, []byte("xref\n0 ")) {
		return nil, fmt.Errorf("%w: xref", errLayout)
	}
	t = t[len("xref\n0 "):]
	nl := bytes.IndexByte(t, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("%w: xref size", errLayout)
	}
	size, err := strconv.Atoi(string(t[:nl]))
	if err != nil || size < 1 || len(t) < nl+1+20*size {
		return nil, fmt.Errorf("%w: xref size", errLayout)
	}
	entries := t[nl+1:]
	trailer := b[xref+len("xref\n0 ")+nl+1+20*size : sx+1]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, fmt.Errorf("%w: trailer", errLayout)
	}
	type at struct{ num, off int }
	offs := make([]at, 0, size-1)
	for n := 1; n < size; n++ {
		e := entries[20*n : 20*n+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, fmt.Errorf("%w: xref entry %d", errLayout, n)
		}
		offs = append(offs, at{n, off})
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	f := &pdfFile{trailer: trailer}
	if len(offs) > 0 {
		f.header = b[:offs[0].off]
	}
	for i, o := range offs {
		next := xref
		if i+1 < len(offs) {
			next = offs[i+1].off
		}
		body := b[o.off:next]
		if next <= o.off || !bytes.HasPrefix(body, []byte(strconv.Itoa(o.num)+" 0 obj\n")) {
			return nil, fmt.Errorf("%w: object %d", errLayout, o.num)
		}
		f.objects = append(f.objects, pdfObject{o.num, body})
	}
	return f, nil
}

// plainStream returns the data of an object that is a stream with no
// other key than its length — how fpdf writes an uncompressed page —
// and the object's first line.
func plainStream(body []byte) (head, data []byte, ok bool) {
	nl := bytes.IndexByte(body, '\n')
	head, rest := body[:nl+1], body[nl+1:]
	if !bytes.HasPrefix(rest, []byte("<</Length ")) {
		return nil, nil, false
	}
	rest = rest[len("<</Length "):]
	end := bytes.Index(rest, []byte(">>\nstream\n"))
	if end < 0 {
		return nil, nil, false
	}
	n, err := strconv.Atoi(string(rest[:end]))
	rest = rest[end+len(">>\nstream\n"):]
	const tail = "\nendstream\nendobj\n"
	if err != nil || n < 0 || len(rest) != n+len(tail) || string(rest[n:]) != tail {
		return nil, nil, false
	}
	return head, rest[:n], true
}

// finish is what finishPDF does beyond compressing: the page count put
// in for its alias and the font embedded in place of fpdf's placeholder.
type finish struct {
	alias, pages []byte // UTF-16 text: the alias and the page count
	font         *fontFile
	m            *metrics
	used         *runeSet
}

// placeholder is the object fpdf writes for the core font the pages are
// drawn with; finishPDF replaces it with the report font.
const placeholder = "<</Type /Font\n/BaseFont /Helvetica\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>\nendobj\n"

// finishPDF rewrites fpdf's uncompressed output: every plain stream
// deflated by one reused writer, the alias replaced in the pages, the
// font embedded, and a new xref table.
func finishPDF(b []byte, fin finish) ([]byte, error) {
	f, err := parsePDF(b)
	if err != nil {
		return nil, err
	}
	// Compressed, a report is about a fifth of fpdf's plain file.
	p, err := newFinisher(len(b)/4, len(f.objects)+1)
	if err != nil {
		return nil, err
	}
	p.out.Write(f.header)
	top := 0
	for _, o := range f.objects {
		if fin.font != nil && bytes.HasSuffix(o.body, []byte(placeholder)) && len(o.body) == len(strconv.Itoa(o.num))+len(" 0 obj\n"+placeholder) {
			if top != 0 {
				return nil, fmt.Errorf("%w: two placeholder fonts", errLayout)
			}
			top = o.num
			continue
		}
		_, data, ok := plainStream(o.body)
		if !ok {
			p.offsets[o.num] = p.out.Len()
			p.out.Write(o.body)
			continue
		}
		if len(fin.alias) == 0 {
			p.stream(o.num, "", data)
			continue
		}
		parts := bytes.Split(data, fin.alias)
		for i := len(parts) - 1; i > 0; i-- {
			parts = slices.Insert(parts, i, fin.pages)
		}
		p.stream(o.num, "", parts...)
	}
	if fin.font != nil {
		if top == 0 {
			return nil, fmt.Errorf("%w: no placeholder font", errLayout)
		}
		fin.font.writeFont(p, fin.m, fin.used, top)
	}
	if p.err != nil {
		return nil, p.err
	}
	trailer := f.trailer
	if fin.font != nil {
		old := []byte("trailer\n<<\n/Size " + strconv.Itoa(len(f.objects)+1) + "\n")
		if !bytes.HasPrefix(trailer, old) {
			return nil, fmt.Errorf("%w: trailer size", errLayout)
		}
		trailer = append([]byte("trailer\n<<\n/Size "+strconv.Itoa(len(p.offsets))+"\n"), trailer[len(old):]...)
	}
	writeXref(&p.out, p.offsets, trailer)
	return p.out.Bytes(), nil
}

// finisher writes the finished file: the objects so far, their offsets
// by number, and one zlib writer reset for every stream.
type finisher struct {
	out     bytes.Buffer
	z       bytes.Buffer
	zw      *zlib.Writer
	offsets []int
	err     error
}

func newFinisher(size, objects int) (*finisher, error) {
	p := &finisher{offsets: make([]int, objects)}
	p.out.Grow(size)
	zw, err := zlib.NewWriterLevel(&p.z, zlib.BestSpeed)
	p.zw = zw
	return p, err
}

// fail records the first error.
func (p *finisher) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// reserve numbers a new object.
func (p *finisher) reserve() int {
	p.offsets = append(p.offsets, 0)
	return len(p.offsets) - 1
}

func (p *finisher) begin(n int) {
	p.offsets[n] = p.out.Len()
	p.out.WriteString(strconv.Itoa(n))
	p.out.WriteString(" 0 obj\n")
}

// object writes object n with the dictionary dict.
func (p *finisher) object(n int, dict string) {
	p.begin(n)
	p.out.WriteString(dict)
	p.out.WriteString("\nendobj\n")
}

// stream writes object n as the stream of the parts, compressed; extra
// are more dictionary entries.
func (p *finisher) stream(n int, extra string, parts ...[]byte) {
	p.z.Reset()
	p.zw.Reset(&p.z)
	for _, b := range parts {
		if _, err := p.zw.Write(b); err != nil {
			p.fail(err)
		}
	}
	if err := p.zw.Close(); err != nil {
		p.fail(err)
	}
	p.begin(n)
	p.out.WriteString("<</Filter /FlateDecode /Length ")
	p.out.WriteString(strconv.Itoa(p.z.Len()))
	p.out.WriteString(extra)
	p.out.WriteString(">>\nstream\n")
	p.out.Write(p.z.Bytes())
	p.out.WriteString("\nendstream\nendobj\n")
}

// writeXref ends the file: the cross-reference table of offsets (object
// 0 is the free list head), the trailer and startxref.
func writeXref(out *bytes.Buffer, offsets []int, trailer []byte) {
	xref := out.Len()
	out.WriteString("xref\n0 ")
	out.WriteString(strconv.Itoa(len(offsets)))
	out.WriteString("\n0000000000 65535 f \n")
	var line [20]byte
	for _, off := range offsets[1:] {
		s := strconv.AppendInt(line[:0], int64(off), 10)
		pad := 10 - len(s)
		copy(line[pad:], s)
		for i := range pad {
			line[i] = '0'
		}
		copy(line[10:], " 00000 n \n")
		out.Write(line[:])
	}
	out.Write(trailer)
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(xref))
	out.WriteString("\n%%EOF\n")
}
