package assist

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// The notices are laid out here rather than in package i18n's notice
// templates: those hold flat fields and lists of lines, while a catalogue
// is nested (offers, each with its own rows). What i18n provides is used
// as it is: the locales, the translated messages, the official date and
// place-and-date forms and the formats.

// Render renders the notice of kind k in l's locale and format f:
//
//   - [CatalogueNotice]: the catalogue — the publishing body, the title,
//     the day, how the committee works and whom to write to, an index of
//     the services with the offers that provide them, then every offer
//     with its offerer, services, terms, delivery, languages, capacity,
//     period and contact, and the place and date;
//   - [AnnouncementNotice]: the committee's news item that announces the
//     catalogue, with its figures, and links to [Committee.CatalogueURL].
//
// Plain text has one line per layout line. Markdown is CommonMark. HTML is
// a standalone document (doctype, html lang, charset, title and a print
// style sheet for A4), built with html/template. User data cannot change
// the structure of any of them: control characters are replaced, Markdown
// punctuation and line-start markers are escaped, and HTML is escaped by
// html/template. Names shown in their original language because the
// locale has no translation carry their own lang attribute in HTML.
//
// Individuals' contact details are not printed: the catalogue sends
// providers to the committee instead.
func (c *Catalogue) Render(k NoticeKind, l *i18n.Localizer, f i18n.Format) (string, error) {
	if l == nil {
		return "", fmt.Errorf("assist: render: nil localizer: %w", medsec.ErrInvalidInput)
	}
	var d *doc
	switch k {
	case CatalogueNotice:
		d = c.catalogueDoc(l)
	case AnnouncementNotice:
		d = c.announcementDoc(l)
	default:
		return "", fmt.Errorf("assist: render: unknown notice kind %d (want catalogue or announcement): %w", uint8(k), medsec.ErrInvalidInput)
	}
	switch f {
	case i18n.PlainText:
		return d.text(), nil
	case i18n.Markdown:
		return d.markdown(), nil
	case i18n.HTML:
		return d.html()
	}
	return "", fmt.Errorf("assist: render: unknown format %d (want text, markdown or html): %w", uint8(f), medsec.ErrInvalidInput)
}

type blockKind uint8

const (
	bHead    blockKind = iota + 1 // a bold line of the header (the publishing body)
	bKicker                       // the section a news item belongs to
	bTitle                        // the title
	bLead                         // an italic line under the title
	bPara                         // a paragraph
	bHeading                      // a section heading
	bList                         // a bulleted list
	bEntry                        // an offer: a heading and label–value rows
	bLink                         // a link to another document
	bSmall                        // a closing remark
	bRight                        // the place and date
)

// A span is text in one language. lang is empty when the text is in the
// document's language.
type span struct{ text, lang string }

type row struct {
	label string
	value []span
}

type block struct {
	kind  blockKind
	spans []span   // the line; for bLink its text
	items [][]span // bList
	rows  []row    // bEntry
	id    string   // bEntry: the anchor
	href  string   // bLink: the target
}

type doc struct {
	kind   NoticeKind
	loc    i18n.Locale
	title  string
	blocks []block
}

// colon returns the separator of a label and its value: a full-width colon
// in Chinese, ": " elsewhere.
func (d *doc) colon() string {
	if d.loc == i18n.ZhHans || d.loc == i18n.ZhHant {
		return "："
	}
	return ": "
}

// builder helps make the spans of one locale.
type builder struct {
	l   *i18n.Localizer
	loc i18n.Locale
}

func (b builder) msg(m medsec.Message) []span { return []span{{text: b.l.Format(m)}} }

func (b builder) name(n Name) span {
	text, lang := n.In(b.loc)
	if lang == b.loc.String() {
		lang = ""
	}
	return span{text: text, lang: lang}
}

// sep returns the separator of list items in the locale.
func (b builder) sep() string {
	if b.loc == i18n.ZhHans || b.loc == i18n.ZhHant {
		return "、"
	}
	return ", "
}

func (b builder) semi() string {
	if b.loc == i18n.ZhHans || b.loc == i18n.ZhHant {
		return "；"
	}
	return "; "
}

func (b builder) join(parts []string, sep string) []span {
	return []span{{text: strings.Join(parts, sep)}}
}

// committeeName returns the committee's short name if it has one, else
// its full name.
func (c *Catalogue) committeeName(b builder) span {
	if c.committee.ShortName != nil {
		return b.name(*c.committee.ShortName)
	}
	return b.name(c.committee.Name)
}

