package xlsx

import (
	"slices"

	"github.com/xuri/excelize/v2"
)

// Streamed sheets. A row table (the WBS, issues, findings …) is never
// held as excelize cells: its records are turned into XML one row at a
// time when the workbook's zip is written (zipout.go, sheetxml.go). The
// few other cells of such a sheet (title, header, a Gantt header, a heat
// map beside the table) are kept in a sheetBuf until then, because the
// rows are written whole and in order.
//
// Everything else about the sheet — its view, column widths and styles,
// conditional formats, validations, hyperlinks, the auto-filter, print
// setup, page breaks, drawings, sparklines and merges — is on the
// worksheet the File API edits, and excelize writes it; only its
// <sheetData>, empty to excelize, is replaced by the buffer's rows. Row
// heights go to both: the File API's place charts over the real rows, the
// buffer's are written.
//
// A new sheet of rows (actions, tests …) needs only b.table and b.finish:
// table registers the sheet as streamed, and its cells written with b.str,
// b.num, b.date, b.style, b.merge and b.rowHeight go to the buffer. Never
// b.f.SetCell… on such a sheet: its cells would be dropped.

// sheetBuf is what a streamed sheet holds until the zip is written.
type sheetBuf struct {
	cells   map[int]map[int]xcell // row -> column -> cell
	heights map[int]float64
	merges  [][2]string
	rec     *records
}

// records generates the record rows first..first+n-1 of a table.
type records struct {
	first, n int
	ncol     int // every record row has a cell in columns 1..ncol
	// row appends the cells of record i from column 1 to cells and gives
	// the row's options.
	row func(i int, cells []xcell) ([]xcell, rowOpts)
}

// buffer returns the sheet's buffer, or nil when it is written through the
// File API.
func (b *book) buffer(sheet string) *sheetBuf { return b.bufs[sheet] }

// streamed makes sheet a streamed sheet from now on. Call it before the
// sheet's first cell.
func (b *book) streamed(sheet string) *sheetBuf {
	if sb := b.bufs[sheet]; sb != nil {
		return sb
	}
	sb := &sheetBuf{cells: map[int]map[int]xcell{}, heights: b.heightsOf(sheet)}
	b.bufs[sheet] = sb
	return sb
}

// cell returns the buffered cell at c, r for update.
func (sb *sheetBuf) cell(c, r int) xcell {
	return sb.cells[r][c]
}

func (sb *sheetBuf) set(c, r int, cell xcell) {
	row := sb.cells[r]
	if row == nil {
		row = map[int]xcell{}
		sb.cells[r] = row
	}
	row[c] = cell
}

// flush gives a streamed sheet's merges to the File API, which writes them
// with the rest of the worksheet; its rows are written with the zip.
func (b *book) flush(sheet string) {
	sb := b.bufs[sheet]
	if sb == nil || b.err != nil {
		return
	}
	for _, m := range sb.merges {
		b.fail(b.f.MergeCell(sheet, m[0], m[1]))
	}
	sb.merges = nil
}

// lastRow is the sheet's last row with cells, a height or a record.
func (sb *sheetBuf) lastRow() int {
	last := 0
	for r := range sb.cells {
		last = max(last, r)
	}
	for r := range sb.heights {
		last = max(last, r)
	}
	if sb.rec != nil && sb.rec.n > 0 {
		last = max(last, sb.rec.first+sb.rec.n-1)
	}
	return last
}

// cellCount is about how many cells the sheet writes: its records'
// and its buffered cells.
func (sb *sheetBuf) cellCount() int {
	n := 0
	if sb.rec != nil {
		n = sb.rec.n * sb.rec.ncol
	}
	for _, row := range sb.cells {
		n += len(row)
	}
	return n
}

// dimension is the range the sheet's cells cover ("" for none).
func (sb *sheetBuf) dimension(b *book) string {
	c1, r1, c2, r2 := 0, 0, 0, 0
	add := func(c, r int) {
		if c1 == 0 || c < c1 {
			c1 = c
		}
		if r1 == 0 || r < r1 {
			r1 = r
		}
		c2, r2 = max(c2, c), max(r2, r)
	}
	for r, row := range sb.cells {
		for c, cell := range row {
			if cell.kind != cellGap {
				add(c, r)
			}
		}
	}
	if rc := sb.rec; rc != nil && rc.n > 0 && rc.ncol > 0 {
		add(1, rc.first)
		add(rc.ncol, rc.first+rc.n-1)
	}
	if c1 == 0 {
		return ""
	}
	if c1 == c2 && r1 == r2 {
		return b.ref(c1, r1)
	}
	return b.ref(c1, r1) + ":" + b.ref(c2, r2)
}

// rows calls write for each row of the sheet in order with its cells from
// column 1 (gaps where there are none) and options; rows with neither are
// skipped.
func (sb *sheetBuf) rows(write func(r int, cells []xcell, opts rowOpts)) {
	last := sb.lastRow()
	first, n := 0, 0
	if sb.rec != nil {
		first, n = sb.rec.first, sb.rec.n
	}
	var vals []xcell
	var order []int
	for r := 1; r <= last; r++ {
		vals = vals[:0]
		var opts rowOpts
		if i := r - first; sb.rec != nil && i >= 0 && i < n {
			vals, opts = sb.rec.row(i, vals)
		}
		if h, ok := sb.heights[r]; ok {
			opts.height = h
		}
		if row := sb.cells[r]; len(row) > 0 {
			order = order[:0]
			for c := range row {
				order = append(order, c)
			}
			slices.Sort(order)
			for _, c := range order {
				for len(vals) < c {
					vals = append(vals, xcell{})
				}
				vals[c-1] = row[c]
			}
		}
		if len(vals) == 0 && opts == (rowOpts{}) {
			continue
		}
		write(r, vals, opts)
	}
}

// addSparkline adds sparklines to a sheet.
func (b *book) addSparkline(sheet string, opts *excelize.SparklineOptions) {
	if b.err != nil {
		return
	}
	b.fail(b.f.AddSparkline(sheet, opts))
}
