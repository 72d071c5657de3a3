package annotate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/ooxml"
	"github.com/xuri/excelize/v2"
)

// findingsSheet adds the sheet listing every finding, with a link from
// each position to its cell, and returns its name.
func (a *annotator) findingsSheet(fs diag.Findings, sheets []string, opt Options) (string, error) {
	f, t := a.f, a.t
	name := t.sheet
	for i := 2; slices.ContainsFunc(sheets, func(s string) bool { return strings.EqualFold(s, name) }); i++ {
		name = fmt.Sprintf("%s (%d)", t.sheet, i)
	}
	if _, err := f.NewSheet(name); err != nil {
		return "", err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Family: fontOf(t.lang)}})
	if err != nil {
		return "", err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF", Family: fontOf(t.lang)},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
		Border: []excelize.Border{{Type: "bottom", Color: "1F4E78", Style: 1}}, Alignment: &excelize.Alignment{Vertical: "center"}})
	if err != nil {
		return "", err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontOf(t.lang)}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return "", err
	}
	plain, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontOf(t.lang)}})
	if err != nil {
		return "", err
	}
	link, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontOf(t.lang), Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return "", err
	}
	sev := map[diag.Severity]int{}
	// In a fixed order, not fillColor's (a map): the style ids, and so the
	// bytes written, must not change from run to run.
	for _, s := range []diag.Severity{diag.Error, diag.Warning, diag.Info} {
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontOf(t.lang), Bold: s == diag.Error}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillColor[s]}},
			Alignment: &excelize.Alignment{Vertical: "top"}})
		if err != nil {
			return "", err
		}
		sev[s] = id
	}
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(name, cell, cell, style)
	}
	title := fmt.Sprintf(t.title, opt.Name)
	if !opt.AsOf.IsZero() {
		title += "  " + fmt.Sprintf(t.asOf, opt.AsOf.String())
	}
	marked := 0
	seen := map[cellKey]bool{}
	for _, fd := range fs {
		if k, ok := place(fd, sheets); ok && !seen[k] {
			seen[k] = true
			marked++
		}
	}
	steps := []struct {
		cell  string
		v     any
		style int
	}{{"A1", title, bold}, {"A2", fmt.Sprintf(t.count, len(fs), marked), plain}, {"A3", t.sheetNote, plain}}
	cols := []string{t.no, t.severity, t.rule, t.where, t.sheetCol, t.cell, t.msg, t.fix}
	for i, c := range cols {
		steps = append(steps, struct {
			cell  string
			v     any
			style int
		}{cellName(i+1, 5), c, head})
	}
	for _, s := range steps {
		if err := set(s.cell, s.v, s.style); err != nil {
			return "", err
		}
	}
	widths := []float64{5, 8, 20, 20, 14, 7, 60, 44}
	for i, fd := range fs {
		r := 6 + i
		k, placed := place(fd, sheets)
		where, sheet, cell := t.noCell, fd.Pos.Sheet, ""
		if placed {
			cell = cellName(k.col, k.row)
			where = k.sheet + "!" + cell
		} else if p := fd.Pos.String(); p != "" {
			where = p
		}
		vals := []any{i + 1, t.sevNames[fd.Severity], fd.Rule, where, sheet, cell, clip(fd.Text(t.lang), 32767), fix(fd.Rule, t.lang)}
		for j, v := range vals {
			style := body
			switch {
			case j == 1:
				style = sev[fd.Severity]
			case j == 3 && placed:
				style = link
			}
			if err := set(cellName(j+1, r), v, style); err != nil {
				return "", err
			}
		}
		// Rows as tall as their wrapped message or fix, which not every
		// client works out by itself.
		if n := max(lines(fmt.Sprint(vals[6]), widths[6]-2), lines(fmt.Sprint(vals[7]), widths[7]-2)); n > 1 {
			if err := f.SetRowHeight(name, r, float64(15*n)); err != nil {
				return "", err
			}
		}
		if placed {
			if err := f.SetCellHyperLink(name, cellName(4, r), quoteSheet(k.sheet)+"!"+cell, "Location"); err != nil {
				return "", err
			}
		}
	}
	for i, w := range widths {
		c := string(rune('A' + i))
		if err := f.SetColWidth(name, c, c, w); err != nil {
			return "", err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 5, TopLeftCell: "A6", ActivePane: "bottomLeft"}); err != nil {
		return "", err
	}
	// Printed: A4 landscape, one page wide, the header row on every page.
	landscape, wide, tall, a4 := "landscape", 1, 0, 9
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return "", err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(name) + "!$5:$5", Scope: name}); err != nil {
		return "", err
	}
	if len(fs) > 0 {
		if err := f.AutoFilter(name, "A5:"+cellName(len(cols), 5+len(fs)), nil); err != nil {
			return "", err
		}
	}
	// After the filter, which rewrites the sheet's properties.
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return "", err
	}
	return name, nil
}

