package grading

import "github.com/medsec-go/medsec"

// The Validate methods check an input as its grader does before it
// grades, without a registry, so that a reader of inputs (such as package
// gradingio) can report every problem of a document at once. The errors
// they return are [medsec.FieldErrors] (they wrap
// [medsec.ErrInvalidInput]) with JSON Pointers relative to the input
// ("/information/citizens"), at most 100 of them. A nil input is checked
// as the zero input.

// Validate reports what [MLPS] checks of in before it grades: every harm
// given, and some object harmed.
func (in *MLPSInput) Validate() error {
	if in == nil {
		in = &MLPSInput{}
	}
	return in.check()
}

// Validate reports what [Vietnam] checks of in before it grades: the type
// and information classes, and the fields they make required.
func (in *VNInput) Validate() error {
	if in == nil {
		in = &VNInput{}
	}
	return in.validate()
}

// inputSizes bounds partner shares where no registry is at hand: a share
// is a percentage. The partner range of a registry's facts is the
// grader's to check.
var inputSizes = &sizeFacts{partners: groupFacts{shareFrom: 0, shareTo: 100}}

// Validate reports what [NIS2] checks of in before it classifies: the
// entity type and the enterprise figures (headcount, turnover and balance
// sheet positive, partner shares from 0 to 100 percent). The share a
// registry's facts allow a partner (25 % to 50 % in medsec's own) is the
// grader's to check.
func (in *NIS2Input) Validate() error {
	if in == nil {
		in = &NIS2Input{}
	}
	var errs []*medsec.FieldError
	switch {
	case in.Type == EntityTypeUnknown:
		errs = append(errs, required("/type", msgHintNIS2Type))
	case !in.Type.Valid():
		errs = append(errs, invalid("/type", in.Type))
	}
	if errs = in.Enterprise.check("/enterprise", inputSizes, errs); len(errs) > 0 {
		return inputError(SchemeNIS2, errs...)
	}
	return nil
}

// Validate reports what [Czech] checks of in before it places the
// provider in a regime: the answers and, where they are needed or given,
// the enterprise figures, with partner shares checked as
// [NIS2Input.Validate] checks them.
func (in *CZInput) Validate() error {
	if in == nil {
		in = &CZInput{}
	}
	return in.validate(inputSizes)
}
