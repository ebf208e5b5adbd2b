package grading

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inForce returns the in-force period of instrument id in the default
// registry.
func inForce(t *testing.T, id string) medsec.Period {
	t.Helper()
	in, err := medsec.DefaultRegistry().Lookup(id)
	require.NoError(t, err)
	return in.InForce
}

// TestDatesFromRegistry: every day on which a grading rule changes comes
// from the registry, once: an instrument's in-force period or a legal date
// (issue 13: grading no longer copies them).
func TestDatesFromRegistry(t *testing.T) {
	g := defaultForTest(t)
	reg := medsec.DefaultRegistry()

	// The editions of GB/T 22240 apply while their instruments are in
	// force: 2008-11-01 to 2020-10-31, then from 2020-11-01.
	require.Len(t, g.mlps.editions, 2)
	assert.Equal(t, inForce(t, "CN-GBT-22240-2008"), g.mlps.editions[0].period)
	assert.Equal(t, inForce(t, "CN-GBT-22240-2020"), g.mlps.editions[1].period)
	assert.Equal(t, medsec.NewDate(2020, 11, 1), g.mlps.editions[1].period.From)
	assert.Equal(t, g.mlps.editions[1].period.From.AddDays(-1), g.mlps.editions[0].period.Until, "no gap between the editions")
	// The 2011 health-sector floors apply from the guidance's issue day.
	for _, fl := range g.mlps.floors {
		assert.Equal(t, inForce(t, "CN-MOH-2011-85"), fl.period)
		assert.Equal(t, medsec.NewDate(2011, 11, 29), fl.period.From)
	}
	// Decree 85 from 2016-07-01; Law 86/2015 until 2026-06-30, then Law
	// 116/2025; the Ministry of Public Security from the legal date.
	assert.Equal(t, inForce(t, "VN-ND-85-2016"), g.vn.period)
	require.Len(t, g.vn.laws, 2)
	assert.Equal(t, inForce(t, "VN-LAW-86-2015"), g.vn.laws[0].period)
	assert.Equal(t, inForce(t, "VN-LAW-116-2025"), g.vn.laws[1].period)
	assert.Equal(t, g.vn.laws[1].period.From.AddDays(-1), g.vn.laws[0].period.Until)
	mps, ok := reg.Date("VN-MPS-TAKEOVER")
	require.True(t, ok)
	require.Len(t, g.vn.changes, 1)
	assert.Equal(t, mps.Date, g.vn.changes[0].day)
	// NIS2 in force 2023-01-16, applying to entities from 2024-10-18.
	assert.Equal(t, inForce(t, "EU-NIS2"), g.nis2.period)
	app, ok := reg.Date("EU-NIS2-APPLICATION")
	require.True(t, ok)
	assert.Equal(t, app.Date, g.nis2.application)
	// Czech Act 264/2025 from 2025-11-01; Act 181/2014 before it.
	assert.Equal(t, inForce(t, "CZ-ZKB-264-2025"), g.cz.period)
	assert.Equal(t, inForce(t, "CZ-ZKB-181-2014"), g.cz.before.period)
	assert.Equal(t, medsec.NewDate(2025, 11, 1), g.cz.period.From)
}

