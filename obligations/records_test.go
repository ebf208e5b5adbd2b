package obligations

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decodeRecordsFile(t *testing.T, name string) *Records {
	t.Helper()
	data, err := os.ReadFile("testdata/input/" + name)
	require.NoError(t, err)
	r, err := DecodeRecords(bytes.NewReader(data))
	require.NoError(t, err)
	return r
}

// TestRecordsProfile: the records of a Czech hospital become a profile with
// the NIS2 class, the Czech regime and the systems, and the grades say
// what was graded and where its input is; the records stay as they were.
func TestRecordsProfile(t *testing.T) {
	r := decodeRecordsFile(t, "records-cz.json")
	before := *r
	asOf := medsec.NewDate(2026, 11, 22)
	p, grades, err := r.Profile(nil, grading.Options{AsOf: asOf})
	require.NoError(t, err)
	p2, grades2, err := r.Profile(nil, grading.Options{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, grading.Essential, p.Institution.NIS2)
	assert.Equal(t, grading.CZHigher, p.Institution.CZ)
	require.Len(t, p.Institution.Systems, 2)
	assert.Equal(t, "PACS", p.Institution.Systems[1].ID)
	assert.Equal(t, r.Incidents, p.Incidents)
	require.Len(t, grades, 2)
	assert.Equal(t, []string{"/nis2", "/cz"}, []string{grades[0].Path, grades[1].Path})
	assert.Equal(t, "CZ-KN-1", grades[0].Subject)
	assert.Equal(t, grading.Essential.Message(), grades[0].Grade)
	assert.Equal(t, asOf, grades[1].AsOf)
	assert.NotEmpty(t, grades[1].Reasons)
	assert.Equal(t, before.Institution.Systems, r.Institution.Systems, "the records are not changed")
	// The profile is the caller's own: changing it leaves the records alone.
	require.NotEmpty(t, p.Institution.Systems[1].Flags)
	p.Institution.Systems[1].Flags[0] = "changed"
	p.Institution.Systems[1].Events["go-live"] = medsec.NewDate(2000, 1, 1)
	assert.Equal(t, medsec.Flag("personal-data"), r.Systems[1].Flags[0])
	assert.Equal(t, medsec.NewDate(2024, 5, 1), r.Systems[1].Events["go-live"])

	// The same profile comes from a grader of the default registry.
	g, err := grading.New(medsec.DefaultRegistry())
	require.NoError(t, err)
	p3, grades3, err := r.Profile(g, grading.Options{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, p2, p3)
	assert.Equal(t, grades2, grades3)

	// A gap report follows.
	_, err = DefaultCatalog().GapReport(p2, r.Evidence[:0], Options{AsOf: asOf})
	require.NoError(t, err)
}

// TestRecordsProfileSystems: each system's MLPS and Vietnamese inputs are
// graded under the system's ID.
func TestRecordsProfileSystems(t *testing.T) {
	r := decodeRecordsFile(t, "records-cn.json")
	p, grades, err := r.Profile(nil, grading.Options{AsOf: medsec.NewDate(2026, 11, 22)})
	require.NoError(t, err)
	var paths, subjects []string
	for _, g := range grades {
		paths, subjects = append(paths, g.Path), append(subjects, g.Subject)
	}
	assert.Equal(t, []string{"/systems/0/mlps", "/systems/1/vn"}, paths)
	assert.Equal(t, []string{"HIS", "PORTAL"}, subjects)
	assert.Equal(t, grading.SchemeMLPS, grades[0].Scheme)
	assert.Equal(t, p.Institution.Systems[0].MLPS.Message(), grades[0].Grade)
	assert.True(t, p.Institution.Systems[0].MLPS.Valid())
	assert.True(t, p.Institution.Systems[1].VN.Valid())
}

// TestRecordsProfileErrors: grading and profile errors point into the
// records document.
func TestRecordsProfileErrors(t *testing.T) {
	asOf := grading.Options{AsOf: medsec.NewDate(2026, 11, 22)}
	inst := grading.Institution{ID: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CN, medsec.EU}, Type: grading.TypeHospital}
	tests := []struct {
		name string
		r    Records
		path string
	}{
		{"MLPS input without harms", Records{Institution: inst,
			Systems: []gradingio.SystemInput{{ID: "A"}, {ID: "B", MLPS: &grading.MLPSInput{}}}}, "/systems/1/mlps/"},
		{"NIS2 input without type", Records{Institution: inst, NIS2: &grading.NIS2Input{}}, "/nis2/"},
		{"undeclared flag on a system", Records{Institution: inst,
			Systems: []gradingio.SystemInput{{ID: "A", Flags: []medsec.Flag{"no-such-flag"}}}}, "/systems/0/flags/0"},
		{"no institution ID", Records{Institution: grading.Institution{Jurisdictions: inst.Jurisdictions, Type: grading.TypeHospital}}, "/institution/id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.r.Profile(nil, asOf)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.True(t, strings.HasPrefix(fes[0].Path, tt.path), "path %q, want it under %q", fes[0].Path, tt.path)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
		})
	}
	_, _, err := (*Records)(nil).Profile(nil, asOf)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	r := decodeRecordsFile(t, "records-cn.json")
	_, _, err = r.Profile(nil, grading.Options{})
	assert.Error(t, err, "grading needs an as-of day")
}
