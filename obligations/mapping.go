package obligations

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/ident"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// Relationship is how what one duty requires relates to what another
// requires, in the set-theory terms of NIST IR 8477 (OLIR) that the OSCAL
// 1.2 mapping model uses. A mapping is read "source relationship target".
type Relationship uint8

// Relationships. The zero value is invalid.
const (
	RelationshipUnknown Relationship = iota
	// EqualTo: both require the same thing; evidence for either meets
	// the other.
	EqualTo
	// SubsetOf: everything the source requires, the target requires too,
	// and more; evidence for the source covers part of the target.
	SubsetOf
	// SupersetOf: the source requires all the target requires, and more;
	// evidence for the source meets the target.
	SupersetOf
	// IntersectsWith: each requires something the other does not;
	// evidence for either covers part of the other, never all of it.
	IntersectsWith
	// NoRelationship: no shared content. Stated for pairs that look
	// related, so that no tool credits one for the other.
	NoRelationship
	relationshipCount
)

var relationshipNames = names{"", "equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship"}

// Valid reports whether r is one of the five relationships.
func (r Relationship) Valid() bool { return r > 0 && r < relationshipCount }

// String returns the OSCAL token, e.g. "subset-of".
func (r Relationship) String() string { return relationshipNames.String(uint8(r), "Relationship") }

// MarshalText implements [encoding.TextMarshaler].
func (r Relationship) MarshalText() ([]byte, error) {
	return relationshipNames.Marshal("obligations", uint8(r), "relationship")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Relationship) UnmarshalText(b []byte) error {
	v, err := relationshipNames.Parse("obligations", b, "relationship")
	*r = Relationship(v)
	return err
}

// Inverse returns the relationship read the other way round: target to
// source. SubsetOf and SupersetOf swap; the others are symmetric.
func (r Relationship) Inverse() Relationship {
	switch r {
	case SubsetOf:
		return SupersetOf
	case SupersetOf:
		return SubsetOf
	}
	return r
}

// Coverage returns what evidence for the source of a mapping with this
// relationship does for its target: [CoverageFull] for EqualTo and
// SupersetOf, [CoveragePartial] for SubsetOf and IntersectsWith,
// [CoverageNone] for NoRelationship, and [CoverageUnknown] for an invalid
// relationship.
func (r Relationship) Coverage() Coverage {
	switch r {
	case EqualTo, SupersetOf:
		return CoverageFull
	case SubsetOf, IntersectsWith:
		return CoveragePartial
	case NoRelationship:
		return CoverageNone
	}
	return CoverageUnknown
}

// Message returns the relationship's name as a translatable message.
func (r Relationship) Message() medsec.Message {
	if r.Valid() {
		return msgRelationship[r].New()
	}
	return msgUnknownName.New()
}

// Coverage is how much of a duty evidence for another duty covers through
// a mapping.
type Coverage uint8

// Coverages. The zero value is invalid.
const (
	CoverageUnknown Coverage = iota
	// CoverageNone: the evidence covers nothing of the duty.
	CoverageNone
	// CoveragePartial: the evidence covers part of the duty; the duty is
	// not met by it.
	CoveragePartial
	// CoverageFull: the evidence meets the duty, judged against the
	// duty's own deadline.
	CoverageFull
)

var coverageNames = names{"", "none", "partial", "full"}

// Valid reports whether c is a known coverage.
func (c Coverage) Valid() bool { return c > 0 && int(c) < len(coverageNames) }

// String returns "none", "partial" or "full".
func (c Coverage) String() string { return coverageNames.String(uint8(c), "Coverage") }

// MarshalText implements [encoding.TextMarshaler].
func (c Coverage) MarshalText() ([]byte, error) {
	return coverageNames.Marshal("obligations", uint8(c), "coverage")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Coverage) UnmarshalText(b []byte) error {
	v, err := coverageNames.Parse("obligations", b, "coverage")
	*c = Coverage(v)
	return err
}

// MappingStatus is how finished a collection of mappings is (the status
// of an OSCAL mapping provenance).
type MappingStatus uint8

// Mapping statuses. The zero value is invalid.
const (
	MappingStatusUnknown MappingStatus = iota
	MappingComplete                    // every pair the collection means to state is stated
	MappingNotComplete                 // pairs are still missing
	MappingDraft                       // not yet reviewed
	MappingDeprecated                  // kept for reference; do not use
	MappingSuperseded                  // replaced by a later collection
)

