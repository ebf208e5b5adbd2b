package obligations

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/medsec-go/medsec"
)

// BenchmarkGapReport: a 50-system hospital with evidence for half its
// duties (design budget: well under 200 µs).
func BenchmarkGapReport(b *testing.B) {
	c := DefaultCatalog()
	p := bigHospital(50, "H")
	ev := evidenceFor(c, &p)
	b.ReportAllocs()
	for b.Loop() {
		r, err := c.GapReport(&p, ev, at())
		if err != nil || len(r.Items) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkGapReportPortfolio: 10,000 hospitals of 20 systems each
// (target < 5 s). Skipped with -short.
func BenchmarkGapReportPortfolio(b *testing.B) {
	if testing.Short() {
		b.Skip("portfolio benchmark skipped in -short mode")
	}
	c := DefaultCatalog()
	const n = 10000
	entries := make([]PortfolioEntry, n)
	for i := range entries {
		p := bigHospital(20, fmt.Sprintf("H%05d", i))
		entries[i] = PortfolioEntry{Profile: &p, Evidence: evidenceFor(c, &p)}
	}
	b.ReportAllocs()
	for b.Loop() {
		sums := c.Portfolio(entries, at())
		if len(sums) != n || sums[n-1].Err != nil {
			b.Fatal("portfolio failed")
		}
	}
}

// BenchmarkDefaultCatalogLoad: building the catalog of the default
// registry (duties and roles of every embedded pack), as the first call
// of DefaultCatalog does.
func BenchmarkDefaultCatalogLoad(b *testing.B) {
	reg := medsec.DefaultRegistry()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalogFor(reg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRoles: the role rules against a 50-system hospital's
// staff.
func BenchmarkCheckRoles(b *testing.B) {
	c := DefaultCatalog()
	p := bigHospital(50, "H")
	staff := goodCNStaff()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.CheckRoles(&p, staff); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteReport renders the golden report (48 items) in each
// format; every ID, reference and text is escaped on the way.
func BenchmarkWriteReport(b *testing.B) {
	r := goldenReport(b)
	for _, w := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"text", func(w io.Writer) error { return r.WriteText(w, nil) }},
		{"markdown", func(w io.Writer) error { return r.WriteMarkdown(w, nil) }},
		{"json", r.WriteJSON},
	} {
		b.Run(w.name, func(b *testing.B) {
			var buf bytes.Buffer
			if err := w.write(&buf); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				_ = w.write(&buf)
			}
		})
	}
}

// scaleSizes are the institution sizes of the scaling benchmarks (issue
// 15: GapReport and WriteJSON must stay linear in the number of systems).
var scaleSizes = []int{10, 100, 1000, 4000}

// BenchmarkGapReportScale: GapReport of one hospital of n systems with
// evidence for every other binding. ns/op divided by n should stay flat.
func BenchmarkGapReportScale(b *testing.B) {
	c := DefaultCatalog()
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("systems=%d", n), func(b *testing.B) {
			p := bigHospital(n, "H")
			ev := evidenceFor(c, &p)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.GapReport(&p, ev, at()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteJSONScale: writing the gap report of one hospital of n
// systems as JSON; it should cost no more than a few times GapReport.
func BenchmarkWriteJSONScale(b *testing.B) {
	c := DefaultCatalog()
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("systems=%d", n), func(b *testing.B) {
			p := bigHospital(n, "H")
			r, err := c.GapReport(&p, evidenceFor(c, &p), at())
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := r.WriteJSON(&buf); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.WriteJSON(&buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteJSONLines: full gap reports of 10,000 generated Chinese
// institutions of five systems each (about 70 items, 40 KB of JSON each),
// written as JSON Lines to io.Discard, with one worker and with every
// core. It reports the time per institution, the bytes written per
// second and the peak of the heap in use and of the memory obtained from
// the OS, sampled every 1,000 institutions. Issue 15's goal is one
// million institutions in under 60 s on 2 cores with under 512 MiB; run
// examples/national -n 1000000 under /usr/bin/time -v for that figure.
func BenchmarkWriteJSONLines(b *testing.B) {
	c := DefaultCatalog()
	const n = 10000
	nationalEvidence()
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var peakHeap, peakSys uint64
			sample := func() {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peakHeap, peakSys = max(peakHeap, ms.HeapInuse), max(peakSys, ms.Sys)
			}
			sampled := func(yield func(PortfolioEntry) bool) {
				i := 0
				for en := range nationalEntries(n, 5) {
					if i%1000 == 0 {
						sample()
					}
					if !yield(en) {
						return
					}
					i++
				}
			}
			var bytes int64
			b.ReportAllocs()
			for b.Loop() {
				st, err := c.WriteJSONLines(io.Discard, sampled, BulkOptions{Options: at(), Workers: workers})
				if err != nil || st.Reports != n {
					b.Fatal(err)
				}
				bytes = st.Bytes
			}
			b.SetBytes(bytes)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/institution")
			b.ReportMetric(float64(peakHeap)/(1<<20), "MiB-heap-peak")
			b.ReportMetric(float64(peakSys)/(1<<20), "MiB-sys-peak")
		})
	}
}

// BenchmarkDecodeReport: reading back the gap report of a 50-system
// hospital.
func BenchmarkDecodeReport(b *testing.B) {
	c := DefaultCatalog()
	p := bigHospital(50, "H")
	r, err := c.GapReport(&p, evidenceFor(c, &p), at())
	if err != nil {
		b.Fatal(err)
	}
	data, err := r.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.DecodeReport(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
