package assist

import (
	"strconv"

	"github.com/medsec-go/medsec"
)

// A Need is a healthcare provider's request for help, as the committee
// records it after talking to the provider: who, in what situation, which
// services and how much of each, and the provider's constraints. Its JSON
// form is described by [NeedsSchema].
type Need struct {
	// ID identifies the need in the committee's records, e.g. "N-007".
	// Required and unique.
	ID string `json:"id"`
	// Provider is who needs help. Required.
	Provider Provider `json:"provider"`
	// Situation is where the provider stands: under attack, recovering
	// or preparing. Required.
	Situation Situation `json:"situation"`
	// Reported is the day the committee recorded the need. Among needs
	// of equal priority, earlier needs are served first. Required.
	Reported medsec.Date `json:"reported"`
	// Requests are the services needed, each once, in the provider's
	// order of urgency. Required.
	Requests []Request `json:"requests"`
	// Modes are the ways the provider accepts help, in its order of
	// preference: ["on-site"], ["remote"], ["on-site", "remote"] or
	// ["remote", "on-site"]. Required.
	Modes []Mode `json:"modes"`
	// Languages are the languages the provider's staff can work in.
	// When given, only helpers who share one are assigned. Optional.
	Languages []Language `json:"languages,omitempty"`
	// ProBonoOnly limits the need to free help. Optional.
	ProBonoOnly bool `json:"proBonoOnly,omitempty"`
	// Contact is the provider's contact for this need. Required.
	Contact Contact `json:"contact"`
	// Note is anything else helpers should know (up to 1,000 characters).
	// Optional.
	Note string `json:"note,omitempty"`
}

// A Request is one service a provider needs, with the effort it expects.
type Request struct {
	// Service is the kind of help needed. Required.
	Service Service `json:"service"`
	// PersonDays is the expected effort, 1 to 365 person-days. Required.
	PersonDays int `json:"personDays"`
}

// Validate checks every field of n and reports every problem at once, as
// a [medsec.FieldErrors] (wrapping [medsec.ErrInvalidInput]) whose paths
// are JSON Pointers into the need ("/requests/0/personDays").
func (n *Need) Validate() error {
	var e errList
	n.validate(&e, "")
	return e.err()
}

func (n *Need) validate(e *errList, path string) {
	e.id(path+"/id", n.ID)
	n.Provider.validate(e, path+"/provider")
	if !n.Situation.Valid() {
		e.required(path + "/situation")
	}
	switch {
	case n.Reported.IsZero():
		e.required(path + "/reported")
	case !n.Reported.Valid():
		e.add(path+"/reported", "date", n.Reported.String(), msgErrDateInvalid.New(n.Reported))
	}
	switch {
	case len(n.Requests) == 0:
		e.add(path+"/requests", "min-items", "", msgErrMinItems.New(1))
	case len(n.Requests) > int(numServices-1):
		e.add(path+"/requests", "max-items", "", msgErrMaxItems.New(int(numServices-1)))
	}
	seen := map[Service]int{}
	for i, r := range n.Requests {
		p := path + "/requests/" + strconv.Itoa(i)
		if !r.Service.Valid() {
			e.required(p + "/service")
		} else if j, dup := seen[r.Service]; dup {
			e.add(p+"/service", "unique", r.Service.String(), msgErrDuplicate.New(r.Service.String(), j))
		} else {
			seen[r.Service] = i
		}
		e.intRange(p+"/personDays", r.PersonDays, 1, maxRequestDays)
	}
	validateList(e, path+"/modes", n.Modes, 1, 2, Mode.Valid)
	validateLanguages(e, path+"/languages", n.Languages, 0)
	n.Contact.validate(e, path+"/contact")
	e.text(path+"/note", n.Note, false, maxNote)
}