// TestFactsOfData pins the facts of the embedded grading.json files that
// the behavioural tests do not reach through a result, each with its
// source.
func TestFactsOfData(t *testing.T) {
	g := defaultForTest(t)

	// GB/T 22240: "the higher of the two aspects" is partial (cn.md §2.1
	// MLPS/two-aspects); every 2008 cell is partial (one training deck).
	assert.Equal(t, medsec.Partial, g.mlps.higherOf.conf)
	for o := range 3 {
		for h := GeneralHarm; h <= ParticularlySeriousHarm; h++ {
			assert.Equal(t, medsec.Partial, g.mlps.editions[0].cells[o][h].conf)
			assert.Nil(t, g.mlps.editions[0].cells[o][h].disputed, "GB/T 22240-2008 has no disputed cell")
		}
	}
	// The disputed cell of the 2020 edition (ADR 0002, facts-2026-11.md
	// §2): level 2, partial; the January 2018 draft reads level 3,
	// unverified.
	c := g.mlps.editions[1].cells[0][ParticularlySeriousHarm]
	assert.Equal(t, MLPS2, c.level)
	assert.Equal(t, medsec.Partial, c.conf)
	require.NotNil(t, c.disputed)
	require.NotNil(t, c.disputed.draft)
	assert.Equal(t, MLPS3, c.disputed.draft.level)
	assert.Equal(t, medsec.Unverified, c.disputed.draft.conf)
	// The 2011 floors: level 3, partial (cn.md §2.3); the internet-hospital
	// rule: no floor, unverified (one secondary source).
	require.Len(t, g.mlps.floors, 2)
	for _, fl := range g.mlps.floors {
		assert.Equal(t, MLPS3, fl.level)
		assert.Equal(t, medsec.Partial, fl.conf)
		assert.Equal(t, []medsec.Citation{medsec.Cite("CN-MOH-2011-85", "")}, fl.cites)
	}
	assert.Equal(t, []mlpsFlag{flagTertiaryHospitalCore, flagHealthPlatform}, []mlpsFlag{g.mlps.floors[0].when, g.mlps.floors[1].when})
	assert.Equal(t, medsec.Unverified, g.mlps.internet.conf)
	// What a level triggers (cn.md §2.2): documentation from level 1,
	// expert review, approval and filing from level 2, the national
	// committee from level 4, testing from level 2.
	from := []MLPSLevel{}
	for _, d := range g.mlps.triggers {
		from = append(from, d.from)
	}
	assert.Equal(t, []MLPSLevel{MLPS1, MLPS2, MLPS2, MLPS4, MLPS2, MLPS2}, from)

	// Decree 85 (vn.md §1-3): 22 criterion entries for the 21 points of
	// arts. 7-11 (art. 9(3) twice: as written, and the nationwide
	// inference, unverified); the 10,000-user boundary of arts. 8(2)(c)
	// and 9(2)(c).
	require.Len(t, g.vn.criteria, 22)
	points := map[string]bool{}
	for _, c := range g.vn.criteria {
		points[c.cite.String()] = true
		assert.Equal(t, "VN-ND-85-2016", c.cite.Instrument)
		if c.inference != (medsec.MessageTemplate{}) {
			assert.Equal(t, "VN-ND-85-2016 art. 9(3)", c.cite.String())
			assert.Equal(t, medsec.Unverified, c.conf)
		} else {
			assert.Equal(t, medsec.Verified, c.conf, c.cite.String())
		}
		switch c.cite.String() {
		case "VN-ND-85-2016 art. 8(2)(c)":
			assert.Equal(t, 10_000, c.when[0].UsersBelow)
		case "VN-ND-85-2016 art. 9(2)(c)":
			assert.Equal(t, 10_000, c.when[0].UsersAtLeast)
		}
	}
	assert.Len(t, points, 21)
	// Approval (arts. 12, 16(2), 17(2)): 15 days at level 3, 30 days at
	// levels 4-5, 7 working days to approve.
	assert.Equal(t, Span{}, g.vn.approval[VN2].appraisal)
	assert.Equal(t, Span{N: 15, Unit: medsec.Days}, g.vn.approval[VN3].appraisal)
	assert.Equal(t, Span{N: 30, Unit: medsec.Days}, g.vn.approval[VN4].appraisal)
	assert.Equal(t, Span{N: 30, Unit: medsec.Days}, g.vn.approval[VN5].appraisal)
	assert.Equal(t, Span{N: 7, Unit: medsec.WorkingDays}, g.vn.approvalTime.span)
	assert.Equal(t, "mic", g.vn.changes[0].from)
	assert.Equal(t, "mps", g.vn.changes[0].to)
	assert.Equal(t, medsec.Unverified, g.vn.changes[0].conf)
	// Law 116/2025 is modelled as unverified (vn.md §0).
	assert.Equal(t, medsec.Verified, g.vn.laws[0].conf)
	assert.Equal(t, medsec.Unverified, g.vn.laws[1].conf)

	// Recommendation 2003/361 (cz-eu.md §1.3): small below 50 staff and
	// EUR 10 M turnover or balance sheet; medium below 250 staff and EUR
	// 50 M turnover or EUR 43 M balance sheet; partners 25-50 %, pro rata
	// partial.
	assert.Equal(t, []sizeClass{{Small, 50, 10_000_000, 10_000_000, false}, {Medium, 250, 50_000_000, 43_000_000, false}}, g.size.classes)
	assert.Equal(t, Large, g.size.otherwise)
	assert.Equal(t, 25.0, g.size.partners.shareFrom)
	assert.Equal(t, 50.0, g.size.partners.shareTo)
	assert.Equal(t, medsec.Verified, g.size.linked.conf)
	assert.Equal(t, medsec.Partial, g.size.partners.conf)

	// NIS2 annex points as issue 10 fixed them: Annex I point 5 for the
	// five health types, Annex II point 5(a) for medical devices
	// (cz-eu.md §1.2); "other" is not listed.
	for typ := HealthcareProvider; typ <= CriticalDevices; typ++ {
		require.NotNil(t, g.nis2.types[typ], typ)
		assert.Equal(t, medsec.Cite("EU-NIS2", "Annex I"), g.nis2.types[typ].cite, typ)
		assert.Equal(t, "5", g.nis2.types[typ].point, typ)
		assert.Equal(t, "Annex I", typ.Annex())
	}
	assert.Equal(t, medsec.Cite("EU-NIS2", "Annex II"), g.nis2.types[MedicalDevices].cite)
	assert.Equal(t, "5(a)", g.nis2.types[MedicalDevices].point)
	assert.Equal(t, "Annex II", MedicalDevices.Annex())
	assert.Nil(t, g.nis2.types[OtherEntityType])
	assert.Equal(t, "", OtherEntityType.Annex())
	// The size-independent designations are recorded from recollection.
	require.Len(t, g.nis2.designations, 3)
	for _, d := range g.nis2.designations {
		assert.Equal(t, medsec.Unverified, d.conf)
	}
	assert.Equal(t, []EntityClass{Essential, Essential, Important},
		[]EntityClass{g.nis2.designations[0].makes, g.nis2.designations[1].makes, g.nis2.designations[2].makes})

	// Act 264/2025 § 8(1) (cz-eu.md §3): significant → higher, otherwise
	// lower; the Decree 408/2025 inference is unverified.
	assert.Equal(t, CZHigher, g.cz.significant.regime)
	assert.Equal(t, CZLower, g.cz.notSignificant.regime)
	assert.Equal(t, []SizeClass{Large}, g.cz.inferred.higherSizes)
	assert.Equal(t, CZLower, g.cz.inferred.otherwise)
	assert.Equal(t, medsec.Unverified, g.cz.inferred.conf)
}

