package contracts

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
)

func fixture(t testing.TB, name string) *Contract {
	t.Helper()
	c, err := Decode(bytes.NewReader(readFile(t, name)))
	require.NoError(t, err, name)
	return c
}

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

func TestValidFixtures(t *testing.T) {
	for _, name := range []string{"cz-pacs-2026", "cn-his-2026", "vn-lis-2026", "eu-cloud-full"} {
		c := fixture(t, "testdata/valid/"+name+".json")
		assert.NoError(t, Validate(c), name)
	}
}

// A term includes its first and its last day, so a contract that starts
// and ends on the same day runs for one day and is valid; Validate and the
// JSON Schema agree.
func TestOneDayTermIsValid(t *testing.T) {
	c := fixture(t, "testdata/valid/cz-pacs-2026.json")
	c.Term.End = c.Term.Start
	require.NoError(t, Validate(c))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := Decode(bytes.NewReader(b))
	require.NoError(t, err, "a one-day term decodes")
	assert.Equal(t, c.Term, back.Term)
	assert.NoError(t, schemaErrors(t, b), "the schema accepts a one-day term")
	assert.Contains(t, string(JSONSchema()), "start = end is a valid one-day term")
}

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name       string
		base       string // fixture; default cz-pacs-2026
		mutate     func(c *Contract)
		path, rule string
		value      string
	}{
		{"nil id", "", func(c *Contract) { c.ID = [16]byte{} }, "/id", "required", ""},
		{"no jurisdiction", "", func(c *Contract) { c.Jurisdiction = "" }, "/jurisdiction", "required", ""},
		{"bad jurisdiction", "", func(c *Contract) { c.Jurisdiction = "DE" }, "/jurisdiction", "valid", "DE"},
		{"jurisdiction not the institution's", "", func(c *Contract) { c.Jurisdiction = medsec.VN }, "/jurisdiction", "institution", "VN"},
		{"no category", "", func(c *Contract) { c.Category = 0 }, "/category", "required", ""},
		{"bad category", "", func(c *Contract) { c.Category = 99 }, "/category", "valid", "99"},
		{"no institution name", "", func(c *Contract) { c.Institution.Name = "" }, "/institution/name", "required", ""},
		{"no institution", "", func(c *Contract) { c.Institution = grading.Institution{} }, "/institution", "required", ""},
		{"no institution id", "", func(c *Contract) { c.Institution.ID = "" }, "/institution/id", "required", ""},
		{"long institution name", "", func(c *Contract) { c.Institution.Name = strings.Repeat("é", 301) }, "/institution/name", "max", strings.Repeat("é", 32) + "…"},
		{"no institution country", "", func(c *Contract) { c.Institution.Country = "" }, "/institution/country", "required", ""},
		{"institution country", "", func(c *Contract) { c.Institution.Country = "XX" }, "/institution/country", "iso3166_1_alpha2", "XX"},
		{"institution jurisdiction undeclared", "", func(c *Contract) { c.Institution.Jurisdictions[1] = "DE" }, "/institution/jurisdictions/1", "declared", "DE"},
		{"institution type", "", func(c *Contract) { c.Institution.Type = 0 }, "/institution/type", "required", "unknown"},
		{"institution flag undeclared", "", func(c *Contract) { c.Institution.Flags = []medsec.Flag{"cii", "nope"} }, "/institution/flags/1", "declared", "nope"},
		{"institution event undeclared", "", func(c *Contract) {
			c.Institution.Events = map[medsec.Event]medsec.Date{"a/b": medsec.NewDate(2026, 1, 1)}
		}, "/institution/events/a~1b", "declared", "a/b"},
		{"country", "", func(c *Contract) { c.Vendor.Country = "ZZ" }, "/vendor/country", "iso3166_1_alpha2", "ZZ"},
		{"lower-case country", "", func(c *Contract) { c.Vendor.Country = "cz" }, "/vendor/country", "iso3166_1_alpha2", "cz"},
		{"email", "", func(c *Contract) { c.Vendor.SecurityContact.Email = "nobody" }, "/vendor/securityContact/email", "email", "nobody"},
		{"phone", "", func(c *Contract) { c.Vendor.SecurityContact.Phone = "222 333 444" }, "/vendor/securityContact/phone", "phone", "222 333 444"},
		{"phone too short", "", func(c *Contract) { c.Vendor.SecurityContact.Phone = "+42 01" }, "/vendor/securityContact/phone", "phone", "+42 01"},
		{"long name", "", func(c *Contract) { c.Vendor.Name = strings.Repeat("x", 301) }, "/vendor/name", "max", strings.Repeat("x", 64) + "…"},
		{"no systems", "", func(c *Contract) { c.Institution.Systems = nil }, "/institution/systems", "required", ""},
		{"empty systems", "", func(c *Contract) { c.Institution.Systems = []grading.System{} }, "/institution/systems", "min", "0"},
		{"system id", "", func(c *Contract) { c.Institution.Systems[1].ID = "" }, "/institution/systems/1/id", "required", ""},
		{"system id twice", "", func(c *Contract) { c.Institution.Systems[1].ID = "PACS" }, "/institution/systems/1/id", "unique", "PACS"},
		{"no clauses", "", func(c *Contract) { c.Clauses = []Clause{} }, "/clauses", "min", "0"},
		{"clause kind", "", func(c *Contract) { c.Clauses[3].Kind = 0 }, "/clauses/3/kind", "required", ""},
		{"clause text", "", func(c *Contract) { c.Clauses[5].Text = "" }, "/clauses/5/text", "required", ""},
		{"citation unknown article", "", func(c *Contract) { c.Clauses[0].Citations[0] = medsec.Cite("EU-NIS2", "99") }, "/clauses/0/citations/0", "citation", "EU-NIS2 art. 99"},
		{"citation unknown instrument", "", func(c *Contract) { c.Clauses[0].Citations[0] = medsec.Cite("XX-LAW", "1") }, "/clauses/0/citations/0", "citation", "XX-LAW art. 1"},
		{"term missing end", "", func(c *Contract) { c.Term.End = medsec.Date{} }, "/term/end", "required", ""},
		{"term impossible date", "", func(c *Contract) { c.Term.End = medsec.NewDate(2030, time.February, 30) }, "/term/end", "date", "2030-02-30"},
		// Struct-level rules.
		{"term reversed", "", func(c *Contract) { c.Term.Start = medsec.NewDate(2031, 1, 1) }, "/term/end", "order", "2030-12-31"},
		{"term ends the day before it starts", "", func(c *Contract) { c.Term.End = c.Term.Start.AddDays(-1) }, "/term/end", "order", "2025-12-31"},
		{"hours zero", "", func(c *Contract) { c.Clauses[1].NotifyWithinHours = intp(0) }, "/clauses/1/notifyWithinHours", "positive", "0"},
		{"hours negative", "", func(c *Contract) { c.Clauses[1].NotifyWithinHours = intp(-4) }, "/clauses/1/notifyWithinHours", "positive", "-4"},
		{"hours too many", "", func(c *Contract) { c.Clauses[1].NotifyWithinHours = intp(9000) }, "/clauses/1/notifyWithinHours", "max", "9000"},
		{"critical longer than high", "", func(c *Contract) { c.Clauses[2].RemediationDays.Critical = intp(31) }, "/clauses/2/remediationDays/critical", "severity-order", "31"},
		{"high longer than medium", "", func(c *Contract) { c.Clauses[2].RemediationDays.High = intp(91) }, "/clauses/2/remediationDays/high", "severity-order", "91"},
		{"order skips unset", "", func(c *Contract) {
			c.Clauses[2].RemediationDays = &RemediationDays{Critical: intp(7), High: intp(30), Low: intp(14)}
		}, "/clauses/2/remediationDays/high", "severity-order", "30"},
		{"remediation zero", "", func(c *Contract) { c.Clauses[2].RemediationDays.Critical = intp(0) }, "/clauses/2/remediationDays/critical", "positive", "0"},
		{"remediation high missing", "", func(c *Contract) { c.Clauses[2].RemediationDays.High = nil }, "/clauses/2/remediationDays/high", "required", ""},
		{"rto negative", "", func(c *Contract) { c.Clauses[6].RTOHours = intp(-1) }, "/clauses/6/rtoHours", "nonnegative", "-1"},
		{"param on wrong kind", "", func(c *Contract) { c.Clauses[4].NotifyWithinHours = intp(24) }, "/clauses/4/notifyWithinHours", "param-kind", "24"},
		{"support date on wrong kind", "", func(c *Contract) { c.Clauses[0].SupportEndDate = medsec.NewDate(2030, 1, 1) }, "/clauses/0/supportEndDate", "param-kind", "2030-01-01"},
		{"CZ needs regime", "", func(c *Contract) { c.Institution.CZ = 0 }, "/institution/cz", "required-for", ""},
		{"CZ needs NIS2 class", "", func(c *Contract) { c.Institution.NIS2 = 0 }, "/institution/nis2", "required-for", ""},
		{"CZ has no MLPS", "", func(c *Contract) { c.Institution.Systems[0].MLPS = grading.MLPS3 }, "/institution/systems/0/mlps", "grade-scheme", "3"},
		{"CN needs MLPS level", "cn-his-2026", func(c *Contract) { c.Institution.Systems[1].MLPS = 0 }, "/institution/systems/1/mlps", "required-for", ""},
		{"CN has no VN level", "cn-his-2026", func(c *Contract) { c.Institution.Systems[0].VN = grading.VN2 }, "/institution/systems/0/vn", "grade-scheme", "2"},
		{"VN needs VN level", "vn-lis-2026", func(c *Contract) { c.Institution.Systems[0].VN = 0 }, "/institution/systems/0/vn", "required-for", ""},
		{"EU needs NIS2 class", "eu-cloud-full", func(c *Contract) { c.Institution.NIS2 = 0 }, "/institution/nis2", "required-for", ""},
		{"health flag missing", "", func(c *Contract) { c.DataHandling.HealthData = nil }, "/dataHandling/healthData", "required", ""},
		{"storage country with data", "", func(c *Contract) { c.DataHandling.StorageCountry = "" }, "/dataHandling/storageCountry", "required-with-data", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.base
			if base == "" {
				base = "cz-pacs-2026"
			}
			c := fixture(t, "testdata/valid/"+base+".json")
			tt.mutate(c)
			fes := errorsOf(t, Validate(c))
			var found bool
			for _, e := range fes {
				// The institution's own rules are grading's.
				prefix := "contracts."
				if strings.HasPrefix(e.Message.Key, "grading.") {
					prefix = "grading."
				}
				assert.True(t, strings.HasPrefix(e.Message.Key, prefix), e.Message.Key)
				assert.NotContains(t, e.Message.String(), "%!", "bad format arguments")
				assert.NotContains(t, e.Error(), "Key:", "raw validator text leaked")
				if e.Path == tt.path && e.Rule == tt.rule {
					found = true
					assert.Equal(t, tt.value, e.Value)
				}
			}
			assert.True(t, found, "want %s at %s, got %v", tt.rule, tt.path, describe(fes))
		})
	}
}

