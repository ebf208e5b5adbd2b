// Package strictjson decodes JSON into Go values strictly. It is the one
// JSON decoder of the medsec module: the root package reads instruments
// with it, package contracts reads contracts, package obligations reads
// duty catalogs, package i18n reads translation files and the example
// programs read their input. It imports only the standard library, so that
// every package of the module, the root package included, can use it.
//
// Where encoding/json is lenient, a [Decoder] reports an error:
//
//   - an input larger than the caller's limit ([ReadAll]), empty, starting
//     with a UTF-8 byte order mark, or followed by more data;
//   - nesting deeper than [Config.MaxDepth];
//   - a key that names no field of the Go struct, or names it in another
//     letter case ("Institution" for "institution");
//   - a key that appears twice in one object, compared after unescaping,
//     or two keys that differ only in letter case;
//   - a value of the wrong JSON type, null, an integer outside the range
//     of its Go type or of its field's limit, a number too large for a
//     float64;
//   - more array entries or map keys than the field allows
//     ([Config.MaxItems], [Limits.MaxItems]);
//   - text that is not valid UTF-8, in values and in keys (an escaped
//     unpaired surrogate counts as invalid), and text holding a control
//     character: C0 controls, DEL, C1 controls and the Unicode line and
//     paragraph separators U+2028 and U+2029. Tab and line feed are
//     allowed in values, because multi-line texts (a clause's wording, a
//     note) need them; renderers keep single-line fields on one line.
//     Keys allow no control character at all;
//   - a value that a leaf type refuses: an [encoding.TextUnmarshaler]
//     error (reported with the leaf's own message), an enumeration name
//     that is not exact, or a text form that is not canonical.
//
// Syntax errors stop the scan. Every other error is recorded with the
// JSON Pointer (RFC 6901) of the value it concerns, a rule name, the
// offending value (clipped to 64 bytes and made printable) and a
// translatable [Message], and the scan goes on, so one call reports every
// problem, up to [errcap.Max] errors with a final "and N more".
//
// Values are filled into the Go value as the scan goes; after an error the
// value is incomplete and callers discard it. Time and memory are linear
// in the input: strings are checked in one pass, keys are compared without
// allocating, and no error is built once the error list is full.
package strictjson

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Defaults of a [Config].
const (
	// DefaultMaxDepth bounds the nesting of arrays and objects.
	DefaultMaxDepth = 64
	// DefaultMaxItems bounds every array and map that has no limit of its
	// own.
	DefaultMaxItems = 10_000
)

// A Message is a translatable text: a stable key, the English format with
// fmt verbs, and the arguments. It has the fields of medsec.Message, which
// this package cannot import; callers convert it.
type Message struct {
	Key    string
	Format string
	Args   []any
}

// String renders the message in English.
func (m Message) String() string { return fmt.Sprintf(m.Format, m.Args...) }

// A Template is a message key with its English format.
type Template struct {
	Key    string
	Format string
}

// New returns the Message of t with the given arguments.
func (t Template) New(args ...any) Message { return Message{Key: t.Key, Format: t.Format, Args: args} }

