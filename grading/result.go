package grading

import (
	"fmt"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// Options control an evaluation. The zero value evaluates under the newest
// rules in medsec's data and explains the result.
type Options struct {
	// AsOf is the day whose rules apply. The zero value means the newest
	// rules in the data: the result then reports [medsec.DataVersion] as its
	// as-of date.
	AsOf medsec.Date

	// LevelOnly skips the reasons, citations and follow-up data (the
	// Vietnamese approval path and assessment cadence). Level,
	// confidence and as-of date are still set. Use it on hot paths: an MLPS
	// grading then costs a few nanoseconds and no allocation.
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
	// [medsec.DefaultRegistry]. Empty with [Options.LevelOnly].
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
	Citations  []medsec.Citation `json:"citations,omitempty"`
	Confidence medsec.Confidence `json:"confidence"`
	Note       medsec.Message    `json:"note,omitzero"`
}

// A Term is a deadline or an interval with its basis.
type Term struct {
	Span  Span  `json:"span"`
	Basis Basis `json:"basis"`
}

// A Duty is something a grading result triggers: whether it applies at the
// level, what to do, the basis, and its deadline or interval. Terms[0] is
// the term medsec applies; later terms are alternatives that sources report
// but that are weaker or conflicting (see their confidence and note). A duty
// without terms has no fixed deadline or interval.
type Duty struct {
	Required bool           `json:"required"`
	What     medsec.Message `json:"what"`
	Basis    Basis          `json:"basis"`
	Terms    []Term         `json:"terms,omitempty"`
}

// dates holds the days on which the rules grading applies change. They
// come from the embedded registry (data/instruments) and a test checks
// that they still match it; they are copied here so that the hot path
// reads constants instead of the registry.
type dates struct {
	newest                             medsec.Date // medsec.DataVersion
	gbt2008, gbt2020, moh2011, nhc2022 medsec.Date
	vnND85, vnLaw116, vnMPS            medsec.Date
	nis2, nis2Apply, cz264, cz181      medsec.Date
}

// rules is never written.
var rules = dates{
	newest:   medsec.NewDate(2026, 11, 22),
	gbt2008:  medsec.NewDate(2008, 11, 1),  // CN-GBT-22240-2008 in force
	gbt2020:  medsec.NewDate(2020, 11, 1),  // CN-GBT-22240-2020 in force
	moh2011:  medsec.NewDate(2011, 11, 29), // CN-MOH-2011-85 issued
	nhc2022:  medsec.NewDate(2022, 8, 8),   // CN-NHC-2022-29 in force
	vnND85:   medsec.NewDate(2016, 7, 1),   // VN-ND-85-2016 in force
	vnLaw116: medsec.NewDate(2026, 7, 1),   // VN-LAW-116-2025 in force
	// The Ministry of Public Security took over from the information
	// ministry (vn.md §0, §4.4, verified); not an instrument of its own.
	vnMPS: medsec.NewDate(2025, 3, 1),
	nis2:  medsec.NewDate(2023, 1, 16), // EU-NIS2 in force
	// NIS2 applies from the day after the transposition deadline
	// (cz-eu.md §1.1, verified).
	nis2Apply: medsec.NewDate(2024, 10, 18),
	cz264:     medsec.NewDate(2025, 11, 1), // CZ-ZKB-264-2025 in force
	cz181:     medsec.NewDate(2015, 1, 1),  // CZ-ZKB-181-2014 in force
}

// asOf returns the day to evaluate and checks it against the start of the
// scheme's rules. It is small enough to be inlined; errors are built
// out of line.
func asOf(opts Options, scheme Scheme, earliest medsec.Date, newest medsec.Date) (medsec.Date, error) {
	d := opts.AsOf
	if d.IsZero() {
		return newest, nil
	}
	if !validDate(d) || d.Before(earliest) {
		return d, asOfError(d, scheme, earliest)
	}
	return d, nil
}

func asOfError(d medsec.Date, scheme Scheme, earliest medsec.Date) error {
	if !validDate(d) {
		return inputError(scheme, &medsec.FieldError{Path: "Options.AsOf", Rule: "date", Value: d.String(), Message: msgErrBadDate.New(d)})
	}
	return inputError(scheme, &medsec.FieldError{Path: "Options.AsOf", Rule: "in-force", Value: d.String(), Message: msgErrNotInForce.New(scheme.String(), d, earliest)})
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

// validDate is [medsec.Date.Valid] without the round trip through
// time.Time, which costs more than a whole MLPS grading.
func validDate(d medsec.Date) bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 || d.Year > 9999 {
		return false
	}
	n := 31
	switch d.Month {
	case 4, 6, 9, 11:
		n = 30
	case 2:
		n = 28
		if d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0) {
			n = 29
		}
	}
	return d.Day <= n
}
