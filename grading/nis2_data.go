package grading

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// The JSON form of the "enterpriseSize" and "nis2" members of grading.json.
type (
	sizeJSON struct {
		Note               string                 `json:"note"`
		Citations          []medsec.Citation      `json:"citations"`
		Confidence         medsec.Confidence      `json:"confidence"`
		Classes            []sizeClassJSON        `json:"classes"`
		Otherwise          SizeClass              `json:"otherwise"`
		LinkedEnterprises  *groupJSON             `json:"linkedEnterprises"`
		PartnerEnterprises *groupJSON             `json:"partnerEnterprises"`
		GroupReason        medsec.MessageTemplate `json:"groupReason"`
	}
	sizeClassJSON struct {
		Size                  SizeClass `json:"size"`
		StaffBelow            float64   `json:"staffBelow"`
		TurnoverAtMostEur     int64     `json:"turnoverAtMostEur"`
		BalanceSheetAtMostEur int64     `json:"balanceSheetAtMostEur"`
		Money                 string    `json:"money"`
		Note                  string    `json:"note"`
	}
	groupJSON struct {
		Citations        []medsec.Citation `json:"citations"`
		Confidence       medsec.Confidence `json:"confidence"`
		Note             string            `json:"note"`
		ShareFromPercent float64           `json:"shareFromPercent"`
		ShareToPercent   float64           `json:"shareToPercent"`
	}
	nis2JSON struct {
		Note         string                 `json:"note"`
		Instrument   string                 `json:"instrument"`
		Application  string                 `json:"application"`
		Transposing  medsec.MessageTemplate `json:"transposing"`
		EntityTypes  []entityTypeJSON       `json:"entityTypes"`
		NotListed    *ruleJSON              `json:"notListed"`
		SizeFloor    *sizeFloorJSON         `json:"sizeFloor"`
		Essential    *essentialJSON         `json:"essential"`
		Important    *ruleJSON              `json:"important"`
		Designations []designationJSON      `json:"designations"`
	}
	entityTypeJSON struct {
		Type       EntityType             `json:"type"`
		Citation   medsec.Citation        `json:"citation"`
		Point      string                 `json:"point"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	sizeFloorJSON struct {
		InScope    []SizeClass            `json:"inScope"`
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	essentialJSON struct {
		ListedIn   []medsec.Citation      `json:"listedIn"`
		Sizes      []SizeClass            `json:"sizes"`
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	designationJSON struct {
		When       string                 `json:"when"`
		Makes      string                 `json:"makes"`
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
)

// sizeFacts are the size classes of Recommendation 2003/361 and how
// partner and linked enterprises count.
type sizeFacts struct {
	cites     []medsec.Citation
	conf      medsec.Confidence
	classes   []sizeClass
	otherwise SizeClass
	linked    groupFacts
	partners  groupFacts
	reason    medsec.MessageTemplate // the group figures, with the counts of linked and partner enterprises
}

type sizeClass struct {
	size         SizeClass
	staffBelow   float64
	turnover     int64
	balanceSheet int64
	both         bool // both money ceilings must be met, not either
}

type groupFacts struct {
	cites              []medsec.Citation
	conf               medsec.Confidence
	shareFrom, shareTo float64
}

// classify returns the size class of aggregated figures: the first class
// whose staff ceiling and money test the figures meet, else the
// otherwise class.
func (f *sizeFacts) classify(x Figures) SizeClass {
	for _, c := range f.classes {
		turnover, balance := x.TurnoverEUR <= c.turnover, x.BalanceSheetEUR <= c.balanceSheet
		money := turnover || balance
		if c.both {
			money = turnover && balance
		}
		if x.Headcount < c.staffBelow && money {
			return c.size
		}
	}
	return f.otherwise
}

// nis2Facts are the checked NIS2 facts of a registry.
type nis2Facts struct {
	period       medsec.Period // of the directive
	application  medsec.Date   // from when entities are bound
	transposing  medsec.MessageTemplate
	types        [8]*nis2Type // by EntityType; nil: not listed
	notListed    rule
	inScope      []SizeClass
	sizeFloor    rule
	essential    rule
	essentialIn  []medsec.Citation
	essentialBy  []SizeClass
	important    rule
	designations []nis2Designation
}

type nis2Type struct {
	cite        medsec.Citation
	point       string
	essentialIn bool // cite is one of the annexes whose large entities are essential
	conf        medsec.Confidence
	reason      medsec.MessageTemplate
}

type nis2Designation struct {
	when  nis2Flag
	makes EntityClass // Essential, or Important for "in scope"
	rule
}

// A nis2Flag names a flag of NIS2Input that selects a designation.
type nis2Flag uint8

const (
	flagCriticalEntity nis2Flag = iota + 1
	flagMemberStateEssential
	flagSoleProvider
)

// nis2FlagNames are the flags' names in the data: the JSON names of the
// NIS2Input fields.
var nis2FlagNames = enumText{"", "criticalEntity", "memberStateEssential", "soleProvider"}

// has reports whether in sets flag f.
func (in *NIS2Input) has(f nis2Flag) bool {
	switch f {
	case flagCriticalEntity:
		return in.CriticalEntity
	case flagMemberStateEssential:
		return in.MemberStateEssential
	case flagSoleProvider:
		return in.SoleProvider
	}
	return false
}

func (l *loader) size(at string, j *sizeJSON) *sizeFacts {
	f := &sizeFacts{cites: j.Citations, conf: j.Confidence, otherwise: j.Otherwise, reason: j.GroupReason}
	l.fact(at, j.Citations, j.Confidence, j.Note)
	if len(j.Classes) == 0 {
		l.bad(at+"/classes", "required", "", msgDataRequired.New())
	}
	for i, c := range j.Classes {
		p := fmt.Sprintf("%s/classes/%d", at, i)
		if !c.Size.Valid() {
			l.bad(p+"/size", "required", "", msgDataRequired.New())
		}
		if !(c.StaffBelow > 0) {
			l.bad(p+"/staffBelow", "range", fmt.Sprint(c.StaffBelow), msgDataPositive.New())
		}
		if c.TurnoverAtMostEur <= 0 {
			l.bad(p+"/turnoverAtMostEur", "range", fmt.Sprint(c.TurnoverAtMostEur), msgDataPositive.New())
		}
		if c.BalanceSheetAtMostEur <= 0 {
			l.bad(p+"/balanceSheetAtMostEur", "range", fmt.Sprint(c.BalanceSheetAtMostEur), msgDataPositive.New())
		}
		l.oneOf(p+"/money", c.Money, "either", "both")
		f.classes = append(f.classes, sizeClass{size: c.Size, staffBelow: c.StaffBelow, turnover: c.TurnoverAtMostEur,
			balanceSheet: c.BalanceSheetAtMostEur, both: c.Money == "both"})
	}
	if !j.Otherwise.Valid() {
		l.bad(at+"/otherwise", "required", "", msgDataRequired.New())
	}
	f.linked = l.group(at+"/linkedEnterprises", j.LinkedEnterprises, false)
	f.partners = l.group(at+"/partnerEnterprises", j.PartnerEnterprises, true)
	l.text(at+"/groupReason", j.GroupReason, 2)
	return f
}

func (l *loader) group(at string, j *groupJSON, shares bool) groupFacts {
	if j == nil {
		l.bad(at, "required", "", msgDataRequired.New())
		return groupFacts{}
	}
	l.fact(at, j.Citations, j.Confidence, j.Note)
	g := groupFacts{cites: j.Citations, conf: j.Confidence, shareFrom: j.ShareFromPercent, shareTo: j.ShareToPercent}
	switch {
	case shares && !(j.ShareFromPercent > 0 && j.ShareFromPercent <= j.ShareToPercent && j.ShareToPercent <= 100):
		l.bad(at+"/shareToPercent", "range", fmt.Sprint(j.ShareToPercent), msgDataShares.New())
	case !shares && (j.ShareFromPercent != 0 || j.ShareToPercent != 0):
		l.bad(at+"/shareFromPercent", "unused", fmt.Sprint(j.ShareFromPercent), msgDataShares.New())
	}
	return g
}

func (l *loader) nis2(at string, j *nis2JSON) *nis2Facts {
	f := &nis2Facts{period: l.instrument(at+"/instrument", j.Instrument), transposing: j.Transposing}
	if d, ok := l.reg.Date(j.Application); ok {
		f.application = d.Date
	} else {
		l.bad(at+"/application", "date", j.Application, msgDataDate.New(j.Application))
	}
	l.text(at+"/transposing", j.Transposing, 2)
	for i, t := range j.EntityTypes {
		p := fmt.Sprintf("%s/entityTypes/%d", at, i)
		switch {
		case !t.Type.Valid() || t.Type == OtherEntityType:
			listable := entityTypeText[HealthcareProvider:OtherEntityType]
			l.bad(p+"/type", "one-of", t.Type.String(), msgDataOneOf.New(t.Type.String(), strings.Join(listable, ", ")))
			continue
		case f.types[t.Type] != nil:
			l.bad(p+"/type", "unique", t.Type.String(), msgDataTwice.New(t.Type.String(), l.file))
		}
		l.citation(p+"/citation", t.Citation)
		l.confidence(p, t.Confidence, t.Note)
		l.text(p+"/reason", t.Reason, 1)
		f.types[t.Type] = &nis2Type{cite: t.Citation, point: t.Point, conf: t.Confidence, reason: t.Reason}
	}
	f.notListed = l.rule(at+"/notListed", j.NotListed, 1)
	if s := j.SizeFloor; s == nil {
		l.bad(at+"/sizeFloor", "required", "", msgDataRequired.New())
	} else {
		f.inScope = s.InScope
		f.sizeFloor = l.rule(at+"/sizeFloor", &ruleJSON{Citations: s.Citations, Confidence: s.Confidence, Note: s.Note, Reason: s.Reason}, 0)
		l.sizes(at+"/sizeFloor/inScope", s.InScope)
	}
	if e := j.Essential; e == nil {
		l.bad(at+"/essential", "required", "", msgDataRequired.New())
	} else {
		f.essentialIn, f.essentialBy = e.ListedIn, e.Sizes
		f.essential = l.rule(at+"/essential", &ruleJSON{Citations: e.Citations, Confidence: e.Confidence, Note: e.Note, Reason: e.Reason}, 0)
		l.sizes(at+"/essential/sizes", e.Sizes)
		if len(e.ListedIn) == 0 {
			l.bad(at+"/essential/listedIn", "required", "", msgDataRequired.New())
		}
		l.citations(at+"/essential/listedIn", e.ListedIn)
	}
	for _, t := range f.types {
		if t != nil {
			t.essentialIn = slices.Contains(f.essentialIn, t.cite)
		}
	}
	f.important = l.rule(at+"/important", j.Important, 0)
	for i, d := range j.Designations {
		p := fmt.Sprintf("%s/designations/%d", at, i)
		x := nis2Designation{rule: l.rule(p, &ruleJSON{Citations: d.Citations, Confidence: d.Confidence, Note: d.Note, Reason: d.Reason}, 0)}
		if l.oneOf(p+"/when", d.When, nis2FlagNames[1:]...) {
			x.when = nis2Flag(slices.Index(nis2FlagNames, d.When))
		}
		if l.oneOf(p+"/makes", d.Makes, "essential", "in-scope") {
			x.makes = Important
			if d.Makes == "essential" {
				x.makes = Essential
			}
		}
		f.designations = append(f.designations, x)
	}
	return f
}

// sizes checks a list of size classes.
func (l *loader) sizes(at string, s []SizeClass) {
	if len(s) == 0 {
		l.bad(at, "required", "", msgDataRequired.New())
	}
	for i, c := range s {
		if slices.Contains(s[:i], c) {
			l.bad(fmt.Sprintf("%s/%d", at, i), "unique", c.String(), msgDataTwice.New(c.String(), l.file))
		}
	}
}
