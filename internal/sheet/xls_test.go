package sheet_test

// A BIFF8 workbook written record by record from [MS-XLS], wrapped in a
// compound file written from [MS-CFB]: the records LibreOffice's export
// never produces (strings split over CONTINUE with a change of width,
// phonetic runs, code-page strings, a cached TODAY()) are all here.

import (
	"bytes"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/sheet"
	"golang.org/x/text/encoding/japanese"
)

// cfb wraps one stream as the only entry of a version 3 compound file.
func cfb(streamName string, stream []byte) []byte {
	const sec = 512
	const endChain, fatSect, free, noStream = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
	// Streams under 4096 bytes would live in the mini stream; pad instead.
	if len(stream) < 4096 {
		stream = append(stream, make([]byte, 4096-len(stream))...)
	}
	data := append([]byte{}, stream...)
	for len(data)%sec != 0 {
		data = append(data, 0)
	}
	n := len(data) / sec // stream sectors 0..n-1, then the directory
	fats := 1
	for 128*fats < n+1+fats {
		fats++
	}
	le := binary.LittleEndian
	hdr := make([]byte, sec)
	copy(hdr, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(hdr[24:], 0x003E)
	le.PutUint16(hdr[26:], 3)
	le.PutUint16(hdr[28:], 0xFFFE)
	le.PutUint16(hdr[30:], 9)
	le.PutUint16(hdr[32:], 6)
	le.PutUint32(hdr[44:], uint32(fats))
	le.PutUint32(hdr[48:], uint32(n))
	le.PutUint32(hdr[56:], 4096)
	le.PutUint32(hdr[60:], endChain)
	le.PutUint32(hdr[68:], endChain)
	for i := 0; i < 109; i++ {
		v := uint32(free)
		if i < fats {
			v = uint32(n + 1 + i)
		}
		le.PutUint32(hdr[76+4*i:], v)
	}
	dir := make([]byte, sec)
	entry := func(i int, name string, typ byte, child, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, endChain, 0)
	entry(1, streamName, 2, noStream, 0, len(stream))
	for i := 2; i < 4; i++ {
		le.PutUint32(dir[128*i+68:], noStream)
		le.PutUint32(dir[128*i+72:], noStream)
		le.PutUint32(dir[128*i+76:], noStream)
	}
	fat := make([]byte, fats*sec)
	for i := range 128 * fats {
		v := uint32(free)
		switch {
		case i < n-1:
			v = uint32(i + 1)
		case i == n-1 || i == n:
			v = endChain
		case i <= n+fats:
			v = fatSect
		}
		le.PutUint32(fat[4*i:], v)
	}
	out := append(hdr, data...)
	out = append(out, dir...)
	return append(out, fat...)
}

// biff builds a BIFF stream.
type biff struct{ b []byte }

func (w *biff) rec(typ uint16, data ...[]byte) int {
	at := len(w.b)
	body := bytes.Join(data, nil)
	w.b = binary.LittleEndian.AppendUint16(w.b, typ)
	w.b = binary.LittleEndian.AppendUint16(w.b, uint16(len(body)))
	w.b = append(w.b, body...)
	return at
}

func u16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }
func f64(v float64) []byte {
	return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v))
}

