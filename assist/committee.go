package assist

import (
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/medsec-go/medsec/i18n"
)

// A Committee is the body that collects the offers, talks to the
// providers and publishes the catalogue: in the Czech case of March 2020,
// the Ministry of Health's cybersecurity action committee, founded within
// the National eHealth Centre. A CERT or a hospital association can run
// the same process. Its JSON form is described by [CommitteeSchema].
type Committee struct {
	// Name is the committee's full name. Required.
	Name Name `json:"name"`
	// ShortName is the abbreviation the committee goes by, such as
	// "Akční výbor KB". Optional; when given, the notices use it in
	// their sentences.
	ShortName *Name `json:"shortName,omitempty"`
	// Parent is the body that runs the committee and publishes the
	// catalogue, such as the Ministry of Health. Required.
	Parent Name `json:"parent"`
	// Email is where providers ask for help and offerers send offers.
	// Required.
	Email string `json:"email"`
	// Place is the place line of the notices, as it reads before the
	// date: "V Praze" in Czech ("V Praze dne 20. 3. 2026"), "Prague" in
	// English. Required.
	Place Name `json:"place"`
	// CatalogueURL is the https address where the catalogue is
	// published; the announcement links to it. Required.
	CatalogueURL string `json:"catalogueUrl"`
}

// A Name is a proper name — of a body, a committee or a place — in its
// original language, with translations into the locales medsec speaks
// where the name has an established form in them. A locale without a
// translation shows the original, marked with its language in HTML.
type Name struct {
	// Text is the name in its original language. Required.
	Text string `json:"text"`
	// Lang is the BCP 47 tag of Text's language, e.g. "cs". Required.
	Lang string `json:"lang"`
	// Translations maps locales to the name's established form in them.
	// Optional.
	Translations map[i18n.Locale]string `json:"translations,omitempty"`
}

// IsZero reports whether n is empty.
func (n Name) IsZero() bool { return n.Text == "" && n.Lang == "" && len(n.Translations) == 0 }

// In returns n in loc and the BCP 47 tag of the language it is in: the
// translation for loc, or the original.
func (n Name) In(loc i18n.Locale) (text, lang string) {
	if t, ok := n.Translations[loc]; ok && t != "" {
		return t, loc.String()
	}
	return n.Text, n.Lang
}

// Validate checks every field of c and reports every problem at once, as
// a [medsec.FieldErrors] whose paths are JSON Pointers into the committee.
func (c *Committee) Validate() error {
	var e errList
	c.validate(&e, "")
	return e.err()
}

func (c *Committee) validate(e *errList, path string) {
	c.Name.validate(e, path+"/name")
	if c.ShortName != nil {
		c.ShortName.validate(e, path+"/shortName")
	}
	c.Parent.validate(e, path+"/parent")
	switch {
	case c.Email == "":
		e.required(path + "/email")
	case !validEmail(c.Email):
		e.add(path+"/email", "email", c.Email, msgErrEmail.New(c.Email))
	}
	c.Place.validate(e, path+"/place")
	switch {
	case c.CatalogueURL == "":
		e.required(path + "/catalogueUrl")
	case !validURL(c.CatalogueURL):
		e.add(path+"/catalogueUrl", "url", c.CatalogueURL, msgErrURL.New(c.CatalogueURL))
	}
}

func (n Name) validate(e *errList, path string) {
	e.text(path+"/text", n.Text, true, maxName)
	switch {
	case n.Lang == "":
		e.required(path + "/lang")
	case !validTag(n.Lang):
		e.add(path+"/lang", "lang", n.Lang, msgErrTag.New(n.Lang))
	}
	locs := make([]i18n.Locale, 0, len(n.Translations))
	for loc := range n.Translations {
		locs = append(locs, loc)
	}
	slices.Sort(locs)
	for _, loc := range locs {
		p := path + "/translations/" + loc.String()
		if !slices.Contains(i18n.Locales(), loc) {
			e.add(p, "locale", loc.String(), msgErrLocale.New(loc.String()))
			continue
		}
		e.text(p, n.Translations[loc], true, maxName)
	}
}

// validTag reports whether s is a well-formed BCP 47 tag of a known
// language, written in its canonical case ("cs", "zh-Hant").
func validTag(s string) bool {
	if len(s) > 35 || !tagRE.MatchString(s) {
		return false
	}
	t, err := language.Parse(s)
	if err != nil {
		return false
	}
	base, conf := t.Base()
	return conf == language.Exact && base.String() != "und"
}

// validURL reports whether s is an absolute https URL with a host and
// without characters that would need escaping in Markdown or HTML.
func validURL(s string) bool {
	if len(s) > maxURL || !strings.HasPrefix(s, "https://") || strings.ContainsAny(s, " <>\"'`\\{}|^") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r >= 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil
}
