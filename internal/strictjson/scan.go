package strictjson

import (
	"bytes"
	"encoding"
	"math"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/medsec-go/medsec/internal/errcap"
)

// A scanner decodes one JSON text into a Go value in one pass, checking it
// against the value's shape. It tracks the JSON Pointer of the current
// value in path and records errors with it. Syntax errors stop the scan
// (fatal); other errors do not. Values are filled only into a valid
// reflect.Value; inside unknown fields, after a type error and beyond a
// list's limit the target is the zero Value and the scan only checks the
// JSON (syntax, keys, text).
type scanner struct {
	data     []byte
	pos      int
	path     []byte
	base     int // length of the caller's base path
	depth    int
	maxDepth int
	maxItems int
	noEmpty  bool // Config.NoEmptyStrings
	shareRaw bool // Config.ShareRaw
	fatal    bool
	errs     errcap.List[*Error]
	buf      []byte // scratch: unescaped text
	keyBuf   []byte // keys of the open objects; see repeated
	keyRefs  []keyRef
	textErr  func(error) (string, Message, bool)
}

func (s *scanner) result() Errors {
	if s.errs.Len() == 0 {
		return nil
	}
	errs, n := s.errs.Result()
	if n > 0 {
		errs = append(errs, More(n))
	}
	return errs
}

// full reports whether the error list is full; if so it counts the error
// the caller was about to build, which the caller then skips.
func (s *scanner) full() bool {
	if s.errs.Full() {
		s.errs.Skip()
		return true
	}
	return false
}

// fail records an error at the current path. Callers whose value or
// message costs memory check full first and call add.
func (s *scanner) fail(rule, value string, m Message) {
	if !s.full() {
		s.add(rule, value, m)
	}
}

// add records an error at the current path; the caller has checked full.
func (s *scanner) add(rule, value string, m Message) {
	s.errs.Add(&Error{Path: string(s.path), Rule: rule, Value: value, Message: m})
}

func (s *scanner) syntax() {
	line, col := s.lineCol(s.pos)
	s.fail("syntax", "", msgSyntax.New(line, col, s.pos))
	s.fatal = true
}

var bom = []byte("\xEF\xBB\xBF")

