package assist

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
)

// The $id of each schema.
const (
	OffersSchemaID    = "https://github.com/medsec-go/medsec/assist/offers.schema.json"
	NeedsSchemaID     = "https://github.com/medsec-go/medsec/assist/needs.schema.json"
	CommitteeSchemaID = "https://github.com/medsec-go/medsec/assist/committee.schema.json"
)

// OffersSchema returns the JSON Schema (draft 2020-12) of a file of offers,
// {"offers": [...]}, for offering firms that validate before they send.
// The returned slice is a fresh copy; the same schema is in the package's
// schema directory.
//
// Decode agrees with the schema except on the rules that JSON Schema
// cannot state, which the schema's description lists: unique IDs, the
// period's order, the IČO check digit, lone surrogate escapes, and
// impossible days when a validator does not assert "format": "date". Like
// JSON Schema, Decode reads a whole number written with a fraction or an
// exponent (3.0, 3e0) as that number.
func OffersSchema() []byte { return bytes.Clone(schemas().offers) }

// NeedsSchema returns the JSON Schema (draft 2020-12) of a file of needs,
// {"needs": [...]}. See [OffersSchema] for what it cannot state; it also
// cannot state that a need requests each service once.
func NeedsSchema() []byte { return bytes.Clone(schemas().needs) }

// CommitteeSchema returns the JSON Schema (draft 2020-12) of the
// committee's description, {"committee": {...}}.
func CommitteeSchema() []byte { return bytes.Clone(schemas().committee) }

// Patterns of the schemas for text that only Go can check fully.
const (
	// badText are the characters no text may hold: controls, direction
	// marks and overrides, line and paragraph separators, U+FFFD.
	badText = "\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffd"
	// spaceText are the spaces (besides the controls) that may not open
	// or close a text: those unicode.IsSpace knows.
	spaceText   = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
	textPattern = "^([^" + badText + spaceText + "]([^" + badText + "]*[^" + badText + spaceText + "])?)?$"
	datePattern = `^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
	urlPattern  = `^https://[!#$%&()*+,\-./0-9:;=?@A-Z\[\]_a-z~]+$`
)

type obj = map[string]any

var schemas = sync.OnceValue(func() (s struct{ offers, needs, committee []byte }) {
	s.offers = marshalSchema(offersSchema())
	s.needs = marshalSchema(needsSchema())
	s.committee = marshalSchema(committeeSchema())
	return s
})

func marshalSchema(v obj) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // plain maps of strings, numbers and slices; a test covers it
	}
	return b.Bytes()
}

func text(desc string, max int, required bool) obj {
	o := obj{"type": "string", "description": desc, "maxLength": max, "pattern": textPattern}
	if required {
		o["minLength"] = 1
	}
	return o
}

func enumOf(desc string, names []string) obj {
	return obj{"type": "string", "description": desc, "enum": names}
}

func listOf(desc string, items obj, min, max int) obj {
	o := obj{"type": "array", "description": desc, "items": items, "uniqueItems": true, "maxItems": max}
	if min > 0 {
		o["minItems"] = min
	}
	return o
}

func integer(desc string, min, max int) obj {
	return obj{"type": "integer", "description": desc, "minimum": min, "maximum": max}
}

