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

	for _, stage := range []i18n.IncidentStage{i18n.NIS2EarlyWarning, i18n.NIS2Notification, i18n.NIS2FinalReport, i18n.VNInitialReport, i18n.CNReport, ""} {
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

// TestDeadlines pins each stage's deadlines with their legal sources, as
// the embedded incident rules state them. Hours are elapsed hours; a
// period in days or months ends at 24:00 of its last day where the
// incident was detected (EU Reg. 1182/71 art. 3(2)(b)-(c); VN Civil Code
// 2015 arts. 147-148), and a month ends on the corresponding day, or the
// month's last day (31 January + 1 month = 28 February).
func TestDeadlines(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	ict := time.FixedZone("ICT", 7*3600)
	cst := time.FixedZone("CST", 8*3600)
	det := time.Date(2026, time.January, 30, 10, 0, 0, 0, cet)
	end := func(y int, m time.Month, d int, loc *time.Location) time.Time {
		return time.Date(y, m, d, 23, 59, 59, 999999999, loc)
	}
	nis2 := medsec.IncidentFacts{Marks: []string{"significant"}, EntityClass: "essential"}
	major := medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}
	fromDetection := "i18n.notice.deadline.note.from-detection"
	type want struct {
		rule string
		due  time.Time
		cite string
		note string
	}
	tests := []struct {
		name string
		r    i18n.IncidentReport
		want []want
	}{
		{"NIS2 early warning", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: det, Facts: nis2},
			[]want{{"EU-NIS2-EARLY-WARNING-24H", det.Add(24 * time.Hour), "EU-NIS2 art. 23(4)(a)", ""}}},
		{"NIS2 notification", i18n.IncidentReport{Stage: i18n.NIS2Notification, Detected: det, Facts: nis2},
			[]want{{"EU-NIS2-NOTIFICATION-72H", det.Add(72 * time.Hour), "EU-NIS2 art. 23(4)(b)", ""}}},
		{"NIS2 final report: one month after the notification of 31 January ends on 28 February",
			i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det, Notified: time.Date(2026, time.January, 31, 9, 0, 0, 0, cet), Facts: nis2},
			[]want{{"EU-NIS2-FINAL-REPORT-1M", end(2026, time.February, 28, cet), "EU-NIS2 art. 23(4)(d)", ""}}},
		{"NIS2 final report: a notification given in another zone counts on its day where the incident was detected",
			i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det, Notified: time.Date(2026, time.January, 30, 23, 30, 0, 0, time.UTC), Facts: nis2},
			[]want{{"EU-NIS2-FINAL-REPORT-1M", end(2026, time.February, 28, cet), "EU-NIS2 art. 23(4)(d)", ""}}},
		{"NIS2 final report not notified yet: one month from detection, with the note",
			i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: det, Facts: nis2},
			[]want{{"EU-NIS2-FINAL-REPORT-1M", end(2026, time.February, 28, cet), "EU-NIS2 art. 23(4)(d)", fromDetection}}},
		{"NIS2 final report from detection in March",
			i18n.IncidentReport{Stage: i18n.NIS2FinalReport, Detected: time.Date(2026, 3, 10, 9, 0, 0, 0, cet), Facts: nis2},
			[]want{{"EU-NIS2-FINAL-REPORT-1M", end(2026, time.April, 10, cet), "EU-NIS2 art. 23(4)(d)", fromDetection}}},
		{"NIS2 binds significant incidents only", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: det,
			Facts: medsec.IncidentFacts{EntityClass: "essential"}}, nil},
		{"NIS2 binds essential and important entities only", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: det,
			Facts: medsec.IncidentFacts{Marks: []string{"significant"}}}, nil},
		{"Vietnam: notification within 5 days, recipients from 2025-03-01",
			i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det.In(ict)},
			[]want{{"VN-INCIDENT-REPORT-5D-MPS", end(2026, time.February, 4, ict), "VN-QD-05-2017 art. 11(1)(a)", ""}}},
		{"Vietnam: the closing report is a report of its own kind",
			i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det.In(ict), ResponseEnded: det.Add(48 * time.Hour)},
			[]want{{"VN-INCIDENT-REPORT-5D-MPS", end(2026, time.February, 4, ict), "VN-QD-05-2017 art. 11(1)(a)", ""}}},
		{"Vietnam: beyond the unit's capacity, at once as well",
			i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det.In(ict), Facts: medsec.IncidentFacts{Marks: []string{"beyond-capacity"}}},
			[]want{{"VN-INCIDENT-IMMEDIATE", det.In(ict), "VN-QD-05-2017 art. 11", ""},
				{"VN-INCIDENT-REPORT-5D-MPS", end(2026, time.February, 4, ict), "VN-QD-05-2017 art. 11(1)(a)", ""}}},
		{"Vietnam: before the change of authority",
			i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: time.Date(2025, 2, 27, 23, 0, 0, 0, ict)},
			[]want{{"VN-INCIDENT-REPORT-5D-MIC", end(2025, time.March, 4, ict), "VN-QD-05-2017 art. 11(1)(a)", ""}}},
		{"Vietnam: the closing report, from the end of the response",
			i18n.IncidentReport{Stage: "vn-closing-report", Detected: det.In(ict), ResponseEnded: det.Add(48 * time.Hour),
				Facts: medsec.IncidentFacts{Marks: []string{"beyond-capacity"}}},
			[]want{{"VN-INCIDENT-CLOSING-5D", end(2026, time.February, 6, ict), "VN-TT-20-2017 art. 9(2)(b)", ""}}},
		{"Vietnam: no closing deadline before the response ends",
			i18n.IncidentReport{Stage: "vn-closing-report", Detected: det.In(ict), Facts: medsec.IncidentFacts{Marks: []string{"beyond-capacity"}}}, nil},
		{"China: CII operator", i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNCII, Facts: major},
			[]want{{"CN-CAC-REPORT-CII-1H", det.Add(time.Hour), "CN-CAC-2025-IR art. 4", ""}}},
		{"China: central organ", i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNCentral, Facts: major},
			[]want{{"CN-CAC-REPORT-CENTRAL-2H", det.Add(2 * time.Hour), "CN-CAC-2025-IR art. 4", ""}}},
		{"China: other operator", i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNOtherOperator, Facts: major},
			[]want{{"CN-CAC-REPORT-OTHER-4H", det.Add(4 * time.Hour), "CN-CAC-2025-IR art. 4", ""}}},
		{"China: a CII flag in the facts is the operator class", i18n.IncidentReport{Stage: i18n.CNReport, Detected: det,
			Facts: medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}, Flags: []medsec.Flag{"cii"}}},
			[]want{{"CN-CAC-REPORT-CII-1H", det.Add(time.Hour), "CN-CAC-2025-IR art. 4", ""}}},
		{"China: below relatively major, no CAC deadline", i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNOtherOperator}, nil},
		{"no detection time", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Facts: nis2}, nil},
		{"no stage", i18n.IncidentReport{Detected: det, Facts: nis2}, nil},
		// The CAC 2025 measures bind incidents detected from 2025-11-01
		// (CN-CAC-2025-IR art. 14), on the day in the detection's zone;
		// before, the CSL's report without a stated period applies.
		{"China: the day before the CAC measures", i18n.IncidentReport{Stage: i18n.CNReport, Detected: time.Date(2025, 10, 31, 23, 0, 0, 0, cst),
			Operator: i18n.CNOtherOperator, Facts: major},
			[]want{{"CN-CSL-INCIDENT-REPORT", time.Date(2025, 10, 31, 23, 0, 0, 0, cst), "CN-CSL-2016 art. 25", ""}}},
		{"China: the first day of the CAC measures", i18n.IncidentReport{Stage: i18n.CNReport, Detected: time.Date(2025, 11, 1, 0, 10, 0, 0, cst),
			Operator: i18n.CNOtherOperator, Facts: major},
			[]want{{"CN-CAC-REPORT-OTHER-4H", time.Date(2025, 11, 1, 4, 10, 0, 0, cst), "CN-CAC-2025-IR art. 4", ""}}},
		// NIS2 binds entities from 2024-10-18 (art. 41(1)), not from its
		// entry into force on 2023-01-16.
		{"NIS2 before it entered into force", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2022, 12, 1, 9, 0, 0, 0, cet), Facts: nis2}, nil},
		{"NIS2 the day before member states apply it", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2024, 10, 17, 23, 0, 0, 0, cet), Facts: nis2}, nil},
		{"NIS2 the first day member states apply it", i18n.IncidentReport{Stage: i18n.NIS2EarlyWarning, Detected: time.Date(2024, 10, 18, 0, 30, 0, 0, cet), Facts: nis2},
			[]want{{"EU-NIS2-EARLY-WARNING-24H", time.Date(2024, 10, 19, 0, 30, 0, 0, cet), "EU-NIS2 art. 23(4)(a)", ""}}},
	}
	reg := medsec.DefaultRegistry()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := i18n.Deadlines(tt.r)
			require.Len(t, ds, len(tt.want))
			for i, d := range ds {
				w := tt.want[i]
				assert.Equal(t, w.rule, d.Rule)
				assert.True(t, w.due.Equal(d.Due), "got %v want %v", d.Due, w.due)
				assert.Equal(t, tt.r.Detected.Location(), d.Due.Location(), "the deadline is shown where the incident was detected")
				assert.Equal(t, w.cite, d.Citation.String())
				assert.NoError(t, reg.Resolve(d.Citation), "citation %v must resolve", d.Citation)
				assert.False(t, d.Step.IsZero())
				assert.Equal(t, w.note, d.Note.Key)
			}
		})
	}
}

