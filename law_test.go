package medsec_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLegalDates pins each legal date of the embedded packs to its source.
func TestLegalDates(t *testing.T) {
	reg := medsec.DefaultRegistry()
	tests := []struct {
		id, date, cite string
		conf           medsec.Confidence
	}{
		// NIS2 art. 41(1): Member States apply the measures from 18 October 2024.
		{"EU-NIS2-APPLICATION", "2024-10-18", "EU-NIS2 art. 41", medsec.Verified},
		// vn.md §0 and §4.4: the Ministry of Public Security in charge from 1 March 2025.
		{"VN-MPS-TAKEOVER", "2025-03-01", "", medsec.Verified},
	}
	for _, tt := range tests {
		d, ok := reg.Date(tt.id)
		require.True(t, ok, tt.id)
		assert.Equal(t, tt.date, d.Date.String(), tt.id)
		assert.Equal(t, tt.conf, d.Confidence, tt.id)
		if tt.cite == "" {
			assert.Empty(t, d.Citations, tt.id)
			assert.NotEmpty(t, d.Note, "a date without a citation names its source")
		} else {
			assert.Equal(t, tt.cite, d.Citations[0].String(), tt.id)
		}
	}
	assert.Len(t, reg.Dates(), len(tests), "every embedded legal date is pinned here")
	_, ok := reg.Date("NO-SUCH-DATE")
	assert.False(t, ok)
}

// TestIncidentRules pins every embedded incident-reporting rule: its
// period, the event it runs from and its source.
func TestIncidentRules(t *testing.T) {
	reg := medsec.DefaultRegistry()
	tests := []struct {
		id, within, from, cite string
		conf                   medsec.Confidence
	}{
		// CAC 2025 measures art. 4: 1 hour (CII), 2 hours (central and state
		// organs), 4 hours (others), incidents graded relatively major or above.
		{"CN-CAC-REPORT-CII-1H", "1 hour", "detected", "CN-CAC-2025-IR art. 4", medsec.Verified},
		{"CN-CAC-REPORT-CENTRAL-2H", "2 hours", "detected", "CN-CAC-2025-IR art. 4", medsec.Verified},
		{"CN-CAC-REPORT-OTHER-4H", "4 hours", "detected", "CN-CAC-2025-IR art. 4", medsec.Verified},
		// CAC 2025 measures art. 8: summary report within 30 days after the
		// handling ends (text verified; scope limited to reported incidents by
		// medsec's reading of "through the original channel": partial).
		{"CN-CAC-SUMMARY-30D", "30 days", "response-ended", "CN-CAC-2025-IR art. 8", medsec.Partial},
		// CSL art. 25 (until the CAC measures of 2025): report at once; no
		// general deadline was found, so the earliest reading (partial).
		{"CN-CSL-INCIDENT-REPORT", "", "detected", "CN-CSL-2016 art. 25", medsec.Partial},
		// PIPL art. 57: remedy and notify at once.
		{"CN-PIPL-BREACH-NOTICE", "", "detected", "CN-PIPL-2021 art. 57", medsec.Verified},
		// Act 181/2014 § 8: report without delay (until 2025-10-31).
		{"CZ-181-INCIDENT-WITHOUT-DELAY", "", "detected", "CZ-ZKB-181-2014 art. 8", medsec.Verified},
		// Act 264/2025 §§ 15-16 (NÚKIB portal): 24 h, 72 h, 30 days. In the
		// lower regime the final report is required (decree 410 § 10(f)) but
		// its 30 days are not verified, nor is the update report.
		{"CZ-264-HIGHER-INITIAL-24H", "24 hours", "detected", "CZ-ZKB-264-2025 art. 15", medsec.Partial},
		{"CZ-264-HIGHER-UPDATE-72H", "72 hours", "detected", "CZ-ZKB-264-2025 art. 15", medsec.Partial},
		{"CZ-264-HIGHER-FINAL-30D", "30 days", "detected", "CZ-ZKB-264-2025 art. 16", medsec.Partial},
		{"CZ-264-LOWER-INITIAL-24H", "24 hours", "detected", "CZ-ZKB-264-2025 art. 15", medsec.Partial},
		{"CZ-264-LOWER-UPDATE-72H", "72 hours", "detected", "CZ-ZKB-264-2025 art. 15", medsec.Unverified},
		{"CZ-264-LOWER-FINAL-30D", "30 days", "detected", "CZ-ZKB-264-2025 art. 16", medsec.Unverified},
		// NIS2 art. 23(4)(a), (b), (d); (e): a progress report instead of the
		// final report while the incident is ongoing, and the final report
		// one month after the handling ends; art. 23(1): notice to the
		// recipients of the services, without undue delay.
		{"EU-NIS2-EARLY-WARNING-24H", "24 hours", "detected", "EU-NIS2 art. 23(4)(a)", medsec.Verified},
		{"EU-NIS2-NOTIFICATION-72H", "72 hours", "detected", "EU-NIS2 art. 23(4)(b)", medsec.Verified},
		{"EU-NIS2-FINAL-REPORT-1M", "1 month", "notified", "EU-NIS2 art. 23(4)(d)", medsec.Verified},
		{"EU-NIS2-PROGRESS-REPORT-1M", "1 month", "notified", "EU-NIS2 art. 23(4)(e)", medsec.Verified},
		{"EU-NIS2-FINAL-REPORT-HANDLED-1M", "1 month", "response-ended", "EU-NIS2 art. 23(4)(e)", medsec.Verified},
		{"EU-NIS2-RECIPIENTS-NOTICE", "", "detected", "EU-NIS2 art. 23(1)", medsec.Verified},
		// Decision 05/2017 art. 11(1)(a): within 5 days of detection; at once
		// beyond capacity. Circular 20/2017 art. 9(2)(b): closing report within
		// 5 days after the response ends.
		{"VN-HOLIDAY-REPORT-ATTACK-MIC", "", "detected", "VN-QD-05-2017 art. 11", medsec.Partial},
		{"VN-HOLIDAY-REPORT-ATTACK-MPS", "", "detected", "VN-QD-05-2017 art. 11", medsec.Unverified},
		{"VN-INCIDENT-CLOSING-5D", "5 days", "response-ended", "VN-TT-20-2017 art. 9(2)(b)", medsec.Verified},
		{"VN-INCIDENT-IMMEDIATE", "", "detected", "VN-QD-05-2017 art. 11", medsec.Verified},
		{"VN-INCIDENT-REPORT-5D-MIC", "5 days", "detected", "VN-QD-05-2017 art. 11(1)(a)", medsec.Verified},
		{"VN-INCIDENT-REPORT-5D-MPS", "5 days", "detected", "VN-QD-05-2017 art. 11(1)(a)", medsec.Partial},
	}
	require.Len(t, reg.IncidentRules("", medsec.Date{}), len(tests), "every embedded incident rule is pinned here")
	for _, tt := range tests {
		r, ok := reg.IncidentRule(tt.id)
		require.True(t, ok, tt.id)
		assert.Equal(t, tt.within, r.Within.String(), tt.id)
		assert.Equal(t, tt.from, r.From.String(), tt.id)
		assert.Equal(t, tt.cite, r.Citations[0].String(), tt.id)
		assert.Equal(t, tt.conf, r.Confidence, tt.id)
	}
}

