package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/escape"
)

// A Kind names a notice layout: a letter ("holiday", "circular",
// "announcement") or the report kind of an incident report (see
// [IncidentStage]), such as "nis2-early-warning".
type Kind string

// The notice kinds with embedded layouts.
const (
	KindHoliday          Kind = "holiday"            // [HolidayDispatch]
	KindCircular         Kind = "circular"           // [Circular]
	KindAnnouncement     Kind = "announcement"       // [Announcement]
	KindNIS2EarlyWarning Kind = "nis2-early-warning" // [IncidentReport] with Stage NIS2EarlyWarning
	KindNIS2Notification Kind = "nis2-notification"  // [IncidentReport] with Stage NIS2Notification
	KindNIS2FinalReport  Kind = "nis2-final-report"  // [IncidentReport] with Stage NIS2FinalReport
	KindVNInitialReport  Kind = "vn-initial-report"  // [IncidentReport] with Stage VNInitialReport
	KindCNReport         Kind = "cn-report"          // [IncidentReport] with Stage CNReport
)

// Kinds returns the notice kinds with embedded layouts, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindHoliday, KindCircular, KindAnnouncement, KindNIS2EarlyWarning,
		KindNIS2Notification, KindNIS2FinalReport, KindVNInitialReport, KindCNReport}
}

// Fields returns the names of the fields a template of kind k can use,
// with "[]" after list fields. Every report kind (see [IncidentStage]) has
// the fields of [IncidentReport].
func (k Kind) Fields() []string {
	s, ok := schemaOf(k)
	if !ok {
		return nil
	}
	out := make([]string, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.name
		if f.list {
			out[i] += "[]"
		}
	}
	return out
}

// A Notice is the typed data of one notice. It is implemented by
// [HolidayDispatch], [Circular], [Announcement] and [IncidentReport].
type Notice interface {
	// Kind returns the layout the notice uses.
	Kind() Kind
	// Validate reports every missing required field and every field
	// with text that is not allowed at once, as a [*NoticeError] that
	// unwraps to [medsec.FieldErrors] and [medsec.ErrInvalidInput].
	Validate() error
	// values returns the template fields rendered for l. Incident
	// reports take their deadlines from reg.
	values(l *Localizer, reg *medsec.Registry) []value
}

// A Contact is a person or office to contact.
type Contact struct {
	Name  Text   // person or body, e.g. "VNCERT/CC"
	Title Text   // optional position
	Phone string // optional
	Email string // optional
}

// in renders the contact for l: its name, then its title, phone and
// e-mail when given.
func (c Contact) in(l *Localizer) string {
	var b strings.Builder
	b.Grow(128)
	b.WriteString(c.Name.In(l))
	if !c.Title.IsZero() {
		l.write(&b, msgContactTitle.New(c.Title), 0)
	}
	if c.Phone != "" {
		l.write(&b, msgContactPhone.New(c.Phone), 0)
	}
	if c.Email != "" {
		l.write(&b, msgContactEmail.New(c.Email), 0)
	}
	return b.String()
}

func contacts(l *Localizer, cs []Contact) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.in(l))
	}
	return out
}

// An Authority is the capacity in which a signer signs (Decree 30/2020
// art. 13 names these for Vietnamese documents). The zero value is "not
// stated" and fails validation.
type Authority uint8

// The signing authorities.
const (
	_            Authority = iota
	SignOwn                // the head signs in their own name
	SignForHead            // a deputy signs for the head ("KT.")
	SignOnBehalf           // the head signs on behalf of a collective body ("TM.")
	SignActing             // an acting head signs ("Q.")
)

// A Signer is the signature block of a document.
type Signer struct {
	Authority Authority // the capacity in which the signer signs
	Head      Text      // the head's title for SignForHead and SignOnBehalf ("GIÁM ĐỐC", "ředitele")
	Title     Text      // the signer's own title ("PHÓ GIÁM ĐỐC")
	Name      string    // the signer's full name
}

