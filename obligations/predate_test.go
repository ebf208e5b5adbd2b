package obligations_test

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A duty to act before an event does not bind when the event came before
// the duty's rule was in force: CN-NHC-2022-29 art. 28 (in force
// 2022-08-08) asks that security be planned and built with a system, which
// a system live since 2017 could not have done under it.
func TestBeforeDutiesDoNotReachBackBeforeTheirRule(t *testing.T) {
	profile := func(goLive string) *obligations.Profile {
		d, err := medsec.ParseDate(goLive)
		require.NoError(t, err)
		return &obligations.Profile{
			Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
				Flags: []medsec.Flag{"health-data"},
				Systems: []grading.System{{ID: "S", Name: "S", MLPS: grading.MLPS2,
					Events: map[medsec.Event]medsec.Date{"go-live": d}}}},
		}
	}
	bound := func(p *obligations.Profile, id string) bool {
		bs, err := obligations.DefaultCatalog().Applicable(p, medsec.NewDate(2026, 11, 22))
		require.NoError(t, err)
		for _, b := range bs {
			if b.DutyID == id && b.System == "S" {
				return true
			}
		}
		return false
	}
	assert.False(t, bound(profile("2017-01-01"), "CN-NHC-THREE-SYNC"), "live before 2022-08-08")
	assert.False(t, bound(profile("2022-08-07"), "CN-NHC-THREE-SYNC"), "the day before the measures")
	assert.True(t, bound(profile("2022-08-08"), "CN-NHC-THREE-SYNC"), "the day the measures took effect")
	assert.True(t, bound(profile("2027-01-15"), "CN-NHC-THREE-SYNC"), "a future go-live")
	assert.False(t, bound(profile("2021-10-31"), "CN-PIPL-PIA"), "live before PIPL (2021-11-01)")
	assert.True(t, bound(profile("2021-11-01"), "CN-PIPL-PIA"))
}

// The 30-day and 10-working-day MLPS filing duties are two readings of one
// act, so a filing recorded against either meets both, and is late under
// the stricter reading when it came after 10 working days.
func TestAlternativesShareEvidence(t *testing.T) {
	graded := medsec.NewDate(2023, 5, 1)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
			Systems: []grading.System{{ID: "S", Name: "S", MLPS: grading.MLPS3,
				Events: map[medsec.Event]medsec.Date{"grading": graded}}}},
	}
	ev := []obligations.Evidence{{Duty: "CN-MLPS-FILING-30D", System: "S", Done: medsec.NewDate(2023, 5, 25), Reference: "filing"}}
	r, err := obligations.DefaultCatalog().GapReport(p, ev, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)})
	require.NoError(t, err)
	got := map[string]obligations.Item{}
	for _, it := range r.Items {
		if it.System == "S" {
			got[it.DutyID] = it
		}
	}
	assert.Equal(t, obligations.StatusMet, got["CN-MLPS-FILING-30D"].Status)
	assert.False(t, got["CN-MLPS-FILING-30D"].Late)
	assert.Equal(t, obligations.StatusMet, got["CN-MLPS-FILING-10WD"].Status)
	assert.True(t, got["CN-MLPS-FILING-10WD"].Late, "10 working days after 2023-05-01 is 2023-05-15")
	assert.Equal(t, "filing", got["CN-MLPS-FILING-10WD"].Reference)
}

// boundTo returns, per duty ID, the incident IDs the report binds to it
// ("" for the placeholder of a duty that waits for an incident).
func boundTo(t *testing.T, p *obligations.Profile, asOf time.Time) map[string][]string {
	t.Helper()
	r, err := obligations.DefaultCatalog().GapReport(p, nil, obligations.Options{AsOf: medsec.DateOf(asOf), Now: asOf})
	require.NoError(t, err)
	out := map[string][]string{}
	for _, it := range r.Items {
		out[it.DutyID] = append(out[it.DutyID], it.Incident)
	}
	return out
}

