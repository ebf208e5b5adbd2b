package grading

import (
	"encoding"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessageTemplates(t *testing.T) {
	ts := MessageTemplates()
	require.NotEmpty(t, ts)
	assert.True(t, slices.IsSortedFunc(ts, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) }))
	seen := map[string]bool{}
	for _, m := range ts {
		assert.False(t, seen[m.Key], "duplicate key %s", m.Key)
		seen[m.Key] = true
		assert.True(t, strings.HasPrefix(m.Key, "grading."), m.Key)
		assert.Equal(t, strings.ToLower(m.Key), m.Key)
		assert.NotEmpty(t, m.Format, m.Key)
	}

	// Every MessageTemplate literal in the package's source is listed.
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	declared := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		file, err := parser.ParseFile(fset, f, src, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if sel, ok := cl.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "MessageTemplate" {
				for _, e := range cl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "Key" {
						if lit, ok := kv.Value.(*ast.BasicLit); ok {
							k, _ := strconv.Unquote(lit.Value)
							declared[k] = true
						}
					}
				}
			}
			return true
		})
	}
	require.NotEmpty(t, declared)
	for k := range declared {
		assert.True(t, seen[k], "template %s is not listed by MessageTemplates", k)
	}
	// The rest are the messages of the embedded grading.json files.
	g := defaultForTest(t)
	for _, m := range g.templates {
		assert.True(t, seen[m.Key], "data template %s is not listed", m.Key)
		assert.False(t, declared[m.Key], "data template %s is also a Go literal", m.Key)
	}
	assert.Equal(t, len(declared)+len(g.templates), len(ts))
}

// defaultForTest returns the grader of the default registry.
func defaultForTest(t testing.TB) *Grader {
	t.Helper()
	g, err := defaultGrader()
	require.NoError(t, err)
	return g
}

// samples runs every scheme over a spread of inputs and returns the
// results, so that tests can check all reasons and citations.
func samples(t testing.TB) []Result {
	var out []Result
	add := func(r Result, err error) {
		require.NoError(t, err)
		out = append(out, r)
	}
	for _, day := range []medsec.Date{dayNow, day2008, day2020, medsec.NewDate(2011, 1, 1)} {
		for _, h := range []Harm{GeneralHarm, SeriousHarm, ParticularlySeriousHarm} {
			for o := range 3 {
				r, err := MLPS(MLPSInput{System: "S", Information: only(o, h), Service: only(0, GeneralHarm),
					TertiaryHospitalCore: true, HealthPlatform: o == 1, InternetHospital: true}, Options{AsOf: day})
				add(r.Result, err)
				tr, err := r.Triggers()
				require.NoError(t, err)
				for _, d := range []Duty{tr.Document, tr.ExpertReview, tr.Approval,
					tr.CommitteeReview, tr.Filing, tr.Testing} {
					out = append(out, dutyResult(d))
				}
			}
		}
	}
	vn := []VNInput{
		{Type: VNInternal, Information: InfoPublic},
		{Type: VNPublicFacing, Information: InfoPersonal, PublicService: PublicService3, ConditionalBusiness: Yes, Users: 5},
		{Type: VNInfrastructure, Information: InfoPublic, Reach: ReachNationwide, NonStop: No},
		{Type: VNIndustrialControl, Information: InfoStateSecret, SecretGrade: SecretMat, SecretHarm: VNHarmSerious, WorksGrade: WorksII},
		{Type: VNOtherType, Information: InfoPublic, PMDesignated: true, NationalDataStore: true},
	}
	for _, day := range []medsec.Date{dayNow, dayVN, medsec.NewDate(2020, 1, 1)} {
		for _, in := range vn {
			r, err := Vietnam(in, Options{AsOf: day})
			add(r.Result, err)
			out = append(out, Result{Reasons: []medsec.Message{r.Approval.Appraiser, r.Approval.Approver, r.Approval.Basis.Note},
				Citations: slices.Concat(r.Approval.Basis.Citations, r.Assessment.Organisation.Basis.Citations, r.Assessment.System.Basis.Citations)})
		}
	}
	for _, typ := range []EntityType{HealthcareProvider, MedicalDevices, OtherEntityType} {
		r, err := NIS2(NIS2Input{Entity: "E", Type: typ, Enterprise: Enterprise{Headcount: 30, TurnoverEUR: 1, BalanceSheetEUR: 1,
			Linked: []Linked{{Headcount: 1}}, Partners: []Partner{{SharePercent: 30}}},
			CriticalEntity: true, SoleProvider: true, MemberStateEssential: true}, Options{AsOf: medsec.NewDate(2024, 1, 1)})
		add(r.Result, err)
		r, err = NIS2(NIS2Input{Type: typ, Enterprise: ent(100, 1, 1), SoleProvider: true}, Options{AsOf: dayNow})
		add(r.Result, err)
	}
	for _, in := range []CZInput{{RegulatedService: No}, {RegulatedService: Yes, Enterprise: ent(10, 1, 1)}, {RegulatedService: Yes, Significant: No}} {
		for _, day := range []medsec.Date{dayNow, medsec.NewDate(2020, 1, 1)} {
			r, err := Czech(in, Options{AsOf: day})
			add(r.Result, err)
		}
	}
	return out
}

