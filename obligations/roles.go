package obligations

import (
	"fmt"
	"slices"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/fielderr"
)

// Role is a post that duties need filled.
type Role uint8

// Roles. The zero value is invalid.
const (
	RoleUnknown           Role = iota
	RoleLeadershipHead         // China: head of the cybersecurity and informatization leadership group (组长)
	RoleSecurityChief          // China: security chief (安全主管)
	RoleSecurityAdmin          // China: security administrator (安全管理员)
	RoleSystemAdmin            // China: system administrator (系统管理员)
	RoleAuditAdmin             // China: audit administrator (审计管理员)
	RolePIOfficer              // personal-information protection officer
	RoleManagementMember       // EU/Czechia: member of the management body
	RoleCZCyberManager         // Czechia: cybersecurity manager (manažer kybernetické bezpečnosti)
	RoleCZCyberArchitect       // Czechia: cybersecurity architect (architekt kybernetické bezpečnosti)
	RoleCZCyberPerson          // Czechia, lower regime: person charged with cybersecurity
	RoleVNSecurityUnit         // Vietnam: head of the specialised security unit (đơn vị chuyên trách)
	RoleVNIncidentContact      // Vietnam: incident-response contact point (đầu mối ứng cứu sự cố)
	roleCount
)

var roleNames = names{"", "leadership-head", "security-chief", "security-admin", "system-admin", "audit-admin",
	"pi-officer", "management-member", "cz-cyber-manager", "cz-cyber-architect", "cz-cyber-person",
	"vn-security-unit", "vn-incident-contact"}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r > 0 && r < roleCount }

// String returns the text form, e.g. "security-admin".
func (r Role) String() string { return roleNames.String(uint8(r), "Role") }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) {
	return roleNames.Marshal("obligations", uint8(r), "role")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Role) UnmarshalText(b []byte) error {
	v, err := roleNames.Parse("obligations", b, "role")
	*r = Role(v)
	return err
}

// Message returns the role's name as a translatable message.
func (r Role) Message() medsec.Message {
	if r.Valid() {
		return msgRole[r].New()
	}
	return msgRole[0].New()
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
	PersonID   string     `json:"personId"`
	Name       string     `json:"name"`
	Role       Role       `json:"role"`
	System     string     `json:"system,omitempty"`
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

// Severities.
const (
	SeverityUnknown Severity = iota
	SeverityError            // a rule is broken
	SeverityWarning          // a record is missing or a rule rests on weak sources
)

var severityNames = names{"", "error", "warning"}

// String returns "error" or "warning".
func (s Severity) String() string { return severityNames.String(uint8(s), "Severity") }

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) {
	return severityNames.Marshal("obligations", uint8(s), "severity")
}

// RoleRule identifies a role rule, with its source.
type RoleRule struct {
	ID         string
	Citations  []medsec.Citation
	Confidence medsec.Confidence
}

// Finding is one problem with the role assignments.
type Finding struct {
	Rule     RoleRule
	Severity Severity
	Role     Role
	System   string
	PersonID string
	Message  medsec.Message
}

func cite(s string) medsec.Citation {
	c, err := medsec.ParseCitation(s)
	if err != nil {
		panic("obligations: role rule citation " + s + ": " + err.Error())
	}
	return c
}

// The role rules. Each cites where it comes from.
var (
	ruleLeadershipHead = RoleRule{"CN-ROLE-LEADERSHIP-HEAD", []medsec.Citation{cite("CN-NHC-2022-29 art. 5")}, medsec.Verified}
	ruleCNSysAdminL1   = RoleRule{"CN-ROLE-SYSADMIN-L1", []medsec.Citation{cite("CN-GBT-22239-2019")}, medsec.Verified}
	ruleCNPosts        = RoleRule{"CN-ROLE-POSTS-L2", []medsec.Citation{cite("CN-NHC-2022-29 art. 5"), cite("CN-GBT-22239-2019")}, medsec.Verified}
	ruleDedicatedSec   = RoleRule{"CN-ROLE-DEDICATED-SECADMIN-L3", []medsec.Citation{cite("CN-GBT-22239-2019")}, medsec.Verified}
	ruleDistinctAdmins = RoleRule{"CN-ROLE-DISTINCT-ADMINS-L3", []medsec.Citation{cite("CN-GBT-22239-2019")}, medsec.Partial}
	ruleCIIBackground  = RoleRule{"CN-ROLE-CII-BACKGROUND", []medsec.Citation{cite("CN-CSL-2016 art. 34")}, medsec.Verified}
	ruleVendorNDA      = RoleRule{"CN-ROLE-VENDOR-AGREEMENT", []medsec.Citation{cite("CN-NHC-2022-29 art. 4")}, medsec.Verified}
	ruleCNTraining     = RoleRule{"CN-ROLE-TRAINING", []medsec.Citation{cite("CN-NHC-2022-29 art. 29")}, medsec.Verified}
	ruleCZManager      = RoleRule{"CZ-ROLE-CYBER-MANAGER", []medsec.Citation{cite("CZ-ZKB-264-2025"), cite("CZ-VYH-409-2025 art. 5")}, medsec.Partial}
	ruleCZPerson       = RoleRule{"CZ-ROLE-CYBER-PERSON", []medsec.Citation{cite("CZ-VYH-410-2025 art. 4")}, medsec.Unverified}
	ruleMgmtTraining   = RoleRule{"EU-ROLE-MANAGEMENT-TRAINING", []medsec.Citation{cite("EU-NIS2 art. 20")}, medsec.Verified}
	ruleVNUnit         = RoleRule{"VN-ROLE-SECURITY-UNIT", []medsec.Citation{cite("VN-ND-85-2016 art. 21"), cite("VN-ND-85-2016 art. 12")}, medsec.Verified}
)

