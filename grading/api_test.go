package grading

import (
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/stretchr/testify/require"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"Czech": Czech, "MLPS": MLPS, "MLPSTriggersFor": MLPSTriggersFor, "MessageTemplates": MessageTemplates,
		"NIS2": NIS2, "VNApprovalFor": VNApprovalFor, "VNAssessmentFor": VNAssessmentFor, "Vietnam": Vietnam,
		"New": New,
	},
	Types: []any{Answer(0), CZRegime(0), Enterprise{}, EntityClass(0), EntityType(0), Figures{}, Harm(0),
		MLPSEdition(0), MLPSLevel(0), MLPSResult{}, Scheme(0), SizeClass(0), Span{}, VNHarm(0), VNInfo(0), VNLevel(0),
		VNPublicService(0), VNReach(0), VNSecretGrade(0), VNSystemType(0), VNWorksGrade(0), Institution{},
		InstitutionType(0), Grader{}, MLPSInput{}, VNInput{}, NIS2Input{}, CZInput{}},
	Shared: map[string]string{"Grader.Registry": "the registry is immutable and shared by design"},
}

// TestNilAndZero: review finding F8. Every exported function and method
// called with nil and zero values returns an error or a zero result; none
// panics.
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestResultsAreOwn: review finding F2. Every result that holds slices or
// maps is the caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	days := []medsec.Date{dayNow, day2008, day2020, dayVN, medsec.NewDate(2026, 1, 1)}
	mlps := func() []MLPSResult {
		var out []MLPSResult
		for _, day := range days {
			for _, h := range []Harm{GeneralHarm, SeriousHarm, ParticularlySeriousHarm} {
				for o := range 3 {
					r, _ := MLPS(MLPSInput{System: "S", Information: only(o, h), Service: only(0, GeneralHarm),
						TertiaryHospitalCore: true, HealthPlatform: o == 1, InternetHospital: true}, Options{AsOf: day})
					out = append(out, r)
				}
			}
		}
		return out
	}
	vnInputs := []VNInput{
		{Type: VNInternal, Information: InfoPublic},
		{Type: VNPublicFacing, Information: InfoPersonal, PublicService: PublicService3, ConditionalBusiness: Yes, Users: 5},
		{Type: VNIndustrialControl, Information: InfoStateSecret, SecretGrade: SecretMat, SecretHarm: VNHarmSerious, WorksGrade: WorksII},
	}
	g := defaultForTest(t)
	own, err := New(medsec.DefaultRegistry())
	require.NoError(t, err)
	calls := map[string]func() any{
		"Grader.MLPS": func() any {
			r, _ := own.MLPS(MLPSInput{Information: only(0, ParticularlySeriousHarm), Service: only(1, GeneralHarm), TertiaryHospitalCore: true, InternetHospital: true}, Options{AsOf: dayNow})
			return r
		},
		"Grader.MLPSTriggersFor": func() any { r, _ := own.MLPSTriggersFor(MLPS2, dayNow); return r },
		"Grader.Vietnam": func() any {
			r, _ := own.Vietnam(VNInput{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachNationwide, NonStop: No}, Options{AsOf: dayNow})
			return r
		},
		"Grader.VNApprovalFor":   func() any { r, _ := own.VNApprovalFor(VN4, dayNow); return r },
		"Grader.VNAssessmentFor": func() any { r, _ := own.VNAssessmentFor(VN5); return r },
		"Grader.NIS2": func() any {
			r, _ := own.NIS2(NIS2Input{Type: MedicalDevices, Enterprise: Enterprise{Headcount: 60, TurnoverEUR: 1, BalanceSheetEUR: 1,
				Partners: []Partner{{SharePercent: 30, Headcount: 1}}}, SoleProvider: true}, Options{AsOf: medsec.NewDate(2024, 1, 1)})
			return r
		},
		"Grader.Czech": func() any {
			r, _ := own.Czech(CZInput{RegulatedService: Yes, Enterprise: ent(300, 1, 1)}, Options{AsOf: dayNow})
			return r
		},
		"MessageTemplates": func() any { return MessageTemplates() },
		"MLPS":             func() any { return mlps() },
		"MLPSTriggersFor": func() any {
			var out []any
			for _, day := range days {
				for l := MLPSLevel(1); l <= 5; l++ {
					tr, _ := MLPSTriggersFor(l, day)
					out = append(out, tr)
				}
			}
			return out
		},
		"Vietnam": func() any {
			var out []VNResult
			for _, day := range days {
				for _, in := range vnInputs {
					r, _ := Vietnam(in, Options{AsOf: day})
					out = append(out, r)
				}
			}
			return out
		},
		"VNApprovalFor": func() any {
			var out []VNApproval
			for _, day := range days {
				for l := VNLevel(1); l <= 5; l++ {
					a, _ := VNApprovalFor(l, day)
					out = append(out, a)
				}
			}
			return out
		},
		"VNAssessmentFor": func() any {
			var out []VNAssessment
			for l := VNLevel(1); l <= 5; l++ {
				a, _ := VNAssessmentFor(l)
				out = append(out, a)
			}
			return out
		},
		"NIS2": func() any {
			var out []NIS2Result
			for _, typ := range []EntityType{HealthcareProvider, MedicalDevices, OtherEntityType} {
				r, _ := NIS2(NIS2Input{Entity: "E", Type: typ, Enterprise: Enterprise{Headcount: 30, TurnoverEUR: 1, BalanceSheetEUR: 1,
					Linked: []Linked{{Headcount: 1}}, Partners: []Partner{{SharePercent: 30}}},
					CriticalEntity: true, SoleProvider: true, MemberStateEssential: true}, Options{AsOf: medsec.NewDate(2024, 1, 1)})
				out = append(out, r)
			}
			return out
		},
		"Czech": func() any {
			var out []CZResult
			for _, in := range []CZInput{{RegulatedService: No}, {RegulatedService: Yes, Enterprise: ent(10, 1, 1)}} {
				r, _ := Czech(in, Options{AsOf: dayNow})
				out = append(out, r)
			}
			return out
		},
	}
	var samples []any
	for _, r := range mlps() {
		samples = append(samples, r)
	}
	samples = append(samples, g, own, Span{N: 1, Unit: medsec.Months}, Span{N: 10, Unit: medsec.WorkingDays}, Enterprise{Headcount: 1}, Figures{},
		Institution{ID: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: TypeHospital, Flags: []medsec.Flag{"cii"},
			Events:  map[medsec.Event]medsec.Date{"holiday": medsec.NewDate(2026, 12, 31)},
			Systems: []System{{ID: "HIS", MLPS: MLPS3, Flags: []medsec.Flag{"health-data"}, Events: map[medsec.Event]medsec.Date{"go-live": medsec.NewDate(2020, 1, 1)}}}})
	apitest.Aliasing(t, api, calls, samples)
}
