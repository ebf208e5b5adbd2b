package obligations

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Due dates run through medsec.Span, so month ends, leap days and working
// days follow the legal rules of periods (EU Reg. 1182/71 art. 3(2)(c),
// PRC Civil Code arts. 201-202, CZ Civil Code § 605, VN Civil Code 2015
// arts. 147-148), not Go's date normalisation.
func TestRecurrenceDueDates(t *testing.T) {
	tests := []struct {
		source string
		r      Recurrence
		from   string
		want   string
	}{
		{"EU Reg. 1182/71 art. 3(2)(c); PRC Civil Code art. 202", Recurrence{Kind: Every, Months: 6}, "2026-08-31", "2027-02-28"},
		{"PRC Civil Code art. 202 (leap day)", Recurrence{Kind: Every, Months: 12}, "2028-02-29", "2029-02-28"},
		{"PRC Civil Code art. 202 (year end)", Recurrence{Kind: Every, Months: 12}, "2026-12-31", "2027-12-31"},
		{"VN Civil Code 2015 art. 148(3)", Recurrence{Kind: Every, Months: 6}, "2026-05-31", "2026-11-30"},
		{"weekly: Circular 31/2017 art. 5(3)(d), VN Civil Code 2015 art. 147(2)", Recurrence{Kind: Every, Days: 7}, "2026-12-28", "2027-01-04"},
		{"CZ Civil Code § 605(2)", Recurrence{Kind: Within, Trigger: "registration-decision", Months: 12}, "2028-02-29", "2029-02-28"},
		{"VN Civil Code 2015 arts. 147(2), 148(1)", Recurrence{Kind: Within, Trigger: "dossier", Days: 15}, "2026-12-20", "2027-01-04"},
		{"working days Mon-Fri (holidays not modelled)", Recurrence{Kind: Within, Trigger: "dossier", WorkingDays: 7}, "2026-11-28", "2026-12-08"},
		{"working days Mon-Fri (holidays not modelled)", Recurrence{Kind: Within, Trigger: "grading", WorkingDays: 10}, "2026-12-31", "2027-01-14"},
		{"the day before the event", Recurrence{Kind: Before, Trigger: "go-live"}, "2027-03-01", "2027-02-28"},
		{"the event's day", Recurrence{Kind: Immediately, Trigger: "holiday"}, "2027-03-01", "2027-03-01"},
	}
	for _, tt := range tests {
		var got medsec.Date
		if tt.r.Kind == Every {
			got = tt.r.Span().LastDay(date(tt.from))
		} else {
			got = tt.r.dueFrom(date(tt.from))
		}
		assert.Equal(t, tt.want, got.String(), "%+v from %s (%s)", tt.r, tt.from, tt.source)
	}
}

// Periodic duties fall due by the same rules in a report: a test done on
// 31 August is due again on the last day of February.
func TestEveryMonthEndInReport(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS4)
	ev := []Evidence{{Duty: "CN-MLPS-TEST-L4", System: "HIS", Done: date("2026-08-31")}}
	r, err := c.GapReport(&p, ev, Options{AsOf: date("2027-02-28")})
	require.NoError(t, err)
	it := item(t, r, "CN-MLPS-TEST-L4", "HIS")
	assert.Equal(t, "2027-02-28", it.Due.String(), "6 months from 2026-08-31 (PRC Civil Code art. 202)")
	assert.Equal(t, StatusDueSoon, it.Status, "due today, not yet overdue")
	r, err = c.GapReport(&p, ev, Options{AsOf: date("2027-03-01")})
	require.NoError(t, err)
	assert.Equal(t, StatusOverdue, item(t, r, "CN-MLPS-TEST-L4", "HIS").Status, "overdue on 1 March, not 3 March")
}

