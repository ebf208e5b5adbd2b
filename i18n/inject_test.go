package i18n_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/rendertest"
)

// A noticeField is one field of a sample notice that a user fills in.
type noticeField struct {
	path   string
	notice func(i18n.Locale) i18n.Notice
	set    func(n i18n.Notice, s string) i18n.Notice
}

func (f noticeField) name() string {
	return string(f.notice(i18n.EN).Kind()) + "." + f.path
}

// with returns f's sample notice for loc with the field set to s.
func (f noticeField) with(loc i18n.Locale, s string) i18n.Notice { return f.set(f.notice(loc), s) }

func holidayField(path string, set func(d *i18n.HolidayDispatch, s string)) noticeField {
	return noticeField{path, func(i18n.Locale) i18n.Notice { return sampleHoliday() }, func(n i18n.Notice, s string) i18n.Notice {
		d := n.(i18n.HolidayDispatch)
		d.Recipients = append([]i18n.Text(nil), d.Recipients...)
		d.Tasks = append([]i18n.Text(nil), d.Tasks...)
		d.Contacts = append([]i18n.Contact(nil), d.Contacts...)
		d.CopiesTo = append([]i18n.Text(nil), d.CopiesTo...)
		set(&d, s)
		return d
	}}
}

func circularField(path string, set func(c *i18n.Circular, s string)) noticeField {
	return noticeField{path, func(l i18n.Locale) i18n.Notice { return sampleCircular(l) }, func(n i18n.Notice, s string) i18n.Notice {
		c := n.(i18n.Circular)
		c.Issuers = append([]i18n.Text(nil), c.Issuers...)
		c.Addressees = append([]i18n.Text(nil), c.Addressees...)
		c.Body = append([]i18n.Text(nil), c.Body...)
		c.Mark = append([]i18n.Text(nil), c.Mark...)
		c.CopiesTo = append([]i18n.Text(nil), c.CopiesTo...)
		set(&c, s)
		return c
	}}
}

func announcementField(path string, set func(a *i18n.Announcement, s string)) noticeField {
	return noticeField{path, func(i18n.Locale) i18n.Notice { return sampleAnnouncement() }, func(n i18n.Notice, s string) i18n.Notice {
		a := n.(i18n.Announcement)
		a.Background = append([]i18n.Text(nil), a.Background...)
		a.Contacts = append([]i18n.Contact(nil), a.Contacts...)
		a.Services = append([]i18n.Service(nil), a.Services...)
		a.Progress = append([]i18n.Text(nil), a.Progress...)
		a.News = append([]i18n.NewsItem(nil), a.News...)
		set(&a, s)
		return a
	}}
}

func incidentField(stage i18n.IncidentStage, path string, set func(r *i18n.IncidentReport, s string)) noticeField {
	return noticeField{path, func(i18n.Locale) i18n.Notice { return sampleIncident(stage) }, func(n i18n.Notice, s string) i18n.Notice {
		r := n.(i18n.IncidentReport)
		r.CopiesTo = append([]i18n.Text(nil), r.CopiesTo...)
		set(&r, s)
		return r
	}}
}

