package medsec

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/medsec-go/medsec/internal/enum"
	"github.com/medsec-go/medsec/internal/ident"
)

// An IncidentEvent is the moment from which an incident-reporting period
// runs.
type IncidentEvent uint8

// The events. The zero value is not valid.
const (
	IncidentEventUnknown IncidentEvent = iota
	// Detected: the incident was detected, or the entity became aware of
	// it.
	Detected
	// Notified: the incident notification (the report the rule's
	// predecessor asks for) was submitted.
	Notified
	// ResponseEnded: the response to the incident, or its handling, ended.
	ResponseEnded
)

var incidentEventNames = enum.Names{"unknown", "detected", "notified", "response-ended"}

// Valid reports whether e is a known event.
func (e IncidentEvent) Valid() bool { return e > 0 && int(e) < len(incidentEventNames) }

// String returns "detected", "notified" or "response-ended".
func (e IncidentEvent) String() string { return incidentEventNames.String(uint8(e), "IncidentEvent") }

// MarshalText implements [encoding.TextMarshaler].
func (e IncidentEvent) MarshalText() ([]byte, error) {
	return incidentEventNames.Marshal("medsec", uint8(e), "incident event")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *IncidentEvent) UnmarshalText(b []byte) error {
	v, err := incidentEventNames.Parse("medsec", b, "incident event")
	*e = IncidentEvent(v)
	return err
}

// An IncidentRule is one incident-reporting deadline: which report is due,
// within what period of which event, for which incidents and entities,
// under which provision. Packs state them in incidents.json, once: package
// obligations turns them into duties with due dates, package contracts
// compares a vendor's notice period with them, and package i18n prints
// them in incident reports.
type IncidentRule struct {
	// ID names the rule, e.g. "EU-NIS2-EARLY-WARNING-24H"; a duty of the
	// catalog that reports under the rule has the same ID.
	ID string `json:"id"`
	// Jurisdiction is the legal order whose rule it is.
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	// Report names the kind of report that meets the rule, e.g.
	// "nis2-early-warning" (a notice kind of package i18n where one
	// exists).
	Report string `json:"report"`
	// From is the event the period runs from.
	From IncidentEvent `json:"from"`
	// Within is the period. The zero Span means at once, without undue
	// delay: due at the event.
	Within Span `json:"within"`
	// When describes the incidents and the entities the rule is for.
	When IncidentCondition `json:"when"`
	// Title says what must be done, in English, e.g. "Send an early
	// warning of a significant incident within 24 hours".
	Title Message `json:"title"`
	// Step, when set, is how a notice names what the rule asks for: the
	// line of an incident report's deadline table ("early warning within
	// %d hours") or the task of a letter ("On any sign of attack, report
	// at once to ..."). Its verb, if it has one, receives the count of
	// Within. When zero, notices print Title.
	Step Message `json:"step,omitzero"`
	// Citations are the provisions that set the rule; they resolve in the
	// registry.
	Citations []Citation `json:"citations"`
	// Confidence says how well the rule is established, and Note what is
	// not verified and why.
	Confidence Confidence `json:"confidence"`
	Note       string     `json:"note,omitempty"`
	// InForce limits the rule to a period; when zero, the period of the
	// first citation's instrument applies. FromDate, when set, names a
	// [LegalDate] from which the rule applies instead of InForce.From.
	InForce  Period `json:"inForce,omitzero"`
	FromDate string `json:"fromDate,omitempty"`
}

// An IncidentCondition says which incidents and which entities an
// [IncidentRule] is for. Every stated part must hold.
type IncidentCondition struct {
	// Incident lists marks the incident must carry: "significant" (NIS2
	// art. 23(3); in the Czech lower regime, significant impact),
	// "cn-relatively-major" (graded 较大 or above), "beyond-capacity" (the
	// unit cannot handle it alone), "personal-data" (personal information
	// leaked, tampered with or lost), "affects-recipients" (likely to
	// affect adversely the services the entity provides to their
	// recipients, NIS2 art. 23(1)), "ongoing-at-final-report" (still being
	// handled when the final report falls due, NIS2 art. 23(4)(e): the
	// response had not ended one month after the notification). NotIncident
	// lists marks it must not carry.
	Incident    []string `json:"incident,omitempty"`
	NotIncident []string `json:"notIncident,omitempty"`
	// EntityClasses and CZRegimes list the NIS2 classes ("important",
	// "essential") and Czech regimes ("lower", "higher") the rule binds;
	// empty means any.
	EntityClasses []string `json:"entityClasses,omitempty"`
	CZRegimes     []string `json:"czRegimes,omitempty"`
	// Flags must all be set on the entity, NotFlags none of them.
	Flags    []Flag `json:"flags,omitempty"`
	NotFlags []Flag `json:"notFlags,omitempty"`
}

