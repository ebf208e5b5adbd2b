package obligations

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/ident"
	"github.com/medsec-go/medsec/internal/strictjson"
	// The duties, roles, clause rules and mappings of the embedded packs.
	_ "github.com/medsec-go/medsec/law"
)

// A Duty is one thing an institution must do, with where it comes from and
// when it applies. Duties are data: each pack of a registry states its own
// in duties.json (see the package documentation), and users may load
// their own (see [LoadCatalog]).
//
// A duty that reports an incident (Recurrence kind [FromIncidentRule])
// takes its jurisdiction, title, citations, confidence, note, in-force
// period, deadline and the incidents and entities it binds from the
// incident rule with the same ID ([medsec.Registry.IncidentRule]). Its
// data leaves those fields out; where it gives one anyway, the value must
// be the rule's. The duty keeps what the rule does not state: the party,
// the description, the evidence, the roles and any further condition on
// the institution (for example a graded system). The duties of a
// [Catalog] have these fields filled in from the rule.
type Duty struct {
	// ID is stable across releases, e.g. "XA-FILING-30D".
	ID string `json:"id"`
	// Jurisdiction is the legal order the duty belongs to; it binds the
	// institutions subject to it.
	Jurisdiction medsec.Jurisdiction `json:"jurisdiction,omitempty"`
	// Party is who must act.
	Party Party `json:"party"`
	// Citations are the provisions the duty comes from; each resolves in
	// the registry and none cites an article whose effect is "none".
	Citations []medsec.Citation `json:"citations,omitempty"`
	// Basis are provisions the duty relies on without being created by
	// them: definitions, scope and criteria (e.g. PIPL art. 28: health
	// data is sensitive personal information).
	Basis []medsec.Citation `json:"basis,omitempty"`
	// Confidence is how well the duty's content, deadline and citation
	// are established; Note explains anything less than verified.
	Confidence medsec.Confidence `json:"confidence,omitempty"`
	Note       string            `json:"note,omitempty"`
	// Title and Description are translatable texts without arguments.
	Title       medsec.Message `json:"title,omitzero"`
	Description medsec.Message `json:"description"`
	// Applies says to whom the duty applies.
	Applies Applicability `json:"applies"`
	// Recurrence says when the duty falls due.
	Recurrence Recurrence `json:"recurrence"`
	// RetainFor, when set, is how long records made under the duty must
	// be kept: a legal period in days, months or years, counted as the law
	// counts it (see [Duty.RetainUntil]). Six months are six calendar
	// months, not 180 days; 30 days are 30 days, not a month. In JSON it
	// is a period object, e.g. "retainFor": {"months": 18}.
	RetainFor medsec.Span `json:"retainFor,omitzero"`
	// Evidence lists typical proof that the duty is met.
	Evidence []medsec.Message `json:"evidence,omitempty"`
	// Roles lists the posts the duty needs filled; each is declared by a
	// pack's roles.json.
	Roles []Role `json:"roles,omitempty"`
	// AlternativeTo names another duty that states the same obligation
	// under a different reading (e.g. the 30-day and the 10-working-day
	// MLPS filing deadline). Both are reported, and evidence recorded for
	// either counts for both (under the stricter reading it may be late);
	// exclude the one you do not follow with [Options.Exclude].
	AlternativeTo string `json:"alternativeTo,omitempty"`
	// InForce limits the duty to a period; when zero, the period of the
	// first citation's instrument applies.
	InForce medsec.Period `json:"inForce,omitzero"`
}

// RetainUntil returns the first day on which a record made on the day
// made may be discarded under the duty's retention period, or the zero
// Date if the duty sets none. The retention period RetainFor is counted
// as a legal period ([medsec.Span]): it starts the day after made and ends
// on its last day, through which the record is kept. Months end on the
// corresponding day of the last month (or that month's last day): a log
// written on 2026-08-31 under six months of retention is kept through
// 2027-02-28 and may go on 2027-03-01. Days are calendar days: monitoring
// data written on 2026-02-01 under 30 days is kept through 2026-03-03.
func (d *Duty) RetainUntil(made medsec.Date) medsec.Date {
	if d == nil {
		return medsec.Date{}
	}
	last := d.RetainFor.LastDay(made)
	if last.IsZero() {
		return medsec.Date{}
	}
	return last.AddDays(1)
}

