package grading

import (
	"fmt"
	"slices"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// Options control an evaluation. AsOf is required; the other options are
// off by default.
type Options struct {
	// AsOf is the day whose rules apply: the edition, the law and the
	// sector rules in force on that day, as the registry's instruments and
	// legal dates say. It is required: the zero Date is an error that asks
	// for it, so that a result never silently depends on the day the data
	// was written or the program runs. Pass the day being assessed, e.g.
	// medsec.NewDate(2026, 3, 1) or medsec.Today().
	AsOf medsec.Date

	// LevelOnly skips the reasons, citations and follow-up data (the
	// Vietnamese approval path and assessment cadence). Level,
	// confidence and as-of date are still set. Use it on hot paths: a
	// grading then allocates nothing, and an MLPS grading takes a few tens
	// of nanoseconds.
	LevelOnly bool

	// MLPSCitizensCellDraft2018 reads the matrix cell "citizens, legal
	// persons and other organisations × particularly serious harm" under
	// GB/T 22240-2020 as level 3: the reading of the January 2018 draft of
	// the grading guide (and of the 2018 draft MLPS regulation), which
	// never took effect. By default the cell is level 2 under both
	// editions, as the 2020 standard's level definitions and its matrix
	// give it. A level that rests on the draft reading has confidence
	// Unverified. GB/T 22240-2008 always reads level 2.
	MLPSCitizensCellDraft2018 bool
}

// A Result is what every grading function returns besides its scheme's
// level: which rules were used, why, on which legal basis, and how well
// established the conclusion is.
type Result struct {
	// Scheme is the grading scheme.
	Scheme Scheme `json:"scheme"`
	// AsOf is the day whose rules were applied.
	AsOf medsec.Date `json:"asOf"`
	// Reasons explain the result step by step, as translatable messages.
	// Empty with [Options.LevelOnly].
	Reasons []medsec.Message `json:"reasons,omitempty"`
	// Citations are the provisions behind the steps, each resolvable in
	// the registry of the [Grader] (for the package-level functions,
	// [medsec.DefaultRegistry]). Empty with [Options.LevelOnly].
	Citations []medsec.Citation `json:"citations,omitempty"`
	// Confidence is that of the weakest fact the result rests on.
	Confidence medsec.Confidence `json:"confidence"`
}

// An Answer is a yes/no statement the caller makes about a system or an
// entity. The zero value means "not stated" and fails validation where the
// answer is needed.
type Answer uint8

// Answers.
const (
	AnswerUnknown Answer = iota
	Yes
	No
)

var answerText = enumText{"unknown", "yes", "no"}

// Valid reports whether a is Yes or No.
func (a Answer) Valid() bool { return a == Yes || a == No }

// String returns "yes", "no" or "unknown".
func (a Answer) String() string { return answerText.String(uint8(a), "Answer") }

// MarshalText implements [encoding.TextMarshaler].
func (a Answer) MarshalText() ([]byte, error) {
	return answerText.Marshal("grading", uint8(a), "answer")
}

// UnmarshalText implements [encoding.TextUnmarshaler] ("yes" or "no").
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := answerText.Parse("grading", b, "answer")
	*a = Answer(v)
	return err
}

// Message returns the answer as a translatable text.
func (a Answer) Message() medsec.Message {
	switch a {
	case Yes:
		return msgAnswerYes.New()
	case No:
		return msgAnswerNo.New()
	}
	return msgAnswerUnknown.New()
}

// A Span is a length of time as the law states it — calendar months,
// calendar days or working days — and is [medsec.Span], whose methods
// compute where such a period ends. It marshals as before, as an object
// with one member: {"months": 24}, {"days": 30}, {"workingDays": 7}.
type Span = medsec.Span

// A Basis is the legal basis of one fact: the provisions, how well the fact
// is established, and a note where it is disputed or secondary. Citations
// is empty only for an Unverified fact whose source is no instrument in
// force (a draft, a Q&A); the note then names the source.
type Basis struct {
	// Citations are the provisions the fact rests on.
	Citations []medsec.Citation `json:"citations,omitempty"`
	// Confidence says how well the fact is established.
	Confidence medsec.Confidence `json:"confidence"`
	// Note says what is disputed or secondary, if anything.
	Note medsec.Message `json:"note,omitzero"`
}

// A Term is a deadline or an interval with its basis.
type Term struct {
	// Span is the deadline or interval.
	Span Span `json:"span"`
	// Basis is where it comes from.
	Basis Basis `json:"basis"`
}

// A Duty is something a grading result triggers: whether it applies at the
// level, what to do, the basis, and its deadline or interval. Terms[0] is
// the term medsec applies; later terms are alternatives that sources report
// but that are weaker or conflicting (see their confidence and note). A duty
// without terms has no fixed deadline or interval.
type Duty struct {
	// Required reports whether the duty applies at the level.
	Required bool `json:"required"`
	// What says what to do.
	What medsec.Message `json:"what"`
	// Basis is the legal basis of the duty.
	Basis Basis `json:"basis"`
	// Terms are its deadline or interval, the applied one first.
	Terms []Term `json:"terms,omitempty"`
}

// asOfError explains why opts.AsOf cannot be used for scheme: it is not
// set, not a calendar day, or not a day of the scheme's rules, which start
// on earliest.
func asOfError(d medsec.Date, scheme Scheme, earliest medsec.Date) error {
	e := &medsec.FieldError{Path: "Options.AsOf", Rule: "in-force", Value: d.String(), Message: msgErrNotInForce.New(scheme.String(), d, earliest)}
	switch {
	case d.IsZero():
		e.Rule, e.Message = "required", msgErrAsOf.New()
	case !d.Valid():
		e.Rule, e.Value, e.Message = "date", fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day), msgErrBadDate.New(d)
	}
	return inputError(scheme, e)
}

// inputError wraps field errors so that Error starts with "grading:" and
// errors.As finds [medsec.FieldErrors] and each [*medsec.FieldError]; it
// keeps at most 100 of them, the last saying how many more there were.
func inputError(scheme Scheme, errs ...*medsec.FieldError) error {
	return fmt.Errorf("grading: invalid %s input: %w", scheme, fielderr.Cap(errs))
}

func required(path string, hint medsec.MessageTemplate) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: "required", Message: msgErrRequired.New(hint.New())}
}

func invalid(path string, v fmt.Stringer) *medsec.FieldError {
	return &medsec.FieldError{Path: path, Rule: "valid", Value: v.String(), Message: msgErrInvalid.New(v.String())}
}

// stronger returns the better established of two valid confidences.
func stronger(a, b medsec.Confidence) medsec.Confidence {
	if a < b {
		return a
	}
	return b
}

// resultMessage is the closing reason of every explained result.
func resultMessage(system string, level medsec.Message, c medsec.Confidence) medsec.Message {
	if system == "" {
		return msgResultUnnamed.New(level, c.Message())
	}
	return msgResultNamed.New(system, level, c.Message())
}

// appendCites appends each citation of add that cites does not hold yet.
func appendCites(cites []medsec.Citation, add ...medsec.Citation) []medsec.Citation {
	for _, c := range add {
		if !slices.Contains(cites, c) {
			cites = append(cites, c)
		}
	}
	return cites
}
