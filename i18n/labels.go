package i18n

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

func tmpl(key, format string) medsec.MessageTemplate {
	return medsec.MessageTemplate{Key: key, Format: format}
}

// Messages used by the notice data.
var (
	msgRequired            = tmpl("i18n.notice.error.required", "%s is required: fill it in")
	msgBadText             = tmpl("i18n.notice.error.text", "%s contains the character %s at byte %d: a notice field is one line of printable text, so remove line breaks, control characters and direction overrides (give paragraphs as separate items)")
	msgBadLang             = tmpl("i18n.notice.error.lang", "%s is said to be in the language %q, which is not a BCP 47 tag in canonical form such as \"cs\" or \"zh-Hant\"")
	msgDraftNumber         = tmpl("i18n.notice.error.draft-number", "%s is set, but the document is a draft: a draft gets its number when it is issued, so leave it at 0 or mark the document as not a draft")
	msgContactTitle        = tmpl("i18n.notice.contact.title", ", %s")
	msgContactPhone        = tmpl("i18n.notice.contact.phone", ", phone %s")
	msgContactEmail        = tmpl("i18n.notice.contact.email", ", e-mail %s")
	msgSignForHead         = tmpl("i18n.notice.sign.for-head", "For the %s")
	msgSignOnBehalf        = tmpl("i18n.notice.sign.on-behalf", "On behalf of the %s")
	msgSignActing          = tmpl("i18n.notice.sign.acting", "Acting %s")
	msgRoleDirector        = tmpl("i18n.notice.role.director", "Director")
	msgRoleDeputyDirector  = tmpl("i18n.notice.role.deputy-director", "Deputy Director")
	msgRoleDeputyDirectorF = tmpl("i18n.notice.role.deputy-director"+feminineSuffix, "Deputy Director")
	msgSignActingF         = tmpl("i18n.notice.sign.acting"+feminineSuffix, "Acting %s")
	msgHolidayRecipients   = tmpl("i18n.notice.holiday.recipients", "Heads of the health units of the province")
	msgHolidayCopyDirector = tmpl("i18n.notice.holiday.copy-director", "Director of the Department (for information)")
	msgAsAbove             = tmpl("i18n.notice.holiday.as-above", "Addressees as above")
	msgArchive             = tmpl("i18n.notice.holiday.archive", "Filed: %s")

	msgHolidaySubject = tmpl("i18n.notice.holiday.subject", "strengthening network information security during the holidays")
	msgHolidayBasis   = tmpl("i18n.notice.holiday.basis", "%s has received Official Letter No. %s of %s from %s on strengthening network information security during the holidays. So that no unit is caught unprepared by an attack, all units are asked to carry out the following tasks:")
	msgTaskReview     = tmpl("i18n.notice.holiday.task.review", "Heads of units direct their technical staff to review the weaknesses and vulnerabilities of the information systems they manage, and to fix without delay those about which warnings have been issued.")
	msgTaskMonitor    = tmpl("i18n.notice.holiday.task.monitor", "Strengthen monitoring to detect signs of attack early, and keep technical staff on duty 24/7 throughout the holidays to monitor, respond to and remedy incidents.")
	msgTaskWarnings   = tmpl("i18n.notice.holiday.task.warnings", "Follow the security warnings and recommendations issued by the competent authorities and apply them promptly.")
	msgTaskBackup     = tmpl("i18n.notice.holiday.task.backup", "Back up important data before the holidays, install security updates, use licensed anti-malware software and strong passwords.")

	msgDisclosurePublic    = tmpl("i18n.notice.circular.disclosure.public", "(Form of disclosure: published proactively)")
	msgDisclosureOnRequest = tmpl("i18n.notice.circular.disclosure.on-request", "(Form of disclosure: on request)")
	msgDisclosureNotPublic = tmpl("i18n.notice.circular.disclosure.not-public", "(Form of disclosure: not disclosed)")

	msgFounded       = tmpl("i18n.notice.announcement.founded", "The %s was founded on %s.")
	msgFoundedWithin = tmpl("i18n.notice.announcement.founded-within", "The %s was founded on %s within the %s.")
	msgService       = tmpl("i18n.notice.announcement.service", "%s (%s)")
	msgServiceDesc   = tmpl("i18n.notice.announcement.service-description", "%s (%s): %s")

	msgNewsItem        = tmpl("i18n.notice.announcement.news-item", "%s (%s)")
	msgNewsItemSummary = tmpl("i18n.notice.announcement.news-item-summary", "%s (%s): %s")

	msgNoteFromDetection = tmpl("i18n.notice.deadline.note.from-detection", "(counted from detection, because the notification has not been submitted yet: the earliest moment a notification could exist, so this deadline is never later than the legal one)")
	msgDeadlineItem      = tmpl("i18n.notice.deadline.item", "%s: by %s (%s)")

	msgSuspectedYes     = tmpl("i18n.notice.incident.suspected.yes", "suspected")
	msgSuspectedNo      = tmpl("i18n.notice.incident.suspected.no", "not suspected")
	msgSuspectedUnknown = tmpl("i18n.notice.incident.suspected.unknown", "not yet known")
	msgOperatorCII      = tmpl("i18n.notice.incident.operator.cii", "operator of critical information infrastructure")
	msgOperatorCentral  = tmpl("i18n.notice.incident.operator.central", "central or state organ or affiliated unit")
	msgOperatorOther    = tmpl("i18n.notice.incident.operator.other", "other network operator")
)

