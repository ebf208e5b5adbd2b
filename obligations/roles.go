package obligations

import (
	"fmt"
	"slices"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/ident"
)

// Role is a post that duties need filled and role rules check, named by a
// code: "security-admin", "cz-cyber-manager". Roles are an open
// vocabulary: each pack declares its own in roles.json with a name
// ([RoleInfo]), and a duty, a role rule or an assignment may use only
// roles its catalog declares ([Catalog.Roles]). The constants below are
// the roles of medsec's embedded packs. The zero value is not valid.
type Role string

// The roles of medsec's embedded packs.
const (
	RoleLeadershipHead    Role = "leadership-head"     // China: head of the cybersecurity and informatization leadership group (组长)
	RoleSecurityChief     Role = "security-chief"      // China: security chief (安全主管)
	RoleSecurityAdmin     Role = "security-admin"      // China: security administrator (安全管理员)
	RoleSystemAdmin       Role = "system-admin"        // China: system administrator (系统管理员)
	RoleAuditAdmin        Role = "audit-admin"         // China: audit administrator (审计管理员)
	RolePIOfficer         Role = "pi-officer"          // personal-information protection officer
	RoleManagementMember  Role = "management-member"   // EU/Czechia: member of the management body
	RoleCZCyberManager    Role = "cz-cyber-manager"    // Czechia: cybersecurity manager (manažer kybernetické bezpečnosti)
	RoleCZCyberArchitect  Role = "cz-cyber-architect"  // Czechia: cybersecurity architect (architekt kybernetické bezpečnosti)
	RoleCZCyberPerson     Role = "cz-cyber-person"     // Czechia, lower regime: person charged with cybersecurity
	RoleCZAssetGuarantor  Role = "cz-asset-guarantor"  // Czechia, higher regime: asset guarantor (garant aktiva)
	RoleCZCyberAuditor    Role = "cz-cyber-auditor"    // Czechia, higher regime: cybersecurity auditor (auditor kybernetické bezpečnosti)
	RoleCZITOperations    Role = "cz-it-operations"    // Czechia: a post operating the regulated service's technical assets
	RoleVNSecurityUnit    Role = "vn-security-unit"    // Vietnam: head of the specialised security unit (đơn vị chuyên trách)
	RoleVNIncidentContact Role = "vn-incident-contact" // Vietnam: incident-response contact point (đầu mối ứng cứu sự cố)
)

// Valid reports whether r is well formed: lower-case ASCII letters and
// digits in hyphen-separated words, at most 64 bytes. Whether a catalog
// declares it is [Catalog.Role]'s business.
func (r Role) Valid() bool { return len(r) <= 64 && ident.Slug(string(r)) }

// String returns the role's code.
func (r Role) String() string { return string(r) }

// MarshalText implements [encoding.TextMarshaler]; a malformed role is an
// error.
func (r Role) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("obligations: %w: role %q is not lower-case words joined by hyphens", medsec.ErrInvalidInput, clip(string(r)))
	}
	return []byte(r), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts any well
// formed code; check it against a catalog with [Catalog.Role].
func (r *Role) UnmarshalText(b []byte) error {
	v := Role(b)
	if !v.Valid() {
		return fmt.Errorf("obligations: %w: role %q is not lower-case words joined by hyphens, e.g. \"security-admin\"", medsec.ErrInvalidInput, clip(string(b)))
	}
	*r = v
	return nil
}

// Message returns the role's name as the default catalog declares it, or
// "unknown role". The names of the roles of other catalogs come from
// [Catalog.Role].
func (r Role) Message() medsec.Message {
	return DefaultCatalog().roles.name(r)
}

// RoleInfo declares a role: its code and its name.
type RoleInfo struct {
	Code Role           `json:"code"` // e.g. "security-admin"
	Name medsec.Message `json:"name"` // e.g. "security administrator"
}

// Employment says whether a person is on the institution's staff.
type Employment uint8

// Employment kinds. The zero value is invalid.
const (
	EmploymentUnknown Employment = iota
	Employee                     // on the institution's staff
	VendorStaff                  // employed by a supplier
)

var employmentNames = names{"", "employee", "vendor"}

// Valid reports whether e is Employee or VendorStaff.
func (e Employment) Valid() bool { return e == Employee || e == VendorStaff }

// String returns "employee" or "vendor".
func (e Employment) String() string { return employmentNames.String(uint8(e), "Employment") }

