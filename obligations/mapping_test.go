package obligations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/medsec-go/medsec/internal/costtest"
	"github.com/medsec-go/medsec/internal/reportschema"
)

// goodMappings is a small valid mappings file over the default catalog:
// one pair of each kind of ref (duty to duty, article to duty).
const goodMappings = `{
 "id": "mine", "version": "2026-11-22", "author": "Example Hospital Group", "status": "draft", "method": "human",
 "matchingRationale": "semantic", "description": "Our own reading.",
 "sets": [{
  "id": "mine-cz-eu", "title": "Czech to NIS2", "description": "Ours.", "source": "cz", "target": "eu",
  "mappings": [
   {"source": "CZ-409-CYBER-MANAGER", "target": "EU-NIS2-21-2-A", "relationship": "intersects-with",
    "rationale": "The manager runs the policies.", "confidence": "partial"}
  ],
  "unmappedSource": [{"id": "CZ-410-CYBER-PERSON", "reason": "A lower-regime post."}]
 }, {
  "id": "mine-enisa-eu", "title": "ENISA to NIS2", "description": "Ours.", "source": "enisa", "target": "eu",
  "mappings": [
   {"source": "ENISA-PROC-2020 art. GP-14", "target": "EU-NIS2-21-2-D", "relationship": "subset-of",
    "rationale": "Supplier criteria are part of supply-chain security.", "confidence": "partial"}
  ]
 }]
}`

// TestMappingsData pins the embedded mappings (law/mappings/mappings.json):
// the sets, their pairs by relationship, and what the data promises. The
// pairs are medsec's own analysis, so none is verified and none names a
// crosswalk.
func TestMappingsData(t *testing.T) {
	m := DefaultCatalog().Mappings()
	cols := m.Collections()
	require.Len(t, cols, 1)
	col := cols[0]
	assert.Equal(t, "medsec", col.ID)
	assert.Equal(t, "medsec", col.Author)
	assert.Equal(t, MappingDraft, col.Status)
	assert.Equal(t, MethodHuman, col.Method)
	assert.Equal(t, MatchingSemantic, col.MatchingRationale)
	want := map[string]map[Relationship]int{
		"cn-nis2":    {IntersectsWith: 46, NoRelationship: 1},
		"vn-nis2":    {IntersectsWith: 26, NoRelationship: 1},
		"cz-nis2":    {EqualTo: 2, SupersetOf: 11, IntersectsWith: 72},
		"cn-vn-l3":   {IntersectsWith: 16, NoRelationship: 1},
		"enisa-nis2": {SubsetOf: 20, IntersectsWith: 9},
	}
	got := map[string]map[Relationship]int{}
	total := 0
	for _, s := range col.Sets {
		got[s.ID] = map[Relationship]int{}
		for _, x := range s.Mappings {
			got[s.ID][x.Relationship]++
			total++
			assert.NotEqual(t, medsec.Verified, x.Confidence, "%s: %s → %s: medsec's own analysis is never verified", s.ID, x.Source, x.Target)
			assert.Empty(t, x.Crosswalk, "no published crosswalk covers these pairs")
		}
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 205, total)
	assert.Equal(t, total, m.Len())

	// The pairs that credit evidence as met, one by one.
	full := map[string]Relationship{}
	for _, s := range col.Sets {
		for _, x := range s.Mappings {
			if x.Relationship.Coverage() == CoverageFull {
				full[x.Source+" "+x.Target] = x.Relationship
			}
		}
	}
	assert.Equal(t, map[string]Relationship{
		"CZ-264-MANAGEMENT EU-NIS2-MGMT-TRAINING":             SupersetOf,
		"CZ-264-MEASURES-1Y EU-NIS2-21-2-B":                   SupersetOf,
		"CZ-264-MEASURES-1Y EU-NIS2-21-2-D":                   SupersetOf,
		"CZ-264-MEASURES-1Y EU-NIS2-21-2-F":                   SupersetOf,
		"CZ-264-MEASURES-1Y EU-NIS2-21-2-G":                   SupersetOf,
		"CZ-409-ISMS EU-NIS2-21-2-A":                          SupersetOf,
		"CZ-409-MGMT-TRAINING EU-NIS2-MGMT-TRAINING":          SupersetOf,
		"CZ-264-HIGHER-INITIAL-24H EU-NIS2-EARLY-WARNING-24H": SupersetOf,
		"CZ-264-HIGHER-UPDATE-72H EU-NIS2-NOTIFICATION-72H":   SupersetOf,
		"CZ-264-HIGHER-FINAL-30D EU-NIS2-FINAL-REPORT-1M":     SupersetOf,
		"CZ-264-LOWER-INITIAL-24H EU-NIS2-EARLY-WARNING-24H":  EqualTo,
		"CZ-264-LOWER-UPDATE-72H EU-NIS2-NOTIFICATION-72H":    EqualTo,
		"CZ-264-LOWER-FINAL-30D EU-NIS2-FINAL-REPORT-1M":      SupersetOf,
	}, full, "only Czech transposition pairs credit NIS2 duties as met")
}

