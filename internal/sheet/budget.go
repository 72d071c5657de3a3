package sheet

import (
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
)

// budget counts what one book has cost so far against the limits in
// package limits, so a hostile file is refused before it is held.
type budget struct {
	cells int64 // cells and stored rows
	rows  int64 // stored rows (.xlsx)
	// reserved counts the rows the .xlsx reader made room for ahead of
	// reading them (sheetReader.sizeRows), which it never lets pass
	// limits.BookRows: a dimension is the file's word, not rows read.
	reserved int64
	text     int64    // bytes of cell and shared-string text, one more per string
	seen     []uint64 // shared strings referenced so far, a bit each (refs.go)
}

// Phrases naming what went over a limit, in both languages.
var (
	overCells         = diag.Phrase{EN: "the number of cells", JA: "セルの数"}
	overRows          = diag.Phrase{EN: "the number of rows", JA: "行の数"}
	overText          = diag.Phrase{EN: "the text of all cells", JA: "セルの文字列の合計"}
	overCellText      = diag.Phrase{EN: "the text of one cell", JA: "1 つのセルの文字列"}
	overSharedStrings = diag.Phrase{EN: "the number of shared strings", JA: "共有文字列の数"}
	overStyles        = diag.Phrase{EN: "the number of cell formats", JA: "セルの書式の数"}
	overMerges        = diag.Phrase{EN: "the number of merged ranges", JA: "結合範囲の数"}
	overMergedCells   = diag.Phrase{EN: "the cells covered by merges", JA: "結合されたセルの数"}
	overXMLToken      = diag.Phrase{EN: "one XML tag or text", JA: "1 つの XML タグまたはテキスト"}
	overXMLDepth      = diag.Phrase{EN: "the nesting of XML elements", JA: "XML 要素の入れ子の深さ"}
	overCSVRecord     = diag.Phrase{EN: "one CSV record", JA: "CSV の 1 レコード"}
	overCSVFields     = diag.Phrase{EN: "the fields of one CSV record", JA: "CSV の 1 レコードの項目数"}
)

// cell charges one cell (or stored row).
func (b *budget) cell(pos diag.Pos) error {
	b.cells++
	if b.cells > limits.Cells {
		return limits.Over(pos, overCells, limits.Cells, false)
	}
	return nil
}

// gridCell is cell for the .xlsx reader, which keeps cells encoded.
func (b *budget) gridCell(pos diag.Pos) error {
	b.cells++
	if b.cells > limits.GridCells {
		return limits.Over(pos, overCells, limits.GridCells, false)
	}
	return nil
}

// row charges one row kept by the .xlsx reader.
func (b *budget) row(pos diag.Pos) error {
	b.rows++
	if b.rows > limits.BookRows {
		return limits.Over(pos, overRows, limits.BookRows, false)
	}
	return nil
}

// addText charges one string of n bytes.
func (b *budget) addText(pos diag.Pos, n int) error {
	if n > limits.CellTextBytes {
		return limits.Over(pos, overCellText, limits.CellTextBytes, true)
	}
	b.text += int64(n) + 1
	if b.text > limits.TextBytes {
		return limits.Over(pos, overText, limits.TextBytes, true)
	}
	return nil
}

// area is the number of cells of r, without overflow for any Range the
// readers make (rows and columns are within Excel's grid).
func (r Range) area() int64 {
	return (int64(r.Row2) - int64(r.Row1) + 1) * (int64(r.Col2) - int64(r.Col1) + 1)
}
