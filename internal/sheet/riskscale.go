package sheet

import (
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/value"
)

// Probabilities written as bare percentages. A risk's probability is on
// the 1–5 scale, or a share (0.3, 30%) that value.RiskLevel maps onto it.
// Many registers type the percentage without its sign under 発生確率(%):
// 10, 30, 50. A probability column whose numbers all lie in 0–100, some
// above 5 and none a fraction, holds percentages, and each is mapped like
// 30%; a finding says so. Impact columns are left alone: their large
// numbers are amounts of money or days, not percentages.

// percentProbability reports whether the probability column col holds
// bare percentages, and the largest of them.
func (rr *rowReader) percentProbability(col int) (bool, float64) {
	over5, top := false, 0.0
	rows := rr.h.dataRows(rr.g)
	for i := range rows {
		c := rr.g.cellIn(&rows[i], col)
		var n float64
		switch c.Kind {
		case Number:
			if rr.g.style(c).Percent {
				continue
			}
			n = c.Num
		case String:
			t := value.Text(c.Str)
			v, ok := value.ParseNumber(t)
			if !ok || strings.ContainsAny(t, "%％") {
				continue
			}
			n = v
		default:
			continue
		}
		if n < 0 || n > 100 || n > 0 && n < 1 {
			return false, 0
		}
		over5 = over5 || n > 5
		top = max(top, n)
	}
	return over5, top
}

// percentLevels finds the probability columns holding bare percentages.
func (rr *rowReader) percentLevels() {
	for _, c := range rr.h.cols {
		if c.Field != "probability" {
			continue
		}
		ok, top := rr.percentProbability(c.Col)
		if !ok {
			continue
		}
		if rr.riskPct == nil {
			rr.riskPct = map[int]bool{}
		}
		rr.riskPct[c.Col] = true
		row := rr.h.rows[len(rr.h.rows)-1]
		rr.findings.Add(diag.Info, "probability-percent", rr.g.Pos(row, c.Col), "column %q holds numbers from 0 to %s: read as percentages (30 as 30 %%, 2 on the 1–5 scale)", c.Header, trimFloat(top))
	}
}

// percentLevel maps a bare percentage onto the 1–5 scale as
// value.RiskLevel maps "30%".
func percentLevel(raw string) (float64, bool) {
	v, ok := value.ParseNumber(raw)
	if !ok || v < 0 || v > 100 {
		return 0, false
	}
	return 1 + math.Round(v/100*4), true
}
