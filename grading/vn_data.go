package grading

import (
	"fmt"
	"slices"
	"sort"

	"github.com/medsec-go/medsec"
)

// The JSON form of the "vn" member of grading.json.
type (
	vnJSON struct {
		Note             string            `json:"note"`
		Instrument       string            `json:"instrument"`
		Criteria         []criterionJSON   `json:"criteria"`
		LevelsLaw        []lawJSON         `json:"levelsLaw"`
		Bodies           []bodyJSON        `json:"bodies"`
		Approval         []approvalJSON    `json:"approval"`
		ApprovalTime     *termJSON         `json:"approvalTime"`
		AuthorityChanges []authorityJSON   `json:"authorityChanges"`
		Assessment       *vnAssessmentJSON `json:"assessment"`
	}
	criterionJSON struct {
		Level      int                    `json:"level"`
		Citation   medsec.Citation        `json:"citation"`
		When       []vnCondition          `json:"when"`
		Says       medsec.MessageTemplate `json:"says"`
		Arg        string                 `json:"arg"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Inference  medsec.MessageTemplate `json:"inference"`
	}
	lawJSON struct {
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	bodyJSON struct {
		ID   string                 `json:"id"`
		Name medsec.MessageTemplate `json:"name"`
	}
	approvalJSON struct {
		Levels     []int             `json:"levels"`
		Appraiser  string            `json:"appraiser"`
		Approver   string            `json:"approver"`
		Appraisal  Span              `json:"appraisal"`
		Citations  []medsec.Citation `json:"citations"`
		Confidence medsec.Confidence `json:"confidence"`
		Note       string            `json:"note"`
	}
	authorityJSON struct {
		Date       string                 `json:"date"`
		From       string                 `json:"from"`
		To         string                 `json:"to"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	vnAssessmentJSON struct {
		Citations                 []medsec.Citation      `json:"citations"`
		Confidence                medsec.Confidence      `json:"confidence"`
		Note                      string                 `json:"note"`
		Organisation              Span                   `json:"organisation"`
		Systems                   []systemCadenceJSON    `json:"systems"`
		LicensedAssessorFromLevel int                    `json:"licensedAssessorFromLevel"`
		Every                     medsec.MessageTemplate `json:"every"`
		None                      medsec.MessageTemplate `json:"none"`
	}
	systemCadenceJSON struct {
		Levels []int `json:"levels"`
		Every  Span  `json:"every"`
	}
)

// A vnCondition is one set of conditions on a [VNInput] under which a
// criterion is met; every condition stated must hold. It is decoded from
// the data as it is.
type vnCondition struct {
	// Type: the system type is one of these.
	Type []VNSystemType `json:"type"`
	// InformationIs: the information classes are exactly these.
	InformationIs VNInfo `json:"informationIs"`
	// InformationAny: at least one of these classes is processed.
	InformationAny VNInfo `json:"informationAny"`
	// InformationNone: none of these classes is processed.
	InformationNone VNInfo `json:"informationNone"`
	// SecretHarm: the harm to defence and national security is one of these.
	SecretHarm []VNHarm `json:"secretHarm"`
	// PublicService: the online public-service level is one of these.
	PublicService []VNPublicService `json:"publicService"`
	// ConditionalBusiness and NonStop: the answer is this one.
	ConditionalBusiness Answer `json:"conditionalBusiness"`
	NonStop             Answer `json:"nonStop"`
	// UsersBelow and UsersAtLeast bound the number of users (0: no bound).
	UsersBelow   int `json:"usersBelow"`
	UsersAtLeast int `json:"usersAtLeast"`
	// Reach: the infrastructure's reach is one of these.
	Reach []VNReach `json:"reach"`
	// WorksGrade: the grade of the works is one of these.
	WorksGrade []VNWorksGrade `json:"worksGrade"`
	// The flags, when stated, have this value.
	WorksNationalSecurity *bool `json:"worksNationalSecurity"`
	NationalEGovernment   *bool `json:"nationalEGovernment"`
	NationalDataStore     *bool `json:"nationalDataStore"`
	PMDesignated          *bool `json:"pmDesignated"`
}

// holds reports whether in meets every condition of c.
func (c *vnCondition) holds(in *VNInput) bool {
	return (len(c.Type) == 0 || slices.Contains(c.Type, in.Type)) &&
		(c.InformationIs == 0 || in.Information == c.InformationIs) &&
		(c.InformationAny == 0 || in.Information&c.InformationAny != 0) &&
		(c.InformationNone == 0 || in.Information&c.InformationNone == 0) &&
		(len(c.SecretHarm) == 0 || slices.Contains(c.SecretHarm, in.SecretHarm)) &&
		(len(c.PublicService) == 0 || slices.Contains(c.PublicService, in.PublicService)) &&
		(c.ConditionalBusiness == AnswerUnknown || in.ConditionalBusiness == c.ConditionalBusiness) &&
		(c.NonStop == AnswerUnknown || in.NonStop == c.NonStop) &&
		(c.UsersBelow == 0 || in.Users < c.UsersBelow) &&
		(c.UsersAtLeast == 0 || in.Users >= c.UsersAtLeast) &&
		(len(c.Reach) == 0 || slices.Contains(c.Reach, in.Reach)) &&
		(len(c.WorksGrade) == 0 || slices.Contains(c.WorksGrade, in.WorksGrade)) &&
		flagIs(c.WorksNationalSecurity, in.WorksNationalSecurity) &&
		flagIs(c.NationalEGovernment, in.NationalEGovernment) &&
		flagIs(c.NationalDataStore, in.NationalDataStore) &&
		flagIs(c.PMDesignated, in.PMDesignated)
}

func flagIs(want *bool, got bool) bool { return want == nil || *want == got }

// isZero reports whether c states no condition.
func (c *vnCondition) isZero() bool {
	return len(c.Type) == 0 && c.InformationIs == 0 && c.InformationAny == 0 && c.InformationNone == 0 &&
		len(c.SecretHarm) == 0 && len(c.PublicService) == 0 && c.ConditionalBusiness == 0 && c.NonStop == 0 &&
		c.UsersBelow == 0 && c.UsersAtLeast == 0 && len(c.Reach) == 0 && len(c.WorksGrade) == 0 &&
		c.WorksNationalSecurity == nil && c.NationalEGovernment == nil && c.NationalDataStore == nil && c.PMDesignated == nil
}

// The arguments a criterion's text may take, by the name the data uses.
const (
	argPublicServiceLevel = "publicServiceLevel" // the online public-service level, 1 to 4
	argUsers              = "users"              // the number of users
	argSecretGrade        = "secretGrade"        // the state-secret grade's name
	argWorksGrade         = "worksGrade"         // the works grade's name
)

// vnFacts are the checked Vietnamese facts of a registry.
type vnFacts struct {
	period       medsec.Period // of the criteria's instrument
	criteria     []vnCriterion
	laws         []vnLaw
	approval     [6]*vnApprovalStep // by level
	approvalTime termFacts
	changes      []vnChange // by date
	assessment   vnAssessmentFacts
}

type vnCriterion struct {
	level     VNLevel
	cite      medsec.Citation
	when      []vnCondition
	says      medsec.MessageTemplate
	arg       string
	conf      medsec.Confidence
	inference medsec.MessageTemplate
}

// met reports whether in meets one of the criterion's sets of conditions.
func (c *vnCriterion) met(in *VNInput) bool {
	for i := range c.when {
		if c.when[i].holds(in) {
			return true
		}
	}
	return false
}

// message describes how in meets the criterion.
func (c *vnCriterion) message(in *VNInput) medsec.Message {
	switch c.arg {
	case argPublicServiceLevel:
		return c.says.New(int(in.PublicService) - 1)
	case argUsers:
		return c.says.New(in.Users)
	case argSecretGrade:
		return c.says.New(in.SecretGrade.Message())
	case argWorksGrade:
		return c.says.New(in.WorksGrade.Message())
	}
	return c.says.New()
}

// A vnLaw is the law that sets the levels, while it is in force.
type vnLaw struct {
	rule
	period medsec.Period
}

type vnApprovalStep struct {
	appraiser, approver medsec.MessageTemplate
	appraiserID         string
	approverID          string
	appraisal           Span
	cites               []medsec.Citation
	conf                medsec.Confidence
}

// A vnChange is a change of authority: from the day, body to takes the
// place of body from.
type vnChange struct {
	day      medsec.Date
	from, to string
	toName   medsec.MessageTemplate
	conf     medsec.Confidence
	reason   medsec.MessageTemplate
}

type vnAssessmentFacts struct {
	cites        []medsec.Citation
	conf         medsec.Confidence
	organisation Span
	system       [6]Span // by level; zero: no cadence
	licensedFrom VNLevel
	every, none  medsec.MessageTemplate
}

func (l *loader) vn(at string, j *vnJSON) *vnFacts {
	f := &vnFacts{period: l.instrument(at+"/instrument", j.Instrument)}
	if len(j.Criteria) == 0 {
		l.bad(at+"/criteria", "required", "", msgDataRequired.New())
	}
	for i, x := range j.Criteria {
		p := fmt.Sprintf("%s/criteria/%d", at, i)
		l.level(p+"/level", x.Level)
		l.citation(p+"/citation", x.Citation)
		l.confidence(p, x.Confidence, x.Note)
		if len(x.When) == 0 {
			l.bad(p+"/when", "required", "", msgDataRequired.New())
		}
		for k := range x.When {
			if x.When[k].isZero() {
				l.bad(fmt.Sprintf("%s/when/%d", p, k), "required", "", msgDataRequired.New())
			}
		}
		args := 0
		if x.Arg != "" && l.oneOf(p+"/arg", x.Arg, argPublicServiceLevel, argUsers, argSecretGrade, argWorksGrade) {
			args = 1
		}
		l.text(p+"/says", x.Says, args)
		if x.Inference != (medsec.MessageTemplate{}) {
			l.text(p+"/inference", x.Inference, 0)
		}
		f.criteria = append(f.criteria, vnCriterion{level: VNLevel(x.Level), cite: x.Citation, when: x.When,
			says: x.Says, arg: x.Arg, conf: x.Confidence, inference: x.Inference})
	}
	for i, x := range j.LevelsLaw {
		p := fmt.Sprintf("%s/levelsLaw/%d", at, i)
		l.fact(p, x.Citations, x.Confidence, x.Note)
		if x.Reason != (medsec.MessageTemplate{}) {
			l.text(p+"/reason", x.Reason, 1)
		}
		f.laws = append(f.laws, vnLaw{rule: rule{cites: x.Citations, conf: x.Confidence, reason: x.Reason}, period: l.periodOf(p, x.Citations)})
	}
	bodies := map[string]medsec.MessageTemplate{}
	for i, b := range j.Bodies {
		p := fmt.Sprintf("%s/bodies/%d", at, i)
		if b.ID == "" {
			l.bad(p+"/id", "required", "", msgDataRequired.New())
		} else if _, dup := bodies[b.ID]; dup {
			l.bad(p+"/id", "unique", b.ID, msgDataTwice.New(b.ID, l.file))
		}
		l.text(p+"/name", b.Name, 0)
		bodies[b.ID] = b.Name
	}
	body := func(p, id string) medsec.MessageTemplate {
		t, ok := bodies[id]
		if !ok {
			ids := make([]string, 0, len(bodies))
			for k := range bodies {
				ids = append(ids, k)
			}
			slices.Sort(ids)
			l.oneOf(p, id, ids...)
		}
		return t
	}
	for i, x := range j.Approval {
		p := fmt.Sprintf("%s/approval/%d", at, i)
		st := &vnApprovalStep{appraiserID: x.Appraiser, approverID: x.Approver,
			appraiser: body(p+"/appraiser", x.Appraiser), approver: body(p+"/approver", x.Approver),
			appraisal: x.Appraisal, cites: x.Citations, conf: x.Confidence}
		l.fact(p, x.Citations, x.Confidence, x.Note)
		if !x.Appraisal.IsZero() && !x.Appraisal.Valid() {
			l.bad(p+"/appraisal", "span", x.Appraisal.String(), msgDataRequired.New())
		}
		if len(x.Levels) == 0 {
			l.bad(p+"/levels", "required", "", msgDataRequired.New())
		}
		for k, lv := range x.Levels {
			q := fmt.Sprintf("%s/levels/%d", p, k)
			if !l.level(q, lv) {
				continue
			}
			if f.approval[lv] != nil {
				l.bad(q, "unique", fmt.Sprint(lv), msgDataTwice.New(fmt.Sprint(lv), l.file))
			}
			f.approval[lv] = st
		}
	}
	for lv := VN1; lv <= VN5; lv++ {
		if f.approval[lv] == nil {
			l.bad(at+"/approval", "levels", lv.String(), msgDataLevels.New(int(lv)))
		}
	}
	if t := j.ApprovalTime; t == nil || !t.Span.Valid() {
		l.bad(at+"/approvalTime", "required", "", msgDataRequired.New())
	} else {
		l.fact(at+"/approvalTime", t.Citations, t.Confidence, t.Note)
		f.approvalTime = termFacts{span: t.Span, cites: t.Citations, conf: t.Confidence}
	}
	for i, x := range j.AuthorityChanges {
		p := fmt.Sprintf("%s/authorityChanges/%d", at, i)
		c := vnChange{from: x.From, to: x.To, conf: x.Confidence, reason: x.Reason}
		if d, ok := l.reg.Date(x.Date); ok {
			c.day = d.Date
		} else {
			l.bad(p+"/date", "date", x.Date, msgDataDate.New(x.Date))
		}
		body(p+"/from", x.From)
		c.toName = body(p+"/to", x.To)
		l.confidence(p, x.Confidence, x.Note)
		l.text(p+"/reason", x.Reason, 1)
		f.changes = append(f.changes, c)
	}
	// sort.Slice, not slices.SortFunc: the generic sort would be compiled
	// anew for this struct type, some 25 KB per type (see footprint_test.go).
	sort.SliceStable(f.changes, func(i, j int) bool { return f.changes[i].day.Before(f.changes[j].day) })
	if a := j.Assessment; a == nil {
		l.bad(at+"/assessment", "required", "", msgDataRequired.New())
	} else {
		p := at + "/assessment"
		l.fact(p, a.Citations, a.Confidence, a.Note)
		if !a.Organisation.Valid() {
			l.bad(p+"/organisation", "required", "", msgDataRequired.New())
		}
		f.assessment = vnAssessmentFacts{cites: a.Citations, conf: a.Confidence, organisation: a.Organisation,
			licensedFrom: VNLevel(a.LicensedAssessorFromLevel), every: a.Every, none: a.None}
		l.level(p+"/licensedAssessorFromLevel", a.LicensedAssessorFromLevel)
		l.text(p+"/every", a.Every, 1)
		l.text(p+"/none", a.None, 0)
		for i, s := range a.Systems {
			q := fmt.Sprintf("%s/systems/%d", p, i)
			if !s.Every.Valid() {
				l.bad(q+"/every", "required", "", msgDataRequired.New())
			}
			for k, lv := range s.Levels {
				r := fmt.Sprintf("%s/levels/%d", q, k)
				if !l.level(r, lv) {
					continue
				}
				if !f.assessment.system[lv].IsZero() {
					l.bad(r, "unique", fmt.Sprint(lv), msgDataTwice.New(fmt.Sprint(lv), l.file))
				}
				f.assessment.system[lv] = s.Every
			}
		}
	}
	return f
}
