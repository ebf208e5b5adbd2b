package obligations

import (
	"fmt"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

var asOf = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func date(s string) medsec.Date {
	d, err := medsec.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// hospitalCN is a Chinese hospital with one HIS at the given MLPS level and
// a level-2 office network.
func hospitalCN(level grading.MLPSLevel) Profile {
	return Profile{
		Institution: Institution{ID: "H-CN", Name: "City Hospital", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: TypeHospital, Flags: []Flag{FlagHealthData, FlagPersonalData}, Principal: "P-DEAN"},
		Systems: []System{
			{ID: "HIS", Name: "Hospital information system", MLPS: level,
				Triggers: map[Trigger]medsec.Date{TriggerGrading: date("2026-10-01")}},
			{ID: "OA", Name: "Office network", MLPS: grading.MLPS2},
		},
	}
}

func hospitalVN() Profile {
	return Profile{
		Institution: Institution{ID: "H-VN", Jurisdictions: []medsec.Jurisdiction{medsec.VN}, Type: TypeHospital,
			Triggers: map[Trigger]medsec.Date{TriggerHoliday: date("2026-12-31")}},
		Systems: []System{
			{ID: "HIS", VN: grading.VN2},
			{ID: "PORTAL", VN: grading.VN3, Triggers: map[Trigger]medsec.Date{TriggerDossier: date("2026-11-10")}},
		},
	}
}

func hospitalCZ(r grading.CZRegime) Profile {
	return Profile{
		Institution: Institution{ID: "H-CZ", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU}, Type: TypeHospital,
			Size: grading.Large, NIS2: grading.Essential, CZ: r,
			Triggers: map[Trigger]medsec.Date{TriggerInScope: date("2025-11-01"), TriggerRegistrationDecision: date("2026-02-02")}},
	}
}

// bigHospital is a Chinese hospital with n systems at mixed levels.
func bigHospital(n int, id string) Profile {
	p := Profile{Institution: Institution{ID: id, Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: TypeHospital,
		Flags: []Flag{FlagHealthData, FlagPersonalData, FlagVendorRemoteAccess}, Principal: "P1"}}
	for i := 0; i < n; i++ {
		p.Systems = append(p.Systems, System{ID: fmt.Sprintf("S%03d", i), MLPS: grading.MLPSLevel(1 + i%3),
			Triggers: map[Trigger]medsec.Date{TriggerGrading: date("2026-06-01").AddDays(i)}})
	}
	return p
}

// evidenceFor gives evidence for every other applicable binding.
func evidenceFor(c *Catalog, p *Profile) []Evidence {
	bs, err := c.Applicable(p, medsec.DateOf(asOf))
	if err != nil {
		panic(err)
	}
	var ev []Evidence
	for i, b := range bs {
		if d, _ := c.Duty(b.DutyID); d.Recurrence.Trigger.isIncident() {
			continue // no incidents in these profiles
		}
		if i%2 == 0 {
			ev = append(ev, Evidence{Duty: b.DutyID, System: b.System, Done: date("2026-03-01").AddDays(i % 200), Reference: "DOC-" + fmt.Sprint(i)})
		}
	}
	return ev
}
