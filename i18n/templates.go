package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
)

//go:embed data/notices/*.tmpl
var noticeFS embed.FS

// schemas are the fields of the notice kinds that are not incident
// reports; every report kind uses incidentSchema.
var schemas = map[Kind]*schema{
	KindHoliday:      holidaySchema,
	KindCircular:     circularSchema,
	KindAnnouncement: announcementSchema,
}

// schemaOf returns the fields of notices of kind k.
func schemaOf(k Kind) (*schema, bool) {
	if s, ok := schemas[k]; ok {
		return s, true
	}
	if IncidentStage(k).Valid() {
		return incidentSchema, true
	}
	return nil, false
}

type tmplKey struct {
	kind Kind
	loc  Locale // "": the layout shared by every locale without its own
}

// A TemplateSet holds the layout of every notice kind, per locale, and the
// law whose incident rules give incident reports their deadlines. A kind
// may have one layout shared by all locales and layouts of its own for
// some locales. TemplateSets are immutable and safe for concurrent use.
type TemplateSet struct {
	m   map[tmplKey]*Template
	reg *medsec.Registry // nil: medsec.DefaultRegistry()
}

var defaultTemplates = sync.OnceValues(loadDefaultTemplates)

// loadDefaultTemplates parses the embedded notice layouts.
func loadDefaultTemplates() (*TemplateSet, error) {
	names, err := fs.Glob(noticeFS, "data/notices/*.tmpl")
	if err != nil {
		return nil, err
	}
	ts := &TemplateSet{m: make(map[tmplKey]*Template, len(names))}
	for _, name := range names {
		// <kind>.tmpl or <kind>.<locale>.tmpl
		kind, loc, _ := strings.Cut(strings.TrimSuffix(path.Base(name), ".tmpl"), ".")
		src, err := fs.ReadFile(noticeFS, name)
		if err != nil {
			return nil, err
		}
		t, err := ParseTemplate(Kind(kind), string(src))
		if err != nil {
			return nil, fmt.Errorf("embedded %s: %w", name, err)
		}
		ts.m[tmplKey{Kind(kind), Locale(loc)}] = t
	}
	return ts, nil
}

// DefaultTemplates returns the embedded notice layouts
// (data/notices/<kind>[.<locale>].tmpl), parsed on first use, with
// deadlines from [medsec.DefaultRegistry]. The files are checked by the
// package tests; if parsing fails anyway, DefaultTemplates panics with the
// error.
func DefaultTemplates() *TemplateSet {
	ts, err := defaultTemplates()
	if err != nil {
		panic(err)
	}
	return ts
}

// TemplatesFor returns the embedded notice layouts with deadlines from
// reg: an incident report rendered with them lists the deadlines of reg's
// incident rules ([DeadlinesFor]), those of a user's packs included. A nil
// reg means [medsec.DefaultRegistry]. Add the layouts of a pack's report
// kinds with [TemplateSet.With].
func TemplatesFor(reg *medsec.Registry) *TemplateSet {
	d := DefaultTemplates()
	return &TemplateSet{m: d.m, reg: reg}
}

// With returns a copy of ts in which t is the layout of t's kind for loc.
// An empty loc sets the layout shared by locales that have none of their
// own. A nil t changes nothing: the copy has ts's layouts.
func (ts *TemplateSet) With(loc Locale, t *Template) *TemplateSet {
	if ts == nil {
		ts = &TemplateSet{}
	}
	n := &TemplateSet{m: maps.Clone(ts.m), reg: ts.reg}
	if n.m == nil {
		n.m = map[tmplKey]*Template{}
	}
	if t != nil {
		n.m[tmplKey{t.kind, loc}] = t
	}
	return n
}

// Template returns the layout ts uses for kind in loc: the layout of loc,
// else the layout shared by all locales, else the English layout (so that
// a locale added from data renders every kind before it has layouts of
// its own); nil when there is none.
func (ts *TemplateSet) Template(kind Kind, loc Locale) *Template {
	if ts == nil {
		return nil
	}
	for _, l := range []Locale{loc, "", EN} {
		if t, ok := ts.m[tmplKey{kind, l}]; ok {
			return t
		}
	}
	return nil
}

// Render validates n and renders it with l in format f; a nil l renders
// English. Invalid data gives a [*NoticeError] naming every missing field.
func (ts *TemplateSet) Render(l *Localizer, n Notice, f Format) (string, error) {
	if l == nil {
		l = NewLocalizer(EN)
	}
	if f < PlainText || f > HTMLFragment {
		return "", fmt.Errorf("i18n: render: unknown format %d: %w", uint8(f), errInvalidInput)
	}
	if n == nil {
		return "", fmt.Errorf("i18n: render: nil notice: %w", errInvalidInput)
	}
	if err := n.Validate(); err != nil {
		return "", err
	}
	t := ts.Template(n.Kind(), l.Locale())
	if t == nil {
		return "", fmt.Errorf("i18n: render: no %s template for %s: %w", n.Kind(), l.Locale(), errInvalidInput)
	}
	if f.isHTML() {
		// Text in another language than the notice's becomes a span
		// with its lang.
		l = l.marking()
	}
	return t.execute(l, n.values(l, ts.reg), f), nil
}
