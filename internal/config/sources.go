package config

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/diag"
	"github.com/pmokit/pmo/internal/project"
)

// maxRow is the last row of an Excel sheet.
const maxRow = 1 << 20

func (d *decoder) sources(n *yaml.Node, s *shape, dir string, teams []Team) []Source {
	var out []Source
	seen := map[string]int{}
	for _, item := range d.list(n, "sources") {
		f := d.mapping(item, "sources", s)
		if f == nil {
			continue
		}
		src := d.source(f, dir, teams)
		if src.File != "" {
			key := src.Path + "\x00" + src.Sheet + "\x00" + string(src.Kind)
			if line, dup := seen[key]; dup {
				d.found.Add(diag.Error, RuleDuplicateSource, src.FilePos,
					"source %q is listed twice (first at line %d); its rows would be counted twice", clip(src.File, 80), line)
			} else {
				seen[key] = src.FilePos.Row
			}
		}
		out = append(out, src)
	}
	return out
}

func (d *decoder) source(f *fields, dir string, teams []Team) Source {
	src := Source{Pos: d.pos(f.node)}
	if d.required(f, "file", diag.Error) != nil {
		src.FilePos = d.textKey(f, "file", &src.File)
		if src.File == "" {
			d.found.Add(diag.Error, RuleMissingKey, src.FilePos, "sources.file is empty")
		} else {
			src.Path = resolve(dir, src.File)
			src.Name = relName(dir, src.File)
			checkPath(&d.found, "sources.file", src.File, src.FilePos)
		}
	}
	if v := f.get("kind"); v != nil {
		if k, ok := d.oneOf(v, "sources.kind", kindNames()...); ok {
			src.Kind, src.KindPos = project.Kind(k), d.pos(v)
		}
	}
	if v := f.get("team"); v != nil {
		src.TeamPos = d.textKey(f, "team", &src.Team)
		if src.Team != "" && len(teams) > 0 && !slices.ContainsFunc(teams, func(t Team) bool { return t.Name == src.Team }) {
			var names []string
			for _, t := range teams {
				if !slices.Contains(names, t.Name) {
					names = append(names, t.Name)
				}
			}
			d.warnf(RuleUnknownTeam, v, "sources.team %q is not one of the teams (%s)", clip(src.Team, 40), strings.Join(names, ", "))
		}
	}
	d.textKey(f, "sheet", &src.Sheet)
	if v := f.get("category"); v != nil {
		src.Category, _ = d.oneOf(v, "sources.category", "defect")
	}
	if v := f.get("header_rows"); v != nil {
		src.HeaderRows = d.headerRows(v)
	}
	if v := f.get("columns"); v != nil {
		src.Columns = d.columns(v, src.Kind)
	}
	if v := f.get("encoding"); v != nil {
		if e, ok := d.str(v, "sources.encoding"); ok {
			src.Encoding = normalEncoding(e)
			if src.Encoding == "" {
				d.errorf(RuleBadValue, v, "sources.encoding %q is not one of utf-8, shift_jis (cp932, sjis and windows-31j mean shift_jis)", clip(e, 40))
			}
		}
	}
	if v := f.get("password_env"); v != nil {
		if e, ok := d.str(v, "sources.password_env"); ok {
			if validEnvName(e) {
				src.PasswordEnv = e
			} else {
				// Quote nothing: the value may be the password itself.
				d.errorf(RuleBadValue, v, "sources.password_env must be the name of an environment variable (letters, digits and _), not the password")
			}
		}
	}
	return src
}

func kindNames() []string {
	names := make([]string, len(project.Kinds))
	for i, k := range project.Kinds {
		names[i] = string(k)
	}
	return names
}

// headerRows reads one row number or a list of them.
func (d *decoder) headerRows(n *yaml.Node) []int {
	items := []*yaml.Node{n}
	if n.Kind != yaml.ScalarNode {
		items = d.list(n, "sources.header_rows")
	}
	var rows []int
	for _, item := range items {
		r, ok := d.integer(item, "sources.header_rows")
		switch {
		case !ok:
		case r < 1 || r > maxRow:
			d.errorf(RuleBadValue, item, "sources.header_rows: row %d is outside 1..%d", r, maxRow)
		default:
			rows = append(rows, r)
		}
	}
	return rows
}

// columns reads the field -> header mapping. Its keys are the standard
// fields of the source's kind, so it gets its own check and message rather
// than the generic unknown-key one.
func (d *decoder) columns(n *yaml.Node, kind project.Kind) []Column {
	if n.Kind != yaml.MappingNode {
		d.errorf(RuleWrongType, n, "sources.columns must be a mapping of field: header, got %s", describe(n))
		return nil
	}
	allowed := Fields(kind)
	var of diag.Phrase
	if kind != "" {
		of = diag.Phrase{EN: " for kind " + string(kind), JA: "（種類 " + string(kind) + "）"}
	}
	var out []Column
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(RuleWrongType, k, "a key in sources.columns must be a field name, got %s", describe(k))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(RuleDuplicateKey, k, "duplicate key %q in sources.columns (first at line %d)", clip(k.Value, 40), line)
			continue
		}
		seen[k.Value] = k.Line
		if !slices.Contains(allowed, k.Value) {
			d.errorf(RuleUnknownField, k, "unknown field %q in sources.columns%s%s", clip(k.Value, 40), of, didYouMean(k.Value, allowed))
			continue
		}
		if isNull(v) {
			continue
		}
		c := Column{Field: k.Value, Pos: d.pos(v)}
		path := "sources.columns." + k.Value
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int":
			col, err := strconv.Atoi(v.Value)
			if err != nil || col < 1 || col > 16384 {
				d.errorf(RuleBadValue, v, "%s: column %s is outside 1..16384 (A..XFD)", path, describe(v))
				continue
			}
			c.Letter = col
		default:
			h, ok := d.str(v, path)
			if !ok {
				continue
			}
			if h == "" {
				d.errorf(RuleBadValue, v, "%s is empty", path)
				continue
			}
			c.Header, c.Letter = h, columnLetter(h)
		}
		out = append(out, c)
	}
	return out
}

// columnLetter returns the column named by s when s is written in capital
// letters A..XFD, else 0. Lower case is taken as header text.
func columnLetter(s string) int {
	if s != strings.ToUpper(s) {
		return 0
	}
	return diag.ColumnNumber(s)
}

// normalEncoding maps the names people use for Japanese Windows text to
// the two encodings pmo reads; "" when s is none of them.
func normalEncoding(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "utf-8", "utf8":
		return EncodingUTF8
	case "shift_jis", "shift-jis", "shiftjis", "sjis", "cp932", "ms932", "windows-31j":
		return EncodingShiftJIS
	}
	return ""
}

func validEnvName(s string) bool {
	for i, c := range s {
		switch {
		case c == '_', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return s != ""
}

// relName names a source relative to the project's folder dir: the path
// as written when it is relative, cleaned to slashes; an absolute one made
// relative to the folder where it can be, else kept whole.
func relName(dir, file string) string {
	// \ separates folders too, as in resolve.
	f := filepath.FromSlash(strings.ReplaceAll(file, `\`, "/"))
	if !filepath.IsAbs(f) {
		return filepath.ToSlash(filepath.Clean(f))
	}
	if abs, err := filepath.Abs(dir); err == nil {
		if rel, err := filepath.Rel(abs, f); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(f))
}
