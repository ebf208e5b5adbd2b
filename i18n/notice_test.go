package i18n_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMissingFieldsNamedTogether(t *testing.T) {
	_, err := i18n.Render(i18n.HolidayDispatch{Number: 3, Symbol: "SYT-VP"}, i18n.VI, i18n.PlainText)
	require.Error(t, err)
	var ne *i18n.NoticeError
	require.True(t, errors.As(err, &ne))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	var paths []string
	for _, f := range ne.Fields {
		paths = append(paths, f.Path)
		assert.Equal(t, "required", f.Rule)
	}
	assert.Equal(t, []string{"Issuer", "Parent", "Subject", "Place", "Date", "Recipients", "Basis", "Tasks",
		"Signer.Title", "Signer.Name", "Signer.Authority", "Archive"}, paths)
	assert.True(t, strings.HasPrefix(err.Error(), "i18n: holiday notice: fill in the required fields Issuer, Parent, Subject"), err.Error())
	// The field messages translate.
	assert.Equal(t, "thiếu trường bắt buộc Issuer: hãy điền vào", i18n.NewLocalizer(i18n.VI).Format(ne.Fields[0].Message))

	for _, stage := range []i18n.IncidentStage{i18n.NIS2EarlyWarning, i18n.NIS2Notification, i18n.NIS2FinalReport, i18n.VNInitialReport, i18n.CNReport, 0} {
		err := i18n.IncidentReport{Stage: stage}.Validate()
		require.Error(t, err, stage)
		assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	}
	assert.Error(t, i18n.Circular{}.Validate())
	assert.Error(t, i18n.Announcement{Services: []i18n.Service{{}}}.Validate())
	assert.ErrorContains(t, i18n.Announcement{Services: []i18n.Service{{}}}.Validate(), "Services[0].Provider")
}

func TestRenderBadArgs(t *testing.T) {
	_, err := i18n.Render(sampleHoliday(), i18n.VI, i18n.Format(9))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = i18n.Render(nil, i18n.VI, i18n.HTML)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = i18n.ParseFormat("pdf")
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
}

func TestHolidayTasksFollowAuthorityChange(t *testing.T) {
	l := i18n.NewLocalizer(i18n.VI)
	join := func(d medsec.Date) string {
		var s []string
		for _, task := range i18n.HolidayTasks(d) {
			s = append(s, task.In(l))
		}
		return strings.Join(s, "\n")
	}
	before := join(i18n.ChangeOfAuthority().AddDays(-1))
	after := join(i18n.ChangeOfAuthority())
	assert.Contains(t, before, "Sở Thông tin và Truyền thông")
	assert.NotContains(t, after, "Thông tin và Truyền thông")
	assert.Contains(t, after, "Công an tỉnh")
	assert.Contains(t, after, "A05")
}

