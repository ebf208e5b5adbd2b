package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"maps"
	"math"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// maxCatalogSize bounds one translation file.
const maxCatalogSize = 4 << 20

// maxTranslations bounds the messages of one translation file; medsec
// itself has about 800.
const maxTranslations = 20_000

// conventionsKey is the member of a locale file that declares the
// locale's conventions rather than a message.
const conventionsKey = "@locale"

// An entry is one translated message: a format, or plural forms chosen by
// one argument. Its formats were checked and split into tokens when it was
// loaded, so that rendering a translation does not parse it (this keeps
// Localizer.Format as fast as the compiled formats it replaced; English
// formats without a translation are read as they are rendered).
type entry struct {
	format format
	plural *pluralForms
	of     *format // the form of a name after a cited provision; see Localizer.Citation
}

// pluralForms are the CLDR plural variants of a message, chosen by the
// value of one argument.
type pluralForms struct {
	arg   int                     // 0-based index of the selecting argument
	forms [plural.Many + 1]format // indexed by plural.Form; a form not given is the "other" form
	given uint8                   // the forms the translation gives, as bits 1<<plural.Form
}

// placeholders returns the union of the placeholders of every form of e.
func (e *entry) placeholders() []string {
	if e.plural == nil {
		return placeholders(e.format.src)
	}
	var all []string
	for _, f := range e.plural.forms {
		all = append(all, placeholders(f.src)...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

// source returns e's format, or the "other" form of a plural message.
func (e *entry) source() string {
	if e.plural != nil {
		return e.plural.forms[plural.Other].src
	}
	return e.format.src
}

// A locale is one language of a catalog: its conventions and its
// translations.
type locale struct {
	conv *conventions
	msgs map[string]*entry
}

// A lazyLocale is a locale of a catalog that is read on first use: the
// embedded locale files are decoded only when a program uses their
// language, and Extend merges its messages into a locale only then. tag
// is known without reading the locale (for the embedded files, from the
// file name, which the data tests match against the "@locale" tag), so
// that a catalog can match languages without loading any. load is safe
// for concurrent use and returns the same *locale every time.
type lazyLocale struct {
	tag  language.Tag
	load func() *locale
}

// loaded returns a lazyLocale for a locale already read.
func loaded(l *locale) *lazyLocale {
	return &lazyLocale{tag: l.conv.tag, load: func() *locale { return l }}
}

// A Catalog holds the locales medsec speaks and the translations of
// messages into each of them. A locale is declared by a locale file (its
// conventions and translations; see [Catalog.AddLocale]); English is the
// fallback, and needs translations only where a message's own English
// format is to be replaced or needs plural forms.
//
// A Catalog is immutable and safe for concurrent use; [Catalog.Extend],
// [Catalog.AddLocale] and [Catalog.WithPacks] return new catalogs. The
// zero Catalog holds no locale: its Localizers render English.
type Catalog struct {
	locales map[Locale]*lazyLocale
	order   []Locale // English first, then by tag
	matcher language.Matcher
	reg     *medsec.Registry // whose instruments citations name; nil: medsec.DefaultRegistry
}

var defaultCatalog = sync.OnceValues(loadDefaultCatalog)

// loadDefaultCatalog lists the embedded locales (see [localeTable]).
// Each is loaded on its first use, so that a program pays only for the
// languages it speaks.
func loadDefaultCatalog() (*Catalog, error) {
	c := &Catalog{locales: make(map[Locale]*lazyLocale, len(localeTables))}
	for _, t := range localeTables {
		loc := Locale(t.conv.Tag)
		if !loc.Valid() {
			return nil, fmt.Errorf("i18n: embedded locale %q: not a locale tag in canonical form: %w", t.conv.Tag, errInvalidData)
		}
		c.locales[loc] = &lazyLocale{tag: loc.Tag(), load: sync.OnceValue(t.locale)}
	}
	if _, ok := c.locales[EN]; !ok {
		return nil, fmt.Errorf("i18n: no embedded English locale: %w", errInvalidData)
	}
	c.index()
	return c, nil
}

// index sets c's order and matcher from its locales.
func (c *Catalog) index() {
	c.order = slices.Sorted(maps.Keys(c.locales))
	if i := slices.Index(c.order, EN); i > 0 {
		c.order = slices.Insert(slices.Delete(c.order, i, i+1), 0, EN)
	}
	tags := make([]language.Tag, len(c.order))
	for i, l := range c.order {
		tags[i] = c.locales[l].tag
	}
	c.matcher = language.NewMatcher(tags)
}

// DefaultCatalog returns the catalog of the locales and translations
// embedded in medsec, made from the files data/locales/<locale>.json. The
// files are decoded, checked and compiled into Go data when medsec is
// built and tested, not when a program runs: the first use of a locale (a
// [Localizer], [Catalog.Check], [Catalog.Keys]...) only indexes its
// messages, once, so that a program pays only for the languages it uses.
// The package's tests make that indexing unable to fail in a released
// build; if it does anyway, that first use panics with the error.
func DefaultCatalog() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		panic(err)
	}
	return c
}

// CatalogFor returns the [DefaultCatalog] with the messages of every pack
// of reg added (see [Catalog.WithPacks]): the catalog that translates the
// law reg holds. A nil reg means [medsec.DefaultRegistry], whose packs
// carry no messages of their own: their translations are embedded in the
// default catalog.
func CatalogFor(reg *medsec.Registry) (*Catalog, error) {
	if reg == nil {
		return DefaultCatalog(), nil
	}
	c, err := DefaultCatalog().WithPacks(reg.Packs()...)
	if err != nil {
		return nil, err
	}
	n := *c
	n.reg = reg
	return &n, nil
}

// NewCatalog returns a catalog of the embedded locales without their
// translations: each locale keeps its conventions (dates, numbers,
// quotation marks) and renders messages with their English formats. Use
// [Catalog.Extend] to add translations.
func NewCatalog() *Catalog {
	d := DefaultCatalog()
	c := &Catalog{locales: make(map[Locale]*lazyLocale, len(d.locales)), order: d.order, matcher: d.matcher, reg: d.reg}
	for k, l := range d.locales {
		c.locales[k] = &lazyLocale{tag: l.tag, load: sync.OnceValue(func() *locale { return &locale{conv: l.load().conv} })}
	}
	return c
}

// Locales returns the locales of c: English first, then the others
// sorted by tag.
func (c *Catalog) Locales() []Locale {
	if c == nil {
		return nil
	}
	return slices.Clone(c.order)
}

// LocaleName returns the name of loc in its own language, as its locale
// file gives it ("čeština"), or "" when c has no locale loc.
func (c *Catalog) LocaleName(loc Locale) string {
	if l, ok := c.get(loc); ok {
		return l.conv.name
	}
	return ""
}

// Extend returns a copy of c in which the messages of the JSON translation
// file r are added to locale loc, replacing messages with the same keys. c
// itself is not changed. Use it to override medsec's wording or to
// translate your own message keys. loc must be a locale of c (add a new
// one with [Catalog.AddLocale]).
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
// language does not have, missing required plural forms, an "@locale"
// member, more than 20,000 messages and files over 4 MiB are errors
// wrapping [medsec.ErrInvalidData], reported as [medsec.FieldErrors]
// whose paths are JSON Pointers ("/app.greeting").
func (c *Catalog) Extend(loc Locale, r io.Reader) (*Catalog, error) {
	old, ok := c.lazy(loc)
	if !ok {
		return nil, fmt.Errorf("i18n: extend catalog: locale %q is not in the catalog (it has %s): add it with AddLocale: %w",
			string(loc), c.localeList(), errInvalidInput)
	}
	b, err := readFile(r)
	if err == nil {
		var add map[string]*entry
		add, err = decodeMessages(b, old.tag, "")
		if err == nil {
			return c.with(loc, old, add), nil
		}
	}
	return nil, fmt.Errorf("i18n: %s translations: %w", loc, err)
}

// get returns the locale loc of c, reading it if this is its first use;
// a nil c has none.
func (c *Catalog) get(loc Locale) (*locale, bool) {
	l, ok := c.lazy(loc)
	if !ok {
		return nil, false
	}
	return l.load(), true
}

// lazy returns the locale loc of c without reading it.
func (c *Catalog) lazy(loc Locale) (*lazyLocale, bool) {
	if c == nil {
		return nil, false
	}
	l, ok := c.locales[loc]
	return l, ok
}

// with returns a copy of c in which locale loc is old (a locale of c, or a
// new one) with the messages add merged into its own on first use.
func (c *Catalog) with(loc Locale, old *lazyLocale, add map[string]*entry) *Catalog {
	if c == nil {
		c = &Catalog{}
	}
	n := &Catalog{locales: maps.Clone(c.locales), order: c.order, matcher: c.matcher, reg: c.reg}
	if n.locales == nil {
		n.locales = map[Locale]*lazyLocale{}
	}
	n.locales[loc] = &lazyLocale{tag: old.tag, load: sync.OnceValue(func() *locale {
		o := old.load()
		merged := make(map[string]*entry, len(o.msgs)+len(add))
		maps.Copy(merged, o.msgs)
		maps.Copy(merged, add)
		return &locale{conv: o.conv, msgs: merged}
	})}
	if _, ok := c.locales[loc]; !ok {
		n.index()
	}
	return n
}

// AddLocale returns a copy of c with the locale that the JSON locale file
// r declares: a translation file (see [Catalog.Extend]) with one more
// member, "@locale", that states the locale's conventions:
//
//	"@locale": {
//	  "tag": "cs",
//	  "name": "čeština",
//	  "date": "{day}. {month}. {year}",
//	  "months": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
//	  "placeDate": "{place} dne {date}",
//	  "dateLine": "dne {date}",
//	  "time": "{date} {hour}:{minute} ({offset})",
//	  "number": {"group": "\u00a0", "decimal": ",", "minimumGroupingDigits": 1},
//	  "quotes": ["„", "“"],
//	  "listSeparator": "; ",
//	  "note": "why a convention is as it is, with its source"
//	}
//
// tag is the locale's BCP 47 tag in canonical form; it selects the CLDR
// plural rules (golang.org/x/text/feature/plural) and is what [Match]
// negotiates. name is the language's name in itself. date is the official
// date style, with the fields {year}, {month} (the entry of months,
// January first: a name, or a number written as the country's rules
// want), {day} and {day2} (the day with at least two digits). placeDate is
// the place-and-date line of a letter ({place}, {date}), dateLine the same
// line without a place, time a time of day ({date}, {hour} and {minute} in
// two digits, {offset} as "UTC+07:00"). Numbers are grouped in threes with
// number.group, from 3 + number.minimumGroupingDigits digits (CLDR's
// meaning; 1 groups 1234), and use number.decimal before a fraction.
// quotes are the opening and closing quotation marks of %q;
// listSeparator joins the items of a list written on one line.
//
// "citation" (optional; English's styles are used without it) says how
// the locale prints citations ([Localizer.Citation]): a style per key,
// "*" for any instrument (required), a jurisdiction code ("CZ"), or
// either with "/" and an instrument kind ("CN/standard",
// "*/guideline"); the most specific key that fits the cited
// instrument wins. A style has the patterns "article" ({article}),
// "paragraph" ({article}, {paragraph}), "point" ({article},
// {paragraph}, {point}), "annex" ({annex}) and "cite", which joins the
// provision ({part}) and the instrument's short title ({title}, or
// {titleOf} for the form after a provision, which a translation gives
// as "of" beside "format": {"format": "zákon č. 264/2025 Sb.", "of":
// "zákona č. 264/2025 Sb."}); "numerals": "han" writes plain article,
// paragraph and point numbers in Chinese numerals (第二十一条):
//
//	"citation": {
//	  "*":  {"article": "čl. {article}", "paragraph": "čl. {article} odst. {paragraph}",
//	         "point": "čl. {article} odst. {paragraph} písm. {point})", "annex": "příloha {annex}", "cite": "{part} {titleOf}"},
//	  "CZ": {"article": "§ {article}", "paragraph": "§ {article} odst. {paragraph}",
//	         "point": "§ {article} odst. {paragraph} písm. {point})", "annex": "příloha č. {annex}", "cite": "{part} {titleOf}"}
//	}
//
// Decoding is as strict as for Extend, and the conventions are checked
// (errors name each field by its JSON Pointer, "/@locale/months"). The
// locale must not be in c already: change an existing locale's messages
// with Extend. [Catalog.Check] then says which messages the new locale
// still lacks; until they are translated, they render in English.
func (c *Catalog) AddLocale(r io.Reader) (*Catalog, error) {
	b, err := readFile(r)
	var l *locale
	if err == nil {
		l, err = decodeLocale(b, "")
	}
	if err != nil {
		return nil, fmt.Errorf("i18n: add locale: %w", err)
	}
	if _, ok := c.lazy(l.conv.loc); ok {
		return nil, fmt.Errorf("i18n: add locale: %w", fieldErrs(&medsec.FieldError{Path: "/@locale/tag", Rule: "unique",
			Value: string(l.conv.loc), Message: msgDataLocaleExists.New(string(l.conv.loc)), Err: errInvalidData}))
	}
	return c.with(l.conv.loc, loaded(l), nil), nil
}

// WithPacks returns a copy of c with the translations that packs carry:
// each file messages/<locale>.json of a pack (a translation file as
// [Catalog.Extend] reads it, named by the locale's canonical tag) is added
// to that locale. Files for locales that c does not hold are skipped: add
// the locale first. Errors name the file as the pack's ID and path
// ("xa-fixture/messages/cs.json") with a JSON Pointer into it.
func (c *Catalog) WithPacks(packs ...*medsec.Pack) (*Catalog, error) {
	n := c
	for _, p := range packs {
		if p == nil {
			continue
		}
		names, err := p.Glob("messages/*.json")
		if err != nil {
			return nil, fmt.Errorf("i18n: pack %s: %w", p.ID(), err)
		}
		for _, name := range names {
			file := p.Where(name)
			tag := strings.TrimSuffix(path.Base(name), ".json")
			loc := Locale(tag)
			if !loc.Valid() {
				return nil, fmt.Errorf("i18n: %w", fieldErrs(&medsec.FieldError{File: file, Rule: "bcp47", Value: tag,
					Message: msgDataLocaleTag.New(tag), Err: errInvalidData}))
			}
			old, ok := n.lazy(loc)
			if !ok {
				continue
			}
			b, err := p.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", file, err)
			}
			add, err := decodeMessages(b, old.tag, file)
			if err != nil {
				return nil, fmt.Errorf("i18n: %w", err)
			}
			n = n.with(loc, old, add)
		}
	}
	return n, nil
}

