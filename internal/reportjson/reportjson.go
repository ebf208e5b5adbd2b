// Package reportjson writes and reads the JSON of medsec's reports: the
// gap report and the role-check report of package obligations and the
// contract-check report of package contracts.
//
// A [Writer] appends JSON to a byte slice by hand, member by member, in
// the order the caller writes them, compact or indented. Its bytes are
// those encoding/json writes for the same values (Marshal, or
// MarshalIndent with the prefix "" and the indent "  "): the same
// escaping of control characters, of the HTML characters <, > and &, of
// U+2028 and U+2029 and of invalid UTF-8, and the same forms of numbers.
// A test compares the two on every kind of value the reports hold and a
// fuzz target on arbitrary strings. It exists because reports are large
// and national platforms write millions of them: reflection and
// re-indenting made writing a report cost many times computing it.
//
// [Args] turns the arguments of a decoded [medsec.Message] back into the
// Go types a report's messages hold (string, int, float64, bool,
// medsec.Message, medsec.Date), so that a decoded report writes the same
// bytes and renders the same text as the report it was read from.
package reportjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// A Writer appends one JSON value to B. The zero Writer writes compact
// JSON; [Writer.Reset] chooses the form. Errors (a value encoding/json
// cannot write either, such as NaN) are kept in Err; the bytes written
// after one are not valid JSON.
type Writer struct {
	// B holds the JSON written so far.
	B []byte
	// Err is the first error met.
	Err error

	indent   bool
	depth    int
	first    bool // nothing is written yet in the open object or array
	afterKey bool // a key was written; its value comes next
}

// Reset empties w, keeping the capacity of B, and sets whether it
// indents (two spaces per level, as json.MarshalIndent(v, "", "  ")).
func (w *Writer) Reset(indent bool) {
	*w = Writer{B: w.B[:0], indent: indent, first: true}
}

// next writes what comes before a value: nothing after a key, else a
// comma unless the value is the first of its object or array, and in
// indented form a new line.
func (w *Writer) next() {
	if w.afterKey {
		w.afterKey = false
		return
	}
	if !w.first {
		w.B = append(w.B, ',')
	}
	w.first = false
	if w.indent && w.depth > 0 {
		w.newline()
	}
}

func (w *Writer) newline() {
	w.B = append(w.B, '\n')
	for range w.depth {
		w.B = append(w.B, ' ', ' ')
	}
}

// open starts an object or array.
func (w *Writer) open(c byte) {
	w.next()
	w.B = append(w.B, c)
	w.depth++
	w.first = true
}

// close ends an object or array; an empty one stays on one line.
func (w *Writer) close(c byte) {
	w.depth--
	if !w.first && w.indent {
		w.newline()
	}
	w.B = append(w.B, c)
	w.first = false
}

// BeginObject starts an object; write its members with [Writer.Key]
// and a value each, then call [Writer.EndObject].
func (w *Writer) BeginObject() { w.open('{') }

// EndObject ends the object.
func (w *Writer) EndObject() { w.close('}') }

// BeginArray starts an array; write its elements, then call
// [Writer.EndArray].
func (w *Writer) BeginArray() { w.open('[') }

// EndArray ends the array.
func (w *Writer) EndArray() { w.close(']') }

// Key writes the key of the next member of an object. Keys are the
// reports' own member names: k is written as it is, so it must hold no
// character that JSON escapes.
func (w *Writer) Key(k string) {
	w.next()
	w.B = append(w.B, '"')
	w.B = append(w.B, k...)
	w.B = append(w.B, '"', ':')
	if w.indent {
		w.B = append(w.B, ' ')
	}
	w.afterKey = true
}

// String writes a string.
func (w *Writer) String(s string) {
	w.next()
	w.B = AppendString(w.B, s)
}

// Int writes an integer.
func (w *Writer) Int(n int64) {
	w.next()
	w.B = strconv.AppendInt(w.B, n, 10)
}

// Uint writes an unsigned integer.
func (w *Writer) Uint(n uint64) {
	w.next()
	w.B = strconv.AppendUint(w.B, n, 10)
}

// Bool writes true or false.
func (w *Writer) Bool(b bool) {
	w.next()
	w.B = strconv.AppendBool(w.B, b)
}

// Float writes a number as encoding/json writes a float64 (or, with
// bits 32, a float32); NaN and the infinities are an error.
func (w *Writer) Float(f float64, bits int) {
	w.next()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(&json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)})
		w.B = append(w.B, '0')
		return
	}
	// The rule of encoding/json: exponents for very small and very large
	// magnitudes, in their shortest form ("1e-7", not "1e-07").
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	w.B = strconv.AppendFloat(w.B, f, format, -1, bits)
	if format == 'e' {
		n := len(w.B)
		if n >= 4 && w.B[n-4] == 'e' && w.B[n-3] == '-' && w.B[n-2] == '0' {
			w.B[n-2] = w.B[n-1]
			w.B = w.B[:n-1]
		}
	}
}

