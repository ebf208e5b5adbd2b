package contracts

import (
	"cmp"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// phonePattern is an international phone number: "+", a country code not
// starting with 0, then digits optionally grouped by single spaces or
// hyphens; 7 to 15 digits in all (ITU-T E.164 length). The schema uses the
// same pattern.
const phonePattern = `^\+[1-9](?:[ -]?[0-9]){6,14}$`

// isPhone matches phonePattern without a regular expression (a test
// checks they agree).
func isPhone(s string) bool {
	if len(s) < 2 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	digits, sep := 1, false
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
			sep = false
		case (c == ' ' || c == '-') && !sep:
			sep = true
		default:
			return false
		}
	}
	return !sep && digits >= 7 && digits <= 15
}

// maxSystems bounds the systems of a contract's institution: the
// decoder's bound for every list (maxListItems), and what Validate accepts
// of a contract built in Go.
const maxSystems = maxListItems

// maxInstitutionName bounds the name of a contract's institution, in
// characters.
const maxInstitutionName = 300

// maxClauses and maxCitations are the bounds of Contract.Clauses and
// Clause.Citations in their validate tags (a test keeps them in step).
const (
	maxClauses   = 200
	maxCitations = 20
)

// validate is the package's one validator instance, configured once. It
// applies the struct tags and the struct-level rules of one clause, term
// or remediation list; the rules that span the contract, and those that
// need a registry, are Checker.validate's.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// A date is a struct to the validator; it sees "" for the zero date
	// (which fails required), the int dateOK for a date that exists, and
	// the date's text for one that does not (which fails the date tag and
	// shows in the error). No text stands for a valid date, so no field
	// value can pass for one. The date is read through a pointer where
	// the field is addressable (Validate passes a pointer), so that
	// checking it does not allocate.
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		var d medsec.Date
		if f.CanAddr() {
			d = *f.Addr().Interface().(*medsec.Date)
		} else {
			d = f.Interface().(medsec.Date)
		}
		switch {
		case d.IsZero():
			return ""
		case d.Valid():
			return dateOK
		}
		return d.String()
	}, medsec.Date{})
	must(v.RegisterValidation("valid", validTag))
	must(v.RegisterValidation("date", dateTag))
	must(v.RegisterValidation("phone", func(fl validator.FieldLevel) bool {
		return isPhone(fl.Field().String())
	}))
	v.RegisterStructValidation(termRules, Term{})
	v.RegisterStructValidation(clauseRules, Clause{})
	v.RegisterStructValidation(remediationRules, RemediationDays{})
	return v
})

func must(err error) {
	if err != nil {
		panic(err) // a tag registration error is a programming error
	}
}

// validTag accepts enums whose Valid method says yes.
func validTag(fl validator.FieldLevel) bool {
	v, ok := fl.Field().Interface().(interface{ Valid() bool })
	return ok && v.Valid()
}

// dateOK is what the validator sees of a date that exists.
const dateOK = 1

// dateTag accepts a date that exists (see the custom type function).
func dateTag(fl validator.FieldLevel) bool { return fl.Field().Kind() == reflect.Int }

// validate is Checker.Validate.
func (ch *Checker) validate(c *Contract) (err error) {
	if c == nil {
		return medsec.FieldErrors{fieldErr("", "required", "", msgValRequired.New())}
	}
	defer func() {
		if r := recover(); r != nil { // defensive: the validator must not take callers down
			err = medsec.FieldErrors{fieldErr("", "internal", "", msgValInternal.New())}
		}
	}()
	var out medsec.FieldErrors
	if verr := validate().Struct(c); verr != nil {
		var ves validator.ValidationErrors
		if !errors.As(verr, &ves) {
			return medsec.FieldErrors{fieldErr("", "internal", "", msgValInternal.New())}
		}
		for _, fe := range ves {
			out = append(out, toFieldError(fe))
		}
	}
	out = ch.contractRules(c, out)
	if len(out) == 0 {
		return nil
	}
	sortErrors(out)
	var list fielderr.List
	for _, e := range out {
		list.Add(e)
	}
	return list.Errors()
}

// sortErrors sorts field errors by path, stably, in O(n log n): each path
// is split into its segments once.
func sortErrors(es medsec.FieldErrors) {
	type keyed struct {
		key []pathSeg
		e   *medsec.FieldError
	}
	ks := make([]keyed, len(es))
	for i, e := range es {
		ks[i] = keyed{splitPath(e.Path), e}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return comparePaths(a.key, b.key) })
	for i := range ks {
		es[i] = ks[i].e
	}
}

