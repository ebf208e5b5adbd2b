package contracts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/schematest"
)

// loadSchema returns the schema as a generic JSON value, for the tests
// that walk it.
func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	var s map[string]any
	require.NoError(t, json.Unmarshal(JSONSchema(), &s))
	return s
}

// schemaErrors validates a document with an independent JSON Schema
// validator, formats asserted; nil when the schema accepts it.
func schemaErrors(t *testing.T, data []byte) error {
	t.Helper()
	return schematest.Validate(schematest.Compile(t, JSONSchema()), data)
}

// TestSchemaFixtures: the schema accepts every valid fixture and rejects
// the invalid ones, except those whose fault JSON Schema cannot state (a
// cross-field order, an unassigned country code, an unknown citation) or
// that are not JSON a schema validator can load (duplicates collapse,
// trailing data and truncation fail to parse).
func TestSchemaFixtures(t *testing.T) {
	valid, _ := filepath.Glob("testdata/valid/*.json")
	require.NotEmpty(t, valid)
	for _, f := range valid {
		assert.NoError(t, schemaErrors(t, readFile(t, f)), f)
	}
	notExpressible := map[string]bool{
		"term-reversed": true, "severity-order": true, "unknown-citation": true, "duplicate-key": true,
	}
	notJSON := map[string]bool{"trailing-data": true, "truncated": true}
	invalid, _ := filepath.Glob("testdata/invalid/*.json")
	require.NotEmpty(t, invalid)
	for _, f := range invalid {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		err := schemaErrors(t, readFile(t, f))
		switch {
		case notJSON[name]:
			assert.ErrorContains(t, err, "not JSON", f)
		case notExpressible[name]:
			assert.NoError(t, err, "%s: the schema cannot state this rule, so it must accept the file", f)
		default:
			assert.Error(t, err, "%s: the schema should reject it", f)
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

// TestSchemaFile pins the schema to schema/contract.schema.json, the file
// vendors find in the repository (go test -update rewrites it), and
// checks that every property has a description.
func TestSchemaFile(t *testing.T) {
	schematest.Golden(t, "schema/contract.schema.json", JSONSchema(), *update)
	schematest.Described(t, JSONSchema())
}
