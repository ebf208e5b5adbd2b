package grading

import (
	"slices"

	"github.com/medsec-go/medsec"
)

// Message returns the regime's name, e.g. "higher obligations regime".
func (r CZRegime) Message() medsec.Message {
	switch r {
	case CZHigher:
		return msgCZHigher.New()
	case CZLower:
		return msgCZLower.New()
	case CZNotRegulated:
		return msgCZNotRegulated.New()
	}
	return msgCZUnknown.New()
}

// CZInput describes a provider to place in a regime of the Czech Act
// 264/2025 Sb. The act's implementing Decree 408/2025 lists the regulated
// services and the thresholds that make a provider significant; medsec's
// data does not hold the health-sector entries of that decree, so the
// caller states what it decides.
type CZInput struct {
	// Entity names the provider in the reasons (optional).
	Entity string `json:"entity,omitempty"`
	// RegulatedService: does the provider offer a regulated service under
	// Decree 408/2025? Required.
	RegulatedService Answer `json:"regulatedService"`
	// Significant: is the provider significant under § 8(1) (by size,
	// users, geography, sector impact or risk, per Decree 408/2025)? When
	// not stated, medsec infers the regime from the size class by analogy
	// with NIS2 and marks the result Unverified; Enterprise is then
	// required.
	Significant Answer `json:"significant,omitempty"`
	// Enterprise holds the figures for the size class (Recommendation
	// 2003/361 with partner and linked enterprises, Decree 408/2025
	// § 2(2)). Required when Significant is not stated; otherwise optional
	// and shown in the reasons.
	Enterprise Enterprise `json:"enterprise,omitzero"`
}

// CZResult is the Czech regime of one provider.
type CZResult struct {
	Result
	// Regime is the obligations regime under Act 264/2025. Before
	// 2025-11-01 it is zero (CZRegimeUnknown): Act 181/2014 applied, which
	// medsec does not grade under, and the reasons say so.
	Regime CZRegime `json:"regime,omitempty"`
	// Size is the size class when figures were given (from 2025-11-01),
	// zero otherwise.
	Size SizeClass `json:"size,omitempty"`
}

// Czech places a provider in a regime of the Czech Act 264/2025 with the
// grader of the default registry; see [Grader.Czech].
func Czech(in CZInput, opts Options) (CZResult, error) {
	g, err := defaultGrader()
	if err != nil {
		return CZResult{}, err
	}
	return g.Czech(in, opts)
}

// Czech places a provider in the higher or lower obligations regime of Act
// 264/2025 (§ 8(1)), or finds it not regulated. opts.AsOf is required.
// Before the act entered into force (2025-11-01, from the registry) the
// result cites Act 181/2014 and has no regime; the input is then not
// checked, since none of it decides anything under the old act.
func (g *Grader) Czech(in CZInput, opts Options) (CZResult, error) {
	if g == nil {
		return CZResult{}, errNilGrader
	}
	f := g.cz
	if f == nil {
		return CZResult{}, noFacts(SchemeCZ, "cz")
	}
	day := opts.AsOf
	var r CZResult
	r.Scheme, r.AsOf = SchemeCZ, day
	switch {
	case !day.Valid():
		return CZResult{}, asOfError(day, SchemeCZ, f.before.period.From)
	case f.before.period.Contains(day) && !f.period.Contains(day):
		// Nothing of the input matters under the old act.
		r.Confidence = f.before.conf
		if !opts.LevelOnly {
			r.Reasons = []medsec.Message{f.before.reason.New(day, f.period.From),
				resultMessage(in.Entity, r.Regime.Message(), r.Confidence)}
			r.Citations = slices.Clone(f.before.cites)
		}
		return r, nil
	case !f.period.Contains(day):
		return CZResult{}, asOfError(day, SchemeCZ, f.before.period.From)
	}
	if err := in.validate(g.size); err != nil {
		return CZResult{}, err
	}
	haveFigures := !in.Enterprise.isZero()
	if haveFigures {
		r.Size = g.size.classify(in.Enterprise.Aggregate())
	}
	inferred := in.RegulatedService == Yes && in.Significant == AnswerUnknown
	var decided *rule // the rule that decides the regime
	switch {
	case in.RegulatedService == No:
		r.Regime, decided = CZNotRegulated, &f.notRegulated
	case in.Significant == Yes:
		r.Regime, decided = f.significant.regime, &f.significant.rule
	case in.Significant == No:
		r.Regime, decided = f.notSignificant.regime, &f.notSignificant.rule
	default:
		r.Regime, decided = f.inferred.otherwise, &f.inferred.rule
		if slices.Contains(f.inferred.higherSizes, r.Size) {
			r.Regime = CZHigher
		}
	}
	r.Confidence = decided.conf.Min(f.regimes.conf)
	if opts.LevelOnly {
		return r, nil
	}
	var why medsec.Message
	if inferred {
		why = decided.reason.New(r.Size.Message(), r.Regime.Message())
	} else {
		why = decided.reason.New()
	}
	reasons := make([]medsec.Message, 0, 3)
	cites := slices.Clone(f.regimes.cites)
	if haveFigures {
		reasons = append(reasons, f.size.reason.New(r.Size.Message()))
		cites = appendCites(cites, f.size.cites...)
	}
	if inferred {
		cites = appendCites(cites, f.inferred.cites...)
	}
	reasons = append(reasons, why, resultMessage(in.Entity, r.Regime.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}

// validate checks the answers and, where they are needed or given, the
// figures, against the size facts sz (nil when the registry has none).
func (in *CZInput) validate(sz *sizeFacts) error {
	var errs []*medsec.FieldError
	switch {
	case in.RegulatedService == AnswerUnknown:
		errs = append(errs, required("/regulatedService", msgHintCZRegulated))
	case !in.RegulatedService.Valid():
		errs = append(errs, invalid("/regulatedService", in.RegulatedService))
	}
	if in.Significant != AnswerUnknown && !in.Significant.Valid() {
		errs = append(errs, invalid("/significant", in.Significant))
	}
	if in.Significant == Yes && in.RegulatedService == No {
		errs = append(errs, &medsec.FieldError{Path: "/significant", Rule: "conflict", Value: "yes",
			Message: msgErrNotCorrect.New("/regulatedService")})
	}
	needFigures := in.RegulatedService == Yes && in.Significant == AnswerUnknown
	if needFigures || !in.Enterprise.isZero() {
		if sz == nil {
			return noFacts(SchemeCZ, "enterpriseSize")
		}
		errs = in.Enterprise.check("/enterprise", sz, errs)
	}
	if len(errs) == 0 {
		return nil
	}
	return inputError(SchemeCZ, errs...)
}