// The messages of the decoder. Their keys start with "medsec.decode." and
// "medsec.errors."; the root package lists them among its message
// templates so that package i18n translates them.
var (
	MsgTooLarge      = Template{"medsec.decode.too-large", "the input is larger than the limit of %d bytes"}
	msgEmpty         = Template{"medsec.decode.empty", "the input is empty; send one JSON object"}
	msgEmptyString   = Template{"medsec.decode.empty-string", "an empty string is not a value here; leave the field out instead"}
	msgBOM           = Template{"medsec.decode.bom", "the input starts with a byte order mark (BOM); save it as UTF-8 without a BOM"}
	msgEmptyArray    = Template{"medsec.decode.empty-array", "the input is empty; send one JSON array"}
	msgSyntax        = Template{"medsec.decode.syntax", "malformed JSON at line %d, column %d (byte %d)"}
	msgTrailing      = Template{"medsec.decode.trailing", "unexpected data after the JSON value at line %d, column %d (byte %d); send one JSON value"}
	msgTooDeep       = Template{"medsec.decode.too-deep", "the JSON is nested deeper than %d levels"}
	msgNull          = Template{"medsec.decode.null", "null is not allowed; leave the field out instead"}
	msgNullRequired  = Template{"medsec.decode.null-required", "null is not allowed: this field is required, so give it a value"}
	msgWantObject    = Template{"medsec.decode.want-object", "wrong JSON type: want an object"}
	msgWantArray     = Template{"medsec.decode.want-array", "wrong JSON type: want an array"}
	msgWantString    = Template{"medsec.decode.want-string", "wrong JSON type: want a string"}
	msgWantInteger   = Template{"medsec.decode.want-integer", "wrong JSON type: want a whole number"}
	msgWantNumber    = Template{"medsec.decode.want-number", "wrong JSON type: want a number"}
	msgWantBoolean   = Template{"medsec.decode.want-boolean", "wrong JSON type: want true or false"}
	msgDuplicate     = Template{"medsec.decode.duplicate-key", "the key %q appears more than once in this object"}
	msgDuplicateCase = Template{"medsec.decode.duplicate-key-case", "the key %q differs from another key of this object only in letter case"}
	msgUnknown       = Template{"medsec.decode.unknown-field", "unknown field %q; check its spelling and case against the schema"}
	msgUnknownCase   = Template{"medsec.decode.unknown-field-case", "unknown field %q; did you mean %q?"}
	msgInteger       = Template{"medsec.decode.integer", "want a whole number from %d to %d"}
	msgWhole         = Template{"medsec.decode.whole", "%s is not a whole number: give a whole number such as 12"}
	msgIntegerMax    = Template{"medsec.decode.integer-max", "want a whole number of at most %d"}
	msgIntegerMin    = Template{"medsec.decode.integer-min", "want a whole number of at least %d"}
	msgEmptyText     = Template{"medsec.decode.empty-text", "the text is empty: give a value, or leave the field out"}
	msgNumber        = Template{"medsec.decode.number", "the number %s is out of range"}
	msgEnum          = Template{"medsec.decode.enum", "%q is not allowed here; want one of: %s"}
	msgText          = Template{"medsec.decode.text", "%q is not valid here: %s"}
	msgCanonical     = Template{"medsec.decode.canonical", "%q is not written in its canonical form; write %q"}
	msgUTF8          = Template{"medsec.decode.utf8", "the text is not valid UTF-8 (or escapes an unpaired surrogate)"}
	msgControl       = Template{"medsec.decode.control", "the text holds the control character %s, which is not allowed here"}
	msgMaxItems      = Template{"medsec.decode.max-items", "the list is too long: give at most %d entries"}
	// MsgDateTime, MsgJurisdiction and MsgCode are the errors of the text
	// forms of the module's times, jurisdictions and codes (flags, events,
	// roles), for the decoders' text rules.
	MsgDateTime     = Template{"medsec.decode.date-time", "%q is not a time of the form 2026-03-01T08:30:00+01:00 (RFC 3339, with the offset from UTC or Z)"}
	MsgJurisdiction = Template{"medsec.decode.jurisdiction", "%q is not a jurisdiction code: use two upper-case letters, such as CZ"}
	MsgCode         = Template{"medsec.decode.code", "%q is not a code: use lower-case words of letters and digits joined by hyphens, such as \"health-data\", at most 64 characters"}
	// MsgMore is the final error of a capped list: "and N more errors".
	MsgMore = Template{"medsec.errors.more", "and %d more errors"}
)

