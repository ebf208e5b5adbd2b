// Package schemagen builds the JSON Schemas (draft 2020-12) of the
// module's input formats from their Go types, so that a schema and the
// decoder that reads the same format cannot drift apart. A [Builder]
// walks a Go type by reflection and asks its caller for what reflection
// cannot tell: the description of every field (a field without one is a
// programming error, which the tests of every schema catch), the schema of
// the leaf types that read themselves from text, the bounds and
// requirements of fields, and the conditions of an object.
//
// The leaf schemas of the module's shared text types are here too, with
// patterns that state exactly what the Go types accept, so that a
// validator that treats "format" as an annotation (the draft 2020-12
// default) judges a date like one that asserts it.
package schemagen

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
)

// A Schema is a JSON Schema object.
type Schema = map[string]any

// Draft is the $schema of every schema of the module.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Patterns of the shared text types. The date pattern accepts exactly the
// days medsec.ParseDate accepts: years 0001 to 9999, months 01 to 12, and
// only the days a month has, 29 February in leap years only.
const (
	year        = `(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)`
	monthDay    = `(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))`
	leapYear    = `(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)`
	dateCore    = `(?:` + year + `-` + monthDay + `|` + leapYear + `-02-29)`
	timeCore    = `T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`
	DatePattern = `^` + dateCore + `$`
	// DateTimePattern is RFC 3339 as Go's time.Time reads it: upper-case
	// T and Z, no leap second, at most nine digits of fraction.
	DateTimePattern     = `^` + dateCore + timeCore + `$`
	JurisdictionPattern = `^[A-Z]{2}$`
	// CodePattern is a flag, event or role code: lower-case words of
	// letters and digits joined by hyphens.
	CodePattern = `^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`
	// TextPattern is text without the control characters the module's
	// decoder rejects: C0 controls other than tab and line feed, DEL, C1
	// controls and the line and paragraph separators.
	TextPattern = "^[^\x00-\x08\x0b-\x1f\u007f-\u009f\u2028\u2029]*$"
)

// MaxSafeInteger is the largest integer every JSON implementation reads
// exactly (2^53 − 1, RFC 7493 I-JSON); integer fields that need no bound
// of their own are bounded by it.
const MaxSafeInteger = 1<<53 - 1

// TextComment is the $comment of a schema with free text: what the text
// pattern excludes, in words.
const TextComment = "Text may hold tab and line feed but no other control character (C0, DEL, C1, U+2028, U+2029), and must be valid UTF-8 without unpaired surrogates."

// Date is the schema of a medsec.Date.
func Date() Schema {
	return Schema{"type": "string", "format": "date", "pattern": DatePattern}
}

// DateTime is the schema of a time.Time, which reads RFC 3339.
func DateTime() Schema {
	return Schema{"type": "string", "format": "date-time", "pattern": DateTimePattern}
}

// Jurisdiction is the schema of a medsec.Jurisdiction.
func Jurisdiction() Schema { return Schema{"type": "string", "pattern": JurisdictionPattern} }

// Code is the schema of a flag, event or role code.
func Code() Schema { return Schema{"type": "string", "maxLength": 64, "pattern": CodePattern} }

// Text is the schema of free text of at most maxLength characters (0: no
// bound).
func Text(maxLength int) Schema {
	s := Schema{"type": "string", "pattern": TextPattern}
	if maxLength > 0 {
		s["maxLength"] = maxLength
	}
	return s
}

// Enum is the schema of an enumeration with the given text forms.
func Enum(names []string) Schema { return Schema{"type": "string", "enum": names} }

// EnumNames lists the text forms of a uint8 enumeration type: the values
// from the first that marshals to the next that does not, as the module's
// decoder reads them.
func EnumNames(t reflect.Type) []string {
	var out []string
	for i := range 256 {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || len(b) == 0 {
			if len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, string(b))
	}
	return out
}

// A Builder derives the schema of a Go type. Its funcs may be nil.
type Builder struct {
	// Describe returns the description of the field with JSON name field
	// of struct type t; it must not be empty.
	Describe func(t reflect.Type, field string) string
	// Leaf returns the schema of a type that reads itself from text, or
	// false to use the defaults: an enumeration of a uint8 type, Date,
	// time.Time, Jurisdiction, Flag and Event.
	Leaf func(t reflect.Type) (Schema, bool)
	// Field adjusts the schema s of field f (JSON name name) of struct
	// type t, and reports whether the field is required.
	Field func(t reflect.Type, f reflect.StructField, name string, s Schema) (required bool)
	// Object adds to the schema s of struct type t, e.g. conditions.
	Object func(t reflect.Type, s Schema)
	// Type, when set, returns the whole schema of a type whose schema
	// comes from elsewhere (another package's published schema), or false.
	Type func(t reflect.Type) (Schema, bool)
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	rawMessage      = reflect.TypeFor[json.RawMessage]()
)

