package pdf

import (
	"errors"
	"testing"

	"github.com/pmokit/pmo/templates"
)

func TestParseMetrics(t *testing.T) {
	t.Parallel()
	m := fontMetrics(t)
	tests := []struct {
		r    rune
		has  bool
		half bool // narrower than a kanji (IPAexGothic Latin is 0.6–0.7 em)
	}{
		{'A', true, true}, {'1', true, true}, {' ', true, true}, {'漢', true, false}, {'〓', true, false},
		{'ア', true, false}, {'ｱ', true, true}, {'≥', false, false}, {'\n', false, false}, {0, false, false},
	}
	for _, tt := range tests {
		if got := m.has(tt.r); got != tt.has {
			t.Errorf("has(%U) = %v, want %v", tt.r, got, tt.has)
		}
		if tt.has && (m.width(tt.r) < 0.8) != tt.half {
			t.Errorf("width(%U) = %v, half-width %v", tt.r, m.width(tt.r), tt.half)
		}
	}
	if m.width('漢') != 1 {
		t.Errorf("a kanji is %v em wide, want 1", m.width('漢'))
	}
	if m.ascent <= 0.5 || m.ascent >= 1.2 || m.descent <= 0 || m.descent >= 0.5 {
		t.Errorf("ascent %v, descent %v: implausible", m.ascent, m.descent)
	}
}

func TestParseMetricsRejects(t *testing.T) {
	t.Parallel()
	font := templates.Font()
	otf := append([]byte("OTTO"), font[4:]...)
	tests := map[string][]byte{
		"empty":        nil,
		"text":         []byte("this is not a font at all"),
		"CFF outlines": otf,
		"truncated":    font[:200],
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := parseMetrics(b); !errors.Is(err, errNotTrueType) {
				t.Errorf("parseMetrics = %v, want errNotTrueType", err)
			}
		})
	}
}

// FuzzParseMetrics feeds damaged fonts (a --font file is user input): the
// parser must return an error or metrics, never panic.
func FuzzParseMetrics(f *testing.F) {
	font := templates.Font()
	// The table directory and the small tables live in the first bytes;
	// the fuzzer mutates a header spliced onto the real tables.
	f.Add(font[:4096], uint16(0))
	f.Add([]byte{0, 1, 0, 0, 0, 1}, uint16(3))
	f.Fuzz(func(t *testing.T, head []byte, at uint16) {
		b := make([]byte, 0, len(font))
		b = append(b, head...)
		if len(b) < len(font) {
			b = append(b, font[len(b):]...)
		}
		if i := int(at); i < len(b) {
			b[i] ^= 0xff
		}
		m, err := parseMetrics(b)
		if err != nil {
			return
		}
		if len(m.adv) != 1<<16 {
			t.Fatalf("metrics with %d advances", len(m.adv))
		}
		// The subset is cut from the same damaged tables.
		var used runeSet
		for _, r := range "進捗 Ab1〓" {
			used.add(r)
		}
		_, _ = m.font.subset(&used)
	})
}
