package obligations_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

// The duties that bind a level-3 hospital information system in China.
func ExampleCatalog_Applicable() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Systems: []grading.System{{ID: "HIS", MLPS: grading.MLPS3}}},
	}
	bs, err := obligations.DefaultCatalog().Applicable(&p, medsec.NewDate(2026, 11, 22))
	if err != nil {
		panic(err)
	}
	for _, b := range bs {
		if b.System == "HIS" {
			d, _ := obligations.DefaultCatalog().Duty(b.DutyID)
			fmt.Printf("%-26s %-10s %s\n", b.DutyID, d.Confidence, d.Title)
		}
	}
	// Output:
	// CN-CSL-LOG-RETENTION       verified   Keep network logs for at least six months
	// CN-GBT-AUDIT-RECORDS       verified   Keep protected audit records for every user
	// CN-GBT-EQUIPMENT-WIPE      partial    Wipe storage media before equipment is scrapped or reused
	// CN-GBT-SUPPLIER-AGREEMENTS verified   Sign security agreements with service providers
	// CN-MLPS-EXPERT-REVIEW      verified   Have the grading reviewed by experts
	// CN-MLPS-FILING-10WD        unverified File the level with public security within 10 working days (practice)
	// CN-MLPS-FILING-30D         verified   File the level with public security within 30 days
	// CN-MLPS-SELFCHECK-L3       partial    Self-inspect a level-3 system every year
	// CN-MLPS-TEST-L3            partial    Test a level-3 system every year
	// CN-NHC-DECOMMISSION-WIPE   unverified Leave no data on retired equipment (NHC measures)
	// CN-NHC-GRADING-APPROVAL    partial    Have the protection level approved by the superior department
	// CN-NHC-THREE-SYNC          verified   Plan, build and use security together with the system
}

// A gap report: what is overdue, due soon or missing for a small hospital.
func ExampleCatalog_GapReport() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Systems: []grading.System{{ID: "HIS", MLPS: grading.MLPS3,
				Events: map[medsec.Event]medsec.Date{"grading": medsec.NewDate(2026, 9, 1)}}}},
	}
	ev := []obligations.Evidence{
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: medsec.NewDate(2025, 12, 5), Reference: "report 25-17"},
		{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: medsec.NewDate(2026, 3, 2), Reference: "minutes"},
	}
	r, err := obligations.DefaultCatalog().GapReport(&p, ev, obligations.Options{
		AsOf:    medsec.NewDate(2026, 11, 22),
		Exclude: []string{"CN-MLPS-FILING-10WD"}, // follow the verified 30-day filing rule
	})
	if err != nil {
		panic(err)
	}
	for _, it := range r.Items {
		if it.Status == obligations.StatusMissing {
			continue // print only the dated items
		}
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-9s %-10s %-26s %s", it.Status, it.Due, it.DutyID, it.System)))
	}
	fmt.Println(r.Total(obligations.StatusMissing), "duties lack evidence")
	// Output:
	// overdue   2026-10-01 CN-MLPS-FILING-30D         HIS
	// due-soon  2026-12-05 CN-MLPS-TEST-L3            HIS
	// met       2027-03-02 CN-NHC-LEADERSHIP-MEETING
	// on-trigger            CN-CAC-REPORT-OTHER-4H
	// on-trigger            CN-CAC-SUMMARY-30D
	// 20 duties lack evidence
}

// An incident report due within hours is judged at an instant: Options.Now,
// or the end of the as-of day (UTC) when it is not set.
func ExampleOptions_now() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital},
		Incidents: []obligations.Incident{{ID: "INC-1", CNGrade: obligations.CNGradeMajor,
			Detected: time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)}},
	}
	for _, now := range []time.Time{
		time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 22, 13, 0, 0, 0, time.UTC),
		{}, // the end of the as-of day
	} {
		r, err := obligations.DefaultCatalog().GapReport(&p, nil, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22), Now: now})
		if err != nil {
			panic(err)
		}
		label := now.Format("15:04")
		if now.IsZero() {
			label = "unset"
		}
		for _, it := range r.Items {
			if it.Incident == "INC-1" && !it.DueAt.IsZero() {
				fmt.Printf("now %-5s %s %s, due %s\n", label, it.DutyID, it.Status, it.DueAt.Format("15:04"))
			}
		}
	}
	// Output:
	// now 09:00 CN-CAC-REPORT-OTHER-4H due-soon, due 12:00
	// now 13:00 CN-CAC-REPORT-OTHER-4H overdue, due 12:00
	// now unset CN-CAC-REPORT-OTHER-4H overdue, due 12:00
}

