package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// noEnv is an environment without locale variables.
func noEnv(string) string { return "" }

// runCmd runs the program and returns its status, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, noEnv, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/contractcheck -update to create it")
	assert.Equal(t, string(want), got)
}

// samples are the contracts of testdata that can be checked: clean,
// with findings, invalid.
var samples = []string{"testdata/clean-eu-cloud.json", "testdata/findings-cn-his.json",
	"testdata/findings-vn-lis.json", "testdata/invalid-cz-pacs.json"}

// TestGolden pins the output for the sample files in every language, and
// the JSON output in English and Czech.
func TestGolden(t *testing.T) {
	for _, loc := range i18n.Locales() {
		t.Run(loc.String(), func(t *testing.T) {
			status, out, errOut := runCmd(t, "", append([]string{"-asof", "2026-06-01", "-lang", loc.String()}, samples...)...)
			assert.Equal(t, cli.ExitFindings, status)
			assert.Empty(t, errOut)
			golden(t, loc.String()+".txt", out)
		})
	}
	for _, loc := range []i18n.Locale{i18n.EN, i18n.CS} {
		status, out, errOut := runCmd(t, "", append([]string{"-asof", "2026-06-01", "-json", "-lang", loc.String()}, samples...)...)
		assert.Equal(t, cli.ExitFindings, status)
		assert.Empty(t, errOut)
		golden(t, loc.String()+".json", out)
	}
}

