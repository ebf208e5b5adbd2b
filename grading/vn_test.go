package grading

import (
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dayVN = medsec.NewDate(2025, 6, 1) // after the MPS transfer, before Law 116/2025

const keyLaw116 = "grading.vn.reason.law116"

// TestVietnamCriteria pins every criterion of Decree 85 arts. 7-11.
func TestVietnamCriteria(t *testing.T) {
	pub := func(ps VNPublicService, cond Answer, info VNInfo, users int) VNInput {
		return VNInput{Type: VNPublicFacing, Information: info, PublicService: ps, ConditionalBusiness: cond, Users: users}
	}
	cases := []struct {
		cite  string // the decisive criterion
		in    VNInput
		level VNLevel
		conf  medsec.Confidence
	}{
		{"VN-ND-85-2016 art. 7", VNInput{Type: VNInternal, Information: InfoPublic}, VN1, medsec.Verified},
		{"VN-ND-85-2016 art. 8(1)", VNInput{Type: VNInternal, Information: InfoPublic | InfoPersonal}, VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(1)", VNInput{Type: VNInternal, Information: InfoPrivate}, VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(2)(a)", pub(PublicService2, No, InfoPublic, 0), VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(2)(a)", pub(PublicService1, No, InfoPublic, 0), VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(2)(b)", pub(NoPublicService, No, InfoPublic, 0), VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(2)(c)", pub(NoPublicService, No, InfoPersonal, 9_999), VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(2)(c)", pub(NoPublicService, No, InfoPrivate, 1), VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 8(3)", VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachOneOrganisation}, VN2, medsec.Verified},
		{"VN-ND-85-2016 art. 9(1)", VNInput{Type: VNInternal, Information: InfoStateSecret, SecretGrade: SecretMat, SecretHarm: VNHarmSome}, VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(2)(a)", pub(PublicService3, No, InfoPublic, 0), VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(2)(a)", pub(PublicService4, No, InfoPublic, 0), VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(2)(b)", pub(NoPublicService, Yes, InfoPublic, 0), VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(2)(c)", pub(NoPublicService, No, InfoPersonal, 10_000), VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(2)(c)", pub(PublicService1, No, InfoPrivate|InfoPersonal, 2_000_000), VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(3)", VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachSectorOrProvince}, VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(3) (inference)", VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachNationwide, NonStop: No}, VN3, medsec.Unverified},
		{"VN-ND-85-2016 art. 9(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksIV}, VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksIII}, VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 9(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksII}, VN3, medsec.Verified},
		{"VN-ND-85-2016 art. 10(1)", VNInput{Type: VNOtherType, Information: InfoStateSecret, SecretGrade: SecretToiMat, SecretHarm: VNHarmSerious}, VN4, medsec.Verified},
		{"VN-ND-85-2016 art. 10(2)", VNInput{Type: VNPublicFacing, Information: InfoPublic, PublicService: NoPublicService, ConditionalBusiness: No, NationalEGovernment: true, NonStop: Yes}, VN4, medsec.Verified},
		{"VN-ND-85-2016 art. 10(3)", VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachNationwide, NonStop: Yes}, VN4, medsec.Verified},
		{"VN-ND-85-2016 art. 10(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksI}, VN4, medsec.Verified},
		{"VN-ND-85-2016 art. 11(1)", VNInput{Type: VNInternal, Information: InfoStateSecret, SecretGrade: SecretTuyetMat, SecretHarm: VNHarmEspeciallySerious}, VN5, medsec.Verified},
		{"VN-ND-85-2016 art. 11(2)", VNInput{Type: VNInternal, Information: InfoPublic, NationalDataStore: true}, VN5, medsec.Verified},
		{"VN-ND-85-2016 art. 11(3)", VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachInternational}, VN5, medsec.Verified},
		{"VN-ND-85-2016 art. 11(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksSpecial}, VN5, medsec.Verified},
		{"VN-ND-85-2016 art. 11(4)", VNInput{Type: VNIndustrialControl, Information: InfoPublic, WorksGrade: WorksIV, WorksNationalSecurity: true}, VN5, medsec.Verified},
		{"VN-ND-85-2016 art. 11(5)", VNInput{Type: VNOtherType, Information: InfoPublic, PMDesignated: true}, VN5, medsec.Verified},
	}
	for _, c := range cases {
		t.Run(c.cite, func(t *testing.T) {
			r, err := Vietnam(c.in, Options{AsOf: dayVN})
			require.NoError(t, err)
			assert.Equal(t, c.level, r.Level)
			assert.Equal(t, c.conf, r.Confidence)
			cite, err := medsec.ParseCitation(citeOnly(c.cite))
			require.NoError(t, err)
			assert.Contains(t, r.Citations, cite)
			found := false
			for _, m := range r.Reasons {
				if m.Key == msgVNCriterion.Key && m.Args[0] == cite {
					found = true
					assert.Equal(t, c.level.Message(), m.Args[2])
				}
			}
			assert.True(t, found, "no reason names %s: %v", cite, r.Reasons)
		})
	}
}

// citeOnly strips a trailing " (...)" comment from a test label.
func citeOnly(s string) string {
	for i := range len(s) - 1 {
		if s[i] == ' ' && s[i+1] == '(' {
			return s[:i]
		}
	}
	return s
}

func TestVietnamUserThreshold(t *testing.T) {
	// Decree 85 art. 8(2)(c) vs art. 9(2)(c): 9,999 and 10,000 users fall on
	// different sides.
	in := VNInput{Type: VNPublicFacing, Information: InfoPersonal, PublicService: NoPublicService, ConditionalBusiness: No}
	for users, want := range map[int]VNLevel{1: VN2, 9_999: VN2, 10_000: VN3, 10_001: VN3} {
		in.Users = users
		r, err := Vietnam(in, Options{AsOf: dayVN, LevelOnly: true})
		require.NoError(t, err)
		assert.Equal(t, want, r.Level, users)
	}
}

func TestVietnamDates(t *testing.T) {
	in := VNInput{Type: VNInternal, Information: InfoPersonal}
	// Law 116/2025 from 2026-07-01: criteria kept, Unverified, stated.
	r, err := Vietnam(in, Options{AsOf: medsec.NewDate(2026, 6, 30)})
	require.NoError(t, err)
	assert.Equal(t, medsec.Verified, r.Confidence)
	assert.False(t, hasKey(r.Reasons, keyLaw116))
	assert.Contains(t, r.Citations, medsec.Cite("VN-LAW-86-2015", "21", "2"))
	r, err = Vietnam(in, Options{AsOf: medsec.NewDate(2026, 7, 1)})
	require.NoError(t, err)
	assert.Equal(t, VN2, r.Level)
	assert.Equal(t, medsec.Unverified, r.Confidence)
	assert.True(t, hasKey(r.Reasons, keyLaw116))
	assert.Contains(t, r.Citations, medsec.Cite("VN-LAW-116-2025", ""))

	// Decree 85 in force from 2016-07-01.
	_, err = Vietnam(in, Options{AsOf: medsec.NewDate(2016, 6, 30)})
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = Vietnam(in, Options{AsOf: medsec.NewDate(2016, 7, 1)})
	require.NoError(t, err)
}

func TestVietnamApproval(t *testing.T) {
	// Decree 85 arts. 12, 16(2), 17(2); MPS from 2025-03-01 (vn.md §4.4).
	before, after := medsec.NewDate(2025, 2, 28), medsec.NewDate(2025, 3, 1)
	const (
		bodyUnit  = "grading.vn.body.securityunit"
		bodyOwner = "grading.vn.body.owner"
		bodyMIC   = "grading.vn.body.mic"
		bodyMPS   = "grading.vn.body.mps"
		bodyPM    = "grading.vn.body.pm"
	)
	cases := []struct {
		level     VNLevel
		day       medsec.Date
		appraiser string // the key of the body's name
		approver  string
		days      int
		conf      medsec.Confidence
	}{
		{VN1, before, bodyUnit, bodyUnit, 0, medsec.Verified},   // art. 12(1)
		{VN2, after, bodyUnit, bodyUnit, 0, medsec.Verified},    // art. 12(1)
		{VN3, after, bodyUnit, bodyOwner, 15, medsec.Verified},  // arts. 12(2), 16(2)(a)
		{VN4, before, bodyMIC, bodyOwner, 30, medsec.Verified},  // arts. 12(3)(a),(d), 16(2)(b)
		{VN4, after, bodyMPS, bodyOwner, 30, medsec.Unverified}, // transfer: every step moved? unverified
		{VN5, before, bodyMIC, bodyPM, 30, medsec.Verified},     // art. 12(3)(đ)
		{VN5, after, bodyMPS, bodyPM, 30, medsec.Unverified},
	}
	for _, c := range cases {
		a, err := VNApprovalFor(c.level, c.day)
		require.NoError(t, err)
		assert.Equal(t, c.appraiser, a.Appraiser.Key, c.level)
		assert.Equal(t, c.approver, a.Approver.Key, c.level)
		assert.Equal(t, spanOf(c.days, medsec.Days), a.Appraisal, c.level)
		assert.Equal(t, Span{N: 7, Unit: medsec.WorkingDays}, a.Approval)
		assert.Equal(t, c.conf, a.Basis.Confidence, c.level)
		assert.Contains(t, a.Basis.Citations, medsec.Cite("VN-ND-85-2016", "17", "2"))
	}
	_, err := VNApprovalFor(0, before)
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = VNApprovalFor(VN3, medsec.Date{})
	require.ErrorIs(t, err, medsec.ErrInvalidInput, "the day is required")
	_, err = VNApprovalFor(VN3, medsec.NewDate(2016, 6, 30))
	require.ErrorIs(t, err, medsec.ErrInvalidInput, "before Decree 85")
}

func TestVietnamAssessment(t *testing.T) {
	// Decree 85 art. 20(2)(c).
	for lvl, w := range map[VNLevel]struct {
		months   int
		licensed bool
	}{VN1: {0, false}, VN2: {0, false}, VN3: {12, true}, VN4: {12, true}, VN5: {6, true}} {
		a, err := VNAssessmentFor(lvl)
		require.NoError(t, err)
		assert.Equal(t, Span{N: 24, Unit: medsec.Months}, a.Organisation.Span)
		assert.Equal(t, spanOf(w.months, medsec.Months), a.System.Span, lvl)
		assert.Equal(t, w.licensed, a.LicensedAssessor, lvl)
	}
	_, err := VNAssessmentFor(9)
	require.Error(t, err)
}

func TestVietnamInputErrors(t *testing.T) {
	paths := func(in VNInput) []string {
		_, err := Vietnam(in, Options{AsOf: dayNow})
		require.ErrorIs(t, err, medsec.ErrInvalidInput)
		var fes medsec.FieldErrors
		require.ErrorAs(t, err, &fes)
		var ps []string
		for _, fe := range fes {
			ps = append(ps, fe.Path)
		}
		return ps
	}
	assert.Equal(t, []string{"/type", "/information"}, paths(VNInput{}))
	assert.Equal(t, []string{"/publicService", "/conditionalBusiness", "/users"}, paths(VNInput{Type: VNPublicFacing, Information: InfoPersonal}))
	assert.Equal(t, []string{"/secretGrade", "/secretHarm"}, paths(VNInput{Type: VNInternal, Information: InfoStateSecret}))
	assert.Equal(t, []string{"/reach"}, paths(VNInput{Type: VNInfrastructure, Information: InfoPublic}))
	assert.Equal(t, []string{"/nonStop"}, paths(VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachNationwide}))
	assert.Equal(t, []string{"/worksGrade"}, paths(VNInput{Type: VNIndustrialControl, Information: InfoPublic}))
	assert.Equal(t, []string{"/nonStop"}, paths(VNInput{Type: VNInternal, Information: InfoPublic, NationalEGovernment: true}))
	assert.Equal(t, []string{"/users"}, paths(VNInput{Type: VNInternal, Information: InfoPublic, Users: -1}))
	assert.Equal(t, []string{"/type", "/information"}, paths(VNInput{Type: 77, Information: 64}))
	// No criterion: an "other" system with only personal data.
	assert.Equal(t, []string{"/type"}, paths(VNInput{Type: VNOtherType, Information: InfoPersonal}))
}

func TestVietnamExplained(t *testing.T) {
	in := VNInput{System: "booking portal", Type: VNPublicFacing, Information: InfoPublic | InfoPersonal,
		PublicService: PublicService2, ConditionalBusiness: No, Users: 48_000}
	r, err := Vietnam(in, Options{AsOf: dayVN})
	require.NoError(t, err)
	assert.Equal(t, VN3, r.Level)
	assert.Equal(t, VN3, r.Approval.Level)
	assert.Equal(t, Span{N: 12, Unit: medsec.Months}, r.Assessment.System.Span)
	last := r.Reasons[len(r.Reasons)-1].String()
	assert.Equal(t, "booking portal: level 3 (confidence: verified).", last)
	fast, err := Vietnam(in, Options{AsOf: dayVN, LevelOnly: true})
	require.NoError(t, err)
	assert.Equal(t, r.Level, fast.Level)
	assert.Empty(t, fast.Reasons)
	assert.Zero(t, fast.Approval.Level)
}

// TestVietnamMostCriteria sets every flag at once: every criterion met is
// named, in the order of the decree, none dropped.
func TestVietnamMostCriteria(t *testing.T) {
	in := VNInput{Type: VNPublicFacing, Information: vnInfoAll, SecretGrade: SecretMat, SecretHarm: VNHarmSome,
		PublicService: PublicService4, ConditionalBusiness: Yes, Users: 20_000,
		NationalEGovernment: true, NonStop: Yes, NationalDataStore: true, PMDesignated: true}
	r, err := Vietnam(in, Options{AsOf: dayVN})
	require.NoError(t, err)
	assert.Equal(t, VN5, r.Level)
	var got []string
	for _, c := range r.Citations {
		got = append(got, c.String())
	}
	assert.Equal(t, []string{"VN-ND-85-2016 art. 9(1)", "VN-ND-85-2016 art. 9(2)(a)", "VN-ND-85-2016 art. 9(2)(b)",
		"VN-ND-85-2016 art. 9(2)(c)", "VN-ND-85-2016 art. 10(2)", "VN-ND-85-2016 art. 11(2)", "VN-ND-85-2016 art. 11(5)",
		"VN-LAW-86-2015 art. 21(2)"}, got)
}

// spanOf returns n units, or the zero Span for n = 0.
func spanOf(n int, u medsec.SpanUnit) Span {
	if n == 0 {
		return Span{}
	}
	return Span{N: n, Unit: u}
}
