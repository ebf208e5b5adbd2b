package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"golang.org/x/text/language"
)

// A Localizer renders messages, numbers and dates in one locale. It is
// immutable and safe for concurrent use; make one per locale and keep it.
// The zero Localizer renders messages with their English formats and
// dates, times and numbers in English.
type Localizer struct {
	loc  Locale
	tag  language.Tag
	msgs map[string]*entry
	conv *conventions
	reg  *medsec.Registry // whose instruments citations name; nil: medsec.DefaultRegistry
	// mark is set on the copy a notice renderer uses for HTML: text in
	// another language is marked as a span (see spans.go).
	mark bool
}

// NewLocalizer returns a Localizer for loc that uses the [DefaultCatalog]
// (see [Catalog.Localizer]).
func NewLocalizer(loc Locale) *Localizer { return DefaultCatalog().Localizer(loc) }

// Localizer returns a Localizer for loc that uses c. When c has no locale
// loc, it uses the locale of c that [Catalog.MatchTags] chooses for it
// ("cs" for "cs-CZ"), and English when none fits.
func (c *Catalog) Localizer(loc Locale) *Localizer {
	l, ok := c.get(loc)
	if !ok {
		if t, err := language.Parse(string(loc)); err == nil {
			loc, _, _ = c.MatchTags(t)
		} else {
			loc = EN
		}
		l, _ = c.get(loc)
	}
	if l == nil {
		return &Localizer{loc: EN, tag: language.English}
	}
	return &Localizer{loc: loc, tag: l.conv.tag, msgs: l.msgs, conv: l.conv, reg: c.reg}
}

// conventions returns l's conventions; the zero Localizer has English
// ones.
func (l *Localizer) conventions() *conventions {
	if l != nil && l.conv != nil {
		return l.conv
	}
	return englishConventions()
}

// englishConventions returns the conventions of the default catalog's
// English locale.
func englishConventions() *conventions {
	l, _ := DefaultCatalog().get(EN)
	return l.conv
}

// Locale returns the locale of l.
func (l *Localizer) Locale() Locale {
	if l == nil || l.loc == "" {
		return EN
	}
	return l.loc
}

// Tag returns the language tag of l's locale, for plural rules and for
// other golang.org/x/text packages.
func (l *Localizer) Tag() language.Tag {
	if l == nil || l.conv == nil {
		return language.English
	}
	return l.tag
}

// maxDepth bounds the nesting of messages inside message arguments.
const maxDepth = 8

// Format renders m in l's locale.
//
// The translation is looked up by m.Key. A message whose key has no
// translation in the catalog falls back to its English m.Format, so that a
// new message never disappears from the output; medsec's tests make sure
// none of its own keys ever takes this path. An English format that
// breaks the rules of translations (verbs other than %s, %d, %v and %q)
// is printed as it is.
//
// Arguments render per locale: %d groups digits ("1 234" in Czech) and
// prints a float as a decimal number ("1,5"), %v prints integers without
// grouping and floats with the locale's decimal separator, %q quotes with
// the locale's quotation marks, a [medsec.Date] prints in the official
// style of [Localizer.Date], and a nested [medsec.Message] is translated
// too. Arguments of other types print as with package fmt.
func (l *Localizer) Format(m medsec.Message) string {
	if l == nil {
		l = &Localizer{}
	}
	return l.format(m, 0)
}

// format renders m nested depth deep. A translation without a verb, as
// most are, is its own text: it is returned as it is, not copied.
func (l *Localizer) format(m medsec.Message, depth int) string {
	f := l.lookup(m)
	if f != nil && f.toks == nil {
		return f.src
	}
	var b strings.Builder
	l.writeFormat(&b, f, m, depth)
	return b.String()
}

// lookup returns the translation of m in l's locale, or nil when there is
// none.
func (l *Localizer) lookup(m medsec.Message) *format {
	e, ok := l.msgs[m.Key]
	switch {
	case !ok:
		return nil
	case e.plural == nil:
		return &e.format
	case e.plural.arg < len(m.Args):
		return &e.plural.forms[pluralForm(l.tag, m.Args[e.plural.arg])]
	}
	return &e.plural.forms[0]
}

func (l *Localizer) write(b *strings.Builder, m medsec.Message, depth int) {
	l.writeFormat(b, l.lookup(m), m, depth)
}

