package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/ooxml"
	"github.com/xuri/excelize/v2"
)

// The workbook's zip. excelize hands its parts, uncompressed, to a parts
// collector (its SetZipWriter hook); pmo then writes the zip itself, once:
// the entries in a fixed order, every part through one reused deflate
// writer, and each streamed sheet's rows generated straight into its
// entry between the XML excelize wrote before and after its <sheetData>.
// That replaces excelize compressing every part with a new compressor
// (about 1 MB of state each), a second pass that reordered the entries and
// a third that re-inflated sheets to fix a prefix.

// zipLevel is the deflate level: on the XML of a 50,000-row WBS sheet
// (50 MB) level 2 took a third of the default level's time for a file a
// fifth larger (5.6 MB instead of 4.6 MB); level 1 was no faster and
// larger still.
const zipLevel = 2

// parts collects the parts excelize writes.
type parts struct {
	data map[string]*bytes.Buffer
}

func (p *parts) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	p.data[name] = b
	return b, nil
}

// AddFS is never called when saving a workbook; it is part of excelize's
// interface.
func (p *parts) AddFS(fs.FS) error {
	return fmt.Errorf("adding a file system to a workbook is not supported")
}

func (p *parts) Close() error { return nil }

// collect has excelize write the workbook's parts and returns them.
func collect(f *excelize.File) (map[string]*bytes.Buffer, error) {
	p := &parts{data: map[string]*bytes.Buffer{}}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return p })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return nil, err
	}
	return p.data, nil
}

// sheetPaths maps each sheet's name to its part, from the workbook and
// its relationships.
func sheetPaths(ps map[string]*bytes.Buffer) (map[string]string, error) {
	w, r := ps[ooxml.WorkbookPart], ps[ooxml.RelsPart]
	if w == nil || r == nil {
		return nil, fmt.Errorf("the workbook has no sheet list")
	}
	return ooxml.Parts(w.Bytes(), r.Bytes())
}

// zipWriter writes the entries with one deflate writer, reset for each
// entry and for each sheet compressed ahead.
type zipWriter struct {
	zw  *zip.Writer
	fw  *flate.Writer
	buf []byte // the rows' buffer, reused from sheet to sheet
}

func newZipWriter(out io.Writer) *zipWriter {
	z := &zipWriter{zw: zip.NewWriter(out)}
	z.zw.RegisterCompressor(zip.Deflate, z.deflater)
	return z
}

// deflater returns the reused deflate writer, writing to w.
func (z *zipWriter) deflater(w io.Writer) (io.WriteCloser, error) {
	if z.fw == nil {
		fw, err := flate.NewWriter(w, zipLevel)
		if err != nil {
			return nil, err
		}
		z.fw = fw
		return fw, nil
	}
	z.fw.Reset(w)
	return z.fw, nil
}

// compressed is an entry compressed ahead of the zip.
type compressed struct {
	crc        uint32
	size       uint64 // uncompressed
	compressed chunks
}

// chunks is bytes kept in pieces: a buffer that never copies what it
// holds to grow (a 50,000-row sheet is about 6 MB compressed). Each piece
// is as large as all before it, from 4 KB up to 256 KB, so a small sheet
// takes little.
type chunks struct {
	parts [][]byte
	n     int
}

const (
	minChunk = 4 << 10
	maxChunk = 256 << 10
)

func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(c.parts) == 0 || len(c.parts[len(c.parts)-1]) == cap(c.parts[len(c.parts)-1]) {
			c.parts = append(c.parts, make([]byte, 0, min(max(minChunk, c.n), maxChunk)))
		}
		last := &c.parts[len(c.parts)-1]
		k := min(len(p), cap(*last)-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
		c.n += k
	}
	return n, nil
}

func (c *chunks) Len() int { return c.n }

