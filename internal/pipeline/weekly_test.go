package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/history"
)

// The eight weekly runs of TestEightWeeklyRuns. Weekends are the only days
// off (holidays: none), so every figure below is worked out by hand.
//
// Team A (teamA.csv), weight = planned effort in person-days:
//
//	A1 設計 01-05..01-16 (10 wd)  10 pd
//	A2 製造 01-19..02-13 (20 wd)  20 pd; from week 5 planned to 02-20 (25 wd)
//	A3 試験 02-16..02-27 (10 wd)  10 pd; gone from week 7
//	A4 レビュー 02-23..02-27 (5 wd) 5 pd; new in week 7
//
// Team B (teamB.csv): B1 環境構築 01-05..02-27 (40 wd) 20 pd, not updated in
// weeks 4 and 5.
//
// Actual effort is always 1.25 × earned, so CPI is 0.8 every week.
type week struct {
	asOf       date.Date
	a1, a2, b1 float64 // progress %
	a2Finish   date.Date
	withA3     bool // A3 still in the sheet (else A4)
	touchB     bool // team B rewrote its sheet
	issues     string
	pv, ev     float64 // by hand
	bac        float64
	open       int
	rules      []string // replan findings by hand, sorted
}

func d(m, day int) date.Date { return date.Of(2026, time.Month(m), day) }

func weeks() []week {
	q1 := "Q-1,仕様確認,%s,2026-01-07,%s\n"
	q2 := "Q-2,環境手配,%s,2026-01-14,%s\n"
	q3 := "Q-3,性能懸念,未着手,2026-02-04,\n"
	open, done := "未着手", "完了"
	return []week{
		// PV = A1 5/10×10 + B1 5/40×20 = 7.5; EV = 4 + 2 = 6.
		{asOf: d(1, 9), a1: 40, b1: 10, a2Finish: d(2, 13), withA3: true, touchB: true,
			issues: fmt.Sprintf(q1, open, ""), pv: 7.5, ev: 6, bac: 60, open: 1},
		// PV = 10 + 5 = 15; EV = 10 + 4 = 14.
		{asOf: d(1, 16), a1: 100, b1: 20, a2Finish: d(2, 13), withA3: true, touchB: true,
			issues: fmt.Sprintf(q1, open, "") + fmt.Sprintf(q2, open, ""), pv: 15, ev: 14, bac: 60, open: 2},
		// PV = 10 + A2 5/20×20 + B1 7.5 = 22.5; EV = 10 + 4 + 6 = 20.
		{asOf: d(1, 23), a1: 100, a2: 20, b1: 30, a2Finish: d(2, 13), withA3: true, touchB: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, open, ""), pv: 22.5, ev: 20, bac: 60, open: 1},
		// Team B untouched: B1 stays 30 %. PV = 10 + 10 + 10 = 30; EV = 10 + 6 + 6 = 22.
		{asOf: d(1, 30), a1: 100, a2: 30, b1: 30, a2Finish: d(2, 13), withA3: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, open, ""), pv: 30, ev: 22, bac: 60, open: 1,
			rules: []string{"source-stale"}},
		// A2's finish moves 02-13 -> 02-20 (+5 wd); team B still untouched.
		// PV = 10 + A2 15/25×20 + B1 12.5 = 34.5; EV = 10 + 10 + 6 = 26.
		{asOf: d(2, 6), a1: 100, a2: 50, b1: 30, a2Finish: d(2, 20), withA3: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, open, "") + q3, pv: 34.5, ev: 26, bac: 60, open: 2,
			rules: []string{"plan-moved", "source-stale"}},
		// A2 goes back 50 -> 45. PV = 10 + 20/25×20 + 15 = 41; EV = 10 + 9 + 12 = 31.
		{asOf: d(2, 13), a1: 100, a2: 45, b1: 60, a2Finish: d(2, 20), withA3: true, touchB: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, done, "2026-02-11") + q3, pv: 41, ev: 31, bac: 60, open: 1,
			rules: []string{"progress-backwards"}},
		// A3 (10 pd) replaced by A4 (5 pd): BAC 60 -> 55.
		// PV = 10 + 20 + A4 0 + B1 17.5 = 47.5; EV = 10 + 14 + 16 = 40.
		{asOf: d(2, 20), a1: 100, a2: 70, b1: 80, a2Finish: d(2, 20), touchB: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, done, "2026-02-11") + q3, pv: 47.5, ev: 40, bac: 55, open: 1,
			rules: []string{"bac-changed", "task-vanished"}},
		// PV = 10 + 20 + 5 + 20 = 55; EV = 10 + 20 + 0 + 18 = 48.
		{asOf: d(2, 27), a1: 100, a2: 100, b1: 90, a2Finish: d(2, 20), touchB: true,
			issues: fmt.Sprintf(q1, done, "2026-01-21") + fmt.Sprintf(q2, done, "2026-02-11") + q3, pv: 55, ev: 48, bac: 55, open: 1},
	}
}

