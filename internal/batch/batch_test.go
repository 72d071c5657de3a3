package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/pipeline"
	"github.com/pmokit/pmo/internal/report"
)

// copyExamples copies the bundled example portfolio into a temp folder so
// tests can break it.
func copyExamples(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "..", "examples")
	err := filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if strings.HasPrefix(rel, "gen") || strings.HasPrefix(rel, "out") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// fakeRender stands in for the xlsx/PDF renderers: it writes a small file
// naming the project, and panics for the project named in panicFor.
func fakeRender(panicFor string, calls *atomic.Int32) Renderer {
	return func(p *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error) {
		calls.Add(1)
		if p.Config.Project.ID == panicFor {
			panic("renderer exploded")
		}
		return map[string][]byte{"out.txt": []byte(d.Project.Name + " " + string(d.RAG.Overall))}, nil, nil
	}
}

func run(t *testing.T, target, out string, opt Options) *Result {
	t.Helper()
	plan, err := Discover(target)
	if err != nil {
		t.Fatal(err)
	}
	opt.Out = out
	return Run(context.Background(), plan, opt)
}

func byID(r *Result) map[string]*ProjectResult {
	m := map[string]*ProjectResult{}
	for _, p := range r.Projects {
		m[p.ID] = p
	}
	return m
}

func TestBrokenAndPanickingProjectsAreIsolated(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	// Corrupt one team workbook of ec: the project fails, the others build.
	if err := os.WriteFile(filepath.Join(dir, "ec", "teams", "issues.xlsx"), []byte("PK\x03\x04 broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	out := t.TempDir()
	res := run(t, filepath.Join(dir, "portfolio.yaml"), out, Options{Jobs: 2, Render: fakeRender("network", &calls)})
	if len(res.Projects) != 3 {
		t.Fatalf("%d projects, want 3", len(res.Projects))
	}
	got := map[string]string{}
	for _, p := range res.Projects {
		got[filepath.Base(filepath.Dir(p.Path))] = p.Status
	}
	want := map[string]string{"ec": StatusFailed, "kikan": StatusOK, "network": StatusFailed}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: status %q, want %q", k, got[k], v)
		}
	}
	m := byID(res)
	if e := m["ec"].Error; !strings.Contains(e, "issues.xlsx") {
		t.Errorf("ec error does not name the broken file: %q", e)
	}
	if e := m["network"].Error; !strings.Contains(e, "internal error: renderer exploded") {
		t.Errorf("network error does not report the panic: %q", e)
	}
	if _, err := os.Stat(filepath.Join(out, "kikan", "out.txt")); err != nil {
		t.Errorf("kikan output missing: %v", err)
	}
	if !res.NeedsAttention(FailOnRed) || res.Failed() != 2 {
		t.Errorf("NeedsAttention=%v Failed=%d, want true 2", res.NeedsAttention(FailOnRed), res.Failed())
	}
	// Results keep the plan's order whatever order workers finish in.
	for i := 1; i < len(res.Projects); i++ {
		if res.Projects[i-1].Path > res.Projects[i].Path {
			t.Errorf("results out of order: %s before %s", res.Projects[i-1].Path, res.Projects[i].Path)
		}
	}
}

