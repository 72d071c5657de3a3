// Package value turns what people type into spreadsheet cells into typed
// values: text, header keys, dates, numbers, progress, effort, statuses,
// priorities, risk levels and people.
//
// Each function looks at one cell and says whether it recognised it. None of
// them reports findings: only the caller knows the cell's position and what
// its column was meant to hold. The reader calls these functions on every
// cell of large sheets, so the common cases (ASCII text, text already in
// normal form, ordinary words handed to a date parser) do not allocate.
package value

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isBlank reports whether r is one of the blanks people leave around cell
// text: spaces, tabs, NBSP, the full-width space, and the zero-width space and
// BOM that copy-paste from web pages and CSV files leave behind.
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff':
		return true
	}
	return false
}

func isBlankOrBreak(r rune) bool { return isBlank(r) || r == '\n' || r == '\r' }

// trim removes blanks and line breaks around s.
func trim(s string) string {
	// ASCII fast path: most cells have nothing to trim.
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isBlankOrBreak)
}

// nfkc returns s in Unicode NFKC, so full-width digits, letters and
// punctuation read like their ASCII forms. Japanese cell text is mostly
// kana, kanji and full-width ASCII, whose NFKC forms are known; those strings
// skip the general (and much slower) normaliser, and only strings that change
// allocate.
func nfkc(s string) string {
	fold := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u3000' || ('\uff01' <= r && r <= '\uff5e'):
			fold = true
		case !nfkcStable(r):
			if norm.NFKC.QuickSpanString(s) == len(s) {
				return s
			}
			return norm.NFKC.String(s)
		}
	}
	if !fold {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u3000':
			b.WriteByte(' ')
		case '\uff01' <= r && r <= '\uff5e':
			b.WriteByte(byte(r - 0xfee0))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nfkcStable reports whether NFKC leaves r alone and never combines it with
// a neighbour: common kanji, kana (not the combining voicing marks) and
// Japanese punctuation and brackets.
func nfkcStable(r rune) bool {
	switch {
	case '\u4e00' <= r && r <= '\u9fff', // CJK unified ideographs
		'\u3041' <= r && r <= '\u3096', // hiragana
		'\u30a1' <= r && r <= '\u30fc', // katakana, ・ and ー
		'\u3001' <= r && r <= '\u3003', // 、。〃
		'\u3005' <= r && r <= '\u3011': // 々〆〇〈〉《》「」『』【】
		return true
	}
	switch r {
	case '※', '○', '◯', '●', '◎', '△', '▲', '□', '■', '◇', '◆', '★', '☆', '→', '←', '✓', '✔', '〜':
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Text cleans a text cell for display and storage: it trims blanks (spaces,
// NBSP, full-width spaces, tabs) and line breaks around the text, turns CRLF
// and CR into LF, trims each line's trailing blanks and collapses runs of
// blank lines to one. Width and case stay as typed, and so do the leading
// blanks of every line but the first, since they often show structure.
// Callers that read hierarchy from a name's indentation must measure it
// before calling Text.
func Text(s string) string {
	s = trim(s)
	if !textNeedsWork(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	newlines := 0
	blankFrom := -1 // start of the blanks seen since the last character written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r' || r == '\n':
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				size = 2
			}
			newlines++
			blankFrom = -1
		case isBlank(r):
			if blankFrom < 0 {
				blankFrom = i
			}
		default:
			for ; newlines > 0; newlines-- {
				if newlines <= 2 {
					b.WriteByte('\n')
				}
			}
			if blankFrom >= 0 {
				b.WriteString(s[blankFrom:i])
				blankFrom = -1
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// textNeedsWork reports whether trimmed text holds a CR, a blank at the end
// of a line or three line breaks in a row.
func textNeedsWork(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			return true
		case '\n':
			run++
			if run >= 3 {
				return true
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); isBlank(r) {
				return true
			}
		case ' ', '\t':
		default:
			// Any other byte ends a run of blank lines. A blank beyond ASCII
			// (NBSP, 　) does too: its continuation bytes are no blank
			// of their own, and a line of such blanks is caught above as a
			// line ending in one.
			run = 0
		}
	}
	return false
}

// Key normalises a header or label for matching: NFKC (full-width to
// half-width), lower case, no white space of any kind (NBSP, full-width
// spaces and line breaks included), and none of the brackets ()[]{}<>【】「」
// 『』〈〉《》〔〕 or the marks ・:*※ people decorate headers with.
// Key(" 予定\n開始日（実績） ") is "予定開始日実績"; Key("% Complete") is
// "%complete". Key is idempotent: Key(Key(s)) == Key(s).
func Key(s string) string {
	// Lower-casing or removing a character can leave text that NFKC would
	// change again (a combining mark meeting a new base letter), so repeat
	// until nothing changes; real headers settle in one or two rounds.
	for range 8 {
		s = nfkc(s)
		k, changed := keyRound(s)
		if !changed {
			return k
		}
		s = k
	}
	return s
}

// keyRound lower-cases s and drops the characters Key ignores. It returns s
// itself, without allocating, when there is nothing to do.
func keyRound(s string) (string, bool) {
	first := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if keyChanges(r, size) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			// Invalid UTF-8 becomes U+FFFD so that removing a neighbour
			// cannot glue stray bytes into a new character.
			b.WriteRune(utf8.RuneError)
		case keyDrops(r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String(), true
}

func keyChanges(r rune, size int) bool {
	if r < utf8.RuneSelf {
		return ('A' <= r && r <= 'Z') || keyDrops(r)
	}
	if '\u3041' <= r && r <= '\u9fff' {
		// Kana and kanji, the bulk of Japanese headers: no case, no blanks.
		return r == '・'
	}
	return (r == utf8.RuneError && size == 1) || keyDrops(r) || unicode.ToLower(r) != r
}

func keyDrops(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', '<', '>', ':', '*',
		'（', '）', '［', '］', '｛', '｝', '＜', '＞', '：', '＊',
		'【', '】', '「', '」', '『', '』', '〈', '〉', '《', '》', '〔', '〕',
		'・', '･', '※', '\u200b', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// IsErrorValue reports whether s is an Excel error value such as #REF!,
// #N/A, #VALUE!, #DIV/0!, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC! or
// #GETTING_DATA. The newer dynamic-array and data-type errors (#BLOCKED!,
// #CONNECT!, #FIELD!, #UNKNOWN!, #BUSY!, #EXTERNAL!, #PYTHON!) count too,
// since a cell showing any of them holds no usable value.
func IsErrorValue(s string) bool {
	s = trim(s)
	if len(s) < 4 || s[0] != '#' {
		return false
	}
	for _, e := range [...]string{
		"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
		"#SPILL!", "#CALC!", "#GETTING_DATA", "#BLOCKED!", "#CONNECT!",
		"#FIELD!", "#UNKNOWN!", "#BUSY!", "#EXTERNAL!", "#PYTHON!",
	} {
		if strings.EqualFold(s, e) {
			return true
		}
	}
	return false
}