// TestIncidentRulesInForce: an incident is judged by the rules in force on
// the day it was detected.
func TestIncidentRulesInForce(t *testing.T) {
	reg := medsec.DefaultRegistry()
	ids := func(j medsec.Jurisdiction, d string) []string {
		var out []string
		for _, r := range reg.IncidentRules(j, date(d)) {
			out = append(out, r.ID)
		}
		return out
	}
	// Czech Act 264/2025 replaced Act 181/2014 on 2025-11-01.
	assert.Equal(t, []string{"CZ-181-INCIDENT-WITHOUT-DELAY"}, ids(medsec.CZ, "2025-10-31"))
	assert.NotContains(t, ids(medsec.CZ, "2025-11-01"), "CZ-181-INCIDENT-WITHOUT-DELAY")
	assert.Contains(t, ids(medsec.CZ, "2025-11-01"), "CZ-264-HIGHER-INITIAL-24H")
	// The CAC measures apply from 2025-11-01.
	assert.NotContains(t, ids(medsec.CN, "2025-10-31"), "CN-CAC-REPORT-OTHER-4H")
	assert.Contains(t, ids(medsec.CN, "2025-11-01"), "CN-CAC-REPORT-OTHER-4H")
	// NIS2 reporting binds entities from its application date.
	assert.Empty(t, ids(medsec.EU, "2024-10-17"))
	assert.Len(t, ids(medsec.EU, "2024-10-18"), 6)
	// Vietnam: the recipients changed on 2025-03-01.
	assert.Contains(t, ids(medsec.VN, "2025-02-28"), "VN-INCIDENT-REPORT-5D-MIC")
	assert.NotContains(t, ids(medsec.VN, "2025-02-28"), "VN-INCIDENT-REPORT-5D-MPS")
	assert.Contains(t, ids(medsec.VN, "2025-03-01"), "VN-INCIDENT-REPORT-5D-MPS")
	assert.NotContains(t, ids(medsec.VN, "2025-03-01"), "VN-INCIDENT-REPORT-5D-MIC")
}

