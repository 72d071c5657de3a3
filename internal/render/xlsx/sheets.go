package xlsx

import (
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
)

func txt(s string) report.Value       { return report.Value{Text: s, Empty: s == ""} }
func day(d date.Date) report.Value    { return report.Value{Date: d, Empty: d.IsZero()} }
func number(f float64) report.Value   { return report.Value{Num: &f} }
func numberP(p *float64) report.Value { return report.Value{Num: p, Empty: p == nil} }

func (b *book) col1(key string, kind report.Kind) column {
	return column{key: key, label: b.label("col." + key), kind: kind}
}

// milestones writes the マイルストーン sheet: each milestone's date, status
// (coloured), calendar days left and what puts it at risk.
func (b *book) milestones() {
	ms := b.a.Milestones
	sheet := b.label("sheet.milestones")
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.milestones"),
		cols: []column{b.col1("ms_name", report.Text), b.col1("date", report.Date), b.col1("ms_status", report.Text),
			b.col1("days_left", report.Integer), b.col1("reason", report.Text), b.col1("source", report.Text)},
		n: len(ms),
		value: func(i int, key string) report.Value {
			m := &ms[i]
			switch key {
			case "ms_name":
				return txt(m.Name)
			case "date":
				return day(m.Date)
			case "ms_status":
				return txt(b.d.Milestone(m.Status))
			case "days_left":
				if m.Date.IsZero() {
					return report.Value{Empty: true}
				}
				return number(float64(m.DaysLeft))
			case "reason":
				return txt(m.Reason)
			case "source":
				return txt(m.Source.String())
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			if key != "ms_status" {
				return look{}, false
			}
			// An on-track milestone stays plain so the coloured ones stand out.
			var fill, color string
			if st := ms[i].Status; st != analyze.MilestoneOnTrack {
				fill, color = levelTint(st.Level())
			}
			return look{fill: fill, color: color, bold: true, hAlign: "center", grid: true}, true
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, 2, false)
}

// workload writes the 負荷 sheet: planned person-days per person and ISO
// week (Mondays in the header), cells above the person's capacity red.
func (b *book) workload() {
	w := b.a.Workload
	sheet := b.label("sheet.workload")
	cols := []column{b.col1("person", report.Text), {key: "overdue", label: b.label("col.overdue_load"), kind: report.Number, fmt: fmtLoad}}
	for j, wk := range w.Weeks {
		cols = append(cols, column{key: "w" + strconv.Itoa(j), head: wk, kind: report.Number, fmt: fmtLoad})
	}
	over := func(i, j int) bool {
		return i < len(w.Load) && j < len(w.Load[i]) && i < len(w.Capacity) && j < len(w.Capacity[i]) &&
			w.Load[i][j] > w.Capacity[i][j]+1e-9
	}
	week := func(key string) int {
		if !strings.HasPrefix(key, "w") {
			return -1
		}
		j, err := strconv.Atoi(key[1:])
		if err != nil {
			return -1
		}
		return j
	}
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("section.workload"), cols: cols, n: len(w.People),
		value: func(i int, key string) report.Value {
			switch key {
			case "person":
				return txt(w.People[i])
			case "overdue":
				if i >= len(w.Overdue) || w.Overdue[i] == 0 {
					return report.Value{Empty: true}
				}
				return number(w.Overdue[i])
			}
			j := week(key)
			if i >= len(w.Load) || j < 0 || j >= len(w.Load[i]) || w.Load[i][j] == 0 {
				return report.Value{Empty: true}
			}
			return number(w.Load[i][j])
		},
		// Banding here is plain alternate fills: a rule's fill would hide
		// the over-capacity cells' own colour.
		cell: func(i int, key string) (look, bool) {
			j := week(key)
			switch {
			case j >= 0 && over(i, j):
				return look{numFmt: fmtLoad, fill: colBadFill, color: colBadText, bold: true, vAlign: "center", grid: true}, true
			case i%2 == 1 && j >= 0:
				return look{numFmt: fmtLoad, fill: colBand, vAlign: "center", grid: true}, true
			case i%2 == 1:
				return look{fill: colBand, vAlign: "center", grid: true}, true
			}
			return look{}, false
		},
	})
	if len(w.Over) > 0 {
		c := min(p.ncol+2, 16384)
		legend := "■ " + b.label("legend.over_capacity")
		b.text(sheet, c, titleRow, legend, look{fill: colBadFill, color: colBadText, bold: true})
		b.width(sheet, c, textWidth(legend)*1.1+2) // the whole legend on the printed page

	}
	b.finish(sheet, headerRow, 2, false)
}

// findings writes the 指摘 sheet: every finding with its severity
// (coloured), rule, position and message.
func (b *book) findings() {
	b.findingsSheet("sheet.findings", b.d.Findings, nil)
}

