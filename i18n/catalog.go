package i18n

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed data/locales/*.json
var localeFS embed.FS

// maxCatalogSize bounds one translation file.
const maxCatalogSize = 4 << 20

// An entry is one translated message, compiled at load time.
type entry struct {
	format compiled // the format when the message has no plural forms
	plural *pluralForms
}

// pluralForms are the CLDR plural variants of a message, chosen by the
// value of one argument.
type pluralForms struct {
	arg   int                        // 0-based index of the selecting argument
	forms [plural.Many + 1]*compiled // indexed by plural.Form; Other is never nil
}

// placeholders returns the union of the placeholders of every form of e.
func (e *entry) placeholders() []string {
	if e.plural == nil {
		return e.format.placeholders()
	}
	var all []string
	for _, f := range e.plural.forms {
		if f != nil {
			all = append(all, f.placeholders()...)
		}
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// A Catalog holds the translations of messages into every supported
// locale. A Catalog is immutable and safe for concurrent use; [Catalog.Extend]
// returns a new Catalog. English needs no translation file: a message's
// own Format is its English text, unless an English override is loaded.
type Catalog struct {
	msgs [CS + 1]map[string]*entry
	// fallback caches compiled English formats of messages without an
	// entry. It only grows up to maxFallback formats.
	fallback sync.Map // string → *compiled
	nfall    int64
	mu       sync.Mutex
}

const maxFallback = 4096

var defaultCatalog = sync.OnceValues(func() (*Catalog, error) {
	c := &Catalog{}
	for _, l := range Locales() {
		b, err := localeFS.ReadFile("data/locales/" + l.String() + ".json")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		m, err := decodeMessages(l, bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("embedded %s.json: %w", l, err)
		}
		c.msgs[l] = m
	}
	return c, nil
})

// DefaultCatalog returns the catalog of the translations embedded in
// medsec. It is loaded on first use. The embedded files are checked by the
// package's tests, so loading them cannot fail in a released build; if it
// does anyway, DefaultCatalog panics with the decoding error.
func DefaultCatalog() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		panic(err)
	}
	return c
}

// NewCatalog returns a catalog without translations: every locale falls
// back to the English formats of the messages. Use [Catalog.Extend] to add
// translations.
func NewCatalog() *Catalog { return &Catalog{} }

// Extend returns a copy of c in which the messages of the JSON translation
// file r are added to locale loc, replacing messages with the same keys. c
// itself is not changed. Use it to override medsec's wording or to
// translate your own message keys.
//
// The file is one JSON object mapping message keys to either a format
// string or a plural object:
//
//	{
//	  "app.greeting": "Dobrý den, %s",
//	  "app.hours": {"plural": {"arg": 1, "one": "%d hodina", "few": "%d hodiny", "many": "%d hodiny", "other": "%d hodin"}}
//	}
//
// Decoding is strict: unknown fields, duplicate keys (also keys that
// differ only in letter case), text that is not valid UTF-8 or holds a
// control character other than tab and line feed, a byte order mark,
// trailing data, verbs other than %s %d %v %q, plural forms that loc's
// language does not have, missing required plural forms, more than 20,000
// messages and files over 4 MiB are errors wrapping
// [medsec.ErrInvalidData]. Problems with the JSON itself come as
// [medsec.FieldErrors] whose paths are JSON Pointers ("/app.greeting").
func (c *Catalog) Extend(loc Locale, r io.Reader) (*Catalog, error) {
	if !loc.Valid() {
		return nil, fmt.Errorf("i18n: extend catalog: locale %d is not supported: %w", uint8(loc), errInvalidInput)
	}
	m, err := decodeMessages(loc, r)
	if err != nil {
		return nil, err
	}
	n := &Catalog{msgs: c.msgs}
	merged := maps.Clone(c.msgs[loc])
	if merged == nil {
		merged = make(map[string]*entry, len(m))
	}
	maps.Copy(merged, m)
	n.msgs[loc] = merged
	return n, nil
}

// Keys returns the keys translated for loc, sorted.
func (c *Catalog) Keys(loc Locale) []string {
	if !loc.Valid() {
		return nil
	}
	return slices.Sorted(maps.Keys(c.msgs[loc]))
}

// compiledFallback returns the compiled English format, caching it.
func (c *Catalog) compiledFallback(format string) *compiled {
	if v, ok := c.fallback.Load(format); ok {
		return v.(*compiled)
	}
	cf, err := compileFormat(format)
	if err != nil {
		// Not a valid medsec format: show it literally rather than guess.
		cf = compiled{segs: []segment{{lit: format, arg: -1}}, size: len(format)}
	}
	c.mu.Lock()
	if c.nfall < maxFallback {
		c.nfall++
		c.fallback.Store(format, &cf)
	}
	c.mu.Unlock()
	return &cf
}

// jsonPlural is the JSON form of plural variants.
type jsonPlural struct {
	Arg   int     `json:"arg"`
	Zero  *string `json:"zero"`
	One   *string `json:"one"`
	Two   *string `json:"two"`
	Few   *string `json:"few"`
	Many  *string `json:"many"`
	Other *string `json:"other"`
}

type jsonEntry struct {
	Format *string     `json:"format"`
	Plural *jsonPlural `json:"plural"`
}

func dataErr(loc Locale, key, format string, args ...any) error {
	where := "i18n: " + loc.String() + " translations"
	if key != "" {
		where += ": " + key
	}
	return fmt.Errorf("%s: %s: %w", where, fmt.Sprintf(format, args...), errInvalidData)
}

// maxTranslations bounds the messages of one translation file; medsec
// itself has about 700.
const maxTranslations = 20_000

// translationDecoder reads translation files and their entries.
var translationDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: maxTranslations})
})

// decodeMessages strictly decodes one translation file. The JSON is read
// by the module's strict decoder (duplicate and case-folded keys, invalid
// UTF-8, control characters other than tab and line feed, a byte order
// mark and trailing data are errors, reported as medsec.FieldErrors with
// JSON Pointers); then each entry must follow the rules of Extend.
func decodeMessages(loc Locale, r io.Reader) (map[string]*entry, error) {
	b, tooLarge, err := strictjson.ReadAll(r, maxCatalogSize)
	if err != nil {
		return nil, dataErr(loc, "", "read: %v", err)
	}
	if tooLarge {
		return nil, dataErr(loc, "", "file is larger than %d bytes", maxCatalogSize)
	}
	var raws map[string]json.RawMessage
	if errs := translationDecoder().Unmarshal(b, &raws); errs != nil {
		return nil, jsonErr(loc, errs)
	}
	forms := languageForms(loc.Tag())
	out := make(map[string]*entry, len(raws))
	for _, key := range slices.Sorted(maps.Keys(raws)) {
		if key == "" || strings.TrimSpace(key) != key {
			return nil, dataErr(loc, key, "bad key %q", key)
		}
		e, err := decodeEntry(loc, key, raws[key], forms)
		if err != nil {
			return nil, err
		}
		out[key] = e
	}
	return out, nil
}

// jsonErr reports the decoding errors of a translation file.
func jsonErr(loc Locale, errs strictjson.Errors) error {
	return fmt.Errorf("i18n: %s translations: %w", loc, fielderr.FromJSON(errs, errInvalidData))
}

func decodeEntry(loc Locale, key string, raw json.RawMessage, forms formSet) (*entry, error) {
	path := "/" + strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if errs := translationDecoder().UnmarshalAt(raw, &s, path); errs != nil {
			return nil, jsonErr(loc, errs)
		}
		cf, err := compileFormat(s)
		if err != nil {
			return nil, dataErr(loc, key, "%v", err)
		}
		return &entry{format: cf}, nil
	}
	var je jsonEntry
	if errs := translationDecoder().UnmarshalAt(raw, &je, path); errs != nil {
		return nil, fmt.Errorf("i18n: %s translations: %s: want a format string or {\"format\": …} or {\"plural\": …}: %w",
			loc, key, fielderr.FromJSON(errs, errInvalidData))
	}
	bad := func(format string, args ...any) (*entry, error) { return nil, dataErr(loc, key, format, args...) }
	switch {
	case je.Format != nil && je.Plural != nil:
		return bad("give either format or plural, not both")
	case je.Format != nil:
		cf, err := compileFormat(*je.Format)
		if err != nil {
			return bad("%v", err)
		}
		return &entry{format: cf}, nil
	case je.Plural == nil:
		return bad("give format or plural")
	}
	p := je.Plural
	if p.Arg < 1 {
		return bad("plural.arg must name the selecting argument, counting from 1")
	}
	pf := &pluralForms{arg: p.Arg - 1}
	given := [...]*string{plural.Other: p.Other, plural.Zero: p.Zero, plural.One: p.One, plural.Two: p.Two, plural.Few: p.Few, plural.Many: p.Many}
	for f, s := range given {
		form := plural.Form(f)
		if s == nil {
			if forms.required&(1<<form) != 0 {
				return bad("plural form %q is required in this language", formNames[form])
			}
			continue
		}
		if forms.all&(1<<form) == 0 {
			return bad("plural form %q does not exist in this language", formNames[form])
		}
		cf, err := compileFormat(*s)
		if err != nil {
			return bad("plural form %q: %v", formNames[form], err)
		}
		pf.forms[form] = &cf
	}
	// Decimal-only forms (such as Czech "many") fall back to "other".
	for f := range pf.forms {
		if pf.forms[f] == nil {
			pf.forms[f] = pf.forms[plural.Other]
		}
	}
	return &entry{plural: pf}, nil
}

var formNames = [...]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// A formSet tells which plural forms a language uses: all of them (for
// integers or decimals) and those that integers need.
type formSet struct{ all, required uint8 }

// languageForms samples the CLDR rules of tag to find its forms.
func languageForms(tag language.Tag) formSet {
	var fs formSet
	samples := make([]int, 0, 1210)
	for n := 0; n <= 1200; n++ {
		samples = append(samples, n)
	}
	// Some languages change form at the millions.
	samples = append(samples, 1_000_000, 1_000_001, 2_000_000, 5_000_000)
	for _, n := range samples {
		f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
		fs.all |= 1 << f
		fs.required |= 1 << f
		for _, frac := range [...]int{1, 5} {
			f = plural.Cardinal.MatchPlural(tag, n%200, 1, 1, frac, frac)
			fs.all |= 1 << f
		}
	}
	return fs
}

// pluralForm returns the CLDR cardinal form for an argument value.
func pluralForm(tag language.Tag, v any) plural.Form {
	switch n := v.(type) {
	case float64:
		return floatForm(tag, n)
	case float32:
		return floatForm(tag, float64(n))
	}
	if i, ok := asInt(v); ok {
		// The remainder first: -math.MinInt64 is itself negative.
		n := int(i % 10_000_000)
		if n < 0 {
			n = -n
		}
		return plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
	}
	return plural.Other
}

func floatForm(tag language.Tag, f float64) plural.Form {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return plural.Other
	}
	f = math.Abs(f) // also -0, whose text has a sign
	s := formatFloat(f)
	i, frac, _ := strings.Cut(s, ".")
	n := 0
	for _, c := range i {
		n = (n*10 + int(c-'0')) % 10_000_000
	}
	v := len(frac)
	t := 0
	for _, c := range frac {
		t = (t*10 + int(c-'0')) % 10_000_000
	}
	return plural.Cardinal.MatchPlural(tag, n, v, v, t, t)
}

// Templates returns the message templates that key the entries of loc,
// with their translated formats (plural messages show their "other" form).
// It is meant for tools that list or compare translations.
func (c *Catalog) Templates(loc Locale) []medsec.MessageTemplate {
	keys := c.Keys(loc)
	out := make([]medsec.MessageTemplate, 0, len(keys))
	for _, k := range keys {
		e := c.msgs[loc][k]
		cf := &e.format
		if e.plural != nil {
			cf = e.plural.forms[plural.Other]
		}
		out = append(out, medsec.MessageTemplate{Key: k, Format: cf.src})
	}
	return out
}
