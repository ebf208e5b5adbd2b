// Command hospital runs the whole of medsec on sample institutions: a
// Chinese tertiary provincial hospital, a Vietnamese provincial hospital and
// a Czech regional hospital. For each it grades every system and the
// institution, lists the applicable duties with their due dates and what
// is missing, checks the role assignments and the vendor contracts, and
// renders the Vietnamese holiday network-security dispatch.
//
// Usage:
//
//	hospital [-asof YYYY-MM-DD] [-lang tag] [-json] [-max-bytes n] [-in file.json ...] [file.json ...]
//
// Without files it runs on the embedded samples. Given files (with -in,
// which may be repeated, or as arguments; "-" reads standard input), it
// runs on each of those institutions instead; the file format is
// documented in testdata/README.md, and the samples in testdata/ are
// examples of it. For example:
//
//	go run ./examples/hospital -asof 2026-11-22 -lang vi
//	go run ./examples/hospital -asof 2026-11-22 -lang cs examples/hospital/testdata/cz-regional-hospital.json
//
// Flags:
//
//	-asof day      evaluate as of the end of this day, YYYY-MM-DD (default:
//	               now; give it for output that can be repeated)
//	-lang tag      the language of the output: en, cs, vi, zh-Hans, zh-Hant,
//	               or a BCP 47 tag or Accept-Language list that matches one;
//	               without it, $LC_ALL, $LC_MESSAGES or $LANG, else English
//	-json          print one JSON document instead of text
//	-in file       an institution file; may be given several times
//	-max-bytes n   the largest file accepted (default 4 MiB)
//	-h             print the usage and exit
//
// Exit status: 0 when no institution has a gap; 1 when some institution
// has one: a duty overdue or without evidence, a role finding of error
// severity, or a vendor contract that is invalid or lacks a required
// clause (due-soon duties, warnings and recommendations do not count);
// 2 for bad usage, for bad input (a file that is missing, unreadable, a
// directory, empty, too large, not UTF-8 text, or that breaks the format
// or the rules, reported with the file and the JSON Pointer of each
// problem), or when the output cannot be written. The embedded samples
// have gaps, by design, so a run on them exits 1.
//
// Everything the program prints is in the -lang language, except the
// usage (-h) and the errors about the command line's syntax, which are in
// English. Text from the input (names, IDs, references) is printed with
// line breaks, terminal escape sequences and other control characters
// shown as escapes such as \n or \x1b, so a file cannot forge a line of
// output or drive the terminal.
package main

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
)

//go:embed testdata/cn-provincial-hospital.json testdata/vn-provincial-hospital.json testdata/cz-regional-hospital.json
var samples embed.FS

var sampleFiles = []string{
	"testdata/cn-provincial-hospital.json",
	"testdata/vn-provincial-hospital.json",
	"testdata/cz-regional-hospital.json",
}

var command = &cli.Command{
	Name:     "hospital",
	Synopsis: "[-asof YYYY-MM-DD] [-lang tag] [-json] [-max-bytes n] [-in file.json ...] [file.json ...]",
	About: "Hospital runs the whole of medsec on institutions: grades, duties and gaps, role checks, vendor\n" +
		"contracts and the holiday dispatch. Without files it runs on three embedded samples; files are\n" +
		"given with -in or as arguments (- reads standard input), in the format of\n" +
		"examples/hospital/testdata/README.md. Usage and command-line errors are in English; everything\n" +
		"else is in the -lang language.",
	Status: [3]string{
		"no institution has a gap",
		"some institution has a gap: a duty overdue or without evidence, a role finding of error severity, an invalid contract or a missing required clause",
		"bad usage; bad input (a file missing, unreadable, empty, not UTF-8, or breaking the format or the rules); or the output cannot be written",
	},
}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, time.Now(), os.Stdin, os.Stdout, os.Stderr))
}

// files is the value of a flag that may be given several times.
type files []string

func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(v string) error { *f = append(*f, v); return nil }

