package obligations

import (
	"encoding"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/ident"
)

// adder records one problem of a data item: the field's JSON Pointer
// below the item, the rule, the offending value and the message.
type adder func(field, rule, value string, m medsec.Message)

// under returns an adder of the problems of item i of the list name
// below add's item: its fields' pointers start with "/name/i". The
// pointer is made only when a problem is reported.
func (add adder) under(name string, i int) adder {
	return func(field, rule, value string, m medsec.Message) {
		add("/"+name+"/"+strconv.Itoa(i)+field, rule, value, m)
	}
}

func validDutyID(s string) bool {
	if len(s) < 3 || len(s) > 64 || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') || c == '-' && s[i-1] == '-' {
			return false
		}
	}
	return true
}

// resolveIncident fills the fields of d, a duty that reports under an
// incident rule, from the rule, and reports the fields d gives with other
// values than the rule's. It returns the rule, or nil when reg has none
// with d's ID.
func resolveIncident(reg *medsec.Registry, d *Duty, add adder) *medsec.IncidentRule {
	rule, ok := reg.IncidentRule(d.ID)
	if !ok {
		add("/recurrence/kind", "incident-rule", d.ID, msgErrIncidentRule.New(d.ID))
		return nil
	}
	period := reg.IncidentRulePeriod(rule)
	given := func(field string, set, same bool) {
		if set && !same {
			add(field, "incident-rule", "", msgErrFromRule.New(field[1:], rule.ID))
		}
	}
	given("/jurisdiction", d.Jurisdiction != "", d.Jurisdiction == rule.Jurisdiction)
	given("/title", !d.Title.IsZero() || len(d.Title.Args) > 0, d.Title.Key == rule.Title.Key && d.Title.Format == rule.Title.Format && len(d.Title.Args) == 0)
	given("/citations", len(d.Citations) > 0, slices.Equal(d.Citations, rule.Citations))
	given("/confidence", d.Confidence != medsec.ConfidenceUnknown, d.Confidence == rule.Confidence)
	given("/note", d.Note != "", d.Note == rule.Note)
	given("/inForce", d.InForce != medsec.Period{}, d.InForce == period)
	d.Jurisdiction, d.Title, d.Citations = rule.Jurisdiction, rule.Title, rule.Citations
	d.Confidence, d.Note, d.InForce = rule.Confidence, rule.Note, period

	// The rule's conditions on the entity become the duty's; a duty may
	// add conditions of a kind the rule does not state.
	w := rule.When
	mergeWords(&d.Applies.EntityClasses, w.EntityClasses, "/applies/entityClasses", rule.ID, add)
	mergeWords(&d.Applies.CZRegimes, w.CZRegimes, "/applies/czRegimes", rule.ID, add)
	mergeWords(&d.Applies.Flags, w.Flags, "/applies/flags", rule.ID, add)
	mergeWords(&d.Applies.NotFlags, w.NotFlags, "/applies/notFlags", rule.ID, add)
	return &rule
}

// mergeWords sets *dst to the values of words, the text forms a rule
// states, when there are any; a duty that states the same kind must state
// the same values.
func mergeWords[T comparable, W ~string](dst *[]T, words []W, field, ruleID string, add adder) {
	if len(words) == 0 {
		return
	}
	vals := make([]T, len(words))
	for i, w := range words {
		var v T
		u, ok := any(&v).(encoding.TextUnmarshaler)
		if !ok || u.UnmarshalText([]byte(w)) != nil {
			add(field, "incident-rule", string(w), msgErrFromRule.New(field[1:], ruleID))
			return
		}
		vals[i] = v
	}
	if len(*dst) > 0 && !slices.Equal(*dst, vals) {
		add(field, "incident-rule", "", msgErrFromRule.New(field[1:], ruleID))
	}
	*dst = vals
}

