package oscal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/oscaltest"
	"github.com/medsec-go/medsec/obligations"
)

// TestIdentifiers pins the namespace and the URN scheme with vectors
// computed independently (Python's uuid.uuid5) for the design of issue 15.
func TestIdentifiers(t *testing.T) {
	assert.Equal(t, NamespaceID, uuid.NewSHA1(uuid.NameSpaceURL, []byte(Namespace)).String())
	vectors := []struct{ urn, uuid string }{
		{URN("duty", "CN-NHC-LEADERSHIP-MEETING"), "65661b45-389b-50bc-9791-5d39a75744bf"},
		{URN("instrument", "CN-NHC-2022-29"), "3b07bb73-201b-5c74-8767-739460de6c56"},
		{URN("article", "CN-NHC-2022-29", "5"), "4330b09e-d5c6-5eae-b52c-898a5534a970"},
		{URN("article", "EU-NIS2", "21"), "ebb3a905-afa0-55bc-b7b2-7138a751d11c"},
		{URN("article", "CZ-VYH-82-2018", "Annex 7"), "1734f90a-fd7d-5c27-a848-7838fe211fb0"},
		{URN("report", "demo-hospital", "2026-11-22"), "8f012f95-8aa7-5799-a11c-d88fa87ab12c"},
		{URN("item", "demo-hospital", "2026-11-22", "CN-MLPS-TEST-L3", "his", "", "finding"), "ed84fc40-8b28-508c-bc1f-57ebf02b0071"},
		{URN("item", "demo-hospital", "2026-11-22", "CN-NHC-LEADERSHIP-MEETING", "", "", "finding"), "37203dcb-daf2-554e-98e8-1a1ce300f706"},
		{URN("institution", "demo-hospital"), "7981334f-1dd9-51d4-87e4-3e54b1cc0bfc"},
		{URN("system", "demo-hospital", "his"), "2776c53d-5c5f-5102-a727-71cbcb2e3f3d"},
		{URN("pack-catalog", "cn"), "0cf00c0a-589d-5091-9340-802be8f19750"},
		{URN("map", "cn-nis2", "CN-GBT-SUPPLIER-AGREEMENTS", "EU-NIS2-21-2-D"), "b31801ed-ebfe-5062-8821-2e6ce0963aae"},
	}
	for _, v := range vectors {
		assert.Equal(t, v.uuid, UUID(v.urn).String(), v.urn)
	}
	assert.Equal(t, "urn:medsec:article:CZ-VYH-82-2018:Annex%207", URN("article", "CZ-VYH-82-2018", "Annex 7"))
	assert.Equal(t, "urn:medsec:item:h%3A1::%E6%B5%8B", URN("item", "h:1", "", "测"), "a colon never splits a part")
	assert.Equal(t, uuid.Version(5), UUID("x").Version())
}

// TestConformance: every kind of document validates against NIST's OSCAL
// 1.2.2 schema (an independent validator, formats asserted) and meets the
// rules of the metaschema that the schema cannot express, in English and
// in another locale.
func TestConformance(t *testing.T) {
	oscaltest.Schema(t) // skips, saying why, without the schema
	zh := i18n.DefaultCatalog().Localizer(i18n.ZhHant)
	for _, o := range []Options{{}, {Text: zh.Format, Locale: "zh-Hant"}} {
		docs := allDocs(t, o)
		kinds := map[string]int{}
		var parsed []*oscaltest.Doc
		names := make([]string, 0, len(docs))
		for name := range docs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			b := docs[name]
			if err := oscaltest.Validate(t, b); err != nil {
				t.Errorf("%s (%s): %v", name, o.Locale, err)
			}
			d, err := oscaltest.Parse(name, b)
			require.NoError(t, err)
			kinds[d.Kind]++
			parsed = append(parsed, d)
		}
		for _, p := range oscaltest.Rules(parsed, Namespace) {
			t.Error(p)
		}
		assert.Equal(t, map[string]int{"catalog": 5, "profile": 14, "mapping-collection": 1, "assessment-results": 3,
			"plan-of-action-and-milestones": 3}, kinds)
	}
}

