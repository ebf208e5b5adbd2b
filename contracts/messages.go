package contracts

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

type tmpl = medsec.MessageTemplate

// Decoding errors of the text forms the decoder checks; the other decoding
// errors have the keys medsec.decode.* of the root package.
var (
	msgDecodeDate         = tmpl{Key: "contracts.decode.date", Format: "%q is not a date of the form YYYY-MM-DD"}
	msgDecodeUUID         = tmpl{Key: "contracts.decode.uuid", Format: "%q is not a UUID in its canonical lower-case form"}
	msgDecodeNilUUID      = tmpl{Key: "contracts.decode.nil-uuid", Format: "the nil UUID is no one's ID: give the contract a UUID of its own, such as a random one (version 4)"}
	msgDecodeCitation     = tmpl{Key: "contracts.decode.citation", Format: "%q is not a citation of the form \"INSTRUMENT-ID art. 21(2)(d)\""}
	msgDecodeJurisdiction = tmpl{Key: "contracts.decode.jurisdiction", Format: "%q is not a jurisdiction code: use two upper-case letters, such as CZ"}
)

// Errors of the report decoder.
var (
	msgDecodeReportFormat = tmpl{Key: "contracts.decode.report-format", Format: "the format is %q, not %q: give a report of this kind as medsec writes it (a later version of the format needs a later release of medsec)"}
	msgDecodeReportArg    = tmpl{Key: "contracts.decode.report-arg", Format: "a message argument must be a string, a number, true or false, or a message with a key; a date argument is a date of the form YYYY-MM-DD"}
	msgDecodeReportPath   = tmpl{Key: "contracts.decode.report-path", Format: "%q is not a JSON Pointer: give the path of a member, such as /clauses/0"}
)

// Validation errors.
var (
	msgValRequired         = tmpl{Key: "contracts.validate.required", Format: "a value is required here"}
	msgValMinEntries       = tmpl{Key: "contracts.validate.min-entries", Format: "the list is too short: the minimum is %d"}
	msgValMaxEntries       = tmpl{Key: "contracts.validate.max-entries", Format: "the list is too long: the maximum is %d"}
	msgValMaxChars         = tmpl{Key: "contracts.validate.max-chars", Format: "use at most %d characters"}
	msgValMax              = tmpl{Key: "contracts.validate.max", Format: "the value must not exceed %d"}
	msgValEmail            = tmpl{Key: "contracts.validate.email", Format: "%q is not an e-mail address"}
	msgValPhone            = tmpl{Key: "contracts.validate.phone", Format: "%q is not an international phone number such as +420 123 456 789"}
	msgValCountry          = tmpl{Key: "contracts.validate.country", Format: "%q is not an ISO 3166-1 alpha-2 country code such as CZ"}
	msgValInvalid          = tmpl{Key: "contracts.validate.invalid", Format: "%q is not a valid value"}
	msgValCitation         = tmpl{Key: "contracts.validate.citation", Format: "%q names no instrument or article known to medsec"}
	msgValOrder            = tmpl{Key: "contracts.validate.order", Format: "the end must not be before the start (%s)"}
	msgValSeverityOrder    = tmpl{Key: "contracts.validate.severity-order", Format: "must not be longer than the %s-severity deadline of %d days"}
	msgValPositive         = tmpl{Key: "contracts.validate.positive", Format: "must be a positive number"}
	msgValNonNegative      = tmpl{Key: "contracts.validate.non-negative", Format: "must not be negative"}
	msgValParamKind        = tmpl{Key: "contracts.validate.param-kind", Format: "the parameter %s does not belong to a %v clause"}
	msgValRequiredFor      = tmpl{Key: "contracts.validate.required-for", Format: "required for contracts under %v"}
	msgValGradeScheme      = tmpl{Key: "contracts.validate.grade-scheme", Format: "this grade does not apply to contracts under %v"}
	msgValRequiredWithData = tmpl{Key: "contracts.validate.required-with-data", Format: "required when health or personal data is handled"}
	msgValInstitutionLaw   = tmpl{Key: "contracts.validate.institution-jurisdiction", Format: "%q is not one of the institution's jurisdictions: add it to /institution/jurisdictions or correct the contract's jurisdiction"}
	msgValRule             = tmpl{Key: "contracts.validate.rule", Format: "the value breaks the rule %q"}
	msgValInternal         = tmpl{Key: "contracts.validate.internal", Format: "the contract could not be validated"}
)

