package strictjson

import (
	"encoding"
	"math"
	"reflect"
	"strings"
	"sync"
)

// kind is the JSON kind a Go type expects, with the way it is stored.
type kind uint8

const (
	kObject kind = iota + 1 // a struct
	kMap                    // a map with string or text keys
	kArray                  // a slice
	kString
	kInt
	kUint
	kFloat
	kBool
	kText // a string read by an encoding.TextUnmarshaler
	kEnum // a string naming a value of a uint8 enumeration
	kAny  // an empty interface: any JSON value but null
	kRaw  // json.RawMessage: a checked JSON value kept as it is
	kJSON // a value read by a json.Unmarshaler, after the JSON is checked
)

// A shape is the JSON structure of a Go type, derived once by reflection.
type shape struct {
	kind kind
	typ  reflect.Type

	fields []field // kObject
	elem   *shape  // kArray, kMap
	key    *shape  // kMap: nil for string keys, else a kText or kEnum shape

	maxItems int               // kArray, kMap
	min, max int64             // kInt
	hasMin   bool              // kInt: a field's limit raises the minimum of the Go type
	hasMax   bool              // kInt, kUint: a field's limit lowers the maximum of the Go type
	required bool              // the field must have a value: null gets a message that says so
	notEmpty bool              // kString: the text, when given, must not be empty
	umax     uint64            // kUint
	bits     int               // kFloat
	rule     *TextRule         // kText: the caller's rule, or nil
	enum     map[string]uint64 // kEnum, and kText with an Enum rule
	enumList string            // kEnum, and kText with an Enum rule: the names, comma-separated
	canon    bool              // kText of a string type: the stored text must equal the input
}

// A field is one member of a JSON object.
type field struct {
	index int // Go struct field index
	name  string
	shape *shape
}

// field returns the index of the field named exactly name, or -1.
func (s *shape) field(name []byte) int {
	for i := range s.fields {
		if s.fields[i].name == string(name) {
			return i
		}
	}
	return -1
}

// foldField returns the index of the field whose name equals name in
// another letter case, or -1.
func (s *shape) foldField(name []byte) int {
	for i := range s.fields {
		if strings.EqualFold(s.fields[i].name, string(name)) {
			return i
		}
	}
	return -1
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[jsonUnmarshaler]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
)

// jsonUnmarshaler is the method set of encoding/json's Unmarshaler. The
// package does not import encoding/json, so that a program whose only
// JSON decoding is this package's does not link it; types that implement
// json.Unmarshaler implement this interface too.
type jsonUnmarshaler interface {
	UnmarshalJSON([]byte) error
}

// isRawMessage reports whether t is encoding/json's RawMessage, named
// rather than imported for the same reason.
func isRawMessage(t reflect.Type) bool {
	return t.Name() == "RawMessage" && t.PkgPath() == "encoding/json"
}

// shapeFor returns the shape of t, deriving it on first use.
func (d *Decoder) shapeFor(t reflect.Type) *shape {
	if sh, ok := d.shapes.Load(t); ok {
		return sh.(*shape)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	b := builder{d: d, done: map[reflect.Type]*shape{}}
	sh := b.shapeOf(t)
	for t, s := range b.done {
		d.shapes.LoadOrStore(t, s)
	}
	actual, _ := d.shapes.LoadOrStore(t, sh)
	return actual.(*shape)
}

// A builder derives shapes; done holds the shapes of the types seen, so
// that recursive types terminate.
type builder struct {
	d    *Decoder
	done map[reflect.Type]*shape
}

func (b *builder) shapeOf(t reflect.Type) *shape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if sh, ok := b.d.shapes.Load(t); ok {
		return sh.(*shape)
	}
	if sh, ok := b.done[t]; ok {
		return sh
	}
	sh := &shape{typ: t}
	b.done[t] = sh
	switch {
	case isRawMessage(t):
		sh.kind = kRaw
	case reflect.PointerTo(t).Implements(textUnmarshalerType):
		b.text(sh, t)
	case reflect.PointerTo(t).Implements(jsonUnmarshalerType):
		sh.kind = kJSON
	default:
		b.plain(sh, t)
	}
	return sh
}

