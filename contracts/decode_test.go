package contracts

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

const validFixture = "testdata/valid/cz-pacs-2026.json"

// errorsOf returns the field errors of err, failing if it is not a list.
func errorsOf(t *testing.T, err error) medsec.FieldErrors {
	t.Helper()
	require.Error(t, err)
	var fes medsec.FieldErrors
	require.True(t, errors.As(err, &fes), "want medsec.FieldErrors, got %T: %v", err, err)
	assert.True(t, errors.Is(err, medsec.ErrInvalidInput))
	return fes
}

func hasError(fes medsec.FieldErrors, path, rule string) bool {
	for _, e := range fes {
		if e.Path == path && e.Rule == rule {
			return true
		}
	}
	return false
}

func TestDecodeErrors(t *testing.T) {
	valid := string(readFile(t, validFixture))
	tests := []struct {
		name       string
		in         string
		path, rule string
	}{
		{"empty", "  ", "", "empty"},
		{"not an object", `[]`, "", "type"},
		{"syntax", `{"id": }`, "/id", "syntax"},
		{"unterminated string", `{"id": "abc`, "/id", "syntax"},
		{"bad escape", `{"id": "\q"}`, "/id", "syntax"},
		{"control char", "{\"id\": \"a\x01\"}", "/id", "syntax"},
		{"leading zero", `{"clauses": [{"notifyWithinHours": 012}]}`, "/clauses/0/notifyWithinHours", "syntax"},
		{"trailing data", valid + `{}`, "", "trailing"},
		{"trailing garbage", valid + `x`, "", "trailing"},
		{"unknown field", `{"vendor": {"website": "x"}}`, "/vendor/website", "unknown-field"},
		{"unknown field case", `{"Jurisdiction": "CZ"}`, "/Jurisdiction", "unknown-field"},
		{"duplicate key", `{"jurisdiction": "CZ", "jurisdiction": "CN"}`, "/jurisdiction", "duplicate-key"},
		{"duplicate key escaped", `{"jurisdiction": "CZ", "juris\u0064iction": "CN"}`, "/jurisdiction", "duplicate-key"},
		{"duplicate key deep", `{"clauses": [{"kind": "sbom"}, {"kind": "sbom", "kind": "training"}]}`, "/clauses/1/kind", "duplicate-key"},
		{"duplicate inside unknown", `{"x": {"a": 1, "a": 2}}`, "/x/a", "duplicate-key"},
		{"wrong type string", `{"clauses": [{"notifyWithinHours": "12"}]}`, "/clauses/0/notifyWithinHours", "type"},
		{"wrong type object", `{"vendor": "Acme"}`, "/vendor", "type"},
		{"wrong type array", `{"institution": {"systems": {"name": "HIS"}}}`, "/institution/systems", "type"},
		{"wrong type map", `{"institution": {"events": ["go-live"]}}`, "/institution/events", "type"},
		{"wrong type bool", `{"dataHandling": {"healthData": "yes"}}`, "/dataHandling/healthData", "type"},
		{"fraction", `{"clauses": [{"notifyWithinHours": 1.5}]}`, "/clauses/0/notifyWithinHours", "integer"},
		{"overflow", `{"clauses": [{"rtoHours": 99999999999999999999}]}`, "/clauses/0/rtoHours", "integer"},
		{"above max", `{"clauses": [{"rtoHours": 10000}]}`, "/clauses/0/rtoHours", "integer"},
		{"null", `{"term": {"end": null}}`, "/term/end", "null"},
		{"bad enum", `{"category": "medical-devices"}`, "/category", "enum"},
		{"jurisdiction not canonical", `{"jurisdiction": "cz"}`, "/jurisdiction", "jurisdiction"},
		{"jurisdiction too long", `{"institution": {"jurisdictions": ["CZE"]}}`, "/institution/jurisdictions/0", "jurisdiction"},
		{"grade enum", `{"institution": {"systems": [{"mlps": "6"}]}}`, "/institution/systems/0/mlps", "enum"},
		{"bad flag", `{"institution": {"flags": ["CII"]}}`, "/institution/flags/0", "text"},
		{"bad event date", `{"institution": {"events": {"go-live": "2026-13-01"}}}`, "/institution/events/go-live", "date"},
		{"bad date", `{"term": {"start": "2026-02-30"}}`, "/term/start", "date"},
		{"short date", `{"term": {"start": "2026-2-3"}}`, "/term/start", "date"},
		{"bad uuid", `{"id": "not-a-uuid"}`, "/id", "uuid"},
		{"upper-case uuid", `{"id": "6F1C2A4E-8B3D-4C5E-9A7F-0D1E2F3A4B5C"}`, "/id", "uuid"},
		{"braced uuid", `{"id": "{6f1c2a4e-8b3d-4c5e-9a7f-0d1e2f3a4b5c}"}`, "/id", "uuid"},
		{"bad citation", `{"clauses": [{"citations": ["NIS2 article 21"]}]}`, "/clauses/0/citations/0", "citation"},
		{"pointer escaping", `{"a/b~c": 1}`, "/a~1b~0c", "unknown-field"},
		{"too deep", `{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", "depth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(strings.NewReader(tt.in))
			assert.Nil(t, c)
			fes := errorsOf(t, err)
			assert.True(t, hasError(fes, tt.path, tt.rule), "want %s at %q, got %v", tt.rule, tt.path, describe(fes))
			for _, e := range fes {
				assert.NotEmpty(t, e.Message.Key)
				assert.True(t, strings.HasPrefix(e.Message.Key, "contracts.") || strings.HasPrefix(e.Message.Key, "medsec.decode.") ||
					strings.HasPrefix(e.Message.Key, "medsec.date."), e.Message.Key)
				assert.NotContains(t, e.Message.String(), "%!", "bad format arguments")
			}
		})
	}
}

func describe(fes medsec.FieldErrors) []string {
	var out []string
	for _, e := range fes {
		out = append(out, e.Rule+"@"+e.Path+": "+e.Message.String())
	}
	return out
}

func TestDecodeReportsAllErrors(t *testing.T) {
	_, err := Decode(strings.NewReader(`{"a": 1, "vendor": {"b": 2}, "clauses": [{"kind": "nope", "kind": "sbom"}]}`))
	fes := errorsOf(t, err)
	assert.Equal(t, []string{
		"unknown-field@/a: unknown field \"a\"; check its spelling and case against the schema",
		"unknown-field@/vendor/b: unknown field \"b\"; check its spelling and case against the schema",
		"enum@/clauses/0/kind: \"nope\" is not allowed here; want one of: " + strings.Join(clauseKindNames[1:], ", "),
		"duplicate-key@/clauses/0/kind: the key \"kind\" appears more than once in this object",
	}, describe(fes))
}

func TestDecodeSizeLimit(t *testing.T) {
	data := readFile(t, validFixture)
	_, err := Decode(bytes.NewReader(data), WithMaxBytes(int64(len(data)-1)))
	fes := errorsOf(t, err)
	require.Len(t, fes, 1)
	assert.Equal(t, "size", fes[0].Rule)
	assert.Equal(t, "", fes[0].Path)

	c, err := Decode(bytes.NewReader(data), WithMaxBytes(int64(len(data))))
	require.NoError(t, err)
	assert.Equal(t, "Imaging Systems s.r.o.", c.Vendor.Name)

	big := `{"vendor": {"name": "` + strings.Repeat("x", DefaultMaxBytes) + `"}}`
	_, err = Decode(strings.NewReader(big))
	assert.True(t, hasError(errorsOf(t, err), "", "size"))
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestDecodeReadError(t *testing.T) {
	_, err := Decode(failingReader{})
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	var fes medsec.FieldErrors
	assert.False(t, errors.As(err, &fes), "a read error is not a data error")
}

func TestDecodeValid(t *testing.T) {
	c, err := Decode(bytes.NewReader(readFile(t, validFixture)))
	require.NoError(t, err)
	assert.Equal(t, "6f1c2a4e-8b3d-4c5e-9a7f-0d1e2f3a4b5c", c.ID.String())
	assert.Equal(t, medsec.CZ, c.Jurisdiction)
	assert.Equal(t, ClinicalInformationSystem, c.Category)
	require.Len(t, c.Clauses, 8)
	assert.Equal(t, 12, *c.Clauses[1].NotifyWithinHours)
	assert.Equal(t, 7, *c.Clauses[2].RemediationDays.Critical)
	assert.Nil(t, c.Clauses[2].RemediationDays.Low)
	assert.Equal(t, medsec.Cite("EU-NIS2", "21", "2", "d"), c.Clauses[0].Citations[0])
}

func TestIsDateMatchesParseDate(t *testing.T) {
	for _, s := range []string{"2026-01-01", "2024-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"0000-01-01", "9999-12-31", "2026-1-01", "2026-01-1", "20260101", "2026/01/01", "+026-01-01", "2026-01-01 ", ""} {
		d, err := medsec.ParseDate(s)
		want := err == nil && d.String() == s
		assert.Equal(t, want, isDate([]byte(s)), s)
	}
}

func TestDecodeClipsLongValues(t *testing.T) {
	long := strings.Repeat("é", 100)
	_, err := Decode(strings.NewReader(`{"` + long + `": 1, "category": "` + long + `"}`))
	fes := errorsOf(t, err)
	require.Len(t, fes, 2)
	for _, e := range fes {
		assert.LessOrEqual(t, len(e.Value), 64+len("…"))
		assert.True(t, strings.HasSuffix(e.Value, "…"))
		assert.True(t, utf8.ValidString(e.Value))
	}
}

// TestDecoderMatchesEncodingJSON: on every input Decode accepts, it builds
// the same value as encoding/json (the fuzz target checks this too).
func TestDecoderMatchesEncodingJSON(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.json")
	var n int
	for _, name := range files {
		data := readFile(t, name)
		c, err := DecodeBytes(data)
		if err != nil {
			continue
		}
		n++
		assertSameAsJSON(t, data, c)
	}
	assert.GreaterOrEqual(t, n, 10)
	// Escapes and empty arrays decode as in encoding/json.
	data := bytes.Replace(readFile(t, validFixture), []byte(`"Imaging Systems s.r.o."`), []byte("\"Imaging \\u0053ystems \\\"A\\\" \\ud83d\\ude00 \\t\""), 1)
	data = bytes.Replace(data, []byte(`"systems": [
      {"id": "PACS", "name": "PACS"},
      {"id": "RIS", "name": "RIS"}
    ]`), []byte(`"systems": []`), 1)
	c, err := DecodeBytes(data)
	require.NoError(t, err)
	assert.Equal(t, "Imaging Systems \"A\" 😀 \t", c.Vendor.Name)
	assert.NotNil(t, c.Institution.Systems)
	assert.Empty(t, c.Institution.Systems)
	assertSameAsJSON(t, data, c)
}

func assertSameAsJSON(t testing.TB, data []byte, c *Contract) {
	t.Helper()
	var want Contract
	err := json.Unmarshal(data, &want)
	if wholeNotation(err) {
		// The one documented difference: a whole number written with a
		// fraction or an exponent (0.0, 1.2e1), which encoding/json
		// refuses for an integer field, is that integer to Decode, as to
		// JSON Schema's "integer" (see internal/strictjson).
		return
	}
	require.NoError(t, err)
	if !reflect.DeepEqual(&want, c) {
		t.Fatalf("Decode and encoding/json differ on %q:\n got %+v\nwant %+v", data, c, &want)
	}
}

// wholeNotation reports whether err is encoding/json refusing, for an
// integer field, a whole number written with a fraction or an exponent.
func wholeNotation(err error) bool {
	var ute *json.UnmarshalTypeError
	if !errors.As(err, &ute) || !strings.HasPrefix(ute.Value, "number ") {
		return false
	}
	num := strings.TrimPrefix(ute.Value, "number ")
	f, perr := strconv.ParseFloat(num, 64)
	return perr == nil && strings.ContainsAny(num, ".eE") && f == math.Trunc(f)
}

// A contract may give a whole number as 24.0 or 2.4e1: Decode takes it as
// 24, where encoding/json refuses it; a number that is not whole is an
// error naming the field.
func TestDecodeWholeNumberNotation(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{`24.0`, 24}, {`2.4e1`, 24}, {`240E-1`, 24}} {
		c, err := DecodeBytes([]byte(`{"clauses":[{"notifyWithinHours":` + tt.in + `}]}`))
		require.NoError(t, err, tt.in)
		require.Len(t, c.Clauses, 1)
		require.NotNil(t, c.Clauses[0].NotifyWithinHours, tt.in)
		assert.Equal(t, tt.want, *c.Clauses[0].NotifyWithinHours, tt.in)
		var plain Contract
		assert.True(t, wholeNotation(json.Unmarshal([]byte(`{"clauses":[{"notifyWithinHours":`+tt.in+`}]}`), &plain)), tt.in)
	}
	_, err := DecodeBytes([]byte(`{"clauses":[{"notifyWithinHours":24.5}]}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/clauses/0/notifyWithinHours")
	assert.False(t, wholeNotation(json.Unmarshal([]byte(`{"clauses":[{"notifyWithinHours":24.5}]}`), new(Contract))))
}
