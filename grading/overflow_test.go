package grading

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// TestAggregateSaturates: review finding F9. Money sums saturate instead
// of wrapping: the reproducer (turnover and balance sheet MaxInt64 plus a
// linked enterprise with the same) stays large and essential.
func TestAggregateSaturates(t *testing.T) {
	const max = math.MaxInt64
	in := NIS2Input{Type: HealthcareProvider, Enterprise: Enterprise{Headcount: 100, TurnoverEUR: max, BalanceSheetEUR: max,
		Linked: []Linked{{Headcount: 100, TurnoverEUR: max, BalanceSheetEUR: max}}}}
	r, err := NIS2(in, Options{AsOf: medsec.NewDate(2026, 1, 1)})
	require.NoError(t, err)
	assert.Equal(t, Figures{200, max, max}, r.Figures)
	assert.Equal(t, Large, r.Size)
	assert.Equal(t, Essential, r.Class)

	in.Enterprise.Linked = nil
	in.Enterprise.Partners = []Partner{{SharePercent: 50, Headcount: 1, TurnoverEUR: max, BalanceSheetEUR: max}}
	r, err = NIS2(in, Options{AsOf: medsec.NewDate(2026, 1, 1)})
	require.NoError(t, err)
	assert.Equal(t, int64(max), r.Figures.TurnoverEUR)
	assert.Equal(t, Essential, r.Class)

	// Aggregate is defined on figures that do not validate too.
	e := Enterprise{TurnoverEUR: math.MinInt64, BalanceSheetEUR: -1,
		Linked:   []Linked{{TurnoverEUR: math.MinInt64, BalanceSheetEUR: math.MinInt64}},
		Partners: []Partner{{SharePercent: 1e300, TurnoverEUR: max, BalanceSheetEUR: math.MinInt64}, {SharePercent: math.NaN(), TurnoverEUR: 5}}}
	f := e.Aggregate()
	assert.Equal(t, int64(math.MinInt64), f.BalanceSheetEUR)
	assert.Equal(t, int64(max)+math.MinInt64, f.TurnoverEUR) // MinInt64 saturated, then MaxInt64 added; NaN adds 0
}

// TestNonFiniteFiguresRejected: infinite, NaN and absurd headcounts and
// shares are errors, not figures.
func TestNonFiniteFiguresRejected(t *testing.T) {
	good := Enterprise{Headcount: 10, TurnoverEUR: 1, BalanceSheetEUR: 1}
	for name, e := range map[string]Enterprise{
		"+Inf headcount":        {Headcount: math.Inf(1), TurnoverEUR: 1, BalanceSheetEUR: 1},
		"NaN headcount":         {Headcount: math.NaN(), TurnoverEUR: 1, BalanceSheetEUR: 1},
		"huge headcount":        {Headcount: 1e300, TurnoverEUR: 1, BalanceSheetEUR: 1},
		"+Inf linked headcount": {Headcount: 1, TurnoverEUR: 1, BalanceSheetEUR: 1, Linked: []Linked{{Headcount: math.Inf(1)}}},
		"NaN share":             {Headcount: 1, TurnoverEUR: 1, BalanceSheetEUR: 1, Partners: []Partner{{SharePercent: math.NaN()}}},
		"+Inf partner":          {Headcount: 1, TurnoverEUR: 1, BalanceSheetEUR: 1, Partners: []Partner{{SharePercent: 30, Headcount: math.Inf(1)}}},
	} {
		_, err := NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: e}, Options{AsOf: medsec.NewDate(2026, 1, 1)})
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, name)
		_, err = Czech(CZInput{RegulatedService: Yes, Enterprise: e}, Options{AsOf: medsec.NewDate(2026, 1, 1)})
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, name)
	}
	_, err := NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: good}, Options{AsOf: medsec.NewDate(2026, 1, 1)})
	assert.NoError(t, err)
}

// TestFiguresFromJSON: the same through JSON, read by the module's strict
// decoder as the example programs read it. The largest int64 is a figure;
// anything larger, a fraction of a euro, and numbers beyond float64 are
// decoding errors. A whole number written with an exponent (1e3) is the
// number it means, as in JSON Schema.
func TestFiguresFromJSON(t *testing.T) {
	dec := strictjson.New(strictjson.Config{})
	decode := func(enterprise string) (NIS2Input, strictjson.Errors) {
		var in NIS2Input
		errs := dec.Unmarshal([]byte(`{"type": "healthcare-provider", "enterprise": `+enterprise+`}`), &in)
		return in, errs
	}
	maxI := strconv.FormatInt(math.MaxInt64, 10)
	in, errs := decode(`{"headcount": 100, "turnoverEur": ` + maxI + `, "balanceSheetEur": ` + maxI +
		`, "linked": [{"headcount": 100, "turnoverEur": ` + maxI + `, "balanceSheetEur": ` + maxI + `}]}`)
	require.Nil(t, errs)
	r, err := NIS2(in, Options{AsOf: medsec.NewDate(2026, 1, 1)})
	require.NoError(t, err)
	assert.Equal(t, Essential, r.Class)

	for _, bad := range []string{
		`{"headcount": 1, "turnoverEur": 9223372036854775808, "balanceSheetEur": 1}`,
		`{"headcount": 1e400, "turnoverEur": 1, "balanceSheetEur": 1}`,
		`{"headcount": 1, "turnoverEur": 1.5e0, "balanceSheetEur": 1}`,
	} {
		_, errs := decode(bad)
		assert.NotNil(t, errs, bad)
	}
	in, errs = decode(`{"headcount": 1, "turnoverEur": 1e3, "balanceSheetEur": 2.0}`)
	require.Nil(t, errs)
	assert.Equal(t, Enterprise{Headcount: 1, TurnoverEUR: 1000, BalanceSheetEUR: 2}, in.Enterprise)
	in, errs = decode(`{"headcount": 1e300, "turnoverEur": 1, "balanceSheetEur": 1}`)
	require.Nil(t, errs)
	_, err = NIS2(in, Options{AsOf: medsec.NewDate(2026, 1, 1)})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

// TestBiggerNeverSmaller: near the int64 limit, a bigger enterprise never
// gets a smaller NIS2 class.
func TestBiggerNeverSmaller(t *testing.T) {
	money := []int64{1, 10_000_000, 50_000_001, math.MaxInt64 / 2, math.MaxInt64 - 1, math.MaxInt64}
	for _, staff := range []float64{1, 49, 249, 250, MaxHeadcount} {
		prev := EntityClassUnknown
		for _, m := range money {
			e := Enterprise{Headcount: staff, TurnoverEUR: m, BalanceSheetEUR: m,
				Linked: []Linked{{TurnoverEUR: m, BalanceSheetEUR: m}}, Partners: []Partner{{SharePercent: 50, TurnoverEUR: m, BalanceSheetEUR: m}}}
			r, err := NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: e}, Options{AsOf: medsec.NewDate(2026, 1, 1), LevelOnly: true})
			require.NoError(t, err)
			assert.GreaterOrEqual(t, classRank(r.Class), classRank(prev), "staff %v money %d", staff, m)
			prev = r.Class
		}
	}
}

func classRank(c EntityClass) int {
	switch c {
	case Essential:
		return 3
	case Important:
		return 2
	case OutOfScope:
		return 1
	}
	return 0
}
