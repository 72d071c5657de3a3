package pdf

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// The report font is embedded here, not by fpdf. fpdf parsed the whole
// font again for every report and cut its subset through maps of every
// glyph, a third of a report's time; here the tables parseMetrics already
// holds are reused and the subset keeps the font's own glyph numbers:
// unused glyphs become empty, so no outline has to be renumbered. fpdf
// draws with a placeholder core font whose object is replaced by this
// one (see finishPDF); the page content is the same either way, since
// text is written as UTF-16 code units, which Identity-H maps to CIDs.

// runeSet is a set of BMP characters: those a document draws.
type runeSet [1 << 16 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) has(r rune) bool { return r >= 0 && r < 1<<16 && s[r/64]&(1<<(r%64)) != 0 }

// each calls f for every character of the set in ascending order.
func (s *runeSet) each(f func(r rune)) {
	for i, word := range s {
		for word != 0 {
			f(rune(i*64 + bits.TrailingZeros64(word)))
			word &= word - 1
		}
	}
}

// fontFile is what embedding needs from the font beside the metrics: the
// glyph of each BMP character, the glyph outlines and the tables a PDF
// viewer's TrueType rasteriser reads.
type fontFile struct {
	glyph    []uint16 // BMP character → glyph index (0: none)
	nGlyphs  int
	nMetrics int
	glyf     []byte
	loca     []byte
	locaLong bool
	tables   map[string][]byte
	desc     fontDescriptor
}

// fontDescriptor holds the FontDescriptor values, computed as fpdf
// computed them so that viewers place the text exactly as before.
type fontDescriptor struct {
	ascent, descent, capHeight int
	flags, italicAngle, stemV  int
	bbox                       [4]int
	missingWidth               int
}

// newFontFile keeps what embedding needs of the tables parseMetrics read.
func newFontFile(tables map[string][]byte, glyph []uint16, nGlyphs, nMetrics int, unitsPerEm float64) *fontFile {
	head := tables["head"]
	f := &fontFile{glyph: glyph, nGlyphs: nGlyphs, nMetrics: nMetrics, glyf: tables["glyf"], loca: tables["loca"],
		locaLong: binary.BigEndian.Uint16(head[50:]) != 0, tables: tables}
	i16 := func(b []byte, off int) int {
		if off+2 > len(b) {
			return 0
		}
		return int(int16(binary.BigEndian.Uint16(b[off:])))
	}
	u16 := func(b []byte, off int) int {
		if off+2 > len(b) {
			return 0
		}
		return int(binary.BigEndian.Uint16(b[off:]))
	}
	scale := 1000 / unitsPerEm
	scaled := func(v int) int { return int(float64(v) * scale) }
	d := &f.desc
	d.bbox = [4]int{scaled(i16(head, 36)), scaled(i16(head, 38)), scaled(i16(head, 40)), scaled(i16(head, 42))}
	hhea := tables["hhea"]
	d.ascent, d.descent = scaled(i16(hhea, 4)), scaled(i16(hhea, 6))
	weight := 500
	if os2, ok := tables["OS/2"]; ok {
		weight = u16(os2, 4)
		if d.ascent == 0 {
			d.ascent = scaled(i16(os2, 68))
		}
		if d.descent == 0 {
			d.descent = scaled(i16(os2, 70))
		}
		if u16(os2, 0) > 1 {
			d.capHeight = scaled(i16(os2, 88))
		} else {
			d.capHeight = d.ascent
		}
	} else {
		if d.ascent == 0 {
			d.ascent = scaled(d.bbox[3])
		}
		if d.descent == 0 {
			d.descent = scaled(d.bbox[1])
		}
		d.capHeight = d.ascent
	}
	d.stemV = 50 + int(math.Pow(float64(weight)/65, 2))
	post := tables["post"]
	d.italicAngle = i16(post, 4)
	d.flags = 4
	if d.italicAngle != 0 {
		d.flags |= 64
	}
	if weight >= 600 {
		d.flags |= 262144
	}
	if len(post) >= 16 && binary.BigEndian.Uint32(post[12:]) != 0 {
		d.flags |= 1
	}
	hmtx := tables["hmtx"]
	if a := u16(hmtx, 0); a < 1<<15 {
		d.missingWidth = int(math.Round(float64(a) * scale))
	}
	return f
}

