package assist

// This file is the package's strict JSON layer: the module's strict
// decoder (internal/strictjson) with the package's rules for empty
// strings, dates and enumerations, behind the one function
// strictUnmarshal.

import (
	"reflect"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// maxDepth bounds the nesting of JSON values.
const maxDepth = 32

var dateType = reflect.TypeFor[medsec.Date]()

// decoder reads the package's documents: besides what strictjson checks
// (UTF-8, a byte order mark, trailing data, duplicate keys, unknown
// fields and keys in another letter case, wrong JSON types, null,
// integers written with a fraction or an exponent, control characters),
// an empty string is an error, since an optional field is left out
// instead, and a date is checked by checkDate.
var decoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{
		MaxDepth:       maxDepth,
		NoEmptyStrings: true,
		Text: map[reflect.Type]strictjson.TextRule{
			dateType: {
				Valid:   func(b []byte) bool { _, m := checkDate(string(b)); return m.IsZero() },
				Rule:    "date",
				Message: strictjson.Template(msgErrDateForm),
			},
		},
	})
})

// strictUnmarshal decodes data into v, a non-nil pointer, strictly (see
// decoder). Every problem is reported with the JSON Pointer of its value,
// up to the error limit, as [medsec.FieldErrors] wrapping
// [medsec.ErrInvalidInput]; a syntax error stops the check. Dates and
// enumeration values get the package's own messages: "there is no month
// 13" rather than that the form is wrong, and the list of the values
// allowed.
func strictUnmarshal(data []byte, v any) error {
	errs := decoder().Unmarshal(data, v)
	if errs == nil {
		return nil
	}
	var e errList
	for _, fe := range fielderr.FromJSON(errs, medsec.ErrInvalidInput) {
		switch fe.Rule {
		case "date":
			if _, m := checkDate(fe.Value); !m.IsZero() {
				fe.Message = m
			}
		case "enum":
			fe.Message = msgErrEnum.New(fe.Message.Args...) // the value and the names allowed
		}
		// The decoder's last error may say how many more there were;
		// errList puts its own in its place.
		e.add(fe.Path, fe.Rule, fe.Value, fe.Message)
	}
	return e.err()
}
