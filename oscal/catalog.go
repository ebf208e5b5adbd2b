package oscal

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/obligations"
)

// Catalogs returns the IDs of the packs that have a catalog, sorted: the
// packs of c's registry (the default catalog's if c is nil) that hold a
// duty of c or an article that c's mappings name.
func Catalogs(c *obligations.Catalog) []string {
	if c == nil {
		c = obligations.DefaultCatalog()
	}
	var out []string
	for _, p := range c.Registry().Packs() {
		if len(packControls(c, p.ID())) > 0 {
			out = append(out, p.ID())
		}
	}
	slices.Sort(out)
	return out
}

// A ctl is a control of a pack's catalog: a duty, or an article that a
// mapping names (the good practice of a guideline, which has no duties).
type ctl struct {
	id   string // the control ID
	duty *obligations.Duty
	art  medsec.Citation // for an article
}

// packControls returns the controls of pack's catalog, sorted by ID.
func packControls(c *obligations.Catalog, pack string) []ctl {
	var out []ctl
	for _, d := range c.Duties() {
		if c.PackOf(d.ID) == pack {
			out = append(out, ctl{id: d.ID, duty: &d})
		}
	}
	seen := map[string]bool{}
	reg := c.Registry()
	for _, ref := range mappedRefs(c.Mappings()) {
		if !strings.Contains(ref, " ") {
			continue // a duty ID; a citation of an article has a space
		}
		ct, err := reg.ParseCitation(ref)
		if err != nil || ct.Article == "" {
			continue // a duty
		}
		if p, ok := reg.PackOf(ct.Instrument); !ok || p.ID() != pack {
			continue
		}
		id := articleControlID(ct)
		if !seen[id] {
			seen[id] = true
			out = append(out, ctl{id: id, art: ct})
		}
	}
	slices.SortFunc(out, func(a, b ctl) int { return strings.Compare(a.id, b.id) })
	return out
}

// mappedRefs returns every ref that m's sets name, mapped or unmapped.
func mappedRefs(m *obligations.Mappings) []string {
	var out []string
	for _, col := range m.Collections() {
		for _, s := range col.Sets {
			for _, x := range s.Mappings {
				out = append(out, x.Source, x.Target)
			}
			for _, u := range s.UnmappedSource {
				out = append(out, u.ID)
			}
			for _, u := range s.UnmappedTarget {
				out = append(out, u.ID)
			}
		}
	}
	return out
}

// articleToken returns an article number as it appears in IDs: "21",
// "GP-14", "annex-7".
func articleToken(number string) string {
	if rest, ok := strings.CutPrefix(number, "Annex "); ok {
		return "annex-" + rest
	}
	return number
}

// articleControlID returns the control ID of an article: the instrument
// ID, a dot and the article ("ENISA-PROC-2020.GP-14"). Duty IDs have no
// dot, so the two never clash.
func articleControlID(ct medsec.Citation) string {
	return ct.Instrument + "." + articleToken(ct.Article)
}

// controlID returns the control ID of a mapping ref: the duty ID itself,
// or the article's control ID.
func controlID(reg *medsec.Registry, ref string) string {
	if !strings.Contains(ref, " ") {
		return ref
	}
	if ct, err := reg.ParseCitation(ref); err == nil && ct.Article != "" {
		return articleControlID(ct)
	}
	return ref
}

// citeURN returns the URN of what a citation points to: its article, or
// its instrument as a whole.
func citeURN(ct medsec.Citation) string {
	if ct.Article == "" {
		return URN("instrument", ct.Instrument)
	}
	return URN("article", ct.Instrument, ct.Article)
}

func findPack(reg *medsec.Registry, id string) *medsec.Pack {
	for _, p := range reg.Packs() {
		if p.ID() == id {
			return p
		}
	}
	return nil
}

// WriteCatalog writes the OSCAL catalog of one pack (see [Catalogs]) to
// w: every duty of the pack a control, and every article of the pack's
// instruments that a mapping names (ENISA's good practices) a control
// too, grouped by instrument and by the article of their first citation,
// with a back-matter resource for every instrument and article the
// controls cite. The catalog's version is the pack's; see the package
// documentation for what each duty field becomes.
func WriteCatalog(w io.Writer, pack string, o Options) error {
	s, err := o.resolve()
	if err != nil {
		return err
	}
	return s.writeCatalog(w, pack)
}

