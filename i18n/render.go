package i18n

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/medsec-go/medsec/internal/escape"
)

// A Format is an output format for notices.
type Format uint8

// The output formats.
const (
	_         Format = iota
	PlainText        // plain text, one line per layout line
	Markdown         // CommonMark
	HTML             // an HTML fragment (an <article> element); all text escaped
)

// ParseFormat returns the Format named "text", "markdown" (or "md") or
// "html".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "text", "txt":
		return PlainText, nil
	case "markdown", "md":
		return Markdown, nil
	case "html":
		return HTML, nil
	}
	return 0, fmt.Errorf("i18n: unknown format %q (want text, markdown or html): %w", s, errInvalidInput)
}

// execute renders t with the field values vals.
func (t *Template) execute(l *Localizer, vals []value, f Format) string {
	var b strings.Builder
	size := t.size
	for _, v := range vals {
		size += len(v.s)
		for _, it := range v.list {
			size += len(it) + 8
		}
	}
	if f != PlainText {
		size += size / 4 // markup and escapes
	}
	b.Grow(size)
	r := renderer{b: &b, l: l, vals: vals, f: f}
	if f == HTML {
		b.WriteString(`<article class="medsec-notice medsec-`)
		b.WriteString(string(t.kind))
		b.WriteString(`" lang="`)
		b.WriteString(l.Locale().String())
		b.WriteString("\">\n")
	}
	for i := range t.blocks {
		r.block(&t.blocks[i])
	}
	r.closeGroup()
	if f == HTML {
		b.WriteString("</article>\n")
		return b.String()
	}
	// End with exactly one newline, without copying.
	s := b.String()
	end := len(s)
	for end > 0 && s[end-1] == '\n' {
		end--
	}
	if end < len(s) {
		return s[:end+1]
	}
	return s + "\n"
}

type renderer struct {
	b    *strings.Builder
	l    *Localizer
	vals []value
	f    Format
	// state for spacing
	inGroup bool // markdown: inside a run of lines joined by hard breaks
	inDL    bool // html: inside a <dl> of kv rows
	blank   bool // text: the last line written was blank (or nothing yet)
	started bool
}

// esc writes text for the output format. Every piece of text goes
// through it, user fields, labels and template text alike, so that none
// can change the layout: unsafe characters (line breaks, terminal
// controls, direction overrides; see [escape.Unsafe]) show as visible
// escapes such as \n in every format, Markdown markup is escaped (see
// [escape.WriteMarkdown]) and HTML is escaped with html/template's
// escaper. Validate rejects unsafe characters in the notice's own fields;
// this catches those that reach the output another way, such as through
// a message argument or a translation.
func (r *renderer) esc(s string) {
	switch r.f {
	case HTML:
		r.b.WriteString(template.HTMLEscapeString(escape.Text(s)))
	case Markdown:
		escape.WriteMarkdown(r.b, s, r.lineStart())
	default:
		escape.WriteText(r.b, s)
	}
}

// escLit writes the layout's own text and labels like esc, except that
// in Markdown their leading and trailing spaces stay spaces: they
// separate the text from the fields around it.
func (r *renderer) escLit(s string) {
	if r.f == Markdown {
		escape.WriteMarkdownLiteral(r.b, s, r.lineStart())
		return
	}
	r.esc(s)
}

