package medsec

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/medsec-go/medsec/internal/errcap"
	"github.com/medsec-go/medsec/internal/lawfs"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// DataVersion is the date on which the embedded legal data (the packs
// under law/ in the module) was last reviewed as a whole: the newest of the
// packs' own review dates ([Pack.Version]). Rules that changed after it are
// not modelled.
const DataVersion = "2026-11-29"

// MaxInstrumentFileSize bounds one instrument file read by
// [DecodeInstrument].
const MaxInstrumentFileSize = 1 << 20

// lawFiles are the files of the embedded packs that the root package and
// grading read; the duties, roles, clause rules and mappings are embedded
// by package law, which obligations and contracts import (see packFS).
//
//go:embed law/*/pack.json law/*/dates.json law/*/incidents.json law/*/grading.json law/*/instruments/*.json
var lawFiles embed.FS

// A Registry is the law an evaluation runs on: a set of packs and what the
// root package reads from them (the instruments with their articles, the
// declared jurisdictions and flags, the legal dates and the
// incident-reporting rules). It is immutable and safe for
// concurrent use. The embedded registry comes from [DefaultRegistry];
// [Registry.With] adds packs of your own, and [NewRegistry] builds a
// registry of instruments alone.
type Registry struct {
	packs     []*Pack
	list      []*Instrument // sorted by ID
	byID      map[string]*Instrument
	arts      map[string]map[string]*Article
	jurs      []JurisdictionInfo // sorted by code
	flags     []FlagInfo         // sorted by code
	events    []EventInfo        // sorted by code
	dates     []LegalDate        // sorted by ID
	incidents []IncidentRule     // sorted by ID
	packOf    map[string]*Pack   // the pack of each instrument, by ID
}

var defaultRegistry = newEmbeddedLoader()

// newEmbeddedLoader returns a function that loads the embedded registry on
// its first call and returns the same registry on every call.
func newEmbeddedLoader() func() *Registry {
	return sync.OnceValue(func() *Registry {
		packs, err := embeddedPacks()
		if err == nil {
			var r *Registry
			if r, err = RegistryOf(packs...); err == nil {
				return r
			}
		}
		// The embedded files are checked by the package tests; reaching
		// this means the binary was built from a broken tree.
		panic("medsec: embedded law: " + err.Error())
	})
}

// embeddedPacks loads every pack under law/, in the order of their folder
// names.
func embeddedPacks() ([]*Pack, error) {
	entries, err := fs.ReadDir(lawFiles, "law")
	if err != nil {
		return nil, err
	}
	var packs []*Pack
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sub, err := fs.Sub(lawFiles, "law/"+e.Name())
		if err != nil {
			return nil, err
		}
		p, err := LoadPack(packFS{core: sub, dir: e.Name()})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		packs = append(packs, p)
	}
	return packs, nil
}

// DefaultRegistry returns the registry of the packs embedded in medsec. It
// is loaded on first use, once, and shared.
func DefaultRegistry() *Registry { return defaultRegistry() }

// Lookup returns the instrument with the given ID from the embedded
// registry.
func Lookup(id string) (Instrument, error) { return DefaultRegistry().Lookup(id) }

// InForce returns the embedded instruments in force on d, restricted to
// the given jurisdictions when any are given, sorted by ID.
func InForce(d Date, js ...Jurisdiction) []Instrument { return DefaultRegistry().InForce(d, js...) }

