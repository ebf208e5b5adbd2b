package assist

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dumpMutants = flag.String("mutants", "", "write the schema mutants and Go's verdicts to this directory, for a cross-check with another JSON Schema validator")

// schemaValidator checks a JSON value against a schema for the subset of
// JSON Schema 2020-12 the package's schemas use, with "format": "date"
// asserted. It reports an unknown keyword as an error, so that the schemas
// cannot grow past what is tested. It is a test oracle written from the
// specification; the report of the issue that built this package records a
// cross-check with python-jsonschema.
type schemaValidator struct {
	root     map[string]any
	patterns map[string]*regexp.Regexp
}

func newSchemaValidator(t testing.TB, schema []byte) *schemaValidator {
	t.Helper()
	var root map[string]any
	require.NoError(t, json.Unmarshal(schema, &root))
	return &schemaValidator{root: root, patterns: map[string]*regexp.Regexp{}}
}

// check returns the violations of data, one line each.
func (v *schemaValidator) check(data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	if dec.More() {
		return []string{"trailing data"}
	}
	return v.validate(v.root, x, "")
}

func (v *schemaValidator) validate(schema any, x any, path string) []string {
	if b, ok := schema.(bool); ok {
		if !b {
			return []string{path + ": false schema"}
		}
		return nil
	}
	s := schema.(map[string]any)
	var errs []string
	bad := func(f string, a ...any) { errs = append(errs, path+": "+fmt.Sprintf(f, a...)) }
	for kw, arg := range s {
		switch kw {
		case "$schema", "$id", "$defs", "title", "description", "$comment", "then", "else":
		case "$ref":
			ref := strings.TrimPrefix(arg.(string), "#/$defs/")
			errs = append(errs, v.validate(v.root["$defs"].(map[string]any)[ref], x, path)...)
		case "type":
			if !jsonType(x, arg.(string)) {
				bad("want %s, have %T", arg, x)
				return errs
			}
		case "properties":
			if o, ok := x.(map[string]any); ok {
				props := arg.(map[string]any)
				for k, val := range o {
					if ps, ok := props[k]; ok {
						errs = append(errs, v.validate(ps, val, path+"/"+k)...)
					}
				}
			}
		case "additionalProperties":
			if o, ok := x.(map[string]any); ok {
				props, _ := s["properties"].(map[string]any)
				for k, val := range o {
					if _, ok := props[k]; !ok {
						errs = append(errs, v.validate(arg, val, path+"/"+k)...)
					}
				}
			}
		case "propertyNames":
			if o, ok := x.(map[string]any); ok {
				for k := range o {
					errs = append(errs, v.validate(arg, k, path+"/"+k)...)
				}
			}
		case "required":
			if o, ok := x.(map[string]any); ok {
				for _, r := range arg.([]any) {
					if _, ok := o[r.(string)]; !ok {
						bad("missing %q", r)
					}
				}
			}
		case "items":
			if a, ok := x.([]any); ok {
				for i, e := range a {
					errs = append(errs, v.validate(arg, e, path+"/"+strconv.Itoa(i))...)
				}
			}
		case "contains":
			if a, ok := x.([]any); ok && !slices.ContainsFunc(a, func(e any) bool { return len(v.validate(arg, e, path)) == 0 }) {
				bad("contains nothing that matches")
			}
		case "minItems", "maxItems":
			if a, ok := x.([]any); ok {
				n := num(arg)
				if kw == "minItems" && float64(len(a)) < n || kw == "maxItems" && float64(len(a)) > n {
					bad("%s %v, have %d", kw, n, len(a))
				}
			}
		case "uniqueItems":
			if a, ok := x.([]any); ok && arg.(bool) {
				for i := range a {
					for j := range i {
						if reflect.DeepEqual(a[i], a[j]) {
							bad("items %d and %d are equal", j, i)
						}
					}
				}
			}
		case "minLength", "maxLength":
			if str, ok := x.(string); ok {
				n := float64(utf8.RuneCountInString(str))
				if kw == "minLength" && n < num(arg) || kw == "maxLength" && n > num(arg) {
					bad("%s %v, have %v", kw, num(arg), n)
				}
			}
		case "pattern":
			if str, ok := x.(string); ok && !v.re(arg.(string)).MatchString(str) {
				bad("%q does not match the pattern", str)
			}
		case "format":
			if str, ok := x.(string); ok && arg == "date" {
				if _, m := checkDate(str); !m.IsZero() {
					bad("%q is not a date", str)
				}
			}
		case "minimum", "maximum":
			if n, ok := x.(json.Number); ok {
				f, _ := n.Float64()
				if kw == "minimum" && f < num(arg) || kw == "maximum" && f > num(arg) {
					bad("%s %v, have %v", kw, num(arg), f)
				}
			}
		case "enum":
			if !slices.ContainsFunc(arg.([]any), func(e any) bool { return reflect.DeepEqual(e, x) }) {
				bad("%v is not in the enum", x)
			}
		case "const":
			if !reflect.DeepEqual(arg, x) {
				bad("%v is not %v", x, arg)
			}
		case "anyOf":
			if !slices.ContainsFunc(arg.([]any), func(b any) bool { return len(v.validate(b, x, path)) == 0 }) {
				bad("matches no branch of anyOf")
			}
		case "allOf":
			for _, b := range arg.([]any) {
				errs = append(errs, v.validate(b, x, path)...)
			}
		case "not":
			if len(v.validate(arg, x, path)) == 0 {
				bad("matches a 'not' schema")
			}
		case "if":
			branch := s["else"]
			if len(v.validate(arg, x, path)) == 0 {
				branch = s["then"]
			}
			if branch != nil {
				errs = append(errs, v.validate(branch, x, path)...)
			}
		default:
			bad("UNKNOWN KEYWORD %q", kw)
		}
	}
	return errs
}

