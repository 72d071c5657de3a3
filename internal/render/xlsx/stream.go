package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Streamed sheets. A row table (the WBS, issues, findings …) is written
// through excelize's StreamWriter: the records are turned into XML one row
// at a time when the sheet is finished, never held as excelize cells. The
// few other cells of such a sheet (title, header, a Gantt header, a heat
// map beside the table) are kept in a sheetBuf until then, because a
// stream must receive each row whole and in order.
//
// What the StreamWriter writes from the worksheet and when, in excelize
// v2.11.0: the sheet properties when the stream opens; the sheet view,
// column widths and styles at the first row; conditional formats, data
// validations, hyperlinks, the auto-filter, print setup, page breaks and
// drawings at Flush — all from the same worksheet the File API edits. So
// the sheets are flushed last, when the workbook is written (book.bytes),
// after every chart, rule and print setting is on the worksheet; cells,
// row heights and merges go through the buffer (the File API's would be
// lost). Nothing may touch a sheet after its flush: excelize would re-read
// the streamed XML and drop the change on save.
//
// A new sheet of rows (actions, tests …) needs only b.table and b.finish:
// table registers the sheet as streamed, and its cells written with b.str,
// b.num, b.date, b.style, b.merge and b.rowHeight go to the buffer. Never
// b.f.SetCell… or b.f.SetRowHeight on such a sheet: the stream would not
// see them.

// sheetBuf is what a streamed sheet holds until finish writes it.
type sheetBuf struct {
	cells   map[int]map[int]excelize.Cell // row -> column -> cell
	heights map[int]float64
	merges  [][2]string
	rec     *records
	fileAPI bool // written through the File API at finish (flushFile)
}

// records generates the record rows first..first+n-1 of a table.
type records struct {
	first, n int
	// row appends the cells of record i from column 1 (nil for a gap;
	// excelize.Cell or *excelize.Cell, valid until the next call) and gives
	// the row's options.
	row func(i int, cells []any) ([]any, excelize.RowOpts)
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
	sb := &sheetBuf{cells: map[int]map[int]excelize.Cell{}, heights: b.heightsOf(sheet)}
	b.bufs[sheet] = sb
	return sb
}

// cell returns the buffered cell at c, r for update.
func (sb *sheetBuf) cell(c, r int) excelize.Cell {
	return sb.cells[r][c]
}

func (sb *sheetBuf) set(c, r int, cell excelize.Cell) {
	row := sb.cells[r]
	if row == nil {
		row = map[int]excelize.Cell{}
		sb.cells[r] = row
	}
	row[c] = cell
}