// TestNegative: the validator and the rule checks are not vacuous. Broken
// copies of valid documents fail the schema, one rule each; the two that
// break only a URI format, which the validator accepts, fail our own URI
// check.
func TestNegative(t *testing.T) {
	oscaltest.Schema(t)
	docs := allDocs(t, Options{})
	tests := []struct {
		name, doc string
		edit      func(m map[string]any)
	}{
		{"results without import-ap", "cz-assessment-results.json", func(m map[string]any) { delete(body(m), "import-ap") }},
		{"control id not a token", "cn-catalog.json", func(m map[string]any) { firstControl(m)["id"] = "CN:NHC" }},
		{"empty props", "cn-catalog.json", func(m map[string]any) { firstControl(m)["props"] = []any{} }},
		{"finding state partial", "cz-assessment-results.json", func(m map[string]any) {
			firstOf(body(m)["results"])["findings"].([]any)[0].(map[string]any)["target"].(map[string]any)["status"].(map[string]any)["state"] = "partial"
		}},
		{"target type control-id", "cz-assessment-results.json", func(m map[string]any) {
			firstOf(body(m)["results"])["findings"].([]any)[0].(map[string]any)["target"].(map[string]any)["type"] = "control-id"
		}},
		{"group with groups and controls", "cn-catalog.json", func(m map[string]any) {
			g := firstOf(body(m)["groups"])
			g["controls"] = []any{firstControl(m)}
		}},
		{"mapping item of type duty", "medsec-mappings.json", func(m map[string]any) {
			firstOf(firstOf(firstOf(body(m)["mappings"])["maps"])["sources"])["type"] = "duty"
		}},
		{"mapping without provenance", "medsec-mappings.json", func(m map[string]any) { delete(body(m), "provenance") }},
		{"plan without items", "cz-poam.json", func(m map[string]any) { body(m)["poam-items"] = []any{} }},
		{"empty selection", "cn-mlps-3-profile.json", func(m map[string]any) {
			firstOf(firstOf(body(m)["imports"])["include-controls"])["with-ids"] = []any{}
		}},
		{"prop value with a line break", "cn-catalog.json", func(m map[string]any) {
			firstOf(firstControl(m)["props"])["value"] = "two\nlines"
		}},
		{"relationship not a token", "medsec-mappings.json", func(m map[string]any) {
			firstOf(firstOf(body(m)["mappings"])["maps"])["relationship"] = "subset of"
		}},
		{"odd offset", "cn-catalog.json", func(m map[string]any) {
			body(m)["metadata"].(map[string]any)["last-modified"] = "2026-11-22T00:00:00+07:15"
		}},
		{"no zone", "cn-catalog.json", func(m map[string]any) { body(m)["metadata"].(map[string]any)["last-modified"] = "2026-11-22T00:00:00" }},
		{"year 1899", "cn-catalog.json", func(m map[string]any) { body(m)["metadata"].(map[string]any)["last-modified"] = "1899-12-31T00:00:00Z" }},
		{"title on two lines", "cn-catalog.json", func(m map[string]any) { firstControl(m)["title"] = "a\nb" }},
		{"uuid version 1", "cn-catalog.json", func(m map[string]any) { body(m)["uuid"] = "6ba7b810-9dad-11d1-80b4-00c04fd430c8" }},
		{"unknown member", "cn-mlps-3-profile.json", func(m map[string]any) { body(m)["merged"] = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(docs[tt.doc], &m))
			tt.edit(m)
			b, err := json.Marshal(m)
			require.NoError(t, err)
			assert.Error(t, oscaltest.Validate(t, b))
		})
	}
	// Formats the validator does not check strictly: our check does.
	for _, s := range []string{"#has space", "ab:has space", "a\tb", "é"} {
		assert.False(t, oscaltest.StrictURIRef(s), s)
		assert.False(t, validURIReference(s), s)
	}
	for _, s := range []string{"#0cf00c0a-589d-5091-9340-802be8f19750", "cn-catalog.json", "https://example.org/a%20b?x=1#f"} {
		assert.True(t, oscaltest.StrictURIRef(s), s)
		assert.True(t, validURIReference(s), s)
	}
	// The rule checks catch what they are for.
	var cat map[string]any
	require.NoError(t, json.Unmarshal(docs["cn-catalog.json"], &cat))
	c := firstControl(cat)
	c["parts"] = c["parts"].([]any)[1:]
	c["props"] = append(c["props"].([]any), map[string]any{"name": "party", "value": "x"})
	c["links"] = append(c["links"].([]any), map[string]any{"href": "#nowhere", "rel": "related"})
	b, _ := json.Marshal(cat)
	d, err := oscaltest.Parse("broken", b)
	require.NoError(t, err)
	probs := strings.Join(oscaltest.Rules([]*oscaltest.Doc{d}, Namespace), "\n")
	assert.Contains(t, probs, "has no statement part")
	assert.Contains(t, probs, "property party of OSCAL's namespace")
	assert.Contains(t, probs, "#nowhere resolves to no")
}

