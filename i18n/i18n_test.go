package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		in   string
		want Locale
		conf language.Confidence
	}{
		{"zh-CN", ZhHans, language.High},
		{"zh-SG", ZhHans, language.High},
		{"zh-TW", ZhHant, language.High},
		{"zh-HK", ZhHant, language.High},
		{"zh-Hant", ZhHant, language.Exact},
		{"cs-CZ", CS, language.High},
		{"vi-VN,vi;q=0.9,en;q=0.5", VI, language.High},
		{"fr-FR", EN, language.No},
		{"", EN, language.No},
		{"!!!", EN, language.No},
		{"de;q=0.9, cs;q=0.8", CS, language.Exact},
		{"en-GB", EN, language.High},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, tag, conf := Match(tt.in)
			assert.Equal(t, tt.want, got)
			if tt.conf == language.No {
				assert.Equal(t, language.No, conf)
				assert.Equal(t, language.English, tag)
			} else {
				assert.GreaterOrEqual(t, conf, tt.conf, "tag %v", tag)
			}
		})
	}
}

func TestLocaleText(t *testing.T) {
	for _, l := range Locales() {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back Locale
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
		p, err := ParseLocale(l.String())
		require.NoError(t, err)
		assert.Equal(t, l, p)
	}
	var zero Locale
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = Locale("zh-hant").MarshalText()
	assert.ErrorIs(t, err, medsec.ErrInvalidInput, "not in canonical form")
	assert.ErrorIs(t, zero.UnmarshalText([]byte("!!")), medsec.ErrInvalidInput)
	assert.Equal(t, Locale(""), zero, "a failed parse leaves the value alone")
	assert.ErrorIs(t, zero.UnmarshalText([]byte("zh-hant")), medsec.ErrInvalidInput, "only the canonical form")
	// Any tag in canonical form is a locale; whether a catalog speaks it
	// is the catalog's business.
	require.NoError(t, zero.UnmarshalText([]byte("fr")))
	assert.Equal(t, Locale("fr"), zero)
	assert.True(t, zero.Valid())
	assert.Equal(t, EN, NewLocalizer(zero).Locale(), "a locale the catalog does not have renders English")
	assert.Equal(t, CS, NewLocalizer("cs-CZ").Locale(), "the closest locale of the catalog")
	_, err = ParseLocale("fr")
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	assert.True(t, strings.HasPrefix(err.Error(), "i18n: "))
	assert.Contains(t, err.Error(), "want en, cs, vi, zh-Hans, zh-Hant")
}

func TestDate(t *testing.T) {
	tests := []struct {
		d    medsec.Date
		loc  Locale
		want string
	}{
		{medsec.NewDate(2026, 1, 5), VI, "ngày 05 tháng 01 năm 2026"},
		{medsec.NewDate(2026, 11, 22), VI, "ngày 22 tháng 11 năm 2026"},
		{medsec.NewDate(2026, 2, 9), VI, "ngày 09 tháng 02 năm 2026"},
		{medsec.NewDate(2026, 3, 15), VI, "ngày 15 tháng 3 năm 2026"},
		{medsec.NewDate(2026, 12, 1), VI, "ngày 01 tháng 12 năm 2026"},
		{medsec.NewDate(2022, 8, 8), ZhHans, "2022年8月8日"},
		{medsec.NewDate(2022, 8, 8), ZhHant, "2022年8月8日"},
		{medsec.NewDate(2020, 3, 17), CS, "17. 3. 2020"},
		{medsec.NewDate(2026, 11, 22), EN, "22 November 2026"},
		{medsec.Date{}, EN, ""},
		{medsec.NewDate(2026, 2, 30), CS, "2026-02-30"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NewLocalizer(tt.loc).Date(tt.d), "%v %v", tt.loc, tt.d)
	}
	assert.Equal(t, "Thanh Hóa, ngày 15 tháng 3 năm 2026", NewLocalizer(VI).PlaceDate("Thanh Hóa", medsec.NewDate(2026, 3, 15)))
	assert.Equal(t, "V Praze dne 17. 3. 2020", NewLocalizer(CS).PlaceDate("V Praze", medsec.NewDate(2020, 3, 17)))
	assert.Equal(t, "Hanoi, 22 November 2026", NewLocalizer(EN).PlaceDate("Hanoi", medsec.NewDate(2026, 11, 22)))
	assert.Equal(t, "上海，2022年8月8日", NewLocalizer(ZhHans).PlaceDate("上海", medsec.NewDate(2022, 8, 8)))
	ict := time.FixedZone("ICT", 7*3600)
	tm := time.Date(2026, 1, 5, 9, 7, 0, 0, ict)
	assert.Equal(t, "5 January 2026 09:07 (UTC+07:00)", NewLocalizer(EN).Time(tm))
	assert.Equal(t, "09 giờ 07 phút (UTC+07:00), ngày 05 tháng 01 năm 2026", NewLocalizer(VI).Time(tm))
}

// TestLanguageFormsSample: the sample of counts that languageForms reads
// finds the same plural forms as a sample ten times as wide, for the
// embedded locales and for languages with rules on n % 100 and on the
// millions.
func TestLanguageFormsSample(t *testing.T) {
	wide := func(tag language.Tag) formSet {
		var fs formSet
		for n := 0; n <= 3000; n++ {
			f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
			fs.all |= 1 << f
			fs.required |= 1 << f
			for _, frac := range [...]int{1, 5} {
				fs.all |= 1 << plural.Cardinal.MatchPlural(tag, n%200, 1, 1, frac, frac)
			}
		}
		for _, n := range []int{1_000_000, 1_000_001, 2_000_000, 5_000_000, 10_000_000} {
			f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
			fs.all |= 1 << f
			fs.required |= 1 << f
		}
		return fs
	}
	for _, s := range []string{"en", "cs", "vi", "zh-Hans", "zh-Hant", "pl", "ru", "uk", "lt", "lv", "ar", "cy", "ga", "gd", "br", "fr", "es", "it", "pt", "mt", "sl", "he", "de"} {
		tag := language.MustParse(s)
		assert.Equal(t, wide(tag), languageForms(tag), s)
	}
}

// TestEmbeddedLocalesCanonical: Locale.Valid accepts the embedded locales
// without parsing them, which is right only if each is a BCP 47 tag in
// canonical form.
func TestEmbeddedLocalesCanonical(t *testing.T) {
	for _, l := range []Locale{EN, ZhHans, ZhHant, VI, CS} {
		tag, err := language.Parse(string(l))
		if err != nil || tag.String() != string(l) {
			t.Errorf("%q is not a canonical BCP 47 tag (%v, %v)", l, tag, err)
		}
		if !l.Valid() {
			t.Errorf("%q.Valid() = false", l)
		}
	}
	for _, l := range []Locale{"", "EN", "zh-hant", "cs-cz", "xx-", "en_US"} {
		if l.Valid() {
			t.Errorf("%q.Valid() = true, want false", l)
		}
	}
}
