package sheet

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/limits"
)

// scanner is a minimal streaming XML tokenizer for SpreadsheetML parts. It
// is several times faster than encoding/xml on sheet data because it only
// splits tags and text and leaves attribute parsing to the caller; that
// speed is what lets pmo read a 50,000-row sheet in well under a second.
type scanner struct {
	r    io.Reader
	buf  []byte
	pos  int
	eof  bool
	err  error
	text []byte // scratch for unescaping
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// token is valid until the next call to next.
type token struct {
	kind  tokKind
	name  []byte // local name, prefix stripped
	attrs []byte // raw attribute text of a start tag
	self  bool   // self-closing start tag
	text  []byte // raw text (still escaped)
}

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 0, 256<<10)}
}

// fill makes sure buf[pos:] holds at least one byte more, growing or
// compacting the buffer; it returns false at end of input.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		if cap(s.buf) >= limits.XMLTokenBytes {
			// One tag or text node fills the buffer: refuse rather than
			// hold a 480 MB text node whole.
			s.err, s.eof = errTokenTooLong, true
			return false
		}
		nb := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		if err != io.EOF {
			s.err = err
		}
		s.eof = true
	}
	return n > 0 || !s.eof
}

// indexFrom finds b in the unread input at or after offset, reading more as
// needed; -1 at end of input. The buffered case is kept apart so that it
// inlines: the sheet reader asks for nearly every byte of a cell this way.
func (s *scanner) indexFrom(offset int, b byte) int {
	if i := bytes.IndexByte(s.buf[s.pos+offset:], b); i >= 0 {
		return offset + i
	}
	return s.indexMore(offset, b)
}

// indexMore is indexFrom once the buffered input holds no b.
func (s *scanner) indexMore(offset int, b byte) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+offset:], b); i >= 0 {
			return offset + i
		}
		offset = len(s.buf) - s.pos
		if !s.fill() {
			return -1
		}
	}
}

// has makes sure at least n unread bytes are buffered, reading more as
// needed; false when the input ends first.
func (s *scanner) has(n int) bool {
	return len(s.buf)-s.pos >= n || s.hasMore(n)
}

// hasMore is has once fewer than n bytes are buffered.
func (s *scanner) hasMore(n int) bool {
	for len(s.buf)-s.pos < n {
		if !s.fill() {
			return len(s.buf)-s.pos >= n
		}
	}
	return true
}

// indexSeq is indexFrom for a byte sequence.
func (s *scanner) indexSeq(offset int, seq []byte) int {
	for {
		if i := bytes.Index(s.buf[s.pos+offset:], seq); i >= 0 {
			return offset + i
		}
		offset = max(len(s.buf)-s.pos-len(seq)+1, 0)
		if !s.fill() {
			return -1
		}
	}
}

var (
	errTokenTooLong = errors.New("XML token too long")
	// errCutShort is a part that ends inside its elements, or inside a
	// tag, comment or CDATA section: the only damage the scanner itself
	// can tell, since it reads everything else leniently.
	errCutShort = errors.New("part cut short")
)

