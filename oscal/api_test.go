package oscal

import (
	"testing"

	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/medsec-go/medsec/obligations"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"Baselines": Baselines, "Catalogs": Catalogs, "MessageTemplates": MessageTemplates, "Select": Select,
		"URN": URN, "UUID": UUID, "WriteAssessmentResults": WriteAssessmentResults, "WriteCatalog": WriteCatalog,
		"WriteMappingCollection": WriteMappingCollection, "WritePOAM": WritePOAM, "WriteProfile": WriteProfile,
	},
	Types: []any{Baseline{}},
}

// TestNilAndZero: every exported function and method called with nil and
// zero values returns an error or a zero result; none panics.
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestResultsAreOwn: every result that holds a slice is the caller's own.
func TestResultsAreOwn(t *testing.T) {
	c := obligations.DefaultCatalog()
	calls := map[string]func() any{
		"Baselines":        func() any { return Baselines() },
		"Catalogs":         func() any { return Catalogs(nil) },
		"MessageTemplates": func() any { return MessageTemplates() },
		"Select":           func() any { return Select(c, Baselines()[2], day("2026-11-22")) },
		"UUID":             func() any { return UUID("urn:medsec:duty:X") },
	}
	apitest.Aliasing(t, api, calls, []any{Baselines()[0]})
}
