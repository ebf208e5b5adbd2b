package medsec

import (
	"unicode/utf8"

	"github.com/medsec-go/medsec/internal/errcap"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// MaxDataFileSize bounds one data file of a pack (an instrument, the
// duties, the translations of one locale...).
const MaxDataFileSize = 4 << 20

// decodeData decodes one data file strictly into v (see
// [internal/strictjson]): the errors, at most 100, name file and wrap
// [ErrInvalidData].
func decodeData(b []byte, v any, file string) error {
	errs := instrumentDecoder().Unmarshal(b, v)
	if errs == nil {
		return nil
	}
	out := fieldErrors(errs, ErrInvalidData)
	for _, e := range out {
		e.File = file
	}
	return out
}

// dataError returns a field error about data file file at JSON Pointer
// path, wrapping ErrInvalidData.
func dataError(file, path, rule, value string, m Message) *FieldError {
	return &FieldError{File: file, Path: path, Rule: rule, Value: clipText(value), Message: m, Err: ErrInvalidData}
}

// clipText shortens s for an error message.
func clipText(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// capErrors keeps the first errors up to the module's cap, the last saying
// how many more there were.
func capErrors(errs FieldErrors) FieldErrors {
	var l errcap.List[*FieldError]
	for _, e := range errs {
		l.Add(e)
	}
	out, n := l.Result()
	if n > 0 {
		m := strictjson.More(n)
		out = append(out, &FieldError{Rule: m.Rule, Value: m.Value, Message: Message(m.Message), Err: ErrInvalidData})
	}
	return out
}
