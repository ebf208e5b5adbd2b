package i18n_test

import (
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCitation pins how a citation reads in each language: the
// provision in the numbering style of its instrument's jurisdiction and
// kind, the instrument by its short title in the reader's language.
func TestCitation(t *testing.T) {
	cite := func(s string) medsec.Citation {
		c, err := medsec.ParseCitation(s)
		require.NoError(t, err)
		return c
	}
	tests := []struct {
		loc  i18n.Locale
		cite string
		want string
	}{
		{i18n.EN, "EU-NIS2 art. 21(2)(d)", "NIS2 Directive art. 21(2)(d)"},
		{i18n.EN, "CZ-ZKB-264-2025 art. 8(1)", "Act 264/2025 Sb. § 8(1)"},
		{i18n.EN, "CN-GBT-22240-2020 art. 4.3", "GB/T 22240-2020 clause 4.3"},
		{i18n.EN, "EU-NIS2 Annex I", "NIS2 Directive Annex I"},
		{i18n.EN, "EU-NIS2", "NIS2 Directive"},

		{i18n.VI, "VN-QD-05-2017 art. 11(1)(a)", "điểm a khoản 1 Điều 11 Quyết định 05/2017/QĐ-TTg"},
		{i18n.VI, "VN-ND-85-2016 art. 8(1)", "khoản 1 Điều 8 Nghị định 85/2016/NĐ-CP"},
		{i18n.VI, "CN-CAC-2025-IR art. 4", "Điều 4 Biện pháp quản lý báo cáo sự cố an ninh mạng quốc gia năm 2025 của Trung Quốc"},
		{i18n.VI, "CZ-VYH-409-2025", "Thông tư (vyhláška) số 409/2025 Sb. của Séc"},
		{i18n.VI, "CZ-ZKB-264-2025 art. 8(1)", "khoản 1 § 8 Luật số 264/2025 Sb. của Séc"},

		{i18n.CS, "CZ-ZKB-264-2025 art. 8(1)", "§ 8 odst. 1 zákona č. 264/2025 Sb."},
		{i18n.CS, "CZ-ZKB-264-2025", "zákon č. 264/2025 Sb."},
		{i18n.CS, "EU-NIS2 art. 21(2)(d)", "čl. 21 odst. 2 písm. d) směrnice NIS2"},
		{i18n.CS, "EU-NIS2 art. 23(4)(a)", "čl. 23 odst. 4 písm. a) směrnice NIS2"},
		{i18n.CS, "CZ-VYH-82-2018 Annex 7", "příloha č. 7 vyhlášky č. 82/2018 Sb."},
		{i18n.CS, "ENISA-PROC-2020 art. GP-02", "osvědčený postup GP-02 pokynů ENISA pro zadávání zakázek s ohledem na kybernetickou bezpečnost nemocnic"},

		{i18n.ZhHans, "CN-CAC-2025-IR art. 4", "《国家网络安全事件报告管理办法》第四条"},
		{i18n.ZhHans, "CN-CSL-2016 art. 21", "《网络安全法》第二十一条"},
		{i18n.ZhHans, "EU-NIS2 art. 21(2)(d)", "欧盟《NIS2指令》第21条第2款(d)项"},
		{i18n.ZhHans, "CN-GBT-22240-2020 art. 4.3", "GB/T 22240-2020第4.3条"},
		{i18n.ZhHant, "CN-CSL-2016 art. 21", "《網絡安全法》第二十一條"},
		{i18n.ZhHant, "EU-NIS2 art. 23(4)(a)", "歐盟《NIS2指令》第23條第4款(a)項"},
	}
	for _, tt := range tests {
		t.Run(string(tt.loc)+" "+tt.cite, func(t *testing.T) {
			l := i18n.NewLocalizer(tt.loc)
			c := cite(tt.cite)
			assert.Equal(t, tt.want, l.Citation(c))
			// Through a message, as a report's Translator prints it.
			assert.Equal(t, tt.want, l.Format(c.Message()))
		})
	}
}

// TestCitationsList: a list joins with the locale's separator, and the
// English of a message without a Localizer is the canonical form that
// JSON keeps.
func TestCitationsList(t *testing.T) {
	cs := medsec.Citations{medsec.Cite("EU-NIS2", "23", "4", "a"), medsec.Cite("EU-NIS2", "23", "4", "b")}
	assert.Equal(t, "EU-NIS2 art. 23(4)(a); EU-NIS2 art. 23(4)(b)", cs.Message().String())
	assert.Equal(t, "čl. 23 odst. 4 písm. a) směrnice NIS2; čl. 23 odst. 4 písm. b) směrnice NIS2",
		i18n.NewLocalizer(i18n.CS).Format(cs.Message()))
	assert.Equal(t, "", i18n.NewLocalizer(i18n.CS).Citations(nil))
}

// TestCitationUnknown: an instrument the registry does not hold prints in
// canonical form, so nothing is lost; the zero Localizer prints English.
func TestCitationUnknown(t *testing.T) {
	c := medsec.Cite("XX-NONE", "3", "1")
	assert.Equal(t, "XX-NONE art. 3(1)", i18n.NewLocalizer(i18n.CS).Citation(c))
	var zero *i18n.Localizer
	assert.Equal(t, "NIS2 Directive art. 21", zero.Citation(medsec.Cite("EU-NIS2", "21")))
}

// TestChineseNumerals pins the conversion of article numbers.
func TestChineseNumerals(t *testing.T) {
	l := i18n.NewLocalizer(i18n.ZhHans)
	for n, want := range map[string]string{
		"1": "第一条", "4": "第四条", "10": "第十条", "11": "第十一条", "20": "第二十条", "21": "第二十一条",
		"100": "第一百条", "101": "第一百零一条", "110": "第一百一十条", "1001": "第一千零一条", "1010": "第一千零一十条",
		"9999": "第九千九百九十九条",
	} {
		c := medsec.Cite("CN-CSL-2016", n)
		got := l.Citation(c)
		assert.Equal(t, "《网络安全法》"+want, got, n)
	}
}

// TestInstrumentsHaveShortTitles: every embedded instrument says how
// citations name it, in every locale, and Czech gives the genitive after a
// provision wherever it differs.
func TestInstrumentsHaveShortTitles(t *testing.T) {
	for _, in := range medsec.DefaultRegistry().Instruments() {
		if !assert.False(t, in.ShortTitle.IsZero(), in.ID) {
			continue
		}
		for _, loc := range i18n.Locales() {
			got := i18n.NewLocalizer(loc).Citation(medsec.Cite(in.ID, ""))
			assert.NotEmpty(t, got, "%s %s", loc, in.ID)
			assert.False(t, loc != i18n.EN && strings.Contains(got, in.ID), "%s %s names the ID", loc, in.ID)
		}
	}
}

// TestCitationStylesStrict: the citation styles of a locale file and the
// "of" forms of translations are checked when they are loaded.
func TestCitationStylesStrict(t *testing.T) {
	locale := func(citation, extra string) string {
		return `{"@locale": {"tag": "de", "name": "Deutsch", "date": "{day}. {month} {year}",
		  "months": ["1","2","3","4","5","6","7","8","9","10","11","12"],
		  "placeDate": "{place}, {date}", "dateLine": "{date}", "time": "{date} {hour}:{minute} ({offset})",
		  "number": {"group": ".", "decimal": ",", "minimumGroupingDigits": 1}, "quotes": ["„", "“"],
		  "listSeparator": "; "` + citation + `}` + extra + `}`
	}
	good := `, "citation": {"*": {"article": "Art. {article}", "paragraph": "Art. {article} Abs. {paragraph}",
	  "point": "Art. {article} Abs. {paragraph} lit. {point}", "annex": "Anhang {annex}", "cite": "{part} {titleOf}"}}`
	c, err := i18n.DefaultCatalog().AddLocale(strings.NewReader(locale(good,
		`, "medsec.instrument.EU-NIS2": {"format": "NIS2-Richtlinie", "of": "der NIS2-Richtlinie"}`)))
	require.NoError(t, err)
	assert.Equal(t, "Art. 21 Abs. 2 lit. d der NIS2-Richtlinie", c.Localizer("de").Citation(medsec.Cite("EU-NIS2", "21", "2", "d")))
	assert.Equal(t, "NIS2-Richtlinie", c.Localizer("de").Citation(medsec.Cite("EU-NIS2", "")))

	for name, tc := range map[string]struct{ file, path string }{
		"no *":         {locale(`, "citation": {"CZ": {"article": "§ {article}", "paragraph": "§ {article}", "point": "§ {point}", "annex": "{annex}", "cite": "{part} {title}"}}`, ""), "/@locale/citation"},
		"bad key":      {locale(strings.Replace(good, `"*"`, `"cz"`, 1), ""), "/@locale/citation/cz"},
		"bad field":    {locale(strings.Replace(good, "Anhang {annex}", "Anhang {article}", 1), ""), "/@locale/citation/*/annex"},
		"no title":     {locale(strings.Replace(good, "{part} {titleOf}", "{part}", 1), ""), "/@locale/citation/*/cite"},
		"numerals":     {locale(strings.Replace(good, `"cite"`, `"numerals": "roman", "cite"`, 1), ""), "/@locale/citation/*/numerals"},
		"of alone":     {locale(good, `, "x.y": {"of": "z"}`), "/x.y"},
		"of in plural": {locale(good, `, "x.y": {"plural": {"arg": 1, "one": "%d", "other": "%d"}, "of": "z"}`), "/x.y/of"},
		"of with verb": {locale(good, `, "x.y": {"format": "z", "of": "%s"}`), "/x.y/of"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := i18n.DefaultCatalog().AddLocale(strings.NewReader(tc.file))
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			var paths []string
			for _, fe := range fes {
				paths = append(paths, fe.Path)
			}
			assert.Contains(t, paths, tc.path)
		})
	}
}
