package medsec

import (
	"fmt"
	"strings"
)

// A Jurisdiction is a legal order whose rules medsec models, named by a
// two-letter code: an ISO 3166-1 alpha-2 country code, or "EU" for the
// European Union. The zero value means "unknown" and is not
// [Jurisdiction.Valid].
//
// Jurisdictions are an open vocabulary: a [Pack] declares the ones it
// brings, with their names (see [Registry.Jurisdictions]). medsec's own
// packs declare the four below.
type Jurisdiction string

// The jurisdictions of medsec's embedded packs. EU holds instruments of the
// European Union itself (NIS2, Commission recommendations, ENISA guidance);
// CZ holds Czech national law, which transposes the EU instruments.
const (
	CN Jurisdiction = "CN" // People's Republic of China
	VN Jurisdiction = "VN" // Socialist Republic of Vietnam
	CZ Jurisdiction = "CZ" // Czech Republic
	EU Jurisdiction = "EU" // European Union
)

// Jurisdictions returns the jurisdictions of the [DefaultRegistry], sorted
// by code. A registry with packs of your own has its own list:
// [Registry.Jurisdictions].
func Jurisdictions() []Jurisdiction { return DefaultRegistry().Jurisdictions() }

// Valid reports whether j is well formed: two upper-case ASCII letters.
// Whether a registry declares it is [Registry.Jurisdiction]'s business.
func (j Jurisdiction) Valid() bool {
	return len(j) == 2 && j[0] >= 'A' && j[0] <= 'Z' && j[1] >= 'A' && j[1] <= 'Z'
}

// String returns the two-letter code, or "Jurisdiction(?)" style text for
// a malformed value so that logs never show an empty string.
func (j Jurisdiction) String() string {
	if j.Valid() {
		return string(j)
	}
	return fmt.Sprintf("Jurisdiction(%q)", string(j))
}

// MarshalText implements [encoding.TextMarshaler]. A malformed
// jurisdiction is an error, so a zero value never reaches serialised data
// unnoticed.
func (j Jurisdiction) MarshalText() ([]byte, error) {
	if !j.Valid() {
		return nil, fmt.Errorf("%w: %q is not a two-letter code such as CN, VN, CZ or EU", ErrUnknownJurisdiction, string(j))
	}
	return []byte(j), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts exactly
// the upper-case code; [ParseJurisdiction] is more lenient.
func (j *Jurisdiction) UnmarshalText(b []byte) error {
	v := Jurisdiction(b)
	if !v.Valid() {
		return fmt.Errorf("%w: %q is not a two-letter upper-case code such as CN, VN, CZ or EU", ErrUnknownJurisdiction, clipText(string(b)))
	}
	*j = v
	return nil
}

// ParseJurisdiction parses a two-letter jurisdiction code in any letter
// case, with surrounding white space ignored. It checks the form only; use
// [Registry.Jurisdiction] to learn whether a registry has rules for it.
func ParseJurisdiction(s string) (Jurisdiction, error) {
	j := Jurisdiction(strings.ToUpper(strings.TrimSpace(s)))
	if !j.Valid() {
		return "", fmt.Errorf("%w: %q is not a two-letter code such as CN, VN, CZ or EU", ErrUnknownJurisdiction, clipText(s))
	}
	return j, nil
}

// Message returns the jurisdiction's name as a translatable [Message],
// as the [DefaultRegistry] declares it; for a jurisdiction it does not
// declare, a message that names the code. Use [Registry.Jurisdiction] for
// the names of your own packs' jurisdictions.
func (j Jurisdiction) Message() Message {
	if info, ok := DefaultRegistry().Jurisdiction(j); ok {
		return info.Name
	}
	return msgJurisdictionUnknown.New(string(j))
}
