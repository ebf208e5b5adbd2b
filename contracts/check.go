package contracts

import (
	"cmp"
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
	// Citation is the provision the finding rests on.
	Citation medsec.Citation `json:"citation"`
	// Also lists further provisions that ask for the same missing clause
	// at the same severity.
	Also []medsec.Citation `json:"also,omitempty"`
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
	k := checking{ch: ch, c: c, asOf: asOf, flags: flagsOf(&c.Institution), paths: make([]string, len(c.Clauses)),
		findings: make([]Finding, 0, 16)}
	// The rules that apply are counted first, so that the list of
	// requirements is made once, at its size: a contract meets only some
	// of the rules of all jurisdictions.
	n := 0
	for _, rs := range [][]rule{ch.clauses, ch.values} {
		for i := range rs {
			if k.applies(&rs[i]) {
				n++
			}
		}
	}
	k.rep = &Report{AsOf: asOf, Requirements: make([]Requirement, 0, n)}
	for i := range ch.clauses {
		if r := &ch.clauses[i]; k.applies(r) {
			k.clause(r)
		}
	}
	for i := range ch.values {
		r := &ch.values[i]
		if !k.applies(r) {
			continue
		}
		switch r.check {
		case checkNoticePeriod:
			k.notice(r)
		case checkStorageCountry:
			k.storage(r)
		case checkSupportTerm:
			k.support(r)
		}
	}
	// Required findings first, then recommended ones; missing clauses
	// before weak ones; each group in rule order.
	fs := mergeMissing(k.findings)
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Problem, b.Problem))
	})
	k.rep.Findings = fs
	ownArgs(k.rep)
	return k.rep, nil
}

// checking is one run of Check.
type checking struct {
	ch    *Checker
	c     *Contract
	asOf  medsec.Date
	flags []medsec.Flag // the institution's and its systems'
	rep   *Report
	// findings collects the findings in rule order; missing clauses of
	// one kind and severity are merged at the end.
	findings []Finding
	paths    []string // the pointers of the clauses, made when first needed
}

// applies reports whether rule r applies to the contract on the day
// checked.
func (k *checking) applies(r *rule) bool {
	return r.inForce(k.asOf) && r.when.holds(k.c, k.flags)
}

// clausePath returns the JSON Pointer of clause i.
func (k *checking) clausePath(i int) string {
	if k.paths[i] == "" {
		k.paths[i] = "/clauses/" + strconv.Itoa(i)
	}
	return k.paths[i]
}

// requirement starts the requirement of rule r.
func (k *checking) requirement(r *rule, path string) Requirement {
	return Requirement{Rule: r.Rule, Confidence: r.confidenceFor(k.c, k.flags), Path: path}
}

// clause looks for a clause of r's kind that states r's parameters.
func (k *checking) clause(r *rule) {
	req := k.requirement(r, "/clauses")
	first, lacks := -1, -1
	for j := range k.c.Clauses {
		if k.c.Clauses[j].Kind != r.Kind {
			continue
		}
		p := k.c.Clauses[j].lacks(r.params)
		if p < 0 {
			req.Met, req.Path = true, k.clausePath(j)
			break
		}
		if first < 0 {
			first, lacks = j, p
		}
	}
	switch {
	case req.Met:
	case first >= 0:
		req.Path = k.clausePath(first) + "/" + string(r.params[lacks])
		k.findings = append(k.findings, r.finding(req, Weak, r.lacking[lacks]))
	default:
		k.findings = append(k.findings, r.finding(req, Missing, r.missing))
	}
	k.rep.Requirements = append(k.rep.Requirements, req)
}

// notice compares the notice periods the contract states with the
// institution's first-report deadline.
func (k *checking) notice(r *rule) {
	candidates := r.deadlines
	if candidates == nil {
		candidates = k.ch.deadlines[k.c.Jurisdiction]
	}
	var x *deadline
	for i := range candidates {
		if y := &candidates[i]; y.applies(k.c, k.flags, k.asOf) && (x == nil || y.hours < x.hours) {
			x = y
		}
	}
	if x == nil {
		return
	}
	req := k.requirement(r, "/clauses")
	req.Confidence = req.Confidence.Min(x.conf)
	req.Reason.Args = append(slices.Clip(req.Reason.Args), x.hours)
	if req.Citation.IsZero() {
		req.Citation = x.cite
	}
	met, seen := true, false
	for j := range k.c.Clauses {
		cl := &k.c.Clauses[j]
		if cl.Kind != r.Kind || cl.NotifyWithinHours == nil {
			continue
		}
		path := k.clausePath(j) + "/" + string(ParamNotifyWithinHours)
		if !seen {
			req.Path = path
		}
		seen = true
		if h := *cl.NotifyWithinHours; h > x.hours {
			met = false
			f := r.finding(req, Weak, msgWeakNoticeTooSlow.New(msgWithinHours.New(h), msgWithinHours.New(x.hours)))
			f.Path = path
			k.findings = append(k.findings, f)
		}
	}
	req.Met = met && seen
	k.rep.Requirements = append(k.rep.Requirements, req)
}

