package medsec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec/internal/strictjson"
)

// A Message is a translatable text: a stable key that names it in every
// language, the English format, and the arguments. Domain packages return
// Messages (reasons, titles, findings, errors) instead of strings; package
// i18n renders them in any supported language, and [Message.String] renders
// English.
//
// The format uses the verbs of package fmt. An argument that is itself a
// Message is rendered as a message too, so a translated text can embed a
// translated level name or duty title; a [Citation] or [Citations]
// argument prints in canonical form in English and in the reader's
// language and numbering style in package i18n.
type Message struct {
	Key    string `json:"key"`            // stable identifier, e.g. "grading.mlps.reason.floor"
	Format string `json:"format"`         // the English text, with fmt verbs for the arguments
	Args   []any  `json:"args,omitempty"` // the arguments: strings, numbers, Dates, Citations or Messages
}

// String renders the message in English.
func (m Message) String() string {
	if len(m.Args) == 0 && !strings.Contains(m.Format, "%") {
		return m.Format
	}
	return fmt.Sprintf(m.Format, m.Args...)
}

// IsZero reports whether m has no key.
func (m Message) IsZero() bool { return m.Key == "" }

// A MessageTemplate is a message key with its English format, from which
// Messages are made. Each package lists its templates (see
// [MessageTemplates]) so that translators and tests can see every key the
// library can produce.
type MessageTemplate struct {
	Key    string `json:"key"`    // stable identifier of the message
	Format string `json:"format"` // the English text, with fmt verbs
}

// New returns the Message of t with the given arguments.
func (t MessageTemplate) New(args ...any) Message {
	return Message{Key: t.Key, Format: t.Format, Args: args}
}

