package pdf

import (
	"strings"
	"unicode/utf8"
)

// replacement stands in for a character the font cannot draw: 〓 (geta) is
// what Japanese typesetting has always used for a missing glyph.
const replacement = '〓'

// clean prepares s for the page: line ends become \n, tabs and other
// control characters spaces, variation selectors and zero-width
// characters are dropped (they select or join glyphs and are invisible on
// their own), and every other character the font has no glyph for —
// including everything outside the BMP, which fpdf cannot encode — becomes
// repl, unless it has an equivalent the font draws (≥ becomes ≧). It
// returns the characters it replaced, in order.
func (m *metrics) clean(s string, repl rune) (string, []rune) {
	if m.plain(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var missing []rune
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20 || 0x7F <= r && r < 0xA0:
			b.WriteByte(' ')
		case invisible(r):
		case m.has(r):
			b.WriteRune(r)
		case m.has(equivalent(r)):
			b.WriteRune(equivalent(r))
		default:
			b.WriteRune(repl)
			missing = append(missing, r)
		}
	}
	return b.String(), missing
}

// plain reports whether s needs no cleaning: the common case, checked
// without allocating.
func (m *metrics) plain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r != '\n' && !m.has(r) || invisible(r) {
			return false
		}
	}
	return true
}

// equivalent returns a character that means the same as r and that
// Japanese fonts usually have (JIS X 0208 has ≧ but not ≥), or 0.
func equivalent(r rune) rune {
	switch r {
	case '≥':
		return '≧'
	case '≤':
		return '≦'
	case '✔':
		return '✓'
	case '∑':
		return 'Σ'
	case '\u2011': // non-breaking hyphen
		return '-'
	}
	return 0
}

func invisible(r rune) bool {
	return 0xFE00 <= r && r <= 0xFE0F || 0xE0100 <= r && r <= 0xE01EF || // variation selectors
		0x200B <= r && r <= 0x200D || r == 0x2060 || r == 0xFEFF // zero-width space, joiners, BOM
}

// Kinsoku shori: characters that must not start a line (closing brackets,
// punctuation, the long-vowel mark, small kana) and characters that must
// not end one (opening brackets).
const (
	noStartChars = "、。，．・：；？！ー）」』】〕〉》”’々ゝゞヽヾ〜" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
		"）］｝％" + ")]},.:;!?%"
	noEndChars = "（「『【〔〈《“‘［｛" + "([{"
)

func noStart(r rune) bool { return strings.ContainsRune(noStartChars, r) }
func noEnd(r rune) bool   { return strings.ContainsRune(noEndChars, r) }

func isSpace(r rune) bool { return r == ' ' || r == '\u3000' }

// ideographic reports whether a line may break on either side of r
// without a space: CJK characters, kana, full-width forms and the
// symbols set among them (arrows, shapes, circled numbers).
func ideographic(r rune) bool { return r >= 0x2190 && !(0xFB00 <= r && r < 0xFE10) }

// canBreak reports whether a line may end between p[j-1] and p[j].
func canBreak(p []rune, j int) bool {
	a, b := p[j-1], p[j]
	switch {
	case noStart(b) || noEnd(a):
		return false
	case isSpace(a) || isSpace(b):
		return true
	}
	return ideographic(a) || ideographic(b)
}

// wrap breaks s into lines no wider than width, measuring each character
// with w. Hard line breaks (\n) are kept. Between ideographic characters
// a line may break anywhere kinsoku allows; Latin text breaks at spaces,
// and a word longer than the line breaks where it must. Spaces at a soft
// break are dropped; nothing else is: the lines joined are s without
// them. A line is wider than width only when it is a single character.
// s must already be clean; empty s gives no lines.
func wrap(s string, width float64, w func(rune) float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		if fits(para, width, w) {
			// Most cells are one short line: no rune slice needed.
			lines = append(lines, strings.TrimRight(para, " \u3000"))
			continue
		}
		lines = wrapParagraph([]rune(para), width, w, lines)
	}
	return lines
}

// fits reports whether wrapParagraph would keep para on one line: it adds
// the widths in the same order, so the sums are the same.
func fits(para string, width float64, w func(rune) float64) bool {
	x, first := 0.0, true
	for _, r := range para {
		if first {
			x, first = w(r), false
			continue
		}
		if x+w(r) > width {
			return false
		}
		x += w(r)
	}
	return !first
}

func wrapParagraph(p []rune, width float64, w func(rune) float64, lines []string) []string {
	n := len(p)
	if n == 0 {
		return append(lines, "")
	}
	for start := 0; start < n; {
		if start > 0 {
			for start < n && isSpace(p[start]) {
				start++
			}
			if start == n {
				break
			}
		}
		x, i := w(p[start]), start+1
		for i < n && x+w(p[i]) <= width {
			x += w(p[i])
			i++
		}
		if i == n {
			lines = append(lines, trimSpaces(p[start:]))
			break
		}
		// p[i] does not fit: end the line at the last place kinsoku and
		// word boundaries allow, or at i when there is none.
		j := i
		for j > start+1 && !canBreak(p, j) {
			j--
		}
		if !canBreak(p, j) {
			j = i
		}
		lines = append(lines, trimSpaces(p[start:j]))
		start = j
	}
	return lines
}

func trimSpaces(p []rune) string {
	end := len(p)
	for end > 0 && isSpace(p[end-1]) {
		end--
	}
	return string(p[:end])
}