// noticeFields lists every field of every notice kind that holds user
// text, with the path Validate names it by.
var noticeFields = func() []noticeField {
	lit := i18n.Lit
	fs := []noticeField{
		holidayField("Parent", func(d *i18n.HolidayDispatch, s string) { d.Parent = lit(s) }),
		holidayField("Issuer", func(d *i18n.HolidayDispatch, s string) { d.Issuer = i18n.LitIn(i18n.VI, s) }),
		holidayField("Issuer@en", func(d *i18n.HolidayDispatch, s string) { d.Issuer = d.Issuer.With(i18n.EN, s) }),
		holidayField("Issuer@zh-Hans", func(d *i18n.HolidayDispatch, s string) { d.Issuer = d.Issuer.With(i18n.ZhHans, s) }),
		holidayField("Symbol", func(d *i18n.HolidayDispatch, s string) { d.Symbol = s }),
		holidayField("Subject", func(d *i18n.HolidayDispatch, s string) { d.Subject = lit(s) }),
		holidayField("Place", func(d *i18n.HolidayDispatch, s string) { d.Place = i18n.LitIn(i18n.VI, s) }),
		holidayField("Recipients[0]", func(d *i18n.HolidayDispatch, s string) { d.Recipients = []i18n.Text{lit(s)} }),
		holidayField("Recipients[1]", func(d *i18n.HolidayDispatch, s string) {
			d.Recipients = []i18n.Text{i18n.LitIn(i18n.VI, "Bệnh viện A"), lit(s)}
		}),
		holidayField("Basis", func(d *i18n.HolidayDispatch, s string) { d.Basis = lit(s) }),
		holidayField("Basis", func(d *i18n.HolidayDispatch, s string) {
			d.Basis = i18n.HolidayBasis(i18n.LitIn(i18n.VI, s), s, medsec.NewDate(2026, 2, 3), lit(s))
		}),
		holidayField("Tasks[0]", func(d *i18n.HolidayDispatch, s string) { d.Tasks[0] = lit(s) }),
		holidayField("Contacts[0].Name", func(d *i18n.HolidayDispatch, s string) { d.Contacts[0].Name = lit(s) }),
		holidayField("Contacts[0].Title", func(d *i18n.HolidayDispatch, s string) { d.Contacts[0].Title = lit(s) }),
		holidayField("Contacts[0].Phone", func(d *i18n.HolidayDispatch, s string) { d.Contacts[0].Phone = s }),
		holidayField("Contacts[0].Email", func(d *i18n.HolidayDispatch, s string) { d.Contacts[0].Email = s }),
		holidayField("Signer.Head", func(d *i18n.HolidayDispatch, s string) { d.Signer.Head = lit(s) }),
		holidayField("Signer.Title", func(d *i18n.HolidayDispatch, s string) { d.Signer.Title = lit(s) }),
		holidayField("Signer.Title@cs", func(d *i18n.HolidayDispatch, s string) { d.Signer.Title = d.Signer.Title.With(i18n.CS, s) }),
		holidayField("Signer.Name", func(d *i18n.HolidayDispatch, s string) { d.Signer.Name = i18n.LitIn(i18n.VI, s) }),
		holidayField("CopiesTo[0]", func(d *i18n.HolidayDispatch, s string) { d.CopiesTo[0] = lit(s) }),
		holidayField("Archive", func(d *i18n.HolidayDispatch, s string) { d.Archive = lit(s) }),

		circularField("Issuers[0]", func(c *i18n.Circular, s string) { c.Issuers[0] = i18n.LitIn(i18n.ZhHans, s) }),
		circularField("Code", func(c *i18n.Circular, s string) { c.Code = i18n.LitIn(i18n.ZhHans, s) }),
		circularField("Title", func(c *i18n.Circular, s string) { c.Title = lit(s) }),
		circularField("Addressees[0]", func(c *i18n.Circular, s string) { c.Addressees[0] = lit(s) }),
		circularField("Body[0]", func(c *i18n.Circular, s string) { c.Body[0] = lit(s) }),
		circularField("Attachment", func(c *i18n.Circular, s string) { c.Attachment = lit(s) }),
		circularField("CopyNumber", func(c *i18n.Circular, s string) { c.CopyNumber = s }),
		circularField("Secrecy", func(c *i18n.Circular, s string) { c.Secrecy = lit(s) }),
		circularField("Urgency", func(c *i18n.Circular, s string) { c.Urgency = lit(s) }),
		circularField("Mark[0]", func(c *i18n.Circular, s string) { c.Mark[0] = lit(s) }),
		circularField("MarkSuffix", func(c *i18n.Circular, s string) { c.MarkSuffix = lit(s) }),
		circularField("CopiesTo[0]", func(c *i18n.Circular, s string) { c.CopiesTo = []i18n.Text{lit(s)} }),
		circularField("PrintedBy", func(c *i18n.Circular, s string) {
			c.PrintedBy, c.Printed = lit(s), medsec.NewDate(2022, 8, 10)
		}),

		announcementField("Section", func(a *i18n.Announcement, s string) { a.Section = lit(s) }),
		announcementField("Organization", func(a *i18n.Announcement, s string) { a.Organization = i18n.LitIn(i18n.CS, s) }),
		announcementField("Title", func(a *i18n.Announcement, s string) { a.Title = lit(s) }),
		announcementField("Committee", func(a *i18n.Announcement, s string) { a.Committee = lit(s) }),
		announcementField("ShortName", func(a *i18n.Announcement, s string) { a.ShortName = lit(s) }),
		announcementField("Within", func(a *i18n.Announcement, s string) { a.Within = lit(s) }),
		announcementField("Background[0]", func(a *i18n.Announcement, s string) { a.Background[0] = lit(s) }),
		announcementField("Progress[0]", func(a *i18n.Announcement, s string) { a.Progress[0] = lit(s) }),
		announcementField("CallForHelp", func(a *i18n.Announcement, s string) { a.CallForHelp = lit(s) }),
		announcementField("Contacts[0].Name", func(a *i18n.Announcement, s string) {
			a.Contacts = []i18n.Contact{{Name: lit(s), Email: "kb@example.cz"}}
		}),
		announcementField("Contacts[0].Title", func(a *i18n.Announcement, s string) {
			a.Contacts = []i18n.Contact{{Name: lit("KB"), Title: lit(s), Email: "kb@example.cz"}}
		}),
		announcementField("Contacts[0].Phone", func(a *i18n.Announcement, s string) {
			a.Contacts = []i18n.Contact{{Name: lit("KB"), Phone: s}}
		}),
		announcementField("Contacts[0].Email", func(a *i18n.Announcement, s string) {
			a.Contacts = []i18n.Contact{{Name: lit("KB"), Email: s}}
		}),
		announcementField("Services[0].Name", func(a *i18n.Announcement, s string) {
			a.Services = []i18n.Service{{Name: lit(s), Provider: i18n.LitIn(i18n.CS, "Příklad s.r.o.")}}
		}),
		announcementField("Services[0].Provider", func(a *i18n.Announcement, s string) {
			a.Services = []i18n.Service{{Name: i18n.LitIn(i18n.CS, "Prověrka"), Provider: lit(s)}}
		}),
		announcementField("Services[0].Description", func(a *i18n.Announcement, s string) {
			a.Services = []i18n.Service{{Name: i18n.LitIn(i18n.CS, "Prověrka"), Provider: i18n.LitIn(i18n.CS, "Příklad s.r.o."), Description: lit(s)}}
		}),
		announcementField("Place", func(a *i18n.Announcement, s string) { a.Place = lit(s) }),
		announcementField("Place@cs", func(a *i18n.Announcement, s string) { a.Place = a.Place.With(i18n.CS, s) }),
		announcementField("News[0].Title", func(a *i18n.Announcement, s string) { a.News[0].Title = lit(s) }),
		announcementField("News[0].Summary", func(a *i18n.Announcement, s string) { a.News[0].Summary = lit(s) }),
	}
	for _, stage := range []i18n.IncidentStage{i18n.NIS2EarlyWarning, i18n.NIS2Notification, i18n.NIS2FinalReport, i18n.VNInitialReport, i18n.CNReport} {
		strs := []struct {
			path string
			set  func(r *i18n.IncidentReport, s string)
		}{
			{"Entity", func(r *i18n.IncidentReport, s string) { r.Entity = lit(s) }},
			{"Owner", func(r *i18n.IncidentReport, s string) { r.Owner = lit(s) }},
			{"Address", func(r *i18n.IncidentReport, s string) { r.Address = lit(s) }},
			{"System", func(r *i18n.IncidentReport, s string) { r.System = lit(s) }},
			{"Contact.Name", func(r *i18n.IncidentReport, s string) { r.Contact.Name = lit(s) }},
			{"Contact.Title", func(r *i18n.IncidentReport, s string) { r.Contact.Title = lit(s) }},
			{"Contact.Phone", func(r *i18n.IncidentReport, s string) { r.Contact.Phone = s }},
			{"Contact.Email", func(r *i18n.IncidentReport, s string) { r.Contact.Email = s }},
			{"To", func(r *i18n.IncidentReport, s string) { r.To = lit(s) }},
			{"To@en", func(r *i18n.IncidentReport, s string) { r.To = r.To.With(i18n.EN, s) }},
			{"Category", func(r *i18n.IncidentReport, s string) { r.Category = lit(s) }},
			{"Description", func(r *i18n.IncidentReport, s string) { r.Description = lit(s) }},
			{"Severity", func(r *i18n.IncidentReport, s string) { r.Severity = lit(s) }},
			{"CrossBorder", func(r *i18n.IncidentReport, s string) { r.CrossBorder = lit(s) }},
			{"Indicators", func(r *i18n.IncidentReport, s string) { r.Indicators = lit(s) }},
			{"RootCause", func(r *i18n.IncidentReport, s string) { r.RootCause = lit(s) }},
			{"Mitigation", func(r *i18n.IncidentReport, s string) { r.Mitigation = lit(s) }},
			{"Provider", func(r *i18n.IncidentReport, s string) { r.Provider = lit(s) }},
			{"Helpers", func(r *i18n.IncidentReport, s string) { r.Helpers = lit(s) }},
			{"Result", func(r *i18n.IncidentReport, s string) { r.Result = lit(s) }},
			{"Recommend", func(r *i18n.IncidentReport, s string) { r.Recommend = lit(s) }},
			{"Parent", func(r *i18n.IncidentReport, s string) { r.Parent = lit(s) }},
			{"Symbol", func(r *i18n.IncidentReport, s string) { r.Symbol = s }},
			{"Place", func(r *i18n.IncidentReport, s string) { r.Place = lit(s) }},
			{"Signer.Title", func(r *i18n.IncidentReport, s string) { r.Signer.Title = lit(s) }},
			{"Signer.Name", func(r *i18n.IncidentReport, s string) { r.Signer.Name = lit(s) }},
			{"CopiesTo[0]", func(r *i18n.IncidentReport, s string) { r.CopiesTo = []i18n.Text{lit(s)} }},
			{"Archive", func(r *i18n.IncidentReport, s string) { r.Archive = lit(s) }},
		}
		for _, f := range strs {
			fs = append(fs, incidentField(stage, f.path, f.set))
		}
	}
	return fs
}()