var mappingStatusNames = names{"", "complete", "not-complete", "draft", "deprecated", "superseded"}

// String returns the OSCAL token, e.g. "draft".
func (s MappingStatus) String() string { return mappingStatusNames.String(uint8(s), "MappingStatus") }

// MarshalText implements [encoding.TextMarshaler].
func (s MappingStatus) MarshalText() ([]byte, error) {
	return mappingStatusNames.Marshal("obligations", uint8(s), "mapping status")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *MappingStatus) UnmarshalText(b []byte) error {
	v, err := mappingStatusNames.Parse("obligations", b, "mapping status")
	*s = MappingStatus(v)
	return err
}

// MappingMethod is how the pairs of a collection were made.
type MappingMethod uint8

// Mapping methods. The zero value is invalid.
const (
	MappingMethodUnknown MappingMethod = iota
	MethodHuman                        // every pair judged by a person
	MethodAutomation                   // generated by a program
	MethodHybrid                       // generated and reviewed
)

var mappingMethodNames = names{"", "human", "automation", "hybrid"}

// String returns the OSCAL token, e.g. "human".
func (m MappingMethod) String() string { return mappingMethodNames.String(uint8(m), "MappingMethod") }

// MarshalText implements [encoding.TextMarshaler].
func (m MappingMethod) MarshalText() ([]byte, error) {
	return mappingMethodNames.Marshal("obligations", uint8(m), "mapping method")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *MappingMethod) UnmarshalText(b []byte) error {
	v, err := mappingMethodNames.Parse("obligations", b, "mapping method")
	*m = MappingMethod(v)
	return err
}

// MatchingRationale is what the pairs of a collection compare.
type MatchingRationale uint8

// Matching rationales. The zero value is invalid.
const (
	MatchingRationaleUnknown MatchingRationale = iota
	MatchingSyntactic                          // the wording
	MatchingSemantic                           // the meaning
	MatchingFunctional                         // the effect in practice
)

var matchingNames = names{"", "syntactic", "semantic", "functional"}

// String returns the OSCAL token, e.g. "semantic".
func (m MatchingRationale) String() string {
	return matchingNames.String(uint8(m), "MatchingRationale")
}

// MarshalText implements [encoding.TextMarshaler].
func (m MatchingRationale) MarshalText() ([]byte, error) {
	return matchingNames.Marshal("obligations", uint8(m), "matching rationale")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *MatchingRationale) UnmarshalText(b []byte) error {
	v, err := matchingNames.Parse("obligations", b, "matching rationale")
	*m = MatchingRationale(v)
	return err
}

// A MappingCollection is one mappings file: who made the analysis, when,
// how, and its sets. A pack states its collection in mappings.json (see
// the package documentation); [LoadMappings] reads one of your own.
type MappingCollection struct {
	// ID names the collection: lower-case letters, digits and inner
	// hyphens, unique among the collections in use.
	ID string `json:"id"`
	// Version is the day of the analysis.
	Version medsec.Date `json:"version"`
	// Author is who made the analysis, e.g. "medsec"; a pair stated by a
	// published crosswalk names it in [Mapping.Crosswalk].
	Author string `json:"author"`
	// Status, Method and MatchingRationale are the provenance of the
	// analysis, in the vocabulary of OSCAL.
	Status            MappingStatus     `json:"status"`
	Method            MappingMethod     `json:"method"`
	MatchingRationale MatchingRationale `json:"matchingRationale"`
	// Description says what the collection covers and how to read it.
	Description string `json:"description"`
	// Sets are the mapping sets.
	Sets []MappingSet `json:"sets"`
}

// A MappingSet maps the duties of one pack to those of another.
type MappingSet struct {
	// ID names the set: lower-case letters, digits and inner hyphens,
	// unique among the sets in use (e.g. "cz-nis2").
	ID string `json:"id"`
	// Title and Description say what the set covers and how to read it.
	Title       string `json:"title"`
	Description string `json:"description"`
	// Source and Target are pack IDs: every source of a pair belongs to
	// the source pack, every target to the target pack.
	Source string `json:"source"`
	Target string `json:"target"`
	// Mappings are the pairs.
	Mappings []Mapping `json:"mappings"`
	// UnmappedSource and UnmappedTarget list duties of either pack left
	// without a pair on purpose, with the reason.
	UnmappedSource []Unmapped `json:"unmappedSource,omitempty"`
	UnmappedTarget []Unmapped `json:"unmappedTarget,omitempty"`
}

