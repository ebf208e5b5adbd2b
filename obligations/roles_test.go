package obligations

import (
	"slices"
	"testing"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func trained(a Assignment) Assignment {
	a.TrainingHours, a.TrainingDates = 8, []medsec.Date{date("2026-05-10")}
	return a
}

// goodCNStaff fills every post for hospitalCN(MLPS3) correctly.
func goodCNStaff() []Assignment {
	return []Assignment{
		{PersonID: "P-DEAN", Name: "Dean", Role: RoleLeadershipHead, Employment: Employee},
		trained(Assignment{PersonID: "P-CISO", Name: "Chief", Role: RoleSecurityChief, Employment: Employee}),
		trained(Assignment{PersonID: "P-SEC", Name: "Sec", Role: RoleSecurityAdmin, Employment: Employee}),
		trained(Assignment{PersonID: "P-SYS", Name: "Sys", Role: RoleSystemAdmin, Employment: Employee}),
		trained(Assignment{PersonID: "P-AUD", Name: "Aud", Role: RoleAuditAdmin, Employment: Employee}),
	}
}

func ruleIDs(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID+"/"+f.System+"/"+f.PersonID)
	}
	return out
}

func TestCheckRolesChina(t *testing.T) {
	p := hospitalCN(grading.MLPS3)
	fs, err := CheckRoles(&p, goodCNStaff())
	require.NoError(t, err)
	assert.Empty(t, ruleIDs(fs))

	tests := []struct {
		name   string
		mutate func(p *Profile, as []Assignment) []Assignment
		want   []string
	}{
		{"head is not the principal", func(p *Profile, as []Assignment) []Assignment {
			as[0].PersonID = "P-DEPUTY"
			return as
		}, []string{"CN-ROLE-LEADERSHIP-HEAD//P-DEPUTY"}},
		{"no head", func(p *Profile, as []Assignment) []Assignment { return as[1:] },
			[]string{"CN-ROLE-LEADERSHIP-HEAD//"}},
		{"security admin doubles as system admin on level 3", func(p *Profile, as []Assignment) []Assignment {
			as[3].PersonID = "P-SEC"
			return as
		}, []string{"CN-ROLE-DEDICATED-SECADMIN-L3/HIS/P-SEC"}},
		{"same system and audit admin on level 3", func(p *Profile, as []Assignment) []Assignment {
			as[4].PersonID = "P-SYS"
			return as
		}, []string{"CN-ROLE-DISTINCT-ADMINS-L3/HIS/P-SYS"}},
		{"level 2 only: doubling allowed", func(p *Profile, as []Assignment) []Assignment {
			p.Institution.Systems[0].MLPS = grading.MLPS2
			as[3].PersonID = "P-SEC"
			as[4].PersonID = "P-SEC"
			return as
		}, nil},
		{"no audit admin", func(p *Profile, as []Assignment) []Assignment { return as[:4] },
			[]string{"CN-ROLE-POSTS-L2/HIS/", "CN-ROLE-POSTS-L2/OA/"}},
		{"vendor admin without agreement, CII without background check", func(p *Profile, as []Assignment) []Assignment {
			p.Institution.Flags = append(p.Institution.Flags, "cii")
			for i := range as {
				as[i].BackgroundCheck = date("2025-01-01")
			}
			as[3].Employment = VendorStaff
			as[3].BackgroundCheck = medsec.Date{}
			return as
		}, []string{"CN-ROLE-CII-BACKGROUND//P-SYS", "CN-ROLE-VENDOR-AGREEMENT//P-SYS"}},
		{"untrained security admin", func(p *Profile, as []Assignment) []Assignment {
			as[2].TrainingHours, as[2].TrainingDates = 0, nil
			return as
		}, []string{"CN-ROLE-TRAINING//P-SEC"}},
		{"system-specific admins", func(p *Profile, as []Assignment) []Assignment {
			as[3].System = "HIS"
			return as
		}, []string{"CN-ROLE-POSTS-L2/OA/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := hospitalCN(grading.MLPS3)
			as := tt.mutate(&p, goodCNStaff())
			fs, err := CheckRoles(&p, as)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ruleIDs(fs))
			for _, f := range fs {
				checkMessageKeys(t, f.Message)
				require.NotEmpty(t, f.Rule.Citations)
				for _, c := range f.Rule.Citations {
					require.NoError(t, medsec.DefaultRegistry().Resolve(c))
				}
			}
		})
	}
}

