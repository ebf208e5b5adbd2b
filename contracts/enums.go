package contracts

import (
	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
)

// names is the text form of this package's enumerations.
type names = enum.Names

// A ClauseKind says what a [Clause] is about. The zero value is unknown and
// fails validation.
type ClauseKind uint8

// The clause kinds. Their text forms ("security-obligations", ...) are what
// contract JSON uses.
const (
	KindUnknown           ClauseKind = iota
	SecurityObligations              // written security duties of the vendor
	LiabilityForBreach               // liability for breach of contract (违约责任)
	Confidentiality                  // confidentiality of hospital information
	DataProtection                   // personal-data processing terms
	DataLocalisation                 // where data is stored; transfers abroad
	IncidentNotification             // vendor tells the hospital of incidents
	VulnerabilityHandling            // vulnerability disclosure and remediation
	Patching                         // security patches and their deadlines
	RemoteAccessControl              // how the vendor reaches hospital systems
	RightToAudit                     // the hospital may audit or test
	Subcontracting                   // flow-down to subcontractors
	PersonnelScreening               // vetted and named vendor staff
	Training                         // training and awareness for hospital staff
	SecureDevelopment                // secure development, threat model
	SBOM                             // software bill of materials, component list
	EndOfSupport                     // support period and end-of-support notice
	ExitAndDataReturn                // termination, data return and deletion
	BusinessContinuity               // continuity, recovery times, service levels
	Certification                    // certifications kept during the term
	Logging                          // security logs and their export
	numClauseKinds
)

var clauseKindNames = names{"unknown", "security-obligations", "liability-for-breach", "confidentiality",
	"data-protection", "data-localisation", "incident-notification", "vulnerability-handling", "patching",
	"remote-access-control", "right-to-audit", "subcontracting", "personnel-screening", "training",
	"secure-development", "sbom", "end-of-support", "exit-and-data-return", "business-continuity",
	"certification", "logging"}

// ClauseKinds returns every valid clause kind in order.
func ClauseKinds() []ClauseKind {
	out := make([]ClauseKind, 0, numClauseKinds-1)
	for k := SecurityObligations; k < numClauseKinds; k++ {
		out = append(out, k)
	}
	return out
}

// Valid reports whether k is one of the named kinds.
func (k ClauseKind) Valid() bool { return k > KindUnknown && k < numClauseKinds }