// MarshalText implements [encoding.TextMarshaler].
func (e Employment) MarshalText() ([]byte, error) {
	return employmentNames.Marshal("obligations", uint8(e), "employment")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (e *Employment) UnmarshalText(b []byte) error {
	v, err := employmentNames.Parse("obligations", b, "employment")
	*e = Employment(v)
	return err
}

// Assignment puts a person in a role, for the institution or for one
// system.
type Assignment struct {
	// PersonID identifies the person in the institution's records.
	// Required.
	PersonID string `json:"personId"`
	// Name is the person's name.
	Name string `json:"name"`
	// Role is the post, declared by the catalog. Required.
	Role Role `json:"role"`
	// System is the system the person holds the post for; empty for the
	// institution as a whole, which covers every system.
	System string `json:"system,omitempty"`
	// Employment says whether the person is on the staff. Required.
	Employment Employment `json:"employment"`
	// BackgroundCheck and Confidentiality are the dates of the background
	// check and of the signed confidentiality agreement (zero: none).
	BackgroundCheck medsec.Date `json:"backgroundCheck,omitzero"`
	Confidentiality medsec.Date `json:"confidentiality,omitzero"`
	// TrainingHours and TrainingDates record security training.
	TrainingHours int           `json:"trainingHours,omitempty"`
	TrainingDates []medsec.Date `json:"trainingDates,omitempty"`
}

// Severity ranks a role finding.
type Severity uint8

// Severities. The zero value is invalid.
const (
	SeverityUnknown Severity = iota
	SeverityError            // a rule is broken
	SeverityWarning          // a record is missing or a rule rests on weak sources
)

var severityNames = names{"", "error", "warning"}

// Valid reports whether s is SeverityError or SeverityWarning.
func (s Severity) Valid() bool { return s == SeverityError || s == SeverityWarning }

// String returns "error" or "warning".
func (s Severity) String() string { return severityNames.String(uint8(s), "Severity") }

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) {
	return severityNames.Marshal("obligations", uint8(s), "severity")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := severityNames.Parse("obligations", b, "severity")
	*s = Severity(v)
	return err
}

// RoleCheckKind is what a [RoleCheck] checks.
type RoleCheckKind uint8

// The kinds of role checks. The zero value is invalid. [RoleCheck] says
// what each needs and which arguments its message gets.
const (
	CheckUnknown RoleCheckKind = iota
	// CheckRequired: every role of Roles has a holder (or a holder of one
	// of Alternatives), at the institution or for each system in scope.
	CheckRequired
	// CheckPrincipal: the holders of the roles are the institution's
	// principal ([grading.Institution.Principal]).
	CheckPrincipal
	// CheckExclusive: a holder of one of the roles holds no other role.
	CheckExclusive
	// CheckDistinct: no person holds two of the roles.
	CheckDistinct
	// CheckRecord: every assignment of one of the roles (of vendor staff
	// or employees only, when Employment is set) has the Record on file.
	CheckRecord
)

var checkNames = names{"", "required", "principal", "exclusive", "distinct", "record"}

// Valid reports whether k is a known kind.
func (k RoleCheckKind) Valid() bool { return k > 0 && int(k) < len(checkNames) }

// String returns the text form, e.g. "exclusive".
func (k RoleCheckKind) String() string { return checkNames.String(uint8(k), "RoleCheckKind") }

