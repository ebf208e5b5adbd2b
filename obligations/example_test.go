package obligations_test

import (
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
		Institution: obligations.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: obligations.TypeHospital},
		Systems: []obligations.System{{ID: "HIS", MLPS: grading.MLPS3}},
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
	// CN-GBT-SUPPLIER-AGREEMENTS verified   Sign security agreements with service providers
	// CN-MLPS-EXPERT-REVIEW      verified   Have the grading reviewed by experts
	// CN-MLPS-FILING-10WD        unverified File the level with public security within 10 working days (practice)
	// CN-MLPS-FILING-30D         verified   File the level with public security within 30 days
	// CN-MLPS-SELFCHECK-L3       partial    Self-inspect a level-3 system every year
	// CN-MLPS-TEST-L3            partial    Test a level-3 system every year
	// CN-NHC-GRADING-APPROVAL    partial    Have the protection level approved by the superior department
	// CN-NHC-THREE-SYNC          verified   Plan, build and use security together with the system
}

// A gap report: what is overdue, due soon or missing for a small hospital.
func ExampleCatalog_GapReport() {
	p := obligations.Profile{
		Institution: obligations.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: obligations.TypeHospital},
		Systems: []obligations.System{{ID: "HIS", MLPS: grading.MLPS3,
			Triggers: map[obligations.Trigger]medsec.Date{obligations.TriggerGrading: medsec.NewDate(2026, 9, 1)}}},
	}
	ev := []obligations.Evidence{
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: medsec.NewDate(2025, 12, 5), Reference: "report 25-17"},
		{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: medsec.NewDate(2026, 3, 2), Reference: "minutes"},
	}
	r, err := obligations.DefaultCatalog().GapReport(&p, ev, obligations.Options{
		AsOf:    time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC),
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
	// 16 duties lack evidence
}

// Role assignments checked against the profile: at level 3 the security
// administrator may hold no other role.
func ExampleCheckRoles() {
	p := obligations.Profile{
		Institution: obligations.Institution{ID: "H1", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: obligations.TypeHospital, Principal: "dean"},
		Systems: []obligations.System{{ID: "HIS", MLPS: grading.MLPS3}},
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

// Rendering a report as Markdown.
func ExampleReport_WriteMarkdown() {
	p := obligations.Profile{
		Institution: obligations.Institution{ID: "FN", Jurisdictions: []medsec.Jurisdiction{medsec.CZ},
			Type: obligations.TypeHospital, CZ: grading.CZHigher,
			Triggers: map[obligations.Trigger]medsec.Date{obligations.TriggerRegistrationDecision: medsec.NewDate(2026, 1, 15)}},
	}
	r, _ := obligations.DefaultCatalog().GapReport(&p, nil, obligations.Options{AsOf: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)})
	r.Items = r.Items[:2]
	_ = r.WriteMarkdown(os.Stdout, nil)
	// Output:
	// # Gap report for FN as of 2026-02-01
	//
	// 0 overdue, 4 missing evidence, 1 due soon, 1 not yet due, 0 met, 3 on trigger
	//
	// | Status | Due | Duty | System | Citation | Confidence |
	// | --- | --- | --- | --- | --- | --- |
	// | missing evidence |  | **CZ-264-MANAGEMENT** Top management is accountable and trained | institution | CZ-ZKB-264-2025 | verified |
	// | missing evidence |  | **CZ-264-NOTIFY-SERVICE-60D** Notify the regulated service to NÚKIB within 60 days | institution | CZ-ZKB-264-2025 | verified |
}
