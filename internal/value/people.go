package value

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// People splits a person cell into names. Names are separated by ・ 、 ､ , ，
// / ／ ; ； & ＆ or line breaks; a space inside a name ("山田 太郎") keeps it
// whole. Each name is trimmed and loses one trailing honorific (さん, さま,
// 様, 殿, くん, 君) when something is left; empty names and repeats are
// dropped, keeping the first occurrence's order. Names keep their width as
// typed. People returns nil when the cell names nobody.
//
// ・ separates names because Japanese sheets use it to list people
// ("田中・鈴木"); a katakana full name written with ・ ("ジョン・スミス")
// comes out as two names.
func People(s string) []string {
	var names []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isPersonSep(r) {
			names = addPerson(names, s[start:i])
			start = i + size
		}
		i += size
	}
	return addPerson(names, s[start:])
}

func isPersonSep(r rune) bool {
	switch r {
	case '・', '･', '、', '､', ',', '，', '/', '／', ';', '；', '&', '＆', '\n', '\r':
		return true
	}
	return false
}

func addPerson(names []string, s string) []string {
	name := trim(s)
	for _, h := range [...]string{"さん", "さま", "様", "殿", "くん", "君"} {
		if rest, ok := strings.CutSuffix(name, h); ok {
			if rest = trim(rest); rest != "" {
				name = rest
			}
			break
		}
	}
	if name == "" || slices.Contains(names, name) {
		return names
	}
	return append(names, name)
}
