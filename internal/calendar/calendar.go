// Package calendar decides which days are working days: weekends, Japanese
// national holidays and a company's own days off, with the 休日出勤 days
// that override them. Schedules, progress and EVM all count working days,
// so counting is O(1) inside the holiday years and O(log n) outside.
package calendar

import (
	"math"
	"slices"
	"time"

	"github.com/pmokit/pmo/internal/date"
)

// dayOffName is what HolidayName reports for a company day off.
const dayOffName = "休業日"

// Calendar decides working days: weekends (Saturday, Sunday), Japanese
// national holidays when built with jp, and company days off, overridden by
// extra working days. It never changes after New, so one Calendar can serve
// any number of goroutines. The zero Calendar (and a nil *Calendar) counts
// weekends only.
type Calendar struct {
	// lo is the first day of the precomputed span; prefix[i] is the number
	// of working days in [lo, lo+i), so the span is lo .. lo+len(prefix)-2.
	lo     date.Date
	prefix []int32
	// holidays are the national holidays of the span when jp, sorted.
	holidays []Holiday
	// off are the company days off that are not also extra working days,
	// sorted and unique.
	off []date.Date
	// offOutside are the days of off outside the span that fall on a
	// weekday, and extraOutside the extra working days outside the span
	// that fall on a weekend: the only exceptions to the weekday rule there.
	offOutside   []date.Date
	extraOutside []date.Date
}

// New returns a calendar. jp includes Japanese national holidays (known for
// FirstHolidayYear..LastHolidayYear; other years have none). daysOff are
// extra company days off, such as 年末年始. extraWorkdays are days worked
// even though they fall on a weekend, a holiday or a day off (休日出勤);
// a day in both lists is a working day. Either list may be nil, hold
// duplicates or be unsorted.
//
// New precomputes a prefix sum of working days over 1980-01-01..2099-12-31
// (43,830 days, 171 KiB), which makes WorkdaysBetween two array reads.
func New(jp bool, daysOff, extraWorkdays []date.Date) *Calendar {
	extra := sortedUnique(extraWorkdays)
	var off []date.Date
	for _, d := range sortedUnique(daysOff) {
		if !contains(extra, d) {
			off = append(off, d)
		}
	}
	lo := date.Of(FirstHolidayYear, time.January, 1)
	hi := date.Of(LastHolidayYear, time.December, 31)
	c := &Calendar{lo: lo, off: off}

	// Mark each day of the span open (1) or closed (0) at prefix[i+1],
	// then sum in place.
	n := int(hi-lo) + 1
	c.prefix = make([]int32, n+1)
	mark := c.prefix[1:]
	for i := range mark {
		if !isWeekend(lo + date.Date(i)) {
			mark[i] = 1
		}
	}
	if jp {
		// About 20 holidays a year; one allocation instead of a dozen.
		c.holidays = make([]Holiday, 0, 21*(LastHolidayYear-FirstHolidayYear+1))
		for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
			hs := Holidays(y)
			c.holidays = append(c.holidays, hs...)
			for _, h := range hs {
				mark[h.Date-lo] = 0
			}
		}
	}
	for _, d := range off {
		if d >= lo && d <= hi {
			mark[d-lo] = 0
		} else if !isWeekend(d) {
			c.offOutside = append(c.offOutside, d)
		}
	}
	for _, d := range extra {
		if d >= lo && d <= hi {
			mark[d-lo] = 1
		} else if isWeekend(d) {
			c.extraOutside = append(c.extraOutside, d)
		}
	}
	for i := 1; i <= n; i++ {
		c.prefix[i] += c.prefix[i-1]
	}
	return c
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d date.Date) bool {
	x := int64(d)
	return c.count(x+1)-c.count(x) == 1
}

// HolidayName names the day off d is: the national holiday's Japanese name
// (when the calendar includes them) or 休業日 for a company day off. It
// reports "", false for any other day, weekends included. A national
// holiday keeps its name even when worked, since the day is still that
// holiday; a company day off that is also an extra working day is none.
func (c *Calendar) HolidayName(d date.Date) (string, bool) {
	if c == nil {
		return "", false
	}
	if i, ok := slices.BinarySearchFunc(c.holidays, d, byDate); ok {
		return c.holidays[i].Name, true
	}
	if contains(c.off, d) {
		return dayOffName, true
	}
	return "", false
}

// WorkdaysBetween counts the working days from a through b inclusive; 0
// when b is before a.
func (c *Calendar) WorkdaysBetween(a, b date.Date) int {
	if b < a {
		return 0
	}
	return int(c.count(int64(b)+1) - c.count(int64(a)))
}

