package obligations

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// nationalEvidence is the evidence pattern of the generated institutions:
// evidence for every other binding of a five-system hospital, made once.
var nationalEvidence = sync.OnceValue(func() []Evidence {
	p := nationalProfile(0, 5)
	return evidenceFor(DefaultCatalog(), p)
})

// nationalProfile is generated institution i: a Chinese hospital with n
// systems at levels 1 to 3, graded on days that vary with i.
func nationalProfile(i, n int) *Profile {
	p := &Profile{Institution: grading.Institution{ID: fmt.Sprintf("CN-%07d", i), Jurisdictions: []medsec.Jurisdiction{medsec.CN},
		Type: grading.TypeHospital, Flags: []medsec.Flag{"health-data", "personal-data"}, Principal: "P1"}}
	p.Institution.Systems = make([]grading.System, n)
	for k := range p.Institution.Systems {
		p.Institution.Systems[k] = grading.System{ID: fmt.Sprintf("S%03d", k), MLPS: grading.MLPSLevel(1 + (i+k)%3),
			Events: map[medsec.Event]medsec.Date{"grading": date("2026-01-01").AddDays((i*7 + k) % 300)}}
	}
	return p
}

// nationalEntries generates n institutions of the given number of
// systems, each a fresh value, with the shared evidence pattern when the
// institution has five systems.
func nationalEntries(n, systems int) iter.Seq[PortfolioEntry] {
	var ev []Evidence
	if systems == 5 {
		ev = nationalEvidence()
	}
	return func(yield func(PortfolioEntry) bool) {
		for i := range n {
			if !yield(PortfolioEntry{Profile: nationalProfile(i, systems), Evidence: ev}) {
				return
			}
		}
	}
}

// TestWriteJSONLines: every line is the entry's gap report as
// MarshalJSON writes it, in input order, the same with any number of
// workers; each decodes back to the same bytes.
func TestWriteJSONLines(t *testing.T) {
	c := DefaultCatalog()
	const n = 40
	var want bytes.Buffer
	items := 0
	for en := range nationalEntries(n, 5) {
		r, err := c.GapReport(en.Profile, en.Evidence, at())
		require.NoError(t, err)
		want.Write(marshal(t, r))
		want.WriteByte('\n')
		items += len(r.Items)
	}
	for _, workers := range []int{0, 1, 2, 3, 8} {
		var got bytes.Buffer
		st, err := c.WriteJSONLines(&got, nationalEntries(n, 5), BulkOptions{Options: at(), Workers: workers})
		require.NoError(t, err)
		assert.Equal(t, want.String(), got.String(), "workers %d", workers)
		assert.Equal(t, BulkStats{Entries: n, Reports: n, Items: items, Bytes: int64(want.Len())}, st)
	}
	sc := bufio.NewScanner(&want)
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		back, err := c.DecodeReport(bytes.NewReader(sc.Bytes()))
		require.NoError(t, err)
		assert.Equal(t, sc.Text(), string(marshal(t, back)))
		lines++
	}
	assert.Equal(t, n, lines)
}

// counted counts the entries an iterator yields.
func counted(seq iter.Seq[PortfolioEntry], n *int) iter.Seq[PortfolioEntry] {
	return func(yield func(PortfolioEntry) bool) {
		for en := range seq {
			*n++
			if !yield(en) {
				return
			}
		}
	}
}

// withBad replaces entries of seq: a nil profile at index nilAt and
// evidence for an unknown duty at badAt.
func withBad(seq iter.Seq[PortfolioEntry], nilAt, badAt int) iter.Seq[PortfolioEntry] {
	return func(yield func(PortfolioEntry) bool) {
		i := 0
		for en := range seq {
			switch i {
			case nilAt:
				en.Profile = nil
			case badAt:
				en.Evidence = []Evidence{{Duty: "XA-NO-SUCH-DUTY", Done: asOf}}
			}
			if !yield(en) {
				return
			}
			i++
		}
	}
}