// writeFormat writes m with f, its translation as lookup found it.
func (l *Localizer) writeFormat(b *strings.Builder, f *format, m medsec.Message, depth int) {
	if f == nil {
		// No translation: the English format, read as it is rendered. One
		// that breaks the rules is shown literally rather than guessed at.
		if checkFormat(m.Format) != nil {
			b.WriteString(m.Format)
			return
		}
		if b.Len() == 0 {
			b.Grow(len(m.Format) + 16*len(m.Args))
		}
		for i, next := 0, 0; i < len(m.Format); {
			t, end, _ := nextToken(m.Format, i, next)
			b.WriteString(t.lit)
			if t.arg >= 0 {
				l.writeVerb(b, t.verb, t.arg, m.Args, depth)
				next = t.arg + 1
			}
			i = end
		}
		return
	}
	if b.Len() == 0 {
		b.Grow(len(f.src) + 16*len(m.Args))
	}
	if f.toks == nil { // no verb: the text as it is
		b.WriteString(f.src)
		return
	}
	// The hot path of every translated message: kept in the loop.
	for i := range f.toks {
		t := &f.toks[i]
		b.WriteString(t.lit)
		switch {
		case t.arg < 0:
		case t.arg < len(m.Args):
			l.writeArg(b, t.verb, m.Args[t.arg], depth)
		default:
			l.writeVerb(b, t.verb, t.arg, m.Args, depth)
		}
	}
}

// writeVerb writes argument arg of args with verb, or says that it is
// missing.
func (l *Localizer) writeVerb(b *strings.Builder, verb byte, arg int, args []any, depth int) {
	if arg >= len(args) {
		b.WriteString("%!")
		b.WriteByte(verb)
		b.WriteString("(MISSING)")
		return
	}
	l.writeArg(b, verb, args[arg], depth)
}

func (l *Localizer) writeArg(b *strings.Builder, verb byte, a any, depth int) {
	switch v := a.(type) {
	case spanned:
		// Text the notice renderer made, with its own spans.
		if verb == 's' || verb == 'v' {
			b.WriteString(string(v))
			return
		}
	case string:
		if l.mark {
			v = scrubMarks(v)
		}
		if verb == 'q' {
			l.quote(b, v)
			return
		}
		if verb != 'd' {
			b.WriteString(v)
			return
		}
	case medsec.Message:
		if verb == 's' || verb == 'v' {
			if depth >= maxDepth {
				b.WriteString(v.Key)
				return
			}
			l.write(b, v, depth+1)
			return
		}
		if verb == 'q' {
			var inner strings.Builder
			if depth < maxDepth {
				l.write(&inner, v, depth+1)
			}
			l.quote(b, inner.String())
			return
		}
	case Text:
		switch verb {
		case 's', 'v':
			if depth < maxDepth {
				b.WriteString(v.in(l, depth+1))
			}
			return
		case 'q':
			var s string
			if depth < maxDepth {
				s = v.in(l, depth+1)
			}
			l.quote(b, s)
			return
		}
	case medsec.Citation:
		if verb == 's' || verb == 'v' {
			l.writeCitation(b, nil, v)
			return
		}
	case medsec.Citations:
		if verb == 's' || verb == 'v' {
			l.writeCitations(b, nil, v)
			return
		}
	case medsec.Date:
		if verb != 'd' {
			b.WriteString(l.Date(v))
			return
		}
	case float64:
		// A count may be fractional ("1,5 hodiny"), so %d prints a float
		// as a decimal number too.
		if verb == 'v' || verb == 's' || verb == 'd' {
			l.writeFloat(b, v)
			return
		}
	case bool:
	default:
		if n, ok := asInt(a); ok {
			switch verb {
			case 'd':
				l.writeInt(b, n, true)
				return
			case 'v':
				l.writeInt(b, n, false)
				return
			}
		}
	}
	s := fmt.Sprintf("%"+string(verb), a)
	if l.mark {
		s = scrubMarks(s)
	}
	// Not fmt.Fprintf(b, …): a builder passed as an io.Writer escapes to
	// the heap, and with it every builder a message is written to.
	b.WriteString(s)
}

// marking returns a copy of l that marks text in other languages as spans
// (see spans.go), for the HTML renderer.
func (l *Localizer) marking() *Localizer {
	if l == nil {
		return &Localizer{mark: true}
	}
	m := *l
	m.mark = true
	return &m
}

