package contracts

import (
	"sort"

	"github.com/medsec-go/medsec"
)

type tmpl = medsec.MessageTemplate

// Decoding errors of the text forms the decoder checks; the other decoding
// errors have the keys medsec.decode.* of the root package.
var (
	msgDecodeDate     = tmpl{Key: "contracts.decode.date", Format: "%q is not a date of the form YYYY-MM-DD"}
	msgDecodeUUID     = tmpl{Key: "contracts.decode.uuid", Format: "%q is not a UUID in its canonical lower-case form"}
	msgDecodeCitation = tmpl{Key: "contracts.decode.citation", Format: "%q is not a citation such as \"EU-NIS2 art. 21(2)(d)\""}
)

// Validation errors.
var (
	msgValRequired         = tmpl{Key: "contracts.validate.required", Format: "a value is required here"}
	msgValMinEntries       = tmpl{Key: "contracts.validate.min-entries", Format: "give at least %d entries"}
	msgValMaxEntries       = tmpl{Key: "contracts.validate.max-entries", Format: "give at most %d entries"}
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
	msgValRequiredFor      = tmpl{Key: "contracts.validate.required-for", Format: "required for contracts under the law of %v"}
	msgValGradeScheme      = tmpl{Key: "contracts.validate.grade-scheme", Format: "this grade does not apply to contracts under the law of %v"}
	msgValRequiredWithData = tmpl{Key: "contracts.validate.required-with-data", Format: "required when health or personal data is handled"}
	msgValRule             = tmpl{Key: "contracts.validate.rule", Format: "the value breaks the rule %q"}
	msgValInternal         = tmpl{Key: "contracts.validate.internal", Format: "the contract could not be validated"}
)

// Findings.
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
	msgWeakStorageAbroad      = tmpl{Key: "contracts.finding.storage-abroad", Format: "health data is stored in %q; Chinese health data must be stored in China"}
	msgWeakSupportEndsEarly   = tmpl{Key: "contracts.finding.support-ends-early", Format: "security updates end on %v, before the contract ends on %v"}
	msgReasonCNArt4Security   = tmpl{Key: "contracts.reason.cn-art4-security", Format: "Chinese healthcare institutions must agree network-security duties in writing with IT-construction participants and medical-device suppliers"}
	msgReasonCNArt4Liability  = tmpl{Key: "contracts.reason.cn-art4-liability", Format: "Chinese healthcare institutions must agree liability for breach in writing with IT-construction participants and medical-device suppliers"}
	msgReasonCNLocalisation   = tmpl{Key: "contracts.reason.cn-localisation", Format: "Chinese health data is kept and processed in China; transfers abroad need a security assessment"}
	msgReasonCNCSL37          = tmpl{Key: "contracts.reason.cn-csl37", Format: "operators of critical information infrastructure store personal information and important data in China"}
	msgReasonCNTransfer       = tmpl{Key: "contracts.reason.cn-transfer", Format: "personal information leaves China only by a lawful route such as a security assessment"}
	msgReasonCNTransferCII    = tmpl{Key: "contracts.reason.cn-transfer-cii", Format: "a critical-information-infrastructure operator needs a CAC security assessment before personal information leaves China"}
	msgReasonCNStorage        = tmpl{Key: "contracts.reason.cn-storage", Format: "Chinese health data is stored in China"}
	msgReasonNIS2SupplyChain  = tmpl{Key: "contracts.reason.nis2-supply-chain", Format: "essential and important entities must secure their supply chain, including the security aspects of their relationships with direct suppliers"}
	msgReasonCZAnnex7         = tmpl{Key: "contracts.reason.cz-annex7", Format: "contracts with significant suppliers cover this area of Decree 82/2018 Annex 7: %v"}
	msgReasonCZ409            = tmpl{Key: "contracts.reason.cz-409", Format: "proposed area for contracts with significant suppliers under Decree 409/2025 (unverified: the decree's list was not read): %v"}
	msgReasonENISA            = tmpl{Key: "contracts.reason.enisa", Format: "ENISA good practice %s: %v"}
	msgReasonDeadline         = tmpl{Key: "contracts.reason.deadline", Format: "the vendor's incident notice must reach the hospital within its own reporting deadline of %d hours"}
	msgReasonSupportTerm      = tmpl{Key: "contracts.reason.support-term", Format: "security updates should last at least as long as the contract"}
	msgAreaSecurityProvisions = tmpl{Key: "contracts.area.security-provisions", Format: "information security provisions"}
	msgAreaRightToUseData     = tmpl{Key: "contracts.area.right-to-use-data", Format: "right to use data"}
	msgAreaSupplierManagement = tmpl{Key: "contracts.area.supplier-management", Format: "supplier management, including subcontractors"}
	msgAreaContinuity         = tmpl{Key: "contracts.area.continuity", Format: "business continuity"}
	msgAreaAudit              = tmpl{Key: "contracts.area.audit", Format: "inspection and audit of the supplier"}
	msgAreaExit               = tmpl{Key: "contracts.area.exit", Format: "termination, with return and deletion of data"}
	msgAreaSanctions          = tmpl{Key: "contracts.area.sanctions", Format: "sanctions for breach of duties"}
	msgAreaIncidents          = tmpl{Key: "contracts.area.incidents", Format: "incident notification by the supplier"}
	msgAreaConfidentiality    = tmpl{Key: "contracts.area.confidentiality", Format: "confidentiality"}
	msgAreaSecurityPolicy     = tmpl{Key: "contracts.area.security-policy", Format: "compliance with the customer's security policy"}
	msgAreaSubcontractors     = tmpl{Key: "contracts.area.subcontractors", Format: "flow-down of duties to subcontractors"}
	msgAreaServiceLevels      = tmpl{Key: "contracts.area.service-levels", Format: "business continuity and service levels"}
	msgSeverityRequired       = tmpl{Key: "contracts.severity.required", Format: "required"}
	msgSeverityRecommended    = tmpl{Key: "contracts.severity.recommended", Format: "recommended"}
	msgSeverityUnknown        = tmpl{Key: "contracts.severity.unknown", Format: "unknown severity"}
	msgKindUnknown            = tmpl{Key: "contracts.kind.unknown", Format: "unknown kind"}
	msgCategoryUnknown        = tmpl{Key: "contracts.category.unknown", Format: "unknown category"}
)

