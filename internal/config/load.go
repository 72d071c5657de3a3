package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/textenc"
)

// Load reads a project definition. Problems in the content are findings,
// each at file:line:col; the returned Project holds everything that could
// be read. An error (a *diag.InputError with its position) means the file
// could not be used at all: missing or unreadable, a directory, empty, not
// UTF-8, invalid YAML (tabs for indentation get a message of their own),
// containing aliases, not a mapping, or version missing or other than 1.
func Load(path string) (*Project, diag.Findings, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, nil, err
	}
	return Parse(path, data)
}

// Parse is Load without the file system: path's folder is where sources
// are resolved from. Positions name the file by its base name, the path
// relative to its own folder, as sources are named relative to it: the
// same project read from any working directory gives the same findings,
// history keys and outputs.
func Parse(path string, data []byte) (*Project, diag.Findings, error) {
	name := filepath.Base(path)
	data, encoding := decodeText(data)
	root, err := document(name, data)
	if err != nil {
		return nil, nil, err
	}
	version, err := checkVersion(name, root)
	if err != nil {
		return nil, nil, err
	}
	dir := filepath.Dir(path)
	d := newDecoder(name)
	d.encoding(encoding)
	p := d.project(root, dir)
	p.Path, p.Dir, p.Version = path, dir, version
	d.found.Sort()
	return p, d.found, nil
}

// decodeText turns a file saved as UTF-16 (with its BOM) or Shift_JIS
// (CP932, Notepad's "ANSI" on Japanese Windows) into UTF-8, and says which
// it was; "" for UTF-8, and for bytes it cannot tell, which document then
// refuses with the position of the first bad byte.
func decodeText(data []byte) ([]byte, string) {
	text, enc, binary, ok := textenc.Detect(data)
	if !ok || binary || enc == textenc.UTF8 {
		return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), ""
	}
	return []byte(text), enc
}

// encoding notes that the file was not UTF-8, so the user knows how it was
// read: a Shift_JIS file read as such is right for its Japanese text but
// is worth saving as UTF-8, which every editor and pmo read the same.
func (d *decoder) encoding(enc string) {
	if enc == "" {
		return
	}
	d.found.Add(diag.Info, RuleEncoding, diag.Pos{File: d.file, Row: 1, Col: 1},
		"the file is saved in %s, not UTF-8; it was read as %s (saving it as UTF-8 is recommended)", textenc.Label(enc), textenc.Label(enc))
}

func readFile(path string) ([]byte, error) {
	return limits.ReadFile(path, diag.Pos{File: path}, limits.YAMLBytes)
}

// reason drops the path from an *fs.PathError, which the position already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// document parses data as exactly one YAML document whose top level is a
// mapping without aliases, and returns that mapping.
func document(path string, data []byte) (*yaml.Node, error) {
	at := diag.Pos{File: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, diag.Errorf(at, "file is empty")
	}
	if line, col, bad := firstInvalidUTF8(data); bad {
		at.Row, at.Col = line, col
		return nil, diag.Errorf(at, "file is neither UTF-8 nor Shift_JIS text; save it as UTF-8")
	}
	doc, extra, err := decodeYAML(data)
	switch {
	case errors.Is(err, io.EOF):
		return nil, diag.Errorf(at, "file is empty (only comments)")
	case err != nil:
		return nil, syntaxError(path, data, err)
	}
	if extra != nil {
		at.Row = extra.Line
		return nil, diag.Errorf(at, "a second YAML document starts here; a file holds one document")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, diag.Errorf(at, "file is empty")
	}
	root := doc.Content[0]
	refold(root, bytes.Split(data, []byte("\n")))
	if a := firstAlias(root); a != nil {
		at.Row, at.Col = a.Line, a.Column
		return nil, diag.Errorf(at, "aliases are not supported (*%s); write the value out in full", clip(a.Value, 40))
	}
	if root.Kind != yaml.MappingNode {
		at.Row, at.Col = root.Line, root.Column
		return nil, diag.Errorf(at, "the file must be a mapping of keys starting with \"version: 1\", got %s", describe(root))
	}
	return root, nil
}