func TestIncidentRuleDeadline(t *testing.T) {
	reg := medsec.DefaultRegistry()
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	detected := time.Date(2026, 1, 30, 22, 40, 0, 0, prague)
	rule := func(id string) medsec.IncidentRule {
		r, ok := reg.IncidentRule(id)
		require.True(t, ok, id)
		return r
	}
	due, assumed := rule("EU-NIS2-EARLY-WARNING-24H").Deadline(detected, time.Time{}, time.Time{})
	assert.Equal(t, detected.Add(24*time.Hour), due)
	assert.False(t, assumed)

	// The final report runs one month from the notification, to the end
	// of the corresponding day (Regulation 1182/71 art. 3(2)(c)); 31
	// January + 1 month is the last day of February.
	notified := time.Date(2026, 1, 31, 9, 0, 0, 0, prague)
	due, assumed = rule("EU-NIS2-FINAL-REPORT-1M").Deadline(detected, notified, time.Time{})
	assert.False(t, assumed)
	assert.Equal(t, "2026-02-28", medsec.DateOf(due).String())
	// Before the notification, it runs from detection: never later than
	// the legal deadline, and it says so.
	due, assumed = rule("EU-NIS2-FINAL-REPORT-1M").Deadline(detected, time.Time{}, time.Time{})
	assert.True(t, assumed)
	assert.Equal(t, "2026-02-28", medsec.DateOf(due).String())

	// A rule without a period is due at the event.
	due, _ = rule("CN-PIPL-BREACH-NOTICE").Deadline(detected, time.Time{}, time.Time{})
	assert.Equal(t, detected, due)
	// A rule that runs from an event that has not happened has no deadline.
	due, _ = rule("VN-INCIDENT-CLOSING-5D").Deadline(detected, time.Time{}, time.Time{})
	assert.True(t, due.IsZero())
}

