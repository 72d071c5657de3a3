package sheet

import (
	"bytes"
	"strings"
)

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
	m    map[string]uint64 // raw (escaped) cell text -> its place in g.text
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
	lastIdx    uint64
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
	return share(t, raw, col, addXML)
}

// addXML keeps unescape(raw) in t.
func addXML(t *textStore, raw []byte) (uint64, string) {
	if bytes.IndexByte(raw, '&') < 0 && !bytes.Contains(raw, []byte("_x")) {
		return add(t, raw) // what unescape would give: no copy in between
	}
	return add(t, unescape(raw))
}

// plain is get for text that needs no unescaping (a CSV field).
func (t *texts) plain(s string, col int) string {
	return share(t, s, col, add[string])
}

// share returns the text of raw (as store keeps it, decoded), kept in
// g.text at t.last: the text stored before when raw repeats in a column
// that shares, else a new entry.
func share[T []byte | string](t *texts, raw T, col int, store func(*textStore, T) (uint64, string)) string {
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
			t.last = i
			text := t.g.text.at(i)
			if text == string(raw) { // the key itself, without a copy
				tc.hasLast, tc.lastIdx, tc.lastKey = true, i, text
			}
			return text
		}
	}
	var s string
	t.last, s = store(&t.g.text, raw)
	if share && len(raw) <= maxTextLen && len(t.m) < maxTexts {
		if t.m == nil {
			t.m = map[string]uint64{}
		}
		key := s // most texts have nothing to unescape: one copy serves both
		if s != string(raw) {
			key = string(raw)
		}
		t.m[key] = t.last
		tc.hasLast, tc.lastIdx, tc.lastKey = true, t.last, key
	}
	return s
}

// textStore keeps a grid's cell texts (inline strings, CSV fields, error
// texts) in blocks of textBlock bytes, each text its length (a uvarint)
// and then its bytes, named by its place: block<<textShift | offset. A
// text held as a string of its own costs an allocation rounded up to
// its size class and a 16-byte header in a list of them, 112 bytes a
// row of the full-height WBS; in a block it costs its bytes and one.
//
// A block is filled in a strings.Builder grown to its size once, so it
// is never moved: the texts handed out are substrings of it, valid for
// good, which the records keep. A block holds some 500 texts of a WBS
// row's size, so the records kept of a sheet hold little of it beyond
// their own text once the book is dropped. A
// text longer than longText is a string of its own in long, named
// longText | its index there.
type textStore struct {
	blocks []string // the texts, block by block; the last one is cur's
	cur    strings.Builder
	long   []string // texts longer than longText
	n      int      // texts held
}

const (
	textShift = 14
	textBlock = 1 << textShift
	longText  = textBlock / 8
	longFlag  = 1 << 62
)

// add keeps s and returns where, and the text as kept.
func add[T []byte | string](t *textStore, s T) (uint64, string) {
	t.n++
	n := len(s)
	if n > longText {
		t.long = append(t.long, string(s))
		return longFlag | uint64(len(t.long)-1), t.long[len(t.long)-1]
	}
	if len(t.blocks) == 0 || t.cur.Len()+n+2 > textBlock {
		t.cur = strings.Builder{}
		t.cur.Grow(textBlock)
		t.blocks = append(t.blocks, "")
	}
	off := t.cur.Len()
	if n < 0x80 {
		t.cur.WriteByte(byte(n))
	} else {
		t.cur.WriteByte(byte(n) | 0x80)
		t.cur.WriteByte(byte(n >> 7))
	}
	switch s := any(s).(type) {
	case []byte:
		t.cur.Write(s)
	case string:
		t.cur.WriteString(s)
	}
	k := len(t.blocks) - 1
	t.blocks[k] = t.cur.String()
	at := t.cur.Len() - n
	return uint64(k)<<textShift | uint64(off), t.blocks[k][at : at+n]
}

// add is add for a Cell's text.
func (t *textStore) add(s string) uint64 {
	i, _ := add(t, s)
	return i
}

// at returns the text at i.
func (t *textStore) at(i uint64) string {
	if i&longFlag != 0 {
		return t.long[i&^longFlag]
	}
	b := t.blocks[i>>textShift]
	off := int(i & (textBlock - 1))
	n := int(b[off])
	if n < 0x80 {
		return b[off+1 : off+1+n]
	}
	n = n&0x7f | int(b[off+1])<<7
	return b[off+2 : off+2+n]
}

// len returns how many texts t holds.
func (t *textStore) len() int { return t.n }

// sharedStrings is a workbook's shared-string table, kept as the cells'
// own texts are (textStore): an entry costs its bytes, one or two more
// and 4 bytes of index, rather than a string of its own and its 16-byte
// header. The index fits 32 bits: the table's text is within
// limits.TextBytes (128 MB), so its places stay under 2^28; a long text
// is 1<<31 | its index in the store's long list.
type sharedStrings struct {
	store textStore
	at    []uint32
}

// add appends unescape(raw) to the table and returns it.
func (s *sharedStrings) add(raw []byte) string {
	p, text := addXML(&s.store, raw)
	if p&longFlag != 0 {
		p = 1<<31 | p&^longFlag
	}
	s.at = append(s.at, uint32(p))
	return text
}

// len returns the number of entries; a workbook without the table
// (none read yet, or an .ods) has none.
func (s *sharedStrings) len() int {
	if s == nil {
		return 0
	}
	return len(s.at)
}

// get returns entry i (0 <= i < len).
func (s *sharedStrings) get(i int) string {
	p := uint64(s.at[i])
	if p&(1<<31) != 0 {
		p = longFlag | p&^(1<<31)
	}
	return s.store.at(p)
}
