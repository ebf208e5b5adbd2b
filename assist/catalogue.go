package assist

import (
	"maps"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
)

// A Catalogue is the list of offers a committee publishes for healthcare
// providers on a day, as the Czech Ministry of Health published its
// "Katalog pomoci v kybernetické bezpečnosti pro poskytovatele
// zdravotních služeb" on 20 March 2020: the offers that stand on that day,
// in order of their IDs, with an index by service. [Catalogue.Render]
// prints it, and the announcement that links to it, in every locale of
// package i18n.
//
// A Catalogue is immutable and safe for concurrent use; it holds copies of
// the committee and the offers it was made from.
type Catalogue struct {
	committee Committee
	date      medsec.Date
	offers    []Offer
}

// NewCatalogue returns the catalogue that committee c publishes on date:
// the offers that stand on that day. The committee, the date and every
// offer are validated first; problems are reported as a
// [medsec.FieldErrors] with JSON Pointers into {"committee": c, "offers":
// offers}, and "Date" for a zero or impossible date.
func NewCatalogue(c Committee, date medsec.Date, offers []Offer) (*Catalogue, error) {
	var e errList
	switch {
	case date.IsZero():
		e.add("Date", "required", "", msgErrCatalogueDate.New())
	case !date.Valid():
		e.add("Date", "date", date.String(), msgErrDateInvalid.New(date))
	}
	c.validate(&e, "/committee")
	validateItems(&e, "/offers", offers, 0, func(o *Offer, p string) string { o.validate(&e, p); return o.ID })
	if err := e.err(); err != nil {
		return nil, err
	}
	cat := &Catalogue{committee: c.clone(), date: date}
	for i := range offers {
		if offers[i].Valid.Contains(date) {
			cat.offers = append(cat.offers, offers[i].clone())
		}
	}
	slices.SortFunc(cat.offers, func(a, b Offer) int { return strings.Compare(a.ID, b.ID) })
	return cat, nil
}

// Date returns the day of the catalogue.
func (c *Catalogue) Date() medsec.Date { return c.date }

// Committee returns a copy of the committee that publishes the catalogue.
func (c *Catalogue) Committee() Committee { return c.committee.clone() }

// Offers returns copies of the offers listed, by ID.
func (c *Catalogue) Offers() []Offer {
	out := make([]Offer, len(c.offers))
	for i := range c.offers {
		out[i] = c.offers[i].clone()
	}
	return out
}

// Index returns, for each service in catalogue order that at least one
// listed offer provides, the IDs of those offers.
func (c *Catalogue) Index() []IndexEntry {
	var out []IndexEntry
	for _, s := range Services() {
		var ids []string
		for i := range c.offers {
			if c.offers[i].Offers(s) {
				ids = append(ids, c.offers[i].ID)
			}
		}
		if len(ids) > 0 {
			out = append(out, IndexEntry{Service: s, Offers: ids})
		}
	}
	return out
}

// An IndexEntry lists the offers of one service.
type IndexEntry struct {
	Service Service  // the service
	Offers  []string // the IDs of the offers that provide it, in order
}

func (o Offer) clone() Offer {
	o.Services = slices.Clone(o.Services)
	o.Modes = slices.Clone(o.Modes)
	o.Regions = slices.Clone(o.Regions)
	o.Languages = slices.Clone(o.Languages)
	return o
}

func (c Committee) clone() Committee {
	if c.ShortName != nil {
		short := *c.ShortName
		c.ShortName = &short
	}
	for _, n := range []*Name{&c.Name, c.ShortName, &c.Parent, &c.Place} {
		if n != nil {
			n.Translations = maps.Clone(n.Translations)
		}
	}
	return c
}

// A NoticeKind names one of the two notices a [Catalogue] renders.
type NoticeKind uint8

// The notice kinds.
const (
	_                  NoticeKind = iota
	CatalogueNotice               // the catalogue itself: offers by ID with an index by service ("catalogue")
	AnnouncementNotice            // the committee's news item announcing the catalogue and linking to it ("announcement")
)

var noticeKindText = enum.Names{"unknown", "catalogue", "announcement"}

// NoticeKinds returns both kinds.
func NoticeKinds() []NoticeKind { return []NoticeKind{CatalogueNotice, AnnouncementNotice} }

// Valid reports whether k is one of the kinds.
func (k NoticeKind) Valid() bool { return k == CatalogueNotice || k == AnnouncementNotice }

// String returns "catalogue", "announcement" or "unknown".
func (k NoticeKind) String() string { return noticeKindText.String(uint8(k), "NoticeKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k NoticeKind) MarshalText() ([]byte, error) {
	return noticeKindText.Marshal("assist", uint8(k), "notice kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *NoticeKind) UnmarshalText(b []byte) error {
	v, err := noticeKindText.Parse("assist", b, "notice kind")
	*k = NoticeKind(v)
	return err
}
