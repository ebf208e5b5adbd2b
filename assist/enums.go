package assist

import (
	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
)

// The enumerations of the package. Each has a zero value that means "not
// stated": it has a String form but neither marshals nor parses, and it
// fails validation.

// A Situation is where a healthcare provider stands against an attack. It
// decides the provider's tier in [Match]: under attack first, then
// recovering, then preparing (see [Options.Situations] to change it).
type Situation uint8

// The situations.
const (
	_           Situation = iota
	UnderAttack           // an attack is under way now ("under-attack")
	Recovering            // the attack is over; systems and data are being restored ("recovering")
	Preparing             // not attacked; the provider wants to protect itself ("preparing")
)

var situationText = enum.Names{"unknown", "under-attack", "recovering", "preparing"}

// Situations returns every situation in the default order of [Match].
func Situations() []Situation { return []Situation{UnderAttack, Recovering, Preparing} }

// Valid reports whether s is one of the situations.
func (s Situation) Valid() bool { return s >= UnderAttack && s <= Preparing }

// String returns "under-attack", "recovering", "preparing" or "unknown".
func (s Situation) String() string { return situationText.String(uint8(s), "Situation") }

// MarshalText implements [encoding.TextMarshaler].
func (s Situation) MarshalText() ([]byte, error) {
	return situationText.Marshal("assist", uint8(s), "situation")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Situation) UnmarshalText(b []byte) error {
	v, err := situationText.Parse("assist", b, "situation")
	*s = Situation(v)
	return err
}

// Message returns the situation's name as a translatable message.
func (s Situation) Message() medsec.Message {
	switch s {
	case UnderAttack:
		return msgSituationUnderAttack.New()
	case Recovering:
		return msgSituationRecovering.New()
	case Preparing:
		return msgSituationPreparing.New()
	}
	return msgSituationUnknown.New()
}

// A ProviderType is the kind of healthcare provider that needs help.
type ProviderType uint8

// The provider types.
const (
	_                       ProviderType = iota
	UniversityHospital                   // fakultní nemocnice ("university-hospital")
	Hospital                             // a general hospital: regional, municipal or private ("hospital")
	SpecialisedHospital                  // a specialised inpatient provider, e.g. psychiatric or rehabilitation ("specialised-hospital")
	OutpatientCare                       // clinics and practices without beds ("outpatient-care")
	EmergencyMedicalService              // zdravotnická záchranná služba ("emergency-medical-service")
	Laboratory                           // a medical laboratory ("laboratory")
	PublicHealthAuthority                // a public health authority, e.g. a regional hygiene station ("public-health-authority")
	OtherProvider                        // any other provider of health services ("other")
)

var providerTypeText = enum.Names{"unknown", "university-hospital", "hospital", "specialised-hospital",
	"outpatient-care", "emergency-medical-service", "laboratory", "public-health-authority", "other"}

// Valid reports whether t is one of the provider types.
func (t ProviderType) Valid() bool { return t >= UniversityHospital && t <= OtherProvider }

// String returns the text form, e.g. "university-hospital", or "unknown".
func (t ProviderType) String() string { return providerTypeText.String(uint8(t), "ProviderType") }

// MarshalText implements [encoding.TextMarshaler].
func (t ProviderType) MarshalText() ([]byte, error) {
	return providerTypeText.Marshal("assist", uint8(t), "provider type")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *ProviderType) UnmarshalText(b []byte) error {
	v, err := providerTypeText.Parse("assist", b, "provider type")
	*t = ProviderType(v)
	return err
}

// Message returns the provider type's name as a translatable message.
func (t ProviderType) Message() medsec.Message {
	if t.Valid() {
		return msgProviderTypes[t-1].New()
	}
	return msgProviderTypeUnknown.New()
}

// An OffererKind says whether an organisation or a person offers help.
type OffererKind uint8

// The offerer kinds.
const (
	_            OffererKind = iota
	Organisation             // a company, university, association or public body ("organisation")
	Individual               // a person offering help in their own name ("individual")
)

var offererKindText = enum.Names{"unknown", "organisation", "individual"}

// Valid reports whether k is one of the kinds.
func (k OffererKind) Valid() bool { return k == Organisation || k == Individual }

