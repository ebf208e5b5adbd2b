// Command contractcheck checks vendor contract files against the security
// clauses the law requires and ENISA recommends, and prints each file's
// errors and findings.
//
// Usage:
//
//	contractcheck [-lang tag] [-asof YYYY-MM-DD] [-json] [-max-bytes n] file.json ...
//
// Each file holds one contract in the JSON format of package contracts
// (contracts.JSONSchema describes it); a file named "-" is read from
// standard input. For each file the program prints "== file" and then
// either the contract's errors, each with the JSON Pointer of its field
// and the rule it breaks, or its findings: the clauses that the rules in
// force on the -asof day ask for and the contract lacks or states too
// weakly, each with its severity, its legal basis and the confidence of
// that basis. For example:
//
//	go run ./examples/contractcheck -asof 2026-06-01 -lang cs examples/contractcheck/testdata/*.json
//
// Flags:
//
//	-lang tag     the language of the output: en, cs, vi, zh-Hans, zh-Hant,
//	              or a BCP 47 tag or Accept-Language list that matches one;
//	              without it, $LC_ALL, $LC_MESSAGES or $LANG, else English
//	-asof date    the day whose rules apply, YYYY-MM-DD (default: today;
//	              give it for output that can be repeated)
//	-json         print one JSON document for all files
//	-max-bytes n  the largest file accepted (default 1 MiB)
//	-h            print the usage and exit
//
// Exit status: 0 when every contract is valid and has no findings; 1 when
// some contract breaks the format or its rules, or has findings; 2 for bad
// usage, for a file that cannot be checked (missing, unreadable, a
// directory, empty, larger than -max-bytes, not UTF-8 text, or not JSON:
// malformed, or with more after the object), or when the output cannot be
// written. A file that cannot be checked is reported on standard error as
// "contractcheck: file: problem"; the others are still checked.
//
// Everything the program prints is in the -lang language, except the
// usage (-h) and the errors about the command line's syntax, which are in
// English. Text from a contract or a file name is printed with line
// breaks, terminal escape sequences and other control characters shown
// as escapes such as \n or \x1b.
package main

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
)

var command = &cli.Command{
	Name:     "contractcheck",
	Synopsis: "[-lang tag] [-asof YYYY-MM-DD] [-json] [-max-bytes n] file.json ...",
	About: "Contractcheck checks vendor contracts (JSON files in the format of package contracts; - reads\n" +
		"standard input) against the security clauses the law requires and ENISA recommends, and prints\n" +
		"each contract's errors and findings. Usage and command-line errors are in English; everything\n" +
		"else is in the -lang language.",
	Status: [3]string{
		"every contract is valid and has no findings",
		"some contract breaks the format or its rules, or has findings",
		"bad usage; a file that cannot be checked (missing, unreadable, empty, not UTF-8, not JSON); or the output cannot be written",
	},
}

//go:embed locales/*.json
var localeFiles embed.FS

// The program's own messages; their translations are in locales/*.json.
var (
	msgFindings   = medsec.MessageTemplate{Key: "contractcheck.findings", Format: "findings: %d (rules as of %v)"}
	msgErrors     = medsec.MessageTemplate{Key: "contractcheck.errors", Format: "errors: %d"}
	msgErrorLabel = medsec.MessageTemplate{Key: "contractcheck.label.error", Format: "error"}
	msgBasis      = medsec.MessageTemplate{Key: "contractcheck.basis", Format: "%s (%s)"}
)

