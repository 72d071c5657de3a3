package annotate_test

import (
	"bytes"
	"testing"

	"github.com/pmokit/pmo/internal/annotate"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/xuri/excelize/v2"
)

// TestSameBytesEveryRun: the same workbook and findings give the same
// annotated copy every time. The findings sheet made its severity styles
// in map order, so the style ids of its rows (and styles.xml) changed
// from run to run: pmo annotate and batch --annotate wrote different
// bytes for the same inputs about one run in three.
func TestSameBytesEveryRun(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Task", "Start", "Finish", "Progress"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Design", "2026-04-01", "2026-03-01", 1.5})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	at := func(col int) diag.Pos { return diag.Pos{File: "t.xlsx", Sheet: "Sheet1", Row: 2, Col: col} }
	fs := diag.Findings{
		{Severity: diag.Error, Rule: "finish-before-start", Pos: at(3), Message: "finish 2026-03-01 is before start 2026-04-01"},
		{Severity: diag.Warning, Rule: "status-unknown", Pos: at(2), Message: "a warning"},
		{Severity: diag.Info, Rule: "note", Pos: at(1), Message: "a note"},
	}
	var first []byte
	for i := range 12 {
		res, err := annotate.Annotate(buf.Bytes(), fs, annotate.Options{Name: "t.xlsx"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res.Data
		} else if !bytes.Equal(res.Data, first) {
			t.Fatalf("run %d wrote other bytes than run 1 for the same workbook and findings", i+1)
		}
	}
}
