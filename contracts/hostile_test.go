package contracts

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// TestDecodeHostile pins the strictness that the shared decoder adds
// (review findings F7, F12): keys in another letter case, invalid UTF-8,
// control characters and a byte order mark are errors with a path.
func TestDecodeHostile(t *testing.T) {
	valid := string(readFile(t, validFixture))
	shadow := strings.Replace(valid, `"significantSupplier"`, `"Institution": {"name": "SHADOW", "country": "CZ"}, "significantSupplier"`, 1)
	systems := func(n int) string {
		return `{"institution": {"systems": [` + strings.Repeat(`{"id": "s"},`, n-1) + `{"id": "s"}]}}`
	}
	tests := []struct {
		name, in   string
		path, rule string
	}{
		{"shadow institution", shadow, "/Institution", "duplicate-key"},
		{"case variant alone", `{"Vendor": {}}`, "/Vendor", "unknown-field"},
		{"case variant first", `{"VENDOR": {}, "vendor": {}}`, "/vendor", "duplicate-key"},
		{"invalid UTF-8", "{\"vendor\": {\"name\": \"Acme\xff\"}}", "/vendor/name", "utf8"},
		{"invalid UTF-8 in key", "{\"vend\xc3r\": 1}", `/vend\xc3r`, "utf8"},
		{"unpaired surrogate", `{"vendor": {"name": "\udead"}}`, "/vendor/name", "utf8"},
		{"NUL", `{"vendor": {"name": "Acme\u0000"}}`, "/vendor/name", "control"},
		{"ESC", `{"clauses": [{"text": "\u001b[2J"}]}`, "/clauses/0/text", "control"},
		{"ESC in key", `{"\u001b[31mPWNED": 1}`, `/\u001b[31mPWNED`, "control"},
		{"CR", `{"vendor": {"name": "a\rb"}}`, "/vendor/name", "control"},
		{"C1", `{"vendor": {"name": "a\u0085b"}}`, "/vendor/name", "control"},
		{"line separator", `{"vendor": {"name": "a\u2028b"}}`, "/vendor/name", "control"},
		{"BOM", "\xEF\xBB\xBF" + valid, "", "bom"},
		{"too many systems", systems(maxSystems + 1), "/institution/systems", "max-items"},
		{"too many flags", `{"institution": {"flags": [` + strings.Repeat(`"cii",`, maxListItems) + `"cii"]}}`, "/institution/flags", "max-items"},
		{"too many clauses", `{"clauses": [` + strings.Repeat(`{},`, 200) + `{}]}`, "/clauses", "max-items"},
		{"too many citations", `{"clauses": [{"citations": [` + strings.Repeat(`"EU-NIS2",`, 20) + `"EU-NIS2"]}]}`, "/clauses/0/citations", "max-items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(strings.NewReader(tt.in))
			assert.Nil(t, c)
			fes := errorsOf(t, err)
			assert.True(t, hasError(fes, tt.path, tt.rule), "want %s at %q, got %v", tt.rule, tt.path, describe(fes))
		})
	}
	// Tab and line feed are allowed in text.
	ok := strings.Replace(valid, `"RTO 8 h, RPO 1 h."`, `"RTO:\t8 h\nRPO:\t1 h"`, 1)
	c, err := Decode(strings.NewReader(ok))
	require.NoError(t, err)
	assert.Equal(t, "RTO:\t8 h\nRPO:\t1 h", c.Clauses[6].Text)
}

type lenReader struct {
	io.Reader
	n int
}

func (r lenReader) Len() int { return r.n }

// TestDecodeNoPanic: review finding F8 (a): a limit of MaxInt64 and a
// reader that lies about its length do not panic; a nil option is
// ignored.
func TestDecodeNoPanic(t *testing.T) {
	data := readFile(t, validFixture)
	for _, r := range []io.Reader{
		bytes.NewReader(data),
		lenReader{bytes.NewReader(data), -1},
		lenReader{bytes.NewReader(data), math.MaxInt},
		lenReader{bytes.NewReader(data), math.MinInt},
	} {
		c, err := Decode(r, WithMaxBytes(math.MaxInt64), nil)
		require.NoError(t, err)
		assert.Equal(t, "Imaging Systems s.r.o.", c.Vendor.Name)
	}
	_, err := Decode(bytes.NewReader(data), nil, WithMaxBytes(10))
	assert.True(t, hasError(errorsOf(t, err), "", "size"))
}

