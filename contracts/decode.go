package contracts

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
)

// DefaultMaxBytes is the default size limit of [Decode]: 1 MiB.
const DefaultMaxBytes = 1 << 20

// maxDepth bounds the nesting of JSON values, so that hostile input cannot
// exhaust the stack.
const maxDepth = 64

// maxErrors bounds the number of errors one call reports.
const maxErrors = 100

// A DecodeOption changes how [Decode] reads.
type DecodeOption func(*decodeConfig)

type decodeConfig struct{ maxBytes int64 }

// WithMaxBytes sets the largest input Decode accepts; n ≤ 0 means
// [DefaultMaxBytes].
func WithMaxBytes(n int64) DecodeOption {
	return func(c *decodeConfig) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// Decode reads one contract from r, strictly: unknown fields, duplicate
// keys (compared after unescaping), values of the wrong JSON type, enum
// values that are not exact, null, input after the JSON value and input
// larger than the limit are errors.
//
// A problem with the data gives a [medsec.FieldErrors] list (it wraps
// [medsec.ErrInvalidInput]); each error's Path is a JSON Pointer
// ("/clauses/3/kind", "" for the document as a whole). An error from r
// itself is returned wrapped, as is. Decode does not validate: call
// [Validate] next.
func Decode(r io.Reader, opts ...DecodeOption) (*Contract, error) {
	cfg := decodeConfig{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&cfg)
	}
	data, err := readAll(r, cfg.maxBytes+1)
	if err != nil {
		return nil, fmt.Errorf("contracts: reading contract: %w", err)
	}
	if int64(len(data)) > cfg.maxBytes {
		return nil, medsec.FieldErrors{fieldErr("", "size", "", msgDecodeTooLarge.New(int(cfg.maxBytes)))}
	}
	return DecodeBytes(data)
}

// DecodeBytes is [Decode] for input already in memory; it applies no size
// limit of its own.
func DecodeBytes(data []byte) (*Contract, error) {
	var c Contract
	sc := scanner{data: data, path: make([]byte, 0, 64)}
	sc.document(contractShape(), reflect.ValueOf(&c).Elem())
	if len(sc.errs) > 0 {
		return nil, sc.errs
	}
	return &c, nil
}

// readAll reads up to n bytes, sizing the buffer from r when r tells its
// length.
func readAll(r io.Reader, n int64) ([]byte, error) {
	size := int64(4096)
	if l, ok := r.(interface{ Len() int }); ok {
		size = int64(l.Len()) + 1
	}
	size = min(size, n)
	buf := make([]byte, 0, size)
	lr := io.LimitReader(r, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func fieldErr(path, rule, value string, m medsec.Message) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: rule, Value: value, Message: m, Err: medsec.ErrInvalidInput}
}

// A scanner decodes JSON text into a Go value in one pass, checking it
// against the value's shape: it is a strict, shape-driven replacement for
// encoding/json (a test and the fuzz target compare the two on every
// input both accept). It tracks the JSON Pointer of the current value in
// path, and records errors with it. Syntax errors stop the scan; other
// errors do not, so one call reports every unknown field, duplicate key
// and type error (up to maxErrors). Values are filled only into a valid
// reflect.Value; inside unknown fields and after a type error the target
// is the zero Value and the scan only checks syntax and duplicates.
type scanner struct {
	data  []byte
	pos   int
	path  []byte
	depth int
	fatal bool
	errs  medsec.FieldErrors
}

func (s *scanner) fail(rule, value string, m medsec.Message) {
	if len(s.errs) >= maxErrors {
		s.fatal = true
		return
	}
	s.errs = append(s.errs, fieldErr(string(s.path), rule, value, m))
}

func (s *scanner) syntax() {
	s.fail("syntax", "", msgDecodeSyntax.New(s.pos))
	s.fatal = true
}

