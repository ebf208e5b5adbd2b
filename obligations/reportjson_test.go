package obligations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/reportschema"
)

// sampleReports are gap reports with every kind of item: institution,
// system and incident duties, evidence, hour deadlines and notes.
func sampleReports(t testing.TB) map[string]*Report {
	c := DefaultCatalog()
	out := map[string]*Report{"golden": goldenReport(t)}
	vn := hospitalVN()
	cz := hospitalCZ(grading.CZHigher)
	prague, err := time.LoadLocation("Europe/Prague")
	require.NoError(t, err)
	cz.Incidents = []Incident{
		{ID: "INC-1", Detected: time.Date(2026, 11, 20, 10, 0, 0, 0, prague), Significant: true},
		{ID: "INC-2", Detected: time.Date(2026, 11, 2, 10, 30, 15, 0, prague), Notified: time.Date(2026, 11, 3, 9, 0, 0, 0, prague), Significant: true},
	}
	big := bigHospital(30, "H-BIG")
	for name, in := range map[string]struct {
		p  *Profile
		ev []Evidence
	}{
		"vn":  {&vn, evidenceFor(c, &vn)},
		"cz":  {&cz, []Evidence{{Duty: "EU-NIS2-EARLY-WARNING-24H", Incident: "INC-2", Done: date("2026-11-03"), At: time.Date(2026, 11, 3, 9, 0, 0, 0, prague)}}},
		"big": {&big, evidenceFor(c, &big)},
	} {
		r, err := c.GapReport(in.p, in.ev, at())
		require.NoError(t, err, name)
		out[name] = r
	}
	empty, err := (&Catalog{}).GapReport(&vn, nil, at())
	require.NoError(t, err)
	out["empty"] = empty
	return out
}

// typed renders a message with the Go types of its arguments, so that a
// comparison sees an int that came back as a float64.
func typed(m medsec.Message) string { return fmt.Sprintf("%s|%s|%#v", m.Key, m.Format, m.Args) }

func marshal(t testing.TB, v json.Marshaler) []byte {
	t.Helper()
	b, err := v.MarshalJSON()
	require.NoError(t, err)
	return b
}

// TestReportRoundTrip: encode, decode, encode gives the same bytes, in the
// compact and the indented form, and the decoded report is the same
// report: the same items with the same accessors, rendering the same text
// and Markdown.
func TestReportRoundTrip(t *testing.T) {
	c := DefaultCatalog()
	reports := sampleReports(t)
	notes, dueAts := 0, 0
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			compact := marshal(t, r)
			var indented bytes.Buffer
			require.NoError(t, r.WriteJSON(&indented))
			for _, in := range [][]byte{compact, indented.Bytes()} {
				back, err := c.DecodeReport(bytes.NewReader(in))
				require.NoError(t, err)
				assert.Equal(t, string(compact), string(marshal(t, back)))
				var again bytes.Buffer
				require.NoError(t, back.WriteJSON(&again))
				assert.Equal(t, indented.String(), again.String())

				assert.Equal(t, r.Institution, back.Institution)
				assert.Equal(t, r.AsOf, back.AsOf)
				assert.Equal(t, r.Totals, back.Totals)
				require.Len(t, back.Items, len(r.Items))
				for i := range r.Items {
					a, b := &r.Items[i], &back.Items[i]
					assert.Equal(t, [...]any{a.DutyID, a.System, a.Incident, a.Status, a.Due, a.Done, a.Reference, a.Late},
						[...]any{b.DutyID, b.System, b.Incident, b.Status, b.Due, b.Done, b.Reference, b.Late})
					assert.True(t, a.DueAt.Truncate(time.Second).Equal(b.DueAt), "%v %v", a.DueAt, b.DueAt)
					assert.Equal(t, typed(a.Reason()), typed(b.Reason()))
					assert.Equal(t, typed(a.Note), typed(b.Note))
					assert.Equal(t, a.Title(), b.Title())
					assert.Equal(t, a.Citations(), b.Citations())
					assert.Equal(t, a.Confidence(), b.Confidence())
					assert.Equal(t, a.Duty(), b.Duty(), "the catalog's duty, unchanged")
					if !a.Note.IsZero() {
						notes++
					}
					if !a.DueAt.IsZero() {
						dueAts++
					}
				}
				tr := Translator(typed)
				for _, render := range []func(*Report, *bytes.Buffer) error{
					func(r *Report, b *bytes.Buffer) error { return r.WriteText(b, tr) },
					func(r *Report, b *bytes.Buffer) error { return r.WriteMarkdown(b, tr) },
				} {
					var want, got bytes.Buffer
					require.NoError(t, render(r, &want))
					require.NoError(t, render(back, &got))
					assert.Equal(t, want.String(), got.String())
				}
			}
		})
	}
	assert.NotZero(t, notes, "the samples have notes")
	assert.NotZero(t, dueAts, "and hour deadlines")
}

