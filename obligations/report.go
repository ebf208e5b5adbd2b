package obligations

import (
	"runtime"
	"sync"

	"github.com/medsec-go/medsec"
)

// Report is a gap report: every applicable duty with its status, sorted by
// urgency (see [Status]), with totals.
type Report struct {
	Institution string
	AsOf        medsec.Date
	Items       []Item
	// Totals counts items by status; index it with a Status.
	Totals [statusCount]int
}

// Total returns the number of items with status s.
func (r *Report) Total(s Status) int {
	if s >= statusCount {
		return 0
	}
	return r.Totals[s]
}

// GapReport evaluates the profile against the catalog: which duties apply,
// and for each whether it is met, due soon, overdue or missing evidence on
// opts.AsOf. Evidence naming an unknown duty, system or incident is an
// error, as is an invalid profile.
func (c *Catalog) GapReport(p *Profile, evidence []Evidence, opts Options) (*Report, error) {
	e := getEvaluator(c)
	defer putEvaluator(e)
	if err := e.run(p, evidence, &opts); err != nil {
		return nil, err
	}
	r := &Report{Institution: p.Institution.ID, AsOf: medsec.DateOf(opts.AsOf), Items: e.sorted()}
	for i := range r.Items {
		r.Totals[r.Items[i].Status]++
	}
	return r, nil
}

// PortfolioEntry is one institution of a portfolio with its evidence.
type PortfolioEntry struct {
	Profile  *Profile
	Evidence []Evidence
}

// Summary is the outcome of one institution in a portfolio evaluation.
type Summary struct {
	Institution string
	Totals      [statusCount]int
	// Err is the institution's validation error, if any.
	Err error
}

// Portfolio evaluates many institutions concurrently (one worker per CPU)
// and returns one summary per entry, in input order. Only the totals are
// kept, so memory grows with the number of entries, not with their items;
// use [Catalog.GapReport] for the details of one institution.
func (c *Catalog) Portfolio(entries []PortfolioEntry, opts Options) []Summary {
	out := make([]Summary, len(entries))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(entries) {
		workers = len(entries)
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e := getEvaluator(c)
			defer putEvaluator(e)
			for i := range next {
				en := entries[i]
				s := &out[i]
				if en.Profile == nil {
					s.Err = &medsec.FieldError{Path: "Profile", Rule: "required", Message: msgErrRequired.New("PortfolioEntry.Profile")}
					continue
				}
				s.Institution = en.Profile.Institution.ID
				if err := e.run(en.Profile, en.Evidence, &opts); err != nil {
					s.Err = err
					continue
				}
				for j := range e.items {
					s.Totals[e.items[j].Status]++
				}
			}
		}()
	}
	// Hand out work in chunks of indices to keep channel traffic low.
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