// A Mapping is one pair: "Source Relationship Target".
//
// Source and Target are each a duty ID of the catalog, or the citation of
// one article of an instrument ("ENISA-PROC-2020 art. GP-14") for
// guidance that has no duties. A relationship compares what must be done
// (the action, its content, its recipient, the cases it covers), not
// when: crediting applies the target duty's own deadline to the date of
// the evidence.
type Mapping struct {
	// Source and Target are the two sides; Relationship is that of the
	// source to the target (SupersetOf: the source covers all the target
	// asks, and more).
	Source       string       `json:"source"`
	Target       string       `json:"target"`
	Relationship Relationship `json:"relationship"`
	// Rationale says why the relationship holds. Required.
	Rationale string `json:"rationale"`
	// Confidence is how well the relationship is established; it is never
	// higher than the weaker confidence of its two sides, and verified
	// only where a published crosswalk (Crosswalk) states the pair. Note
	// says what was not read when it is unverified.
	Confidence medsec.Confidence `json:"confidence"`
	Note       string            `json:"note,omitempty"`
	// Crosswalk names the published crosswalk that states the pair; empty
	// for the author's own analysis.
	Crosswalk string `json:"crosswalk,omitempty"`
}

// Unmapped is a duty (or article) deliberately left without a pair.
type Unmapped struct {
	// ID is the duty or article with no pair.
	ID string `json:"id"`
	// Reason says why it has none.
	Reason string `json:"reason"`
}

// MaxMappingsSize bounds a mappings file.
const MaxMappingsSize = 4 << 20

// MaxMappingPairs bounds the pairs of one set, and the unmapped entries
// of each side. The embedded sets hold at most a few dozen.
const MaxMappingPairs = 2000

// maxMappingSets bounds the sets of one file.
const maxMappingSets = 100

// The name of the mappings file of a pack.
const mappingsFile = "mappings.json"

// Mappings is a validated, immutable group of mapping collections, checked
// against a catalog: every duty they name is a duty of the catalog, of the
// pack its set says. It is safe for concurrent use. Get the mappings of a
// catalog's packs with [Catalog.Mappings], read a file of your own with
// [LoadMappings], combine them with [Mappings.Merge], and credit evidence
// across them with [Options.Mappings].
type Mappings struct {
	cat   *Catalog
	cols  []MappingCollection
	links map[string][]link // by the ref on the near side
	pairs int
}

// A link is a pair seen from one of its sides: the other side, and the
// relationship of the near side to it.
type link struct {
	other string
	rel   Relationship
	set   string
	m     *Mapping
}

// Collections returns copies of the collections, in the order they were
// loaded.
func (m *Mappings) Collections() []MappingCollection {
	if m == nil {
		return nil
	}
	out := make([]MappingCollection, len(m.cols))
	for i := range m.cols {
		out[i] = cloneCollection(&m.cols[i])
	}
	return out
}

// Len returns the number of pairs.
func (m *Mappings) Len() int {
	if m == nil {
		return 0
	}
	return m.pairs
}

// Catalog returns the catalog the mappings were checked against; nil for
// nil Mappings.
func (m *Mappings) Catalog() *Catalog {
	if m == nil {
		return nil
	}
	return m.cat
}

func cloneCollection(c *MappingCollection) MappingCollection {
	out := *c
	out.Sets = slices.Clone(c.Sets)
	for i := range out.Sets {
		s := &out.Sets[i]
		s.Mappings = slices.Clone(s.Mappings)
		s.UnmappedSource = slices.Clone(s.UnmappedSource)
		s.UnmappedTarget = slices.Clone(s.UnmappedTarget)
	}
	return out
}

// Covered is what evidence for one duty covers of another through a
// mapping (see [Mappings.Covers]).
type Covered struct {
	// Mapping is the pair, oriented from the evidenced duty: Source is
	// that duty, Target the covered duty or article, and Relationship is
	// inverted when the data states the pair the other way round.
	Mapping
	// Set is the ID of the mapping set that states the pair.
	Set string
	// Jurisdiction is the jurisdiction of the target: its duty's, or its
	// instrument's for an article.
	Jurisdiction medsec.Jurisdiction
	// Coverage is what the evidence does for the target (see
	// [Relationship.Coverage]). Full coverage holds for the same binding:
	// evidence for a system covers that system's duty, evidence for an
	// incident that incident's report.
	Coverage Coverage
}