// String returns "organisation", "individual" or "unknown".
func (k OffererKind) String() string { return offererKindText.String(uint8(k), "OffererKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k OffererKind) MarshalText() ([]byte, error) {
	return offererKindText.Marshal("assist", uint8(k), "offerer kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *OffererKind) UnmarshalText(b []byte) error {
	v, err := offererKindText.Parse("assist", b, "offerer kind")
	*k = OffererKind(v)
	return err
}

// Message returns the kind's name as a translatable message.
func (k OffererKind) Message() medsec.Message {
	switch k {
	case Organisation:
		return msgOffererOrganisation.New()
	case Individual:
		return msgOffererIndividual.New()
	}
	return msgOffererUnknown.New()
}

// Terms say whether help is free.
type Terms uint8

// The terms.
const (
	_       Terms = iota
	ProBono       // free of charge ("pro-bono")
	Paid          // charged at the offerer's price ("paid")
)

var termsText = enum.Names{"unknown", "pro-bono", "paid"}

// Valid reports whether t is one of the terms.
func (t Terms) Valid() bool { return t == ProBono || t == Paid }

// String returns "pro-bono", "paid" or "unknown".
func (t Terms) String() string { return termsText.String(uint8(t), "Terms") }

// MarshalText implements [encoding.TextMarshaler].
func (t Terms) MarshalText() ([]byte, error) { return termsText.Marshal("assist", uint8(t), "terms") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Terms) UnmarshalText(b []byte) error {
	v, err := termsText.Parse("assist", b, "terms")
	*t = Terms(v)
	return err
}

// Message returns the terms' name as a translatable message.
func (t Terms) Message() medsec.Message {
	switch t {
	case ProBono:
		return msgTermsProBono.New()
	case Paid:
		return msgTermsPaid.New()
	}
	return msgTermsUnknown.New()
}

// A Mode is how help is delivered.
type Mode uint8

// The modes.
const (
	_      Mode = iota
	OnSite      // helpers come to the provider ("on-site")
	Remote      // helpers work from elsewhere: calls, remote access ("remote")
)

var modeText = enum.Names{"unknown", "on-site", "remote"}

// Valid reports whether m is one of the modes.
func (m Mode) Valid() bool { return m == OnSite || m == Remote }

// String returns "on-site", "remote" or "unknown".
func (m Mode) String() string { return modeText.String(uint8(m), "Mode") }

// MarshalText implements [encoding.TextMarshaler].
func (m Mode) MarshalText() ([]byte, error) { return modeText.Marshal("assist", uint8(m), "mode") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Mode) UnmarshalText(b []byte) error {
	v, err := modeText.Parse("assist", b, "mode")
	*m = Mode(v)
	return err
}

// Message returns the mode's name as a translatable message.
func (m Mode) Message() medsec.Message {
	switch m {
	case OnSite:
		return msgModeOnSite.New()
	case Remote:
		return msgModeRemote.New()
	}
	return msgModeUnknown.New()
}

// A Criterion is one key by which [Match] orders the needs.
type Criterion uint8

// The criteria.
const (
	_           Criterion = iota
	BySituation           // the situation, in the order of [Options.Situations] ("situation")
	ByClass               // the provider's class: essential, then important, then the others ("class")
	ByReported            // the day the need was reported, earlier first ("reported")
)

var criterionText = enum.Names{"unknown", "situation", "class", "reported"}

// Valid reports whether c is one of the criteria.
func (c Criterion) Valid() bool { return c >= BySituation && c <= ByReported }

// String returns "situation", "class", "reported" or "unknown".
func (c Criterion) String() string { return criterionText.String(uint8(c), "Criterion") }

// MarshalText implements [encoding.TextMarshaler].
func (c Criterion) MarshalText() ([]byte, error) {
	return criterionText.Marshal("assist", uint8(c), "criterion")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Criterion) UnmarshalText(b []byte) error {
	v, err := criterionText.Parse("assist", b, "criterion")
	*c = Criterion(v)
	return err
}

// A Class is a provider's priority class within a tier, derived from its
// NIS2 entity class or its Czech obligations regime (see [Provider.Class]).
type Class uint8

// The classes, highest priority first.
const (
	_          Class = iota
	ClassHigh        // an essential entity (NIS2 art. 3(1)) or a provider in the Czech higher regime ("essential")
	ClassMid         // an important entity (NIS2 art. 3(2)) or a provider in the Czech lower regime ("important")
	ClassOther       // out of scope, not regulated, or not known ("other")
)

var classText = enum.Names{"unknown", "essential", "important", "other"}

// Valid reports whether c is one of the classes.
func (c Class) Valid() bool { return c >= ClassHigh && c <= ClassOther }

// String returns "essential", "important", "other" or "unknown".
func (c Class) String() string { return classText.String(uint8(c), "Class") }

// MarshalText implements [encoding.TextMarshaler].
func (c Class) MarshalText() ([]byte, error) { return classText.Marshal("assist", uint8(c), "class") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Class) UnmarshalText(b []byte) error {
	v, err := classText.Parse("assist", b, "class")
	*c = Class(v)
	return err
}

// Message returns the class's name as a translatable message.
func (c Class) Message() medsec.Message {
	switch c {
	case ClassHigh:
		return msgClassEssential.New()
	case ClassMid:
		return msgClassImportant.New()
	case ClassOther:
		return msgClassOther.New()
	}
	return msgClassUnknown.New()
}
