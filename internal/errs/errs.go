// Package errs holds medsec's sentinel errors. Package medsec re-exports
// them (medsec.ErrInvalidInput is errs.ErrInvalidInput), so that internal
// packages that the root package itself uses can wrap them without
// importing it.
package errs

import "errors"

// The sentinel errors; see their re-exports in package medsec for their
// meaning.
var (
	ErrUnknownJurisdiction = errors.New("medsec: unknown jurisdiction")
	ErrUnknownInstrument   = errors.New("medsec: unknown instrument")
	ErrUnknownArticle      = errors.New("medsec: unknown article")
	ErrInvalidCitation     = errors.New("medsec: invalid citation")
	ErrInvalidInput        = errors.New("medsec: invalid input")
	ErrInvalidData         = errors.New("medsec: invalid data")
)
