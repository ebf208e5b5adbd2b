// Package fielderr builds the [medsec.FieldErrors] of the domain packages
// from the errors of package strictjson, and collects validation errors
// under the module's one cap (package errcap). The root package cannot
// import it and does the same with a few lines of its own.
package fielderr

import (
	"errors"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/errcap"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// FromJSON turns decoding errors into field errors of the given kind
// (medsec.ErrInvalidInput or medsec.ErrInvalidData). It returns nil for no
// errors.
func FromJSON(errs strictjson.Errors, kind error) medsec.FieldErrors {
	if len(errs) == 0 {
		return nil
	}
	out := make(medsec.FieldErrors, len(errs))
	for i, e := range errs {
		out[i] = &medsec.FieldError{Path: e.Path, Rule: e.Rule, Value: e.Value, Message: medsec.Message(e.Message), Err: kind}
	}
	return out
}

// TextError is the strictjson.Config.TextError of the domain packages:
// a leaf whose UnmarshalText fails with a [medsec.FieldError] (such as
// medsec.ParseDate's "February 2026 has 28 days") is reported with that
// error's rule and message.
func TextError(err error) (string, strictjson.Message, bool) {
	var fe *medsec.FieldError
	if errors.As(err, &fe) && !fe.Message.IsZero() {
		return fe.Rule, strictjson.Message(fe.Message), true
	}
	return "", strictjson.Message{}, false
}

// TooLarge returns the error of an input over limit bytes.
func TooLarge(limit int64, kind error) medsec.FieldErrors {
	return FromJSON(strictjson.Errors{strictjson.TooLarge(limit)}, kind)
}

// A List collects field errors up to errcap.Max, the last of which says
// how many more there were. The zero List is empty and ready to use.
type List struct {
	l errcap.List[*medsec.FieldError]
}

// Add records e, or counts it when the list is full.
func (l *List) Add(e *medsec.FieldError) { l.l.Add(e) }

// AddFunc records the error f builds; when the list is full it only
// counts one more error, without calling f.
func (l *List) AddFunc(f func() *medsec.FieldError) { l.l.AddFunc(f) }

// Full reports whether further errors are only counted.
func (l *List) Full() bool { return l.l.Full() }

// Len returns the number of errors seen, recorded or counted.
func (l *List) Len() int { return l.l.Len() }

// Errors returns the errors, nil if there are none. The final "and N
// more" error has the kind of the first error. The list is the caller's
// own.
func (l *List) Errors() medsec.FieldErrors {
	errs, n := l.l.Result()
	if len(errs) == 0 {
		return nil
	}
	if n > 0 {
		m := strictjson.More(n)
		errs = append(errs, &medsec.FieldError{Rule: m.Rule, Value: m.Value, Message: medsec.Message(m.Message), Err: errs[0].Err})
	}
	return errs
}

// Cap returns es cut to errcap.Max entries, the last saying how many more
// there were, for validators that collect a bounded number of errors
// first. It returns nil for no errors.
func Cap(es medsec.FieldErrors) medsec.FieldErrors {
	var l List
	for _, e := range es {
		l.Add(e)
	}
	return l.Errors()
}
