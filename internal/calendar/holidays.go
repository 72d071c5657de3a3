package calendar

import (
	"slices"
	"time"

	"github.com/pmokit/pmo/internal/date"
)

// FirstHolidayYear and LastHolidayYear bound the years for which Holidays
// knows the law. The lower bound keeps the rules to the post-1973 shape of
// the law (substitute holidays exist throughout); the upper bound is where
// the equinox approximation stops being trustworthy.
const (
	FirstHolidayYear = 1980
	LastHolidayYear  = 2099
)

// Holiday is one Japanese national holiday.
type Holiday struct {
	Date date.Date
	// Name is the Japanese name as the Cabinet Office lists it (元日,
	// 振替休日, 国民の休日, ...).
	Name string
	// NameEN is the English name used in English reports.
	NameEN string
}

// Holidays returns the national holidays of year y, sorted by date: the
// days named by the Act on National Holidays (国民の祝日に関する法律) as it
// stood in each year, the one-off holidays set by special acts (大喪の礼,
// 即位礼正殿の儀, 結婚の儀, 天皇の即位の日, the Olympic moves of 2020 and
// 2021), substitute holidays (振替休日) and citizens' holidays (国民の休日).
// Outside FirstHolidayYear..LastHolidayYear it returns nil: the law for
// later years is unknown and earlier years are of no use to a project.
//
// Names follow the Cabinet Office list (syukujitsu.csv) except where that
// list says only 休日: substitute and citizens' holidays get their own
// names, 2019-05-01 is 天皇の即位の日 and 2019-10-22 即位礼正殿の儀.
func Holidays(y int) []Holiday {
	if y < FirstHolidayYear || y > LastHolidayYear {
		return nil
	}
	base := statutory(y)
	isBase := func(d date.Date) bool {
		_, ok := slices.BinarySearchFunc(base, d, byDate)
		return ok
	}
	// Substitute and citizens' holidays: a handful at most.
	var extra []Holiday

	// 振替休日: until 2006 only the Monday after a Sunday holiday; from 2007
	// the first day after it that is not itself a holiday, so a Sunday 5/3
	// pushes the substitute to 5/6.
	var subs []date.Date
	for _, h := range base {
		if h.Date.Weekday() != time.Sunday {
			continue
		}
		s := h.Date + 1
		if y >= 2007 {
			for isBase(s) {
				s++
			}
		} else if isBase(s) {
			continue
		}
		subs = append(subs, s)
		extra = append(extra, holiday(s, "振替休日"))
	}

	// 国民の休日: a day that is not a holiday itself but lies between two
	// holidays, from the 1985 amendment on. Until 2006 the law excluded
	// Sundays and substitute holidays; from 2007 any non-holiday qualifies.
	if y >= 1986 {
		for i := 1; i < len(base); i++ {
			d := base[i-1].Date + 1
			if base[i].Date != d+1 || slices.Contains(subs, d) {
				continue
			}
			if y < 2007 && d.Weekday() == time.Sunday {
				continue
			}
			extra = append(extra, holiday(d, "国民の休日"))
		}
	}
	slices.SortFunc(extra, compare)
	return merge(base, extra)
}

