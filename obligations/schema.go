package obligations

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/medsec-go/medsec/grading"
	"github.com/medsec-go/medsec/grading/gradingio"
	"github.com/medsec-go/medsec/internal/inputjson"
	"github.com/medsec-go/medsec/internal/schemagen"
)

// SchemaBase is the start of the $id of every schema of the package:
// SchemaBase + "profile.schema.json" and so on.
const SchemaBase = "https://github.com/medsec-go/medsec/obligations/"

// The rules that JSON Schema cannot state, as the schemas' $comment names
// them; the differential tests allow a disagreement between a schema and
// its decoder only on these.
const (
	docUnique    = "system IDs and incident IDs are unique within the document"
	docReference = "an incident's system is one of the institution's systems"
	docDuplicate = "no object repeats a key (a JSON Schema validator sees only one of them)"
	docUTF8      = "text is valid UTF-8 and escapes no unpaired surrogate (JSON parsers differ on these before validation starts)"
	docBOM       = "the document does not start with a byte order mark"
	docSize      = "the document is at most 4 MiB unless the reader allows more"
	docRegistry  = "what the registry in use declares (jurisdictions, flags, events, roles) and the duties of the catalog in use are checked by Profile.Validate, Catalog.GapReport and CheckRoles, not by the decoder; the schema checks their form"
)

// inexpressible lists the kinds of those rules with their documentation.
var inexpressible = map[string]string{
	"unique": docUnique, "reference": docReference, "duplicate-key": docDuplicate, "utf8": docUTF8, "bom": docBOM, "size": docSize,
}

func comment(rules ...string) string {
	return "Rules of the decoder that this schema cannot state: " + strings.Join(append(rules, docDuplicate, docUTF8, docBOM, docSize), "; ") +
		". " + schemagen.TextComment + " Beyond the decoder, " + docRegistry + "."
}

