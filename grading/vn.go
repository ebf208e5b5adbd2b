package grading

import (
	"slices"

	"github.com/medsec-go/medsec"
)

// VNInput describes an information system to grade under Vietnam's Decree
// 85/2016 (levels of Law 86/2015 art. 21). Type and Information are always
// required; the other fields are required where the type or the
// information makes them relevant, and the error names each missing one.
type VNInput struct {
	// System names the system in the reasons (optional).
	System string `json:"system,omitempty"`
	// Type is the system type (art. 6(2)). Required.
	Type VNSystemType `json:"type"`
	// Information is the set of information classes processed (art. 6(1)).
	// Required.
	Information VNInfo `json:"information"`
	// SecretGrade is the highest state-secret grade processed. Required
	// when Information has InfoStateSecret.
	SecretGrade VNSecretGrade `json:"secretGrade,omitempty"`
	// SecretHarm is the harm a compromise would do to defence and national
	// security (arts. 9(1), 10(1), 11(1)). Required when Information has
	// InfoStateSecret: the decree grades by this harm, not by the grade.
	SecretHarm VNHarm `json:"secretHarm,omitempty"`
	// PublicService is the online public-service level. Required for
	// public-facing systems.
	PublicService VNPublicService `json:"publicService,omitempty"`
	// ConditionalBusiness says whether the online service is in the list of
	// conditional business lines. Required for public-facing systems.
	ConditionalBusiness Answer `json:"conditionalBusiness,omitempty"`
	// Users is the number of users whose private or personal information
	// the system processes. Required (at least 1) for public-facing systems
	// that process private or personal information: 9,999 users is level 2
	// (art. 8(2)(c)), 10,000 users level 3 (art. 9(2)(c)).
	Users int `json:"users,omitempty"`
	// Reach is how far an infrastructure reaches. Required for
	// infrastructure.
	Reach VNReach `json:"reach,omitempty"`
	// NonStop says whether the system must run 24/7 and accepts no
	// unplanned stoppage. Required for nationwide infrastructure and for
	// national e-government systems.
	NonStop Answer `json:"nonStop,omitempty"`
	// WorksGrade is the grade of the construction works an industrial
	// control system directly runs. Required for industrial control.
	WorksGrade VNWorksGrade `json:"worksGrade,omitempty"`
	// WorksNationalSecurity marks control of works important to national
	// security (art. 11(4)).
	WorksNationalSecurity bool `json:"worksNationalSecurity,omitempty"`
	// NationalEGovernment marks a national information system for
	// e-government (art. 10(2), with NonStop).
	NationalEGovernment bool `json:"nationalEGovernment,omitempty"`
	// NationalDataStore marks centralised storage of especially important
	// national data (art. 11(2)).
	NationalDataStore bool `json:"nationalDataStore,omitempty"`
	// PMDesignated marks a system the Prime Minister designated (art. 11(5)).
	PMDesignated bool `json:"pmDesignated,omitempty"`
}

// VNResult is the Vietnamese grading of one system.
type VNResult struct {
	Result
	// Level is the highest level whose criterion the system meets.
	Level VNLevel `json:"level"`
	// Approval is who appraises and approves the level dossier, and the
	// time limits. Zero with [Options.LevelOnly]; see [VNApprovalFor].
	Approval VNApproval `json:"approval,omitzero"`
	// Assessment is the periodic assessment cadence. Zero with
	// [Options.LevelOnly]; see [VNAssessmentFor].
	Assessment VNAssessment `json:"assessment,omitzero"`
}

// VNApproval is the appraisal and approval path of a level dossier (Decree
// 85 arts. 12, 14, 16, 17).
type VNApproval struct {
	// Level is the security level of the dossier.
	Level VNLevel `json:"level"`
	// Appraiser appraises (thẩm định) the dossier; Approver approves it.
	Appraiser medsec.Message `json:"appraiser"`
	Approver  medsec.Message `json:"approver"`
	// Appraisal is the appraisal time limit from a complete, valid dossier:
	// 15 days at level 3, 30 days at levels 4-5, none set at levels 1-2.
	Appraisal Span `json:"appraisal,omitzero"`
	// Approval is the approval time limit: 7 working days (art. 17(2)).
	Approval Span `json:"approval"`
	// Basis is the legal basis of the path.
	Basis Basis `json:"basis"`
}

// VNAssessment is the periodic security assessment and risk management
// cadence (Decree 85 art. 20(2)(c)).
type VNAssessment struct {
	// Level is the security level the cadence is for.
	Level VNLevel `json:"level"`
	// Organisation: the whole organisation, every 24 months.
	Organisation Term `json:"organisation"`
	// System: this system, every 12 months at levels 3-4 and every 6
	// months at level 5; zero below level 3.
	System Term `json:"system,omitzero"`
	// LicensedAssessor: from level 3 the assessment must be done by a
	// licensed professional organisation, a suitable state public-service
	// unit or a designated body.
	LicensedAssessor bool `json:"licensedAssessor"`
}