func (b *builder) plain(sh *shape, t reflect.Type) {
	switch t.Kind() {
	case reflect.Struct:
		sh.kind = kObject
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" && opts == "" {
				continue
			}
			if f.Anonymous {
				panic("strictjson: embedded field " + f.Name + " of " + t.String() + " is not supported")
			}
			if !f.IsExported() {
				continue
			}
			for _, o := range strings.Split(opts, ",") {
				if o == "string" {
					panic("strictjson: the ,string option of " + t.String() + "." + f.Name + " is not supported")
				}
			}
			if name == "" {
				name = f.Name
			}
			fs := b.shapeOf(f.Type)
			if b.d.cfg.Field != nil {
				fs = fs.limit(b.d.cfg.Field(t, f))
			}
			sh.fields = append(sh.fields, field{index: i, name: name, shape: fs})
		}
		if len(sh.fields) > 128 {
			panic("strictjson: " + t.String() + " has more than 128 fields")
		}
	case reflect.Slice:
		sh.kind, sh.maxItems = kArray, b.d.cfg.MaxItems
		sh.elem = b.shapeOf(t.Elem())
	case reflect.Map:
		sh.kind, sh.maxItems = kMap, b.d.cfg.MaxItems
		kt := t.Key()
		switch {
		case reflect.PointerTo(kt).Implements(textUnmarshalerType):
			sh.key = b.shapeOf(kt)
		case kt.Kind() == reflect.String:
		default:
			panic("strictjson: map key type " + kt.String() + " is not supported")
		}
		sh.elem = b.shapeOf(t.Elem())
	case reflect.String:
		sh.kind = kString
	case reflect.Bool:
		sh.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sh.kind = kInt
		sh.min, sh.max = int64(math.MinInt64)>>(64-t.Bits()), int64(math.MaxInt64)>>(64-t.Bits())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		sh.kind = kUint
		sh.umax = uint64(math.MaxUint64) >> (64 - t.Bits())
	case reflect.Float32, reflect.Float64:
		sh.kind, sh.bits = kFloat, t.Bits()
	case reflect.Interface:
		if t.NumMethod() != 0 {
			panic("strictjson: interface type " + t.String() + " is not supported")
		}
		sh.kind = kAny
	default:
		panic("strictjson: type " + t.String() + " is not supported")
	}
}

// text derives the shape of a type that reads itself from a string.
func (b *builder) text(sh *shape, t reflect.Type) {
	sh.kind = kText
	if r, ok := b.d.cfg.Text[t]; ok {
		sh.rule = &r
		if r.Enum != nil {
			sh.enum = make(map[string]uint64, len(r.Enum))
			for _, e := range r.Enum {
				sh.enum[e] = 0
			}
			sh.enumList = strings.Join(r.Enum, ", ")
		}
		return
	}
	if t.Kind() == reflect.String {
		sh.canon = true
		return
	}
	if t.Kind() != reflect.Uint8 || !t.Implements(textMarshalerType) {
		return
	}
	if e := enumOf(t); e != nil {
		sh.kind, sh.enum, sh.enumList = kEnum, e.names, e.list
	}
}

// An enumTable holds the names of the values of a uint8 enumeration.
type enumTable struct {
	names map[string]uint64
	list  string // the names, comma-separated
}

// enumTables caches enumOf: the names of a type's values do not depend on
// a Decoder's configuration, and every package's decoder meets the
// module's shared enumerations (jurisdictions, confidence...). It maps a
// reflect.Type to an *enumTable, nil for a type that is not a plain
// enumeration; entries are never changed once stored.
var enumTables sync.Map

// enumOf returns the names of the uint8 type t, whose pointer implements
// encoding.TextUnmarshaler and which implements encoding.TextMarshaler:
// the values from the first that marshals up to the next that does not
// have names, and each name must read back as its value. It returns nil
// when t is not such a plain enumeration, to be read by UnmarshalText.
func enumOf(t reflect.Type) *enumTable {
	if e, ok := enumTables.Load(t); ok {
		return e.(*enumTable)
	}
	e := deriveEnum(t)
	enumTables.Store(t, e)
	return e
}

func deriveEnum(t reflect.Type) *enumTable {
	names := map[string]uint64{}
	var list []string
	for i := range 256 {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		m, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil || len(m) == 0 {
			if len(list) > 0 {
				break
			}
			continue
		}
		back := reflect.New(t)
		if back.Interface().(encoding.TextUnmarshaler).UnmarshalText(m) != nil || back.Elem().Uint() != uint64(i) {
			return nil
		}
		if _, dup := names[string(m)]; !dup {
			names[string(m)] = uint64(i)
			list = append(list, string(m))
		}
	}
	if len(names) == 0 {
		return nil
	}
	return &enumTable{names: names, list: strings.Join(list, ", ")}
}

// limit returns s with the limits of a field applied, s itself when they
// change nothing.
func (s *shape) limit(l Limits) *shape {
	c := *s
	if l.Required {
		c.required = true
	}
	if l.NotEmpty && s.kind == kString {
		c.notEmpty = true
	}
	switch {
	case l.MaxItems > 0 && (s.kind == kArray || s.kind == kMap):
		c.maxItems = l.MaxItems
	case s.kind == kInt:
		if l.HasMax && l.Max < c.max {
			c.max, c.hasMax = l.Max, true
		}
		if l.HasMin && l.Min > c.min {
			c.min, c.hasMin = l.Min, true
		}
	case s.kind == kUint:
		if l.HasMax && l.Max >= 0 && uint64(l.Max) < c.umax {
			c.umax, c.hasMax = uint64(l.Max), true
		}
	}
	if c.required == s.required && c.notEmpty == s.notEmpty && c.maxItems == s.maxItems && c.min == s.min && c.max == s.max && c.umax == s.umax {
		return s
	}
	return &c
}