// A pathSeg is one segment of a JSON Pointer; segments that are numbers
// compare as numbers.
type pathSeg struct {
	s     string
	n     int
	isNum bool
}

func splitPath(p string) []pathSeg {
	if p == "" {
		return nil
	}
	segs := make([]pathSeg, 0, strings.Count(p, "/"))
	for _, s := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		n, err := strconv.Atoi(s)
		segs = append(segs, pathSeg{s: s, n: n, isNum: err == nil})
	}
	return segs
}

// comparePaths orders JSON Pointers segment by segment, numbers
// numerically; a path comes before the paths below it.
func comparePaths(a, b []pathSeg) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		sa, sb := a[i], b[i]
		switch {
		case sa.s == sb.s:
			continue
		case sa.isNum && sb.isNum:
			return cmp.Compare(sa.n, sb.n)
		}
		return strings.Compare(sa.s, sb.s)
	}
	return cmp.Compare(len(a), len(b))
}

// pointer turns a validator namespace ("Contract.clauses[3].kind") into a
// JSON Pointer ("/clauses/3/kind").
func pointer(ns string) string {
	_, ns, _ = strings.Cut(ns, ".") // drop the root type name
	var b strings.Builder
	b.Grow(len(ns) + 4)
	for _, seg := range strings.Split(ns, ".") {
		for seg != "" {
			name, rest, ok := strings.Cut(seg, "[")
			if name != "" {
				b.WriteByte('/')
				b.WriteString(name)
			}
			if !ok {
				break
			}
			idx, after, _ := strings.Cut(rest, "]")
			b.WriteByte('/')
			b.WriteString(idx)
			seg = after
		}
	}
	return b.String()
}

// valueText renders the offending value of a validation error as text.
func valueText(v any) string {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return ""
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return ""
	}
	if rv.Kind() != reflect.String {
		if m, ok := rv.Interface().(encoding.TextMarshaler); ok {
			if b, err := m.MarshalText(); err == nil {
				return clip(b)
			}
		}
	}
	switch rv.Kind() {
	case reflect.String:
		return clip(rv.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10)
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool())
	case reflect.Slice, reflect.Array:
		return strconv.Itoa(rv.Len()) + " entries"
	}
	return ""
}

func toFieldError(fe validator.FieldError) *medsec.FieldError {
	path := pointer(fe.Namespace())
	tag, param := fe.Tag(), fe.Param()
	val := ""
	if tag != "required" {
		val = valueText(fe.Value())
	}
	n, _ := strconv.Atoi(param)
	var m medsec.Message
	switch tag {
	case "required":
		m = msgValRequired.New()
	case "min":
		m = msgValMinEntries.New(n)
	case "max":
		switch fe.Kind() {
		case reflect.String:
			m = msgValMaxChars.New(n)
		case reflect.Slice:
			m = msgValMaxEntries.New(n)
		default:
			m = msgValMax.New(n)
		}
	case "email":
		m = msgValEmail.New(val)
	case "phone":
		m = msgValPhone.New(val)
	case "iso3166_1_alpha2":
		m = msgValCountry.New(val)
	case "valid", "date":
		m = msgValInvalid.New(val)
	case "order":
		// The start, as a date, so that it prints in the reader's style.
		if start, err := medsec.ParseDate(param); err == nil {
			m = msgValOrder.New(start)
		} else {
			m = msgValOrder.New(param)
		}
	case "severity-order":
		other, days, _ := strings.Cut(param, ":")
		d, _ := strconv.Atoi(days)
		switch other {
		case "high":
			m = msgValSeverityOrderHigh.New(d)
		case "medium":
			m = msgValSeverityOrderMedium.New(d)
		default: // remediationRules compares with high, medium or low
			m = msgValSeverityOrderLow.New(d)
		}
	case "positive":
		m = msgValPositive.New()
	case "nonnegative":
		m = msgValNonNegative.New()
	case "param-kind":
		m = msgValParamKind.New(fe.Field(), clauseKindFromParam(param).Message())
	default:
		m = msgValRule.New(tag)
	}
	return fieldErr(path, tag, val, m)
}

