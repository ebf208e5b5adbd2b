package assist

import (
	"fmt"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/enum"
)

// A Service is one kind of help in the catalogue's taxonomy. Each service
// has a stable text code (its String form, used in JSON and never
// renamed), a translatable name ([Service.Message]) and the provisions that
// ground it ([Service.Basis]).
//
// The taxonomy is medsec's own. It follows what the Czech Ministry of
// Health's action committee coordinated in March 2020 — help "in removing
// the consequences of the attack" on Brno University Hospital and help "in
// protecting the other healthcare facilities" (seed 000) — and names each
// kind of help after the measure of NIS2 art. 21(2) or the good practice
// of ENISA's 2020 procurement guidelines for hospitals that it serves. The
// provisions are where the activity is named, not a rule that a provider
// must buy it.
type Service uint8

// The services, in catalogue order: first the help for a provider under
// attack, then recovery, then prevention and advice.
const (
	_                       Service = iota
	IncidentResponse                // triage, containment and eradication during an attack ("incident-response")
	Forensics                       // digital forensics and malware analysis: what happened and how ("forensics")
	Recovery                        // restoring systems and data after an attack ("recovery")
	CrisisManagement                // crisis management and communication with patients, staff and the public ("crisis-management")
	Monitoring                      // security monitoring and detection: logs, alerts, a security operations centre ("monitoring")
	VulnerabilityAssessment         // vulnerability scanning and penetration testing ("vulnerability-assessment")
	Hardening                       // hardening, patching and network segmentation ("hardening")
	BackupReview                    // review of backups and of continuity and recovery plans ("backup-review")
	RiskAssessment                  // cybersecurity risk assessment and security policy ("risk-assessment")
	AwarenessTraining               // awareness training and phishing exercises for staff and management ("awareness-training")
	ProcurementAdvice               // security requirements in procurement, after ENISA's 2020 guidelines ("procurement-advice")
	LegalAdvice                     // legal and regulatory advice: reporting duties, NIS2 and Czech law, data protection ("legal-advice")
	numServices
)

var serviceText = enum.Names{"unknown", "incident-response", "forensics", "recovery", "crisis-management",
	"monitoring", "vulnerability-assessment", "hardening", "backup-review", "risk-assessment",
	"awareness-training", "procurement-advice", "legal-advice"}

// Services returns every service in catalogue order.
func Services() []Service {
	out := make([]Service, 0, numServices-1)
	for s := IncidentResponse; s < numServices; s++ {
		out = append(out, s)
	}
	return out
}

// Valid reports whether s is one of the services.
func (s Service) Valid() bool { return s >= IncidentResponse && s < numServices }

// String returns the service's stable code, such as "incident-response",
// or "unknown".
func (s Service) String() string { return serviceText.String(uint8(s), "Service") }

// MarshalText implements [encoding.TextMarshaler].
func (s Service) MarshalText() ([]byte, error) {
	return serviceText.Marshal("assist", uint8(s), "service")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Service) UnmarshalText(b []byte) error {
	v, err := serviceText.Parse("assist", b, "service")
	*s = Service(v)
	return err
}

// Message returns the service's name as a translatable message.
func (s Service) Message() medsec.Message {
	if s.Valid() {
		return msgServices[s-1].New()
	}
	return msgServiceUnknown.New()
}

// Basis returns the provisions in medsec's registry that name the
// activity: the NIS2 measure and the ENISA good practice it serves. The
// slice is a fresh copy.
func (s Service) Basis() []medsec.Citation {
	if !s.Valid() {
		return nil
	}
	return append([]medsec.Citation(nil), serviceBasis()[s-1]...)
}

// serviceCitations are the text forms of each service's basis, in service
// order. A test resolves every one in the embedded registry.
var serviceCitations = [numServices - 1][]string{
	IncidentResponse - 1:        {"EU-NIS2 art. 21(2)(b)", "ENISA-PROC-2020 art. GP-20", "ENISA-PROC-2020 art. GP-21"},
	Forensics - 1:               {"EU-NIS2 art. 23(4)(d)", "ENISA-PROC-2020 art. GP-21"},
	Recovery - 1:                {"EU-NIS2 art. 21(2)(c)", "ENISA-PROC-2020 art. GP-06"},
	CrisisManagement - 1:        {"EU-NIS2 art. 21(2)(c)", "EU-NIS2 art. 21(2)(j)"},
	Monitoring - 1:              {"EU-NIS2 art. 21(2)(b)", "ENISA-PROC-2020 art. GP-08"},
	VulnerabilityAssessment - 1: {"EU-NIS2 art. 21(2)(e)", "ENISA-PROC-2020 art. GP-02", "ENISA-PROC-2020 art. GP-28"},
	Hardening - 1:               {"EU-NIS2 art. 21(2)(e)", "ENISA-PROC-2020 art. GP-13", "ENISA-PROC-2020 art. GP-24"},
	BackupReview - 1:            {"EU-NIS2 art. 21(2)(c)", "ENISA-PROC-2020 art. GP-06"},
	RiskAssessment - 1:          {"EU-NIS2 art. 21(2)(a)", "ENISA-PROC-2020 art. GP-10"},
	AwarenessTraining - 1:       {"EU-NIS2 art. 21(2)(g)", "EU-NIS2 art. 20", "ENISA-PROC-2020 art. GP-25"},
	ProcurementAdvice - 1:       {"EU-NIS2 art. 21(2)(d)", "ENISA-PROC-2020"},
	LegalAdvice - 1:             {"EU-NIS2 art. 23", "CZ-ZKB-264-2025"},
}

// serviceBasis parses serviceCitations once. They are constants checked
// by a test, so a failure is a programming error.
var serviceBasis = sync.OnceValue(func() [numServices - 1][]medsec.Citation {
	var out [numServices - 1][]medsec.Citation
	for i, cs := range serviceCitations {
		for _, s := range cs {
			c, err := medsec.ParseCitation(s)
			if err != nil {
				panic(fmt.Sprintf("assist: service %s: %v", Service(i+1), err))
			}
			out[i] = append(out[i], c)
		}
	}
	return out
})