// RoleRules returns every rule [CheckRoles] applies, sorted by ID.
func RoleRules() []RoleRule {
	rs := []RoleRule{ruleLeadershipHead, ruleCNSysAdminL1, ruleCNPosts, ruleDedicatedSec, ruleDistinctAdmins, ruleCIIBackground,
		ruleVendorNDA, ruleCNTraining, ruleCZManager, ruleCZPerson, ruleMgmtTraining, ruleVNUnit}
	slices.SortFunc(rs, func(a, b RoleRule) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	for i := range rs {
		rs[i].Citations = slices.Clone(rs[i].Citations)
	}
	return rs
}

// CheckRoles checks role assignments against the profile:
//
//   - China: the leadership group has a head, who is the principal; a
//     level-1 network has a system administrator (GB/T 22239-2019, level-1
//     staffing); with a level-2+ network, a security chief and the system,
//     audit and security administrators are named; at level 3+ the security
//     administrator holds no other role and the three administrators are
//     distinct people; in CII, key-post holders have a background check;
//     vendor staff in posts have a confidentiality agreement; key-post
//     holders have training on record.
//   - Czechia: the higher regime has a cybersecurity manager; the lower a
//     person charged with cybersecurity.
//   - EU: management-body members have training on record (NIS2 higher or
//     lower class only).
//   - Vietnam: with any graded system, the specialised security unit is
//     named.
//
// An institution-level assignment (empty System) covers every system. The
// findings come in a stable order: by rule, then system, then person.
func CheckRoles(p *Profile, as []Assignment) ([]Finding, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var errs fielderr.List
	sysSeen := map[string]*System{}
	for i := range p.Systems {
		sysSeen[p.Systems[i].ID] = &p.Systems[i]
	}
	for i, a := range as {
		switch {
		case a.PersonID == "":
			errs.Add(&medsec.FieldError{Path: pathf("/assignments/%d/personId", i), Rule: "required", Message: msgErrRequired.New("assignment.personId")})
		case !a.Role.Valid():
			errs.Add(&medsec.FieldError{Path: pathf("/assignments/%d/role", i), Rule: "oneof", Value: a.Role.String(), Message: msgErrRequired.New("assignment.role")})
		case a.System != "" && sysSeen[a.System] == nil:
			errs.Add(&medsec.FieldError{Path: pathf("/assignments/%d/system", i), Rule: "exists", Value: a.System, Message: msgErrUnknownSystem.New(a.System)})
		case a.Employment != Employee && a.Employment != VendorStaff:
			errs.Add(&medsec.FieldError{Path: pathf("/assignments/%d/employment", i), Rule: "required", Message: msgErrRequired.New("assignment.employment")})
		}
	}
	if e := errs.Errors(); e != nil {
		return nil, fmt.Errorf("obligations: invalid assignments: %w", e)
	}
	in := &p.Institution
	var out []Finding
	add := func(rule RoleRule, sev Severity, role Role, sys, person string, m medsec.Message) {
		rule.Citations = slices.Clone(rule.Citations) // the finding's own, not the rule table's
		out = append(out, Finding{Rule: rule, Severity: sev, Role: role, System: sys, PersonID: person, Message: m})
	}
	// holders returns the assignments of role that cover system sys.
	holders := func(role Role, sys string) []Assignment {
		var hs []Assignment
		for _, a := range as {
			if a.Role == role && (a.System == "" || a.System == sys) {
				hs = append(hs, a)
			}
		}
		return hs
	}
	rolesOf := func(person string) []Role {
		var rs []Role
		for _, a := range as {
			if a.PersonID == person && !slices.Contains(rs, a.Role) {
				rs = append(rs, a.Role)
			}
		}
		return rs
	}
	has := func(j medsec.Jurisdiction) bool { return slices.Contains(in.Jurisdictions, j) }
	maxMLPS := grading.MLPSLevel(0)
	for _, s := range p.Systems {
		maxMLPS = max(maxMLPS, s.MLPS)
	}
	if has(medsec.CN) {
		heads := holders(RoleLeadershipHead, "")
		if len(heads) == 0 {
			add(ruleLeadershipHead, SeverityError, RoleLeadershipHead, "", "", msgFindMissing.New(RoleLeadershipHead.Message()))
		}
		for _, h := range heads {
			if in.Principal == "" || h.PersonID != in.Principal {
				add(ruleLeadershipHead, SeverityError, RoleLeadershipHead, "", h.PersonID, msgFindHeadNotPrincipal.New(h.PersonID, in.Principal))
			}
		}
		for _, s := range p.Systems {
			if s.MLPS == grading.MLPS1 {
				if len(holders(RoleSystemAdmin, s.ID)) == 0 {
					add(ruleCNSysAdminL1, SeverityError, RoleSystemAdmin, s.ID, "", msgFindMissingForLevel.New(RoleSystemAdmin.Message(), s.ID, int(s.MLPS)))
				}
				continue
			}
			if s.MLPS < grading.MLPS2 {
				continue
			}
			for _, r := range []Role{RoleSecurityChief, RoleSystemAdmin, RoleAuditAdmin, RoleSecurityAdmin} {
				if len(holders(r, s.ID)) == 0 {
					add(ruleCNPosts, SeverityError, r, s.ID, "", msgFindMissingForLevel.New(r.Message(), s.ID, int(s.MLPS)))
				}
			}
			if s.MLPS < grading.MLPS3 {
				continue
			}
			for _, h := range holders(RoleSecurityAdmin, s.ID) {
				for _, r := range rolesOf(h.PersonID) {
					if r != RoleSecurityAdmin {
						add(ruleDedicatedSec, SeverityError, RoleSecurityAdmin, s.ID, h.PersonID, msgFindSecAdminOther.New(h.PersonID, s.ID, r.Message()))
					}
				}
			}
			for _, sa := range holders(RoleSystemAdmin, s.ID) {
				for _, aa := range holders(RoleAuditAdmin, s.ID) {
					if sa.PersonID == aa.PersonID {
						add(ruleDistinctAdmins, SeverityError, RoleAuditAdmin, s.ID, sa.PersonID, msgFindSameAdmin.New(sa.PersonID, s.ID))
					}
				}
			}
		}
		keyPosts := []Role{RoleLeadershipHead, RoleSecurityChief, RoleSecurityAdmin, RoleSystemAdmin, RoleAuditAdmin}
		cii := slices.Contains(in.Flags, FlagCII)
		for _, a := range as {
			if !slices.Contains(keyPosts, a.Role) {
				continue
			}
			if cii && a.BackgroundCheck.IsZero() {
				add(ruleCIIBackground, SeverityError, a.Role, a.System, a.PersonID, msgFindNoBackground.New(a.PersonID, a.Role.Message()))
			}
			if a.Employment == VendorStaff && a.Confidentiality.IsZero() {
				add(ruleVendorNDA, SeverityError, a.Role, a.System, a.PersonID, msgFindNoAgreement.New(a.PersonID, a.Role.Message()))
			}
			if a.Role != RoleLeadershipHead && len(a.TrainingDates) == 0 && a.TrainingHours == 0 {
				add(ruleCNTraining, SeverityWarning, a.Role, a.System, a.PersonID, msgFindNoTraining.New(a.PersonID, a.Role.Message()))
			}
		}
	}
	if has(medsec.CZ) {
		switch in.CZ {
		case grading.CZHigher:
			if len(holders(RoleCZCyberManager, "")) == 0 {
				add(ruleCZManager, SeverityError, RoleCZCyberManager, "", "", msgFindMissing.New(RoleCZCyberManager.Message()))
			}
		case grading.CZLower:
			if len(holders(RoleCZCyberPerson, "")) == 0 && len(holders(RoleCZCyberManager, "")) == 0 {
				add(ruleCZPerson, SeverityWarning, RoleCZCyberPerson, "", "", msgFindMissing.New(RoleCZCyberPerson.Message()))
			}
		}
	}
	if (has(medsec.EU) || has(medsec.CZ)) && (in.NIS2 == grading.Important || in.NIS2 == grading.Essential ||
		in.CZ == grading.CZLower || in.CZ == grading.CZHigher) {
		mgmt := holders(RoleManagementMember, "")
		if len(mgmt) == 0 {
			add(ruleMgmtTraining, SeverityWarning, RoleManagementMember, "", "", msgFindMissing.New(RoleManagementMember.Message()))
		}
		for _, a := range mgmt {
			if len(a.TrainingDates) == 0 && a.TrainingHours == 0 {
				add(ruleMgmtTraining, SeverityError, RoleManagementMember, "", a.PersonID, msgFindNoTraining.New(a.PersonID, RoleManagementMember.Message()))
			}
		}
	}
	if has(medsec.VN) {
		graded := false
		for _, s := range p.Systems {
			graded = graded || s.VN.Valid()
		}
		if graded && len(holders(RoleVNSecurityUnit, "")) == 0 {
			add(ruleVNUnit, SeverityError, RoleVNSecurityUnit, "", "", msgFindMissing.New(RoleVNSecurityUnit.Message()))
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		switch {
		case a.Rule.ID != b.Rule.ID:
			return cmpStr(a.Rule.ID, b.Rule.ID)
		case a.System != b.System:
			return cmpStr(a.System, b.System)
		}
		return cmpStr(a.PersonID, b.PersonID)
	})
	return out, nil
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
