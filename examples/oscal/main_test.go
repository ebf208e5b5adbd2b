package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/internal/oscaltest"
	"github.com/medsec-go/medsec/oscal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, now, &out, &errs)
	return code, out.String(), errs.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/oscal -update to create it")
	assert.Equal(t, string(want), string(got))
}

// TestSamples writes the documents of the sample hospitals and checks
// them: what the program says it wrote and the Czech hospital's results
// are pinned byte for byte; every file validates against NIST's schema
// (where it is at hand) and meets OSCAL's rules as a set.
func TestSamples(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runArgs(t, "-out", dir, "-asof", "2026-11-22")
	require.Equal(t, 0, code, errs)
	golden(t, "stdout.txt", []byte(out))
	cz, err := os.ReadFile(filepath.Join(dir, "CZ-KN-1-assessment-results.json"))
	require.NoError(t, err)
	golden(t, "CZ-KN-1-assessment-results.json", cz)

	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	sort.Strings(files)
	assert.Len(t, files, 5+14+1+3+3)
	var docs []*oscaltest.Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		if oscaltest.Available() {
			assert.NoError(t, oscaltest.Validate(t, b), filepath.Base(f))
		}
		d, err := oscaltest.Parse(filepath.Base(f), b)
		require.NoError(t, err)
		docs = append(docs, d)
	}
	for _, p := range oscaltest.Rules(docs, oscal.Namespace) {
		t.Error(p)
	}

	// The same run gives the same bytes.
	again := t.TempDir()
	code, _, errs = runArgs(t, "-out", again, "-asof", "2026-11-22")
	require.Equal(t, 0, code, errs)
	for _, f := range files {
		a, _ := os.ReadFile(f)
		b, _ := os.ReadFile(filepath.Join(again, filepath.Base(f)))
		assert.True(t, bytes.Equal(a, b), filepath.Base(f))
	}
}

// TestOptions: another language, no crediting, your own file.
func TestOptions(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runArgs(t, "-out", dir, "-asof", "2026-11-22", "-lang", "vi", "-credit=false", "testdata/cz-regional-hospital.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "wrote CZ-KN-1-poam.json")
	assert.NotContains(t, out, "CN-PROV-1")
	b, err := os.ReadFile(filepath.Join(dir, "CZ-KN-1-assessment-results.json"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"value": "vi"`)
	assert.NotContains(t, string(b), "via-mapping")
	cat, err := os.ReadFile(filepath.Join(dir, "eu-catalog.json"))
	require.NoError(t, err)
	assert.Contains(t, string(cat), "Xử lý sự cố", "the duties' titles are in Vietnamese")
}

// TestBadInput: bad flags and bad files exit with status 2 and say where.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-asof", "2026-11-22"}, "-out is required"},
		{[]string{"-out", dir, "-asof", "22.11.2026"}, "-asof"},
		{[]string{"-out", dir, "-lang", "xx"}, "-lang"},
		{[]string{"-out", dir, "-asof", "2026-11-22", "testdata/bad/unknown-duty.json"}, "/evidence/0/duty"},
		{[]string{"-out", dir, "-asof", "2026-11-22", "testdata/bad/unknown-field.json"}, "/systems/0/Name"},
		{[]string{"-out", dir, "testdata/no-such-file.json"}, "no-such-file.json"},
		{[]string{"-nonsense"}, "-nonsense"},
	}
	for _, tt := range tests {
		code, _, errs := runArgs(t, tt.args...)
		assert.Equal(t, 2, code, tt.args)
		assert.Contains(t, errs, tt.want, tt.args)
	}
}

// TestSamplesAreTheHospitalExamples: the embedded samples are copies of
// the hospital example's (an embedded file must live below the program's
// folder); when that example's samples change, copy them here.
func TestSamplesAreTheHospitalExamples(t *testing.T) {
	for _, f := range sampleFiles {
		mine, err := os.ReadFile(f)
		require.NoError(t, err)
		theirs, err := os.ReadFile(filepath.Join("..", "hospital", f))
		if os.IsNotExist(err) {
			t.Skipf("%s is not in the hospital example", f)
		}
		require.NoError(t, err)
		assert.True(t, bytes.Equal(mine, theirs), "%s differs from examples/hospital/%s: copy it", f, f)
	}
	_ = strings.TrimSpace
}