// Role assignments checked against the profile: at level 3 the security
// administrator may hold no other role.
func ExampleCheckRoles() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Principal: "dean", Systems: []grading.System{{ID: "HIS", MLPS: grading.MLPS3}}},
	}
	staff := []obligations.Assignment{
		{PersonID: "dean", Role: obligations.RoleLeadershipHead, Employment: obligations.Employee},
		{PersonID: "wang", Role: obligations.RoleSecurityChief, Employment: obligations.Employee, TrainingHours: 16},
		{PersonID: "li", Role: obligations.RoleSecurityAdmin, Employment: obligations.Employee, TrainingHours: 16},
		{PersonID: "li", Role: obligations.RoleSystemAdmin, Employment: obligations.Employee, TrainingHours: 16},
		{PersonID: "zhao", Role: obligations.RoleAuditAdmin, Employment: obligations.VendorStaff, TrainingHours: 8},
	}
	fs, err := obligations.CheckRoles(&p, staff)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("%s [%s]: %s\n", f.Rule.ID, f.Rule.Citations[0], f.Message)
	}
	// Output:
	// CN-ROLE-DEDICATED-SECADMIN-L3 [CN-GBT-22239-2019]: security administrator li of level-3+ system HIS also holds the role system administrator
	// CN-ROLE-VENDOR-AGREEMENT [CN-NHC-2022-29 art. 4]: vendor staff zhao (audit administrator) has no confidentiality agreement on record
}

// The role rules are data: each says when it applies and what it checks.
func ExampleCatalog_RoleRules() {
	for _, r := range obligations.DefaultCatalog().RoleRules() {
		if r.Jurisdiction != medsec.CZ {
			continue
		}
		for _, c := range r.Checks {
			fmt.Printf("%s: %s %v (%s, %s)\n", r.ID, c.Kind, c.Roles, c.Severity, r.Confidence)
		}
	}
	// Output:
	// CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE: distinct [cz-cyber-auditor cz-cyber-manager] (error, partial)
	// CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE: distinct [cz-cyber-auditor cz-cyber-architect] (error, partial)
	// CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE: distinct [cz-cyber-auditor cz-asset-guarantor] (error, partial)
	// CZ-ROLE-409-MANAGER-NOT-OPERATIONS: distinct [cz-cyber-manager cz-it-operations] (error, partial)
	// CZ-ROLE-409-SECURITY-ROLES: required [cz-cyber-architect cz-cyber-auditor cz-asset-guarantor] (error, partial)
	// CZ-ROLE-409-TRAINING: record [cz-cyber-manager cz-cyber-architect cz-cyber-auditor] (warning, partial)
	// CZ-ROLE-CYBER-MANAGER: required [cz-cyber-manager] (error, partial)
	// CZ-ROLE-CYBER-PERSON: required [cz-cyber-person] (error, verified)
}

// Rendering a report as Markdown.
func ExampleReport_WriteMarkdown() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "FN", Jurisdictions: []medsec.Jurisdiction{medsec.CZ},
			Type: grading.TypeHospital, CZ: grading.CZHigher,
			Events: map[medsec.Event]medsec.Date{"registration-decision": medsec.NewDate(2026, 1, 15)}},
	}
	r, _ := obligations.DefaultCatalog().GapReport(&p, nil, obligations.Options{AsOf: medsec.NewDate(2026, 2, 1)})
	r.Items = r.Items[:2]
	_ = r.WriteMarkdown(os.Stdout, nil)
	// Output:
	// # Gap report for FN as of 2026-02-01
	//
	// 0 overdue, 41 missing evidence, 1 due soon, 1 not yet due, 0 met, 3 on trigger
	//
	// | Status | Due | Duty | System | Citation | Confidence |
	// | --- | --- | --- | --- | --- | --- |
	// | missing evidence |  | **CZ-264-MANAGEMENT** Top management is accountable and trained | institution | CZ-ZKB-264-2025 | verified |
	// | missing evidence |  | **CZ-264-NOTIFY-SERVICE-60D** Notify the regulated service to NÚKIB within 60 days | institution | CZ-ZKB-264-2025 art. 6 | partly verified |
}

