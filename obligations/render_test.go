package obligations

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/rendertest"
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

// withText returns a copy of r in which every institution, system and
// incident ID, reference and duty ID that is set reads as the given
// values: the fields an institution's own data fills in.
func withText(r *Report, inst, sys, inc, ref, duty string) *Report {
	c := *r
	c.Institution = inst
	c.Items = slices.Clone(r.Items)
	for i := range c.Items {
		it := &c.Items[i]
		if it.System != "" {
			it.System = sys
		}
		if it.Incident != "" {
			it.Incident = inc
		}
		if it.Reference != "" {
			it.Reference = ref
		}
		if duty != "" {
			it.DutyID = duty
		}
	}
	return &c
}

// benign is the harmless value a hostile one is compared with: empty
// stays empty, so that the same optional parts are printed.
func benign(s string) string {
	if s == "" {
		return ""
	}
	return "Word"
}

// constTr translates every message to s, except the column headings of
// the Markdown table, which a translation splits into columns at "|".
func constTr(s string) Translator {
	return func(m medsec.Message) string {
		if m.Key == msgRenderCol.Key {
			return m.String()
		}
		return s
	}
}

// markdownShape renders r as Markdown and returns its CommonMark
// structure.
func markdownShape(t *testing.T, r *Report, tr Translator) string {
	t.Helper()
	var md bytes.Buffer
	require.NoError(t, r.WriteMarkdown(&md, tr))
	return rendertest.MarkdownShape(md.String())
}

// checkReportStructure renders r as text and Markdown and fails unless
// the text has exactly four lines per item after the heading, totals and
// blank line and no unsafe character, and the Markdown has the shape of
// base, the same report with harmless values.
func checkReportStructure(t *testing.T, what string, r, base *Report, tr, baseTr Translator) {
	t.Helper()
	checkReportShape(t, what, r, tr, markdownShape(t, base, baseTr))
}

// checkReportShape is checkReportStructure with the base's Markdown
// structure given.
func checkReportShape(t *testing.T, what string, r *Report, tr Translator, want string) {
	t.Helper()
	var txt, md bytes.Buffer
	require.NoError(t, r.WriteText(&txt, tr))
	if got, want := rendertest.Lines(txt.String()), 3+4*len(r.Items); got != want {
		t.Fatalf("%s: text has %d lines, want %d:\n%s", what, got, want, txt.String())
	}
	if p := rendertest.CheckText(txt.String()); p != "" {
		t.Fatalf("%s: text: %s", what, p)
	}
	require.NoError(t, r.WriteMarkdown(&md, tr))
	if got := rendertest.MarkdownShape(md.String()); got != want {
		t.Fatalf("%s: Markdown structure changed\ngot:\n%s\nwant:\n%s\nsource:\n%s", what, got, want, md.String())
	}
	if p := rendertest.CheckText(md.String()); p != "" {
		t.Fatalf("%s: Markdown: %s", what, p)
	}
}

