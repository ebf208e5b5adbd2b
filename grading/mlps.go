package grading

import (
	"slices"

	"github.com/medsec-go/medsec"
)

// Harm is the degree of harm (侵害程度) that a compromise of a system would
// do to one object, as GB/T 22240 grades it. The zero value means "not
// given" and fails validation; [NoHarm] is an explicit statement that the
// object is not harmed.
type Harm uint8

// Degrees of harm.
const (
	HarmUnknown             Harm = iota
	NoHarm                       // the object is not harmed
	GeneralHarm                  // 一般损害
	SeriousHarm                  // 严重损害
	ParticularlySeriousHarm      // 特别严重损害
)

var harmText = enumText{"unknown", "none", "general", "serious", "particularly-serious"}

// Valid reports whether h is set.
func (h Harm) Valid() bool { return h >= NoHarm && h <= ParticularlySeriousHarm }

// String returns "none", "general", "serious", "particularly-serious" or
// "unknown".
func (h Harm) String() string { return harmText.String(uint8(h), "Harm") }

// MarshalText implements [encoding.TextMarshaler].
func (h Harm) MarshalText() ([]byte, error) { return harmText.Marshal("grading", uint8(h), "harm") }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (h *Harm) UnmarshalText(b []byte) error {
	v, err := harmText.Parse("grading", b, "harm")
	*h = Harm(v)
	return err
}

// Message returns the degree's name, e.g. "serious harm".
func (h Harm) Message() medsec.Message {
	switch h {
	case NoHarm:
		return msgHarmNone.New()
	case GeneralHarm:
		return msgHarmGeneral.New()
	case SeriousHarm:
		return msgHarmSerious.New()
	case ParticularlySeriousHarm:
		return msgHarmParticularly.New()
	}
	return medsec.Message{}
}

// A HarmProfile gives the degree of harm to each of the three objects
// (受侵害的客体) of GB/T 22240. All three are required; state [NoHarm]
// where an object is not harmed.
type HarmProfile struct {
	// Citizens: the lawful rights and interests of citizens, legal persons
	// and other organisations (公民、法人和其他组织的合法权益).
	Citizens Harm `json:"citizens"`
	// Society: social order and the public interest (社会秩序、公共利益).
	Society Harm `json:"society"`
	// Nation: national security (国家安全).
	Nation Harm `json:"nation"`
}

// An MLPSEdition is an edition of the grading guide GB/T 22240.
type MLPSEdition uint8

// Editions of GB/T 22240.
const (
	EditionUnknown MLPSEdition = iota
	Edition2008                // GB/T 22240-2008, in force 2008-11-01 to 2020-10-31
	Edition2020                // GB/T 22240-2020, in force from 2020-11-01
)

var editionText = enumText{"unknown", "GB/T 22240-2008", "GB/T 22240-2020"}

// Valid reports whether e is a known edition.
func (e MLPSEdition) Valid() bool { return e == Edition2008 || e == Edition2020 }

// String returns the standard's number, e.g. "GB/T 22240-2020".
func (e MLPSEdition) String() string { return editionText.String(uint8(e), "MLPSEdition") }

// MarshalText implements [encoding.TextMarshaler].
func (e MLPSEdition) MarshalText() ([]byte, error) {
	return editionText.Marshal("grading", uint8(e), "MLPS edition")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *MLPSEdition) UnmarshalText(b []byte) error {
	v, err := editionText.Parse("grading", b, "MLPS edition")
	*e = MLPSEdition(v)
	return err
}

// Instrument returns the registry ID of the edition's instrument in the
// default registry's facts, such as CN-GBT-22240-2020, or "" when they have
// no such edition.
func (e MLPSEdition) Instrument() string {
	g, _ := defaultGrader()
	if g == nil || g.mlps == nil {
		return ""
	}
	for i := range g.mlps.editions {
		if ed := &g.mlps.editions[i]; ed.edition == e {
			return ed.instrument
		}
	}
	return ""
}

// Message returns the level's English name, e.g. "level 3 (supervised
// protection)"; package i18n renders the official Chinese name.
func (l MLPSLevel) Message() medsec.Message {
	switch l {
	case MLPS1:
		return msgMLPSLevel1.New()
	case MLPS2:
		return msgMLPSLevel2.New()
	case MLPS3:
		return msgMLPSLevel3.New()
	case MLPS4:
		return msgMLPSLevel4.New()
	case MLPS5:
		return msgMLPSLevel5.New()
	}
	return msgMLPSLevelUnknown.New()
}

