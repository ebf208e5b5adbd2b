package obligations

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfileJSON(t *testing.T) {
	b, err := os.ReadFile("testdata/profile.json")
	require.NoError(t, err)
	var p Profile
	require.Nil(t, strictjson.New(strictjson.Config{}).Unmarshal(b, &p), "the profile decodes strictly")
	require.NoError(t, p.Validate(nil))
	sys := p.Institution.Systems
	assert.Equal(t, grading.VN3, sys[1].VN)
	assert.Equal(t, "2026-11-10", sys[1].Events["dossier"].String())
	r, err := DefaultCatalog().GapReport(&p, nil, at())
	require.NoError(t, err)
	assert.Equal(t, "2026-11-25", item(t, r, "VN-INCIDENT-REPORT-5D-MPS", "").Due.String())
	assert.Equal(t, "2027-01-31", item(t, r, "VN-ND85-SECURITY-PLAN", "PORTAL").Due.String())
	// Round trip.
	out, err := json.Marshal(p)
	require.NoError(t, err)
	var q Profile
	require.NoError(t, json.Unmarshal(out, &q))
	assert.Equal(t, p, q)

	bad := map[string]string{
		`{"institution":{"id":"x","jurisdictions":["XX"],"type":"hospital"}}`:                                                                         "/institution/jurisdictions/0",
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital","flags":["nope"]}}`:                                                        "/institution/flags/0",
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital","events":{"incident":"2026-01-01"}}}`:                                      "/institution/events/incident",
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital","systems":[{"id":"A"},{"id":"A"}]}}`:                                       "/institution/systems/1/id",
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital"},"incidents":[{"id":"I"},{"id":"I"}]}`:                                     "/incidents/0/detected",
		`{"institution":{"id":"x","jurisdictions":["VN"],"type":"hospital"},"incidents":[{"id":"I","system":"S","detected":"2026-01-01T00:00:00Z"}]}`: "/incidents/0/system",
	}
	for s, path := range bad {
		var p Profile
		require.NoError(t, json.Unmarshal([]byte(s), &p), s)
		err := p.Validate(nil)
		var fes medsec.FieldErrors
		require.ErrorAs(t, err, &fes, s)
		assert.Equal(t, path, fes[0].Path, s)
		assert.ErrorIs(t, err, medsec.ErrInvalidInput)
		checkErrorMessages(t, err)
	}
	// Duplicate incident IDs are named.
	p = Profile{Institution: hospitalCN(3).Institution, Incidents: []Incident{{ID: "I", Detected: now}, {ID: "I", Detected: now}}}
	var fes medsec.FieldErrors
	require.ErrorAs(t, p.Validate(nil), &fes)
	assert.Equal(t, "/incidents/1/id", fes[0].Path)
}

// The marks an incident rule's condition names come from the incident's
// fields.
func TestIncidentMarks(t *testing.T) {
	assert.Empty(t, (&Incident{CNGrade: CNGradeGeneral}).Marks())
	assert.Equal(t, []string{"significant", "cn-relatively-major", "beyond-capacity", "personal-data"},
		(&Incident{Significant: true, CNGrade: CNGradeMajor, BeyondCapacity: true, PersonalData: true}).Marks())
	// NIS2 art. 23(1) and 23(4)(e) (issue 14).
	assert.Equal(t, []string{"significant", "affects-recipients", "ongoing-at-final-report"},
		(&Incident{Significant: true, AffectsRecipients: true, OngoingAtFinalReport: true}).Marks())
	assert.Equal(t, []string{"cn-relatively-major"}, (&Incident{CNGrade: CNGradeRelativelyMajor}).Marks())
	var nilInc *Incident
	assert.Nil(t, nilInc.Marks())
}