// Covers answers "what does evidence for duty X cover in jurisdiction Y":
// every pair of m that has dutyID on one side and, on the other, a duty or
// article of jurisdiction j (any jurisdiction when j is empty), oriented
// from dutyID, sorted by coverage (full first), then target and set.
// Pairs stating no relationship are listed with [CoverageNone], so that a
// caller sees which duties must not be credited. An unknown duty gives
// nil.
func (m *Mappings) Covers(dutyID string, j medsec.Jurisdiction) []Covered {
	if m == nil {
		return nil
	}
	var out []Covered
	for _, l := range m.links[dutyID] {
		jur := m.jurisdictionOf(l.other)
		if j != "" && jur != j {
			continue
		}
		c := Covered{Mapping: *l.m, Set: l.set, Jurisdiction: jur, Coverage: l.rel.Coverage()}
		c.Source, c.Target, c.Relationship = dutyID, l.other, l.rel
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Covered) int {
		if a.Coverage != b.Coverage {
			return int(b.Coverage) - int(a.Coverage)
		}
		if c := strings.Compare(a.Target, b.Target); c != 0 {
			return c
		}
		return strings.Compare(a.Set, b.Set)
	})
	return out
}

// jurisdictionOf returns the jurisdiction of a ref: its duty's, or its
// article's instrument's.
func (m *Mappings) jurisdictionOf(ref string) medsec.Jurisdiction {
	if e, ok := m.cat.byID[ref]; ok {
		return e.duty.Jurisdiction
	}
	if ct, err := m.cat.Registry().ParseCitation(ref); err == nil {
		if in, err := m.cat.Registry().Lookup(ct.Instrument); err == nil {
			return in.Jurisdiction
		}
	}
	return ""
}

// Merge returns mappings holding the collections of m and others, checked
// again against m's catalog; nil Mappings add nothing. Collection and set
// IDs must stay unique, and a pair stated in two places must state the
// same relationship.
func (m *Mappings) Merge(others ...*Mappings) (*Mappings, error) {
	var cols []MappingCollection
	var cat *Catalog
	for _, x := range append([]*Mappings{m}, others...) {
		if x == nil {
			continue
		}
		if cat == nil {
			cat = x.cat
		}
		cols = append(cols, x.Collections()...)
	}
	return NewMappings(cat, cols...)
}

// mappingDecoder reads mappings files strictly.
var mappingDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: MaxMappingPairs, Field: func(_ reflect.Type, f reflect.StructField) strictjson.Limits {
		if f.Name == "Sets" {
			return strictjson.Limits{MaxItems: maxMappingSets}
		}
		return strictjson.Limits{}
	}})
})

// LoadMappings reads a mappings file (one [MappingCollection] in JSON; see
// the package documentation) strictly and checks it against the catalog c
// (the default catalog if nil) as [NewMappings] does: unknown fields,
// duplicate keys, text that is not valid UTF-8 or holds a control
// character other than tab and line feed, trailing data, more than
// [MaxMappingPairs] pairs in a set and files over [MaxMappingsSize] are
// rejected. Problems come as [medsec.FieldErrors] wrapping
// [medsec.ErrInvalidData], with JSON Pointers into the file
// ("/sets/0/mappings/3/target"), at most 100 of them.
//
// The result holds only the file's collection; combine it with the
// catalog's own ([Catalog.Mappings]) with [Mappings.Merge].
func LoadMappings(r io.Reader, c *Catalog) (*Mappings, error) {
	if r == nil {
		return nil, fmt.Errorf("obligations: reading mappings: %w: the io.Reader is nil", medsec.ErrInvalidInput)
	}
	data, tooLarge, err := strictjson.ReadAll(r, MaxMappingsSize)
	if err != nil {
		return nil, fmt.Errorf("obligations: reading mappings: %w", err)
	}
	if tooLarge {
		return nil, fmt.Errorf("obligations: invalid mappings: %w", fielderr.TooLarge(MaxMappingsSize, medsec.ErrInvalidData))
	}
	col, err := unmarshalMappings(data)
	if err != nil {
		return nil, err
	}
	return NewMappings(c, col)
}

