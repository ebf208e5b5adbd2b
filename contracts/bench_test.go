package contracts

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/medsec-go/medsec"
)

const benchFixture = "testdata/valid/cz-pacs-2026.json"

// benchAsOf is the day whose rules the benchmarks apply.
var benchAsOf = medsec.NewDate(2026, 6, 1)

func benchData(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile(benchFixture)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkDecode(b *testing.B) {
	data := benchData(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainJSON is the yardstick: encoding/json into the same struct.
func BenchmarkPlainJSON(b *testing.B) {
	data := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		var c Contract
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	c, err := Decode(bytes.NewReader(benchData(b)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainValidator is the yardstick: validator/v10 alone, with no
// custom tags or struct-level rules, on the same struct.
func BenchmarkPlainValidator(b *testing.B) {
	c, err := Decode(bytes.NewReader(benchData(b)))
	if err != nil {
		b.Fatal(err)
	}
	v := plainValidator()
	b.ReportAllocs()
	for b.Loop() {
		_ = v.Struct(c)
	}
}

func BenchmarkCheck(b *testing.B) {
	c, err := Decode(bytes.NewReader(benchData(b)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(c, benchAsOf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkContractPipeline(b *testing.B) {
	data := benchData(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c, err := Decode(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := Validate(c); err != nil {
			b.Fatal(err)
		}
		if _, err := Check(c, benchAsOf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewChecker: building the checker of the embedded law, which
// DefaultChecker does once, on first use.
func BenchmarkNewChecker(b *testing.B) {
	reg := medsec.DefaultRegistry()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewChecker(reg); err != nil {
			b.Fatal(err)
		}
	}
}
