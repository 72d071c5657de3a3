package sheet_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/hostile"
	"github.com/pmokit/pmo/internal/sheet"
)

// FuzzParseXLSX feeds whole files to the workbook reader, seeded with a
// real workbook and the hostile corpus's workbooks (zip bombs, lying
// sizes, overflowing merges and columns, limits): whatever the bytes, a
// one-line error naming the file or tables that make sense.
func FuzzParseXLSX(f *testing.F) {
	b := newBook(f, "WBS")
	b.rows("WBS", "A1", []any{"タスク名", "開始日", "終了日"}, []any{"設計", apr(1), apr(3)})
	f.Add(b.bytes())
	for _, s := range hostile.Seeds(hostile.KindXLSX) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "fz.xlsx", data, sheet.Options{})
	})
}
