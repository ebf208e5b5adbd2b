package oscal

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

type tmpl = medsec.MessageTemplate

// The package's messages: its errors.
var (
	msgLocale    = tmpl{Key: "oscal.error.locale", Format: "locale %q is not a language tag such as \"en\" or \"zh-Hant\"; give the language of Options.Text"}
	msgDate      = tmpl{Key: "oscal.error.date", Format: "the day %s does not exist; give a date of the calendar"}
	msgHref      = tmpl{Key: "oscal.error.href", Format: "%q, the address given for the catalog of pack %s, is not a URI reference: escape spaces and other characters with %%XX"}
	msgEmptyText = tmpl{Key: "oscal.error.empty-text", Format: "message %s renders as empty text, which OSCAL does not allow for the %s; translate it"}
	msgPack      = tmpl{Key: "oscal.error.pack", Format: "pack %q has no duty and no mapped article in the catalog, so it has no catalog to write"}
	msgBaseline  = tmpl{Key: "oscal.error.baseline", Format: "%s is not a baseline: use one of Baselines(), such as cn-mlps-3 or eu-nis2-essential"}
	msgEmpty     = tmpl{Key: "oscal.error.empty-baseline", Format: "baseline %s selects no duty on %v, and OSCAL cannot express an empty profile"}
	msgInstant   = tmpl{Key: "oscal.error.instant", Format: "the instant falls on %v, not on the report's as-of day %v: pass the instant whose day the report judges"}
	msgYear      = tmpl{Key: "oscal.error.year", Format: "%s is outside the years 1900 to 2999 that OSCAL timestamps allow"}
	msgRequired  = tmpl{Key: "oscal.error.required", Format: "%s is required"}
	msgMismatch  = tmpl{Key: "oscal.error.mismatch", Format: "the report is of institution %q, the profile of %q: pass the profile the report was made from"}
	msgValue     = tmpl{Key: "oscal.error.value", Format: "%q cannot be an OSCAL value: write it on one line, without leading or trailing white space or control characters"}
	msgUnknown   = tmpl{Key: "oscal.error.unknown-item", Format: "the report names %s, which the catalog or the profile does not hold: pass the catalog and profile the report was made from"}
	msgColl      = tmpl{Key: "oscal.error.collection", Format: "the mappings hold no collection %q"}
)

// MessageTemplates returns the templates of every message the package
// produces (its errors), sorted by key, for a translator to cover.
func MessageTemplates() []medsec.MessageTemplate {
	ts := []tmpl{msgLocale, msgDate, msgHref, msgEmptyText, msgPack, msgBaseline, msgEmpty, msgInstant, msgYear,
		msgRequired, msgMismatch, msgValue, msgUnknown, msgColl}
	slices.SortFunc(ts, func(a, b tmpl) int { return strings.Compare(a.Key, b.Key) })
	return ts
}