func body(m map[string]any) map[string]any {
	for _, v := range m {
		return v.(map[string]any)
	}
	return nil
}

func firstOf(v any) map[string]any { return v.([]any)[0].(map[string]any) }

func firstControl(m map[string]any) map[string]any {
	g := firstOf(body(m)["groups"])
	for g["controls"] == nil {
		g = firstOf(g["groups"])
	}
	return firstOf(g["controls"])
}

func parse(t testing.TB, name string, b []byte) *oscaltest.Doc {
	t.Helper()
	d, err := oscaltest.Parse(name, b)
	require.NoError(t, err)
	return d
}

// TestCatalogsHoldEveryDuty: the catalogs hold every duty of the catalog,
// each in the catalog of its pack, and ENISA's holds its 28 good practices.
func TestCatalogsHoldEveryDuty(t *testing.T) {
	c := obligations.DefaultCatalog()
	assert.Equal(t, []string{"cn", "cz", "enisa", "eu", "vn"}, Catalogs(nil))
	seen := map[string]bool{}
	for _, p := range Catalogs(nil) {
		d := parse(t, p, write(t, func(b *bytes.Buffer) error { return WriteCatalog(b, p, Options{}) }))
		var duties, practices []string
		for id, class := range d.Controls() {
			switch class {
			case "duty":
				duties = append(duties, id)
				assert.Equal(t, p, c.PackOf(id), id)
				assert.False(t, seen[id], "%s in two catalogs", id)
				seen[id] = true
			case "article":
				practices = append(practices, id)
			default:
				t.Errorf("%s: class %q", id, class)
			}
		}
		if p == "enisa" {
			assert.Empty(t, duties)
			require.Len(t, practices, 28)
			sort.Strings(practices)
			assert.Equal(t, "ENISA-PROC-2020.GP-01", practices[0])
			assert.Equal(t, "ENISA-PROC-2020.GP-28", practices[27])
		} else {
			assert.Empty(t, practices, p)
		}
	}
	for _, d := range c.Duties() {
		assert.True(t, seen[d.ID], "%s is in no catalog", d.ID)
	}
	assert.Len(t, seen, c.Len())
}

