package obligations

import (
	"github.com/medsec-go/medsec"
)

// Report is a gap report: every applicable duty with its status, sorted by
// urgency (see [Status]), with totals.
type Report struct {
	// Institution is the institution's ID.
	Institution string
	// AsOf is the day the report judges.
	AsOf medsec.Date
	// Items are the applicable duties, most urgent first.
	Items []Item
	// Totals counts items by status; read it with [Report.Total].
	Totals [statusCount]int
}

// Total returns the number of items with status s.
func (r *Report) Total(s Status) int {
	if r == nil || s >= statusCount {
		return 0
	}
	return r.Totals[s]
}

// GapReport evaluates the profile against the catalog: which duties apply,
// and for each whether it is met, due soon, overdue or missing evidence on
// opts.AsOf. A duty that reports an incident is bound to each incident of
// the profile that its incident rule covers and that was detected while
// the rule was in force; with none, it waits (StatusOnTrigger). Evidence
// naming an unknown duty, system or incident is an error, as are an
// invalid profile and a zero opts.AsOf; errors are [medsec.FieldErrors]
// with JSON Pointers ("/evidence/2/duty", "/institution/systems/0/id",
// "/asOf").
func (c *Catalog) GapReport(p *Profile, evidence []Evidence, opts Options) (*Report, error) {
	if c == nil {
		c = &Catalog{}
	}
	e := &evaluator{c: c, p: p}
	if err := e.run(evidence, &opts); err != nil {
		return nil, err
	}
	sortItems(e.items)
	r := &Report{Institution: p.Institution.ID, AsOf: opts.AsOf, Items: e.items}
	for i := range r.Items {
		r.Totals[r.Items[i].Status]++
	}
	return r, nil
}

// PortfolioEntry is one institution of a portfolio with its evidence.
type PortfolioEntry struct {
	// Profile is the institution. Required.
	Profile *Profile `json:"profile"`
	// Evidence is what it has done.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Summary is the outcome of one institution in a portfolio evaluation.
type Summary struct {
	// Institution is the institution's ID.
	Institution string
	// Totals counts the institution's items by status; index it with a
	// Status.
	Totals [statusCount]int
	// Err is the institution's validation error, if any.
	Err error
}

// Portfolio evaluates many institutions, one after the other, and returns
// one summary per entry, in input order. Only the totals are kept, so
// memory grows with the number of entries, not with their items; use
// [Catalog.GapReport] for the details of one institution. A catalog is
// safe for concurrent use: to use several cores, split the entries and
// call Portfolio from several goroutines.
func (c *Catalog) Portfolio(entries []PortfolioEntry, opts Options) []Summary {
	if c == nil {
		c = &Catalog{}
	}
	out := make([]Summary, len(entries))
	e := &evaluator{c: c}
	for i, en := range entries {
		s := &out[i]
		if en.Profile == nil {
			s.Err = &medsec.FieldError{Path: "/profile", Rule: "required", Message: msgErrRequired.New("profile")}
			continue
		}
		s.Institution = en.Profile.Institution.ID
		e.p = en.Profile
		if err := e.run(en.Evidence, &opts); err != nil {
			s.Err = err
			continue
		}
		for j := range e.items {
			s.Totals[e.items[j].Status]++
		}
	}
	return out
}
