package contracts

import (
	"encoding/json"
	"sort"
	"strings"
	"sync"

	"github.com/medsec-go/medsec"
)

// SchemaID is the $id of the schema [JSONSchema] returns.
const SchemaID = "https://github.com/medsec-go/medsec/contracts/contract.schema.json"

// Patterns the schema uses for strings that Go types parse.
const (
	countryPattern      = `^[A-Z]{2}$`
	datePattern         = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	uuidPattern         = `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`
	jurisdictionPattern = `^[A-Z]{2}$`
	codePattern         = `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`
	citationPattern     = `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*( (art\. |Annex )[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(\([A-Za-z0-9.]+\)(\([A-Za-z0-9.]+\))?)?)?$`
	emailPattern        = `^[^@\s]+@[^@\s]+\.[^@\s]+$`
)

// minimums are the lower bounds the struct-level rules set on integer
// parameters (hours and days positive; RTO and RPO not negative).
var minimums = map[string]int64{
	"notifyWithinHours": 1, "dataReturnDays": 1, "logRetentionDays": 1,
	"critical": 1, "high": 1, "medium": 1, "low": 1,
	"rtoHours": 0, "rpoHours": 0,
}

var schemaJSON = sync.OnceValue(func() []byte {
	root := schemaOf(contractShape())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaID
	root["title"] = "medsec vendor contract"
	root["description"] = "Security-relevant data of a contract between a healthcare institution and a vendor " +
		"(github.com/medsec-go/medsec/contracts). Cross-field rules the schema cannot state: the term does not " +
		"end before it starts (both days belong to it, so start = end is a valid one-day term); remediation deadlines are ordered critical ≤ high ≤ medium ≤ low; country codes are " +
		"assigned ISO 3166-1 codes (the institution's may also be a jurisdiction the registry declares); jurisdictions, flags and events are declared by the packs of the registry in use (medsec's own " +
		"declare the jurisdictions " + strings.Join(jurisdictionCodes(), ", ") + "), and the contract's jurisdiction is one of " +
		"the institution's; citations name provisions of that registry; grades match the jurisdiction; system IDs are unique."
	root["allOf"] = jurisdictionConditions()
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // the schema is built from plain maps; a test covers it
	}
	return b
})

// JSONSchema returns a JSON Schema (draft 2020-12) of the contract
// format, for vendors who validate before sending. It is generated from
// the Go types and their validation tags; a test proves it agrees with
// them and with [Decode] and [Validate] on the sample contracts. The
// returned slice is a fresh copy.
func JSONSchema() []byte {
	return append([]byte(nil), schemaJSON()...)
}

func schemaOf(s *shape) map[string]any {
	switch s.kind {
	case shapeObject:
		props := map[string]any{}
		required := []string{}
		for _, f := range s.fields {
			p := schemaOf(f.shape)
			applyTags(p, f)
			props[f.name] = p
			if f.required {
				required = append(required, f.name)
			}
		}
		sort.Strings(required)
		o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			o["required"] = required
		}
		if s.goType == clauseType {
			o["allOf"] = paramConditions()
		}
		return o
	case shapeArray:
		return map[string]any{"type": "array", "items": schemaOf(s.elem)}
	case shapeMap:
		return map[string]any{"type": "object", "propertyNames": schemaOf(s.key), "additionalProperties": schemaOf(s.elem)}
	case shapeInteger:
		return map[string]any{"type": "integer"}
	case shapeBoolean:
		return map[string]any{"type": "boolean"}
	case shapeString:
		return map[string]any{"type": "string"}
	}
	switch s.class {
	case textEnum:
		return map[string]any{"type": "string", "enum": s.enum}
	case textDate:
		return map[string]any{"type": "string", "format": "date", "pattern": datePattern}
	case textUUID:
		return map[string]any{"type": "string", "format": "uuid", "pattern": uuidPattern}
	case textJurisdiction:
		return map[string]any{"type": "string", "pattern": jurisdictionPattern}
	case textCode:
		return map[string]any{"type": "string", "maxLength": 64, "pattern": codePattern}
	}
	return map[string]any{"type": "string", "pattern": citationPattern}
}

// applyTags adds the validate tag's constraints to a property's schema.
func applyTags(p map[string]any, f field) {
	tags := strings.Split(f.validate, ",")
	if i := indexOf(tags, "dive"); i >= 0 {
		tags = tags[:i]
	}
	for _, t := range tags {
		name, arg, _ := strings.Cut(t, "=")
		n, _ := tagInt(t, name+"=")
		switch {
		case name == "required" && p["type"] == "string":
			p["minLength"] = 1
		case name == "required" && p["type"] == "array":
			p["minItems"] = 1
		case name == "min" && p["type"] == "array":
			p["minItems"] = n
		case name == "max" && p["type"] == "array":
			p["maxItems"] = n
		case name == "max" && p["type"] == "string":
			p["maxLength"] = n
		case name == "max" && p["type"] == "integer":
			p["maximum"] = n
		case name == "min" && p["type"] == "string":
			p["minLength"] = n
		case name == "iso3166_1_alpha2":
			p["pattern"] = countryPattern
		case name == "email":
			p["format"] = "email"
			p["pattern"] = emailPattern
		case name == "phone":
			p["pattern"] = phonePattern
		}
		_ = arg
	}
	if m, ok := minimums[f.name]; ok && p["type"] == "integer" {
		p["minimum"] = m
	}
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

// paramConditions: a parameter may appear only on the clause kinds it
// belongs to.
func paramConditions() []any {
	var out []any
	for _, p := range allParams {
		var kinds []string
		for _, k := range paramKinds[p] {
			kinds = append(kinds, k.String())
		}
		out = append(out, map[string]any{
			"if":   map[string]any{"required": []string{string(p)}},
			"then": map[string]any{"required": []string{"kind"}, "properties": map[string]any{"kind": map[string]any{"enum": kinds}}},
		})
	}
	return out
}

// jurisdictionConditions: the fields each jurisdiction needs, and the
// storage country when health or personal data is handled.
func jurisdictionConditions() []any {
	when := func(j string, then map[string]any) map[string]any {
		return map[string]any{
			"if":   map[string]any{"required": []string{"jurisdiction"}, "properties": map[string]any{"jurisdiction": map[string]any{"const": j}}},
			"then": then,
		}
	}
	inst := func(fields ...string) map[string]any {
		return map[string]any{"properties": map[string]any{"institution": map[string]any{"required": fields}}}
	}
	systems := func(field string) map[string]any {
		return map[string]any{"properties": map[string]any{"institution": map[string]any{"properties": map[string]any{
			"systems": map[string]any{"items": map[string]any{"required": []string{field}}}}}}}
	}
	dataFlag := func(flag string) map[string]any {
		return map[string]any{
			"if": map[string]any{"required": []string{"dataHandling"}, "properties": map[string]any{"dataHandling": map[string]any{
				"required": []string{flag}, "properties": map[string]any{flag: map[string]any{"const": true}}}}},
			"then": map[string]any{"properties": map[string]any{"dataHandling": map[string]any{"required": []string{"storageCountry"}}}},
		}
	}
	return []any{
		when("CN", systems("mlps")), when("VN", systems("vn")),
		when("EU", inst("nis2")), when("CZ", inst("nis2", "cz")),
		dataFlag("healthData"), dataFlag("personalData"),
	}
}

// jurisdictionCodes lists the jurisdictions of the default registry.
func jurisdictionCodes() []string {
	var out []string
	for _, j := range medsec.DefaultRegistry().Jurisdictions() {
		out = append(out, string(j))
	}
	return out
}