// TestMappingsNameEveryDuty keeps the NIS2 sets of the embedded mappings
// complete: every duty of a set's source pack is in a pair or in
// unmappedSource, and every duty of the eu pack is in a pair or in
// unmappedTarget, so that an OSCAL export never leaves a reader to guess
// whether a duty without a pair was analysed. The catalog's duties are
// all of its duties, also those in force only for a period (Act 181/2014
// until 2025-10-31).
//
// cn-vn-l3 is left out: it compares level-3 duties only, and most duties
// of either pack have no level 3 (other levels, institution-wide
// practice), so listing them all would say nothing. enisa-nis2 is left
// out: its source side is guidance articles, not duties, and most NIS2
// duties (incident reports, registration, management) are outside what
// procurement practices address.
func TestMappingsNameEveryDuty(t *testing.T) {
	c := DefaultCatalog()
	byPack := map[string][]string{}
	for _, d := range c.Duties() {
		p := c.PackOf(d.ID)
		byPack[p] = append(byPack[p], d.ID)
	}
	require.NotEmpty(t, byPack["eu"])
	checked := map[string]bool{}
	for _, col := range c.Mappings().Collections() {
		for _, s := range col.Sets {
			if s.Target != "eu" || !strings.HasSuffix(s.ID, "-nis2") || s.Source == "enisa" {
				continue
			}
			checked[s.ID] = true
			named := [2]map[string]bool{{}, {}}
			for _, x := range s.Mappings {
				named[0][x.Source] = true
				named[1][x.Target] = true
			}
			for k, list := range [2][]Unmapped{s.UnmappedSource, s.UnmappedTarget} {
				for _, u := range list {
					named[k][u.ID] = true
				}
			}
			for k, side := range []struct{ pack, list string }{{s.Source, "unmappedSource"}, {s.Target, "unmappedTarget"}} {
				require.NotEmpty(t, byPack[side.pack], "set %s: pack %s has no duties", s.ID, side.pack)
				var missing []string
				for _, id := range byPack[side.pack] {
					if !named[k][id] {
						missing = append(missing, id)
					}
				}
				assert.Empty(t, missing, "set %s: these duties of pack %s are in no pair and not in %s; "+
					"in law/mappings/mappings.json, pair each with the duty it relates to, or list it in %s "+
					"of set %s with the reason it has no pair", s.ID, side.pack, side.list, side.list, s.ID)
			}
		}
	}
	assert.Equal(t, map[string]bool{"cn-nis2": true, "vn-nis2": true, "cz-nis2": true}, checked)
}

func TestRelationship(t *testing.T) {
	tests := []struct {
		r        Relationship
		inverse  Relationship
		coverage Coverage
		text     string
	}{
		{EqualTo, EqualTo, CoverageFull, "equal-to"},
		{SupersetOf, SubsetOf, CoverageFull, "superset-of"},
		{SubsetOf, SupersetOf, CoveragePartial, "subset-of"},
		{IntersectsWith, IntersectsWith, CoveragePartial, "intersects-with"},
		{NoRelationship, NoRelationship, CoverageNone, "no-relationship"},
		{RelationshipUnknown, RelationshipUnknown, CoverageUnknown, "Relationship(0)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.inverse, tt.r.Inverse(), tt.text)
		assert.Equal(t, tt.r, tt.r.Inverse().Inverse(), tt.text)
		assert.Equal(t, tt.coverage, tt.r.Coverage(), tt.text)
		assert.Equal(t, tt.text, tt.r.String())
		b, err := tt.r.MarshalText()
		if !tt.r.Valid() {
			assert.ErrorIs(t, err, medsec.ErrInvalidInput)
			continue
		}
		require.NoError(t, err)
		var back Relationship
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, tt.r, back)
		assert.NotEmpty(t, tt.r.Message().Key)
	}
	var r Relationship
	assert.ErrorIs(t, r.UnmarshalText([]byte("equivalent-to")), medsec.ErrInvalidInput,
		"OSCAL's equivalent-to is not one of the five relationships medsec credits by")
}

