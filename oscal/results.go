package oscal

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/obligations"
)

// WriteAssessmentResults writes a gap report as OSCAL assessment results:
// one result for the report, one finding per item (with its exact status,
// due date, evidence and any credit through a mapping as properties), an
// observation per recorded evidence, and the institution's systems as
// components. r is the report, p the profile it was made from and asOf
// the instant it judges, whose date (in asOf's own time zone) must be the
// report's as-of day: OSCAL needs an instant, the report keeps a day.
//
// OSCAL knows two states: a met item is "satisfied"; every other status
// is "not-satisfied", with the reason "fail" for overdue and missing items
// and "other" for the rest, and the medsec status in the "status"
// property. medsec writes no assessment plan: "import-ap" points to a
// back-matter resource that says what the results rest on.
func WriteAssessmentResults(w io.Writer, r *obligations.Report, p *obligations.Profile, asOf time.Time, o Options) error {
	x, err := newReportWriter(w, r, p, asOf, o)
	if err != nil {
		return err
	}
	return x.writeResults(w)
}

// WritePOAM writes an OSCAL plan of action and milestones for the items of
// a gap report that are overdue or missing evidence (and, with
// [Options.DueSoon], due soon): one POA&M item each, with a risk whose
// deadline is the item's due date (the exact instant of an hour deadline;
// one second before the end of a due day, in asOf's time zone; asOf
// itself for missing evidence, which is due now) and a recommended
// remedy, the duty's typical evidence. The findings and the systems are
// repeated from the assessment results, with the same UUIDs, so that the
// plan stands alone. r, p and asOf are as for [WriteAssessmentResults].
// A report with nothing to plan returns [ErrNothingToPlan] and writes
// nothing.
func WritePOAM(w io.Writer, r *obligations.Report, p *obligations.Profile, asOf time.Time, o Options) error {
	x, err := newReportWriter(w, r, p, asOf, o)
	if err != nil {
		return err
	}
	return x.writePOAM(w)
}

// reportWriter writes the documents of one gap report.
type reportWriter struct {
	s     *settings
	r     *obligations.Report
	p     *obligations.Profile
	at    string // the as-of instant, as written
	asOf  time.Time
	inst  string // the institution's UUID
	items []*obligations.Item
	sys   map[string]int // system ID → index in the profile
}

func newReportWriter(w io.Writer, r *obligations.Report, p *obligations.Profile, asOf time.Time, o Options) (*reportWriter, error) {
	s, err := o.resolve()
	if err != nil {
		return nil, err
	}
	if w == nil {
		return nil, errNilWriter
	}
	var errs medsec.FieldErrors
	bad := func(path, rule, value string, m medsec.Message) {
		errs = append(errs, &medsec.FieldError{Path: path, Rule: rule, Value: clip(value), Message: m})
	}
	if r == nil {
		bad("/report", "required", "", msgRequired.New("the report"))
	}
	if p == nil {
		bad("/profile", "required", "", msgRequired.New("the profile"))
	}
	if errs != nil {
		return nil, fmt.Errorf("oscal: %w", errs)
	}
	if err := p.Validate(s.reg); err != nil {
		return nil, err
	}
	x := &reportWriter{s: s, r: r, p: p, asOf: asOf, sys: map[string]int{}}
	in := &p.Institution
	if r.Institution != in.ID {
		bad("/institution/id", "match", in.ID, msgMismatch.New(clip(r.Institution), clip(in.ID)))
	}
	if !validValue(in.ID) {
		bad("/institution/id", "value", in.ID, msgValue.New(clip(in.ID)))
	}
	for i, sy := range in.Systems {
		x.sys[sy.ID] = i
		if !validValue(sy.ID) {
			bad(fmt.Sprintf("/institution/systems/%d/id", i), "value", sy.ID, msgValue.New(clip(sy.ID)))
		}
	}
	incs := map[string]bool{}
	for i, inc := range p.Incidents {
		incs[inc.ID] = true
		if !validValue(inc.ID) {
			bad(fmt.Sprintf("/incidents/%d/id", i), "value", inc.ID, msgValue.New(clip(inc.ID)))
		}
	}
	switch at, ok := timestamp(asOf); {
	case asOf.IsZero():
		bad("/asOf", "required", "", msgRequired.New("the as-of instant"))
	case medsec.DateOf(asOf) != r.AsOf:
		bad("/asOf", "match", asOf.Format(time.RFC3339), msgInstant.New(medsec.DateOf(asOf), r.AsOf))
	case !ok:
		bad("/asOf", "year", asOf.Format(time.RFC3339), msgYear.New(asOf.Format(time.RFC3339)))
	default:
		x.at = at
	}
	for i := range r.Items {
		it := &r.Items[i]
		_, known := s.cat.Duty(it.DutyID)
		_, sysOK := x.sys[it.System]
		switch {
		case !known || it.Status == obligations.StatusUnknown:
			bad(fmt.Sprintf("/items/%d/duty", i), "exists", it.DutyID, msgUnknown.New("duty "+clip(it.DutyID)))
		case it.System != "" && !sysOK:
			bad(fmt.Sprintf("/items/%d/system", i), "exists", it.System, msgUnknown.New("system "+clip(it.System)))
		case it.Incident != "" && !incs[it.Incident]:
			bad(fmt.Sprintf("/items/%d/incident", i), "exists", it.Incident, msgUnknown.New("incident "+clip(it.Incident)))
		}
		x.items = append(x.items, it)
	}
	if errs != nil {
		return nil, fmt.Errorf("oscal: %w", errs)
	}
	// Findings in the order of duty, system and incident, so that the
	// results of two days compare line by line.
	slices.SortStableFunc(x.items, func(a, b *obligations.Item) int {
		return cmp.Or(strings.Compare(a.DutyID, b.DutyID), strings.Compare(a.System, b.System), strings.Compare(a.Incident, b.Incident))
	})
	x.inst = x.uuid(URN("institution", in.ID))
	return x, nil
}

