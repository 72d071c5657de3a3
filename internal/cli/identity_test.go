package cli

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSameOutputsFromAnywhere runs the examples from the repository root,
// from examples/ and with absolute paths from elsewhere: before sources
// were named relative to the project's folder, 11 output files differed
// and every issue was "new" in the changes since the last run.
func TestSameOutputsFromAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the pmo binary")
	}
	bin := buildPMO(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	runs := []struct{ name, dir, portfolio, project string }{
		{"root", root, "examples/portfolio.yaml", "examples/kikan/project.yaml"},
		{"examples", filepath.Join(root, "examples"), "portfolio.yaml", "kikan/project.yaml"},
		{"absolute", elsewhere, filepath.Join(root, "examples", "portfolio.yaml"), filepath.Join(root, "examples", "kikan", "project.yaml")},
	}
	var outs []string
	for _, r := range runs {
		out := t.TempDir()
		for _, args := range [][]string{
			// One job: the history database numbers its rows in the order
			// projects finish, which parallel runs do not fix.
			{"batch", r.portfolio, "-o", filepath.Join(out, "batch"), "--as-of", "2026-11-20", "--quiet", "--fail-on", "none", "--jobs", "1"},
			{"report", r.project, "-o", filepath.Join(out, "report"), "--as-of", "2026-11-20"},
			// A second status date, so the changes since the last run are compared too.
			{"report", r.project, "-o", filepath.Join(out, "report"), "--as-of", "2026-11-27"},
		} {
			cmd := exec.Command(bin, args...)
			cmd.Dir = r.dir
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: pmo %v: %v\n%s", r.name, args, err, b)
			}
		}
		outs = append(outs, out)
	}
	files := tree(t, outs[0])
	if len(files) < 15 {
		t.Fatalf("only %d files written", len(files))
	}
	for i, out := range outs[1:] {
		other := tree(t, out)
		if len(other) != len(files) {
			t.Errorf("%s: %d files, want %d", runs[i+1].name, len(other), len(files))
		}
		for name, data := range files {
			if !bytes.Equal(other[name], data) {
				t.Errorf("%s differs between running from %s and from %s", name, runs[0].name, runs[i+1].name)
			}
		}
	}
}

// tree reads every file below dir, by relative path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		m[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
