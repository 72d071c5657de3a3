package batch_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/analyze"
	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/portfolio"
	"github.com/pmokit/pmo/internal/report"
)

func TestBoardTwoRuns(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	render := func(*pipeline.Project, *report.Document) (map[string][]byte, diag.Findings, error) {
		return map[string][]byte{"out.txt": []byte("stand-in")}, nil, nil
	}
	reused := 0
	board := func(target string, asOf date.Date) *portfolio.Board {
		plan, err := batch.Discover(target)
		if err != nil {
			t.Fatal(err)
		}
		res := batch.Run(context.Background(), plan, batch.Options{Out: out, AsOf: asOf, Render: render, Outputs: []string{"out.txt"}})
		reused = 0
		for _, p := range res.Projects {
			if p.Status == batch.StatusReused {
				reused++
			}
		}
		for _, p := range res.Projects {
			if p.Status == batch.StatusFailed {
				t.Fatalf("%s failed: %s", p.Path, p.Error)
			}
		}
		b, err := res.BuildBoard(plan, "department", 0)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// First run: both on plan.
	first := board(batchtest.SharedPeople(t, dir, 40, 40), date.Of(2026, 11, 20))
	for _, c := range first.Changes {
		if c.HasPrevious() || c.Arrow != 0 {
			t.Errorf("first run: %s has a previous run: %+v", c.Project, c)
		}
	}
	if len(first.Movers) != 0 {
		t.Errorf("first run: movers %+v", first.Movers)
	}

	// 山本 is one person in both projects: 山本 in alpha's sheet and
	// roster, 山本 太郎 in beta's roster and the portfolio's people.
	pv := first.People
	if len(pv.Rows) != 1 || pv.Rows[0].Name != "山本 太郎" || len(pv.Rows[0].Projects) != 2 || pv.Rows[0].Company != "自社" {
		t.Fatalf("people = %+v", pv.Rows)
	}
	// The peak is the week of 11/30: five working days of 14 × 0.6 ÷ 9
	// from each project.
	if len(first.Findings) != 1 {
		t.Fatalf("findings = %v", first.Findings)
	}
	f := first.Findings[0]
	for _, want := range []string{"山本 太郎", "9.3 person-days in the week of 2026-11-30", "capacity of 4.0", "alpha 4.7, beta 4.7", "2 week(s)", "2026-11-23, 2026-11-30"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("finding %q lacks %q", f.Message, want)
		}
	}
	if !strings.Contains(f.MessageJA, "alpha") || !strings.Contains(f.MessageJA, "容量 4.0 人日") || f.Rule != portfolio.RuleOverAllocated {
		t.Errorf("finding = %+v", f)
	}
	// Each project's share of the week of 11/23 is its remaining work
	// spread over its working days after the status date: 詳細設計 has 14
	// working days (11/23 is 勤労感謝の日), 60 % of them left, over the 9
	// working days from 11/24 to 12/4, 4 of which fall in that week.
	j := int(date.Of(2026, 11, 23)-pv.Weeks[0]) / 7
	want := 14 * 0.6 / 9 * 4
	for _, pl := range pv.Rows[0].Projects {
		if got := pl.Load[j]; got < want-0.01 || got > want+0.01 {
			t.Errorf("%s: %.2f person-days in the week of 11/23, want %.2f", pl.Project, got, want)
		}
	}
	// The holiday takes a fifth off the week's capacity too.
	if c := pv.Rows[0].Capacity[j]; c != 4*4.0/5 || !pv.Rows[0].Over(j) {
		t.Errorf("capacity %.2f, load %.2f: not over", c, pv.Rows[0].Load[j])
	}
	if len(first.Items) != 2 || first.Items[0].Text != "alphaの判断事項" || first.Items[1].Project != "beta" {
		t.Errorf("items = %+v", first.Items)
	}
	if len(first.Milestones) != 2 || first.Milestones[0].Name != "設計完了" {
		t.Errorf("milestones = %+v", first.Milestones)
	}

	// Second run a week later: alpha made no progress, beta caught up.
	second := board(batchtest.SharedPeople(t, dir, 40, 90), date.Of(2026, 11, 27))
	ch := map[string]portfolio.Change{}
	for _, c := range second.Changes {
		ch[c.Project] = c
	}
	a, b := ch["alpha"], ch["beta"]
	if !a.HasPrevious() || a.Since != date.Of(2026, 11, 20) || !b.HasPrevious() {
		t.Fatalf("second run: no previous run: %+v %+v", a, b)
	}
	if d := a.SPIDelta(); d == nil || *d >= 0 {
		t.Errorf("alpha's SPI did not drop: %+v", a)
	}
	if d := b.SPIDelta(); d == nil || *d <= 0 {
		t.Errorf("beta's SPI did not rise: %+v", b)
	}
	wantArrow := func(c portfolio.Change) int { return cmpRank(c.RAG, c.Prev) }
	for _, c := range []portfolio.Change{a, b} {
		if c.Arrow != wantArrow(c) {
			t.Errorf("%s: arrow %d for %s → %s", c.Project, c.Arrow, c.Prev, c.RAG)
		}
	}
	// alpha made no progress in a week: green to red, ↓; beta on plan
	// both times: green, →.
	if a.Prev != analyze.Green || a.RAG != analyze.Red || a.Arrow != -1 || b.Prev != analyze.Green || b.RAG != analyze.Green || b.Arrow != 0 {
		t.Errorf("arrows: alpha %d (%s→%s), beta %d (%s→%s)", a.Arrow, a.Prev, a.RAG, b.Arrow, b.Prev, b.RAG)
	}
	if len(second.Movers) != 1 || second.Movers[0].Project != "alpha" {
		t.Errorf("movers = %+v", second.Movers)
	}
	before := 0
	for _, c := range second.Counts {
		before += c.Before
	}
	if before != 2 {
		t.Errorf("counts before = %+v", second.Counts)
	}
	for _, r := range second.Trend {
		if len(r.Points) != 2 {
			t.Errorf("%s: trend of %d runs, want 2", r.Project, len(r.Points))
		}
	}
	// The same inputs again: both projects are reused, and the board is
	// the same from their stored summaries.
	again := board(batchtest.SharedPeople(t, dir, 40, 90), date.Of(2026, 11, 27))
	if len(again.People.Rows) != len(second.People.Rows) || len(again.Findings) != len(second.Findings) ||
		len(again.Items) != len(second.Items) || len(again.Movers) != 1 || again.Movers[0].Project != "alpha" {
		t.Errorf("the reused run's board differs: %+v", again)
	}
	if reused != 2 {
		t.Errorf("%d projects reused, want 2", reused)
	}
	// Grouped by department: one group each, in portfolio order.
	if len(second.Groups) != 2 || second.Groups[0].Name != "営業本部" || second.Groups[0].Projects[0] != "alpha" {
		t.Errorf("groups = %+v", second.Groups)
	}
}

// cmpRank is +1 when now is better than before, -1 worse.
func cmpRank(now, before analyze.Level) int {
	switch {
	case now.Rank() > before.Rank():
		return 1
	case now.Rank() < before.Rank():
		return -1
	}
	return 0
}
