package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

// maxInputSize bounds an institution file read with -in.
const maxInputSize = 4 << 20

// Input is one institution as the program reads it: what the institution
// is, its systems with what grading needs to know about them, and the
// records (evidence, role assignments, vendor contracts) to check. The
// format is documented in testdata/README.md.
type Input struct {
	Institution     obligations.Institution  `json:"institution"`
	NIS2            *grading.NIS2Input       `json:"nis2,omitempty"`
	CZ              *grading.CZInput         `json:"cz,omitempty"`
	Systems         []SystemInput            `json:"systems"`
	Incidents       []obligations.Incident   `json:"incidents,omitempty"`
	Evidence        []obligations.Evidence   `json:"evidence,omitempty"`
	Assignments     []obligations.Assignment `json:"assignments,omitempty"`
	Contracts       []json.RawMessage        `json:"contracts,omitempty"`
	HolidayDispatch *DispatchInput           `json:"holidayDispatch,omitempty"`
}

// SystemInput is one information system: its identity, its obligation
// flags and event dates, and the grading input of each scheme it falls
// under.
type SystemInput struct {
	ID       string                              `json:"id"`
	Name     string                              `json:"name"`
	Flags    []obligations.Flag                  `json:"flags,omitempty"`
	Triggers map[obligations.Trigger]medsec.Date `json:"triggers,omitempty"`
	MLPS     *grading.MLPSInput                  `json:"mlps,omitempty"`
	VN       *grading.VNInput                    `json:"vn,omitempty"`
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

// decodeInput reads one institution strictly. encoding/json reports an
// unknown field or a bad enum value without saying where it is, so the
// document is decoded section by section, and every error names the JSON
// Pointer of the section that holds the problem.
func decodeInput(file string, r io.Reader) (*Input, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInputSize+1))
	if err != nil {
		return nil, &InputError{File: file, Err: err}
	}
	if len(data) > maxInputSize {
		return nil, &InputError{File: file, Err: fmt.Errorf("%w: larger than %d bytes", medsec.ErrInvalidInput, maxInputSize)}
	}
	var top struct {
		Institution     json.RawMessage   `json:"institution"`
		NIS2            json.RawMessage   `json:"nis2"`
		CZ              json.RawMessage   `json:"cz"`
		Systems         []json.RawMessage `json:"systems"`
		Incidents       []json.RawMessage `json:"incidents"`
		Evidence        []json.RawMessage `json:"evidence"`
		Assignments     []json.RawMessage `json:"assignments"`
		Contracts       []json.RawMessage `json:"contracts"`
		HolidayDispatch json.RawMessage   `json:"holidayDispatch"`
	}
	d := decoder{file: file}
	d.strict("", data, &top)
	if d.err != nil {
		return nil, d.err
	}
	in := &Input{Contracts: top.Contracts}
	if len(top.Institution) == 0 {
		return nil, &InputError{File: file, Path: "/institution", Err: fmt.Errorf("%w: required", medsec.ErrInvalidInput)}
	}
	d.strict("/institution", top.Institution, &in.Institution)
	if len(top.NIS2) > 0 {
		in.NIS2 = new(grading.NIS2Input)
		d.strict("/nis2", top.NIS2, in.NIS2)
	}
	if len(top.CZ) > 0 {
		in.CZ = new(grading.CZInput)
		d.strict("/cz", top.CZ, in.CZ)
	}
	in.Systems = make([]SystemInput, len(top.Systems))
	for i, raw := range top.Systems {
		d.system("/systems/"+strconv.Itoa(i), raw, &in.Systems[i])
	}
	in.Incidents = decodeList[obligations.Incident](&d, "/incidents", top.Incidents)
	in.Evidence = decodeList[obligations.Evidence](&d, "/evidence", top.Evidence)
	in.Assignments = decodeList[obligations.Assignment](&d, "/assignments", top.Assignments)
	if len(top.HolidayDispatch) > 0 {
		in.HolidayDispatch = new(DispatchInput)
		d.strict("/holidayDispatch", top.HolidayDispatch, in.HolidayDispatch)
	}
	if d.err != nil {
		return nil, d.err
	}
	return in, nil
}

// decoder decodes sections strictly and keeps the first error.
type decoder struct {
	file string
	err  error
}

func (d *decoder) strict(path string, data []byte, v any) {
	if d.err != nil {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("data after the JSON value")
		}
	}
	if err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			path += "/" + jsonFieldPath(te.Field)
		}
		d.err = &InputError{File: d.file, Path: path, Err: err}
	}
}

func (d *decoder) system(path string, raw []byte, s *SystemInput) {
	var parts struct {
		ID       string                              `json:"id"`
		Name     string                              `json:"name"`
		Flags    []obligations.Flag                  `json:"flags"`
		Triggers map[obligations.Trigger]medsec.Date `json:"triggers"`
		MLPS     json.RawMessage                     `json:"mlps"`
		VN       json.RawMessage                     `json:"vn"`
	}
	d.strict(path, raw, &parts)
	s.ID, s.Name, s.Flags, s.Triggers = parts.ID, parts.Name, parts.Flags, parts.Triggers
	if len(parts.MLPS) > 0 {
		s.MLPS = new(grading.MLPSInput)
		d.strict(path+"/mlps", parts.MLPS, s.MLPS)
	}
	if len(parts.VN) > 0 {
		s.VN = new(grading.VNInput)
		d.strict(path+"/vn", parts.VN, s.VN)
	}
}

func decodeList[T any](d *decoder, path string, raws []json.RawMessage) []T {
	out := make([]T, len(raws))
	for i, raw := range raws {
		d.strict(path+"/"+strconv.Itoa(i), raw, &out[i])
	}
	return out
}

// jsonFieldPath turns encoding/json's dotted field path into JSON Pointer
// segments.
func jsonFieldPath(dotted string) string {
	b := []byte(dotted)
	for i, c := range b {
		if c == '.' {
			b[i] = '/'
		}
	}
	return string(b)
}
