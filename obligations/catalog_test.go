package obligations

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/costtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultCatalogLoads(t *testing.T) {
	c, err := defaultCatalog()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, c.Len(), 90)
	ids := make([]string, 0, c.Len())
	for _, d := range c.Duties() {
		ids = append(ids, d.ID)
	}
	assert.True(t, slices.IsSorted(ids))
	// Every duty's first citation names an instrument of its jurisdiction
	// (EU duties may rest on the directive only).
	for _, d := range c.Duties() {
		in, err := c.Registry().Lookup(d.Citations[0].Instrument)
		require.NoError(t, err)
		assert.Equal(t, d.Jurisdiction, in.Jurisdiction, d.ID)
	}
}

// coverageScope lists the instruments whose every article that creates
// obligations must be cited by a duty: those of issues 5 and 14 (the NHC
// measures, Decree 85/2016, NIS2, the CAC incident measures, Circular
// 31/2017, Act 264/2025 and decrees 409 and 410/2025).
var coverageScope = []string{"CN-CAC-2025-IR", "CN-NHC-2022-29", "CZ-VYH-409-2025", "CZ-VYH-410-2025",
	"CZ-ZKB-264-2025", "EU-NIS2", "VN-ND-85-2016", "VN-TT-31-2017"}

// TestCoverage is the coverage accounting of issues 5 and 14. For every
// instrument of the registry it reports how many articles the registry
// holds, how many are mapped to duties, create none, or were not
// retrieved (effect "unknown", tolerated: mapping duties to unread text
// would be guessing), how many create obligations that no duty cites
// (gaps), and the units of the real instrument that the registry does not
// hold (medsec.Instrument.Unheld). Within coverageScope a gap fails the
// test. Run "go test -run TestCoverage -v ./obligations" to read the
// table and, below it, the state of every article.
func TestCoverage(t *testing.T) {
	c := DefaultCatalog()
	var ids []string
	for _, in := range c.Registry().Instruments() {
		ids = append(ids, in.ID)
	}
	all, err := c.Coverage(ids...)
	require.NoError(t, err)
	require.Len(t, all, c.Registry().Len())

	var table, detail strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "instrument\theld\tmapped\tno duty\tnot retrieved\tgaps\twhole-instrument duties\treal extent\tnot held by the registry")
	var outside []string
	for _, ic := range all {
		mapped, none, unknown, gaps := ic.Counts()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", ic.Instrument, len(ic.Articles), mapped, none, unknown, gaps,
			len(ic.Whole), extentText(ic.Extent), unheldText(ic))
		fmt.Fprintf(&detail, "%s\n", ic.Instrument)
		if len(ic.Whole) > 0 {
			fmt.Fprintf(&detail, "    (whole)       cited by %s\n", strings.Join(ic.Whole, ", "))
		}
		inScope := slices.Contains(coverageScope, ic.Instrument)
		for _, a := range ic.Articles {
			state := "mapped to " + strings.Join(a.Duties, ", ")
			switch {
			case a.Effect == medsec.EffectUnknown:
				state = "not retrieved"
				if len(a.Duties) > 0 {
					state += "; cited by " + strings.Join(a.Duties, ", ")
				}
			case a.Effect == medsec.EffectNone:
				state = "creates no obligations"
			case len(a.Duties) == 0:
				state = "GAP: creates obligations, no duty"
				if inScope {
					t.Errorf("%s art. %s creates obligations but no duty cites it", ic.Instrument, a.Article)
				} else {
					outside = append(outside, medsec.Cite(ic.Instrument, a.Article).String())
				}
			}
			unit := "art. " + a.Article
			if strings.HasPrefix(a.Article, "Annex ") {
				unit = a.Article
			}
			fmt.Fprintf(&detail, "    %-14s %s\n", unit, state)
		}
	}
	require.NoError(t, tw.Flush())
	t.Logf("coverage of the registry by the catalog (%d duties)\n%s\narticles that create obligations outside the scope of the coverage rule and have no duty (%d): %s\n\nevery article:\n%s",
		c.Len(), table.String(), len(outside), strings.Join(outside, "; "), detail.String())

	// The scope is real: every instrument in it is in the registry, and the
	// ones whose real extent is recorded show it (a registry edit must not
	// make the accounting vacuous).
	for _, id := range coverageScope {
		assert.True(t, slices.ContainsFunc(all, func(ic InstrumentCoverage) bool { return ic.Instrument == id }), id)
	}
	extents := map[string]int{"EU-NIS2": 46, "VN-ND-85-2016": 26, "CZ-VYH-409-2025": 27, "CZ-VYH-410-2025": 14, "CZ-ZKB-264-2025": 73}
	for id, n := range extents {
		in, err := c.Registry().Lookup(id)
		require.NoError(t, err)
		assert.Equal(t, n, in.Extent.Articles, "%s: articles of the real instrument", id)
	}
	in, _ := medsec.Lookup("VN-ND-85-2016")
	for n := 5; n <= 21; n++ {
		_, ok := in.Article(fmt.Sprint(n))
		assert.True(t, ok, "VN-ND-85-2016 art. %d", n)
	}
}

