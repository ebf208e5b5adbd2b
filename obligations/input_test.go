package obligations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/schematest"
)

// formats are the input formats of the package: their decoder, schema,
// schema file, sample fixtures and the fixture targeted mutants edit.
var formats = []struct {
	name     string
	decode   func(data []byte) error
	schema   func() []byte
	file     string
	fixtures string
}{
	{"Profile", func(b []byte) error { _, err := DecodeProfile(bytes.NewReader(b)); return err }, ProfileSchema, "profile.schema.json", "profile-*.json"},
	{"Incidents", func(b []byte) error { _, err := DecodeIncidents(bytes.NewReader(b)); return err }, IncidentsSchema, "incidents.schema.json", "incidents-*.json"},
	{"Evidence", func(b []byte) error { _, err := DecodeEvidence(bytes.NewReader(b)); return err }, EvidenceSchema, "evidence.schema.json", "evidence-*.json"},
	{"Assignments", func(b []byte) error { _, err := DecodeAssignments(bytes.NewReader(b)); return err }, AssignmentsSchema, "assignments.schema.json", "assignments-*.json"},
	{"Records", func(b []byte) error { _, err := DecodeRecords(bytes.NewReader(b)); return err }, RecordsSchema, "records.schema.json", "records-*.json"},
}

func inputFixtures(t *testing.T, pattern string) map[string][]byte {
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

// TestDecodeFixtures: the samples decode; a decoded profile validates
// and gives a gap report.
func TestDecodeFixtures(t *testing.T) {
	for _, f := range formats {
		for name, b := range inputFixtures(t, f.fixtures) {
			assert.NoError(t, f.decode(b), name)
		}
	}
	p, err := DecodeProfile(bytes.NewReader(inputFixtures(t, "profile-vn.json")["profile-vn.json"]))
	require.NoError(t, err)
	require.NoError(t, p.Validate(nil))
	_, err = DefaultCatalog().GapReport(p, nil, Options{AsOf: medsec.NewDate(2026, 11, 29)})
	require.NoError(t, err)
	rec, err := DecodeRecords(bytes.NewReader(inputFixtures(t, "records-cn.json")["records-cn.json"]))
	require.NoError(t, err)
	assert.Len(t, rec.Systems, 2)
	assert.NotNil(t, rec.Systems[0].MLPS)
}

// TestDecodeErrors: every problem comes back with the JSON Pointer of its
// field (list entries by index), a rule and a message that says what to
// do, as medsec.FieldErrors wrapping ErrInvalidInput.
func TestDecodeErrors(t *testing.T) {
	profile := func(incidents string) string {
		return `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "systems": [{"id": "HIS"}]}, "incidents": ` + incidents + `}`
	}
	tests := []struct {
		name   string
		decode func(string) error
		in     string
		want   string
	}{
		{"profile: unknown field", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital"}, "Incidents": []}`,
			`/Incidents: unknown field "Incidents"; did you mean "incidents"?`},
		{"profile: no institution", profileDecoder, `{}`, `/institution/id: id is missing: give a value`},
		{"profile: null institution", profileDecoder, `{"institution": null}`, `/institution: null is not allowed: this field is required, so give it a value`},
		{"profile: impossible date", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "events": {"holiday": "2026-02-30"}}}`,
			`/institution/events/holiday: "2026-02-30" does not exist: February 2026 has 28 days`},
		{"profile: month out of range", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "systems": [{"id": "A", "events": {"go-live": "2026-13-01"}}]}}`,
			`/institution/systems/0/events/go-live: "2026-13-01" does not exist: the month must be from 01 to 12`},
		{"profile: system twice", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "systems": [{"id": "A"}, {"id": "A"}]}}`,
			`/institution/systems/1/id: the system ID "A" is used twice: give each system its own ID`},
		{"profile: country", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "country": "cz"}}`,
			`/institution/country: "cz" is not a country code: use two upper-case letters (ISO 3166-1 alpha-2), such as CZ`},
		{"profile: empty country", profileDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "country": ""}}`,
			`/institution/country: the text is empty: give a value, or leave the field out`},
		{"profile: incident twice", profileDecoder, profile(`[{"id": "I", "detected": "2026-01-01T00:00:00Z"}, {"id": "I", "detected": "2026-01-01T00:00:00Z"}]`),
			`/incidents/1/id: the incident ID "I" is used twice: give each incident its own ID`},
		{"profile: incident without ID", profileDecoder, profile(`[{"detected": "2026-01-01T00:00:00Z"}]`), `/incidents/0/id: id is missing: give a value`},
		{"profile: incident system", profileDecoder, profile(`[{"id": "I", "system": "LIS", "detected": "2026-01-01T00:00:00Z"}]`),
			`/incidents/0/system: no system has the ID "LIS"`},
		{"profile: bad time", profileDecoder, profile(`[{"id": "I", "detected": "2026-01-01 08:00"}]`),
			`/incidents/0/detected: "2026-01-01 08:00" is not a time of the form 2026-03-01T08:30:00+01:00 (RFC 3339, with the offset from UTC or Z)`},
		{"profile: impossible time", profileDecoder, profile(`[{"id": "I", "detected": "2026-02-30T08:00:00Z"}]`),
			`/incidents/0/detected: "2026-02-30" does not exist: February 2026 has 28 days`},
		{"profile: time without offset", profileDecoder, profile(`[{"id": "I", "detected": "2026-01-01T08:00:00"}]`),
			`/incidents/0/detected: "2026-01-01T08:00:00" is not a time of the form 2026-03-01T08:30:00+01:00 (RFC 3339, with the offset from UTC or Z)`},
		{"profile: empty file", profileDecoder, ``, `the input is empty; send one JSON object`},
		{"profile: syntax", profileDecoder, "{\n  \"institution\": {,}\n}", `/institution: malformed JSON at line 2, column 19 (byte 20)`},
		{"evidence: not a list", evidenceDecoder, `{"duty": "X"}`, `wrong JSON type: want an array`},
		{"evidence: empty", evidenceDecoder, ``, `the input is empty; send one JSON array`},
		{"evidence: no day", evidenceDecoder, `[{"duty": "X", "done": "2026-01-01"}, {"duty": "Y"}]`, `/1/done: done is missing: give a value`},
		{"evidence: empty system", evidenceDecoder, `[{"duty": "X", "done": "2026-01-01", "system": ""}]`, `/0/system: the text is empty: give a value, or leave the field out`},
		{"evidence: empty date", evidenceDecoder, `[{"duty": "X", "done": ""}]`, `/0/done: "" is not a date of the form YYYY-MM-DD, such as 2026-03-01`},
		{"assignments: role form", assignmentsDecoder, `[{"personId": "P", "role": "Security Officer", "employment": "employee"}]`,
			`/0/role: "Security Officer" is not a code: use lower-case words of letters and digits joined by hyphens, such as "health-data", at most 64 characters`},
		{"assignments: missing", assignmentsDecoder, `[{"name": "X"}]`, `/0/personId: personId is missing: give a value`},
		{"assignments: hours as 6.0", assignmentsDecoder, `[{"personId": "P", "role": "r", "employment": "vendor", "trainingHours": 6.0}]`, ``},
		{"assignments: hours negative", assignmentsDecoder, `[{"personId": "P", "role": "r", "employment": "vendor", "trainingHours": -1}]`,
			`/0/trainingHours: want a whole number from 0 to 9007199254740991`},
		{"incidents: grade", incidentsDecoder, `[{"id": "I", "detected": "2026-01-01T00:00:00Z", "cnGrade": "Major"}]`,
			`/0/cnGrade: "Major" is not allowed here; want one of: general, relatively-major, major, particularly-major`},
		{"records: systems in the institution", recordsDecoder, `{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "systems": [{"id": "A"}]}}`,
			`/institution/systems: list the systems in the top-level "systems", with their grading input, not in the institution`},
		{"records: grading input", recordsDecoder, `{"institution": {"id": "H", "jurisdictions": ["VN"], "type": "hospital"}, "systems": [{"id": "A", "vn": {"type": "infrastructure", "information": "public"}}]}`,
			`/systems/0/vn/reach: missing: the reach: one-organisation, sector-or-province, nationwide or international`},
		{"records: unknown member", recordsDecoder, `{"institution": {"id": "H", "jurisdictions": ["VN"], "type": "hospital"}, "contracts": []}`,
			`/contracts: unknown field "contracts"; check its spelling and case against the schema`},
		{"records: incident system", recordsDecoder, `{"institution": {"id": "H", "jurisdictions": ["VN"], "type": "hospital"}, "systems": [{"id": "A"}], "incidents": [{"id": "I", "system": "B", "detected": "2026-01-01T00:00:00Z"}]}`,
			`/incidents/0/system: no system has the ID "B"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.decode(tt.in)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			assert.Equal(t, tt.want, fes[0].Error())
		})
	}
	_, err := DecodeEvidence(strings.NewReader(`[]`+strings.Repeat(" ", 100)), WithMaxBytes(50))
	assert.EqualError(t, err, "the input is larger than the limit of 50 bytes")
	_, err = DecodeProfile(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

func profileDecoder(s string) error  { _, err := DecodeProfile(strings.NewReader(s)); return err }
func evidenceDecoder(s string) error { _, err := DecodeEvidence(strings.NewReader(s)); return err }
func assignmentsDecoder(s string) error {
	_, err := DecodeAssignments(strings.NewReader(s))
	return err
}
func incidentsDecoder(s string) error { _, err := DecodeIncidents(strings.NewReader(s)); return err }
func recordsDecoder(s string) error   { _, err := DecodeRecords(strings.NewReader(s)); return err }

// TestDecodeRecordsWithMembers: the caller's own members are decoded as
// strictly as the rest, into the caller's struct.
func TestDecodeRecordsWithMembers(t *testing.T) {
	var own struct {
		Contracts []json.RawMessage `json:"contracts,omitempty"`
		Dispatch  *struct {
			Number int `json:"number"`
		} `json:"dispatch,omitempty"`
		hidden int
	}
	in := `{"institution": {"id": "H", "jurisdictions": ["VN"], "type": "hospital"}, "contracts": [{"id": 1}], "dispatch": {"number": 12.0}}`
	rec, err := DecodeRecords(strings.NewReader(in), WithMembers(&own))
	require.NoError(t, err)
	assert.Equal(t, "H", rec.Institution.ID)
	assert.Equal(t, []json.RawMessage{json.RawMessage(`{"id": 1}`)}, own.Contracts)
	assert.Equal(t, 12, own.Dispatch.Number)
	assert.Zero(t, own.hidden)

	_, err = DecodeRecords(strings.NewReader(`{"institution": {"id": "H", "jurisdictions": ["VN"], "type": "hospital"}, "dispatch": {"number": "12"}}`), WithMembers(&own))
	assert.EqualError(t, err, "/dispatch/number: wrong JSON type: want a whole number")
	_, err = DecodeRecords(strings.NewReader(in), WithMembers(own))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	var clash struct {
		Evidence []string `json:"evidence"`
	}
	_, err = DecodeRecords(strings.NewReader(in), WithMembers(&clash))
	assert.ErrorContains(t, err, `the member "evidence"`)
}

// TestUnknownDutyNamesTheClosest: evidence for a duty ID the catalog does
// not hold names the closest IDs (review finding 1.4: CN-MLPS-FILING
// without its deadline).
func TestUnknownDutyNamesTheClosest(t *testing.T) {
	p, err := DecodeProfile(strings.NewReader(`{"institution": {"id": "H", "jurisdictions": ["CN"], "type": "hospital", "systems": [{"id": "HIS", "mlps": "3", "events": {"grading": "2026-10-01"}}]}}`))
	require.NoError(t, err)
	var filing string
	for _, d := range DefaultCatalog().Duties() {
		if strings.Contains(d.ID, "-FILING-") {
			filing = d.ID
			break
		}
	}
	require.NotEmpty(t, filing)
	short := filing[:strings.LastIndexByte(filing, '-')]
	_, err = DefaultCatalog().GapReport(p, []Evidence{{Duty: short, System: "HIS", Done: medsec.NewDate(2026, 10, 20)},
		{Duty: "ZZZ-NOTHING-LIKE-IT", Done: medsec.NewDate(2026, 10, 20)}}, Options{AsOf: medsec.NewDate(2026, 11, 1)})
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Contains(t, fes[0].Error(), `/evidence/0/duty: no duty has the ID "`+short+`"; the closest IDs of the catalog are `)
	assert.Contains(t, fes[0].Error(), filing)
	assert.Equal(t, `/evidence/1/duty: no duty has the ID "ZZZ-NOTHING-LIKE-IT"; check it against the catalog`, fes[1].Error())
}

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
	switch fe.Rule {
	case "exists":
		return "reference"
	case "unique", "duplicate-key", "utf8", "bom", "size":
		return fe.Rule
	}
	return ""
}