// checkDuty reports the problems of d.
func checkDuty(reg *medsec.Registry, roles *roleSet, d *Duty, add adder) {
	if !validDutyID(d.ID) {
		add("/id", "syntax", d.ID, msgErrID.New(d.ID))
	}
	if !declaredJurisdiction(reg, d.Jurisdiction) {
		add("/jurisdiction", "declared", string(d.Jurisdiction), msgErrJurisdiction.New(string(d.Jurisdiction)))
	}
	if !d.Party.Valid() {
		add("/party", "required", "", msgErrRequired.New("party"))
	}
	checkFact(reg, d.Citations, d.Confidence, d.Note, add)
	for i, ct := range d.Basis {
		if err := reg.Resolve(ct); err != nil {
			add(fmt.Sprintf("/basis/%d", i), "resolve", ct.String(), msgErrCitation.New(ct.String(), err.Error()))
		}
	}
	a := &d.Applies
	if !a.Scope.Valid() {
		add("/applies/scope", "required", "", msgErrRequired.New("applies.scope"))
	}
	checkLevels(a.Scheme, a.MinLevel, a.MaxLevel, d.Jurisdiction, "/applies", add)
	if a.Scope == ScopeSystem && !levelled(a.Scheme) {
		add("/applies/scheme", "system-scope", a.Scheme.String(), msgErrSystemScope.New())
	}
	checkClasses(a.EntityClasses, a.CZRegimes, "/applies", add)
	checkFlags(reg, a.Flags, "/applies/flags", add)
	checkFlags(reg, a.NotFlags, "/applies/notFlags", add)
	r := d.Recurrence
	if err := r.check(); err != nil {
		add("/recurrence", "shape", r.Kind.String(), msgErrRecurrence.New(err.Error()))
	} else if r.Trigger != "" {
		if _, ok := reg.Event(r.Trigger); !ok {
			add("/recurrence/trigger", "declared", string(r.Trigger), msgErrEvent.New(string(r.Trigger)))
		}
	}
	if r.Kind == FromIncidentRule && a.Scope != ScopeInstitution {
		add("/applies/scope", "incident", a.Scope.String(), msgErrIncidentScope.New())
	}
	if rf := d.RetainFor; !rf.IsZero() && (!rf.Valid() || rf.N > maxPeriod || rf.Unit != medsec.Days && rf.Unit != medsec.Months && rf.Unit != medsec.Years) {
		add("/retainFor", "span", rf.String(), msgErrRetain.New(maxPeriod))
	}
	for i, role := range d.Roles {
		if !roles.has(role) {
			add(fmt.Sprintf("/roles/%d", i), "declared", string(role), msgErrRole.New(string(role)))
		}
	}
	if !d.InForce.Valid() {
		add("/inForce", "ordered", d.InForce.String(), msgErrPeriod.New())
	}
	if d.AlternativeTo == d.ID && d.ID != "" {
		add("/alternativeTo", "self", d.ID, msgErrAlternative.New(d.ID))
	}
}

// declaredJurisdiction reports whether reg declares j (or, for a registry
// of instruments alone, holds instruments of j).
func declaredJurisdiction(reg *medsec.Registry, j medsec.Jurisdiction) bool {
	if _, ok := reg.Jurisdiction(j); ok {
		return true
	}
	return j != "" && slices.Contains(reg.Jurisdictions(), j)
}

// checkFact checks what every legal fact carries: citations that resolve
// in reg and cite no article that creates no obligations, a confidence,
// and a note when it is less than verified.
func checkFact(reg *medsec.Registry, cites []medsec.Citation, c medsec.Confidence, note string, add adder) {
	if !c.Valid() {
		add("/confidence", "required", "", msgErrRequired.New("confidence"))
	} else if c != medsec.Verified && strings.TrimSpace(note) == "" {
		add("/note", "required", "", msgErrNote.New(c.String()))
	}
	if len(cites) == 0 {
		add("/citations", "required", "", msgErrRequired.New("citations"))
	}
	for i, ct := range cites {
		if err := reg.Resolve(ct); err != nil {
			add(fmt.Sprintf("/citations/%d", i), "resolve", ct.String(), msgErrCitation.New(ct.String(), err.Error()))
			continue
		}
		if ct.Article != "" {
			if art, _ := reg.Article(ct); art.Effect == medsec.EffectNone {
				add(fmt.Sprintf("/citations/%d", i), "effect", ct.String(), msgErrEffectNone.New(ct.String()))
			}
		}
	}
}

// levelled reports whether s is a scheme with levels 1-5.
func levelled(s grading.Scheme) bool { return s == grading.SchemeMLPS || s == grading.SchemeVN }