// extentText says how large the real instrument is, as far as recorded.
func extentText(e medsec.Extent) string {
	if e.IsZero() {
		return "not recorded"
	}
	s := fmt.Sprintf("%d arts.", e.Articles)
	if len(e.Other) > 0 {
		s += fmt.Sprintf(" + %d other", len(e.Other))
	}
	if !e.Complete {
		s = "at least " + s
	}
	return s + " (" + e.Confidence.String() + ")"
}

// unheldText lists the units the registry does not hold, shortening runs
// of consecutive article numbers ("3-5, 9, Annex 1").
func unheldText(ic InstrumentCoverage) string {
	if ic.Extent.IsZero() {
		return "-"
	}
	if len(ic.Unheld) == 0 {
		if !ic.Extent.Complete {
			return "none known"
		}
		return "none"
	}
	var parts []string
	for i := 0; i < len(ic.Unheld); {
		a, errA := strconv.Atoi(ic.Unheld[i])
		j := i
		for errA == nil && j+1 < len(ic.Unheld) {
			b, errB := strconv.Atoi(ic.Unheld[j+1])
			if errB != nil || b != a+(j+1-i) {
				break
			}
			j++
		}
		if j > i {
			parts = append(parts, ic.Unheld[i]+"-"+ic.Unheld[j])
		} else {
			parts = append(parts, ic.Unheld[i])
		}
		i = j + 1
	}
	return fmt.Sprintf("%d: %s", len(ic.Unheld), strings.Join(parts, ", "))
}

// The coverage accounting reports the units the registry does not hold.
func TestCoverageUnheld(t *testing.T) {
	cov, err := DefaultCatalog().Coverage("CN-CAC-2025-IR", "CN-MPS-2007-43")
	require.NoError(t, err)
	cac, mps := cov[0], cov[1]
	assert.True(t, cac.Extent.Complete)
	assert.Equal(t, []string{"1", "3", "5", "6", "9", "12", "13", "Annex 1"}, cac.Unheld,
		"CAC 2025 measures: 14 articles and one annex, of which the registry holds arts. 2, 4, 7, 8, 10, 11, 14")
	assert.Equal(t, "8: 1, 3, 5-6, 9, 12-13, Annex 1", unheldText(cac))
	assert.True(t, mps.Extent.IsZero(), "the real size of the MLPS measures is not recorded")
	assert.Empty(t, mps.Unheld)
	assert.Equal(t, "-", unheldText(mps))
}

// Duties never cite an article whose effect is "none": that would say the
// article both creates and does not create obligations. Such articles go
// in Basis. NewCatalog enforces it; this pins the behaviour.
func TestCitingEffectNoneIsRejected(t *testing.T) {
	d, _ := DefaultCatalog().Duty("CN-PIPL-PIA")
	d.Citations = append(d.Citations, medsec.Cite("CN-PIPL-2021", "28"))
	_, err := NewCatalog(nil, d)
	require.Error(t, err)
	assert.ErrorIs(t, err, medsec.ErrInvalidData)
	assert.Contains(t, err.Error(), "creates no obligations")
}

