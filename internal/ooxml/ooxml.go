// Package ooxml reads the parts of an Office Open XML workbook that more
// than one stage needs read the same way: which part holds which sheet.
package ooxml

import (
	"encoding/xml"
	"path"
	"strings"
)

// Part names of the workbook and its relationships.
const (
	WorkbookPart = "xl/workbook.xml"
	RelsPart     = "xl/_rels/workbook.xml.rels"
)

// Sheet is a sheet as the workbook lists it, with the part that holds it
// ("" when no relationship names one).
type Sheet struct {
	Name string
	Part string
}

// Sheets returns the workbook's sheets in its order, from xl/workbook.xml
// and xl/_rels/workbook.xml.rels. A relationship's target is relative to
// xl/ unless it starts with "/".
func Sheets(workbook, rels []byte) ([]Sheet, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rs struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(workbook, &wb); err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(rels, &rs); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rs.Rels {
		if t, abs := strings.CutPrefix(r.Target, "/"); abs {
			target[r.ID] = t
		} else {
			target[r.ID] = path.Join("xl", r.Target)
		}
	}
	out := make([]Sheet, 0, len(wb.Sheets))
	for _, s := range wb.Sheets {
		out = append(out, Sheet{Name: s.Name, Part: target[s.ID]})
	}
	return out, nil
}

// Parts maps each sheet's name to its part, leaving out sheets no
// relationship names.
func Parts(workbook, rels []byte) (map[string]string, error) {
	sheets, err := Sheets(workbook, rels)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(sheets))
	for _, s := range sheets {
		if s.Part != "" {
			out[s.Name] = s.Part
		}
	}
	return out, nil
}
