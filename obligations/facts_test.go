package obligations

import (
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fact pins one duty's legal facts.
type fact struct {
	id         string
	cites      string // "; "-joined citations
	confidence medsec.Confidence
	rec        Recurrence
	minL, maxL int
	noteHas    string
}

func checkFacts(t *testing.T, facts []fact) {
	t.Helper()
	c := DefaultCatalog()
	for _, f := range facts {
		t.Run(f.id, func(t *testing.T) {
			d, ok := c.Duty(f.id)
			require.True(t, ok, "duty missing")
			assert.Equal(t, f.cites, citationList(d.Citations))
			assert.Equal(t, f.confidence, d.Confidence)
			assert.Equal(t, f.rec, d.Recurrence)
			assert.Equal(t, f.minL, d.Applies.MinLevel)
			assert.Equal(t, f.maxL, d.Applies.MaxLevel)
			if f.noteHas != "" {
				assert.Contains(t, d.Note, f.noteHas)
			}
			// Confidence is never better than the weakest cited article.
			for _, ct := range d.Citations {
				if ct.Article != "" {
					a, err := c.Registry().Article(ct)
					require.NoError(t, err)
					// A duty may be partial while citing an unverified
					// article when only the article's location is in
					// doubt (the definition of partial); the note says so.
					if a.Confidence == medsec.Unverified && d.Confidence == medsec.Partial && strings.Contains(d.Note, "unverified") {
						continue
					}
					if a.Confidence > d.Confidence {
						t.Errorf("%s claims %v but cites %s (%v)", d.ID, d.Confidence, ct, a.Confidence)
					}
				}
			}
		})
	}
}

func TestFactsChinaNHC(t *testing.T) {
	checkFacts(t, []fact{
		{"CN-NHC-VENDOR-DUTIES", "CN-NHC-2022-29 art. 4", medsec.Verified, Recurrence{Kind: Continuous}, 0, 0, ""},
		{"CN-NHC-LEADERSHIP-GROUP", "CN-NHC-2022-29 art. 5", medsec.Verified, Recurrence{Kind: Once}, 0, 0, ""},
		{"CN-NHC-LEADERSHIP-MEETING", "CN-NHC-2022-29 art. 5", medsec.Verified, Recurrence{Kind: Every, Months: 12}, 0, 0, "12 calendar months"},
		{"CN-NHC-SECURITY-DEPARTMENT", "CN-NHC-2022-29 art. 5", medsec.Verified, Recurrence{Kind: Once}, 2, 0, ""},
		{"CN-NHC-GRADING-PLANNING", "CN-NHC-2022-29 art. 6", medsec.Partial, Recurrence{Kind: Before, Trigger: TriggerGoLive}, 1, 0, "article number"},
		{"CN-NHC-GRADING-APPROVAL", "CN-NHC-2022-29 art. 6; CN-MPS-2007-43 art. 10", medsec.Partial, Recurrence{Kind: Once}, 1, 0, ""},
		{"CN-NHC-NEWTECH-RISK", "CN-NHC-2022-29 art. 13", medsec.Unverified, Recurrence{Kind: Before, Trigger: TriggerGoLive}, 1, 0, "secondary"},
		{"CN-NHC-DATA-LIFECYCLE", "CN-NHC-2022-29", medsec.Partial, Recurrence{Kind: Continuous}, 0, 0, "as a whole"},
		{"CN-NHC-DATA-IN-CHINA", "CN-NHC-2022-29", medsec.Partial, Recurrence{Kind: Continuous}, 0, 0, "as a whole"},
		{"CN-NHC-TRANSFER-ASSESSMENT", "CN-NHC-2022-29; CN-PIPL-2021 art. 38; CN-PIPL-2021 art. 55", medsec.Partial, Recurrence{Kind: Before, Trigger: TriggerTransferAbroad}, 0, 0, ""},
		{"CN-NHC-THREE-SYNC", "CN-NHC-2022-29 art. 28", medsec.Verified, Recurrence{Kind: Before, Trigger: TriggerGoLive}, 1, 0, ""},
		{"CN-NHC-CONTINUING-EDUCATION", "CN-NHC-2022-29 art. 29", medsec.Verified, Recurrence{Kind: Continuous}, 0, 0, ""},
		{"CN-NHC-BUDGET-5PCT", "CN-NHC-2022-29 art. 30", medsec.Verified, Recurrence{Kind: Before, Trigger: TriggerGoLive}, 1, 0, ""},
		{"CN-NHC-APPRAISAL", "CN-NHC-2022-29 art. 31", medsec.Verified, Recurrence{Kind: Continuous}, 0, 0, ""},
	})
	d, _ := DefaultCatalog().Duty("CN-NHC-BUDGET-5PCT")
	assert.Contains(t, d.Title.String(), "5%")
	assert.Contains(t, d.Description.String(), "no less than 5%")
	d, _ = DefaultCatalog().Duty("CN-NHC-LEADERSHIP-GROUP")
	assert.Contains(t, d.Description.String(), "headed by the institution's principal")
	assert.Equal(t, []Role{RoleLeadershipHead}, d.Roles)
	d, _ = DefaultCatalog().Duty("CN-NHC-SECURITY-DEPARTMENT")
	assert.Equal(t, []Role{RoleSecurityChief, RoleSecurityAdmin}, d.Roles)
	d, _ = DefaultCatalog().Duty("CN-NHC-VENDOR-DUTIES")
	assert.Contains(t, d.Description.String(), "medical devices")
	assert.Contains(t, d.Description.String(), "liability for breach")
}

func TestFactsChinaMLPS(t *testing.T) {
	checkFacts(t, []fact{
		{"CN-MLPS-FILING-30D", "CN-MPS-2007-43 art. 15; CN-MPS-2007-43 art. 16", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerGrading, Days: 30}, 2, 0, "10 working days"},
		{"CN-MLPS-FILING-10WD", "CN-MPS-2007-43 art. 15", medsec.Unverified, Recurrence{Kind: Within, Trigger: TriggerGrading, WorkingDays: 10}, 2, 0, "2018 draft"},
		{"CN-MLPS-TEST-L2", "CN-GBT-22239-2019", medsec.Unverified, Recurrence{Kind: Every, Months: 24}, 2, 2, "practice"},
		{"CN-MLPS-TEST-L3", "CN-MPS-2007-43 art. 14", medsec.Partial, Recurrence{Kind: Every, Months: 12}, 3, 3, ""},
		{"CN-MLPS-TEST-L4", "CN-MPS-2007-43 art. 14", medsec.Partial, Recurrence{Kind: Every, Months: 6}, 4, 4, "Conflict"},
		{"CN-MLPS-TEST-L5", "CN-MPS-2007-43 art. 14", medsec.Unverified, Recurrence{Kind: Every, Months: 12}, 5, 5, "2025"},
		{"CN-MLPS-SELFCHECK-L3", "CN-MPS-2007-43 art. 14", medsec.Partial, Recurrence{Kind: Every, Months: 12}, 3, 3, ""},
		{"CN-MLPS-SELFCHECK-L4", "CN-MPS-2007-43 art. 14", medsec.Partial, Recurrence{Kind: Every, Months: 6}, 4, 4, ""},
		{"CN-MLPS-EXPERT-REVIEW", "CN-GBT-22239-2019", medsec.Verified, Recurrence{Kind: Once}, 2, 0, ""},
		{"CN-MLPS-NATIONAL-REVIEW", "CN-MPS-2007-43 art. 10", medsec.Verified, Recurrence{Kind: Once}, 4, 0, ""},
		{"CN-GBT-ADMIN-POSTS", "CN-GBT-22239-2019", medsec.Verified, Recurrence{Kind: Once}, 2, 0, ""},
		{"CN-GBT-DEDICATED-SECADMIN", "CN-GBT-22239-2019", medsec.Verified, Recurrence{Kind: Continuous}, 3, 0, ""},
		{"CN-GBT-REMOTE-OPS", "CN-GBT-22239-2019", medsec.Verified, Recurrence{Kind: Continuous}, 3, 0, ""},
		{"CN-CSL-LOG-RETENTION", "CN-CSL-2016 art. 21", medsec.Verified, Recurrence{Kind: Continuous}, 1, 0, "renumbered"},
	})
	c := DefaultCatalog()
	a, _ := c.Duty("CN-MLPS-FILING-30D")
	b, _ := c.Duty("CN-MLPS-FILING-10WD")
	assert.Equal(t, b.ID, a.AlternativeTo)
	assert.Equal(t, a.ID, b.AlternativeTo)
	d, _ := c.Duty("CN-GBT-ADMIN-POSTS")
	assert.ElementsMatch(t, []Role{RoleSystemAdmin, RoleAuditAdmin, RoleSecurityAdmin}, d.Roles)
	// Six months of log retention (CN-CSL-2016 art. 21: "不少于六个月")
	// are calendar months, not 180 days, counted as a legal period (PRC
	// Civil Code arts. 201-202): the day the log is written is not
	// counted, the period ends on the corresponding day six months on (or
	// that month's last day), and the log may go the day after.
	d, _ = c.Duty("CN-CSL-LOG-RETENTION")
	assert.Equal(t, 6, d.RetainMonths)
	for _, tt := range []struct{ made, discard string }{
		{"2026-02-28", "2026-08-29"},
		{"2026-08-31", "2027-03-01"}, // kept through 28 February (no 31st)
		{"2027-08-31", "2028-03-01"}, // kept through 29 February 2028
		{"2026-03-01", "2026-09-02"},
		{"2026-07-15", "2027-01-16"}, // across the year's end
	} {
		assert.Equal(t, date(tt.discard), d.RetainUntil(date(tt.made)), "log written %s (PRC Civil Code arts. 201-202)", tt.made)
	}
	assert.NotEqual(t, date("2026-03-01").AddDays(180), d.RetainUntil(date("2026-03-01")))
	assert.True(t, d.RetainUntil(medsec.Date{}).IsZero())
	none, _ := c.Duty("CN-CSL-EMERGENCY-PLAN")
	assert.True(t, none.RetainUntil(date("2026-03-01")).IsZero(), "no retention period")
}

