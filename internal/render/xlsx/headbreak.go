package xlsx

import "strings"

// headerBreak finds where a header label may break onto two lines: at a
// space; between the words of a kanji compound (see kanjiWords: 予定|開始日,
// 未完了|課題, never 担当|者); before or after katakana; before
// a kanji that follows kana. Never inside a katakana or Latin word
// (タス|ク), between a kanji and its kana (遅|れ), next to brackets or
// prolonged-sound marks, or leaving a single character on a line. It
// returns the two lines balanced as well as the rules allow, ok false
// when the label cannot break.
func headerBreak(label string) (first, second string, ok bool) {
	rs := []rune(label)
	best, bestW := -1, textWidth(label)
	words := kanjiWords(rs)
	for i := 1; i < len(rs); i++ {
		a, c := scriptOf(rs[i-1]), scriptOf(rs[i])
		can := false
		switch {
		case rs[i-1] == ' ' || rs[i] == ' ':
			can = rs[i-1] == ' '
		case a == scOther || c == scOther:
		case a == scKanji && c == scKanji:
			can = words[i]
		case a == c:
		case a == scKata || c == scKata, a == scHira && c == scKanji, a == scLatin || c == scLatin:
			can = true
		}
		if !can {
			continue
		}
		l1, l2 := strings.TrimRight(string(rs[:i]), " "), strings.TrimLeft(string(rs[i:]), " ")
		if len([]rune(l1)) < 2 || len([]rune(l2)) < 2 {
			continue
		}
		if w := max(textWidth(l1), textWidth(l2)); w < bestW {
			best, bestW = i, w
		}
	}
	if best < 0 {
		return label, "", false
	}
	return strings.TrimRight(string(rs[:best]), " "), strings.TrimLeft(string(rs[best:]), " "), true
}

// kanjiWords marks, for each i, whether a kanji compound has a word
// boundary before rs[i]. Without a dictionary, a run is read as
// two-character words (most kanji words are), a negating or totalling
// prefix (未, 非, 再, 総, 各, 全) joined to the word after it and a
// character left over (日, 率, 者) joined to the word before.
func kanjiWords(rs []rune) []bool {
	out := make([]bool, len(rs)+1)
	for i := 0; i < len(rs); {
		if scriptOf(rs[i]) != scKanji {
			i++
			continue
		}
		end := i
		for end < len(rs) && scriptOf(rs[end]) == scKanji {
			end++
		}
		var starts []int
		for j := i; j < end; {
			n := 2
			if strings.ContainsRune("未非再総各全", rs[j]) {
				n = 3
			}
			if end-(j+n) == 1 {
				n++ // a lone last character belongs to this word
			}
			starts = append(starts, j)
			j += n
		}
		for _, st := range starts[1:] {
			out[st] = true
		}
		i = end
	}
	return out
}

type script int

const (
	scOther script = iota // punctuation, brackets, ー: no break beside it
	scKanji
	scHira
	scKata
	scLatin
)

func scriptOf(r rune) script {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF || r == '々':
		return scKanji
	case r >= 0x3041 && r <= 0x309F:
		return scHira
	case r >= 0x30A1 && r <= 0x30FA:
		return scKata
	case r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '.' || r == '-' || r == '/' || r == '%':
		return scLatin
	}
	return scOther
}
