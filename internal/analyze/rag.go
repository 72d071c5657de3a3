package analyze

import (
	"fmt"
	"strconv"

	"github.com/pmokit/pmo/internal/config"
)

// Level is a RAG colour.
type Level string

// RAG levels, best first.
const (
	Green Level = "green"
	Amber Level = "amber"
	Red   Level = "red"
)

func (l Level) rank() int {
	switch l {
	case Red:
		return 2
	case Amber:
		return 1
	}
	return 0
}

func worst(ls ...Level) Level {
	w := Green
	for _, l := range ls {
		if l.rank() > w.rank() {
			w = l
		}
	}
	return w
}

// RAG is the overall status and one level per dimension, each with the
// reason a steering committee reads.
type RAG struct {
	Overall    Level            `json:"overall"`
	Dimensions map[string]Level `json:"dimensions"`
	Reasons    []string         `json:"reasons"`    // English, one per dimension, worst first
	ReasonsJA  []string         `json:"reasons_ja"` // Japanese, same order
	Details    []Reason         `json:"details"`
}

// Reason explains one dimension's level.
type Reason struct {
	Dimension string `json:"dimension"`
	Level     Level  `json:"level"`
	EN        string `json:"en"`
	JA        string `json:"ja"`
}

// rag rates schedule (SPI), milestones, issues (overdue high-priority
// count) and cost (CPI, when known) against the thresholds; overall is the
// worst of them.
func rag(th config.Thresholds, r *Result) RAG {
	var rs []Reason
	rs = append(rs, ratioReason("schedule", "SPI", r.EVM.SPI, th.SPI.Amber, th.SPI.Red))
	rs = append(rs, milestoneReason(r.Milestones))
	rs = append(rs, issueReason(r.Issues.OverdueHigh, th.OverdueHighIssues.Amber, th.OverdueHighIssues.Red))
	if r.EVM.CPI != nil {
		rs = append(rs, ratioReason("cost", "CPI", r.EVM.CPI, th.CPI.Amber, th.CPI.Red))
	}
	out := RAG{Dimensions: map[string]Level{}, Overall: Green}
	for _, x := range rs {
		out.Dimensions[x.Dimension] = x.Level
		out.Overall = worst(out.Overall, x.Level)
	}
	// Worst first, then in dimension order, so the first reason is the headline.
	for _, lv := range []Level{Red, Amber, Green} {
		for _, x := range rs {
			if x.Level == lv {
				out.Details = append(out.Details, x)
				out.Reasons = append(out.Reasons, x.EN)
				out.ReasonsJA = append(out.ReasonsJA, x.JA)
			}
		}
	}
	return out
}

func ratioReason(dim, name string, v *float64, amber, red float64) Reason {
	if v == nil {
		what := map[string][2]string{"schedule": {"no work planned by the status date yet", "基準日までの計画作業なし"}, "cost": {"no actual effort recorded", "実績工数の記入なし"}}[dim]
		return Reason{Dimension: dim, Level: Green, EN: fmt.Sprintf("%s n/a: %s", name, what[0]), JA: fmt.Sprintf("%s 算出不可：%s", name, what[1])}
	}
	x := Reason{Dimension: dim}
	switch {
	case *v < red:
		x.Level = Red
		x.EN = fmt.Sprintf("%s %s < %.2f", name, ratioText(*v, red), red)
		x.JA = fmt.Sprintf("%s %s（赤の基準 %.2f 未満）", name, ratioText(*v, red), red)
	case *v < amber:
		x.Level = Amber
		x.EN = fmt.Sprintf("%s %s < %.2f", name, ratioText(*v, amber), amber)
		x.JA = fmt.Sprintf("%s %s（黄の基準 %.2f 未満）", name, ratioText(*v, amber), amber)
	default:
		x.Level = Green
		x.EN = fmt.Sprintf("%s %s ≥ %.2f", name, ratioText(*v, amber), amber)
		x.JA = fmt.Sprintf("%s %s（基準 %.2f 以上）", name, ratioText(*v, amber), amber)
	}
	return x
}

// ratioText shows v to two decimals, or to as many more as it takes not to
// print the threshold itself for a value just below it ("0.8499", not "0.85 < 0.85").
func ratioText(v, threshold float64) string {
	for prec := 2; prec < 6; prec++ {
		s := strconv.FormatFloat(v, 'f', prec, 64)
		if v >= threshold || s != strconv.FormatFloat(threshold, 'f', prec, 64) {
			return s
		}
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func milestoneReason(ms []Milestone) Reason {
	var missed, atRisk []string
	for _, m := range ms {
		switch m.Status {
		case MilestoneMissed:
			missed = append(missed, m.Name)
		case MilestoneAtRisk:
			atRisk = append(atRisk, m.Name)
		}
	}
	x := Reason{Dimension: "milestones"}
	switch {
	case len(missed) > 0:
		x.Level = Red
		x.EN = fmt.Sprintf("%d milestone(s) missed: %s", len(missed), list(missed))
		x.JA = fmt.Sprintf("マイルストーン未達 %d 件：%s", len(missed), listJA(missed))
	case len(atRisk) > 0:
		x.Level = Amber
		x.EN = fmt.Sprintf("%d milestone(s) at risk from late tasks: %s", len(atRisk), list(atRisk))
		x.JA = fmt.Sprintf("遅延タスクによりマイルストーン %d 件に影響のおそれ：%s", len(atRisk), listJA(atRisk))
	default:
		x.Level = Green
		x.EN = "milestones on track"
		x.JA = "マイルストーンは計画どおり"
	}
	return x
}

func issueReason(n, amber, red int) Reason {
	x := Reason{Dimension: "issues"}
	switch {
	case n >= red:
		x.Level = Red
		x.EN = fmt.Sprintf("%d overdue high-priority issues ≥ %d", n, red)
		x.JA = fmt.Sprintf("期限超過の優先度「高」課題 %d 件（赤の基準 %d 件以上）", n, red)
	case n >= amber:
		x.Level = Amber
		x.EN = fmt.Sprintf("%d overdue high-priority issue(s) ≥ %d", n, amber)
		x.JA = fmt.Sprintf("期限超過の優先度「高」課題 %d 件（黄の基準 %d 件以上）", n, amber)
	default:
		x.Level = Green
		x.EN = "no overdue high-priority issues"
		x.JA = "期限超過の優先度「高」課題なし"
	}
	return x
}

func list(xs []string) string {
	if len(xs) > 3 {
		return fmt.Sprintf("%s, %s, %s …", xs[0], xs[1], xs[2])
	}
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}

func listJA(xs []string) string {
	if len(xs) > 3 {
		return xs[0] + "、" + xs[1] + "、" + xs[2] + " ほか"
	}
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += "、"
		}
		s += x
	}
	return s
}
