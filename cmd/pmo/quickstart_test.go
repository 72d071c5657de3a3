package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// asMain makes the test binary act as pmo itself when it runs itself with
// this variable set, so the quick start runs the real main with its real
// arguments, working directory and exit code.
const asMain = "PMO_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// quickStart returns the commands of the README's quick start: the first
// sh block after its heading, without comments.
func quickStart(t *testing.T, readme string) []string {
	t.Helper()
	_, after, ok := strings.Cut(readme, "\n## クイックスタート")
	if !ok {
		t.Fatal("README.md has no ## クイックスタート section")
	}
	_, block, ok := strings.Cut(after, "```sh\n")
	if !ok {
		t.Fatal("the quick start has no ```sh block")
	}
	block, _, _ = strings.Cut(block, "```")
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestReadmeQuickStart runs the README's Japanese quick start command by
// command in an empty folder, from the README text itself: every pmo
// command must succeed, and every cd must reach a folder.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := quickStart(t, string(readme))
	if len(lines) < 5 {
		t.Fatalf("the quick start has %d commands: %q", len(lines), lines)
	}
	dir := t.TempDir()
	ran := 0
	for _, line := range lines {
		args := strings.Fields(line)
		switch args[0] {
		case "cd":
			if len(args) != 2 {
				t.Fatalf("%q: cd takes one folder", line)
			}
			dir = filepath.Join(dir, filepath.FromSlash(args[1]))
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				t.Fatalf("%q: no such folder", line)
			}
		case "pmo":
			cmd := exec.Command(os.Args[0], args[1:]...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), asMain+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%q: %v\nstdout:\n%s\nstderr:\n%s", line, err, out, stderr.Bytes())
			}
			ran++
		default:
			t.Fatalf("%q: the quick start should use only pmo and cd", line)
		}
	}
	t.Logf("%d pmo commands ran", ran)
}
