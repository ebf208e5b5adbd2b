package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/obligations"
)

// maxInputSize is the default bound of an institution file (-max-bytes).
const maxInputSize = obligations.DefaultMaxBytes

// Input is one institution as the program reads it: the institution's
// records in the format of [obligations.Records] (the institution, its
// grading inputs and systems, incidents, evidence and role assignments),
// read with [obligations.DecodeRecords], and the program's own members,
// the vendor contracts and the holiday dispatch. The format is documented
// in testdata/README.md.
type Input struct {
	obligations.Records
	Own
}

// Own holds the members of an institution file that are the program's
// own rather than medsec's records; [obligations.WithMembers] decodes
// them as strictly as the rest.
type Own struct {
	// Contracts are vendor contracts in the format of package contracts,
	// which decodes them one by one.
	Contracts []json.RawMessage `json:"contracts,omitempty"`
	// HolidayDispatch is a Vietnamese holiday dispatch to render.
	HolidayDispatch *DispatchInput `json:"holidayDispatch,omitempty"`
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

// decodeInput decodes one institution file with obligations.DecodeRecords,
// which reads it strictly (see testdata/README.md) and checks what needs
// no registry. Every problem is reported with the JSON Pointer of its
// field, up to 100 of them.
func decodeInput(file string, data []byte) (*Input, error) {
	var in Input
	rec, err := obligations.DecodeRecords(bytes.NewReader(data), obligations.WithMembers(&in.Own),
		obligations.WithMaxBytes(int64(len(data))))
	if err != nil {
		return nil, &InputError{File: file, Err: err}
	}
	in.Records = *rec
	return &in, nil
}
