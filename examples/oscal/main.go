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
//	go run ./examples/oscal -out DIR [-asof 2026-11-22] [-lang vi] [-credit=false] [institution.json ...]
//
// The hospitals are the samples of the hospital example (a Chinese,
// a Vietnamese and a Czech hospital; copies in testdata/, in the format
// described in examples/hospital/testdata/README.md), or the institution
// files given as arguments, whose role assignments, contracts and
// holiday dispatch are not read. -asof is the day the gap reports judge,
// at its end in UTC; without it, now. -lang writes the duties' titles and
// statements in one of medsec's languages (en, zh-Hans, zh-Hant, vi, cs).
// With -credit (the default), evidence counts across the mappings: a
// Czech report to NÚKIB meets the NIS2 duty it transposes, and evidence
// that covers a duty only in part says so without meeting it.
//
// The files are named <pack>-catalog.json, <baseline>-profile.json,
// medsec-mappings.json, <institution>-assessment-results.json and
// <institution>-poam.json; the profiles and mappings refer to the
// catalogs by these names. The exit status is 0 on success, 2 on bad
// flags or input (reported with the file and the JSON Pointer of the
// field) and 1 when a file cannot be written.
package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
	"github.com/medsec-go/medsec/obligations"
	"github.com/medsec-go/medsec/oscal"
)

//go:embed testdata/cn-provincial-hospital.json testdata/vn-provincial-hospital.json testdata/cz-regional-hospital.json
var samples embed.FS

var sampleFiles = []string{
	"testdata/cn-provincial-hospital.json",
	"testdata/vn-provincial-hospital.json",
	"testdata/cz-regional-hospital.json",
}

func main() { os.Exit(run(os.Args[1:], time.Now(), os.Stdout, os.Stderr)) }

// run is the program; it returns the exit status.
func run(args []string, now time.Time, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("oscal", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the documents to this `folder` (created if needed); required")
	asof := fs.String("asof", "", "judge the gap reports as of this `date` (YYYY-MM-DD); default now")
	lang := fs.String("lang", "en", "`language` of the duties' texts: en, zh-Hans, zh-Hant, vi, cs")
	credit := fs.Bool("credit", true, "credit evidence across the cross-framework mappings")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "oscal: -out is required: the folder to write the documents to")
		return 2
	}
	at := now
	if *asof != "" {
		d, err := medsec.ParseDate(*asof)
		if err != nil {
			fmt.Fprintf(stderr, "oscal: -asof: %v\n", err)
			return 2
		}
		at = d.End(time.UTC).Truncate(time.Second)
	}
	loc, ok := locale(*lang)
	if !ok {
		fmt.Fprintf(stderr, "oscal: -lang: %q is not one of medsec's languages (en, zh-Hans, zh-Hant, vi, cs)\n", escape.Text(*lang))
		return 2
	}
	opts := oscal.Options{}
	if loc != i18n.EN {
		opts = oscal.Options{Text: i18n.DefaultCatalog().Localizer(loc).Format, Locale: loc.String()}
	}
	inputs, err := readInputs(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "oscal: %s\n", escape.Text(err.Error()))
		return 2
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "oscal: %v\n", err)
		return 1
	}
	w := &writer{dir: *out, stdout: stdout}
	c := obligations.DefaultCatalog()
	for _, p := range oscal.Catalogs(c) {
		w.file(p+"-catalog.json", func(b io.Writer) error { return oscal.WriteCatalog(b, p, opts) })
	}
	for _, b := range oscal.Baselines() {
		w.file(b.String()+"-profile.json", func(f io.Writer) error { return oscal.WriteProfile(f, b, opts) })
	}
	w.file("medsec-mappings.json", func(f io.Writer) error { return oscal.WriteMappingCollection(f, c.Mappings(), "medsec", opts) })
	for _, in := range inputs {
		p, err := profile(in.file, in.input, at)
		if err != nil {
			fmt.Fprintf(stderr, "oscal: %s\n", escape.Text(err.Error()))
			return 2
		}
		o := obligations.Options{AsOf: medsec.DateOf(at), Now: at}
		if *credit {
			o.Mappings = c.Mappings()
		}
		r, err := c.GapReport(p, in.input.Evidence, o)
		if err != nil {
			fmt.Fprintf(stderr, "oscal: %s: %s\n", in.file, escape.Text(err.Error()))
			return 2
		}
		name := fileName(p.Institution.ID)
		w.file(name+"-assessment-results.json", func(f io.Writer) error { return oscal.WriteAssessmentResults(f, r, p, at, opts) })
		w.file(name+"-poam.json", func(f io.Writer) error { return oscal.WritePOAM(f, r, p, at, opts) })
	}
	if w.err != nil {
		fmt.Fprintf(stderr, "oscal: %s\n", escape.Text(w.err.Error()))
		if errors.Is(w.err, medsec.ErrInvalidInput) {
			return 2
		}
		return 1
	}
	return 0
}

// writer writes documents into a folder, one file each, and says what it
// wrote. The first error stops it.
type writer struct {
	dir    string
	stdout io.Writer
	err    error
}

