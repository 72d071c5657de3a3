package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/pmokit/pmo/internal/project"
)

// ParseNumber reads a number typed as text, after NFKC so full-width digits
// work: "1,234.5", "  12 ", "５０", "-3", "+3", "1.5e2", and the Japanese
// negatives "△3" and "▲3". Commas must group thousands ("1,2" is no
// number). Anything else, letters and units included, gives ok false:
// callers that expect "3人日" or "50%" strip the unit themselves.
func ParseNumber(s string) (float64, bool) {
	s = trim(s)
	if !hasDigit(s) {
		return 0, false
	}
	if !isASCII(s) {
		s = trim(nfkc(s))
		for _, neg := range [...]string{"△", "▲", "−"} {
			if rest, ok := strings.CutPrefix(s, neg); ok {
				rest = trim(rest)
				if rest == "" || rest[0] == '-' || rest[0] == '+' {
					return 0, false
				}
				v, ok := parseDecimal(rest)
				return -v, ok
			}
		}
	}
	return parseDecimal(s)
}

// parseDecimal reads [sign] digits [, groups] [. digits] [e [sign] digits].
// It checks the syntax itself because strconv also accepts "Inf", "NaN",
// hex floats and underscores, none of which a person types as a number.
func parseDecimal(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, commas := 0, false
	group := -1 // digits since the last comma, -1 before the first comma
	lead := 0   // digits before the first comma
	for ; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			digits++
			if group >= 0 {
				group++
			} else {
				lead++
			}
			continue
		}
		if c != ',' {
			break
		}
		if lead == 0 || lead > 3 || (group >= 0 && group != 3) {
			return 0, false
		}
		commas = true
		group = 0
	}
	if commas && group != 3 {
		return 0, false
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && isDigit(s[i]); i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	if commas {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// Progress reads a task's progress as a percentage, 0 to 100.
//
// A numeric cell (isNum) with a percent format is a fraction: 0.5 is 50.
// Without one, colScale says how the column is written, as the reader
// decides per column: 1 for fractions (0.5 is 50), 100 for percentages
// (0.5 is 0.5), 0 when unknown, where a number from 0 to 1 is a fraction
// (0.5 is 50, 1 is 100) and anything else is a percentage.
//
// Text: "50%", "５０％" and "50.5 %" are percentages; a bare number ("50",
// "0.5") follows the numeric rules. Words of a finished task (済, 完了, 完,
// done, ○, 〇, ✓) are 100; words of a task not started (未着手, 未) and a
// lone dash are 0. Empty and unknown text give ok false. Values out of range
// are returned as they are, for validation to report.
func Progress(isNum bool, num float64, text string, percentFormat bool, colScale int) (float64, bool) {
	if isNum {
		if math.IsNaN(num) || math.IsInf(num, 0) {
			return 0, false
		}
		return scaleProgress(num, percentFormat, colScale), true
	}
	t := trim(text)
	if t == "" {
		return 0, false
	}
	t = trim(nfkc(t))
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		v, ok := ParseNumber(rest)
		return v, ok
	}
	if v, ok := ParseNumber(t); ok {
		return scaleProgress(v, false, colScale), true
	}
	if isDashes(t) {
		return 0, true
	}
	switch st, _ := TaskStatus(t); st {
	case project.Done:
		return 100, true
	case project.NotStarted:
		return 0, true
	}
	return 0, false
}

func scaleProgress(v float64, percentFormat bool, colScale int) float64 {
	switch {
	case percentFormat || colScale == 1:
		return v * 100
	case colScale == 100:
		return v
	case 0 <= v && v <= 1:
		return v * 100
	}
	return v
}

// Effort reads an amount of work in person-days. A bare number is days.
// Units, with or without a space and in any case or width:
//
//   - days: 日, 人日, d, day, days, md, man-day(s), person-day(s) (and
//     MS Project's elapsed "edays")
//   - hours, 8 to a day: h, hr, hrs, hour(s), 時間, 人時
//   - weeks, 5 days: w, wk, wks, week(s), 週, 週間
//   - months, 20 days: 人月, ヶ月, か月, カ月, mo, month(s), man-month(s)
//   - minutes, 480 to a day: min, mins, minute(s), 分
//
// MS Project's trailing "?" for an estimate is ignored. A bare "m" is
// rejected rather than guessed: it means minutes in MS Project and months
// to many others.
func Effort(s string) (float64, bool) {
	t := trim(nfkc(trim(s)))
	t = strings.TrimSuffix(t, "?")
	if v, ok := ParseNumber(t); ok {
		return v, true
	}
	end := 0
	for end < len(t) && strings.IndexByte("0123456789+-.,", t[end]) >= 0 {
		end++
	}
	for _, neg := range [...]string{"△", "▲"} {
		if strings.HasPrefix(t, neg) {
			end = len(neg)
			for end < len(t) && strings.IndexByte("0123456789.,", t[end]) >= 0 {
				end++
			}
		}
	}
	v, ok := ParseNumber(t[:end])
	if !ok {
		return 0, false
	}
	mul, div := effortUnit(strings.ToLower(trim(t[end:])))
	if mul == 0 {
		return 0, false
	}
	// Dividing keeps "100 mins" exact where multiplying by 1/480 would not.
	return v * mul / div, true
}

// effortUnit returns how many person-days one unit is, as mul/div, or 0, 0
// for an unknown unit.
func effortUnit(u string) (mul, div float64) {
	switch u {
	case "", "日", "人日", "d", "day", "days", "md", "man-day", "man-days", "manday", "mandays",
		"person-day", "person-days", "pd", "ed", "eday", "edays":
		return 1, 1
	case "h", "hr", "hrs", "hour", "hours", "時間", "人時", "mh", "man-hour", "man-hours",
		"eh", "ehr", "ehrs":
		return 1, 8
	case "w", "wk", "wks", "week", "weeks", "週", "週間", "ew", "ewk", "ewks":
		return 5, 1
	case "人月", "ヶ月", "か月", "カ月", "ヵ月", "ケ月", "mo", "mon", "mons", "month", "months",
		"man-month", "man-months", "mm", "emo", "emon":
		return 20, 1
	case "min", "mins", "minute", "minutes", "分", "emin", "emins":
		return 1, 480
	}
	return 0, 0
}

// RiskLevel maps a risk's probability or impact to the 1-5 scale:
//
//   - a number from 1 to 5 stays as it is; other numbers of 1 or more also
//     stay, for validation to report
//   - a probability 0 < p < 1, or a percentage ("50%"), becomes
//     1 + round(p×4): 10% → 1, 25% → 2, 50% → 3, 75% → 4, 90% and 100% → 5
//   - words: 極大, 甚大, 非常に高い, ほぼ確実, very high, critical,
//     almost certain → 5; 高, 大, やや高い, high, Hi, A, likely → 4; 中,
//     普通, 可能性あり, medium, Med, moderate, B, possible → 3; 低, 小,
//     やや低い, low, Lo, C, unlikely → 2; 極小, 軽微, まれ, very low, rare →
//     1 (the three-word scales 高/中/低, 大/中/小, High/Med/Low and A/B/C
//     land on 4/3/2, so a three-level register never reads as extreme)
//   - tenths: 5割 is 50 %, 3割程度 30 %
//   - a leading digit 1-5 labels a word: "3(中)" and "4:高" are 3 and 4
//   - bands and ranges: a word with its band in brackets ("高(70%以上)") is
//     the word; a bound ("70%以上", "30%未満") is its figure; a range of
//     percentages ("10-30%", "30%〜50%") is its middle
//
// Zero and negative numbers, and unknown words, give ok false.
func RiskLevel(s string) (float64, bool) {
	t := trim(nfkc(trim(s)))
	if t == "" || len(t) > 64 {
		return 0, false
	}
	// A word with its band in brackets: 高(70%以上), Medium (30-70%).
	if i := strings.IndexAny(t, "(（["); i > 0 && !isDigit(t[0]) {
		if v, ok := RiskLevel(t[:i]); ok {
			return v, true
		}
		t = strings.Trim(t[i:], "()（）[] ")
	}
	if strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（") {
		t = trim(strings.Trim(t, "()（） "))
	}
	// A bound: 70%以上, 30%未満, 5%以下, 約50%, 50%程度 — read as the figure.
	for _, w := range [...]string{"以上", "以下", "未満", "超", "程度", "前後", "くらい", "ぐらい", "位", "見込み"} {
		t = strings.TrimSuffix(t, w)
	}
	t = trim(strings.TrimPrefix(strings.TrimPrefix(t, "約"), "~"))
	// A range of percentages: 10-30%, 30%〜50%, 10~30% — its middle.
	if lo, hi, ok := percentRange(t); ok {
		return 1 + math.Round((lo+hi)/2/100*4), true
	}
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		p, ok := ParseNumber(rest)
		if !ok || p < 0 || p > 100 {
			return 0, false
		}
		return 1 + math.Round(p/100*4), true
	}
	if v, ok := ParseNumber(t); ok {
		switch {
		case v > 0 && v < 1:
			return 1 + math.Round(v*4), true
		case v >= 1:
			return v, true
		}
		return 0, false
	}
	// Tenths: 5割, 3割程度 (the bound words are gone already).
	if rest, ok := strings.CutSuffix(t, "割"); ok {
		if p, ok := ParseNumber(rest); ok && p >= 0 && p <= 10 {
			return 1 + math.Round(p/10*4), true
		}
		return 0, false
	}
	switch word(t) {
	case "極大", "甚大", "特大", "最大", "非常に高い", "極めて高い", "致命的", "ほぼ確実", "確実", "最高",
		"veryhigh", "critical", "extreme", "almostcertain", "certain", "severe", "catastrophic", "vh":
		return 5, true
	case "高", "大", "高い", "大きい", "やや高", "やや高い", "高め", "可能性が高い", "可能性高",
		"high", "hi", "h", "a", "major", "likely", "significant":
		return 4, true
	case "中", "普通", "中程度", "中くらい", "可能性あり", "可能性がある", "ありうる", "あり得る",
		"medium", "moderate", "mid", "middle", "med", "m", "b", "possible":
		return 3, true
	case "低", "小", "低い", "小さい", "やや低", "やや低い", "低め", "可能性が低い", "可能性低",
		"low", "lo", "l", "c", "minor", "unlikely":
		return 2, true
	case "極小", "軽微", "最小", "非常に低い", "極めて低い", "まれ", "稀", "ほぼない", "ほぼなし", "最低",
		"verylow", "negligible", "rare", "insignificant", "vl":
		return 1, true
	}
	if len(t) > 1 && '1' <= t[0] && t[0] <= '5' && !isDigit(t[1]) && t[1] != '.' && t[1] != ',' {
		return float64(t[0] - '0'), true
	}
	return 0, false
}

// percentRange reads "10-30%", "10%-30%" or "30〜50%" as two percentages.
func percentRange(t string) (float64, float64, bool) {
	if !strings.Contains(t, "%") {
		return 0, 0, false
	}
	for _, sep := range [...]string{"〜", "～", "~", "-", "–", "—"} {
		a, b, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		lo, ok1 := ParseNumber(trim(strings.TrimSuffix(trim(a), "%")))
		hi, ok2 := ParseNumber(trim(strings.TrimSuffix(trim(b), "%")))
		if ok1 && ok2 && lo >= 0 && hi <= 100 && lo <= hi {
			return lo, hi, true
		}
	}
	return 0, 0, false
}
