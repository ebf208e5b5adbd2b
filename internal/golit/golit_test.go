package golit_test

import (
	"go/parser"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/golit"
)

type kind uint8

type inner struct {
	s string
	n int
}

type outer struct {
	Name  string
	K     kind
	In    inner
	P     *inner
	List  []inner
	Ptrs  []*inner
	Arr   [2]string
	Bytes []byte
	F     float64
	B     bool
	Date  medsec.Date
	Empty []string
	Any   any
}

const pkg = "github.com/medsec-go/medsec/internal/golit_test"

func TestAppend(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{"a\"b", `"a\"b"`},
		{kind(3), `kind(3)`},
		{medsec.Verified, `medsec.Confidence(` + itoa(uint8(medsec.Verified)) + `)`},
		{time.March, `time.Month(3)`},
		{[]string(nil), `nil`},
		{[]string{}, "[]string{\n}"},
		{(*inner)(nil), `nil`},
		{inner{}, `inner{}`},
		{&inner{s: "x"}, `&inner{s: "x"}`},
		{outer{Name: "n", K: 2, In: inner{n: -1}, P: &inner{s: "p"}, List: []inner{{s: "a"}}, Ptrs: []*inner{{n: 1}, nil},
			Arr: [2]string{"x", ""}, Bytes: []byte{7}, F: 0.5, B: true, Date: medsec.NewDate(2026, 1, 31), Empty: []string{}},
			`outer{Name: "n", K: kind(2), In: inner{n: -1}, P: &inner{s: "p"}, List: []inner{
{s: "a"},
}, Ptrs: []*inner{
{n: 1},
nil,
}, Arr: [2]string{
"x",
"",
}, Bytes: []uint8{
7,
}, F: 0.5, B: true, Date: medsec.Date{Year: 2026, Month: time.Month(1), Day: 31}, Empty: []string{
}}`},
	}
	for _, tt := range tests {
		imports := map[string]bool{}
		got, err := golit.Append(nil, tt.v, pkg, imports)
		if err != nil {
			t.Errorf("%#v: %v", tt.v, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%#v:\ngot  %s\nwant %s", tt.v, got, tt.want)
		}
		for path := range imports {
			if !strings.Contains(string(got), path[strings.LastIndex(path, "/")+1:]+".") {
				t.Errorf("%#v: %s recorded as an import but not used", tt.v, path)
			}
		}
		if _, err := parser.ParseExpr(string(got)); err != nil {
			t.Errorf("%#v: %s is not a Go expression: %v", tt.v, got, err)
		}
	}
}

func TestAppendImports(t *testing.T) {
	imports := map[string]bool{}
	if _, err := golit.Append(nil, outer{Date: medsec.NewDate(2026, 1, 2), Name: "x"}, pkg, imports); err != nil {
		t.Fatal(err)
	}
	if len(imports) != 2 || !imports["github.com/medsec-go/medsec"] || !imports["time"] {
		t.Errorf("imports %v; want medsec and time", imports)
	}
}

func itoa(u uint8) string { return string(rune('0' + u)) }

func TestAppendRefuses(t *testing.T) {
	n := 1
	tests := []struct {
		v    any
		want string
	}{
		{map[string]int{"a": 1}, "v: no static literal for a value of type map[string]int"},
		{outer{Any: 1}, "v.Any: no static literal for a value of type interface {}"},
		{&n, "v: no literal for a pointer to int"},
		{[]any{nil, func() {}}, "v[1]: no static literal for a value of type interface {}"},
		{struct{ D time.Time }{time.Unix(1, 0)}, "an unexported field of another package"},
	}
	for _, tt := range tests {
		b, err := golit.Append([]byte("kept"), tt.v, pkg, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%#v: error %v; want one containing %q", tt.v, err, tt.want)
		}
		if string(b) != "kept" {
			t.Errorf("%#v: the buffer became %q; want it unchanged on error", tt.v, b)
		}
	}
}
