package contracts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/ident"
	// The duties, roles, clause rules and mappings of the embedded packs.
	_ "github.com/medsec-go/medsec/law"
)

// clausesFile is the file of a pack that holds its clause rules.
const clausesFile = "clauses.json"

// A check says what a clause rule compares.
type check uint8

// The checks. A rule without "check" in its file is a clause rule.
const (
	checkUnknown check = iota
	// checkClause asks for a clause of the rule's kind that states the
	// rule's parameters.
	checkClause
	// checkNoticePeriod compares the notice periods that the contract's
	// incident-notification clauses state with the institution's own
	// first-report deadline, taken from the registry's incident rules.
	checkNoticePeriod
	// checkStorageCountry compares the country where the data is stored
	// with the countries the rule allows.
	checkStorageCountry
	// checkSupportTerm compares the end of security support each
	// end-of-support clause states with the end of the contract's term.
	checkSupportTerm
)

var checkNames = names{"unknown", "clause", "notice-period", "storage-country", "support-term"}

// String returns the text form, e.g. "notice-period".
func (k check) String() string { return checkNames.String(uint8(k), "check") }

// MarshalText implements [encoding.TextMarshaler].
func (k check) MarshalText() ([]byte, error) {
	return checkNames.Marshal("contracts", uint8(k), "check")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *check) UnmarshalText(b []byte) error {
	v, err := checkNames.Parse("contracts", b, "check")
	*k = check(v)
	return err
}

// A dataFact is a yes/no declaration of a contract's [DataHandling], named
// by its JSON name.
type dataFact uint8

const (
	factUnknown dataFact = iota
	factHealthData
	factPersonalData
	factCrossBorderTransfer
	factRemoteAccess
)

var dataFactNames = names{"unknown", "healthData", "personalData", "crossBorderTransfer", "remoteAccess"}

// String returns the JSON name, e.g. "healthData".
func (f dataFact) String() string { return dataFactNames.String(uint8(f), "dataFact") }

// MarshalText implements [encoding.TextMarshaler].
func (f dataFact) MarshalText() ([]byte, error) {
	return dataFactNames.Marshal("contracts", uint8(f), "data-handling declaration")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *dataFact) UnmarshalText(b []byte) error {
	v, err := dataFactNames.Parse("contracts", b, "data-handling declaration")
	*f = dataFact(v)
	return err
}

// holds reports whether the contract declares f. Health data is personal
// data, so personalData holds whenever healthData does.
func (f dataFact) holds(d *DataHandling) bool {
	switch f {
	case factHealthData:
		return isTrue(d.HealthData)
	case factPersonalData:
		return isTrue(d.PersonalData) || isTrue(d.HealthData)
	case factCrossBorderTransfer:
		return isTrue(d.CrossBorderTransfer)
	case factRemoteAccess:
		return isTrue(d.RemoteAccess)
	}
	return false
}

// A condition says which contracts a rule is for. Every stated part must
// hold; an empty condition holds for every contract.
type condition struct {
	// Jurisdictions: the contract's jurisdiction is one of them.
	Jurisdictions []medsec.Jurisdiction `json:"jurisdictions,omitempty"`
	// Categories: the contract's procurement category is one of them.
	Categories []Category `json:"categories,omitempty"`
	// DataHandling: the contract declares each of them true.
	DataHandling []dataFact `json:"dataHandling,omitempty"`
	// Flags must all be set, NotFlags none, on the institution or one of
	// the systems the contract touches.
	Flags    []medsec.Flag `json:"flags,omitempty"`
	NotFlags []medsec.Flag `json:"notFlags,omitempty"`
	// NIS2 and CZ: the institution's NIS2 class and Czech regime are among
	// them.
	NIS2 []grading.EntityClass `json:"nis2,omitempty"`
	CZ   []grading.CZRegime    `json:"cz,omitempty"`
	// SignificantSupplier: the contract marks the vendor as a significant
	// supplier.
	SignificantSupplier bool `json:"significantSupplier,omitempty"`
}