func clauseKindFromParam(s string) ClauseKind {
	var k ClauseKind
	_ = k.UnmarshalText([]byte(s))
	return k
}

// contractRules adds the errors of the rules that span the contract or
// need the checker's registry: the jurisdiction, the institution and its
// systems, the storage country, and the clauses' citations.
func (ch *Checker) contractRules(c *Contract, out medsec.FieldErrors) medsec.FieldErrors {
	add := func(path, rule, value string, m medsec.Message) {
		out = append(out, fieldErr(path, rule, value, m))
	}
	j := c.Jurisdiction
	if j != "" {
		if _, ok := ch.reg.Jurisdiction(j); !ok {
			add("/jurisdiction", "valid", string(j), msgValInvalid.New(clip(j)))
		} else if len(c.Institution.Jurisdictions) > 0 && !slices.Contains(c.Institution.Jurisdictions, j) {
			add("/jurisdiction", "institution", string(j), msgValInstitutionLaw.New(string(j)))
		}
	}
	if !isZeroInstitution(&c.Institution) {
		out = ch.institutionRules(c, out)
	}
	dh := c.DataHandling
	if (isTrue(dh.HealthData) || isTrue(dh.PersonalData)) && dh.StorageCountry == "" {
		add("/dataHandling/storageCountry", "required-with-data", "", msgValRequiredWithData.New())
	}
	if len(c.Clauses) <= maxClauses {
		for i := range c.Clauses {
			for k, ct := range c.Clauses[i].Citations {
				if k >= maxCitations {
					break // the max tag reports it
				}
				if ch.reg.Resolve(ct) != nil {
					add(fmt.Sprintf("/clauses/%d/citations/%d", i, k), "citation", ct.String(), msgValCitation.New(clip(ct.String())))
				}
			}
		}
	}
	return out
}

// isZeroInstitution reports whether the contract states no institution:
// the validator reports /institution as required, and nothing below it.
func isZeroInstitution(in *grading.Institution) bool {
	return in.ID == "" && in.Name == "" && in.Country == "" && len(in.Jurisdictions) == 0 && in.Type == 0 &&
		in.Size == 0 && in.NIS2 == 0 && in.CZ == 0 && len(in.Flags) == 0 && in.Principal == "" &&
		len(in.Events) == 0 && len(in.Systems) == 0
}

// institutionRules checks the contract's institution: what
// grading.Institution.Validate asks, against the checker's registry, and
// what a contract needs besides: a name, a country, at least one system,
// and the NIS2 class, Czech regime and grades its jurisdiction needs.
func (ch *Checker) institutionRules(c *Contract, out medsec.FieldErrors) medsec.FieldErrors {
	add := func(path, rule, value string, m medsec.Message) {
		out = append(out, fieldErr(path, rule, value, m))
	}
	in := c.Institution
	switch n := len(in.Systems); {
	case in.Systems == nil:
		add("/institution/systems", "required", "", msgValRequired.New())
	case n == 0:
		add("/institution/systems", "min", "0 entries", msgValMinEntries.New(1))
	case n > maxSystems:
		add("/institution/systems", "max", strconv.Itoa(n)+" entries", msgValMaxEntries.New(maxSystems))
		in.Systems = nil // one error, not one per system
	}
	if err := in.Validate(ch.reg); err != nil {
		var fes medsec.FieldErrors
		if !errors.As(err, &fes) {
			add("/institution", "internal", "", msgValInternal.New())
		}
		for _, e := range fes {
			e.Path = "/institution" + e.Path
			out = append(out, e)
		}
	}
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		add("/institution/name", "required", "", msgValRequired.New())
	case n > maxInstitutionName:
		add("/institution/name", "max", clip(in.Name), msgValMaxChars.New(maxInstitutionName))
	}
	switch {
	case in.Country == "":
		add("/institution/country", "required", "", msgValRequired.New())
	case !ch.isCountry(in.Country):
		add("/institution/country", "iso3166_1_alpha2", clip(in.Country), msgValCountry.New(clip(in.Country)))
	}
	j := c.Jurisdiction
	name := ch.jurisdictionName(j)
	if (j == medsec.EU || j == medsec.CZ) && in.NIS2 == 0 {
		add("/institution/nis2", "required-for", "", msgValRequiredFor.New(name))
	}
	if j == medsec.CZ && in.CZ == 0 {
		add("/institution/cz", "required-for", "", msgValRequiredFor.New(name))
	}
	for i := range in.Systems {
		s := &in.Systems[i]
		at := "/institution/systems/" + strconv.Itoa(i)
		switch {
		case j == medsec.CN && s.MLPS == 0:
			add(at+"/mlps", "required-for", "", msgValRequiredFor.New(name))
		case j == medsec.VN && s.VN == 0:
			add(at+"/vn", "required-for", "", msgValRequiredFor.New(name))
		}
		if j != medsec.CN && s.MLPS != 0 {
			add(at+"/mlps", "grade-scheme", s.MLPS.String(), msgValGradeScheme.New(name))
		}
		if j != medsec.VN && s.VN != 0 {
			add(at+"/vn", "grade-scheme", s.VN.String(), msgValGradeScheme.New(name))
		}
	}
	return out
}

