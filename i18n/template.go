package i18n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// A blockKind is the layout role of one template line.
type blockKind uint8

const (
	blkTitle   blockKind = iota + 1 // the document's title
	blkHead                         // a bold header line (national title, issuer)
	blkLine                         // an ordinary line
	blkRight                        // a line set to the right (place and date)
	blkEm                           // an italic line
	blkPara                         // a paragraph of body text
	blkSig                          // a bold line of the signature block
	blkKV                           // a "label: value" row
	blkList                         // a numbered list of a list field
	blkBullets                      // a bulleted list of a list field
	blkParas                        // each item of a list field as a paragraph
	blkBlank                        // vertical space
	blkRule                         // a separator
	blkCenter                       // a centred line (a document number)
	blkLabel                        // a bold italic label ("Nơi nhận:")
	blkSplit                        // a line with text at both ends
	blkMast                         // the issuing bodies' mark, one above the other, and a suffix
	blkSpace                        // room for a signature and a seal
	blkGroup                        // "begin": a named group of blocks
	blkColumns                      // "columns": cells in rows of two
	blkCell                         // "cell": one cell of columns
)

var directives = map[string]blockKind{
	"title": blkTitle, "head": blkHead, "line": blkLine, "right": blkRight, "em": blkEm,
	"para": blkPara, "sig": blkSig, "kv": blkKV, "list": blkList, "bullets": blkBullets, "paras": blkParas,
	"blank": blkBlank, "rule": blkRule, "center": blkCenter, "label": blkLabel, "split": blkSplit,
	"mast": blkMast, "space": blkSpace, "begin": blkGroup, "columns": blkColumns, "cell": blkCell,
}

// A ruleKind is the weight of a rule, or the rule drawn under a line.
type ruleKind uint8

const (
	ruleNone  ruleKind = iota
	ruleThin           // "rule thin": a thin line across the text (GB/T 9704's middle 版记 lines)
	rulePlain          // "rule": a separator between sections
	ruleThick          // "rule thick": a thick line across the text (GB/T 9704's first and last 版记 lines)
	ruleRed            // "rule red": the red line under GB/T 9704's 版头
	ruleUnder          // "rule under": a line under the line before it, as long as it (Decree 30's motto)
	ruleShort          // "rule short": a short line under the line before it (Decree 30's issuing body)
)

var ruleNames = map[string]ruleKind{"": rulePlain, "thin": ruleThin, "thick": ruleThick, "red": ruleRed,
	"under": ruleUnder, "short": ruleShort}

// A part is a piece of a line: literal text, a field of the notice, or a
// label message from the catalog.
type part struct {
	lit   string
	field int // index into the notice's fields; -1 if not a field
	label *medsec.MessageTemplate
}

type block struct {
	kind     blockKind
	cond     int      // field that must be non-empty; -1 for none
	class    string   // HTML classes given with ".name", space-separated
	text     []part   // the line; the value of a kv row; the right end of a split; the suffix of a mast
	label    []part   // the label of a kv row; the left end of a split
	list     int      // the list field of list, bullets, paras and mast blocks
	rule     ruleKind // the weight of a rule; the rule under a line
	align    byte     // a cell's alignment: 0 (start), 'c' or 'r'
	name     string   // a group's name
	children []block  // the blocks of a group or a cell; the cells of columns
}

// A Template is a parsed notice layout. Templates are immutable and safe
// for concurrent use.
type Template struct {
	kind     Kind
	style    string
	doctitle []part
	blocks   []block
	size     int   // the bytes of the layout's own text, with room for markup
	fields   []int // the fields the layout prints, each once
}

// Style returns the name of the layout's style: the paper, margins, type
// and alignments of an official format ("decree30", "gbt9704", "letter",
// "news", "report"), which the HTML document's style sheet draws and the
// plain text follows where it can.
func (t *Template) Style() string {
	if t == nil {
		return ""
	}
	return t.style
}

// maxTemplateSize bounds a template source.
const maxTemplateSize = 256 << 10

// maxNesting bounds the nesting of groups and cells.
const maxNesting = 8

