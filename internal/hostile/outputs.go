package hostile

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// Hostile but readable team sheets: pmo reads them, reports what is wrong
// and writes its outputs, which must still open in Excel without the
// repair prompt (the corpus test checks every workbook they write with
// internal/xlsxcheck).

// hostileText is cell text a careless or hostile sheet holds: beyond
// Excel's 32,767 characters, formula look-alikes, control characters,
// characters a sheet name forbids, characters outside the BMP.
func hostileText() []string {
	return []string{
		strings.Repeat("長い備考。", 8000),
		`=cmd|' /C calc'!A0 設計`,
		"\x01制御\x07文字\x1f",
		`[担当]:*?/\`,
		`'Sheet1'!A1`,
		strings.Repeat("😀", 20000),
		`=HYPERLINK("http://example.com","y")`,
		"@SUM(A1)",
		strings.Repeat("担当", 300),
	}
}

// hostileCSV is a WBS in CSV whose every text cell is hostile.
func hostileCSV() []byte {
	ht := hostileText()
	rows := [][]string{{"WBS番号", "タスク名", "担当者", "開始予定日", "終了予定日", "進捗率", "備考"}}
	for i, s := range ht {
		rows = append(rows, []string{
			strings.Repeat("1.", i%4) + "1", s, ht[(i+3)%len(ht)], "2026-02-01", []string{"2026-03-01", "2026/13/45", "令和8年3月1日"}[i%3],
			[]string{"50%", "120%", "abc"}[i%3], ht[(i+1)%len(ht)],
		})
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.Bytes()
}

// hostileXLSX is the same WBS as a workbook with inline strings, as a
// generator other than Excel might write it (Excel itself refuses cells
// over 32,767 characters, other writers do not).
func hostileXLSX() []byte { return hostileBook(1<<30, "") }

// minimalStyles is the smallest style sheet Excel writes: one font, the
// two fills it requires, one border, one cell format.
const minimalStyles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`

// hostileBook is hostileXLSX with every text cut to limit characters and
// the given style sheet ("": none, as some generators write it).
func hostileBook(limit int, styles string) []byte {
	var b strings.Builder
	b.WriteString("<sheetData>")
	r := 0
	for _, row := range csvRows(hostileCSV()) {
		r++
		b.WriteString(`<row r="` + itoa(r) + `">`)
		for j, v := range row {
			if r := []rune(v); len(r) > limit {
				v = string(r[:limit])
			}
			b.WriteString(`<c r="` + string(rune('A'+j)) + itoa(r) + `" t="inlineStr"><is><t xml:space="preserve">` + xmlText(v) + `</t></is></c>`)
		}
		b.WriteString("</row>")
	}
	b.WriteString("</sheetData>")
	parts := sheet(b.String())
	if styles != "" {
		parts["xl/styles.xml"] = styles
	}
	return workbook(parts)
}

func csvRows(data []byte) [][]string {
	rows, _ := csv.NewReader(bytes.NewReader(data)).ReadAll()
	return rows
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// xmlText escapes s for XML and drops the control characters XML 1.0
// cannot carry at all.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x20 && r != '\t' && r != '\n':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hostileProject is a project definition with a name no sheet name could
// hold, reading source.
func hostileProject(id, source string) []byte {
	return []byte(`version: 1
project:
  id: ` + id + `
  name: "[hostile]:*?/\\ 案件 ` + strings.Repeat("名前の長い", 20) + `'"
  pm: "=cmd|' /C calc'!A0"
  start: 2026-01-05
  end: 2026-12-25
  status_date: 2026-06-01
  budget: 180000000
  cost_per_day: 60000
sources:
  - file: ` + source + "\n")
}

func outputCases() []Case {
	both := map[string][]byte{"p1/project.yaml": hostileProject("p1", "wbs.csv"), "p1/wbs.csv": hostileCSV(),
		"p2/project.yaml": hostileProject("p2", "wbs.xlsx"), "p2/wbs.xlsx": hostileXLSX()}
	return []Case{
		{Name: "output-hostile-csv", Kind: KindOut, Files: func() map[string][]byte {
			return map[string][]byte{"project.yaml": hostileProject("hostile", "wbs.csv"), "wbs.csv": hostileCSV()}
		}, Args: report(), Exit: 0, Message: "errors", File: "project.yaml", Writes: true, Output: true},
		{Name: "output-hostile-xlsx", Kind: KindOut, Files: func() map[string][]byte {
			return map[string][]byte{"project.yaml": hostileProject("hostile", "wbs.xlsx"), "wbs.xlsx": hostileXLSX()}
		}, Args: report(), Exit: 0, Message: "errors", File: "project.yaml", Writes: true, Output: true},
		{Name: "output-hostile-convert", Kind: KindOut, Files: func() map[string][]byte {
			return map[string][]byte{"wbs.csv": hostileCSV()}
		}, Args: []string{"convert", "wbs.csv", "-o", "out/tracker.xlsx", "--lang", "en", "--as-of", "2026-06-01"}, Exit: 0, Writes: true, Output: true},
		// The team's own workbook returned with its findings: hostile text
		// within Excel's limits (a copy keeps what the original holds).
		{Name: "output-hostile-annotate", Kind: KindOut, Files: func() map[string][]byte {
			return map[string][]byte{"wbs.xlsx": hostileBook(10000, minimalStyles)}
		}, Args: []string{"annotate", "wbs.xlsx", "-o", "out/wbs.xlsx", "--as-of", "2026-06-01"}, Exit: 0, Writes: true, Output: true},
		// Without a style sheet excelize cannot extend the styles: a clean
		// error naming the file, nothing written.
		{Name: "annotate-no-styles", Kind: KindXLSX, Files: func() map[string][]byte {
			return map[string][]byte{"wbs.xlsx": hostileBook(10000, "")}
		}, Args: []string{"annotate", "wbs.xlsx", "-o", "out/wbs.xlsx", "--as-of", "2026-06-01", "--lang", "en"}, Exit: 2, Message: "cannot annotate a copy", File: "wbs.xlsx"},
		{Name: "output-hostile-batch", Kind: KindOut, Files: files(both),
			Args: []string{"batch", ".", "-o", "out", "--lang", "en", "--quiet"}, Exit: 1, Writes: true, Output: true}, // 1: the projects have errors,
	}
}
