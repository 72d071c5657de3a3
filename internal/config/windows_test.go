package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/japanese"

	"github.com/pmokit/pmo/internal/diag"
)

// notepad is a project definition as Notepad on Japanese Windows saves
// it: CRLF line ends, backslashes in paths, a multi-line comment.
var notepad = strings.ReplaceAll(`version: 1
project:
  id: crm
  name: 顧客管理システム刷新 ①～③
  pm: 山田 太郎
  start: 2026-04-01
  end: 2027-03-31
report:
  comment: |
    要件定義は完了。
    設計に着手。
sources:
  - file: teams\基盤\WBS.xlsx
    kind: wbs
  - file: teams/課題管理表.xlsx
    kind: issues
`, "\n", "\r\n")

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// TestWindowsEncodings reads the same definition saved as UTF-8, UTF-8
// with BOM, Shift_JIS (CP932) and UTF-16 with BOM: the same values every
// time, and a note naming the encoding whenever it was not UTF-8.
func TestWindowsEncodings(t *testing.T) {
	t.Parallel()
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(notepad))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		note string // part of the encoding finding; "" for none
	}{
		{"utf-8", []byte(notepad), ""},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), notepad...), ""},
		{"shift_jis", sjis, "Shift_JIS (CP932)"},
		{"utf-16le", utf16LE(notepad), "UTF-16 LE"},
		{"utf-16be", utf16BE(notepad), "UTF-16 BE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, found, err := Parse(filepath.Join("crm", "project.yaml"), tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if p.Project.Name != "顧客管理システム刷新 ①～③" || p.Project.PM != "山田 太郎" {
				t.Errorf("name %q, pm %q", p.Project.Name, p.Project.PM)
			}
			if p.Report.Comment != "要件定義は完了。\n設計に着手。" {
				t.Errorf("comment %q: CRLF must not leave \\r behind", p.Report.Comment)
			}
			if want := filepath.Join("crm", "teams", "基盤", "WBS.xlsx"); len(p.Sources) != 2 || p.Sources[0].Path != want {
				t.Errorf("sources %+v, want the first at %s", p.Sources, want)
			}
			var notes []diag.Finding
			for _, f := range found {
				if f.Rule == RuleEncoding {
					notes = append(notes, f)
				} else {
					t.Errorf("finding %v", f)
				}
			}
			switch {
			case tc.note == "" && len(notes) > 0:
				t.Errorf("UTF-8 gave %v", notes)
			case tc.note != "" && (len(notes) != 1 || !strings.Contains(notes[0].Message, tc.note) ||
				!strings.Contains(notes[0].MessageJA, tc.note) || notes[0].Severity != diag.Info):
				t.Errorf("want one note naming %s, got %v", tc.note, notes)
			}
		})
	}
	// Bytes that are neither UTF-8 nor Shift_JIS are still refused, at
	// the first bad byte.
	_, _, err = Parse("x.yaml", []byte("version: 1\r\nproject:\r\n  name: \x81\x20\xff\r\n"))
	if err == nil || !strings.Contains(err.Error(), "x.yaml:3:") {
		t.Errorf("neither UTF-8 nor Shift_JIS: %v", err)
	}
}

func TestWindowsAbs(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{
		`C:\pmo\kikan\project.yaml`: true, `c:/pmo/x.yaml`: true, `\\fileserver\pmo\x.yaml`: true,
		`//fileserver/pmo/x.yaml`: true, `teams\WBS.xlsx`: false, `/srv/pmo/x.yaml`: false,
		`C:relative.yaml`: false, `1:\x`: false, `\\`: false, `///x`: false, `kikan/project.yaml`: false,
	} {
		if got := windowsAbs(path); got != want {
			t.Errorf("windowsAbs(%q) = %v, want %v", path, got, want)
		}
		if foreignPath(path, "windows") {
			t.Errorf("foreignPath(%q) on Windows", path)
		}
		if foreignPath(path, "linux") != want {
			t.Errorf("foreignPath(%q) on Linux = %v", path, !want)
		}
	}
}

// TestPortfolioWindowsPaths lists projects with backslashes, a backslash
// glob, a drive letter and a UNC share. The first two are found on every
// system; the last two name the path as Windows-only elsewhere, and are
// opened as they are on Windows.
func TestPortfolioWindowsPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, "kikan/project.yaml", "teams/ec/project.yaml", "teams/nw/project.yaml")
	abs := filepath.Join(dir, "teams", "nw", "project.yaml")
	yaml := "version: 1\r\nprojects:\r\n  - kikan\\project.yaml\r\n  - teams\\*\\project.yaml\r\n" +
		"  - 'C:\\pmo\\x\\project.yaml'\r\n  - '\\\\fileserver\\pmo\\project.yaml'\r\n"
	if runtime.GOOS == "windows" {
		// An absolute path with its drive letter is taken as it is.
		yaml += "  - '" + abs + "'\r\n"
	}
	yaml += "output: 出力\\今週\r\n"
	path := filepath.Join(dir, "portfolio.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	p, found, err := LoadPortfolio(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range p.Projects {
		rel, _ := filepath.Rel(dir, r.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	if want := "kikan/project.yaml teams/ec/project.yaml teams/nw/project.yaml"; strings.Join(got, " ") != want {
		t.Errorf("projects %q, want %s", got, want)
	}
	if want := filepath.Join(dir, "出力", "今週"); p.OutputDir != want {
		t.Errorf("output %q, want %q", p.OutputDir, want)
	}
	windowsOnly := 0
	for _, f := range found {
		if strings.Contains(f.Message, "is a Windows path") {
			windowsOnly++
			if !strings.Contains(f.MessageJA, "Windows のパス") || f.Severity != diag.Error {
				t.Errorf("%v: %s", f, f.MessageJA)
			}
		}
	}
	if want := map[bool]int{true: 0, false: 2}[runtime.GOOS == "windows"]; windowsOnly != want {
		t.Errorf("%d Windows-path findings, want %d: %v", windowsOnly, want, found)
	}
}

// TestDuplicateSourceBySpelling lists one workbook twice, spelled with \
// and /: the rows would be counted twice, so it is a finding.
func TestDuplicateSourceBySpelling(t *testing.T) {
	t.Parallel()
	y := strings.Replace(minimal, "  - file: teams/課題管理表.xlsx\n    kind: issues\n", "  - file: teams\\基盤\\WBS.xlsx\n    kind: wbs\n", 1)
	_, found, err := Parse("project.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Rule != RuleDuplicateSource {
		t.Errorf("findings %v, want one %s", found, RuleDuplicateSource)
	}
}
