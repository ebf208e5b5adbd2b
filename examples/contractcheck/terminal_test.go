package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/rendertest"
)

// TestFieldErrorIsTerminalSafe: a field error's path, value and message
// come from the contract file; each prints on one line with control
// characters escaped (review F5c: an unknown key "\x1b[2J\x1b[31mPWNED"
// cleared the screen).
func TestFieldErrorIsTerminalSafe(t *testing.T) {
	for _, p := range rendertest.UnsafePayloads {
		var out bytes.Buffer
		pr := &printer{l: i18n.NewLocalizer(i18n.EN), stdout: &out}
		pr.text(&jsonFile{File: "f.json", Status: "invalid", status: cli.ExitFindings,
			Errors: []jsonError{{Path: "/" + p, Rule: "unknown", Value: p, Message: "bad " + p}}}, medsec.NewDate(2026, 6, 1))
		if problem := rendertest.CheckText(out.String()); problem != "" {
			t.Fatalf("%q: %s", p, problem)
		}
		assert.Equal(t, 4, rendertest.Lines(out.String()), "%q: %s", p, out.String())
	}
}

// TestHostileContractFile runs the program on a contract whose unknown
// key and file name carry terminal escapes and line breaks.
func TestHostileContractFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\x1b[31m\nFORGED.json")
	require.NoError(t, os.WriteFile(name, []byte(`{"\u001b[2J\u001b[31mPWNED\nFORGED": 1, "id": "\u202e"}`), 0o644))
	var out, errOut bytes.Buffer
	code := run([]string{name, filepath.Join(dir, "missing\x1b[2J.json")}, noEnv, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, cli.ExitTrouble, code)
	for what, s := range map[string]string{"stdout": out.String(), "stderr": errOut.String()} {
		if problem := rendertest.CheckText(s); problem != "" {
			t.Fatalf("%s: %s\n%s", what, problem, s)
		}
	}
	assert.Contains(t, out.String(), `evil\x1b[31m\nFORGED.json`)
	assert.Contains(t, errOut.String(), `missing\x1b[2J.json`)
	assert.False(t, strings.Contains(out.String(), "\nFORGED"), out.String())
}
