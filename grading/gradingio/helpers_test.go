package gradingio

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

var update = flag.Bool("update", false, "rewrite the schema files in schema/")

// dayNow is the day the sample inputs grade on.
var dayNow = medsec.NewDate(2026, 11, 22)

// TestMessageTemplates: the package's templates are sorted, each key once,
// in the namespace of package grading; those it shares with package
// grading have grading's format, so that one translation serves both; the
// others are its own.
func TestMessageTemplates(t *testing.T) {
	ts := MessageTemplates()
	require.NotEmpty(t, ts)
	assert.True(t, slices.IsSortedFunc(ts, func(a, b medsec.MessageTemplate) int { return strings.Compare(a.Key, b.Key) }))
	theirs := map[string]string{}
	for _, m := range grading.MessageTemplates() {
		theirs[m.Key] = m.Format
	}
	seen := map[string]bool{}
	for _, m := range ts {
		assert.False(t, seen[m.Key], "duplicate key %s", m.Key)
		seen[m.Key] = true
		assert.True(t, strings.HasPrefix(m.Key, "grading."), m.Key)
		if f, ok := theirs[m.Key]; ok {
			assert.Equal(t, f, m.Format, "%s differs from package grading's", m.Key)
		} else {
			assert.True(t, strings.HasPrefix(m.Key, "grading.csv."), "%s: a message of the package's own is one of the CSV reader", m.Key)
		}
	}
	for _, m := range []medsec.MessageTemplate{msgRequired, msgInvalid, msgSystemTwice, msgHintID} {
		assert.Contains(t, theirs, m.Key, "a shared message is package grading's")
	}
}
