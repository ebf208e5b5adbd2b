package grading

import (
	"math"
	"slices"
	"strconv"

	"github.com/medsec-go/medsec"
)

// An EntityType is a health-related entity type of the NIS2 annexes.
type EntityType uint8

// Entity types. The zero value means "not given".
const (
	EntityTypeUnknown   EntityType = iota
	HealthcareProvider             // Annex I point 5, health: healthcare provider (Directive 2011/24/EU art. 3(g))
	EUReferenceLab                 // Annex I point 5, health: EU reference laboratory
	MedicinalRD                    // Annex I point 5, health: research and development of medicinal products
	PharmaManufacturing            // Annex I point 5, health: manufacturing of basic pharmaceutical products and preparations (NACE C21)
	CriticalDevices                // Annex I point 5, fifth indent: manufacturing of medical devices critical during a public health emergency
	MedicalDevices                 // Annex II point 5(a), manufacturing: medical devices and in vitro diagnostic medical devices
	OtherEntityType                // none of the above
)

var entityTypeText = enumText{"unknown", "healthcare-provider", "eu-reference-lab", "medicinal-rd",
	"pharma-manufacturing", "critical-medical-devices", "medical-devices", "other"}

// Valid reports whether t is set.
func (t EntityType) Valid() bool { return t >= HealthcareProvider && t <= OtherEntityType }

// String returns the text form, e.g. "healthcare-provider".
func (t EntityType) String() string { return entityTypeText.String(uint8(t), "EntityType") }

// MarshalText implements [encoding.TextMarshaler].
func (t EntityType) MarshalText() ([]byte, error) {
	return entityTypeText.Marshal("grading", uint8(t), "entity type")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *EntityType) UnmarshalText(b []byte) error {
	v, err := entityTypeText.Parse("grading", b, "entity type")
	*t = EntityType(v)
	return err
}

// Annex returns where the default registry's facts list the type, e.g.
// "Annex I" or "Annex II", or "" for a type they do not list.
func (t EntityType) Annex() string {
	g, _ := defaultGrader()
	if g == nil || g.nis2 == nil || int(t) >= len(g.nis2.types) || g.nis2.types[t] == nil {
		return ""
	}
	return g.nis2.types[t].cite.Article
}

// Message returns the type's name.
func (t EntityType) Message() medsec.Message {
	switch t {
	case HealthcareProvider:
		return msgNIS2TypeProvider.New()
	case EUReferenceLab:
		return msgNIS2TypeRefLab.New()
	case MedicinalRD:
		return msgNIS2TypeRD.New()
	case PharmaManufacturing:
		return msgNIS2TypePharma.New()
	case CriticalDevices:
		return msgNIS2TypeCritical.New()
	case MedicalDevices:
		return msgNIS2TypeDevices.New()
	}
	return msgNIS2TypeOther.New()
}

// Message returns the class's name, e.g. "essential entity".
func (c EntityClass) Message() medsec.Message {
	switch c {
	case Essential:
		return msgClassEssential.New()
	case Important:
		return msgClassImportant.New()
	case OutOfScope:
		return msgClassOut.New()
	}
	return msgClassUnknown.New()
}

// Message returns the size's name, e.g. "medium-sized enterprise".
func (s SizeClass) Message() medsec.Message {
	switch s {
	case Small:
		return msgSizeSmall.New()
	case Medium:
		return msgSizeMedium.New()
	case Large:
		return msgSizeLarge.New()
	}
	return msgSizeUnknown.New()
}

// Enterprise holds the staff and financial figures of an enterprise and of
// the enterprises it is tied to, as Recommendation 2003/361/EC counts them.
type Enterprise struct {
	// Headcount in annual work units (AWU); fractions allowed. Required,
	// at most MaxHeadcount.
	Headcount float64 `json:"headcount"`
	// TurnoverEUR is the annual turnover in euros. Required.
	TurnoverEUR int64 `json:"turnoverEur"`
	// BalanceSheetEUR is the annual balance-sheet total in euros. Required.
	BalanceSheetEUR int64 `json:"balanceSheetEur"`
	// Partners are partner enterprises (a holding of 25 % to 50 % either
	// way): their figures are added in proportion to the share.
	Partners []Partner `json:"partners,omitempty"`
	// Linked are linked enterprises (a majority tie either way): their
	// figures are added in full.
	Linked []Linked `json:"linked,omitempty"`
}

