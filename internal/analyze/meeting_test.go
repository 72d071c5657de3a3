package analyze_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

func analyzeWith(cfg *config.Project, asOf date.Date, mod func(in *analyze.Input)) *analyze.Result {
	in := analyze.Input{Config: cfg, AsOf: asOf}
	mod(&in)
	return analyze.Analyze(in)
}

// Hand-computed: as of Fri 2026-11-20, meetings on 10/30, 11/6, 11/13 and
// 11/20 (named by the actions).
//
//	A raised 10/30, due 11/13, open    → overdue 7 days, carried 3 meetings (11/6, 11/13, 11/20)
//	B raised 11/13, due 11/27, open    → not overdue, carried 1 (11/20)
//	C raised 11/6, no owner, no due    → carried 2
//	D raised 10/30, closed 11/18       → closed since the last meeting (7 days back: 11/13)
//	E raised 11/20 (today's meeting)   → new, carried 0
func TestActionStats(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	acts := []project.Action{
		{ID: "A", Title: "環境手配", Owner: []string{"山田"}, Due: day(2026, 11, 13), Status: project.ItemWorking, Meeting: "第1回", MeetingDate: day(2026, 10, 30)},
		{ID: "B", Title: "見積回答", Owner: []string{"佐藤"}, Due: day(2026, 11, 27), Meeting: "第3回", MeetingDate: day(2026, 11, 13)},
		{ID: "C", Title: "議事録確認", MeetingDate: day(2026, 11, 6)},
		{ID: "D", Title: "体制表更新", Owner: []string{"鈴木"}, Due: day(2026, 11, 20), Status: project.Closed, ClosedOn: day(2026, 11, 18), MeetingDate: day(2026, 10, 30)},
		{ID: "E", Title: "移行計画の初版", Owner: []string{"山田"}, Due: day(2026, 12, 4), MeetingDate: day(2026, 11, 20)},
	}
	r := analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Actions, in.HasActions = acts, true })
	st := r.Actions
	if st.Total != 5 || st.Open != 4 || st.Overdue != 1 || st.CarriedOver != 1 || st.NoOwner != 1 || st.NoDue != 1 || st.New != 1 {
		t.Errorf("stats = %+v", st)
	}
	want := map[string]int{"A": 3, "B": 1, "C": 2, "E": 0}
	order := []string{"A", "C", "B", "E"} // overdue first, then oldest raised
	if len(st.Items) != 4 {
		t.Fatalf("items %+v", st.Items)
	}
	for i, a := range st.Items {
		if a.ID != order[i] {
			t.Errorf("item %d is %s, want %s", i, a.ID, order[i])
		}
		if a.Meetings == nil || *a.Meetings != want[a.ID] {
			t.Errorf("%s carried %v, want %d", a.ID, a.Meetings, want[a.ID])
		}
	}
	if st.Items[0].DaysOverdue != 7 {
		t.Errorf("A days overdue %d, want 7", st.Items[0].DaysOverdue)
	}
	if len(st.Closed) != 1 || st.Closed[0].ID != "D" {
		t.Errorf("closed %+v", st.Closed)
	}
	rules := map[string]int{}
	for _, f := range r.Findings {
		rules[f.Rule]++
	}
	if rules["action-overdue"] != 1 || rules["action-carried-over"] != 1 || rules["action-no-owner"] != 1 || rules["action-no-due"] != 1 {
		t.Errorf("findings %v", rules)
	}
}

// Without meeting dates, meetings are full weeks since raised.
func TestActionsCarriedByWeeks(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	acts := []project.Action{
		{Title: "x", Owner: []string{"a"}, Due: day(2026, 12, 1), RaisedOn: day(2026, 10, 30)}, // 21 days → 3
		{Title: "y", Owner: []string{"a"}, Due: day(2026, 12, 1), RaisedOn: day(2026, 11, 14)}, // 6 days → 0
		{Title: "z", Owner: []string{"a"}, Due: day(2026, 12, 1)},                              // unknown
	}
	r := analyzeWith(newConfig(), asOf, func(in *analyze.Input) { in.Actions = acts })
	got := []*int{r.Actions.Items[0].Meetings, r.Actions.Items[1].Meetings, r.Actions.Items[2].Meetings}
	if got[0] == nil || *got[0] != 3 || got[1] == nil || *got[1] != 0 || got[2] != nil || r.Actions.CarriedOver != 1 {
		t.Errorf("meetings %v %v %v, carried %d", got[0], got[1], got[2], r.Actions.CarriedOver)
	}
	if none := analyzeWith(newConfig(), asOf, func(*analyze.Input) {}); none.Actions.HasSource {
		t.Error("a project without actions has an action source")
	}
}

