package xlsx

import "math"

// titlePt is the size of a data sheet's title (row 1).
const titlePt = 14

// wrapGanttTitle keeps the WBS title whole on the Gantt grid's pages. Those
// pages repeat only the columns up to the task name, and a title that
// overflowed past them on screen was cut at their edge on paper (the
// English "WBS — ECサイト構築 (Status date 2026/…"). When the title is wider
// than those columns it is merged across them and wraps, row 1 as tall as
// its lines; the month band beside it takes the same height.
func (b *book) wrapGanttTitle(p *placed, title string) {
	n := b.ganttTitleCols(p)
	if n == 0 || b.err != nil {
		return
	}
	room := 0.0
	for c := 1; c <= n; c++ {
		room += b.colWidth(p.sheet, c)
	}
	// The title is bold and titlePt, the widths count body-size
	// characters; a tenth more for the bold face.
	need := textWidth(title) * titlePt / bodyPt * 1.1
	if need <= room-1 {
		return
	}
	lines := int(math.Ceil(need / (room - 1)))
	b.merge(p.sheet, 1, titleRow, n, titleRow)
	b.style(p.sheet, 1, titleRow, look{bold: true, size: titlePt, color: colTitle, wrap: true, vAlign: "center"})
	b.rowHeight(p.sheet, titleRow, math.Round(rowHeight(lines, b.lineHeight()*titlePt/bodyPt)*4)/4)
}