func (s Signer) authority(l *Localizer) string {
	var t medsec.MessageTemplate
	switch s.Authority {
	case SignForHead:
		t = msgSignForHead
	case SignOnBehalf:
		t = msgSignOnBehalf
	case SignActing:
		t = msgSignActing
	default:
		return ""
	}
	if l.loc == VI {
		return strings.ToUpper(l.Format(t.New(s.Head)))
	}
	return l.Format(t.New(s.Head))
}

// missing collects the errors of a notice's fields: required fields that
// are empty, and text that is not one line of printable text.
type missing struct{ errs medsec.FieldErrors }

func (m *missing) check(empty bool, path string) {
	if empty {
		m.errs = append(m.errs, &medsec.FieldError{Path: path, Rule: "required",
			Message: msgRequired.New(path)})
	}
}

// Every field of a notice is one line of text: a name, a title, a
// sentence or a paragraph. Text that runs over several paragraphs is a
// list field, one item per paragraph (Circular.Body,
// Announcement.Background, HolidayDispatch.Tasks). So no field may hold a
// character that could break the line or play tricks on the reader: a
// line break of any kind (LF, CR, NEL, U+2028, U+2029), another control
// character (tab, ESC, NUL, ...), a bidirectional override or isolate, or
// a byte that is not UTF-8 (see [escape.Unsafe]). Validate reports each
// such field with the rule "text"; the renderers never print one raw.

// text records field path when s holds an unsafe character.
func (m *missing) text(path, s string) {
	if i := escape.Index(s); i >= 0 {
		m.errs = append(m.errs, &medsec.FieldError{Path: path, Rule: "text", Value: escape.Text(s),
			Message: msgBadText.New(path, escape.Char(s[i:]), i)})
	}
}

// texts records the items of a list of strings that hold unsafe characters.
func (m *missing) texts(path string, ss []string) {
	for i, s := range ss {
		m.text(path+"["+strconv.Itoa(i)+"]", s)
	}
}

// textT checks a Text: its literal content, or the text arguments of its
// message, which end up in the output too.
func (m *missing) textT(path string, t Text) {
	if t.msg.IsZero() {
		m.text(path, t.lit)
		return
	}
	if s, ok := unsafeArg(t.msg.Args, 0); ok {
		m.text(path, s)
	}
}

func (m *missing) textsT(path string, ts []Text) {
	for i, t := range ts {
		m.textT(path+"["+strconv.Itoa(i)+"]", t)
	}
}

func (m *missing) contact(path string, c Contact) {
	m.textT(path+".Name", c.Name)
	m.textT(path+".Title", c.Title)
	m.text(path+".Phone", c.Phone)
	m.text(path+".Email", c.Email)
}

// unsafeArg returns the first text argument of a message, looking into
// nested messages and Texts, that holds an unsafe character.
func unsafeArg(args []any, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	for _, a := range args {
		switch v := a.(type) {
		case string:
			if escape.Index(v) >= 0 {
				return v, true
			}
		case Text:
			if v.msg.IsZero() {
				if escape.Index(v.lit) >= 0 {
					return v.lit, true
				}
			} else if s, ok := unsafeArg(v.msg.Args, depth+1); ok {
				return s, true
			}
		case medsec.Message:
			if s, ok := unsafeArg(v.Args, depth+1); ok {
				return s, true
			}
		}
	}
	return "", false
}

func (m *missing) err(k Kind) error {
	if len(m.errs) == 0 {
		return nil
	}
	return &NoticeError{Kind: k, Fields: m.errs}
}

// A NoticeError reports every missing or invalid field of a notice. It
// unwraps to the [medsec.FieldErrors], and so to [medsec.ErrInvalidInput].
type NoticeError struct {
	Kind   Kind               // the kind of the notice
	Fields medsec.FieldErrors // one error per missing or invalid field
}

