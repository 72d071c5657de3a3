package outdir_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/outdir"
)

// A staged file replaces the previous version only on Commit; Discard
// leaves it, and neither leaves a temporary file behind.
func TestStage(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	if err := outdir.WriteFile(out, "summary.json", []byte("old")); err != nil {
		t.Fatal(err)
	}
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	s, err := outdir.Stage(out, "summary.json", write("discarded"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "summary.json")); string(got) != "old" {
		t.Errorf("before Commit: %q, want the previous version", got)
	}
	s.Discard()
	if s, err = outdir.Stage(out, "summary.json", write("new")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "summary.json")); string(got) != "new" {
		t.Errorf("after Commit: %q, want new", got)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// Like WriteFile, never through a link planted at the name.
	if err := os.Symlink(filepath.Join(out, "summary.json"), filepath.Join(out, "link.json")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if _, err := outdir.Stage(out, "link.json", write("x")); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("staging over a link: err = %v, want a refusal", err)
	}
}
