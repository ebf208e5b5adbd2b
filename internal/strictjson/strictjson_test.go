package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec/internal/apitest"
)

// level is an enumeration in the pattern of medsec's enums.
type level uint8

var levelNames = []string{"", "low", "high"}

func (l level) MarshalText() ([]byte, error) {
	if l == 0 || int(l) >= len(levelNames) {
		return nil, errors.New("level not set")
	}
	return []byte(levelNames[l]), nil
}

func (l *level) UnmarshalText(b []byte) error {
	for i := 1; i < len(levelNames); i++ {
		if levelNames[i] == string(b) {
			*l = level(i)
			return nil
		}
	}
	return fmt.Errorf("level %q is not low or high", b)
}

// code is a string type that normalises its text, like medsec.Jurisdiction.
type code string

func (c *code) UnmarshalText(b []byte) error {
	if len(b) != 2 {
		return errors.New("a code has two letters")
	}
	*c = code(strings.ToUpper(string(b)))
	return nil
}

type sub struct {
	A int `json:"a"`
}

type doc struct {
	Name    string            `json:"name"`
	Count   int8              `json:"count"`
	Size    uint16            `json:"size"`
	Ratio   float64           `json:"ratio"`
	Flag    *bool             `json:"flag"`
	Level   level             `json:"level"`
	Code    code              `json:"code"`
	When    time.Time         `json:"when"`
	Tags    []string          `json:"tags"`
	Sub     *sub              `json:"sub"`
	Map     map[string]int    `json:"map"`
	ByLevel map[level]string  `json:"byLevel"`
	Any     any               `json:"any"`
	Raw     json.RawMessage   `json:"raw"`
	Few     []int             `json:"few"`
	Small   int               `json:"small"`
	Skip    string            `json:"-"`
	NoTag   string            //
	Nested  map[string][]bool `json:"nested"`
	Rows    []row             `json:"rows"`
}

// row is a struct of 64 bytes or more: a slice of rows is made at the
// length of the objects in its array (see countItems).
type row struct {
	ID    string   `json:"id"`
	Notes []string `json:"notes"`
	Sub   []row    `json:"sub"`
	Text  string   `json:"text"`
}

var testDecoder = New(Config{
	MaxItems: 5,
	Field: func(_ reflect.Type, f reflect.StructField) Limits {
		switch f.Name {
		case "Few":
			return Limits{MaxItems: 2}
		case "Small":
			return Limits{Max: 10, HasMax: true}
		}
		return Limits{}
	},
})

const validDoc = `{"name": "a \"b\" \u00e9 \ud83d\ude00 line\nnext\ttab", "count": -128, "size": 65535, "ratio": 1.5e3,
 "flag": true, "level": "high", "code": "CZ", "when": "2026-01-02T03:04:05Z", "tags": ["x", "y"], "sub": {"a": 1},
 "map": {"k": 1, "K2": 2}, "byLevel": {"low": "l"}, "any": {"a": [1, "s", true, {"b": 2.5}]}, "raw": {"z": [1, 2]},
 "few": [1, 2], "small": 10, "NoTag": "n", "nested": {"a": [true]},
 "rows": [{"id": "r1", "notes": ["{", "[\"]"], "sub": [{"id": "s1"}, {"text": "}]"}]}, {"id": "r2"}]}`

func TestValid(t *testing.T) {
	var got doc
	if errs := testDecoder.Unmarshal([]byte(validDoc), &got); errs != nil {
		t.Fatal(errs)
	}
	var want doc
	if err := json.Unmarshal([]byte(validDoc), &want); err != nil {
		t.Fatal(err)
	}
	want.Raw, got.Raw = compactJSON(t, want.Raw), compactJSON(t, got.Raw)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("strictjson and encoding/json differ:\n got %+v\nwant %+v", got, want)
	}
	if got.Level != 2 || got.ByLevel[1] != "l" {
		t.Errorf("enum decoded wrongly: %+v", got)
	}
}