func object(desc string, props obj, required ...string) obj {
	o := obj{"type": "object", "description": desc, "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func date(desc string) obj {
	return obj{"type": "string", "description": desc, "pattern": datePattern, "format": "date"}
}

// countriesBut returns an alternation of the country codes except skip.
func countriesBut(skip string) string {
	var cs []string
	for _, c := range countryCodes() {
		if c != skip {
			cs = append(cs, c)
		}
	}
	return "(" + strings.Join(cs, "|") + ")"
}

func czRegionNames() []string {
	out := make([]string, len(czRegions))
	for i, r := range czRegions {
		out[i] = string(r)
	}
	return out
}

// commonDefs are the definitions every schema shares.
func commonDefs() obj {
	return obj{
		"id": obj{"type": "string", "description": "An identifier: 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or a digit.", "pattern": idPattern},
		"email": obj{"type": "string", "description": "An e-mail address: an ASCII local part of letters, digits and !#$%&'*+/=?^_{|}~- in dot-separated parts, '@', and a domain of letter-digit-hyphen labels ending in an alphabetic label. Internationalised addresses are not accepted.",
			"maxLength": maxEmail, "pattern": emailPattern},
		"contact": object("Whom to write to.", obj{
			"name":  text("The contact person or office.", maxName, true),
			"email": obj{"$ref": "#/$defs/email", "description": "The contact's e-mail address."},
			"phone": obj{"type": "string", "description": "An international phone number: '+', the country code and 4 to 14 digits, single spaces allowed between digits, e.g. \"+420 224 971 111\".", "pattern": phonePattern},
		}, "email"),
		"language": enumOf("A lower-case ISO 639-1 language code, e.g. \"cs\"; the withdrawn codes in, iw, ji, jw and mo are not accepted.", languageCodes()),
		"country":  enumOf("An officially assigned ISO 3166-1 alpha-2 country code, e.g. \"CZ\".", countryCodes()),
		"region": obj{"type": "string", "description": "Where: one of the 14 Czech regions (CZ-10 Hlavní město Praha … CZ-80 Moravskoslezský kraj), \"CZ\" for the whole Czech Republic, another country's ISO 3166-1 code for the whole of it, or its ISO 3166-2 subdivision code (checked for form only).",
			"anyOf": []any{
				obj{"enum": append([]string{"CZ"}, czRegionNames()...)},
				obj{"pattern": "^" + countriesBut("CZ") + "(-[A-Z0-9]{1,3})?$"},
			}},
		"subdivision": obj{"type": "string", "description": "Where the provider is: one of the 14 Czech regions (CZ-10 … CZ-80) or another country's ISO 3166-2 subdivision code (checked for form only); not a whole country.",
			"anyOf": []any{
				obj{"enum": czRegionNames()},
				obj{"pattern": "^" + countriesBut("CZ") + "-[A-Z0-9]{1,3}$"},
			}},
		"service": enumOf("A service of medsec's taxonomy, by its stable code.", serviceText[1:]),
		"modes":   listOf("How help is delivered: \"on-site\", \"remote\" or both, each once.", enumOf("A mode of delivery.", modeText[1:]), 1, 2),
	}
}

func schemaRoot(id, title, desc string, props obj, required string, defs obj) obj {
	return obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  id,
		"title":                title,
		"description":          desc,
		"type":                 "object",
		"properties":           props,
		"required":             []string{required},
		"additionalProperties": false,
		"$defs":                defs,
	}
}

// cannotState lists the rules of Decode that no JSON Schema states.
const cannotState = " Rules the schema cannot state, which medsec's Decode also checks: " +
	"a file holds no duplicate keys; " +
	"a lone surrogate escape such as \\ud800 is not text; " +
	"no text ends in a line feed (pattern engines that let $ match before a final line feed, such as Python's re, miss this); " +
	"dates are real calendar days (asserted here only where the validator asserts \"format\": \"date\"); "