func (s *scanner) document(sh *shape, v reflect.Value) {
	s.ws()
	if s.pos >= len(s.data) {
		s.fail("empty", "", msgDecodeEmpty.New())
		return
	}
	s.value(sh, v)
	if s.fatal {
		return
	}
	s.ws()
	if s.pos < len(s.data) {
		s.path = s.path[:0]
		s.fail("trailing", "", msgDecodeTrailing.New(s.pos))
	}
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value scans one value; sh is nil inside unknown fields. When v is valid
// the value is stored in it; pointers are allocated on the way.
func (s *scanner) value(sh *shape, v reflect.Value) {
	if s.fatal {
		return
	}
	s.ws()
	if s.pos >= len(s.data) {
		s.syntax()
		return
	}
	c := s.data[s.pos]
	if sh == nil || c == 'n' {
		v = reflect.Value{}
	}
	if v.IsValid() && v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	switch {
	case c == '{':
		s.object(sh, v)
	case c == '[':
		s.array(sh, v)
	case c == '"':
		raw, escaped, ok := s.str()
		if !ok {
			return
		}
		s.leafString(sh, v, raw, escaped)
	case c == '-' || c >= '0' && c <= '9':
		start := s.pos
		if !s.number() {
			return
		}
		s.leafNumber(sh, v, s.data[start:s.pos])
	case c == 't':
		if s.literal("true", sh, shapeBoolean) && v.IsValid() && sh.kind == shapeBoolean {
			v.SetBool(true)
		}
	case c == 'f':
		if s.literal("false", sh, shapeBoolean) && v.IsValid() && sh.kind == shapeBoolean {
			v.SetBool(false)
		}
	case c == 'n':
		if s.literal("null", nil, 0) && sh != nil {
			s.fail("null", "null", msgDecodeNull.New())
		}
	default:
		s.syntax()
	}
}

func (s *scanner) wrongType(sh *shape, value string) {
	s.fail("type", value, msgDecodeType.New(sh.jsonTypeMessage()))
}

func (s *scanner) literal(lit string, sh *shape, k shapeKind) bool {
	if !bytes.HasPrefix(s.data[s.pos:], []byte(lit)) {
		s.syntax()
		return false
	}
	s.pos += len(lit)
	if sh != nil && k != 0 && sh.kind != k {
		s.wrongType(sh, lit)
	}
	return true
}

func (s *scanner) enter() bool {
	s.depth++
	if s.depth > maxDepth {
		s.fail("depth", "", msgDecodeTooDeep.New(maxDepth))
		s.fatal = true
		return false
	}
	return true
}

func (s *scanner) object(sh *shape, v reflect.Value) {
	if sh != nil && sh.kind != shapeObject {
		s.wrongType(sh, "{…}")
		sh, v = nil, reflect.Value{} // keep scanning for syntax and duplicates
	}
	if !s.enter() {
		return
	}
	defer func() { s.depth-- }()
	s.pos++                         // '{'
	var seen uint64                 // known fields seen (shapes have < 64 fields)
	var seenUnknown map[string]bool // other keys seen
	base := len(s.path)
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return
	}
	for !s.fatal {
		s.ws()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			s.syntax()
			return
		}
		raw, escaped, ok := s.str()
		if !ok {
			return
		}
		key := raw
		if escaped {
			key = unescape(raw)
		}
		s.path = appendPointer(append(s.path[:base], '/'), key)
		s.ws()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			s.syntax()
			return
		}
		s.pos++
		var child *shape
		var cv reflect.Value
		i := -1
		if sh != nil {
			i = sh.field(key)
		}
		if i >= 0 && v.IsValid() {
			cv = v.Field(sh.fields[i].index)
		}
		switch {
		case i >= 0 && seen&(1<<uint(i)) != 0:
			s.fail("duplicate-key", clip(key), msgDecodeDuplicate.New(clip(key)))
			child = sh.fields[i].shape
		case i >= 0:
			seen |= 1 << uint(i)
			child = sh.fields[i].shape
		default:
			if seenUnknown == nil {
				seenUnknown = map[string]bool{}
			}
			if seenUnknown[string(key)] {
				s.fail("duplicate-key", clip(key), msgDecodeDuplicate.New(clip(key)))
			} else if sh != nil {
				s.fail("unknown-field", clip(key), msgDecodeUnknownField.New(clip(key)))
			}
			seenUnknown[string(key)] = true
		}
		s.value(child, cv)
		if s.fatal {
			return
		}
		s.path = s.path[:base]
		s.ws()
		if s.pos >= len(s.data) {
			s.syntax()
			return
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return
		default:
			s.syntax()
			return
		}
	}
}

func (s *scanner) array(sh *shape, v reflect.Value) {
	if sh != nil && sh.kind != shapeArray {
		s.wrongType(sh, "[…]")
		sh, v = nil, reflect.Value{}
	}
	if !s.enter() {
		return
	}
	defer func() { s.depth-- }()
	s.pos++ // '['
	var elem *shape
	if sh != nil {
		elem = sh.elem
	}
	if v.IsValid() {
		// Like encoding/json: "[]" gives an empty, non-nil slice.
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	base := len(s.path)
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return
	}
	for i := 0; !s.fatal; i++ {
		s.path = strconv.AppendInt(append(s.path[:base], '/'), int64(i), 10)
		var ev reflect.Value
		if v.IsValid() {
			if i >= v.Cap() {
				v.Grow(1)
			}
			v.SetLen(i + 1)
			ev = v.Index(i)
		}
		s.value(elem, ev)
		if s.fatal {
			return
		}
		s.path = s.path[:base]
		s.ws()
		if s.pos >= len(s.data) {
			s.syntax()
			return
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return
		default:
			s.syntax()
			return
		}
	}
}