func compactJSON(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, in   string
		path, rule string
	}{
		{"empty", " \n", "", "empty"},
		{"bom", "\xEF\xBB\xBF{}", "", "bom"},
		{"syntax", `{"name": }`, "/name", "syntax"},
		{"unterminated", `{"name": "abc`, "/name", "syntax"},
		{"raw control", "{\"name\": \"a\tb\"}", "/name", "syntax"},
		{"bad escape", `{"name": "\q"}`, "/name", "syntax"},
		{"leading zero", `{"count": 01}`, "/count", "syntax"},
		{"trailing", `{} {}`, "", "trailing"},
		{"too deep", `{"any": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`, "/any" + strings.Repeat("/0", 63), "depth"},
		{"not an object", `[]`, "", "type"},
		{"wrong type string", `{"count": "1"}`, "/count", "type"},
		{"wrong type object", `{"sub": 1}`, "/sub", "type"},
		{"wrong type array", `{"tags": {}}`, "/tags", "type"},
		{"wrong type bool", `{"flag": 1}`, "/flag", "type"},
		{"wrong type number", `{"ratio": "1"}`, "/ratio", "type"},
		{"wrong type map", `{"map": []}`, "/map", "type"},
		{"null", `{"sub": null}`, "/sub", "null"},
		{"null in any", `{"any": [null]}`, "/any/0", "null"},
		{"int range", `{"count": 128}`, "/count", "integer"},
		{"int fraction", `{"count": 1.5}`, "/count", "integer"},
		{"uint negative", `{"size": -1}`, "/size", "integer"},
		{"uint range", `{"size": 65536}`, "/size", "integer"},
		{"field max", `{"small": 11}`, "/small", "integer"},
		{"float range", `{"ratio": 1e400}`, "/ratio", "number"},
		{"any float range", `{"any": -1e400}`, "/any", "number"},
		{"unknown field", `{"x": 1}`, "/x", "unknown-field"},
		{"unknown field in case", `{"Name": "a"}`, "/Name", "unknown-field"},
		{"skipped field", `{"Skip": "a"}`, "/Skip", "unknown-field"},
		{"duplicate", `{"name": "a", "name": "b"}`, "/name", "duplicate-key"},
		{"duplicate escaped", `{"name": "a", "n\u0061me": "b"}`, "/name", "duplicate-key"},
		{"duplicate case", `{"name": "a", "Name": "b"}`, "/Name", "duplicate-key"},
		{"duplicate case first", `{"NAME": "a", "name": "b"}`, "/name", "duplicate-key"},
		{"duplicate kelvin", `{"map": {"k": 1, "\u212a": 2}}`, "/map/\u212a", "duplicate-key"},
		{"duplicate map", `{"map": {"a": 1, "a": 2}}`, "/map/a", "duplicate-key"},
		{"duplicate map case", `{"map": {"ab": 1, "aB": 2}}`, "/map/aB", "duplicate-key"},
		{"duplicate unknown", `{"x": {"a": 1, "a": 2}}`, "/x/a", "duplicate-key"},
		{"duplicate any", `{"any": {"a": 1, "A": 2}}`, "/any/A", "duplicate-key"},
		{"duplicate raw", `{"raw": {"a": 1, "a": 2}}`, "/raw/a", "duplicate-key"},
		{"enum", `{"level": "High"}`, "/level", "enum"},
		{"enum zero name", `{"level": ""}`, "/level", "enum"},
		{"enum key", `{"byLevel": {"mid": "x"}}`, "/byLevel/mid", "enum"},
		{"text", `{"when": "yesterday"}`, "/when", "text"},
		{"canonical", `{"code": "cz"}`, "/code", "canonical"},
		{"text error", `{"code": "cze"}`, "/code", "text"},
		{"max items", `{"few": [1, 2, 3]}`, "/few", "max-items"},
		{"default max items", `{"tags": ["1", "2", "3", "4", "5", "6"]}`, "/tags", "max-items"},
		{"max items map", `{"map": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}}`, "/map", "max-items"},
		{"max items any", `{"any": [1, 2, 3, 4, 5, 6]}`, "/any", "max-items"},
		{"max items any object", `{"any": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}}`, "/any", "max-items"},
		{"invalid utf-8", "{\"name\": \"a\xffb\"}", "/name", "utf8"},
		{"invalid utf-8 in unknown", "{\"x\": [\"\xc3\"]}", "/x/0", "utf8"},
		{"invalid utf-8 in raw", "{\"raw\": \"\xed\xa0\x80\"}", "/raw", "utf8"},
		{"invalid utf-8 key", "{\"a\xffb\": 1}", `/a\xffb`, "utf8"},
		{"lone surrogate", `{"name": "\ud800"}`, "/name", "utf8"},
		{"lone low surrogate", `{"name": "\udc00x"}`, "/name", "utf8"},
		{"reversed surrogates", `{"name": "\ude00\ud83d"}`, "/name", "utf8"},
		{"NUL", `{"name": "a\u0000"}`, "/name", "control"},
		{"ESC", `{"name": "\u001b[31m"}`, "/name", "control"},
		{"CR", `{"name": "a\rb"}`, "/name", "control"},
		{"backspace", `{"name": "a\bb"}`, "/name", "control"},
		{"DEL", "{\"name\": \"a\x7fb\"}", "/name", "control"},
		{"C1 raw", "{\"name\": \"a\u0085b\"}", "/name", "control"},
		{"C1 escaped", `{"name": "a\u009bb"}`, "/name", "control"},
		{"line separator", "{\"name\": \"a\u2028b\"}", "/name", "control"},
		{"paragraph separator", `{"name": "a\u2029b"}`, "/name", "control"},
		{"control in any", `{"any": ["\u0007"]}`, "/any/0", "control"},
		{"control in key", `{"a\u001bb": 1}`, `/a\u001bb`, "control"},
		{"tab in key", `{"a\tb": 1}`, `/a\tb`, "control"},
		{"newline in map key", `{"map": {"a\nb": 1}}`, `/map/a\nb`, "control"},
		{"pointer escaping", `{"a/b~c": 1}`, "/a~1b~0c", "unknown-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			errs := testDecoder.Unmarshal([]byte(tt.in), &d)
			if errs == nil {
				t.Fatalf("no error")
			}
			found := false
			for _, e := range errs {
				found = found || e.Path == tt.path && e.Rule == tt.rule
				checkError(t, e)
			}
			if !found {
				t.Errorf("want %s at %q, got %v", tt.rule, tt.path, describe(errs))
			}
		})
	}
}