// Applicability says to whom a duty applies. All stated conditions must
// hold. Level bounds use the scheme's levels: MLPS 1-5 or Vietnam 1-5.
// For an institution-scope duty with a level scheme, the duty applies when
// any system of the institution is graded within the bounds.
type Applicability struct {
	// Scope says whether the duty binds the institution once or each
	// matching system.
	Scope Scope `json:"scope"`
	// Scheme is a levelled grading scheme, cn-mlps or vn-levels, of the
	// duty's jurisdiction.
	Scheme grading.Scheme `json:"scheme,omitempty"`
	// MinLevel and MaxLevel bound the system level (0 = no bound).
	MinLevel int `json:"minLevel,omitempty"`
	MaxLevel int `json:"maxLevel,omitempty"`
	// EntityClasses (NIS2) and CZRegimes (Czech act) list the classes the
	// duty applies to; empty means any.
	EntityClasses []grading.EntityClass `json:"entityClasses,omitempty"`
	CZRegimes     []grading.CZRegime    `json:"czRegimes,omitempty"`
	// Flags must all be set (on the system or the institution); NotFlags
	// must all be unset. Each is declared by a pack of the registry.
	Flags    []medsec.Flag `json:"flags,omitempty"`
	NotFlags []medsec.Flag `json:"notFlags,omitempty"`
}

// MaxCatalogSize bounds the size of a catalog file that [LoadCatalog]
// reads.
const MaxCatalogSize = 4 << 20

// MaxCatalogDuties bounds the duties of one catalog file. The embedded
// catalog has about a hundred duties for four legal orders; no law asks a
// health institution for thousands. Every other list of a duty (citations,
// basis, evidence, roles, flags, classes, regimes) holds at most 20
// entries; the embedded duties have at most seven.
const MaxCatalogDuties = 2000

const maxDutyList = 20

// The name of the duties file of a pack.
const dutiesFile = "duties.json"

// A Catalog is an immutable, validated set of duties, with the roles and
// role rules of its registry's packs. It is safe for concurrent use. The
// zero Catalog holds nothing and uses the default registry.
type Catalog struct {
	reg      *medsec.Registry
	entries  []*entry // sorted by duty ID
	byID     map[string]*entry
	roles    roleSet
	mappings *Mappings // the mappings of the registry's packs; nil for none
}

// An entry is a duty of a catalog with what evaluation needs to know
// about it.
type entry struct {
	duty *Duty
	// rule is the incident rule of a FromIncidentRule duty.
	rule *medsec.IncidentRule
	// period is the period in which the duty binds.
	period medsec.Period
	// jurName is the registry's name of the legal order of the duty's
	// jurisdiction ("Chinese law"), and
	// flagNames those of duty.Applies.Flags.
	jurName   medsec.Message
	flagNames []medsec.Message
	// alt is the entry of AlternativeTo, linked both ways.
	alt *entry
	// occasional says that the duty's trigger is an occasional event
	// ([medsec.EventInfo.Occasional]): without its date the duty waits.
	occasional bool
	// js holds the JSON of what every report item of the duty repeats,
	// made on the first report written (see entry.json).
	js *entryJSON
	// pack is the ID of the pack the duty belongs to (see Catalog.PackOf).
	pack string
}

// catalogFile is the JSON form of a catalog file. The strict decoder
// makes the list of duties as long as the file's, at once.
type catalogFile struct {
	Duties []Duty `json:"duties"`
}

var defaultCatalog = sync.OnceValues(func() (*Catalog, error) { return catalogFor(medsec.DefaultRegistry()) })

// DefaultCatalog returns the catalog of the default registry
// ([medsec.DefaultRegistry]): the duties, roles and role rules of
// medsec's embedded packs, loaded and checked on first use. It panics only
// if the embedded data is broken, which the package's tests rule out.
func DefaultCatalog() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		panic("obligations: embedded catalog: " + err.Error())
	}
	return c
}