// decodeYAML reads the first document and tells whether a second, non-empty
// one follows.
func decodeYAML(data []byte) (doc, extra *yaml.Node, err error) {
	// The YAML library has panicked on malformed input before (it says
	// "please report"); a bad file must never crash the batch.
	defer func() {
		if r := recover(); r != nil {
			doc, extra, err = nil, nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, second yaml.Node
	if err := dec.Decode(&first); err != nil {
		return nil, nil, err
	}
	switch err := dec.Decode(&second); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, nil, err
	case len(second.Content) > 0 && !(isNull(second.Content[0]) && second.Content[0].Value == ""):
		return &first, &second, nil
	}
	return &first, nil, nil
}

// syntaxError turns a YAML parser error into an InputError at its line.
// Tabs get their own message: they are the commonest cause and the
// parser's "found character that cannot start any token" does not say so.
func syntaxError(path string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if n, convErr := strconv.Atoi(num); convErr == nil {
				line, msg = n, text
				if parserProblem(msg) {
					// The library counts lines from 0 for parser (as
					// opposed to scanner) errors.
					line++
				}
			}
		}
	}
	// At the end of the input the library can name a line past the last.
	line = min(line, lineCount(data))
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name = strings.TrimSuffix(name, "' referenced")
		at := diag.Pos{File: path, Row: lineOf(data, "*"+name)}
		return diag.Wrapf(at, err, "aliases are not supported (*%s)", clip(name, 40))
	}
	if tl, tc := firstTabIndent(data); tl > 0 && (line == 0 || tl <= line+1) {
		return diag.Wrapf(diag.Pos{File: path, Row: tl, Col: tc}, err, "a tab is used for indentation; YAML allows only spaces there")
	}
	return diag.Wrapf(diag.Pos{File: path, Row: line}, err, "invalid YAML: %s", msg)
}

// parserProblem reports whether msg is one of the parser's (not the
// scanner's) problems, whose line numbers are off by one.
func parserProblem(msg string) bool {
	switch msg {
	case "did not find expected <stream-start>", "did not find expected <document start>",
		"did not find expected node content", "did not find expected '-' indicator",
		"did not find expected key", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"found undefined tag handle", "found duplicate %YAML directive", "found incompatible YAML document",
		"found duplicate %TAG directive":
		return true
	}
	return false
}

// lineCount counts lines the way YAML does.
func lineCount(data []byte) int {
	n := 1
	for i := 0; i < len(data); {
		if size := lineBreak(data[i:]); size > 0 {
			n++
			i += size
			continue
		}
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return n
}

// lineBreak returns the length of the line break data starts with, or 0.
// YAML ends lines at CR LF, CR, LF, NEL, LS and PS.
func lineBreak(data []byte) int {
	switch {
	case bytes.HasPrefix(data, []byte("\r\n")):
		return 2
	case len(data) > 0 && (data[0] == '\r' || data[0] == '\n'):
		return 1
	case bytes.HasPrefix(data, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(data, []byte("\u2028")), bytes.HasPrefix(data, []byte("\u2029")):
		return 3
	}
	return 0
}

// lineOf returns the 1-based line of the first occurrence of s, or 0.
func lineOf(data []byte, s string) int {
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		return 0
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// firstTabIndent returns the line and column of the first tab in the
// leading white space of a non-blank line, or 0, 0.
func firstTabIndent(data []byte) (line, col int) {
	for i, l := range bytes.Split(data, []byte("\n")) {
		for j, c := range l {
			if c == '\t' {
				if len(bytes.TrimSpace(l)) > 0 {
					return i + 1, j + 1
				}
				break
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0, 0
}

// firstInvalidUTF8 returns the 1-based line and column of the first byte
// that is not UTF-8.
func firstInvalidUTF8(data []byte) (line, col int, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if n := lineBreak(data[i:]); n > 0 {
			line, col, size = line+1, 1, n
		} else {
			col++
		}
		i += size
	}
	return 0, 0, false
}

// firstAlias returns the first alias in document order, or nil. Aliases
// are refused outright: project files never need them, and refusing them
// defeats "billion laughs" expansion before anything is expanded.
func firstAlias(root *yaml.Node) *yaml.Node {
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Kind == yaml.AliasNode {
			return n
		}
		for i := len(n.Content) - 1; i >= 0; i-- {
			stack = append(stack, n.Content[i])
		}
	}
	return nil
}

// checkVersion finds the top-level version key, which decides how the rest
// is read, so it is an error rather than a finding.
func checkVersion(path string, root *yaml.Node) (int, error) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Kind == yaml.ScalarNode && k.Value == "version" {
			if v.Kind == yaml.ScalarNode && v.Value == "1" && (v.ShortTag() == "!!int" || v.ShortTag() == "!!str") {
				return 1, nil
			}
			return 0, diag.Errorf(diag.Pos{File: path, Row: v.Line, Col: v.Column},
				"version must be 1, got %s", describe(v))
		}
	}
	return 0, diag.Errorf(diag.Pos{File: path, Row: root.Line, Col: root.Column},
		"missing \"version: 1\" at the top level")
}
