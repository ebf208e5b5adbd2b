package medsec

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/medsec-go/medsec/internal/strictjson"
)

// A SpanUnit is the unit in which the law states a period: hours, days,
// working days, months or years. The zero value is [SpanUnitUnknown] and
// fails validation.
type SpanUnit uint8

// The units of a [Span].
const (
	// SpanUnitUnknown is the zero value; it fails validation.
	SpanUnitUnknown SpanUnit = iota
	// Hours: elapsed hours from the event's instant.
	Hours
	// Days: calendar days; the event's day is not counted.
	Days
	// WorkingDays: Monday to Friday; the event's day is not counted.
	// Public holidays are not modelled.
	WorkingDays
	// Months: calendar months, ending on the corresponding day of the
	// last month, or on its last day when it has none.
	Months
	// Years: calendar years, counted as twelve months.
	Years
)

var spanUnitNames = [...]string{"unknown", "hours", "days", "working-days", "months", "years"}

// spanKeys are the JSON object keys of a Span, one per unit; they are the
// field names that medsec's data files have always used.
var spanKeys = [...]string{"", "hours", "days", "workingDays", "months", "years"}

// Valid reports whether u is a known unit.
func (u SpanUnit) Valid() bool { return u >= Hours && u <= Years }

// String returns "hours", "days", "working-days", "months", "years" or
// "unknown".
func (u SpanUnit) String() string {
	if int(u) < len(spanUnitNames) {
		return spanUnitNames[u]
	}
	return fmt.Sprintf("SpanUnit(%d)", uint8(u))
}

