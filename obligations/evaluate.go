package obligations

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
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
	// one-off or periodic duty never evidenced, or a trigger date not
	// given): treat as due now.
	StatusMissing
	// StatusDueSoon: due within the due-soon window (not yet met for the
	// current cycle).
	StatusDueSoon
	// StatusPending: due later than the window, not yet done.
	StatusPending
	// StatusMet: evidence covers the duty on the as-of date.
	StatusMet
	// StatusOnTrigger: an event-driven duty (incident reporting) with no
	// recorded event; nothing is due until one happens.
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
	// Incident is the incident ID for incident-triggered duties.
	Incident string `json:"incident,omitempty"`
	// Done is the day the duty was done; At optionally gives the time,
	// which hour deadlines compare against.
	Done      medsec.Date `json:"done"`
	At        time.Time   `json:"at,omitzero"`
	Reference string      `json:"reference,omitempty"`
}

// Options tune an evaluation.
type Options struct {
	// AsOf is the evaluation instant; its date (in its own location) is
	// the as-of date. Required.
	AsOf time.Time
	// DueSoonDays is the due-soon window in calendar days; 0 means 30.
	DueSoonDays int
	// Exclude lists duty IDs to leave out, e.g. the alternative reading
	// of a deadline you do not follow.
	Exclude []string
}

type reasonCode uint8

const (
	reasonJurisdiction reasonCode = iota
	reasonSystemLevel
	reasonInstitutionLevel
	reasonNIS2
	reasonCZ
)

// Item is one applicable duty bound to the institution or one system, with
// its status.
type Item struct {
	d *Duty
	// DutyID is the duty's ID.
	DutyID string
	// System is the bound system's ID, empty for the institution.
	System string
	// Incident is the incident's ID for incident-triggered duties.
	Incident string
	Status   Status
	// Due is the due date (zero if none can be computed); DueAt is the
	// exact deadline for hour deadlines.
	Due   medsec.Date
	DueAt time.Time
	// Note says how the due date was computed when it does not simply run
	// from the trigger: a NIS2 final report whose incident notification
	// has not been submitted yet runs from detection. Zero otherwise.
	Note medsec.Message
	// Done and Reference come from the latest evidence; Late is set when
	// that evidence came after the due date.
	Done      medsec.Date
	Reference string
	Late      bool

	di     int32 // duty index in the catalog
	si     int32 // system index in the profile, -1 for the institution
	ii     int32 // incident index, -1 if none
	reason reasonCode
	level  uint8
	scheme grading.Scheme
	via    string // system that made an institution duty apply
}

// Duty returns a copy of the item's duty.
func (it *Item) Duty() Duty { return *cloneDuty(it.duty()) }

// Title returns the duty's title.
func (it *Item) Title() medsec.Message { return it.duty().Title }

// Citations returns the duty's citations (a copy).
func (it *Item) Citations() []medsec.Citation { return slices.Clone(it.duty().Citations) }

// Confidence returns the duty's confidence.
func (it *Item) Confidence() medsec.Confidence { return it.duty().Confidence }

// Reason explains why the duty applies.
func (it *Item) Reason() medsec.Message {
	var m medsec.Message
	switch it.reason {
	case reasonSystemLevel:
		m = levelReason(msgReasonSystemLevel, msgReasonSystemLevelRange, msgReasonSystemLevelOnly, it.System, it)
	case reasonInstitutionLevel:
		m = levelReason(msgReasonInstitutionLevel, msgReasonInstitutionLevelRange, msgReasonInstitutionLevelOnly, it.via, it)
	case reasonNIS2:
		m = msgReasonNIS2.New(classMessage(it.level))
	case reasonCZ:
		m = msgReasonCZ.New(regimeMessage(it.level))
	default:
		m = msgReasonJurisdiction.New(it.duty().Jurisdiction.Message())
	}
	for _, f := range it.duty().Applies.Flags {
		m = msgReasonFlag.New(m, f.Message())
	}
	return m
}

func levelReason(minT, rangeT, onlyT medsec.MessageTemplate, sys string, it *Item) medsec.Message {
	a := it.duty().Applies
	min := a.MinLevel
	if min == 0 {
		min = 1
	}
	if a.MaxLevel == min {
		return onlyT.New(sys, schemeMessage(it.scheme), int(it.level), min)
	}
	if a.MaxLevel > 0 {
		return rangeT.New(sys, schemeMessage(it.scheme), int(it.level), min, a.MaxLevel)
	}
	return minT.New(sys, schemeMessage(it.scheme), int(it.level), min)
}

// Binding is an applicable duty with the reason it applies.
type Binding struct {
	DutyID string
	// System is the bound system's ID; empty for the institution.
	System string
	Reason medsec.Message
}

