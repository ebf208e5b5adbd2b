package contracts

import (
	"encoding"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/schemagen"
)

// textClass says what kind of text a text leaf holds.
type textClass uint8

const (
	textEnum textClass = iota + 1
	textDate
	textUUID
	textCitation
	textJurisdiction // two upper-case letters; a registry says which exist
	textCode         // a flag or an event: lower-case words joined by hyphens
)

// A textShape is a type that reads itself from a JSON string: the decoder
// accepts only its canonical text form, the one the type writes back
// ("cn" is not taken for "CN"), so that the JSON Schema and the decoder
// agree.
type textShape struct {
	class textClass
	check func([]byte) bool
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

// tagInt returns the number after key ("max=") in a validate tag.
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

// textShapeOf describes the text type t.
func textShapeOf(t reflect.Type) *textShape {
	s := &textShape{}
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
	}
	if s.class == textEnum {
		names := schemagen.EnumNames(t)
		set := make(map[string]struct{}, len(names))
		for _, e := range names {
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
