package apitest

import (
	"reflect"
	"strings"
)

// Misformatted reports whether render, given m, shows a formatting error
// of package fmt ("%!"): a verb that does not fit its argument, or a
// missing or extra argument. Text that m's arguments carry does not
// count, so input such as an unknown field named "%!" quoted in an error
// message is not mistaken for a bad format.
//
// m is a message: a struct with an Args []any field, such as
// medsec.Message. render is called on a copy of m in which every string
// argument, in m and in the messages among its arguments, has each "%"
// replaced by "_"; the output can then hold "%!" only where fmt put it.
// A string argument is any value whose kind is string, such as a named
// string type for literal text; it keeps its type. Text held in other
// values, such as a struct's unexported fields, is left as it is: a test
// that passes input through such a value defuses the input itself.
func Misformatted[M any](m M, render func(M) string) bool {
	v := reflect.ValueOf(&m).Elem()
	defuse(v)
	return strings.Contains(render(m), "%!")
}

// defuse replaces, in the Args of the message v (which it can set), each
// argument of kind string by one of the same type without "%", and each
// message argument by a defused copy.
func defuse(v reflect.Value) {
	if v.Kind() != reflect.Struct {
		return
	}
	args := v.FieldByName("Args")
	if !args.IsValid() || args.Type() != reflect.TypeOf([]any(nil)) || !args.CanSet() {
		return
	}
	in := args.Interface().([]any)
	out := make([]any, len(in))
	for i, a := range in {
		out[i] = a
		if a == nil {
			continue
		}
		c := reflect.New(reflect.TypeOf(a)).Elem()
		c.Set(reflect.ValueOf(a))
		switch c.Kind() {
		case reflect.String:
			c.SetString(strings.ReplaceAll(c.String(), "%", "_"))
		case reflect.Struct:
			defuse(c)
		default:
			continue
		}
		out[i] = c.Interface()
	}
	args.Set(reflect.ValueOf(out))
}
