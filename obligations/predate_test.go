package obligations_test

import (
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
