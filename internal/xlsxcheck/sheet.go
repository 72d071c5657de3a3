package xlsxcheck

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
)

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

type table struct {
	part, name string
	at         area
	header     bool
	columns    []string
}

func attr(e xml.StartElement, space, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == space || space == "" && a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// tables reads the table parts of a worksheet and checks each on its own.
func (c *checker) tables(s sheetInfo) []table {
	var out []table
	rs := c.rels(s.part)
	ids := make([]string, 0, len(rs))
	for id, r := range rs {
		if strings.HasSuffix(r.typ, "/table") && !r.external {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		part := rs[id].target
		data, ok := c.read(part)
		if !ok {
			continue
		}
		var doc struct {
			ID          string `xml:"id,attr"`
			Name        string `xml:"name,attr"`
			DisplayName string `xml:"displayName,attr"`
			Ref         string `xml:"ref,attr"`
			HeaderRows  string `xml:"headerRowCount,attr"`
			AutoFilter  *struct {
				Ref string `xml:"ref,attr"`
			} `xml:"autoFilter"`
			Columns []struct {
				Name string `xml:"name,attr"`
			} `xml:"tableColumns>tableColumn"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			continue
		}
		if c.tableIDs[doc.ID] {
			c.addf(part, s.name, "table id %s used twice in the workbook", doc.ID)
		}
		c.tableIDs[doc.ID] = true
		dn := fold(doc.DisplayName)
		if dn == "" || strings.ContainsAny(dn, " !\"#$%&'()*+,-/:;<=>@[]^`{|}~") {
			c.addf(part, s.name, "table name %q is not a valid name", doc.DisplayName)
		} else if _, isRef := parseArea(doc.DisplayName); isRef {
			c.addf(part, s.name, "table name %q reads as a cell reference", doc.DisplayName)
		}
		if c.tableNames[dn] || c.hasName(doc.DisplayName) {
			c.addf(part, s.name, "table name %q used twice in the workbook (tables and defined names share one namespace)", doc.DisplayName)
		}
		c.tableNames[dn] = true
		at, ok := parseArea(doc.Ref)
		if !ok || at.c2 == maxCol && at.c1 == 1 || at.r2 == maxRow && at.r1 == 1 {
			c.addf(part, s.name, "table %s: ref %q is not a cell range", doc.DisplayName, doc.Ref)
			continue
		}
		if doc.AutoFilter != nil {
			if f, ok := parseArea(doc.AutoFilter.Ref); !ok || !at.contains(f) {
				c.addf(part, s.name, "table %s: filter %q is not inside the table %s", doc.DisplayName, doc.AutoFilter.Ref, doc.Ref)
			}
		}
		t := table{part: part, name: doc.DisplayName, at: at, header: doc.HeaderRows != "0"}
		if w := at.c2 - at.c1 + 1; len(doc.Columns) != w {
			c.addf(part, s.name, "table %s: %d columns for a range %d wide", doc.DisplayName, len(doc.Columns), w)
		}
		seen := map[string]bool{}
		for _, col := range doc.Columns {
			if col.Name == "" {
				c.addf(part, s.name, "table %s: a column without a name", doc.DisplayName)
			}
			if seen[fold(col.Name)] {
				c.addf(part, s.name, "table %s: column name %q twice", doc.DisplayName, col.Name)
			}
			seen[fold(col.Name)] = true
			t.columns = append(t.columns, col.Name)
		}
		for _, o := range out {
			if o.at.overlaps(t.at) {
				c.addf(part, s.name, "table %s overlaps table %s", t.name, o.name)
			}
		}
		out = append(out, t)
	}
	return out
}

type cellKey struct{ col, row int }

// worksheet checks one sheet part.
func (c *checker) worksheet(s sheetInfo) {
	data, ok := c.read(s.part)
	if !ok {
		c.addf(s.part, s.name, "the sheet's part is missing")
		return
	}
	tables := c.tables(s)
	// The header cells of the tables, to compare with their column names.
	headers := map[cellKey]*string{}
	for _, t := range tables {
		if t.header {
			for col := t.at.c1; col <= t.at.c2; col++ {
				v := ""
				headers[cellKey{col, t.at.r1}] = &v
			}
		}
	}
	rs := c.rels(s.part)
	add := func(format string, args ...any) { c.addf(s.part, s.name, format, args...) }
	var (
		merges             []area
		lastRow            int
		rowNum, lastCol    int
		cell               cellKey
		cellType           string
		inV, inF, inIs     bool
		inT                bool
		val, formula, text strings.Builder
		inExt              int
		inCF               bool
		dv                 *xml.StartElement
		inFormula1         bool
		formula1           strings.Builder
	)
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "extLst" {
				inExt++
			}
			if inExt > 0 || t.Name.Space != nsMain {
				continue
			}
			switch t.Name.Local {
			case "dimension", "autoFilter":
				if ref, _ := attr(t, "", "ref"); ref != "" {
					if _, ok := parseArea(ref); !ok {
						add("%s ref %q is not a valid range", t.Name.Local, ref)
					}
				}
			case "pane":
				if ref, ok := attr(t, "", "topLeftCell"); ok {
					if a, ok := parseArea(ref); !ok || a.c1 != a.c2 || a.r1 != a.r2 {
						add("pane topLeftCell %q is not a cell", ref)
					}
				}
			case "selection":
				if ref, ok := attr(t, "", "sqref"); ok {
					if _, ok := parseSqref(ref); !ok {
						add("selection %q is not a valid range", ref)
					}
				}
			case "col":
				lo, _ := attr(t, "", "min")
				hi, _ := attr(t, "", "max")
				a, err1 := strconv.Atoi(lo)
				b, err2 := strconv.Atoi(hi)
				if err1 != nil || err2 != nil || a < 1 || b < a || b > maxCol {
					add("column range min=%s max=%s is not valid", lo, hi)
				}
				if w, ok := attr(t, "", "width"); ok {
					if f, err := strconv.ParseFloat(w, 64); err != nil || f < 0 || f > 255 {
						add("column width %s: Excel allows 0 to 255", w)
					}
				}
				c.styleIndex(s, t, add, "column")
			case "row":
				r, _ := attr(t, "", "r")
				n := lastRow + 1
				if r != "" {
					var err error
					if n, err = strconv.Atoi(r); err != nil || n < 1 || n > maxRow {
						add("row number %q is not valid", r)
						n = lastRow + 1
					}
				}
				if n <= lastRow {
					add("row %d after row %d: rows must ascend", n, lastRow)
				}
				lastRow, rowNum, lastCol = n, n, 0
				if h, ok := attr(t, "", "ht"); ok {
					if f, err := strconv.ParseFloat(h, 64); err != nil || f < 0 || f > 409 {
						add("row %d height %s: Excel allows 0 to 409 points", n, h)
					}
				}
				c.styleIndex(s, t, add, "row "+strconv.Itoa(n))
			case "c":
				r, _ := attr(t, "", "r")
				col, row := lastCol+1, rowNum
				if r != "" {
					a, ok := parseArea(r)
					if !ok || a.c1 != a.c2 || a.r1 != a.r2 {
						add("cell reference %q is not valid", r)
					} else {
						col, row = a.c1, a.r1
					}
				}
				if row != rowNum {
					add("cell %s is in row %d's element", r, rowNum)
				}
				if col <= lastCol {
					add("cell %s after column %s: cells within a row must ascend", r, colName(lastCol))
				}
				if col > maxCol {
					add("cell beyond column XFD in row %d", rowNum)
				}
				lastCol = col
				cell = cellKey{col, row}
				cellType, _ = attr(t, "", "t")
				val.Reset()
				formula.Reset()
				text.Reset()
				c.styleIndex(s, t, add, "cell "+area{col, row, col, row}.String())
			case "v":
				inV = true
			case "f":
				inF = true
			case "is":
				inIs = true
			case "t":
				inT = inIs
			case "rPh":
				inT = false
			case "mergeCell":
				ref, _ := attr(t, "", "ref")
				a, ok := parseArea(ref)
				if !ok || !strings.Contains(ref, ":") {
					add("merge %q is not a cell range", ref)
					continue
				}
				merges = append(merges, a)
			case "conditionalFormatting":
				inCF = true
				if ref, _ := attr(t, "", "sqref"); true {
					if _, ok := parseSqref(ref); !ok {
						add("conditional format on %q, not a valid range", ref)
					}
				}
			case "cfRule":
				if id, ok := attr(t, "", "dxfId"); ok {
					if n, err := strconv.Atoi(id); err != nil || n < 0 || n >= c.numDxfs {
						add("conditional format rule uses dxfId %s, but there are %d", id, c.numDxfs)
					}
				}
			case "formula":
				if inCF {
					formula.Reset()
					inF = true
				}
			case "dataValidation":
				e := t.Copy()
				dv = &e
				ref, _ := attr(t, "", "sqref")
				if _, ok := parseSqref(ref); !ok {
					add("data validation on %q, not a valid range", ref)
				}
				for _, a := range []struct {
					name string
					max  int
				}{{"promptTitle", MaxPromptTitle}, {"errorTitle", MaxPromptTitle}, {"prompt", MaxPromptText}, {"error", MaxPromptText}} {
					if v, ok := attr(t, "", a.name); ok && length(v) > a.max {
						add("data validation on %s: %s of %d characters, Excel's limit is %d", ref, a.name, length(v), a.max)
					}
				}
			case "formula1":
				inFormula1 = true
				formula1.Reset()
			case "hyperlink":
				c.hyperlink(s, t, rs, add)
			}
		case xml.EndElement:
			if t.Name.Local == "extLst" {
				inExt--
				continue
			}
			if inExt > 0 || t.Name.Space != nsMain {
				continue
			}
			switch t.Name.Local {
			case "v":
				inV = false
			case "f":
				inF = false
				if n := length(formula.String()); n > MaxFormulaChars {
					add("cell %s: formula of %d characters, Excel's limit is %d", area{cell.col, cell.row, cell.col, cell.row}, n, MaxFormulaChars)
				}
			case "formula":
				if inCF {
					inF = false
				}
			case "is":
				inIs = false
			case "t":
				inT = false
			case "c":
				c.cellEnd(cell, cellType, val.String(), text.String(), headers, add)
			case "conditionalFormatting":
				inCF = false
			case "formula1":
				inFormula1 = false
				if dv != nil {
					c.listLength(*dv, formula1.String(), add)
				}
			case "dataValidation":
				dv = nil
			}
		case xml.CharData:
			switch {
			case inFormula1:
				formula1.Write(t)
			case inF:
				formula.Write(t)
			case inV:
				val.Write(t)
			case inT:
				text.Write(t)
			}
		}
	}
	c.checkMerges(s, merges, tables)
	for _, t := range tables {
		if !t.header {
			continue
		}
		for i, name := range t.columns {
			if i > t.at.c2-t.at.c1 {
				break
			}
			k := cellKey{t.at.c1 + i, t.at.r1}
			if got := *headers[k]; got != name {
				c.addf(t.part, s.name, "table %s: header cell %s is %q but the column is named %q", t.name, area{k.col, k.row, k.col, k.row}, got, name)
			}
		}
	}
}

