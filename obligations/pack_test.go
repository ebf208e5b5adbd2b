package obligations_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// xaDir is the test pack of an invented jurisdiction, Ruritania (XA).
const xaDir = "../testdata/packs/xa"

// xaPack returns the test pack, with the files of edits replaced (an
// empty text removes the file).
func xaPack(t testing.TB, edits map[string]string) *medsec.Pack {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(xaDir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(xaDir + "/" + name)
		m[name] = &fstest.MapFile{Data: b}
		return err
	})
	require.NoError(t, err)
	for name, text := range edits {
		if text == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	p, err := medsec.LoadPack(m)
	require.NoError(t, err)
	return p
}

// xaCatalog returns the catalog of the default registry with the test pack.
func xaCatalog(t testing.TB, edits map[string]string) (*obligations.Catalog, error) {
	t.Helper()
	reg, err := medsec.DefaultRegistry().With(xaPack(t, edits))
	require.NoError(t, err)
	return obligations.CatalogFor(reg)
}

func xaFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(xaDir + "/" + name)
	require.NoError(t, err)
	return string(b)
}

// ruritanianHospital is a teaching hospital of XA with a significant
// incident.
func ruritanianHospital(flags ...medsec.Flag) *obligations.Profile {
	return &obligations.Profile{
		Institution: grading.Institution{ID: "XA-H1", Name: "Strelsau General", Jurisdictions: []medsec.Jurisdiction{"XA"},
			Type: grading.TypeHospital, Flags: flags, Principal: "dean"},
		Incidents: []obligations.Incident{{ID: "INC-1", Detected: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Significant: true}},
	}
}

// A new jurisdiction works from data alone: the test pack's duties,
// roles, role rules and incident rules take part in gap reports and role
// checks with no Go code of its own.
func TestPackFromDataAlone(t *testing.T) {
	c, err := xaCatalog(t, nil)
	require.NoError(t, err)
	assert.Equal(t, obligations.DefaultCatalog().Len()+4, c.Len())
	_, ok := obligations.DefaultCatalog().Duty("XA-HSA-INCIDENT-48H")
	assert.False(t, ok, "the default catalog is unchanged")

	// The incident duty takes its facts from the incident rule.
	d, ok := c.Duty("XA-HSA-INCIDENT-48H")
	require.True(t, ok)
	assert.Equal(t, medsec.Jurisdiction("XA"), d.Jurisdiction)
	assert.Equal(t, "Report a significant incident to the Ruritanian health CERT within 48 hours", d.Title.String())
	assert.Equal(t, []medsec.Citation{medsec.Cite("XA-HSA-2026", "9")}, d.Citations)
	assert.Equal(t, medsec.NewDate(2026, 3, 1), d.InForce.From, "the act's period")
	assert.Equal(t, "Invented for tests.", d.Note)
	info, ok := c.Role("xa-security-officer")
	require.True(t, ok)
	assert.Equal(t, "hospital security officer", info.Name.String())

	opts := obligations.Options{AsOf: medsec.NewDate(2026, 11, 22), Now: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)}
	r, err := c.GapReport(ruritanianHospital("xa-teaching-hospital"), []obligations.Evidence{
		{Duty: "XA-HSA-INCIDENT-48H", Incident: "INC-1", Done: medsec.NewDate(2026, 11, 21), At: time.Date(2026, 11, 21, 16, 0, 0, 0, time.UTC)},
	}, opts)
	require.NoError(t, err)
	var got []string
	for _, it := range r.Items {
		got = append(got, it.DutyID+" "+it.Status.String()+" "+it.Due.String()+" "+it.Reason().String())
	}
	assert.Equal(t, []string{
		"XA-HSA-SECURITY-OFFICER missing  the institution is subject to the law of Ruritania",
		"XA-HSA-TEACHING-TRAINING missing  the institution is subject to the law of Ruritania, and it is a teaching hospital",
		"XA-HSA-INCIDENT-FINAL-14D due-soon 2026-12-04 the institution is subject to the law of Ruritania",
		"XA-HSA-INCIDENT-48H met 2026-11-22 the institution is subject to the law of Ruritania",
	}, got)
	final := r.Items[2]
	assert.Equal(t, "the incident notification has not been submitted yet, so the period runs from detection, the earliest moment a notification could exist; the due date is never later than the legal one",
		final.Note.String(), "no first report recorded: the 14 days run from detection")
	assert.Equal(t, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), r.Items[3].DueAt)
	assert.False(t, r.Items[3].Late)

	// Without the flag, the teaching duty does not apply.
	r, err = c.GapReport(ruritanianHospital(), nil, opts)
	require.NoError(t, err)
	for _, it := range r.Items {
		assert.NotEqual(t, "XA-HSA-TEACHING-TRAINING", it.DutyID)
	}

	// The pack's role rule.
	fs, err := c.CheckRoles(ruritanianHospital(), nil)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "XA-ROLE-SECURITY-OFFICER", fs[0].Rule.ID)
	assert.Equal(t, "no hospital security officer is named", fs[0].Message.String())
	assert.Equal(t, obligations.SeverityError, fs[0].Severity)
	fs, err = c.CheckRoles(ruritanianHospital(), []obligations.Assignment{
		{PersonID: "rudolf", Role: "xa-security-officer", Employment: obligations.Employee}})
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "the security officer rudolf (hospital security officer) has no training on record", fs[0].Message.String())
	assert.Equal(t, obligations.SeverityWarning, fs[0].Severity)

	// The default catalog does not know the pack's role.
	_, err = obligations.CheckRoles(&obligations.Profile{Institution: grading.Institution{ID: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CZ},
		Type: grading.TypeHospital}}, []obligations.Assignment{{PersonID: "rudolf", Role: "xa-security-officer", Employment: obligations.Employee}})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)

	// The pack's messages are listed for translators.
	keys := map[string]bool{}
	for _, m := range c.MessageTemplates() {
		keys[m.Key] = true
	}
	for _, k := range []string{"xa.role.security-officer", "xa.finding.no-officer", "xa.duty.incident-48h.description", "xa.incident.report-48h"} {
		assert.True(t, keys[k], k)
	}
}