// TestCovers answers "what does evidence for duty X cover in jurisdiction
// Y" both ways round: a pair is found from either side, read through its
// inverse.
func TestCovers(t *testing.T) {
	m := DefaultCatalog().Mappings()
	cov := m.Covers("CZ-264-HIGHER-UPDATE-72H", medsec.EU)
	require.Len(t, cov, 1)
	assert.Equal(t, "EU-NIS2-NOTIFICATION-72H", cov[0].Target)
	assert.Equal(t, SupersetOf, cov[0].Relationship)
	assert.Equal(t, CoverageFull, cov[0].Coverage)
	assert.Equal(t, "cz-nis2", cov[0].Set)
	assert.Equal(t, medsec.EU, cov[0].Jurisdiction)
	assert.NotEmpty(t, cov[0].Rationale)

	// From the NIS2 side, the Czech superset is a subset-of read, and
	// the decree sections intersect: NIS2 evidence never meets a Czech
	// duty.
	toCZ := m.Covers("EU-NIS2-21-2-B", medsec.CZ)
	require.NotEmpty(t, toCZ)
	rels := map[string]Relationship{}
	for _, c := range toCZ {
		rels[c.Target] = c.Relationship
		assert.Equal(t, CoveragePartial, c.Coverage, "evidence that NIS2 (b) is met covers only part of %s", c.Target)
	}
	assert.Equal(t, SubsetOf, rels["CZ-264-MEASURES-1Y"])
	assert.Equal(t, IntersectsWith, rels["CZ-409-INCIDENT-HANDLING"])
	assert.Equal(t, IntersectsWith, rels["CZ-410-INCIDENT-HANDLING"])

	// Full coverage first; no-relationship is listed, with no coverage.
	all := m.Covers("EU-NIS2-21-2-E", "")
	require.NotEmpty(t, all)
	assert.Equal(t, CoverageFull, all[0].Coverage)
	last := all[len(all)-1]
	assert.Equal(t, "CN-NHC-BUDGET-5PCT", last.Target)
	assert.Equal(t, CoverageNone, last.Coverage)
	for _, c := range all {
		assert.Equal(t, "EU-NIS2-21-2-E", c.Source)
	}
	// Guidance articles have a jurisdiction: their instrument's.
	var enisa int
	for _, c := range m.Covers("EU-NIS2-21-2-E", medsec.EU) {
		if strings.HasPrefix(c.Target, "ENISA-PROC-2020 art. ") {
			enisa++
		}
	}
	assert.Equal(t, 14, enisa)
	assert.Empty(t, m.Covers("NO-SUCH-DUTY", ""))
	assert.Empty(t, m.Covers("CZ-264-HIGHER-UPDATE-72H", medsec.CN))
	var nilM *Mappings
	assert.Nil(t, nilM.Covers("CZ-264-HIGHER-UPDATE-72H", ""))
}

// TestLoadMappings reads a file of one's own and combines it with the
// embedded mappings.
func TestLoadMappings(t *testing.T) {
	c := DefaultCatalog()
	own, err := LoadMappings(strings.NewReader(goodMappings), c)
	require.NoError(t, err)
	assert.Equal(t, 2, own.Len())
	assert.Same(t, c, own.Catalog())
	both, err := c.Mappings().Merge(own)
	require.NoError(t, err)
	assert.Equal(t, c.Mappings().Len()+2, both.Len())
	cov := both.Covers("CZ-409-CYBER-MANAGER", medsec.EU)
	require.Len(t, cov, 1)
	assert.Equal(t, "mine-cz-eu", cov[0].Set)

	_, err = own.Merge(own)
	require.ErrorIs(t, err, medsec.ErrInvalidData, "the same collection twice")

	var nilM *Mappings
	assert.Zero(t, nilM.Len())
	assert.Nil(t, nilM.Collections())
	assert.Nil(t, nilM.Catalog())
	none, err := nilM.Merge()
	require.NoError(t, err)
	assert.Zero(t, none.Len())

	cat, err := NewCatalog(nil, c.Duties()[:3]...)
	require.NoError(t, err)
	assert.Zero(t, cat.Mappings().Len(), "a catalog of Go values has no pack mappings")
	assert.Same(t, cat, cat.Mappings().Catalog())
}