// TestValidateErrorsCapped: review finding F1. Validate reports at most
// 100 errors, sorted by path, the last saying how many more there were.
func TestValidateErrorsCapped(t *testing.T) {
	c, err := Decode(strings.NewReader(`{"jurisdiction": "CN", "institution": {"systems": [` + strings.Repeat(`{},`, 999) + `{}]}}`))
	require.NoError(t, err)
	fes := errorsOf(t, Validate(c))
	require.Len(t, fes, 100)
	last := fes[len(fes)-1]
	assert.Equal(t, "too-many-errors", last.Rule)
	assert.Equal(t, "and 1912 more errors", last.Message.String()) // 2 per system (id, mlps) and 11 others, 99 shown
	for i := 1; i < len(fes)-1; i++ {
		assert.False(t, pathLess(fes[i].Path, fes[i-1].Path), "%s before %s", fes[i-1].Path, fes[i].Path)
	}
	assert.Equal(t, "/category", fes[0].Path)
	assert.Equal(t, "/institution/systems/0/mlps", fes[9].Path) // the institution's errors sort in among the field errors
}

// TestValidateHugeGoBuilt: a contract built in Go with a million systems
// gets one "max" error, not one per system.
func TestValidateHugeGoBuilt(t *testing.T) {
	c := &Contract{Jurisdiction: medsec.CN, Institution: grading.Institution{Systems: make([]grading.System, 1_000_000)}}
	fes := errorsOf(t, Validate(c))
	assert.True(t, hasError(fes, "/institution/systems", "max"), describe(fes))
	assert.Less(t, len(fes), 30)
}

// TestBoundsMatchTags: the bounds Validate applies by hand are those of
// the validate tags and of the schema's table for the institution.
func TestBoundsMatchTags(t *testing.T) {
	f, _ := reflect.TypeFor[Contract]().FieldByName("Clauses")
	assert.Contains(t, f.Tag.Get("validate"), fmt.Sprintf("max=%d,", maxClauses))
	f, _ = reflect.TypeFor[Clause]().FieldByName("Citations")
	assert.Contains(t, f.Tag.Get("validate"), fmt.Sprintf("max=%d", maxCitations))
	inst := foreignTags[reflect.TypeFor[grading.Institution]()]
	assert.Contains(t, inst["systems"], fmt.Sprintf("max=%d", maxSystems))
	assert.Contains(t, inst["name"], fmt.Sprintf("max=%d", maxInstitutionName))
}

// A worstCase is a hostile contract of about n bytes, the most expensive
// of its kind to decode and validate.
type worstCase struct {
	name   string
	make   func(n int) []byte
	scales bool // its cost grows with n; otherwise a bound caps it
}

// repeat returns prefix, unit repeated as often as fits in n bytes with
// sep between, and suffix.
func repeat(prefix, unit, sep, suffix string, n int) []byte {
	var b bytes.Buffer
	b.WriteString(prefix)
	for i := 0; b.Len()+len(unit)+len(sep)+len(suffix) <= n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(unit, "#", fmt.Sprint(i)))
	}
	b.WriteString(suffix)
	return b.Bytes()
}

var worstCases = []worstCase{
	{"empty-systems", func(n int) []byte {
		return repeat(`{"jurisdiction":"CN","institution":{"systems":[`, `{}`, `,`, `]}}`, n)
	}, true},
	{"empty-clauses", func(n int) []byte { return repeat(`{"jurisdiction":"CN","clauses":[`, `{}`, `,`, `]}`, n) }, true},
	{"unknown-keys", func(n int) []byte { return repeat(`{`, `"k#":0`, `,`, `}`, n) }, true},
	{"duplicate-keys", func(n int) []byte { return repeat(`{"vendor":{`, `"name":""`, `,`, `}}`, n) }, true},
	{"case-variants", func(n int) []byte { return repeat(`{"x":{`, `"k#":0,"K#":0`, `,`, `}}`, n) }, true},
	{"deep-unknown", func(n int) []byte {
		return repeat(`{"x":[`, strings.Repeat("[", 62)+strings.Repeat("]", 62), `,`, `]}`, n)
	}, true},
	{"bad-utf8", func(n int) []byte { return repeat(`{"x":[`, "\"\xff\"", `,`, `]}`, n) }, true},
	{"control-chars", func(n int) []byte { return repeat(`{"x":[`, `"\u001b"`, `,`, `]}`, n) }, true},
	{"escapes", func(n int) []byte { return repeat(`{"vendor":{"name":"`, `\u00e9`, ``, `"}}`, n) }, true},
	{"wrong-types", func(n int) []byte { return repeat(`{"clauses":[`, `{"kind":1,"text":[],"mfa":"x"}`, `,`, `]}`, n) }, true},
	{"max-validation-errors", func(n int) []byte { return maxValidationErrors(n) }, false},
}

