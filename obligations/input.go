package obligations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/inputjson"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DefaultMaxBytes is the size limit of the decoders of the package: 4 MiB.
const DefaultMaxBytes = inputjson.DefaultMaxBytes

// A DecodeOption changes how a decoder of the package reads. A nil
// DecodeOption changes nothing.
type DecodeOption func(*decodeConfig)

type decodeConfig struct {
	maxBytes int64
	members  any
}

// WithMaxBytes sets the largest input a decoder accepts; n ≤ 0 means
// [DefaultMaxBytes].
func WithMaxBytes(n int64) DecodeOption {
	return func(c *decodeConfig) { c.maxBytes = n }
}

// WithMembers lets the document [DecodeRecords] reads carry members of
// the caller's own besides those of [Records]: v points to a struct whose
// exported fields, named by their json tags, are those members, decoded
// as strictly as the rest (their values are not checked further). A
// member that Records has too, and a v that is not a pointer to a struct,
// are errors. The other decoders ignore the option.
func WithMembers(v any) DecodeOption {
	return func(c *decodeConfig) { c.members = v }
}

func config(opts []DecodeOption) decodeConfig {
	var c decodeConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Records are an institution's records in one document, the input of the
// whole medsec flow: the institution, what grading needs to know about it
// and its systems ([gradingio.Inputs]: the NIS2 and Czech inputs and the
// systems with their MLPS and Vietnamese inputs), its incidents, the
// evidence of duties done and the role assignments. [Records.Profile]
// grades the inputs and returns the [Profile]; see the package
// documentation, "Reading input".
//
// In JSON ([RecordsSchema]) the members are institution (without its
// systems, which are the top-level systems), nis2, cz, systems,
// incidents, evidence and assignments.
type Records struct {
	// Institution is the institution without its systems.
	Institution grading.Institution `json:"institution"`
	// NIS2 and CZ are the inputs of the institution's NIS2 class and Czech
	// regime, where they apply.
	NIS2 *grading.NIS2Input `json:"nis2,omitempty"`
	CZ   *grading.CZInput   `json:"cz,omitempty"`
	// Systems are the institution's systems with their grading inputs.
	Systems []gradingio.SystemInput `json:"systems,omitempty"`
	// Incidents, Evidence and Assignments are as in a [Profile], in
	// [Catalog.GapReport] and in [CheckRoles].
	Incidents   []Incident   `json:"incidents,omitempty"`
	Evidence    []Evidence   `json:"evidence,omitempty"`
	Assignments []Assignment `json:"assignments,omitempty"`
}

// The decoders of the package read JSON strictly by the rules of
// inputRules.
var inputDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return inputRules.Decoder(map[reflect.Type]strictjson.TextRule{
		reflect.TypeFor[Role](): {Rule: "code", Explain: inputjson.ExplainCode},
	})
})

// decode reads one document of type T and checks it with check, whose
// errors have paths relative to the document.
func decode[T any](r io.Reader, opts []DecodeOption, what string, check func(*T) medsec.FieldErrors) (T, error) {
	var v T
	data, err := inputjson.Read(r, config(opts).maxBytes, "obligations: reading "+what)
	if err != nil {
		return v, err
	}
	if errs := inputjson.Unmarshal(inputDecoder(), data, &v, ""); errs != nil {
		var zero T
		return zero, errs
	}
	if errs := check(&v); errs != nil {
		var zero T
		return zero, fielderr.Cap(errs)
	}
	return v, nil
}

