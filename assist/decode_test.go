package assist

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// TestDecodeInvalid pins the first error of each invalid fixture: its JSON
// Pointer and its rule.
func TestDecodeInvalid(t *testing.T) {
	tests := []struct {
		file, path, rule string
	}{
		{"unknown-field.json", "/offers/0/colour", "unknown-field"},
		{"duplicate-key.json", "/offers/0/id", "duplicate-key"},
		{"key-case.json", "/offers/0/Terms", "unknown-field"},
		{"bad-email.json", "/offers/0/offerer/contact/email", "email"},
		{"withdrawn-region.json", "/offers/0/regions/0", "region"},
		{"unknown-region.json", "/offers/0/regions/0", "region"},
		{"latin1.json", "/offers/0/offerer/name", "utf8"},
		{"control-char.json", "/offers/0/offerer/name", "control"},
		{"bidi.json", "/offers/0/note", "control"},
		{"impossible-date.json", "/offers/0/valid/from", "date"},
		{"bad-enum.json", "/needs/0/situation", "enum"},
		{"null.json", "/offers/0/terms", "null"},
		{"wrong-type.json", "/needs/0/requests/0/personDays", "type"},
		{"trailing.json", "", "trailing"},
		{"truncated.json", "/needs/0/provider", "syntax"},
		{"empty.json", "", "empty"},
		{"bom.json", "", "bom"},
		{"offers-and-needs.json", "", "one-of"},
		{"duplicate-id.json", "/offers/1/id", "unique"},
		{"bad-ico.json", "/offers/0/offerer/registration", "ico"},
		{"on-site-without-regions.json", "/offers/0/regions", "required"},
		{"provider-in-country.json", "/needs/0/provider/region", "region"},
		{"withdrawn-language.json", "/needs/0/languages/0", "language"},
		{"reversed-period.json", "/offers/0/valid/until", "ordered"},
		{"empty-string.json", "/offers/0/offerer/registration", "empty"},
		{"empty-list.json", "/offers", "min-items"},
	}
	files, err := filepath.Glob("testdata/invalid/*.json")
	require.NoError(t, err)
	require.Len(t, tests, len(files), "every fixture in testdata/invalid has a case")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "invalid", tt.file))
			require.NoError(t, err)
			defer f.Close()
			_, err = Decode(f)
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.Equal(t, tt.path, fes[0].Path, "%v", err)
			assert.Equal(t, tt.rule, fes[0].Rule, "%v", err)
			for _, fe := range fes {
				// Every message is translated and names the problem.
				for _, loc := range i18n.Locales() {
					msg := i18n.NewLocalizer(loc).Format(fe.Message)
					assert.NotEmpty(t, msg)
					assert.NotContains(t, msg, "%!", loc.String())
				}
			}
		})
	}
}

// TestDecodeMessages pins what the errors say, in English and Czech.
func TestDecodeMessages(t *testing.T) {
	tests := []struct {
		input string
		en    string
		cs    string
	}{
		{`{"offers": [`, `/offers/0: malformed JSON at line 1, column 13 (byte 12)`, `/offers/0: chybný JSON na řádku 1, ve sloupci 13 (bajt 12)`},
		{`{"needs": [{"reported": "2026-13-01"}]}`, `/needs/0/reported: “2026-13-01”: there is no month 13`, `/needs/0/reported: „2026-13-01“: měsíc 13 neexistuje`},
		{`{"needs": [{"reported": "2026-02-30"}]}`, `/needs/0/reported: “2026-02-30”: that month has no day 30`, `/needs/0/reported: „2026-02-30“: tento měsíc nemá 30. den`},
		{`{"needs": [{"situation": "attack"}]}`, `/needs/0/situation: “attack” is not allowed here; use one of: under-attack, recovering, preparing`, `/needs/0/situation: „attack“ zde není přípustné; použijte jednu z hodnot: under-attack, recovering, preparing`},
		{`{"committee": {"Email": "x"}}`, `/committee/Email: unknown field “Email”; did you mean “email”?`, `/committee/Email: neznámé pole „Email“; nemysleli jste „email“?`},
	}
	for _, tt := range tests {
		_, err := DecodeBytes([]byte(tt.input))
		var fes medsec.FieldErrors
		require.True(t, errors.As(err, &fes), "%v", err)
		for loc, want := range map[i18n.Locale]string{i18n.EN: tt.en, i18n.CS: tt.cs} {
			fe := fes[0]
			path := fe.Path
			if path == "" {
				path = "/"
			}
			assert.Equal(t, want, path+": "+i18n.NewLocalizer(loc).Format(fe.Message))
		}
	}
}

