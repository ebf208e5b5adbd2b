// Package reportschema checks medsec's JSON Schemas in the tests of the
// packages that publish them: it compiles a schema with an independent
// validator (github.com/santhosh-tekuri/jsonschema/v6, with formats
// asserted), checks that every member and definition has a description,
// and makes mutants of a valid document on which a package's decoder and
// its schema must agree. Only tests import it.
package reportschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile compiles the schema, whose $id is id, asserting formats.
func Compile(t testing.TB, id string, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// Validate validates one JSON document against sch.
func Validate(sch *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// Descriptions fails for every member ("properties"), definition
// ("$defs") and alternative ("anyOf", "oneOf") of the schema, at any
// depth, that has no description, and for the schema itself.
func Descriptions(t testing.TB, schema []byte) {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, s map[string]any)
	walk = func(path string, s map[string]any) {
		if d, ok := s["description"].(string); !ok || strings.TrimSpace(d) == "" {
			t.Errorf("schema %s has no description", path)
		}
		for _, group := range []string{"properties", "$defs"} {
			m, _ := s[group].(map[string]any)
			for _, k := range sortedKeys(m) {
				if sub, ok := m[k].(map[string]any); ok {
					walk(path+"/"+group+"/"+k, sub)
				}
			}
		}
		for _, group := range []string{"anyOf", "oneOf"} {
			l, _ := s[group].([]any)
			for i, x := range l {
				if sub, ok := x.(map[string]any); ok {
					walk(fmt.Sprintf("%s/%s/%d", path, group, i), sub)
				}
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			if _, isRef := items["$ref"]; !isRef {
				walk(path+"/items", items)
			}
		}
	}
	walk("#", root)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A Mutant is a changed copy of a document.
type Mutant struct {
	// Name says what was changed and where, as a JSON Pointer.
	Name string
	// Path is the JSON Pointer of the changed value (for a dropped or
	// added member, of the member).
	Path string
	// Kind is "drop", "add" or "type".
	Kind string
	// Doc is the changed document.
	Doc []byte
}

// Mutants returns the mutants of a valid JSON document: each member of
// each object dropped, an unknown member added to each object, and each
// value replaced by a value of each other JSON type (null, a boolean, a
// number, a string, an array, an object).
func Mutants(t testing.TB, doc []byte) []Mutant {
	t.Helper()
	var out []Mutant
	add := func(kind, path, what string, edit func(any) any) {
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			t.Fatal(err)
		}
		v = edit(v)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Mutant{Name: kind + " " + path + what, Path: path, Kind: kind, Doc: b})
	}
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	replacements := []struct {
		name string
		v    any
		is   func(any) bool
	}{
		{"null", nil, func(x any) bool { return x == nil }},
		{"true", true, func(x any) bool { _, ok := x.(bool); return ok }},
		{"7", 7.0, func(x any) bool { _, ok := x.(float64); return ok }},
		{`"x"`, "x", func(x any) bool { _, ok := x.(string); return ok }},
		{"[]", []any{}, func(x any) bool { _, ok := x.([]any); return ok }},
		{"{}", map[string]any{}, func(x any) bool { _, ok := x.(map[string]any); return ok }},
	}
	var walk func(path []string, x any)
	walk = func(path []string, x any) {
		p := pointer(path)
		for _, r := range replacements {
			if !r.is(x) {
				add("type", p, " to "+r.name, func(root any) any { return set(root, path, r.v) })
			}
		}
		switch x := x.(type) {
		case map[string]any:
			add("add", p+"/unknownMember", "", func(root any) any {
				return edit(root, path, func(m map[string]any) { m["unknownMember"] = "x" })
			})
			for _, k := range sortedKeys(x) {
				add("drop", p+"/"+escape(k), "", func(root any) any {
					return edit(root, path, func(m map[string]any) { delete(m, k) })
				})
				walk(append(slices.Clip(path), k), x[k])
			}
		case []any:
			for i, e := range x {
				walk(append(slices.Clip(path), fmt.Sprint(i)), e)
			}
		}
	}
	walk(nil, v)
	return out
}

func escape(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

func pointer(path []string) string {
	var b strings.Builder
	for _, k := range path {
		b.WriteString("/" + escape(k))
	}
	return b.String()
}

// at returns the value at path in root.
func at(root any, path []string) any {
	for _, k := range path {
		switch x := root.(type) {
		case map[string]any:
			root = x[k]
		case []any:
			var i int
			fmt.Sscan(k, &i)
			root = x[i]
		}
	}
	return root
}

// set replaces the value at path.
func set(root any, path []string, v any) any {
	if len(path) == 0 {
		return v
	}
	parent, k := at(root, path[:len(path)-1]), path[len(path)-1]
	switch x := parent.(type) {
	case map[string]any:
		x[k] = v
	case []any:
		var i int
		fmt.Sscan(k, &i)
		x[i] = v
	}
	return root
}

// edit changes the object at path.
func edit(root any, path []string, f func(map[string]any)) any {
	f(at(root, path).(map[string]any))
	return root
}
