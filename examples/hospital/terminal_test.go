package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
	"github.com/medsec-go/medsec/internal/rendertest"
	"github.com/stretchr/testify/require"
)

// fillStrings sets every string in v, a pointer to a struct, to s: the
// fields of the output that come from the input file or from a
// translation. The notice is left alone: it is rendered text of several
// lines, escaped by package i18n.
func fillStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Pointer:
		fillStrings(v.Elem(), s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Name != "Notice" {
				fillStrings(v.Field(i), s)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			fillStrings(v.Index(i), s)
		}
	case reflect.String:
		v.SetString(s)
	}
}

// sampleOutput is the program's result for the embedded samples.
func sampleOutput(t *testing.T, loc i18n.Locale) *Output {
	t.Helper()
	inputs, ok := readInputs(nil, nil, maxInputSize, &cli.Printer{Name: "hospital", L: i18n.NewLocalizer(loc), Stderr: io.Discard})
	require.True(t, ok)
	out := &Output{}
	for _, in := range inputs {
		v, err := evaluate(in.file, in.input, now, i18n.NewLocalizer(loc), loc)
		require.NoError(t, err)
		out.Institutions = append(out.Institutions, *v)
	}
	return out
}

// TestTextOutputIsTerminalSafe: whatever text the input or a translation
// puts into the output — names, IDs, references, reasons, contract paths
// and messages — the text output has the same lines as with a plain word
// and no character that forges a line or drives the terminal (review
// F5b: a name with "\x1b[31m…\nhospital: FORGED LINE").
func TestTextOutputIsTerminalSafe(t *testing.T) {
	payloads := append(append([]string{}, rendertest.UnsafePayloads...), rendertest.Payloads...)
	payloads = append(payloads, "\x1b[31mMetro\nhospital: FORGED LINE")
	for _, loc := range []i18n.Locale{i18n.EN, i18n.VI} {
		base := sampleOutput(t, loc)
		fillStrings(reflect.ValueOf(base), "Word")
		var want bytes.Buffer
		require.NoError(t, writeText(&want, base, i18n.NewLocalizer(loc), medsec.DateOf(now)))
		for _, p := range payloads {
			out := sampleOutput(t, loc)
			fillStrings(reflect.ValueOf(out), p)
			var got bytes.Buffer
			require.NoError(t, writeText(&got, out, i18n.NewLocalizer(loc), medsec.DateOf(now)))
			if problem := rendertest.CheckText(got.String()); problem != "" {
				t.Fatalf("%q: %s", p, problem)
			}
			if g, w := rendertest.Lines(got.String()), rendertest.Lines(want.String()); g != w {
				t.Fatalf("%q: %d lines, want %d:\n%s", p, g, w, got.String())
			}
			if i := escape.Index(p); i >= 0 && !strings.Contains(got.String(), escape.Char(p[i:])) {
				t.Fatalf("%q: the escape %s is not shown", p, escape.Char(p[i:]))
			}
		}
	}
}

// TestHostileInputFile runs the program on input files whose names and
// IDs carry terminal escapes and line breaks. Whether the input is
// rejected or evaluated, neither stdout nor stderr holds a raw control
// character.
func TestHostileInputFile(t *testing.T) {
	src, err := os.ReadFile("testdata/cn-provincial-hospital.json")
	require.NoError(t, err)
	dir := t.TempDir()
	for i, p := range []string{`\u001b[31mRED\nhospital: FORGED LINE`, `\u001b]8;;https://evil.example\u001b\\link`, `\u202eevil`, `x\r\u0085y`} {
		doc := strings.Replace(string(src), `"name": "`, `"name": "`+p, 1)
		doc = strings.Replace(doc, `"id": "`, `"id": "`+p, 1)
		require.NotEqual(t, string(src), doc)
		file := filepath.Join(dir, "in"+string(rune('a'+i))+".json")
		require.NoError(t, os.WriteFile(file, []byte(doc), 0o644))
		for _, args := range [][]string{{"-in", file}, {"-in", file, "-lang", "cs"}} {
			_, stdout, stderr := runArgs(t, "", append([]string{"-asof", "2026-11-22"}, args...)...)
			for name, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
				if problem := rendertest.CheckText(s); problem != "" {
					t.Fatalf("%s with %s: %s\n%s", name, p, problem, s)
				}
			}
		}
	}
}