func TestMessageTemplates(t *testing.T) {
	ts := MessageTemplates()
	keys := map[string]bool{}
	for i, m := range ts {
		// The embedded packs keep their keys under "obligations."; a
		// user's own duties and roles may use any key (see NewCatalog).
		assert.True(t, strings.HasPrefix(m.Key, "obligations."), m.Key)
		assert.NotEmpty(t, strings.TrimSpace(m.Format), m.Key)
		assert.False(t, keys[m.Key], "duplicate %s", m.Key)
		keys[m.Key] = true
		if i > 0 {
			assert.Less(t, ts[i-1].Key, m.Key)
		}
	}
	for _, d := range DefaultCatalog().Duties() {
		assert.True(t, keys[d.Title.Key] && keys[d.Description.Key], d.ID)
		for _, e := range d.Evidence {
			assert.True(t, keys[e.Key], e.Key)
		}
	}
	for _, r := range DefaultCatalog().Roles() {
		assert.True(t, keys[r.Name.Key], r.Code)
	}
	for _, r := range RoleRules() {
		for _, c := range r.Checks {
			assert.True(t, keys[c.Message.Key], r.ID)
		}
	}
	// Every message the package produces in the other tests is listed:
	// see checkMessageKeys, used by the report, role and error tests.
	for _, r := range []Role{"no-such-role", RoleCZCyberPerson} {
		checkMessageKeys(t, r.Message())
	}
	for s := StatusUnknown; s < statusCount; s++ {
		checkMessageKeys(t, s.Message())
	}
}

var templateKeys = func() map[string]string {
	m := map[string]string{}
	for _, t := range MessageTemplates() {
		m[t.Key] = t.Format
	}
	return m
}()

// checkMessageKeys asserts that m and every nested message argument use a
// listed key with the listed format, and that arguments are of the kinds
// the message contract allows.
// listedByRoot reports whether the root package or package grading lists
// m's template (the names of flags and jurisdictions are data of the
// registry; grading checks the institution of a profile).
func listedByRoot(m medsec.Message) bool {
	for _, tm := range append(medsec.MessageTemplates(), grading.MessageTemplates()...) {
		if tm.Key == m.Key && tm.Format == m.Format {
			return true
		}
	}
	return false
}

func checkMessageKeys(t *testing.T, m medsec.Message) {
	t.Helper()
	assert.NotContains(t, m.String(), "%!", "message %s renders with the wrong arguments", m.Key)
	if f, ok := templateKeys[m.Key]; !ok || f != m.Format {
		if !strings.HasPrefix(m.Key, "medsec.") && !listedByRoot(m) {
			t.Errorf("message key %q (format %q) is not listed by MessageTemplates", m.Key, m.Format)
		}
	}
	for _, a := range m.Args {
		switch v := a.(type) {
		case medsec.Message:
			checkMessageKeys(t, v)
		case string, int, float64, medsec.Date, medsec.Citation, medsec.Citations:
		default:
			t.Errorf("message %s has an argument of type %T", m.Key, a)
		}
	}
}

func checkErrorMessages(t *testing.T, err error) {
	t.Helper()
	var fes medsec.FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes {
			checkMessageKeys(t, fe.Message)
		}
	}
	var fe *medsec.FieldError
	if errors.As(err, &fe) {
		checkMessageKeys(t, fe.Message)
	}
}

