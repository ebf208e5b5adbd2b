package i18n

import (
	"math"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var (
	hoursTmpl  = medsec.MessageTemplate{Key: "test.hours", Format: "%d hours"}
	decTmpl    = medsec.MessageTemplate{Key: "test.dec", Format: "%v days"}
	nestedTmpl = medsec.MessageTemplate{Key: "test.nested", Format: "%s within %[2]s"}
	quoteTmpl  = medsec.MessageTemplate{Key: "test.quote", Format: "unknown name %q"}
)

func testCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := DefaultCatalog().Extend(CS, strings.NewReader(`{
		"test.hours": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}},
		"test.dec": {"plural": {"arg": 1, "one": "%v den", "few": "%v dny", "many": "%v dne", "other": "%v dní"}},
		"test.nested": "%s do %[2]s",
		"test.quote": "neznámý název %q"
	}`))
	require.NoError(t, err)
	c, err = c.Extend(EN, strings.NewReader(`{"test.hours": {"plural": {"arg": 1, "one": "%d hour", "other": "%d hours"}}}`))
	require.NoError(t, err)
	return c
}

func TestFormatPlural(t *testing.T) {
	c := testCatalog(t)
	cs, en := c.Localizer(CS), c.Localizer(EN)
	for n, want := range map[int]string{1: "1 hodina", 2: "2 hodiny", 4: "4 hodiny", 5: "5 hodin", 0: "0 hodin", 22: "22 hodin", 1234: "1\u00a0234 hodin", -3: "-3 hodiny"} {
		assert.Equal(t, want, cs.Format(hoursTmpl.New(n)), "n=%d", n)
	}
	assert.Equal(t, "1,5 dne", cs.Format(decTmpl.New(1.5)))
	assert.Equal(t, "2 dny", cs.Format(decTmpl.New(2.0)))
	assert.Equal(t, "1 hour", en.Format(hoursTmpl.New(1)))
	assert.Equal(t, "2 hours", en.Format(hoursTmpl.New(2)))
	// The default catalog has no entry: English fallback.
	assert.Equal(t, "1 hours", NewLocalizer(CS).Format(hoursTmpl.New(1)))
	// A plural message without its argument renders the "other" form.
	assert.Equal(t, "%!d(MISSING) hodin", cs.Format(hoursTmpl.New()))
}

// TestFormatPluralExtremes: the plural form of the most negative integer,
// of non-finite floats and of negative zero is chosen without a panic
// (math.MinInt64 has no positive counterpart, "+Inf" has no digits and
// -0 was not below zero but printed with a sign). FuzzFormat found the
// panic.
func TestFormatPluralExtremes(t *testing.T) {
	c := testCatalog(t)
	for _, loc := range Locales() {
		l := c.Localizer(loc)
		for _, n := range []any{int64(math.MinInt64), int64(math.MaxInt64), math.MinInt, uint64(math.MaxUint64)} {
			assert.NotPanics(t, func() { l.Format(hoursTmpl.New(n)) }, "%s %v", loc, n)
		}
		for _, f := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1), -math.MaxFloat64, math.SmallestNonzeroFloat64} {
			assert.NotPanics(t, func() { l.Format(decTmpl.New(f)) }, "%s %v", loc, f)
		}
	}
	assert.Equal(t, "-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808 hodin", c.Localizer(CS).Format(hoursTmpl.New(int64(math.MinInt64))))
	assert.Equal(t, "+Inf dní", c.Localizer(CS).Format(decTmpl.New(math.Inf(1))))
	assert.Equal(t, "-0 dní", c.Localizer(CS).Format(decTmpl.New(math.Copysign(0, -1))))
}