// uuid returns the UUID of a report object's URN under the options'
// namespace.
func (x *reportWriter) uuid(urn string) string { return uuid.NewSHA1(x.s.ns, []byte(urn)).String() }

// itemUUID returns the UUID of an item in one of its roles: finding,
// observation, credit (the observation of partly covering evidence),
// risk, remedy or poam.
func (x *reportWriter) itemUUID(it *obligations.Item, role string) string {
	return x.uuid(URN("item", x.r.Institution, x.r.AsOf.String(), it.DutyID, it.System, it.Incident, role))
}

func (x *reportWriter) name() string {
	if n := strings.TrimSpace(x.p.Institution.Name); n != "" {
		return n
	}
	return x.r.Institution
}

// dataVersion is the newest review date of the registry's packs.
func (x *reportWriter) dataVersion() string {
	var v medsec.Date
	for _, p := range x.s.reg.Packs() {
		if p.Version().After(v) {
			v = p.Version()
		}
	}
	if v.IsZero() {
		return medsec.DataVersion
	}
	return v.String()
}

func (x *reportWriter) metadata(title string) metadata {
	return metadata{Title: markupLine(title), LastModified: x.at, Version: x.dataVersion(), OSCALVersion: Version,
		Parties: []party{{UUID: x.inst, Type: "organization", Name: markupLine(x.name())}},
		Props: []prop{mprop("institution", x.r.Institution), mprop("as-of", x.r.AsOf.String()), mprop("data-version", x.dataVersion()),
			mprop("locale", x.s.locale)}}
}

// components are the institution's systems.
func (x *reportWriter) components() *localDefs {
	in := &x.p.Institution
	if len(in.Systems) == 0 {
		return nil
	}
	ld := &localDefs{}
	for _, sy := range in.Systems {
		title := sy.ID
		if n := strings.TrimSpace(sy.Name); n != "" {
			title = n + " (" + sy.ID + ")"
		}
		c := component{UUID: x.uuid(URN("system", in.ID, sy.ID)), Type: "this-system", Title: markupLine(title),
			Description: markupLine("System " + sy.ID + " of institution " + in.ID + "."),
			Props:       []prop{mprop("system-id", sy.ID)},
			Status:      status{State: "other", Remarks: "medsec does not record the life-cycle state of a system."}}
		if sy.MLPS != 0 {
			c.Props = append(c.Props, mprop("mlps-level", sy.MLPS.String()))
		}
		if sy.VN != 0 {
			c.Props = append(c.Props, mprop("vn-level", sy.VN.String()))
		}
		ld.Components = append(ld.Components, c)
	}
	return ld
}