// TestReportHostileText puts hostile text into every value of a report
// that comes from the institution's data or from a translator, and checks
// that the text and Markdown reports keep their structure (review F3).
func TestReportHostileText(t *testing.T) {
	r := goldenReport(t)
	base := withText(r, "Word", "Word", "Word", "Word", "")
	payloads := append(slices.Clone(rendertest.Payloads), rendertest.UnsafePayloads...)
	stride := 1 // under the race detector, each locale gets every third payload
	if raceEnabled {
		stride = 3
	}
	for li, loc := range i18n.Locales() {
		tr := Translator(i18n.NewLocalizer(loc).Format)
		for pi, p := range payloads {
			if (pi+li)%stride != 0 {
				continue
			}
			h := withText(r, p, p, p, p, "")
			checkReportStructure(t, fmt.Sprintf("%s: every ID and reference %q", loc, p), h, base, tr, tr)
		}
	}
	for _, p := range payloads {
		for _, tc := range []struct {
			name                    string
			inst, sys, inc, ref, dt string
		}{
			{"institution", p, "Word", "Word", "Word", ""},
			{"system", "Word", p, "Word", "Word", ""},
			{"incident", "Word", "Word", p, "Word", ""},
			{"reference", "Word", "Word", "Word", p, ""},
		} {
			h := withText(r, tc.inst, tc.sys, tc.inc, tc.ref, tc.dt)
			checkReportStructure(t, fmt.Sprintf("%s %q", tc.name, p), h, base, nil, nil)
		}
		checkReportStructure(t, fmt.Sprintf("duty ID %q", p), withText(r, "W", "W", "W", "W", p), withText(r, "W", "W", "W", "W", "Word"), nil, nil)
		checkReportStructure(t, fmt.Sprintf("translation %q", p), base, base, constTr(p), constTr("Word"))
	}
	// No raw HTML or link survives a Markdown viewer.
	h := withText(r, `<img src=x onerror=alert(1)>`, `[s](https://evil.example)`, "<script>", "\r| x |", "")
	var md bytes.Buffer
	require.NoError(t, h.WriteMarkdown(&md, nil))
	out := rendertest.MarkdownHTML(md.String())
	for _, bad := range []string{"<img", "<script", "<a ", "\r"} {
		assert.NotContains(t, out, bad)
	}
}

// FuzzRenderReport fuzzes the values of a report that an institution's
// data fills in and that the text and Markdown reports print — the
// institution, system and incident IDs, the evidence references — and a
// translation, and checks the structure of both reports (four text lines
// per item, no control character, the Markdown shape of the same report
// with harmless values) and that the JSON report round-trips them.
func FuzzRenderReport(f *testing.F) {
	// One item of each kind keeps the fuzzing fast: one for the
	// institution, one for a system, one for an incident, one with a
	// reference.
	r := goldenReport(f)
	var items []Item
	for _, keep := range []func(it *Item) bool{
		func(it *Item) bool { return it.System == "" && it.Incident == "" },
		func(it *Item) bool { return it.System != "" },
		func(it *Item) bool { return it.Incident != "" },
		func(it *Item) bool { return it.Reference != "" },
	} {
		i := slices.IndexFunc(r.Items, func(it Item) bool { return keep(&it) })
		if i < 0 {
			f.Fatal("the golden report lacks an item kind")
		}
		items = append(items, r.Items[i])
	}
	r.Items = items
	f.Add("H|1", "HIS", "INC-7", "ref\n|x", "")
	for _, p := range rendertest.Payloads {
		f.Add(p, p, "INC", "ref", "")
	}
	for _, p := range rendertest.UnsafePayloads {
		f.Add("H", "S", p, p, p)
	}
	// The shape of the report with harmless values, by which of the
	// fuzzed values are empty.
	shapes := map[[5]bool]string{}
	f.Fuzz(func(t *testing.T, inst, sys, inc, ref, tr string) {
		h := withText(r, inst, sys, inc, ref, "")
		var hTr, baseTr Translator
		if tr != "" {
			hTr, baseTr = constTr(tr), constTr("Word")
		}
		k := [5]bool{inst == "", sys == "", inc == "", ref == "", tr == ""}
		want, ok := shapes[k]
		if !ok {
			want = markdownShape(t, withText(r, benign(inst), benign(sys), benign(inc), benign(ref), ""), baseTr)
			shapes[k] = want
		}
		checkReportShape(t, "fuzzed report", h, hTr, want)
		var js bytes.Buffer
		require.NoError(t, h.WriteJSON(&js))
		var back struct {
			Institution string `json:"institution"`
			Items       []struct {
				System, Incident, Reference string
			} `json:"items"`
		}
		require.NoError(t, json.Unmarshal(js.Bytes(), &back))
		if utf8.ValidString(inst) && back.Institution != inst {
			t.Fatalf("JSON institution %q, want %q", back.Institution, inst)
		}
		require.Len(t, back.Items, len(h.Items))
	})
}
