// Package schematest checks that a JSON Schema of the module agrees with
// the Go decoder and validator of the same format. It is imported only by
// tests: it brings in an independent JSON Schema validator
// (github.com/santhosh-tekuri/jsonschema/v6), which no library package
// links.
//
// [Mutants] derives many documents from valid fixtures: fields dropped,
// values of the wrong type, null, unknown and case-twisted fields, extra
// nesting, empty and oversized lists, numbers out of range or written as
// 12.0 and 1e1, strings empty, too long or holding control characters,
// twisted enums, dates, UUIDs, e-mail addresses, phone numbers, country
// codes and citations, and parser-level oddities (duplicate keys, a byte
// order mark). Callers add mutants of their own format. [Differential]
// runs each through the Go side and the schema and fails on every
// disagreement except those of the kinds the caller documents as rules a
// JSON Schema cannot state, and which the schema itself must name.
package schematest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/medsec-go/medsec"
)

// Compile compiles a schema (draft 2020-12) with format assertion on, as
// a vendor who validates strictly would.
func Compile(t testing.TB, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "mem://schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// Validate reports whether data is one JSON document that s accepts; the
// error says why not.
func Validate(s *jsonschema.Schema, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("not JSON: data after the value")
	}
	return s.Validate(v)
}

// A Mutant is a document derived from a fixture.
type Mutant struct {
	// Name says what was changed where, e.g. "drop-field /vendor/name".
	Name string
	// Kind is the kind of change: "drop-field", "wrong-type", ...
	Kind string
	// Path is the JSON Pointer of the value changed.
	Path string
	Data []byte
}

// A node is a JSON value that keeps the order and repetition of keys and
// the text of numbers.
type node struct {
	obj  []member // an object when isObj
	arr  []*node  // an array when isArr
	raw  string   // a leaf: its JSON text
	kind byte     // 'o', 'a', 's', 'n', 'b', 'z' (null)
}

type member struct {
	key string
	val *node
}

func parse(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the value")
	}
	return n, nil
}

func parseValue(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			n := &node{kind: 'o'}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				val, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.obj = append(n.obj, member{k.(string), val})
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := &node{kind: 'a'}
			for dec.More() {
				val, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.arr = append(n.arr, val)
			}
			_, err := dec.Token()
			return n, err
		}
	case string:
		return str(v), nil
	case json.Number:
		return &node{kind: 'n', raw: string(v)}, nil
	case bool:
		return &node{kind: 'b', raw: strconv.FormatBool(v)}, nil
	case nil:
		return &node{kind: 'z', raw: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func str(s string) *node {
	b, _ := json.Marshal(s)
	return &node{kind: 's', raw: string(b)}
}

func num(s string) *node { return &node{kind: 'n', raw: s} }

// Raw returns a node for the JSON text s, which is written as it is.
func raw(s string) *node {
	k := byte('n')
	switch {
	case s == "null":
		k = 'z'
	case s == "true" || s == "false":
		k = 'b'
	case strings.HasPrefix(s, `"`):
		k = 's'
	case strings.HasPrefix(s, "["):
		k = 'a'
	case strings.HasPrefix(s, "{"):
		k = 'o'
	}
	return &node{kind: k, raw: s}
}

func (n *node) text() string {
	if n.kind == 's' {
		var s string
		_ = json.Unmarshal([]byte(n.raw), &s)
		return s
	}
	return n.raw
}

func (n *node) clone() *node {
	c := *n
	c.obj = nil
	c.arr = nil
	for _, m := range n.obj {
		c.obj = append(c.obj, member{m.key, m.val.clone()})
	}
	for _, e := range n.arr {
		c.arr = append(c.arr, e.clone())
	}
	if n.obj != nil && c.obj == nil {
		c.obj = []member{}
	}
	if n.arr != nil && c.arr == nil {
		c.arr = []*node{}
	}
	return &c
}

func (n *node) write(b *bytes.Buffer) {
	switch {
	case n.kind == 'o' && n.raw == "":
		b.WriteByte('{')
		for i, m := range n.obj {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.key)
			b.Write(k)
			b.WriteByte(':')
			m.val.write(b)
		}
		b.WriteByte('}')
	case n.kind == 'a' && n.raw == "":
		b.WriteByte('[')
		for i, e := range n.arr {
			if i > 0 {
				b.WriteByte(',')
			}
			e.write(b)
		}
		b.WriteByte(']')
	default:
		b.WriteString(n.raw)
	}
}