// RegistryOf builds the registry of the given packs: it reads each pack's
// instruments (instruments/*.json), checks them as [NewRegistry] does, and
// checks that pack IDs are unique, that no two packs declare the same
// jurisdiction or flag, and that every instrument's jurisdiction is
// declared by one of the packs. All problems are reported together.
func RegistryOf(packs ...*Pack) (*Registry, error) {
	var errs []error
	ids := map[string]bool{}
	var ins []Instrument
	packOf := map[string]*Pack{}
	jurs := map[Jurisdiction]JurisdictionInfo{}
	flags := map[Flag]FlagInfo{}
	events := map[Event]EventInfo{}
	var buf []byte // one buffer for every instrument file: each is decoded before the next is read
	for _, p := range packs {
		if p == nil {
			errs = append(errs, fmt.Errorf("%w: a pack is nil", ErrInvalidData))
			continue
		}
		if ids[p.ID()] {
			errs = append(errs, fmt.Errorf("%w: pack %q appears twice", ErrInvalidData, p.ID()))
			continue
		}
		ids[p.ID()] = true
		for _, j := range p.m.Jurisdictions {
			if _, dup := jurs[j.Code]; dup {
				errs = append(errs, fmt.Errorf("%w: pack %s declares jurisdiction %s, which another pack declares", ErrInvalidData, p.ID(), j.Code))
			}
			jurs[j.Code] = j
		}
		for _, f := range p.m.Flags {
			if _, dup := flags[f.Code]; dup {
				errs = append(errs, fmt.Errorf("%w: pack %s declares flag %s, which another pack declares", ErrInvalidData, p.ID(), f.Code))
			}
			flags[f.Code] = f
		}
		for _, e := range p.m.Events {
			if _, dup := events[e.Code]; dup {
				errs = append(errs, fmt.Errorf("%w: pack %s declares event %s, which another pack declares", ErrInvalidData, p.ID(), e.Code))
			}
			events[e.Code] = e
		}
		names, err := p.Glob("instruments/*.json")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, name := range names {
			b, err := p.AppendFile(buf[:0], name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			buf = b
			in, err := decodeInstrument(b)
			if err != nil {
				var fes FieldErrors
				if errors.As(err, &fes) {
					for _, e := range fes {
						e.File = p.Where(name)
					}
					err = fes
				} else {
					err = fmt.Errorf("%s: %w", p.Where(name), err)
				}
				errs = append(errs, err)
				continue
			}
			if _, ok := jurs[in.Jurisdiction]; !ok {
				if !declaredBy(packs, in.Jurisdiction) {
					errs = append(errs, fmt.Errorf("%w: %s: jurisdiction %s is declared by no pack", ErrInvalidData, p.Where(name), in.Jurisdiction))
					continue
				}
			}
			ins = append(ins, in)
			packOf[in.ID] = p
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// The instruments were decoded and checked above and nobody else
	// holds them: the registry takes them as they are.
	r, err := newRegistry(ins, false)
	if err != nil {
		return nil, err
	}
	r.packs = slices.Clone(packs)
	r.packOf = packOf
	r.jurs = sortedValues(jurs, func(a, b JurisdictionInfo) int { return strings.Compare(string(a.Code), string(b.Code)) })
	r.flags = sortedValues(flags, func(a, b FlagInfo) int { return strings.Compare(string(a.Code), string(b.Code)) })
	r.events = sortedValues(events, func(a, b EventInfo) int { return strings.Compare(string(a.Code), string(b.Code)) })
	if err := r.loadDates(); err != nil {
		return nil, err
	}
	if err := r.loadIncidents(); err != nil {
		return nil, err
	}
	return r, nil
}

// sortedValues returns the values of m sorted by cmp. (It is
// slices.SortedFunc(maps.Values(m), cmp) without package maps, which no
// other package of a program that uses medsec needs, and with sort.Slice,
// which unlike the generic sort is not compiled anew for each struct type
// V: see footprint_test.go.)
func sortedValues[K comparable, V any](m map[K]V, cmp func(a, b V) int) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return cmp(out[i], out[j]) < 0 })
	return out
}

func declaredBy(packs []*Pack, j Jurisdiction) bool {
	for _, p := range packs {
		for _, d := range p.m.Jurisdictions {
			if d.Code == j {
				return true
			}
		}
	}
	return false
}

// With returns a registry of r's packs and the given ones (see
// [RegistryOf]). r itself is not changed. A registry built by
// [NewRegistry] has no packs: With then holds only the given packs.
func (r *Registry) With(packs ...*Pack) (*Registry, error) {
	return RegistryOf(append(slices.Clone(r.packs), packs...)...)
}

