package obligations

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"

	"github.com/medsec-go/medsec/internal/apitest"
)

// api lists the package's exported API for the tests of package apitest,
// which fail when an exported function or type is missing here.
var api = apitest.API{
	Dir: ".",
	Funcs: map[string]any{
		"CatalogFor": CatalogFor, "CheckRoles": CheckRoles,
		"DefaultCatalog": DefaultCatalog, "LoadCatalog": LoadCatalog, "MessageTemplates": MessageTemplates,
		"NewCatalog": NewCatalog, "ReportSchema": ReportSchema, "RoleReportSchema": RoleReportSchema, "RoleRules": RoleRules, "LoadMappings": LoadMappings, "NewMappings": NewMappings,
		"DecodeProfile": DecodeProfile, "DecodeIncidents": DecodeIncidents, "DecodeEvidence": DecodeEvidence,
		"DecodeAssignments": DecodeAssignments, "DecodeRecords": DecodeRecords, "WithMaxBytes": WithMaxBytes,
		"WithMembers": WithMembers, "ProfileSchema": ProfileSchema, "IncidentsSchema": IncidentsSchema,
		"EvidenceSchema": EvidenceSchema, "AssignmentsSchema": AssignmentsSchema, "RecordsSchema": RecordsSchema,
	},
	Types: []any{ArticleCoverage{}, BulkError{}, CNIncidentGrade(0), Catalog{}, Duty{}, Employment(0), Incident{},
		InstrumentCoverage{}, Item{}, Party(0), Profile{}, Record(0),
		Recurrence{}, RecurrenceKind(0), Report{}, Role(""), RoleReport{}, RoleCheckKind(0), Scope(0), Severity(0), Status(0),
		Coverage(0), Credit{}, MappingMethod(0), MappingStatus(0), Mappings{}, MatchingRationale(0), Relationship(0), Records{}},
}

// TestNilAndZero: review finding F8. Every exported function and method
// called with nil and zero values returns an error or a zero result; none
// panics (GapReport(nil, …), Applicable(nil, …), CheckRoles(nil, …),
// Merge(nil) and the methods and writers of a zero Item did).
func TestNilAndZero(t *testing.T) { apitest.NilZero(t, api) }

// TestZeroItemReport: review finding F8. A report holding a zero Item is
// written without a panic, and the evaluations reject a nil profile.
func TestZeroItemReport(t *testing.T) {
	r := &Report{Items: []Item{{}, {DutyID: "X", Status: StatusMissing}}}
	var b bytes.Buffer
	require.NoError(t, r.WriteText(&b, nil))
	require.NoError(t, r.WriteMarkdown(&b, nil))
	assert.Contains(t, b.String(), "X")
	assert.Error(t, r.WriteJSON(&b), "a zero Item has no status to write")
	_, err := r.MarshalJSON()
	assert.Error(t, err)
	assert.ErrorIs(t, r.WriteText(nil, nil), medsec.ErrInvalidInput)

	c := DefaultCatalog()
	_, err = c.GapReport(nil, nil, at())
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = c.Applicable(nil, medsec.Date{})
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	_, err = CheckRoles(nil, nil)
	assert.ErrorIs(t, err, medsec.ErrInvalidInput)
	m, err := c.Merge(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, c.Len(), m.Len())
	var zero Catalog
	assert.NotNil(t, zero.Registry())
	p := hospitalCN(3)
	rep, err := zero.GapReport(&p, nil, at())
	require.NoError(t, err, "a zero catalog has no duties")
	assert.Empty(t, rep.Items)
	fs, err := zero.CheckRoles(&p, nil)
	require.NoError(t, err, "and no role rules")
	assert.Empty(t, fs)
	var nilCat *Catalog
	assert.Zero(t, nilCat.Len())
	assert.Equal(t, medsec.DefaultRegistry(), nilCat.Registry())
}

