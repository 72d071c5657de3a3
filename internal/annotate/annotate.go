// Package annotate returns a team its own workbook with pmo's findings
// marked on it: a copy (never the original) in which every cell a finding
// names carries a comment — severity, rule, message and a suggested fix,
// in the document's language — and a fill added to its own style, plus a
// first sheet listing every finding with a link to its cell.
//
// What is kept: every part of the original that pmo has no reason to
// change is copied into the copy byte for byte, still compressed as it
// was — the VBA project of an .xlsm (xl/vbaProject.bin) and its content
// type, drawings, images, charts, the theme, the calculation chain and
// every sheet with no finding. The workbook part, the styles, the shared
// strings, the content types and the sheets with findings are written by
// excelize, which keeps their cells, values, formulas, merges and formats
// but may drop markup it does not model (namespace declarations it drops
// are put back from the original). An existing comment on a marked cell
// keeps its text, with pmo's below it, but loses its rich-text formatting.
package annotate

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/xuri/excelize/v2"
)

// Options say how to annotate.
type Options struct {
	// Lang is the language of the comments and the findings sheet: "ja"
	// or "en"; empty means the workbook's own (Japanese when its sheet
	// names or strings are).
	Lang string
	// Name is the file's name as the user knows it, for the findings
	// sheet's title.
	Name string
	// AsOf is the status date the findings were made on (shown on the
	// findings sheet; zero leaves it out).
	AsOf date.Date
	// Last puts the findings sheet after the team's sheets instead of
	// first: for macro workbooks, whose code may address sheets by
	// position (Worksheets(1)).
	Last bool
}

// Result is the annotated copy and what it holds.
type Result struct {
	Data []byte
	Lang string
	// Marked is the number of cells given a comment and a fill; Listed the
	// number of findings on the findings sheet (all of them); Unplaced
	// those naming no cell of this workbook (file-level findings, or a
	// sheet the workbook does not have), listed without a link.
	Marked, Listed, Unplaced int
	Sheet                    string // the findings sheet's name
}

// cellKey is one cell of one sheet.
type cellKey struct {
	sheet    string
	row, col int
}

// Annotate marks findings on a copy of the workbook data. Findings are
// those of this file only (the caller filters by Pos.File); a finding on
// a row without a column marks the row's first cell.
func Annotate(data []byte, findings diag.Findings, opt Options) (res *Result, err error) {
	// excelize assumes parts a valid workbook has (a style sheet with a
	// font): a file pmo's own reader accepts without them makes it panic.
	// That is this file's fault, said as such, not pmo's crash.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("excelize failed on it (%v); saved again by Excel or LibreOffice it can be annotated", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a workbook pmo can annotate: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	lang := opt.Lang
	if lang == "" {
		lang = detectLang(data, sheets)
	}
	t := texts(lang)
	fs := slices.Clone(findings)
	sortFindings(fs, sheets)

	// The cells to mark, each with its findings in order.
	byCell := map[cellKey][]diag.Finding{}
	var cells []cellKey
	unplaced := 0
	for _, fd := range fs {
		k, ok := place(fd, sheets)
		if !ok {
			unplaced++
			continue
		}
		if _, seen := byCell[k]; !seen {
			cells = append(cells, k)
		}
		byCell[k] = append(byCell[k], fd)
	}
	a := &annotator{f: f, t: t, fills: map[fillKey]int{}}
	for _, k := range cells {
		if err := a.mark(k, byCell[k]); err != nil {
			return nil, err
		}
	}
	name, err := a.findingsSheet(fs, sheets, opt)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("writing the annotated copy: %w", err)
	}
	var markedSheets []string
	for _, k := range cells {
		if !slices.Contains(markedSheets, k.sheet) {
			markedSheets = append(markedSheets, k.sheet)
		}
	}
	out, err := finish(data, buf.Bytes(), append(markedSheets, name), name, !opt.Last)
	if err != nil {
		return nil, fmt.Errorf("writing the annotated copy: %w", err)
	}
	return &Result{Data: out, Lang: lang, Marked: len(cells), Listed: len(fs), Unplaced: unplaced, Sheet: name}, nil
}

