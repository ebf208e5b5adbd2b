package gradingio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/medsec-go/medsec"
)

// FuzzDecodeInputs: no document makes DecodeInputs panic; it returns
// inputs that pass the checks of package grading, with unique system IDs,
// or field errors (at most 100 and a last one saying how many more) that
// wrap ErrInvalidInput.
func FuzzDecodeInputs(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "input", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"systems": [{"id": "A"}, {"id": "A", "vn": {"type": "internal"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := DecodeInputs(bytes.NewReader(data))
		if err != nil {
			var fes medsec.FieldErrors
			if !errors.As(err, &fes) || !errors.Is(err, medsec.ErrInvalidInput) || len(fes) == 0 || len(fes) > 101 {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		if in.NIS2 != nil && in.NIS2.Validate() != nil || in.CZ != nil && in.CZ.Validate() != nil {
			t.Fatal("an entity input that fails its check was accepted")
		}
		seen := map[string]bool{}
		for _, s := range in.Systems {
			if s.ID == "" || seen[s.ID] {
				t.Fatalf("system ID %q empty or repeated", s.ID)
			}
			seen[s.ID] = true
			if s.MLPS != nil && s.MLPS.Validate() != nil || s.VN != nil && s.VN.Validate() != nil {
				t.Fatalf("%s: an input that fails its check was accepted", s.ID)
			}
		}
	})
}
