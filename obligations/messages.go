package obligations

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

type tmpl = medsec.MessageTemplate

// Error messages.
var (
	msgErrDuplicate          = tmpl{Key: "obligations.error.duplicate", Format: "duty ID %s appears twice; give each duty a unique ID"}
	msgErrKeyFormat          = tmpl{Key: "obligations.error.key-format", Format: "message key %s has two different English formats; use one key per text"}
	msgErrAlternative        = tmpl{Key: "obligations.error.alternative", Format: "alternativeTo names %s, which is not another duty of the catalog"}
	msgErrKey                = tmpl{Key: "obligations.error.key", Format: "message key %q must be lower-case, without spaces, and start with \"obligations.\""}
	msgErrFormat             = tmpl{Key: "obligations.error.format", Format: "message %s needs a non-empty English format without arguments (write a percent sign as %%%%)"}
	msgErrID                 = tmpl{Key: "obligations.error.id", Format: "duty ID %q must be 3-64 upper-case letters, digits and single inner hyphens"}
	msgErrJurisdiction       = tmpl{Key: "obligations.error.jurisdiction", Format: "jurisdiction %q is not CN, VN, CZ or EU"}
	msgErrRequired           = tmpl{Key: "obligations.error.required", Format: "%s is required or has an unknown value"}
	msgErrNote               = tmpl{Key: "obligations.error.note", Format: "a duty whose confidence is %s needs a note saying why"}
	msgErrCitation           = tmpl{Key: "obligations.error.citation", Format: "citation %s does not resolve: %s"}
	msgErrEffectNone         = tmpl{Key: "obligations.error.effect-none", Format: "citation %s names an article that creates no obligations; move it to basis"}
	msgErrLevels             = tmpl{Key: "obligations.error.levels", Format: "levels must be 1-5 with the minimum not above the maximum, and only with a levelled scheme"}
	msgErrSystemScope        = tmpl{Key: "obligations.error.system-scope", Format: "a system-scope duty needs the scheme cn-mlps or vn-levels"}
	msgErrSchemeJurisdiction = tmpl{Key: "obligations.error.scheme-jurisdiction", Format: "scheme %s does not belong to jurisdiction %s"}
	msgErrIncident           = tmpl{Key: "obligations.error.incident", Format: "an incident condition needs an incident trigger"}
	msgErrRecurrence         = tmpl{Key: "obligations.error.recurrence", Format: "recurrence is malformed: %s"}
	msgErrIncidentScope      = tmpl{Key: "obligations.error.incident-scope", Format: "incident-triggered duties must have institution scope"}
	msgErrPeriod             = tmpl{Key: "obligations.error.period", Format: "the in-force period is not ordered or has an impossible date"}
	msgErrTrigger            = tmpl{Key: "obligations.error.trigger", Format: "trigger %s must be a non-incident trigger with a valid date"}
	msgErrSystemID           = tmpl{Key: "obligations.error.system-id", Format: "system ID %q is empty or used twice"}
	msgErrUnknownSystem      = tmpl{Key: "obligations.error.unknown-system", Format: "no system has the ID %q"}
	msgErrUnknownDuty        = tmpl{Key: "obligations.error.unknown-duty", Format: "no duty has the ID %q"}
	msgErrEvidenceScope      = tmpl{Key: "obligations.error.evidence-scope", Format: "duty %s binds the %s: give a system ID for system duties and none for institution duties"}
	msgErrEvidenceIncident   = tmpl{Key: "obligations.error.evidence-incident", Format: "evidence for duty %s must name an incident if, and only if, the duty runs from an incident"}
	msgErrUnknownIncident    = tmpl{Key: "obligations.error.unknown-incident", Format: "no incident has the ID %q"}
)

// Reasons.
var (
	msgReasonJurisdiction          = tmpl{Key: "obligations.reason.jurisdiction", Format: "the institution is subject to the law of %v"}
	msgReasonSystemLevel           = tmpl{Key: "obligations.reason.system-level", Format: "system %s is graded %v level %d; the duty applies from level %d"}
	msgReasonSystemLevelRange      = tmpl{Key: "obligations.reason.system-level-range", Format: "system %s is graded %v level %d; the duty applies at levels %d to %d"}
	msgReasonInstitutionLevel      = tmpl{Key: "obligations.reason.institution-level", Format: "the institution runs system %s at %v level %d; the duty applies from level %d"}
	msgReasonInstitutionLevelRange = tmpl{Key: "obligations.reason.institution-level-range", Format: "the institution runs system %s at %v level %d; the duty applies at levels %d to %d"}
	msgReasonSystemLevelOnly       = tmpl{Key: "obligations.reason.system-level-only", Format: "system %s is graded %v level %d; the duty applies at level %d only"}
	msgReasonInstitutionLevelOnly  = tmpl{Key: "obligations.reason.institution-level-only", Format: "the institution runs system %s at %v level %d; the duty applies at level %d only"}
	msgReasonNIS2                  = tmpl{Key: "obligations.reason.nis2", Format: "the institution is a NIS2 %v"}
	msgReasonCZ                    = tmpl{Key: "obligations.reason.cz", Format: "the institution is in the Czech %v"}
	msgReasonFlag                  = tmpl{Key: "obligations.reason.flag", Format: "%v, and %v"}
)