// An incident's reporting duties come from the rules in force on the day it
// was detected, not on the day of the report. Act 181/2014 (§ 8: report
// without delay) applied until 2025-10-31; Act 264/2025 (initial report
// within 24 hours) from 2025-11-01 (CZ-ZKB-181-2014, CZ-ZKB-264-2025).
func TestCzechIncidentBoundByDetectionDay(t *testing.T) {
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
			Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential, CZ: grading.CZHigher},
	}
	asOf := time.Date(2025, 11, 5, 9, 0, 0, 0, prague)

	p.Incidents = []obligations.Incident{{ID: "OCT30", Detected: time.Date(2025, 10, 30, 14, 0, 0, 0, prague), Significant: true}}
	got := boundTo(t, p, asOf)
	assert.Equal(t, []string{"OCT30"}, got["CZ-181-INCIDENT-WITHOUT-DELAY"], "Act 181/2014 § 8 binds an incident of 2025-10-30")
	assert.Equal(t, []string{""}, got["CZ-264-HIGHER-INITIAL-24H"], "Act 264/2025 waits for an incident of its own; it does not reach back")
	assert.Equal(t, []string{"OCT30"}, got["EU-NIS2-EARLY-WARNING-24H"], "NIS2 art. 23 was in force")

	p.Incidents = []obligations.Incident{{ID: "NOV1", Detected: time.Date(2025, 11, 1, 0, 30, 0, 0, prague), Significant: true}}
	got = boundTo(t, p, asOf)
	assert.Equal(t, []string{"NOV1"}, got["CZ-264-HIGHER-INITIAL-24H"], "Act 264/2025 binds an incident of 2025-11-01")
	assert.NotContains(t, got, "CZ-181-INCIDENT-WITHOUT-DELAY", "Act 181/2014 is no longer in force on either day")
}

// The CAC 2025 measures (CN-CAC-2025-IR art. 4, in force 2025-11-01 per
// art. 14) do not bind an incident detected on 2025-10-31; the
// Cybersecurity Law's duty to report (CN-CSL-2016 art. 25) does.
func TestChineseIncidentBoundByDetectionDay(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
			Systems: []grading.System{{ID: "HIS", Name: "HIS", MLPS: grading.MLPS3}}},
	}
	asOf := time.Date(2025, 11, 3, 9, 0, 0, 0, shanghai)
	oct31 := time.Date(2025, 10, 31, 23, 0, 0, 0, shanghai)
	p.Incidents = []obligations.Incident{{ID: "OCT31", System: "HIS", Detected: oct31, CNGrade: obligations.CNGradeMajor}}
	r, err := obligations.DefaultCatalog().GapReport(p, nil, obligations.Options{AsOf: medsec.DateOf(asOf), Now: asOf})
	require.NoError(t, err)
	for _, it := range r.Items {
		if strings.HasPrefix(it.DutyID, "CN-CAC-REPORT-") {
			assert.Empty(t, it.Incident, "%s must not bind an incident of 2025-10-31", it.DutyID)
			assert.Equal(t, obligations.StatusOnTrigger, it.Status)
		}
		if it.DutyID == "CN-CSL-INCIDENT-REPORT" {
			assert.Equal(t, "OCT31", it.Incident)
			assert.Equal(t, oct31, it.DueAt, "due at detection (immediately)")
			assert.Equal(t, obligations.StatusOverdue, it.Status)
		}
	}
	assert.Equal(t, []string{"OCT31"}, boundTo(t, p, asOf)["CN-CSL-INCIDENT-REPORT"])

	// An hour later by the clock, the next day: the CAC measures bind. The
	// day is read in the time's own zone, so give detection times in the
	// institution's zone.
	p.Incidents[0].Detected = time.Date(2025, 11, 1, 0, 10, 0, 0, shanghai)
	got := boundTo(t, p, asOf)
	assert.Equal(t, []string{"OCT31"}, got["CN-CAC-REPORT-OTHER-4H"])
	assert.NotContains(t, got, "CN-CSL-INCIDENT-REPORT", "in force until 2025-10-31 only")
}

