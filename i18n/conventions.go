package i18n

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"golang.org/x/text/language"
)

// conventions are how a locale writes dates, times, numbers, quotations
// and lists: the "@locale" member of its locale file, checked and parsed.
// They are immutable once loaded.
type conventions struct {
	loc       Locale
	tag       language.Tag
	name      string
	date      pattern
	months    []string // 12 entries, January first
	placeDate pattern
	dateLine  pattern
	time      pattern
	group     string
	decimal   string
	minGroup  int // group numbers of at least this many digits
	quoteL    string
	quoteR    string
	listSep   string
	cite      map[string]*citeStyle // citation styles by key ("*", "CZ", "CN/standard"); nil: English's
}

// conventionsJSON is the JSON form of the "@locale" member of a locale
// file. The documentation of [Catalog.AddLocale] describes it.
type conventionsJSON struct {
	Tag           string     `json:"tag"`
	Name          string     `json:"name"`
	Date          string     `json:"date"`
	Months        []string   `json:"months"`
	PlaceDate     string     `json:"placeDate"`
	DateLine      string     `json:"dateLine"`
	Time          string     `json:"time"`
	Number        numberJSON `json:"number"`
	Quotes        []string   `json:"quotes"`
	ListSeparator string     `json:"listSeparator"`
	// Citation holds the locale's citation styles, by "*", jurisdiction
	// or "jurisdiction/kind"; see [Catalog.AddLocale].
	Citation map[string]citeStyleJSON `json:"citation,omitempty"`
	Note     string                   `json:"note,omitempty"`
}

type numberJSON struct {
	Group                 string `json:"group"`
	Decimal               string `json:"decimal"`
	MinimumGroupingDigits int    `json:"minimumGroupingDigits"`
}

// A pattern is a date or time pattern such as "{day}. {month}. {year}",
// parsed into literal text and fields.
type pattern []patternPart

type patternPart struct {
	lit   string
	field string // "" for literal text
}

// The fields each pattern may use (parseConventions says which it must).
var (
	dateFields      = []string{"year", "month", "day", "day2"}
	placeDateFields = []string{"place", "date"}
	dateLineFields  = []string{"date"}
	timeFields      = []string{"date", "hour", "minute", "offset"}
)

// parsePattern parses s, whose fields must be among allowed and must
// include required ones.
func parsePattern(s string, allowed []string, required ...string) (pattern, medsec.Message) {
	var p pattern
	rest := s
	for rest != "" {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			p = append(p, patternPart{lit: rest})
			break
		}
		if i > 0 {
			p = append(p, patternPart{lit: rest[:i]})
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, msgDataPattern.New(s, strings.Join(allowed, ", "))
		}
		f := rest[i+1 : i+j]
		if !slices.Contains(allowed, f) {
			return nil, msgDataPattern.New(s, strings.Join(allowed, ", "))
		}
		p = append(p, patternPart{field: f})
		rest = rest[i+j+1:]
	}
	for _, x := range p {
		if strings.ContainsRune(x.lit, '}') {
			return nil, msgDataPattern.New(s, strings.Join(allowed, ", "))
		}
	}
	for _, r := range required {
		if !p.has(r) {
			return nil, msgDataPatternNeeds.New(s, r)
		}
	}
	return p, medsec.Message{}
}

// has reports whether p uses the field f.
func (p pattern) has(f string) bool {
	return slices.ContainsFunc(p, func(x patternPart) bool { return x.field == f })
}

// expand writes p with the values value gives its fields.
func (p pattern) expand(value func(field string) string) string {
	var b strings.Builder
	for _, x := range p {
		if x.field == "" {
			b.WriteString(x.lit)
		} else {
			b.WriteString(value(x.field))
		}
	}
	return b.String()
}

