package sheet_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmokit/pmo/internal/sheet"
	"github.com/xuri/excelize/v2"
)

// A sheet whose XML stops between two rows (a writer that died, a copy
// cut short and zipped again) is refused with a line naming the sheet and
// the row, not read as a shorter table: the rows after it are missing, not
// empty.
func TestSheetCutShortBetweenRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "WBS")
	rows := [][]any{{"WBS", "タスク名", "担当", "開始", "終了", "進捗率"}}
	for i := 1; i <= 12; i++ {
		rows = append(rows, []any{fmt.Sprint(i), fmt.Sprintf("作業%d", i), "佐藤", "2026/04/01", "2026/04/30", 0.5})
	}
	for i, r := range rows {
		if err := f.SetSheetRow("WBS", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	whole := filepath.Join(dir, "whole.xlsx")
	if err := f.SaveAs(whole); err != nil {
		t.Fatal(err)
	}
	book, err := sheet.Open(whole, sheet.OpenOptions{Name: "whole.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := sheet.Read(book, sheet.Options{})
	if err != nil {
		t.Fatalf("the whole workbook: %v", err)
	}
	if n := len(res.Tasks()); n != 12 {
		t.Fatalf("the whole workbook gives %d tasks, want 12", n)
	}

	cut := filepath.Join(dir, "cut.xlsx")
	rewrite(t, whole, cut, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		end := []byte("</row>")
		at := 0
		for range 6 { // the header and 5 tasks
			at += bytes.Index(b[at:], end) + len(end)
		}
		return b[:at]
	})
	book, err = sheet.Open(cut, sheet.OpenOptions{Name: "cut.xlsx"})
	if err == nil {
		_, err = sheet.Read(book, sheet.Options{})
	}
	wantInputError(t, err, "cut.xlsx", "WBS", "at row 6", "cut short")

	// The shared strings cut after half their entries: the cells whose
	// text is in the lost half would read as empty.
	sst := filepath.Join(dir, "sst.xlsx")
	rewrite(t, whole, sst, "xl/sharedStrings.xml", func(b []byte) []byte {
		end := []byte("</si>")
		at := bytes.Index(b[len(b)/2:], end)
		return b[:len(b)/2+at+len(end)]
	})
	_, err = sheet.Open(sst, sheet.OpenOptions{Name: "sst.xlsx"})
	wantInputError(t, err, "sst.xlsx", "xl/sharedStrings.xml", "cut short")

	// Cut inside a tag: the error names the sheet of the book and says the
	// part is cut short (it used to say "malformed XML", which is true but
	// does not tell the user the file is incomplete), in Japanese too.
	bad := filepath.Join(dir, "bad.xlsx")
	rewrite(t, whole, bad, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		at := bytes.Index(b, []byte("</row>")) + len("</row>")
		return append(b[:at:at], `<row r="2"><c r=`...)
	})
	book, err = sheet.Open(bad, sheet.OpenOptions{Name: "bad.xlsx"})
	if err == nil {
		_, err = sheet.Read(book, sheet.Options{})
	}
	wantInputError(t, err, "bad.xlsx!WBS!2", "cut short")
}

// rewrite copies the zip at from to to, with part changed by edit.
func rewrite(t *testing.T, from, to, part string, edit func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var parts []string
	found := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == part {
			b, found = edit(b), true
		}
		parts = append(parts, zf.Name, string(b))
	}
	if !found {
		t.Fatalf("%s has no %s", from, part)
	}
	if err := os.WriteFile(to, zipOf(t, parts...), 0o644); err != nil {
		t.Fatal(err)
	}
}
