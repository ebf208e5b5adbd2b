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

// TestInstrumentExtents is the registry half of the coverage accounting of
// issue 14: for each instrument whose real size is recorded, how many of
// its units the registry holds. Run with -v to see every instrument; the
// table pins the instruments the issue names.
func TestInstrumentExtents(t *testing.T) {
	reg := medsec.DefaultRegistry()
	for _, in := range reg.Instruments() {
		if in.Extent.IsZero() {
			t.Logf("%-18s holds %3d units; real size not recorded", in.ID, len(in.Articles))
			continue
		}
		units, unheld := in.Extent.Units(), in.Unheld()
		bound := "of"
		if !in.Extent.Complete {
			bound = "of at least"
		}
		gap := strings.Join(unheld, ", ")
		if gap == "" {
			gap = "none"
		}
		t.Logf("%-18s holds %3d %s %3d units (%s); not held: %s", in.ID, len(units)-len(unheld), bound, len(units),
			in.Extent.Confidence, gap)
		// Every held article is a unit of the real instrument (the
		// registry checks it; this keeps the arithmetic above honest).
		assert.Equal(t, len(in.Articles), len(units)-len(unheld), in.ID)
	}

	tests := []struct {
		id       string
		units    int // units the extent lists
		complete bool
		unheld   []string
		conf     medsec.Confidence
	}{
		// NIS2: 46 articles and Annexes I-III, all held (EUR-Lex).
		{"EU-NIS2", 49, true, nil, medsec.Verified},
		// Decree 85/2016: 26 articles, all held (Legal Code).
		{"VN-ND-85-2016", 26, true, nil, medsec.Verified},
		// Act 264/2025: at least 73 sections (table of contents read to § 73).
		{"CZ-ZKB-264-2025", 73, false, nil, medsec.Partial},
		// Decree 409/2025: §§ 1-27 and Annexes 1-7 established, all held.
		{"CZ-VYH-409-2025", 34, false, nil, medsec.Partial},
		// Decree 410/2025: §§ 1-14 and Annexes 1-3 established, all held.
		{"CZ-VYH-410-2025", 17, false, nil, medsec.Verified},
		// CAC 2025 measures: 14 articles and the grading guide.
		{"CN-CAC-2025-IR", 15, true, []string{"1", "3", "5", "6", "9", "12", "13", "Annex 1"}, medsec.Verified},
		// Circular 31/2017: 15 articles, all held; Annexes 1-2 not held.
		{"VN-TT-31-2017", 17, false, []string{"Annex 1", "Annex 2"}, medsec.Verified},
		// NHC 2022 measures: 34 articles, all held.
		{"CN-NHC-2022-29", 34, false, nil, medsec.Verified},
	}
	for _, tt := range tests {
		in, err := reg.Lookup(tt.id)
		require.NoError(t, err, tt.id)
		assert.Len(t, in.Extent.Units(), tt.units, tt.id)
		assert.Equal(t, tt.complete, in.Extent.Complete, tt.id)
		assert.Equal(t, tt.conf, in.Extent.Confidence, tt.id)
		if tt.id == "CZ-ZKB-264-2025" {
			// The act's sections the registry does not hold are the gap.
			unheld := in.Unheld()
			assert.Len(t, unheld, 73-len(in.Articles))
			assert.Contains(t, unheld, "3")
			assert.NotContains(t, unheld, "15")
			continue
		}
		assert.Equal(t, tt.unheld, in.Unheld(), tt.id)
	}
}

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

// FuzzInstrumentExtent: any input gives an instrument or an error wrapping
// ErrInvalidData, never a panic; an instrument that decodes is one a
// registry accepts, and its extent accounts for every article it holds.
func FuzzInstrumentExtent(f *testing.F) {
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
