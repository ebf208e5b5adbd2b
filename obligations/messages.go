package obligations

import (
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/reportjson"
)

type tmpl = medsec.MessageTemplate

// Error messages.
var (
	msgErrDuplicate          = tmpl{Key: "obligations.error.duplicate", Format: "duty ID %s appears twice; give each duty a unique ID"}
	msgErrDuplicateIn        = tmpl{Key: "obligations.error.duplicate-in", Format: "%s is declared twice; it is also in %s"}
	msgErrKeyFormat          = tmpl{Key: "obligations.error.key-format", Format: "message key %s has two different English formats; use one key per text"}
	msgErrAlternative        = tmpl{Key: "obligations.error.alternative", Format: "alternativeTo names %s, which is not another duty of the catalog"}
	msgErrKey                = tmpl{Key: "obligations.error.key", Format: "message key %q must be lower-case words of letters, digits, hyphens and underscores joined by dots, such as \"fn.backup.title\", at most 128 bytes"}
	msgErrKeyReserved        = tmpl{Key: "obligations.error.key-reserved", Format: "message key %q is one of this package's own messages; choose a key of your own"}
	msgErrFormat             = tmpl{Key: "obligations.error.format", Format: "message %s needs a non-empty English format without arguments (write a percent sign as %%%%)"}
	msgErrVerbs              = tmpl{Key: "obligations.error.verbs", Format: "the message of a %s check must use one formatting verb for each argument that kind of check gets, in their order and without argument indexes (see obligations.RoleCheck)"}
	msgErrID                 = tmpl{Key: "obligations.error.id", Format: "ID %q must be 3-64 upper-case letters, digits and single inner hyphens"}
	msgErrJurisdiction       = tmpl{Key: "obligations.error.jurisdiction", Format: "jurisdiction %q is not declared by any pack of the registry"}
	msgErrFlag               = tmpl{Key: "obligations.error.flag", Format: "flag %q is not declared by any pack of the registry"}
	msgErrEvent              = tmpl{Key: "obligations.error.event", Format: "event %q is not declared by any pack of the registry"}
	msgErrRole               = tmpl{Key: "obligations.error.role", Format: "role %q is not declared by the roles.json of any pack of the registry"}
	msgErrRoleCode           = tmpl{Key: "obligations.error.role-code", Format: "role code %q must be lower-case words of letters and digits joined by hyphens, at most 64 bytes"}
	msgErrRequired           = tmpl{Key: "obligations.error.required", Format: "%s is missing: give a value"}
	msgErrInvalidValue       = tmpl{Key: "obligations.error.invalid-value", Format: "%q is not a valid value of %s"}
	msgErrNote               = tmpl{Key: "obligations.error.note", Format: "a fact whose confidence is %s needs a note saying why"}
	msgErrCitation           = tmpl{Key: "obligations.error.citation", Format: "citation %s does not resolve: %s"}
	msgErrEffectNone         = tmpl{Key: "obligations.error.effect-none", Format: "citation %s names an article that creates no obligations; move it to basis"}
	msgErrLevels             = tmpl{Key: "obligations.error.levels", Format: "levels must be 1-5 with the minimum not above the maximum, and only with a levelled scheme"}
	msgErrSystemScope        = tmpl{Key: "obligations.error.system-scope", Format: "use the scheme cn-mlps or vn-levels: only they grade systems in levels, which system scope and level bounds need"}
	msgErrSchemeJurisdiction = tmpl{Key: "obligations.error.scheme-jurisdiction", Format: "scheme %s does not belong to jurisdiction %s"}
	msgErrRecurrence         = tmpl{Key: "obligations.error.recurrence", Format: "recurrence is malformed: %s"}
	msgErrIncidentScope      = tmpl{Key: "obligations.error.incident-scope", Format: "incident-triggered duties must have institution scope"}
	msgErrIncidentRule       = tmpl{Key: "obligations.error.incident-rule", Format: "duty %s has the recurrence kind incident-rule, but the registry holds no incident rule with this ID; add the rule to a pack's incidents.json, or give the duty a recurrence of its own"}
	msgErrFromRule           = tmpl{Key: "obligations.error.from-rule", Format: "%s comes from incident rule %s; leave it out, or give the rule's value"}
	msgErrRuleNoDuty         = tmpl{Key: "obligations.error.rule-no-duty", Format: "incident rule %s has no duty that reports under it; add a duty with this ID and the recurrence kind incident-rule to a pack's duties.json"}
	msgErrCheckShape         = tmpl{Key: "obligations.error.check-shape", Format: "this does not fit a %s check: every check names roles, a distinct check at least two; alternatives go with required checks, record and employment with record checks; principal and record checks need institution scope"}
	msgErrRetain             = tmpl{Key: "obligations.error.retain", Format: "retainFor must be a period in days, months or years, from 1 up to %d, such as {\"months\": 6}"}
	msgErrPeriod             = tmpl{Key: "obligations.error.period", Format: "the in-force period is not ordered or has an impossible date"}
	msgErrRead               = tmpl{Key: "obligations.error.read", Format: "the file cannot be read: %s"}
	msgErrUnknownSystem      = tmpl{Key: "obligations.error.unknown-system", Format: "no system has the ID %q"}
	msgErrUnknownDuty        = tmpl{Key: "obligations.error.unknown-duty", Format: "no duty has the ID %q; check it against the catalog"}
	msgErrUnknownDutyNear    = tmpl{Key: "obligations.error.unknown-duty-near", Format: "no duty has the ID %q; the closest IDs of the catalog are %s"}
	msgErrEvidenceScope      = tmpl{Key: "obligations.error.evidence-scope", Format: "duty %s binds the %s: give a system ID for system duties and none for institution duties"}
	msgErrEvidenceIncident   = tmpl{Key: "obligations.error.evidence-incident", Format: "evidence for duty %s must name an incident if, and only if, the duty runs from an incident"}
	msgErrUnknownIncident    = tmpl{Key: "obligations.error.unknown-incident", Format: "no incident has the ID %q"}
	msgErrIncidentID         = tmpl{Key: "obligations.error.incident-id", Format: "the incident ID %q is used twice: give each incident its own ID"}
	msgErrAsOf               = tmpl{Key: "obligations.error.as-of", Format: "the as-of day %s does not exist; give a date of the calendar"}
	msgErrAsOfMissing        = tmpl{Key: "obligations.error.as-of-missing", Format: "no as-of day was given: set Options.AsOf to the day whose law applies, e.g. medsec.NewDate(2026, 3, 1)"}
	msgErrRecordsSystems     = tmpl{Key: "obligations.error.records-systems", Format: "list the systems in the top-level \"systems\", with their grading input, not in the institution"}
	msgErrCountry            = tmpl{Key: "obligations.error.country", Format: "%q is not a country code: use two upper-case letters (ISO 3166-1 alpha-2), such as CZ"}
	msgErrSystemTwice        = tmpl{Key: "obligations.error.system-twice", Format: "the system ID %q is used twice: give each system its own ID"}
	msgErrWorkers            = tmpl{Key: "obligations.error.workers", Format: "the number of workers must be between 0 and %d; 0 and 1 evaluate one institution after the other"}
)

