package config

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// node is the part of a JSON Schema the reference page reads.
type node struct {
	Ref         string           `json:"$ref"`
	Type        any              `json:"type"`
	Enum        []any            `json:"enum"`
	Const       any              `json:"const"`
	Default     any              `json:"default"`
	Description string           `json:"description"`
	Properties  map[string]*node `json:"properties"`
	Required    []string         `json:"required"`
	Items       *node            `json:"items"`
	OneOf       []*node          `json:"oneOf"`
	Minimum     *float64         `json:"minimum"`
	ExclMinimum *float64         `json:"exclusiveMinimum"`
	Maximum     *float64         `json:"maximum"`
	Defs        map[string]*node `json:"$defs"`
}

// SchemaDoc renders the schema as the Markdown reference docs/yaml.md:
// one row per key of project.yaml and portfolio.yaml. The schema is
// written by hand and kept in step with the loader by a test, so the page
// follows the loader too.
func SchemaDoc() ([]byte, error) {
	var root node
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		return nil, err
	}
	w := &docWriter{defs: root.Defs, seen: map[string]seenDef{}}
	w.b.WriteString(`# YAML reference / YAML 定義の項目一覧

<!-- Generated from internal/config/schema.json (what pmo schema prints):
     go test ./internal/config -run TestYAMLDoc -update -->

Every key pmo reads, from the JSON Schema that ` + "`pmo schema`" + ` prints. A key
that is not listed here is a finding (` + "`config.unknown-key`" + `), with the nearest
known key suggested. Dates are written 2026-04-01 or 2026/04/01. Paths may
use \ or /.
pmo が読むすべてのキーの一覧です（` + "`pmo schema`" + ` の JSON Schema から生成）。
ここにないキーは指摘になります。

`)
	for i, f := range []struct{ title, def string }{
		{"project.yaml", "projectFile"},
		{"portfolio.yaml", "portfolioFile"},
	} {
		w.file = i
		fmt.Fprintf(&w.b, "## %s\n\n| key | value | meaning |\n|---|---|---|\n", f.title)
		w.object(w.defs[f.def], "")
		w.b.WriteString("\n")
	}
	return []byte(w.b.String()), nil
}

type docWriter struct {
	b    strings.Builder
	defs map[string]*node
	file int                // which file's keys are being listed
	seen map[string]seenDef // object definitions already listed, by name
}

// seenDef is where an object definition was first listed: a later file
// (portfolio defaults) refers to it rather than listing it again.
type seenDef struct {
	key  string
	file int
}

func (w *docWriter) resolve(n *node) (*node, string) {
	if n.Ref == "" {
		return n, ""
	}
	name := strings.TrimPrefix(n.Ref, "#/$defs/")
	return w.defs[name], name
}

