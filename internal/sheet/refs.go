package sheet

import (
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// Text is charged to limits.TextBytes as the cells read it, not as the
// file stores it: a shared string is stored once but every cell that
// refers to it is typed, scanned for a header and normalised again. A
// 2 KB workbook of one 200 KB shared string in 6,000 cells took pmo 40 s
// of CPU that no limit bounded (16,384 columns would have taken hours),
// and an .ods row of 3 KB cells repeated 1,000 times 27 s. The table load
// pays for a string's first reference; each further one is charged here.

// sharedRef charges the i-th shared string, of n bytes, for one more cell
// that refers to it; false when that takes the book over TextBytes (the
// caller says where: this runs for every such cell).
func (b *budget) sharedRef(i, n int) bool {
	if w := i >> 6; w < len(b.seen) && b.seen[w]&(1<<(i&63)) == 0 {
		b.seen[w] |= 1 << (i & 63) // the first reference: paid with the table
		return true
	}
	b.text += int64(n) + 1
	return b.text <= limits.TextBytes
}

// tableLoaded makes room to mark which of n shared strings were referenced.
func (b *budget) tableLoaded(n int) { b.seen = make([]uint64, (n+63)>>6) }

// repeatedText charges text n bytes long for rows more copies of it
// (a repeated .ods row), without overflow.
func (b *budget) repeatedText(pos diag.Pos, n, rows int) error {
	if int64(rows) > limits.TextBytes/(int64(n)+1) {
		return limits.Over(pos, overText, limits.TextBytes, true)
	}
	b.text += (int64(n) + 1) * int64(rows)
	if b.text > limits.TextBytes {
		return limits.Over(pos, overText, limits.TextBytes, true)
	}
	return nil
}