// parseConventions checks the "@locale" member of a locale file and
// returns its conventions. Each problem is reported with the JSON Pointer
// of its field.
func parseConventions(j *conventionsJSON, add func(path, rule, value string, m medsec.Message)) *conventions {
	c := &conventions{name: j.Name, months: j.Months, group: j.Number.Group, decimal: j.Number.Decimal,
		listSep: j.ListSeparator, minGroup: 3 + j.Number.MinimumGroupingDigits}
	const at = "/@locale"
	tag, err := language.Parse(j.Tag)
	switch {
	case err != nil || tag == language.Und:
		add(at+"/tag", "bcp47", j.Tag, msgDataLocaleTag.New(j.Tag))
	case tag.String() != j.Tag:
		add(at+"/tag", "canonical", j.Tag, msgDataLocaleCanonical.New(j.Tag, tag.String()))
	}
	c.loc, c.tag = Locale(j.Tag), tag
	required := func(field, v string) {
		if v == "" {
			add(at+"/"+field, "required", "", msgDataRequired.New(field))
		}
	}
	required("name", strings.TrimSpace(j.Name))
	required("number/decimal", j.Number.Decimal)
	required("number/group", j.Number.Group)
	if n := j.Number.MinimumGroupingDigits; n < 1 || n > 4 {
		add(at+"/number/minimumGroupingDigits", "range", strconv.Itoa(n), msgDataGrouping.New())
	}
	if len(j.Months) != 12 || slices.Contains(j.Months, "") {
		add(at+"/months", "months", strconv.Itoa(len(j.Months)), msgDataMonths.New())
	}
	if len(j.Quotes) != 2 || j.Quotes[0] == "" || j.Quotes[1] == "" {
		add(at+"/quotes", "quotes", strings.Join(j.Quotes, " "), msgDataQuotes.New())
	} else {
		c.quoteL, c.quoteR = j.Quotes[0], j.Quotes[1]
	}
	for _, p := range []struct {
		field   string
		src     string
		dst     *pattern
		allowed []string
		needs   []string
	}{
		{"date", j.Date, &c.date, dateFields, []string{"year", "month"}},
		{"placeDate", j.PlaceDate, &c.placeDate, placeDateFields, placeDateFields},
		{"dateLine", j.DateLine, &c.dateLine, dateLineFields, dateLineFields},
		{"time", j.Time, &c.time, timeFields, timeFields},
	} {
		pat, msg := parsePattern(p.src, p.allowed, p.needs...)
		if msg.IsZero() && p.field == "date" && !pat.has("day") && !pat.has("day2") {
			msg = msgDataPatternNeeds.New(p.src, "day")
		}
		if !msg.IsZero() {
			add(at+"/"+p.field, "pattern", p.src, msg)
			continue
		}
		*p.dst = pat
	}
	c.cite = parseCiteStyles(j.Citation, at+"/citation", add)
	return c
}

// formatDate writes d with c's date pattern. The zero Date gives ""; a
// date that does not exist is printed in ISO form, so that a bad input is
// visible rather than silently normalised.
func (c *conventions) formatDate(d medsec.Date) string {
	if d.IsZero() {
		return ""
	}
	if !d.Valid() {
		return d.String()
	}
	return c.date.expand(func(f string) string {
		switch f {
		case "year":
			return strconv.Itoa(d.Year)
		case "month":
			return c.months[d.Month-1]
		case "day2":
			return twoDigits(d.Day)
		}
		return strconv.Itoa(d.Day)
	})
}

// twoDigits returns n with at least two digits.
func twoDigits(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// draftBlank stands for a number or a day still to be written into a
// draft by hand: five no-break spaces, which no format collapses.
const draftBlank = "\u00a0\u00a0\u00a0\u00a0\u00a0"

// formatDraftDate writes the date of a draft, d with blanks for a day or
// a month that is not known yet: "ngày      tháng      năm 2022". Only
// the year is required; a date without one gives "".
func (c *conventions) formatDraftDate(d medsec.Date) string {
	if d.Year <= 0 {
		return ""
	}
	return c.date.expand(func(f string) string {
		switch {
		case f == "year":
			return strconv.Itoa(d.Year)
		case f == "month" && d.Month >= 1 && d.Month <= 12:
			return c.months[d.Month-1]
		case f == "month":
			return draftBlank
		case d.Day <= 0:
			return draftBlank
		case f == "day2":
			return twoDigits(d.Day)
		}
		return strconv.Itoa(d.Day)
	})
}

func (c *conventions) formatPlaceDate(place string, d medsec.Date) string {
	return c.formatPlaceDateString(place, c.formatDate(d))
}

// formatPlaceDateString is formatPlaceDate with the date already written.
func (c *conventions) formatPlaceDateString(place, date string) string {
	switch {
	case date == "":
		return place
	case place == "":
		return c.dateLine.expand(func(string) string { return date })
	}
	return c.placeDate.expand(func(f string) string {
		if f == "place" {
			return place
		}
		return date
	})
}

func (c *conventions) formatTime(t time.Time) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return c.time.expand(func(f string) string {
		switch f {
		case "date":
			return c.formatDate(medsec.DateOf(t))
		case "hour":
			return twoDigits(t.Hour())
		case "minute":
			return twoDigits(t.Minute())
		}
		return "UTC" + sign + twoDigits(off/3600) + ":" + twoDigits(off%3600/60)
	})
}
