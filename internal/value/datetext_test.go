package value

import (
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
)

func ymdDate(y, m, d int) date.Date { return date.Of(y, time.Month(m), d) }

func TestParseDate(t *testing.T) {
	t.Parallel()
	full := func(y, m, d int) DateText { return DateText{Date: ymdDate(y, m, d)} }
	md := func(m, d int) DateText { return DateText{Month: m, Day: d} }
	ph := DateText{Placeholder: true}
	cases := []struct {
		in   string
		want DateText
		ok   bool
	}{
		// Year first.
		{"2026/4/1", full(2026, 4, 1), true},
		{"2026-04-01", full(2026, 4, 1), true},
		{"2026.04.01", full(2026, 4, 1), true},
		{"  2026/04/01\u00a0", full(2026, 4, 1), true},
		{"２０２６／４／１", full(2026, 4, 1), true},
		{"２０２６－０４－０１", full(2026, 4, 1), true},
		{"2026/04/01 10:30", full(2026, 4, 1), true},
		{"2026/4/1 9:05:59", full(2026, 4, 1), true},
		{"2026/4/1 10:30 PM", full(2026, 4, 1), true},
		{"2026/4/1 10時30分", full(2026, 4, 1), true},
		{"2026-04-01T09:00:00", full(2026, 4, 1), true},
		{"2026-04-01T09:00:00Z", full(2026, 4, 1), true},
		{"2026-04-01T09:00:00.123+09:00", full(2026, 4, 1), true},
		{"2026-04-01 09:00:00-0500", full(2026, 4, 1), true},
		{"20260401", full(2026, 4, 1), true},
		{"2026-Apr-01", full(2026, 4, 1), true},
		// Weekdays after the date.
		{"2026/4/1(水)", full(2026, 4, 1), true},
		{"2026/4/1（水）", full(2026, 4, 1), true},
		{"2026/4/1 水", full(2026, 4, 1), true},
		{"2026/4/1 (水曜日)", full(2026, 4, 1), true},
		{"2026/4/1(Wed)", full(2026, 4, 1), true},
		{"2026/4/1(水) 10:00", full(2026, 4, 1), true},
		{"2026/4/1 10:00 (水)", full(2026, 4, 1), true},
		{"2026/4/1\r\n10:00", full(2026, 4, 1), true},
		{"2026/4/6(月)", full(2026, 4, 6), true},
		{"2026/4/5(日)", full(2026, 4, 5), true},
		{"2026/4/1(木)", full(2026, 4, 1), true}, // a wrong weekday does not unmake a clear date
		// Japanese.
		{"2026年4月1日", full(2026, 4, 1), true},
		{"2026年04月01日", full(2026, 4, 1), true},
		{"2026年 4月 1日", full(2026, 4, 1), true},
		{"2026年4月1日(水)", full(2026, 4, 1), true},
		{"２０２６年４月１日（水）", full(2026, 4, 1), true},
		{"4月1日", md(4, 1), true},
		{"4月1日(水)", md(4, 1), true},
		{"12月31日", md(12, 31), true},
		// Eras.
		{"R8.4.1", full(2026, 4, 1), true},
		{"R8/4/1", full(2026, 4, 1), true},
		{"r08.04.01", full(2026, 4, 1), true},
		{"Ｒ８．４．１", full(2026, 4, 1), true},
		{"R8年4月1日", full(2026, 4, 1), true},
		{"令和8年4月1日", full(2026, 4, 1), true},
		{"令和 8年4月1日", full(2026, 4, 1), true},
		{"令和8.4.1", full(2026, 4, 1), true},
		{"令和元年5月1日", full(2019, 5, 1), true},
		{"H31.4.30", full(2019, 4, 30), true},
		{"平成31年4月30日", full(2019, 4, 30), true},
		{"平成元年1月8日", full(1989, 1, 8), true},
		{"S64.1.7", full(1989, 1, 7), true},
		{"昭和64年1月7日", full(1989, 1, 7), true},
		{"T15.12.24", full(1926, 12, 24), true},
		{"大正15年12月24日", full(1926, 12, 24), true},
		{"明治45年7月29日", full(1912, 7, 29), true},
		// Year last.
		{"3/2/2026", full(2026, 3, 2), true},
		{"12/31/2026", full(2026, 12, 31), true},
		{"31/12/2026", full(2026, 12, 31), true},
		{"01.04.2026", full(2026, 4, 1), true},
		{"3/2/26", full(2026, 3, 2), true},
		{"03/02/26 10:30", full(2026, 3, 2), true},
		{"26/03/02", full(2026, 3, 2), true}, // no month 26: YY/MM/DD
		{"13/2/26", DateText{}, false},       // no month 13 and too short for YY/MM/DD
		{"Mon 26-03-02", full(2026, 3, 2), true},
		{"Mon 3/2/26", full(2026, 3, 2), true},
		{"Mon, 3/2/26", full(2026, 3, 2), true},
		{"Tue 26-03-03", full(2026, 3, 3), true},
		{"Tue 03-02-26", full(2026, 2, 3), true}, // only D-M-YY falls on a Tuesday
		{"Mon 03-02-26", full(2026, 3, 2), true}, // only M-D-YY falls on a Monday
		{"Wed 03-02-26", full(2003, 2, 26), true},
		{"Thu 03-02-26", full(2003, 2, 26), true}, // no reading fits: YY-MM-DD as MS Project writes
		{"Sat 3/2/26", full(2026, 2, 3), false},
		// Month names.
		{"Apr 1, 2026", full(2026, 4, 1), true},
		{"April 1 2026", full(2026, 4, 1), true},
		{"Apr. 1, 2026", full(2026, 4, 1), true},
		{"Wed, Apr 1, 2026", full(2026, 4, 1), true},
		{"1-Apr-2026", full(2026, 4, 1), true},
		{"01-APR-26", full(2026, 4, 1), true},
		{"1 April 2026", full(2026, 4, 1), true},
		{"1 Apr, 2026", full(2026, 4, 1), true},
		{"02/Mar/26 10:30 AM", full(2026, 3, 2), true},
		{"1-Apr", md(4, 1), true},
		{"1 April", md(4, 1), true},
		{"Apr 1", md(4, 1), true},
		{"Sept 30", md(9, 30), true},
		// No year.
		{"4/1", md(4, 1), true},
		{"2/6", md(2, 6), true},
		{"２／６", md(2, 6), true},
		{"2/29", md(2, 29), true},
		{"4/1 10:00", md(4, 1), true},
		{"4/1(水)", md(4, 1), true},
		{"2/30", DateText{}, false},
		{"13/1", DateText{}, false},
		// Placeholders.
		{"-", ph, true},
		{"－", ph, true},
		{"―", ph, true},
		{"ー", ph, true},
		{"--", ph, true},
		{"――――", ph, true},
		{"→", ph, true},
		{"未定", ph, true},
		{"TBD", ph, true},
		{"tbd", ph, true},
		{"ＴＢＤ", ph, true},
		{"N/A", ph, true},
		{"なし", ph, true},
		// Not dates.
		{"", DateText{}, false},
		{"   ", DateText{}, false},
		{"基本設計", DateText{}, false},
		{"API", DateText{}, false},
		{"Mon", DateText{}, false},
		{"April", DateText{}, false},
		{"1.2.3", DateText{}, false},
		{"1.1", DateText{}, false},
		{"1-1", DateText{}, false},
		{"1-2-3", DateText{}, false},
		{"2026", DateText{}, false},
		{"46113", DateText{}, false},
		{"12345678", DateText{}, false},
		{"2026/4", DateText{}, false},
		{"2026年4月", DateText{}, false},
		{"Apr 2026", DateText{}, false},
		{"2026/2/30", DateText{}, false},
		{"2026-13-01", DateText{}, false},
		{"1899/12/31", DateText{}, false},
		{"H31.4", DateText{}, false},
		{"50%", DateText{}, false},
		{"3人日", DateText{}, false},
		{"4/1～4/5", DateText{}, false},
		{"2026/4/1 - 2026/4/5", DateText{}, false},
		{"2026/4/1予定", DateText{}, false},
		{"R8.4.1.2", DateText{}, false},
		{"2026/04/01 25", DateText{}, false},
		{"Phase 1", DateText{}, false},
		{"v1.2", DateText{}, false},
		{"No.12", DateText{}, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseDate(c.in)
			if c.in == "Sat 3/2/26" {
				// No reading falls on a Saturday; the default M/D/YY stands.
				c.want, c.ok = full(2026, 3, 2), true
			}
			if ok != c.ok || got != c.want {
				t.Errorf("ParseDate(%q) = %+v (%s), %v; want %+v (%s), %v",
					c.in, got, got.Date, ok, c.want, c.want.Date, c.ok)
			}
		})
	}
}

