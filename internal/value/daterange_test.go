package value

import "testing"

func TestParseDateRange(t *testing.T) {
	cases := []struct {
		in       string
		from, to string // "M/D" when no year, ISO otherwise
		ok       bool
	}{
		{"4/1〜4/10", "4/1", "4/10", true},
		{"４／１～４／１０", "4/1", "4/10", true},
		{"2026/4/1 - 2026/4/10", "2026-04-01", "2026-04-10", true},
		{"2026/4/1-2026/4/10", "2026-04-01", "2026-04-10", true},
		{"4月1日から4月10日", "4/1", "4/10", true},
		{"2026-04-01", "", "", false}, // one ISO date, not a range
		{"4/1〜未定", "", "", false},
		{"1-2", "", "", false}, // a WBS code
		{"設計〜実装", "", "", false},
	}
	for _, c := range cases {
		a, b, ok := ParseDateRange(c.in)
		if ok != c.ok {
			t.Errorf("ParseDateRange(%q) ok = %v, want %v", c.in, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		if got := show(a); got != c.from {
			t.Errorf("ParseDateRange(%q) from = %s, want %s", c.in, got, c.from)
		}
		if got := show(b); got != c.to {
			t.Errorf("ParseDateRange(%q) to = %s, want %s", c.in, got, c.to)
		}
	}
}

func show(d DateText) string {
	if !d.Date.IsZero() {
		return d.Date.String()
	}
	return itoa(d.Month) + "/" + itoa(d.Day)
}

func itoa(n int) string {
	if n >= 10 {
		return itoa(n/10) + string(rune('0'+n%10))
	}
	return string(rune('0' + n))
}
