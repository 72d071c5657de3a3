// Package diag describes where a value came from and what is wrong with it:
// positions in YAML files and spreadsheets, and the findings pmo reports.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity orders findings: errors fail validation, warnings only with
// --strict, info never.
type Severity int

// Severities, least serious first.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns the lower-case name used in text and JSON output.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "info"
	}
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	case "info":
		*s = Info
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Pos points at a place in an input: a YAML or CSV line and column, or a
// spreadsheet sheet, row and column. Row and Col are 1-based; 0 means unknown.
//
// Every record read carries one, so it is kept small (72 bytes): the
// element names of an XML position share Path's string rather than
// taking a field of their own that every spreadsheet position would
// carry empty.
type Pos struct {
	File  string // as the user named it, relative to the working directory or the YAML
	Sheet string // empty for YAML and CSV
	// Path is an element of an XML project file, such as Task[UID=12], as
	// XMLPath makes it: the position prints as file#Task[UID=12], and with
	// Col > 0 as file#Task[UID=12]/Name, Name being the Col-th of the
	// reader's comma-separated element names. Row then only orders records
	// as they stand in the file.
	Path string
	Row  int  // spreadsheet row, or YAML/CSV line
	Col  int  // spreadsheet column, or YAML column
	CSV  bool // a CSV position prints as file:line (column letter when known)
}

// XMLPath returns the Path of a position in an XML project file: the
// element path (Task[UID=12]) and the comma-separated names of the
// elements a Col can name (a constant of the reader, so positions stay
// comparable), kept in one string after a NUL, which no element path
// holds. Positions order by the element path first, as before.
func XMLPath(path, elems string) string { return path + "\x00" + elems }

// String formats the position as file!Sheet!C12 for workbooks, file:line:col
// for YAML and file:line for CSV (file:line!C when the column is known).
// The file is written with forward slashes on every system (Windows takes
// them too), so outputs do not depend on where they were made.
func (p Pos) String() string {
	var buf [96]byte
	return string(p.Append(buf[:0]))
}

// Append appends p as String formats it to b.
func (p Pos) Append(b []byte) []byte {
	b = appendSlash(b, p.File)
	switch {
	case p.Path != "":
		path, elems, _ := strings.Cut(p.Path, "\x00")
		b = append(b, '#')
		b = append(b, path...)
		if name := elemName(elems, p.Col); name != "" {
			b = append(b, '/')
			b = append(b, name...)
		}
	case p.Sheet != "":
		b = append(b, '!')
		b = append(b, p.Sheet...)
		if p.Row > 0 {
			b = append(b, '!')
			if p.Col > 0 {
				b = appendColumn(b, p.Col)
			}
			b = strconv.AppendInt(b, int64(p.Row), 10)
		}
	case p.CSV:
		if p.Row > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(p.Row), 10)
			if p.Col > 0 {
				b = append(b, '!')
				b = appendColumn(b, p.Col)
			}
		}
	default:
		if p.Row > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(p.Row), 10)
			if p.Col > 0 {
				b = append(b, ':')
				b = strconv.AppendInt(b, int64(p.Col), 10)
			}
		}
	}
	return b
}

// appendSlash appends file with forward slashes, as filepath.ToSlash
// writes it.
func appendSlash(b []byte, file string) []byte {
	if filepath.Separator == '/' {
		return append(b, file...)
	}
	return append(b, filepath.ToSlash(file)...)
}

// elemName returns the col-th (1-based) name of a comma-separated list.
func elemName(elems string, col int) string {
	for i := 1; col > 0 && elems != ""; i++ {
		name, rest, _ := strings.Cut(elems, ",")
		if i == col {
			return name
		}
		elems = rest
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (p Pos) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. The text is kept
// whole as File: String gives it back unchanged, which is all a position
// read back from JSON is used for.
func (p *Pos) UnmarshalText(b []byte) error {
	*p = Pos{File: string(b)}
	return nil
}

// Compare orders positions by file, sheet, row, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(
		strings.Compare(p.File, q.File),
		strings.Compare(p.Sheet, q.Sheet),
		cmp.Compare(p.Row, q.Row),
		strings.Compare(p.Path, q.Path),
		cmp.Compare(p.Col, q.Col),
	)
}

// At returns p moved to another column of the same row.
func (p Pos) At(col int) Pos { p.Col = col; return p }

// ColumnName converts a 1-based column number to letters: 1 -> A, 28 -> AB.
func ColumnName(n int) string {
	var buf [16]byte
	return string(appendColumn(buf[:0], n))
}

// appendColumn appends ColumnName(n) to b.
func appendColumn(b []byte, n int) []byte {
	if n <= 0 {
		return b
	}
	var buf [16]byte
	i := len(buf)
	for n > 0 {
		n--
		i--
		buf[i] = byte('A' + n%26)
		n /= 26
	}
	return append(b, buf[i:]...)
}

// ColumnNumber converts column letters to a 1-based number; 0 when s is not
// a column name (A..XFD).
func ColumnNumber(s string) int {
	if s == "" || len(s) > 3 {
		return 0
	}
	n := 0
	for _, r := range strings.ToUpper(s) {
		if r < 'A' || r > 'Z' {
			return 0
		}
		n = n*26 + int(r-'A'+1)
	}
	if n > 16384 {
		return 0
	}
	return n
}

