package obligations

import (
	_ "embed"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/reportjson"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// ReportFormat names the JSON form of a gap report and its version. It is
// the value of the member "format" that [Report.MarshalJSON] writes first
// and [Catalog.DecodeReport] requires; [ReportSchema] describes the form.
// The version changes when a member is removed or renamed or changes its
// meaning; a release may add a member without changing it, and its
// decoder then reads reports with and without that member.
const ReportFormat = "medsec.gap-report/1"

// ReportSchemaID is the $id of the JSON Schema that [ReportSchema]
// returns.
const ReportSchemaID = "https://github.com/medsec-go/medsec/obligations/gap-report.schema.json"

// MaxReportSize bounds the size of a report that [Catalog.DecodeReport]
// and [Catalog.DecodeRoleReport] read: 64 MiB, twice the indented gap
// report of an institution with 4,000 systems.
const MaxReportSize = 64 << 20

// MaxReportItems bounds the items of a gap report and the findings of a
// role report that the decoders read.
const MaxReportItems = 1 << 20

//go:embed schema/gap-report.schema.json
var reportSchema []byte

// ReportSchema returns the JSON Schema (draft 2020-12) of the JSON form
// of a gap report ([ReportFormat]), with a description of every member.
// A test validates the package's output against it. The returned slice
// is a fresh copy.
func ReportSchema() []byte { return slices.Clone(reportSchema) }

// flushSize is the size at which [Report.WriteJSON] passes what it has
// written on to its io.Writer.
const flushSize = 32 << 10

// totalNames are the members of "totals", by status.
var totalNames = [statusCount]string{"", "overdue", "missing", "dueSoon", "pending", "met", "onTrigger"}

// MarshalJSON implements [json.Marshaler]: the report in the JSON form
// [ReportFormat], on one line.
//
//	{
//	  "format": "medsec.gap-report/1",
//	  "institution": "H1",
//	  "asOf": "2026-11-22",
//	  "totals": {"overdue": 1, "missing": 2, "dueSoon": 0, "pending": 0, "met": 3, "onTrigger": 4},
//	  "items": [{
//	    "duty": "XA-FILING-30D", "system": "HIS", "incident": "",
//	    "status": "overdue", "due": "2026-02-09", "dueAt": "",
//	    "done": "", "reference": "", "late": false,
//	    "party": "system-owner", "confidence": "verified",
//	    "citations": ["XA-ACT-1 art. 15"],
//	    "title": {"key": "...", "format": "..."},
//	    "reason": {"key": "...", "format": "...", "args": [...]},
//	    "note": {"key": "...", "format": "..."},
//	    "credit": {"from": "XB-FILING", "set": "xa-xb", "relationship": "equal-to",
//	      "coverage": "full", "confidence": "partial", "done": "2026-01-20", "reference": "F-1"}
//	  }]
//	}
//
// Every member is written, "note" and "credit" only when the item has one
// ([Item.Credit]: evidence for another duty that counts through a mapping). "dueAt" is
// set for hour deadlines (RFC 3339 in UTC, whole seconds); "due" and
// "done" are days, "" when unknown. Party, confidence, citations and
// title are the duty's; reason and note are messages as
// [medsec.Message] marshals them. A report holding a zero [Item] is an
// error: it has no status.
func (r *Report) MarshalJSON() ([]byte, error) {
	var w reportjson.Writer
	w.Reset(false)
	r.complete().write(&w, nil)
	if w.Err != nil {
		return nil, fmt.Errorf("obligations: writing a report: %w", w.Err)
	}
	return w.B, nil
}

// WriteJSON writes the report as indented JSON (two spaces), the bytes of
// json.MarshalIndent(r, "", "  ") and a line feed. It passes the JSON on
// to w in parts of about 32 KiB, so its memory does not grow with the
// report.
func (r *Report) WriteJSON(w io.Writer) error {
	if w == nil {
		return errNilWriter
	}
	var jw reportjson.Writer
	jw.Reset(true)
	var werr error
	flush := func() {
		if werr == nil && jw.Err == nil {
			_, werr = w.Write(jw.B)
		}
		jw.B = jw.B[:0]
	}
	r.complete().write(&jw, flush)
	jw.B = append(jw.B, '\n')
	flush()
	switch {
	case jw.Err != nil:
		return fmt.Errorf("obligations: writing a report: %w", jw.Err)
	case werr != nil:
		return fmt.Errorf("obligations: writing a report: %w", werr)
	}
	return nil
}

// write writes the report to w; flush, when set, is called whenever w
// holds flushSize bytes or more between two items.
func (r *Report) write(w *reportjson.Writer, flush func()) {
	w.BeginObject()
	w.Key("format")
	w.String(ReportFormat)
	w.Key("institution")
	w.String(r.Institution)
	w.Key("asOf")
	w.Date(r.AsOf)
	w.Key("totals")
	w.BeginObject()
	for s := StatusOverdue; s < statusCount; s++ {
		w.Key(totalNames[s])
		w.Int(int64(r.Totals[s]))
	}
	w.EndObject()
	w.Key("items")
	w.BeginArray()
	for i := range r.Items {
		r.Items[i].write(w)
		if flush != nil && len(w.B) >= flushSize {
			flush()
		}
	}
	w.EndArray()
	w.EndObject()
}

// write writes one item.
func (it *Item) write(w *reportjson.Writer) {
	e := it.entry()
	d := e.duty
	w.BeginObject()
	w.Key("duty")
	w.String(it.DutyID)
	w.Key("system")
	w.String(it.System)
	w.Key("incident")
	w.String(it.Incident)
	w.Key("status")
	if it.Status > StatusUnknown && it.Status < statusCount {
		w.String(statusNames[it.Status])
	} else {
		w.Text(it.Status)
	}
	w.Key("due")
	w.Date(it.Due)
	w.Key("dueAt")
	w.Time(it.DueAt)
	w.Key("done")
	w.Date(it.Done)
	w.Key("reference")
	w.String(it.Reference)
	w.Key("late")
	w.Bool(it.Late)
	w.Key("party")
	if d.Party.Valid() {
		w.String(d.Party.String())
	} else {
		w.Text(d.Party)
	}
	w.Key("confidence")
	if d.Confidence.Valid() {
		w.String(d.Confidence.String())
	} else {
		w.Text(d.Confidence)
	}
	js := e.json()
	w.Key("citations")
	if js.citations != nil {
		w.Fragment(js.citations)
	} else {
		writeCitations(w, d.Citations)
	}
	w.Key("title")
	if js.title != nil {
		w.Fragment(js.title)
	} else {
		w.Message(d.Title)
	}
	w.Key("reason")
	it.writeReason(w)
	if !it.Note.IsZero() {
		w.Key("note")
		w.Message(it.Note)
	}
	if c := &it.Credit; !c.IsZero() {
		w.Key("credit")
		w.BeginObject()
		w.Key("from")
		w.String(c.From)
		w.Key("set")
		w.String(c.Set)
		w.Key("relationship")
		w.Text(c.Relationship)
		w.Key("coverage")
		w.Text(c.Coverage)
		w.Key("confidence")
		w.Text(c.Confidence)
		w.Key("done")
		w.Date(c.Done)
		w.Key("reference")
		w.String(c.Reference)
		w.EndObject()
	}
	w.EndObject()
}

// writeReason writes [Item.Reason] without building it.
func (it *Item) writeReason(w *reportjson.Writer) {
	if it.reason == reasonRecorded && it.recorded != nil {
		w.Message(*it.recorded)
		return
	}
	e := it.entry()
	js := e.json()
	quoted := len(js.flagQ) == len(e.flagNames)
	// The flags wrap the base, the last flag outermost.
	for range e.flagNames {
		w.BeginQuotedMessage(&msgReasonFlag.q)
	}
	b := it.base()
	if b.t == &msgReasonJurisdiction {
		b.nameQ = js.jurQ
	}
	w.BeginQuotedMessage(&b.t.q)
	if b.level {
		w.String(b.sys)
	}
	switch q := quotedNames[b.name.Key]; {
	case b.nameQ != nil:
		w.QuotedMessage(b.nameQ)
	case q != nil:
		w.QuotedMessage(q)
	default:
		w.Message(b.name)
	}
	for i := range b.n {
		w.Int(int64(b.ints[i]))
	}
	w.EndArray()
	w.EndObject()
	for i, f := range e.flagNames {
		if quoted {
			w.QuotedMessage(&js.flagQ[i])
		} else {
			w.Message(f)
		}
		w.EndArray()
		w.EndObject()
	}
}

// writeCitations writes citations as an array of their text forms.
func writeCitations(w *reportjson.Writer, cs []medsec.Citation) {
	w.BeginArray()
	for _, c := range cs {
		w.Text(c)
	}
	w.EndArray()
}

// itemDepth is the depth of the members of a gap report's items: in an
// item, in the array "items", in the report.
const itemDepth = 3

// entryJSON is the JSON of the parts of a duty that every report item of
// it repeats: its citations and title, and the names in its reasons (the
// jurisdiction's law and the flags) escaped for JSON. It is made once, on
// the first report written, so that loading a catalog costs nothing for
// it.
type entryJSON struct {
	once             sync.Once
	citations, title *reportjson.Fragment
	jurQ             *reportjson.Quoted
	flagQ            []reportjson.Quoted
}

// json returns the entry's JSON parts, making them on the first call. An
// entry made without them (nil js) gets none, and its writers fall back
// on writing the values.
func (e *entry) json() *entryJSON {
	if e.js == nil {
		return &entryJSON{}
	}
	e.js.once.Do(func() {
		j := e.js
		cites := reportjson.NewFragment(itemDepth, func(w *reportjson.Writer) { writeCitations(w, e.duty.Citations) })
		title := reportjson.NewFragment(itemDepth, func(w *reportjson.Writer) { w.Message(e.duty.Title) })
		j.citations, j.title = &cites, &title
		// Names with arguments, which no pack declares today, are
		// written as they are.
		if !e.jurName.IsZero() && len(e.jurName.Args) == 0 {
			q := reportjson.Quote(e.jurName)
			j.jurQ = &q
		}
		for _, f := range e.flagNames {
			if len(f.Args) > 0 {
				j.flagQ = nil
				break
			}
			j.flagQ = append(j.flagQ, reportjson.Quote(f))
		}
	})
	return e.js
}

// The JSON form of a gap report as the decoder reads it. Members whose
// zero value cannot be told from a missing member are pointers.
type (
	reportDoc struct {
		Format      string      `json:"format"`
		Institution string      `json:"institution"`
		AsOf        medsec.Date `json:"asOf"`
		Totals      *totalsDoc  `json:"totals"`
		Items       *[]itemDoc  `json:"items"`
	}
	totalsDoc struct {
		Overdue   *int `json:"overdue"`
		Missing   *int `json:"missing"`
		DueSoon   *int `json:"dueSoon"`
		Pending   *int `json:"pending"`
		Met       *int `json:"met"`
		OnTrigger *int `json:"onTrigger"`
	}
	itemDoc struct {
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
		Note       *medsec.Message   `json:"note"`
		Credit     *creditDoc        `json:"credit"`
	}
	creditDoc struct {
		From         string            `json:"from"`
		Set          string            `json:"set"`
		Relationship Relationship      `json:"relationship"`
		Coverage     Coverage          `json:"coverage"`
		Confidence   medsec.Confidence `json:"confidence"`
		Done         medsec.Date       `json:"done"`
		Reference    string            `json:"reference"`
	}
)

func (t *totalsDoc) counts() [statusCount]*int {
	return [statusCount]*int{nil, t.Overdue, t.Missing, t.DueSoon, t.Pending, t.Met, t.OnTrigger}
}

// maxMessageArgs bounds the arguments of a message in a report, and every
// other list but the items and findings.
const maxMessageArgs = 64

// reportDecoder reads reports: citations only in their canonical form, so
// that a decoded report writes the bytes it was read from.
var reportDecoder = sync.OnceValue(func() *strictjson.Decoder {
	canonical := func(b []byte) bool {
		var c medsec.Citation
		return c.UnmarshalText(b) == nil && c.String() == string(b)
	}
	return strictjson.New(strictjson.Config{
		MaxItems: maxMessageArgs,
		Field: func(_ reflect.Type, f reflect.StructField) strictjson.Limits {
			if f.Name == "Items" || f.Name == "Findings" {
				return strictjson.Limits{MaxItems: MaxReportItems}
			}
			return strictjson.Limits{}
		},
		Text: map[reflect.Type]strictjson.TextRule{
			reflect.TypeFor[medsec.Citation](): {Valid: canonical, Rule: "citation", Message: strictjson.Template(msgErrReportCitation)},
		},
	})
})

// readReport reads one report document of at most MaxReportSize bytes
// into doc.
func readReport(r io.Reader, doc any) error {
	if r == nil {
		return fmt.Errorf("obligations: reading a report: %w: the io.Reader is nil", medsec.ErrInvalidInput)
	}
	data, tooLarge, err := strictjson.ReadAll(r, MaxReportSize)
	if err != nil {
		return fmt.Errorf("obligations: reading a report: %w", err)
	}
	if tooLarge {
		return fmt.Errorf("obligations: invalid report: %w", fielderr.TooLarge(MaxReportSize, medsec.ErrInvalidInput))
	}
	if errs := reportDecoder().Unmarshal(data, doc); errs != nil {
		return fmt.Errorf("obligations: invalid report: %w", fielderr.FromJSON(errs, medsec.ErrInvalidInput))
	}
	return nil
}

// reportErrors collects the problems of a decoded report.
type reportErrors struct{ l fielderr.List }

func (e *reportErrors) add(path, rule, value string, m medsec.Message) {
	e.l.Add(&medsec.FieldError{Path: path, Rule: rule, Value: clip(value), Message: m})
}

// format checks the member "format".
func (e *reportErrors) format(got, want string) {
	if got != want {
		e.add("/format", "format", got, msgErrReportFormat.New(clip(got), want))
	}
}

// message checks a message of the report at path, which needs a key, and
// converts its arguments (see reportjson.Args).
func (e *reportErrors) message(m *medsec.Message, path, name string) {
	if m.Key == "" {
		e.add(path+"/key", "required", "", msgErrRequired.New(name))
	}
	reportjson.Args(m, path, nil, func(at, value string) {
		e.add(at, "argument", value, msgErrReportArg.New())
	})
}

func (e *reportErrors) err() error {
	if errs := e.l.Errors(); errs != nil {
		return fmt.Errorf("obligations: invalid report: %w", errs)
	}
	return nil
}

// DecodeReport reads a gap report in the JSON form [ReportFormat] (as
// [Report.MarshalJSON] and [Report.WriteJSON] write it) and returns it as
// a [Report] whose items are those of c: the same report, which writes
// the same bytes and renders the same text.
//
// Decoding is strict: besides what [LoadCatalog] rejects (unknown or
// repeated members, invalid UTF-8, control characters other than tab and
// line feed, null, trailing data), a missing or other "format", a
// missing institution, as-of day, totals or items, totals that do not
// count the items, an item without a duty, status, party, confidence,
// citation, title or reason, a citation or date not in its canonical form,
// a "dueAt" that is not an RFC 3339 instant in UTC with whole seconds, a
// message argument that is not a string, number, boolean or message, and
// input over [MaxReportSize] bytes or [MaxReportItems] items are errors.
// The members "system", "incident", "due", "dueAt", "done", "reference",
// "late" and "note" may be left out; they are then empty.
//
// Each item's duty is looked up by ID in c. A duty c does not have is an error at "/items/N/duty": decode the
// report with the catalog it was made with (for a pack of your own,
// [CatalogFor] of a registry that holds it). So are a system given for a
// duty of institution scope or missing for one of system scope, and an
// incident given for a duty that does not run from one.
//
// A report keeps what it recorded. When an item's party, confidence,
// citations or title differ from those of the duty in c (the law's data
// has changed since the report was made), the item keeps the recorded
// values: its methods return them, [Item.Duty] returns c's duty with them
// in place, and the report writes them back. Its reason and note are
// those recorded too. Decoded items have no evaluation behind them;
// everything else about them is as the report states.
//
// Problems come as [medsec.FieldErrors] wrapping [medsec.ErrInvalidInput],
// with JSON Pointers into the document ("/items/3/status"), at most 100.
func (c *Catalog) DecodeReport(r io.Reader) (*Report, error) {
	if c == nil {
		c = &Catalog{}
	}
	var doc reportDoc
	if err := readReport(r, &doc); err != nil {
		return nil, err
	}
	var errs reportErrors
	errs.format(doc.Format, ReportFormat)
	if doc.Institution == "" {
		errs.add("/institution", "required", "", msgErrRequired.New("institution"))
	}
	if doc.AsOf.IsZero() {
		errs.add("/asOf", "required", "", msgErrRequired.New("asOf"))
	}
	if doc.Items == nil {
		errs.add("/items", "required", "", msgErrRequired.New("items"))
		doc.Items = new([]itemDoc)
	}
	rep := &Report{Institution: doc.Institution, AsOf: doc.AsOf, Items: make([]Item, len(*doc.Items))}
	rec := recorder{c: c}
	for i := range *doc.Items {
		rec.item(&rep.Items[i], &(*doc.Items)[i], "/items/"+strconv.Itoa(i), &errs)
	}
	for i := range rep.Items {
		rep.Totals[rep.Items[i].Status]++
	}
	if doc.Totals == nil {
		errs.add("/totals", "required", "", msgErrRequired.New("totals"))
	} else {
		for s, n := range doc.Totals.counts() {
			switch {
			case s == int(StatusUnknown):
			case n == nil:
				errs.add("/totals/"+totalNames[s], "required", "", msgErrRequired.New("totals."+totalNames[s]))
			case *n != rep.Totals[s]:
				errs.add("/totals/"+totalNames[s], "total", strconv.Itoa(*n), msgErrReportTotal.New(*n, rep.Totals[s]))
			}
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return rep, nil
}

// recorder turns decoded items into items of a catalog, keeping what each
// recorded.
type recorder struct {
	c *Catalog
	// entries holds, by duty ID, the entries made for recorded values
	// that differ from the catalog's, so that items with the same values
	// share one.
	entries map[string][]*entry
}

// credit checks the decoded credit c at path: the duty it comes from is one
// of the catalog's, the mapping set is named, and the relationship,
// coverage and confidence are given. The coverage must be the one the
// relationship gives: a subset or an intersection never meets a duty.
func (rc *recorder) credit(c *creditDoc, path string, errs *reportErrors) {
	switch _, ok := rc.c.byID[c.From]; {
	case c.From == "":
		errs.add(path+"/from", "required", "", msgErrRequired.New("from"))
	case !ok:
		errs.add(path+"/from", "exists", c.From, msgErrReportDuty.New(clip(c.From)))
	}
	if c.Set == "" {
		errs.add(path+"/set", "required", "", msgErrRequired.New("set"))
	}
	if c.Relationship == 0 {
		errs.add(path+"/relationship", "required", "", msgErrRequired.New("relationship"))
	}
	switch {
	case c.Coverage == 0:
		errs.add(path+"/coverage", "required", "", msgErrRequired.New("coverage"))
	case c.Relationship != 0 && c.Coverage != c.Relationship.Coverage():
		errs.add(path+"/coverage", "coverage", c.Coverage.String(), msgErrReportCoverage.New(c.Relationship.String(), c.Relationship.Coverage().String()))
	}
	if c.Confidence == medsec.ConfidenceUnknown {
		errs.add(path+"/confidence", "required", "", msgErrRequired.New("confidence"))
	}
}

// item fills it from the decoded item d at path.
func (rc *recorder) item(it *Item, d *itemDoc, path string, errs *reportErrors) {
	*it = Item{DutyID: d.Duty, System: d.System, Incident: d.Incident, Status: d.Status, Due: d.Due, Done: d.Done,
		Reference: d.Reference, Late: d.Late, sys: -1, inc: -1, reason: reasonRecorded}
	n := errs.l.Len()
	en, ok := rc.c.byID[d.Duty]
	switch {
	case d.Duty == "":
		errs.add(path+"/duty", "required", "", msgErrRequired.New("duty"))
	case !ok:
		errs.add(path+"/duty", "exists", d.Duty, msgErrReportDuty.New(clip(d.Duty)))
	case (en.duty.Applies.Scope == ScopeSystem) != (d.System != ""):
		errs.add(path+"/system", "scope", d.System, msgErrEvidenceScope.New(d.Duty, en.duty.Applies.Scope.String()))
	case d.Incident != "" && en.rule == nil:
		errs.add(path+"/incident", "incident", d.Incident, msgErrReportIncident.New(d.Duty))
	}
	if d.Status == StatusUnknown {
		errs.add(path+"/status", "required", "", msgErrRequired.New("status"))
	}
	if d.DueAt != "" {
		t, err := time.Parse(time.RFC3339, d.DueAt)
		if err != nil || t.UTC().Format(time.RFC3339) != d.DueAt {
			errs.add(path+"/dueAt", "instant", d.DueAt, msgErrReportDueAt.New(clip(d.DueAt)))
		}
		it.DueAt = t.UTC()
	}
	if d.Party == PartyUnknown {
		errs.add(path+"/party", "required", "", msgErrRequired.New("party"))
	}
	if d.Confidence == medsec.ConfidenceUnknown {
		errs.add(path+"/confidence", "required", "", msgErrRequired.New("confidence"))
	}
	if len(d.Citations) == 0 {
		errs.add(path+"/citations", "required", "", msgErrRequired.New("citations"))
	}
	errs.message(&d.Title, path+"/title", "title")
	errs.message(&d.Reason, path+"/reason", "reason")
	if d.Note != nil {
		errs.message(d.Note, path+"/note", "note")
		it.Note = *d.Note
	}
	if c := d.Credit; c != nil {
		rc.credit(c, path+"/credit", errs)
		it.Credit = Credit{From: c.From, Set: c.Set, Relationship: c.Relationship, Coverage: c.Coverage,
			Confidence: c.Confidence, Done: c.Done, Reference: c.Reference}
	}
	reason := d.Reason
	it.recorded = &reason
	if errs.l.Len() > n {
		return
	}
	it.e = rc.entry(en, d)
}

// entry returns en, or an entry with the values d recorded where they
// differ from en's.
func (rc *recorder) entry(en *entry, d *itemDoc) *entry {
	same := func(x *entry) bool {
		return x.duty.Party == d.Party && x.duty.Confidence == d.Confidence &&
			slices.Equal(x.duty.Citations, d.Citations) && reflect.DeepEqual(x.duty.Title, d.Title)
	}
	if same(en) {
		return en
	}
	for _, x := range rc.entries[d.Duty] {
		if same(x) {
			return x
		}
	}
	x := *en
	dup := cloneDuty(en.duty)
	x.duty = &dup
	x.duty.Party, x.duty.Confidence, x.duty.Citations, x.duty.Title = d.Party, d.Confidence, d.Citations, d.Title
	x.js = new(entryJSON)
	if rc.entries == nil {
		rc.entries = map[string][]*entry{}
	}
	rc.entries[d.Duty] = append(rc.entries[d.Duty], &x)
	return &x
}

// cloneMessage returns a deep copy of m: its arguments, and those of the
// messages among them, are its own.
func cloneMessage(m medsec.Message) medsec.Message {
	if len(m.Args) == 0 {
		return m
	}
	args := slices.Clone(m.Args)
	for i, a := range args {
		if nm, ok := a.(medsec.Message); ok {
			args[i] = cloneMessage(nm)
		}
	}
	m.Args = args
	return m
}
