package grading

import (
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const M = 1_000_000

// TestSizeBoundaries pins the ceilings of Recommendation 2003/361 (Annex
// art. 2; cz-eu.md §1.3) and their and/or rules.
func TestSizeBoundaries(t *testing.T) {
	cases := []struct {
		name      string
		staff     float64
		turn, bal int64
		want      SizeClass
	}{
		{"49 staff, small money", 49, 10 * M, 10 * M, Small},
		{"50 staff", 50, 1 * M, 1 * M, Medium},
		{"49.9 AWU", 49.9, 1 * M, 1 * M, Small},
		{"49 staff, turnover over 10 M, balance at 10 M", 49, 10*M + 1, 10 * M, Small},
		{"49 staff, balance over 10 M, turnover at 10 M", 49, 10 * M, 10*M + 1, Small},
		{"49 staff, both over 10 M", 49, 10*M + 1, 10*M + 1, Medium},
		{"249 staff, turnover 50 M", 249, 50 * M, 100 * M, Medium},
		{"250 staff", 250, 1 * M, 1 * M, Large},
		{"249 staff, turnover over 50 M, balance 43 M", 249, 50*M + 1, 43 * M, Medium},
		{"249 staff, turnover over 50 M, balance over 43 M", 249, 50*M + 1, 43*M + 1, Large},
		{"249 staff, turnover 50 M, balance over 43 M", 249, 50 * M, 43*M + 1, Medium},
		{"10 staff, huge money", 10, 60 * M, 60 * M, Large},
		{"10 staff, medium money", 10, 20 * M, 20 * M, Medium},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Figures{c.staff, c.turn, c.bal}.Size(), c.name)
	}
}

func TestAggregate(t *testing.T) {
	// Linked in full, partners pro rata (2003/361 Annex arts. 3, 6).
	e := Enterprise{Headcount: 40, TurnoverEUR: 8 * M, BalanceSheetEUR: 8 * M,
		Linked:   []Linked{{Headcount: 5, TurnoverEUR: 1 * M, BalanceSheetEUR: 1 * M}},
		Partners: []Partner{{SharePercent: 25, Headcount: 20, TurnoverEUR: 9 * M, BalanceSheetEUR: 3}}}
	f := e.Aggregate()
	assert.Equal(t, Figures{50, 11_250_000, 9*M + 1}, f) // 0.75 rounds to 1
	assert.Equal(t, Medium, f.Size())
	// Without the group the entity is small.
	assert.Equal(t, Small, Figures{40, 8 * M, 8 * M}.Size())
}

func ent(staff float64, turn, bal int64) Enterprise {
	return Enterprise{Headcount: staff, TurnoverEUR: turn, BalanceSheetEUR: bal}
}

