package assist

import (
	"slices"
	"strconv"

	"github.com/medsec-go/medsec"
)

// An Offer is help that an organisation or a person offers to healthcare
// providers: which services, on what terms, how much, where, in which
// languages and for how long. Its JSON form is described by
// [OffersSchema].
type Offer struct {
	// ID identifies the offer in the committee's register, e.g. "O-014":
	// 1 to 64 letters, digits, '.', '_' or '-'. Required and unique.
	ID string `json:"id"`
	// Offerer is who offers. Required.
	Offerer Offerer `json:"offerer"`
	// Services are the kinds of help offered, each once. Required.
	Services []Service `json:"services"`
	// Terms say whether the help is free. Required.
	Terms Terms `json:"terms"`
	// Capacity is how much help the offer covers. Required.
	Capacity Capacity `json:"capacity"`
	// Modes say how the help is delivered: on site, remote or both.
	// Required.
	Modes []Mode `json:"modes"`
	// Regions are where helpers can come on site: Czech regions ("CZ-64")
	// or whole countries ("CZ"). Required when Modes holds [OnSite],
	// absent otherwise.
	Regions []Region `json:"regions,omitempty"`
	// Languages are the languages the helpers work in. Required.
	Languages []Language `json:"languages"`
	// Valid is the period in which the offer stands. Required.
	Valid Validity `json:"valid"`
	// Note is anything else the offerer wants providers to know, in
	// the offerer's own words (up to 1,000 characters). Optional.
	Note string `json:"note,omitempty"`
}

// An Offerer is the organisation or person behind an [Offer].
type Offerer struct {
	// Kind says whether an organisation or a person offers. Required.
	Kind OffererKind `json:"kind"`
	// Name is the organisation's or the person's name. Required.
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the offerer's country of
	// registration or residence, e.g. "CZ". Required.
	Country string `json:"country"`
	// Registration is the offerer's registration number where there is
	// one. For Czech offerers it is the IČO: eight digits with a valid
	// check digit. Optional.
	Registration string `json:"registration,omitempty"`
	// Contact is whom providers and the committee write to. Required.
	Contact Contact `json:"contact"`
}

// A Contact is a person or an office to write to.
type Contact struct {
	// Name is the contact person or office. Optional.
	Name string `json:"name,omitempty"`
	// Email is the contact's e-mail address. Required.
	Email string `json:"email"`
	// Phone is an international phone number such as "+420 224 971 111".
	// Optional.
	Phone string `json:"phone,omitempty"`
}

// A Capacity is how much help an offer covers, in concurrent engagements,
// in person-days, or both. Zero in either means that dimension is not
// limited; at least one must be positive. Each assignment takes one
// engagement and the person-days its request asks for.
type Capacity struct {
	// Engagements is how many providers the offerer can help at the same
	// time (0 to 1,000; 0: not limited).
	Engagements int `json:"engagements,omitempty"`
	// PersonDays is how many person-days of work the offer covers in all
	// (0 to 100,000; 0: not limited).
	PersonDays int `json:"personDays,omitempty"`
}

// A Validity is the period in which an offer stands: From is its first
// day and Until its last (both inclusive). A zero Until means "until
// withdrawn".
type Validity struct {
	From  medsec.Date `json:"from"`           // the first day; required
	Until medsec.Date `json:"until,omitzero"` // the last day; optional
}

// Contains reports whether d falls inside v.
func (v Validity) Contains(d medsec.Date) bool {
	return !d.Before(v.From) && (v.Until.IsZero() || !d.After(v.Until))
}

// Offers reports whether the offer includes service s.
func (o *Offer) Offers(s Service) bool { return slices.Contains(o.Services, s) }

// Delivers reports whether the offer can deliver help in mode m to a
// provider in region r: remote help reaches everywhere, on-site help only
// the offer's regions.
func (o *Offer) Delivers(m Mode, r Region) bool {
	if !slices.Contains(o.Modes, m) {
		return false
	}
	if m == Remote {
		return true
	}
	return slices.ContainsFunc(o.Regions, func(x Region) bool { return x.Covers(r) })
}