// Error returns "i18n: <kind> notice: fill in the required fields A, B,
// C", and for fields whose text is not allowed "remove line breaks,
// control characters and direction overrides from the fields D, E". Each
// field's own error, with a translatable message that says what is wrong
// where, is in Fields.
func (e *NoticeError) Error() string {
	var req, text, other []string
	for _, f := range e.Fields {
		switch {
		case f == nil:
		case f.Rule == "required":
			req = append(req, f.Path)
		case f.Rule == "text":
			text = append(text, f.Path)
		default:
			other = append(other, f.Error())
		}
	}
	var parts []string
	if len(req) > 0 {
		parts = append(parts, "fill in the required fields "+strings.Join(req, ", "))
	}
	if len(text) > 0 {
		parts = append(parts, "remove line breaks, control characters and direction overrides from the fields "+strings.Join(text, ", "))
	}
	parts = append(parts, other...)
	return "i18n: " + string(e.Kind) + " notice: " + strings.Join(parts, "; ")
}

// Unwrap returns the field errors.
func (e *NoticeError) Unwrap() error { return e.Fields }

// Render renders n in locale loc and format f with the [DefaultCatalog]
// and the [DefaultTemplates].
func Render(n Notice, loc Locale, f Format) (string, error) {
	return DefaultTemplates().Render(NewLocalizer(loc), n, f)
}

// -------------------------------------------------------------------
// Holiday dispatch

// A HolidayDispatch is the official letter (công văn) in which a provincial
// health department asks the units under it to tighten network security
// over a public holiday. In Vietnamese it follows the layout of Decree
// 30/2020 (VN-ND-30-2020 art. 8 and Annex I); in the other locales the
// same content follows that country's letter conventions.
type HolidayDispatch struct {
	Parent     string      // the issuer's parent body, e.g. "UBND tỉnh Thanh Hóa"
	Issuer     string      // the issuing body, e.g. "Sở Y tế"
	Number     int         // the document number; printed zero-padded below 10
	Symbol     string      // the symbol after the number, e.g. "SYT-VP"
	Subject    Text        // what the letter is about (after "V/v"); see HolidaySubject
	Place      string      // where it is issued, e.g. "Thanh Hóa"
	Date       medsec.Date // when it is issued
	Recipients []Text      // "Kính gửi" addressees
	Basis      Text        // the opening paragraph: what the letter acts on; see HolidayBasis
	Tasks      []Text      // the numbered tasks; see HolidayTasks
	Contacts   []Contact   // whom units can call for help
	Signer     Signer      // the signature block
	CopiesTo   []Text      // further recipients of copies ("Nơi nhận"), besides the addressees
	Archive    string      // the units that file a copy, e.g. "VT, VP"
}

// Kind returns [KindHoliday].
func (HolidayDispatch) Kind() Kind { return KindHoliday }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (d HolidayDispatch) Validate() error {
	var m missing
	m.check(d.Issuer == "", "Issuer")
	m.check(d.Parent == "", "Parent")
	m.check(d.Number <= 0, "Number")
	m.check(d.Symbol == "", "Symbol")
	m.check(d.Subject.IsZero(), "Subject")
	m.check(d.Place == "", "Place")
	m.check(!d.Date.Valid(), "Date")
	m.check(len(d.Recipients) == 0, "Recipients")
	m.check(d.Basis.IsZero(), "Basis")
	m.check(len(d.Tasks) == 0, "Tasks")
	m.check(d.Signer.Title.IsZero(), "Signer.Title")
	m.check(d.Signer.Name == "", "Signer.Name")
	m.check(d.Signer.Authority < SignOwn || d.Signer.Authority > SignActing, "Signer.Authority")
	m.check(d.Signer.Authority > SignOwn && d.Signer.Head.IsZero(), "Signer.Head")
	m.check(d.Archive == "", "Archive")
	m.text("Parent", d.Parent)
	m.text("Issuer", d.Issuer)
	m.text("Symbol", d.Symbol)
	m.textT("Subject", d.Subject)
	m.text("Place", d.Place)
	m.textsT("Recipients", d.Recipients)
	m.textT("Basis", d.Basis)
	m.textsT("Tasks", d.Tasks)
	for i, c := range d.Contacts {
		m.contact("Contacts["+strconv.Itoa(i)+"]", c)
	}
	m.textT("Signer.Head", d.Signer.Head)
	m.textT("Signer.Title", d.Signer.Title)
	m.text("Signer.Name", d.Signer.Name)
	m.textsT("CopiesTo", d.CopiesTo)
	m.text("Archive", d.Archive)
	return m.err(KindHoliday)
}

