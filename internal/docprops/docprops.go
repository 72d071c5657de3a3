// Package docprops writes a workbook's core document properties
// (docProps/core.xml) in the form Excel itself writes: the
// core-properties elements under the cp: prefix. excelize's SetDocProps
// puts them in the default namespace instead, which is the same XML to a
// namespace-aware reader but not to ExcelJS, whose reader stops at
// "Unexpected xml node in parseOpen: lastModifiedBy" and opens nothing.
package docprops

import (
	"bytes"
	"encoding/xml"

	"github.com/xuri/excelize/v2"
)

// Part is the core properties' part name in the package.
const Part = "docProps/core.xml"

// templateDate is the date excelize's own template carries; used when no
// date is given, so a workbook never takes the clock's.
const templateDate = "2006-09-16T00:00:00Z"

// Props are the core properties pmo sets. Dates are W3CDTF
// (2026-11-20T00:00:00Z); empty ones become a fixed date.
type Props struct {
	Title, Subject, Creator, LastModifiedBy, Identifier, Language string
	Created, Modified                                             string
}

// XML is the core properties part for p.
func XML(p Props) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + name + ">")
	}
	elem("dc:title", p.Title)
	elem("dc:subject", p.Subject)
	elem("dc:creator", p.Creator)
	elem("cp:lastModifiedBy", p.LastModifiedBy)
	elem("dc:identifier", p.Identifier)
	elem("dc:language", p.Language)
	for _, d := range []struct{ name, v string }{{"dcterms:created", p.Created}, {"dcterms:modified", p.Modified}} {
		v := d.v
		if v == "" {
			v = templateDate
		}
		b.WriteString("<" + d.name + ` xsi:type="dcterms:W3CDTF">`)
		xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + d.name + ">")
	}
	b.WriteString("</cp:coreProperties>")
	return b.Bytes()
}

// Set replaces f's core properties with p. excelize keeps the part as
// bytes and writes it out as it is.
func Set(f *excelize.File, p Props) {
	f.Pkg.Store(Part, XML(p))
}