// inputRules say what the input formats ask of every field; the decoders
// and the schemas are made from them.
var inputRules = func() inputjson.Rules {
	r := inputjson.Rules{
		"Profile.institution": {Doc: "The institution, with its systems and their grades.", Required: true},
		"Profile.incidents":   {Doc: "The incidents that may start reporting deadlines. IDs are unique."},

		"Incident.id":                   {Doc: "The incident's ID, which evidence of its reports names. Required, unique.", Required: true},
		"Incident.system":               {Doc: "The ID of the affected system, one of the institution's, where known.", NotEmpty: true},
		"Incident.detected":             {Doc: "When the incident was detected (or the entity became aware of it), RFC 3339 with the offset of the institution's time zone: its date there decides which rules bind the incident.", Required: true},
		"Incident.notified":             {Doc: "When the incident notification was submitted, RFC 3339; leave it out until then."},
		"Incident.responseEnd":          {Doc: "When the response to the incident ended, RFC 3339; leave it out until then."},
		"Incident.cnGrade":              {Doc: "The incident's grade under Chinese rules."},
		"Incident.significant":          {Doc: "A significant incident under NIS2 (in the Czech lower regime: one with significant impact)."},
		"Incident.beyondCapacity":       {Doc: "A Vietnamese incident the unit cannot handle alone."},
		"Incident.personalData":         {Doc: "The incident leaked, tampered with or lost personal information."},
		"Incident.affectsRecipients":    {Doc: "The entity judges that the incident is likely to harm the services it gives their recipients, who must then be told (NIS2 art. 23(1)); medsec does not infer it."},
		"Incident.ongoingAtFinalReport": {Doc: "The incident was still being handled when its final report fell due, so a progress report is due then and the final report one month after the handling ends (NIS2 art. 23(4)(e))."},

		"Evidence.duty":      {Doc: "The ID of the duty done, one of the catalog in use.", Required: true},
		"Evidence.system":    {Doc: "The ID of the system, for duties that bind a system; leave it out for the institution's duties.", NotEmpty: true},
		"Evidence.incident":  {Doc: "The ID of the incident, for duties that report an incident.", NotEmpty: true},
		"Evidence.done":      {Doc: "The day the duty was done, YYYY-MM-DD.", Required: true},
		"Evidence.at":        {Doc: "The time the duty was done, RFC 3339, which deadlines in hours compare against."},
		"Evidence.reference": {Doc: "Where the record is, e.g. a file number."},

		"Assignment.personId":        {Doc: "The person's ID in the institution's records.", Required: true},
		"Assignment.name":            {Doc: "The person's name."},
		"Assignment.role":            {Doc: "The post, a role code that the catalog in use declares, e.g. \"security-officer\".", Required: true},
		"Assignment.system":          {Doc: "The system the person holds the post for; leave it out for the institution as a whole, which covers every system.", NotEmpty: true},
		"Assignment.employment":      {Doc: "Whether the person is on the institution's staff or a supplier's.", Required: true},
		"Assignment.backgroundCheck": {Doc: "The day of the background check, YYYY-MM-DD; leave it out where there was none."},
		"Assignment.confidentiality": {Doc: "The day the confidentiality agreement was signed, YYYY-MM-DD; leave it out where there is none."},
		"Assignment.trainingHours":   {Doc: "Hours of security training.", HasMin: true, HasMax: true, Max: schemagen.MaxSafeInteger},
		"Assignment.trainingDates":   {Doc: "The days of security training, YYYY-MM-DD."},

		"Records.institution": {Doc: "The institution without its systems, which are the top-level systems.", Required: true},
		"Records.nis2":        {Doc: "The input of the institution's NIS2 classification (grading.NIS2Input)."},
		"Records.cz":          {Doc: "The input of the institution's regime under Czech law (grading.CZInput)."},
		"Records.systems":     {Doc: "The institution's systems with their grading inputs (gradingio.SystemInput). IDs are unique."},
		"Records.incidents":   {Doc: "The incidents that may start reporting deadlines; an incident's system is one of the systems. IDs are unique."},
		"Records.evidence":    {Doc: "The evidence of duties done."},
		"Records.assignments": {Doc: "The role assignments."},
		// The wire form of Records, for the decoder.
		"recordsJSON.institution": {Required: true},
	}
	for _, t := range []reflect.Type{reflect.TypeFor[grading.Institution](), reflect.TypeFor[grading.System]()} {
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			f := inputjson.Field{Doc: schemagen.InstitutionDoc(t, name)}
			switch t.Name() + "." + name {
			case "Institution.id", "Institution.jurisdictions", "Institution.type", "System.id":
				f.Required = true
			case "Institution.country":
				f.NotEmpty, f.Schema = true, schemagen.Schema{"pattern": schemagen.JurisdictionPattern}
			}
			r[t.Name()+"."+name] = f
		}
	}
	return r
}()

// builder builds the schemas of the package; the grading inputs of
// Records have the schemas package gradingio publishes.
func builder() *schemagen.Builder {
	b := inputRules.Builder(func(t reflect.Type) (schemagen.Schema, bool) {
		if t == reflect.TypeFor[Role]() {
			return schemagen.Code(), true
		}
		return nil, false
	}, nil)
	b.Type = func(t reflect.Type) (schemagen.Schema, bool) {
		switch t {
		case reflect.TypeFor[grading.NIS2Input]():
			return published(gradingio.NIS2Schema()), true
		case reflect.TypeFor[grading.CZInput]():
			return published(gradingio.CZSchema()), true
		case reflect.TypeFor[gradingio.SystemInput]():
			s := published(gradingio.InputsSchema())
			return s["properties"].(map[string]any)["systems"].(map[string]any)["items"].(map[string]any), true
		}
		return nil, false
	}
	return b
}

// published returns a schema of package gradingio as a subschema: without
// the keywords of a document.
func published(b []byte) schemagen.Schema {
	var s schemagen.Schema
	if err := json.Unmarshal(b, &s); err != nil {
		panic(err) // the package's own output; a test covers it
	}
	for _, k := range []string{"$schema", "$id", "title", "$comment"} {
		delete(s, k)
	}
	return s
}