// storage compares where the data is stored with the countries r allows.
func (k *checking) storage(r *rule) {
	sc := k.c.DataHandling.StorageCountry
	req := k.requirement(r, "/dataHandling/storageCountry")
	req.Met = slices.Contains(r.storageIn, sc)
	k.rep.Requirements = append(k.rep.Requirements, req)
	if !req.Met {
		m := r.weak
		m.Args = append(slices.Clip(m.Args), sc)
		k.findings = append(k.findings, r.finding(req, Weak, m))
	}
}

// support compares the end of security support each clause of r's kind
// states with the end of the contract's term.
func (k *checking) support(r *rule) {
	end := k.c.Term.End
	if !end.Valid() {
		return
	}
	for j := range k.c.Clauses {
		cl := &k.c.Clauses[j]
		if cl.Kind != r.Kind || cl.SupportEndDate.IsZero() {
			continue
		}
		req := k.requirement(r, k.clausePath(j)+"/"+string(ParamSupportEndDate))
		req.Met = !cl.SupportEndDate.Before(end)
		k.rep.Requirements = append(k.rep.Requirements, req)
		if !req.Met {
			k.findings = append(k.findings, r.finding(req, Weak, msgWeakSupportEndsEarly.New(cl.SupportEndDate, end)))
		}
	}
}

// finding returns the finding of a requirement that is not met.
func (r *rule) finding(req Requirement, p Problem, m medsec.Message) Finding {
	return Finding{Rule: r.ID, Severity: r.Severity, Problem: p, Kind: r.Kind, Message: m,
		Citation: req.Citation, Confidence: req.Confidence, Path: req.Path}
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

// lacks returns the index in params of the first parameter the clause
// does not state, or -1 when it states them all. A yes/no parameter is
// stated when it is yes.
func (c *Clause) lacks(params []Param) int {
	for i, p := range params {
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
			return i
		}
	}
	return -1
}

// ownArgs gives the messages of a report arguments of their own: the
// rules' messages are shared by every report, and a caller that edits its
// report must not change the next one (review finding F2). The arguments
// of all messages share one allocation, each message's slice capped so
// that appending to it copies; a nested message with arguments is copied
// in turn. (One allocation instead of one per message keeps Check within
// its benchmark goal.)
func ownArgs(rep *Report) {
	n := 0
	for i := range rep.Requirements {
		n += argCount(rep.Requirements[i].Reason.Args)
	}
	for i := range rep.Findings {
		n += argCount(rep.Findings[i].Message.Args)
	}
	slab := make([]any, n)
	for i := range rep.Requirements {
		ownMessageArgs(&rep.Requirements[i].Reason, &slab)
	}
	for i := range rep.Findings {
		ownMessageArgs(&rep.Findings[i].Message, &slab)
	}
}

// argCount counts args and the arguments of the messages among them.
func argCount(args []any) int {
	n := len(args)
	for _, a := range args {
		if nm, ok := a.(medsec.Message); ok && len(nm.Args) > 0 {
			n += argCount(nm.Args)
		}
	}
	return n
}

// ownMessageArgs gives m arguments of its own, taken from the front of
// slab; empty arguments become nil. A message without arguments is not
// written, so that the many without cost next to nothing.
func ownMessageArgs(m *medsec.Message, slab *[]any) {
	switch {
	case len(m.Args) > 0:
		m.Args = ownArgsOf(m.Args, slab)
	case m.Args != nil:
		m.Args = nil
	}
}

// ownArgsOf copies args, and in turn the arguments of the messages among
// them, into the front of slab, which it advances.
func ownArgsOf(args []any, slab *[]any) []any {
	k := len(args)
	out := (*slab)[:k:k]
	*slab = (*slab)[k:]
	copy(out, args)
	for i, a := range out {
		if nm, ok := a.(medsec.Message); ok && len(nm.Args) > 0 {
			nm.Args = ownArgsOf(nm.Args, slab)
			out[i] = nm
		}
	}
	return out
}

// mergeMissing folds the findings of the same missing kind and severity
// into one, keeping the best-established rule as the main citation. Other
// findings pass unchanged; the order is kept.
func mergeMissing(fs []Finding) []Finding {
	out := fs[:0] // in place: out never overtakes the range below
	for _, f := range fs {
		i := -1
		for j := range out {
			if f.Problem == Missing && out[j].Problem == Missing && out[j].Kind == f.Kind && out[j].Severity == f.Severity {
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
