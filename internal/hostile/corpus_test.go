//go:build linux

package hostile_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/hostile"
	"github.com/pmokit/pmo/internal/xlsxcheck"
)

// Budgets every case must stay within, measured on the pmo process itself
// (peak resident memory and CPU time from the kernel), not by a clock.
const (
	memoryBudget = 256 << 20
	cpuBudget    = 20 * time.Second
	// hangGuard kills a run that never ends: the hang is then the failure.
	hangGuard = 2 * time.Minute
)

// TestMain doubles as the writer of one case's files (PMO_HOSTILE_CASE,
// PMO_HOSTILE_DIR): big cases are generated in a process of their own, so
// the test process stays small. The kernel counts the memory of the
// process that starts pmo (its peak, shared until exec) in pmo's peak, so
// the figure is pmo's own only while the test process stays below it.
func TestMain(m *testing.M) {
	if name := os.Getenv("PMO_HOSTILE_CASE"); name != "" {
		for _, c := range hostile.Cases() {
			if c.Name == name && c.Files != nil {
				for file, data := range c.Files() {
					if err := os.MkdirAll(filepath.Dir(filepath.Join(os.Getenv("PMO_HOSTILE_DIR"), file)), 0o755); err != nil {
						panic(err)
					}
					if err := os.WriteFile(filepath.Join(os.Getenv("PMO_HOSTILE_DIR"), file), data, 0o644); err != nil {
						panic(err)
					}
				}
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// hwm is this process's peak resident memory (VmHWM), in bytes.
func hwm() int64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb << 10
		}
	}
	return 0
}

// TestCorpus runs every hostile case through the pmo binary and checks
// the promise for bad input: the exit code, one line on stderr naming the
// file, nothing written, the inputs unchanged, and memory and CPU within
// budget.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the pmo binary")
	}
	bin := filepath.Join(t.TempDir(), "pmo")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/pmo").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cases := hostile.Cases()
	if len(cases) < 60 {
		t.Errorf("%d cases, want at least 60", len(cases))
	}
	var (
		mu    sync.Mutex
		worst struct {
			name string
			rss  int64
		}
		clean int
	)
	t.Cleanup(func() {
		t.Logf("%d cases, %d clean errors; worst peak memory %.1f MB (%s); the test process's own peak %.1f MB is the floor of every figure",
			len(cases), clean, float64(worst.rss)/(1<<20), worst.name, float64(hwm())/(1<<20))
	})
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Name] {
			t.Errorf("case %s twice", c.Name)
		}
		seen[c.Name] = true
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			gen := exec.Command(os.Args[0])
			gen.Env = append(os.Environ(), "PMO_HOSTILE_CASE="+c.Name, "PMO_HOSTILE_DIR="+dir)
			if out, err := gen.CombinedOutput(); err != nil {
				t.Fatalf("writing the case: %v\n%s", err, out)
			}
			if c.Setup != nil {
				if err := c.Setup(dir); err != nil {
					t.Skipf("cannot set up: %v", err)
				}
			}
			before := snapshot(t, dir)
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, c.Args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), c.Env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("pmo %v did not finish: it hangs", c.Args)
			}
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			rss := ru.Maxrss << 10 // KB on Linux
			cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			t.Logf("%s: exit %d, peak %.1f MB, cpu %v: %s", c.Name, code, float64(rss)/(1<<20), cpu.Round(time.Millisecond), strings.TrimSpace(stderr.String()))

			msg := strings.TrimSpace(stderr.String())
			ok := true
			if code != c.Exit {
				t.Errorf("exit %d, want %d\nstderr: %s\nstdout: %s", code, c.Exit, msg, stdout.String())
				ok = false
			}
			if c.Exit != 1 && strings.Contains(msg, "\n") {
				t.Errorf("stderr is not one line:\n%s", msg)
				ok = false
			}
			if !strings.Contains(msg, c.File) || !strings.Contains(msg, c.Message) {
				t.Errorf("stderr %q does not name %s with %q", msg, c.File, c.Message)
				ok = false
			}
			if strings.Contains(msg, "goroutine ") || strings.Contains(msg, "panic") || strings.Contains(msg, "internal error") {
				t.Errorf("a crash, not an error: %s", msg)
				ok = false
			}
			if !c.Writes {
				if w := written(t, filepath.Join(dir, "out")); len(w) > 0 {
					t.Errorf("files written: %v", w)
					ok = false
				}
			}
			if c.Output {
				ok = excelSafe(t, filepath.Join(dir, "out")) && ok
			}
			after := snapshot(t, dir)
			for name, sum := range before {
				if after[name] != sum {
					t.Errorf("input %s changed", name)
					ok = false
				}
			}
			for name := range after {
				if _, was := before[name]; !was && !strings.HasPrefix(name, "out") {
					t.Errorf("%s created beside the inputs", name)
					ok = false
				}
			}
			if rss > memoryBudget {
				t.Errorf("peak memory %d MB, budget %d MB", rss>>20, memoryBudget>>20)
				ok = false
			}
			if cpu > cpuBudget {
				t.Errorf("cpu time %v, budget %v", cpu, cpuBudget)
				ok = false
			}
			mu.Lock()
			if ok {
				clean++
			}
			if rss > worst.rss {
				worst.name, worst.rss = c.Name, rss
			}
			mu.Unlock()
		})
	}
}

// excelSafe checks every workbook a run wrote below out for what makes
// Excel repair a file; a run that wrote none fails, since the case is
// there to check its outputs.
func excelSafe(t *testing.T, out string) bool {
	t.Helper()
	var books []string
	filepath.WalkDir(out, func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".xlsx") {
			books = append(books, path)
		}
		return nil
	})
	if len(books) == 0 {
		t.Errorf("no workbook written below %s", out)
		return false
	}
	ok := true
	for _, b := range books {
		ps, err := xlsxcheck.File(b)
		if err != nil {
			t.Errorf("%s: %v", b, err)
			ok = false
		}
		for _, p := range ps {
			t.Errorf("%s: %s", filepath.Base(b), p)
			ok = false
		}
	}
	for _, r := range xlsxcheck.CheckWithNode(t, books...) {
		if r.Failure() != "" {
			ok = false
		}
	}
	t.Logf("%d workbooks checked, also with SheetJS and ExcelJS", len(books))
	return ok
}

// snapshot fingerprints every entry below dir without following links:
// regular files by content, the rest by type.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == "out" && e.IsDir() {
			return filepath.SkipDir // pmo's own; checked by written
		}
		st, err := os.Lstat(path)
		if err != nil {
			return err
		}
		switch {
		case st.Mode().IsRegular() && st.Size() < 64<<20:
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			m[rel] = string(sha256.New().Sum(data))
		case st.Mode().IsRegular():
			m[rel] = st.ModTime().String() + " " + st.Mode().String() // sparse giants: not read
		default:
			target, _ := os.Readlink(path)
			m[rel] = st.Mode().Type().String() + " " + target
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// written lists what a run left in out other than its empty lock file
// and links the case planted there.
func written(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(out, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(out, path)
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink != 0 || rel == filepath.Join(".pmo", "lock") && st.Size() == 0 {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	slices.Sort(files)
	return files
}
