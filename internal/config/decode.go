package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pmokit/pmo/internal/date"
	"github.com/pmokit/pmo/internal/diag"
)

// decoder walks one YAML document, collecting findings instead of stopping
// at the first problem.
type decoder struct {
	file  string
	found diag.Findings
	given map[string]bool // dotted keys with a non-null value, e.g. "thresholds.spi.red"
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, given: map[string]bool{}}
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Row: n.Line, Col: n.Column}
}

func (d *decoder) errorf(rule string, n *yaml.Node, format string, args ...any) {
	d.found.Add(diag.Error, rule, d.pos(n), format, args...)
}

func (d *decoder) warnf(rule string, n *yaml.Node, format string, args ...any) {
	d.found.Add(diag.Warning, rule, d.pos(n), format, args...)
}

// join builds the dotted key used in messages and in given.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// where names a mapping in messages.
func where(path string) diag.Phrase {
	if path == "" {
		return diag.Phrase{EN: "the top level", JA: "最上位"}
	}
	return diag.Phrase{EN: path, JA: path}
}

// entry is one key of a mapping with its value.
type entry struct{ key, val *yaml.Node }

// fields is a checked mapping: only allowed keys, each at most once.
type fields struct {
	node *yaml.Node
	path string
	m    map[string]entry
}

// get returns the value of key, or nil when the key is absent or null:
// "key:" with nothing after it means the same as leaving the key out.
func (f *fields) get(key string) *yaml.Node {
	e, ok := f.m[key]
	if !ok || isNull(e.val) {
		return nil
	}
	return e.val
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// mapping checks that n is a mapping whose keys s allows, reporting unknown
// and repeated keys, and returns its entries. It returns nil, after a
// finding, when n is not a mapping.
func (d *decoder) mapping(n *yaml.Node, path string, s *shape) *fields {
	if n.Kind != yaml.MappingNode {
		d.errorf(RuleWrongType, n, "%s must be a mapping of keys, got %s", where(path), describe(n))
		return nil
	}
	f := &fields{node: n, path: path, m: map[string]entry{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(RuleWrongType, k, "a key in %s must be a plain name, got %s", where(path), describe(k))
			continue
		}
		if prev, dup := f.m[k.Value]; dup {
			d.errorf(RuleDuplicateKey, k, "duplicate key %q in %s (first at line %d)", clip(k.Value, 40), where(path), prev.key.Line)
			continue
		}
		if !s.allows(k.Value) {
			d.errorf(RuleUnknownKey, k, "unknown key %q in %s%s", clip(k.Value, 40), where(path), didYouMean(k.Value, s.keys))
			continue
		}
		f.m[k.Value] = entry{k, v}
		if !isNull(v) {
			d.given[join(path, k.Value)] = true
		}
	}
	return f
}

// required returns the value of a key that must be present, reporting it
// when it is missing or empty.
func (d *decoder) required(f *fields, key string, sev diag.Severity) *yaml.Node {
	if v := f.get(key); v != nil {
		return v
	}
	if e, ok := f.m[key]; ok {
		d.found.Add(sev, RuleMissingKey, d.pos(e.val), "%s is empty", join(f.path, key))
		return nil
	}
	d.found.Add(sev, RuleMissingKey, d.pos(f.node), "missing required key %q in %s", key, where(f.path))
	return nil
}

// describe shows a node in "got ..." messages.
func describe(n *yaml.Node) diag.Phrase {
	switch n.Kind {
	case yaml.MappingNode:
		return diag.Phrase{EN: "a mapping", JA: "マッピング"}
	case yaml.SequenceNode:
		return diag.Phrase{EN: "a list", JA: "リスト"}
	case yaml.ScalarNode:
		if isNull(n) {
			return diag.Phrase{EN: "nothing", JA: "空"}
		}
		q := strconv.Quote(clip(n.Value, 40))
		return diag.Phrase{EN: q, JA: q}
	default:
		return diag.Phrase{EN: "an alias", JA: "エイリアス"}
	}
}

// clip shortens s to at most n runes so one bad value cannot flood a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// str reads any scalar as text: names such as 3.4 or 2026 are text here.
func (d *decoder) str(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(RuleWrongType, n, "%s must be text, got %s", path, describe(n))
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// number reads a finite number. Quoted numbers and digit-grouping commas
// ("12,000,000", the way budgets are written in Japan) are accepted.
func (d *decoder) number(n *yaml.Node, path string) (float64, bool) {
	if n.Kind == yaml.ScalarNode {
		if v, ok := parseNumber(n); ok {
			return v, true
		}
	}
	d.errorf(RuleWrongType, n, "%s must be a number, got %s", path, describe(n))
	return 0, false
}

func parseNumber(n *yaml.Node) (float64, bool) {
	s := strings.TrimSpace(n.Value)
	switch n.ShortTag() {
	case "!!int":
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return float64(i), true
		}
	case "!!float", "!!str":
		if n.ShortTag() == "!!str" {
			s = strings.ReplaceAll(s, ",", "")
		}
		if s == "" || strings.ContainsAny(s, "xXpP_") {
			return 0, false
		}
		f, err := strconv.ParseFloat(s, 64)
		if err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true
		}
	}
	return 0, false
}