func (c *checker) styleIndex(s sheetInfo, e xml.StartElement, add func(string, ...any), what string) {
	v, ok := attr(e, "", "s")
	if !ok {
		v, ok = attr(e, "", "style") // <col style=...>
	}
	if !ok {
		return
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n >= c.numXfs {
		add("%s: style %s, but there are %d cell formats", what, v, c.numXfs)
	}
}

func (c *checker) cellEnd(k cellKey, typ, v, inline string, headers map[cellKey]*string, add func(string, ...any)) {
	ref := area{k.col, k.row, k.col, k.row}
	shown := v
	switch typ {
	case "s":
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n >= c.numStrings {
			add("cell %s: shared string %q, but there are %d", ref, v, c.numStrings)
		} else {
			shown = c.strs[n]
		}
	case "inlineStr":
		shown = inline
		if n := length(inline); n > MaxCellChars {
			add("cell %s: inline string of %d characters, Excel's limit is %d", ref, n, MaxCellChars)
		}
	case "str", "e", "b", "n", "", "d":
		if n := length(v); n > MaxCellChars {
			add("cell %s: value of %d characters, Excel's limit is %d", ref, n, MaxCellChars)
		}
		if (typ == "n" || typ == "") && strings.TrimSpace(v) != "" {
			if _, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
				add("cell %s: number %q is not a number", ref, v)
			}
		}
	default:
		add("cell %s: unknown cell type %q", ref, typ)
	}
	if h, ok := headers[k]; ok {
		*h = shown
	}
}

