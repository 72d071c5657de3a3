package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// metrics is what the line breaker needs from a TrueType font: which BMP
// characters it has a glyph for and how wide each is. fpdf keeps the same
// table but privately, and its fallback width for a missing glyph hides
// that the glyph is missing, so the font is read here as well.
type metrics struct {
	// adv is each BMP character's advance in thousandths of an em,
	// rounded the way fpdf writes the PDF /W array, so that measured and
	// drawn widths agree; noGlyph marks characters the font cannot draw.
	adv     []uint16
	ascent  float64 // ascender, in ems
	descent float64 // descender below the baseline, in ems (positive)
	font    *fontFile
}

const noGlyph = math.MaxUint16

// has reports whether the font draws r.
func (m *metrics) has(r rune) bool {
	return r >= 0 && int(r) < len(m.adv) && m.adv[r] != noGlyph
}

// width returns r's advance in ems; zero for a character without a glyph.
func (m *metrics) width(r rune) float64 {
	if !m.has(r) {
		return 0
	}
	return float64(m.adv[r]) / 1000
}

var errNotTrueType = errors.New("not a TrueType font with glyph outlines and a Unicode cmap")

// parseMetrics reads the tables fpdf relies on (head, hhea, maxp, hmtx, the
// format 4 Unicode cmap, glyf and loca) and refuses fonts fpdf cannot embed:
// fpdf reports those by printing to stdout and then writing a broken PDF.
func parseMetrics(b []byte) (*metrics, error) {
	tables, err := tableDirectory(b)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "glyf", "loca", "post"} {
		if _, ok := tables[name]; !ok {
			return nil, fmt.Errorf("%w: no %s table", errNotTrueType, name)
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("%w: truncated header tables", errNotTrueType)
	}
	unitsPerEm := float64(binary.BigEndian.Uint16(head[18:]))
	if unitsPerEm < 16 {
		return nil, fmt.Errorf("%w: units per em %v", errNotTrueType, unitsPerEm)
	}
	nMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	nGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if nGlyphs == 0 {
		return nil, fmt.Errorf("%w: no glyphs", errNotTrueType)
	}
	hmtx := tables["hmtx"]
	if nMetrics == 0 || len(hmtx) < 4*nMetrics {
		return nil, fmt.Errorf("%w: truncated hmtx table", errNotTrueType)
	}
	advance := func(glyph int) uint16 {
		glyph = min(glyph, nMetrics-1)
		return binary.BigEndian.Uint16(hmtx[4*glyph:])
	}
	glyphs, err := cmap4(tables["cmap"])
	if err != nil {
		return nil, err
	}
	m := &metrics{
		adv:     make([]uint16, 1<<16),
		ascent:  float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / unitsPerEm,
		descent: -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / unitsPerEm,
	}
	for r := range m.adv {
		g := int(glyphs[r])
		if g == 0 || g >= nGlyphs || r == 0 || r == 0xFFFF {
			m.adv[r] = noGlyph
			continue
		}
		a := advance(g)
		if a >= 1<<15 {
			a = 0
		}
		m.adv[r] = uint16(math.Round(float64(a) * 1000 / unitsPerEm))
	}
	// Control characters have glyphs in some fonts but must never reach
	// the page: they are layout, not text.
	for r := range rune(0x20) {
		m.adv[r] = noGlyph
	}
	m.adv[0x7F] = noGlyph
	m.font = newFontFile(tables, glyphs, nGlyphs, nMetrics, unitsPerEm)
	return m, nil
}

// tableDirectory maps each table tag of an sfnt file to its bytes.
func tableDirectory(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, fmt.Errorf("%w: file too short", errNotTrueType)
	}
	switch binary.BigEndian.Uint32(b) {
	case 0x00010000, 0x74727565: // 1.0 and 'true'
	default:
		return nil, errNotTrueType
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, fmt.Errorf("%w: truncated table directory", errNotTrueType)
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		e := b[12+16*i:]
		off, size := int64(binary.BigEndian.Uint32(e[8:])), int64(binary.BigEndian.Uint32(e[12:]))
		if off+size > int64(len(b)) {
			return nil, fmt.Errorf("%w: table %q outside the file", errNotTrueType, e[:4])
		}
		tables[string(e[:4])] = b[off : off+size]
	}
	return tables, nil
}

// cmap4 returns the glyph index of every BMP character from the first
// Unicode format 4 subtable: the same subtable fpdf's parser chooses.
func cmap4(cmap []byte) ([]uint16, error) {
	if len(cmap) < 4 {
		return nil, fmt.Errorf("%w: truncated cmap", errNotTrueType)
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var sub []byte
	for i := range n {
		e := 4 + 8*i
		if e+8 > len(cmap) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[e:]), binary.BigEndian.Uint16(cmap[e+2:])
		off := int(binary.BigEndian.Uint32(cmap[e+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off+4 > len(cmap) {
			continue
		}
		if binary.BigEndian.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
			sub = sub[:min(len(sub), int(binary.BigEndian.Uint16(sub[2:])))]
			break
		}
	}
	if len(sub) < 14 {
		return nil, fmt.Errorf("%w: no format 4 Unicode cmap", errNotTrueType)
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	if ranges+2*segs > len(sub) {
		return nil, fmt.Errorf("%w: truncated cmap subtable", errNotTrueType)
	}
	u16 := func(off int) int {
		if off < 0 || off+2 > len(sub) {
			return 0
		}
		return int(binary.BigEndian.Uint16(sub[off:]))
	}
	out := make([]uint16, 1<<16)
	for s := range segs {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, rangeOff := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c < 1<<16; c++ {
			g := 0
			if rangeOff == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = u16(ranges + 2*s + rangeOff + 2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			out[c] = uint16(g)
		}
	}
	return out, nil
}
