package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// chartRightEdges reads, for each sheet of a workbook, the right edge of
// every drawing anchored on it (its "to" column and offset), straight from
// the package XML: sheet → its drawing relationship → the anchors.
func chartRightEdges(t *testing.T, data []byte) map[string][]anchorEdge {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	read := func(name string) []byte {
		f := files[name]
		if f == nil {
			return nil
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	}
	rels := func(name string) map[string]string {
		var doc struct {
			Rels []rel `xml:"Relationship"`
		}
		if b := read(name); b != nil {
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
		}
		m := map[string]string{}
		for _, r := range doc.Rels {
			m[r.ID] = path.Clean(path.Join(path.Dir(path.Dir(name)), r.Target))
		}
		return m
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	wbRels := rels("xl/_rels/workbook.xml.rels")
	out := map[string][]anchorEdge{}
	for _, s := range wb.Sheets {
		sheetPath := wbRels[s.RID]
		var ws struct {
			Drawing struct {
				RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			} `xml:"drawing"`
		}
		if err := xml.Unmarshal(read(sheetPath), &ws); err != nil {
			t.Fatal(err)
		}
		if ws.Drawing.RID == "" {
			continue
		}
		drawing := rels(path.Join(path.Dir(sheetPath), "_rels", path.Base(sheetPath)+".rels"))[ws.Drawing.RID]
		var dr struct {
			Anchors []struct {
				To struct {
					Col    int   `xml:"col"`
					ColOff int64 `xml:"colOff"`
				} `xml:"to"`
			} `xml:"twoCellAnchor"`
		}
		b := read(drawing)
		if b == nil {
			t.Fatalf("%s: drawing %s missing", s.Name, drawing)
		}
		if err := xml.Unmarshal(b, &dr); err != nil {
			t.Fatal(err)
		}
		for _, a := range dr.Anchors {
			out[s.Name] = append(out[s.Name], anchorEdge{col: a.To.Col + 1, offMM: float64(a.To.ColOff) / 36000})
		}
	}
	return out
}

// anchorEdge is where a drawing ends: inside column col (1-based), offMM
// from its left edge.
type anchorEdge struct {
	col   int
	offMM float64
}

// TestChartsPrintOnTheirSheetsPage checks that a sheet printed whole (no
// print area) is scaled to hold the charts beside its table, so no chart
// spills onto a page of its own; and that cells outside the table (the
// workload legend) are inside the page too.
func TestChartsPrintOnTheirSheetsPage(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ja", "en"} {
		d := exampleDoc(t, "kikan", lang)
		data := render(t, d)
		f := open(t, data)
		printed := readPrinted(t, data, lang)
		edges := chartRightEdges(t, data)
		checked := 0
		for _, sheet := range f.GetSheetList() {
			ps := printed[sheet]
			if len(ps.blocks) > 1 || ps.scale <= float64(lowestScale()) {
				continue // printed in blocks, or at the floor where wide sheets may spill
			}
			if props, _ := f.GetSheetProps(sheet); deref(props.FitToPage) {
				// Fitted to the page by the client, charts and all: what
				// matters is the size of its text (TestPrintedFontSize),
				// whose scale counts the charts.
				checked++
				continue
			}
			limit := a3PrintableMM(t, f, sheet)
			colsMM := func(last int) float64 { return sheetColsMM(f, sheet, ps.widths, 1, last, lang) }
			for _, e := range edges[sheet] {
				checked++
				if right := (colsMM(e.col-1) + e.offMM) * ps.scale / 100; right > limit {
					t.Errorf("%s %s: a chart ends %.0f mm across the page at %.0f %%, past the printable %.0f mm", lang, sheet, right, ps.scale, limit)
				}
			}
			last := 0
			for _, row := range ps.heads {
				for c := len(row); c > 0; c-- {
					name, _ := excelize.ColumnNumberToName(c)
					if visible, _ := f.GetColVisible(sheet, name); visible && inBlocks(ps.blocks, c) && strings.TrimSpace(row[c-1]) != "" {
						last = max(last, c)
						break
					}
				}
			}
			if right := colsMM(last) * ps.scale / 100; right > limit {
				t.Errorf("%s %s: text in column %d ends %.0f mm across the page at %.0f %%, past %.0f mm", lang, sheet, last, right, ps.scale, limit)
			}
		}
		if checked == 0 {
			t.Fatalf("%s: no charts found on any sheet printed whole", lang)
		}
	}
}
