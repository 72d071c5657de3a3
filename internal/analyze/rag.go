package analyze

import (
	"fmt"
	"slices"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/value"
)

// Level is a RAG colour, or Unknown when the inputs are too thin to judge.
type Level string

// RAG levels, best first; Unknown stands apart.
const (
	Green   Level = "green"
	Amber   Level = "amber"
	Red     Level = "red"
	Unknown Level = "unknown" // 判定不能: the inputs are missing or too thin
)

// Levels lists the levels in the order a portfolio counts them: worst
// first, Unknown between red and amber because it hides either.
var Levels = []Level{Red, Unknown, Amber, Green}

// Rank orders levels worst first (red 0, unknown 1, amber 2, green 3),
// for sorting.
func (l Level) Rank() int {
	if i := slices.Index(Levels, l); i >= 0 {
		return i
	}
	return len(Levels)
}

func (l Level) rank() int {
	switch l {
	case Red:
		return 2
	case Amber:
		return 1
	}
	return 0
}

// worst is the worst known level; Unknown when no level is known.
func worst(ls ...Level) Level {
	w, known := Green, false
	for _, l := range ls {
		if l == Unknown || l == "" {
			continue
		}
		known = true
		if l.rank() > w.rank() {
			w = l
		}
	}
	if !known {
		return Unknown
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
// count), risks (open high risks) and cost (CPI) against the thresholds.
// A dimension whose inputs are missing or too thin is Unknown, with the
// reason. Overall is the worst known dimension — and Unknown whenever the
// schedule is, because a project whose plan pmo could not read is never
// green.
func rag(th config.Thresholds, r *Result, unreadable []SourceCoverage) RAG {
	var rs []Reason
	rs = append(rs, scheduleReason(th, r, unreadable))
	rs = append(rs, milestoneReason(r.Milestones))
	rs = append(rs, issueReason(r.Coverage, r.Issues.OverdueHigh, th.OverdueHighIssues, unreadable))
	rs = append(rs, riskReason(r.Coverage, r.Risks.High, th.HighRisks, unreadable))
	rs = append(rs, costReason(th, r))
	if r.Tests != nil {
		rs = append(rs, testReason(th, r.Tests))
	}
	out := RAG{Dimensions: map[string]Level{}}
	var levels []Level
	for _, x := range rs {
		out.Dimensions[x.Dimension] = x.Level
		levels = append(levels, x.Level)
	}
	out.Overall = worst(levels...)
	if rs[0].Level == Unknown {
		out.Overall = Unknown
	}
	// Worst first, then in dimension order, so the first reason is the
	// headline: what cannot be judged comes last unless it is the verdict.
	order := []Level{Red, Amber, Green, Unknown}
	if out.Overall == Unknown {
		order = []Level{Unknown, Red, Amber, Green}
	}
	for _, lv := range order {
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

// unknownReason is a dimension pmo cannot judge, and why.
func unknownReason(dim, en, ja string) Reason {
	return Reason{Dimension: dim, Level: Unknown, EN: en, JA: ja}
}

// unreadableOf lists the unreadable sources that could have held kind
// (declared so, or of no declared kind).
func unreadableOf(us []SourceCoverage, kind project.Kind) []string {
	var out []string
	for _, u := range us {
		if u.Kind == string(kind) || u.Kind == "" {
			out = append(out, u.Name)
		}
	}
	return out
}

// scheduleReason rates SPI when enough of the plan was read: some leaf
// tasks, at least th.MinScheduled percent of them with planned dates, work
// planned by the status date, and no WBS source left unread.
func scheduleReason(th config.Thresholds, r *Result, unreadable []SourceCoverage) Reason {
	c := r.Coverage
	if names := unreadableOf(unreadable, project.KindWBS); len(names) > 0 {
		return unknownReason("schedule", "cannot judge: source not readable: "+list(names), "判定不能：読めないソースあり（"+listJA(names)+"）")
	}
	if c.LeafTasks == 0 {
		return unknownReason("schedule", "cannot judge: no WBS tasks read", "判定不能：WBS のタスクを読み取れていません")
	}
	if share := float64(c.Scheduled) / float64(c.LeafTasks) * 100; share < th.MinScheduled {
		return unknownReason("schedule",
			fmt.Sprintf("cannot judge: planned dates read for %s tasks (%.0f%% < %g%%)", c.scheduleText(), share, th.MinScheduled),
			fmt.Sprintf("判定不能：予定日が読めたタスクは %s 件（%.0f%%、基準 %g%% 未満）", c.scheduleText(), share, th.MinScheduled))
	}
	if r.EVM.SPI == nil {
		return unknownReason("schedule", "cannot judge: SPI n/a, no work planned by the status date yet", "判定不能：SPI 算出不可（基準日までの計画作業なし）")
	}
	return ratioReason("schedule", "SPI", r.EVM.SPI, th.SPI.Amber, th.SPI.Red)
}

// costReason rates CPI, which needs actual effort.
func costReason(th config.Thresholds, r *Result) Reason {
	if r.EVM.CPI == nil {
		return unknownReason("cost", "cannot judge: CPI n/a, no actual effort recorded", "判定不能：CPI 算出不可（実績工数の記入なし）")
	}
	return ratioReason("cost", "CPI", r.EVM.CPI, th.CPI.Amber, th.CPI.Red)
}

func ratioReason(dim, name string, v *float64, amber, red float64) Reason {
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
		s := value.ShowFixed(v, prec)
		if v >= threshold || s != value.ShowFixed(threshold, prec) {
			return s
		}
	}
	return value.ShowNumber(v)
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
	case len(ms) == 0:
		return unknownReason("milestones", "cannot judge: no milestones defined", "判定不能：マイルストーンの定義なし")
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

func issueReason(c Coverage, n int, b config.CountBand, unreadable []SourceCoverage) Reason {
	if names := unreadableOf(unreadable, project.KindIssues); len(names) > 0 {
		return unknownReason("issues", "cannot judge: source not readable: "+list(names), "判定不能：読めないソースあり（"+listJA(names)+"）")
	}
	if !c.HasIssues {
		return unknownReason("issues", "cannot judge: no issue list", "判定不能：課題管理表なし")
	}
	return countReason("issues", n, b,
		[3]string{"%d overdue high-priority issues ≥ %d", "%d overdue high-priority issue(s) ≥ %d", "no overdue high-priority issues"},
		[3]string{"期限超過の優先度「高」課題 %d 件（赤の基準 %d 件以上）", "期限超過の優先度「高」課題 %d 件（黄の基準 %d 件以上）", "期限超過の優先度「高」課題なし"})
}

func riskReason(c Coverage, n int, b config.CountBand, unreadable []SourceCoverage) Reason {
	if names := unreadableOf(unreadable, project.KindRisks); len(names) > 0 {
		return unknownReason("risks", "cannot judge: source not readable: "+list(names), "判定不能：読めないソースあり（"+listJA(names)+"）")
	}
	if !c.HasRisks {
		return unknownReason("risks", "cannot judge: no risk register", "判定不能：リスク台帳なし")
	}
	return countReason("risks", n, b,
		[3]string{"%d open high risks ≥ %d", "%d open high risk(s) ≥ %d", "no open high risks"},
		[3]string{"高リスク %d 件（赤の基準 %d 件以上）", "高リスク %d 件（黄の基準 %d 件以上）", "未対応の高リスクなし"})
}

// countReason rates a count where higher is worse: red, amber and green
// wordings in English and Japanese.
func countReason(dim string, n int, b config.CountBand, en, ja [3]string) Reason {
	x := Reason{Dimension: dim}
	switch {
	case n >= b.Red:
		x.Level = Red
		x.EN, x.JA = fmt.Sprintf(en[0], n, b.Red), fmt.Sprintf(ja[0], n, b.Red)
	case n >= b.Amber:
		x.Level = Amber
		x.EN, x.JA = fmt.Sprintf(en[1], n, b.Amber), fmt.Sprintf(ja[1], n, b.Amber)
	default:
		x.Level = Green
		x.EN, x.JA = en[2], ja[2]
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