// The root package's own messages.
var (
	msgJurisdictionUnknown  = MessageTemplate{"medsec.jurisdiction.unknown", "unknown jurisdiction %q"}
	msgJurisdictionLaw      = MessageTemplate{"medsec.jurisdiction.law-of", "the law of %v"}
	msgCitation             = MessageTemplate{"medsec.citation", "%v"}
	msgConfidenceVerified   = MessageTemplate{"medsec.confidence.verified", "verified"}
	msgConfidencePartial    = MessageTemplate{"medsec.confidence.partial", "partly verified"}
	msgConfidenceUnverified = MessageTemplate{"medsec.confidence.unverified", "unverified"}
	msgConfidenceUnknown    = MessageTemplate{"medsec.confidence.unknown", "confidence not stated"}
	msgSpanUnknown          = MessageTemplate{"medsec.span.unknown", "no valid period"}

	msgDateForm  = MessageTemplate{"medsec.date.form", "%q is not a date of the form YYYY-MM-DD, such as 2026-03-01"}
	msgDateYear  = MessageTemplate{"medsec.date.year", "%q is out of range: the year must be from 0001 to 9999"}
	msgDateMonth = MessageTemplate{"medsec.date.month", "%q does not exist: the month must be from 01 to 12"}
	msgDateDay   = MessageTemplate{"medsec.date.day", "%q does not exist: %v %v has %d days"}

	msgDataUTF8           = MessageTemplate{"medsec.data.utf8", "the file is not valid UTF-8: save it as UTF-8"}
	msgDataJSON           = MessageTemplate{"medsec.data.json", "the file does not fit this kind of data: %s"}
	msgDataTrailing       = MessageTemplate{"medsec.data.trailing", "there is more after the JSON value: remove it"}
	msgDataPackID         = MessageTemplate{"medsec.data.pack-id", "the pack ID must be lower-case letters, digits and inner hyphens, at most 32 characters"}
	msgDataPackVersion    = MessageTemplate{"medsec.data.pack-version", "give the day the pack was last reviewed, as YYYY-MM-DD"}
	msgDataPackTitle      = MessageTemplate{"medsec.data.pack-title", "give a title that says what the pack holds"}
	msgDataJurisdiction   = MessageTemplate{"medsec.data.jurisdiction", "%q is not a jurisdiction code: use two upper-case letters (ISO 3166-1 alpha-2, or EU)"}
	msgDataFlag           = MessageTemplate{"medsec.data.flag", "%q is not a flag code: use lower-case words joined by hyphens"}
	msgDataDuplicate      = MessageTemplate{"medsec.data.duplicate", "%q is declared twice: keep one"}
	msgDataMessageKey     = MessageTemplate{"medsec.data.message-key", "%q is not a message key: use dot-separated words such as \"medsec.jurisdiction.CZ\""}
	msgDataNameFormat     = MessageTemplate{"medsec.data.name-format", "give the English text of the name in \"format\", without verbs or arguments"}
	msgDataRuleID         = MessageTemplate{"medsec.data.rule-id", "%q is not a valid ID: use upper-case letters, digits and inner hyphens, e.g. \"EU-NIS2-APPLICATION\""}
	msgDataDuplicateIn    = MessageTemplate{"medsec.data.duplicate-in", "the ID %q is already used in %s: give each fact its own ID"}
	msgDataDate           = MessageTemplate{"medsec.data.date", "give the day as YYYY-MM-DD"}
	msgDataUndeclared     = MessageTemplate{"medsec.data.undeclared", "no pack declares the jurisdiction %q: declare it in a pack.json or correct the code"}
	msgDataUndeclaredFlag = MessageTemplate{"medsec.data.undeclared-flag", "no pack declares the flag %q: declare it in a pack.json or correct the code"}
	msgDataCitation       = MessageTemplate{"medsec.data.citation", "the citation %q does not resolve (%s): cite an instrument and article of the registry"}
	msgDataNoCitation     = MessageTemplate{"medsec.data.no-citation", "cite the provision the fact rests on, or say in the note why none can be cited"}
	msgDataConfidence     = MessageTemplate{"medsec.data.confidence", "state the confidence: verified, partial or unverified"}
	msgDataNote           = MessageTemplate{"medsec.data.note", "the confidence is %s: say in the note what is not verified, and why"}
	msgDataText           = MessageTemplate{"medsec.data.text", "give the English text in \"format\", without arguments"}
	msgDataReport         = MessageTemplate{"medsec.data.report", "%q is not a report kind: use lower-case words joined by hyphens, e.g. \"nis2-early-warning\""}
	msgDataIncidentEvent  = MessageTemplate{"medsec.data.incident-event", "say which event the period runs from: detected, notified or response-ended"}
	msgDataSpan           = MessageTemplate{"medsec.data.span", "the period must be 1 or more hours, days, workingDays, months or years"}
	msgDataPeriod         = MessageTemplate{"medsec.data.period", "the period in force must not end before it starts"}
	msgDataNoDate         = MessageTemplate{"medsec.data.no-date", "no legal date has the ID %q: add it to a dates.json or correct the ID"}
	msgDataOneOf          = MessageTemplate{"medsec.data.one-of", "%q is not allowed here: use one of %s"}
	msgDataBothWays       = MessageTemplate{"medsec.data.required-and-excluded", "%q is both required and excluded, so the rule could never apply: keep it in one list"}
)

// msgMonth names the months, January = 1, for the messages about dates.
var msgMonth = [...]MessageTemplate{
	{}, {"medsec.month.january", "January"}, {"medsec.month.february", "February"}, {"medsec.month.march", "March"},
	{"medsec.month.april", "April"}, {"medsec.month.may", "May"}, {"medsec.month.june", "June"},
	{"medsec.month.july", "July"}, {"medsec.month.august", "August"}, {"medsec.month.september", "September"},
	{"medsec.month.october", "October"}, {"medsec.month.november", "November"}, {"medsec.month.december", "December"},
}

// msgSpan holds the templates of [Span.Message], by unit. The English
// formats are the plural forms; the translations (package i18n, including
// English) choose the form each count needs.
var msgSpan = [...]MessageTemplate{
	Hours:       {"medsec.span.hours", "%d hours"},
	Days:        {"medsec.span.days", "%d days"},
	WorkingDays: {"medsec.span.working-days", "%d working days"},
	Months:      {"medsec.span.months", "%d months"},
	Years:       {"medsec.span.years", "%d years"},
}