func (n *node) bytes() []byte {
	var b bytes.Buffer
	n.write(&b)
	return b.Bytes()
}

// A site is a value of the document with its path, and how to replace or
// remove it in a copy.
type site struct {
	path   string
	parent string // the path of the enclosing object or array
	key    string // the member's key, "" for an array element
	n      *node
}

// sites lists every value of doc, parents before children, members in
// document order.
func sites(doc *node) []site {
	var out []site
	var walk func(n *node, path, parent, key string)
	walk = func(n *node, path, parent, key string) {
		out = append(out, site{path, parent, key, n})
		for _, m := range n.obj {
			walk(m.val, path+"/"+escape(m.key), path, m.key)
		}
		for i, e := range n.arr {
			walk(e, path+"/"+strconv.Itoa(i), path, "")
		}
	}
	walk(doc, "", "", "")
	return out
}

func escape(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

// at returns the node at path in doc, or nil.
func at(doc *node, path string) *node {
	if path == "" {
		return doc
	}
	n := doc
	for _, seg := range strings.Split(path[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch n.kind {
		case 'o':
			var next *node
			for _, m := range n.obj {
				if m.key == seg {
					next = m.val
				}
			}
			if next == nil {
				return nil
			}
			n = next
		case 'a':
			i, err := strconv.Atoi(seg)
			if err != nil || i >= len(n.arr) {
				return nil
			}
			n = n.arr[i]
		default:
			return nil
		}
	}
	return n
}

// An Edit changes a copy of a document: it replaces the value at Path
// with Value (JSON text), or removes it when Value is "", or, with Key
// set, adds the member Key: Value to the object at Path.
type Edit struct {
	Path  string
	Key   string
	Value string
}

// Apply returns fixture with the edits made, in order. It fails when a
// path does not exist, so that a mutant never silently equals its
// fixture.
func Apply(fixture []byte, edits ...Edit) ([]byte, error) {
	doc, err := parse(fixture)
	if err != nil {
		return nil, err
	}
	for _, e := range edits {
		if err := apply(doc, e); err != nil {
			return nil, err
		}
	}
	return doc.bytes(), nil
}

func apply(doc *node, e Edit) error {
	if e.Key != "" {
		o := at(doc, e.Path)
		if o == nil || o.kind != 'o' {
			return fmt.Errorf("no object at %q", e.Path)
		}
		o.obj = append(o.obj, member{e.Key, raw(e.Value)})
		return nil
	}
	if e.Path == "" {
		*doc = *raw(e.Value)
		return nil
	}
	i := strings.LastIndexByte(e.Path, '/')
	parent := at(doc, e.Path[:i])
	seg := strings.ReplaceAll(strings.ReplaceAll(e.Path[i+1:], "~1", "/"), "~0", "~")
	if parent == nil {
		return fmt.Errorf("no value at %q", e.Path[:i])
	}
	switch parent.kind {
	case 'o':
		for j, m := range parent.obj {
			if m.key != seg {
				continue
			}
			if e.Value == "" {
				parent.obj = slices.Delete(parent.obj, j, j+1)
			} else {
				parent.obj[j].val = raw(e.Value)
			}
			return nil
		}
	case 'a':
		j, err := strconv.Atoi(seg)
		if err == nil && j < len(parent.arr) {
			if e.Value == "" {
				parent.arr = slices.Delete(parent.arr, j, j+1)
			} else {
				parent.arr[j] = raw(e.Value)
			}
			return nil
		}
	}
	return fmt.Errorf("no value at %q", e.Path)
}

// Mutants derives mutants from a valid fixture by rules that need no
// knowledge of its format (see the package documentation). Each value is
// mutated by its JSON type and, for strings, by what its text looks
// like: a date, a UUID, an e-mail address, a phone number, a country code,
// a code of lower-case words, a citation.
func Mutants(name string, fixture []byte) ([]Mutant, error) {
	doc, err := parse(fixture)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Mutant
	add := func(kind, path, what string, value *node, drop bool) {
		c := doc.clone()
		if path == "" {
			c = value
		} else if err := replace(c, path, value, drop); err != nil {
			panic(err) // the path comes from the walk
		}
		out = append(out, Mutant{Name: fmt.Sprintf("%s: %s %s %s", name, kind, path, what), Kind: kind, Path: path, Data: c.bytes()})
	}
	for _, s := range sites(doc) {
		p := s.path
		if s.key != "" {
			add("drop-field", p, "", nil, true)
			add("null", p, "", raw("null"), false)
		}
		for _, w := range wrongTypes(s.n.kind) {
			add("wrong-type", p, w, raw(w), false)
		}
		switch s.n.kind {
		case 'o':
			add("unknown-field", p, `"x-unknown"`, withMember(s.n, "x-unknown", raw("1")), false)
			if len(s.n.obj) > 0 {
				k := s.n.obj[0].key
				twisted := strings.ToUpper(k[:1]) + k[1:]
				if twisted == k {
					twisted = strings.ToLower(k[:1]) + k[1:]
				}
				add("unknown-field", p, strconv.Quote(twisted), withMember(s.n, twisted, s.n.obj[0].val), false)
			}
			if p != "" {
				add("nesting", p, "[…]", &node{kind: 'a', arr: []*node{s.n}}, false)
			}
		case 'a':
			add("array-size", p, "[]", &node{kind: 'a', arr: []*node{}}, false)
			if len(s.n.arr) > 0 {
				add("nesting", p, "[[…]]", &node{kind: 'a', arr: []*node{{kind: 'a', arr: s.n.arr}}}, false)
			}
		case 's':
			for _, v := range stringMutants(s.n.text()) {
				add("string", p, v, str(v), false)
			}
			add("nesting", p, "[…]", &node{kind: 'a', arr: []*node{s.n}}, false)
		case 'n':
			for _, v := range numberMutants(s.n.raw) {
				add("number", p, v, num(v), false)
			}
		}
	}
	// Parser-level oddities: a duplicate key (in the first object of the
	// document), a BOM, data after the value.
	for _, st := range sites(doc) {
		if st.n.kind != 'o' || len(st.n.obj) == 0 {
			continue
		}
		m := st.n.obj[0]
		add("duplicate-key", st.path, "/"+m.key, withMember(st.n, m.key, m.val), false)
		if st.path == "" {
			out[len(out)-1].Data = withMember(doc, m.key, m.val).bytes()
		}
		break
	}
	out = append(out,
		Mutant{Name: name + ": bom", Kind: "bom", Data: append([]byte("\xEF\xBB\xBF"), fixture...)},
		Mutant{Name: name + ": trailing data", Kind: "trailing", Data: append(slices.Clone(fixture), " {}"...)},
		Mutant{Name: name + ": empty", Kind: "empty", Data: nil},
	)
	return out, nil
}

func replace(doc *node, path string, v *node, drop bool) error {
	i := strings.LastIndexByte(path, '/')
	parent := at(doc, path[:i])
	seg := strings.ReplaceAll(strings.ReplaceAll(path[i+1:], "~1", "/"), "~0", "~")
	switch {
	case parent == nil:
	case parent.kind == 'o':
		for j, m := range parent.obj {
			if m.key == seg {
				if drop {
					parent.obj = slices.Delete(parent.obj, j, j+1)
				} else {
					parent.obj[j].val = v
				}
				return nil
			}
		}
	case parent.kind == 'a':
		j, _ := strconv.Atoi(seg)
		if drop {
			parent.arr = slices.Delete(parent.arr, j, j+1)
		} else {
			parent.arr[j] = v
		}
		return nil
	}
	return fmt.Errorf("no value at %q", path)
}

func withMember(o *node, key string, v *node) *node {
	c := o.clone()
	c.obj = append(c.obj, member{key, v})
	return c
}

func wrongTypes(kind byte) []string {
	switch kind {
	case 'o':
		return []string{"[]", `"x"`}
	case 'a':
		return []string{"{}", `"x"`}
	case 's':
		return []string{"1", "true", "{}"}
	case 'n':
		return []string{`"1"`, "true", "[]"}
	case 'b':
		return []string{`"true"`, "1"}
	}
	return nil
}

// numberMutants are the numbers tried in place of n: out of every range
// the module uses, negative, zero, fractions, and whole numbers written
// with a fraction or an exponent.
func numberMutants(n string) []string {
	out := []string{"0", "-1", "1.5", "1.0", "1e1", "2.0e0", "1E0", "8761", "36501", "9007199254740993", "1e400", "-0"}
	if f, err := strconv.ParseFloat(n, 64); err == nil && f == float64(int64(f)) {
		out = append(out, n+".0", n+"e0", strconv.FormatInt(int64(f)+1, 10), strconv.FormatInt(int64(f)-1, 10))
	}
	return out
}

// stringMutants are the texts tried in place of s, by what s looks like.
func stringMutants(s string) []string {
	out := []string{"", " ", s + "\u0000", s + "\u001b[31m", s + "\u0085", s + "\u2028", strings.Repeat("x", 301), strings.Repeat("é", 20001)}
	switch {
	case len(s) >= 20 && looksLike(s[:11], "0000-00-00T"):
		out = append(out, "2026-02-30T08:00:00Z", "2026-13-01T08:00:00Z", "0000-01-01T08:00:00Z", "2026-01-01T24:00:00Z",
			"2026-01-01T23:59:60Z", "2026-01-01T08:60:00Z", "2026-01-01t08:00:00z", "2026-01-01T08:00:00", "2026-01-01 08:00:00Z",
			"2026-01-01T08:00:00+24:00", "2026-01-01T08:00:00+01:60", "2026-01-01T08:00:00.123456789Z", "2026-01-01T08:00:00.1234567890Z",
			"2026-01-01T08:00:00.Z", "2026-01-01T08:00Z", "2026-01-01T08:00:00+0100", "2026-01-01")
	case looksLike(s, "0000-00-00"):
		out = append(out, "2026-13-01", "2026-00-10", "2026-02-30", "2027-02-29", "2028-02-29", "2100-02-29", "2000-02-29",
			"2026-04-31", "2026-01-00", "0000-01-01", "0001-01-01", "9999-12-31", "2026-1-01", "2026-01-01T00:00:00Z", "20260101", "２０２６-01-01")
	case looksLike(s, "00000000-0000-0000-0000-000000000000"):
		out = append(out, "00000000-0000-0000-0000-000000000000", strings.ToUpper(s), strings.ReplaceAll(s, "-", ""), "{"+s+"}", "urn:uuid:"+s, s[:35])
	case strings.Contains(s, "@"):
		out = append(out, "a..b@example.com", ".a@example.com", "a.@example.com", "a@-example.com", "a@example..com", "a@[127.0.0.1]",
			"a@example.com.", "a@b_c.com", `"a b"@example.com`, "ä@příklad.cz", "a@localhost", "a@example.c", "a+tag@example.com",
			"a@sub.example.co.uk", "@example.com", "a@", "a b@example.com", strings.Repeat("a", 250)+"@x.cz", strings.Repeat("a", 65)+"@example.com")
	case strings.HasPrefix(s, "+"):
		out = append(out, "+420123456789", "+420 123 456 789", "+0 123 456 789", "+42012345", "+4201234567890123", "420 123 456 789",
			"+420  123 456 789", "+420-123-456-789", "+420 123 456 78 ", "+1234567")
	case len(s) == 2 && strings.ToUpper(s) == s:
		out = append(out, "XX", "UK", "EU", "ZZ", "AA", "XA", "GB", "DE", strings.ToLower(s), s+"E", "C")
	case strings.Contains(s, " art. ") || strings.Contains(s, "Annex"):
		out = append(out, "EU-NIS2 art. 999", "XX-FOO art. 1", "EU-NIS2 art.21", "EU-NIS2 Art. 21", "eu-nis2 art. 21", "EU-NIS2 art. 21(2)(d)(i)(x)", s+" ")
	case s != "" && strings.ToLower(s) == s && !strings.ContainsAny(s, " .,;:"):
		// a code or an enum: case, spelling and separators twisted
		out = append(out, strings.ToUpper(s), strings.ToUpper(s[:1])+s[1:], strings.ReplaceAll(s, "-", "_"), s+"-x", "x"+s, " "+s, s+"--x", "-"+s)
	}
	return out
}

// looksLike reports whether s has the shape of pattern: its digits where
// pattern has 0 and its other characters where pattern has them.
func looksLike(s, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := range len(s) {
		switch p := pattern[i]; {
		case p == '0' && (s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f'):
		case p == s[i]:
		default:
			return false
		}
	}
	return true
}

// A Config describes one differential run.
type Config struct {
	// Schema is the schema under test; SchemaText its JSON, which must
	// name every documented kind (see Documented).
	Schema     *jsonschema.Schema
	SchemaText []byte
	// Go decodes and validates a document as the library does.
	Go func(data []byte) error
	// Documented maps the kinds of rule that JSON Schema cannot state to a
	// phrase that the schema's text must contain where it documents the
	// rule.
	Documented map[string]string
	// Classify returns the documented kind of a Go error, or "" when it
	// is not one. A mutant that the schema accepts and Go rejects is a
	// documented disagreement when every field error of Go's verdict has
	// a documented kind; every other disagreement fails the test.
	Classify func(fe *medsec.FieldError) string
}

// Result counts a run.
type Result struct {
	Mutants, Agree, Documented int
	// ByKind counts the mutants by the kind of change, and
	// DocumentedByKind the documented disagreements by the kind of rule.
	ByKind, DocumentedByKind map[string]int
}

// String summarises r.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d mutants: %d agree, %d disagree only on rules JSON Schema cannot state (%s); mutants by kind: %s",
		r.Mutants, r.Agree, r.Documented, counts(r.DocumentedByKind), counts(r.ByKind))
	return b.String()
}

func counts(m map[string]int) string {
	var kinds []string
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// Differential runs every mutant through both sides and fails the test on
// every disagreement outside the documented kinds, naming the mutant, the
// Go error and the schema's verdict.
func Differential(t *testing.T, cfg Config, mutants []Mutant) Result {
	t.Helper()
	for kind, phrase := range cfg.Documented {
		if !bytes.Contains(cfg.SchemaText, []byte(phrase)) {
			t.Errorf("documented kind %s: the schema does not say %q", kind, phrase)
		}
	}
	r := Result{ByKind: map[string]int{}, DocumentedByKind: map[string]int{}}
	for _, m := range mutants {
		r.Mutants++
		r.ByKind[m.Kind]++
		goErr := cfg.Go(m.Data)
		schemaErr := Validate(cfg.Schema, m.Data)
		switch {
		case (goErr == nil) == (schemaErr == nil):
			r.Agree++
		case goErr == nil:
			t.Errorf("%s: Go accepts, the schema rejects: %v\n%s", m.Name, schemaErr, clip(m.Data))
		default:
			kind := cfg.Kind(goErr)
			if kind == "" {
				t.Errorf("%s: the schema accepts, Go rejects: %v\n%s", m.Name, goErr, clip(m.Data))
				continue
			}
			r.Documented++
			r.DocumentedByKind[kind]++
		}
	}
	return r
}

// Kind returns the documented kinds of the field errors of err, sorted
// and joined by "+", or "" when one of them has no documented kind or err
// holds no field errors.
func (cfg *Config) Kind(err error) string {
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) || cfg.Classify == nil {
		return ""
	}
	var kinds []string
	for _, fe := range fes {
		k := cfg.Classify(fe)
		if _, ok := cfg.Documented[k]; !ok {
			return ""
		}
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds)
	return strings.Join(kinds, "+")
}

func clip(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

// Described fails for every property of the schema's structure (the
// properties, items and map values reachable from the root, not the
// partial subschemas of conditions) that has no description, and for a
// schema without $schema, $id, title or description.
func Described(t *testing.T, schema []byte) {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"$schema", "$id", "title", "description"} {
		if s, _ := root[k].(string); s == "" {
			t.Errorf("the schema has no %s", k)
		}
	}
	var walk func(m map[string]any, path string)
	walk = func(m map[string]any, path string) {
		if props, ok := m["properties"].(map[string]any); ok {
			for k, p := range props {
				pm := p.(map[string]any)
				if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" {
					t.Errorf("%s/properties/%s has no description", path, k)
				}
				walk(pm, path+"/properties/"+k)
			}
		}
		for _, k := range []string{"items", "additionalProperties"} {
			if sub, ok := m[k].(map[string]any); ok {
				walk(sub, path+"/"+k)
			}
		}
	}
	walk(root, "")
}

// Golden compares the schema with the file that holds it, or writes the
// file when update is set; the file is what users see in the repository.
func Golden(t *testing.T, file string, schema []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, schema, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v: run go test -update to write the schema file", err)
	}
	if !bytes.Equal(want, schema) {
		t.Errorf("%s is not the schema the code builds: run go test -update and read the diff", file)
	}
}