// holds reports whether c meets every stated part of the condition; flags
// are the flags of the institution and of its systems.
func (w *condition) holds(c *Contract, flags []medsec.Flag) bool {
	if len(w.Jurisdictions) > 0 && !slices.Contains(w.Jurisdictions, c.Jurisdiction) ||
		len(w.Categories) > 0 && !slices.Contains(w.Categories, c.Category) ||
		len(w.NIS2) > 0 && !slices.Contains(w.NIS2, c.Institution.NIS2) ||
		len(w.CZ) > 0 && !slices.Contains(w.CZ, c.Institution.CZ) ||
		w.SignificantSupplier && !c.SignificantSupplier {
		return false
	}
	for _, f := range w.DataHandling {
		if !f.holds(&c.DataHandling) {
			return false
		}
	}
	for _, f := range w.Flags {
		if !slices.Contains(flags, f) {
			return false
		}
	}
	for _, f := range w.NotFlags {
		if slices.Contains(flags, f) {
			return false
		}
	}
	return true
}

// A caveat weakens a rule's confidence for the contracts it describes.
type caveat struct {
	When       condition         `json:"when"`
	Confidence medsec.Confidence `json:"confidence"`
	Note       string            `json:"note"`
}

// The JSON form of clauses.json.
type clausesJSON struct {
	// Note says what the file holds and what it leaves out.
	Note  string     `json:"note,omitempty"`
	Rules []ruleJSON `json:"rules"`
}

// ruleJSON is one rule as clauses.json states it; law/README.md and the
// package documentation describe the fields.
type ruleJSON struct {
	ID            string            `json:"id"`
	Check         check             `json:"check,omitempty"`
	Kind          ClauseKind        `json:"kind"`
	Severity      Severity          `json:"severity"`
	When          condition         `json:"when,omitzero"`
	Params        []Param           `json:"params,omitempty"`
	IncidentRules []string          `json:"incidentRules,omitempty"`
	StorageIn     []string          `json:"storageIn,omitempty"`
	Reason        medsec.Message    `json:"reason"`
	Weak          medsec.Message    `json:"weak,omitzero"`
	Citation      medsec.Citation   `json:"citation,omitzero"`
	Confidence    medsec.Confidence `json:"confidence"`
	Note          string            `json:"note,omitempty"`
	Caveats       []caveat          `json:"caveats,omitempty"`
	InForce       medsec.Period     `json:"inForce,omitzero"`
	FromDate      string            `json:"fromDate,omitempty"`
	InForceWith   string            `json:"inForceWith,omitempty"`
}

// A rule is a clause rule ready to be applied.
type rule struct {
	// Rule is what a report says of the rule. A notice-period rule without
	// a citation of its own takes that of the incident rule that sets the
	// period.
	Rule
	check   check
	when    condition
	caveats []caveat
	// conf is the rule's confidence joined with the registry's confidence
	// of its citation.
	conf medsec.Confidence
	note string
	// period is when the rule applies; a rule without one (a notice-period
	// rule without a citation) applies whenever its incident rules do.
	period    medsec.Period
	hasPeriod bool
	params    []Param // checkClause: what the clause must state
	// deadlines are the incident rules a notice-period rule names; nil
	// means those of the contract's jurisdiction.
	deadlines []deadline
	storageIn []string       // checkStorageCountry: the allowed countries
	weak      medsec.Message // checkStorageCountry: the finding's message
	// missing is the finding's message when no clause of the kind is
	// there, lacking[i] when a clause lacks params[i]; made once.
	missing medsec.Message
	lacking []medsec.Message
}

// inForce reports whether r applies on d.
func (r *rule) inForce(d medsec.Date) bool { return !r.hasPeriod || r.period.Contains(d) }

// confidenceFor is r's confidence for contract c: its own, joined with the
// registry's and with that of every caveat that holds.
func (r *rule) confidenceFor(c *Contract, flags []medsec.Flag) medsec.Confidence {
	conf := r.conf
	for i := range r.caveats {
		if r.caveats[i].When.holds(c, flags) {
			conf = conf.Min(r.caveats[i].Confidence)
		}
	}
	return conf
}

// A deadline is an institution's own first report of an incident: an
// incident rule that runs from detection for a fixed period.
type deadline struct {
	jur    medsec.Jurisdiction
	hours  int
	when   medsec.IncidentCondition
	period medsec.Period
	cite   medsec.Citation   // the incident rule's first citation
	conf   medsec.Confidence // the incident rule's, joined with the registry's for cite
}

// applies reports whether the deadline binds the institution of c on d,
// whatever the incident: the incident marks of its condition are taken as
// given, since a vendor's notice must be quick enough for every incident
// the institution reports.
func (x *deadline) applies(c *Contract, flags []medsec.Flag, d medsec.Date) bool {
	return x.jur == c.Jurisdiction && x.period.Contains(d) && x.when.Holds(medsec.IncidentFacts{
		Marks: x.when.Incident, EntityClass: textOf(c.Institution.NIS2), CZRegime: textOf(c.Institution.CZ), Flags: flags,
	})
}

