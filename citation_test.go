package medsec_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCitationRoundTripsForEveryArticle(t *testing.T) {
	var n int
	for _, in := range medsec.DefaultRegistry().Instruments() {
		whole := in.Cite("")
		got, err := medsec.ParseCitation(whole.String())
		require.NoError(t, err)
		assert.Equal(t, whole, got)
		for _, a := range in.Articles {
			for _, c := range []medsec.Citation{in.Cite(a.Number), in.Cite(a.Number, "2"), in.Cite(a.Number, "2", "c")} {
				got, err := medsec.ParseCitation(c.String())
				require.NoError(t, err, c.String())
				assert.Equal(t, c, got)
				n++
			}
		}
	}
	assert.Greater(t, n, 400)
}

func TestCitationString(t *testing.T) {
	tests := []struct {
		c    medsec.Citation
		want string
	}{
		{medsec.Cite("CN-NHC-2022-29", "6"), "CN-NHC-2022-29 art. 6"},
		{medsec.Cite("EU-NIS2", "21", "2", "d"), "EU-NIS2 art. 21(2)(d)"},
		{medsec.Cite("VN-ND-85-2016", "9", "2", "c"), "VN-ND-85-2016 art. 9(2)(c)"},
		{medsec.Cite("EU-NIS2", "Annex I"), "EU-NIS2 Annex I"},
		{medsec.Cite("CN-GBT-22240-2020", "4.3"), "CN-GBT-22240-2020 art. 4.3"},
		{medsec.Cite("CN-MOH-2011-85", ""), "CN-MOH-2011-85"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.c.String())
	}
}

func TestParseCitationErrors(t *testing.T) {
	tests := []struct {
		in   string
		kind error
		msg  string
	}{
		{"X", medsec.ErrInvalidCitation, `instrument ID`},
		{"ZZ-NONE art. 1", medsec.ErrUnknownInstrument, `medsec: unknown instrument "ZZ-NONE"`},
		{"EU-NIS2 art. 99", medsec.ErrUnknownArticle, `medsec: unknown article "99" in EU-NIS2`},
		{"", medsec.ErrInvalidCitation, "instrument ID"},
		{"eu-nis2 art. 21", medsec.ErrInvalidCitation, "upper-case"},
		{"EU-NIS2 article 21", medsec.ErrInvalidCitation, `"art. " or "Annex "`},
		{"EU-NIS2 art. 21(", medsec.ErrInvalidCitation, "unclosed"},
		{"EU-NIS2 art. 21(2", medsec.ErrInvalidCitation, "paragraph"},
		{"EU-NIS2 art. 21(2)(d", medsec.ErrInvalidCitation, "point"},
		{"EU-NIS2 art. 21(2)(d)(e)", medsec.ErrInvalidCitation, "point"},
		{"EU-NIS2 art. 21()", medsec.ErrInvalidCitation, "paragraph"},
		{"EU-NIS2  art. 21", medsec.ErrInvalidCitation, "after the ID"},
		{"EU-NIS2 art. 21 ", medsec.ErrInvalidCitation, "article"},
		{"EU--NIS2", medsec.ErrInvalidCitation, "instrument ID"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := medsec.ParseCitation(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestCitationJSON(t *testing.T) {
	var v struct {
		Cites []medsec.Citation `json:"cites"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"cites":["EU-NIS2 art. 23(4)(a)","CN-NHC-2022-29"]}`), &v))
	assert.Equal(t, []medsec.Citation{medsec.Cite("EU-NIS2", "23", "4", "a"), medsec.Cite("CN-NHC-2022-29", "")}, v.Cites)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"cites":["EU-NIS2 art. 23(4)(a)","CN-NHC-2022-29"]}`, string(out))

	// Syntax errors fail decoding; unknown instruments only fail Resolve.
	require.ErrorIs(t, json.Unmarshal([]byte(`{"cites":["EU-NIS2 art."]}`), &v), medsec.ErrInvalidCitation)
	require.NoError(t, json.Unmarshal([]byte(`{"cites":["ZZ-NONE art. 1"]}`), &v))
	assert.ErrorIs(t, medsec.DefaultRegistry().Resolve(v.Cites[0]), medsec.ErrUnknownInstrument)

	_, err = json.Marshal(medsec.Citation{Instrument: "EU-NIS2", Point: "a"})
	assert.ErrorIs(t, err, medsec.ErrInvalidCitation, "a point without a paragraph")
	_, err = json.Marshal(medsec.Citation{Instrument: "EU-NIS2", Paragraph: "2"})
	assert.ErrorIs(t, err, medsec.ErrInvalidCitation, "a paragraph without an article")
}

func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"EU-NIS2 art. 21(2)(d)", "CN-NHC-2022-29", "EU-NIS2 Annex I", "VN-ND-85-2016 art. 9(2)(c)",
		"CN-GBT-22240-2020 art. 4.3", "ENISA-PROC-2020 art. GP-21", "X art. (", "A art. 1(2)(3)(4)", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := medsec.ParseCitation(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "medsec: ") {
				t.Fatalf("error %q does not name the package", err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseCitation(%q).String() = %q", s, c.String())
		}
		again, err := medsec.ParseCitation(c.String())
		if err != nil || again != c {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
	})
}