// AddWorkdays returns the n-th working day after d (n > 0) or before d
// (n < 0), so a task starting on a Friday with one day of work left ends on
// the Monday: AddWorkdays(fri, 1). d itself never counts, working or not;
// n == 0 returns d. If the answer would lie beyond the range of date.Date
// it returns the zero Date.
func (c *Calendar) AddWorkdays(d date.Date, n int) date.Date {
	switch {
	case n == 0:
		return d
	case n > 0:
		// The first e > d with n working days in (d, e].
		want := c.count(int64(d)+1) + int64(n)
		return c.search(int64(d)+1, func(e int64) bool { return c.count(e+1) >= want }, 1)
	default:
		// The last e < d with -n working days in [e, d).
		want := c.count(int64(d)) + int64(n)
		return c.search(int64(d)-1, func(e int64) bool { return c.count(e) <= want }, -1)
	}
}

// NextWorkday returns d if it is a working day, else the first working day
// after it (the zero Date if there is none within the range of date.Date).
func (c *Calendar) NextWorkday(d date.Date) date.Date {
	if c.IsWorkday(d) {
		return d
	}
	return c.AddWorkdays(d, 1)
}

// PrevWorkday returns d if it is a working day, else the last working day
// before it (the zero Date if there is none within the range of date.Date).
func (c *Calendar) PrevWorkday(d date.Date) date.Date {
	if c.IsWorkday(d) {
		return d
	}
	return c.AddWorkdays(d, -1)
}

// search finds the nearest e from start in direction dir (+1 or -1) for
// which ok holds, given that ok is false up to some point and true from
// there on in that direction. Galloping then bisecting keeps it O(log² n)
// even when a long run of days off lies in the way.
func (c *Calendar) search(start int64, ok func(int64) bool, dir int64) date.Date {
	const lim = math.MaxInt32
	inRange := func(e int64) bool { return e >= -lim-1 && e <= lim }
	if !inRange(start) {
		return 0
	}
	near, far := start-dir, start // ok(near) is false by construction
	for step := int64(8); !ok(far); step *= 2 {
		near = far
		far = start + dir*step
		if !inRange(far) {
			far = min(max(far, -lim-1), lim)
			if !ok(far) {
				return 0
			}
			break
		}
	}
	for (far-near)*dir > 1 {
		mid := near + (far-near)/2
		if ok(mid) {
			far = mid
		} else {
			near = mid
		}
	}
	return date.Date(far)
}

// count returns the number of working days in [c.lo, x) when x > c.lo, and
// minus the number in [x, c.lo) otherwise, so that any [a, b) holds
// count(b)-count(a) working days. int64 keeps every date.Date and its
// successor representable.
func (c *Calendar) count(x int64) int64 {
	if c == nil {
		c = &Calendar{}
	}
	lo := int64(c.lo)
	if x <= lo {
		return -c.outside(x, lo)
	}
	span := int64(max(len(c.prefix)-1, 0))
	if x <= lo+span {
		return int64(c.prefix[x-lo])
	}
	var total int64
	if span > 0 {
		total = int64(c.prefix[span])
	}
	return total + c.outside(lo+span, x)
}

// outside counts the working days in [a, b), a range outside the span:
// weekdays, less company days off, plus extra working days on weekends.
func (c *Calendar) outside(a, b int64) int64 {
	return weekdaysBefore(b) - weekdaysBefore(a) -
		countIn(c.offOutside, a, b) + countIn(c.extraOutside, a, b)
}

// weekdaysBefore returns the number of Monday–Friday serials in [0, x) for
// x >= 0, extended to negative x so that differences still count weekdays.
func weekdaysBefore(x int64) int64 {
	// Serial 0 is a Saturday, so positions 0 and 1 of each week are the
	// weekend.
	q, r := x/7, x%7
	if r < 0 {
		q, r = q-1, r+7
	}
	return 5*q + max(r-2, 0)
}

// countIn returns how many of the sorted ds lie in [a, b).
func countIn(ds []date.Date, a, b int64) int64 {
	if len(ds) == 0 {
		return 0
	}
	lower := func(x int64) int {
		i, _ := slices.BinarySearchFunc(ds, x, func(d date.Date, x int64) int {
			switch {
			case int64(d) < x:
				return -1
			case int64(d) > x:
				return 1
			}
			return 0
		})
		return i
	}
	return int64(lower(b) - lower(a))
}

func isWeekend(d date.Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

func contains(sorted []date.Date, d date.Date) bool {
	_, ok := slices.BinarySearch(sorted, d)
	return ok
}

func sortedUnique(ds []date.Date) []date.Date {
	out := slices.Clone(ds)
	slices.Sort(out)
	return slices.Compact(out)
}
