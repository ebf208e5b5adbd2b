package grading

import (
	"testing"

	"github.com/medsec-go/medsec"
)

var (
	benchMLPS = MLPSInput{System: "HIS", Information: HarmProfile{SeriousHarm, SeriousHarm, NoHarm},
		Service: HarmProfile{GeneralHarm, SeriousHarm, NoHarm}, TertiaryHospitalCore: true}
	benchVN = VNInput{System: "portal", Type: VNPublicFacing, Information: InfoPublic | InfoPersonal,
		PublicService: PublicService2, ConditionalBusiness: No, Users: 48_000}
	benchNIS2 = NIS2Input{Entity: "hospital", Type: HealthcareProvider, Enterprise: Enterprise{Headcount: 1200,
		TurnoverEUR: 90_000_000, BalanceSheetEUR: 70_000_000, Linked: []Linked{{Headcount: 40, TurnoverEUR: 2_000_000, BalanceSheetEUR: 1_000_000}}}}
	benchDay = medsec.NewDate(2026, 3, 1)
	sinkMLPS MLPSResult
	sinkVN   VNResult
	sinkNIS2 NIS2Result
	sinkCZ   CZResult
	sinkLvl  uint8
	bare     = [3][5]uint8{{0, 0, 1, 2, 3}, {0, 0, 2, 3, 4}, {0, 0, 3, 4, 5}}
)

// BenchmarkMLPS: the level only (the hot path, target < 20 ns and 0
// allocations) and with reasons, citations and triggers (target < 1 µs).
func BenchmarkMLPS(b *testing.B) {
	// The yardstick: a bare table lookup of the same six cells, run under
	// the same machine load.
	b.Run("bare-table", func(b *testing.B) {
		in := benchMLPS
		for b.Loop() {
			p, q := in.Information, in.Service
			sinkLvl = max(bare[0][p.Citizens], bare[1][p.Society], bare[2][p.Nation],
				bare[0][q.Citizens], bare[1][q.Society], bare[2][q.Nation])
		}
	})
	b.Run("level", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay, LevelOnly: true}
		for b.Loop() {
			sinkMLPS, _ = MLPS(benchMLPS, opts)
		}
	})
	b.Run("reasons", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay}
		for b.Loop() {
			sinkMLPS, _ = MLPS(benchMLPS, opts)
		}
	})
}

func BenchmarkVietnam(b *testing.B) {
	b.Run("level", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay, LevelOnly: true}
		for b.Loop() {
			sinkVN, _ = Vietnam(benchVN, opts)
		}
	})
	b.Run("reasons", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay}
		for b.Loop() {
			sinkVN, _ = Vietnam(benchVN, opts)
		}
	})
}

func BenchmarkNIS2(b *testing.B) {
	b.Run("class", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay, LevelOnly: true}
		for b.Loop() {
			sinkNIS2, _ = NIS2(benchNIS2, opts)
		}
	})
	b.Run("reasons", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay}
		for b.Loop() {
			sinkNIS2, _ = NIS2(benchNIS2, opts)
		}
	})
}

func BenchmarkCzech(b *testing.B) {
	in := CZInput{Entity: "hospital", RegulatedService: Yes, Enterprise: Enterprise{Headcount: 900, TurnoverEUR: 80_000_000, BalanceSheetEUR: 60_000_000}}
	b.Run("regime", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay, LevelOnly: true}
		for b.Loop() {
			sinkCZ, _ = Czech(in, opts)
		}
	})
	b.Run("reasons", func(b *testing.B) {
		b.ReportAllocs()
		opts := Options{AsOf: benchDay}
		for b.Loop() {
			sinkCZ, _ = Czech(in, opts)
		}
	})
}

// BenchmarkNew: building the grader of the embedded registry, which the
// package-level functions do once, on first use.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	reg := medsec.DefaultRegistry()
	for b.Loop() {
		if _, err := New(reg); err != nil {
			b.Fatal(err)
		}
	}
}
