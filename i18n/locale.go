package i18n

import (
	"fmt"

	"golang.org/x/text/language"
)

// A Locale is one of the languages medsec speaks. The zero value is not a
// valid locale; [Match] never returns it.
type Locale uint8

// The supported locales.
const (
	_      Locale = iota
	EN            // English ("en")
	ZhHans        // Simplified Chinese ("zh-Hans"), used in mainland China and Singapore
	ZhHant        // Traditional Chinese ("zh-Hant"), used in Taiwan, Hong Kong and Macau
	VI            // Vietnamese ("vi")
	CS            // Czech ("cs")
)

var localeNames = [...]string{"", "en", "zh-Hans", "zh-Hant", "vi", "cs"}

var localeTags = [...]language.Tag{
	language.Und, language.English, language.SimplifiedChinese,
	language.TraditionalChinese, language.Vietnamese, language.Czech,
}

// Locales returns the supported locales in a fixed order: en, zh-Hans,
// zh-Hant, vi, cs.
func Locales() []Locale { return []Locale{EN, ZhHans, ZhHant, VI, CS} }

// Valid reports whether l is one of the supported locales.
func (l Locale) Valid() bool { return l >= EN && l <= CS }

// String returns the BCP 47 name of l ("zh-Hant"), or "Locale(n)" for an
// invalid value.
func (l Locale) String() string {
	if !l.Valid() {
		return fmt.Sprintf("Locale(%d)", uint8(l))
	}
	return localeNames[l]
}

// Tag returns the language tag of l (language.Und for an invalid value).
func (l Locale) Tag() language.Tag {
	if !l.Valid() {
		return language.Und
	}
	return localeTags[l]
}

// MarshalText implements [encoding.TextMarshaler].
func (l Locale) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("i18n: locale %d is not supported: %w", uint8(l), errInvalidInput)
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts exactly
// the names returned by [Locale.String]; use [ParseLocale] or [Match] for
// looser input.
func (l *Locale) UnmarshalText(b []byte) error {
	for i := EN; i <= CS; i++ {
		if string(b) == localeNames[i] {
			*l = i
			return nil
		}
	}
	return fmt.Errorf("i18n: unknown locale %q (want en, zh-Hans, zh-Hant, vi or cs): %w", b, errInvalidInput)
}

// ParseLocale returns the supported locale that a BCP 47 tag such as
// "cs-CZ" or "zh-TW" asks for. Unlike [Match] it fails, wrapping
// [medsec.ErrInvalidInput], when the tag is malformed or no supported
// locale fits it.
func ParseLocale(s string) (Locale, error) {
	t, err := language.Parse(s)
	if err != nil {
		return 0, fmt.Errorf("i18n: locale %q is not a language tag (%v): %w", s, err, errInvalidInput)
	}
	l, _, c := MatchTags(t)
	if c == language.No {
		return 0, fmt.Errorf("i18n: locale %q is not supported (want en, zh-Hans, zh-Hant, vi or cs): %w", s, errInvalidInput)
	}
	return l, nil
}

// matcher is immutable and safe for concurrent use.
var matcher = language.NewMatcher(localeTags[1:])

// Match negotiates the locale for an HTTP Accept-Language value such as
// "vi-VN,vi;q=0.9,en;q=0.5". It returns the chosen locale, the tag that
// matched (which keeps the user's region, e.g. "cs-u-rg-czzzzz") and how
// confident the match is. Unknown or malformed input gives [EN] with
// confidence language.No. zh-CN and zh-SG choose zh-Hans; zh-TW, zh-HK and
// zh-MO choose zh-Hant.
func Match(acceptLanguage string) (Locale, language.Tag, language.Confidence) {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return EN, language.English, language.No
	}
	return MatchTags(tags...)
}

// MatchTags is [Match] for tags already parsed, in order of preference.
func MatchTags(tags ...language.Tag) (Locale, language.Tag, language.Confidence) {
	if len(tags) == 0 {
		return EN, language.English, language.No
	}
	t, i, c := matcher.Match(tags...)
	if c == language.No {
		return EN, language.English, language.No
	}
	return Locale(i + 1), t, c
}
