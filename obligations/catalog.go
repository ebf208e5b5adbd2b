package obligations

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// A Duty is one thing an institution must do, with where it comes from and
// when it applies. Duties are data: the embedded catalog holds them and
// users may load their own (see [LoadCatalog]).
type Duty struct {
	// ID is stable across releases, e.g. "CN-MLPS-FILING-30D".
	ID           string              `json:"id"`
	Jurisdiction medsec.Jurisdiction `json:"jurisdiction"`
	// Party is who must act.
	Party Party `json:"party"`
	// Citations are the provisions the duty comes from; each resolves in
	// the instrument registry and none cites an article whose effect is
	// "none".
	Citations []medsec.Citation `json:"citations"`
	// Basis are provisions the duty relies on without being created by
	// them: definitions, scope and criteria (e.g. PIPL art. 28: health
	// data is sensitive personal information).
	Basis []medsec.Citation `json:"basis,omitempty"`
	// Confidence is how well the duty's content, deadline and citation
	// are established; Note explains anything less than verified.
	Confidence medsec.Confidence `json:"confidence"`
	Note       string            `json:"note,omitempty"`
	// Title and Description are translatable texts without arguments.
	Title       medsec.Message `json:"title"`
	Description medsec.Message `json:"description"`
	Applies     Applicability  `json:"applies"`
	Recurrence  Recurrence     `json:"recurrence"`
	// RetainMonths, when set, is how long records made under the duty
	// must be kept, in calendar months (see [Duty.RetainUntil]).
	RetainMonths int `json:"retainMonths,omitempty"`
	// Evidence lists typical proof that the duty is met.
	Evidence []medsec.Message `json:"evidence,omitempty"`
	// Roles lists the posts the duty needs filled.
	Roles []Role `json:"roles,omitempty"`
	// AlternativeTo names another duty that states the same obligation
	// under a different reading (e.g. the 30-day and the 10-working-day
	// MLPS filing deadline). Both are reported, and evidence recorded for
	// either counts for both (under the stricter reading it may be late);
	// exclude the one you do not follow with [Options.Exclude].
	AlternativeTo string `json:"alternativeTo,omitempty"`
	// InForce limits the duty to a period; when zero, the period of the
	// first citation's instrument applies.
	InForce medsec.Period `json:"inForce"`
}

// RetainUntil returns the first day on which a record made on the day
// made may be discarded under the duty's retention period, or the zero
// Date if the duty sets none. The retention period is RetainMonths
// calendar months, not a number of days, counted as a legal period
// ([medsec.Span]): it starts the day after made and ends on the
// corresponding day of the last month (or that month's last day), and the
// record is kept through that day. A log written on 2026-08-31 under six
// months of retention is kept through 2027-02-28 and may go on 2027-03-01.
func (d *Duty) RetainUntil(made medsec.Date) medsec.Date {
	last := medsec.Span{N: d.RetainMonths, Unit: medsec.Months}.LastDay(made)
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
	Scope  Scope          `json:"scope"`
	Scheme grading.Scheme `json:"scheme,omitempty"`
	// MinLevel and MaxLevel bound the system level (0 = no bound).
	MinLevel int `json:"minLevel,omitempty"`
	MaxLevel int `json:"maxLevel,omitempty"`
	// EntityClasses (NIS2) and CZRegimes (Czech act) list the classes the
	// duty applies to; empty means any.
	EntityClasses []grading.EntityClass `json:"entityClasses,omitempty"`
	CZRegimes     []grading.CZRegime    `json:"czRegimes,omitempty"`
	// Flags must all be set (on the system or the institution); NotFlags
	// must all be unset.
	Flags    []Flag `json:"flags,omitempty"`
	NotFlags []Flag `json:"notFlags,omitempty"`
	// Incident restricts incident-triggered duties to some incidents.
	Incident IncidentCondition `json:"incident,omitempty"`
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

// A Catalog is an immutable, validated set of duties with indexes for fast
// evaluation. It is safe for concurrent use.
type Catalog struct {
	duties []*Duty // sorted by ID
	byID   map[string]int
	reg    *medsec.Registry
	// compiled facts, parallel to duties
	comp []compiled
	// index: for each jurisdiction, the duties of that jurisdiction
	byJur map[medsec.Jurisdiction][]int
}

type compiled struct {
	scheme   grading.Scheme
	min, max uint8
	flags    flagSet
	notFlags flagSet
	classes  uint8 // bit set of grading.EntityClass
	regimes  uint8 // bit set of grading.CZRegime
	period   medsec.Period
	alt      int // index of AlternativeTo, or -1
}

type catalogFile struct {
	Duties []Duty `json:"duties"`
}

//go:embed data/*.json
var catalogFiles embed.FS

var defaultCatalog = sync.OnceValues(loadEmbedded)

func loadEmbedded() (*Catalog, error) {
	names, err := fs.Glob(catalogFiles, "data/*.json")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var all []Duty
	for _, name := range names {
		b, err := catalogFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ds, err := decodeDuties(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(name), err)
		}
		all = append(all, ds...)
	}
	return NewCatalog(medsec.DefaultRegistry(), all...)
}

