// Package textenc tells which encoding a text file was saved in, among the
// ones Japanese Windows users produce: UTF-8 (with or without BOM),
// UTF-16 with a BOM (Notepad's "Unicode") and Shift_JIS/CP932 (Notepad's
// "ANSI" on a Japanese system), and turns it into UTF-8.
package textenc

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// The encoding names Detect returns.
const (
	UTF8    = "utf-8"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	SJIS    = "shift_jis"
)

// Detect returns data as UTF-8 text and the encoding it was in: a BOM
// decides; else valid UTF-8 is UTF-8; else Shift_JIS (CP932) when every
// byte decodes. binary is set when data holds a NUL byte without a UTF-16
// BOM; ok is false when the encoding cannot be told.
func Detect(data []byte) (text, enc string, binary, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), UTF8, false, true
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return UTF16(data[2:], false), UTF16LE, false, true
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return UTF16(data[2:], true), UTF16BE, false, true
	case bytes.IndexByte(data, 0) >= 0:
		return "", "", true, false
	case utf8.Valid(data):
		return string(data), UTF8, false, true
	}
	if s, ok := ShiftJIS(data); ok {
		return s, SJIS, false, true
	}
	return "", "", false, false
}

// ShiftJIS decodes CP932 strictly: the x/text decoder replaces bad bytes
// with U+FFFD instead of failing, so a replacement in the output means the
// input was not Shift_JIS.
func ShiftJIS(data []byte) (string, bool) {
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
		return "", false
	}
	return string(out), true
}

// UTF16 decodes UTF-16 without its BOM; an odd last byte is dropped and
// unpaired surrogates become U+FFFD.
func UTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// Label is how a user knows enc: Shift_JIS (CP932), UTF-16 LE and so on.
func Label(enc string) string {
	switch enc {
	case SJIS:
		return "Shift_JIS (CP932)"
	case UTF16LE:
		return "UTF-16 LE"
	case UTF16BE:
		return "UTF-16 BE"
	case UTF8:
		return "UTF-8"
	}
	return enc
}
