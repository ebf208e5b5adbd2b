package gradingio

import (
	"reflect"
	"strings"
	"sync"

	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/internal/inputjson"
	"github.com/medsec-go/medsec/internal/schemagen"
)

// SchemaBase is the start of the $id of every schema of the package:
// SchemaBase + "vn-input.schema.json" and so on.
const SchemaBase = "https://github.com/medsec-go/medsec/grading/gradingio/"

// The rules that JSON Schema cannot state, as the schemas' $comment names
// them; the differential tests allow a disagreement between a schema and
// its decoder only on these.
const (
	docUnique    = "system IDs are unique within the document"
	docDuplicate = "no object repeats a key (a JSON Schema validator sees only one of them)"
	docUTF8      = "text is valid UTF-8 and escapes no unpaired surrogate (JSON parsers differ on these before validation starts)"
	docBOM       = "the document does not start with a byte order mark"
	docSize      = "the document is at most 4 MiB unless the reader allows more"
)

// inexpressible lists the kinds of those rules with their documentation.
var inexpressible = map[string]string{
	"unique": docUnique, "duplicate-key": docDuplicate, "utf8": docUTF8, "bom": docBOM, "size": docSize,
}

func comment(unique bool) string {
	rules := []string{docDuplicate, docUTF8, docBOM, docSize}
	if unique {
		rules = append([]string{docUnique}, rules...)
	}
	return "Rules of the decoder that this schema cannot state: " + strings.Join(rules, "; ") + ". " + schemagen.TextComment
}

