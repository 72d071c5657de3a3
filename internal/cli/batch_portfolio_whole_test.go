package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch"
	"github.com/pmokit/pmo/internal/batch/batchtest"
)

// portfolioFiles reads the portfolio's three files of out (nil when one
// is missing).
func portfolioFiles(t *testing.T, out string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, name := range []string{"portfolio.xlsx", "portfolio.pdf", "summary.json"} {
		if b, err := os.ReadFile(filepath.Join(out, name)); err == nil {
			m[name] = b
		}
	}
	return m
}

// noTemp fails when a temporary file is left in out.
func noTemp(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestPortfolioReplacedWhole: the portfolio's workbook, PDF and
// summary.json are one set, as a project's outputs are. A run whose PDF
// cannot be put in place (a folder where it goes) exits 2 and leaves the
// previous workbook and summary.json as they were, not this run's
// workbook beside the previous summary.
func TestPortfolioReplacedWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := batchtest.SharedPeople(t, dir, 40, 40)
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "batch", yaml, "-o", out, "--as-of", "2026-11-20", "--fail-on", "none"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	before := portfolioFiles(t, out)
	if len(before) != 3 {
		t.Fatalf("first run wrote %d of the portfolio's 3 files", len(before))
	}
	if err := os.Rename(filepath.Join(out, "portfolio.pdf"), filepath.Join(dir, "old.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(out, "portfolio.pdf", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "batch", yaml, "-o", out, "--as-of", "2026-11-27", "--force", "--fail-on", "none")
	if code != 2 || !strings.Contains(stderr, "portfolio.pdf") {
		t.Errorf("second run: exit %d, want 2 naming portfolio.pdf\n%s", code, stderr)
	}
	after := portfolioFiles(t, out)
	for _, name := range []string{"portfolio.xlsx", "summary.json"} {
		if !bytes.Equal(after[name], before[name]) {
			t.Errorf("%s was replaced by a run whose portfolio PDF could not be written", name)
		}
	}
	noTemp(t, out)
}

// TestPortfolioNotWrittenWhenStopped: a batch stopped while its portfolio
// is made (Ctrl-C, SIGTERM) writes none of the three files: `pmo batch`
// then exits 130 with no portfolio written, as its help says.
func TestPortfolioNotWrittenWhenStopped(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := &batch.Result{Name: "停止", Projects: []*batch.ProjectResult{}}
	if err := writePortfolio(ctx, out, res, "ja", nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("writePortfolio stopped: %v, want context.Canceled", err)
	}
	if got := portfolioFiles(t, out); len(got) != 0 {
		t.Errorf("a stopped portfolio step left %d files", len(got))
	}
	noTemp(t, out)
	// Not stopped, the same writes all three.
	if err := writePortfolio(context.Background(), out, res, "ja", nil); err != nil {
		t.Fatal(err)
	}
	if got := portfolioFiles(t, out); len(got) != 3 {
		t.Errorf("%d of the portfolio's 3 files written", len(got))
	}
	noTemp(t, out)
}
