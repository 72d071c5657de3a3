package portfolio

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
)

func TestQualityRanking(t *testing.T) {
	t.Parallel()
	entries := []Entry{
		{ID: "a", Status: "ok", RAG: analyze.Green, Summary: &Summary{Sources: []SourceReport{
			{Name: "wbs.xlsx", Team: "開発", Read: true, Records: 200, Warnings: 4},             // 2 per 100
			{Name: "wbs2.xlsx", Team: "開発", Read: true, Records: 100, Errors: 1, Unmapped: 2}, // team total 5 / 300
			{Name: "issues.xlsx", Read: true, Records: 10, Errors: 3, Overrides: true},        // 30 per 100
		}}},
		{ID: "b", Status: "ok", RAG: analyze.Amber, Summary: &Summary{Sources: []SourceReport{
			{Name: "broken.xlsx", Team: "基盤"},                                                // unreadable: first
			{Name: "ok.csv", Team: "移行", Read: true, Records: 50, Warnings: 1, StaleRuns: 3}, // 2 per 100, stale
			{Name: "same.csv", Team: "品質", Read: true, Records: 50, Warnings: 1},             // 2 per 100
		}}},
		{ID: "c", Status: "failed"}, // nothing known: no row
	}
	got := quality(entries)
	var order []string
	for _, q := range got {
		order = append(order, q.Project+"/"+q.Team)
	}
	want := []string{"b/基盤", "a/", "b/移行", "b/品質", "a/開発"}
	if !slices.Equal(order, want) {
		t.Fatalf("order = %v, want %v", order, want)
	}
	dev := got[4]
	if dev.Sources != 2 || dev.Records != 300 || dev.Findings != 5 || dev.Unmapped != 2 || dev.Per100 == nil || *dev.Per100 < 1.66 || *dev.Per100 > 1.67 {
		t.Errorf("開発 = %+v", dev)
	}
	if got[0].Unread != 1 || got[0].Per100 != nil || got[1].Overrides != 1 || got[2].Stale != 1 {
		t.Errorf("rows = %+v", got)
	}
}

func TestGroupSubtotals(t *testing.T) {
	t.Parallel()
	e := func(id string, rag analyze.Level, planned, actual, bac float64, g config.Groups) Entry {
		return Entry{ID: id, Status: "ok", RAG: rag, Planned: planned, Actual: actual, LateTasks: 1, OverdueIssues: 2, HighRisks: 1,
			Groups: g, Summary: &Summary{BAC: bac}}
	}
	entries := []Entry{
		e("a", analyze.Red, 50, 40, 100, config.Groups{Department: "営業", Tags: []string{"基幹", "DX"}}),
		e("b", analyze.Green, 20, 20, 300, config.Groups{Department: "管理", Tags: []string{"基幹", "DX", "基幹"}}),
		e("c", analyze.Amber, 10, 5, 100, config.Groups{Department: "営業"}),
		{ID: "d", Status: "failed", Groups: config.Groups{Department: "管理"}},
		func() Entry { x := e("e", analyze.Green, 0, 0, 50, config.Groups{}); x.NoRiskRegister = true; return x }(),
	}
	dept := groups("department", entries)
	if len(dept) != 3 || dept[0].Name != "営業" || dept[1].Name != "管理" || dept[2].Name != "" {
		t.Fatalf("departments = %+v", dept)
	}
	s := dept[0]
	// 営業: PV 50 + 10, EV 40 + 5 person-days: SPI 0.75.
	if !slices.Equal(s.Projects, []string{"a", "c"}) || !s.RisksKnown() || s.BAC != 200 || s.SPI == nil || *s.SPI != 0.75 ||
		s.Counts["red"] != 1 || s.Counts["amber"] != 1 || s.LateTasks != 2 || s.OverdueIssues != 4 || s.HighRisks != 2 {
		t.Errorf("営業 = %+v", s)
	}
	// A failed project counts, but adds no figures.
	if m := dept[1]; m.Counts["failed"] != 1 || m.Counts["green"] != 1 || m.BAC != 300 || len(m.Projects) != 2 {
		t.Errorf("管理 = %+v", m)
	}
	// Nothing planned yet: no SPI rather than 0 or 1; no register: not
	// provided rather than no risks.
	if n := dept[2]; n.SPI != nil || n.Projects[0] != "e" || n.RisksKnown() || !n.IssuesKnown() {
		t.Errorf("no department = %+v", n)
	}
	tags := groups("tags", entries)
	if len(tags) != 3 || tags[0].Name != "基幹" || !slices.Equal(tags[0].Projects, []string{"a", "b"}) || tags[1].Name != "DX" || tags[1].BAC != 400 {
		t.Errorf("tags = %+v", tags)
	}
}

