package grading

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	day2008 = medsec.NewDate(2015, 6, 1)
	day2020 = medsec.NewDate(2024, 6, 1)
	dayNow  = medsec.NewDate(2026, 11, 22) // medsec.DataVersion, the day of the golden files
)

// The keys of messages that the embedded grading.json files state.
const (
	keyCellLevel2    = "grading.mlps.reason.cell.level2"
	keyCellDraft     = "grading.mlps.reason.cell.draft2018"
	keyFloorRaised   = "grading.mlps.reason.floor.raised"
	keyFloorMet      = "grading.mlps.reason.floor.met"
	keyFloorTooEarly = "grading.mlps.reason.floor.tooearly"
	keyInternetHosp  = "grading.mlps.reason.internethospital"
)

// only returns a harm profile with harm h on object o (0 citizens, 1
// society, 2 nation) and NoHarm elsewhere.
func only(o int, h Harm) HarmProfile {
	p := HarmProfile{NoHarm, NoHarm, NoHarm}
	switch o {
	case 0:
		p.Citizens = h
	case 1:
		p.Society = h
	case 2:
		p.Nation = h
	}
	return p
}

var none = HarmProfile{NoHarm, NoHarm, NoHarm}

// TestMLPSMatrix pins every cell of both editions, through each aspect.
func TestMLPSMatrix(t *testing.T) {
	type cellCase struct {
		cite  string
		day   medsec.Date
		obj   int
		harm  Harm
		want  MLPSLevel
		conf  medsec.Confidence
		draft bool // Options.MLPSCitizensCellDraft2018
		rests bool // the level rests on the disputed cell (Disputed)
	}
	cases := []cellCase{
		// GB/T 22240-2020 clause 4.3. Citizens × particularly serious harm
		// is level 2: the standard's level definitions (level 2: "严重损害或
		// 特别严重损害" to citizens' rights; level 3 names no citizens) and a
		// reproduced 2020 matrix (L1/L2/L2), per the fact check of
		// 2026-11-29 (partial: reproductions, not the PDF). Level 3 is the
		// January 2018 draft's reading, only on request and unverified.
		{"CN-GBT-22240-2020 art. 4.3", day2020, 0, GeneralHarm, MLPS1, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 0, SeriousHarm, MLPS2, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3 (citizens × particularly serious: level 2)", day2020, 0, ParticularlySeriousHarm, MLPS2, medsec.Partial, false, true},
		{"CN-GBT-22240-2020 art. 4.3 (January 2018 draft reading, on request)", day2020, 0, ParticularlySeriousHarm, MLPS3, medsec.Unverified, true, true},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 1, GeneralHarm, MLPS2, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 1, SeriousHarm, MLPS3, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 1, ParticularlySeriousHarm, MLPS4, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 2, GeneralHarm, MLPS3, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 2, SeriousHarm, MLPS4, medsec.Verified, false, false},
		{"CN-GBT-22240-2020 art. 4.3", day2020, 2, ParticularlySeriousHarm, MLPS5, medsec.Verified, false, false},
		// GB/T 22240-2008 (dates.md §1: partial; cited as a whole).
		{"CN-GBT-22240-2008", day2008, 0, GeneralHarm, MLPS1, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 0, SeriousHarm, MLPS2, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 0, ParticularlySeriousHarm, MLPS2, medsec.Partial, false, false},
		{"CN-GBT-22240-2008 (option ignored)", day2008, 0, ParticularlySeriousHarm, MLPS2, medsec.Partial, true, false},
		{"CN-GBT-22240-2008", day2008, 1, GeneralHarm, MLPS2, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 1, SeriousHarm, MLPS3, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 1, ParticularlySeriousHarm, MLPS4, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 2, GeneralHarm, MLPS3, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 2, SeriousHarm, MLPS4, medsec.Partial, false, false},
		{"CN-GBT-22240-2008", day2008, 2, ParticularlySeriousHarm, MLPS5, medsec.Partial, false, false},
	}
	for _, c := range cases {
		for _, aspect := range []string{"information", "service"} {
			name := fmt.Sprintf("%s/%s/%d/%s/%s", c.cite, c.day, c.obj, c.harm, aspect)
			t.Run(name, func(t *testing.T) {
				in := MLPSInput{Information: only(c.obj, c.harm), Service: none}
				if aspect == "service" {
					in.Information, in.Service = none, only(c.obj, c.harm)
				}
				r, err := MLPS(in, Options{AsOf: c.day, MLPSCitizensCellDraft2018: c.draft})
				require.NoError(t, err)
				assert.Equal(t, c.want, r.Level)
				assert.Equal(t, c.want, r.MatrixLevel)
				// One aspect gives the level, the other none: the
				// "higher of" rule (partial) is used.
				assert.Equal(t, c.conf.Min(medsec.Partial), r.Confidence)
				assert.Equal(t, c.rests, r.Disputed)
			})
		}
	}
}

