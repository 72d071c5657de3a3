package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch/batchtest"
)

// TestSparklinesSurviveStreaming: the StreamWriter writes no extension
// list, so a row table with sparklines (the portfolio's 推移一覧) must still
// carry them.
func TestSparklinesSurviveStreaming(t *testing.T) {
	t.Parallel()
	pf := batchtest.ExampleBoard(t, "../../../examples/portfolio.yaml", "ja", "department")
	data, err := RenderPortfolio(pf)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	idx, err := f.GetSheetIndex("推移一覧")
	if err != nil || idx < 0 {
		t.Fatalf("no 推移一覧 sheet: %v", err)
	}
	rows, _ := f.GetRows("推移一覧")
	if len(rows) <= firstRow-1 {
		t.Skip("the example portfolio has no trend rows")
	}
	if part := readPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)); !strings.Contains(part, "sparklineGroup") {
		t.Error("推移一覧 lost its sparklines")
	}
}

// TestZipEntriesInFixedOrder: several streamed sheets, and still the
// content types first and the rest by name, so the bytes never depend on
// map order.
func TestZipEntriesInFixedOrder(t *testing.T) {
	t.Parallel()
	data := render(t, exampleDoc(t, "kikan", "ja"))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %s", zr.File[0].Name)
	}
	for i := 3; i < len(zr.File); i++ {
		if zr.File[i-1].Name > zr.File[i].Name {
			t.Errorf("%s before %s", zr.File[i-1].Name, zr.File[i].Name)
		}
	}
}

// TestChartsOnStreamedSheets: a chart added to a row-table sheet after
// its finish (the 推移 sheet's, the テスト消化 sheet's line charts) is still in the
// sheet's XML, since the streamed sheets are written last.
func TestChartsOnStreamedSheets(t *testing.T) {
	t.Parallel()
	data := render(t, generated(smallSpec("ja")))
	f := open(t, data)
	drawn := 0
	for i, sheet := range f.GetSheetList() {
		part := readPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if strings.Contains(part, "<drawing ") {
			drawn++
		} else if sheet == f.GetSheetList()[0] {
			t.Errorf("%s has no drawing", sheet)
		}
	}
	if drawn < 2 {
		t.Errorf("%d sheets keep their charts, want the summary's and a row table's", drawn)
	}
}

// TestStreamedColsAscending: every sheet's <col> elements are in
// ascending order and do not overlap, as Excel requires and LibreOffice
// needs to read the widths.
func TestStreamedColsAscending(t *testing.T) {
	t.Parallel()
	data := render(t, exampleDoc(t, "kikan", "ja"))
	f := open(t, data)
	for i, sheet := range f.GetSheetList() {
		part := readPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		var ws struct {
			Cols []struct {
				Min int `xml:"min,attr"`
				Max int `xml:"max,attr"`
			} `xml:"cols>col"`
		}
		if err := xml.Unmarshal([]byte(part), &ws); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, c := range ws.Cols {
			if c.Min <= prev || c.Max < c.Min {
				t.Errorf("%s: <col min=%d max=%d> after column %d", sheet, c.Min, c.Max, prev)
			}
			prev = c.Max
		}
	}
}
