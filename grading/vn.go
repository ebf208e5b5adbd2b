package grading

import (
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

// VNUserThreshold is the number of users from which an online service that
// processes private or personal information is level 3 (Decree 85 art.
// 9(2)(c); below it, art. 8(2)(c): level 2).
const VNUserThreshold = 10_000

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
	Level VNLevel `json:"level"`
	// Appraiser appraises (thẩm định) the dossier; Approver approves it.
	Appraiser medsec.Message `json:"appraiser"`
	Approver  medsec.Message `json:"approver"`
	// Appraisal is the appraisal time limit from a complete, valid dossier:
	// 15 days at level 3, 30 days at levels 4-5, none set at levels 1-2.
	Appraisal Span `json:"appraisal,omitzero"`
	// Approval is the approval time limit: 7 working days (art. 17(2)).
	Approval Span  `json:"approval"`
	Basis    Basis `json:"basis"`
}

// VNAssessment is the periodic security assessment and risk management
// cadence (Decree 85 art. 20(2)(c)).
type VNAssessment struct {
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

const nd85 = "VN-ND-85-2016"

// vnMatch is one criterion met; the message is built only on request.
type vnMatch struct {
	level            uint8
	art, para, point string
	tmpl             *medsec.MessageTemplate
	arg              int
	secret           VNSecretGrade
	works            VNWorksGrade
	conf             medsec.Confidence
}

func (m *vnMatch) cite() medsec.Citation { return medsec.Cite(nd85, m.art, m.para, m.point) }

func (m *vnMatch) message() medsec.Message {
	switch {
	case m.secret != SecretUnknown:
		return m.tmpl.New(m.secret.Message())
	case m.works != WorksUnknown:
		return m.tmpl.New(m.works.Message())
	case m.tmpl == &msgVNC8p2a || m.tmpl == &msgVNC9p2a || m.tmpl == &msgVNC8p2c || m.tmpl == &msgVNC9p2c:
		return m.tmpl.New(m.arg)
	}
	return m.tmpl.New()
}

type vnMatches struct {
	m [8]vnMatch // at most 7 criteria can match at once
	n int
}

func (ms *vnMatches) add(m vnMatch) {
	if m.conf == 0 {
		m.conf = medsec.Verified
	}
	if ms.n < len(ms.m) {
		ms.m[ms.n] = m
		ms.n++
	}
}

// Vietnam grades an information system under Decree 85/2016: the level is
// that of the highest criterion of arts. 7-11 the system meets, and the
// reasons name every criterion met by article and point.
//
// From 2026-07-01 Law 116/2025 replaces Law 86/2015; its level decrees are
// not verified, so the Decree 85 criteria still apply and the result says so
// (confidence Unverified).
func Vietnam(in VNInput, opts Options) (VNResult, error) {
	ds := &rules
	if err := in.validate(); err != nil {
		return VNResult{}, err
	}
	day, err := asOf(opts, SchemeVN, ds.vnND85, ds.newest)
	if err != nil {
		return VNResult{}, err
	}
	var ms vnMatches
	in.criteria(&ms)
	if ms.n == 0 {
		return VNResult{}, inputError(SchemeVN, &medsec.FieldError{Path: "Type", Rule: "criterion", Value: in.Type.String(), Message: msgErrNoCriterion.New(in.Type.Message())})
	}
	var lvl uint8
	var conf medsec.Confidence
	for i := range ms.m[:ms.n] {
		m := &ms.m[i]
		switch {
		case m.level > lvl:
			lvl, conf = m.level, m.conf
		case m.level == lvl:
			conf = stronger(conf, m.conf)
		}
	}
	after116 := !day.Before(ds.vnLaw116)
	if after116 {
		conf = conf.Min(medsec.Unverified)
	}
	var r VNResult
	r.Scheme, r.AsOf, r.Level, r.Confidence = SchemeVN, day, VNLevel(lvl), conf
	if opts.LevelOnly {
		return r, nil
	}
	reasons := make([]medsec.Message, 0, ms.n+6)
	cites := make([]medsec.Citation, 0, ms.n+2)
	inferred := false
	for i := range ms.m[:ms.n] {
		m := &ms.m[i]
		c := m.cite()
		reasons = append(reasons, msgVNCriterion.New(c.String(), m.message(), VNLevel(m.level).Message()))
		if !containsCite(cites, c) {
			cites = append(cites, c)
		}
		if m.conf == medsec.Unverified {
			inferred = true
		}
	}
	if inferred {
		reasons = append(reasons, msgVNNationwideInfer.New())
	}
	reasons = append(reasons, msgVNHighest.New(r.Level.Message()))
	if after116 {
		reasons = append(reasons, msgVNLaw116.New(ds.vnLaw116))
		cites = append(cites, medsec.Cite("VN-LAW-116-2025", ""))
	} else {
		cites = append(cites, medsec.Cite("VN-LAW-86-2015", "21", "2"))
	}
	r.Approval, _ = VNApprovalFor(r.Level, day)
	r.Assessment, _ = VNAssessmentFor(r.Level)
	reasons = append(reasons, msgVNApproval.New(r.Approval.Appraiser, r.Approval.Approver))
	if r.Level >= VN4 && !day.Before(ds.vnMPS) {
		reasons = append(reasons, msgVNApprovalMPS.New(ds.vnMPS))
	}
	sys := msgVNAssessNone.New()
	if !r.Assessment.System.Span.IsZero() {
		sys = msgVNAssessEvery.New(r.Assessment.System.Span.Message())
	}
	reasons = append(reasons, msgVNAssessment.New(r.Assessment.Organisation.Span.Message(), sys))
	reasons = append(reasons, resultMessage(in.System, r.Level.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}

func containsCite(cs []medsec.Citation, c medsec.Citation) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// criteria collects every criterion of arts. 7-11 that in meets.
func (in *VNInput) criteria(ms *vnMatches) {
	info := in.Information
	privateOrPersonal := info&(InfoPrivate|InfoPersonal) != 0
	secret := info.Has(InfoStateSecret)
	if secret {
		switch in.SecretHarm {
		case VNHarmSome:
			ms.add(vnMatch{level: 3, art: "9", para: "1", tmpl: &msgVNC9p1, secret: in.SecretGrade})
		case VNHarmSerious:
			ms.add(vnMatch{level: 4, art: "10", para: "1", tmpl: &msgVNC10p1, secret: in.SecretGrade})
		case VNHarmEspeciallySerious:
			ms.add(vnMatch{level: 5, art: "11", para: "1", tmpl: &msgVNC11p1, secret: in.SecretGrade})
		}
	}
	switch in.Type {
	case VNInternal:
		if info == InfoPublic {
			ms.add(vnMatch{level: 1, art: "7", tmpl: &msgVNC7})
		}
		if privateOrPersonal && !secret {
			ms.add(vnMatch{level: 2, art: "8", para: "1", tmpl: &msgVNC8p1})
		}
	case VNPublicFacing:
		switch in.PublicService {
		case PublicService1, PublicService2:
			ms.add(vnMatch{level: 2, art: "8", para: "2", point: "a", tmpl: &msgVNC8p2a, arg: int(in.PublicService) - 1})
		case PublicService3, PublicService4:
			ms.add(vnMatch{level: 3, art: "9", para: "2", point: "a", tmpl: &msgVNC9p2a, arg: int(in.PublicService) - 1})
		}
		switch in.ConditionalBusiness {
		case No:
			ms.add(vnMatch{level: 2, art: "8", para: "2", point: "b", tmpl: &msgVNC8p2b})
		case Yes:
			ms.add(vnMatch{level: 3, art: "9", para: "2", point: "b", tmpl: &msgVNC9p2b})
		}
		if privateOrPersonal {
			if in.Users < VNUserThreshold {
				ms.add(vnMatch{level: 2, art: "8", para: "2", point: "c", tmpl: &msgVNC8p2c, arg: in.Users})
			} else {
				ms.add(vnMatch{level: 3, art: "9", para: "2", point: "c", tmpl: &msgVNC9p2c, arg: in.Users})
			}
		}
	case VNInfrastructure:
		switch in.Reach {
		case ReachOneOrganisation:
			ms.add(vnMatch{level: 2, art: "8", para: "3", tmpl: &msgVNC8p3})
		case ReachSectorOrProvince:
			ms.add(vnMatch{level: 3, art: "9", para: "3", tmpl: &msgVNC9p3})
		case ReachNationwide:
			if in.NonStop == Yes {
				ms.add(vnMatch{level: 4, art: "10", para: "3", tmpl: &msgVNC10p3})
			} else {
				// No criterion matches word for word: read as art. 9(3).
				ms.add(vnMatch{level: 3, art: "9", para: "3", tmpl: &msgVNC9p3, conf: medsec.Unverified})
			}
		case ReachInternational:
			ms.add(vnMatch{level: 5, art: "11", para: "3", tmpl: &msgVNC11p3})
		}
	case VNIndustrialControl:
		switch in.WorksGrade {
		case WorksII, WorksIII, WorksIV:
			ms.add(vnMatch{level: 3, art: "9", para: "4", tmpl: &msgVNC9p4, works: in.WorksGrade})
		case WorksI:
			ms.add(vnMatch{level: 4, art: "10", para: "4", tmpl: &msgVNC10p4})
		case WorksSpecial:
			ms.add(vnMatch{level: 5, art: "11", para: "4", tmpl: &msgVNC11p4})
		}
		if in.WorksNationalSecurity && in.WorksGrade != WorksSpecial {
			ms.add(vnMatch{level: 5, art: "11", para: "4", tmpl: &msgVNC11p4})
		}
	}
	if in.NationalEGovernment && in.NonStop == Yes {
		ms.add(vnMatch{level: 4, art: "10", para: "2", tmpl: &msgVNC10p2})
	}
	if in.NationalDataStore {
		ms.add(vnMatch{level: 5, art: "11", para: "2", tmpl: &msgVNC11p2})
	}
	if in.PMDesignated {
		ms.add(vnMatch{level: 5, art: "11", para: "5", tmpl: &msgVNC11p5})
	}
}

// validate checks the fields the type and information make relevant. It is
// hand-written: the requirements are conditional, and the check must not
// allocate on valid input.
func (in *VNInput) validate() error {
	var errs []*medsec.FieldError
	switch {
	case in.Type == VNTypeUnknown:
		errs = append(errs, required("Type", msgHintVNType))
	case !in.Type.Valid():
		errs = append(errs, invalid("Type", in.Type))
	}
	switch {
	case in.Information == 0:
		errs = append(errs, required("Information", msgHintVNInformation))
	case !in.Information.Valid():
		errs = append(errs, invalid("Information", in.Information))
	}
	if in.Information.Has(InfoStateSecret) {
		if !in.SecretGrade.Valid() {
			errs = append(errs, required("SecretGrade", msgHintVNSecretGrade))
		}
		if !in.SecretHarm.Valid() {
			errs = append(errs, required("SecretHarm", msgHintVNSecretHarm))
		}
	}
	if in.Users < 0 {
		errs = append(errs, &medsec.FieldError{Path: "Users", Rule: "min", Message: msgErrMin.New(0, in.Users)})
	}
	switch in.Type {
	case VNPublicFacing:
		if !in.PublicService.Valid() {
			errs = append(errs, required("PublicService", msgHintVNPublicService))
		}
		if !in.ConditionalBusiness.Valid() {
			errs = append(errs, required("ConditionalBusiness", msgHintVNConditional))
		}
		if in.Information&(InfoPrivate|InfoPersonal) != 0 && in.Users == 0 {
			errs = append(errs, required("Users", msgHintVNUsers))
		}
	case VNInfrastructure:
		if !in.Reach.Valid() {
			errs = append(errs, required("Reach", msgHintVNReach))
		} else if in.Reach == ReachNationwide && !in.NonStop.Valid() {
			errs = append(errs, required("NonStop", msgHintVNNonStop))
		}
	case VNIndustrialControl:
		if !in.WorksGrade.Valid() {
			errs = append(errs, required("WorksGrade", msgHintVNWorks))
		}
	}
	if in.NationalEGovernment && !in.NonStop.Valid() && !(in.Type == VNInfrastructure && in.Reach == ReachNationwide) {
		errs = append(errs, required("NonStop", msgHintVNNonStop))
	}
	if len(errs) == 0 {
		return nil
	}
	return inputError(SchemeVN, errs...)
}

// VNApprovalFor returns the appraisal and approval path of a level dossier
// on day (zero: the newest rules). From 2025-03-01 the information
// ministry's appraisal role for levels 4-5 is shown as the Ministry of
// Public Security's, with confidence Unverified (the transfer is verified,
// that every appraisal step moved is not).
func VNApprovalFor(level VNLevel, day medsec.Date) (VNApproval, error) {
	ds := &rules
	if !level.Valid() {
		return VNApproval{}, inputError(SchemeVN, invalid("Level", level))
	}
	if day.IsZero() {
		day = ds.newest
	}
	a := VNApproval{Level: level, Approval: Span{N: 7, Unit: medsec.WorkingDays}}
	cites := make([]medsec.Citation, 0, 4)
	conf := medsec.Verified
	switch level {
	case VN1, VN2:
		a.Appraiser, a.Approver = msgVNBodyUnit.New(), msgVNBodyUnit.New()
		cites = append(cites, medsec.Cite(nd85, "12", "1"))
	case VN3:
		a.Appraiser, a.Approver = msgVNBodyUnit.New(), msgVNBodyOwner.New()
		a.Appraisal = Span{N: 15, Unit: medsec.Days}
		cites = append(cites, medsec.Cite(nd85, "12", "2"), medsec.Cite(nd85, "16", "2", "a"))
	default:
		a.Appraiser = msgVNBodyMIC.New()
		if !day.Before(ds.vnMPS) {
			a.Appraiser = msgVNBodyMPS.New()
			conf = medsec.Unverified
			a.Basis.Note = msgVNApprovalMPS.New(ds.vnMPS)
		}
		a.Approver = msgVNBodyOwner.New()
		if level == VN5 {
			a.Approver = msgVNBodyPM.New()
		}
		a.Appraisal = Span{N: 30, Unit: medsec.Days}
		cites = append(cites, medsec.Cite(nd85, "12", "3"), medsec.Cite(nd85, "16", "2", "b"))
	}
	cites = append(cites, medsec.Cite(nd85, "17", "2"))
	a.Basis.Citations, a.Basis.Confidence = cites, conf
	return a, nil
}

// VNAssessmentFor returns the assessment cadence of Decree 85 art.
// 20(2)(c) for level.
func VNAssessmentFor(level VNLevel) (VNAssessment, error) {
	if !level.Valid() {
		return VNAssessment{}, inputError(SchemeVN, invalid("Level", level))
	}
	basis := func() Basis {
		return Basis{Citations: []medsec.Citation{medsec.Cite(nd85, "20", "2", "c")}, Confidence: medsec.Verified}
	}
	a := VNAssessment{Level: level, LicensedAssessor: level >= VN3,
		Organisation: Term{Span: Span{N: 24, Unit: medsec.Months}, Basis: basis()}}
	switch level {
	case VN3, VN4:
		a.System = Term{Span: Span{N: 12, Unit: medsec.Months}, Basis: basis()}
	case VN5:
		a.System = Term{Span: Span{N: 6, Unit: medsec.Months}, Basis: basis()}
	}
	return a, nil
}
