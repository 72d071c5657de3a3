package sheet

import "strings"

// Day-first dates. Japanese sheets write 4/1 for April 1st, and so does
// the reader by default; sheets made with European habits write 1/4 and
// 15/4〜20/4. One cell cannot tell 1/4 apart, but a column can: when some
// cell of a date column has a first number above 12 (15/4) and no cell has
// a second number above 12 (4/15), the column is day-first and every
// slash date in it is read so — 1/4 too. When the column says nothing
// either way, month-first stays. Dots (15.4.2026) are day-first already
// and year-first dates (2026/4/15) are not touched.

// slashPairs calls fn with the first two numbers of each slash date in s
// that does not start with a year: "15/4〜20/4" gives (15, 4) and (20, 4),
// "1/4/2026" gives (1, 4), "2026/4/15" nothing. i is the offset of the
// first number, j the end of the second.
func slashPairs(s string, fn func(a, b, i, j int)) {
	for k := 0; k < len(s); k++ {
		if !isDigitByte(s[k]) || k > 0 && (isDigitByte(s[k-1]) || s[k-1] == '/') {
			continue
		}
		i, a, n := k, 0, 0
		for k < len(s) && isDigitByte(s[k]) {
			a, n, k = a*10+int(s[k]-'0'), n+1, k+1
		}
		if n > 2 || k+1 >= len(s) || s[k] != '/' || !isDigitByte(s[k+1]) {
			continue
		}
		k++
		b, m := 0, 0
		for k < len(s) && isDigitByte(s[k]) {
			b, m, k = b*10+int(s[k]-'0'), m+1, k+1
		}
		if m <= 2 {
			fn(a, b, i, k)
		}
		k--
	}
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// swapDayMonth rewrites each day-first slash date of s month-first, so
// that the ordinary date reader reads it: "15/4〜20/4" → "4/15〜4/20",
// "01/04/2026" → "04/01/2026".
func swapDayMonth(s string) string {
	var b strings.Builder
	last := 0
	slashPairs(s, func(_, _, i, j int) {
		slash := strings.IndexByte(s[i:j], '/') + i
		b.WriteString(s[last:i])
		b.WriteString(s[slash+1 : j])
		b.WriteByte('/')
		b.WriteString(s[i:slash])
		last = j
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// dateText returns the text of a date cell as the date reader should
// read it: day and month swapped in a day-first column.
func (rr *rowReader) dateText(p parsed) string {
	if rr.dayFirst != nil && rr.dayFirst[int(p.col)] {
		return swapDayMonth(p.text)
	}
	return p.text
}