// TestLoadMappingsErrors: every rule of a mappings file, with the JSON
// Pointer of the field that breaks it.
func TestLoadMappingsErrors(t *testing.T) {
	pair := `{"source": "CZ-409-CYBER-MANAGER", "target": "EU-NIS2-21-2-A", "relationship": "intersects-with",
    "rationale": "The manager runs the policies.", "confidence": "partial"}`
	edit := func(old, new string) string {
		if !strings.Contains(goodMappings, old) {
			panic(old)
		}
		return strings.Replace(goodMappings, old, new, 1)
	}
	first := "/sets/0/mappings/0"
	// reversed adds a set stating the first pair the other way round.
	reversed := func(rel string) string {
		return "\n }, {\"id\": \"mine-eu-cz\", \"title\": \"t\", \"description\": \"d\", \"source\": \"eu\", \"target\": \"cz\"," +
			"\"mappings\": [{\"source\": \"EU-NIS2-21-2-A\", \"target\": \"CZ-409-CYBER-MANAGER\", \"relationship\": \"" + rel + "\"," +
			"\"rationale\": \"r\", \"confidence\": \"partial\"}]}]\n}"
	}
	tests := []struct {
		name, in, path, rule string
	}{
		{"unknown field", edit(`"author"`, `"writer": "x", "author"`), "/writer", "unknown-field"},
		{"duplicate key", edit(`"status": "draft"`, `"status": "draft", "status": "complete"`), "/status", "duplicate-key"},
		{"trailing data", goodMappings + "{}", "", "trailing"},
		{"bad relationship", edit(`"intersects-with"`, `"equivalent-to"`), first + "/relationship", "enum"},
		{"bad collection id", edit(`"id": "mine"`, `"id": "Mine"`), "/id", "syntax"},
		{"no version", edit(`"version": "2026-11-22", `, ``), "/version", "required"},
		{"author on two lines", edit(`"Example Hospital Group"`, `"Example\nGroup"`), "/author", "line"},
		{"no status", edit(`"status": "draft", `, ``), "/status", "required"},
		{"no method", edit(`"method": "human",`, ``), "/method", "required"},
		{"no rationale kind", edit(`"matchingRationale": "semantic", `, ``), "/matchingRationale", "required"},
		{"no description", edit(`"description": "Our own reading."`, `"description": " "`), "/description", "required"},
		{"duplicate set", edit(`"mine-enisa-eu"`, `"mine-cz-eu"`), "/sets/1/id", "unique"},
		{"bad set id", edit(`"mine-cz-eu"`, `"mine--cz"`), "/sets/0/id", "syntax"},
		{"unknown pack", edit(`"source": "cz"`, `"source": "xx"`), "/sets/0/source", "pack"},
		{"no pairs", edit(pair, ``), "/sets/0/mappings", "required"},
		{"unknown duty", edit(`"source": "CZ-409-CYBER-MANAGER"`, `"source": "CZ-NO-SUCH-DUTY"`), first + "/source", "exists"},
		{"duty of another pack", edit(`"source": "CZ-409-CYBER-MANAGER"`, `"source": "CN-NHC-THREE-SYNC"`), first + "/source", "pack"},
		{"article with a paragraph", edit(`"ENISA-PROC-2020 art. GP-14"`, `"ENISA-PROC-2020 art. GP-14(1)"`), "/sets/1/mappings/0/source", "exists"},
		{"whole instrument", edit(`"ENISA-PROC-2020 art. GP-14"`, `"ENISA-PROC-2020"`), "/sets/1/mappings/0/source", "exists"},
		{"article of another pack", edit(`"ENISA-PROC-2020 art. GP-14"`, `"EU-NIS2 art. 21"`), "/sets/1/mappings/0/source", "pack"},
		{"unknown article", edit(`"ENISA-PROC-2020 art. GP-14"`, `"ENISA-PROC-2020 art. GP-99"`), "/sets/1/mappings/0/source", "exists"},
		{"to itself", strings.Replace(edit(`"target": "EU-NIS2-21-2-A"`, `"target": "CZ-409-CYBER-MANAGER"`), `"target": "eu"`, `"target": "cz"`, 1), first + "/target", "distinct"},
		{"no rationale", edit(`"The manager runs the policies."`, `""`), first + "/rationale", "required"},
		{"no confidence", edit(`, "confidence": "partial"}
  ],
  "unmapped`, `}
  ],
  "unmapped`), first + "/confidence", "required"},
		{"partial with a note", edit(`"confidence": "partial"}
  ],
  "unmapped`, `"confidence": "partial", "note": "n"}
  ],
  "unmapped`), "", ""},
		{"verified without crosswalk", edit(`"The manager runs the policies.", "confidence": "partial"`, `"The manager runs the policies.", "confidence": "verified"`), first + "/crosswalk", "required"},
		{"unverified without note", edit(`"The manager runs the policies.", "confidence": "partial"`, `"The manager runs the policies.", "confidence": "unverified"`), first + "/note", "required"},
		{"surer than its side", edit(`"The manager runs the policies.", "confidence": "partial"`, `"The manager runs the policies.", "confidence": "verified", "crosswalk": "A published crosswalk"`), first + "/confidence", "confidence"},
		{"twice in a set", edit(pair, pair+", "+pair), "/sets/0/mappings/1", "unique"},
		{"contradiction", edit("\n }]\n}", reversed("subset-of")), "/sets/2/mappings/0/relationship", "consistent"},
		{"agreement", edit("\n }]\n}", reversed("intersects-with")), "", ""},
		{"unmapped and mapped", edit(`"CZ-410-CYBER-PERSON"`, `"CZ-409-CYBER-MANAGER"`), "/sets/0/unmappedSource/0/id", "unmapped"},
		{"unmapped unknown", edit(`"CZ-410-CYBER-PERSON"`, `"CZ-410-NOBODY"`), "/sets/0/unmappedSource/0/id", "exists"},
		{"unmapped without reason", edit(`"A lower-regime post."`, `""`), "/sets/0/unmappedSource/0/reason", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadMappings(strings.NewReader(tt.in), nil)
			if tt.path == "" && tt.rule == "" {
				require.NoError(t, err, "a valid variant")
				return
			}
			require.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			found := false
			for _, e := range fes {
				found = found || e.Path == tt.path && e.Rule == tt.rule
			}
			assert.True(t, found, "want %s at %q, got %v", tt.rule, tt.path, err)
			checkErrorMessages(t, err)
		})
	}

	// Contradiction across sets, read through the inverse.
	reverse := strings.Replace(goodMappings, `"mappings": [
   {"source": "ENISA-PROC-2020 art. GP-14"`, `"mappings": [
   {"source": "EU-NIS2-21-2-D", "target": "ENISA-PROC-2020 art. GP-14", "relationship": "subset-of",
    "rationale": "r", "confidence": "partial"},
   {"source": "ENISA-PROC-2020 art. GP-14"`, 1)
	reverse = strings.Replace(reverse, `"source": "enisa", "target": "eu"`, `"source": "enisa", "target": "eu"`, 1)
	_, err := LoadMappings(strings.NewReader(reverse), nil)
	require.ErrorIs(t, err, medsec.ErrInvalidData, "EU-NIS2-21-2-D subset-of GP-14 contradicts GP-14 subset-of EU-NIS2-21-2-D")

	_, err = LoadMappings(nil, nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = LoadMappings(bytes.NewReader(make([]byte, MaxMappingsSize+1)), nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
}

// crediting is a Czech hospital of the higher regime, an essential entity
// under NIS2, with one significant incident detected on 2026-11-20.
func crediting() (Profile, time.Time) {
	p := hospitalCZ(grading.CZHigher)
	cet := time.FixedZone("CET", 3600)
	det := time.Date(2026, 11, 20, 8, 0, 0, 0, cet)
	p.Incidents = []Incident{{ID: "INC-1", Detected: det, Significant: true}}
	return p, det
}

func itemOf(t *testing.T, r *Report, duty, inc string) Item {
	t.Helper()
	for _, it := range r.Items {
		if it.DutyID == duty && it.Incident == inc {
			return it
		}
	}
	t.Fatalf("no item %s %s", duty, inc)
	return Item{}
}

// TestCreditFull: evidence for a duty that is equal to, or a superset of,
// another meets that duty through the mapping ("via mapping from X"),
// judged against the target's own deadline; without the option, nothing
// is credited.
func TestCreditFull(t *testing.T) {
	c := DefaultCatalog()
	p, det := crediting()
	ev := []Evidence{
		{Duty: "CZ-264-HIGHER-UPDATE-72H", Incident: "INC-1", Done: medsec.DateOf(det), At: det.Add(30 * time.Hour), Reference: "NUKIB-UPD-1"},
		{Duty: "CZ-264-HIGHER-INITIAL-24H", Incident: "INC-1", Done: medsec.DateOf(det.Add(26 * time.Hour)), At: det.Add(26 * time.Hour), Reference: "NUKIB-INI-1"},
		{Duty: "CZ-264-MEASURES-1Y", Done: date("2026-10-01"), Reference: "Overview of measures 2026"},
	}
	opts := Options{AsOf: asOf, Now: det.Add(50 * time.Hour)}

	plain, err := c.GapReport(&p, ev, opts)
	require.NoError(t, err)
	n := itemOf(t, plain, "EU-NIS2-NOTIFICATION-72H", "INC-1")
	assert.NotEqual(t, StatusMet, n.Status)
	assert.True(t, n.Credit.IsZero(), "no crediting without Options.Mappings")
	b := itemOf(t, plain, "EU-NIS2-21-2-B", "")
	assert.Equal(t, StatusMissing, b.Status)

	opts.Mappings = c.Mappings()
	r, err := c.GapReport(&p, ev, opts)
	require.NoError(t, err)

	n = itemOf(t, r, "EU-NIS2-NOTIFICATION-72H", "INC-1")
	assert.Equal(t, StatusMet, n.Status)
	assert.False(t, n.Late, "30 hours after detection is within NIS2's 72 hours")
	assert.Equal(t, "NUKIB-UPD-1", n.Reference)
	assert.Equal(t, Credit{From: "CZ-264-HIGHER-UPDATE-72H", Set: "cz-nis2", Relationship: SupersetOf, Coverage: CoverageFull,
		Confidence: medsec.Partial, Done: medsec.DateOf(det), Reference: "NUKIB-UPD-1"}, n.Credit)
	assert.Equal(t, "via mapping from CZ-264-HIGHER-UPDATE-72H (superset of this duty; mapping set cz-nis2, confidence partly verified)", n.Credit.Message().String())

	// The target's own deadline applies: the Czech initial report, sent
	// 26 hours after detection, counts for NIS2's early warning, late
	// under its 24 hours, and the item says so.
	w := itemOf(t, r, "EU-NIS2-EARLY-WARNING-24H", "INC-1")
	assert.Equal(t, StatusMet, w.Status)
	assert.True(t, w.Late, "26 hours is late under the target's 24 hours")
	assert.Equal(t, SupersetOf, w.Credit.Relationship)

	b = itemOf(t, r, "EU-NIS2-21-2-B", "")
	assert.Equal(t, StatusMet, b.Status, "CZ-264-MEASURES-1Y superset-of NIS2 (b)")
	assert.Equal(t, CoverageFull, b.Credit.Coverage)
	assert.Equal(t, date("2026-10-01"), b.Done)

	// Own evidence newer than the credited one wins, and no credit shows.
	ev = append(ev, Evidence{Duty: "EU-NIS2-21-2-B", Done: date("2026-11-01"), Reference: "own"})
	r, err = c.GapReport(&p, ev, opts)
	require.NoError(t, err)
	b = itemOf(t, r, "EU-NIS2-21-2-B", "")
	assert.Equal(t, "own", b.Reference)
	assert.True(t, b.Credit.IsZero())

	// The reverse never meets: evidence that NIS2 (b) is met does not
	// meet the Czech measures (subset-of), it covers them in part.
	onlyEU := []Evidence{{Duty: "EU-NIS2-21-2-B", Done: date("2026-11-01"), Reference: "own"}}
	r, err = c.GapReport(&p, onlyEU, opts)
	require.NoError(t, err)
	m := itemOf(t, r, "CZ-264-MEASURES-1Y", "")
	assert.NotEqual(t, StatusMet, m.Status)
	assert.Equal(t, CoveragePartial, m.Credit.Coverage)
	assert.Equal(t, SubsetOf, m.Credit.Relationship)
}

// TestCreditPartial: evidence for a duty that is a subset of, or
// intersects with, another covers it only partly: the item keeps the
// status its own evidence gives, and is never met by it.
func TestCreditPartial(t *testing.T) {
	c := DefaultCatalog()
	p, _ := crediting()
	opts := Options{AsOf: asOf, Now: now, Mappings: c.Mappings()}
	ev := []Evidence{{Duty: "CZ-264-MEASURES-1Y", Done: date("2026-10-01"), Reference: "Overview"}}
	r, err := c.GapReport(&p, ev, opts)
	require.NoError(t, err)
	for _, id := range []string{"EU-NIS2-21-2-A", "EU-NIS2-21-2-H", "EU-NIS2-21-2-I", "EU-NIS2-21-2-J"} {
		it := itemOf(t, r, id, "")
		assert.Equal(t, StatusMissing, it.Status, id)
		assert.Equal(t, CoveragePartial, it.Credit.Coverage, id)
		assert.Equal(t, IntersectsWith, it.Credit.Relationship, id)
		assert.Equal(t, "Overview", it.Credit.Reference, id)
		assert.True(t, it.Done.IsZero(), "%s: the item's own evidence stays empty", id)
		assert.Contains(t, it.Credit.Message().String(), "partly covered via mapping from CZ-264-MEASURES-1Y")
	}
	for _, it := range r.Items {
		if it.Status == StatusMet {
			assert.NotEqual(t, CoveragePartial, it.Credit.Coverage, "%s: partial coverage never meets", it.DutyID)
		}
	}

	// A Chinese and EU institution: level tests intersect with NIS2 (f);
	// a system's evidence covers part of an institution's duty.
	cn := hospitalCN(3)
	cn.Institution.Jurisdictions = []medsec.Jurisdiction{medsec.CN, medsec.EU}
	cn.Institution.NIS2 = grading.Important
	ev = []Evidence{
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: date("2026-06-01"), Reference: "测评报告"},
		{Duty: "CN-NHC-BUDGET-5PCT", System: "HIS", Done: date("2026-06-01"), Reference: "budget"},
	}
	r, err = c.GapReport(&cn, ev, Options{AsOf: asOf, Mappings: c.Mappings()})
	require.NoError(t, err)
	f := itemOf(t, r, "EU-NIS2-21-2-F", "")
	assert.Equal(t, StatusMissing, f.Status)
	assert.Equal(t, Credit{From: "CN-MLPS-TEST-L3", Set: "cn-nis2", Relationship: IntersectsWith, Coverage: CoveragePartial,
		Confidence: medsec.Partial, Done: date("2026-06-01"), Reference: "测评报告"}, f.Credit)
	e := itemOf(t, r, "EU-NIS2-21-2-E", "")
	assert.NotEqual(t, "CN-NHC-BUDGET-5PCT", e.Credit.From, "no-relationship never credits")
}

