package grading

import (
	"math"

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

// Annex returns "Annex I" or "Annex II" for listed types, "" otherwise.
func (t EntityType) Annex() string {
	switch {
	case t >= HealthcareProvider && t <= CriticalDevices:
		return "Annex I"
	case t == MedicalDevices:
		return "Annex II"
	}
	return ""
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
	Headcount float64 `json:"headcount" validate:"required,gt=0,lte=100000000"`
	// TurnoverEUR is the annual turnover in euros. Required.
	TurnoverEUR int64 `json:"turnoverEur" validate:"required,gt=0"`
	// BalanceSheetEUR is the annual balance-sheet total in euros. Required.
	BalanceSheetEUR int64 `json:"balanceSheetEur" validate:"required,gt=0"`
	// Partners are partner enterprises (a holding of 25 % to 50 % either
	// way): their figures are added in proportion to the share.
	Partners []Partner `json:"partners,omitempty" validate:"dive"`
	// Linked are linked enterprises (a majority tie either way): their
	// figures are added in full.
	Linked []Linked `json:"linked,omitempty" validate:"dive"`
}

// A Partner is a partner enterprise with the share (capital or voting
// rights, whichever is higher) in percent.
type Partner struct {
	SharePercent    float64 `json:"sharePercent" validate:"gte=25,lte=50"`
	Headcount       float64 `json:"headcount" validate:"gte=0,lte=100000000"`
	TurnoverEUR     int64   `json:"turnoverEur" validate:"gte=0"`
	BalanceSheetEUR int64   `json:"balanceSheetEur" validate:"gte=0"`
}

// Linked is a linked enterprise's figures.
type Linked struct {
	Headcount       float64 `json:"headcount" validate:"gte=0,lte=100000000"`
	TurnoverEUR     int64   `json:"turnoverEur" validate:"gte=0"`
	BalanceSheetEUR int64   `json:"balanceSheetEur" validate:"gte=0"`
}

// Figures are aggregated enterprise figures.
type Figures struct {
	Headcount       float64 `json:"headcount"`
	TurnoverEUR     int64   `json:"turnoverEur"`
	BalanceSheetEUR int64   `json:"balanceSheetEur"`
}

// MaxHeadcount bounds every headcount of an [Enterprise], its partners
// and linked enterprises: no enterprise has a hundred million staff, and
// the bound keeps infinite and absurd figures out of the arithmetic.
const MaxHeadcount = 100_000_000

// valid mirrors the validate tags of Enterprise, Partner and Linked.
func (e *Enterprise) valid() bool {
	if !(e.Headcount > 0 && e.Headcount <= MaxHeadcount && e.TurnoverEUR > 0 && e.BalanceSheetEUR > 0) {
		return false
	}
	for _, p := range e.Partners {
		if !(p.SharePercent >= 25 && p.SharePercent <= 50 && p.Headcount >= 0 && p.Headcount <= MaxHeadcount &&
			p.TurnoverEUR >= 0 && p.BalanceSheetEUR >= 0) {
			return false
		}
	}
	for _, l := range e.Linked {
		if !(l.Headcount >= 0 && l.Headcount <= MaxHeadcount && l.TurnoverEUR >= 0 && l.BalanceSheetEUR >= 0) {
			return false
		}
	}
	return true
}

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

// The ceilings of Recommendation 2003/361/EC (Annex art. 2).
const (
	SmallStaff     = 50         // small: fewer than 50 staff ...
	SmallMoneyEUR  = 10_000_000 // ... and turnover or balance sheet at most EUR 10 M
	MediumStaff    = 250        // medium: fewer than 250 staff ...
	MediumTurnover = 50_000_000 // ... and turnover at most EUR 50 M
	MediumBalance  = 43_000_000 // ... or balance sheet at most EUR 43 M
)

// Size returns the size class of aggregated figures: small if headcount <
// 50 and (turnover ≤ EUR 10 M or balance sheet ≤ EUR 10 M); otherwise
// medium if headcount < 250 and (turnover ≤ EUR 50 M or balance sheet ≤
// EUR 43 M); otherwise large. Micro enterprises count as small.
func (f Figures) Size() SizeClass {
	switch {
	case f.Headcount < SmallStaff && (f.TurnoverEUR <= SmallMoneyEUR || f.BalanceSheetEUR <= SmallMoneyEUR):
		return Small
	case f.Headcount < MediumStaff && (f.TurnoverEUR <= MediumTurnover || f.BalanceSheetEUR <= MediumBalance):
		return Medium
	}
	return Large
}

// NIS2Input describes an entity to classify under NIS2.
type NIS2Input struct {
	// Entity names the entity in the reasons (optional).
	Entity string `json:"entity,omitempty"`
	// Type is the entity type. Required.
	Type EntityType `json:"type" validate:"set"`
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

// NIS2 classifies a health-sector entity under the NIS2 Directive: Annex I
// types above the medium-sized ceilings are essential; other Annex I and
// Annex II types of at least medium size are important; the rest are out
// of scope, unless a size-independent designation applies (those rules are
// recorded from recollection: confidence Unverified).
func NIS2(in NIS2Input, opts Options) (NIS2Result, error) {
	ds := &rules
	if !in.Type.Valid() || !in.Enterprise.valid() {
		// validator/v10 names every broken field; the quick check above
		// mirrors its tags (a test keeps them in step) so that valid input
		// skips reflection.
		cp := in // only this copy escapes to the validator
		if err := structErrors(SchemeNIS2, &cp); err != nil {
			return NIS2Result{}, err
		}
	}
	day, err := asOf(opts, SchemeNIS2, ds.nis2, ds.newest)
	if err != nil {
		return NIS2Result{}, err
	}
	r := NIS2Result{Figures: in.Enterprise.Aggregate()}
	r.Scheme, r.AsOf = SchemeNIS2, day
	r.Size = r.Figures.Size()
	sizeConf := medsec.Verified
	if len(in.Enterprise.Partners) > 0 {
		sizeConf = medsec.Partial // the pro-rata rule's placement is recollection
	}
	annex := in.Type.Annex()
	bySize, conf := OutOfScope, medsec.Verified
	switch {
	case annex == "":
	case annex == "Annex I" && r.Size == Large:
		bySize, conf = Essential, sizeConf
	case r.Size >= Medium:
		bySize, conf = Important, sizeConf
	default:
		conf = sizeConf
	}
	byDesig := OutOfScope
	if annex != "" {
		switch {
		case in.CriticalEntity || in.MemberStateEssential:
			byDesig = Essential
		case in.SoleProvider:
			byDesig = Important
		}
	}
	r.Class, r.Confidence = bySize, conf
	if byDesig > bySize {
		r.Class, r.Confidence = byDesig, medsec.Unverified
	}
	if opts.LevelOnly {
		return r, nil
	}
	reasons := make([]medsec.Message, 0, 8)
	cites := make([]medsec.Citation, 0, 6)
	if day.Before(ds.nis2Apply) {
		reasons = append(reasons, msgNIS2Transposing.New(day, ds.nis2Apply))
	}
	switch annex {
	case "Annex I":
		reasons = append(reasons, msgNIS2Annex1.New(in.Type.Message()))
		cites = append(cites, medsec.Cite("EU-NIS2", "Annex I"))
	case "Annex II":
		reasons = append(reasons, msgNIS2Annex2.New(in.Type.Message()))
		cites = append(cites, medsec.Cite("EU-NIS2", "Annex II"))
	default:
		reasons = append(reasons, msgNIS2NotListed.New(in.Type.Message()))
		cites = append(cites, medsec.Cite("EU-NIS2", "2", "1"))
	}
	if n, p := len(in.Enterprise.Linked), len(in.Enterprise.Partners); n+p > 0 {
		reasons = append(reasons, msgNIS2Aggregate.New(n, p))
		cites = append(cites, medsec.Cite("EU-REC-2003-361", "Annex 3"), medsec.Cite("EU-REC-2003-361", "Annex 6"))
	}
	reasons = append(reasons, msgNIS2Size.New(r.Size.Message(), r.Figures.Headcount, r.Figures.TurnoverEUR, r.Figures.BalanceSheetEUR))
	cites = append(cites, medsec.Cite("EU-REC-2003-361", "Annex 2"))
	if annex != "" {
		switch bySize {
		case Essential:
			reasons = append(reasons, msgNIS2Large.New())
			cites = append(cites, medsec.Cite("EU-NIS2", "3", "1", "a"))
		case Important:
			reasons = append(reasons, msgNIS2Important.New())
			cites = append(cites, medsec.Cite("EU-NIS2", "3", "2"))
		default:
			if byDesig == OutOfScope {
				reasons = append(reasons, msgNIS2Small.New())
				cites = append(cites, medsec.Cite("EU-NIS2", "2", "1"))
			}
		}
		if in.CriticalEntity {
			reasons = append(reasons, msgNIS2Critical.New())
			cites = append(cites, medsec.Cite("EU-NIS2", "3", "1", "f"))
		}
		if in.MemberStateEssential {
			reasons = append(reasons, msgNIS2MemberState.New())
			cites = append(cites, medsec.Cite("EU-NIS2", "3", "1", "e"))
		}
		if in.SoleProvider {
			reasons = append(reasons, msgNIS2Sole.New())
			cites = append(cites, medsec.Cite("EU-NIS2", "2", "2", "b"))
			if byDesig == Important && bySize < Important {
				reasons = append(reasons, msgNIS2Important.New())
				cites = append(cites, medsec.Cite("EU-NIS2", "3", "2"))
			}
		}
	}
	reasons = append(reasons, resultMessage(in.Entity, r.Class.Message(), r.Confidence))
	r.Reasons, r.Citations = reasons, cites
	return r, nil
}