func TestValidateNoStorageNeededWithoutData(t *testing.T) {
	c := fixture(t, "testdata/valid/cz-pacs-2026.json")
	c.DataHandling.HealthData, c.DataHandling.PersonalData = boolp(false), boolp(false)
	c.DataHandling.StorageCountry = ""
	assert.NoError(t, Validate(c))
}

func TestValidateNilAndZero(t *testing.T) {
	fes := errorsOf(t, Validate(nil))
	assert.Equal(t, "required", fes[0].Rule)

	fes = errorsOf(t, Validate(&Contract{}))
	for _, p := range []string{"/id", "/jurisdiction", "/category", "/clauses", "/institution", "/vendor", "/term", "/dataHandling"} {
		assert.True(t, hasError(fes, p, "required"), "want required at %s, got %v", p, describe(fes))
	}
	// Sorted by path, numbers numerically.
	for i := 1; i < len(fes); i++ {
		assert.False(t, pathLess(fes[i].Path, fes[i-1].Path), "%s before %s", fes[i-1].Path, fes[i].Path)
	}
}

func pathLess(a, b string) bool { return comparePaths(splitPath(a), splitPath(b)) < 0 }

func TestPathLess(t *testing.T) {
	assert.True(t, pathLess("/clauses/2/kind", "/clauses/10/kind"))
	assert.True(t, pathLess("/clauses", "/clauses/0"))
	assert.True(t, pathLess("", "/a"))
	assert.False(t, pathLess("/b", "/a"))
	assert.False(t, pathLess("/a", "/a"))
}

func TestPointer(t *testing.T) {
	assert.Equal(t, "/clauses/3/remediationDays/critical", pointer("Contract.clauses[3].remediationDays.critical"))
	assert.Equal(t, "/vendor/securityContact/email", pointer("Contract.vendor.securityContact.email"))
	assert.Equal(t, "/clauses/0/citations/1", pointer("Contract.clauses[0].citations[1]"))
	assert.Equal(t, "/id", pointer("Contract.id"))
}

func TestIsPhoneMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(phonePattern)
	for _, s := range []string{"+420 222 333 444", "+420222333444", "+49-30-1234-5678", "+86 21 5555 6666",
		"+1234567", "+123456", "+0123456789", "420222333444", "+420  222", "+420 222 ", "+4-2-0-1-2-3-4",
		"+1234567890123456", "+123456789012345", "+", "", "+420 22a", "+420--222333444", "+ 420222333"} {
		assert.Equal(t, re.MatchString(s), isPhone(s), s)
	}
}
