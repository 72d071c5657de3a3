package docprops

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRoundTrip: excelize reads back what Set wrote, text with markup
// characters included, and the part carries the cp: prefix ExcelJS needs.
func TestRoundTrip(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	p := Props{Title: `管理表：<R&D> "x"`, Subject: "件名", Creator: "pmo", LastModifiedBy: "pmo", Identifier: "crm", Language: "ja", Created: "2026-11-20T00:00:00Z"}
	Set(f, p)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	got, err := g.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != p.Title || got.Subject != p.Subject || got.LastModifiedBy != "pmo" || got.Identifier != "crm" || got.Language != "ja" ||
		got.Created != p.Created || got.Modified != templateDate {
		t.Errorf("read back %+v", got)
	}
	x := string(XML(p))
	for _, want := range []string{"<cp:coreProperties ", "<cp:lastModifiedBy>pmo</cp:lastModifiedBy>", "&lt;R&amp;D&gt;"} {
		if !strings.Contains(x, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, x)
		}
	}
}