// TestDeadlineSteps: each deadline prints the rule's step, completed with
// the count of its period, or the rule's title when it has no step.
func TestDeadlineSteps(t *testing.T) {
	det := time.Date(2026, 5, 4, 13, 0, 0, 0, time.FixedZone("CST", 8*3600))
	cn := i18n.IncidentReport{Stage: i18n.CNReport, Detected: det, Operator: i18n.CNCentral,
		Facts: medsec.IncidentFacts{Marks: []string{"cn-relatively-major"}}}
	ds := i18n.Deadlines(cn)
	require.Len(t, ds, 1)
	assert.Equal(t, "report to the authority within 2 hours", i18n.NewLocalizer(i18n.EN).Format(ds[0].Step))
	assert.Equal(t, "2小时内向主管部门报告", i18n.NewLocalizer(i18n.ZhHans).Format(ds[0].Step))
	vn := i18n.IncidentReport{Stage: i18n.VNInitialReport, Detected: det, Facts: medsec.IncidentFacts{Marks: []string{"beyond-capacity"}}}
	ds = i18n.Deadlines(vn)
	require.Len(t, ds, 2)
	rule, ok := medsec.DefaultRegistry().IncidentRule(ds[0].Rule)
	require.True(t, ok)
	assert.True(t, rule.Step.IsZero(), "this rule has no step of its own")
	assert.Equal(t, rule.Title, ds[0].Step)
	// Every step of the embedded law takes at most the period's count.
	for _, r := range medsec.DefaultRegistry().IncidentRules("", medsec.Date{}) {
		if r.Step.IsZero() {
			continue
		}
		out := i18n.NewLocalizer(i18n.CS).Format(medsec.Message{Key: r.Step.Key, Format: r.Step.Format, Args: []any{r.Within.N}})
		assert.NotContains(t, out, "%!", r.ID)
	}
}

