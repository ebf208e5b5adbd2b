package i18n_test

import (
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/sample"
)

// The sample notices come from internal/sample, shared with
// examples/notice. One incident description carries markup, so that the
// golden HTML files show it escaped.

func sampleHoliday() i18n.HolidayDispatch {
	return sample.Holiday(medsec.NewDate(2026, time.February, 9))
}

func sampleCircular(loc i18n.Locale) i18n.Circular { return sample.Circular() }

func sampleAnnouncement() i18n.Announcement { return sample.Announcement() }

func sampleIncident(stage i18n.IncidentStage) i18n.IncidentReport {
	r := sample.Incident(stage)
	if stage != i18n.VNInitialReport && stage != i18n.CNReport {
		r.Description = i18n.LitIn(i18n.CS, "Zašifrované servery laboratorního systému; výkupné požadováno v poznámce <b>README</b>.")
	}
	return r
}

// samples returns the sample notice of every kind for loc.
func samples(loc i18n.Locale) []i18n.Notice {
	return []i18n.Notice{
		sampleHoliday(), sampleCircular(loc), sampleAnnouncement(),
		sampleIncident(i18n.NIS2EarlyWarning), sampleIncident(i18n.NIS2Notification),
		sampleIncident(i18n.NIS2FinalReport), sampleIncident(i18n.VNInitialReport), sampleIncident(i18n.CNReport),
	}
}
