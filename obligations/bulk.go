package obligations

import (
	"fmt"
	"io"
	"iter"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/reportjson"
)

// BulkOptions tune a bulk evaluation ([Catalog.WriteJSONLines]).
type BulkOptions struct {
	// Options are those of every evaluation; AsOf is required.
	Options
	// Workers is how many institutions are evaluated at once. 0 and 1
	// evaluate them one after the other in the calling goroutine; n > 1
	// uses n goroutines, and the entries' iterator must then leave an
	// entry it has yielded unchanged until the report is written (see
	// [Catalog.WriteJSONLines]). Use runtime.GOMAXPROCS(0) for every
	// core. At most 256.
	Workers int
	// OnError decides what becomes of an entry that cannot be evaluated
	// (a nil or invalid profile, invalid evidence). When nil, the
	// evaluation stops at the first such entry and returns its
	// [*BulkError]. Otherwise OnError is called with the error, in input
	// order and from one goroutine at a time: returning nil skips the
	// entry, returning an error stops the evaluation with that error.
	OnError func(*BulkError) error
}

// maxWorkers bounds BulkOptions.Workers.
const maxWorkers = 256

// A BulkError is the error of one entry of a bulk evaluation.
type BulkError struct {
	// Index is the entry's position in the input, from 0.
	Index int
	// Institution is the ID of the entry's institution, empty when the
	// entry has no profile.
	Institution string
	// Err is what is wrong: [medsec.FieldErrors] with JSON Pointers into
	// the entry ([PortfolioEntry]: "/profile", "/evidence/2/duty"),
	// wrapping [medsec.ErrInvalidInput].
	Err error
}

// Error returns the message "obligations: entry N (institution ID): …".
func (e *BulkError) Error() string {
	if e == nil {
		return "<nil>"
	}
	return fmt.Sprintf("obligations: entry %d (institution %q): %v", e.Index, e.Institution, e.Err)
}

