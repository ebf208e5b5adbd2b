package contracts_test

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
)

// A contract-check report written as JSON reads back into the same
// report.
func ExampleDecodeReport() {
	f, err := os.Open("testdata/valid/vn-lis-2026.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	c, err := contracts.Decode(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := contracts.Check(c, medsec.NewDate(2026, time.June, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := r.MarshalJSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b[:44]))
	back, err := contracts.DecodeReport(bytes.NewReader(b))
	if err != nil {
		fmt.Println(err)
		return
	}
	again, _ := back.MarshalJSON()
	fmt.Println("same bytes:", bytes.Equal(b, again))
	fmt.Println(back.Findings[0].Message)
	// Output:
	// {"format":"medsec.contract-report/1","asOf":
	// same bytes: true
	// no vulnerability handling clause: ENISA good practice GP-02: vulnerability management
}