func TestUnchangedProjectsAreReused(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	out := t.TempDir()
	var calls atomic.Int32
	var mu sync.Mutex
	built := map[string][]byte{} // each project's page one as built
	render := fakeRender("", &calls)
	opt := Options{Jobs: 2, Render: func(p *pipeline.Project, d *report.Document) (map[string][]byte, diag.Findings, error) {
		j, _ := json.Marshal(d.PageOne())
		mu.Lock()
		built[d.Project.ID] = j
		mu.Unlock()
		return render(p, d)
	}}
	first := run(t, dir, out, opt)
	if n := calls.Load(); n != 3 {
		t.Fatalf("first run rendered %d projects, want 3", n)
	}
	watch := pipeline.NewStopwatch()
	opt.Stopwatch = watch
	second := run(t, dir, out, opt)
	opt.Stopwatch = nil
	if n := calls.Load(); n != 3 {
		t.Errorf("second unchanged run rendered %d more projects, want 0", n-3)
	}
	// Reused from the stored summary page: no source read again, and the
	// page the portfolio draws is the first run's.
	var times strings.Builder
	watch.Print(&times)
	if strings.Contains(times.String(), "read") {
		t.Errorf("an unchanged run read sources again:\n%s", times.String())
	}
	for _, id := range []string{"ec", "kikan", "network"} {
		a, err1 := byID(first)[id].Page()
		b, err2 := byID(second)[id].Page()
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if a == nil || b == nil {
			t.Fatalf("%s: no summary document (first %v, second %v)", id, a != nil, b != nil)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, built[id]) || !bytes.Equal(jb, built[id]) || len(b.L) == 0 {
			t.Errorf("%s: the stored summary page differs from the built one", id)
		}
	}
	for _, p := range second.Projects {
		if p.Status != StatusReused {
			t.Errorf("%s: status %s, want reused", p.ID, p.Status)
		}
	}
	if byID(second)["kikan"].SPI == nil || *byID(second)["kikan"].SPI != *byID(first)["kikan"].SPI {
		t.Error("a reused project lost its figures")
	}
	for _, id := range []string{"ec", "kikan", "network"} {
		was, err1 := byID(first)[id].AllFindings()
		now, err2 := byID(second)[id].AllFindings()
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !slices.Equal(now, was) || len(was) == 0 {
			t.Errorf("%s: reused findings differ (or none to compare):\n%v\nwant\n%v", id, now, was)
		}
		for _, f := range now {
			if f.MessageJA == "" && f.Rule != "source-unreadable" {
				t.Errorf("%s: reused finding lost its Japanese message: %v", id, f)
			}
		}
	}
	// Touching one source rebuilds that project only.
	wbs := filepath.Join(dir, "network", "teams", "WBS.xlsx")
	data, _ := os.ReadFile(wbs)
	os.WriteFile(wbs, append(data, 0), 0o644) // a trailing byte changes the hash, and zip readers ignore it
	third := run(t, dir, out, opt)
	if n := calls.Load(); n != 4 {
		t.Errorf("after changing one source %d projects were rendered, want 1", n-3)
	}
	if s := byID(third)["network"].Status; s != StatusOK {
		t.Errorf("changed project status %s, want ok", s)
	}
	opt.Force = true
	run(t, dir, out, opt)
	if n := calls.Load(); n != 7 {
		t.Errorf("--force rendered %d projects, want 3", n-4)
	}
}

func TestDiscoverFolderIgnoresLockAndHiddenFiles(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	for _, p := range []string{"~$lock/project.yaml", ".hidden/project.yaml"} {
		path := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte("not: [valid"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "kikan", "teams", "~$WBS.xlsx"), []byte("lock"), 0o644)
	plan, err := Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Projects) != 3 {
		t.Errorf("found %v, want the 3 example projects", plan.Projects)
	}
	var calls atomic.Int32
	res := run(t, dir, t.TempDir(), Options{Render: fakeRender("", &calls)})
	if res.Failed() != 0 {
		t.Errorf("lock files broke the run: %+v", res.Projects)
	}
}

func TestDiscoverErrors(t *testing.T) {
	t.Parallel()
	_, err := Discover(filepath.Join(t.TempDir(), "missing.yaml"))
	var ie *diag.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing portfolio: %v", err)
	}
	if _, err := Discover(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no */project.yaml") {
		t.Errorf("empty folder: %v", err)
	}
}

