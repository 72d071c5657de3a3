package history_test

import (
	"testing"

	"github.com/pmokit/pmo/internal/history"
)

// TestRevisionMoves: the marker a batch keeps for reuse changes with every
// run recorded, replaced or named as a baseline for that project, and
// with nothing done to another project.
func TestRevisionMoves(t *testing.T) {
	t.Parallel()
	h, err := history.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	mark := func() string {
		t.Helper()
		m, err := h.Revision("p")
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := mark(); m != "" {
		t.Fatalf("no history yet, marker %q", m)
	}
	seen := map[string]string{}
	step := func(what string, do func() error) {
		t.Helper()
		if err := do(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		m := mark()
		if prev, ok := seen[m]; ok {
			t.Errorf("after %s the marker %q is the one after %s", what, m, prev)
		}
		seen[m] = what
	}
	step("first run", func() error { return h.Record(run(0, task("a", "設計", 10))) })
	step("second run", func() error { return h.Record(run(1, task("a", "設計", 20))) })
	step("week 0 replaced", func() error { return h.Record(run(0, task("a", "設計", 15))) })
	step("baseline", func() error { return h.SetBaseline("p", "baseline", run(0).AsOf) })
	step("baseline moved", func() error { return h.SetBaseline("p", "baseline", run(1).AsOf) })
	before := mark()
	other := run(0, task("x", "別案件", 1))
	other.Project = "q"
	if err := h.Record(other); err != nil {
		t.Fatal(err)
	}
	if m := mark(); m != before {
		t.Errorf("a run of another project moved p's marker from %q to %q", before, m)
	}
}

// TestSchemaOneMigrated: a database of schema 1 (no revision table) gains
// it on open, its runs kept.
func TestSchemaOneMigrated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h, err := history.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Record(run(0, task("a", "設計", 10))); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TRIGGER run_added", "DROP TRIGGER run_changed", "DROP TRIGGER run_removed",
		"DROP TRIGGER baseline_added", "DROP TRIGGER baseline_changed", "DROP TRIGGER baseline_removed",
		"DROP TABLE revision", "PRAGMA user_version = 1"} {
		if _, err := h.SQL().Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	h.Close()
	if h, err = history.Open(dir); err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	m0, err := h.Revision("p")
	if err != nil || m0 == "" {
		t.Fatalf("migrated database: marker %q, %v; want the existing run's", m0, err)
	}
	if err := h.Record(run(1, task("a", "設計", 20))); err != nil {
		t.Fatal(err)
	}
	if m1, _ := h.Revision("p"); m1 == m0 {
		t.Errorf("a run recorded after the migration left the marker at %q", m1)
	}
}
