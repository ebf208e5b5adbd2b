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

	"github.com/medsec-go/medsec/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const data = "../../assist/testdata/"

var samples = []string{data + "offers.json", data + "needs.json", data + "committee.json"}

// runCmd runs the program and returns its status, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, func(string) string { return "" }, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden files")
	assert.Equal(t, string(want), got)
}

// TestGolden pins the output for the sample files.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"matching.en.txt", []string{"-asof", "2026-03-20"}, 1},
		{"matching.cs.txt", []string{"-asof", "2026-03-20", "-lang", "cs"}, 1},
		{"matching.zh-Hant.txt", []string{"-asof", "2026-03-20", "-lang", "zh-TW"}, 1},
		{"matching.zh-Hans.txt", []string{"-asof", "2026-03-20", "-lang", "zh-Hans"}, 1},
		{"matching.vi.txt", []string{"-asof", "2026-03-20", "-lang", "vi"}, 1},
		{"matching.vi.json", []string{"-asof", "2026-03-20", "-lang", "vi", "-json"}, 1},
		{"catalogue.cs.html", []string{"-asof", "2026-03-20", "-lang", "cs", "-notice", "catalogue", "-format", "html"}, 0},
		{"announcement.en.md", []string{"-asof", "2026-03-20", "-notice", "announcement", "-format", "markdown"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, "", append(tt.args, samples...)...)
			assert.Equal(t, tt.want, status, errOut)
			assert.Empty(t, errOut)
			golden(t, tt.name, out)
		})
	}
}

