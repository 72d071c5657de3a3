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

// textCol counts a column's looked-up texts and how many were repeats,
// and keeps the entry of m it last used: a column of one status or team
// repeats the text of the row above more often than not, which a compare
// finds without hashing.
type textCol struct {
	seen, hits uint16
	hasLast    bool
	lastIdx    uint32
	lastKey    string // m's key for lastIdx
}

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
	return share(t, raw, col, unescape)
}

// plain is get for text that needs no unescaping (a CSV field).
func (t *texts) plain(s string, col int) string {
	return share(t, s, col, func(s string) string { return s })
}

// share returns decode(raw), kept in g.text at t.last: the text stored
// before when raw repeats in a column that shares, else a new entry.
func share[T []byte | string](t *texts, raw T, col int, decode func(T) string) string {
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
		// m never changes an entry once made, so the column's last one
		// still says what m would.
		i, ok := tc.lastIdx, tc.hasLast && string(raw) == tc.lastKey
		if !ok {
			i, ok = t.m[string(raw)] // no allocation for the lookup
		}
		if ok {
			if tc.hits < tryTexts {
				tc.hits++
			}
			t.last = uint64(i)
			text := t.g.text.at(uint64(i))
			if text == string(raw) { // the key itself, without a copy
				tc.hasLast, tc.lastIdx, tc.lastKey = true, i, text
			}
			return text
		}
	}
	s := decode(raw)
	t.last = t.g.text.add(s)
	if share && len(raw) <= maxTextLen && len(t.m) < maxTexts {
		if t.m == nil {
			t.m = map[string]uint32{}
		}
		key := s // most texts have nothing to unescape: one copy serves both
		if s != string(raw) {
			key = string(raw)
		}
		t.m[key] = uint32(t.last)
		tc.hasLast, tc.lastIdx, tc.lastKey = true, uint32(t.last), key
	}
	return s
}

// textStore is a grid's list of cell texts, in blocks of a fixed size: a
// sheet of millions of text cells grows it without copying the list
// again and again (a slice doubling leaves its old copies for the
// collector, which at 3 M cells added some 100 MB to the peak).
type textStore struct{ blocks [][]string }

const textBlock = 1 << 12

// add appends s and returns its index.
func (t *textStore) add(s string) uint64 {
	n := len(t.blocks)
	if n == 0 || len(t.blocks[n-1]) == textBlock {
		t.blocks = append(t.blocks, make([]string, 0, textBlock))
		n++
	}
	t.blocks[n-1] = append(t.blocks[n-1], s)
	return uint64((n-1)*textBlock + len(t.blocks[n-1]) - 1)
}

// at returns the text at index i.
func (t *textStore) at(i uint64) string { return t.blocks[i/textBlock][i%textBlock] }

// len returns how many texts t holds.
func (t *textStore) len() int {
	if len(t.blocks) == 0 {
		return 0
	}
	return (len(t.blocks)-1)*textBlock + len(t.blocks[len(t.blocks)-1])
}