// maxValidationErrors is a contract that decodes but breaks as many
// validation rules as the bounds allow: every system and clause, every
// citation and parameter, and texts too long.
func maxValidationErrors(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"id":"6f1c2a4e-8b3d-4c5e-9a7f-0d1e2f3a4b5c","jurisdiction":"CN","category":"cloud-services",` +
		`"institution":{"id":"H","jurisdictions":["VN"],"flags":["no-such-flag"],"systems":[`)
	for i := range maxSystems {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"id":"S","vn":"2","flags":["no-such-flag"],"events":{"no-such-event":"2020-01-01"}}`)
	}
	b.WriteString(`]},"clauses":[`)
	const clauses = 200
	text := max(0, (n-b.Len())/clauses-900)
	for i := range clauses {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"kind":"training","text":"` + strings.Repeat("x", text) + `","citations":[`)
		for j := range 20 {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"EU-NIS2 art. %d"`, 900+j)
		}
		b.WriteString(`],"notifyWithinHours":0,"remediationDays":{"critical":9,"high":1,"medium":0,"low":0},` +
			`"supportEndDate":"2020-01-01","rtoHours":-1,"rpoHours":-1,"viaHospitalGateway":true,"mfa":true,` +
			`"transferAssessment":true,"dataReturnDays":0,"logRetentionDays":0}`)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// decodeAndValidate is the pipeline the worst cases go through.
func decodeAndValidate(data []byte) error {
	c, err := Decode(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return Validate(c)
}

// TestWorstCases: on every hostile input, Decode and Validate report at
// most 100 errors, and their memory grows linearly with the input: twice
// the input costs at most about twice the allocations. At the size limit
// they allocate less than 64 MiB (BenchmarkWorstCase measures the time).
func TestWorstCases(t *testing.T) {
	for _, wc := range worstCases {
		t.Run(wc.name, func(t *testing.T) {
			full := wc.make(DefaultMaxBytes)
			require.LessOrEqual(t, len(full), DefaultMaxBytes)
			require.Greater(t, len(full), DefaultMaxBytes*9/10, "the worst case must fill the limit")
			err := decodeAndValidate(full)
			fes := errorsOf(t, err)
			assert.LessOrEqual(t, len(fes), 100)
			if len(fes) == 100 {
				assert.Equal(t, "too-many-errors", fes[99].Rule)
			}

			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_ = decodeAndValidate(full)
			runtime.ReadMemStats(&after)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated at the size limit")

			if !wc.scales {
				return
			}
			allocs := func(n int) float64 {
				data := wc.make(n)
				return testing.AllocsPerRun(2, func() { _ = decodeAndValidate(data) })
			}
			a1, a2 := allocs(64<<10), allocs(128<<10)
			assert.LessOrEqual(t, a2, 2.2*a1+50, "allocations for 64 KiB: %v, for 128 KiB: %v", a1, a2)
		})
	}
}

// BenchmarkWorstCase: Decode and Validate of each hostile input at the
// default size limit of 1 MiB. The goal is under 1 s and under 64 MiB
// allocated per operation.
func BenchmarkWorstCase(b *testing.B) {
	for _, wc := range worstCases {
		data := wc.make(DefaultMaxBytes)
		b.Run(wc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_ = decodeAndValidate(data)
			}
		})
	}
}

// BenchmarkWorstCaseBytes: DecodeBytes, which has no size limit of its
// own, on each hostile input at 4 MiB, the most the hospital example
// passes it.
func BenchmarkWorstCaseBytes(b *testing.B) {
	for _, wc := range worstCases {
		data := wc.make(4 << 20)
		b.Run(wc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = DecodeBytes(data)
			}
		})
	}
}

// TestValidateCitationNotForgeable: review finding F10. Validate checks
// every citation against the registry itself; no instrument text, such as
// the old "\x00citation-ok" token, passes for a resolving citation.
func TestValidateCitationNotForgeable(t *testing.T) {
	for _, c := range []medsec.Citation{
		{Instrument: "\x00citation-ok"},
		{Instrument: "\x00date-ok"},
		{Instrument: "EU-NIS2 art. 21"},
		{Instrument: "EU-NIS2", Paragraph: "2"},
		{Instrument: "EU-NIS2", Article: "999"},
	} {
		k, err := Decode(bytes.NewReader(readFile(t, validFixture)))
		require.NoError(t, err)
		k.Clauses[0].Citations = []medsec.Citation{c}
		fes := errorsOf(t, Validate(k))
		assert.True(t, hasError(fes, "/clauses/0/citations/0", "citation"), "%q: %v", c, describe(fes))
	}
}