// Packs returns the registry's packs, in the order they were given.
func (r *Registry) Packs() []*Pack { return slices.Clone(r.packs) }

// PackOf returns the pack whose instruments/ folder holds the instrument
// with the given ID, and whether there is one. A registry built by
// [NewRegistry] has no packs.
func (r *Registry) PackOf(instrumentID string) (*Pack, bool) {
	p, ok := r.packOf[instrumentID]
	return p, ok
}

// Jurisdictions returns the codes of the jurisdictions the registry's
// packs declare, sorted. A registry built by [NewRegistry] declares none;
// it lists the jurisdictions of its instruments.
func (r *Registry) Jurisdictions() []Jurisdiction {
	if r.packs == nil {
		var out []Jurisdiction
		for _, in := range r.list {
			if !slices.Contains(out, in.Jurisdiction) {
				out = append(out, in.Jurisdiction)
			}
		}
		slices.Sort(out)
		return out
	}
	out := make([]Jurisdiction, len(r.jurs))
	for i, j := range r.jurs {
		out[i] = j.Code
	}
	return out
}

// Jurisdiction returns the declaration of jurisdiction j, and whether a
// pack of the registry declares it.
func (r *Registry) Jurisdiction(j Jurisdiction) (JurisdictionInfo, bool) {
	i, ok := slices.BinarySearchFunc(r.jurs, j, func(a JurisdictionInfo, j Jurisdiction) int { return strings.Compare(string(a.Code), string(j)) })
	if !ok {
		return JurisdictionInfo{}, false
	}
	return r.jurs[i], true
}

// Flags returns the flags the registry's packs declare, sorted by code.
func (r *Registry) Flags() []FlagInfo { return slices.Clone(r.flags) }

// Events returns the events the registry's packs declare, sorted by code.
func (r *Registry) Events() []EventInfo { return slices.Clone(r.events) }

// Event returns the declaration of event e, and whether a pack of the
// registry declares it.
func (r *Registry) Event(e Event) (EventInfo, bool) {
	i, ok := slices.BinarySearchFunc(r.events, e, func(a EventInfo, e Event) int { return strings.Compare(string(a.Code), string(e)) })
	if !ok {
		return EventInfo{}, false
	}
	return r.events[i], true
}

// Flag returns the declaration of flag f, and whether a pack of the
// registry declares it.
func (r *Registry) Flag(f Flag) (FlagInfo, bool) {
	i, ok := slices.BinarySearchFunc(r.flags, f, func(a FlagInfo, f Flag) int { return strings.Compare(string(a.Code), string(f)) })
	if !ok {
		return FlagInfo{}, false
	}
	return r.flags[i], true
}

// LoadRegistry reads every *.json file in dir of fsys, each holding one
// instrument, and builds a registry from them. Files are decoded strictly
// (see [DecodeInstrument]).
func LoadRegistry(fsys fs.FS, dir string) (*Registry, error) {
	if fsys == nil {
		return nil, fmt.Errorf("%w: LoadRegistry needs a file system, not nil", ErrInvalidInput)
	}
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	ins := make([]Instrument, 0, len(names))
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		in, err := DecodeInstrument(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		ins = append(ins, in)
	}
	return NewRegistry(ins...)
}

// MaxInstrumentListLen bounds every list of an instrument file read by
// [DecodeInstrument]: articles, sources and superseded instruments. The
// largest embedded instrument has 34 articles; no instrument medsec
// models has more than a few hundred citable units.
const MaxInstrumentListLen = 1000

// instrumentDecoder reads instrument files and the other files of packs
// (see decodeData): one decoder derives once the shapes of the types they
// share.
var instrumentDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: MaxInstrumentListLen, TextError: textError})
})