func (c *Catalogue) header(b builder, d *doc) {
	d.blocks = append(d.blocks,
		block{kind: bHead, spans: []span{b.name(c.committee.Parent)}},
		block{kind: bHead, spans: []span{b.name(c.committee.Name)}})
}

func (c *Catalogue) placeDate(b builder) []span {
	place := b.name(c.committee.Place)
	return []span{{text: b.l.PlaceDate(place.text, c.date), lang: place.lang}}
}

// withNames renders a message whose first arguments are names: each name
// keeps its own language, the rest of the text is in the locale. The names
// travel through the formatting as private-use marker characters.
func (b builder) withNames(t medsec.MessageTemplate, names []span, args ...any) []span {
	const marker = 0xE000
	all := make([]any, 0, len(names)+len(args))
	for i := range names {
		all = append(all, string(rune(marker+i)))
	}
	s := b.l.Format(t.New(append(all, args...)...))
	var out []span
	start := 0
	for i, r := range s {
		if r < marker || r >= marker+rune(len(names)) {
			continue
		}
		if start < i {
			out = append(out, span{text: s[start:i]})
		}
		out = append(out, names[r-marker])
		start = i + utf8.RuneLen(r)
	}
	if start < len(s) {
		out = append(out, span{text: s[start:]})
	}
	return out
}

func (c *Catalogue) catalogueDoc(l *i18n.Localizer) *doc {
	b := builder{l: l, loc: l.Locale()}
	d := &doc{kind: CatalogueNotice, loc: b.loc, title: l.Format(msgCatTitle.New())}
	c.header(b, d)
	d.blocks = append(d.blocks,
		block{kind: bTitle, spans: b.msg(msgCatTitle.New())},
		block{kind: bLead, spans: b.msg(msgCatLead.New(c.date))},
		block{kind: bPara, spans: b.withNames(msgCatIntro, []span{c.committeeName(b)})},
		block{kind: bPara, spans: b.msg(msgCatWrite.New(c.committee.Email))},
	)
	if len(c.offers) == 0 {
		d.blocks = append(d.blocks, block{kind: bPara, spans: b.msg(msgCatEmpty.New())})
	} else {
		d.blocks = append(d.blocks, block{kind: bHeading, spans: b.msg(msgCatServices.New())})
		index := block{kind: bList}
		for _, e := range c.Index() {
			index.items = append(index.items, b.msg(msgCatIndexLine.New(e.Service.Message(), strings.Join(e.Offers, b.sep()))))
		}
		d.blocks = append(d.blocks, index, block{kind: bHeading, spans: b.msg(msgCatOffers.New())})
		for i := range c.offers {
			d.blocks = append(d.blocks, c.entry(b, &c.offers[i]))
		}
	}
	d.blocks = append(d.blocks,
		block{kind: bSmall, spans: b.msg(msgCatDisclaimer.New())},
		block{kind: bRight, spans: c.placeDate(b)})
	return d
}

// entry lays out one offer.
func (c *Catalogue) entry(b builder, o *Offer) block {
	l := b.l
	e := block{kind: bEntry, id: "offer-" + o.ID, spans: []span{{text: o.ID + " " + o.Offerer.Name}}}
	add := func(label medsec.MessageTemplate, value []span) {
		e.rows = append(e.rows, row{label: l.Format(label.New()), value: value})
	}
	who := []string{l.Format(o.Offerer.Kind.Message()), countryName(b.loc, o.Offerer.Country)}
	if o.Offerer.Registration != "" {
		reg := msgCatRegistration
		if o.Offerer.Country == "CZ" {
			reg = msgCatICO
		}
		who = append(who, l.Format(reg.New(o.Offerer.Registration)))
	}
	add(msgLabelOfferer, b.join(who, b.sep()))
	services := make([]string, len(o.Services))
	for i, s := range o.Services {
		services[i] = l.Format(s.Message())
	}
	add(msgLabelServices, b.join(services, b.semi()))
	add(msgLabelTerms, b.msg(o.Terms.Message()))
	var modes []string
	for _, m := range o.Modes {
		if m == OnSite {
			regions := make([]string, len(o.Regions))
			for i, r := range o.Regions {
				regions[i] = l.Format(r.Message())
			}
			modes = append(modes, l.Format(msgCatOnSiteIn.New(strings.Join(regions, b.sep()))))
		} else {
			modes = append(modes, l.Format(m.Message()))
		}
	}
	add(msgLabelDelivery, b.join(modes, b.semi()))
	langs := make([]string, len(o.Languages))
	for i, lg := range o.Languages {
		langs[i] = lg.Name(b.loc)
	}
	add(msgLabelLanguages, b.join(langs, b.sep()))
	add(msgLabelCapacity, b.msg(capacityText(o.Capacity)))
	if o.Valid.Until.IsZero() {
		add(msgLabelValid, b.msg(msgCatValidFrom.New(o.Valid.From)))
	} else {
		add(msgLabelValid, b.msg(msgCatValidFromUntil.New(o.Valid.From, o.Valid.Until)))
	}
	if o.Offerer.Kind == Individual {
		add(msgLabelContact, b.msg(msgCatViaCommittee.New(c.committee.Email)))
	} else {
		contact := []string{}
		if o.Offerer.Contact.Name != "" {
			contact = append(contact, o.Offerer.Contact.Name)
		}
		contact = append(contact, o.Offerer.Contact.Email)
		if o.Offerer.Contact.Phone != "" {
			contact = append(contact, o.Offerer.Contact.Phone)
		}
		add(msgLabelContact, b.join(contact, b.sep()))
	}
	if o.Note != "" {
		add(msgLabelNote, []span{{text: o.Note}})
	}
	return e
}

