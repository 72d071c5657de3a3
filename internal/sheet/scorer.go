package sheet

import (
	"strings"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/project"
)

// Header detection scores every label of the first rows — data rows
// included, since any of them may be the header — against every field of
// every kind: a thousand distinct labels and some seventy fields, each
// field with a dozen words. Scoring each (kind, field, label) triple on
// its own looked the same words up again and again, and built a map key
// for every lookup. Here a label is scored once per kind, all fields
// together, against the vocabulary indexed once: every distinct word
// with its weight and the set of bytes it is made of, so a word whose
// bytes the label lacks is ruled out without searching for it. The
// scores are exactly those of the word-by-word definition (see
// scorer_internal_test.go).

// vocabWord is one distinct word of fieldWords.
type vocabWord struct {
	text   string
	runes  int
	short  bool    // three ASCII bytes or fewer: must match the whole label
	weight float64 // weakWords' weight; 0 when the word is not weak
	bytes  byteSet
}

// kindVocab is one kind's fields in fieldsOf order, each with the
// indexes of its words in vocabIndex.words.
type kindVocab struct {
	fields []string
	words  [][]int32
	slot   map[string]int // field -> index in fields
}

type vocabIndex struct {
	words []vocabWord
	kinds map[project.Kind]*kindVocab
}

// vocab is fieldWords indexed; it is built once and never changed.
var vocab = buildVocab()

func buildVocab() *vocabIndex {
	v := &vocabIndex{kinds: map[project.Kind]*kindVocab{}}
	index := map[string]int32{}
	wordOf := func(w string) int32 {
		if i, ok := index[w]; ok {
			return i
		}
		i := int32(len(v.words))
		index[w] = i
		vw := vocabWord{text: w, runes: utf8.RuneCountInString(w), short: len(w) <= 3 && isASCII(w), bytes: bytesOf(w)}
		vw.weight = weakWords[w]
		v.words = append(v.words, vw)
		return i
	}
	for _, kind := range project.Kinds {
		kv := &kindVocab{slot: map[string]int{}}
		for _, f := range vocabFields(kind) {
			if _, dup := kv.slot[f]; !dup {
				kv.slot[f] = len(kv.fields)
			}
			var ws []int32
			for _, fw := range fieldWords[kind] {
				if fw.field != f {
					continue
				}
				for _, w := range fw.words {
					ws = append(ws, wordOf(w))
				}
			}
			kv.fields = append(kv.fields, f)
			kv.words = append(kv.words, ws)
		}
		v.kinds[kind] = kv
	}
	return v
}

// byteSet is the set of bytes a string holds.
type byteSet [4]uint64

func bytesOf(s string) byteSet {
	var b byteSet
	for i := 0; i < len(s); i++ {
		b[s[i]>>6] |= 1 << (s[i] & 63)
	}
	return b
}

// within reports whether every byte of b is in of: a string can only
// contain a word made of bytes it holds.
func (b byteSet) within(of byteSet) bool {
	return b[0]&^of[0] == 0 && b[1]&^of[1] == 0 && b[2]&^of[2] == 0 && b[3]&^of[3] == 0
}

// labelScores is what one normalised label scores: per kind, one score
// per field of kindVocab.fields, computed when first asked for.
type labelScores struct {
	key   string
	runes int
	bytes byteSet
	kinds map[project.Kind][]float64
}

func newLabelScores(key string) *labelScores {
	return &labelScores{key: key, runes: utf8.RuneCountInString(key), bytes: bytesOf(key)}
}

// word scores the label against vocabulary word i: 1 for the word
// itself, less the more other text surrounds it, 0 when the label does not
// hold it; a short ASCII word must be the whole label ("no" inside
// "notes" means nothing); a weak word is weighed down by its weight.
func (ls *labelScores) word(i int32) float64 {
	w := &vocab.words[i]
	s := 0.0
	switch {
	case ls.key == w.text:
		s = 1
	case len(w.text) == 0 || !w.bytes.within(ls.bytes) || !strings.Contains(ls.key, w.text):
	case w.short:
	default:
		ratio := float64(w.runes) / float64(ls.runes)
		if strings.HasPrefix(ls.key, w.text) || strings.HasSuffix(ls.key, w.text) {
			s = 0.55 + 0.4*ratio
		} else {
			s = 0.4 + 0.4*ratio
		}
	}
	if w.weight != 0 {
		s *= w.weight
	}
	return s
}

