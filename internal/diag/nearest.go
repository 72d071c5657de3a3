package diag

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Nearest returns the choice closest to s, ignoring case, when it is close
// enough to be a plausible typo of it (one edit per three letters, at
// least one); else "". Ties go to the earlier choice, so callers list
// choices in a fixed order.
func Nearest(s string, choices []string) string {
	best, bestDist := "", math.MaxInt
	ls := strings.ToLower(s)
	for _, c := range choices {
		if dist := EditDistance(ls, strings.ToLower(c)); dist < bestDist {
			best, bestDist = c, dist
		}
	}
	if best == "" || bestDist > max(1, utf8.RuneCountInString(best)/3) {
		return ""
	}
	return best
}

// EditDistance is the optimal-string-alignment distance between a and b
// in runes: insertions, deletions, substitutions and swaps of neighbours
// each cost 1, so "nmae" is one step from "name".
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		// Keys and commands are short; a long value is not a typo of one.
		return math.MaxInt
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