// outline returns glyph g's bytes in glyf; nil for an empty glyph or a
// loca entry that points outside the table.
func (f *fontFile) outline(g int) []byte {
	var off, end int
	if f.locaLong {
		if 4*g+8 > len(f.loca) {
			return nil
		}
		off, end = int(binary.BigEndian.Uint32(f.loca[4*g:])), int(binary.BigEndian.Uint32(f.loca[4*g+4:]))
	} else {
		if 2*g+4 > len(f.loca) {
			return nil
		}
		off, end = 2*int(binary.BigEndian.Uint16(f.loca[2*g:])), 2*int(binary.BigEndian.Uint16(f.loca[2*g+2:]))
	}
	if off >= end || end > len(f.glyf) {
		return nil
	}
	return f.glyf[off:end]
}

// components returns the glyphs a composite glyph is built from.
func components(outline []byte, out []int) []int {
	if len(outline) < 10 || int16(binary.BigEndian.Uint16(outline)) >= 0 {
		return out
	}
	const (
		argWords  = 0x0001
		scale     = 0x0008
		more      = 0x0020
		xyScale   = 0x0040
		twoByTwo  = 0x0080
		maxInGlyf = 1 << 10
	)
	p := 10
	for range maxInGlyf {
		if p+4 > len(outline) {
			break
		}
		flags := binary.BigEndian.Uint16(outline[p:])
		out = append(out, int(binary.BigEndian.Uint16(outline[p+2:])))
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&scale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			break
		}
	}
	return out
}

