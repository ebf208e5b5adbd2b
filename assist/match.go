package assist

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// Options control [Match]. Only AsOf is required; the zero values of the
// other fields give medsec's proposed policy.
type Options struct {
	// AsOf is the day of the matching: offers that do not stand on it
	// are left out. Every need is considered; its Reported day only
	// orders it. Required: there is no default, so that a run can be
	// repeated.
	AsOf medsec.Date

	// Order lists the keys by which the needs are ordered, most
	// significant first. nil means [DefaultOrder]: situation, then
	// class, then the day reported. Drop ByClass to ignore the
	// providers' classes, or put it first to serve every essential
	// entity before any other provider. The need's ID always breaks the
	// last tie.
	Order []Criterion

	// Situations orders the situations, most urgent first. nil means
	// under attack, recovering, preparing; otherwise it must list each
	// of the three once.
	Situations []Situation
}

// DefaultOrder returns the order of needs of medsec's proposed policy:
// [BySituation], [ByClass], [ByReported].
func DefaultOrder() []Criterion { return []Criterion{BySituation, ByClass, ByReported} }

// An Assignment sends one offer to one request of one need.
type Assignment struct {
	Rank       int               `json:"rank"`       // the need's place in the order of service, from 1
	Need       string            `json:"need"`       // the need's ID
	Provider   string            `json:"provider"`   // the provider's name
	Offer      string            `json:"offer"`      // the offer's ID
	Offerer    string            `json:"offerer"`    // the offerer's name
	Service    Service           `json:"service"`    // the help assigned
	Mode       Mode              `json:"mode"`       // how the help is delivered
	PersonDays int               `json:"personDays"` // the effort requested, taken from the offer's capacity
	Reasons    []medsec.Message  `json:"reasons"`    // where the need stood, why the offer fits and was chosen, and the capacity it leaves
	Basis      []medsec.Citation `json:"basis"`      // the provisions behind the provider's class and the service
}

// An Unmatched is a request that no offer could take.
type Unmatched struct {
	Rank       int              `json:"rank"`       // the need's place in the order of service
	Need       string           `json:"need"`       // the need's ID
	Provider   string           `json:"provider"`   // the provider's name
	Service    Service          `json:"service"`    // the help requested
	PersonDays int              `json:"personDays"` // the effort requested
	Reasons    []medsec.Message `json:"reasons"`    // where the need stood, and why each offer of the service did not fit
}

// An Unused is an offer that [Match] assigned to no request.
type Unused struct {
	Offer   string           `json:"offer"`   // the offer's ID
	Offerer string           `json:"offerer"` // the offerer's name
	Reasons []medsec.Message `json:"reasons"` // why no request went to it
}

// A Result is the outcome of [Match]. It is immutable: its methods return
// copies, so it is safe for concurrent use and shares no memory with the
// offers and needs it was computed from.
type Result struct {
	asOf        medsec.Date
	order       []Criterion
	situations  []Situation
	assignments []Assignment
	unmatched   []Unmatched
	unused      []Unused
}

// AsOf returns the day of the matching.
func (r *Result) AsOf() medsec.Date { return r.asOf }

// Order returns the order of needs that was used.
func (r *Result) Order() []Criterion { return slices.Clone(r.order) }

// Situations returns the order of situations that was used.
func (r *Result) Situations() []Situation { return slices.Clone(r.situations) }

// Assignments returns the assignments in the order they were made: by the
// needs' rank, then by each need's order of requests.
func (r *Result) Assignments() []Assignment {
	out := slices.Clone(r.assignments)
	for i := range out {
		out[i].Reasons = cloneMessages(out[i].Reasons)
		out[i].Basis = slices.Clone(out[i].Basis)
	}
	return out
}

// Unmatched returns the requests no offer could take, in the needs'
// order of service.
func (r *Result) Unmatched() []Unmatched {
	out := slices.Clone(r.unmatched)
	for i := range out {
		out[i].Reasons = cloneMessages(out[i].Reasons)
	}
	return out
}

// Unused returns the offers that took no request, by offer ID.
func (r *Result) Unused() []Unused {
	out := slices.Clone(r.unused)
	for i := range out {
		out[i].Reasons = cloneMessages(out[i].Reasons)
	}
	return out
}

// Clean reports whether every request was matched.
func (r *Result) Clean() bool { return len(r.unmatched) == 0 }