// Messages of the errors in locale and translation files.
var (
	msgDataKey             = tmpl("i18n.data.key", "%q is not a message key: a key is not empty, does not begin with \"@\" and does not begin or end with a space")
	msgDataFormat          = tmpl("i18n.data.format", "the format %q breaks the rules: use only %%s, %%d, %%v and %%q, argument indexes from %%[1]s to %%[32]s, %%%% for a percent sign, and at most 64 verbs")
	msgDataEntry           = tmpl("i18n.data.entry", "give a format string, or an object with either \"format\" or \"plural\"")
	msgDataPluralArg       = tmpl("i18n.data.plural-arg", "plural.arg must name the argument that chooses the form, counting from 1")
	msgDataPluralRequired  = tmpl("i18n.data.plural-required", "the language %s needs the plural form %q: add it")
	msgDataPluralUnknown   = tmpl("i18n.data.plural-unknown", "the language %s has no plural form %q: remove it")
	msgDataLocaleTag       = tmpl("i18n.data.locale-tag", "%q is not a BCP 47 language tag such as \"cs\" or \"zh-Hant\"")
	msgDataLocaleCanonical = tmpl("i18n.data.locale-canonical", "write the language tag %q in its canonical form, %q")
	msgDataLocaleExists    = tmpl("i18n.data.locale-exists", "the catalog already has the locale %s: change its messages with Catalog.Extend")
	msgDataLocaleMissing   = tmpl("i18n.data.locale-missing", "a locale file states the locale's conventions in \"@locale\": add it")
	msgDataLocaleExtra     = tmpl("i18n.data.locale-extra", "only the file that adds a locale states its conventions: remove \"@locale\"")
	msgDataFileName        = tmpl("i18n.data.file-name", "the file is named for the locale %s but declares %s: rename it or correct the tag")
	msgDataRequired        = tmpl("i18n.data.required", "fill in %s")
	msgDataGrouping        = tmpl("i18n.data.grouping", "minimumGroupingDigits must be from 1 to 4, as in CLDR: 1 groups 1234, 2 groups numbers from 10000 on")
	msgDataMonths          = tmpl("i18n.data.months", "give the 12 months, January first, none empty")
	msgDataQuotes          = tmpl("i18n.data.quotes", "give two quotation marks: the opening one and the closing one")
	msgDataPattern         = tmpl("i18n.data.pattern", "the pattern %q may use only the fields %s, each in braces")
	msgDataPatternNeeds    = tmpl("i18n.data.pattern-needs", "the pattern %q must contain the field {%s}")
	msgDataCiteKey         = tmpl("i18n.data.citation-key", "%q is not a citation style key: use \"*\" or a jurisdiction code such as \"CZ\", optionally followed by \"/\" and an instrument kind such as \"CN/standard\"")
	msgDataCiteNumerals    = tmpl("i18n.data.citation-numerals", "%q is not a numbering: use \"arabic\" or \"han\" (Chinese numerals)")
	msgDataOfForm          = tmpl("i18n.data.of-form", "\"of\" is the form of a name after a cited provision: give it only beside \"format\", with the same placeholders")
)

var dataTemplates = []medsec.MessageTemplate{
	msgDataKey, msgDataFormat, msgDataEntry, msgDataPluralArg, msgDataPluralRequired, msgDataPluralUnknown,
	msgDataLocaleTag, msgDataLocaleCanonical, msgDataLocaleExists, msgDataLocaleMissing, msgDataLocaleExtra,
	msgDataFileName, msgDataRequired, msgDataGrouping, msgDataMonths, msgDataQuotes, msgDataPattern, msgDataPatternNeeds,
	msgDataCiteKey, msgDataCiteNumerals, msgDataOfForm,
}

