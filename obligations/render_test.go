package obligations

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func goldenReport(t testing.TB) *Report {
	p := hospitalCN(grading.MLPS3)
	p.Institution.Systems = append(p.Institution.Systems, grading.System{ID: "PACS", MLPS: grading.MLPS3,
		Flags: []medsec.Flag{"vendor-remote-access", "new-project"}, Events: events("go-live", "2027-03-01")})
	p.Incidents = []Incident{{ID: "INC-7", System: "PACS", Detected: time.Date(2026, 11, 22, 7, 15, 0, 0, time.UTC), CNGrade: CNGradeRelativelyMajor}}
	ev := []Evidence{
		{Duty: "CN-NHC-LEADERSHIP-GROUP", Done: date("2023-03-01"), Reference: "Decision 2023-12"},
		{Duty: "CN-NHC-LEADERSHIP-MEETING", Done: date("2025-12-15"), Reference: "Minutes 2025-4"},
		{Duty: "CN-MLPS-FILING-30D", System: "HIS", Done: date("2026-10-20"), Reference: "PSB 11010"},
		{Duty: "CN-MLPS-TEST-L3", System: "HIS", Done: date("2025-12-10"), Reference: "Test report 25-88"},
		{Duty: "CN-CSL-LOG-RETENTION", System: "HIS", Done: date("2026-09-01"), Reference: "SIEM config"},
	}
	opts := at()
	opts.Exclude = []string{"CN-MLPS-FILING-10WD"}
	r, err := DefaultCatalog().GapReport(&p, ev, opts)
	require.NoError(t, err)
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "golden file %s differs; rerun with -update if intended", path)
}

func TestGoldenReports(t *testing.T) {
	r := goldenReport(t)
	var txt, md, js bytes.Buffer
	require.NoError(t, r.WriteText(&txt, nil))
	require.NoError(t, r.WriteMarkdown(&md, nil))
	require.NoError(t, r.WriteJSON(&js))
	golden(t, "report.txt", txt.Bytes())
	golden(t, "report.md", md.Bytes())
	golden(t, "report.json", js.Bytes())

	// The JSON field names are stable.
	var raw map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &raw))
	for _, k := range []string{"institution", "asOf", "totals", "items"} {
		assert.Contains(t, raw, k)
	}
	item := raw["items"].([]any)[0].(map[string]any)
	for _, k := range []string{"duty", "system", "incident", "status", "due", "dueAt", "done", "reference", "late",
		"party", "confidence", "citations", "title", "reason"} {
		assert.Contains(t, item, k)
	}
	// Deterministic: the same input renders the same bytes.
	var again bytes.Buffer
	require.NoError(t, goldenReport(t).WriteJSON(&again))
	assert.Equal(t, js.String(), again.String())
	// A translator is used for every text, and every rendered message
	// is listed by MessageTemplates.
	var tr bytes.Buffer
	check := func(m medsec.Message) string { checkMessageKeys(t, m); return "<" + m.Key + ">" }
	require.NoError(t, r.WriteText(&tr, check))
	require.NoError(t, r.WriteMarkdown(&bytes.Buffer{}, check))
	assert.NotContains(t, tr.String(), "Gap report")
	assert.Contains(t, tr.String(), "<obligations.render.heading>")
}

func FuzzRenderMarkdown(f *testing.F) {
	f.Add("H|1", "ref\n|x", 3)
	f.Fuzz(func(t *testing.T, inst, ref string, n int) {
		r := goldenReport(t)
		r.Institution = inst
		if len(r.Items) > 0 {
			r.Items[0].Reference = ref
			r.Items[0].Done = date("2026-01-01")
		}
		var b bytes.Buffer
		require.NoError(t, r.WriteMarkdown(&b, nil))
		// Every table row keeps its column count: pipes and newlines in
		// data are escaped.
		for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
			if strings.HasPrefix(line, "| ") {
				cells := strings.Count(line, "|") - strings.Count(line, `\|`)
				if cells != 7 {
					t.Fatalf("row has %d separators: %q", cells, line)
				}
			}
		}
		require.NoError(t, r.WriteJSON(&b))
	})
}
