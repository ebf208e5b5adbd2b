package contracts

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/schematest"
)

// goSide is what a hospital's Go code does with a vendor's file.
func goSide(data []byte) error {
	c, err := Decode(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return Validate(c)
}

// classify names the rule of Validate or Decode that JSON Schema cannot
// state behind a field error, or "".
func classify(fe *medsec.FieldError) string {
	switch {
	case fe.Rule == "order":
		return "term-order"
	case fe.Rule == "severity-order":
		return "severity-order"
	case fe.Rule == "citation" && strings.HasPrefix(fe.Path, "/clauses/") && fe.Err == medsec.ErrInvalidInput &&
		!strings.Contains(fe.Message.Key, "decode"):
		return "citation"
	case fe.Rule == "declared", fe.Rule == "valid" && fe.Path == "/jurisdiction":
		return "declared"
	case fe.Rule == "unique":
		return "unique"
	case fe.Rule == "duplicate-key", fe.Rule == "utf8", fe.Rule == "bom", fe.Rule == "size":
		return fe.Rule
	}
	return ""
}

// contractMutants are mutants that need to know the format: the rules
// that span fields, and the values the review of the schema found
// disagreeing.
func contractMutants(t *testing.T, name string, fixture []byte) []schematest.Mutant {
	type edit = schematest.Edit
	cases := []struct {
		kind, what string
		edits      []edit
	}{
		{"cross-field", "term reversed", []edit{{Path: "/term/start", Value: `"2031-01-01"`}}},
		{"cross-field", "one-day term", []edit{{Path: "/term/end", Value: `"2026-01-01"`}, {Path: "/term/start", Value: `"2026-01-01"`}}},
		{"date", "start in year 0000", []edit{{Path: "/term/start", Value: `"0000-01-01"`}}},
		{"date", "end in year 9999", []edit{{Path: "/term/end", Value: `"9999-12-31"`}}},
		{"date", "end in year 10000", []edit{{Path: "/term/end", Value: `"10000-01-01"`}}},
		{"cross-field", "jurisdiction not the institution's", []edit{{Path: "/institution/jurisdictions", Value: `["XX"]`}}},
		{"cross-field", "jurisdiction CZ on this institution", []edit{{Path: "/jurisdiction", Value: `"CZ"`}}},
		{"cross-field", "jurisdiction EU on this institution", []edit{{Path: "/jurisdiction", Value: `"EU"`}}},
		{"cross-field", "jurisdiction CN on this institution", []edit{{Path: "/jurisdiction", Value: `"CN"`}}},
		{"cross-field", "jurisdiction VN on this institution", []edit{{Path: "/jurisdiction", Value: `"VN"`}}},
		{"cross-field", "undeclared jurisdiction XA", []edit{{Path: "/jurisdiction", Value: `"XA"`}, {Path: "/institution/jurisdictions", Value: `["XA"]`}}},
		{"cross-field", "an MLPS grade on the first system", []edit{{Path: "/institution/systems/0", Key: "mlps", Value: `"2"`}}},
		{"cross-field", "a Vietnamese grade on the first system", []edit{{Path: "/institution/systems/0", Key: "vn", Value: `"2"`}}},
		{"cross-field", "two systems with one ID", []edit{{Path: "/institution/systems", Value: `[{"id":"S","mlps":"2","vn":"2"},{"id":"S","mlps":"2","vn":"2"}]`}}},
		{"cross-field", "health data without a storage country", []edit{{Path: "/dataHandling", Value: `{"healthData":true,"personalData":false,"crossBorderTransfer":false,"remoteAccess":false}`}}},
		{"cross-field", "no data, no storage country", []edit{{Path: "/dataHandling", Value: `{"healthData":false,"personalData":false,"crossBorderTransfer":false,"remoteAccess":false}`}}},
		{"cross-field", "no data, empty storage country", []edit{{Path: "/dataHandling", Value: `{"healthData":false,"personalData":false,"storageCountry":"","crossBorderTransfer":false,"remoteAccess":false}`}}},
		{"cross-field", "severity order", []edit{{Path: "/clauses/0", Value: `{"kind":"patching","text":"t","remediationDays":{"critical":30,"high":7}}`}}},
		{"cross-field", "parameter on the wrong kind", []edit{{Path: "/clauses/0", Value: `{"kind":"patching","text":"t","mfa":true}`}}},
		{"cross-field", "parameter on its kind", []edit{{Path: "/clauses/0", Value: `{"kind":"remote-access-control","text":"t","mfa":true,"viaHospitalGateway":false}`}}},
		{"cross-field", "RPO zero", []edit{{Path: "/clauses/0", Value: `{"kind":"business-continuity","text":"t","rtoHours":0,"rpoHours":0}`}}},
		{"citation", "unknown article", []edit{{Path: "/clauses/0/citations", Value: `["EU-NIS2 art. 999"]`}}},
		{"citation", "unknown instrument", []edit{{Path: "/clauses/0/citations", Value: `["XX-FOO art. 1"]`}}},
		{"citation", "21 citations", []edit{{Path: "/clauses/0/citations", Value: `[` + strings.TrimSuffix(strings.Repeat(`"EU-NIS2 art. 21",`, 21), ",") + `]`}}},
		{"array-size", "201 clauses", []edit{{Path: "/clauses", Value: `[` + strings.TrimSuffix(strings.Repeat(`{"kind":"training","text":"t"},`, 201), ",") + `]`}}},
		{"array-size", "200 clauses", []edit{{Path: "/clauses", Value: `[` + strings.TrimSuffix(strings.Repeat(`{"kind":"training","text":"t"},`, 200), ",") + `]`}}},
		{"flag", "undeclared institution flag", []edit{{Path: "/institution", Key: "flags", Value: `["no-such-flag"]`}}},
		{"flag", "malformed institution flag", []edit{{Path: "/institution", Key: "flags", Value: `["No_Such"]`}}},
		{"event", "undeclared event", []edit{{Path: "/institution", Key: "events", Value: `{"no-such-event":"2026-01-01"}`}}},
		{"event", "impossible event date", []edit{{Path: "/institution", Key: "events", Value: `{"holiday":"2026-02-30"}`}}},
		{"country", "institution country EU", []edit{{Path: "/institution/country", Value: `"EU"`}}},
		{"country", "vendor country EU", []edit{{Path: "/vendor/country", Value: `"EU"`}}},
		{"uuid", "nil UUID", []edit{{Path: "/id", Value: `"00000000-0000-0000-0000-000000000000"`}}},
		{"escape", "escaped key", []edit{{Path: "", Key: `\u0063ategory`, Value: `"cloud-service"`}}},
		{"utf8", "lone surrogate", []edit{{Path: "/vendor/name", Value: `"a\ud800b"`}}},
		{"unicode", "astral character", []edit{{Path: "/vendor/name", Value: `"a😀b"`}}},
	}
	var out []schematest.Mutant
	for _, c := range cases {
		data, err := schematest.Apply(fixture, c.edits...)
		if err != nil {
			continue // the fixture lacks the field: the case does not apply
		}
		out = append(out, schematest.Mutant{Name: name + ": " + c.kind + " " + c.what, Kind: c.kind, Data: data})
	}
	return out
}

// TestSchemaDifferential: the JSON Schema and Decode+Validate give the
// same verdict on every mutant of the valid sample contracts (review
// finding 4: 41 of 483 mutants disagreed), except on the rules the schema
// documents as beyond JSON Schema.
func TestSchemaDifferential(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.json")
	var mutants []schematest.Mutant
	for _, f := range files {
		fixture := readFile(t, f)
		ms, err := schematest.Mutants(filepath.Base(f), fixture)
		if err != nil {
			t.Fatal(err)
		}
		mutants = append(mutants, ms...)
		mutants = append(mutants, contractMutants(t, filepath.Base(f), fixture)...)
	}
	documented := map[string]string{}
	for _, r := range inexpressible {
		documented[r.kind] = r.doc
	}
	schema := JSONSchema()
	r := schematest.Differential(t, schematest.Config{Schema: schematest.Compile(t, schema), SchemaText: schema,
		Go: goSide, Documented: documented, Classify: classify}, mutants)
	t.Log(r)
	if r.Mutants < 500 {
		t.Errorf("only %d mutants; the test promises at least 500", r.Mutants)
	}
}
