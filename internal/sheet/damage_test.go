package sheet_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// Damage a lenient reader would step over — a shared string outside the
// table, bytes in a sheet's data that are not XML, parts that are empty,
// missing or do not inflate, files cut short — is refused with one line
// naming the place (damage.go), never read as a sheet that lost text or
// rows without a word.

const (
	dmgTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`
	dmgRoot  = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	dmgBook  = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="WBS" sheetId="1" r:id="rId1"/></sheets></workbook>`
	dmgRels  = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	dmgSST   = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>タスク名</t></si><si><t>担当</t></si><si><t>設計</t></si><si><t>製造</t></si><si><t>佐藤</t></si></sst>`
	dmgHead  = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
)

// dmgRows is a WBS of two tasks: the header, 設計 and 製造, by shared
// strings; at(n) is put before row n's first cell, mid(n) between its
// cells, and the rows are joined by sep.
func dmgRows(at, mid func(int) string, sep string) string {
	rows := [][2]int{{0, 1}, {2, 4}, {3, 4}}
	var b strings.Builder
	for i, r := range rows {
		n := i + 1
		fmt.Fprintf(&b, `<row r="%d">%s<c r="A%d" t="s"><v>%d</v></c>%s<c r="B%d" t="s"><v>%d</v></c></row>%s`, n, at(n), n, r[0], mid(n), n, r[1], sep)
	}
	return b.String()
}

func none(int) string { return "" }

// omit, as the body of a part, leaves the part out of dmgWorkbook's zip.
const omit = "\x00omit"

// dmgWorkbook zips the parts with sheetXML as the worksheet part; extra
// name, body pairs replace the defaults.
func dmgWorkbook(t *testing.T, sheetXML string, extra ...string) []byte {
	t.Helper()
	parts := map[string]string{"[Content_Types].xml": dmgTypes, "_rels/.rels": dmgRoot, "xl/workbook.xml": dmgBook,
		"xl/_rels/workbook.xml.rels": dmgRels, "xl/sharedStrings.xml": dmgSST, "xl/worksheets/sheet1.xml": sheetXML}
	for i := 0; i+1 < len(extra); i += 2 {
		parts[extra[i]] = extra[i+1]
	}
	var list []string
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"} {
		if parts[name] != omit {
			list = append(list, name, parts[name])
		}
	}
	return zipOf(t, list...)
}

// parseRead opens and reads data as name.
func parseRead(name string, data []byte) (*sheet.Result, error) {
	bk, err := sheet.Parse(name, data, sheet.OpenOptions{})
	if err != nil {
		return nil, err
	}
	return sheet.Read(bk, sheet.Options{})
}

// taskNames is the names of the tasks read.
func taskNames(res *sheet.Result) string {
	var names []string
	for _, tk := range res.Tasks() {
		names = append(names, tk.Name)
	}
	return strings.Join(names, ",")
}

func TestDamageWholeControl(t *testing.T) {
	t.Parallel()
	// What the damaged variants below are cut from reads whole, written
	// the plain way and pretty-printed, with formulas, rich and phonetic
	// text and an extension list: nothing of that is damage.
	for name, sh := range map[string]string{
		"plain": dmgHead + `<sheetData>` + dmgRows(none, none, "") + `</sheetData></worksheet>`,
		"pretty": dmgHead + "\n  <sheetData>\n" + dmgRows(func(int) string { return "\n\t\t" }, func(int) string { return "\r\n\t\t" }, "\n") +
			"  </sheetData>\n  <extLst><ext uri=\"x\"><x14:text xmlns:x14=\"y\">text in an extension</x14:text></ext></extLst>\n</worksheet>\n",
		"formula and rich text": dmgHead + `<sheetData>` + dmgRows(none, none, "") +
			`<row r="4"><c r="A4" t="inlineStr"><is><r><t>結合</t></r><r><rPr><b/></rPr><t>試験</t></r><rPh sb="0" eb="2"><t>ケツゴウ</t></rPh></is></c><c r="B4" t="str"><f>"佐"&amp;"藤"</f><v>佐藤</v></c></row></sheetData></worksheet>`,
		"index with spaces": dmgHead + `<sheetData>` + strings.Replace(dmgRows(none, none, ""), "<v>3</v>", "<v> 3 </v>", 1) + `</sheetData></worksheet>`,
	} {
		res, err := parseRead("wbs.xlsx", dmgWorkbook(t, sh))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := "設計,製造"
		if name == "formula and rich text" {
			want += ",結合試験"
		}
		if got := taskNames(res); got != want {
			t.Errorf("%s: tasks %q, want %q", name, got, want)
		}
	}
}

func TestSharedStringOutsideTable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, index, cell string
		extra             []string
		want              string
	}{
		// Before: each read as an empty cell, the task name lost without a
		// finding (LibreOffice does the same; Excel asks to repair).
		{"past the end", "5", "A3", nil, `shared string "5", but the workbook's shared string table holds 5`},
		{"far past the end", "99999999999", "A3", nil, `"99999999999"`},
		{"negative", "-1", "A3", nil, `"-1"`},
		{"not a number", "x1", "A3", nil, `"x1"`},
		{"no table at all", "3", "A1", []string{"xl/_rels/workbook.xml.rels", strings.Replace(dmgRels, "sharedStrings", "nothing", 2), "xl/sharedStrings.xml", omit}, "holds 0"},
	} {
		rows := strings.Replace(dmgRows(none, none, ""), `<c r="A3" t="s"><v>3</v>`, `<c r="A3" t="s"><v>`+c.index+`</v>`, 1)
		_, err := parseRead("wbs.xlsx", dmgWorkbook(t, dmgHead+`<sheetData>`+rows+`</sheetData></worksheet>`, c.extra...))
		t.Run(c.name, func(t *testing.T) { wantInputError(t, err, "wbs.xlsx!WBS!"+c.cell+": ", c.want, "damaged") })
	}
	// The relation names a shared-string part the zip lacks (generators
	// write that): the first cell that needs a string is refused.
	_, err := parseRead("wbs.xlsx", dmgWorkbook(t, dmgHead+`<sheetData>`+dmgRows(none, none, "")+`</sheetData></worksheet>`, "xl/sharedStrings.xml", omit))
	wantInputError(t, err, "wbs.xlsx!WBS!A1: ", `shared string "0"`, "holds 0")
}