var formats = []i18n.Format{i18n.PlainText, i18n.Markdown, i18n.HTML, i18n.HTMLFragment}

// baseline is the harmless value a field holds when a payload's output is
// compared with it.
const baseline = "Word"

// shape reduces an output to its structure in its format.
func shape(f i18n.Format, out string) string {
	switch f {
	case i18n.Markdown:
		return rendertest.MarkdownShape(out)
	case i18n.HTML, i18n.HTMLFragment:
		return rendertest.HTMLShape(withoutStyle(out))
	}
	return fmt.Sprintf("%d lines", rendertest.Lines(out))
}

// checkOutput fails unless out, the rendering of a notice with a payload
// in one field, has the structure of base, the rendering with the
// baseline value, and holds nothing raw that the format must escape.
func checkOutput(t *testing.T, what string, f i18n.Format, base, out string) {
	t.Helper()
	checkShape(t, what, f, shape(f, base), out)
}

// checkShape is checkOutput with the structure of the baseline given.
func checkShape(t *testing.T, what string, f i18n.Format, want, out string) {
	t.Helper()
	if got := shape(f, out); got != want {
		t.Fatalf("%s: structure changed\ngot:\n%s\nwant:\n%s\noutput:\n%s", what, got, want, out)
	}
	if p := rendertest.CheckText(out); p != "" {
		t.Fatalf("%s: %s\noutput:\n%s", what, p, out)
	}
	if f == i18n.HTML || f == i18n.HTMLFragment {
		rest := entity.ReplaceAllString(ownTags.ReplaceAllString(withoutStyle(out), ""), "")
		rest = strings.Replace(rest, "<style></style>\n", "", 1)
		if i := strings.IndexAny(rest, "<>&\"'"); i >= 0 {
			t.Fatalf("%s: unescaped %q in HTML output:\n%s", what, rest[i], out)
		}
	}
}