// A duty that names an incident rule the registry lacks, an incident rule
// no duty reports under, and a duty that repeats a rule's field with
// another value are load errors that name the pack file and the field.
func TestPackIncidentRuleErrors(t *testing.T) {
	duties := xaFile(t, "duties.json")
	tests := []struct {
		name       string
		edits      map[string]string
		file, path string
		rule       string
	}{
		{"duty without its rule", map[string]string{
			"duties.json": strings.Replace(duties, `"XA-HSA-INCIDENT-FINAL-14D"`, `"XA-HSA-INCIDENT-FINAL-99D"`, 1)},
			"xa-fixture/duties.json", "/duties/3/recurrence/kind", "incident-rule"},
		{"a rule's field with another value", map[string]string{
			"duties.json": strings.Replace(duties, `"id": "XA-HSA-INCIDENT-48H",`, `"id": "XA-HSA-INCIDENT-48H", "citations": ["XA-HSA-2026 art. 4"],`, 1)},
			"xa-fixture/duties.json", "/duties/2/citations", "incident-rule"},
		{"a rule's condition with another value", map[string]string{
			"duties.json": strings.Replace(duties, `"id": "XA-HSA-INCIDENT-48H",
      "party": "institution",`, `"id": "XA-HSA-INCIDENT-48H",
      "party": "institution", "jurisdiction": "CZ",`, 1)},
			"xa-fixture/duties.json", "/duties/2/jurisdiction", "incident-rule"},
		{"an incident duty of system scope", map[string]string{
			"duties.json": strings.Replace(duties, `"applies": {"scope": "institution"},
      "recurrence": {"kind": "incident-rule"}`, `"applies": {"scope": "system", "scheme": "cn-mlps"},
      "recurrence": {"kind": "incident-rule"}`, 1)},
			"xa-fixture/duties.json", "/duties/2/applies/scope", "incident"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := xaCatalog(t, tt.edits)
			requireFieldError(t, err, tt.file, tt.path, tt.rule)
		})
	}

	// A rule without a duty, on its own.
	_, err := xaCatalog(t, map[string]string{"duties.json": strings.Replace(duties,
		`"recurrence": {"kind": "incident-rule"},
      "evidence": [{"key": "xa.evidence.report", "format": "The report as sent, with its time"}]
    }
  ]`, `"recurrence": {"kind": "once"}, "jurisdiction": "XA", "citations": ["XA-HSA-2026 art. 9"], "confidence": "verified",
      "title": {"key": "xa.duty.final.title", "format": "Send a final report"}
    }
  ]`, 1)})
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, "xa-fixture/incidents.json", fes[0].File)
	assert.Equal(t, "/rules/1/id", fes[0].Path)
	assert.Equal(t, "duty", fes[0].Rule)
	assert.Contains(t, err.Error(), "XA-HSA-INCIDENT-FINAL-14D has no duty")

	// Repeating a rule's field with its own value is allowed, so that a
	// catalog's duties can be built into a catalog again.
	_, err = xaCatalog(t, map[string]string{"duties.json": strings.Replace(duties, `"id": "XA-HSA-INCIDENT-48H",`,
		`"id": "XA-HSA-INCIDENT-48H", "citations": ["XA-HSA-2026 art. 9"], "jurisdiction": "XA", "confidence": "verified",`, 1)})
	require.NoError(t, err)
	c, err := xaCatalog(t, nil)
	require.NoError(t, err)
	again, err := obligations.NewCatalog(c.Registry(), c.Duties()...)
	require.NoError(t, err)
	assert.Equal(t, c.Duties(), again.Duties())
}