// A Fragment is a value written once and copied into many documents:
// the parts of a report that are the same in every report, such as the
// title of a duty.
type Fragment struct {
	compact, indented []byte
	depth             int
}

// NewFragment returns the value that write writes, in compact form and
// indented for a value at the given depth (the number of objects and
// arrays around it).
func NewFragment(depth int, write func(*Writer)) Fragment {
	var w Writer
	w.Reset(false)
	write(&w)
	f := Fragment{compact: w.B, depth: depth}
	w = Writer{indent: true, depth: depth, afterKey: true}
	write(&w)
	f.indented = w.B
	return f
}

// Fragment writes f. Indented at another depth than f's, it indents the
// compact form as encoding/json would.
func (w *Writer) Fragment(f *Fragment) {
	w.next()
	switch {
	case !w.indent:
		w.B = append(w.B, f.compact...)
	case w.depth == f.depth:
		w.B = append(w.B, f.indented...)
	default:
		buf := bytes.NewBuffer(w.B)
		_ = json.Indent(buf, f.compact, strings.Repeat("  ", w.depth), "  ")
		w.B = buf.Bytes()
	}
}

// Text writes a value of a type that marshals itself as text, such as a
// medsec.Date or an enumeration, as a string.
func (w *Writer) Text(v encoding.TextMarshaler) {
	b, err := v.MarshalText()
	if err != nil {
		w.fail(&json.MarshalerError{Type: reflect.TypeOf(v), Err: err})
	}
	w.next()
	w.B = AppendString(w.B, string(b))
}

// Null writes null.
func (w *Writer) Null() {
	w.next()
	w.B = append(w.B, "null"...)
}

func (w *Writer) fail(err error) {
	if w.Err == nil {
		w.Err = err
	}
}

// Message writes a message as encoding/json writes a medsec.Message:
// {"key", "format", "args"}, without "args" when it has none.
func (w *Writer) Message(m medsec.Message) {
	w.BeginObject()
	w.Key("key")
	w.String(m.Key)
	w.Key("format")
	w.String(m.Format)
	if len(m.Args) > 0 {
		w.Key("args")
		w.BeginArray()
		for _, a := range m.Args {
			w.Value(a)
		}
		w.EndArray()
	}
	w.EndObject()
}

// Value writes an argument of a message: the types messages hold are
// written directly, anything else through encoding/json.
func (w *Writer) Value(v any) {
	switch v := v.(type) {
	case nil:
		w.Null()
	case string:
		w.String(v)
	case medsec.Message:
		w.Message(v)
	case int:
		w.Int(int64(v))
	case int8:
		w.Int(int64(v))
	case int16:
		w.Int(int64(v))
	case int32:
		w.Int(int64(v))
	case int64:
		w.Int(v)
	case uint:
		w.Uint(uint64(v))
	case uint8:
		w.Uint(uint64(v))
	case uint16:
		w.Uint(uint64(v))
	case uint32:
		w.Uint(uint64(v))
	case uint64:
		w.Uint(v)
	case float64:
		w.Float(v, 64)
	case float32:
		w.Float(float64(v), 32)
	case bool:
		w.Bool(v)
	case json.Marshaler:
		w.marshal(v)
	case encoding.TextMarshaler:
		w.Text(v)
	default:
		w.marshal(v)
	}
}

// marshal writes v with encoding/json, indented to the current depth.
func (w *Writer) marshal(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		w.fail(err)
		b = []byte("null")
	}
	w.next()
	if !w.indent {
		w.B = append(w.B, b...)
		return
	}
	buf := bytes.NewBuffer(w.B)
	if err := json.Indent(buf, b, strings.Repeat("  ", w.depth), "  "); err != nil {
		w.fail(err)
	}
	w.B = buf.Bytes()
}

// AppendString appends s as a JSON string, escaped as encoding/json
// escapes it: quotation mark and backslash; \b, \f, \n, \r and \t; other
// control characters and <, > and & as \u00XX; U+2028 and U+2029 as
// \u2028 and \u2029; each byte of invalid UTF-8 as \ufffd.
func AppendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if safe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// safe marks the ASCII bytes that a JSON string holds as they are.
var safe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	t['"'], t['\\'], t['<'], t['>'], t['&'] = false, false, false, false, false
	return t
}()

// maxExactInt is the largest magnitude below which every integer is a
// float64 without rounding.
const maxExactInt = 1 << 53