// targeted are mutants of the rules that span fields, by format: the
// fixture they edit and the edits.
var targeted = map[string][]struct {
	base, what string
	edits      []schematest.Edit
}{
	"Profile": {
		{"profile-cz.json", "system twice", []schematest.Edit{{Path: "/institution/systems/1/id", Value: `"NIS"`}}},
		{"profile-cz.json", "incident twice", []schematest.Edit{{Path: "/incidents/1/id", Value: `"INC-2026-07"`}}},
		{"profile-cz.json", "incident of no system", []schematest.Edit{{Path: "/incidents/0/system", Value: `"LIS"`}}},
		{"profile-cz.json", "no jurisdictions", []schematest.Edit{{Path: "/institution/jurisdictions", Value: `[]`}}},
		{"profile-cz.json", "undeclared jurisdiction", []schematest.Edit{{Path: "/institution/jurisdictions", Value: `["XX"]`}}},
	},
	"Incidents": {
		{"incidents-cn.json", "incident twice", []schematest.Edit{{Path: "/1/id", Value: `"I-1"`}}},
	},
	"Records": {
		{"records-cz.json", "systems in the institution", []schematest.Edit{{Path: "/institution", Key: "systems", Value: `[{"id": "X"}]`}}},
		{"records-cz.json", "no systems in the institution", []schematest.Edit{{Path: "/institution", Key: "systems", Value: `[]`}}},
		{"records-cz.json", "system twice", []schematest.Edit{{Path: "/systems/1/id", Value: `"NIS"`}}},
		{"records-cz.json", "incident of no system", []schematest.Edit{{Path: "/incidents/0/system", Value: `"LIS"`}}},
		{"records-cz.json", "Czech conflict", []schematest.Edit{{Path: "/cz", Value: `{"regulatedService": "no", "significant": "yes"}`}}},
	},
}