func TestFactsChinaIncidentsAndPIPL(t *testing.T) {
	checkFacts(t, []fact{
		{"CN-CAC-REPORT-CII-1H", "CN-CAC-2025-IR art. 4; CN-CII-2021 art. 18", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 1}, 0, 0, ""},
		{"CN-CAC-REPORT-CENTRAL-2H", "CN-CAC-2025-IR art. 4", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 2}, 0, 0, ""},
		{"CN-CAC-REPORT-OTHER-4H", "CN-CAC-2025-IR art. 4", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 4}, 0, 0, ""},
		{"CN-PIPL-PIA", "CN-PIPL-2021 art. 55; CN-PIPL-2021 art. 56", medsec.Verified, Recurrence{Kind: Before, Trigger: TriggerGoLive}, 1, 0, ""},
		{"CN-PIPL-BREACH-NOTICE", "CN-PIPL-2021 art. 57", medsec.Verified, Recurrence{Kind: Immediately, Trigger: TriggerIncident}, 0, 0, ""},
		{"CN-CII-ANNUAL-TEST", "CN-CII-2021 art. 17; CN-CSL-2016 art. 38", medsec.Verified, Recurrence{Kind: Every, Months: 12}, 0, 0, ""},
	})
	c := DefaultCatalog()
	for _, id := range []string{"CN-CAC-REPORT-CII-1H", "CN-CAC-REPORT-CENTRAL-2H", "CN-CAC-REPORT-OTHER-4H"} {
		d, _ := c.Duty(id)
		assert.Equal(t, IncidentCNRelativelyMajor, d.Applies.Incident, id)
		assert.Contains(t, d.Description.String(), "较大")
	}
	d, _ := c.Duty("CN-PIPL-PIA")
	assert.Equal(t, 36, d.RetainMonths)
	assert.Equal(t, "CN-PIPL-2021 art. 28", citationList(d.Basis))
	assert.Contains(t, d.Description.String(), "sensitive personal information")
}

