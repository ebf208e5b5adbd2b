package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/obligations"
)

var now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, now, &out, &errOut)
	return status, out.String(), errOut.String()
}

// TestReports: one line per institution, each a gap report that decodes;
// the same bytes whatever the number of workers; a summary on stderr.
func TestReports(t *testing.T) {
	status, out, errOut := runCmd(t, "-n", "25", "-asof", "2026-11-22", "-workers", "1")
	require.Equal(t, cli.ExitClean, status, errOut)
	assert.Contains(t, errOut, "25 institutions of 5 systems")
	assert.Contains(t, errOut, "heap in use at most")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 25)
	c := obligations.DefaultCatalog()
	items := 0
	for i, l := range lines {
		r, err := c.DecodeReport(strings.NewReader(l))
		require.NoError(t, err)
		assert.Equal(t, "CN-"+pad(i), r.Institution)
		assert.Equal(t, "2026-11-22", r.AsOf.String())
		assert.NotZero(t, r.Total(obligations.StatusMet), "the generated evidence counts")
		items += len(r.Items)
	}
	assert.Contains(t, errOut, strconv.Itoa(items)+" items")
	for _, w := range []string{"2", "7"} {
		status, again, errOut := runCmd(t, "-n", "25", "-asof", "2026-11-22", "-workers", w)
		require.Equal(t, cli.ExitClean, status, errOut)
		assert.Equal(t, out, again, "workers %s", w)
	}

	// -totals counts the same items.
	status, totals, errOut := runCmd(t, "-n", "25", "-asof", "2026-11-22", "-totals")
	require.Equal(t, cli.ExitClean, status, errOut)
	sc := bufio.NewScanner(strings.NewReader(totals))
	sum := 0
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if n, err := strconv.Atoi(f[len(f)-1]); err == nil && len(f) == 2 {
			sum += n
		}
	}
	assert.Equal(t, items, sum)
	assert.True(t, strings.HasPrefix(totals, "25 institutions as of 2026-11-22\n"), totals)

	// -o writes a file.
	path := filepath.Join(t.TempDir(), "reports.jsonl")
	status, stdout, errOut := runCmd(t, "-n", "25", "-asof", "2026-11-22", "-o", path)
	require.Equal(t, cli.ExitClean, status, errOut)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, out, string(b))
}

func pad(i int) string {
	s := strconv.Itoa(i)
	return strings.Repeat("0", 7-len(s)) + s
}

