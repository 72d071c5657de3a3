package sheet_test

import (
	"fmt"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
)

// The worksheet loop reads the usual spellings of a cell straight from the
// buffer and leaves every other spelling to the tokens; each spelling must
// give the same cell. One row per spelling, the value in column B.
func TestSheetXMLCellSpellings(t *testing.T) {
	t.Parallel()
	cases := []struct {
		xml, want string
	}{
		{`<c r="B1"><v>42</v></c>`, "n:42"},
		{`<c r="B2" t="n"><v>-0.5</v></c>`, "n:-0.5"},
		{`<c r="B3"><v> 7 </v></c>`, "n:7"},
		{`<c r="B4"><v>1E3</v></c>`, "n:1000"},
		{`<c r="B5"><v><![CDATA[12]]></v></c>`, "n:12"},
		{`<c r="B6"><v>1<!-- split -->2</v></c>`, "n:12"},
		{`<c r="B7" t="s"><v>0</v></c>`, "s:共有"},
		{`<c r="B8" t="inlineStr"><is><t>インライン</t></is></c>`, "s:インライン"},
		{`<c r="B9" t="inlineStr"><is><t xml:space="preserve"> 空白 </t></is></c>`, "s: 空白 "},
		{`<c r="B10" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c>`, "s:漢字"},
		{`<c r="B11" t="inlineStr"><is><r><t>太</t></r><r><t>字</t></r></is></c>`, "s:太字"},
		{`<c r="B12"><f>1+1</f><v>2</v></c>`, "n:2 f"},
		{`<c r="B13" t="str"><f>A1</f><v>#N/A</v></c>`, "e:#N/A f"},
		{`<c r="B14" t="b"><v>1</v></c>`, "b:1"},
		{`<c r="B15" t="e"><v>#REF!</v></c>`, "e:#REF!"},
		{`<c r="B16" t="str"><v>a&amp;b</v></c>`, "s:a&b"},
		{`<x:c r="B17"><x:v>17</x:v></x:c>`, "n:17"},
		{`<c r="B18"><v>18</v><extLst/></c>`, "n:18"},
		{`<c r="A19"/><c r="B19"><v>19</v></c>`, "n:19"},
		{`<c r="B20" t="inlineStr"><is><t></t></is></c>`, "empty"},
		{`<c r="B21"><v></v></c>`, "empty"},
		{`<c	r="B22"	s="0"><v>22</v></c>`, "n:22"},
		{`<c s="0"><v>skip</v></c><c><v>23</v></c>`, "n:23"},
		{`<c r="B24"><v>3.14159265358979</v></c>`, "n:3.14159265358979"},
	}
	rows := ""
	for i, c := range cases {
		rows += fmt.Sprintf(`<row r="%d">%s</row>`, i+1, c.xml)
	}
	data := rawXLSX(t, []string{"<si><t>共有</t></si>"}, "", rawSheet{name: "Sheet1", xml: rows})
	bk, err := sheet.Parse("cells.xlsx", data, sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := bk.Sheets[0]
	for i, c := range cases {
		cell := g.Cell(i+1, 2)
		got := "empty"
		switch cell.Kind {
		case sheet.Number:
			got = fmt.Sprintf("n:%v", cell.Num)
		case sheet.String:
			got = "s:" + cell.Str
		case sheet.Bool:
			got = fmt.Sprintf("b:%v", cell.Num)
		case sheet.ErrorValue:
			got = "e:" + cell.Str
		}
		if cell.Formula {
			got += " f"
		}
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.xml, got, c.want)
		}
	}
}