// Check errors.
var msgCheckAsOf = tmpl{Key: "contracts.check.as-of", Format: "give the as-of date, the day whose rules apply, as a real day"}

// Findings. The reasons of the rules, and the texts they embed, are data
// (clauses.json of each pack).
var (
	msgFindingMissing         = tmpl{Key: "contracts.finding.missing", Format: "no %v clause: %v"}
	msgWeakNoticeHours        = tmpl{Key: "contracts.finding.no-notice-hours", Format: "the %v clause states no notice period in hours"}
	msgWeakRemediationDays    = tmpl{Key: "contracts.finding.no-remediation-days", Format: "the %v clause states no remediation deadlines in days per severity"}
	msgWeakGateway            = tmpl{Key: "contracts.finding.no-gateway", Format: "the %v clause does not limit remote access to a gateway the hospital controls"}
	msgWeakMFA                = tmpl{Key: "contracts.finding.no-mfa", Format: "the %v clause does not require multi-factor authentication"}
	msgWeakRecovery           = tmpl{Key: "contracts.finding.no-recovery-objectives", Format: "the %v clause states no recovery time and recovery point objectives (RTO, RPO)"}
	msgWeakSupportEnd         = tmpl{Key: "contracts.finding.no-support-end", Format: "the %v clause states no date until which security updates are provided"}
	msgWeakTransferAssessment = tmpl{Key: "contracts.finding.no-transfer-assessment", Format: "data goes abroad, but the %v clause does not commit to a security assessment before any transfer"}
	msgWeakNoticeTooSlow      = tmpl{Key: "contracts.finding.notice-too-slow", Format: "the vendor notifies incidents %v, but the hospital itself must report %v"}
	msgWithinHours            = tmpl{Key: "contracts.finding.within-hours", Format: "within %d hours"} // nested in notice-too-slow, so that each count takes its own plural form
	msgWeakSupportEndsEarly   = tmpl{Key: "contracts.finding.support-ends-early", Format: "security updates end on %v, before the contract ends on %v"}
	msgSeverityRequired       = tmpl{Key: "contracts.severity.required", Format: "required"}
	msgSeverityRecommended    = tmpl{Key: "contracts.severity.recommended", Format: "recommended"}
	msgSeverityUnknown        = tmpl{Key: "contracts.severity.unknown", Format: "unknown severity"}
	// The vulnerability severities of a remediation clause, as messages
	// about their deadlines name them.
	msgVulnCritical    = tmpl{Key: "contracts.vulnerability.critical", Format: "critical"}
	msgVulnHigh        = tmpl{Key: "contracts.vulnerability.high", Format: "high"}
	msgVulnMedium      = tmpl{Key: "contracts.vulnerability.medium", Format: "medium"}
	msgVulnLow         = tmpl{Key: "contracts.vulnerability.low", Format: "low"}
	msgKindUnknown     = tmpl{Key: "contracts.kind.unknown", Format: "unknown kind"}
	msgCategoryUnknown = tmpl{Key: "contracts.category.unknown", Format: "unknown category"}
)

// weakTemplates say what a clause lacks, by the parameter a rule asks it
// to state; a rule may ask only for these parameters. The %v is the clause
// kind.
var weakTemplates = map[Param]tmpl{
	ParamNotifyWithinHours:  msgWeakNoticeHours,
	ParamRemediationDays:    msgWeakRemediationDays,
	ParamSupportEndDate:     msgWeakSupportEnd,
	ParamRTOHours:           msgWeakRecovery,
	ParamRPOHours:           msgWeakRecovery,
	ParamViaHospitalGateway: msgWeakGateway,
	ParamMFA:                msgWeakMFA,
	ParamTransferAssessment: msgWeakTransferAssessment,
}