// Args turns the arguments of a message that strictjson decoded (numbers
// as float64, objects as map[string]any) into the types the reports'
// messages hold: a string stays a string, an integral number becomes an
// int and any other number a float64, true and false stay bool, and an
// object with the members "key", "format" and, optionally, "args" becomes
// a medsec.Message, its own arguments converted in turn. dates lists, by
// message key, the positions of the arguments that are dates: a
// YYYY-MM-DD string there becomes a medsec.Date, so that a translator
// prints it as a date again. Anything else (an array, another object, a
// date argument that is not a date) is reported to bad with its JSON
// Pointer, path being that of the message; the argument is dropped.
func Args(m *medsec.Message, path string, dates map[string][]int, bad func(path, value string)) {
	if len(m.Args) == 0 {
		m.Args = nil
		return
	}
	out := m.Args[:0]
	for i, a := range m.Args {
		at := path + "/args/" + strconv.Itoa(i)
		v, ok := arg(a, at, dates, bad)
		if !ok {
			bad(at, describe(a))
			continue
		}
		if s, isStr := v.(string); isStr && isDateArg(dates[m.Key], i) {
			d, err := medsec.ParseDate(s)
			if err != nil || d.String() != s {
				bad(at, s)
				continue
			}
			v = d
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		out = nil
	}
	m.Args = out
}

func isDateArg(positions []int, i int) bool {
	for _, p := range positions {
		if p == i {
			return true
		}
	}
	return false
}

// arg converts one argument; ok is false when it has no message form.
func arg(a any, at string, dates map[string][]int, bad func(path, value string)) (any, bool) {
	switch a := a.(type) {
	case string, bool:
		return a, true
	case float64:
		if a == math.Trunc(a) && math.Abs(a) <= maxExactInt {
			return int(a), true
		}
		return a, true
	case map[string]any:
		var m medsec.Message
		for k, v := range a {
			switch k {
			case "key":
				s, ok := v.(string)
				if !ok {
					return nil, false
				}
				m.Key = s
			case "format":
				s, ok := v.(string)
				if !ok {
					return nil, false
				}
				m.Format = s
			case "args":
				l, ok := v.([]any)
				if !ok {
					return nil, false
				}
				m.Args = l
			default:
				return nil, false
			}
		}
		if m.Key == "" {
			return nil, false
		}
		Args(&m, at, dates, bad)
		return m, true
	}
	return nil, false
}

// describe gives the value quoted in the error about an argument.
func describe(a any) string {
	switch a := a.(type) {
	case string:
		return a
	case []any:
		return "[…]"
	case map[string]any:
		return "{…}"
	}
	return ""
}

// Date writes a day as medsec.Date marshals it: "YYYY-MM-DD", or "" for
// the zero Date; a day that does not exist is an error.
func (w *Writer) Date(d medsec.Date) {
	if d.IsZero() {
		w.next()
		w.B = append(w.B, '"', '"')
		return
	}
	if !d.Valid() || d.Year < 0 || d.Year > 9999 {
		w.Text(d)
		return
	}
	w.next()
	y, m, dd := d.Year, int(d.Month), d.Day
	w.B = append(w.B, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10), '"')
}

// Time writes an instant in UTC in the form of time.RFC3339
// ("2026-11-22T09:00:00Z", whole seconds), or "" for the zero time.
func (w *Writer) Time(t time.Time) {
	w.next()
	w.B = append(w.B, '"')
	if !t.IsZero() {
		w.B = t.UTC().AppendFormat(w.B, time.RFC3339)
	}
	w.B = append(w.B, '"')
}

// A Quoted is the key and format of a message escaped once, for messages
// that many documents repeat: writing it copies bytes.
type Quoted struct{ key, format []byte }

// Quote escapes the key and format of m; its arguments are not kept.
func Quote(m medsec.Message) Quoted {
	return Quoted{key: AppendString(nil, m.Key), format: AppendString(nil, m.Format)}
}

// QuotedMessage writes the message q as [Writer.Message] writes it
// without arguments.
func (w *Writer) QuotedMessage(q *Quoted) {
	w.beginQuoted(q)
	w.EndObject()
}

// BeginQuotedMessage writes the start of the message q with arguments:
// its key, its format and an open array "args". Write the arguments,
// then call EndArray and EndObject.
func (w *Writer) BeginQuotedMessage(q *Quoted) {
	w.beginQuoted(q)
	w.Key("args")
	w.BeginArray()
}

func (w *Writer) beginQuoted(q *Quoted) {
	w.BeginObject()
	w.Key("key")
	w.next()
	w.B = append(w.B, q.key...)
	w.Key("format")
	w.next()
	w.B = append(w.B, q.format...)
}
