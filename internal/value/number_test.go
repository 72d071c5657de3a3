package value

import (
	"math"
	"testing"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true},
		{"12", 12, true},
		{"  12 ", 12, true},
		{"1,234.5", 1234.5, true},
		{"1,234,567", 1234567, true},
		{"５０", 50, true},
		{"１，２３４．５", 1234.5, true},
		{"-3", -3, true},
		{"+3", 3, true},
		{"－3", -3, true},
		{"−3", -3, true},
		{"△3", -3, true},
		{"▲3", -3, true},
		{"▲ 1,000", -1000, true},
		{"1.5e2", 150, true},
		{"1.5E-1", 0.15, true},
		{".5", 0.5, true},
		{"5.", 5, true},
		{"1.1000000000000001", 1.1000000000000001, true},
		{"\u00a012\u3000", 12, true},
		{"", 0, false},
		{"-", 0, false},
		{".", 0, false},
		{"abc", 0, false},
		{"12a", 0, false},
		{"3人日", 0, false},
		{"50%", 0, false},
		{"1,2", 0, false},
		{"1,23", 0, false},
		{"1234,567", 0, false},
		{",123", 0, false},
		{"1,234,", 0, false},
		{"1.2.3", 0, false},
		{"1 234", 0, false},
		{"1e", 0, false},
		{"1e999", 0, false},
		{"Inf", 0, false},
		{"NaN", 0, false},
		{"0x10", 0, false},
		{"1_000", 0, false},
		{"--3", 0, false},
		{"△-3", 0, false},
		{"△", 0, false},
		{"¥1,000", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseNumber(c.in)
			if ok != c.ok || got != c.want {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		isNum    bool
		num      float64
		text     string
		percent  bool
		colScale int
		want     float64
		ok       bool
	}{
		{"percent format", true, 0.5, "", true, 0, 50, true},
		{"percent format full", true, 1, "", true, 0, 100, true},
		{"percent format beats column scale", true, 0.5, "", true, 100, 50, true},
		{"fraction unknown column", true, 0.5, "", false, 0, 50, true},
		{"one unknown column", true, 1, "", false, 0, 100, true},
		{"zero", true, 0, "", false, 0, 0, true},
		{"percent number unknown column", true, 50, "", false, 0, 50, true},
		{"percent column keeps small numbers", true, 1, "", false, 100, 1, true},
		{"fraction column", true, 0.25, "", false, 1, 25, true},
		{"out of range kept", true, 150, "", false, 0, 150, true},
		{"negative kept", true, -5, "", false, 0, -5, true},
		{"NaN", true, math.NaN(), "", false, 0, 0, false},
		{"text percent", false, 0, "50%", false, 0, 50, true},
		{"text percent with space", false, 0, "50.5 %", false, 0, 50.5, true},
		{"full-width percent", false, 0, "５０％", false, 0, 50, true},
		{"text number", false, 0, "50", false, 0, 50, true},
		{"text fraction", false, 0, "0.5", false, 0, 50, true},
		{"text in percent column", false, 0, "0.5", false, 100, 0.5, true},
		{"text 100%", false, 0, "100%", false, 0, 100, true},
		{"済", false, 0, "済", false, 0, 100, true},
		{"完了", false, 0, "完了", false, 0, 100, true},
		{"完", false, 0, "完", false, 0, 100, true},
		{"done", false, 0, "Done", false, 0, 100, true},
		{"DONE", false, 0, "DONE", false, 0, 100, true},
		{"circle", false, 0, "○", false, 0, 100, true},
		{"maru", false, 0, "〇", false, 0, 100, true},
		{"check", false, 0, "✓", false, 0, 100, true},
		{"未着手", false, 0, "未着手", false, 0, 0, true},
		{"未", false, 0, "未", false, 0, 0, true},
		{"dash", false, 0, "-", false, 0, 0, true},
		{"empty", false, 0, "", false, 0, 0, false},
		{"blank", false, 0, " \u3000", false, 0, 0, false},
		{"in progress word", false, 0, "作業中", false, 0, 0, false},
		{"unknown word", false, 0, "半分", false, 0, 0, false},
		{"bad percent", false, 0, "abc%", false, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Progress(c.isNum, c.num, c.text, c.percent, c.colScale)
			if ok != c.ok || got != c.want {
				t.Errorf("Progress(%v, %v, %q, %v, %d) = %v, %v; want %v, %v",
					c.isNum, c.num, c.text, c.percent, c.colScale, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestEffort(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"3", 3, true},
		{"1.5", 1.5, true},
		{"3人日", 3, true},
		{"3 人日", 3, true},
		{"0.5 人日", 0.5, true},
		{"３人日", 3, true},
		{"48 days", 48, true},
		{"1 day", 1, true},
		{"1.5d", 1.5, true},
		{"3日", 3, true},
		{"10 edays", 10, true},
		{"2d?", 2, true},
		{"8 hrs", 1, true},
		{"8h", 1, true},
		{"0.5H", 0.0625, true},
		{"4時間", 0.5, true},
		{"4 Hours", 0.5, true},
		{"2人月", 40, true},
		{"1 month", 20, true},
		{"2w", 10, true},
		{"2 weeks", 10, true},
		{"1週間", 5, true},
		{"240 mins", 0.5, true},
		{"1,000h", 125, true},
		{"", 0, false},
		{"d", 0, false},
		{"人日", 0, false},
		{"3m", 0, false},
		{"3 apples", 0, false},
		{"基本設計", 0, false},
		{"1.2.3", 0, false},
		{"3人日 + 2人日", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, ok := Effort(c.in)
			if ok != c.ok || got != c.want {
				t.Errorf("Effort(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestRiskLevel(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1", 1, true}, {"3", 3, true}, {"5", 5, true}, {"５", 5, true}, {"2.5", 2.5, true},
		{"7", 7, true}, // out of scale, kept for validation
		{"0.1", 1, true}, {"0.25", 2, true}, {"0.5", 3, true}, {"0.75", 4, true}, {"0.9", 5, true},
		{"10%", 1, true}, {"50%", 3, true}, {"５０％", 3, true}, {"100%", 5, true}, {"0%", 1, true},
		{"極大", 5, true}, {"非常に高い", 5, true}, {"Very High", 5, true},
		{"高", 4, true}, {"大", 4, true}, {"High", 4, true}, {"A", 4, true},
		{"中", 3, true}, {"Medium", 3, true}, {"moderate", 3, true}, {"B", 3, true},
		{"低", 2, true}, {"小", 2, true}, {"low", 2, true}, {"C", 2, true},
		{"極小", 1, true}, {"非常に低い", 1, true}, {"very low", 1, true},
		{"3(中)", 3, true}, {"4:高", 4, true}, {"5 極大", 5, true},
		{"", 0, false}, {"0", 0, false}, {"-1", 0, false}, {"150%", 0, false},
		{"不明", 0, false}, {"6(高)", 0, false}, {"D", 0, false},
		// Bands and ranges.
		{"高(70%以上)", 4, true}, {"Medium (30-70%)", 3, true}, {"70%以上", 4, true}, {"30%未満", 2, true},
		{"10-30%", 2, true}, {"30%〜50%", 3, true}, {"約50%", 3, true}, {"(10%-30%)", 2, true},
		{"80-60%", 0, false},
		// Other words for the same scales, and tenths.
		{"Med", 3, true}, {"Hi", 4, true}, {"Lo", 2, true}, {"やや高い", 4, true}, {"やや低", 2, true},
		{"ほぼ確実", 5, true}, {"Almost certain", 5, true}, {"Likely", 4, true}, {"Possible", 3, true},
		{"Unlikely", 2, true}, {"Rare", 1, true}, {"まれ", 1, true}, {"可能性あり", 3, true},
		{"5割", 3, true}, {"3割程度", 2, true}, {"約8割", 4, true}, {"12割", 0, false},
		{"50%程度", 3, true}, {"約 30 %", 2, true}, {"20%ぐらい", 2, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			got, ok := RiskLevel(c.in)
			if ok != c.ok || got != c.want {
				t.Errorf("RiskLevel(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}