// WriteTo writes the pieces in order.
func (c *chunks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, p := range c.parts {
		k, err := w.Write(p)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// sum is the uncompressed bytes' CRC and size, on their way to the
// compressor.
type sum struct {
	w    io.Writer
	crc  uint32
	size uint64
}

func (s *sum) Write(p []byte) (int, error) {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, p)
	s.size += uint64(len(p))
	return s.w.Write(p)
}

// entryOrder sorts part names: the content types first, the package
// relationships next, then by name.
func entryOrder(names []string) {
	rank := func(name string) int {
		switch name {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
}

// writeZip writes the workbook from the parts excelize wrote. The streamed
// sheets are compressed first, in the workbook's order: their records'
// styles are made as the rows are written (in the same order as always,
// so the same ids), and the style sheet written after them.
func (b *book) writeZip(ps map[string]*bytes.Buffer) ([]byte, error) {
	paths, err := sheetPaths(ps)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	z := newZipWriter(&out)
	xfs := styleCount(b.f)
	ahead := map[string]*compressed{}
	for _, sheet := range b.f.GetSheetList() {
		sb := b.bufs[sheet]
		if sb == nil {
			continue
		}
		p := paths[sheet]
		if ps[p] == nil {
			return nil, fmt.Errorf("no part for sheet %s", sheet)
		}
		c := &compressed{}
		fw, err := z.deflater(&c.compressed)
		if err != nil {
			return nil, err
		}
		s := &sum{w: fw}
		if err := b.writeSheet(s, rPrefix(ps[p].Bytes()), sheet, sb, z); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if err := fw.Close(); err != nil {
			return nil, err
		}
		c.crc, c.size = s.crc, s.size
		ahead[p] = c
	}
	if b.err != nil {
		return nil, b.err
	}
	if styleCount(b.f) != xfs {
		st, err := restyle(b.f, ps[stylesPart])
		if err != nil {
			return nil, err
		}
		ps[stylesPart] = bytes.NewBuffer(st)
	}
	names := make([]string, 0, len(ps))
	size := 0
	for n, p := range ps {
		names = append(names, n)
		if c := ahead[n]; c != nil {
			size += c.compressed.Len()
		} else {
			size += p.Len() / 4
		}
	}
	entryOrder(names)
	out.Grow(size + 4096)
	for _, n := range names {
		if c := ahead[n]; c != nil {
			w, err := z.zw.CreateRaw(&zip.FileHeader{
				Name: n, Method: zip.Deflate, CreatorVersion: zipVersion20, ReaderVersion: zipVersion20,
				CRC32: c.crc, CompressedSize64: uint64(c.compressed.Len()), UncompressedSize64: c.size,
			})
			if err == nil {
				_, err = c.compressed.WriteTo(w)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", n, err)
			}
			continue
		}
		part := ps[n].Bytes()
		if strings.HasPrefix(n, "xl/worksheets/sheet") {
			part = rPrefix(part)
		}
		w, err := z.zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err == nil {
			_, err = w.Write(part)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
	}
	if err := z.zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// zipVersion20 is the version archive/zip gives the entries it compresses
// itself (2.0: deflate).
const zipVersion20 = 20

const stylesPart = "xl/styles.xml"

// styleCount is how many cell formats the workbook has.
func styleCount(f *excelize.File) int {
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return 0
	}
	return len(f.Styles.CellXfs.Xf)
}

// restyle writes the style sheet again, as excelize writes it: its
// encoding with the root's namespaces those of the part written before
// (TestRestyleLikeExcelize).
func restyle(f *excelize.File, before *bytes.Buffer) ([]byte, error) {
	if before == nil {
		return nil, fmt.Errorf("the workbook has no style sheet")
	}
	out, err := xml.Marshal(f.Styles)
	if err != nil {
		return nil, err
	}
	const plain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	old := before.Bytes()
	i := bytes.Index(old, []byte("<styleSheet"))
	if i < 0 {
		return nil, fmt.Errorf("the style sheet has no root")
	}
	j := bytes.IndexByte(old[i:], '>')
	k := bytes.Index(out, []byte(plain))
	if j < 0 || k < 0 || !bytes.HasPrefix(out, []byte("<styleSheet ")) {
		return nil, fmt.Errorf("the style sheet has an unexpected root")
	}
	root := old[i+len("<styleSheet ") : i+j+1]
	res := make([]byte, 0, len(out)+len(old[:i])+len(root))
	res = append(res, old[:i]...) // the XML declaration, if any
	res = append(res, out[:k]...)
	res = append(res, root...)
	return append(res, out[k+len(plain):]...), nil
}

// writeSheet writes a streamed sheet's part: excelize's worksheet XML with
// its <sheetData> (empty to excelize, which never held these cells) made
// the buffer's rows, and its dimension the range they cover.
func (b *book) writeSheet(w io.Writer, part []byte, sheet string, sb *sheetBuf, z *zipWriter) error {
	start := bytes.Index(part, []byte("<sheetData"))
	if start < 0 {
		return fmt.Errorf("no sheetData in the worksheet")
	}
	end := -1
	if rest := part[start:]; bytes.HasPrefix(rest, []byte("<sheetData/>")) {
		end = start + len("<sheetData/>")
	} else if i := bytes.Index(rest, []byte("</sheetData>")); i >= 0 {
		end = start + i + len("</sheetData>")
	}
	if end < 0 {
		return fmt.Errorf("unterminated sheetData in the worksheet")
	}
	head := part[:start]
	if ref := sb.dimension(b); ref != "" {
		head = setDimension(head, ref)
	}
	if z.buf == nil {
		z.buf = make([]byte, 0, flushAt+4096)
	}
	x := &sheetXML{w: w, buf: z.buf[:0], cols: b.col}
	defer func() { z.buf = x.buf[:0] }()
	if sb.cellCount() >= handoffCells {
		x.h = newHandoff(w, flushAt+4096)
	}
	if cs := b.colStyles[sheet]; len(cs) > 0 {
		x.styles = func(c int) int { return cs[c] }
	}
	x.buf = append(x.buf, head...)
	x.buf = append(x.buf, "<sheetData>"...)
	sb.rows(x.row)
	x.buf = append(x.buf, "</sheetData>"...)
	x.buf = append(x.buf, part[end:]...)
	return x.close()
}

// handoffCells is the size from which a sheet's rows are compressed on
// another goroutine while they are made (see handoff): about 5,000 WBS
// rows, whose compression takes tens of milliseconds.
const handoffCells = 100_000

// setDimension makes the <dimension> of a worksheet's head ref.
func setDimension(head []byte, ref string) []byte {
	const attr = `<dimension ref="`
	i := bytes.Index(head, []byte(attr))
	if i < 0 {
		return head
	}
	j := bytes.IndexByte(head[i+len(attr):], '"')
	if j < 0 {
		return head
	}
	j += i + len(attr)
	out := make([]byte, 0, len(head)+len(ref))
	out = append(out, head[:i+len(attr)]...)
	out = append(out, ref...)
	return append(out, head[j:]...)
}
