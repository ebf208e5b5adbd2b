// Package assist matches offers of cybersecurity help to the healthcare
// providers who need it most, and publishes the offers as a catalogue.
//
// The package is named for what it does: it assists — it brings help that
// others offer to the providers that need it. It models a process that
// recurs whenever a sector is under attack. After the ransomware attack on
// Brno University Hospital in March 2020, Czech IT and security firms and
// individuals offered free help; the Ministry of Health founded a
// cybersecurity action committee within its National eHealth Centre "so
// that the offered help reaches the organisations of Czech healthcare that
// need it most", called the offering suppliers, contacted the providers,
// and published a catalogue of help in cybersecurity for healthcare
// providers (20 March 2020). A ministry, a CERT or a hospital association
// can run the same process with this package, and a hospital can see what
// fits its need.
//
// # Offers, needs and services
//
// An [Offer] is help offered by an organisation or an individual: which
// [Service] values of the taxonomy, pro bono or paid ([Terms]), how much
// ([Capacity], in concurrent engagements and person-days), how ([Mode]:
// on site, remote), where on site ([Region], ISO 3166-2 codes such as
// CZ-64 for Jihomoravský kraj, or a whole country such as CZ), in which
// languages ([Language], ISO 639-1), and for how long ([Validity]).
//
// A [Need] is what a provider asks for: who it is ([Provider], with its
// NIS2 entity class or Czech regime from package grading where known),
// its [Situation] (under attack, recovering, preparing), the services it
// needs with the effort expected ([Request]), and its constraints (modes
// in order of preference, languages, pro bono only).
//
// The services are a taxonomy of medsec's own, grounded in the seed (help
// removing the consequences of an attack, help protecting the other
// facilities) and named after the NIS2 art. 21(2) measure or the ENISA
// 2020 procurement good practice each serves; [Service.Basis] gives the
// provisions. Each service has a stable text code ("incident-response")
// and a translatable name ([Service.Message]).
//
// # Matching
//
// [Match] assigns offers to requests, need by need, in an order of
// service: providers under attack first, then those recovering, then those
// preparing; within each, essential entities (or the Czech higher regime)
// before important ones (the lower regime) before the others; then the
// earlier report; then the need ID. It never exceeds an offer's capacity,
// respects the region of on-site help and the provider's languages, and
// explains every assignment, every request left unmatched and every offer
// left unused with translatable reasons. The result depends only on its
// input. This is medsec's proposed policy, not a rule of any law: the
// fields of [Options] change the order.
//
//	res, err := assist.Match(offers, needs, assist.Options{AsOf: medsec.NewDate(2026, 3, 20)})
//	for _, a := range res.Assignments() {
//		fmt.Println(a.Need, a.Service, "→", a.Offer)
//		for _, r := range a.Reasons {
//			fmt.Println("  ", l.Format(r)) // l is an *i18n.Localizer
//		}
//	}
//
// # The catalogue and the announcement
//
// [NewCatalogue] makes the catalogue a [Committee] publishes on a day: the
// offers that stand on it, with an index by service. [Catalogue.Render]
// prints it, or the committee's announcement that links to it, in any
// locale of package i18n as plain text, Markdown or a standalone HTML
// document. User data cannot change the structure of the output.
//
// # Decoding and schemas
//
// [Decode] reads a file of offers, of needs or the committee's description
// strictly: unknown fields, duplicate keys, keys in the wrong case, wrong
// types, null, invalid UTF-8, control characters, bad e-mail addresses,
// bad region, country and language codes, bad Czech company IDs,
// impossible dates and overlong text are errors. Every error is a
// [medsec.FieldError] with a JSON Pointer and a translatable message, in a
// [medsec.FieldErrors] that wraps [medsec.ErrInvalidInput]. [OffersSchema],
// [NeedsSchema] and [CommitteeSchema] return JSON Schemas (draft 2020-12)
// of the three files, so that an offering firm can validate its offer
// before it sends it; a test checks that they agree with Decode.
//
// # Conventions
//
// Dates are [medsec.Date] values; a zero as-of date is an error, never
// "today". Enumerations have a zero value that means "not stated" and
// fails validation. Results ([Result], [Catalogue]) are immutable and
// share no memory with their inputs.
package assist