// Applicable returns the duties of c that apply to p on the date asOf, in
// duty-ID order and, within a duty, in the profile's system order. Each
// binding carries its reason.
func (c *Catalog) Applicable(p *Profile, asOf medsec.Date) ([]Binding, error) {
	ev := getEvaluator(c)
	defer putEvaluator(ev)
	clear(ev.sysIdx)
	if err := p.validate(ev.sysIdx); err != nil {
		return nil, err
	}
	ev.bind(p, asOf, nil, false)
	out := make([]Binding, len(ev.items))
	for i := range ev.items {
		it := &ev.items[i]
		out[i] = Binding{DutyID: it.DutyID, System: it.System, Reason: it.Reason()}
	}
	return out, nil
}

type evKey struct {
	duty int32
	sys  int32
	inc  int32
}

type evAgg struct {
	done medsec.Date
	at   time.Time
	ref  string
}

// evaluator holds reusable buffers; one per goroutine.
type evaluator struct {
	c       *Catalog
	items   []Item
	ev      map[evKey]evAgg
	sysIdx  map[string]int32
	incIdx  map[string]int32
	exclude []bool
	order   []int32
}

var evaluators sync.Pool

// getEvaluator returns a pooled evaluator for c.
func getEvaluator(c *Catalog) *evaluator {
	if e, ok := evaluators.Get().(*evaluator); ok && e.c == c {
		return e
	}
	return newEvaluator(c)
}

// putEvaluator drops references to the caller's data and pools e.
func putEvaluator(e *evaluator) {
	clear(e.items)
	e.items = e.items[:0]
	clear(e.ev)
	clear(e.sysIdx)
	clear(e.incIdx)
	evaluators.Put(e)
}

func newEvaluator(c *Catalog) *evaluator {
	return &evaluator{c: c, ev: map[evKey]evAgg{}, sysIdx: map[string]int32{}, incIdx: map[string]int32{}}
}

// bind collects the applicable duties into e.items. A duty bound to an
// event is judged by the rules in force on the event's day: an incident's
// reporting duties by the day it was detected, a duty that runs from a
// go-live, a transfer abroad, a holiday or a grading decision by that
// event's date when the profile gives it. Every other duty, and an
// event-bound duty whose event date is not known, is judged on asOf.
func (e *evaluator) bind(p *Profile, asOf medsec.Date, exclude []bool, withIncidents bool) {
	e.items = e.items[:0]
	in := &p.Institution
	var jur uint8
	for _, j := range in.Jurisdictions {
		jur |= jurBit(j)
	}
	instFlags := flagsOf(in.Flags)
	anyFlags := instFlags
	for i := range p.Systems {
		anyFlags |= flagsOf(p.Systems[i].Flags)
	}
	for di, d := range e.c.duties {
		cp := &e.c.comp[di]
		if jur&jurBit(d.Jurisdiction) == 0 || (exclude != nil && exclude[di]) {
			continue
		}
		trig := d.Recurrence.Trigger
		reason, lvl := reasonJurisdiction, uint8(0)
		if cp.classes != 0 {
			if cp.classes&(1<<in.NIS2) == 0 || in.NIS2 == 0 {
				continue
			}
			reason, lvl = reasonNIS2, uint8(in.NIS2)
		}
		if cp.regimes != 0 {
			if cp.regimes&(1<<in.CZ) == 0 || in.CZ == 0 {
				continue
			}
			reason, lvl = reasonCZ, uint8(in.CZ)
		}
		base := Item{d: d, DutyID: d.ID, reason: reason, level: lvl, scheme: cp.scheme, di: int32(di), si: -1, ii: -1}
		if d.Applies.Scope == ScopeSystem {
			for si := range p.Systems {
				s := &p.Systems[si]
				l := levelOf(s, cp.scheme)
				fl := instFlags | flagsOf(s.Flags)
				if l == 0 || l < cp.min || (cp.max > 0 && l > cp.max) || fl&cp.flags != cp.flags || fl&cp.notFlags != 0 {
					continue
				}
				if !cp.period.Contains(eventDay(trig, s, in, asOf)) {
					continue
				}
				it := base
				it.System, it.reason, it.level, it.si = s.ID, reasonSystemLevel, l, int32(si)
				e.items = append(e.items, it)
			}
			continue
		}
		if anyFlags&cp.flags != cp.flags || anyFlags&cp.notFlags != 0 {
			continue
		}
		if !trig.isIncident() && !cp.period.Contains(eventDay(trig, nil, in, asOf)) {
			continue
		}
		if cp.scheme == grading.SchemeMLPS || cp.scheme == grading.SchemeVN {
			found := false
			for si := range p.Systems {
				s := &p.Systems[si]
				if l := levelOf(s, cp.scheme); l != 0 && l >= cp.min && (cp.max == 0 || l <= cp.max) {
					base.reason, base.level, base.via, found = reasonInstitutionLevel, l, s.ID, true
					break
				}
			}
			if !found {
				continue
			}
		}
		if trig.isIncident() {
			n := 0
			for ii := range p.Incidents {
				inc := &p.Incidents[ii]
				if withIncidents && inc.meets(d.Applies.Incident) && cp.period.Contains(medsec.DateOf(inc.Detected)) {
					it := base
					it.Incident, it.ii = inc.ID, int32(ii)
					e.items = append(e.items, it)
					n++
				}
			}
			// With no incident bound, the duty waits for one under the
			// rules in force today.
			if n > 0 || !cp.period.Contains(asOf) {
				continue
			}
		}
		e.items = append(e.items, base)
	}
}

