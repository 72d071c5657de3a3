package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/report"
)

// Summary sheet layout: facts, RAG and KPIs in columns A–C, charts from
// column E, the charts' data from column Q (outside the print area).
const (
	sumLabelW = 22.0 // the label column's narrowest (see labelWidth)
	// sumLabelMax is the widest the label column gets: a longer label (a
	// source deep in folders) wraps.
	sumLabelMax = 40.0
	sumValueW   = 16.0
	sumNoteW    = 60.0
	chartCol    = 5
	lastPrint   = 15 // O: the charts end before it
	chartData   = 17 // Q
	chartRows   = 17
	chartW      = 620
	chartH      = 310
	sumTextCol  = 3
)

// quality writes the data-quality block from row r: the project's
// errors, warnings and shares, then one row per source with what was read
// from it. It returns the next free row.
func (b *book) quality(sheet string, r int) int {
	c := b.d.A.Coverage
	r = b.section(sheet, r, "quality.title")
	labelW := b.widths[sheet][1]
	row := func(label, value, note string, lk look) {
		ll := look{bold: true, grid: true}
		if labelWidth(label) > labelW {
			ll.wrap, ll.vAlign = true, "center"
		}
		b.text(sheet, 1, r, label, ll)
		b.text(sheet, 2, r, value, lk)
		b.text(sheet, 3, r, note, look{wrap: true, vAlign: "center", grid: true})
		if n := max(linesIn(note, sumNoteW), linesIn(label, labelW-1)); n > 1 && b.err == nil {
			b.rowHeight(sheet, r, rowHeight(n, b.lineHeight()))
		}
		r++
	}
	plain := look{hAlign: "right", grid: true}
	row(b.label("severity.error"), fmt.Sprint(c.Errors), "", plain)
	row(b.label("severity.warning"), fmt.Sprint(c.Warnings), "", plain)
	pct := func(n, of int, p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%d/%d (%.0f%%)", n, of, *p)
	}
	row(b.label("quality.scheduled"), pct(c.Scheduled, c.LeafTasks, c.ScheduledShare), "", plain)
	row(b.label("quality.progress"), pct(c.WithProgress, c.LeafTasks, c.ProgressShare), "", plain)
	if !c.HasIssues {
		row(b.label("sheet.issues"), b.label("not_provided"), b.label("none.issues"), ragLook(""))
	}
	if !c.HasRisks {
		row(b.label("sheet.risks"), b.label("not_provided"), b.label("none.risks"), ragLook(""))
	}
	if c.Worst != "" {
		row(b.label("quality.worst"), "", c.Worst, plain)
	}
	for _, src := range c.Sources {
		value := b.label("not_provided")
		if src.UsableShare != nil {
			value = fmt.Sprintf("%d/%d (%.0f%%)", src.Usable, src.Records, *src.UsableShare)
		}
		var notes []string
		if !src.Read {
			value = b.label("quality.unreadable")
			notes = append(notes, pick(b.d.Lang, src.Error, src.ErrorJA))
		}
		if len(src.Missing) > 0 {
			notes = append(notes, b.label("quality.missing")+": "+strings.Join(src.Missing, ", "))
		}
		if len(src.Unmapped) > 0 {
			notes = append(notes, b.label("quality.unmapped")+": "+strings.Join(src.Unmapped, ", "))
		}
		notes = append(notes, fmt.Sprintf("%s %d / %s %d", b.label("severity.error"), src.Errors, b.label("severity.warning"), src.Warnings))
		note := strings.Join(notes, "\n")
		if one := strings.Join(notes, noteSep(b.d.Lang)); textWidth(one) <= sumNoteW {
			note = one // one line where it fits: the sheet is kept to one page
		}
		lk := plain
		if !src.Read || len(src.Missing) > 0 {
			lk = look{hAlign: "right", grid: true, fill: colBadFill, color: colBadText}
		}
		row(src.Name, value, note, lk)
	}
	return r
}

// noteSep joins the notes of one source on one line.
func noteSep(lang string) string {
	if lang == "en" {
		return "; "
	}
	return "　"
}

// pick is en in English documents, ja otherwise.
func pick(lang, en, ja string) string {
	if lang == "en" || ja == "" {
		return en
	}
	return ja
}

// sectionLook is a section heading of the summary.
func sectionLook() look { return look{bold: true, fill: colSection, color: colTitle, grid: true} }

