package medsec

import (
	"fmt"

	"github.com/medsec-go/medsec/internal/ident"
)

// A Flag is a yes/no property of an institution or of one of its systems
// that makes a rule apply: "cii" (critical information infrastructure),
// "health-data", "transfers-abroad". Flags are an open vocabulary: packs
// declare them (see [Pack.Flags] and [Registry.Flags]), and a rule or a
// profile may use only flags its registry declares. The zero value is not
// valid.
type Flag string

// Valid reports whether f is well formed: lower-case ASCII letters and
// digits in hyphen-separated words, at most 64 bytes. Whether a registry
// declares it is [Registry.Flag]'s business.
func (f Flag) Valid() bool { return len(f) <= 64 && ident.Slug(string(f)) }

// String returns the flag's code.
func (f Flag) String() string { return string(f) }

// MarshalText implements [encoding.TextMarshaler]; a malformed flag is an
// error.
func (f Flag) MarshalText() ([]byte, error) {
	if !f.Valid() {
		return nil, fmt.Errorf("%w: flag %q is not lower-case words joined by hyphens", ErrInvalidInput, string(f))
	}
	return []byte(f), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts any well
// formed code; check it against a registry with [Registry.Flag].
func (f *Flag) UnmarshalText(b []byte) error {
	v := Flag(b)
	if !v.Valid() {
		return fmt.Errorf("%w: flag %q is not lower-case words joined by hyphens, e.g. \"health-data\"", ErrInvalidInput, clipText(string(b)))
	}
	*f = v
	return nil
}

// An Event is something that happens to an institution or one of its
// systems on a known day and from which a duty's deadline runs: "grading"
// (the level decision), "go-live", "holiday", "transfer-abroad". Events are
// an open vocabulary like [Flag]: packs declare them (see [Registry.Events]).
// Incidents are not events: their instants and the periods that run from
// them are [IncidentRule]s. The zero value is not valid.
type Event string

// Valid reports whether e is well formed: lower-case ASCII letters and
// digits in hyphen-separated words, at most 64 bytes.
func (e Event) Valid() bool { return len(e) <= 64 && ident.Slug(string(e)) }

// String returns the event's code.
func (e Event) String() string { return string(e) }

// MarshalText implements [encoding.TextMarshaler]; a malformed event is an
// error.
func (e Event) MarshalText() ([]byte, error) {
	if !e.Valid() {
		return nil, fmt.Errorf("%w: event %q is not lower-case words joined by hyphens", ErrInvalidInput, string(e))
	}
	return []byte(e), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts any well
// formed code; check it against a registry with [Registry.Event].
func (e *Event) UnmarshalText(b []byte) error {
	v := Event(b)
	if !v.Valid() {
		return fmt.Errorf("%w: event %q is not lower-case words joined by hyphens, e.g. \"go-live\"", ErrInvalidInput, clipText(string(b)))
	}
	*e = v
	return nil
}
