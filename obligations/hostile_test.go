package obligations

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

const goodDuty = `{"id":"X-LOCAL-DUTY","jurisdiction":"CN","party":"institution","citations":["CN-CSL-2016 art. 25"],
 "confidence":"verified","title":{"key":"fn.drill.title","format":"Drill the plan"},
 "description":{"key":"fn.drill.description","format":"Drill the emergency plan."},
 "applies":{"scope":"institution"},"recurrence":{"kind":"every","months":12},"inForce":{"from":"","until":""}}`

// TestLoadCatalogHostile pins review findings F7 and F12 for catalogs:
// duplicate and case-folded keys, invalid UTF-8, control characters and a
// byte order mark are errors with a JSON Pointer.
func TestLoadCatalogHostile(t *testing.T) {
	good := `{"duties":[` + goodDuty + `]}`
	tests := []struct {
		name, in, path, rule string
	}{
		{"duplicate key", strings.Replace(good, `"party":"institution"`, `"party":"institution","party":"vendor"`, 1), "/duties/0/party", "duplicate-key"},
		{"case-folded key", strings.Replace(good, `"party":"institution"`, `"party":"institution","Party":"vendor"`, 1), "/duties/0/Party", "duplicate-key"},
		{"shadow duties", strings.Replace(good, `]}`, `],"Duties":[]}`, 1), "/Duties", "duplicate-key"},
		{"case-folded key alone", strings.Replace(good, `"inForce"`, `"inforce"`, 1), "/duties/0/inforce", "unknown-field"},
		{"invalid UTF-8", strings.Replace(good, `Drill the plan`, "Drill \xc0 plan", 1), "/duties/0/title/format", "utf8"},
		{"NUL", strings.Replace(good, `Drill the plan`, `Drill\u0000`, 1), "/duties/0/title/format", "control"},
		{"ESC", strings.Replace(good, `Drill the plan`, `\u001b]8;;https://evil.example\u0007x`, 1), "/duties/0/title/format", "control"},
		{"BOM", "\xEF\xBB\xBF" + good, "", "bom"},
		{"args", strings.Replace(good, `"format":"Drill the plan"`, `"format":"Drill the plan","args":[1]`, 1), "/duties/0/title", "format"},
		{"too many citations", strings.Replace(good, `"citations":[`, `"citations":[`+strings.Repeat(`"CN-CSL-2016",`, maxDutyList), 1), "/duties/0/citations", "max-items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadCatalog(strings.NewReader(tt.in), nil)
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			found := false
			for _, e := range fes {
				found = found || e.Path == tt.path && e.Rule == tt.rule
			}
			assert.True(t, found, "want %s at %q, got %v", tt.rule, tt.path, err)
			checkErrorMessages(t, err)
		})
	}
}

// catalogWorstCases are hostile catalogs of about n bytes.
var catalogWorstCases = []struct {
	name   string
	make   func(n int) []byte
	scales bool
}{
	{"invalid-duties", func(n int) []byte { return fill(`{"duties":[`, `{"id":"a#"}`, `,`, `]}`, n) }, true},
	{"unresolved-citations", func(n int) []byte {
		cites := strings.TrimSuffix(strings.Repeat(`"CN-NOPE art. 1",`, maxDutyList), ",")
		return fill(`{"duties":[`, `{"id":"X-#","citations":[`+cites+`]}`, `,`, `]}`, n)
	}, false},
	{"valid-duties", func(n int) []byte {
		// As many valid duties as a catalog may hold, with notes long
		// enough to fill n bytes.
		d := strings.Replace(goodDuty, "X-LOCAL-DUTY", "X-LOCAL-#", 1)
		d = strings.Replace(d, `"description":`, `"note":"`+strings.Repeat("n", n/MaxCatalogDuties-len(d)+2)+`","description":`, 1)
		return fill(`{"duties":[`, d, `,`, `]}`, n)
	}, false},
	{"unknown-keys", func(n int) []byte { return fill(`{"duties":[{`, `"k#":0`, `,`, `}]}`, n) }, true},
	{"empty-objects", func(n int) []byte { return fill(`{"duties":[`, `{}`, `,`, `]}`, n) }, true},
	{"args", func(n int) []byte {
		return fill(`{"duties":[{"title":{"args":[`, `{"a":[1,"x",true]}`, `,`, `]}}]}`, n)
	}, true},
}

// fill returns prefix, unit repeated as often as fits in n bytes with sep
// between ("#" in unit is replaced by the index), and suffix.
func fill(prefix, unit, sep, suffix string, n int) []byte {
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

// TestCatalogWorstCases: review finding F6. A hostile catalog at the size
// limit gets at most 100 errors, less than 64 MiB is allocated, and the
// allocations grow linearly with the input.
func TestCatalogWorstCases(t *testing.T) {
	for _, wc := range catalogWorstCases {
		t.Run(wc.name, func(t *testing.T) {
			full := wc.make(MaxCatalogSize)
			require.Greater(t, len(full), MaxCatalogSize*9/10)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := LoadCatalog(bytes.NewReader(full), nil)
			runtime.ReadMemStats(&after)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated at the size limit")
			if wc.name == "valid-duties" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.LessOrEqual(t, len(fes), 100)
			if len(fes) == 100 {
				assert.Equal(t, "too-many-errors", fes[99].Rule)
			}
			if !wc.scales {
				return
			}
			allocs := func(n int) float64 {
				data := wc.make(n)
				return testing.AllocsPerRun(2, func() { _, _ = LoadCatalog(bytes.NewReader(data), nil) })
			}
			a1, a2 := allocs(256<<10), allocs(512<<10)
			assert.LessOrEqual(t, a2, 2.2*a1+50, "allocations for 256 KiB: %v, for 512 KiB: %v", a1, a2)
		})
	}
}

// BenchmarkLoadCatalogWorstCase: LoadCatalog of each hostile catalog at
// MaxCatalogSize (4 MiB). The goal is under 1 s and under 64 MiB
// allocated per operation.
func BenchmarkLoadCatalogWorstCase(b *testing.B) {
	for _, wc := range catalogWorstCases {
		data := wc.make(MaxCatalogSize)
		b.Run(wc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = LoadCatalog(bytes.NewReader(data), nil)
			}
		})
	}
}

// TestProfileErrorsDeterministic: review finding F11. The errors of a
// profile with several bad events come out in one order, run after run.
func TestProfileErrorsDeterministic(t *testing.T) {
	bad := medsec.NewDate(2026, 2, 30)
	p := hospitalCN(3)
	p.Institution.Events = map[medsec.Event]medsec.Date{}
	p.Institution.Systems[0].Events = map[medsec.Event]medsec.Date{}
	for i := range 40 {
		ev := medsec.Event(fmt.Sprintf("event-%02d", i))
		p.Institution.Events[ev] = bad
		p.Institution.Systems[0].Events[ev] = bad
	}
	first := p.Validate(nil)
	require.Error(t, first)
	for range 50 {
		require.Equal(t, first.Error(), p.Validate(nil).Error())
	}
	var fes medsec.FieldErrors
	require.ErrorAs(t, first, &fes)
	assert.Equal(t, "/institution/events/event-00", fes[0].Path)
}

// TestProfileErrorsCapped: a profile with thousands of broken systems
// gets 100 errors.
func TestProfileErrorsCapped(t *testing.T) {
	p := hospitalCN(3)
	p.Institution.Systems = make([]grading.System, 5000)
	err := p.Validate(nil)
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	require.Len(t, fes, 100)
	assert.Equal(t, "and 4901 more errors", fes[99].Message.String())
}
