package sheet

// Strings of the .xls reader: BIFF8 strings, their CONTINUE splits and code pages.

import (
	"encoding/binary"
	"unicode/utf16"

	"github.com/pmokit/pmo/internal/textenc"
)

// segReader reads BIFF strings from a record and its CONTINUE records.
type segReader struct {
	segs [][]byte
	i    int // current segment
	off  int // offset in it
}

func newSegReader(segs [][]byte) *segReader { return &segReader{segs: segs} }

// avail returns the unread bytes of the current segment, moving to the
// next one when it is used up; nil at the end.
func (s *segReader) avail() []byte {
	for s.i < len(s.segs) && s.off >= len(s.segs[s.i]) {
		s.i++
		s.off = 0
	}
	if s.i >= len(s.segs) {
		return nil
	}
	return s.segs[s.i][s.off:]
}

// read returns n bytes that may span segments (record structure, not
// characters); ok is false when the data runs out.
func (s *segReader) read(n int) ([]byte, bool) {
	if b := s.avail(); len(b) >= n {
		s.off += n
		return b[:n], true
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		b := s.avail()
		if b == nil {
			return nil, false
		}
		k := min(n-len(out), len(b))
		out = append(out, b[:k]...)
		s.off += k
	}
	return out, true
}

func (s *segReader) skip(n int) bool {
	for n > 0 {
		b := s.avail()
		if b == nil {
			return false
		}
		k := min(n, len(b))
		s.off += k
		n -= k
	}
	return true
}

// chars reads n characters, one or two bytes each; when the characters
// run into the next CONTINUE record, it starts with a new flags byte
// saying which.
func (s *segReader) chars(n int, wide bool, codePage int) (string, bool) {
	var u []uint16
	var narrow []byte
	for n > 0 {
		if s.off >= len(s.segs[s.i]) {
			s.i++
			s.off = 0
			if s.i >= len(s.segs) || len(s.segs[s.i]) == 0 {
				return "", false
			}
			wide = s.segs[s.i][0]&1 != 0
			s.off = 1
		}
		b := s.segs[s.i][s.off:]
		if wide {
			k := min(n, len(b)/2)
			if k == 0 {
				return "", false
			}
			if len(narrow) > 0 {
				u = appendNarrow(u, narrow, codePage)
				narrow = narrow[:0]
			}
			for j := 0; j < k; j++ {
				u = append(u, binary.LittleEndian.Uint16(b[2*j:]))
			}
			s.off += 2 * k
			n -= k
		} else {
			k := min(n, len(b))
			narrow = append(narrow, b[:k]...)
			s.off += k
			n -= k
		}
	}
	if len(u) == 0 {
		return decodeNarrow(narrow, codePage), true
	}
	u = appendNarrow(u, narrow, codePage)
	return string(utf16.Decode(u)), true
}

// xlString reads an XLUnicodeString: a 1- or 2-byte length, flags, and
// the characters.
func (s *segReader) xlString(codePage, lenBytes int) (string, bool) {
	h, ok := s.read(lenBytes + 1)
	if !ok {
		return "", false
	}
	n := int(h[0])
	if lenBytes == 2 {
		n = int(binary.LittleEndian.Uint16(h))
	}
	flags := h[lenBytes]
	if n == 0 {
		return "", true
	}
	return s.chars(n, flags&1 != 0, codePage)
}

// richString reads an XLUnicodeRichExtendedString of the SST, skipping its
// formatting runs and phonetic (furigana) block.
func (s *segReader) richString(codePage int) (string, bool) {
	h, ok := s.read(3)
	if !ok {
		return "", false
	}
	n := int(binary.LittleEndian.Uint16(h))
	flags := h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		b, ok := s.read(2)
		if !ok {
			return "", false
		}
		runs = int(binary.LittleEndian.Uint16(b))
	}
	if flags&0x04 != 0 {
		b, ok := s.read(4)
		if !ok {
			return "", false
		}
		ext = int(int32(binary.LittleEndian.Uint32(b)))
		if ext < 0 {
			return "", false
		}
	}
	str := ""
	if n > 0 {
		if str, ok = s.chars(n, flags&1 != 0, codePage); !ok {
			return "", false
		}
	}
	if !s.skip(4*runs) || !s.skip(ext) {
		return "", false
	}
	return str, true
}

// decodeNarrow decodes "compressed" 8-bit characters. BIFF8 defines them as
// the low bytes of UTF-16 (Latin-1), which is what Excel writes; some
// non-Excel writers put Shift_JIS bytes there instead and declare code
// page 932, so under that code page bytes that decode cleanly as Shift_JIS
// are read as such.
func decodeNarrow(b []byte, codePage int) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	if codePage == 932 {
		if s, ok := textenc.ShiftJIS(b); ok {
			return s
		}
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func appendNarrow(u []uint16, b []byte, codePage int) []uint16 {
	for _, r := range decodeNarrow(b, codePage) {
		if r >= 0x10000 {
			r -= 0x10000
			u = append(u, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		u = append(u, uint16(r))
	}
	return u
}