func offersSchema() obj {
	defs := commonDefs()
	defs["offer"] = object("One offer of help.", obj{
		"id": obj{"$ref": "#/$defs/id", "description": "The offer's ID in the committee's register, unique in the file, e.g. \"O-014\"."},
		"offerer": object("Who offers.", obj{
			"kind":         enumOf("Whether an organisation or a person offers.", offererKindText[1:]),
			"name":         text("The organisation's or the person's name.", maxName, true),
			"country":      obj{"$ref": "#/$defs/country", "description": "The offerer's country of registration or residence."},
			"registration": text("The registration number where there is one; for a Czech offerer the IČO, eight digits with a valid check digit.", maxRegistration, true),
			"contact":      obj{"$ref": "#/$defs/contact", "description": "Whom providers and the committee write to. The catalogue does not print an individual's contact."},
		}, "kind", "name", "country", "contact"),
		"services": listOf("The services offered, each once.", obj{"$ref": "#/$defs/service"}, 1, len(serviceText)-1),
		"terms":    enumOf("Whether the help is free (\"pro-bono\") or charged (\"paid\").", termsText[1:]),
		"capacity": obj{"type": "object", "description": "How much help the offer covers. 0 or absent: that dimension is not limited; at least one must be positive.",
			"properties": obj{
				"engagements": integer("How many providers the offerer can help at the same time.", 0, maxEngagements),
				"personDays":  integer("How many person-days of work the offer covers in all.", 0, maxPersonDays),
			},
			"additionalProperties": false,
			"anyOf": []any{
				obj{"required": []string{"engagements"}, "properties": obj{"engagements": obj{"type": "integer", "minimum": 1}}},
				obj{"required": []string{"personDays"}, "properties": obj{"personDays": obj{"type": "integer", "minimum": 1}}},
			}},
		"modes":     obj{"$ref": "#/$defs/modes"},
		"regions":   listOf("Where helpers can come on site. Required, with at least one region, when the modes include \"on-site\"; absent or empty otherwise.", obj{"$ref": "#/$defs/region"}, 0, maxRegions),
		"languages": listOf("The languages the helpers work in.", obj{"$ref": "#/$defs/language"}, 1, maxLanguages),
		"valid": object("The period in which the offer stands.", obj{
			"from":  date("The first day, YYYY-MM-DD."),
			"until": date("The last day, YYYY-MM-DD, not before \"from\"; absent: until withdrawn."),
		}, "from"),
		"note": text("Anything else providers should know, in the offerer's words.", maxNote, true),
	}, "id", "offerer", "services", "terms", "capacity", "modes", "languages", "valid")
	defs["offer"].(obj)["allOf"] = []any{
		obj{
			"if":   obj{"properties": obj{"modes": obj{"type": "array", "contains": obj{"const": "on-site"}}}, "required": []string{"modes"}},
			"then": obj{"required": []string{"regions"}, "properties": obj{"regions": obj{"type": "array", "minItems": 1}}},
			"else": obj{"properties": obj{"regions": obj{"type": "array", "maxItems": 0}}},
		},
		obj{
			"if":   obj{"properties": obj{"offerer": obj{"type": "object", "properties": obj{"country": obj{"description": "An offerer based in Czechia.", "const": "CZ"}}, "required": []string{"country"}}}, "required": []string{"offerer"}},
			"then": obj{"properties": obj{"offerer": obj{"type": "object", "properties": obj{"registration": obj{"description": "A Czech offerer's registration is its IČO: eight digits.", "type": "string", "pattern": "^[0-9]{8}$"}}}}},
		},
	}
	return schemaRoot(OffersSchemaID, "medsec offers of cybersecurity help",
		"A file of offers of cybersecurity help for healthcare providers (github.com/medsec-go/medsec/assist)."+cannotState+
			"the offer IDs are unique in the file; a period does not end before it starts; a Czech IČO has a valid check digit (the last digit is (11 − Σ dᵢ·(8−i) mod 11) mod 10 over the first seven digits).",
		obj{"offers": listOf("The offers, at least one.", obj{"$ref": "#/$defs/offer"}, 1, maxItems)}, "offers", defs)
}

