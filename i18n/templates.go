package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:embed data/notices/*.tmpl
var noticeFS embed.FS

var schemas = map[Kind]*schema{
	KindHoliday:          holidaySchema,
	KindCircular:         circularSchema,
	KindAnnouncement:     announcementSchema,
	KindNIS2EarlyWarning: incidentSchema,
	KindNIS2Notification: incidentSchema,
	KindNIS2FinalReport:  incidentSchema,
	KindVNInitialReport:  incidentSchema,
	KindCNReport:         incidentSchema,
}

type tmplKey struct {
	kind Kind
	loc  Locale // 0: the layout shared by every locale without its own
}

// A TemplateSet holds the layout of every notice kind, per locale. A kind
// may have one layout shared by all locales and layouts of its own for
// some locales. TemplateSets are immutable and safe for concurrent use.
type TemplateSet struct {
	m map[tmplKey]*Template
}

var defaultTemplates = sync.OnceValues(func() (*TemplateSet, error) {
	ts := &TemplateSet{m: map[tmplKey]*Template{}}
	for _, k := range Kinds() {
		for _, loc := range append([]Locale{0}, Locales()...) {
			name := "data/notices/" + string(k) + ".tmpl"
			if loc != 0 {
				name = "data/notices/" + string(k) + "." + loc.String() + ".tmpl"
			}
			src, err := fs.ReadFile(noticeFS, name)
			if err != nil {
				continue
			}
			t, err := ParseTemplate(k, string(src))
			if err != nil {
				return nil, fmt.Errorf("embedded %s: %w", name, err)
			}
			ts.m[tmplKey{k, loc}] = t
		}
	}
	return ts, nil
})

// DefaultTemplates returns the embedded notice layouts
// (data/notices/<kind>[.<locale>].tmpl), parsed on first use. The files
// are checked by the package tests; if parsing fails anyway,
// DefaultTemplates panics with the error.
func DefaultTemplates() *TemplateSet {
	ts, err := defaultTemplates()
	if err != nil {
		panic(err)
	}
	return ts
}

// With returns a copy of ts in which t is the layout of t's kind for loc.
// A zero loc sets the layout shared by locales that have none of their
// own. A nil t changes nothing: the copy has ts's layouts.
func (ts *TemplateSet) With(loc Locale, t *Template) *TemplateSet {
	n := &TemplateSet{m: make(map[tmplKey]*Template, len(ts.m)+1)}
	for k, v := range ts.m {
		n.m[k] = v
	}
	if t != nil {
		n.m[tmplKey{t.kind, loc}] = t
	}
	return n
}

// Template returns the layout ts uses for kind in loc, or nil.
func (ts *TemplateSet) Template(kind Kind, loc Locale) *Template {
	if t, ok := ts.m[tmplKey{kind, loc}]; ok {
		return t
	}
	return ts.m[tmplKey{kind, 0}]
}

// Render validates n and renders it with l in format f; a nil l renders
// English. Invalid data gives a [*NoticeError] naming every missing field.
func (ts *TemplateSet) Render(l *Localizer, n Notice, f Format) (string, error) {
	if l == nil {
		l = NewLocalizer(EN)
	}
	if f < PlainText || f > HTML {
		return "", fmt.Errorf("i18n: render: unknown format %d: %w", uint8(f), errInvalidInput)
	}
	if n == nil {
		return "", fmt.Errorf("i18n: render: nil notice: %w", errInvalidInput)
	}
	if err := n.Validate(); err != nil {
		return "", err
	}
	t := ts.Template(n.Kind(), l.loc)
	if t == nil {
		return "", fmt.Errorf("i18n: render: no %s template for %s: %w", n.Kind(), l.loc, errInvalidInput)
	}
	var ar arena
	ar.b.Grow(2048)
	return t.execute(l, n.values(l, &ar), f), nil
}