// TestHostileFieldsKeepStructure puts every payload into every field of
// every notice kind, in every locale and format, and checks that the
// output keeps the structure it has with a plain word: the same Markdown
// blocks and inlines (parsed by a CommonMark parser), the same HTML tags,
// the same number of text lines, and no control character.
func TestHostileFieldsKeepStructure(t *testing.T) {
	// Under the race detector or with -short, each field gets every
	// stride-th payload, rotating, so that each payload still meets many
	// fields in every locale and format.
	stride := 1
	switch {
	case raceEnabled:
		stride = 10
	case testing.Short():
		stride = 5
	}
	for _, loc := range i18n.Locales() {
		for fi, fd := range noticeFields {
			for _, f := range formats {
				base, err := i18n.Render(fd.with(loc, baseline), loc, f)
				if err != nil {
					t.Fatalf("%s %s: %v", fd.name(), loc, err)
				}
				want := shape(f, base)
				for pi, p := range rendertest.Payloads {
					if (pi+fi)%stride != 0 {
						continue
					}
					out, err := i18n.Render(fd.with(loc, p), loc, f)
					if err != nil {
						t.Fatalf("%s %s %q: %v", fd.name(), loc, p, err)
					}
					checkShape(t, fmt.Sprintf("%s in %s %s with %q", fd.name(), loc, formatExt[f], p), f, want, out)
				}
			}
		}
	}
}

