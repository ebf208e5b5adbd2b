package assist

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

func tmpl(key, format string) medsec.MessageTemplate {
	return medsec.MessageTemplate{Key: "assist." + key, Format: format}
}

// Every user-visible text of the package is made from one of these
// templates; package i18n translates them. A test checks that
// MessageTemplates lists each of them.
var (
	// Enumerations.
	msgSituationUnderAttack = tmpl("situation.under-attack", "under attack")
	msgSituationRecovering  = tmpl("situation.recovering", "recovering from an attack")
	msgSituationPreparing   = tmpl("situation.preparing", "preparing")
	msgSituationUnknown     = tmpl("situation.unknown", "situation not stated")

	msgProviderTypes = [...]medsec.MessageTemplate{
		tmpl("provider.university-hospital", "university hospital"),
		tmpl("provider.hospital", "hospital"),
		tmpl("provider.specialised-hospital", "specialised hospital"),
		tmpl("provider.outpatient-care", "outpatient care"),
		tmpl("provider.emergency-medical-service", "emergency medical service"),
		tmpl("provider.laboratory", "medical laboratory"),
		tmpl("provider.public-health-authority", "public health authority"),
		tmpl("provider.other", "other healthcare provider"),
	}
	msgProviderTypeUnknown = tmpl("provider.unknown", "provider type not stated")

	msgOffererOrganisation = tmpl("offerer.organisation", "organisation")
	msgOffererIndividual   = tmpl("offerer.individual", "individual")
	msgOffererUnknown      = tmpl("offerer.unknown", "offerer kind not stated")

	msgTermsProBono = tmpl("terms.pro-bono", "pro bono")
	msgTermsPaid    = tmpl("terms.paid", "paid")
	msgTermsUnknown = tmpl("terms.unknown", "terms not stated")

	msgModeOnSite  = tmpl("mode.on-site", "on site")
	msgModeRemote  = tmpl("mode.remote", "remote")
	msgModeUnknown = tmpl("mode.unknown", "mode not stated")

	msgClassEssential = tmpl("class.essential", "essential")
	msgClassImportant = tmpl("class.important", "important")
	msgClassOther     = tmpl("class.other", "other")
	msgClassUnknown   = tmpl("class.unknown", "class not stated")
	msgClassFromNIS2  = tmpl("class.from-nis2", "%s under NIS2")
	msgClassFromCZ    = tmpl("class.from-cz", "%s under Act 264/2025 Sb.")
	msgClassNotStated = tmpl("class.not-stated", "class under NIS2 and Czech law not stated")

	// The services, in catalogue order.
	msgServices = [...]medsec.MessageTemplate{
		tmpl("service.incident-response", "incident response"),
		tmpl("service.forensics", "digital forensics and malware analysis"),
		tmpl("service.recovery", "recovery and restore of systems and data"),
		tmpl("service.crisis-management", "crisis management and communication"),
		tmpl("service.monitoring", "security monitoring and detection"),
		tmpl("service.vulnerability-assessment", "vulnerability assessment and penetration testing"),
		tmpl("service.hardening", "hardening, patching and network segmentation"),
		tmpl("service.backup-review", "review of backups and continuity plans"),
		tmpl("service.risk-assessment", "risk assessment and security policy"),
		tmpl("service.awareness-training", "awareness training and phishing exercises"),
		tmpl("service.procurement-advice", "security in procurement (ENISA guidelines)"),
		tmpl("service.legal-advice", "legal and regulatory advice"),
	}
	msgServiceUnknown = tmpl("service.unknown", "service not stated")

	// Regions.
	msgCZRegions = [...]medsec.MessageTemplate{
		tmpl("region.CZ-10", "Prague"),
		tmpl("region.CZ-20", "Central Bohemian Region"),
		tmpl("region.CZ-31", "South Bohemian Region"),
		tmpl("region.CZ-32", "Plzeň Region"),
		tmpl("region.CZ-41", "Karlovy Vary Region"),
		tmpl("region.CZ-42", "Ústí nad Labem Region"),
		tmpl("region.CZ-51", "Liberec Region"),
		tmpl("region.CZ-52", "Hradec Králové Region"),
		tmpl("region.CZ-53", "Pardubice Region"),
		tmpl("region.CZ-63", "Vysočina Region"),
		tmpl("region.CZ-64", "South Moravian Region"),
		tmpl("region.CZ-71", "Olomouc Region"),
		tmpl("region.CZ-72", "Zlín Region"),
		tmpl("region.CZ-80", "Moravian-Silesian Region"),
	}
	msgRegionCzechia = tmpl("region.CZ", "the whole Czech Republic")
	msgRegionCountry = tmpl("region.country", "all of %s")
	msgRegionCode    = tmpl("region.code", "%s")

	// Counts.
	msgCountPersonDays  = tmpl("count.person-days", "%d person-days")
	msgCountEngagements = tmpl("count.engagements", "%d engagements")
	msgAnd              = tmpl("and", "%s and %s")
	msgOr               = tmpl("or", "%s or %s")

	// Reasons of an assignment.
	msgReasonOrder             = tmpl("reason.order", "Need %s is number %d of %d in the order of service: %s; %s; reported on %v.")
	msgReasonProvides          = tmpl("reason.provides", "Offer %s of %s provides %s.")
	msgReasonOnSite            = tmpl("reason.on-site", "On site in %s, which the offer covers.")
	msgReasonRemote            = tmpl("reason.remote", "Remote help, which the provider accepts.")
	msgReasonLanguage          = tmpl("reason.language", "Shared language: %s.")
	msgReasonAnyLanguage       = tmpl("reason.any-language", "The provider named no language.")
	msgReasonProBono           = tmpl("reason.pro-bono", "Pro bono.")
	msgReasonPaid              = tmpl("reason.paid", "Paid help, which the provider accepts.")
	msgReasonOnly              = tmpl("reason.only", "The only fitting offer with capacity left.")
	msgReasonChosen            = tmpl("reason.chosen", "Chosen before offer %s (%d fitting offers in all): %s.")
	msgChoiceSame              = tmpl("choice.same-offerer", "%s already helps this provider")
	msgChoiceMode              = tmpl("choice.mode", "it delivers the help the way the provider prefers (%s)")
	msgChoiceProBono           = tmpl("choice.pro-bono", "it is pro bono and offer %s is paid")
	msgChoiceID                = tmpl("choice.id", "the two are equal on every criterion, and the lower offer ID comes first")
	msgReasonCapacity          = tmpl("reason.capacity", "Takes %s; left: %s.")
	msgCapacityEngagementsOnly = tmpl("capacity.engagements-only", "%s (person-days not limited)")
	msgCapacityDaysOnly        = tmpl("capacity.days-only", "%s (engagements not limited)")

	// Reasons of an unmatched request.
	msgUnmatchedNone  = tmpl("unmatched.none", "No offer provides %s.")
	msgUnmatchedNoFit = tmpl("unmatched.no-fit", "None of the %d offers of %s fits.")
	msgFilterNotValid = tmpl("filter.not-valid", "%d do not stand on %v.")
	msgFilterMode     = tmpl("filter.mode", "%d offer no help in the way the provider accepts (%s).")
	msgFilterRegion   = tmpl("filter.region", "%d do not come on site in %s.")
	msgFilterLanguage = tmpl("filter.language", "%d share no language with the provider (%s).")
	msgFilterPaid     = tmpl("filter.paid", "%d are paid, and the provider accepts only pro bono help.")
	msgFilterBusy     = tmpl("filter.busy", "%d have no engagement left.")
	msgFilterDays     = tmpl("filter.days", "%d have fewer than %s left.")

	// Reasons of an unused offer.
	msgUnusedFrom      = tmpl("unused.from", "It does not stand on %v: it stands from %v.")
	msgUnusedPeriod    = tmpl("unused.period", "It does not stand on %v: it stands from %v to %v.")
	msgUnusedNoDemand  = tmpl("unused.no-demand", "No need asks for its services.")
	msgUnusedNoFit     = tmpl("unused.no-fit", "%d requests for its services did not fit it (mode, region, language, terms or size).")
	msgUnusedOutranked = tmpl("unused.outranked", "%d requests for its services went to offers ranked before it.")

	// The catalogue.
	msgCatTitle               = tmpl("catalogue.title", "Cybersecurity help catalogue for healthcare providers")
	msgCatLead                = tmpl("catalogue.lead", "Offers of help that stand on %v")
	msgCatIntro               = tmpl("catalogue.intro", "Companies and individuals offer this help to healthcare providers. It is coordinated by the %s, which matches the offers to the providers who need them most: those under attack first, then those recovering from an attack, then those preparing.")
	msgCatWrite               = tmpl("catalogue.write", "Providers who need help, and anyone who wants to offer it, write to %s.")
	msgCatEmpty               = tmpl("catalogue.empty", "No offer stands on this day.")
	msgCatServices            = tmpl("catalogue.services", "Services")
	msgCatIndexLine           = tmpl("catalogue.index-line", "%s: %s")
	msgCatOffers              = tmpl("catalogue.offers", "Offers")
	msgCatDisclaimer          = tmpl("catalogue.disclaimer", "The offers are published as the offerers made them; the publisher does not vouch for them. Paid help is charged by the offerer on its own terms.")
	msgCatRegistration        = tmpl("catalogue.registration", "registration no. %s")
	msgCatICO                 = tmpl("catalogue.ico", "company ID (IČO) %s")
	msgCatOnSiteIn            = tmpl("catalogue.on-site-in", "on site: %s")
	msgCatValidFrom           = tmpl("catalogue.valid-from", "from %v until withdrawn")
	msgCatValidFromUntil      = tmpl("catalogue.valid-from-until", "from %v to %v")
	msgCatViaCommittee        = tmpl("catalogue.via-committee", "through the publisher, %s")
	msgCatCapacityBoth        = tmpl("catalogue.capacity-both", "%s at a time, %s in all")
	msgCatCapacityEngagements = tmpl("catalogue.capacity-engagements", "%s at a time")
	msgCatCapacityDays        = tmpl("catalogue.capacity-days", "%s in all")
	msgLabelOfferer           = tmpl("label.offerer", "Offerer")
	msgLabelServices          = tmpl("label.services", "Services")
	msgLabelTerms             = tmpl("label.terms", "Terms")
	msgLabelDelivery          = tmpl("label.delivery", "Delivery")
	msgLabelLanguages         = tmpl("label.languages", "Languages")
	msgLabelCapacity          = tmpl("label.capacity", "Capacity")
	msgLabelValid             = tmpl("label.valid", "Valid")
	msgLabelContact           = tmpl("label.contact", "Contact")
	msgLabelNote              = tmpl("label.note", "Note")

	// The announcement.
	msgAnnSection   = tmpl("announcement.section", "Cybersecurity")
	msgAnnLead      = tmpl("announcement.lead", "Information on the cybersecurity services offered as voluntary help to hospitals and other healthcare providers.")
	msgAnnPublished = tmpl("announcement.published", "The %s, through its %s, publishes a catalogue of the help in cybersecurity that companies and individuals offer to healthcare providers.")
	msgAnnOffers    = tmpl("announcement.offers", "It lists %d offers that stand on %v.")
	msgAnnOfferers  = tmpl("announcement.offerers", "They come from %d organisations and individuals.")
	msgAnnProBono   = tmpl("announcement.pro-bono", "Of these, %d are pro bono.")
	msgAnnServices  = tmpl("announcement.services", "They cover %d services: %s.")
	msgAnnPriority  = tmpl("announcement.priority", "The %s matches the offers to the providers who need them most: those under attack first, then those recovering from an attack, then those preparing.")
	msgAnnContact   = tmpl("announcement.contact", "Providers who need help, and anyone who wants to join in, write to %s.")
	msgAnnDetails   = tmpl("announcement.details", "Details")

	// Errors.
	msgErrRequired        = tmpl("error.required", "a value is required here")
	msgErrEnum            = tmpl("error.enum", "%q is not allowed here; use one of: %s")
	msgErrTooLong         = tmpl("error.too-long", "use at most %d characters (this has %d)")
	msgErrControl         = tmpl("error.control", "contains a control or text-direction character (%s); remove it")
	msgErrReplacement     = tmpl("error.replacement", "contains U+FFFD, the trace of text that was not valid; send the original text as UTF-8")
	msgErrSpace           = tmpl("error.space", "remove the spaces at the start or the end")
	msgErrID              = tmpl("error.id", "%q is not an ID: use 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or a digit")
	msgErrRange           = tmpl("error.range", "must be from %d to %d (it is %d)")
	msgErrMinItems        = tmpl("error.min-items", "give at least %d")
	msgErrMaxItems        = tmpl("error.max-items", "give at most %d")
	msgErrDuplicate       = tmpl("error.duplicate", "%q is already listed at position %d (counted from 0)")
	msgErrDuplicateID     = tmpl("error.duplicate-id", "ID %q is already used by item %d (counted from 0)")
	msgErrEmail           = tmpl("error.email", "%q is not an e-mail address of the form name@example.cz")
	msgErrPhone           = tmpl("error.phone", "%q is not an international phone number such as +420 224 971 111")
	msgErrCountry         = tmpl("error.country", "%q is not an ISO 3166-1 country code such as CZ or SK")
	msgErrICO             = tmpl("error.ico", "%q is not a Czech company ID (IČO): eight digits, the last a check digit")
	msgErrRegion          = tmpl("error.region", "%q is not an ISO 3166-2 region code such as CZ-64 or a country code such as CZ")
	msgErrRegionCZ        = tmpl("error.region-cz", "%q is not one of the 14 Czech regions (CZ-10, CZ-20, CZ-31, CZ-32, CZ-41, CZ-42, CZ-51, CZ-52, CZ-53, CZ-63, CZ-64, CZ-71, CZ-72, CZ-80)")
	msgErrRegionWithdrawn = tmpl("error.region-withdrawn", "%q is a withdrawn code; use %s")
	msgErrRegionCountry   = tmpl("error.region-country", "%q is a whole country; give the provider's region, such as CZ-64")
	msgErrRegionsNeeded   = tmpl("error.regions-needed", "an offer of on-site help must name the regions where it is given")
	msgErrRegionsRemote   = tmpl("error.regions-remote", "an offer of remote help only names no regions; remove them, or add on-site to the modes")
	msgErrLanguage        = tmpl("error.language", "%q is not an ISO 639-1 language code such as cs or en")
	msgErrCapacity        = tmpl("error.capacity", "give the engagements, the person-days or both")
	msgErrPeriod          = tmpl("error.period", "the period starts on %v and ends earlier, on %v")
	msgErrDateInvalid     = tmpl("error.date-invalid", "the date %v does not exist")
	msgErrDateForm        = tmpl("error.date-form", "%q is not a date of the form YYYY-MM-DD")
	msgErrDateYear        = tmpl("error.date-year", "%q: the year must be 0001 or later")
	msgErrDateMonth       = tmpl("error.date-month", "%q: there is no month %d")
	msgErrDateDay         = tmpl("error.date-day", "%q: that month has no day %d")
	msgErrTag             = tmpl("error.tag", "%q is not a BCP 47 language tag such as cs or zh-Hant")
	msgErrLocale          = tmpl("error.locale", "%q is not a locale medsec speaks (en, zh-Hans, zh-Hant, vi or cs)")
	msgErrURL             = tmpl("error.url", "%q is not an https address without spaces, quotes or angle brackets")
	msgErrAsOf            = tmpl("error.as-of", "the as-of date is required: give the day whose offers apply")
	msgErrCatalogueDate   = tmpl("error.catalogue-date", "the catalogue's date is required")
	msgErrTooMany         = tmpl("error.too-many", "more than %d errors; fix these and try again")
	msgErrTooLarge        = tmpl("error.too-large", "the input is larger than %d bytes")
	msgErrDocument        = tmpl("error.document", "a file holds exactly one of \"offers\", \"needs\" and \"committee\"")
)