// MarshalText implements [encoding.TextMarshaler].
func (k RoleCheckKind) MarshalText() ([]byte, error) {
	return checkNames.Marshal("obligations", uint8(k), "role check kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RoleCheckKind) UnmarshalText(b []byte) error {
	v, err := checkNames.Parse("obligations", b, "role check kind")
	*k = RoleCheckKind(v)
	return err
}

// Record is a record that a [CheckRecord] check wants on file for an
// assignment.
type Record uint8

// Records. The zero value is invalid.
const (
	RecordUnknown         Record = iota
	RecordBackgroundCheck        // Assignment.BackgroundCheck
	RecordConfidentiality        // Assignment.Confidentiality
	RecordTraining               // Assignment.TrainingHours or TrainingDates
)

var recordNames = names{"", "background-check", "confidentiality", "training"}

// Valid reports whether r is a known record.
func (r Record) Valid() bool { return r > 0 && int(r) < len(recordNames) }

// String returns the text form, e.g. "background-check".
func (r Record) String() string { return recordNames.String(uint8(r), "Record") }

// MarshalText implements [encoding.TextMarshaler].
func (r Record) MarshalText() ([]byte, error) {
	return recordNames.Marshal("obligations", uint8(r), "record")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Record) UnmarshalText(b []byte) error {
	v, err := recordNames.Parse("obligations", b, "record")
	*r = Record(v)
	return err
}

// in reports whether a has the record r on file.
func (r Record) in(a *Assignment) bool {
	switch r {
	case RecordBackgroundCheck:
		return !a.BackgroundCheck.IsZero()
	case RecordConfidentiality:
		return !a.Confidentiality.IsZero()
	case RecordTraining:
		return len(a.TrainingDates) > 0 || a.TrainingHours > 0
	}
	return true
}

// A RoleCheck is one check of a [RoleRule]. Its message is data too: the
// English format gets, in this order,
//
//	kind       institution scope            system scope
//	required   role                         role, system, level
//	principal  person, principal            —
//	exclusive  person, other role           person, system, other role
//	distinct   person                       person, system
//	record     person, role                 —
//
// where a role is its name (a [medsec.Message]), a level an int and the
// rest strings.
type RoleCheck struct {
	// Kind is what the check checks.
	Kind RoleCheckKind `json:"kind"`
	// Roles are the roles checked (at least two for CheckDistinct).
	Roles []Role `json:"roles"`
	// Alternatives are roles whose holders also meet a CheckRequired
	// check (a Czech cybersecurity manager meets the lower regime's need
	// for a person charged with cybersecurity).
	Alternatives []Role `json:"alternatives,omitempty"`
	// Record and Employment say what a CheckRecord check wants on file,
	// and for whom (zero: everyone).
	Record     Record     `json:"record,omitempty"`
	Employment Employment `json:"employment,omitempty"`
	// Severity is the severity of the check's findings.
	Severity Severity `json:"severity"`
	// Message is the finding's text (see above for its arguments).
	Message medsec.Message `json:"message"`
}

// A RoleCondition says when a [RoleRule] applies. Every stated part must
// hold.
type RoleCondition struct {
	// Jurisdictions: the institution is subject to one of them; empty
	// means the rule's jurisdiction.
	Jurisdictions []medsec.Jurisdiction `json:"jurisdictions,omitempty"`
	// Scheme, MinLevel and MaxLevel bound a system's level (for a
	// system-scope rule, the system's own; otherwise some system's).
	Scheme   grading.Scheme `json:"scheme,omitempty"`
	MinLevel int            `json:"minLevel,omitempty"`
	MaxLevel int            `json:"maxLevel,omitempty"`
	// EntityClasses and CZRegimes list the NIS2 classes and Czech regimes
	// the institution may be in; empty means any.
	EntityClasses []grading.EntityClass `json:"entityClasses,omitempty"`
	CZRegimes     []grading.CZRegime    `json:"czRegimes,omitempty"`
	// Flags must all be set, NotFlags none: on the institution, and for
	// a system-scope rule on the institution or the system.
	Flags    []medsec.Flag `json:"flags,omitempty"`
	NotFlags []medsec.Flag `json:"notFlags,omitempty"`
}

// A RoleRule is a rule about who holds which post, stated in a pack's
// roles.json: when it applies, what it checks, and where it comes from.
// A rule of institution scope applies when one of its conditions holds
// for the institution; a rule of system scope applies to each system for
// which one holds. A rule without conditions applies to every institution
// subject to its jurisdiction.
type RoleRule struct {
	// ID is stable across releases, e.g. "XA-ROLE-POSTS".
	ID string `json:"id"`
	// Jurisdiction is the legal order the rule belongs to; by default
	// it binds the institutions subject to it.
	Jurisdiction medsec.Jurisdiction `json:"jurisdiction"`
	// Scope says whether the rule checks the institution once or each
	// system for which a condition holds.
	Scope Scope `json:"scope"`
	// When lists the conditions, one of which must hold.
	When []RoleCondition `json:"when,omitempty"`
	// Checks are what the rule checks, in order.
	Checks []RoleCheck `json:"checks"`
	// Citations are the provisions the rule comes from; Confidence and
	// Note say how well it is established.
	Citations  []medsec.Citation `json:"citations"`
	Confidence medsec.Confidence `json:"confidence"`
	Note       string            `json:"note,omitempty"`
}

// Finding is one problem with the role assignments.
type Finding struct {
	// Rule is the rule broken (a copy).
	Rule RoleRule
	// Severity is the check's severity.
	Severity Severity
	// Role is the role concerned; System the system, empty for the
	// institution; PersonID the person, empty for a missing post.
	Role     Role
	System   string
	PersonID string
	// Message says what is wrong.
	Message medsec.Message
}

func cloneRule(r RoleRule) RoleRule {
	r.Citations = slices.Clone(r.Citations)
	r.When = slices.Clone(r.When)
	for i := range r.When {
		w := &r.When[i]
		w.Jurisdictions = slices.Clone(w.Jurisdictions)
		w.EntityClasses = slices.Clone(w.EntityClasses)
		w.CZRegimes = slices.Clone(w.CZRegimes)
		w.Flags = slices.Clone(w.Flags)
		w.NotFlags = slices.Clone(w.NotFlags)
	}
	r.Checks = slices.Clone(r.Checks)
	for i := range r.Checks {
		c := &r.Checks[i]
		c.Roles = slices.Clone(c.Roles)
		c.Alternatives = slices.Clone(c.Alternatives)
		c.Message.Args = slices.Clone(c.Message.Args)
	}
	return r
}

// RoleRules returns the role rules of the default catalog, sorted by ID.
func RoleRules() []RoleRule { return DefaultCatalog().RoleRules() }

// RoleRules returns the role rules of c's registry, sorted by ID.
func (c *Catalog) RoleRules() []RoleRule {
	if c == nil {
		return nil
	}
	out := make([]RoleRule, len(c.roles.rules))
	for i, r := range c.roles.rules {
		out[i] = cloneRule(r)
	}
	return out
}

// Roles returns the roles that the packs of c's registry declare, sorted
// by code.
func (c *Catalog) Roles() []RoleInfo {
	if c == nil {
		return nil
	}
	return slices.Clone(c.roles.roles)
}

// Role returns the declaration of role r, and whether a pack of c's
// registry declares it.
func (c *Catalog) Role(r Role) (RoleInfo, bool) {
	if c == nil {
		return RoleInfo{}, false
	}
	info, ok := c.roles.info(r)
	return info, ok
}
