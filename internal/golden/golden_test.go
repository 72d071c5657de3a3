package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func (r *recorder) Fatal(args ...any) { r.msgs = append(r.msgs, fmt.Sprint(args...)) }

func TestCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "x.golden")

	var r recorder
	Check(&r, false, path, []byte("a\n"))
	if len(r.msgs) != 1 || !strings.Contains(r.msgs[0], "-update to create it") {
		t.Fatalf("missing file: got %q, want one failure asking for -update", r.msgs)
	}

	r = recorder{}
	Check(&r, true, path, []byte("a\nb\n"))
	if len(r.msgs) != 0 {
		t.Fatalf("update: unexpected failures %q", r.msgs)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}

	r = recorder{}
	Check(&r, false, path, []byte("a\nb\n"))
	if len(r.msgs) != 0 {
		t.Fatalf("same output: unexpected failures %q", r.msgs)
	}

	r = recorder{}
	Check(&r, false, path, []byte("a\nc\n"))
	if len(r.msgs) != 1 || !strings.Contains(r.msgs[0], path) || !strings.Contains(r.msgs[0], "line 2") ||
		!strings.Contains(r.msgs[0], "- b\n+ c") {
		t.Fatalf("changed output: got %q, want one failure naming the file and line 2", r.msgs)
	}
}

func TestFirstDiff(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"changed line", "a\nb\nc", "a\nx\nc", "line 2 (want 3 lines, got 3):\n- b\n+ x"},
		{"extra line", "a\n", "a\nb\n", "line 2 (want 2 lines, got 3):\n- \n+ b"},
		{"missing line", "a\nb", "a", "line 2 (want 2 lines, got 1):\n- b\n+ "},
		{"only trailing newline", "a", "a\n", "line 2 (want 1 lines, got 2):\n- \n+ "},
		{"empty vs text", "", "x", "line 1 (want 1 lines, got 1):\n- \n+ x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if d := firstDiff(c.want, c.got); d != c.diff {
				t.Errorf("firstDiff(%q, %q) = %q, want %q", c.want, c.got, d, c.diff)
			}
		})
	}
}
