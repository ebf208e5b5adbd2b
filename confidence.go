package medsec

import "fmt"

// Confidence says how well a legal fact is established. Every rule medsec
// encodes carries one, and reports show it: the library never hides that a
// fact rests on a secondary source.
//
// The zero value, [ConfidenceUnknown], is not valid: data that forgets to
// state its confidence fails to load.
type Confidence uint8

// Confidence levels, from the reference sheets' legend.
const (
	// ConfidenceUnknown is the zero value; it fails validation.
	ConfidenceUnknown Confidence = iota
	// Verified: read in the official text, or in two consistent sources.
	Verified
	// Partial: the content is verified but the article number or the exact
	// scope is not.
	Partial
	// Unverified: a single secondary source, recollection, or inference.
	Unverified
)

var confidenceNames = [...]string{"unknown", "verified", "partial", "unverified"}

// Valid reports whether c is Verified, Partial or Unverified.
func (c Confidence) Valid() bool { return c >= Verified && c <= Unverified }

// String returns "verified", "partial", "unverified", or "unknown".
func (c Confidence) String() string {
	if int(c) < len(confidenceNames) {
		return confidenceNames[c]
	}
	return fmt.Sprintf("Confidence(%d)", uint8(c))
}

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (c Confidence) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("%w: confidence %d is not set (want verified, partial or unverified)", ErrInvalidInput, uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts
// "verified", "partial" and "unverified".
func (c *Confidence) UnmarshalText(b []byte) error {
	for i := Verified; i <= Unverified; i++ {
		if string(b) == confidenceNames[i] {
			*c = i
			return nil
		}
	}
	return fmt.Errorf("%w: confidence %q (want verified, partial or unverified)", ErrInvalidInput, b)
}

// Min returns the weaker of c and d: a conclusion drawn from two facts is no
// better established than the weaker of them. An invalid value wins.
func (c Confidence) Min(d Confidence) Confidence {
	if !c.Valid() || !d.Valid() {
		return ConfidenceUnknown
	}
	if d > c {
		return d
	}
	return c
}
