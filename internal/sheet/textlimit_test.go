package sheet_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/sheet"
)

// TestCellTextLimitNamesTheCell: a cell whose text is over
// limits.CellTextBytes is named by its cell, not only its row, however its
// text is written (a plain inline string, or runs read by the tokens).
func TestCellTextLimitNamesTheCell(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("y", 300<<10)
	runs := strings.Repeat("<t>"+strings.Repeat("y", 1000)+"</t>", 300)
	for name, body := range map[string]string{
		"plain": `<is><t>` + long + `</t></is>`,
		"runs":  `<is>` + runs + `</is>`,
		"value": `<v>` + long + `</v>`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			typ := ` t="inlineStr"`
			if name == "value" {
				typ = ` t="str"`
			}
			data := rawXLSX(t, nil, "", rawSheet{name: "WBS", xml: `<row r="1"><c r="A1" t="inlineStr"><is><t>タスク名</t></is></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>設計</t></is></c><c r="C2"` + typ + `>` + body + `</c></row>`})
			bk, err := sheet.Parse("t.xlsx", data, sheet.OpenOptions{})
			if err == nil {
				_, err = sheet.Read(bk, sheet.Options{})
			}
			if err == nil {
				t.Fatal("a 300 KB cell was read")
			}
			var ie *diag.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("%v: not an input error", err)
			}
			for _, lang := range []string{"en", "ja"} {
				msg := ie.Text(lang)
				if !strings.HasPrefix(msg, "t.xlsx!WBS!C2: ") {
					t.Errorf("%s: %q, want it to start with the cell t.xlsx!WBS!C2", lang, msg)
				}
			}
		})
	}
}
