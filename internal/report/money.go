package report

import (
	"math"
	"strings"

	"github.com/pmokit/pmo/internal/diag"
)

// MoneyFigure is one amount of the money view, in the document's words.
type MoneyFigure struct {
	Key   string  // budget, bac, ev, ac, eac, vac
	Label string  // 予算, BAC …
	Value float64 // in the currency
	Text  string  // formatted: 1億8,000万円, ¥31,680,000 …; 未提供 when Missing
	// Missing says the project gives no figure to price (AC when no
	// task has an actual effort): Text says not provided, Value is 0 and
	// means nothing.
	Missing bool
}

// Money is the money view (予算・着地見込) when the YAML gives a budget or a
// cost per person-day: the budget, and BAC, EV, AC, EAC and VAC priced at
// cost_per_day. Figures that cannot be computed (EAC without actual
// effort) are left out, and AC without any actual effort is said to be
// not provided, never shown as 0; nil when there is no money.
func (d *Document) Money() []MoneyFigure {
	if d.A == nil {
		return nil
	}
	cur := d.Project.Currency
	var out []MoneyFigure
	add := func(key string, v float64) {
		out = append(out, MoneyFigure{Key: key, Label: d.L.Get("money." + key), Value: v, Text: FormatMoney(v, cur, d.Lang)})
	}
	if d.Project.Budget > 0 {
		add("budget", d.Project.Budget)
	}
	if m := d.A.Money; m != nil {
		add("bac", m.BAC)
		add("ev", m.EV)
		if m.AC == 0 && d.A.EVM.CPI == nil {
			// No task gives an actual effort (the cost view's "CPI
			// cannot be computed"): the cost so far is not known, not 0.
			out = append(out, MoneyFigure{Key: "ac", Label: d.L.Get("money.ac"), Text: d.L.Get("not_provided"), Missing: true})
		} else {
			add("ac", m.AC)
		}
		// EAC and VAC as the forecast defines them (AC + ETC, BAC − EAC),
		// so the pair always adds up on the page.
		if fm := d.A.Forecast.Money; fm != nil && fm.EAC != nil {
			add("eac", *fm.EAC)
			if fm.VAC != nil {
				add("vac", *fm.VAC)
			}
		}
	}
	return out
}

// FormatMoney writes an amount for people: in Japanese yen with 万 and 億
// (1億8,000万円, 3,168万円, 9,800円; from a million yen rounded to the 万),
// else with thousands separators and the currency (¥180,000,000, USD
// 12,500), rounded to whole units. A negative amount keeps its sign.
func FormatMoney(v float64, currency, lang string) string {
	sign := ""
	if math.Round(v) < 0 {
		sign, v = "−", -v
	}
	n := int64(math.Round(v))
	if (currency == "JPY" || currency == "") && lang != "en" {
		if n >= 1_000_000 {
			n = (n + 5_000) / 10_000 * 10_000 // shown to the 万: round, never cut
		}
		oku, man, en := n/100_000_000, n/10_000%10_000, n%10_000
		var b strings.Builder
		if oku > 0 {
			b.WriteString(diag.Grouped(oku) + "億")
		}
		if man > 0 {
			b.WriteString(diag.Grouped(man) + "万")
		}
		if oku == 0 && man == 0 || n < 1_000_000 && en > 0 {
			b.WriteString(diag.Grouped(en)) // under a million the last digits still matter
		}
		return sign + b.String() + "円"
	}
	if currency == "JPY" || currency == "" {
		return sign + "¥" + diag.Grouped(n)
	}
	return sign + currency + " " + diag.Grouped(n)
}