var holidaySchema = newSchema(
	fieldDef{name: "Parent"}, fieldDef{name: "Issuer"}, fieldDef{name: "ParentUpper"}, fieldDef{name: "IssuerUpper"},
	fieldDef{name: "NumberSymbol"}, fieldDef{name: "Subject"}, fieldDef{name: "PlaceDate"},
	fieldDef{name: "Recipient"}, fieldDef{name: "Recipients", list: true}, fieldDef{name: "RecipientsLine"},
	fieldDef{name: "ManyRecipients", list: true},
	fieldDef{name: "Basis"}, fieldDef{name: "Tasks", list: true}, fieldDef{name: "Contacts", list: true},
	fieldDef{name: "Authority"}, fieldDef{name: "SignerTitle"}, fieldDef{name: "SignerName"},
	fieldDef{name: "Distribution", list: true}, fieldDef{name: "Date"},
)

func (d HolidayDispatch) values(l *Localizer, _ *medsec.Registry) []value {
	v := make([]value, len(holidaySchema.fields))
	v[0].s, v[1].s = d.Parent, d.Issuer
	v[2].s, v[3].s = strings.ToUpper(d.Parent), strings.ToUpper(d.Issuer)
	v[4].s = twoDigits(d.Number) + "/" + d.Symbol
	v[5].s = d.Subject.In(l)
	v[6].s = l.PlaceDate(d.Place, d.Date)
	rec := texts(l, d.Recipients)
	v[8].list = rec
	if len(rec) == 1 {
		v[7].s = rec[0]
	} else {
		v[10].list = rec
		if l.loc == VI {
			v[10].list = vnPunctuate(rec)
		}
	}
	v[9].s = strings.Join(rec, l.listSep())
	v[11].s = d.Basis.In(l)
	v[12].list = texts(l, d.Tasks)
	v[13].list = contacts(l, d.Contacts)
	v[14].s = d.Signer.authority(l)
	v[15].s = d.Signer.Title.In(l)
	if l.loc == VI {
		v[15].s = strings.ToUpper(v[15].s)
	}
	v[16].s = d.Signer.Name
	dist := make([]string, 0, len(d.CopiesTo)+2)
	dist = append(dist, l.Format(msgAsAbove.New()))
	dist = append(dist, texts(l, d.CopiesTo)...)
	dist = append(dist, l.Format(msgArchive.New(d.Archive)))
	if l.loc == VI {
		dist = vnPunctuate(dist)
	}
	v[17].list = dist
	v[18].s = l.Date(d.Date)
	return v
}

// vnPunctuate ends every item of a Vietnamese recipient list with ";" and
// the last one with ".", as Decree 30/2020 Annex I shows.
func vnPunctuate(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		s = strings.TrimRight(s, ";.")
		if i == len(items)-1 {
			out[i] = s + "."
		} else {
			out[i] = s + ";"
		}
	}
	return out
}

// HolidaySubject returns the standard subject of a holiday dispatch:
// strengthening network information security over the holidays.
func HolidaySubject() Text { return Msg(msgHolidaySubject.New()) }

