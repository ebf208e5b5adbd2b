package i18n

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// translationWorstCases are hostile translation files of about n bytes.
var translationWorstCases = []struct {
	name   string
	make   func(n int) []byte
	valid  bool // the file is valid: Extend must succeed
	scales bool
}{
	{"max-keys", func(n int) []byte {
		return fillJSON(`{`, `"k#":"`+strings.Repeat("x", n/maxTranslations-10)+`"`, `,`, `}`, n)
	}, true, false},
	{"max-plurals", func(n int) []byte {
		pad := strings.Repeat("x", n/maxTranslations/3)
		return fillJSON(`{`, `"k#":{"plural":{"arg":1,"one":"%d `+pad+`","few":"%d `+pad+`","other":"%d `+pad+`"}}`, `,`, `}`, n)
	}, true, false},
	{"too-many-keys", func(n int) []byte { return fillJSON(`{`, `"k#":"x"`, `,`, `}`, n) }, false, false},
	{"many-verbs", func(n int) []byte { return fillJSON(`{"a":"`, `%[1]s`, ``, `"}`, n) }, false, true},
	{"escapes", func(n int) []byte { return fillJSON(`{"a":"`, `\u00e9`, ``, `"}`, n) }, true, true},
	{"bad-utf8", func(n int) []byte { return fillJSON(`{`, "\"k#\":\"\xff\"", `,`, `}`, n) }, false, true},
	{"case-variants", func(n int) []byte { return fillJSON(`{`, `"k#":"x","K#":"x"`, `,`, `}`, n) }, false, false},
}

func fillJSON(prefix, unit, sep, suffix string, n int) []byte {
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

// TestTranslationWorstCases: a hostile translation file at the size limit
// is rejected with less than 64 MiB allocated, and the allocations grow
// linearly with the input.
func TestTranslationWorstCases(t *testing.T) {
	for _, wc := range translationWorstCases {
		t.Run(wc.name, func(t *testing.T) {
			full := wc.make(maxCatalogSize)
			require.Greater(t, len(full), maxCatalogSize*9/10)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := NewCatalog().Extend(CS, bytes.NewReader(full))
			runtime.ReadMemStats(&after)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated at the size limit")
			if wc.valid {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
				assert.Less(t, len(err.Error()), 64<<10, "the error message is bounded")
			}
			if !wc.scales {
				return
			}
			allocs := func(n int) float64 {
				data := wc.make(n)
				return testing.AllocsPerRun(2, func() { _, _ = NewCatalog().Extend(CS, bytes.NewReader(data)) })
			}
			a1, a2 := allocs(256<<10), allocs(512<<10)
			assert.LessOrEqual(t, a2, 2.2*a1+50, "allocations for 256 KiB: %v, for 512 KiB: %v", a1, a2)
		})
	}
}

// BenchmarkExtendWorstCase: Extend with each hostile translation file at
// the size limit of 4 MiB. The goal is under 1 s and under 64 MiB
// allocated per operation.
func BenchmarkExtendWorstCase(b *testing.B) {
	for _, wc := range translationWorstCases {
		data := wc.make(maxCatalogSize)
		b.Run(wc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = NewCatalog().Extend(CS, bytes.NewReader(data))
			}
		})
	}
}