// CatalogFor returns the catalog of reg (the default registry if nil): the
// duties of every pack's duties.json and the roles and role rules of
// every pack's roles.json. Besides what [NewCatalog] checks, every
// incident rule of reg ([medsec.Registry.IncidentRules]) must have a duty
// that reports under it. Problems come as [medsec.FieldErrors] wrapping
// [medsec.ErrInvalidData], each with the pack file (File, e.g.
// "cz/duties.json") and a JSON Pointer into it; at most 100, the last
// saying how many more there were.
//
// A pack of your own, added with [medsec.Registry.With], takes part with
// no code: its duties, roles and rules are read like the embedded ones.
func CatalogFor(reg *medsec.Registry) (*Catalog, error) {
	if reg == nil || reg == medsec.DefaultRegistry() {
		return defaultCatalog()
	}
	return catalogFor(reg)
}

func catalogFor(reg *medsec.Registry) (*Catalog, error) {
	var all []sourced
	var errs fielderr.List
	// One buffer serves the duties and mappings files of every pack, each
	// decoded before the next is read: made once, to hold the largest.
	buf := make([]byte, 0, largestFile(reg, dutiesFile, mappingsFile))
	for _, p := range reg.Packs() {
		b, err := p.AppendFile(buf[:0], dutiesFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("obligations: %w", err)
		}
		buf = b
		file := p.Where(dutiesFile)
		ds, err := unmarshalDuties(b)
		if err != nil {
			addFile(&errs, err, file)
			continue
		}
		// The decoded duties belong to the catalog: it keeps them
		// without copying.
		all = slices.Grow(all, len(ds))
		for i := range ds {
			all = append(all, sourced{d: &ds[i], file: file, pack: p.ID(), index: i})
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", e)
	}
	c, err := build(reg, all)
	if err != nil {
		return nil, err
	}
	if err := c.checkRulesHaveDuties(); err != nil {
		return nil, err
	}
	// The buffer of the duties files serves the mappings files too.
	if c.mappings, err = packMappings(c, buf); err != nil {
		return nil, err
	}
	return c, nil
}

// largestFile returns room for the largest of the named files of reg's
// packs: its size, and a byte more, which [medsec.Pack.AppendFile] wants
// free to see the end of the file. Files it cannot stat count for
// nothing; reading them grows the buffer.
func largestFile(reg *medsec.Registry, names ...string) int {
	n := 0
	for _, p := range reg.Packs() {
		fsys := p.FS()
		if fsys == nil {
			continue // a zero Pack has no files
		}
		for _, name := range names {
			if fi, err := fs.Stat(fsys, name); err == nil && fi.Mode().IsRegular() {
				n = max(n, int(min(fi.Size(), medsec.MaxDataFileSize)))
			}
		}
	}
	return n + 1
}

// addFile adds the field errors of err to errs with their File set.
func addFile(errs *fielderr.List, err error, file string) {
	var fes medsec.FieldErrors
	if !errors.As(err, &fes) {
		errs.Add(&medsec.FieldError{File: file, Rule: "read", Message: msgErrRead.New(err.Error()), Err: medsec.ErrInvalidData})
		return
	}
	for _, fe := range fes {
		fe.File = file
		errs.Add(fe)
	}
}

// checkRulesHaveDuties reports the incident rules of c's registry that no
// duty of c reports under.
func (c *Catalog) checkRulesHaveDuties() error {
	missing := false
	for _, r := range c.reg.IncidentRules("", medsec.Date{}) {
		if e := c.byID[r.ID]; e == nil || e.rule == nil {
			missing = true
			break
		}
	}
	if !missing {
		return nil
	}
	// Read the packs' files again to say where each rule without a duty is.
	var errs fielderr.List
	for _, p := range c.reg.Packs() {
		b, err := p.ReadFile("incidents.json")
		if err != nil || b == nil {
			continue // the registry has read the file already
		}
		// The registry has checked the file strictly; only the IDs are
		// needed here, to say where a rule without a duty is.
		var f struct {
			Rules []struct {
				ID string `json:"id"`
			} `json:"rules"`
		}
		if err := json.Unmarshal(b, &f); err != nil {
			continue
		}
		for i, r := range f.Rules {
			if e := c.byID[r.ID]; e == nil || e.rule == nil {
				errs.Add(&medsec.FieldError{File: p.Where("incidents.json"), Path: fmt.Sprintf("/rules/%d/id", i), Rule: "duty",
					Value: r.ID, Message: msgErrRuleNoDuty.New(r.ID), Err: medsec.ErrInvalidData})
			}
		}
	}
	if e := errs.Errors(); e != nil {
		return fmt.Errorf("obligations: invalid catalog: %w", e)
	}
	return nil
}

// LoadCatalog reads a catalog file ({"duties": [...]}) strictly: unknown
// fields (also names in another letter case), duplicate keys (also keys
// that differ only in letter case), text that is not valid UTF-8 or holds
// a control character other than tab and line feed, a byte order mark,
// more than [MaxCatalogDuties] duties, trailing data and files over
// [MaxCatalogSize] are rejected, and every duty is checked against the
// registry reg (the default registry if nil) as [NewCatalog] does.
// Problems come as [medsec.FieldErrors] wrapping [medsec.ErrInvalidData],
// at most 100, the last saying how many more there were. The result holds
// only the file's duties, with the roles and role rules of reg; use
// [Catalog.Merge] to combine it with another catalog of the same
// registry, or put the file in a pack of your own (see [CatalogFor]).
func LoadCatalog(r io.Reader, reg *medsec.Registry) (*Catalog, error) {
	ds, err := decodeDuties(r)
	if err != nil {
		return nil, err
	}
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	src := make([]sourced, len(ds))
	for i := range ds {
		src[i] = sourced{d: &ds[i], index: i}
	}
	return build(reg, src)
}

// catalogDecoder reads catalog files strictly.
var catalogDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: maxDutyList, Field: func(_ reflect.Type, f reflect.StructField) strictjson.Limits {
		if f.Name == "Duties" {
			return strictjson.Limits{MaxItems: MaxCatalogDuties}
		}
		return strictjson.Limits{}
	}, TextError: fielderr.TextError})
})

