package analyze

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/config"
	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
	"github.com/pmokit/pmo/internal/synth"
)

// joinedSourceStates is how sourceStates made its digests before it
// hashed lines as they were made: fmt.Sprintf lines joined, then hashed.
// The digests are stored in every history database, so they must not
// change.
func joinedSourceStates(tasks []TaskState, items []ItemState) map[string]string {
	numText := func(p *float64) string {
		if p == nil {
			return ""
		}
		return fmt.Sprint(*p)
	}
	h := map[string][]string{}
	for _, t := range tasks {
		file, _, _ := strings.Cut(t.Source, "!")
		h[file] = append(h[file], fmt.Sprintf("%q|%s|%s|%s|%s|%s|%s|%s|%s|%s", t.Key, t.Name, t.PlannedStart, t.PlannedFinish,
			t.ActualStart, t.ActualFinish, numText(t.PlannedEffort), numText(t.ActualEffort), numText(t.Progress), t.Status))
	}
	for _, it := range items {
		h[it.Source] = append(h[it.Source], fmt.Sprintf("%q|%s|%s|%s", it.Key, it.Status, it.RaisedOn, it.ClosedOn))
	}
	out := map[string]string{}
	for file, lines := range h {
		sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
		out[file] = hex.EncodeToString(sum[:16])
	}
	return out
}

func TestSourceDigestsUnchanged(t *testing.T) {
	t.Parallel()
	p := synth.Programme(2)
	cfg := p.Config
	cfg.Sources = []config.Source{{File: "teams/WBS.xlsx", Path: "/abs/teams/WBS.xlsx"}}
	odd := []float64{0, math.Copysign(0, -1), 1e21, 1e20, 123456789, 1.5e-7, 0.1 + 0.2, math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), -3.25, 100, 1e6, 999999.5, 999999, -999999, -1e6, 1e6 - 1e-10, -1, 0.5, 1e-5, 1e15, 4503599627370497}
	tasks := p.Tasks
	for i, f := range odd {
		f := f
		src := cmp.Or(tasks[i%len(tasks)].Source(), tasks[1].Source())
		src.File = []string{"teams/WBS.xlsx", "b.csv", "/abs/teams/WBS.xlsx", ""}[i%4]
		tasks = append(tasks, withSource(project.Task{Name: fmt.Sprintf("odd \"%d\"\t\xff 改行\n", i), Level: 1 + i%3, Progress: project.NumOf(f), ActualEffort: project.NumOf(f),
			ActualStart: date.Date(i * 40000), PlannedFinish: date.Date(-i * 100000)}, src))
	}
	issue := func(is project.Issue, p diag.Pos) project.Issue { is.SetSource(p); return is }
	issues := append(slices.Clone(p.Issues), project.Issue{Title: "題\x00名", Status: project.Closed, ClosedOn: 1},
		issue(project.Issue{ID: "\xe3#\x81"}, tasks[3].Source()), issue(project.Issue{ID: "#"}, tasks[4].Source()),
		issue(project.Issue{ID: "a\"#\\b"}, diag.Pos{File: "x#y\xff", Sheet: "シート#1"}), issue(project.Issue{ID: "", Title: ""}, diag.Pos{File: "\xe3"}))
	for i := range 20 {
		tasks = append(tasks, withSource(project.Task{WBSID: fmt.Sprintf("\xe3%d#\x81", i), Level: 1}, diag.Pos{File: "f\xe3", Sheet: fmt.Sprint("#", i%3)}))
	}
	names := newSourceNames(cfg)
	ts := taskStates(tasks, names)
	is := itemStates(issues, p.Risks, names)
	want := joinedSourceStates(ts, is)
	got := sourceStates(ts, is, nil)
	if len(got) != len(want) {
		t.Fatalf("%d sources, want %d", len(got), len(want))
	}
	for _, s := range got {
		if want[s.File] != s.Digest {
			t.Errorf("%s: digest %s, want %s", s.File, s.Digest, want[s.File])
		}
	}
}