// TestNoInstrumentLiterals: the non-test Go of grading and of its
// reader gradingio names no instrument (issue 13, decision 1).
func TestNoInstrumentLiterals(t *testing.T) {
	literal := regexp.MustCompile(`"(CN|VN|EU|CZ|ENISA)-[A-Z0-9-]+"`)
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	io, err := filepath.Glob(filepath.Join("gradingio", "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, io)
	files = append(files, io...)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Empty(t, literal.FindAllString(string(b), -1), f)
	}
}

// xaPack loads the test pack of an invented jurisdiction.
func xaPack(t testing.TB) *medsec.Pack {
	t.Helper()
	p, err := medsec.LoadPack(os.DirFS(filepath.Join("..", "testdata", "packs", "xa")))
	require.NoError(t, err)
	return p
}

// TestUserPackStillGrades: a registry that adds a user's pack (which
// states no grading scheme) grades every scheme as the default one does.
func TestUserPackStillGrades(t *testing.T) {
	reg, err := medsec.DefaultRegistry().With(xaPack(t))
	require.NoError(t, err)
	g, err := New(reg)
	require.NoError(t, err)
	assert.Same(t, reg, g.Registry())
	def := defaultForTest(t)
	opts := Options{AsOf: dayNow}
	in := MLPSInput{System: "HIS", Information: only(1, SeriousHarm), Service: only(0, GeneralHarm), TertiaryHospitalCore: true}
	a, err := g.MLPS(in, opts)
	require.NoError(t, err)
	b, err := def.MLPS(in, opts)
	require.NoError(t, err)
	assert.Equal(t, b, a)
	v, err := g.Vietnam(VNInput{Type: VNInternal, Information: InfoPersonal}, opts)
	require.NoError(t, err)
	assert.Equal(t, VN2, v.Level)
	n, err := g.NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: ent(300, 1, 1)}, opts)
	require.NoError(t, err)
	assert.Equal(t, Essential, n.Class)
	c, err := g.Czech(CZInput{RegulatedService: Yes, Significant: No}, opts)
	require.NoError(t, err)
	assert.Equal(t, CZLower, c.Regime)
	assert.Equal(t, def.MessageTemplates(), g.MessageTemplates())
}

// packFS returns the files of the xa test pack with grading.json set to
// data.
func packFS(t testing.TB, data string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := filepath.Join("..", "testdata", "packs", "xa")
	require.NoError(t, fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(root, p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	}))
	m[DataFile] = &fstest.MapFile{Data: []byte(data)}
	return m
}

