package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/pmokit/pmo/internal/report"
)

// fontNames returns, for every <font> of a workbook's styles (cell fonts
// and conditional formats' fonts), the family it names ("" for none).
func fontNames(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/styles.xml")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(f)
	type font struct {
		Name *struct {
			Val string `xml:"val,attr"`
		} `xml:"name"`
	}
	var ss struct {
		Fonts []font `xml:"fonts>font"`
		Dxfs  []struct {
			Font *font `xml:"font"`
		} `xml:"dxfs>dxf"`
	}
	if err := xml.Unmarshal(raw, &ss); err != nil {
		t.Fatal(err)
	}
	var out []string
	name := func(f font) string {
		if f.Name == nil {
			return ""
		}
		return f.Name.Val
	}
	for _, f := range ss.Fonts {
		out = append(out, name(f))
	}
	for _, d := range ss.Dxfs {
		if d.Font != nil {
			out = append(out, name(*d.Font))
		}
	}
	return out
}

// TestEveryFontNamesItsFamily: a style's font that names no family makes
// LibreOffice and other clients fall back to a serif.
func TestEveryFontNamesItsFamily(t *testing.T) {
	t.Parallel()
	books := map[string]struct {
		data []byte
		want string
	}{
		"kikan-ja": {render(t, exampleDoc(t, "kikan", "ja")), "游ゴシック"},
		"kikan-en": {render(t, exampleDoc(t, "kikan", "en")), "Calibri"},
		"empty-en": {render(t, emptyDoc("en")), "Calibri"},
	}
	pf, err := RenderPortfolio(&report.Portfolio{Name: "p", Lang: "ja", L: report.LabelsFor("ja")})
	if err != nil {
		t.Fatal(err)
	}
	books["portfolio"] = struct {
		data []byte
		want string
	}{pf, "游ゴシック"}
	for name, b := range books {
		fonts := fontNames(t, b.data)
		if len(fonts) < 3 {
			t.Errorf("%s: only %d fonts", name, len(fonts))
		}
		for i, f := range fonts {
			if f != b.want {
				t.Errorf("%s: font %d names %q, want %q", name, i, f, b.want)
			}
		}
	}
}
