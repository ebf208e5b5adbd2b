package obligations

import (
	"fmt"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

// now is the instant of the tests' evaluations, and asOf its day.
var (
	now  = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	asOf = medsec.DateOf(now)
)

// at returns the options of an evaluation at now.
func at() Options { return Options{AsOf: asOf, Now: now} }

func date(s string) medsec.Date {
	d, err := medsec.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func events(kv ...string) map[medsec.Event]medsec.Date {
	m := map[medsec.Event]medsec.Date{}
	for i := 0; i < len(kv); i += 2 {
		m[medsec.Event(kv[i])] = date(kv[i+1])
	}
	return m
}

// hospitalCN is a Chinese hospital with one HIS at the given MLPS level and
// a level-2 office network.
func hospitalCN(level grading.MLPSLevel) Profile {
	return Profile{
		Institution: grading.Institution{ID: "H-CN", Name: "City Hospital", Jurisdictions: []medsec.Jurisdiction{medsec.CN},
			Type: grading.TypeHospital, Flags: []medsec.Flag{"health-data", "personal-data"}, Principal: "P-DEAN",
			Systems: []grading.System{
				{ID: "HIS", Name: "Hospital information system", MLPS: level, Events: events("grading", "2026-10-01")},
				{ID: "OA", Name: "Office network", MLPS: grading.MLPS2},
			}},
	}
}

func hospitalVN() Profile {
	return Profile{
		Institution: grading.Institution{ID: "H-VN", Jurisdictions: []medsec.Jurisdiction{medsec.VN}, Type: grading.TypeHospital,
			Events: events("holiday", "2026-12-31"),
			Systems: []grading.System{
				{ID: "HIS", VN: grading.VN2},
				{ID: "PORTAL", VN: grading.VN3, Events: events("dossier", "2026-11-10")},
			}},
	}
}

func hospitalCZ(r grading.CZRegime) Profile {
	return Profile{
		Institution: grading.Institution{ID: "H-CZ", Jurisdictions: []medsec.Jurisdiction{medsec.CZ, medsec.EU}, Type: grading.TypeHospital,
			Size: grading.Large, NIS2: grading.Essential, CZ: r,
			Events: events("in-scope", "2025-11-01", "registration-decision", "2026-02-02")},
	}
}

// bigHospital is a Chinese hospital with n systems at mixed levels.
func bigHospital(n int, id string) Profile {
	p := Profile{Institution: grading.Institution{ID: id, Jurisdictions: []medsec.Jurisdiction{medsec.CN}, Type: grading.TypeHospital,
		Flags: []medsec.Flag{"health-data", "personal-data", "vendor-remote-access"}, Principal: "P1"}}
	for i := 0; i < n; i++ {
		p.Institution.Systems = append(p.Institution.Systems, grading.System{ID: fmt.Sprintf("S%03d", i), MLPS: grading.MLPSLevel(1 + i%3),
			Events: map[medsec.Event]medsec.Date{"grading": date("2026-06-01").AddDays(i)}})
	}
	return p
}

// evidenceFor gives evidence for every other applicable binding.
func evidenceFor(c *Catalog, p *Profile) []Evidence {
	bs, err := c.Applicable(p, asOf)
	if err != nil {
		panic(err)
	}
	var ev []Evidence
	for i, b := range bs {
		if d, _ := c.Duty(b.DutyID); d.Recurrence.Kind == FromIncidentRule {
			continue // no incidents in these profiles
		}
		if i%2 == 0 {
			ev = append(ev, Evidence{Duty: b.DutyID, System: b.System, Done: date("2026-03-01").AddDays(i % 200), Reference: "DOC-" + fmt.Sprint(i)})
		}
	}
	return ev
}
