package value

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/date"
)

// IsDateFormat reports whether a numeric cell with this number format shows a
// date, so its value is an Excel serial rather than a quantity.
//
// When code is given it decides: the code is a date when it holds a date
// token — y, m as a month, d, e, g (era), aaa (weekday) — outside quoted
// text, backslash escapes and [..] sections. An m right after an h or right
// before an s is minutes, so "h:mm" and "mm:ss" are not dates, and neither
// are elapsed times like "[h]:mm". A locale prefix such as [$-411] changes
// nothing. "0 "日"", "0.0%", "General" and "#,##0" are not dates.
//
// With no code, the built-in id decides: 14-17 and 22, the Japanese 27-31,
// 34-36 and 50-58 (which Excel writes without any code in styles.xml) are
// dates. 18-21 (h:mm AM/PM, h:mm:ss ...), 32-33 (h"時"mm"分" in Japanese
// Excel) and 45-47 (mm:ss, [h]:mm:ss, mm:ss.0) show only a time of day.
func IsDateFormat(id int, code string) bool {
	if c := strings.TrimSpace(code); c != "" {
		return codeIsDate(c)
	}
	switch {
	case 14 <= id && id <= 17, id == 22:
		return true
	case 27 <= id && id <= 31, 34 <= id && id <= 36:
		return true
	case 50 <= id && id <= 58:
		return true
	}
	return false
}

// codeIsDate scans a custom number format for date tokens.
func codeIsDate(code string) bool {
	// Collect the date and time tokens in order; minutes and months share
	// the letter m and only the neighbours tell them apart.
	var toks [32]byte
	n := 0
	add := func(k byte) {
		if n < len(toks) {
			toks[n] = k
			n++
		}
	}
	for i := 0; i < len(code); {
		c := code[i]
		switch {
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 2
			continue
		case c == '\\' || c == '_' || c == '*':
			// An escaped character, a padding width or a fill character.
			i++
			if i < len(code) {
				_, size := utf8.DecodeRuneInString(code[i:])
				i += size
			}
			continue
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			if k := elapsedToken(code[i+1 : i+j]); k != 0 {
				add(k)
			}
			i += j + 1
			continue
		}
		lc := c | 0x20 // ASCII lower case
		switch {
		case lc == 'g' && hasFoldPrefix(code[i:], "general"):
			i += len("general")
			continue
		case lc == 'a' && hasFoldPrefix(code[i:], "am/pm"):
			add('p')
			i += len("am/pm")
			continue
		case lc == 'a' && hasFoldPrefix(code[i:], "a/p"):
			add('p')
			i += len("a/p")
			continue
		case lc == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-'):
			// Scientific notation: 0.00E+00.
			i += 2
			continue
		case lc == 'y' || lc == 'm' || lc == 'd' || lc == 'h' || lc == 's' ||
			lc == 'e' || lc == 'g' || lc == 'a':
			j := i + 1
			for j < len(code) && code[j]|0x20 == lc {
				j++
			}
			add(lc)
			i = j
			continue
		}
		i++
	}
	for k := range n {
		switch toks[k] {
		case 'y', 'd', 'e', 'g', 'a':
			return true
		case 'm':
			minutes := (k > 0 && toks[k-1] == 'h') || (k+1 < n && toks[k+1] == 's')
			if !minutes {
				return true
			}
		}
	}
	return false
}

// elapsedToken classifies a [..] section: [h], [mm] and [ss] are elapsed
// time units ('h', 'M' for minutes, 's'); anything else (colours, locales,
// conditions) is no token.
func elapsedToken(s string) byte {
	if s == "" {
		return 0
	}
	c := s[0] | 0x20
	if c != 'h' && c != 'm' && c != 's' {
		return 0
	}
	for i := 1; i < len(s); i++ {
		if s[i]|0x20 != c {
			return 0
		}
	}
	if c == 'm' {
		return 'M'
	}
	return c
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// IsPercentFormat reports whether a number format shows a percentage: the
// built-ins 9 (0%) and 10 (0.00%), or a code with % outside quoted text,
// escapes and [..] sections.
func IsPercentFormat(id int, code string) bool {
	if id == 9 || id == 10 {
		return true
	}
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '%':
			return true
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			i += j
		case '\\', '_', '*':
			i++
		}
	}
	return false
}

// Serial bounds in the 1900 system and the offset of the 1904 system.
const (
	maxSerial1900 = 2958465 // 9999-12-31
	offset1904    = 1462    // 1904-01-01 in the 1900 system
	msPerDay      = 86400000
)

// FromSerial converts an Excel serial date in the 1900 or 1904 date system.
// The fraction (the time of day) is dropped after rounding to the
// millisecond, as Excel does when it displays a value, so a formula result
// like 46112.99999999 is the next day rather than one millisecond before it.
//
// In the 1900 system serial 1 is 1900-01-01 and 61 is 1900-03-01. Serial 60
// is Excel's 1900-02-29, a day that never existed; it is rejected rather
// than moved to a neighbour, because a cell holding it is a typo far more
// often than a date. In the 1904 system serial 0 is 1904-01-01.
// ok is false for NaN, infinities and days outside 1900-01-01..9999-12-31.
func FromSerial(serial float64, date1904 bool) (date.Date, bool) {
	if math.IsNaN(serial) || math.IsInf(serial, 0) {
		return 0, false
	}
	n := math.Floor(serial + 0.5/msPerDay)
	if date1904 {
		n += offset1904
		if n < offset1904 || n > maxSerial1900 {
			return 0, false
		}
		return date.Date(n), true
	}
	switch {
	case n < 1 || n > maxSerial1900 || n == 60:
		return 0, false
	case n < 60:
		// date.Date counts real days, so before Excel's phantom leap day
		// it runs one ahead of Excel's serials.
		return date.Date(n + 1), true
	}
	return date.Date(n), true
}
