package contracts

import (
	"slices"
	"strconv"

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
	// checker's registry.
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

// A Report is the result of [Checker.Check].
type Report struct {
	// AsOf is the day whose rules were applied.
	AsOf medsec.Date `json:"asOf"`
	// Requirements lists every rule that applies to the contract, met or
	// not: first the rules that ask for clauses, then those that compare
	// values, each in the checker's order (packs in registry order, rules
	// in file order).
	Requirements []Requirement `json:"requirements"`
	// Findings lists what is missing or too weak: required findings first,
	// then recommended ones, each group in rule order.
	Findings []Finding `json:"findings"`
}

// Clean reports whether the report has no findings. A nil report is
// clean.
func (r *Report) Clean() bool { return r == nil || len(r.Findings) == 0 }

// Check compares a contract with the checker's clause rules in force on
// asOf, the day whose law applies, and reports what the law requires of
// the contract, what good practice recommends, and what the contract lacks
// or sets too weakly. Call [Checker.Validate] first: Check of an invalid
// contract does not panic, but its report may be incomplete.
//
// A rule applies when its condition holds for the contract (its
// jurisdiction, category, data handling, the flags of the institution and
// of the systems the contract touches, the institution's NIS2 class and
// Czech regime, a significant supplier) and it is in force on asOf. Rules
// that ask for a clause are met by a clause of their kind that states
// their parameters. A notice-period rule compares each notice period the
// incident-notification clauses state with the institution's own
// first-report deadline: the shortest period, from detection, of the
// registry's incident rules of the contract's jurisdiction (or of those
// the rule names) that are in force on asOf and whose entity conditions
// hold for the institution, whatever the incident. A storage-country rule
// compares where the data is stored with the countries it allows, and a
// support-term rule the end of security support with the end of the
// contract.
//
// Check returns an error wrapping [medsec.ErrInvalidInput] when asOf is
// zero or not a real day, or c is nil. The report is the caller's own.
func (ch *Checker) Check(c *Contract, asOf medsec.Date) (*Report, error) {
	switch {
	case ch == nil || ch.reg == nil:
		return nil, errNoChecker
	case asOf.IsZero() || !asOf.Valid():
		return nil, errAsOf(asOf)
	case c == nil:
		return nil, &medsec.FieldError{Rule: "required", Message: msgValRequired.New()}
	}
	flags := flagsOf(&c.Institution)
	rep := &Report{AsOf: asOf, Requirements: []Requirement{}}
	var missing, weak []Finding
	for i := range ch.clauses {
		r := &ch.clauses[i]
		if !r.inForce(asOf) || !r.when.holds(c, flags) {
			continue
		}
		req := Requirement{Rule: r.Rule, Confidence: r.confidenceFor(c, flags), Path: "/clauses"}
		req.Reason = ownMessage(r.Reason)
		first, lacks := -1, Param("")
		for j := range c.Clauses {
			if c.Clauses[j].Kind != r.Kind {
				continue
			}
			p := c.Clauses[j].lacks(r.params)
			if p == "" {
				req.Met, req.Path = true, clausePath(j)
				break
			}
			if first < 0 {
				first, lacks = j, p
			}
		}
		switch {
		case req.Met:
		case first >= 0:
			req.Path = clausePath(first) + "/" + string(lacks)
			weak = append(weak, r.finding(req, Weak, weakTemplates[lacks].New(r.Kind.Message())))
		default:
			missing = append(missing, r.finding(req, Missing, msgFindingMissing.New(r.Kind.Message(), req.Reason)))
		}
		rep.Requirements = append(rep.Requirements, req)
	}
	for i := range ch.values {
		r := &ch.values[i]
		if !r.inForce(asOf) || !r.when.holds(c, flags) {
			continue
		}
		switch r.check {
		case checkNoticePeriod:
			weak = ch.checkNotice(r, c, flags, asOf, rep, weak)
		case checkStorageCountry:
			weak = checkStorage(r, c, flags, rep, weak)
		case checkSupportTerm:
			weak = checkSupport(r, c, flags, rep, weak)
		}
	}
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
	return rep, nil
}

// finding returns the finding of a requirement that is not met.
func (r *rule) finding(req Requirement, p Problem, m medsec.Message) Finding {
	return Finding{Rule: r.ID, Severity: r.Severity, Problem: p, Kind: r.Kind, Message: m,
		Citation: req.Citation, Confidence: req.Confidence, Path: req.Path}
}

// checkNotice compares the notice periods the contract states with the
// institution's first-report deadline.
func (ch *Checker) checkNotice(r *rule, c *Contract, flags []medsec.Flag, d medsec.Date, rep *Report, weak []Finding) []Finding {
	candidates := r.deadlines
	if candidates == nil {
		candidates = ch.deadlines[c.Jurisdiction]
	}
	var x *deadline
	for i := range candidates {
		if y := &candidates[i]; y.applies(c, flags, d) && (x == nil || y.hours < x.hours) {
			x = y
		}
	}
	if x == nil {
		return weak
	}
	req := Requirement{Rule: r.Rule, Confidence: r.confidenceFor(c, flags).Min(x.conf), Path: "/clauses"}
	req.Reason = ownMessage(r.Reason)
	req.Reason.Args = append(req.Reason.Args, x.hours)
	if req.Citation.IsZero() {
		req.Citation = x.cite
	}
	met, seen := true, false
	for j := range c.Clauses {
		cl := &c.Clauses[j]
		if cl.Kind != r.Kind || cl.NotifyWithinHours == nil {
			continue
		}
		path := clausePath(j) + "/" + string(ParamNotifyWithinHours)
		if !seen {
			req.Path = path
		}
		seen = true
		if h := *cl.NotifyWithinHours; h > x.hours {
			met = false
			f := r.finding(req, Weak, msgWeakNoticeTooSlow.New(msgWithinHours.New(h), msgWithinHours.New(x.hours)))
			f.Path = path
			weak = append(weak, f)
		}
	}
	req.Met = met && seen
	rep.Requirements = append(rep.Requirements, req)
	return weak
}

// checkStorage compares where the data is stored with the countries the
// rule allows.
func checkStorage(r *rule, c *Contract, flags []medsec.Flag, rep *Report, weak []Finding) []Finding {
	sc := c.DataHandling.StorageCountry
	req := Requirement{Rule: r.Rule, Confidence: r.confidenceFor(c, flags), Path: "/dataHandling/storageCountry",
		Met: slices.Contains(r.storageIn, sc)}
	req.Reason = ownMessage(r.Reason)
	rep.Requirements = append(rep.Requirements, req)
	if !req.Met {
		m := ownMessage(r.weak)
		m.Args = append(m.Args, sc)
		weak = append(weak, r.finding(req, Weak, m))
	}
	return weak
}

// checkSupport compares the end of security support each clause of the
// rule's kind states with the end of the contract's term.
func checkSupport(r *rule, c *Contract, flags []medsec.Flag, rep *Report, weak []Finding) []Finding {
	if !c.Term.End.Valid() {
		return weak
	}
	conf := r.confidenceFor(c, flags)
	for j := range c.Clauses {
		cl := &c.Clauses[j]
		if cl.Kind != r.Kind || cl.SupportEndDate.IsZero() {
			continue
		}
		early := cl.SupportEndDate.Before(c.Term.End)
		req := Requirement{Rule: r.Rule, Confidence: conf, Met: !early,
			Path: clausePath(j) + "/" + string(ParamSupportEndDate)}
		req.Reason = ownMessage(r.Reason)
		rep.Requirements = append(rep.Requirements, req)
		if early {
			weak = append(weak, r.finding(req, Weak, msgWeakSupportEndsEarly.New(cl.SupportEndDate, c.Term.End)))
		}
	}
	return weak
}

// flagsOf returns the flags of an institution and of its systems.
func flagsOf(in *grading.Institution) []medsec.Flag {
	flags, own := in.Flags, false
	for i := range in.Systems {
		for _, f := range in.Systems[i].Flags {
			if !slices.Contains(flags, f) {
				if !own {
					flags, own = slices.Clone(flags), true
				}
				flags = append(flags, f)
			}
		}
	}
	return flags
}

// lacks returns the first of params that the clause does not state, or ""
// when it states them all. A yes/no parameter is stated when it is yes.
func (c *Clause) lacks(params []Param) Param {
	for _, p := range params {
		var ok bool
		switch p {
		case ParamViaHospitalGateway:
			ok = isTrue(c.ViaHospitalGateway)
		case ParamMFA:
			ok = isTrue(c.MFA)
		case ParamTransferAssessment:
			ok = isTrue(c.TransferAssessment)
		default:
			_, ok = c.param(p, false)
		}
		if !ok {
			return p
		}
	}
	return ""
}

// ownMessage returns m with arguments of its own, nested messages
// included, so that a report never shares memory with the rules or with
// another report (review finding F2).
func ownMessage(m medsec.Message) medsec.Message {
	if len(m.Args) == 0 {
		m.Args = nil
		return m
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if nm, ok := a.(medsec.Message); ok && len(nm.Args) > 0 {
			a = ownMessage(nm)
		}
		args[i] = a
	}
	m.Args = args
	return m
}

func clausePath(i int) string { return "/clauses/" + strconv.Itoa(i) }

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
		if c != main && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