// messageTemplates lists the program's messages and those of package cli,
// for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return append([]medsec.MessageTemplate{msgFindings, msgErrors, msgErrorLabel, msgBasis}, cli.MessageTemplates()...)
}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, minus os.Exit, so tests can call it.
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := command.NewFlagSet()
	lang := fs.String("lang", "", "the `language` of the output: en, cs, vi, zh-Hans, zh-Hant or a tag that matches one (default from $LC_ALL, $LC_MESSAGES or $LANG, else en)")
	asOfText := fs.String("asof", "", "the `day` whose rules apply, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print one JSON document for all files")
	maxBytes := fs.Int64("max-bytes", contracts.DefaultMaxBytes, "the largest file accepted, in `bytes`")
	if status, ok := command.Parse(fs, args, stdout, stderr); !ok {
		return status
	}
	cat, err := cli.Catalog(localeFiles)
	if err != nil {
		fmt.Fprintln(stderr, "contractcheck:", err)
		return cli.ExitTrouble
	}
	loc, err := cli.Locale(cat, *lang, getenv)
	if err != nil {
		command.UsageError(stderr, err.Error())
		return cli.ExitTrouble
	}
	p := &printer{l: cat.Localizer(loc), loc: loc, stdin: stdin, stdout: stdout,
		err: &cli.Printer{Name: command.Name, L: cat.Localizer(loc), Stderr: stderr}}
	asOf := medsec.Today()
	if *asOfText != "" {
		if asOf, err = cli.ParseDate("-asof", *asOfText); err != nil {
			p.err.Err("", err)
			return cli.ExitTrouble
		}
	}
	if *maxBytes <= 0 {
		p.err.Err("", cli.BadMaxBytes())
		return cli.ExitTrouble
	}
	files := fs.Args()
	if len(files) == 0 {
		p.err.Err("", cli.NoFiles())
		return cli.ExitTrouble
	}
	if err := cli.CheckStdin(files); err != nil {
		p.err.Err("", err)
		return cli.ExitTrouble
	}

	doc := jsonDoc{AsOf: asOf, Language: loc, Files: []jsonFile{}}
	status := cli.ExitClean
	for _, name := range files {
		f := p.check(name, asOf, *maxBytes)
		doc.Files = append(doc.Files, f)
		status = max(status, f.status)
		if !*asJSON {
			p.text(&f, asOf)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		p.werr = enc.Encode(doc)
	}
	if p.werr != nil {
		p.err.Err("", cli.WriteFailure(p.werr))
		return cli.ExitTrouble
	}
	return status
}

// The JSON document of -json: the day and language of the check and the
// result of each file, with every text in the language.
type jsonDoc struct {
	AsOf     medsec.Date `json:"asOf"`
	Language i18n.Locale `json:"language"`
	Files    []jsonFile  `json:"files"`
}

// jsonFile is the check of one file. Status is "clean", "findings",
// "invalid" (the contract breaks the format or its rules; Errors says
// how) or "unusable" (the file cannot be checked; Problem says why).
type jsonFile struct {
	File     string        `json:"file"`
	Status   string        `json:"status"`
	Problem  string        `json:"problem,omitempty"`
	Errors   []jsonError   `json:"errors,omitempty"`
	Findings []jsonFinding `json:"findings,omitempty"`

	status int // the exit status the file calls for
}

type jsonError struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
}

type jsonFinding struct {
	Severity       contracts.Severity `json:"severity"`
	SeverityText   string             `json:"severityText"`
	Path           string             `json:"path"`
	Rule           string             `json:"rule"`
	Message        string             `json:"message"`
	Citations      []string           `json:"citations"`
	Confidence     medsec.Confidence  `json:"confidence"`
	ConfidenceText string             `json:"confidenceText"`

	cites medsec.Citations // the citations, for text in the reader's language
}

type printer struct {
	l      *i18n.Localizer
	loc    i18n.Locale
	stdin  io.Reader
	stdout io.Writer
	werr   error // the first error writing to stdout
	err    *cli.Printer
}

// notJSON are the rules of decoding errors that say a file is not one
// JSON value at all, rather than a contract with wrong fields.
var notJSON = []string{"syntax", "trailing", "empty", "bom", "size", "depth"}

