package medsec

import "github.com/medsec-go/medsec/internal/enum"

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

var confidenceNames = enum.Names{"unknown", "verified", "partial", "unverified"}

// Valid reports whether c is Verified, Partial or Unverified.
func (c Confidence) Valid() bool { return c >= Verified && c <= Unverified }

// String returns "verified", "partial", "unverified", or "unknown".
func (c Confidence) String() string { return confidenceNames.String(uint8(c), "Confidence") }

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (c Confidence) MarshalText() ([]byte, error) {
	return confidenceNames.Marshal("medsec", uint8(c), "confidence")
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts
// "verified", "partial" and "unverified".
func (c *Confidence) UnmarshalText(b []byte) error {
	v, err := confidenceNames.Parse("medsec", b, "confidence")
	*c = Confidence(v)
	return err
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