// referenceJSON is the JSON form of a report as encoding/json writes it
// from plain structs: what the hand-written writer must reproduce.
func referenceJSON(r *Report) any {
	type item struct {
		Duty       string            `json:"duty"`
		System     string            `json:"system"`
		Incident   string            `json:"incident"`
		Status     Status            `json:"status"`
		Due        medsec.Date       `json:"due"`
		DueAt      string            `json:"dueAt"`
		Done       medsec.Date       `json:"done"`
		Reference  string            `json:"reference"`
		Late       bool              `json:"late"`
		Party      Party             `json:"party"`
		Confidence medsec.Confidence `json:"confidence"`
		Citations  []medsec.Citation `json:"citations"`
		Title      medsec.Message    `json:"title"`
		Reason     medsec.Message    `json:"reason"`
		Note       medsec.Message    `json:"note,omitzero"`
	}
	type totals struct {
		Overdue   int `json:"overdue"`
		Missing   int `json:"missing"`
		DueSoon   int `json:"dueSoon"`
		Pending   int `json:"pending"`
		Met       int `json:"met"`
		OnTrigger int `json:"onTrigger"`
	}
	out := struct {
		Format      string      `json:"format"`
		Institution string      `json:"institution"`
		AsOf        medsec.Date `json:"asOf"`
		Totals      totals      `json:"totals"`
		Items       []item      `json:"items"`
	}{Format: ReportFormat, Institution: r.Institution, AsOf: r.AsOf, Items: []item{},
		Totals: totals{r.Totals[StatusOverdue], r.Totals[StatusMissing], r.Totals[StatusDueSoon],
			r.Totals[StatusPending], r.Totals[StatusMet], r.Totals[StatusOnTrigger]}}
	for i := range r.Items {
		it := &r.Items[i]
		dueAt := ""
		if !it.DueAt.IsZero() {
			dueAt = it.DueAt.UTC().Format(time.RFC3339)
		}
		d := it.Duty()
		out.Items = append(out.Items, item{Duty: it.DutyID, System: it.System, Incident: it.Incident, Status: it.Status,
			Due: it.Due, DueAt: dueAt, Done: it.Done, Reference: it.Reference, Late: it.Late, Party: d.Party,
			Confidence: d.Confidence, Citations: d.Citations, Title: d.Title, Reason: it.Reason(), Note: it.Note})
	}
	return out
}