// Finding is one problem found in the user's data. Message is English;
// MessageJA is the same finding in Japanese, empty when no wording exists
// (Text then falls back to Message).
type Finding struct {
	Severity  Severity `json:"severity"`
	Rule      string   `json:"rule"`
	Pos       Pos      `json:"position"`
	Message   string   `json:"message"`
	MessageJA string   `json:"message_ja,omitempty"`
	// More is set on a summary finding (RuleCap): the number of findings
	// of its rule in its table it stands for, not listed one by one.
	More int `json:"more,omitempty"`
}

// String formats the finding in English as "severity: position: message
// [rule]".
func (f Finding) String() string { return f.Format("en") }

// Text returns the message in lang: Japanese for "ja" when there is a
// Japanese wording, English otherwise.
func (f Finding) Text(lang string) string {
	if lang == "ja" && f.MessageJA != "" {
		return f.MessageJA
	}
	return f.Message
}

// Format is String with the message in lang. Severity and rule stay in
// English: they are identifiers people grep for and look up with
// pmo validate --rules.
func (f Finding) Format(lang string) string {
	pos := f.Pos.String()
	if pos == "" {
		return fmt.Sprintf("%s: %s [%s]", f.Severity, f.Text(lang), f.Rule)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", f.Severity, pos, f.Text(lang), f.Rule)
}

// Findings collects findings in the order they were made.
type Findings []Finding

// Add appends a finding. Its Japanese message uses the wording
// messages_ja.go gives for format, with the same arguments.
func (fs *Findings) Add(sev Severity, rule string, pos Pos, format string, args ...any) {
	f := Finding{Severity: sev, Rule: rule, Pos: pos, Message: fmt.Sprintf(format, args...)}
	if ja, ok := messagesJA[format]; ok {
		f.MessageJA = oneLine(fmt.Sprintf(ja, args...))
	}
	*fs = append(*fs, f)
}

// oneLine escapes control characters and invalid UTF-8. The English
// formats quote user text with %q, which does this; the Japanese ones put
// it in 「」 with %s, and a line break typed in a cell (Alt+Enter) must not
// split a finding over two lines of output.
func oneLine(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsEscape reports whether s holds a control character, invalid UTF-8
// or U+FFFD — a rune r < 0x20, r == 0x7f or r == utf8.RuneError — without
// decoding it rune by rune: in valid UTF-8 no byte of a multi-byte
// character is below 0x80.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		}
	}
	return !utf8.ValidString(s) || strings.Contains(s, "\uFFFD")
}

// Sort orders findings by position, then rule and message, so output does
// not depend on the order checks ran in.
func (fs Findings) Sort() {
	// Sort the positions and move each finding once: a stable sort of the
	// findings themselves moves them O(n log² n) times, and a big sheet
	// has tens of thousands.
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &fs[i], &fs[j]
		return cmp.Or(a.Pos.Compare(b.Pos), strings.Compare(a.Rule, b.Rule), strings.Compare(a.Message, b.Message), cmp.Compare(i, j))
	})
	sorted := make(Findings, len(fs))
	for k, i := range idx {
		sorted[k] = fs[i]
	}
	copy(fs, sorted)
}

// Count returns how many findings have exactly the given severity.
func (fs Findings) Count(sev Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == sev {
			n += f.weight()
		}
	}
	return n
}

// InputError is a failure that stops reading an input, with the position it
// happened at. Its message is one line that names the file, and the sheet
// and cell when known. Msg is English; MsgJA is the same message in
// Japanese, empty when no wording exists (Text then falls back to Msg).
type InputError struct {
	Pos   Pos
	Msg   string
	MsgJA string
	Err   error // underlying cause, may be nil
}

// Error implements error, in English.
func (e *InputError) Error() string { return e.Text("en") }

// Text returns the error as "position: message" with the message in lang:
// Japanese for "ja" when there is a Japanese wording, English otherwise.
func (e *InputError) Text(lang string) string {
	msg := e.Msg
	if lang == "ja" && e.MsgJA != "" {
		msg = e.MsgJA
	}
	if pos := e.Pos.String(); pos != "" {
		return pos + ": " + msg
	}
	return msg
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Errorf returns an *InputError at pos. Its Japanese message uses the
// wording messages_ja.go gives for format, with the same arguments.
func Errorf(pos Pos, format string, args ...any) *InputError {
	return Wrapf(pos, nil, format, args...)
}

// Wrapf is Errorf keeping err as the cause, for errors.Is and errors.As;
// the message says what went wrong itself, usually with part of err in it.
func Wrapf(pos Pos, err error, format string, args ...any) *InputError {
	e := &InputError{Pos: pos, Msg: fmt.Sprintf(format, args...), Err: err}
	if ja, ok := messagesJA[format]; ok {
		e.MsgJA = oneLine(fmt.Sprintf(ja, args...))
	}
	return e
}

// Phrase is a fragment built into a message in both languages, such as a
// "did you mean" hint. With the %s verb it prints its English; with %v its
// Japanese — the Japanese catalogue formats use %v where a Phrase goes, so
// one set of arguments serves both wordings.
type Phrase struct{ EN, JA string }

// Format implements fmt.Formatter.
func (p Phrase) Format(f fmt.State, verb rune) {
	if verb == 'v' {
		io.WriteString(f, p.JA)
		return
	}
	io.WriteString(f, p.EN)
}

// Grouped writes n with commas between groups of three digits: 1,048,576.
func Grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
