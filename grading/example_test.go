package grading_test

import (
	"errors"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// A tertiary hospital's HIS: serious harm to social order through its
// business information, raised or confirmed by the health-sector floor.
func ExampleMLPS() {
	r, err := grading.MLPS(grading.MLPSInput{
		System:               "HIS",
		Information:          grading.HarmProfile{Citizens: grading.SeriousHarm, Society: grading.SeriousHarm, Nation: grading.NoHarm},
		Service:              grading.HarmProfile{Citizens: grading.GeneralHarm, Society: grading.GeneralHarm, Nation: grading.NoHarm},
		TertiaryHospitalCore: true,
	}, grading.Options{AsOf: medsec.NewDate(2026, 3, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Level.Name(), "/", r.Level.Message())
	for _, m := range r.Reasons {
		fmt.Println("-", m)
	}
	fmt.Println(r.Citations)
	t, _ := r.Triggers()
	fmt.Println("file within", t.Filing.Terms[0].Span, "| test every", t.Testing.Terms[0].Span)
	// Output:
	// 第三级 监督保护级 / level 3 (supervised protection)
	// - On 2026-03-01 the grading guide in force is GB/T 22240-2020 (from 2020-11-01).
	// - business-information security: level 3 (supervised protection), from serious harm to social order and the public interest.
	// - system-service security: level 2 (guided protection), from general harm to social order and the public interest.
	// - The matrix level is the higher of the two aspects: level 3 (supervised protection) (the "higher of" rule is partly verified).
	// - Health-sector floor: a core business system of a tertiary grade-A (三级甲等) hospital is graded at least level 3 (supervised protection); the matrix already gives level 3 (supervised protection).
	// - HIS: level 3 (supervised protection) (confidence: partly verified).
	// [CN-GBT-22240-2020 art. 4.3 CN-GBT-22240-2020 art. 6.4 CN-MOH-2011-85]
	// file within 30 days | test every 12 months
}

// An empty input names every missing field instead of grading.
func ExampleMLPS_missingInput() {
	_, err := grading.MLPS(grading.MLPSInput{Information: grading.HarmProfile{Citizens: grading.SeriousHarm}},
		grading.Options{AsOf: medsec.NewDate(2026, 3, 1)})
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes {
			fmt.Println(fe.Path, fe.Rule)
		}
	}
	fmt.Println(fes[0].Message)
	// Output:
	// /information/society required
	// /information/nation required
	// /service/citizens required
	// /service/society required
	// /service/nation required
	// missing: state the degree of harm: none, general, serious or particularly-serious
}

// The as-of day is required: it decides which rules apply.
func ExampleOptions() {
	in := grading.MLPSInput{
		Information: grading.HarmProfile{Citizens: grading.ParticularlySeriousHarm, Society: grading.NoHarm, Nation: grading.NoHarm},
		Service:     grading.HarmProfile{Citizens: grading.NoHarm, Society: grading.NoHarm, Nation: grading.NoHarm},
	}
	_, err := grading.MLPS(in, grading.Options{})
	fmt.Println(err)
	for _, day := range []medsec.Date{medsec.NewDate(2015, 6, 1), medsec.NewDate(2026, 3, 1)} {
		r, _ := grading.MLPS(in, grading.Options{AsOf: day})
		fmt.Println(day, r.Edition, r.Level, r.Confidence, r.Disputed)
	}
	// Output:
	// grading: invalid cn-mlps input: Options.AsOf: no as-of date was given: set Options.AsOf to the day whose rules apply, e.g. medsec.NewDate(2026, 3, 1)
	// 2015-06-01 GB/T 22240-2008 2 partial false
	// 2026-03-01 GB/T 22240-2020 2 partial true
}

// A patient portal that holds the personal data of 48,000 users.
func ExampleVietnam() {
	r, err := grading.Vietnam(grading.VNInput{
		System:              "patient portal",
		Type:                grading.VNPublicFacing,
		Information:         grading.InfoPublic | grading.InfoPersonal,
		PublicService:       grading.NoPublicService,
		ConditionalBusiness: grading.No,
		Users:               48_000,
	}, grading.Options{AsOf: medsec.NewDate(2026, 3, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range r.Reasons {
		fmt.Println("-", m)
	}
	fmt.Println("appraisal within", r.Approval.Appraisal, "| approval within", r.Approval.Approval)
	// Output:
	// - VN-ND-85-2016 art. 8(2)(b): online services not in the list of conditional business lines, which means level 2.
	// - VN-ND-85-2016 art. 9(2)(c): online services processing private or personal information of 48000 users (10,000 or more), which means level 3.
	// - The highest criterion met decides the level: level 3.
	// - Level dossier: appraised by the system owner's specialised information-security unit, approved by the system owner (chủ quản).
	// - Assessment: the organisation every 24 months; this system every 12 months, by a licensed or designated assessment body.
	// - patient portal: level 3 (confidence: verified).
	// appraisal within 15 days | approval within 7 working days
}

// A hospital with 230 staff whose parent company (linked) adds 40.
func ExampleNIS2() {
	r, err := grading.NIS2(grading.NIS2Input{
		Entity: "Nemocnice",
		Type:   grading.HealthcareProvider,
		Enterprise: grading.Enterprise{
			Headcount: 230, TurnoverEUR: 30_000_000, BalanceSheetEUR: 25_000_000,
			Linked: []grading.Linked{{Headcount: 40, TurnoverEUR: 5_000_000, BalanceSheetEUR: 4_000_000}},
		},
	}, grading.Options{AsOf: medsec.NewDate(2026, 3, 1)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Class, r.Size, r.Confidence)
	fmt.Println(r.Citations)
	// Output:
	// essential large verified
	// [EU-NIS2 Annex I EU-REC-2003-361 Annex 3 EU-REC-2003-361 Annex 6 EU-REC-2003-361 Annex 2 EU-NIS2 art. 3(1)(a)]
}

// The caller states what Decree 408/2025 decides; medsec applies § 8(1).
func ExampleCzech() {
	r, err := grading.Czech(grading.CZInput{
		Entity:           "Nemocnice",
		RegulatedService: grading.Yes,
		Significant:      grading.Yes,
	}, grading.Options{AsOf: medsec.NewDate(2026, 1, 15)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Regime, r.Confidence, r.Citations)
	old, _ := grading.Czech(grading.CZInput{RegulatedService: grading.Yes}, grading.Options{AsOf: medsec.NewDate(2024, 1, 15)})
	fmt.Println(old.Regime, old.Citations)
	// Output:
	// higher verified [CZ-ZKB-264-2025 art. 8(1)]
	// unknown [CZ-ZKB-181-2014]
}

// What level 4 triggers on 1 March 2026: the national committee reviews
// the grading, and the 2007 six-month testing interval stands beside a
// reported yearly practice.
func ExampleMLPSTriggersFor() {
	t, err := grading.MLPSTriggersFor(grading.MLPS4, medsec.NewDate(2026, 3, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.CommitteeReview.Required, t.CommitteeReview.Basis.Citations)
	for _, term := range t.Testing.Terms {
		fmt.Println(term.Span, term.Basis.Confidence, term.Basis.Citations)
	}
	// Output:
	// true [CN-MPS-2007-43 art. 10]
	// 6 months verified [CN-MPS-2007-43 art. 14]
	// 12 months unverified []
}

// Who appraises a level-4 dossier before and after the Ministry of Public
// Security took over (a legal date of the Vietnamese pack).
func ExampleVNApprovalFor() {
	for _, day := range []medsec.Date{medsec.NewDate(2025, 2, 28), medsec.NewDate(2025, 3, 1)} {
		a, err := grading.VNApprovalFor(grading.VN4, day)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day, a.Appraiser, "|", a.Appraisal, a.Basis.Confidence)
	}
	// Output:
	// 2025-02-28 the Ministry of Information and Communications, with the Ministries of Defence and Public Security | 30 days verified
	// 2025-03-01 the Ministry of Public Security (Department A05), with the Ministry of Defence | 30 days unverified
}

// The assessment cadence of Decree 85 art. 20(2)(c) at level 5.
func ExampleVNAssessmentFor() {
	a, err := grading.VNAssessmentFor(grading.VN5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Organisation.Span, a.System.Span, a.LicensedAssessor, a.System.Basis.Citations)
	// Output:
	// 24 months 6 months true [VN-ND-85-2016 art. 20(2)(c)]
}

// A grader for a registry with a pack of your own: here the test pack of
// an invented jurisdiction, Ruritania (XA). It states no grading scheme,
// so the grader applies the embedded packs' facts; a pack that states a
// scheme's facts (a grading.json) would be applied the same way.
func ExampleNew() {
	pack, err := medsec.LoadPack(os.DirFS("../testdata/packs/xa"))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := medsec.DefaultRegistry().With(pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := grading.New(reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := g.Vietnam(grading.VNInput{Type: grading.VNInternal, Information: grading.InfoPersonal},
		grading.Options{AsOf: medsec.NewDate(2026, 3, 1), LevelOnly: true})
	fmt.Println(r.Level, r.Confidence, err)
	fmt.Println(g.Registry().Jurisdictions())
	// Output:
	// 2 verified <nil>
	// [CN CZ EU VN XA]
}

// A grading.json with mistakes is refused with the file and the JSON
// Pointer of every problem.
func ExampleNew_brokenData() {
	pack, err := medsec.LoadPack(fstest.MapFS{
		"pack.json": {Data: []byte(`{"id": "my-law", "version": "2026-11-29", "title": "My corrections",
			"jurisdictions": [{"code": "XB", "name": {"key": "my.xb", "format": "Borduria"}}]}`)},
		"grading.json": {Data: []byte(`{"cz": {"regimes": {"citations": ["CZ-ZKB-264-2025 art. 99"], "confidence": "partial"}}}`)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	reg, err := medsec.DefaultRegistry().With(pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = grading.New(reg)
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes[:3] {
			fmt.Println(fe.File, fe.Path, fe.Rule)
		}
	}
	fmt.Println(errors.Is(err, medsec.ErrInvalidData))
	// Output:
	// my-law/grading.json /cz/regimes/citations/0 resolve
	// my-law/grading.json /cz/regimes/note required
	// my-law/grading.json /cz/notRegulated required
	// true
}

// Validate makes the checks of a grader without grading, for a form or
// a reader of inputs that reports every problem at once.
func ExampleVNInput_Validate() {
	in := grading.VNInput{System: "PORTAL", Type: grading.VNPublicFacing, Information: grading.InfoPersonal}
	var fes medsec.FieldErrors
	if errors.As(in.Validate(), &fes) {
		for _, fe := range fes {
			fmt.Println(fe)
		}
	}
	// Output:
	// /publicService: missing: the online public-service level 1-4, or none
	// /conditionalBusiness: missing: whether the service is in the list of conditional business lines (yes or no)
	// /users: missing: the number of users whose private or personal information the system processes
}