// Errors in mappings files.
var (
	msgErrMappingID         = tmpl{Key: "obligations.error.mapping-id", Format: "ID %q must be lower-case letters, digits and single inner hyphens, at most 64 bytes"}
	msgErrMappingDuplicate  = tmpl{Key: "obligations.error.mapping-duplicate", Format: "%s appears twice; give each a unique entry"}
	msgErrMappingPack       = tmpl{Key: "obligations.error.mapping-pack", Format: "pack %q is not a pack of the catalog's registry"}
	msgErrMappingRef        = tmpl{Key: "obligations.error.mapping-ref", Format: "%s is neither a duty of pack %s nor the citation of an article of one of its instruments (without paragraph or point)"}
	msgErrMappingSelf       = tmpl{Key: "obligations.error.mapping-self", Format: "%s is mapped to itself; a pair needs two different sides"}
	msgErrMappingVerified   = tmpl{Key: "obligations.error.mapping-verified", Format: "a verified mapping needs the published crosswalk that states it in \"crosswalk\"; your own analysis is partial at most"}
	msgErrMappingConfidence = tmpl{Key: "obligations.error.mapping-confidence", Format: "confidence %s is higher than that of %s (%s): a mapping is never better established than what it maps"}
	msgErrMappingTwice      = tmpl{Key: "obligations.error.mapping-twice", Format: "the pair %s to %s appears twice in this set; keep one"}
	msgErrMappingConflict   = tmpl{Key: "obligations.error.mapping-conflict", Format: "the pair %s to %s, %s, contradicts the relationship stated for the same two sides earlier (read both ways); make them agree"}
	msgErrMappingUnmapped   = tmpl{Key: "obligations.error.mapping-unmapped", Format: "%s is listed as unmapped but has a pair on this side of the set; remove one of them"}
	msgErrMappingLine       = tmpl{Key: "obligations.error.mapping-line", Format: "%s is required: one line of text without leading or trailing spaces"}
)

