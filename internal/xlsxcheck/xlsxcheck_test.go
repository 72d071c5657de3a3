package xlsxcheck

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// A minimal valid workbook, by part; the cases replace some parts.
var base = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
	"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":     `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="WBS" sheetId="1" r:id="rId1"/><sheet name="課題 一覧" sheetId="2" r:id="rId4"/></sheets>%NAMES%</workbook>`,
	"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
	"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>名前</t></si><si><r><t>期</t></r><r><t>限</t></r><rPh><t>キゲン</t></rPh></si></sst>`,
	"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts>` +
		`<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/></font><font><b/><name val="游ゴシック"/></font>%FONT%</fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders>` +
		`<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf xfId="0"/><xf numFmtId="164" fontId="1" xfId="0"/>%XF%</cellXfs><dxfs count="1"><dxf/></dxfs></styleSheet>`,
	"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:B3"/><sheetViews><sheetView><pane topLeftCell="A2" ySplit="1" state="frozen"/><selection sqref="A2 B3:B4"/></sheetView></sheetViews>` +
		`<cols><col min="1" max="2" width="12"/></cols><sheetData>%ROWS%<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c><c r="B3"><f>A3&amp;"!"</f><v>0</v></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="C5:D6"/>%MERGE%</mergeCells><conditionalFormatting sqref="A2:B9"><cfRule type="expression" dxfId="0" priority="1"><formula>$A2&lt;TODAY()</formula></cfRule></conditionalFormatting>%CF%` +
		`<dataValidations count="1"><dataValidation type="list" sqref="A2:A9" errorTitle="状態"><formula1>"未着手,完了"</formula1></dataValidation>%DV%</dataValidations>` +
		`<hyperlinks><hyperlink ref="A1" location="'課題 一覧'!A1"/><hyperlink ref="B1" r:id="rId9"/>%LINK%</hyperlinks><tableParts count="1"><tablePart r:id="rId2"/></tableParts>` +
		`<extLst><ext uri="{x}"><x14:conditionalFormattings xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormatting><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">not a ref</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`,
	"xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`,
	"xl/tables/table1.xml":                `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T1" displayName="%TNAME%" ref="A1:B3"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="名前"/><tableColumn id="2" name="%TCOL%"/></tableColumns></table>`,
	"xl/worksheets/sheet2.xml":            `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
	"xl/charts/chart1.xml":                `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:ser><c:val><c:numRef><c:f>%CHART%</c:f></c:numRef></c:val></c:ser></c:chartSpace>`,
}

var defaults = map[string]string{"%TNAME%": "Tasks", "%TCOL%": "期限", "%CHART%": "'課題 一覧'!$B$2:$B$9", "%NAMES%": `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">WBS!$1:$2,WBS!$A:$A</definedName><definedName name="Owners">'課題 一覧'!$A$1:$A$4</definedName></definedNames>`}