var mlpsNames = [...]string{"", "第一级 自主保护级", "第二级 指导保护级", "第三级 监督保护级", "第四级 强制保护级", "第五级 专控保护级"}

// Name returns the official Chinese name of the level, e.g. "第三级
// 监督保护级", or "" for an invalid level.
func (l MLPSLevel) Name() string {
	if l.Valid() {
		return mlpsNames[l]
	}
	return ""
}

// MLPSInput describes a system to grade under MLPS 2.0.
type MLPSInput struct {
	// System names the system in the reasons (optional), e.g. "HIS".
	System string `json:"system,omitempty"`
	// Information is the harm a breach of business-information security
	// (业务信息安全) would do to each object. Required.
	Information HarmProfile `json:"information"`
	// Service is the harm a breach of system-service security (系统服务安全)
	// would do to each object. Required.
	Service HarmProfile `json:"service"`

	// TertiaryHospitalCore marks a core business system (核心业务系统) of a
	// tertiary grade-A (三级甲等) hospital: at least level 3 under the 2011
	// health-sector guidance.
	TertiaryHospitalCore bool `json:"tertiaryHospitalCore,omitempty"`
	// HealthPlatform marks a national, provincial or municipal health
	// information platform, or one of the national health data centres the
	// 2011 guidance names: at least level 3.
	HealthPlatform bool `json:"healthPlatform,omitempty"`
	// InternetHospital marks an internet-hospital system. medsec applies no
	// floor for it (the level-3 rule rests on one secondary source that
	// names no instrument) and says so in the reasons.
	InternetHospital bool `json:"internetHospital,omitempty"`
}

// MLPSResult is the MLPS grading of one system.
type MLPSResult struct {
	Result
	// Level is the protection level: the matrix level raised by any sector
	// floor.
	Level MLPSLevel `json:"level"`
	// Edition is the edition of GB/T 22240 applied on Result.AsOf.
	Edition MLPSEdition `json:"edition"`
	// InformationLevel and ServiceLevel are the levels of the two aspects;
	// MatrixLevel is the higher of them, before sector floors.
	InformationLevel MLPSLevel `json:"informationLevel,omitempty"`
	ServiceLevel     MLPSLevel `json:"serviceLevel,omitempty"`
	MatrixLevel      MLPSLevel `json:"matrixLevel"`
	// Floor is the sector floor applied (zero if none).
	Floor MLPSLevel `json:"floor,omitempty"`
	// Disputed reports that the level rests on the matrix cell citizens ×
	// particularly serious harm of GB/T 22240-2020, which is read from
	// reproductions of the standard, not from its text, and which a 2018
	// draft put at level 3 (see [Options.MLPSCitizensCellDraft2018]).
	// Confidence is then Partial, or Unverified with the draft reading.
	Disputed bool `json:"disputed,omitempty"`
}

// Triggers returns what the result's level triggers under MLPS on the
// result's as-of date: [MLPSTriggersFor] of r.Level and r.AsOf, under the
// default registry. For a result of your own [Grader], call its
// [Grader.MLPSTriggersFor]. It is computed on request so that grading
// stays cheap.
func (r MLPSResult) Triggers() (MLPSTriggers, error) { return MLPSTriggersFor(r.Level, r.AsOf) }

// MLPS grades a system under China's Multi-Level Protection Scheme 2.0
// with the grader of the default registry; see [Grader.MLPS].
func MLPS(in MLPSInput, opts Options) (r MLPSResult, err error) {
	g, err := defaultGrader()
	if err == nil {
		err = g.mlps.grade(&r, &in, opts)
	}
	return r, err
}

// MLPS grades a system under China's Multi-Level Protection Scheme 2.0.
//
// The edition of GB/T 22240 is the one in force on opts.AsOf, which is
// required. The level of each aspect (business information, system
// service) is the highest matrix cell over the three objects; the matrix
// level is the higher of the two aspects; a sector floor then raises it.
// See the package documentation for the matrix cell citizens ×
// particularly serious harm.
//
// Every harm of in.Information and in.Service is required; an input whose
// harms are all [NoHarm] is an error too.
func (g *Grader) MLPS(in MLPSInput, opts Options) (r MLPSResult, err error) {
	if g == nil {
		return r, errNilGrader
	}
	err = g.mlps.grade(&r, &in, opts)
	return r, err
}

