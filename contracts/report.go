package contracts

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/reportjson"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// ReportFormat names the JSON form of a contract-check [Report] and its
// version: the value of the member "format" that [Report.MarshalJSON]
// writes first and [DecodeReport] requires; [ReportSchema] describes the
// form. The version changes when a member is removed or renamed or
// changes its meaning; a release may add a member without changing it,
// and its decoder then reads reports with and without that member.
const ReportFormat = "medsec.contract-report/1"

// ReportSchemaID is the $id of the JSON Schema that [ReportSchema]
// returns.
const ReportSchemaID = "https://github.com/medsec-go/medsec/contracts/contract-report.schema.json"

//go:embed report.schema.json
var reportSchema []byte

// ReportSchema returns the JSON Schema (draft 2020-12) of the JSON form
// of a contract-check report ([ReportFormat]), with a description of
// every member. A test validates the package's output against it. The
// returned slice is a fresh copy.
func ReportSchema() []byte { return slices.Clone(reportSchema) }

// plainReport is a Report without its methods, for encoding/json.
type plainReport Report

// MarshalJSON implements [json.Marshaler]: the report in the JSON form
// [ReportFormat], the member "format" first, then the members of the
// fields of [Report], [Requirement] and [Finding] as their tags name
// them. Every member is written, "also" only when a finding has further
// citations; no list is null.
//
//	{
//	  "format": "medsec.contract-report/1",
//	  "asOf": "2026-06-01",
//	  "requirements": [{"rule": "xa-security", "kind": "security-obligations", "severity": "required",
//	    "reason": {"key": "...", "format": "..."}, "citation": "XA-ACT-1 art. 4", "confidence": "verified",
//	    "met": true, "path": "/clauses/0"}],
//	  "findings": [{"rule": "...", "severity": "required", "problem": "missing", "kind": "...",
//	    "message": {"key": "...", "format": "...", "args": [...]}, "citation": "...",
//	    "also": ["..."], "confidence": "verified", "path": "/clauses"}]
//	}
func (r *Report) MarshalJSON() ([]byte, error) {
	p := plainReport{}
	if r != nil {
		p = plainReport(*r)
	}
	if p.Requirements == nil {
		p.Requirements = []Requirement{}
	}
	if p.Findings == nil {
		p.Findings = []Finding{}
	}
	b, err := json.Marshal(struct {
		Format string `json:"format"`
		*plainReport
	}{ReportFormat, &p})
	if err != nil {
		return nil, fmt.Errorf("contracts: writing a report: %w", err)
	}
	return b, nil
}

// The JSON form of a report as the decoder reads it.
type (
	reportDoc struct {
		Format       string            `json:"format"`
		AsOf         medsec.Date       `json:"asOf"`
		Requirements *[]requirementDoc `json:"requirements"`
		Findings     *[]findingDoc     `json:"findings"`
	}
	requirementDoc struct {
		Rule       string            `json:"rule"`
		Kind       ClauseKind        `json:"kind"`
		Severity   Severity          `json:"severity"`
		Reason     medsec.Message    `json:"reason"`
		Citation   medsec.Citation   `json:"citation"`
		Confidence medsec.Confidence `json:"confidence"`
		Met        bool              `json:"met"`
		Path       string            `json:"path"`
	}
	findingDoc struct {
		Rule       string            `json:"rule"`
		Severity   Severity          `json:"severity"`
		Problem    Problem           `json:"problem"`
		Kind       ClauseKind        `json:"kind"`
		Message    medsec.Message    `json:"message"`
		Citation   medsec.Citation   `json:"citation"`
		Also       []medsec.Citation `json:"also"`
		Confidence medsec.Confidence `json:"confidence"`
		Path       string            `json:"path"`
	}
)

// dateArgs lists the arguments of the package's messages that are dates,
// by key, so that a decoded report gives them back as medsec.Date.
var dateArgs = map[string][]int{msgWeakSupportEndsEarly.Key: {0, 1}}

