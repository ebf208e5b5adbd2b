package oscal

import (
	"fmt"
	"io"
	"slices"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/obligations"
)

// A Baseline is a grade of a grading scheme, whose OSCAL profile selects
// the duties that apply at that grade: an MLPS level, a Vietnamese level,
// a NIS2 entity class or a Czech regime.
type Baseline struct {
	// Scheme is the grading scheme.
	Scheme grading.Scheme
	// Grade is the grade in the scheme's text form: "1" to "5" for
	// cn-mlps and vn-levels, "essential" or "important" for eu-nis2,
	// "higher" or "lower" for cz-regime.
	Grade string
}

// Baselines returns the fourteen baselines: MLPS levels 1-5, Vietnamese
// levels 1-5, NIS2 essential and important entities, the Czech higher and
// lower regimes.
func Baselines() []Baseline {
	var out []Baseline
	for _, s := range []grading.Scheme{grading.SchemeMLPS, grading.SchemeVN} {
		for _, g := range []string{"1", "2", "3", "4", "5"} {
			out = append(out, Baseline{s, g})
		}
	}
	return append(out, Baseline{grading.SchemeNIS2, "essential"}, Baseline{grading.SchemeNIS2, "important"},
		Baseline{grading.SchemeCZ, "higher"}, Baseline{grading.SchemeCZ, "lower"})
}

// String returns the baseline's name, the scheme and the grade joined by
// a hyphen: "cn-mlps-3", "eu-nis2-essential".
func (b Baseline) String() string { return b.Scheme.String() + "-" + b.Grade }

// Valid reports whether b is one of [Baselines].
func (b Baseline) Valid() bool { return slices.Contains(Baselines(), b) }

// grade is a baseline as the conditions of a duty see it.
type grade struct {
	level  int
	class  grading.EntityClass
	regime grading.CZRegime
}

func (b Baseline) grade() grade {
	var g grade
	switch b.Scheme {
	case grading.SchemeMLPS:
		var l grading.MLPSLevel
		_ = l.UnmarshalText([]byte(b.Grade))
		g.level = int(l)
	case grading.SchemeVN:
		var l grading.VNLevel
		_ = l.UnmarshalText([]byte(b.Grade))
		g.level = int(l)
	case grading.SchemeNIS2:
		_ = g.class.UnmarshalText([]byte(b.Grade))
	case grading.SchemeCZ:
		_ = g.regime.UnmarshalText([]byte(b.Grade))
	}
	return g
}

// Select returns the IDs of the duties of c (the default catalog if nil)
// that baseline b selects on the day asOf, sorted: the duties of the
// scheme's jurisdiction whose conditions on the grade admit b's grade (a
// level within the duty's bounds for its levelled scheme, b's class among
// its NIS2 classes, b's regime among its Czech regimes, or no condition
// on the grade at all) and that bind on asOf. Conditions on flags and
// incidents do not narrow the selection: they depend on the institution,
// and the controls state them. So the selection is every duty that may
// bind an institution of that grade, the union of [obligations.Catalog.Applicable]
// over every combination of flags, which the package's tests check.
// An invalid baseline gives nil.
func Select(c *obligations.Catalog, b Baseline, asOf medsec.Date) []string {
	if c == nil {
		c = obligations.DefaultCatalog()
	}
	if !b.Valid() {
		return nil
	}
	g := b.grade()
	j := b.Scheme.Jurisdiction()
	reg := c.Registry()
	var out []string
	for _, d := range c.Duties() {
		if d.Jurisdiction != j || !admits(&d.Applies, b.Scheme, g) || !bindsOn(reg, &d, asOf) {
			continue
		}
		out = append(out, d.ID)
	}
	return out
}

// admits reports whether a duty's conditions on the grade admit g, a
// grade of scheme.
func admits(a *obligations.Applicability, scheme grading.Scheme, g grade) bool {
	if len(a.EntityClasses) > 0 && !slices.Contains(a.EntityClasses, g.class) {
		return false
	}
	if len(a.CZRegimes) > 0 && !slices.Contains(a.CZRegimes, g.regime) {
		return false
	}
	if a.Scheme == grading.SchemeMLPS || a.Scheme == grading.SchemeVN {
		if a.Scheme != scheme {
			return false
		}
		return g.level >= a.MinLevel && (a.MaxLevel == 0 || g.level <= a.MaxLevel)
	}
	return true
}

// bindsOn reports whether d binds on day: its in-force period, or that of
// its first citation's instrument, holds the day.
func bindsOn(reg *medsec.Registry, d *obligations.Duty, day medsec.Date) bool {
	p := d.InForce
	if p.From.IsZero() && p.Until.IsZero() && len(d.Citations) > 0 {
		if in, err := reg.Lookup(d.Citations[0].Instrument); err == nil {
			p = in.InForce
		}
	}
	return p.Contains(day)
}

