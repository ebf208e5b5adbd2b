package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	require.Equal(t, exitOK, status, errOut)
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
		require.Equal(t, exitOK, status, errOut)
		assert.Equal(t, out, again, "workers %s", w)
	}

	// -totals counts the same items.
	status, totals, errOut := runCmd(t, "-n", "25", "-asof", "2026-11-22", "-totals")
	require.Equal(t, exitOK, status, errOut)
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
	require.Equal(t, exitOK, status, errOut)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, out, string(b))
}

func pad(i int) string {
	s := strconv.Itoa(i)
	return strings.Repeat("0", 7-len(s)) + s
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-n", "-1"}, {"-systems", "0"}, {"-systems", "101"}, {"-workers", "0"}, {"-workers", "300"},
		{"-asof", "31.1.2026"}, {"extra"}, {"-nope"},
	} {
		status, out, errOut := runCmd(t, args...)
		assert.Equal(t, exitUsage, status, "%v", args)
		assert.Empty(t, out)
		assert.NotEmpty(t, errOut)
	}
	status, _, errOut := runCmd(t, "-h")
	assert.Equal(t, exitOK, status)
	assert.Contains(t, errOut, "usage: national")
	status, out, _ := runCmd(t, "-n", "0", "-asof", "2026-11-22")
	assert.Equal(t, exitOK, status)
	assert.Empty(t, out)
	status, _, errOut = runCmd(t, "-n", "1", "-o", filepath.Join(t.TempDir(), "no", "such", "dir"))
	assert.Equal(t, exitOutput, status)
	assert.NotEmpty(t, errOut)
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestOutputError(t *testing.T) {
	var errOut bytes.Buffer
	status := run([]string{"-n", "100", "-asof", "2026-11-22"}, now, failing{}, &errOut)
	assert.Equal(t, exitOutput, status)
	assert.Contains(t, errOut.String(), "disk full")
	status = run([]string{"-n", "3", "-asof", "2026-11-22", "-totals"}, now, failing{}, &errOut)
	assert.Equal(t, exitOutput, status)
}