// TestUnsafeFieldsRejected: a field holding a line break, a control
// character, a direction override or invalid UTF-8 is an error that
// names the field, in every locale, and nothing is rendered.
func TestUnsafeFieldsRejected(t *testing.T) {
	for _, fd := range noticeFields {
		for _, p := range rendertest.UnsafePayloads {
			out, err := i18n.Render(fd.with(i18n.EN, p), i18n.EN, i18n.PlainText)
			if err == nil {
				t.Fatalf("%s = %q: rendered:\n%s", fd.name(), p, out)
			}
			checkTextError(t, fd, p, err)
		}
	}
}

func checkTextError(t *testing.T, fd noticeField, p string, err error) {
	t.Helper()
	var ne *i18n.NoticeError
	if !errors.As(err, &ne) || !errors.Is(err, medsec.ErrInvalidInput) {
		t.Fatalf("%s = %q: error %T %v", fd.name(), p, err, err)
	}
	var found *medsec.FieldError
	for _, fe := range ne.Fields {
		if fe.Path == fd.path && fe.Rule == "text" {
			found = fe
		}
	}
	if found == nil {
		t.Fatalf("%s = %q: no text error for the field in %v", fd.name(), p, err)
	}
	if !strings.Contains(err.Error(), fd.path) || escape.Index(err.Error()) >= 0 || escape.Index(found.Value) >= 0 {
		t.Fatalf("%s = %q: error %q does not name the field or is not printable", fd.name(), p, err)
	}
	for _, loc := range i18n.Locales() {
		msg := i18n.NewLocalizer(loc).Format(found.Message)
		if !strings.Contains(msg, fd.path) || !strings.Contains(msg, escape.Char(p[escape.Index(p):])) || strings.Contains(msg, "%!") {
			t.Fatalf("%s = %q in %s: message %q", fd.name(), p, loc, msg)
		}
	}
}

// loud is a message argument of a type Validate does not look into: its
// text reaches the renderer, which must escape it.
type loud string

func (l loud) String() string { return string(l) }

