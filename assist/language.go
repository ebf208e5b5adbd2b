package assist

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/medsec-go/medsec/i18n"
)

// A Language is a language in which helpers or a provider's staff can
// work, as a lower-case ISO 639-1 code: "cs", "sk", "en", "de", "uk",
// "vi". The codes that ISO 639-1 withdrew (in, iw, ji, jw, mo) are not
// accepted; use id, he, yi, jv and ro.
type Language string

// isoLanguages are the ISO 639-1 codes medsec accepts: those that
// golang.org/x/text knows, without the withdrawn ones.
const isoLanguages = "" +
	"aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv " +
	"cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr " +
	"ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw " +
	"ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv " +
	"ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq " +
	"sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh " +
	"yi yo za zh zu"

// valid reports whether l is one of the accepted codes.
func (l Language) valid() bool {
	if len(l) != 2 {
		return false
	}
	for i := 0; i+2 <= len(isoLanguages); i += 3 {
		if isoLanguages[i:i+2] == string(l) {
			return true
		}
	}
	return false
}

// languageCodes returns the accepted codes, sorted.
func languageCodes() []string { return strings.Fields(isoLanguages) }

// Name returns the language's name in loc, from the CLDR data of
// golang.org/x/text: "čeština" in Czech, "Czech" in English, "tiếng Séc"
// in Vietnamese, "捷克语" in Simplified Chinese. A code that has no name
// is returned as it is.
func (l Language) Name(loc i18n.Locale) string {
	base, err := language.ParseBase(string(l))
	if err != nil {
		return string(l)
	}
	tag, _ := language.Compose(base)
	name := display.Languages(loc.Tag()).Name(tag)
	if name == "" {
		return string(l)
	}
	if loc == i18n.VI {
		// CLDR capitalises "Tiếng" for a standalone name; inside a
		// sentence or a list Vietnamese writes it in lower case.
		r, n := utf8.DecodeRuneInString(name)
		name = string(unicode.ToLower(r)) + name[n:]
	}
	return name
}