// checkLevels checks a scheme and its level bounds under the JSON object
// at p: the scheme, when set, is levelled and belongs to jurisdiction j
// (when j is not empty); bounds are 1-5, ordered, and only with a scheme.
func checkLevels(s grading.Scheme, min, max int, j medsec.Jurisdiction, p string, add adder) {
	switch {
	case s == grading.SchemeUnknown:
	case !levelled(s):
		add(p+"/scheme", "levelled", s.String(), msgErrSystemScope.New())
	case j != "" && s.Jurisdiction() != j:
		add(p+"/scheme", "jurisdiction", s.String(), msgErrSchemeJurisdiction.New(s.String(), string(j)))
	}
	if min < 0 || min > 5 || max < 0 || max > 5 || (max > 0 && min > max) || (!levelled(s) && (min > 0 || max > 0)) {
		add(p+"/minLevel", "range", fmt.Sprint(min, "-", max), msgErrLevels.New())
	}
}

func checkClasses(classes []grading.EntityClass, regimes []grading.CZRegime, p string, add adder) {
	for i, ec := range classes {
		if !ec.Valid() {
			add(fmt.Sprintf("%s/entityClasses/%d", p, i), "oneof", ec.String(), msgErrInvalidValue.New(ec.String(), "entityClasses"))
		}
	}
	for i, r := range regimes {
		if !r.Valid() {
			add(fmt.Sprintf("%s/czRegimes/%d", p, i), "oneof", r.String(), msgErrInvalidValue.New(r.String(), "czRegimes"))
		}
	}
}

func checkFlags(reg *medsec.Registry, fs []medsec.Flag, p string, add adder) {
	for i, f := range fs {
		if _, ok := reg.Flag(f); !ok {
			add(fmt.Sprintf("%s/%d", p, i), "declared", string(f), msgErrFlag.New(string(f)))
		}
	}
}

// maxKeyLen bounds the message keys of duties and roles, whose form is
// lower-case words of letters, digits, hyphens and underscores joined by
// dots, at least two of them ([ident.LowerKey]).
const maxKeyLen = 128

// A keyChecker checks the messages of a catalog's data: key syntax, keys
// reserved for the package's own messages, and one English format per key
// across the catalog and its registry.
type keyChecker struct {
	formats map[string]string
	own     map[string]bool
}

// newKeyChecker returns a key checker that knows the keys of reg, with
// room for the keys of about n texts of data.
func newKeyChecker(reg *medsec.Registry, n int) *keyChecker {
	ts, own := reg.MessageTemplates(), ownTemplates()
	k := &keyChecker{formats: make(map[string]string, len(ts)+n), own: make(map[string]bool, len(own))}
	for _, t := range ts {
		k.formats[t.Key] = t.Format
	}
	for _, t := range own {
		k.own[t.Key] = true
	}
	return k
}

// key checks m's key, and that m keeps the format its key has elsewhere.
func (k *keyChecker) key(m medsec.Message, field string, add adder) bool {
	if k.own[m.Key] {
		add(field+"/key", "reserved", m.Key, msgErrKeyReserved.New(m.Key))
		return false
	}
	if f, ok := k.formats[m.Key]; ok {
		// A key seen before has passed its checks.
		if f != m.Format {
			add(field+"/format", "key-format", m.Key, msgErrKeyFormat.New(m.Key))
			return false
		}
		return true
	}
	if len(m.Key) > maxKeyLen || !ident.LowerKey(m.Key) {
		add(field+"/key", "key", m.Key, msgErrKey.New(m.Key))
		return false
	}
	k.formats[m.Key] = m.Format
	return true
}

// check checks a text of the data: a valid key and a non-empty English
// format without arguments.
func (k *keyChecker) check(m medsec.Message, field string, add adder) {
	if n, _ := verbs(m.Format); strings.TrimSpace(m.Format) == "" || n > 0 || len(m.Args) > 0 {
		add(field, "format", m.Format, msgErrFormat.New(m.Key))
		return
	}
	k.key(m, field, add)
}

// checkArgs checks a message of the data that the engine fills with n
// arguments: a valid key and a format with exactly n verbs, in order.
func (k *keyChecker) checkArgs(m medsec.Message, n int, what, field string, add adder) {
	if got, indexed := verbs(m.Format); got != n || indexed || len(m.Args) > 0 {
		add(field+"/format", "verbs", m.Format, msgErrVerbs.New(what))
		return
	}
	k.key(m, field, add)
}

// verbs returns the number of formatting verbs in format ("%%" is none)
// and whether one of them names its argument ("%[2]s").
func verbs(format string) (n int, indexed bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			indexed = indexed || format[i] == '['
			i++
		}
		n++
	}
	return n, indexed
}
