// Package plan reads project-plan files that are not spreadsheets — MS
// Project XML (MSPDI) and GanttProject (.gan) — straight into standard
// tasks. Their fields are defined by a schema, so nothing is guessed: no
// header detection, no column scoring. Positions name the element a value
// came from, as plan.xml#Task[UID=12]/Finish.
package plan

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/limits"
	"github.com/pmokit/pmo/internal/project"
)

// Plan is what was read from one plan file: one table of tasks.
type Plan struct {
	Format   string // "MSPDI" or "GanttProject"
	Element  string // the element the tasks are, as a table's sheet name: "Tasks/Task"
	Columns  []Column
	Tasks    []project.Task
	Findings diag.Findings
}

// Column is an element (or attribute) of the task and the standard field
// it maps to.
type Column struct {
	Element string
	Field   string
}

// Format names the plan format of data, or "" when it is none: MSPDI is
// a Project element in the MS Project namespace, GanttProject a project
// element holding tasks. Only the first 4 KB are looked at.
func Format(data []byte) string {
	head := data[:min(len(data), 4096)]
	if u, ok := utf16Text(head); ok {
		head = u
	}
	i := rootStart(head)
	if i < 0 {
		return ""
	}
	root := head[i:]
	switch {
	case bytes.HasPrefix(root, []byte("<Project")) && bytes.Contains(root, []byte("schemas.microsoft.com/project")):
		return "MSPDI"
	case bytes.HasPrefix(root, []byte("<project")) && (bytes.Contains(head, []byte("<tasks")) || bytes.Contains(root[:min(len(root), 600)], []byte("gantt"))):
		return "GanttProject"
	}
	return ""
}

// rootStart returns where the root element starts, past a byte-order mark,
// the XML declaration, comments and doctype; -1 when head is not XML.
func rootStart(head []byte) int {
	i := 0
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	for i < len(head) {
		switch c := head[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case bytes.HasPrefix(head[i:], []byte("<!--")):
			e := bytes.Index(head[i:], []byte("-->"))
			if e < 0 {
				return -1
			}
			i += e + 3
		case bytes.HasPrefix(head[i:], []byte("<?")) || bytes.HasPrefix(head[i:], []byte("<!")):
			e := bytes.IndexByte(head[i:], '>')
			if e < 0 {
				return -1
			}
			i += e + 1
		case c == '<':
			return i
		default:
			return -1
		}
	}
	return -1
}

// utf16Text turns UTF-16 text with a byte-order mark into UTF-8.
func utf16Text(b []byte) ([]byte, bool) {
	var big bool
	switch {
	case bytes.HasPrefix(b, []byte("\xFF\xFE")):
	case bytes.HasPrefix(b, []byte("\xFE\xFF")):
		big = true
	default:
		return nil, false
	}
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u))), true
}

// Parse reads a plan file of either format.
func Parse(name string, data []byte) (*Plan, error) {
	if u, ok := utf16Text(data); ok {
		data = u
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var p *Plan
	var err error
	switch Format(data) {
	case "MSPDI":
		p, err = parseMSPDI(name, data)
	case "GanttProject":
		p, err = parseGAN(name, data)
	default:
		return nil, diag.Errorf(diag.Pos{File: name}, "an XML file that is neither MS Project XML nor a GanttProject file")
	}
	if err != nil {
		return nil, err
	}
	if len(p.Tasks) == 0 {
		return nil, diag.Errorf(diag.Pos{File: name}, "the project plan holds no tasks")
	}
	return p, nil
}

// decoder returns an XML decoder that accepts the encodings plan files
// declare once the bytes are UTF-8 (the declaration may still say UTF-16
// or Shift_JIS after utf16Text or a writer's mislabel).
func decoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "utf-8", "utf8", "us-ascii":
			return r, nil
		}
		return nil, errUnsupportedCharset
	}
	return d
}

type charsetError struct{}

func (charsetError) Error() string { return "unsupported XML encoding (save the file as UTF-8)" }

var errUnsupportedCharset = charsetError{}

// xmlError turns a decoder error into a one-line input error with the line.
func xmlError(name string, d *xml.Decoder, err error) error {
	line, _ := d.InputPos()
	var se *xml.SyntaxError
	if ok := asSyntax(err, &se); ok {
		line = se.Line
	}
	return diag.Errorf(diag.Pos{File: name, Row: line}, "malformed XML: %v", trimXMLError(err))
}

func asSyntax(err error, se **xml.SyntaxError) bool {
	s, ok := err.(*xml.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}

// trimXMLError keeps the decoder's reason on one printable line: it can
// quote bytes of the file.
func trimXMLError(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); i >= 0 && strings.HasPrefix(s, "XML syntax error on line") {
		s = s[i+2:]
	}
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7F || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}

// maxDepth bounds element nesting; GanttProject nests subtasks as
// elements, and real plans are a dozen levels deep at most.
const maxDepth = limits.XMLDepth

// maxTasks bounds how many tasks a plan may hold (see limits.PlanTasks).
const maxTasks = limits.PlanTasks

// isoDate reads the date part of an xsd:dateTime ("2026-04-01T08:00:00").
func isoDate(s string) (date.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil || (len(s) > 10 && s[10] != 'T' && s[10] != ' ') {
		return 0, false
	}
	return date.FromTime(t), true
}

func isTrue(s string) bool {
	s = strings.TrimSpace(s)
	return s == "1" || strings.EqualFold(s, "true")
}

func ptr(f float64) *float64 { return &f }

// elemCol is the 1-based place of elem in a comma-separated element list
// (the "column" a position names), or 0.
func elemCol(elems, elem string) int {
	i := 0
	for e := range strings.SplitSeq(elems, ",") {
		i++
		if e == elem {
			return i
		}
	}
	return 0
}
