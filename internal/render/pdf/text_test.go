package pdf

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/pmokit/pmo/templates"
)

// fixedWidth measures full-width characters as 1 and the rest as 0.5,
// so expected lines can be worked out by hand.
func fixedWidth(r rune) float64 {
	if ideographic(r) || r == '\u3000' {
		return 1
	}
	return 0.5
}

func TestWrap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"empty", "", 5, nil},
		{"fits", "あいう", 5, []string{"あいう"}},
		{"cjk breaks anywhere", "あいうえおかきくけこ", 4, []string{"あいうえ", "おかきく", "けこ"}},
		{"period never starts a line", "あいうえお。かきく", 5, []string{"あいうえ", "お。かきく"}},
		{"comma never starts a line", "あいうえ、おか", 4, []string{"あいう", "え、おか"}},
		{"long vowel mark never starts a line", "サーバーサーバー", 3, []string{"サー", "バー", "サー", "バー"}},
		{"small kana never starts a line", "きょうはちょっと", 3, []string{"きょう", "は", "ちょっ", "と"}},
		{"small katakana never starts a line", "シェアウェア", 2, []string{"シェ", "ア", "ウェ", "ア"}},
		{"closing bracket never starts a line", "ああ（いい）", 3, []string{"ああ", "（い", "い）"}},
		{"opening bracket never ends a line", "あいう「えお」", 4, []string{"あいう", "「えお」"}},
		{"corner brackets", "「確認」。次", 3, []string{"「確", "認」。", "次"}},
		{"kinsoku impossible: break anyway", "。。。。。", 2, []string{"。。", "。。", "。"}},
		{"latin breaks at spaces", "hello world foo", 3, []string{"hello", "world", "foo"}},
		{"spaces at the break are dropped", "foo   bar", 2, []string{"foo", "bar"}},
		{"very long word breaks anywhere", "abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		{"latin then kanji", "API連携テスト", 3, []string{"API連", "携テス", "ト"}},
		{"kanji then latin word kept whole", "連携 Excel", 3, []string{"連携", "Excel"}},
		{"latin punctuation stays with its word", "(see note).", 3, []string{"(see", "note)."}},
		{"ascii closing paren after kanji", "完了)です", 1.5, []string{"完", "了)", "で", "す"}},
		{"hard line breaks", "a\nb", 5, []string{"a", "b"}},
		{"blank line kept", "a\n\nb", 5, []string{"a", "", "b"}},
		{"leading spaces of a paragraph kept", "  ab", 5, []string{"  ab"}},
		{"ideographic space breaks", "株式会社　山田商事", 5, []string{"株式会社", "山田商事"}},
		{"single wide rune on a narrow line", "漢字", 0.5, []string{"漢", "字"}},
		{"date stays whole", "期限 2026-10-23 まで", 5, []string{"期限", "2026-10-23", "まで"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := wrap(tt.in, tt.width, fixedWidth)
			if !slices.Equal(got, tt.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

// font metrics are parsed once for all tests: 6 MB of TrueType.
var testMetrics = sync.OnceValues(func() (*metrics, error) { return parseMetrics(templates.Font()) })

func fontMetrics(t testing.TB) *metrics {
	t.Helper()
	m, err := testMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestClean(t *testing.T) {
	t.Parallel()
	m := fontMetrics(t)
	tests := []struct {
		name    string
		in      string
		want    string
		missing []rune
	}{
		{"plain", "基幹システム刷新", "基幹システム刷新", nil},
		{"non-BMP becomes geta", "𠮷野家", "〓野家", []rune{'𠮷'}},
		{"emoji becomes geta", "完了👍です", "完了〓です", []rune{'👍'}},
		{"equivalent glyph, no finding", "SPI ≥ 0.95", "SPI ≧ 0.95", nil},
		{"tab and CR", "a\tb\r\nc\rd", "a b\nc\nd", nil},
		{"controls become spaces", "a\x01b\u0085c", "a b c", nil},
		{"variation selector dropped", "葛\U000E0100城", "葛城", nil},
		{"zero width and BOM dropped", "\ufeffA\u200bB", "AB", nil},
		{"invalid UTF-8", "a\xffb", "a〓b", []rune{utf8.RuneError}},
		{"missing BMP glyph", "warning ⚠", "warning 〓", []rune{'⚠'}},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, missing := m.clean(tt.in, replacement)
			if got != tt.want || !slices.Equal(missing, tt.missing) {
				t.Errorf("clean(%q) = %q, %q; want %q, %q", tt.in, got, string(missing), tt.want, string(tt.missing))
			}
		})
	}
}

// FuzzWrap checks the breaker against the real font: no character is lost
// (only spaces at soft breaks and the replaced ones), no line carries a
// line break, and no line is wider than asked unless it is one character.
func FuzzWrap(f *testing.F) {
	m := fontMetrics(f)
	for _, s := range []string{"", "基幹システム刷新。", "hello world", "𠮷野家の（牛丼）", "a\nb\r\n\tc", "ちょっと、ー。", "supercalifragilistic", "  x  "} {
		f.Add(s, uint8(20))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		width := float64(w) / 4
		const size = 9 * ptMM
		measure := func(r rune) float64 { return m.width(r) * size }
		clean, missing := m.clean(s, replacement)
		lines := wrap(clean, width, measure)
		var joined strings.Builder
		for _, l := range lines {
			if strings.ContainsRune(l, '\n') {
				t.Fatalf("line %q holds a line break", l)
			}
			lw := 0.0
			for _, r := range l {
				lw += measure(r)
			}
			if lw > width+1e-9 && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is %.3f wide, more than %.3f", l, lw, width)
			}
			joined.WriteString(l)
		}
		if got, want := dropSpace(joined.String()), dropSpace(clean); got != want {
			t.Fatalf("lines %q lost characters: %q != %q", lines, got, want)
		}
		// The one-line shortcut gives what the breaker gives.
		for para := range strings.SplitSeq(clean, "\n") {
			if !fits(para, width, measure) {
				continue
			}
			if got := wrapParagraph([]rune(para), width, measure, nil); len(got) != 1 || got[0] != strings.TrimRight(para, " \u3000") {
				t.Fatalf("%q fits on one line, but the breaker gives %q", para, got)
			}
		}
		if n := strings.Count(clean, string(replacement)) - strings.Count(s, string(replacement)); n != len(missing) {
			t.Fatalf("%d replacements for %d missing characters", n, len(missing))
		}
	})
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// TestHeatColoursShared checks the PDF draws each heat-map band in the
// tracker's tones (the same RRGGBB as styles in the workbook): green below
// 5, amber from 5, red from 12.
func TestHeatColoursShared(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		score float64
		want  rgb
	}{{1, 0xC6EFCE}, {4, 0xC6EFCE}, {5, 0xFFEB9C}, {11, 0xFFEB9C}, {12, 0xFFC7CE}, {25, 0xFFC7CE}} {
		if got := scoreColor(c.score); got != c.want {
			t.Errorf("score %g: PDF %06X, want %06X", c.score, uint32(got), uint32(c.want))
		}
	}
}

// TestJapaneseHeaderNotBrokenMidWord: a short Japanese column header stays
// on one line (遅れ気味タスク, not 遅れ気味タス／ク), the column widening
// for it.
func TestJapaneseHeaderNotBrokenMidWord(t *testing.T) {
	t.Parallel()
	var runs []textRun
	if _, _, err := render(load(t, "kikan", "ja"), Options{}, &runs); err != nil {
		t.Fatal(err)
	}
	whole := false
	for _, r := range runs {
		if r.page == 1 && r.s == "遅れ気味タス" {
			t.Errorf("header broken mid-word at (%.1f, %.1f)", r.x, r.top)
		}
		whole = whole || r.page == 1 && r.s == "遅れ気味タスク"
	}
	if !whole {
		t.Error("no 遅れ気味タスク header on page 1")
	}
}

// TestPageOneMoney: a project with a budget and a cost per person-day shows
// the budget and the forecast at completion on page 1, in 万/億 for Japanese.
func TestPageOneMoney(t *testing.T) {
	t.Parallel()
	var runs []textRun
	if _, _, err := render(load(t, "kikan", "ja"), Options{}, &runs); err != nil {
		t.Fatal(err)
	}
	var page1 strings.Builder
	for _, r := range runs {
		if r.page == 1 {
			page1.WriteString(r.s)
		}
	}
	for _, want := range []string{"予算・着地見込", "予算 1億8,000万円", "着地見込 (EAC)", "差異見込 (VAC)"} {
		if !strings.Contains(page1.String(), want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
}

// TestPageOneMoneyNotProvided: the ec example gives a budget and a cost
// per person-day but no actual effort, so its cost so far is not known:
// page 1 says AC is not provided (and shows no EAC) rather than 0円.
func TestPageOneMoneyNotProvided(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lang, want, zero string }{{"ja", "実績 (AC) 未提供", "実績 (AC) 0円"}, {"en", "AC n/a", "AC ¥0"}} {
		var runs []textRun
		if _, _, err := render(load(t, "ec", c.lang), Options{}, &runs); err != nil {
			t.Fatal(err)
		}
		var page1 strings.Builder
		for _, r := range runs {
			if r.page == 1 {
				page1.WriteString(r.s)
			}
		}
		if s := page1.String(); !strings.Contains(s, c.want) || strings.Contains(s, c.zero) {
			t.Errorf("%s: page 1 has not %q, or has %q", c.lang, c.want, c.zero)
		}
	}
}