func TestMLPSEditionByDate(t *testing.T) {
	in := MLPSInput{Information: only(0, ParticularlySeriousHarm), Service: only(0, ParticularlySeriousHarm)}
	cases := []struct {
		day     medsec.Date
		edition MLPSEdition
		level   MLPSLevel
	}{
		{medsec.NewDate(2008, 11, 1), Edition2008, MLPS2},  // first day of GB/T 22240-2008
		{medsec.NewDate(2020, 10, 31), Edition2008, MLPS2}, // last day of GB/T 22240-2008
		{medsec.NewDate(2020, 11, 1), Edition2020, MLPS2},  // first day of GB/T 22240-2020
		{dayNow, Edition2020, MLPS2},
	}
	for _, c := range cases {
		r, err := MLPS(in, Options{AsOf: c.day})
		require.NoError(t, err, c.day)
		assert.Equal(t, c.edition, r.Edition, c.day)
		assert.Equal(t, c.level, r.Level, c.day)
		assert.Contains(t, r.Reasons[0].String(), c.edition.String())
	}
	r, err := MLPS(in, Options{AsOf: dayNow})
	require.NoError(t, err)
	assert.Equal(t, dayNow, r.AsOf)
	assert.True(t, r.Disputed)
	assert.Equal(t, medsec.Partial, r.Confidence)
	assert.True(t, hasKey(r.Reasons, keyCellLevel2))
	assert.Contains(t, r.Reasons[len(r.Reasons)-1].String(), "partly verified")
	// The January 2018 draft reading applies only on request, only to the
	// 2020 edition, and is unverified.
	r, err = MLPS(in, Options{AsOf: dayNow, MLPSCitizensCellDraft2018: true})
	require.NoError(t, err)
	assert.Equal(t, MLPS3, r.Level)
	assert.True(t, r.Disputed)
	assert.Equal(t, medsec.Unverified, r.Confidence)
	assert.True(t, hasKey(r.Reasons, keyCellDraft))
	assert.Contains(t, r.Reasons[len(r.Reasons)-1].String(), "unverified")
	r, err = MLPS(in, Options{AsOf: medsec.NewDate(2020, 10, 31), MLPSCitizensCellDraft2018: true})
	require.NoError(t, err)
	assert.Equal(t, MLPS2, r.Level, "GB/T 22240-2008 reads level 2 whatever the option")
	assert.False(t, r.Disputed)

	// The day before GB/T 22240-2008, an impossible day and no day at all
	// are errors that name Options.AsOf.
	for _, c := range []struct {
		day  medsec.Date
		rule string
	}{{medsec.NewDate(2008, 10, 31), "in-force"}, {medsec.NewDate(2021, 2, 30), "date"}, {medsec.Date{}, "required"}} {
		_, err = MLPS(in, Options{AsOf: c.day})
		require.ErrorIs(t, err, medsec.ErrInvalidInput)
		var fe *medsec.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "Options.AsOf", fe.Path)
		assert.Equal(t, c.rule, fe.Rule)
	}
	_, err = MLPS(in, Options{})
	assert.EqualError(t, err, "grading: invalid cn-mlps input: Options.AsOf: no as-of date was given: set Options.AsOf to the day whose rules apply, e.g. medsec.NewDate(2026, 3, 1)")
}

