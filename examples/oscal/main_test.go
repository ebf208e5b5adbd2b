package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/oscaltest"
	"github.com/medsec-go/medsec/oscal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// noEnv is an environment without locale variables.
func noEnv(string) string { return "" }

var now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, noEnv, now, strings.NewReader(""), &out, &errs)
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
	require.Equal(t, cli.ExitFindings, code, errs)
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
	require.Equal(t, cli.ExitFindings, code, errs)
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
	require.Equal(t, cli.ExitFindings, code, errs)
	assert.Contains(t, out, "đã ghi CZ-KN-1-poam.json")
	assert.NotContains(t, out, "CN-PROV-1")
	b, err := os.ReadFile(filepath.Join(dir, "CZ-KN-1-assessment-results.json"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"value": "vi"`)
	assert.NotContains(t, string(b), "via-mapping")
	cat, err := os.ReadFile(filepath.Join(dir, "eu-catalog.json"))
	require.NoError(t, err)
	assert.Contains(t, string(cat), "Xử lý sự cố", "the duties' titles are in Vietnamese")
}

// TestExitStatusAndMessages: the exit status and what the program says on
// standard error, for each kind of success, finding and trouble.
func TestExitStatusAndMessages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	cz := "testdata/cz-regional-hospital.json"
	czData, err := os.ReadFile(cz)
	require.NoError(t, err)
	// A Czech institution with nothing to do: no systems, no NIS2 or
	// Czech grading input.
	clean := write("clean.json", `{"institution": {"id": "CZ-CLEAN", "name": "Ordinace", "jurisdictions": ["CZ"], "type": "primary-care"}, "systems": []}`)
	empty := write("empty.json", "")
	latin1 := write("latin1.json", "{\"institution\": {\"name\": \"Krajsk\xe1\"}}")
	binary := write("binary.json", "\x7fELF\x00\x00")
	readOnly := filepath.Join(dir, "read-only")
	require.NoError(t, os.Mkdir(readOnly, 0o555))
	out := func() string { return t.TempDir() }
	usage := "\nusage: oscal " + command.Synopsis + "\nRun 'oscal -h' for help.\n"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stderr string // the whole of standard error, or "" for none
	}{
		{"samples", "", []string{"-out", out(), "-asof", "2026-11-22"}, 1, ""},
		{"one file", "", []string{"-out", out(), "-asof", "2026-11-22", cz}, 1, ""},
		{"nothing to plan", "", []string{"-out", out(), "-asof", "2026-11-22", clean}, 0, ""},
		{"stdin", string(czData), []string{"-out", out(), "-asof", "2026-11-22", "-"}, 1, ""},
		{"stdin and a file", string(czData), []string{"-out", out(), "-asof", "2026-11-22", clean, "-"}, 1, ""},
		{"json", "", []string{"-out", out(), "-asof", "2026-11-22", "-json", clean}, 0, ""},
		{"help", "", []string{"-h"}, 0, ""},
		{"help long", "", []string{"-help"}, 0, ""},
		{"no -out", "", []string{"-asof", "2026-11-22"}, 2, "oscal: -out is required: give the folder to write the documents to\n"},
		{"no -out in Czech", "", []string{"-lang", "cs"}, 2, "oscal: -out je povinný: zadejte složku, do které se dokumenty zapíší\n"},
		{"unknown flag", "", []string{"-nonsense"}, 2, "oscal: flag provided but not defined: -nonsense" + usage},
		{"flag without value", "", []string{"-out"}, 2, "oscal: flag needs an argument: -out" + usage},
		{"unsupported language", "", []string{"-out", out(), "-lang", "xx"}, 2,
			"oscal: -lang: \"xx\" names no language this program speaks (use one of en, cs, vi, zh-Hans, zh-Hant)" + usage},
		{"date form", "", []string{"-out", out(), "-asof", "22.11.2026"}, 2, "oscal: -asof: “22.11.2026” is not a date of the form YYYY-MM-DD\n"},
		{"no such day", "", []string{"-out", out(), "-asof", "2026-02-30"}, 2, "oscal: -asof: “2026-02-30”: that month has no day 30\n"},
		{"date in Vietnamese", "", []string{"-out", out(), "-lang", "vi", "-asof", "2026-02-30"}, 2, "oscal: -asof: “2026-02-30”: tháng này không có ngày 30\n"},
		{"bad max-bytes", "", []string{"-out", out(), "-max-bytes", "0"}, 2, "oscal: -max-bytes: give a positive number of bytes\n"},
		{"size limit", "", []string{"-out", out(), "-max-bytes", "100", cz}, 2, "oscal: " + cz + ": the file is larger than the limit of 100 bytes\n"},
		{"stdin twice", "", []string{"-out", out(), "-", "-"}, 2, "oscal: \"-\" (standard input) is given 2 times; give it once\n"},
		{"missing file", "", []string{"-out", out(), "testdata/no-such-file.json"}, 2, "oscal: testdata/no-such-file.json: there is no such file\n"},
		{"missing file in Chinese", "", []string{"-out", out(), "-lang", "zh-TW", "testdata/no-such-file.json"}, 2, "oscal: testdata/no-such-file.json: 檔案不存在\n"},
		{"directory", "", []string{"-out", out(), "testdata"}, 2, "oscal: testdata: this is a directory, not a file\n"},
		{"empty file", "", []string{"-out", out(), empty}, 2, "oscal: " + empty + ": the file is empty\n"},
		{"empty stdin", "", []string{"-out", out(), "-"}, 2, "oscal: -: the file is empty\n"},
		{"not UTF-8", "", []string{"-out", out(), latin1}, 2,
			"oscal: " + latin1 + ": the file is not UTF-8 text (an invalid byte at line 1, column 33); save it as UTF-8\n"},
		{"binary", "", []string{"-out", out(), binary}, 2, "oscal: " + binary + ": the file is binary, not text (a NUL byte at line 1, column 5)\n"},
		{"unknown duty", "", []string{"-out", out(), "-asof", "2026-11-22", "testdata/bad/unknown-duty.json"}, 2,
			"oscal: testdata/bad/unknown-duty.json: /evidence/0/duty: no duty has the ID “CZ-NO-SUCH-DUTY”; check it against the catalog\n"},
		{"unknown field", "", []string{"-out", out(), "-asof", "2026-11-22", "testdata/bad/unknown-field.json"}, 2,
			"oscal: testdata/bad/unknown-field.json: /systems/0/Name: unknown field “Name”; did you mean “name”?\n"},
		{"bad and good files", "", []string{"-out", out(), "-asof", "2026-11-22", cz, "testdata/bad/unknown-field.json", "testdata/no-such-file.json"}, 2,
			"oscal: testdata/bad/unknown-field.json: /systems/0/Name: unknown field “Name”; did you mean “name”?\n" +
				"oscal: testdata/no-such-file.json: there is no such file\n"},
		{"output is a file", "", []string{"-out", cz, "-asof", "2026-11-22"}, 2, "oscal: " + cz + ": the output cannot be written: not a directory\n"},
	}
	if os.Geteuid() != 0 {
		tests = append(tests, struct {
			name   string
			stdin  string
			args   []string
			status int
			stderr string
		}{"output not writable", "", []string{"-out", readOnly, "-asof", "2026-11-22"}, 2,
			"oscal: " + filepath.Join(readOnly, "cn-catalog.json") + ": the output cannot be written: permission denied\n"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tt.args, noEnv, now, strings.NewReader(tt.stdin), &stdout, &stderr)
			assert.Equal(t, tt.status, status, "stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			assert.Equal(t, tt.stderr, stderr.String())
		})
	}
}

// TestBadInputWritesNothing: every file is judged before any document is
// written.
func TestBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runArgs(t, "-out", dir, "-asof", "2026-11-22", "testdata/cz-regional-hospital.json", "testdata/bad/unknown-duty.json")
	assert.Equal(t, cli.ExitTrouble, code)
	assert.Empty(t, out)
	files, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, files)
}

// TestJSON: -json lists the documents written and skipped as one JSON
// document, with the reason of a skip in the language of the output.
func TestJSON(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(t.TempDir(), "clean.json")
	require.NoError(t, os.WriteFile(clean, []byte(`{"institution": {"id": "CZ-CLEAN", "name": "Ordinace", "jurisdictions": ["CZ"], "type": "primary-care"}, "systems": []}`), 0o644))
	code, out, errs := runArgs(t, "-out", dir, "-asof", "2026-11-22", "-json", "-lang", "cs", "testdata/cz-regional-hospital.json", clean)
	require.Equal(t, cli.ExitFindings, code, errs)
	var doc struct {
		AsOf     string `json:"asOf"`
		Language string `json:"language"`
		Folder   string `json:"folder"`
		Files    []struct {
			File   string `json:"file"`
			Status string `json:"status"`
			Bytes  int    `json:"bytes"`
			Reason string `json:"reason"`
		} `json:"files"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "2026-11-22", doc.AsOf)
	assert.Equal(t, "cs", doc.Language)
	assert.Equal(t, dir, doc.Folder)
	require.Len(t, doc.Files, 5+14+1+2+2)
	for _, f := range doc.Files[:len(doc.Files)-1] {
		assert.Equal(t, "written", f.Status, f.File)
		st, err := os.Stat(filepath.Join(dir, f.File))
		require.NoError(t, err)
		assert.Equal(t, int64(f.Bytes), st.Size(), f.File)
	}
	last := doc.Files[len(doc.Files)-1]
	assert.Equal(t, "CZ-CLEAN-poam.json", last.File)
	assert.Equal(t, "skipped", last.Status)
	assert.Equal(t, "vynecháno: CZ-CLEAN-poam.json – nic není po termínu ani bez dokladu, není tedy co plánovat", last.Reason)
}

