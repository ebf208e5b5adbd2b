package obligations

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkGapReport: a 50-system hospital with evidence for half its
// duties (target < 200 µs).
func BenchmarkGapReport(b *testing.B) {
	c := DefaultCatalog()
	p := bigHospital(50, "H")
	ev := evidenceFor(c, &p)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.GapReport(&p, ev, Options{AsOf: asOf})
		if err != nil || len(r.Items) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkGapReportPortfolio: 10,000 hospitals of 20 systems each,
// evaluated concurrently (target < 5 s on 2 cores). Skipped with -short.
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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sums := c.Portfolio(entries, Options{AsOf: asOf})
		if len(sums) != n || sums[n-1].Err != nil {
			b.Fatal("portfolio failed")
		}
	}
}

func BenchmarkDefaultCatalogLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadEmbedded(); err != nil {
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