// of returns the label's scores for every field of kind.
func (ls *labelScores) of(kind project.Kind) []float64 {
	if s, ok := ls.kinds[kind]; ok {
		return s
	}
	kv := vocab.kinds[kind]
	out := make([]float64, len(kv.fields))
	if ls.key != "" {
		var cs concepts
		numbered, previous := false, false
		if kind == project.KindWBS {
			cs = conceptsOf(ls.key)
			numbered = numberedLevel(ls.key)
		}
		for fi, f := range kv.fields {
			if f == "progress" {
				previous = containsAny(ls.key, "前回", "previous")
			}
			out[fi] = ls.field(kind, f, kv.words[fi], cs, numbered, previous)
		}
	}
	if ls.kinds == nil {
		ls.kinds = map[project.Kind][]float64{}
	}
	ls.kinds[kind] = out
	return out
}

// field is score for one field, from the label's word scores.
func (ls *labelScores) field(kind project.Kind, field string, words []int32, cs concepts, numbered, previous bool) float64 {
	best := 0.0
	for _, w := range words {
		best = max(best, ls.word(w))
	}
	if kind == project.KindWBS {
		best = max(best, wbsConceptScore(field, ls.key, cs))
		// レベル1/レベル2/レベル3 are the name split over levels, not a
		// level number column.
		if numbered {
			switch field {
			case "level":
				return 0
			case "name":
				best = max(best, 0.9)
			}
		}
	}
	if field == "progress" && previous {
		best *= 0.5
	}
	return best
}

// score returns how well a normalised header names field for kind, 0..1:
// the best of its words (wordScore, weak words weighed down), and for a
// schedule the plan/actual × start/finish concepts.
func score(kind project.Kind, field, key string) float64 {
	kv := vocab.kinds[kind]
	fi, ok := 0, false
	if kv != nil {
		fi, ok = kv.slot[field]
	}
	if !ok {
		// A field of another kind: only the WBS concepts can score it.
		return newLabelScores(key).field(kind, field, nil, conceptsOf(key), kind == project.KindWBS && numberedLevel(key), containsAny(key, "前回", "previous"))
	}
	return newLabelScores(key).of(kind)[fi]
}

// scorer caches label scores within one detection: calendar areas repeat
// the same few labels (月, 火, 2026年4月) hundreds of times, and every
// band tried re-reads the labels of the rows before.
type scorer map[string]*labelScores

func (sc scorer) label(key string) *labelScores {
	ls, ok := sc[key]
	if !ok {
		ls = newLabelScores(key)
		sc[key] = ls
	}
	return ls
}

// column scores c for field: its combined label, or for a label of
// several parts also its lowest part alone, except for a schedule's
// date and effort concepts, which need the whole label (予定+開始日).
func (sc scorer) column(kind project.Kind, field string, c *Column) float64 {
	kv := vocab.kinds[kind]
	fi, ok := 0, false
	if kv != nil {
		fi, ok = kv.slot[field]
	}
	if !ok {
		// Not a field of kind (assign never offers one): the definition.
		s := score(kind, field, c.key)
		if len(c.parts) > 1 && !(kind == project.KindWBS && conceptFields[field]) {
			s = max(s, score(kind, field, c.parts[len(c.parts)-1]))
		}
		return s
	}
	return sc.columnAt(kind, fi, field, c)
}

// columnAt is column for the field at index fi of kind's fields.
func (sc scorer) columnAt(kind project.Kind, fi int, field string, c *Column) float64 {
	s := sc.label(c.key).of(kind)[fi]
	if len(c.parts) > 1 && !(kind == project.KindWBS && conceptFields[field]) {
		s = max(s, sc.label(c.parts[len(c.parts)-1]).of(kind)[fi])
	}
	return s
}
