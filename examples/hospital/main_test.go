package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func runArgs(t *testing.T, env string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, env, now, &out, &errs)
	return code, out.String(), errs.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/hospital -update to create it")
	assert.Equal(t, string(want), got)
}

// The sample run in every language is pinned byte for byte.
func TestGoldenText(t *testing.T) {
	for _, loc := range i18n.Locales() {
		t.Run(loc.String(), func(t *testing.T) {
			code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-lang", loc.String())
			require.Equal(t, 0, code, errs)
			golden(t, loc.String()+".txt", out)
		})
	}
}

func TestGoldenJSON(t *testing.T) {
	code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-json")
	require.Equal(t, 0, code, errs)
	golden(t, "en.json", out)

	var doc Output
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	require.Len(t, doc.Institutions, 3)
	assert.Equal(t, "2026-11-22", doc.AsOf)
	assert.Equal(t, "en", doc.Language)
}

// What the issue asks the sample to show, checked on the data, not on
// the wording.
func TestSampleShowsTheWholeFlow(t *testing.T) {
	_, out, _ := runArgs(t, "", "-asof", "2026-11-22", "-json")
	var doc Output
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	cn := doc.Institutions[0]

	levels := map[string]string{}
	for _, g := range cn.Grades {
		levels[g.Subject] = g.Grade
		assert.NotEmpty(t, g.Reasons, g.Subject)
		assert.NotEmpty(t, g.Citations, g.Subject)
	}
	assert.Len(t, levels, 6, "six systems graded")
	for _, s := range []string{"HIS", "EMR", "PACS", "LIS", "PORTAL"} {
		assert.Contains(t, levels[s], "level 3", s)
	}
	assert.Contains(t, levels["WIFI"], "level 1")

	var overdueTest bool
	for _, d := range cn.Duties {
		if d.Duty == "CN-MLPS-TEST-L3" && d.System == "HIS" {
			overdueTest = d.Status == "overdue"
		}
	}
	assert.True(t, overdueTest, "the HIS MLPS test is overdue")

	var sod bool
	for _, r := range cn.Roles {
		sod = sod || r.Rule == "CN-ROLE-DEDICATED-SECADMIN-L3" && r.Person == "P010"
	}
	assert.True(t, sod, "the separation-of-duties conflict is found")

	require.Len(t, cn.Contracts, 2)
	required := func(c ContractView) (n int) {
		for _, f := range c.Findings {
			if f.Severity == "required" {
				n++
			}
		}
		return n
	}
	assert.Zero(t, required(cn.Contracts[0]), "the good contract has every required clause")
	var rules []string
	for _, f := range cn.Contracts[1].Findings {
		if f.Severity == "required" {
			rules = append(rules, f.Message)
		}
	}
	assert.Contains(t, strings.Join(rules, "\n"), "liability for breach")
	assert.Contains(t, strings.Join(rules, "\n"), "security obligations")

	vn := doc.Institutions[1]
	assert.Contains(t, vn.Notice, "15/SYT-VP")
	cz := doc.Institutions[2]
	assert.Contains(t, cz.Grades[0].Grade, "essential")
	assert.Contains(t, cz.Grades[1].Grade, "higher")
}

func TestLanguageChoice(t *testing.T) {
	tests := []struct {
		flag, env string
		want      i18n.Locale
	}{
		{"", "", i18n.EN},
		{"", "C", i18n.EN},
		{"", "vi_VN.UTF-8", i18n.VI},
		{"", "cs_CZ.UTF-8@euro", i18n.CS},
		{"", "zh_TW.UTF-8", i18n.ZhHant},
		{"", "zh_CN.UTF-8", i18n.ZhHans},
		{"cs", "vi_VN.UTF-8", i18n.CS},
		{"de-DE, vi;q=0.8", "", i18n.VI},
		{"xx", "", i18n.EN},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, pickLocale(tt.flag, tt.env), "flag %q env %q", tt.flag, tt.env)
	}
	_, out, _ := runArgs(t, "vi_VN.UTF-8", "-asof", "2026-11-22")
	assert.Contains(t, out, "ngày", "LANG picks Vietnamese")
}

func TestOwnMessagesAreTranslated(t *testing.T) {
	cat, err := catalog()
	require.NoError(t, err)
	// Check also reports medsec's own keys as unused by this set; only the
	// program's keys concern this test.
	var ours []string
	for _, p := range cat.Check(messageTemplates()) {
		if strings.HasPrefix(p.Key, "hospital.") {
			ours = append(ours, p.String())
		}
	}
	assert.Empty(t, ours)
}

