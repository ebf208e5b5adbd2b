package obligations_test

import (
	"time"

	"testing"

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
			Institution: obligations.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: obligations.TypeHospital,
				Flags: []obligations.Flag{obligations.FlagHealthData}},
			Systems: []obligations.System{{ID: "S", Name: "S", MLPS: grading.MLPS2,
				Triggers: map[obligations.Trigger]medsec.Date{obligations.TriggerGoLive: d}}},
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
		Institution: obligations.Institution{ID: "H", Name: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: obligations.TypeHospital},
		Systems: []obligations.System{{ID: "S", Name: "S", MLPS: grading.MLPS3,
			Triggers: map[obligations.Trigger]medsec.Date{obligations.TriggerGrading: graded}}},
	}
	ev := []obligations.Evidence{{Duty: "CN-MLPS-FILING-30D", System: "S", Done: medsec.NewDate(2023, 5, 25), Reference: "filing"}}
	r, err := obligations.DefaultCatalog().GapReport(p, ev, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22).Time(time.UTC)})
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
