package medsec_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
)

// instrumentWorstCases are hostile instrument files of about n bytes.
var instrumentWorstCases = []struct {
	name   string
	make   func(n int) []byte
	scales bool
}{
	{"broken-articles", func(n int) []byte {
		// As many articles as allowed, each breaking a rule, with notes
		// long enough to fill n bytes.
		note := strings.Repeat("n", n/medsec.MaxInstrumentListLen-60)
		return fillInstrument(`{"id":"XX-A","articles":[`, `{"number":"#","note":"`+note+`"}`, `,`, `]}`, n)
	}, false},
	{"too-many-articles", func(n int) []byte { return fillInstrument(`{"articles":[`, `{}`, `,`, `]}`, n) }, true},
	{"unknown-keys", func(n int) []byte { return fillInstrument(`{`, `"k#":0`, `,`, `}`, n) }, true},
	{"duplicate-keys", func(n int) []byte { return fillInstrument(`{`, `"note":""`, `,`, `}`, n) }, true},
	{"control-chars", func(n int) []byte { return fillInstrument(`{"sources":[`, `"\u001b"`, `,`, `]}`, n) }, true},
	{"extent-units", func(n int) []byte {
		// As many other units as allowed, long and alike, and as many held
		// articles outside them: the extent checks stay linear.
		long := strings.Repeat("x", n/(2*medsec.MaxInstrumentListLen))
		units := fillInstrument(`["`, `Annex `+long+`#`, `","`, `"]`, n/2)
		return fillInstrument(`{"id":"XX-A","extent":{"articles":1000,"other":`+string(units)+`,"confidence":"verified","complete":true},"articles":[`,
			`{"number":"`+long+`#","effect":"none","confidence":"verified"}`, `,`, `]}`, n)
	}, false},
}

func fillInstrument(prefix, unit, sep, suffix string, n int) []byte {
	var b bytes.Buffer
	b.WriteString(prefix)
	for i := 0; ; i++ {
		u := strings.ReplaceAll(unit, "#", fmt.Sprint(i))
		if b.Len()+len(u)+len(sep)+len(suffix) > n {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(u)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// TestInstrumentWorstCases: a hostile instrument file at the size limit
// gets at most 100 errors, less than 64 MiB is allocated, and the
// allocations grow linearly with the input.
func TestInstrumentWorstCases(t *testing.T) {
	for _, wc := range instrumentWorstCases {
		t.Run(wc.name, func(t *testing.T) {
			full := wc.make(medsec.MaxInstrumentFileSize)
			require.Greater(t, len(full), medsec.MaxInstrumentFileSize*9/10)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := medsec.DecodeInstrument(bytes.NewReader(full))
			runtime.ReadMemStats(&after)
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated at the size limit")
			if fes := (medsec.FieldErrors)(nil); errors.As(err, &fes) {
				assert.LessOrEqual(t, len(fes), 100)
			} else {
				assert.LessOrEqual(t, strings.Count(err.Error(), "\n")+1, 100)
			}
			if !wc.scales {
				return
			}
			allocs := func(n int) float64 {
				data := wc.make(n)
				return testing.AllocsPerRun(2, func() { _, _ = medsec.DecodeInstrument(bytes.NewReader(data)) })
			}
			a1, a2 := allocs(128<<10), allocs(256<<10)
			assert.LessOrEqual(t, a2, 2.2*a1+50, "allocations for 128 KiB: %v, for 256 KiB: %v", a1, a2)
		})
	}
}

// BenchmarkDecodeInstrumentWorstCase: DecodeInstrument of each hostile
// file at MaxInstrumentFileSize (1 MiB). The goal is under 1 s and under
// 64 MiB allocated per operation.
func BenchmarkDecodeInstrumentWorstCase(b *testing.B) {
	for _, wc := range instrumentWorstCases {
		data := wc.make(medsec.MaxInstrumentFileSize)
		b.Run(wc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = medsec.DecodeInstrument(bytes.NewReader(data))
			}
		})
	}
}