// TestJSON: the JSON output is valid JSON with every text in the language.
func TestJSON(t *testing.T) {
	_, out, _ := runCmd(t, "", append([]string{"-asof", "2026-03-20", "-json", "-lang", "cs"}, samples...)...)
	var r struct {
		AsOf        string `json:"asOf"`
		Language    string `json:"language"`
		Assignments []struct {
			ServiceName string   `json:"serviceName"`
			Reasons     []string `json:"reasons"`
		} `json:"assignments"`
		Unmatched []any `json:"unmatched"`
		Unused    []any `json:"unused"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "2026-03-20", r.AsOf)
	assert.Equal(t, "cs", r.Language)
	assert.Equal(t, "reakce na kybernetické incidenty", r.Assignments[0].ServiceName)
	assert.Contains(t, r.Assignments[0].Reasons[0], "Požadavek N-001")
	assert.NotEmpty(t, r.Unmatched)
	assert.NotEmpty(t, r.Unused)
}

// TestExitCodes: 0 clean, 1 unmatched requests, 2 bad input or usage,
// each with what the program says on standard error.
func TestExitCodes(t *testing.T) {
	inv := data + "invalid/"
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	usage := "usage: helpmatch " + command.Synopsis + "\nRun 'helpmatch -h' for help.\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  int
		err   string // in standard error; for status 2, its first line
	}{
		{"help", "", []string{"-h"}, 0, ""},
		{"unmatched", "", append([]string{"-asof", "2026-03-20"}, samples...), 1, ""},
		{"clean", "", []string{"-asof", "2026-03-20", data + "offers.json"}, 0, ""},
		{"notice", "", append([]string{"-asof", "2026-03-20", "-notice", "catalogue"}, samples...), 0, ""},
		{"stdin", `{"needs": [{"id": "N-1", "provider": {"id": "P", "name": "H", "type": "hospital", "region": "CZ-64"}, "situation": "under-attack", "reported": "2026-03-13", "requests": [{"service": "forensics", "personDays": 2}], "modes": ["remote"], "contact": {"email": "a@example.cz"}}]}`,
			[]string{"-asof", "2026-03-20", data + "offers.json", "-"}, 0, ""},
		{"no files", "", nil, 2, "helpmatch: give at least one file, or - to read standard input"},
		{"stdin twice", "", []string{"-", "-"}, 2, `helpmatch: "-" (standard input) is given 2 times; give it once`},
		{"bad flag", "", []string{"-nope", data + "offers.json"}, 2, "helpmatch: flag provided but not defined: -nope\n" + usage},
		{"bad language", "", []string{"-lang", "de", data + "offers.json"}, 2, `helpmatch: -lang: "de" names no language this program speaks`},
		{"bad date", "", []string{"-asof", "2026-13-01", data + "offers.json"}, 2, "helpmatch: -asof: “2026-13-01”: there is no month 13"},
		{"bad notice", "", []string{"-notice", "leaflet", data + "offers.json"}, 2, "helpmatch: -notice: “leaflet” is not catalogue or announcement"},
		{"bad format", "", []string{"-format", "pdf", data + "offers.json"}, 2, "helpmatch: -format: “pdf” is not text, markdown or html"},
		{"json and notice", "", []string{"-json", "-notice", "catalogue", data + "offers.json"}, 2, "helpmatch: -json and -notice exclude each other; give one of them"},
		{"bad max-bytes", "", []string{"-max-bytes", "-1", data + "offers.json"}, 2, "helpmatch: -max-bytes: give a positive number of bytes"},
		{"notice without committee", "", []string{"-asof", "2026-03-20", "-notice", "catalogue", data + "offers.json"}, 2, "helpmatch: -notice needs a committee file"},
		{"missing file", "", []string{data + "nope.json"}, 2, "helpmatch: " + data + "nope.json: there is no such file"},
		{"directory", "", []string{data}, 2, "helpmatch: " + data + ": this is a directory, not a file"},
		{"empty file", "", []string{empty}, 2, "helpmatch: " + empty + ": the file is empty"},
		{"invalid file", "", []string{inv + "bad-email.json"}, 2, "helpmatch: " + inv + "bad-email.json: /offers/0/offerer/contact/email:"},
		{"latin-1", "", []string{inv + "latin1.json"}, 2, "helpmatch: " + inv + "latin1.json: the file is not UTF-8 text (an invalid byte at line"},
		{"size limit", "", []string{"-max-bytes", "100", data + "offers.json"}, 2, "helpmatch: " + data + "offers.json: the file is larger than the limit of 100 bytes"},
		{"duplicate across files", "", []string{"-asof", "2026-03-20", data + "offers.json", data + "offers.json"}, 2, "offers.json: /offers/0/id:"},
		{"two committees", "", []string{data + "committee.json", data + "committee.json"}, 2, "helpmatch: " + data + "committee.json: a second committee file; give one"},
		{"stdin not JSON", "not json", []string{"-"}, 2, "helpmatch: -: malformed JSON at line 1, column 1 (byte 0)"},
		{"empty stdin", "", []string{"-"}, 2, "helpmatch: -: the file is empty"},
		{"error in Czech", "", []string{"-lang", "cs", empty}, 2, "helpmatch: " + empty + ": soubor je prázdný"},
		{"usage error in Vietnamese", "", []string{"-lang", "vi", "-format", "pdf", data + "offers.json"}, 2, "helpmatch: -format: “pdf” không phải là text, markdown hoặc html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.want, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			if tt.err != "" {
				assert.Contains(t, errOut, tt.err)
			}
			if status != 2 {
				assert.Empty(t, errOut)
			} else {
				assert.True(t, strings.HasPrefix(errOut, "helpmatch: "), errOut)
			}
			if tt.name == "help" {
				for _, want := range []string{"usage: helpmatch", "-lang", "-asof", "-json", "-notice", "-format", "-max-bytes", "Exit status:", "  1  some request found no offer"} {
					assert.Contains(t, out, want)
				}
			}
		})
	}
}

// TestErrorsInLanguage: errors in data come in the chosen language.
func TestErrorsInLanguage(t *testing.T) {
	_, _, errOut := runCmd(t, "", "-lang", "cs", data+"invalid/bad-email.json")
	assert.Contains(t, errOut, "není e-mailová adresa ve tvaru")
	_, _, errOut = runCmd(t, "", "-lang", "zh-Hant", data+"invalid/unknown-field.json")
	assert.Contains(t, errOut, "未知欄位 「colour」")
}

// TestOwnMessagesAreTranslated: every message of the program and of
// package cli has a translation in every locale.
func TestOwnMessagesAreTranslated(t *testing.T) {
	cat, err := catalog()
	require.NoError(t, err)
	for _, p := range cat.Check(messageTemplates()) {
		if p.Kind == i18n.Unused {
			continue // medsec's own keys
		}
		t.Error(p)
	}
}
