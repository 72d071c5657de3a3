package sheet

// texts shares the strings of inline-string cells (t="str" or
// "inlineStr", as streaming writers and many exports write every text):
// a column of one status, one assignee or one remark repeated on 50,000
// rows then holds one string instead of 50,000 copies. Only the first
// maxTexts distinct texts of up to maxTextLen bytes are shared, so the
// table itself stays small; the rest are decoded and stored each time.
// A column whose texts rarely repeat (names, IDs) stops being looked up
// once its first texts show it: there the lookup would only cost time.
type texts struct {
	g    *Grid
	m    map[string]uint32 // raw (escaped) cell text -> index in g.text
	cols []textCol         // by column, how its texts have repeated
	last uint64            // index in g.text of the text get returned
	used bool              // get was called for the current cell
}

// textCol counts a column's looked-up texts and how many were repeats.
type textCol struct{ seen, hits uint16 }

const (
	maxTexts   = 1 << 16
	maxTextLen = 1 << 10
	// After tryTexts texts of a column, it is shared only when at least
	// one in four was a repeat.
	tryTexts = 64
)

// get returns unescape(raw) for a cell of column col, kept in g.text at
// t.last.
func (t *texts) get(raw []byte, col int) string {
	t.used = true
	if col >= len(t.cols) {
		t.cols = append(t.cols, make([]textCol, col+1-len(t.cols))...)
	}
	tc := &t.cols[col]
	share := tc.seen < tryTexts || tc.hits >= tryTexts/4
	if share {
		if tc.seen < tryTexts {
			tc.seen++
		}
		if i, ok := t.m[string(raw)]; ok { // no allocation for the lookup
			if tc.hits < tryTexts {
				tc.hits++
			}
			t.last = uint64(i)
			return t.g.text[i]
		}
	}
	s := unescape(raw)
	t.last = uint64(len(t.g.text))
	t.g.text = append(t.g.text, s)
	if share && len(raw) <= maxTextLen && len(t.m) < maxTexts {
		if t.m == nil {
			t.m = map[string]uint32{}
		}
		key := s // most texts have nothing to unescape: one copy serves both
		if s != string(raw) {
			key = string(raw)
		}
		t.m[key] = uint32(t.last)
	}
	return s
}
