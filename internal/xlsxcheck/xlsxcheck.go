// Package xlsxcheck checks a written workbook for the known causes of
// Excel's "We found a problem with some content … Do you want us to try
// to recover as much as we can?" repair prompt. It reads the package
// itself, with archive/zip and encoding/xml, so it is a check independent
// of the library that wrote the file (excelize), and tests of every
// package that writes a workbook call it.
//
// What it checks, and the limit each comes from (Excel's "Excel
// specifications and limits" and the repair logs Excel writes):
//   - every part is well-formed XML with every namespace prefix it uses
//     declared (mc:Ignorable's too), and every internal relationship
//     target exists;
//   - sheet names: 1–31 characters, none of []:*?/\, no leading or
//     trailing apostrophe, not "History", unique ignoring case;
//   - defined names unique per scope ignoring case, their references
//     name existing sheets and valid cells (#REF!, which Excel itself
//     writes for a deleted range, is accepted);
//   - cell references valid and in order (rows ascending, cells within a
//     row ascending), style indexes below the cellXfs count, shared
//     string indexes below the string count, strings ≤ 32,767 characters,
//     formulas ≤ 8,192 characters;
//   - merges valid, not duplicated, not overlapping each other or a
//     table; tables with unique names, matching column counts and header
//     cells, not overlapping each other;
//   - conditional formats and data validations on valid ranges, rules'
//     dxfId within the dxfs, list validations ≤ 255 characters, prompt
//     and error titles ≤ 32 and texts ≤ 255 characters;
//   - hyperlinks on valid cells, with an existing relationship or a
//     location on an existing sheet or defined name;
//   - chart series formulas naming existing sheets and valid ranges;
//   - styles: at most 64,000 cell formats, 512 fonts, 250 number formats;
//     every font of the style sheet names its family; every xf's font,
//     fill, border and number format exists.
package xlsxcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Excel's limits the checks use.
const (
	MaxSheetName    = 31
	MaxCellChars    = 32767
	MaxFormulaChars = 8192
	MaxListChars    = 255
	MaxCellXfs      = 64000
	MaxFonts        = 512
	MaxNumFmts      = 250
	MaxPromptTitle  = 32
	MaxPromptText   = 255
	MaxURLChars     = 2079
)

// Problem is one thing Excel would repair: the part it is in, the sheet
// when the part is a worksheet, and what is wrong.
type Problem struct {
	Part  string
	Sheet string
	Msg   string
}

func (p Problem) String() string {
	if p.Sheet != "" {
		return fmt.Sprintf("%s (sheet %q): %s", p.Part, p.Sheet, p.Msg)
	}
	return p.Part + ": " + p.Msg
}

// File checks the workbook at path.
func File(name string) ([]Problem, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Bytes(data)
}

