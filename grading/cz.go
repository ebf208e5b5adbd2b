package grading

import (
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
	RegulatedService Answer `json:"regulatedService" validate:"set"`
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

// Czech places a provider in the higher or lower obligations regime of Act
// 264/2025 (§ 8(1)), or finds it not regulated. Before 2025-11-01 the
// result cites Act 181/2014 and has no regime; the input is then not
// checked, since none of it decides anything under the old act.
func Czech(in CZInput, opts Options) (CZResult, error) {
	ds := &rules
	day, err := asOf(opts, SchemeCZ, ds.cz181, ds.newest)
	if err != nil {
		return CZResult{}, err
	}
	var r CZResult
	r.Scheme, r.AsOf = SchemeCZ, day
	if day.Before(ds.cz264) {
		// Nothing of the input matters under the old act.
		r.Confidence = medsec.Verified
		if !opts.LevelOnly {
			r.Reasons = []medsec.Message{msgCZReasonAct181.New(day, ds.cz264),
				resultMessage(in.Entity, r.Regime.Message(), r.Confidence)}
			r.Citations = []medsec.Citation{medsec.Cite("CZ-ZKB-181-2014", "")}
		}
		return r, nil
	}
	if err := in.validate(); err != nil {
		return CZResult{}, err
	}
	haveFigures := !in.Enterprise.isZero()
	if haveFigures {
		r.Size = in.Enterprise.Aggregate().Size()
	}
	var why medsec.Message
	switch {
	case in.RegulatedService == No:
		r.Regime, r.Confidence, why = CZNotRegulated, medsec.Verified, msgCZReasonNot.New()
	case in.Significant == Yes:
		r.Regime, r.Confidence, why = CZHigher, medsec.Verified, msgCZReasonHigher.New()
	case in.Significant == No:
		r.Regime, r.Confidence, why = CZLower, medsec.Verified, msgCZReasonLower.New()
	default:
		r.Regime = CZLower
		if r.Size == Large {
			r.Regime = CZHigher
		}
		r.Confidence = medsec.Unverified
		why = msgCZReasonFallback.New(r.Size.Message(), r.Regime.Message())
	}
	if opts.LevelOnly {
		return r, nil
	}
	reasons := make([]medsec.Message, 0, 3)
	cites := []medsec.Citation{medsec.Cite("CZ-ZKB-264-2025", "8", "1")}
	if haveFigures {
		reasons = append(reasons, msgCZReasonSize.New(r.Size.Message()))
		cites = append(cites, medsec.Cite("CZ-VYH-408-2025", "2", "2"))
	}
	if in.RegulatedService == Yes && in.Significant == AnswerUnknown {
		cites = append(cites, medsec.Cite("CZ-VYH-408-2025", ""))
	}
	reasons = append(reasons, why, resultMessage(in.Entity, r.Regime.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}

func (in *CZInput) validate() error {
	var errs []*medsec.FieldError
	if !in.RegulatedService.Valid() {
		if in.RegulatedService == AnswerUnknown {
			errs = append(errs, required("RegulatedService", msgHintCZRegulated))
		} else {
			errs = append(errs, invalid("RegulatedService", in.RegulatedService))
		}
	}
	if in.Significant != AnswerUnknown && !in.Significant.Valid() {
		errs = append(errs, invalid("Significant", in.Significant))
	}
	if in.Significant == Yes && in.RegulatedService == No {
		errs = append(errs, &medsec.FieldError{Path: "Significant", Rule: "conflict", Value: "yes",
			Message: msgErrNotCorrect.New("RegulatedService")})
	}
	needFigures := in.RegulatedService == Yes && in.Significant == AnswerUnknown
	if (needFigures || !in.Enterprise.isZero()) && !in.Enterprise.valid() {
		if err := structErrors(SchemeCZ, &czFigures{in.Enterprise}); err != nil {
			var fes medsec.FieldErrors
			if asFieldErrors(err, &fes) {
				errs = append(errs, fes...)
			} else {
				return err
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return inputError(SchemeCZ, errs...)
}

// czFigures wraps the enterprise so that validator paths read
// "Enterprise.Headcount".
type czFigures struct {
	Enterprise Enterprise
}
