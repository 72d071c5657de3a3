package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/diag"
)

// TestErrorLanguage checks that one-line errors follow the command's
// --lang and are Japanese without it.
func TestErrorLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// inspect and convert name the sheet by its base name, the way its
	// findings name it; YAML files keep the path as given.
	xlsx := filepath.Join(dir, "missing.xlsx")
	yaml := filepath.Join(dir, "none.yaml")
	tabs := filepath.Join(dir, "tabs.yaml")
	if err := os.WriteFile(tabs, []byte("version: 1\nproject:\n\tid: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"inspect default ja", []string{"inspect", xlsx}, "missing.xlsx" + ": ファイルが見つかりません"},
		{"inspect --lang en", []string{"inspect", "--lang", "en", xlsx}, "missing.xlsx" + ": file not found"},
		{"inspect --lang ja", []string{"inspect", "--lang", "ja", xlsx}, "missing.xlsx" + ": ファイルが見つかりません"},
		{"validate default ja", []string{"validate", yaml}, yaml + ": ファイルが見つかりません"},
		{"validate --lang en", []string{"validate", "--lang", "en", yaml}, yaml + ": file not found"},
		{"yaml position kept", []string{"status", tabs}, tabs + ":3:1: インデントにタブが使われています。YAML のインデントにはスペースしか使えません"},
		{"yaml position kept en", []string{"status", "--lang", "en", tabs}, tabs + ":3:1: a tab is used for indentation; YAML allows only spaces there"},
		{"report default ja", []string{"report", yaml, "-o", filepath.Join(dir, "out")}, yaml + ": ファイルが見つかりません"},
		{"batch default ja", []string{"batch", dir}, dir + ": このフォルダーの下に */project.yaml がありません"},
		{"batch --lang en", []string{"batch", "--lang", "en", dir}, dir + ": no */project.yaml below this folder"},
		{"convert --lang en", []string{"convert", "--lang", "en", xlsx, "-o", filepath.Join(dir, "t.xlsx")}, "missing.xlsx" + ": file not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := run(t, c.args...)
			// Positions name files with / on every system.
			if want := "pmo: error: " + filepath.ToSlash(c.want) + "\n"; code != 2 || out != "" || errOut != want {
				t.Errorf("%v: exit %d, stdout %q, stderr\n%q\nwant\n%q", c.args, code, out, errOut, want)
			}
		})
	}
}

// TestUnreadableSourceLanguage checks the source-unreadable finding made
// from an input error carries both wordings.
func TestUnreadableSourceLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "project.yaml")
	yaml := "version: 1\nproject:\n  id: p\n  name: P\n  pm: Pat\n  start: 2026-04-01\n  end: 2027-03-31\nsources:\n  - file: gone.xlsx\n    kind: wbs\n"
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.ToSlash(filepath.Join(dir, "gone.xlsx"))
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"default ja", []string{"validate", path}, gone + ": ファイルが見つかりません [source-unreadable]"},
		{"--lang en", []string{"validate", "--lang", "en", path}, gone + ": file not found [source-unreadable]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := run(t, c.args...)
			// Exit 2: a source that cannot be read fails the run.
			if code != 2 || !strings.Contains(out, "error: "+c.want+"\n") {
				t.Errorf("exit %d, want 2 and %q in\n%s%s", code, c.want, out, errOut)
			}
		})
	}
}

func TestErrorLang(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		opts any
		want string
	}{
		{"no options", nil, "ja"},
		{"command without --lang", struct{}{}, "ja"},
		{"--lang not given", &validateOptions{}, "ja"},
		{"--lang en", &statusOptions{lang: "en"}, "en"},
		{"--lang ja", &batchOptions{lang: "ja"}, "ja"},
		{"init --lang en", &initOptions{lang: "en"}, "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := errorLang(c.opts); got != c.want {
				t.Errorf("errorLang(%#v) = %q, want %q", c.opts, got, c.want)
			}
		})
	}
}

// TestReportError checks what reportError makes of errors that are not a
// bare input error: wrapped ones keep the wrapping, others stay English.
func TestReportError(t *testing.T) {
	t.Parallel()
	at := diag.Pos{File: "a.xlsx"}
	cases := []struct {
		name string
		err  error
		lang string
		want string
	}{
		{"wrapped ja", fmt.Errorf("writing the tracker: %w", diag.Errorf(at, "file is empty")), "ja", "writing the tracker: a.xlsx: ファイルが空です"},
		{"wrapped en", fmt.Errorf("writing the tracker: %w", diag.Errorf(at, "file is empty")), "en", "writing the tracker: a.xlsx: file is empty"},
		{"line break stays escaped", diag.Errorf(at, "no sheet named %q (sheets: %s)", "W\nBS", "W\nBS"), "ja", `a.xlsx: シート「W\nBS」がありません（あるシート: W\nBS）`},
		{"not an input error", errors.New("interrupted"), "ja", "interrupted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if code := reportError(&b, find("inspect"), c.lang, c.err); code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if got, want := b.String(), "pmo: error: "+c.want+"\n"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
