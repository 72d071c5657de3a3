// Package golden compares test output with files under testdata, rewriting them with -update.
//
// Each test package registers its own -update flag and passes its value in,
// so this package keeps no state and `go test ./... -update` works for every
// package that uses it.
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the file at path, failing t with the first line
// that differs. With update set it writes got to path instead, creating
// the directory if needed.
func Check(t testing.TB, update bool, path string, got []byte) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
		return
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (run go test with -update to accept it after checking):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff describes the first line where got differs from want, with both
// line counts, or returns "" when they are equal.
func firstDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d (want %d lines, got %d):\n- %s\n+ %s", i+1, len(w), len(g), a, b)
		}
	}
	return ""
}