// merge returns the sorted union of two sorted lists of distinct days.
func merge(a, b []Holiday) []Holiday {
	out := make([]Holiday, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].Date < b[0].Date {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

func compare(a, b Holiday) int { return int(a.Date) - int(b.Date) }

func byDate(h Holiday, d date.Date) int { return int(h.Date) - int(d) }

// holiday returns the Holiday named ja on d, with its English name.
func holiday(d date.Date, ja string) Holiday { return Holiday{Date: d, Name: ja, NameEN: english(ja)} }

// english returns the English name of a holiday, as used in English
// reports; a switch rather than a map keeps the package free of variables.
func english(ja string) string {
	switch ja {
	case "元日":
		return "New Year's Day"
	case "成人の日":
		return "Coming of Age Day"
	case "建国記念の日":
		return "National Foundation Day"
	case "天皇誕生日":
		return "Emperor's Birthday"
	case "春分の日":
		return "Vernal Equinox Day"
	case "昭和の日":
		return "Showa Day"
	case "みどりの日":
		return "Greenery Day"
	case "憲法記念日":
		return "Constitution Memorial Day"
	case "こどもの日":
		return "Children's Day"
	case "海の日":
		return "Marine Day"
	case "山の日":
		return "Mountain Day"
	case "敬老の日":
		return "Respect for the Aged Day"
	case "秋分の日":
		return "Autumnal Equinox Day"
	case "体育の日":
		return "Health and Sports Day"
	case "スポーツの日":
		return "Sports Day"
	case "文化の日":
		return "Culture Day"
	case "勤労感謝の日":
		return "Labor Thanksgiving Day"
	case "振替休日":
		return "Substitute Holiday"
	case "国民の休日":
		return "Citizens' Holiday"
	case "大喪の礼":
		return "Funeral of Emperor Showa"
	case "即位礼正殿の儀":
		return "Enthronement Ceremony"
	case "結婚の儀":
		return "Crown Prince's Wedding"
	case "天皇の即位の日":
		return "Emperor's Accession Day"
	}
	return ja
}

// statutory returns the holidays of year y named by law or special act
// (国民の祝日 and the days treated as such), sorted by date, without
// substitute and citizens' holidays. It adds them in calendar order, which
// the tests check, so no sort is needed.
func statutory(y int) []Holiday {
	hs := make([]Holiday, 0, 20)
	add := func(m time.Month, d int, ja string) { hs = append(hs, holiday(date.Of(y, m, d), ja)) }

	add(time.January, 1, "元日")
	if y < 2000 {
		add(time.January, 15, "成人の日")
	} else {
		add(time.January, nthMonday(y, time.January, 2), "成人の日")
	}
	add(time.February, 11, "建国記念の日")
	if y >= 2020 {
		add(time.February, 23, "天皇誕生日")
	}
	add(time.March, vernalEquinox(y), "春分の日")
	switch {
	case y < 1989:
		add(time.April, 29, "天皇誕生日")
	case y < 2007:
		add(time.April, 29, "みどりの日")
	default:
		add(time.April, 29, "昭和の日")
	}
	add(time.May, 3, "憲法記念日")
	if y >= 2007 {
		add(time.May, 4, "みどりの日")
	}
	add(time.May, 5, "こどもの日")
	switch {
	case y == 2020:
		add(time.July, 23, "海の日")
		add(time.July, 24, "スポーツの日")
		add(time.August, 10, "山の日")
	case y == 2021:
		add(time.July, 22, "海の日")
		add(time.July, 23, "スポーツの日")
		add(time.August, 8, "山の日")
	default:
		if y >= 1996 && y < 2003 {
			add(time.July, 20, "海の日")
		} else if y >= 2003 {
			add(time.July, nthMonday(y, time.July, 3), "海の日")
		}
		if y >= 2016 {
			add(time.August, 11, "山の日")
		}
	}
	if y < 2003 {
		add(time.September, 15, "敬老の日")
	} else {
		add(time.September, nthMonday(y, time.September, 3), "敬老の日")
	}
	add(time.September, autumnalEquinox(y), "秋分の日")
	switch {
	case y < 2000:
		add(time.October, 10, "体育の日")
	case y < 2020:
		add(time.October, nthMonday(y, time.October, 2), "体育の日")
	case y > 2021:
		add(time.October, nthMonday(y, time.October, 2), "スポーツの日")
	}
	add(time.November, 3, "文化の日")
	add(time.November, 23, "勤労感謝の日")
	if y >= 1989 && y <= 2018 {
		add(time.December, 23, "天皇誕生日")
	}
	// The rules above add days in date order; the one-off days go in place.
	for _, h := range oneOff(y) {
		i, _ := slices.BinarySearchFunc(hs, h.Date, byDate)
		hs = slices.Insert(hs, i, h)
	}
	return hs
}

// oneOff returns the holidays set by special acts for single imperial
// events. The acts make them holidays like any 国民の祝日, so they also
// create citizens' holidays (2019-04-30 and 2019-05-02).
func oneOff(y int) []Holiday {
	switch y {
	case 1989:
		return []Holiday{holiday(date.Of(1989, time.February, 24), "大喪の礼")}
	case 1990:
		return []Holiday{holiday(date.Of(1990, time.November, 12), "即位礼正殿の儀")}
	case 1993:
		return []Holiday{holiday(date.Of(1993, time.June, 9), "結婚の儀")}
	case 2019:
		return []Holiday{
			holiday(date.Of(2019, time.May, 1), "天皇の即位の日"),
			holiday(date.Of(2019, time.October, 22), "即位礼正殿の儀"),
		}
	}
	return nil
}

// nthMonday returns the day of month of the n-th Monday of m in year y, the
// "Happy Monday" rule used for 成人の日, 海の日, 敬老の日 and スポーツの日.
func nthMonday(y int, m time.Month, n int) int {
	first := date.Of(y, m, 1).Weekday()
	return 1 + (int(time.Monday)-int(first)+7)%7 + 7*(n-1)
}

// The equinox days are not fixed by the law itself: each February the
// National Astronomical Observatory announces the next year's dates from
// its ephemeris, and the Cabinet Office lists them. For 1980–2099 the
// announced days agree with the widely used approximation
//
//	day = floor(c + 0.242194*(y-1980) - floor((y-1980)/4))
//
// with c = 20.8431 for 春分の日 (March) and 23.2488 for 秋分の日
// (September). 0.242194 is the fraction of a day the tropical year exceeds
// 365 days; the floor((y-1980)/4) term removes the leap days that pull the
// date back. The constants are fitted to this epoch only: before 1980 they
// differ (20.8357 / 23.2588 with base 1983 for 1900–1979), and after 2099
// the skipped leap day of 2100 breaks the pattern, so Holidays stops there.
// Dates after the latest announcement are predictions, as in every
// published list.
func vernalEquinox(y int) int { return equinox(y, 20_843_100) }

func autumnalEquinox(y int) int { return equinox(y, 23_248_800) }

// equinox evaluates the approximation in millionths of a day, so no
// floating-point rounding can move a result that lies near a day boundary.
func equinox(y int, c int) int {
	n := y - 1980
	return (c + 242_194*n - 1_000_000*(n/4)) / 1_000_000
}