// TestExitStatusAndMessages: the exit status and what the program says on
// standard error, for each kind of success and trouble.
func TestExitStatusAndMessages(t *testing.T) {
	missingDir := filepath.Join(t.TempDir(), "no", "such", "dir")
	usage := "\nusage: national " + command.Synopsis + "\nRun 'national -h' for help.\n"
	tests := []struct {
		name   string
		args   []string
		status int
		stdout bool   // whether something is printed on standard output
		stderr string // the whole of standard error, or "" for a summary line
	}{
		{"reports", []string{"-n", "3", "-asof", "2026-11-22"}, 0, true, ""},
		{"no institutions", []string{"-n", "0", "-asof", "2026-11-22"}, 0, false, ""},
		{"totals", []string{"-n", "3", "-asof", "2026-11-22", "-totals"}, 0, true, "-"},
		{"totals as JSON", []string{"-n", "3", "-asof", "2026-11-22", "-totals", "-json"}, 0, true, "-"},
		{"-json without -totals", []string{"-n", "3", "-asof", "2026-11-22", "-json"}, 0, true, ""},
		{"help", []string{"-h"}, 0, true, "-"},
		{"help long", []string{"-help"}, 0, true, "-"},
		{"unknown flag", []string{"-nope"}, 2, false, "national: flag provided but not defined: -nope" + usage},
		{"flag without value", []string{"-n"}, 2, false, "national: flag needs an argument: -n" + usage},
		{"not a number", []string{"-n", "many"}, 2, false, "national: invalid value \"many\" for flag -n: parse error" + usage},
		{"-lang is not a flag", []string{"-lang", "cs"}, 2, false, "national: flag provided but not defined: -lang" + usage},
		{"argument", []string{"institutions.json"}, 2, false, "national: unexpected argument “institutions.json”: this program reads no files\n"},
		{"stdin", []string{"-"}, 2, false, "national: unexpected argument “-”: this program reads no files\n"},
		{"negative -n", []string{"-n", "-1"}, 2, false, "national: -n -1: give a number of institutions, 0 or more\n"},
		{"no systems", []string{"-systems", "0"}, 2, false, "national: -systems 0: give 1 to 100 systems\n"},
		{"too many systems", []string{"-systems", "101"}, 2, false, "national: -systems 101: give 1 to 100 systems\n"},
		{"no workers", []string{"-workers", "0"}, 2, false, "national: -workers 0: give 1 to 256 workers\n"},
		{"too many workers", []string{"-workers", "300"}, 2, false, "national: -workers 300: give 1 to 256 workers\n"},
		{"date form", []string{"-asof", "31.1.2026"}, 2, false, "national: -asof: “31.1.2026” is not a date of the form YYYY-MM-DD\n"},
		{"no such month", []string{"-asof", "2026-13-01"}, 2, false, "national: -asof: “2026-13-01”: there is no month 13\n"},
		{"no such day", []string{"-asof", "2026-02-30"}, 2, false, "national: -asof: “2026-02-30”: that month has no day 30\n"},
		{"output folder missing", []string{"-n", "1", "-o", missingDir}, 2, false,
			"national: " + missingDir + ": the output cannot be written: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.args...)
			assert.Equal(t, tt.status, status, "stdout:\n%s\nstderr:\n%s", out, errOut)
			assert.Equal(t, tt.stdout, out != "", "stdout:\n%s", out)
			switch tt.stderr {
			case "":
				assert.True(t, strings.HasPrefix(errOut, "national: ") && strings.Contains(errOut, " institutions of "), errOut)
				assert.Equal(t, 1, strings.Count(errOut, "\n"), errOut)
			case "-":
				assert.Empty(t, errOut)
			default:
				assert.Equal(t, tt.stderr, errOut)
			}
		})
	}
}

// TestUsage: -h prints the synopsis, every flag and the exit statuses on
// standard output.
func TestUsage(t *testing.T) {
	_, out, _ := runCmd(t, "-h")
	assert.True(t, strings.HasPrefix(out, "usage: national [-n count]"), out)
	for _, want := range []string{"-n institutions", "-systems", "-workers", "-asof day", "-o file", "-totals", "-json",
		"Exit status:", "  0  the reports", "  1  (not used)", "  2  bad usage"} {
		assert.Contains(t, out, want)
	}
}

// TestTotalsJSON: -totals -json prints the same totals as -totals, as one
// JSON object.
func TestTotalsJSON(t *testing.T) {
	_, text, _ := runCmd(t, "-n", "7", "-asof", "2026-11-22", "-totals")
	status, out, errOut := runCmd(t, "-n", "7", "-asof", "2026-11-22", "-totals", "-json")
	require.Equal(t, cli.ExitClean, status, errOut)
	var doc struct {
		Institutions int            `json:"institutions"`
		AsOf         string         `json:"asOf"`
		Totals       map[string]int `json:"totals"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, 7, doc.Institutions)
	assert.Equal(t, "2026-11-22", doc.AsOf)
	require.Len(t, doc.Totals, 6)
	for s, n := range doc.Totals {
		assert.Regexp(t, "(?m)^"+s+" +"+strconv.Itoa(n)+"$", text, s)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestOutputError(t *testing.T) {
	var errOut bytes.Buffer
	status := run([]string{"-n", "100", "-asof", "2026-11-22"}, now, failing{}, &errOut)
	assert.Equal(t, cli.ExitTrouble, status)
	assert.Equal(t, "national: the output cannot be written: obligations: writing JSON Lines: disk full\n", errOut.String())
	errOut.Reset()
	status = run([]string{"-n", "3", "-asof", "2026-11-22", "-totals"}, now, failing{}, &errOut)
	assert.Equal(t, cli.ExitTrouble, status)
	assert.Equal(t, "national: the output cannot be written: disk full\n", errOut.String())
}