// TestPlannedValueUnchanged checks plannedValue against the sum it
// replaced, bit for bit, on every day of a programme and around it.
func TestPlannedValueUnchanged(t *testing.T) {
	t.Parallel()
	p := synth.Programme(2)
	// Zero-length, weekend-only and reversed spans too.
	sat := date.Of(2026, 6, 6)
	p.Tasks = append(p.Tasks, project.Task{Name: "weekend", Level: 1, PlannedStart: sat, PlannedFinish: sat + 1},
		project.Task{Name: "day", Level: 1, PlannedStart: sat + 2, PlannedFinish: sat + 2},
		project.Task{Name: "reversed", Level: 1, PlannedStart: sat + 9, PlannedFinish: sat + 3})
	in := Input{Config: p.Config, AsOf: p.AsOf, Tasks: p.Tasks}
	cal := Calendar(p.Config)
	leaves := leafFigures(rollUp(in.Tasks, cal, &diag.Findings{}), cal, in.AsOf)
	ws := plannedWorks(leaves, cal)
	for d := date.Of(2026, 1, 1); d < date.Of(2028, 6, 1); d++ {
		want := 0.0
		for _, l := range leaves {
			if l.scheduled {
				want += l.weight * plannedFraction(l.t.PlannedStart, l.t.PlannedFinish, d, cal)
			}
		}
		if got := plannedValue(ws, d, cal); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%s: planned value %v, want %v", d, got, want)
		}
	}
}

// weeklyIssueTrend is issueTrend as it was, every week counting every
// issue.
func weeklyIssueTrend(issues []project.Issue, asOf date.Date) IssueTrend {
	tr := IssueTrend{Weeks: []IssueWeek{}}
	var first date.Date
	for i := range issues {
		is := &issues[i]
		if is.RaisedOn.IsZero() || is.RaisedOn > asOf || (!is.Status.IsOpen() && is.ClosedOn.IsZero()) {
			tr.Undated++
			continue
		}
		first = minDate(first, is.RaisedOn)
	}
	if first.IsZero() {
		return tr
	}
	end := monday(asOf).AddDays(4)
	start := monday(first).AddDays(4)
	if n := int(end-start) / 7; n >= maxIssueWeeks {
		start = end.AddDays(-7 * (maxIssueWeeks - 1))
	}
	for we := start; we <= end; we = we.AddDays(7) {
		w := IssueWeek{WeekEnd: we}
		cut := min(we, asOf)
		for i := range issues {
			is := &issues[i]
			if is.RaisedOn.IsZero() || is.RaisedOn > asOf || (!is.Status.IsOpen() && is.ClosedOn.IsZero()) {
				continue
			}
			closed := !is.Status.IsOpen() && is.ClosedOn <= cut
			if is.RaisedOn <= cut && !closed {
				w.Open++
			}
			if is.RaisedOn <= cut && is.RaisedOn > we.AddDays(-7) {
				w.Raised++
			}
			if !is.Status.IsOpen() && is.ClosedOn <= cut && is.ClosedOn > we.AddDays(-7) {
				w.Closed++
			}
		}
		tr.Weeks = append(tr.Weeks, w)
	}
	return tr
}

func TestIssueTrendUnchanged(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	statuses := []project.ItemStatus{project.NoItemStatus, project.Open, project.ItemWorking, project.Resolved, project.Closed, project.ItemOnHold}
	base := date.Of(2026, 4, 1)
	for run := range 300 {
		asOf := base.AddDays(rng.IntN(900))
		spread := []int{3, 30, 400, 1500}[run%4]
		issues := make([]project.Issue, rng.IntN(60))
		for i := range issues {
			is := &issues[i]
			is.Status = statuses[rng.IntN(len(statuses))]
			if rng.IntN(15) > 0 {
				is.RaisedOn = asOf.AddDays(rng.IntN(spread+20) - spread)
			}
			if rng.IntN(4) > 0 {
				is.ClosedOn = is.RaisedOn.AddDays(rng.IntN(spread/2+30) - 10)
				if rng.IntN(20) == 0 {
					is.ClosedOn = asOf.AddDays(rng.IntN(5) - 2)
				}
			}
		}
		got, want := issueTrend(issues, asOf), weeklyIssueTrend(issues, asOf)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d as of %s: trend\n%+v\nwant\n%+v", run, asOf, got, want)
		}
	}
}

// withSource returns t read at p.
func withSource(t project.Task, p diag.Pos) project.Task {
	t.SetSource(p)
	return t
}