// A Partner is a partner enterprise with the share (capital or voting
// rights, whichever is higher) in percent.
type Partner struct {
	// SharePercent is the share held, from 25 to 50 for a partner.
	SharePercent float64 `json:"sharePercent"`
	// Headcount is in annual work units; TurnoverEUR and BalanceSheetEUR
	// are in euros.
	Headcount       float64 `json:"headcount"`
	TurnoverEUR     int64   `json:"turnoverEur"`
	BalanceSheetEUR int64   `json:"balanceSheetEur"`
}

// Linked is a linked enterprise's figures.
type Linked struct {
	// Headcount is in annual work units; TurnoverEUR and BalanceSheetEUR
	// are in euros.
	Headcount       float64 `json:"headcount"`
	TurnoverEUR     int64   `json:"turnoverEur"`
	BalanceSheetEUR int64   `json:"balanceSheetEur"`
}

// Figures are aggregated enterprise figures.
type Figures struct {
	// Headcount is in annual work units; TurnoverEUR and BalanceSheetEUR
	// are in euros.
	Headcount       float64 `json:"headcount"`
	TurnoverEUR     int64   `json:"turnoverEur"`
	BalanceSheetEUR int64   `json:"balanceSheetEur"`
}

// MaxHeadcount bounds every headcount of an [Enterprise], its partners
// and linked enterprises: no enterprise has a hundred million staff, and
// the bound keeps infinite and absurd figures out of the arithmetic.
const MaxHeadcount = 100_000_000

// isZero reports whether no own figure is given.
func (e *Enterprise) isZero() bool {
	return e.Headcount == 0 && e.TurnoverEUR == 0 && e.BalanceSheetEUR == 0 && len(e.Partners) == 0 && len(e.Linked) == 0
}

// Aggregate returns the enterprise's figures with its linked enterprises
// added in full and its partners pro rata; partner amounts are rounded to
// the euro before they are added. Sums of money saturate at the limits of
// int64 instead of wrapping around, so that huge figures stay huge: an
// enterprise whose money figures reach math.MaxInt64 is large, never
// small.
func (e *Enterprise) Aggregate() Figures {
	f := Figures{e.Headcount, e.TurnoverEUR, e.BalanceSheetEUR}
	for _, l := range e.Linked {
		f.Headcount += l.Headcount
		f.TurnoverEUR = addSat(f.TurnoverEUR, l.TurnoverEUR)
		f.BalanceSheetEUR = addSat(f.BalanceSheetEUR, l.BalanceSheetEUR)
	}
	for _, p := range e.Partners {
		s := p.SharePercent / 100
		f.Headcount += p.Headcount * s
		f.TurnoverEUR = addSat(f.TurnoverEUR, roundSat(float64(p.TurnoverEUR)*s))
		f.BalanceSheetEUR = addSat(f.BalanceSheetEUR, roundSat(float64(p.BalanceSheetEUR)*s))
	}
	return f
}

// addSat returns a+b, saturated at the limits of int64.
func addSat(a, b int64) int64 {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return math.MaxInt64
	case a < 0 && b < 0 && s >= 0:
		return math.MinInt64
	}
	return s
}

// roundSat rounds x to an int64, saturated at its limits; NaN gives 0.
func roundSat(x float64) int64 {
	x = math.Round(x)
	switch {
	case x != x:
		return 0
	case x >= math.MaxInt64:
		return math.MaxInt64
	case x <= math.MinInt64:
		return math.MinInt64
	}
	return int64(x)
}

