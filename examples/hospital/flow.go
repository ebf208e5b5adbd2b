package main

import (
	"errors"
	"strconv"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/contracts"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/obligations"
)

// Output is everything the program found, in the language it was asked
// for. The same value is printed as text or, with -json, as one JSON
// document.
type Output struct {
	AsOf         string            `json:"asOf"`
	Language     string            `json:"language"`
	DataVersion  string            `json:"dataVersion"`
	Institutions []InstitutionView `json:"institutions"`
}

// InstitutionView is the result for one institution.
type InstitutionView struct {
	ID            string         `json:"id"`
	Name          string         `json:"name"`
	Jurisdictions []string       `json:"jurisdictions"`
	Grades        []GradeView    `json:"grades"`
	Totals        []TotalView    `json:"totals"`
	Duties        []DutyView     `json:"duties"`
	Roles         []RoleView     `json:"roles"`
	Contracts     []ContractView `json:"contracts"`
	Notice        string         `json:"notice,omitempty"`
}

// GradeView is one grading result: a system's level or the institution's
// class, with the reasons and the provisions behind them.
type GradeView struct {
	Subject    string           `json:"subject"`
	Scheme     string           `json:"scheme"`
	Grade      string           `json:"grade"`
	Confidence string           `json:"confidence"`
	Reasons    []string         `json:"reasons"`
	Citations  medsec.Citations `json:"citations"`
}

