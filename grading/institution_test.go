package grading_test

import (
	"encoding/json"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func validInstitution() grading.Institution {
	return grading.Institution{
		ID: "H1", Name: "Hospital", Country: "CZ", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU},
		Type: grading.TypeHospital, NIS2: grading.Essential, CZ: grading.CZHigher, Flags: []medsec.Flag{"health-data"},
		Events: map[medsec.Event]medsec.Date{"in-scope": medsec.NewDate(2025, 11, 1)},
		Systems: []grading.System{{ID: "HIS", Name: "HIS", Flags: []medsec.Flag{"vendor-remote-access"},
			Events: map[medsec.Event]medsec.Date{"go-live": medsec.NewDate(2019, 5, 1)}}},
	}
}

func TestInstitutionValidate(t *testing.T) {
	in := validInstitution()
	require.NoError(t, in.Validate(nil))

	tests := []struct {
		name   string
		change func(*grading.Institution)
		path   string
	}{
		{"no ID", func(in *grading.Institution) { in.ID = "" }, "/id"},
		{"no jurisdictions", func(in *grading.Institution) { in.Jurisdictions = nil }, "/jurisdictions"},
		{"undeclared jurisdiction", func(in *grading.Institution) { in.Jurisdictions[1] = "DE" }, "/jurisdictions/1"},
		{"no type", func(in *grading.Institution) { in.Type = 0 }, "/type"},
		{"undeclared flag", func(in *grading.Institution) { in.Flags = []medsec.Flag{"helth-data"} }, "/flags/0"},
		{"undeclared system flag", func(in *grading.Institution) { in.Systems[0].Flags[0] = "remote" }, "/systems/0/flags/0"},
		{"undeclared event", func(in *grading.Institution) { in.Events["golive"] = medsec.NewDate(2020, 1, 1) }, "/events/golive"},
		{"impossible event date", func(in *grading.Institution) {
			in.Systems[0].Events["go-live"] = medsec.NewDate(2026, 2, 30)
		}, "/systems/0/events/go-live"},
		{"system twice", func(in *grading.Institution) { in.Systems = append(in.Systems, in.Systems[0]) }, "/systems/1/id"},
		{"system without ID", func(in *grading.Institution) { in.Systems[0].ID = "" }, "/systems/0/id"},
		{"level out of range", func(in *grading.Institution) { in.Systems[0].MLPS = 9 }, "/systems/0/mlps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInstitution().Clone()
			tt.change(&in)
			err := in.Validate(nil)
			require.ErrorIs(t, err, medsec.ErrInvalidInput)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.Equal(t, tt.path, fes[0].Path, err.Error())
		})
	}
	var nilInst *grading.Institution
	assert.ErrorIs(t, nilInst.Validate(nil), medsec.ErrInvalidInput)
}

func TestInstitutionJSON(t *testing.T) {
	in := validInstitution()
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"H1","name":"Hospital","country":"CZ","jurisdictions":["CZ","EU"],"type":"hospital",
		"nis2":"essential","cz":"higher","flags":["health-data"],"events":{"in-scope":"2025-11-01"},
		"systems":[{"id":"HIS","name":"HIS","flags":["vendor-remote-access"],"events":{"go-live":"2019-05-01"}}]}`, string(b))
	var back grading.Institution
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, in, back)
}

func TestInstitutionCloneIsDeep(t *testing.T) {
	in := validInstitution()
	c := in.Clone()
	c.Flags[0] = "x"
	c.Systems[0].Events["go-live"] = medsec.Date{}
	c.Events["in-scope"] = medsec.Date{}
	assert.Equal(t, validInstitution(), in)
}
