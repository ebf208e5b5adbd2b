package obligations

import (
	"errors"
	"fmt"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// Incident is an incident that may start reporting deadlines.
type Incident struct {
	// ID identifies the incident; evidence of a report names it.
	// Required, unique within the profile.
	ID string `json:"id"`
	// System is the affected system's ID, if known.
	System string `json:"system,omitempty"`
	// Detected is when the incident was detected (or the entity became
	// aware of it). Notified is when the incident notification was
	// submitted and ResponseEnd when the response ended; zero if not yet.
	// Give Detected in the institution's time zone: its date there
	// decides which rules bind the incident (those in force that day),
	// and all of the incident's day-based deadlines end at 24:00 there.
	Detected    time.Time `json:"detected"`
	Notified    time.Time `json:"notified,omitzero"`
	ResponseEnd time.Time `json:"responseEnd,omitzero"`
	// CNGrade is the Chinese grade; Significant marks a NIS2 significant
	// incident (or, in the Czech lower regime, one with significant
	// impact); BeyondCapacity marks a Vietnamese incident the unit cannot
	// handle alone; PersonalData marks a leak, tampering or loss of
	// personal information. [Incident.Marks] turns them into the marks
	// that incident rules name.
	CNGrade        CNIncidentGrade `json:"cnGrade,omitempty"`
	Significant    bool            `json:"significant,omitempty"`
	BeyondCapacity bool            `json:"beyondCapacity,omitempty"`
	PersonalData   bool            `json:"personalData,omitempty"`
	// AffectsRecipients records the entity's judgment that the incident
	// is likely to affect adversely the services it provides to their
	// recipients (patients, referring providers), so that they are to be
	// told (NIS2 art. 23(1)). medsec does not infer it.
	AffectsRecipients bool `json:"affectsRecipients,omitempty"`
	// OngoingAtFinalReport records that the incident was still being
	// handled when its final report fell due (NIS2 art. 23(4)(e): one
	// month after the incident notification). The law then asks for a
	// progress report on that date and the final report one month after
	// the handling ends, in place of the ordinary final report. medsec
	// does not infer it from ResponseEnd: set it when the handling had not
	// ended on that date.
	OngoingAtFinalReport bool `json:"ongoingAtFinalReport,omitempty"`
}

// Marks returns the marks of the incident that an incident rule's
// condition may name ([medsec.IncidentCondition]): "significant",
// "cn-relatively-major" (graded 较大 or higher), "beyond-capacity",
// "personal-data", "affects-recipients" and "ongoing-at-final-report", in
// that order.
func (in *Incident) Marks() []string {
	if in == nil {
		return nil
	}
	var ms []string
	if in.Significant {
		ms = append(ms, "significant")
	}
	if in.CNGrade >= CNGradeRelativelyMajor {
		ms = append(ms, "cn-relatively-major")
	}
	if in.BeyondCapacity {
		ms = append(ms, "beyond-capacity")
	}
	if in.PersonalData {
		ms = append(ms, "personal-data")
	}
	if in.AffectsRecipients {
		ms = append(ms, "affects-recipients")
	}
	if in.OngoingAtFinalReport {
		ms = append(ms, "ongoing-at-final-report")
	}
	return ms
}

// Profile is what the package needs to know about an institution: the
// institution with its systems and their grades (the shared
// [grading.Institution]) and its incidents.
//
// In JSON:
//
//	{
//	  "institution": {"id": "H1", "jurisdictions": ["CN"], "type": "hospital",
//	                  "flags": ["health-data"], "events": {"holiday": "2027-01-01"},
//	                  "systems": [{"id": "HIS", "mlps": "3", "events": {"grading": "2026-10-01"}}]},
//	  "incidents": [{"id": "INC-1", "detected": "2026-11-20T08:00:00+08:00", "cnGrade": "major"}]
//	}
type Profile struct {
	// Institution is the institution with its systems.
	Institution grading.Institution `json:"institution"`
	// Incidents are the incidents that may start reporting deadlines.
	Incidents []Incident `json:"incidents,omitempty"`
}

// Validate checks the profile against reg (the default registry if nil)
// and reports its problems as [medsec.FieldErrors] with JSON-Pointer
// paths into the profile's JSON form: the institution as
// [grading.Institution.Validate] checks it (paths under "/institution"),
// then the incidents (a unique ID, a detection time, a known system, a
// valid grade). At most 100 problems are reported, the last saying how
// many more there were; they wrap [medsec.ErrInvalidInput]. A nil Profile
// is an error.
func (p *Profile) Validate(reg *medsec.Registry) error {
	if p == nil {
		return fmt.Errorf("obligations: invalid profile: %w", medsec.FieldErrors{
			{Path: "", Rule: "required", Message: msgErrRequired.New("profile")}})
	}
	var errs fielderr.List
	if err := p.Institution.Validate(reg); err != nil {
		var fes medsec.FieldErrors
		if !errors.As(err, &fes) {
			return fmt.Errorf("obligations: invalid profile: %w", err)
		}
		for _, fe := range fes {
			c := *fe
			c.Path = "/institution" + c.Path
			errs.Add(&c)
		}
	}
	seen := make(map[string]bool, len(p.Incidents))
	for i, inc := range p.Incidents {
		at := fmt.Sprintf("/incidents/%d", i)
		add := func(field, rule, value string, m medsec.Message) {
			errs.Add(&medsec.FieldError{Path: at + field, Rule: rule, Value: clip(value), Message: m})
		}
		switch {
		case inc.ID == "":
			add("/id", "required", "", msgErrRequired.New("id"))
		case seen[inc.ID]:
			add("/id", "unique", inc.ID, msgErrIncidentID.New(clip(inc.ID)))
		}
		seen[inc.ID] = true
		if inc.Detected.IsZero() {
			add("/detected", "required", "", msgErrRequired.New("detected"))
		}
		if inc.System != "" && !p.hasSystem(inc.System) {
			add("/system", "exists", inc.System, msgErrUnknownSystem.New(clip(inc.System)))
		}
		if inc.CNGrade != CNGradeUnknown && !inc.CNGrade.Valid() {
			add("/cnGrade", "oneof", inc.CNGrade.String(), msgErrInvalidValue.New(inc.CNGrade.String(), "cnGrade"))
		}
	}
	if e := errs.Errors(); e != nil {
		return fmt.Errorf("obligations: invalid profile: %w", e)
	}
	return nil
}

func (p *Profile) hasSystem(id string) bool {
	for i := range p.Institution.Systems {
		if p.Institution.Systems[i].ID == id {
			return true
		}
	}
	return false
}

// levelOf returns the level of s under a levelled scheme, 0 if not graded.
func levelOf(s *grading.System, scheme grading.Scheme) int {
	switch scheme {
	case grading.SchemeMLPS:
		return int(s.MLPS)
	case grading.SchemeVN:
		return int(s.VN)
	}
	return 0
}
