package config

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pmokit/pmo/internal/project"
)

type object = map[string]any

func loadSchema(t *testing.T) (root, defs object) {
	t.Helper()
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatalf("schema is not valid JSON: %v", err)
	}
	defs, _ = root["$defs"].(object)
	if defs == nil {
		t.Fatal("schema has no $defs")
	}
	return root, defs
}

// deref follows a local $ref.
func deref(t *testing.T, defs object, n object) object {
	t.Helper()
	for {
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		target, found := defs[name].(object)
		if !ok || !found {
			t.Fatalf("$ref %q does not resolve", ref)
		}
		n = target
	}
}

// objectSchema finds the object schema a value may take: the value itself,
// its list items, or the object alternative of a oneOf.
func objectSchema(t *testing.T, defs object, n object) object {
	t.Helper()
	n = deref(t, defs, n)
	if _, ok := n["properties"]; ok {
		return n
	}
	if items, ok := n["items"].(object); ok {
		return objectSchema(t, defs, items)
	}
	if alts, ok := n["oneOf"].([]any); ok {
		for _, a := range alts {
			if o := objectSchema(t, defs, a.(object)); o != nil {
				return o
			}
		}
	}
	return nil
}

// compare walks the loader's shape and the schema side by side: every key
// the loader accepts is in the schema and the reverse, and both are closed.
func compare(t *testing.T, defs object, path string, s *shape, n object) {
	t.Helper()
	if n == nil {
		t.Errorf("%s: the schema has no object here", path)
		return
	}
	if n["additionalProperties"] != false {
		t.Errorf("%s: the schema allows unknown keys, the loader does not", path)
	}
	props, _ := n["properties"].(object)
	for _, k := range s.keys {
		p, ok := props[k].(object)
		if !ok {
			t.Errorf("%s: key %q is accepted by the loader but missing from the schema", path, k)
			continue
		}
		if sub := s.sub[k]; sub != nil {
			compare(t, defs, path+"."+k, sub, objectSchema(t, defs, p))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(props)) {
		if !s.allows(k) {
			t.Errorf("%s: key %q is in the schema but the loader rejects it", path, k)
		}
	}
}

func TestSchemaMatchesLoader(t *testing.T) {
	t.Parallel()
	root, defs := loadSchema(t)
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", root["$schema"])
	}
	compare(t, defs, "project file", projectShape(), objectSchema(t, defs, object{"$ref": "#/$defs/projectFile"}))
	compare(t, defs, "portfolio file", portfolioShape(), objectSchema(t, defs, object{"$ref": "#/$defs/portfolioFile"}))
}

func TestSchemaRefsResolve(t *testing.T) {
	t.Parallel()
	root, defs := loadSchema(t)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case object:
			if _, ok := v["$ref"]; ok {
				deref(t, defs, v)
			}
			for _, k := range slices.Sorted(maps.Keys(v)) {
				walk(v[k])
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(root)
}

func TestSchemaEnums(t *testing.T) {
	t.Parallel()
	_, defs := loadSchema(t)
	enum := func(def, key string) []string {
		props := defs[def].(object)["properties"].(object)
		var out []string
		for _, v := range props[key].(object)["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	if got := enum("source", "kind"); !slices.Equal(got, kindNames()) {
		t.Errorf("source kinds = %v", got)
	}
	if got := enum("calendar", "holidays"); !slices.Equal(got, []string{"jp", "none"}) {
		t.Errorf("holidays = %v", got)
	}
	if got := enum("report", "lang"); !slices.Equal(got, []string{"ja", "en"}) {
		t.Errorf("langs = %v", got)
	}
	for _, e := range enum("source", "encoding") {
		if normalEncoding(e) == "" {
			t.Errorf("the schema allows encoding %q, the loader does not", e)
		}
	}
	// Per-kind column names in the source's if/then rules match Fields.
	rules := defs["source"].(object)["allOf"].([]any)
	if len(rules) != len(project.Kinds) {
		t.Fatalf("%d per-kind rules, want %d", len(rules), len(project.Kinds))
	}
	for i, r := range rules {
		r := r.(object)
		kind := r["if"].(object)["properties"].(object)["kind"].(object)["const"].(string)
		names := r["then"].(object)["properties"].(object)["columns"].(object)["propertyNames"].(object)["enum"].([]any)
		var got []string
		for _, n := range names {
			got = append(got, n.(string))
		}
		if kind != string(project.Kinds[i]) || !slices.Equal(got, Fields(project.Kind(kind))) {
			t.Errorf("rule %d: kind %q columns %v, want %v", i, kind, got, Fields(project.Kind(kind)))
		}
	}
}

func TestSchemaIsACopy(t *testing.T) {
	t.Parallel()
	a := Schema()
	a[0] = 'x'
	if Schema()[0] != '{' {
		t.Error("Schema hands out its own bytes")
	}
}
