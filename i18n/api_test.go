package i18n_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/medsec-go/medsec/internal/sample"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"CatalogFor": i18n.CatalogFor, "ChangeOfAuthority": i18n.ChangeOfAuthority, "Deadlines": i18n.Deadlines,
		"DeadlinesFor": i18n.DeadlinesFor, "DefaultCatalog": i18n.DefaultCatalog, "TemplatesFor": i18n.TemplatesFor,
		"DefaultTemplates": i18n.DefaultTemplates, "DeputyDirector": i18n.DeputyDirector, "Director": i18n.Director,
		"HolidayBasis": i18n.HolidayBasis, "HolidaySubject": i18n.HolidaySubject, "HolidayTasks": i18n.HolidayTasks,
		"Kinds": i18n.Kinds, "Lit": i18n.Lit, "LitIn": i18n.LitIn, "StyleSheet": i18n.StyleSheet, "Locales": i18n.Locales, "Match": i18n.Match, "MatchTags": i18n.MatchTags,
		"MessageTemplates": i18n.MessageTemplates, "Msg": i18n.Msg, "NewCatalog": i18n.NewCatalog,
		"NewHolidayDispatch": i18n.NewHolidayDispatch, "NewLocalizer": i18n.NewLocalizer, "ParseFormat": i18n.ParseFormat,
		"ParseLocale": i18n.ParseLocale, "ParseTemplate": i18n.ParseTemplate, "Render": i18n.Render,
	},
	Types: []any{i18n.Announcement{}, i18n.Authority(0), i18n.CNOperator(0), i18n.Catalog{}, i18n.Circular{},
		i18n.Disclosure(0), i18n.Format(0), i18n.Gender(0), i18n.HolidayDispatch{}, i18n.NewsItem{}, i18n.IncidentReport{}, i18n.IncidentStage(""),
		i18n.Kind(""), i18n.Locale(""), i18n.Localizer{}, i18n.NoticeError{}, i18n.Problem{}, i18n.ProblemKind(0),
		i18n.Suspicion(0), i18n.Template{}, i18n.TemplateSet{}, i18n.Text{}},
}

// TestNilAndZero: review finding F8. Every exported function and method
// called with nil and zero values returns an error or a zero result; none
// panics (TemplateSet.With(loc, nil), TemplateSet.Render(nil, …) and a
// NoticeError with a nil field did).
func TestNilAndZero(t *testing.T) {
	apitest.NilZero(t, api)
	// Cases the generic variants do not build.
	e := &i18n.NoticeError{Kind: i18n.KindHoliday, Fields: medsec.FieldErrors{nil, {Path: "Place"}}}
	assert.Contains(t, e.Error(), "Place")
	var ts i18n.TemplateSet
	_, err := ts.Render(nil, sample.Holiday(medsec.NewDate(2026, 2, 9)), i18n.PlainText)
	assert.Error(t, err)
	assert.NotNil(t, i18n.DefaultTemplates().With(i18n.CS, nil))
	_, err = i18n.DefaultTemplates().Render(nil, sample.Holiday(medsec.NewDate(2026, 2, 9)), i18n.PlainText)
	require.NoError(t, err, "a nil Localizer renders in English")
}

// TestNilReceivers: methods on nil Catalogs, Localizers and template sets
// act as on their zero values (ADR 0004: nil receivers never panic).
func TestNilReceivers(t *testing.T) {
	var c *i18n.Catalog
	assert.Nil(t, c.Locales())
	assert.Empty(t, c.LocaleName(i18n.CS))
	assert.Nil(t, c.Keys(i18n.CS))
	assert.Nil(t, c.Templates(i18n.CS))
	assert.Empty(t, c.Check(nil))
	_, err := c.Extend(i18n.CS, strings.NewReader(`{}`))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = c.ParseLocale("cs")
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	loc, _, _ := c.Match("cs")
	assert.Equal(t, i18n.EN, loc)
	n, err := c.WithPacks()
	require.NoError(t, err)
	assert.Nil(t, n)
	var l *i18n.Localizer
	assert.Equal(t, "verified", l.Format(medsec.Verified.Message()))
	assert.Equal(t, "verified", i18n.Msg(medsec.Verified.Message()).In(l))
	assert.Equal(t, i18n.EN, l.Locale())
	assert.Equal(t, "22 November 2026", l.Date(medsec.NewDate(2026, 11, 22)))
	assert.Equal(t, "1,234", l.Number(1234))
	assert.Equal(t, "22 November 2026", c.Localizer(i18n.CS).Date(medsec.NewDate(2026, 11, 22)))
	var ts *i18n.TemplateSet
	assert.Nil(t, ts.Template(i18n.KindHoliday, i18n.VI))
	_, err = ts.Render(nil, sample.Holiday(medsec.NewDate(2026, 2, 9)), i18n.PlainText)
	assert.Error(t, err)
	assert.NotNil(t, ts.With(i18n.VI, nil))
}