// HolidayBasis returns the standard opening paragraph: the issuer has
// received the letter number of the given date from the given body and
// asks the units to carry out the tasks that follow.
func HolidayBasis(issuer, number string, date medsec.Date, from string) Text {
	return Msg(msgHolidayBasis.New(issuer, number, date, from))
}

// holidayReport is the report kind of the incident rules that say to whom
// the units a holiday dispatch addresses report signs of attack, and when.
const holidayReport = "vn-attack-report"

// HolidayTasks returns the standard tasks of a holiday dispatch dated d:
// review and fix weaknesses, monitor and staff a 24/7 duty, report attacks,
// follow warnings, back up data. The reporting task is the step of the
// incident rule for reports of attacks ("vn-attack-report" in
// law/vn/incidents.json) in force on d, so it names the bodies in charge
// that day: before 1 March 2025 the provincial Department of Information
// and Communications with the MIC's Authority of Information Security,
// from then on the provincial police with the Ministry of Public
// Security's Department A05 (the rules' periods and confidence say how
// far this is verified; which unit of the provincial police receives the
// reports is not, so edit the task if your province says). When no such
// rule is in force on d, or d is not a valid date, the reporting task is
// left out.
func HolidayTasks(d medsec.Date) []Text {
	tasks := []Text{Msg(msgTaskReview.New()), Msg(msgTaskMonitor.New())}
	if d.Valid() {
		for _, rule := range medsec.DefaultRegistry().IncidentRules("", d) {
			if rule.Report == holidayReport && !rule.Step.IsZero() {
				tasks = append(tasks, Msg(rule.Step))
			}
		}
	}
	return append(tasks, Msg(msgTaskWarnings.New()), Msg(msgTaskBackup.New()))
}

// ChangeOfAuthority returns the day from which the reporting task of
// [HolidayTasks] names its present recipients: the first day of the
// latest of the incident rules it chooses from. With the embedded law it
// is 1 March 2025, the day Vietnam's Ministry of Public Security
// (Department A05) and the provincial police took over the
// network-security roles of the Ministry of Information and
// Communications and its provincial departments.
//
// Deprecated: the day is data, not a constant of this package. Read the
// legal date from the registry (the date VN-MPS-TAKEOVER of
// medsec.DefaultRegistry().Date), or the periods of the incident rules
// with [medsec.Registry.IncidentRulePeriod]; HolidayTasks already chooses
// the task in force on a dispatch's date.
func ChangeOfAuthority() medsec.Date {
	reg := medsec.DefaultRegistry()
	var last medsec.Date
	for _, rule := range reg.IncidentRules("", medsec.Date{}) {
		if from := reg.IncidentRulePeriod(rule).From; rule.Report == holidayReport && from.After(last) {
			last = from
		}
	}
	return last
}

// -------------------------------------------------------------------
// Circular

// A Disclosure is the form in which a Chinese official document is made
// public (信息公开形式).
type Disclosure uint8

// The disclosure forms.
const (
	_                 Disclosure = iota
	DisclosePublic               // 主动公开: published proactively
	DiscloseOnRequest            // 依申请公开: disclosed on request
	DiscloseNotPublic            // 不予公开: not disclosed
)

// A Circular is a notice (通知) by which one or more Chinese government
// organs issue a regulation, such as 国卫规划发〔2022〕29号 issuing the
// Measures for the network security management of medical and health
// institutions (CN-NHC-2022-29).
type Circular struct {
	Issuers    []string    // the issuing organs (发文机关)
	Code       string      // the organ code of the document number, e.g. "国卫规划发"
	Year       int         // the year of the document number
	Number     int         // the serial number
	Title      Text        // 标题, e.g. 关于印发…的通知
	Addressees []string    // the main recipients (主送机关)
	Body       []Text      // paragraphs
	Attachment Text        // the issued regulation's name (附件), optional
	Date       medsec.Date // the date of writing (成文日期)
	Disclosure Disclosure  // the form of disclosure
}

