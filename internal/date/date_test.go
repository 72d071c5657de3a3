package date

import (
	"fmt"
	"math"
	"testing"
	"time"
)

func TestSerialMatchesExcel(t *testing.T) {
	t.Parallel()
	cases := []struct {
		serial Date
		iso    string
		wd     time.Weekday
	}{
		{1, "1899-12-31", time.Sunday},
		{61, "1900-03-01", time.Thursday},
		{45383, "2024-04-01", time.Monday},
		{46113, "2026-04-01", time.Wednesday},
		{46346, "2026-11-20", time.Friday},
		{2958465, "9999-12-31", time.Friday},
	}
	for _, c := range cases {
		t.Run(c.iso, func(t *testing.T) {
			if got := c.serial.String(); got != c.iso {
				t.Errorf("String() = %s, want %s", got, c.iso)
			}
			if got := c.serial.Weekday(); got != c.wd {
				t.Errorf("Weekday() = %v, want %v", got, c.wd)
			}
			p, err := Parse(c.iso)
			if err != nil || p != c.serial {
				t.Errorf("Parse(%s) = %d, %v; want %d", c.iso, p, err, c.serial)
			}
		})
	}
}

func TestValid(t *testing.T) {
	t.Parallel()
	if Valid(2026, 2, 29) {
		t.Error("2026-02-29 accepted")
	}
	if !Valid(2028, 2, 29) {
		t.Error("2028-02-29 rejected")
	}
	if Valid(2026, 13, 1) || Valid(1899, 1, 1) {
		t.Error("out of range accepted")
	}
}

// TestStringAsSprintf checks the hand-rolled formatting against the
// fmt.Sprintf it replaced, over every day of years 1..9999 sampled and
// the extremes of the type, beyond where the fast path applies.
func TestStringAsSprintf(t *testing.T) {
	t.Parallel()
	want := func(d Date) string {
		if d == 0 {
			return ""
		}
		y, m, dd := d.YMD()
		return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
	}
	check := func(d Date) {
		if got := d.String(); got != want(d) {
			t.Fatalf("Date(%d).String() = %q, want %q", d, got, want(d))
		}
		if got := string(d.Append([]byte("x"))); got != "x"+want(d) {
			t.Fatalf("Date(%d).Append = %q", d, got)
		}
	}
	for d := Of(1, 1, 1) - 400; d <= Of(10000, 12, 31)+400; d += 13 {
		check(d)
	}
	for d := Of(1979, 1, 1); d <= Of(2100, 12, 31); d++ {
		check(d)
	}
	for _, d := range []Date{math.MinInt32, math.MinInt32 + 1, -1, 1, math.MaxInt32 - 1, math.MaxInt32} {
		check(d)
	}
}

// TestYMDAsTime checks the arithmetic YMD against time.Time's calendar
// over every day of 1800..2200 and samples of the whole range of Date.
func TestYMDAsTime(t *testing.T) {
	t.Parallel()
	check := func(d Date) {
		y, m, dd := d.YMD()
		wy, wm, wd := d.Time().Date()
		if y != wy || m != wm || dd != wd {
			t.Fatalf("Date(%d).YMD() = %d-%d-%d, want %d-%d-%d", d, y, m, dd, wy, wm, wd)
		}
	}
	for d := Of(1800, 1, 1); d <= Of(2200, 12, 31); d++ {
		check(d)
	}
	for d := int64(math.MinInt32); d <= math.MaxInt32; d += 9973 {
		check(Date(d))
	}
	for _, d := range []Date{math.MinInt32, math.MinInt32 + 1, -693594, -693593, 0, 1, 60, 61, math.MaxInt32 - 1, math.MaxInt32} {
		check(d)
	}
}
