package i18n

import (
	"slices"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
)

// An IncidentStage is the report an [IncidentReport] is, named by its
// report kind: the Report of the incident rules (law/<pack>/incidents.json)
// that the report meets, such as "nis2-early-warning". The kind is also the
// notice kind of the report's layout. The constants name the stages that
// have embedded layouts; a pack's own report kinds, such as
// "xa-incident-report" of the test pack, work the same way with a layout
// of your own (see [TemplateSet.With]). The zero value is invalid.
type IncidentStage string

// The incident report stages with embedded layouts.
const (
	NIS2EarlyWarning IncidentStage = "nis2-early-warning" // NIS2: early warning
	NIS2Notification IncidentStage = "nis2-notification"  // NIS2: incident notification
	NIS2FinalReport  IncidentStage = "nis2-final-report"  // NIS2: final report
	VNInitialReport  IncidentStage = "vn-initial-report"  // Vietnam: initial report
	CNReport         IncidentStage = "cn-report"          // China: report to the authority
)

// A CNOperator is the class of a Chinese network operator, which decides
// which of the Chinese reporting rules binds it. It is printed on the
// report, and adds its flag to the report's facts: "cii" for [CNCII],
// "central-organ" for [CNCentral], none for [CNOtherOperator]. The zero
// value is unknown.
type CNOperator uint8

// The operator classes.
const (
	_               CNOperator = iota
	CNCII                      // operator of critical information infrastructure
	CNCentral                  // central or state organ or its affiliate
	CNOtherOperator            // any other operator (most hospitals)
)

// operatorFlags are the flags (declared by the core and cn packs) that
// describe each operator class to the incident rules.
var operatorFlags = [...][]medsec.Flag{CNCII: {"cii"}, CNCentral: {"central-organ"}}

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
// missing ones. The report shows its legal deadlines: those of the
// incident rules of its kind that bind the incident Facts describe,
// computed by [Deadlines].
type IncidentReport struct {
	Stage    IncidentStage // the report's kind, which chooses its layout and its incident rules
	Entity   Text          // the reporting entity or operating unit
	Owner    Text          // VN: the system owner (chủ quản), if other than the entity
	Address  Text          // the entity's address
	System   Text          // the affected information system
	Detected time.Time     // when the incident was detected (its location is kept in the output)
	Contact  Contact       // the incident contact person
	To       Text          // the recipient: CSIRT, authority, coordinator

	Category    Text      // the type of incident
	Description Text      // what happened: symptoms, course
	Severity    Text      // (initial) assessment of severity and impact
	Suspicion   Suspicion // NIS2: whether unlawful or malicious acts are suspected
	CrossBorder Text      // possible or actual cross-border impact
	Indicators  Text      // indicators of compromise
	RootCause   Text      // the type of threat or root cause
	Mitigation  Text      // measures applied and ongoing (taken and planned)
	Provider    Text      // VN: the IT or telecom infrastructure provider
	Helpers     Text      // VN: who helped and with what result
	Result      Text      // VN: the result of the initial response
	Recommend   Text      // VN: recommendations

	Notified      time.Time  // when the first report (the NIS2 incident notification) was submitted; zero means not yet
	ResponseEnded time.Time  // when the response ended, for reports due after it; zero means not yet
	Operator      CNOperator // CN: the operator class; adds its flag to Facts

	// The parts of an administrative document in the form of Vietnam's
	// Decree 30/2020 (Annex I), which a Vietnamese report is: the
	// entity's parent body over the entity at the head, the number and
	// symbol ("Số: 07/BC-BVĐK"), the place and date, the signature block
	// and the recipients of copies ("Nơi nhận"), with To as the addressee
	// ("Kính gửi"). Required for a [VNInitialReport]; the other stages
	// do not print them. A draft leaves the number, and the day and
	// month when zero, blank, as [HolidayDispatch] does.
	Parent   Text        // the entity's parent body (cơ quan chủ quản), optional
	Number   int         // the report's number; 0 in a draft
	Symbol   string      // the symbol after the number, e.g. "BC-BVĐK"
	Place    Text        // where it is issued, e.g. LitIn(VI, "Thanh Hóa")
	Date     medsec.Date // when it is issued; a draft needs only the year
	Draft    bool        // a draft, to be numbered and dated when it is issued
	Signer   Signer      // the signature block
	CopiesTo []Text      // further recipients of copies, besides the addressee
	Archive  Text        // the units that file a copy, e.g. LitIn(VI, "VT, CNTT")

	// Facts describe the incident and the reporting entity as the
	// conditions of the incident rules read them: the incident's marks
	// ("significant", "cn-relatively-major", "beyond-capacity",
	// "personal-data"), the entity's NIS2 class and Czech regime, and its
	// flags (see [medsec.IncidentCondition]). Only the rules whose
	// conditions Facts meet give deadlines: a NIS2 report states that the
	// incident is significant and the entity's class, a Chinese one that
	// the incident is graded relatively major or above.
	Facts medsec.IncidentFacts
}