// TestProfilesSelectWhatObligationsBinds: each baseline's profile selects
// exactly the duties that package obligations binds for an institution of
// that grade, for some combination of flags, on the pack's version date:
// the union of Catalog.Applicable over every subset of the registry's
// flags, computed through the engine, against the profile's selection,
// computed from the duties' conditions.
func TestProfilesSelectWhatObligationsBinds(t *testing.T) {
	c := obligations.DefaultCatalog()
	reg := c.Registry()
	var flags []medsec.Flag
	for _, f := range reg.Flags() {
		flags = append(flags, f.Code)
	}
	sizes := map[string]int{}
	for _, b := range Baselines() {
		home := findPack(reg, declaringPack(reg, b.Scheme.Jurisdiction()))
		asOf := home.Version()
		want := map[string]bool{}
		for mask := 0; mask < 1<<len(flags); mask++ {
			in := grading.Institution{ID: "X", Jurisdictions: []medsec.Jurisdiction{b.Scheme.Jurisdiction()}, Type: grading.TypeHospital, Size: grading.Large}
			for i, f := range flags {
				if mask&(1<<i) != 0 {
					in.Flags = append(in.Flags, f)
				}
			}
			g := b.grade()
			switch b.Scheme {
			case grading.SchemeMLPS:
				in.Systems = []grading.System{{ID: "S", MLPS: grading.MLPSLevel(g.level)}}
			case grading.SchemeVN:
				in.Systems = []grading.System{{ID: "S", VN: grading.VNLevel(g.level)}}
			case grading.SchemeNIS2:
				in.NIS2 = g.class
			case grading.SchemeCZ:
				in.CZ = g.regime
			}
			bs, err := c.Applicable(&obligations.Profile{Institution: in}, asOf)
			require.NoError(t, err, b.String())
			for _, x := range bs {
				want[x.DutyID] = true
			}
		}
		var wantIDs []string
		for id := range want {
			wantIDs = append(wantIDs, id)
		}
		sort.Strings(wantIDs)
		d := parse(t, b.String(), write(t, func(w *bytes.Buffer) error { return WriteProfile(w, b, Options{}) }))
		var got []string
		for _, imp := range d.Body["imports"].([]any) {
			for _, sel := range imp.(map[string]any)["include-controls"].([]any) {
				for _, id := range sel.(map[string]any)["with-ids"].([]any) {
					got = append(got, id.(string))
				}
			}
		}
		assert.Equal(t, wantIDs, got, b.String())
		assert.Equal(t, wantIDs, Select(c, b, asOf), b.String())
		sizes[b.String()] = len(got)
	}
	t.Logf("baseline sizes: %v", sizes)
	// Pinned so that a change in the data shows here; a change of law may
	// change them, with the reason in the commit.
	assert.Equal(t, map[string]int{
		"cn-mlps-1": 34, "cn-mlps-2": 41, "cn-mlps-3": 45, "cn-mlps-4": 46, "cn-mlps-5": 45,
		"vn-levels-1": 24, "vn-levels-2": 24, "vn-levels-3": 30, "vn-levels-4": 30, "vn-levels-5": 30,
		"eu-nis2-essential": 22, "eu-nis2-important": 22, "cz-regime-higher": 48, "cz-regime-lower": 28,
	}, sizes)
}

