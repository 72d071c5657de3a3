package value

import (
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"plain", "基本設計", "基本設計"},
		{"empty", "", ""},
		{"only blanks", " \u00a0\u3000\t\r\n ", ""},
		{"trims around", "\u00a0 Owner \u3000\t", "Owner"},
		{"keeps width and case", "ＡＢＣ abc", "ＡＢＣ abc"},
		{"crlf", "a\r\nb", "a\nb"},
		{"cr", "a\rb", "a\nb"},
		{"trailing blanks per line", "a  \nb\u3000\nc\u00a0", "a\nb\nc"},
		{"keeps inner indentation", "a\n  b", "a\n  b"},
		{"collapses blank lines", "a\n\n\n\nb", "a\n\nb"},
		{"blank line of spaces", "a\n  \n \r\n\nb", "a\n\nb"},
		{"keeps one blank line", "a\n\nb", "a\n\nb"},
		{"running log", "・2026-04-01 田中：確認\r\n・2026-04-02 鈴木：対応 \r\n", "・2026-04-01 田中：確認\n・2026-04-02 鈴木：対応"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := Text(c.in); got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{" 予定\n開始日（実績） ", "予定開始日実績"},
		{"\u00a0No.", "no."},
		{"% Complete", "%complete"},
		{"Task Name", "taskname"},
		{"taskname", "taskname"},
		{"ＷＢＳ　ＩＤ", "wbsid"},
		{"進捗(%)", "進捗%"},
		{"【課題No】", "課題no"},
		{"「担当者」", "担当者"},
		{"<備考>", "備考"},
		{"〈備考〉", "備考"},
		{"※備考", "備考"},
		{"予定・実績", "予定実績"},
		{"Owner:", "owner"},
		{"作業工数：予定", "作業工数予定"},
		{"*必須", "必須"},
		{"[列1]", "列1"},
		{"ｽﾃｰﾀｽ", "ステータス"},
		{"ID #", "id#"},
		{"担当者\r\n名", "担当者名"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			if got := Key(c.in); got != c.want {
				t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestIsErrorValue(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want bool
	}{
		{"#REF!", true}, {"#N/A", true}, {"#VALUE!", true}, {"#DIV/0!", true},
		{"#NAME?", true}, {"#NUM!", true}, {"#NULL!", true}, {"#SPILL!", true},
		{"#CALC!", true}, {"#GETTING_DATA", true}, {" #ref! ", true},
		{"#", false}, {"#1", false}, {"#REF", false}, {"N/A", false}, {"", false},
		{"#REF! 参照", false}, {"ID #", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			t.Parallel()
			if got := IsErrorValue(c.in); got != c.want {
				t.Errorf("IsErrorValue(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestHotPathsDoNotAllocate(t *testing.T) {
	cases := []struct {
		name string
		fn   func()
	}{
		{"Key ascii key", func() { Key("taskname") }},
		{"Key japanese", func() { Key("予定開始日") }},
		{"Text plain", func() { Text("基本設計") }},
		{"ParseDate word", func() { ParseDate("基本設計") }},
		{"ParseDate wbs code", func() { ParseDate("1.2.3") }},
		{"ParseDate iso", func() { ParseDate("2026-04-01") }},
		{"ParseDate japanese", func() { ParseDate("2026年4月1日(水)") }},
		{"ParseDate month day", func() { ParseDate("4/1") }},
		{"ParseNumber", func() { ParseNumber("123.5") }},
		{"ParseNumber word", func() { ParseNumber("基本設計") }},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(100, c.fn); n != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, n)
		}
	}
}

// definitionNeedsWork is textNeedsWork as first written, decoding every
// byte past ASCII: the byte loop must agree with it on every string.
func definitionNeedsWork(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			return true
		case '\n':
			run++
			if run >= 3 {
				return true
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); isBlank(r) {
				return true
			}
		case ' ', '\t':
		default:
			if s[i] < utf8.RuneSelf {
				run = 0
			} else if r, _ := utf8.DecodeRuneInString(s[i:]); !isBlank(r) {
				run = 0
			}
		}
	}
	return false
}

func TestTextNeedsWorkMatchesDefinition(t *testing.T) {
	t.Parallel()
	parts := []string{"a", "予定", "\n", " ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "\r", "\xe3", "\x80", "\xff", "\ufffd", "é"}
	// Every string of up to five parts.
	var walk func(s string, n int)
	walk = func(s string, n int) {
		if got, want := textNeedsWork(s), definitionNeedsWork(s); got != want {
			t.Fatalf("textNeedsWork(%q) = %v, want %v", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, p := range parts {
			walk(s+p, n-1)
		}
	}
	walk("", 5)
}