// Kind returns [KindCircular].
func (Circular) Kind() Kind { return KindCircular }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (c Circular) Validate() error {
	var m missing
	m.check(len(c.Issuers) == 0, "Issuers")
	m.check(c.Code == "", "Code")
	m.check(c.Year <= 0, "Year")
	m.check(c.Number <= 0, "Number")
	m.check(c.Title.IsZero(), "Title")
	m.check(len(c.Addressees) == 0, "Addressees")
	m.check(len(c.Body) == 0, "Body")
	m.check(!c.Date.Valid(), "Date")
	m.check(c.Disclosure < DisclosePublic || c.Disclosure > DiscloseNotPublic, "Disclosure")
	m.texts("Issuers", c.Issuers)
	m.text("Code", c.Code)
	m.textT("Title", c.Title)
	m.texts("Addressees", c.Addressees)
	m.textsT("Body", c.Body)
	m.textT("Attachment", c.Attachment)
	return m.err(KindCircular)
}

var circularSchema = newSchema(
	fieldDef{name: "Issuers"}, fieldDef{name: "DocNumber"}, fieldDef{name: "Title"},
	fieldDef{name: "Addressees"}, fieldDef{name: "Body", list: true}, fieldDef{name: "Attachment"},
	fieldDef{name: "Date"}, fieldDef{name: "Disclosure"}, fieldDef{name: "Signatories", list: true},
)

func (c Circular) values(l *Localizer, _ *medsec.Registry) []value {
	v := make([]value, len(circularSchema.fields))
	sep, end := "; ", ""
	issSep := ", "
	if l.loc == ZhHans || l.loc == ZhHant {
		sep, end, issSep = "，", "：", "　"
	}
	v[0].s = strings.Join(c.Issuers, issSep)
	hao := "号"
	if l.loc == ZhHant {
		hao = "號"
	}
	v[1].s = c.Code + "〔" + strconv.Itoa(c.Year) + "〕" + strconv.Itoa(c.Number) + hao
	v[2].s = c.Title.In(l)
	v[3].s = strings.Join(c.Addressees, sep) + end
	v[4].list = texts(l, c.Body)
	v[5].s = c.Attachment.In(l)
	v[6].s = l.Date(c.Date)
	switch c.Disclosure {
	case DisclosePublic:
		v[7].s = l.Format(msgDisclosurePublic.New())
	case DiscloseOnRequest:
		v[7].s = l.Format(msgDisclosureOnRequest.New())
	case DiscloseNotPublic:
		v[7].s = l.Format(msgDisclosureNotPublic.New())
	}
	v[8].list = c.Issuers
	return v
}

// -------------------------------------------------------------------
// Announcement

// A Service is one offer in a help catalog.
type Service struct {
	Name        Text   // what is offered
	Provider    string // who offers it
	Description Text   // optional details
}

// An Announcement is a ministry's news item announcing a committee it
// founded, calling for help and listing the services offered — as the
// Czech Ministry of Health did when it founded its cybersecurity action
// committee in March 2020.
type Announcement struct {
	Organization string      // the announcing body
	Title        Text        // the headline
	Committee    string      // the body that was founded
	Within       string      // optional: the institution within which it was founded
	Founded      medsec.Date // when it was founded
	Background   []Text      // paragraphs: why it was founded, what it has done
	CallForHelp  Text        // how others can join or help
	Contacts     []Contact   // whom to write to
	Services     []Service   // the help catalog; optional
	Place        string      // where it is issued, as the place-and-date line prints it
	Date         medsec.Date // when it is issued
}