func decodeDuties(r io.Reader) ([]Duty, error) {
	if r == nil {
		return nil, fmt.Errorf("obligations: reading catalog: %w: the io.Reader is nil", medsec.ErrInvalidInput)
	}
	data, tooLarge, err := strictjson.ReadAll(r, MaxCatalogSize)
	if err != nil {
		return nil, fmt.Errorf("obligations: reading catalog: %w", err)
	}
	if tooLarge {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", fielderr.TooLarge(MaxCatalogSize, medsec.ErrInvalidData))
	}
	return unmarshalDuties(data)
}

// unmarshalDuties decodes a catalog file held in data.
func unmarshalDuties(data []byte) ([]Duty, error) {
	var f catalogFile
	if errs := catalogDecoder().Unmarshal(data, &f); errs != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", fielderr.FromJSON(errs, medsec.ErrInvalidData))
	}
	return f.Duties, nil
}

// NewCatalog checks the duties against reg (the default registry if nil)
// and builds a catalog of them, with the roles and role rules of reg's
// packs. All problems are reported together as [medsec.FieldErrors]
// wrapping [medsec.ErrInvalidData], with JSON Pointers into the JSON form
// {"duties": [...]} of the list ("/duties/3/citations/0"). A duty is
// checked for:
//
//   - an ID of 3-64 upper-case letters, digits and single inner hyphens,
//     unique in the catalog;
//   - a jurisdiction the registry declares, a party, a confidence (and a
//     note when less than verified), citations that resolve and cite no
//     article whose effect is "none", and a basis that resolves;
//   - messages: a key of lower-case words of letters, digits, hyphens and
//     underscores joined by dots (e.g. "fn.backup.title"), none of the
//     package's own keys ([MessageTemplates]), one English format per key
//     across the catalog and its registry, a non-empty format without
//     arguments;
//   - an applicability and a recurrence that fit together: flags, events
//     and roles that the registry's packs declare, level bounds only with
//     a levelled scheme of the duty's jurisdiction, a level scheme for
//     system scope, institution scope for incident reporting;
//   - for a duty of kind [FromIncidentRule], an incident rule of the
//     registry with the duty's ID, whose fields it repeats only with the
//     rule's values (see [Duty]).
func NewCatalog(reg *medsec.Registry, duties ...Duty) (*Catalog, error) {
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	src := make([]sourced, len(duties))
	for i := range duties {
		// The catalog keeps copies: the caller may change its duties.
		d := cloneDuty(&duties[i])
		src[i] = sourced{d: &d, index: i}
	}
	return build(reg, src)
}

