package i18n

import (
	"slices"
	"sync"
	"time"

	"github.com/medsec-go/medsec"
)

// An IncidentStage is the report an [IncidentReport] is: a stage of NIS2
// reporting, the Vietnamese initial report or the Chinese report to the
// authority. The zero value is invalid.
type IncidentStage uint8

// The incident report stages.
const (
	_                IncidentStage = iota
	NIS2EarlyWarning               // EU-NIS2 art. 23(4)(a): within 24 hours
	NIS2Notification               // EU-NIS2 art. 23(4)(b): within 72 hours
	NIS2FinalReport                // EU-NIS2 art. 23(4)(d): within one month of the notification
	VNInitialReport                // VN-QD-05-2017 art. 11: initial report, notification within 5 days
	CNReport                       // CN-CAC-2025-IR art. 4: report to the authority within 1, 2 or 4 hours
)

var stageKinds = [...]Kind{"", KindNIS2EarlyWarning, KindNIS2Notification, KindNIS2FinalReport, KindVNInitialReport, KindCNReport}

// A CNOperator is the class of a Chinese network operator, which sets its
// reporting deadline (CN-CAC-2025-IR art. 4). The zero value is unknown.
type CNOperator uint8

// The operator classes.
const (
	_               CNOperator = iota
	CNCII                      // operator of critical information infrastructure: 1 hour
	CNCentral                  // central or state organ or its affiliate: 2 hours
	CNOtherOperator            // any other operator (most hospitals): 4 hours
)

// A Suspicion answers whether an incident is suspected to be caused by
// unlawful or malicious acts (EU-NIS2 art. 23(4)(a)). The zero value is
// "not stated".
type Suspicion uint8

// The answers.
const (
	_                Suspicion = iota
	SuspectedYes               // suspected unlawful or malicious
	SuspectedNo                // not suspected
	SuspectedUnknown           // cannot be told yet
)

// An IncidentReport is the content of one incident report. Which fields
// are required depends on Stage; [IncidentReport.Validate] names the
// missing ones. The report shows its legal deadlines, computed from
// Detected by [Deadlines].
type IncidentReport struct {
	Stage    IncidentStage
	Entity   string    // the reporting entity or operating unit
	Owner    string    // VN: the system owner (chủ quản), if other than the entity
	Address  string    // the entity's address
	System   string    // the affected information system
	Detected time.Time // when the incident was detected (its location is kept in the output)
	Contact  Contact   // the incident contact person
	To       string    // the recipient: CSIRT, authority, coordinator

	Category    Text // the type of incident
	Description Text // what happened: symptoms, course
	Severity    Text // (initial) assessment of severity and impact
	Suspicion   Suspicion
	CrossBorder Text // possible or actual cross-border impact
	Indicators  Text // indicators of compromise
	RootCause   Text // the type of threat or root cause
	Mitigation  Text // measures applied and ongoing (taken and planned)
	Provider    Text // VN: the IT or telecom infrastructure provider
	Helpers     Text // VN: who helped and with what result
	Result      Text // VN: the result of the initial response
	Recommend   Text // VN: recommendations

	Notified      time.Time  // NIS2 final report: when the incident notification was submitted; zero means not yet
	ResponseEnded time.Time  // VN: when the response ended, for the closing report's deadline; optional
	Operator      CNOperator // CN: the operator class, which sets the deadline
}

// Kind returns the notice kind of the report's stage.
func (r IncidentReport) Kind() Kind {
	if r.Stage >= NIS2EarlyWarning && r.Stage <= CNReport {
		return stageKinds[r.Stage]
	}
	return "incident"
}