// Unwrap returns the entry's error.
func (e *BulkError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// BulkStats counts what a bulk evaluation did.
type BulkStats struct {
	// Entries is the number of entries read; Reports the number of
	// reports written; Skipped the number of entries OnError skipped.
	Entries, Reports, Skipped int
	// Items is the number of items of all reports written, and Bytes the
	// number of bytes written.
	Items int
	Bytes int64
}

// errNoEntries is the error of the bulk functions for a nil iterator.
var errNoEntries = fmt.Errorf("obligations: bulk evaluation: the entries' iterator is nil: %w", medsec.ErrInvalidInput)

// GapReports returns an iterator over the gap reports of the entries, in
// their order: for each entry, its report and nil, or nil and a
// [*BulkError] when it cannot be evaluated. It evaluates an entry only
// when the loop asks for the next report, and keeps nothing of it, so a
// loop that keeps only what it needs of each report uses memory that
// does not grow with the number of entries. Stopping the loop stops
// reading the entries. A zero opts.AsOf makes the first result an
// error.
//
//	for r, err := range c.GapReports(entries, opts) {
//		if err != nil {
//			log.Print(err) // one institution's profile is invalid
//			continue
//		}
//		store(r.Institution, r.Total(obligations.StatusOverdue))
//	}
func (c *Catalog) GapReports(entries iter.Seq[PortfolioEntry], opts Options) iter.Seq2[*Report, error] {
	if c == nil {
		c = &Catalog{}
	}
	return func(yield func(*Report, error) bool) {
		if entries == nil {
			yield(nil, errNoEntries)
			return
		}
		if !opts.AsOf.Valid() {
			yield(nil, fmt.Errorf("obligations: invalid options: %w", asOfError(opts.AsOf)))
			return
		}
		i := 0
		for en := range entries {
			var r *Report
			err := entryError(en)
			if err == nil {
				r, err = c.GapReport(en.Profile, en.Evidence, opts)
			}
			if err != nil {
				r, err = nil, bulkError(i, en, err)
			}
			if !yield(r, err) {
				return
			}
			i++
		}
	}
}

// entryError returns the error of an entry without a profile.
func entryError(en PortfolioEntry) error {
	if en.Profile == nil {
		return medsec.FieldErrors{{Path: "/profile", Rule: "required", Message: msgErrRequired.New("profile")}}
	}
	return nil
}

func bulkError(i int, en PortfolioEntry, err error) *BulkError {
	e := &BulkError{Index: i, Err: err}
	if en.Profile != nil {
		e.Institution = en.Profile.Institution.ID
	}
	return e
}

// WriteJSONLines evaluates every entry and writes its gap report to w as
// one line of JSON Lines: the compact JSON form [ReportFormat] of
// [Report.MarshalJSON] and a line feed, in the order of the entries, so
// the same entries give the same bytes whatever the number of workers.
// Each line decodes with [Catalog.DecodeReport].
//
// Memory does not grow with the number of entries: each worker evaluates
// one institution at a time into buffers it reuses, and at most two
// reports per worker wait to be written. With one worker a million
// institutions of five systems take about a minute on one core of a
// 2026 server; see BenchmarkWriteJSONLines and the package
// documentation.
//
// With [BulkOptions.Workers] above 1, entries are evaluated in parallel
// while the iterator yields the next ones: the iterator must not change
// an entry (its profile and evidence) after yielding it, for example by
// reusing one Profile value for every institution; yield a new one each
// time. The iterator itself is called from the calling goroutine only.
//
// An entry that cannot be evaluated goes to [BulkOptions.OnError]; by
// default it stops the evaluation with its [*BulkError]. A zero AsOf, a
// nil w or a nil iterator is an error before anything is read. An error
// of w stops the evaluation and is returned. The statistics count what
// was done until then.
func (c *Catalog) WriteJSONLines(w io.Writer, entries iter.Seq[PortfolioEntry], opts BulkOptions) (BulkStats, error) {
	if c == nil {
		c = &Catalog{}
	}
	switch {
	case w == nil:
		return BulkStats{}, errNilWriter
	case entries == nil:
		return BulkStats{}, errNoEntries
	case !opts.AsOf.Valid():
		return BulkStats{}, fmt.Errorf("obligations: invalid options: %w", asOfError(opts.AsOf))
	case opts.Workers < 0 || opts.Workers > maxWorkers:
		return BulkStats{}, fmt.Errorf("obligations: invalid options: %w", medsec.FieldErrors{{Path: "/workers", Rule: "range",
			Value: fmt.Sprint(opts.Workers), Message: msgErrWorkers.New(maxWorkers)}})
	}
	s := &bulkSink{w: w, onError: opts.OnError}
	if opts.Workers <= 1 {
		l := newLiner(c, &opts.Options)
		i := 0
		for en := range entries {
			l.line(en)
			if !s.put(i, en, l) {
				break
			}
			i++
		}
		return s.stats, s.err
	}
	return s.parallel(c, entries, &opts)
}

// A liner evaluates one entry at a time and writes its report as a line
// of JSON, reusing its memory from one entry to the next.
type liner struct {
	e     evaluator
	opts  *Options
	w     reportjson.Writer
	items int   // the items of the last report
	err   error // the error of the last entry
}

func newLiner(c *Catalog, opts *Options) *liner {
	return &liner{e: evaluator{c: c}, opts: opts}
}

// line evaluates en into l.w.B, or sets l.err.
func (l *liner) line(en PortfolioEntry) {
	l.w.Reset(false)
	l.items, l.err = 0, entryError(en)
	if l.err != nil {
		return
	}
	l.e.p = en.Profile
	if l.err = l.e.run(en.Evidence, l.opts); l.err != nil {
		return
	}
	l.e.sort()
	r := Report{Institution: en.Profile.Institution.ID, AsOf: l.opts.AsOf, Items: l.e.items}
	for i := range r.Items {
		r.Totals[r.Items[i].Status]++
	}
	r.write(&l.w, nil)
	if l.w.Err != nil {
		l.err = l.w.Err
		return
	}
	l.w.B = append(l.w.B, '\n')
	l.items = len(r.Items)
	// A very large institution leaves a large buffer; let it go.
	if cap(l.w.B) > 4<<20 {
		l.w.B = nil
	}
}

// bulkSink writes lines in input order and counts them.
type bulkSink struct {
	w       io.Writer
	onError func(*BulkError) error
	stats   BulkStats
	err     error
}

// put writes the outcome of entry i held by l, and reports whether to go
// on.
func (s *bulkSink) put(i int, en PortfolioEntry, l *liner) bool {
	if s.err != nil {
		return false
	}
	s.stats.Entries++
	if l.err != nil {
		be := bulkError(i, en, l.err)
		if s.onError == nil {
			s.err = be
			return false
		}
		if s.err = s.onError(be); s.err != nil {
			return false
		}
		s.stats.Skipped++
		return true
	}
	n, err := s.w.Write(l.w.B)
	s.stats.Bytes += int64(n)
	if err != nil {
		s.err = fmt.Errorf("obligations: writing JSON Lines: %w", err)
		return false
	}
	s.stats.Reports++
	s.stats.Items += l.items
	return true
}

// A bulkJob is one entry on its way through the workers.
type bulkJob struct {
	i    int
	en   PortfolioEntry
	l    *liner
	done chan struct{}
}

// parallel evaluates the entries with opts.Workers goroutines and writes
// their lines in input order. The calling goroutine reads the entries;
// a writer goroutine waits for each entry's line in turn.
func (s *bulkSink) parallel(c *Catalog, entries iter.Seq[PortfolioEntry], opts *BulkOptions) (BulkStats, error) {
	n := opts.Workers
	window := 2 * n
	free := make(chan *bulkJob, window)
	for range window {
		free <- &bulkJob{l: newLiner(c, &opts.Options), done: make(chan struct{}, 1)}
	}
	jobs := make(chan *bulkJob)
	order := make(chan *bulkJob, window)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.l.line(j.en)
				j.done <- struct{}{}
			}
		}()
	}
	written := make(chan struct{})
	go func() {
		defer close(written)
		stopped := false
		for j := range order {
			<-j.done
			if !stopped && !s.put(j.i, j.en, j.l) {
				stopped = true
				close(stop)
			}
			j.en = PortfolioEntry{}
			free <- j
		}
	}()
	i := 0
read:
	for en := range entries {
		var j *bulkJob
		select {
		case <-stop:
			break read
		default:
		}
		select {
		case j = <-free:
		case <-stop:
			break read
		}
		j.i, j.en = i, en
		order <- j
		jobs <- j
		i++
	}
	close(jobs)
	close(order)
	<-written
	wg.Wait()
	return s.stats, s.err
}