// Rendering a report as plain text.
func ExampleReport_WriteText() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "FN", Jurisdictions: []medsec.Jurisdiction{medsec.CZ},
			Type: grading.TypeHospital, CZ: grading.CZHigher,
			Events: map[medsec.Event]medsec.Date{"registration-decision": medsec.NewDate(2026, 1, 15)}},
	}
	r, _ := obligations.DefaultCatalog().GapReport(&p, []obligations.Evidence{
		{Duty: "CZ-264-CONTACT-DATA-30D", Done: medsec.NewDate(2026, 1, 20), Reference: "Portal"},
	}, obligations.Options{AsOf: medsec.NewDate(2026, 2, 1)})
	for i, it := range r.Items {
		if it.DutyID == "CZ-264-CONTACT-DATA-30D" {
			r.Items = r.Items[i : i+1]
			break
		}
	}
	_ = r.WriteText(os.Stdout, nil)
	// Output:
	// Gap report for FN as of 2026-02-01
	// 0 overdue, 41 missing evidence, 0 due soon, 1 not yet due, 1 met, 3 on trigger
	//
	// [met] CZ-264-CONTACT-DATA-30D — Submit contact and technical data within 30 days of registration
	//     due 2026-02-14; done 2026-01-20 (Portal)
	//     CZ-ZKB-264-2025 (verified)
	//     the institution is in the Czech higher-obligations regime
}

// A profile is checked against the registry: its flags, events and
// jurisdictions must be declared by a pack. Errors are JSON Pointers.
func ExampleProfile_Validate() {
	p := obligations.Profile{
		Institution: grading.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
			Flags: []medsec.Flag{"health-data", "teaching"}},
		Incidents: []obligations.Incident{{ID: "INC-1"}},
	}
	var fes medsec.FieldErrors
	if errors.As(p.Validate(nil), &fes) {
		for _, fe := range fes {
			fmt.Println(fe.Path, fe.Rule)
		}
	}
	// Output:
	// /institution/flags/1 declared
	// /incidents/0/detected required
}

// Your own duties, in a file with the format of a pack's duties.json,
// merged with the embedded catalog. Message keys are yours to choose.
func ExampleLoadCatalog() {
	mine, err := obligations.LoadCatalog(strings.NewReader(`{"duties": [{
	  "id": "FN-BACKUP-TEST", "jurisdiction": "CZ", "party": "operator",
	  "citations": ["CZ-ZKB-264-2025"], "confidence": "partial",
	  "note": "Our reading of the act's continuity measures.",
	  "title": {"key": "fn.backup-test.title", "format": "Test the restore of the backups"},
	  "description": {"key": "fn.backup-test.description", "format": "Restore a full backup of every clinical system."},
	  "applies": {"scope": "institution", "czRegimes": ["higher"]},
	  "recurrence": {"kind": "every", "months": 6}
	}]}`), nil)
	if err != nil {
		panic(err)
	}
	all, err := obligations.DefaultCatalog().Merge(mine)
	if err != nil {
		panic(err)
	}
	d, _ := all.Duty("FN-BACKUP-TEST")
	fmt.Println(all.Len()-obligations.DefaultCatalog().Len(), d.Title, d.Recurrence.Span())
	// Output:
	// 1 Test the restore of the backups 6 months
}

// Which articles of an instrument the catalog maps to duties.
func ExampleCatalog_Coverage() {
	cov, err := obligations.DefaultCatalog().Coverage("EU-NIS2")
	if err != nil {
		panic(err)
	}
	for _, a := range cov[0].Articles {
		if a.Article == "23" {
			fmt.Println(a.Article, a.Covered(), strings.Join(a.Duties, ", "))
		}
	}
	// Output:
	// 23 true EU-NIS2-EARLY-WARNING-24H, EU-NIS2-FINAL-REPORT-1M, EU-NIS2-FINAL-REPORT-HANDLED-1M, EU-NIS2-INTERMEDIATE-REPORT, EU-NIS2-NOTIFICATION-72H, EU-NIS2-PROGRESS-REPORT-1M, EU-NIS2-RECIPIENTS-NOTICE
}

