// Command helpmatch matches offers of cybersecurity help to the healthcare
// providers who need them most, as the Czech Ministry of Health's action
// committee did after the attack on Brno University Hospital in March
// 2020, and prints the assignments, or the catalogue of offers and the
// announcement that links to it.
//
// Usage:
//
//	helpmatch [-lang tag] [-asof YYYY-MM-DD] [-json | -notice catalogue|announcement [-format f]] [-max-bytes n] file.json ...
//
// Each file holds offers ({"offers": [...]}), needs ({"needs": [...]}) or
// the committee's description ({"committee": {...}}), in the formats of
// package assist; its JSON Schemas are in assist/schema. A file named "-"
// is read from standard input. assist/testdata holds a sample of each:
//
//	go run ./examples/helpmatch -asof 2026-03-20 -lang cs assist/testdata/*.json
//	go run ./examples/helpmatch -asof 2026-03-20 -notice catalogue -format html assist/testdata/*.json
//
// Flags:
//
//	-lang tag        the language of the output: en, cs, vi, zh-Hans, zh-Hant,
//	                 or a BCP 47 tag or Accept-Language list that matches one;
//	                 without it, $LC_ALL, $LC_MESSAGES or $LANG, else English
//	-asof date       the day of the matching, YYYY-MM-DD: offers that do not
//	                 stand on it are left out (default: today; give it for
//	                 output that can be repeated)
//	-json            print the matching as JSON, with the texts in -lang
//	-notice kind     print a notice instead of the matching: catalogue (the
//	                 offers that stand on -asof) or announcement (the news item
//	                 that links to the catalogue); needs a committee file
//	-format f        the notice's format: text, markdown or html (default text)
//	-max-bytes n     the largest file accepted (default 8 MiB)
//	-h               print the usage and exit
//
// The matching follows medsec's proposed policy (see assist.Match): needs
// under attack first, then recovering, then preparing; within each,
// essential entities before important ones before the others; no offer
// beyond its capacity; region and language respected.
//
// Exit status: 0 when every request was matched (or the notice was
// printed); 1 when some request found no offer; 2 for bad usage, for bad
// input (a file that is missing, unreadable, a directory, empty, larger
// than -max-bytes, not UTF-8 text, or that breaks the format, with the
// file and the JSON Pointer of each problem), or when the output cannot
// be written. Errors go to standard error as "helpmatch: file: problem".
//
// Everything the program prints is in the -lang language, except the
// usage (-h) and the errors about the command line's syntax, which are in
// English.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/assist"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
)

var command = &cli.Command{
	Name:     "helpmatch",
	Synopsis: "[-lang tag] [-asof YYYY-MM-DD] [-json | -notice catalogue|announcement [-format f]] [-max-bytes n] file.json ...",
	About: "Helpmatch matches offers of cybersecurity help to the healthcare providers who need them most,\n" +
		"or prints the catalogue of offers or its announcement. Files hold offers, needs or the committee\n" +
		"(the formats of package assist); - reads standard input. Usage and command-line errors are in\n" +
		"English; everything else is in the -lang language.",
	Status: [3]string{
		"every request was matched, or the notice was printed",
		"some request found no offer",
		"bad usage; bad input (a file missing, unreadable, empty, not UTF-8, or breaking the format); or the output cannot be written",
	},
}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	loc      i18n.Locale
	asOf     medsec.Date
	json     bool
	notice   assist.NoticeKind
	format   i18n.Format
	maxBytes int64
	files    []string
}

// run is the whole program, minus os.Exit, so that tests can call it.
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cat, err := catalog()
	if err != nil {
		fmt.Fprintln(stderr, "helpmatch:", err)
		return cli.ExitTrouble
	}
	cfg, l, status, ok := parseFlags(cat, args, getenv, stdout, stderr)
	if !ok {
		return status
	}
	p := &program{cfg: cfg, l: l, stdin: stdin, stdout: stdout, stderr: stderr,
		errs: &cli.Printer{Name: command.Name, L: l, Stderr: stderr}}
	return p.run()
}

