package grading

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

// TestValidate: the Validate methods report what the graders check before
// they grade, as field errors with paths relative to the input, for nil
// inputs too; valid inputs pass.
func TestValidate(t *testing.T) {
	ent := Enterprise{Headcount: 30, TurnoverEUR: 1, BalanceSheetEUR: 1}
	for _, tt := range []struct {
		name string
		err  error
		want []string // the paths, in order; nil for a valid input
	}{
		{"MLPS valid", (&MLPSInput{Information: HarmProfile{GeneralHarm, NoHarm, NoHarm}, Service: HarmProfile{NoHarm, NoHarm, NoHarm}}).Validate(), nil},
		{"MLPS nil", (*MLPSInput)(nil).Validate(), []string{"/information/citizens", "/information/society", "/information/nation",
			"/service/citizens", "/service/society", "/service/nation"}},
		{"MLPS all none", (&MLPSInput{Information: HarmProfile{NoHarm, NoHarm, NoHarm}, Service: HarmProfile{NoHarm, NoHarm, NoHarm}}).Validate(), []string{""}},
		{"VN valid", (&VNInput{Type: VNInternal, Information: InfoPublic}).Validate(), nil},
		{"VN nil", (*VNInput)(nil).Validate(), []string{"/type", "/information"}},
		{"NIS2 valid", (&NIS2Input{Type: HealthcareProvider, Enterprise: ent}).Validate(), nil},
		{"NIS2 nil", (*NIS2Input)(nil).Validate(), []string{"/type", "/enterprise/headcount", "/enterprise/turnoverEur", "/enterprise/balanceSheetEur"}},
		{"NIS2 share above 100", (&NIS2Input{Type: HealthcareProvider, Enterprise: Enterprise{Headcount: 30, TurnoverEUR: 1, BalanceSheetEUR: 1,
			Partners: []Partner{{SharePercent: 101}}}}).Validate(), []string{"/enterprise/partners/0/sharePercent"}},
		{"NIS2 share outside the registry's range", (&NIS2Input{Type: HealthcareProvider, Enterprise: Enterprise{Headcount: 30, TurnoverEUR: 1,
			BalanceSheetEUR: 1, Partners: []Partner{{SharePercent: 10}}}}).Validate(), nil},
		{"CZ valid", (&CZInput{RegulatedService: Yes, Significant: No}).Validate(), nil},
		{"CZ nil", (*CZInput)(nil).Validate(), []string{"/regulatedService"}},
		{"CZ figures needed", (&CZInput{RegulatedService: Yes}).Validate(), []string{"/enterprise/headcount", "/enterprise/turnoverEur", "/enterprise/balanceSheetEur"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == nil {
				assert.NoError(t, tt.err)
				return
			}
			var fes medsec.FieldErrors
			require.True(t, errors.As(tt.err, &fes), "%v", tt.err)
			assert.ErrorIs(t, tt.err, medsec.ErrInvalidInput)
			var paths []string
			for _, fe := range fes {
				paths = append(paths, fe.Path)
				assert.NotEmpty(t, fe.Message.Key, fe.Path)
			}
			assert.Equal(t, tt.want, paths)
		})
	}
}