func TestIncidentCondition(t *testing.T) {
	c := medsec.IncidentCondition{Incident: []string{"significant"}, EntityClasses: []string{"important", "essential"}, NotFlags: []medsec.Flag{"cii"}}
	assert.True(t, c.Holds(medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"}))
	assert.False(t, c.Holds(medsec.IncidentFacts{EntityClass: "essential"}), "not significant")
	assert.False(t, c.Holds(medsec.IncidentFacts{Marks: []string{"significant"}}), "class not assessed")
	assert.False(t, c.Holds(medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential", Flags: []medsec.Flag{"cii"}}))
	assert.True(t, medsec.IncidentCondition{}.Holds(medsec.IncidentFacts{}), "an empty condition always holds")
	not := medsec.IncidentCondition{Incident: []string{"significant"}, NotIncident: []string{"ongoing-at-final-report"}}
	assert.True(t, not.Holds(medsec.IncidentFacts{Marks: []string{"significant"}}))
	assert.False(t, not.Holds(medsec.IncidentFacts{Marks: []string{"significant", "ongoing-at-final-report"}}), "an excluded mark")
}

// TestNIS2OngoingIncident: NIS2 art. 23(4)(e). While an incident is still
// being handled when the final report falls due, a progress report takes
// its place on the same date and the final report moves to one month after
// the handling ends; the final report is never due twice.
func TestNIS2OngoingIncident(t *testing.T) {
	reg := medsec.DefaultRegistry()
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	detected := time.Date(2026, 3, 2, 8, 0, 0, 0, prague)
	notified := time.Date(2026, 3, 4, 17, 0, 0, 0, prague)
	ended := time.Date(2026, 5, 20, 12, 0, 0, 0, prague)
	due := func(facts medsec.IncidentFacts) map[string]string {
		out := map[string]string{}
		for _, r := range reg.IncidentRules(medsec.EU, medsec.DateOf(detected)) {
			if !r.When.Holds(facts) {
				continue
			}
			d, _ := r.Deadline(detected, notified, ended)
			out[r.ID] = r.Report + " " + medsec.DateOf(d).String()
		}
		return out
	}
	base := medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"}
	assert.Equal(t, map[string]string{
		"EU-NIS2-EARLY-WARNING-24H": "nis2-early-warning 2026-03-03",
		"EU-NIS2-NOTIFICATION-72H":  "nis2-notification 2026-03-05",
		"EU-NIS2-FINAL-REPORT-1M":   "nis2-final-report 2026-04-04",
	}, due(base))

	ongoing := base
	ongoing.Marks = []string{"significant", "ongoing-at-final-report"}
	assert.Equal(t, map[string]string{
		"EU-NIS2-EARLY-WARNING-24H":       "nis2-early-warning 2026-03-03",
		"EU-NIS2-NOTIFICATION-72H":        "nis2-notification 2026-03-05",
		"EU-NIS2-PROGRESS-REPORT-1M":      "nis2-progress-report 2026-04-04",
		"EU-NIS2-FINAL-REPORT-HANDLED-1M": "nis2-final-report 2026-06-20",
	}, due(ongoing))

	// Art. 23(1): the recipients' notice only where the incident is likely
	// to affect the services (the entity's judgment, recorded as a mark).
	affects := base
	affects.Marks = []string{"significant", "affects-recipients"}
	assert.Equal(t, "nis2-recipient-notice 2026-03-02", due(affects)["EU-NIS2-RECIPIENTS-NOTICE"])
	assert.NotContains(t, due(base), "EU-NIS2-RECIPIENTS-NOTICE")
}

// TestCACSummaryReport: CAC 2025 art. 8, 30 days after the handling ends,
// for incidents graded relatively major or above; no date before the end
// of the handling is recorded.
func TestCACSummaryReport(t *testing.T) {
	r, ok := medsec.DefaultRegistry().IncidentRule("CN-CAC-SUMMARY-30D")
	require.True(t, ok)
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	detected := time.Date(2026, 1, 5, 9, 0, 0, 0, shanghai)
	ended := time.Date(2026, 1, 20, 18, 0, 0, 0, shanghai)
	due, assumed := r.Deadline(detected, time.Time{}, ended)
	assert.False(t, assumed)
	assert.Equal(t, "2026-02-19", medsec.DateOf(due).String())
	due, _ = r.Deadline(detected, time.Time{}, time.Time{})
	assert.True(t, due.IsZero())
	assert.True(t, r.When.Holds(medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}, Flags: []medsec.Flag{"cii"}}))
	assert.False(t, r.When.Holds(medsec.IncidentFacts{}), "only incidents reported under art. 4")
	p := medsec.DefaultRegistry().IncidentRulePeriod(r)
	assert.Equal(t, "2025-11-01", p.From.String(), "in force with the measures")
}

func TestIncidentRulesLoadStrictly(t *testing.T) {
	manifest := `{"id":"t","version":"2026-11-29","title":"T","jurisdictions":[{"code":"XB","name":{"key":"t.j","format":"B"}}]}`
	instrument := strings.Replace(goodInstrument, `"EU"`, `"XB"`, 1)
	good := `{"id":"XB-R","jurisdiction":"XB","report":"xb-report","from":"detected","within":{"hours":12},"title":{"key":"t.r","format":"Report within 12 hours"},"citations":["XX-TEST-1 art. 1"],"confidence":"verified"}`
	load := func(rules string) error {
		p, err := medsec.LoadPack(fstest.MapFS{
			"pack.json":          {Data: []byte(manifest)},
			"instruments/x.json": {Data: []byte(strings.Replace(instrument, `"effect":"none"`, `"effect":"obligations"`, 1))},
			"incidents.json":     {Data: []byte(`{"rules":[` + rules + `]}`)},
		})
		require.NoError(t, err)
		_, err = medsec.RegistryOf(p)
		return err
	}
	require.NoError(t, load(good))
	tests := []struct{ name, rules, want string }{
		{"duplicate ID", good + "," + good, "/rules/1/id"},
		{"dangling citation", strings.Replace(good, "art. 1", "art. 99", 1), "/rules/0/citations/0"},
		{"undeclared jurisdiction", strings.Replace(good, `"jurisdiction":"XB"`, `"jurisdiction":"XC"`, 1), "/rules/0/jurisdiction"},
		{"no event", strings.Replace(good, `"from":"detected",`, ``, 1), "/rules/0/from"},
		{"unknown mark", strings.Replace(good, `"confidence"`, `"when":{"incident":["huge"]},"confidence"`, 1), "/rules/0/when/incident/0"},
		{"undeclared flag", strings.Replace(good, `"confidence"`, `"when":{"flags":["nope"]},"confidence"`, 1), "/rules/0/when/flags/0"},
		{"unverified without note", strings.Replace(good, `"verified"`, `"unverified"`, 1), "/rules/0/note"},
		{"unknown date", strings.Replace(good, `"confidence"`, `"fromDate":"NO-SUCH","confidence"`, 1), "/rules/0/fromDate"},
		{"unknown excluded mark", strings.Replace(good, `"confidence"`, `"when":{"notIncident":["huge"]},"confidence"`, 1), "/rules/0/when/notIncident/0"},
		{"mark required and excluded", strings.Replace(good, `"confidence"`, `"when":{"incident":["significant"],"notIncident":["significant"]},"confidence"`, 1), "/rules/0/when/notIncident/0"},
		{"undeclared excluded flag", strings.Replace(good, `"confidence"`, `"when":{"notFlags":["nope"]},"confidence"`, 1), "/rules/0/when/notFlags/0"},
		{"unknown field", strings.Replace(good, `"confidence"`, `"deadline":"soon","confidence"`, 1), "incidents.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := load(tt.rules)
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidData)
			assert.Contains(t, err.Error(), "t/incidents.json")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