// grade grades in into r, which is zero; on error r stays zero. f may be
// nil: the registry states no MLPS facts.
func (f *mlpsFacts) grade(r *MLPSResult, in *MLPSInput, opts Options) error {
	if f == nil {
		return noFacts(SchemeMLPS, "mlps")
	}
	ed := f.edition(opts.AsOf)
	if ed == nil {
		return f.dayError(opts.AsOf)
	}
	if err := in.check(); err != nil {
		return err
	}
	reading := 0
	if opts.MLPSCitizensCellDraft2018 {
		reading = 1
	}
	info, svc := ed.aspects[reading][in.Information.index()], ed.aspects[reading][in.Service.index()]

	r.Scheme, r.AsOf, r.Edition = SchemeMLPS, opts.AsOf, ed.edition
	r.InformationLevel, r.ServiceLevel = info.level, svc.level
	var conf medsec.Confidence
	var rests bool // the matrix level rests on a disputed cell alone
	switch {
	case info.level == svc.level:
		r.MatrixLevel, conf, rests = info.level, stronger(info.conf, svc.conf), info.rests && svc.rests
	case info.level > svc.level:
		r.MatrixLevel, conf, rests = info.level, info.conf.Min(f.higherOf.conf), info.rests
	default:
		r.MatrixLevel, conf, rests = svc.level, svc.conf.Min(f.higherOf.conf), svc.rests
	}
	r.Level = r.MatrixLevel
	if floor, floorConf := f.floor(in, r.AsOf); floor != 0 {
		r.Floor = floor
		switch {
		case floor > r.MatrixLevel:
			r.Level, conf, rests = floor, floorConf, false
		case floor == r.MatrixLevel:
			conf, rests = stronger(conf, floorConf), false
		}
	}
	r.Confidence, r.Disputed = conf, rests
	if !opts.LevelOnly {
		r.explain(f, ed, in, opts, info, svc)
	}
	return nil
}

// edition returns the edition in force on day, or nil.
func (f *mlpsFacts) edition(day medsec.Date) *mlpsEdition {
	if !day.Valid() {
		return nil
	}
	for i := len(f.editions) - 1; i >= 0; i-- { // the newest first: most days are recent
		if within(&f.editions[i].period, day) {
			return &f.editions[i]
		}
	}
	return nil
}

// within reports whether day falls in p, the in-force period of an
// instrument of the registry, whose start the loader checked is known.
// It is [medsec.Period.Contains] for such periods, small enough to be
// inlined on the hot path.
func within(p *medsec.Period, day medsec.Date) bool {
	return !day.Before(p.From) && (p.Until.IsZero() || !p.Until.Before(day))
}

// dayError explains why no edition applies on day.
func (f *mlpsFacts) dayError(day medsec.Date) error {
	var earliest medsec.Date
	if len(f.editions) > 0 {
		earliest = f.editions[0].period.From
	}
	return asOfError(day, SchemeMLPS, earliest)
}

// An aspect is the grading of one harm profile: its level and how well
// that is established, the first object and harm that reach the level, and
// whether the level rests on a disputed cell alone.
type aspect struct {
	level MLPSLevel
	conf  medsec.Confidence
	obj   uint8 // 0 citizens, 1 society, 2 nation
	harm  Harm
	rests bool
}

// index numbers a profile of valid harms from 0 to 124, for the aspect
// tables.
func (p HarmProfile) index() int { return int(p.Citizens)*25 + int(p.Society)*5 + int(p.Nation) }

// aspect looks one harm profile up: the highest cell, with the confidence
// of the best established cell that reaches it. With draft, a disputed
// cell that has a draft reading reads that.
func (e *mlpsEdition) aspect(p HarmProfile, draft bool) aspect {
	var a aspect
	for o, h := range [3]Harm{p.Citizens, p.Society, p.Nation} {
		c := &e.cells[o][h]
		level, conf, disputed := c.level, c.conf, c.disputed != nil
		if disputed && draft && c.disputed.draft != nil {
			level, conf = c.disputed.draft.level, c.disputed.draft.conf
		}
		switch {
		case level > a.level:
			a = aspect{level: level, conf: conf, obj: uint8(o), harm: h, rests: disputed}
		case level == a.level && level != 0:
			a.conf, a.rests = stronger(a.conf, conf), a.rests && disputed
		}
	}
	return a
}

// floor returns the highest sector floor that in's flags select and that
// is in force on day, with the confidence of the best established floor
// at that level; zero if none.
func (f *mlpsFacts) floor(in *MLPSInput, day medsec.Date) (MLPSLevel, medsec.Confidence) {
	var level MLPSLevel
	var conf medsec.Confidence
	for i := range f.floors {
		fl := &f.floors[i]
		if !in.has(fl.when) || !within(&fl.period, day) {
			continue
		}
		switch {
		case fl.level > level:
			level, conf = fl.level, fl.conf
		case fl.level == level:
			conf = stronger(conf, fl.conf)
		}
	}
	return level, conf
}