// DecodeReport reads a contract-check report in the JSON form
// [ReportFormat], as [Report.MarshalJSON] writes it, and returns the
// report: one that writes the same bytes and whose messages render the
// same text (the dates among their arguments come back as medsec.Date).
//
// It reads as strictly as [Decode], with the same limits and options,
// and besides rejects a missing or other "format", a missing as-of day,
// requirements or findings, a requirement or finding without a rule,
// kind, severity, reason or message, citation or confidence, a finding
// without a problem, a path that is not a JSON Pointer, and a message
// argument that is not a string, number, boolean or message. The members
// "met" and "also" may be left out; they are then false and empty. The
// report is self-contained: nothing in it is looked up in a checker.
//
// Problems come as [medsec.FieldErrors] wrapping [medsec.ErrInvalidInput],
// with JSON Pointers into the document ("/findings/2/kind"), at most 100.
func DecodeReport(r io.Reader, opts ...DecodeOption) (*Report, error) {
	cfg := decodeConfig{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if r == nil {
		return nil, fmt.Errorf("contracts: reading a report: %w: the io.Reader is nil", medsec.ErrInvalidInput)
	}
	data, tooLarge, err := strictjson.ReadAll(r, cfg.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("contracts: reading a report: %w", err)
	}
	if tooLarge {
		return nil, fielderr.TooLarge(cfg.maxBytes, medsec.ErrInvalidInput)
	}
	var doc reportDoc
	if errs := decoder().Unmarshal(data, &doc); errs != nil {
		return nil, fielderr.FromJSON(errs, medsec.ErrInvalidInput)
	}
	var errs fielderr.List
	add := func(path, rule, value string, m medsec.Message) { errs.Add(fieldErr(path, rule, clip(value), m)) }
	required := func(path string, missing bool) {
		if missing {
			add(path, "required", "", msgValRequired.New())
		}
	}
	message := func(m *medsec.Message, path string) {
		required(path+"/key", m.Key == "")
		reportjson.Args(m, path, dateArgs, func(at, value string) { add(at, "argument", value, msgDecodeReportArg.New()) })
	}
	pointer := func(p, path string) {
		if p != "" && !strings.HasPrefix(p, "/") {
			add(path, "pointer", p, msgDecodeReportPath.New(clip(p)))
		}
	}
	if doc.Format != ReportFormat {
		add("/format", "format", doc.Format, msgDecodeReportFormat.New(clip(doc.Format), ReportFormat))
	}
	required("/asOf", doc.AsOf.IsZero())
	required("/requirements", doc.Requirements == nil)
	required("/findings", doc.Findings == nil)
	rep := &Report{AsOf: doc.AsOf, Requirements: []Requirement{}, Findings: []Finding{}}
	if doc.Requirements != nil {
		rep.Requirements = make([]Requirement, len(*doc.Requirements))
		for i, d := range *doc.Requirements {
			at := "/requirements/" + strconv.Itoa(i)
			required(at+"/rule", d.Rule == "")
			required(at+"/kind", d.Kind == KindUnknown)
			required(at+"/severity", d.Severity == 0)
			message(&d.Reason, at+"/reason")
			required(at+"/citation", d.Citation.IsZero())
			required(at+"/confidence", d.Confidence == medsec.ConfidenceUnknown)
			pointer(d.Path, at+"/path")
			rep.Requirements[i] = Requirement{Rule: Rule{ID: d.Rule, Kind: d.Kind, Severity: d.Severity, Reason: d.Reason, Citation: d.Citation},
				Confidence: d.Confidence, Met: d.Met, Path: d.Path}
		}
	}
	if doc.Findings != nil {
		rep.Findings = make([]Finding, len(*doc.Findings))
		for i, d := range *doc.Findings {
			at := "/findings/" + strconv.Itoa(i)
			required(at+"/rule", d.Rule == "")
			required(at+"/severity", d.Severity == 0)
			required(at+"/problem", d.Problem == 0)
			required(at+"/kind", d.Kind == KindUnknown)
			message(&d.Message, at+"/message")
			required(at+"/citation", d.Citation.IsZero())
			required(at+"/confidence", d.Confidence == medsec.ConfidenceUnknown)
			pointer(d.Path, at+"/path")
			if len(d.Also) == 0 {
				d.Also = nil
			}
			rep.Findings[i] = Finding(d)
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, e
	}
	return rep, nil
}