// DefaultCatalog returns the embedded catalog, loaded and checked on first
// use. It panics only if the embedded data is broken, which the package's
// tests rule out.
func DefaultCatalog() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		panic("obligations: embedded catalog: " + err.Error())
	}
	return c
}

// LoadCatalog reads a catalog file ({"duties": [...]}) strictly: unknown
// fields (also names in another letter case), duplicate keys (also keys
// that differ only in letter case), text that is not valid UTF-8 or holds
// a control character other than tab and line feed, a byte order mark,
// more than [MaxCatalogDuties] duties, trailing data and files over
// [MaxCatalogSize] are rejected, and every duty is checked against the
// registry reg (the default registry if nil). Problems come as
// [medsec.FieldErrors] wrapping [medsec.ErrInvalidData], at most 100, the
// last saying how many more there were. The result holds only the file's
// duties; use [Catalog.Merge] to combine it with the embedded catalog.
func LoadCatalog(r io.Reader, reg *medsec.Registry) (*Catalog, error) {
	ds, err := decodeDuties(r)
	if err != nil {
		return nil, err
	}
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	return NewCatalog(reg, ds...)
}

// catalogDecoder reads catalog files strictly.
var catalogDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: maxDutyList, Field: func(f reflect.StructField) strictjson.Limits {
		if f.Name == "Duties" {
			return strictjson.Limits{MaxItems: MaxCatalogDuties}
		}
		return strictjson.Limits{}
	}})
})

func decodeDuties(r io.Reader) ([]Duty, error) {
	data, tooLarge, err := strictjson.ReadAll(r, MaxCatalogSize)
	if err != nil {
		return nil, fmt.Errorf("obligations: reading catalog: %w", err)
	}
	if tooLarge {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", fielderr.TooLarge(MaxCatalogSize, medsec.ErrInvalidData))
	}
	var f catalogFile
	if errs := catalogDecoder().Unmarshal(data, &f); errs != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", fielderr.FromJSON(errs, medsec.ErrInvalidData))
	}
	return f.Duties, nil
}

// NewCatalog checks the duties against reg and builds a catalog. All
// problems are reported together as [medsec.FieldErrors] whose paths are
// "/duties/<id>/<field>"; each wraps [medsec.ErrInvalidData].
func NewCatalog(reg *medsec.Registry, duties ...Duty) (*Catalog, error) {
	if reg == nil {
		reg = medsec.DefaultRegistry()
	}
	c := &Catalog{byID: make(map[string]int, len(duties)), reg: reg, byJur: map[medsec.Jurisdiction][]int{}}
	var errs fielderr.List
	for i := range duties {
		d := cloneDuty(&duties[i])
		if !checkDuty(reg, d, &errs) {
			continue
		}
		if _, dup := c.byID[d.ID]; dup {
			errs.Add(dataErr(d.ID, "id", "unique", d.ID, msgErrDuplicate.New(d.ID)))
			continue
		}
		c.byID[d.ID] = len(c.duties)
		c.duties = append(c.duties, d)
	}
	keys := map[string]string{}
	for _, d := range c.duties {
		for i, m := range append([]medsec.Message{d.Title, d.Description}, d.Evidence...) {
			if f, ok := keys[m.Key]; ok && f != m.Format {
				errs.Add(dataErr(d.ID, fmt.Sprintf("messages/%d", i), "key-format", m.Key, msgErrKeyFormat.New(m.Key)))
			}
			keys[m.Key] = m.Format
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", e)
	}
	slices.SortFunc(c.duties, func(a, b *Duty) int { return strings.Compare(a.ID, b.ID) })
	for i, d := range c.duties {
		c.byID[d.ID] = i
	}
	c.comp = make([]compiled, len(c.duties))
	for i, d := range c.duties {
		cp := compiled{scheme: d.Applies.Scheme, min: uint8(d.Applies.MinLevel), max: uint8(d.Applies.MaxLevel),
			flags: flagsOf(d.Applies.Flags), notFlags: flagsOf(d.Applies.NotFlags), period: d.InForce, alt: -1}
		for _, ec := range d.Applies.EntityClasses {
			cp.classes |= 1 << ec
		}
		for _, r := range d.Applies.CZRegimes {
			cp.regimes |= 1 << r
		}
		if cp.period.From.IsZero() {
			in, _ := reg.Lookup(d.Citations[0].Instrument)
			cp.period = in.InForce
		}
		if d.AlternativeTo != "" {
			j, ok := c.byID[d.AlternativeTo]
			if !ok {
				errs.Add(dataErr(d.ID, "alternativeTo", "exists", d.AlternativeTo, msgErrAlternative.New(d.AlternativeTo)))
			}
			cp.alt = j
		}
		c.comp[i] = cp
		c.byJur[d.Jurisdiction] = append(c.byJur[d.Jurisdiction], i)
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid catalog: %w", e)
	}
	// Alternatives describe one act under two readings, so evidence for
	// either counts for both: link them both ways.
	for i := range c.comp {
		if j := c.comp[i].alt; j >= 0 && c.comp[j].alt < 0 {
			c.comp[j].alt = i
		}
	}
	return c, nil
}

func dataErr(id, field, rule, value string, m medsec.Message) *medsec.FieldError {
	return &medsec.FieldError{Path: "/duties/" + id + "/" + field, Rule: rule, Value: value, Message: m, Err: medsec.ErrInvalidData}
}

func validDutyID(s string) bool {
	if len(s) < 3 || len(s) > 64 || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') || c == '-' && s[i-1] == '-' {
			return false
		}
	}
	return true
}

