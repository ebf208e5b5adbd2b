package medsec_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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
	var j medsec.Jurisdiction
	require.NoError(t, j.UnmarshalText([]byte("cz")))
	assert.Equal(t, medsec.CZ, j)

	var zero medsec.Jurisdiction
	assert.False(t, zero.Valid())
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrUnknownJurisdiction)
	assert.ErrorIs(t, j.UnmarshalText([]byte("DE")), medsec.ErrUnknownJurisdiction)
	assert.Equal(t, `Jurisdiction("DE")`, medsec.Jurisdiction("DE").String())
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
	// The others are the decoder's, pinned by its own tests.
	own := 0
	for k := range listed {
		if !strings.HasPrefix(k, "medsec.decode.") && k != "medsec.errors.more" {
			own++
		}
	}
	assert.Equal(t, len(keys), own)
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