// Mappings and crediting.
var (
	msgRelationship = [...]tmpl{
		EqualTo:        {Key: "obligations.relationship.equal-to", Format: "equal to"},
		SubsetOf:       {Key: "obligations.relationship.subset-of", Format: "subset of"},
		SupersetOf:     {Key: "obligations.relationship.superset-of", Format: "superset of"},
		IntersectsWith: {Key: "obligations.relationship.intersects-with", Format: "intersects with"},
		NoRelationship: {Key: "obligations.relationship.no-relationship", Format: "no relationship"},
	}
	msgCreditFull    = tmpl{Key: "obligations.credit.full", Format: "via mapping from %s (%v this duty; mapping set %s, confidence %v)"}
	msgCreditPartial = tmpl{Key: "obligations.credit.partial", Format: "partly covered via mapping from %s (%v this duty; mapping set %s, confidence %v), not met"}
)

// Errors of the report decoders.
var (
	msgErrReportFormat   = tmpl{Key: "obligations.error.report-format", Format: "the format is %q, not %q: give a report of this kind as medsec writes it (a later version of the format needs a later release of medsec)"}
	msgErrReportDuty     = tmpl{Key: "obligations.error.report-duty", Format: "the catalog has no duty %q: decode the report with the catalog it was made with"}
	msgErrReportRule     = tmpl{Key: "obligations.error.report-rule", Format: "the catalog has no role rule %q: decode the report with the catalog it was made with"}
	msgErrReportTotal    = tmpl{Key: "obligations.error.report-total", Format: "the total is %d, but the number of items with this status is %d: the totals must count the items"}
	msgErrReportArg      = tmpl{Key: "obligations.error.report-arg", Format: "a message argument must be a string, a number, true or false, or a message with a key"}
	msgErrReportDueAt    = tmpl{Key: "obligations.error.report-due-at", Format: "%q is not an instant in UTC of the form 2026-11-22T09:00:00Z (RFC 3339, whole seconds)"}
	msgErrReportIncident = tmpl{Key: "obligations.error.report-incident", Format: "duty %s does not run from an incident: leave the incident empty"}
	msgErrReportCoverage = tmpl{Key: "obligations.error.report-coverage", Format: "the relationship %s gives the coverage %s: give that coverage"}
	msgErrReportCitation = tmpl{Key: "obligations.error.report-citation", Format: "%q is not a citation in its canonical form, such as \"ID art. 21(2)(d)\""}
)

