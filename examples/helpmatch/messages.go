package main

import (
	"embed"
	"fmt"

	"github.com/medsec-go/medsec"
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
	msgReadError          = medsec.MessageTemplate{Key: "helpmatch.error.read", Format: "cannot read the file: %s"}
	msgIsDirectory        = medsec.MessageTemplate{Key: "helpmatch.error.directory", Format: "this is a directory, not a file"}
	msgTwoCommittees      = medsec.MessageTemplate{Key: "helpmatch.error.two-committees", Format: "a second committee file; give one"}
	msgNoCommittee        = medsec.MessageTemplate{Key: "helpmatch.error.no-committee", Format: "-notice needs a committee file ({\"committee\": {...}}) among the files"}
)

// messageTemplates lists every template above, for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return []medsec.MessageTemplate{msgTitle, msgSectionAssignments, msgSectionUnmatched, msgSectionUnused, msgNone,
		msgAssignment, msgUnmatched, msgUnused, msgBasis, msgSummary, msgCountNeeds, msgCountOffers,
		msgCountAssignments, msgCountUnmatched, msgCountUnused, msgCountPersonDays, msgReadError, msgIsDirectory,
		msgTwoCommittees, msgNoCommittee}
}

//go:embed locales/*.json
var localeFiles embed.FS

// catalog returns medsec's default catalog extended with the program's own
// translations.
func catalog() (*i18n.Catalog, error) {
	c := i18n.DefaultCatalog()
	for _, loc := range i18n.Locales() {
		f, err := localeFiles.Open("locales/" + loc.String() + ".json")
		if err != nil {
			return nil, err
		}
		c, err = c.Extend(loc, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("locales/%s.json: %w", loc, err)
		}
	}
	return c, nil
}