func TestFactsVietnam(t *testing.T) {
	checkFacts(t, []fact{
		{"VN-ND85-LEVEL-DOSSIER", "VN-ND-85-2016 art. 14; VN-ND-85-2016 art. 15; VN-ND-85-2016 art. 22", medsec.Verified, Recurrence{Kind: Once}, 1, 0, ""},
		{"VN-ND85-APPRAISAL-L3", "VN-ND-85-2016 art. 12; VN-ND-85-2016 art. 16", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerDossier, Days: 15}, 3, 3, ""},
		{"VN-ND85-APPROVAL-7WD", "VN-ND-85-2016 art. 17", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerDossier, WorkingDays: 7}, 1, 0, ""},
		{"VN-ND85-ORG-ASSESSMENT", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 24}, 1, 0, ""},
		{"VN-ND85-ASSESS-L34", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 12}, 3, 4, ""},
		{"VN-ND85-ASSESS-L5", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 6}, 5, 5, ""},
		{"VN-TT31-MONITORING", "VN-TT-31-2017 art. 5", medsec.Verified, Recurrence{Kind: Continuous}, 3, 0, ""},
		{"VN-INCIDENT-REPORT-5D-MIC", "VN-QD-05-2017 art. 11; VN-TT-20-2017 art. 9", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Days: 5}, 1, 0, ""},
		{"VN-INCIDENT-REPORT-5D-MPS", "VN-QD-05-2017 art. 11; VN-TT-20-2017 art. 9", medsec.Partial, Recurrence{Kind: Within, Trigger: TriggerIncident, Days: 5}, 1, 0, "provincial recipient"},
		{"VN-INCIDENT-IMMEDIATE", "VN-QD-05-2017 art. 11; VN-TT-20-2017 art. 9", medsec.Verified, Recurrence{Kind: Immediately, Trigger: TriggerIncident}, 1, 0, ""},
		{"VN-INCIDENT-CLOSING-5D", "VN-TT-20-2017 art. 9", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerResponseEnd, Days: 5}, 1, 0, ""},
		{"VN-HOLIDAY-VULN-REVIEW", "VN-ND-85-2016 art. 20", medsec.Partial, Recurrence{Kind: Before, Trigger: TriggerHoliday}, 1, 0, "practice"},
		{"VN-HOLIDAY-DUTY-ROSTER", "VN-TT-20-2017 art. 6", medsec.Partial, Recurrence{Kind: Before, Trigger: TriggerHoliday}, 1, 0, "practice"},
		{"VN-HOLIDAY-REPORT-ATTACK-MPS", "VN-QD-05-2017 art. 11", medsec.Unverified, Recurrence{Kind: Immediately, Trigger: TriggerIncident}, 1, 0, "practice"},
		{"VN-HOLIDAY-FOLLOW-WARNINGS", "VN-ND-85-2016 art. 20", medsec.Partial, Recurrence{Kind: Continuous}, 1, 0, "practice"},
		{"VN-LAW116-TRANSITION", "VN-LAW-116-2025", medsec.Unverified, Recurrence{Kind: Once}, 1, 0, "2026-07-01"},
	})
	c := DefaultCatalog()
	// The receiving authority changes on 2025-03-01; Law 116/2025 applies
	// from 2026-07-01.
	p := hospitalVN()
	on := func(day string) map[string]bool {
		bs, err := c.Applicable(&p, date(day))
		require.NoError(t, err)
		m := map[string]bool{}
		for _, b := range bs {
			m[b.DutyID] = true
		}
		return m
	}
	before, after := on("2025-02-28"), on("2025-03-01")
	assert.True(t, before["VN-INCIDENT-REPORT-5D-MIC"] && !before["VN-INCIDENT-REPORT-5D-MPS"])
	assert.True(t, after["VN-INCIDENT-REPORT-5D-MPS"] && !after["VN-INCIDENT-REPORT-5D-MIC"])
	assert.True(t, before["VN-HOLIDAY-REPORT-ATTACK-MIC"] && after["VN-HOLIDAY-REPORT-ATTACK-MPS"])
	assert.False(t, on("2026-06-30")["VN-LAW116-TRANSITION"])
	assert.True(t, on("2026-07-01")["VN-LAW116-TRANSITION"])
	d, _ := c.Duty("VN-INCIDENT-REPORT-5D-MPS")
	assert.Contains(t, d.Description.String(), "2025-03-01")
	assert.Contains(t, d.Description.String(), "provincial police")
	d, _ = c.Duty("VN-INCIDENT-REPORT-5D-MIC")
	assert.Contains(t, d.Description.String(), "Department of Information and Communications")
}