// textOf returns the text form of an enum value, "" for the zero value.
func textOf[T interface {
	~uint8
	String() string
}](v T) string {
	if v == 0 {
		return ""
	}
	return v.String()
}

// spanHours returns the fewest hours a period can last: a day is 24 hours,
// a working day at least one day, a month at least 28 days and a year at
// least 365 days. A notice period within that many hours meets the
// deadline however the period falls.
func spanHours(s medsec.Span) int {
	switch s.Unit {
	case medsec.Hours:
		return s.N
	case medsec.Days, medsec.WorkingDays:
		return s.N * 24
	case medsec.Months:
		return s.N * 28 * 24
	case medsec.Years:
		return s.N * 365 * 24
	}
	return 0
}

// deadlineOf returns the deadline an incident rule sets, and whether it is
// a first report with a fixed period.
func deadlineOf(reg *medsec.Registry, x medsec.IncidentRule) (deadline, bool) {
	if x.From != medsec.Detected || !x.Within.Valid() || len(x.Citations) == 0 {
		return deadline{}, false
	}
	return deadline{
		jur: x.Jurisdiction, hours: spanHours(x.Within), when: x.When, period: reg.IncidentRulePeriod(x),
		cite: x.Citations[0], conf: x.Confidence.Min(reg.Confidence(x.Citations[0])),
	}, true
}

// A loader compiles the rules of the packs of one registry and collects
// the problems it finds.
type loader struct {
	reg  *medsec.Registry
	errs medsec.FieldErrors
	ids  map[string]string // rule ID → file
	keys map[string]string // message key → English format
	// templates lists the messages of the rules, in the order met.
	templates []medsec.MessageTemplate
}

// A place is where in a file a loader is looking.
type place struct {
	l    *loader
	file string
	at   string // JSON Pointer
}

func (p place) in(field string) place { return place{p.l, p.file, p.at + "/" + field} }

func (p place) index(field string, i int) place { return p.in(fmt.Sprintf("%s/%d", field, i)) }

func (p place) add(rule, value string, m medsec.Message) {
	p.l.errs = append(p.l.errs, &medsec.FieldError{File: p.file, Path: p.at, Rule: rule,
		Value: clip(value), Message: m, Err: medsec.ErrInvalidData})
}

// compile checks one rule of a file against the registry and returns it
// ready to apply.
func (l *loader) compile(j *ruleJSON, at place) rule {
	r := rule{
		Rule:  Rule{ID: j.ID, Kind: j.Kind, Severity: j.Severity, Citation: j.Citation},
		check: j.Check, when: j.When, caveats: j.Caveats, note: j.Note,
		params: j.Params, storageIn: j.StorageIn,
	}
	if r.check == checkUnknown {
		r.check = checkClause
	}
	switch other, dup := l.ids[j.ID]; {
	case !ident.Slug(j.ID) || len(j.ID) > 100:
		at.in("id").add("syntax", j.ID, msgDataRuleID.New(j.ID))
	case dup:
		at.in("id").add("unique", j.ID, msgDataDuplicateIn.New(j.ID, other))
	default:
		l.ids[j.ID] = at.file
	}
	if !j.Kind.Valid() {
		at.in("kind").add("required", "", msgDataRequired.New("kind"))
	}
	if !j.Severity.Valid() {
		at.in("severity").add("required", "", msgDataRequired.New("severity"))
	}
	l.condition(&j.When, at.in("when"))
	for i := range j.Caveats {
		cv := &j.Caveats[i]
		p := at.index("caveats", i)
		l.condition(&cv.When, p.in("when"))
		if !cv.Confidence.Valid() {
			p.in("confidence").add("required", "", msgDataConfidence.New())
		}
		if strings.TrimSpace(cv.Note) == "" {
			p.in("note").add("required", "", msgDataNote.New(cv.Confidence.String()))
		}
	}
	l.checkSpecific(j, &r, at)
	var engineArgs []any
	if r.check == checkNoticePeriod {
		engineArgs = []any{24} // the period in hours
	}
	r.Reason = l.message(j.Reason, engineArgs, at.in("reason"))

	// The provision, its confidence and when the rule applies.
	r.conf = j.Confidence
	if !j.Confidence.Valid() {
		at.in("confidence").add("required", "", msgDataConfidence.New())
	} else if j.Confidence != medsec.Verified && strings.TrimSpace(j.Note) == "" {
		at.in("note").add("required", "", msgDataNote.New(j.Confidence.String()))
	}
	switch {
	case !j.Citation.IsZero():
		if err := l.reg.Resolve(j.Citation); err != nil {
			at.in("citation").add("resolve", j.Citation.String(), msgDataCitation.New(j.Citation.String(), err.Error()))
			break
		}
		r.conf = r.conf.Min(l.reg.Confidence(j.Citation))
		if a, err := l.reg.Article(j.Citation); err == nil && a.Effect == medsec.EffectNone && j.Severity == Required {
			at.in("citation").add("duty", j.Citation.String(), msgDataNoDuty.New(j.Citation.String()))
		}
		if p, err := l.reg.PeriodOf(j.Citation.Instrument); err == nil {
			r.period, r.hasPeriod = p, true
		}
	case r.check != checkNoticePeriod:
		at.in("citation").add("required", "", msgDataNoCitation.New())
	case strings.TrimSpace(j.Note) == "":
		at.in("note").add("required", "", msgDataNoSource.New())
	}
	l.period(j, &r, at)
	r.missing = msgFindingMissing.New(r.Kind.Message(), r.Reason)
	for _, p := range r.params {
		r.lacking = append(r.lacking, weakTemplates[p].New(r.Kind.Message()))
	}
	return r
}