func (s *scanner) document(sh *shape, v reflect.Value) {
	s.base = len(s.path)
	if bytes.HasPrefix(s.data, bom) {
		s.fail("bom", "", msgBOM.New())
		return
	}
	s.ws()
	if s.pos >= len(s.data) {
		if sh != nil && sh.kind == kArray {
			s.fail("empty", "", msgEmptyArray.New())
		} else {
			s.fail("empty", "", msgEmpty.New())
		}
		return
	}
	s.value(sh, v)
	if s.fatal {
		return
	}
	s.ws()
	if s.pos < len(s.data) {
		s.path = s.path[:s.base]
		line, col := s.lineCol(s.pos)
		s.fail("trailing", "", msgTrailing.New(line, col, s.pos))
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

// value scans one value; sh is nil where only the JSON is checked. When v
// is valid the value is stored in it; pointers are allocated on the way.
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
	if sh != nil && c != 'n' {
		switch sh.kind {
		case kRaw:
			start := s.pos
			s.value(nil, reflect.Value{})
			if !s.fatal && v.IsValid() {
				raw := s.data[start:s.pos:s.pos]
				if !s.shareRaw {
					raw = bytes.Clone(raw)
				}
				v.SetBytes(raw)
			}
			return
		case kJSON:
			// The JSON is checked first (syntax, keys, text), so that the
			// type's own decoder sees only well-formed input.
			start, n := s.pos, s.errs.Len()
			s.value(nil, reflect.Value{})
			if s.fatal || s.errs.Len() > n {
				return
			}
			if !v.IsValid() {
				v = reflect.New(sh.typ).Elem()
			}
			raw := s.data[start:s.pos]
			if err := v.Addr().Interface().(jsonUnmarshaler).UnmarshalJSON(raw); err != nil && !s.full() {
				t := clip(raw)
				s.errs.Add(&Error{Path: string(s.path), Rule: "value", Value: t, Message: msgText.New(t, clipMessage(err.Error()))})
			}
			return
		case kAny:
			x := s.anyValue()
			if x != nil && v.IsValid() {
				v.Set(reflect.ValueOf(x))
			}
			return
		}
	}
	switch {
	case c == '{':
		s.object(sh, v)
	case c == '[':
		s.array(sh, v)
	case c == '"':
		raw, escaped, p, ok := s.str()
		if ok {
			s.leafString(sh, v, raw, escaped, p)
		}
	case c == '-' || c >= '0' && c <= '9':
		start := s.pos
		if s.number() {
			s.leafNumber(sh, v, s.data[start:s.pos])
		}
	case c == 't':
		if s.literal("true", sh) && v.IsValid() {
			v.SetBool(true)
		}
	case c == 'f':
		if s.literal("false", sh) && v.IsValid() {
			v.SetBool(false)
		}
	case c == 'n':
		if s.literal("null", nil) && sh != nil {
			if sh.required {
				s.fail("null", "null", msgNullRequired.New())
			} else {
				s.fail("null", "null", msgNull.New())
			}
		}
	default:
		s.syntax()
	}
}

// lineCol returns the line and column, counted from 1, of byte pos; the
// column counts characters.
func (s *scanner) lineCol(pos int) (line, col int) {
	pos = min(pos, len(s.data))
	start := bytes.LastIndexByte(s.data[:pos], '\n') + 1
	return bytes.Count(s.data[:start], []byte{'\n'}) + 1, utf8.RuneCount(s.data[start:pos]) + 1
}

// wrongType records that the value (its raw text) has the wrong JSON type.
func (s *scanner) wrongType(sh *shape, value []byte) {
	if s.full() {
		return
	}
	var m Template
	switch sh.kind {
	case kObject, kMap:
		m = msgWantObject
	case kArray:
		m = msgWantArray
	case kInt, kUint:
		m = msgWantInteger
	case kFloat:
		m = msgWantNumber
	case kBool:
		m = msgWantBoolean
	default:
		m = msgWantString
	}
	s.add("type", clip(value), m.New())
}

// literal scans true, false or null; a boolean is checked against sh.
func (s *scanner) literal(lit string, sh *shape) bool {
	if !bytes.HasPrefix(s.data[s.pos:], []byte(lit)) {
		s.syntax()
		return false
	}
	s.pos += len(lit)
	if sh != nil && sh.kind != kBool {
		s.wrongType(sh, []byte(lit))
		return false
	}
	return true
}

func (s *scanner) enter() bool {
	s.depth++
	if s.depth > s.maxDepth {
		s.fail("depth", "", msgTooDeep.New(s.maxDepth))
		s.fatal = true
		return false
	}
	return true
}

// bits is a set of struct field indices.
type bits [2]uint64

func (b *bits) has(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }
func (b *bits) set(i int)      { b[i>>6] |= 1 << (uint(i) & 63) }

// The keys of the open objects are kept on a stack, so that repeated keys
// are found without allocating per object: keyBuf holds their folded
// forms (and their spellings where these differ), keyRefs points into it.
// An object with many keys also indexes them in a map.
type keyRef struct {
	fold, orig [2]int32 // spans of keyBuf; orig[0] < 0: the key is its own folded form
}

// objKeys are the keys of one open object.
type objKeys struct {
	base, bufBase int // where the object's keys start in keyRefs, keyBuf
	// big indexes the keys of an object with many keys: folded key → the
	// key as written, "" when that is the folded form. Keys are then no
	// longer put on the stack.
	big map[string]string
}

// manyKeys is the number of keys from which an object indexes them in a
// map rather than searching the stack.
const manyKeys = 32

func (s *scanner) openKeys() objKeys { return objKeys{base: len(s.keyRefs), bufBase: len(s.keyBuf)} }

func (s *scanner) closeKeys(k *objKeys) {
	s.keyRefs, s.keyBuf = s.keyRefs[:k.base], s.keyBuf[:k.bufBase]
}

// repeated reports whether key repeats an earlier key of the object, in
// the same or another letter case, and records the error; otherwise it
// remembers key. ks is key as a string when the caller has made one, or "".
func (s *scanner) repeated(k *objKeys, key []byte, ks string) bool {
	start := len(s.keyBuf)
	s.keyBuf = appendFold(s.keyBuf, key)
	fold := s.keyBuf[start:]
	if k.big != nil {
		prev, ok := k.big[string(fold)]
		switch {
		case ok && prev == "":
			s.duplicate(key, bytes.Equal(fold, key))
		case ok:
			s.duplicate(key, prev == string(key))
		case bytes.Equal(fold, key) && ks != "":
			k.big[ks] = "" // the caller's string: no copy of the key
		case bytes.Equal(fold, key):
			k.big[string(fold)] = ""
		default:
			k.big[string(fold)] = string(key)
		}
		s.keyBuf = s.keyBuf[:start]
		return ok
	}
	for i := k.base; i < len(s.keyRefs); i++ {
		if r := s.keyRefs[i]; bytes.Equal(s.keyBuf[r.fold[0]:r.fold[1]], fold) {
			prev := s.keyBuf[r.fold[0]:r.fold[1]]
			if r.orig[0] >= 0 {
				prev = s.keyBuf[r.orig[0]:r.orig[1]]
			}
			s.duplicate(key, bytes.Equal(prev, key))
			s.keyBuf = s.keyBuf[:start]
			return true
		}
	}
	ref := keyRef{fold: [2]int32{int32(start), int32(len(s.keyBuf))}, orig: [2]int32{-1, -1}}
	if !bytes.Equal(fold, key) {
		o := len(s.keyBuf)
		s.keyBuf = append(s.keyBuf, key...)
		ref.orig = [2]int32{int32(o), int32(len(s.keyBuf))}
	}
	s.keyRefs = append(s.keyRefs, ref)
	if len(s.keyRefs)-k.base == manyKeys {
		k.big = make(map[string]string, 4*manyKeys)
		for _, r := range s.keyRefs[k.base:] {
			orig := ""
			if r.orig[0] >= 0 {
				orig = string(s.keyBuf[r.orig[0]:r.orig[1]])
			}
			k.big[string(s.keyBuf[r.fold[0]:r.fold[1]])] = orig
		}
		s.closeKeys(k)
	}
	return false
}

func (s *scanner) duplicate(key []byte, exact bool) {
	if s.full() {
		return
	}
	v := clip(key)
	m := msgDuplicateCase.New(v)
	if exact {
		m = msgDuplicate.New(v)
	}
	s.errs.Add(&Error{Path: string(s.path), Rule: "duplicate-key", Value: v, Message: m})
}

func (s *scanner) object(sh *shape, v reflect.Value) {
	if sh != nil && sh.kind != kObject && sh.kind != kMap {
		s.wrongType(sh, []byte("{…}"))
		sh, v = nil, reflect.Value{} // keep checking the JSON
	}
	if !s.enter() {
		return
	}
	keys := s.openKeys() // keys other than struct fields
	defer func() { s.depth--; s.closeKeys(&keys) }()
	s.pos++                     // '{'
	var seenAny, seenExact bits // struct fields seen: in any spelling, exactly
	isMap := sh != nil && sh.kind == kMap
	if isMap && v.IsValid() && v.IsNil() {
		// Made for the members it will hold, rather than grown.
		n := 0
		if s.depth <= maxCountDepth {
			_, keys := countItems(s.data[s.pos:])
			n = min(keys, sh.maxItems)
		}
		v.Set(reflect.MakeMapWithSize(v.Type(), n))
	}
	entries := 0
	var mapKey, mapElem reflect.Value // see the isMap case below
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
		raw, escaped, prob, ok := s.str()
		if !ok {
			return
		}
		key := raw
		if prob == noProblem && escaped {
			key = s.unescape(raw)
			if i := bytes.IndexAny(key, "\t\n"); i >= 0 {
				prob = rune(key[i])
			}
		}
		s.path = append(s.path[:base], '/')
		if prob != noProblem {
			s.path = appendPointer(s.path, []byte(printable(raw, false)))
		} else {
			s.path = appendPointer(s.path, key)
		}
		s.ws()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			s.syntax()
			return
		}
		s.pos++
		var child *shape
		var cv, kv reflect.Value
		switch {
		case prob != noProblem:
			s.textProblem(raw, prob)
		case sh == nil:
			s.repeated(&keys, key, "")
		case isMap:
			// A string key is made once, for the map and for the index
			// of the keys of a large object.
			ks := ""
			if v.IsValid() && sh.key == nil {
				ks = string(key)
			}
			// Over the limit the object is an error already: its keys are
			// checked no further and not remembered.
			if entries++; entries > sh.maxItems || s.repeated(&keys, key, ks) {
				break
			}
			child = sh.elem
			if v.IsValid() {
				// One key and one value serve every entry: SetMapIndex
				// copies them into the map.
				if !mapKey.IsValid() {
					mapKey = reflect.New(v.Type().Key()).Elem()
					mapElem = reflect.New(v.Type().Elem()).Elem()
				}
				kv, cv = mapKey, mapElem
				kv.SetZero()
				cv.SetZero()
				if sh.key == nil {
					kv.SetString(ks)
				} else if !s.text(sh.key, kv, key) {
					child, kv, cv = nil, reflect.Value{}, reflect.Value{}
					break
				}
			} else if sh.key != nil {
				s.text(sh.key, reflect.Value{}, key)
			}
		default:
			child, cv = s.member(sh, v, key, &seenAny, &seenExact, &keys)
		}
		s.value(child, cv)
		if s.fatal {
			return
		}
		if kv.IsValid() {
			v.SetMapIndex(kv, cv)
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
			if isMap && entries > sh.maxItems {
				if !s.full() {
					s.add("max-items", strconv.Itoa(entries), msgMaxItems.New(sh.maxItems))
				}
			}
			return
		default:
			s.syntax()
			return
		}
	}
}