// GB/T 22239-2019, security management organisation, post setting
// (岗位设置), level 1: "应设立系统管理员等岗位，并定义各个工作岗位的职责" — a
// level-1 network needs a system administrator; the audit and security
// administrators and the security chief come with level 2.
func TestCheckRolesLevel1SystemAdmin(t *testing.T) {
	p := hospitalCN(grading.MLPS1)
	p.Institution.Systems[1].MLPS = grading.MLPS1
	head := Assignment{PersonID: "P-DEAN", Name: "Dean", Role: RoleLeadershipHead, Employment: Employee}
	fs, err := CheckRoles(&p, []Assignment{head})
	require.NoError(t, err)
	assert.Equal(t, []string{"CN-ROLE-SYSADMIN-L1/HIS/", "CN-ROLE-SYSADMIN-L1/OA/"}, ruleIDs(fs))
	assert.Equal(t, RoleSystemAdmin, fs[0].Role)
	assert.Equal(t, "no system administrator is assigned for system HIS (MLPS level 1)", fs[0].Message.String())
	assert.Equal(t, []medsec.Citation{medsec.Cite("CN-GBT-22239-2019", "")}, fs[0].Rule.Citations)
	assert.Equal(t, medsec.Verified, fs[0].Rule.Confidence)

	// One system administrator for the institution covers both; no other
	// post is needed at level 1.
	sys := trained(Assignment{PersonID: "P-SYS", Name: "Sys", Role: RoleSystemAdmin, Employment: Employee})
	fs, err = CheckRoles(&p, []Assignment{head, sys})
	require.NoError(t, err)
	assert.Empty(t, ruleIDs(fs))

	// An ungraded system needs none.
	p.Institution.Systems[0].MLPS, p.Institution.Systems[1].MLPS = 0, 0
	fs, err = CheckRoles(&p, []Assignment{head})
	require.NoError(t, err)
	assert.Empty(t, ruleIDs(fs))

	// The catalog states the same duty.
	d, ok := DefaultCatalog().Duty("CN-GBT-SYSADMIN-L1")
	require.True(t, ok)
	assert.Equal(t, []Role{RoleSystemAdmin}, d.Roles)
	assert.Equal(t, 1, d.Applies.MinLevel)
	assert.Equal(t, 1, d.Applies.MaxLevel)
	assert.Equal(t, medsec.Verified, d.Confidence)
}

func TestCheckRolesCZVN(t *testing.T) {
	p := hospitalCZ(grading.CZHigher)
	fs, err := CheckRoles(&p, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"CZ-ROLE-409-SECURITY-ROLES//", "CZ-ROLE-409-SECURITY-ROLES//", "CZ-ROLE-409-SECURITY-ROLES//",
		"CZ-ROLE-CYBER-MANAGER//", "EU-ROLE-MANAGEMENT-TRAINING//"}, ruleIDs(fs))
	assert.Equal(t, "no cybersecurity manager is assigned", fs[3].Message.String())
	fs, err = CheckRoles(&p, append(czHigherRoles(), trained(Assignment{PersonID: "B1", Role: RoleManagementMember, Employment: Employee}),
		Assignment{PersonID: "B2", Role: RoleManagementMember, Employment: Employee}))
	require.NoError(t, err)
	assert.Equal(t, []string{"EU-ROLE-MANAGEMENT-TRAINING//B2"}, ruleIDs(fs))

	p = hospitalCZ(grading.CZLower)
	fs, err = CheckRoles(&p, []Assignment{trained(Assignment{PersonID: "B1", Role: RoleManagementMember, Employment: Employee})})
	require.NoError(t, err)
	assert.Equal(t, []string{"CZ-ROLE-CYBER-PERSON//"}, ruleIDs(fs))
	assert.Equal(t, SeverityError, fs[0].Severity, "decree 410 § 4(a), verified (issue 14)")

	v := hospitalVN()
	fs, err = CheckRoles(&v, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"VN-ROLE-SECURITY-UNIT//"}, ruleIDs(fs))
	fs, err = CheckRoles(&v, []Assignment{{PersonID: "U1", Role: RoleVNSecurityUnit, Employment: Employee}})
	require.NoError(t, err)
	assert.Empty(t, fs)

	_, err = CheckRoles(&v, []Assignment{{PersonID: "U1", Role: RoleVNSecurityUnit, System: "NOPE", Employment: Employee}})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	checkErrorMessages(t, err)
}