// Labels used by the embedded templates as {@key}.
var labelTemplates = []medsec.MessageTemplate{
	tmpl("i18n.notice.incident.title.nis2-early-warning", "Early warning of a significant incident"),
	tmpl("i18n.notice.incident.title.nis2-notification", "Notification of a significant incident"),
	tmpl("i18n.notice.incident.title.nis2-final-report", "Final report on a significant incident"),
	tmpl("i18n.notice.incident.title.vn-initial-report", "Initial incident report"),
	tmpl("i18n.notice.incident.title.cn-report", "Report of a network security incident"),
	tmpl("i18n.notice.incident.basis.nis2", "Under Article 23 of Directive (EU) 2022/2555 (NIS2) and the national law transposing it."),
	tmpl("i18n.notice.incident.basis.vn", "Under Decision 05/2017/QĐ-TTg, Article 11, and Circular 20/2017/TT-BTTTT."),
	tmpl("i18n.notice.incident.basis.cn", "Under the Measures for the Reporting of National Network Security Incidents (CAC, 2025), Article 4."),
	tmpl("i18n.notice.incident.entity", "Entity:"),
	tmpl("i18n.notice.incident.owner", "System owner:"),
	tmpl("i18n.notice.incident.address", "Address:"),
	tmpl("i18n.notice.incident.system", "Affected system:"),
	tmpl("i18n.notice.incident.detected", "Detected:"),
	tmpl("i18n.notice.incident.contact", "Contact:"),
	tmpl("i18n.notice.incident.to", "To:"),
	tmpl("i18n.notice.incident.category", "Type of incident:"),
	tmpl("i18n.notice.incident.description", "Description:"),
	tmpl("i18n.notice.incident.severity", "Severity and impact:"),
	tmpl("i18n.notice.incident.severity-initial", "Initial assessment of severity and impact:"),
	tmpl("i18n.notice.incident.suspicion", "Unlawful or malicious act:"),
	tmpl("i18n.notice.incident.cross-border", "Cross-border impact:"),
	tmpl("i18n.notice.incident.indicators", "Indicators of compromise:"),
	tmpl("i18n.notice.incident.root-cause", "Type of threat or root cause:"),
	tmpl("i18n.notice.incident.mitigation", "Mitigation measures applied and ongoing:"),
	tmpl("i18n.notice.incident.measures", "Measures taken and planned:"),
	tmpl("i18n.notice.incident.provider", "IT or telecom infrastructure provider:"),
	tmpl("i18n.notice.incident.helpers", "Organisations helping, and results:"),
	tmpl("i18n.notice.incident.result", "Result of the initial response:"),
	tmpl("i18n.notice.incident.recommend", "Recommendations:"),
	tmpl("i18n.notice.incident.notified", "Incident notification sent:"),
	tmpl("i18n.notice.incident.operator", "Operator class:"),
	tmpl("i18n.notice.incident.deadlines", "Legal deadlines:"),
	tmpl("i18n.notice.vn.national-title", "SOCIALIST REPUBLIC OF VIETNAM"),
	tmpl("i18n.notice.vn.motto", "Independence – Freedom – Happiness"),
	tmpl("i18n.notice.label.number", "No.:"),
	tmpl("i18n.notice.label.copies", "Distribution:"),
}

var labelIndex = func() map[string]*medsec.MessageTemplate {
	m := make(map[string]*medsec.MessageTemplate, len(labelTemplates))
	for i := range labelTemplates {
		m[labelTemplates[i].Key] = &labelTemplates[i]
	}
	return m
}()

// MessageTemplates returns the templates of every message package i18n
// produces (notice texts, labels and errors), sorted by key.
func MessageTemplates() []medsec.MessageTemplate {
	out := []medsec.MessageTemplate{
		msgRequired, msgBadText, msgContactTitle, msgContactPhone, msgContactEmail, msgSignForHead, msgSignOnBehalf,
		msgSignActing, msgAsAbove, msgArchive, msgHolidaySubject, msgHolidayBasis, msgTaskReview,
		msgTaskMonitor, msgTaskWarnings, msgTaskBackup,
		msgDisclosurePublic, msgDisclosureOnRequest, msgDisclosureNotPublic, msgFounded, msgFoundedWithin,
		msgService, msgServiceDesc, msgNoteFromDetection, msgDeadlineItem,
		msgRoleDirector, msgRoleDeputyDirector, msgHolidayRecipients, msgHolidayCopyDirector,
		msgBadLang, msgDraftNumber, msgRoleDeputyDirectorF, msgSignActingF, msgNewsItem, msgNewsItemSummary,
		msgSuspectedYes, msgSuspectedNo, msgSuspectedUnknown, msgOperatorCII, msgOperatorCentral, msgOperatorOther,
	}
	out = append(out, dataTemplates...)
	out = append(out, labelTemplates...)
	slices.SortFunc(out, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return out
}
