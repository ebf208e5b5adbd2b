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
// The zero Localizer renders messages with their English formats.
type Localizer struct {
	cat  *Catalog
	loc  Locale
	tag  language.Tag
	msgs map[string]*entry
	num  numberStyle
}

// NewLocalizer returns a Localizer for loc that uses the [DefaultCatalog].
// An invalid loc gives English.
func NewLocalizer(loc Locale) *Localizer { return DefaultCatalog().Localizer(loc) }

// Localizer returns a Localizer for loc that uses c. An invalid loc gives
// English.
func (c *Catalog) Localizer(loc Locale) *Localizer {
	if !loc.Valid() {
		loc = EN
	}
	return &Localizer{cat: c, loc: loc, tag: loc.Tag(), msgs: c.msgs[loc], num: numberStyles[loc]}
}

// Locale returns the locale of l.
func (l *Localizer) Locale() Locale { return l.loc }

// Tag returns the language tag of l's locale, for plural rules and for
// other golang.org/x/text packages.
func (l *Localizer) Tag() language.Tag { return l.tag }

// maxDepth bounds the nesting of messages inside message arguments.
const maxDepth = 8

// Format renders m in l's locale.
//
// The translation is looked up by m.Key. A message whose key has no
// translation in the catalog falls back to its English m.Format, so that a
// new message never disappears from the output; medsec's tests make sure
// none of its own keys ever takes this path.
//
// Arguments render per locale: %d groups digits ("1 234" in Czech) and
// prints a float as a decimal number ("1,5"), %v prints integers without
// grouping and floats with the locale's decimal separator, %q quotes with the locale's quotation marks, a [medsec.Date]
// prints in the official style of [Localizer.Date], and a nested
// [medsec.Message] is translated too. Arguments of other types print as
// with package fmt.
func (l *Localizer) Format(m medsec.Message) string {
	var b strings.Builder
	l.write(&b, m, 0)
	return b.String()
}

func (l *Localizer) lookup(m medsec.Message) *compiled {
	if e, ok := l.msgs[m.Key]; ok {
		if e.plural == nil {
			return &e.format
		}
		p := e.plural
		if p.arg < len(m.Args) {
			return p.forms[pluralForm(l.tag, m.Args[p.arg])]
		}
		return p.forms[0]
	}
	cat := l.cat
	if cat == nil {
		cat = emptyCatalog // a zero Localizer
	}
	return cat.compiledFallback(m.Format)
}

// emptyCatalog serves the zero Localizer, which has no catalog: it renders
// every message with its English format.
var emptyCatalog = NewCatalog()

func (l *Localizer) write(b *strings.Builder, m medsec.Message, depth int) {
	c := l.lookup(m)
	if depth == 0 {
		b.Grow(c.size + 16*len(m.Args))
	}
	for i := range c.segs {
		s := &c.segs[i]
		if s.arg < 0 {
			b.WriteString(s.lit)
			continue
		}
		if s.arg >= len(m.Args) {
			b.WriteString("%!")
			b.WriteByte(s.verb)
			b.WriteString("(MISSING)")
			continue
		}
		l.writeArg(b, s.verb, m.Args[s.arg], depth)
	}
}