func TestRecurrenceSpan(t *testing.T) {
	assert.Equal(t, medsec.Span{N: 6, Unit: medsec.Months}, Recurrence{Kind: Every, Months: 6}.Span())
	assert.Equal(t, medsec.Span{N: 30, Unit: medsec.Days}, Recurrence{Kind: Within, Days: 30}.Span())
	assert.Equal(t, medsec.Span{N: 10, Unit: medsec.WorkingDays}, Recurrence{Kind: Within, WorkingDays: 10}.Span())
	assert.True(t, Recurrence{Kind: Once}.Span().IsZero())
	assert.Equal(t, medsec.Span{N: 7, Unit: medsec.Days}, Recurrence{Kind: Every, Days: 7}.Span())
	// Every takes months or days, one of them, and never working days.
	assert.NoError(t, Recurrence{Kind: Every, Days: 7}.check())
	assert.Error(t, Recurrence{Kind: Every, WorkingDays: 5}.check())
	assert.Error(t, Recurrence{Kind: Every, Months: 1, Days: 7}.check())
	assert.Error(t, Recurrence{Kind: Every}.check())
}

// item finds the report item for duty id and system sys.
func item(t *testing.T, r *Report, id, sys string) Item {
	t.Helper()
	for _, it := range r.Items {
		if it.DutyID == id && it.System == sys {
			return it
		}
	}
	t.Fatalf("no item %s @ %q", id, sys)
	return Item{}
}

func TestStatuses(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	p.Institution.Systems[1].Events = events("grading", "2026-11-10")
	ev := []Evidence{
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: date("2025-12-01"), Reference: "TEST-2025"}, // due 2026-12-01: soon
		{Duty: "CN-MLPS-SELFCHECK-L3", System: "HIS", Done: date("2025-10-01")},                    // due 2026-10-01: overdue
		{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: date("2026-06-30"), Reference: "MIN-7"},          // due 2027-06-30: met
		{Duty: "CN-NHC-LEADERSHIP-GROUP", Done: date("2023-01-05")},
		{Duty: "CN-NHC-LEADERSHIP-GROUP", Done: date("2024-01-05"), Reference: "latest"},
	}
	r, err := c.GapReport(&p, ev, at())
	require.NoError(t, err)

	cases := []struct {
		id, sys string
		status  Status
		due     string
	}{
		{"CN-MLPS-TEST-L3", "HIS", StatusDueSoon, "2026-12-01"},
		{"CN-MLPS-SELFCHECK-L3", "HIS", StatusOverdue, "2026-10-01"},
		{"CN-NHC-LEADERSHIP-MEETING", "", StatusMet, "2027-06-30"},
		{"CN-NHC-LEADERSHIP-GROUP", "", StatusMet, ""},
		{"CN-NHC-APPRAISAL", "", StatusMissing, ""},
		{"CN-MLPS-FILING-30D", "HIS", StatusOverdue, "2026-10-31"},  // graded 2026-10-01
		{"CN-MLPS-FILING-10WD", "HIS", StatusOverdue, "2026-10-15"}, // 10 working days
		{"CN-MLPS-FILING-30D", "OA", StatusDueSoon, "2026-12-10"},   // graded 2026-11-10
		{"CN-MLPS-TEST-L2", "OA", StatusMissing, ""},
		{"CN-CAC-REPORT-OTHER-4H", "", StatusOnTrigger, ""},
	}
	for _, tc := range cases {
		it := item(t, r, tc.id, tc.sys)
		assert.Equal(t, tc.status, it.Status, "%s @ %s", tc.id, tc.sys)
		assert.Equal(t, tc.due, it.Due.String(), "%s @ %s", tc.id, tc.sys)
	}
	assert.Equal(t, "latest", item(t, r, "CN-NHC-LEADERSHIP-GROUP", "").Reference)
	// Level-3 duties do not bind the level-2 system, and vice versa.
	for _, it := range r.Items {
		if it.DutyID == "CN-MLPS-TEST-L3" {
			assert.Equal(t, "HIS", it.System)
		}
		assert.NotEqual(t, "CN-MLPS-TEST-L4", it.DutyID)
	}
	// Totals add up and the order is by urgency, then due date.
	sum := 0
	for s := StatusUnknown; s < statusCount; s++ {
		sum += r.Total(s)
	}
	assert.Equal(t, len(r.Items), sum)
	for i := 1; i < len(r.Items); i++ {
		a, b := r.Items[i-1], r.Items[i]
		require.LessOrEqual(t, a.Status, b.Status)
		if a.Status == b.Status && !a.Due.IsZero() && !b.Due.IsZero() {
			require.False(t, b.Due.Before(a.Due), "%s before %s", a.DutyID, b.DutyID)
		}
	}
	for _, it := range r.Items {
		checkMessageKeys(t, it.Reason())
	}
}

