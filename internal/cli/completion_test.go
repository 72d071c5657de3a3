package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// shell returns the path of a shell the test drives, skipping when it is
// not installed (failing under CI, where .ci/run installs it).
func shell(t *testing.T, name string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the Unix shells are not run on Windows")
	}
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

func completionScript(t *testing.T, sh string) string {
	t.Helper()
	code, out, errOut := run(t, "completion", sh)
	if code != 0 {
		t.Fatalf("pmo completion %s: exit %d: %s", sh, code, errOut)
	}
	return out
}

// TestCompletionBash sources the bash script and asks it to complete, as
// bash does on Tab.
func TestCompletionBash(t *testing.T) {
	t.Parallel()
	bash := shell(t, "bash")
	dir := t.TempDir()
	script := filepath.Join(t.TempDir(), "pmo.bash")
	if err := os.WriteFile(script, []byte(completionScript(t, "bash")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"project.yaml", "portfolio.yaml", "WBS.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	tests := []struct {
		line string // the command line up to the cursor
		want []string
	}{
		{"pmo sta", []string{"status"}},
		{"pmo ", append(names, "help", "--help", "--version")},
		{"pmo report --for", []string{"--format"}},
		{"pmo report --format ", []string{"xlsx", "pdf", "xlsx,pdf"}},
		{"pmo inspect --kind ", []string{"wbs", "issues", "risks", "actions", "tests"}},
		{"pmo convert --kind=r", []string{"risks"}},
		{"pmo batch --fail-on ", []string{"error", "warning", "red", "unknown", "none"}},
		{"pmo status --lang ", []string{"ja", "en"}},
		{"pmo help val", []string{"validate"}},
		{"pmo completion p", []string{"powershell"}},
		{"pmo validate p", []string{"portfolio.yaml", "project.yaml"}},
		{"pmo init --id ", nil},
		{"pmo report -", []string{"--out", "-o", "--as-of", "--lang", "--format", "--font", "--meeting", "--no-history", "--no-wait", "--help", "-h"}},
	}
	for _, tc := range tests {
		words := strings.Split(tc.line, " ")
		if strings.Contains(words[len(words)-1], "=") {
			// bash splits --kind=r into --kind, = and r.
			flag, val, _ := strings.Cut(words[len(words)-1], "=")
			words = append(words[:len(words)-1], flag, "=", val)
		}
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, "'"+w+"'")
		}
		prog := "source " + script + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "\n_pmo\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%q: %v\n%s", tc.line, err, out)
			continue
		}
		got := strings.Fields(string(out))
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q completes to %q, want %q", tc.line, got, want)
		}
	}
}

// TestCompletionFish asks fish itself to complete command lines.
func TestCompletionFish(t *testing.T) {
	t.Parallel()
	fish := shell(t, "fish")
	dir := t.TempDir()
	script := filepath.Join(t.TempDir(), "pmo.fish")
	if err := os.WriteFile(script, []byte(completionScript(t, "fish")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "project.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string
		want []string
	}{
		{"pmo sta", []string{"status"}},
		{"pmo report --format ", []string{"pdf", "xlsx", "xlsx,pdf"}},
		{"pmo inspect --kind ", []string{"actions", "issues", "risks", "tests", "wbs"}},
		{"pmo batch --fail-on ", []string{"error", "none", "red", "unknown", "warning"}},
		{"pmo completion ", []string{"bash", "fish", "powershell", "zsh"}},
		{"pmo validate pro", []string{"project.yaml"}},
		{"pmo report --fo", []string{"--font", "--format"}},
	}
	for _, tc := range tests {
		cmd := exec.Command(fish, "--no-config", "-c", "source "+script+"; complete -C '"+tc.line+"'")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%q: %v\n%s", tc.line, err, out)
			continue
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if c, _, _ := strings.Cut(l, "\t"); c != "" {
				got = append(got, c)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q completes to %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestCompletionZsh checks the zsh script parses; driving zsh's
// completion system needs a terminal.
func TestCompletionZsh(t *testing.T) {
	t.Parallel()
	zsh := shell(t, "zsh")
	script := filepath.Join(t.TempDir(), "_pmo")
	if err := os.WriteFile(script, []byte(completionScript(t, "zsh")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(zsh, "-n", script).CombinedOutput(); err != nil {
		t.Errorf("zsh -n: %v\n%s", err, out)
	}
}

// TestCompletionCoversCommands checks every script names every command of
// the dispatcher and every flag of each, so a new command or flag is
// completed without editing the scripts; and that the PowerShell one,
// which Windows PowerShell 5 reads in the console's code page, is ASCII.
func TestCompletionCoversCommands(t *testing.T) {
	t.Parallel()
	for _, sh := range shellNames() {
		script := completionScript(t, sh)
		for _, c := range commands() {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s: command %s missing", sh, c.name)
			}
			fs := newFlagSet(c)
			c.flags(fs)
			for _, name := range flagNames(fs) {
				if !strings.Contains(script, name) {
					t.Errorf("%s: flag %s of %s missing", sh, name, c.name)
				}
			}
		}
		if sh == "powershell" {
			for i, r := range script {
				if r > 0x7e {
					t.Errorf("powershell script has %q at byte %d", r, i)
					break
				}
			}
		}
	}
	if code, _, errOut := run(t, "completion", "tcsh"); code != 2 || !strings.Contains(errOut, "tcsh") {
		t.Errorf("unknown shell: exit %d, %q", code, errOut)
	}
}
