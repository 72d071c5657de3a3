package xlsxcheck

import (
	"strconv"
	"strings"
)

// Excel's grid: the last column is XFD, the last row 1,048,576.
const (
	maxCol = 16384
	maxRow = 1048576
)

// area is a rectangle of cells, 1-based and inclusive. A whole column
// has rows 1..maxRow, a whole row columns 1..maxCol.
type area struct{ c1, r1, c2, r2 int }

func (a area) overlaps(b area) bool {
	return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2
}

func (a area) contains(b area) bool {
	return a.c1 <= b.c1 && b.c2 <= a.c2 && a.r1 <= b.r1 && b.r2 <= a.r2
}

// parseCell reads "A1" or "$A$1" (col, row both set), "A" / "$A" (a
// column: row 0) or "1" / "$1" (a row: col 0). ok is false for anything
// else or for a cell beyond the grid.
func parseCell(s string) (col, row int, ok bool) {
	s = strings.TrimPrefix(s, "$")
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' || i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	if i > 3 {
		return 0, 0, false
	}
	for _, b := range []byte(strings.ToUpper(s[:i])) {
		col = col*26 + int(b-'A'+1)
	}
	rest := s[i:]
	if i > 0 {
		rest = strings.TrimPrefix(rest, "$")
	}
	if rest != "" {
		if rest[0] < '1' || rest[0] > '9' || len(rest) > 7 {
			return 0, 0, false
		}
		n, err := strconv.Atoi(rest)
		if err != nil {
			return 0, 0, false
		}
		row = n
	}
	if col == 0 && row == 0 || col > maxCol || row > maxRow {
		return 0, 0, false
	}
	return col, row, true
}

// parseArea reads "A1", "A1:B2", "A:C" or "1:3" (with or without $).
func parseArea(s string) (area, bool) {
	from, to, isRange := strings.Cut(s, ":")
	c1, r1, ok := parseCell(from)
	if !ok {
		return area{}, false
	}
	if !isRange {
		if c1 == 0 || r1 == 0 {
			return area{}, false // a lone column or row is not a reference
		}
		return area{c1, r1, c1, r1}, true
	}
	c2, r2, ok := parseCell(to)
	if !ok || (c1 == 0) != (c2 == 0) || (r1 == 0) != (r2 == 0) {
		return area{}, false
	}
	if c1 == 0 {
		c1, c2 = 1, maxCol
	}
	if r1 == 0 {
		r1, r2 = 1, maxRow
	}
	if c1 > c2 || r1 > r2 {
		return area{}, false // Excel writes ranges top-left first
	}
	return area{c1, r1, c2, r2}, true
}

// parseSqref reads a space-separated list of areas.
func parseSqref(s string) ([]area, bool) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return nil, false
	}
	var out []area
	for _, f := range fields {
		a, ok := parseArea(f)
		if !ok {
			return nil, false
		}
		out = append(out, a)
	}
	return out, true
}

// sheetRef is one reference of a formula: the sheet it names ("" when
// none) and the area text after the "!".
type sheetRef struct {
	sheet, ref string
	quoted     bool
}

// splitRefs reads a reference list as defined names and chart series
// use it: 'Sheet 1'!$A$1:$B$2,Sheet2!$1:$2, optionally in parentheses.
// ok is false when the text is not such a list (a formula, a constant),
// which the caller leaves alone.
func splitRefs(s string) (refs []sheetRef, ok bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	for s != "" {
		var r sheetRef
		if s[0] == '\'' {
			// A quoted name: '' stands for one apostrophe.
			i := 1
			var b strings.Builder
			for {
				if i >= len(s) {
					return nil, false
				}
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						b.WriteByte('\'')
						i += 2
						continue
					}
					break
				}
				b.WriteByte(s[i])
				i++
			}
			if i+1 >= len(s) || s[i+1] != '!' {
				return nil, false
			}
			r.sheet, r.quoted = b.String(), true
			s = s[i+2:]
		} else if j := strings.IndexAny(s, "!,"); j >= 0 && s[j] == '!' {
			r.sheet = s[:j]
			s = s[j+1:]
		}
		end := strings.IndexByte(s, ',')
		if end < 0 {
			end = len(s)
		}
		r.ref = s[:end]
		if _, ok := parseArea(r.ref); !ok {
			return nil, false
		}
		refs = append(refs, r)
		if end == len(s) {
			break
		}
		s = s[end+1:]
	}
	return refs, len(refs) > 0
}

// looksLikeRef tells a formula that means to be a reference list (it has
// a "!" outside quotes and no function call) from one that computes.
func looksLikeRef(s string) bool {
	return strings.Contains(s, "!") && !strings.Contains(s, "(") || strings.HasPrefix(strings.TrimSpace(s), "(") && !strings.ContainsAny(strings.TrimSpace(s)[1:], "(")
}

// colName is the letters of column c (1-based).
func colName(c int) string {
	var b []byte
	for c > 0 {
		c--
		b = append([]byte{byte('A' + c%26)}, b...)
		c /= 26
	}
	return string(b)
}

func (a area) String() string {
	s := colName(a.c1) + strconv.Itoa(a.r1)
	if a.c1 != a.c2 || a.r1 != a.r2 {
		s += ":" + colName(a.c2) + strconv.Itoa(a.r2)
	}
	return s
}