// object lists n's properties under prefix: version, then the required
// keys, then the rest, each group alphabetical (encoding/json does not keep
// the file's order, and a fixed order keeps the page stable).
func (w *docWriter) object(n *node, prefix string) {
	keys := make([]string, 0, len(n.Properties))
	for k := range n.Properties {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if a == "version" || b == "version" {
			if a == "version" {
				return -1
			}
			return 1
		}
		ra, rb := slices.Contains(n.Required, a), slices.Contains(n.Required, b)
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		if a == "version" || b == "version" {
			if a == "version" {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		w.key(prefix+k, n.Properties[k], slices.Contains(n.Required, k))
	}
}

// key writes the row of one key and, for a mapping or a list of
// mappings, the rows of the keys inside it.
func (w *docWriter) key(path string, p *node, required bool) {
	t, name := w.resolve(p)
	desc := p.Description
	if desc == "" && name != "date" {
		desc = t.Description
	}
	value := w.describe(p)
	if required {
		value += " (required)"
	}
	if d := cmpDefault(p, t); d != "" {
		value += ", default `" + d + "`"
	}
	inner, list := t, ""
	if t.Items != nil {
		inner, _ = w.resolve(t.Items)
		list = "[]"
		if t.Items.Ref != "" {
			name = strings.TrimPrefix(t.Items.Ref, "#/$defs/")
		}
	}
	if len(inner.OneOf) > 0 {
		for _, o := range inner.OneOf {
			if o.Properties != nil {
				inner = o
			}
		}
	}
	if inner.Properties != nil {
		if fields := sameRef(inner); fields != nil {
			desc = strings.TrimSuffix(desc, ".") + ": " + strings.Join(fields, ", ")
			w.row(path, value, desc)
			return
		}
		if first, ok := w.seen[name]; ok && name != "" && first.file != w.file {
			w.row(path+list, value, strings.TrimSpace(desc+" The same keys as `"+first.key+"` in project.yaml."))
			return
		}
		if _, ok := w.seen[name]; !ok && name != "" {
			w.seen[name] = seenDef{path + list, w.file}
		}
		w.row(path+list, value, desc)
		w.object(inner, path+list+".")
		return
	}
	w.row(path, value, desc)
}

// sameRef returns the keys of an object whose every property is the
// same definition (the columns mapping), sorted; nil otherwise.
func sameRef(n *node) []string {
	ref := ""
	var keys []string
	for k, p := range n.Properties {
		if p.Ref == "" || (ref != "" && p.Ref != ref) {
			return nil
		}
		ref = p.Ref
		keys = append(keys, k)
	}
	if len(keys) < 6 {
		return nil
	}
	slices.Sort(keys)
	return keys
}

func cmpDefault(p, t *node) string {
	for _, n := range []*node{p, t} {
		if n.Default != nil {
			return fmt.Sprint(n.Default)
		}
	}
	return ""
}

func (w *docWriter) row(key, value, desc string) {
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	fmt.Fprintf(&w.b, "| `%s` | %s | %s |\n", key, esc.Replace(value), esc.Replace(desc))
}

// describe says in words what values a key takes.
func (w *docWriter) describe(p *node) string {
	t, name := w.resolve(p)
	switch name {
	case "date":
		return "date"
	case "dateOrRange":
		return "date or range `A..B`"
	}
	if t.Const != nil {
		return fmt.Sprintf("`%v`", t.Const)
	}
	if len(t.Enum) > 0 {
		var vs []string
		for _, v := range t.Enum {
			vs = append(vs, fmt.Sprintf("`%v`", v))
		}
		return "one of " + strings.Join(vs, ", ")
	}
	if len(t.OneOf) > 0 {
		var vs []string
		for _, o := range t.OneOf {
			if d := w.describe(o); !slices.Contains(vs, d) {
				vs = append(vs, d)
			}
		}
		return strings.Join(vs, " or ")
	}
	var s string
	switch ty := t.Type.(type) {
	case string:
		s = typeWord(ty)
	case []any:
		var vs []string
		for _, x := range ty {
			vs = append(vs, typeWord(fmt.Sprint(x)))
		}
		s = strings.Join(vs, " or ")
	}
	if t.Type == "array" && t.Items != nil {
		s = "list of " + w.describe(t.Items)
	}
	if t.Type == "object" && t.Properties != nil {
		s = "mapping"
	}
	return s + bounds(t)
}

func typeWord(t string) string {
	switch t {
	case "string":
		return "text"
	case "integer":
		return "whole number"
	case "boolean":
		return "true or false"
	case "object":
		return "mapping"
	}
	return t
}

func bounds(t *node) string {
	num := func(f *float64) string { return fmt.Sprint(*f) }
	switch {
	case t.Minimum != nil && t.Maximum != nil:
		return " " + num(t.Minimum) + "–" + num(t.Maximum)
	case t.ExclMinimum != nil && t.Maximum != nil:
		return " above " + num(t.ExclMinimum) + ", at most " + num(t.Maximum)
	case t.Minimum != nil:
		return " ≥ " + num(t.Minimum)
	case t.ExclMinimum != nil:
		return " > " + num(t.ExclMinimum)
	}
	return ""
}
