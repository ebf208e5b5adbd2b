package strictjson

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzUnmarshal: on every input the decoder either accepts it, and then
// encoding/json accepts it too and builds the same value, every string of
// which is valid UTF-8 without control characters but tab and line feed;
// or it reports at most 100 errors, each with a rule, a message whose
// arguments fit its format, and a printable path and value. The work done
// is linear: decoding a valid value twice over (as an array of two,
// against an array of one) costs at most about twice the allocations.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{validDoc, `{}`, `{"name": "a", "Name": "b"}`, `{"map": {"k": 1, "\u212a": 2}}`,
		`{"any": [1, {"a": null}], "raw": {"a": [1, 2]}}`, "{\"name\": \"\xff\"}", `{"name": "\ud800"}`,
		`{"byLevel": {"low": "x", "LOW": "y"}}`, `{"few": [1, 2, 3]}`, "\xEF\xBB\xBF{}", `{"count": -129}`} {
		f.Add([]byte(s))
	}
	anyDecoder := New(Config{MaxItems: 1 << 20})
	allocs := func(data []byte) float64 {
		return testing.AllocsPerRun(1, func() {
			var v any
			anyDecoder.Unmarshal(data, &v)
		})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		one := append(append([]byte("["), data...), ']')
		if v := any(nil); anyDecoder.Unmarshal(one, &v) == nil {
			two := append(append(append(append([]byte("["), data...), ','), data...), ']')
			if a1, a2 := allocs(one), allocs(two); a2 > 2*a1+8 {
				t.Fatalf("decoding the value twice costs %v allocations, once %v: not linear", a2, a1)
			}
		}
		var d doc
		errs := testDecoder.Unmarshal(data, &d)
		if errs != nil {
			if len(errs) > 100 {
				t.Fatalf("%d errors", len(errs))
			}
			for _, e := range errs {
				checkError(t, e)
			}
			return
		}
		var want doc
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("strictjson accepts %q, encoding/json does not: %v", data, err)
		}
		if len(d.Raw) > 0 {
			d.Raw, want.Raw = compactJSON(t, d.Raw), compactJSON(t, want.Raw)
		}
		if !reflect.DeepEqual(d, want) {
			t.Fatalf("strictjson and encoding/json differ on %q:\n got %#v\nwant %#v", data, d, want)
		}
		checkStrings(t, reflect.ValueOf(d))
	})
}

// checkStrings fails on a string in v that is not valid UTF-8 or holds a
// control character the decoder rejects.
func checkStrings(t *testing.T, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
			t.Fatalf("accepted text %q", s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkStrings(t, v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				checkStrings(t, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // raw JSON, checked as the value it holds
		}
		for i := 0; i < v.Len(); i++ {
			checkStrings(t, v.Index(i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			checkStrings(t, it.Key())
			checkStrings(t, it.Value())
		}
	}
}
