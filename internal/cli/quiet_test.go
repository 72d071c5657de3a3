package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/batch/synth"
)

// TestBatchQuietPrintsOnlyErrors: --quiet is "print nothing but errors",
// but the portfolio's warnings (a person over-allocated across projects)
// were printed to stderr all the same, built or reused.
func TestBatchQuietPrintsOnlyErrors(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Portfolio(dir, 4, 60, 5); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	yaml := filepath.Join(dir, "portfolio.yaml")
	if code, _, stderr := run(t, "batch", yaml, "-o", out, "--as-of", "2026-11-20", "--format", "xlsx"); code != 0 || !strings.Contains(stderr, "portfolio.over-allocated") {
		t.Fatalf("exit %d; the test portfolio must warn of over-allocation: %s", code, stderr)
	}
	for _, again := range []string{"built", "reused"} {
		args := []string{"batch", yaml, "-o", out, "--as-of", "2026-11-20", "--format", "xlsx", "--quiet"}
		if again == "built" {
			args = append(args, "--force")
		}
		if code, stdout, stderr := run(t, args...); code != 0 || stdout != "" || stderr != "" {
			t.Errorf("--quiet, portfolio %s: exit %d, printed %q / %q", again, code, stdout, stderr)
		}
	}
}
