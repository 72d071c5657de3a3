package value

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pmokit/pmo/internal/date"
)

var dateSeeds = []string{
	"2026/4/1", "2026-04-01", "2026.04.01", "２０２６／４／１", "2026/04/01 10:30", "2026/4/1(水)",
	"2026/4/1（水）", "2026/4/1 水", "2026年4月1日", "2026年4月1日(水)", "4月1日", "4/1", "2/6",
	"R8.4.1", "R8/4/1", "令和8年4月1日", "令和元年5月1日", "H31.4.30", "平成31年4月30日", "S64.1.7",
	"3/2/26", "Mon 26-03-02", "Mon 3/2/26", "3/2/2026", "12/31/2026", "2026-04-01T09:00:00+09:00",
	"20260401", "Apr 1, 2026", "1-Apr-2026", "1 April 2026", "-", "未定", "TBD", "1.2.3", "1.1",
	"基本設計", "9999-12-31", "1900-01-01", "2/29", "02/Mar/26 10:30 AM",
}

func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			if got != (DateText{}) {
				t.Fatalf("ParseDate(%q) = %+v with ok false", s, got)
			}
			return
		}
		switch {
		case got.Placeholder:
			if got.Date != 0 || got.Month != 0 || got.Day != 0 {
				t.Fatalf("ParseDate(%q) = %+v: placeholder with a date", s, got)
			}
		case got.Date != 0:
			if got.Month != 0 || got.Day != 0 {
				t.Fatalf("ParseDate(%q) = %+v: both a date and a month/day", s, got)
			}
			y, m, d := got.Date.YMD()
			if !date.Valid(y, m, d) {
				t.Fatalf("ParseDate(%q) = %s, not a valid date", s, got.Date)
			}
			again, ok := ParseDate(got.Date.String())
			if !ok || again.Date != got.Date {
				t.Fatalf("ParseDate(%q) = %s, which re-parses as %+v, %v", s, got.Date, again, ok)
			}
		default:
			if got.Month < 1 || got.Month > 12 || got.Day < 1 || got.Day > daysIn(2000, got.Month) {
				t.Fatalf("ParseDate(%q) = %+v: impossible month/day", s, got)
			}
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,234.5", "  12 ", "５０", "-3", "1.5e2", "△3", "▲3", "1,2", "Inf", "0x10", ".5", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		again, ok := ParseNumber(strconv.FormatFloat(v, 'g', -1, 64))
		if !ok || again != v {
			t.Fatalf("ParseNumber(%q) = %v, which re-parses as %v, %v", s, v, again, ok)
		}
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{" 予定\n開始日（実績） ", "\u00a0No.", "% Complete", "ＷＢＳ　ＩＤ", "ｽﾃｰﾀｽ", "e(\u0301)", "\xff a", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if again := Key(k); again != k {
			t.Fatalf("Key(%q) = %q but Key(%q) = %q", s, k, k, again)
		}
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q, not valid UTF-8", s, k)
		}
		if strings.IndexFunc(k, unicode.IsSpace) >= 0 {
			t.Fatalf("Key(%q) = %q still holds white space", s, k)
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"a \r\n\r\n\r\nb\u3000", "\u00a0x", "a\n  b", "a\n\u00a0\n\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := Text(s)
		if again := Text(x); again != x {
			t.Fatalf("Text(%q) = %q but Text(%q) = %q", s, x, x, again)
		}
		if strings.Contains(x, "\r") || strings.Contains(x, "\n\n\n") {
			t.Fatalf("Text(%q) = %q", s, x)
		}
	})
}

func FuzzEffort(f *testing.F) {
	for _, s := range []string{"3人日", "3 人日", "48 days", "1 day", "8 hrs", "8h", "0.5H", "4時間", "2人月", "1.5d", "3日", "2w", "2 weeks", "△1d", "d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Effort(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("Effort(%q) = %v", s, v)
		}
		if n, isNum := ParseNumber(s); isNum && (!ok || v != n) {
			t.Fatalf("Effort(%q) = %v, %v; a bare number is days: want %v", s, v, ok, n)
		}
	})
}

func FuzzProgress(f *testing.F) {
	f.Add(true, 0.5, "", true, 0)
	f.Add(true, 50.0, "", false, 0)
	f.Add(false, 0.0, "50%", false, 0)
	f.Add(false, 0.0, "５０％", false, 100)
	f.Add(false, 0.0, "完了", false, 1)
	f.Add(false, 0.0, "0.5", false, 0)
	f.Fuzz(func(t *testing.T, isNum bool, num float64, text string, percent bool, colScale int) {
		v, ok := Progress(isNum, num, text, percent, colScale)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			// Only a huge finite number times 100 can overflow.
			if !(isNum && math.Abs(num) > math.MaxFloat64/100) {
				t.Fatalf("Progress(%v, %v, %q, %v, %d) = %v", isNum, num, text, percent, colScale, v)
			}
		}
		if isNum {
			finite := !math.IsNaN(num) && !math.IsInf(num, 0)
			if ok != finite {
				t.Fatalf("Progress(num %v) ok = %v", num, ok)
			}
			if ok && percent && v != num*100 {
				t.Fatalf("Progress(%v, percent) = %v, want %v", num, v, num*100)
			}
			if ok && !percent && colScale == 100 && v != num {
				t.Fatalf("Progress(%v, colScale 100) = %v, want %v", num, v, num)
			}
		}
	})
}

// The year inference must always land on the asked month and day.
func FuzzInferYear(f *testing.F) {
	f.Add(4, 1, int32(46113), int32(46477), int32(0))
	f.Add(2, 29, int32(46113), int32(46477), int32(46200))
	f.Fuzz(func(t *testing.T, month, day int, from, to, near int32) {
		clamp := func(v int32) date.Date { return date.Date(max(0, min(v, 2958465))) }
		d := InferYear(month, day, clamp(from), clamp(to), clamp(near))
		if d == 0 {
			return
		}
		_, m, dd := d.YMD()
		if m != time.Month(month) || dd != day {
			t.Fatalf("InferYear(%d, %d, ...) = %s", month, day, d)
		}
	})
}

// nfkc takes shortcuts for Japanese text; it must agree with the real thing.
func FuzzNFKC(f *testing.F) {
	for _, s := range []string{"２０２６／４／１", "予定開始日（実績）", "ｽﾃｰﾀｽ", "カ\u3099", "Ａ\u0301", "　※○", "〜～"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfkc(s), norm.NFKC.String(s); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", s, got, want)
		}
	})
}
