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
	"time"

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

// maxSystems is the bound of Contract.Systems in its validate tag (a test
// keeps them in step).
const maxSystems = 1000

// validate is the package's one validator instance, configured once.
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	// Dates and citations are structs; the validator sees them as what
	// their custom type functions return: "" for the zero value (it fails
	// required), the int valid when the date exists or the citation
	// resolves in the default registry, and the text otherwise (it fails
	// the tag and shows in the error). No string stands for "valid", so
	// no field value, however built, can pass for one; and the common case
	// does not allocate.
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		// Read the fields by reflection: f.Interface() would allocate.
		d := medsec.NewDate(int(f.Field(0).Int()), time.Month(f.Field(1).Int()), int(f.Field(2).Int()))
		switch {
		case d.IsZero():
			return ""
		case d.Valid():
			return valid
		}
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}, medsec.Date{})
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		c := medsec.Citation{Instrument: f.Field(0).String(), Article: f.Field(1).String(),
			Paragraph: f.Field(2).String(), Point: f.Field(3).String()}
		switch {
		case c.IsZero():
			return ""
		case resolves(c):
			return valid
		}
		return c.String()
	}, medsec.Citation{})
	must(v.RegisterValidation("valid", validTag))
	must(v.RegisterValidation("date", dateTag))
	must(v.RegisterValidation("citation", citationTag))
	must(v.RegisterValidation("phone", func(fl validator.FieldLevel) bool {
		return isPhone(fl.Field().String())
	}))
	v.RegisterStructValidation(contractRules, Contract{})
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

// validTag accepts enums whose Valid method says yes. The known enum
// types are checked without boxing the value (reflect would allocate).
func validTag(fl validator.FieldLevel) bool {
	f := fl.Field()
	if check, ok := enumValid[f.Type()]; ok {
		return check(f)
	}
	if v, ok := f.Interface().(interface{ Valid() bool }); ok {
		return v.Valid()
	}
	return false
}

type uint8Enum interface {
	~uint8
	Valid() bool
}

func validUint8[T uint8Enum]() (reflect.Type, func(reflect.Value) bool) {
	return reflect.TypeFor[T](), func(v reflect.Value) bool { return T(v.Uint()).Valid() }
}

var enumValid = func() map[reflect.Type]func(reflect.Value) bool {
	m := map[reflect.Type]func(reflect.Value) bool{
		reflect.TypeFor[medsec.Jurisdiction](): func(v reflect.Value) bool {
			_, ok := medsec.DefaultRegistry().Jurisdiction(medsec.Jurisdiction(v.String()))
			return ok
		},
	}
	for _, e := range []func() (reflect.Type, func(reflect.Value) bool){
		validUint8[ClauseKind], validUint8[Category], validUint8[OperatorClass],
		validUint8[grading.EntityClass], validUint8[grading.CZRegime],
		validUint8[grading.MLPSLevel], validUint8[grading.VNLevel],
	} {
		t, f := e()
		m[t] = f
	}
	return m
}()

// valid is what the custom type functions return for a date that exists
// and a citation that resolves: an int, where every other outcome is a
// string.
const valid = 1

// dateTag accepts a date that exists (see the custom type function).
func dateTag(fl validator.FieldLevel) bool { return fl.Field().Kind() == reflect.Int }

// citationTag accepts a citation that resolves (see the custom type
// function).
func citationTag(fl validator.FieldLevel) bool { return fl.Field().Kind() == reflect.Int }

// resolved caches which citations resolve in the default registry, which
// is immutable; contracts cite few distinct provisions. The cache stops
// growing at maxResolved entries.
var resolved struct {
	sync.RWMutex
	m map[medsec.Citation]bool
}

const maxResolved = 4096

func resolves(c medsec.Citation) bool {
	resolved.RLock()
	ok, hit := resolved.m[c]
	resolved.RUnlock()
	if hit {
		return ok
	}
	ok = medsec.DefaultRegistry().Resolve(c) == nil
	resolved.Lock()
	if resolved.m == nil {
		resolved.m = map[medsec.Citation]bool{}
	}
	if len(resolved.m) < maxResolved {
		resolved.m[c] = ok
	}
	resolved.Unlock()
	return ok
}