// str scans a string starting at the opening quote and returns its raw
// contents and whether it holds escapes.
func (s *scanner) str() (raw []byte, escaped, ok bool) {
	s.pos++ // '"'
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			raw = s.data[start:s.pos]
			s.pos++
			return raw, escaped, true
		case c == '\\':
			escaped = true
			s.pos++
			if s.pos >= len(s.data) {
				s.syntax()
				return nil, false, false
			}
			switch s.data[s.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				if s.pos+5 > len(s.data) || !isHex4(s.data[s.pos+1:s.pos+5]) {
					s.syntax()
					return nil, false, false
				}
				s.pos += 5
			default:
				s.syntax()
				return nil, false, false
			}
		case c < 0x20:
			s.syntax()
			return nil, false, false
		default:
			s.pos++
		}
	}
	s.syntax()
	return nil, false, false
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// unescape decodes the contents of a JSON string that has escapes. The
// scanner has checked its syntax, so the standard decoder cannot fail.
func unescape(raw []byte) []byte {
	var v string
	q := make([]byte, 0, len(raw)+2)
	q = append(append(append(q, '"'), raw...), '"')
	if json.Unmarshal(q, &v) != nil {
		return raw
	}
	return []byte(v)
}

// number scans a JSON number.
func (s *scanner) number() bool {
	d := s.data
	if d[s.pos] == '-' {
		s.pos++
	}
	switch {
	case s.pos < len(d) && d[s.pos] == '0':
		s.pos++
		if s.pos < len(d) && d[s.pos] >= '0' && d[s.pos] <= '9' {
			s.syntax() // no leading zeros
			return false
		}
	case s.pos < len(d) && d[s.pos] >= '1' && d[s.pos] <= '9':
		for s.pos < len(d) && d[s.pos] >= '0' && d[s.pos] <= '9' {
			s.pos++
		}
	default:
		s.syntax()
		return false
	}
	if s.pos < len(d) && d[s.pos] == '.' {
		s.pos++
		if !s.digits() {
			return false
		}
	}
	if s.pos < len(d) && (d[s.pos] == 'e' || d[s.pos] == 'E') {
		s.pos++
		if s.pos < len(d) && (d[s.pos] == '+' || d[s.pos] == '-') {
			s.pos++
		}
		if !s.digits() {
			return false
		}
	}
	return true
}

func (s *scanner) digits() bool {
	start := s.pos
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
	}
	if s.pos == start {
		s.syntax()
		return false
	}
	return true
}

func (s *scanner) leafNumber(sh *shape, v reflect.Value, num []byte) {
	if sh == nil {
		return
	}
	if sh.kind != shapeInteger {
		s.wrongType(sh, clip(num))
		return
	}
	n, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil || n < sh.min || n > sh.max {
		s.fail("integer", clip(num), msgDecodeInteger.New(int(max(sh.min, -1<<53)), int(min(sh.max, 1<<53))))
		return
	}
	if v.IsValid() {
		v.SetInt(n)
	}
}

func (s *scanner) leafString(sh *shape, v reflect.Value, raw []byte, escaped bool) {
	if sh == nil {
		return
	}
	if sh.kind != shapeString && sh.kind != shapeText {
		s.wrongType(sh, clip(raw))
		return
	}
	text := raw
	if escaped || !utf8.Valid(raw) {
		text = unescape(raw) // as encoding/json: escapes decoded, bad UTF-8 replaced
	}
	if sh.kind == shapeString {
		if v.IsValid() {
			v.SetString(string(text))
		}
		return
	}
	if !sh.check(text) {
		switch sh.class {
		case textEnum:
			s.fail("enum", clip(text), msgDecodeEnum.New(clip(text), strings.Join(sh.enum, ", ")))
		case textDate:
			s.fail("date", clip(text), msgDecodeDate.New(clip(text)))
		case textUUID:
			s.fail("uuid", clip(text), msgDecodeUUID.New(clip(text)))
		case textCitation:
			s.fail("citation", clip(text), msgDecodeCitation.New(clip(text)))
		}
		return
	}
	if v.IsValid() {
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
			s.fail("decode", clip(text), msgDecodeFailed.New()) // unreachable: check accepted it
		}
	}
}

// clip shortens a value quoted in an error to at most 64 bytes, at a
// rune boundary.
func clip[T ~string | ~[]byte](v T) string {
	const n = 64
	if len(v) <= n {
		return string(v)
	}
	i := n
	for i > 0 && v[i]&0xC0 == 0x80 {
		i--
	}
	return string(v[:i]) + "…"
}

// appendPointer appends a JSON Pointer reference token (RFC 6901).
func appendPointer(p, key []byte) []byte {
	for _, c := range key {
		switch c {
		case '~':
			p = append(p, '~', '0')
		case '/':
			p = append(p, '~', '1')
		default:
			p = append(p, c)
		}
	}
	return p
}

func (sh *shape) jsonTypeMessage() medsec.Message {
	switch sh.kind {
	case shapeObject:
		return msgTypeObject.New()
	case shapeArray:
		return msgTypeArray.New()
	case shapeInteger:
		return msgTypeInteger.New()
	case shapeBoolean:
		return msgTypeBoolean.New()
	}
	return msgTypeString.New()
}