// MarshalJSON writes the result as
//
//	{"asOf": "2026-03-20", "order": [...], "situations": [...],
//	 "assignments": [...], "unmatched": [...], "unused": [...]}
//
// with the messages in their untranslated form (key, English format,
// arguments).
func (r *Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		AsOf        medsec.Date  `json:"asOf"`
		Order       []Criterion  `json:"order"`
		Situations  []Situation  `json:"situations"`
		Assignments []Assignment `json:"assignments"`
		Unmatched   []Unmatched  `json:"unmatched"`
		Unused      []Unused     `json:"unused"`
	}{r.asOf, r.order, r.situations, nonNil(r.assignments), nonNil(r.unmatched), nonNil(r.unused)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func cloneMessages(ms []medsec.Message) []medsec.Message {
	out := slices.Clone(ms)
	for i := range out {
		out[i].Args = slices.Clone(out[i].Args)
	}
	return out
}

// Match assigns offers to the requests of needs, following medsec's
// proposed policy. The policy is a proposal for a coordinating body such
// as the Czech Ministry of Health's action committee — "so that the
// offered help reaches the organisations of Czech healthcare that need it
// most" (seed 000) — and not a rule of any law; change it with [Options].
//
// The needs are served one by one, in an order of service:
//
//  1. by situation: providers under attack first, then those recovering,
//     then those preparing;
//  2. within a situation, by class: essential entities and providers in
//     the Czech higher regime first, then important entities and the
//     lower regime, then every other provider (see [Provider.Class]);
//  3. then by the day the need was reported, earlier first;
//  4. then by need ID, so that the order is total and stable.
//
// Each need's requests are taken in the need's own order. For a request,
// an offer fits when it provides the service, stands on the as-of day,
// can deliver the help in a mode the need accepts — on site only within
// the offer's regions —, shares a language with the provider when the need
// names languages, is pro bono when the need accepts only that, and has
// an engagement and the requested person-days left. Of the fitting
// offers, the first in this order takes the request:
//
//  1. an offerer that already helps the same need (fewer teams to
//     coordinate);
//  2. an offer that can deliver the provider's preferred mode;
//  3. pro bono before paid;
//  4. the lower offer ID.
//
// A request is never split between offers, and an offer never takes more
// than its capacity. An engagement is one provider helped: when an offer
// takes a second request of the same need, it uses person-days but no
// further engagement. Every assignment, unmatched request and unused offer
// comes with reasons. The result depends only on the arguments: the same
// offers, needs and options give the same result, whatever their order in
// the slices.
//
// Invalid offers, needs or options give a [medsec.FieldErrors] (wrapping
// [medsec.ErrInvalidInput]) listing every problem: paths are JSON Pointers
// into {"offers": offers, "needs": needs} ("/needs/2/situation"), and
// "AsOf", "Order" or "Situations" for the options. A zero AsOf is an
// error.
func Match(offers []Offer, needs []Need, opts Options) (*Result, error) {
	order, situations, err := opts.check(offers, needs)
	if err != nil {
		return nil, err
	}
	m := newMatcher(offers, needs, opts.AsOf, order, situations)
	m.run()
	return &Result{
		asOf: opts.AsOf, order: order, situations: situations,
		assignments: m.assignments, unmatched: m.unmatched, unused: m.unusedOffers(),
	}, nil
}

// check validates the options and the data and returns the order and the
// situations in effect.
func (o Options) check(offers []Offer, needs []Need) ([]Criterion, []Situation, error) {
	var e errList
	switch {
	case o.AsOf.IsZero():
		e.add("AsOf", "required", "", msgErrAsOf.New())
	case !o.AsOf.Valid():
		e.add("AsOf", "date", o.AsOf.String(), msgErrDateInvalid.New(o.AsOf))
	}
	order := o.Order
	if order == nil {
		order = DefaultOrder()
	}
	validateList(&e, "Order", order, 0, 3, Criterion.Valid)
	situations := o.Situations
	if situations == nil {
		situations = Situations()
	}
	validateList(&e, "Situations", situations, 3, 3, Situation.Valid)
	validateItems(&e, "/offers", offers, 0, func(x *Offer, p string) string { x.validate(&e, p); return x.ID })
	validateItems(&e, "/needs", needs, 0, func(x *Need, p string) string { x.validate(&e, p); return x.ID })
	if err := e.err(); err != nil {
		return nil, nil, err
	}
	return slices.Clone(order), slices.Clone(situations), nil
}

// A filter is the first test a fitting offer fails for a request.
type filter uint8

const (
	fits         filter = iota
	notOffered          // the offer does not provide the service
	notValid            // the offer does not stand on the as-of day
	wrongMode           // the offer has none of the modes the need accepts
	wrongRegion         // the offer comes on site, but not to the provider's region
	noLanguage          // no language in common
	paidOnly            // paid, and the need accepts only pro bono help
	noEngagement        // no engagement left
	fewDays             // fewer person-days left than requested
	numFilters
)

// offerState is an offer with what is left of it.
type offerState struct {
	o         *Offer
	offerer   string // identifies the offerer across its offers
	valid     bool
	engLeft   int // -1: not limited
	daysLeft  int // -1: not limited
	taken     int // assignments
	outranked int // requests it fitted but another offer took
	didNotFit int // requests for its services it did not fit
	wasWanted bool
}

type matcher struct {
	offers      []*offerState // by offer ID
	needs       []*Need       // in order of service
	asOf        medsec.Date
	assignments []Assignment
	unmatched   []Unmatched
	helping     map[string]bool // the offerers assigned to the need being served
	serving     map[string]bool // the offers assigned to the need being served
}

func newMatcher(offers []Offer, needs []Need, asOf medsec.Date, order []Criterion, situations []Situation) *matcher {
	m := &matcher{asOf: asOf, helping: map[string]bool{}, serving: map[string]bool{}}
	for i := range offers {
		o := &offers[i]
		s := &offerState{o: o, valid: o.Valid.Contains(asOf), engLeft: -1, daysLeft: -1}
		if o.Capacity.Engagements > 0 {
			s.engLeft = o.Capacity.Engagements
		}
		if o.Capacity.PersonDays > 0 {
			s.daysLeft = o.Capacity.PersonDays
		}
		s.offerer = o.Offerer.Country + "\x00" + o.Offerer.Registration
		if o.Offerer.Registration == "" {
			s.offerer = o.Offerer.Country + "\x00" + o.Offerer.Name
		}
		m.offers = append(m.offers, s)
	}
	slices.SortFunc(m.offers, func(a, b *offerState) int { return strings.Compare(a.o.ID, b.o.ID) })
	for i := range needs {
		m.needs = append(m.needs, &needs[i])
	}
	rank := func(s Situation) int { return slices.Index(situations, s) }
	slices.SortStableFunc(m.needs, func(a, b *Need) int {
		for _, c := range order {
			var d int
			switch c {
			case BySituation:
				d = cmp.Compare(rank(a.Situation), rank(b.Situation))
			case ByClass:
				ca, _ := a.Provider.Class()
				cb, _ := b.Provider.Class()
				d = cmp.Compare(ca, cb)
			case ByReported:
				d = a.Reported.Compare(b.Reported)
			}
			if d != 0 {
				return d
			}
		}
		return strings.Compare(a.ID, b.ID)
	})
	return m
}

func (m *matcher) run() {
	for i, n := range m.needs {
		rank := i + 1
		order := m.orderReason(n, rank)
		clear(m.helping)
		clear(m.serving)
		for _, req := range n.Requests {
			m.request(n, rank, order, req)
		}
	}
}

// orderReason explains where a need stands in the order of service.
func (m *matcher) orderReason(n *Need, rank int) medsec.Message {
	_, classMsg := n.Provider.Class()
	return msgReasonOrder.New(n.ID, rank, len(m.needs), n.Situation.Message(), classMsg, n.Reported)
}

// candidate is a fitting offer with the mode it would use and its
// position among the need's preferred modes.
type candidate struct {
	s        *offerState
	mode     Mode
	modePref int
	same     bool // its offerer already helps this need
}

func (m *matcher) request(n *Need, rank int, order medsec.Message, req Request) {
	var counts [numFilters]int
	var cands []candidate
	for _, s := range m.offers {
		f, mode, pref := m.fit(s, n, req)
		if f == notOffered {
			continue
		}
		s.wasWanted = true
		if f != fits {
			counts[f]++
			if f != notValid {
				s.didNotFit++
			}
			continue
		}
		cands = append(cands, candidate{s: s, mode: mode, modePref: pref, same: m.helping[s.offerer]})
	}
	if len(cands) == 0 {
		m.unmatched = append(m.unmatched, Unmatched{
			Rank: rank, Need: n.ID, Provider: n.Provider.Name, Service: req.Service, PersonDays: req.PersonDays,
			Reasons: append([]medsec.Message{order}, m.whyNot(n, req, counts)...),
		})
		return
	}
	slices.SortFunc(cands, compareCandidates)
	c := cands[0]
	for _, other := range cands[1:] {
		other.s.outranked++
	}
	c.s.taken++
	if c.s.engLeft > 0 && !m.serving[c.s.o.ID] {
		c.s.engLeft--
	}
	m.helping[c.s.offerer] = true
	m.serving[c.s.o.ID] = true
	if c.s.daysLeft >= 0 {
		c.s.daysLeft -= req.PersonDays
	}
	reasons := []medsec.Message{
		order,
		msgReasonProvides.New(c.s.o.ID, c.s.o.Offerer.Name, req.Service.Message()),
		m.modeReason(c, n),
		languageReason(c.s.o, n),
		termsReason(c.s.o),
		choiceReason(cands),
		msgReasonCapacity.New(countMsg(msgCountPersonDays, req.PersonDays), capacityLeft(c.s)),
	}
	basis := append(n.Provider.classBasis(), req.Service.Basis()...)
	m.assignments = append(m.assignments, Assignment{
		Rank: rank, Need: n.ID, Provider: n.Provider.Name,
		Offer: c.s.o.ID, Offerer: c.s.o.Offerer.Name,
		Service: req.Service, Mode: c.mode, PersonDays: req.PersonDays,
		Reasons: reasons, Basis: basis,
	})
}

// fit returns the first test s fails for the request, or fits with the
// mode it would use and that mode's place in the need's preferences.
func (m *matcher) fit(s *offerState, n *Need, req Request) (filter, Mode, int) {
	o := s.o
	if !o.Offers(req.Service) {
		return notOffered, 0, 0
	}
	if !s.valid {
		return notValid, 0, 0
	}
	mode, pref := Mode(0), -1
	for i, md := range n.Modes {
		if o.Delivers(md, n.Provider.Region) {
			mode, pref = md, i
			break
		}
	}
	if pref < 0 {
		if slices.ContainsFunc(n.Modes, func(md Mode) bool { return slices.Contains(o.Modes, md) }) {
			return wrongRegion, 0, 0
		}
		return wrongMode, 0, 0
	}
	if len(n.Languages) > 0 && len(sharedLanguages(o, n)) == 0 {
		return noLanguage, 0, 0
	}
	if n.ProBonoOnly && o.Terms != ProBono {
		return paidOnly, 0, 0
	}
	if s.engLeft == 0 && !m.serving[o.ID] {
		return noEngagement, 0, 0
	}
	if s.daysLeft >= 0 && s.daysLeft < req.PersonDays {
		return fewDays, 0, 0
	}
	return fits, mode, pref
}

func compareCandidates(a, b candidate) int {
	if d := cmpKey(a, b); d != 0 {
		return d
	}
	return strings.Compare(a.s.o.ID, b.s.o.ID)
}

// cmpKey compares two candidates on the policy's keys, without the ID;
// choiceReason reads the first key on which they differ.
func cmpKey(a, b candidate) int {
	if a.same != b.same {
		return boolFirst(a.same)
	}
	if a.modePref != b.modePref {
		return cmp.Compare(a.modePref, b.modePref)
	}
	return cmp.Compare(a.s.o.Terms, b.s.o.Terms) // ProBono < Paid
}

func boolFirst(a bool) int {
	if a {
		return -1
	}
	return 1
}

// choiceReason explains why the first candidate was chosen over the
// second.
func choiceReason(cands []candidate) medsec.Message {
	if len(cands) == 1 {
		return msgReasonOnly.New()
	}
	a, b := cands[0], cands[1]
	var why medsec.Message
	switch {
	case a.same != b.same:
		why = msgChoiceSame.New(a.s.o.Offerer.Name)
	case a.modePref != b.modePref:
		why = msgChoiceMode.New(a.mode.Message())
	case a.s.o.Terms != b.s.o.Terms:
		why = msgChoiceProBono.New(b.s.o.ID)
	default:
		why = msgChoiceID.New()
	}
	return msgReasonChosen.New(b.s.o.ID, len(cands), why)
}

func (m *matcher) modeReason(c candidate, n *Need) medsec.Message {
	if c.mode == OnSite {
		return msgReasonOnSite.New(n.Provider.Region.Message())
	}
	return msgReasonRemote.New()
}

func languageReason(o *Offer, n *Need) medsec.Message {
	if len(n.Languages) == 0 {
		return msgReasonAnyLanguage.New()
	}
	return msgReasonLanguage.New(joinLanguages(sharedLanguages(o, n)))
}

func termsReason(o *Offer) medsec.Message {
	if o.Terms == ProBono {
		return msgReasonProBono.New()
	}
	return msgReasonPaid.New()
}

// sharedLanguages returns the need's languages that the offer speaks, in
// the need's order.
func sharedLanguages(o *Offer, n *Need) []Language {
	var out []Language
	for _, l := range n.Languages {
		if slices.Contains(o.Languages, l) {
			out = append(out, l)
		}
	}
	return out
}

func joinLanguages(ls []Language) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}

