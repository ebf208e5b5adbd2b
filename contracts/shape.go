package contracts

import (
	"encoding"
	"math"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// shapeKind is the JSON kind a Go type expects.
type shapeKind uint8

const (
	shapeObject shapeKind = iota + 1
	shapeArray
	shapeString
	shapeInteger
	shapeBoolean
	shapeMap  // a JSON object with keys of the user's choice
	shapeText // a JSON string read by an encoding.TextUnmarshaler
)

// textClass says what kind of text a shapeText leaf holds.
type textClass uint8

const (
	textEnum textClass = iota + 1
	textDate
	textUUID
	textCitation
	textJurisdiction // two upper-case letters; a registry says which exist
	textCode         // a flag or an event: lower-case words joined by hyphens
)

// A shape is the JSON structure of a Go type, derived once by reflection.
// The schema generator turns it into JSON Schema, the decoder takes the
// canonical text forms of its leaves from it, and the tests compare both
// with the Go types.
type shape struct {
	kind   shapeKind
	goType reflect.Type
	fields []field // shapeObject
	elem   *shape  // shapeArray, shapeMap: the values
	key    *shape  // shapeMap: the keys
	// shapeInteger: the range the Go type and its validate tag allow.
	min, max int64
	// shapeText
	class textClass
	enum  []string // textEnum: the valid text forms, in order
	check func([]byte) bool
}

// A field is one member of a JSON object.
type field struct {
	index    int // Go struct field index
	name     string
	goName   string
	shape    *shape
	required bool   // validate tag says required
	validate string // the validate tag, or the rules of foreignTags
}

// foreignTags are the validation rules that the package applies to the
// fields of types of other packages, which carry no validate tags:
// Checker.validate checks them by hand, and the schema states them.
var foreignTags = map[reflect.Type]map[string]string{
	reflect.TypeFor[grading.Institution](): {
		"id": "required", "name": "required,max=300", "country": "required,iso3166_1_alpha2",
		"jurisdictions": "required,min=1", "type": "required", "systems": "required,min=1,max=1000",
	},
	reflect.TypeFor[grading.System](): {"id": "required"},
}

var contractShape = sync.OnceValue(func() *shape {
	return shapeOf(reflect.TypeFor[Contract](), "")
})

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	clauseType          = reflect.TypeFor[Clause]()
)

func shapeOf(t reflect.Type, validate string) *shape {
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return textShape(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return shapeOf(t.Elem(), validate)
	case reflect.Struct:
		s := &shape{kind: shapeObject, goType: t}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			v := f.Tag.Get("validate")
			if tags, ok := foreignTags[t]; ok {
				v = tags[name]
			}
			s.fields = append(s.fields, field{
				index: i, name: name, goName: f.Name, shape: shapeOf(f.Type, v), validate: v,
				required: v == "required" || strings.HasPrefix(v, "required,"),
			})
		}
		return s
	case reflect.Slice:
		return &shape{kind: shapeArray, goType: t, elem: shapeOf(t.Elem(), diveTag(validate))}
	case reflect.Map:
		return &shape{kind: shapeMap, goType: t, key: shapeOf(t.Key(), ""), elem: shapeOf(t.Elem(), "")}
	case reflect.String:
		return &shape{kind: shapeString, goType: t}
	case reflect.Bool:
		return &shape{kind: shapeBoolean, goType: t}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		lo, hi := int64(math.MinInt64)>>(64-t.Bits()), int64(math.MaxInt64)>>(64-t.Bits())
		if m, ok := tagInt(validate, "max="); ok && m < hi {
			hi = m
		}
		return &shape{kind: shapeInteger, goType: t, min: lo, max: hi}
	}
	panic("contracts: no JSON shape for " + t.String()) // programming error, caught by tests
}

// diveTag returns the part of a validate tag after "dive".
func diveTag(v string) string {
	if _, after, ok := strings.Cut(v, "dive"); ok {
		return strings.TrimPrefix(after, ",")
	}
	return ""
}

func tagInt(v, key string) (int64, bool) {
	for _, part := range strings.Split(v, ",") {
		if rest, ok := strings.CutPrefix(part, key); ok {
			var n int64
			for _, c := range rest {
				if c < '0' || c > '9' {
					return 0, false
				}
				n = n*10 + int64(c-'0')
			}
			return n, true
		}
	}
	return 0, false
}

// textShape describes a type that reads itself from a JSON string. The
// decoder accepts only the canonical text form, the one the type writes
// back: "cn" is not accepted for "CN", so JSON Schema and decoder agree.
func textShape(t reflect.Type) *shape {
	s := &shape{kind: shapeText, goType: t}
	switch {
	case t == reflect.TypeFor[medsec.Date]():
		s.class = textDate
	case t == reflect.TypeFor[uuid.UUID]():
		s.class = textUUID
	case t == reflect.TypeFor[medsec.Citation]():
		s.class = textCitation
	case t == reflect.TypeFor[medsec.Jurisdiction]():
		s.class = textJurisdiction
		s.check = func(b []byte) bool { return medsec.Jurisdiction(b).Valid() }
		return s
	case t == reflect.TypeFor[medsec.Flag](), t == reflect.TypeFor[medsec.Event]():
		s.class = textCode
		s.check = func(b []byte) bool { return medsec.Flag(b).Valid() }
		return s
	default:
		s.class = textEnum
		s.enum = enumNames(t)
	}
	if s.class == textEnum {
		set := make(map[string]struct{}, len(s.enum))
		for _, e := range s.enum {
			set[e] = struct{}{}
		}
		s.check = func(b []byte) bool { _, ok := set[string(b)]; return ok }
		return s
	}
	switch s.class {
	case textDate:
		s.check = isDate
		return s
	case textUUID:
		s.check = func(b []byte) bool {
			u, err := uuid.ParseBytes(b)
			if err != nil || len(b) != 36 {
				return false
			}
			var buf [36]byte
			uuidText(&buf, u)
			return string(buf[:]) == string(b)
		}
		return s
	}
	s.check = func(b []byte) bool {
		v := reflect.New(t)
		if v.Interface().(encoding.TextUnmarshaler).UnmarshalText(b) != nil {
			return false
		}
		m, err := v.Elem().Interface().(encoding.TextMarshaler).MarshalText()
		return err == nil && string(m) == string(b) && len(b) > 0
	}
	return s
}

// enumNames lists the text forms of an enum type: the values 1..255 of a
// uint8 type that marshal.
func enumNames(t reflect.Type) []string {
	if t.Kind() != reflect.Uint8 {
		panic("contracts: text type " + t.String() + " is not an enum")
	}
	var out []string
	for i := 1; i < 256; i++ {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		out = append(out, string(b))
	}
	return out
}

// uuidText writes u in canonical lower-case form.
func uuidText(dst *[36]byte, u uuid.UUID) {
	const hex = "0123456789abcdef"
	j := 0
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst[j] = '-'
			j++
		}
		dst[j], dst[j+1] = hex[c>>4], hex[c&15]
		j += 2
	}
}

// isDate reports whether b is a date "YYYY-MM-DD" that exists, as
// medsec.ParseDate accepts it, without allocating.
func isDate(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	num := func(p []byte) (int, bool) {
		n := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[:4])
	m, ok2 := num(b[5:7])
	d, ok3 := num(b[8:])
	return ok1 && ok2 && ok3 && m >= 1 && m <= 12 && medsec.NewDate(y, time.Month(m), d).Valid()
}
