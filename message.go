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
// translated level name or duty title.
type Message struct {
	Key    string `json:"key"`            // stable identifier, e.g. "grading.mlps.reason.floor"
	Format string `json:"format"`         // the English text, with fmt verbs for the arguments
	Args   []any  `json:"args,omitempty"` // the arguments: strings, numbers, Dates or Messages
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
	msgJurisdictionCN       = MessageTemplate{"medsec.jurisdiction.CN", "China"}
	msgJurisdictionVN       = MessageTemplate{"medsec.jurisdiction.VN", "Vietnam"}
	msgJurisdictionCZ       = MessageTemplate{"medsec.jurisdiction.CZ", "Czechia"}
	msgJurisdictionEU       = MessageTemplate{"medsec.jurisdiction.EU", "European Union"}
	msgJurisdictionUnknown  = MessageTemplate{"medsec.jurisdiction.unknown", "unknown jurisdiction %q"}
	msgConfidenceVerified   = MessageTemplate{"medsec.confidence.verified", "verified"}
	msgConfidencePartial    = MessageTemplate{"medsec.confidence.partial", "partly verified"}
	msgConfidenceUnverified = MessageTemplate{"medsec.confidence.unverified", "unverified"}
	msgConfidenceUnknown    = MessageTemplate{"medsec.confidence.unknown", "confidence not stated"}
	msgSpanUnknown          = MessageTemplate{"medsec.span.unknown", "no valid period"}
)

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
// produces, sorted by key. They include the errors of medsec's JSON
// decoder (keys "medsec.decode.*"), which every package of the module
// uses to read files strictly, and "medsec.errors.more", the last error of
// a list cut at 100 errors.
func MessageTemplates() []MessageTemplate {
	out := []MessageTemplate{
		msgConfidencePartial, msgConfidenceUnknown, msgConfidenceUnverified, msgConfidenceVerified,
		msgJurisdictionCN, msgJurisdictionCZ, msgJurisdictionEU, msgJurisdictionVN, msgJurisdictionUnknown,
		msgSpan[Days], msgSpan[Hours], msgSpan[Months], msgSpanUnknown, msgSpan[WorkingDays], msgSpan[Years],
	}
	for _, t := range strictjson.Templates() {
		out = append(out, MessageTemplate(t))
	}
	slices.SortFunc(out, func(a, b MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return out
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
