package obligations

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/reportjson"
)

// RoleReportFormat names the JSON form of a role-check report and its
// version: the value of the member "format" that [RoleReport.MarshalJSON]
// writes first and [Catalog.DecodeRoleReport] requires; [RoleReportSchema]
// describes the form. It is versioned as [ReportFormat] is.
const RoleReportFormat = "medsec.role-report/1"

// RoleReportSchemaID is the $id of the JSON Schema that
// [RoleReportSchema] returns.
const RoleReportSchemaID = "https://github.com/medsec-go/medsec/obligations/role-report.schema.json"

//go:embed schema/role-report.schema.json
var roleReportSchema []byte

// RoleReportSchema returns the JSON Schema (draft 2020-12) of the JSON
// form of a role-check report ([RoleReportFormat]), with a description of
// every member. The returned slice is a fresh copy.
func RoleReportSchema() []byte { return slices.Clone(roleReportSchema) }

// A RoleReport is the outcome of a role check as a document: the
// institution and the findings of [Catalog.CheckRoles], in their order.
//
//	fs, err := c.CheckRoles(&p, staff)
//	...
//	rep := &obligations.RoleReport{Institution: p.Institution.ID, Findings: fs}
//	err = rep.WriteJSON(os.Stdout)
type RoleReport struct {
	// Institution is the institution's ID.
	Institution string
	// Findings are the problems found; none when the assignments meet
	// every rule.
	Findings []Finding
}

// MarshalJSON implements [json.Marshaler]: the report in the JSON form
// [RoleReportFormat], on one line.
//
//	{
//	  "format": "medsec.role-report/1",
//	  "institution": "H1",
//	  "findings": [{
//	    "rule": "XA-ROLE-POSTS", "severity": "error", "role": "security-admin",
//	    "system": "HIS", "person": "",
//	    "message": {"key": "...", "format": "...", "args": [...]},
//	    "citations": ["XA-ACT-1 art. 7"], "confidence": "verified"
//	  }]
//	}
//
// Every member is written. "rule" is the ID of the rule broken;
// "citations" and "confidence" are the rule's; "system" is empty for the
// institution, "person" for a post nobody holds. A finding without a
// severity or with a rule without a confidence is an error.
func (r *RoleReport) MarshalJSON() ([]byte, error) {
	var w reportjson.Writer
	w.Reset(false)
	r.write(&w)
	if w.Err != nil {
		return nil, fmt.Errorf("obligations: writing a role report: %w", w.Err)
	}
	return w.B, nil
}

// WriteJSON writes the report as indented JSON (two spaces), the bytes of
// json.MarshalIndent(r, "", "  ") and a line feed.
func (r *RoleReport) WriteJSON(w io.Writer) error {
	if w == nil {
		return errNilWriter
	}
	var jw reportjson.Writer
	jw.Reset(true)
	r.write(&jw)
	if jw.Err != nil {
		return fmt.Errorf("obligations: writing a role report: %w", jw.Err)
	}
	if _, err := w.Write(append(jw.B, '\n')); err != nil {
		return fmt.Errorf("obligations: writing a role report: %w", err)
	}
	return nil
}

func (r *RoleReport) write(w *reportjson.Writer) {
	if r == nil {
		r = &RoleReport{}
	}
	w.BeginObject()
	w.Key("format")
	w.String(RoleReportFormat)
	w.Key("institution")
	w.String(r.Institution)
	w.Key("findings")
	w.BeginArray()
	for i := range r.Findings {
		f := &r.Findings[i]
		w.BeginObject()
		w.Key("rule")
		w.String(f.Rule.ID)
		w.Key("severity")
		w.Text(f.Severity)
		w.Key("role")
		w.String(string(f.Role))
		w.Key("system")
		w.String(f.System)
		w.Key("person")
		w.String(f.PersonID)
		w.Key("message")
		w.Message(f.Message)
		w.Key("citations")
		w.BeginArray()
		for _, c := range f.Rule.Citations {
			w.Text(c)
		}
		w.EndArray()
		w.Key("confidence")
		w.Text(f.Rule.Confidence)
		w.EndObject()
	}
	w.EndArray()
	w.EndObject()
}

