package i18n

import (
	"bufio"
	"fmt"
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
	blkEm                           // an italic line (labels such as "Nơi nhận:")
	blkPara                         // a paragraph of body text
	blkSig                          // a bold line of the signature block
	blkKV                           // a "label: value" row
	blkList                         // a numbered list of a list field
	blkBullets                      // a bulleted list of a list field
	blkParas                        // each item of a list field as a paragraph
	blkBlank                        // vertical space
	blkRule                         // a separator
)

var directives = map[string]blockKind{
	"title": blkTitle, "head": blkHead, "line": blkLine, "right": blkRight, "em": blkEm,
	"para": blkPara, "sig": blkSig, "kv": blkKV, "list": blkList, "bullets": blkBullets, "paras": blkParas,
	"blank": blkBlank, "rule": blkRule,
}

// A part is a piece of a line: literal text, a field of the notice, or a
// label message from the catalog.
type part struct {
	lit   string
	field int // index into the notice's fields; -1 if not a field
	label *medsec.MessageTemplate
}

type block struct {
	kind  blockKind
	cond  int    // field that must be non-empty; -1 for none
	text  []part // the line, or the value of a kv row
	label []part // the label of a kv row
	list  int    // the list field of list and bullets blocks
}

// A Template is a parsed notice layout. Templates are immutable and safe
// for concurrent use.
type Template struct {
	kind   Kind
	blocks []block
	size   int
}

// maxTemplateSize bounds a template source.
const maxTemplateSize = 256 << 10

// ParseTemplate parses the layout of a notice of the given kind. The
// syntax is one directive per line:
//
//	# a comment
//	head CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	line Số: {NumberSymbol}
//	line?Subject V/v {Subject}
//	kv {@i18n.notice.incident.detected} | {Detected}
//	list Tasks
//	blank
//
// The directives are title, head (bold line), line, right (right-aligned
// line), em (italic line), para (paragraph), sig (signature line), kv
// (label | value row), list and bullets (numbered and bulleted lists of a
// list field), paras (each item of a list field as a paragraph), blank (vertical space) and rule (separator). A "?Field"
// suffix on the directive drops the line when that field is empty. In the
// text, {Field} inserts a field of the notice, {@key} a label message of
// this package translated into the notice's locale, and {{ and }} a
// literal "{" and "}".
// Field and label names are checked when parsing: the fields of each kind
// are listed by [Kind.Fields].
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
	t := &Template{kind: kind}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 0, 4096), maxTemplateSize)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		b, err := parseLine(sch, line)
		if err != nil {
			return nil, fmt.Errorf("i18n: parse %s template: line %d: %v: %w", kind, n, err, errInvalidData)
		}
		t.blocks = append(t.blocks, b)
		for _, p := range append(b.label, b.text...) {
			t.size += len(p.lit) + 8
			if p.field >= 0 {
				t.size += 24
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("i18n: parse %s template: %v: %w", kind, err, errInvalidData)
	}
	if len(t.blocks) == 0 {
		return nil, fmt.Errorf("i18n: parse %s template: no directives: %w", kind, errInvalidData)
	}
	return t, nil
}

func parseLine(sch *schema, line string) (block, error) {
	dir, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimLeft(rest, " ")
	b := block{cond: -1, list: -1}
	name, cond, hasCond := strings.Cut(dir, "?")
	kind, ok := directives[name]
	if !ok {
		return b, fmt.Errorf("unknown directive %q", name)
	}
	b.kind = kind
	if hasCond {
		i, ok := sch.index[cond]
		if !ok {
			return b, fmt.Errorf("unknown field %q in condition", cond)
		}
		b.cond = i
	}
	switch kind {
	case blkBlank, blkRule:
		if rest != "" {
			return b, fmt.Errorf("%s takes no text", name)
		}
		return b, nil
	case blkList, blkBullets, blkParas:
		i, ok := sch.index[rest]
		if !ok || !sch.fields[i].list {
			return b, fmt.Errorf("%s needs the name of a list field, not %q", name, rest)
		}
		b.list = i
		return b, nil
	case blkKV:
		label, value, ok := strings.Cut(rest, "|")
		if !ok {
			return b, fmt.Errorf("kv needs \"label | value\"")
		}
		var err error
		if b.label, err = parseText(sch, strings.TrimSpace(label)); err != nil {
			return b, err
		}
		b.text, err = parseText(sch, strings.TrimSpace(value))
		return b, err
	}
	if rest == "" {
		return b, fmt.Errorf("%s needs text", name)
	}
	var err error
	b.text, err = parseText(sch, rest)
	return b, err
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
			return nil, fmt.Errorf("list field %q can only be used by list, bullets or paras", ref)
		}
		parts = append(parts, part{field: k})
	}
	flush()
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
