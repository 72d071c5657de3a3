package sheet

// texts shares the strings of inline-string cells (t="str" or
// "inlineStr", as streaming writers and many exports write every text):
// a column of one status, one assignee or one remark repeated on 50,000
// rows then holds one string instead of 50,000 copies. Only the first
// maxTexts distinct texts of up to maxTextLen bytes are shared, so the
// table itself stays small; the rest are decoded and stored each time.
type texts struct {
	g    *Grid
	m    map[string]uint32 // raw (escaped) cell text -> index in g.text
	last uint64            // index in g.text of the text get returned
	used bool              // get was called for the current cell
}

const (
	maxTexts   = 1 << 16
	maxTextLen = 1 << 10
)

// get returns unescape(raw), kept in g.text at t.last.
func (t *texts) get(raw []byte) string {
	t.used = true
	if i, ok := t.m[string(raw)]; ok { // no allocation for the lookup
		t.last = uint64(i)
		return t.g.text[i]
	}
	s := unescape(raw)
	t.last = uint64(len(t.g.text))
	t.g.text = append(t.g.text, s)
	if len(raw) <= maxTextLen && len(t.m) < maxTexts {
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
