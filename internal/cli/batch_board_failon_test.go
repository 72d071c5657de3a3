package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/batch/batchtest"
	"github.com/xuri/excelize/v2"
)

// TestBatchFailsOnABoardWarning: a person over-allocated across projects
// is a warning of the portfolio, so --fail-on warning exits 1 on it, as on
// a project's warning, while the default (error) and none do not; it is
// also the first record of the portfolio workbook's 全指摘 sheet. A rerun
// that keeps the portfolio outputs exits as the run that made them.
func TestBatchFailsOnABoardWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := batchtest.SharedPeople(t, dir, 40, 40)
	out := filepath.Join(dir, "out")
	args := []string{"batch", yaml, "-o", out, "--as-of", "2026-11-20", "--lang", "ja"}
	code, stdout, stderr := run(t, append(args, "--fail-on", "warning")...)
	if !strings.Contains(stderr, "[portfolio.over-allocated]") {
		t.Fatalf("no board warning printed:\n%s", stderr)
	}
	// The projects have no warnings of their own: the exit is the board's.
	if !strings.Contains(stdout, " 0/0 ") || strings.Contains(stdout, " 0/1 ") {
		t.Fatalf("the projects have findings of their own, the test proves nothing:\n%s", stdout)
	}
	if code != 1 {
		t.Errorf("--fail-on warning: exit %d, want 1\n%s", code, stderr)
	}
	for _, on := range []string{"error", "none", "red"} {
		if code, _, stderr := run(t, append(args, "--fail-on", on)...); code != 0 {
			t.Errorf("--fail-on %s: exit %d, want 0\n%s", on, code, stderr)
		}
	}

	f, err := excelize.OpenFile(filepath.Join(out, "portfolio.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("全指摘")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 || len(rows[2]) < 5 || rows[2][0] != "（ポートフォリオ）" || rows[2][1] != "警告" || rows[2][2] != "portfolio.over-allocated" ||
		!strings.HasPrefix(rows[2][4], "山本 太郎 は 2026-11-30 の週に 9.3 人日の予定") || !strings.Contains(rows[2][4], "alpha 4.7、beta 4.7") {
		t.Errorf("全指摘 does not start with the over-allocation: %q", rows)
	}

	// The runs above left the portfolio outputs as this one would write
	// them: they are kept (not rewritten), and the exit is still 1.
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range portfolioOutputs {
		if err := os.Chtimes(filepath.Join(out, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr = run(t, append(args, "--fail-on", "warning")...)
	if st, err := os.Stat(filepath.Join(out, "portfolio.xlsx")); err != nil || !st.ModTime().Equal(old) {
		t.Fatalf("the rerun rewrote the portfolio (%v): the kept path is not tested", err)
	}
	if code != 1 || !strings.Contains(stderr, "[portfolio.over-allocated]") {
		t.Errorf("rerun keeping the portfolio, --fail-on warning: exit %d, want 1\n%s", code, stderr)
	}
}