func TestDueSoonWindowAndExclude(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	ev := []Evidence{{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: date("2026-01-15")}} // due 2027-01-15
	r, err := c.GapReport(&p, ev, at())
	require.NoError(t, err)
	assert.Equal(t, StatusMet, item(t, r, "CN-MLPS-TEST-L3", "HIS").Status)
	r, err = c.GapReport(&p, ev, Options{AsOf: asOf, Now: now, DueSoonDays: 60, Exclude: []string{"CN-MLPS-FILING-10WD"}})
	require.NoError(t, err)
	assert.Equal(t, StatusDueSoon, item(t, r, "CN-MLPS-TEST-L3", "HIS").Status)
	for _, it := range r.Items {
		assert.NotEqual(t, "CN-MLPS-FILING-10WD", it.DutyID)
	}
}

func TestIncidentDeadlines(t *testing.T) {
	c := DefaultCatalog()
	detected := time.Date(2026, 11, 22, 6, 30, 0, 0, time.UTC)
	tests := []struct {
		name  string
		flags []medsec.Flag
		duty  string
		hours int
	}{
		{"CII 1 h", []medsec.Flag{"cii"}, "CN-CAC-REPORT-CII-1H", 1},
		{"central organ 2 h", []medsec.Flag{"central-organ"}, "CN-CAC-REPORT-CENTRAL-2H", 2},
		{"other 4 h", nil, "CN-CAC-REPORT-OTHER-4H", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := hospitalCN(grading.MLPS3)
			p.Institution.Flags = append(p.Institution.Flags, tt.flags...)
			p.Incidents = []Incident{{ID: "INC-1", System: "HIS", Detected: detected, CNGrade: CNGradeRelativelyMajor}}
			r, err := c.GapReport(&p, nil, at())
			require.NoError(t, err)
			var got []string
			for _, it := range r.Items {
				if len(it.DutyID) > 14 && it.DutyID[:14] == "CN-CAC-REPORT-" {
					got = append(got, it.DutyID)
					assert.Equal(t, "INC-1", it.Incident)
					assert.Equal(t, detected.Add(time.Duration(tt.hours)*time.Hour), it.DueAt)
					want := StatusOverdue
					if !now.After(it.DueAt) {
						want = StatusDueSoon
					}
					assert.Equal(t, want, it.Status)
				}
			}
			assert.Equal(t, []string{tt.duty}, got)
			// A general (一般) incident needs no CAC report.
			p.Incidents[0].CNGrade = CNGradeGeneral
			r, err = c.GapReport(&p, nil, at())
			require.NoError(t, err)
			assert.Equal(t, StatusOnTrigger, item(t, r, tt.duty, "").Status)
			// Reported in time: met, not late.
			p.Incidents[0].CNGrade = CNGradeMajor
			r, err = c.GapReport(&p, []Evidence{{Duty: tt.duty, Incident: "INC-1", Done: date("2026-11-22"),
				At: detected.Add(30 * time.Minute), Reference: "CAC-RCPT"}}, at())
			require.NoError(t, err)
			it := item(t, r, tt.duty, "")
			assert.Equal(t, StatusMet, it.Status)
			assert.False(t, it.Late)
		})
	}
}