// capacityText describes an offer's capacity.
func capacityText(c Capacity) medsec.Message {
	switch {
	case c.Engagements > 0 && c.PersonDays > 0:
		return msgCatCapacityBoth.New(msgCountEngagements.New(c.Engagements), msgCountPersonDays.New(c.PersonDays))
	case c.Engagements > 0:
		return msgCatCapacityEngagements.New(msgCountEngagements.New(c.Engagements))
	}
	return msgCatCapacityDays.New(msgCountPersonDays.New(c.PersonDays))
}

// countryName returns the name of an ISO 3166-1 country in loc.
func countryName(loc i18n.Locale, code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if n := display.Regions(loc.Tag()).Name(r); n != "" {
		return n
	}
	return code
}

func (c *Catalogue) announcementDoc(l *i18n.Localizer) *doc {
	b := builder{l: l, loc: l.Locale()}
	d := &doc{kind: AnnouncementNotice, loc: b.loc, title: l.Format(msgCatTitle.New())}
	orgs, people, free := 0, 0, 0
	seen := map[string]bool{}
	for i := range c.offers {
		o := &c.offers[i]
		key := o.Offerer.Country + "\x00" + o.Offerer.Name
		if !seen[key] {
			seen[key] = true
			if o.Offerer.Kind == Individual {
				people++
			} else {
				orgs++
			}
		}
		if o.Terms == ProBono {
			free++
		}
	}
	index := c.Index()
	services := make([]string, len(index))
	for i, e := range index {
		services[i] = l.Format(e.Service.Message())
	}
	name := c.committeeName(b)
	d.blocks = append(d.blocks,
		block{kind: bKicker, spans: b.msg(msgAnnSection.New())},
		block{kind: bTitle, spans: b.msg(msgCatTitle.New())},
		block{kind: bLead, spans: []span{{text: capitalise(l.Date(c.date))}}},
		block{kind: bPara, spans: b.msg(msgAnnLead.New())},
		block{kind: bPara, spans: b.withNames(msgAnnPublished, []span{b.name(c.committee.Parent), name})},
	)
	if len(c.offers) > 0 {
		figures := []string{
			l.Format(msgAnnOffers.New(len(c.offers), c.date)),
			l.Format(msgAnnOfferers.New(orgs + people)),
			l.Format(msgAnnProBono.New(free)),
			l.Format(msgAnnServices.New(len(index), strings.Join(services, b.semi()))),
		}
		space := " "
		if b.loc == i18n.ZhHans || b.loc == i18n.ZhHant {
			space = ""
		}
		d.blocks = append(d.blocks, block{kind: bPara, spans: b.join(figures, space)})
	}
	d.blocks = append(d.blocks,
		block{kind: bPara, spans: b.withNames(msgAnnPriority, []span{name})},
		block{kind: bPara, spans: b.msg(msgAnnContact.New(c.committee.Email))},
		block{kind: bLink, spans: b.msg(msgAnnDetails.New()), href: c.committee.CatalogueURL},
		block{kind: bRight, spans: c.placeDate(b)},
	)
	return d
}

// capitalise upper-cases the first letter of a line that stands alone,
// such as the Vietnamese "ngày 20 tháng 3 năm 2026".
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// ---------------------------------------------------------------------
// Writers