// MarshalText implements [encoding.TextMarshaler]; the zero value is an
// error.
func (u SpanUnit) MarshalText() ([]byte, error) {
	if !u.Valid() {
		return nil, fmt.Errorf("%w: span unit %d is not set (want hours, days, working-days, months or years)", ErrInvalidInput, uint8(u))
	}
	return []byte(u.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the
// names [SpanUnit.String] returns, except "unknown".
func (u *SpanUnit) UnmarshalText(b []byte) error {
	for i := Hours; i <= Years; i++ {
		if string(b) == spanUnitNames[i] {
			*u = i
			return nil
		}
	}
	return fmt.Errorf("%w: span unit %q (want hours, days, working-days, months or years)", ErrInvalidInput, b)
}

// MaxSpan bounds the number of units of a valid [Span].
const MaxSpan = 9999

// A Span is the length of a legal period — "within 72 hours", "within 5
// days", "within 10 working days", "every 6 months", "one year" — and
// computes where such a period ends. All medsec packages compute legal
// deadlines through it.
//
// The zero Span means "no period". A valid Span has a known Unit and
// 1 ≤ N ≤ [MaxSpan]; the methods of an invalid Span return zero values and
// never panic.
//
// # How a period is counted
//
// The rules are those the civil codes of the four jurisdictions and the
// EU's rules on periods share:
//
//   - EU: Regulation (EEC, Euratom) No 1182/71, art. 3, which governs the
//     periods of EU acts such as the NIS2 Directive's reporting deadlines.
//   - China: Civil Code arts. 201-203 (民法典 第二百零一条至第二百零三条).
//   - Czechia: Civil Code (Act 89/2012 Sb.) §§ 605-607.
//   - Vietnam: Civil Code 2015 (Law 91/2015/QH13) arts. 147-148.
//
// A period in days, working days, months or years does not count the day
// of the event that starts it (1182/71 art. 3(1); PRC art. 201; CZ
// § 605(1); VN art. 147(2)-(3)). Its last day is:
//
//   - days: the N-th day after the event's day;
//   - working days: the N-th Monday-to-Friday day after it;
//   - months and years: the day of the last month that has the same number
//     as the event's day, or that month's last day when it has none
//     (1182/71 art. 3(2)(c); PRC art. 202; CZ § 605(2); VN art. 148(3)-(4)):
//     31 January + 1 month = 28 (or 29) February, 29 February 2028 + 1
//     year = 28 February 2029.
//
// The period expires at the end of its last day, 24:00 (1182/71 art.
// 3(2)(b); PRC art. 203; VN art. 148(1), (6)): [Span.Deadline] returns the
// last instant of that day in the event's time zone.
//
// A period in hours is counted in elapsed hours from the event's instant
// (PRC art. 201: from the stated time; VN art. 147(1)): 24 hours from
// 10:15 end at 10:15 the next day, and across a daylight-saving change the
// wall-clock time of the end moves by the hour. Regulation 1182/71 art.
// 3(1) does not count the hour in which the event happens, which puts its
// end up to an hour later; medsec's end is never later than that.
//
// # What medsec does not model, and why it errs early
//
// Public holidays are not modelled: working days are Monday to Friday, so
// a deadline in working days comes out earlier than the official one when
// a holiday falls inside the period, never later. Nor does medsec extend a
// period whose last day is a Saturday, Sunday or public holiday to the
// next working day, as 1182/71 art. 3(4), CZ § 607, PRC art. 203 and VN
// art. 148(5) do, or apply 1182/71 art. 3(5) (a period of two days or
// more includes at least two working days). Each of these rules only moves
// an end later, so medsec's deadlines may be earlier than the legal ones
// and are never later. Where the addressee keeps business hours, PRC art.
// 203 ends the last day when business stops; medsec does not know those
// hours, so treat the date as the deadline and deliver within business
// hours.
type Span struct {
	N    int      // the number of units, 1 to MaxSpan
	Unit SpanUnit // the unit
}

// IsZero reports whether s is the zero Span ("no period").
func (s Span) IsZero() bool { return s == Span{} }

// Valid reports whether s has a known unit and 1 ≤ N ≤ [MaxSpan].
func (s Span) Valid() bool { return s.Unit.Valid() && s.N >= 1 && s.N <= MaxSpan }

// LastDay returns the last day of the period s that starts with an event
// on the day event; the period expires at the end of that day. See [Span]
// for the rules. For a span in hours, whose end depends on the time of
// day, LastDay returns the earliest day on which it can end (the event's
// day plus N/24 whole days); use [Span.Deadline] with the event's instant.
//
// LastDay returns the zero Date for an invalid span or day.
func (s Span) LastDay(event Date) Date {
	if !s.Valid() || !event.Valid() {
		return Date{}
	}
	switch s.Unit {
	case Hours:
		return event.AddDays(s.N / 24)
	case Days:
		return event.AddDays(s.N)
	case WorkingDays:
		return addWorkingDays(event, s.N)
	case Months:
		return addMonths(event, s.N)
	default: // Years
		return addMonths(event, 12*s.N)
	}
}

// Deadline returns the instant at which the period s that starts with an
// event at the instant event expires: event plus N elapsed hours for a
// span in hours, otherwise the last instant of [Span.LastDay] in event's
// location (see [Date.End]). It returns the zero time for an invalid span
// or a zero event.
func (s Span) Deadline(event time.Time) time.Time {
	if !s.Valid() || event.IsZero() {
		return time.Time{}
	}
	if s.Unit == Hours {
		return event.Add(time.Duration(s.N) * time.Hour)
	}
	return s.LastDay(DateOf(event)).End(event.Location())
}

// addMonths returns the day of the n-th month after d with d's number, or
// that month's last day. n is not negative.
func addMonths(d Date, n int) Date {
	m := int(d.Month) - 1 + n
	y, mon := d.Year+m/12, time.Month(m%12+1)
	return Date{y, mon, min(d.Day, daysIn(y, mon))}
}

// daysIn returns the number of days of month m (1 to 12) of year y in the
// proleptic Gregorian calendar, as package time counts them.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// addWorkingDays returns the n-th Monday-to-Friday day after d; n ≥ 1.
func addWorkingDays(d Date, n int) Date {
	// Any seven consecutive days hold exactly five working days, so whole
	// weeks are skipped at once and the rest (1 to 5) counted day by day.
	weeks := (n - 1) / 5
	t := d.Time(time.UTC).AddDate(0, 0, 7*weeks)
	for rest := n - 5*weeks; rest > 0; {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			rest--
		}
	}
	return DateOf(t)
}

// String returns the span in English, e.g. "1 month" or "10 working
// days"; "" for the zero Span. Use [Span.Message] for other languages.
func (s Span) String() string {
	if s.IsZero() {
		return ""
	}
	if !s.Valid() {
		return fmt.Sprintf("Span(%d %s)", s.N, s.Unit)
	}
	unit := [...]string{Hours: "hour", Days: "day", WorkingDays: "working day", Months: "month", Years: "year"}[s.Unit]
	if s.N != 1 {
		unit += "s"
	}
	return strconv.Itoa(s.N) + " " + unit
}

// Message returns the span as a translatable text, e.g. "24 hours"; the
// translations choose the plural form the language needs.
func (s Span) Message() Message {
	if !s.Valid() {
		return msgSpanUnknown.New()
	}
	return msgSpan[s.Unit].New(s.N)
}

// MarshalJSON implements [encoding/json.Marshaler]. A span is an object with one
// member named by its unit — "hours", "days", "workingDays", "months" or
// "years" — whose value is N: {"months": 6}. The zero Span is {}; an
// invalid one is an error.
func (s Span) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return []byte("{}"), nil
	}
	if !s.Valid() {
		return nil, fmt.Errorf("%w: span %d %s is not valid (want 1 to %d hours, days, working days, months or years)", ErrInvalidInput, s.N, s.Unit, MaxSpan)
	}
	return []byte(`{"` + spanKeys[s.Unit] + `":` + strconv.Itoa(s.N) + "}"), nil
}