// listLength checks a list validation's literal list ("a,b,c").
func (c *checker) listLength(dv xml.StartElement, f string, add func(string, ...any)) {
	if typ, _ := attr(dv, "", "type"); typ != "list" {
		return
	}
	ref, _ := attr(dv, "", "sqref")
	f = strings.TrimSpace(f)
	if strings.HasPrefix(f, `"`) && strings.HasSuffix(f, `"`) && len(f) >= 2 {
		if n := length(strings.ReplaceAll(f[1:len(f)-1], `""`, `"`)); n > MaxListChars {
			add("list validation on %s: %d characters, Excel's limit is %d", ref, n, MaxListChars)
		}
		return
	}
}

func (c *checker) hyperlink(s sheetInfo, e xml.StartElement, rs map[string]rel, add func(string, ...any)) {
	ref, _ := attr(e, "", "ref")
	if _, ok := parseSqref(ref); !ok {
		add("hyperlink on %q, not a valid cell", ref)
	}
	if id, ok := attr(e, nsRel, "id"); ok {
		r, found := rs[id]
		if !found {
			add("hyperlink on %s: relationship %s is missing", ref, id)
		} else if !r.external {
			add("hyperlink on %s: relationship %s is not external (TargetMode=\"External\")", ref, id)
		}
		return
	}
	loc, ok := attr(e, "", "location")
	if !ok {
		add("hyperlink on %s has neither a target nor a location", ref)
		return
	}
	if refs, ok := splitRefs(loc); ok {
		for _, r := range refs {
			if r.sheet != "" && !c.hasSheet(r.sheet) {
				add("hyperlink on %s goes to sheet %q, which the workbook does not have", ref, r.sheet)
			}
		}
		return
	}
	if !c.hasName(loc) && !c.tableNames[fold(loc)] {
		add("hyperlink on %s goes to %q: neither a cell nor a defined name", ref, loc)
	}
}