// findingsSheet writes one row per finding on the sheet whose label key
// is name, the message in the document's language. A non-nil project
// names the project of fs[i] in a leading column, frozen with the severity
// so long messages scroll under both.
func (b *book) findingsSheet(name string, fs []diag.Finding, project func(i int) string) {
	sheet := b.label(name)
	var cols []column
	freeze := 1
	if project != nil {
		cols = append(cols, column{key: "project", label: b.label("project.id"), kind: report.Text})
		freeze = 2
	}
	cols = append(cols, b.col1("severity", report.Text), b.col1("rule", report.Text), b.col1("position", report.Text), b.col1("message", report.Text))
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle(name),
		cols: cols,
		n:    len(fs),
		value: func(i int, key string) report.Value {
			f := &fs[i]
			switch key {
			case "project":
				return txt(project(i))
			case "severity":
				return txt(b.label("severity." + f.Severity.String()))
			case "rule":
				return txt(f.Rule)
			case "position":
				return txt(f.Pos.String())
			case "message":
				return txt(f.Text(b.d.Lang))
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			return severityLook(fs[i].Severity), key == "severity"
		},
	})
	b.band(p)
	b.finish(sheet, headerRow, freeze, false)
}

// severityLook is a finding's severity cell: errors red, warnings amber,
// centred in its row like the cells beside it.
func severityLook(s diag.Severity) look {
	switch s {
	case diag.Error:
		return look{fill: colBadFill, color: colBadText, bold: true, hAlign: "center", vAlign: "center", grid: true}
	case diag.Warning:
		return look{fill: colWarnFill, color: colWarnText, hAlign: "center", vAlign: "center", grid: true}
	}
	return look{hAlign: "center", vAlign: "center", grid: true}
}

// change is one line of the changes sheet.
type change struct {
	item          string
	before, after report.Value
	fmt           string
}

// changes writes the 変更 sheet: what moved since the previous run, or a
// line saying there was none to compare with.
func (b *book) changes() {
	sheet := b.label("sheet.changes")
	rows := b.changeRows()
	p := b.table(&table{
		sheet: sheet, title: b.sheetTitle("sheet.changes"),
		cols:  []column{b.col1("item", report.Text), b.col1("before", report.Text), b.col1("after", report.Text)},
		n:     len(rows),
		empty: "changes.none",
		value: func(i int, key string) report.Value {
			switch key {
			case "item":
				return txt(rows[i].item)
			case "before":
				return rows[i].before
			case "after":
				return rows[i].after
			}
			return report.Value{Empty: true}
		},
		cell: func(i int, key string) (look, bool) {
			if key == "item" || rows[i].fmt == "" {
				return look{}, false
			}
			return look{numFmt: rows[i].fmt, hAlign: "right", grid: true}, true
		},
	})
	b.band(p)
	b.widthRange(sheet, 2, 3, 40)
	b.finish(sheet, headerRow, 1, false)
}

func (b *book) changeRows() []change {
	c := b.a.Changes
	if c == nil {
		return nil
	}
	a := b.a
	pct := func(v float64) report.Value { return number(v / 100) }
	out := []change{
		{item: b.label("change.since"), before: day(c.Since), after: day(a.AsOf), fmt: fmtDate},
		{item: b.label("change.rag"), before: txt(b.ragText(c.RAGBefore)), after: txt(b.ragText(a.RAG.Overall))},
		{item: b.label("change.progress"), before: pct(a.Progress.Actual - c.ProgressDelta), after: pct(a.Progress.Actual), fmt: fmtPct1},
		{item: b.label("change.planned"), before: pct(a.Progress.Planned - c.PlannedDelta), after: pct(a.Progress.Planned), fmt: fmtPct1},
	}
	if a.EVM.SPI != nil && c.SPIDelta != nil {
		out = append(out, change{item: b.label("change.spi"), before: number(*a.EVM.SPI - *c.SPIDelta), after: numberP(a.EVM.SPI), fmt: fmtRatio})
	}
	out = append(out,
		change{item: b.label("change.new_issues"), after: number(float64(c.NewIssues)), fmt: fmtInt},
		change{item: b.label("change.closed_issues"), after: number(float64(c.ClosedIssues)), fmt: fmtInt},
		change{item: b.label("change.newly_late"), after: txt(b.list(c.NewlyLate))},
		change{item: b.label("change.no_longer_late"), after: txt(b.list(c.NoLongerLate))},
	)
	for _, m := range c.MilestoneMoves {
		out = append(out, change{item: b.label("change.milestone_moved") + "：" + m.Name, before: day(m.From), after: day(m.To), fmt: fmtDate})
	}
	return append(out, b.replanRows()...)
}

func (b *book) list(xs []string) string {
	if len(xs) == 0 {
		return b.label("none")
	}
	sep := "、"
	if b.d.Lang == "en" {
		sep = ", "
	}
	return strings.Join(xs, sep)
}

// ragText is a level in the document's language, "-" when unknown.
func (b *book) ragText(l analyze.Level) string {
	if l == "" {
		return "-"
	}
	return b.d.Level(l)
}