// Templates returns the templates of every message the decoder produces,
// [MsgMore] included, sorted by key.
func Templates() []Template {
	ts := []Template{
		msgBOM, msgCanonical, msgControl, msgDuplicate, msgDuplicateCase, msgEmpty, msgEmptyArray, msgEmptyString, msgEmptyText, msgEnum, msgInteger, msgIntegerMax, msgIntegerMin,
		msgMaxItems, msgNull, msgNullRequired, msgNumber, msgSyntax, msgText, MsgTooLarge, msgTooDeep, msgTrailing, msgWhole,
		msgUnknown, msgUnknownCase, msgUTF8, msgWantArray, msgWantBoolean, msgWantInteger, msgWantNumber,
		msgWantObject, msgWantString, MsgMore, MsgDateTime, MsgJurisdiction, MsgCode,
	}
	slices.SortFunc(ts, func(a, b Template) int { return strings.Compare(a.Key, b.Key) })
	return ts
}

// An Error is one problem found in a JSON document.
type Error struct {
	// Path is the JSON Pointer of the value concerned, "" for the document.
	// It is valid UTF-8 without control characters: bytes of a hostile key
	// that are not are shown escaped.
	Path string
	// Rule names the broken rule: "syntax", "unknown-field", "utf8", ...
	Rule string
	// Value is the offending value as text, clipped to 64 bytes and made
	// printable like Path; empty where the rule concerns no single value.
	Value string
	// Message explains the problem.
	Message Message
}

// Error returns "path: message".
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Message.String()
	}
	return e.Path + ": " + e.Message.String()
}

// Errors is the list of problems of one document, never empty when
// returned; it holds at most [errcap.Max] entries.
type Errors []*Error

// Error joins the errors on "; ".
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// TooLarge returns the error of an input over limit bytes, for callers of
// [ReadAll].
func TooLarge(limit int64) *Error {
	return &Error{Rule: "size", Message: MsgTooLarge.New(toInt(limit))}
}

// More returns the final error of a capped list standing for n errors not
// shown.
func More(n int) *Error {
	return &Error{Rule: "too-many-errors", Value: strconv.Itoa(n), Message: MsgMore.New(n)}
}

// A Config sets the limits of a [Decoder] and refines how it reads some
// types. The zero Config uses the defaults.
type Config struct {
	// MaxDepth bounds the nesting of arrays and objects;
	// 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxItems bounds the entries of every array and map without a limit
	// of its own; 0 means DefaultMaxItems.
	MaxItems int
	// NoEmptyStrings makes an empty string value an error (rule "empty"),
	// for formats whose optional fields are left out rather than given
	// as "". Map keys are not affected.
	NoEmptyStrings bool
	// ShareRaw makes json.RawMessage values share the memory of the
	// input instead of holding copies: for callers that keep the input
	// unchanged for as long as they use the raw messages.
	ShareRaw bool
	// Field, when set, returns the limits of field f of struct type t.
	Field func(t reflect.Type, f reflect.StructField) Limits
	// Text refines how values of the given types, which read themselves
	// from a JSON string, are checked.
	Text map[reflect.Type]TextRule
	// TextError, when set, turns the error of a leaf's UnmarshalText into
	// the rule and message of the decoding error, for errors that carry a
	// message of their own (ok true); other errors are reported as the
	// rule "text" quoting the error's text.
	TextError func(err error) (rule string, m Message, ok bool)
}

// Limits bound one struct field.
type Limits struct {
	// MaxItems bounds the entries of an array or map field; 0 keeps
	// Config.MaxItems.
	MaxItems int
	// Max, when HasMax is set, is the largest value of an integer field,
	// and Min, when HasMin is set, the smallest.
	Max    int64
	HasMax bool
	Min    int64
	HasMin bool
	// Required marks a field that must have a value. The decoder does not
	// check that it is present (validation does), but the error of a null
	// there says that a value is needed rather than that the field may be
	// left out.
	Required bool
	// NotEmpty marks a string field whose text, when the field is given,
	// must not be empty: an optional field is left out instead.
	NotEmpty bool
}

