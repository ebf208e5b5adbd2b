package contracts

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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/reportschema"
)

// sampleReports are the reports of the sample contracts on the golden
// days, and one whose support ends before the contract (a finding with
// dates among its message's arguments).
func sampleReports(t testing.TB) map[string]*Report {
	out := map[string]*Report{}
	for _, name := range []string{"cz-pacs-2026", "cn-his-2026", "vn-lis-2026", "eu-cloud-full"} {
		c := fixture(t, "testdata/valid/"+name+".json")
		for _, d := range []medsec.Date{in2026, before2025Nov} {
			out[name+"@"+d.String()] = mustCheck(t, c, d)
		}
	}
	c := fixture(t, "testdata/valid/eu-cloud-full.json")
	clauseOf(c, EndOfSupport).SupportEndDate = medsec.NewDate(2027, 6, 30)
	out["support-ends-early"] = mustCheck(t, c, in2026)
	out["zero"] = &Report{AsOf: in2026}
	return out
}

// TestReportRoundTrip: encode, decode, encode gives the same bytes, and
// the decoded report is the report (its messages' arguments with their Go
// types: ints, dates, messages).
func TestReportRoundTrip(t *testing.T) {
	dates := 0
	for name, r := range sampleReports(t) {
		compact, err := r.MarshalJSON()
		require.NoError(t, err, name)
		indented, err := json.MarshalIndent(r, "", "  ")
		require.NoError(t, err, name)
		for _, in := range [][]byte{compact, indented} {
			back, err := DecodeReport(bytes.NewReader(in))
			require.NoError(t, err, name)
			again, err := back.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(compact), string(again), name)
			want := *r
			if want.Requirements == nil {
				want.Requirements = []Requirement{}
			}
			if want.Findings == nil {
				want.Findings = []Finding{}
			}
			assert.Equal(t, &want, back, name)
		}
		for _, f := range r.Findings {
			for _, a := range f.Message.Args {
				if _, ok := a.(medsec.Date); ok {
					dates++
				}
			}
		}
	}
	assert.NotZero(t, dates, "a sample finding has dates among its arguments")
	var nilReport *Report
	b, err := nilReport.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"format":"medsec.contract-report/1","asOf":"","requirements":[],"findings":[]}`, string(b))
}

// TestGoldenReportsHaveFormat: the golden reports are in the JSON form
// ReportFormat and decode.
func TestGoldenReportsHaveFormat(t *testing.T) {
	for name, r := range sampleReports(t) {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		assert.Equal(t, ReportFormat, m["format"], name)
	}
}

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

// schemaObject returns the members and enumerations of the schema at the
// given path.
func schemaAt(t *testing.T, path ...string) map[string]any {
	var s map[string]any
	require.NoError(t, json.Unmarshal(ReportSchema(), &s))
	for _, p := range path {
		s = s[p].(map[string]any)
	}
	return s
}

func memberNames(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func enumOf(t *testing.T, path ...string) []string {
	var out []string
	for _, v := range schemaAt(t, path...)["enum"].([]any) {
		out = append(out, v.(string))
	}
	return out
}

// TestReportSchema: the schema describes every member, lists the members
// and names the decoder knows, accepts what the package writes, and
// agrees with the decoder on mutants of a report.
func TestReportSchema(t *testing.T) {
	reportschema.Descriptions(t, ReportSchema())
	sch := reportschema.Compile(t, ReportSchemaID, ReportSchema())
	assert.Equal(t, jsonMembers(reportDoc{}), memberNames(schemaAt(t, "properties")))
	assert.Equal(t, jsonMembers(requirementDoc{}), memberNames(schemaAt(t, "$defs", "requirement", "properties")))
	assert.Equal(t, jsonMembers(findingDoc{}), memberNames(schemaAt(t, "$defs", "finding", "properties")))
	var kinds []string
	for _, k := range ClauseKinds() {
		kinds = append(kinds, k.String())
	}
	assert.Equal(t, kinds, enumOf(t, "$defs", "kind"))
	assert.Equal(t, []string{Required.String(), Recommended.String()}, enumOf(t, "$defs", "severity"))
	assert.Equal(t, []string{Missing.String(), Weak.String()}, enumOf(t, "$defs", "finding", "properties", "problem"))
	for name, r := range sampleReports(t) {
		compact, err := r.MarshalJSON()
		require.NoError(t, err)
		indented, err := json.MarshalIndent(r, "", "  ")
		require.NoError(t, err)
		assert.NoError(t, reportschema.Validate(sch, compact), name)
		assert.NoError(t, reportschema.Validate(sch, indented), name)
	}

	r := sampleReports(t)["support-ends-early"]
	small := &Report{AsOf: r.AsOf, Requirements: r.Requirements[:2], Findings: r.Findings[:1]}
	for _, f := range r.Findings {
		if len(f.Also) > 0 {
			small.Findings = append(small.Findings, f)
			break
		}
	}
	doc, err := small.MarshalJSON()
	require.NoError(t, err)
	mutants := reportschema.Mutants(t, doc)
	require.Greater(t, len(mutants), 200)
	for _, m := range mutants {
		schemaErr := reportschema.Validate(sch, m.Doc)
		_, decodeErr := DecodeReport(bytes.NewReader(m.Doc))
		if (schemaErr == nil) != (decodeErr == nil) {
			t.Errorf("%s: schema says %v, decoder says %v", m.Name, schemaErr, decodeErr)
		}
	}
	ReportSchema()[0] = 'x'
	assert.Equal(t, byte('{'), ReportSchema()[0], "each call returns a copy")
}

// TestDecodeReportErrors: what the decoder rejects, with the JSON Pointer
// and rule of each problem.
func TestDecodeReportErrors(t *testing.T) {
	r := sampleReports(t)["support-ends-early"]
	doc, err := r.MarshalJSON()
	require.NoError(t, err)
	early := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.Message.Key == msgWeakSupportEndsEarly.Key })
	require.GreaterOrEqual(t, early, 0)
	req := func(m map[string]any) map[string]any { return m["requirements"].([]any)[0].(map[string]any) }
	find := func(m map[string]any, i int) map[string]any { return m["findings"].([]any)[i].(map[string]any) }
	tests := []struct {
		name       string
		edit       func(m map[string]any)
		raw        string
		path, rule string
	}{
		{name: "another version", edit: func(m map[string]any) { m["format"] = "medsec.contract-report/2" }, path: "/format", rule: "format"},
		{name: "no format", edit: func(m map[string]any) { delete(m, "format") }, path: "/format", rule: "format"},
		{name: "no as-of day", edit: func(m map[string]any) { delete(m, "asOf") }, path: "/asOf", rule: "required"},
		{name: "no requirements", edit: func(m map[string]any) { delete(m, "requirements") }, path: "/requirements", rule: "required"},
		{name: "no findings", edit: func(m map[string]any) { delete(m, "findings") }, path: "/findings", rule: "required"},
		{name: "requirement without rule", edit: func(m map[string]any) { delete(req(m), "rule") }, path: "/requirements/0/rule", rule: "required"},
		{name: "requirement without kind", edit: func(m map[string]any) { delete(req(m), "kind") }, path: "/requirements/0/kind", rule: "required"},
		{name: "unknown kind", edit: func(m map[string]any) { req(m)["kind"] = "poetry" }, path: "/requirements/0/kind"},
		{name: "requirement without reason", edit: func(m map[string]any) { delete(req(m), "reason") }, path: "/requirements/0/reason/key", rule: "required"},
		{name: "requirement without citation", edit: func(m map[string]any) { delete(req(m), "citation") }, path: "/requirements/0/citation", rule: "required"},
		{name: "citation not canonical", edit: func(m map[string]any) { req(m)["citation"] = "XA-ACT art.1" }, path: "/requirements/0/citation", rule: "citation"},
		{name: "path not a pointer", edit: func(m map[string]any) { req(m)["path"] = "clauses/0" }, path: "/requirements/0/path", rule: "pointer"},
		{name: "finding without problem", edit: func(m map[string]any) { delete(find(m, 0), "problem") }, path: "/findings/0/problem", rule: "required"},
		{name: "finding without confidence", edit: func(m map[string]any) { delete(find(m, 0), "confidence") }, path: "/findings/0/confidence", rule: "required"},
		{name: "date argument not a date", edit: func(m map[string]any) {
			find(m, early)["message"].(map[string]any)["args"].([]any)[0] = "soon"
		}, path: fmt.Sprintf("/findings/%d/message/args/0", early), rule: "argument"},
		{name: "argument an array", edit: func(m map[string]any) { find(m, 0)["message"].(map[string]any)["args"] = []any{[]any{}} }, path: "/findings/0/message/args/0", rule: "argument"},
		{name: "unknown member", edit: func(m map[string]any) { find(m, 0)["severe"] = true }, path: "/findings/0/severe", rule: "unknown-field"},
		{name: "trailing data", raw: string(doc) + "[]", rule: "trailing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.raw)
			if tc.edit != nil {
				var m map[string]any
				require.NoError(t, json.Unmarshal(doc, &m))
				tc.edit(m)
				var err error
				in, err = json.Marshal(m)
				require.NoError(t, err)
			}
			rep, err := DecodeReport(bytes.NewReader(in))
			assert.Nil(t, rep)
			require.ErrorIs(t, err, medsec.ErrInvalidInput)
			var fes medsec.FieldErrors
			require.True(t, errors.As(err, &fes), "%T %v", err, err)
			var got []string
			for _, fe := range fes {
				got = append(got, fe.Path+" "+fe.Rule)
				assert.NotContains(t, fe.Message.String(), "%!")
			}
			assert.True(t, slices.ContainsFunc(fes, func(fe *medsec.FieldError) bool {
				return (tc.path == "" || fe.Path == tc.path) && (tc.rule == "" || fe.Rule == tc.rule)
			}), "want %q %q, got %q", tc.path, tc.rule, got)
		})
	}
	_, err = DecodeReport(nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = DecodeReport(bytes.NewReader(doc), WithMaxBytes(100))
	assert.ErrorIs(t, err, medsec.ErrInvalidInput, "over the size limit")
}

// FuzzDecodeReport: any input either decodes to a report that writes
// bytes which decode to the same report again, or is rejected with field
// errors; it never panics.
func FuzzDecodeReport(f *testing.F) {
	for _, r := range sampleReports(f) {
		b, err := r.MarshalJSON()
		require.NoError(f, err)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeReport(bytes.NewReader(data))
		if err != nil {
			var fes medsec.FieldErrors
			if !errors.As(err, &fes) || !errors.Is(err, medsec.ErrInvalidInput) {
				t.Fatalf("want field errors, got %T %v", err, err)
			}
			return
		}
		once, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeReport(bytes.NewReader(once))
		if err != nil {
			t.Fatalf("a decoded report writes %s, which does not decode: %v", once, err)
		}
		twice, err := back.MarshalJSON()
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("written twice differently (%v):\n%s\n%s", err, once, twice)
		}
	})
}
