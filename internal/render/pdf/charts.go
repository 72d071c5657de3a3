package pdf

import (
	"fmt"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/report"
)

// timeAxis maps dates onto [x0, x0+w) by calendar day.
type timeAxis struct {
	from, to date.Date // inclusive
	x0, w    float64
}

// axisFor is the axis over whole months from first to last.
func axisFor(first, last date.Date, x0, w float64) timeAxis {
	return timeAxis{from: monthStart(first), to: monthEnd(last), x0: x0, w: w}
}

func (a timeAxis) x(d date.Date) float64 {
	span := float64(a.to - a.from + 1)
	return a.x0 + a.w*clamp(float64(d-a.from)/span, 0, 1)
}

// months returns the first day of every month that starts inside the
// axis, and the first day of the axis itself.
func (a timeAxis) months() []date.Date {
	out := []date.Date{a.from}
	y, m, _ := a.from.YMD()
	for d := date.Of(y, m+1, 1); d <= a.to; {
		out = append(out, d)
		y, m, _ = d.YMD()
		d = date.Of(y, m+1, 1)
	}
	return out
}

func monthStart(d date.Date) date.Date {
	y, m, _ := d.YMD()
	return date.Of(y, m, 1)
}

func monthEnd(d date.Date) date.Date {
	y, m, _ := d.YMD()
	return date.Of(y, m+1, 1) - 1
}

// monthStep is how many months apart axis labels must be so that labels
// of labelW millimetres do not touch.
func monthStep(axisW float64, months int, labelW float64) int {
	per := axisW / float64(max(months, 1))
	for _, s := range []int{1, 2, 3, 4, 6, 12} {
		if per*float64(s) >= labelW {
			return s
		}
	}
	return 12
}

// scurve draws planned cumulative % as a line, the measured actual points,
// and the status date, in the box (x, top, width, height).
func (w *writer) scurve(x, top, width, height float64) {
	pts := w.d.A.Curve
	if len(pts) == 0 {
		w.setFont(9, false)
		w.color(grey)
		w.textAt(x, top+2, w.L("none"), diag.Pos{})
		return
	}
	px, py := x+11, top+7
	pw, ph := width-14, height-16
	ax := axisFor(minDate(pts[0].Date, w.d.AsOf), max(pts[len(pts)-1].Date, w.d.AsOf), px, pw)
	yOf := func(v float64) float64 { return py + ph*(1-clamp(v, 0, 100)/100) }
	f := w.pdf

	// grid and axis labels
	w.setFont(7, false)
	w.color(grey)
	w.lineWidth(0.15)
	for v := 0.0; v <= 100; v += 20 {
		w.stroke(gridLine)
		w.line(px, yOf(v), px+pw, yOf(v))
		s := strconv.Itoa(int(v)) + "%"
		w.textAt(px-1.2-w.width(s), yOf(v)-w.lineH()/2, s, diag.Pos{})
	}
	ms := ax.months()
	step := monthStep(pw, len(ms), w.width("2026/10")+2)
	for i, m := range ms {
		w.stroke(gridLine)
		w.line(ax.x(m), py, ax.x(m), py+ph)
		if i%step != 0 {
			continue
		}
		s := monthLabel(m, i == 0)
		w.textAt(ax.x(m)+0.6, py+ph+0.8, s, diag.Pos{})
	}
	w.stroke(grey)
	w.lineWidth(0.3)
	w.line(px, py+ph, px+pw, py+ph)
	w.line(px, py, px, py+ph)

	// planned line
	w.stroke(doneBlue)
	w.lineWidth(0.6)
	for i, p := range pts {
		if i == 0 {
			f.MoveTo(ax.x(p.Date), yOf(p.Planned))
		} else {
			f.LineTo(ax.x(p.Date), yOf(p.Planned))
		}
	}
	f.DrawPath("D")

	// actual points, joined when there are several
	var actual []analyze.CurvePoint
	for _, p := range pts {
		if p.Actual != nil {
			actual = append(actual, p)
		}
	}
	w.stroke(actualOr)
	w.fill(actualOr)
	if len(actual) > 1 {
		for i, p := range actual {
			if i == 0 {
				f.MoveTo(ax.x(p.Date), yOf(*p.Actual))
			} else {
				f.LineTo(ax.x(p.Date), yOf(*p.Actual))
			}
		}
		f.DrawPath("D")
	}
	for _, p := range actual {
		w.circle(ax.x(p.Date), yOf(*p.Actual), 0.9, "F")
	}

	// status date
	sx := ax.x(w.d.AsOf)
	w.stroke(todayRed)
	w.lineWidth(0.35)
	f.SetDashPattern([]float64{1.2, 0.8}, 0)
	w.line(sx, py, sx, py+ph)
	f.SetDashPattern(nil, 0)
	w.setFont(7, true)
	w.color(todayRed)
	label := w.L("project.status_date") + " " + w.d.AsOf.String()
	lx := sx + 1
	if lx+w.width(label) > px+pw {
		lx = sx - 1 - w.width(label)
	}
	w.textAt(lx, py-w.lineH()-0.3, label, diag.Pos{})

	// Today's planned and actual figures at the status date: the higher
	// one up and to the left, where the rising planned line is not, the
	// lower one down and to the right.
	pr := w.d.A.Progress
	w.setFont(7.5, true)
	for _, v := range []struct {
		s     string
		val   float64
		c     rgb
		upper bool
	}{
		{w.L("series.planned"), pr.Planned, doneBlue, pr.Planned >= pr.Actual},
		{w.L("series.actual"), pr.Actual, actualOr, pr.Actual > pr.Planned},
	} {
		s := fmt.Sprintf("%s %.1f%%", v.s, v.val)
		tx, ty := sx+1.5, yOf(v.val)+0.4
		if v.upper {
			tx, ty = sx-1.5-w.width(s), yOf(v.val)-w.lineH()-0.4
		}
		tx = clamp(tx, px+1, px+pw-w.width(s))
		ty = clamp(ty, py, py+ph-w.lineH())
		w.color(v.c)
		w.textAt(tx, ty, s, diag.Pos{})
	}

	// legend, top left inside the plot
	w.setFont(7.5, false)
	lx, ly := px+2, py+1
	w.fill(white)
	w.stroke(doneBlue)
	w.lineWidth(0.6)
	w.line(lx, ly+1.6, lx+6, ly+1.6)
	w.color(black)
	w.textAt(lx+7, ly, w.L("series.planned"), diag.Pos{})
	lx += 9 + w.width(w.L("series.planned"))
	w.fill(actualOr)
	w.circle(lx+3, ly+1.6, 0.9, "F")
	w.textAt(lx+5, ly, w.L("series.actual"), diag.Pos{})
	w.color(black)
}

