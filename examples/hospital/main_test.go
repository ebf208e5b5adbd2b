package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunListsInstrumentsOnTheBoundary(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 0, run([]string{"-asof", "2025-10-31"}, &out, &errs))
	assert.Contains(t, out.String(), "CZ-ZKB-181-2014")
	assert.NotContains(t, out.String(), "CZ-ZKB-264-2025")

	out.Reset()
	assert.Equal(t, 0, run([]string{"-asof", "2025-11-01"}, &out, &errs))
	assert.NotContains(t, out.String(), "CZ-ZKB-181-2014")
	assert.Contains(t, out.String(), "CZ-ZKB-264-2025 ")
}

func TestRunRejectsBadDate(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"-asof", "31.1.2026"}, &out, &errs))
	assert.True(t, strings.HasPrefix(errs.String(), "hospital: -asof:"), errs.String())
	assert.Empty(t, out.String())
}