// place is the cell a finding names in this workbook.
func place(fd diag.Finding, sheets []string) (cellKey, bool) {
	p := fd.Pos
	if p.Sheet == "" || p.Row <= 0 || p.Path != "" || p.CSV {
		return cellKey{}, false
	}
	i := slices.IndexFunc(sheets, func(s string) bool { return s == p.Sheet })
	if i < 0 || p.Row > 1048576 || p.Col > 16384 {
		return cellKey{}, false
	}
	return cellKey{sheets[i], p.Row, max(p.Col, 1)}, true
}

// sortFindings orders findings as the workbook reads: by sheet order, row,
// column, then severity (worst first) and rule; file-level ones first.
func sortFindings(fs diag.Findings, sheets []string) {
	idx := func(s string) int {
		if s == "" {
			return -1
		}
		if i := slices.Index(sheets, s); i >= 0 {
			return i
		}
		return len(sheets)
	}
	slices.SortStableFunc(fs, func(a, b diag.Finding) int {
		return cmp.Or(cmp.Compare(idx(a.Pos.Sheet), idx(b.Pos.Sheet)), cmp.Compare(a.Pos.Row, b.Pos.Row), cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(b.Severity, a.Severity), strings.Compare(a.Rule, b.Rule))
	})
}

type fillKey struct {
	style int
	sev   diag.Severity
}

type annotator struct {
	f     *excelize.File
	t     labels
	fills map[fillKey]int // original style and severity → the style with the fill
}

// Fills by severity: Excel's own "bad", "neutral" and a light blue.
var fillColor = map[diag.Severity]string{diag.Error: "FFC7CE", diag.Warning: "FFEB9C", diag.Info: "DDEBF7"}

// mark gives one cell its comment and fill.
func (a *annotator) mark(k cellKey, fs []diag.Finding) error {
	ref, err := excelize.CoordinatesToCellName(k.col, k.row)
	if err != nil {
		return err
	}
	worst := diag.Info
	var parts []string
	for _, fd := range fs {
		worst = max(worst, fd.Severity)
		parts = append(parts, a.t.comment(fd))
	}
	text := strings.Join(parts, "\n\n")
	// An existing comment keeps its text, above pmo's.
	existing, err := a.f.GetComments(k.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: reading its comments: %w", k.sheet, err)
	}
	for _, c := range existing {
		if c.Cell != ref {
			continue
		}
		old := c.Text
		for _, r := range c.Paragraph {
			old += r.Text
		}
		if err := a.f.DeleteComment(k.sheet, ref); err != nil {
			return err
		}
		text = strings.TrimRight(old, "\n") + "\n\n" + text
	}
	text = clip(text, 32767)
	if err := a.f.AddComment(k.sheet, excelize.Comment{Author: "pmo", Cell: ref, Text: text, Width: 320, Height: uint(min(60+18*strings.Count(text, "\n")+len([]rune(text))/2, 400))}); err != nil {
		return fmt.Errorf("sheet %s cell %s: %w", k.sheet, ref, err)
	}
	// The fill is added to the cell's own style: number format, font,
	// borders and alignment stay.
	id, err := a.f.GetCellStyle(k.sheet, ref)
	if err != nil {
		return err
	}
	key := fillKey{id, worst}
	nid, ok := a.fills[key]
	if !ok {
		st, err := a.f.GetStyle(id)
		if err != nil {
			return fmt.Errorf("sheet %s cell %s: its style: %w", k.sheet, ref, err)
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fillColor[worst]}}
		if nid, err = a.f.NewStyle(st); err != nil {
			return fmt.Errorf("sheet %s cell %s: %w", k.sheet, ref, err)
		}
		a.fills[key] = nid
	}
	return a.f.SetCellStyle(k.sheet, ref, ref, nid)
}

// clip cuts s to at most n UTF-16 units (Excel's measure), on a rune.
func clip(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}

// Of are the findings about file (a source as the findings name it:
// relative to the YAML, or the base name for a file read on its own).
func Of(fs diag.Findings, file string) diag.Findings {
	var out diag.Findings
	for _, f := range fs {
		if f.Pos.File == file || filepath.ToSlash(f.Pos.File) == filepath.ToSlash(file) {
			out = append(out, f)
		}
	}
	return out
}