// monthLabel is "2026/4" at the start of the axis and in January, else
// the month number.
func monthLabel(d date.Date, first bool) string {
	y, m, _ := d.YMD()
	if first || m == time.January {
		return fmt.Sprintf("%d/%d", y, int(m))
	}
	return strconv.Itoa(int(m))
}

// heatmapHeight is the height of the heat map with its axis labels.
const heatmapHeight = 5*heatCell + 13

const heatCell = 13.0

// heatmap draws the 5×5 probability × impact grid with the count of open
// risks in each cell, probability rising upwards.
func (w *writer) heatmap(x, top float64, counts [5][5]int) {
	gx, gy := x+14, top+5
	w.setFont(7.5, true)
	w.color(grey)
	w.textAt(x, top, w.L("col.probability")+" ↑", diag.Pos{})
	for p := 5; p >= 1; p-- {
		for i := 1; i <= 5; i++ {
			cx, cy := gx+float64(i-1)*heatCell, gy+float64(5-p)*heatCell
			w.fill(scoreColor(float64(p * i)))
			w.stroke(white)
			w.lineWidth(0.6)
			w.rect(cx, cy, heatCell, heatCell, "FD")
			if n := counts[p-1][i-1]; n > 0 {
				w.setFont(12, true)
				w.color(black)
				s := strconv.Itoa(n)
				w.textAt(cx+(heatCell-w.width(s))/2, cy+(heatCell-w.lineH())/2, s, diag.Pos{})
			}
		}
		w.setFont(8, false)
		w.color(grey)
		s := strconv.Itoa(p)
		w.textAt(gx-2-w.width(s), gy+float64(5-p)*heatCell+(heatCell-w.lineH())/2, s, diag.Pos{})
	}
	for i := 1; i <= 5; i++ {
		s := strconv.Itoa(i)
		w.textAt(gx+float64(i-1)*heatCell+(heatCell-w.width(s))/2, gy+5*heatCell+0.8, s, diag.Pos{})
	}
	w.setFont(7.5, true)
	s := w.L("col.impact") + " →"
	w.textAt(gx+(5*heatCell-w.width(s))/2, gy+5*heatCell+4.5, s, diag.Pos{})
	w.color(black)
}

// scoreColor shades a probability × impact score: high from
// analyze.HighRiskScore, medium from 6.
func scoreColor(score float64) rgb { return hexColor(report.HeatTone(score).Fill) }

// hexColor reads RRGGBB.
func hexColor(s string) rgb {
	v, _ := strconv.ParseUint(s, 16, 32)
	return rgb(v)
}

// polyline strokes an open path through pts.
func polyline(f *fpdf.Fpdf, pts []fpdf.PointType) {
	for i, p := range pts {
		if i == 0 {
			f.MoveTo(p.X, p.Y)
		} else {
			f.LineTo(p.X, p.Y)
		}
	}
	f.DrawPath("D")
}
