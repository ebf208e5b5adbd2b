package gradingio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/apitest"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"DecodeMLPS": DecodeMLPS, "DecodeVN": DecodeVN, "DecodeNIS2": DecodeNIS2, "DecodeCZ": DecodeCZ,
		"DecodeInputs": DecodeInputs, "MLPSSchema": MLPSSchema, "VNSchema": VNSchema, "NIS2Schema": NIS2Schema,
		"CZSchema": CZSchema, "InputsSchema": InputsSchema, "WithMaxBytes": WithMaxBytes, "ReadInventory": ReadInventory,
		"InventoryColumns": InventoryColumns, "MessageTemplates": MessageTemplates,
	},
	Types: []any{SystemInput{}, CSVError{}, CSVErrors{}},
}

// TestNilAndZero: every exported function and method called with nil and
// zero values returns an error or a zero result; none panics.
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestResultsAreOwn: every result that holds slices or maps is the
// caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	calls := map[string]func() any{
		"DecodeMLPS":   func() any { return fromFile(DecodeMLPS, "mlps-his.json") },
		"DecodeVN":     func() any { return fromFile(DecodeVN, "vn-portal.json") },
		"DecodeNIS2":   func() any { return fromFile(DecodeNIS2, "nis2-group.json") },
		"DecodeCZ":     func() any { return fromFile(DecodeCZ, "cz-inferred.json") },
		"DecodeInputs": func() any { return fromFile(DecodeInputs, "inputs-hospital.json") },
		"ReadInventory": func() any {
			in, _ := ReadInventory(strings.NewReader(inventorySample))
			return in
		},
		"InventoryColumns": func() any { return InventoryColumns() },
		"MessageTemplates": func() any { return MessageTemplates() },
		"CSVErrors.Unwrap": func() any {
			_, err := ReadInventory(strings.NewReader("id,x\n"))
			var ces CSVErrors
			errors.As(err, &ces)
			return ces.Unwrap()
		},
		"MLPSSchema":   func() any { return MLPSSchema() },
		"VNSchema":     func() any { return VNSchema() },
		"NIS2Schema":   func() any { return NIS2Schema() },
		"CZSchema":     func() any { return CZSchema() },
		"InputsSchema": func() any { return InputsSchema() },
		"SystemInput.System": func() any {
			s := SystemInput{ID: "A", Flags: []medsec.Flag{"cii"}, Events: map[medsec.Event]medsec.Date{"go-live": dayNow}}
			return s.System(grading.MLPS2, 0)
		},
	}
	apitest.Aliasing(t, api, calls, nil)
}

// fromFile decodes a sample input of testdata/input with decode.
func fromFile[T any](decode func(io.Reader, ...DecodeOption) (T, error), name string) T {
	f, err := os.Open(filepath.Join("testdata", "input", name))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	v, err := decode(f)
	if err != nil {
		panic(err)
	}
	return v
}
