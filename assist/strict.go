package assist

// This file is the package's strict JSON layer: everything encoding/json
// lets through that medsec does not. It is kept in one file, behind the
// one function strictUnmarshal, so that it can be replaced by a single
// call to the shared decoder medsec is building (internal/strictjson)
// when that lands.

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// maxDepth bounds the nesting of JSON values.
const maxDepth = 32

// A leafChecker checks the text of a string value that decodes through
// UnmarshalText into a value of type t. It returns the rule broken and a
// message, or an empty rule.
type leafChecker func(t reflect.Type, s string) (rule string, m medsec.Message)

// strictUnmarshal decodes data into v (a non-nil pointer) after checking
// what encoding/json does not: that data is valid UTF-8 without a
// byte-order mark; that it holds one JSON value and nothing after it; that
// no object repeats a key (compared after unescaping); that every key
// names a field exactly, in its exact case; that every value has the JSON
// type of its field; that no value is null; that integers are written
// without a fraction or an exponent; that no string is empty (an optional
// field is left out instead); and that strings decoded through
// UnmarshalText pass leaf. Every problem is reported
// with the JSON Pointer of its value, up to the error limit; a syntax error
// stops the check.
func strictUnmarshal(data []byte, v any, leaf leafChecker) error {
	var e errList
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		e.add("", "empty", "", msgErrEmpty.New())
		return e.err()
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		e.add("", "bom", "", msgErrBOM.New())
		return e.err()
	case !utf8.Valid(data):
		i := invalidUTF8(data)
		line, col := lineCol(data, i)
		e.add("", "utf8", "", msgErrUTF8.New(line, col))
		return e.err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	w := walker{dec: dec, data: data, e: &e, leaf: leaf}
	if w.value("", reflect.TypeOf(v).Elem(), 0) {
		if _, err := dec.Token(); err != io.EOF {
			line, col := lineCol(data, int(dec.InputOffset()))
			e.add("", "trailing", "", msgErrTrailing.New(line, col))
		}
	}
	if err := e.err(); err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The checks above make this unreachable; report it rather than
		// trust a half-filled value.
		e.add("", "decode", "", msgErrDecode.New(err.Error()))
		return e.err()
	}
	return nil
}

type walker struct {
	dec  *json.Decoder
	data []byte
	e    *errList
	leaf leafChecker
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// value checks one JSON value against type t (nil: a value of an unknown
// field, checked for syntax and duplicate keys only). It returns false
// when the check must stop: a syntax error or too many errors.
func (w *walker) value(path string, t reflect.Type, depth int) bool {
	if w.e.full {
		return false
	}
	if depth > maxDepth {
		w.e.add(path, "depth", "", msgErrDepth.New(maxDepth))
		return false
	}
	tok, err := w.dec.Token()
	if err != nil {
		w.syntax(err)
		return false
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	text := t != nil && reflect.PointerTo(t).Implements(textUnmarshaler)
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			if t != nil && !text && (t.Kind() == reflect.Struct || t.Kind() == reflect.Map) {
				return w.object(path, t, depth)
			}
			w.mismatch(path, t, "object")
			return w.object(path, nil, depth)
		case '[':
			if t != nil && !text && t.Kind() == reflect.Slice {
				return w.array(path, t.Elem(), depth)
			}
			w.mismatch(path, t, "array")
			return w.array(path, nil, depth)
		}
		w.syntax(errors.New("unexpected " + tok.String()))
		return false
	case string:
		switch {
		case t == nil:
		case text:
			if tok == "" {
				w.e.add(path, "empty", "", msgErrEmptyValue.New())
			} else if rule, m := w.leaf(t, tok); rule != "" {
				w.e.add(path, rule, tok, m)
			}
		case t.Kind() != reflect.String:
			w.mismatch(path, t, "string")
		case tok == "":
			w.e.add(path, "empty", "", msgErrEmptyValue.New())
		}
	case json.Number:
		switch {
		case t == nil:
		case text || !isNumber(t.Kind()):
			w.mismatch(path, t, "number")
		case isInt(t.Kind()):
			s := tok.String()
			if strings.ContainsAny(s, ".eE") {
				w.e.add(path, "integer", s, msgErrInteger.New(s))
			} else if _, err := strconv.ParseInt(s, 10, t.Bits()); err != nil {
				w.e.add(path, "integer", s, msgErrIntegerRange.New(s))
			}
		}
	case bool:
		if t != nil && (text || t.Kind() != reflect.Bool) {
			w.mismatch(path, t, "boolean")
		}
	case nil:
		w.e.add(path, "null", "", msgErrNull.New())
	}
	return true
}

