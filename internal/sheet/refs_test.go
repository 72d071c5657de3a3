package sheet_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// Text is charged as the cells read it (refs.go): a string stored once
// but read by many cells costs each of them, within the book's 128 MB of
// text. Before, a shared string or a repeated .ods row was charged once,
// and a 2 KB file could make pmo process gigabytes of text: tens of
// seconds to hours of CPU that no limit bounded.
func TestTextChargedPerReference(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("長", 200_000/3) // 200 KB
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>タスク名</t></si><si><t>開始日</t></si><si><t>` + long + `</t></si></sst>`
	book := func(refs int) []byte {
		var b strings.Builder
		b.WriteString(dmgHead + `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`)
		for r := 2; r < refs+2; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="s"><v>2</v></c><c r="B%d"><v>46113</v></c></row>`, r, r, r)
		}
		b.WriteString(`</sheetData></worksheet>`)
		return dmgWorkbook(t, b.String(), "xl/sharedStrings.xml", sst)
	}
	// 600 references: 120 MB, read.
	if res, err := parseRead("wbs.xlsx", book(600)); err != nil || len(res.Tasks()) != 600 {
		t.Fatalf("600 references of a 200 KB string: %v", err)
	}
	// 700: 140 MB, refused at the cell that goes over.
	_, err := parseRead("wbs.xlsx", book(700))
	wantInputError(t, err, "wbs.xlsx!WBS!", "the text of all cells is over pmo's limit of 128 MB")

	// An .ods row of a 100 KB cell repeated 1,400 times: 140 MB.
	big := `<table:table-cell office:value-type="string"><text:p>` + strings.Repeat("長", 100_000/3) + `</text:p></table:table-cell>`
	ods := func(rows int) []byte {
		return odsFile(t, odsHead+`<office:body><office:spreadsheet><table:table table:name="WBS">`+odsRow("タスク名", "開始日")+
			fmt.Sprintf(`<table:table-row table:number-rows-repeated="%d">`, rows)+big+`<table:table-cell office:value-type="float" office:value="46113"/></table:table-row>`+
			`</table:table></office:spreadsheet></office:body></office:document-content>`, "")
	}
	if res, err := parseRead("wbs.ods", ods(1200)); err != nil || len(res.Tasks()) != 1200 {
		t.Fatalf("an .ods row repeated 1,200 times: %v", err)
	}
	_, err = parseRead("wbs.ods", ods(1400))
	wantInputError(t, err, "wbs.ods!WBS!2: ", "the text of all cells is over pmo's limit of 128 MB")

	// An .xls string of 8 KB in 17,000 LABELSST cells: 136 MB (the .xls
	// reader charged each cell's text already; kept here as the same rule).
	xls := func(refs int) []byte {
		w := &biff{}
		w.rec(0x0809, bof(0x0005))
		w.rec(0x00E0, xf(0, 0))
		bs := w.rec(0x0085, u32(0), []byte{0, 0}, []byte{3, 0}, []byte("WBS"))
		w.rec(0x00FC, u32(3), u32(3), xlStr("タスク名"), xlStr("開始日"), xlStr(strings.Repeat("x", 8000)))
		w.rec(0x000A)
		at := len(w.b)
		w.rec(0x0809, bof(0x0010))
		w.rec(0x00FD, cell(0, 0, 0), u32(0))
		w.rec(0x00FD, cell(0, 1, 0), u32(1))
		for r := 1; r <= refs; r++ {
			w.rec(0x00FD, cell(r, 0, 0), u32(2))
			w.rec(0x0203, cell(r, 1, 0), f64(46113))
		}
		w.rec(0x000A)
		copy(w.b[bs+4:], u32(at))
		return cfb("Workbook", w.b)
	}
	if _, err := sheet.Parse("old.xls", xls(15000), sheet.OpenOptions{}); err != nil {
		t.Fatalf("15,000 references of an 8 KB string: %v", err)
	}
	_, err = sheet.Parse("old.xls", xls(17000), sheet.OpenOptions{})
	wantInputError(t, err, "old.xls!WBS!A16776: ", "the text of all cells is over pmo's limit of 128 MB")
}
