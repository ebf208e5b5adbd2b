package obligations

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An occasional event (medsec.EventInfo.Occasional) may never happen: a
// duty that runs from it waits (on trigger) while the profile gives no
// date, where a duty that runs from an expected event is missing evidence;
// with the date, it is due as its recurrence says.
func TestOccasionalEventWaits(t *testing.T) {
	pack, err := medsec.LoadPack(fstest.MapFS{"pack.json": {Data: []byte(`{"id":"occ","version":"2026-11-29","title":"T",
		"events":[{"code":"x-request","occasional":true,"name":{"key":"occ.request","format":"the authority asks"}},
		          {"code":"x-decision","name":{"key":"occ.decision","format":"the authority decides"}}]}`)}})
	require.NoError(t, err)
	reg, err := medsec.DefaultRegistry().With(pack)
	require.NoError(t, err)
	duty := func(id string, r Recurrence) Duty {
		return Duty{ID: id, Jurisdiction: medsec.CN, Party: PartyInstitution, Citations: []medsec.Citation{medsec.Cite("CN-CSL-2016", "25")},
			Confidence: medsec.Verified, Title: medsec.Message{Key: "occ." + strings.ToLower(id), Format: id},
			Description: medsec.Message{Key: "occ." + strings.ToLower(id) + ".d", Format: id}, Applies: Applicability{Scope: ScopeInstitution}, Recurrence: r}
	}
	c, err := NewCatalog(reg, duty("X-ANSWER", Recurrence{Kind: Immediately, Trigger: "x-request"}),
		duty("X-ANSWER-5D", Recurrence{Kind: Within, Trigger: "x-request", Days: 5}),
		duty("X-FILE", Recurrence{Kind: Within, Trigger: "x-decision", Days: 5}))
	require.NoError(t, err)
	p := hospitalCN(grading.MLPS3)
	r, err := c.GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, StatusOnTrigger, item(t, r, "X-ANSWER", "").Status)
	assert.Equal(t, StatusOnTrigger, item(t, r, "X-ANSWER-5D", "").Status)
	assert.Equal(t, StatusMissing, item(t, r, "X-FILE", "").Status, "an expected event's date is missing")
	r, err = c.GapReport(&p, []Evidence{{Duty: "X-ANSWER", Done: date("2026-11-01")}}, at())
	require.NoError(t, err)
	assert.Equal(t, StatusMet, item(t, r, "X-ANSWER", "").Status, "evidence counts without the event's date")
	p.Institution.Events = events("x-request", "2026-11-20", "x-decision", "2026-11-20")
	r, err = c.GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, StatusOverdue, item(t, r, "X-ANSWER", "").Status)
	assert.Equal(t, "2026-11-20", item(t, r, "X-ANSWER", "").Due.String())
	assert.Equal(t, StatusDueSoon, item(t, r, "X-ANSWER-5D", "").Status)
	assert.Equal(t, "2026-11-25", item(t, r, "X-ANSWER-5D", "").Due.String())
}

// The marks that the incident rules of the embedded packs name are all
// produced by some field of Incident, so every rule can bind (issue 14:
// "affects-recipients" and "ongoing-at-final-report").
func TestIncidentMarksCoverRules(t *testing.T) {
	all := (&Incident{CNGrade: CNGradeParticularlyMajor, Significant: true, BeyondCapacity: true, PersonalData: true,
		AffectsRecipients: true, OngoingAtFinalReport: true}).Marks()
	assert.Len(t, all, 6)
	for _, rule := range medsec.DefaultRegistry().IncidentRules("", medsec.Date{}) {
		for _, m := range append(slices.Clone(rule.When.Incident), rule.When.NotIncident...) {
			assert.Contains(t, all, m, rule.ID)
		}
	}
}

// NIS2 art. 23(4)(d)-(e) and 23(1): an incident still ongoing when the
// final report falls due gets a progress report at that date and its
// final report one month after the handling ends, not the ordinary final
// report; recipients are told only of an incident likely to affect them.
func TestNIS2IncidentMarksBind(t *testing.T) {
	c := DefaultCatalog()
	detected := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	notified := time.Date(2026, 10, 7, 9, 0, 0, 0, time.UTC)
	ended := time.Date(2026, 11, 15, 17, 0, 0, 0, time.UTC)
	ids := func(inc Incident) map[string]Item {
		p := hospitalCZ(grading.CZHigher)
		p.Incidents = []Incident{inc}
		r, err := c.GapReport(&p, nil, at())
		require.NoError(t, err)
		out := map[string]Item{}
		for _, it := range r.Items {
			if it.Incident != "" && strings.HasPrefix(it.DutyID, "EU-") {
				out[it.DutyID] = it
			}
		}
		return out
	}
	base := Incident{ID: "I1", Detected: detected, Notified: notified, ResponseEnd: ended, Significant: true}
	got := ids(base)
	assert.Contains(t, got, "EU-NIS2-FINAL-REPORT-1M")
	assert.NotContains(t, got, "EU-NIS2-PROGRESS-REPORT-1M")
	assert.NotContains(t, got, "EU-NIS2-FINAL-REPORT-HANDLED-1M")
	assert.NotContains(t, got, "EU-NIS2-RECIPIENTS-NOTICE")
	assert.Equal(t, "2026-11-07", got["EU-NIS2-FINAL-REPORT-1M"].Due.String(), "one month after the notification")

	ongoing := base
	ongoing.OngoingAtFinalReport, ongoing.AffectsRecipients = true, true
	got = ids(ongoing)
	assert.NotContains(t, got, "EU-NIS2-FINAL-REPORT-1M", "art. 23(4)(e) replaces it")
	require.Contains(t, got, "EU-NIS2-PROGRESS-REPORT-1M")
	require.Contains(t, got, "EU-NIS2-FINAL-REPORT-HANDLED-1M")
	require.Contains(t, got, "EU-NIS2-RECIPIENTS-NOTICE")
	assert.Equal(t, "2026-11-07", got["EU-NIS2-PROGRESS-REPORT-1M"].Due.String(), "when the final report would have been due")
	assert.Equal(t, "2026-12-15", got["EU-NIS2-FINAL-REPORT-HANDLED-1M"].Due.String(), "one month after the handling ended")
	assert.Equal(t, detected, got["EU-NIS2-RECIPIENTS-NOTICE"].DueAt, "without undue delay: due at detection")

	// An incident that is not significant binds none of them.
	minor := ongoing
	minor.Significant = false
	assert.Empty(t, ids(minor))
}
