package costtest_test

import (
	"strings"
	"testing"

	"github.com/medsec-go/medsec/internal/costtest"
)

// fakeT records a failure instead of stopping the test.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }

var sink []string

func TestLinear(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	n := 4096
	input := strings.Repeat("x", n)
	b := costtest.Budget{Bytes: 4096, PerByte: 4, Allocs: 16, AllocsPerByte: 0.1}
	linear := func() { sink = strings.Split(input, "") } // n strings of 1 byte, one slice: ~16n bytes, 1 alloc
	quadratic := func() {
		sink = sink[:0]
		for i := 0; i < n/8; i++ {
			sink = append(sink, strings.Repeat("y", i)) // ~n²/128 bytes
		}
	}
	ft := &fakeT{TB: t}
	costtest.Linear(ft, n, costtest.Budget{Bytes: 4096, PerByte: 20, Allocs: 16, AllocsPerByte: 0.1}, linear)
	if ft.failed && !raceOn {
		t.Error("a linear function failed the budget")
	}
	ft = &fakeT{TB: t}
	costtest.Linear(ft, n, b, quadratic)
	if !ft.failed && !raceOn {
		t.Error("a quadratic function passed the budget")
	}
}