func TestLoadCatalogStrict(t *testing.T) {
	good := `{"duties":[` + goodDuty + `]}`
	c, err := LoadCatalog(strings.NewReader(good), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, c.Len())
	// A weekly duty and a retention period in days or years load.
	for _, variant := range []string{
		strings.Replace(good, `"months":12`, `"days":7`, 1),
		strings.Replace(good, `"inForce"`, `"retainFor":{"days":30},"inForce"`, 1),
		strings.Replace(good, `"inForce"`, `"retainFor":{"years":4},"inForce"`, 1),
	} {
		_, err := LoadCatalog(strings.NewReader(variant), nil)
		require.NoError(t, err, variant)
	}
	m, err := DefaultCatalog().Merge(c)
	require.NoError(t, err)
	assert.Equal(t, DefaultCatalog().Len()+1, m.Len())
	_, err = m.Merge(c)
	assert.ErrorIs(t, err, medsec.ErrInvalidData, "duplicate ID")
	// A key that another catalog uses with another format fails the merge.
	other, err := LoadCatalog(strings.NewReader(strings.Replace(strings.Replace(good, "X-LOCAL-DUTY", "X-OTHER-DUTY", 1),
		"Drill the plan", "Drill the plan twice", 1)), nil)
	require.NoError(t, err)
	_, err = c.Merge(other)
	var fes medsec.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, "/duties/1/title/format", fes[0].Path)
	assert.Equal(t, "key-format", fes[0].Rule)

	bad := map[string]string{
		"unknown field":               strings.Replace(good, `"party"`, `"bogus":1,"party"`, 1),
		"trailing data":               good + `{}`,
		"unknown article":             strings.Replace(good, "art. 25", "art. 999", 1),
		"unknown instr":               strings.Replace(good, "CN-CSL-2016 art. 25", "CN-NOPE-1", 1),
		"bad key":                     strings.Replace(good, "fn.drill.title", "Local.X", 1),
		"one-word key":                strings.Replace(good, "fn.drill.title", "drill", 1),
		"reserved key":                strings.Replace(good, "fn.drill.title", "obligations.status.met", 1),
		"key with two formats":        strings.Replace(good, "fn.drill.title", "obligations.role.security-admin", 1),
		"key of the registry":         strings.Replace(good, "fn.drill.title", "medsec.jurisdiction.CN", 1),
		"flag name's key":             strings.Replace(good, "fn.drill.title", "obligations.flag.cii", 1),
		"undeclared flag":             strings.Replace(good, `"scope":"institution"`, `"scope":"institution","flags":["no-such-flag"]`, 1),
		"undeclared role":             strings.Replace(good, `"party"`, `"roles":["no-such-role"],"party"`, 1),
		"undeclared event":            strings.Replace(good, `{"kind":"every","months":12}`, `{"kind":"within","trigger":"no-such-event","days":4}`, 1),
		"undeclared jurisdiction":     strings.Replace(good, `"jurisdiction":"CN"`, `"jurisdiction":"XA"`, 1),
		"scheme of another country":   strings.Replace(good, `"scope":"institution"`, `"scope":"institution","scheme":"vn-levels","minLevel":1`, 1),
		"scheme without levels":       strings.Replace(good, `"scope":"institution"`, `"scope":"institution","scheme":"eu-nis2"`, 1),
		"verb in format":              strings.Replace(good, "Drill the plan", "Drill %s", 1),
		"no confidence":               strings.Replace(good, `"confidence":"verified",`, "", 1),
		"unverified, no note":         strings.Replace(good, `"verified"`, `"unverified"`, 1),
		"bad recurrence":              strings.Replace(good, `"months":12`, `"workingDays":12`, 1),
		"every in months and days":    strings.Replace(good, `"months":12`, `"months":12,"days":3`, 1),
		"retention in hours":          strings.Replace(good, `"inForce"`, `"retainFor":{"hours":48},"inForce"`, 1),
		"retention in working days":   strings.Replace(good, `"inForce"`, `"retainFor":{"workingDays":5},"inForce"`, 1),
		"retention too long":          strings.Replace(good, `"inForce"`, `"retainFor":{"months":1201},"inForce"`, 1),
		"retention of zero months":    strings.Replace(good, `"inForce"`, `"retainFor":{"months":0},"inForce"`, 1),
		"retention in the old form":   strings.Replace(good, `"inForce"`, `"retainMonths":6,"inForce"`, 1),
		"hours (incident rules only)": strings.Replace(good, `{"kind":"every","months":12}`, `{"kind":"within","trigger":"grading","hours":4}`, 1),
		"incident rule missing":       strings.Replace(good, `{"kind":"every","months":12}`, `{"kind":"incident-rule"}`, 1),
		"system scope without scheme": strings.Replace(good, `"scope":"institution"`, `"scope":"system"`, 1),
		"level without scheme":        strings.Replace(good, `"scope":"institution"`, `"scope":"institution","minLevel":2`, 1),
		"bad id":                      strings.Replace(good, "X-LOCAL-DUTY", "x", 1),
		"too large":                   `{"duties":[` + strings.Repeat(" ", MaxCatalogSize) + `]}`,
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := LoadCatalog(strings.NewReader(in), nil)
			require.Error(t, err)
			assert.ErrorIs(t, err, medsec.ErrInvalidData)
			assert.True(t, strings.HasPrefix(err.Error(), "obligations: "), err.Error())
			checkErrorMessages(t, err)
		})
	}
}