func needsSchema() obj {
	defs := commonDefs()
	defs["need"] = object("One provider's need for help.", obj{
		"id": obj{"$ref": "#/$defs/id", "description": "The need's ID in the committee's records, unique in the file, e.g. \"N-007\"."},
		"provider": object("The healthcare provider that needs help.", obj{
			"id":     obj{"$ref": "#/$defs/id", "description": "The provider's ID in the committee's records."},
			"name":   text("The provider's name.", maxName, true),
			"type":   enumOf("The kind of provider.", providerTypeText[1:]),
			"region": obj{"$ref": "#/$defs/subdivision"},
			"nis2":   enumOf("The provider's entity class under NIS2 art. 3, when known; it sets the priority within a situation.", []string{"out-of-scope", "important", "essential"}),
			"cz":     enumOf("The provider's regime under the Czech Act 264/2025 Sb., when known; the higher regime counts as essential, the lower as important.", []string{"not-regulated", "lower", "higher"}),
		}, "id", "name", "type", "region"),
		"situation": enumOf("Where the provider stands: under attack now, recovering from an attack, or preparing.", situationText[1:]),
		"reported":  date("The day the committee recorded the need, YYYY-MM-DD; earlier needs come first among equals."),
		"requests": obj{"type": "array", "description": "The services needed, each once, in the provider's order of urgency.", "minItems": 1, "maxItems": len(serviceText) - 1,
			"items": object("One service needed.", obj{
				"service":    obj{"$ref": "#/$defs/service"},
				"personDays": integer("The expected effort in person-days.", 1, maxRequestDays),
			}, "service", "personDays")},
		"modes":       obj{"$ref": "#/$defs/modes", "description": "The ways the provider accepts help, in its order of preference."},
		"languages":   listOf("The languages the provider's staff can work in; when given, only helpers who share one are assigned.", obj{"$ref": "#/$defs/language"}, 0, maxLanguages),
		"proBonoOnly": obj{"type": "boolean", "description": "true: only free help is accepted."},
		"contact":     obj{"$ref": "#/$defs/contact", "description": "The provider's contact for this need."},
		"note":        text("Anything else helpers should know.", maxNote, true),
	}, "id", "provider", "situation", "reported", "requests", "modes", "contact")
	return schemaRoot(NeedsSchemaID, "medsec needs for cybersecurity help",
		"A file of healthcare providers' needs for cybersecurity help (github.com/medsec-go/medsec/assist)."+cannotState+
			"the need IDs are unique in the file; a need requests each service once.",
		obj{"needs": listOf("The needs, at least one.", obj{"$ref": "#/$defs/need"}, 1, maxItems)}, "needs", defs)
}

func committeeSchema() obj {
	defs := commonDefs()
	defs["name"] = object("A proper name in its original language, with its established forms in medsec's locales.", obj{
		"text": text("The name in its original language.", maxName, true),
		"lang": obj{"type": "string", "description": "The BCP 47 tag of the original language, e.g. \"cs\"; the language must be one that BCP 47 registers.", "pattern": tagPattern, "maxLength": 35},
		"translations": obj{"type": "object", "description": "The name's established form per locale.",
			"propertyNames":        obj{"enum": []string{"en", "zh-Hans", "zh-Hant", "vi", "cs"}},
			"additionalProperties": text("The name in that locale.", maxName, true)},
	}, "text", "lang")
	committee := object("The body that collects the offers and publishes the catalogue.", obj{
		"name":         obj{"$ref": "#/$defs/name", "description": "The committee's full name."},
		"shortName":    obj{"$ref": "#/$defs/name", "description": "The abbreviation the committee goes by, e.g. \"Akční výbor KB\"."},
		"parent":       obj{"$ref": "#/$defs/name", "description": "The body that runs the committee and publishes the catalogue."},
		"email":        obj{"$ref": "#/$defs/email", "description": "Where providers ask for help and offerers send offers."},
		"place":        obj{"$ref": "#/$defs/name", "description": "The place line of the notices as it reads before the date: \"V Praze\" in Czech, \"Prague\" in English."},
		"catalogueUrl": obj{"type": "string", "description": "The https address where the catalogue is published; the announcement links to it. No spaces, quotes, angle brackets or non-ASCII characters.", "maxLength": maxURL, "pattern": urlPattern},
	}, "name", "parent", "email", "place", "catalogueUrl")
	return schemaRoot(CommitteeSchemaID, "medsec help committee",
		"The description of the committee that publishes a catalogue of cybersecurity help (github.com/medsec-go/medsec/assist)."+cannotState+
			"the address parses as a URL with a host and no user information.",
		obj{"committee": committee}, "committee", defs)
}
