package contracts

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/medsec-go/medsec"
	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/schemagen"
)

// SchemaID is the $id of the schema [JSONSchema] returns.
const SchemaID = "https://github.com/medsec-go/medsec/contracts/contract.schema.json"

// Patterns the schema uses for strings that Go types parse. The decoder
// and Validate apply the same rules (tests keep them in step).
const (
	uuidPattern     = `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`
	citationPattern = `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*( (art\. |Annex )[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(\([A-Za-z0-9.]+\)(\([A-Za-z0-9.]+\))?)?)?$`
	// emailPattern is the one rule for e-mail addresses, in the schema and
	// in Validate: an ASCII address of the dot-atom form (RFC 5322
	// section 3.4.1) whose domain has at least two labels of letters,
	// digits and inner hyphens and ends in a top-level domain of letters.
	// Quoted local parts, address literals ("a@[127.0.0.1]"), a trailing
	// dot and internationalised addresses are refused: a security desk
	// that a hospital must reach has a plain address.
	emailPattern = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*" +
		`@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$`
	maxEmail = 254
)

// emailSyntax is compiled on the first address checked, not when a
// program that never checks one starts.
var emailSyntax = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(emailPattern) })

// isEmail reports whether s is an e-mail address by emailPattern.
func isEmail(s string) bool { return len(s) <= maxEmail && emailSyntax().MatchString(s) }

// minimums are the lower bounds the struct-level rules set on integer
// parameters (hours and days positive; RTO and RPO not negative).
var minimums = map[string]int64{
	"notifyWithinHours": 1, "dataReturnDays": 1, "logRetentionDays": 1,
	"critical": 1, "high": 1, "medium": 1, "low": 1,
	"rtoHours": 0, "rpoHours": 0,
}

// The rules of Validate that JSON Schema cannot state, with the phrase
// that documents each in the schema's $comment. The differential test
// allows a disagreement between the schema and Decode+Validate only for
// these, and checks that the schema names each.
var inexpressible = []struct{ kind, doc string }{
	{"term-order", "the term does not end before it starts (both days belong to it, so start = end is a valid one-day term)"},
	{"severity-order", "remediation deadlines are ordered critical ≤ high ≤ medium ≤ low"},
	{"declared", "jurisdictions, flags and events are declared by the packs of the registry in use (the schema checks only their form)"},
	{"citation", "citations name instruments and articles of the registry in use"},
	{"unique", "system IDs are unique within the institution"},
	{"duplicate-key", "no object repeats a key (a JSON Schema validator sees only one of them)"},
	{"utf8", "text is valid UTF-8 and escapes no unpaired surrogate (JSON parsers differ on these before validation starts)"},
	{"bom", "the document does not start with a byte order mark"},
	{"size", "the document is at most 1 MiB unless the reader allows more"},
}

var schemaJSON = sync.OnceValue(func() []byte {
	jurs := jurisdictionCodes()
	b := schemagen.Builder{
		Describe: func(t reflect.Type, field string) string {
			if d := schemagen.InstitutionDoc(t, field); d != "" {
				return d
			}
			return contractDocs[t.Name()+"."+field]
		},
		Leaf:   leafSchema,
		Field:  fieldSchema,
		Object: objectSchema,
	}
	root := b.Build(reflect.TypeFor[Contract]())
	root["allOf"] = contractConditions(jurs)
	var rules []string
	for _, r := range inexpressible {
		rules = append(rules, r.doc)
	}
	root["$comment"] = "Rules of Validate that this schema cannot state: " + strings.Join(rules, "; ") + ". " + schemagen.TextComment
	return schemagen.Marshal(root, SchemaID, "medsec vendor contract",
		"Security-relevant data of a contract between a healthcare institution and a vendor "+
			"(github.com/medsec-go/medsec/contracts), as contracts.Decode reads it and contracts.Validate checks it. "+
			"The schema states every rule of the format that JSON Schema can state; the $comment lists the others. "+
			"Jurisdictions, flags and events are those of the registry in use: medsec's own declares the jurisdictions "+
			strings.Join(jurs, ", ")+".")
})

