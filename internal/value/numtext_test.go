package value

import (
	"math"
	"testing"
)

func TestShowNumber(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "-0"}, {50, "50"}, {0.5, "0.5"}, {-2.25, "-2.25"},
		{0.58 * 100, "58"}, {0.1 + 0.2, "0.3"}, {123456789012345, "123456789012345"},
		{0.000001, "0.000001"}, {1e15, "1E+15"}, {1e308, "1E+308"}, {-1e308, "-1E+308"},
		{math.MaxFloat64, "1.79769E+308"}, {5e-324, "4.94066E-324"}, {4.94065645841247e-322, "4.94066E-322"},
		{math.NaN(), "NaN"}, {math.Inf(1), "Inf"}, {math.Inf(-1), "-Inf"},
	} {
		if got := ShowNumber(c.in); got != c.want {
			t.Errorf("ShowNumber(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestShowFixed(t *testing.T) {
	for _, c := range []struct {
		in   float64
		prec int
		want string
	}{
		{50, 0, "50"}, {49.6, 0, "50"}, {12.345, 1, "12.3"}, {-3, 1, "-3.0"},
		{1e308, 0, "1E+308"}, {1e15, 1, "1E+15"}, {999999999999999, 0, "999999999999999"},
		{math.NaN(), 0, "NaN"}, {math.Inf(1), 1, "Inf"},
	} {
		if got := ShowFixed(c.in, c.prec); got != c.want {
			t.Errorf("ShowFixed(%v, %d) = %q, want %q", c.in, c.prec, got, c.want)
		}
	}
}
