package medsec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJurisdictionText(t *testing.T) {
	for _, j := range medsec.Jurisdictions() {
		b, err := j.MarshalText()
		require.NoError(t, err)
		var back medsec.Jurisdiction
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, j, back)
		assert.NotEmpty(t, j.Message().String())
	}
	assert.Equal(t, []medsec.Jurisdiction{medsec.CN, medsec.CZ, medsec.EU, medsec.VN}, medsec.Jurisdictions())

	// Text forms are exact; ParseJurisdiction is lenient about case and
	// space.
	var j medsec.Jurisdiction
	assert.ErrorIs(t, j.UnmarshalText([]byte("cz")), medsec.ErrUnknownJurisdiction)
	p, err := medsec.ParseJurisdiction(" cz ")
	require.NoError(t, err)
	assert.Equal(t, medsec.CZ, p)

	// The vocabulary is open: a well-formed code that no pack declares is
	// valid, but the default registry has no rules for it.
	require.NoError(t, j.UnmarshalText([]byte("DE")))
	assert.True(t, j.Valid())
	_, declared := medsec.DefaultRegistry().Jurisdiction(j)
	assert.False(t, declared)
	assert.Equal(t, "medsec.jurisdiction.unknown", j.Message().Key)

	var zero medsec.Jurisdiction
	assert.False(t, zero.Valid())
	_, err = zero.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrUnknownJurisdiction)
	for _, bad := range []string{"", "D", "DEU", "d3", "\x00E"} {
		assert.ErrorIs(t, j.UnmarshalText([]byte(bad)), medsec.ErrUnknownJurisdiction, bad)
		_, err := medsec.ParseJurisdiction(bad)
		assert.ErrorIs(t, err, medsec.ErrUnknownJurisdiction, bad)
	}
	assert.Equal(t, `Jurisdiction("DEU")`, medsec.Jurisdiction("DEU").String())
}

func TestConfidenceText(t *testing.T) {
	for _, c := range []medsec.Confidence{medsec.Verified, medsec.Partial, medsec.Unverified} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back medsec.Confidence
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	_, err := medsec.ConfidenceUnknown.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	var c medsec.Confidence
	assert.ErrorIs(t, c.UnmarshalText([]byte("sure")), medsec.ErrInvalidInput)

	assert.Equal(t, medsec.Unverified, medsec.Verified.Min(medsec.Unverified))
	assert.Equal(t, medsec.Partial, medsec.Partial.Min(medsec.Verified))
	assert.Equal(t, medsec.ConfidenceUnknown, medsec.Verified.Min(medsec.ConfidenceUnknown))
}

