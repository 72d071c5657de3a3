package pdf

import (
	"math"
	"strconv"
)

// A report's pages are numbers: every coordinate, width and colour is
// written with two, three or five decimals, tens of thousands of them per
// report, and strconv's exact formatting of each was a tenth of a
// report's time. appendFixed gives strconv's digits by integer arithmetic
// where that is certainly the same, and asks strconv otherwise.

// pow10 are the scales of the precisions appendFixed takes.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5}

// appendFixed appends v with prec decimals (0–5) exactly as
// strconv.AppendFloat(b, v, 'f', prec, 64) does.
func appendFixed(b []byte, v float64, prec int) []byte {
	if prec < 0 || prec >= len(pow10) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	scale := pow10[prec]
	s := math.Abs(v * scale)
	// Below 1e9 the product is within 1e-7 of v × 10^prec, so rounding it
	// rounds the exact value the same way unless it is within 1e-6 of a
	// half, where strconv's exact decimal decides (and breaks ties to
	// even). NaN and infinities fail the first test.
	if !(s < 1e9) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	whole := math.Floor(s)
	if frac := s - whole; frac > 0.5-1e-6 && frac < 0.5+1e-6 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := uint64(math.Round(s))
	// The digits from the right, the point after prec of them.
	var d [24]byte
	i := len(d)
	for range prec {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	if prec > 0 {
		i--
		d[i] = '.'
	}
	for {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if math.Signbit(v) {
		// strconv keeps the sign of a negative number that rounds to 0.
		i--
		d[i] = '-'
	}
	return append(b, d[i:]...)
}