// lines is how many lines s takes in a column w characters wide, a
// full-width character counting two.
func lines(s string, w float64) int {
	n, width := 1, 0.0
	for _, r := range s {
		cw := 1.0
		if r >= 0x1100 {
			cw = 2
		}
		if r == '\n' || width+cw > w {
			n++
			width = 0
		}
		if r != '\n' {
			width += cw
		}
	}
	return n
}

func fontOf(lang string) string {
	if lang == "en" {
		return "Calibri"
	}
	return "游ゴシック"
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// quoteSheet writes a sheet name as a reference needs it: in apostrophes,
// an apostrophe doubled.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

var (
	sheetsBlock = regexp.MustCompile(`(?s)<sheets>(.*?)</sheets>`)
	sheetElem   = regexp.MustCompile(`(?s)<sheet\s[^>]*?(?:/>|>\s*</sheet>)`)
	localID     = regexp.MustCompile(`localSheetId="(\d+)"`)
	activeTab   = regexp.MustCompile(`activeTab="(\d+)"`)
	bookView    = regexp.MustCompile(`<workbookView\b`)
	nameAttr    = regexp.MustCompile(`\bname="([^"]*)"`)
	nsDecl      = regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)="([^"]*)"`)
	prefixUse   = regexp.MustCompile(`[<\s]/?([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*`)
	rootTag     = regexp.MustCompile(`<[A-Za-z_][\w.:-]*`)
)

// rewritten are the parts excelize writes anew when it annotates; every
// other part of the original is put back exactly as it was (excelize
// re-encodes some it merely read, such as the theme).
func rewritten(name string, marked map[string]bool) bool {
	switch name {
	case "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/app.xml", "docProps/core.xml":
		return true
	}
	if strings.HasPrefix(name, "xl/comments") || strings.HasPrefix(name, "xl/drawings/vmlDrawing") || strings.HasPrefix(name, "xl/drawings/_rels/vmlDrawing") {
		return true
	}
	return marked[name]
}