// wide is s as UTF-16LE characters.
func wide(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// xlStr is an XLUnicodeString (2-byte length), wide when s is not ASCII.
func xlStr(s string) []byte {
	if isASCII(s) {
		return append(append(u16(len(s)), 0), s...)
	}
	return append(append(u16(len(utf16.Encode([]rune(s)))), 1), wide(s)...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func bof(dt int) []byte {
	return bytes.Join([][]byte{u16(0x0600), u16(dt), u16(0x0DBB), u16(0x07CC), u32(0), u32(6)}, nil)
}

// xf is a 20-byte XF record body with a format and an indent.
func xf(ifmt, indent int) []byte {
	b := make([]byte, 20)
	binary.LittleEndian.PutUint16(b[2:], uint16(ifmt))
	b[8] = byte(indent)
	return b
}

func cell(row, col, xf int) []byte { return bytes.Join([][]byte{u16(row), u16(col), u16(xf)}, nil) }

// handXLS is a two-sheet workbook: a WBS and a hidden 課題 sheet.
func handXLS(t *testing.T, date1904 bool) []byte {
	t.Helper()
	w := &biff{}
	w.rec(0x0809, bof(0x0005))
	w.rec(0x0042, u16(1200))
	mode := 0
	if date1904 {
		mode = 1
	}
	w.rec(0x0022, u16(mode))
	w.rec(0x041E, u16(164), xlStr("yyyy/m/d"))
	// XF 0 general, 1 custom date, 2 built-in 31 (yyyy"年"m"月"d"日", no
	// FORMAT record, as Japanese Excel writes it), 3 indent 2, 4 percent,
	// 5 built-in 57 (Japanese era).
	for _, x := range [][2]int{{0, 0}, {164, 0}, {31, 0}, {0, 2}, {9, 0}, {57, 0}} {
		w.rec(0x00E0, xf(x[0], x[1]))
	}
	sheet1 := w.rec(0x0085, u32(0), []byte{0, 0, 3, 0}, []byte("WBS"))
	sheet2 := w.rec(0x0085, u32(0), []byte{1, 0}, []byte{2, 1}, wide("課題"))
	w.rec(0x0085, u32(0), []byte{0, 2, 5, 0}, []byte("Chart"))

	// The SST: "タスク名" wide; a long ASCII string whose last characters
	// run into the CONTINUE, which switches to wide for "…設計"; a string
	// with a formatting run and a phonetic block (furigana must not leak).
	long := strings.Repeat("x", 30)
	first := [][]byte{u32(5), u32(5)}
	first = append(first, xlStr("タスク名"))
	first = append(first, append(append(u16(len(long)+2), 0), long...)) // 32 chars, 30 here
	cont := append([]byte{1}, wide("設計")...)                            // flags: wide from here
	rich := bytes.Join([][]byte{u16(2), []byte{0x0D}, u16(1), u32(6), wide("開始"), u32(0), wide("カイシ")}, nil)
	cont = append(cont, rich...)
	cont = append(cont, xlStr("終了日")...)
	cont = append(cont, xlStr("進捗率")...)
	w.rec(0x00FC, first...)
	w.rec(0x003C, cont)
	w.rec(0x000A)

	// Sheet 1.
	at1 := len(w.b)
	w.rec(0x0809, bof(0x0010))
	w.rec(0x0208, u16(3), u16(0), u16(4), u16(255), u16(0), u16(0), u16(0x20), u16(0x0F)) // row 4 hidden
	w.rec(0x0208, u16(2), u16(0), u16(4), u16(255), u16(0), u16(0), u16(0x01), u16(0x0F)) // row 3 outline 1
	w.rec(0x007D, u16(5), u16(6), u16(0), u16(0), u16(1), u16(0))                         // F:G hidden
	w.rec(0x00FD, cell(0, 0, 0), u32(0))                                                  // A1 タスク名
	w.rec(0x00FD, cell(0, 1, 0), u32(2))                                                  // B1 開始
	w.rec(0x00FD, cell(0, 2, 0), u32(3))                                                  // C1 終了日
	w.rec(0x00FD, cell(0, 3, 0), u32(4))                                                  // C1 進捗率
	w.rec(0x00FD, cell(1, 0, 0), u32(1))                                                  // A2 long…設計
	w.rec(0x0203, cell(1, 1, 1), f64(46113))                                              // B2 2026-04-01
	// C2 =TODAY(), cached 2026-04-15: the value saved, never recalculated.
	w.rec(0x0006, cell(1, 2, 2), f64(46127), u16(1), u32(0), u16(3), []byte{0x21, 0xDD, 0x00})
	// D2 0.5 as RK (×100 flag, integer 50).
	w.rec(0x027E, cell(1, 3, 4), u32(50<<2|3))
	// Row 3: a LABEL with an indent, MULRK dates, a formula with a text
	// result in a STRING record, and a boolean.
	w.rec(0x0204, cell(2, 0, 3), xlStr("詳細設計"))
	mulrk := bytes.Join([][]byte{u16(2), u16(1), u16(1), u32(46114<<2 | 2), u16(1), u32(46118<<2 | 2), u16(2)}, nil)
	w.rec(0x00BD, mulrk)
	// A shared formula: its SHRFMLA definition comes before the STRING.
	w.rec(0x0006, cell(2, 3, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(8), u32(0), u16(5), []byte{0x01, 0x02, 0, 0x03, 0})
	w.rec(0x04BC, u16(2), u16(3), []byte{3, 3}, u16(0), u16(1), []byte{0x1E})
	w.rec(0x0207, xlStr("未着手"))
	// Row 4 (hidden): an error value and a cached #N/A formula.
	w.rec(0x0204, cell(3, 0, 0), xlStr("旧タスク"))
	w.rec(0x0205, cell(3, 1, 0), []byte{0x07, 1})
	w.rec(0x0006, cell(3, 2, 0), []byte{2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0))
	w.rec(0x0205, cell(3, 3, 0), []byte{1, 0})
	// Row 5: a Japanese era date cell.
	w.rec(0x0203, cell(4, 1, 5), f64(46143))
	w.rec(0x00E5, u16(1), u16(4), u16(5), u16(0), u16(1)) // A5:B6
	// An embedded chart substream holds no cells of the sheet.
	w.rec(0x0809, bof(0x0020))
	w.rec(0x0203, cell(9, 9, 0), f64(1))
	w.rec(0x000A)
	w.rec(0x000A)

	// Sheet 2 (hidden).
	at2 := len(w.b)
	w.rec(0x0809, bof(0x0010))
	w.rec(0x0204, cell(0, 0, 0), xlStr("No"))
	w.rec(0x000A)

	binary.LittleEndian.PutUint32(w.b[sheet1+4:], uint32(at1))
	binary.LittleEndian.PutUint32(w.b[sheet2+4:], uint32(at2))
	return cfb("Workbook", w.b)
}

func TestXLSHandWritten(t *testing.T) {
	t.Parallel()
	bk, err := sheet.Parse("hand.xls", handXLS(t, false), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bk.Sheets) != 2 {
		t.Fatalf("got %d sheets, want 2 (the chart sheet left out)", len(bk.Sheets))
	}
	g, g2 := bk.Sheets[0], bk.Sheets[1]
	if g.Name != "WBS" || g.Hidden || g2.Name != "課題" || !g2.Hidden {
		t.Errorf("sheets %q hidden=%v, %q hidden=%v", g.Name, g.Hidden, g2.Name, g2.Hidden)
	}
	want := map[string]string{
		"A1": "s:タスク名", "B1": "s:開始", "C1": "s:終了日", "D1": "s:進捗率",
		"A2": "s:" + strings.Repeat("x", 30) + "設計", "B2": "n:46113 date", "C2": "n:46127 date formula", "D2": "n:0.5 percent",
		"A3": "s:詳細設計 indent2", "B3": "n:46114 date", "C3": "n:46118 date", "D3": "s:未着手 formula",
		"A4": "s:旧タスク", "B4": "e:#DIV/0!", "C4": "e:#N/A formula", "D4": "b:1",
		"B5": "n:46143 date",
	}
	got := map[string]string{}
	for i, r := range g.Rows {
		for _, c := range g.RowCells(i) {
			got[diag.ColumnName(int(c.Col))+strconv.Itoa(r.Num)] = describe(g, c)
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d cells, want %d: %v", len(got), len(want), got)
	}
	rows := map[int]sheet.Row{}
	for _, r := range g.Rows {
		rows[r.Num] = r
	}
	if !rows[4].Hidden || rows[3].Hidden || rows[3].Outline != 1 {
		t.Errorf("row 3 %+v, row 4 %+v", rows[3], rows[4])
	}
	if !g.HiddenCols[6] || !g.HiddenCols[7] || g.HiddenCols[5] {
		t.Errorf("hidden columns %v, want F and G", g.HiddenCols)
	}
	if len(g.Merges) != 1 || g.Merges[0] != (sheet.Range{Row1: 5, Col1: 1, Row2: 6, Col2: 2}) {
		t.Errorf("merges %v", g.Merges)
	}

	// The records: TODAY() reads as the day the file was saved.
	res, err := sheet.Read(bk, sheet.Options{Sheet: "WBS"})
	if err != nil {
		t.Fatal(err)
	}
	tasks := res.Tasks()
	if len(tasks) < 2 || tasks[0].PlannedFinish.String() != "2026-04-15" || tasks[0].PlannedStart.String() != "2026-04-01" {
		t.Fatalf("tasks %+v", tasks)
	}
}

func TestXLSDate1904(t *testing.T) {
	t.Parallel()
	bk, err := sheet.Parse("mac.xls", handXLS(t, true), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bk.Sheets[0].Date1904 {
		t.Error("DATEMODE 1 not read as the 1904 date system")
	}
}

// TestXLSCodePage checks 8-bit strings: Latin-1 by the BIFF8 definition,
// Shift_JIS bytes when a non-Excel writer declared code page 932.
func TestXLSCodePage(t *testing.T) {
	t.Parallel()
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("課題一覧"))
	for _, c := range []struct {
		codePage int
		text     []byte
		want     string
	}{
		{1200, []byte("caf\xe9"), "café"},
		{932, sjis, "課題一覧"},
		{932, []byte("caf\xe9"), "café"}, // not Shift_JIS: Latin-1 after all
	} {
		w := &biff{}
		w.rec(0x0809, bof(0x0005))
		w.rec(0x0042, u16(c.codePage))
		w.rec(0x00E0, xf(0, 0))
		bs := w.rec(0x0085, u32(0), []byte{0, 0, 1, 0}, []byte("S"))
		w.rec(0x000A)
		at := len(w.b)
		w.rec(0x0809, bof(0x0010))
		w.rec(0x0204, cell(0, 0, 0), append(append(u16(len(c.text)), 0), c.text...))
		w.rec(0x000A)
		binary.LittleEndian.PutUint32(w.b[bs+4:], uint32(at))
		bk, err := sheet.Parse("cp.xls", cfb("Workbook", w.b), sheet.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := bk.Sheets[0].Cell(1, 1).Str; got != c.want {
			t.Errorf("code page %d: got %q, want %q", c.codePage, got, c.want)
		}
	}
}

func TestXLSRefused(t *testing.T) {
	t.Parallel()
	biff5 := &biff{}
	biff5.rec(0x0809, []byte{0x00, 0x05, 0x05, 0x00}, make([]byte, 4))
	biff5.rec(0x000A)
	truncated := handXLS(t, false)
	w := &biff{}
	w.rec(0x0809, bof(0x0005))
	w.rec(0x00E0, xf(0, 0))
	w.rec(0x0085, u32(100000), []byte{0, 0, 1, 0}, []byte("S"))
	w.rec(0x000A)
	pass := &biff{}
	pass.rec(0x0809, bof(0x0005))
	pass.rec(0x002F, make([]byte, 54))
	sst := &biff{}
	sst.rec(0x0809, bof(0x0005))
	sst.rec(0x00FC, u32(1000000), u32(1000000), xlStr("a"))
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"biff5", cfb("Book", biff5.b), "BIFF5"},
		{"excel 4.0", []byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00}, "BIFF5 or earlier"},
		{"sheet outside the stream", cfb("Workbook", w.b), "outside the workbook stream"},
		{"encrypted", cfb("Workbook", pass.b), "password-protected"},
		{"lying string count", cfb("Workbook", sst.b), "shared string table is damaged"},
		// Cut short: said as such, not as damage or another kind of file.
		{"compound file without its FAT", truncated[:len(truncated)-512], "cut short"},
		{"compound file with its FAT zeroed", append(truncated[:len(truncated)-512:len(truncated)-512], make([]byte, 512)...), "damaged Excel 97-2003"},
	}
	for _, c := range cases {
		_, err := sheet.Parse("old.xls", c.data, sheet.OpenOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "old.xls") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line naming old.xls with %q", c.name, err, c.want)
		}
	}
}

// describe is a cell as kind:value plus the style facts the reader uses.
func describe(g *sheet.Grid, c sheet.Cell) string {
	var s string
	switch c.Kind {
	case sheet.Number:
		s = "n:" + strconv.FormatFloat(c.Num, 'g', -1, 64)
	case sheet.String:
		s = "s:" + c.Str
	case sheet.Bool:
		s = "b:" + strconv.FormatFloat(c.Num, 'g', -1, 64)
	case sheet.ErrorValue:
		s = "e:" + c.Str
	}
	if int(c.Style) < len(g.Styles) {
		st := g.Styles[c.Style]
		if st.Date {
			s += " date"
		}
		if st.Percent {
			s += " percent"
		}
		if st.Indent > 0 {
			s += " indent" + strconv.Itoa(st.Indent)
		}
	}
	if c.Formula {
		s += " formula"
	}
	return s
}

// TestXLSStreamNameCase reads a workbook whose writer named the stream
// WORKBOOK: compound-file names compare without case.
func TestXLSStreamNameCase(t *testing.T) {
	t.Parallel()
	w := &biff{}
	w.rec(0x0809, bof(0x0005))
	w.rec(0x00E0, xf(0, 0))
	bs := w.rec(0x0085, u32(0), []byte{0, 0, 1, 0}, []byte("S"))
	w.rec(0x000A)
	at := len(w.b)
	w.rec(0x0809, bof(0x0010))
	w.rec(0x0204, cell(0, 0, 0), xlStr("タスク"))
	w.rec(0x000A)
	binary.LittleEndian.PutUint32(w.b[bs+4:], uint32(at))
	bk, err := sheet.Parse("upper.xls", cfb("WORKBOOK", w.b), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := bk.Sheets[0].Cell(1, 1).Str; got != "タスク" {
		t.Errorf("A1 %q", got)
	}
}
