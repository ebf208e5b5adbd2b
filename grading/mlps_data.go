package grading

import (
	"fmt"
	"slices"
	"sort"

	"github.com/medsec-go/medsec"
)

// The JSON form of the "mlps" member of grading.json.
type (
	mlpsJSON struct {
		Note             string        `json:"note"`
		HigherOfAspects  *ruleJSON     `json:"higherOfAspects"`
		Editions         []editionJSON `json:"editions"`
		SectorFloors     *floorsJSON   `json:"sectorFloors"`
		InternetHospital *ruleJSON     `json:"internetHospital"`
		Triggers         *triggersJSON `json:"triggers"`
	}
	editionJSON struct {
		Edition    MLPSEdition       `json:"edition"`
		Instrument string            `json:"instrument"`
		Citations  []medsec.Citation `json:"citations"`
		Note       string            `json:"note"`
		Matrix     *matrixJSON       `json:"matrix"`
	}
	matrixJSON struct {
		Citizens *harmRowJSON `json:"citizens"`
		Society  *harmRowJSON `json:"society"`
		Nation   *harmRowJSON `json:"nation"`
	}
	harmRowJSON struct {
		General             *cellJSON `json:"general"`
		Serious             *cellJSON `json:"serious"`
		ParticularlySerious *cellJSON `json:"particularly-serious"`
	}
	cellJSON struct {
		Level      int               `json:"level"`
		Confidence medsec.Confidence `json:"confidence"`
		Note       string            `json:"note"`
		Disputed   *disputeJSON      `json:"disputed"`
	}
	disputeJSON struct {
		Reason    medsec.MessageTemplate `json:"reason"`
		Draft2018 *draftJSON             `json:"draft2018"`
	}
	draftJSON struct {
		Level      int                    `json:"level"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		Reason     medsec.MessageTemplate `json:"reason"`
	}
	floorsJSON struct {
		Raised        medsec.MessageTemplate `json:"raised"`
		Met           medsec.MessageTemplate `json:"met"`
		NotYetInForce medsec.MessageTemplate `json:"notYetInForce"`
		Floors        []floorJSON            `json:"floors"`
	}
	floorJSON struct {
		When       string                 `json:"when"`
		Level      int                    `json:"level"`
		Subject    medsec.MessageTemplate `json:"subject"`
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
	}
	triggersJSON struct {
		Document        *dutyJSON `json:"document"`
		ExpertReview    *dutyJSON `json:"expertReview"`
		Approval        *dutyJSON `json:"approval"`
		CommitteeReview *dutyJSON `json:"committeeReview"`
		Filing          *dutyJSON `json:"filing"`
		Testing         *dutyJSON `json:"testing"`
	}
	dutyJSON struct {
		FromLevel int                    `json:"fromLevel"`
		What      medsec.MessageTemplate `json:"what"`
		Basis     []basisJSON            `json:"basis"`
		Terms     []termJSON             `json:"terms"`
		ByLevel   []dutyLevelJSON        `json:"byLevel"`
	}
	dutyLevelJSON struct {
		Level int         `json:"level"`
		Basis []basisJSON `json:"basis"`
		Terms []termJSON  `json:"terms"`
	}
	basisJSON struct {
		Citations    []medsec.Citation      `json:"citations"`
		Confidence   medsec.Confidence      `json:"confidence"`
		Note         string                 `json:"note"`
		WhileInForce bool                   `json:"whileInForce"`
		ResultNote   medsec.MessageTemplate `json:"resultNote"`
	}
	termJSON struct {
		Span       medsec.Span            `json:"span"`
		Citations  []medsec.Citation      `json:"citations"`
		Confidence medsec.Confidence      `json:"confidence"`
		Note       string                 `json:"note"`
		ResultNote medsec.MessageTemplate `json:"resultNote"`
	}
)

// mlpsFacts are the checked MLPS facts of a registry.
type mlpsFacts struct {
	higherOf rule
	editions []mlpsEdition // by in-force period, none overlapping
	floors   []mlpsFloor
	raised   medsec.MessageTemplate
	met      medsec.MessageTemplate
	notYet   medsec.MessageTemplate
	internet rule         // zero when the data has no internet-hospital note
	triggers [6]dutyFacts // by trigger: document, expertReview, approval, committee, filing, testing
}

// An mlpsEdition is one edition of the grading guide.
type mlpsEdition struct {
	edition    MLPSEdition
	instrument string
	period     medsec.Period
	cites      []medsec.Citation
	cells      [3][5]mlpsCell // by object (citizens, society, nation) and Harm; NoHarm is level 0
	// aspects holds the aspect of every profile of valid harms (by
	// HarmProfile.index), under the standard reading and under the 2018
	// draft reading of a disputed cell, so that grading is two lookups. It
	// is filled from cells at construction.
	aspects [2][125]aspect
}

// An mlpsCell is one cell of the matrix.
type mlpsCell struct {
	level    MLPSLevel
	conf     medsec.Confidence
	disputed *mlpsDispute
}

// An mlpsDispute is a disputed cell's reason and its opt-in draft reading.
type mlpsDispute struct {
	reason medsec.MessageTemplate
	draft  *mlpsDraft
}

type mlpsDraft struct {
	level  MLPSLevel
	conf   medsec.Confidence
	reason medsec.MessageTemplate
}

// An mlpsFloor is a sector floor: the least level of a kind of system.
type mlpsFloor struct {
	when    mlpsFlag
	level   MLPSLevel
	subject medsec.MessageTemplate
	cites   []medsec.Citation
	conf    medsec.Confidence
	period  medsec.Period // of the first citation's instrument
}

// dutyFacts are what a level triggers for one duty.
type dutyFacts struct {
	from    MLPSLevel
	what    medsec.MessageTemplate
	basis   []basisPart
	terms   []termFacts
	byLevel [6]*dutyLevelFacts
}

type dutyLevelFacts struct {
	basis []basisPart
	terms []termFacts
}

// A basisPart is one entry of a duty's basis; with whileInForce it is
// cited only on days within period.
type basisPart struct {
	cites        []medsec.Citation
	conf         medsec.Confidence
	note         medsec.MessageTemplate
	whileInForce bool
	period       medsec.Period
}

type termFacts struct {
	span  Span
	cites []medsec.Citation
	conf  medsec.Confidence
	note  medsec.MessageTemplate
}

// An mlpsFlag names a flag of MLPSInput that selects a sector floor.
type mlpsFlag uint8

const (
	flagUnknown mlpsFlag = iota
	flagTertiaryHospitalCore
	flagHealthPlatform
)

// mlpsFlagNames are the flags' names in the data: the JSON names of the
// MLPSInput fields.
var mlpsFlagNames = enumText{"", "tertiaryHospitalCore", "healthPlatform"}

// has reports whether in sets flag f.
func (in *MLPSInput) has(f mlpsFlag) bool {
	switch f {
	case flagTertiaryHospitalCore:
		return in.TertiaryHospitalCore
	case flagHealthPlatform:
		return in.HealthPlatform
	}
	return false
}

func (l *loader) mlps(at string, j *mlpsJSON) *mlpsFacts {
	f := &mlpsFacts{higherOf: l.rule(at+"/higherOfAspects", j.HigherOfAspects, 1)}
	if len(j.Editions) == 0 {
		l.bad(at+"/editions", "required", "", msgDataRequired.New())
	}
	for i := range j.Editions {
		f.editions = append(f.editions, l.edition(fmt.Sprintf("%s/editions/%d", at, i), &j.Editions[i]))
	}
	// sort.Slice, not slices.SortFunc: the generic sort would be compiled
	// anew for this struct type, some 25 KB per type (see footprint_test.go).
	sort.Slice(f.editions, func(i, j int) bool { return f.editions[i].period.From.Before(f.editions[j].period.From) })
	for i := 1; i < len(f.editions); i++ {
		a, b := &f.editions[i-1], &f.editions[i]
		if a.edition == b.edition {
			l.bad(at+"/editions", "unique", a.edition.String(), msgDataTwice.New(a.edition.String(), l.file))
		} else if a.period.Until.IsZero() || !a.period.Until.Before(b.period.From) {
			l.bad(at+"/editions", "overlap", b.edition.String(), msgDataOverlap.New(a.edition.String(), b.edition.String()))
		}
	}
	if fl := j.SectorFloors; fl != nil {
		l.text(at+"/sectorFloors/raised", fl.Raised, 3)
		l.text(at+"/sectorFloors/met", fl.Met, 3)
		l.text(at+"/sectorFloors/notYetInForce", fl.NotYetInForce, 2)
		f.raised, f.met, f.notYet = fl.Raised, fl.Met, fl.NotYetInForce
		for i, x := range fl.Floors {
			p := fmt.Sprintf("%s/sectorFloors/floors/%d", at, i)
			fr := mlpsFloor{level: MLPSLevel(x.Level), subject: x.Subject, cites: x.Citations, conf: x.Confidence}
			if l.oneOf(p+"/when", x.When, mlpsFlagNames[1:]...) {
				fr.when = mlpsFlag(slices.Index(mlpsFlagNames, x.When))
			}
			l.level(p+"/level", x.Level)
			l.text(p+"/subject", x.Subject, 0)
			l.fact(p, x.Citations, x.Confidence, x.Note)
			fr.period = l.periodOf(p, x.Citations)
			f.floors = append(f.floors, fr)
		}
	}
	if j.InternetHospital != nil {
		f.internet = l.rule(at+"/internetHospital", j.InternetHospital, 0)
	}
	if j.Triggers == nil {
		l.bad(at+"/triggers", "required", "", msgDataRequired.New())
		return f
	}
	t := j.Triggers
	for i, d := range []struct {
		name string
		j    *dutyJSON
	}{{"document", t.Document}, {"expertReview", t.ExpertReview}, {"approval", t.Approval},
		{"committeeReview", t.CommitteeReview}, {"filing", t.Filing}, {"testing", t.Testing}} {
		f.triggers[i] = l.duty(at+"/triggers/"+d.name, d.j)
	}
	return f
}

func (l *loader) edition(at string, j *editionJSON) mlpsEdition {
	e := mlpsEdition{edition: j.Edition, instrument: j.Instrument, cites: j.Citations}
	if !j.Edition.Valid() {
		l.bad(at+"/edition", "required", "", msgDataRequired.New())
	}
	e.period = l.instrument(at+"/instrument", j.Instrument)
	l.citations(at+"/citations", j.Citations)
	if len(j.Citations) == 0 {
		l.bad(at+"/citations", "required", "", msgDataBasis.New())
	}
	if j.Matrix == nil {
		l.bad(at+"/matrix", "required", "", msgDataRequired.New())
		return e
	}
	rows := [3]struct {
		name string
		row  *harmRowJSON
	}{{"citizens", j.Matrix.Citizens}, {"society", j.Matrix.Society}, {"nation", j.Matrix.Nation}}
	for o, r := range rows {
		p := at + "/matrix/" + r.name
		if r.row == nil {
			l.bad(p, "required", "", msgDataRequired.New())
			continue
		}
		cells := [3]struct {
			name string
			harm Harm
			cell *cellJSON
		}{{"general", GeneralHarm, r.row.General}, {"serious", SeriousHarm, r.row.Serious},
			{"particularly-serious", ParticularlySeriousHarm, r.row.ParticularlySerious}}
		for _, c := range cells {
			e.cells[o][c.harm] = l.cell(p+"/"+c.name, c.cell)
		}
	}
	e.fillAspects()
	return e
}

// fillAspects fills the aspect table from the cells.
func (e *mlpsEdition) fillAspects() {
	for _, h := range [...]Harm{NoHarm, GeneralHarm, SeriousHarm, ParticularlySeriousHarm} {
		for _, s := range [...]Harm{NoHarm, GeneralHarm, SeriousHarm, ParticularlySeriousHarm} {
			for _, n := range [...]Harm{NoHarm, GeneralHarm, SeriousHarm, ParticularlySeriousHarm} {
				p := HarmProfile{Citizens: h, Society: s, Nation: n}
				e.aspects[0][p.index()] = e.aspect(p, false)
				e.aspects[1][p.index()] = e.aspect(p, true)
			}
		}
	}
}

func (l *loader) cell(at string, j *cellJSON) mlpsCell {
	if j == nil {
		l.bad(at, "required", "", msgDataRequired.New())
		return mlpsCell{}
	}
	c := mlpsCell{level: MLPSLevel(j.Level), conf: j.Confidence}
	l.level(at+"/level", j.Level)
	l.confidence(at, j.Confidence, j.Note)
	if d := j.Disputed; d != nil {
		c.disputed = &mlpsDispute{reason: d.Reason}
		l.text(at+"/disputed/reason", d.Reason, 2)
		if x := d.Draft2018; x != nil {
			p := at + "/disputed/draft2018"
			l.level(p+"/level", x.Level)
			l.confidence(p, x.Confidence, x.Note)
			l.text(p+"/reason", x.Reason, 2)
			c.disputed.draft = &mlpsDraft{level: MLPSLevel(x.Level), conf: x.Confidence, reason: x.Reason}
		}
	}
	return c
}

func (l *loader) duty(at string, j *dutyJSON) dutyFacts {
	if j == nil {
		l.bad(at, "required", "", msgDataRequired.New())
		return dutyFacts{}
	}
	d := dutyFacts{from: MLPSLevel(j.FromLevel), what: j.What}
	l.level(at+"/fromLevel", j.FromLevel)
	l.text(at+"/what", j.What, 0)
	d.basis = l.basis(at+"/basis", j.Basis)
	d.terms = l.terms(at+"/terms", j.Terms)
	for i, x := range j.ByLevel {
		p := fmt.Sprintf("%s/byLevel/%d", at, i)
		if !l.level(p+"/level", x.Level) {
			continue
		}
		if d.byLevel[x.Level] != nil {
			l.bad(p+"/level", "unique", fmt.Sprint(x.Level), msgDataTwice.New(fmt.Sprint(x.Level), l.file))
			continue
		}
		d.byLevel[x.Level] = &dutyLevelFacts{basis: l.basis(p+"/basis", x.Basis), terms: l.terms(p+"/terms", x.Terms)}
	}
	return d
}

func (l *loader) basis(at string, js []basisJSON) []basisPart {
	var out []basisPart
	for i, x := range js {
		p := fmt.Sprintf("%s/%d", at, i)
		l.fact(p, x.Citations, x.Confidence, x.Note)
		b := basisPart{cites: x.Citations, conf: x.Confidence, note: x.ResultNote, whileInForce: x.WhileInForce}
		if x.ResultNote != (medsec.MessageTemplate{}) {
			l.text(p+"/resultNote", x.ResultNote, 0)
		}
		if x.WhileInForce {
			b.period = l.periodOf(p, x.Citations)
		}
		out = append(out, b)
	}
	return out
}

func (l *loader) terms(at string, js []termJSON) []termFacts {
	var out []termFacts
	for i, x := range js {
		p := fmt.Sprintf("%s/%d", at, i)
		if !x.Span.Valid() {
			l.bad(p+"/span", "required", x.Span.String(), msgDataRequired.New())
		}
		l.fact(p, x.Citations, x.Confidence, x.Note)
		if x.ResultNote != (medsec.MessageTemplate{}) {
			l.text(p+"/resultNote", x.ResultNote, 0)
		}
		out = append(out, termFacts{span: x.Span, cites: x.Citations, conf: x.Confidence, note: x.ResultNote})
	}
	return out
}