// Names.
var (
	msgSchemeMLPS   = tmpl{Key: "obligations.scheme.cn-mlps", Format: "MLPS"}
	msgSchemeVN     = tmpl{Key: "obligations.scheme.vn-levels", Format: "Vietnamese security"}
	msgClassImp     = tmpl{Key: "obligations.nis2.important", Format: "important entity"}
	msgClassEss     = tmpl{Key: "obligations.nis2.essential", Format: "essential entity"}
	msgRegimeLower  = tmpl{Key: "obligations.cz.lower", Format: "lower-obligations regime"}
	msgRegimeHigher = tmpl{Key: "obligations.cz.higher", Format: "higher-obligations regime"}
	msgUnknownName  = tmpl{Key: "obligations.name.unknown", Format: "unknown"}
	msgFlagUnknown  = tmpl{Key: "obligations.flag.unknown", Format: "an unknown property"}
	msgStatus       = [...]tmpl{
		{Key: "obligations.status.unknown", Format: "unknown"},
		{Key: "obligations.status.overdue", Format: "overdue"},
		{Key: "obligations.status.missing", Format: "missing evidence"},
		{Key: "obligations.status.due-soon", Format: "due soon"},
		{Key: "obligations.status.pending", Format: "not yet due"},
		{Key: "obligations.status.met", Format: "met"},
		{Key: "obligations.status.on-trigger", Format: "on trigger"},
	}
	msgRole = [...]tmpl{
		{Key: "obligations.role.unknown", Format: "unknown role"},
		{Key: "obligations.role.leadership-head", Format: "head of the leadership group"},
		{Key: "obligations.role.security-chief", Format: "security chief"},
		{Key: "obligations.role.security-admin", Format: "security administrator"},
		{Key: "obligations.role.system-admin", Format: "system administrator"},
		{Key: "obligations.role.audit-admin", Format: "audit administrator"},
		{Key: "obligations.role.pi-officer", Format: "personal-information protection officer"},
		{Key: "obligations.role.management-member", Format: "member of the management body"},
		{Key: "obligations.role.cz-cyber-manager", Format: "cybersecurity manager"},
		{Key: "obligations.role.cz-cyber-architect", Format: "cybersecurity architect"},
		{Key: "obligations.role.cz-cyber-person", Format: "person charged with cybersecurity"},
		{Key: "obligations.role.vn-security-unit", Format: "specialised information-security unit"},
		{Key: "obligations.role.vn-incident-contact", Format: "incident-response contact point"},
	}
)

// Role findings.
var (
	msgFindMissing          = tmpl{Key: "obligations.finding.missing", Format: "no %v is assigned"}
	msgFindMissingForLevel  = tmpl{Key: "obligations.finding.missing-for-level", Format: "no %v is assigned for system %s (MLPS level %d)"}
	msgFindHeadNotPrincipal = tmpl{Key: "obligations.finding.head-not-principal", Format: "the leadership group head %s is not the institution's principal %q"}
	msgFindSecAdminOther    = tmpl{Key: "obligations.finding.secadmin-other-role", Format: "security administrator %s of level-3+ system %s also holds the role %v"}
	msgFindSameAdmin        = tmpl{Key: "obligations.finding.same-admin", Format: "%s is both system and audit administrator of level-3+ system %s"}
	msgFindNoBackground     = tmpl{Key: "obligations.finding.no-background-check", Format: "%s (%v) has no background check on record"}
	msgFindNoAgreement      = tmpl{Key: "obligations.finding.no-agreement", Format: "vendor staff %s (%v) has no confidentiality agreement on record"}
	msgFindNoTraining       = tmpl{Key: "obligations.finding.no-training", Format: "%s (%v) has no security training on record"}
)

