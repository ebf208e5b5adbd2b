package i18n

import (
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
)

// A citeStyle is how a locale writes the citations of one kind of
// instrument: the "@locale" member's citation styles, checked and parsed
// (see [Catalog.AddLocale]).
type citeStyle struct {
	article   pattern // {article}
	paragraph pattern // {article} {paragraph}
	point     pattern // {article} {paragraph} {point}
	annex     pattern // {annex}
	cite      pattern // {part} and {title} or {titleOf}
	han       bool    // article, paragraph and point numbers in Chinese numerals
}

// citeStyleJSON is the JSON form of one citation style.
type citeStyleJSON struct {
	Article   string `json:"article"`
	Paragraph string `json:"paragraph"`
	Point     string `json:"point"`
	Annex     string `json:"annex"`
	Cite      string `json:"cite"`
	Numerals  string `json:"numerals,omitempty"`
}

// The fields of citation patterns.
var (
	citeArticleFields   = []string{"article"}
	citeParagraphFields = []string{"article", "paragraph"}
	citePointFields     = []string{"article", "paragraph", "point"}
	citeAnnexFields     = []string{"annex"}
	citeFields          = []string{"part", "title", "titleOf"}
)

// parseCiteStyles checks the citation styles of a locale file. Each key is
// "*" (any instrument), a jurisdiction code ("CZ"), or either followed by
// "/" and an instrument kind ("CN/standard", "*/guideline"); "*" is
// required.
func parseCiteStyles(styles map[string]citeStyleJSON, at string, add func(path, rule, value string, m medsec.Message)) map[string]*citeStyle {
	if styles == nil {
		return nil
	}
	out := make(map[string]*citeStyle, len(styles))
	if _, ok := styles["*"]; !ok {
		add(at, "required", "", msgDataRequired.New("citation/*"))
	}
	for key, j := range styles {
		p := at + "/" + pointer(key)[1:]
		if !validStyleKey(key) {
			add(p, "citation-key", key, msgDataCiteKey.New(key))
			continue
		}
		s := &citeStyle{}
		switch j.Numerals {
		case "", "arabic":
		case "han":
			s.han = true
		default:
			add(p+"/numerals", "one-of", j.Numerals, msgDataCiteNumerals.New(j.Numerals))
		}
		ok := true
		for _, f := range []struct {
			field   string
			src     string
			dst     *pattern
			allowed []string
		}{
			{"article", j.Article, &s.article, citeArticleFields},
			{"paragraph", j.Paragraph, &s.paragraph, citeParagraphFields},
			{"point", j.Point, &s.point, citePointFields},
			{"annex", j.Annex, &s.annex, citeAnnexFields},
			{"cite", j.Cite, &s.cite, citeFields},
		} {
			pat, msg := parsePattern(f.src, f.allowed, f.allowed[len(f.allowed)-1])
			if f.field == "cite" {
				pat, msg = parsePattern(f.src, f.allowed, "part")
				if msg.IsZero() && !pat.has("title") && !pat.has("titleOf") {
					msg = msgDataPatternNeeds.New(f.src, "title")
				}
			}
			if !msg.IsZero() {
				add(p+"/"+f.field, "pattern", f.src, msg)
				ok = false
				continue
			}
			*f.dst = pat
		}
		if ok {
			out[key] = s
		}
	}
	return out
}

// validStyleKey reports whether k is "*" or a jurisdiction code, with an
// optional "/kind".
func validStyleKey(k string) bool {
	j, kind, hasKind := strings.Cut(k, "/")
	if j != "*" && !medsec.Jurisdiction(j).Valid() {
		return false
	}
	if !hasKind {
		return true
	}
	var ik medsec.InstrumentKind
	return ik.UnmarshalText([]byte(kind)) == nil
}

// citeStyle returns the style of c for instruments of jurisdiction j and
// kind k: the most specific of "J/kind", "J", "*/kind" and "*".
func (c *conventions) citeStyle(j medsec.Jurisdiction, k medsec.InstrumentKind) *citeStyle {
	if c.cite == nil {
		c = englishConventions()
	}
	kind := k.String()
	for _, key := range [...]string{string(j) + "/" + kind, string(j), "*/" + kind, "*"} {
		if s := c.cite[key]; s != nil {
			return s
		}
	}
	return nil
}

