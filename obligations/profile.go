package obligations

import (
	"fmt"
	"slices"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// InstitutionType is the kind of health institution.
type InstitutionType uint8

// Institution types. The zero value is invalid.
const (
	TypeUnknown      InstitutionType = iota
	TypeHospital                     // a hospital
	TypePrimaryCare                  // a primary-care or grassroots institution
	TypePublicHealth                 // a public-health body (disease control, health authority unit)
	TypeOther                        // another health-care provider
)

var typeNames = names{"", "hospital", "primary-care", "public-health", "other"}

// Valid reports whether t is a known type.
func (t InstitutionType) Valid() bool { return t > 0 && int(t) < len(typeNames) }

// String returns the text form, e.g. "hospital".
func (t InstitutionType) String() string { return typeNames.String(uint8(t), "InstitutionType") }

// MarshalText implements [encoding.TextMarshaler].
func (t InstitutionType) MarshalText() ([]byte, error) {
	return typeNames.Marshal("obligations", uint8(t), "institution type")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *InstitutionType) UnmarshalText(b []byte) error {
	v, err := typeNames.Parse("obligations", b, "institution type")
	*t = InstitutionType(v)
	return err
}

// Institution describes the health institution as a whole.
type Institution struct {
	ID            string                `json:"id"`
	Name          string                `json:"name"`
	Jurisdictions []medsec.Jurisdiction `json:"jurisdictions"`
	Type          InstitutionType       `json:"type"`
	Size          grading.SizeClass     `json:"size,omitempty"`
	// NIS2 is the institution's NIS2 class; CZ its Czech regime. Zero
	// means not assessed, and duties that need them do not apply.
	NIS2 grading.EntityClass `json:"nis2,omitempty"`
	CZ   grading.CZRegime    `json:"cz,omitempty"`
	// Flags hold for the institution as a whole and for all its systems.
	Flags []Flag `json:"flags,omitempty"`
	// Principal is the person ID of the institution's head (主要负责人),
	// against which [CheckRoles] checks the leadership group head.
	Principal string `json:"principal,omitempty"`
	// Triggers holds institution-wide event dates: in-scope,
	// registration-decision, holiday, transfer-abroad.
	Triggers map[Trigger]medsec.Date `json:"triggers,omitempty"`
}

// System is one information system or network with its grading results.
type System struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// MLPS is the China MLPS level and VN the Vietnam level; zero means
	// not graded under that scheme.
	MLPS grading.MLPSLevel `json:"mlps,omitempty"`
	VN   grading.VNLevel   `json:"vn,omitempty"`
	// Flags add to the institution's flags for this system.
	Flags []Flag `json:"flags,omitempty"`
	// Triggers holds the system's event dates: grading, go-live, dossier.
	Triggers map[Trigger]medsec.Date `json:"triggers,omitempty"`
}

// Incident is an incident that may start reporting deadlines.
type Incident struct {
	ID string `json:"id"`
	// System is the affected system's ID, if known.
	System string `json:"system,omitempty"`
	// Detected is when the incident was detected (or the entity became
	// aware of it). Notified is when the incident notification was
	// submitted and ResponseEnd when the response ended; zero if not yet.
	// Give Detected in the institution's time zone: its date there
	// decides which rules bind the incident (those in force that day),
	// and all of the incident's day-based deadlines end at 24:00 there.
	Detected    time.Time `json:"detected"`
	Notified    time.Time `json:"notified,omitzero"`
	ResponseEnd time.Time `json:"responseEnd,omitzero"`
	// CNGrade is the Chinese grade; Significant marks a NIS2 significant
	// incident (or, in the Czech lower regime, one with significant
	// impact); BeyondCapacity marks a Vietnamese incident the unit cannot
	// handle alone; PersonalData marks a leak, tampering or loss of
	// personal information.
	CNGrade        CNIncidentGrade `json:"cnGrade,omitempty"`
	Significant    bool            `json:"significant,omitempty"`
	BeyondCapacity bool            `json:"beyondCapacity,omitempty"`
	PersonalData   bool            `json:"personalData,omitempty"`
}

func (in *Incident) meets(c IncidentCondition) bool {
	switch c {
	case IncidentCNRelativelyMajor:
		return in.CNGrade >= CNGradeRelativelyMajor
	case IncidentSignificant:
		return in.Significant
	case IncidentBeyondCapacity:
		return in.BeyondCapacity
	case IncidentPersonalData:
		return in.PersonalData
	}
	return true
}

// Profile is what the package needs to know about an institution.
type Profile struct {
	Institution Institution `json:"institution"`
	Systems     []System    `json:"systems"`
	Incidents   []Incident  `json:"incidents,omitempty"`
}

