package medsec

import (
	"errors"
	"fmt"
	"time"

	"github.com/medsec-go/medsec/internal/strictjson"
)

// A Date is a calendar date without a time of day or a time zone, the unit
// in which laws state when they apply. The zero value means "not known".
//
// Dates compare with [Date.Compare], [Date.Before] and [Date.After], and
// marshal as ISO 8601 ("2025-11-01"). Use [DateOf] to take the calendar
// date of a [time.Time] in that time's own location.
type Date struct {
	Year  int        // the year, e.g. 2026
	Month time.Month // the month, January = 1
	Day   int        // the day of the month, 1 to 31
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate returns the date y-m-d. It does not normalise: use [ParseDate] or
// [Date.Valid] to check user input.
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// ParseDate parses an ISO 8601 calendar date ("2006-01-02") of the years
// 0001 to 9999. Its error says what is wrong: the form (for "2026-3-1"),
// or the part out of range (for "2026-13-01", that the month must be from
// 01 to 12; for "2026-02-30", that February 2026 has 28 days).
// The error is a [*FieldError] with an empty Path and the Rule "date"; it
// wraps [ErrInvalidInput], and its Message is translatable.
func ParseDate(s string) (Date, error) {
	d, m := parseDate(s)
	if !m.IsZero() {
		return Date{}, &FieldError{Rule: "date", Value: strictjson.Clip(s), Message: m, Err: ErrInvalidInput}
	}
	return d, nil
}

// The years a Date may have: those of four-digit ISO 8601 dates, without
// the year 0 (which no calendar of the law uses, and which many JSON
// Schema validators reject).
const (
	minYear = 1
	maxYear = 9999
)

// parseDate parses s, or returns the message that says what is wrong.
func parseDate(s string) (Date, Message) {
	num := func(p string) int {
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return -1
			}
			n = n*10 + int(p[i]-'0')
		}
		return n
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, msgDateForm.New(strictjson.Clip(s))
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	switch {
	case y < 0 || m < 0 || d < 0:
		return Date{}, msgDateForm.New(strictjson.Clip(s))
	case y < minYear:
		return Date{}, msgDateYear.New(s)
	case m < 1 || m > 12:
		return Date{}, msgDateMonth.New(s)
	case d < 1 || d > daysIn(y, time.Month(m)):
		return Date{}, msgDateDay.New(s, msgMonth[m].New(), y, daysIn(y, time.Month(m)))
	}
	return Date{y, time.Month(m), d}, Message{}
}

// IsZero reports whether d is the zero Date ("not known").
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real calendar day of the years 0001 to
// 9999, the days [ParseDate] reads and [Date.MarshalText] writes. It is
// arithmetic, so that checking a day costs no more than comparing it.
func (d Date) Valid() bool {
	return d.Year >= minYear && d.Year <= maxYear && d.Month >= 1 && d.Month <= 12 &&
		d.Day >= 1 && d.Day <= daysIn(d.Year, d.Month)
}

// Time returns midnight at the start of d in loc; a nil loc means UTC.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// End returns the last instant of d in loc: one nanosecond before the
// midnight that ends d, which is when a period whose last day is d expires
// (24:00 of that day). A nil loc means UTC. End returns the zero time for
// an invalid d.
func (d Date) End(loc *time.Location) time.Time {
	if !d.Valid() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
}

// AddDays returns the day n calendar days after d (before d for a negative
// n). It is plain calendar arithmetic, for "the day before" or a window of
// days; to find where a legal period ends, use [Span.LastDay], which also
// knows months, years and working days. AddDays returns the zero Date for
// an invalid d.
func (d Date) AddDays(n int) Date {
	if !d.Valid() {
		return Date{}
	}
	return DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}

// Compare returns -1, 0 or +1 as d is before, equal to, or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	default:
		return cmpInt(d.Day, e.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool {
	return d.Year < e.Year || d.Year == e.Year && (d.Month < e.Month || d.Month == e.Month && d.Day < e.Day)
}

// After reports whether d is after e.
func (d Date) After(e Date) bool { return e.Before(d) }

// String returns the ISO 8601 form, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText implements [encoding.TextMarshaler]. The zero Date marshals
// as the empty string.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsZero() && !d.Valid() {
		return nil, fmt.Errorf("%w: date %04d-%02d-%02d does not exist", ErrInvalidInput, d.Year, int(d.Month), d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. The empty string
// gives the zero Date; other text is read by [ParseDate], whose error it
// returns.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// A Period is the time during which an instrument is in force. From is the
// first day and Until the last day (both inclusive). A zero Until means the
// period is open-ended; a zero From means the start is not known, and such a
// period contains no date.
type Period struct {
	From  Date `json:"from"`  // the first day in force; zero when not known
	Until Date `json:"until"` // the last day in force; zero while still in force
}

// Contains reports whether d falls inside p.
func (p Period) Contains(d Date) bool {
	if p.From.IsZero() || d.Before(p.From) {
		return false
	}
	return p.Until.IsZero() || !d.After(p.Until)
}

// Valid reports whether p's dates exist and From is not after Until.
func (p Period) Valid() bool {
	if !p.From.IsZero() && !p.From.Valid() || !p.Until.IsZero() && !p.Until.Valid() {
		return false
	}
	return p.From.IsZero() || p.Until.IsZero() || !p.From.After(p.Until)
}

// String returns "from–until" in ISO form, with "…" for an open end.
func (p Period) String() string {
	from, until := p.From.String(), p.Until.String()
	if from == "" {
		from = "?"
	}
	if until == "" {
		until = "…"
	}
	return from + " – " + until
}

// textError gives medsec's JSON decoders the message of a leaf's
// UnmarshalText error that carries one, such as the error of [ParseDate].
func textError(err error) (string, strictjson.Message, bool) {
	var fe *FieldError
	if errors.As(err, &fe) && !fe.Message.IsZero() {
		return fe.Rule, strictjson.Message(fe.Message), true
	}
	return "", strictjson.Message{}, false
}
