package config

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"
)

// refold re-folds every folded block scalar (comment: >) of the document
// from its source lines, joining two lines without the space YAML inserts
// when both sides of the break are wide (CJK) characters: a Japanese
// sentence wrapped in the editor must read 計画どおり進捗, not 計画どおり 進捗.
// This is the segment-break rule of CSS Text Level 3 (both sides East
// Asian Wide or Fullwidth).
// A value whose lines cannot be matched to the parser's reading is left as
// the parser gave it.
func refold(n *yaml.Node, lines [][]byte) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 {
		if v, ok := foldCJK(n, lines); ok {
			n.Value = v
		}
	}
	for _, c := range n.Content {
		refold(c, lines)
	}
}

// foldCJK folds the block whose header (>, >-, >+) is on line n.Line.
func foldCJK(n *yaml.Node, lines [][]byte) (string, bool) {
	var block [][]byte
	indent := -1
	for i := n.Line; i < len(lines); i++ { // lines[n.Line] is the line after the header
		l := bytes.TrimRight(lines[i], " \t\r")
		if len(l) == 0 {
			block = append(block, nil)
			continue
		}
		ind := len(l) - len(bytes.TrimLeft(l, " "))
		if indent < 0 {
			indent = ind
		}
		if ind < indent {
			break
		}
		block = append(block, l[indent:])
	}
	for len(block) > 0 && block[len(block)-1] == nil {
		block = block[:len(block)-1]
	}
	if indent < 0 || len(block) == 0 {
		return "", false
	}
	var plain, cjk strings.Builder
	prevText, prevMore := false, false
	for _, l := range block {
		if l == nil {
			plain.WriteByte('\n')
			cjk.WriteByte('\n')
			prevText = false
			continue
		}
		more := l[0] == ' ' || l[0] == '\t' // more-indented lines keep their breaks
		if prevText {
			if more || prevMore {
				plain.WriteByte('\n')
				cjk.WriteByte('\n')
			} else {
				plain.WriteByte(' ')
				last, _ := utf8.DecodeLastRuneInString(cjk.String())
				first, _ := utf8.DecodeRune(l)
				if !wide(last) || !wide(first) {
					cjk.WriteByte(' ')
				}
			}
		}
		plain.Write(l)
		cjk.Write(l)
		prevText, prevMore = true, more
	}
	// Only when this reading matches the parser's (apart from the trailing
	// newline chomping adds) is the CJK folding safe to use.
	if strings.TrimRight(plain.String(), "\n") != strings.TrimRight(n.Value, "\n") {
		return "", false
	}
	return cjk.String() + n.Value[len(strings.TrimRight(n.Value, "\n")):], true
}

// wide reports whether r is an East Asian wide or full-width character.
func wide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}
