package oscal

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec/obligations"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// ownMappings is a small mappings file of a user's own.
const ownMappings = `{
 "id": "example-group", "version": "2026-11-22", "author": "Example Hospital Group", "status": "not-complete",
 "method": "hybrid", "matchingRationale": "functional", "description": "The group's own reading, for its Czech and EU audits.",
 "sets": [{
  "id": "group-cz-eu", "title": "Czech posts to NIS2 measures", "description": "Posts whose work evidences a NIS2 measure in part.",
  "source": "cz", "target": "eu",
  "mappings": [
   {"source": "CZ-409-CYBER-MANAGER", "target": "EU-NIS2-21-2-A", "relationship": "intersects-with",
    "rationale": "The manager keeps the security policies.", "confidence": "partial"}
  ],
  "unmappedSource": [{"id": "CZ-409-CYBER-ARCHITECT", "reason": "No NIS2 counterpart."}]
 }, {
  "id": "group-enisa-eu", "title": "ENISA practice to NIS2", "description": "One practice.", "source": "enisa", "target": "eu",
  "mappings": [
   {"source": "ENISA-PROC-2020 art. GP-14", "target": "EU-NIS2-21-2-D", "relationship": "subset-of",
    "rationale": "Supplier criteria are part of supply-chain security.", "confidence": "partial",
    "crosswalk": "Example crosswalk 2026 (fictitious, for the test)"}
  ]
 }]
}`

// TestGolden pins the bytes of a few documents: a baseline, the results
// and plan of action of the Czech hospital (with credit through the
// mappings), and a user's own mapping collection. Run with -update after a
// deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	h := hospitals()[2]
	r := h.report(t)
	own, err := obligations.LoadMappings(strings.NewReader(ownMappings), nil)
	require.NoError(t, err)
	docs := map[string][]byte{
		"eu-nis2-important-profile.json": write(t, func(b *bytes.Buffer) error { return WriteProfile(b, Baselines()[11], Options{}) }),
		"cz-assessment-results.json":     write(t, func(b *bytes.Buffer) error { return WriteAssessmentResults(b, r, &h.profile, h.at, Options{}) }),
		"cz-poam.json":                   write(t, func(b *bytes.Buffer) error { return WritePOAM(b, r, &h.profile, h.at, Options{}) }),
		"example-group-mappings.json":    write(t, func(b *bytes.Buffer) error { return WriteMappingCollection(b, own, "example-group", Options{}) }),
	}
	for name, got := range docs {
		path := filepath.Join("testdata", "golden", name)
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -run TestGolden -update to create it")
		if !bytes.Equal(want, got) {
			t.Errorf("%s differs from the golden file; run go test -run TestGolden -update and read the diff", name)
		}
	}
}
