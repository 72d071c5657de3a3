package value

import (
	"math"
	"strconv"
	"testing"

	"github.com/pmokit/pmo/internal/date"
)

func TestIsDateFormat(t *testing.T) {
	t.Parallel()
	cases := []struct {
		id   int
		code string
		want bool
	}{
		// Built-ins without a code.
		{14, "", true}, {15, "", true}, {17, "", true}, {22, "", true},
		{18, "", false}, {20, "", false}, {21, "", false},
		{27, "", true}, {31, "", true}, {32, "", false}, {33, "", false}, {34, "", true}, {36, "", true},
		{45, "", false}, {46, "", false}, {47, "", false},
		{50, "", true}, {56, "", true}, {58, "", true},
		{0, "", false}, {1, "", false}, {9, "", false}, {49, "", false}, {59, "", false},
		// Custom codes.
		{176, `yyyy/m/d(aaa)`, true},
		{177, `m"月"d"日"`, true},
		{178, `[$-411]ggge"年"m"月"d"日"`, true},
		{179, `[$-ja-JP]yyyy"年"m"月"d"日"`, true},
		{180, `mm-dd-yy`, true},
		{181, `d-mmm`, true},
		{182, `yyyy/mm/dd h:mm`, true},
		{183, `mmm`, true},
		{184, `aaaa`, true},
		{185, `[$-F800]dddd, mmmm dd, yyyy`, true},
		{186, `yyyy\-mm\-dd`, true},
		{187, `[Red]yyyy/m/d;@`, true},
		{188, `h:mm`, false},
		{189, `hh:mm:ss`, false},
		{190, `mm:ss`, false},
		{191, `[h]:mm`, false},
		{192, `[mm]:ss`, false},
		{193, `h:mm AM/PM`, false},
		{194, `h"時"mm"分"`, false},
		{195, `0.0%`, false},
		{196, `General`, false},
		{197, `#,##0`, false},
		{198, `0 "日"`, false},
		{199, `0"人日"`, false},
		{200, `0.00E+00`, false},
		{201, `#,##0;[Red]-#,##0`, false},
		{202, `"Day "0`, false},
		{203, `0\d`, false},
		{204, `_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)`, false},
		{205, `@`, false},
		{206, `[<=9999999]###-####;(###) ###-####`, false},
		{207, `"unterminated`, false},
		{14, `General`, false}, // a code, when given, decides
	}
	for _, c := range cases {
		t.Run(strconv.Itoa(c.id)+" "+c.code, func(t *testing.T) {
			t.Parallel()
			if got := IsDateFormat(c.id, c.code); got != c.want {
				t.Errorf("IsDateFormat(%d, %q) = %v, want %v", c.id, c.code, got, c.want)
			}
		})
	}
}

func TestIsPercentFormat(t *testing.T) {
	t.Parallel()
	cases := []struct {
		id   int
		code string
		want bool
	}{
		{9, "", true}, {10, "", true}, {0, "", false}, {14, "", false},
		{170, "0.0%", true}, {171, `0"%"`, false}, {172, `0\%`, false},
		{173, "#,##0", false}, {174, `[$%-411]0`, false}, {175, `0.00 %;[Red]-0.00 %`, true},
	}
	for _, c := range cases {
		t.Run(strconv.Itoa(c.id)+" "+c.code, func(t *testing.T) {
			t.Parallel()
			if got := IsPercentFormat(c.id, c.code); got != c.want {
				t.Errorf("IsPercentFormat(%d, %q) = %v, want %v", c.id, c.code, got, c.want)
			}
		})
	}
}

func TestFromSerial(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		serial float64
		d1904  bool
		want   string
		ok     bool
	}{
		{"serial 1", 1, false, "1900-01-01", true},
		{"serial 59", 59, false, "1900-02-28", true},
		{"phantom leap day", 60, false, "", false},
		{"serial 61", 61, false, "1900-03-01", true},
		{"2026-04-01", 46113, false, "2026-04-01", true},
		{"time of day dropped", 46113.75, false, "2026-04-01", true},
		{"almost midnight rounds up", 46113.999999999, false, "2026-04-02", true},
		{"last millisecond stays", 46113 + (86399.999-0.0004)/86400, false, "2026-04-01", true},
		{"9999-12-31", 2958465, false, "9999-12-31", true},
		{"after 9999", 2958466, false, "", false},
		{"zero", 0, false, "", false},
		{"time only", 0.5, false, "", false},
		{"negative", -1, false, "", false},
		{"NaN", math.NaN(), false, "", false},
		{"Inf", math.Inf(1), false, "", false},
		{"huge", 1e300, false, "", false},
		{"1904 zero", 0, true, "1904-01-01", true},
		{"1904 2026-04-01", 46113 - 1462, true, "2026-04-01", true},
		{"1904 negative", -1, true, "", false},
		{"1904 9999-12-31", 2958465 - 1462, true, "9999-12-31", true},
		{"1904 after 9999", 2958466 - 1462, true, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, ok := FromSerial(c.serial, c.d1904)
			if ok != c.ok || got.String() != c.want {
				t.Errorf("FromSerial(%v, %v) = %s, %v; want %s, %v", c.serial, c.d1904, got, ok, c.want, c.ok)
			}
			if ok {
				if y, m, d := got.YMD(); !date.Valid(y, m, d) {
					t.Errorf("FromSerial(%v) = %s, not a valid date", c.serial, got)
				}
			}
		})
	}
}
