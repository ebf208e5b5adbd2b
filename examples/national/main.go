// Command national evaluates a country's health institutions in bulk, as
// a national platform would: it generates -n hospitals of -systems
// information systems each, evaluates every one against the law of the
// embedded packs with obligations.Catalog.WriteJSONLines, and writes each
// gap report as one line of JSON (JSON Lines) to standard output or to
// the -o file. A summary goes to standard error: how many institutions
// and items, how many bytes, how long, and the peak of the memory used.
//
// Usage:
//
//	national [-n count] [-systems n] [-workers n] [-asof YYYY-MM-DD] [-o file] [-totals [-json]]
//
// Examples:
//
//	go run ./examples/national -n 1000 -asof 2026-11-22 > reports.jsonl
//	go run ./examples/national -n 1000000 -asof 2026-11-22 -o /dev/null
//	go run ./examples/national -n 10000 -asof 2026-11-22 -totals
//
// Flags:
//
//	-n count       the number of institutions (default 1000)
//	-systems n     the systems of each institution, 1 to 100 (default 5)
//	-workers n     institutions evaluated at once, 1 to 256 (default: the
//	               number of CPUs the program may use); the output is the
//	               same whatever the number
//	-asof date     the day of the evaluation, YYYY-MM-DD (default: today;
//	               give it for output that can be repeated)
//	-o file        write the reports to this file instead of standard output
//	-totals        instead of the reports, print the national totals of the
//	               items by status, read with obligations.Catalog.GapReports
//	-json          with -totals, print the totals as one JSON object; the
//	               reports are JSON (JSON Lines) already, so without
//	               -totals it changes nothing
//	-h             print the usage and exit
//
// The institutions are Chinese hospitals, as China has about one million
// medical and health institutions: institution i is "CN-" and i in seven
// digits; its systems S000, S001, ... are graded at MLPS levels 1 to 3 on
// days that vary with i, and it has evidence for every other duty that
// applies to the first institution. Memory stays the same whatever -n:
// each worker reuses its buffers, and no report is kept once written.
//
// National follows the conventions of the other example programs (see
// package examples/internal/cli) as far as they apply to a program that
// generates its input: it reads no files, so it takes no file arguments
// and no "-"; its output is data (JSON Lines, or the totals), not prose,
// so it has no -lang and prints its few messages in English. Errors go
// to standard error as "national: problem"; the summary line on standard
// error is not an error.
//
// Exit status: 0 when the reports or totals were written; 1 is not used
// (the generated institutions have gaps by design, and they are the
// output, not findings); 2 for bad usage (an unknown flag, an argument, a
// value out of range, a date that does not exist) or when the output
// cannot be written.
package main

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
)

var command = &cli.Command{
	Name:     "national",
	Synopsis: "[-n count] [-systems n] [-workers n] [-asof YYYY-MM-DD] [-o file] [-totals [-json]]",
	About: "National generates -n Chinese hospitals, evaluates each against the law of the embedded packs\n" +
		"and writes its gap report as one line of JSON (JSON Lines), or with -totals the national totals\n" +
		"of the items by status. It reads no files. A summary goes to standard error.",
	Status: [3]string{
		"the reports or totals were written",
		"(not used)",
		"bad usage: an unknown flag, an argument, a value out of range, a date that does not exist; or the output cannot be written",
	},
}

