package schemagen

import "reflect"

// InstitutionDoc describes the fields of grading.Institution and
// grading.System, which the schemas of several packages embed (an
// obligations profile, a contract); "" for other types and fields. The
// packages that embed them add what their own format asks of a field.
func InstitutionDoc(t reflect.Type, field string) string {
	switch t.String() {
	case "grading.Institution":
		return institutionDocs[field]
	case "grading.System":
		return systemDocs[field]
	}
	return ""
}

var institutionDocs = map[string]string{
	"id":            "The institution's ID in the user's own records, e.g. \"H1\". Required, not empty.",
	"name":          "The institution's name, in any language.",
	"country":       "The ISO 3166-1 alpha-2 code of the institution's seat, e.g. \"CZ\".",
	"jurisdictions": "The legal orders the institution is subject to, e.g. [\"CZ\", \"EU\"] for a Czech hospital: codes that the packs of the registry in use declare (medsec's own declare CN, CZ, EU and VN). At least one.",
	"type":          "The kind of institution.",
	"size":          "The enterprise size class (Recommendation 2003/361/EC), where known.",
	"nis2":          "The institution's NIS2 class, where assessed (grade it with grading's NIS2 input).",
	"cz":            "The institution's regime under the Czech Act 264/2025, where assessed.",
	"flags":         "Flags that hold for the institution and all its systems, e.g. \"health-data\", \"cii\": codes that the packs of the registry in use declare.",
	"principal":     "The person ID of the institution's head (主要负责人), who must hold certain posts.",
	"events":        "Institution-wide event dates by event code, e.g. {\"in-scope\": \"2025-11-01\"}: events that the packs of the registry in use declare; dates YYYY-MM-DD.",
	"systems":       "The institution's information systems and networks, with their grades. System IDs are unique.",
}

var systemDocs = map[string]string{
	"id":     "The system's ID within the institution, e.g. \"HIS\". Required, not empty, unique within the institution.",
	"name":   "The system's name.",
	"mlps":   "The system's China MLPS protection level, 1 to 5; leave it out where the system is not graded under MLPS.",
	"vn":     "The system's Vietnamese security level (Decree 85/2016), 1 to 5; leave it out where the system is not graded under it.",
	"flags":  "Flags that hold for this system besides the institution's, e.g. \"personal-data\".",
	"events": "The system's event dates by event code, e.g. {\"grading\": \"2026-10-01\", \"go-live\": \"2026-11-01\"}.",
}
