// Package inputjson is the shared machinery of the public decoders of
// packages grading and obligations: one table of [Rules] per format says
// what the format asks of each field, and from it come both the strict
// decoder (package strictjson) and the JSON Schema (package schemagen),
// so that the two cannot drift apart. The checks that span fields are the
// packages' own; their schemas state them as conditions.
package inputjson

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/schemagen"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DefaultMaxBytes is the size limit of the public decoders: 4 MiB.
const DefaultMaxBytes = 4 << 20

// MaxItems bounds every list and map of an input without a bound of its
// own.
const MaxItems = 10_000

// A Field is what a format asks of one field.
type Field struct {
	// Doc is the field's description in the schema. Required.
	Doc string
	// Required: the field must be given (for strings: not empty; for
	// lists: not empty). The decoder's error of a null says so; the
	// format's checks report a missing field.
	Required bool
	// NotEmpty: an optional string field, when given, is not empty.
	NotEmpty bool
	// Min and Max bound a number (HasMin, HasMax); ExclusiveMin makes
	// the minimum exclusive. For integer fields the decoder checks them.
	Min, Max     float64
	HasMin       bool
	HasMax       bool
	ExclusiveMin bool
	// MaxItems bounds a list or map (0: MaxItems); MaxLength a string
	// in characters (0: no bound).
	MaxItems  int
	MaxLength int
	// Schema holds further keywords for the field's schema.
	Schema schemagen.Schema
}

// Rules map "Type.field" (the Go type's name, the field's JSON name) to
// what the format asks of the field. Every field of every struct type of
// the format has an entry.
type Rules map[string]Field

func key(t reflect.Type, f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		name = f.Name
	}
	return t.Name() + "." + name
}

// Decoder returns a strict decoder for the format of rules; text holds
// the rules of the format's own text types besides the shared ones
// ([TextRules]).
func (r Rules) Decoder(text map[reflect.Type]strictjson.TextRule) *strictjson.Decoder {
	all := TextRules()
	for t, tr := range text {
		all[t] = tr
	}
	return strictjson.New(strictjson.Config{
		MaxItems: MaxItems,
		Text:     all,
		Field: func(t reflect.Type, f reflect.StructField) strictjson.Limits {
			fr := r[key(t, f)]
			l := strictjson.Limits{Required: fr.Required, NotEmpty: fr.NotEmpty, MaxItems: fr.MaxItems}
			if fr.HasMax {
				l.Max, l.HasMax = int64(fr.Max), true
			}
			if fr.HasMin {
				l.Min, l.HasMin = int64(fr.Min), true
				if fr.ExclusiveMin {
					l.Min++
				}
			}
			return l
		},
		TextError: fielderr.TextError,
	})
}

// Builder returns a schema builder for the format of rules; leaf gives
// the schemas of the format's own text types, obj adds the conditions of
// its objects. Both may be nil.
func (r Rules) Builder(leaf func(reflect.Type) (schemagen.Schema, bool), obj func(reflect.Type, schemagen.Schema)) *schemagen.Builder {
	return &schemagen.Builder{
		Describe: func(t reflect.Type, field string) string { return r[t.Name()+"."+field].Doc },
		Leaf:     leaf,
		Field: func(t reflect.Type, f reflect.StructField, name string, p schemagen.Schema) bool {
			fr := r[t.Name()+"."+name]
			switch p["type"] {
			case "string":
				if fr.Required || fr.NotEmpty {
					p["minLength"] = 1
				}
				if fr.MaxLength > 0 {
					p["maxLength"] = fr.MaxLength
				}
			case "array":
				if fr.Required {
					p["minItems"] = 1
				}
				p["maxItems"] = or(fr.MaxItems, MaxItems)
			case "object":
				if p["propertyNames"] != nil {
					p["maxProperties"] = or(fr.MaxItems, MaxItems)
				}
			case "integer", "number":
				if fr.HasMin {
					delete(p, "minimum")
					if fr.ExclusiveMin {
						p["exclusiveMinimum"] = fr.Min
					} else {
						p["minimum"] = fr.Min
					}
				}
				if fr.HasMax {
					p["maximum"] = fr.Max
				}
			}
			for k, v := range fr.Schema {
				p[k] = v
			}
			return fr.Required
		},
		Object: obj,
	}
}