// TotalView counts the duties in one status.
type TotalView struct {
	Status string `json:"status"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// DutyView is one applicable duty with its due date and status.
type DutyView struct {
	Duty       string           `json:"duty"`
	System     string           `json:"system,omitempty"`
	Incident   string           `json:"incident,omitempty"`
	Status     string           `json:"status"`
	StatusText string           `json:"statusText"`
	Due        string           `json:"due,omitempty"`
	Done       string           `json:"done,omitempty"`
	Reference  string           `json:"reference,omitempty"`
	Title      string           `json:"title"`
	Reason     string           `json:"reason"`
	Note       string           `json:"note,omitempty"`
	Citations  medsec.Citations `json:"citations"`
	Confidence string           `json:"confidence"`
}

// RoleView is one finding about the role assignments.
type RoleView struct {
	Rule       string           `json:"rule"`
	Severity   string           `json:"severity"`
	Person     string           `json:"person,omitempty"`
	System     string           `json:"system,omitempty"`
	Message    string           `json:"message"`
	Citations  medsec.Citations `json:"citations"`
	Confidence string           `json:"confidence"`
}

// ContractView is the check of one vendor contract.
type ContractView struct {
	ID       string        `json:"id"`
	Vendor   string        `json:"vendor"`
	Errors   []ProblemView `json:"errors,omitempty"`
	Findings []ProblemView `json:"findings,omitempty"`

	required int // the findings of severity required
}

// ProblemView is a validation error or a coverage finding in a contract.
type ProblemView struct {
	Path       string          `json:"path"`
	Severity   string          `json:"severity,omitempty"`
	Rule       string          `json:"rule"`
	Message    string          `json:"message"`
	Citation   medsec.Citation `json:"citation,omitzero"`
	Confidence string          `json:"confidence,omitempty"`
}

// hasGap reports whether v has a gap that the exit status reports: a duty
// overdue or without evidence, a role finding of error severity, or a
// vendor contract that is invalid or has a required finding.
func (v *InstitutionView) hasGap() bool {
	for _, d := range v.Duties {
		if d.Status == obligations.StatusOverdue.String() || d.Status == obligations.StatusMissing.String() {
			return true
		}
	}
	for _, r := range v.Roles {
		if r.Severity == obligations.SeverityError.String() {
			return true
		}
	}
	for _, c := range v.Contracts {
		if len(c.Errors) > 0 || c.required > 0 {
			return true
		}
	}
	return false
}

// evaluate runs the whole flow for one institution: grade every system
// (and the institution under NIS2 and Czech law), evaluate the duties and
// their deadlines against the evidence, check the role assignments and the
// vendor contracts, and render the holiday dispatch.
func evaluate(file string, in *Input, asOf time.Time, loc *i18n.Localizer, locale i18n.Locale) (*InstitutionView, error) {
	day := medsec.DateOf(asOf)
	opts := grading.Options{AsOf: day}
	bad := func(path string, err error) error { return &InputError{File: file, Path: path, Err: err} }
	tr := loc.Format

	v := &InstitutionView{ID: in.Institution.ID, Name: in.Institution.Name}
	for _, j := range in.Institution.Jurisdictions {
		v.Jurisdictions = append(v.Jurisdictions, tr(j.Message()))
	}
	p, grades, err := in.Records.Profile(nil, opts)
	if err != nil {
		return nil, bad("", err) // the paths point into the file
	}
	for _, g := range grades {
		v.Grades = append(v.Grades, gradeView(tr, g.Subject, g.Scheme, g.Grade, g.Result))
	}

	report, err := obligations.DefaultCatalog().GapReport(p, in.Evidence, obligations.Options{AsOf: day, Now: asOf})
	if err != nil {
		return nil, bad("", err) // the error carries /evidence/N paths
	}
	for _, s := range []obligations.Status{obligations.StatusOverdue, obligations.StatusMissing, obligations.StatusDueSoon,
		obligations.StatusPending, obligations.StatusMet, obligations.StatusOnTrigger} {
		v.Totals = append(v.Totals, TotalView{Status: s.String(), Label: tr(s.Message()), Count: report.Total(s)})
	}
	for i := range report.Items {
		it := &report.Items[i]
		d := DutyView{
			Duty: it.DutyID, System: it.System, Incident: it.Incident,
			Status: it.Status.String(), StatusText: tr(it.Status.Message()),
			Due: dueText(loc, it), Done: dateText(loc, it.Done), Reference: it.Reference,
			Title: tr(it.Title()), Reason: tr(it.Reason()),
			Citations: it.Citations(), Confidence: tr(it.Confidence().Message()),
		}
		if !it.Note.IsZero() {
			d.Note = tr(it.Note)
		}
		v.Duties = append(v.Duties, d)
	}

	findings, err := obligations.CheckRoles(p, in.Assignments)
	if err != nil {
		return nil, bad("", err) // the error carries /assignments/N paths
	}
	for _, f := range findings {
		v.Roles = append(v.Roles, RoleView{
			Rule: f.Rule.ID, Severity: f.Severity.String(), Person: f.PersonID, System: f.System,
			Message: tr(f.Message), Citations: f.Rule.Citations, Confidence: tr(f.Rule.Confidence.Message()),
		})
	}

	for i, raw := range in.Contracts {
		path := "/contracts/" + strconv.Itoa(i)
		c, err := contracts.DecodeBytes(raw)
		if err != nil {
			return nil, bad(path, err)
		}
		cv := ContractView{ID: c.ID.String(), Vendor: c.Vendor.Name}
		if err := contracts.Validate(c); err != nil {
			var fes medsec.FieldErrors
			if !errors.As(err, &fes) {
				return nil, bad(path, err)
			}
			for _, fe := range fes {
				cv.Errors = append(cv.Errors, ProblemView{Path: path + fe.Path, Rule: fe.Rule, Message: tr(fe.Message)})
			}
		} else {
			rep, err := contracts.Check(c, day)
			if err != nil {
				return nil, bad(path, err)
			}
			for _, f := range rep.Findings {
				if f.Severity == contracts.Required {
					cv.required++
				}
				cv.Findings = append(cv.Findings, ProblemView{
					Path: path + f.Path, Severity: tr(f.Severity.Message()), Rule: f.Rule, Message: tr(f.Message),
					Citation: f.Citation, Confidence: tr(f.Confidence.Message()),
				})
			}
		}
		v.Contracts = append(v.Contracts, cv)
	}

	if d := in.HolidayDispatch; d != nil {
		n := i18n.NewHolidayDispatch(d.Parent, d.Issuer, d.Number, d.Symbol, d.Place, d.Date,
			i18n.HolidayBasis(i18n.LitIn(i18n.VI, d.Basis.Issuer), d.Basis.Number, d.Basis.Date, i18n.LitIn(i18n.VI, d.Basis.From)),
			i18n.Signer{Authority: i18n.SignForHead, Head: i18n.Director(), Title: i18n.DeputyDirector(), Name: i18n.LitIn(i18n.VI, d.Signer.Name)})
		text, err := i18n.Render(n, locale, i18n.PlainText)
		if err != nil {
			return nil, bad("/holidayDispatch", err)
		}
		v.Notice = text
	}
	return v, nil
}

func gradeView(tr func(medsec.Message) string, subject string, scheme grading.Scheme, grade medsec.Message, r grading.Result) GradeView {
	g := GradeView{Subject: subject, Scheme: scheme.String(), Grade: tr(grade), Confidence: tr(r.Confidence.Message())}
	for _, m := range r.Reasons {
		g.Reasons = append(g.Reasons, tr(m))
	}
	g.Citations = r.Citations
	return g
}

func dateText(loc *i18n.Localizer, d medsec.Date) string {
	if d.IsZero() {
		return ""
	}
	return loc.Date(d)
}

func dueText(loc *i18n.Localizer, it *obligations.Item) string {
	if !it.DueAt.IsZero() {
		return loc.Time(it.DueAt)
	}
	return dateText(loc, it.Due)
}