// TestReportJSONMatchesEncodingJSON: the hand-written writer writes the
// bytes encoding/json writes for the same report, compact and indented,
// also with hostile text in every field a user fills in.
func TestReportJSONMatchesEncodingJSON(t *testing.T) {
	for name, r := range sampleReports(t) {
		for _, text := range []string{"", "<a href='x'>&amp;</a>", "line\nbreak\ttab\x1b[31m\u2028", "bad \xff utf-8", "čeština 中文"} {
			h := withText(r, text+name, text+"S", text+"I", text+"R", "")
			want, err := json.Marshal(referenceJSON(h))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(marshal(t, h)), name)
			want, err = json.MarshalIndent(referenceJSON(h), "", "  ")
			require.NoError(t, err)
			var got bytes.Buffer
			require.NoError(t, h.WriteJSON(&got))
			assert.Equal(t, string(want)+"\n", got.String(), name)
		}
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteJSONStreams: WriteJSON passes a large report on in parts and
// reports the writer's error.
func TestWriteJSONStreams(t *testing.T) {
	r := sampleReports(t)["big"]
	var parts []int
	var all bytes.Buffer
	require.NoError(t, r.WriteJSON(writerFunc(func(p []byte) (int, error) {
		parts = append(parts, len(p))
		return all.Write(p)
	})))
	assert.Greater(t, len(parts), 3)
	for _, n := range parts[:len(parts)-1] {
		assert.Less(t, n, 2*flushSize)
	}
	err := r.WriteJSON(&failingWriter{n: 100000})
	assert.ErrorContains(t, err, "disk full")
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestDecodeReportRecorded: a report made when the law's data said
// something else keeps what it recorded, and writes it back.
func TestDecodeReportRecorded(t *testing.T) {
	c := DefaultCatalog()
	r := goldenReport(t)
	b := string(marshal(t, r))
	first := r.Items[0]
	d := first.Duty()
	recorded := medsec.Unverified // a confidence the catalog does not give the duty
	if d.Confidence == medsec.Unverified {
		recorded = medsec.Partial
	}
	old := strings.Replace(b, `"confidence":"`+d.Confidence.String()+`","citations":["`+d.Citations[0].String()+`"],"title":{"key":"`+d.Title.Key+`","format":"`+d.Title.Format+`"}`,
		`"confidence":"`+recorded.String()+`","citations":["`+d.Citations[0].Instrument+`"],"title":{"key":"`+d.Title.Key+`","format":"An older title"}`, 1)
	require.NotEqual(t, b, old)
	back, err := c.DecodeReport(strings.NewReader(old))
	require.NoError(t, err)
	it := &back.Items[0]
	assert.Equal(t, recorded, it.Confidence())
	assert.Equal(t, "An older title", it.Title().String())
	assert.Equal(t, []medsec.Citation{{Instrument: d.Citations[0].Instrument}}, it.Citations())
	dd := it.Duty()
	assert.Equal(t, "An older title", dd.Title.String())
	assert.Equal(t, d.Description, dd.Description, "the rest is the catalog's")
	assert.Equal(t, old, string(marshal(t, back)))
	cur, _ := c.Duty(first.DutyID)
	assert.Equal(t, d.Confidence, cur.Confidence, "the catalog is unchanged")
	// Items of the same duty with the same recorded values share them.
	assert.Equal(t, back.Items[1].Confidence(), r.Items[1].Confidence())
}

// mutate decodes the compact golden report, changes it and encodes it.
func mutate(t *testing.T, doc []byte, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(doc, &m))
	f(m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

func items(m map[string]any) []any { return m["items"].([]any) }

func itemAt(m map[string]any, i int) map[string]any { return items(m)[i].(map[string]any) }

// indexOf returns the index of the first item for which f holds.
func indexOf(t *testing.T, r *Report, f func(it *Item) bool) int {
	t.Helper()
	i := slices.IndexFunc(r.Items, func(it Item) bool { return f(&it) })
	require.GreaterOrEqual(t, i, 0)
	return i
}

// TestDecodeReportErrors: what the decoder rejects, each with the JSON
// Pointer and rule of the problem.
func TestDecodeReportErrors(t *testing.T) {
	c := DefaultCatalog()
	r := goldenReport(t)
	doc := marshal(t, r)
	sys := indexOf(t, r, func(it *Item) bool { return it.System != "" })
	inst := indexOf(t, r, func(it *Item) bool { return it.System == "" && it.Incident == "" })
	hour := indexOf(t, r, func(it *Item) bool { return !it.DueAt.IsZero() })
	due := indexOf(t, r, func(it *Item) bool { return !it.Due.IsZero() })
	p := func(i int, field string) string { return fmt.Sprintf("/items/%d/%s", i, field) }
	tests := []struct {
		name       string
		edit       func(m map[string]any)
		raw        string
		path, rule string
	}{
		{name: "another version", edit: func(m map[string]any) { m["format"] = "medsec.gap-report/2" }, path: "/format", rule: "format"},
		{name: "another format", edit: func(m map[string]any) { m["format"] = RoleReportFormat }, path: "/format", rule: "format"},
		{name: "no format", edit: func(m map[string]any) { delete(m, "format") }, path: "/format", rule: "format"},
		{name: "no institution", edit: func(m map[string]any) { delete(m, "institution") }, path: "/institution", rule: "required"},
		{name: "no as-of day", edit: func(m map[string]any) { delete(m, "asOf") }, path: "/asOf", rule: "required"},
		{name: "impossible as-of day", edit: func(m map[string]any) { m["asOf"] = "2026-02-30" }, path: "/asOf"},
		{name: "no items", edit: func(m map[string]any) { delete(m, "items") }, path: "/items", rule: "required"},
		{name: "no totals", edit: func(m map[string]any) { delete(m, "totals") }, path: "/totals", rule: "required"},
		{name: "a total left out", edit: func(m map[string]any) { delete(m["totals"].(map[string]any), "met") }, path: "/totals/met", rule: "required"},
		{name: "a total wrong", edit: func(m map[string]any) { m["totals"].(map[string]any)["missing"] = 1 }, path: "/totals/missing", rule: "total"},
		{name: "an item dropped", edit: func(m map[string]any) { m["items"] = items(m)[1:] }, path: "/totals/missing", rule: "total"},
		{name: "unknown duty", edit: func(m map[string]any) { itemAt(m, 0)["duty"] = "XA-NO-SUCH-DUTY" }, path: p(0, "duty"), rule: "exists"},
		{name: "no duty", edit: func(m map[string]any) { delete(itemAt(m, 0), "duty") }, path: p(0, "duty"), rule: "required"},
		{name: "system for an institution duty", edit: func(m map[string]any) { itemAt(m, inst)["system"] = "HIS" }, path: p(inst, "system"), rule: "scope"},
		{name: "no system for a system duty", edit: func(m map[string]any) { delete(itemAt(m, sys), "system") }, path: p(sys, "system"), rule: "scope"},
		{name: "incident for a duty without one", edit: func(m map[string]any) { itemAt(m, inst)["incident"] = "INC-7" }, path: p(inst, "incident"), rule: "incident"},
		{name: "no status", edit: func(m map[string]any) { delete(itemAt(m, 0), "status") }, path: p(0, "status"), rule: "required"},
		{name: "unknown status", edit: func(m map[string]any) { itemAt(m, 0)["status"] = "late" }, path: p(0, "status")},
		{name: "impossible due date", edit: func(m map[string]any) { itemAt(m, due)["due"] = "2026-02-30" }, path: p(due, "due")},
		{name: "due date in another form", edit: func(m map[string]any) { itemAt(m, due)["due"] = "2026-2-3" }, path: p(due, "due")},
		{name: "deadline not in UTC", edit: func(m map[string]any) { itemAt(m, hour)["dueAt"] = "2026-11-22T12:15:00+01:00" }, path: p(hour, "dueAt"), rule: "instant"},
		{name: "deadline with fractions", edit: func(m map[string]any) { itemAt(m, hour)["dueAt"] = "2026-11-22T11:15:00.5Z" }, path: p(hour, "dueAt"), rule: "instant"},
		{name: "deadline not an instant", edit: func(m map[string]any) { itemAt(m, hour)["dueAt"] = "tomorrow" }, path: p(hour, "dueAt"), rule: "instant"},
		{name: "no party", edit: func(m map[string]any) { delete(itemAt(m, 0), "party") }, path: p(0, "party"), rule: "required"},
		{name: "no confidence", edit: func(m map[string]any) { delete(itemAt(m, 0), "confidence") }, path: p(0, "confidence"), rule: "required"},
		{name: "no citations", edit: func(m map[string]any) { itemAt(m, 0)["citations"] = []any{} }, path: p(0, "citations"), rule: "required"},
		{name: "citation not canonical", edit: func(m map[string]any) { itemAt(m, 0)["citations"] = []any{"CN-CSL-2016 art. 025x("} }, path: p(0, "citations/0")},
		{name: "citation with two spaces", edit: func(m map[string]any) { itemAt(m, 0)["citations"] = []any{"XA-ACT  art. 1"} }, path: p(0, "citations/0")},
		{name: "no title", edit: func(m map[string]any) { delete(itemAt(m, 0), "title") }, path: p(0, "title/key"), rule: "required"},
		{name: "no reason", edit: func(m map[string]any) { delete(itemAt(m, 0), "reason") }, path: p(0, "reason/key"), rule: "required"},
		{name: "empty note", edit: func(m map[string]any) { itemAt(m, 0)["note"] = map[string]any{} }, path: p(0, "note/key"), rule: "required"},
		{name: "argument an array", edit: func(m map[string]any) { itemAt(m, 0)["reason"].(map[string]any)["args"] = []any{[]any{}} }, path: p(0, "reason/args/0"), rule: "argument"},
		{name: "argument a message without key", edit: func(m map[string]any) {
			itemAt(m, 0)["reason"].(map[string]any)["args"] = []any{map[string]any{"format": "x"}}
		}, path: p(0, "reason/args/0"), rule: "argument"},
		{name: "argument a message with another member", edit: func(m map[string]any) {
			itemAt(m, 0)["reason"].(map[string]any)["args"] = []any{map[string]any{"key": "k", "extra": 1}}
		}, path: p(0, "reason/args/0"), rule: "argument"},
		{name: "argument null", edit: func(m map[string]any) { itemAt(m, 0)["reason"].(map[string]any)["args"] = []any{nil} }, path: p(0, "reason/args/0"), rule: "null"},
		{name: "unknown member", edit: func(m map[string]any) { itemAt(m, 0)["via"] = "X" }, path: p(0, "via"), rule: "unknown-field"},
		{name: "member in another case", edit: func(m map[string]any) { m["Institution"] = m["institution"]; delete(m, "institution") }, path: "/Institution"},
		{name: "repeated member", raw: strings.Replace(string(doc), `"asOf"`, `"institution":"X","asOf"`, 1), path: "/institution", rule: "duplicate-key"},
		{name: "trailing data", raw: string(doc) + "{}", rule: "trailing"},
		{name: "not JSON", raw: "{", rule: "syntax"},
		{name: "empty", raw: ""},
		{name: "a byte order mark", raw: "\ufeff" + string(doc)},
		{name: "invalid UTF-8", raw: strings.Replace(string(doc), `"H-CN"`, "\"H-\xff\"", 1), path: "/institution"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.raw)
			if tc.edit != nil {
				in = mutate(t, doc, tc.edit)
			}
			rep, err := c.DecodeReport(bytes.NewReader(in))
			require.Error(t, err)
			assert.Nil(t, rep)
			checkInputError(t, err)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes))
			var got []string
			for _, fe := range fes {
				got = append(got, fe.Path+" "+fe.Rule)
			}
			if tc.path != "" || tc.rule != "" {
				assert.True(t, slices.ContainsFunc(fes, func(fe *medsec.FieldError) bool {
					return (tc.path == "" || fe.Path == tc.path) && (tc.rule == "" || fe.Rule == tc.rule)
				}), "want %q %q, got %q", tc.path, tc.rule, got)
			}
		})
	}
	// Left-out optional members are empty.
	short := mutate(t, doc, func(m map[string]any) {
		for _, k := range []string{"incident", "due", "dueAt", "done", "reference", "late"} {
			delete(itemAt(m, inst), k)
		}
	})
	back, err := c.DecodeReport(bytes.NewReader(short))
	require.NoError(t, err)
	assert.Equal(t, string(doc), string(marshal(t, back)))

	_, err = c.DecodeReport(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = (*Catalog)(nil).DecodeReport(bytes.NewReader(doc))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput, "a nil catalog has no duties")
}