// TestDeadlines pins each stage's deadline with its legal source. Hours are
// elapsed hours; a period in days or months ends at 24:00 of its last day
// where the incident was detected (EU Reg. 1182/71 art. 3(2)(b)-(c); VN
// Civil Code 2015 arts. 147-148), and a month ends on the corresponding
// day, or the month's last day (31 January + 1 month = 28 February).
func TestDeadlines(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	ict := time.FixedZone("ICT", 7*3600)
	det := time.Date(2026, time.January, 30, 10, 0, 0, 0, cet)
	end := func(y int, m time.Month, d int, loc *time.Location) time.Time {
		return time.Date(y, m, d, 23, 59, 59, 999999999, loc)
	}
	fromDetection := "i18n.notice.deadline.note.from-detection"
	tests := []struct {
		r    i18n.IncidentReport
		due  []time.Time
		cite []string
		note string
	}{
		{i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: det}, []time.Time{det.Add(24 * time.Hour)}, []string{"EU-NIS2 art. 23(4)(a)"}, ""},
		{i18n.IncidentReport{Stage: i18n.NIS2Notification, Detected: det}, []time.Time{det.Add(72 * time.Hour)}, []string{"EU-NIS2 art. 23(4)(b)"}, ""},
		// One month after the notification of 31 January ends on 28 February.
		{i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det, Notified: time.Date(2026, time.January, 31, 9, 0, 0, 0, cet)},
			[]time.Time{end(2026, time.February, 28, cet)}, []string{"EU-NIS2 art. 23(4)(d)"}, ""},
		// A notification given in another zone counts on its day where the
		// incident was detected: 23:30 UTC on 30 January is 31 January in CET.
		{i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det, Notified: time.Date(2026, time.January, 30, 23, 30, 0, 0, time.UTC)},
			[]time.Time{end(2026, time.February, 28, cet)}, []string{"EU-NIS2 art. 23(4)(d)"}, ""},
		// Not submitted yet: one month from detection, with the note.
		{i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det}, []time.Time{end(2026, time.February, 28, cet)}, []string{"EU-NIS2 art. 23(4)(d)"}, fromDetection},
		{i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, cet)}, []time.Time{end(2026, time.April, 10, cet)}, []string{"EU-NIS2 art. 23(4)(d)"}, fromDetection},
		{i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det.In(ict)}, []time.Time{end(2026, time.February, 4, ict)}, []string{"VN-QD-05-2017 art. 11(1)(a)"}, ""},
		{i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det.In(ict), ResponseEnded: det.Add(48 * time.Hour)},
			[]time.Time{end(2026, time.February, 4, ict), end(2026, time.February, 6, ict)}, []string{"VN-QD-05-2017 art. 11(1)(a)", "VN-TT-20-2017 art. 9(2)(b)"}, ""},
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNCII}, []time.Time{det.Add(time.Hour)}, []string{"CN-CAC-2025-IR art. 4"}, ""},
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNCentral}, []time.Time{det.Add(2 * time.Hour)}, []string{"CN-CAC-2025-IR art. 4"}, ""},
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNOtherOperator}, []time.Time{det.Add(4 * time.Hour)}, []string{"CN-CAC-2025-IR art. 4"}, ""},
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: det}, nil, nil, ""},
		{i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning}, nil, nil, ""},
		// The CAC 2025 measures bind incidents detected from 2025-11-01
		// (CN-CAC-2025-IR art. 14), on the day in the detection's zone.
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: time.Date(2025, 10, 31, 23, 0, 0, 0, time.FixedZone("CST", 8*3600)), Operator: i18n.CNOtherOperator}, nil, nil, ""},
		{i18n.IncidentReport{Stage: i18n.CNReport, Detected: time.Date(2025, 11, 1, 0, 10, 0, 0, time.FixedZone("CST", 8*3600)), Operator: i18n.CNOtherOperator},
			[]time.Time{time.Date(2025, 11, 1, 4, 10, 0, 0, time.FixedZone("CST", 8*3600))}, []string{"CN-CAC-2025-IR art. 4"}, ""},
		// NIS2 binds entities from 2024-10-18 (art. 41(1)), not from its
		// entry into force on 2023-01-16.
		{i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2022, 12, 1, 9, 0, 0, 0, cet)}, nil, nil, ""},
		{i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2024, 10, 17, 23, 0, 0, 0, cet)}, nil, nil, ""},
		{i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2024, 10, 18, 0, 30, 0, 0, cet)},
			[]time.Time{time.Date(2024, 10, 19, 0, 30, 0, 0, cet)}, []string{"EU-NIS2 art. 23(4)(a)"}, ""},
	}
	reg := medsec.DefaultRegistry()
	for _, tt := range tests {
		ds := i18n.Deadlines(tt.r)
		require.Len(t, ds, len(tt.due), "%v detected %v", tt.r.Stage, tt.r.Detected)
		for i, d := range ds {
			assert.True(t, tt.due[i].Equal(d.Due), "%v: got %v want %v", tt.r.Stage, d.Due, tt.due[i])
			assert.Equal(t, tt.r.Detected.Location(), d.Due.Location(), "the deadline is shown where the incident was detected")
			assert.Equal(t, tt.cite[i], d.Citation.String())
			err := reg.Resolve(d.Citation)
			assert.NoError(t, err, "citation %v must resolve", d.Citation)
			assert.False(t, d.Step.IsZero())
			assert.Equal(t, tt.note, d.Note.Key)
		}
	}
}