// WriteProfile writes the OSCAL profile of baseline b to w: it imports
// the catalog of each pack that holds a selected duty (see [Select]; the
// day is Options.AsOf, or the version date of the pack that declares the
// scheme's jurisdiction) and includes exactly the selected duties, keeping
// the catalog's grouping. A back-matter resource per catalog gives its
// address ([Options.Href]) and the SHA-256 of the catalog that
// [WriteCatalog] writes with the same options. A baseline that selects no
// duty is an error: OSCAL cannot express an empty profile.
func WriteProfile(w io.Writer, b Baseline, o Options) error {
	s, err := o.resolve()
	if err != nil {
		return err
	}
	if w == nil {
		return errNilWriter
	}
	if !b.Valid() {
		return fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/baseline", Rule: "oneof", Value: clip(b.String()), Message: msgBaseline.New(clip(b.String()))}})
	}
	home := findPack(s.reg, declaringPack(s.reg, b.Scheme.Jurisdiction()))
	if home == nil {
		return fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/baseline", Rule: "pack", Value: b.String(), Message: msgPack.New(string(b.Scheme.Jurisdiction()))}})
	}
	day := s.asOf
	if day.IsZero() {
		day = home.Version()
	}
	ids := Select(s.cat, b, day)
	if len(ids) == 0 {
		return fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/baseline", Rule: "empty", Value: b.String(), Message: msgEmpty.New(b.String(), day)}})
	}
	byPack := map[string][]string{}
	var packs []string
	for _, id := range ids {
		p := s.cat.PackOf(id)
		if byPack[p] == nil {
			packs = append(packs, p)
		}
		byPack[p] = append(byPack[p], id)
	}
	slices.Sort(packs)
	doc := &profileDoc{Profile: profileBody{
		Metadata: metadata{Title: markupLine(profileTitle(b)), LastModified: dayStamp(day), Version: day.String(), OSCALVersion: Version,
			Props: []prop{mprop("pack", home.ID()), mprop("scheme", b.Scheme.String()), mprop("grade", b.Grade), mprop("as-of", day.String()), mprop("locale", s.locale)},
			Remarks: "Selects every duty that package obligations binds, on " + day.String() + ", for an institution graded " + b.String() +
				", for any combination of flags: a duty that applies only with a flag, or only to some incidents, is selected and says so in its properties. " +
				"Where the law is read two ways, both readings are selected; exclude the one you do not follow."},
		Merge: merge{AsIs: true},
	}}
	var res []resource
	for _, p := range packs {
		r, err := s.catalogResource(p, true)
		if err != nil {
			return err
		}
		res = append(res, r)
		doc.Profile.Imports = append(doc.Profile.Imports, importDef{Href: "#" + r.UUID, IncludeControls: []withIDs{{WithIDs: byPack[p]}}})
	}
	doc.Profile.BackMatter = &backMatter{Resources: res}
	return encode(w, doc, &doc.Profile.UUID, URN("doc", "profile", home.ID(), b.Scheme.String(), b.Grade, day.String(), s.locale))
}

func profileTitle(b Baseline) string {
	switch b.Scheme {
	case grading.SchemeMLPS:
		return "medsec baseline: China MLPS level " + b.Grade
	case grading.SchemeVN:
		return "medsec baseline: Vietnam security level " + b.Grade
	case grading.SchemeNIS2:
		return "medsec baseline: NIS2 " + b.Grade + " entity"
	case grading.SchemeCZ:
		return "medsec baseline: Czech " + b.Grade + "-obligations regime"
	}
	return "medsec baseline " + b.String()
}

// catalogResource returns the back-matter resource that stands for the
// catalog of pack: its address and, with withHash, the SHA-256 of the
// catalog WriteCatalog writes with the same options.
func (s *settings) catalogResource(pack string, withHash bool) (resource, error) {
	href, err := s.catalogHref(pack)
	if err != nil {
		return resource{}, err
	}
	rl := rlink{Href: href, MediaType: "application/oscal.catalog+json"}
	if withHash {
		sum, err := hashOf(func(w io.Writer) error { return s.writeCatalog(w, pack) })
		if err != nil {
			return resource{}, err
		}
		rl.Hashes = []hash{{Algorithm: "SHA-256", Value: sum}}
	}
	title := "medsec catalog of pack " + pack
	if p := findPack(s.reg, pack); p != nil {
		if js := p.Jurisdictions(); len(js) > 0 {
			title = "medsec duty catalog: " + s.text(js[0].Name) + " (pack " + pack + ")"
		}
	}
	return resource{UUID: UUID(URN("pack-catalog", pack)).String(), Title: markupLine(title), Props: []prop{mprop("pack", pack)},
		Rlinks: []rlink{rl}}, nil
}

// declaringPack returns the ID of the pack of reg that declares j, or "".
func declaringPack(reg *medsec.Registry, j medsec.Jurisdiction) string {
	for _, p := range reg.Packs() {
		for _, info := range p.Jurisdictions() {
			if info.Code == j {
				return p.ID()
			}
		}
	}
	return ""
}