// member resolves key in a struct object: it returns the field's shape and
// value, or records an unknown or repeated key and returns nil.
func (s *scanner) member(sh *shape, v reflect.Value, key []byte, seenAny, seenExact *bits, keys *objKeys) (*shape, reflect.Value) {
	if i := sh.field(key); i >= 0 {
		exact, other := seenExact.has(i), seenAny.has(i)
		seenAny.set(i)
		seenExact.set(i)
		switch {
		case exact:
			s.duplicate(key, true)
			return sh.fields[i].shape, reflect.Value{} // check the value all the same
		case other:
			s.duplicate(key, false)
			return sh.fields[i].shape, reflect.Value{}
		}
		if v.IsValid() {
			return sh.fields[i].shape, v.Field(sh.fields[i].index)
		}
		return sh.fields[i].shape, reflect.Value{}
	}
	// Every other key is an error, unknown or repeated. Once the error list
	// is full, repeats need not be told apart, and remembering the keys
	// would only cost memory.
	if !s.errs.Full() && s.repeated(keys, key, "") {
		return nil, reflect.Value{}
	}
	if i := sh.foldField(key); i >= 0 {
		if seenAny.has(i) {
			s.duplicate(key, false)
		} else if !s.full() {
			k := clip(key)
			s.errs.Add(&Error{Path: string(s.path), Rule: "unknown-field", Value: k, Message: msgUnknownCase.New(k, sh.fields[i].name)})
		}
		seenAny.set(i)
		return nil, reflect.Value{}
	}
	if !s.full() {
		k := clip(key)
		s.errs.Add(&Error{Path: string(s.path), Rule: "unknown-field", Value: k, Message: msgUnknown.New(k)})
	}
	return nil, reflect.Value{}
}