// Validate checks the profile and reports its problems as
// [medsec.FieldErrors] with JSON-Pointer paths, in a fixed order: at most
// 100, the last saying how many more there were. A nil Profile is an
// error.
func (p *Profile) Validate() error {
	if p == nil {
		return p.validate(nil)
	}
	return p.validate(make(map[string]int32, len(p.Systems)))
}

// validate checks p and fills seen with the system indices by ID.
func (p *Profile) validate(seen map[string]int32) error {
	if p == nil {
		return fmt.Errorf("obligations: invalid profile: %w", medsec.FieldErrors{
			{Path: "", Rule: "required", Message: msgErrRequired.New("profile")}})
	}
	var errs fielderr.List
	add := func(path, rule, value string, m medsec.Message) {
		errs.Add(&medsec.FieldError{Path: path, Rule: rule, Value: value, Message: m})
	}
	in := &p.Institution
	if in.ID == "" {
		add("/institution/id", "required", "", msgErrRequired.New("institution.id"))
	}
	if len(in.Jurisdictions) == 0 {
		add("/institution/jurisdictions", "required", "", msgErrRequired.New("institution.jurisdictions"))
	}
	for i, j := range in.Jurisdictions {
		if _, ok := medsec.DefaultRegistry().Jurisdiction(j); !ok {
			add(fmt.Sprintf("/institution/jurisdictions/%d", i), "oneof", string(j), msgErrJurisdiction.New(string(j)))
		}
	}
	if !in.Type.Valid() {
		add("/institution/type", "required", "", msgErrRequired.New("institution.type"))
	}
	for i, f := range in.Flags {
		if !f.Valid() {
			add(fmt.Sprintf("/institution/flags/%d", i), "oneof", f.String(), msgErrRequired.New("institution.flags"))
		}
	}
	for _, t := range badTriggers(in.Triggers) {
		d := in.Triggers[t]
		add("/institution/triggers/"+t.String(), "date", d.String(), msgErrTrigger.New(t.String()))
	}
	for i := range p.Systems {
		s := &p.Systems[i]
		if _, dup := seen[s.ID]; s.ID == "" || dup {
			add(pathf("/systems/%d/id", i), "unique", s.ID, msgErrSystemID.New(s.ID))
		}
		seen[s.ID] = int32(i)
		if s.MLPS != 0 && !s.MLPS.Valid() {
			add(pathf("/systems/%d/mlps", i), "range", s.MLPS.String(), msgErrLevels.New())
		}
		if s.VN != 0 && !s.VN.Valid() {
			add(pathf("/systems/%d/vn", i), "range", s.VN.String(), msgErrLevels.New())
		}
		for j, f := range s.Flags {
			if !f.Valid() {
				add(pathf("/systems/%d/flags/%d", i, j), "oneof", f.String(), msgErrRequired.New("system.flags"))
			}
		}
		for _, t := range badTriggers(s.Triggers) {
			d := s.Triggers[t]
			add(pathf("/systems/%d/triggers/%s", i, t), "date", d.String(), msgErrTrigger.New(t.String()))
		}
	}
	for i, inc := range p.Incidents {
		base := fmt.Sprintf("/incidents/%d", i)
		if inc.ID == "" {
			add(base+"/id", "required", "", msgErrRequired.New("incident.id"))
		}
		if inc.Detected.IsZero() {
			add(base+"/detected", "required", "", msgErrRequired.New("incident.detected"))
		}
		if _, ok := seen[inc.System]; inc.System != "" && !ok {
			add(base+"/system", "exists", inc.System, msgErrUnknownSystem.New(inc.System))
		}
	}
	if e := errs.Errors(); e != nil {
		return fmt.Errorf("obligations: invalid profile: %w", e)
	}
	return nil
}

// badTriggers returns the triggers of m that are unknown, belong to
// incidents, or carry a date that does not exist, sorted, so that errors
// come out in the same order on every run. It does not allocate when all
// are good.
func badTriggers(m map[Trigger]medsec.Date) []Trigger {
	bad := func(t Trigger, d medsec.Date) bool { return !t.Valid() || t.isIncident() || !d.Valid() }
	found := false
	for t, d := range m {
		found = found || bad(t, d)
	}
	if !found {
		return nil
	}
	var out []Trigger
	for t, d := range m {
		if bad(t, d) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

func levelOf(s *System, scheme grading.Scheme) uint8 {
	switch scheme {
	case grading.SchemeMLPS:
		return uint8(s.MLPS)
	case grading.SchemeVN:
		return uint8(s.VN)
	}
	return 0
}