func (w week) teamA() string {
	row := func(id, name string, from, to date.Date, effort, progress float64) string {
		return fmt.Sprintf("%s,%s,%s,%s,%g,%g,%g\n", id, name, from, to, effort, progress, effort*progress/100*1.25)
	}
	s := "WBS,タスク名,予定開始日,予定終了日,予定工数,進捗率,実績工数\n"
	s += row("A1", "設計", d(1, 5), d(1, 16), 10, w.a1)
	s += row("A2", "製造", d(1, 19), w.a2Finish, 20, w.a2)
	if w.withA3 {
		s += row("A3", "試験", d(2, 16), d(2, 27), 10, 0)
	} else {
		s += row("A4", "レビュー", d(2, 23), d(2, 27), 5, 0)
	}
	return s
}

func (w week) teamB() string {
	return fmt.Sprintf("WBS,タスク名,予定開始日,予定終了日,予定工数,進捗率,実績工数\nB1,環境構築,%s,%s,20,%g,%g\n",
		d(1, 5), d(2, 27), w.b1, 20*w.b1/100*1.25)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// TestEightWeeklyRuns drives one project through eight weekly runs with
// scripted sheet changes and checks every finding, the trend, the
// forecast and the history database against the figures worked out by
// hand above.
func TestEightWeeklyRuns(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	yaml := `version: 1
project:
  id: weekly
  name: 週次
  pm: 山田
  start: 2026-01-05
  end: 2026-03-31
calendar:
  holidays: none
sources:
  - file: teamA.csv
    kind: wbs
  - file: teamB.csv
    kind: wbs
  - file: issues.csv
    kind: issues
`
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("project.yaml", yaml)
	var last *Project
	for i, w := range weeks() {
		write("teamA.csv", w.teamA())
		if w.touchB {
			write("teamB.csv", w.teamB())
		}
		write("issues.csv", "ID,件名,状態,起票日,完了日\n"+w.issues)
		p, err := Load(context.Background(), filepath.Join(dir, "project.yaml"), Options{AsOf: w.asOf, HistoryDir: out})
		if err != nil {
			t.Fatal(err)
		}
		a := p.Analysis
		if !near(a.EVM.PV, w.pv) || !near(a.EVM.EV, w.ev) || !near(a.EVM.BAC, w.bac) {
			t.Errorf("week %d (%s): PV %g EV %g BAC %g, want %g %g %g", i+1, w.asOf, a.EVM.PV, a.EVM.EV, a.EVM.BAC, w.pv, w.ev, w.bac)
		}
		if a.EVM.CPI == nil || !near(*a.EVM.CPI, 0.8) {
			t.Errorf("week %d: CPI %v, want 0.8", i+1, a.EVM.CPI)
		}
		var rules []string
		for _, f := range p.Findings {
			switch f.Rule {
			case "plan-moved", "source-stale", "progress-backwards", "task-vanished", "bac-changed":
				rules = append(rules, f.Rule)
				if f.MessageJA == "" || f.Severity != diag.Warning {
					t.Errorf("week %d: %s finding without Japanese text or not a warning: %+v", i+1, f.Rule, f)
				}
			}
		}
		slices.Sort(rules)
		if !slices.Equal(rules, w.rules) {
			t.Errorf("week %d (%s): findings %v, want %v\n%s", i+1, w.asOf, rules, w.rules, findingLines(p.Findings))
		}
		checkWeekFindings(t, i+1, p)
		if len(a.Trend) != i+1 {
			t.Fatalf("week %d: trend of %d runs, want %d", i+1, len(a.Trend), i+1)
		}
		if a.Issues.Open != w.open {
			t.Errorf("week %d: %d open issues, want %d", i+1, a.Issues.Open, w.open)
		}
		if _, err := p.WriteOutputs(out, map[string][]byte{}, true); err != nil {
			t.Fatal(err)
		}
		last = p
	}

	// The trend series: SPI = EV/PV of every week, the open issues, and
	// raised/closed since the run before.
	wantSPI := []float64{6 / 7.5, 14.0 / 15, 20 / 22.5, 22.0 / 30, 26 / 34.5, 31.0 / 41, 40 / 47.5, 48.0 / 55}
	wantRaised := []int{-1, 1, 0, 0, 1, 0, 0, 0}
	wantClosed := []int{-1, 0, 1, 0, 0, 1, 0, 0}
	for i, p := range last.Analysis.Trend {
		if p.SPI == nil || !near(*p.SPI, wantSPI[i]) {
			t.Errorf("trend %d: SPI %v, want %.4f", i, p.SPI, wantSPI[i])
		}
		if p.OpenIssues != weeks()[i].open {
			t.Errorf("trend %d: open %d, want %d", i, p.OpenIssues, weeks()[i].open)
		}
		if wantRaised[i] < 0 {
			if p.Raised != nil {
				t.Errorf("trend %d: raised %d, want unknown for the first run", i, *p.Raised)
			}
		} else if p.Raised == nil || *p.Raised != wantRaised[i] || p.Closed == nil || *p.Closed != wantClosed[i] {
			t.Errorf("trend %d: raised %v closed %v, want %d %d", i, p.Raised, p.Closed, wantRaised[i], wantClosed[i])
		}
	}
	// The actual progress line: one measured point per run on the S-curve.
	measured := 0
	for _, c := range last.Analysis.Curve {
		if c.Actual != nil {
			measured++
		}
	}
	if measured != 8 {
		t.Errorf("S-curve has %d measured points, want 8", measured)
	}
	// 課題推移 from the dates: weeks ending 01-09 .. 02-27.
	wantWeeks := [][3]int{{1, 0, 1}, {1, 0, 2}, {0, 1, 1}, {0, 0, 1}, {1, 0, 2}, {0, 1, 1}, {0, 0, 1}, {0, 0, 1}}
	iw := last.Analysis.IssueTrend.Weeks
	if len(iw) != len(wantWeeks) {
		t.Fatalf("issue trend has %d weeks, want %d: %+v", len(iw), len(wantWeeks), iw)
	}
	for i, w := range wantWeeks {
		if got := [3]int{iw[i].Raised, iw[i].Closed, iw[i].Open}; got != w {
			t.Errorf("issue week %s: raised/closed/open %v, want %v", iw[i].WeekEnd, got, w)
		}
	}

	// Forecast at week 8 (02-27), by hand. Plan: A1 1 pd/day on days 1-10,
	// A2 0.8/day on days 11-35, A4 1/day on days 36-40, B1 0.5/day on days
	// 1-40. PV(35) = 15 + 25×1.3 = 47.5 <= EV 48 < PV(36) = 49, so
	// ES = 35 + 0.5/1.5 = 35.333; AT = PD = 40; SPI(t) = 0.8833;
	// SV(t) = -4.667; IEAC(t) = 40/0.8833 = 45.28 -> the 46th working day,
	// 03-09, 6 working days after the planned 02-27.
	f := last.Analysis.Forecast
	if f.PD != 40 || f.AT != 40 || f.ES == nil || !near(*f.ES, 35+1.0/3) {
		t.Errorf("ES: PD %d AT %d ES %v, want 40 40 35.333", f.PD, f.AT, f.ES)
	}
	if f.SPIt == nil || !near(*f.SPIt, (35+1.0/3)/40) || f.SVt == nil || !near(*f.SVt, 35+1.0/3-40) {
		t.Errorf("SPI(t) %v SV(t) %v", f.SPIt, f.SVt)
	}
	if f.IEACt == nil || !near(*f.IEACt, 40/((35+1.0/3)/40)) || f.Finish != d(3, 9) || f.SlipDays == nil || *f.SlipDays != 6 {
		t.Errorf("IEAC(t) %v finish %s slip %v, want 45.28 2026-03-09 6", f.IEACt, f.Finish, f.SlipDays)
	}
	// Cost at week 8: AC = 1.25 × 48 = 60, CPI 0.8: ETC = 7/0.8 = 8.75,
	// EAC = 68.75, VAC = -13.75; BAC <= AC leaves TCPI undefined.
	if f.ETC == nil || !near(*f.ETC, 8.75) || !near(*f.EAC, 68.75) || !near(*f.VAC, -13.75) || f.TCPI != nil || !near(f.SV, -7) || !near(*f.CV, -12) {
		t.Errorf("cost forecast %+v", f)
	}
	// Against the baseline (the first run): A2 +5 wd, A3 removed, A4 added.
	b := last.Analysis.Baseline
	if b == nil || b.AsOf != d(1, 9) || b.Added != 1 || b.Removed == nil || *b.Removed != 1 || len(b.Slipped) != 1 || b.Slipped[0].Days != 5 || b.BACBefore != 60 || b.BACNow != 55 {
		t.Errorf("baseline diff %+v", b)
	}

	checkDatabase(t, out)
}

// checkWeekFindings checks the details of the findings of one week.
func checkWeekFindings(t *testing.T, n int, p *Project) {
	t.Helper()
	for _, f := range p.Findings {
		var want string
		switch {
		case f.Rule == "plan-moved":
			want = `teamA.csv:3!D: planned finish of "製造" moved from 2026-02-13 to 2026-02-20 (+5 working days) since the run of 2026-01-30`
		case f.Rule == "source-stale" && n == 4:
			want = "teamB.csv: no record of this sheet changed over the last 2 runs although 1 of its tasks are planned to be under way: it may not have been updated"
		case f.Rule == "source-stale" && n == 5:
			want = "teamB.csv: no record of this sheet changed over the last 3 runs although 1 of its tasks are planned to be under way: it may not have been updated"
		case f.Rule == "progress-backwards":
			want = `teamA.csv:3!F: progress of "製造" went back from 50 % to 45 % since the run of 2026-02-06`
		case f.Rule == "task-vanished":
			want = `teamA.csv: task "試験" (A3) of the run of 2026-02-13 is no longer in the sheet`
		case f.Rule == "bac-changed":
			want = `the planned total (BAC) changed from 60 to 55 person-days (-8.3%) since the run of 2026-02-13`
		default:
			continue
		}
		got := f.Message
		if f.Pos != (diag.Pos{}) {
			got = strings.TrimPrefix(f.Pos.String(), filepath.Dir(p.Config.Path)+string(filepath.Separator)) + ": " + f.Message
		}
		if got != want {
			t.Errorf("week %d %s:\n got %s\nwant %s", n, f.Rule, got, want)
		}
	}
}

// checkDatabase queries the history with SQL, as an analyst would.
func checkDatabase(t *testing.T, out string) {
	t.Helper()
	h, err := history.OpenExisting(out)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	db := h.SQL()
	var runs int
	var spi8 float64
	if err := db.QueryRow("SELECT count(*) FROM run WHERE project = 'weekly'").Scan(&runs); err != nil || runs != 8 {
		t.Errorf("runs %d (%v), want 8", runs, err)
	}
	if err := db.QueryRow("SELECT spi FROM run WHERE project = 'weekly' AND as_of = '2026-02-27'").Scan(&spi8); err != nil || !near(spi8, 48.0/55) {
		t.Errorf("spi of the last run %g (%v)", spi8, err)
	}
	// A2's planned finish as each run saw it, from the view.
	rows, err := db.Query("SELECT as_of, planned_finish FROM task_at_run WHERE project = 'weekly' AND wbs_id = 'A2' ORDER BY as_of")
	if err != nil {
		t.Fatal(err)
	}
	var finishes []string
	for rows.Next() {
		var a, f string
		if err := rows.Scan(&a, &f); err != nil {
			t.Fatal(err)
		}
		finishes = append(finishes, a+" "+f)
	}
	rows.Close()
	want := []string{"2026-01-09 2026-02-13", "2026-01-16 2026-02-13", "2026-01-23 2026-02-13", "2026-01-30 2026-02-13",
		"2026-02-06 2026-02-20", "2026-02-13 2026-02-20", "2026-02-20 2026-02-20", "2026-02-27 2026-02-20"}
	if !slices.Equal(finishes, want) {
		t.Errorf("A2 by run:\n%s", strings.Join(finishes, "\n"))
	}
	// Versions are written only on change: A1 changes in weeks 1-2, then
	// stays; A2 every week but the first... A3 vanishes once.
	var a1, a3gone, tasksAt8 int
	db.QueryRow("SELECT count(*) FROM task_version v JOIN entity e ON e.id = v.entity WHERE e.key = 'teamA.csv#A1'").Scan(&a1)
	db.QueryRow("SELECT count(*) FROM task_version v JOIN entity e ON e.id = v.entity WHERE e.key = 'teamA.csv#A3' AND v.gone = 1").Scan(&a3gone)
	db.QueryRow("SELECT count(*) FROM task_at_run WHERE project = 'weekly' AND as_of = '2026-02-27'").Scan(&tasksAt8)
	if a1 != 2 || a3gone != 1 || tasksAt8 != 4 {
		t.Errorf("A1 versions %d (want 2), A3 gone rows %d (want 1), tasks at week 8 %d (want 4)", a1, a3gone, tasksAt8)
	}
	var unchanged int
	db.QueryRow("SELECT s.unchanged FROM source s JOIN run r ON r.id = s.run WHERE r.as_of = '2026-02-06' AND s.file = 'teamB.csv'").Scan(&unchanged)
	if unchanged != 2 {
		t.Errorf("teamB unchanged count at week 5 = %d, want 2", unchanged)
	}
}

func findingLines(fs diag.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