// Problems of clauses.json. Where the problem is one the root package
// reports in the files it reads, the root's message is used (key
// "medsec.data.*"; a test keeps the texts equal).
var (
	msgDataRuleID         = tmpl{Key: "contracts.data.rule-id", Format: "%q is not a rule ID: use lower-case words joined by hyphens, such as \"cn-nhc-art4-security\""}
	msgDataRequired       = tmpl{Key: "contracts.data.required", Format: "give the rule's %s"}
	msgDataNoCitation     = tmpl{Key: "contracts.data.no-citation", Format: "cite the provision the rule rests on; only a notice-period rule may take its citation from the incident rule"}
	msgDataNoDuty         = tmpl{Key: "contracts.data.no-duty", Format: "%s creates no obligations: a required rule must rest on a provision that does"}
	msgDataNoInstrument   = tmpl{Key: "contracts.data.no-instrument", Format: "no instrument has the ID %q: correct the ID or add the instrument to a pack"}
	msgDataNoIncidentRule = tmpl{Key: "contracts.data.no-incident-rule", Format: "no incident rule has the ID %q: add it to an incidents.json or correct the ID"}
	msgDataNotFirstReport = tmpl{Key: "contracts.data.not-first-report", Format: "the incident rule %q sets no period from detection that a notice period can be compared with"}
	msgDataParam          = tmpl{Key: "contracts.data.param", Format: "a rule cannot ask a %v clause for the parameter %q"}
	msgDataOnlyFor        = tmpl{Key: "contracts.data.only-for", Format: "%q belongs only to %s rules"}
	msgDataCheckKind      = tmpl{Key: "contracts.data.check-kind", Format: "a %s rule asks for a %v clause"}
	msgDataText           = tmpl{Key: "contracts.data.text", Format: "give the English text in \"format\" with a verb for each argument: those of the data first, then those the checker adds (%d)"}
	msgDataArg            = tmpl{Key: "contracts.data.arg", Format: "an argument is a text or a message with \"key\" and \"format\""}
	msgDataKeyFormat      = tmpl{Key: "contracts.data.key-format", Format: "the key %q has another text elsewhere: give each text its own key"}
	msgDataCountry        = tmpl{Key: "contracts.data.country", Format: "%q is not a country code: use two upper-case letters (ISO 3166-1 alpha-2)"}

	msgDataDuplicateIn    = tmpl{Key: "medsec.data.duplicate-in", Format: "the ID %q is already used in %s: give each fact its own ID"}
	msgDataCitation       = tmpl{Key: "medsec.data.citation", Format: "the citation %q does not resolve (%s): cite an instrument and article of the registry"}
	msgDataNoSource       = tmpl{Key: "medsec.data.no-citation", Format: "cite the provision the fact rests on, or say in the note why none can be cited"}
	msgDataConfidence     = tmpl{Key: "medsec.data.confidence", Format: "state the confidence: verified, partial or unverified"}
	msgDataNote           = tmpl{Key: "medsec.data.note", Format: "the confidence is %s: say in the note what is not verified, and why"}
	msgDataUndeclared     = tmpl{Key: "medsec.data.undeclared", Format: "no pack declares the jurisdiction %q: declare it in a pack.json or correct the code"}
	msgDataUndeclaredFlag = tmpl{Key: "medsec.data.undeclared-flag", Format: "no pack declares the flag %q: declare it in a pack.json or correct the code"}
	msgDataNoDate         = tmpl{Key: "medsec.data.no-date", Format: "no legal date has the ID %q: add it to a dates.json or correct the ID"}
	msgDataPeriod         = tmpl{Key: "medsec.data.period", Format: "the period in force must not end before it starts"}
	msgDataMessageKey     = tmpl{Key: "medsec.data.message-key", Format: "%q is not a message key: use dot-separated words such as \"medsec.jurisdiction.CZ\""}
)