// DecodeInstrument reads one instrument in JSON. Decoding is strict:
// unknown fields (also names in another letter case), duplicate keys (also
// keys that differ only in letter case), values of the wrong type, enum
// names that are not exact, text that is not valid UTF-8 or holds a control
// character other than tab and line feed, a byte order mark, lists longer
// than [MaxInstrumentListLen], trailing data and input over
// [MaxInstrumentFileSize] are errors: a [FieldErrors] list of at most 100
// entries with JSON Pointer paths, wrapping [ErrInvalidData]. The
// instrument is then checked as in [NewRegistry].
func DecodeInstrument(r io.Reader) (Instrument, error) {
	data, tooLarge, err := strictjson.ReadAll(r, MaxInstrumentFileSize)
	if err != nil {
		return Instrument{}, err
	}
	if tooLarge {
		return Instrument{}, fieldErrors(strictjson.Errors{strictjson.TooLarge(MaxInstrumentFileSize)}, ErrInvalidData)
	}
	return decodeInstrument(data)
}

// decodeInstrument decodes and checks the instrument file data.
func decodeInstrument(data []byte) (Instrument, error) {
	var in Instrument
	if errs := instrumentDecoder().Unmarshal(data, &in); errs != nil {
		return Instrument{}, fieldErrors(errs, ErrInvalidData)
	}
	if err := checkInstrument(&in); err != nil {
		return Instrument{}, err
	}
	return in, nil
}

// fieldErrors turns decoding errors into field errors of the given kind.
func fieldErrors(errs strictjson.Errors, kind error) FieldErrors {
	out := make(FieldErrors, len(errs))
	for i, e := range errs {
		out[i] = &FieldError{Path: e.Path, Rule: e.Rule, Value: e.Value, Message: Message(e.Message), Err: kind}
	}
	return out
}

// NewRegistry checks the instruments and returns a registry of copies of
// them. Every instrument must have a valid, unique ID, a jurisdiction,
// kind, titles, language, issuer and confidence; an ordered in-force
// period; articles with unique numbers, a stated effect and confidence; and
// every Supersedes target must be in the registry. All problems are
// reported together.
func NewRegistry(instruments ...Instrument) (*Registry, error) {
	return newRegistry(instruments, true)
}

// newRegistry is NewRegistry; with check false it takes instruments that
// have been checked already, and keeps them rather than copies, so the
// caller must not change them.
func newRegistry(instruments []Instrument, check bool) (*Registry, error) {
	r := &Registry{
		byID: make(map[string]*Instrument, len(instruments)),
		arts: make(map[string]map[string]*Article, len(instruments)),
	}
	var errs errcap.List[error]
	for i := range instruments {
		p := &instruments[i]
		if check {
			in := p.clone()
			if !checkInto(&in, &errs) {
				continue
			}
			p = &in
		}
		if _, dup := r.byID[p.ID]; dup {
			errs.Add(fmt.Errorf("%w: instrument %s appears twice", ErrInvalidData, p.ID))
			continue
		}
		r.byID[p.ID] = p
		r.list = append(r.list, p)
		am := make(map[string]*Article, len(p.Articles))
		for j := range p.Articles {
			am[p.Articles[j].Number] = &p.Articles[j]
		}
		r.arts[p.ID] = am
	}
	for _, in := range r.list {
		for _, s := range in.Supersedes {
			if _, ok := r.byID[s]; !ok {
				errs.Add(fmt.Errorf("%w: %s supersedes %q, which is not in the registry", ErrInvalidData, in.ID, s))
			}
		}
	}
	if err := joinCapped(&errs); err != nil {
		return nil, err
	}
	slices.SortFunc(r.list, func(a, b *Instrument) int { return strings.Compare(a.ID, b.ID) })
	return r, nil
}

// joinCapped joins the errors of a capped list, the last saying how many
// more there were, or returns nil.
func joinCapped(l *errcap.List[error]) error {
	errs, n := l.Result()
	if n > 0 {
		errs = append(errs, fmt.Errorf("%w: and %d more problems", ErrInvalidData, n))
	}
	return errors.Join(errs...)
}

func checkInstrument(in *Instrument) error {
	var errs errcap.List[error]
	checkInto(in, &errs)
	return joinCapped(&errs)
}