// eventDay returns the day by whose rules a duty that runs from trigger t
// is judged: the event's date from the system (when given) or the
// institution, or asOf when the duty has no trigger or the date is not
// known. Incident triggers are handled by the caller.
func eventDay(t Trigger, sys *System, in *Institution, asOf medsec.Date) medsec.Date {
	if t == TriggerUnknown || t.isIncident() {
		return asOf
	}
	if sys != nil {
		if d, ok := sys.Triggers[t]; ok {
			return d
		}
	}
	if d, ok := in.Triggers[t]; ok {
		return d
	}
	return asOf
}

func jurBit(j medsec.Jurisdiction) uint8 {
	switch j {
	case medsec.CN:
		return 1
	case medsec.VN:
		return 2
	case medsec.CZ:
		return 4
	case medsec.EU:
		return 8
	}
	return 0
}

func (e *evaluator) prepare(p *Profile, evidence []Evidence, opts *Options) error {
	clear(e.incIdx)
	clear(e.ev)
	for i := range p.Incidents {
		e.incIdx[p.Incidents[i].ID] = int32(i)
	}
	var errs medsec.FieldErrors
	for i := range evidence {
		x := &evidence[i]
		di, ok := e.c.byID[x.Duty]
		if !ok {
			errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/duty", i), Rule: "exists", Value: x.Duty, Message: msgErrUnknownDuty.New(x.Duty)})
			continue
		}
		k := evKey{duty: int32(di), sys: -1, inc: -1}
		d := e.c.duties[di]
		if sysScope := d.Applies.Scope == ScopeSystem; sysScope != (x.System != "") {
			errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/system", i), Rule: "scope", Value: x.System, Message: msgErrEvidenceScope.New(x.Duty, d.Applies.Scope.String())})
			continue
		}
		if isInc := d.Recurrence.Trigger.isIncident(); isInc != (x.Incident != "") {
			errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/incident", i), Rule: "incident", Value: x.Incident, Message: msgErrEvidenceIncident.New(x.Duty)})
			continue
		}
		if x.System != "" {
			si, ok := e.sysIdx[x.System]
			if !ok {
				errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/system", i), Rule: "exists", Value: x.System, Message: msgErrUnknownSystem.New(x.System)})
				continue
			}
			k.sys = si
		}
		if x.Incident != "" {
			ii, ok := e.incIdx[x.Incident]
			if !ok {
				errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/incident", i), Rule: "exists", Value: x.Incident, Message: msgErrUnknownIncident.New(x.Incident)})
				continue
			}
			k.inc = ii
		}
		if !x.Done.Valid() {
			errs = append(errs, &medsec.FieldError{Path: pathf("/evidence/%d/done", i), Rule: "date", Value: x.Done.String(), Message: msgErrRequired.New("evidence.done")})
			continue
		}
		if old, ok := e.ev[k]; !ok || x.Done.After(old.done) || (x.Done == old.done && x.At.After(old.at)) {
			e.ev[k] = evAgg{done: x.Done, at: x.At, ref: x.Reference}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("obligations: invalid evidence: %w", fielderr.Cap(errs))
	}
	if len(opts.Exclude) > 0 {
		if cap(e.exclude) < len(e.c.duties) {
			e.exclude = make([]bool, len(e.c.duties))
		}
		e.exclude = e.exclude[:len(e.c.duties)]
		clear(e.exclude)
		for _, id := range opts.Exclude {
			if di, ok := e.c.byID[id]; ok {
				e.exclude[di] = true
			}
		}
	} else {
		e.exclude = e.exclude[:0]
	}
	return nil
}

// run validates the profile, evidence and options and evaluates every
// applicable duty into e.items (unsorted).
func (e *evaluator) run(p *Profile, evidence []Evidence, opts *Options) error {
	clear(e.sysIdx)
	if err := p.validate(e.sysIdx); err != nil {
		return err
	}
	if opts.AsOf.IsZero() {
		return fmt.Errorf("obligations: invalid options: %w", &medsec.FieldError{Path: "AsOf", Rule: "required", Message: msgErrRequired.New("Options.AsOf")})
	}
	if err := e.prepare(p, evidence, opts); err != nil {
		return err
	}
	asOf := medsec.DateOf(opts.AsOf)
	window := opts.DueSoonDays
	if window <= 0 {
		window = 30
	}
	soon := medsec.Span{N: window, Unit: medsec.Days}.LastDay(asOf)
	var excl []bool
	if len(e.exclude) > 0 {
		excl = e.exclude
	}
	e.bind(p, asOf, excl, true)
	for i := range e.items {
		e.status(&e.items[i], p, asOf, soon, opts.AsOf)
	}
	return nil
}

func (e *evaluator) status(it *Item, p *Profile, asOf, soon medsec.Date, now time.Time) {
	d := it.d
	k := evKey{duty: it.di, sys: it.si, inc: it.ii}
	var sys *System
	if it.si >= 0 {
		sys = &p.Systems[it.si]
	}
	var inc *Incident
	if it.ii >= 0 {
		inc = &p.Incidents[it.ii]
	}
	agg, have := e.ev[k]
	if alt := e.c.comp[it.di].alt; alt >= 0 {
		// Evidence of the alternative reading is evidence of the same act.
		if o, ok := e.ev[evKey{duty: int32(alt), sys: it.si, inc: it.ii}]; ok && (!have || o.done.After(agg.done)) {
			agg, have = o, true
		}
	}
	if have {
		it.Done, it.Reference = agg.done, agg.ref
	}
	r := d.Recurrence
	switch r.Kind {
	case Once, Continuous:
		if have {
			it.Status = StatusMet
		} else {
			it.Status = StatusMissing
		}
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
	}
	// Triggered duties.
	var trigDate medsec.Date
	var trigAt time.Time
	if r.Trigger.isIncident() {
		if inc == nil {
			it.Status = StatusOnTrigger
			return
		}
		switch r.Trigger {
		case TriggerIncident:
			trigAt = inc.Detected
		case TriggerIncidentNotification:
			trigAt = inc.Notified
			if trigAt.IsZero() {
				// Not submitted yet: run from detection, the earliest
				// moment a notification could exist, so that the due date
				// is never later than the legal one; the note says so.
				trigAt = inc.Detected
				it.Note = msgNoteFromDetection.New()
			}
		case TriggerResponseEnd:
			trigAt = inc.ResponseEnd
		}
		if trigAt.IsZero() {
			it.Status = StatusPending
			return
		}
		// All of an incident's days are read where it was detected.
		trigAt = trigAt.In(inc.Detected.Location())
		trigDate = medsec.DateOf(trigAt)
	} else {
		ok := false
		if sys != nil {
			trigDate, ok = sys.Triggers[r.Trigger]
		}
		if !ok {
			trigDate, ok = p.Institution.Triggers[r.Trigger]
		}
		if !ok {
			if have {
				it.Status = StatusMet
			} else {
				it.Status = StatusMissing
			}
			return
		}
	}
	it.Due, it.DueAt = r.dueFrom(trigDate, trigAt)
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

func dateStatus(due, asOf, soon medsec.Date) Status {
	switch {
	case asOf.After(due):
		return StatusOverdue
	case !due.After(soon):
		return StatusDueSoon
	}
	return StatusPending
}

// order computes e.order: item indices by status (most urgent first), then
// due date (earliest first, unknown last), keeping duty-ID and system
// order for ties. It buckets by status in linear time and sorts only
// buckets whose due dates are out of order, moving indices, not items.
func (e *evaluator) sortOrder() {
	var start [statusCount + 1]int
	for i := range e.items {
		start[e.items[i].Status+1]++
	}
	for s := 1; s <= int(statusCount); s++ {
		start[s] += start[s-1]
	}
	bounds := start
	if cap(e.order) < len(e.items) {
		e.order = make([]int32, len(e.items))
	}
	e.order = e.order[:len(e.items)]
	for i := range e.items {
		s := e.items[i].Status
		e.order[start[s]] = int32(i)
		start[s]++
	}
	cmp := func(a, b int32) int { return cmpDue(&e.items[a], &e.items[b]) }
	for s := 0; s < int(statusCount); s++ {
		b := e.order[bounds[s]:bounds[s+1]]
		if !slices.IsSortedFunc(b, cmp) {
			slices.SortStableFunc(b, cmp)
		}
	}
}

// sorted returns the items in urgency order in a new slice of exact size.
func (e *evaluator) sorted() []Item {
	e.sortOrder()
	out := make([]Item, len(e.items))
	for i, j := range e.order {
		out[i] = e.items[j]
	}
	return out
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