func unmarshalMappings(data []byte) (MappingCollection, error) {
	var col MappingCollection
	if errs := mappingDecoder().Unmarshal(data, &col); errs != nil {
		return MappingCollection{}, fmt.Errorf("obligations: invalid mappings: %w", fielderr.FromJSON(errs, medsec.ErrInvalidData))
	}
	return col, nil
}

// NewMappings checks the collections against the catalog c (the default
// catalog if nil) and returns them as Mappings. All problems are reported
// together as [medsec.FieldErrors] wrapping [medsec.ErrInvalidData], with
// JSON Pointers into the JSON form of each collection (the index of the
// collection is not part of the pointer: give one collection per call to
// tell them apart). It checks:
//
//   - IDs of collections and sets: lower-case letters, digits and inner
//     hyphens, at most 64 bytes, unique;
//   - a collection's version, author, status, method, matching rationale
//     and description; a set's title, description and at least one pair;
//   - that the source and target packs of a set are packs of the
//     catalog's registry, and that every ref of the set belongs to its
//     side's pack: a duty of the catalog ([Catalog.PackOf]), or the
//     citation of an article (no paragraph or point) of an instrument of
//     that pack;
//   - a pair: two different refs, a relationship, a rationale, a
//     confidence no higher than the weaker of its two sides' (a duty's
//     confidence, an article's), a note when it is unverified, and a
//     crosswalk when it is verified;
//   - no pair twice in a set, and no pair stated with another
//     relationship elsewhere (read both ways: "X subset-of Y" agrees with
//     "Y superset-of X");
//   - unmapped entries: refs of the side's pack, with a reason, not also
//     mapped on that side in the set, none twice.
func NewMappings(c *Catalog, cols ...MappingCollection) (*Mappings, error) {
	if c == nil {
		c = DefaultCatalog()
	}
	// The mappings keep copies: the caller may change its collections.
	own := make([]MappingCollection, len(cols))
	for i := range cols {
		own[i] = cloneCollection(&cols[i])
	}
	m, errs := buildMappings(c, own, func(int) string { return "" })
	if errs != nil {
		return nil, fmt.Errorf("obligations: invalid mappings: %w", errs)
	}
	return m, nil
}

// packMappings returns the mappings of the mappings.json files of c's
// packs, checked against c, or nil when no pack has one. It reads the
// files into buf, whose contents it does not need, one after the other.
func packMappings(c *Catalog, buf []byte) (*Mappings, error) {
	var cols []MappingCollection
	var files []string
	var errs fielderr.List
	for _, p := range c.reg.Packs() {
		b, err := p.AppendFile(buf[:0], mappingsFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("obligations: %w", err)
		}
		buf = b
		col, err := unmarshalMappings(b)
		if err != nil {
			addFile(&errs, err, p.Where(mappingsFile))
			continue
		}
		cols = append(cols, col)
		files = append(files, p.Where(mappingsFile))
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid mappings: %w", e)
	}
	if len(cols) == 0 {
		return nil, nil
	}
	m, e := buildMappings(c, cols, func(i int) string { return files[i] })
	if e != nil {
		return nil, fmt.Errorf("obligations: invalid mappings: %w", e)
	}
	return m, nil
}

// Mappings returns the mappings that the packs of c's registry state in
// their mappings.json files, checked against c. A catalog built with
// [NewCatalog], [LoadCatalog] or [Catalog.Merge], and a registry whose
// packs state none, give empty Mappings of c.
func (c *Catalog) Mappings() *Mappings {
	if c == nil {
		c = &Catalog{}
	}
	if c.mappings == nil {
		return &Mappings{cat: c}
	}
	return c.mappings
}

