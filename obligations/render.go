package obligations

import (
	"bufio"
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

// citationList prints the citations of a duty for a reader: in the
// translator's language and numbering style, or canonical ("XA-HSA-2026
// art. 9(1); ...") without one.
func (tr Translator) citationList(cs []medsec.Citation) string {
	return tr.s(medsec.Citations(cs).Message())
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
		t(tr.citationList(it.e.duty.Citations))
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
		md(tr.citationList(it.e.duty.Citations))
		bw.WriteString(" | ")
		md(tr.s(it.e.duty.Confidence.Message()))
		bw.WriteString(" |\n")
	}
	return bw.Flush()
}
