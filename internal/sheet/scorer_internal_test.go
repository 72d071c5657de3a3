package sheet

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/project"
)

// definitionScore is score as first written, word by word: the
// definition the indexed scorer (scorer.go) must match exactly.
func definitionScore(kind project.Kind, field, key string) float64 {
	if key == "" {
		return 0
	}
	best := 0.0
	for _, fw := range fieldWords[kind] {
		if fw.field != field {
			continue
		}
		for _, w := range fw.words {
			s := definitionWordScore(key, w)
			if wt, ok := weakWords[w]; ok {
				s *= wt
			}
			best = max(best, s)
		}
	}
	if kind == project.KindWBS {
		best = max(best, wbsConceptScore(field, key, conceptsOf(key)))
		if numberedLevel(key) {
			switch field {
			case "level":
				return 0
			case "name":
				best = max(best, 0.9)
			}
		}
	}
	if field == "progress" && containsAny(key, "前回", "previous") {
		best *= 0.5
	}
	return best
}

func definitionWordScore(key, word string) float64 {
	if key == word {
		return 1
	}
	if len(word) == 0 || !strings.Contains(key, word) {
		return 0
	}
	if len(word) <= 3 && isASCII(word) {
		return 0
	}
	ratio := float64(utf8.RuneCountInString(word)) / float64(utf8.RuneCountInString(key))
	if strings.HasPrefix(key, word) || strings.HasSuffix(key, word) {
		return 0.55 + 0.4*ratio
	}
	return 0.4 + 0.4*ratio
}

// scoreKeys are labels to compare the scorers on: every vocabulary word
// alone, inside other text, numbered, after 前回, and pairs of words.
func scoreKeys() []string {
	keys := []string{"", "a", "no", "notes", "valid", "レベル1", "lv2", "階層3", "前回進捗率", "previousprogress", "予定開始日", "実績終了日", "計画工数", "実施完了", "2026年4月", "月", "火", "機能1-1作業3", "山田", "完了日", "最終日", "実完了日", "to", "from", "endtoend"}
	var words []string
	seen := map[string]bool{}
	for _, kind := range project.Kinds {
		for _, fw := range fieldWords[kind] {
			for _, w := range fw.words {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	for i, w := range words {
		keys = append(keys, w, "予定"+w, w+"日", "x"+w+"y", w+"1", "前回"+w, "実績"+w, w+"(h)")
		for j := i % 11; j < len(words); j += 101 {
			keys = append(keys, w+words[j])
		}
	}
	return keys
}

// TestScorerMatchesDefinition checks the indexed scorer against the
// definition for every kind, field and label of scoreKeys, through score,
// a shared scorer and a column of several parts.
func TestScorerMatchesDefinition(t *testing.T) {
	t.Parallel()
	keys := scoreKeys()
	sc := scorer{}
	for _, kind := range append(project.Kinds, "") {
		// Fields of another kind and of none go by the definition too.
		kfields := append([]string{"no_such_field", "planned_start", "name"}, fieldsOf(kind)...)
		for i, key := range keys {
			for _, f := range kfields {
				want := definitionScore(kind, f, key)
				if i%10 == 0 {
					if got := score(kind, f, key); got != want {
						t.Fatalf("score(%s, %s, %q) = %v, want %v", kind, f, key, got, want)
					}
				}
				if got := sc.column(kind, f, &Column{key: key, parts: []string{key}}); got != want {
					t.Fatalf("scorer.column(%s, %s, %q) = %v, want %v", kind, f, key, got, want)
				}
				c := Column{key: "予定" + key, parts: []string{"予定", key}}
				want2 := definitionScore(kind, f, c.key)
				if !(kind == project.KindWBS && conceptFields[f]) {
					want2 = max(want2, want)
				}
				if got := sc.column(kind, f, &c); got != want2 {
					t.Fatalf("scorer.column(%s, %s, %q/%q) = %v, want %v", kind, f, "予定", key, got, want2)
				}
			}
		}
	}
}
