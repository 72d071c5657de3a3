package project

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NameKey normalises a name for matching: width (NFKC), case and spaces,
// so 山田太郎, 山田 太郎 and 山田　太郎 are one person, and one task name.
func NameKey(s string) string {
	s = norm.NFKC.String(s)
	// Most names are already keys (no space, nothing to lower-case): return
	// them as they are.
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsSpace(r) || unicode.ToLower(r) != r {
			if !utf8.ValidString(s) {
				// Joining the fields can make bytes around a space one
				// character: the long way.
				return strings.ToLower(strings.Join(strings.Fields(s), ""))
			}
			// Spaces dropped and the rest lower-cased in one pass.
			var b strings.Builder
			b.Grow(len(s))
			for _, r := range s {
				if !unicode.IsSpace(r) {
					b.WriteRune(unicode.ToLower(r))
				}
			}
			return b.String()
		}
	}
	return s
}

// People looks people up by the names sheets use. It is the one place
// that decides when a sheet's 山田 is the YAML's 山田 太郎: the same name
// after NameKey, or a surname that starts exactly one listed name.
type People[V any] map[string]V

// Add lists a person (or an alias) with a value.
func (p People[V]) Add(name string, v V) { p[NameKey(name)] = v }

// Find returns the value of the person a sheet's name means.
func (p People[V]) Find(name string) (V, bool) {
	k := NameKey(name)
	if v, ok := p[k]; ok {
		return v, true
	}
	var found V
	n := 0
	if len(k) >= 3 { // one kanji at least; a single letter names nobody
		for full, v := range p {
			if strings.HasPrefix(full, k) {
				found, n = v, n+1
			}
		}
	}
	if n != 1 {
		var zero V
		return zero, false
	}
	return found, true
}
