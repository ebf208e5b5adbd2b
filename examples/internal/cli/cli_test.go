package cli

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/i18n"
)

func catalog(t *testing.T) *i18n.Catalog {
	t.Helper()
	c, err := Catalog(fstest.MapFS{})
	require.NoError(t, err)
	return c
}

// TestMessagesAreTranslated: every message of the package has a
// translation in every locale, with the same placeholders.
func TestMessagesAreTranslated(t *testing.T) {
	for _, p := range catalog(t).Check(MessageTemplates()) {
		if p.Kind != i18n.Unused {
			t.Error(p)
		}
	}
}

func TestLocale(t *testing.T) {
	c := catalog(t)
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want i18n.Locale
		err  string
	}{
		{"", nil, i18n.EN, ""},
		{"", map[string]string{"LANG": "C.UTF-8"}, i18n.EN, ""},
		{"", map[string]string{"LANG": "POSIX"}, i18n.EN, ""},
		{"", map[string]string{"LANG": "vi_VN.UTF-8"}, i18n.VI, ""},
		{"", map[string]string{"LANG": "cs_CZ.UTF-8@euro"}, i18n.CS, ""},
		{"", map[string]string{"LANG": "zh_TW.UTF-8"}, i18n.ZhHant, ""},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, i18n.ZhHans, ""},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, i18n.EN, ""},
		{"", map[string]string{"LANG": "cs_CZ.UTF-8", "LC_MESSAGES": "vi_VN"}, i18n.VI, ""},
		{"", map[string]string{"LANG": "cs_CZ.UTF-8", "LC_MESSAGES": "vi_VN", "LC_ALL": "zh_CN"}, i18n.ZhHans, ""},
		{"cs", map[string]string{"LANG": "vi_VN.UTF-8"}, i18n.CS, ""},
		{"zh-TW", nil, i18n.ZhHant, ""},
		{"en-GB", nil, i18n.EN, ""},
		{"de-DE, vi;q=0.8", nil, i18n.VI, ""},
		{"xx", nil, "", `-lang: "xx" names no language this program speaks (use one of en, cs, vi, zh-Hans, zh-Hant)`},
		{"de", map[string]string{"LANG": "cs_CZ"}, "", `"de" names no language`},
		{"not a tag!", nil, "", "names no language"},
	}
	for _, tt := range tests {
		got, err := Locale(c, tt.flag, env(tt.env))
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, "flag %q env %v", tt.flag, tt.env)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "flag %q env %v", tt.flag, tt.env)
	}
}

// TestReadFile: each kind of unusable input gets its own message, in the
// user's language.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	unreadable := write("secret.json", []byte(`{}`))
	require.NoError(t, os.Chmod(unreadable, 0))
	tests := []struct {
		name  string
		file  string
		stdin string
		limit int64
		en    string
		cs    string
	}{
		{"good", write("good.json", []byte(`{"a": "ž"}`)), "", 100, "", ""},
		{"stdin", Stdin, `{"b": 1}`, 100, "", ""},
		{"missing", filepath.Join(dir, "nope.json"), "", 100, "there is no such file", "takový soubor neexistuje"},
		{"directory", dir, "", 100, "this is a directory, not a file", "toto je adresář, ne soubor"},
		{"empty", write("empty.json", nil), "", 100, "the file is empty", "soubor je prázdný"},
		{"blank", write("blank.json", []byte(" \n\t\n")), "", 100, "the file is empty", "soubor je prázdný"},
		{"empty stdin", Stdin, "", 100, "the file is empty", "soubor je prázdný"},
		{"too large", write("large.json", []byte(`{"a": "0123456789"}`)), "", 10, "the file is larger than the limit of 10 bytes", "soubor je větší než limit 10 bajtů"},
		{"latin-1", write("latin1.json", []byte("{\n  \"name\": \"Krajsk\xe1 nemocnice\"\n}")), "", 100,
			"the file is not UTF-8 text (an invalid byte at line 2, column 18); save it as UTF-8", "soubor není text v kódování UTF-8 (neplatný bajt na řádku 2, ve sloupci 18); uložte jej v UTF-8"},
		{"binary", write("binary.json", []byte("\x7fELF\x02\x01\x01\x00\x00")), "", 100,
			"the file is binary, not text (a NUL byte at line 1, column 8)", "soubor je binární, ne textový (bajt NUL na řádku 1, ve sloupci 8)"},
		{"utf-16", write("utf16.json", []byte("\xff\xfe{\x00}\x00")), "", 100, "the file is UTF-16 text; save it as UTF-8", "soubor je text v kódování UTF-16; uložte jej v UTF-8"},
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		tests = append(tests, struct {
			name, file, stdin string
			limit             int64
			en, cs            string
		}{"permission", unreadable, "", 100, "you may not read this file (permission denied)", "k tomuto souboru nemáte právo čtení"})
	}
	c := catalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadFile(tt.file, strings.NewReader(tt.stdin), tt.limit)
			if tt.en == "" {
				require.NoError(t, err)
				assert.NotEmpty(t, data)
				return
			}
			var e *Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, tt.en, c.Localizer(i18n.EN).Format(e.Message))
			assert.Equal(t, tt.cs, c.Localizer(i18n.CS).Format(e.Message))
		})
	}
}

