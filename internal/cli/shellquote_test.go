package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestShellQuoteRoundTripsThroughSh pastes each quoted sheet name into a
// POSIX shell, as a user copying inspect's suggested flags would, and
// checks the shell hands back exactly one argument equal to the name.
func TestShellQuoteRoundTripsThroughSh(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on this machine")
	}
	names := []string{"WBS", "進捗管理表", "Bob's plan", "課題 (2024)", "a'b'c", "$HOME", "100%", "x`y`", `say "hi"`, "!bang", "-dash", "tab\there", "名前'付き 表"}
	for _, name := range names {
		quoted := shellQuote(name)
		out, err := exec.Command(sh, "-c", "set -- "+quoted+"; printf '%s\\n' \"$#\"; printf '%s' \"$1\"").Output()
		if err != nil {
			t.Fatalf("%q quoted as %s: sh: %v", name, quoted, err)
		}
		count, got, _ := strings.Cut(string(out), "\n")
		if count != "1" || got != name {
			t.Errorf("%q quoted as %s: sh read %s argument(s) %q", name, quoted, count, got)
		}
	}
}

// TestShellQuotePrefersDoubleQuotes keeps names that cmd.exe can take in
// double quotes, the only quoting cmd.exe knows.
func TestShellQuotePrefersDoubleQuotes(t *testing.T) {
	for name, want := range map[string]string{
		"WBS":        "WBS",
		"Bob's plan": `"Bob's plan"`,
		"課題 (2024)":  `"課題 (2024)"`,
		"100%":       `'100%'`,
	} {
		if got := shellQuote(name); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", name, got, want)
		}
	}
}
