package contracts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// schemaCheck validates a JSON value against a schema, for the subset of
// JSON Schema 2020-12 that JSONSchema uses. It fails on any keyword it
// does not implement, so the schema cannot grow past what is tested.
func schemaCheck(t *testing.T, schema map[string]any, v any, path string) []string {
	t.Helper()
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	for kw, arg := range schema {
		switch kw {
		case "$schema", "$id", "title", "description", "format", "then":
			// annotations; then is handled with if
		case "additionalProperties":
			// false is handled with properties; a schema applies to the
			// members of a map
			if as, ok := arg.(map[string]any); ok {
				if obj, ok := v.(map[string]any); ok {
					for k, pv := range obj {
						errs = append(errs, schemaCheck(t, as, pv, path+"/"+k)...)
					}
				}
			}
		case "propertyNames":
			if obj, ok := v.(map[string]any); ok {
				for k := range obj {
					errs = append(errs, schemaCheck(t, arg.(map[string]any), k, path+"/"+k)...)
				}
			}
		case "type":
			if !hasType(v, arg.(string)) {
				bad("type: want %s, have %T", arg, v)
				return errs
			}
		case "properties":
			obj, ok := v.(map[string]any)
			if !ok {
				continue
			}
			props := arg.(map[string]any)
			for k, pv := range obj {
				ps, known := props[k]
				if !known {
					if ap, ok := schema["additionalProperties"].(bool); ok && !ap {
						bad("additional property %q", k)
					}
					continue
				}
				errs = append(errs, schemaCheck(t, ps.(map[string]any), pv, path+"/"+k)...)
			}
		case "required":
			if obj, ok := v.(map[string]any); ok {
				for _, r := range arg.([]any) {
					if _, ok := obj[r.(string)]; !ok {
						bad("required %q missing", r)
					}
				}
			}
		case "items":
			if arr, ok := v.([]any); ok {
				for i, e := range arr {
					errs = append(errs, schemaCheck(t, arg.(map[string]any), e, fmt.Sprintf("%s/%d", path, i))...)
				}
			}
		case "enum":
			if !contains(arg.([]any), v) {
				bad("%v not in enum", v)
			}
		case "const":
			if v != arg {
				bad("%v is not %v", v, arg)
			}
		case "pattern":
			if s, ok := v.(string); ok && !regexp.MustCompile(arg.(string)).MatchString(s) {
				bad("%q does not match %s", s, arg)
			}
		case "minLength", "maxLength":
			if s, ok := v.(string); ok {
				n := utf8.RuneCountInString(s)
				if kw == "minLength" && float64(n) < arg.(float64) || kw == "maxLength" && float64(n) > arg.(float64) {
					bad("%s %v: length %d", kw, arg, n)
				}
			}
		case "minItems", "maxItems":
			if a, ok := v.([]any); ok {
				if kw == "minItems" && float64(len(a)) < arg.(float64) || kw == "maxItems" && float64(len(a)) > arg.(float64) {
					bad("%s %v: %d items", kw, arg, len(a))
				}
			}
		case "minimum", "maximum":
			if n, ok := v.(float64); ok {
				if kw == "minimum" && n < arg.(float64) || kw == "maximum" && n > arg.(float64) {
					bad("%s %v: %v", kw, arg, n)
				}
			}
		case "allOf":
			for _, sub := range arg.([]any) {
				errs = append(errs, schemaCheck(t, sub.(map[string]any), v, path)...)
			}
		case "if":
			if len(schemaCheck(t, arg.(map[string]any), v, path)) == 0 {
				if then, ok := schema["then"].(map[string]any); ok {
					errs = append(errs, schemaCheck(t, then, v, path)...)
				}
			}
		default:
			t.Fatalf("schema keyword %q is not implemented by the test validator", kw)
		}
	}
	return errs
}

func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "integer":
		n, ok := v.(float64)
		return ok && n == float64(int64(n))
	}
	return false
}

func contains(list []any, v any) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	var s map[string]any
	require.NoError(t, json.Unmarshal(JSONSchema(), &s))
	return s
}

// TestSchemaFixtures: the schema accepts every valid fixture and rejects
// the invalid ones, except those whose fault JSON Schema cannot state (a
// cross-field order, an unassigned country code, an unknown citation) or
// that are not JSON a schema validator can load (duplicates collapse,
// trailing data and truncation fail to parse).
func TestSchemaFixtures(t *testing.T) {
	schema := loadSchema(t)
	valid, _ := filepath.Glob("testdata/valid/*.json")
	require.NotEmpty(t, valid)
	for _, f := range valid {
		var v any
		require.NoError(t, json.Unmarshal(readFile(t, f), &v), f)
		assert.Empty(t, schemaCheck(t, schema, v, ""), f)
	}
	notExpressible := map[string]bool{
		"term-reversed": true, "severity-order": true, "bad-country": true, "unknown-citation": true,
		"duplicate-key": true,
	}
	notJSON := map[string]bool{"trailing-data": true, "truncated": true}
	invalid, _ := filepath.Glob("testdata/invalid/*.json")
	require.NotEmpty(t, invalid)
	for _, f := range invalid {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		var v any
		err := json.Unmarshal(readFile(t, f), &v)
		if notJSON[name] {
			assert.Error(t, err, f)
			continue
		}
		require.NoError(t, err, f)
		errs := schemaCheck(t, schema, v, "")
		if notExpressible[name] {
			assert.Empty(t, errs, "%s: the schema cannot state this rule, so it must accept the file", f)
		} else {
			assert.NotEmpty(t, errs, "%s: the schema should reject it", f)
		}
	}
}

