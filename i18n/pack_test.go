package i18n_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/i18n"
)

// xaRegistry is the default law with the test pack of testdata/packs/xa,
// an invented jurisdiction: its incident rules, dates and messages.
func xaRegistry(t testing.TB) *medsec.Registry {
	t.Helper()
	p, err := medsec.LoadPack(os.DirFS("../testdata/packs/xa"))
	require.NoError(t, err)
	reg, err := medsec.DefaultRegistry().With(p)
	require.NoError(t, err)
	return reg
}

// TestPackMessages: the translations a pack carries in messages/ reach
// the catalog built for a registry that holds it, and the completeness
// check says which locales still lack them.
func TestPackMessages(t *testing.T) {
	reg := xaRegistry(t)
	cat, err := i18n.CatalogFor(reg)
	require.NoError(t, err)
	rule, ok := reg.IncidentRule("XA-HSA-INCIDENT-48H")
	require.True(t, ok)
	info, ok := reg.Jurisdiction("XA")
	require.True(t, ok)
	cs := cat.Localizer(i18n.CS)
	assert.Equal(t, "Ruritánie", cs.Format(info.Name))
	assert.Equal(t, "Ohlásit významný incident ruritánskému zdravotnickému CERT do 48 hodin", cs.Format(rule.Title))
	step := rule.Step
	step.Args = []any{1}
	assert.Equal(t, "hlášení zdravotnickému CERT do 1 hodiny", cs.Format(step))
	assert.Equal(t, "report to the health CERT within 1 hour", cat.Localizer(i18n.EN).Format(step), "English plural forms from messages/en.json")
	// The default catalog is not changed.
	assert.Equal(t, "Ruritania", i18n.NewLocalizer(i18n.CS).Format(info.Name))

	// Czech is complete; the other locales lack the pack's keys, and the
	// check names each one.
	var xaKeys []string
	for _, m := range reg.MessageTemplates() {
		if strings.HasPrefix(m.Key, "xa.") {
			xaKeys = append(xaKeys, m.Key)
		}
	}
	require.NotEmpty(t, xaKeys)
	var want []i18n.Problem
	for _, loc := range []i18n.Locale{i18n.VI, i18n.ZhHans, i18n.ZhHant} {
		for _, k := range xaKeys {
			want = append(want, i18n.Problem{Locale: loc, Key: k, Kind: i18n.Missing})
		}
	}
	assert.Equal(t, want, cat.Check(allTemplates(reg)))
}

// TestPackIncidentNotice: a pack's incident rules reach the notices of a
// template set built for its registry, through a layout of the user's for
// the pack's report kind, rendered with the pack's Czech messages.
func TestPackIncidentNotice(t *testing.T) {
	reg := xaRegistry(t)
	cat, err := i18n.CatalogFor(reg)
	require.NoError(t, err)
	tm, err := i18n.ParseTemplate("xa-incident-report", `# Ruritanian incident report (a user's layout)
title Hlášení významného incidentu zdravotnickému CERT
blank
kv {@i18n.notice.incident.entity} | {Entity}
kv {@i18n.notice.incident.detected} | {Detected}
kv {@i18n.notice.incident.contact} | {Contact}
blank
em {@i18n.notice.incident.deadlines}
bullets Deadlines
`)
	require.NoError(t, err)
	ts := i18n.TemplatesFor(reg).With(i18n.CS, tm)
	r := i18n.IncidentReport{
		Stage:    "xa-incident-report",
		Entity:   i18n.Lit("Fakultní nemocnice Strelsau"),
		Detected: time.Date(2026, 11, 20, 22, 40, 0, 0, time.FixedZone("CET", 3600)),
		Contact:  i18n.Contact{Name: i18n.Lit("Jana Nováková"), Phone: "+420 200 000 000"},
		Facts:    medsec.IncidentFacts{Marks: []string{"significant"}},
	}
	out, err := ts.Render(cat.Localizer(i18n.CS), r, i18n.PlainText)
	require.NoError(t, err)
	assert.Equal(t, `Hlášení významného incidentu zdravotnickému CERT

Subjekt: Fakultní nemocnice Strelsau
Zjištěno: 20. 11. 2026 22:40 (UTC+01:00)
Kontaktní osoba: Jana Nováková, tel. +420 200 000 000

Zákonné lhůty:
- hlášení zdravotnickému CERT do 48 hodin: nejpozději 22. 11. 2026 22:40 (UTC+01:00) (čl. 9 ruritánského zákona o bezpečnosti nemocnic)
`, out)

	// The default template set knows neither the rules nor a layout.
	_, err = i18n.DefaultTemplates().With(i18n.CS, tm).Render(cat.Localizer(i18n.CS), r, i18n.PlainText)
	require.NoError(t, err)
	assert.Empty(t, i18n.Deadlines(r), "the default registry has no XA rules")
	_, err = i18n.TemplatesFor(reg).Render(cat.Localizer(i18n.CS), r, i18n.PlainText)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput, "no layout for the kind")

	// A rule whose conditions the facts do not meet gives no deadline.
	r.Facts = medsec.IncidentFacts{}
	assert.Empty(t, i18n.DeadlinesFor(reg, r))
}

