package outdir_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmokit/pmo/internal/outdir"
)

func TestInside(t *testing.T) {
	t.Parallel()
	for rel, want := range map[string]bool{
		"p1/tracker.xlsx": true, "portfolio.pdf": true, ".history/p1/2025-01-01.json": true,
		"": false, "../x": false, "p1/../../x": false, "/etc/passwd": false, `p1\..\x`: false, "C:/x": false,
		"./p1/a": false, "p1//a": false, "p1/": false, "https://example.com/": false, "a\x00b": false,
	} {
		if got := outdir.Inside(rel); got != want {
			t.Errorf("Inside(%q) = %v, want %v", rel, got, want)
		}
	}
}

// TestSymlinkRefused plants links in the output folder: before the fix
// OUT/t -> .. wrote the project's files into the folder above OUT.
func TestSymlinkRefused(t *testing.T) {
	t.Parallel()
	top := t.TempDir()
	out := filepath.Join(top, "out")
	outside := filepath.Join(top, "elsewhere")
	for _, d := range []string{out, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("..", filepath.Join(out, "t")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := os.Symlink(filepath.Join(outside, "victim.txt"), filepath.Join(out, "f.txt")); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"t/tracker.xlsx", "t/deeper/x.pdf", "f.txt"} {
		err := outdir.WriteFile(out, rel, []byte("data"))
		if err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("%s: err = %v, want a refusal naming the link", rel, err)
		}
	}
	for _, p := range []string{filepath.Join(top, "tracker.xlsx"), filepath.Join(top, "deeper"), filepath.Join(outside, "victim.txt")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s written outside the output folder", p)
		}
	}
	if err := outdir.WriteFile(out, "../x", nil); err == nil {
		t.Error("../x accepted")
	}
}

// TestWriteSetTogether checks that a failure while writing one file of a
// set leaves every file of the previous set as it was.
func TestWriteSetTogether(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	if err := outdir.WriteSet(out, map[string][]byte{"p/a.xlsx": []byte("old a"), "p/b.pdf": []byte("old b")}); err != nil {
		t.Fatal(err)
	}
	// z.json cannot be written (a folder is in its place); it sorts last,
	// after a.xlsx and b.pdf have been written to their temporary names.
	if err := os.MkdirAll(filepath.Join(out, "p", "z.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := outdir.WriteSet(out, map[string][]byte{"p/a.xlsx": []byte("new a"), "p/b.pdf": []byte("new b"), "p/z.json": []byte("{}")})
	if err == nil {
		t.Fatal("no error for a folder in the way")
	}
	for name, want := range map[string]string{"a.xlsx": "old a", "b.pdf": "old b"} {
		got, _ := os.ReadFile(filepath.Join(out, "p", name))
		if string(got) != want {
			t.Errorf("%s = %q after a failed set, want %q", name, got, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(out, "p"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestLock(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	ctx := context.Background()
	first, err := outdir.Acquire(ctx, out, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := outdir.Acquire(ctx, out, false, nil); err == nil || !strings.Contains(err.Error(), "another pmo run (process ") {
		t.Fatalf("second lock without waiting: %v", err)
	}
	// A waiting run is told once who holds the lock and gets it on release.
	got := make(chan error, 1)
	var holder string
	go func() {
		l, err := outdir.Acquire(ctx, out, true, func(h string) { holder = h })
		if err == nil {
			err = l.Release()
		}
		got <- err
	}()
	time.Sleep(300 * time.Millisecond) // let it find the lock taken
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	if want := os.Getpid(); holder != strconv.Itoa(want) {
		t.Errorf("holder = %q, want %d", holder, want)
	}
	// A cancelled wait gives up.
	l, err := outdir.Acquire(ctx, out, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := outdir.Acquire(cctx, out, true, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: %v", err)
	}
}

func TestRemoveStaleTemp(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	keep := []string{"p/tracker.xlsx", "p/.tmpnot", "notes.tmp1"}
	gone := []string{"p/.tracker.xlsx.tmp123", ".portfolio.pdf.tmp9", ".history/p/.2025-01-01.json.tmp4"}
	for _, f := range append(keep, gone...) {
		path := filepath.Join(out, f)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outdir.RemoveStaleTemp(out)
	for _, f := range keep {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s removed", f)
		}
	}
	for _, f := range gone {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s left", f)
		}
	}
}