func checkMessage(id, field string, m medsec.Message, errs *fielderr.List) {
	switch {
	case !strings.HasPrefix(m.Key, "obligations.") || strings.ToLower(m.Key) != m.Key || strings.ContainsAny(m.Key, " \t\n"):
		errs.Add(dataErr(id, field, "key", m.Key, msgErrKey.New(m.Key)))
	case strings.TrimSpace(m.Format) == "" || strings.Contains(strings.ReplaceAll(m.Format, "%%", ""), "%") || len(m.Args) > 0:
		errs.Add(dataErr(id, field, "format", m.Format, msgErrFormat.New(m.Key)))
	}
}

// checkDuty adds the problems of d to errs and reports whether there were
// none.
func checkDuty(reg *medsec.Registry, d *Duty, errs *fielderr.List) bool {
	n := errs.Len()
	id := d.ID
	add := func(field, rule, value string, m medsec.Message) {
		errs.Add(dataErr(id, field, rule, value, m))
	}
	if !validDutyID(id) {
		add("id", "syntax", id, msgErrID.New(id))
	}
	if _, ok := reg.Jurisdiction(d.Jurisdiction); !ok && !slices.Contains(reg.Jurisdictions(), d.Jurisdiction) {
		add("jurisdiction", "oneof", string(d.Jurisdiction), msgErrJurisdiction.New(string(d.Jurisdiction)))
	}
	if !d.Party.Valid() {
		add("party", "required", "", msgErrRequired.New("party"))
	}
	if !d.Confidence.Valid() {
		add("confidence", "required", "", msgErrRequired.New("confidence"))
	} else if d.Confidence != medsec.Verified && strings.TrimSpace(d.Note) == "" {
		add("note", "required", "", msgErrNote.New(d.Confidence.String()))
	}
	if len(d.Citations) == 0 {
		add("citations", "required", "", msgErrRequired.New("citations"))
	}
	// Citations are the longest lists: their errors are built only when
	// the error list has room.
	for i, ct := range d.Citations {
		if err := reg.Resolve(ct); err != nil {
			errs.AddFunc(func() *medsec.FieldError {
				return dataErr(id, fmt.Sprintf("citations/%d", i), "resolve", ct.String(), msgErrCitation.New(ct.String(), err.Error()))
			})
			continue
		}
		if ct.Article != "" {
			if a, _ := reg.Article(ct); a.Effect == medsec.EffectNone {
				errs.AddFunc(func() *medsec.FieldError {
					return dataErr(id, fmt.Sprintf("citations/%d", i), "effect", ct.String(), msgErrEffectNone.New(ct.String()))
				})
			}
		}
	}
	for i, ct := range d.Basis {
		if err := reg.Resolve(ct); err != nil {
			errs.AddFunc(func() *medsec.FieldError {
				return dataErr(id, fmt.Sprintf("basis/%d", i), "resolve", ct.String(), msgErrCitation.New(ct.String(), err.Error()))
			})
		}
	}
	checkMessage(id, "title", d.Title, errs)
	checkMessage(id, "description", d.Description, errs)
	for i, m := range d.Evidence {
		checkMessage(id, fmt.Sprintf("evidence/%d", i), m, errs)
	}
	a := d.Applies
	if !a.Scope.Valid() {
		add("applies/scope", "required", "", msgErrRequired.New("applies.scope"))
	}
	if a.Scheme != grading.SchemeUnknown && !a.Scheme.Valid() {
		add("applies/scheme", "oneof", a.Scheme.String(), msgErrRequired.New("applies.scheme"))
	}
	levelled := a.Scheme == grading.SchemeMLPS || a.Scheme == grading.SchemeVN
	if a.MinLevel < 0 || a.MinLevel > 5 || a.MaxLevel < 0 || a.MaxLevel > 5 ||
		(a.MaxLevel > 0 && a.MinLevel > a.MaxLevel) || (!levelled && (a.MinLevel > 0 || a.MaxLevel > 0)) {
		add("applies/minLevel", "range", fmt.Sprint(a.MinLevel, "-", a.MaxLevel), msgErrLevels.New())
	}
	if a.Scope == ScopeSystem && !levelled {
		add("applies/scheme", "system-scope", a.Scheme.String(), msgErrSystemScope.New())
	}
	if a.Scheme.Valid() && a.Scheme.Jurisdiction() != d.Jurisdiction && !(a.Scheme == grading.SchemeNIS2 && d.Jurisdiction == medsec.CZ) {
		add("applies/scheme", "jurisdiction", a.Scheme.String(), msgErrSchemeJurisdiction.New(a.Scheme.String(), string(d.Jurisdiction)))
	}
	for _, ec := range a.EntityClasses {
		if !ec.Valid() {
			add("applies/entityClasses", "oneof", ec.String(), msgErrRequired.New("applies.entityClasses"))
		}
	}
	for _, r := range a.CZRegimes {
		if !r.Valid() {
			add("applies/czRegimes", "oneof", r.String(), msgErrRequired.New("applies.czRegimes"))
		}
	}
	for _, f := range append(slices.Clone(a.Flags), a.NotFlags...) {
		if !f.Valid() {
			add("applies/flags", "oneof", f.String(), msgErrRequired.New("applies.flags"))
		}
	}
	if a.Incident >= incidentConditionCount || (a.Incident != IncidentAny && !d.Recurrence.Trigger.isIncident()) {
		add("applies/incident", "trigger", a.Incident.String(), msgErrIncident.New())
	}
	if err := d.Recurrence.check(); err != nil {
		add("recurrence", "shape", d.Recurrence.Kind.String(), msgErrRecurrence.New(err.Error()))
	}
	if d.Recurrence.Trigger.isIncident() && a.Scope != ScopeInstitution {
		add("applies/scope", "incident", a.Scope.String(), msgErrIncidentScope.New())
	}
	if d.RetainMonths < 0 || d.RetainMonths > 1200 {
		add("retainMonths", "range", fmt.Sprint(d.RetainMonths), msgErrLevels.New())
	}
	for _, r := range d.Roles {
		if !r.Valid() {
			add("roles", "oneof", r.String(), msgErrRequired.New("roles"))
		}
	}
	if !d.InForce.Valid() {
		add("inForce", "ordered", d.InForce.String(), msgErrPeriod.New())
	}
	if d.AlternativeTo == d.ID && d.ID != "" {
		add("alternativeTo", "self", d.ID, msgErrAlternative.New(d.ID))
	}
	return errs.Len() == n
}

