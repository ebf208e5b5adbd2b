package main

import (
	"embed"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
)

// The program's own messages. Their translations live in locales/*.json
// (en.json holds the English plural forms) and are added to medsec's
// catalog with i18n's Catalog.Extend, the way any application adds its own
// keys.
var (
	msgTitle              = medsec.MessageTemplate{Key: "helpmatch.title", Format: "Matching as of %v: %s, %s"}
	msgSectionAssignments = medsec.MessageTemplate{Key: "helpmatch.section.assignments", Format: "Assignments"}
	msgSectionUnmatched   = medsec.MessageTemplate{Key: "helpmatch.section.unmatched", Format: "Requests no offer could take"}
	msgSectionUnused      = medsec.MessageTemplate{Key: "helpmatch.section.unused", Format: "Offers not used"}
	msgNone               = medsec.MessageTemplate{Key: "helpmatch.none", Format: "none"}
	msgAssignment         = medsec.MessageTemplate{Key: "helpmatch.assignment", Format: "%d. %s %s — %s → offer %s (%s), %s"}
	msgUnmatched          = medsec.MessageTemplate{Key: "helpmatch.unmatched", Format: "%d. %s %s — %s (%s)"}
	msgUnused             = medsec.MessageTemplate{Key: "helpmatch.unused", Format: "%s %s"}
	msgBasis              = medsec.MessageTemplate{Key: "helpmatch.basis", Format: "Basis: %s"}
	msgSummary            = medsec.MessageTemplate{Key: "helpmatch.summary", Format: "In all: %s; %s; %s."}
	msgCountNeeds         = medsec.MessageTemplate{Key: "helpmatch.count.needs", Format: "%d needs"}
	msgCountOffers        = medsec.MessageTemplate{Key: "helpmatch.count.offers", Format: "%d offers"}
	msgCountAssignments   = medsec.MessageTemplate{Key: "helpmatch.count.assignments", Format: "%d assignments"}
	msgCountUnmatched     = medsec.MessageTemplate{Key: "helpmatch.count.unmatched", Format: "%d requests unmatched"}
	msgCountUnused        = medsec.MessageTemplate{Key: "helpmatch.count.unused", Format: "%d offers unused"}
	msgCountPersonDays    = medsec.MessageTemplate{Key: "helpmatch.count.person-days", Format: "%d person-days"}
	msgBadNotice          = medsec.MessageTemplate{Key: "helpmatch.error.notice", Format: "-notice: %q is not catalogue or announcement"}
	msgBadFormat          = medsec.MessageTemplate{Key: "helpmatch.error.format", Format: "-format: %q is not text, markdown or html"}
	msgJSONAndNotice      = medsec.MessageTemplate{Key: "helpmatch.error.json-and-notice", Format: "-json and -notice exclude each other; give one of them"}
	msgTwoCommittees      = medsec.MessageTemplate{Key: "helpmatch.error.two-committees", Format: "a second committee file; give one"}
	msgNoCommittee        = medsec.MessageTemplate{Key: "helpmatch.error.no-committee", Format: "-notice needs a committee file ({\"committee\": {...}}) among the files"}
)

// messageTemplates lists every template above and those of package cli,
// for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return append(cli.MessageTemplates(), msgTitle, msgSectionAssignments, msgSectionUnmatched, msgSectionUnused, msgNone,
		msgAssignment, msgUnmatched, msgUnused, msgBasis, msgSummary, msgCountNeeds, msgCountOffers,
		msgCountAssignments, msgCountUnmatched, msgCountUnused, msgCountPersonDays, msgBadNotice, msgBadFormat,
		msgJSONAndNotice, msgTwoCommittees, msgNoCommittee)
}

//go:embed locales/*.json
var localeFiles embed.FS

// catalog returns medsec's default catalog extended with the translations
// of package cli and the program's own.
func catalog() (*i18n.Catalog, error) { return cli.Catalog(localeFiles) }
