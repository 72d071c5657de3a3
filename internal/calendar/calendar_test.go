package calendar

import (
	"math"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
)

func d(y int, m time.Month, day int) date.Date { return date.Of(y, m, day) }

func TestWorkdaysBetween(t *testing.T) {
	t.Parallel()
	nenmatsu := []date.Date{d(2026, 12, 29), d(2026, 12, 30), d(2026, 12, 31)}
	cases := []struct {
		name          string
		jp            bool
		daysOff, work []date.Date
		a, b          date.Date
		want          int
	}{
		{"golden week", true, nil, nil, d(2026, 4, 27), d(2026, 5, 8), 6},
		{"golden week without holidays", false, nil, nil, d(2026, 4, 27), d(2026, 5, 8), 10},
		{"weekend only", true, nil, nil, d(2026, 11, 21), d(2026, 11, 22), 0},
		{"weekend and holiday", true, nil, nil, d(2026, 11, 21), d(2026, 11, 23), 0},
		{"single working day", true, nil, nil, d(2026, 11, 20), d(2026, 11, 20), 1},
		{"single holiday", true, nil, nil, d(2026, 11, 23), d(2026, 11, 23), 0},
		{"reversed", true, nil, nil, d(2026, 5, 8), d(2026, 4, 27), 0},
		{"year end days off", true, nenmatsu, nil, d(2026, 12, 28), d(2027, 1, 8), 6},
		{"day off on a weekend changes nothing", true, []date.Date{d(2026, 11, 21)}, nil, d(2026, 11, 16), d(2026, 11, 22), 5},
		{"duplicate days off", true, append(nenmatsu, nenmatsu...), nil, d(2026, 12, 28), d(2027, 1, 8), 6},
		{"Saturday worked", true, nil, []date.Date{d(2026, 11, 21)}, d(2026, 11, 21), d(2026, 11, 22), 1},
		{"holiday worked", true, nil, []date.Date{d(2026, 11, 23)}, d(2026, 11, 21), d(2026, 11, 23), 1},
		{"worked day beats day off", true, nenmatsu, []date.Date{d(2026, 12, 30)}, d(2026, 12, 28), d(2027, 1, 8), 7},
		// 261 weekdays less 17 holidays on weekdays.
		{"whole year 2026", true, nil, nil, d(2026, 1, 1), d(2026, 12, 31), 244},
		{"first holiday year boundary", true, nil, nil, d(1979, 12, 31), d(1980, 1, 7), 5},
		// 2100-01-01 is past the known law, so it counts as a working day.
		{"last holiday year boundary", true, nil, nil, d(2099, 12, 30), d(2100, 1, 4), 4},
		{"before 1980 with day off and worked Saturday", true, []date.Date{d(2100, 1, 4), d(1979, 12, 31)}, []date.Date{d(2100, 1, 2), d(1979, 12, 29)}, d(1979, 12, 24), d(1979, 12, 31), 6 - 1 + 1},
		{"after 2099 with day off and worked Saturday", true, []date.Date{d(2100, 1, 4), d(1979, 12, 31)}, []date.Date{d(2100, 1, 2), d(1979, 12, 29)}, d(2100, 1, 1), d(2100, 1, 8), 6 - 1 + 1},
		{"far future year", true, nil, nil, d(2150, 1, 1), d(2150, 12, 31), 261},
		{"far past year", true, nil, nil, d(1950, 1, 1), d(1950, 12, 31), 260},
		// 2^32 days from a Thursday: 613566756 weeks, then Thu, Fri, Sat, Sun.
		{"whole int32 range", false, nil, nil, math.MinInt32, math.MaxInt32, 3067833782},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cal := New(c.jp, c.daysOff, c.work)
			if got := cal.WorkdaysBetween(c.a, c.b); got != c.want {
				t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
			}
			if b := int64(c.b); b-int64(c.a) < 50000 {
				if got := naiveCount(c.jp, c.daysOff, c.work, c.a, c.b); got != c.want {
					t.Errorf("day-by-day count = %d, want %d", got, c.want)
				}
			}
		})
	}
}

