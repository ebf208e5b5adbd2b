// Package errs holds medsec's sentinel errors. Package medsec re-exports
// them (medsec.ErrInvalidInput is errs.InvalidInput), so that internal
// packages that the root package itself uses can wrap them without
// importing it.
package errs

import "errors"

// The sentinel errors; see their re-exports in package medsec for their
// meaning.
var (
	UnknownJurisdiction = errors.New("medsec: unknown jurisdiction")
	UnknownInstrument   = errors.New("medsec: unknown instrument")
	UnknownArticle      = errors.New("medsec: unknown article")
	InvalidCitation     = errors.New("medsec: invalid citation")
	InvalidInput        = errors.New("medsec: invalid input")
	InvalidData         = errors.New("medsec: invalid data")
)