func TestWriteJSONLinesErrors(t *testing.T) {
	c := DefaultCatalog()
	const n = 30
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			opts := BulkOptions{Options: at(), Workers: workers}
			// By default the first bad entry stops the evaluation, and
			// little more than its window is read.
			read := 0
			var out bytes.Buffer
			st, err := c.WriteJSONLines(&out, counted(withBad(nationalEntries(n, 5), 3, 7), &read), opts)
			var be *BulkError
			require.ErrorAs(t, err, &be)
			assert.Equal(t, 3, be.Index)
			assert.Empty(t, be.Institution)
			checkInputError(t, be.Err)
			assert.Contains(t, err.Error(), "entry 3")
			assert.Equal(t, 3, st.Reports)
			assert.Equal(t, 3, strings.Count(out.String(), "\n"))
			assert.LessOrEqual(t, read, 4+2*workers+1)

			// OnError skips them.
			var seen []int
			opts.OnError = func(e *BulkError) error {
				seen = append(seen, e.Index)
				return nil
			}
			out.Reset()
			st, err = c.WriteJSONLines(&out, withBad(nationalEntries(n, 5), 3, 7), opts)
			require.NoError(t, err)
			assert.Equal(t, []int{3, 7}, seen)
			assert.Equal(t, n-2, st.Reports)
			assert.Equal(t, 2, st.Skipped)
			assert.Equal(t, n, st.Entries)
			assert.Equal(t, n-2, strings.Count(out.String(), "\n"))
			assert.NotContains(t, out.String(), `"institution":"CN-0000007"`)

			// Or stop with an error of their own.
			stop := errors.New("stop here")
			opts.OnError = func(e *BulkError) error {
				assert.Equal(t, "CN-0000007", e.Institution)
				var fes medsec.FieldErrors
				require.ErrorAs(t, e, &fes)
				assert.Equal(t, "/evidence/0/duty", fes[0].Path)
				return stop
			}
			st, err = c.WriteJSONLines(io.Discard, withBad(nationalEntries(n, 5), -1, 7), opts)
			assert.ErrorIs(t, err, stop)
			assert.Equal(t, 7, st.Reports)

			// An error of the writer stops it too.
			st, err = c.WriteJSONLines(&failingWriter{n: 100000}, nationalEntries(n, 5), BulkOptions{Options: at(), Workers: workers})
			assert.ErrorContains(t, err, "disk full")
			assert.Less(t, st.Reports, n)
		})
	}
	for name, opts := range map[string]BulkOptions{
		"no as-of day":     {},
		"no real day":      {Options: Options{AsOf: medsec.Date{Year: 2026, Month: 2, Day: 30}}},
		"negative workers": {Options: at(), Workers: -1},
		"too many workers": {Options: at(), Workers: 1000},
	} {
		read := 0
		_, err := c.WriteJSONLines(io.Discard, counted(nationalEntries(3, 5), &read), opts)
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, name)
		assert.Zero(t, read, name)
	}
	_, err := c.WriteJSONLines(nil, nationalEntries(1, 5), BulkOptions{Options: at()})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = c.WriteJSONLines(io.Discard, nil, BulkOptions{Options: at()})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	st, err := (*Catalog)(nil).WriteJSONLines(io.Discard, nationalEntries(2, 4), BulkOptions{Options: at()})
	require.NoError(t, err, "a nil catalog has no duties")
	assert.Equal(t, 2, st.Reports)
	assert.Zero(t, st.Items)
}

// TestGapReports: the iterator yields each entry's gap report, or its
// error, and stops reading when the loop stops.
func TestGapReports(t *testing.T) {
	c := DefaultCatalog()
	var want []string
	for en := range nationalEntries(10, 5) {
		r, err := c.GapReport(en.Profile, en.Evidence, at())
		require.NoError(t, err)
		want = append(want, string(marshal(t, r)))
	}
	var got []string
	var errs []*BulkError
	for r, err := range c.GapReports(withBad(nationalEntries(10, 5), 2, 5), at()) {
		if err != nil {
			var be *BulkError
			require.ErrorAs(t, err, &be)
			errs = append(errs, be)
			continue
		}
		got = append(got, string(marshal(t, r)))
	}
	require.Len(t, errs, 2)
	assert.Equal(t, []int{2, 5}, []int{errs[0].Index, errs[1].Index})
	assert.Equal(t, "CN-0000005", errs[1].Institution)
	assert.Equal(t, append(append(want[:2:2], want[3:5]...), want[6:]...), got)

	read := 0
	for r, err := range c.GapReports(counted(nationalEntries(10, 5), &read), at()) {
		require.NoError(t, err)
		require.NotNil(t, r)
		break
	}
	assert.Equal(t, 1, read)
	for _, seq := range []iter.Seq[PortfolioEntry]{nil, nationalEntries(2, 5)} {
		opts := at()
		if seq != nil {
			opts = Options{}
		}
		n := 0
		for r, err := range c.GapReports(seq, opts) {
			assert.Nil(t, r)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			n++
		}
		assert.Equal(t, 1, n)
	}
	assert.Equal(t, "<nil>", (*BulkError)(nil).Error())
	assert.NoError(t, (*BulkError)(nil).Unwrap())
}

// TestWriteJSONLinesMemory: the heap does not grow with the number of
// institutions. The live heap is sampled after a collection every 2,000
// institutions; the last sample must not exceed the first by more than a
// few MiB.
func TestWriteJSONLinesMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("measures memory over 20,000 institutions")
	}
	c := DefaultCatalog()
	var samples []uint64
	sampled := func(seq iter.Seq[PortfolioEntry]) iter.Seq[PortfolioEntry] {
		return func(yield func(PortfolioEntry) bool) {
			i := 0
			for en := range seq {
				if i%2000 == 1999 {
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					samples = append(samples, ms.HeapAlloc)
				}
				if !yield(en) {
					return
				}
				i++
			}
		}
	}
	st, err := c.WriteJSONLines(io.Discard, sampled(nationalEntries(20000, 5)), BulkOptions{Options: at(), Workers: 2})
	require.NoError(t, err)
	require.Equal(t, 20000, st.Reports)
	require.Len(t, samples, 10)
	t.Logf("live heap every 2,000 institutions (MiB): %v", mib(samples))
	assert.Less(t, samples[len(samples)-1], samples[0]+8<<20, "the heap grows with the institutions: %v MiB", mib(samples))
}

func mib(bs []uint64) []string {
	var out []string
	for _, b := range bs {
		out = append(out, fmt.Sprintf("%.1f", float64(b)/(1<<20)))
	}
	return out
}