// Reasons. Reports write them often, so each keeps its key and format
// escaped for JSON.
var (
	msgReasonJurisdiction          = reason(tmpl{Key: "obligations.reason.jurisdiction", Format: "the institution is subject to %v"})
	msgReasonSystemLevel           = reason(tmpl{Key: "obligations.reason.system-level", Format: "system %s is graded %v level %d; the duty applies from level %d"})
	msgReasonSystemLevelRange      = reason(tmpl{Key: "obligations.reason.system-level-range", Format: "system %s is graded %v level %d; the duty applies at levels %d to %d"})
	msgReasonInstitutionLevel      = reason(tmpl{Key: "obligations.reason.institution-level", Format: "the institution runs system %s at %v level %d; the duty applies from level %d"})
	msgReasonInstitutionLevelRange = reason(tmpl{Key: "obligations.reason.institution-level-range", Format: "the institution runs system %s at %v level %d; the duty applies at levels %d to %d"})
	msgReasonSystemLevelOnly       = reason(tmpl{Key: "obligations.reason.system-level-only", Format: "system %s is graded %v level %d; the duty applies at level %d only"})
	msgReasonInstitutionLevelOnly  = reason(tmpl{Key: "obligations.reason.institution-level-only", Format: "the institution runs system %s at %v level %d; the duty applies at level %d only"})
	msgReasonNIS2                  = reason(tmpl{Key: "obligations.reason.nis2", Format: "the institution is a NIS2 %v"})
	msgReasonCZ                    = reason(tmpl{Key: "obligations.reason.cz", Format: "the institution is in the Czech %v"})
	msgReasonFlag                  = reason(tmpl{Key: "obligations.reason.flag", Format: "%v, and %v"})
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
	msgStatus       = [...]tmpl{
		{Key: "obligations.status.unknown", Format: "unknown"},
		{Key: "obligations.status.overdue", Format: "overdue"},
		{Key: "obligations.status.missing", Format: "missing evidence"},
		{Key: "obligations.status.due-soon", Format: "due soon"},
		{Key: "obligations.status.pending", Format: "not yet due"},
		{Key: "obligations.status.met", Format: "met"},
		{Key: "obligations.status.on-trigger", Format: "on trigger"},
	}
	msgRoleUnknown = tmpl{Key: "obligations.role.unknown", Format: "unknown role"}
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
	msgNoteFromDetection       = tmpl{Key: "obligations.note.from-detection", Format: "the incident notification has not been submitted yet, so the month runs from detection, the earliest moment a notification could exist; the due date is never later than the legal one"}
	msgNoteFromDetectionPeriod = tmpl{Key: "obligations.note.from-detection-period", Format: "the incident notification has not been submitted yet, so the period runs from detection, the earliest moment a notification could exist; the due date is never later than the legal one"}
)

// A reasonTmpl is the template of a reason with its key and format
// escaped for JSON.
type reasonTmpl struct {
	tmpl
	q reportjson.Quoted
}

func reason(t tmpl) reasonTmpl { return reasonTmpl{t, reportjson.Quote(t.New())} }

// quotedNames holds the names of schemes, classes and regimes escaped
// for JSON, by key.
var quotedNames = func() map[string]*reportjson.Quoted {
	m := map[string]*reportjson.Quoted{}
	for _, t := range []tmpl{msgSchemeMLPS, msgSchemeVN, msgClassImp, msgClassEss, msgRegimeLower, msgRegimeHigher, msgUnknownName} {
		q := reportjson.Quote(t.New())
		m[t.Key] = &q
	}
	return m
}()

func schemeMessage(s grading.Scheme) medsec.Message {
	switch s {
	case grading.SchemeMLPS:
		return msgSchemeMLPS.New()
	case grading.SchemeVN:
		return msgSchemeVN.New()
	}
	return msgUnknownName.New()
}

func classMessage(c grading.EntityClass) medsec.Message {
	switch c {
	case grading.Important:
		return msgClassImp.New()
	case grading.Essential:
		return msgClassEss.New()
	}
	return msgUnknownName.New()
}

func regimeMessage(r grading.CZRegime) medsec.Message {
	switch r {
	case grading.CZLower:
		return msgRegimeLower.New()
	case grading.CZHigher:
		return msgRegimeHigher.New()
	}
	return msgUnknownName.New()
}

