package assist

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

var formatExt = map[i18n.Format]string{i18n.PlainText: "txt", i18n.Markdown: "md", i18n.HTML: "html"}

var formats = []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML}

func sampleCatalogue(t testing.TB) *Catalogue {
	t.Helper()
	c, err := NewCatalogue(sampleCommittee(t), sampleAsOf, sampleOffers(t))
	require.NoError(t, err)
	return c
}

// TestRenderGolden renders both notices in every locale and format and
// compares them with testdata/golden/<kind>.<locale>.<ext>.
func TestRenderGolden(t *testing.T) {
	c := sampleCatalogue(t)
	for _, k := range NoticeKinds() {
		for _, loc := range i18n.Locales() {
			for _, f := range formats {
				name := k.String() + "." + loc.String() + "." + formatExt[f]
				t.Run(name, func(t *testing.T) {
					got, err := c.Render(k, i18n.NewLocalizer(loc), f)
					require.NoError(t, err)
					golden(t, name, got)
				})
			}
		}
	}
}

// TestRenderHTMLDocument: every HTML output is a standalone document.
func TestRenderHTMLDocument(t *testing.T) {
	c := sampleCatalogue(t)
	for _, k := range NoticeKinds() {
		for _, loc := range i18n.Locales() {
			got, err := c.Render(k, i18n.NewLocalizer(loc), i18n.HTML)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(got, "<!DOCTYPE html>\n<html lang=\""+loc.String()+"\">"), "%s %s", k, loc)
			assert.Contains(t, got, `<meta charset="utf-8">`)
			assert.Regexp(t, `<title>[^<]+</title>`, got)
			assert.Contains(t, got, "@page { size: A4;")
			assert.True(t, strings.HasSuffix(got, "</html>\n"))
			assert.Equal(t, strings.Count(got, "<section"), strings.Count(got, "</section>"))
		}
	}
	// Names shown in their original language carry it.
	cm := sampleCommittee(t)
	delete(cm.Parent.Translations, i18n.VI)
	cat, err := NewCatalogue(cm, sampleAsOf, sampleOffers(t))
	require.NoError(t, err)
	got, err := cat.Render(CatalogueNotice, i18n.NewLocalizer(i18n.VI), i18n.HTML)
	require.NoError(t, err)
	assert.Contains(t, got, `<p class="head"><span lang="cs">Ministerstvo zdravotnictví České republiky</span></p>`)
}

// hostileOffer carries markup, Markdown block markers and line starts in
// every free-text field.
func hostileOffer() Offer {
	return Offer{
		ID: "O-1",
		Offerer: Offerer{Kind: Organisation, Name: "# Firma <script>alert(1)</script> & *spol.*", Country: "SK",
			Registration: "1. [x](javascript:alert(1))",
			Contact:      Contact{Name: "- Jan | Novák ~~x~~ `code`", Email: "a@example.cz"}},
		Services: []Service{IncidentResponse}, Terms: ProBono, Capacity: Capacity{Engagements: 1},
		Modes: []Mode{Remote}, Languages: []Language{"cs"},
		Valid: Validity{From: medsec.NewDate(2026, 3, 1)},
		Note:  "> quoted ![img](x) <b>bold</b> \\ === --- +++ 1) one",
	}
}

// TestRenderInjection: user data cannot change the structure of any
// output.
func TestRenderInjection(t *testing.T) {
	cm := sampleCommittee(t)
	cm.Place.Translations = nil
	cm.Place.Text = "## V <i>Praze</i>"
	c, err := NewCatalogue(cm, sampleAsOf, []Offer{hostileOffer()})
	require.NoError(t, err)
	for _, k := range NoticeKinds() {
		for _, loc := range i18n.Locales() {
			l := i18n.NewLocalizer(loc)
			html, err := c.Render(k, l, i18n.HTML)
			require.NoError(t, err)
			assert.NotContains(t, html, "<script>")
			assert.NotContains(t, html, "<b>")
			assert.NotContains(t, html, "<i>")
			md, err := c.Render(k, l, i18n.Markdown)
			require.NoError(t, err)
			for _, line := range strings.Split(md, "\n") {
				// The only headings, lists and quotes are the layout's own.
				switch {
				case strings.HasPrefix(line, "# "), strings.HasPrefix(line, "## "), strings.HasPrefix(line, "### "):
					assert.NotRegexp(t, `^#+ .*[^\\]#`, line)
				case strings.HasPrefix(line, "- "):
					assert.Regexp(t, `^- (\*\*[^*]+:\*\* |\S)`, line)
				}
				// The layout's one link is the announcement's, to the
				// committee's validated address.
				line = regexp.MustCompile(`\]\(<https://[^<>]+>\)$`).ReplaceAllString(line, "]")
				assert.NotRegexp(t, `(^|[^\\])<[a-z]`, line, "raw HTML in Markdown")
				assert.NotRegexp(t, `(^|[^\\])\]\(`, line, "a link from user data")
			}
			if k == CatalogueNotice {
				assert.Contains(t, md, `\# Firma \<script\>alert(1)\</script\> \& \*spol.\*`)
				assert.Contains(t, md, `- **`)
			}
			text, err := c.Render(k, l, i18n.PlainText)
			require.NoError(t, err)
			for _, r := range text {
				assert.False(t, unicode.IsControl(r) && r != '\n', "control character %U in text", r)
			}
		}
	}
}

