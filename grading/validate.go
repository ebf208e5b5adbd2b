package grading

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/medsec-go/medsec"
)

// validate is the package's one validator/v10 instance, configured once:
// the tag "set" accepts only values whose Valid method reports true (the
// typed enums), and field paths are Go field names.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	_ = v.RegisterValidation("set", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		if f.CanInterface() {
			if x, ok := f.Interface().(interface{ Valid() bool }); ok {
				return x.Valid()
			}
		}
		return false
	})
	return v
})

var hints = map[string]medsec.MessageTemplate{
	"Type":             msgHintNIS2Type,
	"RegulatedService": msgHintCZRegulated,
	"Headcount":        msgHintHeadcount,
	"TurnoverEUR":      msgHintTurnover,
	"BalanceSheetEUR":  msgHintBalance,
}

// structErrors runs the validator on v and turns its errors into field
// errors with Go paths ("Enterprise.Partners[0].SharePercent").
func structErrors(scheme Scheme, v any) error {
	err := validate().Struct(v)
	if err == nil {
		return nil
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return fmt.Errorf("grading: validating %s input: %w: %w", scheme, medsec.ErrInvalidInput, err)
	}
	errs := make([]*medsec.FieldError, 0, len(ves))
	for _, fe := range ves {
		path := fe.Namespace()
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:] // drop the struct name
		}
		value := ""
		if fe.Kind() != reflect.Struct && fe.Kind() != reflect.Slice {
			value = fmt.Sprint(fe.Value())
		}
		e := &medsec.FieldError{Path: path, Rule: fe.Tag(), Value: value}
		switch fe.Tag() {
		case "required", "set":
			if fe.Tag() == "set" && !reflect.ValueOf(fe.Value()).IsZero() {
				e.Message = msgErrInvalid.New(value)
				break
			}
			e.Rule = "required"
			e.Value = ""
			h, ok := hints[fe.Field()]
			if !ok {
				h = msgHintGeneric
			}
			e.Message = msgErrRequired.New(h.New())
		case "gt":
			e.Message = msgErrGreater.New(fe.Param(), value)
		case "gte":
			e.Message = msgErrMin.New(fe.Param(), value)
		case "lte":
			e.Message = msgErrMax.New(fe.Param(), value)
		default:
			e.Message = msgErrInvalid.New(value)
		}
		errs = append(errs, e)
	}
	return inputError(scheme, errs...)
}

// asFieldErrors extracts the field errors wrapped in err.
func asFieldErrors(err error, out *medsec.FieldErrors) bool {
	return errors.As(err, out)
}