// TestWithPacksStrict: a pack's message files are read as strictly as
// the embedded ones, and errors name the file in the pack.
func TestWithPacksStrict(t *testing.T) {
	pack := func(files map[string]string) *medsec.Pack {
		fsys := fstest.MapFS{"pack.json": {Data: []byte(`{"id": "msg-test", "version": "2026-11-29", "title": "messages only"}`)}}
		for name, data := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		p, err := medsec.LoadPack(fsys)
		require.NoError(t, err)
		return p
	}
	c, err := i18n.DefaultCatalog().WithPacks(pack(map[string]string{
		"messages/cs.json":      `{"x.a": "A %d"}`,
		"messages/de.json":      `{"x.a": "A %d"}`,
		"messages/notes.txt":    `not a message file`,
		"messages/sub/vi.json":  `{"x.a": 1}`,
		"instruments/none.json": `{}`,
	}))
	require.NoError(t, err, "locales the catalog lacks are skipped")
	assert.Equal(t, "A 5", c.Localizer(i18n.CS).Format(medsec.Message{Key: "x.a", Format: "a %d", Args: []any{5}}))
	assert.Equal(t, []i18n.Locale{i18n.EN, i18n.CS, i18n.VI, i18n.ZhHans, i18n.ZhHant}, c.Locales())

	for name, tc := range map[string]struct {
		file, data, path, rule string
	}{
		"bad verb":           {"messages/cs.json", `{"x.a": "A %f"}`, "/x.a", "format"},
		"duplicate":          {"messages/cs.json", `{"x.a": "A", "x.a": "B"}`, "/x.a", "duplicate-key"},
		"plural form":        {"messages/vi.json", `{"x.a": {"plural": {"arg": 1, "one": "%d", "other": "%d"}}}`, "/x.a/plural/one", "plural-form"},
		"conventions":        {"messages/cs.json", `{"@locale": {}}`, "/@locale", "locale"},
		"file name":          {"messages/cs_CZ.json", `{}`, "", "bcp47"},
		"not canonical name": {"messages/zh-hant.json", `{}`, "", "bcp47"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := i18n.DefaultCatalog().WithPacks(pack(map[string]string{tc.file: tc.data}))
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%v", err)
			assert.True(t, slices.ContainsFunc(fes, func(e *medsec.FieldError) bool {
				return e.File == "msg-test/"+tc.file && e.Path == tc.path && e.Rule == tc.rule
			}), "want %s at %s%s, got %v", tc.rule, tc.file, tc.path, err)
			assert.True(t, strings.HasPrefix(err.Error(), "i18n: msg-test/"+tc.file), err.Error())
		})
	}
	n, err := i18n.DefaultCatalog().WithPacks(nil)
	require.NoError(t, err)
	assert.Same(t, i18n.DefaultCatalog(), n, "nothing to add")
}