func (s *scanner) array(sh *shape, v reflect.Value) {
	if sh != nil && sh.kind != kArray {
		s.wrongType(sh, []byte("[…]"))
		sh, v = nil, reflect.Value{}
	}
	if !s.enter() {
		return
	}
	defer func() { s.depth-- }()
	s.pos++ // '['
	var elem *shape
	limit := 0
	if sh != nil {
		elem, limit = sh.elem, sh.maxItems
	}
	if v.IsValid() {
		// Like encoding/json: "[]" gives an empty, non-nil slice. A
		// slice of large structs is made as long as the objects it will
		// hold (see countItems), rather than grown by copying them.
		n := 0
		if elem != nil && elem.kind == kObject && v.Type().Elem().Size() >= 64 && s.depth <= maxCountDepth {
			objects, _ := countItems(s.data[s.pos:])
			n = min(objects, limit)
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, n))
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
		es := elem
		if sh != nil && i >= limit {
			es = nil // over the limit: check the JSON only
		} else if v.IsValid() {
			if i >= v.Cap() {
				v.Grow(1)
			}
			v.SetLen(i + 1)
			ev = v.Index(i)
		}
		s.value(es, ev)
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
			if sh != nil && i >= limit {
				if !s.full() {
					s.add("max-items", strconv.Itoa(i+1), msgMaxItems.New(limit))
				}
			}
			return
		default:
			s.syntax()
			return
		}
	}
}

// maxCountDepth is the deepest nesting at which a slice or map is sized by
// counting (countItems): each count reads the rest of its
// value again, so counting at every level of a deeply nested, recursive
// type would read the input once per level. The long lists of medsec's
// files are near the top.
const maxCountDepth = 3

// countItems reads the array or object that d starts within (after its
// '[' or '{') to its end, and returns the number of objects directly
// inside it (the items of an array of objects) and of colons directly
// inside it that follow a string (the keys of an object); zeros when it
// does not end. It looks only at brackets, braces, colons and the quotes
// of strings, so it counts right for valid JSON. For other input the scan
// that follows reports the error, and the counts, which only size a slice
// or a map, are never more than the objects or keys the input opens:
// "{::::}" has no keys.
func countItems(d []byte) (objects, keys int) {
	depth := 1
	key := false // the last thing seen directly inside was a string
	for i := 0; i < len(d); i++ {
		switch d[i] {
		case '"':
			// The string ends at the first quote not escaped, that is not
			// after an odd run of backslashes; IndexByte finds quotes
			// faster than a loop over every byte of the text.
			for {
				j := bytes.IndexByte(d[i+1:], '"')
				if j < 0 {
					return 0, 0
				}
				i += 1 + j
				n := 0
				for k := i - 1; d[k] == '\\'; k-- {
					n++
				}
				if n%2 == 0 {
					break
				}
			}
			key = depth == 1
			continue
		case ' ', '\t', '\n', '\r':
			continue
		case ':':
			if key {
				keys++
			}
		case '{':
			if depth == 1 {
				objects++
			}
			depth++
		case '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return objects, keys
			}
		}
		key = false
	}
	return 0, 0
}