// summary writes the 概要 sheet.
func (b *book) summary() {
	d := b.d
	sheet := b.label("sheet.summary")
	b.streamed(sheet) // its cells written with the zip, like the row tables'
	labelW := b.summaryLabelWidth()
	b.width(sheet, 1, labelW)
	b.width(sheet, 2, sumValueW)
	b.width(sheet, 3, sumNoteW)
	b.width(sheet, 4, 2)
	b.text(sheet, 1, 1, b.title(), look{bold: true, size: 16, color: colTitle})
	r := b.gap(sheet, 2)
	r = b.section(sheet, r, "section.facts")
	fact := func(key, v string) {
		if v == "" {
			return
		}
		b.text(sheet, 1, r, b.label(key), look{bold: true, grid: true})
		b.str(sheet, 2, r, v)
		b.styleRange(sheet, 2, r, 3, r, look{grid: true})
		b.merge(sheet, 2, r, 3, r)
		r++
	}
	fact("project.id", d.Project.ID)
	fact("project.name", d.Project.Name)
	fact("project.pm", d.Project.PM)
	fact("project.sponsor", d.Project.Sponsor)
	if !d.Project.Start.IsZero() || !d.Project.End.IsZero() {
		sep := " 〜 "
		if d.Lang == "en" {
			sep = " – "
		}
		fact("project.period", slashDate(d.Project.Start)+sep+slashDate(d.Project.End))
	}
	if !d.AsOf.IsZero() {
		b.text(sheet, 1, r, b.label("project.status_date"), look{bold: true, grid: true})
		b.date(sheet, 2, r, d.AsOf)
		b.style(sheet, 2, r, look{numFmt: fmtDate, bold: true, hAlign: "left", grid: true})
		b.style(sheet, 3, r, look{grid: true})
		r++
	}
	if d.Project.Budget > 0 {
		b.text(sheet, 1, r, b.label("project.budget"), look{bold: true, grid: true})
		b.num(sheet, 2, r, d.Project.Budget)
		b.style(sheet, 2, r, look{numFmt: moneyFmt(d.Project.Currency, d.Lang), hAlign: "left", grid: true})
		b.style(sheet, 3, r, look{grid: true})
		r++
	}
	r = b.gap(sheet, r)
	r = b.section(sheet, r, "section.rag")
	b.text(sheet, 1, r, b.label("rag.overall"), look{bold: true, grid: true})
	b.text(sheet, 2, r, d.Level(d.RAG.Overall), ragLook(d.RAG.Overall))
	b.style(sheet, 3, r, look{grid: true})
	r++
	for _, dim := range d.RAG.Dimensions {
		b.text(sheet, 1, r, dim.Label, look{vAlign: "center", grid: true})
		b.text(sheet, 2, r, d.Level(dim.Level), ragLook(dim.Level))
		b.text(sheet, 3, r, dim.Reason, look{wrap: true, vAlign: "center", grid: true})
		b.fitHeight(sheet, r, dim.Reason, sumNoteW)
		r++
	}
	r = b.gap(sheet, r)
	r = b.section(sheet, r, "section.kpi")
	for _, k := range d.KPIs {
		b.kpi(sheet, r, k)
		r++
	}
	if money := d.Money(); len(money) > 0 {
		r = b.gap(sheet, r)
		r = b.section(sheet, r, "money.title")
		for _, m := range money {
			b.text(sheet, 1, r, m.Label, look{bold: true, grid: true})
			if m.Missing {
				b.text(sheet, 2, r, m.Text, look{hAlign: "right", grid: true, color: "595959"})
				r++
				continue
			}
			b.num(sheet, 2, r, math.Round(m.Value))
			b.style(sheet, 2, r, look{numFmt: moneyFmt(d.Project.Currency, d.Lang), hAlign: "right", grid: true})
			b.text(sheet, 3, r, m.Text, look{grid: true, color: "595959"})
			r++
		}
	}
	r = b.gap(sheet, r)
	r = b.quality(sheet, r)
	for _, block := range []struct {
		key   string
		lines []string
	}{
		{"comment", nonEmpty(d.Comment)},
		{"decisions", bullets(d.Decisions)},
		{"escalations", bullets(d.Escalations)},
	} {
		if len(block.lines) == 0 {
			continue
		}
		r = b.gap(sheet, r)
		r = b.section(sheet, r, block.key)
		for _, line := range block.lines {
			b.text(sheet, 1, r, line, look{wrap: true, vAlign: "top", grid: true})
			b.styleRange(sheet, 2, r, 3, r, look{wrap: true, vAlign: "top", grid: true})
			b.merge(sheet, 1, r, 3, r)
			b.fitHeight(sheet, r, line, labelW+sumValueW+sumNoteW)
			r++
		}
	}
	bottom := b.charts(sheet)
	b.finishPrint(sheet, 0, 1, false, printSpec{blocks: [][2]int{{1, lastPrint}}, lastRow: max(r, bottom) - 1, onePage: true})
}