// isCountry reports whether s is an ISO 3166-1 alpha-2 country code, or
// the code of a jurisdiction that the checker's registry declares (a pack
// may declare a user-assigned code such as XA).
func (ch *Checker) isCountry(s string) bool {
	if validate().Var(s, "iso3166_1_alpha2") == nil {
		return true
	}
	_, ok := ch.reg.Jurisdiction(medsec.Jurisdiction(s))
	return ok
}

// jurisdictionName is the name the checker's registry gives j.
func (ch *Checker) jurisdictionName(j medsec.Jurisdiction) medsec.Message {
	if info, ok := ch.reg.Jurisdiction(j); ok {
		return info.Name
	}
	return j.Message()
}

// current returns the struct being validated, by pointer when it is
// addressable (Validate passes a pointer), to avoid copying it.
func current[T any](sl validator.StructLevel) *T {
	v := sl.Current()
	if v.CanAddr() {
		return v.Addr().Interface().(*T)
	}
	t := v.Interface().(T)
	return &t
}

func isTrue(b *bool) bool { return b != nil && *b }

// termRules: the term does not end before it starts. Both days are part
// of the term, so a one-day term (Start == End) is valid.
func termRules(sl validator.StructLevel) {
	t := current[Term](sl)
	if t.Start.Valid() && t.End.Valid() && t.End.Before(t.Start) {
		sl.ReportError(t.End.String(), "end", "End", "order", t.Start.String())
	}
}

// clauseRules: parameters belong to the clause's kind; hours and days are
// positive.
func clauseRules(sl validator.StructLevel) {
	c := current[Clause](sl)
	if c.Kind.Valid() {
		for _, p := range allParams {
			if _, set := c.param(p, false); set && !paramAllowed(p, c.Kind) {
				val, _ := c.param(p, true)
				sl.ReportError(val, string(p), string(p), "param-kind", c.Kind.String())
			}
		}
	}
	positive := func(p *int, name string) {
		if p != nil && *p <= 0 {
			sl.ReportError(*p, name, name, "positive", "")
		}
	}
	positive(c.NotifyWithinHours, string(ParamNotifyWithinHours))
	positive(c.DataReturnDays, string(ParamDataReturnDays))
	positive(c.LogRetentionDays, string(ParamLogRetentionDays))
	for _, p := range []struct {
		v    *int
		name Param
	}{{c.RTOHours, ParamRTOHours}, {c.RPOHours, ParamRPOHours}} {
		if p.v != nil && *p.v < 0 {
			sl.ReportError(*p.v, string(p.name), string(p.name), "nonnegative", "")
		}
	}
}

// remediationRules: every deadline is positive, and a more severe
// vulnerability never gets a longer deadline than a less severe one.
func remediationRules(sl validator.StructLevel) {
	r := current[RemediationDays](sl)
	levels := [...]struct {
		v    *int
		name string
	}{{r.Critical, "critical"}, {r.High, "high"}, {r.Medium, "medium"}, {r.Low, "low"}}
	for _, l := range levels {
		if l.v != nil && *l.v <= 0 {
			sl.ReportError(*l.v, l.name, l.name, "positive", "")
		}
	}
	for i, l := range levels {
		if l.v == nil {
			continue
		}
		for _, m := range levels[i+1:] {
			if m.v != nil {
				if *l.v > *m.v {
					sl.ReportError(*l.v, l.name, l.name, "severity-order", m.name+":"+strconv.Itoa(*m.v))
				}
				break // compare with the next level that is set
			}
		}
	}
}
