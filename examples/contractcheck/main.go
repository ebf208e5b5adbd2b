// Command contractcheck checks vendor contract files against the security
// clauses the law requires and ENISA recommends, and prints each file's
// errors and findings.
//
// Usage:
//
//	go run ./examples/contractcheck [-lang vi] [-asof 2026-06-01] file.json ...
//
// -lang chooses the language of the messages (en, zh-Hans, zh-Hant, vi,
// cs, or any BCP 47 tag that matches one); -asof the date whose rules
// apply (default: today). The exit status is 0 when every file is clean,
// 1 when any file has errors or findings, and 2 when a file cannot be
// read or the arguments are wrong. Text from a contract or a file name is
// printed with line breaks, terminal escape sequences and other control
// characters shown as escapes such as \n or \x1b.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
)

// Exit statuses.
const (
	exitClean    = 0
	exitFindings = 1
	exitInput    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, minus os.Exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("contractcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "en", "language of the messages: en, zh-Hans, zh-Hant, vi or cs")
	asOfText := fs.String("asof", "", "date whose rules apply, YYYY-MM-DD (default: today)")
	maxBytes := fs.Int64("max-bytes", contracts.DefaultMaxBytes, "largest contract file accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: contractcheck [-lang vi] [-asof YYYY-MM-DD] file.json ...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitInput
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitInput
	}
	loc, err := i18n.ParseLocale(*lang)
	if err != nil {
		fmt.Fprintln(stderr, "contractcheck:", err)
		return exitInput
	}
	asOf := medsec.Today()
	if *asOfText != "" {
		if asOf, err = medsec.ParseDate(*asOfText); err != nil {
			fmt.Fprintln(stderr, "contractcheck:", err)
			return exitInput
		}
	}
	p := printer{w: stdout, l: i18n.NewLocalizer(loc)}
	status := exitClean
	for _, name := range fs.Args() {
		s := p.file(name, asOf, *maxBytes)
		if s == exitInput {
			fmt.Fprintf(stderr, "contractcheck: %s: cannot read the file\n", escape.Text(name))
		}
		status = max(status, s)
	}
	return status
}

type printer struct {
	w io.Writer
	l *i18n.Localizer
}

// printf prints one line. Paths, messages and file names carry text from
// the contract file, so characters that could break the line or drive
// the terminal (line breaks, ESC, other controls, direction overrides)
// are printed as visible escapes such as \n or \x1b.
func (p printer) printf(format string, args ...any) {
	fmt.Fprintln(p.w, escape.Text(fmt.Sprintf(format, args...)))
}

// file checks one file and returns its exit status.
func (p printer) file(name string, asOf medsec.Date, maxBytes int64) int {
	f, err := os.Open(name)
	if err != nil {
		return exitInput
	}
	defer f.Close()
	p.printf("== %s", name)
	c, err := contracts.Decode(f, contracts.WithMaxBytes(maxBytes))
	if err == nil {
		err = contracts.Validate(c)
	}
	if err != nil {
		var fes medsec.FieldErrors
		if !errors.As(err, &fes) {
			return exitInput // a read error, not a data error
		}
		for _, e := range fes {
			p.fieldError(e)
		}
		p.printf("errors: %d", len(fes))
		fmt.Fprintln(p.w)
		return exitFindings
	}
	r, err := contracts.Check(c, asOf)
	if err != nil { // run has checked the as-of date; nothing else can fail here
		fmt.Fprintf(p.w, "  error   %v\n\n", err)
		return exitFindings
	}
	for _, f := range r.Findings {
		p.finding(f)
	}
	p.printf("findings: %d (rules as of %s)", len(r.Findings), asOf)
	fmt.Fprintln(p.w)
	if r.Clean() {
		return exitClean
	}
	return exitFindings
}

func (p printer) fieldError(e *medsec.FieldError) {
	path := e.Path
	if path == "" {
		path = "/"
	}
	value := ""
	if e.Value != "" {
		value = fmt.Sprintf("; %q", e.Value)
	}
	p.printf("  error   %s: %s [%s%s]", path, p.l.Format(e.Message), e.Rule, value)
}

func (p printer) finding(f contracts.Finding) {
	cites := append(medsec.Citations{f.Citation}, f.Also...)
	p.printf("  %-11s %s: %s", p.l.Format(f.Severity.Message()), f.Path, p.l.Format(f.Message))
	p.printf("              %s (%s)", p.l.Citations(cites), p.l.Format(f.Confidence.Message()))
}
