// Package date is a calendar date without time or zone, the unit every
// schedule in pmo is measured in.
package date

import (
	"fmt"
	"time"
)

// Date counts days in the Excel 1900 system: 1 is 1899-12-31, 45383 is
// 2024-04-01. The zero Date means "no date", which makes an empty cell and a
// missing YAML key the same thing without an extra flag.
type Date int32

// epoch is day 0 of the serial count.
var epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Of returns the Date for a year, month and day. Out-of-range months and
// days are normalised the way time.Date does; use Valid to reject them.
func Of(y int, m time.Month, d int) Date {
	// Unix seconds, not time.Sub: a Duration overflows after 292 years.
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date((t.Unix() - epoch.Unix()) / 86400)
}

// Valid reports whether y-m-d names a real day between 1900 and 9999.
func Valid(y int, m time.Month, d int) bool {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// FromTime returns the calendar day of t in t's location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return Of(y, m, d)
}

// IsZero reports whether d is the "no date" value.
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return epoch.AddDate(0, 0, int(d)) }

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	// Days to the proleptic Gregorian civil date without going through
	// time.Time (Howard Hinnant's days_from_civil inverse): the formatting
	// of every date cell and finding comes here.
	z := int64(d) - 25569 + 719468 // days since 0000-03-01; serial 25569 is 1970-01-01
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097                                  // day of the 400-year era, 0..146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, 0..399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1
	mp := (5*doy + 2) / 153                                // month from March, 0..11
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if month > 12 {
		month -= 12
	}
	y := yoe + era*400
	if month <= 2 {
		y++
	}
	return int(y), time.Month(month), int(day)
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// Serial 0 (1899-12-30) was a Saturday.
	return time.Weekday((int(d)%7 + 7 + 6) % 7)
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String formats d as ISO 8601 (2026-04-01), or "" for the zero Date.
func (d Date) String() string {
	var buf [10]byte
	return string(d.Append(buf[:0]))
}

// Append appends d as String formats it to b: no fmt, since
// findings, digests and trackers format dates by the hundred thousand.
func (d Date) Append(b []byte) []byte {
	if d == 0 {
		return b
	}
	y, m, dd := d.YMD()
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", y, int(m), dd)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// Parse reads an ISO 8601 date (2026-04-01).
func Parse(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("not a date (YYYY-MM-DD): %q", s)
	}
	return FromTime(t), nil
}

// MarshalText implements encoding.TextMarshaler as ISO 8601.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for ISO 8601 and "".
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