// IncidentFacts describe an incident and the entity it struck, in the text
// forms an [IncidentCondition] uses.
type IncidentFacts struct {
	Marks       []string // the incident's marks, e.g. "significant" (see [IncidentCondition])
	EntityClass string   // the NIS2 class, e.g. "essential"; "" when not assessed
	CZRegime    string   // the Czech regime, e.g. "higher"; "" when not assessed
	Flags       []Flag   // the entity's flags
}

// Holds reports whether f meets every stated part of c.
func (c IncidentCondition) Holds(f IncidentFacts) bool {
	for _, m := range c.Incident {
		if !slices.Contains(f.Marks, m) {
			return false
		}
	}
	for _, m := range c.NotIncident {
		if slices.Contains(f.Marks, m) {
			return false
		}
	}
	if len(c.EntityClasses) > 0 && !slices.Contains(c.EntityClasses, f.EntityClass) {
		return false
	}
	if len(c.CZRegimes) > 0 && !slices.Contains(c.CZRegimes, f.CZRegime) {
		return false
	}
	for _, fl := range c.Flags {
		if !slices.Contains(f.Flags, fl) {
			return false
		}
	}
	for _, fl := range c.NotFlags {
		if slices.Contains(f.Flags, fl) {
			return false
		}
	}
	return true
}

// The marks, classes and regimes that an IncidentCondition may name.
var (
	incidentMarks = []string{"affects-recipients", "beyond-capacity", "cn-relatively-major", "ongoing-at-final-report", "personal-data", "significant"}
	entityClasses = []string{"essential", "important"}
	czRegimes     = []string{"higher", "lower"}
)

// Deadline returns when the report is due for an incident detected at
// detected and, for rules that run from the notification or the end of the
// response, notified and ended (zero when not yet). It returns the zero
// time when the rule's event has not happened; for a rule that runs from
// the notification while none is recorded, it counts from detection and
// reports assumed=true (the real deadline is never earlier than the one
// returned, since a notification cannot precede detection).
func (r IncidentRule) Deadline(detected, notified, ended time.Time) (due time.Time, assumed bool) {
	var at time.Time
	switch r.From {
	case Detected:
		at = detected
	case Notified:
		at = notified
		if at.IsZero() {
			at, assumed = detected, true
		}
	case ResponseEnded:
		at = ended
	}
	if at.IsZero() {
		return time.Time{}, false
	}
	if r.Within.IsZero() {
		return at, assumed
	}
	return r.Within.Deadline(at), assumed
}

// incidentPeriod returns the period in which rule applies to incidents
// detected then (see [Registry.IncidentRulePeriod]).
func (r *Registry) incidentPeriod(rule *IncidentRule) Period {
	p := rule.InForce
	if p.From.IsZero() && len(rule.Citations) > 0 {
		if in, ok := r.byID[rule.Citations[0].Instrument]; ok {
			p = in.InForce
		}
	}
	if rule.FromDate != "" {
		if d, ok := r.Date(rule.FromDate); ok {
			p.From = d.Date
		}
	}
	return p
}

type incidentsFile struct {
	Rules []IncidentRule `json:"rules"`
}

// IncidentRules returns the incident-reporting rules of jurisdiction j (all
// of them when j is empty) that apply to an incident detected on d (all of
// them when d is zero), sorted by ID.
func (r *Registry) IncidentRules(j Jurisdiction, d Date) []IncidentRule {
	var out []IncidentRule
	if j == "" && d.IsZero() {
		out = make([]IncidentRule, 0, len(r.incidents))
	}
	for i := range r.incidents {
		rule := &r.incidents[i]
		if j != "" && rule.Jurisdiction != j {
			continue
		}
		if !d.IsZero() && !r.incidentPeriod(rule).Contains(d) {
			continue
		}
		out = append(out, cloneIncidentRule(*rule))
	}
	return out
}

// IncidentRule returns the rule with the given ID, and whether the registry
// holds it.
func (r *Registry) IncidentRule(id string) (IncidentRule, bool) {
	i, ok := slices.BinarySearchFunc(r.incidents, id, func(x IncidentRule, id string) int { return strings.Compare(x.ID, id) })
	if !ok {
		return IncidentRule{}, false
	}
	return cloneIncidentRule(r.incidents[i]), true
}

// IncidentRulePeriod returns the period in which rule applies to incidents
// detected then: its own period, or its first citation's instrument's, from
// its FromDate when it names one.
func (r *Registry) IncidentRulePeriod(rule IncidentRule) Period { return r.incidentPeriod(&rule) }