// Size returns the size class of aggregated figures under the default
// registry's facts (Recommendation 2003/361/EC): small if headcount < 50
// and (turnover ≤ EUR 10 M or balance sheet ≤ EUR 10 M); otherwise medium
// if headcount < 250 and (turnover ≤ EUR 50 M or balance sheet ≤ EUR 43
// M); otherwise large. Micro enterprises count as small. It returns
// SizeUnknown when the registry states no size classes. See
// [Grader.Size].
func (f Figures) Size() SizeClass {
	g, _ := defaultGrader()
	return g.Size(f)
}

// Size returns the size class of aggregated figures under the
// "enterpriseSize" facts of g's registry, or SizeUnknown when it states
// none.
func (g *Grader) Size(f Figures) SizeClass {
	if g == nil || g.size == nil {
		return SizeUnknown
	}
	return g.size.classify(f)
}

// check reports every broken figure of e under the JSON Pointer at:
// headcount, turnover and balance sheet are required and positive, a
// headcount is at most MaxHeadcount, a partner's share lies within the
// partner range of the size facts, and partner and linked figures are not
// negative. One check per rule; a figure's path (at+field, or
// at+list+index+field in a list) is built only for an error.
func (e *Enterprise) check(at string, f *sizeFacts, errs []*medsec.FieldError) []*medsec.FieldError {
	errs = positive(errs, e.Headcount, at, "/headcount", msgHintHeadcount)
	errs = atMost(errs, e.Headcount, MaxHeadcount, at, "", 0, "/headcount")
	errs = positive(errs, float64(e.TurnoverEUR), at, "/turnoverEur", msgHintTurnover)
	errs = positive(errs, float64(e.BalanceSheetEUR), at, "/balanceSheetEur", msgHintBalance)
	for i := range e.Partners {
		p := &e.Partners[i]
		errs = atLeast(errs, p.SharePercent, f.partners.shareFrom, at, "/partners/", i, "/sharePercent")
		errs = atMost(errs, p.SharePercent, f.partners.shareTo, at, "/partners/", i, "/sharePercent")
		errs = atLeast(errs, p.Headcount, 0, at, "/partners/", i, "/headcount")
		errs = atMost(errs, p.Headcount, MaxHeadcount, at, "/partners/", i, "/headcount")
		errs = atLeast(errs, float64(p.TurnoverEUR), 0, at, "/partners/", i, "/turnoverEur")
		errs = atLeast(errs, float64(p.BalanceSheetEUR), 0, at, "/partners/", i, "/balanceSheetEur")
	}
	for i := range e.Linked {
		l := &e.Linked[i]
		errs = atLeast(errs, l.Headcount, 0, at, "/linked/", i, "/headcount")
		errs = atMost(errs, l.Headcount, MaxHeadcount, at, "/linked/", i, "/headcount")
		errs = atLeast(errs, float64(l.TurnoverEUR), 0, at, "/linked/", i, "/turnoverEur")
		errs = atLeast(errs, float64(l.BalanceSheetEUR), 0, at, "/linked/", i, "/balanceSheetEur")
	}
	return errs
}

// positive checks a required figure: zero is missing, below zero (or NaN)
// is an error.
func positive(errs []*medsec.FieldError, v float64, at, field string, hint medsec.MessageTemplate) []*medsec.FieldError {
	if v > 0 {
		return errs
	}
	return append(errs, notPositive(v, at, field, hint))
}

// notPositive is the error of a required figure that is missing (zero) or
// not positive.
func notPositive(v float64, at, field string, hint medsec.MessageTemplate) *medsec.FieldError {
	if v == 0 {
		return required(at+field, hint)
	}
	return figureError("gt", v, 0, at, "", 0, field)
}

// atLeast checks v ≥ limit; NaN fails.
func atLeast(errs []*medsec.FieldError, v, limit float64, at, list string, i int, field string) []*medsec.FieldError {
	if v >= limit {
		return errs
	}
	return append(errs, figureError("gte", v, limit, at, list, i, field))
}