// capacityLeft describes what is left of an offer.
func capacityLeft(s *offerState) medsec.Message {
	switch {
	case s.engLeft >= 0 && s.daysLeft >= 0:
		return msgAnd.New(countMsg(msgCountEngagements, s.engLeft), countMsg(msgCountPersonDays, s.daysLeft))
	case s.engLeft >= 0:
		return msgCapacityEngagementsOnly.New(countMsg(msgCountEngagements, s.engLeft))
	default:
		return msgCapacityDaysOnly.New(countMsg(msgCountPersonDays, s.daysLeft))
	}
}

func countMsg(t medsec.MessageTemplate, n int) medsec.Message { return t.New(n) }

// whyNot explains why no offer took a request.
func (m *matcher) whyNot(n *Need, req Request, counts [numFilters]int) []medsec.Message {
	total := 0
	for f := notValid; f < numFilters; f++ {
		total += counts[f]
	}
	if total == 0 {
		return []medsec.Message{msgUnmatchedNone.New(req.Service.Message())}
	}
	out := []medsec.Message{msgUnmatchedNoFit.New(total, req.Service.Message())}
	for f := notValid; f < numFilters; f++ {
		c := counts[f]
		if c == 0 {
			continue
		}
		switch f {
		case notValid:
			out = append(out, msgFilterNotValid.New(c, m.asOf))
		case wrongMode:
			out = append(out, msgFilterMode.New(c, modesMsg(n.Modes)))
		case wrongRegion:
			out = append(out, msgFilterRegion.New(c, n.Provider.Region.Message()))
		case noLanguage:
			out = append(out, msgFilterLanguage.New(c, joinLanguages(n.Languages)))
		case paidOnly:
			out = append(out, msgFilterPaid.New(c))
		case noEngagement:
			out = append(out, msgFilterBusy.New(c))
		case fewDays:
			out = append(out, msgFilterDays.New(c, msgCountPersonDays.New(req.PersonDays)))
		}
	}
	return out
}