// JSONSchema returns a JSON Schema (draft 2020-12) of the contract
// format, for vendors who validate before sending. It is generated from
// the Go types and their validation rules: a differential test feeds more
// than a thousand mutants of the sample contracts to [Decode] and
// [Validate] and to an independent JSON Schema validator and fails when
// they disagree, except on the rules JSON Schema cannot state, which the
// schema's $comment lists (the term's order, the order of remediation
// deadlines, what the registry declares, that citations resolve, unique
// system IDs, and what JSON parsers differ on: duplicate keys, invalid
// UTF-8, a byte order mark). Every property has a description; the
// schema validates in ajv's strict mode with ajv-formats and in
// python-jsonschema with formats asserted. The returned slice is a fresh
// copy.
func JSONSchema() []byte {
	return append([]byte(nil), schemaJSON()...)
}

// leafSchema gives the text types of a contract their schema.
func leafSchema(t reflect.Type) (schemagen.Schema, bool) {
	switch t {
	case reflect.TypeFor[uuid.UUID]():
		return schemagen.Schema{"type": "string", "format": "uuid", "pattern": uuidPattern,
			"not": schemagen.Schema{"const": uuid.Nil.String()}}, true
	case reflect.TypeFor[medsec.Citation]():
		return schemagen.Schema{"type": "string", "pattern": citationPattern}, true
	}
	return nil, false
}

// fieldSchema adds a field's validation rules (its validate tag, or the
// rules package contracts applies to the types of package grading) to
// its schema, and reports whether the field is required.
func fieldSchema(t reflect.Type, f reflect.StructField, name string, p schemagen.Schema) bool {
	v := f.Tag.Get("validate")
	if tags, ok := foreignTags[t]; ok {
		v = tags[name]
	}
	tags := strings.Split(v, ",")
	if i := slices.Index(tags, "dive"); i >= 0 {
		tags = tags[:i]
	}
	required := false
	for _, tag := range tags {
		name, _, _ := strings.Cut(tag, "=")
		n, _ := tagInt(tag, name+"=")
		switch {
		case name == "required":
			required = true
			switch p["type"] {
			case "string":
				p["minLength"] = 1
			case "array":
				p["minItems"] = 1
			}
		case name == "min" && p["type"] == "array":
			p["minItems"] = n
		case name == "max" && p["type"] == "array":
			p["maxItems"] = n
		case name == "max" && p["type"] == "string":
			p["maxLength"] = n
		case name == "max" && p["type"] == "integer":
			p["maximum"] = n
		case name == "iso3166_1_alpha2":
			delete(p, "pattern")
			p["enum"] = countryCodes(t == reflect.TypeFor[grading.Institution]())
		case name == "email":
			// No "format": validators' e-mail formats differ from one
			// another; the pattern is the one rule.
			p["pattern"] = emailPattern
			p["maxLength"] = maxEmail
		case name == "phone":
			p["pattern"] = phonePattern
		}
	}
	if m, ok := minimums[name]; ok && p["type"] == "integer" {
		p["minimum"] = m
	}
	// The decoder's bound of every list and map without one of its own.
	switch {
	case p["type"] == "array" && p["maxItems"] == nil:
		p["maxItems"] = maxListItems
	case p["type"] == "object" && p["propertyNames"] != nil:
		p["maxProperties"] = maxListItems
	}
	return required
}

// objectSchema adds the rules that span an object's fields: a clause
// parameter belongs to certain kinds of clause.
func objectSchema(t reflect.Type, s schemagen.Schema) {
	if t == clauseType {
		s["allOf"] = paramConditions()
	}
}

var clauseType = reflect.TypeFor[Clause]()

// paramConditions: a parameter may appear only on the clause kinds it
// belongs to.
func paramConditions() []any {
	var out []any
	for _, p := range allParams {
		var kinds []string
		for _, k := range paramKinds[p] {
			kinds = append(kinds, k.String())
		}
		out = append(out, schemagen.Schema{
			"if":   schemagen.Schema{"type": "object", "required": []string{string(p)}},
			"then": schemagen.Schema{"type": "object", "required": []string{"kind"}, "properties": schemagen.Schema{"kind": schemagen.Schema{"enum": kinds}}},
		})
	}
	return out
}