// object checks the members of an object whose "{" was read.
func (w *walker) object(path string, t reflect.Type, depth int) bool {
	var fields map[string]reflect.Type
	var folded map[string]string
	if t != nil && t.Kind() == reflect.Struct {
		fields, folded = jsonFields(t)
	}
	seen := map[string]bool{}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			w.syntax(err)
			return false
		}
		key, _ := tok.(string)
		p := path + "/" + escapePointer(key)
		if seen[key] {
			w.e.add(p, "duplicate-key", key, msgErrDuplicateKey.New(key))
		}
		seen[key] = true
		var ft reflect.Type
		switch {
		case t == nil:
		case t.Kind() == reflect.Map:
			ft = t.Elem()
			if kt := t.Key(); reflect.PointerTo(kt).Implements(textUnmarshaler) {
				if key == "" {
					w.e.add(p, "empty", "", msgErrEmptyValue.New())
				} else if rule, m := w.leaf(kt, key); rule != "" {
					w.e.add(p, rule, key, m)
				}
			}
		default:
			var ok bool
			if ft, ok = fields[key]; !ok {
				if want, ok := folded[strings.ToLower(key)]; ok {
					w.e.add(p, "key-case", key, msgErrKeyCase.New(key, want))
				} else {
					w.e.add(p, "unknown-field", key, msgErrUnknownField.New(key))
				}
			}
		}
		if !w.value(p, ft, depth+1) {
			return false
		}
	}
	if _, err := w.dec.Token(); err != nil { // "}"
		w.syntax(err)
		return false
	}
	return true
}

// array checks the elements of an array whose "[" was read.
func (w *walker) array(path string, elem reflect.Type, depth int) bool {
	for i := 0; w.dec.More(); i++ {
		if !w.value(path+"/"+strconv.Itoa(i), elem, depth+1) {
			return false
		}
	}
	if _, err := w.dec.Token(); err != nil { // "]"
		w.syntax(err)
		return false
	}
	return true
}

func (w *walker) syntax(err error) {
	off := int(w.dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		off = len(w.data)
		err = errors.New("the input ends too early")
	}
	line, col := lineCol(w.data, off)
	w.e.add("", "syntax", "", msgErrSyntax.New(line, col, err.Error()))
}

func (w *walker) mismatch(path string, t reflect.Type, have string) {
	if t == nil {
		return
	}
	want := "string"
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshaler):
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		want = "object"
	case t.Kind() == reflect.Slice:
		want = "array"
	case isInt(t.Kind()):
		want = "integer"
	case isNumber(t.Kind()):
		want = "number"
	case t.Kind() == reflect.Bool:
		want = "boolean"
	}
	w.e.add(path, "type", "", msgErrType.New(want, have))
}

func isInt(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Uint64 }

func isNumber(k reflect.Kind) bool { return isInt(k) || k == reflect.Float32 || k == reflect.Float64 }

// jsonFields returns the JSON names of t's exported fields with their
// types, and the names by their lower-case form.
func jsonFields(t reflect.Type) (map[string]reflect.Type, map[string]string) {
	fields := make(map[string]reflect.Type, t.NumField())
	folded := make(map[string]string, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
		folded[strings.ToLower(name)] = name
	}
	return fields, folded
}

// escapePointer escapes a key for a JSON Pointer (RFC 6901).
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineCol returns the 1-based line and column (in characters) of byte
// offset off in data.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}