func (l *Localizer) writeArg(b *strings.Builder, verb byte, a any, depth int) {
	switch v := a.(type) {
	case string:
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
				l.writeText(b, v)
			}
			return
		case 'q':
			var inner strings.Builder
			if depth < maxDepth {
				l.writeText(&inner, v)
			}
			l.quote(b, inner.String())
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
	fmt.Fprintf(b, "%"+string(verb), a)
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

// A numberStyle holds the CLDR symbols of a locale's decimal numbers. The
// package tests compare them with golang.org/x/text/number.
type numberStyle struct {
	group   string // thousands separator
	decimal string // decimal separator
	minGrp  int    // group only numbers with at least this many digits
	quoteL  string
	quoteR  string
}

var numberStyles = [CS + 1]numberStyle{
	EN:     {",", ".", 4, "“", "”"},
	ZhHans: {",", ".", 4, "“", "”"},
	ZhHant: {",", ".", 4, "「", "」"},
	VI:     {".", ",", 4, "“", "”"},
	CS:     {"\u00a0", ",", 4, "„", "“"},
}

func (l *Localizer) quote(b *strings.Builder, s string) {
	b.WriteString(l.num.quoteL)
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	b.WriteString(l.num.quoteR)
}

func (l *Localizer) writeInt(b *strings.Builder, n int64, group bool) {
	var buf [24]byte
	d := strconv.AppendInt(buf[:0], n, 10)
	neg := n < 0
	if neg {
		d = d[1:]
		b.WriteByte('-')
	}
	l.writeDigits(b, d, group)
}

func (l *Localizer) writeDigits(b *strings.Builder, d []byte, group bool) {
	if !group || len(d) < l.num.minGrp {
		b.Write(d)
		return
	}
	first := len(d) % 3
	if first == 0 {
		first = 3
	}
	b.Write(d[:first])
	for i := first; i < len(d); i += 3 {
		b.WriteString(l.num.group)
		b.Write(d[i : i+3])
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
	s := formatFloat(f)
	i, frac, ok := strings.Cut(s, ".")
	l.writeDigits(b, []byte(i), true)
	if ok {
		b.WriteString(l.num.decimal)
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

var enMonths = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Date formats d in the official style of the locale's country:
//
//	en       22 November 2026
//	zh-Hans  2026年11月22日
//	zh-Hant  2026年11月22日
//	vi       ngày 05 tháng 01 năm 2026 (Decree 30/2020: days below 10 and months 1–2 zero-padded)
//	cs       22. 11. 2026
//
// The zero Date gives "". A date that does not exist is printed in ISO
// form, so that a bad input is visible rather than silently normalised.
func (l *Localizer) Date(d medsec.Date) string {
	if d.IsZero() {
		return ""
	}
	if !d.Valid() {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	var buf [48]byte
	b := buf[:0]
	y, m, day := int64(d.Year), int64(d.Month), int64(d.Day)
	switch l.loc {
	case ZhHans, ZhHant:
		b = strconv.AppendInt(b, y, 10)
		b = append(b, "年"...)
		b = strconv.AppendInt(b, m, 10)
		b = append(b, "月"...)
		b = strconv.AppendInt(b, day, 10)
		b = append(b, "日"...)
	case VI:
		b = append(b, "ngày "...)
		if day < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, day, 10)
		b = append(b, " tháng "...)
		if m <= 2 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, m, 10)
		b = append(b, " năm "...)
		b = strconv.AppendInt(b, y, 10)
	case CS:
		b = strconv.AppendInt(b, day, 10)
		b = append(b, ". "...)
		b = strconv.AppendInt(b, m, 10)
		b = append(b, ". "...)
		b = strconv.AppendInt(b, y, 10)
	default:
		b = strconv.AppendInt(b, day, 10)
		b = append(b, ' ')
		b = append(b, enMonths[m]...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, y, 10)
	}
	return string(b)
}

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
// correct. An empty place gives the date alone.
func (l *Localizer) PlaceDate(place string, d medsec.Date) string {
	date := l.Date(d)
	if place == "" {
		if l.loc == CS && date != "" {
			return "dne " + date
		}
		return date
	}
	switch l.loc {
	case ZhHans, ZhHant:
		return place + "，" + date
	case CS:
		return place + " dne " + date
	}
	return place + ", " + date
}

// Time formats t as the locale's date followed by the time of day and the
// UTC offset of t's location, e.g. "22 November 2026 14:05 (UTC+07:00)" or
// "22. 11. 2026 14:05 (UTC+01:00)". The offset, not a zone name, keeps the
// output the same on every machine.
func (l *Localizer) Time(t time.Time) string {
	date := l.Date(medsec.DateOf(t))
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	clock := fmt.Sprintf("%02d:%02d (UTC%c%02d:%02d)", t.Hour(), t.Minute(), sign, off/3600, off%3600/60)
	if l.loc == VI {
		// Vietnamese puts the time first: "14 giờ 05 phút, ngày 22 tháng 11 năm 2026".
		return fmt.Sprintf("%02d giờ %02d phút (UTC%c%02d:%02d), %s", t.Hour(), t.Minute(), sign, off/3600, off%3600/60, date)
	}
	return date + " " + clock
}
