package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/sheet"
)

// buildPMO compiles the pmo binary for tests that run it as a process.
func buildPMO(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pmo")
	cmd := exec.Command("go", "build", "-o", bin, "../../cmd/pmo")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// manyProjects copies the example projects n times under new ids.
func manyProjects(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	idLine := regexp.MustCompile(`(?m)^  id: (\S+)`)
	for i := range n {
		for _, p := range []string{"kikan", "ec", "network"} {
			src := filepath.Join("..", "..", "examples", p)
			dst := filepath.Join(dir, p+string(rune('a'+i)))
			err := filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(src, path)
				target := filepath.Join(dst, rel)
				if e.IsDir() {
					return os.MkdirAll(target, 0o755)
				}
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				if e.Name() == "project.yaml" {
					data = idLine.ReplaceAll(data, []byte("  id: ${1}-"+string(rune('a'+i))))
				}
				return os.WriteFile(target, data, 0o644)
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestKilledBatchLeavesOnlyCompleteFiles kills a batch run with SIGKILL
// in the middle and checks that every output file there is whole: each
// workbook opens and each PDF passes qpdf (or at least ends in %%EOF where
// qpdf is not installed), and that the next run cleans up and completes.
func TestKilledBatchLeavesOnlyCompleteFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the pmo binary")
	}
	bin := buildPMO(t)
	dir := manyProjects(t, 6) // 18 projects
	out := t.TempDir()
	cmd := exec.Command(bin, "batch", dir, "-o", out, "--jobs", "1", "--quiet")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		matches, _ := filepath.Glob(filepath.Join(out, "*", "status.pdf"))
		if len(matches) >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	checkComplete(t, out)
	if done, _ := filepath.Glob(filepath.Join(out, "*", "tracker.xlsx")); len(done) == 18 {
		t.Fatal("the run finished before it was killed; the test proves nothing")
	}

	// The next run finishes the job and leaves no temporary file.
	rerun := exec.Command(bin, "batch", dir, "-o", out, "--quiet", "--fail-on", "red")
	var stderr bytes.Buffer
	rerun.Stderr = &stderr
	err := rerun.Run()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("rerun: %v\n%s", err, stderr.String())
	}
	checkComplete(t, out)
	trackers, _ := filepath.Glob(filepath.Join(out, "*", "tracker.xlsx"))
	if len(trackers) != 18 {
		t.Errorf("%d trackers after the rerun, want 18", len(trackers))
	}
	filepath.WalkDir(out, func(path string, e os.DirEntry, err error) error {
		if err == nil && strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
}

func checkComplete(t *testing.T, out string) {
	t.Helper()
	_, qpdfErr := exec.LookPath("qpdf")
	filepath.WalkDir(out, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			return nil
		}
		switch filepath.Ext(path) {
		case ".xlsx":
			if _, err := sheet.Open(path, sheet.OpenOptions{}); err != nil {
				t.Errorf("incomplete workbook %s: %v", path, err)
			}
		case ".pdf":
			data, _ := os.ReadFile(path)
			if !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
				t.Errorf("incomplete PDF %s", path)
			}
			if qpdfErr == nil {
				if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
					t.Errorf("qpdf --check %s: %v\n%s", path, err, out)
				}
			}
		}
		return nil
	})
}

// TestConcurrentBatches runs two batches on one output folder at once:
// before the lock the second run's start-up clean-up deleted the first
// run's temporary files and the last to finish won portfolio.*. Now the
// second waits, says so, and both finish with complete outputs.
func TestConcurrentBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the pmo binary")
	}
	bin := buildPMO(t)
	dir := manyProjects(t, 2) // 6 projects
	out := t.TempDir()
	var cmds [2]*exec.Cmd
	var stderr [2]bytes.Buffer
	for i := range cmds {
		cmds[i] = exec.Command(bin, "batch", dir, "-o", out, "--jobs", "1", "--force", "--fail-on", "none", "--as-of", "2025-06-30")
		cmds[i].Stderr = &stderr[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("run %d: %v\n%s", i, err, stderr[i].String())
		}
	}
	waited := 0
	for i := range stderr {
		if strings.Contains(stderr[i].String(), "waiting for another pmo run") {
			waited++
		}
	}
	if waited != 1 {
		t.Errorf("%d runs said they waited, want 1:\n%s\n%s", waited, stderr[0].String(), stderr[1].String())
	}
	checkComplete(t, out)
	trackers, _ := filepath.Glob(filepath.Join(out, "*", "tracker.xlsx"))
	if len(trackers) != 6 {
		t.Errorf("%d trackers, want 6", len(trackers))
	}
	for _, f := range []string{"portfolio.xlsx", "portfolio.pdf", "summary.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	filepath.WalkDir(out, func(path string, e os.DirEntry, err error) error {
		if err == nil && strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})

	// --no-wait fails at once, with one line, while the folder is held.
	held := exec.Command(bin, "batch", dir, "-o", out, "--jobs", "1", "--force", "--quiet", "--fail-on", "none")
	if err := held.Start(); err != nil {
		t.Fatal(err)
	}
	defer held.Wait()
	lock := filepath.Join(out, ".pmo", "lock")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if b, _ := os.ReadFile(lock); strings.TrimSpace(string(b)) == strconv.Itoa(held.Process.Pid) {
			break
		}
	}
	var e bytes.Buffer
	nowait := exec.Command(bin, "batch", dir, "-o", out, "--no-wait", "--lang", "en")
	nowait.Stderr = &e
	err := nowait.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitUsage || !strings.Contains(e.String(), "another pmo run (process ") || strings.Count(e.String(), "\n") != 1 {
		t.Errorf("--no-wait while held: %v\n%s", err, e.String())
	}
}
