package sheet_test

// OpenDocument spreadsheets written by hand from the OpenDocument 1.3
// schema: what LibreOffice's own export may not show (a value repeated
// over rows, a million empty repeated rows, annotations, row groups).

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/sheet"
)

// odsFile zips a content.xml (and a styles.xml) the way OpenDocument
// packages start: the mimetype entry first and stored.
func odsFile(t *testing.T, content, styles string) []byte {
	t.Helper()
	return odsWith(t, content, "styles.xml", styles)
}

// odsWith zips content.xml and one more part.
func odsWith(t *testing.T, content, part, body string) []byte {
	t.Helper()
	styles := body
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	for name, body := range map[string]string{"content.xml": content, part: styles} {
		if body == "" {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const odsHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">`

func TestODSHandWritten(t *testing.T) {
	t.Parallel()
	content := odsHead + `
<office:automatic-styles>
 <number:date-style style:name="N36"><number:year/><number:text>/</number:text><number:month/></number:date-style>
 <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Indented" style:data-style-name="N36"/>
 <style:style style:name="ce2" style:family="table-cell"><style:table-cell-properties fo:background-color="#4472c4"/></style:style>
 <style:style style:name="ce3" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffffff"/></style:style>
 <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
 <table:table table:name="WBS &amp; 日程">
  <table:table-column table:number-columns-repeated="3"/>
  <table:table-column table:visibility="collapse"/>
  <table:table-column table:number-columns-repeated="16380"/>
  <table:table-row>
   <table:table-cell office:value-type="string"><text:p>タスク名</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>開始日</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>進捗率</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>メモ</text:p></table:table-cell>
  </table:table-row>
  <table:table-row-group>
  <table:table-row table:visibility="collapse">
   <table:table-cell table:style-name="Indented" office:value-type="string"><text:p>要件<text:s text:c="2"/>定義</text:p><text:p>二行目</text:p><office:annotation><text:p>コメントは値ではない</text:p></office:annotation></table:table-cell>
   <table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="2026-04-01"><text:p>2026/4</text:p></table:table-cell>
   <table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell>
   <table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
   <table:table-cell table:style-name="ce2" table:number-columns-repeated="3"/>
   <table:table-cell table:style-name="ce3" table:number-columns-repeated="2"/>
  </table:table-row>
  </table:table-row-group>
  <table:table-row table:number-rows-repeated="2">
   <table:table-cell office:value-type="float" office:value="3" table:number-columns-repeated="2" table:number-columns-spanned="2" table:number-rows-spanned="1"/>
   <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
   <table:table-cell office:value-type="time" office:time-value="PT12H00M00S"><text:p>12:00</text:p></table:table-cell>
  </table:table-row>
  <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
 </table:table>
 <table:table table:name="隠し" table:style-name="ta2">
  <table:table-row><table:table-cell office:value-type="string"><text:p>_x0041_</text:p></table:table-cell></table:table-row>
 </table:table>
</office:spreadsheet></office:body></office:document-content>`
	styles := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
<office:styles><style:style style:name="Indented" style:family="table-cell"><style:paragraph-properties fo:margin-left="0.706cm"/></style:style></office:styles>
</office:document-styles>`
	// Named .xlsx on purpose: the content decides the format.
	bk, err := sheet.Parse("team.xlsx", odsFile(t, content, styles), sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bk.Sheets) != 2 || bk.Sheets[0].Name != "WBS & 日程" || bk.Sheets[0].Hidden || !bk.Sheets[1].Hidden {
		t.Fatalf("sheets %+v", bk.Sheets)
	}
	g := bk.Sheets[0]
	got := map[string]string{}
	for i, r := range g.Rows {
		for _, c := range g.RowCells(i) {
			got[diag.ColumnName(int(c.Col))+strconv.Itoa(r.Num)] = describe(g, c)
		}
	}
	want := map[string]string{
		"A1": "s:タスク名", "B1": "s:開始日", "C1": "s:進捗率", "D1": "s:メモ",
		"A2": "s:要件  定義\n二行目 indent2", "B2": "n:46113 date indent2", "C2": "n:0.25 percent", "D2": "e:#DIV/0! formula",
		"A3": "n:3", "B3": "n:3", "C3": "b:1", "D3": "n:0.5",
		"A4": "n:3", "B4": "n:3", "C4": "b:1", "D4": "n:0.5",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d cells, want %d: %v", len(got), len(want), got)
	}
	if n := g.MaxRow(); n != 4 {
		t.Errorf("last row %d: a million repeated empty rows must not be stored", n)
	}
	r2 := g.Rows[1]
	if !r2.Hidden || r2.Outline != 1 || g.Rows[2].Outline != 0 {
		t.Errorf("row 2 hidden=%v outline=%d; row 3 outline %d", r2.Hidden, r2.Outline, g.Rows[2].Outline)
	}
	if fills := g.RowFills(1); len(fills) != 3 || fills[0].Col != 5 || fills[2].Col != 7 || fills[0].Fill == 0 {
		t.Errorf("row 2 fills %+v, want E:G coloured and the white ones left out", fills)
	}
	if !g.HiddenCols[4] || g.HiddenCols[3] {
		t.Errorf("hidden columns %v, want D", g.HiddenCols)
	}
	wantMerges := []sheet.Range{{Row1: 3, Col1: 1, Row2: 3, Col2: 2}, {Row1: 3, Col1: 2, Row2: 3, Col2: 3}, {Row1: 4, Col1: 1, Row2: 4, Col2: 2}, {Row1: 4, Col1: 2, Row2: 4, Col2: 3}}
	if len(g.Merges) < 1 || g.Merges[0] != wantMerges[0] {
		t.Errorf("merges %v, want the span A3:B3 first", g.Merges)
	}
	if s := bk.Sheets[1].Cell(1, 1).Str; s != "_x0041_" {
		t.Errorf("OpenDocument text %q: _xHHHH_ is an OOXML escape only", s)
	}
}

// TestODSNullDate reads a sheet whose null date is 1904-01-01 (a file
// from Excel for Mac): a number shown as a date counts from 1904, a date
// value is the day it names.
func TestODSNullDate(t *testing.T) {
	t.Parallel()
	content := odsHead + `<office:automatic-styles><number:date-style style:name="N1"><number:year/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>
<office:body><office:spreadsheet><table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>
<table:table table:name="WBS"><table:table-row>
<table:table-cell office:value-type="string"><text:p>タスク名</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>開始日</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>終了日</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>設計</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2026-04-01"/><table:table-cell table:style-name="ce1" office:value-type="float" office:value="44653"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`
	res := readBytes(t, "mac.ods", odsFile(t, content, ""), sheet.Options{})
	tasks := res.Tasks()
	if len(tasks) != 1 || tasks[0].PlannedStart.String() != "2026-04-01" || tasks[0].PlannedFinish.String() != "2026-04-03" {
		t.Fatalf("tasks %+v", tasks)
	}
}

func TestODSRefused(t *testing.T) {
	t.Parallel()
	table := func(rows string) string {
		return odsHead + `<office:body><office:spreadsheet><table:table table:name="S">` + rows + `</table:table></office:spreadsheet></office:body></office:document-content>`
	}
	bomb := table(`<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>`)
	var deep strings.Builder
	deep.WriteString(odsHead + `<office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>`)
	for range 300 {
		deep.WriteString("<text:span>")
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a value repeated over 16 billion cells", odsFile(t, bomb, ""), "limit"},
		{"nested spans", odsFile(t, deep.String(), ""), "nesting"},
		{"no content.xml", odsFile(t, "", ""), "no content.xml"},
		{"password-protected", odsWith(t, table(""), "META-INF/manifest.xml", `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>`), "password-protected"},
		{"truncated", odsFile(t, table(`<table:table-row><table:table-cell office:value-type="string"><text:p>a`), "")[:200], "cut short"},
		{"a text document", func() []byte {
			b := odsFile(t, table(""), "")
			return bytes.Replace(b, []byte("opendocument.spreadsheet"), []byte("opendocument.text\x00\x00\x00\x00\x00\x00\x00"), 1)
		}(), "not a spreadsheet"},
	}
	for _, c := range cases {
		_, err := sheet.Parse("team.ods", c.data, sheet.OpenOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "team.ods") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line naming team.ods with %q", c.name, err, c.want)
		}
	}
}