// labelWidth is the width a bold label needs on one line, in Excel units.
func labelWidth(s string) float64 { return textWidth(s)*1.1 + 1 }

// summaryLabelWidth is the width of the summary's label column: its
// widest label (a fact, RAG dimension, KPI, money or data-quality label, a
// source's name) on one line, within [sumLabelW, sumLabelMax].
func (b *book) summaryLabelWidth() float64 {
	d := b.d
	labels := []string{b.label("project.status_date"), b.label("project.budget"), b.label("rag.overall"),
		b.label("quality.scheduled"), b.label("quality.progress"), b.label("quality.worst"), b.label("sheet.issues"), b.label("sheet.risks")}
	for _, k := range []string{"project.id", "project.name", "project.pm", "project.sponsor", "project.period"} {
		labels = append(labels, b.label(k))
	}
	for _, dim := range d.RAG.Dimensions {
		labels = append(labels, dim.Label)
	}
	for _, k := range d.KPIs {
		labels = append(labels, k.Label)
	}
	for _, m := range d.Money() {
		labels = append(labels, m.Label)
	}
	if d.A != nil {
		for _, src := range d.A.Coverage.Sources {
			labels = append(labels, src.Name)
		}
	}
	w := sumLabelW
	for _, l := range labels {
		w = max(w, labelWidth(l))
	}
	return math.Round(min(w, sumLabelMax)*4) / 4
}

// gapPt is the height of the empty row between two blocks of the
// summary: a gap, not a line of text, so the page holds more of what is
// written (the sheet prints on one page: see printSpec.onePage).
const gapPt = 6

// gap makes row r a gap between blocks and returns the next row.
func (b *book) gap(sheet string, r int) int {
	b.rowHeight(sheet, r, gapPt)
	return r + 1
}

// section writes a section heading across A–C and returns the next row.
func (b *book) section(sheet string, r int, key string) int {
	b.text(sheet, 1, r, b.label(key), sectionLook())
	b.styleRange(sheet, 2, r, 3, r, sectionLook())
	b.merge(sheet, 1, r, 3, r)
	return r + 1
}

// kpi writes one KPI row: label, typed value coloured by its level, note.
func (b *book) kpi(sheet string, r int, k report.KPI) {
	b.text(sheet, 1, r, k.Label, look{grid: true})
	fill, color := levelTint(k.Level)
	v := look{fill: fill, color: color, bold: true, hAlign: "right", grid: true}
	switch {
	case k.Key == "next_milestone" || k.Num == nil:
		v.hAlign = "left"
		b.str(sheet, 2, r, k.Value)
	case k.Key == "planned" || k.Key == "actual":
		v.numFmt = fmtPct1
		b.num(sheet, 2, r, *k.Num/100)
	case k.Key == "spi" || k.Key == "cpi":
		v.numFmt = fmtRatio
		b.num(sheet, 2, r, *k.Num)
	default:
		v.numFmt = fmtInt
		b.num(sheet, 2, r, *k.Num)
	}
	b.style(sheet, 2, r, v)
	b.text(sheet, 3, r, k.Note, look{indent: 1, grid: true})
}

// fitHeight makes a row tall enough for wrapped text in a cell w wide.
func (b *book) fitHeight(sheet string, r int, s string, w float64) {
	if n := linesIn(s, w); n > 1 && b.err == nil {
		b.rowHeight(sheet, r, rowHeight(n, b.lineHeight()))
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func bullets(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, "・"+x)
		}
	}
	return out
}

// moneyFmt shows the budget with its currency: 円 after the amount in
// Japanese, the currency code otherwise.
func moneyFmt(currency, lang string) string {
	switch {
	case currency == "" || currency == "JPY" && lang != "en":
		if currency == "JPY" {
			return `#,##0"円"`
		}
		return "#,##0"
	}
	return fmt.Sprintf(`#,##0" %s"`, strings.ReplaceAll(currency, `"`, ""))
}

// slashDate is a date as the tracker shows it, 2026/04/01; "" for none.
func slashDate(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2006/01/02")
}