// TestBrokenData: a broken grading.json in a pack is rejected with the
// file, the JSON Pointer of the fact and the broken rule.
func TestBrokenData(t *testing.T) {
	cz, err := os.ReadFile(filepath.Join("..", "law", "cz", DataFile))
	require.NoError(t, err)
	czFacts := string(cz)
	cases := []struct {
		name, data string
		path, rule string
	}{
		{"not JSON", `{"cz": `, "/cz", "syntax"},
		{"unknown member", `{"de": {}}`, "/de", "unknown-field"},
		{"scheme stated twice", czFacts, "/cz", "unique"},
		{"dangling citation", strings.Replace(czFacts, `"CZ-ZKB-264-2025 art. 8(1)"`, `"CZ-ZKB-264-2025 art. 99"`, 1), "/cz/regimes/citations/0", "resolve"},
		{"unknown instrument", `{"nis2": {"instrument": "XA-NONE"}}`, "/nis2/instrument", "instrument"},
		{"dangling date", `{"nis2": {"instrument": "XA-HSA-2026", "application": "XA-NO-SUCH-DAY"}}`, "/nis2/application", "date"},
		{"level out of range", `{"mlps": {"editions": [{"edition": "GB/T 22240-2020", "instrument": "XA-HSA-2026", "citations": ["XA-HSA-2026 art. 1"],
			"matrix": {"citizens": {"general": {"level": 7, "confidence": "verified"}}}}]}}`, "/mlps/editions/0/matrix/citizens/general/level", "range"},
		{"text with the wrong arguments", `{"mlps": {"higherOfAspects": {"confidence": "verified", "note": "n", "reason": {"key": "xa.max", "format": "no verb"}}}}`,
			"/mlps/higherOfAspects/reason/format", "text"},
		{"unverified without a note", `{"mlps": {"higherOfAspects": {"confidence": "partial", "citations": ["XA-HSA-2026 art. 4"], "reason": {"key": "xa.max", "format": "%v"}}}}`,
			"/mlps/higherOfAspects/note", "required"},
		{"key with another text", `{"mlps": {"higherOfAspects": {"confidence": "verified", "citations": ["XA-HSA-2026 art. 4"], "reason": {"key": "grading.reason.result.named", "format": "%v"}}}}`,
			"/mlps/higherOfAspects/reason/format", "key"},
		{"unknown input flag", `{"mlps": {"sectorFloors": {"floors": [{"when": "teachingHospital"}]}}}`, "/mlps/sectorFloors/floors/0/when", "one-of"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := medsec.LoadPack(packFS(t, c.data))
			require.NoError(t, err)
			reg, err := medsec.DefaultRegistry().With(p)
			require.NoError(t, err)
			g, err := New(reg)
			require.Error(t, err)
			assert.Nil(t, g)
			assert.ErrorIs(t, err, medsec.ErrInvalidData)
			var fes medsec.FieldErrors
			require.ErrorAs(t, err, &fes)
			found := false
			for _, fe := range fes {
				assert.Equal(t, "xa-fixture/grading.json", fe.File, fe)
				assert.LessOrEqual(t, len(fes), 101)
				if fe.Path == c.path && fe.Rule == c.rule {
					found = true
				}
			}
			assert.True(t, found, "want %s [%s] in %v", c.path, c.rule, err)
			assert.Contains(t, err.Error(), "xa-fixture/grading.json")
		})
	}
}

// TestDataDrivesGrading: a registry whose Chinese pack states another
// reading of a cell grades by it, with no Go change.
func TestDataDrivesGrading(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "law", "cn", DataFile))
	require.NoError(t, err)
	// Read the disputed cell as level 3, verified, in a pack of one's own.
	data := strings.Replace(string(b), `"particularly-serious": {
              "level": 2,
              "confidence": "partial",`, `"particularly-serious": {
              "level": 3,
              "confidence": "verified",`, 1)
	require.NotEqual(t, string(b), data)
	var packs []*medsec.Pack
	for _, p := range medsec.DefaultRegistry().Packs() {
		if p.ID() == "cn" {
			m := fstest.MapFS{}
			require.NoError(t, fs.WalkDir(p.FS(), ".", func(name string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := fs.ReadFile(p.FS(), name)
				m[name] = &fstest.MapFile{Data: b}
				return err
			}))
			m[DataFile] = &fstest.MapFile{Data: []byte(data)}
			p, err = medsec.LoadPack(m)
			require.NoError(t, err)
		}
		packs = append(packs, p)
	}
	reg, err := medsec.RegistryOf(packs...)
	require.NoError(t, err)
	g, err := New(reg)
	require.NoError(t, err)
	r, err := g.MLPS(MLPSInput{Information: only(0, ParticularlySeriousHarm), Service: none}, Options{AsOf: dayNow})
	require.NoError(t, err)
	assert.Equal(t, MLPS3, r.Level)
	assert.True(t, r.Disputed, "the cell is still marked disputed")
	assert.Equal(t, medsec.Partial, r.Confidence, "the higher-of rule is partial")
	// The default registry is unchanged.
	r, err = MLPS(MLPSInput{Information: only(0, ParticularlySeriousHarm), Service: none}, Options{AsOf: dayNow})
	require.NoError(t, err)
	assert.Equal(t, MLPS2, r.Level)
}