// The JSON form of a role report as the decoder reads it.
type (
	roleReportDoc struct {
		Format      string        `json:"format"`
		Institution string        `json:"institution"`
		Findings    *[]findingDoc `json:"findings"`
	}
	findingDoc struct {
		Rule       string            `json:"rule"`
		Severity   Severity          `json:"severity"`
		Role       Role              `json:"role"`
		System     string            `json:"system"`
		Person     string            `json:"person"`
		Message    medsec.Message    `json:"message"`
		Citations  []medsec.Citation `json:"citations"`
		Confidence medsec.Confidence `json:"confidence"`
	}
)

// DecodeRoleReport reads a role-check report in the JSON form
// [RoleReportFormat] (as [RoleReport.MarshalJSON] and
// [RoleReport.WriteJSON] write it), strictly as [Catalog.DecodeReport]
// reads a gap report: a missing or other "format", a missing institution
// or findings, a finding without a rule, severity, role, message,
// citation or confidence, a role that c does not declare and a message
// argument that is not a string, number, boolean or message are errors.
// The members "system" and "person" may be left out; they are then
// empty.
//
// Each finding's rule is looked up by ID among the role rules of c. A
// rule c does not have is an error at "/findings/N/rule": decode the
// report with the catalog it was made with. A finding keeps what the
// report recorded: its Rule is c's rule with the recorded citations and
// confidence in place.
//
// Problems come as [medsec.FieldErrors] wrapping [medsec.ErrInvalidInput],
// with JSON Pointers into the document, at most 100.
func (c *Catalog) DecodeRoleReport(r io.Reader) (*RoleReport, error) {
	if c == nil {
		c = &Catalog{}
	}
	var doc roleReportDoc
	if err := readReport(r, &doc); err != nil {
		return nil, err
	}
	var errs reportErrors
	errs.format(doc.Format, RoleReportFormat)
	if doc.Institution == "" {
		errs.add("/institution", "required", "", msgErrRequired.New("institution"))
	}
	if doc.Findings == nil {
		errs.add("/findings", "required", "", msgErrRequired.New("findings"))
		doc.Findings = new([]findingDoc)
	}
	rep := &RoleReport{Institution: doc.Institution}
	if len(*doc.Findings) > 0 {
		rep.Findings = make([]Finding, len(*doc.Findings))
	}
	for i := range *doc.Findings {
		d := &(*doc.Findings)[i]
		path := "/findings/" + strconv.Itoa(i)
		f := &rep.Findings[i]
		*f = Finding{Severity: d.Severity, Role: d.Role, System: d.System, PersonID: d.Person}
		k, found := slices.BinarySearchFunc(c.roles.rules, d.Rule, func(r RoleRule, id string) int { return strings.Compare(r.ID, id) })
		switch {
		case d.Rule == "":
			errs.add(path+"/rule", "required", "", msgErrRequired.New("rule"))
		case !found:
			errs.add(path+"/rule", "exists", d.Rule, msgErrReportRule.New(clip(d.Rule)))
		default:
			f.Rule = cloneRule(c.roles.rules[k])
		}
		if d.Severity == 0 {
			errs.add(path+"/severity", "required", "", msgErrRequired.New("severity"))
		}
		switch {
		case d.Role == "":
			errs.add(path+"/role", "required", "", msgErrRequired.New("role"))
		case !c.roles.has(d.Role):
			errs.add(path+"/role", "declared", string(d.Role), msgErrRole.New(clip(string(d.Role))))
		}
		errs.message(&d.Message, path+"/message", "message")
		f.Message = d.Message
		if len(d.Citations) == 0 {
			errs.add(path+"/citations", "required", "", msgErrRequired.New("citations"))
		}
		if d.Confidence == medsec.ConfidenceUnknown {
			errs.add(path+"/confidence", "required", "", msgErrRequired.New("confidence"))
		}
		f.Rule.Citations, f.Rule.Confidence = d.Citations, d.Confidence
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return rep, nil
}