// inputRules say what the input formats ask of every field; the decoders
// and the schemas are made from them.
var inputRules = inputjson.Rules{
	"MLPSInput.system":               {Doc: "The system's name, which the reasons of the result show, e.g. \"HIS\"."},
	"MLPSInput.information":          {Doc: "The harm a breach of business-information security (业务信息安全) would do to each object.", Required: true},
	"MLPSInput.service":              {Doc: "The harm a breach of system-service security (系统服务安全) would do to each object.", Required: true},
	"MLPSInput.tertiaryHospitalCore": {Doc: "The system is a core business system (核心业务系统) of a tertiary grade-A (三级甲等) hospital."},
	"MLPSInput.healthPlatform":       {Doc: "The system is a national, provincial or municipal health information platform, or one of the national health data centres."},
	"MLPSInput.internetHospital":     {Doc: "The system is an internet-hospital system (the result notes that no floor is applied for it)."},
	"HarmProfile.citizens":           {Doc: "The harm to the lawful rights and interests of citizens, legal persons and other organisations (公民、法人和其他组织的合法权益); \"none\" where they are not harmed.", Required: true},
	"HarmProfile.society":            {Doc: "The harm to social order and the public interest (社会秩序、公共利益); \"none\" where they are not harmed.", Required: true},
	"HarmProfile.nation":             {Doc: "The harm to national security (国家安全); \"none\" where it is not harmed.", Required: true},

	"VNInput.system":                {Doc: "The system's name, which the reasons of the result show."},
	"VNInput.type":                  {Doc: "The system type (Decree 85/2016 art. 6(2)).", Required: true},
	"VNInput.information":           {Doc: "The information classes the system processes (art. 6(1)), joined by \"|\" in the order public, private, personal, state-secret, e.g. \"public|personal\".", Required: true},
	"VNInput.secretGrade":           {Doc: "The highest state-secret grade processed. Required when the information includes state-secret."},
	"VNInput.secretHarm":            {Doc: "The harm a compromise would do to defence and national security. Required when the information includes state-secret."},
	"VNInput.publicService":         {Doc: "The online public-service level. Required for public-facing systems."},
	"VNInput.conditionalBusiness":   {Doc: "Whether the online service is in the list of conditional business lines. Required for public-facing systems."},
	"VNInput.users":                 {Doc: "The number of users whose private or personal information the system processes. Required, at least 1, for public-facing systems that process private or personal information.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},
	"VNInput.reach":                 {Doc: "How far an infrastructure reaches. Required for infrastructure."},
	"VNInput.nonStop":               {Doc: "Whether the system must run 24/7 and accepts no unplanned stoppage. Required for nationwide infrastructure and for national e-government systems."},
	"VNInput.worksGrade":            {Doc: "The grade of the construction works an industrial control system directly runs. Required for industrial control."},
	"VNInput.worksNationalSecurity": {Doc: "The system controls works important to national security (art. 11(4))."},
	"VNInput.nationalEGovernment":   {Doc: "The system is a national information system for e-government (art. 10(2)); nonStop is then required."},
	"VNInput.nationalDataStore":     {Doc: "The system stores especially important national data centrally (art. 11(2))."},
	"VNInput.pmDesignated":          {Doc: "The Prime Minister designated the system (art. 11(5))."},

	"NIS2Input.entity":               {Doc: "The entity's name, which the reasons of the result show."},
	"NIS2Input.type":                 {Doc: "The entity type.", Required: true},
	"NIS2Input.enterprise":           {Doc: "The figures of the enterprise, from which its size class follows.", Required: true},
	"NIS2Input.criticalEntity":       {Doc: "The entity is identified as a critical entity under Directive (EU) 2022/2557."},
	"NIS2Input.soleProvider":         {Doc: "The entity is the sole provider in its member state of a service essential to society or the economy."},
	"NIS2Input.memberStateEssential": {Doc: "The member state identified the entity as essential regardless of its size."},
	"Enterprise.headcount":           {Doc: "The headcount in annual work units (fractions allowed).", Required: true, HasMax: true, Max: grading.MaxHeadcount, Schema: figureMinimum()},
	"Enterprise.turnoverEur":         {Doc: "The annual turnover in euros.", Required: true, HasMax: true, Max: schemagen.MaxSafeInteger, Schema: figureMinimum()},
	"Enterprise.balanceSheetEur":     {Doc: "The annual balance-sheet total in euros.", Required: true, HasMax: true, Max: schemagen.MaxSafeInteger, Schema: figureMinimum()},
	"Enterprise.partners":            {Doc: "Partner enterprises (a holding of 25 % to 50 % either way, in medsec's own size facts): their figures count in proportion to the share."},
	"Enterprise.linked":              {Doc: "Linked enterprises (a majority tie either way): their figures count in full."},
	"Partner.sharePercent":           {Doc: "The share, in percent, of capital or voting rights, whichever is higher. The grader checks it against the partner range of its registry's facts.", HasMin: true, HasMax: true, Max: 100},
	"Partner.headcount":              {Doc: "The partner's headcount in annual work units.", HasMin: true, HasMax: true, Max: grading.MaxHeadcount},
	"Partner.turnoverEur":            {Doc: "The partner's annual turnover in euros.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},
	"Partner.balanceSheetEur":        {Doc: "The partner's annual balance-sheet total in euros.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},
	"Linked.headcount":               {Doc: "The linked enterprise's headcount in annual work units.", HasMin: true, HasMax: true, Max: grading.MaxHeadcount},
	"Linked.turnoverEur":             {Doc: "The linked enterprise's annual turnover in euros.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},
	"Linked.balanceSheetEur":         {Doc: "The linked enterprise's annual balance-sheet total in euros.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},

	"CZInput.entity":           {Doc: "The provider's name, which the reasons of the result show."},
	"CZInput.regulatedService": {Doc: "Whether the provider offers a regulated service under Decree 408/2025.", Required: true},
	"CZInput.significant":      {Doc: "Whether the provider is significant under § 8(1) of Act 264/2025. Leave it out where not known: the regime is then inferred from the size class, and the enterprise figures are required. Not \"yes\" when regulatedService is \"no\"."},
	"CZInput.enterprise":       {Doc: "The figures of the enterprise. Required when regulatedService is \"yes\" and significant is left out; otherwise optional, and shown in the reasons when given. An enterprise whose figures are all zero or left out counts as not given."},

	"Inputs.nis2":        {Doc: "The input of the institution's NIS2 classification."},
	"Inputs.cz":          {Doc: "The input of the institution's regime under Czech law."},
	"Inputs.systems":     {Doc: "The institution's information systems, each with the grading input of the schemes it falls under. IDs are unique."},
	"SystemInput.id":     {Doc: "The system's ID within the institution, e.g. \"HIS\". Required, unique.", Required: true},
	"SystemInput.name":   {Doc: "The system's name."},
	"SystemInput.flags":  {Doc: "Flags that hold for this system besides the institution's, e.g. \"health-data\": codes that the packs of the registry in use declare."},
	"SystemInput.events": {Doc: "The system's event dates by event code, e.g. {\"grading\": \"2026-10-01\", \"go-live\": \"2026-11-01\"}: events that the packs of the registry in use declare; dates YYYY-MM-DD."},
	"SystemInput.mlps":   {Doc: "The system's MLPS input; leave it out where MLPS does not apply."},
	"SystemInput.vn":     {Doc: "The system's input under Vietnam's Decree 85/2016; leave it out where it does not apply."},
}

// figureMinimum is the minimum of a required figure: the decoder reads a zero
// as a figure not given, which the checks report as missing.
func figureMinimum() schemagen.Schema { return schemagen.Schema{"exclusiveMinimum": 0} }

// zeroEnterprise is an enterprise whose figures are all zero or left
// out, as Go reads an enterprise not given.
func zeroEnterprise() schemagen.Schema {
	zero := schemagen.Schema{"const": 0}
	none := schemagen.Schema{"maxItems": 0}
	return schemagen.Schema{"type": "object", "properties": schemagen.Schema{"headcount": zero, "turnoverEur": zero,
		"balanceSheetEur": zero, "partners": none, "linked": none}}
}

// conditions adds the rules that span an input's fields.
func conditions(t reflect.Type, s schemagen.Schema) {
	props := s["properties"].(schemagen.Schema)
	var all []any
	switch t {
	case reflect.TypeFor[grading.MLPSInput]():
		none := func() schemagen.Schema {
			return schemagen.Schema{"required": []string{"citizens", "society", "nation"}, "properties": schemagen.Schema{
				"citizens": schemagen.Schema{"const": "none"}, "society": schemagen.Schema{"const": "none"}, "nation": schemagen.Schema{"const": "none"}}}
		}
		s["not"] = schemagen.Schema{"$comment": "A graded system harms some object: not every harm \"none\".",
			"required": []string{"information", "service"}, "properties": schemagen.Schema{"information": none(), "service": none()}}
	case reflect.TypeFor[grading.VNInput]():
		var secret, private []string
		for _, n := range schemagen.EnumNames(reflect.TypeFor[grading.VNInfo]()) {
			if strings.Contains(n, "state-secret") {
				secret = append(secret, n)
			}
			if strings.Contains(n, "private") || strings.Contains(n, "personal") {
				private = append(private, n)
			}
		}
		req := func(fields ...string) schemagen.Schema { return schemagen.Schema{"required": fields} }
		all = append(all,
			schemagen.Schema{"if": schemagen.Schema{"required": []string{"information"}, "properties": schemagen.Schema{"information": schemagen.Schema{"enum": secret}}},
				"then": req("secretGrade", "secretHarm")},
			schemagen.If("type", grading.VNPublicFacing.String(), req("publicService", "conditionalBusiness")),
			schemagen.Schema{"if": schemagen.Schema{"required": []string{"type", "information"}, "properties": schemagen.Schema{
				"type": schemagen.Schema{"const": grading.VNPublicFacing.String()}, "information": schemagen.Schema{"enum": private}}},
				"then": schemagen.Schema{"required": []string{"users"}, "properties": schemagen.Schema{"users": schemagen.Schema{"minimum": 1}}}},
			schemagen.If("type", grading.VNInfrastructure.String(), req("reach")),
			schemagen.Schema{"if": schemagen.Schema{"required": []string{"type", "reach"}, "properties": schemagen.Schema{
				"type": schemagen.Schema{"const": grading.VNInfrastructure.String()}, "reach": schemagen.Schema{"const": grading.ReachNationwide.String()}}},
				"then": req("nonStop")},
			schemagen.If("type", grading.VNIndustrialControl.String(), req("worksGrade")),
			schemagen.If("nationalEGovernment", true, req("nonStop")),
		)
	case reflect.TypeFor[grading.CZInput]():
		// An enterprise of zero figures is one not given; one with figures
		// has them all. They are needed when the regime must be inferred.
		props["enterprise"] = schemagen.Schema{"description": props["enterprise"].(schemagen.Schema)["description"],
			"anyOf": []any{zeroEnterprise(), withoutDescription(props["enterprise"].(schemagen.Schema))}}
		all = append(all,
			schemagen.If("regulatedService", grading.No.String(), schemagen.Schema{"properties": schemagen.Schema{
				"significant": schemagen.Schema{"not": schemagen.Schema{"const": grading.Yes.String()}}}}),
			schemagen.Schema{"if": schemagen.Schema{"required": []string{"regulatedService"},
				"properties": schemagen.Schema{"regulatedService": schemagen.Schema{"const": grading.Yes.String()}},
				"not":        schemagen.Schema{"required": []string{"significant"}}},
				"then": schemagen.Schema{"required": []string{"enterprise"}, "properties": schemagen.Schema{"enterprise": schemagen.Schema{"not": zeroEnterprise()}}}},
		)
	}
	if len(all) > 0 {
		s["allOf"] = all
	}
}

func withoutDescription(s schemagen.Schema) schemagen.Schema {
	c := schemagen.Schema{}
	for k, v := range s {
		if k != "description" {
			c[k] = v
		}
	}
	return c
}

// schemaOf returns the schema of input type t as JSON.
func schemaOf(t reflect.Type, file, title, description string, unique bool) []byte {
	s := inputRules.Builder(nil, conditions).Build(t)
	s["$comment"] = comment(unique)
	return schemagen.Marshal(s, SchemaBase+file, title, description)
}

var (
	mlpsSchema = sync.OnceValue(func() []byte {
		return schemaOf(reflect.TypeFor[grading.MLPSInput](), "mlps-input.schema.json", "medsec MLPS grading input",
			"What grading.MLPS needs to know to grade a system under China's MLPS 2.0 (GB/T 22240), as gradingio.DecodeMLPS reads it.", false)
	})
	vnSchema = sync.OnceValue(func() []byte {
		return schemaOf(reflect.TypeFor[grading.VNInput](), "vn-input.schema.json", "medsec Vietnamese grading input",
			"What grading.Vietnam needs to know to grade an information system under Vietnam's Decree 85/2016, as gradingio.DecodeVN reads it.", false)
	})
	nis2Schema = sync.OnceValue(func() []byte {
		return schemaOf(reflect.TypeFor[grading.NIS2Input](), "nis2-input.schema.json", "medsec NIS2 classification input",
			"What grading.NIS2 needs to know to classify a health-sector entity under the NIS2 Directive, as gradingio.DecodeNIS2 reads it.", false)
	})
	czSchema = sync.OnceValue(func() []byte {
		return schemaOf(reflect.TypeFor[grading.CZInput](), "cz-input.schema.json", "medsec Czech regime input",
			"What grading.Czech needs to know to place a provider in a regime of the Czech Act 264/2025, as gradingio.DecodeCZ reads it.", false)
	})
	inputsSchema = sync.OnceValue(func() []byte {
		return schemaOf(reflect.TypeFor[Inputs](), "inputs.schema.json", "medsec grading inputs of an institution",
			"The grading inputs of one institution: its NIS2 and Czech inputs and its systems with their MLPS and Vietnamese inputs, as gradingio.DecodeInputs reads them.", true)
	})
)

// MLPSSchema returns the JSON Schema (draft 2020-12) of the
// [grading.MLPSInput] format that [DecodeMLPS] reads. Every property has
// a description; a test feeds mutants of sample inputs to the schema and
// to the decoder and fails where they disagree, apart from what the
// schema's $comment lists as beyond JSON Schema. The returned slice is a
// fresh copy.
func MLPSSchema() []byte { return clone(mlpsSchema()) }

// VNSchema returns the JSON Schema of the [grading.VNInput] format that
// [DecodeVN] reads, as [MLPSSchema] describes.
func VNSchema() []byte { return clone(vnSchema()) }

// NIS2Schema returns the JSON Schema of the [grading.NIS2Input] format
// that [DecodeNIS2] reads, as [MLPSSchema] describes.
func NIS2Schema() []byte { return clone(nis2Schema()) }

// CZSchema returns the JSON Schema of the [grading.CZInput] format that
// [DecodeCZ] reads, as [MLPSSchema] describes.
func CZSchema() []byte { return clone(czSchema()) }

// InputsSchema returns the JSON Schema of the [Inputs] format that
// [DecodeInputs] reads, as [MLPSSchema] describes.
func InputsSchema() []byte { return clone(inputsSchema()) }

func clone(b []byte) []byte { return append([]byte(nil), b...) }
