package sheet

import (
	"bytes"
	"errors"
	"strconv"

	"github.com/pmokit/pmo/internal/value"
)

// Decoding one <c> or <row> of worksheet XML: its attributes split in one
// pass over their bytes, and its value text by the cell's type. readSheet
// (sheetxml.go) calls these for nearly every byte of a sheet.

// setCellKind decodes the cell's text by type; false when the cell is
// empty. It is setCell with the type already classified.
func setCellKind(c *Cell, kind cellKind, text []byte, hasValue bool, sst *sharedStrings, texts *texts) bool {
	if !hasValue {
		return false
	}
	switch kind {
	case cellShared:
		i, ok := smallIndex(text)
		if !ok || i >= sst.len() {
			return false
		}
		c.Kind, c.Str = String, sst.get(i)
	case cellText:
		c.Kind, c.Str = String, texts.get(text, int(c.Col))
	case cellBool:
		c.Kind = Bool
		if string(text) == "1" {
			c.Num = 1
		}
	case cellError:
		c.Kind, c.Str = ErrorValue, unescape(text)
	default:
		if f, ok := plainInteger(text); ok {
			c.Kind, c.Num = Number, f
			break
		}
		f, err := strconv.ParseFloat(string(bytes.TrimSpace(text)), 64)
		if err != nil {
			c.Kind, c.Str = String, texts.get(text, int(c.Col))
		} else {
			c.Kind, c.Num = Number, f
		}
	}
	if c.Kind == String && c.Str == "" {
		return false
	}
	if c.Kind == String && c.Formula && value.IsErrorValue(c.Str) {
		c.Kind = ErrorValue
	}
	return true
}