func cloneDuty(d *Duty) *Duty {
	c := *d
	c.Citations = slices.Clone(d.Citations)
	c.Basis = slices.Clone(d.Basis)
	c.Evidence = slices.Clone(d.Evidence)
	c.Roles = slices.Clone(d.Roles)
	c.Applies.EntityClasses = slices.Clone(d.Applies.EntityClasses)
	c.Applies.CZRegimes = slices.Clone(d.Applies.CZRegimes)
	c.Applies.Flags = slices.Clone(d.Applies.Flags)
	c.Applies.NotFlags = slices.Clone(d.Applies.NotFlags)
	return &c
}

// Merge returns a new catalog holding the duties of c and others; nil
// catalogs add nothing. A duty ID that appears twice is an error; every
// duty is re-checked against c's registry.
func (c *Catalog) Merge(others ...*Catalog) (*Catalog, error) {
	var all []Duty
	for _, cat := range append([]*Catalog{c}, others...) {
		if cat == nil {
			continue
		}
		for _, d := range cat.duties {
			all = append(all, *d)
		}
	}
	return NewCatalog(c.registry(), all...)
}

// Len returns the number of duties.
func (c *Catalog) Len() int { return len(c.duties) }

// Duties returns copies of the duties, sorted by ID.
func (c *Catalog) Duties() []Duty {
	out := make([]Duty, len(c.duties))
	for i, d := range c.duties {
		out[i] = *cloneDuty(d)
	}
	return out
}

// Duty returns a copy of the duty with the given ID.
func (c *Catalog) Duty(id string) (Duty, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Duty{}, false
	}
	return *cloneDuty(c.duties[i]), true
}

// Registry returns the registry the catalog's citations resolve in: the
// default registry for a zero Catalog.
func (c *Catalog) Registry() *medsec.Registry { return c.registry() }
