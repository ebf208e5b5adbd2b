package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/costtest"
	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/rendertest"
)

// inputBudget bounds what decoding an institution file may allocate: a
// few times the input, never more than linearly.
var inputBudget = costtest.Budget{Bytes: 256 << 10, PerByte: 256, Allocs: 2000, AllocsPerByte: 4}

// FuzzDecodeInput runs the program's whole -in pipeline on fuzzed files:
// decoding allocates at most linearly; a rejected file is an *InputError
// naming the file, with a JSON Pointer path; an accepted one evaluates,
// or fails as bad input, and prints as text without a character that
// forges a line or drives the terminal, and as JSON that parses back.
func FuzzDecodeInput(f *testing.F) {
	for _, name := range sampleFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte(`{"institution":{"id":"X","name":"\u001b[31mX\nhospital: FORGED","jurisdictions":["EU"],"type":"hospital"},"nis2":{"type":"healthcare-provider","enterprise":{"headcount":300,"turnoverEur":1,"balanceSheetEur":1}},"systems":[]}`), uint8(1))
	f.Add([]byte(`{"institution":{"id":"X","jurisdictions":["VN"],"type":"hospital"},"systems":[{"id":"S","vn":{"type":"internal","information":"public"}}],"holidayDispatch":{"parent":"P","issuer":"I","number":1,"symbol":"S","place":"- x","date":"2026-02-09","basis":{"issuer":"I","number":"1","date":"2026-02-01","from":"F"},"signer":{"name":"N"}}}`), uint8(3))
	f.Add([]byte(`{"institution":{}}`), uint8(2))
	f.Add([]byte(`[]`), uint8(0))
	locs := i18n.Locales()
	f.Fuzz(func(t *testing.T, data []byte, locByte uint8) {
		var in *Input
		var err error
		costtest.Linear(t, len(data), inputBudget, func() {
			in, err = decodeInput("in.json", data)
		})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.File != "in.json" || (ie.Path != "" && ie.Path[0] != '/') {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		locale := locs[int(locByte)%len(locs)]
		loc := i18n.NewLocalizer(locale)
		v, err := evaluate("in.json", in, now, loc, locale)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, medsec.ErrInvalidInput) && !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("evaluation error %T %v", err, err)
			}
			if i := escape.Index(escape.Text(err.Error())); i >= 0 {
				t.Fatal("escaped error still has an unsafe character")
			}
			return
		}
		out := &Output{AsOf: "2026-11-22", Language: locale.String(), Institutions: []InstitutionView{*v}}
		var txt bytes.Buffer
		if err := writeText(&txt, out, loc, medsec.DateOf(now)); err != nil {
			t.Fatal(err)
		}
		if p := rendertest.CheckText(txt.String()); p != "" {
			t.Fatalf("text output: %s", p)
		}
		js, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		var back Output
		if err := json.Unmarshal(js, &back); err != nil || len(back.Institutions) != 1 {
			t.Fatalf("JSON output does not parse back: %v", err)
		}
	})
}
