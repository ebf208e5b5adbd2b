package gradingio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/schematest"
)

// formats are the input formats of the package: their decoder, schema,
// schema file and sample fixtures.
var formats = []struct {
	name     string
	decode   func(data []byte) error
	schema   func() []byte
	file     string
	fixtures string
}{
	{"MLPSInput", func(b []byte) error { _, err := DecodeMLPS(bytes.NewReader(b)); return err }, MLPSSchema, "mlps-input.schema.json", "mlps-*.json"},
	{"VNInput", func(b []byte) error { _, err := DecodeVN(bytes.NewReader(b)); return err }, VNSchema, "vn-input.schema.json", "vn-*.json"},
	{"NIS2Input", func(b []byte) error { _, err := DecodeNIS2(bytes.NewReader(b)); return err }, NIS2Schema, "nis2-input.schema.json", "nis2-*.json"},
	{"CZInput", func(b []byte) error { _, err := DecodeCZ(bytes.NewReader(b)); return err }, CZSchema, "cz-input.schema.json", "cz-*.json"},
	{"Inputs", func(b []byte) error { _, err := DecodeInputs(bytes.NewReader(b)); return err }, InputsSchema, "inputs.schema.json", "inputs-*.json"},
}

func fixtures(t *testing.T, pattern string) map[string][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "input", pattern))
	require.NotEmpty(t, files, pattern)
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out[filepath.Base(f)] = b
	}
	return out
}

// TestDecodeFixtures: the sample inputs decode, and grade.
func TestDecodeFixtures(t *testing.T) {
	for _, f := range formats {
		for name, b := range fixtures(t, f.fixtures) {
			assert.NoError(t, f.decode(b), name)
		}
	}
	in, err := DecodeInputs(bytes.NewReader(fixtures(t, "inputs-hospital.json")["inputs-hospital.json"]))
	require.NoError(t, err)
	_, err = grading.NIS2(*in.NIS2, grading.Options{AsOf: dayNow})
	assert.NoError(t, err)
	_, err = grading.MLPS(*in.Systems[0].MLPS, grading.Options{AsOf: dayNow})
	assert.NoError(t, err)
	_, err = grading.Vietnam(*in.Systems[1].VN, grading.Options{AsOf: dayNow})
	assert.NoError(t, err)
	assert.Equal(t, grading.System{ID: "HIS", Name: "Hospital information system", MLPS: grading.MLPS3,
		Flags: []medsec.Flag{"health-data", "personal-data"}, Events: in.Systems[0].Events}, in.Systems[0].System(grading.MLPS3, 0))
}

