package value

import (
	"strings"
	"time"
	"unicode/utf8"
)

type tokKind uint8

const (
	tNum   tokKind = iota + 1
	tWord          // a run of ASCII letters
	tSep           // punctuation or a run of blanks (ch ' ')
	tYear          // 年
	tMonth         // 月: a month marker, or Monday in a weekday
	tDay           // 日: a day marker, or Sunday in a weekday
	tHour          // 時
	tMin           // 分
	tSec           // 秒
	tWeek          // 火水木金土
	tYo            // 曜
	tEra           // 明治, 大正, 昭和, 平成, 令和; n is the first year
)

type token struct {
	kind tokKind
	ch   byte // separator or weekday kanji index
	nd   int  // number of digits
	n    int  // value (first 9 digits)
	gan  bool // 元, the first year of an era
	s    string
}

const maxTokens = 24

// lexer splits date text into tokens in a fixed array, so ParseDate does not
// allocate.
type lexer struct {
	toks [maxTokens]token
	n    int
}

func (lx *lexer) add(t token) bool {
	if t.kind == tSep && t.ch == ' ' && lx.n > 0 && lx.toks[lx.n-1].kind == tSep && lx.toks[lx.n-1].ch == ' ' {
		return true
	}
	if lx.n == maxTokens {
		return false
	}
	lx.toks[lx.n] = t
	lx.n++
	return true
}

func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

func (lx *lexer) run(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		var t token
		switch {
		case isDigit(c):
			j := i
			v := 0
			for j < len(s) && isDigit(s[j]) {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			t = token{kind: tNum, n: v, nd: j - i}
			i = j
		case isLetter(c):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			t = token{kind: tWord, s: s[i:j]}
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t = token{kind: tSep, ch: ' '}
			i++
		case strings.IndexByte("/-.,:()+", c) >= 0:
			t = token{kind: tSep, ch: c}
			i++
		case c < utf8.RuneSelf:
			return false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			t = kanjiToken(r)
			if t.kind == 0 {
				first, ok := eraFirst(r)
				if !ok {
					return false
				}
				r2, size2 := utf8.DecodeRuneInString(s[i:])
				if r2 != first.second {
					return false
				}
				i += size2
				t = token{kind: tEra, n: first.year}
			}
		}
		if !lx.add(t) {
			return false
		}
	}
	return true
}

func kanjiToken(r rune) token {
	switch r {
	case '年':
		return token{kind: tYear}
	case '月':
		return token{kind: tMonth, ch: byte(time.Monday)}
	case '日':
		return token{kind: tDay, ch: byte(time.Sunday)}
	case '時':
		return token{kind: tHour}
	case '分':
		return token{kind: tMin}
	case '秒':
		return token{kind: tSec}
	case '曜':
		return token{kind: tYo}
	case '火':
		return token{kind: tWeek, ch: byte(time.Tuesday)}
	case '水':
		return token{kind: tWeek, ch: byte(time.Wednesday)}
	case '木':
		return token{kind: tWeek, ch: byte(time.Thursday)}
	case '金':
		return token{kind: tWeek, ch: byte(time.Friday)}
	case '土':
		return token{kind: tWeek, ch: byte(time.Saturday)}
	case '元':
		return token{kind: tNum, n: 1, nd: 1, gan: true}
	case '\u00a0', '\u3000':
		return token{kind: tSep, ch: ' '}
	}
	if isDash(r) {
		return token{kind: tSep, ch: '-'}
	}
	return token{}
}

type era struct {
	second rune
	year   int
}

// eraFirst looks up an era name by its first kanji.
func eraFirst(r rune) (era, bool) {
	switch r {
	case '明':
		return era{'治', 1868}, true
	case '大':
		return era{'正', 1912}, true
	case '昭':
		return era{'和', 1926}, true
	case '平':
		return era{'成', 1989}, true
	case '令':
		return era{'和', 2019}, true
	}
	return era{}, false
}

// eraLetter returns the first year of the era abbreviated by a letter.
func eraLetter(w string) int {
	if len(w) != 1 {
		return 0
	}
	switch w[0] | 0x20 {
	case 'm':
		return 1868
	case 't':
		return 1912
	case 's':
		return 1926
	case 'h':
		return 1989
	case 'r':
		return 2019
	}
	return 0
}

// weekdayWord returns the weekday an English name or abbreviation stands for,
// or -1.
func weekdayWord(w string) int {
	if len(w) < 3 {
		return -1
	}
	for i, names := range [...][3]string{
		{"sun", "sunday", ""}, {"mon", "monday", ""}, {"tue", "tues", "tuesday"},
		{"wed", "weds", "wednesday"}, {"thu", "thurs", "thursday"},
		{"fri", "friday", ""}, {"sat", "saturday", ""},
	} {
		for _, n := range names {
			if n != "" && strings.EqualFold(w, n) {
				return i
			}
		}
	}
	if strings.EqualFold(w, "thur") {
		return int(time.Thursday)
	}
	return -1
}

// monthWord returns the month an English name or abbreviation stands for, or 0.
func monthWord(w string) int {
	if len(w) < 3 {
		return 0
	}
	for i, n := range [...]string{"january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december"} {
		if strings.EqualFold(w, n) || strings.EqualFold(w, n[:3]) {
			return i + 1
		}
	}
	if strings.EqualFold(w, "sept") {
		return 9
	}
	return 0
}