func TestIncidentEUCZVN(t *testing.T) {
	c := DefaultCatalog()
	detected := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	p := hospitalCZ(grading.CZHigher)
	p.Incidents = []Incident{{ID: "I1", Detected: detected, Significant: true}}
	r, err := c.GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, detected.Add(24*time.Hour), item(t, r, "EU-NIS2-EARLY-WARNING-24H", "").DueAt)
	assert.Equal(t, StatusOverdue, item(t, r, "EU-NIS2-EARLY-WARNING-24H", "").Status)
	assert.Equal(t, StatusDueSoon, item(t, r, "EU-NIS2-NOTIFICATION-72H", "").Status)     // due 2026-11-23 10:00
	assert.Equal(t, "2026-12-20", item(t, r, "EU-NIS2-FINAL-REPORT-1M", "").Due.String()) // from detection: no notification yet
	assert.Equal(t, "2026-12-20", item(t, r, "CZ-264-HIGHER-FINAL-30D", "").Due.String())
	p.Incidents[0].Notified = time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	r, err = c.GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, "2026-12-22", item(t, r, "EU-NIS2-FINAL-REPORT-1M", "").Due.String())
	// Czech registration deadlines.
	assert.Equal(t, "2025-12-31", item(t, r, "CZ-264-NOTIFY-SERVICE-60D", "").Due.String())
	assert.Equal(t, "2026-03-04", item(t, r, "CZ-264-CONTACT-DATA-30D", "").Due.String())
	assert.Equal(t, "2027-02-02", item(t, r, "CZ-264-MEASURES-1Y", "").Due.String())

	v := hospitalVN()
	v.Incidents = []Incident{{ID: "V1", System: "PORTAL", Detected: detected, BeyondCapacity: true,
		ResponseEnd: time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC)}}
	r, err = c.GapReport(&v, nil, at())
	require.NoError(t, err)
	assert.Equal(t, "2026-11-25", item(t, r, "VN-INCIDENT-REPORT-5D-MPS", "").Due.String())
	assert.Equal(t, StatusOverdue, item(t, r, "VN-INCIDENT-IMMEDIATE", "").Status)
	assert.Equal(t, "2026-11-26", item(t, r, "VN-INCIDENT-CLOSING-5D", "").Due.String())
	assert.Equal(t, "2026-11-25", item(t, r, "VN-ND85-APPRAISAL-L3", "PORTAL").Due.String()) // dossier 2026-11-10 + 15 days
	assert.Equal(t, "2026-11-19", item(t, r, "VN-ND85-APPROVAL-7WD", "PORTAL").Due.String()) // + 7 working days
	assert.Equal(t, "2026-12-30", item(t, r, "VN-HOLIDAY-DUTY-ROSTER", "").Due.String())     // the day before the holiday
	assert.Equal(t, StatusPending, item(t, r, "VN-HOLIDAY-DUTY-ROSTER", "").Status)
}

func TestApplicableReasons(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	bs, err := c.Applicable(&p, asOf)
	require.NoError(t, err)
	byKey := map[string]string{}
	for _, b := range bs {
		byKey[b.DutyID+"@"+b.System] = b.Reason.String()
		checkMessageKeys(t, b.Reason)
	}
	assert.Equal(t, "system HIS is graded MLPS level 3; the duty applies at level 3 only", byKey["CN-MLPS-TEST-L3@HIS"])
	assert.Equal(t, "the institution runs system HIS at MLPS level 3; the duty applies from level 3", byKey["CN-GBT-DEDICATED-SECADMIN@"])
	assert.Equal(t, "the institution is subject to Chinese law", byKey["CN-NHC-LEADERSHIP-GROUP@"])
	assert.Equal(t, "the institution is subject to Chinese law, and it processes health data", byKey["CN-NHC-DATA-IN-CHINA@"])
	_, ok := byKey["CN-GBT-DEDICATED-SECADMIN@"]
	assert.True(t, ok)
	_, ok = byKey["CN-CII-ANNUAL-TEST@"]
	assert.False(t, ok, "not CII")

	cz := hospitalCZ(grading.CZHigher)
	bs, err = c.Applicable(&cz, asOf)
	require.NoError(t, err)
	found := map[string]string{}
	for _, b := range bs {
		found[b.DutyID] = b.Reason.String()
	}
	assert.Equal(t, "the institution is in the Czech higher-obligations regime", found["CZ-409-CYBER-MANAGER"])
	assert.Equal(t, "the institution is a NIS2 essential entity", found["EU-NIS2-21-2-D"])
	for id := range found {
		assert.NotContains(t, id, "CN-")
	}
}

