package assist

import (
	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// A Provider is the healthcare provider behind a [Need]: who it is, where,
// and how the law classes it. It is deliberately small; a later medsec
// release replaces it with the institution type that grading, obligations
// and contracts share, keeping these JSON names.
type Provider struct {
	// ID identifies the provider in the committee's records, e.g. its
	// IČO or an internal number. Required.
	ID string `json:"id"`
	// Name is the provider's name, e.g. "Fakultní nemocnice Ukázková". Required.
	Name string `json:"name"`
	// Type is the kind of provider. Required.
	Type ProviderType `json:"type"`
	// Region is where the provider is: a subdivision code such as "CZ-64".
	// On-site help is matched against it. Required.
	Region Region `json:"region"`
	// NIS2 is the provider's entity class under NIS2 art. 3, when known
	// (see grading.NIS2). Optional.
	NIS2 grading.EntityClass `json:"nis2,omitempty"`
	// CZ is the provider's regime under the Czech Act 264/2025 Sb., when
	// known (see grading.Czech). Optional.
	CZ grading.CZRegime `json:"cz,omitempty"`
}

// Class returns the provider's priority class within a tier, and the
// message that says where it comes from. An essential entity or a
// provider in the Czech higher regime is [ClassHigh]; an important entity
// or one in the lower regime is [ClassMid]; anything else, including a
// provider whose class is not stated, is [ClassOther]. When the NIS2 class
// and the Czech regime differ, the higher of the two counts: Act 264/2025
// transposes NIS2, with the higher regime corresponding to essential and
// the lower to important entities (CZ-ZKB-264-2025 § 8), so a difference
// means one of the two statements is out of date, and the provider is not
// put behind others for it.
func (p Provider) Class() (Class, medsec.Message) {
	nis2, cz := ClassOther, ClassOther
	switch p.NIS2 {
	case grading.Essential:
		nis2 = ClassHigh
	case grading.Important:
		nis2 = ClassMid
	}
	switch p.CZ {
	case grading.CZHigher:
		cz = ClassHigh
	case grading.CZLower:
		cz = ClassMid
	}
	switch {
	case nis2 <= cz && p.NIS2.Valid():
		return nis2, msgClassFromNIS2.New(p.NIS2.Message())
	case p.CZ.Valid():
		return cz, msgClassFromCZ.New(p.CZ.Message())
	}
	return ClassOther, msgClassNotStated.New()
}

// classBasis returns the provisions behind a class statement.
func (p Provider) classBasis() []medsec.Citation {
	var out []medsec.Citation
	if p.NIS2.Valid() {
		out = append(out, medsec.Cite("EU-NIS2", "3"))
	}
	if p.CZ.Valid() {
		out = append(out, medsec.Cite("CZ-ZKB-264-2025", "8"))
	}
	return out
}

func (p Provider) validate(e *errList, path string) {
	e.id(path+"/id", p.ID)
	e.text(path+"/name", p.Name, true, maxName)
	if !p.Type.Valid() {
		e.required(path + "/type")
	}
	if p.Region == "" {
		e.required(path + "/region")
	} else if rule, m := p.Region.check(true); rule != "" {
		e.add(path+"/region", rule, string(p.Region), m)
	}
}
