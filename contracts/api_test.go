package contracts

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/apitest"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"Categories": Categories, "Check": Check, "ClauseKinds": ClauseKinds, "Decode": Decode,
		"DecodeBytes": DecodeBytes, "DecodeReport": DecodeReport, "DefaultChecker": DefaultChecker, "JSONSchema": JSONSchema,
		"MessageTemplates": MessageTemplates, "NewChecker": NewChecker, "ReportSchema": ReportSchema, "Validate": Validate,
		"WithMaxBytes": WithMaxBytes,
	},
	Types: []any{Category(0), Checker{}, ClauseKind(0), Problem(0), Report{}, Severity(0)},
}

// TestNilAndZero: review finding F8. Every exported function and method
// called with nil and zero values returns an error or a zero result; none
// panics.
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestResultsAreOwn: review finding F2. Every result that holds slices or
// maps is the caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	var data [][]byte
	var cs []*Contract
	for _, f := range files {
		b := readFile(t, f)
		c, err := DecodeBytes(b)
		if err != nil {
			t.Fatal(f, err)
		}
		data, cs = append(data, b), append(cs, c)
	}
	dates := []medsec.Date{medsec.NewDate(2025, 10, 31), medsec.NewDate(2026, 6, 1)}
	check := func() any {
		var out []*Report
		for _, c := range cs {
			for _, d := range dates {
				r, err := Check(c, d)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, r)
			}
		}
		return out
	}
	calls := map[string]func() any{
		"Categories":    func() any { return Categories() },
		"ClauseKinds":   func() any { return ClauseKinds() },
		"Check":         check,
		"Checker.Check": check,
		"Decode": func() any {
			var out []*Contract
			for _, b := range data {
				c, _ := Decode(bytes.NewReader(b))
				out = append(out, c)
			}
			return out
		},
		"DecodeBytes": func() any {
			var out []*Contract
			for _, b := range data {
				c, _ := DecodeBytes(b)
				out = append(out, c)
			}
			return out
		},
		"JSONSchema":   func() any { return JSONSchema() },
		"ReportSchema": func() any { return ReportSchema() },
		"DecodeReport": func() any {
			var out []*Report
			for _, r := range check().([]*Report) {
				b, err := r.MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				back, err := DecodeReport(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, back)
			}
			return out
		},
		"MessageTemplates": func() any { return MessageTemplates() },
		"NewChecker": func() any {
			ch, err := NewChecker(medsec.DefaultRegistry())
			if err != nil {
				t.Fatal(err)
			}
			return ch.MessageTemplates()
		},
	}
	var samples []any
	for _, r := range check().([]*Report) {
		samples = append(samples, r)
	}
	for _, r := range calls["DecodeReport"]().([]*Report) {
		samples = append(samples, r)
	}
	samples = append(samples, DefaultChecker())
	apitest.Aliasing(t, api, calls, samples)
}