func ownTemplates() []tmpl {
	ts := []tmpl{
		msgErrDuplicate, msgErrDuplicateIn, msgErrKeyFormat, msgErrAlternative, msgErrKey, msgErrKeyReserved, msgErrFormat,
		msgErrVerbs, msgErrID, msgErrJurisdiction, msgErrFlag, msgErrEvent, msgErrRole, msgErrRoleCode, msgErrRequired,
		msgErrNote, msgErrCitation, msgErrEffectNone, msgErrLevels, msgErrSystemScope, msgErrSchemeJurisdiction,
		msgErrRecurrence, msgErrIncidentScope, msgErrIncidentRule, msgErrFromRule, msgErrRuleNoDuty, msgErrCheckShape,
		msgErrRetain, msgErrPeriod, msgErrRead, msgErrUnknownSystem, msgErrUnknownDuty, msgErrEvidenceScope,
		msgErrEvidenceIncident, msgErrUnknownIncident, msgErrIncidentID, msgErrAsOf, msgErrInvalidValue, msgErrUnknownDutyNear,
		msgErrAsOfMissing, msgErrRecordsSystems, msgErrCountry, msgErrSystemTwice, msgErrWorkers,
		msgErrReportFormat, msgErrReportDuty, msgErrReportRule, msgErrReportTotal, msgErrReportArg, msgErrReportDueAt,
		msgErrReportIncident, msgErrReportCitation, msgErrReportCoverage,
		msgReasonJurisdiction.tmpl, msgReasonSystemLevel.tmpl, msgReasonSystemLevelRange.tmpl, msgReasonInstitutionLevel.tmpl,
		msgReasonInstitutionLevelRange.tmpl, msgReasonSystemLevelOnly.tmpl, msgReasonInstitutionLevelOnly.tmpl, msgReasonNIS2.tmpl,
		msgReasonCZ.tmpl, msgReasonFlag.tmpl,
		msgErrMappingID, msgErrMappingDuplicate, msgErrMappingPack, msgErrMappingRef, msgErrMappingSelf, msgErrMappingVerified,
		msgErrMappingConfidence, msgErrMappingTwice, msgErrMappingConflict, msgErrMappingUnmapped, msgErrMappingLine,
		msgCreditFull, msgCreditPartial,
		msgSchemeMLPS, msgSchemeVN, msgClassImp, msgClassEss, msgRegimeLower, msgRegimeHigher, msgUnknownName, msgRoleUnknown,
		msgRenderHeading, msgRenderTotals, msgRenderDue, msgRenderDone, msgRenderNoDue, msgRenderInst, msgRenderCol,
		msgRenderNote, msgNoteFromDetection, msgNoteFromDetectionPeriod,
	}
	ts = append(ts, msgRelationship[1:]...)
	return append(ts, msgStatus[:]...)
}

// dataTemplates returns the templates of the messages of c's data: the
// titles, descriptions and evidence texts of its duties, the names of its
// roles and the messages of its role checks.
func (c *Catalog) dataTemplates() []tmpl {
	var ts []tmpl
	for _, e := range c.entries {
		d := e.duty
		ts = append(ts, tmpl{Key: d.Title.Key, Format: d.Title.Format}, tmpl{Key: d.Description.Key, Format: d.Description.Format})
		for _, m := range d.Evidence {
			ts = append(ts, tmpl{Key: m.Key, Format: m.Format})
		}
	}
	for _, r := range c.roles.roles {
		ts = append(ts, tmpl{Key: r.Name.Key, Format: r.Name.Format})
	}
	for _, r := range c.roles.rules {
		for _, ch := range r.Checks {
			ts = append(ts, tmpl{Key: ch.Message.Key, Format: ch.Message.Format})
		}
	}
	return ts
}

func sortTemplates(ts []tmpl) []tmpl {
	slices.SortFunc(ts, func(a, b tmpl) int { return strings.Compare(a.Key, b.Key) })
	return slices.CompactFunc(ts, func(a, b tmpl) bool { return a == b })
}

// MessageTemplates returns every message template the package can produce,
// sorted by key: its own texts (reasons, statuses, errors, report labels)
// and those of the default catalog's data (see [Catalog.MessageTemplates]).
// A key used several times (shared evidence texts) appears once.
func MessageTemplates() []medsec.MessageTemplate { return DefaultCatalog().MessageTemplates() }

// MessageTemplates returns every message template that c can produce,
// sorted by key: the package's own and those of c's data (the titles,
// descriptions and evidence texts of its duties, the names of its roles
// and the messages of its role checks), for a translator to cover. A key
// used several times appears once.
func (c *Catalog) MessageTemplates() []medsec.MessageTemplate {
	if c == nil {
		c = &Catalog{}
	}
	return sortTemplates(append(ownTemplates(), c.dataTemplates()...))
}
