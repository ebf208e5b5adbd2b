package medsec_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExtentUnits(t *testing.T) {
	e := medsec.Extent{Articles: 3, Other: []string{"Annex I", "5a"}, Complete: true, Confidence: medsec.Verified}
	assert.Equal(t, []string{"1", "2", "3", "Annex I", "5a"}, e.Units())
	assert.False(t, e.IsZero())
	assert.True(t, medsec.Extent{}.IsZero())
	assert.Empty(t, medsec.Extent{}.Units())

	in := medsec.Instrument{Extent: e, Articles: []medsec.Article{{Number: "2"}, {Number: "Annex I"}}}
	assert.Equal(t, []string{"1", "3", "5a"}, in.Unheld())
	assert.Nil(t, medsec.Instrument{}.Unheld(), "no extent, no gap to report")
	// An out-of-range count (only possible without a registry's checks)
	// lists the other units and allocates nothing for the articles.
	assert.Equal(t, []string{"x"}, medsec.Extent{Articles: -4, Other: []string{"x"}}.Units())
	assert.Empty(t, medsec.Extent{Articles: medsec.MaxInstrumentListLen + 1}.Units())
}

// An extent in a user's pack works from data alone.
func TestExtentFromData(t *testing.T) {
	in, err := medsec.DecodeInstrument(strings.NewReader(withExtent(`{"articles":4,"other":["Annex 1"],"complete":false,"confidence":"partial","note":"final provisions not read"}`)))
	require.NoError(t, err)
	assert.Equal(t, []string{"2", "3", "4", "Annex 1"}, in.Unheld())
	assert.Equal(t, "final provisions not read", in.Extent.Note)
	reg, err := medsec.NewRegistry(in)
	require.NoError(t, err)
	got, err := reg.Lookup("XX-TEST-1")
	require.NoError(t, err)
	assert.Equal(t, in.Extent, got.Extent)
}

// FuzzDecodeInstrument: any input gives an instrument or an error wrapping
// ErrInvalidData, never a panic; an instrument that decodes is one a
// registry accepts, and its extent accounts for every article it holds.
func FuzzDecodeInstrument(f *testing.F) {
	f.Add([]byte(goodInstrument))
	f.Add([]byte(withExtent(`{"articles":3,"other":["Annex I","5a"],"complete":true,"confidence":"verified"}`)))
	f.Add([]byte(withExtent(`{"articles":-1,"other":["1"],"confidence":"partial"}`)))
	for _, name := range []string{"law/eu/instruments/EU-NIS2.json", "law/cz/instruments/CZ-ZKB-264-2025.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := medsec.DecodeInstrument(bytes.NewReader(data))
		if err != nil {
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			return
		}
		in.Supersedes = nil // they name instruments of another file
		_, err = medsec.NewRegistry(in)
		require.NoError(t, err)
		units, unheld := in.Extent.Units(), in.Unheld()
		if in.Extent.IsZero() {
			assert.Empty(t, unheld)
			return
		}
		assert.Equal(t, len(units)-len(unheld), len(in.Articles), "every held article is a unit")
	})
}
