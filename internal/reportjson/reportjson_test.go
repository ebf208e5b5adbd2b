package reportjson

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

// texts holds text of every class the escaping treats apart.
var texts = []string{
	"", "plain", `quote " and \ backslash`, "\b\f\n\r\t", "\x00\x01\x1f\x7f", "<script>&amp;</script>",
	"\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "čeština 中文 tiếng Việt", "\u202e override", "emoji 🙂",
}

// sample is a value of every kind the writer writes, in the shape of a
// report, with its encoding/json twin.
type sample struct {
	S    string         `json:"s"`
	N    int            `json:"n"`
	Neg  int64          `json:"neg"`
	U    uint8          `json:"u"`
	B    bool           `json:"b"`
	D    medsec.Date    `json:"d"`
	Z    medsec.Date    `json:"z"`
	M    medsec.Message `json:"m"`
	E    []string       `json:"e"`
	Objs []struct{}     `json:"objs"`
	L    []string       `json:"l"`
}

func (s *sample) write(w *Writer) {
	w.BeginObject()
	w.Key("s")
	w.String(s.S)
	w.Key("n")
	w.Int(int64(s.N))
	w.Key("neg")
	w.Int(s.Neg)
	w.Key("u")
	w.Uint(uint64(s.U))
	w.Key("b")
	w.Bool(s.B)
	w.Key("d")
	w.Text(s.D)
	w.Key("z")
	w.Text(s.Z)
	w.Key("m")
	w.Message(s.M)
	w.Key("e")
	w.BeginArray()
	w.EndArray()
	w.Key("objs")
	w.BeginArray()
	for range s.Objs {
		w.BeginObject()
		w.EndObject()
	}
	w.EndArray()
	w.Key("l")
	w.BeginArray()
	for _, x := range s.L {
		w.String(x)
	}
	w.EndArray()
	w.EndObject()
}

func TestWriterMatchesEncodingJSON(t *testing.T) {
	d, _ := medsec.ParseDate("2026-11-22")
	inner := medsec.Message{Key: "k.inner", Format: "%v %d", Args: []any{medsec.Message{Key: "k.leaf", Format: "leaf"}, 3}}
	for _, s := range texts {
		v := sample{S: s, N: 42, Neg: math.MinInt64, U: 255, B: true, D: d, E: []string{}, Objs: []struct{}{{}, {}}, L: []string{s, "x"},
			M: medsec.Message{Key: "k." + s, Format: s, Args: []any{s, 1, int8(-2), int16(3), int32(4), int64(5), uint(6), uint16(7),
				uint32(8), uint64(9), 1.5, float32(0.1), 1e21, 1e-7, 123456789.0, math.Copysign(0, -1), true, d, inner, nil,
				time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), []int{1, 2}, map[string]int{"b": 1, "a": 2}}}}
		for _, indent := range []bool{false, true} {
			var w Writer
			w.Reset(indent)
			v.write(&w)
			require.NoError(t, w.Err)
			var want []byte
			var err error
			if indent {
				want, err = json.MarshalIndent(v, "", "  ")
			} else {
				want, err = json.Marshal(v)
			}
			require.NoError(t, err)
			assert.Equal(t, string(want), string(w.B), "indent %v, string %q", indent, s)
		}
	}
}

func TestWriterErrors(t *testing.T) {
	for _, v := range []any{math.NaN(), math.Inf(1), medsec.Date{Year: 2026, Month: 2, Day: 30}, func() {}} {
		var w Writer
		w.Reset(false)
		w.Value(v)
		assert.Error(t, w.Err, "%v", v)
		_, err := json.Marshal(v)
		assert.Error(t, err, "encoding/json refuses %v too", v)
	}
}

