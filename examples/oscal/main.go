// Command oscal writes medsec's law and the sample hospitals' gap reports
// as NIST OSCAL 1.2.2 documents into a folder: the catalog of each pack,
// a profile per baseline (MLPS and Vietnamese levels 1-5, NIS2 essential
// and important entities, the Czech higher and lower regimes), the
// cross-framework mapping collection, and for each hospital its
// assessment results and, when something is overdue or missing evidence,
// its plan of action and milestones.
//
// Usage:
//
//	oscal -out DIR [-asof YYYY-MM-DD] [-lang tag] [-credit=false] [-json] [-max-bytes n] [institution.json ...]
//
// For example:
//
//	go run ./examples/oscal -out oscal-docs -asof 2026-11-22 -lang vi
//
// The hospitals are the samples of the hospital example (a Chinese,
// a Vietnamese and a Czech hospital; copies in testdata/, in the format
// described in examples/hospital/testdata/README.md), or the institution
// files given as arguments, whose role assignments, contracts and
// holiday dispatch are not read; a file named "-" is standard input.
// Every file is read, graded and judged before anything is written, so
// bad input writes no document.
//
// Flags:
//
//	-out dir      write the documents to this folder (created if needed);
//	              required
//	-asof date    the day the gap reports judge, YYYY-MM-DD, at its end in
//	              UTC (default: now; give it for documents that can be
//	              repeated byte for byte)
//	-lang tag     the language of the duties' titles and statements and of
//	              the messages: en, cs, vi, zh-Hans, zh-Hant, or a BCP 47 tag
//	              or Accept-Language list that matches one; without it,
//	              $LC_ALL, $LC_MESSAGES or $LANG, else English
//	-credit       credit evidence across the cross-framework mappings
//	              (default true): a Czech report to NÚKIB meets the NIS2
//	              duty it transposes, and evidence that covers a duty only
//	              in part says so without meeting it
//	-json         print the list of documents written and skipped as one
//	              JSON document instead of a line each; the documents
//	              themselves are OSCAL JSON whatever the flag
//	-max-bytes n  the largest institution file accepted (default 4 MiB)
//	-h            print the usage and exit
//
// The files are named <pack>-catalog.json, <baseline>-profile.json,
// medsec-mappings.json, <institution>-assessment-results.json and
// <institution>-poam.json; the profiles and mappings refer to the
// catalogs by these names. The program prints a line for each file it
// writes, and for each plan of action it skips because there is nothing
// to plan.
//
// Exit status: 0 when every document was written and no institution has
// anything overdue or missing evidence; 1 when every document was written
// and some institution has (its plan of action and milestones says what);
// 2 for bad usage, for an institution file that cannot be read or breaks
// its format or rules (reported as "oscal: file: JSON Pointer: problem";
// the other files are still checked), or when a document cannot be
// written.
//
// Everything the program prints is in the -lang language, except the
// usage (-h) and the errors about the command line's syntax, which are in
// English.
package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
	"github.com/medsec-go/medsec/oscal"
)

var command = &cli.Command{
	Name:     "oscal",
	Synopsis: "-out DIR [-asof YYYY-MM-DD] [-lang tag] [-credit=false] [-json] [-max-bytes n] [institution.json ...]",
	About: "Oscal writes medsec's law and the gap reports of the sample hospitals, or of the institution files\n" +
		"given (- reads standard input), as NIST OSCAL 1.2.2 documents (JSON) into the -out folder. Usage\n" +
		"and command-line errors are in English; everything else is in the -lang language.",
	Status: [3]string{
		"every document was written; no institution has anything overdue or missing evidence",
		"every document was written; some institution has something overdue or missing evidence",
		"bad usage; an institution file that cannot be read or breaks its format or rules; or a document cannot be written",
	},
}

//go:embed locales/*.json
var localeFiles embed.FS

// The program's own messages; their translations are in locales/*.json.
var (
	msgWrote   = medsec.MessageTemplate{Key: "oscal.wrote", Format: "wrote %s (%s bytes)"}
	msgSkipped = medsec.MessageTemplate{Key: "oscal.skipped", Format: "skipped %s: nothing is overdue or missing evidence, so there is nothing to plan"}
	msgNoOut   = medsec.MessageTemplate{Key: "oscal.error.no-out", Format: "-out is required: give the folder to write the documents to"}
)

// messageTemplates lists the program's messages and those of package cli,
// for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return append([]medsec.MessageTemplate{msgWrote, msgSkipped, msgNoOut}, cli.MessageTemplates()...)
}

//go:embed testdata/cn-provincial-hospital.json testdata/vn-provincial-hospital.json testdata/cz-regional-hospital.json
var samples embed.FS