// contractConditions are the rules of Validate that span the contract:
// the contract's jurisdiction is one of the institution's; each
// jurisdiction's grades and classes are required, the others' refused;
// the storage country is required when health or personal data is
// handled.
func contractConditions(jurs []string) []any {
	inst := func(s schemagen.Schema) schemagen.Schema {
		return schemagen.Schema{"properties": schemagen.Schema{"institution": s}}
	}
	systems := func(items schemagen.Schema) schemagen.Schema {
		return inst(schemagen.Schema{"properties": schemagen.Schema{"systems": schemagen.Schema{"items": items}}})
	}
	var out []any
	for _, j := range jurs {
		out = append(out, schemagen.If("jurisdiction", j, inst(schemagen.Schema{"properties": schemagen.Schema{
			"jurisdictions": schemagen.Schema{"contains": schemagen.Schema{"const": j}}}})))
	}
	// The grades of a system belong to one jurisdiction each, and the NIS2
	// class and Czech regime are needed under EU and Czech law.
	for _, g := range []struct {
		field string
		j     medsec.Jurisdiction
	}{{"mlps", medsec.CN}, {"vn", medsec.VN}} {
		out = append(out,
			schemagen.If("jurisdiction", string(g.j), systems(schemagen.Schema{"required": []string{g.field}})),
			schemagen.Schema{
				"if":   schemagen.Schema{"type": "object", "required": []string{"jurisdiction"}, "properties": schemagen.Schema{"jurisdiction": schemagen.Schema{"not": schemagen.Schema{"const": string(g.j)}}}},
				"then": schemagen.Object(systems(schemagen.Schema{"not": schemagen.Schema{"required": []string{g.field}}})),
			})
	}
	out = append(out,
		schemagen.If("jurisdiction", string(medsec.EU), inst(schemagen.Schema{"required": []string{"nis2"}})),
		schemagen.If("jurisdiction", string(medsec.CZ), inst(schemagen.Schema{"required": []string{"nis2", "cz"}})))
	for _, flag := range []string{"healthData", "personalData"} {
		out = append(out, schemagen.Schema{
			"if": schemagen.Schema{"type": "object", "required": []string{"dataHandling"}, "properties": schemagen.Schema{"dataHandling": schemagen.Schema{
				"type": "object", "required": []string{flag}, "properties": schemagen.Schema{flag: schemagen.Schema{"const": true}}}}},
			"then": schemagen.Object(schemagen.Schema{"properties": schemagen.Schema{"dataHandling": schemagen.Schema{"required": []string{"storageCountry"}}}}),
		})
	}
	return out
}

// jurisdictionCodes lists the jurisdictions of the default registry.
func jurisdictionCodes() []string {
	var out []string
	for _, j := range medsec.DefaultRegistry().Jurisdictions() {
		out = append(out, string(j))
	}
	return out
}

// countryCodes lists the codes Validate accepts as a country: the
// assigned ISO 3166-1 alpha-2 codes, as the validator knows them, and
// for an institution also the jurisdictions of the default registry.
func countryCodes(institution bool) []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			c := string([]rune{a, b})
			if validate().Var(c, "iso3166_1_alpha2") == nil {
				out = append(out, c)
			} else if _, ok := medsec.DefaultRegistry().Jurisdiction(medsec.Jurisdiction(c)); ok && institution {
				out = append(out, c)
			}
		}
	}
	return out
}

