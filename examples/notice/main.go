// Command notice prints an official notice in a chosen language and format.
//
// Usage:
//
//	notice [-kind kind] [-lang tag] [-format text|markdown|html] [-date YYYY-MM-DD] [-json]
//
// -kind is one of holiday (the Vietnamese Department of Health's holiday
// network-security dispatch), circular (a Chinese circular issuing a
// regulation), announcement (the Czech ministry's committee announcement
// and help catalog), nis2-early-warning, nis2-notification,
// nis2-final-report, vn-initial-report or cn-report (incident reports with
// their legal deadlines). For example:
//
//	go run ./examples/notice -kind holiday -lang vi -date 2026-02-09
//
// Flags:
//
//	-kind kind     the notice (default holiday)
//	-lang tag      the language: en, cs, vi, zh-Hans, zh-Hant, or a BCP 47
//	               tag or Accept-Language list that matches one; without it,
//	               $LC_ALL, $LC_MESSAGES or $LANG, else English
//	-format f      text, markdown or html (default text)
//	-date day      the date of the holiday dispatch, YYYY-MM-DD (default
//	               2026-02-09); it decides which authority the reporting
//	               task names (the Department of Information and
//	               Communications before 1 March 2025, the provincial police
//	               from that day)
//	-json          print a JSON object with the kind, language, format and
//	               the rendered notice
//	-h             print the usage and exit
//
// The notices are built from sample data written for this program, so the
// output does not depend on the day it runs, and the program reads no
// files: a positional argument is an error. Change the data in
// internal/sample to print your own notices.
//
// Exit status: 0 when the notice was printed; 2 for bad usage (an unknown
// flag, kind, format or language, a date that does not exist, an
// argument) or when the notice cannot be rendered or written. Status 1,
// findings, does not occur. Errors go to standard error as "notice:
// problem".
//
// Everything the program prints is in the -lang language, except the
// usage (-h) and the errors about the command line's syntax, which are in
// English.
package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/sample"
)

var command = &cli.Command{
	Name:     "notice",
	Synopsis: "[-kind kind] [-lang tag] [-format text|markdown|html] [-date YYYY-MM-DD] [-json]",
	About: "Notice prints an official notice, built from sample data, in a chosen language and format.\n" +
		"It reads no files. Usage and command-line errors are in English; everything else is in the\n" +
		"-lang language.",
	Status: [3]string{
		"the notice was printed",
		"(not used)",
		"bad usage: an unknown flag, kind, format or language, a date that does not exist, an argument; or the notice cannot be rendered or written",
	},
}

//go:embed locales/*.json
var localeFiles embed.FS

// The program's own messages; their translations are in locales/*.json.
var (
	msgKind   = medsec.MessageTemplate{Key: "notice.error.kind", Format: "-kind: %q is not a notice kind; use one of %s"}
	msgFormat = medsec.MessageTemplate{Key: "notice.error.format", Format: "-format: %q is not text, markdown or html"}
)

// messageTemplates lists the program's messages and those of package cli,
// for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return append([]medsec.MessageTemplate{msgKind, msgFormat}, cli.MessageTemplates()...)
}

// kinds are the notices the program prints, in the order of the usage.
var kinds = []i18n.Kind{i18n.KindHoliday, i18n.KindCircular, i18n.KindAnnouncement, i18n.KindNIS2EarlyWarning,
	i18n.KindNIS2Notification, i18n.KindNIS2FinalReport, i18n.KindVNInitialReport, i18n.KindCNReport}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// run is the whole program, minus os.Exit, so tests can call it.
func run(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := command.NewFlagSet()
	kind := fs.String("kind", "holiday", "the notice: holiday, circular, announcement, nis2-early-warning, nis2-notification, nis2-final-report, vn-initial-report or cn-report")
	lang := fs.String("lang", "", "the `language`: en, cs, vi, zh-Hans, zh-Hant or a tag that matches one (default from $LC_ALL, $LC_MESSAGES or $LANG, else en)")
	format := fs.String("format", "text", "the output `format`: text, markdown or html")
	date := fs.String("date", "2026-02-09", "the `day` of the holiday dispatch, YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "print a JSON object with the kind, language, format and the rendered notice")
	if status, ok := command.Parse(fs, args, stdout, stderr); !ok {
		return status
	}
	cat, err := cli.Catalog(localeFiles)
	if err != nil {
		fmt.Fprintln(stderr, "notice:", err)
		return cli.ExitTrouble
	}
	loc, err := cli.Locale(cat, *lang, getenv)
	if err != nil {
		command.UsageError(stderr, err.Error())
		return cli.ExitTrouble
	}
	l := cat.Localizer(loc)
	p := &cli.Printer{Name: command.Name, L: l, Stderr: stderr}
	if fs.NArg() > 0 {
		p.Err("", cli.ExtraArgument(fs.Arg(0)))
		return cli.ExitTrouble
	}
	f, err := i18n.ParseFormat(*format)
	if err != nil {
		p.Error("", msgFormat.New(*format))
		return cli.ExitTrouble
	}
	d, err := cli.ParseDate("-date", *date)
	if err != nil {
		p.Err("", err)
		return cli.ExitTrouble
	}
	n := notice(i18n.Kind(*kind), loc, d)
	if n == nil {
		names := ""
		for i, k := range kinds {
			if i > 0 {
				names += ", "
			}
			names += string(k)
		}
		p.Error("", msgKind.New(*kind, names))
		return cli.ExitTrouble
	}
	out, err := i18n.Render(n, loc, f)
	if err != nil {
		p.Err("", err)
		return cli.ExitTrouble
	}
	if *asJSON {
		b, err := json.MarshalIndent(struct {
			Kind     i18n.Kind   `json:"kind"`
			Language i18n.Locale `json:"language"`
			Format   string      `json:"format"`
			Notice   string      `json:"notice"`
		}{n.Kind(), loc, *format, out}, "", "  ")
		if err != nil {
			p.Err("", err)
			return cli.ExitTrouble
		}
		out = string(b) + "\n"
	}
	if _, err := io.WriteString(stdout, out); err != nil {
		p.Err("", cli.WriteFailure(err))
		return cli.ExitTrouble
	}
	return cli.ExitClean
}

// notice returns the sample notice of kind, or nil for an unknown kind.
func notice(kind i18n.Kind, loc i18n.Locale, date medsec.Date) i18n.Notice {
	switch kind {
	case i18n.KindHoliday:
		return sample.Holiday(date)
	case i18n.KindCircular:
		return sample.Circular()
	case i18n.KindAnnouncement:
		return sample.Announcement()
	case i18n.KindNIS2EarlyWarning:
		return sample.Incident(i18n.NIS2EarlyWarning)
	case i18n.KindNIS2Notification:
		return sample.Incident(i18n.NIS2Notification)
	case i18n.KindNIS2FinalReport:
		return sample.Incident(i18n.NIS2FinalReport)
	case i18n.KindVNInitialReport:
		return sample.Incident(i18n.VNInitialReport)
	case i18n.KindCNReport:
		return sample.Incident(i18n.CNReport)
	}
	return nil
}