// TestCreditRender: a credited item says so in every format; a report
// without crediting has no "credit" key, so its JSON is unchanged.
func TestCreditRender(t *testing.T) {
	c := DefaultCatalog()
	p, det := crediting()
	ev := []Evidence{{Duty: "CZ-264-HIGHER-UPDATE-72H", Incident: "INC-1", Done: medsec.DateOf(det), At: det.Add(time.Hour), Reference: "U-1"}}
	plain, err := c.GapReport(&p, ev, Options{AsOf: asOf, Now: now})
	require.NoError(t, err)
	b, err := json.Marshal(plain)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"credit"`)

	r, err := c.GapReport(&p, ev, Options{AsOf: asOf, Now: now, Mappings: c.Mappings()})
	require.NoError(t, err)
	b, err = json.Marshal(r)
	require.NoError(t, err)
	var doc struct {
		Items []struct {
			Duty   string
			Credit *struct {
				From, Set, Relationship, Coverage, Confidence, Done, Reference string
			}
		}
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	found := false
	for _, it := range doc.Items {
		if it.Duty == "EU-NIS2-NOTIFICATION-72H" {
			require.NotNil(t, it.Credit)
			assert.Equal(t, "CZ-264-HIGHER-UPDATE-72H", it.Credit.From)
			assert.Equal(t, "superset-of", it.Credit.Relationship)
			assert.Equal(t, "full", it.Credit.Coverage)
			found = true
		}
	}
	assert.True(t, found)

	// The credit reads back, and a credit whose coverage contradicts its
	// relationship does not.
	back, err := c.DecodeReport(bytes.NewReader(b))
	require.NoError(t, err)
	require.Equal(t, len(r.Items), len(back.Items))
	for i := range r.Items {
		assert.Equal(t, r.Items[i].Credit, back.Items[i].Credit, r.Items[i].DutyID)
	}
	bad := bytes.Replace(b, []byte(`"relationship":"superset-of","coverage":"full"`), []byte(`"relationship":"subset-of","coverage":"full"`), 1)
	require.NotEqual(t, b, bad)
	_, err = c.DecodeReport(bytes.NewReader(bad))
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, "coverage", fes[0].Rule)
	assert.Contains(t, fes[0].Path, "/credit/coverage")
	// The schema accepts the credited report.
	sch := reportschema.Compile(t, ReportSchemaID, ReportSchema())
	assert.NoError(t, reportschema.Validate(sch, b))

	var text, md bytes.Buffer
	require.NoError(t, r.WriteText(&text, nil))
	require.NoError(t, r.WriteMarkdown(&md, nil))
	assert.Contains(t, text.String(), "\n    via mapping from CZ-264-HIGHER-UPDATE-72H (superset of this duty; mapping set cz-nis2, confidence partly verified)\n")
	assert.Contains(t, md.String(), "met (via mapping from CZ-264-HIGHER-UPDATE-72H")
}

// TestPackOf: a duty belongs to the pack whose duties.json states it; a
// duty given as a Go value to the pack that declares its jurisdiction.
func TestPackOf(t *testing.T) {
	c := DefaultCatalog()
	assert.Equal(t, "cn", c.PackOf("CN-NHC-THREE-SYNC"))
	assert.Equal(t, "eu", c.PackOf("EU-NIS2-EARLY-WARNING-24H"))
	assert.Equal(t, "cz", c.PackOf("CZ-264-MEASURES-1Y"))
	assert.Empty(t, c.PackOf("NO-SUCH"))
	m, err := c.Merge()
	require.NoError(t, err)
	for _, d := range c.Duties() {
		assert.Equal(t, c.PackOf(d.ID), m.PackOf(d.ID), d.ID)
	}
	var nilCat *Catalog
	assert.Empty(t, nilCat.PackOf("CN-NHC-THREE-SYNC"))
}

// FuzzLoadMappings reads mappings files: invalid ones are field errors
// wrapping ErrInvalidData with JSON Pointers; valid ones round-trip through
// their JSON form, answer Covers for every side, and credit evidence in a
// gap report without ever meeting a duty through partial coverage. Loading
// costs at most linearly in the input.
func FuzzLoadMappings(f *testing.F) {
	// The embedded file is large for a seed (the fuzzer slows down on big
	// inputs); its cz-nis2 set alone is a realistic one.
	b, err := os.ReadFile("../law/mappings/mappings.json")
	if err != nil {
		f.Fatal(err)
	}
	var col MappingCollection
	if err := json.Unmarshal(b, &col); err != nil {
		f.Fatal(err)
	}
	for _, s := range col.Sets {
		if s.ID == "cz-nis2" {
			col.Sets = []MappingSet{s}
		}
	}
	for i := range col.Sets[0].Mappings {
		col.Sets[0].Mappings[i].Rationale = "r"
		col.Sets[0].Mappings[i].Note = "n"
	}
	col.Sets[0].Mappings = col.Sets[0].Mappings[:8]
	seed, err := json.Marshal(col)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(goodMappings)
	f.Add(`{"id":"a","sets":[{"id":"b","mappings":[{"source":"X","target":"X"}]}]}`)
	f.Add(`{}`)
	budget := costtest.Budget{Bytes: 1 << 20, PerByte: 2048, Allocs: 5000, AllocsPerByte: 8}
	c := DefaultCatalog()
	p, det := crediting()
	cn := hospitalCN(3)
	cn.Institution.Jurisdictions = append(cn.Institution.Jurisdictions, medsec.EU)
	cn.Institution.NIS2 = grading.Important
	f.Fuzz(func(t *testing.T, s string) {
		var m *Mappings
		var err error
		costtest.Linear(t, len(s), budget, func() { m, err = LoadMappings(strings.NewReader(s), c) })
		if err != nil {
			var fes medsec.FieldErrors
			if !errors.Is(err, medsec.ErrInvalidData) || !errors.As(err, &fes) {
				t.Fatalf("want field errors wrapping ErrInvalidData, got %v", err)
			}
			for _, fe := range fes {
				// A message formats without a missing or extra argument.
				bad := apitest.Misformatted(fe.Message, medsec.Message.String)
				if fe.Path != "" && !strings.HasPrefix(fe.Path, "/") || fe.Message.Key == "" || bad {
					t.Fatalf("bad field error %+v", fe)
				}
			}
			return
		}
		cols := m.Collections()
		if len(cols) != 1 {
			t.Fatalf("%d collections", len(cols))
		}
		j, err := json.Marshal(cols[0])
		if err != nil {
			t.Fatal(err)
		}
		again, err := LoadMappings(bytes.NewReader(j), c)
		if err != nil || again.Len() != m.Len() {
			t.Fatalf("round trip: %v, %d pairs, want %d", err, again.Len(), m.Len())
		}
		var ev []Evidence
		for _, s := range cols[0].Sets {
			for _, x := range s.Mappings {
				for _, ref := range []string{x.Source, x.Target} {
					for _, cv := range m.Covers(ref, "") {
						if cv.Source != ref || cv.Coverage != cv.Relationship.Coverage() {
							t.Fatalf("Covers(%s): %+v", ref, cv)
						}
					}
					if d, ok := c.Duty(ref); ok && d.Applies.Scope == ScopeInstitution && d.Recurrence.Kind != FromIncidentRule {
						ev = append(ev, Evidence{Duty: ref, Done: medsec.DateOf(det)})
					}
				}
			}
		}
		for _, prof := range []*Profile{&p, &cn} {
			r, err := c.GapReport(prof, ev, Options{AsOf: asOf, Now: now, Mappings: m})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range r.Items {
				if it.Credit.Coverage == CoveragePartial && it.Status == StatusMet && it.Done.IsZero() {
					t.Fatalf("%s met by partial coverage alone", it.DutyID)
				}
			}
		}
	})
}
