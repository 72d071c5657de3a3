package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/batch/batchtest"
)

// TestBatchKeepsAnUnchangedPortfolio runs a portfolio three times: the
// rerun that reuses every project keeps the portfolio outputs in place
// (not rewritten) and prints what the first run printed of the board; a
// changed portfolio file or a missing output makes them anew.
func TestBatchKeepsAnUnchangedPortfolio(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := batchtest.SharedPeople(t, dir, 40, 40)
	out := filepath.Join(dir, "out")
	args := []string{"batch", yaml, "-o", out, "--as-of", "2026-11-20", "--group-by", "department", "--fail-on", "none"}
	code, _, stderr1 := run(t, args...)
	if code != 0 || !strings.Contains(stderr1, "[portfolio.over-allocated]") {
		t.Fatalf("first run: exit %d\n%s", code, stderr1)
	}
	read := func() map[string][]byte {
		t.Helper()
		files := map[string][]byte{}
		for _, name := range portfolioOutputs {
			data, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = data
		}
		return files
	}
	first := read()
	// An old time on every output shows which of them a run rewrites.
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	touch := func() {
		t.Helper()
		for _, name := range portfolioOutputs {
			if err := os.Chtimes(filepath.Join(out, name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	kept := func(name string) bool {
		st, err := os.Stat(filepath.Join(out, name))
		return err == nil && st.ModTime().Equal(old)
	}

	// Second run: every project reused, the portfolio made once more (the
	// first run built the projects, so their history moved) and its key kept.
	touch()
	code, stdout2, stderr2 := run(t, args...)
	if code != 0 || warnings(stderr2) != warnings(stderr1) {
		t.Fatalf("second run: exit %d, stderr\n%s\nwant\n%s", code, stderr2, stderr1)
	}
	// Third run: nothing changed since the second: kept, and the same
	// warnings and subtotals printed.
	touch()
	code, stdout3, stderr3 := run(t, args...)
	if code != 0 || warnings(stderr3) != warnings(stderr2) || stdout3 != stdout2 || !strings.Contains(stdout3, "DEPARTMENT") {
		t.Errorf("unchanged rerun printed differently: exit %d\nstdout\n%s\nwant\n%s\nstderr\n%s", code, stdout3, stdout2, stderr3)
	}
	for _, name := range portfolioOutputs {
		if !kept(name) {
			t.Errorf("unchanged rerun rewrote %s", name)
		}
	}
	for name, data := range read() {
		if !bytes.Equal(data, first[name]) {
			t.Errorf("%s differs from the first run's", name)
		}
	}

	// A missing output: all made anew.
	if err := os.Remove(filepath.Join(out, "portfolio.pdf")); err != nil {
		t.Fatal(err)
	}
	touch2 := []string{"portfolio.xlsx", "summary.json"}
	for _, name := range touch2 {
		os.Chtimes(filepath.Join(out, name), old, old)
	}
	if code, _, _ := run(t, args...); code != 0 {
		t.Fatalf("after removing portfolio.pdf: exit %d", code)
	}
	for _, name := range portfolioOutputs {
		if kept(name) {
			t.Errorf("with portfolio.pdf missing, %s was not written", name)
		}
	}

	// A changed portfolio file (its people): made anew.
	data, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yaml, append(data, []byte("\n# changed\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	touch()
	if code, _, _ := run(t, args...); code != 0 {
		t.Fatalf("after changing the portfolio file: exit %d", code)
	}
	if kept("portfolio.xlsx") {
		t.Error("a changed portfolio file kept the old portfolio.xlsx")
	}
}

// warnings drops the progress lines ("[1/2] ok green alpha") of a batch's
// stderr, which say whether each project was built or reused.
func warnings(stderr string) string {
	var keep []string
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, "[") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}
