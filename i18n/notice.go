package i18n

import (
	"slices"
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
	name := c.Name.In(l)
	var b strings.Builder
	b.Grow(len(name) + len(c.Phone) + len(c.Email) + 64) // and the words around them
	b.WriteString(name)
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

// contactsInline writes the rendered contacts cs in one run, numbered as
// a sentence numbers them: "(1) …; (2) …".
func contactsInline(l *Localizer, cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	open, closing, sep := "(", ") ", "; "
	if isCJK(l.Locale()) {
		open, closing, sep = "（", "）", "；"
	}
	n := 0
	for _, c := range cs {
		n += len(c) + 16
	}
	var b strings.Builder
	b.Grow(n)
	for i, c := range cs {
		if i > 0 {
			b.WriteString(sep)
		}
		if len(cs) > 1 {
			b.WriteString(open)
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString(closing)
		}
		b.WriteString(c)
	}
	return b.String()
}

// isCJK reports whether loc writes Chinese, whose punctuation is
// full-width.
func isCJK(loc Locale) bool {
	return loc == ZhHans || loc == ZhHant || strings.HasPrefix(string(loc), "zh-")
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

// A Gender is the grammatical gender of a signer, for the languages whose
// titles agree with it: Czech says "náměstek ředitele" of a man and
// "náměstkyně ředitele" of a woman. The zero value is "not stated": titles
// take their default form, which in Czech is the masculine one.
type Gender uint8

// The grammatical genders.
const (
	_         Gender = iota
	Masculine        // the masculine form
	Feminine         // the feminine form
)

// A Signer is the signature block of a document.
type Signer struct {
	Authority Authority // the capacity in which the signer signs
	Head      Text      // the head's title for SignForHead, SignOnBehalf and SignActing ("GIÁM ĐỐC", "ředitele")
	Title     Text      // the signer's own title ("PHÓ GIÁM ĐỐC")
	Name      Text      // the signer's full name, e.g. LitIn(VI, "Lê Thị Minh Anh")
	// Gender chooses the form of the titles that agree with it. A
	// message of this package or of a catalog whose key has a variant
	// with the suffix ".feminine" (such as [DeputyDirector] in Czech) is
	// printed in that variant for a Feminine signer. To word a title
	// yourself, give it whole for the locale with [Text.With].
	Gender Gender
}

// feminineSuffix ends the key of the feminine variant of a message.
const feminineSuffix = ".feminine"

// gendered returns m in the form that agrees with g: the catalog's
// ".feminine" variant of m for a Feminine g, when the catalog has one.
func (l *Localizer) gendered(m medsec.Message, g Gender) medsec.Message {
	if g != Feminine || m.IsZero() || l == nil {
		return m
	}
	if _, ok := l.msgs[m.Key+feminineSuffix]; !ok {
		return m
	}
	m.Key += feminineSuffix
	return m
}

// title renders t, the signer's title, in the form that agrees with the
// signer's gender.
func (s Signer) title(l *Localizer, t Text) string {
	if s.Gender == Feminine && !t.msg.IsZero() {
		t.msg = l.gendered(t.msg, s.Gender)
	}
	return t.In(l)
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
	m := l.gendered(t.New(s.Head), s.Gender)
	if l.Locale() == VI {
		return mapText(l.Format(m), strings.ToUpper)
	}
	return l.Format(m)
}

// check reports the missing parts of a signature block at path.
func (s Signer) check(m *missing, path string) {
	m.checkAt(s.Title.IsZero(), path, ".Title")
	m.checkAt(s.Name.IsZero(), path, ".Name")
	m.checkAt(s.Authority < SignOwn || s.Authority > SignActing, path, ".Authority")
	m.checkAt(s.Authority > SignOwn && s.Head.IsZero(), path, ".Head")
	s.checkText(m, path)
}

// checkText reports the parts of a signature block at path whose text is
// not allowed, and a gender out of range.
func (s Signer) checkText(m *missing, path string) {
	m.checkAt(s.Gender > Feminine, path, ".Gender")
	m.textAt(path, ".Head", s.Head)
	m.textAt(path, ".Title", s.Title)
	m.textAt(path, ".Name", s.Name)
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

// The paths of the fields inside structs and lists are joined only for a
// field that has an error: checking a valid notice builds no string.

// checkAt is check for the field name (".Title") of the struct at path.
func (m *missing) checkAt(empty bool, path, name string) {
	if empty {
		m.check(true, path+name)
	}
}

// Every field of a notice is one line of text: a name, a title, a
// sentence or a paragraph. Text that runs over several paragraphs is a
// list field, one item per paragraph (Circular.Body,
// Announcement.Background, HolidayDispatch.Tasks). So no field may hold a
// character that could break the line or play tricks on the reader: a
// line break of any kind (LF, CR, NEL, U+2028, U+2029), another control
// character (tab, ESC, NUL, ...), a bidirectional override or isolate, or
// a byte that is not UTF-8 (see [escape.Unsafe]). Nor may it hold the
// noncharacters U+FDD0–U+FDD2, which the renderers use internally to
// mark text in another language. Validate reports each such field with
// the rule "text"; the renderers never print one raw.

// text records field path when s holds an unsafe character.
func (m *missing) text(path, s string) {
	i := escape.Index(s)
	if j := markIndex(s); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i >= 0 {
		m.errs = append(m.errs, &medsec.FieldError{Path: path, Rule: "text", Value: escape.Text(s),
			Message: msgBadText.New(path, charName(s[i:]), i)})
	}
}

// charName returns the visible form of the character that starts s, as
// error messages name it: escape.Char's, or \ufdd0 for a span marker.
func charName(s string) string {
	if markIndex(s) == 0 {
		return `\u` + strconv.FormatInt(int64([]rune(s[:3])[0]), 16)
	}
	return escape.Char(s)
}

// lineOK reports whether s is one line of printable text without span
// markers: whether text accepts it.
func lineOK(s string) bool { return escape.Index(s) < 0 && markIndex(s) < 0 }

// textOK reports whether textT accepts t.
func textOK(t Text) bool {
	if t.msg.IsZero() {
		if !lineOK(t.lit) {
			return false
		}
	} else if _, bad := unsafeArg(t.msg.Args, 0); bad {
		return false
	}
	if t.lang != "" && !t.lang.Valid() {
		return false
	}
	for _, f := range t.forms {
		if !f.loc.Valid() || !lineOK(f.text) {
			return false
		}
	}
	return true
}

// textT checks a Text: its literal content, or the text arguments of its
// message, which end up in the output too; its language; and its forms.
func (m *missing) textT(path string, t Text) {
	if textOK(t) {
		return
	}
	if t.msg.IsZero() {
		m.text(path, t.lit)
	} else if s, ok := unsafeArg(t.msg.Args, 0); ok {
		m.text(path, s)
	}
	if t.lang != "" && !t.lang.Valid() {
		m.errs = append(m.errs, &medsec.FieldError{Path: path, Rule: "lang", Value: escape.Text(string(t.lang)),
			Message: msgBadLang.New(path, escape.Text(string(t.lang)))})
	}
	for _, f := range t.forms {
		p := path + "@" + escape.Text(string(f.loc))
		if !f.loc.Valid() {
			m.errs = append(m.errs, &medsec.FieldError{Path: path, Rule: "lang", Value: escape.Text(string(f.loc)),
				Message: msgBadLang.New(path, escape.Text(string(f.loc)))})
			continue
		}
		m.text(p, f.text)
	}
}

// textAt is textT for the field name (".Title") of the struct at path.
func (m *missing) textAt(path, name string, t Text) {
	if !textOK(t) {
		m.textT(path+name, t)
	}
}

// textsT checks the Texts of the list at path.
func (m *missing) textsT(path string, ts []Text) {
	for i, t := range ts {
		if !textOK(t) {
			m.textT(path+"["+strconv.Itoa(i)+"]", t)
		}
	}
}

// contact checks the text of a contact at path.
func (m *missing) contact(path string, c Contact) {
	m.textAt(path, ".Name", c.Name)
	m.textAt(path, ".Title", c.Title)
	if !lineOK(c.Phone) {
		m.text(path+".Phone", c.Phone)
	}
	if !lineOK(c.Email) {
		m.text(path+".Email", c.Email)
	}
}

// contacts checks the contacts of the list at path.
func (m *missing) contacts(path string, cs []Contact) {
	for i, c := range cs {
		if !textOK(c.Name) || !textOK(c.Title) || !lineOK(c.Phone) || !lineOK(c.Email) {
			m.contact(path+"["+strconv.Itoa(i)+"]", c)
		}
	}
}

// unsafeArg returns the first text argument of a message, looking into
// nested messages and Texts, that holds an unsafe character or a span
// marker.
func unsafeArg(args []any, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	bad := func(s string) bool { return escape.Index(s) >= 0 || markIndex(s) >= 0 }
	for _, a := range args {
		switch v := a.(type) {
		case string:
			if bad(v) {
				return v, true
			}
		case Text:
			if v.msg.IsZero() {
				if bad(v.lit) {
					return v.lit, true
				}
			} else if s, ok := unsafeArg(v.msg.Args, depth+1); ok {
				return s, true
			}
			for _, f := range v.forms {
				if bad(f.text) {
					return f.text, true
				}
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

// draftDate checks the date of a document that may be a draft: a draft's
// date needs its year, and its month and day when they are given must make
// a date; any other document's date must be a real day. The number of a
// draft must be left at 0.
func (m *missing) draftDate(draft bool, number int, d medsec.Date, numPath, datePath string) {
	if !draft {
		m.check(number <= 0, numPath)
		m.check(!d.Valid(), datePath)
		return
	}
	if number != 0 {
		m.errs = append(m.errs, &medsec.FieldError{Path: numPath, Rule: "draft", Value: strconv.Itoa(number),
			Message: msgDraftNumber.New(numPath)})
	}
	ok := d.Year > 0 && d.Month >= 0 && d.Month <= 12 && d.Day >= 0
	switch {
	case !ok:
	case d.Day > 0 && d.Month == 0:
		ok = false
	case d.Day > 0:
		ok = d.Valid()
	}
	m.check(!ok, datePath)
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

// values holds the template fields of one notice as it is rendered,
// set by name.
type values struct {
	sch *schema
	v   []value
}

func newValues(sch *schema) values { return values{sch, make([]value, len(sch.fields))} }

func (vs values) set(name, s string)           { vs.v[vs.sch.must(name)].s = s }
func (vs values) list(name string, l []string) { vs.v[vs.sch.must(name)].list = l }

// upper returns s in capitals, its spans kept.
func upper(s string) string { return mapText(s, strings.ToUpper) }

// parens puts s in the locale's parentheses: full-width in Chinese.
func parens(loc Locale, s string) string {
	if isCJK(loc) {
		return "（" + s + "）"
	}
	return "(" + s + ")"
}

// issueDate formats the date a document is issued: the locale's date, or
// for a draft the date with blanks for the day and month still to be
// filled in.
func issueDate(l *Localizer, d medsec.Date, draft bool) string {
	if draft {
		return l.conventions().formatDraftDate(d)
	}
	return l.Date(d)
}

// issuePlaceDate writes the place-and-date line with date, as issueDate
// wrote it.
func issuePlaceDate(l *Localizer, place, date string) string {
	return l.conventions().formatPlaceDateString(place, date)
}

// numberSymbol writes a Vietnamese document's number and symbol,
// "05/SYT-VP", or for a draft the blank to fill in, "      /SYT-VP". The
// symbol is Vietnamese ("BC-BVĐK"), so a notice in another language marks
// it so.
func numberSymbol(l *Localizer, number int, symbol string, draft bool) string {
	s := twoDigits(number) + "/" + symbol
	if draft {
		s = draftBlank + "/" + symbol
	}
	if l.mark && l.Locale() != VI {
		return markLang(VI, s)
	}
	return s
}

// distribution returns the recipients of copies of a Vietnamese-style
// document: the addressees ("as above"), copies (the further recipients,
// rendered for l), and the filing units, punctuated as Decree 30/2020
// Annex I shows in Vietnamese.
func distribution(l *Localizer, copies []string, archive Text) []string {
	dist := make([]string, 0, len(copies)+2)
	dist = append(dist, l.Format(msgAsAbove.New()))
	dist = append(dist, copies...)
	if !archive.IsZero() {
		dist = append(dist, l.Format(msgArchive.New(archive)))
	}
	if l.Locale() == VI {
		vnPunctuate(dist)
	}
	return dist
}

// joinTexts renders ts for l and joins them with the locale's
// enumeration comma: "，" in Chinese, ", " elsewhere.
func joinTexts(l *Localizer, ts []Text) string { return joinList(l, texts(l, ts)) }

// joinList joins items with the locale's enumeration comma.
func joinList(l *Localizer, items []string) string {
	sep := ", "
	if isCJK(l.Locale()) {
		sep = "，"
	}
	return strings.Join(items, sep)
}

// -------------------------------------------------------------------
// Holiday dispatch

// A HolidayDispatch is the official letter (công văn) in which a provincial
// health department asks the units under it to tighten network security
// over a public holiday. In Vietnamese it follows the layout of Decree
// 30/2020 (VN-ND-30-2020 art. 8 and Annex I); in the other locales the
// same content follows that country's letter conventions, and in Chinese
// the layout of GB/T 9704-2012.
//
// The names of bodies and places are Texts: give each as its own language
// writes it with [LitIn] and, with [Text.With], the established form in
// the other locales ("清化省卫生厅" for "Sở Y tế" of Thanh Hóa); a locale
// without a form prints the original.
type HolidayDispatch struct {
	Parent     Text        // the issuer's parent body, e.g. LitIn(VI, "UBND tỉnh Thanh Hóa")
	Issuer     Text        // the issuing body, e.g. LitIn(VI, "Sở Y tế")
	Number     int         // the document number; printed zero-padded below 10; 0 in a draft
	Symbol     string      // the symbol after the number, e.g. "SYT-VP"
	Subject    Text        // what the letter is about (after "V/v"); see HolidaySubject
	Place      Text        // where it is issued, as the place-and-date line prints it, e.g. LitIn(VI, "Thanh Hóa")
	Date       medsec.Date // when it is issued; a draft needs only the year
	Draft      bool        // a draft, to be numbered and dated when it is issued: see below
	Recipients []Text      // "Kính gửi" addressees
	Basis      Text        // the opening paragraph: what the letter acts on; see HolidayBasis
	Tasks      []Text      // the numbered tasks; see HolidayTasks
	Contacts   []Contact   // whom units can call for help
	Signer     Signer      // the signature block
	CopiesTo   []Text      // further recipients of copies ("Nơi nhận"), besides the addressees
	Archive    Text        // the units that file a copy, e.g. LitIn(VI, "VT, VP")
}

// A draft (Draft set) is the document as it goes for signature, as the
// Thanh Hóa dispatch of 2022 in medsec's seeds was published: the number
// is not given yet (Number is 0) and prints as a blank before the symbol,
// "Số:      /SYT-VP"; the day, and the month, may be left at 0 and print
// as blanks, "Thanh Hóa, ngày      tháng      năm 2022".

// Kind returns [KindHoliday].
func (HolidayDispatch) Kind() Kind { return KindHoliday }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (d HolidayDispatch) Validate() error {
	var m missing
	m.check(d.Issuer.IsZero(), "Issuer")
	m.check(d.Parent.IsZero(), "Parent")
	if !d.Draft {
		m.check(d.Number <= 0, "Number")
	}
	m.check(d.Symbol == "", "Symbol")
	m.check(d.Subject.IsZero(), "Subject")
	m.check(d.Place.IsZero(), "Place")
	if d.Draft {
		m.draftDate(true, d.Number, d.Date, "Number", "Date")
	} else {
		m.check(!d.Date.Valid(), "Date")
	}
	m.check(len(d.Recipients) == 0, "Recipients")
	m.check(d.Basis.IsZero(), "Basis")
	m.check(len(d.Tasks) == 0, "Tasks")
	d.Signer.check(&m, "Signer")
	m.check(d.Archive.IsZero(), "Archive")
	m.textT("Parent", d.Parent)
	m.textT("Issuer", d.Issuer)
	m.text("Symbol", d.Symbol)
	m.textT("Subject", d.Subject)
	m.textT("Place", d.Place)
	m.textsT("Recipients", d.Recipients)
	m.textT("Basis", d.Basis)
	m.textsT("Tasks", d.Tasks)
	m.contacts("Contacts", d.Contacts)
	m.textsT("CopiesTo", d.CopiesTo)
	m.textT("Archive", d.Archive)
	return m.err(KindHoliday)
}

var holidaySchema = newSchema(
	fieldDef{name: "Parent"}, fieldDef{name: "Issuer"}, fieldDef{name: "ParentUpper"}, fieldDef{name: "IssuerUpper"},
	fieldDef{name: "Mark", list: true},
	fieldDef{name: "NumberSymbol"}, fieldDef{name: "Subject"}, fieldDef{name: "PlaceDate"},
	fieldDef{name: "Recipient"}, fieldDef{name: "Recipients", list: true}, fieldDef{name: "RecipientsLine"},
	fieldDef{name: "ManyRecipients", list: true},
	fieldDef{name: "Basis"}, fieldDef{name: "Tasks", list: true}, fieldDef{name: "Contacts", list: true},
	fieldDef{name: "ContactsInline"},
	fieldDef{name: "Authority"}, fieldDef{name: "SignerTitle"}, fieldDef{name: "SignerName"},
	fieldDef{name: "Distribution", list: true}, fieldDef{name: "Date"},
	fieldDef{name: "CopiesLine"}, fieldDef{name: "Archive"}, fieldDef{name: "Draft"},
)

func (d HolidayDispatch) values(l *Localizer, _ *medsec.Registry) []value {
	v := newValues(holidaySchema)
	parent, issuer := d.Parent.In(l), d.Issuer.In(l)
	v.set("Parent", parent)
	v.set("Issuer", issuer)
	v.set("ParentUpper", upper(parent))
	v.set("IssuerUpper", upper(issuer))
	v.list("Mark", []string{issuer})
	v.set("NumberSymbol", numberSymbol(l, d.Number, d.Symbol, d.Draft))
	v.set("Subject", d.Subject.In(l))
	date := issueDate(l, d.Date, d.Draft)
	v.set("Date", date)
	v.set("PlaceDate", issuePlaceDate(l, d.Place.In(l), date))
	rec := texts(l, d.Recipients)
	v.list("Recipients", rec)
	if len(rec) == 1 {
		v.set("Recipient", rec[0])
	} else if l.Locale() == VI {
		v.list("ManyRecipients", vnPunctuate(slices.Clone(rec)))
	} else {
		v.list("ManyRecipients", rec)
	}
	v.set("RecipientsLine", strings.Join(rec, l.listSep()))
	v.set("Basis", d.Basis.In(l))
	v.list("Tasks", texts(l, d.Tasks))
	cs := contacts(l, d.Contacts)
	v.list("Contacts", cs)
	v.set("ContactsInline", contactsInline(l, cs))
	v.set("Authority", d.Signer.authority(l))
	title := d.Signer.title(l, d.Signer.Title)
	if l.Locale() == VI {
		title = upper(title)
	}
	v.set("SignerTitle", title)
	v.set("SignerName", d.Signer.Name.In(l))
	copies := texts(l, d.CopiesTo)
	v.list("Distribution", distribution(l, copies, d.Archive))
	v.set("CopiesLine", joinList(l, copies))
	v.set("Archive", d.Archive.In(l))
	if d.Draft {
		v.set("Draft", "draft")
	}
	return v.v
}

// vnPunctuate ends every item of a Vietnamese recipient list with ";" and
// the last one with ".", as Decree 30/2020 Annex I shows. It changes
// items, and returns it.
func vnPunctuate(items []string) []string {
	for i, s := range items {
		s = trimRightText(s, ";.")
		if i == len(items)-1 {
			items[i] = s + "."
		} else {
			items[i] = s + ";"
		}
	}
	return items
}

// HolidaySubject returns the standard subject of a holiday dispatch:
// strengthening network information security over the holidays.
func HolidaySubject() Text { return Msg(msgHolidaySubject.New()) }

// HolidayBasis returns the standard opening paragraph: the issuer has
// received the letter number of the given date from the given body and
// asks the units to carry out the tasks that follow. The issuer and the
// sending body are names: give them as the dispatch's Issuer and Parent
// are given, with their forms in other locales.
func HolidayBasis(issuer Text, number string, date medsec.Date, from Text) Text {
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
// institutions (CN-NHC-2022-29). In Chinese it is laid out as GB/T
// 9704-2012 lays out a document in the 文件 format: the 版头 (copy
// number, secrecy and urgency marks, the issuing organs' mark, the
// document number and the red separator), the 主体 (title, main
// addressees, body, attachment note, the organs' signatures and the date,
// the note on disclosure) and the 版记 (copies to, the printing office and
// the printing date).
//
// The organs' names are Texts: give each as issued with [LitIn] (in
// Simplified characters, LitIn(ZhHans, "国家卫生健康委")) and, with
// [Text.With], its form in other locales (its Traditional characters for
// zh-Hant, its English name).
type Circular struct {
	CopyNumber string // 份号: the serial number of this copy, 6 digits; optional
	Secrecy    Text   // 密级和保密期限, e.g. "秘密★1年"; optional
	Urgency    Text   // 紧急程度, "特急" or "加急"; optional

	// Mark is the issuing organs' mark (发文机关标志): their full or
	// standard short names, lead organ first, printed in red at the
	// head, one above the other when there are several; empty means
	// Issuers. MarkSuffix follows them, "文件" for a document in the
	// 文件 format; empty for a letter.
	Mark       []Text
	MarkSuffix Text

	Issuers    []Text      // the issuing organs as they sign (发文机关署名), lead organ first
	Code       Text        // the organ code of the document number, e.g. LitIn(ZhHans, "国卫规划发")
	Year       int         // the year of the document number
	Number     int         // the serial number
	Title      Text        // 标题, e.g. 关于印发…的通知
	Addressees []Text      // the main recipients (主送机关), in groups as issued
	Body       []Text      // paragraphs
	Attachment Text        // 附件说明: the attachment's name, optional (a regulation a notice issues is not an attachment)
	Date       medsec.Date // the date of writing (成文日期)
	Disclosure Disclosure  // the form of disclosure (附注)

	CopiesTo  []Text      // 抄送机关: organs that receive a copy; optional
	PrintedBy Text        // 印发机关: the office that prints and sends the document; optional, with Printed
	Printed   medsec.Date // 印发日期: when it was printed; with PrintedBy
}

// Kind returns [KindCircular].
func (Circular) Kind() Kind { return KindCircular }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (c Circular) Validate() error {
	var m missing
	m.check(len(c.Issuers) == 0, "Issuers")
	m.check(c.Code.IsZero(), "Code")
	m.check(c.Year <= 0, "Year")
	m.check(c.Number <= 0, "Number")
	m.check(c.Title.IsZero(), "Title")
	m.check(len(c.Addressees) == 0, "Addressees")
	m.check(len(c.Body) == 0, "Body")
	m.check(!c.Date.Valid(), "Date")
	m.check(c.Disclosure < DisclosePublic || c.Disclosure > DiscloseNotPublic, "Disclosure")
	m.check(!c.PrintedBy.IsZero() && !c.Printed.Valid(), "Printed")
	m.check(c.PrintedBy.IsZero() && !c.Printed.IsZero(), "PrintedBy")
	m.text("CopyNumber", c.CopyNumber)
	m.textT("Secrecy", c.Secrecy)
	m.textT("Urgency", c.Urgency)
	m.textsT("Mark", c.Mark)
	m.textT("MarkSuffix", c.MarkSuffix)
	m.textsT("Issuers", c.Issuers)
	m.textT("Code", c.Code)
	m.textT("Title", c.Title)
	m.textsT("Addressees", c.Addressees)
	m.textsT("Body", c.Body)
	m.textT("Attachment", c.Attachment)
	m.textsT("CopiesTo", c.CopiesTo)
	m.textT("PrintedBy", c.PrintedBy)
	return m.err(KindCircular)
}

var circularSchema = newSchema(
	fieldDef{name: "Issuers"}, fieldDef{name: "DocNumber"}, fieldDef{name: "Title"},
	fieldDef{name: "Addressees"}, fieldDef{name: "Body", list: true}, fieldDef{name: "Attachment"},
	fieldDef{name: "Date"}, fieldDef{name: "Disclosure"}, fieldDef{name: "Signatories", list: true},
	fieldDef{name: "CopyNumber"}, fieldDef{name: "Secrecy"}, fieldDef{name: "Urgency"},
	fieldDef{name: "Mark", list: true}, fieldDef{name: "MarkSuffix"},
	fieldDef{name: "CopiesLine"}, fieldDef{name: "PrintedBy"}, fieldDef{name: "Printed"}, fieldDef{name: "Record"},
)

func (c Circular) values(l *Localizer, _ *medsec.Registry) []value {
	v := newValues(circularSchema)
	loc := l.Locale()
	sep, end, issSep := "; ", "", ", "
	if isCJK(loc) {
		sep, end, issSep = "，", "：", "　"
	}
	issuers := texts(l, c.Issuers)
	v.set("Issuers", strings.Join(issuers, issSep))
	v.list("Signatories", issuers)
	v.set("DocNumber", c.docNumber(l))
	v.set("Title", c.Title.In(l))
	v.set("Addressees", strings.Join(texts(l, c.Addressees), sep)+end)
	v.list("Body", texts(l, c.Body))
	v.set("Attachment", c.Attachment.In(l))
	v.set("Date", l.Date(c.Date))
	switch c.Disclosure {
	case DisclosePublic:
		v.set("Disclosure", l.Format(msgDisclosurePublic.New()))
	case DiscloseOnRequest:
		v.set("Disclosure", l.Format(msgDisclosureOnRequest.New()))
	case DiscloseNotPublic:
		v.set("Disclosure", l.Format(msgDisclosureNotPublic.New()))
	}
	v.set("CopyNumber", c.CopyNumber)
	v.set("Secrecy", c.Secrecy.In(l))
	v.set("Urgency", c.Urgency.In(l))
	if len(c.Mark) > 0 {
		v.list("Mark", texts(l, c.Mark))
	} else {
		v.list("Mark", issuers)
	}
	v.set("MarkSuffix", c.MarkSuffix.In(l))
	v.set("CopiesLine", joinTexts(l, c.CopiesTo))
	v.set("PrintedBy", c.PrintedBy.In(l))
	v.set("Printed", l.Date(c.Printed))
	if len(c.CopiesTo) > 0 || !c.PrintedBy.IsZero() {
		v.set("Record", "record")
	}
	return v.v
}

// docNumber writes the document number, 国卫规划发〔2022〕29号: the organ
// code, the year in hexagonal brackets, the serial number without padding
// and 号 (號 in Traditional characters). It is an identifier in Chinese
// whatever the notice's locale, so in another locale it is one span in
// the code's language.
func (c Circular) docNumber(l *Localizer) string {
	code, lang := c.Code.pick(l)
	hao := "号"
	if lang == ZhHant {
		hao = "號"
	}
	s := code + "〔" + strconv.Itoa(c.Year) + "〕" + strconv.Itoa(c.Number) + hao
	if l.mark && lang != "" && lang != l.Locale() {
		return markLang(lang, s)
	}
	return s
}

// pick returns the wording of t that a notice in l's locale prints, unmarked,
// and the language it is in ("" when not known).
func (t Text) pick(l *Localizer) (string, Locale) {
	loc := l.Locale()
	for _, f := range t.forms {
		if f.loc == loc {
			return f.text, loc
		}
	}
	if !t.msg.IsZero() {
		var plain Localizer
		if l != nil {
			plain = *l
		}
		plain.mark = false
		return t.in(&plain, 0), loc
	}
	return t.lit, t.lang
}

// -------------------------------------------------------------------
// Announcement

// A Service is one offer in a help catalog.
type Service struct {
	Name        Text // what is offered
	Provider    Text // who offers it
	Description Text // optional details
}

// A NewsItem is a dated item of its own that a ministry's news page lists
// beside an announcement, such as the help catalogue the committee
// published three days after it was founded. It is printed after the
// announcement, outside it: the announcement ends with its place and date.
type NewsItem struct {
	Title   Text        // the item's headline
	Date    medsec.Date // when it was published
	Summary Text        // one sentence on what it is; optional
}

// An Announcement is a ministry's news item announcing a committee it
// founded and calling for help — as the Czech Ministry of Health did when
// it founded its cybersecurity action committee in March 2020. It reads
// as the ministry published it: the section of the news page, the
// ministry, the headline, the background, the founding of the committee
// (named in full, then by its short name in parentheses), what has
// happened since, the call for help, the contacts, and the place and date
// ("V Praze dne 17. 3. 2020"); then, apart, the related news items.
type Announcement struct {
	Section      Text        // the section of the news page, e.g. "Kybernetická bezpečnost"; optional
	Organization Text        // the announcing body
	Title        Text        // the headline
	Background   []Text      // paragraphs before the founding: why the committee was founded
	Committee    Text        // the body that was founded, named in full
	ShortName    Text        // the committee's short name, introduced in parentheses, e.g. "Akční výbor KB"; optional
	Within       Text        // optional: the institution within which it was founded, as the locale's sentence needs it (in Czech the genitive, "v rámci Národního centra …")
	Founded      medsec.Date // when it was founded
	Progress     []Text      // paragraphs after the founding: what the committee has done and will do; optional
	CallForHelp  Text        // how others can join or help
	Contacts     []Contact   // whom to write to; optional
	Place        Text        // where it is issued, as the place-and-date line prints it in each locale (Czech: "V Praze")
	Date         medsec.Date // when it is issued
	News         []NewsItem  // separate dated items printed after the announcement; optional

	// Services is the help catalog printed inside the announcement,
	// before its place and date; optional.
	//
	// Deprecated: a help catalogue is a document of its own. Render it
	// with package assist (assist.Catalogue) and list it here as a
	// [NewsItem] with its own date.
	Services []Service
}

// Kind returns [KindAnnouncement].
func (Announcement) Kind() Kind { return KindAnnouncement }

// Validate reports every missing required field and every field whose
// text is not one line of printable text (see "Hostile text" in the
// package documentation).
func (a Announcement) Validate() error {
	var m missing
	m.check(a.Organization.IsZero(), "Organization")
	m.check(a.Title.IsZero(), "Title")
	m.check(a.Committee.IsZero(), "Committee")
	m.check(!a.Founded.Valid(), "Founded")
	m.check(a.CallForHelp.IsZero(), "CallForHelp")
	m.check(a.Place.IsZero(), "Place")
	m.check(!a.Date.Valid(), "Date")
	for i, s := range a.Services {
		p := "Services[" + strconv.Itoa(i) + "]"
		m.check(s.Name.IsZero(), p+".Name")
		m.check(s.Provider.IsZero(), p+".Provider")
	}
	for i, n := range a.News {
		p := "News[" + strconv.Itoa(i) + "]"
		m.check(n.Title.IsZero(), p+".Title")
		m.check(!n.Date.Valid(), p+".Date")
	}
	m.textT("Section", a.Section)
	m.textT("Organization", a.Organization)
	m.textT("Title", a.Title)
	m.textsT("Background", a.Background)
	m.textT("Committee", a.Committee)
	m.textT("ShortName", a.ShortName)
	m.textT("Within", a.Within)
	m.textsT("Progress", a.Progress)
	m.textT("CallForHelp", a.CallForHelp)
	m.contacts("Contacts", a.Contacts)
	for i, s := range a.Services {
		p := "Services[" + strconv.Itoa(i) + "]"
		m.textT(p+".Name", s.Name)
		m.textT(p+".Provider", s.Provider)
		m.textT(p+".Description", s.Description)
	}
	m.textT("Place", a.Place)
	for i, n := range a.News {
		p := "News[" + strconv.Itoa(i) + "]"
		m.textT(p+".Title", n.Title)
		m.textT(p+".Summary", n.Summary)
	}
	return m.err(KindAnnouncement)
}

var announcementSchema = newSchema(
	fieldDef{name: "Organization"}, fieldDef{name: "Title"}, fieldDef{name: "Founding"},
	fieldDef{name: "Background", list: true}, fieldDef{name: "CallForHelp"},
	fieldDef{name: "Contacts", list: true}, fieldDef{name: "Services", list: true}, fieldDef{name: "PlaceDate"},
	fieldDef{name: "Section"}, fieldDef{name: "Progress", list: true}, fieldDef{name: "News", list: true},
)

func (a Announcement) values(l *Localizer, _ *medsec.Registry) []value {
	v := newValues(announcementSchema)
	v.set("Section", a.Section.In(l))
	v.set("Organization", a.Organization.In(l))
	v.set("Title", a.Title.In(l))
	committee := a.Committee.In(l)
	if !a.ShortName.IsZero() {
		committee += " " + parens(l.Locale(), a.ShortName.In(l))
		if isCJK(l.Locale()) {
			committee = strings.Replace(committee, " （", "（", 1)
		}
	}
	if within := a.Within.In(l); within != "" {
		v.set("Founding", l.Format(msgFoundedWithin.New(spanned(committee), a.Founded, spanned(within))))
	} else {
		v.set("Founding", l.Format(msgFounded.New(spanned(committee), a.Founded)))
	}
	v.list("Background", texts(l, a.Background))
	v.list("Progress", texts(l, a.Progress))
	v.set("CallForHelp", a.CallForHelp.In(l))
	v.list("Contacts", contacts(l, a.Contacts))
	var services []string
	for _, s := range a.Services {
		if s.Description.IsZero() {
			services = append(services, l.Format(msgService.New(s.Name, s.Provider)))
		} else {
			services = append(services, l.Format(msgServiceDesc.New(s.Name, s.Provider, s.Description)))
		}
	}
	v.list("Services", services)
	v.set("PlaceDate", l.PlaceDate(a.Place.In(l), a.Date))
	var news []string
	for _, n := range a.News {
		if n.Summary.IsZero() {
			news = append(news, l.Format(msgNewsItem.New(n.Title, n.Date)))
		} else {
			news = append(news, l.Format(msgNewsItemSummary.New(n.Title, n.Date, n.Summary)))
		}
	}
	v.list("News", news)
	return v.v
}

// Director returns the title of a department's director as it reads after
// a signing-authority prefix: "For the Director", "KT. GIÁM ĐỐC",
// "v zastoupení ředitele" (Czech uses the genitive here).
func Director() Text { return Msg(msgRoleDirector.New()) }

// DeputyDirector returns the title of a deputy director, for the signer's
// own title line. In Czech it agrees with the signer's [Gender]:
// "náměstek ředitele", "náměstkyně ředitele".
func DeputyDirector() Text { return Msg(msgRoleDeputyDirector.New()) }

// NewHolidayDispatch returns a holiday dispatch with the standard content
// filled in: [HolidaySubject], all health units of the province as
// addressees, the [HolidayTasks] for date, the director of the department
// as a copy recipient and "VT, VP" (clerical office and secretariat) as
// the filing units. The parent, issuer and place are Vietnamese names
// (see [LitIn]); give them forms in other locales, or change any field,
// afterwards.
func NewHolidayDispatch(parent, issuer string, number int, symbol, place string, date medsec.Date, basis Text, signer Signer) HolidayDispatch {
	return HolidayDispatch{
		Parent: LitIn(VI, parent), Issuer: LitIn(VI, issuer), Number: number, Symbol: symbol,
		Place: LitIn(VI, place), Date: date,
		Subject:    HolidaySubject(),
		Recipients: []Text{Msg(msgHolidayRecipients.New())},
		Basis:      basis,
		Tasks:      HolidayTasks(date),
		Signer:     signer,
		CopiesTo:   []Text{Msg(msgHolidayCopyDirector.New())},
		Archive:    LitIn(VI, "VT, VP"),
	}
}
