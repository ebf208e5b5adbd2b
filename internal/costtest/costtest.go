// Package costtest checks, in tests and fuzz targets, that the work a
// function does on untrusted input grows at most linearly with the size
// of the input. It measures what the function allocates, which unlike
// time is the same on a busy machine as on an idle one: a decoder or
// validator that is quadratic in its input allocates quadratically too,
// or spends its time on something it allocated for.
//
// Only tests import this package.
package costtest

import (
	"runtime"
	"testing"
)

// A Budget bounds the allocations of one call on an input of n bytes to
// Bytes + PerByte·n bytes and Allocs + AllocsPerByte·n allocations.
type Budget struct {
	Bytes, PerByte        float64
	Allocs, AllocsPerByte float64
}

// MinInput is the input size below which [Linear] does not measure: tiny
// inputs cost what the fixed part of the budget allows anyway, and
// measuring stops the world, which would slow fuzzing down.
const MinInput = 512

// Linear calls fn, which works on an input of n bytes, and fails t when
// it allocates more than b allows. Under the race detector, which adds
// allocations of its own, and for inputs under [MinInput] bytes it only
// calls fn.
func Linear(t testing.TB, n int, b Budget, fn func()) {
	t.Helper()
	if raceEnabled || n < MinInput {
		fn()
		return
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	bytes := float64(after.TotalAlloc - before.TotalAlloc)
	allocs := float64(after.Mallocs - before.Mallocs)
	if max := b.Bytes + b.PerByte*float64(n); bytes > max {
		t.Fatalf("cost: %.0f bytes allocated for %d bytes of input, over the linear budget of %.0f (%.0f + %.0f per byte)", bytes, n, max, b.Bytes, b.PerByte)
	}
	if max := b.Allocs + b.AllocsPerByte*float64(n); allocs > max {
		t.Fatalf("cost: %.0f allocations for %d bytes of input, over the linear budget of %.0f (%.0f + %.2f per byte)", allocs, n, max, b.Allocs, b.AllocsPerByte)
	}
}