// modesMsg names the modes a need accepts.
func modesMsg(modes []Mode) medsec.Message {
	if len(modes) == 2 {
		return msgOr.New(modes[0].Message(), modes[1].Message())
	}
	return modes[0].Message()
}

// unusedOffers lists the offers that took no request, with the reasons.
func (m *matcher) unusedOffers() []Unused {
	var out []Unused
	for _, s := range m.offers {
		if s.taken > 0 {
			continue
		}
		var reasons []medsec.Message
		switch {
		case !s.valid && s.o.Valid.Until.IsZero():
			reasons = append(reasons, msgUnusedFrom.New(m.asOf, s.o.Valid.From))
		case !s.valid:
			reasons = append(reasons, msgUnusedPeriod.New(m.asOf, s.o.Valid.From, s.o.Valid.Until))
		case !s.wasWanted:
			reasons = append(reasons, msgUnusedNoDemand.New())
		default:
			if s.didNotFit > 0 {
				reasons = append(reasons, msgUnusedNoFit.New(s.didNotFit))
			}
			if s.outranked > 0 {
				reasons = append(reasons, msgUnusedOutranked.New(s.outranked))
			}
		}
		out = append(out, Unused{Offer: s.o.ID, Offerer: s.o.Offerer.Name, Reasons: reasons})
	}
	return out
}