func (w *writer) file(name string, write func(io.Writer) error) {
	if w.err != nil {
		return
	}
	var b bytes.Buffer
	err := write(&b)
	if errors.Is(err, oscal.ErrNothingToPlan) {
		fmt.Fprintf(w.stdout, "skipped %s: nothing is overdue or missing evidence, so there is nothing to plan\n", escape.Text(name))
		return
	}
	if err != nil {
		w.err = fmt.Errorf("%s: %w", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(w.dir, name), b.Bytes(), 0o644); err != nil {
		w.err = err
		return
	}
	fmt.Fprintf(w.stdout, "wrote %s (%d bytes)\n", escape.Text(name), b.Len())
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

func locale(tag string) (i18n.Locale, bool) {
	for _, l := range i18n.DefaultCatalog().Locales() {
		if strings.EqualFold(l.String(), tag) {
			return l, true
		}
	}
	return "", false
}

// Input is an institution file of the hospital example: the institution,
// its grading input, its systems, incidents and evidence. The other
// records of that format are accepted and not read.
type Input struct {
	Institution     grading.Institution    `json:"institution"`
	NIS2            *grading.NIS2Input     `json:"nis2,omitempty"`
	CZ              *grading.CZInput       `json:"cz,omitempty"`
	Systems         []SystemInput          `json:"systems"`
	Incidents       []obligations.Incident `json:"incidents,omitempty"`
	Evidence        []obligations.Evidence `json:"evidence,omitempty"`
	Assignments     json.RawMessage        `json:"assignments,omitempty"`
	Contracts       json.RawMessage        `json:"contracts,omitempty"`
	HolidayDispatch json.RawMessage        `json:"holidayDispatch,omitempty"`
}

// SystemInput is one information system with its grading input.
type SystemInput struct {
	ID     string                       `json:"id"`
	Name   string                       `json:"name"`
	Flags  []medsec.Flag                `json:"flags,omitempty"`
	Events map[medsec.Event]medsec.Date `json:"events,omitempty"`
	MLPS   *grading.MLPSInput           `json:"mlps,omitempty"`
	VN     *grading.VNInput             `json:"vn,omitempty"`
}

// maxInputSize bounds an institution file.
const maxInputSize = 4 << 20

var inputDecoder = strictjson.New(strictjson.Config{})

type namedInput struct {
	file  string
	input *Input
}

// readInputs reads the given files, or the embedded samples.
func readInputs(files []string) ([]namedInput, error) {
	var out []namedInput
	read := func(name string, r io.Reader) error {
		data, tooLarge, err := strictjson.ReadAll(r, maxInputSize)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if tooLarge {
			return fmt.Errorf("%s: %w", name, fielderr.TooLarge(maxInputSize, medsec.ErrInvalidInput))
		}
		var in Input
		if errs := inputDecoder.Unmarshal(data, &in); errs != nil {
			return fmt.Errorf("%s: %w", name, fielderr.FromJSON(errs, medsec.ErrInvalidInput))
		}
		out = append(out, namedInput{name, &in})
		return nil
	}
	if len(files) == 0 {
		for _, name := range sampleFiles {
			f, err := samples.Open(name)
			if err != nil {
				return nil, err
			}
			err = read(path.Base(name), f)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("embedded sample is invalid: %w", err)
			}
		}
		return out, nil
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		err = read(name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// profile grades the institution and its systems as of at and returns
// the profile the gap report needs.
func profile(file string, in *Input, at time.Time) (*obligations.Profile, error) {
	opts := grading.Options{AsOf: medsec.DateOf(at)}
	bad := func(p string, err error) error { return fmt.Errorf("%s: %s: %w", file, p, err) }
	inst := in.Institution.Clone()
	if in.NIS2 != nil {
		n := *in.NIS2
		if n.Entity == "" {
			n.Entity = inst.Name
		}
		r, err := grading.NIS2(n, opts)
		if err != nil {
			return nil, bad("/nis2", err)
		}
		inst.NIS2, inst.Size = r.Class, r.Size
	}
	if in.CZ != nil {
		c := *in.CZ
		if c.Entity == "" {
			c.Entity = inst.Name
		}
		r, err := grading.Czech(c, opts)
		if err != nil {
			return nil, bad("/cz", err)
		}
		inst.CZ = r.Regime
	}
	p := &obligations.Profile{Institution: inst, Incidents: in.Incidents}
	for i, s := range in.Systems {
		at := "/systems/" + strconv.Itoa(i)
		sys := grading.System{ID: s.ID, Name: s.Name, Flags: s.Flags, Events: s.Events}
		if s.MLPS != nil {
			m := *s.MLPS
			m.System = s.ID
			r, err := grading.MLPS(m, opts)
			if err != nil {
				return nil, bad(at+"/mlps", err)
			}
			sys.MLPS = r.Level
		}
		if s.VN != nil {
			v := *s.VN
			v.System = s.ID
			r, err := grading.Vietnam(v, opts)
			if err != nil {
				return nil, bad(at+"/vn", err)
			}
			sys.VN = r.Level
		}
		p.Institution.Systems = append(p.Institution.Systems, sys)
	}
	if err := p.Validate(nil); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return p, nil
}
