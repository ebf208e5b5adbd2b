package contracts

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DefaultMaxBytes is the default size limit of [Decode]: 1 MiB.
const DefaultMaxBytes = 1 << 20

// maxListItems bounds every list of a contract that has no bound of its
// own in its validate tag.
const maxListItems = 1000

// A DecodeOption changes how [Decode] reads. A nil DecodeOption changes
// nothing.
type DecodeOption func(*decodeConfig)

type decodeConfig struct{ maxBytes int64 }

// WithMaxBytes sets the largest input Decode accepts; n ≤ 0 means
// [DefaultMaxBytes].
func WithMaxBytes(n int64) DecodeOption {
	return func(c *decodeConfig) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// Decode reads one contract from r, strictly: unknown fields (also names
// in another letter case), duplicate keys (compared after unescaping, and
// also keys that differ only in letter case), values of the wrong JSON
// type, integers out of range, enum values that are not exact, dates,
// UUIDs and citations not in their canonical form, null, text that is not
// valid UTF-8 or holds a control character other than tab and line feed, a
// byte order mark, lists longer than their bound (see [Contract]), input
// after the JSON value and input larger than the limit are errors.
//
// A problem with the data gives a [medsec.FieldErrors] list (it wraps
// [medsec.ErrInvalidInput]) of at most 100 entries, the last of which says
// how many more problems there were; each error's Path is a JSON Pointer
// ("/clauses/3/kind", "" for the document as a whole). An error from r
// itself is returned wrapped, as is. Decode does not validate: call
// [Validate] next.
func Decode(r io.Reader, opts ...DecodeOption) (*Contract, error) {
	cfg := decodeConfig{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	data, tooLarge, err := strictjson.ReadAll(r, cfg.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("contracts: reading contract: %w", err)
	}
	if tooLarge {
		return nil, fielderr.TooLarge(cfg.maxBytes, medsec.ErrInvalidInput)
	}
	return DecodeBytes(data)
}

// DecodeBytes is [Decode] for input already in memory; it applies no size
// limit of its own. Time and memory stay linear in the input: lists are
// bounded and errors capped.
func DecodeBytes(data []byte) (*Contract, error) {
	var c Contract
	if errs := decoder().Unmarshal(data, &c); errs != nil {
		return nil, fielderr.FromJSON(errs, medsec.ErrInvalidInput)
	}
	return &c, nil
}

// decoder reads contracts: the validate tags bound lists and integers,
// and dates, UUIDs, citations and jurisdictions are accepted only in the
// canonical form their types write, so that the decoder and the JSON
// Schema agree. Whether a registry declares a jurisdiction is
// Validate's business.
var decoder = sync.OnceValue(func() *strictjson.Decoder {
	rule := func(t reflect.Type) strictjson.TextRule {
		sh := textShapeOf(t)
		r := strictjson.TextRule{Valid: sh.check}
		switch sh.class {
		case textDate:
			r.Rule, r.Explain = "date", explainDate
		case textUUID:
			r.Rule, r.Explain = "uuid", explainUUID(sh.check)
		case textCitation:
			r.Rule, r.Message = "citation", strictjson.Template(msgDecodeCitation)
		case textJurisdiction:
			r.Rule, r.Message = "jurisdiction", strictjson.Template(msgDecodeJurisdiction)
		}
		return r
	}
	text := map[reflect.Type]strictjson.TextRule{}
	for _, t := range []reflect.Type{reflect.TypeFor[medsec.Date](), reflect.TypeFor[uuid.UUID](),
		reflect.TypeFor[medsec.Citation](), reflect.TypeFor[medsec.Jurisdiction]()} {
		text[t] = rule(t)
	}
	return strictjson.New(strictjson.Config{MaxItems: maxListItems, Field: fieldLimits, Text: text, TextError: fielderr.TextError})
})

// explainDate says why a text is not a date: the form, or the part that
// is out of range ("February 2026 has 28 days").
func explainDate(b []byte) (strictjson.Message, bool) {
	if len(b) == 0 {
		return strictjson.Message(msgDecodeDate.New("")), true
	}
	if _, err := medsec.ParseDate(string(b)); err != nil {
		var fe *medsec.FieldError
		if errors.As(err, &fe) {
			return strictjson.Message(fe.Message), true
		}
		return strictjson.Message(msgDecodeDate.New(clip(b))), true
	}
	return strictjson.Message{}, false
}

// explainUUID says why a text is not a contract ID: not a UUID in its
// canonical form, or the nil UUID, which is no one's ID.
func explainUUID(valid func([]byte) bool) func([]byte) (strictjson.Message, bool) {
	return func(b []byte) (strictjson.Message, bool) {
		switch {
		case !valid(b):
			return strictjson.Message(msgDecodeUUID.New(clip(b))), true
		case string(b) == uuid.Nil.String():
			return strictjson.Message(msgDecodeNilUUID.New()), true
		}
		return strictjson.Message{}, false
	}
}

// fieldLimits reads the bounds of lists and integers from a field's
// validate tag: "max=N" before "dive".
func fieldLimits(_ reflect.Type, f reflect.StructField) strictjson.Limits {
	tag, _, _ := strings.Cut(f.Tag.Get("validate"), ",dive")
	l := strictjson.Limits{
		Required: tag == "required" || strings.HasPrefix(tag, "required,"),
		// An optional country is left out, not given as "" (which is no
		// country, and which the schema's list of codes refuses).
		NotEmpty: strings.Contains(tag, "iso3166_1_alpha2"),
	}
	n, ok := tagInt(tag, "max=")
	if !ok {
		return l
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		l.MaxItems = int(n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		l.Max, l.HasMax = n, true
	}
	return l
}

func fieldErr(path, rule, value string, m medsec.Message) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: rule, Value: value, Message: m, Err: medsec.ErrInvalidInput}
}

// clip shortens a value quoted in an error to at most 64 bytes and makes
// it printable.
func clip[T ~string | ~[]byte](v T) string { return strictjson.Clip(string(v)) }
