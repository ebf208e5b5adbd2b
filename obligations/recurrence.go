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
// The period is a [medsec.Span] ([Recurrence.Span]) and ends where the
// law says: a month ends on the corresponding day of the last month, or on
// its last day when it has none (2026-01-31 plus one month is 2026-02-28);
// the trigger's day is not counted; hours are elapsed hours from the
// trigger's instant. Working days skip Saturdays and Sundays only: public
// holidays are not modelled, and neither is the extension of a last day
// that falls on a weekend or holiday, so a due date may come out earlier
// than the legal one, never later.
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

// Span returns the period of r: the one of Months, Days, WorkingDays or
// Hours that is set, or the zero Span when none is.
func (r Recurrence) Span() medsec.Span {
	switch {
	case r.Hours > 0:
		return medsec.Span{N: r.Hours, Unit: medsec.Hours}
	case r.Months > 0:
		return medsec.Span{N: r.Months, Unit: medsec.Months}
	case r.Days > 0:
		return medsec.Span{N: r.Days, Unit: medsec.Days}
	case r.WorkingDays > 0:
		return medsec.Span{N: r.WorkingDays, Unit: medsec.WorkingDays}
	}
	return medsec.Span{}
}

// dueFrom returns the deadline that r sets from a trigger at date d (and,
// for hour deadlines, time t). For hour deadlines the date is that of the
// deadline's instant in t's location.
func (r Recurrence) dueFrom(d medsec.Date, t time.Time) (medsec.Date, time.Time) {
	switch r.Kind {
	case Immediately:
		if !t.IsZero() {
			return medsec.DateOf(t), t
		}
		return d, time.Time{}
	case Before:
		return d.AddDays(-1), time.Time{}
	}
	s := r.Span()
	switch {
	case s.Unit == medsec.Hours:
		if t.IsZero() {
			t = d.Time(time.UTC)
		}
		at := s.Deadline(t)
		return medsec.DateOf(at), at
	case s.Valid():
		return s.LastDay(d), time.Time{}
	}
	return d, time.Time{}
}