func (c *checker) checkMerges(s sheetInfo, merges []area, tables []table) {
	slices.SortFunc(merges, func(a, b area) int {
		if a.r1 != b.r1 {
			return a.r1 - b.r1
		}
		return a.c1 - b.c1
	})
	for i, a := range merges {
		for j := i + 1; j < len(merges) && merges[j].r1 <= a.r2; j++ {
			if a.overlaps(merges[j]) {
				if a == merges[j] {
					c.addf(s.part, s.name, "merge %s twice", a)
				} else {
					c.addf(s.part, s.name, "merges %s and %s overlap", a, merges[j])
				}
			}
		}
		for _, t := range tables {
			if a.overlaps(t.at) {
				c.addf(s.part, s.name, "merge %s overlaps table %s (%s)", a, t.name, t.at)
			}
		}
	}
}

// chart checks the series formulas of a chart part.
func (c *checker) chart(part string) {
	data, ok := c.read(part)
	if !ok {
		return
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	in := false
	var f strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "f" {
				in = true
				f.Reset()
			}
		case xml.EndElement:
			if t.Name.Local == "f" && in {
				in = false
				c.chartRef(part, f.String())
			}
		case xml.CharData:
			if in {
				f.Write(t)
			}
		}
	}
}

func (c *checker) chartRef(part, f string) {
	if strings.Contains(f, "#REF!") {
		return // what Excel writes once the range is deleted
	}
	refs, ok := splitRefs(f)
	if !ok {
		c.addf(part, "", "chart series formula %q is not a valid reference", f)
		return
	}
	for _, r := range refs {
		if r.sheet == "" {
			c.addf(part, "", "chart series %q names no sheet", f)
		} else if !c.hasSheet(r.sheet) {
			c.addf(part, "", "chart series %q names sheet %q, which the workbook does not have", f, r.sheet)
		} else if !r.quoted && needsQuotes(r.sheet) {
			c.addf(part, "", "chart series %q: sheet name %q must be quoted", f, r.sheet)
		}
	}
}
