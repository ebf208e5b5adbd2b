package obligations

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfileJSON(t *testing.T) {
	b, err := os.ReadFile("testdata/profile.json")
	require.NoError(t, err)
	var p Profile
	require.NoError(t, json.Unmarshal(b, &p))
	require.NoError(t, p.Validate())
	assert.Equal(t, grading.VN3, p.Systems[1].VN)
	assert.Equal(t, "2026-11-10", p.Systems[1].Triggers[TriggerDossier].String())
	r, err := DefaultCatalog().GapReport(&p, nil, Options{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, "2026-11-25", item(t, r, "VN-INCIDENT-REPORT-5D-MPS", "").Due.String())
	assert.Equal(t, "2027-01-31", item(t, r, "VN-ND85-SECURITY-PLAN", "PORTAL").Due.String())
	// Round trip.
	out, err := json.Marshal(p)
	require.NoError(t, err)
	var q Profile
	require.NoError(t, json.Unmarshal(out, &q))
	assert.Equal(t, p.Systems, q.Systems)

	bad := []string{
		`{"institution":{"id":"x","jurisdictions":["XX"],"type":"hospital"}}`,
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"castle"}}`,
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital","flags":["nope"]}}`,
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital","triggers":{"incident":"2026-01-01"}}}`,
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital"},"systems":[{"id":"A","vn":"7"}]}`,
	}
	for _, s := range bad {
		var p Profile
		err := json.Unmarshal([]byte(s), &p)
		if err == nil {
			err = p.Validate()
		}
		assert.Error(t, err, s)
	}
}