// The roles file is read strictly and checked against the registry.
func TestPackRoleErrors(t *testing.T) {
	roles := xaFile(t, "roles.json")
	tests := []struct {
		name, roles, path, rule string
	}{
		{"unknown field", strings.Replace(roles, `"scope"`, `"scop": 1, "scope"`, 1), "/rules/0/scop", "unknown-field"},
		{"undeclared role", strings.Replace(roles, `"roles": ["xa-security-officer"], "severity": "error"`, `"roles": ["xa-nobody"], "severity": "error"`, 1), "/rules/0/checks/0/roles/0", "declared"},
		{"role of another pack", strings.Replace(roles, `"code": "xa-security-officer"`, `"code": "security-admin"`, 1), "/roles/0/code", "unique"},
		{"verbs", strings.Replace(roles, `"no %v is named"`, `"no %v is named for %s"`, 1), "/rules/0/checks/0/message/format", "verbs"},
		{"argument index", strings.Replace(roles, `"no %v is named"`, `"no %[1]v is named"`, 1), "/rules/0/checks/0/message/format", "verbs"},
		{"record in system scope", strings.Replace(roles, `"scope": "institution"`, `"scope": "system", "when": [{"scheme": "cn-mlps"}]`, 1), "/rules/0/checks/1/kind", "scope"},
		{"system scope without a scheme", strings.Replace(roles, `"scope": "institution"`, `"scope": "system"`, 1), "/rules/0/when", "system-scope"},
		{"distinct with one role", strings.Replace(roles, `"kind": "required"`, `"kind": "distinct"`, 1), "/rules/0/checks/0/roles", "required"},
		{"no record kind", strings.Replace(roles, `"record": "training", `, ``, 1), "/rules/0/checks/1/record", "kind"},
		{"unverified without note", strings.Replace(strings.Replace(roles, `"verified"`, `"unverified"`, 1), `"note": "Invented for tests."`, `"note": ""`, 1), "/rules/0/note", "required"},
		{"unresolved citation", strings.Replace(roles, `art. 4`, `art. 5`, 1), "/rules/0/citations/0", "resolve"},
		{"bad key", strings.Replace(roles, `"xa.finding.no-officer"`, `"Officer"`, 1), "/rules/0/checks/0/message/key", "key"},
		{"undeclared flag", strings.Replace(roles, `"scope": "institution"`, `"scope": "institution", "when": [{"flags": ["xa-nope"]}]`, 1), "/rules/0/when/0/flags/0", "declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := xaCatalog(t, map[string]string{"roles.json": tt.roles})
			requireFieldError(t, err, "xa-fixture/roles.json", tt.path, tt.rule)
		})
	}
}