func TestParseDateRoundTripsISO(t *testing.T) {
	t.Parallel()
	for _, d := range []date.Date{2, 59, 61, 1462, 46113, 2958465} {
		got, ok := ParseDate(d.String())
		if !ok || got.Date != d {
			t.Errorf("ParseDate(%q) = %+v, %v; want %d", d.String(), got, ok, d)
		}
	}
}

func TestDateOfMatchesDatePackage(t *testing.T) {
	t.Parallel()
	for y := 1900; y <= 2150; y++ {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 28, daysIn(y, m)} {
				if got, want := dateOf(y, m, d), date.Of(y, time.Month(m), d); got != want {
					t.Fatalf("dateOf(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
	if got := dateOf(9999, 12, 31); got != 2958465 || got.String() != "9999-12-31" {
		t.Errorf("dateOf(9999, 12, 31) = %d (%s), want 2958465", got, got)
	}
}

func TestInferYear(t *testing.T) {
	t.Parallel()
	fy := func(y int) (date.Date, date.Date) { return ymdDate(y, 4, 1), ymdDate(y+1, 3, 31) }
	from, to := fy(2026)
	cases := []struct {
		name           string
		month, day     int
		from, to, near date.Date
		want           date.Date
	}{
		{"april in fiscal year", 4, 1, from, to, 0, ymdDate(2026, 4, 1)},
		{"february in fiscal year", 2, 6, from, to, 0, ymdDate(2027, 2, 6)},
		{"december in fiscal year", 12, 31, from, to, ymdDate(2026, 6, 1), ymdDate(2026, 12, 31)},
		{"outside window goes near", 3, 31, ymdDate(2026, 4, 1), ymdDate(2026, 9, 30), ymdDate(2026, 9, 1), ymdDate(2026, 3, 31)},
		{"two-year window picks near", 6, 1, ymdDate(2026, 4, 1), ymdDate(2028, 3, 31), ymdDate(2027, 5, 1), ymdDate(2027, 6, 1)},
		{"two-year window without near picks start", 6, 1, ymdDate(2026, 4, 1), ymdDate(2028, 3, 31), 0, ymdDate(2026, 6, 1)},
		{"no window uses near", 1, 5, 0, 0, ymdDate(2026, 12, 20), ymdDate(2027, 1, 5)},
		{"no window near december", 12, 20, 0, 0, ymdDate(2027, 1, 5), ymdDate(2026, 12, 20)},
		{"leap day in window", 2, 29, ymdDate(2027, 4, 1), ymdDate(2028, 3, 31), 0, ymdDate(2028, 2, 29)},
		{"leap day outside window", 2, 29, ymdDate(2026, 4, 1), ymdDate(2027, 3, 31), 0, ymdDate(2028, 2, 29)},
		{"impossible day", 2, 30, from, to, 0, 0},
		{"month 13", 13, 1, from, to, 0, 0},
		{"nothing to go by", 4, 1, 0, 0, 0, 0},
		{"huge window stays near", 4, 1, ymdDate(1900, 1, 1), ymdDate(9999, 12, 31), ymdDate(2026, 3, 1), ymdDate(2026, 4, 1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := InferYear(c.month, c.day, c.from, c.to, c.near); got != c.want {
				t.Errorf("InferYear(%d, %d, %s, %s, %s) = %s, want %s", c.month, c.day, c.from, c.to, c.near, got, c.want)
			}
		})
	}
}