func TestPeopleNamesAndCapacity(t *testing.T) {
	t.Parallel()
	w := date.Of(2026, 11, 30) // a Monday
	load := func(person string, days float64) LoadCell { return LoadCell{Person: person, Week: w, Days: days} }
	entries := []Entry{
		{ID: "a", Status: "ok", RAG: analyze.Green, Summary: &Summary{Start: w, Workdays: []int{5},
			Load: []LoadCell{load("yamada", 3), load("佐藤", 6)}, Capacity: []PersonCapacity{{"佐藤", 7}}}},
		{ID: "b", Status: "ok", RAG: analyze.Green, Summary: &Summary{Start: w, Workdays: []int{5},
			Load: []LoadCell{load("山田", 3), load("佐藤 一郎", 1)}}},
	}
	in := &Input{File: "portfolio.yaml", DefaultCapacity: 5, People: []config.Person{{Name: "山田 花子", Aliases: []string{"yamada"}, Capacity: 4}}}
	v, fs := people(in, entries)
	names := map[string]PersonLoad{}
	for _, r := range v.Rows {
		names[r.Name] = r
	}
	// yamada is an alias, 山田 the surname of the one listed 山田: one row.
	y := names["山田 花子"]
	if y.Load[0] != 6 || len(y.Projects) != 2 || y.Capacity[0] != 4 || !y.Over(0) || y.OverWeeks != 1 {
		t.Errorf("山田 花子 = %+v", y)
	}
	// 佐藤 is the surname of 佐藤 一郎, whose capacity project a gives as 7.
	s := names["佐藤 一郎"]
	if len(v.Rows) != 2 || s.Load[0] != 7 || s.Capacity[0] != 7 || s.Over(0) {
		t.Errorf("佐藤 = %+v (rows %d)", s, len(v.Rows))
	}
	if len(fs) != 1 || fs[0].Pos.File != "" && fs[0].Rule != RuleOverAllocated {
		t.Errorf("findings = %v", fs)
	}
}

func TestItemsAndOverdueActions(t *testing.T) {
	t.Parallel()
	age := 12
	cfg := &config.Project{}
	cfg.Report.Decisions = []string{"ignored: the decision log wins"}
	a := &analyze.Result{AsOf: date.Of(2026, 11, 20)}
	a.Decisions = []analyze.DecisionState{
		{Kind: "escalation", Text: "名寄せルールの判断", Status: "pending", Owner: "業務部長"},
		{Kind: "decision", Text: "リリース日の見直し", Status: "pending", AgeDays: &age, Due: date.Of(2026, 11, 18), Overdue: true},
		{Kind: "decision", Text: "決定済み", Status: "decided"},
	}
	a.Actions = analyze.ActionStats{HasSource: true, Items: []analyze.ActionRef{
		{ID: "A-1", Title: "仕様書の督促", Due: date.Of(2026, 11, 10), Overdue: true, DaysOverdue: 10, Owner: []string{"森"}},
		{ID: "A-2", Title: "まだ期限前", Due: date.Of(2026, 11, 30)},
	}}
	s := Summarize(cfg, a, nil)
	if len(s.Items) != 2 || s.Items[0].Text != "リリース日の見直し" || *s.Items[0].Age != 12 || !s.Items[0].Overdue || s.Items[1].Owner != "業務部長" {
		t.Errorf("items = %+v", s.Items)
	}
	if !s.HasActions || len(s.OverdueActions) != 1 || s.OverdueActions[0].ID != "A-1" || s.OverdueActions[0].DaysOverdue != 10 {
		t.Errorf("overdue actions = %+v", s.OverdueActions)
	}
	other := &Summary{Items: []Item{{Kind: KindDecision, Text: "別案件の判断"}}, OverdueActions: []Action{{Title: "古い宿題", DaysOverdue: 30}}}
	b := Build(Input{}, []Entry{{ID: "x", Status: "ok", RAG: analyze.Red, Summary: s}, {ID: "y", Status: "ok", RAG: analyze.Green, Summary: other}})
	var texts []string
	for _, it := range b.Items {
		texts = append(texts, it.Project+":"+it.Text)
	}
	// Every project's decisions, then every project's escalations.
	if !slices.Equal(texts, []string{"x:リリース日の見直し", "y:別案件の判断", "x:名寄せルールの判断"}) {
		t.Errorf("board items = %v", texts)
	}
	if len(b.OverdueActions) != 2 || b.OverdueActions[0].Project != "y" || b.OverdueActions[1].Project != "x" || !b.HasActions {
		t.Errorf("board actions = %+v", b.OverdueActions)
	}
}

// A person shared by many projects: the finding names the largest shares
// of the peak week and counts the rest, while the board keeps them all.
func TestOverAllocatedNamesTheLargestShares(t *testing.T) {
	t.Parallel()
	w := date.Of(2026, 11, 30)
	var entries []Entry
	for i := range 8 {
		// p0 1.0, p1 2.0, … p7 8.0 person-days.
		entries = append(entries, Entry{ID: fmt.Sprintf("p%d", i), Status: "ok", RAG: analyze.Green, Summary: &Summary{Start: w, Workdays: []int{5},
			Load: []LoadCell{{Person: "中村", Week: w, Days: float64(i + 1)}}}})
	}
	// Two projects with the same share keep portfolio order.
	entries[0].Summary.Load[0].Days = 7
	v, fs := people(&Input{DefaultCapacity: 5}, entries)
	if len(fs) != 1 {
		t.Fatalf("findings = %v", fs)
	}
	f := fs[0]
	if want := ": p7 8.0, p0 7.0, p6 7.0, p5 6.0, p4 5.0 and 3 more;"; !strings.Contains(f.Message, want) {
		t.Errorf("message %q lacks %q", f.Message, want)
	}
	if want := "：p7 8.0、p0 7.0、p6 7.0、p5 6.0、p4 5.0、他 3 件。"; !strings.Contains(f.MessageJA, want) {
		t.Errorf("message_ja %q lacks %q", f.MessageJA, want)
	}
	if len(v.Rows) != 1 || len(v.Rows[0].Projects) != 8 {
		t.Errorf("the board keeps every share: %+v", v.Rows)
	}
	// At the cap nothing is counted.
	v, fs = people(&Input{DefaultCapacity: 5}, entries[3:])
	if len(fs) != 1 || strings.Contains(fs[0].Message, " more;") || strings.Contains(fs[0].MessageJA, "他") || strings.Count(fs[0].Message, ", p") != 4 {
		t.Errorf("five projects: %v", fs)
	}
}
