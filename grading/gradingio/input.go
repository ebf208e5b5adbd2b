package gradingio

import (
	"errors"
	"io"
	"maps"
	"strconv"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/inputjson"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DefaultMaxBytes is the size limit of the decoders of the package: 4 MiB.
const DefaultMaxBytes = inputjson.DefaultMaxBytes

// A DecodeOption changes how a decoder of the package reads. A nil
// DecodeOption changes nothing.
type DecodeOption func(*decodeConfig)

type decodeConfig struct{ maxBytes int64 }

// WithMaxBytes sets the largest input a decoder accepts; n ≤ 0 means
// [DefaultMaxBytes].
func WithMaxBytes(n int64) DecodeOption {
	return func(c *decodeConfig) { c.maxBytes = n }
}

func config(opts []DecodeOption) decodeConfig {
	var c decodeConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Inputs are what grading needs to know about one institution, in one
// document: the entity inputs of NIS2 and of Czech law, and the systems
// with their MLPS and Vietnamese inputs. [ReadInventory] reads the
// systems from a CSV inventory.
//
// In JSON ([InputsSchema]):
//
//	{
//	  "nis2": {"type": "healthcare-provider", "enterprise": {"headcount": 1850, "turnoverEur": 142000000, "balanceSheetEur": 96000000}},
//	  "cz": {"regulatedService": "yes", "significant": "yes"},
//	  "systems": [{"id": "PACS", "name": "PACS", "flags": ["health-data"], "vn": {"type": "internal", "information": "personal"}}]
//	}
type Inputs struct {
	// NIS2 is the input of the institution's NIS2 classification.
	NIS2 *grading.NIS2Input `json:"nis2,omitempty"`
	// CZ is the input of the institution's Czech regime.
	CZ *grading.CZInput `json:"cz,omitempty"`
	// Systems are the institution's systems; IDs are unique.
	Systems []SystemInput `json:"systems,omitempty"`
}

// A SystemInput is one information system of an institution: its
// identity, flags and event dates, and the grading input of each scheme
// it falls under. [SystemInput.System] turns it into the [grading.System]
// a [grading.Institution] holds, once graded.
type SystemInput struct {
	// ID identifies the system within the institution. Required, unique.
	ID string `json:"id"`
	// Name is the system's name.
	Name string `json:"name,omitempty"`
	// Flags add to the institution's flags for this system, e.g.
	// "health-data"; see [medsec.Registry.Flags].
	Flags []medsec.Flag `json:"flags,omitempty"`
	// Events holds the system's event dates, e.g. "grading", "go-live";
	// see [medsec.Registry.Events].
	Events map[medsec.Event]medsec.Date `json:"events,omitempty"`
	// MLPS is the system's MLPS input, nil where MLPS does not apply.
	MLPS *grading.MLPSInput `json:"mlps,omitempty"`
	// VN is the system's Vietnamese input, nil where Decree 85/2016 does
	// not apply.
	VN *grading.VNInput `json:"vn,omitempty"`
}

// System returns the System of s with the given grades (zero: not graded
// under that scheme) and copies of its flags and events.
func (s *SystemInput) System(mlps grading.MLPSLevel, vn grading.VNLevel) grading.System {
	if s == nil {
		return grading.System{MLPS: mlps, VN: vn}
	}
	return grading.System{ID: s.ID, Name: s.Name, MLPS: mlps, VN: vn, Flags: append([]medsec.Flag(nil), s.Flags...),
		Events: maps.Clone(s.Events)}
}

// The decoders of the package read JSON strictly (see the package
// documentation), by the rules of inputRules.
var inputDecoder = sync.OnceValue(func() *strictjson.Decoder { return inputRules.Decoder(nil) })

// decode reads one document of type T and checks it with check, whose
// errors have paths relative to the document.
func decode[T any](r io.Reader, opts []DecodeOption, what string, check func(*T) medsec.FieldErrors) (T, error) {
	var v T
	data, err := inputjson.Read(r, config(opts).maxBytes, "gradingio: reading "+what)
	if err != nil {
		return v, err
	}
	if errs := inputjson.Unmarshal(inputDecoder(), data, &v, ""); errs != nil {
		var zero T
		return zero, errs
	}
	if errs := check(&v); errs != nil {
		var zero T
		return zero, fielderr.Cap(errs)
	}
	return v, nil
}

// DecodeMLPS reads one [grading.MLPSInput] from r: strictly (unknown or
// repeated fields, wrong types, values out of their lists, null, invalid
// UTF-8, control characters, more than DefaultMaxBytes or the
// [WithMaxBytes] limit are errors), then checking what [grading.MLPS]
// checks before it grades ([grading.MLPSInput.Validate]): every harm
// given, and some object harmed. Problems come as [medsec.FieldErrors]
// (they wrap [medsec.ErrInvalidInput]) with JSON Pointers
// ("/information/citizens"), at most 100 of them; an error of r comes
// back wrapped. [MLPSSchema] is the format's JSON Schema.
func DecodeMLPS(r io.Reader, opts ...DecodeOption) (grading.MLPSInput, error) {
	return decode(r, opts, "an MLPS input", func(in *grading.MLPSInput) medsec.FieldErrors { return under(in.Validate(), "") })
}

// DecodeVN reads one [grading.VNInput] from r as [DecodeMLPS] reads its
// input, checking what [grading.Vietnam] checks before it grades: the
// type and information classes, and the fields they make required.
// [VNSchema] is the format's JSON Schema.
func DecodeVN(r io.Reader, opts ...DecodeOption) (grading.VNInput, error) {
	return decode(r, opts, "a Vietnamese input", func(in *grading.VNInput) medsec.FieldErrors { return under(in.Validate(), "") })
}

// DecodeNIS2 reads one [grading.NIS2Input] from r as [DecodeMLPS] reads
// its input, checking the entity type and the enterprise figures
// (headcount, turnover and balance sheet positive, partner shares from 0
// to 100 percent). The share a registry's facts allow a partner (25 % to
// 50 % in medsec's own) is the grader's to check. [NIS2Schema] is the
// format's JSON Schema.
func DecodeNIS2(r io.Reader, opts ...DecodeOption) (grading.NIS2Input, error) {
	return decode(r, opts, "a NIS2 input", func(in *grading.NIS2Input) medsec.FieldErrors { return under(in.Validate(), "") })
}

// DecodeCZ reads one [grading.CZInput] from r as [DecodeMLPS] reads its
// input, checking the answers and, where they are needed or given, the
// enterprise figures. [CZSchema] is the format's JSON Schema.
func DecodeCZ(r io.Reader, opts ...DecodeOption) (grading.CZInput, error) {
	return decode(r, opts, "a Czech input", func(in *grading.CZInput) medsec.FieldErrors { return under(in.Validate(), "") })
}

// DecodeInputs reads the [Inputs] of one institution from r as
// [DecodeMLPS] reads its input, checking each input as the other
// decoders do, and that every system has an ID of its own. The paths of
// the errors point into the document ("/systems/3/vn/users").
// [InputsSchema] is the format's JSON Schema.
func DecodeInputs(r io.Reader, opts ...DecodeOption) (Inputs, error) {
	return decode(r, opts, "grading inputs", func(in *Inputs) medsec.FieldErrors { return in.problems("") })
}

// problems checks every input of in and the IDs of its systems.
func (in *Inputs) problems(at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	if in.NIS2 != nil {
		out = append(out, under(in.NIS2.Validate(), at+"/nis2")...)
	}
	if in.CZ != nil {
		out = append(out, under(in.CZ.Validate(), at+"/cz")...)
	}
	return append(out, systemProblems(in.Systems, at+"/systems")...)
}

// systemProblems checks a list of systems: an ID each, unique, and their
// inputs.
func systemProblems(systems []SystemInput, at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	seen := make(map[string]bool, len(systems))
	for i := range systems {
		s := &systems[i]
		p := at + "/" + strconv.Itoa(i)
		switch {
		case s.ID == "":
			out = append(out, noSystemID(p+"/id"))
		case seen[s.ID]:
			out = append(out, systemTwice(p+"/id", s.ID))
		}
		seen[s.ID] = true
		out = append(out, s.inputProblems(p)...)
	}
	return out
}

// inputProblems checks the grading inputs of s, with paths under at.
func (s *SystemInput) inputProblems(at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	if s.MLPS != nil {
		out = append(out, under(s.MLPS.Validate(), at+"/mlps")...)
	}
	if s.VN != nil {
		out = append(out, under(s.VN.Validate(), at+"/vn")...)
	}
	return out
}

// under returns the field errors of err with at put before their paths.
func under(err error, at string) medsec.FieldErrors {
	if err == nil {
		return nil
	}
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) {
		return medsec.FieldErrors{{Path: at, Rule: "internal", Message: msgInvalid.New(err.Error()), Err: medsec.ErrInvalidInput}}
	}
	out := make(medsec.FieldErrors, 0, len(fes))
	for _, fe := range fes {
		c := *fe
		if c.Rule != "too-many-errors" {
			c.Path = at + c.Path
		}
		if c.Err == nil {
			c.Err = medsec.ErrInvalidInput
		}
		out = append(out, &c)
	}
	return out
}