func main() {
	os.Exit(run(os.Args[1:], time.Now(), os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	n, systems, workers int
	asOf                medsec.Date
	out                 string
	totals, json        bool
}

// A usageError is a flag value out of its range.
type usageError string

func (e usageError) Error() string { return string(e) }

// parse reads the flags. It returns nil and the exit status when the
// program is done: after -h, or after reporting bad usage.
func parse(args []string, now time.Time, stdout io.Writer, p *cli.Printer) (*config, int) {
	fs := command.NewFlagSet()
	cfg := &config{}
	fs.IntVar(&cfg.n, "n", 1000, "the number of `institutions`")
	fs.IntVar(&cfg.systems, "systems", 5, "the systems of each institution, 1 to 100")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "institutions evaluated at once, 1 to 256")
	asof := fs.String("asof", "", "the `day` of the evaluation, YYYY-MM-DD (default: today)")
	fs.StringVar(&cfg.out, "o", "", "write the reports to this `file` instead of standard output")
	fs.BoolVar(&cfg.totals, "totals", false, "print the national totals by status instead of the reports")
	fs.BoolVar(&cfg.json, "json", false, "with -totals, print the totals as one JSON object (the reports are JSON Lines already)")
	if status, ok := command.Parse(fs, args, stdout, p.Stderr); !ok {
		return nil, status
	}
	bad := func(err error) (*config, int) {
		p.Err("", err)
		return nil, cli.ExitTrouble
	}
	switch {
	case fs.NArg() > 0:
		return bad(cli.ExtraArgument(fs.Arg(0)))
	case cfg.n < 0:
		return bad(usageError(fmt.Sprintf("-n %d: give a number of institutions, 0 or more", cfg.n)))
	case cfg.systems < 1 || cfg.systems > 100:
		return bad(usageError(fmt.Sprintf("-systems %d: give 1 to 100 systems", cfg.systems)))
	case cfg.workers < 1 || cfg.workers > 256:
		return bad(usageError(fmt.Sprintf("-workers %d: give 1 to 256 workers", cfg.workers)))
	}
	cfg.asOf = medsec.DateOf(now)
	if *asof != "" {
		d, err := cli.ParseDate("-asof", *asof)
		if err != nil {
			return bad(err)
		}
		cfg.asOf = d
	}
	return cfg, cli.ExitClean
}

// noLocales is the program's own translations: none, as it speaks only
// English.
var noLocales embed.FS

// run is the program; it returns the exit status.
func run(args []string, now time.Time, stdout, stderr io.Writer) int {
	cat, err := cli.Catalog(noLocales)
	if err != nil {
		fmt.Fprintln(stderr, "national:", err)
		return cli.ExitTrouble
	}
	p := &cli.Printer{Name: command.Name, L: cat.Localizer(i18n.EN), Stderr: stderr}
	cfg, status := parse(args, now, stdout, p)
	if cfg == nil {
		return status
	}
	c := obligations.DefaultCatalog()
	gen := newGenerator(c, cfg.systems, cfg.asOf)
	opts := obligations.Options{AsOf: cfg.asOf}
	if cfg.totals {
		return printTotals(c, gen.entries(cfg.n), opts, cfg.json, stdout, p)
	}

	out := stdout
	if cfg.out != "" {
		f, err := os.Create(cfg.out)
		if err != nil {
			p.Err(cfg.out, cli.WriteFailure(reason(err)))
			return cli.ExitTrouble
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	var peak memPeak
	start := time.Now()
	st, err := c.WriteJSONLines(bw, peak.sampled(gen.entries(cfg.n), 1000),
		obligations.BulkOptions{Options: opts, Workers: cfg.workers})
	if err == nil {
		err = bw.Flush()
	}
	elapsed := time.Since(start)
	if err != nil {
		p.Err(cfg.out, cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	peak.sample()
	fmt.Fprintf(stderr, "national: %d institutions of %d systems, %d items, %s in %.1f s (%.0f institutions/s) with %d workers; "+
		"heap in use at most %.1f MiB, memory from the OS at most %.1f MiB\n",
		st.Reports, cfg.systems, st.Items, size(st.Bytes), elapsed.Seconds(), float64(st.Reports)/max(elapsed.Seconds(), 1e-9),
		cfg.workers, mib(peak.heap), mib(peak.sys))
	return cli.ExitClean
}

// reason returns the operating system's reason of a path error, without
// the operation and the path ("no such file or directory").
func reason(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// statuses are the statuses of the totals, in their order.
var statuses = []obligations.Status{obligations.StatusOverdue, obligations.StatusMissing, obligations.StatusDueSoon,
	obligations.StatusPending, obligations.StatusMet, obligations.StatusOnTrigger}

// printTotals prints the totals of the items of all institutions by
// status, as text or as one JSON object.
func printTotals(c *obligations.Catalog, entries iter.Seq[obligations.PortfolioEntry], opts obligations.Options, asJSON bool, stdout io.Writer, p *cli.Printer) int {
	totals := make([]int, len(statuses))
	n := 0
	for r, err := range c.GapReports(entries, opts) {
		if err != nil {
			p.Err("", err)
			return cli.ExitTrouble
		}
		for i, s := range statuses {
			totals[i] += r.Total(s)
		}
		n++
	}
	var b strings.Builder
	if asJSON {
		doc := struct {
			Institutions int                        `json:"institutions"`
			AsOf         medsec.Date                `json:"asOf"`
			Totals       map[obligations.Status]int `json:"totals"`
		}{n, opts.AsOf, map[obligations.Status]int{}}
		for i, s := range statuses {
			doc.Totals[s] = totals[i]
		}
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			p.Err("", err)
			return cli.ExitTrouble
		}
	} else {
		fmt.Fprintf(&b, "%d institutions as of %s\n", n, opts.AsOf)
		for i, s := range statuses {
			fmt.Fprintf(&b, "%-12s %d\n", s, totals[i])
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		p.Err("", cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	return cli.ExitClean
}

// A generator makes the institutions.
type generator struct {
	systems int
	asOf    medsec.Date
	// evidence is given by every institution: for every other duty that
	// applies to the first one.
	evidence []obligations.Evidence
}

func newGenerator(c *obligations.Catalog, systems int, asOf medsec.Date) *generator {
	g := &generator{systems: systems, asOf: asOf}
	p := g.profile(0)
	bs, err := c.Applicable(p, asOf)
	if err != nil {
		panic(err) // the generated profile is valid; a test covers it
	}
	for i, b := range bs {
		d, _ := c.Duty(b.DutyID)
		if i%2 == 1 || d.Recurrence.Kind == obligations.FromIncidentRule {
			continue
		}
		g.evidence = append(g.evidence, obligations.Evidence{Duty: b.DutyID, System: b.System,
			Done: asOf.AddDays(-30 - i%300), Reference: fmt.Sprintf("DOC-%d", i)})
	}
	return g
}

// profile returns institution i, a new value each time.
func (g *generator) profile(i int) *obligations.Profile {
	p := &obligations.Profile{Institution: grading.Institution{ID: fmt.Sprintf("CN-%07d", i),
		Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
		Flags: []medsec.Flag{"health-data", "personal-data"}, Principal: "P1"}}
	p.Institution.Systems = make([]grading.System, g.systems)
	for k := range p.Institution.Systems {
		p.Institution.Systems[k] = grading.System{ID: fmt.Sprintf("S%03d", k), MLPS: grading.MLPSLevel(1 + (i+k)%3),
			Events: map[medsec.Event]medsec.Date{"grading": g.asOf.AddDays(-(i*7+k)%400 - 1)}}
	}
	return p
}

// entries yields institutions 0 to n-1.
func (g *generator) entries(n int) iter.Seq[obligations.PortfolioEntry] {
	return func(yield func(obligations.PortfolioEntry) bool) {
		for i := range n {
			if !yield(obligations.PortfolioEntry{Profile: g.profile(i), Evidence: g.evidence}) {
				return
			}
		}
	}
}

// memPeak keeps the peaks of the heap in use and of the memory obtained
// from the operating system.
type memPeak struct{ heap, sys uint64 }

func (m *memPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.heap, m.sys = max(m.heap, ms.HeapInuse), max(m.sys, ms.Sys)
}

// sampled samples the memory every n entries of seq.
func (m *memPeak) sampled(seq iter.Seq[obligations.PortfolioEntry], n int) iter.Seq[obligations.PortfolioEntry] {
	return func(yield func(obligations.PortfolioEntry) bool) {
		i := 0
		for en := range seq {
			if i%n == 0 {
				m.sample()
			}
			if !yield(en) {
				return
			}
			i++
		}
	}
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// size formats a number of bytes.
func size(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", b)
}