// Kind returns [KindAnnouncement].
func (Announcement) Kind() Kind { return KindAnnouncement }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (a Announcement) Validate() error {
	var m missing
	m.check(a.Organization == "", "Organization")
	m.check(a.Title.IsZero(), "Title")
	m.check(a.Committee == "", "Committee")
	m.check(!a.Founded.Valid(), "Founded")
	m.check(a.CallForHelp.IsZero(), "CallForHelp")
	m.check(len(a.Contacts) == 0, "Contacts")
	m.check(a.Place == "", "Place")
	m.check(!a.Date.Valid(), "Date")
	for i, s := range a.Services {
		m.check(s.Name.IsZero(), fmt.Sprintf("Services[%d].Name", i))
		m.check(s.Provider == "", fmt.Sprintf("Services[%d].Provider", i))
	}
	m.text("Organization", a.Organization)
	m.textT("Title", a.Title)
	m.text("Committee", a.Committee)
	m.text("Within", a.Within)
	m.textsT("Background", a.Background)
	m.textT("CallForHelp", a.CallForHelp)
	for i, c := range a.Contacts {
		m.contact("Contacts["+strconv.Itoa(i)+"]", c)
	}
	for i, s := range a.Services {
		p := "Services[" + strconv.Itoa(i) + "]"
		m.textT(p+".Name", s.Name)
		m.text(p+".Provider", s.Provider)
		m.textT(p+".Description", s.Description)
	}
	m.text("Place", a.Place)
	return m.err(KindAnnouncement)
}

var announcementSchema = newSchema(
	fieldDef{name: "Organization"}, fieldDef{name: "Title"}, fieldDef{name: "Founding"},
	fieldDef{name: "Background", list: true}, fieldDef{name: "CallForHelp"},
	fieldDef{name: "Contacts", list: true}, fieldDef{name: "Services", list: true}, fieldDef{name: "PlaceDate"},
)

func (a Announcement) values(l *Localizer, _ *medsec.Registry) []value {
	v := make([]value, len(announcementSchema.fields))
	v[0].s = a.Organization
	v[1].s = a.Title.In(l)
	if a.Within != "" {
		v[2].s = l.Format(msgFoundedWithin.New(a.Committee, a.Founded, a.Within))
	} else {
		v[2].s = l.Format(msgFounded.New(a.Committee, a.Founded))
	}
	v[3].list = texts(l, a.Background)
	v[4].s = a.CallForHelp.In(l)
	v[5].list = contacts(l, a.Contacts)
	for _, s := range a.Services {
		if s.Description.IsZero() {
			v[6].list = append(v[6].list, l.Format(msgService.New(s.Name, s.Provider)))
		} else {
			v[6].list = append(v[6].list, l.Format(msgServiceDesc.New(s.Name, s.Provider, s.Description)))
		}
	}
	v[7].s = l.PlaceDate(a.Place, a.Date)
	return v
}

// Director returns the title of a department's director as it reads after
// a signing-authority prefix: "For the Director", "KT. GIÁM ĐỐC",
// "v zastoupení ředitele" (Czech uses the genitive here).
func Director() Text { return Msg(msgRoleDirector.New()) }

// DeputyDirector returns the title of a deputy director, for the signer's
// own title line.
func DeputyDirector() Text { return Msg(msgRoleDeputyDirector.New()) }

// NewHolidayDispatch returns a holiday dispatch with the standard content
// filled in: [HolidaySubject], all health units of the province as
// addressees, the [HolidayTasks] for date, the director of the department
// as a copy recipient and "VT, VP" (clerical office and secretariat) as
// the filing units. Change any field afterwards.
func NewHolidayDispatch(parent, issuer string, number int, symbol, place string, date medsec.Date, basis Text, signer Signer) HolidayDispatch {
	return HolidayDispatch{
		Parent: parent, Issuer: issuer, Number: number, Symbol: symbol, Place: place, Date: date,
		Subject:    HolidaySubject(),
		Recipients: []Text{Msg(msgHolidayRecipients.New())},
		Basis:      basis,
		Tasks:      HolidayTasks(date),
		Signer:     signer,
		CopiesTo:   []Text{Msg(msgHolidayCopyDirector.New())},
		Archive:    "VT, VP",
	}
}
