package obligations

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
	"github.com/medsec-go/medsec/internal/strictjson"
)

// The name of the roles file of a pack.
const rolesFile = "roles.json"

// maxRoleList bounds the lists of a roles file: roles, rules and their
// checks and conditions.
const maxRoleList = 500

// roleSet is the roles and role rules of a registry's packs.
type roleSet struct {
	roles []RoleInfo // sorted by code
	rules []RoleRule // sorted by ID
}

func (s *roleSet) info(r Role) (RoleInfo, bool) {
	i, ok := slices.BinarySearchFunc(s.roles, r, func(a RoleInfo, r Role) int { return strings.Compare(string(a.Code), string(r)) })
	if !ok {
		return RoleInfo{}, false
	}
	return s.roles[i], true
}

func (s *roleSet) has(r Role) bool {
	_, ok := s.info(r)
	return ok
}

// name returns the name of role r, or "unknown role".
func (s *roleSet) name(r Role) medsec.Message {
	if info, ok := s.info(r); ok {
		return info.Name
	}
	return msgRoleUnknown.New()
}

type rolesFileJSON struct {
	Roles []RoleInfo `json:"roles,omitempty"`
	Rules []RoleRule `json:"rules,omitempty"`
}

var rolesDecoder = sync.OnceValue(func() *strictjson.Decoder {
	return strictjson.New(strictjson.Config{MaxItems: maxRoleList, TextError: fielderr.TextError})
})

// loadRoles reads roles.json of every pack of reg and checks it, the
// messages with keys, which records their keys.
func loadRoles(reg *medsec.Registry, keys *keyChecker) (roleSet, error) {
	var errs fielderr.List
	type src struct {
		file string
		f    rolesFileJSON
	}
	var files []src
	var buf []byte // one buffer for every pack: each file is decoded before the next is read
	for _, p := range reg.Packs() {
		b, err := p.AppendFile(buf[:0], rolesFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return roleSet{}, fmt.Errorf("obligations: %w", err)
		}
		buf = b
		file := p.Where(rolesFile)
		var f rolesFileJSON
		if es := rolesDecoder().Unmarshal(b, &f); es != nil {
			addFile(&errs, fielderr.FromJSON(es, medsec.ErrInvalidData), file)
			continue
		}
		files = append(files, src{file, f})
	}
	if e := errs.Errors(); e != nil {
		return roleSet{}, fmt.Errorf("obligations: invalid roles: %w", e)
	}

	var s roleSet
	where := map[Role]string{}
	for _, sf := range files {
		for i, r := range sf.f.Roles {
			add := fileAdder(&errs, sf.file, fmt.Sprintf("/roles/%d", i))
			switch other, dup := where[r.Code]; {
			case !r.Code.Valid():
				add("/code", "syntax", string(r.Code), msgErrRoleCode.New(string(r.Code)))
			case dup:
				add("/code", "unique", string(r.Code), msgErrDuplicateIn.New(string(r.Code), other))
			default:
				where[r.Code] = sf.file
				s.roles = append(s.roles, r)
			}
			keys.check(r.Name, "/name", add)
		}
	}
	slices.SortFunc(s.roles, func(a, b RoleInfo) int { return strings.Compare(string(a.Code), string(b.Code)) })
	ruleAt := map[string]string{}
	for _, sf := range files {
		for i, r := range sf.f.Rules {
			add := fileAdder(&errs, sf.file, fmt.Sprintf("/rules/%d", i))
			n := errs.Len()
			if other, dup := ruleAt[r.ID]; dup {
				add("/id", "unique", r.ID, msgErrDuplicateIn.New(r.ID, other))
			}
			ruleAt[r.ID] = sf.file
			checkRoleRule(reg, &s, keys, &r, add)
			if errs.Len() == n {
				s.rules = append(s.rules, r)
			}
		}
	}
	if e := errs.Errors(); e != nil {
		return roleSet{}, fmt.Errorf("obligations: invalid roles: %w", e)
	}
	slices.SortFunc(s.rules, func(a, b RoleRule) int { return strings.Compare(a.ID, b.ID) })
	return s, nil
}

// fileAdder returns an adder of data errors of file under the JSON
// Pointer at.
func fileAdder(errs *fielderr.List, file, at string) adder {
	return func(field, rule, value string, m medsec.Message) {
		errs.Add(&medsec.FieldError{File: file, Path: at + field, Rule: rule, Value: clip(value), Message: m, Err: medsec.ErrInvalidData})
	}
}