func TestDate(t *testing.T) {
	d := date("2026-01-31")
	assert.True(t, d.Before(date("2026-02-01")))
	assert.True(t, date("2026-02-01").After(d))
	assert.Equal(t, 0, d.Compare(medsec.NewDate(2026, time.January, 31)))
	assert.False(t, medsec.NewDate(2026, time.February, 29).Valid())
	assert.True(t, medsec.NewDate(2024, time.February, 29).Valid())

	loc := time.FixedZone("UTC+8", 8*3600)
	assert.Equal(t, "2026-11-23", medsec.DateOf(time.Date(2026, 11, 22, 20, 0, 0, 0, time.UTC).In(loc)).String())

	var v struct{ D medsec.Date }
	require.NoError(t, json.Unmarshal([]byte(`{"D":"2025-11-01"}`), &v))
	assert.Equal(t, medsec.NewDate(2025, time.November, 1), v.D)
	require.NoError(t, json.Unmarshal([]byte(`{"D":""}`), &v))
	assert.True(t, v.D.IsZero())
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"D":"1.11.2025"}`), &v), medsec.ErrInvalidInput)
	_, err := json.Marshal(struct{ D medsec.Date }{medsec.NewDate(2025, 2, 30)})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

// TestParseDateMessages: the error of ParseDate says which part of the
// date is wrong (review finding 1.4: "2026-13-01" is of the form
// YYYY-MM-DD; its month is out of range). It is a *FieldError with rule
// "date" that wraps ErrInvalidInput, as Date.UnmarshalText's is.
func TestParseDateMessages(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2026-13-01", `"2026-13-01" does not exist: the month must be from 01 to 12`},
		{"2026-00-10", `"2026-00-10" does not exist: the month must be from 01 to 12`},
		{"2026-02-30", `"2026-02-30" does not exist: February 2026 has 28 days`},
		{"2024-02-30", `"2024-02-30" does not exist: February 2024 has 29 days`},
		{"2026-04-31", `"2026-04-31" does not exist: April 2026 has 30 days`},
		{"2026-01-00", `"2026-01-00" does not exist: January 2026 has 31 days`},
		{"0000-01-01", `"0000-01-01" is out of range: the year must be from 0001 to 9999`},
		{"2026-3-1", `"2026-3-1" is not a date of the form YYYY-MM-DD, such as 2026-03-01`},
		{"1.11.2025", `"1.11.2025" is not a date of the form YYYY-MM-DD, such as 2026-03-01`},
		{"2026-01-0x", `"2026-01-0x" is not a date of the form YYYY-MM-DD, such as 2026-03-01`},
		{"2026-01-01\n", `"2026-01-01\\u000a" is not a date of the form YYYY-MM-DD, such as 2026-03-01`},
	} {
		_, err := medsec.ParseDate(tt.in)
		var fe *medsec.FieldError
		if assert.ErrorAs(t, err, &fe, tt.in) {
			assert.Equal(t, tt.want, err.Error())
			assert.Equal(t, "date", fe.Rule)
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
		}
		var d medsec.Date
		assert.Equal(t, err, d.UnmarshalText([]byte(tt.in)), tt.in)
	}
	assert.False(t, medsec.NewDate(0, 1, 1).Valid())
	assert.False(t, medsec.NewDate(10000, 1, 1).Valid())
	assert.True(t, medsec.NewDate(1, 1, 1).Valid())
	assert.True(t, medsec.NewDate(9999, 12, 31).Valid())
}

func TestPeriod(t *testing.T) {
	p := medsec.Period{From: date("2015-01-01"), Until: date("2025-10-31")}
	assert.True(t, p.Contains(date("2015-01-01")))
	assert.True(t, p.Contains(date("2025-10-31")))
	assert.False(t, p.Contains(date("2025-11-01")))
	assert.Equal(t, "2015-01-01 – 2025-10-31", p.String())
	open := medsec.Period{From: date("2025-11-01")}
	assert.True(t, open.Contains(date("2999-01-01")))
	assert.Equal(t, "2025-11-01 – …", open.String())
	assert.False(t, medsec.Period{From: date("2020-01-02"), Until: date("2020-01-01")}.Valid())
}

func TestMessage(t *testing.T) {
	inner := medsec.MessageTemplate{Key: "t.level", Format: "level %d"}.New(3)
	m := medsec.MessageTemplate{Key: "t.reason", Format: "graded %s on %s"}.New(inner, date("2026-11-22"))
	assert.Equal(t, "graded level 3 on 2026-11-22", m.String())
	assert.Equal(t, "100%", medsec.Message{Key: "k", Format: "100%%", Args: []any{}}.String()+"")
	assert.Equal(t, "plain", medsec.Message{Key: "k", Format: "plain"}.String())
	assert.True(t, medsec.Message{}.IsZero())
}

func TestMessageTemplatesAreSortedAndUnique(t *testing.T) {
	ts := medsec.MessageTemplates()
	for i := range ts {
		assert.NotEmpty(t, ts[i].Format)
		if i > 0 {
			assert.Less(t, ts[i-1].Key, ts[i].Key)
		}
	}
	// Every message the root package produces has a listed template.
	listed := map[string]bool{}
	for _, tm := range ts {
		listed[tm.Key] = true
	}
	var produced []medsec.Message
	for _, j := range append(medsec.Jurisdictions(), "XX") {
		produced = append(produced, j.Message())
	}
	for c := medsec.ConfidenceUnknown; c <= medsec.Unverified; c++ {
		produced = append(produced, c.Message())
	}
	for u := medsec.SpanUnitUnknown; u <= medsec.Years; u++ {
		produced = append(produced, medsec.Span{N: 2, Unit: u}.Message())
	}
	keys := map[string]bool{}
	for _, m := range produced {
		assert.True(t, listed[m.Key], m.Key)
		keys[m.Key] = true
	}
	// The data's messages are listed too.
	for _, f := range medsec.DefaultRegistry().Flags() {
		assert.True(t, listed[f.Name.Key], f.Name.Key)
	}
}

func TestFieldErrors(t *testing.T) {
	msg := medsec.MessageTemplate{Key: "t.required", Format: "%s is required"}
	es := medsec.FieldErrors{
		{Path: "/vendor/name", Rule: "required", Message: msg.New("vendor name")},
		{Path: "/term/end", Rule: "ordered", Value: "2020-01-01", Message: msg.New("end"), Err: medsec.ErrInvalidData},
	}
	var err error = fmt.Errorf("contracts: %w", es)
	assert.Equal(t, "contracts: /vendor/name: vendor name is required; /term/end: end is required", err.Error())
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
	var fe *medsec.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "/vendor/name", fe.Path)
	var list medsec.FieldErrors
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, 2)
}

func TestKindAndEffectText(t *testing.T) {
	for k := medsec.KindLaw; k.Valid(); k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back medsec.InstrumentKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	_, err := medsec.KindUnknown.MarshalText()
	assert.Error(t, err)
	for e := medsec.EffectObligations; e.Valid(); e++ {
		b, err := e.MarshalText()
		require.NoError(t, err)
		var back medsec.Effect
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, e, back)
	}
	_, err = medsec.EffectUnset.MarshalText()
	assert.Error(t, err)
}