func (s *settings) writeCatalog(w io.Writer, pack string) error {
	if w == nil {
		return errNilWriter
	}
	doc, err := s.catalog(pack)
	if err != nil {
		return err
	}
	p := findPack(s.reg, pack)
	return encode(w, doc, &doc.Catalog.UUID, URN("doc", "catalog", pack, p.Version().String(), s.locale))
}

func (s *settings) catalog(pack string) (*catalogDoc, error) {
	p := findPack(s.reg, pack)
	ctls := packControls(s.cat, pack)
	if p == nil || len(ctls) == 0 {
		return nil, fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/pack", Rule: "exists", Value: clip(pack), Message: msgPack.New(clip(pack))}})
	}
	b := &catalogBuilder{s: s, cited: map[string]map[string]bool{}}
	type placed struct {
		inst, art string // first citation: instrument, article ("" for the whole)
		c         control
	}
	var all []placed
	for _, k := range ctls {
		var c control
		var err error
		first := k.art
		if k.duty != nil {
			c, err = b.dutyControl(k.duty)
			first = k.duty.Citations[0]
		} else {
			c, err = b.articleControl(k)
		}
		if err != nil {
			return nil, err
		}
		all = append(all, placed{first.Instrument, first.Article, c})
	}
	// Instruments sorted by ID; their article groups in the registry's
	// order, the whole instrument first; controls sorted by ID.
	var insts []string
	for _, x := range all {
		if !slices.Contains(insts, x.inst) {
			insts = append(insts, x.inst)
		}
	}
	slices.Sort(insts)
	var groups []group
	for _, id := range insts {
		in, _ := s.reg.Lookup(id)
		order := append([]string{""}, articleNumbers(in)...)
		g := group{ID: "i." + id, Class: "instrument", Title: markupLine(instrumentTitle(in)),
			Links: []link{{Href: "#" + UUID(URN("instrument", id)).String(), Rel: "reference"}}}
		for _, num := range order {
			var cs []control
			for _, x := range all {
				if x.inst == id && x.art == num {
					cs = append(cs, x.c)
				}
			}
			if len(cs) == 0 {
				continue
			}
			ag := group{ID: "i." + id + ".whole", Class: "instrument-whole", Title: "Whole instrument",
				Links: []link{{Href: "#" + UUID(URN("instrument", id)).String(), Rel: "reference"}}, Controls: cs}
			if num != "" {
				a, _ := in.Article(num)
				ag = group{ID: "i." + id + "." + articleGroupToken(num), Class: "article", Title: markupLine(articleTitle(a)),
					Links: []link{{Href: "#" + UUID(URN("article", id, num)).String(), Rel: "reference"}}, Controls: cs}
			}
			g.Groups = append(g.Groups, ag)
		}
		groups = append(groups, g)
	}
	res, err := b.resources()
	if err != nil {
		return nil, err
	}
	title := "medsec catalog: " + p.Title() + " (pack " + pack + ")"
	if js := p.Jurisdictions(); len(js) > 0 {
		title = "medsec duty catalog: " + s.text(js[0].Name) + " (pack " + pack + ")"
	}
	doc := &catalogDoc{Catalog: catalogBody{
		Metadata: metadata{Title: markupLine(title), LastModified: dayStamp(p.Version()), Version: p.Version().String(), OSCALVersion: Version,
			Props: []prop{mprop("pack", pack), mprop("locale", s.locale)},
			Remarks: "Generated by medsec from its law data (pack " + markupLine(pack) + "). Every control is a duty, or the article of a guideline that a mapping names; " +
				"the confidence properties say how well each fact is established, and the guidance parts say what is not."},
		Groups:     groups,
		BackMatter: &backMatter{Resources: res},
	}}
	return doc, nil
}

// articleNumbers returns the numbers of in's articles in the registry's
// order.
func articleNumbers(in medsec.Instrument) []string {
	out := make([]string, len(in.Articles))
	for i, a := range in.Articles {
		out[i] = a.Number
	}
	return out
}

