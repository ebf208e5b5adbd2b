package main

import (
	"embed"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
)

// The program's own messages. Their translations live in locales/*.json
// and are added to medsec's catalog with i18n's Catalog.Extend, the way any
// application adds its own keys.
var (
	msgTitle         = medsec.MessageTemplate{Key: "hospital.title", Format: "medsec: the state of %d institutions on %s (legal data reviewed %s)"}
	msgInstitution   = medsec.MessageTemplate{Key: "hospital.institution", Format: "%s — %s"}
	msgGrades        = medsec.MessageTemplate{Key: "hospital.section.grades", Format: "Grades"}
	msgDuties        = medsec.MessageTemplate{Key: "hospital.section.duties", Format: "Duties, due dates and gaps"}
	msgRoles         = medsec.MessageTemplate{Key: "hospital.section.roles", Format: "Role assignments"}
	msgContracts     = medsec.MessageTemplate{Key: "hospital.section.contracts", Format: "Vendor contracts"}
	msgNotice        = medsec.MessageTemplate{Key: "hospital.section.notice", Format: "Holiday network-security dispatch"}
	msgGradeLine     = medsec.MessageTemplate{Key: "hospital.grade", Format: "%s, %s: %s (confidence: %s)"}
	msgDue           = medsec.MessageTemplate{Key: "hospital.due", Format: "due %s"}
	msgNoDue         = medsec.MessageTemplate{Key: "hospital.due.none", Format: "no due date"}
	msgDone          = medsec.MessageTemplate{Key: "hospital.done", Format: "done %s: %s"}
	msgConfidence    = medsec.MessageTemplate{Key: "hospital.confidence", Format: "confidence: %s"}
	msgNoRoleIssues  = medsec.MessageTemplate{Key: "hospital.roles.none", Format: "No findings."}
	msgContract      = medsec.MessageTemplate{Key: "hospital.contract", Format: "Contract %s with %s"}
	msgContractClean = medsec.MessageTemplate{Key: "hospital.contract.clean", Format: "No findings: the contract has every clause the rules ask for."}
	msgContractBad   = medsec.MessageTemplate{Key: "hospital.contract.invalid", Format: "%d errors: the contract data is invalid and was not checked further"}
	msgSchemeMLPS    = medsec.MessageTemplate{Key: "hospital.scheme.cn-mlps", Format: "MLPS (China)"}
	msgSchemeVN      = medsec.MessageTemplate{Key: "hospital.scheme.vn-levels", Format: "information-system level (Vietnam)"}
	msgSchemeNIS2    = medsec.MessageTemplate{Key: "hospital.scheme.eu-nis2", Format: "NIS2 entity class"}
	msgSchemeCZ      = medsec.MessageTemplate{Key: "hospital.scheme.cz-regime", Format: "Czech obligations regime"}
	msgSevError      = medsec.MessageTemplate{Key: "hospital.severity.error", Format: "error"}
	msgSevWarning    = medsec.MessageTemplate{Key: "hospital.severity.warning", Format: "warning"}
)

// messageTemplates lists every template above and those of package cli,
// for the completeness test.
func messageTemplates() []medsec.MessageTemplate {
	return append(cli.MessageTemplates(), msgTitle, msgInstitution, msgGrades, msgDuties, msgRoles, msgContracts, msgNotice,
		msgGradeLine, msgDue, msgNoDue, msgDone, msgConfidence, msgNoRoleIssues, msgContract, msgContractClean,
		msgContractBad, msgSchemeMLPS, msgSchemeVN, msgSchemeNIS2, msgSchemeCZ, msgSevError, msgSevWarning)
}

var schemeNames = map[string]medsec.MessageTemplate{
	"cn-mlps": msgSchemeMLPS, "vn-levels": msgSchemeVN, "eu-nis2": msgSchemeNIS2, "cz-regime": msgSchemeCZ,
}

var severityNames = map[string]medsec.MessageTemplate{"error": msgSevError, "warning": msgSevWarning}

//go:embed locales/*.json
var localeFiles embed.FS

// catalog returns medsec's default catalog extended with the translations
// of package cli and the program's own.
func catalog() (*i18n.Catalog, error) { return cli.Catalog(localeFiles) }
