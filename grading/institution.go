package grading

import (
	"fmt"
	"slices"

	"github.com/medsec-go/medsec"
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

var typeText = enumText{"unknown", "hospital", "primary-care", "public-health", "other"}

// Valid reports whether t is a known type.
func (t InstitutionType) Valid() bool { return t > TypeUnknown && int(t) < len(typeText) }

// String returns the text form, e.g. "hospital".
func (t InstitutionType) String() string { return typeText.String(uint8(t), "InstitutionType") }

// MarshalText implements [encoding.TextMarshaler].
func (t InstitutionType) MarshalText() ([]byte, error) {
	return typeText.Marshal("grading", uint8(t), "institution type")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *InstitutionType) UnmarshalText(b []byte) error {
	v, err := typeText.Parse("grading", b, "institution type")
	*t = InstitutionType(v)
	return err
}

// An Institution is a health institution and its information systems, with
// the grades they hold: the one description of a hospital that grading,
// obligations and contracts share. Grade the systems and the institution
// with [MLPS], [Vietnam], [NIS2] and [Czech] and record the results here;
// package obligations binds duties to it, and package contracts checks the
// contracts it signs.
//
// The JSON form is the wire format of every medsec input that describes an
// institution. The zero value is not valid: [Institution.Validate] names
// what is missing.
type Institution struct {
	// ID identifies the institution in the user's records. Required.
	ID string `json:"id"`
	// Name is the institution's name, in any language.
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the institution's seat.
	Country string `json:"country,omitempty"`
	// Jurisdictions are the legal orders the institution is subject to,
	// e.g. CZ and EU for a Czech hospital. Required.
	Jurisdictions []medsec.Jurisdiction `json:"jurisdictions"`
	// Type is the kind of institution. Required.
	Type InstitutionType `json:"type"`
	// Size is the enterprise size class (Recommendation 2003/361), where
	// known.
	Size SizeClass `json:"size,omitempty"`
	// NIS2 is the institution's NIS2 class and CZ its Czech regime; zero
	// means not assessed, and rules that need them do not apply.
	NIS2 EntityClass `json:"nis2,omitempty"`
	CZ   CZRegime    `json:"cz,omitempty"`
	// Flags hold for the institution as a whole and for all its systems,
	// e.g. "cii", "health-data"; see [medsec.Registry.Flags].
	Flags []medsec.Flag `json:"flags,omitempty"`
	// Principal is the person ID of the institution's head (主要负责人).
	Principal string `json:"principal,omitempty"`
	// Events holds institution-wide event dates, e.g. "holiday",
	// "in-scope"; see [medsec.Registry.Events].
	Events map[medsec.Event]medsec.Date `json:"events,omitempty"`
	// Systems are the institution's information systems and networks.
	Systems []System `json:"systems"`
}

// A System is one information system or network of an [Institution], with
// its grades.
type System struct {
	// ID identifies the system within the institution. Required, unique.
	ID string `json:"id"`
	// Name is the system's name.
	Name string `json:"name"`
	// MLPS is the China MLPS level and VN the Vietnam level; zero means
	// not graded under that scheme.
	MLPS MLPSLevel `json:"mlps,omitempty"`
	VN   VNLevel   `json:"vn,omitempty"`
	// Flags add to the institution's flags for this system.
	Flags []medsec.Flag `json:"flags,omitempty"`
	// Events holds the system's event dates, e.g. "grading", "go-live".
	Events map[medsec.Event]medsec.Date `json:"events,omitempty"`
}

// Clone returns a deep copy of in.
func (in Institution) Clone() Institution {
	in.Jurisdictions = slices.Clone(in.Jurisdictions)
	in.Flags = slices.Clone(in.Flags)
	in.Events = cloneEvents(in.Events)
	in.Systems = slices.Clone(in.Systems)
	for i := range in.Systems {
		s := &in.Systems[i]
		s.Flags = slices.Clone(s.Flags)
		s.Events = cloneEvents(s.Events)
	}
	return in
}

func cloneEvents(m map[medsec.Event]medsec.Date) map[medsec.Event]medsec.Date {
	if m == nil {
		return nil
	}
	out := make(map[medsec.Event]medsec.Date, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// HasFlag reports whether the institution, or system s of it when s is not
// nil, has flag f.
func (in *Institution) HasFlag(f medsec.Flag, s *System) bool {
	return slices.Contains(in.Flags, f) || s != nil && slices.Contains(s.Flags, f)
}

// Validate checks in against reg (the default registry if nil) and reports
// every problem as [medsec.FieldErrors] with JSON Pointer paths
// ("/systems/2/id"): the ID, jurisdictions (declared by reg), type, the
// enumerations' ranges, flags and events (declared by reg), valid event
// dates, and unique non-empty system IDs. Problems are reported in the
// order of the JSON form, event keys sorted.
func (in *Institution) Validate(reg *medsec.Registry) error {
	if in == nil {
		return medsec.FieldErrors{{Path: "", Rule: "required", Message: msgErrInstitutionNil.New()}}
	}
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	var errs medsec.FieldErrors
	add := func(path, rule, value string, m medsec.Message) {
		errs = append(errs, &medsec.FieldError{Path: path, Rule: rule, Value: value, Message: m})
	}
	if in.ID == "" {
		add("/id", "required", "", msgErrInstitutionField.New("id"))
	}
	if len(in.Jurisdictions) == 0 {
		add("/jurisdictions", "required", "", msgErrInstitutionField.New("jurisdictions"))
	}
	for i, j := range in.Jurisdictions {
		if _, ok := reg.Jurisdiction(j); !ok {
			add(fmt.Sprintf("/jurisdictions/%d", i), "declared", string(j), msgErrJurisdiction.New(string(j)))
		}
	}
	if !in.Type.Valid() {
		add("/type", "required", in.Type.String(), msgErrInstitutionField.New("type"))
	}
	if in.Size != 0 && !in.Size.Valid() {
		add("/size", "valid", in.Size.String(), msgErrInvalid.New(in.Size.String()))
	}
	if in.NIS2 != 0 && !in.NIS2.Valid() {
		add("/nis2", "valid", in.NIS2.String(), msgErrInvalid.New(in.NIS2.String()))
	}
	if in.CZ != 0 && !in.CZ.Valid() {
		add("/cz", "valid", in.CZ.String(), msgErrInvalid.New(in.CZ.String()))
	}
	checkFlags(reg, "", in.Flags, add)
	checkEvents(reg, "", in.Events, add)
	seen := make(map[string]bool, len(in.Systems))
	for i := range in.Systems {
		s := &in.Systems[i]
		p := fmt.Sprintf("/systems/%d", i)
		switch {
		case s.ID == "":
			add(p+"/id", "required", "", msgErrInstitutionField.New("systems[].id"))
		case seen[s.ID]:
			add(p+"/id", "unique", s.ID, msgErrSystemTwice.New(s.ID))
		}
		seen[s.ID] = true
		if s.MLPS != 0 && !s.MLPS.Valid() {
			add(p+"/mlps", "valid", s.MLPS.String(), msgErrInvalid.New(s.MLPS.String()))
		}
		if s.VN != 0 && !s.VN.Valid() {
			add(p+"/vn", "valid", s.VN.String(), msgErrInvalid.New(s.VN.String()))
		}
		checkFlags(reg, p, s.Flags, add)
		checkEvents(reg, p, s.Events, add)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func checkFlags(reg *medsec.Registry, p string, fs []medsec.Flag, add func(path, rule, value string, m medsec.Message)) {
	for i, f := range fs {
		if _, ok := reg.Flag(f); !ok {
			add(fmt.Sprintf("%s/flags/%d", p, i), "declared", string(f), msgErrFlag.New(string(f)))
		}
	}
}

func checkEvents(reg *medsec.Registry, p string, es map[medsec.Event]medsec.Date, add func(path, rule, value string, m medsec.Message)) {
	keys := make([]medsec.Event, 0, len(es))
	for e := range es {
		keys = append(keys, e)
	}
	slices.Sort(keys)
	for _, e := range keys {
		at := p + "/events/" + escapePointer(string(e))
		if _, ok := reg.Event(e); !ok {
			add(at, "declared", string(e), msgErrEvent.New(string(e)))
		} else if d := es[e]; !d.Valid() {
			add(at, "date", d.String(), msgErrBadDate.New(d))
		}
	}
}

// escapePointer escapes a JSON Pointer reference token (RFC 6901).
func escapePointer(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}
