package xlsx

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/project"
	"github.com/xuri/excelize/v2"
)

// FuzzTextCell: whatever a team typed, rendering does not fail, no cell
// becomes a formula, and text XML can carry comes back unchanged.
func FuzzTextCell(f *testing.F) {
	for _, s := range []string{`=HYPERLINK("http://x","y")`, "@SUM(A1)", "+1", "-1", "=1+1", "\t=A1", "a\nb", " 先頭", "課題\r\n続き", "\x00", "=" + strings.Repeat("A", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := emptyDoc("ja")
		d.AsOf = day0()
		d.Tasks = []project.Task{{Level: 1, Name: s, Notes: s, PlannedStart: day0(), PlannedFinish: day0().AddDays(2)}}
		d.Issues = []project.Issue{{ID: s, Title: s}}
		data, err := Render(d)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		book, err := excelize.OpenReader(strings.NewReader(string(data)))
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		defer book.Close()
		for _, ref := range []string{"WBS!C3", "課題!A3", "課題!B3"} {
			sheet, cell, _ := strings.Cut(ref, "!")
			if formula, _ := book.GetCellFormula(sheet, cell); formula != "" {
				t.Fatalf("%s holds formula %q", ref, formula)
			}
			got, _ := book.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if plainXML(s) && got != s {
				t.Fatalf("%s = %q, want %q", ref, got, s)
			}
		}
	})
}

// plainXML reports whether s survives XML unchanged: valid UTF-8, no
// characters XML 1.0 forbids, no carriage returns, within Excel's limit.
func plainXML(s string) bool {
	if !utf8.ValidString(s) || len(s) > 32767 || s == "" {
		return false
	}
	for _, r := range s {
		if r == '\r' || r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			return false
		}
	}
	return true
}