// ParseTemplate parses the layout of a notice of the given kind. The
// syntax is one directive per line:
//
//	# a comment
//	style decree30
//	doctitle Công văn số {NumberSymbol}
//	head CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	line Số: {NumberSymbol}
//	line?Subject V/v {Subject}
//	kv {@i18n.notice.incident.detected} | {Detected}
//	list Tasks
//	blank
//
// The line directives are title, head (a bold line), line, center (a
// centred line), right (a line set to the right), em (an italic line),
// label (a bold italic label), para (a paragraph), sig (a bold line of the
// signature block), kv (a "label | value" row) and split ("left | right":
// a line with text at both ends); kv and split need text on at least one
// side of the bar. The list directives take the name of a list field:
// list (numbered), bullets, paras (each item a paragraph) and mast (the
// issuing bodies' mark: the items one above the other in a large red
// type, followed by the rest of the line, such as 文件). blank is
// vertical space; space is room for a signature and a seal; rule draws a
// separator, "rule thin", "rule thick" and "rule red" the lines of GB/T
// 9704, and "rule under" and "rule short" a line under the line before it
// (as long as it, or about a third of it, as Decree 30/2020 draws them
// under the motto and the issuing body); adjacent rules merge into the
// heaviest.
//
// Blocks group: "begin NAME" … "end" groups blocks under a name, which
// is the class of the group in HTML; "columns" … "end" lays out cells in
// rows of two, each cell started by "cell" (or "cell center", "cell
// right", which align its lines), the first cell of a row on the left —
// the two-column head and foot of a Vietnamese document. Plain text sets
// the cells of a row side by side; Markdown, which has no columns, prints
// them one after the other.
//
// "style NAME", before any block, chooses the style of the HTML document
// ([Template.Style]); "doctitle …" gives its title (by default the text of
// the first title line). A ".name" suffix on a directive adds an HTML class,
// and a "?Field" suffix drops the block when that field is empty. In the
// text, {Field} inserts a field of the notice, {@key} a label message of
// this package translated into the notice's locale, and {{ and }} a
// literal "{" and "}". Field and label names are checked when parsing: the
// fields of each kind are listed by [Kind.Fields].
//
// Errors wrap [medsec.ErrInvalidData] and name the line.
func ParseTemplate(kind Kind, src string) (*Template, error) {
	sch, ok := schemaOf(kind)
	if !ok {
		return nil, fmt.Errorf("i18n: parse template: unknown notice kind %q: %w", string(kind), errInvalidInput)
	}
	if len(src) > maxTemplateSize {
		return nil, fmt.Errorf("i18n: parse %s template: larger than %d bytes: %w", kind, maxTemplateSize, errInvalidData)
	}
	p := parser{sch: sch, t: &Template{kind: kind, style: defaultStyle}}
	n := 0
	for line := range strings.Lines(src) {
		n++
		line = strings.TrimRight(line, " \t\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p.n = n
		if err := p.line(line); err != nil {
			return nil, fmt.Errorf("i18n: parse %s template: line %d: %v: %w", kind, n, err, errInvalidData)
		}
	}
	if len(p.stack) > 0 {
		f := p.stack[len(p.stack)-1]
		return nil, fmt.Errorf("i18n: parse %s template: line %d: %s is not closed with end: %w", kind, f.line, f.what(), errInvalidData)
	}
	if len(p.t.blocks) == 0 {
		return nil, fmt.Errorf("i18n: parse %s template: no directives: %w", kind, errInvalidData)
	}
	return p.t, nil
}

// A parser reads a template line by line. The blocks of an open group or
// cell collect in the frames of its stack.
type parser struct {
	sch     *schema
	t       *Template
	stack   []frame
	started bool // a block was read: style may no longer be set
	n       int  // the number of the line being read
}

// A frame is an open group or columns block, with the cell being read.
type frame struct {
	b    block
	cell *block // columns: the open cell, or nil before the first
	line int    // the line that opened it
}

func (f *frame) what() string {
	if f.b.kind == blkColumns {
		return "columns"
	}
	return "begin " + f.b.name
}

// add appends b to the innermost open container.
func (p *parser) add(b block) error {
	p.started = true
	for _, parts := range [...][]part{b.label, b.text} {
		for _, part := range parts {
			p.t.size += len(part.lit) + 8
			if part.field >= 0 {
				p.t.size += 24
				p.use(part.field)
			}
		}
	}
	if b.list >= 0 {
		p.use(b.list)
	}
	p.t.size += 16
	if len(p.stack) == 0 {
		p.t.blocks = append(p.t.blocks, b)
		return nil
	}
	f := &p.stack[len(p.stack)-1]
	if f.b.kind == blkColumns {
		if f.cell == nil {
			return fmt.Errorf("columns hold cells: start one with cell")
		}
		f.cell.children = append(f.cell.children, b)
		return nil
	}
	f.b.children = append(f.b.children, b)
	return nil
}

// use records that the layout prints the field i.
func (p *parser) use(i int) {
	if !slices.Contains(p.t.fields, i) {
		p.t.fields = append(p.t.fields, i)
	}
}

// last returns the last block of the innermost open container, or nil.
func (p *parser) last() *block {
	var bs []block
	switch {
	case len(p.stack) == 0:
		bs = p.t.blocks
	case p.stack[len(p.stack)-1].cell != nil:
		bs = p.stack[len(p.stack)-1].cell.children
	case p.stack[len(p.stack)-1].b.kind == blkGroup:
		bs = p.stack[len(p.stack)-1].b.children
	}
	if len(bs) == 0 {
		return nil
	}
	return &bs[len(bs)-1]
}

// closeCell moves the open cell of f into its columns.
func (f *frame) closeCell() {
	if f.cell != nil {
		f.b.children = append(f.b.children, *f.cell)
		f.cell = nil
	}
}

func (p *parser) line(line string) error {
	dir, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimLeft(rest, " ")
	switch dir {
	case "style":
		if p.started {
			return fmt.Errorf("style comes before the first block")
		}
		if _, ok := styleSheets[rest]; !ok {
			return fmt.Errorf("unknown style %q (want one of %s)", rest, strings.Join(styleNames(), ", "))
		}
		p.t.style = rest
		return nil
	case "doctitle":
		if p.t.doctitle != nil {
			return fmt.Errorf("doctitle is given twice")
		}
		parts, err := parseText(p.sch, rest)
		if err != nil {
			return err
		}
		if len(parts) == 0 {
			return fmt.Errorf("doctitle needs text")
		}
		p.t.doctitle = parts
		for _, part := range parts {
			if part.field >= 0 {
				p.use(part.field)
			}
		}
		return nil
	case "end":
		if rest != "" {
			return fmt.Errorf("end takes no text")
		}
		if len(p.stack) == 0 {
			return fmt.Errorf("end without begin or columns")
		}
		f := p.stack[len(p.stack)-1]
		f.closeCell()
		p.stack = p.stack[:len(p.stack)-1]
		return p.add(f.b)
	}
	b, err := parseLine(p.sch, dir, rest)
	if err != nil {
		return err
	}
	switch b.kind {
	case blkGroup, blkColumns:
		if len(p.stack) >= maxNesting {
			return fmt.Errorf("more than %d groups inside each other", maxNesting)
		}
		if b.kind == blkColumns && slices.ContainsFunc(p.stack, func(f frame) bool { return f.b.kind == blkColumns }) {
			return fmt.Errorf("columns cannot hold columns")
		}
		p.started = true
		p.stack = append(p.stack, frame{b: b, line: p.n})
		return nil
	case blkCell:
		if len(p.stack) == 0 || p.stack[len(p.stack)-1].b.kind != blkColumns {
			return fmt.Errorf("cell belongs directly inside columns")
		}
		f := &p.stack[len(p.stack)-1]
		f.closeCell()
		cell := b // a copy: taking b's address would move the block of every line to the heap
		f.cell = &cell
		p.started = true
		return nil
	case blkRule:
		if b.rule == ruleUnder || b.rule == ruleShort {
			last := p.last()
			if last == nil || !underlinable(last.kind) || last.rule != ruleNone {
				return fmt.Errorf("rule %s draws under a line: put it after a title, head, line, center, right, em, label or sig", map[ruleKind]string{ruleUnder: "under", ruleShort: "short"}[b.rule])
			}
			last.rule = b.rule
			return nil
		}
	}
	return p.add(b)
}

// underlinable reports whether a line of kind k may have a rule drawn
// under it.
func underlinable(k blockKind) bool {
	switch k {
	case blkTitle, blkHead, blkLine, blkCenter, blkRight, blkEm, blkLabel, blkSig:
		return true
	}
	return false
}

// parseLine parses one directive with its text.
func parseLine(sch *schema, dir, rest string) (block, error) {
	b := block{cond: -1, list: -1}
	head, cond, hasCond := strings.Cut(dir, "?")
	name, classes, hasClass := strings.Cut(head, ".")
	kind, ok := directives[name]
	if !ok {
		return b, fmt.Errorf("unknown directive %q", name)
	}
	b.kind = kind
	if hasClass {
		for c := range strings.SplitSeq(classes, ".") {
			if !className(c) {
				return b, fmt.Errorf("class %q: use lower-case letters, digits and hyphens, starting with a letter", c)
			}
		}
		if kind == blkCell || kind == blkBlank {
			return b, fmt.Errorf("%s takes no class", name)
		}
		b.class = strings.ReplaceAll(classes, ".", " ")
	}
	if hasCond {
		if kind == blkCell {
			return b, fmt.Errorf("a cell cannot be dropped: drop the blocks in it")
		}
		i, ok := sch.index[cond]
		if !ok {
			return b, fmt.Errorf("unknown field %q in condition", cond)
		}
		b.cond = i
	}
	switch kind {
	case blkBlank, blkSpace, blkColumns:
		if rest != "" {
			return b, fmt.Errorf("%s takes no text", name)
		}
		return b, nil
	case blkRule:
		r, ok := ruleNames[rest]
		if !ok {
			return b, fmt.Errorf("unknown rule %q (want thin, thick, red, under or short, or nothing)", rest)
		}
		b.rule = r
		return b, nil
	case blkGroup:
		if !className(rest) {
			return b, fmt.Errorf("begin needs a name of lower-case letters, digits and hyphens, starting with a letter, not %q", rest)
		}
		b.name = rest
		return b, nil
	case blkCell:
		switch rest {
		case "":
		case "center":
			b.align = 'c'
		case "right":
			b.align = 'r'
		default:
			return b, fmt.Errorf("cell takes center, right or nothing, not %q", rest)
		}
		return b, nil
	case blkList, blkBullets, blkParas, blkMast:
		field, suffix, _ := strings.Cut(rest, " ")
		i, ok := sch.index[field]
		if !ok || !sch.fields[i].list {
			return b, fmt.Errorf("%s needs the name of a list field, not %q", name, field)
		}
		b.list = i
		if kind != blkMast {
			if suffix != "" {
				return b, fmt.Errorf("%s takes only the name of a list field", name)
			}
			return b, nil
		}
		var err error
		b.text, err = parseText(sch, strings.TrimSpace(suffix))
		return b, err
	case blkKV, blkSplit:
		left, right, ok := strings.Cut(rest, "|")
		if !ok {
			return b, fmt.Errorf("%s needs \"left | right\"", name)
		}
		left, right = strings.TrimSpace(left), strings.TrimSpace(right)
		if left == "" && right == "" {
			return b, fmt.Errorf("%s needs text on at least one side of \"|\"", name)
		}
		var err error
		if b.label, err = parseText(sch, left); err != nil {
			return b, err
		}
		b.text, err = parseText(sch, right)
		return b, err
	}
	if rest == "" {
		return b, fmt.Errorf("%s needs text", name)
	}
	var err error
	b.text, err = parseText(sch, rest)
	return b, err
}

// className reports whether s is a class or group name: a lower-case
// letter, then lower-case letters, digits and hyphens, at most 32.
func className(s string) bool {
	if s == "" || len(s) > 32 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func parseText(sch *schema, s string) ([]part, error) {
	var parts []part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{lit: lit.String(), field: -1})
			lit.Reset()
		}
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			lit.WriteString(s)
			break
		}
		lit.WriteString(s[:i])
		if s[i] == '}' {
			if strings.HasPrefix(s[i:], "}}") {
				lit.WriteByte('}')
				s = s[i+2:]
				continue
			}
			return nil, fmt.Errorf("unmatched \"}\" (write }} for a literal one)")
		}
		s = s[i:]
		if strings.HasPrefix(s, "{{") {
			lit.WriteByte('{')
			s = s[2:]
			continue
		}
		j := strings.IndexByte(s, '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed \"{\"")
		}
		ref := s[1:j]
		s = s[j+1:]
		flush()
		if key, ok := strings.CutPrefix(ref, "@"); ok {
			t, ok := labelIndex[key]
			if !ok {
				return nil, fmt.Errorf("unknown label %q", key)
			}
			parts = append(parts, part{field: -1, label: t})
			continue
		}
		k, ok := sch.index[ref]
		if !ok {
			return nil, fmt.Errorf("unknown field %q", ref)
		}
		if sch.fields[k].list {
			return nil, fmt.Errorf("list field %q can only be used by list, bullets, paras or mast", ref)
		}
		parts = append(parts, part{field: k})
	}
	flush()
	if markIndex(lit.String()) >= 0 || slices.ContainsFunc(parts, func(p part) bool { return markIndex(p.lit) >= 0 }) {
		return nil, fmt.Errorf("the characters U+FDD0–U+FDD2 are reserved for the renderer")
	}
	return parts, nil
}

// A fieldDef names one field a template can use.
type fieldDef struct {
	name string
	list bool
}

type schema struct {
	fields []fieldDef
	index  map[string]int
}

// must returns the index of the field name; the names are the package's
// own, so an unknown one is a bug the tests catch.
func (s *schema) must(name string) int {
	i, ok := s.index[name]
	if !ok {
		panic("i18n: no notice field " + name)
	}
	return i
}

func newSchema(defs ...fieldDef) *schema {
	s := &schema{fields: defs, index: make(map[string]int, len(defs))}
	for i, d := range defs {
		s.index[d.name] = i
	}
	return s
}

// A value is the text of one field, ready for output: a string, or the
// items of a list.
type value struct {
	s    string
	list []string
}

func (v value) empty() bool { return v.s == "" && len(v.list) == 0 }