var sampleFiles = []string{
	"testdata/cn-provincial-hospital.json",
	"testdata/vn-provincial-hospital.json",
	"testdata/cz-regional-hospital.json",
}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, time.Now(), os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, minus os.Exit, so tests can call it.
func run(args []string, getenv func(string) string, now time.Time, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := command.NewFlagSet()
	out := fset.String("out", "", "write the documents to this `folder` (created if needed); required")
	asof := fset.String("asof", "", "judge the gap reports as of the end of this `day` (YYYY-MM-DD) in UTC (default: now)")
	lang := fset.String("lang", "", "the `language` of the duties' texts and the messages: en, cs, vi, zh-Hans, zh-Hant or a tag that matches one (default from $LC_ALL, $LC_MESSAGES or $LANG, else en)")
	credit := fset.Bool("credit", true, "credit evidence across the cross-framework mappings")
	asJSON := fset.Bool("json", false, "print the list of documents as one JSON document (the documents are OSCAL JSON anyway)")
	maxBytes := fset.Int64("max-bytes", maxInputSize, "the largest institution file accepted, in `bytes`")
	if status, ok := command.Parse(fset, args, stdout, stderr); !ok {
		return status
	}
	cat, err := cli.Catalog(localeFiles)
	if err != nil {
		fmt.Fprintln(stderr, "oscal:", err)
		return cli.ExitTrouble
	}
	loc, err := cli.Locale(cat, *lang, getenv)
	if err != nil {
		command.UsageError(stderr, err.Error())
		return cli.ExitTrouble
	}
	l := cat.Localizer(loc)
	p := &cli.Printer{Name: command.Name, L: l, Stderr: stderr}
	if *out == "" {
		p.Error("", msgNoOut.New())
		return cli.ExitTrouble
	}
	at := now
	if *asof != "" {
		d, err := cli.ParseDate("-asof", *asof)
		if err != nil {
			p.Err("", err)
			return cli.ExitTrouble
		}
		at = d.End(time.UTC).Truncate(time.Second)
	}
	if *maxBytes <= 0 {
		p.Err("", cli.BadMaxBytes())
		return cli.ExitTrouble
	}
	if err := cli.CheckStdin(fset.Args()); err != nil {
		p.Err("", err)
		return cli.ExitTrouble
	}
	opts := oscal.Options{}
	if loc != i18n.EN {
		opts = oscal.Options{Text: l.Format, Locale: loc.String()}
	}

	// Read, grade and judge every institution before writing anything.
	c := obligations.DefaultCatalog()
	o := obligations.Options{AsOf: medsec.DateOf(at), Now: at}
	if *credit {
		o.Mappings = c.Mappings()
	}
	type judged struct {
		profile *obligations.Profile
		report  *obligations.Report
	}
	var insts []judged
	ok := true
	for _, in := range readInputs(fset.Args(), stdin, *maxBytes, p) {
		if in.input == nil {
			ok = false
			continue
		}
		prof, _, err := in.input.Profile(nil, grading.Options{AsOf: medsec.DateOf(at)})
		if err == nil {
			var r *obligations.Report
			if r, err = c.GapReport(prof, in.input.Evidence, o); err == nil {
				insts = append(insts, judged{prof, r})
				continue
			}
		}
		p.Err(in.file, err)
		ok = false
	}
	if !ok {
		return cli.ExitTrouble
	}

	if err := os.MkdirAll(*out, 0o755); err != nil {
		p.Err(*out, cli.WriteFailure(reason(err)))
		return cli.ExitTrouble
	}
	w := &writer{dir: *out, l: l, json: *asJSON, stdout: stdout}
	for _, pack := range oscal.Catalogs(c) {
		w.file(pack+"-catalog.json", func(b io.Writer) error { return oscal.WriteCatalog(b, pack, opts) })
	}
	for _, b := range oscal.Baselines() {
		w.file(b.String()+"-profile.json", func(f io.Writer) error { return oscal.WriteProfile(f, b, opts) })
	}
	w.file("medsec-mappings.json", func(f io.Writer) error { return oscal.WriteMappingCollection(f, c.Mappings(), "medsec", opts) })
	status := cli.ExitClean
	for _, in := range insts {
		name := fileName(in.profile.Institution.ID)
		w.file(name+"-assessment-results.json", func(f io.Writer) error {
			return oscal.WriteAssessmentResults(f, in.report, in.profile, at, opts)
		})
		if w.file(name+"-poam.json", func(f io.Writer) error { return oscal.WritePOAM(f, in.report, in.profile, at, opts) }) {
			status = cli.ExitFindings
		}
	}
	if w.err == nil && *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		w.werr = enc.Encode(jsonDoc{AsOf: medsec.DateOf(at), Language: loc, Folder: *out, Files: w.files})
	}
	switch {
	case w.err != nil:
		p.Err(w.errFile, w.err)
		return cli.ExitTrouble
	case w.werr != nil:
		p.Err("", cli.WriteFailure(w.werr))
		return cli.ExitTrouble
	}
	return status
}

