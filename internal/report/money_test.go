package report

import "testing"

func TestFormatMoney(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v        float64
		cur, lng string
		want     string
	}{
		{180_000_000, "JPY", "ja", "1億8,000万円"},
		{34_600_000, "JPY", "ja", "3,460万円"},
		{123_456_789, "JPY", "ja", "1億2,346万円"},
		{19_999_999, "JPY", "ja", "2,000万円"},
		{-0.4, "JPY", "ja", "0円"},
		{985_000, "JPY", "ja", "98万5,000円"},
		{9_800, "JPY", "ja", "9,800円"},
		{0, "JPY", "ja", "0円"},
		{-2_500_000, "JPY", "ja", "−250万円"},
		{180_000_000, "JPY", "en", "¥180,000,000"},
		{12_500, "USD", "ja", "USD 12,500"},
	} {
		if got := FormatMoney(c.v, c.cur, c.lng); got != c.want {
			t.Errorf("FormatMoney(%v, %s, %s) = %q, want %q", c.v, c.cur, c.lng, got, c.want)
		}
	}
}