// TestRenderEscapesWhatValidateCannotSee: unsafe characters that reach the
// output through a message argument of another type are escaped in every
// format, and the structure holds.
func TestRenderEscapesWhatValidateCannotSee(t *testing.T) {
	mt := medsec.MessageTemplate{Key: "test.loud", Format: "%v"}
	for _, p := range append(append([]string{}, rendertest.UnsafePayloads...), rendertest.Payloads...) {
		for _, loc := range i18n.Locales() {
			for _, f := range formats {
				mk := func(s string) i18n.Notice {
					d := sampleHoliday()
					d.Tasks = []i18n.Text{i18n.Msg(mt.New(loud(s))), i18n.Lit("second task")}
					d.Subject = i18n.Msg(mt.New(loud(s)))
					return d
				}
				base, err := i18n.Render(mk(baseline), loc, f)
				if err != nil {
					t.Fatal(err)
				}
				out, err := i18n.Render(mk(p), loc, f)
				if err != nil {
					t.Fatalf("%q: %v", p, err)
				}
				checkOutput(t, fmt.Sprintf("%q in %s %s", p, loc, formatExt[f]), f, base, out)
			}
		}
	}
}

func fieldIndex(kind i18n.Kind, path string) uint16 {
	for i, fd := range noticeFields {
		if fd.path == path && fd.notice(i18n.EN).Kind() == kind {
			return uint16(i)
		}
	}
	panic("no field " + path)
}

// FuzzRender puts arbitrary text into one field of a sample notice and
// renders it in one locale in every format. Text with an unsafe character
// is an error naming the field; any other text leaves the structure of
// the output as it is with a plain word (Markdown blocks and inlines, HTML
// tags, text lines), escapes what the format needs escaped, and renders
// the same every time.
// locIndex returns the index of l in i18n.Locales(), the fuzzer's way of
// choosing a locale.
func locIndex(l i18n.Locale) uint8 { return uint8(slices.Index(i18n.Locales(), l)) }

func FuzzRender(f *testing.F) {
	for i, p := range rendertest.Payloads {
		f.Add(p, uint16(i*7), uint8(i))
	}
	for i, p := range rendertest.UnsafePayloads {
		f.Add(p, uint16(i*11), uint8(i))
	}
	f.Add("- FORGED item", fieldIndex(i18n.KindHoliday, "Place"), locIndex(i18n.VI))
	f.Add("    code", fieldIndex(i18n.KindAnnouncement, "Background[0]"), locIndex(i18n.CS))
	f.Add("1. x", fieldIndex(i18n.KindHoliday, "Tasks[0]"), locIndex(i18n.ZhHant))
	f.Add("Thanh Hóa", fieldIndex(i18n.KindHoliday, "Place"), locIndex(i18n.VI))
	locs := i18n.Locales()
	f.Fuzz(func(t *testing.T, s string, which uint16, locByte uint8) {
		fd := noticeFields[int(which)%len(noticeFields)]
		loc := locs[int(locByte)%len(locs)]
		n := fd.with(loc, s)
		for _, f := range formats {
			out, err := i18n.Render(n, loc, f)
			if err != nil {
				if escape.Index(s) >= 0 {
					checkTextError(t, fd, s, err)
					continue
				}
				if s == "" {
					continue // a required field left empty
				}
				t.Fatalf("%s = %q: %v", fd.name(), s, err)
			}
			if escape.Index(s) >= 0 {
				t.Fatalf("%s = %q with an unsafe character was rendered", fd.name(), s)
			}
			if again, _ := i18n.Render(n, loc, f); again != out {
				t.Fatal("output is not deterministic")
			}
			if !utf8.ValidString(out) {
				t.Fatal("output is not valid UTF-8")
			}
			if s == "" {
				continue // an optional field left empty may drop a line
			}
			base, err := i18n.Render(fd.with(loc, baseline), loc, f)
			if err != nil {
				t.Fatal(err)
			}
			checkOutput(t, fmt.Sprintf("%s in %s %s with %q", fd.name(), loc, formatExt[f], s), f, base, out)
		}
	})
}