// jsonMembers lists the JSON names of the fields of the struct type of v.
func jsonMembers(v any) []string {
	t := reflect.TypeOf(v)
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// schemaMembers lists the members of the object schema at the given
// path of $defs names ("" for the root).
func schemaMembers(t *testing.T, schema []byte, path ...string) []string {
	var s map[string]any
	require.NoError(t, json.Unmarshal(schema, &s))
	for _, p := range path {
		if p == "$defs" || p == "properties" {
			s = s[p].(map[string]any)
			continue
		}
		s = s[p].(map[string]any)
	}
	var out []string
	for k := range s["properties"].(map[string]any) {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func schemaEnum(t *testing.T, schema []byte, path ...string) []string {
	var s any
	require.NoError(t, json.Unmarshal(schema, &s))
	for _, p := range path {
		s = s.(map[string]any)[p]
	}
	var out []string
	for _, v := range s.(map[string]any)["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

// TestReportSchema: the schema of the gap report describes every member,
// lists the members and names the decoder knows, and accepts what the
// package writes.
func TestReportSchema(t *testing.T) {
	schema := ReportSchema()
	reportschema.Descriptions(t, schema)
	sch := reportschema.Compile(t, ReportSchemaID, schema)
	assert.Equal(t, jsonMembers(reportDoc{}), schemaMembers(t, schema))
	assert.Equal(t, jsonMembers(totalsDoc{}), schemaMembers(t, schema, "properties", "totals"))
	assert.Equal(t, jsonMembers(itemDoc{}), schemaMembers(t, schema, "$defs", "item"))
	assert.Equal(t, []string(statusNames[1:]), schemaEnum(t, schema, "$defs", "item", "properties", "status"))
	assert.Equal(t, []string(partyNames[1:]), schemaEnum(t, schema, "$defs", "item", "properties", "party"))
	var confs []string
	for c := medsec.Verified; c.Valid(); c++ {
		confs = append(confs, c.String())
	}
	assert.Equal(t, confs, schemaEnum(t, schema, "$defs", "confidence"))
	for name, r := range sampleReports(t) {
		var indented bytes.Buffer
		require.NoError(t, r.WriteJSON(&indented))
		for _, doc := range [][]byte{marshal(t, r), indented.Bytes()} {
			assert.NoError(t, reportschema.Validate(sch, doc), name)
		}
	}
	ReportSchema()[0] = 'x'
	assert.Equal(t, byte('{'), ReportSchema()[0], "each call returns a copy")
}

// TestReportSchemaAgreesWithDecoder: on mutants of a valid report
// (members dropped and added, values of every wrong JSON type), the
// schema and the decoder give the same verdict, except where the schema
// says it cannot: whether an item names a system depends on its duty.
func TestReportSchemaAgreesWithDecoder(t *testing.T) {
	c := DefaultCatalog()
	r := goldenReport(t)
	// One item of each kind keeps the mutants few.
	var keep []Item
	for _, f := range []func(it *Item) bool{
		func(it *Item) bool { return it.System == "" && it.Incident == "" },
		func(it *Item) bool { return it.System != "" && it.Reference != "" },
		func(it *Item) bool { return !it.DueAt.IsZero() },
	} {
		keep = append(keep, r.Items[indexOf(t, r, f)])
	}
	r = &Report{Institution: r.Institution, AsOf: r.AsOf, Items: keep}
	for i := range keep {
		r.Totals[keep[i].Status]++
	}
	sch := reportschema.Compile(t, ReportSchemaID, ReportSchema())
	mutants := reportschema.Mutants(t, marshal(t, r))
	require.Greater(t, len(mutants), 300)
	for _, m := range mutants {
		schemaErr := reportschema.Validate(sch, m.Doc)
		_, decodeErr := c.DecodeReport(bytes.NewReader(m.Doc))
		if (schemaErr == nil) == (decodeErr == nil) {
			continue
		}
		if m.Kind == "drop" && strings.HasSuffix(m.Path, "/system") || m.Kind == "type" && strings.HasPrefix(m.Path, "/totals/") {
			// A system left out of a system duty; a total the items
			// contradict.
			continue
		}
		t.Errorf("%s: schema says %v, decoder says %v", m.Name, schemaErr, decodeErr)
	}
}

// TestRoleReportRoundTrip: a role report of the findings of CheckRoles
// writes, reads and writes the same bytes, and keeps its findings.
func TestRoleReportRoundTrip(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
	require.NoError(t, err)
	require.NotEmpty(t, fs)
	sch := reportschema.Compile(t, RoleReportSchemaID, RoleReportSchema())
	for _, rep := range []*RoleReport{{Institution: p.Institution.ID, Findings: fs}, {Institution: "H-OK"}} {
		compact := marshal(t, rep)
		var indented bytes.Buffer
		require.NoError(t, rep.WriteJSON(&indented))
		for _, in := range [][]byte{compact, indented.Bytes()} {
			assert.NoError(t, reportschema.Validate(sch, in))
			back, err := c.DecodeRoleReport(bytes.NewReader(in))
			require.NoError(t, err)
			assert.Equal(t, string(compact), string(marshal(t, back)))
			var again bytes.Buffer
			require.NoError(t, back.WriteJSON(&again))
			assert.Equal(t, indented.String(), again.String())
			require.Len(t, back.Findings, len(rep.Findings))
			for i := range rep.Findings {
				a, b := rep.Findings[i], back.Findings[i]
				assert.Equal(t, typed(a.Message), typed(b.Message))
				a.Message, b.Message = medsec.Message{}, medsec.Message{}
				assert.Equal(t, a, b)
			}
		}
		var want any
		require.NoError(t, json.Unmarshal(compact, &want))
		assert.Equal(t, RoleReportFormat, want.(map[string]any)["format"])
	}
}

// TestRoleReportSchema: the schema describes every member and lists the
// members and names the decoder knows; it agrees with the decoder on
// mutants of a report.
func TestRoleReportSchema(t *testing.T) {
	c := DefaultCatalog()
	schema := RoleReportSchema()
	reportschema.Descriptions(t, schema)
	assert.Equal(t, jsonMembers(roleReportDoc{}), schemaMembers(t, schema))
	assert.Equal(t, jsonMembers(findingDoc{}), schemaMembers(t, schema, "$defs", "finding"))
	assert.Equal(t, []string(severityNames[1:]), schemaEnum(t, schema, "$defs", "finding", "properties", "severity"))
	gap := map[string]any{}
	require.NoError(t, json.Unmarshal(ReportSchema(), &gap))
	role := map[string]any{}
	require.NoError(t, json.Unmarshal(schema, &role))
	for _, def := range []string{"message", "argument", "citation", "confidence"} {
		assert.Equal(t, gap["$defs"].(map[string]any)[def], role["$defs"].(map[string]any)[def], "the same %s", def)
	}

	p := hospitalCN(grading.MLPS3)
	fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
	require.NoError(t, err)
	rep := &RoleReport{Institution: p.Institution.ID, Findings: fs[:2]}
	sch := reportschema.Compile(t, RoleReportSchemaID, schema)
	for _, m := range reportschema.Mutants(t, marshal(t, rep)) {
		schemaErr := reportschema.Validate(sch, m.Doc)
		_, decodeErr := c.DecodeRoleReport(bytes.NewReader(m.Doc))
		if (schemaErr == nil) != (decodeErr == nil) {
			t.Errorf("%s: schema says %v, decoder says %v", m.Name, schemaErr, decodeErr)
		}
	}
}

// TestDecodeRoleReportErrors: what the role-report decoder rejects.
func TestDecodeRoleReportErrors(t *testing.T) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
	require.NoError(t, err)
	doc := marshal(t, &RoleReport{Institution: p.Institution.ID, Findings: fs})
	finding := func(m map[string]any) map[string]any { return m["findings"].([]any)[0].(map[string]any) }
	tests := []struct {
		name       string
		edit       func(m map[string]any)
		path, rule string
	}{
		{"a gap report's format", func(m map[string]any) { m["format"] = ReportFormat }, "/format", "format"},
		{"no institution", func(m map[string]any) { delete(m, "institution") }, "/institution", "required"},
		{"no findings", func(m map[string]any) { delete(m, "findings") }, "/findings", "required"},
		{"unknown rule", func(m map[string]any) { finding(m)["rule"] = "XA-ROLE-NONE" }, "/findings/0/rule", "exists"},
		{"no rule", func(m map[string]any) { delete(finding(m), "rule") }, "/findings/0/rule", "required"},
		{"no severity", func(m map[string]any) { delete(finding(m), "severity") }, "/findings/0/severity", "required"},
		{"undeclared role", func(m map[string]any) { finding(m)["role"] = "court-jester" }, "/findings/0/role", "declared"},
		{"no role", func(m map[string]any) { delete(finding(m), "role") }, "/findings/0/role", "required"},
		{"no message", func(m map[string]any) { delete(finding(m), "message") }, "/findings/0/message/key", "required"},
		{"no citations", func(m map[string]any) { delete(finding(m), "citations") }, "/findings/0/citations", "required"},
		{"no confidence", func(m map[string]any) { delete(finding(m), "confidence") }, "/findings/0/confidence", "required"},
		{"bad argument", func(m map[string]any) { finding(m)["message"].(map[string]any)["args"] = []any{[]any{1}} }, "/findings/0/message/args/0", "argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := c.DecodeRoleReport(bytes.NewReader(mutate(t, doc, tc.edit)))
			assert.Nil(t, rep)
			checkInputError(t, err)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes))
			assert.True(t, slices.ContainsFunc(fes, func(fe *medsec.FieldError) bool { return fe.Path == tc.path && fe.Rule == tc.rule }), "%v", err)
		})
	}
	_, err = c.DecodeRoleReport(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	assert.ErrorIs(t, (&RoleReport{}).WriteJSON(nil), medsec.ErrInvalidInput)
	_, err = (&RoleReport{Findings: []Finding{{}}}).MarshalJSON()
	assert.Error(t, err, "a zero finding has no severity")
}

// FuzzDecodeReport: any input either decodes to a report that writes
// bytes which decode to the same report again, or is rejected with field
// errors; it never panics.
func FuzzDecodeReport(f *testing.F) {
	c := DefaultCatalog()
	// Small seeds keep the fuzzer fast: a few items of each sample.
	for _, r := range sampleReports(f) {
		small := &Report{Institution: r.Institution, AsOf: r.AsOf}
		for i := 0; i < len(r.Items); i += max(1, len(r.Items)/3) {
			small.Items = append(small.Items, r.Items[i])
			small.Totals[r.Items[i].Status]++
		}
		f.Add(marshal(f, small))
	}
	f.Add([]byte(`{"format":"medsec.gap-report/1","institution":"H","asOf":"2026-01-01","totals":{"overdue":0,"missing":0,"dueSoon":0,"pending":0,"met":0,"onTrigger":0},"items":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := c.DecodeReport(bytes.NewReader(data))
		if err != nil {
			checkInputError(t, err)
			return
		}
		once := marshal(t, r)
		back, err := c.DecodeReport(bytes.NewReader(once))
		if err != nil {
			t.Fatalf("a decoded report writes %s, which does not decode: %v", once, err)
		}
		if twice := marshal(t, back); !bytes.Equal(once, twice) {
			t.Fatalf("written twice differently:\n%s\n%s", once, twice)
		}
		var txt bytes.Buffer
		if err := r.WriteText(&txt, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDecodeRoleReport: the same for role reports.
func FuzzDecodeRoleReport(f *testing.F) {
	c := DefaultCatalog()
	p := hospitalCN(grading.MLPS3)
	fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
	require.NoError(f, err)
	f.Add(marshal(f, &RoleReport{Institution: "H", Findings: fs}))
	f.Add(marshal(f, &RoleReport{Institution: "H"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := c.DecodeRoleReport(bytes.NewReader(data))
		if err != nil {
			checkInputError(t, err)
			return
		}
		once := marshal(t, r)
		back, err := c.DecodeRoleReport(bytes.NewReader(once))
		if err != nil {
			t.Fatalf("a decoded report writes %s, which does not decode: %v", once, err)
		}
		if twice := marshal(t, back); !bytes.Equal(once, twice) {
			t.Fatalf("written twice differently:\n%s\n%s", once, twice)
		}
	})
}
