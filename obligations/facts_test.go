package obligations

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
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
			assert.Equal(t, f.cites, medsec.Citations(d.Citations).String())
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
		{"CN-NHC-GRADING-PLANNING", "CN-NHC-2022-29 art. 6", medsec.Partial, Recurrence{Kind: Before, Trigger: "go-live"}, 1, 0, "article number"},
		{"CN-NHC-GRADING-APPROVAL", "CN-NHC-2022-29 art. 6; CN-MPS-2007-43 art. 10", medsec.Partial, Recurrence{Kind: Once}, 1, 0, ""},
		{"CN-NHC-NEWTECH-RISK", "CN-NHC-2022-29 art. 13", medsec.Unverified, Recurrence{Kind: Before, Trigger: "go-live"}, 1, 0, "secondary"},
		{"CN-NHC-DATA-LIFECYCLE", "CN-NHC-2022-29", medsec.Partial, Recurrence{Kind: Continuous}, 0, 0, "as a whole"},
		{"CN-NHC-DATA-IN-CHINA", "CN-NHC-2022-29", medsec.Partial, Recurrence{Kind: Continuous}, 0, 0, "as a whole"},
		{"CN-NHC-TRANSFER-ASSESSMENT", "CN-NHC-2022-29; CN-PIPL-2021 art. 38; CN-PIPL-2021 art. 55", medsec.Partial, Recurrence{Kind: Before, Trigger: "transfer-abroad"}, 0, 0, ""},
		{"CN-NHC-THREE-SYNC", "CN-NHC-2022-29 art. 28", medsec.Verified, Recurrence{Kind: Before, Trigger: "go-live"}, 1, 0, ""},
		{"CN-NHC-CONTINUING-EDUCATION", "CN-NHC-2022-29 art. 29", medsec.Verified, Recurrence{Kind: Continuous}, 0, 0, ""},
		{"CN-NHC-BUDGET-5PCT", "CN-NHC-2022-29 art. 30", medsec.Verified, Recurrence{Kind: Before, Trigger: "go-live"}, 1, 0, ""},
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
		{"CN-MLPS-FILING-30D", "CN-MPS-2007-43 art. 15; CN-MPS-2007-43 art. 16", medsec.Verified, Recurrence{Kind: Within, Trigger: "grading", Days: 30}, 2, 0, "10 working days"},
		{"CN-MLPS-FILING-10WD", "CN-MPS-2007-43 art. 15", medsec.Unverified, Recurrence{Kind: Within, Trigger: "grading", WorkingDays: 10}, 2, 0, "2018 draft"},
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
	assert.Equal(t, medsec.Span{N: 6, Unit: medsec.Months}, d.RetainFor)
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
		{"CN-CAC-REPORT-CII-1H", "CN-CAC-2025-IR art. 4; CN-CII-2021 art. 18", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CN-CAC-REPORT-CENTRAL-2H", "CN-CAC-2025-IR art. 4", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CN-CAC-REPORT-OTHER-4H", "CN-CAC-2025-IR art. 4", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CN-PIPL-PIA", "CN-PIPL-2021 art. 55; CN-PIPL-2021 art. 56", medsec.Verified, Recurrence{Kind: Before, Trigger: "go-live"}, 1, 0, ""},
		{"CN-PIPL-BREACH-NOTICE", "CN-PIPL-2021 art. 57", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CN-CII-ANNUAL-TEST", "CN-CII-2021 art. 17; CN-CSL-2016 art. 38", medsec.Verified, Recurrence{Kind: Every, Months: 12}, 0, 0, ""},
	})
	c := DefaultCatalog()
	for _, id := range []string{"CN-CAC-REPORT-CII-1H", "CN-CAC-REPORT-CENTRAL-2H", "CN-CAC-REPORT-OTHER-4H"} {
		d, _ := c.Duty(id)
		rule, ok := c.Registry().IncidentRule(id)
		require.True(t, ok, id)
		assert.Equal(t, []string{"cn-relatively-major"}, rule.When.Incident, id)
		assert.Contains(t, d.Description.String(), "较大")
	}
	d, _ := c.Duty("CN-PIPL-PIA")
	assert.Equal(t, medsec.Span{N: 36, Unit: medsec.Months}, d.RetainFor)
	assert.Equal(t, "CN-PIPL-2021 art. 28", medsec.Citations(d.Basis).String())
	assert.Contains(t, d.Description.String(), "sensitive personal information")
}