// TestUsage: -h prints the synopsis, every flag and the exit statuses on
// standard output.
func TestUsage(t *testing.T) {
	code, out, errs := runArgs(t, "-h")
	assert.Equal(t, cli.ExitClean, code)
	assert.Empty(t, errs)
	assert.True(t, strings.HasPrefix(out, "usage: oscal -out DIR"), out)
	for _, want := range []string{"-out folder", "-asof day", "-lang language", "-credit", "-json", "-max-bytes bytes",
		"Exit status:", "  0  every document", "  1  every document", "  2  bad usage"} {
		assert.Contains(t, out, want)
	}
}

// TestLanguageFromEnvironment: without -lang the language comes from
// $LANG.
func TestLanguageFromEnvironment(t *testing.T) {
	var out bytes.Buffer
	env := func(k string) string {
		if k == "LANG" {
			return "vi_VN.UTF-8"
		}
		return ""
	}
	code := run([]string{"-out", t.TempDir(), "-asof", "2026-11-22", "testdata/cz-regional-hospital.json"}, env, now, strings.NewReader(""), &out, &bytes.Buffer{})
	assert.Equal(t, cli.ExitFindings, code)
	assert.Contains(t, out.String(), "đã ghi CZ-KN-1-poam.json")
}

// TestNoEnglishInOtherLanguages: in every other language what the
// program prints has none of its English words.
func TestNoEnglishInOtherLanguages(t *testing.T) {
	clean := filepath.Join(t.TempDir(), "clean.json")
	require.NoError(t, os.WriteFile(clean, []byte(`{"institution": {"id": "CZ-CLEAN", "name": "Ordinace", "jurisdictions": ["CZ"], "type": "primary-care"}, "systems": []}`), 0o644))
	english := []string{"wrote", "bytes", "skipped", "nothing", "overdue", "evidence", "plan"}
	for _, loc := range i18n.Locales() {
		if loc == i18n.EN {
			continue
		}
		code, out, errs := runArgs(t, "-out", t.TempDir(), "-asof", "2026-11-22", "-lang", loc.String(), "testdata/cz-regional-hospital.json", clean)
		require.Equal(t, cli.ExitFindings, code, errs)
		require.Contains(t, out, "CZ-CLEAN-poam.json", "the skip is printed")
		for _, w := range english {
			assert.NotContains(t, out, w, "%s output", loc)
		}
		_, _, errs = runArgs(t, "-lang", loc.String())
		assert.NotContains(t, errs, "required", "%s error", loc)
	}
}

func TestOwnMessagesAreTranslated(t *testing.T) {
	cat, err := cli.Catalog(localeFiles)
	require.NoError(t, err)
	for _, p := range cat.Check(messageTemplates()) {
		if p.Kind != i18n.Unused {
			t.Error(p)
		}
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
