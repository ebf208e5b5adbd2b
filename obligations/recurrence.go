package obligations

import (
	"fmt"
	"time"

	"github.com/medsec-go/medsec"
)

// RecurrenceKind says when a duty falls due.
type RecurrenceKind uint8

// Recurrence kinds. The zero value is invalid.
const (
	RecurrenceUnknown RecurrenceKind = iota
	// Once: done one time; evidence of it meets the duty for good.
	Once
	// Before: done before the trigger's date (go-live, a holiday, a transfer).
	Before
	// Every: repeated every Months calendar months after the last evidence.
	Every
	// Within: done within Months calendar months, Days calendar days,
	// WorkingDays working days or Hours hours of the trigger.
	Within
	// Immediately: done as soon as the trigger happens (due at the trigger).
	Immediately
	// Continuous: a standing state (a policy, a measure in place) that
	// evidence shows to exist.
	Continuous
)

var recurrenceNames = names{"", "once", "before", "every", "within", "immediately", "continuous"}

// Valid reports whether k is a known kind.
func (k RecurrenceKind) Valid() bool { return k > 0 && int(k) < len(recurrenceNames) }

// String returns the text form, e.g. "within".
func (k RecurrenceKind) String() string { return recurrenceNames.String(uint8(k), "RecurrenceKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k RecurrenceKind) MarshalText() ([]byte, error) {
	return recurrenceNames.Marshal("obligations", uint8(k), "recurrence kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RecurrenceKind) UnmarshalText(b []byte) error {
	v, err := recurrenceNames.Parse("obligations", b, "recurrence kind")
	*k = RecurrenceKind(v)
	return err
}

// Recurrence says when a duty is due. Exactly the fields its Kind needs are
// set: Every needs Months; Within needs a Trigger and exactly one of
// Months, Days, WorkingDays or Hours; Before and Immediately need a Trigger.
//
// Calendar months use [medsec.Date.AddDate], which normalises like
// [time.Time.AddDate]: 2026-01-31 plus one month is 2026-03-03 (February
// has no 31st, so the overflow rolls into March). medsec does not clamp to
// the month's end; the result is never earlier than the clamped date, so a
// deadline is at most three days later than a clamping reading would give.
// Working days skip Saturdays and Sundays only: public holidays are not
// modelled, so a working-day deadline may come a little earlier than the
// official one, never later.
type Recurrence struct {
	Kind        RecurrenceKind `json:"kind"`
	Trigger     Trigger        `json:"trigger,omitempty"`
	Months      int            `json:"months,omitempty"`
	Days        int            `json:"days,omitempty"`
	WorkingDays int            `json:"workingDays,omitempty"`
	Hours       int            `json:"hours,omitempty"`
}

func (r Recurrence) check() error {
	n := 0
	for _, v := range []int{r.Months, r.Days, r.WorkingDays, r.Hours} {
		if v < 0 || v > 1200 {
			return fmt.Errorf("periods must be between 0 and 1200")
		}
		if v > 0 {
			n++
		}
	}
	switch r.Kind {
	case Once, Continuous:
		if n != 0 || r.Trigger != TriggerUnknown {
			return fmt.Errorf("kind %s takes no period and no trigger", r.Kind)
		}
	case Every:
		if r.Months <= 0 || n != 1 || r.Trigger != TriggerUnknown {
			return fmt.Errorf("kind every needs months and nothing else")
		}
	case Within:
		if n != 1 || !r.Trigger.Valid() {
			return fmt.Errorf("kind within needs a trigger and exactly one of months, days, workingDays, hours")
		}
		if r.Hours > 0 && !r.Trigger.isIncident() {
			return fmt.Errorf("hours need an incident trigger")
		}
	case Before, Immediately:
		if n != 0 || !r.Trigger.Valid() {
			return fmt.Errorf("kind %s needs a trigger and no period", r.Kind)
		}
		if r.Kind == Before && r.Trigger.isIncident() {
			return fmt.Errorf("kind before cannot run from an incident")
		}
	default:
		return fmt.Errorf("kind is not set")
	}
	return nil
}

// AddWorkingDays returns the date n working days after d, counting Monday
// to Friday only. Public holidays are not modelled. n must not be negative.
func AddWorkingDays(d medsec.Date, n int) medsec.Date {
	t := d.Time(time.UTC)
	// Move whole weeks first, then the remainder day by day.
	weeks, rest := n/5, n%5
	t = t.AddDate(0, 0, weeks*7)
	for rest > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			rest--
		}
	}
	// Whole weeks from a weekend day land on a weekend day: move to Friday,
	// the last working day of the counted span.
	if n > 0 && n%5 == 0 {
		switch t.Weekday() {
		case time.Saturday:
			t = t.AddDate(0, 0, -1)
		case time.Sunday:
			t = t.AddDate(0, 0, -2)
		}
	}
	return medsec.DateOf(t)
}

// AddMonths returns d plus n calendar months with the normalisation of
// [medsec.Date.AddDate] (2026-01-31 + 1 month = 2026-03-03).
func AddMonths(d medsec.Date, n int) medsec.Date { return d.AddDate(0, n, 0) }

// dueFrom returns the deadline that r sets from a trigger at date d (and,
// for hour deadlines, time t). For hour deadlines the date is that of the
// deadline's instant in t's location.
func (r Recurrence) dueFrom(d medsec.Date, t time.Time) (medsec.Date, time.Time) {
	switch {
	case r.Kind == Immediately:
		if !t.IsZero() {
			return medsec.DateOf(t), t
		}
		return d, time.Time{}
	case r.Kind == Before:
		return d.AddDate(0, 0, -1), time.Time{}
	case r.Hours > 0:
		if t.IsZero() {
			t = d.Time(time.UTC)
		}
		at := t.Add(time.Duration(r.Hours) * time.Hour)
		return medsec.DateOf(at), at
	case r.Months > 0:
		return d.AddDate(0, r.Months, 0), time.Time{}
	case r.Days > 0:
		return d.AddDate(0, 0, r.Days), time.Time{}
	case r.WorkingDays > 0:
		return AddWorkingDays(d, r.WorkingDays), time.Time{}
	}
	return d, time.Time{}
}
