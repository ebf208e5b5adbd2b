package medsec

import (
	"strings"

	"github.com/medsec-go/medsec/internal/errs"
)

// Sentinel errors name the kinds of failure. Errors returned by medsec and
// its packages wrap one of them, so callers test with [errors.Is].
var (
	// ErrUnknownJurisdiction: a jurisdiction code is not CN, VN, CZ or EU.
	ErrUnknownJurisdiction = errs.ErrUnknownJurisdiction
	// ErrUnknownInstrument: an instrument ID is not in the registry.
	ErrUnknownInstrument = errs.ErrUnknownInstrument
	// ErrUnknownArticle: an instrument has no article of that number.
	ErrUnknownArticle = errs.ErrUnknownArticle
	// ErrInvalidCitation: a citation string is not of the form
	// "ID", "ID art. N", "ID art. N(P)" or "ID art. N(P)(Q)".
	ErrInvalidCitation = errs.ErrInvalidCitation
	// ErrInvalidInput: a value given by the caller breaks a rule.
	ErrInvalidInput = errs.ErrInvalidInput
	// ErrInvalidData: embedded or user-supplied data (a registry, catalog,
	// translation or template file) is malformed.
	ErrInvalidData = errs.ErrInvalidData
)

// A FieldError reports one field that breaks one rule. Path locates the
// field: a JSON Pointer (RFC 6901) such as "/clauses/3/notifyWithinHours"
// for decoded documents, or a dotted Go field path such as
// "Information.Citizens" for Go values. Message explains the problem in a
// translatable form.
type FieldError struct {
	File    string  // the data file, for errors in a pack's files; empty otherwise
	Path    string  // where: JSON Pointer or Go field path
	Rule    string  // which rule: "required", "min", "ordered", ...
	Value   string  // the offending value as text; empty if the field is missing
	Message Message // what is wrong and how to fix it
	Err     error   // the kind; ErrInvalidInput when nil
}

// Error returns "path: message", or "file: path: message" when File is
// set.
func (e *FieldError) Error() string {
	if e == nil {
		return "<nil>"
	}
	var s string
	if e.Path == "" {
		s = e.Message.String()
	} else {
		s = e.Path + ": " + e.Message.String()
	}
	if e.File != "" {
		s = e.File + ": " + s
	}
	return s
}

// Unwrap returns the kind of the error, ErrInvalidInput by default.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	if e.Err == nil {
		return ErrInvalidInput
	}
	return e.Err
}

// FieldErrors is a list of field errors, reported together so that a user
// fixes every problem in one pass. It is never returned empty.
type FieldErrors []*FieldError

// Error joins the field errors on "; "; nil entries are left out.
func (es FieldErrors) Error() string {
	var b strings.Builder
	for _, e := range es {
		if e == nil {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the field errors, so that [errors.Is] and [errors.As]
// see each of them; nil entries are left out.
func (es FieldErrors) Unwrap() []error {
	out := make([]error, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}