// ENISA good-practice titles (ENISA-PROC-2020, Feb 2020).
var (
	msgGP01 = tmpl{Key: "contracts.enisa.gp-01", Format: "involve the IT department in procurement"}
	msgGP02 = tmpl{Key: "contracts.enisa.gp-02", Format: "vulnerability management"}
	msgGP03 = tmpl{Key: "contracts.enisa.gp-03", Format: "a policy for hardware and software updates"}
	msgGP04 = tmpl{Key: "contracts.enisa.gp-04", Format: "secure wireless communication"}
	msgGP05 = tmpl{Key: "contracts.enisa.gp-05", Format: "testing policies"}
	msgGP06 = tmpl{Key: "contracts.enisa.gp-06", Format: "business continuity plans"}
	msgGP07 = tmpl{Key: "contracts.enisa.gp-07", Format: "interoperability"}
	msgGP08 = tmpl{Key: "contracts.enisa.gp-08", Format: "auditing and logging"}
	msgGP09 = tmpl{Key: "contracts.enisa.gp-09", Format: "encryption"}
	msgGP10 = tmpl{Key: "contracts.enisa.gp-10", Format: "risk assessment"}
	msgGP11 = tmpl{Key: "contracts.enisa.gp-11", Format: "security requirements planned in advance"}
	msgGP12 = tmpl{Key: "contracts.enisa.gp-12", Format: "threat identification"}
	msgGP13 = tmpl{Key: "contracts.enisa.gp-13", Format: "network segregation"}
	msgGP14 = tmpl{Key: "contracts.enisa.gp-14", Format: "eligibility criteria for suppliers"}
	msgGP15 = tmpl{Key: "contracts.enisa.gp-15", Format: "a dedicated request for proposals for cloud"}
	msgGP16 = tmpl{Key: "contracts.enisa.gp-16", Format: "certification"}
	msgGP17 = tmpl{Key: "contracts.enisa.gp-17", Format: "data protection impact assessment"}
	msgGP18 = tmpl{Key: "contracts.enisa.gp-18", Format: "legacy systems"}
	msgGP19 = tmpl{Key: "contracts.enisa.gp-19", Format: "cybersecurity training"}
	msgGP20 = tmpl{Key: "contracts.enisa.gp-20", Format: "incident response plans"}
	msgGP21 = tmpl{Key: "contracts.enisa.gp-21", Format: "supplier involvement in incident management"}
	msgGP22 = tmpl{Key: "contracts.enisa.gp-22", Format: "organised maintenance operations"}
	msgGP23 = tmpl{Key: "contracts.enisa.gp-23", Format: "secure remote access"}
	msgGP24 = tmpl{Key: "contracts.enisa.gp-24", Format: "patching"}
	msgGP25 = tmpl{Key: "contracts.enisa.gp-25", Format: "cybersecurity awareness"}
	msgGP26 = tmpl{Key: "contracts.enisa.gp-26", Format: "asset inventory and configuration management"}
	msgGP27 = tmpl{Key: "contracts.enisa.gp-27", Format: "dedicated access control for medical device facilities"}
	msgGP28 = tmpl{Key: "contracts.enisa.gp-28", Format: "penetration testing, regularly and after changes"}
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

var allTemplates = []tmpl{
	msgDecodeDate, msgDecodeUUID, msgDecodeCitation,
	msgValRequired, msgValMinEntries, msgValMaxEntries, msgValMaxChars, msgValMax, msgValEmail, msgValPhone,
	msgValCountry, msgValInvalid, msgValCitation, msgValOrder, msgValSeverityOrder, msgValPositive,
	msgValNonNegative, msgValParamKind, msgValRequiredFor, msgValGradeScheme, msgValRequiredWithData, msgValRule,
	msgValInternal,
	msgFindingMissing, msgWeakNoticeHours, msgWeakRemediationDays, msgWeakGateway, msgWeakMFA, msgWeakRecovery,
	msgWeakSupportEnd, msgWeakTransferAssessment, msgWeakNoticeTooSlow, msgWithinHours, msgWeakStorageAbroad, msgWeakSupportEndsEarly,
	msgReasonCNArt4Security, msgReasonCNArt4Liability, msgReasonCNLocalisation, msgReasonCNCSL37,
	msgReasonCNTransfer, msgReasonCNTransferCII, msgReasonCNStorage, msgReasonNIS2SupplyChain, msgReasonCZAnnex7,
	msgReasonCZ409, msgReasonENISA, msgReasonDeadline, msgReasonSupportTerm,
	msgAreaSecurityProvisions, msgAreaRightToUseData, msgAreaSupplierManagement, msgAreaContinuity, msgAreaAudit,
	msgAreaExit, msgAreaSanctions, msgAreaIncidents, msgAreaConfidentiality, msgAreaSecurityPolicy,
	msgAreaSubcontractors, msgAreaServiceLevels,
	msgSeverityRequired, msgSeverityRecommended, msgSeverityUnknown, msgKindUnknown, msgCategoryUnknown,
	msgGP01, msgGP02, msgGP03, msgGP04, msgGP05, msgGP06, msgGP07, msgGP08, msgGP09, msgGP10, msgGP11, msgGP12,
	msgGP13, msgGP14, msgGP15, msgGP16, msgGP17, msgGP18, msgGP19, msgGP20, msgGP21, msgGP22, msgGP23, msgGP24,
	msgGP25, msgGP26, msgGP27, msgGP28,
}

// MessageTemplates returns every message template the package uses,
// sorted by key, for translation by package i18n. Keys start with
// "contracts.".
func MessageTemplates() []medsec.MessageTemplate {
	out := make([]medsec.MessageTemplate, 0, len(allTemplates)+len(kindTemplates)+len(categoryTemplates))
	out = append(out, allTemplates...)
	out = append(out, kindTemplates[1:]...)
	out = append(out, categoryTemplates[1:]...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