// articleGroupToken returns the token of an article's group: "art.21",
// "annex-7".
func articleGroupToken(number string) string {
	if strings.HasPrefix(number, "Annex ") {
		return articleToken(number)
	}
	return "art." + number
}

func instrumentTitle(in medsec.Instrument) string {
	if in.Number == "" {
		return in.TitleEN
	}
	return in.TitleEN + " (" + in.Number + ")"
}

func articleTitle(a medsec.Article) string {
	h := a.HeadingEN
	if h == "" {
		h = a.Heading
	}
	label := "Art. " + a.Number
	if strings.HasPrefix(a.Number, "Annex ") {
		label = a.Number
	}
	if h == "" {
		return label
	}
	return label + ": " + h
}

// catalogBuilder builds the controls of a catalog and records what they
// cite, for the back matter.
type catalogBuilder struct {
	s     *settings
	cited map[string]map[string]bool // instrument → articles ("" for the whole)
}

func (b *catalogBuilder) cite(ct medsec.Citation) link {
	if b.cited[ct.Instrument] == nil {
		b.cited[ct.Instrument] = map[string]bool{}
	}
	b.cited[ct.Instrument][ct.Article] = true
	return link{Href: "#" + UUID(citeURN(ct)).String(), Rel: "reference", Text: markupLine(ct.String())}
}

func (b *catalogBuilder) dutyControl(d *obligations.Duty) (control, error) {
	s := b.s
	title, err := s.render(d.Title, "title of duty "+d.ID)
	if err != nil {
		return control{}, err
	}
	stmt, err := s.render(d.Description, "statement of duty "+d.ID)
	if err != nil {
		return control{}, err
	}
	c := control{ID: d.ID, Class: "duty", Title: title}
	c.Props = append(c.Props, prop{Name: "alt-identifier", Value: URN("duty", d.ID)},
		mprop("jurisdiction", string(d.Jurisdiction)), mprop("party", d.Party.String()), mprop("confidence", d.Confidence.String()))
	c.Props = append(c.Props, applicabilityProps(&d.Applies)...)
	c.Props = append(c.Props, b.recurrenceProps(d)...)
	if !d.InForce.From.IsZero() {
		c.Props = append(c.Props, mprop("in-force-from", d.InForce.From.String()))
	}
	if !d.InForce.Until.IsZero() {
		c.Props = append(c.Props, mprop("in-force-until", d.InForce.Until.String()))
	}
	if v := isoDuration(d.RetainFor); v != "" {
		c.Props = append(c.Props, mprop("retain-for", v))
	}
	for _, r := range d.Roles {
		c.Props = append(c.Props, mprop("role", string(r)))
	}
	for _, ct := range d.Citations {
		c.Links = append(c.Links, b.cite(ct))
	}
	for _, ct := range d.Basis {
		l := b.cite(ct)
		l.Rel = "basis"
		c.Links = append(c.Links, l)
	}
	if d.AlternativeTo != "" {
		c.Links = append(c.Links, link{Href: "#" + d.AlternativeTo, Rel: "related", Text: "alternative reading: " + d.AlternativeTo})
	}
	c.Parts = append(c.Parts, part{ID: d.ID + "_smt", Name: "statement", Prose: stmt})
	if strings.TrimSpace(d.Note) != "" {
		c.Parts = append(c.Parts, part{ID: d.ID + "_gdn", Name: "guidance", Prose: markup(d.Note)})
	}
	if len(d.Evidence) > 0 {
		ev := part{ID: d.ID + "_evd", Name: "evidence", NS: Namespace}
		for i, m := range d.Evidence {
			t, err := s.render(m, "evidence of duty "+d.ID)
			if err != nil {
				return control{}, err
			}
			ev.Parts = append(ev.Parts, part{ID: d.ID + "_evd." + strconv.Itoa(i+1), Name: "item", NS: Namespace, Prose: t})
		}
		c.Parts = append(c.Parts, ev)
	}
	return c, checkProps(c.Props, "duty "+d.ID)
}

// checkProps reports a property value of the data that OSCAL cannot hold.
func checkProps(ps []prop, where string) error {
	for _, p := range ps {
		if !validValue(p.Value) {
			return fmt.Errorf("oscal: %s: %w", where, medsec.FieldErrors{{Path: "/" + p.Name, Rule: "value", Value: clip(p.Value),
				Message: msgValue.New(clip(p.Value)), Err: medsec.ErrInvalidData}})
		}
	}
	return nil
}