// TestJSON: the JSON output is one document with a status per file, and
// a file that cannot be checked is in it too.
func TestJSON(t *testing.T) {
	status, out, errOut := runCmd(t, "", "-asof", "2026-06-01", "-json", "-lang", "vi",
		"testdata/clean-eu-cloud.json", "testdata/invalid-cz-pacs.json", "testdata/malformed.json")
	assert.Equal(t, cli.ExitTrouble, status)
	assert.Contains(t, errOut, "contractcheck: testdata/malformed.json: /vendor:")
	var doc struct {
		AsOf     string `json:"asOf"`
		Language string `json:"language"`
		Files    []struct {
			File, Status, Problem string
			Errors                []struct{ Path, Rule, Value, Message string }
		} `json:"files"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "2026-06-01", doc.AsOf)
	assert.Equal(t, "vi", doc.Language)
	require.Len(t, doc.Files, 3)
	assert.Equal(t, []string{"clean", "invalid", "unusable"}, []string{doc.Files[0].Status, doc.Files[1].Status, doc.Files[2].Status})
	assert.Equal(t, "/clauses/1/notifyWithinHours", doc.Files[1].Errors[0].Path)
	assert.NotContains(t, doc.Files[1].Errors[0].Message, "must be", "the messages are in Vietnamese")
	assert.Contains(t, doc.Files[2].Problem, "/vendor")
}

// TestExitStatusAndMessages: the exit status and what the program says on
// standard error, for each kind of success, finding and trouble.
func TestExitStatusAndMessages(t *testing.T) {
	clean := "testdata/clean-eu-cloud.json"
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	empty := write("empty.json", "")
	latin1 := write("latin1.json", "{\"id\": \"Krajsk\xe1\"}")
	binary := write("binary.json", "\x7fELF\x00\x00")
	trailing := write("trailing.json", `{} {}`)
	cleanData, err := os.ReadFile(clean)
	require.NoError(t, err)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stderr string // the whole of standard error, or "" for none
	}{
		{"clean", "", []string{"-asof", "2026-06-01", clean}, 0, ""},
		{"findings", "", []string{"-asof", "2026-06-01", "testdata/findings-cn-his.json"}, 1, ""},
		{"invalid contract", "", []string{"-asof", "2026-06-01", "testdata/invalid-cz-pacs.json"}, 1, ""},
		{"clean and findings", "", []string{"-asof", "2026-06-01", clean, "testdata/findings-vn-lis.json"}, 1, ""},
		{"stdin", string(cleanData), []string{"-asof", "2026-06-01", "-"}, 0, ""},
		{"stdin and a file", string(cleanData), []string{"-asof", "2026-06-01", "-", clean}, 0, ""},
		{"help", "", []string{"-h"}, 0, ""},
		{"help long", "", []string{"-help"}, 0, ""},
		{"malformed", "", []string{"testdata/malformed.json"}, 2,
			"contractcheck: testdata/malformed.json: /vendor: malformed JSON at line 1, column 71 (byte 70)\n"},
		{"trailing data", "", []string{trailing}, 2, "contractcheck: " + trailing + ": unexpected data after the JSON value at line 1, column 4 (byte 3); send one JSON value\n"},
		{"missing file", "", []string{"testdata/no-such-file.json"}, 2, "contractcheck: testdata/no-such-file.json: there is no such file\n"},
		{"missing file wins", "", []string{"-asof", "2026-06-01", "testdata/findings-cn-his.json", "testdata/no-such-file.json"}, 2,
			"contractcheck: testdata/no-such-file.json: there is no such file\n"},
		{"directory", "", []string{"testdata"}, 2, "contractcheck: testdata: this is a directory, not a file\n"},
		{"empty file", "", []string{empty}, 2, "contractcheck: " + empty + ": the file is empty\n"},
		{"empty stdin", "", []string{"-"}, 2, "contractcheck: -: the file is empty\n"},
		{"not UTF-8", "", []string{latin1}, 2,
			"contractcheck: " + latin1 + ": the file is not UTF-8 text (an invalid byte at line 1, column 15); save it as UTF-8\n"},
		{"binary", "", []string{binary}, 2, "contractcheck: " + binary + ": the file is binary, not text (a NUL byte at line 1, column 5)\n"},
		{"size limit", "", []string{"-max-bytes", "100", clean}, 2, "contractcheck: " + clean + ": the file is larger than the limit of 100 bytes\n"},
		{"no files", "", nil, 2, "contractcheck: give at least one file, or - to read standard input\n"},
		{"stdin twice", "", []string{"-", "-"}, 2, "contractcheck: \"-\" (standard input) is given 2 times; give it once\n"},
		{"unknown flag", "", []string{"-nope", clean}, 2,
			"contractcheck: flag provided but not defined: -nope\nusage: contractcheck " + command.Synopsis + "\nRun 'contractcheck -h' for help.\n"},
		{"unsupported language", "", []string{"-lang", "de", clean}, 2,
			"contractcheck: -lang: \"de\" names no language this program speaks (use one of en, cs, vi, zh-Hans, zh-Hant)\nusage: contractcheck " + command.Synopsis + "\nRun 'contractcheck -h' for help.\n"},
		{"malformed language", "", []string{"-lang", "xx-invalid-", clean}, 2, ""},
		{"bad date", "", []string{"-asof", "2026-13-01", clean}, 2, "contractcheck: -asof: “2026-13-01”: there is no month 13\n"},
		{"bad date form", "", []string{"-asof", "1.6.2026", clean}, 2, "contractcheck: -asof: “1.6.2026” is not a date of the form YYYY-MM-DD\n"},
		{"bad max-bytes", "", []string{"-max-bytes", "0", clean}, 2, "contractcheck: -max-bytes: give a positive number of bytes\n"},
		{"error in Czech", "", []string{"-lang", "cs", "testdata/no-such-file.json"}, 2, "contractcheck: testdata/no-such-file.json: takový soubor neexistuje\n"},
		{"error in Chinese", "", []string{"-lang", "zh-TW", empty}, 2, "contractcheck: " + empty + ": 檔案是空的\n"},
		{"date error in Vietnamese", "", []string{"-lang", "vi", "-asof", "2026-02-30", clean}, 2, "contractcheck: -asof: “2026-02-30”: tháng này không có ngày 30\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.status, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			switch {
			case tt.stderr != "":
				assert.Equal(t, tt.stderr, errOut)
			case status != cli.ExitTrouble:
				assert.Empty(t, errOut)
			default:
				assert.True(t, strings.HasPrefix(errOut, "contractcheck: "), errOut)
			}
		})
	}
}

// TestFlagWithoutValue: a flag without its value is a usage error.
func TestFlagWithoutValue(t *testing.T) {
	status, _, errOut := runCmd(t, "", "-lang")
	assert.Equal(t, cli.ExitTrouble, status)
	assert.Equal(t, "contractcheck: flag needs an argument: -lang\nusage: contractcheck "+command.Synopsis+"\nRun 'contractcheck -h' for help.\n", errOut)
}

// TestUsage: -h prints the synopsis, every flag and the exit statuses on
// standard output.
func TestUsage(t *testing.T) {
	_, out, _ := runCmd(t, "", "-h")
	assert.True(t, strings.HasPrefix(out, "usage: contractcheck [-lang tag]"), out)
	for _, want := range []string{"-lang", "-asof", "-json", "-max-bytes", "Exit status:", "  0  every contract", "  1  some contract", "  2  bad usage"} {
		assert.Contains(t, out, want)
	}
}

// TestLanguageFromEnvironment: without -lang the language comes from
// $LANG.
func TestLanguageFromEnvironment(t *testing.T) {
	var out bytes.Buffer
	env := func(k string) string {
		if k == "LANG" {
			return "cs_CZ.UTF-8"
		}
		return ""
	}
	run([]string{"-asof", "2026-06-01", "testdata/clean-eu-cloud.json"}, env, strings.NewReader(""), &out, &bytes.Buffer{})
	assert.Contains(t, out.String(), "nálezy: 0 (pravidla platná ke dni 1. 6. 2026)")
}

// TestNoEnglishInOtherLanguages: in every other language the output has
// none of the program's English labels, severities or confidences.
func TestNoEnglishInOtherLanguages(t *testing.T) {
	english := []string{"findings:", "errors:", "[error]", "[required]", "[recommended]", "(verified)", "(partly verified)", "(unverified)",
		"rules as of", "must ", "high"}
	for _, loc := range i18n.Locales() {
		if loc == i18n.EN {
			continue
		}
		_, out, _ := runCmd(t, "", append([]string{"-asof", "2026-06-01", "-lang", loc.String()}, samples...)...)
		for _, w := range english {
			assert.NotContains(t, out, w, "%s output", loc)
		}
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