// buildMappings checks cols against c and indexes them. file gives the
// file of collection i for the errors. The mappings keep cols, which
// nobody else holds.
func buildMappings(c *Catalog, cols []MappingCollection, file func(int) string) (*Mappings, medsec.FieldErrors) {
	m := &Mappings{cat: c}
	var errs fielderr.List
	packs := map[string]bool{}
	for _, p := range c.Registry().Packs() {
		packs[p.ID()] = true
	}
	colIDs := map[string]bool{}
	setIDs := map[string]bool{}
	pairs := 0
	for _, col := range cols {
		for _, s := range col.Sets {
			pairs += len(s.Mappings)
		}
	}
	type pairKey struct{ a, b string }
	stated := make(map[pairKey]Relationship, pairs) // a < b, relationship of a to b
	// The refs mapped on either side of a set, and its pairs; cleared
	// for each set.
	mapped := [2]map[string]bool{{}, {}}
	inSet := map[pairKey]bool{}
	for ci := range cols {
		col := &cols[ci]
		var add adder = func(p, rule, value string, msg medsec.Message) {
			errs.Add(&medsec.FieldError{File: file(ci), Path: p, Rule: rule, Value: clip(value), Message: msg, Err: medsec.ErrInvalidData})
		}
		switch {
		case !ident.Slug(col.ID) || len(col.ID) > 64:
			add("/id", "syntax", col.ID, msgErrMappingID.New(col.ID))
		case colIDs[col.ID]:
			add("/id", "unique", col.ID, msgErrMappingDuplicate.New(col.ID))
		}
		colIDs[col.ID] = true
		if !col.Version.Valid() {
			add("/version", "required", col.Version.String(), msgErrRequired.New("version"))
		}
		requireLine(col.Author, "/author", "author", add)
		if col.Status == MappingStatusUnknown {
			add("/status", "required", "", msgErrRequired.New("status"))
		}
		if col.Method == MappingMethodUnknown {
			add("/method", "required", "", msgErrRequired.New("method"))
		}
		if col.MatchingRationale == MatchingRationaleUnknown {
			add("/matchingRationale", "required", "", msgErrRequired.New("matchingRationale"))
		}
		requireText(col.Description, "/description", "description", add)
		if len(col.Sets) == 0 {
			add("/sets", "required", "", msgErrRequired.New("sets"))
		}
		for si := range col.Sets {
			s := &col.Sets[si]
			sadd := add.under("sets", si)
			switch {
			case !ident.Slug(s.ID) || len(s.ID) > 64:
				sadd("/id", "syntax", s.ID, msgErrMappingID.New(s.ID))
			case setIDs[s.ID]:
				sadd("/id", "unique", s.ID, msgErrMappingDuplicate.New(s.ID))
			}
			setIDs[s.ID] = true
			requireLine(s.Title, "/title", "title", sadd)
			requireText(s.Description, "/description", "description", sadd)
			okPacks := true
			for _, f := range []struct{ field, id string }{{"/source", s.Source}, {"/target", s.Target}} {
				if !packs[f.id] {
					sadd(f.field, "pack", f.id, msgErrMappingPack.New(f.id))
					okPacks = false
				}
			}
			if len(s.Mappings) == 0 {
				sadd("/mappings", "required", "", msgErrRequired.New("mappings"))
			}
			clear(mapped[0])
			clear(mapped[1])
			clear(inSet)
			for mi := range s.Mappings {
				x := &s.Mappings[mi]
				madd := sadd.under("mappings", mi)
				var conf [2]medsec.Confidence // of the source and the target
				good := okPacks
				for k, f := range []struct{ field, ref, pack string }{{"/source", x.Source, s.Source}, {"/target", x.Target, s.Target}} {
					cf, ok := resolveRef(c, f.ref, f.pack, f.field, madd, okPacks)
					conf[k], good = cf, good && ok
					mapped[k][f.ref] = true
				}
				if x.Source == x.Target && x.Source != "" {
					madd("/target", "distinct", x.Target, msgErrMappingSelf.New(x.Target))
					good = false
				}
				if !x.Relationship.Valid() {
					madd("/relationship", "required", "", msgErrRequired.New("relationship"))
					good = false
				}
				requireText(x.Rationale, "/rationale", "rationale", madd)
				switch {
				case !x.Confidence.Valid():
					madd("/confidence", "required", "", msgErrRequired.New("confidence"))
				case x.Confidence == medsec.Verified && strings.TrimSpace(x.Crosswalk) == "":
					madd("/crosswalk", "required", "", msgErrMappingVerified.New())
				case x.Confidence == medsec.Unverified && strings.TrimSpace(x.Note) == "":
					madd("/note", "required", "", msgErrNote.New(x.Confidence.String()))
				case good && x.Confidence < conf[0].Min(conf[1]):
					weak, ref := conf[0], x.Source
					if conf[1] > weak {
						weak, ref = conf[1], x.Target
					}
					madd("/confidence", "confidence", x.Confidence.String(), msgErrMappingConfidence.New(x.Confidence.String(), ref, weak.String()))
				}
				if !good {
					continue
				}
				k := pairKey{x.Source, x.Target}
				if inSet[k] {
					madd("", "unique", x.Source+" "+x.Target, msgErrMappingTwice.New(x.Source, x.Target))
					continue
				}
				inSet[k] = true
				ck, rel := k, x.Relationship
				if ck.b < ck.a {
					ck, rel = pairKey{k.b, k.a}, rel.Inverse()
				}
				if prev, ok := stated[ck]; ok && prev != rel {
					madd("/relationship", "consistent", x.Relationship.String(), msgErrMappingConflict.New(x.Source, x.Target, x.Relationship.String()))
					continue
				}
				stated[ck] = rel
				m.pairs++
			}
			for k, f := range []struct {
				field string
				list  []Unmapped
				pack  string
			}{{"/unmappedSource", s.UnmappedSource, s.Source}, {"/unmappedTarget", s.UnmappedTarget, s.Target}} {
				seen := map[string]bool{}
				for ui, u := range f.list {
					uadd := sadd.under(f.field[1:], ui)
					resolveRef(c, u.ID, f.pack, "/id", uadd, okPacks)
					switch {
					case seen[u.ID]:
						uadd("/id", "unique", u.ID, msgErrMappingDuplicate.New(u.ID))
					case mapped[k][u.ID]:
						uadd("/id", "unmapped", u.ID, msgErrMappingUnmapped.New(u.ID))
					}
					seen[u.ID] = true
					requireText(u.Reason, "/reason", "reason", uadd)
				}
			}
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, e
	}
	m.cols = cols
	// The links point into m.cols. Every pair passed its checks: a pair
	// that failed one is an error. Each pair links two refs, and most
	// refs are in one or two pairs: about as many refs as pairs.
	m.links = make(map[string][]link, m.pairs)
	for ci := range m.cols {
		for si := range m.cols[ci].Sets {
			s := &m.cols[ci].Sets[si]
			for mi := range s.Mappings {
				x := &s.Mappings[mi]
				m.links[x.Source] = append(m.links[x.Source], link{other: x.Target, rel: x.Relationship, set: s.ID, m: x})
				m.links[x.Target] = append(m.links[x.Target], link{other: x.Source, rel: x.Relationship.Inverse(), set: s.ID, m: x})
			}
		}
	}
	return m, nil
}

// resolveRef checks that ref, the value of field, is a duty of pack, or
// the citation of an article of an instrument of pack, and returns its
// confidence: the duty's or the article's. With checkPack false the pack
// is unknown and only the ref itself is checked.
func resolveRef(c *Catalog, ref, pack, field string, add adder, checkPack bool) (medsec.Confidence, bool) {
	if e, ok := c.byID[ref]; ok {
		if checkPack && e.pack != pack {
			add(field, "pack", ref, msgErrMappingRef.New(ref, pack))
			return medsec.ConfidenceUnknown, false
		}
		return e.duty.Confidence, true
	}
	reg := c.Registry()
	ct, err := reg.ParseCitation(ref)
	if err != nil || ct.Article == "" || ct.Paragraph != "" || ct.String() != ref {
		add(field, "exists", ref, msgErrMappingRef.New(ref, pack))
		return medsec.ConfidenceUnknown, false
	}
	owner, ok := reg.PackOf(ct.Instrument)
	if checkPack && (!ok || owner.ID() != pack) {
		add(field, "pack", ref, msgErrMappingRef.New(ref, pack))
		return medsec.ConfidenceUnknown, false
	}
	return reg.Confidence(ct), true
}

// requireText reports an empty text.
func requireText(s, p, name string, add adder) {
	if strings.TrimSpace(s) == "" {
		add(p, "required", "", msgErrRequired.New(name))
	}
}

// requireLine reports an empty text, or one that is not a single line
// without leading or trailing white space (titles and names).
func requireLine(s, p, name string, add adder) {
	if strings.TrimSpace(s) == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t") {
		add(p, "line", s, msgErrMappingLine.New(name))
	}
}
