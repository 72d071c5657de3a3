package sheet_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/sheet"
)

// TestNonFiniteAndExtremeNumbers: a number cell holding NaN or infinity
// (which some generators write, and no spreadsheet shows as a number) is
// named as such in both languages, not shown as an empty value, and never
// read as 0; and an extreme number is shown short in a message, not as
// hundreds of digits.
func TestNonFiniteAndExtremeNumbers(t *testing.T) {
	t.Parallel()
	sst := []string{`<si><t>タスク名</t></si>`, `<si><t>進捗率</t></si>`, `<si><t>予定工数</t></si>`, `<si><t>設計</t></si>`}
	row := func(r, progress, effort string) string {
		return `<c r="A` + r + `" t="s"><v>3</v></c><c r="B` + r + `"><v>` + progress + `</v></c><c r="C` + r + `"><v>` + effort + `</v></c>`
	}
	data := rawXLSX(t, sst, "", rawSheet{name: "WBS", xml: sstSheet(
		`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>`,
		row("2", "NaN", "NaN"), row("3", "INF", "3"), row("4", "-Inf", "1e308"),
		row("5", "5e-324", "2"), row("6", "50", "2"), row("7", "80", "2"),
	)})
	res := readBytes(t, "n.xlsx", data, sheet.Options{})
	tb := oneTable(t, res)
	for _, c := range []struct{ cell, en, ja string }{
		{"B2", "progress holds NaN, which is not a number; treated as empty", "progress に数値ではない値 NaN が入っています"},
		{"C2", "planned_effort holds NaN, which is not a number", "planned_effort に数値ではない値 NaN"},
		{"B3", "progress holds Inf, which is not a number", "数値ではない値 Inf"},
		{"B4", "progress holds -Inf, which is not a number", "数値ではない値 -Inf"},
		{"C4", "planned_effort 1E+308 person-days is not a plausible effort", "planned_effort 1E+308 人日"},
		{"B5", "progress 4.94066E-324 in a column of 0–100 values was read as 4.94066E-324 %; write 4.94066E-322", "進捗率 4.94066E-324 は"},
	} {
		var f *diag.Finding
		for i := range res.Findings {
			if strings.HasSuffix(res.Findings[i].Pos.String(), "!"+c.cell) {
				f = &res.Findings[i]
			}
		}
		if f == nil {
			t.Errorf("%s: no finding; findings:\n%s", c.cell, strings.Join(findingLines(res.Findings), "\n"))
			continue
		}
		if en, ja := f.Text("en"), f.Text("ja"); !strings.Contains(en, c.en) || !strings.Contains(ja, c.ja) {
			t.Errorf("%s: message\n  %s\n  %s\nwant it to contain\n  %s\n  %s", c.cell, en, ja, c.en, c.ja)
		}
	}
	long := regexp.MustCompile(`[0-9]{16}|""|「」`)
	for _, f := range res.Findings {
		for _, lang := range []string{"en", "ja"} {
			if m := long.FindString(f.Text(lang)); m != "" {
				t.Errorf("%s message shows %q: %s", lang, m, f.Text(lang))
			}
		}
	}
	if tk := tb.Tasks[0]; tk.PlannedEffort.OK() || tk.Progress.OK() {
		t.Errorf("NaN cells read as effort %v, progress %v; want both empty", tk.PlannedEffort, tk.Progress)
	}
}
