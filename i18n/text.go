package i18n

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// A Text is a piece of notice content: either literal text, or a
// [medsec.Message] that is translated into the locale the notice is
// rendered in. Literal text may say which language it is written in
// ([LitIn]), and any Text may carry its own forms for some locales
// ([Text.With]): the established name of a body or a place in another
// language, or a title given whole. The zero Text is empty.
//
// A notice rendered in a locale prints the Text's form for that locale if
// it has one, else the translated message, else the literal text. Literal
// text in another language than the notice's is marked with its language
// in HTML (a span with a lang attribute), so that browsers choose the
// right glyphs and screen readers the right voice.
type Text struct {
	lit   string
	lang  Locale // the language of lit; "" when not known
	msg   medsec.Message
	forms []form // sorted by locale; never shared with another Text's appends
}

// A form is a Text's wording in one locale.
type form struct {
	loc  Locale
	text string
}

// Lit returns a Text of literal content. It is never translated and never
// interpreted: "%" and markup are printed as they are (and escaped in
// HTML). Its language is not stated; use [LitIn] for text that readers of
// other languages will see too, such as the names of bodies and places.
func Lit(s string) Text { return Text{lit: s} }

// LitIn returns a Text of literal content written in the language lang,
// such as the name of a body, a place or a person as its own language
// writes it: LitIn(VI, "Sở Y tế"). A notice in another locale prints it
// as it is, marked with lang in HTML, unless the Text has a form for that
// locale ([Text.With]). Validate rejects a lang that is not a BCP 47 tag
// in canonical form.
func LitIn(lang Locale, s string) Text { return Text{lit: s, lang: lang} }

// Msg returns a Text that renders m in the notice's locale.
func Msg(m medsec.Message) Text { return Text{msg: m} }

// With returns a copy of t that reads s in the locale loc: the
// established name of a body or a place in loc ("Department of Health"
// for "Sở Y tế"), the form a sentence of loc needs ("V Praze" for the
// place of a Czech letter), or a title given whole ("náměstkyně
// ředitele"). The form for a locale replaces t's message or literal
// there; other locales are unchanged. An empty s removes the form for
// loc. t itself is not changed.
func (t Text) With(loc Locale, s string) Text {
	forms := make([]form, 0, len(t.forms)+1)
	for _, f := range t.forms {
		if f.loc != loc {
			forms = append(forms, f)
		}
	}
	if s != "" {
		forms = append(forms, form{loc, s})
		slices.SortFunc(forms, func(a, b form) int { return strings.Compare(string(a.loc), string(b.loc)) })
	}
	if len(forms) == 0 {
		forms = nil
	}
	t.forms = forms
	return t
}

// Lang returns the language of t's literal text as [LitIn] stated it, or
// "" when it is not stated or t is a message.
func (t Text) Lang() Locale {
	if !t.msg.IsZero() {
		return ""
	}
	return t.lang
}

// IsZero reports whether t is empty: no literal text, no message and no
// form for any locale.
func (t Text) IsZero() bool { return t.lit == "" && t.msg.IsZero() && len(t.forms) == 0 }

// String returns the literal content, or the message in English.
func (t Text) String() string {
	if !t.msg.IsZero() {
		return t.msg.String()
	}
	return t.lit
}

// In returns t rendered for l: its form for l's locale, or its message
// translated, or its literal text.
func (t Text) In(l *Localizer) string { return t.in(l, 0) }

// in renders t for l as the argument of a message nested depth deep.
func (t Text) in(l *Localizer, depth int) string {
	if len(t.forms) > 0 {
		loc := l.Locale()
		for _, f := range t.forms {
			if f.loc == loc {
				return f.text
			}
		}
	}
	if t.msg.IsZero() {
		if l != nil && l.mark && t.lang != "" && t.lit != "" && t.lang != l.Locale() {
			return markLang(t.lang, t.lit)
		}
		return t.lit
	}
	if l == nil {
		l = &Localizer{}
	}
	return l.format(t.msg, depth)
}

// texts renders the non-empty texts of ts for l.
func texts(l *Localizer, ts []Text) []string {
	if len(ts) == 0 {
		return nil
	}
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if !t.IsZero() {
			if s := t.In(l); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
