package contracts

import (
	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// A Contract is the security-relevant data of one contract between a
// hospital (the institution) and a vendor, as the vendor sends it. The JSON
// names in the struct tags are the wire format; [JSONSchema] describes it.
//
// Use [Decode] to read one, [Validate] to check its structure and [Check] to
// compare its clauses with what the law and ENISA's good practices ask.
type Contract struct {
	// ID identifies the contract (a UUID).
	ID uuid.UUID `json:"id" validate:"required"`
	// Jurisdiction is the law whose clause rules the contract is checked
	// against: a jurisdiction that the checker's registry declares (the
	// embedded one declares CN, CZ, EU and VN) and one of the
	// institution's. A Czech hospital is under CZ and EU law, but NIS2
	// binds it through Czech law, so its contracts give CZ.
	Jurisdiction medsec.Jurisdiction `json:"jurisdiction" validate:"required"`
	// Institution is the hospital or other healthcare institution, in the
	// form grading and obligations share. Its Systems are the systems the
	// contract touches, with their grades: an MLPS level for each system of
	// a Chinese contract, a Vietnamese level for a Vietnamese one, none for
	// EU and Czech ones; at least one and at most 1000 (no law limits them:
	// the bound keeps hostile input small, and a contract that touches more
	// systems lists them in an annex). Its flags (those of the institution
	// and of these systems) and its NIS2 class and Czech regime decide which
	// rules apply: "cii" marks an operator of critical information
	// infrastructure and "central-organ" a central or state organ, for
	// China's incident deadlines; NIS2 is required for EU and Czech
	// contracts and CZ for Czech ones. Besides what
	// [grading.Institution.Validate] asks, a contract's institution needs a
	// name and an ISO 3166-1 country code.
	Institution grading.Institution `json:"institution" validate:"required"`
	// Vendor is the supplier.
	Vendor Vendor `json:"vendor" validate:"required"`
	// SignificantSupplier says the institution treats the vendor as a
	// significant supplier (významný dodavatel) under Czech law. Some Czech
	// supplier-contract areas apply only to such contracts: until
	// 2025-10-31 those of Decree 82/2018 Annex 7 (only obliged bodies under
	// Act 181/2014 had significant suppliers, so the flag implies one);
	// from 2025-11-01, for institutions in the higher regime, those of
	// Decree 409/2025 § 9 and its Annex 6. The lower regime's rule
	// (Decree 410/2025 § 3(5)) binds every supplier and ignores it, as do
	// other jurisdictions.
	SignificantSupplier bool `json:"significantSupplier,omitempty"`
	// Category is the procurement category (ENISA working list; unverified).
	Category Category `json:"category" validate:"required,valid"`
	// Term is the contract's duration.
	Term Term `json:"term" validate:"required"`
	// DataHandling says what data the vendor handles and where.
	DataHandling DataHandling `json:"dataHandling" validate:"required"`
	// Clauses are the contract's security-relevant clauses.
	Clauses []Clause `json:"clauses" validate:"required,min=1,max=200,dive"`
}

// A Vendor is the supplier.
type Vendor struct {
	// Name is the vendor's legal name.
	Name string `json:"name" validate:"required,max=300"`
	// Country is the ISO 3166-1 alpha-2 code of the vendor's seat.
	Country string `json:"country" validate:"required,iso3166_1_alpha2"`
	// RegistrationID is the vendor's company registration number.
	RegistrationID string `json:"registrationId" validate:"required,max=100"`
	// SecurityContact is who the hospital calls about security matters.
	SecurityContact Contact `json:"securityContact" validate:"required"`
}

// A Contact is a person or desk reachable about security matters.
type Contact struct {
	// Name is the person's or desk's name.
	Name string `json:"name,omitempty" validate:"max=200"`
	// Email is an e-mail address.
	Email string `json:"email" validate:"required,email,max=254"`
	// Phone is an international number: "+", country code and digits,
	// optionally grouped by spaces or hyphens.
	Phone string `json:"phone" validate:"required,phone"`
}

// A Term is a contract's duration. Both days belong to it, so End may not
// be before Start, and a term of one day has Start == End.
type Term struct {
	// Start is the first day of the contract.
	Start medsec.Date `json:"start" validate:"required,date"`
	// End is the last day of the contract.
	End medsec.Date `json:"end" validate:"required,date"`
}

// DataHandling declares what data the vendor handles and where. The flags
// are pointers so that a missing declaration is an error rather than a
// silent "no".
type DataHandling struct {
	// HealthData: the vendor stores, processes or can see health data.
	HealthData *bool `json:"healthData" validate:"required"`
	// PersonalData: the vendor handles personal data.
	PersonalData *bool `json:"personalData" validate:"required"`
	// StorageCountry is the ISO 3166-1 alpha-2 code of where the data is
	// stored; required when health or personal data is handled.
	StorageCountry string `json:"storageCountry,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	// CrossBorderTransfer: data leaves the institution's country.
	CrossBorderTransfer *bool `json:"crossBorderTransfer" validate:"required"`
	// RemoteAccess: the vendor reaches the institution's systems remotely.
	RemoteAccess *bool `json:"remoteAccess" validate:"required"`
}

// A Clause is one security-relevant clause of a contract: its kind, its
// typed parameters, its text and, optionally, the legal provisions it
// implements. Each parameter belongs to certain kinds (see
// [ClauseKind.Params]); a parameter on another kind is an error.
type Clause struct {
	// Kind says what the clause is about.
	Kind ClauseKind `json:"kind" validate:"required,valid"`
	// Text is the clause's wording (any language).
	Text string `json:"text" validate:"required,max=20000"`
	// Citations are the provisions the clause implements; each must name
	// an instrument (and article) of the checker's registry.
	Citations []medsec.Citation `json:"citations,omitempty" validate:"max=20"`

	// NotifyWithinHours is the incident notice period (incident-notification).
	NotifyWithinHours *int `json:"notifyWithinHours,omitempty" validate:"omitempty,max=8760"`
	// RemediationDays are the fix deadlines by severity
	// (vulnerability-handling, patching).
	RemediationDays *RemediationDays `json:"remediationDays,omitempty"`
	// SupportEndDate is the last day of security updates (end-of-support).
	SupportEndDate medsec.Date `json:"supportEndDate,omitzero" validate:"omitempty,date"`
	// RTOHours is the recovery time objective in hours
	// (business-continuity).
	RTOHours *int `json:"rtoHours,omitempty" validate:"omitempty,max=8760"`
	// RPOHours is the recovery point objective in hours
	// (business-continuity); 0 means no data loss.
	RPOHours *int `json:"rpoHours,omitempty" validate:"omitempty,max=8760"`
	// ViaHospitalGateway: remote access only through a gateway the
	// hospital controls (remote-access-control).
	ViaHospitalGateway *bool `json:"viaHospitalGateway,omitempty"`
	// MFA: remote access needs multi-factor authentication
	// (remote-access-control).
	MFA *bool `json:"mfa,omitempty"`
	// TransferAssessment: a security assessment precedes any transfer of
	// data abroad (data-localisation).
	TransferAssessment *bool `json:"transferAssessment,omitempty"`
	// DataReturnDays is the time to return and delete data after the end
	// of the contract (exit-and-data-return).
	DataReturnDays *int `json:"dataReturnDays,omitempty" validate:"omitempty,max=3650"`
	// LogRetentionDays is how long security logs are kept (logging).
	LogRetentionDays *int `json:"logRetentionDays,omitempty" validate:"omitempty,max=36500"`
}

// RemediationDays are the deadlines, in days, to fix a vulnerability by
// severity. A stricter severity must not get a longer deadline: critical ≤
// high ≤ medium ≤ low.
type RemediationDays struct {
	// Critical is the deadline for critical vulnerabilities (required).
	Critical *int `json:"critical" validate:"required,max=3650"`
	// High is the deadline for high-severity vulnerabilities (required).
	High *int `json:"high" validate:"required,max=3650"`
	// Medium is the deadline for medium-severity vulnerabilities.
	Medium *int `json:"medium,omitempty" validate:"omitempty,max=3650"`
	// Low is the deadline for low-severity vulnerabilities.
	Low *int `json:"low,omitempty" validate:"omitempty,max=3650"`
}

// A Param names a typed clause parameter by its JSON name.
type Param string

// The clause parameters.
const (
	ParamNotifyWithinHours  Param = "notifyWithinHours"
	ParamRemediationDays    Param = "remediationDays"
	ParamSupportEndDate     Param = "supportEndDate"
	ParamRTOHours           Param = "rtoHours"
	ParamRPOHours           Param = "rpoHours"
	ParamViaHospitalGateway Param = "viaHospitalGateway"
	ParamMFA                Param = "mfa"
	ParamTransferAssessment Param = "transferAssessment"
	ParamDataReturnDays     Param = "dataReturnDays"
	ParamLogRetentionDays   Param = "logRetentionDays"
)

var paramKinds = map[Param][]ClauseKind{
	ParamNotifyWithinHours:  {IncidentNotification},
	ParamRemediationDays:    {VulnerabilityHandling, Patching},
	ParamSupportEndDate:     {EndOfSupport},
	ParamRTOHours:           {BusinessContinuity},
	ParamRPOHours:           {BusinessContinuity},
	ParamViaHospitalGateway: {RemoteAccessControl},
	ParamMFA:                {RemoteAccessControl},
	ParamTransferAssessment: {DataLocalisation},
	ParamDataReturnDays:     {ExitAndDataReturn},
	ParamLogRetentionDays:   {Logging},
}

// Params returns the parameters a clause of kind k may carry.
func (k ClauseKind) Params() []Param {
	var out []Param
	for _, p := range allParams {
		for _, pk := range paramKinds[p] {
			if pk == k {
				out = append(out, p)
			}
		}
	}
	return out
}

var allParams = []Param{ParamNotifyWithinHours, ParamRemediationDays, ParamSupportEndDate, ParamRTOHours,
	ParamRPOHours, ParamViaHospitalGateway, ParamMFA, ParamTransferAssessment, ParamDataReturnDays, ParamLogRetentionDays}

// param returns the value of parameter p on c and whether it is set. The
// value is boxed only when asked for (value true), so the check that a
// parameter is set does not allocate.
func (c *Clause) param(p Param, value bool) (any, bool) {
	var v any
	set := false
	switch p {
	case ParamNotifyWithinHours:
		if set = c.NotifyWithinHours != nil; set && value {
			v = *c.NotifyWithinHours
		}
	case ParamRemediationDays:
		if set = c.RemediationDays != nil; set && value {
			v = c.RemediationDays
		}
	case ParamSupportEndDate:
		if set = !c.SupportEndDate.IsZero(); set && value {
			v = c.SupportEndDate.String()
		}
	case ParamRTOHours:
		if set = c.RTOHours != nil; set && value {
			v = *c.RTOHours
		}
	case ParamRPOHours:
		if set = c.RPOHours != nil; set && value {
			v = *c.RPOHours
		}
	case ParamViaHospitalGateway:
		if set = c.ViaHospitalGateway != nil; set && value {
			v = *c.ViaHospitalGateway
		}
	case ParamMFA:
		if set = c.MFA != nil; set && value {
			v = *c.MFA
		}
	case ParamTransferAssessment:
		if set = c.TransferAssessment != nil; set && value {
			v = *c.TransferAssessment
		}
	case ParamDataReturnDays:
		if set = c.DataReturnDays != nil; set && value {
			v = *c.DataReturnDays
		}
	case ParamLogRetentionDays:
		if set = c.LogRetentionDays != nil; set && value {
			v = *c.LogRetentionDays
		}
	}
	return v, set
}

func paramAllowed(p Param, k ClauseKind) bool {
	for _, pk := range paramKinds[p] {
		if pk == k {
			return true
		}
	}
	return false
}