// DecodeProfile reads a [Profile] from r: strictly (unknown or repeated
// fields, values of the wrong type or out of their lists, dates that do
// not exist, null, invalid UTF-8, control characters, more than
// DefaultMaxBytes or the [WithMaxBytes] limit are errors), then checking
// what needs no registry: the institution's ID, jurisdictions and type,
// its systems' IDs (given and unique), a country of two upper-case
// letters, and each incident's ID (given and unique), detection time and
// system (one of the institution's). Problems come as
// [medsec.FieldErrors] (they wrap [medsec.ErrInvalidInput]) with JSON
// Pointers ("/incidents/2/system"), at most 100; an error of r comes back
// wrapped. What the registry declares (jurisdictions, flags, events) is
// [Profile.Validate]'s to check. [ProfileSchema] is the format's JSON
// Schema.
func DecodeProfile(r io.Reader, opts ...DecodeOption) (*Profile, error) {
	p, err := decode(r, opts, "a profile", func(p *Profile) medsec.FieldErrors { return p.problems() })
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DecodeIncidents reads a JSON array of [Incident] values from r as
// [DecodeProfile] reads a profile, checking each incident's ID (given and
// unique) and detection time. [IncidentsSchema] is the format's JSON
// Schema.
func DecodeIncidents(r io.Reader, opts ...DecodeOption) ([]Incident, error) {
	return decode(r, opts, "incidents", func(in *[]Incident) medsec.FieldErrors { return incidentProblems(*in, "", nil) })
}

// DecodeEvidence reads a JSON array of [Evidence] from r as
// [DecodeProfile] reads a profile, checking that each entry names a duty
// and the day it was done. Whether the duty exists and binds the system
// or incident named is [Catalog.GapReport]'s to check. [EvidenceSchema]
// is the format's JSON Schema.
func DecodeEvidence(r io.Reader, opts ...DecodeOption) ([]Evidence, error) {
	return decode(r, opts, "evidence", func(ev *[]Evidence) medsec.FieldErrors { return evidenceProblems(*ev, "") })
}

// DecodeAssignments reads a JSON array of [Assignment] values from r as
// [DecodeProfile] reads a profile, checking that each names a person, a
// role (a well-formed code) and an employment. Whether a catalog declares
// the role and the system exists is [CheckRoles]'s to check.
// [AssignmentsSchema] is the format's JSON Schema.
func DecodeAssignments(r io.Reader, opts ...DecodeOption) ([]Assignment, error) {
	return decode(r, opts, "assignments", func(as *[]Assignment) medsec.FieldErrors { return assignmentProblems(*as, "") })
}

// DecodeRecords reads [Records] from r as [DecodeProfile] reads a
// profile, checking the institution as DecodeProfile does (it has no
// systems of its own: they are the top-level systems), the grading
// inputs as [gradingio.DecodeInputs] does, and the incidents, evidence and
// assignments as the other decoders do; an incident's system is one of
// the top-level systems. [WithMembers] lets the document carry members of
// the caller's own. [RecordsSchema] is the format's JSON Schema.
func DecodeRecords(r io.Reader, opts ...DecodeOption) (*Records, error) {
	cfg := config(opts)
	wire := reflect.TypeFor[recordsJSON]()
	var mv reflect.Value
	if cfg.members != nil {
		mv = reflect.ValueOf(cfg.members)
		if mv.Kind() != reflect.Pointer || mv.IsNil() || mv.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("obligations: WithMembers needs a non-nil pointer to a struct, not %T: %w", cfg.members, medsec.ErrInvalidInput)
		}
		var err error
		if wire, err = combinedType(wire, mv.Elem().Type()); err != nil {
			return nil, err
		}
	}
	data, err := inputjson.Read(r, cfg.maxBytes, "obligations: reading records")
	if err != nil {
		return nil, err
	}
	wv := reflect.New(wire)
	if errs := inputjson.Unmarshal(inputDecoder(), data, wv.Interface(), ""); errs != nil {
		return nil, errs
	}
	// The first fields of the wire type are those of recordsJSON, the
	// rest the caller's members, in order.
	var raw recordsJSON
	rv := reflect.ValueOf(&raw).Elem()
	for i := range rv.NumField() {
		rv.Field(i).Set(wv.Elem().Field(i))
	}
	if mv.IsValid() {
		j := 0
		for i := rv.NumField(); i < wire.NumField(); i++ {
			for !mv.Elem().Type().Field(j).IsExported() {
				j++
			}
			mv.Elem().Field(j).Set(wv.Elem().Field(i))
			j++
		}
	}
	rec := &Records{Institution: raw.Institution, Incidents: raw.Incidents, Evidence: raw.Evidence, Assignments: raw.Assignments}
	var errs medsec.FieldErrors
	// The grading inputs are package gradingio's to read and check: they
	// go to gradingio.DecodeInputs as a document of their own, whose paths are
	// those of the records.
	if in := raw.inputs(); in != nil {
		gi, err := gradingio.DecodeInputs(bytes.NewReader(in), gradingio.WithMaxBytes(int64(len(in))))
		if !errors.As(err, &errs) && err != nil {
			return nil, fmt.Errorf("obligations: reading records: %w", err)
		}
		rec.NIS2, rec.CZ, rec.Systems = gi.NIS2, gi.CZ, gi.Systems
	}
	if errs = append(errs, rec.problems(len(errs) == 0)...); errs != nil {
		return nil, fielderr.Cap(errs)
	}
	return rec, nil
}