func TestMLPSTwoAspects(t *testing.T) {
	// CN-GBT-22240-2020 art. 6.4: the higher of the two aspects.
	r, err := MLPS(MLPSInput{Information: only(1, SeriousHarm), Service: only(2, GeneralHarm)}, Options{AsOf: day2020})
	require.NoError(t, err)
	assert.Equal(t, MLPS3, r.InformationLevel)
	assert.Equal(t, MLPS3, r.ServiceLevel)
	assert.Equal(t, MLPS3, r.Level)
	assert.Equal(t, medsec.Verified, r.Confidence, "equal aspects need no max rule")

	r, err = MLPS(MLPSInput{Information: only(0, GeneralHarm), Service: only(1, ParticularlySeriousHarm)}, Options{AsOf: day2020})
	require.NoError(t, err)
	assert.Equal(t, MLPS1, r.InformationLevel)
	assert.Equal(t, MLPS4, r.ServiceLevel)
	assert.Equal(t, MLPS4, r.Level)
	assert.Equal(t, medsec.Partial, r.Confidence)
	assert.Equal(t, []medsec.Citation{medsec.Cite("CN-GBT-22240-2020", "4.3"), medsec.Cite("CN-GBT-22240-2020", "6.4")}, r.Citations)

	// The disputed cell is not decisive when a verified cell reaches the
	// same level, under either reading.
	r, err = MLPS(MLPSInput{Information: HarmProfile{ParticularlySeriousHarm, GeneralHarm, NoHarm}, Service: none}, Options{AsOf: day2020})
	require.NoError(t, err)
	assert.Equal(t, MLPS2, r.Level)
	assert.False(t, r.Disputed)
	assert.Equal(t, medsec.Partial, r.Confidence, "only the max rule is partial")
	assert.True(t, hasKey(r.Reasons, keyCellLevel2), "the reading is still stated")
	r, err = MLPS(MLPSInput{Information: HarmProfile{ParticularlySeriousHarm, SeriousHarm, NoHarm}, Service: none}, Options{AsOf: day2020, MLPSCitizensCellDraft2018: true})
	require.NoError(t, err)
	assert.Equal(t, MLPS3, r.Level)
	assert.False(t, r.Disputed)
	assert.Equal(t, medsec.Partial, r.Confidence)
	assert.True(t, hasKey(r.Reasons, keyCellDraft), "the draft reading is still stated")
	// A sector floor at the cell's level: the level no longer rests on it.
	r, err = MLPS(MLPSInput{Information: only(0, ParticularlySeriousHarm), Service: none, TertiaryHospitalCore: true}, Options{AsOf: day2020, MLPSCitizensCellDraft2018: true})
	require.NoError(t, err)
	assert.Equal(t, MLPS3, r.Level)
	assert.False(t, r.Disputed)
}

func TestMLPSFloors(t *testing.T) {
	// CN-MOH-2011-85: core systems of 三级甲等 hospitals and health platforms ≥ 3.
	low := MLPSInput{System: "LIS", Information: only(0, SeriousHarm), Service: only(0, GeneralHarm)}
	cases := []struct {
		name  string
		mod   func(*MLPSInput)
		day   medsec.Date
		level MLPSLevel
		floor MLPSLevel
		conf  medsec.Confidence
		key   string
	}{
		{"no floor", func(*MLPSInput) {}, day2020, MLPS2, 0, medsec.Partial, ""},
		{"tertiary raises", func(in *MLPSInput) { in.TertiaryHospitalCore = true }, day2020, MLPS3, MLPS3, medsec.Partial, keyFloorRaised},
		{"platform raises", func(in *MLPSInput) { in.HealthPlatform = true }, day2020, MLPS3, MLPS3, medsec.Partial, keyFloorRaised},
		{"floor met", func(in *MLPSInput) { in.HealthPlatform = true; in.Information = only(1, SeriousHarm) }, day2020, MLPS3, MLPS3, medsec.Partial, keyFloorMet},
		{"floor below", func(in *MLPSInput) { in.TertiaryHospitalCore = true; in.Service = only(2, SeriousHarm) }, day2020, MLPS4, MLPS3, medsec.Partial, keyFloorMet},
		{"floor met verified", func(in *MLPSInput) {
			in.TertiaryHospitalCore = true
			in.Information, in.Service = only(1, SeriousHarm), only(1, SeriousHarm)
		}, day2020, MLPS3, MLPS3, medsec.Verified, keyFloorMet},
		{"guidance not yet issued", func(in *MLPSInput) { in.TertiaryHospitalCore = true }, medsec.NewDate(2011, 11, 28), MLPS2, 0, medsec.Partial, keyFloorTooEarly},
		{"guidance issue day", func(in *MLPSInput) { in.TertiaryHospitalCore = true }, medsec.NewDate(2011, 11, 29), MLPS3, MLPS3, medsec.Partial, keyFloorRaised},
		{"internet hospital: no floor", func(in *MLPSInput) { in.InternetHospital = true }, day2020, MLPS2, 0, medsec.Partial, keyInternetHosp},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := low
			c.mod(&in)
			r, err := MLPS(in, Options{AsOf: c.day})
			require.NoError(t, err)
			assert.Equal(t, c.level, r.Level)
			assert.Equal(t, c.floor, r.Floor)
			assert.Equal(t, c.conf, r.Confidence)
			if c.key != "" {
				assert.True(t, hasKey(r.Reasons, c.key), "reasons: %v", r.Reasons)
			}
			hasMOH := false
			for _, ci := range r.Citations {
				hasMOH = hasMOH || ci.Instrument == "CN-MOH-2011-85"
			}
			assert.Equal(t, c.floor != 0, hasMOH)
		})
	}
}

