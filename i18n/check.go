package i18n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
)

// A ProblemKind classifies a [Problem] found by [Catalog.Check].
type ProblemKind uint8

// The kinds of translation problems.
const (
	_            ProblemKind = iota
	Missing                  // a template key has no translation in a locale
	Unused                   // a translated key belongs to no template
	Placeholders             // a translation's verbs differ from the English format's
	BadFormat                // the English format itself uses verbs medsec does not allow
	DuplicateKey             // a key is listed twice among the templates
)

var problemNames = [...]string{"", "missing", "unused", "placeholders", "bad format", "duplicate key"}

// String returns the kind's name, such as "missing".
func (k ProblemKind) String() string {
	if int(k) < len(problemNames) && k != 0 {
		return problemNames[k]
	}
	return fmt.Sprintf("ProblemKind(%d)", uint8(k))
}

// A Problem is one defect in the translations of a set of templates.
type Problem struct {
	Locale Locale      // the locale with the problem (EN for problems of the templates themselves)
	Key    string      // the message key
	Kind   ProblemKind // what is wrong
	Detail string      // more about it, when there is more to say
}

// String returns "locale key: kind (detail)".
func (p Problem) String() string {
	s := p.Locale.String() + " " + p.Key + ": " + p.Kind.String()
	if p.Detail != "" {
		s += " (" + p.Detail + ")"
	}
	return s
}

// Check compares the catalog with the message templates of every package
// whose messages it should translate — for medsec and a registry's packs,
// those of medsec.MessageTemplates, reg.MessageTemplates and of each
// package's MessageTemplates. It reports, for every locale of the catalog
// (a locale added with [Catalog.AddLocale] too), each key missing from a
// non-English locale, each translated key (in any locale, English
// overrides included) that no template lists, and each translation whose
// placeholders — the set of argument positions and verbs, taken over all
// plural forms — differ from the English format's. The problems are sorted
// by locale, then key. An empty result means the catalog is complete.
func (c *Catalog) Check(templates []medsec.MessageTemplate) []Problem {
	if c == nil {
		c = &Catalog{}
	}
	var out []Problem
	want := make(map[string][]string, len(templates))
	for _, t := range templates {
		if _, dup := want[t.Key]; dup {
			out = append(out, Problem{EN, t.Key, DuplicateKey, ""})
			continue
		}
		if err := checkFormat(t.Format); err != nil {
			out = append(out, Problem{EN, t.Key, BadFormat, err.Error()})
		}
		want[t.Key] = placeholders(t.Format)
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, loc := range c.order {
		l, _ := c.get(loc)
		msgs := l.msgs
		if loc != EN {
			for _, k := range keys {
				if _, ok := msgs[k]; !ok {
					out = append(out, Problem{loc, k, Missing, ""})
				}
			}
		}
		for _, k := range c.Keys(loc) {
			ph, ok := want[k]
			if !ok {
				out = append(out, Problem{loc, k, Unused, ""})
				continue
			}
			if got := msgs[k].placeholders(); !slices.Equal(got, ph) {
				out = append(out, Problem{loc, k, Placeholders,
					"English has [" + strings.Join(ph, " ") + "], translation has [" + strings.Join(got, " ") + "]"})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Problem) int {
		if a.Locale != b.Locale {
			return slices.Index(c.order, a.Locale) - slices.Index(c.order, b.Locale)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