// next returns the next tag or text token, skipping comments, processing
// instructions and declarations.
func (s *scanner) next() (token, error) {
	for {
		if s.pos >= len(s.buf) && !s.fill() {
			return token{}, s.err
		}
		if s.buf[s.pos] != '<' {
			end := s.indexFrom(0, '<')
			if end < 0 {
				if s.err != nil {
					return token{}, s.err
				}
				end = len(s.buf) - s.pos
			}
			t := token{kind: tokText, text: s.buf[s.pos : s.pos+end]}
			s.pos += end
			return t, nil
		}
		end := s.indexFrom(1, '>')
		if end < 0 {
			return token{}, cmp.Or(s.err, errCutShort)
		}
		// Re-slice after indexFrom: the buffer may have moved.
		tag := s.buf[s.pos+1 : s.pos+end]
		if len(tag) > 0 && (tag[0] == '?' || tag[0] == '!') {
			if bytes.HasPrefix(tag, []byte("!--")) && !bytes.HasSuffix(tag, []byte("--")) {
				e := s.indexSeq(end, []byte("-->"))
				if e < 0 {
					return token{}, cmp.Or(s.err, errCutShort)
				}
				s.pos += e + 3
				continue
			}
			if bytes.HasPrefix(tag, []byte("![CDATA[")) {
				e := s.indexSeq(1, []byte("]]>"))
				if e < 0 {
					return token{}, cmp.Or(s.err, errCutShort)
				}
				t := token{kind: tokText, text: s.buf[s.pos+9 : s.pos+e]}
				s.pos += e + 3
				return t, nil
			}
			s.pos += end + 1
			continue
		}
		s.pos += end + 1
		if len(tag) > 0 && tag[0] == '/' {
			return token{kind: tokEnd, name: localName(tag[1:])}, nil
		}
		t := token{kind: tokStart}
		if n := len(tag); n > 0 && tag[n-1] == '/' {
			t.self = true
			tag = tag[:n-1]
		}
		i := 0
		for i < len(tag) && !isXMLSpace(tag[i]) {
			i++
		}
		t.name = localName(tag[:i])
		if i < len(tag) {
			t.attrs = tag[i:]
		}
		return t, nil
	}
}

// isXMLSpace is XML's white space.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// localName strips trailing white space and a namespace prefix, by byte
// loops: it runs for every tag.
func localName(b []byte) []byte {
	n := len(b)
	for n > 0 && isXMLSpace(b[n-1]) {
		n--
	}
	b = b[:n]
	for i, c := range b {
		if c == ':' {
			return b[i+1:]
		}
	}
	return b
}

// attr returns the raw value of the attribute name (local name matched, so
// r:id and id are told apart only by the caller passing the full name).
func attr(attrs []byte, name string) ([]byte, bool) {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimSpace(attrs[:eq])
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 {
			return nil, false
		}
		q := rest[0]
		if q != '"' && q != '\'' {
			return nil, false
		}
		end := bytes.IndexByte(rest[1:], q)
		if end < 0 {
			return nil, false
		}
		if string(key) == name {
			return rest[1 : 1+end], true
		}
		attrs = rest[end+2:]
	}
	return nil, false
}

// attrInt returns an integer attribute, 0 when missing or not a number
// and clamped to 0..1<<31: no attribute of SpreadsheetML is larger, and
// callers add to it without overflow.
func attrInt(attrs []byte, name string) int {
	v, ok := attr(attrs, name)
	if !ok {
		return 0
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || n < 0 {
		return 0 // a number too large comes back as MaxInt64 with ErrRange
	}
	return int(min(n, 1<<31))
}

func attrTrue(attrs []byte, name string) bool {
	v, ok := attr(attrs, name)
	return ok && (string(v) == "1" || string(v) == "true")
}

// unescape decodes XML entities and OOXML's _xHHHH_ escapes.
func unescape(b []byte) string { return unescapeXML(b, true) }

// unescapeXML decodes XML entities, and OOXML's _xHHHH_ escapes when ooxml
// is set (OpenDocument has no such escape: "_x0041_" there is text).
func unescapeXML(b []byte, ooxml bool) string {
	if bytes.IndexByte(b, '&') < 0 && (!ooxml || bytes.Index(b, []byte("_x")) < 0) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				out = append(out, c)
				continue
			}
			ent := string(b[i+1 : i+semi])
			switch ent {
			case "amp":
				out = append(out, '&')
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				r, ok := charRef(ent)
				if !ok {
					out = append(out, b[i:i+semi+1]...)
				} else {
					out = utf8.AppendRune(out, r)
				}
			}
			i += semi
		case ooxml && c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
			if err != nil {
				out = append(out, c)
				continue
			}
			out = utf8.AppendRune(out, rune(v))
			i += 6
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var v uint64
	var err error
	if ent[1] == 'x' || ent[1] == 'X' {
		v, err = strconv.ParseUint(ent[2:], 16, 32)
	} else {
		v, err = strconv.ParseUint(ent[1:], 10, 32)
	}
	if err != nil || v > utf8.MaxRune {
		return 0, false
	}
	return rune(v), true
}