func TestInputErrors(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	tests := map[string]struct {
		p    Profile
		ev   []Evidence
		opts Options
		path string
	}{
		"no as-of":                   {p, nil, Options{}, "/asOf"},
		"impossible as-of":           {p, nil, Options{AsOf: medsec.NewDate(2026, 2, 30)}, "/asOf"},
		"unknown duty":               {p, []Evidence{{Duty: "NOPE", Done: date("2026-01-01")}}, at(), "/evidence/0/duty"},
		"unknown system":             {p, []Evidence{{Duty: "CN-MLPS-TEST-L3", System: "X", Done: date("2026-01-01")}}, at(), "/evidence/0/system"},
		"unknown incident":           {p, []Evidence{{Duty: "CN-CAC-REPORT-OTHER-4H", Incident: "X", Done: date("2026-01-01")}}, at(), "/evidence/0/incident"},
		"no date":                    {p, []Evidence{{Duty: "CN-MLPS-TEST-L3", System: "HIS"}}, at(), "/evidence/0/done"},
		"system on institution duty": {p, []Evidence{{Duty: "CN-NHC-APPRAISAL", System: "HIS", Done: date("2026-01-01")}}, at(), "/evidence/0/system"},
		"no system on system duty":   {p, []Evidence{{Duty: "CN-MLPS-TEST-L3", Done: date("2026-01-01")}}, at(), "/evidence/0/system"},
		"incident duty, no incident": {p, []Evidence{{Duty: "CN-CAC-REPORT-OTHER-4H", Done: date("2026-01-01")}}, at(), "/evidence/0/incident"},
		"no jurisdiction":            {Profile{Institution: grading.Institution{ID: "x", Type: grading.TypeHospital}}, nil, at(), "/institution/jurisdictions"},
		"duplicate system": {Profile{Institution: grading.Institution{ID: "x", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
			Systems: []grading.System{{ID: "A"}, {ID: "A"}}}}, nil, at(), "/institution/systems/1/id"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := c.GapReport(&tt.p, tt.ev, tt.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			assert.Regexp(t, "^obligations: ", err.Error())
			var fe *medsec.FieldError
			require.True(t, errors.As(err, &fe))
			assert.Equal(t, tt.path, fe.Path)
			checkErrorMessages(t, err)
		})
	}
}

// TestConcurrentEvaluation runs reports on the shared default catalog from
// many goroutines; run with -race.
func TestConcurrentEvaluation(t *testing.T) {
	c := DefaultCatalog()
	p := bigHospital(20, "H")
	ev := evidenceFor(c, &p)
	want, err := c.GapReport(&p, ev, at())
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				r, err := c.GapReport(&p, ev, at())
				if err != nil || r.Totals != want.Totals || len(r.Items) != len(want.Items) {
					t.Errorf("concurrent report differs: %v", err)
					return
				}
			}
		}()
	}
	entries := make([]PortfolioEntry, 30)
	for i := range entries {
		entries[i] = PortfolioEntry{Profile: &p, Evidence: ev}
	}
	sums := c.Portfolio(entries, at())
	wg.Wait()
	for _, s := range sums {
		require.NoError(t, s.Err)
		assert.Equal(t, want.Totals, s.Totals)
	}
}