func TestSheetDataNoise(t *testing.T) {
	t.Parallel()
	noise := "\x13\x37\xfe\x01\x99garbage\x00"
	at := func(row int, s string) func(int) string {
		return func(n int) string {
			if n == row {
				return s
			}
			return ""
		}
	}
	for _, c := range []struct {
		name       string
		body, want string
	}{
		// Before: each read as the whole sheet, the noise stepped over.
		{"binary between cells", dmgRows(none, at(2, noise), ""), "WBS!2: row 2 of the sheet holds bytes that are not XML"},
		{"a word between cells", dmgRows(none, at(3, "lost"), ""), "WBS!3: row 3 "},
		{"in a cell before its value", strings.Replace(dmgRows(none, none, ""), `<c r="B2" t="s">`, `<c r="B2" t="s">`+noise, 1), "WBS!2: row 2 "},
		{"between rows", strings.Replace(dmgRows(none, none, ""), `</row><row r="3">`, `</row>`+noise+`<row r="3">`, 1), "WBS!2: the sheet holds bytes that are not XML after row 2"},
		{"before the first row", noise + dmgRows(none, none, ""), "WBS: the sheet holds bytes that are not XML before its first row"},
		{"a tag that is no element", dmgRows(none, at(2, "<\x13\x37\xfe/>"), ""), "WBS!2: row 2 "},
	} {
		_, err := parseRead("wbs.xlsx", dmgWorkbook(t, dmgHead+`<sheetData>`+c.body+`</sheetData></worksheet>`))
		t.Run(c.name, func(t *testing.T) { wantInputError(t, err, "wbs.xlsx!", c.want, "damaged") })
	}
}

