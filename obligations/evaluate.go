package obligations

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/reportjson"
)

// Status is where an applicable duty stands on the as-of date. The order
// of the constants is the order of urgency used by reports.
type Status uint8

// Statuses, most urgent first.
const (
	StatusUnknown Status = iota
	// StatusOverdue: the due date has passed without evidence.
	StatusOverdue
	// StatusMissing: no evidence, and no due date can be computed (a
	// one-off or periodic duty never evidenced, or the date of an event
	// that is expected to have happened not given): treat as due now.
	StatusMissing
	// StatusDueSoon: due within the due-soon window (not yet met for the
	// current cycle).
	StatusDueSoon
	// StatusPending: due later than the window, not yet done.
	StatusPending
	// StatusMet: evidence covers the duty on the as-of date.
	StatusMet
	// StatusOnTrigger: an event-driven duty with no recorded event:
	// incident reporting with no incident, or a duty that runs from an
	// occasional event ([medsec.EventInfo.Occasional], such as an
	// authority's request) whose date the profile does not give. Nothing
	// is due until the event happens.
	StatusOnTrigger
	statusCount
)

var statusNames = names{"", "overdue", "missing", "due-soon", "pending", "met", "on-trigger"}

// String returns the text form, e.g. "due-soon".
func (s Status) String() string { return statusNames.String(uint8(s), "Status") }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) {
	return statusNames.Marshal("obligations", uint8(s), "status")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error {
	v, err := statusNames.Parse("obligations", b, "status")
	*s = Status(v)
	return err
}

// Message returns the status name as a translatable message.
func (s Status) Message() medsec.Message {
	if s > 0 && s < statusCount {
		return msgStatus[s].New()
	}
	return msgStatus[0].New()
}

// Evidence records that a duty was done.
type Evidence struct {
	// Duty is the duty ID.
	Duty string `json:"duty"`
	// System is the system ID for system-scope duties; empty for the
	// institution.
	System string `json:"system,omitempty"`
	// Incident is the incident ID for duties that report an incident.
	Incident string `json:"incident,omitempty"`
	// Done is the day the duty was done; At optionally gives the time,
	// which hour deadlines compare against.
	Done medsec.Date `json:"done"`
	At   time.Time   `json:"at,omitzero"`
	// Reference points to the record, e.g. a file number.
	Reference string `json:"reference,omitempty"`
}

// Options tune an evaluation. In JSON (as errors name them) the fields are
// asOf, now, dueSoonDays and exclude.
type Options struct {
	// AsOf is the day whose law applies and against which due dates are
	// judged. Required: a zero AsOf is an error.
	AsOf medsec.Date `json:"asOf"`
	// Now is the instant against which hour deadlines (incident reports)
	// are judged. When zero it is the end of the as-of day in UTC
	// (23:59:59.999999999 UTC): a report due at any time that day is not
	// yet overdue. Set it to judge hour deadlines at the moment of the
	// evaluation.
	Now time.Time `json:"now,omitzero"`
	// DueSoonDays is the due-soon window in calendar days; 0 means 30.
	DueSoonDays int `json:"dueSoonDays,omitempty"`
	// Exclude lists duty IDs to leave out, e.g. the alternative reading
	// of a deadline you do not follow.
	Exclude []string `json:"exclude,omitempty"`
	// Mappings, when set, credits evidence across its mappings (for
	// example [Catalog.Mappings]): evidence for a duty that is equal to,
	// or a superset of, an applicable duty meets that duty, judged
	// against its own deadline with the evidence's date, and the item
	// says so in [Item.Credit]; evidence for a duty that is a subset of,
	// or intersects with, an applicable duty covers it only partly: the
	// item keeps the status its own evidence gives and [Item.Credit] says
	// what covers part of it. Mappings are not chained. Nil credits
	// nothing.
	Mappings *Mappings `json:"-"`
}

type reasonCode uint8

const (
	reasonJurisdiction reasonCode = iota
	reasonSystemLevel
	reasonInstitutionLevel
	reasonNIS2
	reasonCZ
	reasonRecorded // read from a report: Item.recorded
)

// Item is one applicable duty bound to the institution or one system, with
// its status.
type Item struct {
	e *entry
	// DutyID is the duty's ID.
	DutyID string
	// System is the bound system's ID, empty for the institution.
	System string
	// Incident is the incident's ID for duties that report an incident.
	Incident string
	// Status is where the duty stands on the as-of date.
	Status Status
	// Due is the due date (zero if none can be computed); DueAt is the
	// exact deadline for hour deadlines and reports due at once.
	Due   medsec.Date
	DueAt time.Time
	// Note says how the due date was computed when it does not simply run
	// from the trigger: a report that runs from an incident notification
	// not submitted yet runs from detection. Zero otherwise.
	Note medsec.Message
	// Done and Reference come from the latest evidence; Late is set when
	// that evidence came after the due date.
	Done      medsec.Date
	Reference string
	Late      bool
	// Credit is set when evidence for another duty counts through a
	// mapping ([Options.Mappings]): with [CoverageFull] the item's
	// evidence (Done, Reference) is that duty's; with [CoveragePartial]
	// it covers part of the item, which keeps the status of its own
	// evidence and is never met by it. Zero otherwise.
	Credit Credit

	sys    int // system index in the profile, -1 for the institution
	inc    int // incident index, -1 if none
	reason reasonCode
	level  int
	scheme grading.Scheme
	via    string // system that made an institution duty apply
	// recorded is the reason a decoded report recorded.
	recorded *medsec.Message
}

// Credit says that evidence for another duty counts for an item through a
// mapping (see [Options.Mappings]).
type Credit struct {
	// From is the duty whose evidence counts.
	From string
	// Set is the ID of the mapping set that states the pair.
	Set string
	// Relationship is that of From to the item's duty.
	Relationship Relationship
	// Coverage is CoverageFull (the evidence meets the duty, judged
	// against the duty's own deadline) or CoveragePartial (it covers part
	// of the duty, which it does not meet).
	Coverage Coverage
	// Confidence is the mapping's.
	Confidence medsec.Confidence
	// Done and Reference are those of the credited evidence.
	Done      medsec.Date
	Reference string
}

// IsZero reports whether c credits nothing.
func (c Credit) IsZero() bool { return c == Credit{} }

// Message returns what the credit means as a translatable message: "via
// mapping from X (equal to this duty; mapping set S, confidence C)", or
// "partly covered via mapping from X (...), not met". The zero Credit
// gives the zero Message.
func (c Credit) Message() medsec.Message {
	switch c.Coverage {
	case CoverageFull:
		return msgCreditFull.New(c.From, c.Relationship.Message(), c.Set, c.Confidence.Message())
	case CoveragePartial:
		return msgCreditPartial.New(c.From, c.Relationship.Message(), c.Set, c.Confidence.Message())
	}
	return medsec.Message{}
}

// Duty returns a copy of the item's duty.
func (it *Item) Duty() Duty { return cloneDuty(it.entry().duty) }

// Title returns the duty's title.
func (it *Item) Title() medsec.Message { return it.entry().duty.Title }

// Citations returns the duty's citations (a copy).
func (it *Item) Citations() []medsec.Citation { return slices.Clone(it.entry().duty.Citations) }

// Confidence returns the duty's confidence.
func (it *Item) Confidence() medsec.Confidence { return it.entry().duty.Confidence }

// Reason explains why the duty applies.
func (it *Item) Reason() medsec.Message {
	if it.reason == reasonRecorded && it.recorded != nil {
		return cloneMessage(*it.recorded)
	}
	b := it.base()
	m := b.message()
	for _, f := range it.entry().flagNames {
		m = msgReasonFlag.New(m, f)
	}
	return m
}

// A reasonBase is the message of an item's reason before the flags that
// [Item.Reason] adds to it: a template and its arguments, held without
// allocating, so that reports write reasons without building them.
type reasonBase struct {
	t *reasonTmpl
	// sys is the system of a level reason; level reasons have the
	// arguments sys, name, then the first n of ints (level, minimum,
	// maximum); the others have name only.
	sys   string
	name  medsec.Message
	nameQ *reportjson.Quoted // name escaped for JSON, when known
	ints  [3]int
	n     int
	level bool
}

// base returns the item's reason before its flags.
func (it *Item) base() reasonBase {
	e := it.entry()
	switch it.reason {
	case reasonSystemLevel, reasonInstitutionLevel:
		minT, rangeT, onlyT, sys := &msgReasonSystemLevel, &msgReasonSystemLevelRange, &msgReasonSystemLevelOnly, it.System
		if it.reason == reasonInstitutionLevel {
			minT, rangeT, onlyT, sys = &msgReasonInstitutionLevel, &msgReasonInstitutionLevelRange, &msgReasonInstitutionLevelOnly, it.via
		}
		a := &e.duty.Applies
		b := reasonBase{t: minT, sys: sys, name: schemeMessage(it.scheme), ints: [3]int{it.level, max(a.MinLevel, 1), a.MaxLevel}, n: 2, level: true}
		switch {
		case a.MaxLevel == b.ints[1]:
			b.t = onlyT
		case a.MaxLevel > 0:
			b.t, b.n = rangeT, 3
		}
		return b
	case reasonNIS2:
		return reasonBase{t: &msgReasonNIS2, name: classMessage(grading.EntityClass(it.level))}
	case reasonCZ:
		return reasonBase{t: &msgReasonCZ, name: regimeMessage(grading.CZRegime(it.level))}
	}
	if e.jurName.IsZero() {
		return reasonBase{t: &msgReasonJurisdiction, name: e.duty.Jurisdiction.Message()}
	}
	return reasonBase{t: &msgReasonJurisdiction, name: e.jurName}
}

// message returns the reason as a message.
func (b *reasonBase) message() medsec.Message {
	if !b.level {
		return b.t.New(b.name)
	}
	args := make([]any, 2+b.n)
	args[0], args[1] = b.sys, b.name
	for i := range b.n {
		args[2+i] = b.ints[i]
	}
	return b.t.New(args...)
}

// Binding is an applicable duty with the reason it applies.
type Binding struct {
	// DutyID is the duty's ID.
	DutyID string
	// System is the bound system's ID; empty for the institution.
	System string
	// Reason says why the duty applies.
	Reason medsec.Message
}

// Applicable returns the duties of c that apply to p on the day asOf, in
// duty-ID order and, within a duty, in the profile's system order. Each
// binding carries its reason. A duty that reports an incident is listed
// once, waiting for an incident: the incidents of p are not bound (see
// [Catalog.GapReport]).
func (c *Catalog) Applicable(p *Profile, asOf medsec.Date) ([]Binding, error) {
	if c == nil {
		c = &Catalog{}
	}
	if err := p.Validate(c.Registry()); err != nil {
		return nil, err
	}
	if !asOf.Valid() {
		return nil, fmt.Errorf("obligations: invalid options: %w", asOfError(asOf))
	}
	ev := &evaluator{c: c, p: p}
	ev.bind(asOf, nil, false)
	out := make([]Binding, len(ev.items))
	for i := range ev.items {
		it := &ev.items[i]
		out[i] = Binding{DutyID: it.DutyID, System: it.System, Reason: it.Reason()}
	}
	return out, nil
}

func asOfError(d medsec.Date) *medsec.FieldError {
	if d.IsZero() {
		return &medsec.FieldError{Path: "/asOf", Rule: "required", Message: msgErrAsOfMissing.New()}
	}
	return &medsec.FieldError{Path: "/asOf", Rule: "date", Value: d.String(), Message: msgErrAsOf.New(d.String())}
}

// evKey identifies what a piece of evidence is for: a duty, for a system
// (-1: the institution) and an incident (-1: none).
type evKey struct {
	duty     *entry
	sys, inc int
}

// evAgg is the latest evidence for one key.
type evAgg struct {
	done medsec.Date
	at   time.Time
	ref  string
}

// evaluator evaluates one profile against a catalog.
type evaluator struct {
	c     *Catalog
	p     *Profile
	items []Item
	ev    map[evKey]evAgg
	keys  []uint64 // the sort keys of sort
	// maps credits evidence across mappings; nil for none.
	maps *Mappings
}

// bind collects the applicable duties into e.items. A duty bound to an
// event is judged by the rules in force on the event's day: an incident's
// reporting duties by the day it was detected, a duty that runs from a
// go-live, a transfer abroad, a holiday or a grading decision by that
// event's date when the profile gives it. Every other duty, and an
// event-bound duty whose event date is not known, is judged on asOf.
func (e *evaluator) bind(asOf medsec.Date, exclude map[string]bool, withIncidents bool) {
	in := &e.p.Institution
	// A portfolio evaluates one institution after another with the same
	// evaluator, and reuses its items.
	if n := e.bound(); cap(e.items) < n {
		e.items = make([]Item, 0, n)
	} else {
		clear(e.items[:cap(e.items)])
		e.items = e.items[:0]
	}
	// anyFlags are the flags of the institution and of any of its systems.
	var anyFlags []medsec.Flag
	anyFlags = append(anyFlags, in.Flags...)
	for i := range in.Systems {
		anyFlags = append(anyFlags, in.Systems[i].Flags...)
	}
	for _, en := range e.c.entries {
		d := en.duty
		if !slices.Contains(in.Jurisdictions, d.Jurisdiction) || exclude[d.ID] {
			continue
		}
		a := &d.Applies
		base := Item{e: en, DutyID: d.ID, reason: reasonJurisdiction, scheme: a.Scheme, sys: -1, inc: -1}
		if len(a.EntityClasses) > 0 {
			if !slices.Contains(a.EntityClasses, in.NIS2) {
				continue
			}
			base.reason, base.level = reasonNIS2, int(in.NIS2)
		}
		if len(a.CZRegimes) > 0 {
			if !slices.Contains(a.CZRegimes, in.CZ) {
				continue
			}
			base.reason, base.level = reasonCZ, int(in.CZ)
		}
		if a.Scope == ScopeSystem {
			for si := range in.Systems {
				s := &in.Systems[si]
				l := levelOf(s, a.Scheme)
				if l == 0 || !within(l, a.MinLevel, a.MaxLevel) || !flagsHold(a, func(f medsec.Flag) bool { return in.HasFlag(f, s) }) {
					continue
				}
				if !en.period.Contains(eventDay(d.Recurrence.Trigger, s, in, asOf)) {
					continue
				}
				it := base
				it.System, it.reason, it.level, it.sys = s.ID, reasonSystemLevel, l, si
				e.items = append(e.items, it)
			}
			continue
		}
		if !flagsHold(a, func(f medsec.Flag) bool { return slices.Contains(anyFlags, f) }) {
			continue
		}
		if en.rule == nil && !en.period.Contains(eventDay(d.Recurrence.Trigger, nil, in, asOf)) {
			continue
		}
		if levelled(a.Scheme) {
			found := false
			for si := range in.Systems {
				s := &in.Systems[si]
				if l := levelOf(s, a.Scheme); l != 0 && within(l, a.MinLevel, a.MaxLevel) {
					base.reason, base.level, base.via, found = reasonInstitutionLevel, l, s.ID, true
					break
				}
			}
			if !found {
				continue
			}
		}
		if en.rule != nil {
			n := 0
			if withIncidents {
				for ii := range e.p.Incidents {
					inc := &e.p.Incidents[ii]
					// The rule's conditions on the entity are the duty's
					// own (Applies); here only the incident's marks count:
					// those the rule names, and none it excludes.
					marks := medsec.IncidentCondition{Incident: en.rule.When.Incident, NotIncident: en.rule.When.NotIncident}
					if marks.Holds(medsec.IncidentFacts{Marks: inc.Marks()}) && en.period.Contains(medsec.DateOf(inc.Detected)) {
						it := base
						it.Incident, it.inc = inc.ID, ii
						e.items = append(e.items, it)
						n++
					}
				}
			}
			// With no incident bound, the duty waits for one under the
			// rules in force today.
			if n > 0 || !en.period.Contains(asOf) {
				continue
			}
		}
		e.items = append(e.items, base)
	}
}

// bound returns an upper bound of the number of items bind makes, so
// that they are allocated once: for each duty of the institution's
// jurisdictions, one for the institution and each incident, or one per
// system graded within the duty's levels.
func (e *evaluator) bound() int {
	in := &e.p.Institution
	n := 0
	for _, en := range e.c.entries {
		if !slices.Contains(in.Jurisdictions, en.duty.Jurisdiction) {
			continue
		}
		a := &en.duty.Applies
		if a.Scope != ScopeSystem {
			n += 1 + len(e.p.Incidents)
			continue
		}
		for i := range in.Systems {
			if l := levelOf(&in.Systems[i], a.Scheme); l != 0 && within(l, a.MinLevel, a.MaxLevel) {
				n++
			}
		}
	}
	return n
}

// flagsHold reports whether has holds for every flag of a.Flags and for
// none of a.NotFlags.
func flagsHold(a *Applicability, has func(medsec.Flag) bool) bool {
	for _, f := range a.Flags {
		if !has(f) {
			return false
		}
	}
	for _, f := range a.NotFlags {
		if has(f) {
			return false
		}
	}
	return true
}

// eventDay returns the day by whose rules a duty that runs from event t
// is judged: the event's date from the system (when given) or the
// institution, or asOf when the duty has no trigger or the date is not
// known.
func eventDay(t medsec.Event, sys *grading.System, in *grading.Institution, asOf medsec.Date) medsec.Date {
	if t == "" {
		return asOf
	}
	if d, ok := eventDate(t, sys, in); ok {
		return d
	}
	return asOf
}

// eventDate returns the date of event t: the system's when it gives one,
// else the institution's.
func eventDate(t medsec.Event, sys *grading.System, in *grading.Institution) (medsec.Date, bool) {
	if sys != nil {
		if d, ok := sys.Events[t]; ok {
			return d, true
		}
	}
	d, ok := in.Events[t]
	return d, ok
}

// prepare indexes the evidence by what it is for.
func (e *evaluator) prepare(evidence []Evidence) error {
	in := &e.p.Institution
	sysIdx := make(map[string]int, len(in.Systems))
	for i := range in.Systems {
		sysIdx[in.Systems[i].ID] = i
	}
	incIdx := make(map[string]int, len(e.p.Incidents))
	for i := range e.p.Incidents {
		incIdx[e.p.Incidents[i].ID] = i
	}
	if e.ev == nil {
		e.ev = make(map[evKey]evAgg, len(evidence))
	}
	clear(e.ev)
	var errs fielderr.List
	for i := range evidence {
		x := &evidence[i]
		bad := func(field, rule, value string, m medsec.Message) {
			errs.Add(&medsec.FieldError{Path: fmt.Sprintf("/evidence/%d%s", i, field), Rule: rule, Value: clip(value), Message: m})
		}
		en, ok := e.c.byID[x.Duty]
		if !ok {
			m := msgErrUnknownDuty.New(clip(x.Duty))
			if !errs.Full() { // the closest IDs cost time: only for errors shown
				m = e.c.unknownDuty(x.Duty)
			}
			bad("/duty", "exists", x.Duty, m)
			continue
		}
		d := en.duty
		k := evKey{duty: en, sys: -1, inc: -1}
		if sysScope := d.Applies.Scope == ScopeSystem; sysScope != (x.System != "") {
			bad("/system", "scope", x.System, msgErrEvidenceScope.New(x.Duty, d.Applies.Scope.String()))
			continue
		}
		if (en.rule != nil) != (x.Incident != "") {
			bad("/incident", "incident", x.Incident, msgErrEvidenceIncident.New(x.Duty))
			continue
		}
		if x.System != "" {
			if k.sys, ok = sysIdx[x.System]; !ok {
				bad("/system", "exists", x.System, msgErrUnknownSystem.New(clip(x.System)))
				continue
			}
		}
		if x.Incident != "" {
			if k.inc, ok = incIdx[x.Incident]; !ok {
				bad("/incident", "exists", x.Incident, msgErrUnknownIncident.New(clip(x.Incident)))
				continue
			}
		}
		switch {
		case x.Done.IsZero():
			bad("/done", "required", "", msgErrRequired.New("done"))
			continue
		case !x.Done.Valid():
			bad("/done", "date", x.Done.String(), msgErrInvalidValue.New(x.Done.String(), "done"))
			continue
		}
		if old, ok := e.ev[k]; !ok || x.Done.After(old.done) || (x.Done == old.done && x.At.After(old.at)) {
			e.ev[k] = evAgg{done: x.Done, at: x.At, ref: x.Reference}
		}
	}
	if errs := errs.Errors(); errs != nil {
		return fmt.Errorf("obligations: invalid evidence: %w", errs)
	}
	return nil
}

// run validates the profile, evidence and options and evaluates every
// applicable duty into e.items (unsorted).
func (e *evaluator) run(evidence []Evidence, opts *Options) error {
	if err := e.p.Validate(e.c.Registry()); err != nil {
		return err
	}
	if !opts.AsOf.Valid() {
		return fmt.Errorf("obligations: invalid options: %w", asOfError(opts.AsOf))
	}
	if err := e.prepare(evidence); err != nil {
		return err
	}
	now := opts.Now
	if now.IsZero() {
		now = opts.AsOf.End(time.UTC)
	}
	window := opts.DueSoonDays
	if window <= 0 {
		window = 30
	}
	soon := medsec.Span{N: window, Unit: medsec.Days}.LastDay(opts.AsOf)
	var exclude map[string]bool
	if len(opts.Exclude) > 0 {
		exclude = make(map[string]bool, len(opts.Exclude))
		for _, id := range opts.Exclude {
			exclude[id] = true
		}
	}
	e.maps = opts.Mappings
	e.bind(opts.AsOf, exclude, true)
	for i := range e.items {
		e.status(&e.items[i], opts.AsOf, soon, now)
	}
	return nil
}

// status computes the status, due date and evidence of it.
func (e *evaluator) status(it *Item, asOf, soon medsec.Date, now time.Time) {
	en := it.e
	agg, have := e.ev[evKey{duty: en, sys: it.sys, inc: it.inc}]
	if en.alt != nil {
		// Evidence of the alternative reading is evidence of the same act.
		if o, ok := e.ev[evKey{duty: en.alt, sys: it.sys, inc: it.inc}]; ok && (!have || o.done.After(agg.done)) {
			agg, have = o, true
		}
	}
	var partial Credit
	if e.maps != nil {
		var full Credit
		full, partial = e.credits(it)
		if !full.IsZero() && (!have || full.Done.After(agg.done)) {
			k := evKey{duty: e.c.byID[full.From], sys: it.sys, inc: it.inc}
			agg, have = e.ev[k], true
			it.Credit = full
		}
	}
	if have {
		it.Done, it.Reference = agg.done, agg.ref
	}
	e.status1(it, have, agg, asOf, soon, now)
	if it.Status != StatusMet && it.Credit.IsZero() && !partial.IsZero() {
		it.Credit = partial
	}
}

// credits returns the evidence of other duties that counts for it through
// e.maps: full, the latest evidence of a duty equal to, or a superset of,
// it's duty for the same binding (the same system or the institution, and
// the same incident); partial, the latest evidence that covers part of it:
// of a duty that is a subset of it or intersects with it, or of a duty
// that would cover it fully but binds the institution where it binds a
// system or the other way round. Evidence for another system, or another
// incident, counts for nothing. Mappings are not chained.
func (e *evaluator) credits(it *Item) (full, partial Credit) {
	sys := it.sys >= 0
	for _, l := range e.maps.links[it.DutyID] {
		src, ok := e.c.byID[l.other]
		if !ok || src == it.e {
			continue
		}
		rel := l.rel.Inverse() // of the source to the item's duty
		cov := rel.Coverage()
		if cov != CoverageFull && cov != CoveragePartial {
			continue
		}
		srcSys := src.duty.Applies.Scope == ScopeSystem
		var agg evAgg
		found := false
		switch {
		case srcSys == sys:
			agg, found = e.ev[evKey{duty: src, sys: it.sys, inc: it.inc}]
		case srcSys:
			// The institution's duty, evidenced for one of its systems.
			for si := range e.p.Institution.Systems {
				if a, ok := e.ev[evKey{duty: src, sys: si, inc: it.inc}]; ok && (!found || a.done.After(agg.done)) {
					agg, found = a, true
				}
			}
			cov = CoveragePartial
		default:
			// A system's duty, evidenced for the institution.
			agg, found = e.ev[evKey{duty: src, sys: -1, inc: it.inc}]
			cov = CoveragePartial
		}
		if !found {
			continue
		}
		c := Credit{From: src.duty.ID, Set: l.set, Relationship: rel, Coverage: cov, Confidence: l.m.Confidence, Done: agg.done, Reference: agg.ref}
		best := &partial
		if cov == CoverageFull {
			best = &full
		}
		if best.IsZero() || c.Done.After(best.Done) {
			*best = c
		}
	}
	return full, partial
}

// status1 computes the status and due date of it from its evidence agg
// (have: there is some).
func (e *evaluator) status1(it *Item, have bool, agg evAgg, asOf, soon medsec.Date, now time.Time) {
	en := it.e
	r := en.duty.Recurrence
	switch r.Kind {
	case Once, Continuous:
		it.Status = doneOrMissing(have)
		return
	case Every:
		if !have {
			it.Status = StatusMissing
			return
		}
		it.Due = r.Span().LastDay(agg.done)
		it.Status = dateStatus(it.Due, asOf, soon)
		if it.Status == StatusPending {
			it.Status = StatusMet
		}
		return
	case FromIncidentRule:
		if it.inc < 0 {
			it.Status = StatusOnTrigger
			return
		}
		if !e.incidentDue(it, &e.p.Incidents[it.inc]) {
			it.Status = StatusPending
			return
		}
	default:
		var sys *grading.System
		if it.sys >= 0 {
			sys = &e.p.Institution.Systems[it.sys]
		}
		day, ok := eventDate(r.Trigger, sys, &e.p.Institution)
		if !ok {
			it.Status = doneOrMissing(have)
			if !have && en.occasional {
				// An event that may never happen: wait for it.
				it.Status = StatusOnTrigger
			}
			return
		}
		it.Due = r.dueFrom(day)
	}
	if have {
		it.Status = StatusMet
		if !it.DueAt.IsZero() && !agg.at.IsZero() {
			it.Late = agg.at.After(it.DueAt)
		} else {
			it.Late = agg.done.After(it.Due)
		}
		return
	}
	if !it.DueAt.IsZero() {
		// Hour deadlines compare instants, whatever the time zones.
		switch {
		case now.After(it.DueAt):
			it.Status = StatusOverdue
		case it.DueAt.Sub(now) <= soon.Time(time.UTC).Sub(asOf.Time(time.UTC)):
			it.Status = StatusDueSoon
		default:
			it.Status = StatusPending
		}
		return
	}
	it.Status = dateStatus(it.Due, asOf, soon)
}

// incidentDue sets the due date of an item that reports incident inc
// under its duty's incident rule, and reports whether there is one yet
// (the moment the rule runs from may not have come: the response has not
// ended). All of an incident's moments are read where it was detected.
// A period in hours, or none (at once), gives an instant (DueAt); a
// period in days, working days or months gives the last day (Due).
func (e *evaluator) incidentDue(it *Item, inc *Incident) bool {
	rule := it.e.rule
	loc := inc.Detected.Location()
	in := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.In(loc)
	}
	due, assumed := rule.Deadline(inc.Detected, in(inc.Notified), in(inc.ResponseEnd))
	if due.IsZero() {
		return false
	}
	if assumed {
		// A period of one month has a note that says so.
		it.Note = msgNoteFromDetectionPeriod.New()
		if rule.Within.Unit == medsec.Months && rule.Within.N == 1 {
			it.Note = msgNoteFromDetection.New()
		}
	}
	it.Due = medsec.DateOf(due)
	if rule.Within.IsZero() || rule.Within.Unit == medsec.Hours {
		it.DueAt = due
	}
	return true
}

