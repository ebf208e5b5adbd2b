package i18n

import (
	"fmt"

	"golang.org/x/text/language"
)

// A Locale is a language medsec speaks, named by its BCP 47 tag in
// canonical form ("cs", "zh-Hant"). Locales are data: each locale of a
// [Catalog] is declared by a locale file, and a user adds one with
// [Catalog.AddLocale]. The embedded locales have the constants below. The
// zero value is not a locale; [Match] never returns it.
type Locale string

// The embedded locales.
const (
	EN     Locale = "en"      // English
	ZhHans Locale = "zh-Hans" // Simplified Chinese, used in mainland China and Singapore
	ZhHant Locale = "zh-Hant" // Traditional Chinese, used in Taiwan, Hong Kong and Macau
	VI     Locale = "vi"      // Vietnamese
	CS     Locale = "cs"      // Czech
)

// Locales returns the locales of the [DefaultCatalog]: English first, then
// the others sorted by tag (cs, vi, zh-Hans, zh-Hant).
func Locales() []Locale { return DefaultCatalog().Locales() }

// Valid reports whether l is a BCP 47 language tag in canonical form.
// Whether a catalog speaks it is another question: see
// [Catalog.Locales].
func (l Locale) Valid() bool {
	switch l {
	case EN, ZhHans, ZhHant, VI, CS: // the embedded locales, without parsing
		return true
	}
	t, err := language.Parse(string(l))
	return err == nil && t != language.Und && t.String() == string(l)
}

// String returns l's tag.
func (l Locale) String() string { return string(l) }

// Tag returns the language tag of l (language.Und for an invalid value).
func (l Locale) Tag() language.Tag {
	if !l.Valid() {
		return language.Und
	}
	return language.Make(string(l))
}

// MarshalText implements [encoding.TextMarshaler].
func (l Locale) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("i18n: %q is not a locale (a BCP 47 tag in canonical form): %w", string(l), errInvalidInput)
	}
	return []byte(l), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts a
// BCP 47 tag in canonical form ("zh-Hant", not "zh-hant"), as
// [Locale.Valid] does; a failed parse leaves l unchanged. Whether a
// catalog speaks the locale is checked where it is used (a
// [Catalog.Localizer] falls back to the closest locale it has). Use
// [ParseLocale] or [Match] for looser input.
func (l *Locale) UnmarshalText(b []byte) error {
	v := Locale(b)
	if !v.Valid() {
		return fmt.Errorf("i18n: %q is not a locale (a BCP 47 tag in canonical form, such as \"cs\" or \"zh-Hant\"): %w", b, errInvalidInput)
	}
	*l = v
	return nil
}

// ParseLocale returns the locale of the [DefaultCatalog] that a BCP 47
// tag such as "cs-CZ" or "zh-TW" asks for (see [Catalog.ParseLocale]).
func ParseLocale(s string) (Locale, error) { return DefaultCatalog().ParseLocale(s) }

// ParseLocale returns the locale of c that a BCP 47 tag such as "cs-CZ" or
// "zh-TW" asks for. Unlike [Catalog.Match] it fails, wrapping
// [medsec.ErrInvalidInput], when the tag is malformed or no locale of c
// fits it.
func (c *Catalog) ParseLocale(s string) (Locale, error) {
	t, err := language.Parse(s)
	if err != nil {
		return "", fmt.Errorf("i18n: locale %q is not a language tag (%v): %w", s, err, errInvalidInput)
	}
	l, _, conf := c.MatchTags(t)
	if conf == language.No {
		return "", fmt.Errorf("i18n: locale %q is not supported (want %s): %w", s, c.localeList(), errInvalidInput)
	}
	return l, nil
}

// Match negotiates the locale of the [DefaultCatalog] for an HTTP
// Accept-Language value (see [Catalog.Match]).
func Match(acceptLanguage string) (Locale, language.Tag, language.Confidence) {
	return DefaultCatalog().Match(acceptLanguage)
}

// MatchTags is [Match] for tags already parsed, in order of preference.
func MatchTags(tags ...language.Tag) (Locale, language.Tag, language.Confidence) {
	return DefaultCatalog().MatchTags(tags...)
}

// Match negotiates the locale of c for an HTTP Accept-Language value such
// as "vi-VN,vi;q=0.9,en;q=0.5". It returns the chosen locale, the tag that
// matched (which keeps the user's region, e.g. "cs-u-rg-czzzzz") and how
// confident the match is. Unknown or malformed input gives [EN] with
// confidence language.No. With the embedded locales, zh-CN and zh-SG
// choose zh-Hans; zh-TW, zh-HK and zh-MO choose zh-Hant.
func (c *Catalog) Match(acceptLanguage string) (Locale, language.Tag, language.Confidence) {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return EN, language.English, language.No
	}
	return c.MatchTags(tags...)
}

// MatchTags is [Catalog.Match] for tags already parsed, in order of
// preference.
func (c *Catalog) MatchTags(tags ...language.Tag) (Locale, language.Tag, language.Confidence) {
	if len(tags) == 0 || c == nil || c.matcher == nil {
		return EN, language.English, language.No
	}
	t, i, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return EN, language.English, language.No
	}
	return c.order[i], t, conf
}
