package grading

import (
	"errors"
	"io"
	"strconv"
	"sync"

	"github.com/medsec-go/medsec"
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
	NIS2 *NIS2Input `json:"nis2,omitempty"`
	// CZ is the input of the institution's Czech regime.
	CZ *CZInput `json:"cz,omitempty"`
	// Systems are the institution's systems; IDs are unique.
	Systems []SystemInput `json:"systems,omitempty"`
}

// A SystemInput is one information system of an institution: its
// identity, flags and event dates, and the grading input of each scheme
// it falls under. [SystemInput.System] turns it into the [System] an
// [Institution] holds, once graded.
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
	MLPS *MLPSInput `json:"mlps,omitempty"`
	// VN is the system's Vietnamese input, nil where Decree 85/2016 does
	// not apply.
	VN *VNInput `json:"vn,omitempty"`
}

// System returns the System of s with the given grades (zero: not graded
// under that scheme) and copies of its flags and events.
func (s *SystemInput) System(mlps MLPSLevel, vn VNLevel) System {
	if s == nil {
		return System{MLPS: mlps, VN: vn}
	}
	return System{ID: s.ID, Name: s.Name, MLPS: mlps, VN: vn, Flags: append([]medsec.Flag(nil), s.Flags...),
		Events: cloneEvents(s.Events)}
}

// The decoders of the package read JSON strictly (see the package
// documentation, "Reading input"), by the rules of inputRules.
var inputDecoder = sync.OnceValue(func() *strictjson.Decoder { return inputRules.Decoder(nil) })

// decode reads one document of type T and checks it with check, whose
// errors have paths relative to the document.
func decode[T any](r io.Reader, opts []DecodeOption, what string, check func(*T) medsec.FieldErrors) (T, error) {
	var v T
	data, err := inputjson.Read(r, config(opts).maxBytes, "grading: reading "+what)
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

// DecodeMLPSInput reads one [MLPSInput] from r: strictly (unknown or
// repeated fields, wrong types, values out of their lists, null, invalid
// UTF-8, control characters, more than DefaultMaxBytes or the
// [WithMaxBytes] limit are errors), then checking what [MLPS] checks
// before it grades: every harm given, and some object harmed. Problems
// come as [medsec.FieldErrors] (they wrap [medsec.ErrInvalidInput]) with
// JSON Pointers ("/information/citizens"), at most 100 of them; an error
// of r comes back wrapped. [MLPSInputSchema] is the format's JSON Schema.
func DecodeMLPSInput(r io.Reader, opts ...DecodeOption) (MLPSInput, error) {
	return decode(r, opts, "an MLPS input", func(in *MLPSInput) medsec.FieldErrors { return in.problems("") })
}

// DecodeVNInput reads one [VNInput] from r as [DecodeMLPSInput] reads
// its input, checking what [Vietnam] checks before it grades: the type
// and information classes, and the fields they make required.
// [VNInputSchema] is the format's JSON Schema.
func DecodeVNInput(r io.Reader, opts ...DecodeOption) (VNInput, error) {
	return decode(r, opts, "a Vietnamese input", func(in *VNInput) medsec.FieldErrors { return in.problems("") })
}

// DecodeNIS2Input reads one [NIS2Input] from r as [DecodeMLPSInput]
// reads its input, checking the entity type and the enterprise figures
// (headcount, turnover and balance sheet positive, partner shares from 0
// to 100 percent). The share a registry's facts allow a partner (25 % to
// 50 % in medsec's own) is the grader's to check. [NIS2InputSchema] is
// the format's JSON Schema.
func DecodeNIS2Input(r io.Reader, opts ...DecodeOption) (NIS2Input, error) {
	return decode(r, opts, "a NIS2 input", func(in *NIS2Input) medsec.FieldErrors { return in.problems("") })
}

// DecodeCZInput reads one [CZInput] from r as [DecodeMLPSInput] reads
// its input, checking the answers and, where they are needed or given,
// the enterprise figures. [CZInputSchema] is the format's JSON Schema.
func DecodeCZInput(r io.Reader, opts ...DecodeOption) (CZInput, error) {
	return decode(r, opts, "a Czech input", func(in *CZInput) medsec.FieldErrors { return in.problems("") })
}

// DecodeInputs reads the [Inputs] of one institution from r as
// [DecodeMLPSInput] reads its input, checking each input as the other
// decoders do, and that every system has an ID of its own. The paths of
// the errors point into the document ("/systems/3/vn/users").
// [InputsSchema] is the format's JSON Schema.
func DecodeInputs(r io.Reader, opts ...DecodeOption) (Inputs, error) {
	return decode(r, opts, "grading inputs", func(in *Inputs) medsec.FieldErrors { return in.problems("") })
}

// decodeSizes bounds partner shares when an input is read: a share is a
// percentage. The partner range of a registry's facts is the grader's to
// check.
var decodeSizes = &sizeFacts{partners: groupFacts{shareFrom: 0, shareTo: 100}}

// problems returns the errors of in's check, their paths under at.
func (in *MLPSInput) problems(at string) medsec.FieldErrors { return under(in.check(), at) }

// problems returns the errors of in's check, their paths under at.
func (in *VNInput) problems(at string) medsec.FieldErrors { return under(in.validate(), at) }

// problems returns what NIS2 checks of in before it grades, but the
// partner range of the registry's facts, with paths under at.
func (in *NIS2Input) problems(at string) medsec.FieldErrors {
	var errs []*medsec.FieldError
	switch {
	case in.Type == EntityTypeUnknown:
		errs = append(errs, required("/type", msgHintNIS2Type))
	case !in.Type.Valid():
		errs = append(errs, invalid("/type", in.Type))
	}
	errs = in.Enterprise.check("/enterprise", decodeSizes, errs)
	return under(fieldErrors(errs), at)
}

// problems returns what Czech checks of in before it grades, but the
// partner range of the registry's facts, with paths under at.
func (in *CZInput) problems(at string) medsec.FieldErrors { return under(in.validate(decodeSizes), at) }

// problems checks every input of in and the IDs of its systems.
func (in *Inputs) problems(at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	if in.NIS2 != nil {
		out = append(out, in.NIS2.problems(at+"/nis2")...)
	}
	if in.CZ != nil {
		out = append(out, in.CZ.problems(at+"/cz")...)
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
			out = append(out, required(p+"/id", msgHintSystemID))
		case seen[s.ID]:
			out = append(out, &medsec.FieldError{Path: p + "/id", Rule: "unique", Value: clip(s.ID), Message: msgErrSystemTwice.New(clip(s.ID))})
		}
		seen[s.ID] = true
		if s.MLPS != nil {
			out = append(out, s.MLPS.problems(p+"/mlps")...)
		}
		if s.VN != nil {
			out = append(out, s.VN.problems(p+"/vn")...)
		}
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
		return medsec.FieldErrors{{Path: at, Rule: "internal", Message: msgErrInvalid.New(err.Error()), Err: medsec.ErrInvalidInput}}
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

func fieldErrors(errs []*medsec.FieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return medsec.FieldErrors(errs)
}