// TestResultsAndPlan: one finding per report item, with OSCAL's state
// and medsec's status; the plan of action holds exactly the overdue and
// missing items (and, when asked, those due soon), with their findings'
// UUIDs; a report with nothing to plan writes nothing.
func TestResultsAndPlan(t *testing.T) {
	for _, h := range hospitals() {
		t.Run(h.name, func(t *testing.T) {
			r := h.report(t)
			ar := parse(t, "ar", write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, Options{}) }))
			res := ar.Body["results"].([]any)[0].(map[string]any)
			findings := res["findings"].([]any)
			require.Len(t, findings, len(r.Items))
			statuses := map[string]int{}
			byUUID := map[string]string{}
			for _, f := range findings {
				fm := f.(map[string]any)
				st := propValue(fm, "status")
				statuses[st]++
				state := fm["target"].(map[string]any)["status"].(map[string]any)["state"]
				assert.Equal(t, st == "met", state == "satisfied", st)
				byUUID[fm["uuid"].(string)] = st
			}
			for s := obligations.StatusOverdue; s <= obligations.StatusOnTrigger; s++ {
				assert.Equal(t, r.Total(s), statuses[s.String()], s.String())
			}
			plan := write(t, func(b *bytes.Buffer) error { return WritePOAM(b, r, &h.profile, h.at, Options{}) })
			pd := parse(t, "poam", plan)
			items := pd.Body["poam-items"].([]any)
			assert.Len(t, items, r.Total(obligations.StatusOverdue)+r.Total(obligations.StatusMissing))
			for _, it := range items {
				fid := it.(map[string]any)["related-findings"].([]any)[0].(map[string]any)["finding-uuid"].(string)
				assert.Contains(t, []string{"overdue", "missing"}, byUUID[fid], "the plan's finding is the results' finding")
			}
			soon := parse(t, "poam", write(t, func(b *bytes.Buffer) error {
				return WritePOAM(b, r, &h.profile, h.at, Options{DueSoon: true})
			}))
			assert.Len(t, soon.Body["poam-items"].([]any), len(items)+r.Total(obligations.StatusDueSoon))
		})
	}
	// Everything met: nothing to plan.
	c := obligations.DefaultCatalog()
	p := obligations.Profile{Institution: grading.Institution{ID: "H", Jurisdictions: []medsec.Jurisdiction{medsec.CZ}, Type: grading.TypeHospital, CZ: grading.CZLower,
		Events: map[medsec.Event]medsec.Date{"in-scope": day("2025-11-01"), "registration-decision": day("2026-02-02")}}}
	bs, err := c.Applicable(&p, day("2026-11-22"))
	require.NoError(t, err)
	var ev []obligations.Evidence
	for _, b := range bs {
		if d, _ := c.Duty(b.DutyID); d.Recurrence.Kind != obligations.FromIncidentRule {
			ev = append(ev, obligations.Evidence{Duty: b.DutyID, Done: day("2026-03-01")})
		}
	}
	r, err := c.GapReport(&p, ev, obligations.Options{AsOf: day("2026-11-22")})
	require.NoError(t, err)
	require.Zero(t, r.Total(obligations.StatusOverdue)+r.Total(obligations.StatusMissing), "%+v", r.Totals)
	var b bytes.Buffer
	at := time.Date(2026, 11, 22, 12, 0, 0, 0, cet)
	assert.ErrorIs(t, WritePOAM(&b, r, &p, at, Options{}), ErrNothingToPlan)
	assert.Zero(t, b.Len(), "nothing is written")
	require.NoError(t, WriteAssessmentResults(&b, r, &p, at, Options{}))
}

func propValue(m map[string]any, name string) string {
	for _, p := range m["props"].([]any) {
		pm := p.(map[string]any)
		if pm["name"] == name {
			return pm["value"].(string)
		}
	}
	return ""
}

// TestCreditInResults: a credit through a mapping shows in the finding; a
// partly covered item is never satisfied.
func TestCreditInResults(t *testing.T) {
	h := hospitals()[2]
	r := h.report(t)
	ar := parse(t, "ar", write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, Options{}) }))
	n := map[string]int{}
	for _, f := range ar.Body["results"].([]any)[0].(map[string]any)["findings"].([]any) {
		fm := f.(map[string]any)
		cov := propValue(fm, "mapping-coverage")
		state := fm["target"].(map[string]any)["status"].(map[string]any)["state"]
		n[cov]++
		if cov == "partial" {
			assert.Equal(t, "not-satisfied", state)
		}
		if propValue(fm, "duty") == "EU-NIS2-NOTIFICATION-72H" {
			assert.Equal(t, "CZ-264-HIGHER-UPDATE-72H", propValue(fm, "via-mapping"))
			assert.Equal(t, "satisfied", state)
		}
	}
	assert.Equal(t, 6, n["full"], "NIS2 (b), (d), (f), (g), the early warning and the notification")
	assert.Equal(t, 6, n["partial"], "NIS2 (a), (c), (e) and (h)-(j)")
}

// TestMapsArePairs: the mapping collection holds one map per pair of the
// data, with its relationship, and the gap summaries the unmapped lists.
func TestMapsArePairs(t *testing.T) {
	m := obligations.DefaultCatalog().Mappings()
	d := parse(t, "m", write(t, func(b *bytes.Buffer) error { return WriteMappingCollection(b, m, "medsec", Options{}) }))
	col := m.Collections()[0]
	mappings := d.Body["mappings"].([]any)
	require.Len(t, mappings, len(col.Sets))
	total := 0
	for i, s := range col.Sets {
		maps := mappings[i].(map[string]any)["maps"].([]any)
		require.Len(t, maps, len(s.Mappings), s.ID)
		for j, x := range s.Mappings {
			mm := maps[j].(map[string]any)
			assert.Equal(t, x.Relationship.String(), mm["relationship"])
			assert.Equal(t, x.Confidence.String(), propValue(mm, "confidence"))
			assert.Equal(t, UUID(URN("map", s.ID, x.Source, x.Target)).String(), mm["uuid"])
		}
		total += len(maps)
	}
	assert.Equal(t, m.Len(), total)
	prov := d.Body["provenance"].(map[string]any)
	assert.Equal(t, "draft", prov["status"])
	assert.Equal(t, "human", prov["method"])
	assert.Contains(t, prov["mapping-description"], "not a published crosswalk")
}

