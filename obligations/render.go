package obligations

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/escape"
)

// Translator renders a message in some language. Pass nil to the render
// methods for English ([medsec.Message.String]); package i18n provides
// translators for other languages.
type Translator func(medsec.Message) string

func (tr Translator) s(m medsec.Message) string {
	if tr == nil {
		return m.String()
	}
	return tr(m)
}

func (r *Report) totalsMessage() medsec.Message {
	return msgRenderTotals.New(r.Totals[StatusOverdue], r.Totals[StatusMissing], r.Totals[StatusDueSoon],
		r.Totals[StatusPending], r.Totals[StatusMet], r.Totals[StatusOnTrigger])
}

func citationList(cs []medsec.Citation) string {
	ss := make([]string, len(cs))
	for i, c := range cs {
		ss[i] = c.String()
	}
	return strings.Join(ss, "; ")
}

func (it *Item) dueMessage() medsec.Message {
	if !it.DueAt.IsZero() {
		return msgRenderDue.New(it.DueAt.UTC().Format(time.RFC3339))
	}
	if it.Due.IsZero() {
		return msgRenderNoDue.New()
	}
	return msgRenderDue.New(it.Due)
}

// WriteText writes the report as plain text: a heading, the totals, then
// one block per item in urgency order.
//
// IDs, references and translations are printed as they are, except for
// characters that could forge a line or drive a terminal — line breaks,
// other control characters, direction overrides, invalid UTF-8 — which
// appear as visible escapes such as \n or \x1b. So every item is four
// lines, plus one for a note on its due date and one for a credit through
// a mapping ([Item.Credit]).
func (r *Report) WriteText(w io.Writer, tr Translator) error {
	if w == nil {
		return errNilWriter
	}
	r = r.complete()
	bw := bufio.NewWriter(w)
	t := func(s string) { escape.WriteText(bw, s) }
	t(tr.s(msgRenderHeading.New(r.Institution, r.AsOf)))
	bw.WriteString("\n")
	t(tr.s(r.totalsMessage()))
	bw.WriteString("\n\n")
	for i := range r.Items {
		it := &r.Items[i]
		bw.WriteString("[")
		t(tr.s(it.Status.Message()))
		bw.WriteString("] ")
		t(it.DutyID)
		if it.System != "" {
			bw.WriteString(" @ ")
			t(it.System)
		}
		if it.Incident != "" {
			bw.WriteString(" # ")
			t(it.Incident)
		}
		bw.WriteString(" — ")
		t(tr.s(it.e.duty.Title))
		bw.WriteString("\n    ")
		t(tr.s(it.dueMessage()))
		if !it.Done.IsZero() {
			bw.WriteString("; ")
			t(tr.s(msgRenderDone.New(it.Done, it.Reference)))
		}
		if !it.Note.IsZero() {
			bw.WriteString("\n    ")
			t(tr.s(msgRenderNote.New(it.Note)))
		}
		if !it.Credit.IsZero() {
			bw.WriteString("\n    ")
			t(tr.s(it.Credit.Message()))
		}
		bw.WriteString("\n    ")
		t(citationList(it.e.duty.Citations))
		bw.WriteString(" (")
		t(tr.s(it.e.duty.Confidence.Message()))
		bw.WriteString(")\n    ")
		t(tr.s(it.Reason()))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// WriteMarkdown writes the report as a Markdown heading, the totals and a
// table with the columns status, due, duty, system, citation and
// confidence.
//
// Every text is escaped: an ID, a reference or a translation cannot add a
// block, a table cell, a link, an image, raw HTML or emphasis, and
// control characters print as visible escapes.
func (r *Report) WriteMarkdown(w io.Writer, tr Translator) error {
	if w == nil {
		return errNilWriter
	}
	r = r.complete()
	bw := bufio.NewWriter(w)
	md := func(s string) { escape.WriteMarkdown(bw, s, false) }
	bw.WriteString("# ")
	escape.WriteMarkdown(bw, tr.s(msgRenderHeading.New(r.Institution, r.AsOf)), true)
	bw.WriteString("\n\n")
	escape.WriteMarkdown(bw, tr.s(r.totalsMessage()), true)
	bw.WriteString("\n\n")
	cols := strings.Split(tr.s(msgRenderCol.New()), "|")
	bw.WriteString("|")
	for _, c := range cols {
		bw.WriteString(" ")
		md(strings.TrimSpace(c))
		bw.WriteString(" |")
	}
	bw.WriteString("\n|")
	for range cols {
		bw.WriteString(" --- |")
	}
	bw.WriteString("\n")
	for i := range r.Items {
		it := &r.Items[i]
		sys := it.System
		if sys == "" {
			sys = tr.s(msgRenderInst.New())
		}
		due := ""
		switch {
		case !it.DueAt.IsZero():
			due = it.DueAt.UTC().Format(time.RFC3339)
		case !it.Due.IsZero():
			due = it.Due.String()
		}
		if !it.Note.IsZero() {
			due += " (" + tr.s(msgRenderNote.New(it.Note)) + ")"
		}
		bw.WriteString("| ")
		md(tr.s(it.Status.Message()))
		if !it.Credit.IsZero() {
			bw.WriteString(" (")
			md(tr.s(it.Credit.Message()))
			bw.WriteString(")")
		}
		bw.WriteString(" | ")
		md(due)
		bw.WriteString(" | **")
		md(it.DutyID)
		bw.WriteString("** ")
		md(tr.s(it.e.duty.Title))
		bw.WriteString(" | ")
		md(sys)
		if it.Incident != "" {
			bw.WriteString(" #")
			md(it.Incident)
		}
		bw.WriteString(" | ")
		md(citationList(it.e.duty.Citations))
		bw.WriteString(" | ")
		md(tr.s(it.e.duty.Confidence.Message()))
		bw.WriteString(" |\n")
	}
	return bw.Flush()
}

// reportJSON is the JSON form of a report (see [Report.MarshalJSON]).
type reportJSON struct {
	Institution string      `json:"institution"`
	AsOf        medsec.Date `json:"asOf"`
	Totals      totalsJSON  `json:"totals"`
	Items       []itemJSON  `json:"items"`
}

type totalsJSON struct {
	Overdue   int `json:"overdue"`
	Missing   int `json:"missing"`
	DueSoon   int `json:"dueSoon"`
	Pending   int `json:"pending"`
	Met       int `json:"met"`
	OnTrigger int `json:"onTrigger"`
}

type itemJSON struct {
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
	Credit     *creditJSON       `json:"credit,omitempty"`
}

// creditJSON is the JSON form of an item's Credit.
type creditJSON struct {
	From         string            `json:"from"`
	Set          string            `json:"set"`
	Relationship Relationship      `json:"relationship"`
	Coverage     Coverage          `json:"coverage"`
	Confidence   medsec.Confidence `json:"confidence"`
	Done         medsec.Date       `json:"done"`
	Reference    string            `json:"reference"`
	Message      medsec.Message    `json:"message"`
}

// MarshalJSON implements [json.Marshaler]. The field names are stable:
// new fields may be added, existing ones keep their names and meaning.
//
//	{
//	  "institution": "H1",
//	  "asOf": "2026-11-22",
//	  "totals": {"overdue": 1, "missing": 2, "dueSoon": 0, "pending": 0, "met": 3, "onTrigger": 4},
//	  "items": [{
//	    "duty": "CN-MLPS-FILING-30D", "system": "HIS", "incident": "",
//	    "status": "overdue", "due": "2026-02-09", "dueAt": "",
//	    "done": "", "reference": "", "late": false,
//	    "party": "system-owner", "confidence": "verified",
//	    "citations": ["CN-MPS-2007-43 art. 15"],
//	    "title": {"key": "...", "format": "..."},
//	    "reason": {"key": "...", "format": "...", "args": [...]},
//	    "note": {"key": "...", "format": "..."}
//	  }]
//	}
//
// "dueAt" is set for hour deadlines (RFC 3339, UTC); "note" only when the
// item has one. "credit" appears only on items credited through a mapping
// ([Options.Mappings], [Item.Credit]):
//
//	"credit": {"from": "XA-DUTY", "set": "xa-nis2", "relationship": "equal-to",
//	           "coverage": "full", "confidence": "partial", "done": "2026-11-02",
//	           "reference": "R-1", "message": {"key": "...", "format": "...", "args": [...]}}
//
// "coverage" is "full" (the item's evidence is From's, and its status
// follows from it) or "partial" (From's evidence covers part of the
// duty; the status is that of the item's own evidence).
func (r *Report) MarshalJSON() ([]byte, error) {
	r = r.complete()
	out := reportJSON{Institution: r.Institution, AsOf: r.AsOf, Items: make([]itemJSON, len(r.Items)),
		Totals: totalsJSON{r.Totals[StatusOverdue], r.Totals[StatusMissing], r.Totals[StatusDueSoon],
			r.Totals[StatusPending], r.Totals[StatusMet], r.Totals[StatusOnTrigger]}}
	for i := range r.Items {
		it := &r.Items[i]
		dueAt := ""
		if !it.DueAt.IsZero() {
			dueAt = it.DueAt.UTC().Format(time.RFC3339)
		}
		out.Items[i] = itemJSON{Duty: it.DutyID, System: it.System, Incident: it.Incident, Status: it.Status,
			Due: it.Due, DueAt: dueAt, Done: it.Done, Reference: it.Reference, Late: it.Late, Party: it.e.duty.Party,
			Confidence: it.e.duty.Confidence, Citations: it.e.duty.Citations, Title: it.e.duty.Title, Reason: it.Reason(), Note: it.Note}
		if c := it.Credit; !c.IsZero() {
			out.Items[i].Credit = &creditJSON{From: c.From, Set: c.Set, Relationship: c.Relationship, Coverage: c.Coverage,
				Confidence: c.Confidence, Done: c.Done, Reference: c.Reference, Message: c.Message()}
		}
	}
	return json.Marshal(out)
}

// WriteJSON writes the report as indented JSON (see [Report.MarshalJSON]).
func (r *Report) WriteJSON(w io.Writer) error {
	if w == nil {
		return errNilWriter
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
