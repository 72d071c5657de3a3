package calendar

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
)

// readPublished reads testdata/holidays.csv, a record typed from the Cabinet
// Office list of national holidays (内閣府「国民の祝日」について,
// syukujitsu.csv) for 1980–2027, keeping its y/m/d date format. Where the
// published list says only 休日 the record names the day 振替休日 or
// 国民の休日 as the law defines it; 2019-05-01 (休日（祝日扱い）) is
// 天皇の即位の日, 2019-10-22 即位礼正殿の儀 and 2019-10-14
// (体育の日（スポーツの日）) 体育の日. It returns "YYYY-MM-DD name" lines by
// year.
func readPublished(t *testing.T) map[int][]string {
	t.Helper()
	f, err := os.Open("testdata/holidays.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byYear := map[int][]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue // header
		}
		ymd, name, ok := strings.Cut(sc.Text(), ",")
		var y, m, d int
		if _, err := fmt.Sscanf(ymd, "%d/%d/%d", &y, &m, &d); err != nil || !ok || !date.Valid(y, time.Month(m), d) {
			t.Fatalf("holidays.csv:%d: bad line %q", line, sc.Text())
		}
		byYear[y] = append(byYear[y], fmt.Sprintf("%04d-%02d-%02d %s", y, m, d, name))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return byYear
}

func TestHolidaysMatchPublishedList(t *testing.T) {
	t.Parallel()
	published := readPublished(t)
	for y := 1980; y <= 2027; y++ {
		if len(published[y]) == 0 {
			t.Fatalf("holidays.csv has no holidays for %d", y)
		}
	}
	for y, want := range published {
		t.Run(fmt.Sprint(y), func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, h := range Holidays(y) {
				got = append(got, h.Date.String()+" "+h.Name)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("Holidays(%d) differs from the published list\n got: %q\nwant: %q", y, got, want)
			}
		})
	}
}

func TestHolidaysOutsideRange(t *testing.T) {
	t.Parallel()
	for _, y := range []int{-1, 0, 1900, 1979, 2100, 9999} {
		if hs := Holidays(y); len(hs) != 0 {
			t.Errorf("Holidays(%d) = %d holidays, want none", y, len(hs))
		}
	}
}

// The years after the published list are predictions from the same rules;
// these checks hold for every year whatever the rules compute.
func TestHolidaysInvariants(t *testing.T) {
	t.Parallel()
	for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
		hs := Holidays(y)
		if len(hs) < 12 { // 1983 had 12, the fewest
			t.Errorf("%d: only %d holidays", y, len(hs))
		}
		set := map[date.Date]string{}
		for i, h := range hs {
			if h.Date.Year() != y {
				t.Errorf("%d: %s %s lies in another year", y, h.Date, h.Name)
			}
			if i > 0 && h.Date <= hs[i-1].Date {
				t.Errorf("%d: %s not after %s", y, h.Date, hs[i-1].Date)
			}
			if h.NameEN == "" || h.NameEN == h.Name {
				t.Errorf("%d: %s has no English name", y, h.Name)
			}
			set[h.Date] = h.Name
		}
		for _, h := range hs {
			switch h.Name {
			case "成人の日", "海の日", "敬老の日", "スポーツの日":
				if y >= 2003 && y != 2020 && y != 2021 && h.Date.Weekday() != time.Monday {
					t.Errorf("%s %s is a %s, want Monday", h.Date, h.Name, h.Date.Weekday())
				}
			case "振替休日":
				// Some day before it, through holidays only, is a Sunday holiday.
				d := h.Date - 1
				for set[d] != "" && d.Weekday() != time.Sunday {
					d--
				}
				if set[d] == "" || (y < 2007 && d != h.Date-1) {
					t.Errorf("%s 振替休日 does not follow a Sunday holiday", h.Date)
				}
			case "国民の休日":
				if set[h.Date-1] == "" || set[h.Date+1] == "" {
					t.Errorf("%s 国民の休日 is not between two holidays", h.Date)
				}
			}
		}
	}
}

func TestHolidaysPredicted(t *testing.T) {
	t.Parallel()
	cases := []struct {
		day  date.Date
		name string
	}{
		{date.Of(2028, 3, 20), "春分の日"},
		{date.Of(2032, 9, 20), "敬老の日"},
		{date.Of(2032, 9, 21), "国民の休日"}, // between 敬老の日 and 秋分の日
		{date.Of(2032, 9, 22), "秋分の日"},
		{date.Of(2099, 3, 20), "春分の日"},
		{date.Of(2099, 9, 23), "秋分の日"},
		{date.Of(2099, 12, 31), ""},
	}
	for _, c := range cases {
		t.Run(c.day.String(), func(t *testing.T) {
			t.Parallel()
			got := ""
			for _, h := range Holidays(c.day.Year()) {
				if h.Date == c.day {
					got = h.Name
				}
			}
			if got != c.name {
				t.Errorf("holiday on %s = %q, want %q", c.day, got, c.name)
			}
		})
	}
}

func TestEquinoxFormula(t *testing.T) {
	t.Parallel()
	// Years whose equinox sits close to a day boundary in the formula,
	// checked against the published list.
	cases := []struct{ y, vernal, autumnal int }{
		{1980, 20, 23},
		{2012, 20, 22},
		{2016, 20, 22},
		{2024, 20, 22},
		{2027, 21, 23},
	}
	for _, c := range cases {
		if v, a := vernalEquinox(c.y), autumnalEquinox(c.y); v != c.vernal || a != c.autumnal {
			t.Errorf("%d: equinoxes 3/%d, 9/%d; want 3/%d, 9/%d", c.y, v, a, c.vernal, c.autumnal)
		}
	}
}

func BenchmarkHolidays(b *testing.B) {
	for b.Loop() {
		Holidays(2026)
	}
}