// Validate checks a contract's structure and cross-field rules: required
// fields, formats (UUID, e-mail, phone, ISO 3166-1 country codes, dates),
// enum values, citations that resolve in the instrument registry, a term
// that does not end before it starts, positive hours and days, remediation
// deadlines ordered by severity, parameters that belong to their clause's
// kind, and the fields each jurisdiction needs.
//
// It returns nil or a [medsec.FieldErrors] list, sorted by path, whose
// entries carry a JSON Pointer, the rule, the offending value and a
// [medsec.Message]. It never returns the validator's own text and never
// panics.
func Validate(c *Contract) (err error) {
	if c == nil {
		return medsec.FieldErrors{fieldErr("", "required", "", msgValRequired.New())}
	}
	defer func() {
		if r := recover(); r != nil { // defensive: the validator must not take callers down
			err = medsec.FieldErrors{fieldErr("", "internal", "", msgValInternal.New())}
		}
	}()
	verr := validate().Struct(c)
	if verr == nil {
		return nil
	}
	var ves validator.ValidationErrors
	if !errors.As(verr, &ves) {
		return medsec.FieldErrors{fieldErr("", "internal", "", msgValInternal.New())}
	}
	out := make(medsec.FieldErrors, 0, len(ves))
	for _, fe := range ves {
		out = append(out, toFieldError(fe))
	}
	sortErrors(out)
	var list fielderr.List
	for _, e := range out {
		list.Add(e)
	}
	if errs := list.Errors(); errs != nil {
		return errs
	}
	return nil
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
	if tag != "required" && tag != "required-for" && tag != "required-with-data" {
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
	case "citation":
		m = msgValCitation.New(val)
	case "order":
		m = msgValOrder.New(param)
	case "severity-order":
		other, days, _ := strings.Cut(param, ":")
		d, _ := strconv.Atoi(days)
		m = msgValSeverityOrder.New(other, d)
	case "positive":
		m = msgValPositive.New()
	case "nonnegative":
		m = msgValNonNegative.New()
	case "param-kind":
		m = msgValParamKind.New(fe.Field(), clauseKindFromParam(param).Message())
	case "required-for":
		m = msgValRequiredFor.New(medsec.Jurisdiction(param).Message())
	case "grade-scheme":
		m = msgValGradeScheme.New(medsec.Jurisdiction(param).Message())
	case "required-with-data":
		m = msgValRequiredWithData.New()
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

// contractRules are the rules that depend on the jurisdiction.
func contractRules(sl validator.StructLevel) {
	c := current[Contract](sl)
	j := string(c.Jurisdiction)
	switch c.Jurisdiction {
	case medsec.CN:
		if c.Institution.OperatorClass == OperatorClassUnknown {
			sl.ReportError(c.Institution.OperatorClass, "institution.operatorClass", "OperatorClass", "required-for", j)
		}
	case medsec.EU, medsec.CZ:
		if c.Institution.NIS2Class == grading.EntityClassUnknown {
			sl.ReportError(c.Institution.NIS2Class, "institution.nis2Class", "NIS2Class", "required-for", j)
		}
		if c.Jurisdiction == medsec.CZ && c.Institution.CZRegime == grading.CZRegimeUnknown {
			sl.ReportError(c.Institution.CZRegime, "institution.czRegime", "CZRegime", "required-for", j)
		}
	}
	if len(c.Systems) > maxSystems {
		return // the max tag reports it; do not build an error per system
	}
	for i, s := range c.Systems {
		idx := "systems[" + strconv.Itoa(i) + "]"
		switch {
		case c.Jurisdiction == medsec.CN && s.MLPSLevel == grading.MLPSLevelUnknown:
			sl.ReportError(s.MLPSLevel, idx+".mlpsLevel", "MLPSLevel", "required-for", j)
		case c.Jurisdiction == medsec.VN && s.VNLevel == grading.VNLevelUnknown:
			sl.ReportError(s.VNLevel, idx+".vnLevel", "VNLevel", "required-for", j)
		}
		if c.Jurisdiction != medsec.CN && s.MLPSLevel != grading.MLPSLevelUnknown {
			sl.ReportError(s.MLPSLevel, idx+".mlpsLevel", "MLPSLevel", "grade-scheme", j)
		}
		if c.Jurisdiction != medsec.VN && s.VNLevel != grading.VNLevelUnknown {
			sl.ReportError(s.VNLevel, idx+".vnLevel", "VNLevel", "grade-scheme", j)
		}
	}
	dh := c.DataHandling
	if (isTrue(dh.HealthData) || isTrue(dh.PersonalData)) && dh.StorageCountry == "" {
		sl.ReportError(dh.StorageCountry, "dataHandling.storageCountry", "StorageCountry", "required-with-data", "")
	}
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