// TestDeterministic: the same input gives the same bytes, also from
// several goroutines at once, and the package reads no clock and draws no
// random UUID.
func TestDeterministic(t *testing.T) {
	first := allDocs(t, Options{})
	var wg sync.WaitGroup
	results := make([]map[string][]byte, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = allDocs(t, Options{})
		}()
	}
	wg.Wait()
	for _, r := range results {
		for name, b := range first {
			assert.True(t, bytes.Equal(b, r[name]), "%s differs between runs", name)
		}
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, bad := range []string{"time.Now", "uuid.New(", "uuid.NewRandom", "math/rand", "crypto/rand"} {
			assert.NotContains(t, string(src), bad, f)
		}
	}
	// A change of content changes the document's UUID, not the objects'.
	h := hospitals()[0]
	r := h.report(t)
	a := parse(t, "a", write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, Options{}) }))
	h.evidence = h.evidence[1:]
	r2 := h.report(t)
	b := parse(t, "b", write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r2, &h.profile, h.at, Options{}) }))
	assert.NotEqual(t, a.Body["uuid"], b.Body["uuid"])
	assert.Equal(t, a.Body["results"].([]any)[0].(map[string]any)["uuid"], b.Body["results"].([]any)[0].(map[string]any)["uuid"])
}

// TestTimestamps: the as-of instant keeps its offset when OSCAL allows it,
// and is written in UTC otherwise.
func TestTimestamps(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
		ok   bool
	}{
		{time.Date(2026, 11, 22, 9, 0, 0, 500, cst), "2026-11-22T09:00:00+08:00", true},
		{time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("NPT", 5*3600+45*60)), "2026-11-22T09:00:00+05:45", true},
		{time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("X", 7*3600+15*60)), "2026-11-22T01:45:00Z", true},
		{time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("LMT", 7*3600+1)), "2026-11-22T01:59:59Z", true},
		{time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), "", false},
		{time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), "", false},
	}
	for _, tt := range tests {
		got, ok := timestamp(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in.String())
		assert.Equal(t, tt.want, got, tt.in.String())
	}
}