func (x *reportWriter) subject(it *obligations.Item) subject {
	if it.System != "" {
		return subject{SubjectUUID: x.uuid(URN("system", x.r.Institution, it.System)), Type: "component"}
	}
	return subject{SubjectUUID: x.inst, Type: "party"}
}

// observations returns the observations of an item: its evidence (its own
// or credited in full) and the evidence that covers it in part.
func (x *reportWriter) observations(it *obligations.Item) []observation {
	var out []observation
	if !it.Done.IsZero() {
		o := observation{UUID: x.itemUUID(it, "observation"), Title: markupLine("Evidence recorded for " + it.DutyID),
			Description: markupLine("The institution recorded the duty as done on " + it.Done.String() + "."),
			Props:       []prop{mprop("done", it.Done.String())}, Methods: []string{"UNKNOWN"},
			Subjects: []subject{x.subject(it)}, Collected: x.at}
		if c := it.Credit; c.Coverage == obligations.CoverageFull {
			o.Description = markupLine("The institution recorded duty " + c.From + " as done on " + it.Done.String() +
				"; mapping set " + c.Set + " credits it to this duty (" + c.Relationship.String() + ").")
			o.Props = append(o.Props, mprop("via-mapping", c.From))
		}
		if ref := strings.TrimSpace(it.Reference); ref != "" {
			o.RelevantEvidence = []evidenceRef{{Description: markupLine("Reference: " + it.Reference)}}
		}
		out = append(out, o)
	}
	if c := it.Credit; c.Coverage == obligations.CoveragePartial {
		o := observation{UUID: x.itemUUID(it, "credit"), Title: markupLine("Evidence for " + c.From + " covering part of " + it.DutyID),
			Description: markupLine("The institution recorded duty " + c.From + " as done on " + c.Done.String() + "; mapping set " + c.Set +
				" says it " + strings.ReplaceAll(c.Relationship.String(), "-", " ") + " this duty, so it covers only part of it."),
			Props:   []prop{mprop("done", c.Done.String()), mprop("via-mapping", c.From), mprop("mapping-coverage", c.Coverage.String())},
			Methods: []string{"UNKNOWN"}, Subjects: []subject{x.subject(it)}, Collected: x.at}
		if ref := strings.TrimSpace(c.Reference); ref != "" {
			o.RelevantEvidence = []evidenceRef{{Description: markupLine("Reference: " + c.Reference)}}
		}
		out = append(out, o)
	}
	return out
}

// state maps a medsec status to OSCAL's two states and a reason.
func state(st obligations.Status) targetStatus {
	switch st {
	case obligations.StatusMet:
		return targetStatus{State: "satisfied", Reason: "pass"}
	case obligations.StatusOverdue, obligations.StatusMissing:
		return targetStatus{State: "not-satisfied", Reason: "fail"}
	}
	return targetStatus{State: "not-satisfied", Reason: "other"}
}

func (x *reportWriter) title(it *obligations.Item) (string, error) {
	t, err := x.s.render(it.Title(), "title of duty "+it.DutyID)
	if err != nil {
		return "", err
	}
	if it.System != "" {
		t += " " + markupLine("(system "+it.System+")")
	}
	if it.Incident != "" {
		t += " " + markupLine("(incident "+it.Incident+")")
	}
	return t, nil
}

func (x *reportWriter) finding(it *obligations.Item, obs []observation) (finding, error) {
	title, err := x.title(it)
	if err != nil {
		return finding{}, err
	}
	f := finding{UUID: x.itemUUID(it, "finding"), Title: title, Description: markupLine(x.describe(it)),
		Props:  x.itemProps(it),
		Target: target{Type: "statement-id", TargetID: it.DutyID + "_smt", Status: state(it.Status)}}
	for _, o := range obs {
		f.RelatedObservations = append(f.RelatedObservations, relatedObservation{ObservationUUID: o.UUID})
	}
	return f, nil
}

// describe says, in the options' language, where an item stands and why
// the duty applies.
func (x *reportWriter) describe(it *obligations.Item) string {
	desc := x.s.text(it.Status.Message()) + ": " + x.s.text(it.Reason())
	if !it.Credit.IsZero() {
		desc += "; " + x.s.text(it.Credit.Message())
	}
	if !it.Note.IsZero() {
		desc += "; " + x.s.text(it.Note)
	}
	return desc
}