// flush writes a streamed sheet: every row in order (buffered cells over
// the records' own), the merges, and the rest of the worksheet as the File
// API left it.
func (b *book) flush(sheet string) {
	sb := b.bufs[sheet]
	if sb == nil || b.err != nil {
		return
	}
	delete(b.bufs, sheet)
	if sb.fileAPI {
		b.flushFile(sheet, sb)
		return
	}
	// The stream writes the worksheet's <cols> in the order it holds them,
	// unsorted (the File API's writer sorts them); Excel and LibreOffice
	// need them ascending, or LibreOffice reads other widths. excelize puts
	// the column set last first, so setting each width again from the last
	// column to the first leaves them ascending (TestStreamedColsAscending).
	ws := b.widths[sheet]
	cols := make([]int, 0, len(ws))
	for c := range ws {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for i := len(cols) - 1; i >= 0 && b.err == nil; i-- {
		b.fail(b.f.SetColWidth(sheet, b.col(cols[i]), b.col(cols[i]), ws[cols[i]]))
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		b.fail(err)
		return
	}
	sb.rows(func(r int, vals []any, opts excelize.RowOpts) {
		b.fail(sw.SetRow(b.ref(1, r), vals, opts))
	})
	for _, m := range sb.merges {
		b.fail(sw.MergeCell(m[0], m[1]))
	}
	b.fail(sw.Flush())
}

// flushFile writes a buffered sheet through the File API instead, for a
// sheet with what the StreamWriter would drop: it writes no extension
// list, where sparklines live.
func (b *book) flushFile(sheet string, sb *sheetBuf) {
	sb.rows(func(r int, vals []any, opts excelize.RowOpts) {
		for j, v := range vals {
			var cell excelize.Cell
			switch x := v.(type) {
			case excelize.Cell:
				cell = x
			case *excelize.Cell:
				cell = *x
			default:
				continue
			}
			if b.err != nil {
				continue
			}
			ref := b.ref(j+1, r)
			switch x := cell.Value.(type) {
			case string:
				b.fail(b.f.SetCellStr(sheet, ref, x))
			case float64:
				b.fail(b.f.SetCellFloat(sheet, ref, x, -1, 64))
			case int64:
				b.fail(b.f.SetCellInt(sheet, ref, x))
			}
			if cell.StyleID != 0 {
				b.fail(b.f.SetCellStyle(sheet, ref, ref, cell.StyleID))
			}
		}
		if opts.Height > 0 {
			b.fail(b.f.SetRowHeight(sheet, r, opts.Height))
		}
		if opts.OutlineLevel > 0 {
			b.fail(b.f.SetRowOutlineLevel(sheet, r, uint8(opts.OutlineLevel)))
		}
	})
	for _, m := range sb.merges {
		b.fail(b.f.MergeCell(sheet, m[0], m[1]))
	}
}

// rows calls write for each row of the sheet in order with its cells from
// column 1 (nil for a gap) and options; rows with neither are skipped.
func (sb *sheetBuf) rows(write func(r int, vals []any, opts excelize.RowOpts)) {
	last := 0
	for r := range sb.cells {
		last = max(last, r)
	}
	for r := range sb.heights {
		last = max(last, r)
	}
	first, n := 0, 0
	if sb.rec != nil {
		first, n = sb.rec.first, sb.rec.n
		last = max(last, first+n-1)
	}
	var vals []any
	var order []int
	for r := 1; r <= last; r++ {
		vals = vals[:0]
		var opts excelize.RowOpts
		if i := r - first; sb.rec != nil && i >= 0 && i < n {
			vals, opts = sb.rec.row(i, vals)
		}
		if h, ok := sb.heights[r]; ok {
			opts.Height = h
		}
		if row := sb.cells[r]; len(row) > 0 {
			order = order[:0]
			for c := range row {
				order = append(order, c)
			}
			slices.Sort(order)
			for _, c := range order {
				for len(vals) < c {
					vals = append(vals, nil)
				}
				vals[c-1] = row[c]
			}
		}
		if len(vals) == 0 && opts == (excelize.RowOpts{}) {
			continue
		}
		write(r, vals, opts)
	}
}

// addSparkline adds sparklines to a sheet, which is then written through
// the File API (see flushFile).
func (b *book) addSparkline(sheet string, opts *excelize.SparklineOptions) {
	if b.err != nil {
		return
	}
	if sb := b.buffer(sheet); sb != nil {
		sb.fileAPI = true
	}
	b.fail(b.f.AddSparkline(sheet, opts))
}

// fastZip is the workbook's zip writer: deflate at level 2. On the XML of a
// 50,000-row WBS sheet (50 MB) level 2 took a third of the default
// level's time for a file a fifth larger (5.6 MB instead of 4.6 MB);
// level 1 was no faster and larger still.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, 2)
	})
	return zw
}

// canonicalZip rewrites a workbook's zip with its entries in a fixed
// order, the compressed bytes copied as they are. excelize writes streamed
// sheets by ranging over a map, so two runs could order them differently;
// the same document must give the same bytes.
func canonicalZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	rank := func(name string) int {
		switch name {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(files, func(a, b *zip.File) int {
		if ra, rb := rank(a.Name), rank(b.Name); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Name, b.Name)
	})
	var out bytes.Buffer
	out.Grow(len(data))
	zw := zip.NewWriter(&out)
	for _, f := range files {
		w, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			return nil, err
		}
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, r); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
