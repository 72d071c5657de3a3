package sheet

import (
	"bytes"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/textenc"
)

// Bytes a CSV's encoding cannot carry are refused naming the line they
// are on. The Shift_JIS decoder replaces them with U+FFFD without an
// error, so a CSV read with encoding: shift_jis showed "��" in place of
// a task name; one read as UTF-8 kept the bytes, which every output then
// showed as U+FFFD too; and a CSV that was neither said so without saying
// where, in a file of thousands of lines.

// badLine is the 1-based number of the first line of data that valid
// does not accept, 0 when there is none. Lines are split at '\n', which
// no multi-byte character of UTF-8 or Shift_JIS contains.
func badLine(data []byte, valid func([]byte) bool) int {
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if !valid(line) {
			return n
		}
		data = rest
	}
	return 0
}

func validSJIS(b []byte) bool { _, ok := textenc.ShiftJIS(b); return ok }

// notSJIS is the error for a CSV read as Shift_JIS that is not.
func notSJIS(name string, data []byte) error {
	n := badLine(data, validSJIS)
	return diag.Errorf(diag.Pos{File: name, Row: n, CSV: true}, "line %d is not valid Shift_JIS (CP932); correct the characters there, or save the CSV as UTF-8", n)
}

// notUTF8 is the error for a CSV read as UTF-8 that is not.
func notUTF8(name string, data []byte) error {
	n := badLine(data, utf8.Valid)
	return diag.Errorf(diag.Pos{File: name, Row: n, CSV: true}, "line %d is not valid UTF-8; correct the characters there, or set encoding: shift_jis if the CSV was saved as Shift_JIS", n)
}

// neither is the error for a CSV that is neither UTF-8 nor Shift_JIS:
// the line where the encoding it holds longer stops (a Shift_JIS file
// with a few bad bytes is UTF-8 only up to its first Japanese line).
func neither(name string, data []byte) error {
	u, s := badLine(data, utf8.Valid), badLine(data, validSJIS)
	n := max(u, s)
	return diag.Errorf(diag.Pos{File: name, Row: n, CSV: true}, "cannot tell the text encoding: line %d is neither UTF-8 nor Shift_JIS (or the file mixes the two); save the CSV as UTF-8 or set encoding: on this source", n)
}