// clean replaces the characters that no output may carry as they are:
// control characters, line and paragraph separators and bidirectional
// formatting characters become spaces. Validated data holds none; this
// keeps the layout intact whatever reaches the writer.
func clean(s string) string {
	if _, bad := badRune(s); !bad {
		return s
	}
	return strings.Map(func(r rune) rune {
		if _, bad := badRune(string(r)); bad && r != 0xFFFD {
			return ' '
		}
		return r
	}, s)
}

func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(clean(s.text))
	}
	return b.String()
}

func (d *doc) text() string {
	var b strings.Builder
	para := func(s string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	for i, bl := range d.blocks {
		switch bl.kind {
		case bHead:
			if i > 0 && d.blocks[i-1].kind == bHead {
				b.WriteString(plain(bl.spans) + "\n")
			} else {
				para(plain(bl.spans))
			}
		case bList:
			var items []string
			for _, it := range bl.items {
				items = append(items, "- "+plain(it))
			}
			para(strings.Join(items, "\n"))
		case bEntry:
			lines := []string{plain(bl.spans)}
			for _, r := range bl.rows {
				lines = append(lines, "  "+clean(r.label)+d.colon()+plain(r.value))
			}
			para(strings.Join(lines, "\n"))
		case bLink:
			para(plain(bl.spans) + d.colon() + clean(bl.href))
		default:
			para(plain(bl.spans))
		}
	}
	return b.String()
}

func (d *doc) markdown() string {
	var b strings.Builder
	para := func(s string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s)
		b.WriteString("\n")
	}
	for i, bl := range d.blocks {
		switch bl.kind {
		case bHead:
			line := "**" + mdSpans(bl.spans, false) + "**"
			if i+1 < len(d.blocks) && d.blocks[i+1].kind == bHead {
				line += "\\"
			}
			if i > 0 && d.blocks[i-1].kind == bHead {
				b.WriteString(line + "\n")
			} else {
				para(line)
			}
		case bKicker:
			para("*" + mdSpans(bl.spans, false) + "*")
		case bTitle:
			para("# " + mdSpans(bl.spans, false))
		case bLead:
			para("*" + mdSpans(bl.spans, false) + "*")
		case bHeading:
			para("## " + mdSpans(bl.spans, false))
		case bList:
			var items []string
			for _, it := range bl.items {
				items = append(items, "- "+mdSpans(it, true))
			}
			para(strings.Join(items, "\n"))
		case bEntry:
			para("### " + mdSpans(bl.spans, false))
			var rows []string
			for _, r := range bl.rows {
				// Always a space after the closing "**": CommonMark does
				// not close it between a full-width colon and a letter.
				rows = append(rows, "- **"+mdEscape(clean(r.label), true)+strings.TrimSpace(d.colon())+"** "+mdSpans(r.value, false))
			}
			para(strings.Join(rows, "\n"))
		case bLink:
			para("[" + mdSpans(bl.spans, false) + "](<" + clean(bl.href) + ">)")
		default:
			para(mdSpans(bl.spans, true))
		}
	}
	return b.String()
}

func mdSpans(spans []span, lineStart bool) string {
	var b strings.Builder
	for i, s := range spans {
		b.WriteString(mdEscape(clean(s.text), lineStart && i == 0))
	}
	return b.String()
}

