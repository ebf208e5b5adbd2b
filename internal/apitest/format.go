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
func Misformatted[M any](m M, render func(M) string) bool {
	v := reflect.ValueOf(&m).Elem()
	defuse(v)
	return strings.Contains(render(m), "%!")
}

// defuse replaces, in the Args of the message v (which it can set), each
// string argument by one without "%", and each message argument by a
// defused copy.
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
		switch x := a.(type) {
		case string:
			out[i] = strings.ReplaceAll(x, "%", "_")
		default:
			out[i] = a
			if a != nil && reflect.TypeOf(a).Kind() == reflect.Struct {
				c := reflect.New(reflect.TypeOf(a)).Elem()
				c.Set(reflect.ValueOf(a))
				defuse(c)
				out[i] = c.Interface()
			}
		}
	}
	args.Set(reflect.ValueOf(out))
}
