package apitest

import (
	"reflect"
	"strings"
	"testing"
)

type box struct {
	Items []string
	M     map[string][]int
	P     *box
	A     any
	n     []int
}

var shared = []string{"a", "b"}

func TestMutateReachesEverything(t *testing.T) {
	inner := &box{Items: []string{"x"}}
	b := box{Items: shared[:1], M: map[string][]int{"k": {1}}, P: inner, A: []int{7}, n: []int{1}}
	before := Dump(b)
	Mutate(b)
	if Dump(b) == before {
		t.Fatal("Mutate changed nothing")
	}
	if shared[0] == "a" {
		t.Error("slice element not mutated")
	}
	if shared[1] == "b" {
		t.Error("spare capacity not written")
	}
	if inner.Items[0] == "x" {
		t.Error("pointer not followed")
	}
	if len(b.M) != 0 {
		t.Error("map not cleared")
	}
	if b.n[0] != 1 {
		t.Error("unexported field mutated")
	}
	if !strings.Contains(Dump(b), "mutated") {
		t.Error("Dump misses the mutation")
	}
}

func TestReaches(t *testing.T) {
	for _, tt := range []struct {
		f    any
		want bool
	}{
		{func() []int { return nil }, true},
		{func() (int, error) { return 0, nil }, false},
		{func() box { return box{} }, true},
		{func() struct{ n []int } { return struct{ n []int }{} }, false},
		{func() *struct{ A any } { return nil }, true},
	} {
		if got := reaches(typeOfFunc(tt.f)); got != tt.want {
			t.Errorf("%T: reaches = %v", tt.f, got)
		}
	}
}

func typeOfFunc(f any) reflect.Type { return reflect.TypeOf(f) }