// MessageTemplates returns the templates of every message the package
// produces, sorted by key.
func MessageTemplates() []medsec.MessageTemplate {
	all := []medsec.MessageTemplate{
		msgSituationUnderAttack, msgSituationRecovering, msgSituationPreparing, msgSituationUnknown,
		msgProviderTypeUnknown, msgOffererOrganisation, msgOffererIndividual, msgOffererUnknown,
		msgTermsProBono, msgTermsPaid, msgTermsUnknown, msgModeOnSite, msgModeRemote, msgModeUnknown,
		msgClassEssential, msgClassImportant, msgClassOther, msgClassUnknown, msgClassFromNIS2, msgClassFromCZ, msgClassNotStated,
		msgServiceUnknown, msgRegionCzechia, msgRegionCountry, msgRegionCode,
		msgCountPersonDays, msgCountEngagements, msgAnd, msgOr,
		msgReasonOrder, msgReasonProvides, msgReasonOnSite, msgReasonRemote, msgReasonLanguage, msgReasonAnyLanguage,
		msgReasonProBono, msgReasonPaid, msgReasonOnly, msgReasonChosen, msgChoiceSame, msgChoiceMode, msgChoiceProBono,
		msgChoiceID, msgReasonCapacity, msgCapacityEngagementsOnly, msgCapacityDaysOnly,
		msgUnmatchedNone, msgUnmatchedNoFit, msgFilterNotValid, msgFilterMode, msgFilterRegion, msgFilterLanguage,
		msgFilterPaid, msgFilterBusy, msgFilterDays,
		msgUnusedFrom, msgUnusedPeriod, msgUnusedNoDemand, msgUnusedNoFit, msgUnusedOutranked,
		msgCatTitle, msgCatLead, msgCatIntro, msgCatWrite, msgCatEmpty, msgCatServices, msgCatIndexLine, msgCatOffers,
		msgCatDisclaimer, msgCatRegistration, msgCatICO, msgCatOnSiteIn, msgCatValidFrom, msgCatValidFromUntil,
		msgCatViaCommittee, msgCatCapacityBoth, msgCatCapacityEngagements, msgCatCapacityDays,
		msgLabelOfferer, msgLabelServices, msgLabelTerms, msgLabelDelivery, msgLabelLanguages, msgLabelCapacity,
		msgLabelValid, msgLabelContact, msgLabelNote,
		msgAnnSection, msgAnnLead, msgAnnPublished, msgAnnOffers, msgAnnOfferers, msgAnnProBono, msgAnnServices,
		msgAnnPriority, msgAnnContact, msgAnnDetails,
		msgErrRequired, msgErrEnum, msgErrTooLong, msgErrControl, msgErrReplacement, msgErrSpace, msgErrID, msgErrRange,
		msgErrMinItems, msgErrMaxItems, msgErrDuplicate, msgErrDuplicateID, msgErrEmail, msgErrPhone, msgErrCountry,
		msgErrICO, msgErrRegion, msgErrRegionCZ, msgErrRegionWithdrawn, msgErrRegionCountry, msgErrRegionsNeeded,
		msgErrRegionsRemote, msgErrLanguage, msgErrCapacity, msgErrPeriod, msgErrDateInvalid, msgErrDateForm,
		msgErrDateYear, msgErrDateMonth, msgErrDateDay, msgErrTag, msgErrLocale, msgErrURL, msgErrAsOf,
		msgErrCatalogueDate, msgErrTooMany, msgErrTooLarge, msgErrDocument,
	}
	all = append(all, msgProviderTypes[:]...)
	all = append(all, msgServices[:]...)
	all = append(all, msgCZRegions[:]...)
	slices.SortFunc(all, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) })
	return all
}
