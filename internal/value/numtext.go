package value

import (
	"math"
	"strconv"
	"strings"
)

// ShowNumber writes a number for a person to read in a message: at most
// 15 significant digits (a spreadsheet's own precision, so 0.58 × 100
// shows as 58, not 57.99999999999999), plain from 10^-6 up to 10^15, and
// beyond that as a spreadsheet shows it in a narrow cell, six digits and
// an exponent ("1E+308", "4.94066E-324") instead of hundreds of digits.
// A value that is not a number says so: "NaN", "Inf", "-Inf".
func ShowNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e15) {
		return strings.ToUpper(strconv.FormatFloat(f, 'g', 6, 64))
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// ShowFixed writes f with prec decimals, as %.*f does, while that stays
// short: from 10^15 up (and for values that are not numbers) it is
// ShowNumber's, so a percentage of 1e308 is not printed as 309 digits.
func ShowFixed(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e15 {
		return ShowNumber(f)
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}