// TestMissingScheme: a registry without grading facts builds a grader
// whose schemes report that they lack facts; a nil Grader reports that
// it is nil. Neither panics.
func TestMissingScheme(t *testing.T) {
	reg, err := medsec.RegistryOf(xaPack(t))
	require.NoError(t, err)
	g, err := New(reg)
	require.NoError(t, err)
	opts := Options{AsOf: dayNow}
	var nilG *Grader
	for _, g := range []*Grader{g, nilG} {
		kind := medsec.ErrInvalidData
		if g == nil {
			kind = medsec.ErrInvalidInput
		}
		_, err = g.MLPS(MLPSInput{Information: only(0, GeneralHarm), Service: none}, opts)
		assert.ErrorIs(t, err, kind)
		_, err = g.MLPSTriggersFor(MLPS1, dayNow)
		assert.ErrorIs(t, err, kind)
		_, err = g.Vietnam(VNInput{Type: VNInternal, Information: InfoPublic}, opts)
		assert.ErrorIs(t, err, kind)
		_, err = g.VNApprovalFor(VN1, dayNow)
		assert.ErrorIs(t, err, kind)
		_, err = g.VNAssessmentFor(VN1)
		assert.ErrorIs(t, err, kind)
		_, err = g.NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: ent(1, 1, 1)}, opts)
		assert.ErrorIs(t, err, kind)
		_, err = g.Czech(CZInput{RegulatedService: No}, opts)
		assert.ErrorIs(t, err, kind)
		assert.Equal(t, SizeUnknown, g.Size(Figures{Headcount: 1}))
		assert.NotEmpty(t, g.MessageTemplates())
	}
	_, err = g.MLPS(MLPSInput{}, opts)
	assert.Contains(t, err.Error(), `grading.json has "mlps"`)
	assert.Nil(t, nilG.Registry())
}

// FuzzNew: whatever a pack's grading.json holds, New returns a grader or
// field errors that name the file, never panics, and reports at most 100
// problems and a summary.
func FuzzNew(f *testing.F) {
	for _, name := range []string{"cn", "vn", "eu", "cz"} {
		b, err := os.ReadFile(filepath.Join("..", "law", name, DataFile))
		if err != nil {
			f.Fatal(err)
		}
		// The embedded packs state these schemes already: fuzz a
		// registry without them.
		f.Add(string(b))
	}
	f.Add(`{}`)
	f.Add(`{"mlps": {"editions": [{}]}}`)
	f.Add(`{"vn": {"criteria": [{"when": [{}]}], "approval": [{"levels": [0, 9]}]}}`)
	var base []*medsec.Pack
	for _, p := range medsec.DefaultRegistry().Packs() {
		m := fstest.MapFS{}
		if err := fs.WalkDir(p.FS(), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || name == DataFile {
				return err
			}
			b, err := fs.ReadFile(p.FS(), name)
			m[name] = &fstest.MapFile{Data: b}
			return err
		}); err != nil {
			f.Fatal(err)
		}
		q, err := medsec.LoadPack(m)
		if err != nil {
			f.Fatal(err)
		}
		base = append(base, q)
	}
	f.Fuzz(func(t *testing.T, data string) {
		p, err := medsec.LoadPack(packFS(t, data))
		if err != nil {
			t.Fatal(err)
		}
		reg, err := medsec.RegistryOf(append(base[:len(base):len(base)], p)...)
		if err != nil {
			t.Fatal(err)
		}
		g, err := New(reg)
		if err == nil {
			if g == nil {
				t.Fatal("no grader and no error")
			}
			return
		}
		var fes medsec.FieldErrors
		if !errors.As(err, &fes) {
			t.Fatalf("not field errors: %v", err)
		}
		if len(fes) > 101 {
			t.Fatalf("%d errors", len(fes))
		}
		for _, fe := range fes[:min(len(fes), 100)] {
			if fe.File != "xa-fixture/grading.json" {
				t.Fatalf("error without the file: %v", fe)
			}
		}
	})
}
