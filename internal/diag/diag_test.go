package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestColumnName(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", n, got, want)
		}
		if got := ColumnNumber(want); got != n {
			t.Errorf("ColumnNumber(%s) = %d, want %d", want, got, n)
		}
	}
	if ColumnNumber("XFE") != 0 || ColumnNumber("A1") != 0 || ColumnNumber("") != 0 {
		t.Error("invalid column names accepted")
	}
}

func TestPosString(t *testing.T) {
	t.Parallel()
	cases := []struct {
		p    Pos
		want string
	}{
		{Pos{File: "WBS.xlsx", Sheet: "WBS", Row: 12, Col: 3}, "WBS.xlsx!WBS!C12"},
		{Pos{File: "WBS.xlsx", Sheet: "WBS", Row: 12}, "WBS.xlsx!WBS!12"},
		{Pos{File: "WBS.xlsx", Sheet: "WBS"}, "WBS.xlsx!WBS"},
		{Pos{File: "project.yaml", Row: 14, Col: 7}, "project.yaml:14:7"},
		{Pos{File: "a.csv", Row: 3, CSV: true}, "a.csv:3"},
		{Pos{File: "a.csv", Row: 3, Col: 2, CSV: true}, "a.csv:3!B"},
		{Pos{File: "チーム/工程表.xlsx", Sheet: "WBS（全体）", Row: 1048576, Col: 16384}, "チーム/工程表.xlsx!WBS（全体）!XFD1048576"},
		{Pos{File: "p.xml", Sheet: "ignored", Row: 4, Col: 2, Path: XMLPath("Task[UID=12]", "Name,Start,Finish")}, "p.xml#Task[UID=12]/Start"},
		{Pos{File: "p.xml", Row: 4, Col: 9, Path: XMLPath("Task[UID=12]", "Name,Start")}, "p.xml#Task[UID=12]"},
		{Pos{File: "x.xlsx", Sheet: "S", Row: 2, Col: 28}, "x.xlsx!S!AB2"},
		{Pos{File: "project.yaml", Col: 7}, "project.yaml"},
		{Pos{}, ""},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.want {
			t.Errorf("%+v: got %s, want %s", c.p, got, c.want)
		}
	}
}

// TestNeedsEscape checks the byte scan against the rune test it replaced.
func TestNeedsEscape(t *testing.T) {
	t.Parallel()
	runeTest := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == utf8.RuneError })
	}
	pieces := []string{"a", "課題", "\n", "\t", "\x7f", "\x00", "\xff", "\xe3\x81", "\uFFFD", "\u0080", "\u00a0", "」", " ", "\x1f", "\xef\xbf", "\xbd"}
	var cases []string
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				cases = append(cases, a+b+c)
			}
		}
	}
	for _, s := range cases {
		if got, want := needsEscape(s), runeTest(s); got != want {
			t.Errorf("needsEscape(%q) = %v, want %v", s, got, want)
		}
	}
}
