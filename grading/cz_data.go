package grading

import (
	"github.com/medsec-go/medsec"
)

// The JSON form of the "cz" member of grading.json.
type (
	czJSON struct {
		Note           string          `json:"note"`
		Regimes        *czFactJSON     `json:"regimes"`
		NotRegulated   *ruleJSON       `json:"notRegulated"`
		Significant    *czDecisionJSON `json:"significant"`
		NotSignificant *czDecisionJSON `json:"notSignificant"`
		Inferred       *czInferredJSON `json:"inferred"`
		Size           *ruleJSON       `json:"size"`
		Before         *ruleJSON       `json:"before"`
	}
	czFactJSON struct {
		Citations  []medsec.Citation `json:"citations"`
		Confidence medsec.Confidence `json:"confidence"`
		Note       string            `json:"note"`
	}
	czDecisionJSON struct {
		Regime     CZRegime               `json:"regime"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	czInferredJSON struct {
		HigherSizes []SizeClass            `json:"higherSizes"`
		Otherwise   CZRegime               `json:"otherwise"`
		Citations   []medsec.Citation      `json:"citations"`
		Confidence  medsec.Confidence      `json:"confidence"`
		Note        string                 `json:"note"`
		Reason      medsec.MessageTemplate `json:"reason"`
	}
)

// czFacts are the checked Czech facts of a registry.
type czFacts struct {
	period         medsec.Period // of the act whose § 8(1) sets the regimes
	regimes        rule
	notRegulated   rule
	significant    czDecision
	notSignificant czDecision
	inferred       czInferred
	size           rule
	before         czBefore
}

type czDecision struct {
	regime CZRegime
	rule
}

type czInferred struct {
	higherSizes []SizeClass
	otherwise   CZRegime
	rule
}

// czBefore is the act that applied before the regimes, while in force.
type czBefore struct {
	rule
	period medsec.Period
}

func (l *loader) cz(at string, j *czJSON) *czFacts {
	f := &czFacts{}
	if r := j.Regimes; r == nil {
		l.bad(at+"/regimes", "required", "", msgDataRequired.New())
	} else {
		l.fact(at+"/regimes", r.Citations, r.Confidence, r.Note)
		f.regimes = rule{cites: r.Citations, conf: r.Confidence}
		f.period = l.periodOf(at+"/regimes", r.Citations)
	}
	f.notRegulated = l.rule(at+"/notRegulated", j.NotRegulated, 0)
	f.significant = l.decision(at+"/significant", j.Significant)
	f.notSignificant = l.decision(at+"/notSignificant", j.NotSignificant)
	if x := j.Inferred; x == nil {
		l.bad(at+"/inferred", "required", "", msgDataRequired.New())
	} else {
		f.inferred = czInferred{higherSizes: x.HigherSizes, otherwise: x.Otherwise,
			rule: l.rule(at+"/inferred", &ruleJSON{Citations: x.Citations, Confidence: x.Confidence, Note: x.Note, Reason: x.Reason}, 2)}
		l.sizes(at+"/inferred/higherSizes", x.HigherSizes)
		if x.Otherwise != CZLower && x.Otherwise != CZHigher {
			l.oneOf(at+"/inferred/otherwise", x.Otherwise.String(), CZLower.String(), CZHigher.String())
		}
	}
	f.size = l.rule(at+"/size", j.Size, 1)
	f.before.rule = l.rule(at+"/before", j.Before, 2)
	if j.Before != nil {
		f.before.period = l.periodOf(at+"/before", j.Before.Citations)
	}
	return f
}

func (l *loader) decision(at string, j *czDecisionJSON) czDecision {
	if j == nil {
		l.bad(at, "required", "", msgDataRequired.New())
		return czDecision{}
	}
	if j.Regime != CZLower && j.Regime != CZHigher {
		l.oneOf(at+"/regime", j.Regime.String(), CZLower.String(), CZHigher.String())
	}
	return czDecision{regime: j.Regime, rule: l.rule(at, &ruleJSON{Confidence: j.Confidence, Note: j.Note, Reason: j.Reason}, 0)}
}