func TestFactsEUCZ(t *testing.T) {
	checkFacts(t, []fact{
		{"EU-NIS2-MGMT-APPROVAL", "EU-NIS2 art. 20", medsec.Verified, Recurrence{Kind: Once}, 0, 0, ""},
		{"EU-NIS2-MGMT-TRAINING", "EU-NIS2 art. 20", medsec.Verified, Recurrence{Kind: Continuous}, 0, 0, ""},
		{"EU-NIS2-EARLY-WARNING-24H", "EU-NIS2 art. 23", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 24}, 0, 0, ""},
		{"EU-NIS2-NOTIFICATION-72H", "EU-NIS2 art. 23", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 72}, 0, 0, ""},
		{"EU-NIS2-FINAL-REPORT-1M", "EU-NIS2 art. 23", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncidentNotification, Months: 1}, 0, 0, ""},
		{"CZ-264-NOTIFY-SERVICE-60D", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerInScope, Days: 60}, 0, 0, "as a whole"},
		{"CZ-264-CONTACT-DATA-30D", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerRegistrationDecision, Days: 30}, 0, 0, ""},
		{"CZ-264-MEASURES-1Y", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerRegistrationDecision, Months: 12}, 0, 0, ""},
		{"CZ-264-HIGHER-INITIAL-24H", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 24}, 0, 0, ""},
		{"CZ-264-HIGHER-UPDATE-72H", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 72}, 0, 0, ""},
		{"CZ-264-HIGHER-FINAL-30D", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Days: 30}, 0, 0, ""},
		{"CZ-264-LOWER-INITIAL-24H", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 24}, 0, 0, ""},
		{"CZ-264-LOWER-UPDATE-72H", "CZ-ZKB-264-2025", medsec.Unverified, Recurrence{Kind: Within, Trigger: TriggerIncident, Hours: 72}, 0, 0, "mirror"},
		{"CZ-264-LOWER-FINAL-30D", "CZ-ZKB-264-2025", medsec.Unverified, Recurrence{Kind: Within, Trigger: TriggerIncident, Days: 30}, 0, 0, "mirror"},
		{"CZ-181-INCIDENT-WITHOUT-DELAY", "CZ-ZKB-181-2014 art. 8", medsec.Verified, Recurrence{Kind: Immediately, Trigger: TriggerIncident}, 0, 0, ""},
		{"CZ-409-CYBER-MANAGER", "CZ-ZKB-264-2025; CZ-VYH-409-2025 art. 5", medsec.Partial, Recurrence{Kind: Once}, 0, 0, "unverified"},
	})
	c := DefaultCatalog()
	for _, l := range "abcdefghij" {
		id := "EU-NIS2-21-2-" + strings.ToUpper(string(l))
		d, ok := c.Duty(id)
		require.True(t, ok, id)
		assert.Equal(t, "EU-NIS2 art. 21(2)("+string(l)+")", citationList(d.Citations))
	}
	// Act 181/2014 applies until 2025-10-31, Act 264/2025 from 2025-11-01.
	p := hospitalCZ(2) // lower regime
	has := func(day, id string) bool {
		bs, err := c.Applicable(&p, date(day))
		require.NoError(t, err)
		for _, b := range bs {
			if b.DutyID == id {
				return true
			}
		}
		return false
	}
	assert.True(t, has("2025-10-31", "CZ-181-INCIDENT-WITHOUT-DELAY"))
	assert.False(t, has("2025-11-01", "CZ-181-INCIDENT-WITHOUT-DELAY"))
	assert.False(t, has("2025-10-31", "CZ-264-LOWER-INITIAL-24H"))
	assert.True(t, has("2025-11-01", "CZ-264-LOWER-INITIAL-24H"))
	assert.False(t, has("2026-01-01", "CZ-409-CYBER-MANAGER"), "manager is for the higher regime")
}