// TestHTMLEscapesUserText puts markup into every user field.
func TestHTMLEscapesUserText(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=y>&`
	d := sampleHoliday()
	d.Parent, d.Issuer, d.Place, d.Signer.Name, d.Archive = i18n.Lit(evil), i18n.LitIn(i18n.VI, evil), i18n.LitIn(i18n.CS, evil), i18n.Lit(evil), i18n.Lit(evil)
	d.Symbol = evil
	d.Recipients = []i18n.Text{i18n.Lit(evil), i18n.Lit(evil)}
	d.Tasks = append(d.Tasks, i18n.Lit(evil))
	d.Contacts = append(d.Contacts, i18n.Contact{Name: i18n.Lit(evil), Phone: evil, Email: evil})
	d.Basis = i18n.HolidayBasis(i18n.LitIn(i18n.VI, evil), evil, medsec.NewDate(2026, 1, 1), i18n.Lit(evil))
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
	first, _, _ := strings.Cut(out, "\n")
	assert.Regexp(t, `^ +UBND TỈNH THANH HÓA +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$`, first)

	bad := map[string]string{
		"unknown directive":  "shout X",
		"unknown field":      "line {Nope}",
		"unknown label":      "line {@i18n.nope}",
		"list in line":       "line {Tasks}",
		"scalar in list":     "list Subject",
		"unclosed":           "line {Subject",
		"stray brace":        "line }",
		"blank with text":    "blank x",
		"kv without bar":     "kv a b",
		"kv without text":    "kv |",
		"split without text": "split  | ",
		"empty":              "# only a comment\n",
		"bad condition":      "line?Nope x",
		"no text":            "line",
	}
	for name, src := range bad {
		_, err := i18n.ParseTemplate(i18n.KindHoliday, src)
		assert.ErrorIs(t, err, medsec.ErrInvalidData, name)
	}
	_, err = i18n.ParseTemplate("Nope!", "line x")
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	// Every report kind is an incident report with its fields.
	_, err = i18n.ParseTemplate("xa-incident-report", "title {@i18n.notice.incident.deadlines}\nbullets Deadlines")
	assert.NoError(t, err)
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