func TestMLPSInputErrors(t *testing.T) {
	_, err := MLPS(MLPSInput{}, Options{AsOf: dayNow})
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	var paths []string
	for _, fe := range fes {
		paths = append(paths, fe.Path)
		assert.Equal(t, "required", fe.Rule)
	}
	assert.Equal(t, []string{"/information/citizens", "/information/society", "/information/nation",
		"/service/citizens", "/service/society", "/service/nation"}, paths)
	assert.True(t, strings.HasPrefix(err.Error(), "grading: "), err.Error())

	// Every object "none": an error, not level 1 (decision 2).
	_, err = MLPS(MLPSInput{Information: none, Service: none}, Options{AsOf: dayNow})
	require.ErrorAs(t, err, &fes)
	require.Len(t, fes, 1)
	assert.Equal(t, "harm", fes[0].Rule)
	assert.Equal(t, "", fes[0].Path, "the rule concerns the whole input")

	// One missing field among given ones is named alone.
	_, err = MLPS(MLPSInput{Information: HarmProfile{SeriousHarm, NoHarm, NoHarm}, Service: HarmProfile{NoHarm, 0, NoHarm}}, Options{AsOf: dayNow})
	require.ErrorAs(t, err, &fes)
	require.Len(t, fes, 1)
	assert.Equal(t, "/service/society", fes[0].Path)

	// Out-of-range value.
	var fe *medsec.FieldError
	_, err = MLPS(MLPSInput{Information: HarmProfile{Harm(9), NoHarm, NoHarm}, Service: only(0, GeneralHarm)}, Options{AsOf: dayNow})
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "valid", fe.Rule)
}

func TestMLPSLevelOnly(t *testing.T) {
	in := MLPSInput{Information: only(1, SeriousHarm), Service: only(0, GeneralHarm), TertiaryHospitalCore: true}
	full, err := MLPS(in, Options{AsOf: dayNow})
	require.NoError(t, err)
	fast, err := MLPS(in, Options{AsOf: dayNow, LevelOnly: true})
	require.NoError(t, err)
	assert.Empty(t, fast.Reasons)
	assert.Empty(t, fast.Citations)
	assert.Equal(t, full.Level, fast.Level)
	assert.Equal(t, full.Confidence, fast.Confidence)
	assert.Equal(t, full.AsOf, fast.AsOf)
	tr, err := fast.Triggers()
	require.NoError(t, err)
	assert.Equal(t, MLPS3, tr.Level)
}

