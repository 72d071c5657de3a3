package pdf

import (
	"bytes"
	"strconv"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pmokit/pmo/templates"
)

// TestSubsetKeepsDrawnGlyphs reads the subset back with an independent
// TrueType parser: the characters drawn keep their outlines and advances,
// glyph numbers are unchanged, the others are empty, and the file's
// checksum adjustment is right.
func TestSubsetKeepsDrawnGlyphs(t *testing.T) {
	t.Parallel()
	for name, file := range map[string][]byte{"IPAexGothic": templates.Font(), "Go": goregular.TTF} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, err := parseMetrics(file)
			if err != nil {
				t.Fatal(err)
			}
			drawn, other := "進捗Ab1", "Zz9"
			if m.has('漢') {
				other += "漢"
			}
			var used runeSet
			for _, r := range drawn {
				used.add(r)
			}
			sub, err := m.font.subset(&used)
			if err != nil {
				t.Fatal(err)
			}
			if got := checksum(sub); got != 0xB1B0AFBA {
				t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", got)
			}
			orig, err := sfnt.Parse(file)
			if err != nil {
				t.Fatal(err)
			}
			cut, err := sfnt.Parse(sub)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			if cut.NumGlyphs() != orig.NumGlyphs() {
				t.Errorf("%d glyphs, the font has %d", cut.NumGlyphs(), orig.NumGlyphs())
			}
			var buf sfnt.Buffer
			outline := func(f *sfnt.Font, r rune) (int, fixed.Int26_6) {
				g := sfnt.GlyphIndex(m.font.glyph[r])
				segs, err := f.LoadGlyph(&buf, g, fixed.I(1000), nil)
				if err != nil {
					t.Fatalf("%q: %v", r, err)
				}
				adv, err := f.GlyphAdvance(&buf, g, fixed.I(1000), font.HintingNone)
				if err != nil {
					t.Fatalf("%q: %v", r, err)
				}
				return len(segs), adv
			}
			for _, r := range drawn {
				if !m.has(r) {
					continue
				}
				if g, err := cut.GlyphIndex(&buf, r); err != nil || int(g) != int(m.font.glyph[r]) {
					t.Errorf("the subset's cmap maps %q to %d (%v), the font to %d", r, g, err, m.font.glyph[r])
				}
				ns, adv := outline(orig, r)
				nc, advc := outline(cut, r)
				if nc != ns || advc != adv || nc == 0 {
					t.Errorf("%q: %d segments, advance %v in the subset; %d, %v in the font", r, nc, advc, ns, adv)
				}
			}
			for _, r := range other {
				if n, _ := outline(cut, r); n != 0 {
					t.Errorf("%q is not drawn but kept %d segments", r, n)
				}
			}
			if len(sub) >= len(file)/2 && len(file) > 1<<20 {
				t.Errorf("subset of 7 characters is %d bytes, the font %d", len(sub), len(file))
			}
		})
	}
}

// TestEmbeddedFont checks the font objects a report carries: one Type0
// font in place of fpdf's placeholder, widths for what is drawn, no
// Helvetica left, and the page count put in for its alias.
func TestEmbeddedFont(t *testing.T) {
	t.Parallel()
	b, _, runs := renderRec(t, load(t, "network", "ja"))
	for _, s := range []string{"/Helvetica", pageAlias} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("the PDF still contains %q", s)
		}
	}
	if n := bytes.Count(b, []byte("/Subtype /Type0")); n != 1 {
		t.Errorf("%d Type0 fonts, want 1", n)
	}
	pages := strconv.Itoa(runs[len(runs)-1].page)
	text := inflatedText(t, b)
	if !bytes.Contains(text, utf16(nil, "1 / "+pages)) {
		t.Errorf("no footer 1 / %s in the pages", pages)
	}
	w := widths(t, b)
	m := fontMetrics(t)
	for _, r := range "進捗" + pages {
		if got, ok := w[r]; !ok || got != int(m.adv[r]) {
			t.Errorf("/W gives %q width %d (listed %v), the font %d", r, got, ok, m.adv[r])
		}
	}
	if _, ok := w['鬱']; ok {
		t.Error("/W lists 鬱, which no page draws")
	}
}

// widths reads the CID font's /W array: [c [w1 w2 …] …].
func widths(t *testing.T, b []byte) map[rune]int {
	t.Helper()
	i := bytes.Index(b, []byte("/W ["))
	if i < 0 {
		t.Fatal("no /W array")
	}
	s := b[i+len("/W ["):]
	s = s[:bytes.Index(s, []byte("]]"))+1]
	out := map[rune]int{}
	for len(bytes.TrimSpace(s)) > 0 {
		s = bytes.TrimSpace(s)
		open := bytes.IndexByte(s, '[')
		end := bytes.IndexByte(s, ']')
		c, err := strconv.Atoi(string(bytes.TrimSpace(s[:open])))
		if err != nil || end < open {
			t.Fatalf("/W: %q", s)
		}
		for k, f := range bytes.Fields(s[open+1 : end]) {
			w, err := strconv.Atoi(string(f))
			if err != nil {
				t.Fatalf("/W: %q", f)
			}
			out[rune(c+k)] = w
		}
		s = s[end+1:]
	}
	return out
}

// inflatedText is every stream of b, decompressed, one after another.
func inflatedText(t *testing.T, b []byte) []byte {
	var all []byte
	for _, s := range inflated(t, b) {
		all = append(all, s...)
	}
	return all
}

func TestRuneSet(t *testing.T) {
	t.Parallel()
	var s runeSet
	in := []rune{0, 'A', 63, 64, 'あ', 0xFFFF}
	for _, r := range in {
		s.add(r)
	}
	s.add(0x1F600) // outside the BMP: not kept
	var got []rune
	s.each(func(r rune) { got = append(got, r) })
	want := []rune{0, 'A', 63, 64, 'あ', 0xFFFF}
	want[1], want[2], want[3] = 63, 64, 'A'
	if string(got) != string(want) {
		t.Errorf("each = %U, want %U", got, want)
	}
	if !s.has('あ') || s.has('い') || s.has(0x1F600) {
		t.Error("has is wrong")
	}
}