// run is the program; it returns the exit status.
func run(args []string, getenv func(string) string, now time.Time, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := command.NewFlagSet()
	asof := fs.String("asof", "", "evaluate as of the end of this `day`, YYYY-MM-DD (default: now)")
	lang := fs.String("lang", "", "the `language` of the output: en, cs, vi, zh-Hans, zh-Hant or a tag that matches one (default from $LC_ALL, $LC_MESSAGES or $LANG, else en)")
	asJSON := fs.Bool("json", false, "print one JSON document instead of text")
	maxBytes := fs.Int64("max-bytes", maxInputSize, "the largest file accepted, in `bytes`")
	var in files
	fs.Var(&in, "in", "an institution `file` to run on instead of the samples; may be given several times")
	if status, ok := command.Parse(fs, args, stdout, stderr); !ok {
		return status
	}
	cat, err := catalog()
	if err != nil {
		fmt.Fprintf(stderr, "hospital: %v\n", err)
		return cli.ExitTrouble
	}
	locale, err := cli.Locale(cat, *lang, getenv)
	if err != nil {
		command.UsageError(stderr, err.Error())
		return cli.ExitTrouble
	}
	loc := cat.Localizer(locale)
	p := &cli.Printer{Name: command.Name, L: loc, Stderr: stderr}
	at := now
	if *asof != "" {
		d, err := cli.ParseDate("-asof", *asof)
		if err != nil {
			p.Err("", err)
			return cli.ExitTrouble
		}
		// A given day is evaluated at its end, so that everything that
		// happened on it counts.
		at = d.End(time.UTC)
	}
	if *maxBytes <= 0 {
		p.Err("", cli.BadMaxBytes())
		return cli.ExitTrouble
	}
	names := append(in, fs.Args()...)
	if err := cli.CheckStdin(names); err != nil {
		p.Err("", err)
		return cli.ExitTrouble
	}

	inputs, ok := readInputs(names, stdin, *maxBytes, p)
	if !ok {
		return cli.ExitTrouble
	}
	out := &Output{AsOf: medsec.DateOf(at).String(), Language: locale.String(), DataVersion: medsec.DataVersion}
	status := cli.ExitClean
	for _, in := range inputs {
		v, err := evaluate(in.file, in.input, at, loc, locale)
		if err != nil {
			reportInputError(p, err)
			return cli.ExitTrouble
		}
		out.Institutions = append(out.Institutions, *v)
		if v.hasGap() {
			status = cli.ExitFindings
		}
	}

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(out)
	} else {
		err = writeText(stdout, out, loc, medsec.DateOf(at))
	}
	if err != nil {
		p.Err("", cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	return status
}

type namedInput struct {
	file  string
	input *Input
}

// readInputs reads and decodes the named files, or the embedded samples
// when there are none. It reports every file's problems and returns false
// if there was one.
func readInputs(names []string, stdin io.Reader, maxBytes int64, p *cli.Printer) ([]namedInput, bool) {
	if len(names) == 0 {
		var out []namedInput
		for _, name := range sampleFiles {
			data, err := fs.ReadFile(samples, name)
			if err == nil {
				var in *Input
				if in, err = decodeInput(path.Base(name), data); err == nil {
					out = append(out, namedInput{path.Base(name), in})
					continue
				}
			}
			// The samples are checked by the tests; this is a broken build.
			p.Err(name, err)
			return nil, false
		}
		return out, true
	}
	var out []namedInput
	ok := true
	for _, name := range names {
		data, err := cli.ReadFile(name, stdin, maxBytes)
		if err != nil {
			p.Err(name, err)
			ok = false
			continue
		}
		in, err := decodeInput(name, data)
		if err != nil {
			reportInputError(p, err)
			ok = false
			continue
		}
		out = append(out, namedInput{name, in})
	}
	return out, ok
}

// reportInputError prints bad input: each field error with the file and
// the JSON Pointer of its field, in the output language.
func reportInputError(p *cli.Printer, err error) {
	ie, ok := err.(*InputError)
	if !ok {
		p.Err("", err)
		return
	}
	var fes medsec.FieldErrors
	if errors.As(ie.Err, &fes) {
		out := make(medsec.FieldErrors, len(fes))
		for i, fe := range fes {
			c := *fe
			c.Path = ie.Path + fe.Path
			out[i] = &c
		}
		p.FieldErrors(ie.File, out)
		return
	}
	// Every error of the library about input is a FieldErrors; anything
	// else is printed as it is.
	p.Err(ie.File, ie)
}