// sourced is a duty with where it comes from: the pack file (empty for
// Go values) and its index in the file's "duties" list, or in the
// arguments of NewCatalog. The catalog keeps d, which nobody else holds.
type sourced struct {
	d     *Duty
	file  string
	pack  string
	index int
}

// at returns the JSON Pointer of the duty's field (itself a pointer, or
// "" for the duty).
func (s *sourced) at(field string) string {
	return "/duties/" + strconv.Itoa(s.index) + field
}

// build checks the duties against reg and builds the catalog.
func build(reg *medsec.Registry, src []sourced) (*Catalog, error) {
	// One key checker serves the roles and the duties, so that duties
	// use the roles' keys with the same formats. Each duty has a title, a
	// description and its evidence texts.
	texts := 0
	for _, s := range src {
		texts += 2 + len(s.d.Evidence)
	}
	keys := newKeyChecker(reg, texts)
	roles, err := loadRoles(reg, keys)
	if err != nil {
		return nil, err
	}
	c := &Catalog{reg: reg, byID: make(map[string]*entry, len(src)), roles: roles}
	var errs fielderr.List
	from := make(map[*entry]*sourced, len(src))
	for i := range src {
		s := &src[i]
		e := &entry{duty: s.d}
		add := func(field, rule, value string, m medsec.Message) {
			errs.Add(&medsec.FieldError{File: s.file, Path: s.at(field), Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidData})
		}
		n := errs.Len()
		if e.duty.Recurrence.Kind == FromIncidentRule {
			e.rule = resolveIncident(reg, e.duty, add)
		}
		checkDuty(reg, &roles, e.duty, add)
		keys.check(e.duty.Title, "/title", add)
		keys.check(e.duty.Description, "/description", add)
		for i, m := range e.duty.Evidence {
			keys.check(m, fmt.Sprintf("/evidence/%d", i), add)
		}
		if errs.Len() > n {
			continue
		}
		if _, dup := c.byID[e.duty.ID]; dup {
			add("/id", "unique", e.duty.ID, msgErrDuplicate.New(e.duty.ID))
			continue
		}
		c.byID[e.duty.ID] = e
		c.entries = append(c.entries, e)
		from[e] = s
		e.pack = s.pack
	}
	for _, e := range c.entries {
		if id := e.duty.AlternativeTo; id != "" && c.byID[id] == nil {
			s := from[e]
			errs.Add(&medsec.FieldError{File: s.file, Path: s.at("/alternativeTo"), Rule: "exists", Value: id,
				Message: msgErrAlternative.New(id), Err: medsec.ErrInvalidData})
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", e)
	}
	slices.SortFunc(c.entries, func(a, b *entry) int { return strings.Compare(a.duty.ID, b.duty.ID) })
	for _, e := range c.entries {
		e.period = e.duty.InForce
		if e.period.From.IsZero() && e.rule == nil {
			if p, err := reg.PeriodOf(e.duty.Citations[0].Instrument); err == nil {
				e.period = p
			}
		}
		if info, ok := reg.Jurisdiction(e.duty.Jurisdiction); ok {
			e.jurName = info.LawMessage()
		} else {
			e.jurName = medsec.JurisdictionInfo{Code: e.duty.Jurisdiction, Name: e.duty.Jurisdiction.Message()}.LawMessage()
		}
		if e.pack == "" {
			e.pack = declaringPack(reg, e.duty.Jurisdiction)
		}
		for _, f := range e.duty.Applies.Flags {
			info, _ := reg.Flag(f)
			e.flagNames = append(e.flagNames, info.Name)
		}
		if t := e.duty.Recurrence.Trigger; t != "" {
			info, _ := reg.Event(t)
			e.occasional = info.Occasional
		}
		e.js = new(entryJSON)
		// Alternatives describe one act under two readings, so evidence
		// for either counts for both: link them both ways.
		if id := e.duty.AlternativeTo; id != "" {
			e.alt = c.byID[id]
			if e.alt.alt == nil {
				e.alt.alt = e
			}
		}
	}
	return c, nil
}

// clip shortens a value quoted in an error.
func clip(s string) string { return strictjson.Clip(s) }

// unknownDuty is the error of an evidence entry whose duty ID the catalog
// does not hold, naming the closest IDs it holds: those within a third of
// the ID's length in edit distance, or that start with the ID (such as a
// duty whose ID adds its deadline), at most three, closest first.
func (c *Catalog) unknownDuty(id string) medsec.Message {
	type near struct {
		id   string
		dist int
	}
	var ns []near
	if c != nil && len(id) <= 64 {
		limit := max(2, len(id)/3)
		for other := range c.byID {
			d := ident.Distance(strings.ToUpper(id), strings.ToUpper(other))
			if strings.HasPrefix(other, id+"-") {
				d = min(d, limit)
			}
			if d <= limit {
				ns = append(ns, near{other, d})
			}
		}
	}
	if len(ns) == 0 {
		return msgErrUnknownDuty.New(clip(id))
	}
	slices.SortFunc(ns, func(a, b near) int { return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(a.id, b.id)) })
	var ids []string
	for _, n := range ns[:min(3, len(ns))] {
		ids = append(ids, n.id)
	}
	return msgErrUnknownDutyNear.New(clip(id), strings.Join(ids, ", "))
}