func dutyResult(d Duty) Result {
	r := Result{Reasons: []medsec.Message{d.What, d.Basis.Note}, Citations: slices.Clone(d.Basis.Citations)}
	for _, tm := range d.Terms {
		r.Reasons = append(r.Reasons, tm.Basis.Note, tm.Span.Message())
		r.Citations = append(r.Citations, tm.Basis.Citations...)
	}
	return r
}

// TestCitationsResolve checks that every citation grading produces
// resolves in the embedded registry, and every message it produces comes
// from a listed template with arguments of the allowed kinds.
func TestCitationsResolve(t *testing.T) {
	keys := map[string]string{}
	for _, tm := range slices.Concat(MessageTemplates(), medsec.MessageTemplates()) {
		keys[tm.Key] = tm.Format
	}
	var checkMsg func(m medsec.Message)
	checkMsg = func(m medsec.Message) {
		if m.IsZero() {
			return
		}
		f, ok := keys[m.Key]
		require.True(t, ok, "unlisted key %s", m.Key)
		assert.Equal(t, f, m.Format)
		assert.NotContains(t, m.String(), "%!", m.Key)
		for _, a := range m.Args {
			switch a := a.(type) {
			case string, int, int64, float64, medsec.Date, medsec.Citation:
			case medsec.Message:
				checkMsg(a)
			default:
				t.Errorf("%s: argument of type %T", m.Key, a)
			}
		}
	}
	reg := medsec.DefaultRegistry()
	for _, r := range samples(t) {
		for _, c := range r.Citations {
			assert.NoError(t, reg.Resolve(c), c.String())
		}
		for _, m := range r.Reasons {
			checkMsg(m)
		}
	}
	// Error messages too.
	for _, err := range []error{
		func() error { _, err := MLPS(MLPSInput{}, Options{}); return err }(),
		func() error { _, err := MLPS(MLPSInput{}, Options{AsOf: dayNow}); return err }(),
		func() error {
			_, err := MLPS(MLPSInput{Information: none, Service: none}, Options{AsOf: dayNow})
			return err
		}(),
		func() error { _, err := MLPS(MLPSInput{}, Options{AsOf: medsec.NewDate(2021, 2, 30)}); return err }(),
		func() error {
			_, err := Vietnam(VNInput{Type: VNPublicFacing, Information: InfoStateSecret, Users: -1}, Options{AsOf: dayNow})
			return err
		}(),
		func() error {
			_, err := Vietnam(VNInput{Type: VNOtherType, Information: InfoPrivate}, Options{AsOf: dayNow})
			return err
		}(),
		func() error {
			_, err := NIS2(NIS2Input{Enterprise: Enterprise{Headcount: -1}}, Options{AsOf: medsec.NewDate(2000, 1, 1)})
			return err
		}(),
		func() error {
			_, err := NIS2(NIS2Input{Type: 99, Enterprise: Enterprise{Headcount: -1, Partners: []Partner{{SharePercent: 99}}}}, Options{AsOf: dayNow})
			return err
		}(),
		func() error {
			_, err := Czech(CZInput{RegulatedService: No, Significant: Yes}, Options{AsOf: dayNow})
			return err
		}(),
		func() error {
			_, err := MLPS(MLPSInput{Information: only(0, GeneralHarm), Service: none}, Options{AsOf: medsec.NewDate(2001, 1, 1)})
			return err
		}(),
	} {
		var fes medsec.FieldErrors
		require.ErrorAs(t, err, &fes)
		for _, fe := range fes {
			checkMsg(fe.Message)
		}
	}
}

