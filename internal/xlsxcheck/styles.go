package xlsxcheck

import (
	"encoding/xml"
	"strings"
)

type xf struct {
	NumFmt *int `xml:"numFmtId,attr"`
	Font   *int `xml:"fontId,attr"`
	Fill   *int `xml:"fillId,attr"`
	Border *int `xml:"borderId,attr"`
	XF     *int `xml:"xfId,attr"`
}

// firstCustomNumFmt is the first id of a workbook's own number formats;
// below it are Excel's built-in ones.
const firstCustomNumFmt = 164

func (c *checker) styles(wb string) {
	part := c.relOfType(wb, "/styles")
	if part == "" {
		return
	}
	data, ok := c.read(part)
	if !ok {
		return
	}
	var doc struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			Name *struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"fonts>font"`
		Fills     []struct{} `xml:"fills>fill"`
		Borders   []struct{} `xml:"borders>border"`
		StyleXfs  []xf       `xml:"cellStyleXfs>xf"`
		CellXfs   []xf       `xml:"cellXfs>xf"`
		Dxfs      []struct{} `xml:"dxfs>dxf"`
		CellStyle []struct {
			XF int `xml:"xfId,attr"`
		} `xml:"cellStyles>cellStyle"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		c.addf(part, "", "style sheet: %v", err)
		return
	}
	c.numXfs, c.numDxfs = len(doc.CellXfs), len(doc.Dxfs)
	if len(doc.CellXfs) > MaxCellXfs {
		c.addf(part, "", "%d cell formats, Excel's limit is %d", len(doc.CellXfs), MaxCellXfs)
	}
	if len(doc.CellXfs) == 0 {
		c.addf(part, "", "no cell formats (cellXfs): every cell's default style is missing")
	}
	if len(doc.Fonts) > MaxFonts {
		c.addf(part, "", "%d fonts, Excel's limit is %d", len(doc.Fonts), MaxFonts)
	}
	if len(doc.NumFmts) > MaxNumFmts {
		c.addf(part, "", "%d number formats, Excel's limit is %d", len(doc.NumFmts), MaxNumFmts)
	}
	for i, f := range doc.Fonts {
		if f.Name == nil || strings.TrimSpace(f.Name.Val) == "" {
			c.addf(part, "", "font %d names no font family (<name val=...>): clients substitute one, often a serif", i)
		}
	}
	fmts := map[int]bool{}
	for _, f := range doc.NumFmts {
		if fmts[f.ID] {
			c.addf(part, "", "number format id %d defined twice", f.ID)
		}
		fmts[f.ID] = true
		if f.Code == "" {
			c.addf(part, "", "number format %d has no code", f.ID)
		}
	}
	check := func(kind string, i int, x xf, styleXfs bool) {
		bad := func(what string, v *int, n int) {
			if v != nil && (*v < 0 || *v >= n) {
				c.addf(part, "", "%s %d: %s %d, but there are %d", kind, i, what, *v, n)
			}
		}
		bad("fontId", x.Font, len(doc.Fonts))
		bad("fillId", x.Fill, len(doc.Fills))
		bad("borderId", x.Border, len(doc.Borders))
		if !styleXfs {
			bad("xfId", x.XF, len(doc.StyleXfs))
		}
		if x.NumFmt != nil && *x.NumFmt >= firstCustomNumFmt && !fmts[*x.NumFmt] {
			c.addf(part, "", "%s %d: number format %d is not defined", kind, i, *x.NumFmt)
		}
	}
	for i, x := range doc.StyleXfs {
		check("cellStyleXfs xf", i, x, true)
	}
	for i, x := range doc.CellXfs {
		check("cellXfs xf", i, x, false)
	}
	for _, s := range doc.CellStyle {
		if s.XF < 0 || s.XF >= len(doc.StyleXfs) {
			c.addf(part, "", "cell style on xfId %d, but there are %d", s.XF, len(doc.StyleXfs))
		}
	}
}