func TestDuplicateIDsAndPortfolioFindings(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	// A copy of kikan under another folder keeps the id kikan.
	src := filepath.Join(dir, "kikan")
	dst := filepath.Join(dir, "kikan2")
	filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
		rel, _ := filepath.Rel(src, path)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, _ := os.ReadFile(path)
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	var calls atomic.Int32
	res := run(t, dir, t.TempDir(), Options{Render: fakeRender("", &calls)})
	m := map[string]*ProjectResult{}
	for _, p := range res.Projects {
		m[filepath.Base(filepath.Dir(p.Path))] = p
	}
	if m["kikan"].Status != StatusOK || m["kikan2"].Status != StatusFailed || !strings.Contains(m["kikan2"].Error, "also used by") {
		t.Errorf("duplicate id: kikan %s, kikan2 %s %q", m["kikan"].Status, m["kikan2"].Status, m["kikan2"].Error)
	}

	// A portfolio naming a project file that is not there needs attention.
	pf := filepath.Join(dir, "p.yaml")
	os.WriteFile(pf, []byte("version: 1\nportfolio:\n  name: x\nprojects: [network/project.yaml, gone/project.yaml]\n"), 0o644)
	res = run(t, pf, t.TempDir(), Options{Render: fakeRender("", &calls)})
	if len(res.Findings) == 0 || !res.NeedsAttention(FailOnNone) {
		t.Errorf("missing project file: findings %v, needs attention %v", res.Findings, res.NeedsAttention(FailOnNone))
	}
}

// TestTamperedResultIsRebuilt edits the kept .pmo-result.json: before the
// check, its outputs became portfolio links as they stood, so any URL or
// ../../ path could be planted. Now such a result is not reused.
func TestTamperedResultIsRebuilt(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"https://evil.example/x", "../../etc/passwd", "/etc/passwd", "kikan/../ec/out.txt", "ec/out.txt", `kikan\..\x`} {
		t.Run(bad, func(t *testing.T) {
			t.Parallel()
			dir := copyExamples(t)
			out := t.TempDir()
			var calls atomic.Int32
			opt := Options{Jobs: 1, Render: fakeRender("", &calls)}
			run(t, dir, out, opt)
			path := filepath.Join(out, "kikan", ".pmo-result.json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			m["outputs"] = []string{"kikan/out.txt", bad}
			data, _ = json.Marshal(m)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(out, "ec", "out.txt"), nil, 0o644) // so the path exists
			res := run(t, dir, out, opt)
			k := byID(res)["kikan"]
			if k.Status != StatusOK || slices.Contains(k.Outputs, bad) {
				t.Errorf("status %s, outputs %v: the tampered result was reused", k.Status, k.Outputs)
			}
		})
	}
}

// A project whose outputs cannot be written (here a folder stands where
// its output goes) fails on its own, in the writer: its run is not
// recorded and no result is kept, the others are written, and every
// project is reported done once.
func TestWriteFailureIsTheProjectsOwn(t *testing.T) {
	t.Parallel()
	dir := copyExamples(t)
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "kikan", "out.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	var mu sync.Mutex
	done := map[string]int{}
	res := run(t, filepath.Join(dir, "portfolio.yaml"), out, Options{Jobs: 2, Render: fakeRender("", &calls), Progress: func(e Event) {
		if e.Done {
			mu.Lock()
			done[e.Result.ID]++
			mu.Unlock()
		}
	}})
	m := byID(res)
	if p := m["kikan"]; p.Status != StatusFailed || !strings.Contains(p.Error, "in the way") || p.ErrorJA == "" {
		t.Errorf("kikan: status %q, error %q (ja %q), want failed: in the way", p.Status, p.Error, p.ErrorJA)
	}
	for _, id := range []string{"ec", "network"} {
		if m[id].Status != StatusOK {
			t.Errorf("%s: status %q (%s), want ok", id, m[id].Status, m[id].Error)
		}
		if _, err := os.Stat(filepath.Join(out, id, "out.txt")); err != nil {
			t.Errorf("%s: output missing: %v", id, err)
		}
		if _, err := os.Stat(resultFile(out, id)); err != nil {
			t.Errorf("%s: result not kept: %v", id, err)
		}
	}
	if _, err := os.Stat(resultFile(out, "kikan")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("kikan: a result was kept for a project not written (%v)", err)
	}
	sh := pipeline.NewSharedHistory(out)
	defer sh.Close()
	h, err := sh.Existing()
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"ec": true, "network": true, "kikan": false} {
		rev, err := h.Revision(id)
		if err != nil {
			t.Fatal(err)
		}
		if (rev != "") != want {
			t.Errorf("%s: history marker %q, want a recorded run: %v", id, rev, want)
		}
	}
	if len(done) != 3 || done["ec"] != 1 || done["kikan"] != 1 || done["network"] != 1 {
		t.Errorf("done events %v, want one per project", done)
	}
}
