package xlsx

import "math"

// Fitting a table to the paper. A table prints whole, fitted to one page
// wide (see applyScale), so every column of a record is on the same page;
// what keeps its text legible is the columns' widths: a table wider than
// the page at prefScale has its long text columns (a title, a
// description, a resolution) narrowed, and their text wraps onto more
// lines, rather than the whole table shrinking. Codes, dates, figures,
// references (a source cell) and header labels are never narrowed below
// their content: they do not read well broken.
const (
	// prefScale is the scale a wide table is fitted to by wrapping: its
	// 11-point text prints at about 9 points.
	prefScale = 80
	// wrapMin is the narrowest a wrapped text column gets, in Excel's
	// character units: ten kanji, or a few English words, a line.
	wrapMin = 20.0
	// nameMin is the narrowest of a record's name or title, the column a
	// reader scans down: fifteen kanji a line.
	nameMin = 30.0
)

// wrapFloor is the narrowest text column key may be narrowed to: 0 when
// it is never narrowed (a reference, a code), else wrapMin, or nameMin for
// a record's name or title.
func wrapFloor(key string) float64 {
	switch key {
	case "source", "position":
		return 0 // wrapped, a path is harder to read, not easier
	case "name", "title":
		return nameMin
	}
	return wrapMin
}

// fitWidths narrows the wrappable columns of a table whose natural widths
// (Excel units, as the sheet would give them) and the columns printed
// beside it (besideMM at 100 %) are wider than the page at scale percent.
// Each wrappable column keeps its natural width up to a common cap, found
// as the widest that fits, and never less than head (its header on one
// line) or its wrap floor (wrapFloor; 0: not wrappable); columns not
// printed take no room. It returns the
// widths to give and which columns were narrowed (their text now wraps).
func fitWidths(natural, head, floor []float64, printed []bool, besideMM float64, scale int, lang string) ([]float64, []bool) {
	mdw := maxDigitPx(lang)
	pw, _ := printableMM()
	avail := pw * 100 / float64(scale)
	wrappable := make([]bool, len(natural))
	lo := make([]float64, len(natural)) // each column at its narrowest
	for j, w := range natural {
		lo[j] = w
		if wrappable[j] = floor[j] > 0; wrappable[j] {
			lo[j] = min(w, max(head[j], floor[j]))
		}
	}
	at := func(limit float64) []float64 {
		out := make([]float64, len(natural))
		for j, w := range natural {
			out[j] = w
			if wrappable[j] {
				out[j] = max(lo[j], min(w, limit))
			}
		}
		return out
	}
	total := func(ws []float64) float64 {
		mm := besideMM
		for j, w := range ws {
			if printed[j] {
				mm += columnMM(w, mdw)
			}
		}
		return mm
	}
	narrowed := make([]bool, len(natural))
	if total(natural) <= avail {
		return natural, narrowed
	}
	// The widest common cap that fits, in quarter units (the widths'
	// rounding); at worst every wrappable column at its narrowest.
	limit := 0.0
	for l, h := 0, int(maxWidth*4); l <= h; {
		mid := (l + h) / 2
		if total(at(float64(mid)/4)) <= avail {
			limit, l = float64(mid)/4, mid+1
		} else {
			h = mid - 1
		}
	}
	out := at(limit)
	for j := range out {
		out[j] = math.Round(out[j]*4) / 4
		narrowed[j] = out[j] < natural[j]
	}
	return out, narrowed
}

// fitsWide reports whether a block of widthMM at 100 % fits the page
// width at a legible scale (minPrintPt or more), so that the sheet can be
// fitted to one page wide.
func fitsWide(widthMM float64) bool {
	pw, _ := printableMM()
	return widthMM <= 0 || pw/widthMM*100 >= float64(lowestScale())
}

// orientation is the way up a table printed whole goes: portrait when its
// width fits a portrait page at nearly the scale of a landscape one (at
// least portraitShare of it, so its text is hardly smaller) and it then
// takes fewer pages, the long narrow lists (findings, weekly counts);
// landscape, the trackers' own, otherwise. widthMM is its printed width
// at 100 %, heightPt the height of its rows, titlesPt of those (title and
// header) repeated on every page.
func orientation(widthMM, heightPt, titlesPt float64) string {
	lw, lh := printableMM()
	pw, ph := lh, lw
	if widthMM <= 0 {
		return "landscape"
	}
	ls, ps := min(1, lw/widthMM), min(1, pw/widthMM)
	if ps < ls*portraitShare || ps*100 < float64(lowestScale()) {
		return "landscape"
	}
	pages := func(pageMM, scale float64) float64 {
		page := (pageMM/25.4 - 2*headerIn) * 72 / scale
		return math.Ceil(max(heightPt-titlesPt, 1) / max(page-titlesPt, 1))
	}
	if pages(ph, ps) < pages(lh, ls) {
		return "portrait"
	}
	return "landscape"
}

// shortLastPage is the pages tall a table printed whole (widthMM wide
// at 100 %, heightPt tall with titlesPt of repeated rows, orient up) is
// fitted to when its last page would hold only a few rows: one page
// fewer, when that takes its text no smaller than portraitShare of the
// one-page-wide scale (the last rows of a list then share the page before
// instead of a sheet of their own); else 0, as many pages as it takes.
// The clients do the fit with the rows' real heights, which pmo writes.
func shortLastPage(widthMM, heightPt, titlesPt float64, orient string) int {
	w, h := printableMM()
	if orient == "portrait" {
		w, h = h, w
	}
	if widthMM <= 0 {
		return 0
	}
	scale := min(1, w/widthMM)
	page := (h/25.4 - 2*headerIn) * 72
	body := max(heightPt-titlesPt, 0)
	n := math.Ceil(body / max(page/scale-titlesPt, 1))
	if n < 2 {
		return 0
	}
	// The scale at which n-1 pages hold the rows, a tenth of a row's
	// height kept spare for rows that do not split across pages.
	fewer := page / (body*1.05/(n-1) + titlesPt)
	if fewer < scale*portraitShare || fewer*100 < float64(lowestScale()) {
		return 0
	}
	return int(n - 1)
}

// portraitShare is how much smaller a long list's text may print portrait
// than landscape, for fewer pages: a tenth (11-point text at 9.9). Two
// hundred findings of an English tracker are 295 mm wide in LibreOffice's
// Carlito, 7 % more than a portrait A3 page, and print on 4 portrait
// pages instead of 6 landscape ones.
const portraitShare = 0.9

func sumPt(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