func (x *reportWriter) itemProps(it *obligations.Item) []prop {
	ps := []prop{mprop("status", it.Status.String()), mprop("duty", it.DutyID), mprop("confidence", it.Confidence().String())}
	if it.System != "" {
		ps = append(ps, mprop("system", it.System))
	}
	if it.Incident != "" {
		ps = append(ps, mprop("incident", it.Incident))
	}
	if !it.Due.IsZero() {
		ps = append(ps, mprop("due", it.Due.String()))
	}
	if t, ok := timestamp(x.inZone(it.DueAt)); ok && !it.DueAt.IsZero() {
		ps = append(ps, mprop("due-at", t))
	}
	if !it.Done.IsZero() {
		ps = append(ps, mprop("done", it.Done.String()))
	}
	if it.Late {
		ps = append(ps, mprop("late", "true"))
	}
	if c := it.Credit; !c.IsZero() {
		ps = append(ps, mprop("via-mapping", c.From), mprop("mapping-set", c.Set), mprop("mapping-relationship", c.Relationship.String()),
			mprop("mapping-coverage", c.Coverage.String()), mprop("mapping-confidence", c.Confidence.String()))
	}
	return ps
}

// inZone returns t in the time zone of the as-of instant.
func (x *reportWriter) inZone(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(x.asOf.Location())
}

// basis is the back-matter resource that stands in for an assessment
// plan, with the catalogs of the duties the report holds.
func (x *reportWriter) basis() (resource, error) {
	r := resource{UUID: x.uuid(URN("assessment-basis", x.r.Institution, x.r.AsOf.String())),
		Title: "No OSCAL assessment plan: medsec gap evaluation",
		Description: "These results come from a medsec gap report, which evaluates the institution, its systems and its recorded evidence " +
			"against the duty catalogs on the as-of day. No separate assessment plan exists."}
	var packs []string
	for _, it := range x.items {
		if p := x.s.cat.PackOf(it.DutyID); !slices.Contains(packs, p) {
			packs = append(packs, p)
		}
	}
	slices.Sort(packs)
	for _, p := range packs {
		h, err := x.s.catalogHref(p)
		if err != nil {
			return resource{}, err
		}
		r.Rlinks = append(r.Rlinks, rlink{Href: h, MediaType: "application/oscal.catalog+json"})
	}
	return r, nil
}

func (x *reportWriter) writeResults(w io.Writer) error {
	r := x.r
	res := result{UUID: x.uuid(URN("report", r.Institution, r.AsOf.String())),
		Title: markupLine("Gap report of " + r.Institution + " as of " + r.AsOf.String()),
		Description: fmt.Sprintf("Every duty that applies to the institution on the as-of day, with its status: %d overdue, %d missing evidence, "+
			"%d due soon, %d not yet due, %d met, %d waiting for an incident.", r.Total(obligations.StatusOverdue), r.Total(obligations.StatusMissing),
			r.Total(obligations.StatusDueSoon), r.Total(obligations.StatusPending), r.Total(obligations.StatusMet), r.Total(obligations.StatusOnTrigger)),
		Start: x.at, End: x.at, LocalDefinitions: x.components()}
	var ids []string
	for _, it := range x.items {
		obs := x.observations(it)
		f, err := x.finding(it, obs)
		if err != nil {
			return err
		}
		res.Observations = append(res.Observations, obs...)
		res.Findings = append(res.Findings, f)
		if !slices.Contains(ids, it.DutyID) {
			ids = append(ids, it.DutyID)
		}
	}
	sel := controlSelection{IncludeAll: &empty{}, Remarks: "No duty applies to the institution on the as-of day."}
	if len(ids) > 0 {
		sel = controlSelection{}
		for _, id := range ids {
			sel.IncludeControls = append(sel.IncludeControls, controlRef{ControlID: id})
		}
	}
	res.ReviewedControls = reviewedControls{ControlSelections: []controlSelection{sel}}
	basis, err := x.basis()
	if err != nil {
		return err
	}
	doc := &resultsDoc{AssessmentResults: resultsBody{
		Metadata: x.metadata("medsec gap report: " + x.name() + " as of " + r.AsOf.String()),
		ImportAP: importAP{Href: "#" + basis.UUID, Remarks: "medsec writes no assessment plan; the referenced resource explains the basis of the results."},
		Results:  []result{res}, BackMatter: &backMatter{Resources: []resource{basis}},
	}}
	return encode(w, doc, &doc.AssessmentResults.UUID, URN("doc", "assessment-results", r.Institution, r.AsOf.String(), x.dataVersion(), x.s.locale))
}