// Kind returns the notice kind of the report's stage, or "incident" when
// the stage is not valid.
func (r IncidentReport) Kind() Kind {
	if r.Stage.Valid() {
		return Kind(r.Stage)
	}
	return "incident"
}

// Validate reports every missing required field for the report's stage
// (the entity, detection time and contact of every report, and the
// content each embedded stage's form asks for), and every field whose text
// is not one line of printable text (see "Hostile text" in the package
// documentation).
func (r IncidentReport) Validate() error {
	var m missing
	if !r.Stage.Valid() {
		m.check(true, "Stage")
		return m.err(r.Kind())
	}
	m.check(r.Entity.IsZero(), "Entity")
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
		m.check(r.Address.IsZero(), "Address")
		m.check(r.System.IsZero(), "System")
		m.check(r.Contact.Title.IsZero(), "Contact.Title")
		m.check(r.Category.IsZero(), "Category")
		m.check(r.Description.IsZero(), "Description")
		m.check(r.Severity.IsZero(), "Severity")
		m.check(r.Provider.IsZero(), "Provider")
		m.check(r.Mitigation.IsZero(), "Mitigation")
		m.check(r.Result.IsZero(), "Result")
		m.check(r.Recommend.IsZero(), "Recommend")
		m.check(r.To.IsZero(), "To")
		m.check(r.Symbol == "", "Symbol")
		m.check(r.Place.IsZero(), "Place")
		m.draftDate(r.Draft, r.Number, r.Date, "Number", "Date")
		r.Signer.check(&m, "Signer")
		m.check(r.Archive.IsZero(), "Archive")
	case CNReport:
		m.check(r.System.IsZero(), "System")
		m.check(r.Category.IsZero(), "Category")
		m.check(r.Description.IsZero(), "Description")
		m.check(r.Severity.IsZero(), "Severity")
		m.check(r.Mitigation.IsZero(), "Mitigation")
		m.check(r.Operator < CNCII || r.Operator > CNOtherOperator, "Operator")
	}
	m.textT("Entity", r.Entity)
	m.textT("Owner", r.Owner)
	m.textT("Address", r.Address)
	m.textT("System", r.System)
	m.contact("Contact", r.Contact)
	m.textT("To", r.To)
	if r.Stage != VNInitialReport {
		// The other stages do not print the parts of a Decree 30
		// document, but what they hold is still checked.
		r.Signer.checkText(&m, "Signer")
	}
	m.textT("Parent", r.Parent)
	m.text("Symbol", r.Symbol)
	m.textT("Place", r.Place)
	m.textsT("CopiesTo", r.CopiesTo)
	m.textT("Archive", r.Archive)
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
	Rule     string          // the ID of the incident rule that sets it; a duty of package obligations that reports under the rule has the same ID
	Step     medsec.Message  // what must be sent, e.g. "early warning within 24 hours"
	Due      time.Time       // the latest time, in the detection time's location
	Citation medsec.Citation // the rule's first citation
	Note     medsec.Message  // how it was computed, when not simply from the rule's event; may be zero
}

// Deadlines returns the reporting deadlines of r under the law of
// [medsec.DefaultRegistry]; see [DeadlinesFor].
func Deadlines(r IncidentReport) []Deadline { return DeadlinesFor(nil, r) }

