package main

import (
	"encoding/json"
	"fmt"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
	"github.com/medsec-go/medsec/obligations"
)

// maxInputSize is the default bound of an institution file (-max-bytes).
const maxInputSize = 4 << 20

// Input is one institution as the program reads it: what the institution
// is, its systems with what grading needs to know about them, and the
// records (evidence, role assignments, vendor contracts) to check. The
// format is documented in testdata/README.md.
type Input struct {
	// Institution is the institution without its systems, which the
	// program grades from Systems and adds.
	Institution     grading.Institution      `json:"institution"`
	NIS2            *grading.NIS2Input       `json:"nis2,omitempty"`
	CZ              *grading.CZInput         `json:"cz,omitempty"`
	Systems         []SystemInput            `json:"systems"`
	Incidents       []obligations.Incident   `json:"incidents,omitempty"`
	Evidence        []obligations.Evidence   `json:"evidence,omitempty"`
	Assignments     []obligations.Assignment `json:"assignments,omitempty"`
	Contracts       []json.RawMessage        `json:"contracts,omitempty"`
	HolidayDispatch *DispatchInput           `json:"holidayDispatch,omitempty"`
}

// SystemInput is one information system: its identity, its flags and
// event dates, and the grading input of each scheme it falls under.
type SystemInput struct {
	ID     string                       `json:"id"`
	Name   string                       `json:"name"`
	Flags  []medsec.Flag                `json:"flags,omitempty"`
	Events map[medsec.Event]medsec.Date `json:"events,omitempty"`
	MLPS   *grading.MLPSInput           `json:"mlps,omitempty"`
	VN     *grading.VNInput             `json:"vn,omitempty"`
}

// DispatchInput is the data of a Vietnamese holiday network-security
// dispatch that the institution's health department issues.
type DispatchInput struct {
	Parent string      `json:"parent"`
	Issuer string      `json:"issuer"`
	Number int         `json:"number"`
	Symbol string      `json:"symbol"`
	Place  string      `json:"place"`
	Date   medsec.Date `json:"date"`
	Basis  struct {
		Issuer string      `json:"issuer"`
		Number string      `json:"number"`
		Date   medsec.Date `json:"date"`
		From   string      `json:"from"`
	} `json:"basis"`
	Signer struct {
		Name string `json:"name"`
	} `json:"signer"`
}

// An InputError is bad input: where it is (a JSON Pointer into the file)
// and what is wrong.
type InputError struct {
	File string
	Path string
	Err  error
}

func (e *InputError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// inputDecoder reads institution files with the module's strict JSON
// decoder: unknown fields, duplicate keys (also keys that differ only in
// letter case, so a file cannot carry a shadow "Institution"), values of
// the wrong type or out of their list, invalid UTF-8, control characters
// other than tab and line feed, a byte order mark, null, lists of more
// than 10,000 entries and data after the document are errors.
var inputDecoder = strictjson.New(strictjson.Config{})

// decodeInput decodes one institution strictly. Every problem is reported
// with the JSON Pointer of its field, up to 100 of them.
func decodeInput(file string, data []byte) (*Input, error) {
	var in Input
	if errs := inputDecoder.Unmarshal(data, &in); errs != nil {
		return nil, &InputError{File: file, Err: fielderr.FromJSON(errs, medsec.ErrInvalidInput)}
	}
	if in.Institution.ID == "" && in.Institution.Name == "" && len(in.Institution.Jurisdictions) == 0 {
		return nil, &InputError{File: file, Err: medsec.FieldErrors{{Path: "/institution", Rule: "required",
			Message: msgNoInstitution.New(), Err: medsec.ErrInvalidInput}}}
	}
	if len(in.Institution.Systems) > 0 {
		return nil, &InputError{File: file, Err: medsec.FieldErrors{{Path: "/institution/systems", Rule: "top-level",
			Message: msgSystemsTopLevel.New(), Err: medsec.ErrInvalidInput}}}
	}
	return &in, nil
}