// TestSchemaDifferential: each schema and its decoder give the same
// verdict on the mutants of the sample documents, apart from the rules
// the schema documents as beyond JSON Schema.
func TestSchemaDifferential(t *testing.T) {
	total := 0
	for _, f := range formats {
		var mutants []schematest.Mutant
		for name, b := range inputFixtures(t, f.fixtures) {
			ms, err := schematest.Mutants(name, b)
			require.NoError(t, err)
			mutants = append(mutants, ms...)
		}
		for _, c := range targeted[f.name] {
			data, err := schematest.Apply(inputFixtures(t, c.base)[c.base], c.edits...)
			require.NoError(t, err, "%s: %s", f.name, c.what)
			mutants = append(mutants, schematest.Mutant{Name: c.base + ": " + c.what, Kind: "cross-field", Data: data})
		}
		documented := map[string]string{}
		for k, v := range inexpressible {
			documented[k] = v
		}
		schema := f.schema()
		switch f.name {
		case "Incidents":
			documented["unique"] = "incident IDs are unique within the document"
			delete(documented, "reference")
		case "Evidence", "Assignments":
			delete(documented, "unique")
			delete(documented, "reference")
		}
		r := schematest.Differential(t, schematest.Config{Schema: schematest.Compile(t, schema), SchemaText: schema,
			Go: f.decode, Documented: documented, Classify: classify}, mutants)
		t.Logf("%s: %v", f.name, r)
		total += r.Mutants
	}
	assert.GreaterOrEqual(t, total, 500)
}
