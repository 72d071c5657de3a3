// Package hostile generates pmo's hostile-input corpus: damaged, oversized
// and malicious team sheets, CSV files, project and portfolio YAML, fonts
// and special files (named pipes, devices, links). Each case is built in
// memory or in a fresh folder — nothing binary is committed — and says how
// pmo must answer it: the exit code and a one-line message naming the
// file. The corpus test runs each case through the pmo binary; the fuzz
// targets of the readers and YAML loaders are seeded from Seeds.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Kinds of case, by the reader they attack.
const (
	KindXLSX      = "xlsx"
	KindCSV       = "csv"
	KindYAML      = "yaml"
	KindPortfolio = "portfolio"
	KindFont      = "font"
	KindOut       = "out" // the output folder
)

// Case is one hostile input and the answer pmo owes it.
type Case struct {
	Name string
	Kind string
	// Files makes the files written into the case's folder before it
	// runs, by name. It is a function so that only the case being run is
	// held in memory (big cases are tens of MB).
	Files func() map[string][]byte
	// Setup makes what Files cannot: pipes, links, sparse files.
	Setup func(dir string) error
	// Args are pmo's arguments, run in the case's folder.
	Args []string
	// Exit is the exit code; Message is part of the one line on stderr,
	// which must also name File (empty for the memory case: running out is
	// not the fault of one file).
	Exit    int
	Message string
	File    string
	// Env is added to pmo's environment.
	Env []string
	// Slow marks the cases that take pmo a second or more (millions of
	// cells or strings): the fuzz seeds leave them out.
	Slow bool
	// Writes is set for the one case whose run writes outputs by design
	// (a batch reports a failed project in its portfolio).
	Writes bool
	// Output marks the hostile but readable cases: the run must write
	// workbooks, and each must be free of what makes Excel repair a file.
	Output bool
}

// Project returns a project definition reading source (a file name).
func Project(source string) []byte {
	return []byte(`version: 1
project:
  id: hostile
  name: hostile
  pm: a
  start: 2026-01-05
  end: 2026-12-25
sources:
  - file: ` + source + "\n")
}

// report is how a source or project case is run: build the outputs, so
// "nothing written" is checked where pmo writes.
func report(extra ...string) []string {
	return append([]string{"report", "project.yaml", "-o", "out", "--lang", "en"}, extra...)
}

// source wraps a hostile team file as a case of a project reading it.
func source(name, kind, file string, data func() []byte, msg string) Case {
	return Case{Name: name, Kind: kind, Files: func() map[string][]byte { return map[string][]byte{"project.yaml": Project(file), file: data()} },
		Args: report(), Exit: 2, Message: msg, File: file}
}

// Cases returns the whole corpus, in a fixed order.
func Cases() []Case {
	var cs []Case
	cs = append(cs, xlsxCases()...)
	cs = append(cs, csvCases()...)
	cs = append(cs, otherReaderCases()...)
	cs = append(cs, damagedCases()...)
	cs = append(cs, yamlCases()...)
	cs = append(cs, specialCases()...)
	cs = append(cs, outputCases()...)
	return cs
}

// Seeds returns the bytes of every case's main file of a kind, for the
// fuzz targets' corpora.
func Seeds(kind string) [][]byte {
	var out [][]byte
	for _, c := range Cases() {
		if c.Kind != kind || c.Slow {
			continue
		}
		if c.Files == nil {
			continue
		}
		if data, ok := c.Files()[c.File]; ok && len(data) < 64<<10 {
			out = append(out, data) // the big ones say nothing more to a fuzzer
		}
	}
	return out
}