// anyValue scans a value into an empty interface: objects become
// map[string]any, arrays []any, numbers float64, as in encoding/json.
func (s *scanner) anyValue() any {
	if s.fatal {
		return nil
	}
	s.ws()
	if s.pos >= len(s.data) {
		s.syntax()
		return nil
	}
	switch c := s.data[s.pos]; {
	case c == '{':
		if !s.enter() {
			return nil
		}
		keys := s.openKeys()
		defer func() { s.depth--; s.closeKeys(&keys) }()
		s.pos++
		m := map[string]any{}
		entries := 0
		base := len(s.path)
		s.ws()
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			return m
		}
		for !s.fatal {
			s.ws()
			if s.pos >= len(s.data) || s.data[s.pos] != '"' {
				s.syntax()
				return nil
			}
			raw, escaped, prob, ok := s.str()
			if !ok {
				return nil
			}
			key := raw
			if prob == noProblem && escaped {
				key = s.unescape(raw)
				if i := bytes.IndexAny(key, "\t\n"); i >= 0 {
					prob = rune(key[i])
				}
			}
			s.path = append(s.path[:base], '/')
			if prob != noProblem {
				s.path = appendPointer(s.path, []byte(printable(raw, false)))
				s.textProblem(raw, prob)
			} else {
				s.path = appendPointer(s.path, key)
			}
			k := ""
			entries++
			bad := prob != noProblem || entries > s.maxItems
			if !bad {
				k = string(key)
				bad = s.repeated(&keys, key, k)
			}
			s.ws()
			if s.pos >= len(s.data) || s.data[s.pos] != ':' {
				s.syntax()
				return nil
			}
			s.pos++
			x := s.anyValue()
			if !bad && x != nil {
				m[k] = x
			}
			s.path = s.path[:base]
			s.ws()
			if s.pos >= len(s.data) {
				s.syntax()
				return nil
			}
			switch s.data[s.pos] {
			case ',':
				s.pos++
			case '}':
				s.pos++
				if entries > s.maxItems && !s.full() {
					s.path = s.path[:base]
					s.add("max-items", strconv.Itoa(entries), msgMaxItems.New(s.maxItems))
				}
				return m
			default:
				s.syntax()
				return nil
			}
		}
		return nil
	case c == '[':
		if !s.enter() {
			return nil
		}
		defer func() { s.depth-- }()
		s.pos++
		a := []any{}
		base := len(s.path)
		s.ws()
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return a
		}
		for i := 0; !s.fatal; i++ {
			s.path = strconv.AppendInt(append(s.path[:base], '/'), int64(i), 10)
			x := s.anyValue()
			if i < s.maxItems {
				a = append(a, x)
			}
			s.path = s.path[:base]
			s.ws()
			if s.pos >= len(s.data) {
				s.syntax()
				return nil
			}
			switch s.data[s.pos] {
			case ',':
				s.pos++
			case ']':
				s.pos++
				if i >= s.maxItems {
					if !s.full() {
						s.add("max-items", strconv.Itoa(i+1), msgMaxItems.New(s.maxItems))
					}
				}
				return a
			default:
				s.syntax()
				return nil
			}
		}
		return nil
	case c == '"':
		raw, escaped, p, ok := s.str()
		if !ok {
			return nil
		}
		if p != noProblem {
			s.textProblem(raw, p)
			return nil
		}
		if escaped {
			return string(s.unescape(raw))
		}
		return string(raw)
	case c == '-' || c >= '0' && c <= '9':
		start := s.pos
		if !s.number() {
			return nil
		}
		f, err := strconv.ParseFloat(string(s.data[start:s.pos]), 64)
		if err != nil {
			if !s.full() {
				s.add("number", clip(s.data[start:s.pos]), msgNumber.New(clip(s.data[start:s.pos])))
			}
			return nil
		}
		return f
	case c == 't':
		if s.literal("true", nil) {
			return true
		}
	case c == 'f':
		if s.literal("false", nil) {
			return false
		}
	case c == 'n':
		if s.literal("null", nil) {
			s.fail("null", "null", msgNull.New())
		}
	default:
		s.syntax()
	}
	return nil
}

// strClass classifies the bytes of a JSON string: 0 is plain ASCII.
var strClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = clsCtl
	}
	t['"'], t['\\'], t[0x7F] = clsQuote, clsEscape, clsDEL
	for c := 0x80; c < 0x100; c++ {
		t[c] = clsMulti
	}
	return t
}()

