package pdf

import (
	"fmt"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// qualityItems is page 1's data-quality band: errors and warnings, the
// share of leaf tasks with planned dates, registers not provided, the
// source to check first, and every source pmo could not read. It sits
// right under the KPI tiles, full width, so a reader sees at once how much
// evidence the colours rest on.
func (w *writer) qualityItems(width float64) []item {
	c := w.d.A.Coverage
	var parts []string
	parts = append(parts, fmt.Sprintf("%s %d", w.L("severity.error"), c.Errors), fmt.Sprintf("%s %d", w.L("severity.warning"), c.Warnings))
	if c.ScheduledShare != nil {
		parts = append(parts, fmt.Sprintf("%s %d/%d（%.0f%%）", w.L("quality.scheduled"), c.Scheduled, c.LeafTasks, *c.ScheduledShare))
	} else {
		parts = append(parts, w.L("quality.scheduled")+" -")
	}
	if !c.HasIssues {
		parts = append(parts, w.L("none.issues"))
	}
	if !c.HasRisks {
		parts = append(parts, w.L("none.risks"))
	}
	if c.Worst != "" {
		parts = append(parts, w.L("quality.worst")+"："+c.Worst)
	}
	lines := []string{w.L("quality.title") + "　" + strings.Join(parts, "　｜　")}
	for _, s := range c.Sources {
		if !s.Read {
			msg := s.ErrorJA
			if w.d.Lang == "en" {
				msg = s.Error
			}
			lines = append(lines, w.L("quality.unreadable")+"："+msg)
		}
	}
	bg := neutralBg
	if c.Errors > 0 || c.Worst != "" {
		bg = amberTint
	}
	out := []item{{h: 0.8, draw: func(x, top float64) { w.fill(bg); w.rect(x, top, width, 0.8, "F") }}}
	for _, l := range lines {
		out = append(out, w.paraItems(l, width, textStyle{size: 8.5, bg: bg}, diag.Pos{})...)
	}
	return append(out, item{h: 0.8, draw: func(x, top float64) { w.fill(bg); w.rect(x, top, width, 0.8, "F") }})
}

// moneyItems is page 1's money band (予算・着地見込) when the project has a
// budget or a cost per person-day: budget, BAC, EV, AC, EAC and VAC.
func (w *writer) moneyItems(width float64) []item {
	ms := w.d.Money()
	if len(ms) == 0 {
		return nil
	}
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		parts = append(parts, m.Label+" "+m.Text)
	}
	line := w.L("money.title") + "　" + strings.Join(parts, "　｜　")
	out := []item{{h: 0.8, draw: func(x, top float64) { w.fill(neutralBg); w.rect(x, top, width, 0.8, "F") }}}
	out = append(out, w.paraItems(line, width, textStyle{size: 8.5, bg: neutralBg}, diag.Pos{})...)
	return append(out, item{h: 0.8, draw: func(x, top float64) { w.fill(neutralBg); w.rect(x, top, width, 0.8, "F") }})
}

// noRegister is the text shown instead of counts for a register the
// project does not have, or "" when it has it.
func (w *writer) noRegister(kind string) string {
	c := w.d.A.Coverage
	switch {
	case kind == "issues" && !c.HasIssues:
		return w.L("none.issues")
	case kind == "risks" && !c.HasRisks:
		return w.L("none.risks")
	}
	return ""
}

// absentLine is a grey line in place of a section's content: "none", or
// the name of a register the project does not have.
func (w *writer) absentLine(s string) {
	w.setFont(9, false)
	w.color(grey)
	w.y += w.para(marginX, w.y, contentW, s, diag.Pos{}) + 5
	w.color(black)
}