func parseFlags(cat *i18n.Catalog, args []string, getenv func(string) string, stdout, stderr io.Writer) (cfg config, l *i18n.Localizer, status int, ok bool) {
	fs := command.NewFlagSet()
	lang := fs.String("lang", "", "the `language` of the output: en, cs, vi, zh-Hans, zh-Hant or a tag that matches one (default from $LC_ALL, $LC_MESSAGES or $LANG, else en)")
	asOf := fs.String("asof", "", "the `day` of the matching, YYYY-MM-DD (default: today)")
	fs.BoolVar(&cfg.json, "json", false, "print the matching as JSON, with the texts in -lang")
	notice := fs.String("notice", "", "print a notice instead of the matching: catalogue or announcement")
	format := fs.String("format", "text", "the notice's `format`: text, markdown or html")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", assist.DefaultMaxBytes, "the largest file accepted, in `bytes`")
	if status, ok := command.Parse(fs, args, stdout, stderr); !ok {
		return cfg, nil, status, false
	}
	var err error
	if cfg.loc, err = cli.Locale(cat, *lang, getenv); err != nil {
		command.UsageError(stderr, err.Error())
		return cfg, nil, cli.ExitTrouble, false
	}
	l = cat.Localizer(cfg.loc)
	errs := &cli.Printer{Name: command.Name, L: l, Stderr: stderr}
	fail := func(err error) (config, *i18n.Localizer, int, bool) {
		errs.Err("", err)
		return cfg, l, cli.ExitTrouble, false
	}
	failMsg := func(m medsec.Message) (config, *i18n.Localizer, int, bool) {
		errs.Error("", m)
		return cfg, l, cli.ExitTrouble, false
	}
	cfg.asOf = medsec.Today()
	if *asOf != "" {
		if cfg.asOf, err = cli.ParseDate("-asof", *asOf); err != nil {
			return fail(err)
		}
	}
	if *notice != "" {
		if err := cfg.notice.UnmarshalText([]byte(*notice)); err != nil {
			return failMsg(msgBadNotice.New(*notice))
		}
		if cfg.json {
			return failMsg(msgJSONAndNotice.New())
		}
	}
	if cfg.format, err = i18n.ParseFormat(*format); err != nil {
		return failMsg(msgBadFormat.New(*format))
	}
	if cfg.maxBytes <= 0 {
		return fail(cli.BadMaxBytes())
	}
	cfg.files = fs.Args()
	if len(cfg.files) == 0 {
		return fail(cli.NoFiles())
	}
	if err := cli.CheckStdin(cfg.files); err != nil {
		return fail(err)
	}
	return cfg, l, 0, true
}

type program struct {
	cfg    config
	l      *i18n.Localizer
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	errs   *cli.Printer

	offers    []assist.Offer
	needs     []assist.Need
	committee *assist.Committee
	// origins maps the place of each offer and need in the combined
	// lists back to its file, for error messages.
	offerOrigin, needOrigin []origin
}

type origin struct {
	file  string
	index int
}