func TestEnumText(t *testing.T) {
	type enum interface {
		encoding.TextMarshaler
		String() string
	}
	cases := []struct {
		valid  []enum
		zero   enum
		newPtr func() encoding.TextUnmarshaler
		deref  func(encoding.TextUnmarshaler) enum
	}{
		{[]enum{NoHarm, GeneralHarm, SeriousHarm, ParticularlySeriousHarm}, HarmUnknown,
			func() encoding.TextUnmarshaler { return new(Harm) }, func(u encoding.TextUnmarshaler) enum { return *u.(*Harm) }},
		{[]enum{Edition2008, Edition2020}, EditionUnknown,
			func() encoding.TextUnmarshaler { return new(MLPSEdition) }, func(u encoding.TextUnmarshaler) enum { return *u.(*MLPSEdition) }},
		{[]enum{Yes, No}, AnswerUnknown,
			func() encoding.TextUnmarshaler { return new(Answer) }, func(u encoding.TextUnmarshaler) enum { return *u.(*Answer) }},
		{[]enum{VNInternal, VNPublicFacing, VNInfrastructure, VNIndustrialControl, VNOtherType}, VNTypeUnknown,
			func() encoding.TextUnmarshaler { return new(VNSystemType) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNSystemType) }},
		{[]enum{InfoPublic, InfoPublic | InfoPersonal, vnInfoAll}, VNInfo(0),
			func() encoding.TextUnmarshaler { return new(VNInfo) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNInfo) }},
		{[]enum{SecretMat, SecretToiMat, SecretTuyetMat}, SecretUnknown,
			func() encoding.TextUnmarshaler { return new(VNSecretGrade) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNSecretGrade) }},
		{[]enum{VNHarmSome, VNHarmSerious, VNHarmEspeciallySerious}, VNHarmUnknown,
			func() encoding.TextUnmarshaler { return new(VNHarm) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNHarm) }},
		{[]enum{NoPublicService, PublicService1, PublicService4}, PublicServiceUnknown,
			func() encoding.TextUnmarshaler { return new(VNPublicService) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNPublicService) }},
		{[]enum{ReachOneOrganisation, ReachSectorOrProvince, ReachNationwide, ReachInternational}, ReachUnknown,
			func() encoding.TextUnmarshaler { return new(VNReach) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNReach) }},
		{[]enum{WorksSpecial, WorksI, WorksII, WorksIII, WorksIV}, WorksUnknown,
			func() encoding.TextUnmarshaler { return new(VNWorksGrade) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNWorksGrade) }},
		{[]enum{HealthcareProvider, EUReferenceLab, MedicinalRD, PharmaManufacturing, CriticalDevices, MedicalDevices, OtherEntityType}, EntityTypeUnknown,
			func() encoding.TextUnmarshaler { return new(EntityType) }, func(u encoding.TextUnmarshaler) enum { return *u.(*EntityType) }},
		{[]enum{MLPS1, MLPS5}, MLPSLevelUnknown,
			func() encoding.TextUnmarshaler { return new(MLPSLevel) }, func(u encoding.TextUnmarshaler) enum { return *u.(*MLPSLevel) }},
		{[]enum{VN1, VN5}, VNLevelUnknown,
			func() encoding.TextUnmarshaler { return new(VNLevel) }, func(u encoding.TextUnmarshaler) enum { return *u.(*VNLevel) }},
		{[]enum{OutOfScope, Important, Essential}, EntityClassUnknown,
			func() encoding.TextUnmarshaler { return new(EntityClass) }, func(u encoding.TextUnmarshaler) enum { return *u.(*EntityClass) }},
		{[]enum{Small, Medium, Large}, SizeUnknown,
			func() encoding.TextUnmarshaler { return new(SizeClass) }, func(u encoding.TextUnmarshaler) enum { return *u.(*SizeClass) }},
		{[]enum{CZNotRegulated, CZLower, CZHigher}, CZRegimeUnknown,
			func() encoding.TextUnmarshaler { return new(CZRegime) }, func(u encoding.TextUnmarshaler) enum { return *u.(*CZRegime) }},
	}
	for _, c := range cases {
		for _, v := range c.valid {
			b, err := v.MarshalText()
			require.NoError(t, err, v.String())
			assert.Equal(t, v.String(), string(b))
			u := c.newPtr()
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, v, c.deref(u))
		}
		_, err := c.zero.MarshalText()
		assert.ErrorIs(t, err, medsec.ErrInvalidInput, "%T zero marshals", c.zero)
		for _, bad := range []string{"", "unknown", "bogus", "0"} {
			err := c.newPtr().UnmarshalText([]byte(bad))
			assert.ErrorIs(t, err, medsec.ErrInvalidInput, "%T %q", c.zero, bad)
			if err != nil {
				assert.True(t, strings.HasPrefix(err.Error(), "grading: "), err.Error())
			}
		}
	}
	for _, bad := range []string{"public|public", "public|", "Public", "public,personal"} {
		var i VNInfo
		assert.Error(t, i.UnmarshalText([]byte(bad)), bad)
	}
}