// DeadlinesFor returns the reporting deadlines of r under the incident
// rules of reg (the default registry when reg is nil): one for each rule
// whose report kind is r.Stage, that applies to incidents detected on the
// day of r.Detected (in its location), and whose conditions hold for
// r.Facts (with r.Operator's flag). Each is due as the rule's period says
// ([medsec.IncidentRule.Deadline]), from detection, from r.Notified or
// from r.ResponseEnded; a rule whose event has not happened yet gives no
// deadline. A rule that runs from the notification while r.Notified is
// zero counts from detection, the earliest moment a notification could
// exist, so the deadline is never later than the legal one; its Note says
// so.
//
// Hours are elapsed hours from the instant; a period in days or months
// ends at 24:00 of its last day in the detection time's location (the last
// nanosecond of that day). The deadlines are sorted by due time, then by
// rule. A zero Detected gives none.
func DeadlinesFor(reg *medsec.Registry, r IncidentReport) []Deadline {
	t := r.Detected
	if t.IsZero() || !r.Stage.Valid() {
		return nil
	}
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	loc := t.Location()
	facts := r.facts()
	var out []Deadline
	for _, rule := range reg.IncidentRules("", medsec.DateOf(t)) {
		if rule.Report != string(r.Stage) || !rule.When.Holds(facts) {
			continue
		}
		due, assumed := rule.Deadline(t, inLocation(r.Notified, loc), inLocation(r.ResponseEnded, loc))
		if due.IsZero() {
			continue
		}
		d := Deadline{Rule: rule.ID, Step: step(rule), Due: due.In(loc)}
		if len(rule.Citations) > 0 {
			d.Citation = rule.Citations[0]
		}
		if assumed {
			d.Note = msgNoteFromDetection.New()
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b Deadline) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// facts returns r's facts with the flag of its operator class.
func (r IncidentReport) facts() medsec.IncidentFacts {
	f := r.Facts
	if int(r.Operator) < len(operatorFlags) {
		f.Flags = append(slices.Clip(f.Flags), operatorFlags[r.Operator]...)
	}
	return f
}

// inLocation returns t in loc; the zero time stays zero.
func inLocation(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

// step returns what a notice prints for rule: its step, completed with
// the count of its period, or its title.
func step(rule medsec.IncidentRule) medsec.Message {
	m := rule.Step
	if m.IsZero() {
		return rule.Title
	}
	if hasVerb(m.Format) {
		m.Args = []any{rule.Within.N}
	}
	return m
}

var incidentSchema = newSchema(
	fieldDef{name: "Entity"}, fieldDef{name: "Owner"}, fieldDef{name: "Address"}, fieldDef{name: "System"},
	fieldDef{name: "Detected"}, fieldDef{name: "Contact"}, fieldDef{name: "To"},
	fieldDef{name: "Category"}, fieldDef{name: "Description"}, fieldDef{name: "Severity"},
	fieldDef{name: "Suspicion"}, fieldDef{name: "CrossBorder"}, fieldDef{name: "Indicators"},
	fieldDef{name: "RootCause"}, fieldDef{name: "Mitigation"}, fieldDef{name: "Provider"},
	fieldDef{name: "Helpers"}, fieldDef{name: "Result"}, fieldDef{name: "Recommend"},
	fieldDef{name: "Notified"}, fieldDef{name: "Operator"}, fieldDef{name: "Deadlines", list: true},
	fieldDef{name: "Parent"}, fieldDef{name: "ParentUpper"}, fieldDef{name: "EntityUpper"},
	fieldDef{name: "NumberSymbol"}, fieldDef{name: "PlaceDate"}, fieldDef{name: "Date"},
	fieldDef{name: "Authority"}, fieldDef{name: "SignerTitle"}, fieldDef{name: "SignerName"},
	fieldDef{name: "Distribution", list: true},
)

func (r IncidentReport) values(l *Localizer, reg *medsec.Registry) []value {
	v := make([]value, len(incidentSchema.fields))
	v[0].s, v[1].s, v[2].s, v[3].s = r.Entity.In(l), r.Owner.In(l), r.Address.In(l), r.System.In(l)
	if !r.Detected.IsZero() {
		v[4].s = l.Time(r.Detected)
	}
	if !r.Contact.Name.IsZero() {
		v[5].s = r.Contact.in(l)
	}
	v[6].s = r.To.In(l)
	for i, t := range []Text{r.Category, r.Description, r.Severity} {
		v[7+i].s = t.In(l)
	}
	switch r.Suspicion {
	case SuspectedYes:
		v[10].s = l.Format(msgSuspectedYes.New())
	case SuspectedNo:
		v[10].s = l.Format(msgSuspectedNo.New())
	case SuspectedUnknown:
		v[10].s = l.Format(msgSuspectedUnknown.New())
	}
	for i, t := range []Text{r.CrossBorder, r.Indicators, r.RootCause, r.Mitigation, r.Provider, r.Helpers, r.Result, r.Recommend} {
		v[11+i].s = t.In(l)
	}
	if !r.Notified.IsZero() {
		v[19].s = l.Time(r.Notified.In(r.Detected.Location()))
	}
	switch r.Operator {
	case CNCII:
		v[20].s = l.Format(msgOperatorCII.New())
	case CNCentral:
		v[20].s = l.Format(msgOperatorCentral.New())
	case CNOtherOperator:
		v[20].s = l.Format(msgOperatorOther.New())
	}
	for _, d := range DeadlinesFor(reg, r) {
		var cite strings.Builder
		l.writeCitation(&cite, reg, d.Citation)
		s := l.Format(msgDeadlineItem.New(d.Step, l.Time(d.Due), cite.String()))
		if !d.Note.IsZero() {
			s += " " + l.Format(d.Note)
		}
		v[21].list = append(v[21].list, s)
	}
	if r.Stage == VNInitialReport {
		vs := values{incidentSchema, v}
		parent := r.Parent.In(l)
		vs.set("Parent", parent)
		vs.set("ParentUpper", upper(parent))
		vs.set("EntityUpper", upper(v[0].s))
		vs.set("NumberSymbol", numberSymbol(l, r.Number, r.Symbol, r.Draft))
		date := issueDate(l, r.Date, r.Draft)
		vs.set("PlaceDate", issuePlaceDate(l, r.Place.In(l), date))
		vs.set("Date", date)
		vs.set("Authority", r.Signer.authority(l))
		title := r.Signer.title(l, r.Signer.Title)
		if l.Locale() == VI {
			title = upper(title)
		}
		vs.set("SignerTitle", title)
		vs.set("SignerName", r.Signer.Name.In(l))
		vs.list("Distribution", distribution(l, texts(l, r.CopiesTo), r.Archive))
	}
	return v
}