// naiveCount counts working days one by one, straight from the rules, as
// the reference for the prefix sums.
func naiveCount(jp bool, daysOff, work []date.Date, a, b date.Date) int {
	closed := map[date.Date]bool{}
	if jp {
		for y := a.Year(); y <= b.Year(); y++ {
			for _, h := range Holidays(y) {
				closed[h.Date] = true
			}
		}
	}
	for _, x := range daysOff {
		closed[x] = true
	}
	for _, x := range work {
		closed[x] = false
	}
	n := 0
	for i := int64(a); i <= int64(b); i++ {
		x := date.Date(i)
		wd := x.Weekday()
		off, listed := closed[x]
		if listed && !off || !listed && wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

func TestAgreesWithDayByDayCount(t *testing.T) {
	t.Parallel()
	daysOff := []date.Date{d(1979, 12, 28), d(1990, 8, 15), d(2026, 12, 29), d(2026, 12, 30), d(2100, 1, 5), d(2100, 1, 9)}
	work := []date.Date{d(1979, 12, 29), d(1990, 8, 15), d(2026, 11, 23), d(2026, 11, 28), d(2100, 1, 2)}
	for _, jp := range []bool{true, false} {
		cal := New(jp, daysOff, work)
		start, end := d(1979, 12, 1), d(2100, 1, 31)
		// Each day on its own, and the running total from the start.
		total := 0
		for x := start; x <= end; x++ {
			one := naiveCount(jp, daysOff, work, x, x)
			if cal.IsWorkday(x) != (one == 1) {
				t.Fatalf("jp=%v: IsWorkday(%s) = %v", jp, x, cal.IsWorkday(x))
			}
			total += one
			if got := cal.WorkdaysBetween(start, x); got != total {
				t.Fatalf("jp=%v: WorkdaysBetween(%s, %s) = %d, want %d", jp, start, x, got, total)
			}
		}
	}
}

func TestHolidayName(t *testing.T) {
	t.Parallel()
	cal := New(true, []date.Date{d(2026, 12, 29), d(2026, 11, 23)}, []date.Date{d(2026, 5, 4), d(2026, 12, 30)})
	plain := New(false, []date.Date{d(2026, 12, 29)}, nil)
	cases := []struct {
		name string
		cal  *Calendar
		day  date.Date
		want string
	}{
		{"national holiday", cal, d(2026, 1, 1), "元日"},
		{"substitute", cal, d(2026, 5, 6), "振替休日"},
		{"citizens", cal, d(2026, 9, 22), "国民の休日"},
		{"holiday also day off", cal, d(2026, 11, 23), "勤労感謝の日"},
		{"holiday worked", cal, d(2026, 5, 4), "みどりの日"},
		{"company day off", cal, d(2026, 12, 29), "休業日"},
		{"plain weekend", cal, d(2026, 11, 21), ""},
		{"working day", cal, d(2026, 11, 20), ""},
		{"holidays not in calendar", plain, d(2026, 1, 1), ""},
		{"day off without holidays", plain, d(2026, 12, 29), "休業日"},
		{"outside holiday years", cal, d(2100, 1, 1), ""},
		{"nil calendar", nil, d(2026, 1, 1), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, ok := c.cal.HolidayName(c.day)
			if got != c.want || ok != (c.want != "") {
				t.Errorf("HolidayName(%s) = %q, %v; want %q", c.day, got, ok, c.want)
			}
		})
	}
}

func TestAddWorkdays(t *testing.T) {
	t.Parallel()
	cal := New(true, []date.Date{d(2026, 12, 29), d(2026, 12, 30), d(2026, 12, 31)}, []date.Date{d(2026, 11, 28)})
	cases := []struct {
		name string
		from date.Date
		n    int
		want date.Date
	}{
		{"zero", d(2026, 11, 21), 0, d(2026, 11, 21)},
		{"Friday plus one", d(2026, 11, 13), 1, d(2026, 11, 16)},
		{"over a holiday and a worked Saturday", d(2026, 11, 20), 3, d(2026, 11, 26)},
		{"from a weekend", d(2026, 11, 14), 1, d(2026, 11, 16)},
		{"over golden week", d(2026, 5, 1), 1, d(2026, 5, 7)},
		{"over the year end", d(2026, 12, 28), 1, d(2027, 1, 4)},
		{"back over the year end", d(2027, 1, 4), -1, d(2026, 12, 28)},
		{"back from a Monday", d(2026, 11, 16), -1, d(2026, 11, 13)},
		// 244 working days in 2026, less 3 days off, plus a worked Saturday.
		{"a year", d(2025, 12, 31), 242, d(2026, 12, 28)},
		{"into years without holidays", d(2099, 12, 31), 1, d(2100, 1, 1)},
		{"out of the past", d(1979, 12, 31), 1, d(1980, 1, 2)},
		{"past the last date", math.MaxInt32 - 1, 5, 0},
		{"before the first date", math.MinInt32 + 1, -5, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := cal.AddWorkdays(c.from, c.n); got != c.want {
				t.Errorf("AddWorkdays(%s, %d) = %s (%d), want %s", c.from, c.n, got, got, c.want)
			}
		})
	}
}

func TestNextAndPrevWorkday(t *testing.T) {
	t.Parallel()
	cal := New(true, nil, nil)
	cases := []struct {
		day, next, prev date.Date
	}{
		{d(2026, 11, 20), d(2026, 11, 20), d(2026, 11, 20)},
		{d(2026, 11, 21), d(2026, 11, 24), d(2026, 11, 20)},
		{d(2026, 5, 3), d(2026, 5, 7), d(2026, 5, 1)},
		{d(2100, 1, 2), d(2100, 1, 4), d(2100, 1, 1)},
	}
	for _, c := range cases {
		t.Run(c.day.String(), func(t *testing.T) {
			t.Parallel()
			if got := cal.NextWorkday(c.day); got != c.next {
				t.Errorf("NextWorkday = %s, want %s", got, c.next)
			}
			if got := cal.PrevWorkday(c.day); got != c.prev {
				t.Errorf("PrevWorkday = %s, want %s", got, c.prev)
			}
		})
	}
}