// What evidence for a Czech duty covers of the NIS2 Directive: the
// Czech act transposes it, so some pairs meet the NIS2 duty and others
// cover it only in part.
func ExampleMappings_Covers() {
	m := obligations.DefaultCatalog().Mappings()
	for _, c := range m.Covers("CZ-264-MEASURES-1Y", medsec.EU) {
		fmt.Printf("%-15s %-7s %s (%s, %s)\n", c.Relationship, c.Coverage, c.Target, c.Set, c.Confidence)
	}
	// Output:
	// superset-of     full    EU-NIS2-21-2-B (cz-nis2, partial)
	// superset-of     full    EU-NIS2-21-2-D (cz-nis2, partial)
	// superset-of     full    EU-NIS2-21-2-F (cz-nis2, partial)
	// superset-of     full    EU-NIS2-21-2-G (cz-nis2, partial)
	// intersects-with partial EU-NIS2-21-2-A (cz-nis2, partial)
	// intersects-with partial EU-NIS2-21-2-C (cz-nis2, unverified)
	// intersects-with partial EU-NIS2-21-2-E (cz-nis2, unverified)
	// intersects-with partial EU-NIS2-21-2-H (cz-nis2, partial)
	// intersects-with partial EU-NIS2-21-2-I (cz-nis2, partial)
	// intersects-with partial EU-NIS2-21-2-J (cz-nis2, partial)
}

// A Czech hospital credits its reports to NÚKIB against the NIS2 duties
// they transpose: the 72-hour update is equal to the NIS2 notification,
// and is judged against the NIS2 deadline.
func ExampleOptions_mappings() {
	cet := time.FixedZone("CET", 3600)
	detected := time.Date(2026, 11, 20, 8, 0, 0, 0, cet)
	p := obligations.Profile{
		Institution: grading.Institution{ID: "FN-1", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
			Type: grading.TypeHospital, Size: grading.Large, NIS2: grading.Essential, CZ: grading.CZHigher},
		Incidents: []obligations.Incident{{ID: "INC-1", Detected: detected, Significant: true}},
	}
	ev := []obligations.Evidence{{Duty: "CZ-264-HIGHER-UPDATE-72H", Incident: "INC-1",
		Done: medsec.DateOf(detected), At: detected.Add(30 * time.Hour), Reference: "NUKIB-2026-118"}}
	c := obligations.DefaultCatalog()
	r, err := c.GapReport(&p, ev, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22), Mappings: c.Mappings()})
	if err != nil {
		panic(err)
	}
	for _, it := range r.Items {
		if it.DutyID == "EU-NIS2-NOTIFICATION-72H" {
			fmt.Println(it.Status, it.Reference)
			fmt.Println(it.Credit.Message())
		}
	}
	// Output:
	// met NUKIB-2026-118
	// via mapping from CZ-264-HIGHER-UPDATE-72H (superset of this duty; mapping set cz-nis2, confidence partly verified)
}

// From an institution's records to its gap report: decode, grade, report.
func ExampleRecords_Profile() {
	f, err := os.Open("testdata/input/records-cz.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rec, err := obligations.DecodeRecords(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	asOf := medsec.NewDate(2026, 11, 22)
	p, grades, err := rec.Profile(nil, grading.Options{AsOf: asOf})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range grades {
		fmt.Println(g.Path, g.Subject, g.Grade, "-", g.Confidence)
	}
	r, err := obligations.DefaultCatalog().GapReport(p, nil, obligations.Options{AsOf: asOf})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Institution, len(p.Institution.Systems), "systems,", r.Total(obligations.StatusMissing) > 0)
	// Output:
	// /nis2 CZ-KN-1 essential entity - verified
	// /cz CZ-KN-1 higher obligations regime - verified
	// CZ-KN-1 2 systems, true
}