func TestPartEmptyOrMissing(t *testing.T) {
	t.Parallel()
	whole := dmgHead + `<sheetData>` + dmgRows(none, none, "") + `</sheetData></worksheet>`
	for _, c := range []struct {
		name  string
		data  []byte
		subs  []string
		after string
	}{
		// Before: an empty sheet ("no table"), and an empty shared-string
		// part read every text cell as empty.
		{"empty sheet part", dmgWorkbook(t, ""), []string{"wbs.xlsx!WBS: ", "before its first row", "cut short"}, ""},
		{"sheet part of white space", dmgWorkbook(t, "\n\n"), []string{"wbs.xlsx!WBS: ", "cut short"}, ""},
		{"sheet part of a declaration only", dmgWorkbook(t, `<?xml version="1.0" encoding="UTF-8"?>`), []string{"wbs.xlsx!WBS: ", "cut short"}, ""},
		{"empty shared strings", dmgWorkbook(t, whole, "xl/sharedStrings.xml", "\n"), []string{"wbs.xlsx: xl/sharedStrings.xml inside the workbook ends before its XML is closed"}, ""},
		// Before: "workbook has no worksheets", a second sheet silently
		// left out, and a sheet read as empty.
		{"no workbook relationships", dmgWorkbook(t, whole, "xl/_rels/workbook.xml.rels", omit), []string{"wbs.xlsx!WBS: the workbook lists this sheet, but its relationship \"rId1\" is not in xl/_rels/workbook.xml.rels"}, ""},
		{"a sheet without its relationship", dmgWorkbook(t, whole, "xl/workbook.xml", strings.Replace(dmgBook, "</sheets>", `<sheet name="課題" sheetId="2" r:id="rId7"/></sheets>`, 1)), []string{"wbs.xlsx!課題: ", `relationship "rId7" is not in`}, ""},
		{"a sheet leading to the shared strings", dmgWorkbook(t, whole, "xl/_rels/workbook.xml.rels", strings.Replace(dmgRels, "worksheets/sheet1.xml", "sharedStrings.xml", 1)), []string{"wbs.xlsx: the workbook's sheet part xl/sharedStrings.xml is not a worksheet (its XML is a <sst>)"}, ""},
		{"sheet part missing", dmgWorkbook(t, whole, "xl/_rels/workbook.xml.rels", strings.Replace(dmgRels, "sheet1.xml", "sheet9.xml", 1)), []string{"wbs.xlsx: the workbook refers to xl/worksheets/sheet9.xml, which is missing"}, ""},
	} {
		_, err := parseRead("wbs.xlsx", c.data)
		t.Run(c.name, func(t *testing.T) { wantInputError(t, err, "wbs.xlsx", c.subs...) })
	}
}

func TestFileCutShort(t *testing.T) {
	t.Parallel()
	b := newBook(t, "WBS")
	b.rows("WBS", "A1", []any{"タスク名", "担当", "開始", "終了"}, []any{"設計", "佐藤", "2026/04/01", "2026/04/30"})
	xlsx := b.bytes()
	ods := odsFile(t, odsHead+`<office:body><office:spreadsheet><table:table table:name="WBS">`+odsRow("タスク名", "担当", "開始", "終了")+odsRow("設計", "佐藤", "2026/04/01", "2026/04/30")+
		`</table:table></office:spreadsheet></office:body></office:document-content>`, "")
	xls := handXLS(t, false)
	for _, f := range []struct {
		name string
		data []byte
		want string
	}{
		// Before: "the zip container is damaged: zip: not a valid zip
		// file", and for .xls "an OLE compound file that is not an Excel
		// workbook" — as if it were some other kind of file.
		{"wbs.xlsx", xlsx, "not a valid .xlsx file: it is cut short"},
		{"wbs.ods", ods, "not a valid .ods file: it is cut short"},
		{"wbs.xls", xls, "the file is cut short"},
	} {
		whole, err := parseRead(f.name, f.data)
		if err != nil {
			t.Fatalf("%s whole: %v", f.name, err)
		}
		for _, cut := range []int{len(f.data) * 3 / 100, len(f.data) / 10, len(f.data) * 3 / 10, len(f.data) / 2, len(f.data) * 7 / 10, len(f.data) * 9 / 10, len(f.data) - 30, len(f.data) - 10, len(f.data) - 1} {
			res, err := parseRead(f.name, f.data[:cut])
			if err == nil && f.name == "wbs.xls" && tableShape(res) == tableShape(whole) && taskNames(res) == taskNames(whole) {
				continue // only the padding of the last sector was lost: the workbook is whole
			}
			t.Run(fmt.Sprintf("%s cut to %d of %d bytes", f.name, cut, len(f.data)), func(t *testing.T) { wantInputError(t, err, f.name+": ", f.want) })
		}
	}
}