func TestFormatArgs(t *testing.T) {
	c := testCatalog(t)
	cs := c.Localizer(CS)
	inner := medsec.Confidence(medsec.Verified).Message()
	assert.Equal(t, "ověřeno do 17. 3. 2020", cs.Format(nestedTmpl.New(inner, medsec.NewDate(2020, 3, 17))))
	assert.Equal(t, "neznámý název „X\\n“", cs.Format(quoteTmpl.New("X\n")))
	assert.Equal(t, "unknown name “X”", c.Localizer(EN).Format(quoteTmpl.New("X")))
	// Types outside the contract print as fmt does.
	assert.Equal(t, "%!s(bool=true) do [%!s(int=1) %!s(int=2)]", cs.Format(nestedTmpl.New(true, []int{1, 2})))
	// Unknown key, English fallback, with locale-formatted args.
	assert.Equal(t, "12.345 items", NewLocalizer(VI).Format(medsec.Message{Key: "x.y", Format: "%d items", Args: []any{12345}}))
	assert.Equal(t, "year 2026", NewLocalizer(VI).Format(medsec.Message{Key: "x.y", Format: "year %v", Args: []any{2026}}))
	// A bad fallback format is shown literally.
	assert.Equal(t, "%5.2f", NewLocalizer(EN).Format(medsec.Message{Key: "x.z", Format: "%5.2f", Args: []any{1.0}}))
	// Deep nesting stops at maxDepth.
	m := medsec.Message{Key: "x.leaf", Format: "leaf"}
	for range 20 {
		m = medsec.Message{Key: "x.wrap", Format: "(%s)", Args: []any{m}}
	}
	out := NewLocalizer(EN).Format(m)
	assert.True(t, strings.HasSuffix(out, "x.wrap"+strings.Repeat(")", maxDepth+1)), out)
}

// TestNumberStylesMatchCLDR compares the hand-written number symbols with
// golang.org/x/text/message, which takes them from CLDR.
func TestNumberStylesMatchCLDR(t *testing.T) {
	for _, loc := range Locales() {
		p := message.NewPrinter(loc.Tag())
		l := NewLocalizer(loc)
		for _, n := range []int64{0, 7, 999, 1000, 12345, 1234567, -98765} {
			assert.Equal(t, p.Sprintf("%d", n), l.Number(n), "%v %d", loc, n)
		}
		for _, f := range []float64{1.5, 1234.25, 0.125} {
			assert.Equal(t, p.Sprint(f), l.Decimal(f), "%v %v", loc, f)
		}
	}
}

func TestExtendStrict(t *testing.T) {
	bad := map[string]string{
		"not object":     `[]`,
		"unknown field":  `{"a.b": {"format": "x", "extra": 1}}`,
		"duplicate":      `{"a.b": "x", "a.b": "y"}`,
		"trailing":       `{"a.b": "x"} {}`,
		"bad verb":       `{"a.b": "%f"}`,
		"lone percent":   `{"a.b": "50 %"}`,
		"both":           `{"a.b": {"format": "x", "plural": {"arg": 1, "other": "y"}}}`,
		"neither":        `{"a.b": {}}`,
		"no arg":         `{"a.b": {"plural": {"other": "y"}}}`,
		"missing few":    `{"a.b": {"plural": {"arg": 1, "one": "%d", "other": "%d"}}}`,
		"form not in cs": `{"a.b": {"plural": {"arg": 1, "one": "%d", "few": "%d", "two": "%d", "other": "%d"}}}`,
		"bad index":      `{"a.b": "%[0]s"}`,
		"empty key":      `{"": "x"}`,
		"number":         `{"a.b": 5}`,
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := NewCatalog().Extend(CS, strings.NewReader(in))
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidData)
			assert.True(t, strings.HasPrefix(err.Error(), "i18n: "), err.Error())
		})
	}
	_, err := NewCatalog().Extend(VI, strings.NewReader(`{"a.b": {"plural": {"arg": 1, "one": "%d", "other": "%d"}}}`))
	assert.ErrorIs(t, err, medsec.ErrInvalidData, "Vietnamese has only 'other'")
	_, err = NewCatalog().Extend(Locale("de"), strings.NewReader(`{}`))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = NewCatalog().Extend(CS, strings.NewReader(`{"a.b": "`+strings.Repeat("x", maxCatalogSize)+`"}`))
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
}