// atMost checks v ≤ limit; NaN passes, since atLeast or positive reports
// it.
func atMost(errs []*medsec.FieldError, v, limit float64, at, list string, i int, field string) []*medsec.FieldError {
	if !(v > limit) {
		return errs
	}
	return append(errs, figureError("lte", v, limit, at, list, i, field))
}

// figureError is the error of a figure of value v that breaks rule ("gt",
// "gte" or "lte") with the given limit.
func figureError(rule string, v, limit float64, at, list string, i int, field string) *medsec.FieldError {
	path := at + field
	if list != "" {
		path = at + list + strconv.Itoa(i) + field
	}
	t := msgErrGreater
	switch rule {
	case "gte":
		t = msgErrMin
	case "lte":
		t = msgErrMax
	}
	return &medsec.FieldError{Path: path, Rule: rule, Value: number(v), Message: t.New(number(limit), number(v))}
}

// number formats a figure as an error message shows it.
func number(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// NIS2Input describes an entity to classify under NIS2.
type NIS2Input struct {
	// Entity names the entity in the reasons (optional).
	Entity string `json:"entity,omitempty"`
	// Type is the entity type. Required.
	Type EntityType `json:"type"`
	// Enterprise holds the figures for the size class. Required.
	Enterprise Enterprise `json:"enterprise"`
	// CriticalEntity: identified as a critical entity under Directive (EU)
	// 2022/2557 (essential regardless of size). Unverified rule.
	CriticalEntity bool `json:"criticalEntity,omitempty"`
	// SoleProvider: the sole provider in the member state of a service
	// essential to society or the economy (in scope regardless of size).
	// Unverified rule.
	SoleProvider bool `json:"soleProvider,omitempty"`
	// MemberStateEssential: identified by the member state as essential
	// regardless of size. Unverified rule.
	MemberStateEssential bool `json:"memberStateEssential,omitempty"`
}

// NIS2Result is the NIS2 classification of one entity.
type NIS2Result struct {
	Result
	// Class is essential, important or out of scope.
	Class EntityClass `json:"class"`
	// Size is the size class of the aggregated figures.
	Size SizeClass `json:"size"`
	// Figures are the aggregated figures the size was computed from.
	Figures Figures `json:"figures"`
}

// NIS2 classifies a health-sector entity under the NIS2 Directive with
// the grader of the default registry; see [Grader.NIS2].
func NIS2(in NIS2Input, opts Options) (NIS2Result, error) {
	g, err := defaultGrader()
	if err != nil {
		return NIS2Result{}, err
	}
	return g.NIS2(in, opts)
}

// NIS2 classifies a health-sector entity under the NIS2 Directive: Annex I
// types above the medium-sized ceilings are essential; other Annex I and
// Annex II types of at least medium size are important; the rest are out
// of scope, unless a size-independent designation applies (those rules are
// recorded from recollection: confidence Unverified). opts.AsOf is
// required and must not be before the directive entered into force; before
// the day NIS2 applies to entities, a reason says that member states were
// still transposing it.
func (g *Grader) NIS2(in NIS2Input, opts Options) (NIS2Result, error) {
	if g == nil {
		return NIS2Result{}, errNilGrader
	}
	f, sz := g.nis2, g.size
	switch {
	case f == nil:
		return NIS2Result{}, noFacts(SchemeNIS2, "nis2")
	case sz == nil:
		return NIS2Result{}, noFacts(SchemeNIS2, "enterpriseSize")
	}
	day := opts.AsOf
	if !day.Valid() || !f.period.Contains(day) {
		return NIS2Result{}, asOfError(day, SchemeNIS2, f.period.From)
	}
	var errs []*medsec.FieldError
	switch {
	case in.Type == EntityTypeUnknown:
		errs = append(errs, required("/type", msgHintNIS2Type))
	case !in.Type.Valid():
		errs = append(errs, invalid("/type", in.Type))
	}
	if errs = in.Enterprise.check("/enterprise", sz, errs); len(errs) > 0 {
		return NIS2Result{}, inputError(SchemeNIS2, errs...)
	}

	r := NIS2Result{Figures: in.Enterprise.Aggregate()}
	r.Scheme, r.AsOf = SchemeNIS2, day
	r.Size = sz.classify(r.Figures)
	sizeConf := sz.conf
	if len(in.Enterprise.Linked) > 0 {
		sizeConf = sizeConf.Min(sz.linked.conf)
	}
	if len(in.Enterprise.Partners) > 0 {
		sizeConf = sizeConf.Min(sz.partners.conf)
	}
	listing := f.types[in.Type]
	bySize, conf := OutOfScope, f.notListed.conf
	if listing != nil {
		conf = listing.conf.Min(sizeConf).Min(f.sizeFloor.conf)
		switch {
		case listing.essentialIn && slices.Contains(f.essentialBy, r.Size):
			bySize, conf = Essential, conf.Min(f.essential.conf)
		case slices.Contains(f.inScope, r.Size):
			bySize, conf = Important, conf.Min(f.important.conf)
		}
	}
	byDesig, desigConf := OutOfScope, medsec.ConfidenceUnknown
	if listing != nil {
		for i := range f.designations {
			d := &f.designations[i]
			switch {
			case !in.has(d.when):
			case d.makes > byDesig:
				byDesig, desigConf = d.makes, d.conf
			case d.makes == byDesig:
				desigConf = stronger(desigConf, d.conf)
			}
		}
	}
	r.Class, r.Confidence = bySize, conf
	if byDesig > bySize {
		r.Class, r.Confidence = byDesig, desigConf.Min(listing.conf)
		if byDesig == Important {
			r.Confidence = r.Confidence.Min(f.important.conf)
		}
	}
	if opts.LevelOnly {
		return r, nil
	}
	reasons := make([]medsec.Message, 0, 8)
	var cites []medsec.Citation
	if day.Before(f.application) {
		reasons = append(reasons, f.transposing.New(day, f.application))
	}
	if listing != nil {
		reasons = append(reasons, listing.reason.New(in.Type.Message()))
		cites = appendCites(cites, listing.cite)
	} else {
		reasons = append(reasons, f.notListed.reason.New(in.Type.Message()))
		cites = appendCites(cites, f.notListed.cites...)
	}
	if n, p := len(in.Enterprise.Linked), len(in.Enterprise.Partners); n+p > 0 {
		reasons = append(reasons, sz.reason.New(n, p))
		if n > 0 {
			cites = appendCites(cites, sz.linked.cites...)
		}
		if p > 0 {
			cites = appendCites(cites, sz.partners.cites...)
		}
	}
	reasons = append(reasons, msgNIS2Size.New(r.Size.Message(), r.Figures.Headcount, r.Figures.TurnoverEUR, r.Figures.BalanceSheetEUR))
	cites = appendCites(cites, sz.cites...)
	if listing != nil {
		switch {
		case bySize == Essential:
			reasons = append(reasons, f.essential.reason.New())
			cites = appendCites(cites, f.essential.cites...)
		case bySize == Important:
			reasons = append(reasons, f.important.reason.New())
			cites = appendCites(cites, f.important.cites...)
		case byDesig == OutOfScope:
			reasons = append(reasons, f.sizeFloor.reason.New())
			cites = appendCites(cites, f.sizeFloor.cites...)
		}
		for i := range f.designations {
			d := &f.designations[i]
			if !in.has(d.when) {
				continue
			}
			reasons = append(reasons, d.reason.New())
			cites = appendCites(cites, d.cites...)
			if d.makes == Important && byDesig == Important && bySize < Important {
				reasons = append(reasons, f.important.reason.New())
				cites = appendCites(cites, f.important.cites...)
			}
		}
	}
	reasons = append(reasons, resultMessage(in.Entity, r.Class.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}