// requireFieldError fails unless err is invalid data with an error at
// path of file under rule.
func requireFieldError(t *testing.T, err error, file, path, rule string) {
	t.Helper()
	require.ErrorIs(t, err, medsec.ErrInvalidData)
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	for _, fe := range fes {
		if fe.File == file && fe.Path == path && fe.Rule == rule {
			return
		}
	}
	t.Errorf("want %s: %s (%s), got %v", file, path, rule, err)
}

// FuzzPackFiles feeds arbitrary duties.json and roles.json to the catalog
// of a registry with the test pack: loading never panics, errors are
// invalid data with the pack file named, and a catalog that loads
// evaluates and checks roles without panicking.
func FuzzPackFiles(f *testing.F) {
	files := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(xaDir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(xaDir + "/" + name)
		files[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	p, err := medsec.LoadPack(files)
	if err != nil {
		f.Fatal(err)
	}
	// The test pack and the vocabulary every pack shares, without the
	// embedded laws, so that each run is quick.
	var core *medsec.Pack
	for _, q := range medsec.DefaultRegistry().Packs() {
		if q.ID() == "core" {
			core = q
		}
	}
	reg, err := medsec.RegistryOf(core, p)
	if err != nil {
		f.Fatal(err)
	}
	duties, roles := string(files["duties.json"].Data), string(files["roles.json"].Data)
	f.Add(duties, roles)
	f.Add(`{"duties":[]}`, `{"roles":[],"rules":[]}`)
	f.Add(duties, `{"roles":[{"code":"a","name":{"key":"a.a","format":"A"}},{"code":"b","name":{"key":"a.b","format":"B"}}],"rules":[{"id":"XA-R","jurisdiction":"XA","scope":"institution","checks":[{"kind":"distinct","roles":["a","b"],"severity":"error","message":{"key":"a.c","format":"%s"}},{"kind":"exclusive","roles":["a"],"severity":"warning","message":{"key":"a.d","format":"%s %v"}}],"citations":["XA-HSA-2026 art. 4"],"confidence":"verified"}]}`)
	f.Fuzz(func(t *testing.T, duties, roles string) {
		// The catalog reads the pack's files when it is built, so the
		// registry is built once and its files changed here.
		files["duties.json"] = &fstest.MapFile{Data: []byte(duties)}
		files["roles.json"] = &fstest.MapFile{Data: []byte(roles)}
		c, err := obligations.CatalogFor(reg)
		if err != nil {
			var fes medsec.FieldErrors
			if !errors.As(err, &fes) || !errors.Is(err, medsec.ErrInvalidData) {
				t.Fatalf("not invalid data with fields: %v", err)
			}
			for _, fe := range fes {
				if fe.File == "" && fe.Rule != "too-many-errors" {
					t.Fatalf("an error names no file: %v", fe)
				}
			}
			return
		}
		h := ruritanianHospital("xa-teaching-hospital")
		h.Institution.Systems = []grading.System{{ID: "S", MLPS: grading.MLPS3}}
		if _, err := c.GapReport(h, nil, obligations.Options{AsOf: medsec.NewDate(2026, 11, 22)}); err != nil {
			t.Fatal(err)
		}
		var as []obligations.Assignment
		for _, r := range c.Roles() {
			as = append(as, obligations.Assignment{PersonID: "P", Role: r.Code, Employment: obligations.VendorStaff, System: "S"})
		}
		if _, err := c.CheckRoles(h, as); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCatalogForZeroPack: a zero Pack, which Registry.With accepts, has
// no files; the catalog of a registry with one is that of the others.
func TestCatalogForZeroPack(t *testing.T) {
	reg, err := medsec.DefaultRegistry().With(&medsec.Pack{})
	require.NoError(t, err)
	c, err := obligations.CatalogFor(reg)
	require.NoError(t, err)
	assert.Equal(t, obligations.DefaultCatalog().Len(), c.Len())
	assert.Equal(t, obligations.DefaultCatalog().Mappings().Len(), c.Mappings().Len())
}