func TestNIS2Classes(t *testing.T) {
	small, medium, large := ent(49, 5*M, 5*M), ent(50, 5*M, 5*M), ent(250, 60*M, 60*M)
	cases := []struct {
		cite  string
		in    NIS2Input
		class EntityClass
		size  SizeClass
		conf  medsec.Confidence
	}{
		{"EU-NIS2 art. 3(1)(a)", NIS2Input{Type: HealthcareProvider, Enterprise: large}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 3(2)", NIS2Input{Type: HealthcareProvider, Enterprise: medium}, Important, Medium, medsec.Verified},
		{"EU-NIS2 art. 2(1)", NIS2Input{Type: HealthcareProvider, Enterprise: small}, OutOfScope, Small, medsec.Verified},
		{"EU-NIS2 art. 3(1)(a)", NIS2Input{Type: EUReferenceLab, Enterprise: large}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 3(1)(a)", NIS2Input{Type: MedicinalRD, Enterprise: large}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 3(1)(a)", NIS2Input{Type: PharmaManufacturing, Enterprise: large}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 3(1)(a)", NIS2Input{Type: CriticalDevices, Enterprise: large}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 3(2)", NIS2Input{Type: MedicalDevices, Enterprise: large}, Important, Large, medsec.Verified},
		{"EU-NIS2 art. 3(2)", NIS2Input{Type: MedicalDevices, Enterprise: medium}, Important, Medium, medsec.Verified},
		{"EU-NIS2 art. 2(1)", NIS2Input{Type: MedicalDevices, Enterprise: small}, OutOfScope, Small, medsec.Verified},
		{"EU-NIS2 art. 2(1)", NIS2Input{Type: OtherEntityType, Enterprise: large}, OutOfScope, Large, medsec.Verified},
		{"EU-NIS2 art. 3(1)(f)", NIS2Input{Type: HealthcareProvider, Enterprise: small, CriticalEntity: true}, Essential, Small, medsec.Unverified},
		{"EU-NIS2 art. 3(1)(e)", NIS2Input{Type: MedicalDevices, Enterprise: medium, MemberStateEssential: true}, Essential, Medium, medsec.Unverified},
		{"EU-NIS2 art. 2(2)(b)", NIS2Input{Type: HealthcareProvider, Enterprise: small, SoleProvider: true}, Important, Small, medsec.Unverified},
		{"EU-NIS2 art. 2(2)(b)", NIS2Input{Type: HealthcareProvider, Enterprise: large, SoleProvider: true}, Essential, Large, medsec.Verified},
		{"EU-NIS2 art. 2(1)", NIS2Input{Type: OtherEntityType, Enterprise: small, CriticalEntity: true}, OutOfScope, Small, medsec.Verified},
		{"EU-REC-2003-361 Annex 6", NIS2Input{Type: HealthcareProvider, Enterprise: Enterprise{Headcount: 200, TurnoverEUR: 40 * M, BalanceSheetEUR: 40 * M,
			Partners: []Partner{{SharePercent: 50, Headcount: 100, TurnoverEUR: 1, BalanceSheetEUR: 1}}}}, Essential, Large, medsec.Partial},
	}
	for _, c := range cases {
		t.Run(c.cite, func(t *testing.T) {
			r, err := NIS2(c.in, Options{AsOf: dayNow})
			require.NoError(t, err)
			assert.Equal(t, c.class, r.Class)
			assert.Equal(t, c.size, r.Size)
			assert.Equal(t, c.conf, r.Confidence)
			cite, err := medsec.ParseCitation(c.cite)
			require.NoError(t, err)
			assert.Contains(t, r.Citations, cite)
		})
	}
}

func TestNIS2Dates(t *testing.T) {
	in := NIS2Input{Type: HealthcareProvider, Enterprise: ent(300, 1, 1)}
	_, err := NIS2(in, Options{AsOf: medsec.NewDate(2023, 1, 15)})
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	r, err := NIS2(in, Options{AsOf: medsec.NewDate(2024, 10, 17)})
	require.NoError(t, err)
	assert.True(t, hasKey(r.Reasons, "grading.nis2.reason.transposing"))
	r, err = NIS2(in, Options{AsOf: medsec.NewDate(2024, 10, 18)})
	require.NoError(t, err)
	assert.False(t, hasKey(r.Reasons, "grading.nis2.reason.transposing"))
}

func TestNIS2InputErrors(t *testing.T) {
	_, err := NIS2(NIS2Input{Type: EntityType(42), Enterprise: Enterprise{Headcount: -1, TurnoverEUR: 5,
		Partners: []Partner{{SharePercent: 51}}, Linked: []Linked{{TurnoverEUR: -3}}}}, Options{AsOf: dayNow})
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	var got [][2]string
	for _, fe := range fes {
		got = append(got, [2]string{fe.Path, fe.Rule})
	}
	// One error per broken rule, in the order of the JSON form.
	assert.Equal(t, [][2]string{
		{"/type", "valid"},
		{"/enterprise/headcount", "gt"},
		{"/enterprise/balanceSheetEur", "required"},
		{"/enterprise/partners/0/sharePercent", "lte"},
		{"/enterprise/linked/0/turnoverEur", "gte"},
	}, got)
	_, err = NIS2(NIS2Input{Enterprise: Enterprise{Headcount: MaxHeadcount + 1, TurnoverEUR: 1, BalanceSheetEUR: 1,
		Partners: []Partner{{SharePercent: 24.9, Headcount: -1, BalanceSheetEUR: -1}}, Linked: []Linked{{Headcount: MaxHeadcount + 1, BalanceSheetEUR: -2}}}}, Options{AsOf: dayNow})
	require.ErrorAs(t, err, &fes)
	got = nil
	for _, fe := range fes {
		got = append(got, [2]string{fe.Path, fe.Rule})
	}
	assert.Equal(t, [][2]string{
		{"/type", "required"},
		{"/enterprise/headcount", "lte"},
		{"/enterprise/partners/0/sharePercent", "gte"},
		{"/enterprise/partners/0/headcount", "gte"},
		{"/enterprise/partners/0/balanceSheetEur", "gte"},
		{"/enterprise/linked/0/headcount", "lte"},
		{"/enterprise/linked/0/balanceSheetEur", "gte"},
	}, got)
	assert.Equal(t, "must be at least 25 (got 24.9)", fes[2].Message.String(), "the partner range comes from the data")
	assert.Contains(t, err.Error(), "grading: invalid eu-nis2 input")
}

func TestCzech(t *testing.T) {
	large, medium := ent(250, 60*M, 60*M), ent(60, 5*M, 5*M)
	cases := []struct {
		name   string
		cite   string
		in     CZInput
		regime CZRegime
		conf   medsec.Confidence
	}{
		{"not regulated", "CZ-ZKB-264-2025 art. 8(1)", CZInput{RegulatedService: No}, CZNotRegulated, medsec.Verified},
		{"significant", "CZ-ZKB-264-2025 art. 8(1)", CZInput{RegulatedService: Yes, Significant: Yes}, CZHigher, medsec.Verified},
		{"not significant", "CZ-ZKB-264-2025 art. 8(1)", CZInput{RegulatedService: Yes, Significant: No, Enterprise: large}, CZLower, medsec.Verified},
		{"inferred large", "CZ-VYH-408-2025 art. 2(2)", CZInput{RegulatedService: Yes, Enterprise: large}, CZHigher, medsec.Unverified},
		{"inferred medium", "CZ-VYH-408-2025 art. 2(2)", CZInput{RegulatedService: Yes, Enterprise: medium}, CZLower, medsec.Unverified},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Czech(c.in, Options{AsOf: dayNow})
			require.NoError(t, err)
			assert.Equal(t, c.regime, r.Regime)
			assert.Equal(t, c.conf, r.Confidence)
			cite, err := medsec.ParseCitation(c.cite)
			require.NoError(t, err)
			assert.Contains(t, r.Citations, cite)
		})
	}
	// Before 2025-11-01: Act 181/2014, no regime.
	r, err := Czech(CZInput{RegulatedService: Yes, Significant: Yes}, Options{AsOf: medsec.NewDate(2025, 10, 31)})
	require.NoError(t, err)
	assert.Equal(t, CZRegimeUnknown, r.Regime)
	assert.Equal(t, []medsec.Citation{medsec.Cite("CZ-ZKB-181-2014", "")}, r.Citations)
	r, err = Czech(CZInput{RegulatedService: Yes, Significant: Yes}, Options{AsOf: medsec.NewDate(2025, 11, 1)})
	require.NoError(t, err)
	assert.Equal(t, CZHigher, r.Regime)
	_, err = Czech(CZInput{RegulatedService: Yes}, Options{AsOf: medsec.NewDate(2014, 12, 31)})
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
}

func TestCzechInputErrors(t *testing.T) {
	paths := func(in CZInput) []string {
		_, err := Czech(in, Options{AsOf: dayNow})
		require.ErrorIs(t, err, medsec.ErrInvalidInput)
		var fes medsec.FieldErrors
		require.ErrorAs(t, err, &fes)
		var ps []string
		for _, fe := range fes {
			ps = append(ps, fe.Path)
		}
		return ps
	}
	assert.Equal(t, []string{"/regulatedService"}, paths(CZInput{}))
	assert.Equal(t, []string{"/enterprise/headcount", "/enterprise/turnoverEur", "/enterprise/balanceSheetEur"}, paths(CZInput{RegulatedService: Yes}))
	assert.Equal(t, []string{"/significant"}, paths(CZInput{RegulatedService: No, Significant: Yes}))
	assert.Equal(t, []string{"/regulatedService", "/significant"}, paths(CZInput{RegulatedService: 5, Significant: 7}))
}
