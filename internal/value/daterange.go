package value

import "strings"

// rangeSeps separate the two ends of a date range typed in one cell:
// 4/1〜4/10, 4/1～4/10, 2026/4/1 - 2026/4/10, 4/1から4/10, Apr 1 to Apr 10.
// A bare hyphen is tried last, and only where both sides are dates, so an
// ISO date (2026-04-01) is never split.
var rangeSeps = []string{"〜", "～", "~", "―", "–", "—", "→", "から", " to ", " - ", "-"}

// ParseDateRange reads a period typed in one cell, such as 4/1〜4/10 or
// 2026/4/1 - 2026/4/10. Each end is read by ParseDate; ends without a
// year keep Month and Day for the caller to give a year. ok is false
// unless both ends are dates (not placeholders).
func ParseDateRange(s string) (from, to DateText, ok bool) {
	if len(s) > 80 || !hasDigit(s) {
		return DateText{}, DateText{}, false
	}
	s = trim(nfkc(s))
	for _, sep := range rangeSeps {
		for off := 0; ; {
			i := strings.Index(s[off:], sep)
			if i < 0 {
				break
			}
			i += off
			a, okA := ParseDate(s[:i])
			b, okB := ParseDate(s[i+len(sep):])
			if okA && okB && !a.Placeholder && !b.Placeholder {
				return a, b, true
			}
			off = i + len(sep)
		}
	}
	return DateText{}, DateText{}, false
}