// Validate checks every field of o and reports every problem at once, as
// a [medsec.FieldErrors] (wrapping [medsec.ErrInvalidInput]) whose paths
// are JSON Pointers into the offer ("/offerer/contact/email").
func (o *Offer) Validate() error {
	var e errList
	o.validate(&e, "")
	return e.err()
}

func (o *Offer) validate(e *errList, path string) {
	e.id(path+"/id", o.ID)
	o.Offerer.validate(e, path+"/offerer")
	validateList(e, path+"/services", o.Services, 1, int(numServices-1), Service.Valid)
	if !o.Terms.Valid() {
		e.required(path + "/terms")
	}
	o.Capacity.validate(e, path+"/capacity")
	validateList(e, path+"/modes", o.Modes, 1, 2, Mode.Valid)
	switch {
	case slices.Contains(o.Modes, OnSite) && len(o.Regions) == 0:
		e.add(path+"/regions", "required", "", msgErrRegionsNeeded.New())
	case !slices.Contains(o.Modes, OnSite) && len(o.Regions) > 0:
		e.add(path+"/regions", "remote-only", "", msgErrRegionsRemote.New())
	default:
		validateList(e, path+"/regions", o.Regions, 0, maxRegions, func(Region) bool { return true })
		for i, r := range o.Regions {
			if rule, m := r.check(false); rule != "" {
				e.add(path+"/regions/"+strconv.Itoa(i), rule, string(r), m)
			}
		}
	}
	validateLanguages(e, path+"/languages", o.Languages, 1)
	o.Valid.validate(e, path+"/valid")
	e.text(path+"/note", o.Note, false, maxNote)
}

func (o *Offerer) validate(e *errList, path string) {
	if !o.Kind.Valid() {
		e.required(path + "/kind")
	}
	e.text(path+"/name", o.Name, true, maxName)
	switch {
	case o.Country == "":
		e.required(path + "/country")
	case !isCountry(o.Country):
		e.add(path+"/country", "country", o.Country, msgErrCountry.New(o.Country))
	}
	if o.Registration != "" {
		if o.Country == "CZ" {
			if !validICO(o.Registration) {
				e.add(path+"/registration", "ico", o.Registration, msgErrICO.New(o.Registration))
			}
		} else {
			e.text(path+"/registration", o.Registration, false, maxRegistration)
		}
	}
	o.Contact.validate(e, path+"/contact")
}

func (c *Contact) validate(e *errList, path string) {
	e.text(path+"/name", c.Name, false, maxName)
	switch {
	case c.Email == "":
		e.required(path + "/email")
	case !validEmail(c.Email):
		e.add(path+"/email", "email", c.Email, msgErrEmail.New(c.Email))
	}
	if c.Phone != "" && !phoneRE.MatchString(c.Phone) {
		e.add(path+"/phone", "phone", c.Phone, msgErrPhone.New(c.Phone))
	}
}

func (c Capacity) validate(e *errList, path string) {
	e.intRange(path+"/engagements", c.Engagements, 0, maxEngagements)
	e.intRange(path+"/personDays", c.PersonDays, 0, maxPersonDays)
	if c.Engagements <= 0 && c.PersonDays <= 0 {
		e.add(path, "capacity", "", msgErrCapacity.New())
	}
}

func (v Validity) validate(e *errList, path string) {
	switch {
	case v.From.IsZero():
		e.required(path + "/from")
	case !v.From.Valid():
		e.add(path+"/from", "date", v.From.String(), msgErrDateInvalid.New(v.From))
	}
	if !v.Until.IsZero() && !v.Until.Valid() {
		e.add(path+"/until", "date", v.Until.String(), msgErrDateInvalid.New(v.Until))
	}
	if v.From.Valid() && v.Until.Valid() && v.Until.Before(v.From) {
		e.add(path+"/until", "ordered", v.Until.String(), msgErrPeriod.New(v.From, v.Until))
	}
}

// validICO reports whether s is a Czech company identification number
// (IČO): eight digits whose last is the check digit of the first seven
// with weights 8 to 2, modulo 11.
func validICO(s string) bool {
	if len(s) != 8 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		if i < 7 {
			sum += int(s[i]-'0') * (8 - i)
		}
	}
	check := (11 - sum%11) % 10
	return int(s[7]-'0') == check
}