// Vietnam moved incident reports from the information ministry to the
// Ministry of Public Security on 2025-03-01: an incident detected on
// 2025-02-27 stays under the rule in force that day (VN-QD-05-2017 art. 11
// with the MIC as recipient).
func TestVietnameseIncidentBoundByDetectionDay(t *testing.T) {
	hanoi, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	require.NoError(t, err)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.VN}, Type: grading.TypeHospital,
			Systems: []grading.System{{ID: "HIS", Name: "HIS", VN: grading.VN3}}},
		Incidents: []obligations.Incident{{ID: "FEB27", System: "HIS", Detected: time.Date(2025, 2, 27, 10, 0, 0, 0, hanoi)}},
	}
	got := boundTo(t, p, time.Date(2025, 3, 5, 9, 0, 0, 0, hanoi))
	assert.Equal(t, []string{"FEB27"}, got["VN-INCIDENT-REPORT-5D-MIC"])
	assert.Equal(t, []string{""}, got["VN-INCIDENT-REPORT-5D-MPS"])
}

// A duty that runs from an event other than an incident is judged by the
// rules in force on the event's day too: the 2022 NHC measures
// (CN-NHC-2022-29, in force 2022-08-08) ask for a security assessment
// before a transfer abroad, which a transfer of 2022-08-01 could not owe.
func TestEventDutiesBoundByEventDay(t *testing.T) {
	profile := func(transfer string) *obligations.Profile {
		return &obligations.Profile{
			Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
				Flags:  []medsec.Flag{"health-data", "transfers-abroad"},
				Events: map[medsec.Event]medsec.Date{"transfer-abroad": date(t, transfer)}},
		}
	}
	bound := func(p *obligations.Profile) bool {
		bs, err := obligations.DefaultCatalog().Applicable(p, medsec.NewDate(2026, 11, 22))
		require.NoError(t, err)
		for _, b := range bs {
			if b.DutyID == "CN-NHC-TRANSFER-ASSESSMENT" {
				return true
			}
		}
		return false
	}
	assert.False(t, bound(profile("2022-08-01")), "a transfer before the measures")
	assert.True(t, bound(profile("2022-08-08")))
	assert.True(t, bound(profile("2027-01-10")), "a planned transfer")
}

func date(t *testing.T, s string) medsec.Date {
	t.Helper()
	d, err := medsec.ParseDate(s)
	require.NoError(t, err)
	return d
}

// NIS2 binds entities from the day member states apply it, 2024-10-18
// (art. 41(1)), not from its entry into force on 2023-01-16: an incident
// of 2024-10-17 owes no NIS2 early warning.
func TestNIS2BindsFromApplicationDate(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	p := &obligations.Profile{
		Institution: grading.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.EU},
			Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential},
		Incidents: []obligations.Incident{{ID: "OCT17", Detected: time.Date(2024, 10, 17, 23, 0, 0, 0, cet), Significant: true},
			{ID: "OCT18", Detected: time.Date(2024, 10, 18, 0, 30, 0, 0, cet), Significant: true}},
	}
	got := boundTo(t, p, time.Date(2024, 10, 20, 9, 0, 0, 0, cet))
	assert.Equal(t, []string{"OCT18"}, got["EU-NIS2-EARLY-WARNING-24H"])
	assert.Equal(t, []string{"OCT18"}, got["EU-NIS2-FINAL-REPORT-1M"])
	for _, d := range obligations.DefaultCatalog().Duties() {
		if d.Jurisdiction == medsec.EU {
			assert.Equal(t, medsec.NewDate(2024, 10, 18), d.InForce.From, d.ID)
		}
	}
}
