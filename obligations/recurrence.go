package obligations

import (
	"fmt"

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
	// Every: repeated every Months calendar months, or every Days
	// calendar days, after the last evidence.
	Every
	// Within: done within Months calendar months, Days calendar days or
	// WorkingDays working days of the trigger.
	Within
	// Immediately: done as soon as the trigger happens (due on its day).
	Immediately
	// Continuous: a standing state (a policy, a measure in place) that
	// evidence shows to exist.
	Continuous
	// FromIncidentRule: the duty reports an incident under the incident
	// rule of the registry that has the duty's ID ([medsec.IncidentRule]),
	// which says when: within what period of which moment of the
	// incident, for which incidents and entities. Its text form is
	// "incident-rule".
	FromIncidentRule
)

var recurrenceNames = names{"", "once", "before", "every", "within", "immediately", "continuous", "incident-rule"}

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
// set: Every needs one of Months or Days (a weekly report is every 7
// days); Within needs a Trigger and exactly one of Months, Days or
// WorkingDays; Before and Immediately need a Trigger;
// Once, Continuous and FromIncidentRule take neither. A Trigger is an
// event that a pack of the catalog's registry declares
// ([medsec.Registry.Events]), such as "go-live" or "grading"; its date
// comes from the profile ([grading.System.Events] or
// [grading.Institution.Events]). Incidents are not events: hour deadlines
// and periods that run from an incident are incident rules
// (FromIncidentRule).
//
// The period is a [medsec.Span] ([Recurrence.Span]) and ends where the
// law says: a month ends on the corresponding day of the last month, or on
// its last day when it has none (2026-01-31 plus one month is 2026-02-28);
// the trigger's day is not counted. Working days skip Saturdays and
// Sundays only: public holidays are not modelled, and neither is the
// extension of a last day that falls on a weekend or holiday, so a due
// date may come out earlier than the legal one, never later.
type Recurrence struct {
	// Kind says how the duty falls due.
	Kind RecurrenceKind `json:"kind"`
	// Trigger is the event the period runs from (Within, Before,
	// Immediately).
	Trigger medsec.Event `json:"trigger,omitempty"`
	// Months, Days and WorkingDays give the period: Months or Days for
	// Every, one of the three for Within.
	Months      int `json:"months,omitempty"`
	Days        int `json:"days,omitempty"`
	WorkingDays int `json:"workingDays,omitempty"`
}

// maxPeriod bounds the periods of a recurrence.
const maxPeriod = 1200

func (r Recurrence) check() error {
	n := 0
	for _, v := range []int{r.Months, r.Days, r.WorkingDays} {
		if v < 0 || v > maxPeriod {
			return fmt.Errorf("periods must be between 0 and %d", maxPeriod)
		}
		if v > 0 {
			n++
		}
	}
	switch r.Kind {
	case Once, Continuous, FromIncidentRule:
		if n != 0 || r.Trigger != "" {
			return fmt.Errorf("kind %s takes no period and no trigger", r.Kind)
		}
	case Every:
		if n != 1 || r.WorkingDays > 0 || r.Trigger != "" {
			return fmt.Errorf("kind every needs months or days and nothing else")
		}
	case Within:
		if n != 1 || r.Trigger == "" {
			return fmt.Errorf("kind within needs a trigger and exactly one of months, days, workingDays")
		}
	case Before, Immediately:
		if n != 0 || r.Trigger == "" {
			return fmt.Errorf("kind %s needs a trigger and no period", r.Kind)
		}
	default:
		return fmt.Errorf("kind is not set")
	}
	return nil
}

// Span returns the period of r: the one of Months, Days or WorkingDays
// that is set, or the zero Span when none is.
func (r Recurrence) Span() medsec.Span {
	switch {
	case r.Months > 0:
		return medsec.Span{N: r.Months, Unit: medsec.Months}
	case r.Days > 0:
		return medsec.Span{N: r.Days, Unit: medsec.Days}
	case r.WorkingDays > 0:
		return medsec.Span{N: r.WorkingDays, Unit: medsec.WorkingDays}
	}
	return medsec.Span{}
}

// dueFrom returns the due date that r sets from a trigger on day d.
func (r Recurrence) dueFrom(d medsec.Date) medsec.Date {
	switch r.Kind {
	case Before:
		return d.AddDays(-1)
	case Within:
		return r.Span().LastDay(d)
	}
	return d
}