func build(t *testing.T, subst map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
		"xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/tables/table1.xml", "xl/worksheets/sheet2.xml", "xl/charts/chart1.xml"} {
		part := base[name]
		if v, ok := subst["part:"+name]; ok {
			if v == "" {
				continue
			}
			part = v
		}
		for k, v := range subst {
			part = strings.ReplaceAll(part, k, v)
		}
		for k, v := range defaults {
			part = strings.ReplaceAll(part, k, v)
		}
		for _, k := range []string{"%ROWS%", "%MERGE%", "%CF%", "%DV%", "%LINK%", "%FONT%", "%XF%"} {
			part = strings.ReplaceAll(part, k, "")
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCleanWorkbook(t *testing.T) {
	ps, err := Bytes(build(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Errorf("unexpected: %s", p)
	}
}

// TestFinds makes one defect at a time in the clean workbook and checks
// the checker names it.
func TestFinds(t *testing.T) {
	long := strings.Repeat("あ", MaxCellChars+1)
	cases := []struct {
		name  string
		subst map[string]string
		want  string
	}{
		{"sheet name too long", map[string]string{`name="WBS"`: `name="` + strings.Repeat("工", 32) + `"`}, "sheet name of 32 characters"},
		{"sheet name with slash", map[string]string{`name="WBS"`: `name="WBS/1"`}, `contains one of []:*?/\`},
		{"sheet names equal ignoring case", map[string]string{`name="課題 一覧"`: `name="wbs"`}, "used twice"},
		{"sheet name History", map[string]string{`name="WBS"`: `name="History"`}, "reserved"},
		{"defined name twice", map[string]string{"%NAMES%": `<definedNames><definedName name="Owners">WBS!$A$1</definedName><definedName name="OWNERS">WBS!$A$2</definedName></definedNames>`}, "twice in the same scope"},
		{"defined name unknown sheet", map[string]string{"%NAMES%": `<definedNames><definedName name="x">Gone!$A$1</definedName></definedNames>`}, `names sheet "Gone"`},
		{"defined name unquoted space", map[string]string{"%NAMES%": `<definedNames><definedName name="x">課題 一覧!$A$1</definedName></definedNames>`}, "must be quoted"},
		{"defined name bad scope", map[string]string{"%NAMES%": `<definedNames><definedName name="x" localSheetId="5">WBS!$A$1</definedName></definedNames>`}, "localSheetId 5"},
		{"list validation too long", map[string]string{"%DV%": `<dataValidation type="list" sqref="B2"><formula1>"` + strings.Repeat("あ,", 128) + `"</formula1></dataValidation>`}, "256 characters, Excel's limit is 255"},
		{"validation title too long", map[string]string{"%DV%": `<dataValidation type="list" sqref="B2" promptTitle="` + strings.Repeat("x", 33) + `"><formula1>"a"</formula1></dataValidation>`}, "promptTitle of 33"},
		{"validation bad range", map[string]string{"%DV%": `<dataValidation type="list" sqref="B0"><formula1>"a"</formula1></dataValidation>`}, "not a valid range"},
		{"conditional format bad range", map[string]string{"%CF%": `<conditionalFormatting sqref="A1:XFE2"><cfRule type="expression" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>`}, "not a valid range"},
		{"conditional format reversed range", map[string]string{"%CF%": `<conditionalFormatting sqref="B2:A1"><cfRule type="expression" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>`}, "not a valid range"},
		{"conditional format dxf missing", map[string]string{"%CF%": `<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="1" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>`}, "dxfId 1"},
		{"duplicate merge", map[string]string{"%MERGE%": `<mergeCell ref="C5:D6"/>`}, "merge C5:D6 twice"},
		{"overlapping merges", map[string]string{"%MERGE%": `<mergeCell ref="D6:E7"/>`}, "overlap"},
		{"merge over a table", map[string]string{"%MERGE%": `<mergeCell ref="B2:B3"/>`}, "overlaps table Tasks"},
		{"one-cell merge text", map[string]string{"%MERGE%": `<mergeCell ref="F1"/>`}, "not a cell range"},
		{"shared string too long", map[string]string{"<si><t>名前</t></si>": "<si><t>名前</t></si><si><t>" + long + "</t></si>"}, "32768 characters"},
		{"inline string too long", map[string]string{"<is><t>x</t></is>": "<is><t>" + long + "</t></is>"}, "inline string of 32768"},
		{"shared string index", map[string]string{`<c r="A1" t="s"><v>0</v>`: `<c r="A1" t="s"><v>7</v>`}, "shared string \"7\""},
		{"style index", map[string]string{`<c r="B1" t="s" s="1">`: `<c r="B1" t="s" s="2">`}, "style 2, but there are 2"},
		{"cells out of order", map[string]string{`<c r="A3" t="inlineStr">`: `<c r="C3" t="inlineStr">`}, "must ascend"},
		{"rows out of order", map[string]string{"%ROWS%": `<row r="2"/>`}, "rows must ascend"},
		{"bad cell reference", map[string]string{`<c r="A3" t="inlineStr">`: `<c r="A0" t="inlineStr">`}, `"A0" is not valid`},
		{"too many cell formats", map[string]string{"%XF%": strings.Repeat("<xf/>", MaxCellXfs)}, "64002 cell formats"},
		{"font without a name", map[string]string{"%FONT%": `<font><b/><sz val="11"/></font>`}, "font 2 names no font family"},
		{"xf font missing", map[string]string{"%XF%": `<xf fontId="5"/>`}, "fontId 5"},
		{"xf number format missing", map[string]string{"%XF%": `<xf numFmtId="170"/>`}, "number format 170"},
		{"hyperlink to a missing sheet", map[string]string{"%LINK%": `<hyperlink ref="A3" location="'Gone'!A1"/>`}, `sheet "Gone"`},
		{"hyperlink to a missing name", map[string]string{"%LINK%": `<hyperlink ref="A3" location="Nowhere"/>`}, "neither a cell nor a defined name"},
		{"hyperlink missing relationship", map[string]string{"%LINK%": `<hyperlink ref="A3" r:id="rId7"/>`}, "relationship rId7 is missing"},
		{"hyperlink bad cell", map[string]string{"%LINK%": `<hyperlink ref="A" location="WBS!A1"/>`}, "not a valid cell"},
		{"relationship target missing", map[string]string{"part:xl/tables/table1.xml": ""}, "target xl/tables/table1.xml is not in the package"},
		{"chart on a missing sheet", map[string]string{"%CHART%": "Gone!$B$2:$B$9"}, `sheet "Gone"`},
		{"chart bad range", map[string]string{"%CHART%": "WBS!$B$2:$B$0"}, "not a valid reference"},
		{"chart unquoted space", map[string]string{"%CHART%": "課題 一覧!$B$2"}, "must be quoted"},
		{"table header differs", map[string]string{"%TCOL%": "期日"}, `header cell B1 is "期限" but the column is named "期日"`},
		{"table name with a space", map[string]string{"%TNAME%": "My Tasks"}, "not a valid name"},
		{"table name clashes with a defined name", map[string]string{"%TNAME%": "owners"}, "used twice"},
		{"table name reads as a cell", map[string]string{"%TNAME%": "AB12"}, "reads as a cell"},
		{"undeclared prefix", map[string]string{"<sheetData/>": `<sheetData/><extLst><ext uri="{x}"><x14:id>1</x14:id></ext></extLst>`}, "prefix x14 is not declared"},
		{"undeclared ignorable prefix", map[string]string{`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac">`}, "mc:Ignorable names prefix x14ac"},
		{"not well-formed", map[string]string{"<sheetData/>": "<sheetData>"}, "not well-formed"},
		{"row too high", map[string]string{`<row r="3">`: `<row r="3" ht="500" customHeight="1">`}, "height 500"},
		{"column too wide", map[string]string{`width="12"`: `width="300"`}, "column width 300"},
		{"non-numeric number", map[string]string{"<v>0</v></c></row></sheetData>": "<v>abc</v></c></row></sheetData>"}, `number "abc"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps, err := Bytes(build(t, c.subst))
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range ps {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), c.want) {
				t.Errorf("want a problem with %q, got:\n%s", c.want, strings.Join(all, "\n"))
			}
		})
	}
}

func TestNotAWorkbook(t *testing.T) {
	if _, err := Bytes([]byte("not a zip")); err == nil {
		t.Error("no error for a file that is not a zip")
	}
	if _, err := Bytes(build(t, map[string]string{"part:_rels/.rels": "", "part:xl/workbook.xml": ""})); err == nil {
		t.Error("no error for a zip without a workbook")
	}
}

func TestRefs(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{{"A1", true}, {"$A$1", true}, {"XFD1048576", true}, {"XFE1", false}, {"A1048577", false}, {"A0", false},
		{"A:C", true}, {"1:2", true}, {"$1:$2", true}, {"A", false}, {"A1:", false}, {"A:1", false}, {"B1:A1", false}, {"a1", true}} {
		if _, ok := parseArea(c.in); ok != c.ok {
			t.Errorf("parseArea(%q) ok = %v, want %v", c.in, ok, c.ok)
		}
	}
	refs, ok := splitRefs("'It''s'!$A$1:$B$2,WBS!$1:$2")
	if !ok || len(refs) != 2 || refs[0].sheet != "It's" || refs[1].sheet != "WBS" || refs[1].ref != "$1:$2" {
		t.Errorf("splitRefs: %+v %v", refs, ok)
	}
}
