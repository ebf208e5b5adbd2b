// Command hospital runs the whole of medsec on sample institutions: a
// Chinese tertiary provincial hospital, a Vietnamese provincial hospital and
// a Czech regional hospital. For each it grades every system and the
// institution, lists the applicable duties with their due dates and what
// is missing, checks the role assignments and the vendor contracts, and
// renders the Vietnamese holiday network-security dispatch.
//
// Usage:
//
//	go run ./examples/hospital [-asof 2026-01-31] [-lang vi] [-json] [-in institution.json]
//
// -lang takes a language tag or an Accept-Language list (en, zh-Hans,
// zh-Hant, vi, cs); without it the language comes from $LANG, else
// English. -in runs on your own institution instead of the samples; the
// file format is documented in testdata/README.md, and the samples in
// testdata/ are examples of it. Bad input is reported with the file and the
// JSON Pointer of the field, and exit status 2. Text from the input (names,
// IDs, references) is printed with line breaks, terminal escape sequences
// and other control characters shown as escapes such as \n or \x1b, so a
// file cannot forge a line of output or drive the terminal.
package main

import (
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
)

//go:embed testdata/cn-provincial-hospital.json testdata/vn-provincial-hospital.json testdata/cz-regional-hospital.json
var samples embed.FS

var sampleFiles = []string{
	"testdata/cn-provincial-hospital.json",
	"testdata/vn-provincial-hospital.json",
	"testdata/cz-regional-hospital.json",
}

func main() { os.Exit(run(os.Args[1:], os.Getenv("LANG"), time.Now(), os.Stdout, os.Stderr)) }

// run is the program; it returns the exit status: 0 on success, 2 on bad
// input or flags, 1 when the output cannot be written.
func run(args []string, envLang string, now time.Time, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hospital", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asof := fs.String("asof", "", "evaluate as of this `date` (YYYY-MM-DD); default now")
	lang := fs.String("lang", "", "output `language`: en, zh-Hans, zh-Hant, vi, cs (default from $LANG, else en)")
	asJSON := fs.Bool("json", false, "print one JSON document instead of text")
	inFile := fs.String("in", "", "run on this institution `file` instead of the embedded samples")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "hospital: unexpected argument %q (use -in FILE for your own institution)\n", fs.Arg(0))
		return 2
	}
	at := now
	if *asof != "" {
		d, err := medsec.ParseDate(*asof)
		if err != nil {
			fmt.Fprintf(stderr, "hospital: -asof: %v\n", err)
			return 2
		}
		// A given day is evaluated at its end, so that everything that
		// happened on it counts.
		at = d.End(time.UTC)
	}
	locale := pickLocale(*lang, envLang)

	cat, err := catalog()
	if err != nil {
		fmt.Fprintf(stderr, "hospital: %v\n", err)
		return 1
	}
	loc := cat.Localizer(locale)

	inputs, err := readInputs(*inFile)
	if err != nil {
		fmt.Fprintf(stderr, "hospital: %s\n", escape.Text(err.Error()))
		return 2
	}
	out := &Output{AsOf: medsec.DateOf(at).String(), Language: locale.String(), DataVersion: medsec.DataVersion}
	for _, in := range inputs {
		v, err := evaluate(in.file, in.input, at, loc, locale)
		if err != nil {
			fmt.Fprintf(stderr, "hospital: %s\n", escape.Text(err.Error()))
			return 2
		}
		out.Institutions = append(out.Institutions, *v)
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
		fmt.Fprintf(stderr, "hospital: writing output: %v\n", err)
		return 1
	}
	return 0
}

// pickLocale chooses the output language: -lang if given, else $LANG
// (POSIX form such as "vi_VN.UTF-8"), else English.
func pickLocale(flagLang, envLang string) i18n.Locale {
	if flagLang != "" {
		l, _, _ := i18n.Match(flagLang)
		return l
	}
	env, _, _ := strings.Cut(envLang, ".")
	env, _, _ = strings.Cut(env, "@")
	if env == "" || env == "C" || env == "POSIX" {
		return i18n.EN
	}
	l, _, _ := i18n.Match(strings.ReplaceAll(env, "_", "-"))
	return l
}

type namedInput struct {
	file  string
	input *Input
}

// readInputs reads the -in file, or the embedded samples.
func readInputs(file string) ([]namedInput, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in, err := decodeInput(file, f)
		if err != nil {
			return nil, err
		}
		return []namedInput{{file, in}}, nil
	}
	var out []namedInput
	for _, name := range sampleFiles {
		f, err := samples.Open(name)
		if err != nil {
			return nil, err
		}
		in, err := decodeInput(path.Base(name), f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("embedded sample is invalid: %w", err)
		}
		out = append(out, namedInput{path.Base(name), in})
	}
	return out, nil
}