// checkSpecific checks the fields that belong to one kind of check.
func (l *loader) checkSpecific(j *ruleJSON, r *rule, at place) {
	only := func(field string, set bool, c check) {
		if set && r.check != c {
			at.in(field).add("check", "", msgDataOnlyFor.New(field, c.String()))
		}
	}
	only("params", len(j.Params) > 0, checkClause)
	only("incidentRules", len(j.IncidentRules) > 0, checkNoticePeriod)
	only("storageIn", len(j.StorageIn) > 0, checkStorageCountry)
	only("weak", !j.Weak.IsZero(), checkStorageCountry)
	kindOf := func(k ClauseKind) {
		if j.Kind.Valid() && j.Kind != k {
			at.in("kind").add("check", j.Kind.String(), msgDataCheckKind.New(r.check.String(), k.Message()))
		}
	}
	switch r.check {
	case checkClause:
		for i, p := range j.Params {
			if _, ok := weakTemplates[p]; !ok || j.Kind.Valid() && !paramAllowed(p, j.Kind) {
				at.index("params", i).add("param", string(p), msgDataParam.New(j.Kind.Message(), string(p)))
			}
		}
	case checkNoticePeriod:
		kindOf(IncidentNotification)
		for i, id := range j.IncidentRules {
			p := at.index("incidentRules", i)
			x, ok := l.reg.IncidentRule(id)
			if !ok {
				p.add("exists", id, msgDataNoIncidentRule.New(id))
				continue
			}
			d, ok := deadlineOf(l.reg, x)
			if !ok {
				p.add("first-report", id, msgDataNotFirstReport.New(id))
				continue
			}
			r.deadlines = append(r.deadlines, d)
		}
	case checkStorageCountry:
		if len(j.StorageIn) == 0 {
			at.in("storageIn").add("required", "", msgDataRequired.New("storageIn"))
		}
		for i, cc := range j.StorageIn {
			if len(cc) != 2 || !medsec.Jurisdiction(cc).Valid() {
				at.index("storageIn", i).add("country", cc, msgDataCountry.New(cc))
			}
		}
		if j.Weak.IsZero() {
			at.in("weak").add("required", "", msgDataRequired.New("weak"))
		} else {
			r.weak = l.message(j.Weak, []any{"CN"}, at.in("weak")) // the country where the data is stored
		}
	case checkSupportTerm:
		kindOf(EndOfSupport)
	}
}

