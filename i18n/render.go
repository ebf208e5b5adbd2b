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
	_            Format = iota
	PlainText           // plain text, one line per layout line, laid out for a fixed-width font
	Markdown            // CommonMark
	HTML                // a standalone, print-ready HTML document: doctype, lang, charset, title and the style sheet of the format; all text escaped
	HTMLFragment        // the notice's <article> element alone, for a page of your own (style it with [StyleSheet]); all text escaped
)

// ParseFormat returns the Format named "text", "markdown" (or "md"),
// "html" or "html-fragment".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "text", "txt":
		return PlainText, nil
	case "markdown", "md":
		return Markdown, nil
	case "html":
		return HTML, nil
	case "html-fragment", "fragment":
		return HTMLFragment, nil
	}
	return 0, fmt.Errorf("i18n: unknown format %q (want text, markdown, html or html-fragment): %w", s, errInvalidInput)
}

// isHTML reports whether f writes HTML.
func (f Format) isHTML() bool { return f == HTML || f == HTMLFragment }

// execute renders t with the field values vals.
func (t *Template) execute(l *Localizer, vals []value, f Format) string {
	var b strings.Builder
	size := t.size
	for _, i := range t.fields {
		size += len(vals[i].s)
		for _, it := range vals[i].list {
			size += len(it) + 8
		}
	}
	if f != PlainText {
		size += size / 4 // markup and escapes
	}
	if f == HTML {
		size += len(styleSheets[t.style]) + len(styleSheets[baseStyle]) + 512
	}
	b.Grow(size)
	r := renderer{b: &b, l: l, vals: vals, f: f, style: t.style}
	switch f {
	case PlainText:
		tb := tbuf{out: &lineWriter{b: &b}, width: textWidth(t.style)}
		r.textBlocks(&tb, t.blocks, 0)
		if !tb.started {
			b.WriteString("\n")
		}
		return b.String()
	case Markdown:
		r.mdBlocks(t.blocks)
		r.closeGroup()
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
	if f == HTML {
		r.htmlHead(t)
	}
	b.WriteString(`<article class="medsec-notice medsec-`)
	b.WriteString(string(t.kind))
	b.WriteString(` medsec-`)
	b.WriteString(t.style)
	b.WriteString(`" lang="`)
	b.WriteString(template.HTMLEscapeString(l.Locale().String()))
	b.WriteString("\">\n")
	r.htmlBlocks(t.blocks)
	b.WriteString("</article>\n")
	if f == HTML {
		b.WriteString("</body>\n</html>\n")
	}
	return b.String()
}

type renderer struct {
	b     *strings.Builder
	l     *Localizer
	vals  []value
	f     Format
	style string
	// state for Markdown spacing
	inGroup bool // inside a run of lines joined by hard breaks
	blank   bool // the last line written was blank (or nothing yet)
	started bool
	// the lines of the cells of the columns being laid out in plain
	// text, a buffer that the next columns reuse
	cellLines []tline
}

// shown reports whether b is printed: its condition field is set and its
// list, for list blocks, has items.
func (r *renderer) shown(b *block) bool {
	if b.cond >= 0 && r.vals[b.cond].empty() {
		return false
	}
	switch b.kind {
	case blkList, blkBullets, blkParas, blkMast:
		return len(r.vals[b.list].list) > 0
	}
	return true
}

// visible appends to out the blocks of bs that are printed, with adjacent
// rules merged into the heaviest of them: a group of GB/T 9704's 版记
// lines whose middle element is missing keeps its thick line, not a thin
// one. Callers pass a small array of their own as out, which holds the
// blocks of most layouts without an allocation.
func (r *renderer) visible(out []*block, bs []block) []*block {
	for i := range bs {
		b := &bs[i]
		if !r.shown(b) {
			continue
		}
		if n := len(out); n > 0 && b.kind == blkRule && out[n-1].kind == blkRule {
			if b.rule > out[n-1].rule {
				out[n-1] = b
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

// text returns the text of parts: template text, labels and field values.
// Values may hold the spans of text in other languages (see spans.go).
func (r *renderer) text(ps []part) string {
	if len(ps) == 1 {
		return r.part(ps, 0)
	}
	// A line is a few pieces: a field and the words around it.
	var buf [8]string
	pieces, n := buf[:0], 0
	for i := range ps {
		pieces = append(pieces, r.part(ps, i))
		n += len(pieces[i])
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range pieces {
		b.WriteString(p)
	}
	return b.String()
}

// part returns the text of part i of ps. A label that ends with a
// full-width colon carries its own space, so the space the template puts
// after it is dropped: "文号：07/BC" where English reads "No.: 07/BC".
func (r *renderer) part(ps []part, i int) string {
	p := &ps[i]
	switch {
	case p.label != nil:
		return r.l.Format(p.label.New())
	case p.field >= 0:
		return r.vals[p.field].s
	}
	if i > 0 && ps[i-1].label != nil && strings.HasPrefix(p.lit, " ") &&
		strings.HasSuffix(r.l.Format(ps[i-1].label.New()), "：") {
		return p.lit[1:]
	}
	return p.lit
}

// -------------------------------------------------------------------
// Plain text

// textWidth is the width, in columns of a fixed-width font, of the plain
// text of a style: the 28 full-width characters of a GB/T 9704 line, and
// 72 columns for the others.
func textWidth(style string) int {
	if style == "gbt9704" {
		return 56
	}
	return 72
}

// centersTitles reports whether a style centres titles, as Decree 30/2020
// and GB/T 9704 do.
func centersTitles(style string) bool { return style == "decree30" || style == "gbt9704" }

// A tline is one line of plain text before it is set in a width.
type tline struct {
	s      string // the text, escaped; for a split line its left end
	marker string // a list item's marker ("1. ", "- "), before s
	right  string // a split line's right end
	sw     int    // the display width of marker and s once measured; 0 before
	align  byte   // 0 (start), 'c' (centred), 'r' (right) or 's' (split)
	rule   byte   // a rule across the width, drawn with this character
	fixed  bool   // already set in the width (the lines of a mast)
	// A row of columns: the lines of its cells side by side, the left
	// one set in lw columns; a nil line is a cell that has no more.
	leftCell, rightCell *tline
	lw                  int
}

// colGap is the number of spaces between the cells of a row of columns.
const colGap = 2

// blank reports whether l set in a column of width w shows nothing.
func (l *tline) blank(w int) bool {
	if l.rule != 0 {
		return w == 0
	}
	return l.marker == "" && strings.TrimSpace(l.s) == "" && strings.TrimSpace(l.right) == ""
}

// textWidth returns the number of columns of l's text, without padding.
func (l *tline) textWidth() int {
	if l.sw == 0 {
		l.sw = displayWidth(l.marker) + displayWidth(l.s)
	}
	return l.sw
}

// pads returns the spaces before l's text and between the ends of a split
// line when l is set in a column of width w.
func (l *tline) pads(w int) (before, between int) {
	switch {
	case l.right != "" || l.s != "" && l.align == 's':
		return 0, max(2, w-l.textWidth()-displayWidth(l.right))
	case l.align == 'c':
		return max(0, (w-l.textWidth())/2), 0
	case l.align == 'r':
		return max(0, w-l.textWidth()), 0
	}
	return 0, 0
}

// width returns the number of columns l takes when it is set in a column
// of width w, trailing spaces included.
func (l *tline) width(w int) int {
	switch {
	case l.fixed:
		return l.textWidth()
	case l.rule != 0:
		return w
	}
	before, between := l.pads(w)
	return before + l.textWidth() + between + displayWidth(l.right)
}

// write writes l set in a column of width w: padded to its alignment, and
// for a rule or a split line, filled to the width.
func (l *tline) write(out *lineWriter, w int) {
	switch {
	case l.leftCell != nil || l.rightCell != nil:
		n := 0
		if l.leftCell != nil {
			l.leftCell.write(out, l.lw)
			n = l.leftCell.width(l.lw)
		}
		if rw := max(0, w-l.lw-colGap); l.rightCell != nil && !l.rightCell.blank(rw) {
			out.pad(max(0, l.lw-n) + colGap)
			l.rightCell.write(out, rw)
		}
	case l.fixed:
		out.text(l.s)
	case l.rule != 0:
		out.fill(l.rule, w)
	default:
		before, between := l.pads(w)
		out.pad(before)
		out.text(l.marker)
		out.text(l.s)
		out.pad(between)
		out.text(l.right)
	}
}

// A lineWriter writes lines of plain text without trailing spaces: the
// spaces it is given wait until text follows them on the line.
type lineWriter struct {
	b      *strings.Builder
	spaces int // spaces not written yet
}

// pad adds n spaces.
func (w *lineWriter) pad(n int) { w.spaces += n }

// blanks are the spaces flush writes at a time.
const blanks = "                                "

// flush writes the spaces held back.
func (w *lineWriter) flush() {
	for w.spaces > 0 {
		n := min(w.spaces, len(blanks))
		w.b.WriteString(blanks[:n])
		w.spaces -= n
	}
}

// text writes s, holding back its trailing spaces.
func (w *lineWriter) text(s string) {
	t := strings.TrimRight(s, " ")
	if t != "" {
		w.flush()
		w.b.WriteString(t)
	}
	w.spaces += len(s) - len(t)
}

// fill writes n times the character c.
func (w *lineWriter) fill(c byte, n int) {
	if n > 0 {
		w.flush()
	}
	for range n {
		w.b.WriteByte(c)
	}
}

// end ends the line.
func (w *lineWriter) end() {
	w.spaces = 0
	w.b.WriteByte('\n')
}

// A tbuf lays out the lines of plain text: on the page, it writes them
// set in the page width as they come; in a cell of columns, it collects
// them, to be set beside the other cell of their row. Blank lines between
// blocks merge, and no blank or empty line starts or ends the text: they
// wait until a line follows them.
type tbuf struct {
	out     *lineWriter // the page; nil in a cell
	width   int         // the page width
	lines   []tline     // a cell's lines
	started bool        // a line was added
	blanks  int         // the blank and empty lines due before the next line
	blank   bool        // the last line due is a blank line, which merges with the next
}

// space makes sure a blank line separates what follows from what came
// before.
func (t *tbuf) space() {
	if t.started && !t.blank {
		t.blanks++
	}
	t.blank = true
}

// empty adds an empty line that does not merge with blank lines, such as
// a line of the room for a signature.
func (t *tbuf) empty() {
	if t.started {
		t.blanks++
	}
	t.blank = false
}

// add adds the line l, after the blank lines that are due.
func (t *tbuf) add(l tline) {
	for ; t.blanks > 0; t.blanks-- {
		t.put(tline{})
	}
	t.put(l)
	t.started, t.blank = true, false
}

// put writes l on the page, or collects it in a cell.
func (t *tbuf) put(l tline) {
	if t.out == nil {
		t.lines = append(t.lines, l)
		return
	}
	l.write(t.out, t.width)
	t.out.end()
}

// esc returns s for plain text: its spans dropped and unsafe characters
// shown as escapes (see [escape.Text]).
func escText(s string) string { return escape.Text(stripMarks(s)) }

// textBlocks writes the blocks bs into t; align is the alignment of the
// cell they are in (0 outside columns).
func (r *renderer) textBlocks(t *tbuf, bs []block, align byte) {
	var buf [16]*block
	for _, b := range r.visible(buf[:0], bs) {
		r.textBlock(t, b, align)
	}
}

func (r *renderer) textBlock(t *tbuf, b *block, align byte) {
	line := func(marker, s string, a byte) {
		if a == 0 {
			a = classAlign(b.class)
		}
		if a == 0 {
			a = align
		}
		l := tline{marker: marker, s: escText(s), align: a}
		t.add(l)
		switch b.rule {
		case ruleUnder, ruleShort:
			n := l.textWidth()
			if b.rule == ruleShort {
				n = max(3, (2*n+4)/5)
			}
			t.add(tline{s: strings.Repeat("-", n), align: a})
		}
	}
	switch b.kind {
	case blkBlank:
		t.space()
		return
	case blkRule:
		switch b.rule {
		case rulePlain:
			t.space()
		case ruleThin:
			t.add(tline{rule: '-'})
		default:
			t.add(tline{rule: '='})
		}
		return
	case blkSpace:
		for range 3 {
			t.empty()
		}
		return
	case blkGroup:
		r.textBlocks(t, b.children, align)
		return
	case blkColumns:
		r.textColumns(t, b)
		return
	case blkPara, blkTitle, blkParas:
		t.space()
	}
	switch b.kind {
	case blkParas:
		for i, it := range r.vals[b.list].list {
			if i > 0 {
				t.empty()
			}
			line("", it, 0)
		}
	case blkList, blkBullets:
		for i, it := range r.vals[b.list].list {
			line(marker(b.kind, i), it, 0)
		}
	case blkKV:
		label := escText(r.text(b.label))
		sp := " "
		if strings.HasSuffix(label, "：") {
			sp = ""
		}
		t.add(tline{s: label + sp + escText(r.text(b.text)), align: align})
	case blkSplit:
		t.add(tline{s: escText(r.text(b.label)), right: escText(r.text(b.text)), align: 's'})
	case blkMast:
		r.textMast(t, b)
	case blkTitle:
		a := byte(0)
		if centersTitles(r.style) {
			a = 'c'
		}
		line("", r.text(b.text), a)
	case blkCenter:
		line("", r.text(b.text), 'c')
	case blkRight:
		s := r.text(b.text)
		if r.style == "gbt9704" {
			// GB/T 9704 sets the date four characters from the right.
			s += "        "
		}
		line("", s, 'r')
	default:
		line("", r.text(b.text), 0)
	}
	if b.kind == blkPara || b.kind == blkTitle || b.kind == blkParas {
		t.space()
	}
}

// classAlign returns the alignment the classes "center" and "right" give
// a line, which the base style sheet gives it in HTML too.
func classAlign(class string) byte {
	for c := range strings.FieldsSeq(class) {
		switch c {
		case "center":
			return 'c'
		case "right":
			return 'r'
		}
	}
	return 0
}

// marker returns the marker of item i of a numbered or bulleted list.
func marker(k blockKind, i int) string {
	if k == blkBullets {
		return "- "
	}
	return itoa(i+1) + ". "
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(buf[i:])
		}
	}
}

// textMast writes the issuing bodies' mark: the names one above the
// other, aligned at their start, the suffix beside the middle one, the
// whole centred.
func (r *renderer) textMast(t *tbuf, b *block) {
	names := r.vals[b.list].list
	suffix := escText(r.text(b.text))
	esc := make([]string, len(names))
	w := 0
	for i, n := range names {
		esc[i] = escText(n)
		w = max(w, displayWidth(esc[i]))
	}
	if len(names) == 1 {
		t.add(tline{s: esc[0] + suffix, align: 'c'})
		return
	}
	total := w
	if suffix != "" {
		total += 2 + displayWidth(suffix)
	}
	pad := strings.Repeat(" ", max(0, (textWidth(r.style)-total)/2))
	for i, n := range esc {
		s := pad + n
		if suffix != "" && i == (len(esc)-1)/2 {
			s += strings.Repeat(" ", w-displayWidth(n)+2) + suffix
		}
		t.add(tline{s: s, fixed: true})
	}
}

// textColumns sets the cells of columns side by side, row by row: the
// left cells in a column of two fifths of the width (wider if a line
// beside a right cell's line needs it), the right cells in the rest.
func (r *renderer) textColumns(t *tbuf, b *block) {
	// Lay out every cell first, as the width of the left column depends
	// on the lines of all rows. The lines of the cells follow each other
	// in one buffer, sized for two lines a block (most blocks are a line,
	// some have a rule under them); cell i has the lines from ends[i-1]
	// to ends[i]. The rows are on the page before the next columns
	// (columns do not nest), which reuse the buffer.
	blocks := 0
	for i := range b.children {
		blocks += len(b.children[i].children)
	}
	all := tbuf{lines: r.cellLines[:0]}
	if cap(all.lines) < 2*blocks {
		all.lines = make([]tline, 0, 2*blocks)
	}
	defer func() { r.cellLines = all.lines }()
	ends := make([]int, len(b.children))
	for i := range b.children {
		all.started, all.blanks, all.blank = false, 0, false // each cell starts afresh
		r.textBlocks(&all, b.children[i].children, b.children[i].align)
		ends[i] = len(all.lines)
	}
	cell := func(i int) []tline {
		switch {
		case i >= len(ends):
			return nil
		case i == 0:
			return all.lines[:ends[0]]
		}
		return all.lines[ends[i-1]:ends[i]]
	}
	lw := t.width * 2 / 5
	for i := 0; i+1 < len(ends); i += 2 {
		left, right := cell(i), cell(i+1)
		for j := range left {
			if l := &left[j]; j < len(right) && !l.fixed && l.rule == 0 {
				lw = max(lw, l.textWidth())
			}
		}
	}
	for i := 0; i < len(ends); i += 2 {
		left, right := cell(i), cell(i+1)
		for j := range max(len(left), len(right)) {
			row := tline{lw: lw}
			if j < len(left) {
				row.leftCell = &left[j]
			}
			if j < len(right) {
				row.rightCell = &right[j]
			}
			t.add(row)
		}
	}
}

// -------------------------------------------------------------------
// Markdown

// mdEsc writes text for Markdown: its spans dropped, markup escaped
// (see [escape.WriteMarkdown]) and unsafe characters shown as escapes.
func (r *renderer) mdEsc(s string) {
	escape.WriteMarkdown(r.b, stripMarks(s), r.lineStart())
}

// mdLit writes the layout's own text and labels like mdEsc, except that
// their leading and trailing spaces stay spaces: they separate the text
// from the fields around it.
func (r *renderer) mdLit(s string) {
	escape.WriteMarkdownLiteral(r.b, s, r.lineStart())
}

// mdParts writes parts for Markdown.
func (r *renderer) mdParts(ps []part) {
	for i := range ps {
		if ps[i].field >= 0 {
			r.mdEsc(r.part(ps, i))
		} else {
			r.mdLit(r.part(ps, i))
		}
	}
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

// closeGroup ends an open Markdown line group.
func (r *renderer) closeGroup() {
	if r.inGroup {
		r.b.WriteString("\n")
		r.inGroup = false
	}
}

// space makes sure a blank line separates what follows.
func (r *renderer) space() {
	if r.started && !r.blank {
		r.b.WriteString("\n")
	}
	r.blank = true
}

// breakGroup ends a line group with a paragraph break.
func (r *renderer) breakGroup() {
	if r.inGroup {
		r.b.WriteString("\n")
		r.inGroup = false
		r.blank = false
	}
	r.space()
}

func (r *renderer) mdBlocks(bs []block) {
	var buf [16]*block
	for _, b := range r.visible(buf[:0], bs) {
		r.markdown(b)
	}
}

func (r *renderer) markdown(b *block) {
	switch b.kind {
	case blkGroup:
		r.mdBlocks(b.children)
		return
	case blkColumns:
		// Markdown has no columns: the cells follow each other.
		for i := range b.children {
			r.breakGroup()
			r.mdBlocks(b.children[i].children)
		}
		r.breakGroup()
		return
	case blkBlank, blkRule, blkPara, blkTitle, blkList, blkBullets, blkParas, blkSpace:
		r.breakGroup()
	}
	switch b.kind {
	case blkBlank, blkSpace:
		return
	case blkRule:
		if b.rule == ruleThin || b.rule == rulePlain || b.rule == ruleThick || b.rule == ruleRed {
			r.b.WriteString("---\n")
			r.blank = false
			r.started = true
			r.space()
		}
		return
	}
	r.started = true
	switch b.kind {
	case blkTitle:
		r.b.WriteString("# ")
		r.mdParts(b.text)
		r.b.WriteString("\n")
		r.blank = false
		r.space()
	case blkPara:
		r.mdParts(b.text)
		r.b.WriteString("\n")
		r.blank = false
		r.space()
	case blkParas:
		for i, it := range r.vals[b.list].list {
			if i > 0 {
				r.b.WriteString("\n")
			}
			r.mdEsc(it)
			r.b.WriteString("\n")
		}
		r.blank = false
		r.space()
	case blkList, blkBullets:
		for i, it := range r.vals[b.list].list {
			r.b.WriteString(marker(b.kind, i))
			r.mdEsc(it)
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
			r.mdParts(b.text)
			r.b.WriteString("**")
		case blkEm:
			r.b.WriteString("*")
			r.mdParts(b.text)
			r.b.WriteString("*")
		case blkLabel:
			r.b.WriteString("***")
			r.mdParts(b.text)
			r.b.WriteString("***")
		case blkMast:
			r.b.WriteString("**")
			sep := " "
			if isCJK(r.l.Locale()) {
				sep = "　"
			}
			for i, n := range r.vals[b.list].list {
				if i > 0 {
					r.mdLit(sep)
				}
				r.mdEsc(n)
			}
			r.mdParts(b.text)
			r.b.WriteString("**")
		case blkKV:
			r.b.WriteString("**")
			r.mdParts(b.label)
			// Always a space: CommonMark does not close "**" between
			// a full-width colon and a letter.
			r.b.WriteString("** ")
			r.mdParts(b.text)
		case blkSplit:
			r.mdParts(b.label)
			r.b.WriteString(" ")
			r.mdParts(b.text)
		default:
			r.mdParts(b.text)
		}
	}
}

// -------------------------------------------------------------------
// HTML

// htmlEsc writes text for HTML: escaped with html/template's escaper,
// unsafe characters shown as escapes, and text in another language in a
// span with its lang.
func (r *renderer) htmlEsc(s string) {
	if markIndex(s) < 0 {
		r.b.WriteString(template.HTMLEscapeString(escape.Text(s)))
		return
	}
	for _, sg := range splitSpans(s) {
		if sg.lang == "" {
			r.b.WriteString(template.HTMLEscapeString(escape.Text(sg.text)))
			continue
		}
		r.b.WriteString(`<span lang="`)
		r.b.WriteString(sg.lang) // checked by segments: letters, digits and hyphens
		r.b.WriteString(`">`)
		r.b.WriteString(template.HTMLEscapeString(escape.Text(sg.text)))
		r.b.WriteString("</span>")
	}
}

// htmlParts writes parts for HTML.
func (r *renderer) htmlParts(ps []part) {
	for i := range ps {
		r.htmlEsc(r.part(ps, i))
	}
}

// open writes the start tag of an element with the classes of the
// directive (own) and of the template (extra).
func (r *renderer) open(tag, own, extra string) {
	r.b.WriteString("<" + tag)
	switch {
	case own != "" && extra != "":
		r.b.WriteString(` class="` + own + " " + extra + `"`)
	case own != "" || extra != "":
		r.b.WriteString(` class="` + own + extra + `"`)
	}
	r.b.WriteString(">")
}

// htmlHead writes the document up to the body: doctype, language,
// charset, title and the style sheet of the template's style.
func (r *renderer) htmlHead(t *Template) {
	r.b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	r.b.WriteString(template.HTMLEscapeString(r.l.Locale().String()))
	r.b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n")
	r.b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	r.b.WriteString(template.HTMLEscapeString(escape.Text(stripMarks(r.docTitle(t)))))
	r.b.WriteString("</title>\n<style>\n")
	r.b.WriteString(styleSheets[baseStyle])
	r.b.WriteString(styleSheets[t.style])
	r.b.WriteString("</style>\n</head>\n<body>\n")
}

// docTitle returns the document's title: the doctitle line, else the
// first title line, else the notice kind.
func (r *renderer) docTitle(t *Template) string {
	if t.doctitle != nil {
		return r.text(t.doctitle)
	}
	if b := findBlock(t.blocks, blkTitle); b != nil {
		return r.text(b.text)
	}
	return string(t.kind)
}

// findBlock returns the first block of kind k, looking into groups and
// cells.
func findBlock(bs []block, k blockKind) *block {
	for i := range bs {
		if bs[i].kind == k {
			return &bs[i]
		}
		if b := findBlock(bs[i].children, k); b != nil {
			return b
		}
	}
	return nil
}

func (r *renderer) htmlBlocks(bs []block) {
	var buf [16]*block
	vis := r.visible(buf[:0], bs)
	for i := 0; i < len(vis); i++ {
		if vis[i].kind != blkKV {
			r.html(vis[i])
			continue
		}
		// A run of kv rows is one list of terms.
		r.b.WriteString("<dl>\n")
		for ; i < len(vis) && vis[i].kind == blkKV; i++ {
			b := vis[i]
			r.open("dt", "", b.class)
			r.htmlParts(b.label)
			r.b.WriteString("</dt><dd>")
			r.htmlParts(b.text)
			r.b.WriteString("</dd>\n")
		}
		r.b.WriteString("</dl>\n")
		i--
	}
}

// htmlLine writes a line's content, inside the span that draws the rule
// under it when it has one.
func (r *renderer) htmlLine(b *block) {
	switch b.rule {
	case ruleUnder:
		r.b.WriteString(`<span class="rule-under">`)
	case ruleShort:
		r.b.WriteString(`<span class="rule-short">`)
	}
	r.htmlParts(b.text)
	if b.rule == ruleUnder || b.rule == ruleShort {
		r.b.WriteString("</span>")
	}
}

func (r *renderer) html(b *block) {
	switch b.kind {
	case blkBlank:
	case blkSpace:
		r.open("div", "space", b.class)
		r.b.WriteString("</div>\n")
	case blkRule:
		switch b.rule {
		case ruleThin:
			r.open("hr", "thin", b.class)
		case ruleThick:
			r.open("hr", "thick", b.class)
		case ruleRed:
			r.open("hr", "red", b.class)
		default:
			r.open("hr", "", b.class)
		}
		r.b.WriteString("\n")
	case blkGroup:
		r.open("div", b.name, b.class)
		r.b.WriteString("\n")
		r.htmlBlocks(b.children)
		r.b.WriteString("</div>\n")
	case blkColumns:
		r.open("div", "cols", b.class)
		r.b.WriteString("\n")
		for i := range b.children {
			c := &b.children[i]
			switch c.align {
			case 'c':
				r.b.WriteString(`<div class="cell center">`)
			case 'r':
				r.b.WriteString(`<div class="cell right">`)
			default:
				r.b.WriteString(`<div class="cell">`)
			}
			r.b.WriteString("\n")
			r.htmlBlocks(c.children)
			r.b.WriteString("</div>\n")
		}
		r.b.WriteString("</div>\n")
	case blkTitle:
		r.open("h1", "", b.class)
		r.htmlLine(b)
		r.b.WriteString("</h1>\n")
	case blkHead, blkSig:
		name := "head"
		if b.kind == blkSig {
			name = "sig"
		}
		r.open("p", name, b.class)
		r.b.WriteString("<strong>")
		r.htmlLine(b)
		r.b.WriteString("</strong></p>\n")
	case blkEm:
		r.open("p", "", b.class)
		r.b.WriteString("<em>")
		r.htmlLine(b)
		r.b.WriteString("</em></p>\n")
	case blkLabel:
		r.open("p", "label", b.class)
		r.b.WriteString("<strong><em>")
		r.htmlLine(b)
		r.b.WriteString("</em></strong></p>\n")
	case blkRight, blkCenter, blkPara, blkLine:
		own := ""
		switch b.kind {
		case blkRight:
			own = "right"
		case blkCenter:
			own = "center"
		case blkPara:
			own = "para"
		}
		r.open("p", own, b.class)
		r.htmlLine(b)
		r.b.WriteString("</p>\n")
	case blkSplit:
		r.open("p", "split", b.class)
		r.b.WriteString("<span>")
		r.htmlParts(b.label)
		r.b.WriteString("</span> <span>")
		r.htmlParts(b.text)
		r.b.WriteString("</span></p>\n")
	case blkMast:
		r.open("div", "mast", b.class)
		r.b.WriteString("\n<div class=\"mast-names\">\n")
		for _, n := range r.vals[b.list].list {
			// A name wholly in another language gives its line that
			// language, which chooses how the line is set.
			if segs := splitSpans(n); len(segs) == 1 && segs[0].lang != "" {
				r.b.WriteString(`<p lang="` + segs[0].lang + `">`)
				r.b.WriteString(template.HTMLEscapeString(escape.Text(segs[0].text)))
			} else {
				r.b.WriteString("<p>")
				r.htmlEsc(n)
			}
			r.b.WriteString("</p>\n")
		}
		r.b.WriteString("</div>\n")
		if suffix := r.text(b.text); suffix != "" {
			r.b.WriteString(`<div class="mast-suffix">`)
			r.htmlEsc(suffix)
			r.b.WriteString("</div>\n")
		}
		r.b.WriteString("</div>\n")
	case blkParas:
		for _, it := range r.vals[b.list].list {
			r.open("p", "para", b.class)
			r.htmlEsc(it)
			r.b.WriteString("</p>\n")
		}
	case blkList, blkBullets:
		tag := "ol"
		if b.kind == blkBullets {
			tag = "ul"
		}
		r.open(tag, "", b.class)
		r.b.WriteString("\n")
		for _, it := range r.vals[b.list].list {
			r.b.WriteString("<li>")
			r.htmlEsc(it)
			r.b.WriteString("</li>\n")
		}
		r.b.WriteString("</" + tag + ">\n")
	}
}