const (
	clsPlain = iota
	clsQuote
	clsEscape
	clsCtl
	clsDEL
	clsMulti
)

// str scans a string starting at the opening quote and returns its raw
// contents, whether it holds escapes, and the first problem of its text:
// badUTF8 for invalid UTF-8 or an unpaired surrogate escape, a control
// character that is not allowed, or noProblem. ok is false after a syntax
// error.
func (s *scanner) str() (raw []byte, escaped bool, prob rune, ok bool) {
	d := s.data
	s.pos++ // '"'
	start := s.pos
	prob = noProblem
	for {
		for s.pos < len(d) && strClass[d[s.pos]] == clsPlain {
			s.pos++
		}
		if s.pos >= len(d) {
			break
		}
		switch strClass[d[s.pos]] {
		case clsQuote:
			raw = d[start:s.pos]
			s.pos++
			return raw, escaped, prob, true
		case clsMulti:
			r, n := utf8.DecodeRune(d[s.pos:])
			if r == utf8.RuneError && n == 1 {
				prob = firstProblem(prob, badUTF8)
			} else if r <= 0x9F || r == 0x2028 || r == 0x2029 {
				prob = firstProblem(prob, r)
			}
			s.pos += n
		case clsDEL:
			prob = firstProblem(prob, 0x7F)
			s.pos++
		case clsEscape:
			escaped = true
			s.pos++
			if s.pos >= len(d) {
				s.syntax()
				return nil, false, prob, false
			}
			switch c := d[s.pos]; c {
			case '"', '\\', '/', 'n', 't':
				s.pos++
			case 'b', 'f', 'r':
				prob = firstProblem(prob, rune(unescapeByte[c]))
				s.pos++
			case 'u':
				if s.pos+5 > len(d) || !isHex4(d[s.pos+1:s.pos+5]) {
					s.syntax()
					return nil, false, prob, false
				}
				r := hex4(d[s.pos+1:])
				s.pos += 5
				switch {
				case r >= 0xD800 && r < 0xDC00:
					// A high surrogate must be followed by a low one.
					if s.pos+6 <= len(d) && d[s.pos] == '\\' && d[s.pos+1] == 'u' && isHex4(d[s.pos+2:s.pos+6]) {
						if lo := hex4(d[s.pos+2:]); lo >= 0xDC00 && lo <= 0xDFFF {
							s.pos += 6
							continue
						}
					}
					prob = firstProblem(prob, badUTF8)
				case r >= 0xDC00 && r <= 0xDFFF:
					prob = firstProblem(prob, badUTF8)
				case isControl(r):
					prob = firstProblem(prob, r)
				}
			default:
				s.syntax()
				return nil, false, prob, false
			}
		default: // a raw control character
			s.syntax()
			return nil, false, prob, false
		}
	}
	s.syntax()
	return nil, false, prob, false
}

// Problems of a string's text, as str reports them: a control character
// is reported as itself, invalid UTF-8 as badUTF8.
const (
	noProblem = -2
	badUTF8   = -1
)

func firstProblem(prev, p rune) rune {
	if prev != noProblem {
		return prev
	}
	return p
}

var unescapeByte = [256]byte{'n': '\n', 't': '\t', 'b': '\b', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', '/': '/'}

// isControl reports whether r is a control character the decoder rejects
// in text: C0 but tab and line feed, DEL, C1, and the Unicode line and
// paragraph separators.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F || r == 0x2028 || r == 0x2029
}

// textProblem records the problem p of a string's text at the current
// path.
func (s *scanner) textProblem(raw []byte, p rune) {
	if s.full() {
		return
	}
	v := clip(raw)
	if p == badUTF8 {
		s.errs.Add(&Error{Path: string(s.path), Rule: "utf8", Value: v, Message: msgUTF8.New()})
		return
	}
	s.errs.Add(&Error{Path: string(s.path), Rule: "control", Value: v, Message: msgControl.New(codePoint(p))})
}

func codePoint(r rune) string {
	const hex = "0123456789ABCDEF"
	return "U+" + string([]byte{hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]})
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		default:
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