// Citation prints c for a reader of l's locale: the provision in the
// numbering style of its instrument's jurisdiction and kind, as the
// locale file states it, and the instrument by its short title
// ([medsec.Instrument.ShortTitle]) in l's language:
//
//	en       NIS2 Directive art. 21(2)(d)
//	vi       điểm a khoản 1 Điều 11 Quyết định 05/2017/QĐ-TTg
//	cs       čl. 21 odst. 2 písm. d) směrnice NIS2; § 8 odst. 1 zákona č. 264/2025 Sb.
//	zh-Hans  《网络安全法》第二十一条
//
// The instrument is looked up in the registry of l's catalog ([CatalogFor];
// [medsec.DefaultRegistry] for the default catalog). A citation of an
// instrument the registry does not hold prints in its canonical form
// ([medsec.Citation.String]), so that nothing is lost. An instrument
// without a short title is named by its number, else by its ID.
//
// [Localizer.Format] prints a [medsec.Citation] or [medsec.Citations]
// argument this way, so a report's Translator prints citations in the
// reader's language too (see [medsec.Citation.Message]).
func (l *Localizer) Citation(c medsec.Citation) string {
	var b strings.Builder
	l.writeCitation(&b, nil, c)
	return b.String()
}

// Citations prints cs with [Localizer.Citation], joined with the locale's
// list separator.
func (l *Localizer) Citations(cs []medsec.Citation) string {
	var b strings.Builder
	l.writeCitations(&b, nil, cs)
	return b.String()
}

func (l *Localizer) writeCitations(b *strings.Builder, reg *medsec.Registry, cs []medsec.Citation) {
	for i, c := range cs {
		if i > 0 {
			b.WriteString(l.listSep())
		}
		l.writeCitation(b, reg, c)
	}
}

// registry returns the registry whose instruments l's citations name.
func (l *Localizer) registry() *medsec.Registry {
	if l != nil && l.reg != nil {
		return l.reg
	}
	return medsec.DefaultRegistry()
}

// writeCitation writes c as [Localizer.Citation] does, with the
// instruments of reg (nil: l's registry).
func (l *Localizer) writeCitation(b *strings.Builder, reg *medsec.Registry, c medsec.Citation) {
	if reg == nil {
		reg = l.registry()
	}
	in, err := reg.Lookup(c.Instrument)
	if err != nil {
		b.WriteString(c.String())
		return
	}
	title, titleOf := l.instrumentTitle(in)
	if c.Article == "" {
		b.WriteString(title)
		return
	}
	st := l.conventions().citeStyle(in.Jurisdiction, in.Kind)
	if st == nil {
		b.WriteString(c.String())
		return
	}
	num := func(s string) string {
		if st.han {
			return hanNumber(s)
		}
		return s
	}
	var part string
	if annex, ok := c.Annex(); ok {
		part = st.annex.expand(func(string) string { return annex })
		if c.Paragraph != "" {
			part += "(" + c.Paragraph + ")"
			if c.Point != "" {
				part += "(" + c.Point + ")"
			}
		}
	} else {
		p := st.article
		switch {
		case c.Point != "":
			p = st.point
		case c.Paragraph != "":
			p = st.paragraph
		}
		part = p.expand(func(f string) string {
			switch f {
			case "paragraph":
				return num(c.Paragraph)
			case "point":
				return num(c.Point)
			}
			return num(c.Article)
		})
	}
	b.WriteString(st.cite.expand(func(f string) string {
		switch f {
		case "title":
			return title
		case "titleOf":
			return titleOf
		}
		return part
	}))
}

// instrumentTitle returns the short title of in in l's language, and the
// form a citation uses after the provision ("of" in the locale file;
// the title itself where the language does not inflect it).
func (l *Localizer) instrumentTitle(in medsec.Instrument) (title, of string) {
	m := in.ShortTitle
	switch {
	case m.IsZero() && in.Number != "":
		return in.Number, in.Number
	case m.IsZero():
		return in.ID, in.ID
	}
	title = l.Format(m)
	if l == nil {
		return title, title
	}
	if e, ok := l.msgs[m.Key]; ok && e.of != nil {
		return title, e.of.src
	}
	return title, title
}

// hanNumber writes a number of articles, paragraphs or points in Chinese
// numerals, as Chinese legal texts number them ("21" → "二十一"). Anything
// but a plain number from 1 to 9999 ("4.3", "a", "12a") is returned as it
// is.
func hanNumber(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 9999 || strconv.Itoa(n) != s {
		return s
	}
	return hanNumeral(n)
}

var (
	hanDigits = [...]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	hanUnits  = [...]string{"", "十", "百", "千"}
)

// hanNumeral returns n, from 1 to 9999, in Chinese numerals: 10 is 十,
// 11 十一, 20 二十, 101 一百零一, 110 一百一十, 1001 一千零一.
func hanNumeral(n int) string {
	if n >= 10 && n < 20 {
		if n == 10 {
			return "十"
		}
		return "十" + hanDigits[n-10]
	}
	var ds [4]int
	for i := range ds {
		ds[i] = n % 10
		n /= 10
	}
	var b strings.Builder
	zero := false
	started := false
	for i := 3; i >= 0; i-- {
		d := ds[i]
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteString(hanDigits[0])
			zero = false
		}
		b.WriteString(hanDigits[d])
		b.WriteString(hanUnits[i])
		started = true
	}
	return b.String()
}