func describe(errs Errors) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Rule+"@"+e.Path+": "+e.Message.String())
	}
	return out
}

// checkError: every error has a rule, a translatable message whose
// arguments fit its format, and a path and value that are safe to print.
func checkError(t *testing.T, e *Error) {
	t.Helper()
	if e.Rule == "" || e.Message.Key == "" || apitest.Misformatted(e.Message, Message.String) {
		t.Errorf("bad error %+v: %s", e, e.Message)
	}
	for _, a := range e.Message.Args {
		switch a.(type) {
		case string, int:
		default:
			t.Errorf("message %s has an argument of type %T; arguments are strings and ints", e.Message.Key, a)
		}
	}
	if e.Path != "" && e.Path[0] != '/' {
		t.Errorf("path %q is not a JSON Pointer", e.Path)
	}
	for _, s := range []string{e.Path, e.Value, e.Message.String()} {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return isControl(r) || r == '\n' || r == '\t' }) {
			t.Errorf("error text %q is not printable", s)
		}
	}
	if len(e.Value) > 64+len("…") {
		t.Errorf("value %q is not clipped", e.Value)
	}
}

func TestAllowedText(t *testing.T) {
	var d doc
	in := `{"name": "tab\there, line\nthere, ` + "raw é 😀 \u00a0 \u200b" + `", "map": {"\u00e9": 1}}`
	if errs := testDecoder.Unmarshal([]byte(in), &d); errs != nil {
		t.Fatal(errs)
	}
	if d.Name != "tab\there, line\nthere, raw é 😀 \u00a0 \u200b" || d.Map["é"] != 1 {
		t.Errorf("got %q %v", d.Name, d.Map)
	}
}

func TestMessages(t *testing.T) {
	var d doc
	errs := testDecoder.Unmarshal([]byte(`{"Name": "a", "name": "b", "name": "c", "code": "cz", "when": "x", "level": "mid"}`), &d)
	want := []string{
		`unknown-field@/Name: unknown field "Name"; did you mean "name"?`,
		`duplicate-key@/name: the key "name" differs from another key of this object only in letter case`,
		`duplicate-key@/name: the key "name" appears more than once in this object`,
		`canonical@/code: "cz" is not written in its canonical form; write "CZ"`,
		`text@/when: "x" is not valid here: parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`,
		`enum@/level: "mid" is not allowed here; want one of: low, high`,
	}
	if got := describe(errs); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	const n = 1000
	for i := range n {
		fmt.Fprintf(&b, `"x%d": 1, `, i)
	}
	b.WriteString(`"name": 1}`)
	var d doc
	errs := testDecoder.Unmarshal([]byte(b.String()), &d)
	if len(errs) != 100 {
		t.Fatalf("%d errors, want 100", len(errs))
	}
	last := errs[len(errs)-1]
	if last.Rule != "too-many-errors" || last.Value != fmt.Sprint(n+1-99) || last.Message.String() != "and 902 more errors" {
		t.Errorf("last error %+v %s", last, last.Message)
	}
	if errs[98].Path != "/x98" {
		t.Errorf("errors not in document order: %v", errs[98])
	}
}