func TestAllDaysOff(t *testing.T) {
	t.Parallel()
	// A long run of days off must not make AddWorkdays walk it day by day
	// or give up early.
	var off []date.Date
	for x := d(2026, 1, 1); x <= d(2035, 12, 31); x++ {
		off = append(off, x)
	}
	cal := New(true, off, nil)
	if got, want := cal.NextWorkday(d(2026, 1, 1)), d(2036, 1, 2); got != want {
		t.Errorf("NextWorkday = %s, want %s", got, want)
	}
	if got := cal.WorkdaysBetween(d(2026, 1, 1), d(2035, 12, 31)); got != 0 {
		t.Errorf("WorkdaysBetween over days off = %d", got)
	}
}

func TestZeroAndNilCalendar(t *testing.T) {
	t.Parallel()
	for name, cal := range map[string]*Calendar{"zero": {}, "nil": nil} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := cal.WorkdaysBetween(d(2026, 1, 1), d(2026, 1, 31)); got != 22 {
				t.Errorf("WorkdaysBetween = %d, want 22 (weekdays of January 2026)", got)
			}
			if !cal.IsWorkday(d(2026, 1, 1)) {
				t.Error("2026-01-01 is a weekday, so a working day without holidays")
			}
			if got := cal.AddWorkdays(d(2026, 1, 2), 1); got != d(2026, 1, 5) {
				t.Errorf("AddWorkdays = %s", got)
			}
		})
	}
}

// FuzzCalendar checks the counting invariants on arbitrary dates and
// lists: counts agree with the day-by-day rule on short ranges, split
// additively, and AddWorkdays lands on a working day with the right count.
func FuzzCalendar(f *testing.F) {
	f.Add(int32(46113), int32(46346), int32(46200), int32(5), true)
	f.Add(int32(29220), int32(29240), int32(29225), int32(-3), true) // around 1980-01-01
	f.Add(int32(73049), int32(73060), int32(73051), int32(2), false) // around 2100-01-01
	f.Add(int32(math.MaxInt32-3), int32(math.MaxInt32), int32(0), int32(7), true)
	f.Fuzz(func(t *testing.T, a, b, off, n int32, jp bool) {
		daysOff := []date.Date{date.Date(off), date.Date(off) + 1, date.Date(a) + 2}
		work := []date.Date{date.Date(off) + 1, date.Date(b) - 3}
		cal := New(jp, daysOff, work)
		da, db := date.Date(a), date.Date(b)
		got := cal.WorkdaysBetween(da, db)
		if db < da {
			if got != 0 {
				t.Fatalf("reversed range counted %d", got)
			}
			return
		}
		if span := int64(b) - int64(a); got < 0 || int64(got) > span+1 {
			t.Fatalf("WorkdaysBetween(%d, %d) = %d outside 0..%d", a, b, got, span+1)
		}
		if int64(b)-int64(a) < 3000 {
			if want := naiveCount(jp, daysOff, work, da, db); got != want {
				t.Fatalf("WorkdaysBetween(%s, %s) = %d, day by day %d", da, db, got, want)
			}
		}
		if mid := date.Date(off); mid >= da && mid < db {
			if s := cal.WorkdaysBetween(da, mid) + cal.WorkdaysBetween(mid+1, db); s != got {
				t.Fatalf("split at %d: %d != %d", mid, s, got)
			}
		}
		k := int(n % 1000)
		e := cal.AddWorkdays(da, k)
		switch {
		case e == 0 || k == 0:
		case k > 0 && (!cal.IsWorkday(e) || cal.WorkdaysBetween(da+1, e) != k):
			t.Fatalf("AddWorkdays(%d, %d) = %d", a, k, e)
		case k < 0 && (!cal.IsWorkday(e) || cal.WorkdaysBetween(e, da-1) != -k):
			t.Fatalf("AddWorkdays(%d, %d) = %d", a, k, e)
		}
	})
}

func BenchmarkNew(b *testing.B) {
	daysOff := []date.Date{d(2026, 12, 29), d(2026, 12, 30), d(2026, 12, 31), d(2027, 1, 2), d(2027, 1, 3)}
	for b.Loop() {
		New(true, daysOff, nil)
	}
}

func BenchmarkWorkdaysBetween(b *testing.B) {
	cal := New(true, []date.Date{d(2026, 12, 29)}, nil)
	start := d(2026, 4, 1)
	i := 0
	for b.Loop() {
		cal.WorkdaysBetween(start+date.Date(i%97), start+date.Date(i%365))
		i++
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	cal := New(true, []date.Date{d(2026, 12, 29)}, nil)
	start := d(2026, 4, 1)
	i := 0
	for b.Loop() {
		cal.AddWorkdays(start+date.Date(i%97), i%60)
		i++
	}
}