// TestExtendHostile pins review findings F7 and F12 for translation
// files: duplicate and case-folded keys, invalid UTF-8, control
// characters and a byte order mark are field errors with a JSON Pointer.
func TestExtendHostile(t *testing.T) {
	tests := []struct {
		name, in, path, rule string
	}{
		{"duplicate", `{"a.b": "x", "a.b": "y"}`, "/a.b", "duplicate-key"},
		{"case-folded", `{"app.title": "x", "App.Title": "y"}`, "/App.Title", "duplicate-key"},
		{"case-folded field", `{"a.b": {"Format": "x"}}`, "/a.b/Format", "unknown-field"},
		{"duplicate plural form", `{"a.b": {"plural": {"arg": 1, "one": "%d", "one": "%d", "few": "%d", "other": "%d"}}}`, "/a.b/plural/one", "duplicate-key"},
		{"invalid UTF-8", "{\"a.b\": \"x\xff\"}", "/a.b", "utf8"},
		{"invalid UTF-8 key", "{\"a.\xffb\": \"x\"}", `/a.\xffb`, "utf8"},
		{"NUL", `{"a.b": "x\u0000"}`, "/a.b", "control"},
		{"ESC", `{"a.b": {"format": "\u001b[2J"}}`, "/a.b/format", "control"},
		{"BOM", "\xEF\xBB\xBF{}", "", "bom"},
		{"slash in key", `{"a/b": "x\u001b"}`, "/a~1b", "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCatalog().Extend(CS, strings.NewReader(tt.in))
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			found := false
			for _, e := range fes {
				found = found || e.Path == tt.path && e.Rule == tt.rule
			}
			assert.True(t, found, "want %s at %q, got %v", tt.rule, tt.path, err)
		})
	}
	c, err := NewCatalog().Extend(CS, strings.NewReader(`{"a.b": "řádek 1\n\třádek 2"}`))
	require.NoError(t, err, "tab and line feed are allowed")
	assert.Equal(t, "řádek 1\n\třádek 2", c.Localizer(CS).Format(medsec.Message{Key: "a.b"}))
}

func TestExtendDoesNotChangeOriginal(t *testing.T) {
	base := DefaultCatalog()
	c, err := base.Extend(CS, strings.NewReader(`{"medsec.jurisdiction.CN": "ČLR"}`))
	require.NoError(t, err)
	m := medsec.MessageTemplate{Key: "medsec.jurisdiction.CN", Format: "China"}.New()
	assert.Equal(t, "ČLR", c.Localizer(CS).Format(m))
	assert.Equal(t, "Čína", base.Localizer(CS).Format(m))
}

func TestCheck(t *testing.T) {
	c := testCatalog(t)
	probs := c.Check(append(medsec.MessageTemplates(), hoursTmpl, decTmpl, nestedTmpl,
		medsec.MessageTemplate{Key: "test.quote", Format: "unknown name %s"},
		medsec.MessageTemplate{Key: "test.bad", Format: "%x"}, hoursTmpl))
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	assert.Contains(t, got, "en test.hours: duplicate key")
	assert.Contains(t, got, "en test.bad: bad format (format \"%x\" uses %x; only %s, %d, %v, %q and %% are allowed)")
	assert.Contains(t, got, "cs test.quote: placeholders (English has [1:s], translation has [1:q])")
	assert.Contains(t, got, "vi test.hours: missing")
	assert.NotContains(t, got, "cs test.hours: missing")
	c2, err := NewCatalog().Extend(VI, strings.NewReader(`{"left.over": "x"}`))
	require.NoError(t, err)
	assert.Contains(t, c2.Check(nil), Problem{VI, "left.over", Unused, ""})
}

func TestLanguageForms(t *testing.T) {
	cs := languageForms(language.Czech)
	assert.Equal(t, uint8(1<<0|1<<2|1<<4), cs.required) // other, one, few
	assert.NotZero(t, cs.all&(1<<5), "Czech has many for decimals")
	vi := languageForms(language.Vietnamese)
	assert.Equal(t, uint8(1), vi.all)
}