// integer reads a whole number that fits an int.
func (d *decoder) integer(n *yaml.Node, path string) (int, bool) {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!str") {
		if i, err := strconv.ParseInt(strings.TrimSpace(n.Value), 10, 32); err == nil {
			return int(i), true
		}
	}
	d.errorf(RuleWrongType, n, "%s must be a whole number, got %s", path, describe(n))
	return 0, false
}

func (d *decoder) boolean(n *yaml.Node, path string) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b, true
		}
	}
	d.errorf(RuleWrongType, n, "%s must be true or false, got %s", path, describe(n))
	return false, false
}

// dateOf reads a date written as 2026-04-01 (a YAML timestamp when
// unquoted) or 2026/04/01, the way dates are typed in Japan.
func (d *decoder) dateOf(n *yaml.Node, path string) (date.Date, bool) {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		if v, ok := parseDate(strings.TrimSpace(n.Value)); ok {
			return v, true
		}
	}
	d.errorf(RuleBadDate, n, "%s: %s is not a date (write YYYY-MM-DD)", path, describe(n))
	return 0, false
}

// parseDate accepts YYYY-MM-DD and YYYY/MM/DD with one- or two-digit month
// and day, and only real days.
func parseDate(s string) (date.Date, bool) {
	sep := "-"
	if strings.Contains(s, "/") {
		sep = "/"
	}
	parts := strings.Split(s, sep)
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return 0, false
	}
	var n [3]int
	for i, p := range parts {
		if p == "" {
			return 0, false
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n[i], _ = strconv.Atoi(p)
	}
	if !date.Valid(n[0], time.Month(n[1]), n[2]) {
		return 0, false
	}
	return date.Of(n[0], time.Month(n[1]), n[2]), true
}

// list returns the items of a sequence, reporting anything else.
func (d *decoder) list(n *yaml.Node, path string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.errorf(RuleWrongType, n, "%s must be a list, got %s", path, describe(n))
		return nil
	}
	return n.Content
}

// texts reads a list of texts; a single text counts as a list of one,
// which is what people write when there is only one decision to ask for.
func (d *decoder) texts(n *yaml.Node, path string) []string {
	if n.Kind == yaml.ScalarNode {
		if s, ok := d.str(n, path); ok && s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, item := range d.list(n, path) {
		if isNull(item) {
			continue
		}
		if s, ok := d.str(item, path); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// oneOf reads a text that must be one of allowed, reporting the nearest
// allowed value when it is not.
func (d *decoder) oneOf(n *yaml.Node, path string, allowed ...string) (string, bool) {
	s, ok := d.str(n, path)
	if !ok {
		return "", false
	}
	for _, a := range allowed {
		if s == a {
			return s, true
		}
	}
	d.errorf(RuleBadValue, n, "%s %q is not one of %s%s", path, clip(s, 40), strings.Join(allowed, ", "), didYouMean(s, allowed))
	return "", false
}

// didYouMean returns ` (did you mean "x"?)` for the allowed word nearest to
// s, or "" when none is close enough to be a plausible typo.
func didYouMean(s string, allowed []string) diag.Phrase {
	best := diag.Nearest(s, allowed)
	if best == "" {
		return diag.Phrase{}
	}
	return diag.Phrase{EN: fmt.Sprintf(" (did you mean %q?)", best), JA: "（「" + best + "」の誤りでは？）"}
}