func TestFactsVietnam(t *testing.T) {
	checkFacts(t, []fact{
		{"VN-ND85-LEVEL-DOSSIER", "VN-ND-85-2016 art. 14; VN-ND-85-2016 art. 15; VN-ND-85-2016 art. 22", medsec.Verified, Recurrence{Kind: Once}, 1, 0, ""},
		{"VN-ND85-APPRAISAL-L3", "VN-ND-85-2016 art. 12; VN-ND-85-2016 art. 16", medsec.Verified, Recurrence{Kind: Within, Trigger: "dossier", Days: 15}, 3, 3, ""},
		{"VN-ND85-APPROVAL-7WD", "VN-ND-85-2016 art. 17", medsec.Verified, Recurrence{Kind: Within, Trigger: "dossier", WorkingDays: 7}, 1, 0, ""},
		{"VN-ND85-ORG-ASSESSMENT", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 24}, 1, 0, ""},
		{"VN-ND85-ASSESS-L34", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 12}, 3, 4, ""},
		{"VN-ND85-ASSESS-L5", "VN-ND-85-2016 art. 20", medsec.Verified, Recurrence{Kind: Every, Months: 6}, 5, 5, ""},
		{"VN-TT31-MONITORING", "VN-TT-31-2017 art. 5(1); VN-TT-31-2017 art. 5(2); VN-TT-31-2017 art. 5(3)(a)", medsec.Verified, Recurrence{Kind: Continuous}, 3, 0, ""},
		{"VN-INCIDENT-REPORT-5D-MIC", "VN-QD-05-2017 art. 11(1)(a); VN-TT-20-2017 art. 9", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 1, 0, ""},
		{"VN-INCIDENT-REPORT-5D-MPS", "VN-QD-05-2017 art. 11(1)(a); VN-TT-20-2017 art. 9", medsec.Partial, Recurrence{Kind: FromIncidentRule}, 1, 0, "provincial recipient"},
		{"VN-INCIDENT-IMMEDIATE", "VN-QD-05-2017 art. 11; VN-TT-20-2017 art. 9", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 1, 0, ""},
		{"VN-INCIDENT-CLOSING-5D", "VN-TT-20-2017 art. 9(2)(b)", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 1, 0, ""},
		{"VN-HOLIDAY-VULN-REVIEW", "VN-ND-85-2016 art. 20", medsec.Partial, Recurrence{Kind: Before, Trigger: "holiday"}, 1, 0, "practice"},
		{"VN-HOLIDAY-DUTY-ROSTER", "VN-TT-20-2017 art. 6", medsec.Partial, Recurrence{Kind: Before, Trigger: "holiday"}, 1, 0, "practice"},
		{"VN-HOLIDAY-REPORT-ATTACK-MPS", "VN-QD-05-2017 art. 11", medsec.Unverified, Recurrence{Kind: FromIncidentRule}, 1, 0, "practice"},
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
		{"EU-NIS2-EARLY-WARNING-24H", "EU-NIS2 art. 23(4)(a)", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"EU-NIS2-NOTIFICATION-72H", "EU-NIS2 art. 23(4)(b)", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"EU-NIS2-FINAL-REPORT-1M", "EU-NIS2 art. 23(4)(d)", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-264-NOTIFY-SERVICE-60D", "CZ-ZKB-264-2025 art. 6", medsec.Partial, Recurrence{Kind: Within, Trigger: "in-scope", Days: 60}, 0, 0, "§ 6"},
		{"CZ-264-CONTACT-DATA-30D", "CZ-ZKB-264-2025", medsec.Verified, Recurrence{Kind: Within, Trigger: "registration-decision", Days: 30}, 0, 0, ""},
		{"CZ-264-MEASURES-1Y", "CZ-ZKB-264-2025 art. 13", medsec.Partial, Recurrence{Kind: Within, Trigger: "registration-decision", Months: 12}, 0, 0, "§ 13"},
		{"CZ-264-HIGHER-INITIAL-24H", "CZ-ZKB-264-2025 art. 15; CZ-ZKB-264-2025 art. 16; CZ-VYH-409-2025 art. 14", medsec.Partial, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-264-HIGHER-UPDATE-72H", "CZ-ZKB-264-2025 art. 15; CZ-ZKB-264-2025 art. 16; CZ-VYH-409-2025 art. 14", medsec.Partial, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-264-HIGHER-FINAL-30D", "CZ-ZKB-264-2025 art. 16; CZ-VYH-409-2025 art. 14", medsec.Partial, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-264-LOWER-INITIAL-24H", "CZ-ZKB-264-2025 art. 15; CZ-ZKB-264-2025 art. 16; CZ-VYH-410-2025 art. 10", medsec.Partial, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-264-LOWER-UPDATE-72H", "CZ-ZKB-264-2025 art. 15; CZ-ZKB-264-2025 art. 16; CZ-VYH-410-2025 art. 10", medsec.Unverified, Recurrence{Kind: FromIncidentRule}, 0, 0, "mirror"},
		{"CZ-264-LOWER-FINAL-30D", "CZ-ZKB-264-2025 art. 16; CZ-VYH-410-2025 art. 10", medsec.Unverified, Recurrence{Kind: FromIncidentRule}, 0, 0, "mirror"},
		{"CZ-181-INCIDENT-WITHOUT-DELAY", "CZ-ZKB-181-2014 art. 8", medsec.Verified, Recurrence{Kind: FromIncidentRule}, 0, 0, ""},
		{"CZ-409-CYBER-MANAGER", "CZ-VYH-409-2025 art. 4(4)(a); CZ-VYH-409-2025 art. 5(1)", medsec.Partial, Recurrence{Kind: Once}, 0, 0, "pre-publication"},
	})
	c := DefaultCatalog()
	for _, l := range "abcdefghij" {
		id := "EU-NIS2-21-2-" + strings.ToUpper(string(l))
		d, ok := c.Duty(id)
		require.True(t, ok, id)
		assert.Equal(t, "EU-NIS2 art. 21(2)("+string(l)+")", medsec.Citations(d.Citations).String())
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

// The incident duties take their deadlines from the registry's incident
// rules (law/*/incidents.json); this pins what each duty reports under:
// the moment the period runs from and the period (zero: at once), with
// the sources the rules cite (CAC 2025 art. 4; Decision 05/2017 art. 11,
// Circular 20/2017 art. 9; NIS2 art. 23(4); NÚKIB's reporting portal for
// Act 264/2025; Act 181/2014 § 8).
func TestFactsIncidentDeadlines(t *testing.T) {
	c := DefaultCatalog()
	tests := []struct {
		id     string
		from   medsec.IncidentEvent
		within string
		marks  []string
	}{
		{"CN-CAC-REPORT-CII-1H", medsec.Detected, "1 hours", []string{"cn-relatively-major"}},
		{"CN-CAC-REPORT-CENTRAL-2H", medsec.Detected, "2 hours", []string{"cn-relatively-major"}},
		{"CN-CAC-REPORT-OTHER-4H", medsec.Detected, "4 hours", []string{"cn-relatively-major"}},
		{"CN-CSL-INCIDENT-REPORT", medsec.Detected, "", nil},
		{"CN-PIPL-BREACH-NOTICE", medsec.Detected, "", []string{"personal-data"}},
		{"VN-INCIDENT-REPORT-5D-MIC", medsec.Detected, "5 days", nil},
		{"VN-INCIDENT-REPORT-5D-MPS", medsec.Detected, "5 days", nil},
		{"VN-INCIDENT-IMMEDIATE", medsec.Detected, "", []string{"beyond-capacity"}},
		{"VN-INCIDENT-CLOSING-5D", medsec.ResponseEnded, "5 days", []string{"beyond-capacity"}},
		{"VN-HOLIDAY-REPORT-ATTACK-MIC", medsec.Detected, "", nil},
		{"VN-HOLIDAY-REPORT-ATTACK-MPS", medsec.Detected, "", nil},
		{"EU-NIS2-EARLY-WARNING-24H", medsec.Detected, "24 hours", []string{"significant"}},
		{"EU-NIS2-NOTIFICATION-72H", medsec.Detected, "72 hours", []string{"significant"}},
		{"EU-NIS2-FINAL-REPORT-1M", medsec.Notified, "1 months", []string{"significant"}},
		// NIS2 art. 23(4)(e) and 23(1); CAC 2025 art. 8 (issue 14).
		{"EU-NIS2-PROGRESS-REPORT-1M", medsec.Notified, "1 months", []string{"significant", "ongoing-at-final-report"}},
		{"EU-NIS2-FINAL-REPORT-HANDLED-1M", medsec.ResponseEnded, "1 months", []string{"significant", "ongoing-at-final-report"}},
		{"EU-NIS2-RECIPIENTS-NOTICE", medsec.Detected, "", []string{"significant", "affects-recipients"}},
		{"CN-CAC-SUMMARY-30D", medsec.ResponseEnded, "30 days", []string{"cn-relatively-major"}},
		{"CZ-181-INCIDENT-WITHOUT-DELAY", medsec.Detected, "", nil},
		{"CZ-264-HIGHER-INITIAL-24H", medsec.Detected, "24 hours", nil},
		{"CZ-264-HIGHER-UPDATE-72H", medsec.Detected, "72 hours", nil},
		{"CZ-264-HIGHER-FINAL-30D", medsec.Detected, "30 days", []string{"significant"}}, // decree 409 § 14(1)(m)
		{"CZ-264-LOWER-INITIAL-24H", medsec.Detected, "24 hours", []string{"significant"}},
		{"CZ-264-LOWER-UPDATE-72H", medsec.Detected, "72 hours", []string{"significant"}},
		{"CZ-264-LOWER-FINAL-30D", medsec.Detected, "30 days", []string{"significant"}},
	}
	n := 0
	for _, d := range c.Duties() {
		if d.Recurrence.Kind == FromIncidentRule {
			n++
		}
	}
	assert.Equal(t, len(tests), n, "every incident duty is pinned")
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d, ok := c.Duty(tt.id)
			require.True(t, ok)
			assert.Equal(t, FromIncidentRule, d.Recurrence.Kind)
			rule, ok := c.Registry().IncidentRule(tt.id)
			require.True(t, ok)
			assert.Equal(t, tt.from, rule.From)
			within := ""
			if !rule.Within.IsZero() {
				within = fmt.Sprint(rule.Within.N, " ", rule.Within.Unit)
			}
			assert.Equal(t, tt.within, within)
			assert.Equal(t, tt.marks, rule.When.Incident)
			// The duty carries the rule's facts.
			assert.Equal(t, rule.Citations, d.Citations)
			assert.Equal(t, rule.Confidence, d.Confidence)
			assert.Equal(t, rule.Title, d.Title)
			assert.Equal(t, rule.Jurisdiction, d.Jurisdiction)
			assert.Equal(t, c.Registry().IncidentRulePeriod(rule), d.InForce)
		})
	}
	// Vietnam's duties add a condition the rules do not state: an
	// institution with a graded system.
	d, _ := c.Duty("VN-INCIDENT-REPORT-5D-MPS")
	assert.Equal(t, grading.SchemeVN, d.Applies.Scheme)
	assert.Equal(t, 1, d.Applies.MinLevel)
}

