package obligations

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/apitest"
	"github.com/medsec-go/medsec/internal/costtest"
)

// fuzzInput is what an institution hands to the package: its profile,
// its evidence and its role assignments, as one JSON document.
type fuzzInput struct {
	Profile     Profile      `json:"profile"`
	Evidence    []Evidence   `json:"evidence,omitempty"`
	Assignments []Assignment `json:"assignments,omitempty"`
}

func decodeFuzzInput(data []byte) (*fuzzInput, bool) {
	var in fuzzInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(&in) != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return &in, true
}

// evaluateBudget bounds what evaluating a profile may allocate: each
// system of a few bytes of JSON binds a few dozen duties, so the constant
// is large, but growth beyond linear in the input is not allowed.
var evaluateBudget = costtest.Budget{Bytes: 1 << 20, PerByte: 4096, Allocs: 5000, AllocsPerByte: 32}

// checkInputError fails unless err is a validation error: field errors
// wrapping ErrInvalidInput, each with a JSON Pointer path, a rule and a
// message that formats.
func checkInputError(t *testing.T, err error) {
	t.Helper()
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) || len(fes) == 0 || !errors.Is(err, medsec.ErrInvalidInput) {
		t.Fatalf("want field errors wrapping ErrInvalidInput, got %T %v", err, err)
	}
	for _, fe := range fes {
		if fe.Path != "" && !strings.HasPrefix(fe.Path, "/") {
			t.Fatalf("path %q is not a JSON Pointer", fe.Path)
		}
		if fe.Rule == "" || fe.Message.Key == "" || apitest.Misformatted(fe.Message, medsec.Message.String) {
			t.Fatalf("bad field error %+v", fe)
		}
	}
}

func fuzzSeeds(tb testing.TB) [][]byte {
	cn := hospitalCN(grading.MLPS3)
	cn.Institution.Systems = append(cn.Institution.Systems, grading.System{ID: "PACS", MLPS: grading.MLPS3,
		Flags:  []medsec.Flag{"vendor-remote-access", "new-project"},
		Events: map[medsec.Event]medsec.Date{"go-live": date("2027-03-01")}})
	cn.Incidents = []Incident{{ID: "INC-7", System: "PACS", Detected: time.Date(2026, 11, 22, 7, 15, 0, 0, time.UTC), CNGrade: CNGradeRelativelyMajor}}
	inputs := []fuzzInput{
		{Profile: cn, Evidence: []Evidence{
			{Duty: "CN-NHC-LEADERSHIP-GROUP", Done: date("2023-03-01"), Reference: "Decision 2023-12"},
			{Duty: "CN-MLPS-FILING-30D", System: "HIS", Done: date("2026-10-20"), Reference: "PSB 11010"},
			{Duty: "CN-CAC-REPORT-OTHER-4H", Incident: "INC-7", Done: date("2026-11-22"), At: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)},
		}, Assignments: goodCNStaff()},
		{Profile: hospitalVN()},
		{Profile: hospitalCZ(grading.CZHigher), Evidence: []Evidence{{Duty: "NOPE", Done: date("2026-01-01")}}},
	}
	var out [][]byte
	for _, in := range inputs {
		b, err := json.Marshal(in)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	p, err := os.ReadFile("testdata/profile.json")
	if err != nil {
		tb.Fatal(err)
	}
	return append(out, []byte(`{"profile":`+string(p)+`}`))
}

// FuzzGapReport evaluates institutions read from JSON — profile,
// evidence and role assignments — with GapReport, Applicable, CheckRoles
// and Portfolio, and renders the report with every writer. Invalid input
// is a field error with a JSON Pointer in all of them alike; valid input
// gives a consistent report (totals, urgency order, known systems and
// incidents, every applicable duty present, Portfolio's totals), the same
// twice, whose text and Markdown keep their structure whatever the IDs
// and references hold, and whose JSON parses. Evaluation allocates at
// most linearly in the input.
func FuzzGapReport(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint16(0), uint8(0))
	}
	f.Add([]byte(`{"profile":{"institution":{"id":"X","jurisdictions":["CN"],"type":"hospital","systems":[{"id":"A"},{"id":"A"}]}}}`), uint16(3), uint8(1))
	f.Add([]byte(`{"profile":{"institution":{"id":"<b>|x","jurisdictions":["EU","CZ"],"type":"hospital","nis2":"essential","cz":"higher","systems":[{"id":"- 1. [x](y)"}]}},"evidence":[{"duty":"EU-NIS2-RISK-MEASURES","done":"2026-01-01","reference":"\n# forged"}]}`), uint16(0), uint8(0))
	cat := DefaultCatalog()
	f.Fuzz(func(t *testing.T, data []byte, day uint16, soon uint8) {
		in, ok := decodeFuzzInput(data)
		if !ok {
			return
		}
		p := &in.Profile
		opts := Options{AsOf: asOf.AddDays(int(day)%4000 - 2000), DueSoonDays: int(soon)}
		var r *Report
		var err, aerr, rerr error
		var bindings []Binding
		var findings []Finding
		costtest.Linear(t, len(data), evaluateBudget, func() {
			r, err = cat.GapReport(p, in.Evidence, opts)
			bindings, aerr = cat.Applicable(p, opts.AsOf)
			findings, rerr = CheckRoles(p, in.Assignments)
		})
		verr := p.Validate(nil)
		if verr != nil {
			checkInputError(t, verr)
			// Errors come in the same order every time (review F11).
			for range 3 {
				if again := p.Validate(nil); again.Error() != verr.Error() {
					t.Fatalf("Validate is not deterministic:\n%v\n%v", verr, again)
				}
			}
			for _, e := range []error{err, aerr, rerr} {
				if e == nil {
					t.Fatalf("an invalid profile was evaluated: %v", verr)
				}
				checkInputError(t, e)
			}
			return
		}
		if aerr != nil {
			t.Fatalf("Applicable rejects a valid profile: %v", aerr)
		}
		if rerr != nil {
			checkInputError(t, rerr)
		} else {
			checkFindings(t, p, in.Assignments, findings)
		}
		if err != nil {
			checkInputError(t, err) // evidence naming unknown duties, systems or incidents
			return
		}
		checkReport(t, p, r, bindings)
		again, err := cat.GapReport(p, in.Evidence, opts)
		if err != nil {
			t.Fatal(err)
		}
		var js1, js2 bytes.Buffer
		if err := r.WriteJSON(&js1); err != nil {
			t.Fatal(err)
		}
		if err := again.WriteJSON(&js2); err != nil {
			t.Fatal(err)
		}
		if js1.String() != js2.String() {
			t.Fatal("GapReport is not deterministic")
		}
		var back struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(js1.Bytes(), &back); err != nil || len(back.Items) != len(r.Items) {
			t.Fatalf("JSON report does not parse back: %v", err)
		}
		base := withText(r, benign(r.Institution), "Word", "Word", "Word", "")
		checkReportStructure(t, "fuzzed institution", r, base, nil, nil)
		sum := cat.Portfolio([]PortfolioEntry{{Profile: p, Evidence: in.Evidence}}, opts)
		if len(sum) != 1 || sum[0].Err != nil || sum[0].Totals != r.Totals {
			t.Fatalf("Portfolio gives %+v, GapReport totals %v", sum, r.Totals)
		}
	})
}

