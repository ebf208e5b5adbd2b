package i18n

import (
	"strings"

	"github.com/medsec-go/medsec"
)

// A Text is a piece of notice content: either literal text, already in the
// notice's language, or a [medsec.Message] that is translated into the
// locale the notice is rendered in. The zero Text is empty.
type Text struct {
	lit string
	msg medsec.Message
}

// Lit returns a Text of literal content. It is never translated and never
// interpreted: "%" and markup are printed as they are (and escaped in
// HTML).
func Lit(s string) Text { return Text{lit: s} }

// Msg returns a Text that renders m in the notice's locale.
func Msg(m medsec.Message) Text { return Text{msg: m} }

// IsZero reports whether t is empty.
func (t Text) IsZero() bool { return t.lit == "" && t.msg.IsZero() }

// String returns the literal content, or the message in English.
func (t Text) String() string {
	if !t.msg.IsZero() {
		return t.msg.String()
	}
	return t.lit
}

// In returns t rendered for l.
func (t Text) In(l *Localizer) string { return t.in(l, 0) }

// in renders t for l as the argument of a message nested depth deep.
func (t Text) in(l *Localizer, depth int) string {
	if t.msg.IsZero() {
		return t.lit
	}
	if l == nil {
		l = &Localizer{}
	}
	var b strings.Builder
	l.write(&b, t.msg, depth)
	return b.String()
}

// texts renders the non-empty texts of ts for l.
func texts(l *Localizer, ts []Text) []string {
	if len(ts) == 0 {
		return nil
	}
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if !t.IsZero() {
			out = append(out, t.In(l))
		}
	}
	return out
}