// Validate reports every missing required field for the report's stage,
// and every field whose text is not one line of printable text (see
// "Hostile text" in the package documentation).
func (r IncidentReport) Validate() error {
	var m missing
	if r.Stage < NIS2EarlyWarning || r.Stage > CNReport {
		m.check(true, "Stage")
		return m.err(r.Kind())
	}
	m.check(r.Entity == "", "Entity")
	m.check(r.Detected.IsZero(), "Detected")
	m.check(r.Contact.Name.IsZero(), "Contact.Name")
	m.check(r.Contact.Phone == "" && r.Contact.Email == "", "Contact.Phone")
	switch r.Stage {
	case NIS2EarlyWarning:
		m.check(r.Suspicion == 0 || r.Suspicion > SuspectedUnknown, "Suspicion")
		m.check(r.CrossBorder.IsZero(), "CrossBorder")
	case NIS2Notification:
		m.check(r.Suspicion == 0 || r.Suspicion > SuspectedUnknown, "Suspicion")
		m.check(r.CrossBorder.IsZero(), "CrossBorder")
		m.check(r.Severity.IsZero(), "Severity")
	case NIS2FinalReport:
		m.check(r.Description.IsZero(), "Description")
		m.check(r.Severity.IsZero(), "Severity")
		m.check(r.RootCause.IsZero(), "RootCause")
		m.check(r.Mitigation.IsZero(), "Mitigation")
		m.check(r.CrossBorder.IsZero(), "CrossBorder")
	case VNInitialReport:
		m.check(r.Address == "", "Address")
		m.check(r.System == "", "System")
		m.check(r.Contact.Title.IsZero(), "Contact.Title")
		m.check(r.Category.IsZero(), "Category")
		m.check(r.Description.IsZero(), "Description")
		m.check(r.Severity.IsZero(), "Severity")
		m.check(r.Provider.IsZero(), "Provider")
		m.check(r.Mitigation.IsZero(), "Mitigation")
		m.check(r.Result.IsZero(), "Result")
		m.check(r.Recommend.IsZero(), "Recommend")
	case CNReport:
		m.check(r.System == "", "System")
		m.check(r.Category.IsZero(), "Category")
		m.check(r.Description.IsZero(), "Description")
		m.check(r.Severity.IsZero(), "Severity")
		m.check(r.Mitigation.IsZero(), "Mitigation")
		m.check(r.Operator < CNCII || r.Operator > CNOtherOperator, "Operator")
	}
	m.text("Entity", r.Entity)
	m.text("Owner", r.Owner)
	m.text("Address", r.Address)
	m.text("System", r.System)
	m.contact("Contact", r.Contact)
	m.text("To", r.To)
	for _, f := range [...]struct {
		path string
		t    Text
	}{
		{"Category", r.Category}, {"Description", r.Description}, {"Severity", r.Severity},
		{"CrossBorder", r.CrossBorder}, {"Indicators", r.Indicators}, {"RootCause", r.RootCause},
		{"Mitigation", r.Mitigation}, {"Provider", r.Provider}, {"Helpers", r.Helpers},
		{"Result", r.Result}, {"Recommend", r.Recommend},
	} {
		m.textT(f.path, f.t)
	}
	return m.err(r.Kind())
}

// A Deadline is one legal reporting deadline of an incident.
type Deadline struct {
	Step     medsec.Message  // what must be sent, e.g. "early warning within 24 hours"
	Due      time.Time       // the latest time, in the detection time's location
	Citation medsec.Citation // the rule that sets it
	Note     medsec.Message  // how it was computed, when not simply from detection; may be zero
}

// Deadlines returns the reporting deadlines that apply to r's stage,
// computed from r.Detected with [medsec.Span], the same rules of periods
// package obligations uses:
//
//   - NIS2 early warning: 24 hours (EU-NIS2 art. 23(4)(a)).
//   - NIS2 notification: 72 hours (EU-NIS2 art. 23(4)(b)).
//   - NIS2 final report: one month after the submission of the incident
//     notification (EU-NIS2 art. 23(4)(d)), from r.Notified. While
//     r.Notified is zero (not submitted yet) the month runs from
//     detection, the earliest moment a notification could exist, so the
//     deadline is never later than the legal one; the Note says so.
//   - Vietnam: notification within 5 days of detection (VN-QD-05-2017 art.
//     11(1)(a)); the closing report within 5 days after the response
//     ended (VN-TT-20-2017 art. 9(2)(b)), when r.ResponseEnded is set.
//   - China: 1 hour for CII operators, 2 hours for central and state organs,
//     4 hours for other operators (CN-CAC-2025-IR art. 4); none when
//     r.Operator is unknown. These deadlines apply to incidents graded
//     relatively major (较大) or higher; the caller decides the grade.
//
// Hours are elapsed hours from the instant; a period in days or months
// ends at 24:00 of its last day in the detection time's location (the
// last nanosecond of that day). The NIS2 deadlines apply to significant
// incidents (EU-NIS2 art. 23(3)).
//
// A rule binds an incident only if it was in force on the day of
// detection (in Detected's location), according to the instrument
// registry: a Chinese incident detected on 2025-10-31 gets no CAC 2025
// deadline, because those measures took effect on 2025-11-01. NIS2
// deadlines bind incidents detected from 2024-10-18, the day from which
// member states apply the directive (art. 41(1)).
//
// A zero Detected gives no deadlines.
func Deadlines(r IncidentReport) []Deadline {
	t := r.Detected
	if t.IsZero() {
		return nil
	}
	at := func(step medsec.Message, span medsec.Span, from time.Time, c medsec.Citation) Deadline {
		return Deadline{Step: step, Due: span.Deadline(from.In(t.Location())), Citation: c}
	}
	var out []Deadline
	switch r.Stage {
	case NIS2EarlyWarning:
		out = append(out, at(msgStepEarlyWarning.New(24), medsec.Span{N: 24, Unit: medsec.Hours}, t, medsec.Cite("EU-NIS2", "23", "4", "a")))
	case NIS2Notification:
		out = append(out, at(msgStepNotification.New(72), medsec.Span{N: 72, Unit: medsec.Hours}, t, medsec.Cite("EU-NIS2", "23", "4", "b")))
	case NIS2FinalReport:
		from := r.Notified
		if from.IsZero() {
			from = t
		}
		d := at(msgStepFinalReport.New(1), medsec.Span{N: 1, Unit: medsec.Months}, from, medsec.Cite("EU-NIS2", "23", "4", "d"))
		if r.Notified.IsZero() {
			d.Note = msgNoteFromDetection.New()
		}
		out = append(out, d)
	case VNInitialReport:
		five := medsec.Span{N: 5, Unit: medsec.Days}
		out = append(out, at(msgStepVNNotification.New(5), five, t, medsec.Cite("VN-QD-05-2017", "11", "1", "a")))
		if !r.ResponseEnded.IsZero() {
			out = append(out, at(msgStepVNClosing.New(5), five, r.ResponseEnded, medsec.Cite("VN-TT-20-2017", "9", "2", "b")))
		}
	case CNReport:
		var h int
		switch r.Operator {
		case CNCII:
			h = 1
		case CNCentral:
			h = 2
		case CNOtherOperator:
			h = 4
		default:
			return nil
		}
		out = append(out, at(msgStepCNReport.New(h), medsec.Span{N: h, Unit: medsec.Hours}, t, medsec.Cite("CN-CAC-2025-IR", "4")))
	}
	// Only rules in force on the day of detection bind the incident.
	day, periods := medsec.DateOf(t), rulePeriods()
	return slices.DeleteFunc(out, func(d Deadline) bool {
		p, ok := periods[d.Citation.Instrument]
		return !ok || !p.Contains(day)
	})
}

