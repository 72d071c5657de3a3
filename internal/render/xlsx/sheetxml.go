package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The <sheetData> of a streamed sheet, written with byte appends straight
// into the zip entry's compressor: no excelize cell, no cell-name string,
// no boxed value per cell, and never the whole sheet's XML in memory.
//
// The XML is the one excelize v2.11.0's StreamWriter writes for the same
// rows, byte for byte (inline strings, its escaping, its 32,767-character
// cut, its xml:space rule and its _xHHHH_ escape), so every reader sees
// what it saw before; TestSheetXMLLikeStreamWriter compares the two.

// cellKind is what a streamed cell holds.
type cellKind uint8

const (
	cellGap   cellKind = iota // no cell
	cellEmpty                 // a styled cell without a value
	cellText
	cellFloat
	cellInt
)

// xcell is one cell of a streamed sheet.
type xcell struct {
	style int
	kind  cellKind
	text  string
	num   float64
	i     int64
}

// rowOpts is a streamed row's height (0: the default) and outline level.
type rowOpts struct {
	height  float64
	outline int
}

// Excel's limits that a row must keep (excelize's MaxRowHeight and the
// deepest outline level).
const (
	maxRowHeight = 409
	maxCellChars = 32767
)

var errRowHeight = errors.New("the height of a row must be at most 409 points")

// sheetXML writes rows as <sheetData> XML to w through a buffer that is
// flushed whenever it passes flushAt bytes.
type sheetXML struct {
	w      io.Writer
	buf    []byte
	err    error
	cols   func(c int) string // column letters
	styles func(c int) int    // a column's own style, for a cell with none
	h      *handoff           // when set, w is written on another goroutine
}

const flushAt = 64 << 10

func (x *sheetXML) flush() {
	switch {
	case x.err != nil || len(x.buf) == 0:
		x.buf = x.buf[:0]
	case x.h != nil:
		x.buf = x.h.swap(x.buf)
	default:
		_, x.err = x.w.Write(x.buf)
		x.buf = x.buf[:0]
	}
}

// close flushes the buffer and, with a handoff, waits until all is
// written; it returns the first error.
func (x *sheetXML) close() error {
	x.flush()
	if x.h != nil {
		if err := x.h.close(); x.err == nil {
			x.err = err
		}
		x.h = nil
	}
	return x.err
}

// row writes row r with its cells from column 1 (gaps skipped).
func (x *sheetXML) row(r int, cells []xcell, o rowOpts) {
	if x.err != nil {
		return
	}
	if o.height > maxRowHeight {
		x.err = errRowHeight
		return
	}
	if o.outline > maxOutline {
		x.err = fmt.Errorf("row %d: outline level %d is deeper than %d", r, o.outline, maxOutline)
		return
	}
	b := append(x.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if o.height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, o.height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	if o.outline > 0 {
		b = append(b, ` outlineLevel="`...)
		b = strconv.AppendInt(b, int64(o.outline), 10)
		b = append(b, '"')
	}
	b = append(b, '>')
	for j := range cells {
		c := &cells[j]
		if c.kind == cellGap {
			continue
		}
		b = x.cell(b, j+1, r, c)
	}
	x.buf = append(b, `</row>`...)
	if len(x.buf) >= flushAt {
		x.flush()
	}
}

// cell appends the XML of cell c at column col, row r.
func (x *sheetXML) cell(b []byte, col, r int, c *xcell) []byte {
	style := c.style
	if style == 0 && x.styles != nil {
		style = x.styles(col)
	}
	b = append(b, `<c r="`...)
	b = append(b, x.cols(col)...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch c.kind {
	case cellText:
		return appendInlineStr(b, c.text)
	case cellFloat:
		if math.IsNaN(c.num) || math.IsInf(c.num, 0) {
			return appendInlineStr(b, fmt.Sprint(c.num))
		}
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, c.num, 'f', -1, 64)
		return append(b, `</v></c>`...)
	case cellInt:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, c.i, 10)
		return append(b, `</v></c>`...)
	}
	return append(b, `></c>`...)
}

// appendInlineStr appends the rest of an inline-string cell (after its
// style attribute): s cut to Excel's 32,767 characters (UTF-16 units),
// kept verbatim with xml:space="preserve" when it starts or ends with
// white space, escaped, with a literal _xHHHH_ escaped so a reader does
// not decode it into another character.
func appendInlineStr(b []byte, s string) []byte {
	s = cutUTF16(s, maxCellChars)
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isSpaceByte(s[0]) || isSpaceByte(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	if strings.Contains(s, "_x") {
		var esc []byte
		esc = appendEscaped(esc, s)
		b = append(b, escapeBstr(string(esc))...)
	} else {
		b = appendEscaped(b, s)
	}
	return append(b, `</t></is></c>`...)
}

func isSpaceByte(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// cutUTF16 cuts s to at most n UTF-16 code units, at a character
// boundary.
func cutUTF16(s string, n int) string {
	if len(s) <= n {
		return s // a byte is at most one unit
	}
	units := 0
	for i, r := range s {
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		if units += u; units > n {
			return s[:i]
		}
	}
	return s
}

// appendEscaped appends s as XML text the way encoding/xml's EscapeText
// does, except that a line break stays a literal one: characters XML
// cannot hold (and bytes that are not UTF-8) become U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
			default:
				if c < 0x20 {
					esc = "\uFFFD"
				}
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if !xmlChar(r) || r == utf8.RuneError && width == 1 {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + width
		}
		i += width
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 can hold r (above ASCII).
func xmlChar(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrToken  = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrSuffix = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeBstr escapes the _xHHHH_ sequences of s (already XML-escaped)
// with _x005F_, which readers decode to a literal underscore, exactly as
// excelize does for its own cells; a sequence naming no character (a
// lone surrogate) is dropped, as excelize drops it.
func escapeBstr(s string) string {
	var out strings.Builder
	cursor := 0
	for _, m := range bstrToken.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		tok := s[m[0]:m[1]]
		cursor = m[1]
		if tok == "_x005F_" {
			if m[1]+6 <= len(s) && bstrSuffix.MatchString(s[m[1]:m[1]+6]) && validHex4(s[m[1]+1:m[1]+5]) {
				out.WriteString(tok + "x005F" + tok)
				continue
			}
			out.WriteString(tok + "x005F_")
			continue
		}
		if validHex4(tok[2:6]) {
			out.WriteString("_x005F" + tok)
		}
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// validHex4 reports whether four hex digits name a character (not a
// surrogate).
func validHex4(h string) bool {
	v, err := strconv.ParseUint(h, 16, 32)
	return err == nil && utf8.ValidRune(rune(v))
}