// smallIndex reads a shared-string index as strconv.Atoi does for the
// values an index can take (an optional sign, decimal digits); false for
// anything else or a number past 2^31. White space around the digits is
// allowed: an index that cannot be read is refused (damage.go).
func smallIndex(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 10 {
		i, err := strconv.Atoi(string(bytes.TrimSpace(b)))
		return i, err == nil && i >= 0
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			i, err := strconv.Atoi(string(bytes.TrimSpace(b)))
			return i, err == nil && i >= 0
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// plainInteger reads a value of up to 15 digits with an optional minus
// sign, which a float64 holds exactly, so the result is the one ParseFloat
// gives; false sends anything else to ParseFloat.
func plainInteger(b []byte) (float64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	d := b
	if neg {
		d = b[1:]
	}
	if len(d) == 0 || len(d) > 15 {
		return 0, false
	}
	n := int64(0)
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	f := float64(n)
	if neg {
		f = -f
	}
	return f, true
}

// isSpaceByte is the ASCII white space bytes.TrimSpace removes.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// nextAttr splits the first attribute off attrs as attr does: the key
// before '=' (spaces trimmed), the quoted value, and what follows; ok is
// false when no well-formed attribute is left.
func nextAttr(attrs []byte) (key, val, rest []byte, ok bool) {
	eq := bytes.IndexByte(attrs, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	i, j := 0, eq
	for i < j && isSpaceByte(attrs[i]) {
		i++
	}
	for j > i && isSpaceByte(attrs[j-1]) {
		j--
	}
	k := eq + 1
	for k < len(attrs) && (attrs[k] == ' ' || attrs[k] == '\t' || attrs[k] == '\r' || attrs[k] == '\n') {
		k++
	}
	if k == len(attrs) {
		return nil, nil, nil, false
	}
	q := attrs[k]
	if q != '"' && q != '\'' {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(attrs[k+1:], q)
	if end < 0 {
		return nil, nil, nil, false
	}
	return attrs[i:j], attrs[k+1 : k+1+end], attrs[k+2+end:], true
}

// cellAttrs returns the r, s and t attributes of <c> in one pass (the
// first of each when repeated, as attr would); ref and typ are nil when
// absent.
func cellAttrs(attrs []byte) (ref []byte, style int, typ []byte) {
	if ref, style, typ, ok := plainCellAttrs(attrs); ok {
		return ref, style, typ
	}
	var haveS bool
	for {
		key, val, rest, ok := nextAttr(attrs)
		if !ok {
			return ref, style, typ
		}
		attrs = rest
		if len(key) != 1 {
			continue
		}
		switch key[0] {
		case 'r':
			if ref == nil {
				ref = val[:len(val):len(val)]
			}
		case 's':
			if !haveS {
				style, haveS = intValue(val), true
			}
		case 't':
			if typ == nil {
				typ = val[:len(val):len(val)]
			}
		}
	}
}

// plainCellAttrs is cellAttrs for attributes written as writers write
// them: one space before each, a one-letter name, ="value". It reads them
// without searching for each '=' anew, and gives up (ok false) on
// anything else, for cellAttrs' general loop.
func plainCellAttrs(a []byte) (ref []byte, style int, typ []byte, ok bool) {
	var haveS bool
	// a is resliced past each attribute rather than indexed from its
	// start: the loop runs for every cell, and this way it checks no
	// bound twice.
	for len(a) > 0 {
		if a[0] != ' ' {
			return nil, 0, nil, false
		}
		if len(a) == 1 {
			break // a space before "/>"
		}
		if len(a) < 4 || a[2] != '=' || a[3] != '"' {
			return nil, 0, nil, false
		}
		key, v := a[1], a[4:]
		j := bytes.IndexByte(v, '"')
		if j < 0 {
			return nil, 0, nil, false
		}
		val := v[:j:j]
		a = v[j+1:]
		switch key {
		case 'r':
			if ref == nil {
				ref = val
			}
		case 's':
			if !haveS {
				style, haveS = intValue(val), true
			}
		case 't':
			if typ == nil {
				typ = val
			}
		default:
			return nil, 0, nil, false // vm, cm …: the general loop
		}
	}
	return ref, style, typ, true
}

// plainCellTag is cellAttrs, colOf and cellKindOf at once for a <c>
// written as writers write it (one space before each attribute, r, s
// and t at most once each, ="value"): the column r names (0 when it
// names none), the style and the type, read in one pass without
// splitting the values first. ok is false for anything else, which
// sheetReader.cellTag then reads the general way.
func plainCellTag(a []byte) (col, style int, kind cellKind, ok bool) {
	var haveR, haveS, haveT bool
	for len(a) > 0 {
		if a[0] != ' ' {
			return 0, 0, 0, false
		}
		if len(a) == 1 {
			break // a space before "/>"
		}
		if len(a) < 4 || a[2] != '=' || a[3] != '"' {
			return 0, 0, 0, false
		}
		key, v := a[1], a[4:]
		j := 0
		switch key {
		case 'r':
			if haveR {
				return 0, 0, 0, false
			}
			haveR = true
			col, j = colPrefix(v)
			for j < len(v) && v[j] != '"' {
				j++
			}
		case 's':
			if haveS {
				return 0, 0, 0, false
			}
			haveS = true
			// As intValue for up to nine digits.
			for ; j < len(v) && v[j] != '"'; j++ {
				if c := v[j]; c >= '0' && c <= '9' && j < 9 {
					style = style*10 + int(c-'0')
				} else {
					return 0, 0, 0, false
				}
			}
			if j == 0 {
				return 0, 0, 0, false
			}
		case 't':
			if haveT {
				return 0, 0, 0, false
			}
			haveT = true
			for j < len(v) && v[j] != '"' {
				j++
			}
			kind = cellKindOf(v[:j])
		default:
			return 0, 0, 0, false // vm, cm …: the general loop
		}
		if j == len(v) {
			return 0, 0, 0, false
		}
		a = v[j+1:]
	}
	return col, style, kind, true
}

// rowAttrs returns the r, hidden and outlineLevel attributes of <row> in
// one pass, read as attrInt and attrTrue read them.
func rowAttrs(attrs []byte) (n int, hidden bool, outline int) {
	var haveR, haveH, haveO bool
	for {
		key, val, rest, ok := nextAttr(attrs)
		if !ok {
			return n, hidden, outline
		}
		attrs = rest
		switch string(key) {
		case "r":
			if !haveR {
				n, haveR = intValue(val), true
			}
		case "hidden":
			if !haveH {
				hidden, haveH = string(val) == "1" || string(val) == "true", true
			}
		case "outlineLevel":
			if !haveO {
				outline, haveO = intValue(val), true
			}
		}
	}
}

// intValue reads an attribute value as attrInt does.
func intValue(v []byte) int {
	if len(v) > 0 && len(v) <= 9 {
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				goto slow
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
slow:
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || n < 0 {
		return 0 // a number too large comes back as MaxInt64 with ErrRange
	}
	return int(min(n, 1<<31))
}