// rulePeriods holds the periods in which the instruments that [Deadlines]
// cites bind an incident, read once from the embedded registry; it is
// never written after that. NIS2 binds entities only from the day member
// states apply it (art. 41(1): 2024-10-18), not from its entry into
// force; the EU duties of package obligations start on the same day, and
// a test across the packages keeps the two in step.
var rulePeriods = sync.OnceValue(func() map[string]medsec.Period {
	m := map[string]medsec.Period{}
	for _, id := range []string{"EU-NIS2", "VN-QD-05-2017", "VN-TT-20-2017", "CN-CAC-2025-IR"} {
		if in, err := medsec.Lookup(id); err == nil {
			m[id] = in.InForce
		}
	}
	if p, ok := m["EU-NIS2"]; ok {
		p.From = nis2Applies
		m["EU-NIS2"] = p
	}
	return m
})

// nis2Applies is the day from which member states apply NIS2 (art. 41(1)).
var nis2Applies = medsec.NewDate(2024, 10, 18)

var incidentSchema = newSchema(
	fieldDef{name: "Entity"}, fieldDef{name: "Owner"}, fieldDef{name: "Address"}, fieldDef{name: "System"},
	fieldDef{name: "Detected"}, fieldDef{name: "Contact"}, fieldDef{name: "To"},
	fieldDef{name: "Category"}, fieldDef{name: "Description"}, fieldDef{name: "Severity"},
	fieldDef{name: "Suspicion"}, fieldDef{name: "CrossBorder"}, fieldDef{name: "Indicators"},
	fieldDef{name: "RootCause"}, fieldDef{name: "Mitigation"}, fieldDef{name: "Provider"},
	fieldDef{name: "Helpers"}, fieldDef{name: "Result"}, fieldDef{name: "Recommend"},
	fieldDef{name: "Notified"}, fieldDef{name: "Operator"}, fieldDef{name: "Deadlines", list: true},
)

func (r IncidentReport) values(l *Localizer, ar *arena) []value {
	v := make([]value, len(incidentSchema.fields))
	v[0].s, v[1].s, v[2].s, v[3].s = r.Entity, r.Owner, r.Address, r.System
	if !r.Detected.IsZero() {
		v[4].s = l.Time(r.Detected)
	}
	if !r.Contact.Name.IsZero() {
		v[5].s = r.Contact.in(l, ar)
	}
	v[6].s = r.To
	for i, t := range []Text{r.Category, r.Description, r.Severity} {
		v[7+i].s = ar.text(l, t)
	}
	switch r.Suspicion {
	case SuspectedYes:
		v[10].s = ar.msg(l, msgSuspectedYes.New())
	case SuspectedNo:
		v[10].s = ar.msg(l, msgSuspectedNo.New())
	case SuspectedUnknown:
		v[10].s = ar.msg(l, msgSuspectedUnknown.New())
	}
	for i, t := range []Text{r.CrossBorder, r.Indicators, r.RootCause, r.Mitigation, r.Provider, r.Helpers, r.Result, r.Recommend} {
		v[11+i].s = ar.text(l, t)
	}
	if !r.Notified.IsZero() {
		v[19].s = l.Time(r.Notified.In(r.Detected.Location()))
	}
	switch r.Operator {
	case CNCII:
		v[20].s = ar.msg(l, msgOperatorCII.New())
	case CNCentral:
		v[20].s = ar.msg(l, msgOperatorCentral.New())
	case CNOtherOperator:
		v[20].s = ar.msg(l, msgOperatorOther.New())
	}
	for _, d := range Deadlines(r) {
		s := ar.msg(l, msgDeadlineItem.New(d.Step, l.Time(d.Due), d.Citation.String()))
		if !d.Note.IsZero() {
			s += " " + ar.msg(l, d.Note)
		}
		v[21].list = append(v[21].list, s)
	}
	return v
}