// checkInto adds the problems of in to errs, at most errcap.Max in all,
// and reports whether there were none.
func checkInto(in *Instrument, errs *errcap.List[error]) bool {
	n := errs.Len()
	bad := func(format string, args ...any) {
		errs.AddFunc(func() error {
			return fmt.Errorf("%w: instrument %q: %s", ErrInvalidData, in.ID, fmt.Sprintf(format, args...))
		})
	}
	if !validID(in.ID) {
		bad("id must be upper-case letters, digits and inner hyphens")
	}
	if !in.Jurisdiction.Valid() {
		bad("jurisdiction %q is not a two-letter upper-case code", string(in.Jurisdiction))
	}
	if !in.Kind.Valid() {
		bad("kind is not set")
	}
	if strings.TrimSpace(in.Title) == "" || strings.TrimSpace(in.TitleEN) == "" {
		bad("title and titleEn are required")
	}
	if in.Language == "" {
		bad("language is required")
	}
	if !in.ShortTitle.IsZero() || in.ShortTitle.Format != "" || len(in.ShortTitle.Args) > 0 {
		checkName(in.ShortTitle, "/shortTitle", func(p, _, value string, msg Message) {
			bad("%s: %s (%q)", p, msg.String(), value)
		})
	}
	if strings.TrimSpace(in.Issuer) == "" {
		bad("issuer is required")
	}
	if !in.Confidence.Valid() {
		bad("confidence is not set")
	}
	if !in.Issued.IsZero() && !in.Issued.Valid() {
		bad("issued date %v does not exist", in.Issued)
	}
	if !in.InForce.Valid() {
		bad("in-force period %v is not ordered", in.InForce)
	}
	if in.InForce.From.IsZero() && in.Note == "" {
		bad("in-force start is unknown but the note does not say why")
	}
	for _, s := range in.Supersedes {
		if s == in.ID {
			bad("supersedes itself")
		}
	}
	seen := make(map[string]bool, len(in.Articles))
	for _, a := range in.Articles {
		switch {
		case !validArticleNumber(a.Number):
			bad("article number %q is not letters, digits, dots and inner hyphens", a.Number)
		case seen[a.Number]:
			bad("article %q appears twice", a.Number)
		case !a.Effect.Valid():
			bad("article %s: effect is not set (want obligations, none or unknown)", a.Number)
		case !a.Confidence.Valid():
			bad("article %s: confidence is not set", a.Number)
		case a.Effect == EffectUnknown && a.Note == "":
			bad("article %s: effect is unknown but the note does not say why", a.Number)
		}
		seen[a.Number] = true
	}
	checkExtent(in, bad)
	return errs.Len() == n
}

// checkExtent reports the problems of in's extent, if it states one. It
// takes time linear in the number of units and articles.
func checkExtent(in *Instrument, bad func(format string, args ...any)) {
	e := in.Extent
	if e.IsZero() {
		return
	}
	switch {
	case e.Articles < 0 || e.Articles > MaxInstrumentListLen:
		bad("extent: articles is %d; want 0 to %d", e.Articles, MaxInstrumentListLen)
		return
	case e.Articles == 0 && len(e.Other) == 0:
		bad("extent lists no units: give the number of articles or the other units")
	}
	numbered := Extent{Articles: e.Articles}
	other := make(map[string]bool, len(e.Other))
	for _, u := range e.Other {
		switch {
		case !validArticleNumber(u):
			bad("extent: other unit %q is not letters, digits, dots and inner hyphens, or \"Annex \" and such", u)
		case other[u]:
			bad("extent: other unit %q appears twice", u)
		case numbered.has(u):
			bad("extent: other unit %q is already one of the articles 1 to %d", u, e.Articles)
		}
		other[u] = true
	}
	if !e.Confidence.Valid() {
		bad("extent: confidence is not set")
	} else if e.Confidence != Verified && strings.TrimSpace(e.Note) == "" {
		bad("extent: confidence is %s but the note does not say what is not verified", e.Confidence)
	}
	if !e.Complete && strings.TrimSpace(e.Note) == "" {
		bad("extent is not complete but the note does not say what is missing")
	}
	for _, a := range in.Articles {
		if !numbered.has(a.Number) && !other[a.Number] {
			bad("article %s is not one of the units of the extent (articles 1 to %d and %d other units): correct the number or the extent", a.Number, e.Articles, len(e.Other))
		}
	}
}