// Bytes checks a workbook held in memory. The error is for a file that
// is not a workbook at all (not a zip, no workbook part).
func Bytes(data []byte) ([]Problem, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	c := &checker{parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		c.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := c.run(); err != nil {
		return nil, err
	}
	return c.problems, nil
}

type checker struct {
	parts    map[string]*zip.File
	problems []Problem

	sheets      []sheetInfo
	sheetByName map[string]bool // folded names
	names       map[string]bool // defined names, folded, "scope|name"
	numStrings  int
	strs        []string // the shared strings, for tables' header cells
	numXfs      int
	numDxfs     int
	tableNames  map[string]bool
	tableIDs    map[string]bool
}

type sheetInfo struct {
	name, part string
}

func (c *checker) addf(part, sheet, format string, args ...any) {
	c.problems = append(c.problems, Problem{Part: part, Sheet: sheet, Msg: fmt.Sprintf(format, args...)})
}

func fold(s string) string { return strings.ToLower(s) }

// length is a text's length as Excel counts it, in UTF-16 units.
func length(s string) int { return len(utf16.Encode([]rune(s))) }

func (c *checker) read(name string) ([]byte, bool) {
	f, ok := c.parts[name]
	if !ok {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		c.addf(name, "", "cannot open: %v", err)
		return nil, false
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		c.addf(name, "", "cannot read: %v", err)
		return nil, false
	}
	return data, true
}

// rels reads the relationships of a part: id → (target part or URL,
// external).
type rel struct {
	target   string
	external bool
	typ      string
}

func relsName(part string) string {
	if part == "." {
		return "_rels/.rels"
	}
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

func (c *checker) rels(part string) map[string]rel {
	out := map[string]rel{}
	data, ok := c.read(relsName(part))
	if !ok {
		return out
	}
	var doc struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Target     string `xml:"Target,attr"`
			Type       string `xml:"Type,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return out // reported by the well-formedness pass
	}
	for _, r := range doc.Rels {
		if _, dup := out[r.ID]; dup {
			c.addf(relsName(part), "", "relationship id %s twice", r.ID)
		}
		if r.TargetMode == "External" {
			out[r.ID] = rel{target: r.Target, external: true, typ: r.Type}
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(path.Dir(part), t)
		}
		out[r.ID] = rel{target: t, typ: r.Type}
	}
	return out
}

func (c *checker) run() error {
	names := make([]string, 0, len(c.parts))
	for n := range c.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	// Every XML part parses, every internal relationship target exists.
	for _, n := range names {
		if !strings.HasSuffix(n, ".xml") && !strings.HasSuffix(n, ".rels") && !strings.HasSuffix(n, ".vml") {
			continue
		}
		data, ok := c.read(n)
		if !ok {
			continue
		}
		if err := wellFormed(data); err != nil {
			c.addf(n, "", "not well-formed XML: %v", err)
		} else if err := namespaces(data); err != nil {
			c.addf(n, "", "%v", err)
		}
		if strings.HasSuffix(n, ".rels") {
			owner := "." // the package itself: _rels/.rels
			if file := strings.TrimSuffix(path.Base(n), ".rels"); file != "" {
				owner = path.Join(path.Dir(path.Dir(n)), file)
			}
			for id, r := range c.rels(owner) {
				if r.external {
					if length(r.target) > MaxURLChars {
						c.addf(n, "", "relationship %s: external target of %d characters, Excel's limit is %d", id, length(r.target), MaxURLChars)
					}
					continue
				}
				if _, ok := c.parts[r.target]; !ok {
					c.addf(n, "", "relationship %s: target %s is not in the package", id, r.target)
				}
			}
		}
	}
	wb := c.workbookPart()
	if wb == "" {
		return fmt.Errorf("no workbook part: not an Excel workbook")
	}
	c.styles(wb)
	c.sharedStrings(wb)
	if err := c.workbook(wb); err != nil {
		return err
	}
	c.tableNames, c.tableIDs = map[string]bool{}, map[string]bool{}
	for _, s := range c.sheets {
		c.worksheet(s)
	}
	for _, n := range names {
		if strings.HasPrefix(n, "xl/charts/chart") && strings.HasSuffix(n, ".xml") {
			c.chart(n)
		}
	}
	return nil
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (c *checker) workbookPart() string {
	for _, r := range c.rels(".") {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			return r.target
		}
	}
	if _, ok := c.parts["xl/workbook.xml"]; ok {
		return "xl/workbook.xml"
	}
	return ""
}

// relOfType is the first relationship target of a part with a type
// ending in suffix.
func (c *checker) relOfType(part, suffix string) string {
	rs := c.rels(part)
	ids := make([]string, 0, len(rs))
	for id := range rs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if strings.HasSuffix(rs[id].typ, suffix) && !rs[id].external {
			return rs[id].target
		}
	}
	return ""
}

// reservedName is the sheet name Excel keeps for change tracking.
const reservedName = "history"

func (c *checker) workbook(wb string) error {
	data, ok := c.read(wb)
	if !ok {
		return fmt.Errorf("%s is missing", wb)
	}
	var doc struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Names []struct {
			Name  string `xml:"name,attr"`
			Local string `xml:"localSheetId,attr"`
			Value string `xml:",chardata"`
		} `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", wb, err)
	}
	rs := c.rels(wb)
	c.sheetByName = map[string]bool{}
	for _, s := range doc.Sheets {
		switch n := length(s.Name); {
		case n == 0:
			c.addf(wb, "", "a sheet without a name")
		case n > MaxSheetName:
			c.addf(wb, s.Name, "sheet name of %d characters, Excel's limit is %d", n, MaxSheetName)
		}
		if strings.ContainsAny(s.Name, `[]:*?/\`) {
			c.addf(wb, s.Name, `sheet name contains one of []:*?/\`)
		}
		if strings.HasPrefix(s.Name, "'") || strings.HasSuffix(s.Name, "'") {
			c.addf(wb, s.Name, "sheet name begins or ends with an apostrophe")
		}
		if fold(s.Name) == reservedName {
			c.addf(wb, s.Name, "sheet name History is reserved by Excel")
		}
		if c.sheetByName[fold(s.Name)] {
			c.addf(wb, s.Name, "sheet name used twice (Excel ignores case)")
		}
		c.sheetByName[fold(s.Name)] = true
		r, ok := rs[s.ID]
		if !ok {
			c.addf(wb, s.Name, "sheet's relationship %s is missing", s.ID)
			continue
		}
		if strings.HasSuffix(r.typ, "/worksheet") {
			c.sheets = append(c.sheets, sheetInfo{name: s.Name, part: r.target})
		}
	}
	if len(doc.Sheets) == 0 {
		c.addf(wb, "", "a workbook without sheets")
	}
	c.names = map[string]bool{}
	for _, n := range doc.Names {
		key := n.Local + "|" + fold(n.Name)
		if c.names[key] {
			c.addf(wb, "", "defined name %q twice in the same scope", n.Name)
		}
		c.names[key] = true
		if n.Local != "" {
			if i, err := strconv.Atoi(n.Local); err != nil || i < 0 || i >= len(doc.Sheets) {
				c.addf(wb, "", "defined name %q: localSheetId %s is not a sheet", n.Name, n.Local)
			}
		}
		if n.Name == "" || length(n.Name) > 255 {
			c.addf(wb, "", "defined name %q: empty or longer than 255 characters", n.Name)
		}
		c.formulaRefs(wb, "", "defined name "+strconv.Quote(n.Name), n.Value)
	}
	// Names are checked before the sheets so hyperlinks may point at them.
	return nil
}

// formulaRefs checks a formula that should be a list of references.
// #REF! is not a problem: Excel writes it itself for a name whose range
// was deleted and opens such files without repair.
func (c *checker) formulaRefs(part, sheet, what, f string) {
	if strings.Contains(f, "#REF!") {
		return
	}
	if !looksLikeRef(f) {
		return
	}
	refs, ok := splitRefs(f)
	if !ok {
		c.addf(part, sheet, "%s: %q is not a valid reference", what, f)
		return
	}
	for _, r := range refs {
		if r.sheet != "" && !c.sheetByName[fold(r.sheet)] {
			c.addf(part, sheet, "%s names sheet %q, which the workbook does not have", what, r.sheet)
		}
		if !r.quoted && r.sheet != "" && needsQuotes(r.sheet) {
			c.addf(part, sheet, "%s: sheet name %q must be quoted", what, r.sheet)
		}
	}
}

// needsQuotes says whether a sheet name must be quoted in a reference.
func needsQuotes(name string) bool {
	for _, r := range name {
		if !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f) {
			return true
		}
	}
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return true
	}
	// A name that reads as a cell (A1, R1C1) must be quoted too.
	if _, ok := parseArea(name); ok {
		return true
	}
	return false
}

func (c *checker) hasSheet(name string) bool { return c.sheetByName[fold(name)] }

func (c *checker) hasName(name string) bool {
	for k := range c.names {
		if _, n, _ := strings.Cut(k, "|"); n == fold(name) {
			return true
		}
	}
	return false
}

func (c *checker) sharedStrings(wb string) {
	part := c.relOfType(wb, "/sharedStrings")
	if part == "" {
		return
	}
	data, ok := c.read(part)
	if !ok {
		return
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		cur   strings.Builder
		depth int // inside <si>
		inT   bool
		inRph int
	)
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				depth = 1
				cur.Reset()
			case "rPh":
				inRph++
			case "t":
				inT = depth > 0 && inRph == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if n := length(cur.String()); n > MaxCellChars {
					c.addf(part, "", "shared string %d has %d characters, Excel's limit is %d", c.numStrings, n, MaxCellChars)
				}
				c.numStrings++
				c.strs = append(c.strs, cur.String())
				depth = 0
			case "rPh":
				inRph--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
}