// czHigherRoles fills the four security roles of decree 409/2025 § 4(4)
// correctly: distinct people, trained, the manager also the architect
// (which the decree allows).
func czHigherRoles() []Assignment {
	return []Assignment{
		trained(Assignment{PersonID: "M1", Role: RoleCZCyberManager, Employment: Employee}),
		trained(Assignment{PersonID: "M1", Role: RoleCZCyberArchitect, Employment: Employee}),
		{PersonID: "G1", Role: RoleCZAssetGuarantor, Employment: Employee},
		trained(Assignment{PersonID: "A1", Role: RoleCZCyberAuditor, Employment: VendorStaff}),
		{PersonID: "O1", Role: RoleCZITOperations, Employment: Employee},
	}
}

// The role rules of the Czech higher regime, read in decree 409/2025
// §§ 4(4) and 5 (CISO Assistant's reproduction, possibly pre-publication,
// so partial): the four roles are appointed; the auditor holds no other
// security role (§ 5(4)(c)); the manager operates no technical asset of the
// service (§ 5(1)(c)); the holders are trained (§ 5(1)(a), (2), (4)(a)).
func TestCheckRolesCZHigher(t *testing.T) {
	p := hospitalCZ(grading.CZHigher)
	board := trained(Assignment{PersonID: "B1", Role: RoleManagementMember, Employment: Employee})
	with := func(change func([]Assignment) []Assignment) []Assignment {
		return append(change(czHigherRoles()), board)
	}
	tests := []struct {
		name, source string
		as           []Assignment
		want         []string
		sev          Severity
	}{
		{"all four roles, manager also architect", "§§ 4(4), 5: one person may be manager and architect",
			with(func(a []Assignment) []Assignment { return a }), nil, 0},
		{"no auditor", "§ 4(4)(d)",
			with(func(a []Assignment) []Assignment { return slices.Delete(a, 3, 4) }), []string{"CZ-ROLE-409-SECURITY-ROLES//"}, SeverityError},
		{"no asset guarantor", "§ 4(4)(c)",
			with(func(a []Assignment) []Assignment { return slices.Delete(a, 2, 3) }), []string{"CZ-ROLE-409-SECURITY-ROLES//"}, SeverityError},
		{"auditor also manager", "§ 5(4)(c)",
			with(func(a []Assignment) []Assignment { a[3].PersonID = "M1"; return a }), []string{"CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE//M1", "CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE//M1"}, SeverityError},
		{"auditor also asset guarantor", "§ 5(4)(c)",
			with(func(a []Assignment) []Assignment { a[3].PersonID = "G1"; return a }), []string{"CZ-ROLE-409-AUDITOR-NO-OTHER-ROLE//G1"}, SeverityError},
		{"manager also operates technical assets", "§ 5(1)(c)",
			with(func(a []Assignment) []Assignment { a[4].PersonID = "M1"; return a }), []string{"CZ-ROLE-409-MANAGER-NOT-OPERATIONS//M1"}, SeverityError},
		{"auditor also an operator: not a security role", "§ 5(4)(c) names security roles only",
			with(func(a []Assignment) []Assignment { a[4].PersonID = "A1"; return a }), nil, 0},
		{"untrained auditor", "§ 5(4)(a)",
			with(func(a []Assignment) []Assignment { a[3].TrainingHours, a[3].TrainingDates = 0, nil; return a }), []string{"CZ-ROLE-409-TRAINING//A1"}, SeverityWarning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := CheckRoles(&p, tt.as)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ruleIDs(fs), tt.source)
			for _, f := range fs {
				assert.Equal(t, tt.sev, f.Severity, tt.source)
				assert.Equal(t, medsec.Partial, f.Rule.Confidence, tt.source)
				checkMessageKeys(t, f.Message)
			}
		})
	}
	fs, err := CheckRoles(&p, with(func(a []Assignment) []Assignment { a[4].PersonID = "M1"; return a }))
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "M1 is the cybersecurity manager and also operates the regulated service's technical assets, which the manager may not", fs[0].Message.String())
	// The lower regime has none of these rules.
	p = hospitalCZ(grading.CZLower)
	fs, err = CheckRoles(&p, []Assignment{{PersonID: "X", Role: RoleCZCyberPerson, Employment: Employee}, board})
	require.NoError(t, err)
	assert.Empty(t, fs)
}

func TestRoleRules(t *testing.T) {
	rs := RoleRules()
	require.Len(t, rs, 16)
	for i, r := range rs {
		if i > 0 {
			assert.Less(t, rs[i-1].ID, r.ID)
		}
		assert.True(t, r.Confidence.Valid())
	}
}