// period works out when the rule applies: its own period, or its
// citation's instrument's, from its legal date when it names one, and only
// while the instrument it names in inForceWith is in force too.
func (l *loader) period(j *ruleJSON, r *rule, at place) {
	if j.InForce != (medsec.Period{}) {
		if !j.InForce.Valid() {
			at.in("inForce").add("ordered", j.InForce.String(), msgDataPeriod.New())
		}
		r.period, r.hasPeriod = j.InForce, true
	}
	if j.FromDate != "" {
		d, ok := l.reg.Date(j.FromDate)
		if !ok {
			at.in("fromDate").add("exists", j.FromDate, msgDataNoDate.New(j.FromDate))
		} else {
			r.period.From, r.hasPeriod = d.Date, true
		}
	}
	if j.InForceWith != "" {
		p, err := l.reg.PeriodOf(j.InForceWith)
		if err != nil {
			at.in("inForceWith").add("exists", j.InForceWith, msgDataNoInstrument.New(j.InForceWith))
			return
		}
		if !r.hasPeriod {
			r.period, r.hasPeriod = p, true
			return
		}
		if p.From.After(r.period.From) {
			r.period.From = p.From
		}
		if u := p.Until; !u.IsZero() && (r.period.Until.IsZero() || u.Before(r.period.Until)) {
			r.period.Until = u
		}
	}
}

// condition checks that a condition names jurisdictions and flags the
// registry declares.
func (l *loader) condition(w *condition, at place) {
	for i, j := range w.Jurisdictions {
		if _, ok := l.reg.Jurisdiction(j); !ok {
			at.index("jurisdictions", i).add("declared", string(j), msgDataUndeclared.New(string(j)))
		}
	}
	flags := func(field string, fs []medsec.Flag) {
		for i, f := range fs {
			if _, ok := l.reg.Flag(f); !ok {
				at.index(field, i).add("declared", string(f), msgDataUndeclaredFlag.New(string(f)))
			}
		}
	}
	flags("flags", w.Flags)
	flags("notFlags", w.NotFlags)
}

// message checks a message of the data and returns it with its arguments
// as the engine uses them: texts and messages. The engine appends extra
// arguments of its own (samples of them are given); the format must take
// both. A message with a problem is reported and returned as it is.
func (l *loader) message(m medsec.Message, extra []any, at place) medsec.Message {
	m, _ = l.checkMessage(m, extra, at)
	return m
}

// checkMessage is message, and reports whether m and the messages among
// its arguments have no problem; only then is m rendered, to try its
// format.
func (l *loader) checkMessage(m medsec.Message, extra []any, at place) (medsec.Message, bool) {
	if !ident.MessageKey(m.Key) {
		at.in("key").add("syntax", m.Key, msgDataMessageKey.New(m.Key))
		return m, false
	}
	var args []any
	for i, a := range m.Args {
		var nested medsec.Message
		ok := false
		switch a := a.(type) {
		case string:
			args = append(args, a)
			continue
		case map[string]any:
			nested, ok = nestedMessage(a)
		}
		if !ok {
			at.index("args", i).add("arg", "", msgDataArg.New())
			return m, false
		}
		if nested, ok = l.checkMessage(nested, nil, at.index("args", i)); !ok {
			return m, false
		}
		args = append(args, nested)
	}
	m.Args = args
	if strings.TrimSpace(m.Format) == "" || !plainVerbs(m.Format) ||
		strings.Contains(fmt.Sprintf(m.Format, append(slices.Clone(args), extra...)...), "%!") {
		at.in("format").add("text", m.Format, msgDataText.New(len(extra)))
		return m, false
	}
	switch f, seen := l.keys[m.Key]; {
	case !seen:
		l.keys[m.Key] = m.Format
		l.templates = append(l.templates, medsec.MessageTemplate{Key: m.Key, Format: m.Format})
	case f != m.Format:
		at.in("format").add("one-text", m.Key, msgDataKeyFormat.New(m.Key))
		return m, false
	}
	return m, true
}

// plainVerbs reports whether every verb of format is a plain %s, %d, %v
// or %q (or %%): no flags, width or precision, which translations could
// not follow and which could make rendering costly ("%999999999d").
func plainVerbs(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i++; i == len(format) || !strings.ContainsRune("sdvq%", rune(format[i])) {
			return false
		}
	}
	return true
}

// nestedMessage reads a message that the JSON decoder left as a map.
func nestedMessage(obj map[string]any) (medsec.Message, bool) {
	var m medsec.Message
	for k, v := range obj {
		switch k {
		case "key":
			s, ok := v.(string)
			if !ok {
				return m, false
			}
			m.Key = s
		case "format":
			s, ok := v.(string)
			if !ok {
				return m, false
			}
			m.Format = s
		case "args":
			list, ok := v.([]any)
			if !ok {
				return m, false
			}
			m.Args = list
		default:
			return m, false
		}
	}
	return m, m.Key != "" || m.Format != ""
}