// TestResultsAreOwn: review finding F2. Every result that holds slices or
// maps is the caller's own: changing it changes no later result.
func TestResultsAreOwn(t *testing.T) {
	c := DefaultCatalog()
	profiles := []Profile{hospitalCN(3), hospitalVN(), hospitalCZ(2)}
	opts := at()
	gap := func() any {
		var out []*Report
		for i := range profiles {
			r, err := c.GapReport(&profiles[i], nil, opts)
			require.NoError(t, err)
			out = append(out, r)
		}
		return out
	}
	good := `{"duties":[` + goodDuty + `]}`
	fixture := func(name string) *bytes.Reader {
		b, err := os.ReadFile("testdata/input/" + name)
		require.NoError(t, err)
		return bytes.NewReader(b)
	}
	calls := map[string]func() any{
		"DecodeProfile":     func() any { p, _ := DecodeProfile(fixture("profile-cz.json")); return p },
		"DecodeIncidents":   func() any { v, _ := DecodeIncidents(fixture("incidents-cn.json")); return v },
		"DecodeEvidence":    func() any { v, _ := DecodeEvidence(fixture("evidence-cn.json")); return v },
		"DecodeAssignments": func() any { v, _ := DecodeAssignments(fixture("assignments-cz.json")); return v },
		"DecodeRecords":     func() any { v, _ := DecodeRecords(fixture("records-cn.json")); return v },
		"Records.Profile": func() any {
			r, _ := DecodeRecords(fixture("records-cz.json"))
			p, grades, _ := r.Profile(nil, grading.Options{AsOf: medsec.NewDate(2026, 11, 22)})
			return []any{p, grades}
		},
		"ProfileSchema":     func() any { return ProfileSchema() },
		"IncidentsSchema":   func() any { return IncidentsSchema() },
		"EvidenceSchema":    func() any { return EvidenceSchema() },
		"AssignmentsSchema": func() any { return AssignmentsSchema() },
		"RecordsSchema":     func() any { return RecordsSchema() },
		"MessageTemplates":  func() any { return MessageTemplates() },
		"RoleRules":         func() any { return RoleRules() },
		"Catalog.RoleRules": func() any { return c.RoleRules() },
		"Catalog.Roles":     func() any { return c.Roles() },
		"Catalog.Role": func() any {
			r, _ := c.Role(RoleSecurityAdmin)
			return r
		},
		"Catalog.MessageTemplates": func() any { return c.MessageTemplates() },
		"CatalogFor": func() any {
			cf, err := CatalogFor(nil)
			require.NoError(t, err)
			return cf.Duties()
		},
		"Incident.Marks": func() any {
			inc := Incident{Significant: true, PersonalData: true}
			return inc.Marks()
		},
		"Catalog.CheckRoles": func() any {
			p := hospitalCN(3)
			fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
			require.NoError(t, err)
			return fs
		},
		"CheckRoles": func() any {
			p := hospitalCN(3)
			fs, err := CheckRoles(&p, goodCNStaff()[:2])
			require.NoError(t, err)
			return fs
		},
		"LoadCatalog": func() any {
			l, err := LoadCatalog(strings.NewReader(good), nil)
			require.NoError(t, err)
			return l.Duties()
		},
		"NewCatalog": func() any {
			n, err := NewCatalog(nil, c.Duties()[:3]...)
			require.NoError(t, err)
			return n.Duties()
		},
		"Catalog.GapReport": gap,
		"ReportSchema":      func() any { return ReportSchema() },
		"RoleReportSchema":  func() any { return RoleReportSchema() },
		"Catalog.DecodeReport": func() any {
			var out []*Report
			for _, r := range gap().([]*Report) {
				back, err := c.DecodeReport(bytes.NewReader(marshal(t, r)))
				require.NoError(t, err)
				out = append(out, back)
			}
			return out
		},
		"Catalog.DecodeRoleReport": func() any {
			p := hospitalCN(3)
			fs, err := c.CheckRoles(&p, goodCNStaff()[:2])
			require.NoError(t, err)
			back, err := c.DecodeRoleReport(bytes.NewReader(marshal(t, &RoleReport{Institution: "H", Findings: fs})))
			require.NoError(t, err)
			return back
		},
		"Catalog.Applicable": func() any {
			var out [][]Binding
			for i := range profiles {
				bs, err := c.Applicable(&profiles[i], asOf)
				require.NoError(t, err)
				out = append(out, bs)
			}
			return out
		},
		"Catalog.Coverage": func() any {
			cov, err := c.Coverage()
			require.NoError(t, err)
			return cov
		},
		"Catalog.Duty": func() any {
			d, _ := c.Duty("CN-MLPS-FILING-30D")
			return d
		},
		"Catalog.Merge": func() any {
			m, err := c.Merge()
			require.NoError(t, err)
			return m.Duties()
		},
		"Catalog.Mappings":     func() any { return c.Mappings().Collections() },
		"Mappings.Collections": func() any { return c.Mappings().Collections() },
		"Mappings.Covers":      func() any { return c.Mappings().Covers("CZ-264-MEASURES-1Y", "") },
		"Mappings.Merge": func() any {
			m, err := c.Mappings().Merge(nil)
			require.NoError(t, err)
			return m.Collections()
		},
		"LoadMappings": func() any {
			m, err := LoadMappings(strings.NewReader(goodMappings), nil)
			require.NoError(t, err)
			return m.Collections()
		},
		"NewMappings": func() any {
			m, err := NewMappings(nil, c.Mappings().Collections()...)
			require.NoError(t, err)
			return m.Collections()
		},
		"Credit.Message": func() any {
			return Credit{From: "X", Set: "s", Relationship: EqualTo, Coverage: CoverageFull, Confidence: medsec.Partial}.Message()
		},
		"Catalog.Portfolio": func() any {
			entries := make([]PortfolioEntry, len(profiles))
			for i := range profiles {
				entries[i] = PortfolioEntry{Profile: &profiles[i]}
			}
			return c.Portfolio(entries, opts)
		},
	}
	samples := []any{c}
	for _, r := range gap().([]*Report) {
		samples = append(samples, r)
		for i := range r.Items {
			samples = append(samples, &r.Items[i])
		}
	}
	for _, r := range calls["Catalog.DecodeReport"]().([]*Report) {
		samples = append(samples, r)
		for i := range r.Items {
			samples = append(samples, &r.Items[i])
		}
	}
	samples = append(samples, calls["Catalog.DecodeRoleReport"]())
	cov, _ := c.Coverage()
	for i := range cov {
		samples = append(samples, &cov[i])
	}
	role := RoleSecurityAdmin
	samples = append(samples, &Duty{}, &Profile{}, &role)
	apitest.Aliasing(t, api, calls, samples)
}
