package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/examples/internal/cli"
	"github.com/medsec-go/medsec/i18n"
	"github.com/medsec-go/medsec/internal/escape"
)

// writeText prints the output as plain text for a terminal.
func writeText(w io.Writer, out *Output, loc *i18n.Localizer, day medsec.Date) error {
	tr := loc.Format
	p := &printer{w: w}
	reviewed, err := medsec.ParseDate(medsec.DataVersion)
	if err != nil {
		return err
	}
	p.line(tr(msgTitle.New(len(out.Institutions), day, reviewed)))
	for _, v := range out.Institutions {
		p.line("")
		head := tr(msgInstitution.New(v.Name, strings.Join(v.Jurisdictions, ", ")))
		p.line(head)
		p.line(strings.Repeat("=", 72))

		p.section(tr(msgGrades.New()))
		for _, g := range v.Grades {
			p.line("  " + tr(msgGradeLine.New(g.Subject, tr(schemeNames[g.Scheme].New()), g.Grade, g.Confidence)))
			for _, r := range g.Reasons {
				p.line("      - " + r)
			}
			if len(g.Citations) > 0 {
				p.line("      [" + loc.Citations(g.Citations) + "]")
			}
		}

		p.section(tr(msgDuties.New()))
		var totals []string
		for _, t := range v.Totals {
			totals = append(totals, fmt.Sprintf("%s %s", t.Label, loc.Number(int64(t.Count))))
		}
		p.line("  " + strings.Join(totals, " · "))
		for _, d := range v.Duties {
			subject := d.Duty
			if d.System != "" {
				subject += " @ " + d.System
			}
			if d.Incident != "" {
				subject += " # " + d.Incident
			}
			due := tr(msgNoDue.New())
			if d.Due != "" {
				due = tr(msgDue.New(d.Due))
			}
			p.line(fmt.Sprintf("  [%s] %s — %s", d.StatusText, subject, d.Title))
			p.line("      " + due + " · " + loc.Citations(d.Citations) + " · " + tr(msgConfidence.New(d.Confidence)))
			if d.Done != "" {
				p.line("      " + tr(msgDone.New(d.Done, d.Reference)))
			}
			p.line("      " + d.Reason)
			if d.Note != "" {
				p.line("      " + d.Note)
			}
		}

		p.section(tr(msgRoles.New()))
		if len(v.Roles) == 0 {
			p.line("  " + tr(msgNoRoleIssues.New()))
		}
		for _, r := range v.Roles {
			p.line(fmt.Sprintf("  [%s] %s", tr(severityNames[r.Severity].New()), r.Message))
			p.line("      " + r.Rule + " · " + loc.Citations(r.Citations) + " · " + tr(msgConfidence.New(r.Confidence)))
		}

		p.section(tr(msgContracts.New()))
		for _, c := range v.Contracts {
			p.line("  " + tr(msgContract.New(c.ID, c.Vendor)))
			switch {
			case len(c.Errors) > 0:
				p.line("      " + tr(msgContractBad.New(len(c.Errors))))
				for _, e := range c.Errors {
					p.line("      " + e.Path + ": " + e.Message)
				}
			case len(c.Findings) == 0:
				p.line("      " + tr(msgContractClean.New()))
			}
			for _, f := range c.Findings {
				p.line(fmt.Sprintf("    - [%s] %s", f.Severity, f.Message))
				p.line("        " + loc.Citation(f.Citation) + " · " + tr(msgConfidence.New(f.Confidence)) + " · " + f.Path)
			}
		}

		if v.Notice != "" {
			p.section(tr(msgNotice.New()))
			for _, l := range strings.Split(strings.TrimRight(v.Notice, "\n"), "\n") {
				p.line("  " + l)
			}
		}
	}
	return p.err
}

// printer writes lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

// line prints s as one line. Names, IDs, references and paths come from
// the input file, so characters that could break the line or drive the
// terminal (line breaks, ESC, other controls, direction overrides) are
// printed as visible escapes such as \n or \x1b.
func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, escape.Text(strings.TrimRight(s, " "))+"\n")
	}
}

func (p *printer) section(title string) {
	p.line("")
	p.line(title)
	p.line(strings.Repeat("-", cli.Width(title)))
}