func TestPartDoesNotInflate(t *testing.T) {
	t.Parallel()
	// The zip's directory is whole but a part's compressed bytes are
	// not: before, Go's own words ("flate: corrupt input before offset
	// 12", "zip: checksum error") reached the user, in English only.
	sh := dmgHead + `<sheetData>` + strings.Repeat(dmgRows(none, none, ""), 50) + `</sheetData></worksheet>`
	data := dmgWorkbook(t, sh)
	at := bytes.Index(data, []byte("xl/worksheets/sheet1.xml")) + len("xl/worksheets/sheet1.xml") + 40
	bad := bytes.Clone(data)
	for i := at; i < at+16; i++ {
		bad[i] ^= 0x5A
	}
	_, err := parseRead("wbs.xlsx", bad)
	wantInputError(t, err, "wbs.xlsx!WBS: ", "xl/worksheets/sheet1.xml inside the workbook does not inflate", "cut short or damaged")
}

func TestODSRowNoise(t *testing.T) {
	t.Parallel()
	row := func(mid string) string {
		return `<table:table-row><table:table-cell office:value-type="string"><text:p>タスク名</text:p></table:table-cell>` + mid +
			`<table:table-cell office:value-type="string"><text:p>担当</text:p></table:table-cell></table:table-row>`
	}
	doc := func(mid string) []byte {
		return odsFile(t, odsHead+"\n<office:body>\n <office:spreadsheet>\n  <table:table table:name=\"WBS\">\n   "+row("\n    ")+"\n   "+row(mid)+
			"\n  </table:table>\n </office:spreadsheet>\n</office:body>\n</office:document-content>", "")
	}
	if _, err := sheet.Parse("wbs.ods", doc("\n    "), sheet.OpenOptions{}); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	// Before: read as the whole sheet.
	_, err := sheet.Parse("wbs.ods", doc("\x13\x37garbage\xfe"), sheet.OpenOptions{})
	wantInputError(t, err, "wbs.ods!WBS!2: ", "row 2 of the sheet holds bytes that are not XML")
}

func TestXLSSharedStringOutsideTable(t *testing.T) {
	t.Parallel()
	w := &biff{}
	w.rec(0x0809, bof(0x0005))
	w.rec(0x00E0, xf(0, 0))
	bs := w.rec(0x0085, u32(0), []byte{0, 0}, []byte{3, 0}, []byte("WBS"))
	w.rec(0x00FC, u32(2), u32(2), xlStr("タスク名"), xlStr("設計"))
	w.rec(0x000A)
	at := len(w.b)
	w.rec(0x0809, bof(0x0010))
	w.rec(0x00FD, cell(0, 0, 0), u32(0))
	w.rec(0x00FD, cell(1, 0, 0), u32(7)) // A2: past the two strings
	w.rec(0x000A)
	copy(w.b[bs+4:], u32(at))
	// Before: A2 read as an empty cell.
	_, err := sheet.Parse("old.xls", cfb("Workbook", w.b), sheet.OpenOptions{})
	wantInputError(t, err, "old.xls!WBS!A2: ", `shared string "7", but the workbook's shared string table holds 2`)
}

// odsRow is a table row of string cells.
func odsRow(cells ...string) string {
	var b strings.Builder
	b.WriteString("<table:table-row>")
	for _, c := range cells {
		b.WriteString(`<table:table-cell office:value-type="string"><text:p>` + c + `</text:p></table:table-cell>`)
	}
	b.WriteString("</table:table-row>")
	return b.String()
}