// TestSchemaAgreesWithGoTypes walks the Go types by reflection, apart from
// the code that builds the schema, and compares JSON names, required
// lists and enums.
func TestSchemaAgreesWithGoTypes(t *testing.T) {
	schema := loadSchema(t)
	enumOf := map[reflect.Type][]string{
		reflect.TypeFor[ClauseKind]():              stringsOf(ClauseKinds()),
		reflect.TypeFor[Category]():                stringsOf(Categories()),
		reflect.TypeFor[grading.InstitutionType](): {"hospital", "primary-care", "public-health", "other"},
		reflect.TypeFor[grading.SizeClass]():       {"small", "medium", "large"},
		reflect.TypeFor[grading.EntityClass]():     {grading.OutOfScope.String(), grading.Important.String(), grading.Essential.String()},
		reflect.TypeFor[grading.CZRegime]():        {grading.CZNotRegulated.String(), grading.CZLower.String(), grading.CZHigher.String()},
		reflect.TypeFor[grading.MLPSLevel]():       {"1", "2", "3", "4", "5"},
		reflect.TypeFor[grading.VNLevel]():         {"1", "2", "3", "4", "5"},
	}
	strs := map[reflect.Type]bool{
		reflect.TypeFor[medsec.Date](): true, reflect.TypeFor[uuid.UUID](): true, reflect.TypeFor[medsec.Citation](): true,
		reflect.TypeFor[medsec.Jurisdiction](): true, reflect.TypeFor[medsec.Flag](): true, reflect.TypeFor[medsec.Event](): true,
	}
	// The types of other packages carry no validate tags; the rules
	// package contracts applies to them, as Validate checks them by hand.
	foreign := map[reflect.Type]map[string]string{
		reflect.TypeFor[grading.Institution](): {"id": "required", "name": "required", "country": "required",
			"jurisdictions": "required", "type": "required", "systems": "required"},
		reflect.TypeFor[grading.System](): {"id": "required"},
	}
	var walk func(t *testing.T, typ reflect.Type, s map[string]any, path string)
	walk = func(t *testing.T, typ reflect.Type, s map[string]any, path string) {
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if e, ok := enumOf[typ]; ok {
			assert.Equal(t, "string", s["type"], path)
			assert.Equal(t, e, toStrings(s["enum"]), path)
			return
		}
		if strs[typ] {
			assert.Equal(t, "string", s["type"], path)
			assert.NotEmpty(t, s["pattern"], path)
			return
		}
		switch typ.Kind() {
		case reflect.Struct:
			assert.Equal(t, "object", s["type"], path)
			assert.Equal(t, false, s["additionalProperties"], path)
			props, _ := s["properties"].(map[string]any)
			var names, required []string
			for i := 0; i < typ.NumField(); i++ {
				f := typ.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				names = append(names, name)
				v := f.Tag.Get("validate")
				if tags, ok := foreign[typ]; ok {
					v = tags[name]
				}
				if strings.HasPrefix(v, "required") {
					required = append(required, name)
				}
				ps, ok := props[name].(map[string]any)
				if assert.True(t, ok, "%s/%s missing from the schema", path, name) {
					walk(t, f.Type, ps, path+"/"+name)
				}
			}
			assert.ElementsMatch(t, names, keys(props), "%s: properties", path)
			sort.Strings(required)
			assert.Equal(t, required, toStrings(s["required"]), "%s: required", path)
		case reflect.Slice:
			assert.Equal(t, "array", s["type"], path)
			walk(t, typ.Elem(), s["items"].(map[string]any), path+"/items")
		case reflect.Map:
			assert.Equal(t, "object", s["type"], path)
			walk(t, typ.Key(), s["propertyNames"].(map[string]any), path+"/propertyNames")
			walk(t, typ.Elem(), s["additionalProperties"].(map[string]any), path+"/additionalProperties")
		case reflect.String:
			assert.Equal(t, "string", s["type"], path)
		case reflect.Bool:
			assert.Equal(t, "boolean", s["type"], path)
		case reflect.Int:
			assert.Equal(t, "integer", s["type"], path)
		default:
			t.Errorf("%s: unexpected Go kind %s", path, typ.Kind())
		}
	}
	walk(t, reflect.TypeFor[Contract](), schema, "")
}

func stringsOf[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

func toStrings(v any) []string {
	list, _ := v.([]any)
	out := []string{}
	for _, x := range list {
		out = append(out, x.(string))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}
