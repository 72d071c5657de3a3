package hostile

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// Damaged files: workbooks cut short (a copy or a download that stopped)
// or with bytes changed, which a lenient reader would read as a shorter or
// emptier sheet. pmo must say the file is cut short or damaged and where,
// never read on as if it were whole.

// cut is data cut to pct percent of its length.
func cut(data []byte, pct int) []byte { return data[:len(data)*pct/100] }

// wbsSheet is a sheet of a small WBS table by inline strings, so that a
// case that only damages it would otherwise be read.
func wbsSheet(noise string) map[string]string {
	row := func(n, a, b string) string {
		return `<row r="` + n + `"><c r="A` + n + `" t="inlineStr"><is><t>` + a + `</t></is></c>` + noise + `<c r="B` + n + `" t="inlineStr"><is><t>` + b + `</t></is></c></row>`
	}
	return sheet(`<sheetData>` + row("1", "タスク名", "担当") + row("2", "設計", "佐藤") + `</sheetData>`)
}

// odsContent zips an OpenDocument spreadsheet whose content.xml is
// content as given, whole or not.
func odsContent(content []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, _ = zw.Create("content.xml")
	w.Write(content)
	zw.Close()
	return b.Bytes()
}

// odsWBS is the content.xml of a small WBS table, with noise between
// the cells of its second row.
func odsWBS(noise string) []byte {
	cell := func(s string) string {
		return `<table:table-cell office:value-type="string"><text:p>` + s + `</text:p></table:table-cell>`
	}
	body := `<table:table-row>` + cell("タスク名") + cell("担当") + `</table:table-row><table:table-row>` + cell("設計") + noise + cell("佐藤") + `</table:table-row>`
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="WBS">` +
		body + `</table:table></office:spreadsheet></office:body></office:document-content>`)
}

// flipped is data with 16 bytes inverted inside the compressed data of
// part, the zip's directory left whole.
func flipped(data []byte, part string) []byte {
	at := bytes.Index(data, []byte(part)) + len(part) + 24
	out := bytes.Clone(data)
	for i := at; i < at+16 && i < len(out); i++ {
		out[i] ^= 0x5A
	}
	return out
}

// cfbHeaderOnly is the 512-byte header of a compound file whose FAT and
// directory are in the sectors after it, which the file lacks: an .xls cut
// right after its header.
func cfbHeaderOnly() []byte {
	h := make([]byte, 512)
	copy(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	binary.LittleEndian.PutUint16(h[0x18:], 0x3E) // minor version
	binary.LittleEndian.PutUint16(h[0x1A:], 3)    // major version 3: 512-byte sectors
	binary.LittleEndian.PutUint16(h[0x1C:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[0x1E:], 9) // sector shift
	binary.LittleEndian.PutUint16(h[0x20:], 6) // mini sector shift
	binary.LittleEndian.PutUint32(h[0x2C:], 1) // one FAT sector …
	binary.LittleEndian.PutUint32(h[0x30:], 1) // … the directory after it
	binary.LittleEndian.PutUint32(h[0x38:], 4096)
	binary.LittleEndian.PutUint32(h[0x3C:], 0xFFFFFFFE)
	binary.LittleEndian.PutUint32(h[0x44:], 0xFFFFFFFE)
	binary.LittleEndian.PutUint32(h[0x4C:], 0) // FAT in sector 0
	for i := 0x50; i < 512; i += 4 {
		binary.LittleEndian.PutUint32(h[i:], 0xFFFFFFFF)
	}
	return h
}

const (
	cutShort = "cut short"
	notXML   = "bytes that are not XML"
)

func damagedCases() []Case {
	x := func(name string, data func() []byte, msg string) Case {
		return source(name, KindXLSX, "wbs.xlsx", data, msg)
	}
	o := func(name string, data func() []byte, msg string) Case {
		return source(name, KindODS, "wbs.ods", data, msg)
	}
	whole := func() []byte { return workbook(wbsSheet("")) }
	return []Case{
		// Text read by many cells, stored once. Before: charged once, and
		// this 3 KB file made pmo process 140 MB of text (a 16,384-column
		// one, gigabytes: hours of CPU); now each reference is charged.
		x("xlsx-shared-string-read-700-times", func() []byte {
			rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` + repeat(`<row><c t="s"><v>2</v></c><c><v>46113</v></c></row>`, 700)
			return workbook(map[string]string{"xl/sharedStrings.xml": sst("<si><t>タスク名</t></si><si><t>開始日</t></si><si><t>" + repeat("長", 200_000/3) + "</t></si>"),
				"xl/worksheets/sheet1.xml": sheetHead + `<sheetData>` + rows + `</sheetData></worksheet>`})
		}, overLim+" of 128 MB"),
		// 30 rows of 16,000 cells, all one short shared string: no table.
		// The header scan looked each column up from the row's start once
		// rows were kept encoded — over 127 s of CPU, against 6 s before
		// and after (sheet/rowwalk.go).
		slow(x("xlsx-wide-30x16000", func() []byte {
			return workbook(map[string]string{"xl/sharedStrings.xml": sst("<si><t>" + repeat("長", 10) + "</t></si>"),
				"xl/worksheets/sheet1.xml": sheetHead + `<sheetData>` + repeat(`<row>`+repeat(`<c t="s"><v>0</v></c>`, 16000)+`</row>`, 30) + `</sheetData></worksheet>`})
		}, noTable)),
		// A cell in every other column: each empty header column asked for
		// a centred-across label by decoding its whole row again, which
		// did not end in 9 minutes (3.4 s at 6240d67; sheet/rowwalk.go).
		slow(x("xlsx-wide-gaps-30x16000", func() []byte {
			var b strings.Builder
			for r := 1; r <= 30; r++ {
				fmt.Fprintf(&b, `<row r="%d">`, r)
				for c := 1; c <= 16000; c += 2 {
					fmt.Fprintf(&b, `<c r="%s%d" t="s"><v>0</v></c>`, diag.ColumnName(c), r)
				}
				b.WriteString(`</row>`)
			}
			return workbook(map[string]string{"xl/sharedStrings.xml": sst("<si><t>" + repeat("長", 10) + "</t></si>"),
				"xl/worksheets/sheet1.xml": sheetHead + `<sheetData>` + b.String() + `</sheetData></worksheet>`})
		}, noTable)),
		o("ods-repeated-row-text", func() []byte {
			doc := bytes.Replace(odsWBS(""), []byte(`</table:table-row><table:table-row>`), []byte(`</table:table-row><table:table-row table:number-rows-repeated="1000">`), 1)
			return odsContent(bytes.Replace(doc, []byte("設計"), []byte(repeat("長", 150_000/3)), 1))
		}, overLim+" of 128 MB"),
		// Before: "not a valid .xlsx file (the zip container is damaged):
		// zip: not a valid zip file", as if it were some other file.
		x("xlsx-zip-cut-10", func() []byte { return cut(whole(), 10) }, "not a valid .xlsx file: it is "+cutShort),
		x("xlsx-zip-cut-50", func() []byte { return cut(whole(), 50) }, "not a valid .xlsx file: it is "+cutShort),
		x("xlsx-zip-cut-99", func() []byte { return cut(whole(), 99) }, "not a valid .xlsx file: it is "+cutShort),
		x("xlsx-zip-cut-in-end-record", func() []byte { d := whole(); return d[:len(d)-10] }, "not a valid .xlsx file: it is "+cutShort),
		// Before: read as an empty sheet ("no table"; in a book of several
		// sheets, the sheet silently missing).
		x("xlsx-sheet-part-blank", func() []byte { return workbook(map[string]string{"xl/worksheets/sheet1.xml": "\n"}) }, "wbs.xlsx!WBS: the sheet ends before its XML is closed, before its first row"),
		x("xlsx-sheet-part-missing", func() []byte { return workbook(map[string]string{"xl/worksheets/sheet1.xml": ""}) }, "refers to xl/worksheets/sheet1.xml, which is missing from the file"),
		// Parts that are valid XML but point at what is not there. Before:
		// "workbook has no worksheets", a second sheet silently left out,
		// a sheet read as empty ("no table").
		x("xlsx-no-workbook-rels", func() []byte { return workbook(map[string]string{"xl/_rels/workbook.xml.rels": ""}) }, `wbs.xlsx!WBS: the workbook lists this sheet, but its relationship "rId1" is not in xl/_rels/workbook.xml.rels`),
		x("xlsx-sheet-rel-missing", func() []byte {
			parts := wbsSheet("")
			parts["xl/workbook.xml"] = strings.Replace(workbookXML, "</sheets>", `<sheet name="課題" sheetId="2" r:id="rId9"/></sheets>`, 1)
			return workbook(parts)
		}, `wbs.xlsx!課題: the workbook lists this sheet, but its relationship "rId9"`),
		x("xlsx-sheet-leads-to-styles", func() []byte {
			return workbook(map[string]string{"xl/_rels/workbook.xml.rels": strings.Replace(workbookRels, "worksheets/sheet1.xml", "styles.xml", 1), "xl/styles.xml": minimalStyles})
		}, "sheet part xl/styles.xml is not a worksheet (its XML is a <styleSheet>)"),
		// Before: "cannot read xl/worksheets/sheet1.xml inside the
		// workbook: flate: corrupt input before offset 40", English only.
		x("xlsx-part-corrupt-deflate", func() []byte { return flipped(whole(), "xl/worksheets/sheet1.xml") }, "does not inflate"),
		// Before: read as the whole sheet, the noise stepped over.
		x("xlsx-noise-between-cells", func() []byte { return workbook(wbsSheet("\x13\x37\xfe\x01\x99\x00noise")) }, "wbs.xlsx!WBS!1: row 1 of the sheet holds "+notXML),
		x("xlsx-noise-tag", func() []byte { return workbook(wbsSheet("<\x13\xfe\x80/>")) }, "wbs.xlsx!WBS!1: row 1 of the sheet holds "+notXML),
		x("xlsx-noise-between-rows", func() []byte {
			return workbook(sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>タスク名</t></is></c></row>` + "\xff\xfe\x00\x01" + `<row r="2"/></sheetData>`))
		}, "wbs.xlsx!WBS!1: the sheet holds "+notXML+" after row 1"),
		// Before: "the zip container is damaged", or for a content.xml
		// that is empty "workbook has no worksheets".
		o("ods-zip-cut-50", func() []byte { return cut(odsContent(odsWBS("")), 50) }, "not a valid .ods file: it is "+cutShort),
		o("ods-zip-cut-5", func() []byte { return cut(odsContent(odsWBS("")), 5) }, "not a valid .ods file: it is "+cutShort),
		o("ods-content-empty", func() []byte { return odsContent(nil) }, "content.xml inside the .ods file ends before its XML is closed: the file is cut short or damaged; save it again from LibreOffice"),
		o("ods-content-declaration-only", func() []byte { return odsContent([]byte(`<?xml version="1.0" encoding="UTF-8"?>`)) }, "content.xml inside the .ods file ends before its XML is closed: the file is cut short or damaged; save it again from LibreOffice"),
		o("ods-content-cut-in-tag", func() []byte { return odsContent(cut(odsWBS(""), 60)) }, "content.xml inside the .ods file ends before its XML is closed: the file is cut short or damaged; save it again from LibreOffice"),
		o("ods-content-corrupt-deflate", func() []byte { return flipped(odsContent(odsWBS("")), "content.xml") }, "content.xml inside the .ods file does not inflate"),
		o("ods-noise-between-cells", func() []byte { return odsContent(odsWBS("\x13\x37garbage\xfe")) }, "wbs.ods!WBS!2: row 2 of the sheet holds "+notXML),
		o("ods-nested-100k", func() []byte { return odsContent(odsWBS(repeat("<a>", 100_000) + repeat("</a>", 100_000))) }, overLim+" of 256"),
		// Shift_JIS with bytes it cannot carry. Before: "cannot tell the
		// text encoding" naming no line; and with encoding: shift_jis the
		// task read as "��" with no word.
		source("csv-sjis-bad-bytes", KindCSV, "wbs.csv", func() []byte { return sjisWBS() }, "wbs.csv:4: cannot tell the text encoding: line 4"),
		{Name: "csv-sjis-forced-bad-bytes", Kind: KindCSV, Files: func() map[string][]byte {
			return map[string][]byte{"project.yaml": append(Project("wbs.csv"), "    encoding: shift_jis\n"...), "wbs.csv": sjisWBS()}
		}, Args: report(), Exit: 2, Message: "wbs.csv:4: line 4 is not valid Shift_JIS", File: "wbs.csv"},
		// Before: "an OLE compound file that is not an Excel workbook".
		source("xls-cut-after-header", KindXLSX, "wbs.xls", cfbHeaderOnly, "the file is "+cutShort),
	}
}

// sjisWBS is a Shift_JIS WBS whose fourth line holds bytes Shift_JIS
// cannot decode (a lead byte without its trail, an unassigned pair).
func sjisWBS() []byte {
	// "WBS,タスク名,開始予定,終了予定,進捗率" and two tasks, 設計 and 製造.
	head := "WBS,\x83^\x83X\x83N\x96\xbc,\x8aJ\x8en\x97\\\x92\xe8,\x8fI\x97\xb9\x97\\\x92\xe8,\x90i\x92\xbb\x97\xa6\n"
	rows := "1,\x90\xdd\x8cv,2026-01-05,2026-02-27,50\n2,\x90\xbb\x91\xa2,2026-03-02,2026-06-30,0\n"
	return []byte(head + rows + "3,\x82\xff\x85\x40,2026-07-01,2026-08-31,0\n")
}
