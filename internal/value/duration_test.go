package value

import "testing"

func TestISODurationHours(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"PT16H0M0S", 16, true},
		{"PT16H30M00S", 16.5, true},
		{"P2DT4H", 52, true},
		{"P1W", 168, true},
		{"PT0,5H", 0.5, true},
		{" -PT8H ", -8, true},
		{"P1Y", 8760, true},
		{"P1M", 720, true},
		{"PT1M", 1.0 / 60, true},
		{"P", 0, false},
		{"PT", 0, false},
		{"16H", 0, false},
		{"PT16", 0, false},
		{"PTXH", 0, false},
		{"PT1D", 0, false},
	} {
		got, ok := ISODurationHours(c.in)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("ISODurationHours(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