// asInt returns the value of the integer kinds medsec messages may carry.
func asInt(a any) (int64, bool) {
	switch v := a.(type) {
	case int:
		return int64(v), true
	case int8:
		return int64(v), true
	case int16:
		return int64(v), true
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case uint:
		return int64(v), v <= math.MaxInt64
	case uint8:
		return int64(v), true
	case uint16:
		return int64(v), true
	case uint32:
		return int64(v), true
	case uint64:
		return int64(v), v <= math.MaxInt64
	}
	return 0, false
}

func (l *Localizer) quote(b *strings.Builder, s string) {
	c := l.conventions()
	b.WriteString(c.quoteL)
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	b.WriteString(c.quoteR)
}

func (l *Localizer) writeInt(b *strings.Builder, n int64, group bool) {
	d := strconv.FormatInt(n, 10)
	if n < 0 {
		b.WriteByte('-')
		d = d[1:]
	}
	l.writeDigits(b, d, group)
}

// writeDigits writes the digits d, grouped in threes when group is set
// and d is long enough.
func (l *Localizer) writeDigits(b *strings.Builder, d string, group bool) {
	c := l.conventions()
	if !group || len(d) < c.minGroup {
		b.WriteString(d)
		return
	}
	first := len(d) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(d[:first])
	for i := first; i < len(d); i += 3 {
		b.WriteString(c.group)
		b.WriteString(d[i : i+3])
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (l *Localizer) writeFloat(b *strings.Builder, f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		return
	}
	if f < 0 {
		b.WriteByte('-')
		f = -f
	}
	i, frac, ok := strings.Cut(formatFloat(f), ".")
	l.writeDigits(b, i, true)
	if ok {
		b.WriteString(l.conventions().decimal)
		b.WriteString(frac)
	}
}

// Number formats n with the locale's digit grouping: "12,345" in English,
// "12.345" in Vietnamese, "12 345" (with a no-break space) in Czech.
func (l *Localizer) Number(n int64) string {
	var b strings.Builder
	l.writeInt(&b, n, true)
	return b.String()
}

// Decimal formats f with the locale's grouping and decimal separator and
// the fewest digits that represent f exactly: "1,5" in Czech.
func (l *Localizer) Decimal(f float64) string {
	var b strings.Builder
	l.writeFloat(&b, f)
	return b.String()
}

// Date formats d in the official style of the locale's country, as its
// locale file states it (see [Catalog.AddLocale]):
//
//	en       22 November 2026
//	zh-Hans  2026年11月22日
//	zh-Hant  2026年11月22日
//	vi       ngày 05 tháng 01 năm 2026 (Decree 30/2020: days below 10 and months 1–2 zero-padded)
//	cs       22. 11. 2026
//
// The zero Date gives "". A date that does not exist is printed in ISO
// form, so that a bad input is visible rather than silently normalised.
func (l *Localizer) Date(d medsec.Date) string { return l.conventions().formatDate(d) }

// PlaceDate formats the place-and-date line of an official letter:
//
//	en       Hanoi, 22 November 2026
//	zh-Hans  上海，2022年8月8日
//	vi       Thanh Hóa, ngày 05 tháng 01 năm 2026
//	cs       V Praze dne 17. 3. 2020
//
// Czech letters name the place in the locative with its preposition; give
// place as it should appear ("V Praze", "Ve Zlíně"). A place in the
// nominative ("Praha") gives "Praha dne 17. 3. 2020", which is also
// correct. An empty place gives the locale's date line without a place
// ("dne 17. 3. 2020" in Czech, the date alone in the others); a zero date
// gives the place alone.
func (l *Localizer) PlaceDate(place string, d medsec.Date) string {
	return l.conventions().formatPlaceDate(place, d)
}

// Time formats t with the locale's date and the time of day and UTC offset
// of t's location, e.g. "22 November 2026 14:05 (UTC+07:00)",
// "22. 11. 2026 14:05 (UTC+01:00)" or, in Vietnamese, which puts the time
// first, "14 giờ 05 phút (UTC+07:00), ngày 22 tháng 11 năm 2026". The
// offset, not a zone name, keeps the output the same on every machine.
func (l *Localizer) Time(t time.Time) string { return l.conventions().formatTime(t) }

// listSep returns the separator of a list written on one line.
func (l *Localizer) listSep() string { return l.conventions().listSep }
