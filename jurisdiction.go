package medsec

import (
	"fmt"
	"strings"
)

// A Jurisdiction is a legal order whose rules medsec models. The zero value
// means "unknown" and is not [Jurisdiction.Valid].
type Jurisdiction string

// The jurisdictions medsec models. EU holds instruments of the European Union
// itself (NIS2, Commission recommendations, ENISA guidance); CZ holds Czech
// national law, which transposes the EU instruments.
const (
	CN Jurisdiction = "CN" // People's Republic of China
	VN Jurisdiction = "VN" // Socialist Republic of Vietnam
	CZ Jurisdiction = "CZ" // Czech Republic
	EU Jurisdiction = "EU" // European Union
)

// Jurisdictions returns every valid jurisdiction in a fixed order.
func Jurisdictions() []Jurisdiction { return []Jurisdiction{CN, VN, CZ, EU} }

// Valid reports whether j is one of the modelled jurisdictions.
func (j Jurisdiction) Valid() bool {
	switch j {
	case CN, VN, CZ, EU:
		return true
	}
	return false
}

// String returns the two-letter code, or "Jurisdiction(?)" style text for
// an invalid value so that logs never show an empty string.
func (j Jurisdiction) String() string {
	if j.Valid() {
		return string(j)
	}
	return fmt.Sprintf("Jurisdiction(%q)", string(j))
}

// MarshalText implements [encoding.TextMarshaler]. An invalid jurisdiction
// is an error, so a zero value never reaches serialised data unnoticed.
func (j Jurisdiction) MarshalText() ([]byte, error) {
	if !j.Valid() {
		return nil, fmt.Errorf("%w: %q (want one of CN, VN, CZ, EU)", ErrUnknownJurisdiction, string(j))
	}
	return []byte(j), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// two-letter codes in any letter case.
func (j *Jurisdiction) UnmarshalText(b []byte) error {
	v, err := ParseJurisdiction(string(b))
	if err != nil {
		return err
	}
	*j = v
	return nil
}

// ParseJurisdiction parses a two-letter jurisdiction code in any letter case.
func ParseJurisdiction(s string) (Jurisdiction, error) {
	j := Jurisdiction(strings.ToUpper(strings.TrimSpace(s)))
	if !j.Valid() {
		return "", fmt.Errorf("%w: %q (want one of CN, VN, CZ, EU)", ErrUnknownJurisdiction, s)
	}
	return j, nil
}

// Message returns the jurisdiction's name as a translatable [Message].
func (j Jurisdiction) Message() Message {
	switch j {
	case CN:
		return msgJurisdictionCN.New()
	case VN:
		return msgJurisdictionVN.New()
	case CZ:
		return msgJurisdictionCZ.New()
	case EU:
		return msgJurisdictionEU.New()
	}
	return msgJurisdictionUnknown.New(string(j))
}