func applicabilityProps(a *obligations.Applicability) []prop {
	ps := []prop{mprop("scope", a.Scope.String())}
	if a.Scheme != 0 {
		ps = append(ps, mprop("scheme", a.Scheme.String()))
	}
	if a.MinLevel > 0 {
		ps = append(ps, mprop("min-level", strconv.Itoa(a.MinLevel)))
	}
	if a.MaxLevel > 0 {
		ps = append(ps, mprop("max-level", strconv.Itoa(a.MaxLevel)))
	}
	for _, c := range a.EntityClasses {
		ps = append(ps, mprop("entity-class", c.String()))
	}
	for _, r := range a.CZRegimes {
		ps = append(ps, mprop("cz-regime", r.String()))
	}
	for _, f := range a.Flags {
		ps = append(ps, mprop("flag", string(f)))
	}
	for _, f := range a.NotFlags {
		ps = append(ps, mprop("not-flag", string(f)))
	}
	return ps
}

// recurrenceProps states when a duty falls due: the kind, the event the
// period runs from and the period as an ISO 8601 duration (P12M, P30D,
// PT24H), or in working days.
func (b *catalogBuilder) recurrenceProps(d *obligations.Duty) []prop {
	r := d.Recurrence
	ps := []prop{mprop("recurrence", r.Kind.String())}
	span := r.Span()
	trigger := string(r.Trigger)
	if r.Kind == obligations.FromIncidentRule {
		if rule, ok := b.s.reg.IncidentRule(d.ID); ok {
			span, trigger = rule.Within, "incident-"+rule.From.String()
			ps = append(ps, mprop("report", rule.Report))
			for _, m := range rule.When.Incident {
				ps = append(ps, mprop("incident", m))
			}
			for _, m := range rule.When.NotIncident {
				ps = append(ps, mprop("not-incident", m))
			}
		}
	}
	if trigger != "" {
		ps = append(ps, mprop("trigger", trigger))
	}
	switch span.Unit {
	case medsec.Hours:
		ps = append(ps, mprop("interval", "PT"+strconv.Itoa(span.N)+"H"))
	case medsec.Days:
		ps = append(ps, mprop("interval", "P"+strconv.Itoa(span.N)+"D"))
	case medsec.Months:
		ps = append(ps, mprop("interval", "P"+strconv.Itoa(span.N)+"M"))
	case medsec.Years:
		ps = append(ps, mprop("interval", "P"+strconv.Itoa(span.N)+"Y"))
	case medsec.WorkingDays:
		ps = append(ps, mprop("working-days", strconv.Itoa(span.N)))
	}
	return ps
}

// articleControl is the control of an article that a mapping names: a
// good practice of a guideline, say.
func (b *catalogBuilder) articleControl(k ctl) (control, error) {
	in, err := b.s.reg.Lookup(k.art.Instrument)
	if err != nil {
		return control{}, fmt.Errorf("oscal: %w", err)
	}
	a, _ := in.Article(k.art.Article)
	title := a.HeadingEN
	if title == "" {
		title = articleTitle(a)
	}
	binding := "yes"
	stmt := articleTitle(a) + " of " + in.TitleEN + "."
	if nonBinding(in.Kind) {
		binding = "no"
		stmt = "A recommendation of " + in.TitleEN + ", not a legal obligation: " + title + "."
	}
	c := control{ID: k.id, Class: "article", Title: markupLine(title),
		Props: []prop{{Name: "alt-identifier", Value: URN("article", k.art.Instrument, k.art.Article)},
			mprop("jurisdiction", string(in.Jurisdiction)), mprop("instrument-id", in.ID), mprop("article", a.Number),
			mprop("binding", binding), mprop("confidence", a.Confidence.String())},
		Links: []link{b.cite(k.art)},
		Parts: []part{{ID: k.id + "_smt", Name: "statement", Prose: markup(stmt)}},
	}
	if strings.TrimSpace(a.Note) != "" {
		c.Parts = append(c.Parts, part{ID: k.id + "_gdn", Name: "guidance", Prose: markup(a.Note)})
	}
	return c, checkProps(c.Props, "article "+k.art.String())
}