// localeList returns c's locales for an error message.
func (c *Catalog) localeList() string {
	if c == nil || len(c.order) == 0 {
		return "none"
	}
	s := make([]string, len(c.order))
	for i, l := range c.order {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}

// Keys returns the keys translated for loc, sorted.
func (c *Catalog) Keys(loc Locale) []string {
	l, ok := c.get(loc)
	if !ok {
		return nil
	}
	return slices.Sorted(maps.Keys(l.msgs))
}

// Templates returns the message templates that key the entries of loc,
// with their translated formats (plural messages show their "other" form).
// It is meant for tools that list or compare translations.
func (c *Catalog) Templates(loc Locale) []medsec.MessageTemplate {
	keys := c.Keys(loc)
	out := make([]medsec.MessageTemplate, 0, len(keys))
	l, _ := c.get(loc)
	for _, k := range keys {
		out = append(out, medsec.MessageTemplate{Key: k, Format: l.msgs[k].source()})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// readFile reads a translation file of at most maxCatalogSize bytes.
func readFile(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("nil reader: %w", errInvalidInput)
	}
	b, tooLarge, err := strictjson.ReadAll(r, maxCatalogSize)
	if err != nil {
		return nil, fmt.Errorf("read: %v: %w", err, errInvalidData)
	}
	if tooLarge {
		return nil, fielderr.TooLarge(maxCatalogSize, errInvalidData)
	}
	return b, nil
}

// translationDecoder reads translation files and their entries.
var translationDecoder = sync.OnceValue(func() *strictjson.Decoder {
	// The raw messages of a file's entries point into the file's bytes:
	// they are decoded while these are in hand and not kept.
	return strictjson.New(strictjson.Config{MaxItems: maxTranslations, TextError: fielderr.TextError, ShareRaw: true})
})

// fieldErrs returns errs as an error, capped.
func fieldErrs(errs ...*medsec.FieldError) error { return fielderr.Cap(errs) }

// decodeLocale decodes a locale file: its conventions, in the "@locale"
// member it must have, and its messages.
func decodeLocale(b []byte, file string) (*locale, error) {
	l, _, err := decodeLocaleJSON(b, file)
	return l, err
}

// decodeLocaleJSON is decodeLocale, and returns the conventions also as
// the file states them.
func decodeLocaleJSON(b []byte, file string) (*locale, *conventionsJSON, error) {
	raws, err := decodeRaw(b, file)
	if err != nil {
		return nil, nil, err
	}
	raw, ok := raws[conventionsKey]
	if !ok {
		return nil, nil, fieldErrs(&medsec.FieldError{File: file, Path: "/" + conventionsKey, Rule: "required",
			Message: msgDataLocaleMissing.New(), Err: errInvalidData})
	}
	delete(raws, conventionsKey)
	var j conventionsJSON
	if errs := translationDecoder().UnmarshalAt(raw, &j, "/"+conventionsKey); errs != nil {
		return nil, nil, withFile(fielderr.FromJSON(errs, errInvalidData), file)
	}
	conv, err := checkConventions(&j, file)
	if err != nil {
		return nil, nil, err
	}
	msgs, err := decodeEntries(raws, conv.tag, file)
	if err != nil {
		return nil, nil, err
	}
	return &locale{conv: conv, msgs: msgs}, &j, nil
}

// checkConventions parses the conventions j of the locale file file.
func checkConventions(j *conventionsJSON, file string) (*conventions, error) {
	var errs fielderr.List
	conv := parseConventions(j, func(p, rule, value string, m medsec.Message) {
		errs.Add(&medsec.FieldError{File: file, Path: p, Rule: rule, Value: value, Message: m, Err: errInvalidData})
	})
	if es := errs.Errors(); es != nil {
		return nil, es
	}
	return conv, nil
}

// decodeMessages decodes a translation file without conventions for the
// language tag.
func decodeMessages(b []byte, tag language.Tag, file string) (map[string]*entry, error) {
	raws, err := decodeRaw(b, file)
	if err != nil {
		return nil, err
	}
	if _, ok := raws[conventionsKey]; ok {
		return nil, fieldErrs(&medsec.FieldError{File: file, Path: "/" + conventionsKey, Rule: "locale",
			Message: msgDataLocaleExtra.New(), Err: errInvalidData})
	}
	return decodeEntries(raws, tag, file)
}

// decodeRaw reads the JSON object of a translation file with the module's
// strict decoder: duplicate and case-folded keys, invalid UTF-8, control
// characters other than tab and line feed, a byte order mark and trailing
// data are errors with JSON Pointers.
func decodeRaw(b []byte, file string) (map[string]json.RawMessage, error) {
	var raws map[string]json.RawMessage
	if errs := translationDecoder().Unmarshal(b, &raws); errs != nil {
		return nil, withFile(fielderr.FromJSON(errs, errInvalidData), file)
	}
	return raws, nil
}

// withFile sets the file of every error of es.
func withFile(es medsec.FieldErrors, file string) medsec.FieldErrors {
	for _, e := range es {
		if e != nil && e.File == "" {
			e.File = file
		}
	}
	return es
}

// pointer returns the JSON Pointer of a top-level key.
func pointer(key string) string {
	return "/" + strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// decodeEntries checks and decodes every entry of a translation file. The
// entries are taken in the map's order; only when one is wrong are they
// checked again in the order of their keys, so that the errors come in an
// order that does not change from run to run, and the usual case does not
// pay for sorting a thousand keys.
func decodeEntries(raws map[string]json.RawMessage, tag language.Tag, file string) (map[string]*entry, error) {
	forms := languageForms(tag)
	out, errs := decodeEach(maps.Keys(raws), raws, tag, forms, file)
	if errs == nil {
		return out, nil
	}
	if _, sorted := decodeEach(slices.Values(slices.Sorted(maps.Keys(raws))), raws, tag, forms, file); sorted != nil {
		errs = sorted
	}
	return nil, errs
}

// decodeEach decodes the entries of raws under keys, in that order, up to
// the error cap.
func decodeEach(keys iter.Seq[string], raws map[string]json.RawMessage, tag language.Tag, forms formSet, file string) (map[string]*entry, medsec.FieldErrors) {
	var errs fielderr.List
	out := make(map[string]*entry, len(raws))
	for key := range keys {
		add := func(p, rule, value string, m medsec.Message) {
			errs.Add(&medsec.FieldError{File: file, Path: pointer(key) + p, Rule: rule, Value: value, Message: m, Err: errInvalidData})
		}
		if key == "" || strings.TrimSpace(key) != key || strings.HasPrefix(key, "@") {
			add("", "key", key, msgDataKey.New(key))
			continue
		}
		if e, ok := decodeEntry(raws[key], key, tag, forms, file, add, &errs); ok {
			out[key] = e
		}
		if errs.Full() {
			break
		}
	}
	return out, errs.Errors()
}

// jsonString returns the text of a JSON string that the strict decoder
// has already checked.
func jsonString(raw json.RawMessage) (string, error) {
	if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
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
	Of     *string     `json:"of"`
}

// decodeEntry decodes the entry of key, reporting its problems with add.
func decodeEntry(raw json.RawMessage, key string, tag language.Tag, forms formSet, file string,
	add func(p, rule, value string, m medsec.Message), errs *fielderr.List) (*entry, bool) {
	check := func(p, f string) (format, bool) {
		cf, err := parseFormat(f)
		if err != nil {
			add(p, "format", clipFormat(f), msgDataFormat.New(clipFormat(f)))
			return cf, false
		}
		return cf, true
	}
	if len(raw) > 0 && raw[0] == '"' {
		// The strict scan of the file has checked the string.
		s, err := jsonString(raw)
		if err != nil {
			add("", "json", "", msgDataEntry.New())
			return nil, false
		}
		cf, ok := check("", s)
		return &entry{format: cf}, ok
	}
	var je jsonEntry
	if es := translationDecoder().UnmarshalAt(raw, &je, pointer(key)); es != nil {
		for _, e := range withFile(fielderr.FromJSON(es, errInvalidData), file) {
			errs.Add(e)
		}
		return nil, false
	}
	switch {
	case (je.Format == nil) == (je.Plural == nil):
		add("", "entry", "", msgDataEntry.New())
		return nil, false
	case je.Of != nil && je.Format == nil:
		add("/of", "of", "", msgDataOfForm.New())
		return nil, false
	case je.Format != nil:
		cf, ok := check("/format", *je.Format)
		e := &entry{format: cf}
		if je.Of != nil {
			of, good := check("/of", *je.Of)
			if good && !slices.Equal(placeholders(of.src), placeholders(cf.src)) {
				add("/of", "of", clipFormat(of.src), msgDataOfForm.New())
				good = false
			}
			e.of, ok = &of, ok && good
		}
		return e, ok
	}
	p := je.Plural
	if p.Arg < 1 {
		add("/plural/arg", "min", fmt.Sprint(p.Arg), msgDataPluralArg.New())
		return nil, false
	}
	pf := &pluralForms{arg: p.Arg - 1}
	ok := true
	given := [...]*string{plural.Other: p.Other, plural.Zero: p.Zero, plural.One: p.One, plural.Two: p.Two, plural.Few: p.Few, plural.Many: p.Many}
	for f, s := range given {
		form := plural.Form(f)
		name := formNames[form]
		switch {
		case s == nil:
			if forms.required&(1<<form) != 0 {
				add("/plural", "plural-required", name, msgDataPluralRequired.New(tag.String(), name))
				ok = false
			}
		case forms.all&(1<<form) == 0:
			add("/plural/"+name, "plural-form", name, msgDataPluralUnknown.New(tag.String(), name))
			ok = false
		default:
			cf, good := check("/plural/"+name, *s)
			pf.forms[form] = cf
			pf.given |= 1 << form
			ok = ok && good
		}
	}
	if !ok {
		return nil, false
	}
	// Forms the file need not give (such as Czech "many", used only for
	// decimals) fall back to "other".
	for f := range pf.forms {
		if pf.given&(1<<f) == 0 {
			pf.forms[f] = pf.forms[plural.Other]
		}
	}
	return &entry{plural: pf}, true
}

var formNames = [...]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// A formSet tells which plural forms a language uses: all of them (for
// integers or decimals) and those that integers need.
type formSet struct{ all, required uint8 }

// languageForms samples the CLDR rules of tag to find its forms.
func languageForms(tag language.Tag) formSet {
	var fs formSet
	// CLDR's integer rules look at n, n % 10, n % 100 and, for "many"
	// in some languages, n % 1000000: 0 to 299 reaches every value of the
	// first three with and without hundreds, and the millions the last.
	samples := make([]int, 0, 304)
	for n := 0; n < 300; n++ {
		samples = append(samples, n)
	}
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