func doneOrMissing(have bool) Status {
	if have {
		return StatusMet
	}
	return StatusMissing
}

func dateStatus(due, asOf, soon medsec.Date) Status {
	switch {
	case asOf.After(due):
		return StatusOverdue
	case !due.After(soon):
		return StatusDueSoon
	}
	return StatusPending
}

// sortItems orders items by status (most urgent first), then due date
// (earliest first, unknown last), then, for the same day, the exact
// deadline, keeping duty-ID and system order for ties (the index breaks
// them).
func sortItems(items []Item) { sortItemsWith(items, nil) }

// sort sorts e.items (see sortItems), reusing the memory of earlier
// sorts.
func (e *evaluator) sort() { e.keys = sortItemsWith(e.items, e.keys) }

// Sort keys: the status, the due day and the item's index packed into
// one integer, so that sorting compares integers in a flat slice instead
// of items scattered in memory (the sort was most of GapReport's time for
// large institutions), then each item moves once to its place.
const (
	keyIndexBits = 32
	keyDayBits   = 28
	keyIndex     = 1<<keyIndexBits - 1
	keyNoDay     = 1<<keyDayBits - 1 // an unknown due day sorts last
)

// sortItemsWith sorts items using keys, grown as needed, and returns
// keys for reuse.
func sortItemsWith(items []Item, keys []uint64) []uint64 {
	n := len(items)
	keys = slices.Grow(keys[:0], n)[:n]
	for i := range items {
		it := &items[i]
		day, ok := dayNumber(it.Due)
		if !ok || n > keyIndex {
			// A day out of the calendar's range: compare items.
			sortItemsSlow(items)
			return keys
		}
		keys[i] = uint64(it.Status)<<(keyDayBits+keyIndexBits) | uint64(day)<<keyIndexBits | uint64(i)
	}
	slices.Sort(keys)
	// Items due the same day keep their index order, unless one has an
	// exact deadline (an hour deadline): then the instants decide.
	for lo := 0; lo < n; {
		hi := lo + 1
		hasAt := !items[keys[lo]&keyIndex].DueAt.IsZero()
		for hi < n && keys[hi]>>keyIndexBits == keys[lo]>>keyIndexBits {
			hasAt = hasAt || !items[keys[hi]&keyIndex].DueAt.IsZero()
			hi++
		}
		if hasAt && hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], func(a, b uint64) int {
				return cmp.Or(items[a&keyIndex].DueAt.Compare(items[b&keyIndex].DueAt), cmp.Compare(a&keyIndex, b&keyIndex))
			})
		}
		lo = hi
	}
	// Item keys[i]&keyIndex goes to place i: follow each cycle of the
	// permutation, marking the places done.
	const done = math.MaxUint64
	for i := range keys {
		if keys[i] == done {
			continue
		}
		first, j := items[i], i
		for int(keys[j]&keyIndex) != i {
			k := int(keys[j] & keyIndex)
			items[j], keys[j] = items[k], done
			j = k
		}
		items[j], keys[j] = first, done
	}
	return keys
}

// dayNumber numbers the days from 0001-01-01 (day 1); the zero Date, an
// unknown due day, is keyNoDay. It reports false for a day it cannot
// number.
func dayNumber(d medsec.Date) (uint32, bool) {
	if d.IsZero() {
		return keyNoDay, true
	}
	if d.Year < 1 || d.Year > 9999 || !d.Valid() {
		return 0, false
	}
	// Days since the civil epoch (after H. Hinnant's days_from_civil),
	// counted from 0001-01-01.
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return uint32(era*146097 + doe - 306 + 1), true
}

// sortItemsSlow sorts items by comparing them, for days out of range.
func sortItemsSlow(items []Item) {
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &items[i], &items[j]
		return cmp.Or(cmp.Compare(a.Status, b.Status), cmpDue(a, b), cmp.Compare(i, j))
	})
	sorted := make([]Item, len(items))
	for i, k := range order {
		sorted[i] = items[k]
	}
	copy(items, sorted)
}

func cmpDue(a, b *Item) int {
	switch {
	case a.Due == b.Due:
		return a.DueAt.Compare(b.DueAt)
	case a.Due.IsZero():
		return 1
	case b.Due.IsZero():
		return -1
	}
	return a.Due.Compare(b.Due)
}
