//go:build unix

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedBatch stops a batch with SIGINT and with SIGTERM in the
// middle: it exits 130, writes no portfolio from half a run, and leaves
// only complete files. How long the stop took is logged (measured, not
// asserted: the machine is shared).
func TestInterruptedBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the pmo binary")
	}
	bin := buildPMO(t)
	dir := manyProjects(t, 6) // 18 projects
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(bin, "batch", dir, "-o", out, "--jobs", "1", "--quiet")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(60 * time.Second)
			for {
				matches, _ := filepath.Glob(filepath.Join(out, "*", "status.pdf"))
				if len(matches) >= 1 || time.Now().After(deadline) {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			t.Logf("stopped %v after the signal", time.Since(sent).Round(time.Millisecond))
			ee, ok := err.(*exec.ExitError)
			if !ok || ee.ExitCode() != exitInterrupted {
				t.Fatalf("exit: %v, want %d\n%s", err, exitInterrupted, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") || strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
				t.Errorf("stderr, want one line saying interrupted: %q", stderr.String())
			}
			if _, err := os.Stat(filepath.Join(out, "portfolio.pdf")); err == nil {
				t.Error("portfolio.pdf written by an interrupted run")
			}
			if done, _ := filepath.Glob(filepath.Join(out, "*", "tracker.xlsx")); len(done) == 18 {
				t.Fatal("the run finished before the signal; the test proves nothing")
			}
			checkComplete(t, out)
			filepath.WalkDir(out, func(path string, e os.DirEntry, err error) error {
				if err == nil && strings.Contains(e.Name(), ".tmp") {
					t.Errorf("temporary file left: %s", path)
				}
				return nil
			})
		})
	}
}
