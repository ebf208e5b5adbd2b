// Command hospital shows medsec at work on a sample institution: which
// legal instruments apply to a hospital in each jurisdiction on a given
// day.
//
// Usage:
//
//	go run ./examples/hospital [-asof 2026-01-31]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/medsec-go/medsec"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hospital", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asof := fs.String("asof", "", "evaluate as of this date (YYYY-MM-DD); default today")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	day := medsec.Today()
	if *asof != "" {
		d, err := medsec.ParseDate(*asof)
		if err != nil {
			fmt.Fprintf(stderr, "hospital: -asof: %v\n", err)
			return 2
		}
		day = d
	}
	fmt.Fprintf(stdout, "Instruments in force on %s (legal data reviewed %s)\n", day, medsec.DataVersion)
	for _, j := range medsec.Jurisdictions() {
		fmt.Fprintf(stdout, "\n%s\n", j.Message())
		for _, in := range medsec.InForce(day, j) {
			fmt.Fprintf(stdout, "  %-18s %s", in.ID, in.TitleEN)
			if in.Number != "" {
				fmt.Fprintf(stdout, " [%s]", in.Number)
			}
			fmt.Fprintln(stdout)
		}
	}
	return 0
}