func TestParseDate(t *testing.T) {
	c := catalog(t)
	d, err := ParseDate("-asof", "2026-02-28")
	require.NoError(t, err)
	assert.Equal(t, "2026-02-28", d.String())
	for in, want := range map[string]string{
		"31.1.2026":  `-asof: “31.1.2026” is not a date of the form YYYY-MM-DD`,
		"2026-13-01": `-asof: “2026-13-01”: there is no month 13`,
		"2026-02-30": `-asof: “2026-02-30”: that month has no day 30`,
	} {
		_, err := ParseDate("-asof", in)
		var e *Error
		require.True(t, errors.As(err, &e), in)
		assert.Equal(t, want, c.Localizer(i18n.EN).Format(e.Message))
	}
	_, err = ParseDate("-asof", "2026-13-01")
	assert.Equal(t, `-asof: „2026-13-01“: měsíc 13 neexistuje`, c.Localizer(i18n.CS).Format(err.(*Error).Message))
}

// TestUsage: -h prints the synopsis, the flags and the exit statuses to
// stdout and succeeds; a bad flag is an error on stderr with the synopsis.
func TestUsage(t *testing.T) {
	cmd := &Command{Name: "prog", Synopsis: "[-x] file ...", About: "Prog does things.", Status: [3]string{"clean", "findings", "trouble"}}
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}} {
		fs := cmd.NewFlagSet()
		fs.Bool("x", false, "the x flag")
		var out, errOut bytes.Buffer
		status, ok := cmd.Parse(fs, args, &out, &errOut)
		assert.Equal(t, ExitClean, status)
		assert.False(t, ok)
		assert.Empty(t, errOut.String())
		assert.Equal(t, "usage: prog [-x] file ...\n\nProg does things.\n\nFlags:\n  -x\tthe x flag\n\nExit status:\n  0  clean\n  1  findings\n  2  trouble\n", out.String())
	}
	fs := cmd.NewFlagSet()
	var out, errOut bytes.Buffer
	status, ok := cmd.Parse(fs, []string{"-nope"}, &out, &errOut)
	assert.Equal(t, ExitTrouble, status)
	assert.False(t, ok)
	assert.Empty(t, out.String())
	assert.Equal(t, "prog: flag provided but not defined: -nope\nusage: prog [-x] file ...\nRun 'prog -h' for help.\n", errOut.String())

	fs = cmd.NewFlagSet()
	fs.String("lang", "", "")
	status, ok = cmd.Parse(fs, []string{"-lang"}, &out, &errOut)
	assert.Equal(t, ExitTrouble, status)
	assert.False(t, ok)
	_ = flag.ErrHelp
}

func TestPrinter(t *testing.T) {
	var b bytes.Buffer
	p := &Printer{Name: "prog", L: catalog(t).Localizer(i18n.ZhHant), Stderr: &b}
	p.Err("a\nb.json", &Error{Message: msgEmpty.New()})
	p.Err("", NoFiles())
	assert.Equal(t, "prog: a\\nb.json: 檔案是空的\nprog: 請至少指定一個檔案，或用 - 讀取標準輸入\n", b.String())
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "Zařazení": 8, "Tiếng Việt": 10, "等级": 4, "資料，": 6, "ｆｕｌｌ": 8, "a中b": 4} {
		assert.Equal(t, want, Width(s), s)
	}
	assert.Equal(t, "等级  |", Pad("等级", 6)+"|")
	assert.Equal(t, "toolong", Pad("toolong", 3))
}

func TestStdinOnce(t *testing.T) {
	assert.NoError(t, CheckStdin([]string{"a", "-", "b"}))
	err := CheckStdin([]string{"-", "a", "-"})
	require.Error(t, err)
	assert.Equal(t, `"-" (standard input) is given 2 times; give it once`, err.Error())
}
