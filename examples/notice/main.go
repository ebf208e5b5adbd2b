// Command notice prints an official notice in a chosen language and format.
//
// Usage:
//
//	go run ./examples/notice [-kind holiday] [-lang vi] [-format text] [-date 2026-02-09]
//
// -kind is one of holiday (the Vietnamese Department of Health's holiday
// network-security dispatch), circular (a Chinese circular issuing a
// regulation), announcement (the Czech ministry's committee announcement
// and help catalog), nis2-early-warning, nis2-notification,
// nis2-final-report, vn-initial-report or cn-report (incident reports with
// their legal deadlines). -lang takes en, zh-Hans, zh-Hant, vi, cs or any
// Accept-Language value that matches one (unknown languages give
// English). -format is text, markdown or html. -date sets the date of the
// holiday dispatch, which decides which authority its reporting task
// names.
//
// The data are examples written for this program; change them to print
// your own notices.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/sample"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("notice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	kind := fs.String("kind", "holiday", "notice kind: holiday, circular, announcement, nis2-early-warning, nis2-notification, nis2-final-report, vn-initial-report, cn-report")
	lang := fs.String("lang", "en", "language: en, zh-Hans, zh-Hant, vi, cs or an Accept-Language value")
	format := fs.String("format", "text", "output format: text, markdown or html")
	date := fs.String("date", "2026-02-09", "date of the holiday dispatch (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	loc, _, _ := i18n.Match(*lang)
	f, err := i18n.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	d, err := medsec.ParseDate(*date)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	n, err := notice(i18n.Kind(*kind), loc, d)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	out, err := i18n.Render(n, loc, f)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprint(stdout, out)
	return 0
}

func notice(kind i18n.Kind, loc i18n.Locale, date medsec.Date) (i18n.Notice, error) {
	switch kind {
	case i18n.KindHoliday:
		return sample.Holiday(date), nil
	case i18n.KindCircular:
		return sample.Circular(), nil
	case i18n.KindAnnouncement:
		return sample.Announcement(), nil
	case i18n.KindNIS2EarlyWarning:
		return sample.Incident(i18n.NIS2EarlyWarning), nil
	case i18n.KindNIS2Notification:
		return sample.Incident(i18n.NIS2Notification), nil
	case i18n.KindNIS2FinalReport:
		return sample.Incident(i18n.NIS2FinalReport), nil
	case i18n.KindVNInitialReport:
		return sample.Incident(i18n.VNInitialReport), nil
	case i18n.KindCNReport:
		return sample.Incident(i18n.CNReport), nil
	}
	return nil, fmt.Errorf("notice: unknown kind %q (see -help)", kind)
}