// reason returns the operating system's reason of a path error, without
// the operation and the path ("permission denied").
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// The JSON document of -json: the day and language of the documents, the
// folder, and each document written or skipped.
type jsonDoc struct {
	AsOf     medsec.Date `json:"asOf"`
	Language i18n.Locale `json:"language"`
	Folder   string      `json:"folder"`
	Files    []jsonFile  `json:"files"`
}

// jsonFile is one document: Status is "written", with its size, or
// "skipped", with the reason in the language of the output.
type jsonFile struct {
	File   string `json:"file"`
	Status string `json:"status"`
	Bytes  int    `json:"bytes,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// writer writes documents into a folder, one file each, and says what it
// wrote: a line each, or with json an entry of files. The first error
// stops it.
type writer struct {
	dir     string
	l       *i18n.Localizer
	json    bool
	stdout  io.Writer
	files   []jsonFile
	err     error  // the first error writing a document
	errFile string // the document of err
	werr    error  // the first error writing to stdout
}

// file writes the document name and reports whether it was written (not
// skipped, not failed).
func (w *writer) file(name string, write func(io.Writer) error) bool {
	if w.err != nil {
		return false
	}
	var b bytes.Buffer
	err := write(&b)
	if errors.Is(err, oscal.ErrNothingToPlan) {
		m := msgSkipped.New(name)
		w.files = append(w.files, jsonFile{File: name, Status: "skipped", Reason: w.l.Format(m)})
		w.line(m)
		return false
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(w.dir, name), b.Bytes(), 0o644)
		if err != nil {
			err = cli.WriteFailure(reason(err))
		}
	}
	if err != nil {
		w.err, w.errFile = err, filepath.Join(w.dir, name)
		return false
	}
	w.files = append(w.files, jsonFile{File: name, Status: "written", Bytes: b.Len()})
	// The size in plain digits, as a document is never one byte long
	// and digit grouping would vary with the language.
	w.line(msgWrote.New(name, strconv.Itoa(b.Len())))
	return true
}

// line prints m unless the output is JSON or an earlier write failed.
// The names in it are made of safe characters (see fileName).
func (w *writer) line(m medsec.Message) {
	if !w.json && w.werr == nil {
		_, w.werr = io.WriteString(w.stdout, w.l.Format(m)+"\n")
	}
}

// fileName makes an institution ID safe as part of a file name.
func fileName(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 || strings.Trim(b.String(), ".") == "" {
		return "institution"
	}
	return b.String()
}

// Input is an institution file of the hospital example: medsec's records
// of the institution ([obligations.Records]: its grading inputs, systems,
// incidents, evidence and role assignments), and the members of that
// format that are the hospital example's own, accepted and not read.
type Input struct {
	obligations.Records
	Own
}

// Own holds the members of the hospital example's format that this
// program does not read.
type Own struct {
	Contracts       json.RawMessage `json:"contracts,omitempty"`
	HolidayDispatch json.RawMessage `json:"holidayDispatch,omitempty"`
}

// maxInputSize is the default bound of an institution file (-max-bytes).
const maxInputSize = obligations.DefaultMaxBytes

// namedInput is an institution file and what it holds: nil when it could
// not be read or decoded (the error is reported).
type namedInput struct {
	file  string
	input *Input
}

// readInputs reads and decodes the given files ("-" is stdin), or the
// embedded samples when there are none. Each file that cannot be read or
// decoded is reported with p and comes back with a nil input.
func readInputs(files []string, stdin io.Reader, maxBytes int64, p *cli.Printer) []namedInput {
	var out []namedInput
	decode := func(name string, data []byte, err error) {
		var in Input
		if err == nil {
			var rec *obligations.Records
			rec, err = obligations.DecodeRecords(bytes.NewReader(data), obligations.WithMembers(&in.Own),
				obligations.WithMaxBytes(int64(len(data))))
			if err == nil {
				in.Records = *rec
			}
		}
		if err != nil {
			p.Err(name, err)
			out = append(out, namedInput{file: name})
			return
		}
		out = append(out, namedInput{name, &in})
	}
	if len(files) == 0 {
		for _, name := range sampleFiles {
			data, err := samples.ReadFile(name)
			decode(path.Base(name), data, err)
		}
		return out
	}
	for _, name := range files {
		data, err := cli.ReadFile(name, stdin, maxBytes)
		decode(name, data, err)
	}
	return out
}
