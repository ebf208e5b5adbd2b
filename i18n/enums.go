package i18n

import (
	"fmt"

	"github.com/medsec-go/medsec/internal/enum"
	"github.com/medsec-go/medsec/internal/ident"
)

// Text forms of the package's enumerations. The zero value of each is
// "not set": it prints but neither marshals nor parses.
var (
	formatNames     = enum.Names{"unknown", "text", "markdown", "html", "html-fragment"}
	genderNames     = enum.Names{"unknown", "masculine", "feminine"}
	authorityNames  = enum.Names{"unknown", "own", "for-head", "on-behalf", "acting"}
	disclosureNames = enum.Names{"unknown", "public", "on-request", "not-public"}
	operatorNames   = enum.Names{"unknown", "cii", "central", "other"}
	suspicionNames  = enum.Names{"unknown", "yes", "no", "not-known"}
)

// String returns "text", "markdown", "html" or "html-fragment".
func (f Format) String() string { return formatNames.String(uint8(f), "Format") }

// MarshalText implements [encoding.TextMarshaler].
func (f Format) MarshalText() ([]byte, error) {
	return formatNames.Marshal("i18n", uint8(f), "format")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Format) UnmarshalText(b []byte) error {
	v, err := formatNames.Parse("i18n", b, "format")
	if err != nil {
		return err
	}
	*f = Format(v)
	return nil
}

// String returns "own", "for-head", "on-behalf" or "acting".
func (a Authority) String() string { return authorityNames.String(uint8(a), "Authority") }

// MarshalText implements [encoding.TextMarshaler].
func (a Authority) MarshalText() ([]byte, error) {
	return authorityNames.Marshal("i18n", uint8(a), "signing authority")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Authority) UnmarshalText(b []byte) error {
	v, err := authorityNames.Parse("i18n", b, "signing authority")
	if err != nil {
		return err
	}
	*a = Authority(v)
	return nil
}

// String returns "masculine" or "feminine".
func (g Gender) String() string { return genderNames.String(uint8(g), "Gender") }

// MarshalText implements [encoding.TextMarshaler].
func (g Gender) MarshalText() ([]byte, error) {
	return genderNames.Marshal("i18n", uint8(g), "gender")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *Gender) UnmarshalText(b []byte) error {
	v, err := genderNames.Parse("i18n", b, "gender")
	if err != nil {
		return err
	}
	*g = Gender(v)
	return nil
}

// String returns "public", "on-request" or "not-public".
func (d Disclosure) String() string { return disclosureNames.String(uint8(d), "Disclosure") }

// MarshalText implements [encoding.TextMarshaler].
func (d Disclosure) MarshalText() ([]byte, error) {
	return disclosureNames.Marshal("i18n", uint8(d), "disclosure")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Disclosure) UnmarshalText(b []byte) error {
	v, err := disclosureNames.Parse("i18n", b, "disclosure")
	if err != nil {
		return err
	}
	*d = Disclosure(v)
	return nil
}

// Valid reports whether s can name a report kind: lower-case letters and
// digits in words joined by single hyphens, at most 64 bytes, and not the
// kind of a notice that is not an incident report ("holiday", "circular",
// "announcement").
func (s IncidentStage) Valid() bool {
	switch Kind(s) {
	case KindHoliday, KindCircular, KindAnnouncement:
		return false
	}
	// The syntax of report kinds, as package medsec checks them in
	// incidents.json.
	return len(s) <= 64 && ident.Slug(string(s))
}

// String returns the stage's report kind, such as "nis2-early-warning".
func (s IncidentStage) String() string { return string(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s IncidentStage) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("i18n: %q is not an incident stage (a report kind such as \"nis2-early-warning\"): %w", string(s), errInvalidInput)
	}
	return []byte(s), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts any
// valid report kind; a failed parse leaves s unchanged.
func (s *IncidentStage) UnmarshalText(b []byte) error {
	v := IncidentStage(b)
	if !v.Valid() {
		return fmt.Errorf("i18n: %q is not an incident stage (a report kind such as \"nis2-early-warning\"): %w", b, errInvalidInput)
	}
	*s = v
	return nil
}

// String returns "cii", "central" or "other".
func (o CNOperator) String() string { return operatorNames.String(uint8(o), "CNOperator") }

// MarshalText implements [encoding.TextMarshaler].
func (o CNOperator) MarshalText() ([]byte, error) {
	return operatorNames.Marshal("i18n", uint8(o), "operator class")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *CNOperator) UnmarshalText(b []byte) error {
	v, err := operatorNames.Parse("i18n", b, "operator class")
	if err != nil {
		return err
	}
	*o = CNOperator(v)
	return nil
}

// String returns "yes", "no" or "not-known".
func (s Suspicion) String() string { return suspicionNames.String(uint8(s), "Suspicion") }

// MarshalText implements [encoding.TextMarshaler].
func (s Suspicion) MarshalText() ([]byte, error) {
	return suspicionNames.Marshal("i18n", uint8(s), "suspicion")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Suspicion) UnmarshalText(b []byte) error {
	v, err := suspicionNames.Parse("i18n", b, "suspicion")
	if err != nil {
		return err
	}
	*s = Suspicion(v)
	return nil
}
