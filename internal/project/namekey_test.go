package project

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNameKeyAsBefore checks NameKey's shortcut against the plain
// definition on names that take it and names that do not.
func TestNameKeyAsBefore(t *testing.T) {
	t.Parallel()
	plain := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(norm.NFKC.String(s)), "")) }
	names := []string{"", "山田太郎", "山田 太郎", "山田　太郎", "ﾔﾏﾀﾞ", "ＡＢＣ", "Yamada Taro", "yamada", "\xff山田", "山田\xff",
		"要件定義完了", "Ⅻ", "ǅ", "İstanbul", "\u0085x", "a\u00a0b", "\uFFFD", "①", "㍻", "ß", "ΣΑΣ", "\t\n"}
	pieces := []string{"山", "田", " ", "　", "A", "a", "ｱ", "ﾞ", "\xe3", "\x81", "Ⅲ", "Σ", "\u00a0", "-", "0", "\u0301", "ｶﾞ", "\uFFFD"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		names = append(names, b.String())
	}
	for _, s := range names {
		if got, want := NameKey(s), plain(s); got != want {
			t.Fatalf("NameKey(%q) = %q, want %q", s, got, want)
		}
	}
}