// subset returns a TrueType font with the outlines of the characters in
// used (and the glyphs they are composed of) and every other glyph empty.
// A font whose glyphs overlap, so that the subset would outgrow the font,
// is refused: composite glyphs could otherwise multiply it.
func (f *fontFile) subset(used *runeSet) ([]byte, error) {
	keep := make([]bool, f.nGlyphs)
	keep[0] = true // .notdef
	var stack []int
	used.each(func(r rune) {
		if g := int(f.glyph[r]); g > 0 && g < f.nGlyphs && !keep[g] {
			keep[g] = true
			stack = append(stack, g)
		}
	})
	var parts []int
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		parts = components(f.outline(g), parts[:0])
		for _, c := range parts {
			if c < f.nGlyphs && !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		}
	}

	loca := make([]byte, 4*(f.nGlyphs+1))
	var glyf []byte
	hmtx := slices.Clone(f.tables["hmtx"])
	for g := range f.nGlyphs {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if !keep[g] {
			// Drawn nowhere: no outline and no metrics, which makes the
			// table compress to almost nothing.
			if e := 4 * g; g < f.nMetrics && e+4 <= len(hmtx) {
				clear(hmtx[e : e+4])
			} else if e := 4*f.nMetrics + 2*(g-f.nMetrics); g >= f.nMetrics && e+2 <= len(hmtx) {
				clear(hmtx[e : e+2])
			}
			continue
		}
		o := f.outline(g)
		if len(glyf)+len(o) > len(f.glyf)+3*g {
			return nil, errors.New("the font's glyph table is inconsistent (glyphs overlap)")
		}
		glyf = append(glyf, o...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	binary.BigEndian.PutUint32(loca[4*f.nGlyphs:], uint32(len(glyf)))

	head := slices.Clone(f.tables["head"])
	clear(head[8:12])                        // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	// post version 3: no glyph names.
	post := make([]byte, 32)
	if src := f.tables["post"]; len(src) > 4 {
		copy(post[4:16], src[4:])
	}
	binary.BigEndian.PutUint32(post, 0x00030000)

	out := map[string][]byte{"glyf": glyf, "loca": loca, "hmtx": hmtx, "head": head, "post": post, "cmap": f.cmap(used)}
	for _, tag := range []string{"hhea", "maxp", "OS/2", "name", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := f.tables[tag]; ok {
			out[tag] = t
		}
	}
	return assembleFont(out), nil
}

// cmap is a format 4 Unicode cmap of the characters in used. Viewers
// find glyphs through the PDF's CIDToGIDMap, but TrueType parsers expect
// a cmap; past what one subtable can hold, it maps nothing.
func (f *fontFile) cmap(used *runeSet) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	used.each(func(r rune) {
		g := f.glyph[r]
		if g == 0 || int(g) >= f.nGlyphs || r == 0xFFFF {
			return
		}
		if n := len(segs); n > 0 && int(segs[n-1].end)+1 == int(r) && segs[n-1].delta == g-uint16(r) {
			segs[n-1].end = uint16(r)
			return
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	})
	if 16+8*(len(segs)+1) > math.MaxUint16 {
		segs = nil
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	length := 16 + 8*n
	b := make([]byte, 12+length)
	be := binary.BigEndian
	be.PutUint16(b[2:], 1) // one subtable: Windows Unicode BMP
	be.PutUint16(b[4:], 3)
	be.PutUint16(b[6:], 1)
	be.PutUint32(b[8:], 12)
	t := b[12:]
	be.PutUint16(t, 4)
	be.PutUint16(t[2:], uint16(length))
	be.PutUint16(t[6:], uint16(2*n))
	be.PutUint16(t[8:], uint16(2<<sel))
	be.PutUint16(t[10:], uint16(sel))
	be.PutUint16(t[12:], uint16(2*n-2<<sel))
	for i, s := range segs {
		be.PutUint16(t[14+2*i:], s.end)
		be.PutUint16(t[16+2*n+2*i:], s.start)
		be.PutUint16(t[16+4*n+2*i:], s.delta)
		// idRangeOffset stays 0: glyph = character + delta.
	}
	return b
}

// assembleFont writes an sfnt file of the tables, with their checksums
// and the head table's checkSumAdjustment.
func assembleFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	b := make([]byte, 12+16*len(tags), size)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint32(b, 0x00010000)
	binary.BigEndian.PutUint16(b[4:], uint16(n))
	binary.BigEndian.PutUint16(b[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(b[8:], uint16(sel))
	binary.BigEndian.PutUint16(b[10:], uint16(16*n-16<<sel))
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		e := b[12+16*i:]
		copy(e, tag)
		binary.BigEndian.PutUint32(e[4:], checksum(t))
		binary.BigEndian.PutUint32(e[8:], uint32(len(b)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(b)
		}
		b = append(b, t...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	}
	return b
}

// checksum is the TrueType table checksum: the sum of big-endian words,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

// fontName is the font's name in the PDF, as fpdf named it.
const fontName = "utf8report"

// toUnicode maps every CID to the character of the same code, which is
// how the pages encode text.
const toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// writeFont writes the objects of the embedded font: the Type0 font as
// object top, replacing the placeholder, and its parts as new objects.
func (f *fontFile) writeFont(p *finisher, m *metrics, used *runeSet, top int) {
	cid, desc, uni, gidMap, file := p.reserve(), p.reserve(), p.reserve(), p.reserve(), p.reserve()
	ref := func(n int) string { return strconv.Itoa(n) + " 0 R" }

	var w strings.Builder
	w.WriteString("/W [")
	last := rune(-2)
	gids := make([]byte, 2<<16)
	used.each(func(r rune) {
		g := f.glyph[r]
		if g == 0 || int(g) >= f.nGlyphs {
			return
		}
		binary.BigEndian.PutUint16(gids[2*r:], g)
		if r == last+1 {
			w.WriteByte(' ')
		} else {
			if last >= 0 {
				w.WriteString("] ")
			}
			w.WriteString(strconv.Itoa(int(r)))
			w.WriteString(" [")
		}
		w.WriteString(strconv.Itoa(int(m.adv[r])))
		last = r
	})
	if last >= 0 {
		w.WriteString("]")
	}
	w.WriteString("]")

	d := f.desc
	dw := ""
	if d.missingWidth != 0 {
		dw = "\n/DW " + strconv.Itoa(d.missingWidth)
	}
	p.object(top, "<</Type /Font\n/Subtype /Type0\n/BaseFont /"+fontName+"\n/Encoding /Identity-H\n/DescendantFonts ["+ref(cid)+"]\n/ToUnicode "+ref(uni)+">>")
	p.object(cid, "<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /"+fontName+"\n/CIDSystemInfo <</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0>>\n/FontDescriptor "+ref(desc)+dw+"\n"+w.String()+"\n/CIDToGIDMap "+ref(gidMap)+">>")
	p.object(desc, "<</Type /FontDescriptor /FontName /"+fontName+
		"\n /Ascent "+strconv.Itoa(d.ascent)+" /Descent "+strconv.Itoa(d.descent)+" /CapHeight "+strconv.Itoa(d.capHeight)+
		" /Flags "+strconv.Itoa((d.flags|4)&^32)+
		" /FontBBox ["+strconv.Itoa(d.bbox[0])+" "+strconv.Itoa(d.bbox[1])+" "+strconv.Itoa(d.bbox[2])+" "+strconv.Itoa(d.bbox[3])+"]"+
		" /ItalicAngle "+strconv.Itoa(d.italicAngle)+" /StemV "+strconv.Itoa(d.stemV)+" /MissingWidth "+strconv.Itoa(d.missingWidth)+
		" /FontFile2 "+ref(file)+">>")
	p.stream(uni, "", []byte(toUnicode))
	p.stream(gidMap, "", gids)
	font, err := f.subset(used)
	if err != nil {
		p.fail(err)
		return
	}
	p.stream(file, " /Length1 "+strconv.Itoa(len(font)), font)
}
