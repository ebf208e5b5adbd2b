package grading

import (
	"sync"

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

// Instrument returns the edition's registry ID, e.g. "CN-GBT-22240-2020".
func (e MLPSEdition) Instrument() string {
	switch e {
	case Edition2008:
		return "CN-GBT-22240-2008"
	case Edition2020:
		return "CN-GBT-22240-2020"
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
// result's as-of date: [MLPSTriggersFor] of r.Level and r.AsOf. It is
// computed on request so that grading stays cheap.
func (r MLPSResult) Triggers() (MLPSTriggers, error) { return MLPSTriggersFor(r.Level, r.AsOf) }

// cell is one matrix entry: a level and how well it is established.
// disputed marks the one cell that a 2018 draft read differently.
type cell struct {
	level    uint8
	conf     medsec.Confidence
	disputed bool
}

// draft2018Level is the level the January 2018 draft of the grading guide
// (and the 2018 draft MLPS regulation) gave the disputed cell; it applies
// only with [Options.MLPSCitizensCellDraft2018], as an unverified reading.
const draft2018Level = 3

// matrix[edition-1][object][harm]; objects: 0 citizens, 1 society, 2 nation.
// The harm index is the Harm value (NoHarm gives level 0: no contribution).
// Sources: the reference sheet on China (eight cells undisputed, two
// reproductions agree) and the fact check of 2026-11-29 (citizens ×
// particularly serious harm: level 2 under both editions, from the 2020
// standard's level definitions as reproduced by two sources and one
// reproduction of its matrix; partial, because the standard's own text was
// not read; the level-3 reading comes from the January 2018 draft).
var matrix = [2][3][5]cell{
	{ // GB/T 22240-2008: one training deck (partial).
		{{}, {}, {1, medsec.Partial, false}, {2, medsec.Partial, false}, {2, medsec.Partial, false}},
		{{}, {}, {2, medsec.Partial, false}, {3, medsec.Partial, false}, {4, medsec.Partial, false}},
		{{}, {}, {3, medsec.Partial, false}, {4, medsec.Partial, false}, {5, medsec.Partial, false}},
	},
	{ // GB/T 22240-2020 clause 4.3.
		{{}, {}, {1, medsec.Verified, false}, {2, medsec.Verified, false}, {2, medsec.Partial, true}},
		{{}, {}, {2, medsec.Verified, false}, {3, medsec.Verified, false}, {4, medsec.Verified, false}},
		{{}, {}, {3, medsec.Verified, false}, {4, medsec.Verified, false}, {5, medsec.Verified, false}},
	},
}

// confMaxRule is the confidence of "the system level is the higher of the
// two aspects" (cn.md §2.1 MLPS/two-aspects: partial).
const confMaxRule = medsec.Partial

// confFloor is the confidence of the 2011 health-sector floors (cn.md §2.3:
// header verified, floors from secondary quotations).
const confFloor = medsec.Partial

// aspectLevel looks one harm profile up: the highest cell, its confidence
// (the best established among the cells that reach it), the object and
// harm that reach it first, whether the disputed cell was looked up, and
// whether the level rests on that cell alone. With draft, the disputed
// cell reads the 2018 draft's level, unverified.
func aspectLevel(t *[3][5]cell, p HarmProfile, draft bool) (lvl uint8, conf medsec.Confidence, obj int, harm Harm, usedDisputed, rests bool) {
	c0 := t[0][p.Citizens]
	lvl, conf, harm = c0.level, c0.conf, p.Citizens
	usedDisputed, rests = c0.disputed, c0.disputed
	if c0.disputed && draft {
		lvl, conf = draft2018Level, medsec.Unverified
	}
	if c := &t[1][p.Society]; c.level > lvl {
		lvl, conf, obj, harm, rests = c.level, c.conf, 1, p.Society, false
	} else if c.level == lvl && lvl != 0 {
		conf, rests = stronger(conf, c.conf), false
	}
	if c := &t[2][p.Nation]; c.level > lvl {
		lvl, conf, obj, harm, rests = c.level, c.conf, 2, p.Nation, false
	} else if c.level == lvl && lvl != 0 {
		conf, rests = stronger(conf, c.conf), false
	}
	return
}

// MLPS grades a system under China's Multi-Level Protection Scheme 2.0.
//
// The level of each aspect (business information, system service) is the
// highest matrix cell over the three objects; the matrix level is the higher
// of the two aspects; a health-sector floor then raises it. The edition of
// GB/T 22240 is the one in force on the as-of date. See the package
// documentation for the matrix cell citizens × particularly serious harm.
//
// Every harm of in.Information and in.Service is required; an input whose
// harms are all [NoHarm] is an error too.
func MLPS(in MLPSInput, opts Options) (r MLPSResult, err error) {
	ds := &rules
	if !in.valid() {
		return MLPSResult{}, in.fieldErrors()
	}
	// asOf, written out: this is the hot path.
	day := opts.AsOf
	if day.IsZero() {
		day = ds.newest
	} else if !validDate(day) || day.Before(ds.gbt2008) {
		return MLPSResult{}, asOfError(day, SchemeMLPS, ds.gbt2008)
	}
	ed := Edition2020
	if day.Before(ds.gbt2020) {
		ed = Edition2008
	}
	opt := 0
	if opts.MLPSCitizensCellDraft2018 {
		opt = 1
	}
	tab := &aspectTables()[ed-1][opt]
	ai, as := tab[in.Information.index()], tab[in.Service.index()]
	li, ci, ls, cs := ai.level, ai.conf, as.level, as.conf

	r.Scheme, r.AsOf, r.Edition = SchemeMLPS, day, ed
	r.InformationLevel, r.ServiceLevel = MLPSLevel(li), MLPSLevel(ls)
	var conf medsec.Confidence
	var rests bool // the matrix level rests on the disputed cell alone
	switch {
	case li == ls:
		r.MatrixLevel, conf, rests = MLPSLevel(li), stronger(ci, cs), ai.rests && as.rests
	case li > ls:
		r.MatrixLevel, conf, rests = MLPSLevel(li), ci.Min(confMaxRule), ai.rests
	default:
		r.MatrixLevel, conf, rests = MLPSLevel(ls), cs.Min(confMaxRule), as.rests
	}
	r.Level = r.MatrixLevel
	floorInForce := !day.Before(ds.moh2011)
	if (in.TertiaryHospitalCore || in.HealthPlatform) && floorInForce {
		r.Floor = MLPS3
		switch {
		case r.Floor > r.MatrixLevel:
			r.Level, conf, rests = r.Floor, confFloor, false
		case r.Floor == r.MatrixLevel:
			conf, rests = stronger(conf, confFloor), false
		}
	}
	r.Confidence = conf
	r.Disputed = rests
	if !opts.LevelOnly {
		r.explain(&in, opts, ai, as)
	}
	return r, nil
}

// aspectFacts is the lookup of one harm profile: the aspect's level, its
// confidence, the first object and harm that reach it, whether the
// disputed cell was looked up, and whether the level rests on it alone.
type aspectFacts struct {
	level    uint8
	conf     medsec.Confidence
	obj      uint8
	harm     Harm
	disputed bool
	rests    bool
}

// index numbers a valid profile 0..124 for the precomputed tables.
func (p HarmProfile) index() int { return int(p.Citizens)*25 + int(p.Society)*5 + int(p.Nation) }

// aspectTables holds aspectLevel's answer for every profile, edition and
// reading of the disputed cell, so that grading is two table lookups.
var aspectTables = sync.OnceValue(func() *[2][2][125]aspectFacts {
	t := new([2][2][125]aspectFacts)
	for ed := range 2 {
		for opt := range 2 {
			for i := range 125 {
				p := HarmProfile{Harm(i / 25), Harm(i / 5 % 5), Harm(i % 5)}
				l, c, o, h, d, rests := aspectLevel(&matrix[ed], p, opt == 1)
				t[ed][opt][i] = aspectFacts{l, c, uint8(o), h, d, rests}
			}
		}
	}
	return t
})

// explain fills the reasons and citations. It is a separate function so
// that the level-only path keeps a small stack frame.
func (r *MLPSResult) explain(in *MLPSInput, opts Options, info, svc aspectFacts) {
	ds, bx := &rules, boxed()
	day, ed := r.AsOf, r.Edition
	reasons := make([]medsec.Message, 0, 9)
	reasons = append(reasons,
		msgMLPSEdition.New(day, bx.edition[ed], bx.editionFrom[ed]),
		aspectReason(bx, bx.aspectInfo, info),
		aspectReason(bx, bx.aspectSvc, svc),
	)
	matrix := bx.mlpsLevel[r.MatrixLevel]
	if info.level == svc.level {
		reasons = append(reasons, msgMLPSAspectsEqual.New(matrix, matrix))
	} else {
		reasons = append(reasons, msgMLPSAspectsMax.New(matrix))
	}
	if ed == Edition2020 && (info.disputed || svc.disputed) {
		if opts.MLPSCitizensCellDraft2018 {
			reasons = append(reasons, msgMLPSCellDraft2018.New(bx.edition[ed], bx.mlpsLevel[draft2018Level]))
		} else {
			reasons = append(reasons, msgMLPSCellLevel2.New(bx.edition[ed], bx.mlpsLevel[MLPS2]))
		}
	}
	cites := make([]medsec.Citation, 0, 3)
	if ed == Edition2020 {
		cites = append(cites, medsec.Cite("CN-GBT-22240-2020", "4.3"), medsec.Cite("CN-GBT-22240-2020", "6.4"))
	} else {
		cites = append(cites, medsec.Cite("CN-GBT-22240-2008", ""))
	}
	if in.TertiaryHospitalCore || in.HealthPlatform {
		if day.Before(ds.moh2011) {
			reasons = append(reasons, msgMLPSFloorTooEarly.New(ds.moh2011, day))
		} else {
			floor := func(subject any) {
				if r.Floor > r.MatrixLevel {
					reasons = append(reasons, msgMLPSFloorRaised.New(subject, bx.mlpsLevel[r.Floor], matrix))
				} else {
					reasons = append(reasons, msgMLPSFloorMet.New(subject, bx.mlpsLevel[r.Floor], matrix))
				}
			}
			if in.TertiaryHospitalCore {
				floor(bx.floorTertiary)
			}
			if in.HealthPlatform {
				floor(bx.floorPlatform)
			}
			cites = append(cites, medsec.Cite("CN-MOH-2011-85", ""))
		}
	}
	if in.InternetHospital {
		reasons = append(reasons, msgMLPSInternetHosp.New())
	}
	if in.System == "" {
		reasons = append(reasons, msgResultUnnamed.New(bx.mlpsLevel[r.Level], bx.conf[r.Confidence]))
	} else {
		reasons = append(reasons, msgResultNamed.New(in.System, bx.mlpsLevel[r.Level], bx.conf[r.Confidence]))
	}
	r.Reasons, r.Citations = reasons, cites
}

// boxes holds, boxed in interfaces, the argument-free messages that
// explanations embed, so that embedding one does not allocate. Boxed
// Message values are immutable.
type boxes struct {
	mlpsLevel                    [6]any
	harm                         [5]any
	object                       [3]any
	edition, editionFrom         [3]any
	conf                         [4]any
	aspectInfo, aspectSvc        any
	floorTertiary, floorPlatform any
}

var boxed = sync.OnceValue(func() *boxes {
	b := new(boxes)
	for l := range b.mlpsLevel {
		b.mlpsLevel[l] = MLPSLevel(l).Message()
	}
	for h := range b.harm {
		b.harm[h] = Harm(h).Message()
	}
	for o, t := range objectMsgs {
		b.object[o] = t.New()
	}
	for e := range b.edition {
		b.edition[e] = MLPSEdition(e).String()
	}
	b.editionFrom[Edition2008], b.editionFrom[Edition2020] = rules.gbt2008, rules.gbt2020
	for c := range b.conf {
		b.conf[c] = medsec.Confidence(c).Message()
	}
	b.aspectInfo, b.aspectSvc = msgAspectInformation.New(), msgAspectService.New()
	b.floorTertiary, b.floorPlatform = msgMLPSFloorTertiary.New(), msgMLPSFloorPlatform.New()
	return b
})

var objectMsgs = [3]medsec.MessageTemplate{msgObjCitizens, msgObjSociety, msgObjNation}

func aspectReason(bx *boxes, aspect any, f aspectFacts) medsec.Message {
	if f.level == 0 {
		return msgMLPSAspectNone.New(aspect)
	}
	return msgMLPSAspect.New(aspect, bx.mlpsLevel[f.level], bx.harm[f.harm], bx.object[f.obj])
}

// valid checks the six harms; it is hand-written rather than done by
// validator/v10 because MLPS grading must stay allocation-free on valid
// input.
func (in *MLPSInput) valid() bool {
	a, b := in.Information, in.Service
	// Each valid harm is 1..4: h-1 < 4 for all six iff their OR is < 4
	// (uint8 wraps 0 to 255). Some harm is above NoHarm iff the OR of the
	// harms has a bit above bit 0.
	bad := (a.Citizens - 1) | (a.Society - 1) | (a.Nation - 1) | (b.Citizens - 1) | (b.Society - 1) | (b.Nation - 1)
	all := a.Citizens | a.Society | a.Nation | b.Citizens | b.Society | b.Nation
	return bad < 4 && all > 1
}

var harmPaths = [6]string{"Information.Citizens", "Information.Society", "Information.Nation",
	"Service.Citizens", "Service.Society", "Service.Nation"}

func (in *MLPSInput) fieldErrors() error {
	hs := [6]Harm{in.Information.Citizens, in.Information.Society, in.Information.Nation,
		in.Service.Citizens, in.Service.Society, in.Service.Nation}
	var errs []*medsec.FieldError
	for i, h := range hs {
		switch {
		case h == HarmUnknown:
			errs = append(errs, required(harmPaths[i], msgHintMLPSHarm))
		case !h.Valid():
			errs = append(errs, invalid(harmPaths[i], h))
		}
	}
	if len(errs) == 0 {
		errs = append(errs, &medsec.FieldError{Path: "Information", Rule: "harm", Message: msgErrAllNone.New()})
	}
	return inputError(SchemeMLPS, errs...)
}

// MLPSTriggers is what an MLPS level triggers (cn.md §2.2), as data that
// package obligations reuses. A duty whose Required is false does not
// apply at the level. A term without citations rests only on a secondary
// source that names no instrument in force; its note says which.
type MLPSTriggers struct {
	Level MLPSLevel `json:"level"`
	// Document: record the level and its reasons in writing (all levels).
	Document Duty `json:"document"`
	// ExpertReview: review of the grading by security experts (level 2+).
	ExpertReview Duty `json:"expertReview"`
	// Approval: approval by the superior (competent) department (level 2+).
	Approval Duty `json:"approval"`
	// CommitteeReview: review by the national expert committee (level 4+).
	CommitteeReview Duty `json:"committeeReview"`
	// Filing: filing with public security (level 2+); Terms[0] is the
	// deadline applied (30 days, verified), later terms are alternatives.
	Filing Duty `json:"filing"`
	// Testing: periodic assessment (等级测评); Terms[0] is the interval.
	Testing Duty `json:"testing"`
}

// MLPSTriggersFor returns what level triggers under MLPS on day (zero: the
// newest rules). The citations depend on the day: the healthcare approval
// rule of CN-NHC-2022-29 and clause 7 of GB/T 22240-2020 are cited only
// while in force.
func MLPSTriggersFor(level MLPSLevel, day medsec.Date) (MLPSTriggers, error) {
	ds := &rules
	if !level.Valid() {
		return MLPSTriggers{}, inputError(SchemeMLPS, invalid("Level", level))
	}
	if day.IsZero() {
		day = ds.newest
	}
	cite := medsec.Cite
	mps := "CN-MPS-2007-43"
	t := MLPSTriggers{Level: level}
	t.Document = Duty{Required: true, What: msgMLPSTrigDocument.New(),
		Basis: Basis{Citations: []medsec.Citation{cite("CN-GBT-22239-2019", "")}, Confidence: medsec.Verified}}

	review := []medsec.Citation{cite(mps, "10")}
	approval := []medsec.Citation{cite(mps, "10")}
	if !day.Before(ds.gbt2020) {
		review = append(review, cite("CN-GBT-22240-2020", "7"))
		approval = append(approval, cite("CN-GBT-22240-2020", "7"))
	}
	approvalBasis := Basis{Citations: approval, Confidence: medsec.Verified}
	if !day.Before(ds.nhc2022) {
		approvalBasis.Citations = append([]medsec.Citation{cite("CN-NHC-2022-29", "6")}, approval...)
		approvalBasis.Note = msgMLPSTrigHealthcare.New()
	}
	t.ExpertReview = Duty{Required: level >= MLPS2, What: msgMLPSTrigReview.New(),
		Basis: Basis{Citations: review, Confidence: medsec.Verified}}
	t.Approval = Duty{Required: level >= MLPS2, What: msgMLPSTrigApproval.New(), Basis: approvalBasis}
	t.CommitteeReview = Duty{Required: level >= MLPS4, What: msgMLPSTrigCommittee.New(),
		Basis: Basis{Citations: []medsec.Citation{cite(mps, "10")}, Confidence: medsec.Verified}}
	t.Filing = Duty{Required: level >= MLPS2, What: msgMLPSTrigFiling.New(),
		Basis: Basis{Citations: []medsec.Citation{cite(mps, "15")}, Confidence: medsec.Verified},
		Terms: []Term{
			{Span: Span{N: 30, Unit: medsec.Days}, Basis: Basis{Citations: []medsec.Citation{cite(mps, "15")}, Confidence: medsec.Verified}},
			// Attributed to the 2018 draft regulation, which is not an
			// instrument in force: no citation, the note says why.
			{Span: Span{N: 10, Unit: medsec.WorkingDays}, Basis: Basis{Confidence: medsec.Unverified, Note: msgMLPSTrigFilingAlt.New()}},
		}}
	test := Duty{Required: level >= MLPS2, What: msgMLPSTrigTesting.New()}
	art14 := []medsec.Citation{cite(mps, "14")}
	switch level {
	case MLPS2:
		test.Basis = Basis{Citations: []medsec.Citation{cite("CN-GBT-22239-2019", "")}, Confidence: medsec.Verified, Note: msgMLPSTrigTestL2.New()}
		test.Terms = []Term{{Span: Span{N: 24, Unit: medsec.Months}, Basis: Basis{Citations: []medsec.Citation{cite("CN-GBT-22239-2019", "")}, Confidence: medsec.Unverified, Note: msgMLPSTrigTestL2.New()}}}
	case MLPS3:
		test.Basis = Basis{Citations: art14, Confidence: medsec.Verified}
		test.Terms = []Term{{Span: Span{N: 12, Unit: medsec.Months}, Basis: Basis{Citations: art14, Confidence: medsec.Verified}}}
	case MLPS4:
		test.Basis = Basis{Citations: art14, Confidence: medsec.Verified}
		test.Terms = []Term{
			{Span: Span{N: 6, Unit: medsec.Months}, Basis: Basis{Citations: art14, Confidence: medsec.Verified}},
			// From a secondary reproduction of the 2025 MPS Q&A, not an
			// instrument in the registry: no citation, the note says why.
			{Span: Span{N: 12, Unit: medsec.Months}, Basis: Basis{Confidence: medsec.Unverified, Note: msgMLPSTrigTestL4Alt.New()}},
		}
	case MLPS5:
		test.Basis = Basis{Citations: art14, Confidence: medsec.Verified, Note: msgMLPSTrigTestL5.New()}
		test.Terms = []Term{{Span: Span{N: 12, Unit: medsec.Months}, Basis: Basis{Confidence: medsec.Unverified, Note: msgMLPSTrigTestL5.New()}}}
	}
	t.Testing = test
	return t, nil
}