// String returns the text form, e.g. "incident-notification".
func (k ClauseKind) String() string { return clauseKindNames.String(uint8(k), "ClauseKind") }

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (k ClauseKind) MarshalText() ([]byte, error) {
	return clauseKindNames.Marshal("contracts", uint8(k), "clause kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ClauseKind) UnmarshalText(b []byte) error {
	v, err := clauseKindNames.Parse("contracts", b, "clause kind")
	*k = ClauseKind(v)
	return err
}

// Message returns the kind's translatable name.
func (k ClauseKind) Message() medsec.Message {
	if k.Valid() {
		return kindTemplates[k].New()
	}
	return msgKindUnknown.New()
}

// A Category is the type of procurement a contract belongs to, after the
// "types of procurement" of the ENISA procurement guidelines (section 2.2).
// The section's exact list was not read: the categories are a working list
// of medsec and their confidence is [medsec.Unverified] (see
// [CategoryConfidence]). The zero value is unknown and fails validation.
type Category uint8

// The procurement categories. ID returns the working-list identifier
// ("PT-CIS"); the JSON text form is the readable name.
const (
	CategoryUnknown           Category = iota
	ClinicalInformationSystem          // PT-CIS: EHR/HIS, LIS, RIS/PACS
	MedicalDevice                      // PT-MD: medical devices, incl. networked ones
	NetworkEquipment                   // PT-NET: networking equipment
	RemoteCare                         // PT-RCS: telemedicine, remote monitoring
	MobileClientDevice                 // PT-MOB: mobile client devices
	IdentificationSystem               // PT-ID: badges, patient/staff ID, access
	IndustrialControlSystem            // PT-ICS: industrial control systems
	BuildingManagement                 // PT-BMS: building management systems
	ProfessionalServices               // PT-PRO: maintenance, consulting, outsourcing
	CloudServices                      // PT-CLOUD: cloud services
	numCategories
)

var categoryNames = names{"unknown", "clinical-information-system", "medical-device", "network-equipment",
	"remote-care", "mobile-client-device", "identification-system", "industrial-control-system",
	"building-management", "professional-services", "cloud-services"}

var categoryIDs = [...]string{"", "PT-CIS", "PT-MD", "PT-NET", "PT-RCS", "PT-MOB", "PT-ID", "PT-ICS", "PT-BMS", "PT-PRO", "PT-CLOUD"}

// CategoryConfidence is the confidence of the category list as a whole:
// ENISA's section 2.2 exists, but its list was not read.
const CategoryConfidence = medsec.Unverified

// Categories returns every valid category in order.
func Categories() []Category {
	out := make([]Category, 0, numCategories-1)
	for c := ClinicalInformationSystem; c < numCategories; c++ {
		out = append(out, c)
	}
	return out
}

// Valid reports whether c is one of the named categories.
func (c Category) Valid() bool { return c > CategoryUnknown && c < numCategories }

// String returns the text form, e.g. "medical-device".
func (c Category) String() string { return categoryNames.String(uint8(c), "Category") }

// ID returns the working-list identifier, e.g. "PT-MD", or "" if c is not valid.
func (c Category) ID() string {
	if !c.Valid() {
		return ""
	}
	return categoryIDs[c]
}

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (c Category) MarshalText() ([]byte, error) {
	return categoryNames.Marshal("contracts", uint8(c), "category")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Category) UnmarshalText(b []byte) error {
	v, err := categoryNames.Parse("contracts", b, "category")
	*c = Category(v)
	return err
}

// Message returns the category's translatable name.
func (c Category) Message() medsec.Message {
	if c.Valid() {
		return categoryTemplates[c].New()
	}
	return msgCategoryUnknown.New()
}

// A Severity says how strongly a finding asks for a change.
type Severity uint8

// The severities.
const (
	SeverityUnknown Severity = iota
	// Required: a legal rule asks for the clause or the value.
	Required
	// Recommended: a good practice (ENISA) or a practical deadline asks for it.
	Recommended
)

var severityNames = names{"unknown", "required", "recommended"}

// Valid reports whether s is one of the named severities.
func (s Severity) Valid() bool { return s == Required || s == Recommended }

// String returns the text form, e.g. "required".
func (s Severity) String() string { return severityNames.String(uint8(s), "Severity") }

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (s Severity) MarshalText() ([]byte, error) {
	return severityNames.Marshal("contracts", uint8(s), "severity")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := severityNames.Parse("contracts", b, "severity")
	*s = Severity(v)
	return err
}

// Message returns the severity's translatable name.
func (s Severity) Message() medsec.Message {
	switch s {
	case Required:
		return msgSeverityRequired.New()
	case Recommended:
		return msgSeverityRecommended.New()
	}
	return msgSeverityUnknown.New()
}

// A Problem says what is wrong with the contract in a [Finding].
type Problem uint8

// The problems.
const (
	ProblemUnknown Problem = iota
	// Missing: the contract has no clause of the required kind.
	Missing
	// Weak: the clause or a data-handling value is there but too weak.
	Weak
)

var problemNames = names{"unknown", "missing", "weak"}

// Valid reports whether p is one of the named problems.
func (p Problem) Valid() bool { return p == Missing || p == Weak }

// String returns the text form, e.g. "missing".
func (p Problem) String() string { return problemNames.String(uint8(p), "Problem") }

// MarshalText implements [encoding.TextMarshaler]; the zero value is an error.
func (p Problem) MarshalText() ([]byte, error) {
	return problemNames.Marshal("contracts", uint8(p), "problem")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *Problem) UnmarshalText(b []byte) error {
	v, err := problemNames.Parse("contracts", b, "problem")
	*p = Problem(v)
	return err
}
