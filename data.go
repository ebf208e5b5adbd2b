package medsec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

// MaxDataFileSize bounds one data file of a pack (an instrument, the
// duties, the translations of one locale...).
const MaxDataFileSize = 4 << 20

// readLimited reads r up to limit bytes; more is an error naming where.
func readLimited(r io.Reader, limit int64, where string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("medsec: reading %s: %w", where, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrInvalidData, where, limit)
	}
	return b, nil
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// decodeData decodes one data file strictly into v: unknown fields,
// invalid UTF-8 and trailing data are errors wrapping [ErrInvalidData]
// that name file.
//
// TODO(lead): replaced by internal/strictjson when it lands.
func decodeData(b []byte, v any, file string) error {
	if !utf8.Valid(b) {
		return FieldErrors{dataError(file, "", "utf8", "", msgDataUTF8.New())}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return FieldErrors{dataError(file, "", "json", "", msgDataJSON.New(err.Error()))}
	}
	if _, err := dec.Token(); err != io.EOF {
		return FieldErrors{dataError(file, "", "trailing", "", msgDataTrailing.New())}
	}
	return nil
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
