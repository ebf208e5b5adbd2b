// Command footprint imports package grading and nothing else of medsec: it
// is the program whose linked packages and size footprint_test.go bounds.
package main

import (
	"fmt"

	"github.com/medsec-go/medsec/grading"
)

func main() {
	r, err := grading.MLPS(grading.MLPSInput{System: "HIS"}, grading.Options{})
	fmt.Println(r.Level, err)
}
