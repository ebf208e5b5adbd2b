package medsec

import (
	"fmt"
	"regexp"
)

// A Flag is a yes/no property of an institution or of one of its systems
// that makes a rule apply: "cii" (critical information infrastructure),
// "health-data", "transfers-abroad". Flags are an open vocabulary: packs
// declare them (see [Pack.Flags] and [Registry.Flags]), and a rule or a
// profile may use only flags its registry declares. The zero value is not
// valid.
type Flag string

var flagSyntax = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Valid reports whether f is well formed: lower-case ASCII letters and
// digits in hyphen-separated words, at most 64 bytes. Whether a registry
// declares it is [Registry.Flag]'s business.
func (f Flag) Valid() bool { return len(f) <= 64 && flagSyntax.MatchString(string(f)) }

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
