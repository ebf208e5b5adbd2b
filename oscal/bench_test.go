package oscal

import (
	"io"
	"testing"

	"github.com/medsec-go/medsec/obligations"
)

// BenchmarkWriteCatalog writes the catalog of each pack.
func BenchmarkWriteCatalog(b *testing.B) {
	for _, p := range Catalogs(nil) {
		b.Run(p, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteCatalog(io.Discard, p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteProfile writes the MLPS level-3 baseline, which hashes the
// Chinese catalog it imports.
func BenchmarkWriteProfile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteProfile(io.Discard, Baselines()[2], Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteAssessmentResults writes the results of a hospital of 50
// systems (one finding per item, an observation per piece of evidence).
func BenchmarkWriteAssessmentResults(b *testing.B) {
	h := bigHospital(b, 50)
	r := h.report(b)
	b.ReportMetric(float64(len(r.Items)), "items")
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAssessmentResults(io.Discard, r, &h.profile, h.at, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePOAM writes the plan of action of the same hospital.
func BenchmarkWritePOAM(b *testing.B) {
	h := bigHospital(b, 50)
	r := h.report(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePOAM(io.Discard, r, &h.profile, h.at, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteMappingCollection writes the embedded mappings, which
// hashes the five catalogs they join.
func BenchmarkWriteMappingCollection(b *testing.B) {
	m := obligations.DefaultCatalog().Mappings()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMappingCollection(io.Discard, m, "medsec", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
