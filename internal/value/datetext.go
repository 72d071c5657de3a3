package value

import (
	"strings"

	"github.com/pmokit/pmo/internal/date"
)

// DateText is the result of reading a date typed as text.
type DateText struct {
	Date       date.Date // set when the text named a full date
	Month, Day int       // set (with Date zero) when the year was missing: "4/1", "4月1日"
	// Placeholder marks a deliberate non-date such as "-", "未定" or "TBD".
	Placeholder bool
}

// ParseDate reads a date typed as text. ok is false when the text is not a
// date at all, such as an ordinary word, a WBS code ("1.2.3", "1-1") or a
// plain number ("1.1", "2026").
//
// The text is read after NFKC, so full-width digits and slashes work. Forms:
//
//   - year first: 2026/4/1, 2026-04-01, 2026.04.01, 2026年4月1日, 20260401,
//     2026-04-01T09:00:00, 2026-Apr-01
//   - Japanese eras: R8.4.1, R8/4/1, H31.4.30, S64.1.7 (M/T/S/H/R),
//     令和8年4月1日, 令和元年5月1日, 平成, 昭和, 大正, 明治
//   - year last: M/D/YYYY when the first number is 12 or less (12/31/2026),
//     else D/M/YYYY; D.M.YYYY with dots
//   - two-digit years, always 20YY: M/D/YY (3/2/26, as MS Project and Jira
//     export), falling back to YY/MM/DD (26/03/02) when that is no date and
//     all parts have two digits; YY-MM-DD only after an English weekday
//     (MS Project's "Mon 26-03-02")
//   - month names: Apr 1, 2026; 1-Apr-2026; 1 April 2026; 02/Mar/26
//   - no year (Month and Day set): 4/1, 4月1日, 1-Apr, Apr 1
//
// A time of day (10:30, 10:30:00, 10時30分, T09:00:00Z) and a weekday
// ("(水)", "（水曜日）", " 水", "Mon ") may follow or, for English weekdays,
// precede the date; they are dropped. When the weekday fits another reading
// of an ambiguous two-digit date better, that reading wins.
//
// "-", "未定", "TBD", "→", "―", "ー", "N/A", "なし" and similar words are
// placeholders: ok is true with Placeholder set. Impossible dates
// (2026/2/30) and dates outside 1900-9999 give ok false.
func ParseDate(s string) (DateText, bool) {
	s = trim(s)
	if s == "" {
		return DateText{}, false
	}
	if !hasDigit(s) {
		// Every date has a digit, so ordinary words end here without
		// allocating; only short words ("ＴＢＤ" and "未確定" are the
		// longest, at 9 bytes) and runs of dashes can be placeholders.
		if (len(s) <= 9 || isDashes(s)) && isPlaceholder(trim(nfkc(s))) {
			return DateText{Placeholder: true}, true
		}
		return DateText{}, false
	}
	s = nfkc(s)
	var lx lexer
	if !lx.run(s) {
		return DateText{}, false
	}
	p := parser{t: lx.toks[:lx.n]}
	wd := p.leadingWeekday()
	c, ok := p.core(wd >= 0)
	if !ok {
		return DateText{}, false
	}
	if w := p.suffixes(); wd < 0 {
		wd = w
	}
	if p.i != len(p.t) {
		return DateText{}, false
	}
	return c.resolve(wd)
}

// hasDigit reports whether s holds an ASCII or a full-width digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			return true
		}
		// Full-width digits are U+FF10..U+FF19: EF BC 90..99.
		if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && 0x90 <= s[i+2] && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// isPlaceholder reports whether s (after NFKC) is a word people put in a date
// cell on purpose to say there is no date yet.
func isPlaceholder(s string) bool {
	switch s {
	case "未定", "なし", "無し", "未確定", "調整中", "→", "⇒", "?":
		return true
	}
	for _, w := range [...]string{"tbd", "tba", "n/a"} {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return isDashes(s)
}

// isDashes reports whether s is made of dashes only ("-", "―", "--").
func isDashes(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isDash(r) {
			return false
		}
	}
	return true
}