// recordsJSON is the wire form of Records: the grading inputs stay JSON
// until package gradingio reads them.
type recordsJSON struct {
	Institution grading.Institution `json:"institution"`
	NIS2        json.RawMessage     `json:"nis2,omitempty"`
	CZ          json.RawMessage     `json:"cz,omitempty"`
	Systems     json.RawMessage     `json:"systems,omitempty"`
	Incidents   []Incident          `json:"incidents,omitempty"`
	Evidence    []Evidence          `json:"evidence,omitempty"`
	Assignments []Assignment        `json:"assignments,omitempty"`
}

// inputs returns the grading inputs as a document of gradingio.Inputs, nil
// when there are none.
func (r *recordsJSON) inputs() []byte {
	if r.NIS2 == nil && r.CZ == nil && r.Systems == nil {
		return nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for _, m := range []struct {
		name string
		v    json.RawMessage
	}{{"nis2", r.NIS2}, {"cz", r.CZ}, {"systems", r.Systems}} {
		if m.v == nil {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + m.name + `":`)
		b.Write(m.v)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// combinedType returns a struct type of the fields of base followed by
// the exported fields of members.
func combinedType(base, members reflect.Type) (reflect.Type, error) {
	var fields []reflect.StructField
	names := map[string]bool{}
	name := func(f reflect.StructField) string {
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == "" {
			n = f.Name
		}
		return n
	}
	for i := 0; i < base.NumField(); i++ {
		f := base.Field(i)
		names[name(f)] = true
		fields = append(fields, reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag})
	}
	for i := 0; i < members.NumField(); i++ {
		f := members.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous || names[name(f)] || name(f) == "-" {
			return nil, fmt.Errorf("obligations: WithMembers: the member %q of %s is one of Records or not a plain field: %w", name(f), members, medsec.ErrInvalidInput)
		}
		names[name(f)] = true
		fields = append(fields, reflect.StructField{Name: "M" + strconv.Itoa(i) + "_" + f.Name, Type: f.Type, Tag: f.Tag})
	}
	return reflect.StructOf(fields), nil
}

// problems checks a profile: what needs no registry.
func (p *Profile) problems() medsec.FieldErrors {
	out := institutionProblems(&p.Institution, "/institution")
	return append(out, incidentProblems(p.Incidents, "/incidents", systemIDs(p.Institution.Systems))...)
}

// problems checks records but their grading inputs: the institution
// without systems, and the incidents, evidence and assignments; an
// incident's system when the systems were read.
func (r *Records) problems(systemsRead bool) medsec.FieldErrors {
	out := institutionProblems(&r.Institution, "/institution")
	if len(r.Institution.Systems) > 0 {
		out = append(out, &medsec.FieldError{Path: "/institution/systems", Rule: "records-systems", Message: msgErrRecordsSystems.New(), Err: medsec.ErrInvalidInput})
	}
	var ids map[string]bool // nil: the systems could not be read, so incidents are not checked against them
	if systemsRead {
		ids = map[string]bool{}
		for _, s := range r.Systems {
			ids[s.ID] = true
		}
	}
	out = append(out, incidentProblems(r.Incidents, "/incidents", ids)...)
	out = append(out, evidenceProblems(r.Evidence, "/evidence")...)
	return append(out, assignmentProblems(r.Assignments, "/assignments")...)
}

func systemIDs(systems []grading.System) map[string]bool {
	ids := make(map[string]bool, len(systems))
	for _, s := range systems {
		ids[s.ID] = true
	}
	return ids
}

// institutionProblems checks what an institution needs without a
// registry: an ID, jurisdictions and a type, a country of two upper-case
// letters, and its systems' IDs, given and unique.
func institutionProblems(in *grading.Institution, at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	add := func(path, rule, value string, m medsec.Message) {
		out = append(out, &medsec.FieldError{Path: at + path, Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidInput})
	}
	if in.ID == "" {
		add("/id", "required", "", msgErrRequired.New("id"))
	}
	if len(in.Jurisdictions) == 0 {
		add("/jurisdictions", "required", "", msgErrRequired.New("jurisdictions"))
	}
	if in.Type == 0 {
		add("/type", "required", "", msgErrRequired.New("type"))
	}
	if in.Country != "" && !medsec.Jurisdiction(in.Country).Valid() {
		add("/country", "country", in.Country, msgErrCountry.New(clip(in.Country)))
	}
	seen := make(map[string]bool, len(in.Systems))
	for i, s := range in.Systems {
		p := "/systems/" + strconv.Itoa(i) + "/id"
		switch {
		case s.ID == "":
			add(p, "required", "", msgErrRequired.New("id"))
		case seen[s.ID]:
			add(p, "unique", s.ID, msgErrSystemTwice.New(clip(s.ID)))
		}
		seen[s.ID] = true
	}
	return out
}

// incidentProblems checks incidents: an ID each, unique, a detection
// time, and, when systems is not nil, a system that is one of them.
func incidentProblems(incs []Incident, at string, systems map[string]bool) medsec.FieldErrors {
	var out medsec.FieldErrors
	seen := make(map[string]bool, len(incs))
	for i, inc := range incs {
		p := at + "/" + strconv.Itoa(i)
		add := func(path, rule, value string, m medsec.Message) {
			out = append(out, &medsec.FieldError{Path: p + path, Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidInput})
		}
		switch {
		case inc.ID == "":
			add("/id", "required", "", msgErrRequired.New("id"))
		case seen[inc.ID]:
			add("/id", "unique", inc.ID, msgErrIncidentID.New(clip(inc.ID)))
		}
		seen[inc.ID] = true
		if inc.Detected.IsZero() {
			add("/detected", "required", "", msgErrRequired.New("detected"))
		}
		if systems != nil && inc.System != "" && !systems[inc.System] {
			add("/system", "exists", inc.System, msgErrUnknownSystem.New(clip(inc.System)))
		}
	}
	return out
}

// evidenceProblems checks evidence: a duty and a day each.
func evidenceProblems(ev []Evidence, at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	for i, x := range ev {
		p := at + "/" + strconv.Itoa(i)
		if x.Duty == "" {
			out = append(out, &medsec.FieldError{Path: p + "/duty", Rule: "required", Message: msgErrRequired.New("duty"), Err: medsec.ErrInvalidInput})
		}
		if x.Done.IsZero() {
			out = append(out, &medsec.FieldError{Path: p + "/done", Rule: "required", Message: msgErrRequired.New("done"), Err: medsec.ErrInvalidInput})
		}
	}
	return out
}

// assignmentProblems checks assignments: a person, a role and an
// employment each.
func assignmentProblems(as []Assignment, at string) medsec.FieldErrors {
	var out medsec.FieldErrors
	for i, a := range as {
		p := at + "/" + strconv.Itoa(i)
		for _, f := range []struct {
			missing bool
			name    string
		}{{a.PersonID == "", "personId"}, {a.Role == "", "role"}, {a.Employment == EmploymentUnknown, "employment"}} {
			if f.missing {
				out = append(out, &medsec.FieldError{Path: p + "/" + f.name, Rule: "required", Message: msgErrRequired.New(f.name), Err: medsec.ErrInvalidInput})
			}
		}
	}
	return out
}