// Len returns the number of instruments in r.
func (r *Registry) Len() int { return len(r.list) }

// Lookup returns a copy of the instrument with the given ID, or an error
// wrapping [ErrUnknownInstrument].
func (r *Registry) Lookup(id string) (Instrument, error) {
	in, ok := r.byID[id]
	if !ok {
		return Instrument{}, fmt.Errorf("%w %q", ErrUnknownInstrument, id)
	}
	return in.clone(), nil
}

// PeriodOf returns the period in which the instrument with the given ID is
// in force, as Lookup(id).InForce does, but without copying the
// instrument's articles: engines that bound their rules by an
// instrument's period call it once per rule.
func (r *Registry) PeriodOf(id string) (Period, error) {
	in, ok := r.byID[id]
	if !ok {
		return Period{}, fmt.Errorf("%w %q", ErrUnknownInstrument, id)
	}
	return in.InForce, nil
}

// Instruments returns copies of all instruments, sorted by ID.
func (r *Registry) Instruments() []Instrument {
	out := make([]Instrument, len(r.list))
	for i, in := range r.list {
		out[i] = in.clone()
	}
	return out
}

// InForce returns the instruments in force on d, restricted to the given
// jurisdictions when any are given, sorted by ID. Instruments whose start
// date is unknown are never included.
func (r *Registry) InForce(d Date, js ...Jurisdiction) []Instrument {
	var out []Instrument
	for _, in := range r.list {
		if in.InForce.Contains(d) && (len(js) == 0 || slices.Contains(js, in.Jurisdiction)) {
			out = append(out, in.clone())
		}
	}
	return out
}

// Resolve checks that c names an instrument in r and, if it names an
// article, that the instrument has that article. The error wraps
// [ErrInvalidCitation], [ErrUnknownInstrument] or [ErrUnknownArticle].
func (r *Registry) Resolve(c Citation) error {
	if err := c.checkSyntax(); err != nil {
		return err
	}
	arts, ok := r.arts[c.Instrument]
	if !ok {
		return fmt.Errorf("%w %q", ErrUnknownInstrument, c.Instrument)
	}
	if c.Article != "" && arts[c.Article] == nil {
		return fmt.Errorf("%w %q in %s", ErrUnknownArticle, c.Article, c.Instrument)
	}
	return nil
}

// Article returns the article a citation points to. A citation of a whole
// instrument is an error wrapping [ErrUnknownArticle].
func (r *Registry) Article(c Citation) (Article, error) {
	if err := r.Resolve(c); err != nil {
		return Article{}, err
	}
	if c.Article == "" {
		return Article{}, fmt.Errorf("%w: citation %q names no article", ErrUnknownArticle, c)
	}
	return *r.arts[c.Instrument][c.Article], nil
}

// Confidence returns the confidence of what a citation points to: the
// article's confidence, or the instrument's for a whole-instrument
// citation. An unresolvable citation gives [ConfidenceUnknown].
func (r *Registry) Confidence(c Citation) Confidence {
	if r.Resolve(c) != nil {
		return ConfidenceUnknown
	}
	if c.Article == "" {
		return r.byID[c.Instrument].Confidence
	}
	return r.arts[c.Instrument][c.Article].Confidence
}

// packFS is the files of one embedded pack: those the root package embeds
// (core), and those package law embeds, under the pack's folder dir, when
// a program links it ([lawfs.Extra]). A file of the second kind is missing
// from a program that imports neither obligations, contracts nor package
// law, and [Pack.ReadFile] then returns no data for it.
type packFS struct {
	core fs.FS
	dir  string
}

// Open implements [fs.FS].
func (p packFS) Open(name string) (fs.File, error) {
	f, err := p.core.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return f, err
	}
	if x := lawfs.Extra(); x != nil {
		if g, xerr := x.Open(p.dir + "/" + name); xerr == nil {
			return g, nil
		}
	}
	return nil, err
}