// list is the schema of a document that is a list of t.
func list(t reflect.Type) schemagen.Schema {
	return schemagen.Schema{"type": "array", "maxItems": inputjson.MaxItems, "items": builder().Build(t)}
}

var (
	profileSchema = sync.OnceValue(func() []byte {
		s := builder().Build(reflect.TypeFor[Profile]())
		s["$comment"] = comment(docUnique, docReference)
		return schemagen.Marshal(s, SchemaBase+"profile.schema.json", "medsec institution profile",
			"What package obligations needs to know about an institution: the institution with its systems and their grades, and its incidents, as obligations.DecodeProfile reads it.")
	})
	incidentsSchema = sync.OnceValue(func() []byte {
		s := list(reflect.TypeFor[Incident]())
		s["$comment"] = comment("incident IDs are unique within the document")
		return schemagen.Marshal(s, SchemaBase+"incidents.schema.json", "medsec incidents",
			"A list of incidents that may start reporting deadlines, as obligations.DecodeIncidents reads it.")
	})
	evidenceSchema = sync.OnceValue(func() []byte {
		s := list(reflect.TypeFor[Evidence]())
		s["$comment"] = comment()
		return schemagen.Marshal(s, SchemaBase+"evidence.schema.json", "medsec evidence",
			"A list of evidence of duties done, as obligations.DecodeEvidence reads it.")
	})
	assignmentsSchema = sync.OnceValue(func() []byte {
		s := list(reflect.TypeFor[Assignment]())
		s["$comment"] = comment()
		return schemagen.Marshal(s, SchemaBase+"assignments.schema.json", "medsec role assignments",
			"A list of role assignments, as obligations.DecodeAssignments reads it.")
	})
	recordsSchema = sync.OnceValue(func() []byte {
		s := builder().Build(reflect.TypeFor[Records]())
		inst := s["properties"].(schemagen.Schema)["institution"].(schemagen.Schema)
		inst["properties"].(schemagen.Schema)["systems"] = schemagen.Schema{"type": "array", "maxItems": 0,
			"description": "Leave it out: the institution's systems are the top-level systems, with their grading inputs."}
		s["$comment"] = comment(docUnique, docReference)
		return schemagen.Marshal(s, SchemaBase+"records.schema.json", "medsec institution records",
			"An institution's records in one document: the institution, the grading inputs of the institution and its systems, its incidents, the evidence of duties done and the role assignments, as obligations.DecodeRecords reads them.")
	})
)

// ProfileSchema returns the JSON Schema (draft 2020-12) of the [Profile]
// format that [DecodeProfile] reads. Every property has a description; a
// test feeds mutants of sample profiles to the schema and to the decoder
// and fails where they disagree, apart from what the schema's $comment
// lists as beyond JSON Schema. The returned slice is a fresh copy.
func ProfileSchema() []byte { return clone(profileSchema()) }

// IncidentsSchema returns the JSON Schema of the list of incidents that
// [DecodeIncidents] reads, as [ProfileSchema] describes.
func IncidentsSchema() []byte { return clone(incidentsSchema()) }

// EvidenceSchema returns the JSON Schema of the evidence list that
// [DecodeEvidence] reads, as [ProfileSchema] describes.
func EvidenceSchema() []byte { return clone(evidenceSchema()) }

// AssignmentsSchema returns the JSON Schema of the list of role
// assignments that [DecodeAssignments] reads, as [ProfileSchema]
// describes.
func AssignmentsSchema() []byte { return clone(assignmentsSchema()) }

// RecordsSchema returns the JSON Schema of the [Records] format that
// [DecodeRecords] reads, as [ProfileSchema] describes; its grading inputs
// have the schemas package gradingio publishes.
func RecordsSchema() []byte { return clone(recordsSchema()) }

func clone(b []byte) []byte { return append([]byte(nil), b...) }
