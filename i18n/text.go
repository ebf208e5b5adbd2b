package i18n

import (
	"strings"
	"unicode"

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
func (t Text) In(l *Localizer) string {
	if !t.msg.IsZero() {
		return l.Format(t.msg)
	}
	return t.lit
}

// An arena collects the rendered fields of one notice in one buffer, so
// that rendering allocates once rather than once per field. Strings taken
// from it stay valid: a strings.Builder never changes bytes it has
// written.
type arena struct{ b strings.Builder }

// text renders t for l into the arena and returns it.
func (a *arena) text(l *Localizer, t Text) string {
	if t.msg.IsZero() {
		return t.lit
	}
	return a.msg(l, t.msg)
}

// msg renders m for l into the arena and returns it.
func (a *arena) msg(l *Localizer, m medsec.Message) string {
	start := a.b.Len()
	l.write(&a.b, m, 1)
	return a.b.String()[start:]
}

// upper renders t for l in capitals into the arena.
func (a *arena) upper(l *Localizer, t Text) string {
	s := a.text(l, t)
	start := a.b.Len()
	for _, r := range s {
		a.b.WriteRune(unicode.ToUpper(r))
	}
	return a.b.String()[start:]
}

// str copies the concatenation of parts into the arena and returns it.
func (a *arena) str(parts ...string) string {
	start := a.b.Len()
	for _, p := range parts {
		a.b.WriteString(p)
	}
	return a.b.String()[start:]
}

func (a *arena) texts(l *Localizer, ts []Text) []string {
	if len(ts) == 0 {
		return nil
	}
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if !t.IsZero() {
			out = append(out, a.text(l, t))
		}
	}
	return out
}

// writeText writes t for l.
func (l *Localizer) writeText(b *strings.Builder, t Text) {
	if t.msg.IsZero() {
		b.WriteString(t.lit)
		return
	}
	l.write(b, t.msg, 1)
}