// checkRoleRule reports the problems of r.
func checkRoleRule(reg *medsec.Registry, s *roleSet, keys *keyChecker, r *RoleRule, add adder) {
	if !validDutyID(r.ID) {
		add("/id", "syntax", r.ID, msgErrID.New(r.ID))
	}
	if !declaredJurisdiction(reg, r.Jurisdiction) {
		add("/jurisdiction", "declared", string(r.Jurisdiction), msgErrJurisdiction.New(string(r.Jurisdiction)))
	}
	if !r.Scope.Valid() {
		add("/scope", "required", "", msgErrRequired.New("scope"))
	}
	checkFact(reg, r.Citations, r.Confidence, r.Note, add)
	if r.Scope == ScopeSystem && len(r.When) == 0 {
		add("/when", "system-scope", "", msgErrSystemScope.New())
	}
	for i, w := range r.When {
		p := fmt.Sprintf("/when/%d", i)
		for k, j := range w.Jurisdictions {
			if !declaredJurisdiction(reg, j) {
				add(fmt.Sprintf("%s/jurisdictions/%d", p, k), "declared", string(j), msgErrJurisdiction.New(string(j)))
			}
		}
		checkLevels(w.Scheme, w.MinLevel, w.MaxLevel, "", p, add)
		if r.Scope == ScopeSystem && !levelled(w.Scheme) {
			add(p+"/scheme", "system-scope", w.Scheme.String(), msgErrSystemScope.New())
		}
		checkClasses(w.EntityClasses, w.CZRegimes, p, add)
		checkFlags(reg, w.Flags, p+"/flags", add)
		checkFlags(reg, w.NotFlags, p+"/notFlags", add)
	}
	if len(r.Checks) == 0 {
		add("/checks", "required", "", msgErrRequired.New("checks"))
	}
	for i, c := range r.Checks {
		p := fmt.Sprintf("/checks/%d", i)
		checkRoles := func(field string, rs []Role) {
			for k, role := range rs {
				if !s.has(role) {
					add(fmt.Sprintf("%s/%s/%d", p, field, k), "declared", string(role), msgErrRole.New(string(role)))
				}
			}
		}
		checkRoles("roles", c.Roles)
		checkRoles("alternatives", c.Alternatives)
		if !c.Severity.Valid() {
			add(p+"/severity", "required", "", msgErrRequired.New("severity"))
		}
		want := map[RoleCheckKind]int{CheckRequired: 1, CheckDistinct: 2}[c.Kind]
		if len(c.Roles) < max(want, 1) {
			add(p+"/roles", "required", "", msgErrCheckShape.New(c.Kind.String()))
		}
		if c.Kind != CheckRequired && len(c.Alternatives) > 0 {
			add(p+"/alternatives", "kind", "", msgErrCheckShape.New(c.Kind.String()))
		}
		if (c.Kind == CheckRecord) != c.Record.Valid() || (c.Kind != CheckRecord && c.Employment != 0) || (c.Employment != 0 && !c.Employment.Valid()) {
			add(p+"/record", "kind", c.Record.String(), msgErrCheckShape.New(c.Kind.String()))
		}
		if (c.Kind == CheckPrincipal || c.Kind == CheckRecord) && r.Scope == ScopeSystem {
			add(p+"/kind", "scope", c.Kind.String(), msgErrCheckShape.New(c.Kind.String()))
		}
		n, ok := messageArgs(c.Kind, r.Scope)
		if !ok {
			add(p+"/kind", "required", c.Kind.String(), msgErrInvalidValue.New(c.Kind.String(), "kind"))
			continue
		}
		keys.checkArgs(c.Message, n, c.Kind.String(), p+"/message", add)
	}
}

// messageArgs returns the number of arguments of the message of a check
// of kind k in a rule of the given scope.
func messageArgs(k RoleCheckKind, scope Scope) (int, bool) {
	sys := 0
	if scope == ScopeSystem {
		sys = 1
	}
	switch k {
	case CheckRequired:
		return 1 + 2*sys, true
	case CheckPrincipal, CheckRecord:
		return 2, true
	case CheckExclusive:
		return 2 + sys, true
	case CheckDistinct:
		return 1 + sys, true
	}
	return 0, false
}

// CheckRoles checks role assignments against the profile under the role
// rules of the default catalog (see [Catalog.CheckRoles]).
func CheckRoles(p *Profile, as []Assignment) ([]Finding, error) {
	return DefaultCatalog().CheckRoles(p, as)
}

