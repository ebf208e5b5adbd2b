package obligations

import (
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The duties of issue 14, with the source each rests on. The sources:
//
//   - CAC: the 2025 CAC incident-reporting measures, art. 7(2) quoted
//     verbatim by two independent notes that cite the CAC's official page.
//   - CSL: the Cybersecurity Law 2016, art. 21 (reference sheet cn.md).
//   - NHC: the 2022 NHC measures; the data chapter's content from the NHC's
//     own summary (partial), the rest from one secondary note (unverified).
//   - GB/T 22239: one reproduction of the standard's requirement table.
//   - NIS2: Directive (EU) 2022/2555, arts. 3(4), 21(4), 23(4)(c), read in
//     consistent reproductions of the EUR-Lex text.
//   - VN: Circular 31/2017 arts. 5, 7, 14 and Decree 85/2016 art. 24, read
//     in the Legal Code (topic 3.1).
//   - 410: Decree 410/2025 §§ 3-14, read in NÚKIB's workbook of security
//     measures (v10) and manual (v1.1) (§ 9 also in zokb-siem-baseline).
//   - 409: Decree 409/2025 §§ 3-27, read in CISO Assistant's reproduction,
//     possibly pre-publication (partial); §§ 22-23 also in
//     zokb-siem-baseline (verified).
var issue14Duties = []struct {
	id, source string
	cites      string
	confidence medsec.Confidence
	rec        Recurrence
	retain     medsec.Span
	noteHas    string
}{
	{"CN-CAC-INCIDENT-CONTENT", "CAC art. 7(2), one reproduction", "CN-CAC-2025-IR art. 7", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "summary"},
	{"CN-CSL-DATA-CLASSIFICATION", "CSL art. 21", "CN-CSL-2016 art. 21", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "renumbered"},
	{"CN-NHC-DATA-CLASSIFICATION", "NHC data chapter, secondary note", "CN-NHC-2022-29", medsec.Unverified, Recurrence{Kind: Continuous}, medsec.Span{}, "secondary"},
	{"CN-NHC-NATSEC-REVIEW", "NHC data chapter, NHC summary", "CN-NHC-2022-29", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "as a whole"},
	{"CN-NHC-VENDOR-REMOTE-OM", "NHC, secondary note", "CN-NHC-2022-29", medsec.Unverified, Recurrence{Kind: Continuous}, medsec.Span{}, "secondary"},
	{"CN-NHC-DECOMMISSION-WIPE", "NHC, secondary note", "CN-NHC-2022-29", medsec.Unverified, Recurrence{Kind: Continuous}, medsec.Span{}, "secondary"},
	{"CN-GBT-EQUIPMENT-WIPE", "GB/T 22239 levels 3-4", "CN-GBT-22239-2019", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "one reproduction"},
	{"EU-NIS2-REGISTRATION-DATA", "NIS2 art. 3(4)", "EU-NIS2 art. 3(4)", medsec.Verified, Recurrence{Kind: Once}, medsec.Span{}, "national law"},
	{"EU-NIS2-REGISTRATION-CHANGES-14D", "NIS2 art. 3(4): two weeks", "EU-NIS2 art. 3(4)", medsec.Verified, Recurrence{Kind: Within, Trigger: "registration-data-change", Days: 14}, medsec.Span{}, "14 calendar days"},
	{"EU-NIS2-21-4-CORRECTIVE", "NIS2 art. 21(4)", "EU-NIS2 art. 21(4)", medsec.Verified, Recurrence{Kind: Immediately, Trigger: "nonconformity-found"}, medsec.Span{}, "three consistent"},
	{"EU-NIS2-INTERMEDIATE-REPORT", "NIS2 art. 23(4)(c): no period", "EU-NIS2 art. 23(4)(c)", medsec.Verified, Recurrence{Kind: Immediately, Trigger: "authority-request"}, medsec.Span{}, "no period"},
	{"VN-TT31-WEEKLY-REPORT", "Circular 31 art. 5(3)(d)", "VN-TT-31-2017 art. 5(3)(d)", medsec.Verified, Recurrence{Kind: Every, Days: 7}, medsec.Span{}, "seven calendar days"},
	{"VN-TT31-MONITORING-STORAGE", "Circular 31 art. 5(3)(h)", "VN-TT-31-2017 art. 5(3)(h)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{N: 30, Unit: medsec.Days}, "not one month"},
	{"VN-TT31-SIXMONTH-REPORT-MIC", "Circular 31 arts. 14(4), 5(3)(k)", "VN-TT-31-2017 art. 14(4); VN-TT-31-2017 art. 5(3)(k)", medsec.Verified, Recurrence{Kind: Every, Months: 6}, medsec.Span{}, "2025-02-28"},
	{"VN-TT31-SIXMONTH-REPORT-MPS", "Circular 31 arts. 14(4), 5(3)(k); 2025 hand-over", "VN-TT-31-2017 art. 14(4); VN-TT-31-2017 art. 5(3)(k)", medsec.Partial, Recurrence{Kind: Every, Months: 6}, medsec.Span{}, "not found"},
	{"VN-TT31-MONITORING-BUDGET", "Circular 31 art. 14(7)", "VN-TT-31-2017 art. 14(7)", medsec.Verified, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, ""},
	{"VN-TT31-CONTACT-POINT", "Circular 31 art. 7", "VN-TT-31-2017 art. 7", medsec.Verified, Recurrence{Kind: Once}, medsec.Span{}, ""},
	{"VN-ND85-FUNDING-PROJECT", "Decree 85 art. 24(2); public hospitals as state bodies not stated", "VN-ND-85-2016 art. 24(2)", medsec.Partial, Recurrence{Kind: Before, Trigger: "go-live"}, medsec.Span{}, "public-investment"},
	{"VN-ND85-FUNDING-ANNUAL", "Decree 85 art. 24(3); public hospitals as state bodies not stated", "VN-ND-85-2016 art. 24(3)", medsec.Partial, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, "public hospital"},
	{"CZ-410-OVERVIEW", "410 § 3(2)(a), (c)", "CZ-VYH-410-2025 art. 3(2)(a)", medsec.Verified, Recurrence{Kind: Once}, medsec.Span{N: 4, Unit: medsec.Years}, "Annex 1"},
	{"CZ-410-OVERVIEW-REVIEW-12M", "410 § 3(2)(b), (c)", "CZ-VYH-410-2025 art. 3(2)(b); CZ-VYH-410-2025 art. 3(2)(c)", medsec.Verified, Recurrence{Kind: Every, Months: 12}, medsec.Span{N: 4, Unit: medsec.Years}, "12 calendar months"},
	{"CZ-410-POLICY", "410 § 3(3)-(4)", "CZ-VYH-410-2025 art. 3(3); CZ-VYH-410-2025 art. 3(4)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, ""},
	{"CZ-410-SUPPLIER-CONTRACTS", "410 § 3(5)", "CZ-VYH-410-2025 art. 3(5)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "not only significant suppliers"},
	{"CZ-410-ACQUISITION", "410 § 3(6)", "CZ-VYH-410-2025 art. 3(6)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, ""},
	{"CZ-410-CYBER-PERSON", "410 § 4(a)", "CZ-VYH-410-2025 art. 4(a)", medsec.Verified, Recurrence{Kind: Once}, medsec.Span{}, "workbook"},
	{"CZ-410-MGMT-TRAINING", "410 § 4(b), § 5(2)(a)", "CZ-VYH-410-2025 art. 4(b); CZ-VYH-410-2025 art. 5(2)(a)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "no interval"},
	{"CZ-410-MGMT-DUTIES", "410 § 4(c)-(f)", "CZ-VYH-410-2025 art. 4(c); CZ-VYH-410-2025 art. 4(d); CZ-VYH-410-2025 art. 4(e); CZ-VYH-410-2025 art. 4(f)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, ""},
	{"CZ-410-HR-SECURITY", "410 § 5", "CZ-VYH-410-2025 art. 5(1); CZ-VYH-410-2025 art. 5(2); CZ-VYH-410-2025 art. 5(3)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "Annex 3"},
	{"CZ-410-CONTINUITY", "410 § 6", "CZ-VYH-410-2025 art. 6", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, ""},
	{"CZ-410-ACCESS-CONTROL", "410 § 7", "CZ-VYH-410-2025 art. 7", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-410-MFA", "410 § 8(1)-(3)", "CZ-VYH-410-2025 art. 8(1); CZ-VYH-410-2025 art. 8(2); CZ-VYH-410-2025 art. 8(3)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-410-PASSWORD-POLICY", "410 § 8(4): 12/17/22 characters", "CZ-VYH-410-2025 art. 8(4)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "password-authentication"},
	{"CZ-410-RECOVERY-CREDENTIALS", "410 § 8(5)(c): 24 hours", "CZ-VYH-410-2025 art. 8(5)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-410-DETECTION", "410 § 9(1)", "CZ-VYH-410-2025 art. 9(1)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "zokb-siem-baseline"},
	{"CZ-410-LOGGING", "410 § 9(2)-(3): self-set retention", "CZ-VYH-410-2025 art. 9(2); CZ-VYH-410-2025 art. 9(3)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "no minimum retention"},
	{"CZ-410-INCIDENT-HANDLING", "410 §§ 10, 14", "CZ-VYH-410-2025 art. 10; CZ-VYH-410-2025 art. 14(1)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "CZ-264-LOWER"},
	{"CZ-410-NETWORK", "410 § 11", "CZ-VYH-410-2025 art. 11", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-410-PATCHING", "410 § 12(a)-(b)", "CZ-VYH-410-2025 art. 12(a); CZ-VYH-410-2025 art. 12(b)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-410-VULN-SCAN", "410 § 12(c): no interval", "CZ-VYH-410-2025 art. 12(c)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "no interval"},
	{"CZ-410-CRYPTO", "410 § 13", "CZ-VYH-410-2025 art. 13", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "proportion"},
	{"CZ-409-ISMS", "409 § 3", "CZ-VYH-409-2025 art. 3", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ISMS-REVIEW-12M", "409 § 3(f)-(g): yearly", "CZ-VYH-409-2025 art. 3(f); CZ-VYH-409-2025 art. 3(g)", medsec.Partial, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, "pre-publication"},
	{"CZ-409-MGMT-DUTIES", "409 § 4(1)-(2)", "CZ-VYH-409-2025 art. 4(1); CZ-VYH-409-2025 art. 4(2)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-MGMT-TRAINING", "409 § 4(1)(a), § 10(3)(a)", "CZ-VYH-409-2025 art. 4(1)(a); CZ-VYH-409-2025 art. 10(3)(a)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-COMMITTEE", "409 § 4(3)", "CZ-VYH-409-2025 art. 4(3)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "Annex 5"},
	{"CZ-409-COMMITTEE-MEETING-12M", "409 § 4(3)(d)-(e): yearly", "CZ-VYH-409-2025 art. 4(3)(d); CZ-VYH-409-2025 art. 4(3)(e)", medsec.Partial, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, "pre-publication"},
	{"CZ-409-CYBER-MANAGER", "409 § 4(4)(a), § 5(1)", "CZ-VYH-409-2025 art. 4(4)(a); CZ-VYH-409-2025 art. 5(1)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "pre-publication"},
	{"CZ-409-CYBER-ARCHITECT", "409 § 4(4)(b), § 5(2)", "CZ-VYH-409-2025 art. 4(4)(b); CZ-VYH-409-2025 art. 5(2)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "does not forbid"},
	{"CZ-409-ASSET-GUARANTORS", "409 § 4(4)(c), §§ 5(3), 7(c)", "CZ-VYH-409-2025 art. 4(4)(c); CZ-VYH-409-2025 art. 5(3); CZ-VYH-409-2025 art. 7(c)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "slip"},
	{"CZ-409-CYBER-AUDITOR", "409 § 4(4)(d), § 5(4)", "CZ-VYH-409-2025 art. 4(4)(d); CZ-VYH-409-2025 art. 5(4)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ROLE-DEPUTIES", "409 § 4(5)", "CZ-VYH-409-2025 art. 4(5)", medsec.Partial, Recurrence{Kind: Once}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ROLE-QUALIFICATIONS", "409 § 5: 3 years, or 1 after university", "CZ-VYH-409-2025 art. 5(1)(a); CZ-VYH-409-2025 art. 5(2); CZ-VYH-409-2025 art. 5(4)(a); CZ-VYH-409-2025 art. 5(5)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "CZ-ROLE-409-TRAINING"},
	{"CZ-409-POLICY-DOCS", "409 § 6", "CZ-VYH-409-2025 art. 6", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ASSETS", "409 § 7", "CZ-VYH-409-2025 art. 7", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "Annexes 1 and 3"},
	{"CZ-409-RISK-ASSESSMENT-12M", "409 § 8(1)(c): yearly", "CZ-VYH-409-2025 art. 8(1); CZ-VYH-409-2025 art. 8(2)", medsec.Partial, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, "significant changes"},
	{"CZ-409-SUPPLIERS", "409 § 9(1), (3)", "CZ-VYH-409-2025 art. 9(1); CZ-VYH-409-2025 art. 9(3)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-SUPPLIER-CONTRACTS", "409 § 9(1)(f), (2)(b); Annex 6 not read", "CZ-VYH-409-2025 art. 9(1)(f); CZ-VYH-409-2025 art. 9(2)(b); CZ-VYH-409-2025 Annex 6", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "Annex 6 was not read"},
	{"CZ-409-SUPPLIER-RISK", "409 § 9(2)(a), (c), (d)", "CZ-VYH-409-2025 art. 9(2)(a); CZ-VYH-409-2025 art. 9(2)(c); CZ-VYH-409-2025 art. 9(2)(d)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-HR-SECURITY", "409 § 10", "CZ-VYH-409-2025 art. 10", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "Annex 7"},
	{"CZ-409-CHANGE-MGMT", "409 § 11", "CZ-VYH-409-2025 art. 11", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ACQUISITION", "409 § 12", "CZ-VYH-409-2025 art. 12", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-ACCESS-CONTROL", "409 § 13", "CZ-VYH-409-2025 art. 13", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-INCIDENT-HANDLING", "409 § 14", "CZ-VYH-409-2025 art. 14(1); CZ-VYH-409-2025 art. 14(2)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "CZ-264-HIGHER"},
	{"CZ-409-CONTINUITY", "409 § 15", "CZ-VYH-409-2025 art. 15", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-AUDIT-24M", "409 § 16(4)(b): every 2 years", "CZ-VYH-409-2025 art. 16(4)(b); CZ-VYH-409-2025 art. 16(1); CZ-VYH-409-2025 art. 16(2); CZ-VYH-409-2025 art. 16(6)", medsec.Partial, Recurrence{Kind: Every, Months: 24}, medsec.Span{}, "two-year audit"},
	{"CZ-409-AUDIT-FULL-60M", "409 § 16(5): full scope within 5 years", "CZ-VYH-409-2025 art. 16(5)", medsec.Partial, Recurrence{Kind: Every, Months: 60}, medsec.Span{}, "paragraph 5(b)"},
	{"CZ-409-PHYSICAL", "409 § 17", "CZ-VYH-409-2025 art. 17", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-NETWORK", "409 § 18", "CZ-VYH-409-2025 art. 18", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-IDENTITY", "409 § 19(1)-(3)", "CZ-VYH-409-2025 art. 19(1); CZ-VYH-409-2025 art. 19(2); CZ-VYH-409-2025 art. 19(3)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-PASSWORD-POLICY", "409 § 19(4)-(5)", "CZ-VYH-409-2025 art. 19(4); CZ-VYH-409-2025 art. 19(5)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "decree 410 § 8(4)"},
	{"CZ-409-RECOVERY-ACCOUNT", "409 § 19(6)", "CZ-VYH-409-2025 art. 19(6)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-DETECTION", "409 § 21", "CZ-VYH-409-2025 art. 21", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-LOGGING", "409 § 22 (two reproductions)", "CZ-VYH-409-2025 art. 22(1); CZ-VYH-409-2025 art. 22(2); CZ-VYH-409-2025 art. 22(3); CZ-VYH-409-2025 art. 22(4); CZ-VYH-409-2025 art. 22(5)(a); CZ-VYH-409-2025 art. 22(5)(b); CZ-VYH-409-2025 art. 22(6)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "two consistent"},
	{"CZ-409-LOG-RETENTION-18M", "409 § 22(5)(c): 18 months", "CZ-VYH-409-2025 art. 22(5)(c)", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{N: 18, Unit: medsec.Months}, "not 540 days"},
	{"CZ-409-EVENT-EVALUATION", "409 § 23 (two reproductions)", "CZ-VYH-409-2025 art. 23", medsec.Verified, Recurrence{Kind: Continuous}, medsec.Span{}, "two consistent"},
	{"CZ-409-PATCHING", "409 § 24(1)-(3)", "CZ-VYH-409-2025 art. 24(1); CZ-VYH-409-2025 art. 24(2); CZ-VYH-409-2025 art. 24(3)", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-VULN-SCAN-12M", "409 § 24(4): yearly", "CZ-VYH-409-2025 art. 24(4); CZ-VYH-409-2025 art. 24(6)", medsec.Partial, Recurrence{Kind: Every, Months: 12}, medsec.Span{}, "pre-publication"},
	{"CZ-409-PENTEST-24M", "409 § 24(5)(c): every 2 years", "CZ-VYH-409-2025 art. 24(5); CZ-VYH-409-2025 art. 24(6)", medsec.Partial, Recurrence{Kind: Every, Months: 24}, medsec.Span{}, "five years"},
	{"CZ-409-CRYPTO", "409 § 25", "CZ-VYH-409-2025 art. 25", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-AVAILABILITY", "409 § 26", "CZ-VYH-409-2025 art. 26", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "pre-publication"},
	{"CZ-409-CONTROL-ASSETS", "409 § 27", "CZ-VYH-409-2025 art. 27", medsec.Partial, Recurrence{Kind: Continuous}, medsec.Span{}, "control-assets"},
}

// TestFactsIssue14 pins each duty of issue 14: citations, confidence,
// recurrence, retention and note, and that its confidence claims no more
// than its citations (checkFacts).
func TestFactsIssue14(t *testing.T) {
	var facts []fact
	c := DefaultCatalog()
	for _, f := range issue14Duties {
		facts = append(facts, fact{id: f.id, cites: f.cites, confidence: f.confidence, rec: f.rec, noteHas: f.noteHas})
		d, ok := c.Duty(f.id)
		require.True(t, ok, f.id)
		assert.Equal(t, f.retain, d.RetainFor, "%s (%s)", f.id, f.source)
		assert.NotEmpty(t, d.Evidence, f.id)
	}
	// checkFacts compares the level bounds too; only the Vietnamese and
	// Chinese system duties have them, checked in TestApplicabilityIssue14.
	for i := range facts {
		d, _ := c.Duty(facts[i].id)
		facts[i].minL, facts[i].maxL = d.Applies.MinLevel, d.Applies.MaxLevel
	}
	checkFacts(t, facts)

	// The numbers of the texts appear in the duties' words.
	words := map[string][]string{
		"CZ-410-PASSWORD-POLICY":      {"12 characters", "17 for administrators", "22 for technical assets", "18 months", "last 12"},
		"CZ-410-RECOVERY-CREDENTIALS": {"24 hours"},
		"CZ-409-PASSWORD-POLICY":      {"12 characters", "17 for administrators", "22 for technical assets", "64", "30 minutes", "18 months", "24 hours"},
		"CZ-409-RECOVERY-ACCOUNT":     {"22 characters", "18 months"},
		"CZ-409-ROLE-QUALIFICATIONS":  {"three years", "one year after completing university studies"},
		"CZ-410-OVERVIEW-REVIEW-12M":  {"once a year", "4 years"},
		"VN-TT31-MONITORING-STORAGE":  {"30 days"},
		"EU-NIS2-REGISTRATION-DATA":   {"IP ranges", "sector and subsector"},
		"CN-CAC-INCIDENT-CONTENT":     {"first two items", "supplement the rest promptly"},
	}
	for id, ws := range words {
		d, _ := c.Duty(id)
		for _, w := range ws {
			assert.Contains(t, d.Description.String(), w, id)
		}
	}
	// The architect is no longer said to be separate from the manager:
	// decree 409 does not say so.
	d, _ := c.Duty("CZ-409-CYBER-ARCHITECT")
	assert.NotContains(t, d.Description.String(), "separate")
	// The NHC wipe is not the GB/T one read differently: the GB/T duty
	// asks for more (approval and encryption for equipment leaving the
	// site), so evidence of a bare wipe must not meet it.
	d, _ = c.Duty("CN-NHC-DECOMMISSION-WIPE")
	assert.Empty(t, d.AlternativeTo)
	d, _ = c.Duty("CN-CAC-SUMMARY-30D")
	assert.Contains(t, d.Description.String(), "lessons learned", "CAC art. 8 lists the lessons (教训)")
}

// TestApplicabilityIssue14: each duty of issue 14 binds the institution
// or the systems its source names, and not the ones it leaves out.
func TestApplicabilityIssue14(t *testing.T) {
	c := DefaultCatalog()
	cn := hospitalCN(grading.MLPS3) // HIS level 3, OA level 2
	cnRemote := hospitalCN(grading.MLPS3)
	cnRemote.Institution.Systems[1].Flags = []medsec.Flag{"vendor-remote-access"}
	cnNoHealth := hospitalCN(grading.MLPS2)
	cnNoHealth.Institution.Flags = nil
	vn := hospitalVN() // HIS level 2, PORTAL level 3
	vnState := hospitalVN()
	vnState.Institution.Flags = []medsec.Flag{"state-organisation"}
	vnState.Institution.Systems[0].Flags = []medsec.Flag{"public-investment"}
	euEssential := hospitalCZ(grading.CZHigher)
	euNone := hospitalCZ(grading.CZHigher)
	euNone.Institution.NIS2 = grading.EntityClassUnknown
	lower, higher := hospitalCZ(grading.CZLower), hospitalCZ(grading.CZHigher)
	pw := func(p Profile, flags ...medsec.Flag) Profile {
		p.Institution.Flags = flags
		return p
	}
	tests := []struct {
		id, source string
		on         Profile
		want       []string // systems bound; "" for the institution
		off        Profile
		why        string
	}{
		{"CN-CAC-INCIDENT-CONTENT", "CAC art. 2: every network operator", cn, []string{""}, vn, "not Chinese"},
		{"CN-CSL-DATA-CLASSIFICATION", "CSL art. 21: every network operator", cnNoHealth, []string{""}, vn, "not Chinese"},
		{"CN-NHC-DATA-CLASSIFICATION", "NHC: health data", cn, []string{""}, cnNoHealth, "no health data"},
		{"CN-NHC-NATSEC-REVIEW", "NHC: health data", cn, []string{""}, cnNoHealth, "no health data"},
		{"CN-NHC-VENDOR-REMOTE-OM", "NHC: vendors' remote access", cnRemote, []string{"OA"}, cn, "no vendor remote access"},
		{"CN-NHC-DECOMMISSION-WIPE", "NHC: every level", cn, []string{"HIS", "OA"}, vn, "not Chinese"},
		{"CN-GBT-EQUIPMENT-WIPE", "GB/T 22239: levels 3 and 4", cn, []string{"HIS"}, cnNoHealth, "level 2 only"},
		{"EU-NIS2-REGISTRATION-DATA", "NIS2 art. 3(3)-(4): essential and important entities", euEssential, []string{""}, euNone, "no NIS2 class"},
		{"EU-NIS2-REGISTRATION-CHANGES-14D", "NIS2 art. 3(4)", euEssential, []string{""}, euNone, "no NIS2 class"},
		{"EU-NIS2-21-4-CORRECTIVE", "NIS2 art. 21(4)", euEssential, []string{""}, euNone, "no NIS2 class"},
		{"EU-NIS2-INTERMEDIATE-REPORT", "NIS2 art. 23(4)(c)", euEssential, []string{""}, euNone, "no NIS2 class"},
		{"VN-TT31-WEEKLY-REPORT", "Circular 31 art. 5: level 3+", vn, []string{"PORTAL"}, cn, "not Vietnamese"},
		{"VN-TT31-MONITORING-STORAGE", "Circular 31 art. 5: level 3+", vn, []string{"PORTAL"}, cn, "not Vietnamese"},
		{"VN-TT31-SIXMONTH-REPORT-MPS", "Circular 31 art. 14(4): every owner", vn, []string{""}, cn, "not Vietnamese"},
		{"VN-TT31-MONITORING-BUDGET", "Circular 31 art. 14(7)", vn, []string{""}, cn, "not Vietnamese"},
		{"VN-TT31-CONTACT-POINT", "Circular 31 art. 7", vn, []string{""}, cn, "not Vietnamese"},
		{"VN-ND85-FUNDING-PROJECT", "Decree 85 art. 24(2): public investment", vnState, []string{"HIS"}, vn, "no public-investment project"},
		{"VN-ND85-FUNDING-ANNUAL", "Decree 85 art. 24(3): state organisations", vnState, []string{""}, vn, "not a state organisation"},
		{"CZ-410-OVERVIEW", "410: lower regime", lower, []string{""}, higher, "higher regime"},
		{"CZ-410-SUPPLIER-CONTRACTS", "410 § 3(5): lower regime", lower, []string{""}, higher, "higher regime"},
		{"CZ-410-PASSWORD-POLICY", "410 § 8(4): passwords alone", pw(lower, "password-authentication"), []string{""}, lower, "multi-factor or keys in use"},
		{"CZ-410-LOGGING", "410 § 9", lower, []string{""}, higher, "higher regime"},
		{"CZ-409-COMMITTEE-MEETING-12M", "409: higher regime", higher, []string{""}, lower, "lower regime"},
		{"CZ-409-CYBER-AUDITOR", "409 § 4(4)(d)", higher, []string{""}, lower, "lower regime"},
		{"CZ-409-PASSWORD-POLICY", "409 § 19(4): passwords alone", pw(higher, "password-authentication"), []string{""}, higher, "multi-factor or keys in use"},
		{"CZ-409-LOG-RETENTION-18M", "409 § 22(5)(c)", higher, []string{""}, lower, "lower regime"},
		{"CZ-409-CONTROL-ASSETS", "409 § 27: control assets", pw(higher, "control-assets"), []string{""}, higher, "no control assets"},
	}
	bindings := func(p Profile, id string) []string {
		bs, err := c.Applicable(&p, asOf)
		require.NoError(t, err)
		var out []string
		for _, b := range bs {
			if b.DutyID == id {
				out = append(out, b.System)
			}
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Equal(t, tt.want, bindings(tt.on, tt.id), tt.source)
			assert.Empty(t, bindings(tt.off, tt.id), "%s: %s", tt.source, tt.why)
		})
	}
	// Every duty of issue 14 binds one of the profiles above.
	bound := map[string]bool{}
	for _, p := range []Profile{cn, cnRemote, vnState, euEssential, pw(lower, "password-authentication"), pw(higher, "password-authentication", "control-assets")} {
		bs, err := c.Applicable(&p, asOf)
		require.NoError(t, err)
		for _, b := range bs {
			bound[b.DutyID] = true
		}
	}
	for _, f := range issue14Duties {
		if f.id == "VN-TT31-SIXMONTH-REPORT-MIC" {
			continue // until 2025-02-28; see TestDueDatesIssue14
		}
		assert.True(t, bound[f.id], "%s binds no profile", f.id)
	}
	// The Vietnamese six-monthly report goes to the information ministry
	// until 2025-02-28 and to public security from 2025-03-01.
	assert.Equal(t, []string{""}, bindingsOn(t, c, vn, "2025-02-28", "VN-TT31-SIXMONTH-REPORT-MIC"))
	assert.Empty(t, bindingsOn(t, c, vn, "2025-03-01", "VN-TT31-SIXMONTH-REPORT-MIC"))
	assert.Empty(t, bindingsOn(t, c, vn, "2025-02-28", "VN-TT31-SIXMONTH-REPORT-MPS"))
	// NIS2 duties bind from the directive's application date.
	assert.Empty(t, bindingsOn(t, c, euEssential, "2024-10-17", "EU-NIS2-REGISTRATION-DATA"))
	assert.Equal(t, []string{""}, bindingsOn(t, c, euEssential, "2024-10-18", "EU-NIS2-REGISTRATION-DATA"))
	// The Czech decrees bind from 2025-11-01.
	assert.Empty(t, bindingsOn(t, c, higher, "2025-10-31", "CZ-409-AUDIT-24M"))
	assert.Equal(t, []string{""}, bindingsOn(t, c, higher, "2025-11-01", "CZ-409-AUDIT-24M"))
}

func bindingsOn(t *testing.T, c *Catalog, p Profile, day, id string) []string {
	t.Helper()
	bs, err := c.Applicable(&p, date(day))
	require.NoError(t, err)
	var out []string
	for _, b := range bs {
		if b.DutyID == id {
			out = append(out, b.System)
		}
	}
	return out
}

// TestDueDatesIssue14: the due dates of the duties of issue 14, counted as
// the law counts periods (medsec.Span): from the latest evidence for
// periodic duties, from the event for the others.
func TestDueDatesIssue14(t *testing.T) {
	c := DefaultCatalog()
	vn := hospitalVN()
	vn.Institution.Flags = []medsec.Flag{"state-organisation"}
	vn.Institution.Systems[0].Flags = []medsec.Flag{"public-investment"}
	vn.Institution.Systems[0].Events = events("go-live", "2027-03-01")
	cz := hospitalCZ(grading.CZHigher)
	cz.Institution.Events["registration-data-change"] = date("2026-11-10")
	cz.Institution.Events["authority-request"] = date("2026-11-20")
	lower := hospitalCZ(grading.CZLower)
	tests := []struct {
		id, sys, source string
		p               Profile
		done            string // latest evidence, "" for none
		asOf            string
		due             string
		status          Status
	}{
		{"VN-TT31-WEEKLY-REPORT", "PORTAL", "Circular 31 art. 5(3)(d): weekly", vn, "2026-11-16", "2026-11-22", "2026-11-23", StatusDueSoon},
		{"VN-TT31-WEEKLY-REPORT", "PORTAL", "a week and a day later it is overdue", vn, "2026-11-16", "2026-11-24", "2026-11-23", StatusOverdue},
		{"VN-TT31-SIXMONTH-REPORT-MPS", "", "Circular 31 art. 14(4): six months, VN Civil Code art. 148(3)", vn, "2026-05-31", "2026-11-22", "2026-11-30", StatusDueSoon},
		{"VN-TT31-MONITORING-BUDGET", "", "Circular 31 art. 14(7): yearly", vn, "2025-12-31", "2026-11-22", "2026-12-31", StatusMet},
		{"VN-ND85-FUNDING-ANNUAL", "", "Decree 85 art. 24(3): each year's estimate", vn, "2025-11-01", "2026-11-22", "2026-11-01", StatusOverdue},
		{"VN-ND85-FUNDING-PROJECT", "HIS", "Decree 85 art. 24(2): before the go-live", vn, "", "2026-11-22", "2027-02-28", StatusPending},
		{"EU-NIS2-REGISTRATION-CHANGES-14D", "", "NIS2 art. 3(4): two weeks", cz, "", "2026-11-22", "2026-11-24", StatusDueSoon},
		{"EU-NIS2-INTERMEDIATE-REPORT", "", "NIS2 art. 23(4)(c): no period, due on the request's day", cz, "", "2026-11-22", "2026-11-20", StatusOverdue},
		{"EU-NIS2-INTERMEDIATE-REPORT", "", "sent the day after the request: met, late", cz, "2026-11-21", "2026-11-22", "2026-11-20", StatusMet},
		{"EU-NIS2-21-4-CORRECTIVE", "", "NIS2 art. 21(4): no non-compliance recorded", cz, "", "2026-11-22", "", StatusOnTrigger},
		{"CZ-410-OVERVIEW-REVIEW-12M", "", "410 § 3(2)(b): yearly", lower, "2025-12-31", "2026-11-22", "2026-12-31", StatusMet},
		{"CZ-410-OVERVIEW", "", "410 § 3(2)(a): once", lower, "", "2026-11-22", "", StatusMissing},
		{"CZ-409-ISMS-REVIEW-12M", "", "409 § 3(f): yearly", cz, "2025-11-30", "2026-11-22", "2026-11-30", StatusDueSoon},
		{"CZ-409-COMMITTEE-MEETING-12M", "", "409 § 4(3)(d): yearly", cz, "2025-11-20", "2026-11-22", "2026-11-20", StatusOverdue},
		{"CZ-409-RISK-ASSESSMENT-12M", "", "409 § 8(1)(c): yearly", cz, "2026-02-28", "2026-11-22", "2027-02-28", StatusMet},
		{"CZ-409-AUDIT-24M", "", "409 § 16(4)(b): every 2 years", cz, "2024-12-31", "2026-11-22", "2026-12-31", StatusMet},
		{"CZ-409-AUDIT-FULL-60M", "", "409 § 16(5): full scope within 5 years", cz, "2022-02-28", "2026-11-22", "2027-02-28", StatusMet},
		{"CZ-409-VULN-SCAN-12M", "", "409 § 24(4): yearly", cz, "2025-08-31", "2026-11-22", "2026-08-31", StatusOverdue},
		{"CZ-409-PENTEST-24M", "", "409 § 24(5)(c): every 2 years", cz, "2026-01-31", "2026-11-22", "2028-01-31", StatusMet},
		{"CZ-409-LOG-RETENTION-18M", "", "409 § 22(5)(c): a standing state", cz, "2026-01-05", "2026-11-22", "", StatusMet},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.asOf, func(t *testing.T) {
			var ev []Evidence
			if tt.done != "" {
				ev = append(ev, Evidence{Duty: tt.id, System: tt.sys, Done: date(tt.done)})
			}
			r, err := c.GapReport(&tt.p, ev, Options{AsOf: date(tt.asOf)})
			require.NoError(t, err)
			it := item(t, r, tt.id, tt.sys)
			assert.Equal(t, tt.due, it.Due.String(), tt.source)
			assert.Equal(t, tt.status, it.Status, tt.source)
		})
	}

	// Retention periods are legal periods, not day counts rounded.
	for _, tt := range []struct {
		id, source, made, discard string
	}{
		{"VN-TT31-MONITORING-STORAGE", "Circular 31 art. 5(3)(h): 30 days, not a month", "2026-02-01", "2026-03-04"},
		{"VN-TT31-MONITORING-STORAGE", "30 days across a 31-day month", "2026-01-15", "2026-02-15"},
		{"CZ-409-LOG-RETENTION-18M", "409 § 22(5)(c): 18 months, CZ Civil Code § 605(2)", "2026-08-31", "2028-03-01"},
		{"CZ-410-OVERVIEW-REVIEW-12M", "410 § 3(2)(c): 4 years", "2028-02-29", "2032-03-01"},
	} {
		d, _ := c.Duty(tt.id)
		assert.Equal(t, tt.discard, d.RetainUntil(date(tt.made)).String(), "%s: %s", tt.id, tt.source)
	}
}

// An occasional event (medsec.EventInfo.Occasional) may never happen: a
// duty that runs from it waits (on trigger) while the profile gives no
// date, where a duty that runs from an expected event is due at once.
func TestOccasionalEvents(t *testing.T) {
	reg := medsec.DefaultRegistry()
	for _, e := range []medsec.Event{"authority-request", "nonconformity-found", "registration-data-change"} {
		info, ok := reg.Event(e)
		require.True(t, ok, e)
		assert.True(t, info.Occasional, e)
	}
	for _, e := range []medsec.Event{"go-live", "registration-decision", "in-scope", "holiday"} {
		info, _ := reg.Event(e)
		assert.False(t, info.Occasional, e)
	}
	p := hospitalCZ(grading.CZHigher)
	delete(p.Institution.Events, "registration-decision")
	r, err := DefaultCatalog().GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, StatusOnTrigger, item(t, r, "EU-NIS2-INTERMEDIATE-REPORT", "").Status)
	assert.Equal(t, StatusOnTrigger, item(t, r, "EU-NIS2-REGISTRATION-CHANGES-14D", "").Status)
	assert.Equal(t, StatusMissing, item(t, r, "CZ-264-CONTACT-DATA-30D", "").Status, "the registration decision is expected")
	// Evidence without the event's date is evidence all the same.
	r, err = DefaultCatalog().GapReport(&p, []Evidence{{Duty: "EU-NIS2-INTERMEDIATE-REPORT", Done: date("2026-11-01")}}, at())
	require.NoError(t, err)
	assert.Equal(t, StatusMet, item(t, r, "EU-NIS2-INTERMEDIATE-REPORT", "").Status)
}