func TestArgs(t *testing.T) {
	d, _ := medsec.ParseDate("2026-02-28")
	m := medsec.Message{Key: "k", Format: "%s %d %v %v %s", Args: []any{"S1", 3.0, 2.5, true, "2026-02-28",
		map[string]any{"key": "k.in", "format": "%d", "args": []any{1.0}}, 1e300}}
	var bad []string
	Args(&m, "/reason", map[string][]int{"k": {4}}, func(p, v string) { bad = append(bad, p) })
	assert.Empty(t, bad)
	assert.Equal(t, []any{"S1", 3, 2.5, true, d, medsec.Message{Key: "k.in", Format: "%d", Args: []any{1}}, 1e300}, m.Args)

	m = medsec.Message{Key: "k", Args: []any{[]any{}, map[string]any{"key": "x", "extra": "y"}, map[string]any{"format": "no key"},
		"not a date", map[string]any{"key": 1.0}, map[string]any{"key": "k.in", "args": []any{[]any{}}}}}
	bad = nil
	Args(&m, "/m", map[string][]int{"k": {3}}, func(p, v string) { bad = append(bad, p) })
	assert.Equal(t, []string{"/m/args/0", "/m/args/1", "/m/args/2", "/m/args/3", "/m/args/4", "/m/args/5/args/0"}, bad)
	assert.Equal(t, []any{medsec.Message{Key: "k.in"}}, m.Args)
}

// FuzzAppendString: any string is escaped as encoding/json escapes it.
func FuzzAppendString(f *testing.F) {
	for _, s := range texts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Fatalf("AppendString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}

func BenchmarkAppendString(b *testing.B) {
	s := "obligations.duty.cn-mlps-filing-30d.title: File the level with public security within 30 days"
	buf := make([]byte, 0, 256)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = AppendString(buf[:0], s)
	}
}

// TestFragment: a fragment writes the bytes its value writes, at its own
// depth and at any other.
func TestFragment(t *testing.T) {
	m := medsec.Message{Key: "k", Format: "<%v>", Args: []any{medsec.Message{Key: "in", Format: "x"}, 2, []string{"a"}}}
	f := NewFragment(3, func(w *Writer) { w.Message(m) })
	for _, indent := range []bool{false, true} {
		for depth := range 5 {
			write := func(value func(w *Writer)) []byte {
				var w Writer
				w.Reset(indent)
				for range depth {
					w.BeginArray()
				}
				w.String("before")
				value(&w)
				w.String("after")
				for range depth {
					w.EndArray()
				}
				return w.B
			}
			want := write(func(w *Writer) { w.Message(m) })
			assert.Equal(t, string(want), string(write(func(w *Writer) { w.Fragment(&f) })), "indent %v depth %d", indent, depth)
		}
	}
}

// TestDate: Date writes what medsec.Date marshals to.
func TestDate(t *testing.T) {
	for _, d := range []medsec.Date{{}, {Year: 2026, Month: 2, Day: 28}, {Year: 1, Month: 1, Day: 1}, {Year: 9999, Month: 12, Day: 31},
		{Year: 12026, Month: 1, Day: 1}, {Year: 2026, Month: 2, Day: 30}} {
		var a, b Writer
		a.Date(d)
		b.Text(d)
		assert.Equal(t, string(b.B), string(a.B), "%v", d)
		assert.Equal(t, b.Err != nil, a.Err != nil)
	}
}

// TestQuoted: a quoted message writes what Message writes.
func TestQuoted(t *testing.T) {
	for _, s := range texts {
		m := medsec.Message{Key: "k." + s, Format: s}
		q := Quote(m)
		for _, indent := range []bool{false, true} {
			var a, b Writer
			a.Reset(indent)
			b.Reset(indent)
			a.BeginArray()
			b.BeginArray()
			a.Message(m)
			b.QuotedMessage(&q)
			a.Message(medsec.Message{Key: m.Key, Format: m.Format, Args: []any{1, m}})
			b.BeginQuotedMessage(&q)
			b.Int(1)
			b.QuotedMessage(&q)
			b.EndArray()
			b.EndObject()
			a.EndArray()
			b.EndArray()
			assert.Equal(t, string(a.B), string(b.B))
		}
	}
}
