package contracts

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// A Checker validates contracts and checks their clauses against the law of
// one [medsec.Registry]: the clause rules of its packs (clauses.json), the
// incident-reporting deadlines and legal dates of its packs, and its
// instruments, against which citations and jurisdictions resolve.
//
// Make one with [NewChecker]; [DefaultChecker] is the checker of the
// embedded law, which the package-level functions use. A Checker is
// immutable and safe for concurrent use.
type Checker struct {
	reg *medsec.Registry
	// clauses ask for clauses, values compare the values that clauses and
	// data-handling declarations state; each in registry order (packs in
	// order, rules in file order).
	clauses, values []rule
	// deadlines are the first-report deadlines of the registry's incident
	// rules, by jurisdiction, sorted by ID.
	deadlines map[medsec.Jurisdiction][]deadline
	templates []medsec.MessageTemplate
}

// errNoChecker is the error of the methods of a Checker not made by
// NewChecker.
var errNoChecker = fmt.Errorf("contracts: the Checker is nil or was not made by NewChecker: %w", medsec.ErrInvalidInput)

// NewChecker reads the clause rules of every pack of reg (the file
// clauses.json of each pack that has one) and returns a checker that
// applies them. A rule file is read strictly: unknown fields, keys given
// twice, text that is not UTF-8 and values of the wrong type are errors,
// and so are a rule ID used twice, a citation, legal date, instrument,
// incident rule, jurisdiction or flag that reg does not hold, a parameter
// that the rule's clause kind cannot state, a message whose text does not
// take its arguments, and a confidence below verified without a note. The
// errors are [medsec.FieldErrors] wrapping [medsec.ErrInvalidData], each
// with the file (as "pack/clauses.json") and a JSON Pointer, at most 100.
//
// A registry built by [medsec.NewRegistry] has no packs, so its checker
// has no rules and only validates.
func NewChecker(reg *medsec.Registry) (*Checker, error) {
	if reg == nil {
		return nil, fmt.Errorf("contracts: NewChecker needs a registry, not nil: %w", medsec.ErrInvalidInput)
	}
	ch := &Checker{reg: reg, deadlines: map[medsec.Jurisdiction][]deadline{}}
	for _, x := range reg.IncidentRules("", medsec.Date{}) {
		if d, ok := deadlineOf(reg, x); ok {
			ch.deadlines[x.Jurisdiction] = append(ch.deadlines[x.Jurisdiction], d)
		}
	}
	l := &loader{reg: reg, ids: map[string]string{}, keys: map[string]string{}}
	for _, t := range allTemplates {
		l.keys[t.Key] = t.Format
	}
	var buf []byte // one buffer for every pack: each file is decoded before the next is read
	for _, p := range reg.Packs() {
		b, err := p.AppendFile(buf[:0], clausesFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		buf = b
		file := p.Where(clausesFile)
		var f clausesJSON
		if errs := ruleDecoder().Unmarshal(b, &f); errs != nil {
			fes := fielderr.FromJSON(errs, medsec.ErrInvalidData)
			for _, e := range fes {
				e.File = file
			}
			return nil, fes
		}
		for i := range f.Rules {
			r := l.compile(&f.Rules[i], place{l: l, file: file, at: fmt.Sprintf("/rules/%d", i)})
			if r.check == checkClause {
				ch.clauses = append(ch.clauses, r)
			} else {
				ch.values = append(ch.values, r)
			}
		}
	}
	if len(l.errs) > 0 {
		return nil, fielderr.Cap(l.errs)
	}
	ch.templates = l.templates
	slices.SortFunc(ch.templates, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return ch, nil
}

// ruleDecoder reads clauses.json.
var ruleDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: 10_000, TextError: fielderr.TextError})
})

// defaultChecker is the checker of the embedded law, made on first use.
var defaultChecker = sync.OnceValue(func() *Checker {
	ch, err := NewChecker(medsec.DefaultRegistry())
	if err != nil {
		// The embedded rules are checked by the package tests; reaching
		// this means the binary was built from a broken tree.
		panic("contracts: embedded clause rules: " + err.Error())
	}
	return ch
})

// DefaultChecker returns the checker of [medsec.DefaultRegistry]: the
// clause rules of medsec's embedded packs. It is made on first use, once,
// and shared.
func DefaultChecker() *Checker { return defaultChecker() }

// MessageTemplates returns the templates of the messages that the
// checker's rules state in their files (reasons, the areas and practices
// they name, findings of their own), sorted by key, for translation.
func (ch *Checker) MessageTemplates() []medsec.MessageTemplate {
	if ch == nil {
		return nil
	}
	return slices.Clone(ch.templates)
}

// Validate checks a contract against the package's structural rules (see
// the package-level [Validate]) and against the checker's registry: the
// jurisdiction is declared by one of its packs and is one of the
// institution's, the institution passes [grading.Institution.Validate]
// with the registry (declared jurisdictions and flags, known events,
// unique system IDs), and every citation of a clause resolves.
//
// It returns nil or a [medsec.FieldErrors] list, sorted by path, of at
// most 100 entries, each with a JSON Pointer, the rule, the offending value
// and a [medsec.Message]. It never panics.
func (ch *Checker) Validate(c *Contract) error {
	if ch == nil || ch.reg == nil {
		return errNoChecker
	}
	return ch.validate(c)
}

// Validate validates c with the [DefaultChecker]: structure and
// cross-field rules (required fields, formats of UUIDs, e-mail addresses,
// phone numbers, ISO 3166-1 country codes and dates, enum values, bounds,
// a term that does not end before it starts, positive hours and days,
// remediation deadlines ordered by severity, parameters that belong to
// their clause's kind, the institution's fields each jurisdiction needs)
// and the checks against the embedded registry that [Checker.Validate]
// describes.
func Validate(c *Contract) error { return DefaultChecker().Validate(c) }

// Check compares a contract with the clause rules of the DefaultChecker in
// force on asOf; see [Checker.Check].
func Check(c *Contract, asOf medsec.Date) (*Report, error) { return DefaultChecker().Check(c, asOf) }

// errAsOf is the error of a Check without a valid as-of date.
func errAsOf(d medsec.Date) error {
	if d.IsZero() {
		return &medsec.FieldError{Path: "asOf", Rule: "required", Message: msgCheckAsOf.New()}
	}
	return &medsec.FieldError{Path: "asOf", Rule: "date", Value: d.String(), Message: msgCheckAsOf.New()}
}