// unescape decodes the contents of a string that str accepted without a
// problem into
// the scratch buffer, which the next call overwrites.
func (s *scanner) unescape(raw []byte) []byte {
	b := s.buf[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		switch raw[i+1] {
		case 'u':
			r := hex4(raw[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				r = utf16.DecodeRune(r, hex4(raw[i+2:i+6]))
				i += 6
			}
			b = utf8.AppendRune(b, r)
			continue
		default:
			c = unescapeByte[raw[i+1]]
		}
		b = append(b, c)
		i += 2
	}
	s.buf = b
	return b
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
	switch sh.kind {
	case kInt:
		n, whole, inRange := integer(num)
		if !whole || !inRange || n < sh.min || n > sh.max {
			if !s.full() {
				s.add("integer", clip(num), intMessage(sh, num, whole, sh.min, sh.max))
			}
			return
		}
		if v.IsValid() {
			v.SetInt(n)
		}
	case kUint:
		n, whole, inRange := integer(num)
		if !whole || !inRange || n < 0 || uint64(n) > sh.umax {
			if !s.full() {
				s.add("integer", clip(num), intMessage(sh, num, whole, 0, int64(min(sh.umax, math.MaxInt64))))
			}
			return
		}
		if v.IsValid() {
			v.SetUint(uint64(n))
		}
	case kFloat:
		f, err := strconv.ParseFloat(string(num), sh.bits)
		if err != nil {
			if !s.full() {
				s.add("number", clip(num), msgNumber.New(clip(num)))
			}
			return
		}
		if v.IsValid() {
			v.SetFloat(f)
		}
	default:
		s.wrongType(sh, num)
	}
}

func (s *scanner) leafString(sh *shape, v reflect.Value, raw []byte, escaped bool, p rune) {
	if p != noProblem {
		s.textProblem(raw, p)
		return
	}
	if sh == nil {
		return
	}
	switch sh.kind {
	case kString, kText, kEnum:
	default:
		s.wrongType(sh, raw)
		return
	}
	if len(raw) == 0 && s.noEmpty {
		s.fail("empty", "", msgEmptyString.New())
		return
	}
	text := raw
	if escaped {
		text = s.unescape(raw)
	}
	if sh.kind == kString {
		if sh.notEmpty && len(text) == 0 {
			s.fail("empty", "", msgEmptyText.New())
			return
		}
		if v.IsValid() {
			v.SetString(string(text))
		}
		return
	}
	s.text(sh, v, text)
}

// text checks a text leaf (a value or a map key) and stores it in v when v
// is valid. It reports whether the text is accepted.
func (s *scanner) text(sh *shape, v reflect.Value, text []byte) bool {
	if sh.enum != nil {
		n, ok := sh.enum[string(text)]
		if !ok {
			if !s.full() {
				t := clip(text)
				s.errs.Add(&Error{Path: string(s.path), Rule: "enum", Value: t, Message: msgEnum.New(t, sh.enumList)})
			}
			return false
		}
		if sh.kind == kEnum {
			if v.IsValid() {
				v.SetUint(n)
			}
			return true
		}
	}
	if r := sh.rule; r != nil && r.Explain != nil {
		if m, bad := r.Explain(text); bad {
			if !s.full() {
				s.errs.Add(&Error{Path: string(s.path), Rule: r.Rule, Value: clip(text), Message: m})
			}
			return false
		}
	} else if r != nil && r.Valid != nil && !r.Valid(text) {
		if !s.full() {
			t := clip(text)
			s.errs.Add(&Error{Path: string(s.path), Rule: r.Rule, Value: t, Message: r.Message.New(t)})
		}
		return false
	}
	if !v.IsValid() {
		v = reflect.New(sh.typ).Elem() // check the text all the same
	}
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
		if !s.full() {
			t := clip(text)
			if s.textErr != nil {
				if rule, m, ok := s.textErr(err); ok {
					s.errs.Add(&Error{Path: string(s.path), Rule: rule, Value: t, Message: m})
					return false
				}
			}
			s.errs.Add(&Error{Path: string(s.path), Rule: "text", Value: t, Message: msgText.New(t, clipMessage(err.Error()))})
		}
		return false
	}
	if sh.canon && v.String() != string(text) {
		if !s.full() {
			t := clip(text)
			s.errs.Add(&Error{Path: string(s.path), Rule: "canonical", Value: t, Message: msgCanonical.New(t, clip(v.String()))})
		}
		return false
	}
	return true
}

// Clip shortens a value quoted in an error to at most 64 bytes, at a rune
// boundary, and makes it printable: invalid UTF-8 becomes \xNN and control
// characters, tab and line feed included, \u00NN.
func Clip(v string) string { return clip(v) }

func clip[T ~string | ~[]byte](v T) string {
	const n = 64
	out, all := appendPrintable(nil, []byte(v), true, n)
	if !all {
		out = append(out, "…"...)
	}
	return string(out)
}

// clipMessage shortens an error text quoted in a message, such as the
// error of a leaf's UnmarshalText, which may quote the whole value.
func clipMessage(m string) string {
	out, all := appendPrintable(nil, []byte(m), true, 200)
	if !all {
		out = append(out, "…"...)
	}
	return string(out)
}