// finish turns excelize's output into the copy: the findings sheet moved
// first (unless last), the parts excelize had no reason to change put
// back byte for byte from the original, and namespace prefixes excelize
// dropped declared again.
func finish(orig, out []byte, markedSheets []string, name string, first bool) ([]byte, error) {
	or, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return nil, err
	}
	cr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		return nil, err
	}
	origParts := map[string]*zip.File{}
	for _, f := range or.File {
		origParts[f.Name] = f
	}
	// The parts of the sheets pmo marked (and their relationships).
	marked := map[string]bool{}
	for _, p := range sheetParts(cr, markedSheets) {
		marked[p] = true
		dir, file := path.Split(p)
		marked[dir+"_rels/"+file+".rels"] = true
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range cr.File {
		of, inOrig := origParts[zf.Name]
		if inOrig && !rewritten(zf.Name, marked) {
			if err := zw.Copy(of); err != nil {
				return nil, err
			}
			continue
		}
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			if err := zw.Copy(zf); err != nil {
				return nil, err
			}
			continue
		}
		data, err := readZip(zf)
		if err != nil {
			return nil, err
		}
		if zf.Name == "xl/workbook.xml" && first {
			var ok bool
			if data, ok = reorder(data, name); !ok {
				return nil, fmt.Errorf("the findings sheet %q is not in the workbook part", name)
			}
		}
		if inOrig {
			od, err := readZip(of)
			if err != nil {
				return nil, err
			}
			data = declarePrefixes(od, data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func readZip(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// sheetParts are the part names of the named sheets, in workbook order.
func sheetParts(zr *zip.Reader, sheets []string) []string {
	var wb, rels []byte
	for _, f := range zr.File {
		switch f.Name {
		case ooxml.WorkbookPart:
			wb, _ = readZip(f)
		case ooxml.RelsPart:
			rels, _ = readZip(f)
		}
	}
	all, err := ooxml.Sheets(wb, rels)
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range all {
		if s.Part != "" && slices.Contains(sheets, s.Name) {
			out = append(out, s.Part)
		}
	}
	return out
}

// declarePrefixes declares on the root element of part every namespace
// prefix it uses but no longer declares, with the URI the original part
// gave it. excelize re-encodes an extLst without the xmlns:x15 its
// original carried, which leaves the part unreadable to a namespace-aware
// reader (Excel, lxml).
func declarePrefixes(orig, part []byte) []byte {
	uris := map[string]string{}
	for _, m := range nsDecl.FindAllSubmatch(orig, -1) {
		if _, ok := uris[string(m[1])]; !ok {
			uris[string(m[1])] = string(m[2])
		}
	}
	have := map[string]bool{"xml": true, "xmlns": true}
	for _, m := range nsDecl.FindAllSubmatch(part, -1) {
		have[string(m[1])] = true
	}
	var add []string
	for _, m := range prefixUse.FindAllSubmatch(part, -1) {
		p := string(m[1])
		if !have[p] && uris[p] != "" {
			have[p] = true
			add = append(add, ` xmlns:`+p+`="`+uris[p]+`"`)
		}
	}
	if len(add) == 0 {
		return part
	}
	// The root element is the first tag after the declaration.
	start := 0
	if bytes.HasPrefix(part, []byte("<?xml")) {
		start = bytes.Index(part, []byte("?>")) + 2
	}
	loc := rootTag.FindIndex(part[start:])
	if loc == nil {
		return part
	}
	at := start + loc[1]
	return slices.Concat(part[:at], []byte(strings.Join(add, "")), part[at:])
}

func reorder(wb []byte, name string) ([]byte, bool) {
	m := sheetsBlock.FindSubmatchIndex(wb)
	if m == nil {
		return wb, false
	}
	inner := wb[m[2]:m[3]]
	elems := sheetElem.FindAll(inner, -1)
	at := -1
	for i, e := range elems {
		if n := nameAttr.FindSubmatch(e); n != nil && xmlUnescape(string(n[1])) == name {
			at = i
		}
	}
	if at < 0 {
		return wb, false
	}
	order := append([][]byte{elems[at]}, append(slices.Clone(elems[:at]), elems[at+1:]...)...)
	var out bytes.Buffer
	out.Write(wb[:m[2]])
	out.Write(bytes.Join(order, nil))
	out.Write(wb[m[3]:])
	// Sheet indexes: the findings sheet's becomes 0, the ones before it
	// move one right.
	shift := func(n int) int {
		switch {
		case n == at:
			return 0
		case n < at:
			return n + 1
		}
		return n
	}
	res := localID.ReplaceAllFunc(out.Bytes(), func(b []byte) []byte {
		n, _ := strconv.Atoi(string(localID.FindSubmatch(b)[1]))
		return []byte(`localSheetId="` + strconv.Itoa(shift(n)) + `"`)
	})
	// The tab that was active stays active: it is one further right now.
	if activeTab.Match(res) {
		res = activeTab.ReplaceAllFunc(res, func(b []byte) []byte {
			n, _ := strconv.Atoi(string(activeTab.FindSubmatch(b)[1]))
			return []byte(`activeTab="` + strconv.Itoa(shift(n)) + `"`)
		})
	} else {
		res = bookView.ReplaceAll(res, []byte(`<workbookView activeTab="1"`))
	}
	return res, true
}

func xmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&apos;", "'").Replace(s)
}