// Build returns the schema of t.
func (b *Builder) Build(t reflect.Type) Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if b.Type != nil {
		if s, ok := b.Type(t); ok {
			return s
		}
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if b.Leaf != nil {
			if s, ok := b.Leaf(t); ok {
				return s
			}
		}
		return defaultLeaf(t)
	}
	switch t.Kind() {
	case reflect.Struct:
		return b.object(t)
	case reflect.Slice:
		if t == rawMessage {
			return Schema{}
		}
		return Schema{"type": "array", "items": b.Build(t.Elem())}
	case reflect.Map:
		return Schema{"type": "object", "propertyNames": b.Build(t.Key()), "additionalProperties": b.Build(t.Elem())}
	case reflect.String:
		return Text(0)
	case reflect.Bool:
		return Schema{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		lo, hi := int64(math.MinInt64)>>(64-t.Bits()), int64(math.MaxInt64)>>(64-t.Bits())
		return Schema{"type": "integer", "minimum": max(lo, -MaxSafeInteger), "maximum": min(hi, MaxSafeInteger)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		hi := uint64(math.MaxUint64) >> (64 - t.Bits())
		return Schema{"type": "integer", "minimum": 0, "maximum": min(hi, MaxSafeInteger)}
	case reflect.Float32, reflect.Float64:
		return Schema{"type": "number"}
	}
	panic("schemagen: no schema for " + t.String()) // a programming error, caught by tests
}

func (b *Builder) object(t reflect.Type) Schema {
	props := Schema{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := b.Build(f.Type)
		if b.Field != nil && b.Field(t, f, name, p) {
			required = append(required, name)
		}
		d := ""
		if b.Describe != nil {
			d = b.Describe(t, name)
		}
		if d == "" {
			panic(fmt.Sprintf("schemagen: %s.%s has no description", t, name)) // caught by tests
		}
		p["description"] = d
		props[name] = p
	}
	s := Schema{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		sort.Strings(required)
		s["required"] = required
	}
	if b.Object != nil {
		b.Object(t, s)
	}
	return s
}

func defaultLeaf(t reflect.Type) Schema {
	switch t {
	case reflect.TypeFor[medsec.Date]():
		return Date()
	case reflect.TypeFor[time.Time]():
		return DateTime()
	case reflect.TypeFor[medsec.Jurisdiction]():
		return Jurisdiction()
	case reflect.TypeFor[medsec.Flag](), reflect.TypeFor[medsec.Event]():
		return Code()
	}
	if t.Kind() == reflect.Uint8 && t.Implements(textMarshaler) {
		return Enum(EnumNames(t))
	}
	panic("schemagen: no schema for the text type " + t.String()) // a programming error, caught by tests
}

// Marshal returns the schema as indented JSON, with $schema, $id, title
// and description set, and a type on every subschema that uses keywords
// of one type (see [Typed]).
func Marshal(s Schema, id, title, description string) []byte {
	Typed(s)
	s["$schema"] = Draft
	s["$id"] = id
	s["title"] = title
	s["description"] = description
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // plain maps always marshal; the tests cover every schema
	}
	return append(b, '\n')
}

// If returns the conditional "if the object has member with value const,
// then" of an allOf list. The then schema gets "type": "object", which
// ajv's strictTypes mode asks of a subschema with object keywords.
func If(member string, value any, then Schema) Schema {
	return Schema{
		"if": Schema{"type": "object", "required": []string{member},
			"properties": Schema{member: Schema{"const": value}}},
		"then": Object(then),
	}
}

// Object returns s with "type": "object" added, for the subschemas of
// conditions.
func Object(s Schema) Schema {
	s["type"] = "object"
	return s
}

// Typed gives every subschema of s that uses keywords of one JSON type,
// but states no type, that type, and every member that a subschema
// requires an entry in its properties (the empty schema, where it has
// none): ajv's strict mode (strictTypes, strictRequired) asks for both,
// and neither changes a verdict on the values the schemas describe.
func Typed(s Schema) {
	if req, ok := s["required"].([]string); ok {
		props, _ := s["properties"].(Schema)
		if props == nil {
			props = Schema{}
			s["properties"] = props
		}
		for _, r := range req {
			if _, ok := props[r]; !ok {
				props[r] = Schema{}
			}
		}
	}
	if _, ok := s["type"]; !ok {
		switch {
		case has(s, "properties", "required", "additionalProperties", "propertyNames", "minProperties", "maxProperties"):
			s["type"] = "object"
		case has(s, "items", "contains", "minItems", "maxItems"):
			s["type"] = "array"
		case has(s, "pattern", "minLength", "maxLength", "format"):
			s["type"] = "string"
		case has(s, "minimum", "maximum"):
			s["type"] = "number"
		}
	}
	for k, v := range s {
		switch k {
		case "properties", "$defs":
			for _, p := range v.(Schema) {
				Typed(p.(Schema))
			}
		case "allOf", "anyOf", "oneOf":
			for _, p := range v.([]any) {
				Typed(p.(Schema))
			}
		case "items", "contains", "not", "if", "then", "else", "propertyNames", "additionalProperties":
			if p, ok := v.(Schema); ok {
				Typed(p)
			}
		}
	}
}

func has(s Schema, keys ...string) bool {
	for _, k := range keys {
		if _, ok := s[k]; ok {
			return true
		}
	}
	return false
}