// printable returns b as valid UTF-8 without control characters: invalid
// bytes become \xNN and control characters \u00NN; tab and line feed are
// escaped too when all is set. It returns b unchanged when it is clean.
func printable(b []byte, all bool) string {
	out, _ := appendPrintable(nil, b, all, -1)
	return string(out)
}

// appendPrintable appends b made printable (see printable) to dst, but no
// more than limit bytes when limit ≥ 0, cutting only between runes and
// escapes. It reports whether all of b was appended.
func appendPrintable(dst, b []byte, all bool, limit int) ([]byte, bool) {
	const hex = "0123456789abcdef"
	start := len(dst)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		var piece []byte
		var esc [6]byte
		switch {
		case r == utf8.RuneError && n == 1:
			esc = [6]byte{'\\', 'x', hex[b[i]>>4], hex[b[i]&15]}
			piece = esc[:4]
		case isControl(r) || all && (r == '\t' || r == '\n'):
			esc = [6]byte{'\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]}
			piece = esc[:]
		default:
			piece = b[i : i+n]
		}
		if limit >= 0 && len(dst)-start+len(piece) > limit {
			return dst, false
		}
		dst = append(dst, piece...)
		i += n
	}
	return dst, true
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

// appendFold appends the case-folded form of key: two keys have the same
// form exactly when strings.EqualFold says they are equal. ASCII letters
// fold to lower case, so that the usual keys are their own folded form;
// other runes fold to the smallest rune of their Unicode simple folding
// orbit, or to its lower-case ASCII letter where the orbit has one (U+212A
// KELVIN SIGN folds to 'k', U+017F LONG S to 's').
func appendFold(dst, key []byte) []byte {
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(key[i:])
		i += n
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		if m >= 'A' && m <= 'Z' {
			m += 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, m)
	}
	return dst
}

// intMessage is the error of a number that is not a whole number within
// the range [lo, hi] of an integer field. It names the bounds a field's
// limits set, but not those of its Go type, which say nothing to a user.
func intMessage(sh *shape, num []byte, whole bool, lo, hi int64) Message {
	hasMin := sh.hasMin || sh.kind == kUint
	switch {
	case hasMin && sh.hasMax:
		return msgInteger.New(toInt(lo), toInt(hi))
	case !whole:
		return msgWhole.New(clip(num))
	case sh.hasMax:
		return msgIntegerMax.New(toInt(hi))
	case sh.hasMin:
		return msgIntegerMin.New(toInt(lo))
	}
	return msgNumber.New(clip(num))
}

// integer reads a JSON number as a whole number. A number written with a
// fraction or an exponent is whole when its value is: 12.0, 1.2e1 and
// 120e-1 are 12, as JSON Schema and most JSON libraries read them, while
// 12.5 is not whole. inRange is false for a whole number outside the
// range of int64.
func integer(num []byte) (n int64, whole, inRange bool) {
	neg := len(num) > 0 && num[0] == '-'
	if neg {
		num = num[1:]
	}
	// The digits of the integer and fraction parts, and the exponent.
	var digits []byte
	var buf [24]byte
	digits = buf[:0]
	exp := 0
	i := 0
	for ; i < len(num) && num[i] >= '0' && num[i] <= '9'; i++ {
		digits = append(digits, num[i])
	}
	if i < len(num) && num[i] == '.' {
		for i++; i < len(num) && num[i] >= '0' && num[i] <= '9'; i++ {
			digits = append(digits, num[i])
			exp--
		}
	}
	if i < len(num) && (num[i] == 'e' || num[i] == 'E') {
		i++
		eneg := false
		if i < len(num) && (num[i] == '+' || num[i] == '-') {
			eneg = num[i] == '-'
			i++
		}
		e := 0
		for ; i < len(num) && num[i] >= '0' && num[i] <= '9'; i++ {
			if e < 1_000_000 {
				e = e*10 + int(num[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	// Leading zeros say nothing; trailing zeros move into the exponent.
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return 0, true, true
	}
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if exp < 0 {
		return 0, false, false
	}
	if len(digits)+exp > 19 {
		return 0, true, false
	}
	var u uint64
	for _, c := range digits {
		u = u*10 + uint64(c-'0')
	}
	for range exp {
		u *= 10
	}
	switch {
	case !neg && u <= math.MaxInt64:
		return int64(u), true, true
	case neg && u <= 1<<63:
		return int64(-u), true, true
	}
	return 0, true, false
}

// toInt converts v to an int, clamped to the range of int: message
// arguments are ints.
func toInt(v int64) int { return int(max(min(v, math.MaxInt), math.MinInt)) }