func TestMLPSTriggers(t *testing.T) {
	// cn.md §2.2, the lead's decision 4.
	type want struct {
		review, approval, committee, filing, testing bool
		testMonths                                   int
		testConf                                     medsec.Confidence
	}
	cases := map[MLPSLevel]want{
		MLPS1: {},
		MLPS2: {true, true, false, true, true, 24, medsec.Unverified}, // GB/T 22239-2019: periodic; 24 months customary
		MLPS3: {true, true, false, true, true, 12, medsec.Verified},   // CN-MPS-2007-43 art. 14
		MLPS4: {true, true, true, true, true, 6, medsec.Verified},     // CN-MPS-2007-43 arts. 10, 14
		MLPS5: {true, true, true, true, true, 12, medsec.Unverified},  // 2025 Q&A (secondary)
	}
	for lvl, w := range cases {
		tr, err := MLPSTriggersFor(lvl, dayNow)
		require.NoError(t, err)
		assert.True(t, tr.Document.Required, lvl)
		assert.Equal(t, w.review, tr.ExpertReview.Required, lvl)
		assert.Equal(t, w.approval, tr.Approval.Required, lvl)
		assert.Equal(t, w.committee, tr.CommitteeReview.Required, lvl)
		assert.Equal(t, w.filing, tr.Filing.Required, lvl)
		assert.Equal(t, w.testing, tr.Testing.Required, lvl)
		require.Len(t, tr.Filing.Terms, 2)
		assert.Equal(t, Span{N: 30, Unit: medsec.Days}, tr.Filing.Terms[0].Span)
		assert.Equal(t, medsec.Verified, tr.Filing.Terms[0].Basis.Confidence)
		assert.Equal(t, []medsec.Citation{medsec.Cite("CN-MPS-2007-43", "15")}, tr.Filing.Terms[0].Basis.Citations)
		assert.Equal(t, Span{N: 10, Unit: medsec.WorkingDays}, tr.Filing.Terms[1].Span)
		assert.Equal(t, medsec.Unverified, tr.Filing.Terms[1].Basis.Confidence)
		if w.testing {
			assert.Equal(t, spanOf(w.testMonths, medsec.Months), tr.Testing.Terms[0].Span, lvl)
			assert.Equal(t, w.testConf, tr.Testing.Terms[0].Basis.Confidence, lvl)
		} else {
			assert.Empty(t, tr.Testing.Terms)
		}
	}
	l4, _ := MLPSTriggersFor(MLPS4, dayNow)
	require.Len(t, l4.Testing.Terms, 2)
	assert.Equal(t, Span{N: 12, Unit: medsec.Months}, l4.Testing.Terms[1].Span)
	assert.Equal(t, medsec.Unverified, l4.Testing.Terms[1].Basis.Confidence)

	// The healthcare approval rule is cited from 2022-08-08 only.
	before, _ := MLPSTriggersFor(MLPS3, medsec.NewDate(2022, 8, 7))
	after, _ := MLPSTriggersFor(MLPS3, medsec.NewDate(2022, 8, 8))
	assert.NotContains(t, before.Approval.Basis.Citations, medsec.Cite("CN-NHC-2022-29", "6"))
	assert.Contains(t, after.Approval.Basis.Citations, medsec.Cite("CN-NHC-2022-29", "6"))
	old, _ := MLPSTriggersFor(MLPS3, day2008)
	assert.NotContains(t, old.ExpertReview.Basis.Citations, medsec.Cite("CN-GBT-22240-2020", "7"))

	_, err := MLPSTriggersFor(0, dayNow)
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = MLPSTriggersFor(MLPS3, medsec.Date{})
	require.ErrorIs(t, err, medsec.ErrInvalidInput, "the day is required")
	_, err = MLPSTriggersFor(MLPS3, medsec.NewDate(2008, 10, 31))
	require.ErrorIs(t, err, medsec.ErrInvalidInput, "before the first edition")
}

func TestMLPSLevelNames(t *testing.T) {
	want := map[MLPSLevel][2]string{
		MLPS1: {"第一级 自主保护级", "level 1 (user-discretionary protection)"},
		MLPS2: {"第二级 指导保护级", "level 2 (guided protection)"},
		MLPS3: {"第三级 监督保护级", "level 3 (supervised protection)"},
		MLPS4: {"第四级 强制保护级", "level 4 (mandatory protection)"},
		MLPS5: {"第五级 专控保护级", "level 5 (specially controlled protection)"},
	}
	for l, w := range want {
		assert.Equal(t, w[0], l.Name())
		assert.Equal(t, w[1], l.Message().String())
	}
	assert.Equal(t, "", MLPSLevel(0).Name())
}

func hasKey(ms []medsec.Message, key string) bool {
	for _, m := range ms {
		if m.Key == key {
			return true
		}
	}
	return false
}

// TestTriggerBases: every basis has a valid confidence, and only
// Unverified facts with a note may lack citations.
func TestTriggerBases(t *testing.T) {
	for l := MLPS1; l <= MLPS5; l++ {
		tr, err := MLPSTriggersFor(l, dayNow)
		require.NoError(t, err)
		for _, d := range []Duty{tr.Document, tr.ExpertReview, tr.Approval, tr.CommitteeReview, tr.Filing, tr.Testing} {
			assert.False(t, d.What.IsZero())
			bases := []Basis{d.Basis}
			for _, tm := range d.Terms {
				bases = append(bases, tm.Basis)
				assert.False(t, tm.Span.IsZero())
			}
			for _, b := range bases {
				if b.Citations == nil && d.Required {
					assert.Equal(t, medsec.Unverified, b.Confidence, d.What)
					assert.False(t, b.Note.IsZero(), d.What)
				} else if d.Required {
					assert.True(t, b.Confidence.Valid(), d.What)
				}
			}
		}
	}
}