// TestDecodeReportsEveryError: one call reports every problem, up to 100,
// the last saying that more were left out.
func TestDecodeReportsEveryError(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"offers": [`)
	for i := range 60 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "O-%d", "colour": "red", "shade": "dark"}`, i)
	}
	b.WriteString("]}")
	_, err := DecodeBytes([]byte(b.String()))
	var fes medsec.FieldErrors
	require.True(t, errors.As(err, &fes))
	require.Len(t, fes, 100)
	assert.Equal(t, "/offers/0/colour", fes[0].Path)
	assert.Equal(t, "too-many", fes[99].Rule)
}

// TestDecodeLimit: input over the limit is refused before it is parsed.
func TestDecodeLimit(t *testing.T) {
	data, err := os.ReadFile("testdata/offers.json")
	require.NoError(t, err)
	_, err = Decode(bytes.NewReader(data), WithMaxBytes(100))
	var fes medsec.FieldErrors
	require.True(t, errors.As(err, &fes))
	assert.Equal(t, "size", fes[0].Rule)
	_, err = Decode(bytes.NewReader(data), WithMaxBytes(int64(len(data))))
	assert.NoError(t, err)
}

// TestDecodeReadError: an error of the reader is returned as it is, not as
// a data error.
func TestDecodeReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Decode(io.MultiReader(strings.NewReader(`{"offers": [`), errReader{boom}))
	assert.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, medsec.ErrInvalidInput)
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// TestDecodeSamples: the sample files decode, with the counts the issue
// asks for: at least 20 offers and 15 needs, several regions, all three
// situations.
func TestDecodeSamples(t *testing.T) {
	offers, needs := sampleOffers(t), sampleNeeds(t)
	assert.GreaterOrEqual(t, len(offers), 20)
	assert.GreaterOrEqual(t, len(needs), 15)
	situations := map[Situation]bool{}
	regions := map[Region]bool{}
	for _, n := range needs {
		situations[n.Situation] = true
		regions[n.Provider.Region] = true
	}
	assert.Len(t, situations, 3)
	assert.GreaterOrEqual(t, len(regions), 8)
	c := sampleCommittee(t)
	assert.Equal(t, "kb@mzcr.cz", c.Email)
}

// TestValidateGoValues: the Validate methods report Go values with the
// same paths as decoded ones.
func TestValidateGoValues(t *testing.T) {
	o := sampleOffers(t)[0]
	o.Offerer.Contact.Email = "nobody"
	o.Capacity = Capacity{}
	o.Services = append(o.Services, IncidentResponse)
	err := o.Validate()
	var fes medsec.FieldErrors
	require.True(t, errors.As(err, &fes))
	var paths []string
	for _, fe := range fes {
		paths = append(paths, fe.Path+" "+fe.Rule)
	}
	assert.Equal(t, []string{"/offerer/contact/email email", "/services/3 unique", "/capacity capacity"}, paths)

	n := sampleNeeds(t)[0]
	n.Provider.Region = "CZ-JM"
	n.Requests[0].PersonDays = 0
	require.True(t, errors.As(n.Validate(), &fes))
	assert.Equal(t, "/provider/region", fes[0].Path)
	assert.Equal(t, `"CZ-JM" is a withdrawn code; use CZ-64`, fes[0].Message.String())
	assert.Equal(t, "/requests/0/personDays", fes[1].Path)

	var c Committee
	require.True(t, errors.As(c.Validate(), &fes))
	assert.Equal(t, "/name/text", fes[0].Path)
}