// CheckRoles checks role assignments against the profile under the role
// rules of c's registry ([Catalog.RoleRules]). With the embedded packs
// these are:
//
//   - China: the leadership group has a head, who is the principal; a
//     level-1 network has a system administrator (GB/T 22239-2019, level-1
//     staffing); with a level-2+ network, a security chief and the system,
//     audit and security administrators are named; at level 3+ the security
//     administrator holds no other role and the system and audit
//     administrators are distinct people; in CII, key-post holders have a
//     background check; vendor staff in key posts have a confidentiality
//     agreement; key-post holders have training on record.
//   - Czechia: the higher regime has a cybersecurity manager, architect,
//     auditor and asset guarantor, the auditor holds no other security
//     role, the manager operates no technical asset of the service, and
//     the manager, architect and auditor have training on record; the
//     lower regime has a person charged with cybersecurity (or a manager).
//   - EU: management-body members have training on record (an important or
//     essential NIS2 entity, or either Czech regime).
//   - Vietnam: with any graded system, the specialised security unit is
//     named.
//
// An institution-level assignment (empty System) covers every system. The
// profile is checked as [Profile.Validate] does with c's registry; an
// assignment needs a person ID, a role the catalog declares, a known
// system (or none) and an employment. The findings come in a stable
// order: by rule, then system, then person.
func (c *Catalog) CheckRoles(p *Profile, as []Assignment) ([]Finding, error) {
	if c == nil {
		c = &Catalog{}
	}
	if err := p.Validate(c.Registry()); err != nil {
		return nil, err
	}
	in := &p.Institution
	var errs fielderr.List
	for i, a := range as {
		at := fmt.Sprintf("/assignments/%d", i)
		switch {
		case a.PersonID == "":
			errs.Add(&medsec.FieldError{Path: at + "/personId", Rule: "required", Message: msgErrRequired.New("personId")})
		case !c.roles.has(a.Role):
			errs.Add(&medsec.FieldError{Path: at + "/role", Rule: "declared", Value: clip(string(a.Role)), Message: msgErrRole.New(clip(string(a.Role)))})
		case a.System != "" && !slices.ContainsFunc(in.Systems, func(s grading.System) bool { return s.ID == a.System }):
			errs.Add(&medsec.FieldError{Path: at + "/system", Rule: "exists", Value: clip(a.System), Message: msgErrUnknownSystem.New(clip(a.System))})
		case !a.Employment.Valid():
			m := msgErrRequired.New("employment")
			if a.Employment != EmploymentUnknown {
				m = msgErrInvalidValue.New(a.Employment.String(), "employment")
			}
			errs.Add(&medsec.FieldError{Path: at + "/employment", Rule: "required", Message: m})
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid assignments: %w", e)
	}
	rc := roleChecker{c: c, in: in, as: as}
	for i := range c.roles.rules {
		rc.rule(&c.roles.rules[i])
	}
	slices.SortStableFunc(rc.out, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.Rule.ID, b.Rule.ID), strings.Compare(a.System, b.System), strings.Compare(a.PersonID, b.PersonID))
	})
	return rc.out, nil
}

// roleChecker applies role rules to one institution's assignments.
type roleChecker struct {
	c   *Catalog
	in  *grading.Institution
	as  []Assignment
	out []Finding
}

// holders returns the assignments of role that cover system sys (the
// institution-level ones only, when sys is empty).
func (rc *roleChecker) holders(role Role, sys string) []*Assignment {
	var hs []*Assignment
	for i := range rc.as {
		if a := &rc.as[i]; a.Role == role && (a.System == "" || a.System == sys) {
			hs = append(hs, a)
		}
	}
	return hs
}

// rolesOf returns the roles person holds anywhere, in the order of first
// assignment.
func (rc *roleChecker) rolesOf(person string) []Role {
	var rs []Role
	for _, a := range rc.as {
		if a.PersonID == person && !slices.Contains(rs, a.Role) {
			rs = append(rs, a.Role)
		}
	}
	return rs
}

func (rc *roleChecker) name(r Role) medsec.Message { return rc.c.roles.name(r) }

func (rc *roleChecker) add(r *RoleRule, c *RoleCheck, role Role, sys, person string, args ...any) {
	m := c.Message
	m.Args = args
	rc.out = append(rc.out, Finding{Rule: cloneRule(*r), Severity: c.Severity, Role: role, System: sys, PersonID: person, Message: m})
}

// rule applies r: once for the institution, or for each system in scope.
func (rc *roleChecker) rule(r *RoleRule) {
	if r.Scope == ScopeSystem {
		for i := range rc.in.Systems {
			s := &rc.in.Systems[i]
			if level, ok := rc.applies(r, s); ok {
				for k := range r.Checks {
					rc.check(r, &r.Checks[k], s, level)
				}
			}
		}
		return
	}
	if _, ok := rc.applies(r, nil); ok {
		for k := range r.Checks {
			rc.check(r, &r.Checks[k], nil, 0)
		}
	}
}

