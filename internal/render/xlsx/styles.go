package xlsx

import (
	"github.com/pmokit/pmo/internal/analyze"
	"github.com/xuri/excelize/v2"
)

// Number formats. Dates use the same code everywhere so pmo's reader (and
// any other) recognises them, and so do percentages.
const (
	fmtDate    = "yyyy/mm/dd"
	fmtPercent = "0%"
	fmtPct1    = "0.0%"
	fmtEffort  = "#,##0.0"
	fmtInt     = "0"
	fmtRatio   = "0.00"
	fmtLoad    = "0.0"
	fmtDelta   = `+0.0"pt";-0.0"pt";0.0"pt"` // a change in percentage points
)

// Colours, as RGB hex. The RAG and highlight tones are Excel's own
// good / neutral / bad presets, which every Excel user already reads.
const (
	colHeader      = "1F4E78"
	colHeaderText  = "FFFFFF"
	colTitle       = "1F4E78"
	colGrid        = "BFBFBF"
	colBand        = "F2F2F2"
	colSection     = "DDEBF7"
	colLate        = "FCE4D6"
	colBadFill     = "FFC7CE"
	colBadText     = "9C0006"
	colGoodFill    = "C6EFCE"
	colGoodText    = "006100"
	colWarnFill    = "FFEB9C"
	colWarnText    = "9C5700"
	colHigh        = "C00000"
	colRAGGreen    = "00B050"
	colRAGAmber    = "FFC000"
	colRAGRed      = "C00000"
	colRAGUnknown  = "90A4AE" // grey: 判定不能, as the PDF
	colUnknownFill = "EEEEEE"
	colUnknownText = "616161"
	colBar         = "9BC2E6"
	colProgress    = "2F75B5"
	colOffDay      = "E7E6E6"
	colStatusDate  = "FF0000"
	colSunday      = "C00000"
	colSaturday    = "2F75B5"
)

// look is everything a cell's style can vary by. Styles are created on
// first use and cached by look, so a workbook holds each style once and
// the creation order (hence the style ids) follows the rendering order.
type look struct {
	numFmt    string
	bold      bool
	italic    bool
	size      float64
	color     string // font colour
	fill      string
	indent    int
	hAlign    string
	vAlign    string
	wrap      bool
	grid      bool // thin borders on every side
	dateLine  bool // the status-date column of the Gantt grid
	underline bool
}

// styles creates and caches cell and conditional styles.
type styles struct {
	f      *excelize.File
	family string // every font names it, so no client falls back to a serif
	cells  map[look]int
	conds  map[look]int
}

func newStyles(f *excelize.File, family string) *styles {
	return &styles{f: f, family: family, cells: map[look]int{}, conds: map[look]int{}}
}

// fontFamily is the workbook's font: 游ゴシック for Japanese documents
// (Excel on Windows and Mac has it; LibreOffice falls back to its own
// Japanese sans-serif), Calibri for English.
func fontFamily(lang string) string {
	if lang == "en" {
		return "Calibri"
	}
	return "游ゴシック"
}

func (l look) style(family string) *excelize.Style {
	s := &excelize.Style{}
	if l.numFmt != "" {
		code := l.numFmt
		s.CustomNumFmt = &code
	}
	if l.bold || l.italic || l.size > 0 || l.color != "" || l.underline {
		s.Font = &excelize.Font{Bold: l.bold, Italic: l.italic, Size: l.size, Color: l.color, Family: family}
		if l.underline {
			s.Font.Underline = "single"
		}
	}
	if l.fill != "" {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
	}
	if l.indent > 0 || l.hAlign != "" || l.vAlign != "" || l.wrap {
		s.Alignment = &excelize.Alignment{Indent: l.indent, Horizontal: l.hAlign, Vertical: l.vAlign, WrapText: l.wrap}
		if l.indent > 0 && l.hAlign == "" {
			s.Alignment.Horizontal = "left"
		}
	}
	switch {
	case l.dateLine:
		s.Border = []excelize.Border{{Type: "left", Color: colStatusDate, Style: 2}, {Type: "right", Color: colStatusDate, Style: 2}}
	case l.grid:
		s.Border = []excelize.Border{
			{Type: "left", Color: colGrid, Style: 1}, {Type: "right", Color: colGrid, Style: 1},
			{Type: "top", Color: colGrid, Style: 1}, {Type: "bottom", Color: colGrid, Style: 1},
		}
	}
	return s
}

// cell returns the id of the cell style for l.
func (s *styles) cell(l look) (int, error) {
	if id, ok := s.cells[l]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(l.style(s.family))
	if err != nil {
		return 0, err
	}
	s.cells[l] = id
	return id, nil
}

// cond returns the id of the conditional (differential) style for l.
func (s *styles) cond(l look) (int, error) {
	if id, ok := s.conds[l]; ok {
		return id, nil
	}
	id, err := s.f.NewConditionalStyle(l.style(s.family))
	if err != nil {
		return 0, err
	}
	s.conds[l] = id
	return id, nil
}

// ragLook is the filled cell of a RAG level.
func ragLook(l analyze.Level) look {
	switch l {
	case analyze.Green:
		return look{fill: colRAGGreen, color: "FFFFFF", bold: true, hAlign: "center", vAlign: "center", grid: true}
	case analyze.Amber:
		return look{fill: colRAGAmber, color: "000000", bold: true, hAlign: "center", vAlign: "center", grid: true}
	case analyze.Red:
		return look{fill: colRAGRed, color: "FFFFFF", bold: true, hAlign: "center", vAlign: "center", grid: true}
	case analyze.Unknown:
		return look{fill: colRAGUnknown, color: "FFFFFF", bold: true, hAlign: "center", vAlign: "center", grid: true}
	}
	return look{hAlign: "center", vAlign: "center", grid: true}
}

// levelTint is the lighter tone of a level for values next to their label.
func levelTint(l analyze.Level) (fill, color string) {
	switch l {
	case analyze.Green:
		return colGoodFill, colGoodText
	case analyze.Amber:
		return colWarnFill, colWarnText
	case analyze.Red:
		return colBadFill, colBadText
	case analyze.Unknown:
		return colUnknownFill, colUnknownText
	}
	return "", ""
}