func FuzzLoadCatalog(f *testing.F) {
	b, err := os.ReadFile("../law/cz/duties.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`{"duties":[]}`)
	f.Add(`{"duties":[{"id":"A-B","recurrence":{"kind":"within","trigger":"go-live","days":1}}]}`)
	f.Add(`{"duties":[{"id":"EU-NIS2-EARLY-WARNING-24H","party":"institution","description":{"key":"a.b","format":"c"},"applies":{"scope":"institution"},"recurrence":{"kind":"incident-rule"}}]}`)
	f.Add(`[]`)
	// A catalog of invalid duties costs about 800 bytes and 4 allocations
	// per input byte, one error per rule each duty breaks; the budget
	// allows that, but not growth faster than the input.
	budget := costtest.Budget{Bytes: 1 << 20, PerByte: 2048, Allocs: 5000, AllocsPerByte: 8}
	f.Fuzz(func(t *testing.T, s string) {
		var c *Catalog
		var err error
		costtest.Linear(t, len(s), budget, func() { c, err = LoadCatalog(strings.NewReader(s), nil) })
		if err != nil {
			if !errors.Is(err, medsec.ErrInvalidData) && !errors.Is(err, medsec.ErrInvalidInput) &&
				!errors.Is(err, medsec.ErrInvalidCitation) && !strings.HasPrefix(err.Error(), "obligations: ") {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		// A loaded catalog evaluates without panicking.
		p := hospitalCN(3)
		if _, err := c.GapReport(&p, nil, at()); err != nil {
			t.Fatal(err)
		}
	})
}

// TestEveryTemplateListed scans the package source for message keys and
// checks that MessageTemplates lists each of them.
func TestEveryTemplateListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	re := regexp.MustCompile(`Key: "(obligations\.[^"]+)"`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			_, ok := templateKeys[m[1]]
			assert.True(t, ok, "%s: key %s not listed by MessageTemplates", f, m[1])
		}
	}
	assert.Greater(t, n, 50)
}

// TestNoInstrumentLiterals: the engine names no legal fact (issue 13).
// The non-test Go code of the package holds no string literal naming an
// instrument, a duty or a rule of a jurisdiction: those are data.
func TestNoInstrumentLiterals(t *testing.T) {
	id := regexp.MustCompile(`(CN|VN|EU|CZ|ENISA)-[A-Z0-9-]+`)
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(node ast.Node) bool {
			if lit, ok := node.(*ast.BasicLit); ok && lit.Kind == token.STRING && id.MatchString(lit.Value) {
				t.Errorf("%s: literal %s names a legal fact; put it in a pack", fset.Position(lit.Pos()), lit.Value)
				n++
			}
			return true
		})
	}
	assert.Zero(t, n)
}