// explain fills the reasons and citations.
func (r *MLPSResult) explain(f *mlpsFacts, ed *mlpsEdition, in *MLPSInput, opts Options, info, svc aspect) {
	day, matrix := r.AsOf, r.MatrixLevel.Message()
	reasons := make([]medsec.Message, 0, 9) // the most an explanation has
	reasons = append(reasons,
		msgMLPSEdition.New(day, ed.edition.String(), ed.period.From),
		aspectReason(msgAspectInformation, info),
		aspectReason(msgAspectService, svc),
	)
	if info.level == svc.level {
		reasons = append(reasons, msgMLPSAspectsEqual.New(matrix, matrix))
	} else {
		reasons = append(reasons, f.higherOf.reason.New(matrix))
	}
	// Every disputed cell looked up is explained, whether or not it decides.
	var seen []*mlpsDispute
	for _, p := range [2]HarmProfile{in.Information, in.Service} {
		for o, h := range [3]Harm{p.Citizens, p.Society, p.Nation} {
			c := &ed.cells[o][h]
			if c.disputed == nil || slices.Contains(seen, c.disputed) {
				continue
			}
			seen = append(seen, c.disputed)
			if d := c.disputed.draft; d != nil && opts.MLPSCitizensCellDraft2018 {
				reasons = append(reasons, d.reason.New(ed.edition.String(), d.level.Message()))
			} else {
				reasons = append(reasons, c.disputed.reason.New(ed.edition.String(), c.level.Message()))
			}
		}
	}
	cites := append(make([]medsec.Citation, 0, len(ed.cites)+2), ed.cites...)
	var notYet []medsec.Date // the starts of floors not yet in force, each said once
	for i := range f.floors {
		fl := &f.floors[i]
		switch {
		case !in.has(fl.when):
		case !fl.period.Contains(day):
			if !slices.Contains(notYet, fl.period.From) {
				notYet = append(notYet, fl.period.From)
				reasons = append(reasons, f.notYet.New(fl.period.From, day))
			}
		default:
			if fl.level > r.MatrixLevel {
				reasons = append(reasons, f.raised.New(fl.subject.New(), fl.level.Message(), matrix))
			} else {
				reasons = append(reasons, f.met.New(fl.subject.New(), fl.level.Message(), matrix))
			}
			cites = appendCites(cites, fl.cites...)
		}
	}
	if in.InternetHospital && f.internet.reason != (medsec.MessageTemplate{}) {
		reasons = append(reasons, f.internet.reason.New())
	}
	reasons = append(reasons, resultMessage(in.System, r.Level.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
}

var objectMsgs = [3]medsec.MessageTemplate{msgObjCitizens, msgObjSociety, msgObjNation}

func aspectReason(name medsec.MessageTemplate, a aspect) medsec.Message {
	if a.level == 0 {
		return msgMLPSAspectNone.New(name.New())
	}
	return msgMLPSAspect.New(name.New(), a.level.Message(), a.harm.Message(), objectMsgs[a.obj].New())
}

// harmPaths are the JSON Pointers of the six harms of an MLPSInput.
var harmPaths = [6]string{"/information/citizens", "/information/society", "/information/nation",
	"/service/citizens", "/service/society", "/service/nation"}

// check reports every missing or invalid harm, and an input that harms
// nothing.
func (in *MLPSInput) check() error {
	a, b := &in.Information, &in.Service
	if a.valid() && b.valid() && (a.harms() || b.harms()) {
		return nil
	}
	var errs []*medsec.FieldError
	for i, h := range [6]Harm{a.Citizens, a.Society, a.Nation, b.Citizens, b.Society, b.Nation} {
		if !h.Valid() {
			errs = append(errs, harmError(harmPaths[i], h))
		}
	}
	if len(errs) == 0 {
		errs = append(errs, &medsec.FieldError{Path: "", Rule: "harm", Message: msgErrAllNone.New()})
	}
	return inputError(SchemeMLPS, errs...)
}

// valid reports whether every harm of p is given and valid.
func (p *HarmProfile) valid() bool {
	return p.Citizens.Valid() && p.Society.Valid() && p.Nation.Valid()
}

// harms reports whether p harms some object.
func (p *HarmProfile) harms() bool {
	return p.Citizens > NoHarm || p.Society > NoHarm || p.Nation > NoHarm
}

// harmError reports a harm that is missing or not valid.
func harmError(path string, h Harm) *medsec.FieldError {
	if h == HarmUnknown {
		return required(path, msgHintMLPSHarm)
	}
	return invalid(path, h)
}

// MLPSTriggers is what an MLPS level triggers (cn.md §2.2), as data that
// package obligations reuses. A duty whose Required is false does not
// apply at the level. A term without citations rests only on a secondary
// source that names no instrument in force; its note says which.
type MLPSTriggers struct {
	// Level is the protection level whose duties these are.
	Level MLPSLevel `json:"level"`
	// Document: record the level and its reasons in writing.
	Document Duty `json:"document"`
	// ExpertReview: review of the grading by security experts.
	ExpertReview Duty `json:"expertReview"`
	// Approval: approval by the superior (competent) department.
	Approval Duty `json:"approval"`
	// CommitteeReview: review by the national expert committee.
	CommitteeReview Duty `json:"committeeReview"`
	// Filing: filing with public security; Terms[0] is the deadline
	// applied, later terms are alternatives.
	Filing Duty `json:"filing"`
	// Testing: periodic assessment (等级测评); Terms[0] is the interval.
	Testing Duty `json:"testing"`
}

// MLPSTriggersFor returns what level triggers under MLPS on day with the
// grader of the default registry; see [Grader.MLPSTriggersFor].
func MLPSTriggersFor(level MLPSLevel, day medsec.Date) (MLPSTriggers, error) {
	g, err := defaultGrader()
	if err != nil {
		return MLPSTriggers{}, err
	}
	return g.MLPSTriggersFor(level, day)
}

// MLPSTriggersFor returns what level triggers under MLPS on day, which is
// required and must fall in the period of an edition of the grading guide.
// A duty applies from the level its facts state; its basis lists the
// provisions in order, and a provision marked in the data as cited only
// while in force (the healthcare approval rule of the 2022 NHC measures,
// clause 7 of GB/T 22240-2020) is left out on days its instrument is not
// in force.
func (g *Grader) MLPSTriggersFor(level MLPSLevel, day medsec.Date) (MLPSTriggers, error) {
	if g == nil {
		return MLPSTriggers{}, errNilGrader
	}
	f := g.mlps
	if f == nil {
		return MLPSTriggers{}, noFacts(SchemeMLPS, "mlps")
	}
	if !level.Valid() {
		return MLPSTriggers{}, inputError(SchemeMLPS, invalid("level", level))
	}
	if f.edition(day) == nil {
		return MLPSTriggers{}, f.dayError(day)
	}
	t := MLPSTriggers{Level: level}
	for i, d := range []*Duty{&t.Document, &t.ExpertReview, &t.Approval, &t.CommitteeReview, &t.Filing, &t.Testing} {
		*d = f.triggers[i].at(level, day)
	}
	return t, nil
}

// at returns the duty at level on day.
func (d *dutyFacts) at(level MLPSLevel, day medsec.Date) Duty {
	basis, terms := d.basis, d.terms
	if x := d.byLevel[level]; x != nil {
		basis, terms = x.basis, x.terms
	}
	out := Duty{Required: level >= d.from, What: d.what.New(), Basis: basisOn(basis, day)}
	for _, t := range terms {
		out.Terms = append(out.Terms, Term{Span: t.span, Basis: basisOf(t.cites, t.conf, t.note)})
	}
	return out
}

// basisOn joins the parts of a basis that apply on day: their citations in
// order, the weakest confidence, and the first note.
func basisOn(parts []basisPart, day medsec.Date) Basis {
	var b Basis
	for _, p := range parts {
		if p.whileInForce && !p.period.Contains(day) {
			continue
		}
		b.Citations = append(b.Citations, p.cites...)
		if b.Confidence == 0 {
			b.Confidence = p.conf
		} else {
			b.Confidence = b.Confidence.Min(p.conf)
		}
		if b.Note.IsZero() && p.note != (medsec.MessageTemplate{}) {
			b.Note = p.note.New()
		}
	}
	return b
}

// basisOf returns the basis of one fact, the caller's own.
func basisOf(cites []medsec.Citation, conf medsec.Confidence, note medsec.MessageTemplate) Basis {
	b := Basis{Citations: slices.Clone(cites), Confidence: conf}
	if note != (medsec.MessageTemplate{}) {
		b.Note = note.New()
	}
	return b
}