func (p *program) run() int {
	if !p.load() {
		return cli.ExitTrouble
	}
	if p.cfg.notice.Valid() {
		return p.printNotice()
	}
	res, err := assist.Match(p.offers, p.needs, assist.Options{AsOf: p.cfg.asOf})
	if err != nil {
		p.reportMatchError(err)
		return cli.ExitTrouble
	}
	if p.cfg.json {
		err = p.printJSON(res)
	} else {
		err = p.printText(res)
	}
	if err != nil {
		p.errs.Err("", cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	if !res.Clean() {
		return cli.ExitFindings
	}
	return cli.ExitClean
}

// load reads every file; it reports every problem of every file and
// returns false if there was one.
func (p *program) load() bool {
	ok := true
	for _, name := range p.cfg.files {
		doc, err := p.decode(name)
		if err != nil {
			ok = false
			p.errs.Err(name, err)
			continue
		}
		for i := range doc.Offers {
			p.offerOrigin = append(p.offerOrigin, origin{name, i})
		}
		for i := range doc.Needs {
			p.needOrigin = append(p.needOrigin, origin{name, i})
		}
		p.offers = append(p.offers, doc.Offers...)
		p.needs = append(p.needs, doc.Needs...)
		if doc.Committee != nil {
			if p.committee != nil {
				p.errs.Error(name, msgTwoCommittees.New())
				ok = false
			}
			p.committee = doc.Committee
		}
	}
	return ok
}

// decode reads one file (or standard input for "-") and decodes it.
func (p *program) decode(name string) (*assist.Document, error) {
	data, err := cli.ReadFile(name, p.stdin, p.cfg.maxBytes)
	if err != nil {
		return nil, err
	}
	return assist.DecodeBytes(data)
}

// fieldError prints one error of a file's data with its JSON Pointer.
func (p *program) fieldError(file, path string, m medsec.Message) {
	if path == "" {
		path = "/"
	}
	p.errs.FieldErrors(file, medsec.FieldErrors{{Path: path, Message: m}})
}

var listPath = regexp.MustCompile(`^/(offers|needs)/([0-9]+)(/.*)?$`)

// reportMatchError prints the errors of Match with the file and the path
// within it of each offer or need.
func (p *program) reportMatchError(err error) {
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) {
		p.errs.Err("", err)
		return
	}
	for _, fe := range fes {
		file, path := "-asof", fe.Path
		if m := listPath.FindStringSubmatch(fe.Path); m != nil {
			i, _ := strconv.Atoi(m[2])
			origins := p.offerOrigin
			if m[1] == "needs" {
				origins = p.needOrigin
			}
			if i < len(origins) {
				file, path = origins[i].file, "/"+m[1]+"/"+strconv.Itoa(origins[i].index)+m[3]
			}
		}
		p.fieldError(file, path, fe.Message)
	}
}

func (p *program) printNotice() int {
	if p.committee == nil {
		p.errs.Error("", msgNoCommittee.New())
		return cli.ExitTrouble
	}
	cat, err := assist.NewCatalogue(*p.committee, p.cfg.asOf, p.offers)
	if err != nil {
		p.reportMatchError(err)
		return cli.ExitTrouble
	}
	out, err := cat.Render(p.cfg.notice, p.l, p.cfg.format)
	if err != nil {
		p.errs.Err("", err)
		return cli.ExitTrouble
	}
	if _, err := io.WriteString(p.stdout, out); err != nil {
		p.errs.Err("", cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	return cli.ExitClean
}

func (p *program) printText(res *assist.Result) error {
	var b strings.Builder
	l := p.l
	line := func(indent string, m medsec.Message) { b.WriteString(indent + l.Format(m) + "\n") }
	line("", msgTitle.New(res.AsOf(), msgCountNeeds.New(len(p.needs)), msgCountOffers.New(len(p.offers))))
	as, us, unused := res.Assignments(), res.Unmatched(), res.Unused()
	b.WriteString("\n")
	line("", msgSectionAssignments.New())
	if len(as) == 0 {
		line("  ", msgNone.New())
	}
	for _, a := range as {
		b.WriteString("\n")
		line("", msgAssignment.New(a.Rank, a.Need, a.Provider, a.Service.Message(), a.Offer, a.Offerer, a.Mode.Message()))
		for _, r := range a.Reasons {
			line("    ", r)
		}
		cites := make([]string, len(a.Basis))
		for i, c := range a.Basis {
			cites[i] = c.String()
		}
		line("    ", msgBasis.New(strings.Join(cites, "; ")))
	}
	b.WriteString("\n")
	line("", msgSectionUnmatched.New())
	if len(us) == 0 {
		line("  ", msgNone.New())
	}
	for _, u := range us {
		b.WriteString("\n")
		line("", msgUnmatched.New(u.Rank, u.Need, u.Provider, u.Service.Message(), msgCountPersonDays.New(u.PersonDays)))
		for _, r := range u.Reasons {
			line("    ", r)
		}
	}
	b.WriteString("\n")
	line("", msgSectionUnused.New())
	if len(unused) == 0 {
		line("  ", msgNone.New())
	}
	for _, u := range unused {
		b.WriteString("\n")
		line("", msgUnused.New(u.Offer, u.Offerer))
		for _, r := range u.Reasons {
			line("    ", r)
		}
	}
	b.WriteString("\n")
	line("", msgSummary.New(msgCountAssignments.New(len(as)), msgCountUnmatched.New(len(us)), msgCountUnused.New(len(unused))))
	_, err := io.WriteString(p.stdout, b.String())
	return err
}

// The JSON report: the result with every text in the chosen language.
type jsonReport struct {
	AsOf        medsec.Date        `json:"asOf"`
	Language    i18n.Locale        `json:"language"`
	Order       []assist.Criterion `json:"order"`
	Assignments []jsonAssignment   `json:"assignments"`
	Unmatched   []jsonUnmatched    `json:"unmatched"`
	Unused      []jsonUnused       `json:"unused"`
}

type jsonAssignment struct {
	Rank        int            `json:"rank"`
	Need        string         `json:"need"`
	Provider    string         `json:"provider"`
	Service     assist.Service `json:"service"`
	ServiceName string         `json:"serviceName"`
	Offer       string         `json:"offer"`
	Offerer     string         `json:"offerer"`
	Mode        assist.Mode    `json:"mode"`
	PersonDays  int            `json:"personDays"`
	Reasons     []string       `json:"reasons"`
	Basis       []string       `json:"basis"`
}

type jsonUnmatched struct {
	Rank        int            `json:"rank"`
	Need        string         `json:"need"`
	Provider    string         `json:"provider"`
	Service     assist.Service `json:"service"`
	ServiceName string         `json:"serviceName"`
	PersonDays  int            `json:"personDays"`
	Reasons     []string       `json:"reasons"`
}

type jsonUnused struct {
	Offer   string   `json:"offer"`
	Offerer string   `json:"offerer"`
	Reasons []string `json:"reasons"`
}

func (p *program) texts(ms []medsec.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = p.l.Format(m)
	}
	return out
}

func (p *program) printJSON(res *assist.Result) error {
	r := jsonReport{AsOf: res.AsOf(), Language: p.cfg.loc, Order: res.Order(),
		Assignments: []jsonAssignment{}, Unmatched: []jsonUnmatched{}, Unused: []jsonUnused{}}
	for _, a := range res.Assignments() {
		basis := make([]string, len(a.Basis))
		for i, c := range a.Basis {
			basis[i] = c.String()
		}
		r.Assignments = append(r.Assignments, jsonAssignment{a.Rank, a.Need, a.Provider, a.Service, p.l.Format(a.Service.Message()),
			a.Offer, a.Offerer, a.Mode, a.PersonDays, p.texts(a.Reasons), basis})
	}
	for _, u := range res.Unmatched() {
		r.Unmatched = append(r.Unmatched, jsonUnmatched{u.Rank, u.Need, u.Provider, u.Service, p.l.Format(u.Service.Message()), u.PersonDays, p.texts(u.Reasons)})
	}
	for _, u := range res.Unused() {
		r.Unused = append(r.Unused, jsonUnused{u.Offer, u.Offerer, p.texts(u.Reasons)})
	}
	enc := json.NewEncoder(p.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