// TestErrors: bad input is an error naming the field and the rule, never a
// panic and never a silently changed document.
func TestErrors(t *testing.T) {
	h := hospitals()[0]
	r := h.report(t)
	other := hospitals()[1]
	var b bytes.Buffer
	badSys := h.profile
	badSys.Institution = h.profile.Institution.Clone()
	badSys.Institution.Systems[1].ID = "EMR\n2"
	tests := []struct {
		name string
		err  error
		path string
	}{
		{"nil writer", WriteAssessmentResults(nil, r, &h.profile, h.at, Options{}), ""},
		{"nil report", WriteAssessmentResults(&b, nil, &h.profile, h.at, Options{}), "/report"},
		{"nil profile", WritePOAM(&b, r, nil, h.at, Options{}), "/profile"},
		{"other profile", WriteAssessmentResults(&b, r, &other.profile, other.at, Options{}), "/institution/id"},
		{"another day", WriteAssessmentResults(&b, r, &h.profile, h.at.Add(24*time.Hour), Options{}), "/asOf"},
		{"the day in another zone", WriteAssessmentResults(&b, r, &h.profile, time.Date(2026, 11, 21, 20, 0, 0, 0, time.UTC), Options{}), "/asOf"},
		{"no instant", WriteAssessmentResults(&b, r, &h.profile, time.Time{}, Options{}), "/asOf"},
		{"system ID on two lines", WriteAssessmentResults(&b, r, &badSys, h.at, Options{}), ""},
		{"locale", WriteCatalog(&b, "cn", Options{Text: medsec.Message.String}), "/locale"},
		{"locale syntax", WriteCatalog(&b, "cn", Options{Locale: "en us"}), "/locale"},
		{"href", WriteProfile(&b, Baselines()[0], Options{Href: func(p string) string { return p + " catalog.json" }}), "/href"},
		{"unknown pack", WriteCatalog(&b, "core", Options{}), "/pack"},
		{"unknown baseline", WriteProfile(&b, Baseline{grading.SchemeMLPS, "6"}, Options{}), "/baseline"},
		{"zero baseline", WriteProfile(&b, Baseline{}, Options{}), "/baseline"},
		{"no duty on the day", WriteProfile(&b, Baselines()[0], Options{AsOf: day("2001-01-01")}), "/baseline"},
		{"impossible day", WriteProfile(&b, Baselines()[0], Options{AsOf: medsec.Date{Year: 2026, Month: 2, Day: 30}}), "/asOf"},
		{"empty text", WriteCatalog(&b, "cn", Options{Text: func(medsec.Message) string { return " " }, Locale: "xx"}), "/text"},
		{"no mappings", WriteMappingCollection(&b, nil, "medsec", Options{}), "/mappings"},
		{"unknown collection", WriteMappingCollection(&b, obligations.DefaultCatalog().Mappings(), "theirs", Options{}), "/collection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			assert.True(t, strings.HasPrefix(tt.err.Error(), "oscal: "), tt.err.Error())
			if !errors.Is(tt.err, medsec.ErrInvalidInput) && !errors.Is(tt.err, medsec.ErrInvalidData) {
				t.Errorf("error kind: %v", tt.err)
			}
			var fes medsec.FieldErrors
			if errors.As(tt.err, &fes) {
				if tt.path != "" {
					paths := []string{}
					for _, e := range fes {
						paths = append(paths, e.Path)
						assert.NotContains(t, e.Message.String(), "%!")
					}
					assert.Contains(t, paths, tt.path)
				}
			} else if tt.path != "" {
				t.Errorf("want field errors, got %v", tt.err)
			}
		})
	}
	assert.Zero(t, b.Len(), "no error writes anything")
	var fes medsec.FieldErrors
	require.ErrorAs(t, tests[7].err, &fes)
	assert.Equal(t, "/institution/systems/1/id", fes[0].Path)
}

// TestUserText: text the institution wrote cannot add OSCAL markup or
// break a line.
func TestUserText(t *testing.T) {
	h := hospitals()[0]
	h.profile.Institution = h.profile.Institution.Clone()
	h.profile.Institution.Name = "# Hospital\n- [x](https://evil.example) <b>"
	h.evidence[1].Reference = "*bold*\n# heading"
	r := h.report(t)
	b := write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, Options{}) })
	var doc struct {
		AR struct {
			Metadata struct {
				Title   string
				Parties []struct{ Name string }
			}
			Results []struct {
				Observations []struct {
					RelevantEvidence []struct{ Description string } `json:"relevant-evidence"`
				}
			}
		} `json:"assessment-results"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, `\# Hospital\\n- \[x\](https\://evil.example) \<b\>`, doc.AR.Metadata.Parties[0].Name)
	assert.NotContains(t, doc.AR.Metadata.Title, "\n")
	found := false
	for _, o := range doc.AR.Results[0].Observations {
		for _, e := range o.RelevantEvidence {
			if strings.Contains(e.Description, "bold") {
				assert.Equal(t, `Reference: \*bold\*\\n\# heading`, e.Description)
				found = true
			}
		}
	}
	assert.True(t, found)
	if oscaltest.Available() {
		assert.NoError(t, oscaltest.Validate(t, b))
	}
}

func ExampleURN() {
	urn := URN("article", "CZ-VYH-82-2018", "Annex 7")
	fmt.Println(urn)
	fmt.Println(UUID(urn))
	// Output:
	// urn:medsec:article:CZ-VYH-82-2018:Annex%207
	// 1734f90a-fd7d-5c27-a848-7838fe211fb0
}