// nonBinding reports whether instruments of kind k bind no one: guidance,
// guidelines and recommendations.
func nonBinding(k medsec.InstrumentKind) bool {
	return k == medsec.KindGuidance || k == medsec.KindGuideline || k == medsec.KindRecommendation
}

// resourceType is the OSCAL type of a resource for an instrument.
func resourceType(k medsec.InstrumentKind) string {
	switch k {
	case medsec.KindLaw:
		return "law"
	case medsec.KindStandard:
		return "standard"
	case medsec.KindGuidance, medsec.KindGuideline, medsec.KindRecommendation:
		return "external-guidance"
	}
	return "regulation"
}

// resources returns the back-matter resources of everything cited: each
// instrument, followed by its cited articles in the registry's order.
func (b *catalogBuilder) resources() ([]resource, error) {
	var ids []string
	for id := range b.cited {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []resource
	for _, id := range ids {
		in, err := b.s.reg.Lookup(id)
		if err != nil {
			return nil, fmt.Errorf("oscal: %w", err)
		}
		r := instrumentResource(in)
		if err := checkProps(r.Props, "instrument "+id); err != nil {
			return nil, err
		}
		out = append(out, r)
		for _, a := range in.Articles {
			if !b.cited[id][a.Number] {
				continue
			}
			ct := medsec.Cite(id, a.Number)
			out = append(out, resource{UUID: UUID(citeURN(ct)).String(), Title: markupLine(ct.String() + ": " + a.HeadingEN),
				Props:    []prop{mprop("instrument-id", id), mprop("article", a.Number), mprop("effect", a.Effect.String()), mprop("confidence", a.Confidence.String())},
				Citation: &citation{Text: markupLine(ct.String()), Links: []link{{Href: "#" + UUID(URN("instrument", id)).String(), Rel: "reference"}}},
				Remarks:  markup(a.Note)})
		}
	}
	return out, nil
}

func instrumentResource(in medsec.Instrument) resource {
	r := resource{UUID: UUID(URN("instrument", in.ID)).String(), Title: markupLine(in.Title), Description: markupLine(in.TitleEN),
		Props:    []prop{{Name: "type", Value: resourceType(in.Kind)}, mprop("instrument-id", in.ID), mprop("jurisdiction", string(in.Jurisdiction)), mprop("kind", in.Kind.String())},
		Citation: &citation{Text: markupLine(in.ID)}}
	if validValue(in.Issuer) {
		r.Props = append(r.Props, mprop("issuer", in.Issuer))
	}
	r.Props = append(r.Props, mprop("language", in.Language))
	if !in.Issued.IsZero() {
		r.Props = append(r.Props, mprop("issued", in.Issued.String()))
	}
	if !in.InForce.From.IsZero() {
		r.Props = append(r.Props, mprop("in-force-from", in.InForce.From.String()))
	}
	if !in.InForce.Until.IsZero() {
		r.Props = append(r.Props, mprop("in-force-until", in.InForce.Until.String()))
	}
	r.Props = append(r.Props, mprop("confidence", in.Confidence.String()))
	if in.Number != "" {
		r.DocumentIDs = []documentID{{Identifier: in.Number}}
	}
	var rem []string
	if in.Note != "" {
		rem = append(rem, in.Note)
	}
	if len(in.Sources) > 0 {
		rem = append(rem, "Sources: "+strings.Join(in.Sources, "; ")+".")
	}
	r.Remarks = markup(strings.Join(rem, "\n\n"))
	return r
}

// isoDuration writes a retention period as an ISO 8601 duration, "P6M" for
// six months; "" for none. Retention periods are counted in days, months
// or years ([obligations.Duty.RetainFor]).
func isoDuration(s medsec.Span) string {
	var unit string
	switch s.Unit {
	case medsec.Days:
		unit = "D"
	case medsec.Months:
		unit = "M"
	case medsec.Years:
		unit = "Y"
	default:
		return ""
	}
	if s.N <= 0 {
		return ""
	}
	return "P" + strconv.Itoa(s.N) + unit
}