func cloneIncidentRule(x IncidentRule) IncidentRule {
	x.Citations = slices.Clone(x.Citations)
	x.Title.Args = slices.Clone(x.Title.Args)
	x.Step.Args = slices.Clone(x.Step.Args)
	x.When.Incident = slices.Clone(x.When.Incident)
	x.When.NotIncident = slices.Clone(x.When.NotIncident)
	x.When.EntityClasses = slices.Clone(x.When.EntityClasses)
	x.When.CZRegimes = slices.Clone(x.When.CZRegimes)
	x.When.Flags = slices.Clone(x.When.Flags)
	x.When.NotFlags = slices.Clone(x.When.NotFlags)
	return x
}

// loadIncidents reads incidents.json of every pack and checks each rule
// against r.
func (r *Registry) loadIncidents() error {
	var errs FieldErrors
	var all []IncidentRule
	seen := map[string]string{}
	for _, p := range r.packs {
		b, err := p.ReadFile("incidents.json")
		if err != nil {
			return err
		}
		if b == nil {
			continue
		}
		file := p.Where("incidents.json")
		var f incidentsFile
		if err := decodeData(b, &f, file); err != nil {
			return err
		}
		for i, rule := range f.Rules {
			at := fmt.Sprintf("/rules/%d", i)
			add := func(field, rn, value string, m Message) {
				errs = append(errs, dataError(file, at+field, rn, value, m))
			}
			if !ident.UpperSlug(rule.ID) {
				add("/id", "syntax", rule.ID, msgDataRuleID.New(rule.ID))
			} else if other, dup := seen[rule.ID]; dup {
				add("/id", "unique", rule.ID, msgDataDuplicateIn.New(rule.ID, other))
			}
			seen[rule.ID] = file
			r.checkFact(rule.Jurisdiction, rule.Citations, rule.Confidence, rule.Note, add)
			if len(rule.Citations) == 0 {
				add("/citations", "required", "", msgDataNoCitation.New())
			}
			if !ident.Slug(rule.Report) {
				add("/report", "syntax", rule.Report, msgDataReport.New(rule.Report))
			}
			if !rule.From.Valid() {
				add("/from", "required", "", msgDataIncidentEvent.New())
			}
			if !rule.Within.IsZero() && !rule.Within.Valid() {
				add("/within", "span", rule.Within.String(), msgDataSpan.New())
			}
			if !rule.InForce.Valid() {
				add("/inForce", "ordered", rule.InForce.String(), msgDataPeriod.New())
			}
			if rule.FromDate != "" {
				if _, ok := r.Date(rule.FromDate); !ok {
					add("/fromDate", "exists", rule.FromDate, msgDataNoDate.New(rule.FromDate))
				}
			}
			checkText(rule.Title, "/title", add)
			if rule.Step.Key != "" || rule.Step.Format != "" || len(rule.Step.Args) > 0 {
				checkText(rule.Step, "/step", add)
			}
			checkWords(rule.When.Incident, incidentMarks, "/when/incident", add)
			checkWords(rule.When.NotIncident, incidentMarks, "/when/notIncident", add)
			checkWords(rule.When.EntityClasses, entityClasses, "/when/entityClasses", add)
			checkWords(rule.When.CZRegimes, czRegimes, "/when/czRegimes", add)
			checkExcluded(rule.When.Incident, rule.When.NotIncident, "/when/notIncident", add)
			checkExcluded(rule.When.Flags, rule.When.NotFlags, "/when/notFlags", add)
			r.checkFlags(rule.When.Flags, "/when/flags", add)
			r.checkFlags(rule.When.NotFlags, "/when/notFlags", add)
			all = append(all, rule)
		}
	}
	if len(errs) > 0 {
		return capErrors(errs)
	}
	// sort.Slice, not slices.SortFunc: the generic sort would be compiled
	// anew for this struct type, some 25 KB per type (see footprint_test.go).
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	r.incidents = all
	return nil
}

// checkWords checks that every word of ws is one of allowed.
func checkWords(ws, allowed []string, p string, add func(field, rule, value string, m Message)) {
	for i, w := range ws {
		if !slices.Contains(allowed, w) {
			add(fmt.Sprintf("%s/%d", p, i), "oneof", w, msgDataOneOf.New(w, strings.Join(allowed, ", ")))
		}
	}
}

// checkExcluded checks that no word of excluded is also in required: such
// a condition never holds.
func checkExcluded[T ~string](required, excluded []T, p string, add func(field, rule, value string, m Message)) {
	for i, w := range excluded {
		if slices.Contains(required, w) {
			add(fmt.Sprintf("%s/%d", p, i), "excluded", string(w), msgDataBothWays.New(string(w)))
		}
	}
}

// checkFlags checks that every flag of fls is declared by a pack.
func (r *Registry) checkFlags(fls []Flag, p string, add func(field, rule, value string, m Message)) {
	for k, fl := range fls {
		if _, ok := r.Flag(fl); !ok {
			add(fmt.Sprintf("%s/%d", p, k), "declared", string(fl), msgDataUndeclaredFlag.New(string(fl)))
		}
	}
}