// contractDocs describe the fields of the contract's own types, by
// "Type.field".
var contractDocs = map[string]string{
	"Contract.id":                      "The contract's ID: a UUID in canonical lower-case form, e.g. \"6f1c2a4e-8b3d-4c5e-9a7f-0d1e2f3a4b5c\". The nil UUID is not an ID.",
	"Contract.jurisdiction":            "The law whose clause rules the contract is checked against: a jurisdiction of the registry in use and one of the institution's jurisdictions. A Czech hospital's contracts give CZ (NIS2 binds it through Czech law).",
	"Contract.institution":             "The hospital or other healthcare institution, in the form grading and obligations share, with the systems the contract touches and their grades: an MLPS level for each system under CN, a Vietnamese level under VN, none under EU and CZ. A contract's institution needs a name, a country and at least one system, and under EU and CZ law its NIS2 class (CZ: also its Czech regime).",
	"Contract.vendor":                  "The supplier.",
	"Contract.significantSupplier":     "The institution treats the vendor as a significant supplier (významný dodavatel) under Czech law; the Czech supplier-contract rules apply only to such contracts. Other jurisdictions ignore it.",
	"Contract.category":                "The procurement category (ENISA working list).",
	"Contract.term":                    "The contract's duration.",
	"Contract.dataHandling":            "What data the vendor handles, and where.",
	"Contract.clauses":                 "The contract's security-relevant clauses.",
	"Vendor.name":                      "The vendor's legal name.",
	"Vendor.country":                   "The assigned ISO 3166-1 alpha-2 code of the vendor's seat, e.g. \"CZ\".",
	"Vendor.registrationId":            "The vendor's company registration number.",
	"Vendor.securityContact":           "Who the hospital calls about security matters.",
	"Contact.name":                     "The person's or desk's name.",
	"Contact.email":                    "An e-mail address: ASCII, of the dot-atom form (no quoted local part, no address literal, no trailing dot), with a domain of at least two labels, e.g. \"security@vendor.example\".",
	"Contact.phone":                    "An international phone number: \"+\", the country code (not starting with 0) and the number, 7 to 15 digits in all, optionally grouped by single spaces or hyphens, e.g. \"+420 222 333 444\".",
	"Term.start":                       "The first day of the contract, YYYY-MM-DD.",
	"Term.end":                         "The last day of the contract, YYYY-MM-DD: not before start (both days belong to the term).",
	"DataHandling.healthData":          "Whether the vendor stores, processes or can see health data.",
	"DataHandling.personalData":        "Whether the vendor handles personal data.",
	"DataHandling.storageCountry":      "The assigned ISO 3166-1 alpha-2 code of the country where the data is stored. Required when health or personal data is handled; otherwise leave it out rather than give an empty text.",
	"DataHandling.crossBorderTransfer": "Whether data leaves the institution's country.",
	"DataHandling.remoteAccess":        "Whether the vendor reaches the institution's systems remotely.",
	"Clause.kind":                      "What the clause is about; it decides which parameters the clause may carry.",
	"Clause.text":                      "The clause's wording, in any language.",
	"Clause.citations":                 "The provisions the clause implements, each of the form \"INSTRUMENT-ID art. 21(2)(d)\" and naming an instrument and article of the registry in use.",
	"Clause.notifyWithinHours":         "The incident notice period in hours; only on incident-notification clauses.",
	"Clause.remediationDays":           "The fix deadlines in days by severity; only on vulnerability-handling and patching clauses.",
	"Clause.supportEndDate":            "The last day of security updates, YYYY-MM-DD; only on end-of-support clauses.",
	"Clause.rtoHours":                  "The recovery time objective in hours; only on business-continuity clauses.",
	"Clause.rpoHours":                  "The recovery point objective in hours, 0 for no data loss; only on business-continuity clauses.",
	"Clause.viaHospitalGateway":        "Whether remote access goes only through a gateway the hospital controls; only on remote-access-control clauses.",
	"Clause.mfa":                       "Whether remote access needs multi-factor authentication; only on remote-access-control clauses.",
	"Clause.transferAssessment":        "Whether a security assessment precedes any transfer of data abroad; only on data-localisation clauses.",
	"Clause.dataReturnDays":            "Days to return and delete the data after the contract ends; only on exit-and-data-return clauses.",
	"Clause.logRetentionDays":          "Days security logs are kept; only on logging clauses.",
	"RemediationDays.critical":         "Days to fix a critical vulnerability.",
	"RemediationDays.high":             "Days to fix a high-severity vulnerability: not fewer than for critical ones.",
	"RemediationDays.medium":           "Days to fix a medium-severity vulnerability: not fewer than for high ones.",
	"RemediationDays.low":              "Days to fix a low-severity vulnerability: not fewer than for medium ones.",
}
