package contracts

import (
	"strconv"
	"sync"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// A Rule is one rule of the checker: the clause kind it asks for, how
// strongly, why, and the provision it rests on.
type Rule struct {
	// ID identifies the rule, e.g. "cn-nhc-art4-security".
	ID string `json:"rule"`
	// Kind is the clause kind the rule asks for.
	Kind ClauseKind `json:"kind"`
	// Severity is Required for legal rules, Recommended for good practice.
	Severity Severity `json:"severity"`
	// Reason says why, in a translatable message.
	Reason medsec.Message `json:"reason"`
	// Citation is the provision the rule rests on; it resolves in the
	// default registry.
	Citation medsec.Citation `json:"citation"`
}

// A Requirement is one rule that applies to a contract, and whether the
// contract meets it. The rule's fields (ID, Kind, Severity, Reason,
// Citation) are promoted from the embedded [Rule], a copy, Reason's
// arguments included: changing it does not change the rule.
type Requirement struct {
	Rule
	// Confidence is the weaker of the rule's own confidence for this
	// contract and that of the cited provision in the registry.
	Confidence medsec.Confidence `json:"confidence"`
	// Met reports whether the contract satisfies the rule.
	Met bool `json:"met"`
	// Path is the JSON Pointer of the clause or value that meets the rule
	// or falls short of it, or "/clauses" when there is no such clause.
	Path string `json:"path"`
}

// A Finding is something the contract lacks or sets too weakly.
type Finding struct {
	// Rule identifies the rule that found it.
	Rule string `json:"rule"`
	// Severity says how strongly the finding asks for a change.
	Severity Severity `json:"severity"`
	// Problem says whether a clause is missing or too weak.
	Problem Problem `json:"problem"`
	// Kind is the clause kind concerned.
	Kind ClauseKind `json:"kind"`
	// Message says what is wrong, in a translatable message. Its Args are
	// the report's own.
	Message medsec.Message `json:"message"`
	// Citation is the provision the finding rests on; Also lists further
	// provisions that ask for the same missing clause at the same severity.
	Citation medsec.Citation   `json:"citation"`
	Also     []medsec.Citation `json:"also,omitempty"`
	// Confidence is how well established the finding's legal basis is: the
	// best confidence among the rules that produced it.
	Confidence medsec.Confidence `json:"confidence"`
	// Path is the JSON Pointer the finding concerns.
	Path string `json:"path"`
}

// A Report is the result of [Check].
type Report struct {
	// AsOf is the date the rules were taken from; zero means the newest
	// rules in the data.
	AsOf medsec.Date `json:"asOf"`
	// Requirements lists every rule that applies to the contract, met or
	// not, in rule order.
	Requirements []Requirement `json:"requirements"`
	// Findings lists what is missing or too weak: required findings first,
	// then recommended ones, each group in rule order.
	Findings []Finding `json:"findings"`
}

// Clean reports whether the report has no findings.
func (r *Report) Clean() bool { return len(r.Findings) == 0 }

// newest stands in for a zero as-of date: the newest rules in the data.
var newest = medsec.NewDate(9999, time.December, 31)

// Application dates that are not an instrument's own in-force date.
var (
	// NIS2 binds entities through national law from its application date
	// (cz-eu.md §1.1, verified).
	nis2Applies = medsec.NewDate(2024, time.October, 18)
	// Czech law transposes NIS2 from Act 264/2025's in-force date.
	czNIS2Applies = medsec.NewDate(2025, time.November, 1)
)

// A clauseRule asks for a clause of one kind.
type clauseRule struct {
	info Rule // built from the fields below by withInfo
	// missingMsg and weakMsgFull are the rule's finding messages, built
	// once by withInfo; Check hands out copies (cloneMessage).
	missingMsg, weakMsgFull medsec.Message
	id                      string
	severity                Severity
	kind                    ClauseKind
	cite                    medsec.Citation
	conf                    func(*Contract) medsec.Confidence // confidence of the rule as modelled
	reason                  medsec.Message
	from                    medsec.Date // besides the instrument's in-force period; zero: none
	applies                 func(*Contract) bool
	// param, when set, is what a clause of the kind must also state;
	// weak names the parameter's JSON name and weakMsg what is missing.
	param   func(*Clause) bool
	weak    Param
	weakMsg medsec.MessageTemplate
}

func conf(c medsec.Confidence) func(*Contract) medsec.Confidence {
	return func(*Contract) medsec.Confidence { return c }
}

func always(*Contract) bool { return true }

func jurisdiction(js ...medsec.Jurisdiction) func(*Contract) bool {
	return func(c *Contract) bool {
		for _, j := range js {
			if c.Jurisdiction == j {
				return true
			}
		}
		return false
	}
}

func and(fs ...func(*Contract) bool) func(*Contract) bool {
	return func(c *Contract) bool {
		for _, f := range fs {
			if !f(c) {
				return false
			}
		}
		return true
	}
}

func healthData(c *Contract) bool   { return isTrue(c.DataHandling.HealthData) }
func personalData(c *Contract) bool { return isTrue(c.DataHandling.PersonalData) || healthData(c) }
func transfer(c *Contract) bool     { return isTrue(c.DataHandling.CrossBorderTransfer) }
func remote(c *Contract) bool       { return isTrue(c.DataHandling.RemoteAccess) }
func cii(c *Contract) bool          { return c.Institution.OperatorClass == OperatorCII }
func notCII(c *Contract) bool       { return !cii(c) }

func category(cs ...Category) func(*Contract) bool {
	return func(c *Contract) bool {
		for _, x := range cs {
			if c.Category == x {
				return true
			}
		}
		return false
	}
}

func nis2Entity(c *Contract) bool {
	return c.Institution.NIS2Class == grading.Essential || c.Institution.NIS2Class == grading.Important
}

func czRegulated(c *Contract) bool {
	return c.Institution.CZRegime == grading.CZLower || c.Institution.CZRegime == grading.CZHigher
}

func czSignificantHigher(c *Contract) bool {
	return c.SignificantSupplier && c.Institution.CZRegime == grading.CZHigher
}

func significant(c *Contract) bool { return c.SignificantSupplier }

// cnArt4Confidence: art. 4 binds contracts with IT-construction
// participants (信息化建设参与单位) and medical-device suppliers. Every
// category is IT procurement, but building-management and industrial
// control systems count as "informatisation" only when part of the
// hospital's IT build: an inference, so Partial for those.
func cnArt4Confidence(c *Contract) medsec.Confidence {
	if c.Category == BuildingManagement || c.Category == IndustrialControlSystem {
		return medsec.Partial
	}
	return medsec.Verified
}

func hasHours(c *Clause) bool      { return c.NotifyWithinHours != nil }
func hasDays(c *Clause) bool       { return c.RemediationDays != nil }
func viaGateway(c *Clause) bool    { return c.ViaHospitalGateway != nil && *c.ViaHospitalGateway }
func hasMFA(c *Clause) bool        { return c.MFA != nil && *c.MFA }
func hasRecovery(c *Clause) bool   { return c.RTOHours != nil && c.RPOHours != nil }
func hasSupportEnd(c *Clause) bool { return !c.SupportEndDate.IsZero() }
func assesses(c *Clause) bool      { return c.TransferAssessment != nil && *c.TransferAssessment }

var (
	citeNHCArt4  = medsec.Cite("CN-NHC-2022-29", "4")
	citeNHC      = medsec.Citation{Instrument: "CN-NHC-2022-29"}
	citeCSL37    = medsec.Cite("CN-CSL-2016", "37")
	citePIPL38   = medsec.Cite("CN-PIPL-2021", "38")
	citePIPL40   = medsec.Cite("CN-PIPL-2021", "40")
	citeNIS2Sup  = medsec.Cite("EU-NIS2", "21", "2", "d")
	citeNIS2Rep  = medsec.Cite("EU-NIS2", "23")
	citeCZAct    = medsec.Citation{Instrument: "CZ-ZKB-264-2025"}
	citeCZAnnex7 = medsec.Cite("CZ-VYH-82-2018", "Annex 7")
	citeCZ409    = medsec.Citation{Instrument: "CZ-VYH-409-2025"}
	citeCACArt4  = medsec.Cite("CN-CAC-2025-IR", "4")
	citeVNArt11  = medsec.Cite("VN-QD-05-2017", "11", "1", "a")
	citeGP03     = medsec.Cite("ENISA-PROC-2020", "GP-03")
)

// legalRules are the clauses the law requires, in report order.
var legalRules = func() []clauseRule {
	cn := jurisdiction(medsec.CN)
	cz := jurisdiction(medsec.CZ)
	rules := []clauseRule{
		{id: "cn-nhc-art4-security", kind: SecurityObligations, cite: citeNHCArt4, conf: cnArt4Confidence,
			reason: msgReasonCNArt4Security.New(), applies: cn},
		{id: "cn-nhc-art4-liability", kind: LiabilityForBreach, cite: citeNHCArt4, conf: cnArt4Confidence,
			reason: msgReasonCNArt4Liability.New(), applies: cn},
		{id: "cn-nhc-data-localisation", kind: DataLocalisation, cite: citeNHC, conf: conf(medsec.Partial),
			reason: msgReasonCNLocalisation.New(), applies: and(cn, healthData)},
		{id: "cn-csl-art37-localisation", kind: DataLocalisation, cite: citeCSL37, conf: conf(medsec.Verified),
			reason: msgReasonCNCSL37.New(), applies: and(cn, cii, personalData)},
		{id: "cn-pipl-art38-transfer-assessment", kind: DataLocalisation, cite: citePIPL38, conf: conf(medsec.Verified),
			reason: msgReasonCNTransfer.New(), applies: and(cn, notCII, personalData, transfer),
			param: assesses, weak: ParamTransferAssessment, weakMsg: msgWeakTransferAssessment},
		{id: "cn-pipl-art40-transfer-assessment", kind: DataLocalisation, cite: citePIPL40, conf: conf(medsec.Verified),
			reason: msgReasonCNTransferCII.New(), applies: and(cn, cii, personalData, transfer),
			param: assesses, weak: ParamTransferAssessment, weakMsg: msgWeakTransferAssessment},
		{id: "eu-nis2-art21-supply-chain", kind: SecurityObligations, cite: citeNIS2Sup, conf: conf(medsec.Verified),
			reason: msgReasonNIS2SupplyChain.New(), from: nis2Applies, applies: and(jurisdiction(medsec.EU), nis2Entity)},
		{id: "cz-nis2-art21-supply-chain", kind: SecurityObligations, cite: citeNIS2Sup, conf: conf(medsec.Verified),
			reason: msgReasonNIS2SupplyChain.New(), from: czNIS2Applies, applies: and(cz, nis2Entity)},
	}
	// Decree 82/2018 Annex 7 (until 2025-10-31): four areas verified, the
	// rest from recollection.
	annex7 := []struct {
		kind ClauseKind
		c    medsec.Confidence
		area medsec.MessageTemplate
	}{
		{SecurityObligations, medsec.Partial, msgAreaSecurityProvisions},
		{DataProtection, medsec.Partial, msgAreaRightToUseData},
		{Subcontracting, medsec.Partial, msgAreaSupplierManagement},
		{BusinessContinuity, medsec.Partial, msgAreaContinuity},
		{RightToAudit, medsec.Unverified, msgAreaAudit},
		{ExitAndDataReturn, medsec.Unverified, msgAreaExit},
		{LiabilityForBreach, medsec.Unverified, msgAreaSanctions},
		{IncidentNotification, medsec.Unverified, msgAreaIncidents},
		{Confidentiality, medsec.Unverified, msgAreaConfidentiality},
	}
	for _, a := range annex7 {
		rules = append(rules, clauseRule{id: "cz-82-annex7-" + a.kind.String(), kind: a.kind, cite: citeCZAnnex7,
			conf: conf(a.c), reason: msgReasonCZAnnex7.New(a.area.New()), applies: and(cz, significant)})
	}
	// Decree 409/2025 (from 2025-11-01, higher regime): the list was not
	// read; medsec's proposed default, unverified.
	proposed := []struct {
		kind ClauseKind
		area medsec.MessageTemplate
	}{
		{SecurityObligations, msgAreaSecurityPolicy},
		{RightToAudit, msgAreaAudit},
		{IncidentNotification, msgAreaIncidents},
		{Confidentiality, msgAreaConfidentiality},
		{Subcontracting, msgAreaSubcontractors},
		{BusinessContinuity, msgAreaServiceLevels},
		{ExitAndDataReturn, msgAreaExit},
		{LiabilityForBreach, msgAreaSanctions},
	}
	for _, a := range proposed {
		rules = append(rules, clauseRule{id: "cz-409-proposed-" + a.kind.String(), kind: a.kind, cite: citeCZ409,
			conf: conf(medsec.Unverified), reason: msgReasonCZ409.New(a.area.New()), applies: and(cz, czSignificantHigher)})
	}
	for i := range rules {
		rules[i].severity = Required
	}
	return withInfo(rules)
}()

// withInfo fills each rule's shared Rule value.
func withInfo(rules []clauseRule) []clauseRule {
	for i := range rules {
		r := &rules[i]
		r.info = Rule{ID: r.id, Kind: r.kind, Severity: r.severity, Reason: r.reason, Citation: r.cite}
		r.missingMsg = msgFindingMissing.New(r.kind.Message(), r.reason)
		if r.param != nil {
			r.weakMsgFull = r.weakMsg.New(r.kind.Message())
		}
	}
	return rules
}

// A goodPractice maps one ENISA good practice to the clause kinds that
// carry it in a contract. The mapping is medsec's (after the reference
// sheet's proposed clauses), not ENISA's wording.
type goodPractice struct {
	gp      string // article number in ENISA-PROC-2020, "GP-21"
	title   medsec.MessageTemplate
	kinds   []ClauseKind
	applies func(*Contract) bool
	param   func(*Clause) bool
	weak    Param
	weakMsg medsec.MessageTemplate
}

// goodPractices lists all 28 practices; GP-01 and GP-10 concern the
// hospital's own procurement process and map to no clause.
var goodPractices = []goodPractice{
	{gp: "GP-01", title: msgGP01},
	{gp: "GP-02", title: msgGP02, kinds: []ClauseKind{VulnerabilityHandling, SBOM}},
	{gp: "GP-03", title: msgGP03, kinds: []ClauseKind{EndOfSupport}, param: hasSupportEnd, weak: ParamSupportEndDate, weakMsg: msgWeakSupportEnd},
	{gp: "GP-04", title: msgGP04, kinds: []ClauseKind{SecurityObligations}},
	{gp: "GP-05", title: msgGP05, kinds: []ClauseKind{RightToAudit}},
	{gp: "GP-06", title: msgGP06, kinds: []ClauseKind{BusinessContinuity}, param: hasRecovery, weak: ParamRTOHours, weakMsg: msgWeakRecovery},
	{gp: "GP-07", title: msgGP07, kinds: []ClauseKind{ExitAndDataReturn}},
	{gp: "GP-08", title: msgGP08, kinds: []ClauseKind{Logging, RightToAudit}},
	{gp: "GP-09", title: msgGP09, kinds: []ClauseKind{SecurityObligations}},
	{gp: "GP-10", title: msgGP10},
	{gp: "GP-11", title: msgGP11, kinds: []ClauseKind{SecurityObligations}},
	{gp: "GP-12", title: msgGP12, kinds: []ClauseKind{SecureDevelopment}},
	{gp: "GP-13", title: msgGP13, kinds: []ClauseKind{SecurityObligations}},
	{gp: "GP-14", title: msgGP14, kinds: []ClauseKind{Certification}},
	{gp: "GP-15", title: msgGP15, kinds: []ClauseKind{DataLocalisation, Subcontracting, ExitAndDataReturn}, applies: category(CloudServices)},
	{gp: "GP-16", title: msgGP16, kinds: []ClauseKind{Certification}},
	{gp: "GP-17", title: msgGP17, kinds: []ClauseKind{DataProtection}, applies: personalData},
	{gp: "GP-18", title: msgGP18, kinds: []ClauseKind{EndOfSupport}},
	{gp: "GP-19", title: msgGP19, kinds: []ClauseKind{Training}},
	{gp: "GP-20", title: msgGP20, kinds: []ClauseKind{IncidentNotification}},
	{gp: "GP-21", title: msgGP21, kinds: []ClauseKind{IncidentNotification}, param: hasHours, weak: ParamNotifyWithinHours, weakMsg: msgWeakNoticeHours},
	{gp: "GP-22", title: msgGP22, kinds: []ClauseKind{PersonnelScreening}},
	{gp: "GP-23", title: msgGP23, kinds: []ClauseKind{RemoteAccessControl}, applies: remote, param: viaGateway, weak: ParamViaHospitalGateway, weakMsg: msgWeakGateway},
	{gp: "GP-24", title: msgGP24, kinds: []ClauseKind{Patching}, param: hasDays, weak: ParamRemediationDays, weakMsg: msgWeakRemediationDays},
	{gp: "GP-25", title: msgGP25, kinds: []ClauseKind{Training}},
	{gp: "GP-26", title: msgGP26, kinds: []ClauseKind{SBOM}},
	{gp: "GP-27", title: msgGP27, kinds: []ClauseKind{SecurityObligations}, applies: category(MedicalDevice)},
	{gp: "GP-28", title: msgGP28, kinds: []ClauseKind{RightToAudit}},
}

// enisaRules are the good practices as recommended clause rules, plus
// the second half of GP-23 (multi-factor authentication).
var enisaRules = func() []clauseRule {
	var rules []clauseRule
	for _, g := range goodPractices {
		applies := g.applies
		if applies == nil {
			applies = always
		}
		for _, k := range g.kinds {
			r := clauseRule{id: "enisa-" + lower(g.gp) + "-" + k.String(), severity: Recommended, kind: k,
				cite: medsec.Cite("ENISA-PROC-2020", g.gp), conf: conf(medsec.Verified),
				reason: msgReasonENISA.New(g.gp, g.title.New()), applies: applies}
			if g.param != nil {
				r.param, r.weak, r.weakMsg = g.param, g.weak, g.weakMsg
			}
			rules = append(rules, r)
			if g.gp == "GP-23" {
				r.id += "-mfa"
				r.param, r.weak, r.weakMsg = hasMFA, ParamMFA, msgWeakMFA
				rules = append(rules, r)
			}
		}
	}
	return withInfo(rules)
}()

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// A deadlineRule is the hospital's own incident-reporting deadline, which
// a vendor's notice period must not exceed.
type deadlineRule struct {
	info    Rule
	id      string
	hours   int
	cite    medsec.Citation
	conf    medsec.Confidence
	from    medsec.Date
	applies func(*Contract) bool
}

var deadlineRules = func() []deadlineRule {
	rules := []deadlineRule{
		{id: "eu-nis2-early-warning", hours: 24, cite: citeNIS2Rep, conf: medsec.Verified, from: nis2Applies,
			applies: and(jurisdiction(medsec.EU), nis2Entity)},
		// Czech higher and lower regime: initial report within 24 h (NÚKIB
		// portal, cz-eu.md §3.1, verified); the act's section was not read, so
		// the act is cited as a whole.
		{id: "cz-initial-report", hours: 24, cite: citeCZAct, conf: medsec.Verified,
			applies: and(jurisdiction(medsec.CZ), czRegulated)},
		{id: "cn-cac-cii", hours: 1, cite: citeCACArt4, conf: medsec.Verified,
			applies: and(jurisdiction(medsec.CN), cii)},
		{id: "cn-cac-central-organ", hours: 2, cite: citeCACArt4, conf: medsec.Verified,
			applies: and(jurisdiction(medsec.CN), func(c *Contract) bool { return c.Institution.OperatorClass == OperatorCentralOrgan })},
		{id: "cn-cac-other", hours: 4, cite: citeCACArt4, conf: medsec.Verified,
			applies: and(jurisdiction(medsec.CN), func(c *Contract) bool { return c.Institution.OperatorClass == OperatorOther })},
		{id: "vn-qd05-report", hours: 5 * 24, cite: citeVNArt11, conf: medsec.Verified,
			applies: jurisdiction(medsec.VN)},
	}
	for i := range rules {
		r := &rules[i]
		r.info = Rule{ID: r.id, Kind: IncidentNotification, Severity: Recommended,
			Reason: msgReasonDeadline.New(r.hours), Citation: r.cite}
	}
	return rules
}()

// periods caches the in-force periods of the default registry's
// instruments (Lookup returns a deep copy, too slow for every check).
var periods = sync.OnceValue(func() map[string]medsec.Period {
	m := map[string]medsec.Period{}
	for _, in := range medsec.DefaultRegistry().Instruments() {
		m[in.ID] = in.InForce
	}
	return m
})

// A ruleMeta is what the registry says about a rule's citation: the
// instrument's in-force period and the provision's confidence. Computed
// once, on first use, so that importing the package costs nothing.
type ruleMeta struct {
	period medsec.Period
	known  bool
	conf   medsec.Confidence
}

func metaOf(c medsec.Citation) ruleMeta {
	p, ok := periods()[c.Instrument]
	return ruleMeta{period: p, known: ok, conf: registryConfidence(c)}
}

// inForceOn reports whether the rule applies on d: its instrument is in
// force and d is not before the rule's own start.
func (m ruleMeta) inForceOn(from, d medsec.Date) bool {
	return m.known && (from.IsZero() || !d.Before(from)) && m.period.Contains(d)
}

// metas holds the ruleMeta of legalRules, enisaRules and deadlineRules,
// index by index.
var metas = sync.OnceValue(func() (m struct{ legal, enisa, deadline []ruleMeta }) {
	for _, r := range legalRules {
		m.legal = append(m.legal, metaOf(r.cite))
	}
	for _, r := range enisaRules {
		m.enisa = append(m.enisa, metaOf(r.cite))
	}
	for _, r := range deadlineRules {
		m.deadline = append(m.deadline, metaOf(r.cite))
	}
	return m
})

// confidences caches the registry's confidence of every citation the
// rules use.
var confidences = sync.OnceValue(func() map[medsec.Citation]medsec.Confidence {
	reg := medsec.DefaultRegistry()
	m := map[medsec.Citation]medsec.Confidence{}
	add := func(c medsec.Citation) { m[c] = reg.Confidence(c) }
	for _, set := range [...][]clauseRule{legalRules, enisaRules} {
		for _, r := range set {
			add(r.cite)
		}
	}
	for _, r := range deadlineRules {
		add(r.cite)
	}
	add(citeNHC)
	add(citeGP03)
	return m
})

// registryConfidence is the registry's confidence of a rule's citation.
func registryConfidence(c medsec.Citation) medsec.Confidence {
	if v, ok := confidences()[c]; ok {
		return v
	}
	return medsec.DefaultRegistry().Confidence(c)
}

// inForce reports whether the instrument cited is in force on d and d is
// not before from.
func inForce(_ *medsec.Registry, cite medsec.Citation, from, d medsec.Date) bool {
	if !from.IsZero() && d.Before(from) {
		return false
	}
	p, ok := periods()[cite.Instrument]
	return ok && p.Contains(d)
}

// Check compares a contract with the rules in force on asOf (zero: the
// newest rules in the data) and reports what the law requires of it,
// what ENISA's good practices recommend, and what the contract lacks or
// sets too weakly. Call [Validate] first; Check of an invalid contract
// does not panic but its report may be incomplete. A nil contract gives an
// empty report.
//
// Required rules: CN-NHC-2022-29 art. 4 (written security duties and
// liability for breach), Chinese data localisation and transfer
// assessment for health and personal data, NIS2 art. 21(2)(d) supply-chain
// security for essential and important entities, and the Czech
// supplier-contract areas for significant suppliers (Decree 82/2018 Annex 7
// until 2025-10-31; from 2025-11-01 an unverified proposed list for Decree
// 409/2025). Recommended rules: the ENISA good practices mapped to clauses,
// and a vendor incident notice no slower than the hospital's own reporting
// deadline.
func Check(c *Contract, asOf medsec.Date) *Report {
	if c == nil {
		return &Report{AsOf: asOf, Requirements: []Requirement{}, Findings: []Finding{}}
	}
	rep := &Report{AsOf: asOf,
		Requirements: make([]Requirement, 0, len(legalRules)+len(enisaRules)+4)}
	d := asOf
	if d.IsZero() {
		d = newest
	}
	reg := medsec.DefaultRegistry()
	missing := make([]Finding, 0, 16) // merged by kind and severity below
	weak := make([]Finding, 0, 8)
	m := metas()
	for si, set := range [...][]clauseRule{legalRules, enisaRules} {
		meta := m.legal
		if si == 1 {
			meta = m.enisa
		}
		for i := range set {
			r := &set[i]
			if !meta[i].inForceOn(r.from, d) || !r.applies(c) {
				continue
			}
			req := Requirement{Rule: r.info, Confidence: r.conf(c).Min(meta[i].conf), Path: "/clauses"}
			first, ok := -1, -1
			for j := range c.Clauses {
				if c.Clauses[j].Kind != r.kind {
					continue
				}
				if first < 0 {
					first = j
				}
				if r.param == nil || r.param(&c.Clauses[j]) {
					ok = j
					break
				}
			}
			switch {
			case ok >= 0:
				req.Met, req.Path = true, clausePath(ok)
			case first >= 0:
				req.Path = clausePath(first) + "/" + string(r.weak)
				weak = append(weak, Finding{Rule: r.id, Severity: r.severity, Problem: Weak, Kind: r.kind,
					Message: r.weakMsgFull, Citation: r.cite, Confidence: req.Confidence, Path: req.Path})
			default:
				missing = append(missing, Finding{Rule: r.id, Severity: r.severity, Problem: Missing, Kind: r.kind,
					Message: r.missingMsg, Citation: r.cite,
					Confidence: req.Confidence, Path: "/clauses"})
			}
			rep.Requirements = append(rep.Requirements, req)
		}
	}
	weak = append(weak, checkValues(c, d, reg, rep)...)
	missing = mergeMissing(missing)
	rep.Findings = make([]Finding, 0, len(missing)+len(weak))
	for _, sev := range [...]Severity{Required, Recommended} {
		for _, set := range [...][]Finding{missing, weak} {
			for _, f := range set {
				if f.Severity == sev {
					rep.Findings = append(rep.Findings, f)
				}
			}
		}
	}
	ownArgs(rep)
	return rep
}

// ownArgs gives the messages of a report arguments of their own: the rule
// tables' messages are shared by every report, and a caller that edits
// its report must not change the next one (review finding F2). The
// arguments of all messages share one allocation, each message's slice
// capped so that appending to it copies; a nested message with
// arguments is copied in turn.
func ownArgs(rep *Report) {
	n := 0
	for i := range rep.Requirements {
		n += argCount(rep.Requirements[i].Reason)
	}
	for i := range rep.Findings {
		n += argCount(rep.Findings[i].Message)
	}
	slab := make([]any, n)
	for i := range rep.Requirements {
		rep.Requirements[i].Reason = cloneMessage(rep.Requirements[i].Reason, &slab)
	}
	for i := range rep.Findings {
		rep.Findings[i].Message = cloneMessage(rep.Findings[i].Message, &slab)
	}
}

// argCount counts the arguments of m and of the messages among them.
func argCount(m medsec.Message) int {
	n := len(m.Args)
	for _, a := range m.Args {
		if nm, ok := a.(medsec.Message); ok && len(nm.Args) > 0 {
			n += argCount(nm)
		}
	}
	return n
}

// cloneMessage returns m with its arguments copied into the front of
// slab, which it advances.
func cloneMessage(m medsec.Message, slab *[]any) medsec.Message {
	if len(m.Args) == 0 {
		m.Args = nil
		return m
	}
	k := len(m.Args)
	args := (*slab)[:k:k]
	*slab = (*slab)[k:]
	for i, a := range m.Args {
		if nm, ok := a.(medsec.Message); ok && len(nm.Args) > 0 {
			a = cloneMessage(nm, slab)
		}
		args[i] = a
	}
	m.Args = args
	return m
}

// clausePaths caches the pointers of the first clauses.
var clausePaths = sync.OnceValue(func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = "/clauses/" + strconv.Itoa(i)
	}
	return out
})