// TestHTMLEscapesUserText puts markup into every user field.
func TestHTMLEscapesUserText(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=y>&`
	d := sampleHoliday()
	d.Parent, d.Issuer, d.Symbol, d.Place, d.Signer.Name, d.Archive = evil, evil, evil, evil, evil, evil
	d.Recipients = []i18n.Text{i18n.Lit(evil), i18n.Lit(evil)}
	d.Tasks = append(d.Tasks, i18n.Lit(evil))
	d.Contacts = append(d.Contacts, i18n.Contact{Name: i18n.Lit(evil), Phone: evil, Email: evil})
	d.Basis = i18n.HolidayBasis(evil, evil, medsec.NewDate(2026, 1, 1), evil)
	for _, loc := range i18n.Locales() {
		out, err := i18n.Render(d, loc, i18n.HTML)
		require.NoError(t, err)
		assertNoUserMarkup(t, out)
		md, err := i18n.Render(d, loc, i18n.Markdown)
		require.NoError(t, err)
		assert.NotContains(t, strings.ReplaceAll(md, `\<`, ""), "<", "every < in Markdown must be escaped")
	}
}

func assertNoUserMarkup(t testing.TB, out string) {
	t.Helper()
	for _, bad := range []string{"<script", "<img", "onerror=y>", `"x"`} {
		if strings.Contains(out, bad) {
			t.Fatalf("unescaped user markup %q in\n%s", bad, out)
		}
	}
}

func TestTemplateOverride(t *testing.T) {
	tm, err := i18n.ParseTemplate(i18n.KindHoliday, "title {{V/v}} {Subject}\nkv {@i18n.notice.incident.to} | {Recipient}\nlist Tasks\n")
	require.NoError(t, err)
	ts := i18n.DefaultTemplates().With(i18n.VI, tm)
	out, err := ts.Render(i18n.NewLocalizer(i18n.VI), sampleHoliday(), i18n.PlainText)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(out, "{V/v} tăng cường bảo đảm an toàn thông tin mạng trong các dịp nghỉ lễ\n\nKính gửi: Thủ trưởng"), out)
	// The default set is unchanged.
	out, err = i18n.Render(sampleHoliday(), i18n.VI, i18n.PlainText)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(out, "CỘNG HÒA"))

	bad := map[string]string{
		"unknown directive": "shout X",
		"unknown field":     "line {Nope}",
		"unknown label":     "line {@i18n.nope}",
		"list in line":      "line {Tasks}",
		"scalar in list":    "list Subject",
		"unclosed":          "line {Subject",
		"stray brace":       "line }",
		"blank with text":   "blank x",
		"kv without bar":    "kv a b",
		"empty":             "# only a comment\n",
		"bad condition":     "line?Nope x",
		"no text":           "line",
	}
	for name, src := range bad {
		_, err := i18n.ParseTemplate(i18n.KindHoliday, src)
		assert.ErrorIs(t, err, medsec.ErrInvalidData, name)
	}
	_, err = i18n.ParseTemplate("nope", "line x")
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	assert.Contains(t, i18n.KindHoliday.Fields(), "Tasks[]")
}

// TestConcurrentRender renders every notice from many goroutines; run it
// with -race.
func TestConcurrentRender(t *testing.T) {
	want := map[string]string{}
	for _, loc := range i18n.Locales() {
		for _, n := range samples(loc) {
			out, err := i18n.Render(n, loc, i18n.HTML)
			require.NoError(t, err)
			want[string(n.Kind())+loc.String()] = out
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, loc := range i18n.Locales() {
				for _, n := range samples(loc) {
					out, err := i18n.Render(n, loc, i18n.HTML)
					if err != nil || out != want[string(n.Kind())+loc.String()] {
						t.Errorf("%s %s: output differs", n.Kind(), loc)
					}
					_ = i18n.NewLocalizer(loc).Format(medsec.Unverified.Message())
				}
			}
		}()
	}
	wg.Wait()
}

func TestEnumText(t *testing.T) {
	type row struct {
		v interface {
			MarshalText() ([]byte, error)
			String() string
		}
		want string
	}
	for _, r := range []row{
		{i18n.HTML, "html"}, {i18n.SignForHead, "for-head"}, {i18n.DisclosePublic, "public"},
		{i18n.NIS2FinalReport, "nis2-final-report"}, {i18n.CNCII, "cii"}, {i18n.SuspectedUnknown, "not-known"},
	} {
		b, err := r.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, r.want, string(b))
		assert.Equal(t, r.want, r.v.String())
	}
	var f i18n.Format
	_, err := f.MarshalText()
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	require.NoError(t, f.UnmarshalText([]byte("markdown")))
	assert.Equal(t, i18n.Markdown, f)
	assert.ErrorIs(t, f.UnmarshalText([]byte("pdf")), medsec.ErrInvalidInput)
	assert.Equal(t, i18n.Markdown, f, "a failed parse leaves the value alone")
	var s i18n.IncidentStage
	require.NoError(t, s.UnmarshalText([]byte("cn-report")))
	assert.Equal(t, i18n.CNReport, s)
	var a i18n.Authority
	require.NoError(t, a.UnmarshalText([]byte("acting")))
	assert.Equal(t, i18n.SignActing, a)
	var d i18n.Disclosure
	require.NoError(t, d.UnmarshalText([]byte("not-public")))
	var o i18n.CNOperator
	require.NoError(t, o.UnmarshalText([]byte("central")))
	var su i18n.Suspicion
	require.NoError(t, su.UnmarshalText([]byte("no")))
	assert.Equal(t, "Suspicion(9)", i18n.Suspicion(9).String())
}
