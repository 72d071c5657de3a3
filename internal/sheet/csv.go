package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/textenc"
	"github.com/pmokit/pmo/internal/value"
	"golang.org/x/text/encoding/charmap"
)

// parseCSV reads a CSV (or tab-separated) file into a one-sheet Book. Every
// field is kept as text; numbers and dates are decided later, per column.
func parseCSV(name string, data []byte, encoding string) (*Book, error) {
	text, enc, err := decodeText(name, data, encoding)
	if err != nil {
		return nil, err
	}
	src := &recordBound{r: strings.NewReader(text)}
	r := csv.NewReader(src)
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	g := &Grid{File: name, lines: []int{}}
	txt := texts{g: g}
	var b budget
	for n := 1; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errRecordTooLong) {
			line, _ := r.FieldPos(0)
			return nil, limits.Over(diag.Pos{File: name, Row: line, CSV: true}, overCSVRecord, limits.CSVRecordBytes, true)
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, diag.Errorf(diag.Pos{File: name, Row: line, CSV: true}, "cannot parse CSV: %v", err)
		}
		src.start = r.InputOffset()
		line, _ := r.FieldPos(0)
		pos := diag.Pos{File: name, Row: line, CSV: true}
		if len(rec) > maxCols {
			return nil, limits.Over(pos, overCSVFields, maxCols, false)
		}
		g.lines = append(g.lines, line)
		row := stagedRow{Num: n}
		for i, f := range rec {
			if strings.TrimSpace(f) == "" {
				continue
			}
			if err := b.cell(pos); err != nil {
				return nil, err
			}
			// Stored as the xlsx reader stores inline strings: a column
			// of one repeated value holds it once.
			kind := String
			if value.IsErrorValue(strings.TrimSpace(f)) {
				kind = ErrorValue
			}
			txt.plain(f, i+1)
			row.cells = append(row.cells, cell{col: uint16(i + 1), kind: kind, v: txt.last})
		}
		if len(row.cells) > 0 {
			g.staged = append(g.staged, row)
		}
	}
	if len(g.staged) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name}, "CSV file has no data")
	}
	g.pack()
	return &Book{File: name, Sheets: []*Grid{g}, Encoding: enc}, nil
}

// errRecordTooLong stops encoding/csv, which holds a whole record in
// memory, once one record has used more than limits.CSVRecordBytes.
var errRecordTooLong = errors.New("CSV record too long")

// recordBound feeds the CSV reader and fails when the reader has been
// given more than a record's worth of bytes since the last record ended
// (the reader's buffer, 4 KB, is allowed on top).
type recordBound struct {
	r     io.Reader
	read  int64
	start int64 // offset of the record being read (csv.Reader.InputOffset after the last)
}

func (b *recordBound) Read(p []byte) (int, error) {
	if b.read-b.start > limits.CSVRecordBytes+64<<10 {
		return 0, errRecordTooLong
	}
	n, err := b.r.Read(p[:min(len(p), 64<<10)])
	b.read += int64(n)
	return n, err
}

// decodeText turns the file's bytes into UTF-8. Without a forced encoding:
// a BOM decides; valid UTF-8 is UTF-8; otherwise Shift_JIS (CP932) when the
// bytes decode cleanly and look like Japanese text.
func decodeText(name string, data []byte, forced string) (string, string, error) {
	pos := diag.Pos{File: name}
	switch strings.ToLower(strings.ReplaceAll(forced, "-", "_")) {
	case "":
	case "utf_8", "utf8":
		if !utf8.Valid(data) {
			return "", "", notUTF8(name, data) // csvenc.go
		}
		return strings.TrimPrefix(string(data), "\ufeff"), "utf-8", nil
	case "shift_jis", "sjis", "cp932", "windows_31j", "ms932":
		s, ok := textenc.ShiftJIS(data)
		if !ok {
			return "", "", notSJIS(name, data)
		}
		return s, "shift_jis", nil
	default:
		return "", "", diag.Errorf(pos, "unknown encoding %q (use utf-8 or shift_jis)", forced)
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), "utf-8", nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return textenc.UTF16(data[2:], false), "utf-16le", nil
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return textenc.UTF16(data[2:], true), "utf-16be", nil
	case utf16NoBOM(data, false):
		return textenc.UTF16(data, false), "utf-16le", nil
	case utf16NoBOM(data, true):
		return textenc.UTF16(data, true), "utf-16be", nil
	case bytes.IndexByte(data, 0) >= 0:
		return "", "", diag.Errorf(pos, "binary data, not a text CSV file")
	case utf8.Valid(data):
		return string(data), "utf-8", nil
	}
	if s, ok := textenc.ShiftJIS(data); ok {
		return s, "shift_jis", nil
	}
	if s, ok := decodeWindows1252(data); ok {
		return s, "windows-1252", nil
	}
	return "", "", neither(name, data)
}

// sniffDelimiter picks comma, tab or semicolon: the one that appears most
// consistently on the first lines outside quotes.
func sniffDelimiter(text string) rune {
	lines := strings.SplitN(text, "\n", 12)
	best, bestScore := ',', 0
	for _, d := range []rune{',', '\t', ';'} {
		score := 0
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				score += n
			}
		}
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func countOutsideQuotes(line string, d rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			n++
		}
	}
	return n
}

// utf16NoBOM recognises UTF-16 written without a byte order mark (some
// Windows tools): text whose every other byte is mostly zero — ASCII
// letters, digits, commas and line breaks — in the given byte order.
func utf16NoBOM(data []byte, bigEndian bool) bool {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return false
	}
	zeros, other := 0, 0
	for i := 0; i < n; i += 2 {
		hi, lo := data[i+1], data[i]
		if bigEndian {
			hi, lo = data[i], data[i+1]
		}
		if hi == 0 && lo != 0 {
			zeros++
		}
		if lo == 0 && hi != 0 {
			other++
		}
	}
	return zeros*10 >= (n/2)*6 && other*10 < n/2
}

// decodeWindows1252 reads a CSV saved by a Western-European Excel
// (Windows-1252, a superset of Latin-1 for text). It accepts only text
// that has no C0 controls besides tab and line breaks and whose bytes
// above 0x7F decode to letters, so arbitrary binary is not taken for it.
func decodeWindows1252(data []byte) (string, bool) {
	ascii := 0
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return "", false
		}
		if b < 0x80 {
			ascii++
		}
	}
	// Western text is mostly ASCII with a few accented letters.
	if ascii*10 < len(data)*8 {
		return "", false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || bytes.Contains(out, []byte("\uFFFD")) {
		return "", false
	}
	for _, r := range string(out) {
		if r >= 0x80 && !unicode.IsLetter(r) && !strings.ContainsRune("€£°«»–—‘’“”…·\u00a0", r) {
			return "", false
		}
	}
	return string(out), true
}