// checkReport checks the invariants of a gap report of p.
func checkReport(t *testing.T, p *Profile, r *Report, bindings []Binding) {
	t.Helper()
	systems := map[string]bool{"": true}
	for _, s := range p.Institution.Systems {
		systems[s.ID] = true
	}
	incidents := map[string]bool{"": true}
	for _, in := range p.Incidents {
		incidents[in.ID] = true
	}
	var totals [statusCount]int
	type key struct{ duty, system string }
	items := map[key]bool{}
	byIncident := map[string]bool{} // duties bound to recorded incidents
	for i := range r.Items {
		it := &r.Items[i]
		if it.Status == StatusUnknown || it.Status >= statusCount {
			t.Fatalf("item %s has status %v", it.DutyID, it.Status)
		}
		if i > 0 && r.Items[i-1].Status > it.Status {
			t.Fatalf("items not in urgency order: %v before %v", r.Items[i-1].Status, it.Status)
		}
		if !systems[it.System] || !incidents[it.Incident] {
			t.Fatalf("item %s names unknown system %q or incident %q", it.DutyID, it.System, it.Incident)
		}
		for _, m := range []medsec.Message{it.Title(), it.Reason()} {
			if m.Key == "" || apitest.Misformatted(m, medsec.Message.String) {
				t.Fatalf("item %s: message %q", it.DutyID, m.String())
			}
		}
		totals[it.Status]++
		if it.Incident == "" {
			items[key{it.DutyID, it.System}] = true
		} else {
			byIncident[it.DutyID] = true
		}
	}
	if totals != r.Totals {
		t.Fatalf("totals %v, counted %v", r.Totals, totals)
	}
	// Applicable does not look at incidents; the report binds an incident
	// duty to each recorded incident instead.
	for _, b := range bindings {
		if !items[key{b.DutyID, b.System}] && !byIncident[b.DutyID] {
			t.Fatalf("applicable duty %s for %q is not in the report", b.DutyID, b.System)
		}
	}
}

// checkFindings checks the invariants of role findings: every one names a
// rule with resolvable citations and a message, and they come out the same
// every time.
func checkFindings(t *testing.T, p *Profile, as []Assignment, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Rule.ID == "" || !f.Rule.Confidence.Valid() || f.Severity == SeverityUnknown || f.Message.Key == "" ||
			apitest.Misformatted(f.Message, medsec.Message.String) {
			t.Fatalf("bad finding %+v", f)
		}
		for _, c := range f.Rule.Citations {
			if err := medsec.DefaultRegistry().Resolve(c); err != nil {
				t.Fatalf("finding cites %v: %v", c, err)
			}
		}
	}
	again, err := CheckRoles(p, as)
	if err != nil || !reflect.DeepEqual(again, fs) {
		t.Fatalf("CheckRoles is not deterministic: %v", err)
	}
}

// FuzzUnmarshalText: the package's enumerations accept exactly their
// names, leave the value at zero otherwise, and round-trip.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"institution", "system-owner", "system", "health-data", "go-live", "incident", "significant",
		"relatively-major", "overdue", "due-soon", "hospital", "every", "within", "security-officer", "staff", "", "Hospital", "\x00",
		"equal-to", "subset-of", "full", "draft", "not-complete", "human", "semantic"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []interface {
			encoding.TextUnmarshaler
			encoding.TextMarshaler
		}{new(Party), new(Scope), new(CNIncidentGrade), new(Status), new(RecurrenceKind), new(Role), new(Employment),
			new(Relationship), new(Coverage), new(MappingStatus), new(MappingMethod), new(MatchingRationale)} {
			err := v.UnmarshalText([]byte(s))
			if err != nil {
				if !errors.Is(err, medsec.ErrInvalidInput) && !errors.Is(err, medsec.ErrInvalidData) {
					t.Fatalf("%T(%q): error kind %v", v, s, err)
				}
				if !reflect.ValueOf(v).Elem().IsZero() {
					t.Fatalf("%T(%q): value set on error", v, s)
				}
				continue
			}
			b, err := v.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("%T: %q round-trips to %q, %v", v, s, b, err)
			}
		}
	})
}