func TestDefaultAsOfIsNow(t *testing.T) {
	_, out, _ := runArgs(t, "", "-json")
	assert.Contains(t, out, `"asOf": "2026-11-22"`)
}

// Bad input names the file, the JSON Pointer of the field and the rule,
// and exits 2.
func TestBadInput(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"unknown-field.json", []string{"/systems/0/mlps", `unknown field "harm"`}},
		{"bad-harm.json", []string{"/systems/0/mlps", "catastrophic"}},
		{"missing-harm.json", []string{"/systems/0/mlps", "/service/nation"}},
		{"bad-date.json", []string{"/evidence/0", "2026-13-01"}},
		{"unknown-duty.json", []string{"/evidence/0/duty", "CN-NO-SUCH-DUTY"}},
		{"undecodable-contract.json", []string{"/contracts/0", "website"}},
		{"trailing.json", []string{"data after"}},
		{"no-institution.json", []string{"/institution", "required"}},
		{"institution-systems.json", []string{"/institution/systems", "top-level"}},
		{"undeclared-flag.json", []string{"undeclared-flag.json: /systems/0/flags/0:", "no-such-flag"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file)
			code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-in", path)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, "hospital: "+path)
			for _, w := range tt.want {
				assert.Contains(t, errs, w)
			}
		})
	}
}

// TestHostileInput pins review findings F7 and F12: a shadow institution
// under a key in another letter case, a duplicate key, invalid UTF-8,
// control characters and a byte order mark are errors with the JSON
// Pointer of the field, exit status 2.
func TestHostileInput(t *testing.T) {
	sample, err := os.ReadFile("testdata/cn-provincial-hospital.json")
	require.NoError(t, err)
	doc := strings.TrimSpace(string(sample))
	inst := `"institution": {`
	require.Contains(t, doc, inst)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"shadow institution", strings.TrimSuffix(doc, "}") + `, "Institution": {"id": "SHADOW", "name": "Shadow", "jurisdictions": ["CN"], "type": "hospital"}}`,
			[]string{"/Institution", "differs from another key of this object only in letter case"}},
		{"duplicate key", strings.Replace(doc, inst, `"institution": {"id": "SHADOW"}, `+inst, 1), []string{"/institution", "appears more than once"}},
		{"invalid UTF-8", strings.Replace(doc, inst, inst+"\"principal\": \"P\xff\", ", 1), []string{"/institution/principal", "not valid UTF-8"}},
		{"NUL", strings.Replace(doc, inst, inst+`"principal": "P\u0000", `, 1), []string{"/institution/principal", "U+0000"}},
		{"ESC", strings.Replace(doc, inst, inst+`"principal": "\u001b[31mP", `, 1), []string{"/institution/principal", "U+001B"}},
		{"BOM", "\xEF\xBB\xBF" + doc, []string{"byte order mark"}},
		{"null", strings.Replace(doc, inst, `"holidayDispatch": null, `+inst, 1), []string{"/holidayDispatch", "null is not allowed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.json")
			require.NoError(t, os.WriteFile(path, []byte(tt.in), 0o644))
			code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-in", path)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			for _, w := range tt.want {
				assert.Contains(t, errs, w)
			}
			assert.NotContains(t, errs, "\x1b", "the error is printable")
		})
	}
}

// A contract that decodes but breaks validation rules is not bad input: it
// is what the check is for, so it is listed with its paths.
func TestInvalidContractIsReported(t *testing.T) {
	code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-in", "testdata/invalid-contract.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "/contracts/0/clauses/3/notifyWithinHours")
}

func TestBadFlags(t *testing.T) {
	code, _, errs := runArgs(t, "", "-asof", "31.1.2026")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "hospital: -asof:")
	code, _, _ = runArgs(t, "", "-in", "testdata/no-such-file.json")
	assert.Equal(t, 2, code)
	code, _, errs = runArgs(t, "", "stray")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "unexpected argument")
}

// Each sample given with -in runs like the embedded one.
func TestSamplesRunWithIn(t *testing.T) {
	for _, f := range sampleFiles {
		code, out, errs := runArgs(t, "", "-asof", "2026-11-22", "-in", f)
		assert.Equal(t, 0, code, errs)
		assert.NotEmpty(t, out)
	}
}