// Workbook parts, minimal and valid; cases replace some of them.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	rootRels     = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookXML  = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="WBS" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	sheetHead    = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	// memo is sheet data that holds no table: a hostile file that gets past
	// the limits still ends in "no table", never in outputs.
	memo = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>memo</t></is></c></row></sheetData>`
)

// workbook zips the default parts with parts replaced or added.
func workbook(parts map[string]string) []byte {
	all := map[string]string{
		"[Content_Types].xml":        contentTypes,
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            workbookXML,
		"xl/_rels/workbook.xml.rels": workbookRels,
		"xl/worksheets/sheet1.xml":   sheetHead + memo + `</worksheet>`,
	}
	for k, v := range parts {
		if v == "" {
			delete(all, k)
			continue
		}
		all[k] = v
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, name := range sortedKeys(all) {
		w, err := zw.Create(name)
		if err == nil {
			_, err = io.WriteString(w, all[name])
		}
		if err != nil {
			panic(err) // writing to memory does not fail
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// sheet is a worksheet part with body between the head and the end tag.
func sheet(body string) map[string]string {
	return map[string]string{"xl/worksheets/sheet1.xml": sheetHead + body + `</worksheet>`}
}

// rawPart zips the default parts and the worksheet as raw deflate data
// whose header declares size bytes: the zip can lie about its sizes.
func rawPart(content []byte, size uint64) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write(content)
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := zw.Create(name)
		io.WriteString(w, map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": rootRels, "xl/workbook.xml": workbookXML, "xl/_rels/workbook.xml.rels": workbookRels}[name])
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
	if err != nil {
		panic(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return b.Bytes()
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// Messages of the answers, as they appear in English.
const (
	noTable  = "cannot find a table"
	overLim  = "over pmo's limit"
	notValid = "not a valid .xlsx"
)

func xlsxCases() []Case {
	x := func(name string, parts func() map[string]string, msg string) Case {
		return source(name, KindXLSX, "wbs.xlsx", func() []byte { return workbook(parts()) }, msg)
	}
	bytesCase := func(name string, data func() []byte, msg string) Case {
		return source(name, KindXLSX, "wbs.xlsx", data, msg)
	}
	return []Case{
		bytesCase("xlsx-empty", func() []byte { return nil }, "file is empty"),
		bytesCase("xlsx-truncated-zip", func() []byte { return []byte("PK\x03\x04 not really a zip") }, notValid),
		bytesCase("xlsx-text", func() []byte { return []byte("タスク名,開始日\n設計,2026-04-01\n") }, "plain text"),
		bytesCase("xlsx-random-binary", func() []byte { return bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x37}, 4096) }, "not a zip"),
		x("xlsx-no-workbook", func() map[string]string { return map[string]string{"xl/workbook.xml": ""} }, "no xl/workbook.xml"),
		x("xlsx-word-document", func() map[string]string { return map[string]string{"word/document.xml": "<w/>"} }, "Word document"),
		x("xlsx-no-sheets", func() map[string]string {
			return map[string]string{"xl/workbook.xml": `<workbook><sheets/></workbook>`}
		}, "no worksheets"),
		x("xlsx-zip-slip-names", func() map[string]string { return map[string]string{"../../evil.xml": "<x/>", "/etc/passwd": "root"} }, noTable),
		// The escaping target is never read from the disk; inside the zip
		// it names no part, and a sheet whose part is missing is damage
		// (it used to read as an empty sheet: "no table").
		x("xlsx-rels-escape", func() map[string]string {
			return map[string]string{"xl/_rels/workbook.xml.rels": strings.Replace(workbookRels, "worksheets/sheet1.xml", "../../../../etc/passwd", 1)}
		}, "missing from the file"),
		// Declared past limits.PartBytes (2 GB): refused before inflating.
		bytesCase("xlsx-declared-3GB", func() []byte { return rawPart([]byte(sheetHead+memo+`</worksheet>`), 3<<30) }, "would inflate"),
		// Declared 1 GB, within the limit, holding a few bytes: the lie is
		// found when the part ends early.
		bytesCase("xlsx-declared-1GB", func() []byte { return rawPart([]byte(sheetHead+memo+`</worksheet>`), 1<<30) }, "inside the workbook"),
		// A zip directory said to be 9 MB: refused before it is read (an
		// .xlsx is read in place; zip.NewReader holds the directory whole).
		bytesCase("xlsx-zip-directory-9MB", func() []byte {
			b := workbook(sheet(memo))
			i := bytes.LastIndex(b, []byte("PK\x05\x06"))
			binary.LittleEndian.PutUint32(b[i+12:], 9<<20)
			return b
		}, overLim+" of 8 MB"),
		bytesCase("xlsx-size-lie", func() []byte {
			return rawPart([]byte(sheetHead+`<sheetData>`+repeat("<row/>", 2<<20)+`</sheetData></worksheet>`), 4096)
		}, "inside the workbook"),
		// The same lie about a part large enough to be inflated ahead of
		// the reader (sheet/readahead.go): the error still comes after
		// the bytes before it.
		slow(bytesCase("xlsx-size-lie-large", func() []byte {
			return rawPart([]byte(sheetHead+`<sheetData>`+repeat("<row/>", 2<<20)+`</sheetData></worksheet>`), 5<<20)
		}, "inside the workbook")),
		x("xlsx-merge-overflow", func() map[string]string {
			return sheet(memo + `<mergeCells><mergeCell ref="C50:D9223372036854775807"/><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A9223372036854775807:B2"/></mergeCells>`)
		}, noTable),
		slow(x("xlsx-merges-2000x19000", func() map[string]string { return sheet(memo + `<mergeCells>` + merges2000() + `</mergeCells>`) }, overLim+" of 2,000,000")),
		x("xlsx-merged-cells-at-limit", func() map[string]string {
			return sheet(memo + `<mergeCells>` + merges(100) + `</mergeCells>`)
		}, noTable),
		memoryCase(),
		slow(x("xlsx-merges-100001", func() map[string]string {
			return sheet(memo + `<mergeCells>` + repeat(`<mergeCell ref="A1:A1"/>`, 100_001) + `</mergeCells>`)
		}, overLim+" of 100,000")),
		x("xlsx-col-max-int64", func() map[string]string {
			return sheet(`<cols><col min="1" max="9223372036854775807" hidden="1"/></cols>` + memo)
		}, noTable),
		x("xlsx-col-near-max", func() map[string]string {
			return sheet(`<cols><col min="9223372036854775000" max="9223372036854775807" hidden="1"/><col min="-5" max="-1" hidden="1"/></cols>` + memo)
		}, noTable),
		slow(x("xlsx-shared-strings-5M", func() map[string]string {
			return map[string]string{"xl/sharedStrings.xml": sst(repeat("<si/>", 5_000_000))}
		}, overLim+" of 4,000,000")),
		x("xlsx-text-node-3MB", func() map[string]string {
			return map[string]string{"xl/sharedStrings.xml": sst("<si><t>" + repeat("あ", 1<<20) + "</t></si>")}
		}, overLim+" of 1 MB"),
		x("xlsx-cell-text-runs", func() map[string]string {
			return map[string]string{"xl/sharedStrings.xml": sst("<si>" + repeat("<r><t>"+repeat("x", 1000)+"</t></r>", 300) + "</si>")}
		}, overLim+" of 256 KB"),
		x("xlsx-inline-text-runs", func() map[string]string {
			return sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is>` + repeat("<t>"+repeat("y", 1000)+"</t>", 300) + `</is></c></row></sheetData>`)
		}, overLim+" of 256 KB"),
		// 3 M cells are within limits.GridCells: read, kept in some 6 MB.
		slow(x("xlsx-cells-3M", func() map[string]string {
			return sheet(`<sheetData>` + repeat(`<row>`+repeat(`<c><v>1</v></c>`, 1000)+`</row>`, 3001) + `</sheetData>`)
		}, noTable)),
		// One row written 1.2 M times: every copy is kept until the rows
		// are sorted, so each counts against limits.BookRows.
		slow(x("xlsx-rows-1.2M", func() map[string]string {
			return sheet(`<sheetData>` + repeat(`<row r="1"><c><v>1</v></c></row>`, 1_200_001) + `</sheetData>`)
		}, overLim+" of 1,200,000")),
		x("xlsx-xml-depth", func() map[string]string { return sheet(repeat("<a>", 300) + repeat("</a>", 300) + memo) }, overLim+" of 256"),
		x("xlsx-unclosed-tag", func() map[string]string { return sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"`) }, "cut short or damaged"),
		x("xlsx-row-past-grid", func() map[string]string {
			return sheet(`<sheetData><row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>`)
		}, "past Excel's last row"),
		x("xlsx-row-huge-number", func() map[string]string {
			return sheet(`<sheetData><row r="99999999999999999999999"><c><v>1</v></c></row></sheetData>`)
		}, "past Excel's last row"),
		x("xlsx-col-letters-overflow", func() map[string]string {
			return sheet(`<sheetData><row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"><v>1</v></c><c r="ZZZZZZ1"><v>2</v></c></row></sheetData>`)
		}, noTable),
		slow(x("xlsx-styles-70000", func() map[string]string { return map[string]string{"xl/styles.xml": styles70k()} }, overLim+" of 65,536")),
		slow(x("xlsx-numfmts-70000", func() map[string]string { return map[string]string{"xl/styles.xml": fmts70k()} }, overLim+" of 65,536")),
		x("xlsx-outline-indent-huge", func() map[string]string {
			return map[string]string{
				"xl/styles.xml":            `<styleSheet><cellXfs><xf numFmtId="0"><alignment indent="9223372036854775807"/></xf></cellXfs></styleSheet>`,
				"xl/worksheets/sheet1.xml": sheetHead + `<sheetData><row r="1" outlineLevel="9223372036854775807"><c r="A1" s="0" t="inlineStr"><is><t>memo</t></is></c></row></sheetData></worksheet>`,
			}
		}, noTable),
		// A shared-string index outside the table: the cell's text is lost.
		// It used to read as an empty cell ("no table" here, silently a
		// blank task name in a real sheet); Excel refuses the file until it
		// has repaired it, so pmo refuses it naming the cell.
		x("xlsx-bad-shared-index", func() map[string]string {
			return sheet(`<sheetData><row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>99999999999</v></c><c r="C1" s="-7"><v>1</v></c></row></sheetData>`)
		}, `wbs.xlsx!WBS!A1: the cell refers to shared string "-1"`),
		x("xlsx-billion-laughs", func() map[string]string {
			return sheet(`<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>` + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&d;&d;&d;</t></is></c></row></sheetData>`)
		}, noTable),
		slow(x("xlsx-empty-rows-after-wide-row", func() map[string]string {
			return sheet(`<sheetData>` + wideRow() + repeat("<row></row>", 200_000) + `</sheetData>`)
		}, noTable)),
		slow(x("xlsx-one-part-many-sheets", func() map[string]string {
			return map[string]string{
				// 3,000 sheets of 10,100 cells each: over limits.GridCells
				// (24 M) at the 2,377th, in 150 KB of XML read again and again.
				"xl/workbook.xml":          `<workbook xmlns:r="r"><sheets>` + repeatSheets(3000) + `</sheets></workbook>`,
				"xl/worksheets/sheet1.xml": sheetHead + `<sheetData>` + repeat(`<row>`+repeat(`<c><v>1</v></c>`, 100)+`</row>`, 100) + `</sheetData></worksheet>`,
			}
		}, overLim)),
		// A comment or CDATA section the part ends in: cut short (it used to
		// say "malformed XML", which did not tell the file is incomplete).
		x("xlsx-comment-unclosed", func() map[string]string { return sheet(`<!-- never closed ` + repeat("x", 4096)) }, "cut short or damaged"),
		x("xlsx-cdata-unclosed", func() map[string]string {
			return sheet(`<sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[` + repeat("z", 4096))
		}, "cut short or damaged"),
		x("xlsx-control-characters", func() map[string]string {
			return sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#27;]0;pwned&#7;_x001B_[2J</t></is></c></row></sheetData>`)
		}, noTable),
		bytesCase("xlsx-ole-word", func() []byte { return ole("WordDocument") }, "Word document"),
		bytesCase("xlsx-ole-encrypted", func() []byte { return ole("EncryptionInfo") }, "password-protected"),
		bytesCase("xlsx-ole-unknown", func() []byte { return ole("Something") }, "OLE compound file"),
	}
}

