package ooxml

import (
	"reflect"
	"testing"
)

func TestSheets(t *testing.T) {
	wb := []byte(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
		`<sheet name="WBS" r:id="rId2"/><sheet name="課題" r:id="rId1"/><sheet name="lost" r:id="rId9"/></sheets></workbook>`)
	rels := []byte(`<Relationships><Relationship Id="rId1" Target="/xl/worksheets/b.xml"/>` +
		`<Relationship Id="rId2" Target="worksheets/a.xml"/></Relationships>`)
	got, err := Sheets(wb, rels)
	want := []Sheet{{"WBS", "xl/worksheets/a.xml"}, {"課題", "xl/worksheets/b.xml"}, {"lost", ""}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Sheets = %v, %v; want %v", got, err, want)
	}
	parts, err := Parts(wb, rels)
	if err != nil || len(parts) != 2 || parts["課題"] != "xl/worksheets/b.xml" {
		t.Errorf("Parts = %v, %v", parts, err)
	}
	if _, err := Sheets([]byte("<workbook"), rels); err == nil {
		t.Error("a broken workbook.xml gave no error")
	}
}
