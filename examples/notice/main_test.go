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

func noEnv(string) string { return "" }

// runCmd runs the program and returns its status, stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, noEnv, &out, &errOut)
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
	require.NoError(t, err, "run go test ./examples/notice -update to create it")
	assert.Equal(t, string(want), got)
}

// TestGolden pins, in every language, the holiday dispatch and the NIS2
// early warning as text, and the holiday dispatch as JSON in Czech.
func TestGolden(t *testing.T) {
	for _, loc := range i18n.Locales() {
		for _, kind := range []string{"holiday", "nis2-early-warning"} {
			name := kind + "." + loc.String() + ".txt"
			t.Run(name, func(t *testing.T) {
				status, out, errOut := runCmd(t, "-kind", kind, "-lang", loc.String())
				assert.Equal(t, cli.ExitClean, status)
				assert.Empty(t, errOut)
				golden(t, name, out)
			})
		}
	}
	status, out, errOut := runCmd(t, "-kind", "holiday", "-lang", "cs", "-json")
	assert.Equal(t, cli.ExitClean, status, errOut)
	golden(t, "holiday.cs.json", out)
}

func TestContent(t *testing.T) {
	_, out, _ := runCmd(t, "-kind", "holiday", "-lang", "vi")
	for _, want := range []string{"Số: 15/SYT-VP", "Thanh Hóa, ngày 09 tháng 02 năm 2026", "KT. GIÁM ĐỐC", "- Lưu: VT, VP.", "Công an tỉnh"} {
		assert.Contains(t, out, want)
	}
	_, out, _ = runCmd(t, "-kind", "holiday", "-lang", "vi", "-date", "2024-04-25")
	assert.Contains(t, out, "Sở Thông tin và Truyền thông", "a dispatch dated before 2025-03-01 names the Department of Information and Communications")
	for _, kind := range kinds {
		for _, lang := range []string{"en", "zh-CN", "zh-TW", "vi", "cs"} {
			for _, format := range []string{"text", "markdown", "html"} {
				status, out, errOut := runCmd(t, "-kind", string(kind), "-lang", lang, "-format", format)
				assert.Equal(t, cli.ExitClean, status, "%s %s %s: %s", kind, lang, format, errOut)
				assert.NotEmpty(t, out)
			}
		}
	}
}

func TestJSON(t *testing.T) {
	_, out, _ := runCmd(t, "-kind", "cn-report", "-lang", "zh-Hant", "-format", "html", "-json")
	var doc map[string]string
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "cn-report", doc["kind"])
	assert.Equal(t, "zh-Hant", doc["language"])
	assert.Equal(t, "html", doc["format"])
	assert.Contains(t, doc["notice"], "<")
}

// TestExitStatusAndMessages: the exit status and what the program says on
// standard error.
func TestExitStatusAndMessages(t *testing.T) {
	usage := "usage: notice " + command.Synopsis + "\nRun 'notice -h' for help.\n"
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"default", nil, 0, ""},
		{"help", []string{"-h"}, 0, ""},
		{"help long", []string{"-help"}, 0, ""},
		{"unknown kind", []string{"-kind", "nope"}, 2,
			"notice: -kind: “nope” is not a notice kind; use one of holiday, circular, announcement, nis2-early-warning, nis2-notification, nis2-final-report, vn-initial-report, cn-report\n"},
		{"unknown kind in Czech", []string{"-kind", "nope", "-lang", "cs"}, 2,
			"notice: -kind: „nope“ není druh oznámení; použijte jeden z těchto: holiday, circular, announcement, nis2-early-warning, nis2-notification, nis2-final-report, vn-initial-report, cn-report\n"},
		{"unknown format", []string{"-format", "pdf"}, 2, "notice: -format: “pdf” is not text, markdown or html\n"},
		{"unknown format in Vietnamese", []string{"-format", "pdf", "-lang", "vi"}, 2, "notice: -format: “pdf” không phải là text, markdown hoặc html\n"},
		{"bad date", []string{"-date", "2026-02-30"}, 2, "notice: -date: “2026-02-30”: that month has no day 30\n"},
		{"bad date in Chinese", []string{"-date", "9.2.2026", "-lang", "zh-Hans"}, 2, "notice: -date：“9.2.2026” 不是 YYYY-MM-DD 格式的日期\n"},
		{"positional argument", []string{"-kind", "holiday", "extra.json"}, 2, "notice: unexpected argument “extra.json”: this program reads no files\n"},
		{"positional argument in Taiwan Chinese", []string{"-lang", "zh-TW", "x"}, 2, "notice: 多餘的參數 「x」：本程式不讀取檔案\n"},
		{"unknown language", []string{"-lang", "xx"}, 2,
			"notice: -lang: \"xx\" names no language this program speaks (use one of en, cs, vi, zh-Hans, zh-Hant)\n" + usage},
		{"unknown flag", []string{"-nope"}, 2, "notice: flag provided but not defined: -nope\n" + usage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.args...)
			assert.Equal(t, tt.status, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.Equal(t, tt.stderr, errOut)
			if status != 0 {
				assert.Empty(t, out)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	_, out, _ := runCmd(t, "-h")
	assert.True(t, strings.HasPrefix(out, "usage: notice [-kind kind]"), out)
	for _, want := range []string{"-kind", "-lang", "-format", "-date", "-json", "Exit status:", "  0  the notice was printed", "  2  bad usage"} {
		assert.Contains(t, out, want)
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
