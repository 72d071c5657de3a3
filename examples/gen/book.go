package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/pmokit/pmo/internal/ooxml"
	"github.com/xuri/excelize/v2"
)

// ymd is a calendar date; the zero value means "no date".
type ymd struct{ y, m, d int }

func on(y, m, d int) ymd { return ymd{y, m, d} }

func (d ymd) zero() bool { return d == ymd{} }

func (d ymd) time() time.Time {
	return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) ymd { return ymd{t.Year(), int(t.Month()), t.Day()} }

// serial is the Excel 1900-system serial number; every date here is after
// 1900-03-01, so the fictitious 1900-02-29 does not matter.
func (d ymd) serial() float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return float64(d.time().Sub(epoch) / (24 * time.Hour))
}

// slash formats the date the way Japanese Excel shows it by default.
func (d ymd) slash() string { return fmt.Sprintf("%d/%d/%d", d.y, d.m, d.d) }

func (d ymd) before(o ymd) bool { return d.time().Before(o.time()) }

// holiday is one Japanese national holiday.
type holiday struct {
	day  ymd
	name string
}

// holidays lists the national holidays of fiscal 2026 (April 2026 to March
// 2027), the span every sample project falls in.
func holidays() []holiday {
	return []holiday{
		{on(2026, 4, 29), "昭和の日"},
		{on(2026, 5, 3), "憲法記念日"},
		{on(2026, 5, 4), "みどりの日"},
		{on(2026, 5, 5), "こどもの日"},
		{on(2026, 5, 6), "振替休日"},
		{on(2026, 7, 20), "海の日"},
		{on(2026, 8, 11), "山の日"},
		{on(2026, 9, 21), "敬老の日"},
		{on(2026, 9, 22), "国民の休日"},
		{on(2026, 9, 23), "秋分の日"},
		{on(2026, 10, 12), "スポーツの日"},
		{on(2026, 11, 3), "文化の日"},
		{on(2026, 11, 23), "勤労感謝の日"},
		{on(2027, 1, 1), "元日"},
		{on(2027, 1, 11), "成人の日"},
		{on(2027, 2, 11), "建国記念の日"},
		{on(2027, 2, 23), "天皇誕生日"},
		{on(2027, 3, 21), "春分の日"},
		{on(2027, 3, 22), "振替休日"},
	}
}

// workday reports whether d is a weekday that is neither a national holiday
// nor one of the company days off.
func workday(d ymd, off []ymd) bool {
	if wd := d.time().Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range holidays() {
		if h.day == d {
			return false
		}
	}
	for _, o := range off {
		if o == d {
			return false
		}
	}
	return true
}

// newBook starts a workbook whose document properties are fixed, so two runs
// write the same bytes.
func newBook(author string, modified ymd) (*excelize.File, error) {
	f := excelize.NewFile()
	stamp := fmt.Sprintf("%04d-%02d-%02dT09:00:00Z", modified.y, modified.m, modified.d)
	err := f.SetDocProps(&excelize.DocProperties{
		Creator:        author,
		LastModifiedBy: author,
		Created:        "2026-04-01T09:00:00Z",
		Modified:       stamp,
		Language:       "ja-JP",
	})
	return f, err
}

// cached is the value Excel would have stored with a formula when it last
// saved the file. excelize writes formulas without results, and a reader of
// a real workbook sees the results, so they are patched in after writing.
type cached struct {
	sheet, cell string
	value       string
	isError     bool
}

// sheetWriter sets cells on one sheet and remembers the first error, so the
// long runs of cell writes below stay readable.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
	cache []cached
}

func (w *sheetWriter) set(cell string, v any) {
	if w.err == nil {
		w.err = w.f.SetCellValue(w.sheet, cell, v)
	}
}

func (w *sheetWriter) setRC(col, row int, v any) { w.set(cellName(col, row), v) }

func (w *sheetWriter) style(from, to string, id int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, from, to, id)
	}
}

func (w *sheetWriter) merge(from, to string) {
	if w.err == nil {
		w.err = w.f.MergeCell(w.sheet, from, to)
	}
}

func (w *sheetWriter) width(from, to string, width float64) {
	if w.err == nil {
		w.err = w.f.SetColWidth(w.sheet, from, to, width)
	}
}

func (w *sheetWriter) height(row int, h float64) {
	if w.err == nil {
		w.err = w.f.SetRowHeight(w.sheet, row, h)
	}
}

// formula writes a formula together with the result Excel would have cached.
func (w *sheetWriter) formula(cell, formula, result string, isError bool) {
	if w.err == nil {
		w.err = w.f.SetCellFormula(w.sheet, cell, formula)
	}
	w.cache = append(w.cache, cached{w.sheet, cell, result, isError})
}

func (w *sheetWriter) freeze(cols, rows int) {
	if w.err != nil {
		return
	}
	w.err = w.f.SetPanes(w.sheet, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows,
		TopLeftCell: cellName(cols+1, rows+1), ActivePane: "bottomRight",
	})
}

func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return "A1"
	}
	return name
}

func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return "A"
	}
	return name
}

func newStyle(f *excelize.File, s *excelize.Style) int {
	id, err := f.NewStyle(s)
	if err != nil {
		return 0
	}
	return id
}

func thinBorder() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
}

func fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

func ptr[T any](v T) *T { return &v }

// save writes the workbook to path, with the cached formula results patched
// into the sheet XML.
func save(f *excelize.File, file string, cache []cached) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	data := buf.Bytes()
	if len(cache) > 0 {
		if data, err = patchCached(data, cache); err != nil {
			return fmt.Errorf("patching %s: %w", file, err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}

// patchCached rewrites the zip, adding <v> results to the formula cells named
// in cache. Entries keep their order and their zero timestamps.
func patchCached(data []byte, cache []cached) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	paths, err := sheetPaths(zr)
	if err != nil {
		return nil, err
	}
	byPath := make(map[string]map[string]cached)
	for _, c := range cache {
		p, ok := paths[c.sheet]
		if !ok {
			return nil, fmt.Errorf("no sheet %q", c.sheet)
		}
		if byPath[p] == nil {
			byPath[p] = make(map[string]cached)
		}
		byPath[p][c.cell] = c
	}
	cellWithFormula := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f></c>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		cells, ok := byPath[zf.Name]
		if !ok {
			if err := zw.Copy(zf); err != nil {
				return nil, err
			}
			continue
		}
		body, err := readZipFile(zf)
		if err != nil {
			return nil, err
		}
		patched := cellWithFormula.ReplaceAllStringFunc(string(body), func(m string) string {
			sub := cellWithFormula.FindStringSubmatch(m)
			c, ok := cells[sub[1]]
			if !ok {
				return m
			}
			attrs := strings.Replace(sub[2], ` t="str"`, "", 1)
			if c.isError {
				attrs += ` t="e"`
			}
			return `<c r="` + sub[1] + `"` + attrs + `><f>` + sub[3] + `</f><v>` + c.value + `</v></c>`
		})
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(fw, patched); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func readZipFile(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// sheetPaths maps sheet names to their part names through workbook.xml and
// its relationships.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
	var wb, rels []byte
	for _, zf := range zr.File {
		if zf.Name != ooxml.WorkbookPart && zf.Name != ooxml.RelsPart {
			continue
		}
		body, err := readZipFile(zf)
		if err != nil {
			return nil, err
		}
		if zf.Name == ooxml.WorkbookPart {
			wb = body
		} else {
			rels = body
		}
	}
	return ooxml.Parts(wb, rels)
}