// MessageTemplates returns the templates of the messages the root package
// produces, sorted by key: its own, those of medsec's JSON decoder (keys
// "medsec.decode.*", which every package uses to read files strictly, and
// "medsec.errors.more", the last error of a list cut at 100 errors), and
// those of the data of the [DefaultRegistry] (names of jurisdictions, flags
// and events, titles of legal dates and incident rules; see
// [Registry.MessageTemplates]).
func MessageTemplates() []MessageTemplate {
	own := []MessageTemplate{
		msgConfidencePartial, msgConfidenceUnknown, msgConfidenceUnverified, msgConfidenceVerified,
		msgJurisdictionUnknown, msgJurisdictionLaw, msgCitation,
		msgSpan[Days], msgSpan[Hours], msgSpan[Months], msgSpanUnknown, msgSpan[WorkingDays], msgSpan[Years],
		msgDataUTF8, msgDataJSON, msgDataTrailing, msgDataPackID, msgDataPackVersion, msgDataPackTitle,
		msgDataJurisdiction, msgDataFlag, msgDataDuplicate, msgDataMessageKey, msgDataNameFormat,
		msgDataRuleID, msgDataDuplicateIn, msgDataDate, msgDataUndeclared, msgDataUndeclaredFlag,
		msgDataCitation, msgDataNoCitation, msgDataConfidence, msgDataNote, msgDataText,
		msgDataReport, msgDataIncidentEvent, msgDataSpan, msgDataPeriod, msgDataNoDate, msgDataOneOf,
		msgDataBothWays, msgDateForm, msgDateYear, msgDateMonth, msgDateDay,
	}
	own = append(own, msgMonth[1:]...)
	for _, t := range strictjson.Templates() {
		own = append(own, MessageTemplate(t))
	}
	return sortTemplates(append(own, DefaultRegistry().MessageTemplates()...))
}

// sortTemplates sorts ts by key and drops repeated keys.
func sortTemplates(ts []MessageTemplate) []MessageTemplate {
	slices.SortFunc(ts, func(a, b MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(ts, func(a, b MessageTemplate) bool { return a.Key == b.Key })
}

// MessageTemplates returns the templates of the messages that the
// registry's data declares and the root package reads (the names of
// jurisdictions and flags, the titles of legal dates, the titles and steps
// of incident rules, the short titles of instruments), sorted by key.
func (r *Registry) MessageTemplates() []MessageTemplate {
	var ts []MessageTemplate
	for _, j := range r.jurs {
		ts = append(ts, MessageTemplate{Key: j.Name.Key, Format: j.Name.Format})
		if !j.Law.IsZero() {
			ts = append(ts, MessageTemplate{Key: j.Law.Key, Format: j.Law.Format})
		}
	}
	for _, in := range r.list {
		if !in.ShortTitle.IsZero() {
			ts = append(ts, MessageTemplate{Key: in.ShortTitle.Key, Format: in.ShortTitle.Format})
		}
	}
	for _, f := range r.flags {
		ts = append(ts, MessageTemplate{Key: f.Name.Key, Format: f.Name.Format})
	}
	for _, e := range r.events {
		ts = append(ts, MessageTemplate{Key: e.Name.Key, Format: e.Name.Format})
	}
	for _, d := range r.dates {
		ts = append(ts, MessageTemplate{Key: d.Title.Key, Format: d.Title.Format})
	}
	for _, x := range r.incidents {
		ts = append(ts, MessageTemplate{Key: x.Title.Key, Format: x.Title.Format})
		if !x.Step.IsZero() {
			ts = append(ts, MessageTemplate{Key: x.Step.Key, Format: x.Step.Format})
		}
	}
	return sortTemplates(ts)
}

// Message returns the confidence level's name as a translatable [Message].
func (c Confidence) Message() Message {
	switch c {
	case Verified:
		return msgConfidenceVerified.New()
	case Partial:
		return msgConfidencePartial.New()
	case Unverified:
		return msgConfidenceUnverified.New()
	}
	return msgConfidenceUnknown.New()
}