// applies reports whether one of r's conditions holds for the institution
// (s nil) or its system s, and the level of s under that condition's
// scheme.
func (rc *roleChecker) applies(r *RoleRule, s *grading.System) (int, bool) {
	if len(r.When) == 0 {
		return 0, slices.Contains(rc.in.Jurisdictions, r.Jurisdiction)
	}
	for i := range r.When {
		if level, ok := rc.holds(&r.When[i], r.Jurisdiction, s); ok {
			return level, true
		}
	}
	return 0, false
}

func (rc *roleChecker) holds(w *RoleCondition, ruleJ medsec.Jurisdiction, s *grading.System) (int, bool) {
	in := rc.in
	js := w.Jurisdictions
	if len(js) == 0 {
		js = []medsec.Jurisdiction{ruleJ}
	}
	if !slices.ContainsFunc(js, func(j medsec.Jurisdiction) bool { return slices.Contains(in.Jurisdictions, j) }) {
		return 0, false
	}
	if len(w.EntityClasses) > 0 && !slices.Contains(w.EntityClasses, in.NIS2) ||
		len(w.CZRegimes) > 0 && !slices.Contains(w.CZRegimes, in.CZ) {
		return 0, false
	}
	for _, f := range w.Flags {
		if !in.HasFlag(f, s) {
			return 0, false
		}
	}
	for _, f := range w.NotFlags {
		if in.HasFlag(f, s) {
			return 0, false
		}
	}
	if w.Scheme == grading.SchemeUnknown {
		return 0, true
	}
	if s != nil {
		l := levelOf(s, w.Scheme)
		return l, l != 0 && within(l, w.MinLevel, w.MaxLevel)
	}
	for i := range in.Systems {
		if l := levelOf(&in.Systems[i], w.Scheme); l != 0 && within(l, w.MinLevel, w.MaxLevel) {
			return l, true
		}
	}
	return 0, false
}

// within reports whether level l is within the bounds min and max (0:
// none).
func within(l, min, max int) bool { return l >= min && (max == 0 || l <= max) }

// check applies one check, for the institution (s nil) or system s at
// level.
func (rc *roleChecker) check(r *RoleRule, c *RoleCheck, s *grading.System, level int) {
	sys := ""
	if s != nil {
		sys = s.ID
	}
	switch c.Kind {
	case CheckRequired:
		for _, role := range c.Roles {
			if len(rc.holders(role, sys)) > 0 || slices.ContainsFunc(c.Alternatives, func(alt Role) bool { return len(rc.holders(alt, sys)) > 0 }) {
				continue
			}
			if s != nil {
				rc.add(r, c, role, sys, "", rc.name(role), sys, level)
			} else {
				rc.add(r, c, role, sys, "", rc.name(role))
			}
		}
	case CheckPrincipal:
		for _, role := range c.Roles {
			for _, h := range rc.holders(role, sys) {
				if rc.in.Principal == "" || h.PersonID != rc.in.Principal {
					rc.add(r, c, role, sys, h.PersonID, h.PersonID, rc.in.Principal)
				}
			}
		}
	case CheckExclusive:
		for _, role := range c.Roles {
			for _, h := range rc.holders(role, sys) {
				for _, other := range rc.rolesOf(h.PersonID) {
					if other == role {
						continue
					}
					if s != nil {
						rc.add(r, c, role, sys, h.PersonID, h.PersonID, sys, rc.name(other))
					} else {
						rc.add(r, c, role, sys, h.PersonID, h.PersonID, rc.name(other))
					}
				}
			}
		}
	case CheckDistinct:
		for i, ri := range c.Roles {
			for _, rj := range c.Roles[i+1:] {
				for _, a := range rc.holders(ri, sys) {
					for _, b := range rc.holders(rj, sys) {
						if a.PersonID != b.PersonID {
							continue
						}
						if s != nil {
							rc.add(r, c, rj, sys, a.PersonID, a.PersonID, sys)
						} else {
							rc.add(r, c, rj, sys, a.PersonID, a.PersonID)
						}
					}
				}
			}
		}
	case CheckRecord:
		for i := range rc.as {
			a := &rc.as[i]
			if !slices.Contains(c.Roles, a.Role) || c.Employment != 0 && a.Employment != c.Employment || c.Record.in(a) {
				continue
			}
			rc.add(r, c, a.Role, a.System, a.PersonID, a.PersonID, rc.name(a.Role))
		}
	}
}
