package obligations

import (
	"github.com/medsec-go/medsec/internal/enum"
)

// names is the text form of this package's enumerations.
type names = enum.Names

// Party is who must act on a duty.
type Party uint8

// Parties. The zero value is invalid.
const (
	PartyUnknown            Party = iota
	PartyInstitution              // the institution as a legal person
	PartyLeadership               // the leadership group or management body
	PartySecurityDepartment       // the department responsible for cybersecurity
	PartySystemOwner              // the owner of an information system (chủ quản)
	PartyOperator                 // the unit operating a system (đơn vị vận hành)
	PartySecurityUnit             // Vietnam: the owner's specialised security unit
	PartyVendor                   // a supplier, IT contractor or device maker
)

var partyNames = names{"", "institution", "leadership", "security-department", "system-owner", "operator", "security-unit", "vendor"}

// Valid reports whether p is a known party.
func (p Party) Valid() bool { return p > 0 && int(p) < len(partyNames) }

// String returns the text form, e.g. "security-department".
func (p Party) String() string { return partyNames.String(uint8(p), "Party") }

// MarshalText implements [encoding.TextMarshaler].
func (p Party) MarshalText() ([]byte, error) {
	return partyNames.Marshal("obligations", uint8(p), "party")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *Party) UnmarshalText(b []byte) error {
	v, err := partyNames.Parse("obligations", b, "party")
	*p = Party(v)
	return err
}

// Scope says whether a duty binds the institution once or each of its
// systems separately.
type Scope uint8

// Scopes. The zero value is invalid.
const (
	ScopeUnknown     Scope = iota
	ScopeInstitution       // one binding for the institution
	ScopeSystem            // one binding per matching system
)

var scopeNames = names{"", "institution", "system"}

// Valid reports whether s is a known scope.
func (s Scope) Valid() bool { return s > 0 && int(s) < len(scopeNames) }

// String returns "institution" or "system".
func (s Scope) String() string { return scopeNames.String(uint8(s), "Scope") }

// MarshalText implements [encoding.TextMarshaler].
func (s Scope) MarshalText() ([]byte, error) {
	return scopeNames.Marshal("obligations", uint8(s), "scope")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Scope) UnmarshalText(b []byte) error {
	v, err := scopeNames.Parse("obligations", b, "scope")
	*s = Scope(v)
	return err
}

// CNIncidentGrade is the grade of an incident under the CAC 2025 measures
// (aligned with GB/T 20986-2023). The zero value means "not graded".
type CNIncidentGrade uint8

// Chinese incident grades, from lowest to highest.
const (
	CNGradeUnknown           CNIncidentGrade = iota
	CNGradeGeneral                           // 一般
	CNGradeRelativelyMajor                   // 较大
	CNGradeMajor                             // 重大
	CNGradeParticularlyMajor                 // 特别重大
)

var cnGradeNames = names{"", "general", "relatively-major", "major", "particularly-major"}

// String returns the text form, e.g. "relatively-major".
func (g CNIncidentGrade) String() string { return cnGradeNames.String(uint8(g), "CNIncidentGrade") }

// MarshalText implements [encoding.TextMarshaler].
func (g CNIncidentGrade) MarshalText() ([]byte, error) {
	return cnGradeNames.Marshal("obligations", uint8(g), "CN incident grade")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (g *CNIncidentGrade) UnmarshalText(b []byte) error {
	v, err := cnGradeNames.Parse("obligations", b, "CN incident grade")
	*g = CNIncidentGrade(v)
	return err
}

// Valid reports whether g is one of the four grades.
func (g CNIncidentGrade) Valid() bool { return g >= CNGradeGeneral && g <= CNGradeParticularlyMajor }