func cloneDuty(d *Duty) Duty {
	c := *d
	c.Citations = slices.Clone(d.Citations)
	c.Basis = slices.Clone(d.Basis)
	c.Title.Args = slices.Clone(d.Title.Args)
	c.Description.Args = slices.Clone(d.Description.Args)
	c.Evidence = slices.Clone(d.Evidence)
	for i := range c.Evidence {
		c.Evidence[i].Args = slices.Clone(c.Evidence[i].Args)
	}
	c.Roles = slices.Clone(d.Roles)
	c.Applies.EntityClasses = slices.Clone(d.Applies.EntityClasses)
	c.Applies.CZRegimes = slices.Clone(d.Applies.CZRegimes)
	c.Applies.Flags = slices.Clone(d.Applies.Flags)
	c.Applies.NotFlags = slices.Clone(d.Applies.NotFlags)
	return c
}

// Merge returns a new catalog holding the duties of c and others; nil
// catalogs add nothing. Every duty is checked again against c's registry,
// whose roles and role rules the result has: catalogs loaded against
// another registry may fail there (a citation of an instrument c's
// registry lacks). A duty ID that appears twice is an error.
func (c *Catalog) Merge(others ...*Catalog) (*Catalog, error) {
	var all []Duty
	for _, cat := range append([]*Catalog{c}, others...) {
		if cat == nil {
			continue
		}
		for _, e := range cat.entries {
			all = append(all, *e.duty)
		}
	}
	return NewCatalog(c.Registry(), all...)
}

// Len returns the number of duties.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.entries)
}

// Duties returns copies of the duties, sorted by ID.
func (c *Catalog) Duties() []Duty {
	if c == nil {
		return nil
	}
	out := make([]Duty, len(c.entries))
	for i, e := range c.entries {
		out[i] = cloneDuty(e.duty)
	}
	return out
}

// Duty returns a copy of the duty with the given ID.
func (c *Catalog) Duty(id string) (Duty, bool) {
	if c == nil {
		return Duty{}, false
	}
	e, ok := c.byID[id]
	if !ok {
		return Duty{}, false
	}
	return cloneDuty(e.duty), true
}

// PackOf returns the ID of the pack a duty belongs to: the pack whose
// duties.json states it (or, for an incident-reporting duty, whose
// duties.json names its rule), or, for a duty given as a Go value, read
// with [LoadCatalog] or combined with [Catalog.Merge], the pack that
// declares its jurisdiction. It returns "" for an unknown duty.
func (c *Catalog) PackOf(dutyID string) string {
	if c == nil {
		return ""
	}
	if e, ok := c.byID[dutyID]; ok {
		return e.pack
	}
	return ""
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

// Registry returns the registry the catalog was built from: the default
// registry for a zero Catalog.
func (c *Catalog) Registry() *medsec.Registry {
	if c == nil || c.reg == nil {
		return medsec.DefaultRegistry()
	}
	return c.reg
}