func or(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// TextRules are the decoder's rules for the text types every format
// shares: dates and times say what is wrong with them, and the empty
// text is not a date; jurisdictions, flags and events are checked for
// their form (whether a registry declares them is the validation's
// business).
func TextRules() map[reflect.Type]strictjson.TextRule {
	return map[reflect.Type]strictjson.TextRule{
		reflect.TypeFor[medsec.Date]():         {Rule: "date", Explain: ExplainDate},
		reflect.TypeFor[time.Time]():           {Rule: "date-time", Explain: explainTime},
		reflect.TypeFor[medsec.Jurisdiction](): {Rule: "jurisdiction", Explain: explainJurisdiction},
		reflect.TypeFor[medsec.Flag]():         {Rule: "code", Explain: ExplainCode},
		reflect.TypeFor[medsec.Event]():        {Rule: "code", Explain: ExplainCode},
	}
}

// ExplainDate says why a text is not a date: the form, or the part out of
// range ("February 2026 has 28 days").
func ExplainDate(b []byte) (strictjson.Message, bool) {
	if _, err := medsec.ParseDate(string(b)); err != nil {
		var fe *medsec.FieldError
		if errors.As(err, &fe) {
			return strictjson.Message(fe.Message), true
		}
	}
	return strictjson.Message{}, false
}

// explainTime accepts RFC 3339 as schemagen.DateTimePattern states it, in
// the years 0001 to 9999.
func explainTime(b []byte) (strictjson.Message, bool) {
	bad := func() (strictjson.Message, bool) {
		return strictjson.MsgDateTime.New(strictjson.Clip(string(b))), true
	}
	if !dateTime(b) {
		if len(b) >= 10 {
			if m, bad := ExplainDate(b[:10]); bad && (len(b) == 10 || b[10] == 'T') {
				return m, true
			}
		}
		return bad()
	}
	var t time.Time
	if t.UnmarshalText(b) != nil {
		return bad()
	}
	return strictjson.Message{}, false
}

// dateTime checks the form of RFC 3339 without a regular expression: the
// date (real days only), T, hours 00-23, minutes and seconds 00-59, a
// fraction of 1 to 9 digits, and Z or an offset of hours 00-23 and
// minutes 00-59.
func dateTime(b []byte) bool {
	if len(b) < 20 || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return false
	}
	if _, bad := ExplainDate(b[:10]); bad {
		return false
	}
	two := func(p []byte, hi int) bool {
		return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && int(p[0]-'0')*10+int(p[1]-'0') <= hi
	}
	if !two(b[11:13], 23) || !two(b[14:16], 59) || !two(b[17:19], 59) {
		return false
	}
	rest := b[19:]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case len(rest) == 1 && rest[0] == 'Z':
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		return two(rest[1:3], 23) && two(rest[4:6], 59)
	}
	return false
}

func explainJurisdiction(b []byte) (strictjson.Message, bool) {
	if medsec.Jurisdiction(b).Valid() {
		return strictjson.Message{}, false
	}
	return strictjson.MsgJurisdiction.New(strictjson.Clip(string(b))), true
}

// ExplainCode checks the form of a flag, event or role code.
func ExplainCode(b []byte) (strictjson.Message, bool) {
	if medsec.Flag(b).Valid() {
		return strictjson.Message{}, false
	}
	return strictjson.MsgCode.New(strictjson.Clip(string(b))), true
}

// Read reads one document from r, at most limit bytes (limit ≤ 0:
// DefaultMaxBytes), for the decoder of what (e.g. "grading: reading an
// MLPS input"). The error of an input that is too large is field errors;
// a read error is wrapped with what.
func Read(r io.Reader, limit int64, what string) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if r == nil {
		return nil, fmt.Errorf("%s: %w: the io.Reader is nil", what, medsec.ErrInvalidInput)
	}
	data, tooLarge, err := strictjson.ReadAll(r, limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if tooLarge {
		return nil, fielderr.TooLarge(limit, medsec.ErrInvalidInput)
	}
	return data, nil
}

// Unmarshal decodes data into v with dec; the errors are field errors
// that wrap medsec.ErrInvalidInput, their paths under base.
func Unmarshal(dec *strictjson.Decoder, data []byte, v any, base string) medsec.FieldErrors {
	return fielderr.FromJSON(dec.UnmarshalAt(data, v, base), medsec.ErrInvalidInput)
}

// Prefix returns the field errors of err (as errors.As finds them) with
// base put before their paths, capped; err itself when it holds none.
func Prefix(err error, base string) error {
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) {
		return err
	}
	out := make(medsec.FieldErrors, 0, len(fes))
	for _, fe := range fes {
		c := *fe
		if c.Path != "" || c.Rule != "too-many-errors" {
			c.Path = base + c.Path
		}
		out = append(out, &c)
	}
	return fielderr.Cap(out)
}