// The role rules are data (law/*/roles.json); this pins their sources
// and confidence, as the role checks used to state them in code.
func TestFactsRoleRules(t *testing.T) {
	want := map[string]struct {
		cites      string
		confidence medsec.Confidence
	}{
		"CN-ROLE-LEADERSHIP-HEAD":       {"CN-NHC-2022-29 art. 5", medsec.Verified},
		"CN-ROLE-SYSADMIN-L1":           {"CN-GBT-22239-2019", medsec.Verified},
		"CN-ROLE-POSTS-L2":              {"CN-NHC-2022-29 art. 5; CN-GBT-22239-2019", medsec.Verified},
		"CN-ROLE-DEDICATED-SECADMIN-L3": {"CN-GBT-22239-2019", medsec.Verified},
		"CN-ROLE-DISTINCT-ADMINS-L3":    {"CN-GBT-22239-2019", medsec.Partial},
		"CN-ROLE-CII-BACKGROUND":        {"CN-CSL-2016 art. 34", medsec.Verified},
		"CN-ROLE-VENDOR-AGREEMENT":      {"CN-NHC-2022-29 art. 4", medsec.Verified},
		"CN-ROLE-TRAINING":              {"CN-NHC-2022-29 art. 29", medsec.Verified},
		"CZ-ROLE-CYBER-MANAGER":         {"CZ-VYH-409-2025 art. 4(4)(a); CZ-VYH-409-2025 art. 5(1)", medsec.Partial},
		"CZ-ROLE-CYBER-PERSON":          {"CZ-VYH-410-2025 art. 4(a)", medsec.Verified},
		// Decree 409/2025 §§ 4(4) and 5 (CISO Assistant's reproduction,
		// possibly pre-publication: partial); issue 14.
		"CZ-ROLE-409-SECURITY-ROLES":         {"CZ-VYH-409-2025 art. 4(4)", medsec.Partial},
		"CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE":  {"CZ-VYH-409-2025 art. 5(4)(c)", medsec.Partial},
		"CZ-ROLE-409-MANAGER-NOT-OPERATIONS": {"CZ-VYH-409-2025 art. 5(1)(c)", medsec.Partial},
		"CZ-ROLE-409-TRAINING":               {"CZ-VYH-409-2025 art. 5(1)(a); CZ-VYH-409-2025 art. 5(2); CZ-VYH-409-2025 art. 5(4)(a)", medsec.Partial},
		"EU-ROLE-MANAGEMENT-TRAINING":        {"EU-NIS2 art. 20", medsec.Verified},
		"VN-ROLE-SECURITY-UNIT":              {"VN-ND-85-2016 art. 21; VN-ND-85-2016 art. 12", medsec.Verified},
	}
	rules := RoleRules()
	require.Len(t, rules, len(want))
	for _, r := range rules {
		w, ok := want[r.ID]
		require.True(t, ok, r.ID)
		assert.Equal(t, w.cites, medsec.Citations(r.Citations).String(), r.ID)
		assert.Equal(t, w.confidence, r.Confidence, r.ID)
		if r.Confidence != medsec.Verified {
			assert.NotEmpty(t, r.Note, r.ID)
		}
	}
	// The embedded roles keep their codes and Go constants.
	for _, r := range []Role{RoleLeadershipHead, RoleSecurityChief, RoleSecurityAdmin, RoleSystemAdmin, RoleAuditAdmin,
		RolePIOfficer, RoleManagementMember, RoleCZCyberManager, RoleCZCyberArchitect, RoleCZCyberPerson,
		RoleCZAssetGuarantor, RoleCZCyberAuditor, RoleCZITOperations, RoleVNSecurityUnit, RoleVNIncidentContact} {
		_, ok := DefaultCatalog().Role(r)
		assert.True(t, ok, r)
	}
	assert.Len(t, DefaultCatalog().Roles(), 15)
}