func (v *schemaValidator) re(p string) *regexp.Regexp {
	if r, ok := v.patterns[p]; ok {
		return r
	}
	r := regexp.MustCompile(p)
	v.patterns[p] = r
	return r
}

func num(a any) float64 {
	switch n := a.(type) {
	case float64:
		return n
	case json.Number:
		f, _ := n.Float64()
		return f
	}
	panic(fmt.Sprintf("not a number: %T", a))
}

func jsonType(x any, typ string) bool {
	switch typ {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "integer":
		n, ok := x.(json.Number)
		if !ok {
			return false
		}
		f, err := n.Float64()
		return err == nil && f == math.Trunc(f)
	case "number":
		_, ok := x.(json.Number)
		return ok
	}
	return false
}

// TestSchemaFiles pins the schema files that vendors download to what the
// functions return.
func TestSchemaFiles(t *testing.T) {
	for name, s := range map[string][]byte{
		"offers.schema.json": OffersSchema(), "needs.schema.json": NeedsSchema(), "committee.schema.json": CommitteeSchema(),
	} {
		path := filepath.Join("schema", name)
		if *update {
			require.NoError(t, os.MkdirAll("schema", 0o755))
			require.NoError(t, os.WriteFile(path, s, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update to write the schema files")
		assert.Equal(t, string(want), string(s), name)
	}
}

// TestSchemaDescribesEveryField checks that every property of every schema
// has a description, and that the schemas use their own keywords only.
func TestSchemaDescribesEveryField(t *testing.T) {
	for _, s := range [][]byte{OffersSchema(), NeedsSchema(), CommitteeSchema()} {
		var root map[string]any
		require.NoError(t, json.Unmarshal(s, &root))
		var walk func(any, string)
		walk = func(x any, path string) {
			m, ok := x.(map[string]any)
			if !ok {
				if a, ok := x.([]any); ok {
					for i, e := range a {
						walk(e, path+"/"+strconv.Itoa(i))
					}
				}
				return
			}
			if props, ok := m["properties"].(map[string]any); ok && m["type"] == "object" {
				for k, p := range props {
					if _, ok := p.(map[string]any)["description"]; !ok {
						pm := p.(map[string]any)
						ref, _ := pm["$ref"].(string)
						def, _ := root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
						if def["description"] == nil {
							t.Errorf("%s/properties/%s has no description", path, k)
						}
					}
				}
			}
			for k, e := range m {
				walk(e, path+"/"+k)
			}
		}
		walk(root, root["$id"].(string)+"#")
	}
}

// TestSchemaEnumsMatchGo pins the enumerations and patterns the schemas
// copy from the Go code.
func TestSchemaEnumsMatchGo(t *testing.T) {
	var offers, needs map[string]any
	require.NoError(t, json.Unmarshal(OffersSchema(), &offers))
	require.NoError(t, json.Unmarshal(NeedsSchema(), &needs))
	defs := offers["$defs"].(map[string]any)
	enum := func(m map[string]any) []string {
		var out []string
		for _, e := range m["enum"].([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	offer := defs["offer"].(map[string]any)["properties"].(map[string]any)
	assert.Equal(t, enumNames(reflect.TypeFor[Service]()), enum(defs["service"].(map[string]any)))
	assert.Equal(t, enumNames(reflect.TypeFor[Terms]()), enum(offer["terms"].(map[string]any)))
	provider := needs["$defs"].(map[string]any)["need"].(map[string]any)["properties"].(map[string]any)["provider"].(map[string]any)["properties"].(map[string]any)
	nis2 := enumNames(reflect.TypeFor[Provider]().Field(4).Type)
	cz := enumNames(reflect.TypeFor[Provider]().Field(5).Type)
	assert.Equal(t, nis2, enum(provider["nis2"].(map[string]any)))
	assert.Equal(t, cz, enum(provider["cz"].(map[string]any)))
	assert.Equal(t, enumNames(reflect.TypeFor[ProviderType]()), enum(provider["type"].(map[string]any)))
	assert.Len(t, countryCodes(), 249)
	assert.Len(t, languageCodes(), 185)
	for _, c := range countryCodes() {
		assert.True(t, isCountry(c), c)
	}
}

// TestSchemaAcceptsTestdata: the sample files are valid under both.
func TestSchemaAcceptsTestdata(t *testing.T) {
	for file, schema := range map[string][]byte{"offers.json": OffersSchema(), "needs.json": NeedsSchema(), "committee.json": CommitteeSchema()} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		require.NoError(t, err)
		assert.Empty(t, newSchemaValidator(t, schema).check(data), file)
		_, err = DecodeBytes(data)
		assert.NoError(t, err, file)
	}
}

// A mutant is a changed copy of a sample file.
type mutant struct {
	name string // what was changed
	data []byte
	// differs marks a rule the schema documents that it cannot state:
	// Decode must reject the mutant while the schema accepts it.
	differs bool
}

// TestSchemaAgreesWithDecode compares Decode with the schemas on mutants
// of the sample files: dropped fields, wrong types, null, unknown fields,
// keys in the wrong case, empty and overlong strings, control characters,
// bad enums, e-mails, phone numbers, regions, countries, languages, dates,
// numbers out of range, empty and repeated list items, and the
// cross-field rules. They must agree, except on the rules each schema's
// description lists as beyond JSON Schema, where Decode must reject what
// the schema accepts.
func TestSchemaAgreesWithDecode(t *testing.T) {
	var all []mutant
	total := 0
	for _, src := range []struct {
		file   string
		schema []byte
		keep   []int // the items of the list to mutate
	}{
		{"offers.json", OffersSchema(), []int{0, 3, 7, 10}},
		{"needs.json", NeedsSchema(), []int{0, 5, 13}},
		{"committee.json", CommitteeSchema(), nil},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", src.file))
		require.NoError(t, err)
		ms := mutants(t, data, src.keep)
		v := newSchemaValidator(t, src.schema)
		for _, m := range ms {
			_, goErr := DecodeBytes(m.data)
			schemaErrs := v.check(m.data)
			for _, e := range schemaErrs {
				require.NotContains(t, e, "UNKNOWN KEYWORD")
			}
			goOK, schemaOK := goErr == nil, len(schemaErrs) == 0
			switch {
			case m.differs && (goOK || !schemaOK):
				t.Errorf("%s: %s: want Decode to reject and the schema to accept (documented), have Decode ok=%v, schema ok=%v\n%v\n%v",
					src.file, m.name, goOK, schemaOK, goErr, schemaErrs)
			case !m.differs && goOK != schemaOK:
				t.Errorf("%s: %s: Decode ok=%v, schema ok=%v\nDecode: %v\nschema: %v\n%s",
					src.file, m.name, goOK, schemaOK, goErr, schemaErrs, m.data)
			}
		}
		total += len(ms)
		if *dumpMutants != "" {
			for _, m := range ms {
				m.name = src.file + ": " + m.name
				all = append(all, m)
			}
		}
	}
	t.Logf("%d mutants", total)
	assert.GreaterOrEqual(t, total, 500)
	if *dumpMutants != "" {
		writeMutants(t, all)
	}
}

// writeMutants writes each mutant and Go's verdicts for a cross-check.
func writeMutants(t *testing.T, ms []mutant) {
	require.NoError(t, os.MkdirAll(*dumpMutants, 0o755))
	type verdict struct {
		File    string `json:"file"`
		Name    string `json:"name"`
		Schema  string `json:"schema"`
		GoOK    bool   `json:"goOK"`
		Differs bool   `json:"differs"`
	}
	var vs []verdict
	for i, m := range ms {
		file := fmt.Sprintf("m%04d.json", i)
		require.NoError(t, os.WriteFile(filepath.Join(*dumpMutants, file), m.data, 0o644))
		_, err := DecodeBytes(m.data)
		schema, _, _ := strings.Cut(m.name, ":")
		// The oracle of this test cannot see a lone surrogate (see
		// crossMutants), and Go's regexp reads $ as the end of the text;
		// for other validators both are documented differences.
		differs := m.differs || strings.HasSuffix(m.name, "lone surrogate") || strings.HasSuffix(m.name, "\n")
		vs = append(vs, verdict{file, m.name, strings.Replace(schema, ".json", ".schema.json", 1), err == nil, differs})
	}
	b, err := json.MarshalIndent(vs, "", " ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(*dumpMutants, "verdicts.json"), b, 0o644))
	for name, s := range map[string][]byte{"offers.schema.json": OffersSchema(), "needs.schema.json": NeedsSchema(), "committee.schema.json": CommitteeSchema()} {
		require.NoError(t, os.WriteFile(filepath.Join(*dumpMutants, name), s, 0o644))
	}
}

// mutants returns mutants of a sample file, keeping only the given items
// of its list.
func mutants(t *testing.T, data []byte, keep []int) []mutant {
	doc := decodeGeneric(t, data)
	for k, v := range doc {
		if list, ok := v.([]any); ok && keep != nil {
			var kept []any
			for _, i := range keep {
				kept = append(kept, list[i])
			}
			doc[k] = kept
		}
	}
	var out []mutant
	add := func(name string, d any, differs bool) {
		out = append(out, mutant{name: name, data: encodeGeneric(t, d), differs: differs})
	}
	add("unchanged", doc, false)
	for _, p := range leafPaths(doc, "") {
		for _, m := range mutationsOf(p, get(doc, p)) {
			c := cloneDoc(doc)
			if m.drop {
				del(c, p)
			} else {
				set(c, p, m.value)
			}
			add(p+" "+m.name, c, m.differs)
		}
	}
	for _, p := range objectPaths(doc, "") {
		c := cloneDoc(doc)
		get(c, p).(map[string]any)["x-extra"] = "1"
		add(p+" unknown field", c, false)
		obj := get(doc, p).(map[string]any)
		for k := range obj {
			if k == "" || p == "" {
				continue
			}
			c := cloneDoc(doc)
			o := get(c, p).(map[string]any)
			o[strings.ToUpper(k[:1])+k[1:]] = o[k]
			delete(o, k)
			add(p+"/"+k+" key case", c, false)
		}
	}
	// Cross-field rules and the documented limits of JSON Schema.
	out = append(out, crossMutants(t, doc)...)
	return out
}

type mutation struct {
	name    string
	value   any
	drop    bool
	differs bool
}

// mutationsOf returns the mutations of the value at path p.
func mutationsOf(p string, v any) []mutation {
	last := p[strings.LastIndexByte(p, '/')+1:]
	parent := strings.TrimSuffix(p, "/"+last)
	parentKey := parent[strings.LastIndexByte(parent, '/')+1:]
	ms := []mutation{{name: "dropped", drop: true}, {name: "null", value: nil}}
	switch x := v.(type) {
	case string:
		ms = append(ms,
			mutation{name: "number", value: json.Number("7")},
			mutation{name: "empty", value: ""},
			mutation{name: "object", value: map[string]any{}})
		key := last
		if _, err := strconv.Atoi(last); err == nil {
			key = parentKey // a list item
		}
		switch key {
		case "email":
			for _, e := range []string{"a", "a@b", "a..b@example.cz", ".a@example.cz", "a@-example.cz", "a@example..cz", "a@[127.0.0.1]", "a@example.cz.", "a@b_c.cz", `"a b"@example.cz`, "ä@příklad.cz", "a@example.c", "a b@example.cz", "a@example.cz\n"} {
				ms = append(ms, mutation{name: "email " + e, value: e})
			}
			ms = append(ms, mutation{name: "email ok", value: "x+tag@sub.example-domain.cz"})
		case "phone":
			for _, e := range []string{"224971111", "+0 224 971 111", "+420  224 971 111", "+420-224-971-111", "+420 224", "+420 2249711112233445"} {
				ms = append(ms, mutation{name: "phone " + e, value: e})
			}
			ms = append(ms, mutation{name: "phone ok", value: "+44 20 7946 0000"})
		case "regions", "region":
			for _, e := range []string{"CZ-JM", "CZ-99", "CZ-201", "cz-64", "XX-1", "CZ64", "SK-ABCD", "XK"} {
				ms = append(ms, mutation{name: "region " + e, value: e})
			}
			for _, e := range []string{"SK-BC", "AT-9"} {
				ms = append(ms, mutation{name: "region ok " + e, value: e})
			}
			ms = append(ms, mutation{name: "region country", value: "SK"})
		case "country":
			for _, e := range []string{"XK", "cz", "CZE", "ZZ"} {
				ms = append(ms, mutation{name: "country " + e, value: e})
			}
		case "languages":
			for _, e := range []string{"CS", "ces", "xx", "iw", "c"} {
				ms = append(ms, mutation{name: "language " + e, value: e})
			}
			ms = append(ms, mutation{name: "language ok", value: "uk"})
		case "from", "until", "reported":
			for _, e := range []string{"2026-13-01", "2026-02-30", "2027-02-29", "0000-01-01", "2026-3-20", "20.3.2026", "2026-03-20T00:00:00Z"} {
				ms = append(ms, mutation{name: "date " + e, value: e})
			}
			ok := "2024-02-29"
			if key == "until" {
				ok = "2028-02-29"
			}
			ms = append(ms, mutation{name: "date ok", value: ok})
		case "id":
			for _, e := range []string{"-x", "a b", strings.Repeat("a", 65), "é"} {
				ms = append(ms, mutation{name: "id " + e, value: e})
			}
		case "registration":
			ms = append(ms, mutation{name: "registration 7 digits", value: "1234567"}, mutation{name: "registration letters", value: "ABCDEFGH"})
		case "catalogueUrl":
			for _, e := range []string{"http://example.cz/", "https://example.cz/a b", "https://example.cz/<x>", "ftp://x", "https://example.cz/\"q\"", "https://exámple.cz/"} {
				ms = append(ms, mutation{name: "url " + e, value: e})
			}
		case "lang":
			ms = append(ms, mutation{name: "lang 1", value: "1"}, mutation{name: "lang ok", value: "sk"})
		case "services", "service", "situation", "terms", "modes", "kind", "type", "nis2", "cz":
			ms = append(ms, mutation{name: "enum nonsense", value: "nonsense"}, mutation{name: "enum case", value: strings.ToUpper(x)})
		default:
			ms = append(ms,
				mutation{name: "control", value: x + "\u0007"},
				mutation{name: "bidi", value: "\u202e" + x},
				mutation{name: "leading space", value: " " + x},
				mutation{name: "trailing nbsp", value: x + "\u00a0"},
				mutation{name: "too long", value: strings.Repeat("ž", 1001)},
				mutation{name: "replacement", value: x + "\ufffd"},
				mutation{name: "astral ok", value: x + " 🛡"})
		}
	case json.Number:
		for _, n := range []string{"-1", "0", "1", "366", "1001", "100001", "2.5", "99999999999999999999"} {
			ms = append(ms, mutation{name: "number " + n, value: json.Number(n)})
		}
		ms = append(ms, mutation{name: "number as string", value: string(x)},
			mutation{name: "integral float", value: json.Number(string(x) + ".0")},
			mutation{name: "exponent", value: json.Number(string(x) + "e0")})
	case bool:
		ms = append(ms, mutation{name: "bool as string", value: "true"}, mutation{name: "false", value: false})
	case []any:
		ms = append(ms, mutation{name: "empty list", value: []any{}}, mutation{name: "string instead of list", value: "x"})
		if len(x) > 0 {
			dup := append(slices.Clone(x), x[0])
			ms = append(ms, mutation{name: "repeated item", value: dup, differs: last == "requests"})
		}
	}
	return ms
}

// crossMutants changes several fields at once, for the rules that relate
// fields, and builds the mutants JSON Schema cannot judge.
func crossMutants(t *testing.T, doc map[string]any) []mutant {
	var out []mutant
	add := func(name string, d any, differs bool) {
		out = append(out, mutant{name: name, data: encodeGeneric(t, d), differs: differs})
	}
	if offers, ok := doc["offers"].([]any); ok {
		first := func(c map[string]any) map[string]any { return c["offers"].([]any)[0].(map[string]any) }
		c := cloneDoc(doc)
		delete(first(c), "regions")
		add("on-site without regions", c, false)
		c = cloneDoc(doc)
		first(c)["modes"] = []any{"remote"}
		add("remote with regions", c, false)
		c = cloneDoc(doc)
		first(c)["modes"] = []any{"remote"}
		first(c)["regions"] = []any{}
		add("remote with empty regions", c, false)
		c = cloneDoc(doc)
		first(c)["modes"] = []any{"remote"}
		delete(first(c), "regions")
		add("remote without regions", c, false)
		c = cloneDoc(doc)
		first(c)["capacity"] = map[string]any{}
		add("no capacity", c, false)
		c = cloneDoc(doc)
		first(c)["capacity"] = map[string]any{"engagements": json.Number("0"), "personDays": json.Number("0")}
		add("zero capacity", c, false)
		c = cloneDoc(doc)
		first(c)["capacity"] = map[string]any{"engagements": json.Number("0"), "personDays": json.Number("3")}
		add("days only", c, false)
		c = cloneDoc(doc)
		first(c)["offerer"].(map[string]any)["registration"] = "27451136"
		add("IČO check digit", c, true)
		c = cloneDoc(doc)
		first(c)["offerer"].(map[string]any)["country"] = "SK"
		first(c)["offerer"].(map[string]any)["registration"] = "27451136"
		add("foreign registration", c, false)
		c = cloneDoc(doc)
		first(c)["valid"] = map[string]any{"from": "2026-03-20", "until": "2026-03-19"}
		add("period reversed", c, true)
		c = cloneDoc(doc)
		c["offers"] = append(c["offers"].([]any), clone(offers[0]))
		add("duplicate offer", c, false) // an identical item breaks uniqueItems
		c = cloneDoc(doc)
		dup := clone(offers[0]).(map[string]any)
		dup["note"] = "another note"
		c["offers"] = append(c["offers"].([]any), dup)
		add("duplicate offer ID", c, true)
		c = cloneDoc(doc)
		c["needs"] = []any{}
		add("offers and needs", c, false)
		c = cloneDoc(doc)
		first(c)["note"] = "LONE-SURROGATE"
		// Go's JSON decoder, and so this test's oracle, reads a lone
		// surrogate escape as U+FFFD, which both reject; validators that
		// keep the surrogate (python-jsonschema) accept it, as the
		// schemas' descriptions say.
		out = append(out, mutant{name: "lone surrogate", data: bytes.Replace(encodeGeneric(t, c), []byte("LONE-SURROGATE"), []byte(`\ud800`), 1)})
	}
	if needs, ok := doc["needs"].([]any); ok {
		first := func(c map[string]any) map[string]any { return c["needs"].([]any)[0].(map[string]any) }
		c := cloneDoc(doc)
		reqs := first(c)["requests"].([]any)
		r := clone(reqs[0]).(map[string]any)
		r["personDays"] = json.Number("1")
		first(c)["requests"] = append(reqs, r)
		add("service requested twice", c, true)
		c = cloneDoc(doc)
		first(c)["provider"].(map[string]any)["region"] = "CZ"
		add("provider in a whole country", c, false)
		c = cloneDoc(doc)
		dup := clone(needs[0]).(map[string]any)
		dup["note"] = "another note"
		c["needs"] = append(c["needs"].([]any), dup)
		add("duplicate need ID", c, true)
		c = cloneDoc(doc)
		first(c)["languages"] = []any{}
		add("no languages", c, false)
	}
	if _, ok := doc["committee"]; ok {
		cm := func(c map[string]any) map[string]any { return c["committee"].(map[string]any) }
		c := cloneDoc(doc)
		cm(c)["name"].(map[string]any)["translations"].(map[string]any)["de"] = "Aktionsausschuss"
		add("translation into an unknown locale", c, false)
		c = cloneDoc(doc)
		cm(c)["shortName"] = map[string]any{}
		add("empty short name", c, false)
		c = cloneDoc(doc)
		cm(c)["name"].(map[string]any)["lang"] = "xx"
		add("unregistered language", c, true)
		c = cloneDoc(doc)
		cm(c)["catalogueUrl"] = "https:///katalog"
		add("URL without host", c, true)
	}
	// Duplicate keys: JSON Schema sees only the last.
	raw := encodeGeneric(t, doc)
	i := bytes.IndexByte(raw, '{')
	dupKey := append(append(append([]byte{}, raw[:i+1]...), []byte(`"x": 1, "x": 2,`)...), raw[i+1:]...)
	out = append(out, mutant{name: "duplicate key (unknown field)", data: dupKey})
	j := bytes.Index(raw, []byte(`"id"`))
	if j >= 0 {
		dupID := append(append(append([]byte{}, raw[:j]...), []byte(`"id": "Z-1", `)...), raw[j:]...)
		out = append(out, mutant{name: "duplicate key", data: dupID, differs: true})
	}
	out = append(out,
		mutant{name: "trailing data", data: append(slices.Clone(raw), []byte(" {}")...)},
		mutant{name: "not an object", data: []byte(`[]`)},
	)
	return out
}

func decodeGeneric(t *testing.T, data []byte) map[string]any {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	require.NoError(t, dec.Decode(&m))
	return m
}

func encodeGeneric(t *testing.T, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	require.NoError(t, enc.Encode(v))
	return b.Bytes()
}

func cloneDoc(m map[string]any) map[string]any { return clone(m).(map[string]any) }

func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(x))
		for k, e := range x {
			c[k] = clone(e)
		}
		return c
	case []any:
		c := make([]any, len(x))
		for i, e := range x {
			c[i] = clone(e)
		}
		return c
	}
	return v
}

// leafPaths lists the paths of every value that is not an object, plus
// every list, in a stable order.
func leafPaths(v any, path string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, leafPaths(x[k], path+"/"+k)...)
		}
	case []any:
		out = append(out, path)
		for i, e := range x {
			if _, isObj := e.(map[string]any); isObj || i == 0 {
				out = append(out, leafPaths(e, path+"/"+strconv.Itoa(i))...)
			}
		}
	default:
		out = append(out, path)
	}
	return out
}

func objectPaths(v any, path string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		out = append(out, path)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, objectPaths(x[k], path+"/"+k)...)
		}
	case []any:
		for i, e := range x {
			out = append(out, objectPaths(e, path+"/"+strconv.Itoa(i))...)
		}
	}
	return out
}

func get(v any, path string) any {
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if seg == "" {
			continue
		}
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, _ := strconv.Atoi(seg)
			v = x[i]
		}
	}
	return v
}

func set(root any, path string, val any) {
	i := strings.LastIndexByte(path, '/')
	parent, last := get(root, path[:i]), path[i+1:]
	switch x := parent.(type) {
	case map[string]any:
		x[last] = val
	case []any:
		n, _ := strconv.Atoi(last)
		x[n] = val
	}
}

func del(root any, path string) {
	i := strings.LastIndexByte(path, '/')
	parentPath, last := path[:i], path[i+1:]
	switch x := get(root, parentPath).(type) {
	case map[string]any:
		delete(x, last)
	case []any:
		n, _ := strconv.Atoi(last)
		set(root, parentPath, slices.Delete(slices.Clone(x), n, n+1))
	}
}
