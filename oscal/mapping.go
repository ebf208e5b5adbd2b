package oscal

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/obligations"
)

// confidenceCategory is the OSCAL confidence category of a medsec
// confidence.
func confidenceCategory(c medsec.Confidence) string {
	switch c {
	case medsec.Verified:
		return "high"
	case medsec.Partial:
		return "medium"
	case medsec.Unverified:
		return "low"
	}
	return "unspecified"
}

// WriteMappingCollection writes one collection of m (the one whose ID is
// collection, e.g. "medsec" for [obligations.Catalog.Mappings] of the
// default catalog) as an OSCAL mapping collection: its provenance, one
// mapping per set between the catalogs of the set's two packs, one map per
// pair with its relationship, its confidence (OSCAL's category: verified
// high, partial medium, unverified low; the exact word as a property) and
// its rationale and note as remarks, and the duties left unmapped on
// purpose as gap summaries. A duty is its control; an article of a
// guideline is the control [WriteCatalog] writes for it. The catalogs are
// those of m's catalog ([obligations.Mappings.Catalog]), which replaces
// Options.Catalog here; a back-matter resource per catalog gives its
// address and SHA-256.
func WriteMappingCollection(w io.Writer, m *obligations.Mappings, collection string, o Options) error {
	if m == nil {
		return fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/mappings", Rule: "required", Message: msgRequired.New("the mappings")}})
	}
	o.Catalog = m.Catalog()
	s, err := o.resolve()
	if err != nil {
		return err
	}
	if w == nil {
		return errNilWriter
	}
	var col *obligations.MappingCollection
	cols := m.Collections()
	for i := range cols {
		if cols[i].ID == collection {
			col = &cols[i]
		}
	}
	if col == nil {
		return fmt.Errorf("oscal: %w", medsec.FieldErrors{{Path: "/collection", Rule: "exists", Value: clip(collection), Message: msgColl.New(clip(collection))}})
	}
	var packs []string
	for _, set := range col.Sets {
		for _, p := range []string{set.Source, set.Target} {
			if !slices.Contains(packs, p) {
				packs = append(packs, p)
			}
		}
	}
	slices.Sort(packs)
	var res []resource
	for _, p := range packs {
		r, err := s.catalogResource(p, true)
		if err != nil {
			return err
		}
		res = append(res, r)
	}
	remarks := "By " + col.Author + ". "
	doc := &mappingDoc{MappingCollection: mappingBody{
		Metadata: metadata{Title: markupLine("Cross-framework mappings " + col.ID + " by " + col.Author + " (" + col.Status.String() + ")"),
			LastModified: dayStamp(col.Version), Version: col.Version.String(), OSCALVersion: Version,
			Props: []prop{mprop("collection", col.ID), mprop("locale", s.locale)}},
		Provenance: provenance{Method: col.Method.String(), MatchingRationale: col.MatchingRationale.String(), Status: col.Status.String(),
			MappingDescription: markup(remarks + col.Description)},
		BackMatter: &backMatter{Resources: res},
	}}
	if validValue(col.Author) {
		doc.MappingCollection.Metadata.Props = append(doc.MappingCollection.Metadata.Props, mprop("author", col.Author))
	}
	reg := s.reg
	for _, set := range col.Sets {
		mp := mapping{UUID: UUID(URN("mapping", set.ID)).String(), MappingDescription: markup(set.Title + "\n\n" + set.Description),
			SourceResource: resourceRef{Type: "catalog", Href: "#" + UUID(URN("pack-catalog", set.Source)).String()},
			TargetResource: resourceRef{Type: "catalog", Href: "#" + UUID(URN("pack-catalog", set.Target)).String()},
			Props:          []prop{mprop("set", set.ID)}}
		for _, x := range set.Mappings {
			e := mapEntry{UUID: UUID(URN("map", set.ID, x.Source, x.Target)).String(), Relationship: x.Relationship.String(),
				Sources:         []mappingItem{{Type: "control", IDRef: controlID(reg, x.Source)}},
				Targets:         []mappingItem{{Type: "control", IDRef: controlID(reg, x.Target)}},
				ConfidenceScore: confidenceScore{Category: confidenceCategory(x.Confidence)},
				Props:           []prop{mprop("confidence", x.Confidence.String()), mprop("basis", "own-analysis")}}
			rem := []string{x.Rationale}
			if strings.TrimSpace(x.Note) != "" {
				rem = append(rem, "Note: "+x.Note)
			}
			if strings.TrimSpace(x.Crosswalk) != "" {
				e.Props[1].Value = "crosswalk"
				rem = append(rem, "Stated by the published crosswalk: "+x.Crosswalk)
			}
			e.Remarks = markup(strings.Join(rem, "\n\n"))
			mp.Maps = append(mp.Maps, e)
		}
		var gaps []string
		gap := func(side string, us []obligations.Unmapped) *gapSummary {
			if len(us) == 0 {
				return nil
			}
			g := &gapSummary{UUID: UUID(URN("gap", set.ID, side)).String(), UnmappedControls: []withIDs{{}}}
			for _, u := range us {
				id := controlID(reg, u.ID)
				g.UnmappedControls[0].WithIDs = append(g.UnmappedControls[0].WithIDs, id)
				gaps = append(gaps, "Unmapped "+side+" "+id+": "+u.Reason)
			}
			return g
		}
		mp.SourceGapSummary = gap("source", set.UnmappedSource)
		mp.TargetGapSummary = gap("target", set.UnmappedTarget)
		if len(gaps) > 0 {
			mp.Remarks = markup(strings.Join(gaps, "\n\n"))
		}
		doc.MappingCollection.Mappings = append(doc.MappingCollection.Mappings, mp)
	}
	return encode(w, doc, &doc.MappingCollection.UUID, URN("doc", "mapping-collection", col.ID, col.Version.String(), s.locale))
}