// TestLinear: the work and memory of a decode grow linearly with the
// input, also when every value is an error.
func TestLinear(t *testing.T) {
	for _, unit := range []string{`{}`, `{"x": 1}`, `"\u0000"`, `{"a":1,"A":2}`, `[[[]]]`} {
		input := func(n int) []byte {
			return []byte(`{"any": [` + strings.TrimSuffix(strings.Repeat(unit+",", n), ",") + `], "x": [` +
				strings.TrimSuffix(strings.Repeat(unit+",", n), ",") + `]}`)
		}
		dec := New(Config{MaxItems: 1 << 20})
		allocs := func(n int) float64 {
			data := input(n)
			return testing.AllocsPerRun(3, func() {
				var d doc
				dec.Unmarshal(data, &d)
			})
		}
		a1, a2 := allocs(2000), allocs(4000)
		if a2 > 2.2*a1+10 {
			t.Errorf("%s: %v allocations for n and %v for 2n: not linear", unit, a1, a2)
		}
	}
}

type lenReader struct {
	io.Reader
	n int
}

func (r lenReader) Len() int { return r.n }

func TestReadAll(t *testing.T) {
	for _, tt := range []struct {
		r     io.Reader
		limit int64
		large bool
	}{
		{strings.NewReader("abc"), 3, false},
		{strings.NewReader("abcd"), 3, true},
		{strings.NewReader("abc"), math.MaxInt64, false},
		{strings.NewReader("abc"), -1, true},
		{strings.NewReader(""), 0, false},
		{lenReader{strings.NewReader("abc"), -5}, 10, false},
		{lenReader{strings.NewReader("abc"), math.MaxInt}, 10, false},
		{lenReader{strings.NewReader("abc"), math.MaxInt}, math.MaxInt64, false},
		{lenReader{strings.NewReader("abc"), math.MinInt}, math.MaxInt64, false},
	} {
		data, large, err := ReadAll(tt.r, tt.limit)
		if err != nil || large != tt.large || !large && len(data) != 3 && tt.limit != 0 {
			t.Errorf("ReadAll(limit %d) = %q, %v, %v", tt.limit, data, large, err)
		}
		if cap(data) > 4096 {
			t.Errorf("ReadAll(limit %d) allocated %d bytes", tt.limit, cap(data))
		}
	}
	boom := errors.New("boom")
	if _, _, err := ReadAll(io.MultiReader(strings.NewReader("a"), errReader{boom}), 10); !errors.Is(err, boom) {
		t.Errorf("read error lost: %v", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestUnmarshalAt(t *testing.T) {
	var d doc
	errs := testDecoder.UnmarshalAt([]byte(`{"x": 1} 2`), &d, "/items/3")
	got := describe(errs)
	want := []string{`unknown-field@/items/3/x: unknown field "x"; check its spelling and case against the schema`,
		"trailing@/items/3: unexpected data after the JSON value at line 1, column 10 (byte 9); send one JSON value"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestUnsupportedTypesPanic(t *testing.T) {
	for _, v := range []any{new(chan int), new(map[int]string), new(struct{ F func() }), new(struct {
		A int `json:"a,string"`
	}), new(struct{ sub }), new(io.Reader)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%T: no panic", v)
				}
			}()
			New(Config{}).Unmarshal([]byte(`{}`), v)
		}()
	}
}

func TestTemplates(t *testing.T) {
	ts := Templates()
	seen := map[string]bool{}
	for i, m := range ts {
		if i > 0 && ts[i-1].Key >= m.Key {
			t.Errorf("templates not sorted at %q", m.Key)
		}
		seen[m.Key] = true
	}
	// Every message the decoder makes is listed.
	var d doc
	for _, in := range []string{"", "\xEF\xBB\xBF", "{", "{} x", `{"count": "1", "sub": [], "tags": 1, "flag": 1, "ratio": "x",
		"small": 11, "ratio": 1e999, "level": "x", "when": "x", "code": "cz", "name": "\u0000", "Name": "a", "x": 1, "NoTag": "\ud800", "few": [1,2,3], "sub": null}`,
		`{"sub": {"a": 1, "A": 2}}`, strings.Repeat("[", 100)} {
		for _, e := range testDecoder.Unmarshal([]byte(in), &d) {
			if !seen[e.Message.Key] {
				t.Errorf("message %q is not in Templates", e.Message.Key)
			}
		}
	}
	if !seen[MsgMore.Key] || !seen[MsgTooLarge.Key] {
		t.Error("MsgMore or MsgTooLarge missing")
	}
}

// TestIntegralNumbers: an integer field takes a number written with a
// fraction or an exponent when its value is whole (12.0, 1.2e1), as JSON
// Schema's "integer" does, and says what is wrong with one that is not.
func TestIntegralNumbers(t *testing.T) {
	type ints struct {
		N int64  `json:"n"`
		U uint8  `json:"u"`
		B int    `json:"b"`
		S int8   `json:"s"`
		R uint16 `json:"r"`
		M int    `json:"m"`
		L int    `json:"l"`
		T string `json:"t"`
	}
	dec := New(Config{Field: func(_ reflect.Type, f reflect.StructField) Limits {
		switch f.Name {
		case "B":
			return Limits{Min: 1, HasMin: true, Max: 8760, HasMax: true}
		case "M":
			return Limits{Max: 3650, HasMax: true}
		case "L":
			return Limits{Min: 1, HasMin: true}
		case "T":
			return Limits{NotEmpty: true}
		}
		return Limits{}
	}})
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"12", 12}, {"12.0", 12}, {"1.2e1", 12}, {"120e-1", 12}, {"1E1", 10}, {"2.0e0", 2}, {"-0.0", 0}, {"0e5", 0},
		{"-9223372036854775808", math.MinInt64}, {"9223372036854775807", math.MaxInt64}, {"9.223372036854775807e18", math.MaxInt64},
		{"0.00000000000000000000000000000012e32", 12},
	} {
		var v ints
		if errs := dec.Unmarshal([]byte(`{"n": `+tt.in+`}`), &v); errs != nil {
			t.Errorf("%s: %v", tt.in, errs)
		} else if v.N != tt.want {
			t.Errorf("%s: got %d, want %d", tt.in, v.N, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{`{"n": 1.5}`, `/n: 1.5 is not a whole number: give a whole number such as 12`},
		{`{"n": 1.0000000000000000001}`, `/n: 1.0000000000000000001 is not a whole number: give a whole number such as 12`},
		{`{"n": 1e-1}`, `/n: 1e-1 is not a whole number: give a whole number such as 12`},
		{`{"n": 9223372036854775808}`, `/n: the number 9223372036854775808 is out of range`},
		{`{"n": 1e19}`, `/n: the number 1e19 is out of range`},
		{`{"n": 1e999999999999}`, `/n: the number 1e999999999999 is out of range`},
		{`{"u": -1.0}`, `/u: the number -1.0 is out of range`},
		{`{"u": 2.56e2}`, `/u: the number 2.56e2 is out of range`},
		{`{"s": 0.5}`, `/s: 0.5 is not a whole number: give a whole number such as 12`},
		{`{"b": 0}`, `/b: want a whole number from 1 to 8760`},
		{`{"b": 1.5}`, `/b: want a whole number from 1 to 8760`},
		{`{"b": 8761.0}`, `/b: want a whole number from 1 to 8760`},
		{`{"m": 3651}`, `/m: want a whole number of at most 3650`},
		{`{"m": 2.5}`, `/m: 2.5 is not a whole number: give a whole number such as 12`},
		{`{"l": 0}`, `/l: want a whole number of at least 1`},
		{`{"t": ""}`, `/t: the text is empty: give a value, or leave the field out`},
	} {
		var v ints
		if got := dec.Unmarshal([]byte(tt.in), &v).Error(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, got, tt.want)
		}
	}
	var v ints
	if errs := dec.Unmarshal([]byte(`{"b": 1.0, "r": 65535.0, "s": -128e0}`), &v); errs != nil || v.B != 1 || v.R != 65535 || v.S != -128 {
		t.Errorf("got %+v, %v", v, errs)
	}
}

// TestMessageWording pins the texts of the errors whose wording the ecosystem
// review found wanting: null on a required field, an empty list document,
// where a syntax error is.
func TestMessageWording(t *testing.T) {
	type item struct {
		ID   string `json:"id"`
		Note string `json:"note"`
	}
	dec := New(Config{Field: func(_ reflect.Type, f reflect.StructField) Limits { return Limits{Required: f.Name == "ID"} }})
	for _, tt := range []struct {
		in   string
		v    any
		want string
	}{
		{`{"id": null}`, new(item), "/id: null is not allowed: this field is required, so give it a value"},
		{`{"note": null}`, new(item), "/note: null is not allowed; leave the field out instead"},
		{``, new([]item), "the input is empty; send one JSON array"},
		{` `, new(item), "the input is empty; send one JSON object"},
		{"{\n  \"id\": \"a\",\n  \"note\": \"é\" x}", new(item), "malformed JSON at line 3, column 15 (byte 30)"},
		{"[{}]\n{}", new([]item), "unexpected data after the JSON value at line 2, column 1 (byte 5); send one JSON value"},
	} {
		if got := dec.Unmarshal([]byte(tt.in), tt.v).Error(); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestExplainAndTextError: a text rule's Explain and the Config's
// TextError give the message that says what is wrong, not a generic one.
func TestExplainAndTextError(t *testing.T) {
	type texts struct {
		C code `json:"c"`
		L code `json:"l"`
	}
	explain := Template{"x.explain", "%q has %d letters, not 2"}
	dec := New(Config{
		Text: map[reflect.Type]TextRule{reflect.TypeFor[code](): {Rule: "code", Explain: func(b []byte) (Message, bool) {
			return explain.New(string(b), len(b)), len(b) != 2
		}}},
	})
	if got := dec.Unmarshal([]byte(`{"c": "abc"}`), new(texts)); got.Error() != `/c: "abc" has 3 letters, not 2` || got[0].Rule != "code" {
		t.Errorf("got %v", got)
	}
	own := Template{"x.own", "no %s"}
	dec = New(Config{TextError: func(err error) (string, Message, bool) { return "own", own.New(err.Error()), true }})
	if got := dec.Unmarshal([]byte(`{"c": "abc"}`), new(texts)); got.Error() != `/c: no a code has two letters` || got[0].Rule != "own" {
		t.Errorf("got %v", got)
	}
}

// A raw message is a copy of its JSON unless Config.ShareRaw is set; then
// it points into the input, and its capacity ends with it, so that an
// append to it cannot write over the rest of the input.
func TestShareRaw(t *testing.T) {
	for _, share := range []bool{false, true} {
		data := []byte(`{"a":{"b":[1,2]},"c":"x"}`)
		var m map[string]json.RawMessage
		if errs := New(Config{ShareRaw: share}).Unmarshal(data, &m); errs != nil {
			t.Fatal(errs)
		}
		if got := string(m["a"]); got != `{"b":[1,2]}` {
			t.Fatalf("share %v: a = %s", share, got)
		}
		shared := &m["a"][0] == &data[5]
		if shared != share {
			t.Errorf("share %v: the raw message shares the input: %v", share, shared)
		}
		if share && len(m["a"]) != cap(m["a"]) {
			t.Errorf("share %v: capacity %d beyond the message's %d bytes", share, cap(m["a"]), len(m["a"]))
		}
	}
}

// The decoder fills every entry of a map through one key and one value
// (see object): the entries must not share what the value points to.
func TestMapEntriesOwnTheirValues(t *testing.T) {
	type item struct {
		Tags []string         `json:"tags"`
		Sub  *sub             `json:"sub"`
		By   map[string]int8  `json:"by"`
		Raw  json.RawMessage  `json:"raw"`
		Lvl  map[level]string `json:"lvl"`
	}
	data := []byte(`{
		"a": {"tags": ["x", "y"], "sub": {"a": 1}, "by": {"k": 1}, "raw": [1], "lvl": {"low": "l"}},
		"b": {"tags": ["z"], "by": {"j": 2}, "raw": {"r": 2}},
		"c": {}
	}`)
	for _, share := range []bool{false, true} {
		var got map[string]item
		if errs := New(Config{ShareRaw: share}).Unmarshal(data, &got); errs != nil {
			t.Fatal(errs)
		}
		var want map[string]item
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		for k, w := range want {
			g := got[k]
			if len(w.Raw) > 0 {
				w.Raw, g.Raw = compactJSON(t, w.Raw), compactJSON(t, g.Raw)
			}
			want[k], got[k] = w, g
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("share %v:\n got %#v\nwant %#v", share, got, want)
		}
		got["a"].Tags[0] = "changed"
		got["a"].By["k"] = 9
		if got["b"].Tags[0] != "z" || got["b"].By["k"] != 0 || got["c"].Tags != nil || got["c"].Sub != nil {
			t.Fatalf("share %v: entries share their values: %#v", share, got)
		}
	}
}

// A slice of large structs is made at its final length: countItems
// counts the objects of the array, skipping strings (brackets and escaped
// quotes inside them included) and nested values, and never more than the
// list's limit; a count that is wrong for broken input only sizes a slice.
func TestCountObjects(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{`]`, 0},
		{` ]`, 0},
		{`{}]`, 1},
		{`{"a": "}"}, {"b": "\\\"{"}, {"c": [{}, {}]}]`, 3},
		{`{"a": 1}, {"b": {"c": {}}}, 1, "x", [{}]]`, 2},
		{`{}, {}`, 0}, // no end: no count
		{`"]", {}]`, 1},
		{`{"a": "\\"}, {}]`, 2},      // the quote after an escaped backslash ends the string
		{`"\\\"]", {}]`, 1},          // an escaped backslash, then an escaped quote
		{`{"a": "\\\\\"}"}, {}]`, 2}, // two escaped backslashes, then an escaped quote
		{`"abc\`, 0},
		{`"abc\"`, 0},
	}
	for _, tt := range tests {
		if got, _ := countItems([]byte(tt.in)); got != tt.want {
			t.Errorf("countItems(%q) = %d objects, want %d", tt.in, got, tt.want)
		}
	}
	var d doc
	if errs := testDecoder.Unmarshal([]byte(validDoc), &d); errs != nil {
		t.Fatal(errs)
	}
	if len(d.Rows) != 2 || cap(d.Rows) != 2 {
		t.Errorf("rows: len %d cap %d: want the slice made at its length", len(d.Rows), cap(d.Rows))
	}
	// Deeper than maxCountDepth, slices are grown, not counted, so that a
	// recursive type is not read once per level.
	var deep doc
	if errs := testDecoder.Unmarshal([]byte(`{"rows": [{"sub": [{"sub": [{"sub": [{}, {}, {}]}]}]}]}`), &deep); errs != nil {
		t.Fatal(errs)
	}
	if c := cap(deep.Rows[0].Sub[0].Sub[0].Sub); c == 3 {
		t.Errorf("a slice at depth %d was counted", maxCountDepth+4)
	}
	// Over the limit (5 for testDecoder), the slice is made at the limit.
	var over doc
	testDecoder.Unmarshal([]byte(`{"rows": [{}, {}, {}, {}, {}, {}, {}]}`), &over)
	if cap(over.Rows) > 5 {
		t.Errorf("over the limit: cap %d, want at most 5", cap(over.Rows))
	}
}

// countItems skips strings with bytes.IndexByte; on any input it counts
// as a loop over every byte does.
func TestCountItemsSkipsStringsAsALoopWould(t *testing.T) {
	byteLoop := func(d []byte) (objects, keys int) {
		depth, key := 1, false
		for i := 0; i < len(d); i++ {
			switch d[i] {
			case '"':
				for i++; i < len(d) && d[i] != '"'; i++ {
					if d[i] == '\\' {
						i++
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
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = `"\\{}[]:, a`
	for range 20_000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		o1, k1 := countItems(b)
		o2, k2 := byteLoop(b)
		if o1 != o2 || k1 != k2 {
			t.Fatalf("countItems(%q) = %d, %d; a byte loop counts %d, %d", b, o1, k1, o2, k2)
		}
	}
}

// A map is made for the members of its object: countItems counts the
// colons directly inside the object that follow a key, so that broken
// input such as "{::::}" sizes no map.
func TestCountMembers(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{`}`, 0},
		{`"a": 1}`, 1},
		{`"a" : {"b": 1, "c": [":"]}, "d\\\":": "e:f", "g": [{"h": 1}]}`, 3},
		{`::::}`, 0},
		{`"a": 1, "b": 2`, 0}, // no end: no count
	}
	for _, tt := range tests {
		if _, got := countItems([]byte(tt.in)); got != tt.want {
			t.Errorf("countItems(%q) = %d keys, want %d", tt.in, got, tt.want)
		}
	}
}
