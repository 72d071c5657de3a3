package batch

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/pmokit/pmo/internal/history"
)

// TestHistoryChangeRebuilds: a reused project's page came from the
// history as it stood (previous run, trend, baseline). After pmo baseline
// set or a run recorded by another command, the project is rebuilt; the
// other projects, whose history did not move, are still reused.
func TestHistoryChangeRebuilds(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	out := t.TempDir()
	var calls atomic.Int32
	opt := Options{Jobs: 2, Render: fakeRender("", &calls)}
	first := run(t, dir, out, opt)
	asOf := byID(first)["kikan"].AsOf
	status := func(res *Result) map[string]string {
		m := map[string]string{}
		for _, p := range res.Projects {
			m[p.ID] = p.Status
		}
		return m
	}
	if s := status(run(t, dir, out, opt)); s["kikan"] != StatusReused || s["ec"] != StatusReused {
		t.Fatalf("unchanged second run: %v, want every project reused", s)
	}

	h, err := history.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.SetBaseline("kikan", "承認済み", asOf); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if s := status(run(t, dir, out, opt)); s["kikan"] != StatusOK || s["ec"] != StatusReused || s["network"] != StatusReused {
		t.Errorf("after pmo baseline set for kikan: %v, want kikan rebuilt and the others reused", s)
	}
	if s := status(run(t, dir, out, opt)); s["kikan"] != StatusReused {
		t.Errorf("after the rebuild: kikan %s, want reused", s["kikan"])
	}

	// An earlier run recorded into the same folder (pmo history import).
	h, err = history.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := h.Run("ec", asOf)
	if err != nil || prev == nil {
		t.Fatalf("ec's run of %s: %v", asOf, err)
	}
	prev.AsOf = asOf.AddDays(-7)
	if err := h.Record(prev); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if s := status(run(t, dir, out, opt)); s["ec"] != StatusOK || s["kikan"] != StatusReused {
		t.Errorf("after a run of ec was imported: %v, want ec rebuilt and kikan reused", s)
	}
}

// TestFindingsReadBack: the findings a batch let go after writing a
// project's result come back the same for the portfolio and summary.json,
// which is the same as indenting the whole result at once.
func TestFindingsReadBack(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	out := t.TempDir()
	var calls atomic.Int32
	res := run(t, dir, out, Options{Jobs: 2, Render: fakeRender("", &calls)})
	kikan := byID(res)["kikan"]
	if kikan.Findings != nil || kikan.findingsIn == "" {
		t.Fatalf("kikan's findings are still held (%d) or not stored (%q)", len(kikan.Findings), kikan.findingsIn)
	}
	fs, err := kikan.AllFindings()
	if err != nil || len(fs) == 0 {
		t.Fatalf("kikan's findings read back: %d, %v", len(fs), err)
	}
	// So is its portfolio summary, read back for the board.
	if kikan.Portfolio != nil {
		t.Fatal("kikan's portfolio summary is still held")
	}
	if s, err := kikan.Summary(); err != nil || s == nil || len(s.Load) == 0 || len(s.Sources) == 0 {
		t.Fatalf("kikan's portfolio summary read back: %+v, %v", s, err)
	}
	pf := res.Overview("ja")
	for i, row := range pf.Rows {
		got, err := pf.RowFindings(i)
		want, _ := byID(res)[row.ID].AllFindings()
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: portfolio findings differ from the project's (%v)", row.ID, err)
		}
	}

	if err := WriteSummary(out, res); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	whole := *res
	whole.Projects = nil
	for _, p := range res.Projects {
		q := *p
		q.Path = filepath.ToSlash(q.Path)
		if q.Findings, err = p.AllFindings(); err != nil {
			t.Fatal(err)
		}
		if q.Portfolio, err = p.Summary(); err != nil {
			t.Fatal(err)
		}
		whole.Projects = append(whole.Projects, &q)
	}
	want, _ := json.MarshalIndent(&whole, "", "  ")
	if !bytes.Equal(got, append(want, '\n')) {
		t.Errorf("summary.json written project by project differs from the whole result indented:\n%s\nwant\n%s", got, want)
	}
	var empty bytes.Buffer
	if err := writeSummary(&empty, &Result{Name: "x", Projects: []*ProjectResult{}}); err != nil {
		t.Fatal(err)
	}
	if want, _ := json.MarshalIndent(&Result{Name: "x", Projects: []*ProjectResult{}}, "", "  "); empty.String() != string(want)+"\n" {
		t.Errorf("empty portfolio summary:\n%s\nwant\n%s", empty.String(), want)
	}
}
