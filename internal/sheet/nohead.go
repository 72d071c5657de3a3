package sheet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// A table without any header text (an Excel table whose header row was
// switched off, a CSV written without one) can still be a schedule when
// its values leave no doubt: one column of distinct texts (the task
// names), two or more columns of dates (start, finish), perhaps outline
// codes, percentages and a column of a few repeated short names (the
// people). Anything less clear is not guessed: the sheet is reported as
// having no recognisable header.

// valuesOnlyHeader maps a sheet with no header row from its values, as a
// schedule; nil when the values do not make that unambiguous or kind asks
// for another kind.
func valuesOnlyHeader(g *Grid, kind project.Kind) *header {
	if kind != "" && kind != project.KindWBS || len(g.Rows) < minEvidence {
		return nil
	}
	maxCol := min(g.MaxCol(), maxCols)
	h := &header{kind: project.KindWBS, rows: []int{g.Rows[0].Num - 1}, area: Range{Row1: 1, Col1: 1, Row2: headerSearchRows, Col2: maxCol}}
	cols := map[int]bool{}
	for i := range g.Rows[:min(len(g.Rows), profileRows)] {
		for c := range g.stored(&g.Rows[i]) {
			cols[int(c.col)] = true
		}
	}
	if len(cols) > 64 {
		return nil // a grid of values, not a table
	}
	list := make([]int, 0, len(cols))
	for c := range cols {
		list = append(list, c)
	}
	slices.Sort(list)
	profs := profileOf(g, h, list)
	var dates, texts []int
	field := map[int]string{}
	for _, c := range list {
		p := profs[c]
		switch p.kind() {
		case kindDates:
			dates = append(dates, c)
		case kindPercent:
			if !slices.Contains(mapsValues(field), "progress") {
				field[c] = "progress"
			}
		case kindText:
			texts = append(texts, c)
		default:
			if d, n, codes := distinctText(g, h, c); n > 0 && codes*10 >= n*8 && d == n && !slices.Contains(mapsValues(field), "wbs_id") {
				field[c] = "wbs_id" // outline codes: 1, 1.1, 1.2
			}
		}
	}
	if len(dates) < 2 || len(texts) == 0 {
		return nil
	}
	field[dates[0]], field[dates[1]] = "planned_start", "planned_finish"
	// The names are the text column whose values are most nearly all
	// different; people repeat, codes look like 1.2.3.
	name, best := 0, 0.0
	for _, c := range texts {
		d, n, codes := distinctText(g, h, c)
		switch {
		case n == 0:
		case codes*10 >= n*8:
			field[c] = "wbs_id"
		case float64(d)/float64(n) > best:
			name, best = c, float64(d)/float64(n)
		}
	}
	if name == 0 || best < 0.8 {
		return nil
	}
	field[name] = "name"
	for _, c := range texts {
		if _, ok := field[c]; ok {
			continue
		}
		if d, n, _ := distinctText(g, h, c); n > 0 && d*2 <= n && !slices.Contains(mapsValues(field), "assignee") {
			field[c] = "assignee"
		}
	}
	for _, c := range list {
		col := Column{Col: c, Letter: columnLetter(c), Field: field[c], Score: minFieldScore}
		h.cols = append(h.cols, col)
	}
	h.noHeader = true
	return h
}

func mapsValues(m map[int]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// distinctText counts, over the sampled rows of column col, the distinct
// texts, all texts, and those that look like outline codes (1, 1.2, 1-2-3).
func distinctText(g *Grid, h *header, col int) (distinct, n, codes int) {
	seen := map[string]bool{}
	rows := h.dataRows(g)
	for i := range rows[:min(len(rows), profileRows)] {
		c := g.cellIn(&rows[i], col)
		if c.Kind != String {
			continue
		}
		t := value.Text(c.Str)
		if t == "" {
			continue
		}
		n++
		if !seen[t] {
			seen[t] = true
			distinct++
		}
		if codeLevel(t) >= 1 && strings.Trim(t, "0123456789.-") == "" {
			codes++
		}
	}
	return distinct, n, codes
}

// noteValuesOnly warns that a table was mapped without a header.
func noteValuesOnly(g *Grid, h *header, fs *diag.Findings) {
	var parts []string
	for _, c := range h.cols {
		if c.Field != "" {
			parts = append(parts, fmt.Sprintf("%s=%s", c.Letter, c.Field))
		}
	}
	fs.Add(diag.Warning, "no-header", g.RowPos(h.rows[0]+1), "no header row: columns mapped by their values alone (%s); give header_rows and columns in the YAML to be sure", strings.Join(parts, " "))
}