func TestResultJSON(t *testing.T) {
	r, err := MLPS(MLPSInput{System: "HIS", Information: only(1, SeriousHarm), Service: only(0, SeriousHarm)}, Options{AsOf: day2020})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	s := string(b)
	for _, want := range []string{`"scheme":"cn-mlps"`, `"level":"3"`, `"edition":"GB/T 22240-2020"`, `"confidence":"partial"`,
		`"asOf":"2024-06-01"`, `"CN-GBT-22240-2020 art. 4.3"`, `"matrixLevel":"3"`} {
		assert.Contains(t, s, want)
	}
	var back MLPSResult
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r.Level, back.Level)
	assert.Equal(t, r.Citations, back.Citations)
}

// TestConcurrent grades from many goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				r, err := MLPS(MLPSInput{Information: only(j%3, Harm(2+i%3)), Service: none}, Options{AsOf: dayNow})
				if err != nil || !r.Level.Valid() {
					t.Error(err)
				}
				if _, err := Vietnam(VNInput{Type: VNInternal, Information: InfoPersonal}, Options{AsOf: dayNow}); err != nil {
					t.Error(err)
				}
				if _, err := NIS2(NIS2Input{Type: HealthcareProvider, Enterprise: ent(float64(j+1), 1, 1)}, Options{AsOf: dayNow}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"1", "5", "none", "serious", "particularly-serious", "yes", "public|personal", "state-secret",
		"healthcare-provider", "GB/T 22240-2020", "toi-mat", "IV", "nationwide", "higher", "", "|", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		targets := []interface {
			encoding.TextUnmarshaler
			encoding.TextMarshaler
		}{new(Harm), new(MLPSEdition), new(Answer), new(VNSystemType), new(VNInfo), new(VNSecretGrade), new(VNHarm),
			new(VNPublicService), new(VNReach), new(VNWorksGrade), new(EntityType), new(MLPSLevel), new(VNLevel),
			new(EntityClass), new(SizeClass), new(CZRegime), new(Scheme)}
		for _, v := range targets {
			if err := v.UnmarshalText([]byte(s)); err != nil {
				continue
			}
			// Accepted text round-trips exactly.
			b, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%T accepted %q but does not marshal: %v", v, s, err)
			}
			if string(b) != s {
				t.Fatalf("%T: %q round-trips to %q", v, s, b)
			}
		}
	})
}

// TestResultsMarshal checks that every sample result, including those with
// zero levels in optional fields, marshals to JSON.
func TestResultsMarshal(t *testing.T) {
	m, err := MLPS(MLPSInput{Information: only(0, GeneralHarm), Service: none}, Options{AsOf: dayNow})
	require.NoError(t, err)
	_, err = json.Marshal(m)
	require.NoError(t, err)
	c, err := Czech(CZInput{}, Options{AsOf: medsec.NewDate(2020, 1, 1)})
	require.NoError(t, err)
	_, err = json.Marshal(c)
	require.NoError(t, err)
	v, err := Vietnam(VNInput{Type: VNInternal, Information: InfoPublic}, Options{AsOf: dayNow})
	require.NoError(t, err)
	_, err = json.Marshal(v)
	require.NoError(t, err)
	n, err := NIS2(NIS2Input{Type: OtherEntityType, Enterprise: ent(1, 1, 1)}, Options{AsOf: dayNow})
	require.NoError(t, err)
	_, err = json.Marshal(n)
	require.NoError(t, err)
}
