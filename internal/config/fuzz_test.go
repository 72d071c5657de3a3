package config

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/hostile"
)

// yamlLines splits data the way YAML counts lines: CR LF, CR, LF, NEL,
// LS and PS each end a line.
func yamlLines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.NewReplacer("\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	return strings.Split(s, "\n")
}

// checkPos fails unless p is in the file: on an existing line and at most
// one column past its end. Row 0 (and then Col 0) is allowed only when
// zeroOK, for errors about the whole file.
func checkPos(t *testing.T, what string, p diag.Pos, path string, lines []string, zeroOK bool) {
	t.Helper()
	if p.File != path {
		t.Fatalf("%s: file %q, want %q", what, p.File, path)
	}
	if p.Row == 0 && zeroOK && p.Col == 0 {
		return
	}
	if p.Row < 1 || p.Row > len(lines) {
		t.Fatalf("%s: row %d outside 1..%d", what, p.Row, len(lines))
	}
	if p.Col == 0 && zeroOK {
		return
	}
	if p.Col < 1 || p.Col > utf8.RuneCountInString(lines[p.Row-1])+1 {
		t.Fatalf("%s: col %d outside line %d %q", what, p.Col, p.Row, lines[p.Row-1])
	}
}

func checkFindings(t *testing.T, found diag.Findings, path string, lines []string) {
	t.Helper()
	for _, f := range found {
		checkPos(t, f.Message, f.Pos, path, lines, false)
		if f.Rule == "" || f.Message == "" || strings.ContainsAny(f.Message, "\n\r") || f.Severity < diag.Info || f.Severity > diag.Error {
			t.Fatalf("malformed finding %+v", f)
		}
	}
}

func checkError(t *testing.T, err error, path string, lines []string) {
	t.Helper()
	var ie *diag.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *diag.InputError", err, err)
	}
	checkPos(t, ie.Msg, ie.Pos, path, lines, true)
	if ie.Msg == "" || strings.ContainsAny(ie.Msg, "\n\r") {
		t.Fatalf("error message %q is not one line", ie.Msg)
	}
	// Every error the loader makes has a Japanese wording.
	if ie.MsgJA == "" || strings.ContainsAny(ie.MsgJA, "\n\r") {
		t.Fatalf("Japanese message %q for %q is missing or not one line", ie.MsgJA, ie.Msg)
	}
}

func seeds(f *testing.F) {
	for _, s := range []string{
		minimal, portfolioYAML, head, top("teams:\n  - name: 基盤\n    members: [a, {name: b, capacity: 3}]"),
		withSources("  - file: a.xlsx\n    columns: {owner: F, due: 3}\n    header_rows: [1, 2]"),
		"version: 1\nx: &a 1\ny: *a\n", "version: 1\nproject:\n\tid: crm\n", "- a\n", "version: 2\n",
		"version: 1\n---\nversion: 1\n", "version: 1\rproject: {id: a}\u2028sources: 1\u0085x: y",
		"\ufeffversion: 1\nproject: {start: 2026/4/1, end: 2026-02-30}\n",
		"version: 1\ncalendar: {days_off: [\"2027-01-03..2026-12-29\", 2026-12-29..x]}\n",
		"version: 1\nthresholds: {spi: {amber: .nan, red: 1e400}, overdue_high_issues: {amber: 99999999999}}\n",
	} {
		f.Add([]byte(s))
	}
	// The hostile corpus's project and portfolio files.
	for _, kind := range []string{hostile.KindYAML, hostile.KindPortfolio} {
		for _, s := range hostile.Seeds(kind) {
			f.Add(s)
		}
	}
}

func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		const path, name = "fuzz/project.yaml", "project.yaml" // positions name the base
		p, found, err := Parse(path, data)
		if err != nil {
			if p != nil || found != nil {
				t.Fatal("a project or findings came with an error")
			}
			checkError(t, err, name, yamlLines(data))
			return
		}
		if p == nil {
			t.Fatal("no project and no error")
		}
		lines := yamlLines(data)
		checkFindings(t, found, name, lines)
		for _, s := range p.Sources {
			if s.File != "" {
				checkPos(t, "source", s.FilePos, name, lines, false)
			}
		}
		_, again, _ := Parse(path, data)
		if !slices.Equal(found, again) {
			t.Fatalf("findings differ between runs:\n%v\n%v", found, again)
		}
	})
}

func FuzzParsePortfolio(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		const path, name = "fuzz/portfolio.yaml", "portfolio.yaml"
		p, found, err := ParsePortfolio(path, data)
		lines := yamlLines(data)
		if err != nil {
			checkError(t, err, name, lines)
			return
		}
		checkFindings(t, found, name, lines)
		for _, pat := range p.Patterns {
			checkPos(t, pat.Text, pat.Pos, name, lines, false)
		}
		// Defaults from any portfolio must apply to any project without harm.
		proj, _, err := Parse("p.yaml", []byte(minimal))
		if err != nil {
			t.Fatal(err)
		}
		proj.ApplyDefaults(p.Defaults)
		if proj.Calendar.Holidays == "" || proj.Report.Lang == "" {
			t.Fatalf("defaults emptied a setting: %+v %+v", proj.Calendar, proj.Report)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-04-01", "2026/4/1", "2026-02-29", "0000-01-01", "2026-1-", "9999/12/31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDate(s)
		if !ok {
			if d != 0 {
				t.Fatalf("parseDate(%q) = %v with ok false", s, d)
			}
			return
		}
		y, m, day := d.YMD()
		if y < 1900 || y > 9999 {
			t.Fatalf("parseDate(%q) = %s, out of range", s, d)
		}
		if back, ok := parseDate(d.String()); !ok || back != d {
			t.Fatalf("parseDate(%q) = %s does not round-trip (%v %v %v)", s, d, y, m, day)
		}
	})
}