// lineStart reports whether Markdown text written now could be read as a
// block marker: the current line holds nothing but ASCII punctuation,
// digits and spaces, such as a list marker, "# " or "**".
func (r *renderer) lineStart() bool {
	s := r.b.String()
	for i := len(s) - 1; i >= 0 && s[i] != '\n'; i-- {
		c := s[i] | 0x20
		if s[i] >= 0x80 || c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

func (r *renderer) parts(ps []part) {
	for i := range ps {
		p := &ps[i]
		switch {
		case p.label != nil:
			r.escLit(r.l.Format(p.label.New()))
		case p.field >= 0:
			r.esc(r.vals[p.field].s)
		default:
			r.escLit(p.lit)
		}
	}
}

// closeGroup ends an open Markdown line group or HTML list of rows.
func (r *renderer) closeGroup() {
	if r.inGroup {
		r.b.WriteString("\n")
		r.inGroup = false
	}
	if r.inDL {
		r.b.WriteString("</dl>\n")
		r.inDL = false
	}
}

// space makes sure a blank line separates what follows (Text and Markdown).
func (r *renderer) space() {
	if r.started && !r.blank {
		r.b.WriteString("\n")
	}
	r.blank = true
}

func (r *renderer) block(b *block) {
	if b.cond >= 0 && r.vals[b.cond].empty() {
		return
	}
	if b.kind == blkList || b.kind == blkBullets || b.kind == blkParas {
		if len(r.vals[b.list].list) == 0 {
			return
		}
	}
	switch r.f {
	case HTML:
		r.html(b)
	case Markdown:
		r.markdown(b)
	default:
		r.text(b)
	}
}

func (r *renderer) text(b *block) {
	switch b.kind {
	case blkBlank, blkRule:
		r.space()
		return
	case blkPara, blkTitle, blkParas:
		r.space()
	}
	r.started = true
	switch b.kind {
	case blkParas:
		for i, it := range r.vals[b.list].list {
			if i > 0 {
				r.b.WriteString("\n")
			}
			r.esc(it)
			r.b.WriteString("\n")
		}
	case blkList, blkBullets:
		for i, it := range r.vals[b.list].list {
			r.marker(b.kind, i)
			r.esc(it)
			r.b.WriteString("\n")
		}
	case blkKV:
		r.parts(b.label)
		r.kvSpace()
		r.parts(b.text)
		r.b.WriteString("\n")
	default:
		r.parts(b.text)
		r.b.WriteString("\n")
	}
	r.blank = false
	if b.kind == blkPara || b.kind == blkTitle || b.kind == blkParas {
		r.space()
	}
}

func (r *renderer) marker(k blockKind, i int) {
	if k == blkBullets {
		r.b.WriteString("- ")
		return
	}
	var buf [8]byte
	n := len(buf)
	i++
	for ; i > 0 || n == len(buf); i /= 10 {
		n--
		buf[n] = byte('0' + i%10)
	}
	r.b.Write(buf[n:])
	r.b.WriteString(". ")
}

func (r *renderer) markdown(b *block) {
	switch b.kind {
	case blkBlank, blkRule, blkPara, blkTitle, blkList, blkBullets, blkParas:
		if r.inGroup {
			r.b.WriteString("\n")
			r.inGroup = false
			r.blank = false
		}
		r.space()
	}
	switch b.kind {
	case blkBlank:
		return
	case blkRule:
		r.b.WriteString("---\n")
		r.blank = false
		r.started = true
		r.space()
		return
	}
	r.started = true
	switch b.kind {
	case blkTitle:
		r.b.WriteString("# ")
		r.parts(b.text)
		r.b.WriteString("\n")
		r.blank = false
		r.space()
	case blkPara:
		r.parts(b.text)
		r.b.WriteString("\n")
		r.blank = false
		r.space()
	case blkParas:
		for i, it := range r.vals[b.list].list {
			if i > 0 {
				r.b.WriteString("\n")
			}
			r.esc(it)
			r.b.WriteString("\n")
		}
		r.blank = false
		r.space()
	case blkList, blkBullets:
		for i, it := range r.vals[b.list].list {
			r.marker(b.kind, i)
			r.esc(it)
			r.b.WriteString("\n")
		}
		r.blank = false
		r.space()
	default:
		if r.inGroup {
			r.b.WriteString("\\\n")
		}
		r.inGroup = true
		r.blank = false
		switch b.kind {
		case blkHead, blkSig:
			r.b.WriteString("**")
			r.parts(b.text)
			r.b.WriteString("**")
		case blkEm:
			r.b.WriteString("*")
			r.parts(b.text)
			r.b.WriteString("*")
		case blkKV:
			r.b.WriteString("**")
			r.parts(b.label)
			// Always a space: CommonMark does not close "**" between
			// a full-width colon and a letter.
			r.b.WriteString("** ")
			r.parts(b.text)
		default:
			r.parts(b.text)
		}
	}
}

func (r *renderer) html(b *block) {
	if b.kind != blkKV && r.inDL {
		r.b.WriteString("</dl>\n")
		r.inDL = false
	}
	switch b.kind {
	case blkBlank:
		return
	case blkRule:
		r.b.WriteString("<hr>\n")
	case blkTitle:
		r.b.WriteString("<h1>")
		r.parts(b.text)
		r.b.WriteString("</h1>\n")
	case blkHead:
		r.b.WriteString(`<p class="head"><strong>`)
		r.parts(b.text)
		r.b.WriteString("</strong></p>\n")
	case blkSig:
		r.b.WriteString(`<p class="sig"><strong>`)
		r.parts(b.text)
		r.b.WriteString("</strong></p>\n")
	case blkEm:
		r.b.WriteString("<p><em>")
		r.parts(b.text)
		r.b.WriteString("</em></p>\n")
	case blkRight:
		r.b.WriteString(`<p class="right">`)
		r.parts(b.text)
		r.b.WriteString("</p>\n")
	case blkPara:
		r.b.WriteString(`<p class="para">`)
		r.parts(b.text)
		r.b.WriteString("</p>\n")
	case blkLine:
		r.b.WriteString("<p>")
		r.parts(b.text)
		r.b.WriteString("</p>\n")
	case blkKV:
		if !r.inDL {
			r.b.WriteString("<dl>\n")
			r.inDL = true
		}
		r.b.WriteString("<dt>")
		r.parts(b.label)
		r.b.WriteString("</dt><dd>")
		r.parts(b.text)
		r.b.WriteString("</dd>\n")
	case blkParas:
		for _, it := range r.vals[b.list].list {
			r.b.WriteString(`<p class="para">`)
			r.esc(it)
			r.b.WriteString("</p>\n")
		}
	case blkList, blkBullets:
		tag := "ol"
		if b.kind == blkBullets {
			tag = "ul"
		}
		r.b.WriteString("<" + tag + ">\n")
		for _, it := range r.vals[b.list].list {
			r.b.WriteString("<li>")
			r.esc(it)
			r.b.WriteString("</li>\n")
		}
		r.b.WriteString("</" + tag + ">\n")
	}
}

// kvSpace separates a label from its value, except after a full-width
// colon, which carries its own space.
func (r *renderer) kvSpace() {
	if !strings.HasSuffix(r.b.String(), "：") {
		r.b.WriteString(" ")
	}
}
