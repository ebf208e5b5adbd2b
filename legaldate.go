package medsec

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/medsec-go/medsec/internal/ident"
)

// A LegalDate is a day on which a rule changes that is not simply an
// instrument's own date of entry into force: the day from which NIS2 applies
// to entities through national law (18 October 2024, a year and nine months
// after the directive entered into force), the day Vietnam's Ministry of
// Public Security took over network-security supervision from the
// information ministry. Packs state them in dates.json; other data refers to
// them by ID, so that each such day is written once.
type LegalDate struct {
	// ID names the date, e.g. "EU-NIS2-APPLICATION": upper-case letters,
	// digits and inner hyphens.
	ID string `json:"id"`
	// Jurisdiction is whose law the date belongs to.
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	// Date is the first day on which the change applies.
	Date Date `json:"date"`
	// Title says what changes on that day, in English.
	Title Message `json:"title"`
	// Citations are the provisions that set the day; empty only when no
	// instrument of the registry sets it, and Note then names the source.
	Citations []Citation `json:"citations,omitempty"`
	// Confidence says how well the day is established.
	Confidence Confidence `json:"confidence"`
	// Note records conflicts, weak sources or what the citation does not say.
	Note string `json:"note,omitempty"`
}

type datesFile struct {
	Dates []LegalDate `json:"dates"`
}

// Date returns the legal date with the given ID, and whether the registry
// holds it.
func (r *Registry) Date(id string) (LegalDate, bool) {
	i, ok := slices.BinarySearchFunc(r.dates, id, func(d LegalDate, id string) int { return strings.Compare(d.ID, id) })
	if !ok {
		return LegalDate{}, false
	}
	return cloneDate(r.dates[i]), true
}

// Dates returns the registry's legal dates, sorted by ID.
func (r *Registry) Dates() []LegalDate {
	out := make([]LegalDate, len(r.dates))
	for i, d := range r.dates {
		out[i] = cloneDate(d)
	}
	return out
}

func cloneDate(d LegalDate) LegalDate {
	d.Citations = slices.Clone(d.Citations)
	d.Title.Args = slices.Clone(d.Title.Args)
	return d
}

// loadDates reads dates.json of every pack and checks each date against r.
func (r *Registry) loadDates() error {
	var errs FieldErrors
	var all []LegalDate
	seen := map[string]string{}
	for _, p := range r.packs {
		b, err := p.ReadFile("dates.json")
		if err != nil {
			return err
		}
		if b == nil {
			continue
		}
		file := p.Where("dates.json")
		var f datesFile
		if err := decodeData(b, &f, file); err != nil {
			return err
		}
		for i, d := range f.Dates {
			at := fmt.Sprintf("/dates/%d", i)
			add := func(field, rule, value string, m Message) {
				errs = append(errs, dataError(file, at+field, rule, value, m))
			}
			if !ident.UpperSlug(d.ID) {
				add("/id", "syntax", d.ID, msgDataRuleID.New(d.ID))
			} else if other, dup := seen[d.ID]; dup {
				add("/id", "unique", d.ID, msgDataDuplicateIn.New(d.ID, other))
			}
			seen[d.ID] = file
			r.checkFact(d.Jurisdiction, d.Citations, d.Confidence, d.Note, add)
			if !d.Date.Valid() {
				add("/date", "required", d.Date.String(), msgDataDate.New())
			}
			checkText(d.Title, "/title", add)
			all = append(all, d)
		}
	}
	if len(errs) > 0 {
		return capErrors(errs)
	}
	// sort.Slice, not slices.SortFunc: the generic sort would be compiled
	// anew for this struct type, some 25 KB per type (see footprint_test.go).
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	r.dates = all
	return nil
}

// checkFact checks what every legal fact in a pack carries: a declared
// jurisdiction, citations that resolve in r (none only with a note), a
// confidence, and a note whenever the fact is less than verified.
func (r *Registry) checkFact(j Jurisdiction, cites []Citation, c Confidence, note string, add func(field, rule, value string, m Message)) {
	if _, ok := r.Jurisdiction(j); !ok {
		add("/jurisdiction", "declared", string(j), msgDataUndeclared.New(string(j)))
	}
	for i, ct := range cites {
		if err := r.Resolve(ct); err != nil {
			add(fmt.Sprintf("/citations/%d", i), "resolve", ct.String(), msgDataCitation.New(ct.String(), err.Error()))
		}
	}
	if len(cites) == 0 && strings.TrimSpace(note) == "" {
		add("/citations", "required", "", msgDataNoCitation.New())
	}
	if !c.Valid() {
		add("/confidence", "required", "", msgDataConfidence.New())
	} else if c != Verified && strings.TrimSpace(note) == "" {
		add("/note", "required", "", msgDataNote.New(c.String()))
	}
}

// checkText checks a message of the data: a key, an English text, and no
// arguments (the engines supply those).
func checkText(m Message, p string, add func(field, rule, value string, m Message)) {
	switch {
	case !ident.MessageKey(m.Key):
		add(p+"/key", "syntax", m.Key, msgDataMessageKey.New(m.Key))
	case strings.TrimSpace(m.Format) == "" || len(m.Args) > 0:
		add(p+"/format", "text", m.Format, msgDataText.New())
	}
}