// TestResultsAreOwn: review finding F2. Every result that holds slices or
// maps is the caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	day := medsec.NewDate(2026, 2, 9)
	c := i18n.DefaultCatalog()
	ext, err := c.Extend(i18n.CS, strings.NewReader(`{"x.a": "A %d"}`))
	require.NoError(t, err)
	incidents := func() []i18n.IncidentReport {
		var out []i18n.IncidentReport
		for _, st := range []i18n.IncidentStage{i18n.NIS2EarlyWarning, i18n.NIS2Notification, i18n.NIS2FinalReport, i18n.VNInitialReport, i18n.CNReport} {
			out = append(out, sample.Incident(st))
		}
		return out
	}
	calls := map[string]func() any{
		"Deadlines": func() any {
			var out [][]i18n.Deadline
			for _, r := range incidents() {
				out = append(out, i18n.Deadlines(r))
			}
			return out
		},
		"HolidayTasks":       func() any { return i18n.HolidayTasks(day) },
		"Kinds":              func() any { return i18n.Kinds() },
		"Locales":            func() any { return i18n.Locales() },
		"MessageTemplates":   func() any { return i18n.MessageTemplates() },
		"HolidayBasis":       func() any { return i18n.HolidayBasis(i18n.Lit("UBND"), "1", day, i18n.Lit("VP")) },
		"LitIn":              func() any { return i18n.LitIn(i18n.VI, "Sở Y tế").With(i18n.EN, "Department of Health") },
		"StyleSheet":         func() any { return i18n.StyleSheet() },
		"HolidaySubject":     func() any { return i18n.HolidaySubject() },
		"Director":           func() any { return i18n.Director() },
		"DeputyDirector":     func() any { return i18n.DeputyDirector() },
		"Lit":                func() any { return i18n.Lit("x") },
		"Msg":                func() any { return i18n.Msg(medsec.CN.Message()) },
		"NewHolidayDispatch": func() any { return sample.Holiday(day) },
		"Match": func() any {
			l, tag, conf := i18n.Match("vi-VN,vi;q=0.9")
			return []any{l, tag, conf}
		},
		"MatchTags": func() any {
			l, tag, conf := i18n.MatchTags(language.Czech)
			return []any{l, tag, conf}
		},
		"Catalog.Check": func() any {
			return ext.Check(append(medsec.MessageTemplates(), medsec.MessageTemplate{Key: "y.b", Format: "%s"}))
		},
		"Catalog.Keys":      func() any { return ext.Keys(i18n.CS) },
		"Catalog.Templates": func() any { return ext.Templates(i18n.CS) },
		"Catalog.Locales":   func() any { return ext.Locales() },
		"DeadlinesFor": func() any {
			var out [][]i18n.Deadline
			for _, r := range incidents() {
				out = append(out, i18n.DeadlinesFor(medsec.DefaultRegistry(), r))
			}
			return out
		},
		"Locale.MarshalText": func() any {
			b, _ := i18n.CS.MarshalText()
			return b
		},
		"IncidentStage.MarshalText": func() any {
			b, _ := i18n.CNReport.MarshalText()
			return b
		},
	}
	samples := []any{sample.Holiday(day), sample.Announcement(), sample.Circular(), sample.HolidayDraft(), sample.CircularFull(), i18n.KindHoliday,
		&i18n.NoticeError{Kind: i18n.KindHoliday, Fields: medsec.FieldErrors{{Path: "Place"}}}, i18n.Director()}
	for _, r := range incidents() {
		samples = append(samples, r)
	}
	for _, k := range i18n.Kinds() {
		samples = append(samples, k)
	}
	apitest.Aliasing(t, api, calls, samples)
}