// merges2000 is 2,000 disjoint merges of 19,000 cells: each under the
// per-merge cap, 38 M cells together.
func merges2000() string { return merges(2000) }

// merges is n disjoint merges of 19,000 cells.
func merges(n int) string {
	var b strings.Builder
	for i := range n {
		r := 1 + i*19
		fmt.Fprintf(&b, `<mergeCell ref="A%d:ALL%d"/>`, r, r+18)
	}
	return b.String()
}

func styles70k() string {
	return `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>` +
		repeat(`<xf numFmtId="0"/>`, 70_000) + `</cellXfs></styleSheet>`
}

func fmts70k() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>`)
	for i := range 70_000 {
		fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="0"/>`, 200+i)
	}
	b.WriteString(`</numFmts></styleSheet>`)
	return b.String()
}

func sst(body string) string {
	return `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + body + `</sst>`
}

func wideRow() string {
	return `<row r="1">` + repeat(`<c t="inlineStr"><is><t>x</t></is></c>`, 16384) + `</row>`
}

// repeatSheets lists n sheets all pointing at the one worksheet part.
func repeatSheets(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `<sheet name="S%d" sheetId="%d" r:id="rId1"/>`, i, i+1)
	}
	return b.String()
}

// ole is an OLE compound-file header followed by a stream name.
func ole(stream string) []byte {
	b := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	b = append(b, make([]byte, 504)...)
	for _, r := range stream {
		b = append(b, byte(r), 0)
	}
	return b
}

func csvCases() []Case {
	c := func(name string, data func() []byte, msg string) Case {
		return source(name, KindCSV, "wbs.csv", data, msg)
	}
	return []Case{
		c("csv-empty", func() []byte { return nil }, "file is empty"),
		c("csv-nul-bytes", func() []byte { return []byte("a,b\n\x00\x00\x00") }, "binary data"),
		c("csv-undecodable", func() []byte { return []byte("\xff\xfe\xfd,\x81\x00") }, noTable), // a UTF-16 BOM
		c("csv-not-utf8-not-sjis", func() []byte { return []byte("a,b\n\xff\xff\xff\xff\n") }, "cannot tell the text encoding"),
		c("csv-line-2MB", func() []byte { return []byte("a,b\n" + repeat("x", 2<<20) + "\n") }, overLim+" of 1 MB"),
		c("csv-open-quote-2MB", func() []byte { return []byte("a,b\n\"" + repeat("y\n", 1<<20)) }, overLim+" of 1 MB"),
		c("csv-fields-20000", func() []byte { return []byte(repeat("a,", 19999) + "a\n") }, overLim+" of 16,384"),
		slow(c("csv-cells-3M", func() []byte { return []byte(repeat(repeat("1,", 999)+"1\n", 3100)) }, overLim+" of 3,000,000")),
		c("csv-bom-only", func() []byte { return []byte("\xEF\xBB\xBF") }, "no data"),
		c("csv-only-delimiters", func() []byte { return []byte(repeat(repeat(",", 1000)+"\n", 1000)) }, "no data"),
		c("csv-utf16-odd", func() []byte { return []byte("\xFF\xFEa\x00,\x00b") }, noTable),
		c("csv-cr-only", func() []byte { return []byte(repeat("\r", 1<<20)) }, "no data"),
		c("csv-control-characters", func() []byte { return []byte("\x1b]0;pwned\x07,\x1b[2J\nx,y\n") }, noTable),
		c("csv-quotes-storm", func() []byte { return []byte(repeat(`"""",`, 100_000) + "\n") }, overLim+" of 16,384"),
		findingsFlood(),
	}
}

// findingsFlood is a 50,000-row WBS whose every row has a date, a progress
// and a status pmo cannot read: 150,000 findings of three rules. Each rule
// lists diag.FindingsPerRule of them and counts the rest into one finding,
// as they are made, so the report is written within 200 MB (it peaked at
// 309 MB listing every one; a full-height sheet at 3.4 GB) and still says
// all 150,000 errors.
func findingsFlood() Case {
	c := source("csv-findings-flood", KindCSV, "wbs.csv", func() []byte {
		var b strings.Builder
		b.WriteString("WBS,タスク名,開始日,終了日,進捗率,状況\n")
		for i := range 50_000 {
			fmt.Fprintf(&b, "%d,作業%d,いつか,そのうち,半分,謎%d\n", i+1, i, i%7)
		}
		return []byte(b.String())
	}, "150000 errors")
	c.Env, c.Exit, c.File, c.Writes, c.Output, c.Slow = []string{"PMO_MEMORY_MAX=200000000"}, 0, "project.yaml", true, true, true
	return c
}

func yamlCases() []Case {
	y := func(name string, data func() []byte, msg string) Case {
		return Case{Name: name, Kind: KindYAML, Files: func() map[string][]byte { return map[string][]byte{"project.yaml": data()} }, Args: report(), Exit: 2, Message: msg, File: "project.yaml"}
	}
	withSource := func(name string, data func() []byte, msg string) Case {
		return Case{Name: name, Kind: KindYAML, Files: func() map[string][]byte {
			return map[string][]byte{"project.yaml": data(), "wbs.csv": []byte("WBS,タスク名,開始予定,終了予定,進捗率\n1,設計,2026-01-05,2026-02-27,50\n")}
		}, Args: report(), Exit: 2, Message: msg, File: "project.yaml"}
	}
	base := string(Project("wbs.csv"))
	laughs := "version: 1\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	return []Case{
		y("yaml-empty", func() []byte { return nil }, "file is empty"),
		y("yaml-comments-only", func() []byte { return []byte("# nothing\n") }, "file is empty"),
		y("yaml-billion-laughs", func() []byte { return []byte(laughs) }, "aliases are not supported"),
		y("yaml-deep-flow", func() []byte { return []byte("version: 1\nx: " + repeat("[", 100_000) + repeat("]", 100_000) + "\n") }, ""),
		y("yaml-deep-block", func() []byte { return []byte("version: 1\nx:\n" + deepBlock(2000)) }, ""),
		y("yaml-tabs", func() []byte { return []byte("version: 1\nproject:\n\tid: x\n") }, "tab is used for indentation"),
		y("yaml-not-utf8", func() []byte { return []byte("version: 1\nproject: \xff\xfe\xfd\x80\n") }, "UTF-8"),
		y("yaml-shift-jis-scalar", func() []byte { return []byte("version: 1\nproject: \x82\xa0\x82\xa2\n") }, "project must be a mapping"),
		y("yaml-nul", func() []byte { return []byte("version: 1\x00\n") }, ""),
		y("yaml-two-documents", func() []byte { return []byte(base + "---\nversion: 1\n") }, "second YAML document"),
		y("yaml-version-2", func() []byte { return []byte(strings.Replace(base, "version: 1", "version: 2", 1)) }, "version must be 1"),
		y("yaml-list", func() []byte { return []byte("- a\n- b\n") }, "must be a mapping"),
		y("yaml-merge-key", func() []byte { return []byte("version: 1\nbase: &b {id: x}\nproject:\n  <<: *b\n") }, "aliases are not supported"),
		y("yaml-long-line", func() []byte { return []byte("version: 1\nproject:\n  name: " + repeat("長", 1<<20) + "\n") }, ""),
		y("yaml-many-keys", func() []byte { return []byte(base + manyKeys(50_000)) }, "unknown key"),
		withSource("yaml-id-con", func() []byte { return []byte(strings.Replace(base, "id: hostile", "id: con", 1)) }, "project.yaml:3:7"),
		withSource("yaml-id-300", func() []byte { return []byte(strings.Replace(base, "id: hostile", "id: "+repeat("a", 300), 1)) }, "project.yaml:3:7"),
		withSource("yaml-file-empty", func() []byte { return []byte(strings.Replace(base, "file: wbs.csv", `file: ""`, 1)) }, "project.yaml:9:11"),
		named(y("yaml-source-missing", func() []byte { return Project("nope.xlsx") }, "file not found"), "nope.xlsx"),
		named(y("yaml-source-etc-passwd", func() []byte { return Project("../../../../../../etc/passwd") }, "unsupported file type"), "etc/passwd"),
	}
}

// deepBlock nests n block mappings.
func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(repeat(" ", i+2) + "k:\n")
	}
	return b.String()
}

// manyKeys is a mapping of n unknown keys under project.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: %d\n", i, i)
	}
	return b.String()
}

// specialCases are files that are not regular ones, oversized sparse
// files, hostile fonts and an output folder with links in it.
func specialCases() []Case {
	fifo := func(name string) func(string) error {
		return func(dir string) error { return mkfifo(filepath.Join(dir, name)) }
	}
	link := func(target, name string) func(string) error {
		return func(dir string) error { return os.Symlink(target, filepath.Join(dir, name)) }
	}
	sparse := func(name string, size int64) func(string) error {
		return func(dir string) error {
			f, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				return err
			}
			if err := f.Truncate(size); err != nil {
				f.Close()
				return err
			}
			return f.Close()
		}
	}
	mkdir := func(name string) func(string) error {
		return func(dir string) error { return os.Mkdir(filepath.Join(dir, name), 0o755) }
	}
	src := func(name, file string, setup func(string) error, msg string) Case {
		return Case{Name: name, Kind: KindCSV, Files: files(map[string][]byte{"project.yaml": Project(file)}), Setup: setup, Args: report(), Exit: 2, Message: msg, File: file}
	}
	proj := func(name string, setup func(string) error, msg string) Case {
		return Case{Name: name, Kind: KindYAML, Setup: setup, Args: report(), Exit: 2, Message: msg, File: "project.yaml"}
	}
	good := map[string][]byte{"project.yaml": Project("wbs.csv"), "wbs.csv": []byte("WBS,タスク名,担当,開始予定,終了予定,進捗率\n1,設計,a,2026-01-05,2026-02-27,50\n2,製造,a,2026-03-02,2026-06-30,0\n")}
	font := func(name string, setup func(string) error, data []byte, msg string) Case {
		fs := map[string][]byte{"project.yaml": good["project.yaml"], "wbs.csv": good["wbs.csv"]}
		if data != nil {
			fs["font.ttf"] = data
		}
		return Case{Name: name, Kind: KindFont, Files: files(fs), Setup: setup, Args: report("--font", "font.ttf"), Exit: 2, Message: msg, File: "font.ttf"}
	}
	out := func(name string, setup func(string) error, file string) Case {
		return Case{Name: name, Kind: KindOut, Files: files(good), Setup: setup, Args: report(), Exit: 2, Message: "symbolic link", File: file}
	}
	return []Case{
		src("source-fifo", "wbs.xlsx", fifo("wbs.xlsx"), "named pipe (FIFO)"),
		src("source-dev-zero", "wbs.csv", link("/dev/zero", "wbs.csv"), "is a device"),
		src("source-dev-urandom", "/dev/urandom", nil, "is a device"),
		src("source-directory", "wbs.xlsx", mkdir("wbs.xlsx"), "is a directory"),
		src("source-sparse-100GB", "wbs.csv", sparse("wbs.csv", 100<<30), overLim+" of 64 MB"),
		src("source-dangling-link", "wbs.csv", link("nowhere.csv", "wbs.csv"), "file not found"),
		proj("project-fifo", fifo("project.yaml"), "named pipe (FIFO)"),
		proj("project-dev-zero", link("/dev/zero", "project.yaml"), "is a device"),
		proj("project-directory", mkdir("project.yaml"), "is a directory"),
		proj("project-sparse-1GB", sparse("project.yaml", 1<<30), overLim+" of 8 MB"),
		font("font-fifo", fifo("font.ttf"), nil, "named pipe (FIFO)"),
		font("font-dev-zero", link("/dev/zero", "font.ttf"), nil, "is a device"),
		font("font-not-truetype", nil, []byte("wOFF not a ttf at all"), "not a TrueType font"),
		font("font-sparse-1GB", sparse("font.ttf", 1<<30), nil, overLim+" of 64 MB"),
		out("out-project-link", func(dir string) error {
			if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
				return err
			}
			return os.Symlink("..", filepath.Join(dir, "out", "hostile"))
		}, "hostile"),
		out("out-file-link", func(dir string) error {
			if err := os.MkdirAll(filepath.Join(dir, "out", "hostile"), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "victim.txt"), []byte("not pmo's"), 0o644); err != nil {
				return err
			}
			return os.Symlink(filepath.Join(dir, "victim.txt"), filepath.Join(dir, "out", "hostile", "tracker.xlsx"))
		}, "tracker.xlsx"),
		out("out-state-link", func(dir string) error {
			if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
				return err
			}
			return os.Symlink("..", filepath.Join(dir, "out", ".pmo"))
		}, ".pmo"),
		// Before, the batch's input hash read the pipe before any check and
		// the run never ended.
		{Name: "batch-source-fifo", Kind: KindPortfolio, Files: files(map[string][]byte{}), Setup: func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "p"), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "p", "project.yaml"), Project("wbs.xlsx"), 0o644); err != nil {
				return err
			}
			return mkfifo(filepath.Join(dir, "p", "wbs.xlsx"))
		}, Args: []string{"batch", ".", "-o", "out", "--lang", "en", "--quiet"}, Exit: 1, Message: "named pipe (FIFO)", File: "wbs.xlsx", Writes: true},
		{Name: "batch-source-dev-zero", Kind: KindPortfolio, Files: files(map[string][]byte{}), Setup: func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "p"), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, "p", "project.yaml"), Project("wbs.csv"), 0o644); err != nil {
				return err
			}
			return os.Symlink("/dev/zero", filepath.Join(dir, "p", "wbs.csv"))
		}, Args: []string{"batch", ".", "-o", "out", "--lang", "en", "--quiet"}, Exit: 1, Message: "is a device", File: "wbs.csv", Writes: true},
		{Name: "portfolio-fifo", Kind: KindPortfolio, Setup: fifo("portfolio.yaml"), Args: []string{"batch", "portfolio.yaml", "-o", "out", "--lang", "en"}, Exit: 2, Message: "named pipe (FIFO)", File: "portfolio.yaml"},
		{Name: "portfolio-aliases", Kind: KindPortfolio, Files: files(map[string][]byte{"portfolio.yaml": []byte("version: 1\nportfolio: &p {name: x}\nprojects: [*p]\n")}), Args: []string{"batch", "portfolio.yaml", "-o", "out", "--lang", "en"}, Exit: 2, Message: "aliases are not supported", File: "portfolio.yaml"},
		{Name: "portfolio-project-fifo", Kind: KindPortfolio, Files: files(map[string][]byte{"portfolio.yaml": []byte("version: 1\nportfolio: {name: x}\nprojects: [p/project.yaml]\noutput: out\n")}), Setup: func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "p"), 0o755); err != nil {
				return err
			}
			return mkfifo(filepath.Join(dir, "p", "project.yaml"))
		}, Args: []string{"batch", "portfolio.yaml", "--lang", "en", "--quiet"}, Exit: 1, Message: "named pipe (FIFO)", File: "project.yaml", Writes: true},
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// files is Files for small cases built at once.
func files(m map[string][]byte) func() map[string][]byte {
	return func() map[string][]byte { return m }
}

// slow is c marked Slow.
func slow(c Case) Case {
	c.Slow = true
	return c
}

// named is c with the file its message names.
func named(c Case, file string) Case {
	c.File = file
	return c
}

// memoryCase reads a workbook within the limits (4 M cells of numbers
// that keep all their 8 bytes: some 36 MB of grid, more at its peak) with
// the hard memory limit set to 30 MB: the run stops with one line and
// exit 3, not the runtime's crash.
func memoryCase() Case {
	c := source("memory-hard-limit", KindXLSX, "wbs.xlsx", func() []byte {
		return workbook(sheet(`<sheetData>` + repeat(`<row>`+repeat(`<c><v>0.1234567890123</v></c>`, 1000)+`</row>`, 4000) + `</sheetData>`))
	}, "out of memory")
	c.Env, c.Exit, c.File, c.Slow = []string{"PMO_MEMORY_MAX=30000000"}, 3, "", true
	return c
}

// KindODS and KindPlan are the OpenDocument and project-plan readers.
const (
	KindODS  = "ods"
	KindPlan = "plan"
)

// ods zips an OpenDocument spreadsheet whose content.xml holds body.
func ods(body string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, _ = zw.Create("content.xml")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="WBS">`+body+`</table:table></office:spreadsheet></office:body></office:document-content>`)
	zw.Close()
	return b.Bytes()
}

// mspdi is an MS Project XML file with body inside Project.
func mspdi(body string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Name>p</Name>` + body + `</Project>`)
}

func otherReaderCases() []Case {
	o := func(name string, data func() []byte, msg string) Case {
		return source(name, KindODS, "wbs.ods", data, msg)
	}
	m := func(name string, data func() []byte, msg string) Case {
		return source(name, KindPlan, "plan.xml", data, msg)
	}
	cell := `<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`
	return []Case{
		o("ods-repeat-bomb", func() []byte {
			return ods(`<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`)
		}, overLim+" of 3,000,000"),
		o("ods-repeat-int64", func() []byte {
			return ods(`<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell table:number-columns-repeated="9223372036854775807" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`)
		}, overLim),
		o("ods-empty-repeat", func() []byte {
			return ods(`<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row>` + cell + `</table:table-row>`)
		}, noTable),
		o("ods-no-content", func() []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
			io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
			zw.Close()
			return b.Bytes()
		}, "content.xml"),
		o("ods-deep", func() []byte { return ods(repeat("<a>", 300) + repeat("</a>", 300)) }, overLim+" of 256"),
		o("ods-text-node-3MB", func() []byte {
			return ods(`<table:table-row><table:table-cell office:value-type="string"><text:p>` + repeat("あ", 1<<20) + `</text:p></table:table-cell></table:table-row>`)
		}, overLim+" of 1 MB"),
		m("mspdi-deep", func() []byte { return mspdi(repeat("<Tasks>", 20000) + repeat("</Tasks>", 20000)) }, "nested more than 256"),
		m("mspdi-huge-name", func() []byte {
			return mspdi(`<Tasks><Task><UID>1</UID><Name>` + repeat("長", 2<<20) + `</Name></Task></Tasks>`)
		}, overLim+" of 256 KB"),
		slow(m("mspdi-many-tasks", func() []byte {
			return mspdi(`<Tasks>` + repeat(`<Task><UID>1</UID></Task>`, 100_001) + `</Tasks>`)
		}, "more than 100000 tasks")),
		m("mspdi-entities", func() []byte {
			return []byte(`<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>&b;&b;</Name></Task></Tasks></Project>`)
		}, "neither MS Project XML"),
		m("mspdi-truncated", func() []byte { return mspdi(`<Tasks><Task><UID>1</UID><Name>x` + repeat(" ", 400))[:300] }, "malformed XML"),
	}
}