// UnmarshalJSON implements [encoding/json.Unmarshaler] for the form of
// [Span.MarshalJSON]. It is strict: {} gives the zero Span; an object with
// more than one member, an unknown or repeated member name, or a value
// that is not a whole number from 1 to [MaxSpan] is an error wrapping
// [ErrInvalidInput], and leaves s unchanged. JSON null leaves s unchanged
// too.
func (s *Span) UnmarshalJSON(b []byte) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: span %s: "+format, append([]any{ErrInvalidInput, bytes.TrimSpace(b)}, args...)...)
	}
	if string(bytes.TrimSpace(b)) == "null" {
		return nil // as encoding/json does for other types
	}
	var j spanJSON
	if errs := spanDecoder().Unmarshal(b, &j); errs != nil {
		e := errs[0]
		if e.Path == "" {
			if e.Rule == "type" {
				return bad("want an object such as {\"months\": 6}")
			}
			return bad("%s", e.Message)
		}
		if key := e.Path[1:]; slices.Contains(spanKeys[1:], key) && e.Rule != "duplicate-key" {
			return bad("%s must be a whole number from 1 to %d", key, MaxSpan)
		}
		return bad("%s: %s", e.Path, e.Message)
	}
	var v Span
	for u, n := range [...]*int{Hours: j.Hours, Days: j.Days, WorkingDays: j.WorkingDays, Months: j.Months, Years: j.Years} {
		switch {
		case n == nil:
		case !v.IsZero():
			return bad("give exactly one of hours, days, workingDays, months or years")
		case *n < 1 || *n > MaxSpan:
			return bad("%s must be a whole number from 1 to %d", spanKeys[u], MaxSpan)
		default:
			v = Span{N: *n, Unit: SpanUnit(u)}
		}
	}
	*s = v
	return nil
}

// spanJSON is the JSON form of a [Span]: one member, named by the unit.
type spanJSON struct {
	Hours       *int `json:"hours"`
	Days        *int `json:"days"`
	WorkingDays *int `json:"workingDays"`
	Months      *int `json:"months"`
	Years       *int `json:"years"`
}

// spanDecoder reads spans with the module's strict decoder: unknown and
// repeated members, null, fractions and trailing data are errors.
var spanDecoder = sync.OnceValue(func() *strictjson.Decoder { return strictjson.New(strictjson.Config{}) })