// TestRenderCleansControls: a value with control characters that bypassed
// validation still cannot break a line.
func TestRenderCleansControls(t *testing.T) {
	c := sampleCatalogue(t)
	c.offers[0].Offerer.Name = "Firma\n- Lež: podvrh\u202e"
	for _, f := range formats {
		got, err := c.Render(CatalogueNotice, i18n.NewLocalizer(i18n.CS), f)
		require.NoError(t, err)
		assert.NotContains(t, got, "\n- Lež")
		assert.NotContains(t, got, "\u202e")
	}
}

// TestMarkdownEscape pins the escaping of line starts.
func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"- x":     `\- x`,
		"+ x":     `\+ x`,
		"1. x":    `1\. x`,
		"2026) x": `2026\) x`,
		"# x":     `\# x`,
		"> x":     `\> x`,
		"=== x":   `\=== x`,
		"a - b":   "a - b",
		"s.r.o.":  "s.r.o.",
		"*a* _b_": `\*a\* \_b\_`,
	} {
		assert.Equal(t, want, mdEscape(in, true), in)
	}
	assert.Equal(t, "1. x", mdEscape("1. x", false))
}

// TestRenderEmptyCatalogue: a day on which no offer stands.
func TestRenderEmptyCatalogue(t *testing.T) {
	c, err := NewCatalogue(sampleCommittee(t), medsec.NewDate(2020, 1, 1), sampleOffers(t))
	require.NoError(t, err)
	assert.Empty(t, c.Offers())
	got, err := c.Render(CatalogueNotice, i18n.NewLocalizer(i18n.EN), i18n.PlainText)
	require.NoError(t, err)
	assert.Contains(t, got, "No offer stands on this day.")
	got, err = c.Render(AnnouncementNotice, i18n.NewLocalizer(i18n.CS), i18n.Markdown)
	require.NoError(t, err)
	assert.NotContains(t, got, "Obsahuje 0")
}

// TestRenderErrors: bad arguments are errors, not panics.
func TestRenderErrors(t *testing.T) {
	c := sampleCatalogue(t)
	_, err := c.Render(0, i18n.NewLocalizer(i18n.EN), i18n.HTML)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = c.Render(CatalogueNotice, nil, i18n.HTML)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = c.Render(CatalogueNotice, i18n.NewLocalizer(i18n.EN), 9)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

// TestNewCatalogue: what the catalogue holds, and its errors.
func TestNewCatalogue(t *testing.T) {
	c := sampleCatalogue(t)
	offers := c.Offers()
	assert.Len(t, offers, 21, "two of the 23 sample offers do not stand on the day")
	for i := 1; i < len(offers); i++ {
		assert.Less(t, offers[i-1].ID, offers[i].ID)
	}
	offers[0].Services[0] = LegalAdvice
	assert.Equal(t, IncidentResponse, c.Offers()[0].Services[0], "Offers returns copies")
	idx := c.Index()
	assert.Equal(t, IncidentResponse, idx[0].Service)
	assert.Equal(t, []string{"O-001", "O-002", "O-003", "O-007", "O-021"}, idx[0].Offers)
	cm := c.Committee()
	cm.Name.Translations[i18n.EN] = "changed"
	assert.NotEqual(t, "changed", c.Committee().Name.Translations[i18n.EN])

	_, err := NewCatalogue(Committee{}, medsec.Date{}, nil)
	require.ErrorIs(t, err, medsec.ErrInvalidInput)
	assert.Regexp(t, regexp.MustCompile(`^Date: the catalogue's date is required; /committee/name/text: `), err.Error())
}