// isDash reports whether r is one of the many dashes and bars typed as "-".
func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−', 'ー', '─', '━':
		return true
	}
	return false
}

// ymd is one reading of the text. A weak reading is taken only when the
// weekday written next to it confirms it.
type ymd struct {
	y, m, d int
	weak    bool
}

// reading is what the date part of the text can mean.
type reading struct {
	cands    [3]ymd
	n        int
	monthDay bool // cands[0] holds a month and day without a year
}

func (r *reading) add(y, m, d int, weak bool) {
	if r.n < len(r.cands) {
		r.cands[r.n] = ymd{y, m, d, weak}
		r.n++
	}
}

func (r *reading) resolve(wd int) (DateText, bool) {
	if r.monthDay {
		c := r.cands[0]
		if c.m < 1 || c.m > 12 || c.d < 1 || c.d > daysIn(2000, c.m) {
			return DateText{}, false
		}
		return DateText{Month: c.m, Day: c.d}, true
	}
	if wd >= 0 {
		for _, c := range r.cands[:r.n] {
			if valid(c.y, c.m, c.d) {
				if d := dateOf(c.y, c.m, c.d); int(d.Weekday()) == wd {
					return DateText{Date: d}, true
				}
			}
		}
	}
	for _, c := range r.cands[:r.n] {
		if !c.weak && valid(c.y, c.m, c.d) {
			return DateText{Date: dateOf(c.y, c.m, c.d)}, true
		}
	}
	return DateText{}, false
}

// valid reports whether y-m-d is a real day in 1900..9999, the range of
// date.Valid.
func valid(y, m, d int) bool {
	return 1900 <= y && y <= 9999 && 1 <= m && m <= 12 && 1 <= d && d <= daysIn(y, m)
}

// dateOf returns the Date of a valid y-m-d. It counts days directly
// (H. Hinnant's days_from_civil) instead of calling date.Of, which goes
// through time.Duration and overflows after the year 2191, and is cheap
// enough for the reader's hot path.
func dateOf(y, m, d int) date.Date {
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 1899, so no negative rounding
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	const unixToSerial = 25569 // days from 1899-12-30 to 1970-01-01
	return date.Date(era*146097 + doe - 719468 + unixToSerial)
}

// daysIn returns the length of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// InferYear picks the year for a month and day written without one. It
// returns the date within [from, to] (a project's window) when exactly one
// year puts it there; when several do, or none, it returns the candidate
// closest to near (a neighbouring date, or the window's start when near is
// zero). It returns the zero Date when the month and day are impossible (2/30)
// or when from, to and near are all zero, since there is nothing to go by.
func InferYear(month, day int, from, to, near date.Date) date.Date {
	if month < 1 || month > 12 || day < 1 || day > daysIn(2000, month) {
		return 0
	}
	if near == 0 {
		near = from
	}
	if near == 0 {
		near = to
	}
	if near == 0 {
		return 0
	}
	best, bestDist := date.Date(0), 0
	consider := func(y int) {
		if !valid(y, month, day) {
			return
		}
		d := dateOf(y, month, day)
		dist := int(d - near)
		if dist < 0 {
			dist = -dist
		}
		if best == 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	if from != 0 && to != 0 && from <= to {
		lo, hi := from.Year(), to.Year()
		if ny := near.Year(); hi-lo > 20 {
			// A window of decades is a typo; the years next to near are
			// the only sensible candidates in it.
			lo, hi = max(lo, ny-10), min(hi, ny+10)
		}
		for y := lo; y <= hi; y++ {
			if d := dateOf(y, month, day); valid(y, month, day) && from <= d && d <= to {
				consider(y)
			}
		}
		if best != 0 {
			return best
		}
	}
	// Four years either side reaches a leap year for 2/29.
	for y := near.Year() - 4; y <= near.Year()+4; y++ {
		consider(y)
	}
	return best
}