func TestDecisionStates(t *testing.T) {
	t.Parallel()
	cfg := newConfig()
	cfg.Report.DecisionLog = []config.Decision{
		{Kind: "decision", Text: "本番日の決定", RaisedOn: day(2026, 11, 2), Due: day(2026, 11, 13), Status: "pending"},
		{Kind: "decision", Text: "追加予算", RaisedOn: day(2026, 10, 1), Status: "decided", DecidedOn: day(2026, 11, 18)},
		{Kind: "escalation", Text: "要員不足", Status: "pending"},
		{Kind: "decision", Text: "旧案", Status: "withdrawn"},
	}
	r := analyzeWith(cfg, day(2026, 11, 20), func(*analyze.Input) {})
	ds := r.Decisions
	if len(ds) != 4 || ds[0].Text != "本番日の決定" || ds[1].Text != "要員不足" {
		t.Fatalf("decisions %+v", ds)
	}
	if ds[0].AgeDays == nil || *ds[0].AgeDays != 18 || !ds[0].Overdue {
		t.Errorf("pending: %+v", ds[0])
	}
	if ds[1].AgeDays != nil {
		t.Errorf("escalation without raised_on has an age")
	}
	if d := ds[2]; d.Status != "decided" || d.AgeDays == nil || *d.AgeDays != 48 || !d.New {
		t.Errorf("decided: %+v", d)
	}
}

// With a history, the meetings are the recorded runs: an action with no
// raised date is dated by the run that first saw it (kept in the previous
// run's state), and one first seen today is new.
func TestActionsCarriedByHistory(t *testing.T) {
	t.Parallel()
	asOf := day(2026, 11, 20)
	acts := []project.Action{
		{ID: "A", Title: "x", Owner: []string{"a"}, Due: day(2026, 12, 1), Source: diag.Pos{File: "a.xlsx", Sheet: "AI", Row: 2}},
		{ID: "B", Title: "y", Owner: []string{"a"}, Due: day(2026, 12, 1), Source: diag.Pos{File: "a.xlsx", Sheet: "AI", Row: 3}},
		{ID: "C", Title: "z", Owner: []string{"a"}, Due: day(2026, 12, 1), RaisedOn: day(2026, 11, 10), Source: diag.Pos{File: "a.xlsx", Sheet: "AI", Row: 4}},
	}
	prev := &analyze.Snapshot{AsOf: day(2026, 11, 13), Items: []analyze.ItemState{
		{Kind: project.KindActions, Key: "a.xlsx!AI#A", Open: true, RaisedOn: day(2026, 10, 30)},
	}}
	runs := []analyze.RunPoint{{AsOf: day(2026, 10, 30)}, {AsOf: day(2026, 11, 6)}, {AsOf: day(2026, 11, 13)}}
	r := analyzeWith(newConfig(), asOf, func(in *analyze.Input) {
		in.Actions, in.HasActions, in.Previous, in.History = acts, true, prev, runs
	})
	got := map[string]int{}
	for _, a := range r.Actions.Items {
		if a.Meetings == nil {
			t.Fatalf("%s has no meetings count", a.ID)
		}
		got[a.ID] = *a.Meetings
	}
	// A first seen 10/30: runs 11/6, 11/13 and today → 3. B first seen
	// today → 0 and new. C raised 11/10: 11/13 and today → 2.
	if got["A"] != 3 || got["B"] != 0 || got["C"] != 2 || r.Actions.CarriedOver != 1 || r.Actions.New != 1 {
		t.Errorf("meetings %v, carried %d, new %d", got, r.Actions.CarriedOver, r.Actions.New)
	}
	// The next run learns B's first-seen date from this one.
	next := r.Snapshot(nil, prev)
	found := false
	for _, it := range next.Items {
		if it.Kind == project.KindActions && it.Key == "a.xlsx!AI#B" {
			found = true
			if it.RaisedOn != asOf || !it.Open {
				t.Errorf("B recorded as %+v", it)
			}
		}
	}
	if !found {
		t.Errorf("B not in the snapshot's items: %+v", next.Items)
	}
}
