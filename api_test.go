package medsec_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/apitest"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"Cite": medsec.Cite, "DateOf": medsec.DateOf, "DecodeInstrument": medsec.DecodeInstrument,
		"DefaultRegistry": medsec.DefaultRegistry, "InForce": medsec.InForce, "Jurisdictions": medsec.Jurisdictions,
		"LoadRegistry": medsec.LoadRegistry, "Lookup": medsec.Lookup, "MessageTemplates": medsec.MessageTemplates,
		"NewDate": medsec.NewDate, "NewRegistry": medsec.NewRegistry, "ParseCitation": medsec.ParseCitation,
		"ParseDate": medsec.ParseDate, "ParseJurisdiction": medsec.ParseJurisdiction, "Today": medsec.Today,
		"LoadPack": medsec.LoadPack, "RegistryOf": medsec.RegistryOf,
	},
	Types: []any{medsec.Citation{}, medsec.Confidence(0), medsec.Date{}, medsec.Effect(0), medsec.FieldError{},
		medsec.FieldErrors{}, medsec.Instrument{}, medsec.InstrumentKind(0), medsec.Jurisdiction(""), medsec.Message{},
		medsec.MessageTemplate{}, medsec.Period{}, medsec.Registry{}, medsec.Span{}, medsec.SpanUnit(0),
		medsec.Pack{}, medsec.Flag(""), medsec.Event(""), medsec.IncidentRule{}, medsec.IncidentCondition{},
		medsec.IncidentEvent(0), medsec.Extent{}, medsec.Citations{}, medsec.JurisdictionInfo{}},
	Shared: map[string]string{"FieldErrors.Unwrap": "it returns the list's own errors, as errors.As needs"},
}

// TestNilAndZero: review finding F8. Every exported function and method
// called with nil and zero values returns an error or a zero result; none
// panics (FieldErrors{nil}.Error() did).
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestResultsAreOwn: review finding F2. Every result that holds slices or
// maps is the caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	reg := medsec.DefaultRegistry()
	day := medsec.NewDate(2026, 6, 1)
	fsys := fstest.MapFS{"d/a.json": {Data: []byte(goodInstrument)}}
	calls := map[string]func() any{
		"DecodeInstrument": func() any {
			in, err := medsec.DecodeInstrument(strings.NewReader(goodInstrument))
			if err != nil {
				t.Fatal(err)
			}
			return in
		},
		"InForce":          func() any { return medsec.InForce(day) },
		"Jurisdictions":    func() any { return medsec.Jurisdictions() },
		"MessageTemplates": func() any { return medsec.MessageTemplates() },
		"Lookup": func() any {
			var out []medsec.Instrument
			for _, id := range []string{"EU-NIS2", "CN-NHC-2022-29", "CZ-ACT-264-2025"} {
				in, _ := medsec.Lookup(id)
				out = append(out, in)
			}
			return out
		},
		"Registry.InForce": func() any { return reg.InForce(day, medsec.CZ, medsec.EU) },
		"Registry.Date": func() any {
			d, _ := reg.Date("EU-NIS2-APPLICATION")
			return d
		},
		"Registry.Event": func() any {
			e, _ := reg.Event("go-live")
			return e
		},
		"Registry.Flag": func() any {
			f, _ := reg.Flag("cii")
			return f
		},
		"Registry.Jurisdiction": func() any {
			j, _ := reg.Jurisdiction(medsec.CZ)
			return j
		},
		"Registry.IncidentRule": func() any {
			r, _ := reg.IncidentRule("EU-NIS2-EARLY-WARNING-24H")
			return r
		},
		"Registry.IncidentRules": func() any { return reg.IncidentRules(medsec.EU, day) },
		"Registry.PackOf": func() any {
			p, _ := reg.PackOf("EU-NIS2")
			return p.Jurisdictions()
		},
		"Pack.Glob": func() any {
			names, _ := reg.Packs()[0].Glob("instruments/*.json")
			return names
		},
		"Pack.ReadFile": func() any {
			b, _ := reg.Packs()[0].ReadFile("pack.json")
			return b
		},
		"Pack.AppendFile": func() any {
			b, _ := reg.Packs()[0].AppendFile(nil, "pack.json")
			return b
		},
		"Registry.Lookup": func() any {
			in, _ := reg.Lookup("EU-NIS2")
			return in
		},
		"Instrument.Unheld": func() any {
			in, _ := reg.Lookup("CZ-ZKB-264-2025")
			return in.Unheld()
		},
		"Extent.Units": func() any {
			in, _ := reg.Lookup("CZ-VYH-409-2025")
			return in.Extent.Units()
		},
		"MessageTemplate.New": func() any {
			return medsec.MessageTemplate{Key: "k", Format: "%d %v"}.New(1, medsec.CN.Message())
		},
		"LoadRegistry": func() any {
			r, err := medsec.LoadRegistry(fsys, "d")
			if err != nil {
				t.Fatal(err)
			}
			return r.Instruments()
		},
	}
	err := medsec.FieldErrors{{Path: "/a", Rule: "r", Message: medsec.CN.Message()}}
	samples := []any{reg, medsec.Cite("EU-NIS2", "21", "2", "d"), day, err, medsec.VN, medsec.Jurisdiction("XX"),
		medsec.Span{N: 6, Unit: medsec.Months}, medsec.Flag("cii"), medsec.Event("go-live"),
		medsec.Citations{medsec.Cite("EU-NIS2", "21", "2", "d"), medsec.Cite("EU-NIS2", "23")}}
	for _, j := range reg.Jurisdictions() {
		info, _ := reg.Jurisdiction(j)
		samples = append(samples, info)
	}
	samples = append(samples, reg.Packs()[0], reg.Packs()[1])
	for _, in := range reg.Instruments() {
		samples = append(samples, in)
	}
	apitest.Aliasing(t, api, calls, samples)
}
