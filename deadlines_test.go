package medsec_test

import (
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The incident deadlines of package obligations (the gap report) and of
// package i18n (the deadlines printed on a report form) must be the same
// instants for every stage: both compute them from the registry's incident
// rules, under the rules in force on the day of detection. This test runs
// the same incidents through both and matches them by rule ID: every
// deadline i18n prints is the due date of the duty of the same ID, and
// every duty of the incident that reports under a rule of the stage's
// report kind, and has a due date, is printed.
func TestIncidentDeadlinesAgreeAcrossPackages(t *testing.T) {
	prague := mustZone(t, "Europe/Prague")
	hanoi := mustZone(t, "Asia/Ho_Chi_Minh")
	shanghai := mustZone(t, "Asia/Shanghai")
	reg := medsec.DefaultRegistry()

	eu := grading.Institution{ID: "EU", Name: "EU", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
		Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential, CZ: grading.CZHigher}
	vn := grading.Institution{ID: "VN", Name: "VN", Jurisdictions: []medsec.Jurisdiction{medsec.VN}, Type: grading.TypeHospital,
		Systems: []grading.System{{ID: "HIS", Name: "HIS", VN: grading.VN3}}}
	cn := grading.Institution{ID: "CN", Name: "CN", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital}
	cii := cn
	cii.Flags = []medsec.Flag{"cii"}
	central := cn
	central.Flags = []medsec.Flag{"central-organ"}

	// The facts of each incident in the form of the incident rules'
	// conditions, as the report form states them.
	significant := medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential", CZRegime: "higher"}
	beyond := medsec.IncidentFacts{Marks: []string{"beyond-capacity"}}
	major := medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}

	type incident struct {
		name     string
		inst     grading.Institution
		inc      obligations.Incident
		facts    medsec.IncidentFacts
		stages   []i18n.IncidentStage
		operator i18n.CNOperator
		printed  int // the deadlines i18n prints over all stages
	}
	nis2 := []i18n.IncidentStage{i18n.NIS2EarlyWarning, i18n.NIS2Notification, i18n.NIS2FinalReport}
	vnStages := []i18n.IncidentStage{i18n.VNInitialReport, "vn-closing-report"}
	incidents := []incident{
		{"NIS2, not notified (final report from detection)", eu,
			obligations.Incident{Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, prague), Significant: true}, significant, nis2, 0, 3},
		{"NIS2, notified", eu,
			obligations.Incident{Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, prague), Notified: time.Date(2026, 3, 12, 15, 0, 0, 0, prague), Significant: true}, significant, nis2, 0, 3},
		{"NIS2, month end and DST", eu,
			obligations.Incident{Detected: time.Date(2026, 3, 28, 22, 0, 0, 0, prague), Notified: time.Date(2026, 3, 31, 8, 0, 0, 0, prague), Significant: true}, significant, nis2, 0, 3},
		{"NIS2, notified in UTC across midnight", eu,
			obligations.Incident{Detected: time.Date(2026, 1, 29, 9, 0, 0, 0, prague), Notified: time.Date(2026, 1, 30, 23, 30, 0, 0, time.UTC), Significant: true}, significant, nis2, 0, 3},
		{"NIS2, the day before member states apply it: no deadline in either", eu,
			obligations.Incident{Detected: time.Date(2024, 10, 17, 23, 0, 0, 0, prague), Significant: true}, significant, nis2, 0, 0},
		{"NIS2, the first day member states apply it", eu,
			obligations.Incident{Detected: time.Date(2024, 10, 18, 0, 30, 0, 0, prague), Significant: true}, significant, nis2, 0, 3},
		{"Vietnam, beyond capacity, response ended", vn,
			obligations.Incident{Detected: time.Date(2026, 2, 14, 8, 5, 0, 0, hanoi), ResponseEnd: time.Date(2026, 2, 16, 17, 0, 0, 0, hanoi), BeyondCapacity: true},
			beyond, vnStages, 0, 3},
		{"Vietnam, before the change of authority", vn,
			obligations.Incident{Detected: time.Date(2025, 2, 27, 23, 0, 0, 0, hanoi), BeyondCapacity: true},
			beyond, vnStages, 0, 2},
		{"China, other operator", cn,
			obligations.Incident{Detected: time.Date(2025, 11, 1, 0, 10, 0, 0, shanghai), CNGrade: obligations.CNGradeMajor},
			major, []i18n.IncidentStage{i18n.CNReport}, i18n.CNOtherOperator, 1},
		{"China, CII", cii,
			obligations.Incident{Detected: time.Date(2026, 5, 4, 13, 0, 0, 0, shanghai), CNGrade: obligations.CNGradeRelativelyMajor},
			major, []i18n.IncidentStage{i18n.CNReport}, i18n.CNCII, 1},
		{"China, central organ", central,
			obligations.Incident{Detected: time.Date(2026, 5, 4, 23, 30, 0, 0, shanghai), CNGrade: obligations.CNGradeParticularlyMajor},
			major, []i18n.IncidentStage{i18n.CNReport}, i18n.CNCentral, 1},
		{"China, before the CAC measures: the CSL's report at once in both", cn,
			obligations.Incident{Detected: time.Date(2025, 10, 31, 23, 0, 0, 0, shanghai), CNGrade: obligations.CNGradeMajor},
			major, []i18n.IncidentStage{i18n.CNReport}, i18n.CNOtherOperator, 1},
	}
	for _, tc := range incidents {
		t.Run(tc.name, func(t *testing.T) {
			inc := tc.inc
			inc.ID = "INC"
			p := &obligations.Profile{Institution: tc.inst, Incidents: []obligations.Incident{inc}}
			now := inc.Detected.Add(time.Hour)
			rep, err := obligations.DefaultCatalog().GapReport(p, nil, obligations.Options{AsOf: medsec.DateOf(now), Now: now})
			require.NoError(t, err)
			items := map[string]obligations.Item{}
			for _, it := range rep.Items {
				if it.Incident == "INC" {
					items[it.DutyID] = it
				}
			}
			printed := 0
			for _, stage := range tc.stages {
				ds := i18n.Deadlines(i18n.IncidentReport{Stage: stage, Detected: inc.Detected, Notified: inc.Notified,
					ResponseEnded: inc.ResponseEnd, Operator: tc.operator, Facts: tc.facts})
				printed += len(ds)
				got := map[string]bool{}
				for _, d := range ds {
					got[d.Rule] = true
					it, ok := items[d.Rule]
					if !assert.True(t, ok, "%v: i18n prints %s, which obligations does not bind", stage, d.Rule) {
						continue
					}
					due := it.DueAt
					if due.IsZero() {
						// A day-based due date expires at 24:00 where the
						// incident was detected.
						due = it.Due.End(inc.Detected.Location())
					}
					assert.True(t, d.Due.Equal(due), "%v / %s: i18n %v, obligations %v", stage, d.Rule, d.Due, due)
					assert.Equal(t, d.Note.IsZero(), it.Note.IsZero(), "%v / %s: both or neither say the deadline runs from detection", stage, d.Rule)
					assert.Contains(t, citations(it.Citations()), d.Citation.Instrument, "%v / %s: same instrument", stage, d.Rule)
				}
				for id, it := range items {
					rule, ok := reg.IncidentRule(id)
					// A duty whose trigger has not happened yet (the
					// response has not ended) has no deadline yet.
					if ok && rule.Report == string(stage) && !it.Due.IsZero() {
						assert.True(t, got[id], "%v: obligations binds %s, which i18n does not print", stage, id)
					}
				}
			}
			assert.Equal(t, tc.printed, printed, "deadlines printed")
		})
	}
}

func citations(cs []medsec.Citation) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Instrument)
	}
	return out
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}