// A TextRule says which text forms of a leaf type are accepted. Without a
// rule, a type whose pointer implements [encoding.TextUnmarshaler] accepts
// what its UnmarshalText accepts, with these refinements: a uint8 type that
// also implements [encoding.TextMarshaler] is an enumeration and accepts
// exactly the names its values marshal to; a string type accepts only
// text that it stores unchanged (so "cz" is not taken for "CZ").
type TextRule struct {
	// Enum, when set, lists the only accepted forms; other text is an
	// "enum" error listing them.
	Enum []string
	// Valid, when set, reports whether a text is accepted; other text is
	// an error with Rule and Message, whose one argument is the text.
	Valid   func([]byte) bool
	Rule    string
	Message Template
	// Explain, when set, is used instead of Valid and Message: it returns
	// the message of a text that is not accepted (bad true), such as the
	// reason a date does not exist.
	Explain func([]byte) (m Message, bad bool)
}

// A Decoder decodes JSON into Go values by the rules of the package and
// its [Config]. It derives the JSON shape of each Go type once, by
// reflection, and is safe for concurrent use.
type Decoder struct {
	cfg    Config
	shapes sync.Map // reflect.Type → *shape
	mu     sync.Mutex
}

// New returns a Decoder with the given configuration.
func New(cfg Config) *Decoder {
	if cfg.MaxDepth <= 0 {
		cfg.MaxDepth = DefaultMaxDepth
	}
	if cfg.MaxItems <= 0 {
		cfg.MaxItems = DefaultMaxItems
	}
	return &Decoder{cfg: cfg}
}

// Unmarshal decodes data, one JSON value, into the value v points to. It
// returns nil, or the errors found. v must be a non-nil pointer to a type
// the decoder supports (structs, slices, maps with string or text keys,
// strings, integers, floats, booleans, text unmarshalers, empty interfaces
// and json.RawMessage); anything else is a programming error and panics.
func (d *Decoder) Unmarshal(data []byte, v any) Errors {
	return d.UnmarshalAt(data, v, "")
}

// UnmarshalAt is [Decoder.Unmarshal] for a value found at the JSON Pointer
// base of a larger document: the paths of its errors start with base.
func (d *Decoder) UnmarshalAt(data []byte, v any, base string) Errors {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Unmarshal needs a non-nil pointer, not " + fmt.Sprintf("%T", v))
	}
	sh := d.shapeFor(rv.Type().Elem())
	s := scanner{data: data, maxDepth: d.cfg.MaxDepth, maxItems: d.cfg.MaxItems, textErr: d.cfg.TextError, noEmpty: d.cfg.NoEmptyStrings, shareRaw: d.cfg.ShareRaw,
		path: append(make([]byte, 0, 64+len(base)), base...)}
	s.document(sh, rv.Elem())
	return s.result()
}

// ErrNilReader is the error of [ReadAll] for a nil reader.
var ErrNilReader = errors.New("nil reader")

// ReadAll reads r to its end, but never more than limit+1 bytes, and
// reports whether the input was larger than limit. It sizes its buffer
// from r's Len method when r has one, but trusts it only up to the limit
// and 64 MiB: a negative or huge Len, or a limit as large as
// math.MaxInt64, cannot make it allocate much more than it reads. A
// negative limit counts as 0.
func ReadAll(r io.Reader, limit int64) (data []byte, tooLarge bool, err error) {
	if r == nil {
		return nil, false, ErrNilReader
	}
	limit = max(limit, 0)
	n := limit
	if n < math.MaxInt64 {
		n++ // one byte more tells that the input is too large
	}
	// A reader that tells its length gets a buffer of that size, one byte
	// more to see the end, if that is within the limit and maxInitial.
	const maxInitial = 64 << 20
	size := int64(4096)
	if l, ok := r.(interface{ Len() int }); ok {
		if k := int64(l.Len()); k >= 0 && k < maxInitial {
			size = k + 1
		}
	}
	buf := make([]byte, 0, min(size, n))
	lr := io.LimitReader(r, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			return buf, int64(len(buf)) > limit, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}