// planned reports whether the plan of action holds an item of status st.
func (x *reportWriter) planned(st obligations.Status) bool {
	return st == obligations.StatusOverdue || st == obligations.StatusMissing || x.s.soon && st == obligations.StatusDueSoon
}

// deadline is the instant by which an item is due: an hour deadline's own
// instant, the last second of the due day in the as-of time zone, or the
// as-of instant itself when no due date can be computed.
func (x *reportWriter) deadline(it *obligations.Item) (string, error) {
	t := x.asOf
	switch {
	case !it.DueAt.IsZero():
		t = x.inZone(it.DueAt)
	case !it.Due.IsZero():
		t = it.Due.End(x.asOf.Location())
	}
	s, ok := timestamp(t)
	if !ok {
		return "", fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/items/due", Rule: "year", Value: it.Due.String(), Message: msgYear.New(it.Due.String())}})
	}
	return s, nil
}

func (x *reportWriter) writePOAM(w io.Writer) error {
	r := x.r
	doc := &poamDoc{POAM: poamBody{
		Metadata:         x.metadata("medsec plan of action: " + x.name() + " as of " + r.AsOf.String()),
		SystemID:         systemID{IdentifierType: "https://ietf.org/rfc/rfc4122", ID: x.inst},
		LocalDefinitions: x.components(),
	}}
	body := &doc.POAM
	for _, it := range x.items {
		if !x.planned(it.Status) {
			continue
		}
		obs := x.observations(it)
		f, err := x.finding(it, obs)
		if err != nil {
			return err
		}
		deadline, err := x.deadline(it)
		if err != nil {
			return err
		}
		d := it.Duty()
		stmt, err := x.s.render(d.Description, "statement of duty "+d.ID)
		if err != nil {
			return err
		}
		var ev []string
		for _, m := range d.Evidence {
			ev = append(ev, x.s.text(m))
		}
		remedy := "Do what the duty asks and record the evidence."
		if len(ev) > 0 {
			remedy = "Typical evidence: " + strings.Join(ev, "; ") + "."
		}
		var cites []string
		for _, c := range d.Citations {
			cites = append(cites, c.String())
		}
		rk := risk{UUID: x.itemUUID(it, "risk"), Title: markupLine(x.s.text(it.Status.Message())) + ": " + f.Title, Description: stmt,
			Statement: markupLine(x.describe(it) + " (" + strings.Join(cites, "; ") + "; confidence " + d.Confidence.String() + ")"),
			Props:     []prop{mprop("status", it.Status.String())}, Status: "open", Deadline: deadline,
			Remediations: []response{{UUID: x.itemUUID(it, "remedy"), Lifecycle: "recommendation",
				Title: markupLine("Record evidence for " + it.DutyID), Description: markupLine(remedy)}}}
		if !it.Due.IsZero() {
			rk.Props = append(rk.Props, mprop("due", it.Due.String()))
		}
		f.RelatedRisks = []relatedRisk{{RiskUUID: rk.UUID}}
		body.Observations = append(body.Observations, obs...)
		body.Findings = append(body.Findings, f)
		body.Risks = append(body.Risks, rk)
		item := poamItem{UUID: x.itemUUID(it, "poam"), Title: f.Title, Description: f.Description,
			Props:           []prop{mprop("duty", it.DutyID), mprop("status", it.Status.String())},
			RelatedFindings: []relatedFinding{{FindingUUID: f.UUID}}, RelatedRisks: []relatedRisk{{RiskUUID: rk.UUID}}}
		if it.System != "" {
			item.Props = append(item.Props, mprop("system", it.System))
		}
		if it.Incident != "" {
			item.Props = append(item.Props, mprop("incident", it.Incident))
		}
		if !it.Due.IsZero() {
			item.Props = append(item.Props, mprop("due", it.Due.String()))
		}
		body.PoamItems = append(body.PoamItems, item)
	}
	if len(body.PoamItems) == 0 {
		return ErrNothingToPlan
	}
	return encode(w, doc, &body.UUID, URN("doc", "poam", r.Institution, r.AsOf.String(), x.dataVersion(), x.s.locale))
}
