package obligations

import (
	"fmt"

	"github.com/medsec-go/medsec"
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

// Flag is a yes/no property of an institution or a system that makes a
// duty apply.
type Flag uint8

// Flags. The zero value is invalid.
const (
	FlagUnknown            Flag = iota
	FlagCII                     // critical information infrastructure (关键信息基础设施)
	FlagCentralOrgan            // China: a central or state organ or its affiliate
	FlagHealthData              // processes health data (sensitive personal information)
	FlagPersonalData            // processes personal data
	FlagTransfersAbroad         // transfers data out of the country
	FlagNewProject              // a new or expanded informatization project
	FlagVendorRemoteAccess      // vendors have remote (O&M) access
	FlagNewTechnology           // introduces a new technology such as AI
	FlagPIAboveThreshold        // China: processes personal information above the CAC volume threshold
	flagCount
)

var flagNames = names{"", "cii", "central-organ", "health-data", "personal-data", "transfers-abroad", "new-project", "vendor-remote-access", "new-technology", "pi-above-threshold"}

// Valid reports whether f is a known flag.
func (f Flag) Valid() bool { return f > 0 && f < flagCount }

// String returns the text form, e.g. "transfers-abroad".
func (f Flag) String() string { return flagNames.String(uint8(f), "Flag") }

// MarshalText implements [encoding.TextMarshaler].
func (f Flag) MarshalText() ([]byte, error) {
	return flagNames.Marshal("obligations", uint8(f), "flag")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Flag) UnmarshalText(b []byte) error {
	v, err := flagNames.Parse("obligations", b, "flag")
	*f = Flag(v)
	return err
}

// flagSet is a bit set of flags.
type flagSet uint32

func flagsOf(fs []Flag) flagSet {
	var s flagSet
	for _, f := range fs {
		s |= 1 << f
	}
	return s
}

// Trigger is an event from which a deadline runs.
type Trigger uint8

// Triggers. Incident triggers take their times from [Incident]; the others
// take dates from [Institution.Triggers] or [System.Triggers].
const (
	TriggerUnknown              Trigger = iota
	TriggerGrading                      // the grading (level) decision
	TriggerGoLive                       // a system goes into operation
	TriggerDossier                      // Vietnam: a complete, valid level dossier is received
	TriggerHoliday                      // the start of a public holiday period
	TriggerTransferAbroad               // a planned transfer of data abroad
	TriggerInScope                      // Czechia: the day the provider meets the conditions (or the act took effect)
	TriggerRegistrationDecision         // Czechia: NÚKIB's registration decision
	TriggerIncident                     // an incident is detected (or the entity becomes aware of it)
	TriggerIncidentNotification         // the incident notification is submitted
	TriggerResponseEnd                  // the response to an incident ends
	triggerCount
)

var triggerNames = names{"", "grading", "go-live", "dossier", "holiday", "transfer-abroad", "in-scope",
	"registration-decision", "incident", "incident-notification", "response-end"}

// Valid reports whether t is a known trigger.
func (t Trigger) Valid() bool { return t > 0 && t < triggerCount }

// String returns the text form, e.g. "registration-decision".
func (t Trigger) String() string { return triggerNames.String(uint8(t), "Trigger") }

// MarshalText implements [encoding.TextMarshaler].
func (t Trigger) MarshalText() ([]byte, error) {
	return triggerNames.Marshal("obligations", uint8(t), "trigger")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Trigger) UnmarshalText(b []byte) error {
	v, err := triggerNames.Parse("obligations", b, "trigger")
	*t = Trigger(v)
	return err
}

// isIncident reports whether t runs from an incident's times.
func (t Trigger) isIncident() bool {
	return t == TriggerIncident || t == TriggerIncidentNotification || t == TriggerResponseEnd
}

// IncidentCondition restricts an incident-triggered duty to some incidents.
type IncidentCondition uint8

// Incident conditions. The zero value means "any incident".
const (
	IncidentAny               IncidentCondition = iota
	IncidentCNRelativelyMajor                   // China: graded 较大 (relatively major) or higher
	IncidentSignificant                         // EU/Czechia: a significant incident, or one with significant impact
	IncidentBeyondCapacity                      // Vietnam: the unit cannot handle it alone
	IncidentPersonalData                        // personal information leaked, tampered with or lost
	incidentConditionCount
)

var incidentConditionNames = names{"any", "cn-relatively-major", "significant", "beyond-capacity", "personal-data"}

// String returns the text form, e.g. "significant".
func (c IncidentCondition) String() string {
	if c == IncidentAny {
		return "any"
	}
	return incidentConditionNames.String(uint8(c), "IncidentCondition")
}

// MarshalText implements [encoding.TextMarshaler].
func (c IncidentCondition) MarshalText() ([]byte, error) {
	if c >= incidentConditionCount {
		return nil, fmt.Errorf("obligations: %w: incident condition %d", medsec.ErrInvalidInput, uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *IncidentCondition) UnmarshalText(b []byte) error {
	if string(b) == "any" {
		*c = IncidentAny
		return nil
	}
	v, err := incidentConditionNames.Parse("obligations", b, "incident condition")
	*c = IncidentCondition(v)
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