// kindTemplates name the clause kinds; index = ClauseKind.
var kindTemplates = func() []tmpl {
	out := make([]tmpl, numClauseKinds)
	english := [...]string{"", "security obligations", "liability for breach", "confidentiality", "data protection",
		"data localisation", "incident notification", "vulnerability handling", "patching", "remote access control",
		"right to audit", "subcontracting", "personnel screening", "training", "secure development",
		"software bill of materials", "end of support", "exit and data return", "business continuity",
		"certification", "logging"}
	for k := SecurityObligations; k < numClauseKinds; k++ {
		out[k] = tmpl{Key: "contracts.kind." + k.String(), Format: english[k]}
	}
	return out
}()

// categoryTemplates name the procurement categories; index = Category.
var categoryTemplates = func() []tmpl {
	out := make([]tmpl, numCategories)
	english := [...]string{"", "clinical information systems", "medical devices", "networking equipment",
		"remote care systems", "mobile client devices", "identification systems", "industrial control systems",
		"building management systems", "professional services", "cloud services"}
	for c := ClinicalInformationSystem; c < numCategories; c++ {
		out[c] = tmpl{Key: "contracts.category." + c.String(), Format: english[c]}
	}
	return out
}()

// allTemplates are the package's own templates, apart from the names of
// clause kinds and categories.
var allTemplates = []tmpl{
	msgDecodeDate, msgDecodeUUID, msgDecodeNilUUID, msgDecodeCitation, msgDecodeJurisdiction,
	msgDecodeReportFormat, msgDecodeReportArg, msgDecodeReportPath,
	msgValRequired, msgValMinEntries, msgValMaxEntries, msgValMaxChars, msgValMax, msgValEmail, msgValPhone,
	msgValCountry, msgValInvalid, msgValCitation, msgValOrder, msgValSeverityOrder, msgValPositive,
	msgValNonNegative, msgValParamKind, msgValRequiredFor, msgValGradeScheme, msgValRequiredWithData,
	msgValInstitutionLaw, msgValRule, msgValInternal,
	msgCheckAsOf,
	msgFindingMissing, msgWeakNoticeHours, msgWeakRemediationDays, msgWeakGateway, msgWeakMFA, msgWeakRecovery,
	msgWeakSupportEnd, msgWeakTransferAssessment, msgWeakNoticeTooSlow, msgWithinHours, msgWeakSupportEndsEarly,
	msgSeverityRequired, msgSeverityRecommended, msgSeverityUnknown, msgKindUnknown, msgCategoryUnknown,
	msgVulnCritical, msgVulnHigh, msgVulnMedium, msgVulnLow,
	msgDataRuleID, msgDataRequired, msgDataNoCitation, msgDataNoDuty, msgDataNoInstrument, msgDataNoIncidentRule,
	msgDataNotFirstReport, msgDataParam, msgDataOnlyFor, msgDataCheckKind, msgDataText, msgDataArg, msgDataKeyFormat,
	msgDataCountry,
	msgDataDuplicateIn, msgDataCitation, msgDataNoSource, msgDataConfidence, msgDataNote, msgDataUndeclared,
	msgDataUndeclaredFlag, msgDataNoDate, msgDataPeriod, msgDataMessageKey,
}

// MessageTemplates returns every message template the package uses,
// sorted by key, for translation by package i18n: its own (keys
// "contracts.*", and a few "medsec.data.*" of the root package for the
// problems of rule files that the root package reports in its files too)
// and those of the rules of the [DefaultChecker] (see
// [Checker.MessageTemplates]).
func MessageTemplates() []medsec.MessageTemplate {
	out := make([]medsec.MessageTemplate, 0, len(allTemplates)+len(kindTemplates)+len(categoryTemplates)+64)
	out = append(out, allTemplates...)
	out = append(out, kindTemplates[1:]...)
	out = append(out, categoryTemplates[1:]...)
	out = append(out, DefaultChecker().templates...)
	slices.SortFunc(out, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(out, func(a, b medsec.MessageTemplate) bool { return a.Key == b.Key })
}