func clausePath(i int) string {
	if p := clausePaths(); i < len(p) {
		return p[i]
	}
	return "/clauses/" + strconv.Itoa(i)
}

// mergeMissing folds findings of the same missing kind and severity into
// one, keeping the best-established rule as the main citation.
func mergeMissing(fs []Finding) []Finding {
	out := fs[:0] // in place: out never overtakes the range below
	for _, f := range fs {
		i := -1
		for j := range out {
			if out[j].Kind == f.Kind && out[j].Severity == f.Severity {
				i = j
				break
			}
		}
		if i < 0 {
			out = append(out, f)
			continue
		}
		m := &out[i]
		if f.Confidence < m.Confidence { // Verified < Partial < Unverified
			f.Also = append(append(m.Also, m.Citation), f.Also...)
			*m = f
		} else {
			m.Also = append(m.Also, f.Citation)
		}
	}
	for i := range out {
		out[i].Also = dedupe(out[i].Also, out[i].Citation)
	}
	return out
}

func dedupe(cs []medsec.Citation, main medsec.Citation) []medsec.Citation {
	var out []medsec.Citation
	for _, c := range cs {
		dup := c == main
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// Rules of checkValues that are not in the tables above.
var (
	storageRule = Rule{ID: "cn-nhc-storage-in-china", Kind: DataLocalisation, Severity: Required,
		Reason: msgReasonCNStorage.New(), Citation: citeNHC}
	supportTermRule = Rule{ID: "enisa-gp-03-support-term", Kind: EndOfSupport, Severity: Recommended,
		Reason: msgReasonSupportTerm.New(), Citation: citeGP03}
)

// checkValues compares values with legal limits: the vendor's notice
// period with the hospital's reporting deadline, where Chinese health
// data is stored, and when support ends. It adds the deadline rules to the
// report's requirements.
func checkValues(c *Contract, d medsec.Date, reg *medsec.Registry, rep *Report) []Finding {
	var out []Finding
	meta := metas().deadline
	for i := range deadlineRules {
		r := &deadlineRules[i]
		if !meta[i].inForceOn(r.from, d) || !r.applies(c) {
			continue
		}
		conf := r.conf.Min(meta[i].conf)
		req := Requirement{Rule: r.info, Confidence: conf, Path: "/clauses"}
		met, seen := true, false
		for j := range c.Clauses {
			cl := &c.Clauses[j]
			if cl.Kind != IncidentNotification || cl.NotifyWithinHours == nil {
				continue
			}
			if !seen {
				req.Path = clausePath(j) + "/" + string(ParamNotifyWithinHours)
			}
			seen = true
			if h := *cl.NotifyWithinHours; h > r.hours {
				met = false
				out = append(out, Finding{Rule: r.id, Severity: Recommended, Problem: Weak, Kind: IncidentNotification,
					Message: msgWeakNoticeTooSlow.New(msgWithinHours.New(h), msgWithinHours.New(r.hours)), Citation: r.cite, Confidence: conf,
					Path: clausePath(j) + "/" + string(ParamNotifyWithinHours)})
			}
		}
		req.Met = met && seen
		rep.Requirements = append(rep.Requirements, req)
	}
	// Chinese health data stays in China (CN-NHC-2022-29 data chapter).
	if c.Jurisdiction == medsec.CN && healthData(c) && inForce(reg, citeNHC, medsec.Date{}, d) {
		conf := medsec.Partial.Min(registryConfidence(citeNHC))
		sc := c.DataHandling.StorageCountry
		req := Requirement{Rule: storageRule, Confidence: conf, Met: sc == "CN", Path: "/dataHandling/storageCountry"}
		rep.Requirements = append(rep.Requirements, req)
		if sc != "CN" {
			out = append(out, Finding{Rule: storageRule.ID, Severity: Required, Problem: Weak, Kind: DataLocalisation,
				Message: msgWeakStorageAbroad.New(sc), Citation: citeNHC, Confidence: conf, Path: req.Path})
		}
	}
	// Security support should last the contract (GP-03, GP-18).
	gp03 := citeGP03
	if inForce(reg, gp03, medsec.Date{}, d) && c.Term.End.Valid() {
		rule := supportTermRule.ID
		conf := medsec.Verified.Min(registryConfidence(gp03))
		for j := range c.Clauses {
			cl := &c.Clauses[j]
			if cl.Kind != EndOfSupport || cl.SupportEndDate.IsZero() {
				continue
			}
			path := clausePath(j) + "/" + string(ParamSupportEndDate)
			early := cl.SupportEndDate.Before(c.Term.End)
			rep.Requirements = append(rep.Requirements, Requirement{Rule: supportTermRule, Confidence: conf,
				Met: !early, Path: path})
			if early {
				out = append(out, Finding{Rule: rule, Severity: Recommended, Problem: Weak,
					Kind: EndOfSupport, Message: msgWeakSupportEndsEarly.New(cl.SupportEndDate, c.Term.End),
					Citation: gp03, Confidence: conf, Path: path})
			}
		}
	}
	return out
}