// check reads, decodes, validates and checks one file.
func (p *printer) check(name string, asOf medsec.Date, maxBytes int64) jsonFile {
	f := jsonFile{File: name}
	unusable := func(err error) jsonFile {
		p.err.Err(name, err)
		var e *cli.Error
		var fes medsec.FieldErrors
		switch {
		case errors.As(err, &e):
			f.Problem = p.l.Format(e.Message)
		case errors.As(err, &fes):
			var ps []string
			for _, fe := range fes {
				if fe.Path != "" {
					ps = append(ps, fe.Path+": "+p.l.Format(fe.Message))
				} else {
					ps = append(ps, p.l.Format(fe.Message))
				}
			}
			f.Problem = strings.Join(ps, "; ")
		default:
			f.Problem = err.Error()
		}
		f.Status, f.status = "unusable", cli.ExitTrouble
		return f
	}
	data, err := cli.ReadFile(name, p.stdin, maxBytes)
	if err != nil {
		return unusable(err)
	}
	c, err := contracts.DecodeBytes(data)
	var fes medsec.FieldErrors
	if err != nil && errors.As(err, &fes) && slices.ContainsFunc(fes, func(e *medsec.FieldError) bool { return slices.Contains(notJSON, e.Rule) }) {
		return unusable(err)
	}
	if err == nil {
		err = contracts.Validate(c)
	}
	if err != nil {
		if !errors.As(err, &fes) {
			return unusable(err)
		}
		for _, e := range fes {
			f.Errors = append(f.Errors, jsonError{Path: e.Path, Rule: e.Rule, Value: e.Value, Message: p.l.Format(e.Message)})
		}
		f.Status, f.status = "invalid", cli.ExitFindings
		return f
	}
	r, err := contracts.Check(c, asOf)
	if err != nil { // the as-of date is checked; nothing else can fail here
		return unusable(err)
	}
	for _, x := range r.Findings {
		cites := append(medsec.Citations{x.Citation}, x.Also...)
		ids := make([]string, len(cites))
		for i, c := range cites {
			ids[i] = c.String()
		}
		f.Findings = append(f.Findings, jsonFinding{Severity: x.Severity, SeverityText: p.l.Format(x.Severity.Message()),
			Path: x.Path, Rule: x.Rule, Message: p.l.Format(x.Message), Citations: ids,
			Confidence: x.Confidence, ConfidenceText: p.l.Format(x.Confidence.Message()), cites: cites})
	}
	f.Status, f.status = "clean", cli.ExitClean
	if !r.Clean() {
		f.Status, f.status = "findings", cli.ExitFindings
	}
	return f
}

// text prints the check of one file; a file that cannot be checked was
// reported on standard error and prints nothing here.
func (p *printer) text(f *jsonFile, asOf medsec.Date) {
	if f.status == cli.ExitTrouble {
		return
	}
	p.line("== " + f.File)
	for _, e := range f.Errors {
		path := e.Path
		if path == "" {
			path = "/"
		}
		value := ""
		if e.Value != "" {
			value = fmt.Sprintf("; %q", e.Value)
		}
		p.line(fmt.Sprintf("  [%s] %s: %s [%s%s]", p.l.Format(msgErrorLabel.New()), path, e.Message, e.Rule, value))
	}
	for _, x := range f.Findings {
		p.line(fmt.Sprintf("  [%s] %s: %s", x.SeverityText, x.Path, x.Message))
		p.line("      " + p.l.Format(msgBasis.New(p.l.Citations(x.cites), x.ConfidenceText)))
	}
	if f.Status == "invalid" {
		p.line(p.l.Format(msgErrors.New(len(f.Errors))))
	} else {
		p.line(p.l.Format(msgFindings.New(len(f.Findings), asOf)))
	}
	p.write("\n")
}

// line writes one line of output. Paths, messages and file names carry
// text from the contract file or the command line, so characters that
// could break the line or drive the terminal (line breaks, ESC, other
// controls, direction overrides) are written as visible escapes such as
// \n or \x1b.
func (p *printer) line(s string) { p.write(escape.Text(s) + "\n") }

// write writes s to stdout unless an earlier write failed.
func (p *printer) write(s string) {
	if p.werr == nil {
		_, p.werr = io.WriteString(p.stdout, s)
	}
}