// mdEscape escapes s for CommonMark inline text: the punctuation that
// opens emphasis, code, links, images, HTML, entities, tables and
// strikethrough is backslash-escaped everywhere, and at the start of a
// line also the markers of headings, block quotes, lists and thematic
// breaks.
func mdEscape(s string, lineStart bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	if lineStart {
		trimmed := strings.TrimLeft(s, " ")
		b.WriteString(s[:len(s)-len(trimmed)])
		s = trimmed
		if s != "" {
			switch s[0] {
			case '-', '+', '=': // '>', '#', '*' and '_' are escaped below
				b.WriteByte('\\')
			}
			if n := leadingDigits(s); n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
				b.WriteString(s[:n])
				b.WriteByte('\\')
				s = s[n:]
			}
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// htmlSpan is a span as the HTML template sees it.
type htmlSpan struct{ Text, Lang string }

type htmlRow struct {
	Label string
	Value []htmlSpan
}

type htmlBlock struct {
	Kind  string
	Spans []htmlSpan
	Items [][]htmlSpan
	Rows  []htmlRow
	ID    string
	Href  string
}

func htmlSpans(spans []span) []htmlSpan {
	out := make([]htmlSpan, len(spans))
	for i, s := range spans {
		out[i] = htmlSpan{Text: clean(s.text), Lang: s.lang}
	}
	return out
}

var blockNames = [...]string{bHead: "head", bKicker: "kicker", bTitle: "title", bLead: "lead", bPara: "para",
	bHeading: "heading", bList: "list", bEntry: "entry", bLink: "link", bSmall: "small", bRight: "right"}

func (d *doc) html() (string, error) {
	data := struct {
		Lang   string
		Kind   string
		Title  string
		Fonts  template.CSS
		Blocks []htmlBlock
	}{Lang: d.loc.String(), Kind: d.kind.String(), Title: clean(d.title), Fonts: fonts(d.loc)}
	for _, bl := range d.blocks {
		hb := htmlBlock{Kind: blockNames[bl.kind], Spans: htmlSpans(bl.spans), ID: bl.id, Href: bl.href}
		for _, it := range bl.items {
			hb.Items = append(hb.Items, htmlSpans(it))
		}
		for _, r := range bl.rows {
			hb.Rows = append(hb.Rows, htmlRow{Label: clean(r.label), Value: htmlSpans(r.value)})
		}
		data.Blocks = append(data.Blocks, hb)
	}
	var b strings.Builder
	if err := pageTemplate.Execute(&b, data); err != nil {
		return "", fmt.Errorf("assist: render html: %w", err)
	}
	return b.String(), nil
}

// fonts returns the font stack of a locale: a serif for the Latin
// scripts, and the Song/Ming faces for Chinese.
func fonts(loc i18n.Locale) template.CSS {
	switch loc {
	case i18n.ZhHans:
		return `"Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Songti SC", serif`
	case i18n.ZhHant:
		return `"Noto Serif CJK TC", "Source Han Serif TC", PMingLiU, "Songti TC", serif`
	}
	return `"Times New Roman", "Liberation Serif", "DejaVu Serif", serif`
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 20mm 20mm 20mm 25mm; }
html { background: #fff; color: #000; }
body { font-family: {{.Fonts}}; font-size: 12pt; line-height: 1.45; max-width: 165mm; margin: 0 auto; padding: 10mm 0; }
.head { margin: 0; font-weight: bold; }
.kicker { margin: 0 0 2mm; font-variant: small-caps; letter-spacing: 0.04em; }
h1 { font-size: 16pt; margin: 6mm 0 2mm; }
.lead { margin: 0 0 4mm; font-style: italic; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 0.4pt solid #000; }
h3 { font-size: 12pt; margin: 4mm 0 1mm; }
p { margin: 0 0 3mm; text-align: justify; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 3mm; }
dt { font-weight: bold; }
dd { margin: 0; }
section.offer { break-inside: avoid; page-break-inside: avoid; }
.small { font-size: 10pt; }
.right { text-align: right; margin-top: 8mm; }
a { color: #000; }
@media print { body { max-width: none; padding: 0; } a { text-decoration: none; } a::after { content: " (" attr(href) ")"; } }
</style>
</head>
<body>
<article class="medsec-assist medsec-{{.Kind}}">
{{range .Blocks}}{{if eq .Kind "head"}}<p class="head">{{template "spans" .Spans}}</p>
{{else if eq .Kind "kicker"}}<p class="kicker">{{template "spans" .Spans}}</p>
{{else if eq .Kind "title"}}<h1>{{template "spans" .Spans}}</h1>
{{else if eq .Kind "lead"}}<p class="lead">{{template "spans" .Spans}}</p>
{{else if eq .Kind "heading"}}<h2>{{template "spans" .Spans}}</h2>
{{else if eq .Kind "list"}}<ul>
{{range .Items}}<li>{{template "spans" .}}</li>
{{end}}</ul>
{{else if eq .Kind "entry"}}<section class="offer" id="{{.ID}}">
<h3>{{template "spans" .Spans}}</h3>
<dl>
{{range .Rows}}<dt>{{.Label}}</dt><dd>{{template "spans" .Value}}</dd>
{{end}}</dl>
</section>
{{else if eq .Kind "link"}}<p class="link"><a href="{{.Href}}">{{template "spans" .Spans}}</a></p>
{{else if eq .Kind "small"}}<p class="small">{{template "spans" .Spans}}</p>
{{else if eq .Kind "right"}}<p class="right">{{template "spans" .Spans}}</p>
{{else}}<p>{{template "spans" .Spans}}</p>
{{end}}{{end}}</article>
</body>
</html>
{{define "spans"}}{{range .}}{{if .Lang}}<span lang="{{.Lang}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{end}}`))
