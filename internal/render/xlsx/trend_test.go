package xlsx

import (
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
)

// TestTrendSheet: the 推移 sheet has one row per run with real numbers
// (an unknown CPI an empty cell, not 0) and two native charts over it:
// a line chart of SPI, CPI and SPI(t), and columns of raised and closed
// issues with the open count as a line.
func TestTrendSheet(t *testing.T) {
	t.Parallel()
	d := exampleDoc(t, "kikan", "ja")
	a := *d.A
	one, two := 0.9, 1.05
	raised, closed := 2, 1
	a.Trend = []analyze.RunPoint{
		{AsOf: date.Of(2026, 11, 6), Planned: 50, Actual: 45, SPI: &one, OpenIssues: 4},
		{AsOf: date.Of(2026, 11, 13), Planned: 55, Actual: 52, SPI: &two, CPI: &one, SPIt: &one, OpenIssues: 5, Raised: &raised, Closed: &closed},
	}
	d.A = &a
	data := render(t, d)
	f := open(t, data)
	sheet := d.L.Get("sheet.trend")
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[2][0] != "2026/11/06" || rows[3][3] != "1.05" {
		t.Fatalf("trend rows %q", rows)
	}
	if cpi, _ := f.GetCellValue(sheet, "E3"); cpi != "" {
		t.Errorf("unknown CPI written as %q, want an empty cell", cpi)
	}
	// Charts 1-3 are the summary sheet's; 4 and 5 the trend sheet's.
	line, combo := readPart(t, data, "xl/charts/chart4.xml"), readPart(t, data, "xl/charts/chart5.xml")
	if !strings.Contains(line, "<lineChart>") || !strings.Contains(line, "SPI・CPI・SPI(t) の推移") || strings.Count(line, "<ser>") != 3 {
		t.Errorf("indices chart: not a line chart of three series")
	}
	if !strings.Contains(combo, "<barChart>") || !strings.Contains(combo, "<lineChart>") || !strings.Contains(combo, "課題推移") {
		t.Errorf("issue trend chart: not columns with a line")
	}
	if !strings.Contains(line, "&#39;推移&#39;!$M$3:$M$4") {
		t.Errorf("the charts do not take their categories from the run column")
	}
}