// TestDecodeErrors: every problem of an input comes back with the JSON
// Pointer of its field (with the index of a list entry), a rule and a
// message that says what to do, as medsec.FieldErrors wrapping
// ErrInvalidInput.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown field", `{"system": "X", "information": {"citizens": "none", "society": "none", "nation": "general"}, "service": {"citizens": "none", "society": "none", "nation": "none"}, "tertiaryHospital": true}`,
			`/tertiaryHospital: unknown field "tertiaryHospital"; check its spelling and case against the schema`},
		{"all none", `{"information": {"citizens": "none", "society": "none", "nation": "none"}, "service": {"citizens": "none", "society": "none", "nation": "none"}}`,
			`every object of both aspects has harm "none"; a graded system must be able to harm at least one object`},
		{"missing harm", `{"information": {"citizens": "none", "society": "none"}, "service": {"citizens": "none", "society": "none", "nation": "none"}}`,
			`/information/nation: missing: state the degree of harm: none, general, serious or particularly-serious`},
		{"null required", `{"information": null}`, `/information: null is not allowed: this field is required, so give it a value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeMLPS(strings.NewReader(tt.in))
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			assert.Equal(t, tt.want, fes[0].Error())
		})
	}
	for _, tt := range []struct{ name, in, want string }{
		{"users as 1.0", `{"type": "public-facing", "information": "personal", "publicService": "1", "conditionalBusiness": "no", "users": 12.0}`, ""},
		{"users fraction", `{"type": "public-facing", "information": "personal", "publicService": "1", "conditionalBusiness": "no", "users": 1.5}`,
			`/users: want a whole number from 0 to 9007199254740991`},
		{"users needed", `{"type": "public-facing", "information": "personal", "publicService": "1", "conditionalBusiness": "no"}`,
			`/users: missing: the number of users whose private or personal information the system processes`},
		{"information order", `{"type": "internal", "information": "personal|public"}`,
			`/information: "personal|public" is not allowed here; want one of: public, private, public|private, personal, public|personal, private|personal, public|private|personal, state-secret, public|state-secret, private|state-secret, public|private|state-secret, personal|state-secret, public|personal|state-secret, private|personal|state-secret, public|private|personal|state-secret`},
		{"type case", `{"type": "Internal", "information": "public"}`, `/type: "Internal" is not allowed here; want one of: internal, public-facing, infrastructure, industrial-control, other`},
		{"control character", "{\"system\": \"A\\u001b[2J\", \"type\": \"internal\", \"information\": \"public\"}", `/system: the text holds the control character U+001B, which is not allowed here`},
		{"invalid UTF-8", "{\"system\": \"\xff\", \"type\": \"internal\", \"information\": \"public\"}", `/system: the text is not valid UTF-8 (or escapes an unpaired surrogate)`},
		{"duplicate key", `{"type": "internal", "type": "other", "information": "public"}`, `/type: the key "type" appears more than once in this object`},
		{"empty", ``, `the input is empty; send one JSON object`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeVN(strings.NewReader(tt.in))
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.Equal(t, tt.want, fes[0].Error())
		})
	}
	for _, tt := range []struct{ name, in, want string }{
		{"impossible date in a list", `{"systems": [{"id": "A"}, {"id": "B", "events": {"go-live": "2026-02-30"}}]}`,
			`/systems/1/events/go-live: "2026-02-30" does not exist: February 2026 has 28 days`},
		{"month out of range", `{"systems": [{"id": "A", "events": {"grading": "2026-13-01"}}]}`,
			`/systems/0/events/grading: "2026-13-01" does not exist: the month must be from 01 to 12`},
		{"system twice", `{"systems": [{"id": "A"}, {"id": "A"}]}`, `/systems/1/id: the system ID "A" is used twice: give each system its own ID`},
		{"system without ID", `{"systems": [{"name": "A"}]}`, `/systems/0/id: missing: the system's ID, unique within the institution`},
		{"input of a system", `{"systems": [{"id": "A", "vn": {"type": "infrastructure", "information": "public"}}]}`, `/systems/0/vn/reach: missing: the reach: one-organisation, sector-or-province, nationwide or international`},
		{"bad flag", `{"systems": [{"id": "A", "flags": ["Health_Data"]}]}`, `/systems/0/flags/0: "Health_Data" is not a code: use lower-case words of letters and digits joined by hyphens, such as "health-data", at most 64 characters`},
		{"partner share", `{"nis2": {"type": "other", "enterprise": {"headcount": 1, "turnoverEur": 1, "balanceSheetEur": 1, "partners": [{"sharePercent": 101}]}}}`,
			`/nis2/enterprise/partners/0/sharePercent: must be at most 100 (got 101)`},
		{"figures", `{"nis2": {"type": "other", "enterprise": {"headcount": 0.5, "turnoverEur": 0, "balanceSheetEur": 1}}}`,
			`/nis2/enterprise/turnoverEur: missing: the annual turnover in EUR`},
		{"Czech conflict", `{"cz": {"regulatedService": "no", "significant": "yes"}}`, `/cz/significant: contradicts /regulatedService`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeInputs(strings.NewReader(tt.in))
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.Equal(t, tt.want, fes[0].Error())
		})
	}
	_, err := DecodeInputs(strings.NewReader(`{"systems": []}`+strings.Repeat(" ", 100)), WithMaxBytes(50))
	assert.EqualError(t, err, "the input is larger than the limit of 50 bytes")
	_, err = DecodeInputs(errReader{})
	assert.ErrorIs(t, err, errBroken)
	assert.ErrorContains(t, err, "gradingio: reading grading inputs")
	_, err = DecodeCZ(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

var errBroken = errors.New("broken pipe")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

// TestSchemaFiles pins the schemas to the files in schema/ (go test
// -update rewrites them) and checks that every property has a
// description.
func TestSchemaFiles(t *testing.T) {
	for _, f := range formats {
		schematest.Golden(t, filepath.Join("schema", f.file), f.schema(), *update)
		schematest.Described(t, f.schema())
	}
}

// classify names the rule JSON Schema cannot state behind a field error.
func classify(fe *medsec.FieldError) string {
	if _, ok := inexpressible[fe.Rule]; ok {
		return fe.Rule
	}
	return ""
}

// bases are the fixtures the targeted mutants edit.
var bases = map[string]string{"MLPSInput": "mlps-his.json", "VNInput": "vn-portal.json", "NIS2Input": "nis2-group.json",
	"CZInput": "cz-inferred.json", "Inputs": "inputs-hospital.json"}

// targeted are mutants of the rules that span fields, by format: edits of
// the base fixture of the format.
var targeted = map[string][]struct {
	what  string
	edits []schematest.Edit
}{
	"MLPSInput": {
		{"every harm none", []schematest.Edit{{Path: "/information", Value: `{"citizens":"none","society":"none","nation":"none"}`}, {Path: "/service", Value: `{"citizens":"none","society":"none","nation":"none"}`}}},
		{"one harm", []schematest.Edit{{Path: "/information", Value: `{"citizens":"none","society":"none","nation":"general"}`}, {Path: "/service", Value: `{"citizens":"none","society":"none","nation":"none"}`}}},
	},
	"VNInput": {
		{"state secret without grade", []schematest.Edit{{Path: "/information", Value: `"public|state-secret"`}}},
		{"private without users", []schematest.Edit{{Path: "/information", Value: `"private"`}, {Path: "/users", Value: ""}}},
		{"public only without users", []schematest.Edit{{Path: "/information", Value: `"public"`}, {Path: "/users", Value: ""}}},
		{"private with users 0", []schematest.Edit{{Path: "/information", Value: `"private"`}, {Path: "/users", Value: "0"}}},
		{"infrastructure", []schematest.Edit{{Path: "/type", Value: `"infrastructure"`}}},
		{"nationwide infrastructure", []schematest.Edit{{Path: "/type", Value: `"infrastructure"`}, {Path: "", Key: "reach", Value: `"nationwide"`}}},
		{"nationwide infrastructure non-stop", []schematest.Edit{{Path: "/type", Value: `"infrastructure"`}, {Path: "", Key: "reach", Value: `"nationwide"`}, {Path: "", Key: "nonStop", Value: `"no"`}}},
		{"industrial control", []schematest.Edit{{Path: "/type", Value: `"industrial-control"`}}},
		{"e-government", []schematest.Edit{{Path: "", Key: "nationalEGovernment", Value: "true"}}},
		{"e-government non-stop", []schematest.Edit{{Path: "", Key: "nationalEGovernment", Value: "true"}, {Path: "", Key: "nonStop", Value: `"yes"`}}},
		{"negative users", []schematest.Edit{{Path: "/users", Value: "-5"}}},
	},
	"NIS2Input": {
		{"no enterprise", []schematest.Edit{{Path: "/enterprise", Value: ""}}},
		{"empty enterprise", []schematest.Edit{{Path: "/enterprise", Value: "{}"}}},
		{"share 0", []schematest.Edit{{Path: "/enterprise/partners/0/sharePercent", Value: "0"}}},
		{"share 100.5", []schematest.Edit{{Path: "/enterprise/partners/0/sharePercent", Value: "100.5"}}},
		{"empty partner", []schematest.Edit{{Path: "/enterprise/partners/0", Value: "{}"}}},
		{"headcount too large", []schematest.Edit{{Path: "/enterprise/headcount", Value: "1e8"}}},
		{"turnover 2^53", []schematest.Edit{{Path: "/enterprise/turnoverEur", Value: "9007199254740992"}}},
	},
	"CZInput": {
		{"significant but not regulated", []schematest.Edit{{Path: "/regulatedService", Value: `"no"`}, {Path: "", Key: "significant", Value: `"yes"`}}},
		{"not significant, not regulated", []schematest.Edit{{Path: "/regulatedService", Value: `"no"`}, {Path: "", Key: "significant", Value: `"no"`}}},
		{"inferred without figures", []schematest.Edit{{Path: "/enterprise", Value: ""}}},
		{"inferred with empty figures", []schematest.Edit{{Path: "/enterprise", Value: "{}"}}},
		{"significant with empty figures", []schematest.Edit{{Path: "/enterprise", Value: "{}"}, {Path: "", Key: "significant", Value: `"yes"`}}},
		{"significant with zero figures", []schematest.Edit{{Path: "/enterprise", Value: `{"headcount":0}`}, {Path: "", Key: "significant", Value: `"yes"`}}},
		{"not regulated, no figures", []schematest.Edit{{Path: "/regulatedService", Value: `"no"`}, {Path: "/enterprise", Value: ""}}},
	},
	"Inputs": {
		{"system twice", []schematest.Edit{{Path: "/systems/1/id", Value: `"HIS"`}}},
		{"no systems", []schematest.Edit{{Path: "/systems", Value: "[]"}}},
		{"event date", []schematest.Edit{{Path: "/systems/0/events/go-live", Value: `"2026-02-29"`}}},
		{"undeclared flag", []schematest.Edit{{Path: "/systems/0/flags/0", Value: `"no-such-flag"`}}},
	},
}

// TestSchemaDifferential: each schema and its decoder give the same
// verdict on the mutants of the sample inputs, apart from the rules the
// schema documents as beyond JSON Schema.
func TestSchemaDifferential(t *testing.T) {
	total := 0
	for _, f := range formats {
		var mutants []schematest.Mutant
		fx := fixtures(t, f.fixtures)
		for name, b := range fx {
			ms, err := schematest.Mutants(name, b)
			require.NoError(t, err)
			mutants = append(mutants, ms...)
		}
		first := bases[f.name]
		for _, c := range targeted[f.name] {
			data, err := schematest.Apply(fx[first], c.edits...)
			require.NoError(t, err, "%s: %s", f.name, c.what)
			mutants = append(mutants, schematest.Mutant{Name: first + ": " + c.what, Kind: "cross-field", Data: data})
		}
		documented := map[string]string{}
		for k, v := range inexpressible {
			if k != "unique" || f.name == "Inputs" {
				documented[k] = v
			}
		}
		schema := f.schema()
		r := schematest.Differential(t, schematest.Config{Schema: schematest.Compile(t, schema), SchemaText: schema,
			Go: f.decode, Documented: documented, Classify: classify}, mutants)
		t.Logf("%s: %v", f.name, r)
		total += r.Mutants
	}
	assert.GreaterOrEqual(t, total, 500)
}
