package sheet_test

import (
	"archive/zip"
	"io"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/sheet"
)

// A sheet's <dimension> sizes its rows in advance, as far as its part
// can hold rows. A book of many such sheets padded to that size (white
// space compresses a thousandfold: 95 sheets of 21 MB are a 2 MB file)
// must not reserve rows past what a book may keep, limits.BookRows: each
// sheet believed in full held 42 MB of rows it never read, 4 GB of heap
// for the 95 — the garbage collector then took half the CPU and the run
// came within a few percent of the hard memory limit.
func TestDimensionReservesWithinBookRows(t *testing.T) {
	t.Parallel()
	const padTo = 21 << 20 // a part that can hold Excel's 1,048,576 rows
	pad := strings.Repeat(" ", 64<<10)
	sh := func(name string) rawSheet {
		return rawSheet{name: name, write: func(zw *zip.Writer, part string) {
			w, err := zw.Create(part)
			if err != nil {
				t.Fatal(err)
			}
			head := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
				`<dimension ref="A1:B1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`
			io.WriteString(w, head)
			for n := len(head); n < padTo; n += len(pad) + 4 {
				io.WriteString(w, "<x/>"+pad)
			}
			io.WriteString(w, "</worksheet>")
		}}
	}
	data := rawXLSX(t, nil, "", sh("A"), sh("B"), sh("C"))
	b, err := sheet.Parse("dim.xlsx", data, sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reserved := 0
	for _, g := range b.Sheets {
		if len(g.Rows) != 1 {
			t.Errorf("sheet %s: %d rows, want 1", g.Name, len(g.Rows))
		}
		reserved += cap(g.Rows) - len(g.Rows)
	}
	if reserved > limits.BookRows {
		t.Errorf("the sheets reserve room for %d rows they do not hold, over limits.BookRows (%d)", reserved, limits.BookRows)
	}
}