// Report rendering.
var (
	msgRenderHeading = tmpl{Key: "obligations.render.heading", Format: "Gap report for %s as of %v"}
	msgRenderTotals  = tmpl{Key: "obligations.render.totals", Format: "%d overdue, %d missing evidence, %d due soon, %d not yet due, %d met, %d on trigger"}
	msgRenderDue     = tmpl{Key: "obligations.render.due", Format: "due %v"}
	msgRenderDone    = tmpl{Key: "obligations.render.done", Format: "done %v (%s)"}
	msgRenderNoDue   = tmpl{Key: "obligations.render.no-due", Format: "no due date"}
	msgRenderInst    = tmpl{Key: "obligations.render.institution", Format: "institution"}
	msgRenderCol     = tmpl{Key: "obligations.render.columns", Format: "Status | Due | Duty | System | Citation | Confidence"}
	msgRenderNote    = tmpl{Key: "obligations.render.note", Format: "note: %v"}
)

// Notes on how a due date was computed ([Item.Note]).
var (
	msgNoteFromDetection = tmpl{Key: "obligations.note.from-detection", Format: "the incident notification has not been submitted yet, so the month runs from detection, the earliest moment a notification could exist; the due date is never later than the legal one"}
)

// Message returns the flag's name as a translatable message, as the
// default registry's packs declare it.
func (f Flag) Message() medsec.Message {
	if f.Valid() {
		if info, ok := medsec.DefaultRegistry().Flag(medsec.Flag(f.String())); ok {
			return info.Name
		}
	}
	return msgFlagUnknown.New()
}

func schemeMessage(s grading.Scheme) medsec.Message {
	switch s {
	case grading.SchemeMLPS:
		return msgSchemeMLPS.New()
	case grading.SchemeVN:
		return msgSchemeVN.New()
	}
	return msgUnknownName.New()
}

func classMessage(l uint8) medsec.Message {
	switch grading.EntityClass(l) {
	case grading.Important:
		return msgClassImp.New()
	case grading.Essential:
		return msgClassEss.New()
	}
	return msgUnknownName.New()
}

func regimeMessage(l uint8) medsec.Message {
	switch grading.CZRegime(l) {
	case grading.CZLower:
		return msgRegimeLower.New()
	case grading.CZHigher:
		return msgRegimeHigher.New()
	}
	return msgUnknownName.New()
}

func pathf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func ownTemplates() []tmpl {
	ts := []tmpl{
		msgErrDuplicate, msgErrKeyFormat, msgErrAlternative, msgErrKey, msgErrFormat, msgErrID, msgErrJurisdiction, msgErrRequired,
		msgErrNote, msgErrCitation, msgErrEffectNone, msgErrLevels, msgErrSystemScope, msgErrSchemeJurisdiction,
		msgErrIncident, msgErrRecurrence, msgErrIncidentScope, msgErrPeriod, msgErrTrigger, msgErrSystemID,
		msgErrUnknownSystem, msgErrUnknownDuty, msgErrUnknownIncident, msgErrEvidenceScope, msgErrEvidenceIncident,
		msgReasonJurisdiction, msgReasonSystemLevel, msgReasonSystemLevelRange, msgReasonInstitutionLevel,
		msgReasonInstitutionLevelRange, msgReasonSystemLevelOnly, msgReasonInstitutionLevelOnly, msgReasonNIS2, msgReasonCZ, msgReasonFlag,
		msgSchemeMLPS, msgSchemeVN, msgClassImp, msgClassEss, msgRegimeLower, msgRegimeHigher, msgUnknownName,
		msgFindMissing, msgFindMissingForLevel, msgFindHeadNotPrincipal, msgFindSecAdminOther, msgFindSameAdmin,
		msgFindNoBackground, msgFindNoAgreement, msgFindNoTraining,
		msgRenderHeading, msgRenderTotals, msgRenderDue, msgRenderDone, msgRenderNoDue, msgRenderInst, msgRenderCol,
		msgRenderNote, msgNoteFromDetection,
	}
	ts = append(ts, msgFlagUnknown) // the names of real flags are the registry's (medsec.Registry.Flags)
	ts = append(ts, msgStatus[:]...)
	ts = append(ts, msgRole[:]...)
	return ts
}

// MessageTemplates returns every message template the package can produce,
// sorted by key: its own texts (reasons, statuses, role findings, errors,
// report labels) and the titles, descriptions and evidence texts of the
// embedded catalog. A key used by several duties (shared evidence texts)
// appears once.
func MessageTemplates() []medsec.MessageTemplate {
	ts := ownTemplates()
	for _, d := range DefaultCatalog().duties {
		ts = append(ts, tmpl{Key: d.Title.Key, Format: d.Title.Format}, tmpl{Key: d.Description.Key, Format: d.Description.Format})
		for _, e := range d.Evidence {
			ts = append(ts, tmpl{Key: e.Key, Format: e.Format})
		}
	}
	slices.SortFunc(ts, func(a, b tmpl) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(ts, func(a, b tmpl) bool { return a == b })
}