// Vietnam grades an information system under Decree 85/2016 with the
// grader of the default registry; see [Grader.Vietnam].
func Vietnam(in VNInput, opts Options) (VNResult, error) {
	g, err := defaultGrader()
	if err != nil {
		return VNResult{}, err
	}
	return g.Vietnam(in, opts)
}

// Vietnam grades an information system under Decree 85/2016: the level is
// that of the highest criterion of arts. 7-11 the system meets, and the
// reasons name every criterion met, in the order of the decree, by article
// and point. opts.AsOf is required and must not be before the decree.
//
// The law that sets the levels is the one in force on opts.AsOf: from
// 2026-07-01 Law 116/2025 replaces Law 86/2015; its level decrees are not
// verified, so the Decree 85 criteria still apply and the result says so
// (confidence Unverified).
func (g *Grader) Vietnam(in VNInput, opts Options) (VNResult, error) {
	if g == nil {
		return VNResult{}, errNilGrader
	}
	f := g.vn
	if f == nil {
		return VNResult{}, noFacts(SchemeVN, "vn")
	}
	day := opts.AsOf
	if !day.Valid() || !f.period.Contains(day) {
		return VNResult{}, asOfError(day, SchemeVN, f.period.From)
	}
	if err := in.validate(); err != nil {
		return VNResult{}, err
	}
	var met []*vnCriterion
	var level VNLevel
	var conf medsec.Confidence
	for i := range f.criteria {
		c := &f.criteria[i]
		if !c.met(&in) {
			continue
		}
		switch {
		case c.level > level:
			level, conf = c.level, c.conf
		case c.level == level:
			conf = stronger(conf, c.conf)
		}
		if !opts.LevelOnly {
			met = append(met, c)
		}
	}
	if level == 0 {
		return VNResult{}, inputError(SchemeVN, &medsec.FieldError{Path: "/type", Rule: "criterion", Value: in.Type.String(), Message: msgErrNoCriterion.New(in.Type.Message())})
	}
	law := f.law(day)
	if law != nil {
		conf = conf.Min(law.conf)
	}
	var r VNResult
	r.Scheme, r.AsOf, r.Level, r.Confidence = SchemeVN, day, level, conf
	if opts.LevelOnly {
		return r, nil
	}
	reasons := make([]medsec.Message, 0, len(met)+6)
	var cites []medsec.Citation
	var inferences []medsec.MessageTemplate
	for _, c := range met {
		reasons = append(reasons, msgVNCriterion.New(c.cite, c.message(&in), c.level.Message()))
		cites = appendCites(cites, c.cite)
		if c.inference != (medsec.MessageTemplate{}) && !slices.Contains(inferences, c.inference) {
			inferences = append(inferences, c.inference)
		}
	}
	for _, t := range inferences {
		reasons = append(reasons, t.New())
	}
	reasons = append(reasons, msgVNHighest.New(r.Level.Message()))
	if law != nil {
		if law.reason != (medsec.MessageTemplate{}) {
			reasons = append(reasons, law.reason.New(law.period.From))
		}
		cites = appendCites(cites, law.cites...)
	}
	r.Approval = f.approvalFor(r.Level, day)
	r.Assessment = f.assessmentFor(r.Level)
	reasons = append(reasons, msgVNApproval.New(r.Approval.Appraiser, r.Approval.Approver))
	if !r.Approval.Basis.Note.IsZero() {
		reasons = append(reasons, r.Approval.Basis.Note)
	}
	a := &f.assessment
	sys := a.none.New()
	if !r.Assessment.System.Span.IsZero() {
		sys = a.every.New(r.Assessment.System.Span.Message())
	}
	reasons = append(reasons, msgVNAssessment.New(r.Assessment.Organisation.Span.Message(), sys))
	reasons = append(reasons, resultMessage(in.System, r.Level.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}

// law returns the law that sets the levels on day, or nil.
func (f *vnFacts) law(day medsec.Date) *vnLaw {
	for i := range f.laws {
		if f.laws[i].period.Contains(day) {
			return &f.laws[i]
		}
	}
	return nil
}

// validate checks the fields the type and information make relevant. It is
// hand-written: the requirements are conditional, and the check must not
// allocate on valid input.
func (in *VNInput) validate() error {
	var errs []*medsec.FieldError
	switch {
	case in.Type == VNTypeUnknown:
		errs = append(errs, required("/type", msgHintVNType))
	case !in.Type.Valid():
		errs = append(errs, invalid("/type", in.Type))
	}
	switch {
	case in.Information == 0:
		errs = append(errs, required("/information", msgHintVNInformation))
	case !in.Information.Valid():
		errs = append(errs, invalid("/information", in.Information))
	}
	if in.Information.Has(InfoStateSecret) {
		if !in.SecretGrade.Valid() {
			errs = append(errs, required("/secretGrade", msgHintVNSecretGrade))
		}
		if !in.SecretHarm.Valid() {
			errs = append(errs, required("/secretHarm", msgHintVNSecretHarm))
		}
	}
	if in.Users < 0 {
		errs = append(errs, &medsec.FieldError{Path: "/users", Rule: "min", Message: msgErrMin.New(0, in.Users)})
	}
	switch in.Type {
	case VNPublicFacing:
		if !in.PublicService.Valid() {
			errs = append(errs, required("/publicService", msgHintVNPublicService))
		}
		if !in.ConditionalBusiness.Valid() {
			errs = append(errs, required("/conditionalBusiness", msgHintVNConditional))
		}
		if in.Information&(InfoPrivate|InfoPersonal) != 0 && in.Users == 0 {
			errs = append(errs, required("/users", msgHintVNUsers))
		}
	case VNInfrastructure:
		if !in.Reach.Valid() {
			errs = append(errs, required("/reach", msgHintVNReach))
		} else if in.Reach == ReachNationwide && !in.NonStop.Valid() {
			errs = append(errs, required("/nonStop", msgHintVNNonStop))
		}
	case VNIndustrialControl:
		if !in.WorksGrade.Valid() {
			errs = append(errs, required("/worksGrade", msgHintVNWorks))
		}
	}
	if in.NationalEGovernment && !in.NonStop.Valid() && !(in.Type == VNInfrastructure && in.Reach == ReachNationwide) {
		errs = append(errs, required("/nonStop", msgHintVNNonStop))
	}
	if len(errs) == 0 {
		return nil
	}
	return inputError(SchemeVN, errs...)
}

// VNApprovalFor returns the appraisal and approval path of a level dossier
// on day with the grader of the default registry; see
// [Grader.VNApprovalFor].
func VNApprovalFor(level VNLevel, day medsec.Date) (VNApproval, error) {
	g, err := defaultGrader()
	if err != nil {
		return VNApproval{}, err
	}
	return g.VNApprovalFor(level, day)
}

// VNApprovalFor returns the appraisal and approval path of a level dossier
// on day, which is required and must not be before Decree 85/2016. Where
// a change of authority has taken effect by day (from 2025-03-01 the
// Ministry of Public Security exercises the information ministry's role),
// the new body is shown, the basis carries the change's note and its
// confidence (Unverified: the transfer is verified, that every appraisal
// step moved is not).
func (g *Grader) VNApprovalFor(level VNLevel, day medsec.Date) (VNApproval, error) {
	if g == nil {
		return VNApproval{}, errNilGrader
	}
	f := g.vn
	if f == nil {
		return VNApproval{}, noFacts(SchemeVN, "vn")
	}
	if !level.Valid() {
		return VNApproval{}, inputError(SchemeVN, invalid("level", level))
	}
	if !day.Valid() || !f.period.Contains(day) {
		return VNApproval{}, asOfError(day, SchemeVN, f.period.From)
	}
	return f.approvalFor(level, day), nil
}

// approvalFor returns the path of a valid level.
func (f *vnFacts) approvalFor(level VNLevel, day medsec.Date) VNApproval {
	st := f.approval[level]
	a := VNApproval{Level: level, Appraisal: st.appraisal, Approval: f.approvalTime.span,
		Appraiser: st.appraiser.New(), Approver: st.approver.New()}
	conf := st.conf
	for _, c := range f.changes {
		if day.Before(c.day) {
			continue
		}
		changed := false
		if st.appraiserID == c.from {
			a.Appraiser, changed = c.toName.New(), true
		}
		if st.approverID == c.from {
			a.Approver, changed = c.toName.New(), true
		}
		if changed {
			conf = conf.Min(c.conf)
			a.Basis.Note = c.reason.New(c.day)
		}
	}
	a.Basis.Citations = appendCites(slices.Clone(st.cites), f.approvalTime.cites...)
	a.Basis.Confidence = conf.Min(f.approvalTime.conf)
	return a
}

// VNAssessmentFor returns the assessment cadence of Decree 85 art.
// 20(2)(c) for level with the grader of the default registry; see
// [Grader.VNAssessmentFor].
func VNAssessmentFor(level VNLevel) (VNAssessment, error) {
	g, err := defaultGrader()
	if err != nil {
		return VNAssessment{}, err
	}
	return g.VNAssessmentFor(level)
}

// VNAssessmentFor returns the periodic assessment cadence for level: the
// whole organisation every 24 months, the system every 12 months at levels
// 3-4 and every 6 months at level 5, by a licensed assessor from level 3
// (Decree 85 art. 20(2)(c), as the registry's facts state it).
func (g *Grader) VNAssessmentFor(level VNLevel) (VNAssessment, error) {
	if g == nil {
		return VNAssessment{}, errNilGrader
	}
	if g.vn == nil {
		return VNAssessment{}, noFacts(SchemeVN, "vn")
	}
	if !level.Valid() {
		return VNAssessment{}, inputError(SchemeVN, invalid("level", level))
	}
	return g.vn.assessmentFor(level), nil
}

func (f *vnFacts) assessmentFor(level VNLevel) VNAssessment {
	a := &f.assessment
	out := VNAssessment{Level: level, LicensedAssessor: level >= a.licensedFrom,
		Organisation: Term{Span: a.organisation, Basis: basisOf(a.cites, a.conf, medsec.MessageTemplate{})}}
	if s := a.system[level]; !s.IsZero() {
		out.System = Term{Span: s, Basis: basisOf(a.cites, a.conf, medsec.MessageTemplate{})}
	}
	return out
}
